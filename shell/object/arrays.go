package object

import (
	"runtime"
	"sync"
	"unsafe"
	"weak"
)

// Typed arrays. Every array is a []any; one made as T[] (a [string[]]
// cast, New-Object int[] 3, List[T].ToArray()) also records its type
// here, keyed by its backing store, so GetType() names it and assigning
// an element converts the value to T. An array built any other way (a
// comma list, @(), +=) is an Object[], as in PowerShell. The record
// dies with the array.

type arrayRecord struct {
	ptr  weak.Pointer[any]
	n    int
	kind GenericType
}

var arrayTypes sync.Map // uintptr of the backing store -> *arrayRecord

// MakeTypedArray returns a new array of n elements of the array type
// kind (kind.GenericFullName() is "System.String[]").
func MakeTypedArray(n int, kind GenericType) []any {
	// Room for one element keeps an empty array's store its own.
	s := make([]any, n, max(n, 1))
	SetArrayType(s, kind)
	return s
}

// SetArrayType records the array type of s, a fresh array with room for
// at least one element.
func SetArrayType(s []any, kind GenericType) {
	if cap(s) == 0 {
		return
	}
	p := unsafe.SliceData(s)
	key := uintptr(unsafe.Pointer(p))
	rec := &arrayRecord{ptr: weak.Make(p), n: len(s), kind: kind}
	arrayTypes.Store(key, rec)
	runtime.AddCleanup(p, func(key uintptr) { arrayTypes.CompareAndDelete(key, rec) }, key)
}

// ArrayType returns the recorded array type of s; nil for an Object[].
// A slice of part of a typed array is not typed.
func ArrayType(s []any) GenericType {
	if cap(s) == 0 {
		return nil
	}
	p := unsafe.SliceData(s)
	v, ok := arrayTypes.Load(uintptr(unsafe.Pointer(p)))
	if !ok {
		return nil
	}
	rec := v.(*arrayRecord)
	if rec.ptr.Value() != p || rec.n != len(s) {
		return nil
	}
	return rec.kind
}

// Elements returns the elements of a collection value: an array, a list,
// or another collection that enumerates itself (HashSet, Queue, a match
// collection ...); ok is false for a scalar. It is what the comparison
// operators filter and what a host method reads a list of choices from.
func Elements(v any) (items []any, ok bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case *List:
		return x.Items, true
	case nil, string, bool, int, int64, float64, *PSObject:
		// told apart without asking the type for the interface below
		// (see IsEnumerable)
		return nil, false
	case interface{ Enumerate() []any }:
		return x.Enumerate(), true
	}
	return nil, false
}

// Collapse turns collected output into what an expression gives: $null
// for nothing, the single object, or an array of them.
func Collapse(items []any) any {
	switch len(items) {
	case 0:
		return nil
	case 1:
		return items[0]
	}
	return items
}
