package holds

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/idform"
)

// TimerRetentionHoldEnd ends the 30-day retention hold of a recovered
// mailbox (payload: mailbox Guid).
const TimerRetentionHoldEnd = "mailbox.retentionHoldEnd"

func fireRetentionHoldEnd(tx *store.Tx, t store.Timer) error {
	m, err := directory.GetMailbox(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if !m.RetentionHoldEnabled || m.EndDateForRetentionHold == nil || !m.EndDateForRetentionHold.Equal(t.Due) {
		return nil
	}
	m.RetentionHoldEnabled = false
	return directory.PutMailbox(tx, m)
}

// ScheduleRetentionHoldEnd (re)schedules the end of a mailbox's retention
// hold at its EndDateForRetentionHold (e.g. after Set-Mailbox
// -EndDateForRetentionHold extended it).
func ScheduleRetentionHoldEnd(tx *store.Tx, guid string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if err := tx.CancelTimersFor(m.Guid, TimerRetentionHoldEnd); err != nil {
		return err
	}
	if !m.RetentionHoldEnabled || m.EndDateForRetentionHold == nil {
		return nil
	}
	_, err = tx.Schedule(*m.EndDateForRetentionHold, TimerRetentionHoldEnd, m.Guid)
	return err
}

// RecoverInput holds the parameters of New-Mailbox -InactiveMailbox.
type RecoverInput struct {
	// InactiveMailbox identifies the inactive mailbox (DN or ExchangeGuid
	// recommended).
	InactiveMailbox           string
	Name                      string
	Alias                     string
	FirstName                 string
	LastName                  string
	DisplayName               string
	MicrosoftOnlineServicesID string
	Password                  string
	ResetPasswordOnNextLogon  bool
}

// RecoverInactiveMailbox is New-Mailbox -InactiveMailbox. The
// identity must name an Inactive mailbox (*NotFoundError / *AmbiguousError
// within the inactive scope); its account must be purged — while
// ExternalDirectoryObjectId is still set the admin must restore the
// account instead (*LifecycleError ReasonAccountNotPurged); an
// auto-expanding archive refuses (ReasonAutoExpandingArchive); Name and
// MicrosoftOnlineServicesID must be unique (*DuplicateError).
//
// Effects: a new account and a new Active mailbox, treated as licensed (a
// grace period would hide it), with a new Guid, DN and
// ExternalDirectoryObjectId, keeping ExchangeGuid, LegacyExchangeDN and
// content; primary SMTP address = MicrosoftOnlineServicesID. Holds:
// Preservation-Locked policies keep the mailbox; it leaves unlocked
// specific-location and adaptive policies and then gets Litigation Hold
// (so that an org-wide delete policy can't remove what they kept); a
// previous Litigation Hold is otherwise removed; it leaves every In-Place
// hold; exclusion markers are dropped and org-wide policies apply as to any
// active mailbox; eDiscovery case holds keep it. RetainDeletedItemsFor 30
// days; RetentionHoldEnabled for 30 days. The inactive mailbox ceases to
// exist.
func RecoverInactiveMailbox(tx *store.Tx, in RecoverInput) (*directory.Mailbox, error) {
	old, err := directory.ResolveMailbox(tx, in.InactiveMailbox, directory.ScopeInactiveOnly)
	if err != nil {
		return nil, err
	}
	if old.ExternalDirectoryObjectId != "" {
		return nil, directory.MailboxLifecycleError("RecoverInactiveMailbox", old, ReasonAccountNotPurged, old.ExternalDirectoryObjectId)
	}
	if old.AutoExpandingArchiveEnabled {
		return nil, directory.MailboxLifecycleError("RecoverInactiveMailbox", old, ReasonAutoExpandingArchive, "")
	}
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	msoid := strings.TrimSpace(in.MicrosoftOnlineServicesID)
	if msoid == "" || strings.Count(msoid, "@") != 1 || strings.HasPrefix(msoid, "@") || strings.HasSuffix(msoid, "@") {
		return nil, &store.ValidationError{Field: "MicrosoftOnlineServicesID", Message: "a valid sign-in name is required: " + msoid}
	}
	alias := strings.TrimSpace(in.Alias)
	if alias == "" {
		alias = directory.AliasFrom(msoid[:strings.IndexByte(msoid, '@')])
	}
	for _, c := range []struct {
		prop  string
		form  idform.Form
		value string
	}{
		{"Name", idform.Name, name},
		{"Alias", idform.Alias, alias},
		{"MicrosoftOnlineServicesID", idform.UPN, msoid},
		{"PrimarySmtpAddress", idform.SMTP, msoid},
	} {
		dup, err := directory.ActiveMailboxWith(tx, c.form, c.value, old.Guid)
		if err != nil {
			return nil, err
		}
		if dup != nil {
			return nil, &store.DuplicateError{Kind: "mailbox", Property: c.prop, Value: c.value, ExistingIdentity: dup.Identity(), ExistingGuid: dup.Guid}
		}
	}
	if dup, err := directory.ActiveUserWithUPN(tx, msoid, ""); err != nil || dup != nil {
		if err != nil {
			return nil, err
		}
		return nil, &store.DuplicateError{Kind: "user", Property: "UserPrincipalName", Value: msoid, ExistingIdentity: dup.UserPrincipalName, ExistingGuid: dup.ObjectID}
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return nil, err
	}

	// Validation done. Work out the holds before the old record goes.
	now := tx.Now()
	newGuid := tx.NewGuid()
	leftUnlocked := false
	for _, e := range old.InPlaceHolds {
		pe := ParseHoldEntry(e)
		if pe.Kind != HoldKindRetention || !pe.IsHold() {
			continue
		}
		for _, p := range env.policies {
			if p.Hex() == pe.ID && !p.RestrictiveRetention && !p.IsOrgWide() && p.Kind != PolicyKindLabel {
				leftUnlocked = true
			}
		}
	}
	for _, p := range env.policies {
		changed := false
		var incl []PolicyLocation
		for _, l := range p.ExchangeLocation {
			if strings.EqualFold(l.MailboxGuid, old.Guid) {
				changed = true
				if !p.RestrictiveRetention {
					continue // leaves the unlocked policy
				}
				l.MailboxGuid = newGuid
			}
			incl = append(incl, l)
		}
		var exc []PolicyLocation
		for _, l := range p.ExchangeLocationException {
			if strings.EqualFold(l.MailboxGuid, old.Guid) {
				changed = true
				continue // exclusions are dropped
			}
			exc = append(exc, l)
		}
		if changed {
			if incl == nil {
				incl = []PolicyLocation{}
			}
			if exc == nil {
				exc = []PolicyLocation{}
			}
			p.ExchangeLocation, p.ExchangeLocationException = incl, exc
			if err := PutCompliancePolicy(tx, p); err != nil {
				return nil, err
			}
		}
	}
	for _, h := range env.holds {
		changed := false
		for i := range h.ExchangeLocation {
			if strings.EqualFold(h.ExchangeLocation[i].MailboxGuid, old.Guid) {
				h.ExchangeLocation[i].MailboxGuid = newGuid
				changed = true
			}
		}
		if changed {
			if err := PutCaseHoldPolicy(tx, h); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range env.searches {
		if hcontains(s.SourceMailboxes, old.LegacyExchangeDN) {
			s.SourceMailboxes = hremove(s.SourceMailboxes, old.LegacyExchangeDN)
			if s.SourceMailboxes == nil {
				s.SourceMailboxes = []string{}
			}
			if err := PutMailboxSearch(tx, s); err != nil {
				return nil, err
			}
		}
	}
	st, err := holdState(tx, old.Guid)
	if err != nil {
		return nil, err
	}
	content, err := directory.GetMailboxContent(tx, old.Guid)
	if err != nil {
		return nil, err
	}
	// Keep the stamps of locked policies and case holds; the rest is
	// re-derived for the new mailbox.
	var keep []string
	for _, e := range old.InPlaceHolds {
		pe := ParseHoldEntry(e)
		switch pe.Kind {
		case HoldKindEDiscovery:
			keep = append(keep, e)
		case HoldKindRetention:
			for _, p := range env.policies {
				if p.Hex() == pe.ID && p.RestrictiveRetention {
					keep = append(keep, e)
				}
			}
		}
	}
	oldUser, err := directory.LinkedUser(tx, old)
	if err != nil {
		return nil, err
	}
	if err := directory.PurgeMailbox(tx, old); err != nil {
		return nil, err
	}
	if err := tx.CancelTimersFor(old.Guid, TimerDelayHoldExpiry, TimerDelayReleaseHoldExpiry, TimerRetentionHoldEnd); err != nil {
		return nil, err
	}
	if oldUser != nil && oldUser.State == directory.UserSoftDeleted {
		if err := directory.PurgeUserAccount(tx, oldUser.ObjectID); err != nil {
			return nil, err
		}
	}
	if _, err := HoldStateRecords.Delete(tx, old.Guid); err != nil {
		return nil, err
	}

	display := strings.TrimSpace(in.DisplayName)
	if display == "" {
		display = name
	}
	u := &directory.User{ObjectID: tx.NewGuid(), UserPrincipalName: msoid, DisplayName: display, FirstName: in.FirstName, LastName: in.LastName,
		MailNickname: alias, State: directory.UserActive, AccountEnabled: true, UsageLocation: firstNonEmptyStr(old.UsageLocation, "US"),
		MailboxGuid: newGuid, ForceChangePasswordNextSignIn: in.ResetPasswordOnNextLogon, WhenCreated: now}
	if in.Password != "" {
		u.LastPasswordChangeDateTime = new(now)
	}
	if err := directory.PutUser(tx, u); err != nil {
		return nil, err
	}
	if sku, ok, err := directory.FreeMailboxSku(tx); err != nil {
		return nil, err
	} else if ok {
		if err := directory.AssignLicense(tx, u.ObjectID, sku); err != nil {
			return nil, err
		}
	}
	m := *old
	m.Guid = newGuid
	m.ExternalDirectoryObjectId, m.UserObjectID = u.ObjectID, u.ObjectID
	m.Name, m.Alias, m.DisplayName, m.FirstName, m.LastName = name, alias, display, in.FirstName, in.LastName
	m.DistinguishedName = directory.HostedDN(name, o.Name, o.DirectoryPartition, false)
	m.OrganizationalUnit = strings.TrimSuffix(old.OrganizationalUnit, directory.SoftDeletedCanonical)
	m.EmailAddresses = []string{"SMTP:" + msoid}
	if a := alias + "@" + o.Name; !strings.EqualFold(a, msoid) {
		m.EmailAddresses = append(m.EmailAddresses, "smtp:"+a)
	}
	m.PrimarySmtpAddress, m.UserPrincipalName, m.MicrosoftOnlineServicesID, m.WindowsLiveID = msoid, msoid, msoid, msoid
	m.LifecycleState, m.Licensed = directory.StateActive, true
	m.IsInactiveMailbox, m.WasInactiveMailbox = false, false
	m.WhenSoftDeleted, m.InactiveMailboxRetireTime, m.RemovedBy = nil, nil, ""
	m.AccountDisabled = false
	m.InPlaceHolds = keep
	if m.InPlaceHolds == nil {
		m.InPlaceHolds = []string{}
	}
	m.LitigationHoldEnabled, m.LitigationHoldDate, m.LitigationHoldOwner = false, nil, ""
	m.LitigationHoldDuration = directory.UnlimitedSpan()
	if leftUnlocked {
		m.LitigationHoldEnabled = true
		m.LitigationHoldDate = new(now)
		m.LitigationHoldOwner = o.AdminUPN
	}
	m.DelayHoldApplied, m.DelayHoldExpiresAt = false, nil
	m.DelayReleaseHoldApplied, m.DelayReleaseHoldExpiresAt = false, nil
	m.RetainDeletedItemsFor = directory.DaysSpan(30)
	m.RetentionHoldEnabled = true
	m.StartDateForRetentionHold = new(now)
	m.EndDateForRetentionHold = new(store.After30Days(now))
	m.PolicyLocationKeys = nil
	m.WhenCreated, m.WhenMailboxCreated = now, now
	if err := directory.PutMailbox(tx, &m); err != nil {
		return nil, err
	}
	content.MailboxGuid = newGuid
	if err := directory.PutMailboxContent(tx, content); err != nil {
		return nil, err
	}
	if len(st.Labels) > 0 {
		st.MailboxGuid = newGuid
		st.ExcludedOrg, st.Suppressed = nil, nil
		if err := putHoldState(tx, st); err != nil {
			return nil, err
		}
	}
	if _, err := tx.Schedule(*m.EndDateForRetentionHold, TimerRetentionHoldEnd, m.Guid); err != nil {
		return nil, err
	}
	if err := recomputeHolds(tx, []string{newGuid}); err != nil {
		return nil, err
	}
	return directory.GetMailbox(tx, newGuid)
}

func firstNonEmptyStr(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
