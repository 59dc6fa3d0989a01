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

// OpenFile is os.OpenFile for the files of a tenant (the tenant file,
// its lock file, holder notes), which are regular files: the descriptor
// is not offered to the runtime's network poller, which refuses regular
// files anyway, after four fcntl calls and an epoll_ctl per file (and,
// the first time, making the poller).
func OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err != syscall.EINTR {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
	}
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
