package inboxrules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	rules "github.com/exosim/exosim/store/inboxrules"
)

// renderer turns rules into the objects Get-InboxRule writes, resolving
// their recipients and folders within one transaction.
type renderer struct {
	tx *store.Tx
	// dateFormat is -DescriptionTimeFormat ("" the default).
	dateFormat string
}

func newRenderer(tx *store.Tx, dateFormat string) *renderer {
	return &renderer{tx: tx, dateFormat: dateFormat}
}

// recipient shows a stored recipient the way Exchange does: the name in
// quotes, then its address in brackets (its LegacyExchangeDN for one of
// the directory).
func (rv *renderer) recipient(ref string) string {
	if addr, ok := strings.CutPrefix(ref, "SMTP:"); ok {
		return fmt.Sprintf("\"%s\" [SMTP:%s]", addr, addr)
	}
	id := strings.TrimPrefix(ref, "EX:")
	if m, err := directory.GetMailbox(rv.tx, id); err == nil {
		return fmt.Sprintf("\"%s\" [EX:%s]", m.DisplayName, m.LegacyExchangeDN)
	}
	if g, ok, err := groups.Get(rv.tx, id); err == nil && ok {
		return fmt.Sprintf("\"%s\" [EX:%s]", g.DisplayName, directory.LegacyDNFor(g.Guid, g.Alias))
	}
	return fmt.Sprintf("\"%s\" [EX:%s]", id, id)
}

// recipientName is a stored recipient as a rule's description names it.
func (rv *renderer) recipientName(ref string) string {
	if addr, ok := strings.CutPrefix(ref, "SMTP:"); ok {
		return addr
	}
	id := strings.TrimPrefix(ref, "EX:")
	if m, err := directory.GetMailbox(rv.tx, id); err == nil {
		return m.DisplayName
	}
	if g, ok, err := groups.Get(rv.tx, id); err == nil && ok {
		return g.DisplayName
	}
	return id
}

// folder shows a stored folder as mailbox:\path.
func (rv *renderer) folder(ref string) string {
	guid, path, _ := strings.Cut(ref, ":")
	name := guid
	if m, err := directory.GetMailbox(rv.tx, guid); err == nil {
		name = m.Name
	}
	return name + `:\` + strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", `\`)
}

func folderName(ref string) string {
	_, path, _ := strings.Cut(ref, ":")
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (rv *renderer) date(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	if rv.dateFormat != "" {
		return object.FormatDateTime(t, rv.dateFormat)
	}
	return object.FormatDateTime(t, "M/d/yyyy h:mm:ss tt")
}

// emptyList reports whether a property without values shows as an empty
// list ({}), as the word and category lists do, rather than as nothing
// (recipients, classifications, assigned categories).
func emptyList(p rules.Property) bool {
	if p.Kind != rules.KindWords && p.Kind != rules.KindEnumList {
		return false
	}
	n := strings.TrimPrefix(p.Name, "ExceptIf")
	return n != "HasClassification" && n != "AssignedCategories"
}

// value is a property's value on the rule object.
func (rv *renderer) value(p rules.Property, vs []string) (string, any) {
	switch p.Kind {
	case rules.KindBool:
		return "System.Boolean", len(vs) == 1 && vs[0] == "True"
	}
	if len(vs) == 0 {
		if emptyList(p) {
			return "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", exo.MultiValued([]string{})
		}
		return "System.String", nil
	}
	switch p.Kind {
	case rules.KindWords, rules.KindEnumList:
		return "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", exo.MultiValued(vs)
	case rules.KindRecipients:
		shown := make([]string, len(vs))
		for i, v := range vs {
			shown[i] = rv.recipient(v)
		}
		return "Deserialized.Microsoft.Exchange.Data.Storage.Management.ADRecipientOrAddress[]", exo.MultiValued(shown)
	case rules.KindFolder:
		return "System.String", rv.folder(vs[0])
	case rules.KindDate:
		t, err := time.Parse(time.RFC3339, vs[0])
		if err != nil {
			return "System.String", vs[0]
		}
		return "System.Nullable`1[[System.DateTime]]", t
	case rules.KindSize:
		n, _ := strconv.ParseInt(vs[0], 10, 64)
		return "Deserialized.Microsoft.Exchange.Data.ByteQuantifiedSize", exo.SizeValue(n)
	}
	return "System.String", vs[0]
}

