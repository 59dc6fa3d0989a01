//go:build linux

package store

import (
	"syscall"
	"unsafe"
)

// ReleaseMappedPages lets the kernel take back the pages of the tenant
// file this process has mapped so far (madvise MADV_DONTNEED on bbolt's
// read-only shared mapping). Nothing is lost: a page read again is mapped
// again from the page cache. It must run inside a transaction, which
// keeps bbolt from remapping the file meanwhile.
//
// When the listing noted the records it read (noteRead), only the pages
// spanning them are released: releasing costs in proportion to the range,
// and a tenant file is much larger than the part a listing walks.
func (tx *Tx) ReleaseMappedPages() {
	info := tx.s.db.Info()
	size := tx.btx.Size()
	if info == nil || info.Data == 0 || size <= 0 {
		return
	}
	lo, hi := info.Data, info.Data+uintptr(size)
	tx.s.spanMu.Lock()
	span := tx.s.readSpan
	tx.s.readSpan = readSpan{}
	tx.s.spanMu.Unlock()
	span.widen(tx.span)
	tx.span = readSpan{}
	if span.hi > span.lo {
		// clamp to the current mapping: bbolt may have remapped the file
		// since the records were read
		lo, hi = max(lo, span.lo&^(uintptr(syscall.Getpagesize())-1)), min(hi, span.hi)
	}
	if hi <= lo {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_DONTNEED)
}

// mappedBudget is how many bytes of the tenant file's mapped pages a
// process keeps resident while it lists records (BoundMappedPages): every
// mailbox record of a 100,000-mailbox tenant fits, so a listing of all of
// them maps each page once, and with the listing's own memory the process
// stays within 150 MB; a larger tenant's listing releases them as it goes.
const mappedBudget = 96 << 20

// BoundMappedPages is ReleaseMappedPages once the pages noted as read
// since the last release (noteRead) are more than mappedBudget: a long
// listing calls it between batches, so that its resident memory stays
// bounded instead of growing with every record it has read, while a page
// it reads more than once is mapped once.
func (tx *Tx) BoundMappedPages() {
	tx.s.keepSpan(tx)
	tx.s.spanMu.Lock()
	n := tx.s.readSpan.n
	tx.s.spanMu.Unlock()
	if n<<pageShift > mappedBudget {
		tx.ReleaseMappedPages()
	}
}

// noteRead notes the mapped pages of v as read.
func (tx *Tx) noteRead(v []byte) {
	if len(v) == 0 {
		return
	}
	if tx.mapBase == 0 {
		if info := tx.s.db.Info(); info != nil {
			tx.mapBase = info.Data
		}
	}
	lo := uintptr(unsafe.Pointer(&v[0]))
	tx.span.note(tx.mapBase, lo, lo+uintptr(len(v)))
}
