package main

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/labs"
	"github.com/exosim/exosim/cmdlets/registry"
)

// labCondition answers the testscript condition [lab:NAME]: whether the
// built-in lab NAME can run in this exosim (it has every command and
// feature the lab requires). Sessions of labs whose features haven't
// landed yet check that the lab is refused, then skip the rest.
func labCondition(cond string) (bool, error) {
	name, ok := strings.CutPrefix(cond, "lab:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	ls, err := labs.Builtin()
	if err != nil {
		return false, err
	}
	l, ok := labs.Find(ls, name)
	if !ok {
		return false, fmt.Errorf("no built-in lab %q", name)
	}
	return len(labs.Missing(l, labs.Probe(registry.LabSession))) == 0, nil
}
