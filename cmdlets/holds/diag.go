package holds

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mrm"
)

// TypeMailboxDiagnosticLogs is the output type of Export-MailboxDiagnosticLogs.
const TypeMailboxDiagnosticLogs = "Deserialized.Microsoft.Exchange.Management.StoreTasks.MailboxDiagnosticLogs"

// diagnosticComponents are the documented component names of
// Export-MailboxDiagnosticLogs, as the reference spells them. The
// simulator keeps the logs of the first three.
var diagnosticComponents = []string{
	"HoldTracking", "SubstrateHoldTracking", "MRM",
	"AcceptCalendarSharingInvite", "ActionProcessingAgent", "BirthdayAssistant", "CalendarPermissions",
	"CalendarSharingInvite", "CalendarSharingLocalFolder", "DefaultViewIndexer", "FreeBusyPublishingAssistantQuickLog",
	"InternetCalendar", "InternalCalendarSharingMigration", "OnlineMeetings", "OOFRules", "RBA",
	"RemindersAssistant", "Sharing", "SharingMigrationAssistant", "SharingSyncAssistant", "SweepRules", "TimeProfile",
}

// diagTime is how the logs write a time: UTC with seven fractional digits
// and a Z; the minimum value (a hold that has not ended) has no zone.
func diagTime(t *time.Time) string {
	if t == nil {
		return "0001-01-01T00:00:00.0000000"
	}
	return t.UTC().Format("2006-01-02T15:04:05.0000000Z")
}

// trackingEntry is one element of the HoldTracking JSON array; the keys
// are the service's abbreviations, in its order.
type trackingEntry struct {
	End           string `json:"ed"`
	HoldID        string `json:"hid"`
	HoldType      int    `json:"ht"`
	LastStart     string `json:"lsd"`
	OriginalStart string `json:"osd"`
}

// trackingJSON is a hold tracking log as the MailboxLog text: a JSON
// array, "[]" when nothing was tracked.
func trackingJSON(log []mrm.TrackedHold) string {
	out := make([]trackingEntry, 0, len(log))
	for _, h := range log {
		out = append(out, trackingEntry{End: diagTime(h.End), HoldID: h.ID, HoldType: h.Type,
			LastStart: diagTime(&h.LastStart), OriginalStart: diagTime(&h.OriginalStart)})
	}
	data, _ := json.Marshal(out)
	return string(data)
}

// usDate is the en-US general date and time the mailbox table shows.
func usDate(t time.Time) string { return t.UTC().Format("1/2/2006 3:04:05 PM") }

// extendedPropertiesXML is the -ExtendedProperties MailboxLog: the
// mailbox table's well-known properties as <Property> name/value pairs.
// The assistant's properties are there once a pass has processed the
// mailbox.
func extendedPropertiesXML(m *directory.Mailbox, c *directory.MailboxContent, d *mrm.MailboxDiagnostics, last time.Time) string {
	var b strings.Builder
	prop := func(name, value string) {
		b.WriteString("<Property>\n<Name>" + name + "</Name>\n<Value>" + xmlEscape(value) + "</Value>\n</Property>\n")
	}
	b.WriteString("<Properties>\n<MailboxTable>\n")
	items, size, recItems, recSize := directory.Totals(c.Primary)
	prop("MailboxGuid", m.ExchangeGuid)
	prop("DisplayName", m.DisplayName)
	prop("MessageCount", fmt.Sprint(items+recItems))
	prop("MessageSize", fmt.Sprint(size+recSize))
	prop("DeletedMessageCount", fmt.Sprint(recItems))
	prop("IsInactiveMailbox", boolText(m.IsInactiveMailbox))
	prop("LitigationHoldEnabled", boolText(m.LitigationHoldEnabled))
	if !last.IsZero() {
		prop("ELCLastSuccessTimestamp", usDate(last))
		prop("DumpsterExpirationLastSuccessRunTimestamp", usDate(last))
		run := d.LastRun
		if run == nil || run.At.Before(last) {
			// the last pass changed nothing: its figures are zero
			run = &mrm.AssistantRun{At: last}
		}
		prop("ElcLastRunTotalProcessingTime", fmt.Sprint(run.ProcessingTime))
		prop("ElcLastRunSubAssistantProcessingTime", fmt.Sprint(run.ProcessingTime/3))
		prop("ElcLastRunUpdatedFolderCount", fmt.Sprint(run.FolderCount))
		prop("ElcLastRunTaggedFolderCount", fmt.Sprint(run.FolderCount))
		prop("ElcLastRunUpdatedItemCount", fmt.Sprint(run.DeletedFromRoot+run.ArchivedFromRoot))
		prop("ElcLastRunTaggedWithArchiveItemCount", fmt.Sprint(run.ArchivedFromRoot))
		prop("ElcLastRunTaggedWithExpiryItemCount", fmt.Sprint(run.DeletedFromRoot))
		prop("ElcLastRunDeletedFromRootItemCount", fmt.Sprint(run.DeletedFromRoot))
		prop("ElcLastRunDeletedFromDumpsterItemCount", fmt.Sprint(run.DeletedFromDumpster))
		prop("ElcLastRunArchivedFromRootItemCount", fmt.Sprint(run.ArchivedFromRoot))
		prop("ElcLastRunArchivedFromDumpsterItemCount", "0")
		prop("ElcFaiSaveStatus", "SaveSucceeded")
		prop("ElcFaiDeleteStatus", "DeleteNotAttempted")
	}
	b.WriteString("</MailboxTable>\n</Properties>")
	return b.String()
}

func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

var xmlEscaper = lazy.Value[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
}}

