package ome

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// DefaultMessageServer is the host label used in generated Message-IDs.
const DefaultMessageServer = "DM3NAM06BG401"

// NewMessageID returns a Message-ID header value of the form
// <guid@SERVER.prod.outlook.com>. An empty server uses DefaultMessageServer.
func NewMessageID(tx *store.Tx, server string) string {
	if server == "" {
		server = DefaultMessageServer
	}
	return "<" + tx.NewGuid() + "@" + strings.ToUpper(server) + ".prod.outlook.com>"
}

// OME recipient experiences.
const (
	ExperienceInline    = "Inline"
	ExperienceLinkBased = "LinkBased"
)

// Protection options.
const (
	ProtectionEncrypt      = "Encrypt"
	ProtectionDoNotForward = "Do Not Forward"
)

// AppliedBy values (a mail flow rule is "MailFlowRule:<name>").
const (
	AppliedByOutlookOnTheWeb = "OutlookOnTheWeb"
	AppliedByMailFlowRule    = "MailFlowRule:"
)

// Revokers.
const (
	RevokedByAdmin  = "Admin"
	RevokedBySender = "Sender"
)

// MessageRecipient is one recipient of a message with the OME experience
// decided at send time.
type MessageRecipient struct {
	Address      string `json:"address"`
	IdentityType string `json:"identityType"`         // Internal|WorkOrSchool|MicrosoftAccount|Social|Other
	Experience   string `json:"experience,omitempty"` // Inline|LinkBased (encrypted messages only)
}

// External reports whether the recipient is outside the tenant.
func (r MessageRecipient) External() bool { return r.IdentityType != directory.IdentityInternal }

// Message is a sent message, encrypted (Get-OMEMessageStatus) or plain.
//
// Stored messages and trace rows are CBOR maps keyed by the field numbers
// of their cbor tags (schema 7; trace rows leave out the usual event
// details, TraceRecord.Elided); a new field takes the next unused number,
// and a number is never reused. Their recipients and events keep the json
// names as keys. Export and import use the json names.
type Message struct {
	MessageID        string             `json:"messageId" cbor:"1,keyasint,omitempty"` // with angle brackets
	MessageTraceID   string             `json:"messageTraceId" cbor:"2,keyasint,omitempty"`
	Subject          string             `json:"subject" cbor:"3,keyasint,omitempty"`
	Sender           string             `json:"sender" cbor:"4,keyasint,omitempty"`
	Recipients       []MessageRecipient `json:"recipients" cbor:"5,keyasint"`
	SentTime         time.Time          `json:"sentTime" cbor:"6,keyasint,omitempty"`
	Size             int64              `json:"size" cbor:"7,keyasint,omitempty"`
	Body             string             `json:"body,omitempty" cbor:"8,keyasint,omitempty"`
	Encrypted        bool               `json:"encrypted" cbor:"9,keyasint,omitempty"`
	ProtectionOption string             `json:"protectionOption,omitempty" cbor:"10,keyasint,omitempty"`
	AppliedBy        string             `json:"appliedBy,omitempty" cbor:"11,keyasint,omitempty"`
	BrandingTemplate string             `json:"brandingTemplate,omitempty" cbor:"12,keyasint,omitempty"`
	ExpiresAt        *time.Time         `json:"expiresAt,omitempty" cbor:"13,keyasint,omitempty"`
	Revoked          bool               `json:"revoked" cbor:"14,keyasint,omitempty"`
	RevokedAt        *time.Time         `json:"revokedAt,omitempty" cbor:"15,keyasint,omitempty"`
	RevokedBy        string             `json:"revokedBy,omitempty" cbor:"16,keyasint,omitempty"` // RevokedByAdmin or RevokedBySender
	FromIP           string             `json:"fromIp,omitempty" cbor:"17,keyasint,omitempty"`
	// Revoker is the account that revoked it: the administrator who ran
	// Set-OMEMessageRevocation, or the sender.
	Revoker string `json:"revoker,omitempty" cbor:"18,keyasint,omitempty"`
	// Quarantine is set when a mail flow rule quarantined the message
	// (Get-QuarantineMessage); nil for a message delivered normally.
	Quarantine *Quarantine `json:"quarantine,omitempty" cbor:"19,keyasint,omitempty"`
}

