package restore

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/restore"
)

// identity returns the identity string bound to a parameter ("" when
// absent).
func identity(ctx *command.Context, name string) string {
	v := ctx.Value(name)
	if v == nil {
		return ""
	}
	return strings.TrimSpace(exo.IdentityOf(v))
}

func newRequest() *command.Command {
	c := exo.Declared("New-MailboxRestoreRequest")
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeRequest
	c.Synopsis = "Starts copying the content of a soft-deleted, inactive or disconnected on-premises mailbox into an existing mailbox."
	c.Description = "With -SourceMailbox the source is a soft-deleted, inactive or retired inactive Exchange Online mailbox (ExchangeGuid or DistinguishedName recommended). " +
		"With -RemoteRestoreType DisconnectedMailbox, -RemoteHostName, -RemoteCredential and -RemoteDatabaseGuid, -SourceStoreMailbox is the MailboxGuid of a disconnected mailbox of the on-premises server. " +
		"The target is an active mailbox or mail user (by any identity, or by its ArchiveGuid); -TargetIsArchive restores into its archive, -TargetRootFolder under a top-level folder. " +
		"Unless -AllowLegacyDNMismatch is used, the source's LegacyExchangeDN must be the target's LegacyExchangeDN or one of its X500 proxy addresses. " +
		"The request is queued and copies the content over 10 simulated minutes per started GB; the source doesn't change."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox 1d20855f-fd54-4681-98e6-e249f4ed7a2c -TargetMailbox 33948c06-c453-48be-bdb9-08eacd466f81 -AllowLegacyDNMismatch",
			Remark: "Deletes Allie Bellew's mailbox, then restores its content into her new mailbox allieb2, whose LegacyExchangeDN differs."},
		{Code: "Remove-Mailbox walterh -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox (Get-Mailbox -SoftDeletedMailbox walterh).DistinguishedName -TargetMailbox newemployee@contoso.com -TargetRootFolder \"Walter Harp\" -AllowLegacyDNMismatch",
			Remark: "Restores Walter Harp's deleted mailbox into a top-level folder of New Employee's mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in := restore.NewRestoreInput{
			SourceMailbox: identity(ctx, "SourceMailbox"), SourceStoreMailbox: identity(ctx, "SourceStoreMailbox"),
			RemoteHostName: ctx.String("RemoteHostName"), TargetMailbox: identity(ctx, "TargetMailbox"),
			Name: ctx.String("Name"), BatchName: ctx.String("BatchName"),
			SourceIsArchive: ctx.Switch("SourceIsArchive"), TargetIsArchive: ctx.Switch("TargetIsArchive"),
			AllowLegacyDNMismatch: ctx.Switch("AllowLegacyDNMismatch"), ExcludeDumpster: ctx.Switch("ExcludeDumpster"),
			AcceptLargeDataLoss: ctx.Switch("AcceptLargeDataLoss"), TargetRootFolder: ctx.String("TargetRootFolder"),
			SourceRootFolder: ctx.String("SourceRootFolder"), ConflictResolution: ctx.String("ConflictResolutionOption"),
			Suspend: ctx.Switch("Suspend"), SuspendComment: ctx.String("SuspendComment"),
		}
		if ctx.Has("CrossTenantRestore") || ctx.Has("SourceEndpoint") {
			return ctx.WriteError(exo.Invalid(ctx, "Cross-tenant restore requests are reserved for internal Microsoft use.", nil))
		}
		remote := ctx.Has("RemoteRestoreType") || ctx.Has("RemoteHostName") || ctx.Has("RemoteDatabaseGuid") || ctx.Has("RemoteCredential")
		if remote {
			if in.SourceMailbox != "" {
				return ctx.WriteError(exo.Invalid(ctx, "The RemoteRestoreType parameters restore a disconnected on-premises mailbox: use SourceStoreMailbox with them, not SourceMailbox.", in.SourceMailbox))
			}
			for _, p := range []string{"RemoteRestoreType", "RemoteHostName", "RemoteCredential", "RemoteDatabaseGuid"} {
				if !ctx.Has(p) || ctx.Value(p) == nil {
					return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("A remote restore needs the RemoteRestoreType, RemoteHostName, RemoteCredential and RemoteDatabaseGuid parameters; %s is missing.", p), nil))
				}
			}
			if t := ctx.String("RemoteRestoreType"); !strings.EqualFold(t, "DisconnectedMailbox") {
				return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("The RemoteRestoreType '%s' isn't supported. Use DisconnectedMailbox.", t), t))
			}
			in.RemoteDatabaseGuid = object.ToInvariantString(object.Unwrap(ctx.Value("RemoteDatabaseGuid")))
		} else if in.SourceStoreMailbox != "" {
			return ctx.WriteError(exo.Invalid(ctx, "In Exchange Online, SourceStoreMailbox restores a disconnected on-premises mailbox: add -RemoteRestoreType DisconnectedMailbox, -RemoteHostName, -RemoteCredential and -RemoteDatabaseGuid.", in.SourceStoreMailbox))
		}
		source := in.SourceMailbox
		if source == "" {
			source = in.SourceStoreMailbox
		}
		ok, err := ctx.ShouldProcess(fmt.Sprintf("%s → %s", source, in.TargetMailbox), "Creating restore request")
		if err != nil || !ok {
			return err
		}
		var out *object.PSObject
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			in.Actor = adminUPN(tx)
			r, err := restore.NewRestoreRequest(tx, in)
			if err != nil {
				return nil, err
			}
			p, err := restore.RestoreProgressOf(tx, r)
			if err != nil {
				return nil, err
			}
			out = requestObject(r, p)
			return nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}

