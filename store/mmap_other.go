//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// ReleaseMappedPages does nothing on this platform (see mmap_linux.go).
func (tx *Tx) ReleaseMappedPages() {}

// noteRead does nothing on this platform (see mmap_linux.go).
func (tx *Tx) noteRead(v []byte) {}

// whileDroppingPages runs fn (see mmap_linux.go).
func whileDroppingPages(dbs func() []*bolt.DB, fn func() error) error { return fn() }
