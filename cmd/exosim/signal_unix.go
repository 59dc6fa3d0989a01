//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// ignoreStop keeps Ctrl+Z (SIGTSTP) from stopping the REPL while a
// command runs: a trainee who presses it would see a frozen window. At
// the prompt the editor reads Ctrl+Z as a key (Undo).
func ignoreStop() { signal.Ignore(syscall.SIGTSTP) }

// watchResize calls resized whenever the terminal changes its size
// (SIGWINCH) until stop is called.
func watchResize(resized func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				resized()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
