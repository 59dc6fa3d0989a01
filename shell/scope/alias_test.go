package scope

import "testing"

func TestParseItemOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want ItemOptions
		ok   bool
		text string
	}{
		{"", OptNone, true, "None"},
		{"None", OptNone, true, "None"},
		{"readonly", OptReadOnly, true, "ReadOnly"},
		{"ReadOnly, AllScope", OptReadOnly | OptAllScope, true, "ReadOnly, AllScope"},
		{"Constant,Private", OptConstant | OptPrivate, true, "Constant, Private"},
		{"Sometimes", 0, false, ""},
	} {
		got, ok := ParseItemOptions(tc.in)
		if ok != tc.ok || ok && (got != tc.want || got.String() != tc.text) {
			t.Errorf("ParseItemOptions(%q) = %v (%q), %v; want %v (%q), %v", tc.in, got, got, ok, tc.want, tc.text, tc.ok)
		}
	}
}

func TestAliasScopes(t *testing.T) {
	t.Parallel()
	global := New[int](nil)
	script := NewScript(global)
	fn := New(script)
	global.PutAlias(&Alias{Name: "g", Definition: "Get-Date"})
	script.PutAlias(&Alias{Name: "p", Definition: "Get-Location", Options: OptPrivate})
	fn.PutAlias(&Alias{Name: "G", Definition: "Get-Item"})
	for _, tc := range []struct {
		from *Scope[int]
		name string
		want string
	}{
		{fn, "g", "Get-Item"},
		{script, "g", "Get-Date"},
		{script, "P", "Get-Location"},
		{fn, "p", ""},
	} {
		got := ""
		if a := tc.from.Alias(tc.name); a != nil {
			got = a.Definition
		}
		if got != tc.want {
			t.Errorf("Alias(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if fn.DropAlias("p") {
		t.Error("a child scope removed its parent's private alias")
	}
	if !fn.DropAlias("g") || fn.Alias("g").Definition != "Get-Date" {
		t.Error("DropAlias did not remove the nearest alias only")
	}
}

func TestCheckAliasWrite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		old   ItemOptions
		new   ItemOptions
		force bool
		id    string
	}{
		{OptNone, OptNone, false, ""},
		{OptReadOnly, OptNone, false, "AliasNotWritable"},
		{OptReadOnly, OptNone, true, ""},
		{OptConstant, OptNone, true, "AliasNotWritable"},
		{OptAllScope, OptNone, false, "AliasAllScopeOptionCannotBeRemoved"},
		{OptAllScope, OptAllScope, false, ""},
	} {
		err := CheckAliasWrite(&Alias{Name: "a", Options: tc.old}, &Alias{Name: "a", Options: tc.new}, tc.force)
		id := ""
		if e, ok := err.(*Error); ok {
			id = e.ID
		}
		if id != tc.id {
			t.Errorf("%v -> %v force=%v: %q, want %q", tc.old, tc.new, tc.force, id, tc.id)
		}
	}
}
