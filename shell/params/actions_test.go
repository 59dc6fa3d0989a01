package params_test

import (
	"testing"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

func TestNormalizeAction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   any
		want string
	}{
		{"stop", "Stop"}, {"SILENTLYCONTINUE", "SilentlyContinue"}, {1, "Stop"}, {int64(4), "Ignore"},
		{9, "9"}, {"Whatever", "Whatever"},
		{object.Enum{Type: "System.Management.Automation.ActionPreference", Name: "Inquire", Value: 3}, "Inquire"},
	} {
		if got := params.NormalizeAction(tc.in); got != tc.want {
			t.Errorf("NormalizeAction(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
