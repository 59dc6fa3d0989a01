package directory

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// The stored form of a mailbox leaves out the values that follow from its
// other fields, as most mailboxes have them: the sign-in names and the
// primary address that repeat the UserPrincipalName, the distinguished
// names built from the name, alias, Guid and organizational unit, and the
// like. A value is left out only when it equals what its rule derives, so
// decoding restores it exactly; a mailbox whose value differs (an address
// changed by Set-Mailbox, say) keeps it. Mailbox.Elided notes which were
// left out.
const (
	elidedMSOnlineID = 1 << iota
	elidedWindowsLiveID
	elidedPrimarySmtp
	elidedLegacyDN
	elidedDN
	elidedUserObjectID
	elidedAlias
	elidedArchiveGuid
	elidedRecipientTypeDetails
	elidedPrimaryProxy
	// elidedDefaults is the first of the bits of defaultValues.
	elidedDefaults
)

// defaultValues are the values SetMailboxDefaults gives every new
// mailbox and most keep: bit elidedDefaults<<i of Elided stands for
// value i. The order is part of the stored form: a new value goes at the
// end.
var defaultValues = []struct {
	quota bool // v is the value of quota field i (quotaFields)
	v     Quota
	span  func(m *Mailbox) *Span
	sv    Span
	text  func(m *Mailbox) *string
	tv    string
}{
	{quota: true, v: Quota(99 * GB)},
	{quota: true, v: Quota(100 * GB)},
	{quota: true, v: Quota(98 * GB)},
	{quota: true, v: Quota(30 * GB)},
	{quota: true, v: Quota(20 * GB)},
	{quota: true, v: Quota(35 * MB)},
	{quota: true, v: Quota(36 * MB)},
	{quota: true, v: Quota(100 * GB)},
	{quota: true, v: Quota(90 * GB)},
	{span: litigationHoldDuration, sv: UnlimitedSpan()},
	{span: retainDeletedItemsFor, sv: Span{D: 14 * store.Day}},
	{text: retentionPolicy, tv: "Default MRM Policy"},
	{text: archiveStatus, tv: "None"},
}

// The fields of defaultValues are named functions, not literals: the
// compiler places the literals of a package's variables before all of
// its functions, and reading a mailbox would enter that stretch of code
// for them alone.

func litigationHoldDuration(m *Mailbox) *Span { return &m.LitigationHoldDuration }
func retainDeletedItemsFor(m *Mailbox) *Span  { return &m.RetainDeletedItemsFor }
func retentionPolicy(m *Mailbox) *string      { return &m.RetentionPolicy }
func archiveStatus(m *Mailbox) *string        { return &m.ArchiveStatus }

// quotaFields returns the quota fields of m in the order of defaultValues.
func quotaFields(m *Mailbox) []*Quota {
	return []*Quota{&m.ProhibitSendQuota, &m.ProhibitSendReceiveQuota, &m.IssueWarningQuota,
		&m.RecoverableItemsQuota, &m.RecoverableItemsWarningQuota, &m.MaxSendSize, &m.MaxReceiveSize,
		&m.ArchiveQuota, &m.ArchiveWarningQuota}
}

// elideDefaults leaves out of c the values of defaultValues it has,
// returning their bits.
func elideDefaults(c *Mailbox) int64 {
	var e int64
	qs := quotaFields(c)
	for i, d := range defaultValues {
		bit := int64(elidedDefaults) << i
		switch {
		case d.quota:
			if *qs[i] == d.v && d.v != 0 {
				*qs[i] = 0
				e |= bit
			}
		case d.span != nil:
			if p := d.span(c); *p == d.sv && d.sv != (Span{}) {
				*p = Span{}
				e |= bit
			}
		case d.text != nil:
			if p := d.text(c); *p == d.tv && d.tv != "" {
				*p = ""
				e |= bit
			}
		}
	}
	return e
}

