// Package recipientlist is how the Get cmdlets of recipients of one kind
// (distribution groups, dynamic distribution groups, mail contacts) list
// them: by -OrganizationalUnit, -Identity or every one, the call's other
// selections, Exchange's not-found error, the order of -SortBy and
// -Filter.
package recipientlist

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// List is how a Get cmdlet lists recipients of one kind T
// (distribution groups, dynamic distribution groups, mail contacts).
type List[T any] struct {
	// Read returns the recipients an identity names (* is a wildcard), or
	// every one when id is "".
	Read func(tx *store.Tx, org *directory.Organization, id string) ([]T, error)
	// Select, when not nil, reads the call's other selections (-Anr,
	// -ManagedBy ...) and returns the test a recipient passes; rec
	// refuses the call.
	Select func(tx *store.Tx, org *directory.Organization) (keep func(T) bool, rec *object.ErrorRecord, err error)
	// Sort orders the recipients selected; rec refuses the call.
	Sort func(list []T) *object.ErrorRecord
	// Show is the object of a recipient.
	Show func(tx *store.Tx, org *directory.Organization, v T) *object.PSObject
	// FilterError, when not nil, is the error of a -Filter that fails on
	// an object (else the failure itself).
	FilterError func(err error) error
}

// Objects returns the objects of the recipients a Get cmdlet lists, read
// in one transaction, that pass keep (the call's -Filter): once
// -OrganizationalUnit is checked, those the call's Identity names, or
// every one, that Select keeps, in Sort's order. An identity without *
// that names none of them is NotFound's error, which Objects writes (done
// false).
func (l *List[T]) Objects(ctx *command.Context, keep exo.Filter) (objs []*object.PSObject, done bool, err error) {
	done, err = exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		objs = nil
		if ctx.Has("OrganizationalUnit") {
			if rec, err := mailbox.OrganizationalUnitRecord(ctx, tx); rec != nil || err != nil {
				return rec, err
			}
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		id := ""
		if ctx.Has("Identity") {
			id, _ = mailbox.IdentityString(object.Unwrap(ctx.Value("Identity")))
		}
		list, err := l.Read(tx, org, id)
		if err != nil {
			return nil, err
		}
		if l.Select != nil {
			selected, rec, err := l.Select(tx, org)
			if err != nil || rec != nil {
				return rec, err
			}
			var kept []T
			for _, v := range list {
				if selected(v) {
					kept = append(kept, v)
				}
			}
			list = kept
		}
		if id != "" && !strings.Contains(id, "*") && len(list) == 0 {
			return exo.NotFound(ctx, id), nil
		}
		if l.Sort != nil {
			if rec := l.Sort(list); rec != nil {
				return rec, nil
			}
		}
		for _, v := range list {
			o := l.Show(tx, org, v)
			ok, err := keep.Keeps(o)
			if err != nil {
				if l.FilterError != nil {
					err = l.FilterError(err)
				}
				return nil, err
			}
			if ok {
				objs = append(objs, o)
			}
		}
		return nil, nil
	})
	return objs, done, err
}

// Sort orders recipients by a -SortBy value: Name, DisplayName
// or Alias (names gives a recipient's three), a leading - sorting
// descending; another value sorts by name.
func Sort[T any](list []T, by string, names func(v T) (name, displayName, alias string)) {
	by = strings.TrimSpace(by)
	desc := strings.HasPrefix(by, "-")
	by = strings.ToLower(strings.TrimPrefix(by, "-"))
	key := func(v T) string {
		name, display, alias := names(v)
		switch by {
		case "displayname":
			return strings.ToLower(display)
		case "alias":
			return strings.ToLower(alias)
		}
		return strings.ToLower(name)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if desc {
			return key(list[i]) > key(list[j])
		}
		return key(list[i]) < key(list[j])
	})
}
