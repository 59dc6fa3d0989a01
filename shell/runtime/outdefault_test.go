package runtime_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// writeCounter records every write the host receives.
type writeCounter struct {
	bytes.Buffer
	writes []string
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes = append(w.writes, string(p))
	return w.Buffer.Write(p)
}

// The implicit Out-Default shows the lines of one value in one write to
// the host; what else the host shows meanwhile (Write-Host from a
// calculated property, an error) still comes in order.
func TestOutDefaultWritesAValueAtOnce(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, in  string
		maxWrites int
		want      string
	}{
		{"list", "[pscustomobject]@{A=1;B=2;C=3;D=4} | Format-List", 1,
			"\nA : 1\nB : 2\nC : 3\nD : 4\n\n"},
		{"script property", "[pscustomobject]@{A=1} | Format-List A,@{n='B';e={Write-Host 'side'; 2}}", 3,
			"\nside\nA : 1\nB : 2\n\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var w writeCounter
			io := &host.IO{In: strings.NewReader(""), Out: &w, Err: &w, Width: 120}
			rt := runtime.New(io, nil)
			rt.Register(core.Commands()...)
			rt.Run(syntax.NewSource("", c.in), runtime.RunOptions{})
			if got := w.String(); got != c.want {
				t.Errorf("output %q, want %q", got, c.want)
			}
			if len(w.writes) > c.maxWrites {
				t.Errorf("%d writes to the host (%q), want at most %d", len(w.writes), w.writes, c.maxWrites)
			}
		})
	}
}
