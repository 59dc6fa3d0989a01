//go:build !linux

package store

// ReleaseMappedPages does nothing on this platform (see mmap_linux.go).
func (tx *Tx) ReleaseMappedPages() {}

// noteRead does nothing on this platform (see mmap_linux.go).
func (tx *Tx) noteRead(v []byte) {}
