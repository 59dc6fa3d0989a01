// Package startstack gives the main goroutine, once, the stack a command
// line needs. A goroutine starts with 2 KB of stack and doubles it
// whenever a call needs more, copying every frame each time onto newly
// allocated memory; package initialisation and the interpreter take the
// main goroutine to 64 KB in five such steps. Growing it in one step while
// it holds a single frame costs one allocation and next to no copying.
//
// The package imports nothing, so it is initialised before almost every
// other package of the program (Go initialises packages in the order of
// their import paths, each after its imports); cmd/exosim imports it for
// that side effect only.
package startstack

// never is never set: grow's frame is reserved, never used.
var never bool

func init() { grow() }

// grow has a frame of nearly 64 KB: calling it makes the runtime move the
// stack to a 64 KB one (measured against 128 KB and 256 KB, which touch
// more fresh memory than a one-shot command uses).
//
//go:noinline
func grow() {
	if never {
		var frame [56 << 10]byte
		keep(frame[:])
	}
}

//go:noinline
func keep(b []byte) { b[0] = 1 }
