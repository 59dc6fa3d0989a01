package object

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestLazyObject checks that a lazy object reads exactly like the eager
// object built with AddTyped, computes only what is read, and turns into
// an ordinary object when its property list changes.
func TestLazyObject(t *testing.T) {
	names := []string{"Name", "Count", "Enabled", "Tags"}
	types := []string{"System.String", "System.Int32", "System.Boolean", "System.Object[]"}
	values := []any{"annb", 3, true, []any{"a", "b"}}
	eager := NewObject("T.Mailbox", "T.Object")
	for i, n := range names {
		eager.AddTyped(n, types[i], values[i])
	}
	var computed []int
	s := NewSchema(names, types)
	newLazy := func() *PSObject {
		computed = nil
		return NewLazyObject(s, func(i int) any { computed = append(computed, i); return values[i] }, "T.Mailbox", "T.Object")
	}

	o := newLazy()
	if v, ok := o.Get("enabled"); !ok || v != true {
		t.Fatalf("Get(enabled) = %v, %v", v, ok)
	}
	if o.Property("NoSuch") != nil {
		t.Fatal("unknown property found")
	}
	if !reflect.DeepEqual(computed, []int{2}) {
		t.Fatalf("computed %v, want only [2]", computed)
	}
	if o.Len() != 4 || !reflect.DeepEqual(o.PropertyNames(), names) {
		t.Fatalf("names %v", o.PropertyNames())
	}
	o.Value("Enabled")
	if len(computed) != 1 {
		t.Fatalf("a property was computed twice: %v", computed)
	}
	if !reflect.DeepEqual(o.Properties(), eager.Properties()) {
		t.Fatal("lazy properties differ from eager ones")
	}
	if o.String() != eager.String() {
		t.Fatalf("String %q, want %q", o.String(), eager.String())
	}
	if c := o.Copy(); !reflect.DeepEqual(c.Properties(), eager.Properties()) {
		t.Fatal("copy differs")
	}

	o = newLazy()
	if !o.Set("Count", 5) || o.Value("count") != 5 {
		t.Fatal("Set on a lazy object")
	}
	o.Add("Extra", 1)
	if got := o.PropertyNames(); !reflect.DeepEqual(got, append(append([]string(nil), names...), "Extra")) || o.Value("Count") != 5 {
		t.Fatalf("after Add: %v", got)
	}
	o = newLazy()
	if !o.Remove("count") || o.Len() != 3 || o.Value("Tags") == nil || o.Property("Count") != nil {
		t.Fatal("Remove on a lazy object")
	}
}

// Lazy objects made from one list of type names share it: a name added to
// one object's list leaves the list and the other objects alone.
func TestLazyObjectTypeNamesShared(t *testing.T) {
	t.Parallel()
	s := NewSchema([]string{"Name"}, []string{"System.String"})
	names := []string{"T.Mailbox", "T.Object"}
	a := NewLazyObject(s, func(int) any { return "a" }, names...)
	b := NewLazyObject(s, func(int) any { return "b" }, names...)
	a.TypeNames = append(a.TypeNames, "T.Extra")
	b.TypeNames = append(b.TypeNames, "T.Other")
	if got := strings.Join(a.TypeNames, ","); got != "T.Mailbox,T.Object,T.Extra" {
		t.Errorf("a's type names = %s", got)
	}
	if got := strings.Join(b.TypeNames, ","); got != "T.Mailbox,T.Object,T.Other" {
		t.Errorf("b's type names = %s", got)
	}
	if got := strings.Join(names, ","); got != "T.Mailbox,T.Object" {
		t.Errorf("the shared list became %s", got)
	}
}

