package registry

import (
	"github.com/exosim/exosim/cmdlets/labs"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
)

// registerLabs adds Get-SimLab and Test-SimLab and returns their views,
// for the session to defer with the other packages' views. Lab
// objectives are checked in a fresh, connected session over the same
// tenant, so the checks never see the trainee's variables.
func registerLabs(rt *runtime.Runtime) func(*format.Registry) {
	rt.Declare(labs.Table(LabSession))
	return labs.Views
}

// LabSession opens the session lab setups and checks run in: every cmdlet,
// connected, not interactive.
func LabSession(io *host.IO, st *store.Store) *runtime.Runtime {
	return NewSession(io, st, Options{})
}
