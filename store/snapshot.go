package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/tenantfile"
)

// Snapshot is the whole content of a tenant file at one moment: every
// record, the simulated clock and its timers, the ID generator. Restore
// puts a tenant back to it. A test run takes one before each block it
// isolates, so a change a block makes does not reach the next one.
type Snapshot struct {
	data []byte
}

// Size is the snapshot's size in bytes.
func (sn *Snapshot) Size() int { return len(sn.data) }

// Snapshot copies the tenant as one read transaction sees it: the copy is
// consistent even while other transactions of this process commit.
func (s *Store) Snapshot() (*Snapshot, error) {
	db, err := s.enter()
	if err != nil {
		return nil, err
	}
	defer s.leave()
	var buf bytes.Buffer
	err = s.guard(func() error {
		return db.View(func(btx *bolt.Tx) error {
			buf.Grow(int(btx.Size()))
			_, err := btx.WriteTo(&buf)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return &Snapshot{data: buf.Bytes()}, nil
}

// errRestoreInTx is returned when Restore is asked for while a transaction
// of this Store runs.
var errRestoreInTx = errors.New("store: a tenant can't be restored while a transaction runs")

// Restore replaces the tenant's whole content with a snapshot. It holds
// the tenant's exclusive lock throughout (taking it as a transaction
// would, when the Store has let go of the file): the snapshot is written
// beside the tenant file under a temporary name and renamed over it, so
// another process sees either the old tenant or the restored one. Every
// generation counter moves on, as after an import: nothing cached against
// the old content is taken for current.
func (s *Store) Restore(sn *Snapshot) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if sn == nil || len(sn.data) == 0 {
		return errors.New("store: empty snapshot")
	}
	s.lease.Lock()
	defer s.lease.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.users > 0 {
		return errRestoreInTx
	}
	if s.db == nil {
		if err := s.attach(); err != nil {
			return err
		}
		if !s.held {
			defer func() { _ = s.detach(false) }()
		}
	}
	if s.lock != nil && !s.lock.MarkSideFiles() {
		return fmt.Errorf("restore tenant %q: its lock file can't record the temporary file made beside it", s.path)
	}
	tmp := fmt.Sprintf("%s%s%d.restore", s.real, tenantfile.BuildInfix, os.Getpid())
	if err := boltfile.WriteFile(tmp, sn.data, !s.opts.NoSync); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("restore tenant %q: %w", s.path, err)
	}
	if err := s.db.Close(); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	s.db = nil
	renameErr := os.Rename(tmp, s.real)
	if renameErr != nil {
		_ = os.Remove(tmp)
	}
	// Reopen the file (the restored one, or the old one if the rename
	// failed) under the lock this Store still holds.
	var db *bolt.DB
	err := s.guard(func() (err error) {
		db, err = bolt.Open(s.real, 0o600, &bolt.Options{Timeout: time.Nanosecond, NoSync: s.opts.NoSync})
		return err
	})
	if err != nil {
		// The Store can't go on with this file: let go of the lock so the
		// next transaction attaches afresh and reports what is wrong.
		if s.lock != s.opts.borrowed {
			s.lock.Release()
		}
		s.lock = nil
		// that attach counts the file as changed
		s.seen, s.seenInit = fileState{}, true
		return fmt.Errorf("reopen tenant %q after restore: %w", s.path, err)
	}
	s.db = db
	s.spanMu.Lock()
	s.readSpan = readSpan{}
	s.spanMu.Unlock()
	if renameErr != nil {
		return fmt.Errorf("restore tenant %q: %w", s.path, renameErr)
	}
	s.changedElsewhere()
	if st, ok := s.fileState(); ok {
		s.seen, s.seenInit = st, true
	}
	return nil
}
