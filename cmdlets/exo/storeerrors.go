package exo

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/contentsearch"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/folderperms"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/onprem"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/restore"
)

// Exception types of the service's errors.
const (
	exAlreadyExists        = "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException"
	exComplianceJob        = "Microsoft.Office.ComplianceJob.Tasks.ComplianceJobTaskException"
	exDataValidation       = "Microsoft.Exchange.Data.DataValidationException"
	exHoldRemoval          = "Microsoft.Office.CompliancePolicy.Tasks.HoldRemovalException"
	exInvalidOperation     = "Microsoft.Exchange.Management.Tasks.InvalidOperationException"
	exLimit                = "Microsoft.Office.CompliancePolicy.Tasks.PolicyLocationLimitExceededException"
	exLocked               = "Microsoft.Office.CompliancePolicy.Tasks.RestrictiveRetentionPolicyException"
	exNameInUse            = "Microsoft.Exchange.MailboxReplicationService.NameMustBeUniquePermanentException"
	exNotFound             = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
	exProxyInUse           = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exRecipientTask        = "Microsoft.Exchange.Configuration.Tasks.RecipientTaskException"
	exRemote               = "Microsoft.Exchange.MailboxReplicationService.RemotePermanentException"
	exRestoreRecipientTask = "Microsoft.Exchange.Management.RecipientTasks.RecipientTaskException"
	exTaskArgument         = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
)

