// Package sweeprules is the Sweep rules of mailboxes (Outlook on the
// web's Sweep): each rule picks the messages of one sender or system
// category in a source folder (the Inbox by default) and keeps only the
// latest n of them, or only those of the last n days, moving the others
// to a destination folder (Deleted Items by default).
//
// A rule's RuleId is sixteen bytes written in base64 that stay with it;
// the same mailbox and order of creation always give the same RuleId.
// Its sender is kept as "EX:<object id>" for one of the directory or
// "SMTP:<address>" for one outside, its folders as "<mailbox guid>:<folder
// path>". A rule's mailbox going away takes its rules with it.
package sweeprules

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// MaxNameLength is the longest name a rule can have.
const MaxNameLength = 512

// DefaultProvider is the provider of the rules Outlook on the web makes.
const DefaultProvider = "Exchange16"

// SystemCategories are the values of a rule's SystemCategory condition.
var SystemCategories = []string{"NotDefined", "Bills", "Document", "DocumentPlus", "Event", "Family", "File", "Flight", "FromContact", "Important", "LiveView",
	"Lodging", "MailingList", "Newsletter", "Photo", "Purchase", "RentalCar", "RestaurantReservation", "RetiredPromotion", "ShippingNotification", "Shopping",
	"SocialUpdate", "Travel", "Video"}

// Rule is one Sweep rule of a mailbox.
type Rule struct {
	MailboxGuid string `json:"mailboxGuid"`
	RuleID      string `json:"ruleId"`
	// Seq orders a mailbox's rules by creation.
	Seq      uint64 `json:"seq"`
	Name     string `json:"name"`
	Enabled  bool   `json:"enabled"`
	Provider string `json:"provider"`
	// Sender is the sender condition ("" none).
	Sender string `json:"sender,omitempty"`
	// SystemCategory is the category condition ("" none).
	SystemCategory    string `json:"systemCategory,omitempty"`
	SourceFolder      string `json:"sourceFolder"`
	DestinationFolder string `json:"destinationFolder"`
	// Exactly one of KeepForDays and KeepLatest is above zero.
	KeepForDays int       `json:"keepForDays,omitempty"`
	KeepLatest  int       `json:"keepLatest,omitempty"`
	WhenAdded   time.Time `json:"whenAdded"`
}

// Key is the rule's key: its mailbox and its RuleId.
func (r *Rule) Key() string { return strings.ToLower(r.MailboxGuid) + "|" + r.RuleID }

var rules = store.DefineKind(store.KindSpec[Rule]{Bucket: "sweepRules", Name: "sweepRule", Noun: "Sweep rule", CreatedOnWrite: true})

// Register adds the Sweep rules to s: their kind, the rule that a purged
// mailbox's rules go with it, and the check of every rule.
func Register(s *store.Schema) {
	rules.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return DropMailbox(tx, guid) })
	s.AddCheck("sweep-rules", check)
}

// KeepError is a refusal of a rule that keeps messages both by count
// and by age, or by neither.
type KeepError struct{ Both bool }

func (e *KeepError) Error() string {
	if e.Both {
		return "You can't use the KeepForDays and KeepLatest parameters together in a Sweep rule."
	}
	return "A Sweep rule must use the KeepForDays parameter or the KeepLatest parameter."
}

