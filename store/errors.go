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
	// ErrAlreadyInitialized is returned by Init without force on a seeded tenant.
	ErrAlreadyInitialized = errors.New("tenant is already initialized")
	// ErrStop may be returned by a ForEach callback to end iteration early
	// without an error.
	ErrStop = errors.New("stop iteration")
	// ErrNotRevocable is matched by NotRevocableError and NoAMELicenseError.
	ErrNotRevocable = errors.New("message can't be revoked")
)

// LockedError reports that another process holds the tenant file.
type LockedError struct {
	Path   string
	Waited time.Duration
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("tenant file %q is locked by another exosim process (waited %s)", e.Path, e.Waited)
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

// MessageNotFoundError reports an unknown Message-ID (the comparison is
// exact, angle brackets included).
type MessageNotFoundError struct{ MessageID string }

func (e *MessageNotFoundError) Error() string {
	return fmt.Sprintf("message %q not found", e.MessageID)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *MessageNotFoundError) Is(target error) bool { return target == ErrNotFound }

// NotRevocableError reports a message whose recipients can't lose access
// (all inline, internal only, or not encrypted).
type NotRevocableError struct {
	MessageID string
	Reason    string
}

func (e *NotRevocableError) Error() string {
	return fmt.Sprintf("message %q can't be revoked: %s", e.MessageID, e.Reason)
}

// Is makes errors.Is(err, ErrNotRevocable) true.
func (e *NotRevocableError) Is(target error) bool { return target == ErrNotRevocable }

// NoAMELicenseError reports that the tenant lacks Advanced Message
// Encryption, which revocation and expiry need.
type NoAMELicenseError struct{ Feature string }

func (e *NoAMELicenseError) Error() string {
	return fmt.Sprintf("%s requires Advanced Message Encryption, which the tenant's licences don't include", e.Feature)
}

// Is makes errors.Is(err, ErrNotRevocable) true.
func (e *NoAMELicenseError) Is(target error) bool { return target == ErrNotRevocable }

// UnknownSeedError reports an unknown seed name.
type UnknownSeedError struct {
	Name  string
	Known []string
}

func (e *UnknownSeedError) Error() string {
	return fmt.Sprintf("unknown seed %q (known seeds: %s)", e.Name, strings.Join(e.Known, ", "))
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
