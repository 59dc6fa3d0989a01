package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// Internals the external tests of this package reach through methods.

// BoltDB returns the open bbolt file of s (nil while it is let go of).
func (s *Store) BoltDB() *bolt.DB { return s.db }

// ValueToJSON converts a stored record of bucket to its export form.
func (tx *Tx) ValueToJSON(bucket string, raw []byte) (json.RawMessage, error) {
	return tx.s.schema.RecordJSON(bucket, raw)
}

// KnowsBucket reports whether bucket holds a kind of the store's schema.
func (tx *Tx) KnowsBucket(bucket string) bool {
	_, ok := tx.s.schema.kind(bucket)
	return ok
}

// NewValue returns a new value of bucket's record type.
func (tx *Tx) NewValue(bucket string) any { return tx.s.schema.newValue(bucket) }

// Migrations returns the schema's chain of migrations (shared: a test may
// replace one of a schema of its own).
func (s *Schema) Migrations() []migration { return s.migrations }
