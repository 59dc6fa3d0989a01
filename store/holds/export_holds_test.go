package holds

// Names of the package's internals its external tests use.
var (
	HasEntry    = hasEntry
	LocationHas = locationHas
)
