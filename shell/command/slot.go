package command

// Slot is a typed place in every session for the data of one package
// outside the shell: the Exchange half keeps its connections, its signed-in
// caller and its caches this way, the standard cmdlets their jobs and
// modules. The shell never looks inside a slot; a package declares its
// slot once, as a package variable, and reads and writes the session's
// value only through it, so the value always has the slot's type.
//
//	var jobsSlot = command.NewSlot[*jobTable]()
//	t := jobsSlot.Of(rt, newJobTable)
type Slot[T any] struct {
	// id makes every slot a distinct key (pointers to zero-size values
	// need not differ).
	id byte
}

// NewSlot returns a new slot holding values of type T.
func NewSlot[T any]() *Slot[T] { return &Slot[T]{} }

// Slots holds a session's slot values; the zero value holds none.
type Slots struct {
	m map[any]any
}

// Get returns the session's value and whether one was set.
func (s *Slot[T]) Get(sess Session) (T, bool) {
	v, ok := sess.Slots().m[s]
	// only Set writes the slot, so v is a T (or a nil interface T)
	t, _ := v.(T)
	return t, ok
}

// Set sets the session's value.
func (s *Slot[T]) Set(sess Session, v T) {
	t := sess.Slots()
	if t.m == nil {
		t.m = map[any]any{}
	}
	t.m[s] = v
}

// Clear removes the session's value: Get then reports none.
func (s *Slot[T]) Clear(sess Session) { delete(sess.Slots().m, s) }

// Of returns the session's value, setting it to newValue() first when
// there is none.
func (s *Slot[T]) Of(sess Session, newValue func() T) T {
	if v, ok := s.Get(sess); ok {
		return v
	}
	v := newValue()
	s.Set(sess, v)
	return v
}

// InvocationSlot is a typed place in one command invocation for the data
// its Begin, Process and End blocks share (a running count, the objects
// gathered for End, an open file). Like Slot, a command family declares
// its slot once as a package variable, usually of one struct type holding
// every field it keeps, and reaches the value only through it. Each
// invocation starts with the zero value; nothing carries over between
// invocations.
//
//	var sortSlot = command.NewInvocationSlot[sortState]()
//	st := sortSlot.Of(ctx) // *sortState, zero the first time
type InvocationSlot[T any] struct {
	// id makes every slot a distinct key, as in Slot.
	id byte
}

// NewInvocationSlot returns a new invocation slot holding values of type T.
func NewInvocationSlot[T any]() *InvocationSlot[T] { return &InvocationSlot[T]{} }

// Of returns the invocation's value, a new zero T the first time: changes
// made through the pointer are seen by the later blocks.
func (s *InvocationSlot[T]) Of(ctx *Context) *T {
	if v, ok := ctx.locals[s].(*T); ok {
		return v
	}
	if ctx.locals == nil {
		ctx.locals = map[any]any{}
	}
	v := new(T)
	ctx.locals[s] = v
	return v
}

// collectedSlot holds the objects Collect gathers.
var collectedSlot = NewInvocationSlot[[]any]()

// Collect keeps v for the invocation's End block, which reads every kept
// object back with Collected: the way a command that needs its whole
// input (sorting, grouping, a table's widths) buffers the pipeline.
func (c *Context) Collect(v any) {
	l := collectedSlot.Of(c)
	*l = append(*l, v)
}

// Collected returns the objects Collect kept, in order (nil when none).
func (c *Context) Collected() []any { return *collectedSlot.Of(c) }

// CollectInput is a Process block that keeps each object it processes
// (ProcessInput) for the End block (see Collect).
func CollectInput(ctx *Context) error {
	if v, ok := ctx.ProcessInput(); ok {
		ctx.Collect(v)
	}
	return nil
}

// ProcessInput is the object a Process block of a command that takes
// -InputObject from the pipeline works on: the pipeline object, or, run
// without pipeline input, the value given to -InputObject by name,
// whole, as PowerShell binds it before its one ProcessRecord call
// (Out-File -InputObject $line writes the line; ForEach-Object
// -InputObject @(1,2) sees the array once). ok is false for neither.
func (c *Context) ProcessInput() (any, bool) {
	if c.HasInput {
		return c.Input, true
	}
	if !c.ExpectingInput() && c.Has("InputObject") {
		return c.Value("InputObject"), true
	}
	return nil, false
}
