package exo_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
)

// TestValuesBoxes checks that values handed out from blocks have the
// types and values a conversion gives, and that each stays what it was
// while the blocks fill and the collector runs.
func TestValuesBoxes(t *testing.T) {
	for _, b := range []*exo.Values{nil, new(exo.Values)} {
		var got, want []any
		at := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
		for i := 0; i < 50; i++ {
			s := fmt.Sprintf("text %d", i)
			g := object.Guid{byte(i), 1, 2, 3}
			d := at.Add(time.Duration(i) * time.Hour)
			got = append(got, b.Text(s), b.Guid(g), b.Time(d), b.TextOrNil(""), b.Text(""))
			want = append(want, s, g, d, nil, "")
		}
		runtime.GC()
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("value %d = %#v, want %#v", i, got[i], want[i])
			}
			if fmt.Sprintf("%T", got[i]) != fmt.Sprintf("%T", want[i]) {
				t.Fatalf("value %d is a %T, want a %T", i, got[i], want[i])
			}
		}
	}
}

// TestValuesLists checks that every list cut from the blocks is its own:
// changing one, or appending to it, leaves the others and the shared
// items as they were.
func TestValuesLists(t *testing.T) {
	shared := []any{"a", "b", "c"}
	for _, b := range []*exo.Values{nil, new(exo.Values)} {
		var lists []*object.List
		for i := 0; i < 20; i++ {
			lists = append(lists, b.Empty(), b.Copy(shared), b.MultiValued("x", "y"), b.MultiValued())
		}
		big := make([]string, 100)
		lists = append(lists, b.MultiValued(big...))
		for i, l := range lists {
			if l.Items == nil {
				t.Fatalf("list %d has nil items", i)
			}
			if len(l.Items) > 0 {
				l.Items[0] = i
			}
			l.Items = append(l.Items, "added")
		}
		runtime.GC()
		for i, l := range lists[:len(lists)-1] {
			var want []any
			switch i % 4 {
			case 0, 3:
				want = []any{"added"}
			case 1:
				want = []any{i, "b", "c", "added"}
			case 2:
				want = []any{i, "y", "added"}
			}
			if fmt.Sprint(l.Items) != fmt.Sprint(want) {
				t.Fatalf("list %d = %v, want %v", i, l.Items, want)
			}
		}
		if fmt.Sprint(shared) != "[a b c]" {
			t.Fatalf("shared items changed: %v", shared)
		}
	}
}

// TestValuesAllocations checks that a block serves many values with one
// allocation.
func TestValuesAllocations(t *testing.T) {
	g := object.Guid{1}
	at := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	var sink []any
	n := testing.AllocsPerRun(10, func() {
		b := new(exo.Values)
		sink = sink[:0]
		for i := 0; i < 8; i++ {
			sink = append(sink, b.Text("text"), b.Text("text"), b.Guid(g), b.Time(at), b.Copy([]any{"a", "b"}))
		}
	})
	// 40 values: the Values and a block each of texts, GUIDs, times,
	// lists and items
	if n > 6 {
		t.Errorf("%v allocations for 40 values, want at most 6", n)
	}
}

func TestParseGuid(t *testing.T) {
	for _, s := range []string{"f046d63f-b78e-4871-864a-0701f2f1ee26", "F046D63F-B78E-4871-864A-0701F2F1EE26",
		"{f046d63f-b78e-4871-864a-0701f2f1ee26}", "f046d63fb78e4871864a0701f2f1ee26", " f046d63f-b78e-4871-864a-0701f2f1ee26 ",
		"f046d63f-b78e-4871-864a-0701f2f1ee2g", "f046d63f-b78e-4871-864a-0701f2f1ee2G", "f046d63f-b78e-4871-864a-0701f2f1ee/6", "f046d63f-b78e-4871-864a-0701f2f1ee:6", "f046d63f-b78e-4871-864a-0701f2f1ee@6", "f046d63f-b78e-4871-864a-0701f2f1ee`6", "f046d63f-b78e-4871-864a-0701f2f1ee\x006", "-046d63f-b78e-4871-864a-0701f2f1ee26", "f046d63f-b78e-4871-864a_0701f2f1ee26", "", "annb"} {
		g, ok := exo.ParseGuid(s)
		wg, wok := object.ParseGuid(s)
		if g != wg || ok != wok {
			t.Errorf("ParseGuid(%q) = %v, %v; want %v, %v", s, g, ok, wg, wok)
		}
		if ok {
			if got := string(exo.AppendGuid([]byte("x"), g)); got != "x"+g.String() {
				t.Errorf("AppendGuid(%v) = %q", g, got)
			}
		}
	}
}
