package graph

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Microsoft 365 usage reports (Microsoft.Graph.Reports and its beta twin):
// the mailbox usage and email activity detail reports, written as the CSV
// files the service hands out, and the tenant's report setting that
// conceals user names in every report. The reports are computed from the
// tenant: mailbox sizes, item counts and quotas as the statistics cmdlets
// show them; mail sent and received from the message trace. The tenant
// keeps no record of mail being read or of meetings, so those counts are
// 0 and the email activity report says so in a warning. The reports
// describe the day before the simulated clock's date (the service
// compiles them from complete days).

// Report modules and types.
const (
	ModuleReports     = "Microsoft.Graph.Reports"
	ModuleBetaReports = "Microsoft.Graph.Beta.Reports"

	TypeAdminReportSettings     = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAdminReportSettings"
	TypeBetaAdminReportSettings = "Microsoft.Graph.Beta.PowerShell.Models.MicrosoftGraphAdminReportSettings"
)

// mailboxUsageColumns are the columns of the mailbox usage detail CSV.
var mailboxUsageColumns = []string{
	"Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted", "Deleted Date", "Created Date",
	"Last Activity Date", "Item Count", "Storage Used (Byte)", "Issue Warning Quota (Byte)", "Prohibit Send Quota (Byte)",
	"Prohibit Send/Receive Quota (Byte)", "Deleted Item Count", "Deleted Item Size (Byte)", "Deleted Item Quota (Byte)",
	"Has Archive", "Report Period",
}

// reportCommands builds the report cmdlets, declared as one group
// (Cmdlets).
func reportCommands() []*command.Command {
	return []*command.Command{
		getReportMailboxUsageDetail("Get-MgReportMailboxUsageDetail", ModuleReports),
		getReportMailboxUsageDetail("Get-MgBetaReportMailboxUsageDetail", ModuleBetaReports),
		getReportEmailActivityUserDetail("Get-MgReportEmailActivityUserDetail", ModuleReports),
		getReportEmailActivityUserDetail("Get-MgBetaReportEmailActivityUserDetail", ModuleBetaReports),
		getAdminReportSetting("Get-MgAdminReportSetting", ModuleReports, TypeAdminReportSettings),
		getAdminReportSetting("Get-MgBetaAdminReportSetting", ModuleBetaReports, TypeBetaAdminReportSettings),
		updateAdminReportSetting("Update-MgAdminReportSetting", ModuleReports),
		updateAdminReportSetting("Update-MgBetaAdminReportSetting", ModuleBetaReports),
	}
}

// concealedNames reports whether the tenant's reports conceal user names.
func concealedNames(tx *store.Tx) bool {
	return directory.ReportsConcealNames(tx)
}

// concealed is the stand-in a report shows for a user name when names are
// concealed: the same 32 hexadecimal digits for the same name.
func concealed(name string) string {
	h := fnv.New128a()
	h.Write([]byte(strings.ToLower(name)))
	return strings.ToUpper(fmt.Sprintf("%x", h.Sum(nil)))
}

// reportPeriod checks a -Period value (D7, D30, D90 or D180) and returns
// its number of days.
func reportPeriod(s string) (int, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "D7":
		return 7, true
	case "D30":
		return 30, true
	case "D90":
		return 90, true
	case "D180":
		return 180, true
	}
	return 0, false
}

// badPeriod is the service's refusal of a period it does not know (the
// wording is the simulator's).
func badPeriod(p string) *serviceError {
	return &serviceError{Status: 400, Reason: "BadRequest", Code: "BadRequest",
		Message: fmt.Sprintf("Invalid value '%s' for the period parameter. Valid values are D7, D30, D90 and D180.", p)}
}

