package sim

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
)

// addMailboxes declares Add-SimMailboxes, which fills the tenant with
// ordinary licensed user mailboxes for large-tenant sessions.
func addMailboxes() *command.Command {
	c := cmd("Add-SimMailboxes", "AddSimMailboxesCommand")
	c.Synopsis = "Adds synthetic licensed user mailboxes (user0001, user0002, ...) to the tenant."
	c.Description = "Each mailbox gets an account, an Exchange Online (Plan 1) licence (bought as needed) and folder content. Numbering continues after the highest synthetic mailbox already present. Meant for sessions that need a large tenant, such as the 1000-item default of -ResultSize."
	c.Params = []*params.Param{
		params.P("Count", params.TInt, params.Mandatory(), params.Position(0), params.Range(1, 200000),
			params.Help("How many mailboxes to add.")),
	}
	c.Examples = []command.Example{
		{Code: "Add-SimMailboxes -Count 1200", Remark: "Adds 1200 mailboxes, so that Get-Mailbox without -ResultSize stops at 1000 and warns."},
		{Code: "Add-SimMailboxes 5; Get-Mailbox user0005", Remark: "Adds five mailboxes and shows the last one."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if err := requireTrainer(ctx, ""); err != nil {
			return err
		}
		n := ctx.Int("Count")
		return exo.Update(ctx, func(tx *store.Tx) error { return seed.AddSyntheticMailboxes(tx, n) })
	}
	return c
}
