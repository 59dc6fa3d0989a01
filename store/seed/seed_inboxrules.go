package seed

import (
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/inboxrules"
)

// seedInboxRule is one seeded Inbox rule: its mailbox, name, whether it
// is on, and its properties as the store keeps them, where "@alias"
// stands for a recipient of the directory and "folder:/Path" for a folder
// of the rule's mailbox.
type seedInboxRule struct {
	mailbox, name string
	disabled      bool
	props         map[string][]string
	age           time.Duration
}

// contosoInboxRules are the seeded Inbox rules: Anne files newsletters
// away and flags mail from the executive; Alex's mailbox has the rule a
// phishing attacker leaves (invoice mail forwarded outside and marked as
// read); Megan forwards her mail to her assistant while she is away, a
// rule she turned off.
func contosoInboxRules() []seedInboxRule {
	return []seedInboxRule{
		{mailbox: "annb", name: "Newsletters", age: 400 * store.Day, props: map[string][]string{
			"FromAddressContainsWords": {"newsletter", "noreply"}, "MoveToFolder": {"folder:/Archive"}, "StopProcessingRules": {"True"}}},
		{mailbox: "annb", name: "From Patti", age: 200 * store.Day, props: map[string][]string{
			"From": {"@pattif"}, "MarkImportance": {"High"}}},
		{mailbox: "alexw", name: ".", age: 6 * store.Day, props: map[string][]string{
			"SubjectOrBodyContainsWords": {"invoice", "payment", "wire transfer"}, "ForwardTo": {"SMTP:alex.wilber.backup@gmail.com"},
			"MarkAsRead": {"True"}}},
		{mailbox: "meganb", name: "While I'm away", disabled: true, age: 60 * store.Day, props: map[string][]string{
			"MyNameInToBox": {"True"}, "RedirectTo": {"@isaiahl"}}},
	}
}

// seedInboxRules writes the seeded Inbox rules.
func seedInboxRules(tx *store.Tx, clock time.Time) error {
	for _, sr := range contosoInboxRules() {
		m, err := directory.ResolveMailbox(tx, sr.mailbox, directory.ScopeActive)
		if err != nil {
			return err
		}
		props := map[string][]string{}
		for k, vs := range sr.props {
			for _, v := range vs {
				switch {
				case len(v) > 1 && v[0] == '@':
					r, err := directory.ResolveMailbox(tx, v[1:], directory.ScopeActive)
					if err != nil {
						return err
					}
					v = "EX:" + r.Guid
				case len(v) > 7 && v[:7] == "folder:":
					v = m.Guid + ":" + v[7:]
				}
				props[k] = append(props[k], v)
			}
		}
		r := &inboxrules.Rule{MailboxGuid: m.Guid, Name: sr.name, Enabled: !sr.disabled, Props: props, WhenAdded: clock.Add(-sr.age).Truncate(time.Second)}
		if _, err := inboxrules.Create(tx, r); err != nil {
			return err
		}
	}
	return nil
}
