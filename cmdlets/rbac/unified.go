package rbac

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/rbac"
)

// The unified audit log search. Its records are the tenant's admin audit
// log seen as ExchangeAdmin records (record type 1, workload Exchange) and
// the mailbox audit log (store/auditbypass) seen as ExchangeItem records
// (record type 2: actions on one item, such as Send, SendAs and
// SendOnBehalf) and ExchangeItemGroup records (record type 3: actions on
// several items at once, such as SoftDelete, HardDelete and
// MoveToDeletedItems), with the AuditData fields of Microsoft's Exchange
// mailbox audit schema.
//
// Paging follows the service: a call without a session returns the newest
// records (ResultSize of them, 100 by default) and ResultCount says how
// many matched in all. A session (-SessionId, with -SessionCommand) freezes
// its result set on its first call and hands out the next ResultSize
// records on every further call with the same id, until a call returns
// nothing: ReturnLargeSet in log order ("unsorted") up to 50,000 records,
// ReturnNextPreviewPage newest first up to 5,000; a session whose calls mix
// the two commands stops at 10,000. ResultIndex is a record's position in
// the whole result set, so the last record of the last page has
// ResultIndex equal to ResultCount.

// Session commands and the limits the service puts on them.
const (
	returnLargeSet        = "ReturnLargeSet"
	returnNextPreviewPage = "ReturnNextPreviewPage"
	largeSetLimit         = 50000
	previewLimit          = 5000
	mixedSessionLimit     = 10000
)

// auditSessionsSlot holds the session's paged unified audit log searches
// by SessionId.
var auditSessionsSlot = command.NewSlot[map[string]*auditSession]()

// auditSession is one paged search: its frozen result set and how far the
// calls so far have read it.
type auditSession struct {
	// query is the search the session pages through (searchKey): a
	// SessionId names a command with its parameters, so a call with the
	// same id and other dates or filters starts a new search, as a
	// runbook that walks a date range one day at a time under one id
	// expects.
	query   string
	command string // the session command of the first call
	mixed   bool   // a later call used the other command
	records []unifiedRecord
	next    int // index of the next record to hand out
}

// limit is how many of the session's records its calls may hand out.
func (s *auditSession) limit() int {
	n := largeSetLimit
	switch {
	case s.mixed:
		n = mixedSessionLimit
	case s.command == returnNextPreviewPage:
		n = previewLimit
	}
	if len(s.records) < n {
		n = len(s.records)
	}
	return n
}

// searchKey is what a call searches for: its dates and filters.
func searchKey(ctx *command.Context, start, end time.Time) string {
	var b strings.Builder
	b.WriteString(start.UTC().Format(time.RFC3339Nano) + "|" + end.UTC().Format(time.RFC3339Nano))
	for _, name := range []string{"Operations", "UserIds", "ObjectIds", "IPAddresses", "SiteIds"} {
		b.WriteString("|" + strings.ToLower(strings.Join(exo.CommaStrings(ctx.Value(name)), ",")))
	}
	b.WriteString("|" + strings.ToLower(strings.TrimSpace(ctx.String("RecordType"))) + "|" + ctx.String("FreeText"))
	return b.String()
}

// unifiedAuditData is the AuditData JSON of an ExchangeAdmin record. With
// -Formatted the numeric codes (RecordType, UserType) are names.
type unifiedAuditData struct {
	auditDataCommon
	ObjectID           string                `json:"ObjectId"`
	UserID             string                `json:"UserId"`
	ExternalAccess     bool                  `json:"ExternalAccess"`
	OrganizationName   string                `json:"OrganizationName"`
	OriginatingServer  string                `json:"OriginatingServer"`
	Parameters         []unifiedNameVal      `json:"Parameters"`
	ModifiedProperties []unifiedModifiedProp `json:"ModifiedProperties,omitempty"`
	Error              string                `json:"Error,omitempty"`
}

// auditDataCommon are the fields every AuditData begins with.
type auditDataCommon struct {
	CreationTime   string `json:"CreationTime"`
	ID             string `json:"Id"`
	Operation      string `json:"Operation"`
	OrganizationID string `json:"OrganizationId"`
	RecordType     any    `json:"RecordType"`
	ResultStatus   string `json:"ResultStatus"`
	UserKey        string `json:"UserKey"`
	UserType       any    `json:"UserType"`
	Version        int    `json:"Version"`
	Workload       string `json:"Workload"`
}

type unifiedNameVal struct {
	Name  string `json:"Name"`
	Value string `json:"Value"`
}

type unifiedModifiedProp struct {
	Name     string `json:"Name"`
	NewValue string `json:"NewValue"`
	OldValue string `json:"OldValue"`
}

