package runtime_test

import (
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// ValidateRange reports which bound was crossed, in both directions.
func TestBinderValidateRange(t *testing.T) {
	rangeProbe := func() *command.Command {
		c := probe(command.FunctionCommand)
		c.Params = append(c.Params, params.P("PageSize", params.TInt, params.Range(1, 5000)))
		c.Params = append(c.Params, params.P("Quota", params.TLong, params.Range(-10, 10)))
		return c
	}
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"below the minimum", "Test-Bind -PageSize 0",
			"Test-Bind: Cannot validate argument on parameter 'PageSize'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again."},
		{"above the maximum", "Test-Bind -PageSize 6000",
			"Test-Bind: Cannot validate argument on parameter 'PageSize'. The 6000 argument is greater than the maximum allowed range of 5000. Supply an argument that is less than or equal to 5000 and then try the command again."},
		{"at the minimum", "Test-Bind -PageSize 1", "Identity: PageSize=1"},
		{"at the maximum", "Test-Bind -PageSize 5000", "Identity: PageSize=5000"},
		{"converted string above the maximum", "Test-Bind -PageSize '5001'",
			"Test-Bind: Cannot validate argument on parameter 'PageSize'. The 5001 argument is greater than the maximum allowed range of 5000. Supply an argument that is less than or equal to 5000 and then try the command again."},
		{"Int64 below a negative minimum", "Test-Bind -Quota -11",
			"Test-Bind: Cannot validate argument on parameter 'Quota'. The -11 argument is less than the minimum allowed range of -10. Supply an argument that is greater than or equal to -10 and then try the command again."},
		{"Int64 above the maximum", "Test-Bind -Quota 11",
			"Test-Bind: Cannot validate argument on parameter 'Quota'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := runWith(t, rangeProbe(), c.in); got != c.want {
				t.Errorf("%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}
