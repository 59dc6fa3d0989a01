// Package ome is message encryption in the tenant: sent messages and
// their message trace, the recipients' experience (inline or the OME
// portal), branding templates, the IRM configuration, mail flow rules that
// encrypt or quarantine, the hosted quarantine of the messages such a rule
// holds, and revocation by an administrator or the sender.
package ome

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// ErrNotRevocable is matched by NotRevocableError and NoAMELicenseError.
var ErrNotRevocable = errors.New("message can't be revoked")

// MessageNotFoundError reports an unknown Message-ID (the comparison is
// exact, angle brackets included).
type MessageNotFoundError struct{ MessageID string }

func (e *MessageNotFoundError) Error() string {
	return fmt.Sprintf("message %q not found", e.MessageID)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *MessageNotFoundError) Is(target error) bool { return target == store.ErrNotFound }

// NotRevocableError reports a message whose recipients can't lose access
// (all inline, internal only, or not encrypted).
type NotRevocableError struct {
	MessageID string
	Reason    string
}

func (e *NotRevocableError) Error() string {
	return fmt.Sprintf("message %q can't be revoked: %s", e.MessageID, e.Reason)
}

// Is makes errors.Is(err, ErrNotRevocable) true.
func (e *NotRevocableError) Is(target error) bool { return target == ErrNotRevocable }

// NoAMELicenseError reports that the tenant lacks Advanced Message
// Encryption, which revocation and expiry need.
type NoAMELicenseError struct{ Feature string }

func (e *NoAMELicenseError) Error() string {
	return fmt.Sprintf("%s requires Advanced Message Encryption, which the tenant's licences don't include", e.Feature)
}

// Is makes errors.Is(err, ErrNotRevocable) true.
func (e *NoAMELicenseError) Is(target error) bool { return target == ErrNotRevocable }

// PortalRevokedText is what a link-based recipient sees in the OME portal
// for a revoked message.
const PortalRevokedText = "The message has been revoked by the sender"

// PortalExpiredText is the simulator's wording for an expired message in
// the OME portal (the service's text is not documented).
const PortalExpiredText = "This message has expired and can no longer be viewed"

// SendInput describes a message to send (Send-SimMessage, seeds).
type SendInput struct {
	From    string
	To      []string
	Subject string
	Body    string
	// Encrypt asks for OME protection by the sender (Outlook on the web).
	Encrypt bool
	// Template is the branding template (default "OME Configuration").
	Template string
	// ProtectionOption is "Encrypt" (default) or "Do Not Forward".
	ProtectionOption string
	// AppliedBy is "OutlookOnTheWeb" (default for Encrypt) or
	// "MailFlowRule:<name>".
	AppliedBy string
	// MessageID forces the Message-ID (angle brackets added if missing);
	// empty generates one.
	MessageID string
	// SentTime backdates the message; zero means now.
	SentTime time.Time
	// Server is the host label of a generated Message-ID.
	Server string
}

// DecideExperience applies the recipient-experience rule: tenant-internal
// recipients get Inline; a custom branding template applied by a mail flow
// rule forces LinkBased for every external recipient; Microsoft 365
// work/school and Microsoft-account recipients get Inline; everyone else
// gets LinkBased.
func DecideExperience(identityType string, forcedPortal bool) string {
	switch {
	case identityType == directory.IdentityInternal:
		return ExperienceInline
	case forcedPortal:
		return ExperienceLinkBased
	case identityType == directory.IdentityWorkOrSchool || identityType == directory.IdentityMicrosoftAccount:
		return ExperienceInline
	default:
		return ExperienceLinkBased
	}
}

// NormalizeProtectionOption maps user input to "Encrypt" or
// "Do Not Forward".
func NormalizeProtectionOption(s string) (string, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "", "encrypt", "encrypt-only", "encrypt only":
		return ProtectionEncrypt, true
	case "do not forward", "donotforward", "do-not-forward":
		return ProtectionDoNotForward, true
	}
	return "", false
}

