package directory

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// CompleteMailboxIdentity returns up to limit mailbox identities (aliases,
// then SMTP addresses) that start with prefix, case-insensitively, for tab
// completion. It seeks the lower-cased alias and SMTP indexes to the
// prefix and reads forward, so its cost depends on limit, not on the size
// of the tenant: at most 4*limit index entries are examined per index.
// include, when not nil, filters the mailboxes (for example to leave out
// soft-deleted and inactive ones). Values keep the case they are stored in.
func CompleteMailboxIdentity(tx *store.Tx, prefix string, limit int, include func(*Mailbox) bool) ([]string, error) {
	if limit <= 0 {
		return nil, nil
	}
	lower := strings.ToLower(prefix)
	indexes := []string{IndexAlias, IndexSMTP}
	if strings.Contains(lower, "@") {
		indexes = indexes[1:]
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range indexes {
		budget := 4 * limit
		err := tx.WalkIndex(name, lower, func(entry string, _ []byte) error {
			if !strings.HasPrefix(entry, lower) || budget <= 0 || len(out) >= limit {
				return store.ErrStop
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
			shown := storedCase(m, name, value)
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

// storedCase returns the mailbox's own spelling of an index value.
func storedCase(m *Mailbox, index, lower string) string {
	switch index {
	case IndexAlias:
		if strings.EqualFold(m.Alias, lower) {
			return m.Alias
		}
	case IndexSMTP:
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
