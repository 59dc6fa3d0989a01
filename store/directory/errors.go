package directory

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
)

// The refusals of the directory: licences, the mailbox lifecycle, journal
// archives, scopes and ExchangeGuid conflicts.

// LicenseUnavailableError reports that no unit of a SKU is left.
type LicenseUnavailableError struct{ SkuPartNumber string }

func (e *LicenseUnavailableError) Error() string {
	return fmt.Sprintf("no available licences left for %s", e.SkuPartNumber)
}

// Reasons carried by LifecycleError.
const (
	// ReasonNotDeleted: the operation needs a soft-deleted object but the
	// object is active (e.g. Remove-Mailbox -PermanentlyDelete on an active
	// mailbox, Undo-SoftDeletedMailbox on an active one).
	ReasonNotDeleted = "NotDeleted"
	// ReasonInactive: -PermanentlyDelete does not work on inactive mailboxes.
	ReasonInactive = "Inactive"
	// ReasonNotActive: the operation needs an active object (the object is
	// already deleted, or its mailbox is in the unlicensed grace period).
	ReasonNotActive = "NotActive"
	// ReasonWindowExpired: the 30-day recovery window is over.
	ReasonWindowExpired = "WindowExpired"
	// ReasonAccountPurgedUseRecover: the inactive mailbox's account is
	// purged; only New-Mailbox -InactiveMailbox can bring it back.
	ReasonAccountPurgedUseRecover = "AccountPurgedUseNewMailboxInactive"
	// ReasonAccountPurgedNeedsCredentials: the account is purged, so a new
	// sign-in name and password are required.
	ReasonAccountPurgedNeedsCredentials = "AccountPurgedNeedsWindowsLiveIDAndPassword"
	// ReasonSignInNameInUse: another live account holds the original
	// sign-in name; a new -WindowsLiveID and -Password are required. Detail
	// holds the sign-in name.
	ReasonSignInNameInUse = "SignInNameInUse"
	// ReasonNoJournalArchive: Disable-JournalArchiving on a recipient that
	// has no journal archive.
	ReasonNoJournalArchive = "NoJournalArchive"
	// ReasonDeletedInEntra: Undo-SoftDeletedMailbox on a mailbox that was
	// deleted by deleting its account in Microsoft Entra ID; it is restored
	// by restoring the account.
	ReasonDeletedInEntra = "DeletedInEntraRestoreTheAccount"
	// ReasonAccountHardDeleted: Undo-SoftDeletedMailbox on a soft-deleted
	// mailbox whose account was permanently deleted; its content can only
	// be restored into another mailbox (New-MailboxRestoreRequest).
	ReasonAccountHardDeleted = "AccountHardDeletedUseRestoreRequest"
)

// LifecycleError reports a lifecycle operation refused in the object's
// current state. The cmdlet layer words it; Reason is one of the Reason*
// constants.
type LifecycleError struct {
	Op       string // store operation, e.g. "PermanentlyDeleteMailbox"
	Kind     string // "mailbox" or "user"
	Identity string // Identity of the object (Soft Deleted Objects\x for deleted mailboxes)
	Guid     string // object Guid / ObjectId
	State    string // lifecycle state at the time of the refusal
	Reason   string
	// Detail carries a fact the wording needs (the sign-in name in use, the
	// window's end as RFC 3339, ...).
	Detail string
}

func (e *LifecycleError) Error() string {
	s := fmt.Sprintf("%s: %s %q (state %s) refused: %s", e.Op, e.Kind, e.Identity, e.State, e.Reason)
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Is makes errors.Is(err, ErrNotFound) true for an expired window, which
// Exchange reports as "couldn't be found".
func (e *LifecycleError) Is(target error) bool {
	return target == store.ErrNotFound && e.Reason == ReasonWindowExpired
}

// JournalArchiveError reports that a mail user linked to a journal archive
// can't be deleted before Disable-JournalArchiving.
type JournalArchiveError struct {
	Identity string
	Guid     string
}

func (e *JournalArchiveError) Error() string {
	return fmt.Sprintf("mail user %q is linked to a journal archive; run Disable-JournalArchiving first", e.Identity)
}

// ScopeConflictError reports switches that can't be combined (e.g.
// -InactiveMailboxOnly with -IncludeInactiveMailbox).
type ScopeConflictError struct{ Params []string }

func (e *ScopeConflictError) Error() string {
	return "parameters can't be used together: " + strings.Join(e.Params, ", ")
}

// GuidConflictError is the ExchangeGuid validation conflict of a new object
// that reuses the ExchangeGuid of a deleted mailbox still inside its window.
type GuidConflictError struct {
	ExchangeGuid     string
	ExistingIdentity string
	ExistingGuid     string
	ExistingState    string
}

func (e *GuidConflictError) Error() string {
	return fmt.Sprintf("ExchangeGuid validation conflict: %s belongs to the deleted mailbox %q (%s)", e.ExchangeGuid, e.ExistingIdentity, e.ExistingState)
}
