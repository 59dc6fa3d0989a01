// Command exosim is an offline, stateful simulator of Exchange Online
// PowerShell: a PowerShell-like REPL and script runner over a simulated
// tenant kept in a bbolt file.
package main

import (
	"os"
)

func main() {
	os.Exit(main1())
}

func main1() int {
	return run(os.Args[1:], systemEnv())
}
