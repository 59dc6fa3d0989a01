package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

func TestOpenCreatesFileAndLocks(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "a", "b", "tenant.db")
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", st.Mode().Perm())
	}
	if s.Path() != path {
		t.Errorf("Path() = %q", s.Path())
	}
	if ok, err := s.IsInitialized(); err != nil || ok {
		t.Errorf("IsInitialized = %v, %v; want false", ok, err)
	}

	_, err = tenant.Open(path, store.Options{LockTimeout: 150 * time.Millisecond})
	var le *store.LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second Open error = %v, want *LockedError", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "150ms") {
		t.Errorf("error %q should name the file and the wait", err)
	}
}

func TestReadOnly(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	if _, err := tenant.Open(path, store.Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of a missing file should fail")
	}
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(s, seed.Empty, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Update(func(*store.Tx) error { return nil }); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Update on read-only store = %v", err)
	}
	if err := ro.View(func(tx *store.Tx) error {
		if !tx.IsInitialized() {
			t.Error("not initialized")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestInitTwice(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Empty)
	if err := seed.Init(s, seed.Contoso, time.Time{}, false); !errors.Is(err, seed.ErrAlreadyInitialized) {
		t.Fatalf("Init again = %v", err)
	}
	if err := seed.Init(s, seed.Contoso, time.Time{}, true); err != nil {
		t.Fatal(err)
	}
	var ue *seed.UnknownSeedError
	if err := seed.Init(s, "fabrikam", time.Time{}, true); !errors.As(err, &ue) {
		t.Fatalf("unknown seed = %v", err)
	}
	info, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	if info.Seed != seed.Contoso || info.Counts["mailbox"] != 28 {
		t.Errorf("failed Init changed the tenant: %+v", info)
	}
}

func TestUpdateRollback(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Contoso)
	before := storetest.Export(t, s)
	boom := errors.New("boom")
	err := s.Update(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "annb")
		if err != nil || len(ms) != 1 {
			t.Fatalf("annb: %v %d", err, len(ms))
		}
		ms[0].Alias = "changed"
		ms[0].LitigationHoldEnabled = true
		if err := directory.PutMailbox(tx, ms[0]); err != nil {
			return err
		}
		tx.NewGuid()
		if _, err := tx.Schedule(tx.Now().Add(store.Day), "test.log", "x"); err != nil {
			return err
		}
		if err := tx.AdvanceTo(tx.Now().Add(2 * store.Day)); err != nil {
			return err
		}
		if _, err := ome.SendMessage(tx, ome.SendInput{From: "annb@contoso.com", To: []string{"x@gmail.com"}, Subject: "s", Encrypt: true}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v", err)
	}
	if after := storetest.Export(t, s); after != before {
		t.Error("a failed Update left changes behind")
	}
	_ = s.View(func(tx *store.Tx) error {
		if ms, _ := directory.FindMailboxes(tx, "changed"); len(ms) != 0 {
			t.Error("index entry of the rolled-back change survived")
		}
		return nil
	})
}

func TestGuidsAreDeterministicV4(t *testing.T) {
	t.Parallel()
	gen := func() []string {
		s := seededTest(t, seed.Empty)
		var out []string
		_ = s.Update(func(tx *store.Tx) error {
			for i := 0; i < 5; i++ {
				out = append(out, tx.NewGuid())
			}
			out = append(out, ome.NewMessageID(tx, ""), ome.NewMessageID(tx, "bn7pr06mb5139"))
			return nil
		})
		return out
	}
	a, b := gen(), gen()
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("id %d differs: %s vs %s", i, a[i], b[i])
		}
	}
	for _, g := range a[:5] {
		if n, ok := store.NormalizeGuid(g); !ok || n != g || g[14] != '4' || !strings.ContainsRune("89ab", rune(g[19])) {
			t.Errorf("%s is not a canonical v4 GUID", g)
		}
	}
	if !strings.HasPrefix(a[5], "<") || !strings.HasSuffix(a[5], "@DM3NAM06BG401.prod.outlook.com>") {
		t.Errorf("message id %s", a[5])
	}
	if !strings.HasSuffix(a[6], "@BN7PR06MB5139.prod.outlook.com>") {
		t.Errorf("message id %s", a[6])
	}
}

