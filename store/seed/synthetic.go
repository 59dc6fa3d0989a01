package seed

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/idform"
	"github.com/exosim/exosim/store/ome"
)

// DefaultSyntheticMessages is how many messages each active synthetic
// mailbox sends when SyntheticOptions.MessagesPerMailbox is zero. Ten per
// mailbox (the "about 10") makes a 100,000-mailbox tenant about
// 3.8 GB and several minutes to build with today's JSON records (a
// message plus its trace row is about 1.3 kB), so the default is one;
// `tenant init --messages-per-mailbox 10` asks for more.
const DefaultSyntheticMessages = 1

// SyntheticOptions configure Store.BuildSynthetic.
type SyntheticOptions struct {
	// Mailboxes is how many mailboxes to add.
	Mailboxes int
	// MessagesPerMailbox is how many messages each active licensed
	// mailbox sends (0 = DefaultSyntheticMessages, negative = none).
	MessagesPerMailbox int
	// BatchSize is how many mailboxes one transaction adds (default 1000:
	// a transaction's new records land on random pages of every index,
	// and bbolt keeps each page it changes in memory until the commit, so
	// the batch bounds the memory of a build; larger batches are not
	// faster, as they change as many pages per record).
	BatchSize int
	// Progress, when set, is called after each committed batch with the
	// number of mailboxes added so far.
	Progress func(done int)
}

// Synthetic population mix, in tenths of a percent of the mailboxes (the
// rest are ordinary licensed user mailboxes). The choice per mailbox is a
// hash of its alias, so the same tenant size always gives the same mix.
const (
	synthLitigationHold = 40 // 4.0 %: litigation hold, stays Active
	synthRetentionHold  = 10 // 1.0 %: retention hold
	synthShared         = 30 // 3.0 %: shared mailbox, no licence
	synthSoftDeleted    = 15 // 1.5 %: removed without hold (SoftDeleted)
	synthInactive       = 10 // 1.0 %: removed while on litigation hold (Inactive)
	synthUnlicensed     = 10 // 1.0 %: licence removed (UnlicensedGrace)
)

var synthFirstNames = []string{
	"Aaron", "Abigail", "Adele", "Alex", "Alice", "Amir", "Ana", "Andre", "Anna", "Arjun",
	"Ben", "Bianca", "Brian", "Carla", "Chen", "Chris", "Dana", "David", "Diego", "Elena",
	"Emma", "Ethan", "Fatima", "Felix", "Grace", "Hana", "Henry", "Igor", "Isabel", "Jack",
	"Jamal", "Julia", "Kai", "Karen", "Kenji", "Laura", "Leo", "Lina", "Lucas", "Maya",
	"Mohammed", "Nadia", "Noah", "Olga", "Omar", "Paula", "Priya", "Quinn", "Raj", "Rosa",
	"Sam", "Sofia", "Tariq", "Tom", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe",
}

var synthLastNames = []string{
	"Adams", "Bauer", "Brown", "Castro", "Chen", "Cohen", "Davis", "Diaz", "Evans", "Fischer",
	"Garcia", "Gupta", "Hall", "Ito", "Jensen", "Kim", "Kowalski", "Lee", "Lopez", "Martin",
	"Meyer", "Miller", "Moreau", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Patel", "Perez",
	"Quinn", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Smith", "Suzuki", "Taylor", "Ueda",
	"Vance", "Wagner", "Walker", "Wang", "Weber", "Wilson", "Wong", "Yamada", "Young", "Zhang",
}

var synthExternalDomains = []string{"fabrikam.com", "gmail.com", "outlook.com", "tailspintoys.com", "yahoo.com"}

// SynthName returns the first and last name and the alias of synthetic
// mailbox number i (1-based). Aliases are unique: they end in i.
func SynthName(i int) (first, last, alias string) {
	first = synthFirstNames[store.HashN(0, int64(len(synthFirstNames)-1), fmt.Sprint(i), "first")]
	last = synthLastNames[store.HashN(0, int64(len(synthLastNames)-1), fmt.Sprint(i), "last")]
	return first, last, strings.ToLower(first) + "." + strings.ToLower(last) + fmt.Sprint(i)
}

