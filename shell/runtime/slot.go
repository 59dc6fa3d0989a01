package runtime

// Slot is a typed place in every session for the data of one package
// outside the shell: the Exchange half keeps its connections, its signed-in
// caller and its caches this way, the standard cmdlets their jobs and
// modules. The shell never looks inside a slot; a package declares its
// slot once, as a package variable, and reads and writes the session's
// value only through it, so the value always has the slot's type.
//
//	var jobsSlot = runtime.NewSlot[*jobTable]()
//	t := jobsSlot.Of(rt, newJobTable)
type Slot[T any] struct {
	// id makes every slot a distinct key (pointers to zero-size values
	// need not differ).
	id byte
}

// NewSlot returns a new slot holding values of type T.
func NewSlot[T any]() *Slot[T] { return &Slot[T]{} }

// Get returns the session's value and whether one was set.
func (s *Slot[T]) Get(rt *Runtime) (T, bool) {
	v, ok := rt.slots[s]
	// only Set writes the slot, so v is a T (or a nil interface T)
	t, _ := v.(T)
	return t, ok
}

// Set sets the session's value.
func (s *Slot[T]) Set(rt *Runtime, v T) {
	if rt.slots == nil {
		rt.slots = map[any]any{}
	}
	rt.slots[s] = v
}

// Clear removes the session's value: Get then reports none.
func (s *Slot[T]) Clear(rt *Runtime) { delete(rt.slots, s) }

// Of returns the session's value, setting it to newValue() first when
// there is none.
func (s *Slot[T]) Of(rt *Runtime, newValue func() T) T {
	if v, ok := s.Get(rt); ok {
		return v
	}
	v := newValue()
	s.Set(rt, v)
	return v
}
