package transfer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/tenantfile"
)

// Rebuild replaces the tenant file at path with a new one, as a single
// step for every other process (see store/tenantfile): it takes the tenant's
// exclusive lock, waiting as Open does, and keeps it to the end. build
// gets the current tenant (nil when there is no tenant file yet, or it is
// empty) and the new tenant, an empty file beside it that only this
// process knows of, written without a sync per commit. When build
// succeeds the new file is compacted (each bucket's pages in one region
// of the file, no free pages, and the pages nearly every command reads
// together at its start: store.WriteHot), synced, and renamed over the
// tenant file (over a symbolic link's target, not the link). When build
// fails, or the process dies, the tenant file is left as it was; a
// killed rebuild's temporary files are removed by the next process that
// opens the tenant for writing.
func Rebuild(path string, o store.Options, build func(old, fresh *store.Store) error) error {
	if path == "" {
		return errors.New("tenant file path is empty")
	}
	real, err := tenantfile.Resolve(path)
	if err != nil {
		return err
	}
	timeout := o.LockTimeout
	if timeout == 0 {
		timeout = store.DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		return fmt.Errorf("create directory for tenant file %q: %w", path, err)
	}
	lk, err := tenantfile.Acquire(real, true, timeout)
	if errors.Is(err, tenantfile.ErrBusy) {
		return &store.LockedError{Path: path, Waited: max(timeout, 0), Holders: tenantfile.Holders(real)}
	}
	if err != nil {
		return err
	}
	defer lk.Release()
	lk.RecordHolder()
	lk.RemoveStale(real)

	var old *store.Store
	if fi, err := os.Stat(real); err == nil && fi.Size() > 0 {
		old, err = store.OpenLocked(path, store.Options{LockTimeout: timeout, Schema: o.Schema}, lk)
		if err != nil {
			return err
		}
		defer old.Close()
	} else if err == nil && !fi.Mode().IsRegular() {
		return &store.NotTenantError{Path: path, Reason: "it is not a regular file"}
	}
	if !lk.MarkSideFiles() {
		return fmt.Errorf("lock file of tenant %q: can't record the temporary files made beside it", path)
	}
	tmp := fmt.Sprintf("%s%s%d", real, tenantfile.BuildInfix, os.Getpid())
	compacted := tmp + ".compact"
	defer os.Remove(tmp)
	defer os.Remove(compacted)
	fresh, err := store.OpenReplacement(tmp, o.Schema)
	if err != nil {
		return err
	}
	if err := build(old, fresh); err != nil {
		fresh.Close()
		return err
	}
	var index *boltfile.Index
	if fresh.IndexPending() {
		index = &boltfile.Index{Bucket: store.BucketIndex, Sources: o.Schema.IndexSources()}
	}
	if err := fresh.Close(); err != nil {
		return err
	}
	if err := boltfile.Compact(tmp, compacted, index); err != nil {
		return fmt.Errorf("compact tenant %q: %w", path, err)
	}
	if err := store.WriteHot(compacted, o.Schema); err != nil {
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
	return tenantfile.SyncDir(filepath.Dir(real))
}