// find resolves a request identity to one request; it returns the
// not-found or ambiguity error for the caller to write.
func find(ctx *command.Context, tx *store.Tx, id string) ([]*restore.RestoreRequest, *object.ErrorRecord, error) {
	rs, err := restore.FindRestoreRequests(tx, id)
	if err != nil {
		return nil, nil, err
	}
	if len(rs) == 0 {
		return nil, exo.NotFound(ctx, id), nil
	}
	if len(rs) > 1 {
		// a bare Name (MailboxRestore) used by requests of several targets
		return nil, exo.Ambiguous(ctx, id), nil
	}
	return rs, nil, nil
}

func getRequest() *command.Command {
	c := exo.Declared("Get-MailboxRestoreRequest")
	c.OutputType = TypeRequest
	c.Synopsis = "Lists mailbox restore requests and their status."
	c.Description = "Without parameters every request is listed. -Identity takes `<target alias>\\<Name>` or the RequestGuid; -TargetMailbox, -Status, -BatchName, -Name and -Suspend filter the list."
	c.Examples = []command.Example{
		{Code: "Get-MailboxRestoreRequest", Remark: "Lists every restore request (none on a fresh tenant)."},
		{Code: "Get-MailboxRestoreRequest -Status InProgress", Remark: "Lists the requests that are copying content now."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var out []*object.PSObject
		var rec *object.ErrorRecord
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var rs []*restore.RestoreRequest
			var err error
			if id := identity(ctx, "Identity"); id != "" {
				rs, rec, err = find(ctx, tx, id)
				if err != nil || rec != nil {
					return rec, err
				}
			} else if rs, err = restore.RestoreRequests(tx); err != nil {
				return rec, err
			}
			var targets map[string]bool
			if t := identity(ctx, "TargetMailbox"); t != "" {
				ms, err := directory.ResolveMailboxes(tx, t, directory.ScopeActive)
				if err != nil {
					return exo.NotFound(ctx, t), nil
				}
				targets = map[string]bool{}
				for _, m := range ms {
					targets[m.Guid] = true
				}
			}
			for _, r := range rs {
				p, err := restore.RestoreProgressOf(tx, r)
				if err != nil {
					return rec, err
				}
				if targets != nil && !targets[r.TargetGuid] {
					continue
				}
				if ctx.Has("Status") && !strings.EqualFold(ctx.String("Status"), p.Status) {
					continue
				}
				if ctx.Has("BatchName") && !strings.EqualFold(ctx.String("BatchName"), r.BatchName) {
					continue
				}
				if ctx.Has("Name") && !strings.EqualFold(ctx.String("Name"), r.Name) {
					continue
				}
				if ctx.Has("Suspend") && ctx.Bool("Suspend") != r.Suspended {
					continue
				}
				out = append(out, requestObject(r, p))
			}
			return rec, nil
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
	return c
}

func getStatistics() *command.Command {
	c := exo.Declared("Get-MailboxRestoreRequestStatistics")
	c.OutputType = TypeStatistics
	c.Synopsis = "Shows the progress of a mailbox restore request: status, percent complete, items and bytes copied."
	c.Description = "-IncludeReport adds the request's report: its events with their simulated times. Requests can be piped from Get-MailboxRestoreRequest."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox allieb -TargetMailbox allieb2 -AllowLegacyDNMismatch | Out-Null; Get-MailboxRestoreRequestStatistics -Identity allieb2\\MailboxRestore -IncludeReport | Format-List Status,PercentComplete,Report",
			Remark: "Restores Allie Bellew's deleted mailbox into allieb2 and shows the new request's progress and report."},
		{Code: "Get-MailboxRestoreRequest | Get-MailboxRestoreRequestStatistics", Remark: "Shows the progress of every request."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		if id == "" {
			return ctx.Fail(exo.Invalid(ctx, "The Identity parameter is required.", nil))
		}
		var out []*object.PSObject
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			rs, r2, err := find(ctx, tx, id)
			if err != nil || r2 != nil {
				return r2, err
			}
			for _, r := range rs {
				p, err := restore.RestoreProgressOf(tx, r)
				if err != nil {
					return nil, err
				}
				out = append(out, statisticsObject(r, p, tx.Now(), ctx.Switch("IncludeReport")))
			}
			return nil, nil
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
	return c
}

// change resolves one request and applies op to each match in one write
// transaction, after confirmation.
func change(ctx *command.Context, action string, op func(tx *store.Tx, r *restore.RestoreRequest) error) error {
	id := identity(ctx, "Identity")
	if id == "" {
		return ctx.Fail(exo.Invalid(ctx, "The Identity parameter is required.", nil))
	}
	var rs []*restore.RestoreRequest
	var rec *object.ErrorRecord
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var err error
		rs, rec, err = find(ctx, tx, id)
		return rec, err
	})
	if err != nil || !done {
		return err
	}
	for _, r := range rs {
		ok, err := ctx.ShouldProcess(r.Identity(), action)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		guid := r.RequestGuid
		if _, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			cur, err := restore.GetRestoreRequest(tx, guid)
			if err != nil {
				return exo.NotFound(ctx, id), nil
			}
			if err := op(tx, cur); err != nil {
				return nil, err
			}
			return nil, nil
		}); err != nil {
			return err
		}
	}
	return nil
}

