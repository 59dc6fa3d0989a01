package directory

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
)

// CompleteMailboxIdentity returns up to limit mailbox identities (aliases,
// then SMTP addresses) that start with prefix, case-insensitively, for tab
// completion, reading at most 4*limit entries of each form from the
// identity index (idform.Complete). include, when not nil, filters the
// mailboxes (for example to leave out soft-deleted and inactive ones).
// Values keep the case they are stored in.
func CompleteMailboxIdentity(tx *store.Tx, prefix string, limit int, include func(*Mailbox) bool) ([]string, error) {
	if limit <= 0 {
		return nil, nil
	}
	lower := strings.ToLower(prefix)
	forms := []idform.Form{idform.Alias, idform.SMTP}
	if strings.Contains(lower, "@") {
		forms = forms[1:]
	}
	var out []string
	seen := map[string]bool{}
	for _, form := range forms {
		err := idform.Complete(tx, lower, form, 4*limit, func(guid, value string) bool {
			if len(out) >= limit {
				return false
			}
			m, err := GetMailbox(tx, guid)
			if err != nil || include != nil && !include(m) {
				return true
			}
			shown := storedCase(m, form, value)
			if shown != "" && !seen[strings.ToLower(shown)] {
				seen[strings.ToLower(shown)] = true
				out = append(out, shown)
			}
			return true
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
