// Command exosim is an offline, stateful simulator of Exchange Online
// PowerShell: a PowerShell-like REPL and script runner over a simulated
// tenant kept in a bbolt file.
package main

import (
	"os"
	"runtime/debug"

	_ "github.com/exosim/exosim/cmd/exosim/internal/hugetext"   // the entry point make build links in
	_ "github.com/exosim/exosim/cmd/exosim/internal/startstack" // the main goroutine's stack, grown once
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// A listing allocates objects quickly while keeping few alive, so
// collecting at 4x the live heap instead of 2x halves the collector's
// share of a 100,000-mailbox pipeline for a few MB more memory.
const gcPercent = 400

func main() {
	os.Exit(main1())
}

func main1() int {
	if code, ok := floorRun(os.Args); ok {
		return code
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	return run(os.Args[1:], systemEnv())
}
