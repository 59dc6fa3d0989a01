package scope_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/scope"
)

// fn stands for the interpreter's script functions.
type fn struct{ name string }

// chain is a session two scripts deep: global → script (a script file)
// → fnScope (a function it calls) → block (a script block the function
// runs with &). Each level sets $x to its own name; $g lives only in the
// global scope, $s only in the script's.
type chain struct {
	global, script, fnScope, block *scope.Scope[*fn]
}

func newChain() chain {
	var c chain
	c.global = scope.New[*fn](nil)
	c.script = scope.NewScript(c.global)
	c.fnScope = scope.New(c.script)
	c.block = scope.New(c.fnScope)
	c.global.Set("x", "global")
	c.script.Set("x", "script")
	c.fnScope.Set("x", "function")
	c.global.Set("g", "only global")
	c.script.Set("S", "only script")
	return c
}

func TestFindModifiers(t *testing.T) {
	t.Parallel()
	c := newChain()
	cases := []struct {
		from   *scope.Scope[*fn]
		name   string
		want   any
		exists bool
	}{
		// without a modifier the nearest scope that has the name wins
		{c.block, "x", "function", true},
		{c.block, "X", "function", true},
		{c.block, "g", "only global", true},
		{c.block, "s", "only script", true},
		// global: and script: name those scopes from anywhere below
		{c.block, "global:x", "global", true},
		{c.block, "GLOBAL:x", "global", true},
		{c.block, "script:x", "script", true},
		{c.fnScope, "script:s", "only script", true},
		// local: and private: read only the scope itself
		{c.fnScope, "local:x", "function", true},
		{c.block, "local:x", nil, false},
		{c.block, "private:x", nil, false},
		{c.block, "private:g", nil, false},
		{c.global, "private:g", "only global", true},
		// script: outside any script is the global scope
		{scope.New(c.global), "script:x", "global", true},
		{c.block, "nothere", nil, false},
	}
	for _, tc := range cases {
		got, ok := tc.from.Get(tc.name)
		if ok != tc.exists || got != tc.want {
			t.Errorf("Get(%q) = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.exists)
		}
	}
}

func TestSetQualified(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		where func(chain) *scope.Scope[*fn]
	}{
		{"v", func(c chain) *scope.Scope[*fn] { return c.block }},
		{"local:v", func(c chain) *scope.Scope[*fn] { return c.block }},
		{"private:v", func(c chain) *scope.Scope[*fn] { return c.block }},
		{"global:v", func(c chain) *scope.Scope[*fn] { return c.global }},
		{"Script:v", func(c chain) *scope.Scope[*fn] { return c.script }},
	}
	for _, tc := range cases {
		c := newChain()
		c.block.SetQualified(tc.name, 1)
		for _, s := range []*scope.Scope[*fn]{c.global, c.script, c.fnScope, c.block} {
			v := s.Lookup("v")
			if (s == tc.where(c)) != (v != nil) {
				t.Errorf("SetQualified(%q): variable in the wrong scope", tc.name)
			}
		}
	}
}

