package runtime_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// probe is a cmdlet that prints its parameter set and bound parameters.
func probe(kind command.CommandType) *command.Command {
	c := &command.Command{Name: "Test-Bind", Type: kind, Module: "Test", Version: "1.0", FullTypeName: "Test.TestBindCommand"}
	c.Sets = []string{"Identity", "Filter"}
	c.DefaultSet = "Identity"
	c.Params = []*params.Param{
		params.P("Identity", tItemID, params.InSets(params.SetInfo{Set: "Identity", Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("Filter", params.TString, params.InSets(params.Set("Filter", true, -1))),
		params.P("DisplayName", params.TString),
		params.P("Department", params.TString),
		params.P("Enabled", params.TBool),
		params.P("Count", params.TInt, params.Range(1, 10)),
		params.P("Force", params.TSwitch),
		params.P("Action", params.EnumType("ActionType", "ActionType", "GetHolds", "RemoveHold")),
		params.P("Members", params.TStrings, params.Alias("Member")),
		params.P("When", params.TDateTime),
		params.P("Password", params.TSecureString),
		params.P("Retention", tDays),
		params.P("Tags", tList),
		params.P("Limit", tQuota),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		b := ctx.Bound()
		keys := make([]string, 0, len(b))
		for k := range b {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s=%s", k, runtime.Of(ctx).ToStr(b[k])))
		}
		return ctx.WriteObject(ctx.ParameterSet + ": " + strings.Join(parts, " "))
	}
	return c
}

func runWith(t *testing.T, cmd *command.Command, line string) string {
	t.Helper()
	return runWithSetup(t, cmd, line, nil)
}

func runWithSetup(t *testing.T, cmd *command.Command, line string, setup func(*runtime.Runtime)) string {
	t.Helper()
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	rt.Register(cmd)
	if setup != nil {
		setup(rt)
	}
	rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
	return strings.TrimRight(buf.String(), "\n")
}

func TestBinder(t *testing.T) {
	cases := []struct {
		name string
		fn   bool // bind as a function (a remoting module's proxy) instead of a compiled cmdlet
		in   string
		want string
	}{
		{"named", false, "Test-Bind -Identity annb", "Identity: Identity=annb"},
		{"case-insensitive name", false, "Test-Bind -iDENTITY annb", "Identity: Identity=annb"},
		{"prefix", false, "Test-Bind -Ident annb -Disp 'Ann B'", "Identity: DisplayName=Ann B Identity=annb"},
		{"colon form", false, "Test-Bind -Identity:annb", "Identity: Identity=annb"},
		{"positional", false, "Test-Bind annb", "Identity: Identity=annb"},
		{"alias", false, "Test-Bind -Member a,b", "Identity: Members=a b"},
		{"array from one value", false, "Test-Bind -Members a", "Identity: Members=a"},
		{"switch", false, "Test-Bind -Force", "Identity: Force=True"},
		{"switch colon false", false, "Test-Bind -Force:$false", "Identity: Force=False"},
		{"switch does not take the next value", false, "Test-Bind -Force annb", "Identity: Force=True Identity=annb"},
		{"parameter set from a named parameter", false, "Test-Bind -Filter x", "Filter: Filter=x"},
		{"bool from $true and numbers", false, "Test-Bind -Enabled 0", "Identity: Enabled=False"},
		{"int conversion", false, "Test-Bind -Count '7'", "Identity: Count=7"},
		{"enum case-insensitive", false, "Test-Bind -Action getholds", "Identity: Action=GetHolds"},
		{"datetime", false, "Test-Bind -When '2024-03-01'", "Identity: When=03/01/2024 00:00:00"},
		{"pipeline by value", false, "'annb' | Test-Bind", "Identity: Identity=annb"},
		{"pipeline by property name", false, "[pscustomobject]@{Identity='pilarp'} | Test-Bind -Force", "Identity: Force=True Identity=@{Identity=pilarp}"},
		{"splatting", false, "$p = @{Identity='annb'; Force=$true}; Test-Bind @p", "Identity: Force=True Identity=annb"},
		{"common parameter prefix", false, "Test-Bind annb -ea 0", "Identity: Identity=annb"},

		{"unknown parameter", false, "Test-Bind -Idnetity x", "Test-Bind: A parameter cannot be found that matches parameter name 'Idnetity'."},
		{"ambiguous parameter", false, "Test-Bind -D x", "Test-Bind: Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DisplayName -Department -Debug."},
		{"missing argument", false, "Test-Bind -Identity", "Test-Bind: Missing an argument for parameter 'Identity'. Specify a parameter of type 'ItemIdParameter' and try again."},
		{"specified twice", false, "Test-Bind -Identity a -Identity b", "Test-Bind: Cannot bind parameter because parameter 'Identity' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."},
		{"extra positional", false, "Test-Bind a b", "Test-Bind: A positional parameter cannot be found that accepts argument 'b'."},
		{"sets cannot be combined", false, "Test-Bind -Identity a -Filter x", "Test-Bind: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."},
		{"bool rejects a string (cmdlet)", false, "Test-Bind -Enabled True", "Test-Bind: Cannot convert 'System.String' to the type 'System.Boolean' required by parameter 'Enabled'. "},
		{"bool rejects a string (function)", true, "Test-Bind -Enabled 'False'", "Test-Bind: Cannot process argument transformation on parameter 'Enabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."},
		{"int conversion error", false, "Test-Bind -Count abc", "Test-Bind: Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""},
		{"range", false, "Test-Bind -Count 0", "Test-Bind: Cannot validate argument on parameter 'Count'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again."},
		{"validate set", false, "Test-Bind -Action Nope", "Test-Bind: Cannot validate argument on parameter 'Action'. The argument \"Nope\" does not belong to the set \"GetHolds,RemoveHold\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."},
		{"switch rejects a string (cmdlet)", false, "Test-Bind -Force:abc", "Test-Bind: Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. "},
		{"switch rejects a string (function)", true, "Test-Bind -Force:'yes'", "Test-Bind: Cannot process argument transformation on parameter 'Force'. Cannot convert value \"System.String\" to type \"System.Management.Automation.SwitchParameter\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."},
		{"switch from a number", false, "Test-Bind -Force:0", "Identity: Force=False"},
		{"secure string from plain text", true, "Test-Bind -Password 'P@ss'", "Test-Bind: Cannot process argument transformation on parameter 'Password'. Cannot convert the \"P@ss\" value of type \"System.String\" to type \"System.Security.SecureString\"."},
		{"empty identity", false, "Test-Bind -Identity ''", "Test-Bind: Cannot bind argument to parameter 'Identity' because it is an empty string."},
		{"a name takes one value", false, "Test-Bind -Identity a,b", "Test-Bind: Cannot convert 'System.Object[]' to the type 'ItemIdParameter' required by parameter 'Identity'. Specified method is not supported."},
		{"a name takes one value (function)", true, "Test-Bind -Identity a,b", "Test-Bind: Cannot process argument transformation on parameter 'Identity'. Cannot convert 'System.Object[]' to the type 'ItemIdParameter' required by parameter 'Identity'. Specified method is not supported."},
		{"a name is kept as given", false, "Test-Bind -Identity 7", "Identity: Identity=7"},
		{"a whole type takes a list", false, "Test-Bind -Tags a,b", "Identity: Tags=a b"},
		{"a whole type takes a hashtable", false, "Test-Bind -Tags @{Add='a'}", "Identity: Tags=System.Collections.Hashtable"},
		{"an opaque type takes one value of a list", false, "Test-Bind -Limit @('50GB')", "Identity: Limit=50GB"},
		{"an empty opaque value is the handler's", false, "Test-Bind -Limit ''", "Identity: Limit="},
		{"a type's own conversion", false, "Test-Bind -Retention 3", "Identity: Retention=3.00:00:00"},
		{"the kind's conversion after it", false, "Test-Bind -Retention '1.02:00:00'", "Identity: Retention=1.02:00:00"},
		{"array to a scalar", true, "Test-Bind -DisplayName a,b", "Test-Bind: Cannot process argument transformation on parameter 'DisplayName'. Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'DisplayName'. Specified method is not supported."},
		{"mandatory missing without a console", false, "Test-Bind -Department x -Force:$false -Filter:$null", "Test-Bind: Cannot bind argument to parameter 'Filter' because it is null."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind := command.CmdletCommand
			if c.fn {
				kind = command.FunctionCommand
			}
			if got := runWith(t, probe(kind), c.in); got != c.want {
				t.Errorf("%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// A missing mandatory parameter is not asked for in a NonInteractive
// session; from redirected input it is asked for, and the end of the
// input cancels the prompt (its row ended) with the same error.
func TestBinderMandatoryMissing(t *testing.T) {
	c := probe(command.CmdletCommand)
	c.Params[0].Sets[0].Mandatory = true
	got := runWithSetup(t, c, "Test-Bind -Force", func(rt *runtime.Runtime) { rt.IO.NonInteractive = true })
	want := "Test-Bind: Cannot process command because of one or more missing mandatory parameters: Identity."
	if got != want {
		t.Errorf("NonInteractive: got %q want %q", got, want)
	}
	got = runWith(t, c, "Test-Bind -Force")
	want = "\ncmdlet Test-Bind at command pipeline position 1\nSupply values for the following parameters:\nIdentity: \n" + want
	if got != want {
		t.Errorf("redirected: got %q want %q", got, want)
	}
}

func TestBinderErrorRecordShape(t *testing.T) {
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	rt.Register(probe(command.CmdletCommand))
	rt.Run(syntax.NewSource("", "Test-Bind -Nope 1 -ErrorAction SilentlyContinue"), runtime.RunOptions{})
	v, _ := rt.Scope().Get("Error")
	l := v.(*object.List)
	if len(l.Items) != 1 {
		t.Fatalf("$Error has %d records", len(l.Items))
	}
	rec := l.Items[0].(*object.ErrorRecord)
	if rec.FullyQualifiedErrorID() != "NamedParameterNotFound,Test.TestBindCommand" || rec.Category != object.InvalidArgument || rec.ExceptionType != "ParameterBindingException" {
		t.Errorf("record: %s %s %s", rec.FullyQualifiedErrorID(), rec.Category, rec.ExceptionType)
	}
}
