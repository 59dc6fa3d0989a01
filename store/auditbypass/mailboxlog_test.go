package auditbypass_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// What mailbox auditing on by default records: the default actions of the
// logon type, the Audit (Premium) ones only for licensed owners, nothing
// of a bypassed account or while the organization has auditing off, and
// regardless of the mailbox's own AuditEnabled.
func TestAuditRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name            string
		mailbox, actor  string
		op, logon       string
		bypass, orgOff  bool
		mailboxDisabled bool
		want            bool
	}{
		{name: "owner send, licensed", mailbox: "annb", actor: "annb@contoso.com", op: "Send", logon: auditbypass.LogonOwner, want: true},
		{name: "owner send, shared mailbox has no licence", mailbox: "info", actor: "carolo@contoso.com", op: "Send", logon: auditbypass.LogonOwner},
		{name: "delegate send as", mailbox: "info", actor: "carolo@contoso.com", op: "SendAs", logon: auditbypass.LogonDelegate, want: true},
		{name: "delegate send on behalf, any case", mailbox: "info", actor: "meganb@contoso.com", op: "sendonbehalf", logon: auditbypass.LogonDelegate, want: true},
		{name: "delegate send is not a delegate default", mailbox: "info", actor: "carolo@contoso.com", op: "Send", logon: auditbypass.LogonDelegate},
		{name: "owner send as is not an owner default", mailbox: "annb", actor: "annb@contoso.com", op: "SendAs", logon: auditbypass.LogonOwner},
		{name: "admin hard delete", mailbox: "pattif", actor: "admin@contoso.onmicrosoft.com", op: "HardDelete", logon: auditbypass.LogonAdmin, want: true},
		{name: "bypassed actor", mailbox: "info", actor: "carolo@contoso.com", op: "SendAs", logon: auditbypass.LogonDelegate, bypass: true},
		{name: "organization auditing off", mailbox: "info", actor: "carolo@contoso.com", op: "SendAs", logon: auditbypass.LogonDelegate, orgOff: true},
		{name: "mailbox AuditEnabled off changes nothing", mailbox: "info", actor: "carolo@contoso.com", op: "SendAs", logon: auditbypass.LogonDelegate, mailboxDisabled: true, want: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				m := storetest.Mailbox(t, tx, c.mailbox)
				if c.bypass {
					actor := storetest.Mailbox(t, tx, c.actor)
					storetest.Must(t, auditbypass.Set(tx, actor.Guid, true))
				}
				if c.orgOff {
					o, err := directory.GetOrganization(tx)
					storetest.Must(t, err)
					raw, err := store.EncodeExtra(true)
					storetest.Must(t, err)
					if o.Extra == nil {
						o.Extra = map[string]store.RawValue{}
					}
					o.Extra["AuditDisabled"] = raw
					storetest.Must(t, directory.PutOrganization(tx, o))
				}
				if c.mailboxDisabled {
					m.AuditEnabled = false
					storetest.Must(t, directory.PutMailbox(tx, m))
				}
				got, err := auditbypass.Audit(tx, auditbypass.Event{Mailbox: m, Operation: c.op, LogonType: c.logon, Actor: c.actor,
					Item: &auditbypass.AuditItem{ID: "00", Subject: "s"}})
				storetest.Must(t, err)
				rs, err := auditbypass.MailboxAuditRecords(tx, auditbypass.MailboxAuditQuery{})
				storetest.Must(t, err)
				if got != c.want || len(rs) != map[bool]int{false: 0, true: 1}[c.want] {
					t.Fatalf("recorded %v (%d records), want %v", got, len(rs), c.want)
				}
			})
		})
	}
}

// Records are dropped once older than AuditLogAgeLimit, and with their
// mailbox when it is purged.
func TestAuditAgeLimitAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	count := func(tx *store.Tx) int {
		rs, err := auditbypass.MailboxAuditRecords(tx, auditbypass.MailboxAuditQuery{})
		storetest.Must(t, err)
		return len(rs)
	}
	record := func(tx *store.Tx, alias, actor string) {
		_, err := auditbypass.Audit(tx, auditbypass.Event{Mailbox: storetest.Mailbox(t, tx, alias), Operation: "SendAs",
			LogonType: auditbypass.LogonDelegate, Actor: actor, Item: &auditbypass.AuditItem{ID: "00"}})
		storetest.Must(t, err)
	}
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		record(tx, "info", "carolo@contoso.com")
		storetest.Must(t, tx.AdvanceBy(30*store.Day))
		record(tx, "meganb", "annb@contoso.com")
		guid = storetest.Mailbox(t, tx, "meganb").Guid
		storetest.Must(t, tx.AdvanceBy(60*store.Day))
		if n := count(tx); n != 2 {
			t.Fatalf("after 90 days: %d records, want 2", n)
		}
		storetest.Must(t, tx.AdvanceBy(store.Day))
		if n := count(tx); n != 1 {
			t.Fatalf("after 91 days: %d records, want 1", n)
		}
		_, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
		if n := count(tx); n != 0 {
			t.Fatalf("after the purge: %d records, want 0", n)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// The tenant check finds a record whose mailbox does not exist.
func TestAuditLogCheck(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		ghost := &directory.Mailbox{Guid: "00000000-0000-0000-0000-00000000abcd", UserPrincipalName: "ghost@contoso.com"}
		_, err := auditbypass.Audit(tx, auditbypass.Event{Mailbox: ghost, Operation: "HardDelete", LogonType: auditbypass.LogonAdmin,
			Actor: "admin@contoso.onmicrosoft.com", Folder: `\Inbox`})
		storetest.Must(t, err)
	})
	if f := storetest.Findings(t, s); !strings.Contains(f, "mailbox-audit-log") {
		t.Errorf("findings %q, want the mailbox-audit-log check's", f)
	}
}