func reportParams() []*params.Param {
	get := params.InSets(params.Set("Get", true, -1))
	return append([]*params.Param{
		params.P("Period", params.TString, get, params.Help("The length of time over which the report is aggregated: D7, D30, D90 or D180.")),
		params.P("InputObject", params.TObject, params.InSets(params.SetInfo{Set: "GetViaIdentity", Mandatory: true, Position: -1, FromPipeline: true}),
			params.Help("Identity parameter: an object with a Period property.")),
		params.P("OutFile", params.TString, params.Mandatory(), params.Help("Path to write the report's CSV file to.")),
		params.P("PassThru", params.TSwitch, params.Help("Returns true when the command succeeds.")),
	}, commonParams()...)
}

// writeReport writes the CSV text of a report to -OutFile.
func writeReport(ctx *command.Context, header []string, rows [][]string) error {
	var b strings.Builder
	b.WriteString("\ufeff")
	writeCSVLine(&b, header)
	for _, r := range rows {
		writeCSVLine(&b, r)
	}
	path := ctx.String("OutFile")
	if _, err := provider.WriteFile(runtime.Of(ctx).Files(), path, []byte(b.String()), false); err != nil {
		var fe *provider.FileError
		if errors.As(err, &fe) {
			rec := ctx.NewError(fe.Message, fe.Exception, fe.Category, fe.Exception, path)
			rec.Activity, rec.Reason = variant(ctx), variant(ctx)
			return ctx.Fail(rec)
		}
		return err
	}
	if ctx.Switch("PassThru") {
		return ctx.WriteObject(true)
	}
	return nil
}

// writeCSVLine writes one CSV record; fields holding a comma, a quote or
// a line break are quoted.
func writeCSVLine(b *strings.Builder, fields []string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if strings.ContainsAny(f, ",\"\r\n") {
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		} else {
			b.WriteString(f)
		}
	}
	b.WriteString("\r\n")
}

func reportDate(t time.Time) string { return t.UTC().Format("2006-01-02") }

func quotaBytes(q directory.Quota) string {
	if q.IsUnlimited() {
		return ""
	}
	return strconv.FormatInt(q.Bytes(), 10)
}

func getReportMailboxUsageDetail(name, module string) *command.Command {
	c := cmd(name, module, strings.ReplaceAll(name, "-", "")+"_Get")
	c.Synopsis = "Writes the mailbox usage detail report (sizes, item counts, quotas, last activity per mailbox) to a CSV file."
	c.Description = "One row per mailbox of the tenant, and per mailbox deleted within the period (Is Deleted True). Storage, items and deleted items are those of the primary mailbox; Last Activity Date is the last day the user sent mail. User names are concealed while the tenant's report setting DisplayConcealedNames is true (see Get-MgAdminReportSetting)."
	c.Sets = []string{"Get", "GetViaIdentity"}
	c.DefaultSet = "Get"
	c.Params = reportParams()
	c.Examples = []command.Example{
		{Code: name + " -Period D30 -OutFile usage.csv; Import-Csv usage.csv | Sort-Object {[long]$_.'Storage Used (Byte)'} -Descending | Select-Object -First 5 'User Principal Name', 'Storage Used (Byte)'",
			Remark: "Lists the five largest mailboxes."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		period := ctx.String("Period")
		if ctx.ParameterSet == "GetViaIdentity" {
			period = object.ToInvariantString(member(ctx.Value("InputObject"), "Period"))
		}
		days, ok := reportPeriod(period)
		if !ok {
			return writeServiceError(ctx, badPeriod(period), period)
		}
		var rows [][]string
		if err := exo.View(ctx, func(tx *store.Tx) error {
			var err error
			rows, err = mailboxUsageRows(tx, days)
			return err
		}); err != nil {
			return err
		}
		return writeReport(ctx, mailboxUsageColumns, rows)
	}
	return c
}

// mailboxUsageRows builds the rows of the mailbox usage detail report.
func mailboxUsageRows(tx *store.Tx, days int) ([][]string, error) {
	refresh := tx.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -1)
	from := refresh.AddDate(0, 0, -days+1)
	conceal := concealedNames(tx)
	lastSent := map[string]time.Time{}
	if err := ome.ForEachTrace(tx, "", func(_ string, r *ome.TraceRecord) error {
		k := strings.ToLower(r.SenderAddress)
		if r.Received.After(lastSent[k]) {
			lastSent[k] = r.Received
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var rows [][]string
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if m.IsMailUser() {
			return nil
		}
		deleted := ""
		switch m.LifecycleState {
		case directory.StateActive, directory.StateUnlicensedGrace, "":
		default:
			if m.WhenSoftDeleted == nil || m.WhenSoftDeleted.Before(from) {
				return nil
			}
			deleted = reportDate(*m.WhenSoftDeleted)
		}
		c, err := directory.GetMailboxContent(tx, m.Guid)
		if err != nil {
			return err
		}
		items, size, recItems, recSize := directory.Totals(c.Primary)
		upn, display := m.UserPrincipalName, m.DisplayName
		if conceal {
			upn, display = concealed(m.UserPrincipalName), concealed(m.DisplayName)
		}
		last := ""
		if t, ok := lastSent[strings.ToLower(m.PrimarySmtpAddress)]; ok && !t.After(refresh.Add(24*time.Hour)) {
			last = reportDate(t)
		}
		rows = append(rows, []string{
			reportDate(refresh), upn, display, boolText(deleted != ""), deleted,
			reportDate(m.WhenMailboxCreated), last,
			strconv.FormatInt(items, 10), strconv.FormatInt(size, 10),
			quotaBytes(m.IssueWarningQuota), quotaBytes(m.ProhibitSendQuota), quotaBytes(m.ProhibitSendReceiveQuota),
			strconv.FormatInt(recItems, 10), strconv.FormatInt(recSize, 10), quotaBytes(m.RecoverableItemsQuota),
			boolText(m.ArchiveStatus == "Active"), strconv.Itoa(days),
		})
		return nil
	})
	sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i][1]) < strings.ToLower(rows[j][1]) })
	return rows, err
}

