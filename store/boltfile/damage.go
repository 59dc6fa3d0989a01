// Package boltfile does the work on a bbolt database as a whole that the
// engine's transactions do not: telling a file that is no bbolt database
// from one that is damaged, compacting a copy (its index bucket written
// anew from the records), loading and copying buckets in transactions of
// bounded size, and letting the kernel take back the pages a long
// operation has mapped. It knows nothing of the records it moves: what an
// index holds comes from the caller (Source). It imports nothing of
// exosim.
package boltfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// magic opens every bbolt meta page.
const magic = 0xED0CDAED

// Refused reports whether err is bbolt's refusal to open a file that is
// not a bbolt database or is a damaged one (HasMagic tells the two
// apart).
func Refused(err error) bool {
	return errors.Is(err, bolt.ErrInvalid) || errors.Is(err, bolt.ErrChecksum) || errors.Is(err, bolt.ErrVersionMismatch) ||
		strings.Contains(err.Error(), "file size too small")
}

// HasMagic reports whether the file starts with a bbolt meta page (at
// offset 0, or, when that page is damaged, at one of the usual page
// sizes).
func HasMagic(path string) bool {
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
		if m := buf[16:20]; binary.LittleEndian.Uint32(m) == magic || binary.BigEndian.Uint32(m) == magic {
			return true
		}
	}
	return false
}

// PanicReason reports whether a recovered panic comes from a damaged
// file, and says why: a memory fault (a page beyond the end of a
// truncated file) or a panic raised inside bbolt. It must be called by
// the deferred function that recovered.
func PanicReason(r any) (string, bool) {
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

// Truncation reads the meta pages of the bbolt file f (size bytes long)
// and says why it is damaged when the newest valid one says the file is
// longer than it is ("" when it is not): opening a cut file for writing
// would make bbolt read its free-page list from beyond the end. Meta
// pages are little-endian on every platform exosim ships for; a file it
// can't read this way is left to bbolt's own checks.
func Truncation(f io.ReaderAt, size int64) string {
	// meta page layout after the 16-byte page header: magic, version,
	// page size, flags (4 bytes each), root bucket (16), free list page
	// (8), high-water page id (8), transaction id (8), checksum (8).
	var buf [16 + 64]byte
	read := func(off int64) (pageSize uint32, hw, txid uint64, ok bool) {
		if n, _ := f.ReadAt(buf[:], off); n < len(buf) {
			return 0, 0, 0, false
		}
		m := buf[16:]
		if binary.LittleEndian.Uint32(m[0:]) != magic {
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
		return ""
	}
	if ps2, hw2, txid2, ok2 := read(int64(ps)); ok2 && ps2 == ps && txid2 > txid {
		hw = hw2
	}
	if need := int64(hw) * int64(ps); need > size {
		return fmt.Sprintf("it is %d bytes long but its pages reach %d bytes (truncated)", size, need)
	}
	return ""
}
