package store

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/exosim/exosim/store/boltfile"
)

// NotTenantError refuses a file that is not an exosim tenant (a bbolt
// database of another program, a text file, a FIFO ...). Nothing in the
// file is changed.
type NotTenantError struct {
	Path   string
	Reason string
}

func (e *NotTenantError) Error() string {
	return fmt.Sprintf("tenant file %q is not an exosim tenant: %s; exosim leaves it untouched (use another --tenant path)", e.Path, e.Reason)
}

// DamagedError reports a tenant file that can't be read as it should be:
// truncated, or with pages that make no sense.
type DamagedError struct {
	Path   string
	Reason string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("tenant file %q is damaged: %s; restore it from a copy or an export (exosim tenant import), or create a new one with exosim tenant init --force", e.Path, e.Reason)
}

// openDamage turns bbolt's refusal to open a file into a *NotTenantError
// (no bbolt meta page at all) or a *DamagedError; it returns nil for
// other errors.
func openDamage(path, shown string, err error) error {
	if !boltfile.Refused(err) {
		return nil
	}
	if !boltfile.HasMagic(path) {
		return &NotTenantError{Path: shown, Reason: "it is not a bbolt database"}
	}
	return &DamagedError{Path: shown, Reason: err.Error()}
}

// guard runs a transaction, turning a fault on a page of the mapped file
// or a panic inside bbolt (what a damaged file causes) into a
// *DamagedError. Other panics go on.
func (s *Store) guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if reason, ok := boltfile.PanicReason(r); ok {
			err = &DamagedError{Path: s.path, Reason: reason}
			return
		}
		panic(r)
	}()
	return fn()
}

// checkBoltSize reports a *DamagedError naming the file shown when the
// bbolt file f, size bytes long, is cut short (boltfile.Truncation).
func checkBoltSize(f io.ReaderAt, shown string, size int64) error {
	if reason := boltfile.Truncation(f, size); reason != "" {
		return &DamagedError{Path: shown, Reason: reason}
	}
	return nil
}