// boolText is a Boolean as the report CSV spells it.
func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// adminReportSettingsObject is the tenant's report setting.
func adminReportSettingsObject(typeName string, conceal bool) *object.PSObject {
	iface := strings.Replace(typeName, "Models.MicrosoftGraph", "Models.IMicrosoftGraph", 1)
	o := object.NewObject(typeName, iface, "System.Object")
	o.AddTyped("DisplayConcealedNames", "System.Nullable`1[[System.Boolean]]", conceal)
	o.AddTyped("Id", "System.String", nil)
	o.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	o.ToStringFunc = func() string { return typeName }
	return o
}

func getAdminReportSetting(name, module, typeName string) *command.Command {
	c := cmd(name, module, strings.ReplaceAll(name, "-", "")+"_Get")
	c.Synopsis = "Shows whether the usage reports conceal user, group and site names (DisplayConcealedNames)."
	c.Description = "A new tenant conceals the names in its usage reports; Update-MgAdminReportSetting changes the setting."
	c.OutputType = typeName
	c.Params = append([]*params.Param{
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	}, commonParams()...)
	c.Examples = []command.Example{{Code: "(" + name + ").DisplayConcealedNames", Remark: "Shows whether report names are concealed."}}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		var conceal bool
		if err := exo.View(ctx, func(tx *store.Tx) error {
			conceal = concealedNames(tx)
			return nil
		}); err != nil {
			return err
		}
		return ctx.WriteObject(adminReportSettingsObject(typeName, conceal))
	}
	return c
}

