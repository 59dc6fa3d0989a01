//go:build !linux

package store

// ReleaseMappedPages does nothing on this platform (see mmap_linux.go).
func (tx *Tx) ReleaseMappedPages() {}

// BoundMappedPages does nothing on this platform (see mmap_linux.go).
func (tx *Tx) BoundMappedPages() {}

// noteRead does nothing on this platform (see mmap_linux.go).
func (tx *Tx) noteRead(v []byte) {}
