// Package sessiontest runs PowerShell sessions with every cmdlet on a
// seeded tenant, for the tests of the cmdlet packages: each test gets
// its own copy of a tenant seeded once per test process.
package sessiontest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

var (
	templateMu sync.Mutex
	templates  = map[string][]byte{} // seed name → tenant file
)

// template returns the file of a tenant freshly seeded with name at the
// default clock, building it the first time.
func template(t testing.TB, name string) []byte {
	t.Helper()
	templateMu.Lock()
	defer templateMu.Unlock()
	if b, ok := templates[name]; ok {
		return b
	}
	dir, err := os.MkdirTemp("", "exosim-seed-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "seed.db")
	st, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(st, name, store.DefaultClock(), false); err != nil {
		st.Close()
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	templates[name] = b
	return b
}

// Tenant opens a copy of a tenant seeded with name (seed.Contoso, ...),
// closed when the test ends. Seeding happens once per test process;
// each caller gets its own file.
func Tenant(t testing.TB, name string) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tenant.db")
	if err := os.WriteFile(path, template(t, name), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Session is a session with every cmdlet, as exosim starts it, on its
// own copy of a seeded tenant.
type Session struct {
	RT       *runtime.Runtime
	Store    *store.Store
	out, err strings.Builder
}

// New starts a session on a copy of the contoso tenant.
func New(t testing.TB, o registry.Options) *Session {
	t.Helper()
	return On(Tenant(t, seed.Contoso), o)
}

// On starts a session on st.
func On(st *store.Store, o registry.Options) *Session {
	s := &Session{Store: st}
	s.RT = registry.NewSession(&host.IO{In: strings.NewReader(""), Out: &s.out, Err: &s.err, Width: 120}, st, o)
	return s
}

// Run runs a script in the session and returns what it wrote to the
// output and to the error stream.
func (s *Session) Run(script string) (out, errs string) {
	s.out.Reset()
	s.err.Reset()
	s.RT.Run(syntax.NewSource("", script), runtime.RunOptions{Script: true})
	return s.out.String(), s.err.String()
}

// Case is a script and what it must write: exactly Out on the output and,
// on the error stream, text containing Err (nothing when Err is empty).
type Case struct {
	Name   string
	Script string
	Out    string
	Err    string
}

// RunCases runs each case in a session of its own on a fresh copy of the
// contoso tenant, in parallel.
func RunCases(t *testing.T, o registry.Options, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			out, errs := New(t, o).Run(c.Script)
			if out != c.Out {
				t.Errorf("%s\noutput:\n%s\nwant:\n%s", c.Script, out, c.Out)
			}
			switch {
			case c.Err == "" && errs != "":
				t.Errorf("%s\nunexpected errors:\n%s", c.Script, errs)
			case c.Err != "" && !strings.Contains(errs, c.Err):
				t.Errorf("%s\nerrors:\n%s\nwant them to contain %q", c.Script, errs, c.Err)
			}
		})
	}
}
