package core_test

import (
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// testClock is the simulated time of the test sessions.
var testClock = time.Date(2024, 3, 15, 9, 30, 0, 0, time.UTC)

// session is a session with only the core cmdlets, over an in-memory file
// system whose current location is /work.
type session struct {
	rt       *runtime.Runtime
	mem      *fsys.Mem
	out, err strings.Builder
}

func newSession(t *testing.T) *session {
	t.Helper()
	s := &session{mem: fsys.NewMem()}
	for _, dir := range []string{"/work", "/home/ann"} {
		if err := s.mem.MkdirAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	formats := format.NewRegistry()
	io := &host.IO{Out: &s.out, Err: &s.err, Width: 120, In: strings.NewReader("")}
	rt := runtime.New(io, formats)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	core.Views(formats)
	rt.Clock = func() time.Time { return testClock }
	ns := fsys.New(fsys.Config{FS: s.mem, Cwd: "/work", Home: "/home/ann", DriveC: "/drives/C", User: "ann"})
	env := fsys.NewEnv([]string{"PATH=/usr/bin"})
	env.Simulate(ns)
	rt.SetFiles(ns, env)
	s.rt = rt
	return s
}

// run runs a script and returns what it wrote to the output and the error
// stream.
func (s *session) run(script string) (string, string) {
	s.out.Reset()
	s.err.Reset()
	s.rt.Run(syntax.NewSource("", script), runtime.RunOptions{Script: true})
	return s.out.String(), s.err.String()
}

// scriptCase is a script and the text it must write (out) and, when
// set, the text its error stream must contain.
type scriptCase struct {
	name   string
	script string
	out    string
	err    string
}

func runCases(t *testing.T, cases []scriptCase) {
	t.Helper()
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newSession(t)
			out, errOut := s.run(c.script)
			if out != c.out {
				t.Errorf("script:\n%s\noutput:\n%s\nwant:\n%s", c.script, out, c.out)
			}
			if c.err == "" && errOut != "" {
				t.Errorf("script:\n%s\nunexpected errors:\n%s", c.script, errOut)
			}
			if c.err != "" && !strings.Contains(errOut, c.err) {
				t.Errorf("script:\n%s\nerrors:\n%s\nwant them to contain:\n%s", c.script, errOut, c.err)
			}
		})
	}
}

// lines joins lines with a final newline.
func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }
