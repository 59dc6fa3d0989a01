package registry

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/cmdlets/core/engine"
)

// The alias tables a session starts with are in the order their binary
// search needs.
func TestAliasTablesSorted(t *testing.T) {
	t.Parallel()
	if !core.Aliases.Sorted() {
		t.Error("core.Aliases is not sorted by name (ASCII case folded) or names an alias twice")
	}
	if !engine.ModuleAliases.Sorted() {
		t.Error("engine.ModuleAliases is not sorted by name (ASCII case folded) or names an alias twice")
	}
}