// List returns a mailbox's rules in the order they were made.
func List(tx *store.Tx, mailboxGuid string) ([]*Rule, error) {
	prefix := strings.ToLower(mailboxGuid) + "|"
	var out []*Rule
	err := rules.ForEach(tx, prefix, func(key string, r *Rule) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		out = append(out, r)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}

// validate refuses a rule whose name, keep settings, category or folders
// are not well formed.
func validate(r *Rule) error {
	switch {
	case strings.TrimSpace(r.Name) == "":
		return &store.ValidationError{Field: "Name", Message: "The name of a Sweep rule can't be empty."}
	case len(r.Name) > MaxNameLength:
		return &store.ValidationError{Field: "Name", Message: fmt.Sprintf("The name of a Sweep rule can't be longer than %d characters.", MaxNameLength)}
	case strings.TrimSpace(r.Provider) == "":
		return &store.ValidationError{Field: "Provider", Message: "The provider of a Sweep rule can't be empty."}
	case r.KeepForDays > 0 && r.KeepLatest > 0:
		return &KeepError{Both: true}
	case r.KeepForDays <= 0 && r.KeepLatest <= 0:
		return &KeepError{}
	case r.KeepForDays < 0 || r.KeepLatest < 0:
		return &store.ValidationError{Field: "KeepForDays", Message: "a count below zero"}
	case r.Sender != "" && !strings.HasPrefix(r.Sender, "EX:") && !strings.HasPrefix(r.Sender, "SMTP:"):
		return &store.ValidationError{Field: "Sender", Message: fmt.Sprintf("%q is not a recipient", r.Sender)}
	}
	if r.SystemCategory != "" {
		ok := false
		for _, c := range SystemCategories {
			ok = ok || c == r.SystemCategory
		}
		if !ok {
			return &store.ValidationError{Field: "SystemCategory", Message: fmt.Sprintf("%q is not a system category", r.SystemCategory)}
		}
	}
	for field, f := range map[string]string{"SourceFolder": r.SourceFolder, "DestinationFolder": r.DestinationFolder} {
		if !strings.HasPrefix(f, strings.ToLower(r.MailboxGuid)+":/") {
			return &store.ValidationError{Field: field, Message: fmt.Sprintf("%q is not a folder of the rule's mailbox", f)}
		}
	}
	return nil
}

// Create adds a rule to its mailbox, giving it its RuleId, and returns it.
func Create(tx *store.Tx, r *Rule) (*Rule, error) {
	r.MailboxGuid = strings.ToLower(r.MailboxGuid)
	if err := validate(r); err != nil {
		return nil, err
	}
	seq, err := rules.NextSequence(tx)
	if err != nil {
		return nil, err
	}
	r.Seq = seq
	if r.RuleID == "" {
		sum := sha256.Sum256([]byte(fmt.Sprintf("sweep rule|%s|%d", r.MailboxGuid, seq)))
		r.RuleID = base64.StdEncoding.EncodeToString(sum[:16])
	}
	if r.WhenAdded.IsZero() {
		r.WhenAdded = tx.Now()
	}
	return r, rules.Put(tx, r.Key(), r)
}

// Update stores a changed rule.
func Update(tx *store.Tx, r *Rule) error {
	if err := validate(r); err != nil {
		return err
	}
	if _, ok, err := rules.Get(tx, r.Key()); err != nil || !ok {
		if err == nil {
			err = &store.NotFoundError{Kind: "Sweep rule", Key: r.Name}
		}
		return err
	}
	return rules.Put(tx, r.Key(), r)
}

// Delete removes a rule.
func Delete(tx *store.Tx, r *Rule) error {
	ok, err := rules.Delete(tx, r.Key())
	if err == nil && !ok {
		err = &store.NotFoundError{Kind: "Sweep rule", Key: r.Name}
	}
	return err
}

// DropMailbox removes every rule of a mailbox.
func DropMailbox(tx *store.Tx, guid string) error {
	list, err := List(tx, guid)
	if err != nil {
		return err
	}
	for _, r := range list {
		if _, err := rules.Delete(tx, r.Key()); err != nil {
			return err
		}
	}
	return nil
}

// check reports rules whose mailbox is gone, that are not well formed,
// or that are stored under another key.
func check(tx *store.Tx, report func(store.Finding)) error {
	return rules.ForEach(tx, "", func(key string, r *Rule) error {
		if _, err := directory.GetMailbox(tx, r.MailboxGuid); err != nil {
			report(store.Finding{Kind: "sweepRule", Key: key, Message: "the mailbox does not exist"})
		}
		if err := validate(r); err != nil {
			report(store.Finding{Kind: "sweepRule", Key: key, Message: err.Error()})
		}
		if key != r.Key() {
			report(store.Finding{Kind: "sweepRule", Key: key, Message: "stored under another key than its own " + r.Key()})
		}
		return nil
	})
}
