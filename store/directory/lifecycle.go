package directory

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
)

// Timer kinds of the mailbox lifecycle. The payload is the mailbox Guid,
// or the account ObjectId for TimerRecycleBinExpiry.
const (
	// TimerSoftDeleteExpiry fires 30 days after WhenSoftDeleted: a
	// SoftDeleted mailbox is purged with its account; an Inactive or
	// Retired-Inactive one loses its account and stays.
	TimerSoftDeleteExpiry = "mailbox.softDeleteExpiry"
	// TimerRecycleBinExpiry fires 30 days after an account was deleted:
	// the account is purged, with the cascade of PurgeUserAccount.
	TimerRecycleBinExpiry = "user.recycleBinExpiry"
	// TimerRetirementPurge fires 30 days after InactiveMailboxRetireTime:
	// the Retired-Inactive mailbox is purged.
	TimerRetirementPurge = "mailbox.retirementPurge"
	// TimerLicenseGrace fires 30 days after the last Exchange licence was
	// removed: the mailbox is purged, or becomes Inactive when held.
	TimerLicenseGrace = "mailbox.licenseGraceExpiry"
)

// Hooks of the mailbox lifecycle: the rules of other areas that decide or
// follow a lifecycle step. The areas add their functions to the schema
// (holds: MailboxHeld and AfterMailboxDelete; restore: BeforeMailboxPurge).
var (
	// MailboxHeld reports whether a mailbox is on hold: removing a held
	// mailbox makes it inactive instead of soft-deleted, an inactive one
	// stays until no hold is left, and a held mailbox whose licence grace
	// ends becomes inactive instead of being purged. Any function saying
	// true holds it; with none added, no mailbox is ever held.
	MailboxHeld = store.NewHook[func(tx *store.Tx, m *Mailbox) (bool, error)]("mailbox held")
	// BeforeMailboxPurge runs before a mailbox is hard-deleted.
	BeforeMailboxPurge = store.NewHook[func(tx *store.Tx, m *Mailbox) error]("before mailbox purge")
	// AfterMailboxDelete runs after a mailbox record and its content were
	// deleted, with the mailbox's Guid (lower case): other areas drop what
	// they keep per mailbox.
	AfterMailboxDelete = store.NewHook[func(tx *store.Tx, guid string) error]("after mailbox delete")
	// AfterMailboxCreate runs after a new mailbox was stored (New-Mailbox,
	// or the mailbox provisioned when an account without one gets an
	// Exchange licence): other areas give it what applies to every mailbox,
	// such as the stamps of organization-wide policies.
	AfterMailboxCreate = store.NewHook[func(tx *store.Tx, m *Mailbox) error]("after mailbox create")
	// AccountLeaving runs before an active account is deleted (alone or
	// with its mailbox): an error refuses the deletion (role-based access
	// control keeps the last administrator).
	AccountLeaving = store.NewHook[func(tx *store.Tx, objectID string) error]("account leaving")
)

// accountLeaving runs the AccountLeaving hook for the account objectID.
func accountLeaving(tx *store.Tx, objectID string) error {
	for _, f := range AccountLeaving.Funcs(tx) {
		if err := f(tx, objectID); err != nil {
			return err
		}
	}
	return nil
}

// afterMailboxCreate runs the AfterMailboxCreate hook for m.
func afterMailboxCreate(tx *store.Tx, m *Mailbox) error {
	for _, f := range AfterMailboxCreate.Funcs(tx) {
		if err := f(tx, m); err != nil {
			return err
		}
	}
	return nil
}

// mailboxHeld asks the MailboxHeld hook whether m is on hold.
func mailboxHeld(tx *store.Tx, m *Mailbox) (bool, error) {
	for _, f := range MailboxHeld.Funcs(tx) {
		if held, err := f(tx, m); err != nil || held {
			return held, err
		}
	}
	return false, nil
}

const softDeletedOU = "OU=Soft Deleted Objects"

// SoftDeletedCanonical ends the OrganizationalUnit of a deleted object.
const SoftDeletedCanonical = "/Soft Deleted Objects"

// dnFirstComma returns the index of the first unescaped comma of a DN, or
// -1.
func dnFirstComma(dn string) int {
	for i := 0; i < len(dn); i++ {
		switch dn[i] {
		case '\\':
			i++
		case ',':
			return i
		}
	}
	return -1
}

// SoftDeletedDN inserts "OU=Soft Deleted Objects" after the CN of a DN
// (unchanged when already present).
func SoftDeletedDN(dn string) string {
	i := dnFirstComma(dn)
	if i < 0 {
		return dn
	}
	if strings.HasPrefix(strings.ToLower(dn[i+1:]), strings.ToLower(softDeletedOU)+",") {
		return dn
	}
	return dn[:i+1] + softDeletedOU + "," + dn[i+1:]
}

// ActiveDN removes the "OU=Soft Deleted Objects" component that follows the
// CN of a DN.
func ActiveDN(dn string) string {
	i := dnFirstComma(dn)
	if i < 0 {
		return dn
	}
	if strings.HasPrefix(strings.ToLower(dn[i+1:]), strings.ToLower(softDeletedOU)+",") {
		return dn[:i+1] + dn[i+1+len(softDeletedOU)+1:]
	}
	return dn
}

