package binder_test

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// session is the least interpreter the binder needs: text as Go formats
// it, and a marked value for an undeclared -Name of a simple function.
type session struct{}

func (session) Text(v any) string                      { return fmt.Sprint(v) }
func (session) ConvertTo(v any, _ string) (any, error) { return v, nil }
func (session) Compare(a, b any) (int, error) {
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)), nil
}
func (session) Regex(p string) (*regexengine.Regexp, error) { return goRegex("(?i)" + p) }
func (session) Script(any) (validate.Script, bool)          { return nil, false }
func (session) RunScript(validate.Script, any) (any, error) { return nil, nil }
func (session) EvalExpr(syntax.Expr) (any, error)           { return nil, nil }
func (session) ResolveType(string) (string, string, bool, bool) {
	return "", "", false, false
}
func (session) ScriptBlock(*syntax.ScriptBlock) any { return nil }
func (session) Switch(on bool) any                  { return on }
func (session) IsSwitch(any) bool                   { return false }
func (session) ParameterToken(text, _ string) any   { return "token:" + text }

// DelayBind "runs" a script block argument: its text, with $_ replaced
// by the pipeline object (an empty block writes nothing).
func (session) DelayBind(sb *automation.ScriptBlock, v any) ([]any, error) {
	text := strings.TrimSpace(sb.Text())
	if text == "" {
		return nil, nil
	}
	return []any{strings.ReplaceAll(text, "$_", fmt.Sprint(v))}, nil
}

// testCmd has two sets: Identity (positional -Identity, -When from the
// pipeline by value) and Filter (mandatory -Filter), with parameters of
// both.
func testCmd() *command.Command {
	c := &command.Command{Name: "Get-Thing", Type: command.CmdletCommand, FullTypeName: "Test.GetThingCommand"}
	c.Sets = []string{"Identity", "Filter"}
	c.DefaultSet = "Identity"
	c.Params = []*params.Param{
		params.P("Identity", params.TString, params.InSets(params.Set("Identity", false, 0))),
		params.P("When", params.TDateTime, params.InSets(params.SetInfo{Set: "Identity", Position: -1, FromPipeline: true})),
		params.P("Filter", params.TString, params.InSets(params.Set("Filter", true, -1))),
		params.P("DisplayName", params.TString, params.FromPipelineByName()),
		params.P("Department", params.TString),
		params.P("Count", params.TInt),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(*command.Context) error { return nil }
	return c
}

func named(name string, v any) binder.Argument {
	return binder.Argument{Name: name, Value: v, HasVal: true}
}

func pos(v any) binder.Argument { return binder.Argument{Value: v} }

// show is a binding as one line: the bound values in key order, the
// common parameters, the remaining sets and $args.
func show(b *binder.Bound) string {
	var keys []string
	for k := range b.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%v", k, b.Values[k]))
	}
	for k, v := range b.Common {
		parts = append(parts, fmt.Sprintf("common:%s=%v", k, v))
	}
	return fmt.Sprintf("%s sets=%v extra=%v", strings.Join(parts, " "), b.Sets, b.Extra)
}

