package defender

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
)

// recommendedType is the .NET type of RecommendedPolicyType.
const recommendedType = "Microsoft.Exchange.Data.Directory.Management.RecommendedPolicyType"

// safeLinksContainer is the container of the Safe Links policies.
const safeLinksContainer = "CN=SafeLinks,CN=Transport Settings"

// safeLinks is the kind of Safe Links policies.
var safeLinks = policyKind[*defender.SafeLinksPolicy]{
	words: "Safe Links policy", container: safeLinksContainer,
	list:    defender.SafeLinksPolicies,
	keys:    func(p *defender.SafeLinksPolicy) (string, string) { return p.Name, p.Guid },
	builtIn: func(p *defender.SafeLinksPolicy) bool { return p.BuiltIn },
	object:  safeLinksObject,
	fresh:   defender.NewSafeLinks,
	clone: func(p *defender.SafeLinksPolicy) *defender.SafeLinksPolicy {
		c := *p
		c.DoNotRewriteUrls = append([]string(nil), p.DoNotRewriteUrls...)
		c.LocalizedNotificationText = append([]string(nil), p.LocalizedNotificationText...)
		return &c
	},
	storeCreate: defender.CreateSafeLinks, storePut: defender.PutSafeLinks, storeRemove: defender.RemoveSafeLinks,
	read: readSafeLinks,
}