// TestSchemaIndex checks that a schema finds its properties without regard
// to case (ASCII and other names, short and long) and keeps the first of
// two names that differ only in case.
func TestSchemaIndex(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Attribute", 9) // longer than a lookup's stack buffer
	s := NewSchema([]string{"Name", "DisplayName", long, "name", "Größe"},
		[]string{"System.String", "System.String", "System.String", "System.Int32", "System.Int64"})
	if s.Len() != 4 {
		t.Fatalf("Len() = %d, want 4 (the later duplicate ignored)", s.Len())
	}
	cases := []struct {
		name string
		want int
		ok   bool
	}{
		{"Name", 0, true}, {"NAME", 0, true}, {"displayname", 1, true},
		{strings.ToUpper(long), 2, true}, {"GRÖSSE", 0, false}, {"größe", 3, true},
		{"Missing", 0, false}, {"", 0, false},
	}
	for _, c := range cases {
		if got, ok := s.Index(c.name); ok != c.ok || (ok && got != c.want) {
			t.Errorf("Index(%q) = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	if got := s.Names(); got[3] != "Größe" {
		t.Errorf("Names()[3] = %q", got[3])
	}
	// only ASCII names: found in a hash table of them, a name
	// whose lower case is ASCII (the Kelvin sign's is k) among them
	a := NewSchema([]string{"Alias", "PrimarySmtpAddress", "ALIAS", "Guid", "Kind"},
		[]string{"System.String", "System.String", "System.String", "System.Guid", "System.String"})
	for name, want := range map[string]int{"alias": 0, "primarysmtpaddress": 1, "GUID": 2, "\u212Aind": 3} {
		if got, ok := a.Index(name); !ok || got != want {
			t.Errorf("ASCII schema: Index(%q) = %d, %v; want %d", name, got, ok, want)
		}
	}
	for _, name := range []string{"", "A", "Aliases", "Zone", "guid ", "Größe"} {
		if got, ok := a.Index(name); ok {
			t.Errorf("ASCII schema: Index(%q) = %d, want none", name, got)
		}
	}
	if a.Len() != 4 || a.Names()[3] != "Kind" {
		t.Errorf("ASCII schema: Len() = %d (%q), want 4", a.Len(), a.Names())
	}
}

// TestPropertyValueAt checks that reading by position gives what reading
// by name gives: a wrong position or a non-lazy object is read by name,
// a property already made (and assigned) is read from it, and a value
// read by position leaves no property behind.
func TestPropertyValueAt(t *testing.T) {
	t.Parallel()
	names := []string{"Name", "Count", "Tags"}
	s := NewSchema(names, []string{"System.String", "System.Int32", "System.Object[]"})
	values := []any{"annb", 3, "x"}
	o := NewLazyObject(s, func(i int) any { return values[i] }, "T.Mailbox")
	for i, n := range names {
		if got := PropertyValueAt(o, n, i); got != values[i] {
			t.Errorf("PropertyValueAt(%s, %d) = %v", n, i, got)
		}
	}
	if o.madeProp(0) != nil || o.props != nil {
		t.Error("reading by position made a property")
	}
	if got := PropertyValueAt(o, "Count", 0); got != 3 {
		t.Errorf("wrong position: %v", got)
	}
	if got := PropertyValueAt(o, "count", 1); got != 3 {
		t.Errorf("other case: %v", got)
	}
	if got := PropertyValueAt(o, "NoSuch", 7); got != nil {
		t.Errorf("missing: %v", got)
	}
	o.Set("Tags", "assigned")
	if got := PropertyValueAt(o, "Tags", 2); got != "assigned" {
		t.Errorf("assigned property read as %v", got)
	}
	o.Set("Name", "renamed")
	if got := PropertyValueAt(o, "Name", 0); got != "renamed" {
		t.Errorf("assigned property read as %v", got)
	}
	e := NewObject("T.Plain")
	e.Add("Name", "plain")
	if got := PropertyValueAt(e, "Name", 0); got != "plain" {
		t.Errorf("plain object: %v", got)
	}
}

// A lazy object's names are those Adapted lists, in order, given without
// making a property; another value has none to give.
func TestLazyNames(t *testing.T) {
	t.Parallel()
	names := []string{"Name", "Count"}
	o := NewLazyObject(NewSchema(names, []string{"System.String", "System.Int32"}), func(i int) any { return i }, "T.Lazy")
	got, ok := LazyNames(o)
	if !ok || strings.Join(got, ",") != "Name,Count" {
		t.Fatalf("LazyNames = %q, %v", got, ok)
	}
	if o.props != nil || o.first != nil {
		t.Error("LazyNames made a property")
	}
	for i, p := range Adapted(o) {
		if p.Name != got[i] {
			t.Errorf("Adapted lists %s at %d, LazyNames %s", p.Name, i, got[i])
		}
	}
	o.Add("Extra", 1) // a changed list is no longer lazy
	if _, ok := LazyNames(o); ok {
		t.Error("a changed object still gives lazy names")
	}
	e := NewObject("T.Plain")
	e.Add("Name", "x")
	if _, ok := LazyNames(e); ok {
		t.Error("a plain object gave lazy names")
	}
}

// A schema of distinct names finds a name as NewSchema's does, by
// reading its names for the first lookups and by its table after them
// or once a name is not found; a duplicate name panics when the table is
// made.
func TestUniqueSchema(t *testing.T) {
	t.Parallel()
	want := map[string]int{"name": 0, "COUNT": 1, "kelvin": 2, "\u212aelvin": 2, "Kelvin": 2}
	for round := 0; round < scanLookups; round++ {
		s := NewUniqueSchema([]string{"Name", "Count", "Kelvin"}, []string{"System.String", "System.Int32", "System.String"})
		for k := 0; k < round; k++ {
			if i, ok := s.Index("count"); !ok || i != 1 {
				t.Fatalf("Index(count) = %d, %v", i, ok)
			}
		}
		for name, want := range want {
			if i, ok := s.Index(name); !ok || i != want {
				t.Errorf("after %d lookups: Index(%q) = %d, %v; want %d", round, name, i, ok, want)
			}
		}
		if _, ok := s.Index("nosuch"); ok {
			t.Error("found a name it lacks")
		}
	}
	d := NewUniqueSchema([]string{"Name", "NAME"}, []string{"System.String", "System.String"})
	defer func() {
		if recover() == nil {
			t.Error("a duplicate name did not panic")
		}
	}()
	d.Index("nosuch")
}

// A schema whose type names come from a function (NewUniqueSchemaOf)
// reads as one given them as a list: the same lookups, the same
// properties with their type names, the same object once changed.
func TestUniqueSchemaOf(t *testing.T) {
	t.Parallel()
	names := []string{"Name", "Count", "Kelvin"}
	types := []string{"System.String", "System.Int32", "System.String"}
	values := []any{"x", 3, "k"}
	value := func(i int) any { return values[i] }
	read := 0
	listed := NewLazyObject(NewUniqueSchema(names, types), value, "T")
	given := NewLazyObject(NewUniqueSchemaOf(names, func(i int) string { read++; return types[i] }), value, "T")
	for _, name := range []string{"count", "KELVIN", "name"} {
		if i, ok := given.schema.Index(name); !ok || !strings.EqualFold(names[i], name) {
			t.Errorf("Index(%q) = %d, %v", name, i, ok)
		}
	}
	if read != 0 {
		t.Errorf("type names read %d times by lookups", read)
	}
	describe := func(o *PSObject) string {
		var b strings.Builder
		for _, p := range o.Properties() {
			fmt.Fprintf(&b, "%s:%s=%v;", p.Name, p.TypeName, p.Value)
		}
		return b.String()
	}
	if got, want := describe(given), describe(listed); got != want {
		t.Errorf("properties %s, want %s", got, want)
	}
	if read != len(names) {
		t.Errorf("type names read %d times making %d properties", read, len(names))
	}
	given.Add("Extra", 1)
	listed.Add("Extra", 1)
	if got, want := describe(given), describe(listed); got != want {
		t.Errorf("changed: properties %s, want %s", got, want)
	}
}

// IsASCII finds a byte outside ASCII wherever it is, in texts of any
// length.
func TestIsASCII(t *testing.T) {
	t.Parallel()
	for n := 0; n < 40; n++ {
		s := strings.Repeat("a", n)
		if !IsASCII(s) {
			t.Errorf("%q is ASCII", s)
		}
		for i := 0; i < n; i++ {
			b := []byte(s)
			b[i] = 0x80 | byte(i)
			if IsASCII(string(b)) {
				t.Errorf("%q (byte %d) is not ASCII", b, i)
			}
		}
	}
}

// LazyUnmade tells a lazy object none of whose properties has been made
// from one with a property made (read by name, set, or the object turned
// ordinary) and from other values.
func TestLazyUnmade(t *testing.T) {
	s := NewSchema([]string{"Name", "Count"}, []string{"System.String", "System.Int32"})
	lazy := func(touch func(o *PSObject)) *PSObject {
		o := NewLazyObject(s, func(i int) any { return i }, "T.Lazy")
		touch(o)
		return o
	}
	var nilObject *PSObject
	cases := []struct {
		name string
		v    any
		want bool
	}{
		{"untouched", lazy(func(*PSObject) {}), true},
		{"read by position", lazy(func(o *PSObject) { PropertyValueAt(o, "Count", 1) }), true},
		{"read by name", lazy(func(o *PSObject) { o.Value("Count") }), false},
		{"set", lazy(func(o *PSObject) { o.Set("Name", "x") }), false},
		{"property added", lazy(func(o *PSObject) { o.Add("Extra", 1) }), false},
		{"ordinary object", NewObject("T.Lazy"), false},
		{"nil object", nilObject, false},
		{"not an object", "text", false},
	}
	for _, c := range cases {
		if got := LazyUnmade(c.v); got != c.want {
			t.Errorf("%s: LazyUnmade = %v, want %v", c.name, got, c.want)
		}
	}
}
