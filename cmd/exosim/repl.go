package main

import (
	"fmt"
	"os"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/repl"
	"github.com/exosim/exosim/store"
)

func runREPL(e *env, o *options, st *store.Store) error {
	lr, err := repl.NewReadline(st.Path()+".history", os.Stdin, e.io.Out, e.io.Err)
	if err != nil {
		return err
	}
	defer lr.Close()
	e.io.Editor = lr
	rt := registry.NewSession(e.io, st, registry.Options{Interactive: true})
	fmt.Fprintf(e.io.Out, "exosim %s — simulated Exchange Online tenant %s\nType Get-Command -Module Exosim for the simulator cmdlets, Get-Help <name> for help, exit to leave.\n\n", version, st.Path())
	code := repl.Loop(rt, lr)
	if code != 0 {
		return exitCode(code)
	}
	return nil
}
