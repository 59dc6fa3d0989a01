// Package clutter declares the Exchange Online cmdlets of Clutter:
// Get-/Set-Clutter over the setting the tenant keeps for each mailbox
// (store/clutter).
package clutter

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	cl "github.com/exosim/exosim/store/clutter"
	"github.com/exosim/exosim/store/directory"
)

// TypeClutter is the output type of Get-Clutter.
const TypeClutter = "Microsoft.Exchange.Management.StoreTasks.ClutterSettings"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-Clutter", "Set-Clutter"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers nothing: Exchange has no view of the Clutter settings,
// so they show as a list, having more than four properties.
func Views(*format.Registry) {}

func commands() []*command.Command {
	get := exo.Declared("Get-Clutter")
	exo.Describe(get, map[string]string{
		"Identity":         "The mailbox whose Clutter setting to show.",
		"UseCustomRouting": "Accepted; the simulator routes every request the same way.",
	})
	get.OutputType = TypeClutter
	get.Synopsis = "Shows whether Clutter moves low-priority messages out of a mailbox's Inbox (off unless turned on: Focused Inbox replaced it)."
	get.Handler.Process = area.Get

	set := exo.Declared("Set-Clutter")
	exo.Describe(set, map[string]string{
		"Identity":         "The mailbox whose Clutter setting to change.",
		"Enable":           "$true turns Clutter on for the mailbox, $false off; without it nothing changes.",
		"UseCustomRouting": "Accepted; the simulator routes every request the same way.",
	})
	set.Synopsis = "Turns Clutter on or off for a mailbox."
	set.Handler.Process = setClutter
	return []*command.Command{get, set}
}

// area is the Clutter setting as the cmdlets reach it: whether Clutter
// is on.
var area = mailboxsetting.Area[bool]{
	Read: func(tx *store.Tx, m *directory.Mailbox) (*bool, error) {
		on, err := cl.Enabled(tx, m)
		return &on, err
	},
	Write:  func(tx *store.Tx, m *directory.Mailbox, on *bool) error { return cl.Set(tx, m, *on) },
	Show:   clutterObject,
	Prompt: "Setting Clutter for mailbox \"%s\".",
}

func clutterObject(_ *command.Context, _ *store.Tx, m *directory.Mailbox, on *bool) *object.PSObject {
	o := mailboxsetting.Object(TypeClutter)
	o.AddTyped("IsEnabled", "System.Boolean", *on)
	o.AddTyped("MailboxIdentity", "System.String", m.DistinguishedName)
	o.AddTyped("Identity", "System.String", nil)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "New")
	return o
}

// setClutter changes the setting only when -Enable is given.
func setClutter(ctx *command.Context) error {
	if !ctx.Has("Enable") {
		return area.Set(ctx, nil)
	}
	return area.Set(ctx, func(_ *store.Tx, on *bool) (*object.ErrorRecord, error) {
		*on = ctx.Bool("Enable")
		return nil, nil
	})
}
