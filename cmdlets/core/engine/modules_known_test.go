package engine

import (
	"slices"
	"testing"
)

// KnownModules is Microsoft.PowerShell.Core, the Microsoft.Graph.* family
// and the catalog's modules, in the catalog's order.
func TestKnownModules(t *testing.T) {
	want := []string{ModCore, "Microsoft.Graph.*"}
	for _, m := range moduleCatalog {
		want = append(want, m.name)
	}
	if !slices.Equal(KnownModules, want) {
		t.Fatalf("KnownModules = %q\nwant %q (ModCore and moduleCatalog's names)", KnownModules, want)
	}
}
