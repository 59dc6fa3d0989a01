// Package store is the storage engine of the simulated tenant: bbolt
// persistence for any Schema of record kinds (buckets, secondary indexes,
// schema versions and migrations, the simulated clock and its timers, the
// seeded ID generator, snapshots, the file lock). It knows no Exchange
// rule: the tenant's areas are the packages beneath it, and store/tenant
// gathers them into the whole tenant's Schema. A tenant's export and
// import, and the rebuilding of its file, are store/transfer's, through
// the handles this package keeps for it (engine.go).
//
// One cmdlet invocation maps to one transaction: reads use View, writes use
// Update, and any error returned from an Update callback rolls back every
// change made in it.
package store

import (
	"errors"
	"fmt"
	mathbits "math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/tenantfile"
)

// SchemaVersion is the version of the on-disk and export layout written by
// this package. Older versions are migrated (migrate.go).
//
// History: 1 = first release; 2 = every folder with items has explicit
// item cohorts; 3 = records are CBOR instead of JSON (store/codec); 4 = the
// mailbox name index and the account brief index are covering indexes;
// 5 = mailbox content records are in their own binary form
// (store/directory/content_codec.go); 6 = accounts have numbered cbor
// keys, mailboxes leave out what they can derive, and the mailbox name
// index no longer carries the record; 7 = messages and message trace
// rows have numbered cbor keys, trace rows leave out their usual event
// details; 8 = index entries hold GUID record keys
// as their 16 bytes (tx.go); 9 = a mailbox's identity values are in two
// identity indexes, each value once with its forms, instead of nine
// indexes of one form each (store/directory).
const SchemaVersion = 9

// buildMmapSize is the address space a replacement tenant being built
// maps from the start (address space only: memory is what it touches).
const buildMmapSize = 2 << 30

// DefaultLockTimeout is used when Options.LockTimeout is zero.
const DefaultLockTimeout = 2 * time.Second

// NoWait as Options.LockTimeout makes Open fail at once when another
// process holds the tenant.
const NoWait time.Duration = -1

// Options configure Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release
	// the tenant file: zero means DefaultLockTimeout, a negative value
	// (NoWait) not to wait at all.
	LockTimeout time.Duration
	// ReadOnly opens the file with a shared lock; Update fails.
	ReadOnly bool
	// NoSync skips the fsync at each commit (for throwaway tenants in
	// tests and bulk builds: a power loss may lose or corrupt the file).
	NoSync bool
	// Schema is what the tenant file holds (store/tenant has the whole
	// tenant's). Lazy may build it instead, the first time the Store
	// needs it; one of the two is required.
	Schema *Schema
	// Lazy builds the Schema. With it, Layout must be what the schema's
	// Layout returns: opening a file whose meta bucket records that
	// layout needs no schema, which a short command that only reads then
	// never builds.
	Lazy   func() *Schema
	Layout Layout
	// MigrationBatch is how many records a schema migration rewrites per
	// transaction (0: a default that keeps a large tenant's migration
	// within a few hundred MB).
	MigrationBatch int

	// private marks a file only this process knows of (a replacement
	// being built): no lock file, no holder note.
	private bool
	// borrowed is a lock the caller already holds on the tenant (a
	// replacement reading the tenant it replaces); the Store uses it
	// instead of taking its own and leaves it held at Close.
	borrowed *tenantfile.Lock
}

