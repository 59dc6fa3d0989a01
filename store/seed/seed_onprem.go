package seed

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/onprem"
)

// The contoso seed's on-premises organization (the hybrid side of seed
// 003): one Exchange server, mail.contoso.com, two mailbox databases, three
// connected mailboxes and three disconnected ones (two disabled, one left
// behind SoftDeleted by a move to Exchange Online). Every GUID is fixed, so
// seeding it draws nothing from the tenant's ID generator.
const (
	OnPremDB01Guid = "21636369-8b52-4b4a-97b7-50923ceb3ffd"
	OnPremDB02Guid = "795b929e-9a9a-40fd-aa7b-5bf55eb561a4"
	// DisabledMailboxGuid is Brian Johnson's disabled mailbox in DB01.
	DisabledMailboxGuid = "9b08923d-10c6-4fd9-94b2-b8fda02f34a6"
	// DisabledMailbox2Guid is Christie Cline's disabled mailbox in DB02.
	DisabledMailbox2Guid = "781f9c58-d664-4fa9-a8a8-529f035efa25"
	// MovedMailboxGuid is the SoftDeleted copy Pradeep Gupta's move to
	// Exchange Online left in DB02.
	MovedMailboxGuid = "31162427-3bfd-4d33-8d00-38ec42650644"
)

type onPremPersona struct {
	display, alias, db, guid, object, legacyHex, reason string
	disconnected                                        time.Time
}

func onPremPeople() []onPremPersona {
	return []onPremPersona{
		{display: "Lynne Robbins", alias: "lynner", db: OnPremDB01Guid, guid: "8a7d43b5-7863-4074-b797-0386fee29476",
			object: "65aa9c82-79f2-48b0-8cb4-a0d7d6225675", legacyHex: "3f0c8e2a5b7d4e19a6c4d2b0e8f1a735"},
		{display: "Irvin Sayers", alias: "irvins", db: OnPremDB01Guid, guid: "3b5f3d86-268e-4c45-9c6b-f1e1a399f82a",
			object: "ed038db4-de38-4784-a6d0-b944a2863a7f", legacyHex: "b6e2a0d48f1c4a7395e3d1c7a9f0b284"},
		{display: "Enrico Cattaneo", alias: "enricoc", db: OnPremDB02Guid, guid: "03e0a813-bdc2-4e99-a3d2-e49085ef3430",
			object: "28ce6f24-1064-4d51-86f8-da3eabe19f58", legacyHex: "5d9b1f7e3a2c4b68a0e4f6c8d2b7e913"},
		{display: "Brian Johnson", alias: "brianj", db: OnPremDB01Guid, guid: DisabledMailboxGuid,
			legacyHex: "c41e7a9d2f5b4c83b6a0e2d9f7c3a158", reason: onprem.DisconnectDisabled,
			disconnected: time.Date(2024, time.February, 12, 17, 42, 9, 0, time.UTC)},
		{display: "Christie Cline", alias: "christiec", db: OnPremDB02Guid, guid: DisabledMailbox2Guid,
			legacyHex: "e8a3c5f1b9d7402e8c6a4f2b0d9e7c36", reason: onprem.DisconnectDisabled,
			disconnected: time.Date(2024, time.February, 26, 8, 15, 51, 0, time.UTC)},
		{display: "Pradeep Gupta", alias: "pradeepg", db: OnPremDB02Guid, guid: MovedMailboxGuid,
			legacyHex: "0af438d297524d6ab5187a22c21b6092", reason: onprem.DisconnectSoftDeleted,
			disconnected: time.Date(2024, time.January, 15, 22, 3, 37, 0, time.UTC)},
	}
}

// OnPremLegacyDN is the LegacyExchangeDN of an on-premises recipient.
func OnPremLegacyDN(hex, alias string) string {
	return "/o=" + onprem.Organization + "/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + hex + "-" + alias
}

// seedOnPrem adds the on-premises organization of the contoso seed.
func seedOnPrem(tx *store.Tx, clock time.Time) error {
	installed := time.Date(2019, time.October, 8, 14, 30, 0, 0, time.UTC)
	for i, d := range []struct{ guid, name string }{{OnPremDB01Guid, "DB01"}, {OnPremDB02Guid, "DB02"}} {
		db := &onprem.MailboxDatabase{
			Guid: d.guid, Name: d.name, Server: onprem.Server, ServerFqdn: onprem.ServerFqdn,
			EdbFilePath:          fmt.Sprintf(`D:\ExchangeDatabases\%s\%s.edb`, d.name, d.name),
			LogFolderPath:        fmt.Sprintf(`E:\ExchangeLogs\%s`, d.name),
			DeletedItemRetention: directory.DaysSpan(14), MailboxRetention: directory.DaysSpan(30),
			IssueWarningQuota: directory.Quota(1945 * directory.MB), ProhibitSendQuota: directory.Quota(2 * directory.GB), ProhibitSendReceiveQuota: directory.Quota(2355 * directory.MB),
			ReplicationType: "None", WhenCreated: installed.Add(time.Duration(i) * 40 * time.Minute),
		}
		if err := onprem.PutMailboxDatabase(tx, db); err != nil {
			return err
		}
	}
	for i, p := range onPremPeople() {
		upn := p.alias + "@" + DefaultDomain
		created := installed.Add(time.Duration(30+i*17) * store.Day)
		m := &onprem.Mailbox{
			MailboxGuid: p.guid, ObjectGuid: p.object, Name: p.display, Alias: p.alias, DisplayName: p.display,
			LegacyExchangeDN: OnPremLegacyDN(p.legacyHex, p.alias), DatabaseGuid: p.db, WhenCreated: created,
		}
		if p.reason == "" {
			m.PrimarySmtpAddress, m.UserPrincipalName = upn, upn
			m.DistinguishedName = "CN=" + p.display + ",OU=Users,OU=Contoso,DC=contoso,DC=local"
			logon := clock.Add(-time.Duration(store.HashN(2, 40, p.alias, "logon")) * time.Hour)
			m.LastLogonTime = &logon
		} else {
			d := p.disconnected
			m.DisconnectReason, m.DisconnectDate = p.reason, &d
			logon := d.Add(-time.Duration(store.HashN(3, 30, p.alias, "logon")) * time.Hour)
			m.LastLogonTime = &logon
		}
		shape := &directory.Mailbox{Guid: p.guid, Alias: "onprem/" + p.alias, ArchiveStatus: "None"}
		m.Folders = seedContent(shape, clock).Primary
		if err := onprem.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	return nil
}
