package holds

import "fmt"

// Typed errors of the holds engine. Each carries the facts the cmdlet
// layer needs to word an Exchange-style message; none is worded for the
// user here.

// ReasonNotInactive: the operation only works on inactive mailboxes
// (-ExcludeFromOrgHolds, -ExcludeFromAllOrgHolds, -ExcludeFromAllHolds).
const ReasonNotInactive = "NotInactive"

// ReasonAccountNotPurged: New-Mailbox -InactiveMailbox within 30 days of
// deletion (ExternalDirectoryObjectId still set): restore the account.
const ReasonAccountNotPurged = "AccountNotPurgedRestoreUser"

// ReasonAutoExpandingArchive: recovery/restore refused for a mailbox with an
// auto-expanding archive.
const ReasonAutoExpandingArchive = "AutoExpandingArchive"

// PolicyLockedError: a Preservation Lock (RestrictiveRetention) forbids the
// operation: a locked policy can't lose locations, get exceptions, be
// disabled or unlocked, and its hold can't be removed from a mailbox.
type PolicyLockedError struct {
	PolicyName string
	PolicyGuid string
	// Op is what was refused: RemoveLocation, AddException, Exclude,
	// Disable, Delete, Unlock, RemoveHold, ShortenDuration, ChangeAction,
	// AdaptiveScope, RemoveRule.
	Op string
}

func (e *PolicyLockedError) Error() string {
	return fmt.Sprintf("policy %q (%s) has Preservation Lock: %s is not allowed", e.PolicyName, e.PolicyGuid, e.Op)
}

// Ops of PolicyLockedError.
const (
	LockedRemoveLocation  = "RemoveLocation"
	LockedAddException    = "AddException"
	LockedExclude         = "Exclude"
	LockedDisable         = "Disable"
	LockedDelete          = "Delete"
	LockedUnlock          = "Unlock"
	LockedRemoveHold      = "RemoveHold"
	LockedShortenDuration = "ShortenDuration"
	LockedChangeAction    = "ChangeAction"
	LockedAdaptive        = "AdaptiveScope"
	LockedRemoveRule      = "RemoveRule"
)

// LocationLimitError: a static policy (or case hold) with specific
// locations would name more than Limit mailboxes [LIM][EDH].
type LocationLimitError struct {
	PolicyName string
	Count      int
	Limit      int
}

func (e *LocationLimitError) Error() string {
	return fmt.Sprintf("policy %q would have %d Exchange locations; the limit is %d", e.PolicyName, e.Count, e.Limit)
}

// InPlaceHoldEnabledError: Remove-MailboxSearch on an In-Place hold that is
// still enabled (disable it first).
type InPlaceHoldEnabledError struct {
	Name                string
	InPlaceHoldIdentity string
}

func (e *InPlaceHoldEnabledError) Error() string {
	return fmt.Sprintf("In-Place hold %q (%s) is still enabled", e.Name, e.InPlaceHoldIdentity)
}

// HoldInUseError: Invoke-HoldRemovalAction -Action RemoveHold without -Force
// on a hold whose object still applies it (an active case hold, an
// existing retention policy or an enabled In-Place hold).
type HoldInUseError struct {
	HoldID     string
	HoldType   string // HoldType* of HoldInfo
	PolicyName string
	CaseName   string // for case holds
}

func (e *HoldInUseError) Error() string {
	return fmt.Sprintf("hold %s belongs to the active %s %q; use -Force", e.HoldID, e.HoldType, e.PolicyName)
}

// HoldNotOnMailboxError: a hold ID is not on the mailbox (RemoveHold,
// RemoveOrphanedHolds).
type HoldNotOnMailboxError struct {
	HoldID   string
	Identity string
	Guid     string
}

func (e *HoldNotOnMailboxError) Error() string {
	return fmt.Sprintf("hold %s is not on mailbox %q", e.HoldID, e.Identity)
}

// HoldExistsError: -RemoveOrphanedHolds on a hold whose object still
// exists (the hold is not orphaned).
type HoldExistsError struct {
	HoldID     string
	ObjectName string
	HoldType   string
}

func (e *HoldExistsError) Error() string {
	return fmt.Sprintf("hold %s is not orphaned: %s %q still exists", e.HoldID, e.HoldType, e.ObjectName)
}

// NotOrgWidePolicyError: -ExcludeFromOrgHolds with a value that is not an
// org-wide retention policy of the organization.
type NotOrgWidePolicyError struct{ Value string }

func (e *NotOrgWidePolicyError) Error() string {
	return fmt.Sprintf("%q is not an organization-wide retention policy", e.Value)
}

// LabelHoldError: the hold can't be removed because retention labels on
// items keep it.
type LabelHoldError struct {
	Identity string
	Guid     string
	HoldID   string
	Labels   []string
}

func (e *LabelHoldError) Error() string {
	return fmt.Sprintf("mailbox %q has items with retention labels %v; hold %s can't be removed", e.Identity, e.Labels, e.HoldID)
}

// LocationNotInPolicyError: -RemoveExchangeLocation names a mailbox the
// policy doesn't include, or by an address other than the one it was
// added with (a static policy remembers the address it was given, so a
// mailbox whose address changed is removed by its old one). RememberedAs
// is the address the policy stored for the
// resolved mailbox, if any.
type LocationNotInPolicyError struct {
	PolicyName   string
	Location     string
	RememberedAs string
}

func (e *LocationNotInPolicyError) Error() string {
	if e.RememberedAs != "" {
		return fmt.Sprintf("policy %q includes the mailbox as %q, not %q", e.PolicyName, e.RememberedAs, e.Location)
	}
	return fmt.Sprintf("policy %q doesn't include %q", e.PolicyName, e.Location)
}

// ExceptionNeedsAllError: -AddExchangeLocationException on a policy whose
// ExchangeLocation isn't All.
type ExceptionNeedsAllError struct{ PolicyName string }

func (e *ExceptionNeedsAllError) Error() string {
	return fmt.Sprintf("policy %q: exceptions need ExchangeLocation All", e.PolicyName)
}

// RetiredFeatureError: a retired legacy feature (New-MailboxSearch with a
// hold, changing ItemHoldPeriod).
type RetiredFeatureError struct{ Feature string }

func (e *RetiredFeatureError) Error() string { return e.Feature + " is retired" }

// HoldOnDeletedMailboxError: holds can't be added to soft-deleted, inactive
// or retired mailboxes (org-wide static policies still apply to inactive
// ones).
type HoldOnDeletedMailboxError struct {
	Identity string
	Guid     string
	State    string
}

func (e *HoldOnDeletedMailboxError) Error() string {
	return fmt.Sprintf("mailbox %q is %s; holds can't be added to deleted mailboxes", e.Identity, e.State)
}

// NameInUseError: a compliance object name is taken.
type NameInUseError struct {
	Kind string
	Name string
}

func (e *NameInUseError) Error() string {
	return fmt.Sprintf("a %s named %q already exists", e.Kind, e.Name)
}

// ObjectInUseError: an object can't be removed while others use it (a
// policy still has rules, a case still has holds, a scope is used by a
// policy...).
type ObjectInUseError struct {
	Kind   string
	Name   string
	UsedBy string
}

func (e *ObjectInUseError) Error() string {
	return fmt.Sprintf("%s %q is in use by %s", e.Kind, e.Name, e.UsedBy)
}