func TestAssignable(t *testing.T) {
	t.Parallel()
	c := newChain()
	if err := c.script.Define("ro", 1, scope.Options{Option: "ReadOnly"}); err != nil {
		t.Fatal(err)
	}
	if err := c.global.Define("k", 1, scope.Options{Option: "Constant"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		from    *scope.Scope[*fn]
		name    string
		target  *scope.Scope[*fn]
		bare    string
		refused bool
	}{
		{c.block, "y", c.block, "y", false},
		{c.block, "global:y", c.global, "y", false},
		{c.block, "script:y", c.script, "y", false},
		{c.block, "private:y", c.block, "y", false},
		// $null takes the value and keeps nothing
		{c.block, "null", nil, "null", false},
		{c.block, "global:NULL", nil, "NULL", false},
		{c.block, "true", nil, "true", true},
		{c.block, "False", nil, "False", true},
		// a read-only variable refuses in its own scope; a child scope
		// gets its own variable of that name
		{c.script, "ro", nil, "ro", true},
		{c.block, "script:ro", nil, "ro", true},
		{c.block, "ro", c.block, "ro", false},
		{c.block, "global:k", nil, "k", true},
	}
	for _, tc := range cases {
		target, bare, err := tc.from.Assignable(tc.name)
		if target != tc.target || bare != tc.bare || (err != nil) != tc.refused {
			t.Errorf("Assignable(%q) = %p, %q, %v; want %p, %q, refused %v", tc.name, target, bare, err, tc.target, tc.bare, tc.refused)
		}
		var se *scope.Error
		if tc.refused && (!errors.As(err, &se) || se.ID != "VariableNotWritable" || se.Message != "Cannot overwrite variable "+tc.bare+" because it is read-only or constant.") {
			t.Errorf("Assignable(%q): error %v, want VariableNotWritable", tc.name, err)
		}
	}
}

// TestDefineDelete runs New-Variable, Set-Variable and Remove-Variable
// steps in order on one session, each with the error ID it must refuse
// with ("" for none).
func TestDefineDelete(t *testing.T) {
	t.Parallel()
	c := newChain()
	s := c.block
	type step struct {
		op      string // "new", "set", "remove"
		name    string
		value   any
		o       scope.Options
		wantErr string
	}
	steps := []step{
		{op: "new", name: "a", value: 1},
		{op: "new", name: "A", value: 2, wantErr: "VariableAlreadyExists"},
		{op: "new", name: "a", value: 3, o: scope.Options{Force: true}},
		{op: "set", name: "a", value: 4, o: scope.Options{Option: "ReadOnly"}},
		{op: "set", name: "a", value: 5, wantErr: "VariableNotWritable"},
		{op: "remove", name: "a", wantErr: "VariableNotRemovable"},
		{op: "set", name: "a", value: 6, o: scope.Options{Force: true, Option: "None"}},
		{op: "set", name: "a", value: 7},
		{op: "remove", name: "a"},
		{op: "set", name: "k", value: 1, o: scope.Options{Scope: "global", Option: "Constant"}},
		{op: "set", name: "k", value: 2, o: scope.Options{Scope: "global", Force: true}, wantErr: "VariableNotWritable"},
		{op: "remove", name: "k", o: scope.Options{Force: true}, wantErr: "VariableNotRemovable"},
		{op: "set", name: "r", value: 1, o: scope.Options{Scope: "Script", Option: "readonly, "}},
		{op: "remove", name: "r", o: scope.Options{Force: true}},
	}
	for i, st := range steps {
		var err error
		switch st.op {
		case "new":
			st.o.New = true
			err = s.Define(st.name, st.value, st.o)
		case "set":
			err = s.Define(st.name, st.value, st.o)
		case "remove":
			_, err = s.Delete(st.name, st.o.Scope, st.o.Force)
		}
		id := ""
		var se *scope.Error
		if errors.As(err, &se) {
			id = se.ID
		} else if err != nil {
			t.Fatalf("step %d: %v is not a *scope.Error", i, err)
		}
		if id != st.wantErr {
			t.Fatalf("step %d (%s %s): error %q, want %q", i, st.op, st.name, id, st.wantErr)
		}
	}
	if v := c.block.Lookup("a"); v != nil {
		t.Errorf("$a still there: %+v", v)
	}
	if v := c.global.Lookup("k"); v == nil || v.Value != 1 || !v.Constant {
		t.Errorf("global $k = %+v, want the constant 1", v)
	}
	if v := c.script.Lookup("r"); v != nil {
		t.Errorf("script $r still there: %+v", v)
	}
}

func TestDeleteScope(t *testing.T) {
	t.Parallel()
	c := newChain()
	// a -Scope that does not hold the name removes nothing
	if ok, err := c.block.Delete("g", "script", false); ok || err != nil {
		t.Errorf("Delete(g, script) = %v, %v", ok, err)
	}
	// without one the nearest scope's variable goes, the outer stays
	if ok, err := c.block.Delete("x", "", false); !ok || err != nil {
		t.Fatalf("Delete(x) = %v, %v", ok, err)
	}
	if got, _ := c.block.Get("x"); got != "script" {
		t.Errorf("after removing the function's $x, $x = %v, want script", got)
	}
	if !c.block.Remove("G") || c.global.Lookup("g") != nil || c.block.Remove("g") {
		t.Error("Remove did not take $g out of the global scope once")
	}
}

func TestSave(t *testing.T) {
	t.Parallel()
	s := scope.New[*fn](nil)
	s.SetTyped("args", []any{1}, "object[]")
	restore := s.Save("args", "_")
	s.Set("args", []any{2})
	s.Lookup("args").Type = ""
	s.Set("_", 3)
	restore()
	v := s.Lookup("args")
	if v == nil || !reflect.DeepEqual(v.Value, []any{1}) || v.Type != "object[]" {
		t.Errorf("$args = %+v, want [1] constrained to object[]", v)
	}
	if s.Lookup("_") != nil {
		t.Error("$_ was not there before and is still there")
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	c := newChain()
	c.block.Set("X", "shadow")
	want := []string{"g", "S", "X"} // without regard to case
	if got := c.block.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
}

func TestFunctionsTypesStrict(t *testing.T) {
	t.Parallel()
	c := newChain()
	outer, inner := &fn{"outer"}, &fn{"inner"}
	_ = c.script.DefineFunction("Get-It", outer, scope.OptNone, false)
	_ = c.block.DefineFunction("get-it", inner, scope.OptNone, false)
	if f, _ := c.block.Function("GET-IT"); f != inner {
		t.Errorf("the block sees %v, want its own function", f)
	}
	if f, _ := c.fnScope.Function("get-it"); f != outer {
		t.Errorf("the function's scope sees %v, want the script's", f)
	}
	if got := c.block.Functions(); len(got) != 1 || got["get-it"] != inner {
		t.Errorf("Functions() = %v", got)
	}
	removed := func(name string) bool { ok, _ := c.block.RemoveFunction(name, false); return ok }
	if !removed("Get-It") || !removed("get-it") || removed("get-it") {
		t.Error("RemoveFunction did not remove the two definitions one by one")
	}
	if _, ok := c.global.Function("get-it"); ok {
		t.Error("the global scope sees a function no scope defines")
	}

	c.script.SetStrict(3)
	c.block.SetStrict(0)
	if c.global.Strict() != 0 || c.fnScope.Strict() != 3 || c.block.Strict() != 0 {
		t.Errorf("strict levels %d %d %d, want 0 3 0", c.global.Strict(), c.fnScope.Strict(), c.block.Strict())
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, scope, bare string }{
		{"x", "", "x"},
		{"Global:x", "global", "x"},
		{"env:Path", "env", "Path"},
		{":x", "", ":x"},
		{"a:b:c", "a", "b:c"},
	}
	for _, tc := range cases {
		if s, b := scope.Split(tc.in); s != tc.scope || b != tc.bare {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tc.in, s, b, tc.scope, tc.bare)
		}
	}
}

func TestNewGlobal(t *testing.T) {
	t.Parallel()
	g := scope.NewGlobal[*fn](func() any { return "the host" }, nil)
	child := scope.New(g)
	cases := []struct {
		name     string
		readOnly bool
	}{
		{"PSVersionTable", true},
		{"PID", true},
		{"HOME", true},
		{"Host", true},
		{"IsLinux", true},
		{"IsWindows", true},
		{"ErrorActionPreference", false},
		{"Error", false},
		{"LASTEXITCODE", false},
		{"NestedPromptLevel", false},
	}
	for _, tc := range cases {
		if _, ok := child.Get(tc.name); !ok {
			t.Errorf("$%s is not set", tc.name)
		}
		_, _, err := child.Assignable("global:" + tc.name)
		if (err != nil) != tc.readOnly {
			t.Errorf("assigning $global:%s: %v, want refused %v", tc.name, err, tc.readOnly)
		}
		// an automatic read-only variable is AllScope: a child scope
		// holds it too and refuses the assignment
		if target, _, err := child.Assignable(tc.name); (err != nil) != tc.readOnly || err == nil && target != child {
			t.Errorf("assigning $%s in a child scope: %v, want refused %v", tc.name, err, tc.readOnly)
		}
	}
	if v, _ := child.Get("host"); v != "the host" {
		t.Errorf("$Host = %v", v)
	}
	// $PID is the process's ID, made when first read
	if v, _ := child.Get("PID"); v != any(os.Getpid()) {
		t.Errorf("$PID = %v (%T), want %d", v, v, os.Getpid())
	}
	if v, _ := g.Get("ErrorActionPreference"); fmt.Sprint(v) != "Continue" {
		t.Errorf("$ErrorActionPreference = %v, want Continue", v)
	}
	// read-only, not constant: -Force changes it
	if err := child.Define("HOME", "/elsewhere", scope.Options{Scope: "global", Force: true}); err != nil {
		t.Errorf("Set-Variable HOME -Scope Global -Force: %v", err)
	}
}

// TestPrivateAndAllScope follows a variable's visibility from the scope
// that holds it into the scopes opened from it.
func TestPrivateAndAllScope(t *testing.T) {
	t.Parallel()
	upper := func(typeName string, v any) (any, error) {
		if typeName != "string" {
			return nil, fmt.Errorf("no conversion to %s", typeName)
		}
		return fmt.Sprint(v) + "!", nil
	}
	g := scope.New[*fn](nil)
	g.Set("p", "outer")
	s := scope.NewScript(g)
	if err := s.Assign("private:p", "mine", "", upper); err != nil {
		t.Fatal(err)
	}
	if err := s.Define("q", 1, scope.Options{Option: "Private"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Define("all", 1, scope.Options{Option: "AllScope"}); err != nil {
		t.Fatal(err)
	}
	child := scope.New(s)
	grandchild := scope.New(child)
	cases := []struct {
		from   *scope.Scope[*fn]
		name   string
		want   any
		exists bool
	}{
		{s, "p", "mine", true},
		{s, "private:p", "mine", true},
		{s, "q", 1, true},
		// a private variable is skipped: the next one out is seen
		{child, "p", "outer", true},
		{grandchild, "p", "outer", true},
		{child, "q", nil, false},
		{child, "script:q", 1, true},
		{child, "all", 1, true},
		{grandchild, "local:all", 1, true},
	}
	for _, tc := range cases {
		got, ok := tc.from.Get(tc.name)
		if ok != tc.exists || got != tc.want {
			t.Errorf("Get(%q) = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.exists)
		}
	}
	for _, n := range child.Names() {
		if n == "q" {
			t.Error("Names() from a child lists the private $q")
		}
	}
	if ok, _ := child.Delete("q", "", false); ok || child.Remove("q") {
		t.Error("a child removed the private $q it cannot see")
	}
	// an assignment in a scope opened later changes the AllScope variable
	// itself; a typed one converts
	if err := grandchild.Assign("all", 2, "", upper); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Get("all"); v != 2 {
		t.Errorf("$all in its own scope = %v after the grandchild set 2", v)
	}
	if err := grandchild.Assign("all", 3, "string", upper); err != nil {
		t.Fatal(err)
	}
	if err := child.Assign("all", 4, "", upper); err != nil {
		t.Fatal(err)
	}
	if v := s.Lookup("all"); v.Value != "4!" || v.Type != "string" {
		t.Errorf("$all = %+v, want 4! constrained to string", v)
	}
	if err := child.Assign("all", 5, "int", upper); err == nil {
		t.Error("a failed conversion was not returned")
	}
	// a scope opened before the variable was made AllScope does not share it
	if err := g.Define("late", 1, scope.Options{Option: "AllScope"}); err != nil {
		t.Fatal(err)
	}
	if s.Lookup("late") != nil || scope.New(g).Lookup("late") == nil {
		t.Error("AllScope reached an older scope or missed a new one")
	}
}

// TestDefineOptions is Set-Variable -Option on a variable already there
// and New-Variable -Force.
func TestDefineOptions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		first   scope.Options
		then    scope.Options
		wantErr string
		want    scope.Variable
	}{
		{"made constant later", scope.Options{}, scope.Options{Option: "Constant"}, "VariableCannotBeMadeConstant", scope.Variable{Value: 1}},
		{"AllScope kept", scope.Options{Option: "AllScope"}, scope.Options{Option: "AllScope,ReadOnly"}, "", scope.Variable{Value: 2, AllScope: true, ReadOnly: true}},
		{"AllScope cannot go", scope.Options{Option: "AllScope"}, scope.Options{Option: "None"}, "VariableAllScopeOptionCannotBeRemoved", scope.Variable{Value: 1, AllScope: true}},
		{"no -Option keeps the options", scope.Options{Option: "Private"}, scope.Options{}, "", scope.Variable{Value: 2, Private: true}},
		{"-Option replaces them", scope.Options{Option: "Private,ReadOnly"}, scope.Options{Option: "None", Force: true}, "", scope.Variable{Value: 2}},
		{"New-Variable -Force replaces the variable", scope.Options{Option: "ReadOnly"}, scope.Options{New: true, Force: true}, "", scope.Variable{Value: 2}},
		{"New-Variable -Force leaves a constant", scope.Options{Option: "Constant"}, scope.Options{New: true, Force: true}, "VariableNotWritable", scope.Variable{Value: 1, ReadOnly: true, Constant: true}},
		{"no -Value keeps the value", scope.Options{}, scope.Options{Option: "ReadOnly", NoValue: true}, "", scope.Variable{Value: 1, ReadOnly: true}},
		{"-Description sets it", scope.Options{}, scope.Options{Description: ptr("why"), NoValue: true}, "", scope.Variable{Value: 1, Description: "why"}},
		{"no -Description keeps it", scope.Options{Description: ptr("why")}, scope.Options{}, "", scope.Variable{Value: 2, Description: "why"}},
		{"New-Variable -Force drops the old description", scope.Options{Description: ptr("why")}, scope.Options{New: true, Force: true}, "", scope.Variable{Value: 2}},
	}
	for _, tc := range cases {
		s := scope.New[*fn](nil)
		if err := s.Define("v", 1, tc.first); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		err := s.Define("v", 2, tc.then)
		gotID := ""
		var se *scope.Error
		if errors.As(err, &se) {
			gotID = se.ID
		} else if err != nil {
			t.Errorf("%s: %v is not a *scope.Error", tc.name, err)
		}
		if gotID != tc.wantErr {
			t.Errorf("%s: error %q, want %q", tc.name, gotID, tc.wantErr)
		}
		got := *s.Lookup("v")
		got.Name = ""
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: variable %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// ptr is the address of a copy of s (an optional parameter's value).
func ptr(s string) *string { return &s }

func TestOptionsValue(t *testing.T) {
	t.Parallel()
	cases := []struct {
		v     scope.Variable
		name  string
		value int
	}{
		{scope.Variable{}, "None", 0},
		{scope.Variable{ReadOnly: true}, "ReadOnly", 1},
		{scope.Variable{ReadOnly: true, Constant: true}, "Constant", 2},
		{scope.Variable{Private: true, AllScope: true}, "Private, AllScope", 12},
		{scope.Variable{ReadOnly: true, AllScope: true}, "ReadOnly, AllScope", 9},
	}
	for _, tc := range cases {
		if got := tc.v.Options(); got.Name != tc.name || got.Value != tc.value || got.Type != "System.Management.Automation.ScopedItemOptions" {
			t.Errorf("%+v: Options() = %+v, want %s (%d)", tc.v, got, tc.name, tc.value)
		}
	}
}

func TestScopeAt(t *testing.T) {
	t.Parallel()
	c := newChain()
	cases := []struct {
		name string
		want *scope.Scope[*fn]
		id   string
	}{
		{"", c.block, ""},
		{"Local", c.block, ""},
		{"private", c.block, ""},
		{"0", c.block, ""},
		{"1", c.fnScope, ""},
		{" 2 ", c.script, ""},
		{"3", c.global, ""},
		{"SCRIPT", c.script, ""},
		{"global", c.global, ""},
		{"4", nil, "ArgumentOutOfRange"},
		{"-1", nil, "ArgumentOutOfRange"},
		{"parent", nil, "Argument"},
	}
	for _, tc := range cases {
		got, err := c.block.ScopeAt(tc.name)
		id := ""
		var se *scope.Error
		if errors.As(err, &se) {
			id = se.ID
		}
		if got != tc.want || id != tc.id {
			t.Errorf("ScopeAt(%q) = %p, %v; want %p, %q", tc.name, got, err, tc.want, tc.id)
		}
	}
	if err := c.block.Define("v", 1, scope.Options{Scope: "2"}); err != nil || c.script.Lookup("v") == nil {
		t.Errorf("Define with -Scope 2: %v", err)
	}
	if got := c.script.Held(); len(got) != 3 || got[0].Name != "S" || got[1].Name != "v" || got[2].Name != "x" {
		t.Errorf("the script scope holds %v", got)
	}
}

func TestClear(t *testing.T) {
	t.Parallel()
	c := newChain()
	if err := c.script.Define("ro", 1, scope.Options{Option: "ReadOnly"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, scopeName string
		force           bool
		ok              bool
		id              string
		cleared         *scope.Scope[*fn]
	}{
		// the variable a plain name refers to is cleared, not shadowed
		{"g", "", false, true, "", c.global},
		{"x", "2", false, true, "", c.script},
		{"x", "global", false, true, "", c.global},
		{"ro", "", false, true, "VariableNotWritable", nil},
		{"ro", "", true, true, "", c.script},
		{"nothere", "", false, false, "", nil},
		{"g", "script", false, false, "", nil},
	}
	for _, tc := range cases {
		ok, err := c.block.Clear(tc.name, tc.scopeName, tc.force)
		id := ""
		var se *scope.Error
		if errors.As(err, &se) {
			id = se.ID
		}
		if ok != tc.ok || id != tc.id {
			t.Errorf("Clear(%q, %q) = %v, %v; want %v, %q", tc.name, tc.scopeName, ok, err, tc.ok, tc.id)
		}
		if tc.cleared != nil {
			if v := tc.cleared.Lookup(tc.name); v == nil || v.Value != nil {
				t.Errorf("Clear(%q, %q) left %+v", tc.name, tc.scopeName, v)
			}
		}
		if c.block.Lookup(tc.name) != nil {
			t.Errorf("Clear(%q) made a variable in the current scope", tc.name)
		}
	}
}

// TestValidVariable checks a variable's validation on assignment and on
// Set-Variable: a refused value leaves the variable as it was.
func TestValidVariable(t *testing.T) {
	t.Parallel()
	g := scope.New[*fn](nil)
	g.Set("limit", 10)
	g.Lookup("limit").Valid = func(v any) bool { n, ok := v.(int); return ok && n >= 1 }
	noConvert := func(_ string, v any) (any, error) { return v, nil }
	want := "The variable cannot be validated because the value 0 is not a valid value for the limit variable."
	if err := g.Assign("limit", 0, "", noConvert); err == nil || err.Error() != want {
		t.Errorf("assigning 0: %v", err)
	}
	if err := g.Define("limit", nil, scope.Options{}); err == nil || !strings.Contains(err.Error(), "the value $null is not") {
		t.Errorf("Set-Variable $null: %v", err)
	}
	if v, _ := g.Get("limit"); v != 10 {
		t.Errorf("the refused values changed the variable: %v", v)
	}
	if err := g.Assign("limit", 5, "", noConvert); err != nil {
		t.Errorf("assigning 5: %v", err)
	}
	// a child scope's assignment makes a variable of its own, unchecked
	child := scope.New(g)
	if err := child.Assign("limit", 0, "", noConvert); err != nil {
		t.Errorf("a child scope's own variable: %v", err)
	}
}

// Variable names are found without regard to case, as strings.ToLower
// folds them, ASCII or not.
func TestVariableNamesFoldCase(t *testing.T) {
	t.Parallel()
	s := scope.New[*fn](nil)
	for _, name := range []string{"abc", "ABC", "MixedCase_1", "Ünïcode", "ÀB", "a\u0130b", "x\xffY", strings.Repeat("LongName", 10)} {
		s.Set(name, name)
		for _, other := range []string{strings.ToLower(name), strings.ToUpper(name), name} {
			if v := s.Find(other); v == nil || v.Value != name {
				t.Errorf("Find(%q) after Set(%q) = %v", other, name, v)
			}
		}
	}
}