// StoreError words a refusal of the store (one of its typed errors) as the
// service's error record: exception type, category, message and target.
// It returns nil for an error that is not a refusal (a broken tenant, a
// stopped pipeline), which the command does not survive.
//
// target is the object as the command was given it (a mailbox identity),
// or "". With a target, a refusal about it names it as given, and the
// holds engine's refusals speak of that mailbox (Set-Mailbox); without
// one, a refusal names the object the store reports, and the holds
// engine's refusals speak of a policy's location (the Security &
// Compliance cmdlets). A value the store finds invalid is a data
// validation error of the target, or else an invalid argument.
func StoreError(ctx *command.Context, err error, target string) *object.ErrorRecord {
	var (
		nf  *store.NotFoundError
		amb *store.AmbiguousError
		ve  *store.ValidationError
		de  *store.DuplicateError

		lk     *holds.PolicyLockedError
		ll     *holds.LocationLimitError
		ln     *holds.LocationNotInPolicyError
		en     *holds.ExceptionNeedsAllError
		nu     *holds.NameInUseError
		iu     *holds.ObjectInUseError
		hd     *holds.HoldOnDeletedMailboxError
		hu     *holds.HoldInUseError
		hn     *holds.HoldNotOnMailboxError
		lh     *holds.LabelHoldError
		lic    *holds.LitigationHoldLicenseError
		org    *holds.NotOrgWidePolicyError
		exists *holds.HoldExistsError

		snu *contentsearch.NameInUseError
		nc  *contentsearch.NotCompletedError

		la  *rbac.LastOrgAdminError
		ani *rbac.AssignmentNameInUseError
		raa *rbac.RoleAlreadyAssignedError
		je  *directory.JournalArchiveError
		le  *directory.LifecycleError
		ge  *directory.GuidConflictError
		lu  *directory.LicenseUnavailableError

		mnf *ome.MessageNotFoundError
		nr  *ome.NotRevocableError
		ame *ome.NoAMELicenseError

		re *restore.RestoreError

		fe *folderperms.EntryError
		fr *folderperms.RightsError
	)
	switch {
	case errors.As(err, &lk):
		if target != "" {
			return Error(ctx, exInvalidOperation, fmt.Sprintf("The mailbox '%s' can't be excluded from the retention policy '%s' because the policy has Preservation Lock (RestrictiveRetention). Locations can't be removed from a locked policy.", target, lk.PolicyName), object.InvalidOperation, target)
		}
		return Error(ctx, exLocked, lockedMessage(lk), object.InvalidOperation, lk.PolicyName)
	case errors.As(err, &ll):
		return Error(ctx, exLimit, fmt.Sprintf("The policy '%s' can't include %d mailboxes. A retention policy or hold that names specific mailboxes (including exclusions) supports at most %d of them; use an adaptive scope or several policies instead.", ll.PolicyName, ll.Count, ll.Limit), object.LimitsExceeded, ll.PolicyName)
	case errors.As(err, &ln):
		msg := fmt.Sprintf("The location '%s' isn't included in the policy '%s'.", ln.Location, ln.PolicyName)
		if ln.RememberedAs != "" {
			msg = fmt.Sprintf("The location '%s' isn't included in the policy '%s'. The policy includes this mailbox as '%s'; remove it with that value.", ln.Location, ln.PolicyName, ln.RememberedAs)
		}
		return Error(ctx, exTaskArgument, msg, object.InvalidArgument, ln.Location)
	case errors.As(err, &en):
		return Error(ctx, exTaskArgument, fmt.Sprintf("Exceptions can only be added to a policy that applies to all Exchange mailboxes (ExchangeLocation All). The policy '%s' includes specific mailboxes; use RemoveExchangeLocation instead.", en.PolicyName), object.InvalidArgument, en.PolicyName)
	case errors.As(err, &nu):
		return Error(ctx, exAlreadyExists, fmt.Sprintf("A %s with the name \"%s\" already exists.", nu.Kind, nu.Name), object.ResourceExists, nu.Name)
	case errors.As(err, &iu):
		return Error(ctx, exInvalidOperation, fmt.Sprintf("The %s '%s' is in use by '%s'.", iu.Kind, iu.Name, iu.UsedBy), object.InvalidOperation, iu.Name)
	case errors.As(err, &hd):
		if target != "" {
			return Error(ctx, exInvalidOperation, "Litigation Hold can't be turned on for the inactive mailbox '"+hd.Identity+"'. Holds can only be added to active mailboxes.", object.InvalidOperation, target)
		}
		return Error(ctx, exInvalidOperation, fmt.Sprintf("The mailbox '%s' is a deleted or inactive mailbox. Holds can't be added to it.", hd.Identity), object.InvalidOperation, hd.Identity)
	case errors.As(err, &hu):
		what := "hold"
		if hu.CaseName != "" {
			what = fmt.Sprintf("active case hold policy '%s' of the case '%s'", hu.PolicyName, hu.CaseName)
		} else if hu.PolicyName != "" {
			what = fmt.Sprintf("active %s '%s'", policyWords(hu.HoldType), hu.PolicyName)
		}
		return Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' belongs to the %s. To remove it from the location anyway, use the Force switch.", hu.HoldID, what), object.InvalidOperation, hu.HoldID)
	case errors.As(err, &hn):
		if target != "" {
			return Error(ctx, exTaskArgument, fmt.Sprintf("The hold '%s' isn't applied to the mailbox '%s'.", hn.HoldID, hn.Identity), object.InvalidArgument, hn.HoldID)
		}
		return Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' isn't applied to the location '%s'.", hn.HoldID, hn.Identity), object.InvalidArgument, hn.HoldID)
	case errors.As(err, &lh):
		if target != "" {
			return Error(ctx, exInvalidOperation, fmt.Sprintf("The hold '%s' can't be removed from the mailbox '%s' because items in it have the retention labels %s.", lh.HoldID, lh.Identity, strings.Join(lh.Labels, ", ")), object.InvalidOperation, target)
		}
		return Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' can't be removed from '%s' because items in the mailbox have retention labels (%s) that retain them.", lh.HoldID, lh.Identity, strings.Join(lh.Labels, ", ")), object.InvalidOperation, lh.HoldID)
	case errors.As(err, &lic):
		return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' can't be placed on Litigation Hold because it doesn't have the required license. Litigation Hold requires an Exchange Online (Plan 2) license, or an Exchange Online (Plan 1) license with an Exchange Online Archiving add-on license.", lic.Identity), object.InvalidOperation, target)
	case errors.As(err, &org):
		return Error(ctx, exTaskArgument, fmt.Sprintf("'%s' isn't the GUID of an organization-wide retention policy. To see them, run Get-OrganizationConfig | Format-List InPlaceHolds and use the GUID without the mbx prefix and the :n suffix.", org.Value), object.InvalidArgument, org.Value)
	case errors.As(err, &exists):
		return Error(ctx, exInvalidOperation, fmt.Sprintf("The hold '%s' isn't orphaned: the %s '%s' still exists. Remove the mailbox from it instead of using RemoveOrphanedHolds.", exists.HoldID, holdWords(exists.HoldType), exists.ObjectName), object.InvalidOperation, exists.HoldID)
	case errors.As(err, &snu):
		return Error(ctx, exAlreadyExists, fmt.Sprintf("A %s with the name \"%s\" already exists.", snu.Kind, snu.Name), object.ResourceExists, snu.Name)
	case errors.As(err, &nc):
		return Error(ctx, exComplianceJob, fmt.Sprintf("The search \"%s\" is still running or it didn't complete. Wait until the search finishes (Status Completed), then try again.", nc.Name),
			object.InvalidOperation, nc.Name)
	case errors.As(err, &la):
		return Error(ctx, exRecipientTask, la.Error(), object.InvalidOperation, target)
	case errors.As(err, &ani):
		return Error(ctx, exAlreadyExists, fmt.Sprintf("The role assignment \"%s\" already exists. Use a different Name.", ani.Name), object.ResourceExists, ani.Name)
	case errors.As(err, &raa):
		who := raa.User
		if target != "" {
			who = target
		}
		return Invalid(ctx, fmt.Sprintf("The role \"%s\" is already assigned to the user \"%s\".", raa.Role, who), raa.Role)
	case errors.As(err, &je):
		return Error(ctx, exRecipientTask, fmt.Sprintf("The mail user '%s' can't be removed because it's linked to a journal archive mailbox. Run Disable-JournalArchiving on it first.", je.Identity), object.InvalidOperation, target)
	case errors.As(err, &le):
		switch le.Reason {
		case directory.ReasonWindowExpired, directory.ReasonNotActive:
			return NotFound(ctx, target)
		case directory.ReasonInactive:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' is an inactive mailbox. The PermanentlyDelete switch doesn't work on inactive mailboxes; an inactive mailbox is deleted only after all its holds are removed.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonNotDeleted:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' isn't soft-deleted. The PermanentlyDelete switch only works on soft-deleted mailboxes; pipe them from Get-Mailbox -SoftDeletedMailbox.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonAccountPurgedUseRecover:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The user account of the inactive mailbox '%s' was permanently deleted, so the mailbox can't be restored with Undo-SoftDeletedMailbox. Use New-Mailbox -InactiveMailbox to recover it into a new mailbox.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonAccountPurgedNeedsCredentials:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The user account of the mailbox '%s' was permanently deleted. Specify a new sign-in name and password with the WindowsLiveID and Password parameters.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonSignInNameInUse:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The sign-in name '%s' of the mailbox '%s' is already used by another account. Specify a new sign-in name and password with the WindowsLiveID and Password parameters.", le.Detail, le.Identity), object.InvalidOperation, target)
		case holds.ReasonAccountNotPurged:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The inactive mailbox '%s' was soft-deleted less than 30 days ago and its user account can still be restored. Restore the user account (Undo-SoftDeletedMailbox) instead of recovering the mailbox with New-Mailbox -InactiveMailbox.", le.Identity), object.InvalidOperation, target)
		case holds.ReasonAutoExpandingArchive:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The inactive mailbox '%s' has an auto-expanding archive and can't be recovered.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonDeletedInEntra:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' was deleted by deleting its user account in Microsoft Entra ID, so it can't be restored with Undo-SoftDeletedMailbox. Restore the user account from the Microsoft Entra recycle bin (Restore-MgDirectoryDeletedItem); its mailbox comes back with it.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonAccountHardDeleted:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The user account of the soft-deleted mailbox '%s' was permanently deleted from Microsoft Entra ID, so the mailbox can't be restored with Undo-SoftDeletedMailbox. It stays soft-deleted until 30 days after it was deleted; restore its content into another mailbox with New-MailboxRestoreRequest.", le.Identity), object.InvalidOperation, target)
		case holds.ReasonNotInactive:
			return Error(ctx, exInvalidOperation, "The "+le.Op+" parameter can only be used on inactive mailboxes. '"+target+"' isn't an inactive mailbox.", object.InvalidOperation, target)
		case directory.ReasonArchiveExists:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' already has an archive.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonNoArchive:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' doesn't have an archive. Enable the archive with Enable-Mailbox -Archive first.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonAutoExpandingArchiveOn:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The archive of the mailbox '%s' is an auto-expanding archive. Auto-expanding archiving can't be turned off, so the archive can't be disabled.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonArchiveHeld:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The archive of the mailbox '%s' can't be disabled because the mailbox is on hold. Remove the holds first.", le.Identity), object.InvalidOperation, target)
		case directory.ReasonNotUserMailboxArchive:
			return NotFound(ctx, target)
		case directory.ReasonNoJournalArchive:
			return Error(ctx, exRecipientTask, fmt.Sprintf("The recipient '%s' doesn't have a journal archive.", le.Identity), object.InvalidOperation, target)
		}
		return Error(ctx, exRecipientTask, le.Error(), object.InvalidOperation, target)
	case errors.As(err, &de):
		switch de.Property {
		case "Name":
			return Error(ctx, exAlreadyExists, fmt.Sprintf("The name \"%s\" is already being used. Please try another name.", de.Value), object.ResourceExists, de.Value)
		case "PrimarySmtpAddress":
			return Error(ctx, exProxyInUse, fmt.Sprintf("The proxy address \"SMTP:%s\" is already being used by the proxy addresses or LegacyExchangeDN of \"%s\". Please choose another proxy address.", de.Value, de.ExistingIdentity), object.ResourceExists, de.Value)
		}
		return Error(ctx, exAlreadyExists, fmt.Sprintf("The %s \"%s\" is already being used by \"%s\".", de.Property, de.Value, de.ExistingIdentity), object.ResourceExists, de.Value)
	case errors.As(err, &ge):
		return Error(ctx, exRecipientTask, fmt.Sprintf("ExchangeGuid validation conflict: the ExchangeGuid %s belongs to the deleted mailbox '%s'.", ge.ExchangeGuid, ge.ExistingIdentity), object.ResourceExists, target)
	case errors.As(err, &lu):
		return Error(ctx, exRecipientTask, fmt.Sprintf("There are no available licenses left for %s.", lu.SkuPartNumber), object.QuotaExceeded, target)
	case errors.As(err, &mnf):
		return Error(ctx, exNotFound, "The message with Message ID '"+mnf.MessageID+"' couldn't be found.", object.ObjectNotFound, mnf.MessageID)
	case errors.As(err, &nr):
		return InvalidOperation(ctx, "This message can't be revoked.", nr.MessageID)
	case errors.As(err, &ame):
		return InvalidOperation(ctx, ame.Feature+" requires Advanced Message Encryption, which isn't included in your organization's subscriptions.", target)
	case errors.As(err, &re):
		id := re.Identity
		switch re.Reason {
		case restore.RestoreSourceNotFound, restore.RestoreTargetNotFound:
			if re.Detail != "" {
				// a store mailbox is looked up in its on-premises database
				return NotFoundOn(ctx, id, re.Detail)
			}
			return NotFound(ctx, id)
		case restore.RestoreAmbiguous:
			return Ambiguous(ctx, id)
		case restore.RestoreAutoExpandingSource:
			return Error(ctx, exRestoreRecipientTask, fmt.Sprintf("The mailbox '%s' has an auto-expanding archive. Restoring a mailbox with an auto-expanding archive isn't supported.", id), object.InvalidOperation, id)
		case restore.RestoreLargeTargetArchive:
			return Error(ctx, exRestoreRecipientTask, fmt.Sprintf("The archive of the target mailbox '%s' is an auto-expanding (large) archive. Restoring into a large archive isn't supported.", id), object.InvalidOperation, id)
		case restore.RestoreNoSourceArchive:
			return Error(ctx, exRestoreRecipientTask, fmt.Sprintf("The source mailbox '%s' doesn't have an archive, so the SourceIsArchive switch can't be used.", id), object.InvalidArgument, id)
		case restore.RestoreNoTargetArchive:
			return Error(ctx, exRestoreRecipientTask, fmt.Sprintf("The target mailbox '%s' doesn't have an archive, so the TargetIsArchive switch can't be used.", id), object.InvalidArgument, id)
		case restore.RestoreLegacyDNMismatch:
			return Error(ctx, exRestoreRecipientTask, fmt.Sprintf("The LegacyExchangeDN of the source mailbox, '%s', isn't the LegacyExchangeDN of the target mailbox '%s' or one of its X500 proxy addresses. Add it to the target as an X500 proxy address, or run the command again with the AllowLegacyDNMismatch switch.", re.Detail, id), object.InvalidArgument, id)
		case restore.RestoreNameInUse:
			return Error(ctx, exNameInUse, fmt.Sprintf("A restore request named '%s' already exists. Use a different Name.", id), object.ResourceExists, id)
		case restore.RestoreNoFreeName:
			return Error(ctx, exNameInUse, fmt.Sprintf("The target mailbox '%s' already has %d restore requests with automatic names. Use the Name parameter, or remove requests you no longer need with Remove-MailboxRestoreRequest.", id, restore.MaxAutoRestoreNames), object.LimitsExceeded, id)
		case restore.RestoreRemoteHost:
			return Error(ctx, exRemote, fmt.Sprintf("The remote server '%s' couldn't be reached. Use the FQDN of an on-premises Exchange server of your organization.", id), object.ConnectionError, id)
		case restore.RestoreRemoteDatabase:
			return Error(ctx, exRemote, fmt.Sprintf("The mailbox database '%s' couldn't be found on the remote server '%s'.", id, onprem.ServerFqdn), object.ObjectNotFound, id)
		case restore.RestoreNotSuspended:
			return InvalidOperation(ctx, fmt.Sprintf("The restore request '%s' isn't suspended, so it can't be resumed.", id), id)
		case restore.RestoreFinished:
			return InvalidOperation(ctx, fmt.Sprintf("The restore request '%s' has already finished (%s).", id, re.Detail), id)
		}
		return Error(ctx, exRestoreRecipientTask, err.Error(), object.InvalidOperation, id)
	case errors.As(err, &fe):
		if fe.Exists {
			return Error(ctx, "Microsoft.Exchange.Management.StoreTasks.UserAlreadyExistsInPermissionEntryException", "An existing permission entry was found for user: "+fe.User+".", object.NotSpecified, fe.User)
		}
		return Error(ctx, "Microsoft.Exchange.Management.StoreTasks.UserNotFoundInPermissionEntryException", "There is no existing permission entry found for user: "+fe.User+".", object.NotSpecified, fe.User)
	case errors.As(err, &fr):
		if fr.Flags {
			return InvalidOperation(ctx, fr.Reason, target)
		}
		// the free/busy rights exist only in a calendar's member rights
		return Error(ctx, "Microsoft.Exchange.Data.Storage.EnumOutOfRangeException", "Specified argument was out of the range of valid values.\nParameter name: memberRights", object.NotSpecified, fr.Right)
	case errors.As(err, &ve):
		if target != "" {
			return Error(ctx, exDataValidation, ve.Error(), object.InvalidData, target)
		}
		return Invalid(ctx, ve.Message, ve.Field)
	case errors.As(err, &amb):
		if target != "" {
			return Ambiguous(ctx, target)
		}
		return Ambiguous(ctx, amb.Identity)
	case errors.As(err, &nf):
		if target != "" {
			return NotFound(ctx, target)
		}
		return NotFound(ctx, nf.Key)
	}
	return nil
}

