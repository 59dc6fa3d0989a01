package host_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
)

// Redirected input is read a line at a time as PowerShell's console host
// reads it: "\n", "\r\n" and a lone "\r" end a line, the echo is what was
// consumed, a last line without a line end is still a line, and the end
// of the input is io.EOF every time it is read again. A backspace takes
// back the character before it (pwsh's own test sends "1+2\b3"), and is
// echoed as it came.
func TestReadRedirected(t *testing.T) {
	h := &host.IO{In: strings.NewReader("a\r\nb\rc\n\n1+2\b3\n\bé\bx\nlast")}
	want := []struct{ line, echo string }{
		{"a", "a\r\n"}, {"b", "b\r"}, {"c", "c\n"}, {"", "\n"}, {"1+3", "1+2\b3\n"}, {"x", "\bé\bx\n"}, {"last", "last"},
	}
	for _, w := range want {
		line, echo, err := h.ReadRedirected()
		if err != nil || line != w.line || echo != w.echo {
			t.Fatalf("ReadRedirected() = %q, %q, %v; want %q, %q", line, echo, err, w.line, w.echo)
		}
	}
	for i := 0; i < 2; i++ {
		if line, echo, err := h.ReadRedirected(); !errors.Is(err, io.EOF) || line != "" || echo != "" {
			t.Fatalf("at the end: %q, %q, %v; want io.EOF", line, echo, err)
		}
	}
	if _, _, err := (&host.IO{}).ReadRedirected(); !errors.Is(err, io.EOF) {
		t.Fatalf("no input: %v; want io.EOF", err)
	}
}
