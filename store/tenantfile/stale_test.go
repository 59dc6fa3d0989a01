package tenantfile

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestRemoveStale removes the stray builds and the other processes' holder
// notes of one tenant file in one pass, and nothing else: not this
// process's note, not the files of a tenant whose name merely starts the
// same, not the tenant and its lock.
func TestRemoveStale(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"t.db", "a [x]*.db"} { // glob characters in the name
		dir := t.TempDir()
		real := filepath.Join(dir, name)
		own := name + holderSuffix + strconv.Itoa(os.Getpid())
		files := []string{
			name, name + ".lock", own,
			name + BuildInfix + "123", name + BuildInfix + "77.restore", name + holderSuffix + "999999",
			name + "2" + BuildInfix + "5", "other.db" + holderSuffix + "1",
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		lk, err := Acquire(real, true, -1)
		if err != nil {
			t.Fatal(err)
		}
		lk.RemoveStale(real) // a new lock file has no mark: the directory is read
		lk.Release()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		want := []string{name, name + ".lock", own, name + "2" + BuildInfix + "5", "other.db" + holderSuffix + "1"}
		sort.Strings(want)
		sort.Strings(got)
		if len(got) != len(want) {
			t.Fatalf("%s: left %v, want %v", name, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: left %v, want %v", name, got, want)
			}
		}
	}
}

// An exclusive holder's note is in the lock file while it holds the lock
// (no file is made beside the tenant) and gone when it lets go; a shared
// holder's lock file stays as it is.
func TestExclusiveHolderNoteInLockFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "t.db")
	lk, err := Acquire(real, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	if !lk.RecordHolder() {
		t.Fatal("an exclusive lock did not take the note")
	}
	hs := Holders(real)
	if len(hs) != 1 || hs[0].PID != os.Getpid() || hs[0].ReadOnly {
		t.Fatalf("holders while held: %+v", hs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "t.db.lock" {
		t.Errorf("files beside the tenant while held: %v", entries)
	}
	lk.Release()
	if hs := Holders(real); len(hs) != 0 {
		t.Errorf("holders after Release: %+v", hs)
	}
	// a shorter note after a longer one ends at its own end
	lk, err = Acquire(real, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 300)
	if _, err := lk.f.WriteAt([]byte("pid=1\nreadonly=true\ncommand="+long+"\n\n"), 1); err != nil {
		t.Fatal(err)
	}
	lk.RecordHolder()
	if hs := Holders(real); len(hs) != 1 || hs[0].PID != os.Getpid() || hs[0].ReadOnly || strings.Contains(hs[0].Command, long) {
		t.Errorf("holders after a longer note: %+v", hs)
	}
	lk.Release()
	before, _ := os.ReadFile(real + LockSuffix)
	shared, err := Acquire(real, false, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Release()
	if shared.RecordHolder() {
		t.Error("a shared lock took the note into the lock file")
	}
	if after, _ := os.ReadFile(real + LockSuffix); string(after) != string(before) {
		t.Errorf("lock file under a shared lock: %q, before %q", after, before)
	}
}

// A directory whose listing takes several reads is searched to its end.
func TestRemoveStaleLargeDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "t.db")
	var stale []string
	for i := 0; i < 400; i++ {
		f := filepath.Join(dir, strings.Repeat("x", 40)+strconv.Itoa(i))
		if i%50 == 7 {
			f = real + BuildInfix + strconv.Itoa(i)
			stale = append(stale, f)
		}
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lk, err := Acquire(real, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	lk.RemoveStale(real)
	for _, f := range stale {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was left", filepath.Base(f))
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 400-len(stale)+1 { // and the lock file
		t.Errorf("%d files left, want %d", len(entries), 400-len(stale)+1)
	}
}

// The directory is read only when the lock file's side-file mark says a
// process may have made a file beside the tenant since the last reading:
// a stray file made behind the mark's back stays, one made after the mark
// goes; a reader's holder note marks the lock file before it is made.
func TestRemoveStaleFollowsTheMark(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "t.db")
	stray := real + BuildInfix + "42"
	lk, err := Acquire(real, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	lk.RemoveStale(real)
	if err := os.WriteFile(stray, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	lk.RemoveStale(real)
	if _, err := os.Stat(stray); err != nil {
		t.Fatalf("the directory was read although the mark said clean: %v", err)
	}
	if !lk.MarkSideFiles() {
		t.Fatal("an exclusive lock did not take the mark")
	}
	lk.RemoveStale(real)
	if _, err := os.Stat(stray); err == nil {
		t.Fatal("a marked stray file was left")
	}
	lk.Release()

	shared, err := Acquire(real, false, -1)
	if err != nil {
		t.Fatal(err)
	}
	note := RecordHolder(shared, real, true)
	if note == "" {
		t.Fatal("a reader wrote no holder note")
	}
	shared.Release() // a reader killed before it removed its note
	data, _ := os.ReadFile(real + LockSuffix)
	if len(data) <= sideMark || data[sideMark] != sideDirty {
		t.Fatalf("the reader's note left no mark in the lock file (%d bytes)", len(data))
	}
	other := real + holderSuffix + "999999"
	if err := os.Rename(note, other); err != nil { // another process's note
		t.Fatal(err)
	}
	lk, err = Acquire(real, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	lk.RemoveStale(real)
	if _, err := os.Stat(other); err == nil {
		t.Fatal("a dead reader's note was left")
	}
}
