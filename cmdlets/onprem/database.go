package onprem

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/onprem"
)

// Type names of the on-premises objects. Their views are the Exchange
// Management Shell's, so they carry the server-side type names.
const (
	TypeDatabase   = "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase"
	TypeStatistics = "Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics"
	TypeMailbox    = "Microsoft.Exchange.Data.Directory.Management.Mailbox"
)

func databaseViews(r *format.Registry) {
	r.Add(&format.View{
		Name: "OnPremMailboxDatabase", TypeNames: []string{TypeDatabase}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 20, Property: "Name"},
			{Label: "Server", Width: 15, Property: "Server"},
			{Label: "Recovery", Width: 15, Property: "Recovery"},
			{Label: "ReplicationType", Property: "ReplicationType"},
		},
	})
	r.Add(&format.View{
		Name: "OnPremMailboxStatistics", TypeNames: []string{TypeStatistics}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "DisplayName", Width: 25, Property: "DisplayName"},
			{Label: "ItemCount", Width: 12, Align: format.AlignLeft, Property: "ItemCount"},
			{Label: "StorageLimitStatus", Property: "StorageLimitStatus"},
			{Label: "LastLogonTime", Width: 22, Property: "LastLogonTime"},
		},
	})
	r.Add(&format.View{
		Name: "OnPremMailbox", TypeNames: []string{TypeMailbox}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 20, Property: "Name"},
			{Label: "Alias", Width: 20, Property: "Alias"},
			{Label: "ServerName", Width: 10, Property: "ServerName"},
			{Label: "ProhibitSendQuota", Property: "ProhibitSendQuota"},
		},
	})
}

// remoteCmd declares an on-premises Exchange cmdlet from its documented
// declaration, as a function of an implicit-remoting module.
func remoteCmd(name string) *command.Command {
	c := exo.Declared(name)
	c.Visible = nil
	c.Module, c.Version = emsModule, "1.0"
	return c
}

func databaseObject(d *onprem.MailboxDatabase) *object.PSObject {
	o := object.NewObject(TypeDatabase,
		"Microsoft.Exchange.Data.Directory.SystemConfiguration.Database",
		"Microsoft.Exchange.Data.Directory.ADConfigurationObject", "System.Object")
	g, _ := object.ParseGuid(d.Guid)
	o.AddTyped("Name", "System.String", d.Name)
	o.AddTyped("Server", "Microsoft.Exchange.Data.Directory.ADObjectId", d.Server)
	o.AddTyped("MasterServerOrAvailabilityGroup", "System.String", d.Server)
	o.AddTyped("Recovery", "System.Boolean", d.Recovery)
	o.AddTyped("ReplicationType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReplicationType", d.ReplicationType)
	o.AddTyped("EdbFilePath", "Microsoft.Exchange.Data.EdbFilePath", d.EdbFilePath)
	o.AddTyped("LogFolderPath", "Microsoft.Exchange.Data.NonRootLocalLongFullPath", d.LogFolderPath)
	o.AddTyped("DeletedItemRetention", "Microsoft.Exchange.Data.EnhancedTimeSpan", d.DeletedItemRetention.String())
	o.AddTyped("MailboxRetention", "Microsoft.Exchange.Data.EnhancedTimeSpan", d.MailboxRetention.String())
	o.AddTyped("IssueWarningQuota", typeUnlimitedSize, quotaValue(d.IssueWarningQuota))
	o.AddTyped("ProhibitSendQuota", typeUnlimitedSize, quotaValue(d.ProhibitSendQuota))
	o.AddTyped("ProhibitSendReceiveQuota", typeUnlimitedSize, quotaValue(d.ProhibitSendReceiveQuota))
	o.AddTyped("IsMailboxDatabase", "System.Boolean", true)
	o.AddTyped("Mounted", "System.Nullable`1[[System.Boolean]]", nil)
	o.AddTyped("AdminDisplayVersion", "Microsoft.Exchange.Data.ServerVersion", "Version "+ExchangeVersion)
	o.AddTyped("WhenCreated", "System.Nullable`1[[System.DateTime]]", d.WhenCreated.UTC())
	o.AddTyped("Identity", "Microsoft.Exchange.Data.Directory.ADObjectId", d.Name)
	o.AddTyped("Guid", "System.Guid", g)
	o.AddTyped("DistinguishedName", "System.String", fmt.Sprintf("CN=%s,CN=Databases,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=%s,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local", d.Name, onprem.Organization))
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	name := d.Name
	o.ToStringFunc = func() string { return name }
	return o
}

