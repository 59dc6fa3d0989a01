// Package seed builds the tenants exosim starts from: contoso, a small
// organization with people, messages, holds, a hybrid on-premises side and
// role groups, and empty; and synthetic large tenants for scale tests.
// The same seed and clock always give the same tenant, byte for byte.
package seed

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Seed names.
const (
	Empty   = "empty"
	Contoso = "contoso"
)

// Names lists the built-in seed tenants.
func Names() []string { return []string{Contoso, Empty} }

// Tenant constants of the seeds.
const (
	TenantName    = "contoso.onmicrosoft.com"
	DefaultDomain = "contoso.com"
	Partition     = "NAMPR06A007"
	AdminUPN      = "admin@contoso.onmicrosoft.com"
)

// ErrAlreadyInitialized is returned by Init without force on a seeded
// tenant.
var ErrAlreadyInitialized = errors.New("tenant is already initialized")

// UnknownSeedError reports an unknown seed name.
type UnknownSeedError struct {
	Name  string
	Known []string
}

func (e *UnknownSeedError) Error() string {
	return fmt.Sprintf("unknown seed %q (known seeds: %s)", e.Name, strings.Join(e.Known, ", "))
}

// Init seeds the tenant in one transaction. Without force an already
// initialized tenant returns ErrAlreadyInitialized; with force everything
// is wiped first. A zero clock means DefaultClock().
func Init(s *store.Store, seed string, clock time.Time, force bool) error {
	return s.Update(func(tx *store.Tx) error {
		if tx.IsInitialized() && !force {
			return ErrAlreadyInitialized
		}
		return Seed(tx, seed, clock)
	})
}

// Seed replaces the tenant with the named seed tenant at the given clock
// (zero = DefaultClock()). The same name and clock always produce the same
// tenant.
func Seed(tx *store.Tx, name string, clock time.Time) error {
	name = strings.ToLower(strings.TrimSpace(name))
	var people []persona
	switch name {
	case Empty:
	case Contoso:
		people = contosoPeople()
	default:
		return &UnknownSeedError{Name: name, Known: Names()}
	}
	if clock.IsZero() {
		clock = store.DefaultClock()
	}
	if err := tx.Reinitialize(name, "exosim:"+name, clock); err != nil {
		return err
	}
	if err := seedOrganization(tx, clock); err != nil {
		return err
	}
	all := append([]persona{adminPersona()}, people...)
	for i, p := range all {
		if err := seedPerson(tx, i, p, clock); err != nil {
			return fmt.Errorf("seed %s: %w", p.alias, err)
		}
	}
	if name == Contoso {
		if err := seedMessages(tx, clock); err != nil {
			return err
		}
		for i, r := range contosoRecipients() {
			if err := seedRecipient(tx, len(all)+i, r, clock); err != nil {
				return fmt.Errorf("seed %s: %w", r.alias, err)
			}
		}
		if err := seedHolds(tx, clock); err != nil { // seed_holds.go
			return fmt.Errorf("seed holds: %w", err)
		}
		if err := seedOnPrem(tx, clock); err != nil {
			return err
		}
		if err := seedGroupsAndPermissions(tx, clock); err != nil { // seed_permissions.go
			return fmt.Errorf("seed permissions: %w", err)
		}
		if err := seedRecoverableItems(tx, clock); err != nil { // seed_recoverable.go
			return fmt.Errorf("seed deleted items: %w", err)
		}
		if err := seedFolderPermissions(tx, clock); err != nil { // seed_folders.go
			return fmt.Errorf("seed folder permissions: %w", err)
		}
		if err := seedInboxRules(tx, clock); err != nil { // seed_inboxrules.go
			return fmt.Errorf("seed Inbox rules: %w", err)
		}
		if err := seedMobileDevices(tx, clock); err != nil { // seed_mobile.go
			return fmt.Errorf("seed mobile devices: %w", err)
		}
	}
	return seedRoleGroups(tx, name) // seed_rbac.go
}

