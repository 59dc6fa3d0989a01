package mailbox

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// sendOnBehalfParam is the Set-Mailbox parameter naming who may send on
// behalf of the mailbox.
const sendOnBehalfParam = "GrantSendOnBehalfTo"

// planSendOnBehalf applies -GrantSendOnBehalfTo to the planned mailbox:
// every value (a list that replaces, or @{Add=...; Remove=...}) must name
// a mailbox, mail user or mail-enabled security group, which the mailbox
// keeps by name, as Get-Mailbox shows it.
func planSendOnBehalf(ctx *command.Context, tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
	mc, err := exo.ReadMultiChange(ctx.Value(sendOnBehalfParam))
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
	if mc.Values, rec, err = resolve(mc.Values); err != nil || rec != nil {
		return rec, err
	}
	if mc.Add, rec, err = resolve(mc.Add); err != nil || rec != nil {
		return rec, err
	}
	if mc.Remove, rec, err = resolve(mc.Remove); err != nil || rec != nil {
		return rec, err
	}
	var cur []string
	if raw, ok := m.Extra[sendOnBehalfParam]; ok {
		if err := store.DecodeExtra(raw, &cur); err != nil {
			return nil, err
		}
	}
	next := mc.Apply(cur)
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
	r, rec, err := FindRecipient(ctx, tx, v, v)
	switch {
	case err != nil || rec != nil:
		return "", rec, err
	case r.Mailbox != nil:
		return r.Mailbox.Name, nil, nil
	case r.Group == nil:
		return "", exo.RecipientNotFound(ctx, v), nil
	case !r.Group.IsSecurity():
		return "", exo.Error(ctx, "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
			fmt.Sprintf("The group \"%s\" isn't a mail-enabled security group. Only mailboxes, mail users and mail-enabled security groups can send on behalf of a mailbox.", r.Group.Name),
			object.InvalidArgument, v), nil
	}
	return r.Group.Name, nil, nil
}
