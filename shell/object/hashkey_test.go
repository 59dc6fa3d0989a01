package object

import "testing"

// TestHashtableKeyIdentity: keys are equal as .NET's Equals has them.
func TestHashtableKeyIdentity(t *testing.T) {
	h := NewHashtable()
	keys := []any{1, int64(1), uint8(1), 1.0, "1", Char('1'), BigIntFromInt64(1), DecimalFromInt(1), true}
	for i, k := range keys {
		h.Set(k, i)
	}
	if h.Len() != len(keys) {
		t.Fatalf("%d keys, want %d", h.Len(), len(keys))
	}
	for i, k := range keys {
		if v, ok := h.Get(k); !ok || v != i {
			t.Errorf("key %#v: got %v, %v; want %d", k, v, ok, i)
		}
	}
	// the same value of the same type is the same key
	if d, _ := ParseDecimal("1.00"); !h.Has(d) || !h.Has(BigIntFromInt64(1)) {
		t.Error("1.00 or 1n not found")
	}
	// strings ignore case unless CaseSensitive; a wrapped key is its base
	h.Set("Name", 1)
	if !h.Has("NAME") || !h.Has(&PSObject{Base: "name"}) {
		t.Error("string key lookups failed")
	}
	cs := NewHashtable()
	cs.CaseSensitive = true
	cs.Set("Name", 1)
	if cs.Has("NAME") {
		t.Error("a case-sensitive dictionary matched another case")
	}
	// lists and dictionaries are keys by reference
	a, b := NewHashtable(), NewHashtable()
	h.Set(a, "a")
	if h.Has(b) || !h.Has(a) {
		t.Error("dictionary keys are not by reference")
	}
}