func seedOrganization(tx *store.Tx, clock time.Time) error {
	created := clock.AddDate(-2, 0, 0).Add(-41*store.Day + 3*time.Hour + 17*time.Minute)
	o := &directory.Organization{
		Name:                          TenantName,
		DisplayName:                   "Contoso",
		Guid:                          tx.NewGuid(),
		DefaultDomain:                 DefaultDomain,
		AcceptedDomains:               []string{DefaultDomain, TenantName},
		InPlaceHolds:                  []string{},
		WhenCreated:                   created,
		DirectoryPartition:            Partition,
		AdminUPN:                      AdminUPN,
		RecipientIdentityDomains:      directory.DefaultRecipientIdentityDomains(),
		RestoreRequestDurationSeconds: 600,
	}
	k, _ := directory.LookupSku("SPE_E5")
	o.Subscriptions = []directory.Subscription{{SkuPartNumber: k.SkuPartNumber, SkuID: k.SkuID, Enabled: 25}}
	if err := directory.PutOrganization(tx, o); err != nil {
		return err
	}
	brand := &ome.OMEConfiguration{
		Identity:                 ome.DefaultOMEConfiguration,
		IsDefault:                true,
		ExternalMailExpiryInDays: 0,
		SocialIdSignIn:           true,
		OTPEnabled:               true,
		BackgroundColor:          "#ffffff",
		WhenCreated:              created,
	}
	if err := ome.PutOMEConfiguration(tx, brand); err != nil {
		return err
	}
	irm := &ome.IRMConfiguration{
		AzureRMSLicensingEnabled:       true,
		InternalLicensingEnabled:       true,
		ExternalLicensingEnabled:       true,
		SimplifiedClientAccessEnabled:  true,
		JournalReportDecryptionEnabled: true,
		ClientAccessServerEnabled:      true,
		SearchEnabled:                  true,
		EDiscoverySuperUserEnabled:     true,
		AutomaticServiceUpdateEnabled:  true,
		TransportDecryptionSetting:     "Mandatory",
		LicensingLocation:              []string{},
	}
	return ome.PutIRMConfiguration(tx, irm)
}

// persona is one seeded person.
type persona struct {
	first, last, display, alias string
	department, title, office   string
	upn, smtp                   string // defaults: alias@contoso.com
	objectID, exchangeGuid      string // fixed GUIDs from the scenarios
	legacyHex                   string // fixed LegacyExchangeDN hex
	archive                     bool
}

func adminPersona() persona {
	return persona{first: "MOD", last: "Administrator", display: "MOD Administrator", alias: "admin",
		department: "IT", title: "Global Administrator", office: "Redmond",
		upn: AdminUPN, smtp: AdminUPN}
}

