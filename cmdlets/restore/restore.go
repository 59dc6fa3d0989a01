// Package restore holds the Exchange Online mailbox restore request
// cmdlets: New-, Get-, Set-, Suspend-, Resume- and Remove-MailboxRestoreRequest
// and Get-MailboxRestoreRequestStatistics. A
// request copies a soft-deleted, inactive or disconnected on-premises
// mailbox into an existing mailbox; its progress follows the simulated
// clock (see package store).
package restore

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/restore"
	"github.com/exosim/exosim/store/seed"
)

// Type names of the objects this package writes.
const (
	TypeRequest    = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxRestoreRequest"
	TypeStatistics = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxRestoreRequestStatistics"
)

// Cmdlets declares the restore request cmdlets by name: a session builds
// one the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "New-MailboxRestoreRequest", Build: newRequest},
	{Name: "Get-MailboxRestoreRequest", Build: getRequest},
	{Name: "Get-MailboxRestoreRequestStatistics", Build: getStatistics},
	{Name: "Set-MailboxRestoreRequest", Build: setRequest},
	{Name: "Suspend-MailboxRestoreRequest", Build: suspendRequest},
	{Name: "Resume-MailboxRestoreRequest", Build: resumeRequest},
	{Name: "Remove-MailboxRestoreRequest", Build: removeRequest},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views: a table of Name, TargetMailbox and
// Status for requests, of Name, StatusDetail, TargetAlias and
// PercentComplete for statistics.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name: "MailboxRestoreRequest", TypeNames: []string{TypeRequest}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 20, Property: "Name"},
			{Label: "TargetMailbox", Width: 25, Property: "TargetMailbox"},
			{Label: "Status", Property: "Status"},
		},
	})
	r.Add(&format.View{
		Name: "MailboxRestoreRequestStatistics", TypeNames: []string{TypeStatistics}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 20, Property: "Name"},
			{Label: "StatusDetail", Width: 20, Property: "StatusDetail"},
			{Label: "TargetAlias", Width: 20, Property: "TargetAlias"},
			{Label: "PercentComplete", Property: "PercentComplete"},
		},
	})
}

// adminUPN is the acting administrator.
func adminUPN(tx *store.Tx) string {
	if org, err := directory.GetOrganization(tx); err == nil && org.AdminUPN != "" {
		return org.AdminUPN
	}
	return seed.AdminUPN
}

func guidOrNil(s string) any {
	if g, ok := object.ParseGuid(s); ok {
		return g
	}
	return nil
}

