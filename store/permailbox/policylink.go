package permailbox

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// PolicyLink is the record of a mailbox that follows a policy of its own
// instead of its organization's default one (a sharing policy, an
// address book policy): the policy's Guid.
type PolicyLink struct {
	MailboxGuid string `json:"mailboxGuid"`
	// Policy is the policy's Guid.
	Policy string `json:"policy"`
}

// Link makes the mailbox with that Guid follow the policy with
// policyGuid; "" drops the mailbox's link.
func Link(p *Records[PolicyLink], tx *store.Tx, mailboxGuid, policyGuid string) error {
	if policyGuid == "" {
		return p.Drop(tx, mailboxGuid)
	}
	guid := strings.ToLower(mailboxGuid)
	return p.Put(tx, guid, &PolicyLink{MailboxGuid: guid, Policy: strings.ToLower(policyGuid)})
}

// Followers counts the mailboxes linked to the policy with that Guid.
func Followers(p *Records[PolicyLink], tx *store.Tx, policyGuid string) (int, error) {
	n := 0
	if !p.Kind.Any(tx) {
		return 0, nil
	}
	err := p.Kind.ForEach(tx, "", func(_ string, l *PolicyLink) error {
		if strings.EqualFold(l.Policy, policyGuid) {
			n++
		}
		return nil
	})
	return n, err
}

// CheckLinks reports, under the finding kind kind, every link to a
// policy whose Guid (in lower case) exists does not hold: "the <noun>
// <Guid> does not exist".
func CheckLinks(p *Records[PolicyLink], tx *store.Tx, kind, noun string, exists map[string]bool, report func(store.Finding)) error {
	if !p.Kind.Any(tx) {
		return nil
	}
	return p.Kind.ForEach(tx, "", func(key string, l *PolicyLink) error {
		if !exists[strings.ToLower(l.Policy)] {
			report(store.Finding{Kind: kind, Key: key, Message: "the " + noun + " " + l.Policy + " does not exist"})
		}
		return nil
	})
}
