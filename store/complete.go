package store

import (
	"bytes"
	"strings"
)

// CompleteMailboxIdentity returns up to limit mailbox identities (aliases,
// then SMTP addresses) that start with prefix, case-insensitively, for tab
// completion. It seeks the lower-cased alias and SMTP indexes to the
// prefix and reads forward, so its cost depends on limit, not on the size
// of the tenant: at most 4*limit index entries are examined per index.
// include, when not nil, filters the mailboxes (for example to leave out
// soft-deleted and inactive ones). Values keep the case they are stored in.
func (tx *Tx) CompleteMailboxIdentity(prefix string, limit int, include func(*Mailbox) bool) ([]string, error) {
	if limit <= 0 {
		return nil, nil
	}
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return nil, err
	}
	lower := strings.ToLower(prefix)
	indexes := []string{IndexAlias, IndexSMTP}
	if strings.Contains(lower, "@") {
		indexes = indexes[1:]
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range indexes {
		head := []byte(name + "\x00")
		seek := append(append([]byte(nil), head...), lower...)
		c := ib.Cursor()
		budget := 4 * limit
		for k, _ := c.Seek(seek); k != nil && bytes.HasPrefix(k, seek) && budget > 0 && len(out) < limit; k, _ = c.Next() {
			budget--
			rest := k[len(head):]
			sep := bytes.IndexByte(rest, 0)
			if sep < 0 {
				continue
			}
			value, guid := string(rest[:sep]), string(rest[sep+1:])
			m, err := tx.GetMailbox(guid)
			if err != nil {
				continue
			}
			if include != nil && !include(m) {
				continue
			}
			shown := storedCase(m, name, value)
			if shown == "" || seen[strings.ToLower(shown)] {
				continue
			}
			seen[strings.ToLower(shown)] = true
			out = append(out, shown)
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
