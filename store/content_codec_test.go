package store_test

import (
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// contentCases are content records the binary form must give back
// exactly: default folders, folders it does not know, renamed ones, nil
// and empty lists, dates outside the day-number form.
func contentCases(t *testing.T) map[string]directory.MailboxContent {
	cases := map[string]directory.MailboxContent{
		"zero":         {},
		"empty lists":  {MailboxGuid: "g", Primary: []directory.Folder{}, Archive: []directory.Folder{}},
		"filled seed1": fillContent(t, 1),
		"filled seed5": fillContent(t, 5),
	}
	var primary []directory.Folder
	for i, f := range directory.DefaultFolders() {
		fo := directory.Folder{Name: f.Path[1:], FolderPath: f.Path, FolderType: f.Type, Recoverable: f.Recoverable,
			ItemCount: int64(i * 7), FolderSize: int64(i) * 123456789}
		if i%3 == 1 {
			fo.Cohorts = []directory.Cohort{{Date: "2024-02-29", Count: 3, Size: 4096}, {Date: "2023-01-01", Count: int64(i), Size: 1, Deleted: "2024-03-01"}}
		}
		if i == 4 {
			fo.Cohorts = []directory.Cohort{} // empty, not nil
		}
		primary = append(primary, fo)
	}
	cases["default folders"] = directory.MailboxContent{MailboxGuid: "0ce4973f-8dae-4033-bb86-08dd0aaf7645", Primary: primary}
	cases["own folders"] = directory.MailboxContent{MailboxGuid: "x", Primary: []directory.Folder{
		{Name: "Projects", FolderPath: "/Inbox/Projects", FolderType: "User Created", ItemCount: 5, FolderSize: 50},
		{Name: "Posteingang", FolderPath: "/Posteingang", FolderType: "Inbox"},
		{Name: "", FolderPath: "", FolderType: ""},
		{Name: "Inbox", FolderPath: "/Inbox", FolderType: "Inbox", ItemCount: -1, FolderSize: -2,
			Cohorts: []directory.Cohort{{Date: "1969-12-31"}, {Date: "2024-2-1"}, {Date: "not a day", Deleted: "0001-01-01"}, {}}},
	}}
	return cases
}

// Mailbox content is stored in its binary form, which decodes to exactly
// the record that was written, and is much smaller than the CBOR form.
func TestContentBinaryForm(t *testing.T) {
	t.Parallel()
	for name, c := range contentCases(t) {
		raw, err := store.EncodeValue(&c)
		if err != nil {
			t.Fatal(err)
		}
		if len(raw) == 0 || raw[0] != 0x01 {
			t.Fatalf("%s: content is not stored in its binary form: % x", name, raw[:min(8, len(raw))])
		}
		var got directory.MailboxContent
		if err := directory.Contents.Decode(raw, &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("%s: decoded\n %+v\nwant\n %+v", name, got, c)
		}
		cbor, err := store.CborEnc.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		if name == "default folders" && len(raw)*3 > len(cbor) {
			t.Errorf("%s: binary form %d bytes, CBOR %d: want at most a third", name, len(raw), len(cbor))
		}
		// Content written before the binary form (CBOR) still reads.
		var old, want directory.MailboxContent
		if err := store.CborDec.Unmarshal(cbor, &want); err != nil {
			t.Fatal(err)
		}
		if err := directory.Contents.Decode(cbor, &old); err != nil || !reflect.DeepEqual(old, want) {
			t.Errorf("%s: CBOR content: %v\n %+v", name, err, old)
		}
	}
}

// A damaged binary record is an error, never a panic or a half-read
// record; a record of another type cannot be read into content.
func TestContentBinaryFormDamaged(t *testing.T) {
	t.Parallel()
	c := contentCases(t)["default folders"]
	raw, err := store.EncodeValue(&c)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(raw); i++ {
		var got directory.MailboxContent
		if err := directory.Contents.Decode(raw[:i], &got); err == nil {
			t.Fatalf("truncated to %d bytes: no error", i)
		}
		if !reflect.DeepEqual(got, directory.MailboxContent{}) {
			t.Fatalf("truncated to %d bytes: half-read record %+v", i, got)
		}
	}
	if err := directory.Contents.Decode(append(append([]byte{}, raw...), 0), new(directory.MailboxContent)); err == nil {
		t.Error("trailing byte: no error")
	}
	bad := append([]byte{}, raw...)
	bad[1] = 9 // unknown form version
	if err := directory.Contents.Decode(bad, new(directory.MailboxContent)); err == nil {
		t.Error("unknown form version: no error")
	}
	var m directory.Mailbox
	if err := store.DecodeValue(raw, &m); err == nil {
		t.Error("content's binary form decoded into a mailbox")
	}
}

// FuzzContentBinaryForm: arbitrary bytes after the marker never panic,
// and what decodes encodes back to the same bytes.
func FuzzContentBinaryForm(f *testing.F) {
	t := &testing.T{}
	for _, c := range contentCases(t) {
		raw, err := store.EncodeValue(&c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw[1:])
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var c directory.MailboxContent
		if err := c.UnmarshalRecord(body); err != nil {
			return
		}
		again, err := c.MarshalRecord()
		if err != nil {
			t.Fatal(err)
		}
		var c2 directory.MailboxContent
		if err := c2.UnmarshalRecord(again); err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("re-encoded record reads back differently: %v", err)
		}
	})
}

// A schema-4 tenant (content stored as CBOR) is migrated on its first
// read-write open: every content record is rewritten in its binary form
// and reads back as the same content.
func TestMigrateContentToBinaryForm(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(s, "contoso", store.DefaultClock(), true); err != nil {
		t.Fatal(err)
	}
	before := map[string]*directory.MailboxContent{}
	err = s.Update(func(tx *store.Tx) error {
		err := forEachStoredRecord(tx, func(bucket string, b *bolt.Bucket, k, v []byte) error {
			if bucket != directory.Contents.Bucket() {
				return nil
			}
			var c directory.MailboxContent
			if err := directory.Contents.Decode(v, &c); err != nil {
				return err
			}
			before[string(k)] = &c
			cbor, err := store.CborEnc.Marshal(&c)
			if err != nil {
				return err
			}
			return b.Put(k, cbor)
		})
		if err != nil {
			return err
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "4")
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(before) == 0 {
		t.Fatal("the seed has no mailbox content")
	}
	s, err = tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertBinaryRecords(t, s)
	err = s.View(func(tx *store.Tx) error {
		return directory.Contents.ForEach(tx, "", func(key string, c *directory.MailboxContent) error {
			if !reflect.DeepEqual(c, before[key]) {
				t.Errorf("%s: content changed by the migration:\n %+v\nwas\n %+v", key, c, before[key])
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
