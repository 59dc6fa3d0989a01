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
