package holds

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/mrm"
)

// removeRetentionPolicy is Remove-RetentionPolicy. It removes an Exchange
// (MRM) retention policy after the usual confirmation (ConfirmImpact
// High). A policy assigned to mailboxes can be removed: without -Force
// the call also asks a second question (not answered by -Confirm:$false)
// saying how many mailboxes have it, and the mailboxes are left with no
// retention policy.
func removeRetentionPolicy() *command.Command {
	c := exo.Declared("Remove-RetentionPolicy")
	c.Synopsis = "Removes an Exchange (messaging records management) retention policy."
	c.Description = "Mailboxes the policy was assigned to are left without a retention policy; without -Force the cmdlet asks once more when the policy is assigned to mailboxes."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: "New-RetentionPolicy 'Business Critical' | Out-Null; Remove-RetentionPolicy 'Business Critical' -Confirm:$false", Remark: "Removes a policy no mailbox has, without the confirmation prompt."},
		{Code: "New-RetentionPolicy 'Business Critical' | Out-Null; Set-Mailbox annb -RetentionPolicy 'Business Critical'; Remove-RetentionPolicy 'Business Critical' -Confirm:$false -Force", Remark: "Removes a policy assigned to Ann Beebe's mailbox without asking; the mailbox is left without a retention policy."},
	}
	exo.Describe(c, map[string]string{
		"Identity": "The policy: name, distinguished name or GUID.",
		"Force":    "Removes a policy assigned to mailboxes without asking about them.",
	})
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
		// find resolves the policy and the mailboxes it is assigned to.
		find := func(tx *store.Tx) (*mrm.MRMPolicy, int, *object.ErrorRecord, error) {
			p, err := mailbox.FindRetentionPolicy(tx, id)
			if isNotFound(err) {
				return nil, 0, exo.NotFound(ctx, id), nil
			}
			if err != nil {
				return nil, 0, nil, err
			}
			ms, err := mrm.MailboxesWithMRMPolicy(tx, p.Name)
			if err != nil {
				return nil, 0, nil, err
			}
			return p, len(ms), nil, nil
		}
		var name string
		var assigned int
		if done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			p, n, rec, err := find(tx)
			if p != nil {
				name, assigned = p.Name, n
			}
			return rec, err
		}); err != nil || !done {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Removing retention policy \"%s\".", name), name)
		if err != nil || !ok {
			return err
		}
		// Exchange asks once more, whatever -Confirm says, when the policy
		// is assigned to mailboxes; -Force skips the question.
		if assigned > 0 && !ctx.Switch("Force") {
			ok, err := ctx.ShouldContinue(fmt.Sprintf("The retention policy \"%s\" is assigned to %d mailbox(es). Removing it leaves those mailboxes without a retention policy. Do you want to continue?", name, assigned), "Confirm")
			if err != nil || !ok {
				return err
			}
		}
		// The removal and the clearing of the mailboxes' links are one
		// transaction; the policy is looked up again, since the tenant may
		// have changed while the user was asked.
		_, err = exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			p, _, rec, err := find(tx)
			if rec != nil || err != nil {
				return rec, err
			}
			return nil, mrm.DeleteMRMPolicy(tx, p.Guid)
		})
		return err
	}
	return c
}