// renameDN replaces the CN value of a DN.
func renameDN(dn, name string) string {
	i := dnFirstComma(dn)
	if i < 0 {
		return "CN=" + escapeDN(name)
	}
	return "CN=" + escapeDN(name) + dn[i:]
}

func escapeDN(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `,`, `\,`, `+`, `\+`, `"`, `\"`, `<`, `\<`, `>`, `\>`, `;`, `\;`, `=`, `\=`)
	return r.Replace(v)
}

// LinkedUser returns the account behind a mailbox, or nil when it no longer
// exists.
func LinkedUser(tx *store.Tx, m *Mailbox) (*User, error) {
	id := m.UserObjectID
	if id == "" {
		id = m.ExternalDirectoryObjectId
	}
	if id == "" {
		return nil, nil
	}
	u, err := GetUser(tx, id)
	if err != nil {
		if _, ok := err.(*store.NotFoundError); ok {
			return nil, nil
		}
		return nil, err
	}
	return u, nil
}

// MailboxLifecycleError is the refusal of operation op on mailbox m in its
// current state, for the given reason (one of the Reason* constants).
func MailboxLifecycleError(op string, m *Mailbox, reason, detail string) *LifecycleError {
	return &LifecycleError{Op: op, Kind: "mailbox", Identity: m.Identity(), Guid: m.Guid, State: m.LifecycleState, Reason: reason, Detail: detail}
}

// softDelete soft-deletes (inactive false) or makes inactive (inactive
// true) a mailbox already checked to be Active; u is its account (may be nil).
// With deleteAccount the account goes to the recycle bin.
func softDelete(tx *store.Tx, m *Mailbox, u *User, actor string, inactive, deleteAccount bool) error {
	now := tx.Now()
	m.LifecycleState = StateSoftDeleted
	if inactive {
		m.LifecycleState = StateInactive
	}
	m.IsInactiveMailbox = inactive
	m.WasInactiveMailbox = false
	m.InactiveMailboxRetireTime = nil
	m.WhenSoftDeleted = new(now)
	m.DistinguishedName = SoftDeletedDN(m.DistinguishedName)
	if m.OrganizationalUnit != "" && !strings.HasSuffix(m.OrganizationalUnit, SoftDeletedCanonical) {
		m.OrganizationalUnit += SoftDeletedCanonical
	}
	m.RemovedBy = actor
	if inactive {
		m.Licensed = false
	}
	if err := PutMailbox(tx, m); err != nil {
		return err
	}
	if _, err := tx.ScheduleAfter30Days(now, TimerSoftDeleteExpiry, m.Guid); err != nil {
		return err
	}
	if u == nil {
		return nil
	}
	if inactive && len(u.Licenses) > 0 {
		// The licence is freed for reuse (CMI).
		o, err := GetOrganization(tx)
		if err != nil {
			return err
		}
		for _, l := range u.Licenses {
			if sub, ok := o.Subscription(l); ok && sub.Consumed > 0 {
				sub.Consumed--
			}
		}
		u.FreedLicenses = append(u.FreedLicenses, u.Licenses...)
		u.Licenses = nil
		if err := PutOrganization(tx, o); err != nil {
			return err
		}
	}
	if deleteAccount && u.State == UserActive {
		if err := accountLeaving(tx, u.ObjectID); err != nil {
			return err
		}
		u.State = UserSoftDeleted
		u.DeletedAt = new(now)
		if _, err := tx.ScheduleAfter30Days(now, TimerRecycleBinExpiry, u.ObjectID); err != nil {
			return err
		}
	}
	return PutUser(tx, u)
}

// RemoveMailbox is Remove-Mailbox on an Active mailbox (or one in its
// licence grace period, or the deletion of its account): it becomes
// SoftDeleted when not on hold, Inactive (licence freed) when it is. Either way WhenSoftDeleted is now, the
// Identity becomes `Soft Deleted Objects\<Name>`, the DN gets
// "OU=Soft Deleted Objects", ExternalDirectoryObjectId is kept and the
// account goes to the recycle bin. Holds don't matter for mail users,
// which are always soft-deleted; a mail user linked to a journal archive is
// refused with *JournalArchiveError. A mailbox not Active is refused with
// *LifecycleError (ReasonNotActive). actor is recorded as RemovedBy.
func RemoveMailbox(tx *store.Tx, guid, actor string) (*Mailbox, error) {
	m, err := GetMailbox(tx, guid)
	if err != nil {
		return nil, err
	}
	if !m.IsLive() {
		return nil, MailboxLifecycleError("RemoveMailbox", m, ReasonNotActive, "")
	}
	if m.LifecycleState == StateUnlicensedGrace {
		// removed during its licence grace period: soft-deleted like an
		// active mailbox, the grace period ends
		if err := tx.CancelTimersFor(m.Guid, TimerLicenseGrace); err != nil {
			return nil, err
		}
	}
	if m.IsMailUser() && m.HasJournalArchive {
		return nil, &JournalArchiveError{Identity: m.Identity(), Guid: m.Guid}
	}
	inactive := false
	if !m.IsMailUser() {
		if inactive, err = mailboxHeld(tx, m); err != nil {
			return nil, err
		}
	}
	u, err := LinkedUser(tx, m)
	if err != nil {
		return nil, err
	}
	if err := softDelete(tx, m, u, actor, inactive, true); err != nil {
		return nil, err
	}
	return m, nil
}