func getMailboxDatabase() *command.Command {
	c := remoteCmd("Get-MailboxDatabase")
	decl.MarkOnPremOnly(c)
	c.Visible = reached
	c.OutputType = TypeDatabase
	c.Synopsis = "Lists the on-premises server's mailbox databases (on-premises Exchange only)."
	c.Description = "Available after Import-PSSession of a session to the on-premises server, or in `exosim --onprem`."
	c.Examples = []command.Example{
		{Code: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://mail.contoso.com/PowerShell/ -Authentication Kerberos; Import-PSSession $s -DisableNameChecking | Out-Null; Get-MailboxDatabase | Format-List Identity,GUID",
			Remark: "Shows each on-premises database's GUID, which New-MailboxRestoreRequest -RemoteDatabaseGuid needs."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return viewObjects(ctx, func(tx *store.Tx) (out []*object.PSObject, rec *object.ErrorRecord, err error) {
			dbs, err := onprem.MailboxDatabases(tx)
			if err != nil {
				return out, rec, err
			}
			id := ""
			if v := ctx.Value("Identity"); v != nil {
				id = exo.IdentityOf(v)
			}
			server := ""
			if v := ctx.Value("Server"); v != nil {
				server = exo.IdentityOf(v)
			}
			for _, d := range dbs {
				if id != "" && !wildcard.MatchStar(id, d.Name) && !strings.EqualFold(id, d.Guid) {
					continue
				}
				if server != "" && !strings.EqualFold(server, d.Server) && !strings.EqualFold(server, d.ServerFqdn) {
					continue
				}
				out = append(out, databaseObject(d))
			}
			if len(out) == 0 && (id != "" || server != "") {
				shown := id
				if shown == "" {
					shown = server
				}
				rec = notFound(ctx, shown)
			}
			return out, rec, nil
		})
	}
	return c
}

// viewObjects runs fn in one read transaction and writes the objects it
// returns, or the error record it returns instead.
func viewObjects(ctx *command.Context, fn func(tx *store.Tx) ([]*object.PSObject, *object.ErrorRecord, error)) error {
	var out []*object.PSObject
	var rec *object.ErrorRecord
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var err error
		out, rec, err = fn(tx)
		return rec, err
	})
	if err != nil || !done {
		return err
	}
	for _, o := range out {
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// databasesByGuid indexes databases by Guid.
func databasesByGuid(dbs []*onprem.MailboxDatabase) map[string]*onprem.MailboxDatabase {
	byGuid := map[string]*onprem.MailboxDatabase{}
	for _, d := range dbs {
		byGuid[d.Guid] = d
	}
	return byGuid
}

// notFound is the on-premises not-found error (the domain controller is
// the on-premises one).
func notFound(ctx *command.Context, id string) *object.ErrorRecord {
	return ctx.NewError(fmt.Sprintf("The operation couldn't be performed because object '%s' couldn't be found on 'DC01.contoso.local'.", id),
		"[Server="+onprem.Server+"] ManagementObjectNotFoundException", object.ObjectNotFound, "ManagementObjectNotFoundException", id)
}

func statisticsObject(m *onprem.Mailbox, db *onprem.MailboxDatabase) *object.PSObject {
	o := object.NewObject(TypeStatistics, "System.Object")
	items, size, recItems, recSize := directory.Totals(m.Folders)
	g, _ := object.ParseGuid(m.MailboxGuid)
	dbName, server := "", ""
	if db != nil {
		dbName, server = db.Name, db.Server
	}
	var disc, reason, logon any
	if m.DisconnectDate != nil {
		disc = m.DisconnectDate.UTC()
	}
	if m.DisconnectReason != "" {
		reason = m.DisconnectReason
	}
	if m.LastLogonTime != nil {
		logon = m.LastLogonTime.UTC()
	}
	o.AddTyped("AssociatedItemCount", "System.UInt32", int64(12))
	o.AddTyped("DeletedItemCount", "System.UInt32", recItems)
	o.AddTyped("DisconnectDate", "System.Nullable`1[[System.DateTime]]", disc)
	o.AddTyped("DisconnectReason", "System.Nullable`1[[Microsoft.Exchange.Data.Mapi.MailboxState]]", reason)
	o.AddTyped("DisplayName", "System.String", m.DisplayName)
	o.AddTyped("ItemCount", "System.UInt32", items)
	o.AddTyped("LastLoggedOnUserAccount", "System.String", nil)
	o.AddTyped("LastLogonTime", "System.Nullable`1[[System.DateTime]]", logon)
	o.AddTyped("LegacyDN", "System.String", m.LegacyExchangeDN)
	o.AddTyped("MailboxGuid", "System.Guid", g)
	o.AddTyped("MailboxType", "Microsoft.Exchange.Data.StoreMailboxType", "Private")
	o.AddTyped("MailboxTypeDetail", "Microsoft.Exchange.Data.StoreMailboxTypeDetail", "UserMailbox")
	o.AddTyped("ObjectClass", "Microsoft.Exchange.Data.Mapi.ObjectClass", "Mailbox")
	o.AddTyped("StorageLimitStatus", "System.Nullable`1[[Microsoft.Exchange.Data.Mapi.StorageLimitStatus]]", nil)
	o.AddTyped("TotalDeletedItemSize", typeUnlimitedSize, quotaValue(directory.Quota(recSize)))
	o.AddTyped("TotalItemSize", typeUnlimitedSize, quotaValue(directory.Quota(size)))
	o.AddTyped("Database", "Microsoft.Exchange.Data.Directory.ADObjectId", dbName)
	o.AddTyped("DatabaseName", "System.String", dbName)
	o.AddTyped("ServerName", "System.String", server)
	o.AddTyped("IsArchiveMailbox", "System.Boolean", false)
	o.AddTyped("IsQuarantined", "System.Boolean", false)
	o.AddTyped("Identity", "Microsoft.Exchange.Data.Mapi.MailboxId", m.MailboxGuid)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	name := m.MailboxGuid
	o.ToStringFunc = func() string { return name }
	return o
}

// databaseOf reads a bound database value (a database object or its name).
func databaseOf(tx *store.Tx, v any) (*onprem.MailboxDatabase, string, error) {
	id := exo.IdentityOf(v)
	if o, ok := object.Unwrap(v).(*object.PSObject); ok {
		if g, ok := o.Get("Guid"); ok && g != nil {
			id = object.ToInvariantString(g)
		}
	}
	d, err := onprem.FindMailboxDatabase(tx, id)
	return d, exo.IdentityOf(v), err
}

// isDatabaseObject reports whether a value is a piped database.
func isDatabaseObject(v any) bool {
	o, ok := object.Unwrap(v).(*object.PSObject)
	return ok && o.TypeName() == TypeDatabase
}

func getMailboxStatistics() *command.Command {
	c := remoteCmd("Get-MailboxStatistics")
	// On-premises sets the Exchange Online page leaves out: -Database
	// (with -StoreMailboxIdentity) and -Server.
	for _, p := range c.Params {
		if p.Name == "Identity" {
			for i := range p.Sets {
				p.Sets[i].FromPipeline = false
			}
		}
	}
	c.Sets = []string{"Identity", "Database", "Server"}
	c.Params = append(c.Params,
		params.P("Database", decl.IdentityType("DatabaseIdParameter"),
			params.InSets(params.SetInfo{Set: "Database", Mandatory: true, Position: -1, FromPipeline: true, FromPipelineByName: true})),
		params.P("StoreMailboxIdentity", decl.IdentityType("StoreMailboxIdParameter"), params.InSets(params.Set("Database", false, -1))),
		params.P("Server", decl.IdentityType("ServerIdParameter"), params.InSets(params.Set("Server", true, -1))),
		params.P("Filter", params.TString, params.InSets(params.Set("Database", false, -1), params.Set("Server", false, -1))),
		params.P("NoADLookup", params.TSwitch, params.InSets(params.Set("Database", false, -1), params.Set("Server", false, -1))),
		params.P("IncludePassive", params.TSwitch, params.InSets(params.Set("Server", false, -1))),
		params.P("CopyOnServer", decl.IdentityType("ServerIdParameter"), params.InSets(params.Set("Database", false, -1), params.Set("Identity", false, -1))),
		params.P("DomainController", &params.Type{Kind: params.KindString, Name: "Fqdn", FullName: "Fqdn"}),
		params.P("IncludeQuarantineDetails", params.TSwitch),
	)
	c.OutputType = TypeStatistics
	c.Synopsis = "On-premises: mailbox statistics by mailbox, database or server, including disconnected mailboxes (DisconnectReason Disabled or SoftDeleted)."
	c.Examples = []command.Example{
		{Code: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://mail.contoso.com/PowerShell/ -Authentication Kerberos; Import-PSSession $s -DisableNameChecking -AllowClobber | Out-Null; Get-MailboxDatabase | Get-MailboxStatistics | where {$_.DisconnectReason -eq \"Disabled\"} | Format-Table DisplayName,MailboxGuid,LegacyDN,Database",
			Remark: "Lists the disabled mailboxes of every on-premises database."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return viewObjects(ctx, func(tx *store.Tx) (out []*object.PSObject, rec *object.ErrorRecord, err error) {
			all, err := onprem.Mailboxes(tx)
			if err != nil {
				return out, rec, err
			}
			dbs, err := onprem.MailboxDatabases(tx)
			if err != nil {
				return out, rec, err
			}
			byGuid := databasesByGuid(dbs)
			dbv, idv := ctx.Value("Database"), ctx.Value("Identity")
			if dbv == nil && isDatabaseObject(idv) {
				dbv, idv = idv, nil
			}
			switch {
			case dbv != nil:
				d, shown, err := databaseOf(tx, dbv)
				if err != nil {
					return out, rec, err
				}
				if d == nil {
					rec = notFound(ctx, shown)
					return out, rec, nil
				}
				storeID := strings.ToLower(strings.TrimSpace(ctx.String("StoreMailboxIdentity")))
				for _, m := range all {
					if m.DatabaseGuid == d.Guid && (storeID == "" || m.MailboxGuid == storeID) {
						out = append(out, statisticsObject(m, d))
					}
				}
			case ctx.Value("Server") != nil:
				server := exo.IdentityOf(ctx.Value("Server"))
				if !strings.EqualFold(server, "MAIL") && !strings.EqualFold(server, "mail.contoso.com") {
					rec = notFound(ctx, server)
					return out, rec, nil
				}
				for _, m := range all {
					out = append(out, statisticsObject(m, byGuid[m.DatabaseGuid]))
				}
			default:
				id := exo.IdentityOf(idv)
				ms, err := onprem.ResolveMailboxes(tx, id)
				if err != nil {
					return out, rec, err
				}
				if len(ms) == 0 {
					rec = notFound(ctx, id)
					return out, rec, nil
				}
				for _, m := range ms {
					out = append(out, statisticsObject(m, byGuid[m.DatabaseGuid]))
				}
			}
			return out, rec, nil
		})
	}
	return c
}

func mailboxObject(m *onprem.Mailbox, db *onprem.MailboxDatabase) *object.PSObject {
	o := object.NewObject(TypeMailbox,
		"Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
		"Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
		"Microsoft.Exchange.Data.Directory.ADPresentationObject", "System.Object")
	g, _ := object.ParseGuid(m.MailboxGuid)
	og, _ := object.ParseGuid(m.ObjectGuid)
	dbName, server := "", ""
	quota := directory.QuotaUnlimited
	if db != nil {
		dbName, server = db.Name, strings.ToLower(db.Server)
		quota = db.ProhibitSendQuota
	}
	o.AddTyped("Name", "System.String", m.Name)
	o.AddTyped("Alias", "System.String", m.Alias)
	o.AddTyped("DisplayName", "System.String", m.DisplayName)
	o.AddTyped("ServerName", "System.String", server)
	o.AddTyped("Database", "Microsoft.Exchange.Data.Directory.ADObjectId", dbName)
	o.AddTyped("ProhibitSendQuota", typeUnlimitedSize, quotaValue(quota))
	o.AddTyped("UseDatabaseQuotaDefaults", "System.Nullable`1[[System.Boolean]]", true)
	o.AddTyped("ExchangeGuid", "System.Guid", g)
	o.AddTyped("Guid", "System.Guid", og)
	o.AddTyped("LegacyExchangeDN", "System.String", m.LegacyExchangeDN)
	o.AddTyped("PrimarySmtpAddress", "System.String", m.PrimarySmtpAddress)
	o.AddTyped("EmailAddresses", "Microsoft.Exchange.Data.ProxyAddressCollection", []any{"SMTP:" + m.PrimarySmtpAddress, "X500:" + m.LegacyExchangeDN})
	o.AddTyped("UserPrincipalName", "System.String", m.UserPrincipalName)
	o.AddTyped("RecipientType", "System.String", "UserMailbox")
	o.AddTyped("RecipientTypeDetails", "System.String", "UserMailbox")
	o.AddTyped("DistinguishedName", "System.String", m.DistinguishedName)
	o.AddTyped("Identity", "Microsoft.Exchange.Data.Directory.ADObjectId", "contoso.local/Contoso/Users/"+m.Name)
	o.AddTyped("WhenCreated", "System.Nullable`1[[System.DateTime]]", m.WhenCreated.UTC())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	name := m.Name
	o.ToStringFunc = func() string { return name }
	return o
}

func getMailbox() *command.Command {
	c := remoteCmd("Get-Mailbox")
	c.OutputType = TypeMailbox
	c.Synopsis = "On-premises: lists the mailboxes of the on-premises server's databases."
	c.Handler.Process = func(ctx *command.Context) error {
		var objs []*object.PSObject
		return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
			var rec *object.ErrorRecord
			var err error
			objs, rec, err = onPremMailboxes(ctx, tx)
			return rec, err
		})
	}
	return exo.Partial(c, "Identity", "ResultSize")
}

// onPremMailboxes are the objects of the on-premises mailboxes Get-Mailbox
// lists: the one of -Identity, or every connected mailbox; rec is the
// error of an identity that matches none.
func onPremMailboxes(ctx *command.Context, tx *store.Tx) (out []*object.PSObject, rec *object.ErrorRecord, err error) {
	dbs, err := onprem.MailboxDatabases(tx)
	if err != nil {
		return out, rec, err
	}
	byGuid := databasesByGuid(dbs)
	var ms []*onprem.Mailbox
	if v := ctx.Value("Identity"); v != nil {
		id := exo.IdentityOf(v)
		if ms, err = onprem.ResolveMailboxes(tx, id); err != nil {
			return out, rec, err
		}
		if len(ms) == 0 {
			rec = notFound(ctx, id)
			return out, rec, nil
		}
	} else {
		all, err := onprem.Mailboxes(tx)
		if err != nil {
			return out, rec, err
		}
		for _, m := range all {
			if !m.IsDisconnected() {
				ms = append(ms, m)
			}
		}
	}
	for _, m := range ms {
		out = append(out, mailboxObject(m, byGuid[m.DatabaseGuid]))
	}
	return out, rec, nil
}
