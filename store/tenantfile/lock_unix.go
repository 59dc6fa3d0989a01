//go:build !windows

package tenantfile

import (
	"errors"
	"os"
	"syscall"
)

// tryLockFile takes flock's shared or exclusive lock on f without
// waiting; busy reports that another open file holds a conflicting lock.
func tryLockFile(f *os.File, exclusive bool) (busy bool, err error) {
	how := syscall.LOCK_SH | syscall.LOCK_NB
	if exclusive {
		how = syscall.LOCK_EX | syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// unlockFile drops the lock tryLockFile took (closing the file drops it too).
func unlockFile(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// ID identifies the file behind an open descriptor or a path: its
// device and inode, size and modification time.
type ID struct {
	dev, ino   uint64
	size       int64
	mtimeNanos int64
}

// IDOf returns the identity of the file fi describes.
func IDOf(fi os.FileInfo) ID {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ID{size: fi.Size(), mtimeNanos: fi.ModTime().UnixNano()}
	}
	return ID{dev: uint64(st.Dev), ino: uint64(st.Ino), size: fi.Size(), mtimeNanos: fi.ModTime().UnixNano()}
}
