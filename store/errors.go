package store

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors. Typed errors below match them with errors.Is.
var (
	// ErrClosed is returned after Close.
	ErrClosed = errors.New("tenant store is closed")
	// ErrReadOnly is returned by Update on a read-only store.
	ErrReadOnly = errors.New("tenant store is open read-only")
	// ErrNotFound is matched by every NotFoundError.
	ErrNotFound = errors.New("not found")
	// ErrNotInitialized is returned when a tenant has not been seeded.
	ErrNotInitialized = errors.New("tenant is not initialized")
	// ErrStop may be returned by a ForEach callback to end iteration early
	// without an error.
	ErrStop = errors.New("stop iteration")
)

// LockedError reports that another process holds the tenant file.
type LockedError struct {
	Path   string
	Waited time.Duration
	// Holders are the live processes known to hold the file (may be
	// empty: a process of an older exosim leaves no note).
	Holders []Holder
}

func (e *LockedError) Error() string {
	who := "another exosim process"
	if len(e.Holders) > 0 {
		var hs []string
		for _, h := range e.Holders {
			hs = append(hs, h.String())
		}
		who = strings.Join(hs, "; ")
	}
	return fmt.Sprintf("tenant file %q is locked by %s (waited %s)", e.Path, who, e.Waited)
}

// SchemaVersionError reports a file or export written by a newer exosim.
type SchemaVersionError struct {
	Path      string // file path, or "" for an import stream
	Found     int
	Supported int
}

func (e *SchemaVersionError) Error() string {
	what := "tenant data"
	if e.Path != "" {
		what = fmt.Sprintf("tenant file %q", e.Path)
	}
	return fmt.Sprintf("%s has schema version %d, but this exosim supports schema version %d at most; upgrade exosim", what, e.Found, e.Supported)
}

// ClockBackwardsError is returned by AdvanceTo when the target is earlier
// than the current simulated time.
type ClockBackwardsError struct {
	Now       time.Time
	Requested time.Time
}

func (e *ClockBackwardsError) Error() string {
	return fmt.Sprintf("the simulated clock can't go backwards: it is %s, requested %s",
		e.Now.UTC().Format(time.RFC3339), e.Requested.UTC().Format(time.RFC3339))
}

// NotFoundError reports a missing record.
type NotFoundError struct {
	Kind string // e.g. "mailbox", "message"
	Key  string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Kind, e.Key) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// IsNotFound reports whether err is a *NotFoundError: a record that is
// not there.
func IsNotFound(err error) bool {
	_, ok := err.(*NotFoundError)
	return ok
}

// UnknownTimerKindError reports a due timer with no registered handler.
type UnknownTimerKindError struct{ Kind string }

func (e *UnknownTimerKindError) Error() string {
	return fmt.Sprintf("no handler registered for timer kind %q", e.Kind)
}

// ValidationError reports an invalid argument to a domain operation.
type ValidationError struct {
	Field   string
	Message string
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

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
	// sign-in name and password are required (D-15).
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
	return target == ErrNotFound && e.Reason == ReasonWindowExpired
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

// DuplicateError reports a value that must be unique among active objects.
type DuplicateError struct {
	Kind             string // "mailbox" or "user"
	Property         string // Name, Alias, UserPrincipalName, PrimarySmtpAddress, WindowsLiveID, ExchangeGuid
	Value            string
	ExistingIdentity string
	ExistingGuid     string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("%s %s %q is already used by %q", e.Kind, e.Property, e.Value, e.ExistingIdentity)
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

// AmbiguousError reports an identity that matches several objects.
type AmbiguousError struct {
	Kind     string
	Identity string
	Matches  []string // Identity of each match, in resolution order
	Guids    []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%s identity %q matches %d objects", e.Kind, e.Identity, len(e.Matches))
}
