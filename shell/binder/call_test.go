package binder_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// twoWayCmd has two sets and no default: -Path (set Path) and -Id (set
// Id), each taken from the pipeline by value, neither mandatory.
func twoWayCmd() *command.Command {
	c := &command.Command{Name: "Get-Either", Type: command.CmdletCommand}
	c.Sets = []string{"Path", "Id"}
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.SetInfo{Set: "Path", Position: -1, FromPipeline: true})),
		params.P("Id", params.TInt, params.InSets(params.SetInfo{Set: "Id", Position: -1, FromPipeline: true})),
	}
	c.Handler.Process = func(*command.Context) error { return nil }
	return c
}

// newCall binds args to cmd and returns the call that follows.
func newCall(t *testing.T, cmd *command.Command, plans *binder.Plans, args ...binder.Argument) *binder.Call {
	t.Helper()
	b, err := binder.Bind(session{}, cmd, cmd.Name, args, syntax.Extent{}, false)
	if err != nil {
		t.Fatal(err)
	}
	return &binder.Call{Cmd: cmd, InvName: cmd.Name, Bound: b, PipePos: 1, Plans: plans}
}

// showBindings is bindings as one line, in key order.
func showBindings(bindings map[string]any) string {
	var keys []string
	for k := range bindings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%v", k, bindings[k]))
	}
	return strings.Join(parts, " ")
}