// PurgeMailbox hard-deletes a mailbox, whatever its state (the caller
// decided it may go): record, content and timers; the account (if any)
// loses its link but is otherwise unchanged.
func PurgeMailbox(tx *store.Tx, m *Mailbox) error {
	for _, f := range BeforeMailboxPurge.Funcs(tx) {
		if err := f(tx, m); err != nil {
			return err
		}
	}
	if err := DeleteMailbox(tx, m.Guid); err != nil {
		return err
	}
	if err := tx.CancelTimersFor(m.Guid, TimerSoftDeleteExpiry, TimerRetirementPurge, TimerLicenseGrace); err != nil {
		return err
	}
	u, err := LinkedUser(tx, m)
	if err != nil || u == nil {
		return err
	}
	if strings.EqualFold(u.MailboxGuid, m.Guid) {
		u.MailboxGuid = ""
		return PutUser(tx, u)
	}
	return nil
}

// PermanentlyDeleteMailbox is Remove-Mailbox -PermanentlyDelete on a
// soft-deleted mailbox: a SoftDeleted or Retired-Inactive mailbox is
// purged at once. An Inactive mailbox is refused with
// *LifecycleError ReasonInactive, an Active or unlicensed one with
// ReasonNotDeleted. The account, if still in the recycle bin, stays there
// (without a mailbox).
func PermanentlyDeleteMailbox(tx *store.Tx, guid string) error {
	m, err := GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	switch m.LifecycleState {
	case StateSoftDeleted, StateRetiredInactive:
		return PurgeMailbox(tx, m)
	case StateInactive:
		return MailboxLifecycleError("PermanentlyDeleteMailbox", m, ReasonInactive, "")
	}
	return MailboxLifecycleError("PermanentlyDeleteMailbox", m, ReasonNotDeleted, "")
}

// UndoInput holds the optional parameters of Undo-SoftDeletedMailbox.
type UndoInput struct {
	// WindowsLiveID is a new sign-in name; it also becomes the primary
	// SMTP address (the old one is kept as a proxy address).
	WindowsLiveID string
	// Password is the new password (plain text; only the fact that it was
	// set is recorded).
	Password string
	// Name renames the mailbox (changes the DN too).
	Name string
}

// undoPlan is a validated Undo-SoftDeletedMailbox / account restore.
type undoPlan struct {
	m           *Mailbox
	u           *User // nil when a new account must be created
	in          UndoInput
	newAccount  bool
	restoreUser bool
}

// ActiveMailboxWith returns an active (not deleted) mailbox other than
// exclude that has value in one of the forms.
func ActiveMailboxWith(tx *store.Tx, forms idform.Form, value, exclude string) (*Mailbox, error) {
	if strings.TrimSpace(value) == "" {
		return nil, nil
	}
	keys, err := MailboxKeysBy(tx, forms, value)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if k == strings.ToLower(exclude) {
			continue
		}
		m, err := GetMailbox(tx, k)
		if err != nil {
			return nil, err
		}
		if !m.IsDeleted() {
			return m, nil
		}
	}
	return nil, nil
}

// ActiveUserWithUPN returns an Active account other than exclude with that
// UserPrincipalName.
func ActiveUserWithUPN(tx *store.Tx, upn, exclude string) (*User, error) {
	if strings.TrimSpace(upn) == "" {
		return nil, nil
	}
	us, err := FindUsersByUPN(tx, upn)
	if err != nil {
		return nil, err
	}
	for _, u := range us {
		if u.State == UserActive && !strings.EqualFold(u.ObjectID, exclude) {
			return u, nil
		}
	}
	return nil, nil
}

// signInNameHolder reports who else holds a sign-in name among live
// objects ("" when free).
func signInNameHolder(tx *store.Tx, name, excludeMailbox, excludeUser string) (string, string, error) {
	if m, err := ActiveMailboxWith(tx, idform.UPN, name, excludeMailbox); err != nil || m != nil {
		if m != nil {
			return m.Identity(), m.Guid, nil
		}
		return "", "", err
	}
	u, err := ActiveUserWithUPN(tx, name, excludeUser)
	if err != nil || u == nil {
		return "", "", err
	}
	return u.UserPrincipalName, u.ObjectID, nil
}

// undoWindowEnd returns the end of the window in which a deleted mailbox
// can be brought back.
func undoWindowEnd(m *Mailbox) (time.Time, bool) {
	switch m.LifecycleState {
	case StateSoftDeleted, StateInactive:
		if m.WhenSoftDeleted != nil {
			return store.After30Days(*m.WhenSoftDeleted), true
		}
	case StateRetiredInactive:
		if m.InactiveMailboxRetireTime != nil {
			return store.After30Days(*m.InactiveMailboxRetireTime), true
		}
	}
	return time.Time{}, false
}

