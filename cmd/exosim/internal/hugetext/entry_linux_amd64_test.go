package hugetext_test

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmd/exosim/internal/hugetext"
)

// TestMakefileLinksEntry checks that make build passes LinkFlags.
func TestMakefileLinksEntry(t *testing.T) {
	mk, err := os.ReadFile("../../../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), hugetext.LinkFlags+")") {
		t.Errorf("the Makefile's LINKFLAGS is not %q", hugetext.LinkFlags)
	}
}

// TestEntry links a small program with LinkFlags and checks that the
// program's segments start on 2 MB boundaries, that it starts at entry,
// runs, and finds its code and read-only data marked for huge pages,
// while its writable data is not.
func TestEntry(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage"); err != nil {
		t.Skip("this kernel has no transparent huge pages: madvise(MADV_HUGEPAGE) fails, as the entry allows")
	}
	bin := filepath.Join(t.TempDir(), "probe")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-w "+hugetext.LinkFlags, "-o", bin, "./testdata/probe")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Vaddr%(2<<20) != 0 {
			t.Errorf("a segment starts at %#x, not on a 2 MB boundary", p.Vaddr)
		}
	}
	syms, err := f.Symbols()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	const name = "github.com/exosim/exosim/cmd/exosim/internal/hugetext.entry"
	var at uint64
	for _, s := range syms {
		if s.Name == name || s.Name == name+".abi0" {
			if s.Value == f.Entry {
				at = s.Value
			}
		}
	}
	if at == 0 {
		t.Fatalf("the entry point %#x is not %s", f.Entry, name)
	}

	out, err := exec.Command(bin).CombinedOutput()
	if err != nil {
		t.Fatalf("probe: %v\n%s", err, out)
	}
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		perms, flag, _ := strings.Cut(line, " ")
		got[perms] = got[perms] || flag == "hg"
	}
	want := map[string]bool{"r-xp": true, "r--p": true, "rw-p": false}
	for perms, hg := range want {
		if marked, ok := got[perms]; !ok || marked != hg {
			t.Errorf("mapping %s: marked for huge pages %v, want %v (probe printed:\n%s)", perms, marked, hg, out)
		}
	}
}
