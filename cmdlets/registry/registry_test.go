package registry

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
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