// BuildSynthetic adds o.Mailboxes synthetic mailboxes with their accounts,
// folder content and sent messages (with message trace) to an initialized
// tenant, in transactions of o.BatchSize mailboxes. The population is a
// realistic mix: mostly licensed user mailboxes, a few on litigation or
// retention hold, shared mailboxes, soft-deleted, inactive and unlicensed
// ones (the latter three made by the store's own lifecycle operations, so
// their timers exist). Mailbox i is named first.last<i>; numbering
// continues after the synthetic mailboxes already present.
func BuildSynthetic(s *store.Store, o SyntheticOptions) error {
	batch := o.BatchSize
	if batch <= 0 {
		batch = 1000
	}
	msgs := o.MessagesPerMailbox
	if msgs == 0 {
		msgs = DefaultSyntheticMessages
	}
	start := 1
	err := s.View(func(tx *store.Tx) error {
		if !tx.IsInitialized() {
			return fmt.Errorf("tenant %q is not initialized", s.Path())
		}
		if v := tx.Meta(metaSyntheticCount); v != "" {
			var n int
			if _, err := fmt.Sscan(v, &n); err == nil {
				start = n + 1
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.Batched(func() error {
		for done := 0; done < o.Mailboxes; done += batch {
			n := min(batch, o.Mailboxes-done)
			from := start + done
			err := s.Update(func(tx *store.Tx) error {
				if err := addSyntheticBatch(tx, from, n, msgs); err != nil {
					return err
				}
				return tx.SetMeta(metaSyntheticCount, fmt.Sprint(from+n-1))
			})
			if err != nil {
				return err
			}
			if o.Progress != nil {
				o.Progress(done + n)
			}
		}
		return nil
	})
}

// metaSyntheticCount records the highest synthetic mailbox number.
const metaSyntheticCount = "syntheticCount"

// addSyntheticBatch adds synthetic mailboxes from..from+n-1, each active
// licensed one sending msgs messages.
func addSyntheticBatch(tx *store.Tx, from, n, msgs int) error {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	k, _ := directory.LookupSku(SyntheticSku)
	sub := o.EnsureSubscription(k)
	// Buy and consume one unit per licensed mailbox up front; the
	// lifecycle operations below give back what they free.
	licensed := 0
	for i := from; i < from+n; i++ {
		_, _, alias := SynthName(i)
		if mix := store.HashN(0, 999, alias, "mix"); mix < synthLitigationHold+synthRetentionHold || mix >= synthLitigationHold+synthRetentionHold+synthShared {
			licensed++
		}
	}
	if free := sub.Enabled - sub.Consumed; free < licensed {
		sub.Enabled += licensed - free
	}
	sub.Consumed += licensed
	if err := directory.PutOrganization(tx, o); err != nil {
		return err
	}
	now := tx.Now()
	type later struct {
		guid, objectID string
		op             int64
	}
	var lifecycle []later
	var senders []string
	w := tx.BulkWriter()
	for i := from; i < from+n; i++ {
		first, last, alias := SynthName(i)
		addr := alias + "@" + o.DefaultDomain
		display := first + " " + last
		if store.HashN(0, 9, alias, "dup") == 0 {
			// Some people share a name; the number tells them apart.
			display = fmt.Sprintf("%s %s %d", first, last, i)
		}
		mix := store.HashN(0, 999, alias, "mix")
		created := now.Add(-time.Duration(store.HashN(30, 1500, alias, "created")) * store.Day)
		objectID, mbxGuid, xguid := tx.NewGuid(), tx.NewGuid(), tx.NewGuid()
		shared := mix >= synthLitigationHold+synthRetentionHold && mix < synthLitigationHold+synthRetentionHold+synthShared
		u := &directory.User{
			ObjectID: objectID, UserPrincipalName: addr, DisplayName: display,
			FirstName: first, LastName: last, MailNickname: alias, State: directory.UserActive,
			AccountEnabled: !shared, UsageLocation: "US",
			MailboxGuid: mbxGuid, WhenCreated: created,
		}
		if !shared {
			u.Licenses = []string{k.SkuPartNumber}
		}
		u.WhenChanged = now
		if err := directory.Users.PutBulk(w, u.ObjectID, u); err != nil {
			return err
		}
		m := &directory.Mailbox{
			Guid: mbxGuid, ExchangeGuid: xguid, ExternalDirectoryObjectId: objectID, UserObjectID: objectID,
			Name: alias, Alias: alias, DisplayName: display, FirstName: first, LastName: last,
			DistinguishedName:  directory.HostedDN(alias, o.Name, o.DirectoryPartition, false),
			LegacyExchangeDN:   directory.LegacyDNFor(mbxGuid, alias),
			EmailAddresses:     []string{"SMTP:" + addr, "smtp:" + alias + "@" + o.Name},
			PrimarySmtpAddress: addr, UserPrincipalName: addr, MicrosoftOnlineServicesID: addr, WindowsLiveID: addr,
			RecipientType: directory.RecipientUserMailbox, RecipientTypeDetails: directory.RecipientUserMailbox,
			LifecycleState: directory.StateActive, Licensed: !shared, UsageLocation: "US",
			WhenCreated: created, WhenMailboxCreated: created.Add(5 * time.Minute),
		}
		directory.SetMailboxDefaults(m, o.Name, o.DirectoryPartition)
		if shared {
			m.RecipientTypeDetails = directory.RecipientSharedMailbox
			m.AccountDisabled = true
		}
		if store.HashN(0, 4, alias, "archive") == 0 {
			m.ArchiveGuid = tx.NewGuid()
			m.ArchiveStatus = "Active"
			m.ArchiveName = "In-Place Archive - " + display
			m.ArchiveDatabase = fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, alias, "adg"), store.HashN(1, 250, alias, "adb"))
		}
		switch {
		case mix < synthLitigationHold:
			m.LitigationHoldEnabled = true
			m.LitigationHoldDate = new(created.Add(time.Duration(store.HashN(1, 20, alias, "lh")) * store.Day))
			m.LitigationHoldOwner = o.AdminUPN
		case mix < synthLitigationHold+synthRetentionHold:
			m.RetentionHoldEnabled = true
		}
		m.AccountOffice, m.AccountForceChangePassword = u.Office, u.ForceChangePasswordNextSignIn
		m.WhenChanged = now
		if err := directory.Mailboxes.PutBulk(w, m.Guid, m); err != nil {
			return err
		}
		if err := directory.Contents.PutBulk(w, m.Guid, seedContent(m, now)); err != nil {
			return err
		}
		if off := mix - (synthLitigationHold + synthRetentionHold + synthShared); off >= 0 && off < synthSoftDeleted+synthInactive+synthUnlicensed {
			lifecycle = append(lifecycle, later{guid: mbxGuid, objectID: objectID, op: off})
		} else if !shared {
			senders = append(senders, addr)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, l := range lifecycle {
		switch {
		case l.op < synthSoftDeleted:
			if _, err := directory.RemoveMailbox(tx, l.guid, o.AdminUPN); err != nil {
				return err
			}
		case l.op < synthSoftDeleted+synthInactive:
			m, err := directory.GetMailbox(tx, l.guid)
			if err != nil {
				return err
			}
			m.LitigationHoldEnabled = true
			m.LitigationHoldDate = new(now.Add(-90 * store.Day))
			m.LitigationHoldOwner = o.AdminUPN
			if err := directory.PutMailbox(tx, m); err != nil {
				return err
			}
			if _, err := directory.RemoveMailbox(tx, l.guid, o.AdminUPN); err != nil {
				return err
			}
		default:
			if err := directory.RemoveLicense(tx, l.objectID, k.SkuPartNumber); err != nil {
				return err
			}
		}
	}
	if msgs < 0 || len(senders) == 0 {
		return nil
	}
	if err := addSyntheticMessages(tx, w, o, senders, msgs); err != nil {
		return err
	}
	return w.Flush()
}

// addSyntheticMessages has each sender send msgs plain messages, mostly to
// other senders of the batch and some to external recipients, recorded in
// the messages and message-trace buckets as Send-SimMessage records them.
func addSyntheticMessages(tx *store.Tx, w *store.BulkWriter, o *directory.Organization, senders []string, msgs int) error {
	now := tx.Now()
	subjects := []string{"Weekly status", "Budget review", "Lunch?", "Re: Project plan", "Invoice", "Meeting notes", "Quarterly figures", "Travel request", "Fw: Customer feedback", "Agenda"}
	for si, from := range senders {
		for j := 0; j < msgs; j++ {
			salt := fmt.Sprint(from, "\x00", j)
			var to string
			if store.HashN(0, 9, salt, "ext") < 2 {
				to = fmt.Sprintf("partner%d@%s", store.HashN(1, 999, salt, "who"), synthExternalDomains[store.HashN(0, int64(len(synthExternalDomains)-1), salt, "dom")])
			} else {
				to = senders[(si+1+int(store.HashN(0, int64(len(senders)), salt, "to")))%len(senders)]
			}
			m := &ome.Message{
				MessageID:      ome.NewMessageID(tx, ""),
				MessageTraceID: tx.NewGuid(),
				Subject:        subjects[store.HashN(0, int64(len(subjects)-1), salt, "subj")],
				Sender:         from,
				Recipients:     []ome.MessageRecipient{{Address: to, IdentityType: o.IdentityTypeOf(to)}},
				SentTime:       now.Add(-time.Duration(store.HashN(10, 14*24*60, salt, "ago")) * time.Minute),
				Size:           store.HashN(4, 200, salt, "size") * directory.KB,
			}
			m.FromIP = ome.ClientIP(m.Sender)
			if err := ome.Messages.PutBulk(w, m.MessageID, m); err != nil {
				return err
			}
			for _, r := range ome.TraceRows(m) {
				if err := ome.Traces.PutBulk(w, r.Key(), r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// SyntheticSku is the licence the synthetic mailboxes get (Exchange Online
// Plan 1); AddSyntheticMailboxes buys the units it needs.
const SyntheticSku = "EXCHANGESTANDARD"

// AddSyntheticMailboxes adds n ordinary licensed user mailboxes (with
// accounts and folder content) named user0001, user0002, … continuing
// after the highest number already present. It is meant for large-tenant
// tests and runs in the caller's transaction.
func AddSyntheticMailboxes(tx *store.Tx, n int) error {
	if n <= 0 {
		return nil
	}
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	start := 1
	for {
		keys, err := directory.MailboxKeysBy(tx, idform.Alias, fmt.Sprintf("user%04d", start))
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			break
		}
		start++
	}
	k, _ := directory.LookupSku(SyntheticSku)
	sub := o.EnsureSubscription(k)
	if free := sub.Enabled - sub.Consumed; free < n {
		sub.Enabled += n - free
	}
	sub.Consumed += n
	if err := directory.PutOrganization(tx, o); err != nil {
		return err
	}
	now := tx.Now()
	for i := 0; i < n; i++ {
		num := start + i
		alias := fmt.Sprintf("user%04d", num)
		addr := alias + "@" + o.DefaultDomain
		created := now.Add(-time.Duration(store.HashN(30, 900, alias, "created")) * store.Day)
		objectID, mbxGuid, xguid := tx.NewGuid(), tx.NewGuid(), tx.NewGuid()
		u := &directory.User{
			ObjectID: objectID, UserPrincipalName: addr, DisplayName: fmt.Sprintf("User %04d", num),
			FirstName: "User", LastName: fmt.Sprintf("%04d", num), MailNickname: alias, State: directory.UserActive,
			AccountEnabled: true, UsageLocation: "US", Licenses: []string{k.SkuPartNumber},
			MailboxGuid: mbxGuid, WhenCreated: created,
		}
		if err := directory.PutUser(tx, u); err != nil {
			return err
		}
		m := &directory.Mailbox{
			Guid: mbxGuid, ExchangeGuid: xguid, ExternalDirectoryObjectId: objectID, UserObjectID: objectID,
			Name: alias, Alias: alias, DisplayName: u.DisplayName, FirstName: u.FirstName, LastName: u.LastName,
			DistinguishedName:  directory.HostedDN(alias, o.Name, o.DirectoryPartition, false),
			LegacyExchangeDN:   directory.LegacyDNFor(mbxGuid, alias),
			EmailAddresses:     []string{"SMTP:" + addr, "smtp:" + alias + "@" + o.Name},
			PrimarySmtpAddress: addr, UserPrincipalName: addr, MicrosoftOnlineServicesID: addr, WindowsLiveID: addr,
			RecipientType: directory.RecipientUserMailbox, RecipientTypeDetails: directory.RecipientUserMailbox,
			LifecycleState: directory.StateActive, Licensed: true, UsageLocation: "US",
			WhenCreated: created, WhenMailboxCreated: created.Add(5 * time.Minute),
		}
		directory.SetMailboxDefaults(m, o.Name, o.DirectoryPartition)
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
		if err := directory.PutMailboxContent(tx, seedContent(m, now)); err != nil {
			return err
		}
	}
	return nil
}

// AddSynthetic adds n synthetic mailboxes in one transaction (see
// Tx.AddSyntheticMailboxes).
func AddSynthetic(s *store.Store, n int) error {
	return s.Update(func(tx *store.Tx) error { return AddSyntheticMailboxes(tx, n) })
}
