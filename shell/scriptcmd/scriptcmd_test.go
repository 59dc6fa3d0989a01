package scriptcmd_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/shell/validate"
)

// interp evaluates the constants attribute arguments and defaults are
// written with, knows a few types, and converts text to [int];
// a switch value is the type on.
type interp struct{}

type on bool

func (interp) Text(v any) string { return object.ToInvariantString(v) }
func (interp) ConvertTo(v any, typeName string) (any, error) {
	if !strings.EqualFold(typeName, "int") {
		return v, nil
	}
	switch x := v.(type) {
	case nil:
		return 0, nil
	case string:
		n, err := strconv.Atoi(x)
		if err != nil {
			return nil, fmt.Errorf("cannot convert %q to System.Int32", x)
		}
		return n, nil
	}
	return v, nil
}
func (i interp) Constrain(typeName string, v any) (any, error) { return i.ConvertTo(v, typeName) }
func (interp) Compare(a, b any) (int, error)                   { return 0, nil }
func (interp) Regex(p string) (*regexengine.Regexp, error)     { return goRegex("(?i)" + p) }
func (interp) Script(any) (validate.Script, bool)              { return nil, false }
func (interp) RunScript(validate.Script, any) (any, error)     { return nil, nil }
func (interp) ScriptBlock(*syntax.ScriptBlock) any             { return nil }
func (interp) Switch(b bool) any                               { return on(b) }
func (interp) IsSwitch(v any) bool                             { _, ok := v.(on); return ok }
func (interp) EvalExpr(e syntax.Expr) (any, error) {
	switch x := e.(type) {
	case *syntax.ConstantExpr:
		return x.Value, nil
	case *syntax.StringConstExpr:
		return x.Value, nil
	case *syntax.VariableExpr:
		switch strings.ToLower(x.Name) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return nil, fmt.Errorf("cannot evaluate %T", e)
}
func (interp) ResolveType(name string) (string, string, bool, bool) {
	switch strings.ToLower(name) {
	case "int":
		return "System.Int32", "Int32", false, true
	case "datetime":
		return "System.DateTime", "DateTime", false, true
	case "string[]":
		return "System.String[]", "String[]", true, true
	case "hashtable":
		return "System.Collections.Hashtable", "Hashtable", false, true
	}
	return "", "", false, false
}

// function parses a script and returns the first function it defines.
func function(t *testing.T, src string) *scriptcmd.Function {
	t.Helper()
	sb, errs := parser.ParseString("", src)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", src, errs)
	}
	var def *syntax.FunctionDef
	syntax.Inspect(sb, func(n syntax.Node) bool {
		if d, ok := n.(*syntax.FunctionDef); ok && def == nil {
			def = d
		}
		return def == nil
	})
	if def == nil {
		t.Fatalf("%s: no function", src)
	}
	return scriptcmd.NewFunction(def)
}

// positions lists each parameter as name:position in its first set.
func positions(c *command.Command) string {
	var out []string
	for _, p := range c.Params {
		out = append(out, fmt.Sprintf("%s:%d", p.Name, p.Sets[0].Position))
	}
	return strings.Join(out, " ")
}

func TestFunctionDeclaration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		// advanced: the function takes the common parameters.
		advanced      bool
		shouldProcess bool
		impact        command.Impact
		sets          string // the parameter sets, in order
		defaultSet    string
		positions     string
	}{
		{name: "simple function, parameters after the name", src: `function f($a, $b) {}`,
			impact: command.ImpactMedium, positions: "a:0 b:1"},
		{name: "param block without attributes is simple", src: `function f { param($a, [switch]$s, $b) }`,
			impact: command.ImpactMedium, positions: "a:0 s:-1 b:1"},
		{name: "CmdletBinding makes it advanced", src: `function f { [CmdletBinding()] param($a) }`,
			advanced: true, impact: command.ImpactMedium, positions: "a:0"},
		{name: "a Parameter attribute alone makes it advanced", src: `function f { param([Parameter(Mandatory)]$a, $b) }`,
			advanced: true, impact: command.ImpactMedium, positions: "a:0 b:1"},
		{name: "SupportsShouldProcess without a value", src: `function f { [CmdletBinding(SupportsShouldProcess)] param() }`,
			advanced: true, shouldProcess: true, impact: command.ImpactMedium},
		{name: "SupportsShouldProcess=$false", src: `function f { [CmdletBinding(SupportsShouldProcess=$false)] param() }`,
			advanced: true, impact: command.ImpactMedium},
		{name: "ConfirmImpact High", src: `function f { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param() }`,
			advanced: true, shouldProcess: true, impact: command.ImpactHigh},
		{name: "ConfirmImpact is case-insensitive", src: `function f { [CmdletBinding(ConfirmImpact='low')] param() }`,
			advanced: true, impact: command.ImpactLow},
		{name: "PositionalBinding off", src: `function f { [CmdletBinding(PositionalBinding=$false)] param($a, $b) }`,
			advanced: true, impact: command.ImpactMedium, positions: "a:-1 b:-1"},
		{name: "an explicit position turns implicit positions off", src: `function f { param([Parameter(Position=1)]$a, $b) }`,
			advanced: true, impact: command.ImpactMedium, positions: "a:1 b:-1"},
		{name: "parameter sets in the order named, no default without DefaultParameterSetName",
			src:      `function f { param([Parameter(ParameterSetName='ByName')]$Name, [Parameter(ParameterSetName='ById')]$Id, [Parameter(ParameterSetName='byname')]$Filter, $All) }`,
			advanced: true, impact: command.ImpactMedium, sets: "ByName ById", positions: "Name:-1 Id:-1 Filter:-1 All:-1"},
		{name: "DefaultParameterSetName wins",
			src:      `function f { [CmdletBinding(DefaultParameterSetName='ById')] param([Parameter(ParameterSetName='ByName')]$Name, [Parameter(ParameterSetName='ById')]$Id) }`,
			advanced: true, impact: command.ImpactMedium, sets: "ByName ById", defaultSet: "ById", positions: "Name:-1 Id:-1"},
		{name: "__AllParameterSets is no set of its own", src: `function f { param([Parameter(ParameterSetName='__AllParameterSets')]$a, $b) }`,
			advanced: true, impact: command.ImpactMedium, positions: "a:0 b:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var cache scriptcmd.Cache
			f := function(t, tc.src)
			c := cache.Function(interp{}, f)
			if got := cache.Advanced(interp{}, f); got != tc.advanced {
				t.Errorf("advanced = %v, want %v", got, tc.advanced)
			}
			if c.Name != "f" || c.Type != command.FunctionCommand {
				t.Errorf("declared as %q of type %v", c.Name, c.Type)
			}
			if c.SupportsShouldProcess != tc.shouldProcess {
				t.Errorf("SupportsShouldProcess = %v", c.SupportsShouldProcess)
			}
			if c.ConfirmImpact != tc.impact {
				t.Errorf("ConfirmImpact = %v, want %v", c.ConfirmImpact, tc.impact)
			}
			if got := strings.Join(c.Sets, " "); got != tc.sets || c.DefaultSet != tc.defaultSet {
				t.Errorf("sets %q (default %q), want %q (default %q)", got, c.DefaultSet, tc.sets, tc.defaultSet)
			}
			if got := positions(c); got != tc.positions {
				t.Errorf("positions %q, want %q", got, tc.positions)
			}
		})
	}
}

