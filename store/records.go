package store

import (
	"sort"
	"strings"
)

// Generic record access: the per-kind accessors of the store (Get, Put,
// Delete, list and find by name or Guid) are written once here over the
// record type and routed through getRecord, putRecord, deleteRecord and
// forEachDecoded (tx.go).

// getKeyed decodes bucket[key] into a new T; when it is absent it reports
// a NotFoundError of kind naming ident (what the caller was given).
func getKeyed[T any](tx *Tx, bucket, key, kind, ident string) (*T, error) {
	v := new(T)
	ok, err := tx.getRecord(bucket, key, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &NotFoundError{Kind: kind, Key: ident}
	}
	return v, nil
}

// getTyped is getKeyed for a record keyed by its lower-case key.
func getTyped[T any](tx *Tx, bucket, kind, key string) (*T, error) {
	return getKeyed[T](tx, bucket, strings.ToLower(key), kind, key)
}

// deleteKeyed removes bucket[key]; when it is absent it reports a
// NotFoundError of kind naming ident.
func deleteKeyed(tx *Tx, bucket, key, kind, ident string) error {
	ok, err := tx.deleteRecord(bucket, key)
	if err == nil && !ok {
		err = &NotFoundError{Kind: kind, Key: ident}
	}
	return err
}

// listTyped decodes every record of bucket in key order.
func listTyped[T any](tx *Tx, bucket string) ([]*T, error) {
	var out []*T
	err := forEachDecoded(tx, bucket, "", func(_ string, v *T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// SortByName orders records by their lower-case name, keeping the order
// of equal names.
func SortByName[T any](xs []*T, name func(*T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return lessLower(name(xs[i]), name(xs[j])) })
}

// lessLower reports whether strings.ToLower(a) < strings.ToLower(b),
// comparing ASCII names a byte at a time without making their lower-case
// forms.
func lessLower(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if ca >= 0x80 || cb >= 0x80 {
			return strings.ToLower(a) < strings.ToLower(b)
		}
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return ca < cb
		}
	}
	if len(a) != len(b) && (!isASCII(a[min(len(a), len(b)):]) || !isASCII(b[min(len(a), len(b)):])) {
		return strings.ToLower(a) < strings.ToLower(b)
	}
	return len(a) < len(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