func ruleMatches(o *directory.Organization, r *TransportRule, from string, to []string) bool {
	if !r.Enabled() || (r.ApplyRightsProtectionTemplate == "" && !r.ApplyOME && !r.Quarantine) {
		return false
	}
	senderInternal := o.IsInternalDomain(directory.DomainOf(from))
	switch strings.ToLower(r.FromScope) {
	case "inorganization":
		if !senderInternal {
			return false
		}
	case "notinorganization":
		if senderInternal {
			return false
		}
	}
	if r.SentToScope != "" {
		any := false
		for _, a := range to {
			internal := o.IsInternalDomain(directory.DomainOf(a))
			switch strings.ToLower(r.SentToScope) {
			case "inorganization":
				any = any || internal
			default:
				any = any || !internal
			}
		}
		if !any {
			return false
		}
	}
	return true
}

// SendMessage records a sent message: it applies matching mail flow rules
// (a quarantine rule holds the message: its trace rows say Quarantined and
// no recipient's Inbox gets it until it is released),
// decides every recipient's identity type and OME experience, stores the
// message, writes one message-trace row per recipient with its events, and
// updates the sender's Sent Items and internal recipients' Inbox counts.
func SendMessage(tx *store.Tx, in SendInput) (*Message, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	from := strings.TrimSpace(in.From)
	if !strings.Contains(from, "@") {
		return nil, &store.ValidationError{Field: "From", Message: fmt.Sprintf("%q is not an SMTP address", in.From)}
	}
	var to []string
	seen := map[string]bool{}
	for _, a := range in.To {
		a = strings.TrimSpace(a)
		if !strings.Contains(a, "@") {
			return nil, &store.ValidationError{Field: "To", Message: fmt.Sprintf("%q is not an SMTP address", a)}
		}
		if !seen[strings.ToLower(a)] {
			seen[strings.ToLower(a)] = true
			to = append(to, a)
		}
	}
	if len(to) == 0 {
		return nil, &store.ValidationError{Field: "To", Message: "at least one recipient is required"}
	}

	encrypt, option, tmplName, appliedBy := in.Encrypt, in.ProtectionOption, in.Template, in.AppliedBy
	rules, err := ListTransportRules(tx)
	if err != nil {
		return nil, err
	}
	// The first matching quarantine rule holds the message; the first
	// matching encryption rule encrypts it.
	quarantineRule := ""
	for _, r := range rules {
		if r.Quarantine && quarantineRule == "" && ruleMatches(o, r, from, to) {
			quarantineRule = r.Name
		}
	}
	for _, r := range rules {
		if r.ApplyRightsProtectionTemplate == "" && !r.ApplyOME {
			continue
		}
		if !ruleMatches(o, r, from, to) {
			continue
		}
		if !encrypt {
			option = r.ApplyRightsProtectionTemplate
		}
		encrypt = true
		if r.ApplyRightsProtectionCustomizationTemplate != "" {
			tmplName = r.ApplyRightsProtectionCustomizationTemplate
		}
		appliedBy = AppliedByMailFlowRule + r.Name
		break
	}

	sent := in.SentTime.UTC()
	if in.SentTime.IsZero() {
		sent = tx.Now()
	}
	m := &Message{
		Subject:        in.Subject,
		Sender:         from,
		SentTime:       sent,
		Body:           in.Body,
		Encrypted:      encrypt,
		MessageTraceID: tx.NewGuid(),
	}
	forced := false
	var tmpl *OMEConfiguration
	if encrypt {
		opt, ok := NormalizeProtectionOption(option)
		if !ok {
			return nil, &store.ValidationError{Field: "ProtectionOption", Message: fmt.Sprintf("%q is not Encrypt or Do Not Forward", option)}
		}
		m.ProtectionOption = opt
		if tmplName == "" {
			tmplName = DefaultOMEConfiguration
		}
		tmpl, err = GetOMEConfiguration(tx, tmplName)
		if err != nil {
			return nil, err
		}
		m.BrandingTemplate = tmpl.Identity
		if appliedBy == "" {
			appliedBy = AppliedByOutlookOnTheWeb
		}
		m.AppliedBy = appliedBy
		forced = !tmpl.IsDefault && strings.HasPrefix(appliedBy, AppliedByMailFlowRule)
	}
	for _, a := range to {
		r := MessageRecipient{Address: a, IdentityType: o.IdentityTypeOf(a)}
		if encrypt {
			r.Experience = DecideExperience(r.IdentityType, forced)
		}
		m.Recipients = append(m.Recipients, r)
	}
	if encrypt && tmpl != nil && !tmpl.IsDefault && tmpl.ExternalMailExpiryInDays > 0 && o.HasAdvancedMessageEncryption() {
		exp := sent.Add(time.Duration(tmpl.ExternalMailExpiryInDays) * store.Day)
		m.ExpiresAt = &exp
	}

	id := strings.TrimSpace(in.MessageID)
	if id == "" {
		id = NewMessageID(tx, in.Server)
	} else if !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, ">") {
		id = "<" + strings.Trim(id, "<>") + ">"
	}
	if _, err := GetMessage(tx, id); err == nil {
		return nil, &store.ValidationError{Field: "MessageId", Message: fmt.Sprintf("a message with Message-ID %s already exists", id)}
	}
	m.MessageID = id
	m.Size = 4*directory.KB + int64(len(in.Subject)+len(in.Body))
	if encrypt {
		m.Size += 18 * directory.KB
	}
	m.FromIP = ClientIP(from)
	if quarantineRule != "" {
		m.Quarantine = newQuarantine(tx, m, quarantineRule)
	}
	if err := PutMessage(tx, m); err != nil {
		return nil, err
	}
	for _, r := range TraceRows(m) {
		if err := PutTrace(tx, r); err != nil {
			return nil, err
		}
	}
	if err := fileSentMessage(tx, m); err != nil {
		return nil, err
	}
	return m, nil
}

