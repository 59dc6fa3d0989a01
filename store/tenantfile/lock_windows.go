//go:build windows

package tenantfile

import (
	"os"

	"golang.org/x/sys/windows"
)

// tryLockFile takes a shared or exclusive lock on the first byte of f
// without waiting; busy reports that another handle holds a conflicting
// lock.
func tryLockFile(f *os.File, exclusive bool) (busy bool, err error) {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, ol)
	if err == windows.ERROR_LOCK_VIOLATION || err == windows.ERROR_IO_PENDING {
		return true, nil
	}
	return false, err
}

// OpenFile is os.OpenFile for the files of a tenant (the tenant file,
// its lock file, holder notes).
func OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// unlockFile drops the lock tryLockFile took (closing the file drops it too).
func unlockFile(f *os.File) error {
	ol := new(windows.Overlapped)
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}

// ID identifies the file behind a path: on Windows its size and
// modification time (a replaced file differs in at least one of them in
// practice).
type ID struct {
	dev, ino   uint64
	size       int64
	mtimeNanos int64
}

// IDOf returns the identity of the file fi describes.
func IDOf(fi os.FileInfo) ID {
	return ID{size: fi.Size(), mtimeNanos: fi.ModTime().UnixNano()}
}
