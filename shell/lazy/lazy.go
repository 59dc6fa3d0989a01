// Package lazy holds package-level values that are built the first time
// they are used instead of when the program starts.
//
// A table written as a map literal, a regular expression compiled at
// package level or a list assembled by function calls runs before main in
// every process, whether or not the process needs it. Declared as a
// Value, the same table costs nothing until its first Get:
//
//	var verbs = lazy.Value[map[string]bool]{Build: func() map[string]bool {
//		return map[string]bool{"get": true, "set": true}
//	}}
//
//	verbs.Get()["get"]
//
// A Value written as a composite literal whose Build is a function literal
// that captures nothing (or a named function) is laid out by the linker:
// declaring it runs no code at all, which sync.OnceValue, a function call,
// cannot offer. Get is safe for concurrent use; Build runs at most once.
// A Value must not be copied.
package lazy

import "sync"

// Value is a value of type T built by Build on first use.
type Value[T any] struct {
	// Build returns the value; Get calls it once.
	Build func() T
	once  sync.Once
	v     T
}

// Get returns the value, building it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.Build() })
	return l.v
}