func setRequest() *command.Command {
	c := exo.Declared("Set-MailboxRestoreRequest")
	c.Synopsis = "Changes a mailbox restore request: its batch name, or whether it accepts data loss."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox allieb -TargetMailbox allieb2 -AllowLegacyDNMismatch | Out-Null; Set-MailboxRestoreRequest -Identity allieb2\\MailboxRestore -BatchName Sales",
			Remark: "Puts a new request in the batch Sales."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var in restore.SetRestoreInput
		if ctx.Has("BatchName") {
			b := ctx.String("BatchName")
			in.BatchName = &b
		}
		if ctx.Has("AcceptLargeDataLoss") {
			v := ctx.Switch("AcceptLargeDataLoss")
			in.AcceptLargeDataLoss = &v
		}
		return change(ctx, "Set-MailboxRestoreRequest", func(tx *store.Tx, r *restore.RestoreRequest) error {
			_, err := restore.SetRestoreRequest(tx, r.RequestGuid, in)
			return err
		})
	}
	return c
}

func suspendRequest() *command.Command {
	c := exo.Declared("Suspend-MailboxRestoreRequest")
	c.ConfirmImpact = command.ImpactMedium
	c.Synopsis = "Pauses a queued or running mailbox restore request until Resume-MailboxRestoreRequest."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox allieb -TargetMailbox allieb2 -AllowLegacyDNMismatch | Out-Null; Suspend-MailboxRestoreRequest -Identity allieb2\\MailboxRestore -SuspendComment \"Wait for the weekend\" -Confirm:$false",
			Remark: "Suspends a new request; its progress stops until it is resumed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		comment := ctx.String("SuspendComment")
		return change(ctx, "Suspend", func(tx *store.Tx, r *restore.RestoreRequest) error {
			_, err := restore.SuspendRestoreRequest(tx, r.RequestGuid, comment)
			return err
		})
	}
	return c
}

func resumeRequest() *command.Command {
	c := exo.Declared("Resume-MailboxRestoreRequest")
	c.Synopsis = "Resumes a suspended mailbox restore request (or one created with -Suspend)."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox allieb -TargetMailbox allieb2 -AllowLegacyDNMismatch -Suspend | Out-Null; Resume-MailboxRestoreRequest -Identity allieb2\\MailboxRestore",
			Remark: "Starts a request that was created suspended."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return change(ctx, "Resume", func(tx *store.Tx, r *restore.RestoreRequest) error {
			_, err := restore.ResumeRestoreRequest(tx, r.RequestGuid)
			return err
		})
	}
	return c
}

func removeRequest() *command.Command {
	c := exo.Declared("Remove-MailboxRestoreRequest")
	c.ConfirmImpact = command.ImpactMedium
	c.Synopsis = "Deletes a mailbox restore request; a running one stops, content already restored stays."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox allieb -Confirm:$false; New-MailboxRestoreRequest -SourceMailbox allieb -TargetMailbox allieb2 -AllowLegacyDNMismatch | Out-Null; Remove-MailboxRestoreRequest -Identity allieb2\\MailboxRestore -Confirm:$false",
			Remark: "Cancels a new request."},
		{Code: "Get-MailboxRestoreRequest -Status Completed | Remove-MailboxRestoreRequest -Confirm:$false", Remark: "Removes every completed request."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return change(ctx, "Remove", func(tx *store.Tx, r *restore.RestoreRequest) error {
			return restore.RemoveRestoreRequest(tx, r.RequestGuid)
		})
	}
	return c
}