func xmlEscape(s string) string { return xmlEscaper.Get().Replace(s) }

// mrmLog is the MRM component's MailboxLog: the last pass of the Managed
// Folder Assistant over the mailbox, one line per figure after a line
// with its time; empty when no pass has processed the mailbox. The
// simulated assistant never fails, so the log holds no exception.
func mrmLog(d *mrm.MailboxDiagnostics, last time.Time) string {
	if last.IsZero() {
		return ""
	}
	run := d.LastRun
	if run == nil || run.At.Before(last) {
		run = &mrm.AssistantRun{At: last}
	}
	return fmt.Sprintf("%s Managed Folder Assistant processed the mailbox successfully.\nELCItemCount: %d\nELCDeletedItemCount: %d\nELCArchivedItemCount: %d\nELCPurgedFromDumpsterItemCount: %d\nELCProcessingTimeMs: %d",
		usDate(last), run.ItemCount, run.DeletedFromRoot, run.ArchivedFromRoot, run.DeletedFromDumpster, run.ProcessingTime)
}

func exportMailboxDiagnosticLogs() *command.Command {
	c := exo.Declared("Export-MailboxDiagnosticLogs")
	exo.Describe(c, map[string]string{
		"Identity":                 "The mailbox: name, alias, address, DistinguishedName or GUID.",
		"ComponentName":            "The log to read: HoldTracking, SubstrateHoldTracking or MRM (other documented components have no simulated log).",
		"ExtendedProperties":       "Returns the mailbox table's well-known properties as XML (ELCLastSuccessTimestamp and the assistant's last-run figures among them); the properties of user activity (LastLogonTime, LastUserActionWorkloadAggregateTime and the like) are not there, as the simulated tenant keeps no record of it.",
		"IncludeInactiveMailboxes": "Also finds inactive mailboxes.",
		"ResultSize":               "Maximum number of results (default 1000, or Unlimited); one log is one result.",
	})
	c.OutputType = TypeMailboxDiagnosticLogs
	c.Synopsis = "Reads a mailbox's diagnostic logs: the hold tracking logs, the Managed Folder Assistant's MRM log, or the mailbox table's extended properties."
	c.Description = "The logs are written by the Managed Folder Assistant when it processes the mailbox (Start-ManagedFolderAssistant, or its scheduled pass when the simulated clock reaches a new day). " +
		"MailboxLog of HoldTracking and SubstrateHoldTracking is a JSON array, one entry per hold the assistant has seen: hid (hold ID), ht (hold type: 0 Litigation Hold, 1 In-Place or eDiscovery hold, " +
		"2 retention label hold, 3 delay hold, 4 organization-wide retention policy, 5 retention policy, 6 app retention policy), osd and lsd (first and last start) and ed (end; 0001-01-01 while the hold is in place). " +
		"With -ExtendedProperties, MailboxLog is XML for [xml]."
	c.Examples = []command.Example{
		{Code: "(Export-MailboxDiagnosticLogs annb -ComponentName HoldTracking).MailboxLog | ConvertFrom-Json", Remark: "Shows the holds the assistant has tracked on Ann Beebe's mailbox."},
		{Code: "$x = [xml](Export-MailboxDiagnosticLogs annb -ExtendedProperties).MailboxLog; $x.Properties.MailboxTable.Property | Where-Object Name -like 'ELC*'",
			Remark: "Shows when the Managed Folder Assistant last processed the mailbox and what it did."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		component := ""
		if !ctx.Switch("ExtendedProperties") {
			want := strings.TrimSpace(ctx.String("ComponentName"))
			for _, n := range diagnosticComponents {
				if strings.EqualFold(n, want) {
					component = n
				}
			}
			switch {
			case component == "":
				return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The component name '%s' isn't valid. Valid values are: %s.", want, strings.Join(diagnosticComponents, ", ")), want))
			case component != "HoldTracking" && component != "SubstrateHoldTracking" && component != "MRM":
				rec := ctx.NewError(fmt.Sprintf("The %s diagnostic log is real, but exosim keeps no %s log: the call was not run.", component, component),
					"ComponentNotSimulated", object.NotImplemented, "NotImplementedException", component)
				rec.ExceptionFullType = "System.NotImplementedException"
				return ctx.Fail(rec)
			}
		}
		id, shown := mailboxIdentity(ctx.Value("Identity"))
		scope := directory.ScopeActive
		if ctx.Switch("IncludeInactiveMailboxes") {
			scope = directory.ScopeIncludeInactive
		}
		var out *object.PSObject
		var rec *object.ErrorRecord
		if done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var m *directory.Mailbox
			var err error
			if m, rec, err = mailbox.ResolveOne(ctx, tx, id, shown, scope, true); err != nil || rec != nil {
				return rec, err
			}
			d, last, err := mrm.MailboxDiagnosticsOf(tx, m)
			if err != nil {
				return rec, err
			}
			var text string
			switch component {
			case "HoldTracking":
				text = trackingJSON(d.Holds)
			case "SubstrateHoldTracking":
				text = trackingJSON(d.SubstrateHolds)
			case "MRM":
				text = mrmLog(d, last)
			default:
				content, err := directory.GetMailboxContent(tx, m.Guid)
				if err != nil {
					return rec, err
				}
				text = extendedPropertiesXML(m, content, d, last)
			}
			out = object.NewObject(TypeMailboxDiagnosticLogs, "Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
			out.AddTyped("MailboxLog", "System.String", text)
			out.AddTyped("Identity", "System.String", m.Identity())
			out.AddTyped("IsValid", "System.Boolean", true)
			out.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "New")
			return rec, nil
		}); err != nil || !done {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}
