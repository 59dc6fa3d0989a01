package store_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

// TestMigrateCompactRecords writes the contoso tenant as schema 5 stored
// it (accounts, messages and trace rows keyed by json names, mailboxes
// with every value spelled out, the name index carrying a copy of each
// mailbox) and checks that
// opening it migrates every record to the compact form with the same
// values.
func TestMigrateCompactRecords(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(s, "contoso", store.DefaultClock(), true); err != nil {
		t.Fatal(err)
	}
	users := map[string]*directory.User{}
	mailboxes := map[string]*directory.Mailbox{}
	messages := map[string]*ome.Message{}
	traces := map[string]*ome.TraceRecord{}
	err = s.Update(func(tx *store.Tx) error {
		b := tx.Bolt()
		if err := directory.Users.ForEach(tx, "", func(k string, u *directory.User) error {
			users[k] = u
			return nil
		}); err != nil {
			return err
		}
		if err := directory.Mailboxes.ForEach(tx, "", func(k string, m *directory.Mailbox) error {
			mailboxes[k] = m
			return nil
		}); err != nil {
			return err
		}
		if err := ome.Messages.ForEach(tx, "", func(k string, m *ome.Message) error {
			messages[k] = m
			return nil
		}); err != nil {
			return err
		}
		if err := ome.Traces.ForEach(tx, "", func(k string, r *ome.TraceRecord) error {
			traces[k] = r
			return nil
		}); err != nil {
			return err
		}
		for k, u := range users {
			if err := putTextKeyed(b.Bucket([]byte(directory.Users.Bucket())), k, u); err != nil {
				return err
			}
		}
		for k, m := range messages {
			if err := putTextKeyed(b.Bucket([]byte(ome.Messages.Bucket())), k, m); err != nil {
				return err
			}
		}
		for k, r := range traces {
			if err := putTextKeyed(b.Bucket([]byte(ome.Traces.Bucket())), k, r); err != nil {
				return err
			}
		}
		for k, m := range mailboxes {
			raw, err := store.CborEnc.Marshal(m) // every value, no elision
			if err != nil {
				return err
			}
			if err := b.Bucket([]byte(directory.Mailboxes.Bucket())).Put([]byte(k), raw); err != nil {
				return err
			}
			if err := b.Bucket([]byte(store.BucketIndex)).Put(store.IdxKey(directory.IndexName, m.Name, k), raw); err != nil {
				return err
			}
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "5")
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(users) == 0 || len(mailboxes) == 0 || len(messages) == 0 || len(traces) == 0 {
		t.Fatal("the seed has no accounts, mailboxes, messages or trace rows")
	}

	s, err = tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	elided := 0
	err = s.View(func(tx *store.Tx) error {
		b := tx.Bolt()
		for k, want := range users {
			raw := b.Bucket([]byte(directory.Users.Bucket())).Get([]byte(k))
			if store.IsTextKeyedMap(raw) {
				t.Errorf("account %s is still keyed by field names", k)
			}
			got, err := directory.GetUser(tx, k)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("account %s changed by the migration:\n %+v\nwas\n %+v", k, got, want)
			}
		}
		for k, want := range messages {
			if store.IsTextKeyedMap(b.Bucket([]byte(ome.Messages.Bucket())).Get([]byte(k))) {
				t.Errorf("message %s is still keyed by field names", k)
			}
			got, _, err := ome.Messages.Get(tx, k)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("message %s changed by the migration:\n %+v\nwas\n %+v", k, got, want)
			}
		}
		for k, want := range traces {
			if store.IsTextKeyedMap(b.Bucket([]byte(ome.Traces.Bucket())).Get([]byte(k))) {
				t.Errorf("trace row %s is still keyed by field names", k)
			}
			got, _, err := ome.Traces.Get(tx, k)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("trace row %s changed by the migration:\n %+v\nwas\n %+v", k, got, want)
			}
		}
		for k, want := range mailboxes {
			full, err := store.CborEnc.Marshal(want)
			if err != nil {
				return err
			}
			raw := b.Bucket([]byte(directory.Mailboxes.Bucket())).Get([]byte(k))
			if len(raw) < len(full) {
				elided++
			}
			got, err := directory.GetMailbox(tx, k)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("mailbox %s changed by the migration:\n %+v\nwas\n %+v", k, got, want)
			}
			if v := b.Bucket([]byte(store.BucketIndex)).Get(store.IdxKey(directory.IndexName, want.Name, k)); len(v) != 0 {
				t.Errorf("name index entry of %s still carries %d bytes", want.Name, len(v))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if elided < len(mailboxes)/2 {
		t.Errorf("%d of %d mailboxes are stored smaller than in full", elided, len(mailboxes))
	}
	if f := storetest.Findings(t, s); len(f) != 0 {
		t.Errorf("tenant check after the migration: %v", f)
	}
}

// putTextKeyed stores v in b under key as schema 3 to 5 stored records
// without numbered keys: a CBOR map keyed by the json field names.
func putTextKeyed(b *bolt.Bucket, key string, v any) error {
	j, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var byName map[string]any
	if err := json.Unmarshal(j, &byName); err != nil {
		return err
	}
	raw, err := store.CborEnc.Marshal(integers(byName))
	if err != nil {
		return err
	}
	return b.Put([]byte(key), raw)
}

// integers turns the whole numbers of a decoded JSON value back into
// integers, as the records stored them.
func integers(v any) any {
	switch x := v.(type) {
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = integers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = integers(e)
		}
	}
	return v
}