func contosoPeople() []persona {
	return []persona{
		{first: "Ann", last: "Beebe", alias: "annb", department: "Finance", title: "Finance Manager", office: "Seattle",
			objectID: "b8eef43d-6854-4d77-9e03-745cf2e11e11", exchangeGuid: "664ef44e-c1a0-47b0-9553-2ecdfc6ef840", archive: true},
		{first: "Pilar", last: "Pinilla", alias: "pilarp", department: "Legal", title: "Paralegal", office: "Seattle",
			legacyHex: "9c8dfff651ec4908950f5df60cbbda06", archive: true},
		{first: "Carol", last: "Olson", alias: "carolo", department: "Operations", title: "Operations Lead", office: "Chicago"},
		{first: "Megan", last: "Bowen", alias: "meganb", department: "Marketing", title: "Marketing Manager", office: "Redmond", archive: true},
		{first: "Mario", last: "Necaise", alias: "marion", department: "Finance", title: "Broker-Dealer Compliance Analyst", office: "New York"},
		{first: "Abraham", last: "McMahon", alias: "abrahamm", department: "Sales", title: "Account Executive", office: "Dallas"},
		{first: "Walter", last: "Harp", alias: "walterh", department: "Facilities", title: "Facilities Coordinator", office: "Seattle"},
		{first: "Laura", last: "Painter", alias: "laura", department: "Human Resources", title: "HR Generalist", office: "Chicago"},
		{first: "Allie", last: "Bellew", alias: "allieb", department: "Sales", title: "Sales Associate", office: "Dallas",
			exchangeGuid: "1d20855f-fd54-4681-98e6-e249f4ed7a2c"},
		{first: "Allie", last: "Bellew", display: "Allie Bellew (new)", alias: "allieb2", department: "Sales", title: "Sales Associate", office: "Dallas",
			exchangeGuid: "33948c06-c453-48be-bdb9-08eacd466f81"},
		{first: "New", last: "Employee", display: "New Employee", alias: "newemployee", department: "Legal", title: "Legal Assistant", office: "Seattle"},
		{first: "Adele", last: "Vance", alias: "adelev", department: "Retail", title: "Retail Manager", office: "Tulsa"},
		{first: "Alex", last: "Wilber", alias: "alexw", department: "Marketing", title: "Marketing Assistant", office: "Redmond"},
		{first: "Diego", last: "Siciliani", alias: "diegos", department: "Human Resources", title: "HR Manager", office: "Chicago"},
		{first: "Grady", last: "Archie", alias: "gradya", department: "Research & Development", title: "Designer", office: "Bellevue"},
		{first: "Henrietta", last: "Mueller", alias: "henriettam", department: "Research & Development", title: "Developer", office: "Bellevue"},
		{first: "Isaiah", last: "Langer", alias: "isaiahl", department: "Sales", title: "Sales Representative", office: "Dallas"},
		{first: "Johanna", last: "Lorenz", alias: "johannal", department: "Engineering", title: "Senior Engineer", office: "Bellevue"},
		{first: "Joni", last: "Sherman", alias: "jonis", department: "Legal", title: "Paralegal", office: "Seattle"},
		{first: "Lee", last: "Gu", alias: "leeg", department: "Manufacturing", title: "Director", office: "Hyderabad"},
		{first: "Lidia", last: "Holloway", alias: "lidiah", department: "Engineering", title: "Product Manager", office: "Bellevue"},
		{first: "Nestor", last: "Wilke", alias: "nestorw", department: "Operations", title: "Director", office: "Chicago"},
		{first: "Patti", last: "Fernandez", alias: "pattif", department: "Executive Management", title: "President", office: "Redmond", archive: true},
	}
}

