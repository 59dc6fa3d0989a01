package seed

// Names of the package's internals its external tests use.
var SynthName = synthName
