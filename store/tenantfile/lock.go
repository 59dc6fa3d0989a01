// Package tenantfile locks and replaces a tenant file on disk.
//
// Every process locks the tenant's lock file, <tenant>.lock beside the
// tenant file, before it opens the tenant file, and keeps the lock until
// it has closed the tenant file again: a shared lock to read (tenant
// info, export, check), an exclusive one to write. The lock file is never
// replaced or removed, so every process that waits for the lock
// waits on the same file, whatever happens to the tenant file meanwhile.
//
// An operation that replaces the whole tenant file (a bulk build by
// tenant init --mailboxes, tenant import) holds the exclusive lock from
// start to end: it builds the new file beside the tenant under a
// temporary name (<tenant>.new-<pid>...), syncs it, renames it over the
// tenant file and only then releases the lock. Hence:
//
//   - a process waiting for the lock opens the tenant file after the
//     rename and works on the new file; it can't commit into a file that
//     is about to be replaced. (bbolt's own lock, on the tenant file
//     itself, can't give this: a waiter would get the lock of the old,
//     unlinked file once the replacer closed it, commit into it, report
//     success, and lose the change.)
//   - no other process has the tenant file open while it is replaced;
//   - a replacement killed half-way leaves the old tenant as it was plus a
//     temporary file. Any such file found by a process that holds the
//     exclusive lock is stray (its builder held that lock) and is removed
//     (Lock.RemoveStale; the lock file's side-file mark says when there
//     may be one to look for).
//
// The lock file's content plays no part in locking. A process holding
// the exclusive lock writes its holder note there (see Lock.RecordHolder)
// and blanks it before it lets go; shared holders leave notes in files of
// their own beside the tenant (RecordHolder).
//
// bbolt still takes its own lock on the tenant file. With the lock file
// held it is free at once, unless a process that does not use the lock
// file (an older exosim) has the tenant open; then Open fails as locked.
//
// A tenant path that is a symbolic link is resolved first: the lock file
// sits beside the link's target and a replacement renames over the
// target, so the link stays a link.
//
// A long-lived process (the REPL) holds the lock only while a command
// runs: see the store's Release.
package tenantfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LockSuffix names the lock file of a tenant file.
const LockSuffix = ".lock"

// BuildInfix names the temporary files a replacement writes beside the
// tenant file (<tenant>.new-<pid>...).
const BuildInfix = ".new-"

// ErrBusy means the lock stayed taken for the whole wait.
var ErrBusy = errors.New("tenant lock is held by another process")

// Lock is a held lock on a tenant's lock file.
type Lock struct {
	f         *os.File
	exclusive bool
	// noted is set while the lock file holds this process's note
	// (RecordHolder).
	noted bool
}

// Release drops the lock, blanking the note this process wrote into the
// lock file.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	if l.noted {
		_, _ = l.f.WriteAt([]byte{'\n'}, 1)
		l.noted = false
	}
	_ = unlockFile(l.f)
	_ = l.f.Close()
	l.f = nil
}

// Resolve follows symbolic links at the end of path, including
// a dangling one (its target is where the tenant will be created).
func Resolve(path string) (string, error) {
	p := path
	for i := 0; i < 40; i++ {
		fi, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", fmt.Errorf("tenant file %q: %w", path, err)
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		target, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("tenant file %q: %w", path, err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	return "", fmt.Errorf("tenant file %q: too many levels of symbolic links", path)
}

// Acquire takes the lock file of the tenant file real (already
// resolved), exclusive or shared, waiting up to timeout (a negative
// timeout: not at all). It returns ErrBusy when the wait ran out.
//
// A reader that can neither open nor create the lock file (a tenant in a
// directory it may not write to, never opened for writing) goes on
// without it and relies on bbolt's lock of the tenant file alone: nobody
// can replace a file in that directory either.
func Acquire(real string, exclusive bool, timeout time.Duration) (*Lock, error) {
	name := real + LockSuffix
	f, err := OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil && !exclusive {
		if f, err = OpenFile(name, os.O_RDONLY, 0); err != nil {
			return &Lock{}, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("lock file of tenant %q: %w", real, err)
	}
	start := time.Now()
	wait := 2 * time.Millisecond
	for {
		busy, err := tryLockFile(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock tenant %q: %w", real, err)
		}
		if !busy {
			return &Lock{f: f, exclusive: exclusive}, nil
		}
		if timeout < 0 || time.Since(start) >= timeout {
			f.Close()
			return nil, ErrBusy
		}
		time.Sleep(min(wait, max(timeout-time.Since(start), time.Millisecond)))
		wait = min(2*wait, 50*time.Millisecond)
	}
}

// The lock file's side-file mark, a byte just past the holder note's
// window (lockFileNote reads 64 KB from the second byte), says whether a
// process may have made files beside the tenant since an exclusive holder
// last removed the stray ones: sideClean says none has; sideDirty, or no
// byte at all (a lock file from before the mark), says one may have.
// Every process marks the directory dirty before it makes such a file (a
// replacement's temporary file, a reader's holder note), so the exclusive
// holders after it read the directory only when something may be left in
// it, not on every open: reading a directory of 20,000 files took 5 ms.
const (
	sideMark  = 1 + 1<<16
	sideClean = 'c'
	sideDirty = 'd'
)

// MarkSideFiles records in the lock file that this process is about to
// make files beside the tenant (see sideMark), before it makes them. It
// reports false when the lock file can't take the mark (no lock file, or
// one opened read only): the caller must then not make them.
func (l *Lock) MarkSideFiles() bool {
	if l == nil || l.f == nil {
		return false
	}
	_, err := l.f.WriteAt([]byte{sideDirty}, sideMark)
	return err == nil
}

// RemoveStale deletes what processes that no longer have the tenant file
// open left beside it: the temporary files of replacements that did not
// finish, and the holder notes of every other process (with the exclusive
// lock held no other process has the file open; a killed one leaves its
// note behind). One read of the directory serves both, made only when the
// side-file mark says a process may have made such a file since the last
// one; the mark then says the directory is clean. Call it only with the
// exclusive lock l held on the tenant file real.
func (l *Lock) RemoveStale(real string) {
	if l == nil || l.f == nil || !l.exclusive {
		return
	}
	var mark [1]byte
	if n, _ := l.f.ReadAt(mark[:], sideMark); n == 1 && mark[0] == sideClean {
		return
	}
	dir, base := filepath.Dir(real), filepath.Base(real)
	// both kinds of file are named <base>.<...>
	names := dirNames(dir, base+".")
	own := filepath.Base(holderNote(real, os.Getpid()))
	build, note := base+BuildInfix, base+holderSuffix
	for _, n := range names {
		if n != own && (strings.HasPrefix(n, build) || strings.HasPrefix(n, note)) {
			_ = os.Remove(filepath.Join(dir, n))
		}
	}
	_, _ = l.f.WriteAt([]byte{sideClean}, sideMark)
}

// SyncDir makes a rename in dir durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}
