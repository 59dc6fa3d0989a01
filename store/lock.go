package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Locking and replacing the tenant file.
//
// Every process locks the tenant's lock file, <tenant>.lock beside the
// tenant file, before it opens the tenant file, and keeps the lock until
// it has closed the tenant file again: a shared lock to read (tenant
// info, export, check), an exclusive one to write. The lock file is never
// written, replaced or removed, so every process that waits for the lock
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
//     exclusive lock is stray (its builder held that lock) and is removed.
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
// runs: see Store.Release.

// lockSuffix names the lock file of a tenant file.
const lockSuffix = ".lock"

// buildInfix names the temporary files a replacement writes beside the
// tenant file (<tenant>.new-<pid>...).
const buildInfix = ".new-"

// errLockBusy means the lock stayed taken for the whole wait.
var errLockBusy = errors.New("tenant lock is held by another process")

// fileLock is a held lock on a tenant's lock file.
type fileLock struct{ f *os.File }

// release drops the lock.
func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	_ = unlockFile(l.f)
	_ = l.f.Close()
	l.f = nil
}

// resolveTenantPath follows symbolic links at the end of path, including
// a dangling one (its target is where the tenant will be created).
func resolveTenantPath(path string) (string, error) {
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

// lockTenant takes the lock file of the tenant file real (already
// resolved), exclusive or shared, waiting up to timeout (a negative
// timeout: not at all). It returns errLockBusy when the wait ran out.
//
// A reader that can neither open nor create the lock file (a tenant in a
// directory it may not write to, never opened for writing) goes on
// without it and relies on bbolt's lock of the tenant file alone: nobody
// can replace a file in that directory either.
func lockTenant(real string, exclusive bool, timeout time.Duration) (*fileLock, error) {
	name := real + lockSuffix
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil && !exclusive {
		if f, err = os.Open(name); err != nil {
			return &fileLock{}, nil
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
			return &fileLock{f: f}, nil
		}
		if timeout < 0 || time.Since(start) >= timeout {
			f.Close()
			return nil, errLockBusy
		}
		time.Sleep(min(wait, max(timeout-time.Since(start), time.Millisecond)))
		wait = min(2*wait, 50*time.Millisecond)
	}
}

// removeStrayBuilds deletes the temporary files of replacements that did
// not finish. Call it only with the exclusive lock held.
func removeStrayBuilds(real string) {
	matches, _ := filepath.Glob(escapeGlob(real) + buildInfix + "*")
	for _, m := range matches {
		_ = os.Remove(m)
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
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
