package command

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/shell/params"
)

// An invocation whose arguments did not bind is reported with each
// argument named as the binder would have read it, and secrets marked.
func TestArgParams(t *testing.T) {
	t.Parallel()
	c := &Command{Name: "Set-Thing", Params: []*params.Param{
		params.P("Identity", params.TString, params.Position(0)),
		params.P("Password", params.TSecureString),
		params.P("Force", params.TSwitch),
		params.P("Note", params.TString, params.Position(1)),
	}}
	for _, tc := range []struct {
		name string
		args []Arg
		want string
	}{
		{"positional in order", []Arg{{Value: "ann"}, {Value: "hi"}}, "[{Identity ann false false} {Note hi false false}]"},
		{"named takes the next value", []Arg{{Name: "pass", Value: nil}, {Value: "s3cret"}}, "[{Password s3cret true false}]"},
		{"switch takes no value", []Arg{{Name: "Force"}, {Value: "ann"}}, "[{Force true false false} {Identity ann false false}]"},
		{"named first skips its position", []Arg{{Name: "Identity", Value: "bob", HasValue: true}, {Value: "x"}}, "[{Identity bob false false} {Note x false false}]"},
		{"common parameter", []Arg{{Name: "Verb"}}, "[{Verbose true false true}]"},
		{"unknown name kept as typed", []Arg{{Name: "Bogus", Value: 1, HasValue: true}}, "[{Bogus 1 false false}]"},
	} {
		if got := fmt.Sprint(ArgParams(c, tc.args)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// A command standing for another under a prefixed name is that command
// for what goes by name.
func TestBase(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		c    *Command
		want string
	}{
		{&Command{Name: "Get-Thing"}, "Get-Thing"},
		{&Command{Name: "Get-XThing", Proxies: "Get-Thing"}, "Get-Thing"},
	} {
		if got := tc.c.Base(); got != tc.want {
			t.Errorf("%s: Base() = %q, want %q", tc.c.Name, got, tc.want)
		}
	}
}
