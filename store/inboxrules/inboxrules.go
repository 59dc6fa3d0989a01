// Package inboxrules is the Inbox rules of mailboxes: each rule's name,
// whether it is on, its place in the order the rules run (Priority) and
// its conditions, exceptions and actions.
//
// The visible rules of a mailbox are numbered 1..n without gaps, in the
// order they run: a rule added or moved to a place pushes those from that
// place down one, a rule removed pulls those after it up one. A rule's
// RuleIdentity is a 64-bit number that stays with it; the same mailbox and
// order of creation always give the same number.
//
// Conditions, exceptions and actions are kept by their parameter name
// (SubjectContainsWords, ExceptIfFrom, MoveToFolder ...), each as a list
// of strings whose meaning the property's kind gives (Vocabulary): words,
// booleans ("True"), dates (RFC 3339), sizes in bytes, recipients
// ("EX:<object id>" for one of the directory, "SMTP:<address>" for one
// outside) and folders ("<mailbox guid>:<folder path>"). A rule's
// mailbox going away takes its rules with it.
package inboxrules

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Kinds of rule properties.
const (
	KindBool       = "bool"
	KindWords      = "words"
	KindRecipients = "recipients"
	KindFolder     = "folder"
	KindEnum       = "enum"
	KindEnumList   = "enumList"
	KindDate       = "date"
	KindSize       = "size"
	KindString     = "string"
)

// Sections of a rule.
const (
	Condition = "condition"
	Exception = "exception"
	Action    = "action"
)

// Property is one condition, exception or action a rule can have.
type Property struct {
	Name, Kind, Section string
	// Values are the values an enum takes.
	Values []string
}

var (
	flagValues       = []string{"Any", "Call", "DoNotForward", "FollowUp", "ForYourInformation", "Forward", "NoResponseNecessary", "Read", "Reply", "ReplyToAll", "Review"}
	messageTypes     = []string{"AutomaticReply", "AutomaticForward", "Encrypted", "Calendaring", "CalendaringResponse", "PermissionControlled", "Voicemail", "Signed", "ApprovalRequest", "ReadReceipt", "NonDeliveryReport"}
	importanceValues = []string{"Low", "Normal", "High"}
	sensitivityValue = []string{"Normal", "Personal", "Private", "CompanyConfidential"}
	systemCategories = []string{"NotDefined", "Bills", "Document", "DocumentPlus", "Event", "Family", "File", "Flight", "FromContact", "Important", "LiveView", "Lodging", "MailingList",
		"Newsletter", "Photo", "Purchase", "RentalCar", "RestaurantReservation", "RetiredPromotion", "ShippingNotification", "Shopping", "SocialUpdate", "Travel", "Video"}
)

// conditions are the conditions a rule can have (each has an exception
// of the same name with ExceptIf before it), in the order Get-InboxRule
// shows them.
var conditions = []Property{
	{Name: "BodyContainsWords", Kind: KindWords},
	{Name: "FlaggedForAction", Kind: KindEnum, Values: flagValues},
	{Name: "FromAddressContainsWords", Kind: KindWords},
	{Name: "From", Kind: KindRecipients},
	{Name: "HasAttachment", Kind: KindBool},
	{Name: "HasClassification", Kind: KindWords},
	{Name: "HeaderContainsWords", Kind: KindWords},
	{Name: "MessageTypeMatches", Kind: KindEnum, Values: messageTypes},
	{Name: "MyNameInCcBox", Kind: KindBool},
	{Name: "MyNameInToBox", Kind: KindBool},
	{Name: "MyNameInToOrCcBox", Kind: KindBool},
	{Name: "MyNameNotInToBox", Kind: KindBool},
	{Name: "ReceivedAfterDate", Kind: KindDate},
	{Name: "ReceivedBeforeDate", Kind: KindDate},
	{Name: "RecipientAddressContainsWords", Kind: KindWords},
	{Name: "SentOnlyToMe", Kind: KindBool},
	{Name: "SentTo", Kind: KindRecipients},
	{Name: "SubjectContainsWords", Kind: KindWords},
	{Name: "SubjectOrBodyContainsWords", Kind: KindWords},
	{Name: "WithImportance", Kind: KindEnum, Values: importanceValues},
	{Name: "WithinSizeRangeMaximum", Kind: KindSize},
	{Name: "WithinSizeRangeMinimum", Kind: KindSize},
	{Name: "WithSensitivity", Kind: KindEnum, Values: sensitivityValue},
	{Name: "AnyCategory", Kind: KindBool},
	{Name: "AssignedCategories", Kind: KindWords},
	{Name: "BulkCategory", Kind: KindBool},
}

