// Package store is the simulated Exchange Online tenant: domain records,
// the rules that keep them consistent, and their bbolt persistence
// (buckets, secondary indexes, schema version, simulated clock, seeded ID
// generator, timers, JSON export/import and seed tenants).
//
// One cmdlet invocation maps to one transaction: reads use View, writes use
// Update, and any error returned from an Update callback rolls back every
// change made in it.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the version of the on-disk and export layout written by
// this package. Older versions are migrated (migrate.go).
//
// History: 1 = first release; 2 = every folder with items has explicit
// item cohorts; 3 = records are CBOR instead of JSON (codec.go); 4 = the
// mailbox name index and the account brief index are covering indexes.
const SchemaVersion = 4

// DefaultLockTimeout is used when Options.LockTimeout is zero.
const DefaultLockTimeout = 2 * time.Second

// Options configure Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release
	// the tenant file (default 2s).
	LockTimeout time.Duration
	// ReadOnly opens the file with a shared lock; Update fails.
	ReadOnly bool
	// NoSync skips the fsync at each commit (for throwaway tenants in
	// tests and bulk builds: a power loss may lose or corrupt the file).
	NoSync bool
}

// Store is an open tenant file.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool

	mu     sync.RWMutex
	timers map[string]TimerHandler
	// note is this process's holder note (lockinfo.go), removed at Close.
	note string
	// gen counts committed write transactions (Generation).
	gen atomic.Uint64
	// bucketGens counts committed writes per data bucket, allGen the
	// wholesale replacements (PrincipalsGeneration).
	genMu      sync.Mutex
	bucketGens map[string]uint64
	allGen     uint64
	// spanMu guards readSpan, the address range of the mapped records the
	// listings of this process have read since the last
	// ReleaseMappedPages (mmap_linux.go). A transaction notes its reads in
	// its own span and adds it here when it ends, so concurrent View calls
	// never write the same memory unguarded.
	spanMu   sync.Mutex
	readSpan readSpan
}

// PrincipalsGeneration changes whenever a committed transaction of this
// Store wrote a user, a role group or the organization record (or reset
// or imported the tenant): what decides who may run which cmdlet. Role-
// based access control caches a caller's grants against it, so commands
// that only change mailboxes do not recompute them.
func (s *Store) PrincipalsGeneration() uint64 {
	s.genMu.Lock()
	defer s.genMu.Unlock()
	return s.allGen + s.bucketGens[bucketUsers] + s.bucketGens[bucketRoleGroups] + s.bucketGens[bucketOrg]
}

// committed counts the writes of a committed transaction.
func (s *Store) committed(tx *Tx) {
	s.gen.Add(1)
	s.genMu.Lock()
	defer s.genMu.Unlock()
	if tx.touchedAll {
		s.allGen++
	}
	if len(tx.touched) > 0 && s.bucketGens == nil {
		s.bucketGens = map[string]uint64{}
	}
	for b := range tx.touched {
		s.bucketGens[b]++
	}
}

// Generation counts the write transactions this Store has committed. The
// file lock keeps other processes from writing while it is open, so an
// unchanged generation means an unchanged tenant: callers may cache what
// they read (the administrator's UPN, for example) against it.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// Open opens (creating if needed) the tenant file at path.
func Open(path string, o Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("tenant file path is empty")
	}
	timeout := o.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	if !o.ReadOnly {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("create directory for tenant file %q: %w", path, err)
			}
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: o.ReadOnly, NoSync: o.NoSync})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, &LockedError{Path: path, Waited: timeout, Holders: Holders(path)}
		}
		return nil, fmt.Errorf("open tenant file %q: %w", path, err)
	}
	s := &Store{db: db, path: path, readOnly: o.ReadOnly}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, err
	}
	s.note = recordHolder(path, o.ReadOnly)
	return s, nil
}