func seedPerson(tx *store.Tx, i int, p persona, clock time.Time) error {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if p.display == "" {
		p.display = p.first + " " + p.last
	}
	if p.upn == "" {
		p.upn = p.alias + "@" + DefaultDomain
	}
	if p.smtp == "" {
		p.smtp = p.alias + "@" + DefaultDomain
	}
	objectID := p.objectID
	if objectID == "" {
		objectID = tx.NewGuid()
	}
	mbxGuid := tx.NewGuid()
	xguid := p.exchangeGuid
	if xguid == "" {
		xguid = tx.NewGuid()
	}
	legacy := directory.LegacyDNFor(tx.NewGuid(), p.alias)
	if p.legacyHex != "" {
		legacy = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + p.legacyHex + "-" + p.alias
	}
	archiveGuid, archiveStatus := store.ZeroGuid, "None"
	if p.archive {
		archiveGuid, archiveStatus = tx.NewGuid(), "Active"
	}
	created := time.Date(2022, time.April, 4, 16, 0, 0, 0, time.UTC).
		Add(time.Duration(i*23)*store.Day + time.Duration(store.HashN(0, 7*3600, p.alias, "created"))*time.Second)
	if i == 0 {
		created = o.WhenCreated.Add(12 * time.Minute)
	}
	if created.After(clock) {
		created = clock.Add(-time.Duration(len(p.alias)) * store.Day)
	}
	user := &directory.User{
		ObjectID: objectID, UserPrincipalName: p.upn, DisplayName: p.display, FirstName: p.first, LastName: p.last,
		MailNickname: p.alias, State: directory.UserActive, AccountEnabled: true, UsageLocation: "US",
		Department: p.department, Title: p.title, Office: p.office, City: p.office, Country: "United States",
		MailboxGuid: mbxGuid, WhenCreated: created,
	}
	if err := directory.PutUser(tx, user); err != nil {
		return err
	}
	if err := directory.AssignLicense(tx, objectID, "SPE_E5"); err != nil {
		return err
	}
	db := fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, p.alias, "dg"), store.HashN(1, 250, p.alias, "db"))
	server := strings.ToLower(fmt.Sprintf("DM6PR06MB%04d", store.HashN(1000, 9999, p.alias, "srv")))
	addrs := []string{"SMTP:" + p.smtp}
	for _, a := range []string{p.alias + "@" + TenantName, p.alias + "@" + DefaultDomain} {
		if !strings.EqualFold(a, p.smtp) {
			addrs = append(addrs, "smtp:"+a)
		}
	}
	mb := &directory.Mailbox{
		Guid: mbxGuid, ExchangeGuid: xguid, ArchiveGuid: archiveGuid, ExternalDirectoryObjectId: objectID, UserObjectID: objectID,
		Name: p.alias, Alias: p.alias, DisplayName: p.display, FirstName: p.first, LastName: p.last,
		DistinguishedName: directory.HostedDN(p.alias, TenantName, Partition, false), LegacyExchangeDN: legacy,
		EmailAddresses: addrs, PrimarySmtpAddress: p.smtp, UserPrincipalName: p.upn,
		MicrosoftOnlineServicesID: p.upn, WindowsLiveID: p.upn,
		RecipientType: directory.RecipientUserMailbox, RecipientTypeDetails: directory.RecipientUserMailbox,
		OrganizationalUnit: Partition + ".PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/" + TenantName,
		LifecycleState:     directory.StateActive, Licensed: true,
		LitigationHoldDuration: directory.UnlimitedSpan(), InPlaceHolds: []string{},
		RetainDeletedItemsFor: directory.DaysSpan(14), SingleItemRecoveryEnabled: true, RetentionPolicy: "Default MRM Policy",
		ArchiveStatus: archiveStatus, ArchiveQuota: directory.GBQuota(100), ArchiveWarningQuota: directory.GBQuota(90),
		Database: db, ServerName: server,
		ProhibitSendQuota: directory.GBQuota(99), ProhibitSendReceiveQuota: directory.GBQuota(100), IssueWarningQuota: directory.GBQuota(98),
		RecoverableItemsQuota: directory.GBQuota(30), RecoverableItemsWarningQuota: directory.GBQuota(20),
		MaxSendSize: directory.Quota(35 * directory.MB), MaxReceiveSize: directory.Quota(36 * directory.MB),
		UsageLocation: "US", AuditEnabled: true,
		WhenCreated: created, WhenMailboxCreated: created.Add(time.Duration(store.HashN(60, 900, p.alias, "mbx")) * time.Second),
	}
	if p.archive {
		mb.ArchiveName = "In-Place Archive - " + p.display
		mb.ArchiveDatabase = fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, p.alias, "adg"), store.HashN(1, 250, p.alias, "adb"))
	}
	if err := directory.PutMailbox(tx, mb); err != nil {
		return err
	}
	return directory.PutMailboxContent(tx, seedContent(mb, clock))
}

// seedItems gives, by folder path, the range of item counts and the
// average item size (KB) of a seeded folder; a folder not listed is empty.
var seedItems = lazy.Value[map[string]struct{ lo, hi, avgKB int64 }]{Build: func() map[string]struct{ lo, hi, avgKB int64 } {
	return map[string]struct{ lo, hi, avgKB int64 }{
		"/Inbox":                {300, 4200, 58},
		"/Sent Items":           {120, 1600, 41},
		"/Deleted Items":        {10, 400, 35},
		"/Drafts":               {0, 12, 18},
		"/Junk Email":           {0, 60, 22},
		"/Archive":              {0, 900, 52},
		"/Calendar":             {80, 900, 9},
		"/Contacts":             {15, 350, 4},
		"/Conversation History": {0, 150, 6},
		"/Tasks":                {0, 40, 3},
		"/Notes":                {0, 10, 2},
		"/Deletions":            {0, 180, 33},
		"/Purges":               {0, 25, 30},
		"/Versions":             {0, 8, 20},
		"/Calendar Logging":     {0, 120, 7},
	}
}}