// auditDataJSON is the AuditData text of a record.
func auditDataJSON(r *rbac.AuditRecord, org *directory.Organization, formatted bool) string {
	d := unifiedAuditData{
		auditDataCommon: auditDataCommon{CreationTime: r.RunDate.UTC().Format("2006-01-02T15:04:05"), ID: r.Identity, Operation: r.CmdletName,
			RecordType: 1, ResultStatus: "True", UserKey: r.Caller, UserType: 2, Version: 1, Workload: "Exchange"},
		ObjectID: r.ObjectModified, UserID: r.Caller, ExternalAccess: r.ExternalAccess, OriginatingServer: originatingServer,
		Parameters: []unifiedNameVal{},
	}
	if formatted {
		d.RecordType, d.UserType = "ExchangeAdmin", "Admin"
	}
	if org != nil {
		d.OrganizationID, d.OrganizationName = org.Guid, org.Name
	}
	if !r.Succeeded {
		d.ResultStatus, d.Error = "False", r.Error
	}
	for _, p := range r.Parameters {
		d.Parameters = append(d.Parameters, unifiedNameVal{Name: p.Name, Value: p.Value})
	}
	for _, n := range r.ModifiedProperties {
		val := ""
		for _, p := range r.Parameters {
			if strings.EqualFold(p.Name, n) {
				val = p.Value
			}
		}
		d.ModifiedProperties = append(d.ModifiedProperties, unifiedModifiedProp{Name: n, NewValue: val})
	}
	var data []byte
	if formatted {
		data, _ = json.MarshalIndent(d, "", "  ")
	} else {
		data, _ = json.Marshal(d)
	}
	return string(data)
}

// unifiedEventObject is one Search-UnifiedAuditLog result: a record of
// recordType at time, by user, of operation.
func unifiedEventObject(recordType string, at time.Time, user, operation, identity, auditData string, index, count int) *object.PSObject {
	o := object.NewObject(TypeUnifiedAuditLogEvent, "System.Object")
	o.AddTyped("RecordType", "Microsoft.Exchange.Management.SystemConfigurationTasks.AuditRecordType", recordType)
	o.AddTyped("CreationDate", "System.DateTime", at)
	o.AddTyped("UserIds", "System.String", user)
	o.AddTyped("Operations", "System.String", operation)
	o.AddTyped("AuditData", "System.String", auditData)
	o.AddTyped("ResultIndex", "System.Int32", index)
	o.AddTyped("ResultCount", "System.Int32", count)
	o.AddTyped("Identity", "System.String", identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	return o
}

// unifiedMatch applies the filters the admin audit log query does not
// know: object ids with wildcards, free text in the record's details, and
// the filters no ExchangeAdmin record can meet (client IP addresses,
// SharePoint sites: the simulated records carry neither).
func unifiedMatch(ctx *command.Context, r *rbac.AuditRecord, data string) bool {
	if ids := ctx.Strings("ObjectIds"); len(ids) > 0 && !matchesAny(ids, r.ObjectModified) {
		return false
	}
	if !freeTextMatch(ctx, data) {
		return false
	}
	if len(ctx.Strings("IPAddresses")) > 0 || len(ctx.Strings("SiteIds")) > 0 {
		return false
	}
	return true
}

// matchesAny reports whether s matches one of the patterns (* is a
// wildcard).
func matchesAny(patterns []string, s string) bool {
	for _, p := range patterns {
		if wildcard.MatchStar(strings.TrimSpace(p), s) {
			return true
		}
	}
	return false
}

// freeTextMatch reports whether a record's details hold the call's
// -FreeText (always, without one).
func freeTextMatch(ctx *command.Context, data string) bool {
	t := ctx.String("FreeText")
	return t == "" || strings.Contains(strings.ToLower(data), strings.ToLower(t))
}

func searchUnifiedAuditLog() *command.Command {
	c := exo.Declared("Search-UnifiedAuditLog")
	exo.Describe(c, map[string]string{
		"StartDate":              "Start of the date range (UTC, simulated time).",
		"EndDate":                "End of the date range (UTC, simulated time); must be later than StartDate.",
		"Operations":             "Only these operations: cmdlet names for Exchange admin records, mailbox actions (SendAs, SendOnBehalf, Send, SoftDelete, HardDelete) for mailbox records.",
		"UserIds":                "Only records of these users (UPN).",
		"ObjectIds":              "Only records about these objects; * is a wildcard.",
		"RecordType":             "Only this record type; the simulator's records are ExchangeAdmin, ExchangeItem and ExchangeItemGroup.",
		"ResultSize":             "Records per call (default 100, at most 5000).",
		"SessionId":              "Names a paged search: calls with the same id return the next page.",
		"SessionCommand":         "ReturnLargeSet (log order, up to 50,000 in all) or ReturnNextPreviewPage (newest first, up to 5,000).",
		"Formatted":              "AuditData indented, with RecordType and UserType as names instead of numbers.",
		"FreeText":               "Only records whose details contain this text.",
		"IPAddresses":            "Only records from these client IP addresses (mailbox records carry one; admin records none).",
		"SiteIds":                "Only records of these SharePoint sites (simulated records carry none).",
		"HighCompleteness":       "Favours complete results over speed; the simulator's results are always complete.",
		"LegacyFlow":             "Uses the older search back end; the results are the same.",
		"LongerRetentionEnabled": "Accepted; the simulated log keeps every record.",
	})
	exo.DeclaredParam(c, "ResultSize").Min, exo.DeclaredParam(c, "ResultSize").Max = 1, 5000
	exo.DeclaredParam(c, "SessionCommand").Type = params.EnumType("UnifiedAuditSessionCommand",
		"Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditSessionCommand", returnLargeSet, returnNextPreviewPage)
	c.OutputType = TypeUnifiedAuditLogEvent
	c.Synopsis = "Searches the unified audit log: the admin audit log's ExchangeAdmin entries and the mailbox audit log's ExchangeItem and ExchangeItemGroup entries."
	c.Description = "An ExchangeAdmin record has the caller in UserIds, the cmdlet in Operations and the details as JSON in AuditData; " +
		"a mailbox record (ExchangeItem for one item, such as SendAs; ExchangeItemGroup for several, such as SoftDelete) the account that acted, the mailbox action and the fields of the mailbox audit schema. " +
		"Without a session the newest records are returned, and ResultCount is the number that matched. With -SessionId and -SessionCommand, " +
		"repeat the same call until it returns nothing: each call hands out the next page; ResultIndex counts across pages."
	c.Examples = []command.Example{
		{Code: "Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-1) -EndDate (Get-Date).AddDays(1) -RecordType ExchangeAdmin | Format-Table CreationDate, UserIds, Operations",
			Remark: "Lists today's Exchange admin actions."},
		{Code: "Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-7) -EndDate (Get-Date) -Operations SendAs,SendOnBehalf | ForEach-Object { $d = $_.AuditData | ConvertFrom-Json; '{0} sent from {1}{2}' -f $d.UserId, $d.SendAsUserSmtp, $d.SendOnBehalfOfUserSmtp }",
			Remark: "Shows who sent as or on behalf of which mailbox in the last week."},
		{Code: "$id = [guid]::NewGuid().ToString(); do { $page = @(Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-7) -EndDate (Get-Date) -SessionId $id -SessionCommand ReturnLargeSet -ResultSize 5000); $page } while ($page.Count -gt 0)",
			Remark: "Exports every record of the last week, page by page."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		start, end := dateParam(ctx, "StartDate"), dateParam(ctx, "EndDate")
		if !end.After(start) {
			return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The end date (%s) must be later than the start date (%s).", end.Format(time.RFC3339), start.Format(time.RFC3339)), nil))
		}
		size := 100
		if ctx.Has("ResultSize") {
			size = ctx.Int("ResultSize")
		}
		formatted := ctx.Switch("Formatted")
		command, id := ctx.String("SessionCommand"), ctx.String("SessionID")
		sessions := auditSessionsSlot.Of(runtime.Of(ctx), func() map[string]*auditSession { return map[string]*auditSession{} })
		var org *directory.Organization
		query := searchKey(ctx, start, end)
		s := sessions[id]
		if s != nil && id != "" && s.query == query {
			if command != "" && !strings.EqualFold(command, s.command) {
				s.mixed = true
			}
			if err := exo.View(ctx, func(tx *store.Tx) error {
				org, _ = directory.GetOrganization(tx)
				return nil
			}); err != nil {
				return err
			}
		} else {
			s = &auditSession{query: query, command: command}
			if s.command == "" {
				s.command = returnNextPreviewPage
			}
			rs, o, err := unifiedRecords(ctx, start, end)
			if err != nil {
				return err
			}
			s.records, org = rs, o
			if !strings.EqualFold(s.command, returnLargeSet) {
				// Sorted on date, newest first; the log's order breaks ties.
				for i, j := 0, len(s.records)-1; i < j; i, j = i+1, j-1 {
					s.records[i], s.records[j] = s.records[j], s.records[i]
				}
			}
			if id != "" {
				sessions[id] = s
			}
		}
		count := s.limit()
		if id == "" && command == "" {
			// Without a session ResultCount tells how many matched in all.
			count = len(s.records)
		}
		for n := 0; n < size && s.next < s.limit(); n++ {
			r := s.records[s.next]
			s.next++
			if err := ctx.WriteObject(r.object(org, formatted, s.next, count)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}