func updateAdminReportSetting(name, module string) *command.Command {
	c := cmd(name, module, strings.ReplaceAll(name, "-", "")+"_UpdateExpanded")
	c.Synopsis = "Changes whether the usage reports conceal user names (-DisplayConcealedNames, or -BodyParameter @{displayConcealedNames=...})."
	c.Sets = []string{"UpdateExpanded", "Update"}
	c.DefaultSet = "UpdateExpanded"
	c.SupportsShouldProcess = true
	c.Params = append([]*params.Param{
		params.P("BodyParameter", params.TObject, params.InSets(params.Set("Update", true, -1)), params.Help("The report settings: a hashtable or object with displayConcealedNames.")),
		params.P("DisplayConcealedNames", params.TSwitch, params.InSets(params.Set("UpdateExpanded", false, -1)), params.Help("Whether the reports conceal user names.")),
		params.P("AdditionalProperties", params.THashtable, params.InSets(params.Set("UpdateExpanded", false, -1)), params.Help("Additional Parameters.")),
		params.P("Id", params.TString, params.InSets(params.Set("UpdateExpanded", false, -1)), params.Help("The unique identifier for an entity.")),
		params.P("PassThru", params.TSwitch, params.Help("Returns true when the command succeeds.")),
	}, commonParams()...)
	c.Examples = []command.Example{{Code: name + " -BodyParameter @{ displayConcealedNames = $false }", Remark: "Shows real user names in the usage reports."}}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		var value any
		set := false
		if ctx.ParameterSet == "Update" {
			value = member(ctx.Value("BodyParameter"), "displayConcealedNames")
			set = value != nil
		} else if ctx.Has("DisplayConcealedNames") {
			value, set = ctx.Switch("DisplayConcealedNames"), true
		}
		if !set {
			return nil
		}
		conceal, err := runtime.Of(ctx).ConvertTo(value, "bool")
		if err != nil {
			return writeServiceError(ctx, &serviceError{Status: 400, Reason: "BadRequest", Code: "BadRequest",
				Message: "Cannot convert the literal '" + object.ToInvariantString(value) + "' to the expected type 'Edm.Boolean'."}, value)
		}
		if ok, err := ctx.ShouldProcess("", name); err != nil || !ok {
			return err
		}
		if !rbac.IsOrgAdmin(runtime.Of(ctx)) {
			return writeServiceError(ctx, forbidden(), nil)
		}
		if err := exo.Update(ctx, func(tx *store.Tx) error {
			return directory.SetReportsConcealNames(tx, conceal.(bool))
		}); err != nil {
			return err
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(true)
		}
		return nil
	}
	return c
}

// emailActivityColumns are the columns of the email activity user detail
// CSV.
var emailActivityColumns = []string{
	"Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted", "Deleted Date", "Last Activity Date",
	"Send Count", "Receive Count", "Read Count", "Meeting Created Count", "Meeting Interacted Count", "Assigned Products",
	"Report Period",
}

// productNames are the names the usage reports give licence SKUs.
var productNames = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"SPE_E5": "MICROSOFT 365 E5", "SPE_E3": "MICROSOFT 365 E3", "ENTERPRISEPACK": "OFFICE 365 E3",
		"ENTERPRISEPREMIUM": "OFFICE 365 E5", "STANDARDPACK": "OFFICE 365 E1", "EXCHANGESTANDARD": "EXCHANGE ONLINE (PLAN 1)",
		"EXCHANGEENTERPRISE": "EXCHANGE ONLINE (PLAN 2)", "SPB": "MICROSOFT 365 BUSINESS PREMIUM",
		"O365_BUSINESS_PREMIUM": "MICROSOFT 365 BUSINESS STANDARD", "O365_BUSINESS_ESSENTIALS": "MICROSOFT 365 BUSINESS BASIC",
	}
}}

