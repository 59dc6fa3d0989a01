package scope

import (
	"testing"
	"unsafe"
)

// TestGlobalBlocksShareTableSizeClass checks the sizes NewGlobal's
// allocations are planned for: a block of varBlock variables and the
// table of globalsRoom variables both fit the 1,792-byte size class and
// neither fits the one below it (1,536), so they share spans of memory.
// A field added to Variable may call for a smaller varBlock.
func TestGlobalBlocksShareTableSizeClass(t *testing.T) {
	const class, below = 1792, 1536
	block := unsafe.Sizeof(Variable{}) * varBlock
	if block > class || block <= below {
		t.Errorf("a block of %d variables is %d bytes, want %d < size <= %d", varBlock, block, below, class)
	}
	// the table of a map of string to pointer: groups of 8 slots, a
	// control word and 8 keys and values each
	groups := 64 / 8
	table := groups * (8 + 8*(16+8))
	if table > class || table <= below {
		t.Errorf("the table of variables is %d bytes, want %d < size <= %d", table, below, class)
	}
	// 29 to 56 entries ask for a table of 64 slots (7/8 of them used at most)
	if globalsRoom < 29 || globalsRoom > 56 {
		t.Errorf("globalsRoom %d does not make a table of 64 slots", globalsRoom)
	}
}

// TestNewGlobalVariablesAreDistinct checks that the variables made in
// blocks are each their own: setting one leaves the others as they were.
func TestNewGlobalVariablesAreDistinct(t *testing.T) {
	g := NewGlobal[int](func() any { return nil }, func() any { return nil })
	seen := map[*Variable]string{}
	for k, v := range g.vars {
		if other, dup := seen[v]; dup {
			t.Fatalf("%s and %s share a variable", k, other)
		}
		seen[v] = k
		if v.Name == "" {
			t.Errorf("%s has no name", k)
		}
	}
	if len(seen) < 30 {
		t.Errorf("a new session has %d variables, want 30 or more", len(seen))
	}
}
