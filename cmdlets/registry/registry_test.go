package registry

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/store/storetest"
)

// Every package declares its commands by name and builds them on first
// use: listing a session's commands builds each one, and a name that
// does not match what its builder makes panics here.
func TestEveryLazyCommandBuilds(t *testing.T) {
	t.Parallel()
	rt := NewSession(&host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, nil, Options{})
	cmds := rt.Commands()
	if len(cmds) < 300 {
		t.Fatalf("only %d commands", len(cmds))
	}
	for _, c := range cmds {
		if c.Handler.Begin == nil && c.Handler.Process == nil && c.Handler.End == nil {
			t.Errorf("%s has no handler", c.Name)
		}
	}
}

// BenchmarkNewSession is the session a one-shot command builds over a
// seeded tenant before it runs anything (go test -bench NewSession
// -benchmem): what it allocates is what a one-shot pays for commands,
// views and aliases it never uses.
func BenchmarkNewSession(b *testing.B) {
	st := storetest.Seeded(b, "contoso")
	io := &host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}
	b.ReportAllocs()
	for b.Loop() {
		NewSession(io, st, Options{})
	}
}
