package hugetext

// EntryFlag is the linker flag that makes entry the program's entry
// point: go build -ldflags=-E=... (make build passes it).
const EntryFlag = "-E=github.com/exosim/exosim/cmd/exosim/internal/hugetext.entry"

// entry is the program's entry point when linked with EntryFlag; see the
// package comment. It is written in assembly because it runs before the
// Go runtime exists.
func entry()
