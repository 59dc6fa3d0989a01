package store

import (
	"sort"
	"strings"
	"time"
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
	sort.SliceStable(xs, func(i, j int) bool { return strings.ToLower(name(xs[i])) < strings.ToLower(name(xs[j])) })
}

// recordFields are the fields every named, Guid-keyed record has.
type recordFields struct {
	guid, name string
	// created and changed point at the record's WhenCreated and
	// WhenChanged.
	created, changed *time.Time
}

// recordKind describes a kind of record stored in one bucket under its
// lower-case Guid and found by name or Guid.
type recordKind[T any] struct {
	bucket string
	kind   string // NotFoundError.Kind
	// byName lists the records by name; otherwise by creation, then name.
	byName bool
	fields func(*T) recordFields
	// alias, when not nil, returns another identity the record is found
	// by.
	alias func(*T) string
}

// list returns the records of the kind that keep accepts (every record
// when keep is nil), in the kind's order.
func (k recordKind[T]) list(tx *Tx, keep func(*T) bool) ([]*T, error) {
	all, err := listTyped[T](tx, k.bucket)
	if err != nil {
		return nil, err
	}
	out := all
	if keep != nil {
		out = nil
		for _, v := range all {
			if keep(v) {
				out = append(out, v)
			}
		}
	}
	name := func(v *T) string { return k.fields(v).name }
	if k.byName {
		SortByName(out, name)
	} else {
		sortHoldRecords(out, func(v *T) (time.Time, string) { return *k.fields(v).created, name(v) })
	}
	return out, nil
}

// match returns the first record named id (case-insensitive, outer
// whitespace ignored), known by id as its alias, or whose Guid id is; nil
// when there is none.
func (k recordKind[T]) match(xs []*T, id string) *T {
	id = strings.TrimSpace(id)
	g, isGuid := NormalizeGuid(id)
	for _, v := range xs {
		f := k.fields(v)
		if strings.EqualFold(f.name, id) || (k.alias != nil && strings.EqualFold(k.alias(v), id)) || (isGuid && f.guid == g) {
			return v
		}
	}
	return nil
}

// find resolves a record of the kind by name, alias or Guid.
func (k recordKind[T]) find(tx *Tx, identity string) (*T, error) {
	all, err := k.list(tx, nil)
	if err != nil {
		return nil, err
	}
	if v := k.match(all, identity); v != nil {
		return v, nil
	}
	return nil, &NotFoundError{Kind: k.kind, Key: identity}
}

// put stores a record under its lower-case Guid (WhenChanged = now).
func (k recordKind[T]) put(tx *Tx, v *T) error {
	f := k.fields(v)
	*f.changed = tx.Now()
	return tx.putRecord(k.bucket, strings.ToLower(f.guid), v)
}

// delete removes a record.
func (k recordKind[T]) delete(tx *Tx, v *T) error {
	_, err := tx.deleteRecord(k.bucket, strings.ToLower(k.fields(v).guid))
	return err
}
