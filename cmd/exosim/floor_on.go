//go:build benchfloor

package main

import (
	"fmt"
	"os"

	"github.com/exosim/exosim/cmd/exosim/internal/rawlookup"
)

// floorRun, in a build with the benchfloor tag, makes "exosim __floor
// FILE" do only what the figure table's one-shot baseline does (open the
// tenant file, find one mailbox by alias, decode it) inside exosim's own
// program. Its time beside the baseline's is what the program costs before
// any PowerShell runs: the runtime's start-up, which grows with the
// program's functions, data and interface tables, package initialisation,
// and the exit, which unmaps every page the run mapped.
func floorRun(args []string) (int, bool) {
	if len(args) != 3 || args[1] != "__floor" {
		return 0, false
	}
	if err := rawlookup.Lookup(args[2], rawlookup.Alias); err != nil {
		fmt.Fprintln(os.Stderr, "exosim __floor:", err)
		return 1, true
	}
	return 0, true
}