// object is the Get-InboxRule object of a rule of mailbox m.
func (rv *renderer) object(m *directory.Mailbox, r *rules.Rule) *object.PSObject {
	o := object.NewObject(TypeRule, "Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	id := ruleIdentity(m, r)
	o.AddTyped("Description", "System.String", rv.description(r))
	o.AddTyped("Enabled", "System.Boolean", r.Enabled)
	o.AddTyped("Identity", "System.String", id)
	o.AddTyped("InError", "System.Boolean", false)
	o.AddTyped("ErrorType", "System.String", "None")
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("Priority", "System.Int32", r.Priority)
	o.AddTyped("RuleIdentity", "System.Nullable`1[[System.UInt64]]", r.RuleID)
	o.AddTyped("SupportedByTask", "System.Boolean", true)
	o.AddTyped("Legacy", "System.Boolean", false)
	voc := rules.Vocabulary()
	for _, p := range voc {
		if p.Section == rules.Action {
			continue
		}
		t, v := rv.value(p, r.Get(p.Name))
		o.AddTyped(p.Name, t, v)
	}
	for _, p := range voc {
		if p.Section != rules.Action {
			continue
		}
		t, v := rv.value(p, r.Get(p.Name))
		o.AddTyped(p.Name, t, v)
		if p.Name == "RedirectTo" {
			o.AddTyped("SendTextMessageNotificationTo", "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", exo.MultiValued([]string{}))
		}
	}
	o.AddTyped("MailboxOwnerId", "System.String", m.Name)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	o.ToStringFunc = func() string { return id }
	return o
}

// quotedList joins values the way a rule's description lists them:
// 'a' or 'b'.
func quotedList(vs []string, sep string) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = "'" + v + "'"
	}
	return strings.Join(parts, sep)
}

// phrase is how a rule's description words one condition (or, after
// "Except if", one exception).
func (rv *renderer) phrase(name string, vs []string) string {
	words := func(where string) string {
		return "the message includes specific words in " + where + " " + quotedList(vs, " or ")
	}
	people := func() string {
		names := make([]string, len(vs))
		for i, v := range vs {
			names[i] = rv.recipientName(v)
		}
		return quotedList(names, " or ")
	}
	switch name {
	case "BodyContainsWords":
		return words("the body")
	case "SubjectContainsWords":
		return words("the subject")
	case "SubjectOrBodyContainsWords":
		return words("the subject or body")
	case "FromAddressContainsWords":
		return words("the sender's address")
	case "RecipientAddressContainsWords":
		return words("the recipient's address")
	case "HeaderContainsWords":
		return words("the message header")
	case "HasClassification":
		return "the message is classified as " + quotedList(vs, " or ")
	case "AssignedCategories":
		return "the message is assigned to the " + quotedList(vs, " or ") + " category"
	case "AnyCategory":
		return "the message is assigned to any category"
	case "BulkCategory":
		return "the message is bulk mail"
	case "From":
		return "the message was received from " + people()
	case "SentTo":
		return "the message was sent to " + people()
	case "FlaggedForAction":
		return "the message is flagged for '" + vs[0] + "' action"
	case "HasAttachment":
		return "the message has an attachment"
	case "MessageTypeMatches":
		return "the message is of type '" + vs[0] + "'"
	case "MyNameInCcBox":
		return "my name is in the Cc box"
	case "MyNameInToBox":
		return "my name is in the To box"
	case "MyNameInToOrCcBox":
		return "my name is in the To or Cc box"
	case "MyNameNotInToBox":
		return "my name is not in the To box"
	case "SentOnlyToMe":
		return "the message was sent only to me"
	case "ReceivedAfterDate":
		return "the message was received after '" + rv.date(vs[0]) + "'"
	case "ReceivedBeforeDate":
		return "the message was received before '" + rv.date(vs[0]) + "'"
	case "WithImportance":
		return "the message is marked as '" + vs[0] + "' importance"
	case "WithSensitivity":
		return "the message is marked as '" + vs[0] + "' sensitivity"
	}
	return ""
}