// seedContent builds the folders of a seeded mailbox with their item
// counts, sizes and ages (cohorts dated before clock, see seedCohorts).
func seedContent(mb *directory.Mailbox, clock time.Time) *directory.MailboxContent {
	c := &directory.MailboxContent{MailboxGuid: mb.Guid}
	build := func(archive bool) []directory.Folder {
		var out []directory.Folder
		for _, f := range directory.DefaultFolders() {
			if archive && f.PrimaryOnly {
				continue
			}
			salt := mb.Alias + "\x00" + f.Path + "\x00" + strconv.FormatBool(archive)
			items := seedItems.Get()[f.Path]
			n := int64(0)
			if items.hi > 0 {
				n = store.HashN(items.lo, items.hi, salt, "count")
				if archive {
					n *= 3
				}
			}
			size := int64(0)
			if n > 0 {
				// average item size ± 4 KB, but never below 1 KB an item
				per := items.avgKB*directory.KB + store.HashN(-4*directory.KB, 4*directory.KB, salt, "size")
				if per < directory.KB {
					per = directory.KB
				}
				size = n * per
			}
			name := strings.TrimPrefix(f.Path, "/")
			out = append(out, directory.Folder{Name: name, FolderPath: f.Path, FolderType: f.Type, ItemCount: n, FolderSize: size, Recoverable: f.Recoverable,
				Cohorts: seedCohorts(salt, f, archive, mb.ArchiveStatus == "Active", n, size, mb.WhenMailboxCreated, clock)})
		}
		return out
	}
	c.Primary = build(false)
	if mb.ArchiveStatus == "Active" {
		c.Archive = build(true)
	}
	return c
}

// seedMessage describes one seeded message.
type seedMessage struct {
	id, from, subject, body string
	to                      []string
	encrypt                 bool
	option                  string
	ago                     time.Duration
}

// MessageIDs are the fixed Message-IDs of the contoso seed.
const (
	MessageQ3Figures = "<f1a2b3c4-0d1e-4f5a-9b8c-7d6e5f4a3b2c@DM3NAM06BG401.prod.outlook.com>"
	MessageContract  = "<b7c3d2e1-5a4b-4c3d-8e9f-0a1b2c3d4e5f@DM3NAM06BG401.prod.outlook.com>"
)

