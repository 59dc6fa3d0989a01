// Package junkemail is the junk email settings of mailboxes
// (Get-/Set-MailboxJunkEmailConfiguration): whether the mailbox's junk
// email rule is on, whether only the safe lists are trusted, whether
// contacts are trusted, and the safelist collection (the Safe Senders,
// Safe Recipients and Blocked Senders lists of addresses and domains).
//
// A mailbox whose settings were never changed has the rule on, nothing
// else trusted and empty lists; the tenant keeps a record only once they
// are changed, and it goes with the mailbox.
package junkemail

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// The most entries the safelist collection holds in Exchange Online: the
// Safe Senders and Safe Recipients lists together (a mailbox's
// MaxSafeSenders), and the Blocked Senders list (MaxBlockedSenders).
const (
	MaxTrusted = 1024
	MaxBlocked = 500
)

// Settings are one mailbox's junk email settings.
type Settings struct {
	MailboxGuid            string   `json:"mailboxGuid"`
	Enabled                bool     `json:"enabled"`
	TrustedListsOnly       bool     `json:"trustedListsOnly,omitempty"`
	ContactsTrusted        bool     `json:"contactsTrusted,omitempty"`
	SenderScreeningEnabled bool     `json:"senderScreeningEnabled,omitempty"`
	TrustedSenders         []string `json:"trustedSendersAndDomains,omitempty"`
	BlockedSenders         []string `json:"blockedSendersAndDomains,omitempty"`
	TrustedRecipients      []string `json:"trustedRecipientsAndDomains,omitempty"`
}

// Defaults are the settings of a mailbox nobody changed: the junk email
// rule on, contacts not trusted, every list empty.
func Defaults(m *directory.Mailbox) *Settings {
	return &Settings{MailboxGuid: strings.ToLower(m.Guid), Enabled: true}
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "junkEmail", Name: "junkEmail", Noun: "junk email settings", CreatedOnWrite: true}),
	Name:  "junkEmail",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the junk email settings to s: their kind, the rule that a
// purged mailbox's settings go with it, and their check (every entry of a
// list is an address or a domain, within the lists' limits).
func Register(s *store.Schema) {
	settingsKind.Register(s, "junk-email", permailbox.Validated(func(v *Settings) error { return validate(v, nil) }))
}

// Get returns a mailbox's settings: the stored ones, else its defaults.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	return settingsKind.GetOr(tx, m.Guid, func() *Settings { return Defaults(m) })
}

// EntryError refuses an entry of a list: not an address or a domain, a
// sender of the mailbox's own domain on the Safe Senders list, or an entry
// past a list's limit. Exchange words them all alike.
type EntryError struct {
	Value string
}

func (e *EntryError) Error() string {
	return "Junk e-mail validation error. Value: " + e.Value + "."
}

// Put stores a mailbox's settings after checking them: the Safe Senders
// list takes no address of a domain the mailbox's own addresses have
// (every mailbox of the organization is trusted already).
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	own := map[string]bool{}
	for _, a := range m.SmtpAddresses() {
		own[directory.DomainOf(a)] = true
	}
	return settingsKind.Save(tx, m, s, func(s *Settings) error { return validate(s, own) })
}

// validate checks every list's entries and sizes; ownDomains, when not
// nil, are the domains whose addresses the Safe Senders list refuses.
func validate(s *Settings, ownDomains map[string]bool) error {
	for _, list := range [][]string{s.TrustedSenders, s.TrustedRecipients, s.BlockedSenders} {
		for _, e := range list {
			if !ValidEntry(e) {
				return &EntryError{Value: e}
			}
		}
	}
	for _, e := range s.TrustedSenders {
		if strings.Contains(e, "@") && !strings.HasPrefix(e, "@") && ownDomains[directory.DomainOf(e)] {
			return &EntryError{Value: e}
		}
	}
	if n := len(s.TrustedSenders) + len(s.TrustedRecipients); n > MaxTrusted {
		all := append(append([]string(nil), s.TrustedSenders...), s.TrustedRecipients...)
		return &EntryError{Value: all[MaxTrusted]}
	}
	if len(s.BlockedSenders) > MaxBlocked {
		return &EntryError{Value: s.BlockedSenders[MaxBlocked]}
	}
	return nil
}

// ValidEntry reports whether e can be an entry of a safe or blocked list:
// an SMTP address (local@domain) or a domain, which may be written with a
// leading @.
func ValidEntry(e string) bool {
	if e == "" || strings.ContainsAny(e, " \t,;<>()[]\"\\") {
		return false
	}
	at := strings.LastIndexByte(e, '@')
	switch {
	case at < 0:
		return validDomain(e)
	case at == 0:
		return validDomain(e[1:])
	}
	local := e[:at]
	if len(local) > 64 || strings.Contains(local, "@") || strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	return validDomain(e[at+1:])
}

// validDomain reports whether d is a domain name of two labels or more,
// each of letters, digits and hyphens, neither starting nor ending with a
// hyphen.
func validDomain(d string) bool {
	if len(d) == 0 || len(d) > 255 {
		return false
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80) {
				return false
			}
		}
	}
	return true
}
