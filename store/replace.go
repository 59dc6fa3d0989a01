package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize bounds the transactions a compacting copy is written in.
const compactTxSize = 16 << 20

// Rebuild replaces the tenant file at path with a new one, as a single
// step for every other process (see lock.go): it takes the tenant's
// exclusive lock, waiting as Open does, and keeps it to the end. build
// gets the current tenant (nil when there is no tenant file yet, or it is
// empty) and the new tenant, an empty file beside it that only this
// process knows of, written without a sync per commit. When build
// succeeds the new file is compacted (each bucket's pages in one region
// of the file, no free pages), synced, and renamed over the tenant file
// (over a symbolic link's target, not the link). When build fails, or the
// process dies, the tenant file is left as it was; a killed rebuild's
// temporary files are removed by the next process that opens the tenant
// for writing.
func Rebuild(path string, o Options, build func(old, fresh *Store) error) error {
	if path == "" {
		return errors.New("tenant file path is empty")
	}
	real, err := resolveTenantPath(path)
	if err != nil {
		return err
	}
	timeout := o.LockTimeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		return fmt.Errorf("create directory for tenant file %q: %w", path, err)
	}
	lk, err := lockTenant(real, true, timeout)
	if errors.Is(err, errLockBusy) {
		return &LockedError{Path: path, Waited: max(timeout, 0), Holders: Holders(real)}
	}
	if err != nil {
		return err
	}
	defer lk.release()
	if note := recordHolder(real, false); note != "" {
		defer os.Remove(note)
	}
	removeStrayBuilds(real)

	var old *Store
	if fi, err := os.Stat(real); err == nil && fi.Size() > 0 {
		old, err = Open(path, Options{LockTimeout: timeout, borrowed: lk, Schema: o.Schema})
		if err != nil {
			return err
		}
		defer old.Close()
	} else if err == nil && !fi.Mode().IsRegular() {
		return &NotTenantError{Path: path, Reason: "it is not a regular file"}
	}
	tmp := fmt.Sprintf("%s%s%d", real, buildInfix, os.Getpid())
	compacted := tmp + ".compact"
	defer os.Remove(tmp)
	defer os.Remove(compacted)
	fresh, err := Open(tmp, Options{NoSync: true, private: true, Schema: o.Schema})
	if err != nil {
		return err
	}
	if err := build(old, fresh); err != nil {
		fresh.Close()
		return err
	}
	if err := fresh.Close(); err != nil {
		return err
	}
	if err := compactFile(tmp, compacted); err != nil {
		return fmt.Errorf("compact tenant %q: %w", path, err)
	}
	_ = os.Remove(tmp)
	if old != nil {
		if err := old.Close(); err != nil {
			return err
		}
	}
	if err := os.Rename(compacted, real); err != nil {
		return fmt.Errorf("replace tenant %q: %w", path, err)
	}
	return syncDir(filepath.Dir(real))
}

// compactFile writes a compact, synced copy of the bbolt file src to dst.
func compactFile(src, dst string) error {
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := bolt.Open(dst, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		return err
	}
	err = whileDroppingPages(func() []*bolt.DB { return []*bolt.DB{from, to} }, func() error {
		return bolt.Compact(to, from, compactTxSize)
	})
	if err == nil {
		err = to.Sync()
	}
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	return err
}
