// Package collections declares the .NET collection types: ArrayList,
// List[T], Dictionary[K,V] and the other generic dictionaries, HashSet,
// Queue, Stack, the comparers, the delegate types a script block converts
// to, and System.Linq.Enumerable.
package collections

// Declare registers the package's types.
func Declare() {
	declareCollectionsTypes()
	declareLinqTypes()
}
