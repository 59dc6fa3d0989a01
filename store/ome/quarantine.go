package ome

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// QuarantineRetention is how long the hosted quarantine keeps a message a
// mail flow rule quarantined: 30 days, the default quarantine retention
// period of the anti-spam policies. A message is gone once it expires.
const QuarantineRetention = 30 * store.Day

// Release statuses of a quarantined message, as Get-QuarantineMessage
// shows them.
const (
	QuarantineNotReleased = "NOTRELEASED"
	QuarantineReleased    = "RELEASED"
)

// Quarantine is the quarantine state of a message a mail flow rule held.
type Quarantine struct {
	// Identity is "<guid>\<guid>": the message's trace id and the
	// quarantine entry's own id.
	Identity   string    `json:"identity"`
	PolicyName string    `json:"policyName"` // the mail flow rule
	Received   time.Time `json:"received"`
	Expires    time.Time `json:"expires"`
	// ReleasedUsers are the recipients the message was released to.
	ReleasedUsers []string `json:"releasedUsers,omitempty"`
	// Released says every recipient has it (ReleaseStatus RELEASED).
	Released bool `json:"released,omitempty"`
}

func newQuarantine(tx *store.Tx, m *Message, rule string) *Quarantine {
	return &Quarantine{
		Identity:   m.MessageTraceID + `\` + tx.NewGuid(),
		PolicyName: rule,
		Received:   m.SentTime,
		Expires:    m.SentTime.Add(QuarantineRetention),
	}
}

// ReleasedTo reports whether the message was released to addr.
func (q *Quarantine) ReleasedTo(addr string) bool {
	for _, u := range q.ReleasedUsers {
		if strings.EqualFold(u, addr) {
			return true
		}
	}
	return false
}

// ReleaseStatus is RELEASED once the message went to every recipient.
func (q *Quarantine) ReleaseStatus() string {
	if q.Released {
		return QuarantineReleased
	}
	return QuarantineNotReleased
}

// Direction is Inbound for mail from outside the organization, Outbound
// for mail to outside it, and Intra-org for mail inside it.
func (m *Message) Direction(o *directory.Organization) string {
	if !o.IsInternalDomain(directory.DomainOf(m.Sender)) {
		return "Inbound"
	}
	for _, r := range m.Recipients {
		if r.External() {
			return "Outbound"
		}
	}
	return "Intra-org"
}

// QuarantinedMessages returns the messages in quarantine at now (expired
// ones are left out), oldest first.
func QuarantinedMessages(tx *store.Tx) ([]*Message, error) {
	now := tx.Now()
	var out []*Message
	err := ForEachMessage(tx, "", func(m *Message) error {
		if m.Quarantine != nil && now.Before(m.Quarantine.Expires) {
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quarantine.Received.Before(out[j].Quarantine.Received) })
	return out, nil
}

// ReleaseQuarantined releases m to the given recipients (all of them when
// users is empty): each gets the message in their mailbox, and their
// message-trace row turns Delivered with a release event. Once every
// recipient has it, the message's ReleaseStatus is RELEASED.
func ReleaseQuarantined(tx *store.Tx, m *Message, users []string) error {
	q := m.Quarantine
	now := tx.Now()
	targets := users
	if len(targets) == 0 {
		for _, r := range m.Recipients {
			targets = append(targets, r.Address)
		}
	}
	rows, err := TracesByTraceID(tx, m.MessageTraceID)
	if err != nil {
		return err
	}
	for _, addr := range targets {
		if q.ReleasedTo(addr) {
			continue
		}
		var rcpt *MessageRecipient
		for i := range m.Recipients {
			if strings.EqualFold(m.Recipients[i].Address, addr) {
				rcpt = &m.Recipients[i]
			}
		}
		if rcpt == nil {
			return &store.ValidationError{Field: "User", Message: fmt.Sprintf("%s isn't a recipient of the message", addr)}
		}
		q.ReleasedUsers = append(q.ReleasedUsers, rcpt.Address)
		for _, row := range rows {
			if !strings.EqualFold(row.RecipientAddress, rcpt.Address) {
				continue
			}
			row.Status = TraceDelivered
			row.Events = append(row.Events, TraceEvent{Date: now, Event: "Release", Action: "Release",
				Detail: "The message was released from quarantine by an administrator."})
			if rcpt.External() {
				row.ToIP = pseudoIP("mx", directory.DomainOf(rcpt.Address), mxPrefix(directory.DomainOf(rcpt.Address)))
				row.Events = append(row.Events, TraceEvent{Date: now.Add(time.Second), Event: "Send external", Detail: row.usualDetail("Send external")})
			} else {
				row.Events = append(row.Events, TraceEvent{Date: now.Add(time.Second), Event: "Deliver", Detail: row.usualDetail("Deliver")})
			}
			if err := PutTrace(tx, row); err != nil {
				return err
			}
		}
		if !rcpt.External() {
			mb, err := activeMailboxFor(tx, rcpt.Address)
			if err != nil {
				return err
			}
			if mb != nil {
				if err := directory.AddToFolder(tx, mb.Guid, "/Inbox", m.Size); err != nil {
					return err
				}
			}
		}
	}
	q.Released = len(q.ReleasedUsers) >= len(m.Recipients)
	return PutMessage(tx, m)
}