func safeLinksCommands() []*command.Command {
	help := map[string]string{
		"Identity":                      "The Safe Links policy: its name, distinguished name or GUID.",
		"AdminDisplayName":              "A description of the policy (up to 256 characters).",
		"AllowClickThrough":             "Whether users may click through a warning page to the original URL ($false by default).",
		"CustomNotificationText":        "The text of the notification shown to users (up to 255 characters).",
		"DeliverMessageAfterScan":       "Whether messages are delivered only after their links were scanned ($true by default).",
		"DisableUrlRewrite":             "Whether URLs in messages are left as they are, checked through the Safe Links API only ($false by default).",
		"DoNotRewriteUrls":              "URLs not rewritten (a list replaces them, @{Add=...;Remove=...} changes them).",
		"EnableForInternalSenders":      "Whether the policy applies to messages between internal senders and recipients ($true by default).",
		"EnableOrganizationBranding":    "Whether the organization's logo is shown on warning and notification pages.",
		"EnableSafeLinksForEmail":       "Safe Links for email messages ($true by default).",
		"EnableSafeLinksForOffice":      "Safe Links in Office apps ($true by default).",
		"EnableSafeLinksForTeams":       "Safe Links in Microsoft Teams ($true by default).",
		"LocalizedNotificationTextList": "Notification texts by language: @{en='...'; fr='...'}.",
		"ScanUrls":                      "Real-time scanning of clicked links, links to files included ($true by default).",
		"TrackClicks":                   "Whether user clicks are tracked ($true by default).",
		"UseTranslatedNotificationText": "Whether the custom notification text is translated to the user's language.",
		"Name":                          "A unique name for the policy (up to 64 characters).",
		"MakeBuiltInProtection":         "Used by the built-in protection preset: accepted, not for administrators.",
		"RecommendedPolicyType":         "Used by the preset security policies: Custom (default), Standard or Strict.",
	}
	get := exo.Declared("Get-SafeLinksPolicy")
	get.Synopsis = "Lists the Safe Links policies: the Built-In Protection Policy and those administrators or the preset security policies created."
	get.OutputType = TypeSafeLinksPolicy
	get.Examples = []command.Example{
		{Code: "Get-SafeLinksPolicy | Format-Table Name,EnableSafe*", Remark: "Where each policy checks links."},
		{Code: `Get-SafeLinksPolicy "Built-In Protection Policy" | Format-List AllowClickThrough,TrackClicks,ScanUrls`, Remark: "How the built-in policy handles clicks."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = safeLinks.get

	nw := exo.Declared("New-SafeLinksPolicy")
	nw.Synopsis = "Creates a Safe Links policy; a rule (New-SafeLinksRule) applies it to recipients."
	nw.OutputType = TypeSafeLinksPolicy
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-SafeLinksPolicy -Name "Marketing Block URL" -EnableSafeLinksForEmail $true -AllowClickThrough $false`,
		Remark: "Creates a policy that checks links in email and lets no one click through."}}
	exo.DescribeDeclared(nw, help, "Identity", "LocalizedNotificationTextList")
	nw.Handler.Process = safeLinks.create

	set := exo.Declared("Set-SafeLinksPolicy")
	set.Synopsis = "Changes a Safe Links policy, the built-in one included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `Set-SafeLinksPolicy "Built-In Protection Policy" -AllowClickThrough $false`, Remark: "Lets no one click through a warning page."}}
	exo.DescribeDeclared(set, help, "Name", "MakeBuiltInProtection", "RecommendedPolicyType")
	set.Handler.Process = safeLinks.set

	remove := exo.Declared("Remove-SafeLinksPolicy")
	remove.Synopsis = "Removes a Safe Links policy that is not the built-in one; a rule that applied it stays."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"], "Force": "Removes without asking."})
	remove.Handler.Process = safeLinks.removePolicy
	return []*command.Command{get, nw, set, remove}
}

// safeLinksObject is the Get-SafeLinksPolicy object of a policy, its
// properties in Exchange Online's order.
func safeLinksObject(o *directory.Organization, p *defender.SafeLinksPolicy) *object.PSObject {
	obj := exo.HygieneObject(TypeSafeLinksPolicy)
	obj.AddTyped("EnableSafeLinksForEmail", tBool, p.EnableSafeLinksForEmail)
	obj.AddTyped("EnableSafeLinksForTeams", tBool, p.EnableSafeLinksForTeams)
	obj.AddTyped("EnableSafeLinksForOffice", tBool, p.EnableSafeLinksForOffice)
	obj.AddTyped("TrackClicks", tBool, p.TrackClicks)
	obj.AddTyped("AllowClickThrough", tBool, p.AllowClickThrough)
	obj.AddTyped("ScanUrls", tBool, p.ScanUrls)
	obj.AddTyped("EnableForInternalSenders", tBool, p.EnableForInternalSenders)
	obj.AddTyped("DeliverMessageAfterScan", tBool, p.DeliverMessageAfterScan)
	obj.AddTyped("DisableUrlRewrite", tBool, p.DisableUrlRewrite)
	obj.AddTyped("DoNotRewriteUrls", exo.TypeMultiValued, exo.MultiValued(p.DoNotRewriteUrls))
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	obj.AddTyped("CustomNotificationText", tStr, p.CustomNotificationText)
	obj.AddTyped("EnableOrganizationBranding", tBool, p.EnableOrganizationBranding)
	obj.AddTyped("UseTranslatedNotificationText", tBool, p.UseTranslatedNotificationText)
	obj.AddTyped("LocalizedNotificationTextList", exo.TypeMultiValued, exo.MultiValued(p.LocalizedNotificationText))
	obj.AddTyped("IsBuiltInProtection", tBool, p.BuiltIn)
	obj.AddTyped("RecommendedPolicyType", tStr, p.RecommendedPolicyType)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: p.Name, Guid: p.Guid, Container: safeLinksContainer,
		Category: "ms-Exch-Safe-Links-Policy", Class: "msExchSafeLinksPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

type safeLinksEdit = edit[*defender.SafeLinksPolicy]

// readSafeLinks reads the call's Safe Links settings.
func readSafeLinks(ctx *command.Context) ([]safeLinksEdit, error) {
	type sl = *defender.SafeLinksPolicy
	edits := boolEdits(ctx, []boolField[sl]{
		{"AllowClickThrough", func(p sl) *bool { return &p.AllowClickThrough }},
		{"DeliverMessageAfterScan", func(p sl) *bool { return &p.DeliverMessageAfterScan }},
		{"DisableUrlRewrite", func(p sl) *bool { return &p.DisableUrlRewrite }},
		{"EnableForInternalSenders", func(p sl) *bool { return &p.EnableForInternalSenders }},
		{"EnableOrganizationBranding", func(p sl) *bool { return &p.EnableOrganizationBranding }},
		{"EnableSafeLinksForEmail", func(p sl) *bool { return &p.EnableSafeLinksForEmail }},
		{"EnableSafeLinksForOffice", func(p sl) *bool { return &p.EnableSafeLinksForOffice }},
		{"EnableSafeLinksForTeams", func(p sl) *bool { return &p.EnableSafeLinksForTeams }},
		{"ScanUrls", func(p sl) *bool { return &p.ScanUrls }},
		{"TrackClicks", func(p sl) *bool { return &p.TrackClicks }},
		{"UseTranslatedNotificationText", func(p sl) *bool { return &p.UseTranslatedNotificationText }},
	})
	for _, t := range []struct {
		param string
		max   int
		field func(sl) *string
	}{
		{"AdminDisplayName", defender.MaxAdminDisplayNameLength, func(p sl) *string { return &p.AdminDisplayName }},
		{"CustomNotificationText", 255, func(p sl) *string { return &p.CustomNotificationText }},
	} {
		e, err := textEdit(ctx, t.param, t.max, t.field)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e...)
	}
	e, err := enumEdit(ctx, "RecommendedPolicyType", recommendedType, defender.RecommendedPolicyTypes, func(p sl) *string { return &p.RecommendedPolicyType })
	if err != nil {
		return nil, err
	}
	edits = append(edits, e...)
	if ctx.Has("DoNotRewriteUrls") {
		arg := object.Unwrap(ctx.Value("DoNotRewriteUrls"))
		if _, err := mailbox.ApplyMultiValued(arg, nil); err != nil {
			return nil, ctx.Fail(exo.Invalid(ctx, err.Error(), "DoNotRewriteUrls"))
		}
		edits = append(edits, func(_ *store.Tx, p sl) *object.ErrorRecord {
			next, _ := mailbox.ApplyMultiValued(arg, p.DoNotRewriteUrls)
			var out []string
			for _, u := range next {
				if u = strings.TrimSpace(u); u != "" && !exo.ContainsFold(out, u) {
					out = append(out, u)
				}
			}
			if len(out) > defender.MaxDoNotRewriteUrls {
				return exo.Invalid(ctx, fmt.Sprintf("The DoNotRewriteUrls list can't have more than %d entries.", defender.MaxDoNotRewriteUrls), "DoNotRewriteUrls")
			}
			p.DoNotRewriteUrls = out
			return nil
		})
	}
	if ctx.Has("LocalizedNotificationTextList") {
		texts, rec := localizedTexts(ctx, ctx.Value("LocalizedNotificationTextList"))
		if rec != nil {
			return nil, ctx.Fail(rec)
		}
		edits = append(edits, func(_ *store.Tx, p sl) *object.ErrorRecord { p.LocalizedNotificationText = texts; return nil })
	}
	return edits, nil
}

// localizedTexts reads a hashtable of notification texts by language
// code as the policy keeps them: [code, text] entries in code order.
func localizedTexts(ctx *command.Context, v any) ([]string, *object.ErrorRecord) {
	h, ok := object.Unwrap(v).(*object.Hashtable)
	if !ok {
		if v == nil {
			return nil, nil
		}
		return nil, exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter 'LocalizedNotificationTextList'. Cannot convert the \"%s\" value of type \"%s\" to type \"System.Collections.Hashtable\".",
			object.ToInvariantString(v), object.TypeName(object.Unwrap(v))), object.InvalidArgument, v)
	}
	var out []string
	for _, k := range h.Keys() {
		text, _ := h.Get(k)
		code := strings.TrimSpace(object.ToInvariantString(k))
		if code == "" {
			continue
		}
		out = append(out, "["+code+", "+object.ToInvariantString(object.Unwrap(text))+"]")
	}
	sort.Strings(out)
	return out, nil
}
