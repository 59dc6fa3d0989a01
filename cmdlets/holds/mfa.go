package holds

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/mrm"
)

// startManagedFolderAssistant declares Start-ManagedFolderAssistant. It
// models the mailbox (position 0, from the pipeline), -InactiveMailbox,
// -HoldCleanup and -AggMailboxCleanup, with -WhatIf/-Confirm.
func startManagedFolderAssistant() *command.Command {
	c := exo.Declared("Start-ManagedFolderAssistant")
	c.ConfirmImpact = command.ImpactMedium
	exo.Describe(c, map[string]string{
		"Identity":          "The mailbox to process: name, alias, address, DistinguishedName or ExchangeGuid (for an inactive mailbox use its DistinguishedName or ExchangeGuid with -InactiveMailbox).",
		"InactiveMailbox":   "Processes an inactive mailbox; the archive tags of its retention policy are ignored.",
		"HoldCleanup":       "Also cleans up hold-related items in Recoverable Items.",
		"AggMailboxCleanup": "Also cleans up aggregated-mailbox data.",
	})
	c.Synopsis = "Runs the Managed Folder Assistant on one mailbox now instead of at its next scheduled pass."
	c.Description = "The assistant applies hold changes (delay holds, expired hold durations), purges items whose retention ran out and applies the mailbox's retention tags. On an inactive mailbox delete tags keep working but items are never moved to the archive."
	c.Examples = []command.Example{
		{Code: "Start-ManagedFolderAssistant -Identity annb", Remark: "Processes Ann Beebe's mailbox now."},
		{Code: "Get-Mailbox -ResultSize 5 | Start-ManagedFolderAssistant", Remark: "Processes several mailboxes from the pipeline."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id, shown := mailboxIdentity(ctx.Value("Identity"))
		scope := directory.ScopeActive
		if ctx.Switch("InactiveMailbox") {
			scope = directory.ScopeInactiveOnly
		}
		var rec *object.ErrorRecord
		var m *directory.Mailbox
		if done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var err error
			m, rec, err = mailbox.ResolveOne(ctx, tx, id, shown, scope, true)
			return rec, err
		}); err != nil || !done {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Starting the Managed Folder Assistant on mailbox \"%s\".", m.Identity()), m.Identity())
		if err != nil || !ok {
			return err
		}
		return exo.Update(ctx, func(tx *store.Tx) error {
			if err := holds.ApplyDueHolds(tx, m.Guid); err != nil {
				return err
			}
			return mrm.RunItemAging(tx, m.Guid)
		})
	}
	return exo.Partial(c, "Identity", "InactiveMailbox", "HoldCleanup", "AggMailboxCleanup")
}

// mailboxIdentity turns a mailbox identity argument into the string the
// store resolves: a piped mailbox by its Guid, anything else as given.
func mailboxIdentity(v any) (id, shown string) {
	v = object.Unwrap(v)
	if o, ok := v.(*object.PSObject); ok {
		shown = object.ToInvariantString(o.Value("Identity"))
		for _, n := range []string{"Guid", "ExchangeGuid"} {
			if g := o.Value(n); g != nil {
				if s := object.ToInvariantString(g); s != "" {
					if shown == "" {
						shown = s
					}
					return s, shown
				}
			}
		}
	}
	s := strings.TrimSpace(exo.IdentityOf(v))
	if shown == "" {
		shown = s
	}
	return s, shown
}