func TestBind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		simple bool
		args   []binder.Argument
		want   string
	}{
		{"positional to the only slot", false, []binder.Argument{pos("ann")}, "identity=ann sets=[Identity] extra=[]"},
		{"a prefix names a parameter", false, []binder.Argument{named("Disp", "Ann"), named("Filter", "x")}, "displayname=Ann filter=x sets=[Filter] extra=[]"},
		{"a switch without value is on", false, []binder.Argument{{Name: "Force"}}, "force=true sets=[Identity Filter] extra=[]"},
		{"a common parameter", false, []binder.Argument{named("ErrorAction", "stop")}, "common:erroraction=Stop sets=[Identity Filter] extra=[]"},
		{"a written parameter beats the splatted one", false, []binder.Argument{{Name: "Department", Value: "splat", HasVal: true, Splat: true}, named("Department", "written")}, "department=written sets=[Identity Filter] extra=[]"},
		{"a simple function keeps unknown arguments in order", true, []binder.Argument{pos("a"), {Name: "Nope", Value: "v", HasVal: true, Colon: true}, pos("b")}, "identity=a sets=[Identity] extra=[token:-Nope: v b]"},
		{"number text converts to Int32", false, []binder.Argument{named("Count", "7")}, "count=7 sets=[Identity Filter] extra=[]"},
		{"unknown parameter", false, []binder.Argument{named("Nope", 1)}, "Get-Thing: A parameter cannot be found that matches parameter name 'Nope'. (NamedParameterNotFound)"},
		{"ambiguous prefix", false, []binder.Argument{named("D", 1)}, "Get-Thing: Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DisplayName -Department -Debug. (AmbiguousParameter)"},
		{"bound twice", false, []binder.Argument{named("Count", 1), named("Count", 2)}, "Get-Thing: Cannot bind parameter because parameter 'Count' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\". (ParameterAlreadyBound)"},
		{"missing argument", false, []binder.Argument{{Name: "Count"}}, "Get-Thing: Missing an argument for parameter 'Count'. Specify a parameter of type 'System.Int32' and try again. (MissingArgument)"},
		{"parameters of two sets", false, []binder.Argument{pos("ann"), named("Filter", "x")}, "Get-Thing: A positional parameter cannot be found that accepts argument 'ann'. (PositionalParameterNotFound)"},
		{"no positional slot left", false, []binder.Argument{pos("a"), pos("b")}, "Get-Thing: A positional parameter cannot be found that accepts argument 'b'. (PositionalParameterNotFound)"},
		{"bad preference", false, []binder.Argument{named("ErrorAction", "Later")}, "Get-Thing: Cannot bind parameter 'ErrorAction'. Cannot convert value \"Later\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Later to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\" (CannotConvertArgumentNoMessage)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := testCmd()
			b, err := binder.Bind(session{}, cmd, cmd.Name, tt.args, syntax.Extent{}, tt.simple)
			got := ""
			if err != nil {
				got = errText(err)
			} else {
				got = show(b)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// errText is a binding error as "Activity: message (ErrorID)".
func errText(err error) string {
	var pe *pserror.Error
	if !errors.As(err, &pe) {
		return err.Error()
	}
	rec := pe.Record
	return rec.Activity + ": " + rec.Message + " (" + rec.ErrorID + ")"
}

func TestJoin(t *testing.T) {
	t.Parallel()
	cmd := testCmd()
	args := []binder.Argument{{Name: "Count"}, pos("3"), {Name: "Force"}, pos("x"), {Name: "Department"}, {Name: "Sales"}}
	var got []string
	for _, a := range binder.Join(cmd, args, false) {
		got = append(got, fmt.Sprintf("%s=%v/%v", a.Name, a.Value, a.HasVal))
	}
	// -Count takes the value after it, the switch -Force does not, and
	// -Sales names no parameter so it is -Department's value as text.
	want := "Count=3/true Force=<nil>/false =x/false Department=-Sales/true"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " "), want)
	}
}

func TestPlanBind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input any
		want  string
	}{
		{"by value", "2024-03-01", "when=2024-03-01 00:00:00 +0000 Unspecified set=Identity"},
		{"by property name", object.NewCustomObject().Add("DisplayName", "Ann"), "displayname=Ann set=Identity"},
		{"nothing takes it", true, "Get-Thing: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. (InputObjectNotBound)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := testCmd()
			b, err := binder.Bind(session{}, cmd, cmd.Name, nil, syntax.Extent{}, false)
			if err != nil {
				t.Fatal(err)
			}
			plan := binder.NewPlan(cmd, b.Sets)
			bindings := map[string]any{}
			var in binder.Input
			if err := plan.Bind(session{}, cmd, cmd.Name, syntax.Extent{}, bindings, tt.input, &in); err != nil {
				if got := errText(err); got != tt.want {
					t.Errorf("got  %q\nwant %q", got, tt.want)
				}
				return
			}
			var keys []string
			for k := range bindings {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var parts []string
			for _, k := range keys {
				parts = append(parts, fmt.Sprintf("%s=%v", k, bindings[k]))
			}
			got := strings.Join(parts, " ") + " set=" + plan.Pick(cmd, in.Params, bindings, true)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCommandLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"a", "-", "-Name", "x"}, "[a] [-] -Name [x]"},
		{[]string{"-Force:$TRUE", "-Off:false", "-Text:yes"}, "-Force:true -Off:false -Text:yes"},
		{[]string{"-Name:", "Ann", "-Last:"}, "-Name:Ann"},
		{[]string{"\u2013Dash"}, "-Dash"},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range binder.CommandLine(tt.words) {
			switch {
			case a.Name == "":
				got = append(got, fmt.Sprintf("[%v]", a.Value))
			case a.HasVal:
				got = append(got, fmt.Sprintf("-%s:%v", a.Name, a.Value))
			default:
				got = append(got, "-"+a.Name)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("CommandLine(%q) = %q, want %q", tt.words, strings.Join(got, " "), tt.want)
		}
	}
}

