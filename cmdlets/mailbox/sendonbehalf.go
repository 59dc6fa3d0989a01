package mailbox

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// sendOnBehalfParam is the Set-Mailbox parameter naming who may send on
// behalf of the mailbox.
const sendOnBehalfParam = "GrantSendOnBehalfTo"

// planSendOnBehalf applies -GrantSendOnBehalfTo to the planned mailbox:
// every value (a list that replaces, or @{Add=...; Remove=...}) must name
// a mailbox, mail user or mail-enabled security group, which the mailbox
// keeps by name, as Get-Mailbox shows it.
func planSendOnBehalf(ctx *command.Context, tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
	mc, err := readMultiChange(ctx.Value(sendOnBehalfParam))
	if err != nil {
		return exo.Invalid(ctx, err.Error(), sendOnBehalfParam), nil
	}
	resolve := func(vals []string) ([]string, *object.ErrorRecord, error) {
		var out []string
		for _, v := range vals {
			name, rec, err := sendOnBehalfName(ctx, tx, v)
			if err != nil || rec != nil {
				return nil, rec, err
			}
			out = append(out, name)
		}
		return out, nil, nil
	}
	var rec *object.ErrorRecord
	if mc.values, rec, err = resolve(mc.values); err != nil || rec != nil {
		return rec, err
	}
	if mc.add, rec, err = resolve(mc.add); err != nil || rec != nil {
		return rec, err
	}
	if mc.remov, rec, err = resolve(mc.remov); err != nil || rec != nil {
		return rec, err
	}
	var cur []string
	if raw, ok := m.Extra[sendOnBehalfParam]; ok {
		if err := store.DecodeExtra(raw, &cur); err != nil {
			return nil, err
		}
	}
	next := mc.apply(cur)
	if len(next) == 0 {
		delete(m.Extra, sendOnBehalfParam)
		return nil, nil
	}
	raw, err := store.EncodeExtra(next)
	if err != nil {
		return nil, err
	}
	m.Extra[sendOnBehalfParam] = raw
	return nil, nil
}

// sendOnBehalfName resolves one -GrantSendOnBehalfTo value to the name of
// a mailbox, mail user or mail-enabled security group.
func sendOnBehalfName(ctx *command.Context, tx *store.Tx, v string) (string, *object.ErrorRecord, error) {
	notFound := exo.RecipientNotFound(ctx, v)
	ms, err := directory.ResolveMailboxes(tx, v, directory.ScopeActive)
	var nf *store.NotFoundError
	switch {
	case err == nil && len(ms) == 1:
		return ms[0].Name, nil, nil
	case err == nil:
		return "", exo.Ambiguous(ctx, v), nil
	case !errors.As(err, &nf):
		return "", nil, err
	}
	gs, err := groups.Find(tx, v)
	if err != nil {
		return "", nil, err
	}
	switch {
	case len(gs) == 0:
		return "", notFound, nil
	case len(gs) > 1:
		return "", exo.Ambiguous(ctx, v), nil
	case !gs[0].IsSecurity():
		return "", exo.Error(ctx, "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
			fmt.Sprintf("The group \"%s\" isn't a mail-enabled security group. Only mailboxes, mail users and mail-enabled security groups can send on behalf of a mailbox.", gs[0].Name),
			object.InvalidArgument, v), nil
	}
	return gs[0].Name, nil, nil
}
