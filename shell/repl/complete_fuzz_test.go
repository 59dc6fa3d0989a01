package repl

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
)

// FuzzComplete asserts that completion never panics (Do recovers, but
// Complete itself must not rely on that) on any line and cursor position.
func FuzzComplete(f *testing.F) {
	for _, s := range []string{"Get-Mai", "Get-Mailbox -Ide", "Get-Mailbox -Identity a", "$x.", "Get-Date | fl ", "'unclosed", "@{a=", "Where-Object { $_.", "-", "| ", "Get-Mailbox -RecipientTypeDetails Sh"} {
		f.Add(s, len(s))
	}
	io := &host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	c := &Completer{RT: rt}
	f.Fuzz(func(t *testing.T, line string, pos int) {
		rs := []rune(line)
		if pos < 0 || pos > len(rs) {
			pos = len(rs)
		}
		c.Complete(rs, pos)
	})
}