// ClientIP is the simulated address a sender's client sends from.
func ClientIP(sender string) string { return pseudoIP("client", sender, "40.107") }

func pseudoIP(salt, s, prefix string) string {
	h := sha256.Sum256([]byte(salt + "\x00" + strings.ToLower(s)))
	return fmt.Sprintf("%s.%d.%d", prefix, h[0], 1+int(h[1])%253)
}

// mxPrefix returns the first two octets of the simulated MX address of a
// recipient domain.
func mxPrefix(domain string) string {
	switch domain {
	case "gmail.com", "googlemail.com":
		return "142.250"
	case "yahoo.com", "ymail.com":
		return "98.136"
	case "outlook.com", "hotmail.com", "live.com", "msn.com":
		return "104.47"
	}
	return "203.0"
}

// TraceRows returns the message-trace rows of a sent message, one per
// recipient, with the events of its way: received, encrypted when it is,
// then delivered to an internal mailbox or sent to an external domain.
func TraceRows(m *Message) []*TraceRecord {
	var rows []*TraceRecord
	for i, r := range m.Recipients {
		t0 := m.SentTime.Add(time.Duration(i) * time.Millisecond)
		rec := &TraceRecord{
			Received:         t0,
			SenderAddress:    m.Sender,
			RecipientAddress: r.Address,
			Subject:          m.Subject,
			Status:           TraceDelivered,
			FromIP:           m.FromIP,
			Size:             m.Size,
			MessageID:        m.MessageID,
			MessageTraceID:   m.MessageTraceID,
		}
		rec.Events = append(rec.Events, TraceEvent{Date: t0, Event: "Receive", Detail: rec.usualDetail("Receive")})
		step := time.Second
		if m.Encrypted {
			rec.Events = append(rec.Events, TraceEvent{Date: t0.Add(step), Event: "Encrypt",
				Detail: fmt.Sprintf("Message encrypted (%s, template %q, applied by %s)", m.ProtectionOption, m.BrandingTemplate, m.AppliedBy)})
			step += time.Second
		}
		if q := m.Quarantine; q != nil {
			rec.Status = TraceQuarantine
			rec.Events = append(rec.Events, TraceEvent{Date: t0.Add(step), Event: "Quarantine", Action: "Quarantine",
				Detail: "The message was quarantined by the mail flow rule '" + q.PolicyName + "'."})
		} else if r.External() {
			rec.ToIP = pseudoIP("mx", directory.DomainOf(r.Address), mxPrefix(directory.DomainOf(r.Address)))
			rec.Events = append(rec.Events, TraceEvent{Date: t0.Add(step + time.Second), Event: "Send external", Detail: rec.usualDetail("Send external")})
		} else {
			rec.Events = append(rec.Events, TraceEvent{Date: t0.Add(step), Event: "Deliver", Detail: rec.usualDetail("Deliver")})
		}
		rows = append(rows, rec)
	}
	return rows
}

