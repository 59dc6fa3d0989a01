package sim

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// switchUser declares Switch-SimUser: the trainer's explicit way to work
// as another account (what exosim --user does for a whole session).
// Connect-ExchangeOnline can't do it: exosim has no password prompt, so
// signing in as someone else fails as a wrong password does.
func switchUser() *command.Command {
	c := cmd("Switch-SimUser", "SwitchSimUserCommand")
	c.Synopsis = "Makes the session work as another account, to show what that person's roles allow (trainers only, simulator only)."
	c.Description = "After it, every command runs as the account named: role groups decide which cmdlets and parameters exist, and the admin audit log names that account. " +
		"It lasts until the session ends (the account switched to may not be allowed to switch back: start a new session). It needs the simulator's trainer role (membership of Organization Management) and is itself recorded in the admin audit log under the trainer's name. " +
		"Starting exosim with --user does the same for a whole session; Connect-ExchangeOnline -UserPrincipalName only accepts the account the session runs as."
	c.Params = []*params.Param{
		params.P("UserPrincipalName", params.TString, params.Mandatory(), params.Position(0),
			params.Help("The sign-in name of an active account of the tenant.")),
	}
	c.Examples = []command.Example{
		{Code: "Switch-SimUser meganb@contoso.com; Get-Command Set-Mailbox -Syntax", Remark: "Works as Megan Bowen, a Recipient Management member, and shows the Set-Mailbox parameters she has."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if err := requireTrainer(ctx, ""); err != nil {
			return err
		}
		upn := strings.TrimSpace(ctx.String("UserPrincipalName"))
		found := ""
		// The write transaction records the switch in the audit log
		// under the trainer's name, before the session changes hands.
		// An unknown account is a terminating error, which rolls the
		// transaction back.
		err := exo.Update(ctx, func(tx *store.Tx) error {
			users, err := directory.FindUsersByUPN(tx, upn)
			for _, u := range users {
				if u.State == directory.UserActive {
					found = u.UserPrincipalName
				}
			}
			if found == "" {
				return ctx.Fail(ctx.NewError("There is no active account with the sign-in name '"+upn+"' in the tenant.",
					"NoSuchAccount", object.ObjectNotFound, "InvalidOperationException", upn))
			}
			return err
		})
		if err != nil {
			return err
		}
		exo.SetIdentity(runtime.Of(ctx), found)
		return nil
	}
	return c
}