// LinkBasedRecipients returns the external recipients with the portal
// experience.
func (m *Message) LinkBasedRecipients() []MessageRecipient {
	var out []MessageRecipient
	for _, r := range m.Recipients {
		if r.External() && r.Experience == ExperienceLinkBased {
			out = append(out, r)
		}
	}
	return out
}

// IsExpired reports whether the message's portal copy has expired at now.
func (m *Message) IsExpired(now time.Time) bool {
	return m.ExpiresAt != nil && now.After(*m.ExpiresAt)
}

// GetMessage returns the message whose Message-ID equals id exactly after
// trimming outer whitespace (angle brackets are part of the ID).
func GetMessage(tx *store.Tx, id string) (*Message, error) {
	id = strings.TrimSpace(id)
	m, ok, err := Messages.Get(tx, id)
	if err != nil {
		return nil, err
	}
	if !ok || id == "" {
		return nil, &MessageNotFoundError{MessageID: id}
	}
	return m, nil
}

// PutMessage stores a message.
func PutMessage(tx *store.Tx, m *Message) error {
	if strings.TrimSpace(m.MessageID) == "" {
		return &store.ValidationError{Field: "MessageId", Message: "empty"}
	}
	return Messages.Put(tx, m.MessageID, m)
}

// DeleteMessage removes a message record (trace rows are kept).
func DeleteMessage(tx *store.Tx, id string) error {
	ok, err := Messages.Delete(tx, strings.TrimSpace(id))
	if err == nil && !ok {
		err = &MessageNotFoundError{MessageID: id}
	}
	return err
}

// ForEachMessage calls fn for each message in Message-ID order.
func ForEachMessage(tx *store.Tx, after string, fn func(*Message) error) error {
	return Messages.ForEach(tx, after, func(_ string, m *Message) error { return fn(m) })
}

// ScanMessages returns a page of messages and the next cursor.
func ScanMessages(tx *store.Tx, after string, limit int) ([]*Message, string, error) {
	return Messages.Scan(tx, after, limit)
}

// Message trace statuses.
const (
	TraceDelivered  = "Delivered"
	TraceFailed     = "Failed"
	TracePending    = "Pending"
	TraceExpanded   = "Expanded"
	TraceQuarantine = "Quarantined"
	TraceFilteredAs = "FilteredAsSpam"
)

// TraceEvent is one Get-MessageTraceDetail row.
type TraceEvent struct {
	Date   time.Time `json:"date"`
	Event  string    `json:"event"` // Receive, Encrypt, Deliver, Send external
	Action string    `json:"action,omitempty"`
	Detail string    `json:"detail"`
}

// TraceRecord is one Get-MessageTrace row: one message to one recipient.
type TraceRecord struct {
	Received         time.Time    `json:"received" cbor:"1,keyasint,omitempty"`
	SenderAddress    string       `json:"senderAddress" cbor:"2,keyasint,omitempty"`
	RecipientAddress string       `json:"recipientAddress" cbor:"3,keyasint,omitempty"`
	Subject          string       `json:"subject" cbor:"4,keyasint,omitempty"`
	Status           string       `json:"status" cbor:"5,keyasint,omitempty"`
	ToIP             string       `json:"toIp,omitempty" cbor:"6,keyasint,omitempty"`
	FromIP           string       `json:"fromIp,omitempty" cbor:"7,keyasint,omitempty"`
	Size             int64        `json:"size" cbor:"8,keyasint,omitempty"`
	MessageID        string       `json:"messageId" cbor:"9,keyasint,omitempty"`
	MessageTraceID   string       `json:"messageTraceId" cbor:"10,keyasint,omitempty"`
	Events           []TraceEvent `json:"events" cbor:"11,keyasint"`

	// Elided is part of the stored form only (schema 7): the events whose
	// Detail the stored row leaves out, a bit per event, because it is
	// the usual text of its event (usualDetail). It is zero in every
	// decoded row.
	Elided int64 `json:"-" cbor:"12,keyasint,omitempty"`
}