// Store is an open tenant file.
type Store struct {
	path     string // as given to Open
	real     string // path with a final symbolic link resolved (lock.go)
	readOnly bool
	opts     Options
	timeout  time.Duration // negative: do not wait
	// schema is what the file holds: opts.Schema, or what opts.Lazy
	// builds the first time sch is called.
	schema     *Schema
	schemaOnce sync.Once

	// lease guards the fields below it. The tenant file is open (db not
	// nil) while the Store holds it (Open, Acquire, until Release) or
	// while a transaction runs.
	lease  sync.Mutex
	db     *bolt.DB
	file   *os.File // db's descriptor (CloseAtExit)
	lock   *tenantfile.Lock
	held   bool
	users  int
	closed bool
	// seen is the file and last transaction id this Store saw when it
	// last let go of the file: a different one at the next open means
	// another process changed the tenant meanwhile.
	seen     fileState
	seenInit bool
	// note is this process's holder note (lockinfo.go), removed when the
	// file is let go.
	note string
	// initKnown is set while initialized holds whether the file is
	// initialized (IsInitialized), read by the check of the file when it
	// was opened, until the Store lets go of the file or its Generation
	// moves on from initGen.
	initKnown   bool
	initialized bool
	initGen     uint64

	mu     sync.RWMutex
	timers map[string]TimerHandler
	// gen counts committed write transactions (Generation).
	gen atomic.Uint64
	// bucketGens counts committed writes per data bucket, allGen the
	// wholesale replacements (PrincipalsGeneration).
	genMu      sync.Mutex
	bucketGens map[string]uint64
	allGen     uint64
	// indexLater is set when a bulk load into a replacement being built
	// left the index entries of its records out: transfer.Rebuild writes the whole
	// index while it compacts the file (see BulkWriter.Flush).
	indexLater atomic.Bool
	// spanMu guards readSpan, the address range of the mapped records the
	// listings of this process have read since the last
	// ReleaseMappedPages (mmap_linux.go). A transaction notes its reads in
	// its own span and adds it here when it ends, so concurrent View calls
	// never write the same memory unguarded.
	spanMu   sync.Mutex
	readSpan readSpan
}

// fileState identifies a tenant file's content: the file and the id of
// its last committed transaction.
type fileState struct {
	id   tenantfile.ID
	txid int
}

// PrincipalsGeneration changes whenever a committed transaction of this
// Store wrote a record of a kind the schema names as principals (Schema.
// Principals: users, role groups and the organization record), or reset
// or imported the tenant, or another process changed the tenant while
// this Store had let go of it: what decides who may run which cmdlet.
// Role-based access control caches a caller's grants against it, so
// commands that only change mailboxes do not recompute them.
func (s *Store) PrincipalsGeneration() uint64 {
	s.genMu.Lock()
	defer s.genMu.Unlock()
	n := s.allGen
	if len(s.bucketGens) == 0 {
		// nothing written yet: no need to know which buckets count
		return n
	}
	for _, b := range s.sch().principals {
		n += s.bucketGens[b]
	}
	return n
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

// changedElsewhere notes that another process may have changed anything.
func (s *Store) changedElsewhere() {
	s.gen.Add(1)
	s.genMu.Lock()
	s.allGen++
	s.genMu.Unlock()
}

// Generation changes whenever the tenant may have changed: each write
// transaction this Store commits, and any change another process made
// while this Store had let go of the file (Release). An unchanged
// generation means an unchanged tenant: callers may cache what they read
// (the administrator's UPN, for example) against it.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// Open opens (creating if needed) the tenant file at path and holds it
// (see lock.go) until Close or Release.
func Open(path string, o Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("tenant file path is empty")
	}
	real, err := tenantfile.Resolve(path)
	if err != nil {
		return nil, err
	}
	timeout := o.LockTimeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	schema := o.Schema
	switch {
	case schema == nil && o.Lazy == nil:
		return nil, errors.New("store: Open needs the Schema of the tenant (see package store/tenant)")
	case schema != nil:
		if err := schema.validate(); err != nil {
			return nil, err
		}
	case o.Layout.Version == 0 || o.Layout.Buckets == "":
		return nil, errors.New("store: Open needs the Layout of the schema Lazy builds")
	}
	s := &Store{path: path, real: real, readOnly: o.ReadOnly, opts: o, timeout: timeout, schema: schema}
	s.lease.Lock()
	defer s.lease.Unlock()
	err = s.attach()
	// A tenant opened for writing is created with the directories it
	// lacks: looked for when the open failed, not before each open.
	if err != nil && !o.ReadOnly {
		if dir := filepath.Dir(real); dir != "" {
			if _, serr := os.Stat(dir); serr != nil {
				if merr := os.MkdirAll(dir, 0o700); merr != nil {
					return nil, fmt.Errorf("create directory for tenant file %q: %w", path, merr)
				}
				err = s.attach()
			}
		}
	}
	if err != nil {
		return nil, err
	}
	s.held = true
	return s, nil
}

