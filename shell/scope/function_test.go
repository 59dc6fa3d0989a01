package scope_test

import (
	"testing"

	"github.com/exosim/exosim/shell/scope"
)

func TestFunctionOptions(t *testing.T) {
	t.Parallel()
	// each step runs on a fresh global scope holding f with the options
	// given, and reports the error text or "ok"
	tests := []struct {
		name string
		opts scope.ItemOptions
		step func(g *scope.Scope[*fn]) error
		want string
	}{
		{"redefine a plain function", scope.OptNone, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptNone, false)
		}, "ok"},
		{"redefine a read-only function", scope.OptReadOnly, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptNone, false)
		}, "Cannot write to function f because it is read-only or constant."},
		{"redefine a read-only function by force", scope.OptReadOnly, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptNone, true)
		}, "ok"},
		{"redefine a constant function by force", scope.OptConstant, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptNone, true)
		}, "Cannot write to function f because it is read-only or constant."},
		{"make an existing function constant", scope.OptNone, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptConstant, false)
		}, "Existing function f cannot be made constant. Functions can be made constant only at creation time."},
		{"drop AllScope", scope.OptAllScope, func(g *scope.Scope[*fn]) error {
			return g.DefineFunction("f", &fn{"2"}, scope.OptNone, false)
		}, "The AllScope option cannot be removed from the function 'f'."},
		{"options of a constant function", scope.OptConstant, func(g *scope.Scope[*fn]) error {
			_, err := g.SetFunctionOptions("f", scope.OptNone)
			return err
		}, "Cannot modify function f because it is constant."},
		{"remove a read-only function", scope.OptReadOnly, func(g *scope.Scope[*fn]) error {
			_, err := g.RemoveFunction("f", false)
			return err
		}, "Cannot remove function f because it is constant."},
		{"remove a read-only function by force", scope.OptReadOnly, func(g *scope.Scope[*fn]) error {
			_, err := g.RemoveFunction("f", true)
			return err
		}, "ok"},
		{"remove a constant function by force", scope.OptConstant, func(g *scope.Scope[*fn]) error {
			_, err := g.RemoveFunction("f", true)
			return err
		}, "Cannot remove function f because it is constant."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := scope.New[*fn](nil)
			if err := g.DefineFunction("f", &fn{"1"}, tt.opts, false); err != nil {
				t.Fatal(err)
			}
			got := "ok"
			if err := tt.step(g); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFunctionPrivateAllScope(t *testing.T) {
	t.Parallel()
	g := scope.New[*fn](nil)
	early := scope.New(g)
	_ = g.DefineFunction("hidden", &fn{"hidden"}, scope.OptPrivate, false)
	_ = g.DefineFunction("every", &fn{"every"}, scope.OptAllScope, false)
	child := scope.New(g)
	if _, ok := child.Function("hidden"); ok {
		t.Error("a child scope sees a private function of its parent")
	}
	if _, ok := g.Function("hidden"); !ok {
		t.Error("the scope defining a private function does not see it")
	}
	if _, ok := child.Functions()["hidden"]; ok {
		t.Error("Functions() lists a private function of a parent")
	}
	// an AllScope function is part of the scopes opened afterwards:
	// redefining it there changes it everywhere
	if err := child.DefineFunction("every", &fn{"changed"}, scope.OptAllScope, false); err != nil {
		t.Fatal(err)
	}
	if f, _ := g.Function("every"); f.name != "changed" {
		t.Errorf("the global scope sees %q after a child redefined an AllScope function", f.name)
	}
	// a scope opened before holds no copy; a redefinition there is its own
	_ = early.DefineFunction("every", &fn{"own"}, scope.OptNone, false)
	if f, _ := g.Function("every"); f.name != "changed" {
		t.Errorf("a scope opened before the AllScope function changed it: %q", f.name)
	}
	if o, _ := child.FunctionOptions("every"); o != scope.OptAllScope {
		t.Errorf("options %v", o)
	}
}

// A function or alias defined in a scope opened from the global one is
// found from the scopes below it, in a session that had none before
// (Function and Alias answer such a session at once until then).
func TestFunctionAndAliasDefinedBelowTheGlobalScope(t *testing.T) {
	t.Parallel()
	g := scope.New[*fn](nil)
	child := scope.New(g)
	inner := scope.New(child)
	if _, ok := inner.Function("f"); ok {
		t.Fatal("a session without functions finds f")
	}
	if a := inner.Alias("a"); a != nil {
		t.Fatal("a session without aliases finds a")
	}
	if err := child.DefineFunction("F", &fn{"1"}, scope.OptNone, false); err != nil {
		t.Fatal(err)
	}
	child.PutAlias(&scope.Alias{Name: "A", Definition: "Get-Item"})
	if f, ok := inner.Function("f"); !ok || f.name != "1" {
		t.Errorf("Function(f) from below the scope defining it = %v, %v", f, ok)
	}
	if a := inner.Alias("a"); a == nil || a.Definition != "Get-Item" {
		t.Errorf("Alias(a) from below the scope putting it = %v", a)
	}
	if _, ok := g.Function("f"); ok {
		t.Error("the global scope finds a function its child defined")
	}
	if a := g.Alias("a"); a != nil {
		t.Error("the global scope finds an alias its child put")
	}
}