// usualDetail returns the Detail the simulated mail flow gives an event
// of the row ("" for events without a usual text).
func (r *TraceRecord) usualDetail(event string) string {
	switch event {
	case "Receive":
		return "Message received by: " + strings.ToUpper(DefaultMessageServer) + ".namprd06.prod.outlook.com"
	case "Deliver":
		return "The message was successfully delivered to the mailbox on " + strings.ToLower(DefaultMessageServer) + ".namprd06.prod.outlook.com."
	case "Send external":
		return fmt.Sprintf("Message sent to %s at %s using TLS1.2 with AES256", directory.DomainOf(r.RecipientAddress), r.ToIP)
	}
	return ""
}

// StoredForm returns the copy of r to encode: the events' usual details
// left out (see Elided).
func (r *TraceRecord) StoredForm() any {
	c := *r
	c.Events = nil
	var e int64
	for i, ev := range r.Events {
		if i < 63 && ev.Detail != "" && ev.Detail == r.usualDetail(ev.Event) {
			ev.Detail = ""
			e |= 1 << i
		}
		c.Events = append(c.Events, ev)
	}
	if r.Events != nil && c.Events == nil {
		c.Events = []TraceEvent{}
	}
	c.Elided = e
	return &c
}

// RestoreForm puts back, after decoding, the details StoredForm left out.
func (r *TraceRecord) RestoreForm() {
	for i := range r.Events {
		if i < 63 && r.Elided&(1<<i) != 0 {
			r.Events[i].Detail = r.usualDetail(r.Events[i].Event)
		}
	}
	r.Elided = 0
}

// Key returns the bucket key: chronological, then trace id, then recipient.
func (r *TraceRecord) Key() string {
	return r.Received.UTC().Format("20060102T150405.000000000Z") + "/" + r.MessageTraceID + "/" + strings.ToLower(r.RecipientAddress)
}

// indexTrace returns the index entries of a message-trace row.
func indexTrace(r *TraceRecord, _ []byte) []store.IndexEntry {
	return []store.IndexEntry{{Name: "trc.id", Value: r.MessageTraceID}, {Name: "trc.msgid", Value: r.MessageID}}
}

// PutTrace stores a message-trace row.
func PutTrace(tx *store.Tx, r *TraceRecord) error { return Traces.Put(tx, r.Key(), r) }

// ForEachTrace calls fn for every trace row in Received order (oldest first).
func ForEachTrace(tx *store.Tx, after string, fn func(key string, r *TraceRecord) error) error {
	return Traces.ForEach(tx, after, fn)
}

// TracesByTraceID returns the rows of one MessageTraceId (one per recipient).
func TracesByTraceID(tx *store.Tx, traceID string) ([]*TraceRecord, error) {
	return tracesBy(tx, "trc.id", traceID)
}

// TracesByMessageID returns the rows of one Message-ID.
func TracesByMessageID(tx *store.Tx, messageID string) ([]*TraceRecord, error) {
	return tracesBy(tx, "trc.msgid", strings.TrimSpace(messageID))
}

func tracesBy(tx *store.Tx, index, v string) ([]*TraceRecord, error) {
	keys, err := tx.LookupIndex(index, v)
	if err != nil {
		return nil, err
	}
	var out []*TraceRecord
	for _, k := range keys {
		r, ok, err := Traces.Get(tx, k)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// checkMessageTrace verifies that every message has message-trace rows
// under its trace id and that they name the message. (Rows may outlive a
// deleted message, so rows without a message are not findings.)
func checkMessageTrace(tx *store.Tx, report func(store.Finding)) error {
	return ForEachMessage(tx, "", func(m *Message) error {
		rows, err := TracesByTraceID(tx, m.MessageTraceID)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			report(store.Finding{Kind: "message", Key: m.MessageID, Message: fmt.Sprintf("no message-trace row with trace id %s", m.MessageTraceID)})
			return nil
		}
		var bad []string
		for _, r := range rows {
			if r.MessageID != m.MessageID {
				bad = append(bad, r.MessageID)
			}
		}
		if len(bad) > 0 {
			sort.Strings(bad)
			report(store.Finding{Kind: "message", Key: m.MessageID, Message: fmt.Sprintf("trace rows of %s name other messages: %s", m.MessageTraceID, strings.Join(bad, ", "))})
		}
		return nil
	})
}
