package scope

// allScope lists the AllScope items of one kind a scope holds: every
// scope opened from it afterwards holds them too (the same items). A
// scope opened from another starts with its list; add and drop make a
// new list, leaving those of the scopes already open as they are.
type allScope[T comparable] []T

// add returns the list with x.
func (l allScope[T]) add(x T) allScope[T] { return append(l[:len(l):len(l)], x) }

// drop returns the list without x.
func (l allScope[T]) drop(x T) allScope[T] {
	for i, y := range l {
		if y == x {
			return append(l[:i:i], l[i+1:]...)
		}
	}
	return l
}
