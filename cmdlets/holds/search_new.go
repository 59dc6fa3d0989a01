package holds

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
)

// retiredSearch is what the linter says about New-MailboxSearch.
const retiredSearch = "New In-Place Holds and In-Place eDiscovery searches can't be created since July 2020; use a retention policy, a Litigation Hold or an eDiscovery case hold (Security & Compliance PowerShell) instead"

// obsoleteWarning is the warning the *-MailboxSearch cmdlets print: the
// service points to the matching *-ComplianceSearch cmdlet.
func obsoleteWarning(ctx *command.Context) {
	ctx.WriteWarning("This cmdlet is obsolete. Use " + ctx.Command.Verb() + "-ComplianceSearch instead.")
}

func newMailboxSearch() *command.Command {
	c := exo.Declared("New-MailboxSearch")
	c.Synopsis = "Retired: creating In-Place Holds and In-Place eDiscovery searches is no longer possible in Exchange Online."
	c.Description = "The command still exists in the module, but the service refuses every call and nothing is created. Existing legacy holds can only be inspected (Get-MailboxSearch), turned off or edited (Set-MailboxSearch) and deleted (Remove-MailboxSearch)."
	c.Retired = retiredSearch
	c.Handler.Process = func(ctx *command.Context) error {
		obsoleteWarning(ctx)
		name := ctx.String("Name")
		return ctx.WriteError(exo.Error(ctx, exInvalidOperation,
			"New-MailboxSearch has been retired: new In-Place Holds and In-Place eDiscovery searches can no longer be created in Exchange Online. Use retention policies, Litigation Hold or eDiscovery holds in Microsoft Purview instead.",
			object.InvalidOperation, name))
	}
	return c
}
