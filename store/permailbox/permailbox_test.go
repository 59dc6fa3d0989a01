package permailbox_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

type perMailboxRecord struct {
	MailboxGuid string `json:"mailboxGuid"`
	Value       string `json:"value"`
}

// A per-mailbox record is found by its mailbox's Guid in any case, goes
// with its mailbox, and the check reports a record whose mailbox does not
// exist or that is stored under another key, then what the area's own
// check finds.
func TestPerMailbox(t *testing.T) {
	t.Parallel()
	records := &permailbox.Records[perMailboxRecord]{
		Kind:  store.DefineKind(store.KindSpec[perMailboxRecord]{Bucket: "testPerMailbox", Name: "testPerMailbox", Noun: "test record", CreatedOnWrite: true}),
		Name:  "testPerMailbox",
		Owner: func(r *perMailboxRecord) *string { return &r.MailboxGuid },
	}
	schema := storetest.Schema()
	records.Register(schema, "test-per-mailbox", func(key string, r *perMailboxRecord, m *directory.Mailbox, report func(string)) {
		if r.Value == "bad" {
			report("a bad value (mailbox found: " + map[bool]string{true: "yes", false: "no"}[m != nil] + ")")
		}
	})
	s := storetest.SeededWith(t, schema, seed.Contoso)
	var annb, carolo string
	storetest.Update(t, s, func(tx *store.Tx) {
		annb = storetest.Mailbox(t, tx, "annb").Guid
		carolo = storetest.Mailbox(t, tx, "carolo").Guid
		if records.Has(tx, annb) {
			t.Fatal("a mailbox has a record before one is put")
		}
		storetest.Must(t, records.Drop(tx, annb)) // nothing to drop
		refuse := func(r *perMailboxRecord) error {
			if r.Value == "bad" {
				return errors.New("refused")
			}
			return nil
		}
		m := storetest.Mailbox(t, tx, "annb")
		if err := records.Save(tx, m, &perMailboxRecord{Value: "bad"}, refuse); err == nil || records.Has(tx, annb) {
			t.Fatalf("Save of a refused record = %v; stored: %v", err, records.Has(tx, annb))
		}
		saved := &perMailboxRecord{Value: "kept"}
		storetest.Must(t, records.Save(tx, m, saved, refuse))
		if saved.MailboxGuid != strings.ToLower(annb) {
			t.Fatalf("Save named %q as the owner, want %q", saved.MailboxGuid, strings.ToLower(annb))
		}
		r, ok, err := records.Get(tx, strings.ToUpper(annb))
		storetest.Must(t, err)
		if !ok || r.Value != "kept" {
			t.Fatalf("Get = %+v, %v", r, ok)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Fatalf("findings of a sound tenant: %s", f)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, records.Kind.Put(tx, "elsewhere", &perMailboxRecord{MailboxGuid: carolo, Value: "bad"}))
		storetest.Must(t, records.Put(tx, "00000000-0000-0000-0000-00000000abcd", &perMailboxRecord{MailboxGuid: "00000000-0000-0000-0000-00000000abcd"}))
	})
	want := "test-per-mailbox: testPerMailbox 00000000-0000-0000-0000-00000000abcd: the mailbox does not exist\n" +
		"test-per-mailbox: testPerMailbox elsewhere: stored under another key than its mailbox " + carolo + "\n" +
		"test-per-mailbox: testPerMailbox elsewhere: a bad value (mailbox found: yes)"
	if f := storetest.Findings(t, s); f != want {
		t.Errorf("findings:\n%s\nwant:\n%s", f, want)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		_, err := directory.RemoveMailbox(tx, annb, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, annb))
		if records.Has(tx, annb) {
			t.Error("the record stayed after its mailbox was purged")
		}
	})
}

// A policy link is stored under the mailbox's Guid in lower case with the
// policy's Guid in lower case; "" drops it; Followers counts the links to
// a policy in any case; CheckLinks reports the links to a policy that
// does not exist.
func TestPolicyLinks(t *testing.T) {
	t.Parallel()
	links := &permailbox.Records[permailbox.PolicyLink]{
		Kind:  store.DefineKind(store.KindSpec[permailbox.PolicyLink]{Bucket: "testPolicyLinks", Name: "testPolicyLink", Noun: "test policy link", CreatedOnWrite: true}),
		Name:  "testPolicyLink",
		Owner: func(l *permailbox.PolicyLink) *string { return &l.MailboxGuid },
	}
	schema := storetest.Schema()
	links.Register(schema, "test-policy-links", nil)
	s := storetest.SeededWith(t, schema, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		annb := storetest.Mailbox(t, tx, "annb").Guid
		carolo := storetest.Mailbox(t, tx, "carolo").Guid
		storetest.Must(t, permailbox.Link(links, tx, strings.ToUpper(annb), "AAAA-1"))
		storetest.Must(t, permailbox.Link(links, tx, carolo, "aaaa-1"))
		l, ok, err := links.Get(tx, annb)
		if err != nil || !ok || l.MailboxGuid != strings.ToLower(annb) || l.Policy != "aaaa-1" {
			t.Fatalf("Get = %+v, %v, %v", l, ok, err)
		}
		if n, err := permailbox.Followers(links, tx, "AAAA-1"); err != nil || n != 2 {
			t.Fatalf("Followers = %d, %v; want 2", n, err)
		}
		var found []string
		storetest.Must(t, permailbox.CheckLinks(links, tx, "testPolicyLink", "test policy", map[string]bool{}, func(f store.Finding) {
			found = append(found, f.Message)
		}))
		if len(found) != 2 || found[0] != "the test policy aaaa-1 does not exist" {
			t.Fatalf("CheckLinks found %q", found)
		}
		found = nil
		storetest.Must(t, permailbox.CheckLinks(links, tx, "testPolicyLink", "test policy", map[string]bool{"aaaa-1": true}, func(f store.Finding) {
			found = append(found, f.Message)
		}))
		if len(found) != 0 {
			t.Fatalf("CheckLinks found %q for an existing policy", found)
		}
		storetest.Must(t, permailbox.Link(links, tx, annb, ""))
		if links.Has(tx, annb) {
			t.Fatal("Link with no policy kept the link")
		}
		if n, _ := permailbox.Followers(links, tx, "aaaa-1"); n != 1 {
			t.Fatalf("Followers after a drop = %d, want 1", n)
		}
	})
}