// attach locks and opens the tenant file. The caller holds s.lease.
func (s *Store) attach() error {
	lk := s.opts.borrowed
	if lk == nil && !s.opts.private {
		var err error
		lk, err = tenantfile.Acquire(s.real, !s.readOnly, s.timeout)
		if errors.Is(err, tenantfile.ErrBusy) {
			return &LockedError{Path: s.path, Waited: max(s.timeout, 0), Holders: tenantfile.Holders(s.real)}
		}
		if err != nil {
			return err
		}
	}
	fail := func(err error) error {
		if lk != s.opts.borrowed {
			lk.Release()
		}
		return err
	}
	if !s.readOnly && !s.opts.private {
		lk.RemoveStale(s.real)
	}
	fi, err := os.Stat(s.real)
	size := int64(-1) // unknown until bbolt has made the file
	if err == nil && fi.Size() > 0 {
		size = fi.Size()
	}
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return fail(&NotTenantError{Path: s.path, Reason: "it is not a regular file"})
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return fail(fmt.Errorf("tenant file %q: %w", s.path, err))
	}
	// bbolt opens the file through openFile, which checks a file that
	// has content for a cut before bbolt reads it (checkBoltSize): one
	// descriptor serves both.
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := tenantfile.OpenFile(name, flag, perm)
		if err != nil {
			return f, err
		}
		if size > 0 {
			if err := checkBoltSize(f, s.path, size); err != nil {
				f.Close()
				return nil, err
			}
		}
		s.file = f
		return f, nil
	}
	// With the lock file held, bbolt's own lock is free unless a process
	// outside the protocol has the file: try it once.
	var db *bolt.DB
	err = s.guard(func() (err error) {
		bo := &bolt.Options{Timeout: time.Nanosecond, ReadOnly: s.readOnly, NoSync: s.opts.NoSync, OpenFile: openFile}
		if s.opts.private {
			// A replacement being built grows from nothing: mapping
			// room for it up front spares bbolt a remap at every
			// growth, which copies every page the transaction holds.
			bo.InitialMmapSize = buildMmapSize
		}
		db, err = bolt.Open(s.real, 0o600, bo)
		return err
	})
	if err != nil {
		s.file = nil
		if errors.Is(err, bolt.ErrTimeout) {
			return fail(&LockedError{Path: s.path, Waited: max(s.timeout, 0), Holders: tenantfile.Holders(s.real)})
		}
		if errors.As(err, new(*DamagedError)) {
			return fail(err)
		}
		if derr := openDamage(s.real, s.path, err); derr != nil {
			return fail(derr)
		}
		return fail(fmt.Errorf("open tenant file %q: %w", s.path, err))
	}
	s.db, s.lock = db, lk
	// a new mapping: the pages read from the old one are gone
	s.spanMu.Lock()
	s.readSpan = readSpan{}
	s.spanMu.Unlock()
	if err := s.prepare(size); err != nil {
		_ = db.Close()
		s.db, s.lock, s.file = nil, nil, nil
		return fail(err)
	}
	// Back after a Release: another process may have changed the file
	// meanwhile. (detach notes what this Store saw when it let go.)
	if s.seenInit {
		if st, ok := s.fileState(); !ok || st != s.seen {
			s.changedElsewhere()
		}
		s.seenInit = false
	}
	// The holder note: in the lock file of an exclusive lock, beside the
	// tenant for a shared one; a borrowed lock's holder has written its
	// own.
	if !s.opts.private && lk != s.opts.borrowed && !lk.RecordHolder() {
		s.note = tenantfile.RecordHolder(lk, s.real, s.readOnly)
	}
	return nil
}

// detach closes the tenant file and releases its lock. The caller holds
// s.lease and no transaction runs. keepMapping closes only the file's
// descriptor, whose bbolt lock the caller has dropped, and leaves the
// database and its mapping to the process exit (CloseAtExit).
func (s *Store) detach(keepMapping bool) error {
	if s.db == nil {
		return nil
	}
	if !s.closed {
		// a Release: the next attach compares (a file that can't be
		// read counts as changed)
		s.seen, _ = s.fileState()
		s.seenInit = true
	}
	if s.note != "" {
		_ = os.Remove(s.note)
		s.note = ""
	}
	s.initKnown = false
	var err error
	if keepMapping {
		err = s.file.Close()
	} else {
		err = s.db.Close()
	}
	s.db, s.file = nil, nil
	if s.lock != s.opts.borrowed {
		s.lock.Release()
	}
	s.lock = nil
	return err
}

