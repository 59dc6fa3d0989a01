//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// ignoreStop keeps Ctrl+Z (SIGTSTP) from stopping the REPL while a
// command runs: a trainee who presses it would see a frozen window. At
// the prompt the editor reads Ctrl+Z as a key (Undo).
func ignoreStop() { signal.Ignore(syscall.SIGTSTP) }
