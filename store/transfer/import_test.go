package transfer_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/exportdoc"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/tenantfile"
	"github.com/exosim/exosim/store/transfer"
)

// importFixture is a contoso tenant file with one audited change, and its
// export.
func importFixture(t *testing.T) (path string, export string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "tenant.db")
	s, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.Must(t, seed.Init(s, seed.Contoso, time.Time{}, false))
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, rbac.AppendAuditRecord(tx, &rbac.AuditRecord{RunDate: tx.Now(), Caller: "admin@contoso.onmicrosoft.com", CmdletName: "Set-Mailbox", ObjectModified: "annb", Succeeded: true}))
	})
	return path, storetest.Export(t, s)
}

// auditLog lists the log of the tenant at path as "seq cmdlet object".
func auditLog(t *testing.T, path string) []string {
	t.Helper()
	s, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []string
	err = s.View(func(tx *store.Tx) error {
		rs, err := rbac.AuditRecords(tx, rbac.AuditQuery{})
		for _, r := range rs {
			out = append(out, strings.Join([]string{r.Identity, r.CmdletName, r.ObjectModified, r.Caller}, " "))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Importing the tenant's own export keeps its admin audit log, record for
// record, and adds the import's own record.
func TestImportKeepsTheAuditLog(t *testing.T) {
	t.Parallel()
	path, export := importFixture(t)
	before := auditLog(t, path)
	rec := store.ImportRecord{Caller: "trainer@contoso.com", Source: "backup.json"}
	if err := tenant.ImportFile(path, strings.NewReader(export), store.Options{}, rec); err != nil {
		t.Fatal(err)
	}
	after := auditLog(t, path)
	if len(after) != len(before)+1 || strings.Join(after[:len(before)], "\n") != strings.Join(before, "\n") {
		t.Fatalf("audit log before the import:\n%s\nafter:\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
	}
	if last := after[len(after)-1]; !strings.HasSuffix(last, " exosim tenant import tenant trainer@contoso.com") {
		t.Errorf("the import's record: %q", last)
	}
	if got := storetest.ExportFile(t, path); got != export {
		t.Error("importing the tenant's own export changed the tenant")
	}
	// The same through the in-place import of an open store.
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, transfer.Import(s, strings.NewReader(export)))
	storetest.Must(t, s.Close())
	if got := auditLog(t, path); len(got) != len(after)+1 || got[0] != before[0] {
		t.Errorf("in-place import: log %q", got)
	}
}

// edit decodes an export, lets fn change it and encodes it again.
func edit(t *testing.T, export string, fn func(doc *exportdoc.Doc)) string {
	t.Helper()
	var doc exportdoc.Doc
	if err := json.Unmarshal([]byte(export), &doc); err != nil {
		t.Fatal(err)
	}
	fn(&doc)
	out, err := json.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// record returns the index of the entry of bucket whose JSON value has
// field = value, and that value decoded.
func record(t *testing.T, doc *exportdoc.Doc, bucket, field, value string) (int, map[string]any) {
	t.Helper()
	for i, e := range doc.Buckets[bucket] {
		var m map[string]any
		if err := json.Unmarshal(e.Value, &m); err != nil {
			t.Fatal(err)
		}
		if s, _ := m[field].(string); strings.EqualFold(s, value) {
			return i, m
		}
	}
	t.Fatalf("no %s with %s %s", bucket, field, value)
	return 0, nil
}

func setValue(t *testing.T, doc *exportdoc.Doc, bucket string, i int, m map[string]any) {
	t.Helper()
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	doc.Buckets[bucket][i].Value = raw
}

// An export that fails a tenant check, or that the tenant checks can't
// even see through (two records under one key, an audit log of its own),
// is refused, and the tenant, its log and its directory stay as they were.
func TestImportRefusesInconsistentExports(t *testing.T) {
	t.Parallel()
	path, export := importFixture(t)
	beforeExport, beforeLog := storetest.ExportFile(t, path), auditLog(t, path)
	cases := []struct {
		name, want string
		edit       func(doc *exportdoc.Doc)
	}{
		{"mailbox without its account", "mailbox-user: mailbox", func(doc *exportdoc.Doc) {
			i, _ := record(t, doc, "users", "userPrincipalName", "annb@contoso.com")
			doc.Buckets["users"] = append(doc.Buckets["users"][:i:i], doc.Buckets["users"][i+1:]...)
		}},
		{"duplicate sign-in name", "sign-in-names: user", func(doc *exportdoc.Doc) {
			i, m := record(t, doc, "users", "userPrincipalName", "alexw@contoso.com")
			m["userPrincipalName"] = "annb@contoso.com"
			setValue(t, doc, "users", i, m)
		}},
		{"administrator removed", "organization: organization organization: administrator admin@contoso.onmicrosoft.com has no active account", func(doc *exportdoc.Doc) {
			i, _ := record(t, doc, "users", "userPrincipalName", "admin@contoso.onmicrosoft.com")
			doc.Buckets["users"] = append(doc.Buckets["users"][:i:i], doc.Buckets["users"][i+1:]...)
		}},
		{"no organization record", "organization: organization: the tenant has no organization record", func(doc *exportdoc.Doc) {
			doc.Buckets["organization"] = doc.Buckets["organization"][:0]
		}},
		{"one mailbox under two keys", "record-keys: mailbox", func(doc *exportdoc.Doc) {
			i, _ := record(t, doc, "mailboxes", "alias", "annb")
			e := doc.Buckets["mailboxes"][i]
			e.Key = "00000000-0000-4000-8000-000000000001"
			doc.Buckets["mailboxes"] = append(doc.Buckets["mailboxes"], e)
		}},
		{"one key twice", `tenant export: mailboxes "`, func(doc *exportdoc.Doc) {
			doc.Buckets["mailboxes"] = append(doc.Buckets["mailboxes"], doc.Buckets["mailboxes"][0])
		}},
		{"nobody in Organization Management", "org-management: roleGroup organization management: Organization Management has no active member", func(doc *exportdoc.Doc) {
			i, m := record(t, doc, "roleGroups", "name", "Organization Management")
			m["members"] = []any{}
			setValue(t, doc, "roleGroups", i, m)
		}},
		{"forged audit log", `it carries a "adminAuditLog" bucket`, func(doc *exportdoc.Doc) {
			doc.Buckets["adminAuditLog"] = doc.Buckets["organization"][:1]
		}},
	}
	for _, tc := range cases {
		bad := edit(t, export, tc.edit)
		err := tenant.ImportFile(path, strings.NewReader(bad), store.Options{}, store.ImportRecord{Source: tc.name})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: import error %v, want it to say %q", tc.name, err, tc.want)
		}
		if tc.name != "forged audit log" && tc.name != "one key twice" && !errors.As(err, new(*transfer.ImportRefusedError)) {
			t.Errorf("%s: %T is not a refusal by the tenant checks", tc.name, err)
		}
		// The in-place import of an open store refuses it as well.
		s, oerr := tenant.Open(path, store.Options{})
		if oerr != nil {
			t.Fatal(oerr)
		}
		if err := transfer.Import(s, strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: in-place import error %v", tc.name, err)
		}
		storetest.Must(t, s.Close())
	}
	if got := storetest.ExportFile(t, path); got != beforeExport {
		t.Error("a refused import changed the tenant")
	}
	if got := auditLog(t, path); strings.Join(got, "\n") != strings.Join(beforeLog, "\n") {
		t.Errorf("a refused import changed the audit log:\n%s", strings.Join(got, "\n"))
	}
	if left, _ := filepath.Glob(path + tenantfile.BuildInfix + "*"); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImportFile imports the export of a synthetic tenant
// (EXOSIM_IMPORT_MAILBOXES mailboxes, default 2000) into a new tenant
// file and reports the Go heap's peak (sampled) beside the time: the
// import streams, so the peak must not grow with the export. The
// 100,000-mailbox figure, as the process's resident memory, is in
// `make bench` (TestBenchFigures).
func BenchmarkImportFile(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("EXOSIM_IMPORT_MAILBOXES")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	src, err := tenant.Open(filepath.Join(dir, "src.db"), store.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	storetest.Must(b, seed.Init(src, seed.Contoso, time.Time{}, false))
	storetest.Must(b, seed.BuildSynthetic(src, seed.SyntheticOptions{Mailboxes: n}))
	exportPath := filepath.Join(dir, "export.json")
	f, err := os.Create(exportPath)
	if err != nil {
		b.Fatal(err)
	}
	storetest.Must(b, transfer.Export(src, f))
	storetest.Must(b, f.Close())
	storetest.Must(b, src.Close())
	fi, _ := os.Stat(exportPath)
	b.SetBytes(fi.Size())
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := os.Open(exportPath)
		if err != nil {
			b.Fatal(err)
		}
		target := filepath.Join(dir, fmt.Sprintf("imported%d.db", i))
		err = tenant.ImportFile(target, bufio.NewReaderSize(f, 1<<20), store.Options{}, store.ImportRecord{})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		_ = os.Remove(target)
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
