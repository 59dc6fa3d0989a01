// Package restore holds the Exchange Online mailbox restore request
// cmdlets: New-, Get-, Set-, Suspend-, Resume- and Remove-MailboxRestoreRequest
// and Get-MailboxRestoreRequestStatistics. A
// request copies a soft-deleted, inactive or disconnected on-premises
// mailbox into an existing mailbox; its progress follows the simulated
// clock (see package store).
package restore

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/onprem"
	"github.com/exosim/exosim/store/restore"
	"github.com/exosim/exosim/store/seed"
)

// Type names of the objects this package writes.
const (
	TypeRequest    = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxRestoreRequest"
	TypeStatistics = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxRestoreRequestStatistics"
)

// Exception types of the errors this package writes.
const (
	exRecipientTask = "Microsoft.Exchange.Management.RecipientTasks.RecipientTaskException"
	exNameInUse     = "Microsoft.Exchange.MailboxReplicationService.NameMustBeUniquePermanentException"
	exRemote        = "Microsoft.Exchange.MailboxReplicationService.RemotePermanentException"
)

// Commands returns the restore request cmdlets.
func Commands() []*runtime.Command {
	return []*runtime.Command{
		runtime.Lazy("New-MailboxRestoreRequest", newRequest),
		runtime.Lazy("Get-MailboxRestoreRequest", getRequest),
		runtime.Lazy("Get-MailboxRestoreRequestStatistics", getStatistics),
		runtime.Lazy("Set-MailboxRestoreRequest", setRequest),
		runtime.Lazy("Suspend-MailboxRestoreRequest", suspendRequest),
		runtime.Lazy("Resume-MailboxRestoreRequest", resumeRequest),
		runtime.Lazy("Remove-MailboxRestoreRequest", removeRequest),
	}
}

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

// errRollback aborts a write transaction after an error record was made.
var errRollback = errors.New("rollback")

// update runs fn in one write transaction; a returned record rolls it back
// and is written as a non-terminating error.
func update(ctx *runtime.Context, fn func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	var rec *object.ErrorRecord
	err := exo.Update(ctx, func(tx *store.Tx) error {
		r, err := fn(tx)
		if err != nil {
			return err
		}
		if r != nil {
			rec = r
			return errRollback
		}
		return nil
	})
	if rec != nil {
		return false, ctx.WriteError(rec)
	}
	return err == nil, err
}