// prepare creates the buckets and checks the schema version: a newer
// file is refused, an older one migrated (read-write) or refused with
// *SchemaMigrationError (read-only).
func (s *Store) prepare() error {
	// check returns the file's schema version (0 for a new file).
	check := func(btx *bolt.Tx) (int, error) {
		mb := btx.Bucket([]byte(bucketMeta))
		if mb == nil {
			if s.readOnly {
				return 0, fmt.Errorf("tenant file %q has not been created yet", s.path)
			}
			return 0, nil
		}
		v := mb.Get([]byte(metaSchemaVersion))
		if v == nil {
			return 0, nil
		}
		n, err := strconv.Atoi(string(v))
		if err != nil || n < minSchemaVersion {
			return 0, fmt.Errorf("tenant file %q: bad schema version %q", s.path, v)
		}
		if n > SchemaVersion {
			return 0, &SchemaVersionError{Path: s.path, Found: n, Supported: SchemaVersion}
		}
		return n, nil
	}
	if s.readOnly {
		return s.db.View(func(btx *bolt.Tx) error {
			n, err := check(btx)
			if err == nil && n != 0 && n < SchemaVersion {
				err = &SchemaMigrationError{Path: s.path, Found: n, Supported: SchemaVersion}
			}
			return err
		})
	}
	return s.db.Update(func(btx *bolt.Tx) error {
		n, err := check(btx)
		if err != nil {
			return err
		}
		if err := ensureBuckets(btx); err != nil {
			return err
		}
		if n == 0 {
			return btx.Bucket([]byte(bucketMeta)).Put([]byte(metaSchemaVersion), []byte(strconv.Itoa(SchemaVersion)))
		}
		if n == SchemaVersion {
			return nil
		}
		tx := s.newTx(btx)
		if err := tx.migrate(n); err != nil {
			return fmt.Errorf("tenant file %q: %w", s.path, err)
		}
		return tx.flush()
	})
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	if s.note != "" {
		_ = os.Remove(s.note)
		s.note = ""
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// Path returns the tenant file path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(*Tx) error) error {
	if s.db == nil {
		return ErrClosed
	}
	var tx *Tx
	err := s.db.View(func(btx *bolt.Tx) error {
		tx = s.newTx(btx)
		return fn(tx)
	})
	if tx != nil {
		s.keepSpan(tx)
	}
	return err
}

// Update runs fn in a read-write transaction. If fn returns an error
// nothing it did is kept.
func (s *Store) Update(fn func(*Tx) error) error {
	if s.db == nil {
		return ErrClosed
	}
	if s.readOnly {
		return ErrReadOnly
	}
	var tx *Tx
	err := s.db.Update(func(btx *bolt.Tx) error {
		tx = s.newTx(btx)
		if err := fn(tx); err != nil {
			return err
		}
		return tx.flush()
	})
	if tx != nil {
		s.keepSpan(tx)
	}
	if err == nil {
		s.committed(tx)
	}
	return err
}

// IsInitialized reports whether the tenant has been seeded or imported.
func (s *Store) IsInitialized() (bool, error) {
	var ok bool
	err := s.View(func(tx *Tx) error {
		ok = tx.IsInitialized()
		return nil
	})
	return ok, err
}

// RegisterTimer installs a handler for a timer kind on this store. It
// takes precedence over the package's built-in handlers for that kind.
func (s *Store) RegisterTimer(kind string, h TimerHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timers == nil {
		s.timers = map[string]TimerHandler{}
	}
	s.timers[kind] = h
}

func (s *Store) timerHandler(kind string) TimerHandler {
	s.mu.RLock()
	h := s.timers[kind]
	s.mu.RUnlock()
	if h != nil {
		return h
	}
	return builtinTimers[kind]
}

// readSpan is an address range of mapped file pages.
type readSpan struct{ lo, hi uintptr }

// widen makes the span cover o too.
func (r *readSpan) widen(o readSpan) {
	if o.hi == 0 {
		return
	}
	if r.hi == 0 || o.lo < r.lo {
		r.lo = o.lo
	}
	if o.hi > r.hi {
		r.hi = o.hi
	}
}

// keepSpan adds the records tx read to the store's span.
func (s *Store) keepSpan(tx *Tx) {
	if tx.span.hi == 0 {
		return
	}
	s.spanMu.Lock()
	s.readSpan.widen(tx.span)
	s.spanMu.Unlock()
	tx.span = readSpan{}
}
