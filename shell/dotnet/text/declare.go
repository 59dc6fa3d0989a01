// Package text declares the .NET text types: System.String and its
// members, System.Char, StringBuilder, and regular expressions ([regex],
// Match, Group and their collections) on Go's regexp engine.
package text

// Declare registers the package's types.
func Declare() {
	declareRegex()
	declareStrings()
	declareBuilders()
}