// fileState reads the open file's identity and last transaction id.
func (s *Store) fileState() (fileState, bool) {
	fi, err := os.Stat(s.real)
	if err != nil {
		return fileState{}, false
	}
	var st fileState
	st.id = tenantfile.IDOf(fi)
	_ = s.db.View(func(btx *bolt.Tx) error {
		st.txid = btx.ID()
		return nil
	})
	return st, true
}

// Release closes the tenant file and releases its lock, but keeps the
// Store usable: each later transaction opens the file (waiting for the
// lock as Open does) and lets go of it again when it ends, until Acquire
// holds it again. A long-lived session (the REPL) releases the tenant
// while it waits for input, so other processes (a lab check, tenant
// export, another trainee's command) can use it between its commands.
func (s *Store) Release() error {
	s.lease.Lock()
	defer s.lease.Unlock()
	s.held = false
	if s.users > 0 {
		return nil // the last transaction lets go
	}
	return s.detach(false)
}

// Acquire opens and holds the tenant file again after Release, waiting
// for the lock as Open does, until the next Release or Close: a session
// holds the tenant for the whole of one command line this way, so the
// command sees no other process's changes halfway.
func (s *Store) Acquire() error {
	s.lease.Lock()
	defer s.lease.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.db == nil {
		if err := s.attach(); err != nil {
			return err
		}
	}
	s.held = true
	return nil
}

// enter opens the file for one transaction if the Store does not hold it.
func (s *Store) enter() (*bolt.DB, error) { return s.enterWait(false) }

// enterWait is enter; with noWait it fails at once when another process
// holds the tenant.
func (s *Store) enterWait(noWait bool) (*bolt.DB, error) {
	s.lease.Lock()
	defer s.lease.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.db == nil {
		timeout := s.timeout
		if noWait {
			s.timeout = NoWait
		}
		err := s.attach()
		s.timeout = timeout
		if err != nil {
			return nil, err
		}
	}
	s.users++
	return s.db, nil
}

// leave ends what enter began.
func (s *Store) leave() {
	s.lease.Lock()
	defer s.lease.Unlock()
	s.users--
	if s.users == 0 && !s.held {
		_ = s.detach(false)
	}
}

// hold keeps the file open across several transactions (a bulk
// operation) and returns the function that undoes it.
func (s *Store) hold() (*bolt.DB, func(), error) {
	db, err := s.enter()
	if err != nil {
		return nil, nil, err
	}
	return db, s.leave, nil
}