// restoreDefaults puts back the values elideDefaults left out.
func restoreDefaults(m *Mailbox, e int64) {
	if e < elidedDefaults {
		return
	}
	qs := quotaFields(m)
	for i, d := range defaultValues {
		if e&(int64(elidedDefaults)<<i) == 0 {
			continue
		}
		switch {
		case d.quota:
			*qs[i] = d.v
		case d.span != nil:
			*d.span(m) = d.sv
		case d.text != nil:
			*d.text(m) = d.tv
		}
	}
}

// StoredForm returns the copy of m to encode: without the values it can
// derive, Elided saying which.
func (m *Mailbox) StoredForm() any {
	c := *m
	var e int64
	elide := func(bit int64, v *string, derived string) {
		if *v != "" && *v == derived {
			*v = ""
			e |= bit
		}
	}
	// The values are compared before any is left out; Restore derives
	// them in the reverse order of their dependencies.
	if len(m.EmailAddresses) > 0 && m.PrimarySmtpAddress != "" && m.EmailAddresses[0] == "SMTP:"+m.PrimarySmtpAddress {
		c.EmailAddresses = append([]string{}, m.EmailAddresses[1:]...)
		e |= elidedPrimaryProxy
	}
	elide(elidedLegacyDN, &c.LegacyExchangeDN, LegacyDNFor(m.Guid, m.Alias))
	elide(elidedDN, &c.DistinguishedName, dnUnder(m.Name, m.OrganizationalUnit))
	elide(elidedMSOnlineID, &c.MicrosoftOnlineServicesID, m.UserPrincipalName)
	elide(elidedWindowsLiveID, &c.WindowsLiveID, m.UserPrincipalName)
	elide(elidedPrimarySmtp, &c.PrimarySmtpAddress, m.UserPrincipalName)
	elide(elidedUserObjectID, &c.UserObjectID, m.ExternalDirectoryObjectId)
	elide(elidedAlias, &c.Alias, m.Name)
	elide(elidedArchiveGuid, &c.ArchiveGuid, store.ZeroGuid)
	elide(elidedRecipientTypeDetails, &c.RecipientTypeDetails, m.RecipientType)
	c.Elided = e | elideDefaults(&c)
	return &c
}

// Derivation is a value the stored form of a mailbox may leave out: its
// bit in Elided, its field and the fields it is derived from.
type Derivation struct {
	Bit   int64
	Field string
	From  []string
}

// Derivations lists the values StoredForm may leave out, as restoreForm
// derives them: a reader that decodes some fields of a record restores
// those among them that were left out (RestoreOnly), having decoded what
// they are derived from.
func Derivations() []Derivation {
	ds := []Derivation{
		{elidedAlias, "Alias", []string{"Name"}},
		{elidedUserObjectID, "UserObjectID", []string{"ExternalDirectoryObjectId"}},
		{elidedArchiveGuid, "ArchiveGuid", nil},
		{elidedRecipientTypeDetails, "RecipientTypeDetails", []string{"RecipientType"}},
		{elidedMSOnlineID, "MicrosoftOnlineServicesID", []string{"UserPrincipalName"}},
		{elidedWindowsLiveID, "WindowsLiveID", []string{"UserPrincipalName"}},
		{elidedPrimarySmtp, "PrimarySmtpAddress", []string{"UserPrincipalName"}},
		{elidedDN, "DistinguishedName", []string{"Name", "OrganizationalUnit"}},
		{elidedLegacyDN, "LegacyExchangeDN", []string{"Guid", "Alias"}},
		{elidedPrimaryProxy, "EmailAddresses", []string{"PrimarySmtpAddress"}},
	}
	// the defaults are constants, derived from nothing
	defaults := []string{"ProhibitSendQuota", "ProhibitSendReceiveQuota", "IssueWarningQuota",
		"RecoverableItemsQuota", "RecoverableItemsWarningQuota", "MaxSendSize", "MaxReceiveSize",
		"ArchiveQuota", "ArchiveWarningQuota", "LitigationHoldDuration", "RetainDeletedItemsFor",
		"RetentionPolicy", "ArchiveStatus"}
	for i, f := range defaults {
		ds = append(ds, Derivation{int64(elidedDefaults) << i, f, nil})
	}
	return ds
}

