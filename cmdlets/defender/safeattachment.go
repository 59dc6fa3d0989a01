package defender

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
)

// safeAttachmentsContainer is the container of the Safe Attachments
// policies.
const safeAttachmentsContainer = "CN=SafeAttachments,CN=Transport Settings"

// safeAttachments is the kind of Safe Attachments policies.
var safeAttachments = policyKind[*defender.SafeAttachmentPolicy]{
	words: "Safe Attachments policy", container: safeAttachmentsContainer,
	list:    defender.SafeAttachmentPolicies,
	keys:    func(p *defender.SafeAttachmentPolicy) (string, string) { return p.Name, p.Guid },
	builtIn: func(p *defender.SafeAttachmentPolicy) bool { return p.BuiltIn },
	object:  safeAttachmentObject,
	fresh:   defender.NewSafeAttachment,
	clone: func(p *defender.SafeAttachmentPolicy) *defender.SafeAttachmentPolicy {
		c := *p
		return &c
	},
	storeCreate: defender.CreateSafeAttachment, storePut: defender.PutSafeAttachment, storeRemove: defender.RemoveSafeAttachment,
	read: readSafeAttachment,
}

func safeAttachmentCommands() []*command.Command {
	help := map[string]string{
		"Identity":              "The Safe Attachments policy: its name, distinguished name or GUID.",
		"Action":                "What happens to a message whose attachment is malware, when Enable is $true: Block (default), Allow (deliver, monitor) or DynamicDelivery.",
		"AdminDisplayName":      "A description of the policy (up to 256 characters).",
		"Enable":                "Whether attachments are scanned ($false by default for a new policy).",
		"QuarantineTag":         "The quarantine policy of the messages quarantined as malware (AdminOnlyAccessPolicy by default).",
		"Redirect":              "Whether messages with malware attachments go to RedirectAddress (with Action Allow).",
		"RedirectAddress":       "The address messages with malware attachments are sent to when Redirect is $true.",
		"Name":                  "A unique name for the policy (up to 64 characters).",
		"MakeBuiltInProtection": "Used by the built-in protection preset: accepted, not for administrators.",
		"RecommendedPolicyType": "Used by the preset security policies: Custom (default), Standard or Strict.",
	}
	get := exo.Declared("Get-SafeAttachmentPolicy")
	get.Synopsis = "Lists the Safe Attachments policies: the Built-In Protection Policy and those administrators or the preset security policies created."
	get.OutputType = TypeSafeAttachmentPolicy
	get.Examples = []command.Example{{Code: "Get-SafeAttachmentPolicy | Format-Table Name,Enable,Action,QuarantineTag", Remark: "Whether each policy scans attachments and what it does with malware."}}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = safeAttachments.get

	nw := exo.Declared("New-SafeAttachmentPolicy")
	nw.Synopsis = "Creates a Safe Attachments policy; a rule (New-SafeAttachmentRule) applies it to recipients."
	nw.OutputType = TypeSafeAttachmentPolicy
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-SafeAttachmentPolicy -Name "Marketing Block Attachments" -Enable $true -Action Block`,
		Remark: "Creates a policy that blocks messages with malware attachments."}}
	exo.DescribeDeclared(nw, help, "Identity")
	nw.Handler.Process = safeAttachments.create

	set := exo.Declared("Set-SafeAttachmentPolicy")
	set.Synopsis = "Changes a Safe Attachments policy, the built-in one included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `Set-SafeAttachmentPolicy "Built-In Protection Policy" -Action DynamicDelivery`, Remark: "Delivers messages at once, attachments once scanned."}}
	exo.DescribeDeclared(set, help, "Name", "MakeBuiltInProtection", "RecommendedPolicyType")
	set.Handler.Process = safeAttachments.set

	remove := exo.Declared("Remove-SafeAttachmentPolicy")
	remove.Synopsis = "Removes a Safe Attachments policy that is not the built-in one; a rule that applied it stays."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"], "Force": "Removes without asking."})
	remove.Handler.Process = safeAttachments.removePolicy
	return []*command.Command{get, nw, set, remove}
}

// safeAttachmentObject is the Get-SafeAttachmentPolicy object of a
// policy, its properties in Exchange Online's order.
func safeAttachmentObject(o *directory.Organization, p *defender.SafeAttachmentPolicy) *object.PSObject {
	obj := exo.HygieneObject(TypeSafeAttachmentPolicy)
	obj.AddTyped("Action", tStr, p.Action)
	obj.AddTyped("QuarantineTag", tStr, p.QuarantineTag)
	obj.AddTyped("Redirect", tBool, p.Redirect)
	obj.AddTyped("RedirectAddress", tStr, exo.NilIfEmpty(p.RedirectAddress))
	obj.AddTyped("Enable", tBool, p.Enable)
	obj.AddTyped("IsDefault", tBool, false)
	obj.AddTyped("IsBuiltInProtection", tBool, p.BuiltIn)
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	obj.AddTyped("RecommendedPolicyType", tStr, p.RecommendedPolicyType)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: p.Name, Guid: p.Guid, Container: safeAttachmentsContainer,
		Category: "ms-Exch-Safe-Attachment-Policy", Class: "msExchSafeAttachmentPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

type sa = *defender.SafeAttachmentPolicy

// readSafeAttachment reads the call's Safe Attachments settings.
func readSafeAttachment(ctx *command.Context) ([]edit[sa], error) {
	edits := boolEdits(ctx, []boolField[sa]{
		{"Enable", func(p sa) *bool { return &p.Enable }},
		{"Redirect", func(p sa) *bool { return &p.Redirect }},
	})
	e, err := textEdit(ctx, "AdminDisplayName", defender.MaxAdminDisplayNameLength, func(p sa) *string { return &p.AdminDisplayName })
	if err != nil {
		return nil, err
	}
	edits = append(edits, e...)
	for _, n := range []struct {
		param, typ string
		values     []string
		field      func(sa) *string
	}{
		{"Action", "Microsoft.Exchange.Data.Directory.Management.SafeAttachmentAction", defender.SafeAttachmentActions, func(p sa) *string { return &p.Action }},
		{"RecommendedPolicyType", recommendedType, defender.RecommendedPolicyTypes, func(p sa) *string { return &p.RecommendedPolicyType }},
	} {
		e, err := enumEdit(ctx, n.param, n.typ, n.values, n.field)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e...)
	}
	if ctx.Has("RedirectAddress") {
		v := strings.TrimSpace(ctx.String("RedirectAddress"))
		if v != "" && (strings.LastIndexByte(v, '@') <= 0 || !junkemail.ValidEntry(v)) {
			return nil, ctx.Fail(exo.Error(ctx, exBinding, "Cannot process argument transformation on parameter 'RedirectAddress'. Cannot convert value \""+v+
				"\" to type \"Microsoft.Exchange.Data.SmtpAddress\". Error: \"The address '"+v+"' is not a valid SMTP address.\"", object.InvalidArgument, v))
		}
		edits = append(edits, func(_ *store.Tx, p sa) *object.ErrorRecord { p.RedirectAddress = v; return nil })
	}
	if ctx.Has("QuarantineTag") {
		given := strings.TrimSpace(ctx.String("QuarantineTag"))
		edits = append(edits, func(tx *store.Tx, p sa) *object.ErrorRecord {
			q, err := as.FindQuarantine(tx, given)
			if err != nil || q == nil {
				return exo.RecipientNotFound(ctx, given)
			}
			p.QuarantineTag = q.Name
			return nil
		})
	}
	return edits, nil
}