func contosoMessages() []seedMessage {
	return []seedMessage{
		{id: MessageQ3Figures, from: "annb@contoso.com", to: []string{"jane.doe@gmail.com"}, subject: "Q3 figures",
			body: "Hi Jane, the Q3 figures are attached. Regards, Ann", encrypt: true, ago: 2*store.Day + 18*time.Hour + 48*time.Minute},
		{id: MessageContract, from: "annb@contoso.com", to: []string{"sam@outlook.com"}, subject: "Contract",
			body: "Sam, please review the attached contract.", encrypt: true, ago: 1*store.Day + 21*time.Hour + 15*time.Minute},
		{from: "meganb@contoso.com", to: []string{"kim.lee@yahoo.com"}, subject: "Invoice 4471",
			body: "Kim, invoice 4471 for the spring campaign.", encrypt: true, option: ome.ProtectionDoNotForward, ago: 3*store.Day + 4*time.Hour},
		{from: "pattif@contoso.com", to: []string{"alex.chen@gmail.com", "maria.garcia@gmail.com"}, subject: "Project Falcon kickoff",
			body: "Welcome to Project Falcon. Details inside.", encrypt: true, ago: 2*store.Day + 2*time.Hour + 30*time.Minute},
		{from: "diegos@contoso.com", to: []string{"j.smith@hotmail.com"}, subject: "Benefits enrollment",
			body: "Your benefits enrollment documents.", encrypt: true, ago: 1*store.Day + 5*time.Hour + 12*time.Minute},
		{from: "adelev@contoso.com", to: []string{"annb@contoso.com", "meganb@contoso.com"}, subject: "Salary review",
			body: "Draft salary review for the retail team.", encrypt: true, ago: 20*time.Hour + 40*time.Minute},
		{from: "carolo@contoso.com", to: []string{"sam@outlook.com", "jane.doe@gmail.com", "pilarp@contoso.com"}, subject: "Board minutes",
			body: "Minutes of the February board meeting.", encrypt: true, ago: 16*time.Hour + 5*time.Minute},
		{from: "annb@contoso.com", to: []string{"pilarp@contoso.com"}, subject: "Lunch on Friday?",
			body: "Are you free for lunch on Friday?", ago: 3*store.Day + 22*time.Hour},
		{from: "alexw@contoso.com", to: []string{"partner@fabrikam.com"}, subject: "Quarterly sync",
			body: "Agenda for our quarterly sync.", ago: 2*store.Day + 6*time.Hour},
		{from: "meganb@contoso.com", to: []string{"alexw@contoso.com", "annb@contoso.com", "pattif@contoso.com"}, subject: "Weekly status",
			body: "Weekly marketing status.", ago: 1*store.Day + 1*time.Hour},
		{from: "walterh@contoso.com", to: []string{"newemployee@contoso.com"}, subject: "Welcome to Contoso",
			body: "Your badge is ready at reception.", ago: 4*time.Hour + 25*time.Minute},
	}
}

func seedMessages(tx *store.Tx, clock time.Time) error {
	ms := contosoMessages()
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].ago > ms[j].ago })
	for _, s := range ms {
		in := ome.SendInput{From: s.from, To: s.to, Subject: s.subject, Body: s.body, Encrypt: s.encrypt,
			ProtectionOption: s.option, MessageID: s.id, SentTime: clock.Add(-s.ago)}
		if _, err := ome.SendMessage(tx, in); err != nil {
			return fmt.Errorf("seed message %q: %w", s.subject, err)
		}
	}
	return nil
}

// Seeded recipients that aren't licensed user mailboxes: a shared mailbox,
// a room mailbox and two mail users (one linked to a journal archive).
// Their GUIDs are fixed so that adding them doesn't move any other
// generated value.
const (
	SharedAlias               = "info"
	SharedGuid                = "a3c9e1d4-6b2f-4f8e-8d7a-1e5c9b3f2a60"
	SharedExchangeGuid        = "7e2d4c91-3a5b-4c8f-b1e6-9f0a2d7c5e38"
	RoomAlias                 = "confroomadams"
	RoomGuid                  = "e8b4f2a6-1c9d-4e57-9b3a-6d0f8c2e4a71"
	RoomExchangeGuid          = "2a7f9c3e-5d1b-4a86-9e4c-8b0d6f2a1c95"
	JournalMailUserAlias      = "miriamg"
	JournalMailUserGuid       = "1c5a9e3f-7d2b-4e68-8f4a-0b6e2d9c7a53"
	PlainMailUserAlias        = "roby"
	PlainMailUserGuid         = "9b7d3f1e-5a8c-4b26-a4d0-7f2e9c1b5d68"
	seedSharedObjectID        = "5b1f7c2a-8e4d-4a39-9c61-0d2e7f4b8a15"
	seedRoomObjectID          = "c6d2a8f1-4e7b-4b93-8a05-3f9e1c7d2b64"
	seedJournalMailUserObject = "8f3e1a7c-2b6d-4c94-a0e8-5d7b3f9c1e26"
	seedPlainMailUserObject   = "d4a8e2c6-9f1b-4d37-b5a9-2e6c0f8d4b17"
)

// seedRecipientDef is one seeded non-licensed recipient.
type seedRecipientDef struct {
	kind, alias, display, first, last string
	objectID, guid, exchangeGuid      string
	legacyHex                         string
	accountEnabled, journal           bool
	external                          string
	department, title, office         string
}