// actions are the actions a rule can take, in the order Get-InboxRule
// shows them.
var actions = []Property{
	{Name: "ApplyCategory", Kind: KindWords},
	{Name: "ApplySystemCategory", Kind: KindEnumList, Values: systemCategories},
	{Name: "CopyToFolder", Kind: KindFolder},
	{Name: "DeleteMessage", Kind: KindBool},
	{Name: "DeleteSystemCategory", Kind: KindEnumList, Values: systemCategories},
	{Name: "ForwardAsAttachmentTo", Kind: KindRecipients},
	{Name: "ForwardTo", Kind: KindRecipients},
	{Name: "MarkAsRead", Kind: KindBool},
	{Name: "MarkImportance", Kind: KindEnum, Values: importanceValues},
	{Name: "MoveToFolder", Kind: KindFolder},
	{Name: "PinMessage", Kind: KindBool},
	{Name: "RedirectTo", Kind: KindRecipients},
	{Name: "SoftDeleteMessage", Kind: KindBool},
	{Name: "StopProcessingRules", Kind: KindBool},
	{Name: "ClearCategories", Kind: KindBool},
	{Name: "ClearFlag", Kind: KindBool},
	{Name: "CompleteFlag", Kind: KindBool},
	{Name: "FlagMessage", Kind: KindString},
	{Name: "PermanentDelete", Kind: KindBool},
	{Name: "DisplayAlert", Kind: KindString},
	{Name: "PlaySound", Kind: KindString},
}

// Vocabulary returns every property a rule can have: each condition
// followed by its exception, then the actions.
func Vocabulary() []Property {
	var out []Property
	for _, c := range conditions {
		c.Section = Condition
		out = append(out, c)
		e := c
		e.Name, e.Section = "ExceptIf"+c.Name, Exception
		out = append(out, e)
	}
	for _, a := range actions {
		a.Section = Action
		out = append(out, a)
	}
	return out
}

// Lookup returns the property of that name (any case).
func Lookup(name string) (Property, bool) {
	for _, p := range Vocabulary() {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Property{}, false
}

// MaxNameLength is the longest name a rule can have.
const MaxNameLength = 512

// Rule is one Inbox rule of a mailbox.
type Rule struct {
	MailboxGuid string `json:"mailboxGuid"`
	// RuleID is the rule's RuleIdentity.
	RuleID   uint64 `json:"ruleId"`
	Name     string `json:"name"`
	Enabled  bool   `json:"enabled"`
	Priority int    `json:"priority"`
	// Props are the rule's conditions, exceptions and actions by property
	// name; a property the rule does not use is absent.
	Props     map[string][]string `json:"props,omitempty"`
	WhenAdded time.Time           `json:"whenAdded"`
}

// Key is the rule's key: its mailbox and its RuleIdentity.
func (r *Rule) Key() string { return ruleKey(r.MailboxGuid, r.RuleID) }

func ruleKey(mailbox string, id uint64) string {
	return strings.ToLower(mailbox) + "|" + strconv.FormatUint(id, 10)
}

// Get returns a property's values (nil when the rule does not use it).
func (r *Rule) Get(name string) []string { return r.Props[name] }

var rules = store.DefineKind(store.KindSpec[Rule]{Bucket: "inboxRules", Name: "inboxRule", Noun: "Inbox rule", CreatedOnWrite: true})

// Register adds the Inbox rules to s: their kind, the rule that a purged
// mailbox's rules go with it, and the check of every rule.
func Register(s *store.Schema) {
	rules.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return DropMailbox(tx, guid) })
	s.AddCheck("inbox-rules", check)
}

// PriorityError is a refusal of a priority outside 1..Max.
type PriorityError struct {
	Priority, Max int
}

