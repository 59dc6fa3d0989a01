package params_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/shell/validate"
)

// interp evaluates the constant expressions attribute arguments are
// written with and knows a few types; switches are the type sw.
type interp struct{}

type sw bool

func (interp) Text(v any) string { return object.ToInvariantString(v) }
func (interp) ConvertTo(v any, typeName string) (any, error) {
	if strings.EqualFold(typeName, "int") {
		if s, ok := v.(string); ok {
			var n int
			if _, err := fmt.Sscan(s, &n); err != nil {
				return nil, errors.New("Cannot convert value \"" + s + "\" to type \"System.Int32\".")
			}
			return n, nil
		}
	}
	return v, nil
}
func (interp) Compare(a, b any) (int, error) { return 0, nil }
func (interp) Regex(p string) (*regexengine.Regexp, error) {
	return goRegex("(?i)" + p)
}
func (interp) Script(v any) (validate.Script, bool)        { return nil, false }
func (interp) RunScript(validate.Script, any) (any, error) { return nil, nil }
func (interp) ScriptBlock(*syntax.ScriptBlock) any         { return nil }
func (interp) Switch(on bool) any                          { return sw(on) }
func (interp) IsSwitch(v any) bool                         { _, ok := v.(sw); return ok }
func (i interp) EvalExpr(e syntax.Expr) (any, error) {
	switch x := e.(type) {
	case *syntax.ConstantExpr:
		return x.Value, nil
	case *syntax.StringConstExpr:
		return x.Value, nil
	case *syntax.ArrayLiteralExpr:
		var out []any
		for _, el := range x.Elements {
			v, err := i.EvalExpr(el)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case *syntax.VariableExpr:
		if strings.EqualFold(x.Name, "true") {
			return true, nil
		}
	}
	return nil, fmt.Errorf("cannot evaluate %T", e)
}
func (interp) ResolveType(name string) (string, string, bool, bool) {
	switch strings.ToLower(name) {
	case "int":
		return "System.Int32", "Int32", false, true
	case "datetime[]":
		return "System.DateTime[]", "DateTime[]", true, true
	}
	return "", "", false, false
}

// declare reads the first parameter of a param() block.
func declare(t *testing.T, src string) (*params.Param, error) {
	t.Helper()
	sb, errs := parser.ParseString("", src)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", src, errs)
	}
	return params.Declare(interp{}, sb.Param.Params[0], true)
}

func TestDeclare(t *testing.T) {
	t.Parallel()
	p, err := declare(t, `param([Parameter(Mandatory, Position=2, ParameterSetName='ById', HelpMessage='the id')][Alias('i','ident')][int]$Id = 5)`)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Id" || p.Type.Kind != params.KindInt || p.Type.FullName != "System.Int32" || p.Default != "5" || p.Help != "the id" {
		t.Errorf("declared %+v, type %+v", p, p.Type)
	}
	if len(p.Sets) != 1 || p.Sets[0].Set != "ById" || !p.Sets[0].Mandatory || p.Sets[0].Position != 2 {
		t.Errorf("sets %+v", p.Sets)
	}
	if strings.Join(p.Aliases, ",") != "i,ident" {
		t.Errorf("aliases %v", p.Aliases)
	}
	sp := params.ScriptOf(p)
	if sp == nil || sp.TypeName != "int" || sp.HelpMessage != "the id" || sp.Decl.Name != "Id" {
		t.Errorf("script note %+v", sp)
	}

	// A ValidateSet lists its values for completion; the declared type
	// stays what the constraint says.
	p, err = declare(t, `param([ValidateSet('a','b')][string]$Mode)`)
	if err != nil {
		t.Fatal(err)
	}
	if p.Type.Kind != params.KindEnum || strings.Join(p.Type.Values, ",") != "a,b" || params.ScriptOf(p).Declared.Kind != params.KindString {
		t.Errorf("ValidateSet type %+v", p.Type)
	}
	if len(p.Sets) != 1 || p.Sets[0].Set != params.AllSets || p.Sets[0].Position != -1 {
		t.Errorf("default set %+v", p.Sets)
	}

	p, err = declare(t, `param([datetime[]]$When)`)
	if err != nil || !p.Type.Array || p.Type.Kind != params.KindObject {
		t.Errorf("array constraint %+v, %v", p, err)
	}

	_, err = declare(t, `param([NoSuchType]$x)`)
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.Record.ErrorID != "TypeNotFound" || pe.Error() != "Unable to find type [NoSuchType]." {
		t.Errorf("unknown type: %v", err)
	}
	_, err = declare(t, `param([ValidatePattern('(')]$x)`)
	if !errors.As(err, &pe) || pe.Record.ErrorID != "ValidatePatternInvalid" {
		t.Errorf("bad pattern: %v", err)
	}
}

func TestBindScript(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		decl   string
		arg    any
		want   any
		failID string
	}{
		{`param([switch]$s)`, 1, sw(true), ""},
		{`param([bool]$b)`, 0, false, ""},
		{`param([bool]$b)`, "yes", nil, "ParameterArgumentTransformationError"},
		{`param([switch]$s)`, nil, sw(false), ""},
		{`param([bool]$b)`, sw(true), true, ""},
		{`param([int]$n)`, "12", 12, ""},
		{`param([int]$n)`, "x", nil, "ParameterArgumentTransformationError"},
		{`param([string]$s)`, []any{"a", "b"}, nil, "ParameterArgumentTransformationError"},
		{`param([Parameter(Mandatory)][string]$s)`, "", nil, "ParameterArgumentValidationErrorEmptyStringNotAllowed"},
		{`param([Parameter(Mandatory)][AllowEmptyString()][string]$s)`, "", "", ""},
		{`param([Parameter(Mandatory)]$o)`, nil, nil, "ParameterArgumentValidationErrorNullNotAllowed"},
		{`param([Parameter(Mandatory)][AllowNull()]$o)`, nil, nil, ""},
		{`param([ValidatePattern('^a')]$o)`, "bc", nil, "ParameterArgumentValidationError"},
		{`param([ValidatePattern('^a')]$o)`, "ab", "ab", ""},
	} {
		p, err := declare(t, tc.decl)
		if err != nil {
			t.Fatal(err)
		}
		got, f, err := params.BindScript(interp{}, p, tc.arg)
		if err != nil {
			t.Errorf("%s <- %v: %v", tc.decl, tc.arg, err)
			continue
		}
		if tc.failID != "" {
			if f == nil || f.ID != tc.failID || !strings.Contains(f.Msg, "'"+p.Name+"'") {
				t.Errorf("%s <- %#v: failure %+v, want %s", tc.decl, tc.arg, f, tc.failID)
			}
			continue
		}
		if f != nil || got != tc.want {
			t.Errorf("%s <- %#v: got %#v, %+v; want %#v", tc.decl, tc.arg, got, f, tc.want)
		}
	}
}

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}
