//go:build !linux

package store

// ReleaseMappedPages does nothing on this platform (see mmap_linux.go).
func (tx *Tx) ReleaseMappedPages() {}