func TestCallResolve(t *testing.T) {
	t.Parallel()
	const ambiguous = "Get-Either: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided. (AmbiguousParameterSet)"
	tests := []struct {
		name string
		cmd  func() *command.Command
		args []binder.Argument
		con  *console
		pick string // the set a command taking pipeline input starts in
		want string // Resolve's set and bindings, or its error
	}{
		{"the arguments choose", testCmd, []binder.Argument{named("Filter", "x")}, nil,
			"Filter", "Filter: filter=x"},
		{"the default set when several fit", testCmd, nil, nil,
			"Identity", "Identity: "},
		{"a set is not guessed", twoWayCmd, nil, nil,
			"Path", ambiguous},
		{"a named argument settles it", twoWayCmd, []binder.Argument{named("Id", 4)}, nil,
			"Id", "Id: id=4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			call := newCall(t, tt.cmd(), nil, tt.args...)
			bindings := map[string]any{}
			for k, v := range call.Bound.Values {
				bindings[k] = v
			}
			if got := call.Pick(bindings); got != tt.pick {
				t.Errorf("Pick = %q; want %q", got, tt.pick)
			}
			con := tt.con
			if con == nil {
				con = &console{}
			}
			set, err := call.Resolve(session{}, con, bindings)
			got := set + ": " + showBindings(bindings)
			if err != nil {
				got = errText(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCallAsksForMandatoryParameters(t *testing.T) {
	t.Parallel()
	cmd := testCmd()
	for _, tt := range []struct {
		name string
		con  *console
		want string
	}{
		{"no console", &console{}, "Get-Thing: Cannot process command because of one or more missing mandatory parameters: Filter. (MissingMandatoryParameter)"},
		{"a console", &console{interactive: true, answers: []string{"f"}}, "Filter: filter=f"},
	} {
		// Only the Filter set is left: its -Filter is mandatory.
		call := &binder.Call{Cmd: cmd, InvName: cmd.Name, Bound: &binder.Bound{Sets: []string{"Filter"}}}
		bindings := map[string]any{}
		set, err := call.Resolve(session{}, tt.con, bindings)
		got := set + ": " + showBindings(bindings)
		if err != nil {
			got = errText(err)
		}
		if got != tt.want {
			t.Errorf("%s: got %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestCallBindsEachObject(t *testing.T) {
	t.Parallel()
	cmd := testCmd()
	call := newCall(t, cmd, nil, named("Department", "Sales"))
	bindings := map[string]any{"department": "Sales"}
	for _, tt := range []struct {
		input any
		want  string
	}{
		// By value: a date is -When, which only the Identity set has.
		{"2024-03-01", "Identity: department=Sales when=2024-03-01 00:00:00 +0000 Unspecified"},
		// The next object's bindings start from the arguments' again:
		// the last object's -When is gone.
		{object.NewCustomObject().Add("DisplayName", "Ann"), "Identity: department=Sales displayname=Ann"},
		{object.NewCustomObject().Add("DisplayName", "Bo"), "Identity: department=Sales displayname=Bo"},
		{true, "Get-Thing: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. (InputObjectNotBound)"},
	} {
		var err error
		bindings, err = call.BindInput(session{}, bindings, tt.input)
		got := ""
		if err == nil {
			var set string
			set, err = call.Resolve(session{}, &console{}, bindings)
			got = set + ": " + showBindings(bindings)
		}
		if err != nil {
			got = errText(err)
		}
		if got != tt.want {
			t.Errorf("%v: got  %q\nwant %q", tt.input, got, tt.want)
		}
	}
	// Bindings a handler added to are refilled with the arguments'.
	bindings, err := call.BindInput(session{}, map[string]any{"department": "Sales", "stray": 1}, "2024-03-01")
	if err != nil || showBindings(bindings) != "department=Sales when=2024-03-01 00:00:00 +0000 Unspecified" {
		t.Errorf("from stray bindings: %v %q", err, showBindings(bindings))
	}
	if bindings, err := call.BindInput(session{}, nil, "2024-03-01"); err != nil || len(bindings) != 2 {
		t.Errorf("from no bindings: %v %q", err, showBindings(bindings))
	}
}

func TestCallSharesPlans(t *testing.T) {
	t.Parallel()
	var plans binder.Plans
	cmd := testCmd()
	first := newCall(t, cmd, &plans).Plan()
	if newCall(t, cmd, &plans).Plan() != first {
		t.Error("a second call of the same command and sets worked out its plan again")
	}
	if newCall(t, cmd, &plans, named("Filter", "x")).Plan() == first {
		t.Error("other candidate sets share a plan")
	}
	if copied := *cmd; newCall(t, &copied, &plans).Plan() == first {
		t.Error("a copy of the command (as gates make) shares its plan")
	}
	if newCall(t, cmd, nil).Plan() == first {
		t.Error("a call without Plans took a shared plan")
	}
	// Plans are bounded: after many other commands the first plan is
	// worked out anew.
	for i := 0; i < 1100; i++ {
		other := testCmd()
		newCall(t, other, &plans).Plan()
	}
	if newCall(t, cmd, &plans).Plan() == first {
		t.Error("Plans kept every plan")
	}
}

func TestDelayBind(t *testing.T) {
	t.Parallel()
	block := func(text string) *automation.ScriptBlock {
		sb, err := automation.Create(text)
		if err != nil {
			t.Fatal(err)
		}
		return sb
	}
	// a script block for -LiteralPath (pipeline input, string[]) runs for
	// each object; Where-Object's -FilterScript takes one as it is
	where := &command.Command{Name: "Test-Where", Type: command.CmdletCommand}
	where.Params = []*params.Param{
		params.P("InputObject", params.TPSObject, params.FromPipeline()),
		params.P("FilterScript", params.TScriptBlock, params.Position(0)),
	}
	where.Handler.Process = func(*command.Context) error { return nil }
	if c := newCall(t, where, nil, pos(block("$_"))); len(c.Bound.Delayed) != 0 {
		t.Errorf("a script block parameter delays its block: %v", c.Bound.Delayed)
	}
	c := newCall(t, pathCmd(), nil, named("LiteralPath", block("$_.txt")))
	if len(c.Bound.Delayed) != 1 || c.Bound.Sets[0] != "LiteralPath" {
		t.Fatalf("delayed %v, sets %v", c.Bound.Delayed, c.Bound.Sets)
	}
	if err := c.CheckInput(false); err == nil || !strings.Contains(err.Error(), "Cannot evaluate parameter 'LiteralPath' because its argument is specified as a script block and there is no input.") {
		t.Errorf("no input: %v", err)
	}
	for _, in := range []string{"a", "b"} {
		bindings, err := c.BindInput(session{}, nil, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(bindings["literalpath"]); got != "["+in+".txt]" {
			t.Errorf("object %s bound %s", in, got)
		}
	}
	empty := newCall(t, pathCmd(), nil, named("LiteralPath", block(" ")))
	if _, err := empty.BindInput(session{}, nil, "a"); err == nil || !strings.Contains(err.Error(), "did not produce any output") {
		t.Errorf("no output: %v", err)
	}
}

func TestResolveObjectAsksNothing(t *testing.T) {
	t.Parallel()
	cmd := testCmd()
	// Only the Filter set is left: its -Filter is mandatory, and a
	// pipeline object does not bring it.
	call := &binder.Call{Cmd: cmd, InvName: cmd.Name, Bound: &binder.Bound{Sets: []string{"Filter"}}}
	_, err := call.ResolveObject(map[string]any{})
	want := "Get-Thing: The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  Filter (InputObjectMissingMandatory)"
	if err == nil || errText(err) != want {
		t.Errorf("got  %v\nwant %q", err, want)
	}
	if set, err := call.ResolveObject(map[string]any{"filter": "x"}); err != nil || set != "Filter" {
		t.Errorf("with -Filter: %q %v", set, err)
	}
}