func planUndo(tx *store.Tx, op string, m *Mailbox, in UndoInput) (*undoPlan, error) {
	in.WindowsLiveID = strings.TrimSpace(in.WindowsLiveID)
	in.Name = strings.TrimSpace(in.Name)
	if !m.IsDeleted() {
		return nil, MailboxLifecycleError(op, m, ReasonNotDeleted, "")
	}
	u, err := LinkedUser(tx, m)
	if err != nil {
		return nil, err
	}
	accountGone := u == nil || m.ExternalDirectoryObjectId == ""
	if accountGone && m.LifecycleState == StateInactive {
		return nil, MailboxLifecycleError(op, m, ReasonAccountPurgedUseRecover, "")
	}
	if op == "UndoSoftDeletedMailbox" {
		// A mailbox is restored from the side it was deleted from: one
		// deleted with its account in Microsoft Entra ID comes back with
		// the account, and a soft-deleted one whose account was then
		// permanently deleted can only give its content to another mailbox.
		if accountGone && m.LifecycleState == StateSoftDeleted {
			return nil, MailboxLifecycleError(op, m, ReasonAccountHardDeleted, "")
		}
		if !accountGone && m.DeletedInEntra && u.State == UserSoftDeleted {
			return nil, MailboxLifecycleError(op, m, ReasonDeletedInEntra, "")
		}
	}
	end, ok := undoWindowEnd(m)
	if !ok || store.IsDue(end, tx.Now()) {
		return nil, MailboxLifecycleError(op, m, ReasonWindowExpired, end.Format(time.RFC3339))
	}
	p := &undoPlan{m: m, u: u, in: in}
	if accountGone {
		if in.WindowsLiveID == "" || in.Password == "" {
			return nil, MailboxLifecycleError(op, m, ReasonAccountPurgedNeedsCredentials, "")
		}
		p.u, p.newAccount = nil, true
	} else {
		p.restoreUser = u.State == UserSoftDeleted
	}
	userID := ""
	if p.u != nil {
		userID = p.u.ObjectID
	}
	if in.WindowsLiveID != "" && !strings.Contains(in.WindowsLiveID, "@") {
		return nil, &store.ValidationError{Field: "WindowsLiveID", Message: "not a valid sign-in name: " + in.WindowsLiveID}
	}
	name := m.Name
	if in.Name != "" {
		name = in.Name
	}
	if dup, err := ActiveMailboxWith(tx, idform.Name, name, m.Guid); err != nil || dup != nil {
		if err != nil {
			return nil, err
		}
		return nil, &store.DuplicateError{Kind: "mailbox", Property: "Name", Value: name, ExistingIdentity: dup.Identity(), ExistingGuid: dup.Guid}
	}
	if dup, err := ActiveMailboxWith(tx, idform.Alias, m.Alias, m.Guid); err != nil || dup != nil {
		if err != nil {
			return nil, err
		}
		return nil, &store.DuplicateError{Kind: "mailbox", Property: "Alias", Value: m.Alias, ExistingIdentity: dup.Identity(), ExistingGuid: dup.Guid}
	}
	signIn := m.WindowsLiveID
	if signIn == "" {
		signIn = m.UserPrincipalName
	}
	if !p.newAccount {
		holder, _, err := signInNameHolder(tx, signIn, m.Guid, userID)
		if err != nil {
			return nil, err
		}
		if holder != "" && (in.WindowsLiveID == "" || in.Password == "") {
			return nil, MailboxLifecycleError(op, m, ReasonSignInNameInUse, signIn)
		}
	}
	if in.WindowsLiveID != "" && !strings.EqualFold(in.WindowsLiveID, signIn) {
		holder, hguid, err := signInNameHolder(tx, in.WindowsLiveID, m.Guid, userID)
		if err != nil {
			return nil, err
		}
		if holder == "" {
			if dup, err := ActiveMailboxWith(tx, idform.SMTP, in.WindowsLiveID, m.Guid); err != nil {
				return nil, err
			} else if dup != nil {
				holder, hguid = dup.Identity(), dup.Guid
			}
		}
		if holder != "" {
			return nil, &store.DuplicateError{Kind: "mailbox", Property: "WindowsLiveID", Value: in.WindowsLiveID, ExistingIdentity: holder, ExistingGuid: hguid}
		}
	} else if in.WindowsLiveID == "" {
		if dup, err := ActiveMailboxWith(tx, idform.SMTP, m.PrimarySmtpAddress, m.Guid); err != nil || dup != nil {
			if err != nil {
				return nil, err
			}
			return nil, &store.DuplicateError{Kind: "mailbox", Property: "PrimarySmtpAddress", Value: m.PrimarySmtpAddress, ExistingIdentity: dup.Identity(), ExistingGuid: dup.Guid}
		}
	}
	return p, nil
}

// reassignFreed gives the account back the licences freed when its
// mailbox became inactive, as far as units are available.
func reassignFreed(tx *store.Tx, u *User) error {
	if len(u.FreedLicenses) == 0 {
		return nil
	}
	o, err := GetOrganization(tx)
	if err != nil {
		return err
	}
	for _, l := range u.FreedLicenses {
		sub, ok := o.Subscription(l)
		if !ok || sub.Consumed >= sub.Enabled || u.HasLicense(l) {
			continue
		}
		sub.Consumed++
		u.Licenses = append(u.Licenses, sub.SkuPartNumber)
	}
	sort.Strings(u.Licenses)
	u.FreedLicenses = nil
	return PutOrganization(tx, o)
}