func TestDeterministicSeeds(t *testing.T) {
	t.Parallel()
	for _, name := range seed.Names() {
		t.Run(name, func(t *testing.T) {
			a := storetest.Export(t, seededTest(t, name))
			b := storetest.Export(t, seededTest(t, name))
			if a != b {
				t.Fatal("two fresh seeds export differently")
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Contoso)
	if err := s.Update(func(tx *store.Tx) error {
		if _, err := tx.ScheduleAfter30Days(tx.Now(), "test.log", "pending"); err != nil {
			return err
		}
		return ome.RevokeMessage(tx, seed.MessageQ3Figures, ome.RevokedByAdmin, "admin@contoso.onmicrosoft.com")
	}); err != nil {
		t.Fatal(err)
	}
	first := storetest.Export(t, s)

	s2 := seededTest(t, seed.Empty)
	if err := transfer.Import(s2, strings.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	second := storetest.Export(t, s2)
	if first != second {
		t.Fatal("export → import → export is not byte-identical")
	}
	// Indexes are rebuilt and the generator continues where it was.
	var g1, g2 string
	_ = s.Update(func(tx *store.Tx) error { g1 = tx.NewGuid(); return nil })
	err := s2.Update(func(tx *store.Tx) error {
		g2 = tx.NewGuid()
		ms, err := directory.FindMailboxes(tx, "1d20855f-fd54-4681-98e6-e249f4ed7a2c")
		if err != nil || len(ms) != 1 || ms[0].Alias != "allieb" {
			t.Errorf("ExchangeGuid lookup after import: %v %v", ms, err)
		}
		ts, _ := tx.PendingTimers()
		if len(ts) != 1 || ts[0].Payload != "pending" {
			t.Errorf("timers after import: %+v", ts)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if g1 != g2 {
		t.Errorf("ID generator state not carried over: %s vs %s", g1, g2)
	}
}

func TestImportRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Contoso)
	doc := storetest.Export(t, s)
	newer := strings.Replace(doc, fmt.Sprintf(`"schemaVersion": %d,`, store.SchemaVersion), `"schemaVersion": 99,`, 1)
	err := transfer.Import(s, strings.NewReader(newer))
	var se *store.SchemaVersionError
	if !errors.As(err, &se) || se.Found != 99 || !strings.Contains(err.Error(), "99") {
		t.Fatalf("Import newer = %v", err)
	}
	if err := transfer.Import(s, strings.NewReader(`{"format":"something"}`)); err == nil {
		t.Error("foreign document accepted")
	}
	if storetest.Export(t, s) != doc {
		t.Error("refused import changed the tenant")
	}
}

func TestInfo(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Contoso)
	info, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != store.SchemaVersion || !info.Clock.Equal(store.DefaultClock()) || !info.Initialized {
		t.Errorf("info = %+v", info)
	}
	want := map[string]int{"user": 28, "mailbox": 28, "message": 11, "omeConfiguration": 1, "organization": 1}
	for k, v := range want {
		if info.Counts[k] != v {
			t.Errorf("count %s = %d, want %d", k, info.Counts[k], v)
		}
	}
}

func TestQuotaAndSpanFormats(t *testing.T) {
	t.Parallel()
	tests := []struct{ got, want string }{
		{directory.GBQuota(99).String(), "99 GB (106,300,440,576 bytes)"},
		{directory.GBQuota(100).String(), "100 GB (107,374,182,400 bytes)"},
		{directory.QuotaUnlimited.String(), "Unlimited"},
		{directory.Quota(36700160).String(), "35 MB (36,700,160 bytes)"},
		{directory.DaysSpan(14).String(), "14.00:00:00"},
		{directory.DaysSpan(365).String(), "365.00:00:00"},
		{directory.UnlimitedSpan().String(), "Unlimited"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, in := range []string{"30.00:00:00", "Unlimited", "12:30:00"} {
		sp, err := directory.ParseSpan(in)
		if err != nil || sp.String() != in {
			t.Errorf("ParseSpan(%q) = %v, %v", in, sp, err)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Empty)
	path := s.Path()
	newer := store.SchemaVersion + 1
	if err := s.Update(func(tx *store.Tx) error { return store.TxMetaPut(tx, store.MetaSchemaVersion, strconv.Itoa(newer)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := tenant.Open(path, store.Options{})
	var se *store.SchemaVersionError
	if !errors.As(err, &se) || se.Found != newer || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open newer file = %v", err)
	}
}

// IsInitialized answers what the file says after a write of this Store,
// though the file's check at Open already told it.
func TestIsInitializedFollowsWrites(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	s, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ok, err := s.IsInitialized(); err != nil || ok {
		t.Fatalf("IsInitialized of a new tenant = %v, %v; want false", ok, err)
	}
	if err := seed.Init(s, seed.Contoso, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.IsInitialized(); err != nil || !ok {
		t.Fatalf("IsInitialized after seeding = %v, %v; want true", ok, err)
	}
	if err := s.Release(); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.IsInitialized(); err != nil || !ok {
		t.Fatalf("IsInitialized after Release = %v, %v; want true", ok, err)
	}
}
