package hugetext

// LinkFlags are the linker flags make build passes (go build
// -ldflags=...): -E makes entry the program's entry point, and -R starts
// each segment of the program on a 2 MB boundary, so that the read-only
// data begins on a 2 MB range of its own (see the package comment).
const LinkFlags = "-E=github.com/exosim/exosim/cmd/exosim/internal/hugetext.entry -R=0x200000"

// entry is the program's entry point when linked with LinkFlags; see the
// package comment. It is written in assembly because it runs before the
// Go runtime exists.
func entry()