func contosoRecipients() []seedRecipientDef {
	return []seedRecipientDef{
		{kind: directory.RecipientSharedMailbox, alias: SharedAlias, display: "Contoso Info",
			objectID: seedSharedObjectID, guid: SharedGuid, exchangeGuid: SharedExchangeGuid,
			legacyHex: "4f8a2c6e1b9d47e3a5c0f7b2d8e61a93"},
		{kind: directory.RecipientRoomMailbox, alias: RoomAlias, display: "Conf Room Adams", office: "Redmond",
			objectID: seedRoomObjectID, guid: RoomGuid, exchangeGuid: RoomExchangeGuid,
			legacyHex: "b2e6d0a48c1f4937a6e5d3c9f0b7a182"},
		{kind: directory.RecipientMailUser, alias: JournalMailUserAlias, display: "Miriam Graham", first: "Miriam", last: "Graham",
			department: "Sales", title: "Director (former)", office: "San Diego",
			objectID: seedJournalMailUserObject, guid: JournalMailUserGuid, exchangeGuid: store.ZeroGuid,
			legacyHex: "6d0b4f8a2e1c4a97b3f5e9d1c7a0b284", journal: true},
		{kind: directory.RecipientMailUser, alias: PlainMailUserAlias, display: "Rob Young", first: "Rob", last: "Young",
			department: "Sales", title: "External Consultant", office: "Fabrikam",
			objectID: seedPlainMailUserObject, guid: PlainMailUserGuid, exchangeGuid: store.ZeroGuid,
			legacyHex: "a1c7e5b39d2f4068b4e2a6c8f0d3e719", accountEnabled: true, external: "rob.young@fabrikam.com"},
	}
}

func seedRecipient(tx *store.Tx, i int, r seedRecipientDef, clock time.Time) error {
	upn := r.alias + "@" + DefaultDomain
	created := time.Date(2022, time.April, 4, 16, 0, 0, 0, time.UTC).
		Add(time.Duration(i*23)*store.Day + time.Duration(store.HashN(0, 7*3600, r.alias, "created"))*time.Second)
	if created.After(clock) {
		created = clock.Add(-time.Duration(len(r.alias)) * store.Day)
	}
	user := &directory.User{
		ObjectID: r.objectID, UserPrincipalName: upn, DisplayName: r.display, FirstName: r.first, LastName: r.last,
		MailNickname: r.alias, State: directory.UserActive, AccountEnabled: r.accountEnabled, UsageLocation: "US",
		Department: r.department, Title: r.title, Office: r.office, MailboxGuid: r.guid, WhenCreated: created,
	}
	if err := directory.PutUser(tx, user); err != nil {
		return err
	}
	mb := &directory.Mailbox{
		Guid: r.guid, ExchangeGuid: r.exchangeGuid, ExternalDirectoryObjectId: r.objectID, UserObjectID: r.objectID,
		Name: r.alias, Alias: r.alias, DisplayName: r.display, FirstName: r.first, LastName: r.last,
		DistinguishedName:  directory.HostedDN(r.alias, TenantName, Partition, false),
		LegacyExchangeDN:   "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + r.legacyHex + "-" + r.alias,
		EmailAddresses:     []string{"SMTP:" + upn, "smtp:" + r.alias + "@" + TenantName},
		PrimarySmtpAddress: upn, UserPrincipalName: upn, MicrosoftOnlineServicesID: upn, WindowsLiveID: upn,
		RecipientType: directory.RecipientUserMailbox, RecipientTypeDetails: r.kind,
		LifecycleState: directory.StateActive, AccountDisabled: !r.accountEnabled, UsageLocation: "US",
		WhenCreated: created, WhenMailboxCreated: created.Add(time.Duration(store.HashN(60, 900, r.alias, "mbx")) * time.Second),
	}
	directory.SetMailboxDefaults(mb, TenantName, Partition)
	mb.Database = fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, r.alias, "dg"), store.HashN(1, 250, r.alias, "db"))
	mb.ServerName = strings.ToLower(fmt.Sprintf("DM6PR06MB%04d", store.HashN(1000, 9999, r.alias, "srv")))
	if r.kind == directory.RecipientMailUser {
		mb.RecipientType = directory.RecipientMailUser
		mb.HasJournalArchive = r.journal
		mb.Database, mb.ServerName = "", ""
		mb.ProhibitSendQuota, mb.ProhibitSendReceiveQuota, mb.IssueWarningQuota = directory.QuotaUnlimited, directory.QuotaUnlimited, directory.QuotaUnlimited
		mb.RecoverableItemsQuota, mb.RecoverableItemsWarningQuota = directory.QuotaUnlimited, directory.QuotaUnlimited
		mb.RetainDeletedItemsFor = directory.Span{}
		mb.SingleItemRecoveryEnabled = false
		mb.RetentionPolicy = ""
		if r.external != "" {
			mb.ExternalEmailAddress = "SMTP:" + r.external
		}
	}
	if err := directory.PutMailbox(tx, mb); err != nil {
		return err
	}
	if r.kind == directory.RecipientMailUser {
		return nil
	}
	return directory.PutMailboxContent(tx, seedContent(mb, clock))
}

