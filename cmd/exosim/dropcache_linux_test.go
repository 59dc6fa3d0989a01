package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// dropCached drops the pages of f, written and synced, from the page
// cache, so that the next read of the file comes from disk.
func dropCached(f *os.File) error {
	return unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
