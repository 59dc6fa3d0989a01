package directory

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
)

// CompleteMailboxIdentity returns up to limit mailbox identities (aliases,
// then SMTP addresses) that start with prefix, case-insensitively, for tab
// completion. It seeks the identity index to the lower-cased prefix and
// reads forward once for each form, so its cost depends on limit, not on
// the size of the tenant: it examines at most 4*limit entries that hold
// the form, and at most 16*limit entries in all (the index holds names
// and sign-in names beside them, nearly always in the same entries). The
// index is the one that holds values shaped like the prefix (see
// identityIndexOf): an alias or address shaped like a reference (a GUID,
// a distinguished name) is offered only for a prefix of that shape.
// include, when not nil, filters the mailboxes (for example to leave out
// soft-deleted and inactive ones). Values keep the case they are stored in.
func CompleteMailboxIdentity(tx *store.Tx, prefix string, limit int, include func(*Mailbox) bool) ([]string, error) {
	if limit <= 0 {
		return nil, nil
	}
	lower := strings.ToLower(prefix)
	index := idform.IndexIdentity
	if strings.HasPrefix(lower, "cn=") || strings.HasPrefix(lower, "/") || strings.IndexByte(lower, ' ') >= 0 {
		index = idform.IndexReference
	}
	forms := []idform.Form{idform.Alias, idform.SMTP}
	if strings.Contains(lower, "@") {
		forms = forms[1:]
	}
	var out []string
	seen := map[string]bool{}
	for _, form := range forms {
		budget, examined := 4*limit, 16*limit
		err := tx.WalkIndex(index, lower, func(entry string, payload []byte) error {
			if !strings.HasPrefix(entry, lower) || budget <= 0 || examined <= 0 || len(out) >= limit {
				return store.ErrStop
			}
			examined--
			if idform.Of(payload)&form == 0 {
				return nil
			}
			budget--
			sep := strings.IndexByte(entry, 0)
			if sep < 0 {
				return nil
			}
			value, guid := entry[:sep], entry[sep+1:]
			m, err := GetMailbox(tx, guid)
			if err != nil {
				return nil
			}
			if include != nil && !include(m) {
				return nil
			}
			shown := storedCase(m, form, value)
			if shown == "" || seen[strings.ToLower(shown)] {
				return nil
			}
			seen[strings.ToLower(shown)] = true
			out = append(out, shown)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// storedCase returns the mailbox's own spelling of a value of the form.
func storedCase(m *Mailbox, form idform.Form, lower string) string {
	switch form {
	case idform.Alias:
		if strings.EqualFold(m.Alias, lower) {
			return m.Alias
		}
	case idform.SMTP:
		if strings.EqualFold(m.PrimarySmtpAddress, lower) {
			return m.PrimarySmtpAddress
		}
		for _, a := range m.SmtpAddresses() {
			if strings.EqualFold(a, lower) {
				return a
			}
		}
	}
	return lower
}