// seedAgeWindow returns the range of ages (days before the seed clock) of
// a seeded folder's items. It keeps a freshly seeded tenant in the steady
// state of the Default MRM Policy: Deleted Items and Junk Email younger
// than their 30-day delete tags, Recoverable Items younger than the 14-day
// deleted-item retention, and the primary mailbox of a mailbox with an
// archive younger than the 2-year move-to-archive tag (its archive holds
// the older items).
func seedAgeWindow(f directory.DefaultFolder, archive, hasArchive bool, mailboxAge int64) (lo, hi int64) {
	switch {
	case f.Recoverable:
		return 0, 12
	case f.Type == "DeletedItems" || f.Type == "JunkEmail":
		return 0, 27
	case f.Type == "Drafts" || f.Type == "Outbox":
		return 0, 60
	case archive:
		return 731, 1460
	}
	hi = max(mailboxAge, 1)
	if hasArchive {
		hi = min(hi, 700)
	}
	return 0, hi
}

// seedCohorts splits n items of size bytes into 3 to 5 cohorts whose ages
// fall in the folder's window, more of them recent than old. The split is
// a hash of salt, so a seed always gives the same ages, and the cohorts
// add up to n and size exactly.
func seedCohorts(salt string, f directory.DefaultFolder, archive, hasArchive bool, n, size int64, created, clock time.Time) []directory.Cohort {
	if n <= 0 {
		return nil
	}
	today := directory.DayNumber(clock)
	lo, hi := seedAgeWindow(f, archive, hasArchive, today-directory.DayNumber(created))
	k := min(n, store.HashN(3, 5, salt, "cohorts"))
	weights := make([]int64, k)
	var wsum int64
	for i := range weights {
		weights[i] = store.HashN(1, 10, salt, "w", strconv.FormatInt(int64(i), 10)) * (k - int64(i))
		wsum += weights[i]
	}
	var cs []directory.Cohort
	var usedN, usedS int64
	for i := int64(0); i < k; i++ {
		// Cohort i lies in the i-th slice of the window, squared so that
		// recent slices are narrower (more items are recent).
		a := lo + (hi-lo)*i*i/(k*k)
		b := lo + (hi-lo)*(i+1)*(i+1)/(k*k)
		age := a
		if b > a {
			age = store.HashN(a, b, salt, "age", strconv.FormatInt(i, 10))
		}
		cn := n * weights[i] / wsum
		cz := size / n * cn
		if i == k-1 {
			cn, cz = n-usedN, size-usedS
		}
		usedN += cn
		usedS += cz
		cs = directory.AddCohort(cs, directory.Cohort{Date: directory.DayDate(today - age), Count: cn, Size: cz})
	}
	return cs
}
