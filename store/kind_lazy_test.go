package store

import (
	"path/filepath"
	"testing"
)

// lazyNote is a record type no other test registers.
type lazyNote struct {
	Text string `json:"text"`
}

// Registering a kind and opening a tenant file of its schema do not make
// the kind's description: its first read or write does.
func TestKindDescriptionMadeOnFirstUse(t *testing.T) {
	t.Parallel()
	for _, onWrite := range []bool{false, true} {
		k := DefineKind(KindSpec[lazyNote]{Bucket: "lazyNotes", Name: "lazy note", CreatedOnWrite: onWrite})
		s := NewSchema()
		for v := minSchemaVersion; v < s.Version()-1; v++ {
			if v != 2 {
				s.AddMigration(v, "nothing to do", func(*Tx) error { return nil })
			}
		}
		k.Register(s)
		if k.Bucket() != "lazyNotes" {
			t.Fatalf("Bucket() = %q", k.Bucket())
		}
		st, err := Open(filepath.Join(t.TempDir(), "tenant.db"), Options{NoSync: true, Schema: s})
		if err != nil {
			t.Fatal(err)
		}
		if k.built != nil {
			t.Errorf("onWrite=%v: registering the kind and opening the tenant made its description", onWrite)
		}
		err = st.Update(func(tx *Tx) error { return k.Put(tx, "a", &lazyNote{Text: "x"}) })
		if err != nil {
			t.Fatal(err)
		}
		if k.built == nil {
			t.Errorf("onWrite=%v: writing a record did not make the kind's description", onWrite)
		}
		err = st.View(func(tx *Tx) error {
			v, ok, err := k.Get(tx, "a")
			if err == nil && (!ok || v.Text != "x") {
				t.Errorf("onWrite=%v: read back %v, %v", onWrite, v, ok)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
