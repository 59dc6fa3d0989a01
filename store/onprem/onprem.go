// Package onprem is the on-premises side of a hybrid deployment: an
// Exchange Server organization that lives in the same tenant file as the
// Exchange Online tenant. It has mailbox servers, mailbox databases and
// mailboxes, some of them disconnected (disabled or soft-deleted in their
// database), which New-MailboxRestoreRequest -RemoteRestoreType
// DisconnectedMailbox can restore into Exchange Online.
package onprem

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The on-premises organization's server.
const (
	// Server is the on-premises Exchange server's name.
	Server = "MAIL"
	// ServerFqdn is its FQDN, the host of its remote PowerShell
	// endpoint (http://mail.contoso.com/PowerShell/).
	ServerFqdn = "mail.contoso.com"
	// Organization is the on-premises organization name used in
	// LegacyExchangeDNs.
	Organization = "Contoso"
)

// Disconnect reasons of on-premises mailboxes (Get-MailboxStatistics).
const (
	// DisconnectDisabled is a mailbox disabled with Disable-Mailbox or
	// Remove-Mailbox: its user no longer has a mailbox.
	DisconnectDisabled = "Disabled"
	// DisconnectSoftDeleted is the copy a mailbox move leaves behind in the
	// source database.
	DisconnectSoftDeleted = "SoftDeleted"
)

// MailboxDatabase is an on-premises mailbox database (Get-MailboxDatabase).
type MailboxDatabase struct {
	Guid                     string          `json:"guid"` // primary key
	Name                     string          `json:"name"`
	Server                   string          `json:"server"`     // NetBIOS name, e.g. MAIL
	ServerFqdn               string          `json:"serverFqdn"` // mail.contoso.com
	EdbFilePath              string          `json:"edbFilePath"`
	LogFolderPath            string          `json:"logFolderPath"`
	DeletedItemRetention     directory.Span  `json:"deletedItemRetention"`
	MailboxRetention         directory.Span  `json:"mailboxRetention"`
	IssueWarningQuota        directory.Quota `json:"issueWarningQuota"`
	ProhibitSendQuota        directory.Quota `json:"prohibitSendQuota"`
	ProhibitSendReceiveQuota directory.Quota `json:"prohibitSendReceiveQuota"`
	Recovery                 bool            `json:"recovery"`
	ReplicationType          string          `json:"replicationType"` // None | Remote
	WhenCreated              time.Time       `json:"whenCreated"`
}

// Mailbox is a mailbox of an on-premises database: connected to an
// Active Directory user (Get-Mailbox on the server) or disconnected
// (Get-MailboxStatistics -Database shows it with a DisconnectReason).
type Mailbox struct {
	MailboxGuid        string             `json:"mailboxGuid"` // primary key (the store's MailboxGuid = ExchangeGuid)
	ObjectGuid         string             `json:"objectGuid"`
	Name               string             `json:"name"`
	Alias              string             `json:"alias"`
	DisplayName        string             `json:"displayName"`
	LegacyExchangeDN   string             `json:"legacyExchangeDN"`
	PrimarySmtpAddress string             `json:"primarySmtpAddress"`
	UserPrincipalName  string             `json:"userPrincipalName"`
	DistinguishedName  string             `json:"distinguishedName"`
	DatabaseGuid       string             `json:"databaseGuid"`
	DisconnectReason   string             `json:"disconnectReason,omitempty"` // "" while connected
	DisconnectDate     *time.Time         `json:"disconnectDate,omitempty"`
	LastLogonTime      *time.Time         `json:"lastLogonTime,omitempty"`
	WhenCreated        time.Time          `json:"whenCreated"`
	Folders            []directory.Folder `json:"folders"`
}

// IsDisconnected reports whether the mailbox has no user any more.
func (m *Mailbox) IsDisconnected() bool { return m.DisconnectReason != "" }

// PutMailboxDatabase stores an on-premises mailbox database.
func PutMailboxDatabase(tx *store.Tx, d *MailboxDatabase) error {
	if d.Guid == "" {
		return &store.ValidationError{Field: "Guid", Message: "empty"}
	}
	d.Guid = strings.ToLower(d.Guid)
	return onPremDatabaseKind.Put(tx, d.Guid, d)
}

// MailboxDatabases lists the on-premises mailbox databases by name.
func MailboxDatabases(tx *store.Tx) ([]*MailboxDatabase, error) {
	out, err := onPremDatabaseKind.List(tx)
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}

// FindMailboxDatabase resolves a database by name or GUID (nil when there
// is none).
func FindMailboxDatabase(tx *store.Tx, identity string) (*MailboxDatabase, error) {
	id := strings.TrimSpace(identity)
	dbs, err := MailboxDatabases(tx)
	if err != nil {
		return nil, err
	}
	g, isGuid := store.NormalizeGuid(id)
	for _, d := range dbs {
		if strings.EqualFold(d.Name, id) || (isGuid && d.Guid == g) {
			return d, nil
		}
	}
	return nil, nil
}

// PutMailbox stores an on-premises mailbox.
func PutMailbox(tx *store.Tx, m *Mailbox) error {
	if m.MailboxGuid == "" {
		return &store.ValidationError{Field: "MailboxGuid", Message: "empty"}
	}
	m.MailboxGuid = strings.ToLower(m.MailboxGuid)
	return onPremMailboxKind.Put(tx, m.MailboxGuid, m)
}

// GetMailbox returns an on-premises mailbox by MailboxGuid (nil when
// there is none).
func GetMailbox(tx *store.Tx, guid string) (*Mailbox, error) {
	g, ok := store.NormalizeGuid(guid)
	if !ok {
		return nil, nil
	}
	m, found, err := onPremMailboxKind.Get(tx, g)
	if err != nil || !found {
		return nil, err
	}
	return m, nil
}

// Mailboxes lists the on-premises mailboxes, connected and
// disconnected, by display name.
func Mailboxes(tx *store.Tx) ([]*Mailbox, error) {
	out, err := onPremMailboxKind.List(tx)
	store.SortByName(out, func(m *Mailbox) string { return m.DisplayName })
	return out, err
}

// ResolveMailboxes resolves a connected on-premises mailbox by name,
// alias, display name, SMTP address, UPN, DN, LegacyExchangeDN or GUID.
func ResolveMailboxes(tx *store.Tx, identity string) ([]*Mailbox, error) {
	id := strings.TrimSpace(identity)
	all, err := Mailboxes(tx)
	if err != nil {
		return nil, err
	}
	g, isGuid := store.NormalizeGuid(id)
	var out []*Mailbox
	for _, m := range all {
		if m.IsDisconnected() {
			continue
		}
		for _, v := range []string{m.Name, m.Alias, m.DisplayName, m.PrimarySmtpAddress, m.UserPrincipalName, m.DistinguishedName, m.LegacyExchangeDN} {
			if v != "" && strings.EqualFold(v, id) {
				out = append(out, m)
				goto next
			}
		}
		if isGuid && (m.MailboxGuid == g || strings.EqualFold(m.ObjectGuid, g)) {
			out = append(out, m)
		}
	next:
	}
	return out, nil
}
