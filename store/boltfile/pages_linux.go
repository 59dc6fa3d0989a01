//go:build linux

package boltfile

import (
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// dropInterval is how often WhileDroppingPages releases mapped pages.
const dropInterval = 250 * time.Millisecond

// WhileDroppingPages runs fn while a helper lets the kernel take back,
// every interval, the pages of the given databases' files that this
// process has mapped: a bulk operation that reads or writes a whole
// database (an import, its checks, a compaction) would otherwise keep the
// file's every page it touched resident. Each release happens inside a
// read transaction of its database, which keeps bbolt from remapping the
// file meanwhile; the pages come back from the page cache when read
// again.
func WhileDroppingPages(dbs func() []*bolt.DB, fn func() error) error {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(dropInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			for _, db := range dbs() {
				_ = db.View(func(btx *bolt.Tx) error {
					info := db.Info()
					if size := uintptr(btx.Size()); info != nil && info.Data != 0 && size > 0 {
						_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, info.Data, size, syscall.MADV_DONTNEED)
					}
					return nil
				})
			}
		}
	}()
	err := fn()
	close(stop)
	<-done
	return err
}
