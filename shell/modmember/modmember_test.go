package modmember_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/exosim/exosim/shell/modmember"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
)

// newModule returns a module whose scope defines the functions, the
// variable Level and the alias gl (of Get-Level).
func newModule(global *modmember.Scope, name string, functions ...string) *module.Module {
	m := &module.Module{Name: name}
	ms := scope.NewModule(global, m)
	m.State = ms
	for _, f := range functions {
		_ = ms.DefineFunction(f, &scriptcmd.Function{Name: f, Module: m}, scope.OptNone, false)
	}
	ms.Set("Level", 3)
	ms.Set("args", []any{})
	ms.PutAlias(&scope.Alias{Name: "gl", Definition: "Get-Level"})
	return m
}

func names(sc *modmember.Scope) []string {
	var out []string
	for k := range sc.Functions() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestDefaultExports(t *testing.T) {
	t.Parallel()
	g := scope.NewGlobal[*scriptcmd.Function](nil, nil)
	m := newModule(g, "M", "Get-Level", "helper")
	modmember.Finish(m)
	if !slices.Equal(m.Functions, []string{"Get-Level", "helper"}) || !slices.Equal(m.Aliases, []string{"gl"}) || m.Variables != nil {
		t.Errorf("without Export-ModuleMember every function and alias, no variable: %+v", m)
	}
	if modmember.ScopeOf(m).Module() != m || modmember.ScopeOf(m).Parent() != g {
		t.Error("a module scope belongs to its module and is linked to the global scope")
	}
}

func TestExportAndImport(t *testing.T) {
	t.Parallel()
	g := scope.NewGlobal[*scriptcmd.Function](nil, nil)
	m := newModule(g, "M", "Get-Level", "Set-Level", "helper")
	if modmember.Export(g, []string{"x"}, nil, nil) {
		t.Error("Export-ModuleMember outside a module is refused")
	}
	inner := scope.New(modmember.ScopeOf(m))
	if !modmember.Export(inner, []string{"*-Level"}, []string{"Level", "args"}, nil) {
		t.Fatal("Export-ModuleMember in the module's code")
	}
	modmember.Finish(m)
	if !slices.Equal(m.Functions, []string{"Get-Level", "Set-Level"}) || !slices.Equal(m.Variables, []string{"Level"}) || m.Aliases != nil {
		t.Errorf("exports %+v", m)
	}
	imported := modmember.Import(m, g, modmember.Filter{Prefix: "X", Functions: []string{"Get-*"}, Variables: []string{"*"}})
	if len(imported) != 2 || imported[0].Name != "Get-XLevel" || imported[1].Kind != module.Variable {
		t.Errorf("imported %+v", imported)
	}
	if got := names(g); !slices.Equal(got, []string{"get-xlevel"}) {
		t.Errorf("global functions %v", got)
	}
	if fn, _ := g.Function("Get-XLevel"); fn.Module != m || fn.Name != "Get-XLevel" {
		t.Errorf("the imported function keeps its module under its new name: %+v", fn)
	}
	modmember.ScopeOf(m).Set("Level", 9)
	if v, _ := g.Get("Level"); v != 9 {
		t.Errorf("an exported variable is shared: %v", v)
	}
	var tab module.Table
	tab.Add(m)
	modmember.Remove(&tab, m)
	if len(names(g)) != 0 || g.VariableHere("Level") != nil || len(tab.All()) != 0 {
		t.Error("Remove-Module takes the imported members away")
	}
}

func TestNested(t *testing.T) {
	t.Parallel()
	g := scope.NewGlobal[*scriptcmd.Function](nil, nil)
	outer := newModule(g, "Outer")
	nested := newModule(g, "Nested", "Get-Level")
	modmember.Finish(nested)
	modmember.Import(nested, modmember.ScopeOf(outer), modmember.Filter{})
	if len(outer.Nested) != 1 || outer.Nested[0] != nested {
		t.Error("a module imported into a module's scope is nested in it")
	}
	if len(modmember.Import(nested, modmember.ScopeOf(nested), modmember.Filter{})) != 0 {
		t.Error("a module is not imported into its own scope")
	}
	if names(g) != nil {
		t.Error("nothing reached the global scope")
	}
}