// applyUndo brings the mailbox of a validated plan back to Active.
func applyUndo(tx *store.Tx, p *undoPlan) error {
	m, in, now := p.m, p.in, tx.Now()
	u := p.u
	if p.newAccount {
		u = &User{
			ObjectID: tx.NewGuid(), UserPrincipalName: in.WindowsLiveID, DisplayName: m.DisplayName,
			FirstName: m.FirstName, LastName: m.LastName, MailNickname: m.Alias, State: UserActive,
			AccountEnabled: m.RecipientTypeDetails == RecipientUserMailbox, UsageLocation: m.UsageLocation,
			MailboxGuid: m.Guid, WhenCreated: now,
		}
		if err := PutUser(tx, u); err != nil {
			return err
		}
		if m.RecipientTypeDetails == RecipientUserMailbox {
			if sku, ok, err := FreeMailboxSku(tx); err != nil {
				return err
			} else if ok {
				if err := AssignLicense(tx, u.ObjectID, sku); err != nil {
					return err
				}
				if u, err = GetUser(tx, u.ObjectID); err != nil {
					return err
				}
			}
		}
		m.ExternalDirectoryObjectId, m.UserObjectID = u.ObjectID, u.ObjectID
	} else if p.restoreUser {
		u.State = UserActive
		u.DeletedAt = nil
		if err := tx.CancelTimersFor(u.ObjectID, TimerRecycleBinExpiry); err != nil {
			return err
		}
	}
	if err := reassignFreed(tx, u); err != nil {
		return err
	}
	u.MailboxGuid = m.Guid
	if in.WindowsLiveID != "" {
		u.UserPrincipalName = in.WindowsLiveID
	}
	if in.Password != "" {
		u.LastPasswordChangeDateTime = new(now)
	}

	m.LifecycleState = StateActive
	m.WhenSoftDeleted = nil
	m.IsInactiveMailbox = false
	m.WasInactiveMailbox = false
	m.InactiveMailboxRetireTime = nil
	m.RemovedBy = ""
	m.DeletedInEntra = false
	m.DistinguishedName = ActiveDN(m.DistinguishedName)
	m.OrganizationalUnit = strings.TrimSuffix(m.OrganizationalUnit, SoftDeletedCanonical)
	if in.Name != "" && in.Name != m.Name {
		m.Name = in.Name
		m.DistinguishedName = renameDN(m.DistinguishedName, in.Name)
	}
	if in.WindowsLiveID != "" && !strings.EqualFold(in.WindowsLiveID, m.WindowsLiveID) {
		m.SetPrimarySmtp(in.WindowsLiveID)
		m.UserPrincipalName, m.MicrosoftOnlineServicesID, m.WindowsLiveID = in.WindowsLiveID, in.WindowsLiveID, in.WindowsLiveID
	}
	if m.RecipientTypeDetails == RecipientUserMailbox {
		// Treated as licensed once back, like a recovered mailbox (the
		// service wants a licence assigned afterwards).
		m.Licensed = true
	}
	if err := PutUser(tx, u); err != nil {
		return err
	}
	if err := PutMailbox(tx, m); err != nil {
		return err
	}
	return tx.CancelTimersFor(m.Guid, TimerSoftDeleteExpiry, TimerRetirementPurge)
}

// SetPrimarySmtp makes addr the primary SMTP address, keeping the old
// primary as a secondary proxy address.
func (m *Mailbox) SetPrimarySmtp(addr string) {
	out := []string{"SMTP:" + addr}
	for _, a := range m.EmailAddresses {
		if len(a) > 5 && strings.EqualFold(a[:5], "smtp:") {
			if strings.EqualFold(a[5:], addr) {
				continue
			}
			out = append(out, "smtp:"+a[5:])
			continue
		}
		out = append(out, a)
	}
	m.EmailAddresses = out
	m.PrimarySmtpAddress = addr
}

// UndoSoftDeletedMailbox brings a deleted mailbox back to Active: a
// SoftDeleted or Inactive one within 30 days of WhenSoftDeleted, a
// Retired-Inactive one within 30 days of InactiveMailboxRetireTime. WhenSoftDeleted is cleared, Identity and DN
// are restored, the account leaves the recycle bin (licences freed when it
// became inactive are re-assigned where units remain) and holds are kept.
//
// Refusals (*LifecycleError): ReasonNotDeleted, ReasonWindowExpired (also
// errors.Is ErrNotFound), ReasonAccountPurgedUseRecover (Inactive whose
// account is purged: use New-Mailbox -InactiveMailbox),
// ReasonAccountPurgedNeedsCredentials (account purged, no new
// WindowsLiveID+Password; with them a new account is created),
// ReasonSignInNameInUse (a live object holds the original sign-in name and
// WindowsLiveID/Password were not both given). *DuplicateError when the
// name, alias, primary address or new WindowsLiveID is taken by an active
// object.
func UndoSoftDeletedMailbox(tx *store.Tx, guid string, in UndoInput) (*Mailbox, error) {
	m, err := GetMailbox(tx, guid)
	if err != nil {
		return nil, err
	}
	p, err := planUndo(tx, "UndoSoftDeletedMailbox", m, in)
	if err != nil {
		return nil, err
	}
	if err := applyUndo(tx, p); err != nil {
		return nil, err
	}
	return m, nil
}