// RestoreOnly is RestoreForm restoring only the values of the bits in
// bits (of Derivations) that were left out: the fields they are derived
// from must be decoded.
func (m *Mailbox) RestoreOnly(bits int64) { m.restoreForm(^bits) }

// RestoreForm puts back, after decoding, the values StoredForm left out.
func (m *Mailbox) RestoreForm() { m.restoreForm(0) }

// namesLeftOut are the values RestoreNamesLater leaves out: the
// distinguished names, the dearest to derive, and the primary proxy
// address at the head of EmailAddresses, which costs a new list.
const namesLeftOut = elidedDN | elidedLegacyDN | elidedPrimaryProxy

// RestoreNamesLater is RestoreForm for a record decoded with
// Kind.DecodeStored, leaving out the distinguished names
// (DistinguishedName, LegacyExchangeDN) and the primary SMTP proxy address
// in EmailAddresses: they stay noted in Elided, and RestoreForm puts them
// back when they are read. Most of a listing's objects never show them,
// and deriving them costs a good part of decoding a mailbox.
func (m *Mailbox) RestoreNamesLater() { m.restoreForm(namesLeftOut) }

// restoreForm restores what StoredForm left out except the values of the
// bits in keep, which stay noted in Elided.
func (m *Mailbox) restoreForm(keep int64) {
	e := m.Elided &^ keep
	if e == 0 {
		return
	}
	m.Elided &= keep
	restore := func(bit int64, v *string, derived string) {
		if e&bit != 0 {
			*v = derived
		}
	}
	restore(elidedAlias, &m.Alias, m.Name)
	restore(elidedUserObjectID, &m.UserObjectID, m.ExternalDirectoryObjectId)
	restore(elidedArchiveGuid, &m.ArchiveGuid, store.ZeroGuid)
	restore(elidedRecipientTypeDetails, &m.RecipientTypeDetails, m.RecipientType)
	restore(elidedMSOnlineID, &m.MicrosoftOnlineServicesID, m.UserPrincipalName)
	restore(elidedWindowsLiveID, &m.WindowsLiveID, m.UserPrincipalName)
	restore(elidedPrimarySmtp, &m.PrimarySmtpAddress, m.UserPrincipalName)
	// the names are derived only when they are restored
	if e&elidedDN != 0 {
		m.DistinguishedName = dnUnder(m.Name, m.OrganizationalUnit)
	}
	if e&elidedLegacyDN != 0 {
		m.LegacyExchangeDN = LegacyDNFor(m.Guid, m.Alias)
	}
	if e&elidedPrimaryProxy != 0 {
		m.EmailAddresses = append([]string{"SMTP:" + m.PrimarySmtpAddress}, m.EmailAddresses...)
	}
	restoreDefaults(m, e)
}

// dnUnder returns the distinguished name of an object named name in the
// organizational unit ou, given in its canonical form
// ("NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted
// Organizations/contoso.onmicrosoft.com"): the components after the
// first in reverse order as OU=, the first one's labels as DC= ("" when
// ou has no such form).
func dnUnder(name, ou string) string {
	domain, units, ok := strings.Cut(ou, "/")
	if name == "" || !ok || domain == "" {
		return ""
	}
	// The name is written once into text of its exact length: a prefix
	// of four bytes (",OU=", ",DC=") takes the place of each separator,
	// and one more starts each list.
	var b strings.Builder
	b.Grow(len("CN=") + len(name) + len(units) + 3*strings.Count(units, "/") + 4 +
		len(domain) + 3*strings.Count(domain, ".") + 4)
	b.WriteString("CN=")
	b.WriteString(name)
	for more := true; more; {
		i := strings.LastIndexByte(units, '/')
		more = i >= 0
		b.WriteString(",OU=")
		b.WriteString(units[i+1:])
		if more {
			units = units[:i]
		}
	}
	for more := true; more; {
		var dc string
		dc, domain, more = strings.Cut(domain, ".")
		b.WriteString(",DC=")
		b.WriteString(dc)
	}
	return b.String()
}