func activeMailboxFor(tx *store.Tx, addr string) (*directory.Mailbox, error) {
	ms, err := directory.FindMailboxes(tx, addr)
	if err != nil {
		return nil, err
	}
	for _, mb := range ms {
		if mb.LifecycleState == directory.StateActive {
			return mb, nil
		}
	}
	return nil, nil
}

func fileSentMessage(tx *store.Tx, m *Message) error {
	if mb, err := activeMailboxFor(tx, m.Sender); err != nil {
		return err
	} else if mb != nil {
		if err := directory.AddToFolder(tx, mb.Guid, "/Sent Items", m.Size); err != nil {
			return err
		}
	}
	for _, r := range m.Recipients {
		if r.External() || m.Quarantine != nil {
			continue
		}
		mb, err := activeMailboxFor(tx, r.Address)
		if err != nil {
			return err
		}
		if mb != nil {
			if err := directory.AddToFolder(tx, mb.Guid, "/Inbox", m.Size); err != nil {
				return err
			}
		}
	}
	return nil
}

// Revocable reports whether an admin can revoke m: it is encrypted, the
// tenant has AME, and at least one external recipient got the link-based
// experience. It stays true after revocation.
func Revocable(m *Message, hasAME bool) bool {
	return m.Encrypted && hasAME && len(m.LinkBasedRecipients()) > 0
}

// IsRevocable is Revocable with the tenant's AME licensing.
func IsRevocable(tx *store.Tx, m *Message) (bool, error) {
	ame, err := directory.HasAdvancedMessageEncryption(tx)
	if err != nil {
		return false, err
	}
	return Revocable(m, ame), nil
}

// CanSenderRevoke reports whether sender may revoke m from Outlook on the
// web: m is encrypted, sender is m's sender, and m went to exactly one
// recipient, who got the link-based experience. (AME is checked by
// SenderRevokeMessage.)
func CanSenderRevoke(m *Message, sender string) bool {
	return m.Encrypted && strings.EqualFold(strings.TrimSpace(sender), m.Sender) &&
		len(m.Recipients) == 1 && m.Recipients[0].External() && m.Recipients[0].Experience == ExperienceLinkBased
}

func notRevocableReason(m *Message) string {
	switch {
	case !m.Encrypted:
		return "the message isn't encrypted"
	case len(m.Recipients) > 0 && func() bool {
		for _, r := range m.Recipients {
			if r.External() {
				return false
			}
		}
		return true
	}():
		return "all recipients are inside the organization"
	default:
		return "every recipient received the message inline"
	}
}

// RevokeMessage revokes an encrypted message as `by` (RevokedByAdmin or
// RevokedBySender; empty means Admin); revoker is the account that does it.
// Errors: *MessageNotFoundError, *NoAMELicenseError, *NotRevocableError;
// nothing changes on error. Revoking an already revoked message succeeds
// without changes.
func RevokeMessage(tx *store.Tx, messageID, by, revoker string) error {
	_, err := revokeMessage(tx, messageID, by, revoker)
	return err
}

