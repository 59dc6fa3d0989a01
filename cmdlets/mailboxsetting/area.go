// Package mailboxsetting is what the Get and Set cmdlets of a setting
// each mailbox has (Automatic Replies, junk email, Outlook on the web
// message settings, regional and calendar settings, calendar processing,
// Clutter) share: the Get that shows a mailbox's settings, the Set that
// reads, changes and writes them in one transaction, the properties every
// settings object ends with, and the table of a settings record's
// properties (each one's parameter and property name, .NET type, how its
// argument is read and where it is kept).
package mailboxsetting

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Area is a setting each mailbox has, S being its record, as its Get and
// Set cmdlets reach it.
type Area[S any] struct {
	// Read returns a mailbox's settings: the stored ones, else its
	// defaults.
	Read func(tx *store.Tx, m *directory.Mailbox) (*S, error)
	// Write stores a mailbox's settings after checking them.
	Write func(tx *store.Tx, m *directory.Mailbox, s *S) error
	// Show is the object Get writes of a mailbox's settings, read in tx;
	// without it, an object of Type with the Settings table's properties,
	// finished (see Finish) with the mailbox as MailboxOwnerId when Owner.
	Show  func(ctx *command.Context, tx *store.Tx, m *directory.Mailbox, s *S) *object.PSObject
	Type  string
	Owner bool
	// Wildcard is true when Get's Identity takes Exchange's * wildcard
	// (see mailbox.WriteSettings).
	Wildcard bool
	// Prompt is the question Set asks, a format whose one %s is the
	// mailbox as the call typed it.
	Prompt string
	// Settings, when not nil, are the properties Set's parameters of the
	// same names change.
	Settings *lazy.Value[Table[S]]
	// Refused tells the errors of Write that are Exchange's refusal of a
	// value: Set reports them as the exception Refusal, about the mailbox,
	// of the category RefusalCategory (InvalidArgument when empty).
	Refused         func(err error) bool
	Refusal         string
	RefusalCategory object.ErrorCategory
}

// Get writes the settings of the mailbox the call's Identity names (see
// mailbox.WriteSetting), or with Wildcard of each mailbox it matches.
func (a *Area[S]) Get(ctx *command.Context) error {
	show := func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
		s, err := a.Read(tx, m)
		if err != nil {
			return nil, err
		}
		if a.Show != nil {
			return a.Show(ctx, tx, m, s), nil
		}
		o := Object(a.Type)
		a.Settings.Get().Add(o, s)
		return Finish(o, m, a.Owner), nil
	}
	if a.Wildcard {
		return mailbox.WriteSettings(ctx, show)
	}
	return mailbox.WriteSetting(ctx, show)
}

// Set changes the settings of the mailbox the call's Identity names,
// asking first (see mailbox.ChangeSetting): in one write transaction it
// reads them, sets what the call's parameters name (the Settings table's,
// then apply's, when not nil, in the same transaction) and writes them. A
// refusal of apply or the table is reported and nothing is written; so is
// nothing when there is neither a table nor apply.
func (a *Area[S]) Set(ctx *command.Context, apply func(tx *store.Tx, s *S) (*object.ErrorRecord, error)) error {
	var table Table[S]
	if a.Settings != nil {
		table = a.Settings.Get()
	}
	nullables, err := table.nullables(ctx)
	if err != nil {
		return err
	}
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf(a.Prompt, mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		if table == nil && apply == nil {
			return nil, nil
		}
		s, err := a.Read(tx, m)
		if err != nil {
			return nil, err
		}
		if rec := table.apply(ctx, s, nullables); rec != nil {
			return rec, nil
		}
		if apply != nil {
			if rec, err := apply(tx, s); rec != nil || err != nil {
				return rec, err
			}
		}
		err = a.Write(tx, m, s)
		if err != nil && a.Refused != nil && a.Refused(err) {
			category := a.RefusalCategory
			if category == "" {
				category = object.InvalidArgument
			}
			return exo.Error(ctx, a.Refusal, err.Error(), category, m.Identity()), nil
		}
		return nil, err
	})
}

// Is tells whether err is, or wraps, an error of type E: the test of a
// store area's refusal for Area.Refused.
func Is[E error](err error) bool {
	var e E
	return errors.As(err, &e)
}

// Object is a new settings object of type typ.
func Object(typ string) *object.PSObject { return object.NewObject(typ, "System.Object") }

// Finish adds to o the properties every settings object of a mailbox
// ends with: the mailbox as MailboxOwnerId (when owner) and as Identity,
// IsValid and ObjectState; o shows as the mailbox's identity.
func Finish(o *object.PSObject, m *directory.Mailbox, owner bool) *object.PSObject {
	id := m.Identity()
	if owner {
		o.AddTyped("MailboxOwnerId", "System.String", id)
	}
	o.AddTyped("Identity", "System.String", id)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	o.ToStringFunc = func() string { return id }
	return o
}
