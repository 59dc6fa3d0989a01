// Package pubfolders keeps the tenant's public folders and the public
// folder mailboxes that hold them.
package pubfolders

import (
	"fmt"
	"sort"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Extra names of a public folder mailbox: the first one created is the
// primary hierarchy mailbox (IsRootPublicFolderMailbox), and New-Mailbox
// -IsExcludedFromServingHierarchy and -HoldForMigration are kept as given.
const (
	ExtraRootMailbox           = "IsRootPublicFolderMailbox"
	ExtraExcludedFromHierarchy = "IsExcludedFromServingHierarchy"
	ExtraHoldForMigration      = "HoldForMigration"
)

// IsMailbox reports whether m is a public folder mailbox.
func IsMailbox(m *directory.Mailbox) bool {
	return m.RecipientTypeDetails == directory.RecipientPublicFolderMailbox
}

// ActiveMailboxes returns the tenant's live public folder mailboxes, the
// primary hierarchy mailbox first, then by creation time.
func ActiveMailboxes(tx *store.Tx) ([]*directory.Mailbox, error) {
	var out []*directory.Mailbox
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if IsMailbox(m) && !m.IsDeleted() {
			out = append(out, m)
		}
		return nil
	})
	root := func(m *directory.Mailbox) bool { _, ok := m.Extra[ExtraRootMailbox]; return ok }
	sort.SliceStable(out, func(i, j int) bool {
		if root(out[i]) != root(out[j]) {
			return root(out[i])
		}
		return out[i].WhenCreated.Before(out[j].WhenCreated)
	})
	return out, err
}

// Creator returns New-Mailbox -PublicFolder's creation, in the form of
// directory.CreateMailbox: a public folder mailbox made as a shared one is
// (disabled account, no licence), hidden from the address lists. The
// first one in the tenant is the primary hierarchy mailbox, which holds
// the writeable copy of the hierarchy; only it may be created with
// holdForMigration. excluded is -IsExcludedFromServingHierarchy.
func Creator(excluded, holdForMigration bool) func(*store.Tx, directory.NewMailboxInput) (*directory.Mailbox, *directory.User, error) {
	return func(tx *store.Tx, in directory.NewMailboxInput) (*directory.Mailbox, *directory.User, error) {
		return createMailbox(tx, in, excluded, holdForMigration)
	}
}

func createMailbox(tx *store.Tx, in directory.NewMailboxInput, excluded, holdForMigration bool) (*directory.Mailbox, *directory.User, error) {
	existing, err := ActiveMailboxes(tx)
	if err != nil {
		return nil, nil, err
	}
	if holdForMigration && len(existing) > 0 {
		return nil, nil, &store.ValidationError{Field: "HoldForMigration", Message: "HoldForMigration can be used only when the first public folder mailbox (the primary hierarchy mailbox) is created; the primary hierarchy mailbox is " + existing[0].Name}
	}
	in.RecipientTypeDetails = directory.RecipientPublicFolderMailbox
	in.Extra = map[string]store.RawValue{}
	for k, v := range map[string]bool{ExtraRootMailbox: len(existing) == 0, ExtraExcludedFromHierarchy: excluded, ExtraHoldForMigration: holdForMigration} {
		if !v {
			continue
		}
		raw, err := store.EncodeExtra(true)
		if err != nil {
			return nil, nil, err
		}
		in.Extra[k] = raw
	}
	return directory.CreateMailbox(tx, in)
}

// RemoveError refuses the removal of a public folder mailbox: the
// primary hierarchy mailbox while other public folder mailboxes exist
// (Primary), or a mailbox holding the content of public folders.
type RemoveError struct {
	Name    string
	Primary bool
}

func (e *RemoveError) Error() string {
	if e.Primary {
		return fmt.Sprintf("The mailbox \"%s\" is the primary public folder mailbox for the users. To remove this mailbox, first remove all other public folder mailboxes.", e.Name)
	}
	return fmt.Sprintf("The public folder mailbox \"%s\" holds the content of public folders. Remove those folders, or move their content to another public folder mailbox, first.", e.Name)
}

// CheckRemoval refuses to remove the public folder mailbox m while it is
// the primary hierarchy mailbox and others exist, or while folders keep
// their content in it; nil when it may go.
func CheckRemoval(tx *store.Tx, m *directory.Mailbox) error {
	if !IsMailbox(m) {
		return nil
	}
	if _, root := m.Extra[ExtraRootMailbox]; root {
		others, err := ActiveMailboxes(tx)
		if err != nil {
			return err
		}
		for _, o := range others {
			if o.Guid != m.Guid {
				return &RemoveError{Name: m.Name, Primary: true}
			}
		}
	}
	holds, err := HoldsFolders(tx, m.Guid)
	if err == nil && holds {
		err = &RemoveError{Name: m.Name}
	}
	return err
}