// description is a rule in words, as Exchange describes it: its
// conditions, its actions, then its exceptions.
func (rv *renderer) description(r *rules.Rule) string {
	var conds, excepts, acts []string
	size := func(prefix string) string {
		lo, hi := r.Get(prefix+"WithinSizeRangeMinimum"), r.Get(prefix+"WithinSizeRangeMaximum")
		if len(lo) == 0 || len(hi) == 0 {
			return ""
		}
		a, _ := strconv.ParseInt(lo[0], 10, 64)
		b, _ := strconv.ParseInt(hi[0], 10, 64)
		return fmt.Sprintf("the message size is between %d KB and %d KB", a/1024, b/1024)
	}
	for _, p := range rules.Vocabulary() {
		vs := r.Get(p.Name)
		if len(vs) == 0 {
			continue
		}
		switch p.Section {
		case rules.Condition:
			if s := rv.phrase(p.Name, vs); s != "" {
				conds = append(conds, s)
			}
		case rules.Exception:
			if s := rv.phrase(strings.TrimPrefix(p.Name, "ExceptIf"), vs); s != "" {
				excepts = append(excepts, s)
			}
		case rules.Action:
			if s := rv.action(p.Name, vs); s != "" {
				acts = append(acts, s)
			}
		}
	}
	if s := size(""); s != "" {
		conds = append(conds, s)
	}
	if s := size("ExceptIf"); s != "" {
		excepts = append(excepts, s)
	}
	var b strings.Builder
	if len(conds) > 0 {
		b.WriteString("If the message:\n")
		for i, c := range conds {
			if i > 0 {
				c = "and " + c
			}
			b.WriteString("\t" + c + "\n")
		}
	}
	b.WriteString("Take the following actions:\n")
	for i, a := range acts {
		if i > 0 {
			a = "and " + a
		}
		b.WriteString("\t" + a + "\n")
	}
	if len(excepts) > 0 {
		b.WriteString("Except if the message:\n")
		for i, e := range excepts {
			if i > 0 {
				e = "or " + e
			}
			b.WriteString("\t" + e + "\n")
		}
	}
	return b.String()
}

// action is how a rule's description words one action.
func (rv *renderer) action(name string, vs []string) string {
	people := func() string {
		names := make([]string, len(vs))
		for i, v := range vs {
			names[i] = rv.recipientName(v)
		}
		return quotedList(names, " and ")
	}
	switch name {
	case "MoveToFolder":
		return "move the message to folder '" + folderName(vs[0]) + "'"
	case "CopyToFolder":
		return "copy the message to folder '" + folderName(vs[0]) + "'"
	case "DeleteMessage":
		return "delete the message"
	case "SoftDeleteMessage":
		return "soft-delete the message"
	case "PermanentDelete":
		return "delete the message permanently"
	case "ForwardTo":
		return "forward the message to " + people()
	case "ForwardAsAttachmentTo":
		return "forward the message as an attachment to " + people()
	case "RedirectTo":
		return "redirect the message to " + people()
	case "MarkAsRead":
		return "mark the message as read"
	case "MarkImportance":
		return "mark the message with '" + vs[0] + "' importance"
	case "ApplyCategory", "ApplySystemCategory":
		return "assign it to the " + quotedList(vs, " and ") + " category"
	case "DeleteSystemCategory":
		return "remove it from the " + quotedList(vs, " and ") + " category"
	case "ClearCategories":
		return "clear the message's categories"
	case "ClearFlag":
		return "clear the message's flag"
	case "CompleteFlag":
		return "mark the message's flag complete"
	case "FlagMessage":
		return "flag the message for '" + vs[0] + "'"
	case "PinMessage":
		return "pin the message"
	case "DisplayAlert":
		return "display '" + vs[0] + "' in the New Item Alert window"
	case "PlaySound":
		return "play the sound '" + vs[0] + "'"
	case "StopProcessingRules":
		return "stop processing more rules on this message"
	}
	return ""
}