func getReportEmailActivityUserDetail(name, module string) *command.Command {
	c := cmd(name, module, strings.ReplaceAll(name, "-", "")+"_Get")
	c.Synopsis = "Writes the email activity report (mail sent and received per user) to a CSV file."
	c.Description = "One row per user mailbox, and per user deleted within the period. Send Count counts the messages the user sent, Receive Count the messages delivered to the user, from the message trace; -Date gives the counts of one day. The tenant keeps no record of reading or meetings: Read Count and the meeting counts are 0, and a warning says so."
	c.Sets = []string{"Get", "Get1", "GetViaIdentity"}
	c.DefaultSet = "Get"
	c.Params = append(reportParams(),
		params.P("Date", params.TDateTime, params.InSets(params.Set("Get1", true, -1)), params.Help("The day whose activity the report shows (within the last 30 days).")))
	c.Examples = []command.Example{
		{Code: name + " -Period D7 -OutFile activity.csv; Import-Csv activity.csv | Select-Object 'User Principal Name', 'Send Count', 'Receive Count'",
			Remark: "Shows how much mail each user sent and received in the last week."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		days, one := 0, time.Time{}
		switch ctx.ParameterSet {
		case "Get1":
			one = ctx.Value("Date").(time.Time)
			days = 1
		default:
			period := ctx.String("Period")
			if ctx.ParameterSet == "GetViaIdentity" {
				period = object.ToInvariantString(member(ctx.Value("InputObject"), "Period"))
			}
			var ok bool
			if days, ok = reportPeriod(period); !ok {
				return writeServiceError(ctx, badPeriod(period), period)
			}
		}
		var rows [][]string
		if err := exo.View(ctx, func(tx *store.Tx) error {
			var err error
			rows, err = emailActivityRows(tx, days, one)
			return err
		}); err != nil {
			return err
		}
		ctx.WriteWarning("exosim keeps no record of mail being read or of meetings: Read Count, Meeting Created Count and Meeting Interacted Count are 0.")
		return writeReport(ctx, emailActivityColumns, rows)
	}
	return c
}

// emailActivityRows builds the email activity rows over the period ending
// on the report date (or over one day when day is set).
func emailActivityRows(tx *store.Tx, days int, day time.Time) ([][]string, error) {
	refresh := tx.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -1)
	from, until := refresh.AddDate(0, 0, -days+1), refresh.Add(24*time.Hour)
	period := strconv.Itoa(days)
	if !day.IsZero() {
		from = day.UTC().Truncate(24 * time.Hour)
		until = from.Add(24 * time.Hour)
	}
	type activity struct {
		sent     map[string]bool
		received int
		last     time.Time
	}
	acts := map[string]*activity{}
	get := func(addr string) *activity {
		k := strings.ToLower(addr)
		if acts[k] == nil {
			acts[k] = &activity{sent: map[string]bool{}}
		}
		return acts[k]
	}
	if err := ome.ForEachTrace(tx, "", func(_ string, r *ome.TraceRecord) error {
		if r.Received.Before(from) || !r.Received.Before(until) {
			return nil
		}
		s := get(r.SenderAddress)
		s.sent[r.MessageTraceID] = true
		if r.Received.After(s.last) {
			s.last = r.Received
		}
		if r.Status == ome.TraceDelivered {
			get(r.RecipientAddress).received++
		}
		return nil
	}); err != nil {
		return nil, err
	}
	conceal := concealedNames(tx)
	var rows [][]string
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if m.RecipientTypeDetails != directory.RecipientUserMailbox {
			return nil
		}
		deleted := ""
		switch m.LifecycleState {
		case directory.StateActive, directory.StateUnlicensedGrace, "":
		default:
			if m.WhenSoftDeleted == nil || m.WhenSoftDeleted.Before(from) {
				return nil
			}
			deleted = reportDate(*m.WhenSoftDeleted)
		}
		a := get(m.PrimarySmtpAddress)
		last := ""
		if !a.last.IsZero() {
			last = reportDate(a.last)
		}
		var products []string
		if u, err := directory.LinkedUser(tx, m); err == nil && u != nil {
			for _, sku := range u.Licenses {
				if n, ok := productNames.Get()[strings.ToUpper(sku)]; ok {
					sku = n
				}
				products = append(products, sku)
			}
		}
		upn, display := m.UserPrincipalName, m.DisplayName
		if conceal {
			upn, display = concealed(m.UserPrincipalName), concealed(m.DisplayName)
		}
		rows = append(rows, []string{
			reportDate(refresh), upn, display, boolText(deleted != ""), deleted, last,
			strconv.Itoa(len(a.sent)), strconv.Itoa(a.received), "0", "0", "0",
			strings.Join(products, "+"), period,
		})
		return nil
	})
	sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i][1]) < strings.ToLower(rows[j][1]) })
	return rows, err
}
