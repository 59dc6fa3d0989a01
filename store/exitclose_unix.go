//go:build unix

package store

import (
	"os"
	"syscall"
)

// unlockData drops bbolt's lock on the tenant file's descriptor f.
// Closing f alone would not: the memory mapping still refers to the open
// file, and a flock lasts until its last reference goes.
func unlockData(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) == nil
}
