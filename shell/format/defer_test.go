package format

import (
	"strings"
	"sync"
	"testing"
)

func TestDeferredViewsAreAddedOnTheFirstMiss(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	var ran []string
	r.Add(&View{Name: "A", TypeNames: []string{"Type.A"}, Kind: TableView})
	r.Defer(func(r *Registry) {
		ran = append(ran, "first")
		r.Add(&View{Name: "B", TypeNames: []string{"Type.B"}, Kind: ListView})
		r.SetDefaultProperties("Type.C", "One", "Two")
	})
	r.Defer(func(r *Registry) {
		ran = append(ran, "second")
		r.Add(&View{Name: "B2", TypeNames: []string{"Type.B"}, Kind: ListView})
	})
	if v := r.Lookup([]string{"type.a"}, TableView, ""); v == nil || v.Name != "A" || len(ran) != 0 {
		t.Fatalf("a view added directly: %v, deferred ran %v", v, ran)
	}
	// A miss runs every deferred registration, in order, once.
	if v := r.Lookup([]string{"Type.B"}, ListView, ""); v == nil || v.Name != "B" {
		t.Errorf("a deferred view: %v", v)
	}
	if got := strings.Join(ran, ","); got != "first,second" {
		t.Errorf("deferred ran: %s", got)
	}
	if got := r.DefaultProperties("type.c"); strings.Join(got, ",") != "One,Two" {
		t.Errorf("deferred default properties: %v", got)
	}
	if v := r.Lookup([]string{"Type.None"}, AutoView, ""); v != nil || len(ran) != 2 {
		t.Errorf("a type without views: %v, deferred ran %v", v, ran)
	}
	// A miss on default properties runs them too.
	r2 := NewRegistry()
	r2.Defer(func(r *Registry) { r.SetDefaultProperties("Type.D", "Name") })
	if got := r2.DefaultProperties("Type.D"); strings.Join(got, ",") != "Name" {
		t.Errorf("default properties of a deferred type: %v", got)
	}
	if got := r2.TypeNames(); strings.Join(got, ",") == "" || !strings.Contains(strings.Join(got, ","), "type.d") {
		t.Errorf("TypeNames: %v", got)
	}
}

// Lookups from several goroutines see the deferred views once each ran.
func TestDeferredViewsConcurrentLookups(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	runs := 0
	r.Defer(func(r *Registry) {
		runs++
		r.Add(&View{Name: "B", TypeNames: []string{"Type.B"}, Kind: ListView})
	})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := r.Lookup([]string{"Type.B"}, ListView, ""); v == nil {
				t.Error("a deferred view not found")
			}
		}()
	}
	wg.Wait()
	if runs != 1 {
		t.Errorf("deferred registration ran %d times", runs)
	}
}

// A provider runs the first time one of its types is asked for, once,
// and its views and default properties answer as if it had added them
// when it registered: after the views added before it, before those
// added after it.
func TestProvidedViewsTakeTheirRegistrationsPlace(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	runs := 0
	r.Add(&View{Name: "before", TypeNames: []string{"Type.A"}, Kind: ListView})
	r.SetDefaultProperties("Type.D", "Before")
	r.Provide(func(r *Registry) {
		runs++
		r.Add(&View{Name: "provided", TypeNames: []string{"Type.A", "Type.B"}, Kind: TableView})
		r.Add(&View{Name: "provided list", TypeNames: []string{"Type.B"}, Kind: ListView})
		r.SetDefaultProperties("Type.C", "Provided")
		r.SetDefaultProperties("Type.D", "Provided")
		r.SetDefaultProperties("Type.E", "Provided")
	}, "type.a", "Type.B", "Type.C", "Type.D", "Type.E")
	r.Add(&View{Name: "after", TypeNames: []string{"Type.A"}, Kind: TableView})
	r.SetDefaultProperties("Type.E", "After")
	if v := r.Lookup([]string{"Type.None"}, AutoView, ""); v != nil || runs != 0 {
		t.Fatalf("a type the provider did not name: %v, provider ran %d times", v, runs)
	}
	if v := r.Lookup([]string{"Type.A"}, TableView, ""); v == nil || v.Name != "provided" || runs != 1 {
		t.Fatalf("Type.A table: %v, provider ran %d times", v, runs)
	}
	for _, c := range []struct {
		types []string
		kind  ViewKind
		want  string
	}{
		{[]string{"TYPE.A"}, AutoView, "before"},
		{[]string{"Type.A"}, ListView, "before"},
		{[]string{"Type.X", "Type.B"}, AutoView, "provided"},
		{[]string{"Type.B"}, ListView, "provided list"},
	} {
		if v := r.Lookup(c.types, c.kind, ""); v == nil || v.Name != c.want {
			t.Errorf("%v kind %d: %v, want %s", c.types, c.kind, v, c.want)
		}
	}
	for typ, want := range map[string]string{"Type.C": "Provided", "Type.D": "Provided", "Type.E": "After"} {
		if got := strings.Join(r.DefaultProperties(typ), ","); got != want {
			t.Errorf("default properties of %s: %s, want %s", typ, got, want)
		}
	}
	if runs != 1 {
		t.Errorf("provider ran %d times", runs)
	}
	// default properties alone run a provider too, and TypeNames runs them all
	r2 := NewRegistry()
	r2.Provide(func(r *Registry) { r.SetDefaultProperties("Type.D", "Name") }, "Type.D")
	if got := r2.DefaultProperties("Type.D"); strings.Join(got, ",") != "Name" {
		t.Errorf("default properties of a provided type: %v", got)
	}
	r3 := NewRegistry()
	r3.Provide(func(r *Registry) { r.Add(&View{Name: "F", TypeNames: []string{"Type.F"}, Kind: ListView}) }, "Type.F", "Type.Unused")
	names := strings.Join(r3.TypeNames(), ",")
	if !strings.Contains(names, "type.f") || strings.Contains(names, "type.unused") || !strings.Contains(names, "system.datetime") {
		t.Errorf("TypeNames: %s", names)
	}
}

// Lookups from several goroutines run a provider once.
func TestProvidedViewsConcurrentLookups(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	runs := 0
	r.Provide(func(r *Registry) {
		runs++
		r.Add(&View{Name: "B", TypeNames: []string{"Type.B"}, Kind: ListView})
	}, "Type.B")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := r.Lookup([]string{"Type.B"}, ListView, ""); v == nil {
				t.Error("a provided view not found")
			}
		}()
	}
	wg.Wait()
	if runs != 1 {
		t.Errorf("provider ran %d times", runs)
	}
}