// RecalculateInactiveMailbox re-evaluates an Inactive mailbox: when
// it is no longer on hold it becomes Retired-Inactive (IsInactiveMailbox
// False, WasInactiveMailbox True, InactiveMailboxRetireTime now, holds
// list emptied) and is purged 30 days later unless undone. It reports
// whether the mailbox retired; other states are left alone.
func RecalculateInactiveMailbox(tx *store.Tx, guid string) (bool, error) {
	m, err := GetMailbox(tx, guid)
	if err != nil {
		return false, err
	}
	if m.LifecycleState != StateInactive {
		return false, nil
	}
	held, err := mailboxHeld(tx, m)
	if err != nil || held {
		return false, err
	}
	now := tx.Now()
	m.LifecycleState = StateRetiredInactive
	m.IsInactiveMailbox = false
	m.WasInactiveMailbox = true
	m.InactiveMailboxRetireTime = new(now)
	m.InPlaceHolds = []string{}
	if err := PutMailbox(tx, m); err != nil {
		return false, err
	}
	if _, err := tx.ScheduleAfter30Days(now, TimerRetirementPurge, m.Guid); err != nil {
		return false, err
	}
	return true, nil
}

// DisableJournalArchiving unlinks a mail user from its journal archive.
// Without preserveMailUser the mail user itself is then removed
// (soft-deleted like Remove-Mailbox); with it the mail user stays. A
// recipient without a journal archive is refused with *LifecycleError
// ReasonNoJournalArchive.
func DisableJournalArchiving(tx *store.Tx, guid string, preserveMailUser bool) error {
	m, err := GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if !m.HasJournalArchive {
		return MailboxLifecycleError("DisableJournalArchiving", m, ReasonNoJournalArchive, "")
	}
	m.HasJournalArchive = false
	if preserveMailUser || m.LifecycleState != StateActive {
		return PutMailbox(tx, m)
	}
	u, err := LinkedUser(tx, m)
	if err != nil {
		return err
	}
	return softDelete(tx, m, u, "", false, true)
}

// --- Entra accounts -------------------------------------------------------

func userLifecycleErr(op string, u *User, reason string) *LifecycleError {
	return &LifecycleError{Op: op, Kind: "user", Identity: u.UserPrincipalName, Guid: u.ObjectID, State: u.State, Reason: reason}
}

// DeleteUserAccount deletes an Entra account (Remove-MgUser): the account
// goes to the recycle bin for 30 days and an Active mailbox behind it is
// soft-deleted or made inactive exactly as by RemoveMailbox, and
// remembered as deleted in Entra (it comes back by restoring the account).
// A mailbox in the unlicensed grace period is not soft-deleted: it stays
// in its grace period, out of sight until the account is restored. A mail
// user with a journal archive is refused with *JournalArchiveError; an
// account not Active with *LifecycleError ReasonNotActive.
func DeleteUserAccount(tx *store.Tx, objectID string) error {
	u, err := GetUser(tx, objectID)
	if err != nil {
		return err
	}
	if u.State != UserActive {
		return userLifecycleErr("DeleteUserAccount", u, ReasonNotActive)
	}
	var m *Mailbox
	if u.MailboxGuid != "" {
		if m, err = GetMailbox(tx, u.MailboxGuid); err != nil {
			if _, ok := err.(*store.NotFoundError); !ok {
				return err
			}
			m = nil
		}
	}
	if m != nil && m.LifecycleState == StateActive {
		if m.IsMailUser() && m.HasJournalArchive {
			return &JournalArchiveError{Identity: m.Identity(), Guid: m.Guid}
		}
		inactive := false
		if !m.IsMailUser() {
			if inactive, err = mailboxHeld(tx, m); err != nil {
				return err
			}
		}
		m.DeletedInEntra = true
		return softDelete(tx, m, u, "", inactive, true)
	}
	if m != nil && m.LifecycleState == StateUnlicensedGrace {
		// not soft-deleted: out of sight until the account is restored
		m.DeletedInEntra = true
		if err := PutMailbox(tx, m); err != nil {
			return err
		}
	}
	if err := accountLeaving(tx, u.ObjectID); err != nil {
		return err
	}
	now := tx.Now()
	u.State = UserSoftDeleted
	u.DeletedAt = new(now)
	if _, err := tx.ScheduleAfter30Days(now, TimerRecycleBinExpiry, u.ObjectID); err != nil {
		return err
	}
	return PutUser(tx, u)
}

