//go:build !(linux && amd64)

package hugetext

// LinkFlags is empty where this package has no entry point: the program
// starts at the runtime's entry.
const LinkFlags = ""