// policyWords names the kind of policy a hold of type t belongs to.
func policyWords(t string) string {
	switch t {
	case holds.HoldTypeInPlace:
		return "In-Place Hold"
	case holds.HoldTypeCaseHold:
		return "case hold policy"
	}
	return "retention policy"
}

// holdWords names the object behind a hold of type t.
func holdWords(t string) string {
	switch t {
	case holds.HoldTypeInPlace:
		return "In-Place Hold"
	case holds.HoldTypeCaseHold:
		return "eDiscovery case hold"
	case holds.HoldTypeLabelPolicy:
		return "retention label policy"
	case "":
		return "hold"
	}
	return "retention policy"
}

// lockedMessage words a change a policy's Preservation Lock refuses.
func lockedMessage(e *holds.PolicyLockedError) string {
	what := map[string]string{
		holds.LockedRemoveLocation:  "locations can't be removed from it",
		holds.LockedAddException:    "exceptions can't be added to it",
		holds.LockedExclude:         "mailboxes can't be excluded from it",
		holds.LockedDisable:         "it can't be turned off",
		holds.LockedDelete:          "it can't be deleted",
		holds.LockedUnlock:          "the lock can't be removed",
		holds.LockedRemoveHold:      "its hold can't be removed",
		holds.LockedShortenDuration: "its retention period can only be extended",
		holds.LockedChangeAction:    "its retention action can't be changed",
		holds.LockedRemoveRule:      "its retention rule can't be removed",
	}[e.Op]
	if e.Op == holds.LockedAdaptive {
		return fmt.Sprintf("Preservation Lock (RestrictiveRetention) isn't supported for the adaptive policy '%s'.", e.PolicyName)
	}
	if what == "" {
		what = "the change isn't allowed"
	}
	return fmt.Sprintf("The policy '%s' has Preservation Lock (RestrictiveRetention), so %s.", e.PolicyName, what)
}