// console answers prompts from a script of lines and records the host's
// lines and the prompts it was shown.
type console struct {
	interactive bool
	redirected  bool
	answers     []string
	log         []string
	// end is the error of a read after the last answer (default: an
	// error of the editor's own).
	end error
}

func (c *console) Interactive() bool { return c.interactive }
func (c *console) Redirected() bool  { return c.redirected }

func (c *console) ReadLine(prompt string, secret bool) (string, error) {
	c.log = append(c.log, fmt.Sprintf("ask %q secret=%v", prompt, secret))
	if len(c.answers) == 0 {
		if c.end != nil {
			return "", c.end
		}
		return "", fmt.Errorf("no more input")
	}
	a := c.answers[0]
	c.answers = c.answers[1:]
	return a, nil
}

func (c *console) HostLine(line string) { c.log = append(c.log, line) }

func TestPrompt(t *testing.T) {
	t.Parallel()
	tags := params.P("Tags", params.TStrings, params.Mandatory())
	secret := params.P("Secret", params.TSecureString, params.Mandatory())
	count := params.P("Count", params.TInt, params.Mandatory())
	tests := []struct {
		name        string
		interactive bool
		missing     []*params.Param
		answers     []string
		want        string
	}{
		{"no console", false, []*params.Param{tags, count}, nil,
			"Get-Thing: Cannot process command because of one or more missing mandatory parameters: Tags Count. (MissingMandatoryParameter)"},
		{"an array takes lines until an empty one", true, []*params.Param{tags}, []string{"a", "b", ""},
			"|cmdlet Get-Thing at command pipeline position 2|Supply values for the following parameters:|ask \"Tags[0]: \" secret=false|ask \"Tags[1]: \" secret=false|ask \"Tags[2]: \" secret=false|tags=[a b]"},
		{"!? without help", true, []*params.Param{secret}, []string{"!?", "pw"},
			"|cmdlet Get-Thing at command pipeline position 2|Supply values for the following parameters:|ask \"Secret: \" secret=true|No help is available for Secret.|ask \"Secret: \" secret=true|secret=true"},
		{"input ends", true, []*params.Param{count}, nil,
			"|cmdlet Get-Thing at command pipeline position 2|Supply values for the following parameters:|ask \"Count: \" secret=false|Get-Thing: Cannot process command because of one or more missing mandatory parameters: Count. (MissingMandatoryParameter)"},
		{"an answer that does not convert", true, []*params.Param{count}, []string{"many"},
			"|cmdlet Get-Thing at command pipeline position 2|Supply values for the following parameters:|ask \"Count: \" secret=false|Get-Thing: Cannot bind parameter 'Count'. Cannot convert value \"many\" to type \"System.Int32\". Error: \"The input string 'many' was not in a correct format.\" (CannotConvertArgumentNoMessage)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := testCmd()
			con := &console{interactive: tt.interactive, answers: tt.answers}
			bindings := map[string]any{}
			err := binder.Prompt(session{}, con, cmd, cmd.Name, syntax.Extent{}, 1, tt.missing, bindings)
			parts := con.log
			if err != nil {
				parts = append(parts, errText(err))
			}
			var keys []string
			for k := range bindings {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				v := bindings[k]
				if _, ok := v.(object.SecureString); ok {
					v = true
				}
				parts = append(parts, fmt.Sprintf("%s=%v", k, v))
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCallBindScript(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []binder.Argument
		simple bool
		input  any
		want   string
	}{
		{"by value", nil, false, "2024-03-01", "set When"},
		// -When takes the object only converted, -DisplayName its property
		// as it is, in the pass before; the conversion that fails then is
		// passed over
		{"a conversion that fails is passed over", nil, false, object.NewCustomObject().Add("DisplayName", "Ann"), "set DisplayName"},
		{"a parameter bound by argument is left alone", []binder.Argument{named("When", "2024-03-01")}, false, object.NewCustomObject().Add("DisplayName", "Ann"), "set DisplayName"},
		{"nothing takes it", nil, false, true, "Get-Thing: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. (InputObjectNotBound)"},
		{"a simple function binds nothing", nil, true, "2024-03-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := testCmd()
			c := newCall(t, cmd, nil, tt.args...)
			c.Simple = tt.simple
			bindings := map[string]any{}
			for k, v := range c.Bound.Values {
				bindings[k] = v
			}
			var got []string
			err := c.BindScript(session{}, bindings, tt.input, func(p *params.Param, _ any) {
				got = append(got, "set "+p.Name)
			})
			if err != nil {
				got = append(got, errText(err))
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("got  %q\nwant %q", strings.Join(got, "|"), tt.want)
			}
		})
	}
}

// pathCmd has Remove-Item's pipeline parameters: -Path by value and by
// property name (the default set), -LiteralPath by property name or its
// alias PSPath.
func pathCmd() *command.Command {
	c := &command.Command{Name: "Remove-Thing", Type: command.CmdletCommand, FullTypeName: "Test.RemoveThingCommand"}
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "Path", Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
	}
	c.Handler.Process = func(*command.Context) error { return nil }
	return c
}

func TestPlanBindPasses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input any
		want  string
	}{
		{"a string is the path", "a.txt", "path=[a.txt] set=Path"},
		{"a string array is the path", []any{"a", "b"}, "path=[a b] set=Path"},
		// an object that is no string binds its PSPath before its text
		{"an item binds its PSPath", object.NewCustomObject().Add("PSPath", "Variable::la").Add("Name", "la"), "literalpath=[Variable::la] set=LiteralPath"},
		// a property that already has the type comes before a conversion
		{"a Path property", object.NewCustomObject().Add("Path", "p").Add("PSPath", "q"), "path=[p] set=Path"},
		// nothing binds without conversion: the object's text is the path
		{"converted", 12, "path=[12] set=Path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := pathCmd()
			b, err := binder.Bind(session{}, cmd, cmd.Name, nil, syntax.Extent{}, false)
			if err != nil {
				t.Fatal(err)
			}
			plan := binder.NewPlan(cmd, b.Sets)
			bindings := map[string]any{}
			var in binder.Input
			if err := plan.Bind(session{}, cmd, cmd.Name, syntax.Extent{}, bindings, tt.input, &in); err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, k := range []string{"path", "literalpath"} {
				if v, ok := bindings[k]; ok {
					parts = append(parts, fmt.Sprintf("%s=%v", k, v))
				}
			}
			got := strings.Join(parts, " ") + " set=" + plan.Pick(cmd, in.Params, bindings, true)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestUncoerced(t *testing.T) {
	t.Parallel()
	tests := []struct {
		t    *params.Type
		v    any
		want bool
	}{
		{params.TString, "x", true},
		{params.TString, 1, false},
		{params.TString, nil, false},
		{params.TStrings, "x", true},
		{params.TStrings, []any{"x", "y"}, true},
		{params.TStrings, []any{"x", 1}, false},
		{params.TInt, 1, true},
		{params.TInt, "1", false},
		{params.TObject, nil, true},
		{params.TObjects, 1, true},
		{params.THashtable, nil, true},
		{params.TDateTime, nil, false},
	}
	for _, tt := range tests {
		if got := binder.Uncoerced(params.P("P", tt.t), tt.v); got != tt.want {
			t.Errorf("Uncoerced(%s, %#v) = %v, want %v", tt.t.FullName, tt.v, got, tt.want)
		}
	}
}

func TestPlanBindErrors(t *testing.T) {
	t.Parallel()
	// countCmd takes -Count by property name only
	countCmd := func() *command.Command {
		c := &command.Command{Name: "Set-Count", Type: command.CmdletCommand, FullTypeName: "Test.SetCountCommand"}
		c.Params = []*params.Param{params.P("Count", params.TInt, params.FromPipelineByName())}
		c.Handler.Process = func(*command.Context) error { return nil }
		return c
	}
	notBound := "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. (InputObjectNotBound)"
	tests := []struct {
		name  string
		cmd   *command.Command
		input any
		want  string
	}{
		// a validation refusal stops binding
		{"an empty path", pathCmd(), "", "Remove-Thing: Cannot bind argument to parameter 'Path' because it is an empty string. (ParameterArgumentValidationErrorEmptyStringNotAllowed)"},
		{"no path", pathCmd(), nil, "Remove-Thing: Cannot bind argument to parameter 'Path' because it is null. (ParameterArgumentValidationErrorNullNotAllowed)"},
		// a property a cmdlet's parameter type does not take is passed over
		{"a property that does not convert", countCmd(), object.NewCustomObject().Add("Count", "many"), "Set-Count: " + notBound},
		{"a property that converts", countCmd(), object.NewCustomObject().Add("Count", "3"), "count=3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := binder.Bind(session{}, tt.cmd, tt.cmd.Name, nil, syntax.Extent{}, false)
			if err != nil {
				t.Fatal(err)
			}
			plan := binder.NewPlan(tt.cmd, b.Sets)
			bindings := map[string]any{}
			var in binder.Input
			got := ""
			if err := plan.Bind(session{}, tt.cmd, tt.cmd.Name, syntax.Extent{}, bindings, tt.input, &in); err != nil {
				got = errText(err)
			} else {
				got = fmt.Sprintf("count=%v", bindings["count"])
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}

// From redirected input the end of the input cancels the whole prompt, as
// in pwsh's console host: the prompt's row is ended and the error names
// every missing parameter, an array's included; any other failed read
// (the stop of a hidden read) is returned as it is.
func TestPromptRedirected(t *testing.T) {
	t.Parallel()
	tags := params.P("Tags", params.TStrings, params.Mandatory())
	count := params.P("Count", params.TInt, params.Mandatory())
	stop := errors.New("stopped")
	head := "|cmdlet Get-Thing at command pipeline position 1|Supply values for the following parameters:|"
	for _, tt := range []struct {
		name    string
		answers []string
		end     error
		want    string
	}{
		{"answered", []string{"a", "", "3"}, io.EOF, head + `ask "Tags[0]: " secret=false|ask "Tags[1]: " secret=false|ask "Count: " secret=false|count=3|tags=[a]`},
		{"end in an array", []string{"a"}, io.EOF, head + `ask "Tags[0]: " secret=false|ask "Tags[1]: " secret=false||Get-Thing: Cannot process command because of one or more missing mandatory parameters: Tags Count. (MissingMandatoryParameter)`},
		{"end at a value", []string{""}, io.EOF, head + `ask "Tags[0]: " secret=false|ask "Count: " secret=false||Get-Thing: Cannot process command because of one or more missing mandatory parameters: Tags Count. (MissingMandatoryParameter)`},
		{"stopped", nil, stop, head + `ask "Tags[0]: " secret=false|stopped`},
	} {
		cmd := testCmd()
		con := &console{interactive: true, redirected: true, answers: tt.answers, end: tt.end}
		bindings := map[string]any{}
		err := binder.Prompt(session{}, con, cmd, cmd.Name, syntax.Extent{}, 0, []*params.Param{tags, count}, bindings)
		parts := con.log
		if errors.Is(err, stop) {
			parts = append(parts, "stopped")
		} else if err != nil {
			parts = append(parts, errText(err))
		}
		var keys []string
		for k := range bindings {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s=%v", k, bindings[k]))
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
