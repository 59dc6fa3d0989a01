package mailbox_test

import (
	"bytes"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/format"
)

// BenchmarkFormatList is the Format-List of one Get-Mailbox object, as
// Out-Default writes it (go test -bench FormatList -benchmem): the
// values of some 250 properties worked out and laid out as lines.
func BenchmarkFormatList(b *testing.B) {
	s := sessiontest.New(b, registry.Options{})
	if _, errs := s.Run("$global:m = Get-Mailbox annb"); errs != "" {
		b.Fatal(errs)
	}
	m, _ := s.RT.Scope().Get("m")
	spec := &format.Spec{Kind: format.ListView}
	opts := format.Options{Width: 120, EnumLimitFunc: func() int { return format.DefaultEnumLimit }}
	lines := 0
	b.ReportAllocs()
	for b.Loop() {
		w := format.NewWriter(s.RT.Formats, opts, nil)
		w.EmitBytes(func(_ format.Stream, b []byte) { lines += bytes.Count(b, []byte("\n")) })
		w.Write(&format.Shaped{Spec: spec, Value: m})
		w.Close()
	}
	if lines < 250*b.N {
		b.Fatalf("%d lines in %d runs", lines, b.N)
	}
}
