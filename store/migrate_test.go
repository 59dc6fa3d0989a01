package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/exportdoc"
	"github.com/exosim/exosim/store/idform"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// schema1Fixture is an export of the empty seed as a schema-1 exosim
// wrote it: schemaVersion 1, folders without item cohorts.
const schema1Fixture = "testdata/tenant-schema1-empty.json"

func readSchema1Fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(schema1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"schemaVersion": 1,`) || strings.Contains(string(data), `"cohorts"`) {
		t.Fatalf("%s is not a schema-1 export", schema1Fixture)
	}
	return data
}

// writeSchema1Store writes a tenant file at path holding the export data
// as a schema-1 exosim stored it (meta schemaVersion 1), bypassing the
// migrations.
func writeSchema1Store(t *testing.T, path string, data []byte) {
	t.Helper()
	var doc exportdoc.Doc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Update(func(tx *store.Tx) error {
		if err := transfer.LoadDoc(tx, &doc); err != nil {
			return err
		}
		if err := rewriteRecordsAsJSON(tx); err != nil {
			return err
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "1")
	})
	if err != nil {
		t.Fatal(err)
	}
}

// rewriteRecordsAsJSON stores every record of tx as compact JSON, the
// record encoding of schema 1 and 2.
func rewriteRecordsAsJSON(tx *store.Tx) error {
	return forEachStoredRecord(tx, func(bucket string, b *bolt.Bucket, k, v []byte) error {
		j, err := tx.ValueToJSON(bucket, v)
		if err != nil {
			return err
		}
		return b.Put(k, j)
	})
}

// forEachStoredRecord calls fn for every record of every data bucket
// (the audit log too); fn may replace the record.
func forEachStoredRecord(tx *store.Tx, fn func(bucket string, b *bolt.Bucket, k, v []byte) error) error {
	var names []string
	_ = tx.Bolt().ForEach(func(name []byte, _ *bolt.Bucket) error {
		if n := string(name); n != store.BucketMeta && n != store.BucketIndex {
			names = append(names, n)
		}
		return nil
	})
	for _, name := range names {
		b := tx.Bolt().Bucket([]byte(name))
		type rec struct{ k, v []byte }
		var recs []rec
		_ = b.ForEach(func(k, v []byte) error {
			recs = append(recs, rec{append([]byte(nil), k...), append([]byte(nil), v...)})
			return nil
		})
		for _, r := range recs {
			if err := fn(name, b, r.k, r.v); err != nil {
				return fmt.Errorf("%s %q: %w", name, r.k, err)
			}
		}
	}
	return nil
}

// assertBinaryRecords checks that every record of s is in the binary
// encoding of schema 3 and decodes into its bucket's record type.
func assertBinaryRecords(t *testing.T, s *store.Store) {
	t.Helper()
	n := 0
	err := s.View(func(tx *store.Tx) error {
		return forEachStoredRecord(tx, func(bucket string, _ *bolt.Bucket, k, v []byte) error {
			n++
			if store.IsJSONRecord(v) {
				return fmt.Errorf("record is still JSON: %.60s", v)
			}
			if !tx.KnowsBucket(bucket) {
				return fmt.Errorf("bucket %q is no kind of the schema", bucket)
			}
			if bucket == directory.Contents.Bucket() && (len(v) == 0 || v[0] != 0x01) {
				return fmt.Errorf("mailbox content %q is not in its binary form: %.20q", k, v)
			}
			return store.DecodeValue(v, tx.NewValue(bucket))
		})
	})
	if err != nil {
		t.Error(err)
	}
	if n == 0 {
		t.Error("no records")
	}
}

// fileSchemaVersion returns the schema version recorded in a tenant file.
func fileSchemaVersion(t *testing.T, path string) int {
	t.Helper()
	s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, ReadOnly: true})
	var me *store.SchemaMigrationError
	if errors.As(err, &me) {
		return me.Found
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	return info.SchemaVersion
}

// assertMigrated checks that s is at SchemaVersion, that every folder with
// items has cohorts adding up to its totals, dated the mailbox creation
// (the fixture had none), and that every registered check passes.
func assertMigrated(t *testing.T, s *store.Store) {
	t.Helper()
	info, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != store.SchemaVersion {
		t.Errorf("schema version after migration = %d, want %d", info.SchemaVersion, store.SchemaVersion)
	}
	folders := 0
	err = s.View(func(tx *store.Tx) error {
		return directory.Contents.ForEach(tx, "", func(key string, c *directory.MailboxContent) error {
			m, err := directory.GetMailbox(tx, key)
			if err != nil {
				return err
			}
			day := directory.DayDate(directory.DayNumber(m.WhenMailboxCreated))
			for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
				for _, f := range fs {
					if f.ItemCount == 0 {
						continue
					}
					folders++
					want := []directory.Cohort{{Date: day, Count: f.ItemCount, Size: f.FolderSize}}
					if fmt.Sprint(f.Cohorts) != fmt.Sprint(want) {
						t.Errorf("%s %s: cohorts %v, want %v", key, f.FolderPath, f.Cohorts, want)
					}
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if folders == 0 {
		t.Error("fixture has no folder with items")
	}
	assertBinaryRecords(t, s)
	findings, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("check finding after migration: %s", f)
	}
}

func TestMigrationChain(t *testing.T) {
	t.Parallel()
	migrations := tenant.Schema().Migrations()
	for i, m := range migrations {
		if m.From != store.MinSchemaVersion+i || m.Apply == nil || m.Name == "" {
			t.Errorf("migrations[%d] = {From: %d, Name: %q}, want From %d with a name and Apply", i, m.From, m.Name, store.MinSchemaVersion+i)
		}
	}
	if n := len(migrations); store.MinSchemaVersion+n != store.SchemaVersion {
		t.Errorf("migrations lead from %d to %d, want SchemaVersion %d", store.MinSchemaVersion, store.MinSchemaVersion+n, store.SchemaVersion)
	}
	if v := tenant.Schema().Version(); v != store.SchemaVersion {
		t.Errorf("tenant schema version %d, want %d", v, store.SchemaVersion)
	}
}

func TestSchema1Fixture(t *testing.T) {
	t.Parallel()
	data := readSchema1Fixture(t)

	// (a) Importing the schema-1 export migrates it.
	imported := storetest.Open(t)
	if err := transfer.Import(imported, strings.NewReader(string(data))); err != nil {
		t.Fatal(err)
	}
	assertMigrated(t, imported)
	want := storetest.Export(t, imported)
	if !strings.Contains(want, fmt.Sprintf(`"schemaVersion": %d,`, store.SchemaVersion)) || !strings.Contains(want, `"cohorts"`) {
		t.Error("export after migration lacks the new schema version or the cohorts")
	}

	// (b) A schema-1 tenant file is migrated in place by a read-write open.
	path := filepath.Join(t.TempDir(), "old.db")
	writeSchema1Store(t, path, data)

	// Read-only: refused, and the file is left as it was.
	_, err := tenant.Open(path, store.Options{ReadOnly: true})
	var me *store.SchemaMigrationError
	if !errors.As(err, &me) || me.Found != 1 || me.Supported != store.SchemaVersion {
		t.Fatalf("read-only Open of a schema-1 file = %v", err)
	}
	wantMsg := fmt.Sprintf("tenant file %q has schema version 1 and must be migrated to schema version %d: open it read-write once (any exosim command that may change the tenant, e.g. `exosim tenant info`) to migrate it", path, store.SchemaVersion)
	if err.Error() != wantMsg {
		t.Errorf("read-only Open error\n got: %s\nwant: %s", err, wantMsg)
	}
	if v := fileSchemaVersion(t, path); v != 1 {
		t.Fatalf("schema version after refused read-only open = %d, want 1", v)
	}

	s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	assertMigrated(t, s)
	if got := storetest.Export(t, s); got != want {
		t.Error("a migrated tenant file exports differently from the migrated import")
	}
	s.Close()

	// The migration was recorded: a read-only open now works.
	ro, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open after migration: %v", err)
	}
	if got := storetest.Export(t, ro); got != want {
		t.Error("migrated file changed after reopening")
	}
	ro.Close()
}

// A failing migration leaves the file untouched at its old version.
func TestMigrationIsAtomic(t *testing.T) {
	t.Parallel()
	data := readSchema1Fixture(t)
	path := filepath.Join(t.TempDir(), "old.db")
	writeSchema1Store(t, path, data)

	boom := errors.New("boom")
	failing := tenant.Schema()
	cohorts := failing.Migrations()[0].Apply
	failing.Migrations()[0] = store.Migration{From: 1, Name: "test", Apply: func(tx *store.Tx) error {
		if err := cohorts(tx); err != nil {
			return err
		}
		return boom
	}}
	_, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, Schema: failing})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "migrate tenant from schema version 1 to 2 (test)") {
		t.Fatalf("Open with a failing migration = %v", err)
	}
	if v := fileSchemaVersion(t, path); v != 1 {
		t.Errorf("schema version after a failed migration = %d, want 1", v)
	}
	s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertMigrated(t, s)
}

func TestImportRefusesUnknownSchemaVersions(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	doc := storetest.Export(t, s)
	cur := fmt.Sprintf(`"schemaVersion": %d,`, store.SchemaVersion)
	if !strings.Contains(doc, cur) {
		t.Fatalf("export lacks %s", cur)
	}
	newer := strings.Replace(doc, cur, fmt.Sprintf(`"schemaVersion": %d,`, store.SchemaVersion+1), 1)
	err := transfer.Import(s, strings.NewReader(newer))
	want := fmt.Sprintf("tenant data has schema version %d, but this exosim supports schema version %d at most; upgrade exosim", store.SchemaVersion+1, store.SchemaVersion)
	if err == nil || err.Error() != want {
		t.Errorf("Import newer schema = %v, want %q", err, want)
	}
	older := strings.Replace(doc, cur, `"schemaVersion": 0,`, 1)
	if err := transfer.Import(s, strings.NewReader(older)); err == nil || err.Error() != "tenant export has invalid schema version 0" {
		t.Errorf("Import schema 0 = %v", err)
	}
	if storetest.Export(t, s) != doc {
		t.Error("refused import changed the tenant")
	}
}

func TestOpenRefusesNewerSchemaMessage(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	path := s.Path()
	if err := s.Update(func(tx *store.Tx) error {
		return store.TxMetaPut(tx, store.MetaSchemaVersion, fmt.Sprint(store.SchemaVersion+1))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := fmt.Sprintf("tenant file %q has schema version %d, but this exosim supports schema version %d at most; upgrade exosim", path, store.SchemaVersion+1, store.SchemaVersion)
	for _, ro := range []bool{false, true} {
		_, err := tenant.Open(path, store.Options{ReadOnly: ro})
		if err == nil || err.Error() != want {
			t.Errorf("Open(ReadOnly=%v) newer file = %v, want %q", ro, err, want)
		}
	}
}

// Schema 2 → 3: a tenant file whose records are JSON (a seeded tenant
// with synthetic mailboxes, holds, messages and timers, rewritten as a
// schema-2 exosim stored it) is re-encoded in place by a read-write open
// and exports byte for byte as before; so does its import.
// syntheticTenantFile opens a new tenant file at path holding the contoso
// seed and n synthetic mailboxes.
func syntheticTenantFile(t *testing.T, path string, n int) *store.Store {
	t.Helper()
	s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(s, seed.Contoso, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	if err := seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: n}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMigrateJSONRecordsToBinary(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v2.db")
	s := syntheticTenantFile(t, path, 60)
	want := storetest.Export(t, s)
	assertBinaryRecords(t, s)
	err := s.Update(func(tx *store.Tx) error {
		if err := rewriteRecordsAsJSON(tx); err != nil {
			return err
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "2")
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := tenant.Open(path, store.Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only Open of a schema-2 file succeeded")
	}

	s, err = tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := fileSchemaVersionOf(t, s); v != store.SchemaVersion {
		t.Errorf("schema version after migration = %d, want %d", v, store.SchemaVersion)
	}
	assertBinaryRecords(t, s)
	if got := storetest.Export(t, s); got != want {
		t.Error("a migrated schema-2 tenant file exports differently from before")
	}
	findings, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("check finding after migration: %s", f)
	}

	// The same tenant exported as schema 2 imports, migrates and exports
	// as before.
	v2 := strings.Replace(want, fmt.Sprintf(`"schemaVersion": %d,`, store.SchemaVersion), `"schemaVersion": 2,`, 1)
	imported := storetest.Open(t)
	if err := transfer.Import(imported, strings.NewReader(v2)); err != nil {
		t.Fatal(err)
	}
	assertBinaryRecords(t, imported)
	if got := storetest.Export(t, imported); got != want {
		t.Error("an imported schema-2 export exports differently")
	}
}

func fileSchemaVersionOf(t *testing.T, s *store.Store) int {
	t.Helper()
	info, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	return info.SchemaVersion
}

// Identical state gives identical bytes: records are encoded
// deterministically (map keys sorted).
func TestRecordEncodingIsDeterministic(t *testing.T) {
	t.Parallel()
	m := directory.Mailbox{Guid: "g", Extra: map[string]store.RawValue{}}
	for i := 0; i < 50; i++ {
		m.Extra[fmt.Sprintf("k%02d", i)] = store.RawValue(fmt.Sprintf("%d", i))
	}
	first, err := store.EncodeValue(&m)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		again, err := store.EncodeValue(&m)
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != string(first) {
			t.Fatal("encoding the same record twice gave different bytes")
		}
	}
	var back directory.Mailbox
	if err := store.DecodeValue(first, &back); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back.Extra) != fmt.Sprint(m.Extra) {
		t.Errorf("Extra round trip: %v, want %v", back.Extra, m.Extra)
	}
}

// encodeTextKeyed encodes a mailbox as schema 3 stored it: a CBOR map
// keyed by the json field names.
func encodeTextKeyed(t *testing.T, m *directory.Mailbox) []byte {
	t.Helper()
	rv := reflect.ValueOf(m).Elem()
	fields := make([]reflect.StructField, rv.NumField())
	for i := range fields {
		f := rv.Type().Field(i)
		f.Tag = reflect.StructTag(`json:"` + f.Tag.Get("json") + `"`)
		fields[i] = f
	}
	raw, err := store.CborEnc.Marshal(rv.Convert(reflect.StructOf(fields)).Interface())
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// A schema-3 tenant (mailboxes keyed by field name, plain name index, no
// account copies) opens migrated: the same export, compact mailboxes, the
// covering name index and the account copies, and every check passes.
func TestMigrateSchema3(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v3.db")
	s := syntheticTenantFile(t, path, 50)
	want := storetest.Export(t, s)
	offices := 0
	err := s.Update(func(tx *store.Tx) error {
		if err := forEachStoredRecord(tx, func(bucket string, b *bolt.Bucket, k, v []byte) error {
			if bucket != directory.Mailboxes.Bucket() {
				return nil
			}
			var m directory.Mailbox
			if err := store.DecodeValue(v, &m); err != nil {
				return err
			}
			if m.AccountOffice != "" {
				offices++
			}
			m.AccountOffice, m.AccountForceChangePassword = "", false
			return b.Put(k, encodeTextKeyed(t, &m))
		}); err != nil {
			return err
		}
		ib := tx.Bolt().Bucket([]byte(store.BucketIndex))
		c := ib.Cursor()
		prefix := []byte(directory.IndexName + "\x00")
		var keys [][]byte
		for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
			keys = append(keys, append([]byte(nil), k...))
		}
		for _, k := range keys {
			if err := ib.Put(k, nil); err != nil {
				return err
			}
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "3")
	})
	if err != nil {
		t.Fatal(err)
	}
	if offices == 0 {
		t.Fatal("the seed has no mailbox whose account has an Office")
	}
	s.Close()

	s, err = tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := fileSchemaVersionOf(t, s); v != store.SchemaVersion {
		t.Errorf("schema version after migration = %d, want %d", v, store.SchemaVersion)
	}
	if got := storetest.Export(t, s); got != want {
		t.Error("a migrated schema-3 tenant file exports differently from before")
	}
	err = s.View(func(tx *store.Tx) error {
		return forEachStoredRecord(tx, func(bucket string, _ *bolt.Bucket, k, v []byte) error {
			if bucket == directory.Mailboxes.Bucket() && store.IsTextKeyedMap(v) {
				return fmt.Errorf("mailbox is still keyed by field names")
			}
			return nil
		})
	})
	if err != nil {
		t.Error(err)
	}
	findings, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("check finding after migration: %s", f)
	}
}

// A migration cut short — here by an error part way through, as a kill
// would cut it — leaves the file at the version before the migration it
// was in, with the batches it committed, never marked as migrated; the
// next read-write open runs that migration again and finishes, and the
// tenant is as it was. Migrations that completed before stay recorded.
func TestMigrationCutShortIsFinishedByTheNextOpen(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	for _, c := range []struct {
		name string
		from int
		// cut replaces migration from with one that fails part way
		cut     func(orig func(*store.Tx) error) func(*store.Tx) error
		version int // the file's version after the failure
	}{
		{"in the middle of rewriting the mailboxes", 5, func(func(*store.Tx) error) func(*store.Tx) error {
			return func(tx *store.Tx) error {
				n := 0
				return directory.Mailboxes.RewriteAll(tx, func(string, *directory.Mailbox) (bool, error) {
					if n++; n == 25 {
						return false, boom
					}
					return true, nil
				})
			}
		}, 5},
		{"at the end of rebuilding the indexes", 7, func(orig func(*store.Tx) error) func(*store.Tx) error {
			return func(tx *store.Tx) error {
				if err := orig(tx); err != nil {
					return err
				}
				return boom
			}
		}, 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "old.db")
			s := syntheticTenantFile(t, path, 60)
			want := storetest.Export(t, s)
			// Every migration gives the same records when run over its own
			// output, so the current file labelled schema 5 is a tenant
			// the migrations from 5 on rewrite in full.
			if err := s.Update(func(tx *store.Tx) error { return store.TxMetaPut(tx, store.MetaSchemaVersion, "5") }); err != nil {
				t.Fatal(err)
			}
			s.Close()

			failing := tenant.Schema()
			for i, m := range failing.Migrations() {
				if m.From == c.from {
					failing.Migrations()[i].Apply = c.cut(m.Apply)
				}
			}
			_, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, Schema: failing, MigrationBatch: 10})
			if !errors.Is(err, boom) {
				t.Fatalf("Open with a migration cut short = %v", err)
			}
			// a read-only open still sees a file to migrate
			if v := fileSchemaVersion(t, path); v != c.version {
				t.Fatalf("schema version after the cut = %d, want %d", v, c.version)
			}
			s, err = tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, MigrationBatch: 10})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v := fileSchemaVersionOf(t, s); v != store.SchemaVersion {
				t.Errorf("schema version after the next open = %d, want %d", v, store.SchemaVersion)
			}
			if got := storetest.Export(t, s); got != want {
				t.Error("the tenant exports differently after the resumed migration")
			}
			findings, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				t.Errorf("check finding after the resumed migration: %s", f)
			}
		})
	}
}

// A schema-8 tenant file kept an identity in nine indexes of one form
// each. Opening it read-write rebuilds the indexes: the old entries are
// gone, every identity value is in the identity indexes with its forms,
// look-ups find what they found, the export is unchanged and every check
// passes.
func TestMigrateSchema8IdentityIndexes(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v8.db")
	s := syntheticTenantFile(t, path, 50)
	want := storetest.Export(t, s)
	old := []string{"mbx.alias", "mbx.smtp", "mbx.upn", "mbx.xguid", "mbx.dn", "mbx.ldn", "mbx.extid", "mbx.display"}
	err := s.Update(func(tx *store.Tx) error {
		ib := tx.Bolt().Bucket([]byte(store.BucketIndex))
		// the schema-8 form: the old indexes, no identity indexes
		for _, name := range []string{idform.IndexIdentity, idform.IndexReference} {
			prefix := []byte(name + "\x00")
			var keys [][]byte
			c := ib.Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				keys = append(keys, append([]byte(nil), k...))
			}
			for _, k := range keys {
				if err := ib.Delete(k); err != nil {
					return err
				}
			}
		}
		err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			for i, v := range []string{m.Alias, m.PrimarySmtpAddress, m.UserPrincipalName, m.ExchangeGuid, m.DistinguishedName, m.LegacyExchangeDN, m.ExternalDirectoryObjectId, m.DisplayName} {
				if v != "" {
					if err := ib.Put(store.IdxKey(old[i], v, m.Guid), nil); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, "8")
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := fileSchemaVersionOf(t, s); v != store.SchemaVersion {
		t.Errorf("schema version after migration = %d, want %d", v, store.SchemaVersion)
	}
	if got := storetest.Export(t, s); got != want {
		t.Error("a migrated schema-8 tenant file exports differently from before")
	}
	err = s.View(func(tx *store.Tx) error {
		c := tx.Bolt().Bucket([]byte(store.BucketIndex)).Cursor()
		for _, name := range old {
			prefix := []byte(name + "\x00")
			if k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
				t.Errorf("index %s is still there after the migration", name)
			}
		}
		ms, err := directory.FindMailboxes(tx, "ANNB@contoso.com")
		if err != nil {
			return err
		}
		if len(ms) != 1 || ms[0].Alias != "annb" {
			t.Errorf("annb@contoso.com resolves to %d mailboxes after the migration", len(ms))
			return nil
		}
		keys, err := directory.MailboxKeysBy(tx, idform.DisplayName, ms[0].DisplayName)
		if err != nil {
			return err
		}
		if len(keys) != 1 || keys[0] != ms[0].Guid {
			t.Errorf("display name %q finds %v, want %s", ms[0].DisplayName, keys, ms[0].Guid)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	findings, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("check finding after migration: %s", f)
	}
}