func (e *PriorityError) Error() string {
	return fmt.Sprintf("priority %d is outside 1..%d", e.Priority, e.Max)
}

// List returns a mailbox's rules in the order they run.
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
	sort.SliceStable(out, func(i, j int) bool { return out[i].Priority < out[j].Priority })
	return out, err
}

// NewRuleID returns the RuleIdentity of the next rule of a mailbox: a
// number from the mailbox and a sequence of the tenant in the high half,
// the mailbox's rule count in the low half.
func NewRuleID(tx *store.Tx, mailboxGuid string) (uint64, error) {
	seq, err := rules.NextSequence(tx)
	if err != nil {
		return 0, err
	}
	existing, err := List(tx, mailboxGuid)
	if err != nil {
		return 0, err
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "%s|%d", strings.ToLower(mailboxGuid), seq)
	return uint64(h.Sum32())<<32 | uint64(len(existing)+1), nil
}

// validate refuses a rule whose name or properties are not well formed.
func validate(r *Rule) error {
	name := strings.TrimSpace(r.Name)
	if name == "" {
		return &store.ValidationError{Field: "Name", Message: "The name of an Inbox rule can't be empty."}
	}
	if len(r.Name) > MaxNameLength {
		return &store.ValidationError{Field: "Name", Message: fmt.Sprintf("The name of an Inbox rule can't be longer than %d characters.", MaxNameLength)}
	}
	for k, vs := range r.Props {
		p, ok := Lookup(k)
		if !ok || p.Name != k {
			return &store.ValidationError{Field: k, Message: "not a property of Inbox rules"}
		}
		if len(vs) == 0 {
			return &store.ValidationError{Field: k, Message: "an empty value is kept as no value"}
		}
		for _, v := range vs {
			if err := validValue(p, v); err != nil {
				return err
			}
		}
	}
	for _, prefix := range []string{"", "ExceptIf"} {
		lo, hi := r.Props[prefix+"WithinSizeRangeMinimum"], r.Props[prefix+"WithinSizeRangeMaximum"]
		if len(lo) != len(hi) {
			return &SizeRangeError{Exception: prefix != ""}
		}
		if len(lo) == 1 {
			a, _ := strconv.ParseInt(lo[0], 10, 64)
			b, _ := strconv.ParseInt(hi[0], 10, 64)
			if b <= a {
				return &SizeRangeError{Exception: prefix != ""}
			}
		}
	}
	return nil
}

// SizeRangeError is a refusal of a size range that lacks one of its ends
// or whose maximum is not above its minimum.
type SizeRangeError struct{ Exception bool }

func (e *SizeRangeError) Error() string {
	p := ""
	if e.Exception {
		p = "ExceptIf"
	}
	return fmt.Sprintf("%sWithinSizeRangeMinimum and %sWithinSizeRangeMaximum must be used together, and the maximum must be greater than the minimum.", p, p)
}

func validValue(p Property, v string) error {
	bad := func(why string) error {
		return &store.ValidationError{Field: p.Name, Message: fmt.Sprintf("%q %s", v, why)}
	}
	switch p.Kind {
	case KindBool:
		if v != "True" {
			return bad("is not kept: only True is (False is no value)")
		}
	case KindEnum, KindEnumList:
		ok := false
		for _, x := range p.Values {
			ok = ok || x == v
		}
		if !ok {
			return bad("is not one of its values")
		}
	case KindDate:
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return bad("is not a date")
		}
	case KindSize:
		if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 {
			return bad("is not a size in bytes")
		}
	case KindRecipients:
		if !strings.HasPrefix(v, "EX:") && !strings.HasPrefix(v, "SMTP:") {
			return bad("is not a recipient")
		}
	case KindFolder:
		if !strings.Contains(v, ":/") {
			return bad("is not a folder")
		}
	case KindWords, KindString:
		if strings.TrimSpace(v) == "" {
			return bad("is empty")
		}
	}
	return nil
}

// renumber gives a mailbox's rules the priorities 1..n in the order of
// list and stores those that changed.
func renumber(tx *store.Tx, list []*Rule) error {
	for i, r := range list {
		if r.Priority != i+1 {
			r.Priority = i + 1
			if err := rules.Put(tx, r.Key(), r); err != nil {
				return err
			}
		}
	}
	return nil
}

