package mailbox

import (
	"testing"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/storetest"
)

// BenchmarkFormatList is the Format-List of one Get-Mailbox object, as
// Out-Default writes it (go test -bench FormatList -benchmem): the
// values of some 250 properties worked out and laid out as lines.
func BenchmarkFormatList(b *testing.B) {
	st := storetest.Seeded(b, "contoso")
	var m *directory.Mailbox
	var org *directory.Organization
	storetest.Must(b, st.View(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "annb")
		if err != nil || len(ms) != 1 {
			b.Fatalf("annb: %v %d", err, len(ms))
		}
		m = ms[0]
		org, err = directory.GetOrganization(tx)
		return err
	}))
	reg := format.NewRegistry()
	Views(reg)
	obj := ownedMailboxObject(m, loadViewEnv(m, org))
	spec := &format.Spec{Kind: format.ListView}
	opts := format.Options{Width: 120, EnumLimitFunc: func() int { return format.DefaultEnumLimit }}
	out := 0
	b.ReportAllocs()
	for b.Loop() {
		w := format.NewWriter(reg, opts, nil)
		w.EmitBytes(func(_ format.Stream, line []byte) { out += len(line) + 1 })
		w.Write(&format.Shaped{Spec: spec, Value: obj})
		w.Close()
	}
	if out == 0 {
		b.Fatal("no output")
	}
}
