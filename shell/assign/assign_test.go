package assign

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// fake is a session with a real scope and an environment; values are
// evaluated from the constants the test writes.
type fake struct {
	sc  *scope.Scope[*scriptcmd.Function]
	env map[string]string
}

func (f *fake) Value(st syntax.Statement) (any, error) { return nil, nil }
func (f *fake) Eval(e syntax.Expr) (any, error) {
	switch x := e.(type) {
	case *syntax.ConstantExpr:
		return x.Value, nil
	case *syntax.VariableExpr:
		v, _ := f.sc.Get(x.Name)
		return v, nil
	}
	return nil, fmt.Errorf("unexpected %T", e)
}
func (f *fake) Arith(op string, l, r any) (any, error) { return l.(int) + r.(int), nil }
func (f *fake) Members() members.Host                  { return nil }
func (f *fake) Text(v any) string                      { return fmt.Sprint(v) }
func (f *fake) ConvertTo(v any, t string) (any, error) { return fmt.Sprint(v), nil }
func (f *fake) Constrain(t string, v any) (any, error) { return fmt.Sprint(v), nil }
func (f *fake) Binding() params.Interp                 { return nil }
func (f *fake) Scope() *scope.Scope[*scriptcmd.Function] {
	return f.sc
}
func (f *fake) SetEnv(name, value string) { f.env[name] = value }

func TestTo(t *testing.T) {
	v := func(name string) *syntax.VariableExpr { return &syntax.VariableExpr{Name: name} }
	tests := []struct {
		target syntax.Expr
		value  any
		want   map[string]any
	}{
		{v("x"), 1, map[string]any{"x": 1}},
		// the last target takes what is left over
		{&syntax.ArrayLiteralExpr{Elements: []syntax.Expr{v("a"), v("b")}}, []any{1, 2, 3}, map[string]any{"a": 1, "b": []any{2, 3}}},
		// targets beyond the value's elements get $null
		{&syntax.ArrayLiteralExpr{Elements: []syntax.Expr{v("a"), v("b")}}, 1, map[string]any{"a": 1, "b": nil}},
		// [string]$s = 5 takes the type as the variable's constraint
		{&syntax.ConvertExpr{Type: &syntax.TypeName{Name: "string"}, Child: v("s")}, 5, map[string]any{"s": "5"}},
	}
	for i, tc := range tests {
		f := &fake{sc: scope.New[*scriptcmd.Function](nil), env: map[string]string{}}
		if err := To(f, tc.target, tc.value, syntax.Extent{}); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		for name, want := range tc.want {
			if got, _ := f.sc.Get(name); !reflect.DeepEqual(got, want) {
				t.Errorf("%d: $%s = %#v, want %#v", i, name, got, want)
			}
		}
	}
}

func TestVariableEnvAndCompound(t *testing.T) {
	f := &fake{sc: scope.New[*scriptcmd.Function](nil), env: map[string]string{}}
	if err := Variable(f, "env:Region", 7, syntax.Extent{}); err != nil || f.env["Region"] != "7" {
		t.Fatalf("env assignment: %v %v", err, f.env)
	}
	f.sc.Set("n", 1)
	st := &syntax.AssignmentStmt{Op: "+=", Target: &syntax.VariableExpr{Name: "n"}, Value: &syntax.Pipeline{}}
	f2 := &valueFake{fake: f, v: 2}
	if err := Statement(f2, st); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.sc.Get("n"); got != 3 {
		t.Errorf("$n += 2 gives %v, want 3", got)
	}
}

// valueFake is fake with a right-hand side value.
type valueFake struct {
	*fake
	v any
}

func (f *valueFake) Value(syntax.Statement) (any, error) { return f.v, nil }

func (f *fake) AttributeType(a *syntax.Attribute) (string, bool) {
	return params.AttributeType(a.Name, nil, nil)
}