// place returns where a rule of priority p goes among n rules (0-based),
// refusing a priority outside 1..n+1 when extra is true (a new rule, for
// which 0 means after the others) or 1..n otherwise.
func place(p, n int, extra bool) (int, error) {
	max := n
	if extra {
		max = n + 1
	}
	if p == 0 && extra {
		return max - 1, nil
	}
	if p < 1 || p > max {
		return 0, &PriorityError{Priority: p, Max: max}
	}
	return p - 1, nil
}

// Create adds a rule to its mailbox at its Priority (0: after the others)
// and returns it with its RuleIdentity and final priority.
func Create(tx *store.Tx, r *Rule) (*Rule, error) {
	r.MailboxGuid = strings.ToLower(r.MailboxGuid)
	if err := validate(r); err != nil {
		return nil, err
	}
	list, err := List(tx, r.MailboxGuid)
	if err != nil {
		return nil, err
	}
	at, err := place(r.Priority, len(list), true)
	if err != nil {
		return nil, err
	}
	if r.RuleID == 0 {
		if r.RuleID, err = NewRuleID(tx, r.MailboxGuid); err != nil {
			return nil, err
		}
	}
	if r.WhenAdded.IsZero() {
		r.WhenAdded = tx.Now()
	}
	r.Priority = at + 1
	if err := rules.Put(tx, r.Key(), r); err != nil {
		return nil, err
	}
	list = append(list[:at], append([]*Rule{r}, list[at:]...)...)
	return r, renumber(tx, list)
}

// Update stores a changed rule; a changed Priority moves it.
func Update(tx *store.Tx, r *Rule) error {
	if err := validate(r); err != nil {
		return err
	}
	list, err := List(tx, r.MailboxGuid)
	if err != nil {
		return err
	}
	var rest []*Rule
	for _, x := range list {
		if x.RuleID != r.RuleID {
			rest = append(rest, x)
		}
	}
	if len(rest) == len(list) {
		return &store.NotFoundError{Kind: "Inbox rule", Key: r.Name}
	}
	at, err := place(r.Priority, len(list), false)
	if err != nil {
		return err
	}
	r.Priority = at + 1
	if err := rules.Put(tx, r.Key(), r); err != nil {
		return err
	}
	return renumber(tx, append(rest[:at], append([]*Rule{r}, rest[at:]...)...))
}

// Delete removes a rule; the rules after it move up.
func Delete(tx *store.Tx, r *Rule) error {
	if ok, err := rules.Delete(tx, r.Key()); err != nil || !ok {
		if err == nil {
			err = &store.NotFoundError{Kind: "Inbox rule", Key: r.Name}
		}
		return err
	}
	list, err := List(tx, r.MailboxGuid)
	if err != nil {
		return err
	}
	return renumber(tx, list)
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

// check reports rules whose mailbox is gone, whose properties are not
// well formed, whose priorities are not 1..n, or that are stored under
// another key.
func check(tx *store.Tx, report func(store.Finding)) error {
	byMailbox := map[string][]int{}
	err := rules.ForEach(tx, "", func(key string, r *Rule) error {
		if _, err := directory.GetMailbox(tx, r.MailboxGuid); err != nil {
			report(store.Finding{Kind: "inboxRule", Key: key, Message: "the mailbox does not exist"})
		}
		if err := validate(r); err != nil {
			report(store.Finding{Kind: "inboxRule", Key: key, Message: err.Error()})
		}
		if key != r.Key() {
			report(store.Finding{Kind: "inboxRule", Key: key, Message: "stored under another key than its own " + r.Key()})
		}
		byMailbox[r.MailboxGuid] = append(byMailbox[r.MailboxGuid], r.Priority)
		return nil
	})
	if err != nil {
		return err
	}
	var guids []string
	for g := range byMailbox {
		guids = append(guids, g)
	}
	sort.Strings(guids)
	for _, g := range guids {
		ps := byMailbox[g]
		sort.Ints(ps)
		for i, p := range ps {
			if p != i+1 {
				report(store.Finding{Kind: "inboxRule", Key: g, Message: fmt.Sprintf("priorities %v are not 1..%d", ps, len(ps))})
				break
			}
		}
	}
	return nil
}
