package engine

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
)

// PowerShell 7.4 ships more cmdlets than exosim simulates. Every one it
// ships on Linux is declared (decl.LookupPowerShell): the session knows it
// (Get-Command, Get-Help, completion, lint) and binds a call's parameters
// as PowerShell does; a cmdlet without a simulation then fails with one
// error saying exosim does not simulate it, instead of "not recognized".

// NotSimulated declares a PowerShell cmdlet that exosim does not simulate.
// The declaration is read the first time the session resolves the name.
func NotSimulated(name string) *command.Command {
	info, _ := decl.FindPowerShell(name)
	c := Declared(info.Name, info.Module)
	c.NotSimulated = true
	c.Synopsis = "A real PowerShell cmdlet that exosim does not simulate: its parameters are checked, then it fails."
	c.Description = fmt.Sprintf("%s ships with PowerShell 7.4 (module %s). exosim knows its parameter sets and binds a call "+
		"as PowerShell does, so a wrong or missing parameter is reported as usual; a call that binds fails with the error "+
		"CmdletNotSimulated.", info.Name, info.Module)
	c.Handler.Process = func(ctx *command.Context) error { return decl.NotSimulated(ctx, "PowerShell") }
	return c
}

// Declared is a PowerShell cmdlet of a module whose parameters come from
// the PowerShell declaration table when the session first resolves it.
func Declared(name, module string) *command.Command {
	c := &command.Command{Name: name, Type: command.CmdletCommand, Module: module, Version: moduleVersion(module)}
	c.Load = func(c *command.Command) {
		d := decl.LookupPowerShell(name)
		if d == nil {
			return
		}
		c.Sets, c.DefaultSet, c.Params, c.SupportsShouldProcess = d.Sets, d.DefaultSet, d.Params, d.SupportsShouldProcess
	}
	return c
}

// moduleVersion is the version PowerShell 7.4 reports for one of its modules.
func moduleVersion(module string) string {
	if m, ok := findModule(module); ok {
		return m.version
	}
	switch module {
	case ModCore:
		return Version7
	case "ThreadJob":
		return "2.0.3"
	}
	return Version7
}
