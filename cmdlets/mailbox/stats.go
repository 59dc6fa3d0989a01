package mailbox

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// statsScope is the scope of the statistics cmdlets: active mailboxes, and
// with -IncludeSoftDeletedRecipients the deleted ones too.
func statsScope(ctx *command.Context) directory.Scope {
	if ctx.Switch("IncludeSoftDeletedRecipients") {
		return directory.ScopeAny
	}
	return directory.ScopeActive
}

// Folders returns the primary or archive folders of a mailbox.
func Folders(c *directory.MailboxContent, archive bool) []directory.Folder {
	if archive {
		return c.Archive
	}
	return c.Primary
}

// StatisticsObject is the Get-MailboxStatistics object of a mailbox.
func StatisticsObject(m *directory.Mailbox, c *directory.MailboxContent, archive bool, org *directory.Organization) *object.PSObject {
	items, size, recItems, recSize := directory.Totals(Folders(c, archive))
	o := object.NewObject(TypeStatistics,
		"Deserialized.Microsoft.Exchange.Management.MapiTasks.Presentation.StoreMailboxStatistics",
		"Deserialized.System.Object")
	guid := m.ExchangeGuid
	db := m.Database
	if archive {
		guid, db = m.ArchiveGuid, m.ArchiveDatabase
	}
	o.AddTyped("MailboxGuid", tGuid, guidValue(guid))
	o.AddTyped("DeletedItemCount", "System.UInt32", recItems)
	o.AddTyped("DisconnectDate", tNDate, nil)
	o.AddTyped("DisconnectReason", tStr, nil)
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("ItemCount", "System.UInt32", items)
	// the tenant keeps no record of logons or user actions: these are empty
	o.AddTyped("LastInteractionTime", tNDate, nil)
	o.AddTyped("LastLoggedOnUserAccount", tStr, nil)
	o.AddTyped("LastLogoffTime", tNDate, nil)
	o.AddTyped("LastLogonTime", tNDate, nil)
	o.AddTyped("LastUserActionTime", tNDate, nil)
	o.AddTyped("LegacyDN", tStr, m.LegacyExchangeDN)
	o.AddTyped("MailboxType", tStr, "Private")
	typeDetail := "UserMailbox"
	switch m.RecipientTypeDetails {
	case directory.RecipientSharedMailbox:
		typeDetail = "SharedMailbox"
	case "RoomMailbox", "EquipmentMailbox":
		typeDetail = m.RecipientTypeDetails
	}
	if archive {
		typeDetail = "ArchiveMailbox"
	}
	o.AddTyped("MailboxTypeDetail", tStr, typeDetail)
	o.AddTyped("ObjectClass", tStr, "Mailbox")
	o.AddTyped("StorageLimitStatus", tStr, nil)
	o.AddTyped("SystemMessageCount", "System.UInt32", 0)
	o.AddTyped("SystemMessageSize", tQuota, quotaValue(0))
	o.AddTyped("TotalDeletedItemSize", tQuota, quotaValue(directory.Quota(recSize)))
	o.AddTyped("TotalItemSize", tQuota, quotaValue(directory.Quota(size)))
	o.AddTyped("DatabaseName", tStr, exo.NilIfEmpty(db))
	o.AddTyped("ServerName", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("DatabaseIssueWarningQuota", tQuota, quotaValue(m.IssueWarningQuota))
	o.AddTyped("DatabaseProhibitSendQuota", tQuota, quotaValue(m.ProhibitSendQuota))
	o.AddTyped("DatabaseProhibitSendReceiveQuota", tQuota, quotaValue(m.ProhibitSendReceiveQuota))
	o.AddTyped("IsArchiveMailbox", tBool, archive)
	o.AddTyped("IsDatabaseCopyActive", tBool, true)
	o.AddTyped("IsQuarantined", tBool, false)
	o.AddTyped("IsMoveDestination", tBool, false)
	o.AddTyped("OwnerADGuid", tGuid, guidValue(m.Guid))
	o.AddTyped("ExternalDirectoryOrganizationId", tGuid, guidValue(derivedGuid("tenant", tenantName(org))))
	o.AddTyped("Identity", tStr, guid)
	o.AddTyped("MapiIdentity", tStr, guid)
	o.AddTyped("OriginatingServer", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	name := guid
	o.ToStringFunc = func() string { return name }
	return o
}

// exoStatisticsSets are Get-EXOMailboxStatistics' property sets: Minimum
// (All is every statistics property).
var exoStatisticsSets = lazy.Value[*exo.PropertySets]{Build: func() *exo.PropertySets {
	return &exo.PropertySets{Type: TypeEXOStatistics,
		Minimum: []string{"DeletedItemCount", "DisplayName", "MailboxGuid", "ItemCount", "TotalDeletedItemSize", "TotalItemSize"}}
}}

// EXOStatisticsObject projects a statistics object onto Get-EXOMailboxStatistics'
// Minimum property set (plus the requested properties).
func EXOStatisticsObject(full *object.PSObject, sets, props []string) *object.PSObject {
	return exoStatisticsSets.Get().Project(full, sets, props)
}

// statsFor resolves a mailbox and reads its content model.
func statsFor(ctx *command.Context, id, shown string, scope directory.Scope) (*directory.Mailbox, *directory.MailboxContent, *directory.Organization, *object.ErrorRecord, error) {
	var m *directory.Mailbox
	var c *directory.MailboxContent
	var org *directory.Organization
	var rec *object.ErrorRecord
	err := exo.View(ctx, func(tx *store.Tx) error {
		var err error
		m, rec, err = resolveOne(ctx, tx, id, shown, scope, false)
		if err != nil || rec != nil {
			return err
		}
		if org, err = directory.GetOrganization(tx); err != nil {
			return err
		}
		c, err = directory.GetMailboxContent(tx, m.Guid)
		return err
	})
	return m, c, org, rec, err
}

// NoArchive is the error for -Archive on a mailbox without an archive.
func NoArchive(ctx *command.Context, shown string) *object.ErrorRecord {
	return exo.Error(ctx, exRecipientTask, "The archive mailbox for '"+shown+"' doesn't exist.", object.InvalidOperation, shown)
}

func getMailboxStatistics() *command.Command {
	c := exo.Declared("Get-MailboxStatistics")
	c.Synopsis = "Shows the size and item count of a mailbox or its archive."
	c.OutputType = TypeStatistics
	c.Description = activityNote
	c.Examples = []command.Example{
		{Code: "Get-MailboxStatistics annb", Remark: "Shows the display name, item count, storage limit status and last logon of a mailbox."},
		{Code: "Get-MailboxStatistics annb -Archive | Format-List TotalItemSize,ItemCount", Remark: "Shows the size of the archive mailbox."},
		{Code: "Get-Mailbox -ResultSize Unlimited | Get-MailboxStatistics | Sort-Object ItemCount -Descending", Remark: "Ranks every mailbox by item count."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		o, rec, err := statistics(ctx)
		if err != nil {
			return err
		}
		if rec != nil {
			return ctx.WriteError(rec)
		}
		return ctx.WriteObject(o)
	}
	return c
}

func statistics(ctx *command.Context) (*object.PSObject, *object.ErrorRecord, error) {
	var id, shown string
	switch {
	case ctx.Value("Identity") != nil:
		id, shown = identityString(ctx.Value("Identity"))
	case ctx.Value("ExchangeGuid") != nil:
		id = object.ToInvariantString(ctx.Value("ExchangeGuid"))
	case ctx.Value("PrimarySmtpAddress") != nil:
		id = ctx.String("PrimarySmtpAddress")
	case ctx.Value("UserPrincipalName") != nil:
		id = ctx.String("UserPrincipalName")
	default:
		return nil, nil, ctx.Fail(exo.Error(ctx, exTaskArgument, "Please specify an identity: Identity, ExchangeGuid, PrimarySmtpAddress or UserPrincipalName.", object.InvalidArgument, nil))
	}
	if shown == "" {
		shown = id
	}
	m, content, org, rec, err := statsFor(ctx, id, shown, statsScope(ctx))
	if err != nil || rec != nil {
		return nil, rec, err
	}
	archive := ctx.Switch("Archive")
	if archive && m.ArchiveStatus != "Active" {
		return nil, NoArchive(ctx, shown), nil
	}
	return StatisticsObject(m, content, archive, org), nil, nil
}

// activityNote says what the statistics do not know.
const activityNote = "The simulated tenant keeps no record of mailbox logons or user actions: LastLogonTime, LastLogoffTime, LastUserActionTime and LastInteractionTime are empty."

// activityProperties are the statistics properties that need such a record.
var activityProperties = []string{"LastLogonTime", "LastLogoffTime", "LastUserActionTime", "LastInteractionTime"}

// activityWarning is the warning of a statistics call that asks for them.
const activityWarning = "exosim keeps no record of mailbox logons or user actions: LastLogonTime, LastLogoffTime, LastUserActionTime and LastInteractionTime are empty."

func getEXOMailboxStatistics() *command.Command {
	c := exo.Declared("Get-EXOMailboxStatistics")
	c.Synopsis = "Shows mailbox size and item counts through the REST-based cmdlet (Minimum property set by default)."
	c.Description = activityNote + " Asking for one of them (-Properties, or -PropertySets All) warns once in a session."
	c.OutputType = TypeEXOStatistics
	c.Examples = []command.Example{
		{Code: "Get-EXOMailboxStatistics -Identity annb", Remark: "Shows item counts and sizes of a mailbox."},
		{Code: "Get-EXOMailboxStatistics -Identity annb -PropertySets All", Remark: "Shows every statistics property."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		o, rec, err := statistics(ctx)
		if err != nil {
			return err
		}
		if rec != nil {
			return ctx.WriteError(rec)
		}
		warnActivityOnce(ctx)
		return ctx.WriteObject(EXOStatisticsObject(o, ctx.Strings("PropertySets"), ctx.Strings("Properties")))
	}
	return c
}

// activityWarnedSlot records that the session was told that logons and
// user actions are not recorded.
var activityWarnedSlot = command.NewSlot[bool]()

// warnActivityOnce warns, the first time in a session, when a
// Get-EXOMailboxStatistics call asks for a property of user activity.
func warnActivityOnce(ctx *command.Context) {
	asked := false
	for _, set := range ctx.Strings("PropertySets") {
		asked = asked || strings.EqualFold(set, "All")
	}
	for _, p := range ctx.Strings("Properties") {
		asked = asked || exo.ContainsFold(activityProperties, p)
	}
	if !asked {
		return
	}
	if warned, _ := activityWarnedSlot.Get(ctx.Session()); warned {
		return
	}
	activityWarnedSlot.Set(ctx.Session(), true)
	ctx.WriteWarning(activityWarning)
}

// StatsFor resolves a mailbox in the scope of the statistics cmdlets
// (with -IncludeSoftDeletedRecipients, deleted ones too) and reads its
// content model; rec is Exchange's error for an identity it does not
// find.
func StatsFor(ctx *command.Context, id, shown string) (*directory.Mailbox, *directory.MailboxContent, *directory.Organization, *object.ErrorRecord, error) {
	return statsFor(ctx, id, shown, statsScope(ctx))
}
