package command

import (
	"reflect"
	"strings"
	"testing"
)

// Alias tables are looked up in place and never written: a later table
// wins over an earlier one, aliases set later win over both, a removed one
// is gone, and the catalog's listing is what copying every table in would
// have made.
func TestAliasTablesInPlace(t *testing.T) {
	t.Parallel()
	base := AliasTable{{"fl", "Format-List"}, {"gci", "Get-ChildItem"}, {"ls", "Get-ChildItem"}}
	var c Catalog
	second := AliasTable{{"Get-PSResource", "Get-InstalledPSResource"}, {"ls", "Get-Item"}}
	c.SetAliases(base)
	c.SetAliases(second)
	c.SetAlias("GCI", "Get-Content")
	if got, ok := c.Alias("FL"); !ok || got != "Format-List" {
		t.Errorf("Alias(FL) = %q, %v", got, ok)
	}
	if got := c.Target("get-psresource"); got != "get-installedpsresource" {
		t.Errorf("Target(get-psresource) = %q", got)
	}
	if got, _ := c.Alias("ls"); got != "Get-Item" {
		t.Errorf("Alias(ls) = %q, want the later table's", got)
	}
	if got, _ := c.Alias("gci"); got != "Get-Content" {
		t.Errorf("Alias(gci) = %q, want the alias set last", got)
	}
	want := map[string]string{"fl": "Format-List", "gci": "Get-Content", "ls": "Get-Item", "get-psresource": "Get-InstalledPSResource"}
	if got := c.Aliases(); !reflect.DeepEqual(got, want) {
		t.Errorf("Aliases() = %v, want %v", got, want)
	}
	if !c.RemoveAlias("FL") || c.RemoveAlias("fl") {
		t.Error("RemoveAlias(FL) should remove fl once")
	}
	if _, ok := c.Alias("fl"); ok {
		t.Error("fl is still an alias after its removal")
	}
	if got := c.Target("fl"); got != "fl" {
		t.Errorf("Target(fl) after removal = %q", got)
	}
	delete(want, "fl")
	if got := c.Aliases(); !reflect.DeepEqual(got, want) {
		t.Errorf("Aliases() after removal = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(base, AliasTable{{"fl", "Format-List"}, {"gci", "Get-ChildItem"}, {"ls", "Get-ChildItem"}}) {
		t.Errorf("the table given to SetAliases was changed: %v", base)
	}
	if !reflect.DeepEqual(second, AliasTable{{"Get-PSResource", "Get-InstalledPSResource"}, {"ls", "Get-Item"}}) {
		t.Errorf("the second table given to SetAliases was changed: %v", second)
	}
}

// A table given after an alias was set one by one wins over that alias,
// as the later definition.
func TestAliasTableAfterAlias(t *testing.T) {
	t.Parallel()
	var c Catalog
	c.SetAliases(AliasTable{{"gi", "Get-Item"}})
	c.SetAlias("ls", "Get-ChildItem")
	c.SetAliases(AliasTable{{"gi", "Get-ItemProperty"}, {"ls", "Get-Location"}})
	for name, want := range map[string]string{"gi": "Get-ItemProperty", "ls": "Get-Location"} {
		if got, _ := c.Alias(name); got != want {
			t.Errorf("Alias(%s) = %q, want %q", name, got, want)
		}
	}
}

// Lookup finds a name in any ASCII case by binary search; Sorted tells a
// table in that order from one that is not.
func TestAliasTableLookup(t *testing.T) {
	t.Parallel()
	tab := AliasTable{{"%", "ForEach-Object"}, {"?", "Where-Object"}, {"fl", "Format-List"}, {"Get-PSResource", "Get-InstalledPSResource"}, {"gi", "Get-Item"}}
	if !tab.Sorted() {
		t.Fatal("the table is sorted")
	}
	for name, want := range map[string]string{"%": "ForEach-Object", "?": "Where-Object", "FL": "Format-List", "get-psresource": "Get-InstalledPSResource", "GI": "Get-Item"} {
		if e, ok := tab.Lookup(name); !ok || e.Target != want {
			t.Errorf("Lookup(%q) = %v, %v; want %q", name, e, ok, want)
		}
	}
	for _, name := range []string{"", "f", "fll", "get-psresourc", "zz"} {
		if e, ok := tab.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %v, want none", name, e)
		}
	}
	if (AliasTable{{"gi", "Get-Item"}, {"FL", "Format-List"}}).Sorted() || (AliasTable{{"fl", "a"}, {"FL", "b"}}).Sorted() {
		t.Error("Sorted accepts a table out of order or with a name twice")
	}
}

// While only base tables hold aliases, a name is found in any case, and a
// name that is not ASCII as its lower-case form is (the Kelvin sign is a
// k in lower case).
func TestBaseAliasesAnyCase(t *testing.T) {
	t.Parallel()
	var c Catalog
	c.SetAliases(AliasTable{{"fl", "Format-List"}, {"kill", "Stop-Process"}})
	for name, want := range map[string]string{"FL": "Format-List", "fl": "Format-List", "KiLL": "Stop-Process", "\u212Aill": "Stop-Process", "f\u212A": ""} {
		if got, ok := c.Alias(name); got != want || ok != (want != "") {
			t.Errorf("Alias(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

// A declared command resolves under the lower-case form of its name, the
// rest of its group too, each built once.
func TestDeclaredKeys(t *testing.T) {
	t.Parallel()
	built := 0
	table := &Table{
		Commands: []Decl{{Name: "Get-Thing", Build: func() *Command { built++; return &Command{Name: "Get-Thing"} }}},
		Groups: []Group{{Names: []string{"Set-Thing", "New-Thing"}, Build: func() []*Command {
			built++
			return []*Command{{Name: "New-Thing"}, {Name: "Set-Thing"}}
		}}},
	}
	var c Catalog
	c.Declare(table)
	for _, key := range []string{"get-thing", "set-thing", "new-thing", "get-thing"} {
		cmd, ok := c.Resolve(key)
		if !ok || strings.ToLower(cmd.Name) != key {
			t.Fatalf("Resolve(%q) = %v, %v", key, cmd, ok)
		}
	}
	if built != 2 {
		t.Errorf("%d builds, want 2", built)
	}
	for _, key := range []string{"get-thing", "set-thing", "new-thing"} {
		if c.commands[key] == nil {
			t.Errorf("no command registered under %q", key)
		}
	}
	if len(c.commands) != 3 {
		t.Errorf("commands registered under %v", c.commands)
	}
}
