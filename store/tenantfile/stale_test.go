package tenantfile

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
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
		RemoveStale(real)
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