func revokeMessage(tx *store.Tx, messageID, by, revoker string) (*Message, error) {
	switch by {
	case "":
		by = RevokedByAdmin
	case RevokedByAdmin, RevokedBySender:
	default:
		return nil, &store.ValidationError{Field: "by", Message: "must be Admin or Sender"}
	}
	m, err := GetMessage(tx, messageID)
	if err != nil {
		return nil, err
	}
	ame, err := directory.HasAdvancedMessageEncryption(tx)
	if err != nil {
		return nil, err
	}
	if !ame {
		return m, &NoAMELicenseError{Feature: "Message revocation"}
	}
	if !Revocable(m, ame) {
		return m, &NotRevocableError{MessageID: m.MessageID, Reason: notRevocableReason(m)}
	}
	if m.Revoked {
		return m, nil
	}
	now := tx.Now()
	m.Revoked = true
	m.RevokedAt = &now
	m.RevokedBy, m.Revoker = by, strings.TrimSpace(revoker)
	return m, PutMessage(tx, m)
}

// SenderRevokeMessage is the sender's "Remove external access" action in
// Outlook on the web.
func SenderRevokeMessage(tx *store.Tx, messageID, sender string) error {
	m, err := GetMessage(tx, messageID)
	if err != nil {
		return err
	}
	if ame, err := directory.HasAdvancedMessageEncryption(tx); err != nil {
		return err
	} else if !ame {
		return &NoAMELicenseError{Feature: "Message revocation"}
	}
	if !CanSenderRevoke(m, sender) {
		return &NotRevocableError{MessageID: m.MessageID,
			Reason: "only the sender can revoke it, and only when it went to exactly one recipient who got the link-based experience"}
	}
	return RevokeMessage(tx, m.MessageID, RevokedBySender, m.Sender)
}

// RevocationOutcome tells the cmdlet layer what SetMessageRevocation did.
type RevocationOutcome int

// Revocation outcomes.
const (
	// RevocationDone: the message is now revoked.
	RevocationDone RevocationOutcome = iota
	// RevocationAlreadyRevoked: -Revoke $true on a revoked message.
	RevocationAlreadyRevoked
	// RevocationUnrevokeIgnored: -Revoke $false on a revoked message; it
	// stays revoked and the cmdlet should warn.
	RevocationUnrevokeIgnored
	// RevocationNoChange: -Revoke $false on a message that isn't revoked.
	RevocationNoChange
)

// SetMessageRevocation implements Set-OMEMessageRevocation -Revoke <bool>
// run by the administrator admin: $true revokes as Admin (errors as
// RevokeMessage); $false never un-revokes.
func SetMessageRevocation(tx *store.Tx, messageID string, revoke bool, admin string) (RevocationOutcome, *Message, error) {
	if !revoke {
		m, err := GetMessage(tx, messageID)
		if err != nil {
			return RevocationNoChange, nil, err
		}
		if m.Revoked {
			return RevocationUnrevokeIgnored, m, nil
		}
		return RevocationNoChange, m, nil
	}
	before, err := GetMessage(tx, messageID)
	if err != nil {
		return RevocationNoChange, nil, err
	}
	was := before.Revoked
	m, err := revokeMessage(tx, messageID, RevokedByAdmin, admin)
	if err != nil {
		return RevocationNoChange, m, err
	}
	if was {
		return RevocationAlreadyRevoked, m, nil
	}
	return RevocationDone, m, nil
}

// PortalView returns what the recipient at address sees when opening m in
// the OME portal at now: PortalRevokedText, PortalExpiredText, or "" when
// the message opens normally. Inline recipients are never affected.
func PortalView(m *Message, address string, now time.Time) string {
	for _, r := range m.Recipients {
		if !strings.EqualFold(r.Address, strings.TrimSpace(address)) {
			continue
		}
		if !m.Encrypted || !r.External() || r.Experience != ExperienceLinkBased {
			return ""
		}
		if m.Revoked {
			return PortalRevokedText
		}
		if m.IsExpired(now) {
			return PortalExpiredText
		}
	}
	return ""
}