func TestCommentHelp(t *testing.T) {
	t.Parallel()
	src := `<#
.SYNOPSIS
  Sets the level.
.DESCRIPTION
  Sets the level of a thing.
.PARAMETER Level
  How high.
.EXAMPLE
PS C:\> Set-Level -Level 3

Sets the level to three.
.EXAMPLE
Set-Level 1
#>
function Set-Level { param([int]$Level, $Other) }`
	var cache scriptcmd.Cache
	f := function(t, src)
	c := cache.Function(interp{}, f)
	if c.Synopsis != "Sets the level." || c.Description != "Sets the level of a thing." {
		t.Errorf("synopsis %q, description %q", c.Synopsis, c.Description)
	}
	if p := c.Param("Level"); p == nil || p.Help != "How high." {
		t.Errorf("Level's help: %+v", p)
	}
	if p := c.Param("Other"); p == nil || p.Help != "" {
		t.Errorf("Other's help: %+v", p)
	}
	want := []command.Example{{Code: "Set-Level -Level 3", Remark: "Sets the level to three."}, {Code: "Set-Level 1"}}
	if fmt.Sprint(c.Examples) != fmt.Sprint(want) {
		t.Errorf("examples %+v, want %+v", c.Examples, want)
	}
	// The help is the function's, not the cached declaration's: the
	// command built for the body alone has none.
	bare, _, err := cache.Command(interp{}, "other", f.Body.AST, f.Params)
	if err != nil || bare.Synopsis != "" || bare.Name != "other" || bare.Param("Level").Help != "" {
		t.Errorf("cached declaration changed: %+v, %v", bare, err)
	}
}

// A function whose declaration cannot be built (a type exosim cannot
// find) is shown as its bare name and is not advanced.
func TestBrokenDeclaration(t *testing.T) {
	t.Parallel()
	var cache scriptcmd.Cache
	f := function(t, `function global:Get-Odd { [CmdletBinding()] param([NoSuchType]$a) }`)
	if f.Name != "Get-Odd" {
		t.Errorf("name %q: the scope prefix is not part of it", f.Name)
	}
	if _, _, err := cache.Command(interp{}, f.Name, f.Body.AST, f.Params); err == nil {
		t.Fatal("no error for an unknown type")
	}
	c := cache.Function(interp{}, f)
	if c.Name != "Get-Odd" || len(c.Params) != 0 || cache.Advanced(interp{}, f) {
		t.Errorf("declared as %+v", c)
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		param string
		want  any
		err   bool
	}{
		{param: `$a`, want: nil},
		{param: `$a = 'x'`, want: "x"},
		{param: `[int]$a`, want: 0},
		{param: `[int]$a = '7'`, want: 7},
		{param: `[int]$a = 'seven'`, err: true},
		{param: `[string]$a`, want: ""},
		{param: `[string[]]$a`, want: nil},
		{param: `[bool]$a`, want: false},
		{param: `[switch]$a`, want: on(false)},
		{param: `[hashtable]$a`, want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.param, func(t *testing.T) {
			t.Parallel()
			sb, errs := parser.ParseString("", "param("+tc.param+")")
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			c, _, err := scriptcmd.Build(interp{}, "f", sb, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := scriptcmd.Default(interp{}, c.Params[0])
			if (err != nil) != tc.err {
				t.Fatalf("error %v", err)
			}
			if !tc.err && got != tc.want {
				t.Errorf("default %#v, want %#v", got, tc.want)
			}
		})
	}
	// A parameter a command declares in Go has no default but a switch's.
	if v, _ := scriptcmd.Default(interp{}, params.P("Force", params.TSwitch)); v != on(false) {
		t.Errorf("Go switch default %#v", v)
	}
	if v, _ := scriptcmd.Default(interp{}, params.P("Name", params.TString)); v != nil {
		t.Errorf("Go string default %#v", v)
	}
}

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}
