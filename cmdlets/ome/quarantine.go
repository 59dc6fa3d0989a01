package ome

import (
	"encoding/base64"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// TypeQuarantineMessage is the output type of Get-QuarantineMessage.
const TypeQuarantineMessage = "Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantineMessage"

// The quarantine facts of a message a mail flow rule quarantined: its
// Type and QuarantineTypes are TransportRule, its PolicyType is
// ExchangeTransportRule and its PolicyName the rule's name.
const (
	quarantineTypeRule = "TransportRule"
	policyTypeRule     = "ExchangeTransportRule"
)

func quarantineCommands() []*command.Command {
	get := exo.Declared("Get-QuarantineMessage")
	get.Synopsis = "Lists the messages in the hosted quarantine: the simulated mail flow quarantines the messages a mail flow rule with -Quarantine $true matches."
	get.Description = "Messages stay in quarantine for 30 days from when they were received (the simulated clock); expired messages are no longer listed. Results are newest first, 100 to a page by default."
	get.OutputType = TypeQuarantineMessage
	exo.Describe(get, map[string]string{
		"Identity":          "The quarantine identity, <guid>\\<guid>, as Get-QuarantineMessage shows it.",
		"MessageId":         "The Message-ID, angle brackets included.",
		"RecipientAddress":  "Only messages sent to one of these addresses.",
		"SenderAddress":     "Only messages from one of these addresses.",
		"StartReceivedDate": "Only messages received at or after this time.",
		"EndReceivedDate":   "Only messages received at or before this time.",
		"QuarantineTypes":   "Only messages quarantined for one of these reasons (TransportRule for a mail flow rule).",
		"Type":              "Only messages quarantined for this reason.",
		"Direction":         "Inbound or Outbound.",
		"PolicyName":        "Only messages quarantined by this policy or mail flow rule.",
		"PolicyTypes":       "Only messages quarantined by these kinds of policy (ExchangeTransportRule for a mail flow rule).",
		"ReleaseStatus":     "Only messages with one of these release statuses (NotReleased, Released).",
		"Subject":           "Only messages whose subject contains this text.",
		"Page":              "The page of results to show (default 1).",
		"PageSize":          "How many results make a page (1 to 1000, default 100).",
	})
	get.Handler.Process = getQuarantineMessage

	rel := exo.Declared("Release-QuarantineMessage")
	rel.Synopsis = "Releases a quarantined message to its recipients: it is delivered and message trace shows the delivery."
	rel.OutputType = ""
	exo.Describe(rel, map[string]string{
		"Identity":            "The quarantine identity of the message.",
		"Identities":          "Several quarantine identities at once.",
		"ReleaseToAll":        "Releases the message to every original recipient.",
		"User":                "Releases the message to these recipients only.",
		"Force":               "Releases without asking for confirmation.",
		"AllowSender":         "Asks that the sender's future messages not be quarantined; a mail flow rule (the only quarantine the tenant simulates) still quarantines them, so the release warns.",
		"ReportFalsePositive": "Reports the message to Microsoft as a false positive; only quarantined spam can be reported, so a message a mail flow rule held is refused.",
	})
	rel.Handler.Process = releaseQuarantineMessage

	del := exo.Declared("Delete-QuarantineMessage")
	del.Synopsis = "Deletes a message from the hosted quarantine; it is never delivered."
	exo.Describe(del, map[string]string{
		"Identity":   "The quarantine identity of the message.",
		"Identities": "Several quarantine identities at once.",
	})
	del.Handler.Process = deleteQuarantineMessage
	// Get-QuarantineMessage | Release-QuarantineMessage -ReleaseToAll (an
	// example of the cmdlet's reference page) binds -Identity from the
	// piped object's Identity property, not the object itself.
	for _, c := range []*command.Command{rel, del} {
		p := exo.DeclaredParam(c, "Identity")
		for i := range p.Sets {
			p.Sets[i].FromPipelineByName = true
			p.Sets[i].FromPipeline = false
		}
	}
	return []*command.Command{
		exo.Partial(get, "Identity", "MessageId", "RecipientAddress", "SenderAddress", "StartReceivedDate", "EndReceivedDate",
			"QuarantineTypes", "Type", "Direction", "PolicyName", "PolicyTypes", "ReleaseStatus", "Subject", "Page", "PageSize"),
		exo.Partial(rel, "Identity", "Identities", "ReleaseToAll", "User", "Force", "AllowSender", "ReportFalsePositive"),
		exo.Partial(del, "Identity", "Identities"),
	}
}

// anyFold reports whether v equals one of list, ignoring case; an empty
// list matches everything.
func anyFold(list []string, v ...string) bool {
	if len(list) == 0 {
		return true
	}
	for _, l := range list {
		for _, x := range v {
			if strings.EqualFold(strings.TrimSpace(l), x) {
				return true
			}
		}
	}
	return false
}

func recipientAddresses(m *ome.Message) []string {
	var out []string
	for _, r := range m.Recipients {
		out = append(out, r.Address)
	}
	return out
}

func getQuarantineMessage(ctx *command.Context) error {
	page, size := 1, 100
	if ctx.Has("Page") {
		page = ctx.Int("Page")
	}
	if ctx.Has("PageSize") {
		size = ctx.Int("PageSize")
	}
	if page < 1 {
		return ctx.WriteError(exo.Invalid(ctx, "The Page value must be 1 or greater.", page))
	}
	if size < 1 || size > 1000 {
		return ctx.WriteError(exo.Invalid(ctx, "The PageSize value must be between 1 and 1000.", size))
	}
	id := strings.TrimSpace(ctx.String("Identity"))
	start, hasStart := ctx.Time("StartReceivedDate")
	end, hasEnd := ctx.Time("EndReceivedDate")
	types := ctx.Strings("QuarantineTypes")
	if ctx.Has("Type") {
		types = append(types, ctx.String("Type"))
	}
	var out []*object.PSObject
	done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		all, err := ome.QuarantinedMessages(tx)
		if err != nil {
			return nil, err
		}
		var hits []*ome.Message
		for i := len(all) - 1; i >= 0; i-- { // newest first
			m := all[i]
			q := m.Quarantine
			switch {
			case id != "" && !strings.EqualFold(q.Identity, id):
			case ctx.Has("MessageId") && strings.TrimSpace(ctx.String("MessageId")) != m.MessageID:
			case !anyFold(ctx.Strings("RecipientAddress"), recipientAddresses(m)...):
			case !anyFold(ctx.Strings("SenderAddress"), m.Sender):
			case hasStart && q.Received.Before(start.UTC()):
			case hasEnd && q.Received.After(end.UTC()):
			case !anyFold(types, quarantineTypeRule):
			case ctx.Has("Direction") && !strings.EqualFold(ctx.String("Direction"), m.Direction(org)):
			case ctx.Has("PolicyName") && !strings.EqualFold(strings.TrimSpace(ctx.String("PolicyName")), q.PolicyName):
			case !anyFold(ctx.Strings("PolicyTypes"), policyTypeRule):
			case !anyFold(ctx.Strings("ReleaseStatus"), q.ReleaseStatus()):
			case ctx.Has("Subject") && !strings.Contains(strings.ToLower(m.Subject), strings.ToLower(ctx.String("Subject"))):
			default:
				hits = append(hits, m)
			}
		}
		if id != "" && len(hits) == 0 {
			return exo.NotFound(ctx, id), nil
		}
		from := (page - 1) * size
		for i := from; i < len(hits) && i < from+size; i++ {
			out = append(out, quarantineObject(hits[i], org))
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	for _, o := range out {
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

func quarantineObject(m *ome.Message, org *directory.Organization) *object.PSObject {
	q := m.Quarantine
	o := object.NewObject(TypeQuarantineMessage, "Deserialized.System.Object")
	o.AddTyped("Identity", "System.String", q.Identity)
	o.AddTyped("ReceivedTime", "System.DateTime", q.Received.UTC())
	o.AddTyped("Organization", "System.String", exo.GuidValue(org.Guid))
	o.AddTyped("MessageId", "System.String", m.MessageID)
	o.AddTyped("SenderAddress", "System.String", m.Sender)
	o.AddTyped("RecipientAddress", "System.String[]", toAny(recipientAddresses(m)))
	o.AddTyped("Subject", "System.String", m.Subject)
	o.AddTyped("Size", "System.Int32", int(m.Size))
	o.AddTyped("Type", "System.String", "Transport rule")
	o.AddTyped("PolicyType", "System.String", policyTypeRule)
	o.AddTyped("PolicyName", "System.String", q.PolicyName)
	o.AddTyped("Direction", "System.String", m.Direction(org))
	o.AddTyped("Expires", "System.DateTime", q.Expires.UTC())
	o.AddTyped("RecipientCount", "System.Int32", len(m.Recipients))
	o.AddTyped("QuarantineTypes", "System.String", quarantineTypeRule)
	o.AddTyped("Reported", "System.Boolean", false)
	o.AddTyped("Released", "System.Boolean", q.Released)
	o.AddTyped("ReleasedUser", "System.String[]", toAny(q.ReleasedUsers))
	o.AddTyped("ReleaseStatus", "System.String", q.ReleaseStatus())
	return o
}

func toAny(ss []string) []any {
	out := make([]any, 0, len(ss))
	for _, s := range ss {
		out = append(out, s)
	}
	return out
}

// quarantineIdentities returns the identities a release, delete or
// export names: those of -Identities when the call has it (the reference
// pages say -Identity is then ignored), else -Identity.
func quarantineIdentities(ctx *command.Context) []string {
	var ids []string
	for _, s := range ctx.Strings("Identities") {
		ids = append(ids, strings.TrimSpace(s))
	}
	if len(ids) == 0 && ctx.Has("Identity") {
		ids = append(ids, strings.TrimSpace(ctx.String("Identity")))
	}
	return ids
}

// findQuarantined returns the quarantined message with the identity, or
// nil when none is in quarantine at the simulated now.
func findQuarantined(tx *store.Tx, id string) (*ome.Message, error) {
	all, err := ome.QuarantinedMessages(tx)
	if err != nil {
		return nil, err
	}
	for _, m := range all {
		if strings.EqualFold(m.Quarantine.Identity, id) {
			return m, nil
		}
	}
	return nil, nil
}

func releaseQuarantineMessage(ctx *command.Context) error {
	users := ctx.Strings("User")
	if !ctx.Switch("ReleaseToAll") && len(users) == 0 {
		return ctx.WriteError(exo.Invalid(ctx, "Specify either the ReleaseToAll parameter or the User parameter.", nil))
	}
	for _, id := range quarantineIdentities(ctx) {
		if !ctx.Switch("Force") {
			ok, err := ctx.ShouldProcessWith("Releasing quarantined message \""+id+"\".", id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
		}
		var held *ome.Message
		_, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			held = nil
			m, err := findQuarantined(tx, id)
			if err != nil {
				return nil, err
			}
			if m == nil {
				return exo.NotFound(ctx, id), nil
			}
			if ctx.Switch("ReleaseToAll") {
				users = nil
			}
			for _, u := range users {
				if !anyFold(recipientAddresses(m), strings.TrimSpace(u)) {
					return exo.Invalid(ctx, "'"+u+"' isn't a recipient of the quarantined message '"+id+"'.", u), nil
				}
			}
			if m.Quarantine.Released || (len(users) > 0 && allReleased(m.Quarantine, users)) {
				return exo.InvalidOperation(ctx, "The message '"+id+"' has already been released.", id), nil
			}
			if ctx.Switch("ReportFalsePositive") {
				return exo.InvalidOperation(ctx, "The message '"+id+"' can't be reported as a false positive: only quarantined spam can be reported, and a mail flow rule quarantined this message.", id), nil
			}
			held = m
			return nil, ome.ReleaseQuarantined(tx, m, users)
		})
		if err != nil {
			return err
		}
		if held != nil && ctx.Switch("AllowSender") {
			ctx.WriteWarning(allowSenderWarning(held))
		}
	}
	return nil
}

// allowSenderWarning says that -AllowSender does not stop a mail flow
// rule: the reference page of Release-QuarantineMessage says messages a
// transport rule quarantined can still be quarantined in the future.
func allowSenderWarning(m *ome.Message) string {
	return "The sender '" + m.Sender + "' is allowed, but the message was quarantined by the mail flow rule '" + m.Quarantine.PolicyName +
		"', which still quarantines the sender's messages that it matches."
}

func allReleased(q *ome.Quarantine, users []string) bool {
	for _, u := range users {
		if !q.ReleasedTo(strings.TrimSpace(u)) {
			return false
		}
	}
	return true
}

func deleteQuarantineMessage(ctx *command.Context) error {
	for _, id := range quarantineIdentities(ctx) {
		ok, err := ctx.ShouldProcessWith("Deleting quarantined message \""+id+"\".", id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		_, err = exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			m, err := findQuarantined(tx, id)
			if err != nil {
				return nil, err
			}
			if m == nil {
				return exo.NotFound(ctx, id), nil
			}
			// A deleted message leaves quarantine for good: it expires now.
			m.Quarantine.Expires = tx.Now()
			return nil, ome.PutMessage(tx, m)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func quarantineViews(r *format.Registry) {
	r.Add(&format.View{
		Name:      "QuarantineMessage",
		TypeNames: []string{TypeQuarantineMessage},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "ReceivedTime", Property: "ReceivedTime"},
			{Label: "Type", Property: "Type"},
			{Label: "Direction", Property: "Direction"},
			{Label: "SenderAddress", Property: "SenderAddress"},
			{Label: "Subject", Property: "Subject"},
			{Label: "ReleaseStatus", Property: "ReleaseStatus"},
		},
	})
}

// TypeQuarantineHeader and TypeQuarantinePreview are the output types of
// Get-QuarantineMessageHeader and Preview-QuarantineMessage.
const (
	TypeQuarantineHeader  = "Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantineMessageHeader"
	TypeQuarantinePreview = "Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantinePreviewMessage"
)

func quarantineViewCommands() []*command.Command {
	hdr := exo.Declared("Get-QuarantineMessageHeader")
	hdr.Synopsis = "Shows the message header of a quarantined message."
	hdr.OutputType = TypeQuarantineHeader
	exo.Describe(hdr, map[string]string{"Identity": "The quarantine identity of the message."})
	hdr.Handler.Process = func(ctx *command.Context) error {
		return viewQuarantined(ctx, func(m *ome.Message) *object.PSObject {
			o := object.NewObject(TypeQuarantineHeader, "Deserialized.System.Object")
			o.AddTyped("Identity", "System.String", m.Quarantine.Identity)
			o.AddTyped("Header", "System.String", quarantineHeader(m))
			return o
		})
	}
	prev := exo.Declared("Preview-QuarantineMessage")
	prev.Synopsis = "Shows the contents of a quarantined message without releasing it."
	prev.OutputType = TypeQuarantinePreview
	exo.Describe(prev, map[string]string{"Identity": "The quarantine identity of the message."})
	prev.Handler.Process = func(ctx *command.Context) error {
		return viewQuarantined(ctx, func(m *ome.Message) *object.PSObject {
			o := object.NewObject(TypeQuarantinePreview, "Deserialized.System.Object")
			o.AddTyped("Identity", "System.String", m.Quarantine.Identity)
			o.AddTyped("ReceivedTime", "System.DateTime", m.Quarantine.Received.UTC())
			o.AddTyped("SenderAddress", "System.String", m.Sender)
			o.AddTyped("RecipientAddress", "System.String[]", toAny(recipientAddresses(m)))
			o.AddTyped("Subject", "System.String", m.Subject)
			o.AddTyped("Body", "System.String", m.Body)
			o.AddTyped("IsHtml", "System.Boolean", false)
			return o
		})
	}
	exp := exo.Declared("Export-QuarantineMessage")
	exp.Synopsis = "Exports a quarantined message as an .eml message: its Eml property is the message in Base64 (BodyEncoding says so)."
	exp.Description = "The message stays in quarantine. -ReasonForExport is accepted and changes nothing in the export; -ForceConversionToMime changes nothing, as the message is already MIME in Base64. " +
		"Password protection and compressed output are not simulated."
	exp.OutputType = TypeQuarantineExport
	exp.Examples = []command.Example{{
		Code: `$null = New-TransportRule "Hold external mail" -FromScope NotInOrganization -Quarantine $true; $null = Send-SimMessage -From eve@fabrikam.com -To annb@contoso.com -Subject "Invoice overdue"; ` +
			`$e = Get-QuarantineMessage -Subject "Invoice overdue" | Export-QuarantineMessage; [System.Text.Encoding]::ASCII.GetString([System.Convert]::FromBase64String($e.Eml))`,
		Remark: "Quarantines a message, then exports it and shows the .eml text.",
	}}
	exo.Describe(exp, map[string]string{
		"Identity":              "The quarantine identity of the message (ignored with -Identities).",
		"Identities":            "Several quarantine identities at once.",
		"ReasonForExport":       "Why the message is exported (accepted; the export is the same).",
		"ForceConversionToMime": "Converts a plain-text message to MIME; the simulated messages already are MIME in Base64, so it changes nothing.",
	})
	exp.Handler.Process = exportQuarantineMessage
	for _, c := range []*command.Command{hdr, prev, exp} {
		p := exo.DeclaredParam(c, "Identity")
		for i := range p.Sets {
			p.Sets[i].FromPipelineByName = true
			p.Sets[i].FromPipeline = false
		}
	}
	return []*command.Command{exo.Partial(hdr, "Identity"), exo.Partial(prev, "Identity"),
		exo.Partial(exp, "Identity", "Identities", "ReasonForExport", "ForceConversionToMime")}
}

// TypeQuarantineExport is the output type of Export-QuarantineMessage.
const TypeQuarantineExport = "Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantineMessageExport"

// exportQuarantineMessage writes, for each quarantined message the call
// names, its .eml text (header, blank line, body) in Base64.
func exportQuarantineMessage(ctx *command.Context) error {
	for _, id := range quarantineIdentities(ctx) {
		err := viewQuarantinedID(ctx, id, func(m *ome.Message) *object.PSObject {
			eml := quarantineHeader(m) + "\r\n" + strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
			o := object.NewObject(TypeQuarantineExport, "Deserialized.System.Object")
			o.AddTyped("Identity", "System.String", m.Quarantine.Identity)
			o.AddTyped("Eml", "System.String", base64.StdEncoding.EncodeToString([]byte(eml)))
			o.AddTyped("BodyEncoding", "System.String", "Base64")
			return o
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// viewQuarantined writes what show makes of the quarantined message
// -Identity names, or the not-found error.
func viewQuarantined(ctx *command.Context, show func(*ome.Message) *object.PSObject) error {
	return viewQuarantinedID(ctx, strings.TrimSpace(ctx.String("Identity")), show)
}

// viewQuarantinedID writes what show makes of the quarantined message
// with the identity id, or the not-found error.
func viewQuarantinedID(ctx *command.Context, id string, show func(*ome.Message) *object.PSObject) error {
	var o *object.PSObject
	done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, err := findQuarantined(tx, id)
		if err != nil {
			return nil, err
		}
		if m == nil {
			return exo.NotFound(ctx, id), nil
		}
		o = show(m)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(o)
}

// quarantineHeader is the RFC 5322 header of a quarantined message as
// the simulated mail flow received it (CRLF-separated fields).
func quarantineHeader(m *ome.Message) string {
	var to []string
	for _, r := range m.Recipients {
		to = append(to, "<"+r.Address+">")
	}
	lines := []string{
		"Received: from mail." + directory.DomainOf(m.Sender) + " (" + m.FromIP + ") by " +
			strings.ToLower(ome.DefaultMessageServer) + ".namprd06.prod.outlook.com with Microsoft SMTP Server; " + m.SentTime.UTC().Format("Mon, 2 Jan 2006 15:04:05 +0000"),
		"From: <" + m.Sender + ">",
		"To: " + strings.Join(to, ", "),
		"Subject: " + m.Subject,
		"Date: " + m.SentTime.UTC().Format("Mon, 2 Jan 2006 15:04:05 +0000"),
		"Message-ID: " + m.MessageID,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=\"us-ascii\"",
		"X-MS-Exchange-Organization-Network-Message-Id: " + m.MessageTraceID,
		"X-MS-Exchange-Organization-Transport-Rules: " + m.Quarantine.PolicyName,
		"X-MS-Exchange-Organization-Quarantine: TransportRule",
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}
