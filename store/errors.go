package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store/tenantfile"
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
	Holders []tenantfile.Holder
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

// OneOf is the ValidationError of the field when its value v is not one
// of values (compared exactly), nil when it is.
func OneOf(field, v string, values []string) error {
	for _, x := range values {
		if x == v {
			return nil
		}
	}
	return &ValidationError{Field: field, Message: fmt.Sprintf("%q is not one of %s", v, strings.Join(values, ", "))}
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
