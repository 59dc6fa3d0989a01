package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"
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

// boltMagic opens every bbolt meta page.
const boltMagic = 0xED0CDAED

// openDamage turns bbolt's refusal to open a file into a *NotTenantError
// (no bbolt meta page at all) or a *DamagedError; it returns nil for
// other errors.
func openDamage(path, shown string, err error) error {
	if !errors.Is(err, bolt.ErrInvalid) && !errors.Is(err, bolt.ErrChecksum) && !errors.Is(err, bolt.ErrVersionMismatch) &&
		!strings.Contains(err.Error(), "file size too small") {
		return nil
	}
	if !hasBoltMagic(path) {
		return &NotTenantError{Path: shown, Reason: "it is not a bbolt database"}
	}
	return &DamagedError{Path: shown, Reason: err.Error()}
}

// hasBoltMagic reports whether the file starts with a bbolt meta page (at
// offset 0, or, when that page is damaged, at one of the usual page
// sizes).
func hasBoltMagic(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 20)
	for _, off := range []int64{0, 4096, 8192, 16384, 65536} {
		if n, _ := f.ReadAt(buf, off); n < len(buf) {
			return false
		}
		if m := buf[16:20]; binary.LittleEndian.Uint32(m) == boltMagic || binary.BigEndian.Uint32(m) == boltMagic {
			return true
		}
	}
	return false
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
		if reason, ok := damagePanic(r); ok {
			err = &DamagedError{Path: s.path, Reason: reason}
			return
		}
		panic(r)
	}()
	return fn()
}

// damagePanic reports whether a recovered panic comes from a damaged
// file: a memory fault (a page beyond the end of a truncated file) or a
// panic raised inside bbolt. It must be called by the deferred function
// that recovered.
func damagePanic(r any) (string, bool) {
	if re, ok := r.(runtime.Error); ok {
		if _, fault := re.(interface{ Addr() uintptr }); fault {
			return "a page of the file can't be read (" + re.Error() + ")", true
		}
	}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			inPanic = true
		case inPanic && strings.HasPrefix(f.Function, "runtime."):
		case inPanic:
			if strings.HasPrefix(f.Function, "go.etcd.io/bbolt") {
				return fmt.Sprint(r), true
			}
			return "", false
		}
		if !more {
			return "", false
		}
	}
}

// checkBoltSize reads the meta pages of the bbolt file f (size bytes
// long, shown by the name shown) and reports a *DamagedError when the
// newest valid one says the file is longer than it is: opening a cut
// tenant for writing would make bbolt read its free-page list from beyond
// the end. Meta pages are little-endian on every platform exosim ships
// for; a file it can't read this way is left to bbolt's own checks.
func checkBoltSize(f io.ReaderAt, shown string, size int64) error {
	// meta page layout after the 16-byte page header: magic, version,
	// page size, flags (4 bytes each), root bucket (16), free list page
	// (8), high-water page id (8), transaction id (8), checksum (8).
	var buf [16 + 64]byte
	read := func(off int64) (pageSize uint32, hw, txid uint64, ok bool) {
		if n, _ := f.ReadAt(buf[:], off); n < len(buf) {
			return 0, 0, 0, false
		}
		m := buf[16:]
		if binary.LittleEndian.Uint32(m[0:]) != boltMagic {
			return 0, 0, 0, false
		}
		h := fnv.New64a()
		h.Write(m[:56])
		if h.Sum64() != binary.LittleEndian.Uint64(m[56:]) {
			return 0, 0, 0, false
		}
		return binary.LittleEndian.Uint32(m[8:]), binary.LittleEndian.Uint64(m[40:]), binary.LittleEndian.Uint64(m[48:]), true
	}
	ps, hw, txid, ok := read(0)
	if !ok {
		return nil
	}
	if ps2, hw2, txid2, ok2 := read(int64(ps)); ok2 && ps2 == ps && txid2 > txid {
		hw = hw2
	}
	if need := int64(hw) * int64(ps); need > size {
		return &DamagedError{Path: shown, Reason: fmt.Sprintf("it is %d bytes long but its pages reach %d bytes (truncated)", size, need)}
	}
	return nil
}
