package command

import (
	"reflect"
	"testing"
)

// A table of lower-case aliases is looked up in place and never written:
// aliases set later win over it, a removed one is gone, and the catalog's
// listing is what copying every table in would have made.
func TestAliasTablesInPlace(t *testing.T) {
	t.Parallel()
	base := map[string]string{"fl": "Format-List", "gci": "Get-ChildItem", "ls": "Get-ChildItem"}
	var c Catalog
	c.SetAliases(base)
	c.SetAliases(map[string]string{"Get-PSResource": "Get-InstalledPSResource", "ls": "Get-Item"})
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
	if base["fl"] != "Format-List" || len(base) != 3 || base["gci"] != "Get-ChildItem" {
		t.Errorf("the table given to SetAliases was changed: %v", base)
	}
}
