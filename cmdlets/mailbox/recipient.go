package mailbox

import (
	"errors"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// Recipient is the recipient of the directory an argument names (a
// member, a delegate, a holder of permissions): one active mailbox or
// mail user, else one group, else one mail contact. All are nil when it
// names none.
type Recipient struct {
	Mailbox *directory.Mailbox
	Group   *groups.Group
	Contact *directory.Contact
}

// FindRecipient finds the recipient the identity id names: an active
// mailbox or mail user first, a group when no mailbox has that identity.
// Several matches are Exchange's ambiguous error, naming the identity as
// the call gave it (shown); none is a zero Recipient and no error, for
// the caller to word (RecipientNotFound) or to look further.
func FindRecipient(ctx *command.Context, tx *store.Tx, id, shown string) (Recipient, *object.ErrorRecord, error) {
	ms, err := directory.ResolveMailboxes(tx, id, directory.ScopeActive)
	var nf *store.NotFoundError
	switch {
	case err == nil && len(ms) == 1:
		return Recipient{Mailbox: ms[0]}, nil, nil
	case err == nil:
		return Recipient{}, exo.Ambiguous(ctx, shown), nil
	case !errors.As(err, &nf):
		return Recipient{}, nil, err
	}
	gs, err := groups.Find(tx, id)
	if err != nil {
		return Recipient{}, nil, err
	}
	if len(gs) == 0 {
		cs, err := directory.FindContacts(tx, id)
		if err != nil || len(cs) == 0 {
			return Recipient{}, nil, err
		}
		c, rec := exo.One(ctx, shown, cs)
		return Recipient{Contact: c}, rec, nil
	}
	g, rec := exo.One(ctx, shown, gs)
	return Recipient{Group: g}, rec, nil
}