// requestObject is the MailboxRestoreRequest object of a request.
func requestObject(r *restore.RestoreRequest, p restore.RestoreProgress) *object.PSObject {
	o := object.NewObject(TypeRequest,
		"Deserialized.Microsoft.Exchange.Management.RecipientTasks.RequestBase",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	style := "IntraOrg"
	if r.SourceKind == restore.RestoreSourceDisconnected {
		style = "CrossOrg"
	}
	o.AddTyped("SourceMailbox", "System.String", r.SourceName)
	o.AddTyped("TargetMailbox", "System.String", r.TargetName)
	o.AddTyped("SourceDatabase", "System.String", exo.NilIfEmpty(r.SourceDatabase))
	o.AddTyped("TargetDatabase", "System.String", exo.NilIfEmpty(r.TargetDatabase))
	o.AddTyped("RemoteHostName", "System.String", exo.NilIfEmpty(r.RemoteHostName))
	o.AddTyped("BatchName", "System.String", r.BatchName)
	o.AddTyped("Status", "System.String", p.Status)
	o.AddTyped("Protect", "System.Boolean", false)
	o.AddTyped("Suspend", "System.Boolean", r.Suspended)
	o.AddTyped("Direction", "System.String", "Pull")
	o.AddTyped("RequestStyle", "System.String", style)
	o.AddTyped("RequestGuid", "System.Guid", guidOrNil(r.RequestGuid))
	o.AddTyped("RequestQueue", "System.String", exo.NilIfEmpty(r.TargetDatabase))
	o.AddTyped("Flags", "System.String", style+", Pull, Restore")
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("Identity", "System.String", r.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	id := r.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

// statisticsObject is the MailboxRestoreRequestStatistics object of a
// request at now.
func statisticsObject(r *restore.RestoreRequest, p restore.RestoreProgress, now time.Time, report bool) *object.PSObject {
	o := object.NewObject(TypeStatistics,
		"Deserialized.Microsoft.Exchange.Management.RecipientTasks.RequestStatisticsBase",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	style := "IntraOrg"
	if r.SourceKind == restore.RestoreSourceDisconnected {
		style = "CrossOrg"
	}
	var start, completed, failed any
	if p.PercentComplete > 0 || r.Outcome != "" {
		st := r.CreatedAt.Add(r.Duration / 100)
		if r.Duration/100 == 0 {
			st = r.CreatedAt
		}
		start = st
	}
	if r.CompletedAt != nil {
		completed = r.CompletedAt.UTC()
	}
	if r.FailedAt != nil {
		failed = r.FailedAt.UTC()
	}
	end := now
	switch {
	case r.CompletedAt != nil:
		end = *r.CompletedAt
	case r.FailedAt != nil:
		end = *r.FailedAt
	}
	overall := end.Sub(r.CreatedAt)
	if overall < 0 {
		overall = 0
	}
	running := r.Elapsed
	if r.RunningSince != nil && end.After(*r.RunningSince) {
		running += end.Sub(*r.RunningSince)
	}
	if running > r.Duration {
		running = r.Duration
	}
	suspended := overall - running
	if suspended < 0 {
		suspended = 0
	}
	perMinute := int64(0)
	if mins := running.Minutes(); mins > 0 {
		perMinute = int64(float64(p.BytesTransferred) / mins)
	}
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("Status", "System.String", p.Status)
	o.AddTyped("StatusDetail", "System.String", p.StatusDetail)
	o.AddTyped("SyncStage", "System.String", syncStage(p))
	o.AddTyped("Flags", "System.String", style+", Pull, Restore")
	o.AddTyped("RequestStyle", "System.String", style)
	o.AddTyped("Direction", "System.String", "Pull")
	o.AddTyped("Protect", "System.Boolean", false)
	o.AddTyped("Priority", "System.String", "Normal")
	o.AddTyped("WorkloadType", "System.String", "Local")
	o.AddTyped("Suspend", "System.Boolean", r.Suspended)
	o.AddTyped("SourceAlias", "System.String", r.SourceName)
	o.AddTyped("SourceExchangeGuid", "System.Guid", guidOrNil(r.SourceExchangeGuid))
	o.AddTyped("SourceRootFolder", "System.String", exo.NilIfEmpty(r.SourceRootFolder))
	o.AddTyped("SourceIsArchive", "System.Boolean", r.SourceIsArchive)
	o.AddTyped("SourceDatabase", "System.String", exo.NilIfEmpty(r.SourceDatabase))
	o.AddTyped("RemoteHostName", "System.String", exo.NilIfEmpty(r.RemoteHostName))
	o.AddTyped("TargetAlias", "System.String", r.TargetAlias)
	o.AddTyped("TargetExchangeGuid", "System.Guid", guidOrNil(r.TargetExchangeGuid))
	o.AddTyped("TargetRootFolder", "System.String", exo.NilIfEmpty(r.TargetRootFolder))
	o.AddTyped("TargetIsArchive", "System.Boolean", r.TargetIsArchive)
	o.AddTyped("TargetDatabase", "System.String", exo.NilIfEmpty(r.TargetDatabase))
	o.AddTyped("ExcludeDumpster", "System.Boolean", r.ExcludeDumpster)
	o.AddTyped("ConflictResolutionOption", "System.String", r.ConflictResolution)
	o.AddTyped("AllowLegacyDNMismatch", "System.Boolean", r.AllowLegacyDNMismatch)
	o.AddTyped("BatchName", "System.String", r.BatchName)
	o.AddTyped("BadItemsEncountered", "System.Int32", 0)
	o.AddTyped("LargeItemsEncountered", "System.Int32", 0)
	o.AddTyped("QueuedTimestamp", "System.DateTime", r.CreatedAt.UTC())
	o.AddTyped("StartTimestamp", "System.Nullable`1[[System.DateTime]]", start)
	o.AddTyped("LastUpdateTimestamp", "System.DateTime", r.WhenChanged.UTC())
	o.AddTyped("CompletionTimestamp", "System.Nullable`1[[System.DateTime]]", completed)
	o.AddTyped("SuspendedTimestamp", "System.Nullable`1[[System.DateTime]]", exo.TimeOrNil(r.SuspendedAt))
	o.AddTyped("OverallDuration", "System.TimeSpan", object.TimeSpan(overall/100))
	o.AddTyped("TotalSuspendedDuration", "System.TimeSpan", object.TimeSpan(suspended/100))
	o.AddTyped("TotalInProgressDuration", "System.TimeSpan", object.TimeSpan(running/100))
	o.AddTyped("EstimatedTransferSize", "System.String", directory.Quota(r.Bytes).String())
	o.AddTyped("EstimatedTransferItemCount", "System.UInt64", r.Items)
	o.AddTyped("BytesTransferred", "System.String", directory.Quota(p.BytesTransferred).String())
	o.AddTyped("BytesTransferredPerMinute", "System.String", directory.Quota(perMinute).String())
	o.AddTyped("ItemsTransferred", "System.UInt64", p.ItemsTransferred)
	o.AddTyped("PercentComplete", "System.Int32", p.PercentComplete)
	o.AddTyped("FailureType", "System.String", exo.NilIfEmpty(r.FailureType))
	o.AddTyped("FailureTimestamp", "System.Nullable`1[[System.DateTime]]", failed)
	msg := r.Message
	if p.SourceGone && msg == "" {
		msg = fmt.Sprintf("The source mailbox '%s' no longer exists.", r.SourceName)
	}
	o.AddTyped("Message", "System.String", msg)
	o.AddTyped("RequestGuid", "System.Guid", guidOrNil(r.RequestGuid))
	o.AddTyped("RequestQueue", "System.String", exo.NilIfEmpty(r.TargetDatabase))
	o.AddTyped("Identity", "System.String", r.Identity())
	var rep any
	if report {
		lines := make([]string, 0, len(r.Report))
		for _, e := range r.Report {
			lines = append(lines, object.FormatDateTime(e.Time, "M/d/yyyy h:mm:ss tt")+" "+e.Text)
		}
		rep = strings.Join(lines, "\n")
	}
	o.AddTyped("Report", "System.String", rep)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	id := r.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

func syncStage(p restore.RestoreProgress) string {
	switch p.Status {
	case restore.RestoreCompleted:
		return "SyncFinished"
	case restore.RestoreInProgress:
		return "CopyingMessages"
	case restore.RestoreFailed:
		return "Failed"
	}
	return "None"
}
