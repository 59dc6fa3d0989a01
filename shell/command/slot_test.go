package command

import (
	"testing"
	"time"
)

// session is a Session without a runtime.
type session struct{ slots Slots }

func (s *session) Now() time.Time { return time.Time{} }
func (s *session) Slots() *Slots  { return &s.slots }

func TestSlots(t *testing.T) {
	t.Parallel()
	type counter struct{ n int }
	a, b := NewSlot[*counter](), NewSlot[*counter]()
	named := NewSlot[interface{ Name() string }]()
	rt1, rt2 := &session{}, &session{}

	if _, ok := a.Get(rt1); ok {
		t.Fatal("a new session has a value in a slot")
	}
	a.Of(rt1, func() *counter { return &counter{} }).n++
	a.Of(rt1, func() *counter { return &counter{n: 100} }).n++
	if c, ok := a.Get(rt1); !ok || c.n != 2 {
		t.Fatalf("Of did not keep the first value: %+v %v", c, ok)
	}
	if _, ok := b.Get(rt1); ok {
		t.Fatal("two slots of the same type share a value")
	}
	if _, ok := a.Get(rt2); ok {
		t.Fatal("two sessions share a slot's value")
	}
	named.Set(rt1, nil)
	if v, ok := named.Get(rt1); !ok || v != nil {
		t.Fatalf("a nil interface set reads back as %v %v", v, ok)
	}
	a.Clear(rt1)
	if _, ok := a.Get(rt1); ok {
		t.Fatal("Clear kept the value")
	}
}
