//go:build linux

package store

import "syscall"

// ReleaseMappedPages lets the kernel take back the pages of the tenant
// file this process has mapped so far (madvise MADV_DONTNEED on bbolt's
// read-only shared mapping). Nothing is lost: a page read again is mapped
// again from the page cache. A long listing calls it between batches so
// its resident memory stays bounded instead of growing with every record
// it has read. It must run inside a transaction, which keeps bbolt from
// remapping the file meanwhile.
func (tx *Tx) ReleaseMappedPages() {
	info := tx.s.db.Info()
	size := tx.btx.Size()
	if info == nil || info.Data == 0 || size <= 0 {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(size), syscall.MADV_DONTNEED)
}