// prepare checks the file just opened, of the given size (-1: read it
// now): a file that is not exosim's or is
// damaged is refused, a newer schema is refused, an older one migrated
// (read-write) or refused with *SchemaMigrationError (read-only); a new
// file gets its buckets. It writes only when something needs writing, so
// opening a tenant per command stays cheap.
func (s *Store) prepare(size int64) error {
	version := s.layout().Version
	if size < 0 {
		if fi, err := os.Stat(s.real); err == nil {
			size = fi.Size()
		}
	}
	// check returns the file's schema version (0 for a new file) and
	// whether a write is needed; it notes whether the file is initialized.
	var initialized bool
	check := func(btx *bolt.Tx) (int, bool, error) {
		if size >= 0 && btx.Size() > size {
			return 0, false, &DamagedError{Path: s.path, Reason: fmt.Sprintf("it is %d bytes long but its pages reach %d bytes (truncated)", size, btx.Size())}
		}
		mb := btx.Bucket([]byte(bucketMeta))
		if mb == nil {
			var names []string
			_ = btx.ForEach(func(name []byte, _ *bolt.Bucket) error {
				names = append(names, string(name))
				return nil
			})
			if len(names) > 0 {
				return 0, false, &NotTenantError{Path: s.path, Reason: "it is a bbolt database with other buckets (" + strings.Join(names, ", ") + ")"}
			}
			if s.readOnly {
				return 0, false, fmt.Errorf("tenant file %q has not been created yet", s.path)
			}
			return 0, true, nil
		}
		initialized = string(mb.Get([]byte(metaInitialized))) == "true"
		v := mb.Get([]byte(metaSchemaVersion))
		if v == nil {
			return 0, false, &NotTenantError{Path: s.path, Reason: "its meta bucket has no schema version"}
		}
		n, err := strconv.Atoi(string(v))
		if err != nil || n < minSchemaVersion {
			return 0, false, fmt.Errorf("tenant file %q: bad schema version %q", s.path, v)
		}
		if n > version {
			return 0, false, &SchemaVersionError{Path: s.path, Found: n, Supported: version}
		}
		if n < version {
			return n, true, nil
		}
		// Open makes the index and the bucket of each kind not created on
		// its first write: the meta bucket records their names when they
		// were made for this layout, else the schema lists them (and a
		// writer records them).
		names, recorded := recordedBuckets(mb.Get([]byte(metaLayout)), s.layout().Buckets)
		if !recorded {
			names, _ = recordedBuckets(s.sch().layoutRecord(), s.layout().Buckets)
		}
		return n, !hasBuckets(btx, names) || !recorded && !s.readOnly, nil
	}
	var write bool
	found := 0
	err := s.db.View(func(btx *bolt.Tx) error {
		n, w, err := check(btx)
		found = n
		if err == nil && s.readOnly && n != 0 && n < version {
			err = &SchemaMigrationError{Path: s.path, Found: n, Supported: version}
		}
		write = w
		return err
	})
	if err == nil && !write {
		s.initKnown, s.initialized, s.initGen = true, initialized, s.gen.Load()
	}
	if err != nil || !write || s.readOnly {
		return err
	}
	if found != 0 && found < version {
		// the migration reads and writes the whole file: keep the pages
		// it has mapped from staying resident
		return boltfile.WhileDroppingPages(func() []*bolt.DB { return []*bolt.DB{s.db} }, func() error {
			return s.migrateInBatches(s.opts.MigrationBatch)
		})
	}
	return s.db.Update(func(btx *bolt.Tx) error {
		n, _, err := check(btx)
		if err != nil {
			return err
		}
		if err := s.ensureBuckets(btx); err != nil {
			return err
		}
		if n == 0 {
			return btx.Bucket([]byte(bucketMeta)).Put([]byte(metaSchemaVersion), []byte(strconv.Itoa(version)))
		}
		if n == version {
			return nil
		}
		tx := s.newTx(btx)
		if err := tx.migrate(n); err != nil {
			return fmt.Errorf("tenant file %q: %w", s.path, err)
		}
		return tx.flush()
	})
}

// Close releases the file and its lock; the Store can't be used after.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.lease.Lock()
	defer s.lease.Unlock()
	if s.closed {
		return nil
	}
	s.closed, s.held = true, false
	return s.detach(false)
}

// CloseAtExit is Close for a process that exits right after it: the
// tenant file's locks go in Close's order (the file's own lock before the
// lock file's, so a process waiting for the lock file finds the tenant
// free), but its memory mapping is left for the exit to discard.
// Unmapping it would cost a TLB shootdown across the process's threads,
// about a tenth of a millisecond of a one-shot command, for a mapping the
// exit tears down anyway. Where that does not apply (a transaction still
// running, a platform without flock), it is Close.
func (s *Store) CloseAtExit() error {
	if s == nil {
		return nil
	}
	s.lease.Lock()
	defer s.lease.Unlock()
	if s.closed {
		return nil
	}
	s.closed, s.held = true, false
	return s.detach(s.db != nil && s.file != nil && s.users == 0 && unlockData(s.file))
}

// Path returns the tenant file path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(*Tx) error) error { return s.view(false, fn) }

// ViewNoWait is View, except that after Release it fails at once instead
// of waiting when another process holds the tenant (Tab completion).
func (s *Store) ViewNoWait(fn func(*Tx) error) error { return s.view(true, fn) }

