package decl

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
)

// PowerShell's own cmdlets (the modules PowerShell 7.4 ships on Linux:
// Core, Utility, Management, Security, Host, Archive, PSReadLine and
// ThreadJob; the Windows-only cmdlets of those modules are left out) are
// declared from a second table in the same encoding, generated from the
// PowerShell 7.4 cmdlet reference (zz_psdecl.go).
var powershell = &table{names: psNames, offsets: psOffsets, records: psRecords, types: psTypes, valueLists: psValueLists, short: true}

// PowerShellCmdlet is what the PowerShell table says about a cmdlet
// besides its parameters.
type PowerShellCmdlet struct {
	// Name is the cmdlet's name as PowerShell spells it.
	Name string
	// Module is the module that ships it (Microsoft.PowerShell.Utility ...).
	Module string
}

// FindPowerShell reports whether name (matched without regard to case) is
// one of PowerShell 7.4's own cmdlets on Linux, with its spelling and
// module.
func FindPowerShell(name string) (PowerShellCmdlet, bool) {
	i, ok := powershell.index(name)
	if !ok {
		return PowerShellCmdlet{}, false
	}
	return PowerShellCmdlet{Name: psNames[i], Module: psModuleNames[psModule[i]]}, true
}

// LookupPowerShell returns a fresh copy of a PowerShell cmdlet's
// declaration (name, sets, parameters, ShouldProcess support), or nil.
func LookupPowerShell(name string) *command.Command {
	i, ok := powershell.index(name)
	if !ok {
		return nil
	}
	c, _ := powershell.decode(i)
	return c
}

// PowerShellNames returns PowerShell's declared cmdlets in name order.
func PowerShellNames() []string {
	return append([]string(nil), psNames...)
}

// shortTypeName is the name PowerShell's help shows for a .NET type: its
// last dotted part (Encoding for System.Text.Encoding).
func shortTypeName(t string) string {
	arr := strings.HasSuffix(t, "[]")
	t = strings.TrimSuffix(t, "[]")
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	if arr {
		t += "[]"
	}
	return t
}

// NotSimulated fails a call of a declared cmdlet the simulator does not
// model, after its parameters bound: one error (CmdletNotSimulated) naming
// the cmdlet and where it is real ("Exchange Online", "PowerShell").
func NotSimulated(ctx *command.Context, realIn string) error {
	rec := ctx.NewError(fmt.Sprintf("%s is a real %s cmdlet, but exosim does not simulate it: the call was not run.", ctx.Command.Name, realIn),
		"CmdletNotSimulated", object.NotImplemented, "NotImplementedException", nil)
	rec.ExceptionFullType = "System.NotImplementedException"
	return ctx.Fail(rec)
}