// restoreError words a refusal of the store.
func restoreError(ctx *runtime.Context, err error) *object.ErrorRecord {
	var re *restore.RestoreError
	if !errors.As(err, &re) {
		return nil
	}
	id := re.Identity
	switch re.Reason {
	case restore.RestoreSourceNotFound, restore.RestoreTargetNotFound:
		if re.Detail != "" {
			// a store mailbox is looked up in its on-premises database
			return exo.NotFoundOn(ctx, id, re.Detail)
		}
		return exo.NotFound(ctx, id)
	case restore.RestoreAmbiguous:
		return exo.Ambiguous(ctx, id)
	case restore.RestoreAutoExpandingSource:
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' has an auto-expanding archive. Restoring a mailbox with an auto-expanding archive isn't supported.", id), object.InvalidOperation, id)
	case restore.RestoreLargeTargetArchive:
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The archive of the target mailbox '%s' is an auto-expanding (large) archive. Restoring into a large archive isn't supported.", id), object.InvalidOperation, id)
	case restore.RestoreNoSourceArchive:
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The source mailbox '%s' doesn't have an archive, so the SourceIsArchive switch can't be used.", id), object.InvalidArgument, id)
	case restore.RestoreNoTargetArchive:
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The target mailbox '%s' doesn't have an archive, so the TargetIsArchive switch can't be used.", id), object.InvalidArgument, id)
	case restore.RestoreLegacyDNMismatch:
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The LegacyExchangeDN of the source mailbox, '%s', isn't the LegacyExchangeDN of the target mailbox '%s' or one of its X500 proxy addresses. Add it to the target as an X500 proxy address, or run the command again with the AllowLegacyDNMismatch switch.", re.Detail, id), object.InvalidArgument, id)
	case restore.RestoreNameInUse:
		return exo.Error(ctx, exNameInUse, fmt.Sprintf("A restore request named '%s' already exists. Use a different Name.", id), object.ResourceExists, id)
	case restore.RestoreNoFreeName:
		return exo.Error(ctx, exNameInUse, fmt.Sprintf("The target mailbox '%s' already has %d restore requests with automatic names. Use the Name parameter, or remove requests you no longer need with Remove-MailboxRestoreRequest.", id, restore.MaxAutoRestoreNames), object.LimitsExceeded, id)
	case restore.RestoreRemoteHost:
		return exo.Error(ctx, exRemote, fmt.Sprintf("The remote server '%s' couldn't be reached. Use the FQDN of an on-premises Exchange server of your organization.", id), object.ConnectionError, id)
	case restore.RestoreRemoteDatabase:
		return exo.Error(ctx, exRemote, fmt.Sprintf("The mailbox database '%s' couldn't be found on the remote server '%s'.", id, onprem.ServerFqdn), object.ObjectNotFound, id)
	case restore.RestoreNotSuspended:
		return exo.InvalidOperation(ctx, fmt.Sprintf("The restore request '%s' isn't suspended, so it can't be resumed.", id), id)
	case restore.RestoreFinished:
		return exo.InvalidOperation(ctx, fmt.Sprintf("The restore request '%s' has already finished (%s).", id, re.Detail), id)
	}
	return exo.Error(ctx, exRecipientTask, err.Error(), object.InvalidOperation, id)
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

func strOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func timeOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
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
	o.AddTyped("SourceDatabase", "System.String", strOrNil(r.SourceDatabase))
	o.AddTyped("TargetDatabase", "System.String", strOrNil(r.TargetDatabase))
	o.AddTyped("RemoteHostName", "System.String", strOrNil(r.RemoteHostName))
	o.AddTyped("BatchName", "System.String", r.BatchName)
	o.AddTyped("Status", "System.String", p.Status)
	o.AddTyped("Protect", "System.Boolean", false)
	o.AddTyped("Suspend", "System.Boolean", r.Suspended)
	o.AddTyped("Direction", "System.String", "Pull")
	o.AddTyped("RequestStyle", "System.String", style)
	o.AddTyped("RequestGuid", "System.Guid", guidOrNil(r.RequestGuid))
	o.AddTyped("RequestQueue", "System.String", strOrNil(r.TargetDatabase))
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
	o.AddTyped("SourceRootFolder", "System.String", strOrNil(r.SourceRootFolder))
	o.AddTyped("SourceIsArchive", "System.Boolean", r.SourceIsArchive)
	o.AddTyped("SourceDatabase", "System.String", strOrNil(r.SourceDatabase))
	o.AddTyped("RemoteHostName", "System.String", strOrNil(r.RemoteHostName))
	o.AddTyped("TargetAlias", "System.String", r.TargetAlias)
	o.AddTyped("TargetExchangeGuid", "System.Guid", guidOrNil(r.TargetExchangeGuid))
	o.AddTyped("TargetRootFolder", "System.String", strOrNil(r.TargetRootFolder))
	o.AddTyped("TargetIsArchive", "System.Boolean", r.TargetIsArchive)
	o.AddTyped("TargetDatabase", "System.String", strOrNil(r.TargetDatabase))
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
	o.AddTyped("SuspendedTimestamp", "System.Nullable`1[[System.DateTime]]", timeOrNil(r.SuspendedAt))
	o.AddTyped("OverallDuration", "System.TimeSpan", object.TimeSpan(overall/100))
	o.AddTyped("TotalSuspendedDuration", "System.TimeSpan", object.TimeSpan(suspended/100))
	o.AddTyped("TotalInProgressDuration", "System.TimeSpan", object.TimeSpan(running/100))
	o.AddTyped("EstimatedTransferSize", "System.String", directory.Quota(r.Bytes).String())
	o.AddTyped("EstimatedTransferItemCount", "System.UInt64", r.Items)
	o.AddTyped("BytesTransferred", "System.String", directory.Quota(p.BytesTransferred).String())
	o.AddTyped("BytesTransferredPerMinute", "System.String", directory.Quota(perMinute).String())
	o.AddTyped("ItemsTransferred", "System.UInt64", p.ItemsTransferred)
	o.AddTyped("PercentComplete", "System.Int32", p.PercentComplete)
	o.AddTyped("FailureType", "System.String", strOrNil(r.FailureType))
	o.AddTyped("FailureTimestamp", "System.Nullable`1[[System.DateTime]]", failed)
	msg := r.Message
	if p.SourceGone && msg == "" {
		msg = fmt.Sprintf("The source mailbox '%s' no longer exists.", r.SourceName)
	}
	o.AddTyped("Message", "System.String", msg)
	o.AddTyped("RequestGuid", "System.Guid", guidOrNil(r.RequestGuid))
	o.AddTyped("RequestQueue", "System.String", strOrNil(r.TargetDatabase))
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
