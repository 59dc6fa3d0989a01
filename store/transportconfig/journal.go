package transportconfig

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// JournalRule is one journal rule (Get-/New-/Set-/Remove-JournalRule):
// which messages are journaled (those of one recipient or everyone's, in
// a scope) and where the journal reports go.
type JournalRule struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// JournalEmailAddress is the recipient the reports go to: the name of
	// a mail user of the organization, or an outside address.
	JournalEmailAddress string `json:"journalEmailAddress"`
	// Recipient is the address whose messages are journaled; "" for
	// every recipient's.
	Recipient string `json:"recipient,omitempty"`
	// Scope is one of JournalScopes.
	Scope       string    `json:"scope"`
	Enabled     bool      `json:"enabled,omitempty"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// JournalScopes are the values of a journal rule's Scope.
var JournalScopes = []string{"Global", "Internal", "External"}

// MaxJournalRuleNameLength is the longest name a journal rule may have.
const MaxJournalRuleNameLength = 64

var journalKind = store.DefineKind(store.KindSpec[JournalRule]{Bucket: "journalRules", Name: "journalRule", Noun: "journal rule", CreatedOnWrite: true})

// NewJournalRule returns a rule as New-JournalRule makes it (no Guid or
// dates yet): Global and disabled.
func NewJournalRule(name, journalTo string) *JournalRule {
	return &JournalRule{Name: name, JournalEmailAddress: journalTo, Scope: "Global"}
}

// ListJournalRules returns the journal rules by name.
func ListJournalRules(tx *store.Tx) ([]*JournalRule, error) {
	all, err := journalKind.List(tx)
	if err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return strings.ToLower(all[i].Name) < strings.ToLower(all[j].Name) })
	return all, nil
}

// JournalRuleNameInUseError is a journal rule named as another one.
type JournalRuleNameInUseError struct{ Name string }

func (e *JournalRuleNameInUseError) Error() string {
	return fmt.Sprintf("journal rule name %s in use", e.Name)
}

// PutJournalRule stores a new or changed rule: its name unique and
// within its length, its scope one of JournalScopes, a journal address
// set.
func PutJournalRule(tx *store.Tx, r *JournalRule) error {
	if problem := checkJournalRule(r); problem != "" {
		return fmt.Errorf("journal rule: %s", problem)
	}
	all, err := ListJournalRules(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Guid != r.Guid && strings.EqualFold(o.Name, r.Name) {
			return &JournalRuleNameInUseError{Name: r.Name}
		}
	}
	now := tx.Now()
	if r.Guid == "" {
		r.Guid = tx.NewGuid()
		r.WhenCreated = now
	}
	r.WhenChanged = now
	return journalKind.Put(tx, strings.ToLower(r.Guid), r)
}

// RemoveJournalRule removes a rule (Remove-JournalRule).
func RemoveJournalRule(tx *store.Tx, r *JournalRule) error {
	_, err := journalKind.Delete(tx, strings.ToLower(r.Guid))
	return err
}

// checkJournalRule returns what is wrong with a rule's own settings, ""
// when nothing is.
func checkJournalRule(r *JournalRule) string {
	switch {
	case r.Name == "" || len([]rune(r.Name)) > MaxJournalRuleNameLength:
		return fmt.Sprintf("name %q is empty or longer than %d characters", r.Name, MaxJournalRuleNameLength)
	case r.JournalEmailAddress == "":
		return "no journal email address"
	case !oneOf(r.Scope, JournalScopes):
		return fmt.Sprintf("scope %q is not a scope", r.Scope)
	}
	return ""
}

// checkJournalRules reports rules whose settings are wrong or whose names
// are shared.
func checkJournalRules(tx *store.Tx, report func(store.Finding)) error {
	all, err := ListJournalRules(tx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, r := range all {
		if problem := checkJournalRule(r); problem != "" {
			report(store.Finding{Kind: "journalRule", Key: r.Guid, Message: problem})
		}
		if other, dup := names[strings.ToLower(r.Name)]; dup {
			report(store.Finding{Kind: "journalRule", Key: r.Guid, Message: fmt.Sprintf("name %s is also the name of %s", r.Name, other)})
		}
		names[strings.ToLower(r.Name)] = r.Guid
	}
	return nil
}