// RestoreUserAccount restores a deleted account from the recycle bin
// (Restore-MgDirectoryDeletedItem) within 30 days. A mailbox deleted with
// it comes back as by UndoSoftDeletedMailbox without parameters,
// with the same refusals. *DuplicateError when an active account now holds
// its UserPrincipalName; *LifecycleError ReasonNotDeleted when the account
// is not in the recycle bin.
func RestoreUserAccount(tx *store.Tx, objectID string) error {
	u, err := GetUser(tx, objectID)
	if err != nil {
		return err
	}
	if u.State != UserSoftDeleted {
		return userLifecycleErr("RestoreUserAccount", u, ReasonNotDeleted)
	}
	if u.DeletedAt != nil && store.IsDue(store.After30Days(*u.DeletedAt), tx.Now()) {
		e := userLifecycleErr("RestoreUserAccount", u, ReasonWindowExpired)
		e.Detail = store.After30Days(*u.DeletedAt).Format(time.RFC3339)
		return e
	}
	if dup, err := ActiveUserWithUPN(tx, u.UserPrincipalName, u.ObjectID); err != nil || dup != nil {
		if err != nil {
			return err
		}
		return &store.DuplicateError{Kind: "user", Property: "UserPrincipalName", Value: u.UserPrincipalName, ExistingIdentity: dup.UserPrincipalName, ExistingGuid: dup.ObjectID}
	}
	if u.MailboxGuid != "" {
		m, err := GetMailbox(tx, u.MailboxGuid)
		// Only a mailbox deleted together with the account comes back.
		if err == nil && m.IsDeleted() && m.ExternalDirectoryObjectId != "" &&
			m.WhenSoftDeleted != nil && u.DeletedAt != nil && m.WhenSoftDeleted.Equal(*u.DeletedAt) {
			p, err := planUndo(tx, "RestoreUserAccount", m, UndoInput{})
			if err != nil {
				return err
			}
			return applyUndo(tx, p)
		}
		if err != nil {
			if _, ok := err.(*store.NotFoundError); !ok {
				return err
			}
		}
		if err == nil && m.LifecycleState == StateUnlicensedGrace && m.DeletedInEntra {
			m.DeletedInEntra = false
			if err := PutMailbox(tx, m); err != nil {
				return err
			}
		}
	}
	u.State = UserActive
	u.DeletedAt = nil
	if err := reassignFreed(tx, u); err != nil {
		return err
	}
	if err := tx.CancelTimersFor(u.ObjectID, TimerRecycleBinExpiry); err != nil {
		return err
	}
	return PutUser(tx, u)
}

// PurgeUserAccount permanently deletes an account that is in the recycle
// bin (Remove-MgDirectoryDeletedItem). Its licences are released. A
// mailbox behind it loses its ExternalDirectoryObjectId: a SoftDeleted one
// stays soft-deleted until 30 days after its deletion (restorable into
// another mailbox, not by Undo-SoftDeletedMailbox); an Inactive or
// Retired-Inactive one stays (only its account goes); an unheld one in its licence
// grace period is hard-deleted. *LifecycleError ReasonNotDeleted when the
// account is not in the recycle bin.
func PurgeUserAccount(tx *store.Tx, objectID string) error {
	u, err := GetUser(tx, objectID)
	if err != nil {
		return err
	}
	if u.State != UserSoftDeleted {
		return userLifecycleErr("PurgeUserAccount", u, ReasonNotDeleted)
	}
	return purgeUser(tx, u)
}

// purgeUser deletes an account record with its licences and timer and
// cascades to its mailbox.
func purgeUser(tx *store.Tx, u *User) error {
	if len(u.Licenses) > 0 {
		o, err := GetOrganization(tx)
		if err != nil {
			return err
		}
		for _, l := range u.Licenses {
			if sub, ok := o.Subscription(l); ok && sub.Consumed > 0 {
				sub.Consumed--
			}
		}
		if err := PutOrganization(tx, o); err != nil {
			return err
		}
	}
	if err := DeleteUser(tx, u.ObjectID); err != nil {
		return err
	}
	if err := tx.CancelTimersFor(u.ObjectID, TimerRecycleBinExpiry); err != nil {
		return err
	}
	if u.MailboxGuid == "" {
		return nil
	}
	m, err := GetMailbox(tx, u.MailboxGuid)
	if err != nil {
		if _, ok := err.(*store.NotFoundError); ok {
			return nil
		}
		return err
	}
	if !strings.EqualFold(m.ExternalDirectoryObjectId, u.ObjectID) && !strings.EqualFold(m.UserObjectID, u.ObjectID) {
		return nil
	}
	switch m.LifecycleState {
	case StateSoftDeleted:
		// The mailbox stays soft-deleted for the rest of its 30 days (its
		// timer purges it then), without an account: only a restore
		// request into another mailbox can still copy its content.
	case StateInactive, StateRetiredInactive:
		if err := tx.CancelTimersFor(m.Guid, TimerSoftDeleteExpiry); err != nil {
			return err
		}
	case StateUnlicensedGrace:
		// A mailbox whose licence was removed before its account was
		// permanently deleted is not kept as soft-deleted: it goes with
		// the account, unless a hold keeps it (it then becomes inactive
		// when its grace period ends).
		held, err := mailboxHeld(tx, m)
		if err != nil {
			return err
		}
		if !held {
			return PurgeMailbox(tx, m)
		}
	}
	m.ExternalDirectoryObjectId = ""
	return PutMailbox(tx, m)
}