func (s *Store) view(noWait bool, fn func(*Tx) error) error {
	db, err := s.enterWait(noWait)
	if err != nil {
		return err
	}
	defer s.leave()
	var tx *Tx
	err = s.guard(func() error {
		return db.View(func(btx *bolt.Tx) error {
			tx = s.newTx(btx)
			return fn(tx)
		})
	})
	if tx != nil {
		s.keepSpan(tx)
	}
	return err
}

// Update runs fn in a read-write transaction. If fn returns an error
// nothing it did is kept.
func (s *Store) Update(fn func(*Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	db, err := s.enter()
	if err != nil {
		return err
	}
	defer s.leave()
	var tx *Tx
	err = s.guard(func() error {
		return db.Update(func(btx *bolt.Tx) error {
			tx = s.newTx(btx)
			if err := fn(tx); err != nil {
				return err
			}
			return tx.flush()
		})
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
	s.lease.Lock()
	known, ok := s.initKnown && s.db != nil && s.gen.Load() == s.initGen, s.initialized
	s.lease.Unlock()
	if known {
		return ok, nil
	}
	ok = false
	err := s.View(func(tx *Tx) error {
		ok = tx.IsInitialized()
		return nil
	})
	return ok, err
}

// RegisterTimer installs a handler for a timer kind on this store. It
// takes precedence over the schema's handler for that kind.
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
	return s.sch().timers[kind]
}

// Schema returns the schema the store was opened with.
func (s *Store) Schema() *Schema { return s.sch() }

// sch is the schema the store was opened with, built by Options.Lazy the
// first time it is asked for. A Lazy schema that is not valid is a bug of
// the program (the tests of its package check it), not of the file.
func (s *Store) sch() *Schema {
	s.schemaOnce.Do(func() {
		if s.schema != nil {
			return
		}
		schema := s.opts.Lazy()
		if err := schema.validate(); err != nil {
			panic(err)
		}
		s.schema = schema
	})
	return s.schema
}

// layout is the layout of the schema the store was opened with.
func (s *Store) layout() Layout {
	if s.opts.Schema == nil {
		return s.opts.Layout
	}
	return s.opts.Schema.Layout()
}

// readSpan is the mapped file pages read since the last
// ReleaseMappedPages: the address range they span, and which pages of the
// mapping they are (one bit each, counted from base, the mapping's first
// byte), so that how many there are is known.
type readSpan struct {
	lo, hi uintptr
	base   uintptr
	pages  []uint64
	n      int // bits set in pages
}

// note adds the pages of the mapped bytes [lo, hi) of the mapping that
// starts at base.
func (r *readSpan) note(base, lo, hi uintptr) {
	if lo < base || hi <= lo {
		return
	}
	if r.base != base {
		*r = readSpan{base: base, pages: r.pages[:0]}
	}
	r.widen(readSpan{lo: lo, hi: hi})
	for p := (lo - base) >> pageShift; p <= (hi-1-base)>>pageShift; p++ {
		w, bit := int(p>>6), uint64(1)<<(p&63)
		for w >= len(r.pages) {
			r.pages = append(r.pages, 0)
		}
		if r.pages[w]&bit == 0 {
			r.pages[w] |= bit
			r.n++
		}
	}
}

// pageShift is log2 of the page size the pages of a readSpan are counted
// in (4 KiB, the smallest page size of the platforms exosim runs on).
const pageShift = 12

// widen makes the span cover o too: its range, and the pages it counted.
// The pages of a span of another mapping (bbolt remapped the file) are
// gone with it, and o's take their place.
func (r *readSpan) widen(o readSpan) {
	if o.hi == 0 {
		return
	}
	if o.base != 0 && r.base != o.base {
		*r = readSpan{lo: o.lo, hi: o.hi, base: o.base, pages: append(r.pages[:0], o.pages...), n: o.n}
		return
	}
	if r.hi == 0 || o.lo < r.lo {
		r.lo = o.lo
	}
	if o.hi > r.hi {
		r.hi = o.hi
	}
	for w, bits := range o.pages {
		for w >= len(r.pages) {
			r.pages = append(r.pages, 0)
		}
		r.n += mathbits.OnesCount64(bits &^ r.pages[w])
		r.pages[w] |= bits
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
