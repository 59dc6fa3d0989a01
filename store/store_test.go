package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpenCreatesFileAndLocks(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "a", "b", "tenant.db")
	s, err := Open(path, Options{})
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

	_, err = Open(path, Options{LockTimeout: 150 * time.Millisecond})
	var le *LockedError
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
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of a missing file should fail")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Init(SeedEmpty, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Update(func(*Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on read-only store = %v", err)
	}
	if err := ro.View(func(tx *Tx) error {
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
	s := seeded(t, SeedEmpty)
	if err := s.Init(SeedContoso, time.Time{}, false); !errors.Is(err, ErrAlreadyInitialized) {
		t.Fatalf("Init again = %v", err)
	}
	if err := s.Init(SeedContoso, time.Time{}, true); err != nil {
		t.Fatal(err)
	}
	var ue *UnknownSeedError
	if err := s.Init("fabrikam", time.Time{}, true); !errors.As(err, &ue) {
		t.Fatalf("unknown seed = %v", err)
	}
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.Seed != SeedContoso || info.Counts["mailbox"] != 28 {
		t.Errorf("failed Init changed the tenant: %+v", info)
	}
}

func exportString(t testing.TB, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Export(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestUpdateRollback(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	before := exportString(t, s)
	boom := errors.New("boom")
	err := s.Update(func(tx *Tx) error {
		ms, err := tx.FindMailboxes("annb")
		if err != nil || len(ms) != 1 {
			t.Fatalf("annb: %v %d", err, len(ms))
		}
		ms[0].Alias = "changed"
		ms[0].LitigationHoldEnabled = true
		if err := tx.PutMailbox(ms[0]); err != nil {
			return err
		}
		tx.NewGuid()
		if _, err := tx.Schedule(tx.Now().Add(Day), "test.log", "x"); err != nil {
			return err
		}
		if err := tx.AdvanceTo(tx.Now().Add(2 * Day)); err != nil {
			return err
		}
		if _, err := tx.SendMessage(SendInput{From: "annb@contoso.com", To: []string{"x@gmail.com"}, Subject: "s", Encrypt: true}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v", err)
	}
	if after := exportString(t, s); after != before {
		t.Error("a failed Update left changes behind")
	}
	_ = s.View(func(tx *Tx) error {
		if ms, _ := tx.FindMailboxes("changed"); len(ms) != 0 {
			t.Error("index entry of the rolled-back change survived")
		}
		return nil
	})
}

func TestGuidsAreDeterministicV4(t *testing.T) {
	t.Parallel()
	gen := func() []string {
		s := seeded(t, SeedEmpty)
		var out []string
		_ = s.Update(func(tx *Tx) error {
			for i := 0; i < 5; i++ {
				out = append(out, tx.NewGuid())
			}
			out = append(out, tx.NewMessageID(""), tx.NewMessageID("bn7pr06mb5139"))
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
		if n, ok := NormalizeGuid(g); !ok || n != g || g[14] != '4' || !strings.ContainsRune("89ab", rune(g[19])) {
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
	for _, name := range SeedNames() {
		t.Run(name, func(t *testing.T) {
			a := exportString(t, seeded(t, name))
			b := exportString(t, seeded(t, name))
			if a != b {
				t.Fatal("two fresh seeds export differently")
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	if err := s.Update(func(tx *Tx) error {
		if _, err := tx.ScheduleAfter30Days(tx.Now(), "test.log", "pending"); err != nil {
			return err
		}
		return tx.RevokeMessage(SeedMessageQ3Figures, RevokedByAdmin)
	}); err != nil {
		t.Fatal(err)
	}
	first := exportString(t, s)

	s2 := seeded(t, SeedEmpty)
	if err := s2.Import(strings.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	second := exportString(t, s2)
	if first != second {
		t.Fatal("export → import → export is not byte-identical")
	}
	// Indexes are rebuilt and the generator continues where it was.
	var g1, g2 string
	_ = s.Update(func(tx *Tx) error { g1 = tx.NewGuid(); return nil })
	err := s2.Update(func(tx *Tx) error {
		g2 = tx.NewGuid()
		ms, err := tx.FindMailboxes("1d20855f-fd54-4681-98e6-e249f4ed7a2c")
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
	s := seeded(t, SeedContoso)
	doc := exportString(t, s)
	newer := strings.Replace(doc, fmt.Sprintf(`"schemaVersion": %d,`, SchemaVersion), `"schemaVersion": 99,`, 1)
	err := s.Import(strings.NewReader(newer))
	var se *SchemaVersionError
	if !errors.As(err, &se) || se.Found != 99 || !strings.Contains(err.Error(), "99") {
		t.Fatalf("Import newer = %v", err)
	}
	if err := s.Import(strings.NewReader(`{"format":"something"}`)); err == nil {
		t.Error("foreign document accepted")
	}
	if exportString(t, s) != doc {
		t.Error("refused import changed the tenant")
	}
}

func TestInfo(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != SchemaVersion || !info.Clock.Equal(DefaultClock()) || !info.Initialized {
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
		{GBQuota(99).String(), "99 GB (106,300,440,576 bytes)"},
		{GBQuota(100).String(), "100 GB (107,374,182,400 bytes)"},
		{QuotaUnlimited.String(), "Unlimited"},
		{Quota(36700160).String(), "35 MB (36,700,160 bytes)"},
		{DaysSpan(14).String(), "14.00:00:00"},
		{DaysSpan(365).String(), "365.00:00:00"},
		{UnlimitedSpan().String(), "Unlimited"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, in := range []string{"30.00:00:00", "Unlimited", "12:30:00"} {
		sp, err := ParseSpan(in)
		if err != nil || sp.String() != in {
			t.Errorf("ParseSpan(%q) = %v, %v", in, sp, err)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedEmpty)
	path := s.Path()
	if err := s.Update(func(tx *Tx) error { return tx.metaPut(metaSchemaVersion, "7") }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(path, Options{})
	var se *SchemaVersionError
	if !errors.As(err, &se) || se.Found != 7 || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open newer file = %v", err)
	}
}