// DeletedUsers lists the recycle bin: accounts deleted less than 30 days
// ago, ordered by deletion time, then ObjectId.
func DeletedUsers(tx *store.Tx) ([]*User, error) {
	var out []*User
	err := ForEachUser(tx, "", func(u *User) error {
		if u.State == UserSoftDeleted {
			out = append(out, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].DeletedAt, out[j].DeletedAt
		if a != nil && b != nil && !a.Equal(*b) {
			return a.Before(*b)
		}
		return out[i].ObjectID < out[j].ObjectID
	})
	return out, nil
}

// --- licences ---------------------------------------------------------------

// afterLicenseChange starts or ends the unlicensed grace period of the
// account's user mailbox after its licences changed; an active account without a mailbox that now has
// an Exchange licence gets a new, empty one.
func afterLicenseChange(tx *store.Tx, u *User) error {
	if u.MailboxGuid == "" {
		if u.State == UserActive && u.HasMailboxLicense() {
			return provisionMailbox(tx, u)
		}
		return nil
	}
	m, err := GetMailbox(tx, u.MailboxGuid)
	if err != nil {
		if _, ok := err.(*store.NotFoundError); ok {
			return nil
		}
		return err
	}
	if m.RecipientTypeDetails != RecipientUserMailbox {
		return nil
	}
	has := u.HasMailboxLicense()
	switch {
	case has && m.LifecycleState == StateUnlicensedGrace:
		m.LifecycleState = StateActive
		m.Licensed = true
		if err := tx.CancelTimersFor(m.Guid, TimerLicenseGrace); err != nil {
			return err
		}
		return PutMailbox(tx, m)
	case has && m.LifecycleState == StateActive && !m.Licensed:
		m.Licensed = true
		return PutMailbox(tx, m)
	case !has && m.LifecycleState == StateActive && m.Licensed:
		from := tx.Now()
		if u.LicenseRemovedAt != nil {
			from = *u.LicenseRemovedAt
		}
		m.LifecycleState = StateUnlicensedGrace
		m.Licensed = false
		if _, err := tx.ScheduleAfter30Days(from, TimerLicenseGrace, m.Guid); err != nil {
			return err
		}
		return PutMailbox(tx, m)
	}
	return nil
}

// provisionMailbox gives active account u, which has no mailbox, a new
// and empty licensed user mailbox, as Exchange Online does for an account
// that gets an Exchange licence (also one whose mailbox was deleted when
// its licence grace period ended). Its name is the account's mail
// nickname (made unique among live mailboxes), its primary address the
// sign-in name.
func provisionMailbox(tx *store.Tx, u *User) error {
	o, err := GetOrganization(tx)
	if err != nil {
		return err
	}
	if u.MailNickname == "" {
		local, _, _ := strings.Cut(u.UserPrincipalName, "@")
		u.MailNickname = AliasFrom(local)
	}
	name := u.MailNickname
	for i := 2; ; i++ {
		dup, err := ActiveMailboxWith(tx, idform.Name, name, "")
		if err != nil {
			return err
		}
		if dup == nil {
			break
		}
		name = fmt.Sprintf("%s%d", u.MailNickname, i)
	}
	now := tx.Now()
	m := mailboxRecord(o, u, tx.NewGuid(), tx.NewGuid(), LegacyDNFor(tx.NewGuid(), u.MailNickname), name, u.UserPrincipalName, RecipientUserMailbox, now)
	m.Licensed = true
	if err := PutMailbox(tx, m); err != nil {
		return err
	}
	if err := PutMailboxContent(tx, emptyContent(m)); err != nil {
		return err
	}
	u.MailboxGuid = m.Guid
	if err := PutUser(tx, u); err != nil {
		return err
	}
	return afterMailboxCreate(tx, m)
}

// --- timer handlers -----------------------------------------------------------

func fireSoftDeleteExpiry(tx *store.Tx, t store.Timer) error {
	m, err := GetMailbox(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if m.WhenSoftDeleted == nil || !store.After30Days(*m.WhenSoftDeleted).Equal(t.Due) {
		return nil
	}
	u, err := LinkedUser(tx, m)
	if err != nil {
		return err
	}
	switch m.LifecycleState {
	case StateSoftDeleted:
		// mailbox and account purged
		if err := PurgeMailbox(tx, m); err != nil {
			return err
		}
		if u != nil && u.State == UserSoftDeleted {
			u.MailboxGuid = ""
			return purgeUser(tx, u)
		}
	case StateInactive, StateRetiredInactive:
		// the account is purged; the mailbox stays
		if u != nil && u.State == UserSoftDeleted {
			return purgeUser(tx, u)
		}
		if m.ExternalDirectoryObjectId != "" {
			m.ExternalDirectoryObjectId = ""
			return PutMailbox(tx, m)
		}
	}
	return nil
}

func fireRecycleBinExpiry(tx *store.Tx, t store.Timer) error {
	u, err := GetUser(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if u.State != UserSoftDeleted || u.DeletedAt == nil || !store.After30Days(*u.DeletedAt).Equal(t.Due) {
		return nil
	}
	return purgeUser(tx, u)
}

func fireRetirementPurge(tx *store.Tx, t store.Timer) error {
	m, err := GetMailbox(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if m.LifecycleState != StateRetiredInactive || m.InactiveMailboxRetireTime == nil ||
		!store.After30Days(*m.InactiveMailboxRetireTime).Equal(t.Due) {
		return nil
	}
	u, err := LinkedUser(tx, m)
	if err != nil {
		return err
	}
	if err := PurgeMailbox(tx, m); err != nil {
		return err
	}
	if u != nil && u.State == UserSoftDeleted {
		u.MailboxGuid = ""
		return purgeUser(tx, u)
	}
	return nil
}

func fireLicenseGrace(tx *store.Tx, t store.Timer) error {
	m, err := GetMailbox(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if m.LifecycleState != StateUnlicensedGrace {
		return nil
	}
	held, err := mailboxHeld(tx, m)
	if err != nil {
		return err
	}
	if !held {
		return PurgeMailbox(tx, m) // its data deleted, unrecoverable
	}
	// A held mailbox becomes Inactive instead; the (unlicensed)
	// account itself is not deleted.
	u, err := LinkedUser(tx, m)
	if err != nil {
		return err
	}
	return softDelete(tx, m, u, "", true, false)
}
