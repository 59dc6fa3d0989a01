package antispam

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/policyrules"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// The output types of the anti-phishing cmdlets.
const (
	TypeAntiPhish     = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AntiPhishPolicy"
	TypeAntiPhishRule = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.AntiPhishRule"
)

// antiPhishContainer is the container of the anti-phishing policies.
const antiPhishContainer = "CN=AntiPhish,CN=Transport Settings"

// antiPhish are the anti-phishing policies.
func antiPhish() *policyFamily[as.AntiPhish, *as.AntiPhish] {
	return &policyFamily[as.AntiPhish, *as.AntiPhish]{set: as.AntiPhishPolicies, words: "antiphish policy",
		container: antiPhishContainer, category: "ms-Exch-Hygiene-Configuration", class: "msExchHygieneConfiguration",
		removeDefault: "The default antiphish policy cannot be removed.", fresh: as.NewAntiPhish, show: antiPhishObject,
		read: readAntiPhish, finish: protectedUsersBounded}
}

// antiPhishHelp describes the parameters of New- and Set-AntiPhishPolicy.
func antiPhishHelp() map[string]string {
	action := "What happens to a message %s: NoAction (default), BccMessage, Delete, MoveToJmf, Quarantine or Redirect."
	recipients := "The addresses a Redirect or BccMessage action of %s sends messages to (a list or @{Add=...;Remove=...})."
	tag := "The quarantine policy of messages %s quarantines (DefaultFullAccessPolicy by default)."
	return map[string]string{
		"Identity":                                      "The anti-phishing policy: its name, distinguished name or GUID.",
		"AdminDisplayName":                              "A description of the policy.",
		"AuthenticationFailAction":                      "What happens to a message that fails composite authentication (spoof): MoveToJmf (default) or Quarantine.",
		"DmarcQuarantineAction":                         "What happens to a message that fails DMARC with p=quarantine: Quarantine (default) or MoveToJmf.",
		"DmarcRejectAction":                             "What happens to a message that fails DMARC with p=reject: Reject (default) or Quarantine.",
		"Enabled":                                       "Reserved for the service: the policy's rule turns a custom policy on and off.",
		"EnableFirstContactSafetyTips":                  "Whether the first contact safety tip is shown ($false by default).",
		"EnableMailboxIntelligence":                     "Whether mailbox intelligence learns users' frequent contacts ($true by default).",
		"EnableMailboxIntelligenceProtection":           "Whether impersonation detected by mailbox intelligence is acted on ($false by default).",
		"EnableOrganizationDomainsProtection":           "Whether every accepted domain is protected from impersonation ($false by default).",
		"EnableSimilarDomainsSafetyTips":                "Whether the safety tip for domain impersonation is shown ($false by default).",
		"EnableSimilarUsersSafetyTips":                  "Whether the safety tip for user impersonation is shown ($false by default).",
		"EnableSpoofIntelligence":                       "Whether spoof intelligence protects the recipients ($true by default).",
		"EnableTargetedDomainsProtection":               "Whether the domains of TargetedDomainsToProtect are protected from impersonation ($false by default).",
		"EnableTargetedUserProtection":                  "Whether the users of TargetedUsersToProtect are protected from impersonation ($false by default).",
		"EnableUnauthenticatedSender":                   "Whether Outlook shows a question mark for unauthenticated senders ($true by default).",
		"EnableUnusualCharactersSafetyTips":             "Whether the safety tip for unusual characters is shown ($false by default).",
		"EnableViaTag":                                  "Whether Outlook shows the via tag for a From domain other than the signing one ($true by default).",
		"ExcludedDomains":                               "Sender domains impersonation protection trusts (a list or @{Add=...;Remove=...}).",
		"ExcludedSenders":                               "Sender addresses impersonation protection trusts (a list or @{Add=...;Remove=...}).",
		"HonorDmarcPolicy":                              "Whether a sender's DMARC policy decides the action ($true by default).",
		"ImpersonationProtectionState":                  "Impersonation protection: Automatic (the default policy's), Manual (new policies') or Off.",
		"MailboxIntelligenceProtectionAction":           fmt.Sprintf(action, "mailbox intelligence flags as impersonation"),
		"MailboxIntelligenceProtectionActionRecipients": fmt.Sprintf(recipients, "mailbox intelligence"),
		"MailboxIntelligenceQuarantineTag":              fmt.Sprintf(tag, "mailbox intelligence protection"),
		"MakeDefault":                                   "Makes the policy the default one, which applies to everyone no rule names.",
		"PhishThresholdLevel":                           "How aggressively machine learning treats phishing: 1 Standard (default) to 4 Most aggressive.",
		"PolicyTag":                                     "Reserved for the service; kept and shown.",
		"SpoofQuarantineTag":                            fmt.Sprintf(tag, "spoof intelligence"),
		"TargetedDomainActionRecipients":                fmt.Sprintf(recipients, "domain impersonation protection"),
		"TargetedDomainProtectionAction":                fmt.Sprintf(action, "impersonating a protected domain"),
		"TargetedDomainQuarantineTag":                   fmt.Sprintf(tag, "domain impersonation protection"),
		"TargetedDomainsToProtect":                      fmt.Sprintf("Domains protected from impersonation (up to %d; a list or @{Add=...;Remove=...}).", as.MaxProtectedDomains),
		"TargetedUserActionRecipients":                  fmt.Sprintf(recipients, "user impersonation protection"),
		"TargetedUserProtectionAction":                  fmt.Sprintf(action, "impersonating a protected user"),
		"TargetedUserQuarantineTag":                     fmt.Sprintf(tag, "user impersonation protection"),
		"TargetedUsersToProtect":                        fmt.Sprintf("Users protected from impersonation, each \"DisplayName;EmailAddress\" (up to %d; a list or @{Add=...;Remove=...}).", as.MaxProtectedUsers),
	}
}

func antiPhishCommands() []*command.Command {
	help := antiPhishHelp()
	f := antiPhish()
	get := exo.Declared("Get-AntiPhishPolicy")
	get.Synopsis = "Lists the anti-phishing policies: the built-in Office365 AntiPhish Default and those administrators created."
	get.OutputType = TypeAntiPhish
	get.Examples = []command.Example{
		{Code: "Get-AntiPhishPolicy | Format-Table Name,Enabled,IsDefault", Remark: "A summary of every anti-phishing policy."},
		{Code: `Get-AntiPhishPolicy "Office365 AntiPhish Default" -Impersonation`, Remark: "The default policy's impersonation settings only."},
	}
	exo.Describe(get, map[string]string{
		"Identity":      "The policy: name (* is a wildcard), distinguished name or GUID.",
		"Advanced":      "Shows only the advanced settings (PhishThresholdLevel ...).",
		"Impersonation": "Shows only the impersonation protection settings.",
		"Spoof":         "Shows only the spoof protection settings.",
	})
	get.Handler.Process = getAntiPhish

	nw := exo.Declared("New-AntiPhishPolicy")
	nw.Synopsis = "Creates an anti-phishing policy; a rule (New-AntiPhishRule) applies it to recipients."
	nw.OutputType = TypeAntiPhish
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-AntiPhishPolicy -Name "Research Department" -EnableTargetedUserProtection $true -TargetedUsersToProtect "Ann Beebe;annb@contoso.com" -TargetedUserProtectionAction Quarantine -EnableMailboxIntelligenceProtection $true -MailboxIntelligenceProtectionAction MoveToJmf`,
		Remark: "Creates a policy that quarantines messages impersonating Ann Beebe."}}
	nwHelp := map[string]string{"Name": "A unique name for the policy (up to 64 characters).",
		"RecommendedPolicyType":                 "Used by the preset security policies: Custom (default), Standard or Strict.",
		"SimilarUsersSafetyTipsCustomText":      "Reserved for the service; kept.",
		"UnusualCharactersSafetyTipsCustomText": "Reserved for the service; kept."}
	for k, v := range help {
		if k != "Identity" {
			nwHelp[k] = v
		}
	}
	exo.Describe(nw, nwHelp)
	nw.Handler.Process = f.create

	set := exo.Declared("Set-AntiPhishPolicy")
	set.Synopsis = "Changes an anti-phishing policy, the default one included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `Set-AntiPhishPolicy "Office365 AntiPhish Default" -AuthenticationFailAction Quarantine -EnableFirstContactSafetyTips $true`,
		Remark: "Quarantines spoofed mail and shows the first contact safety tip."}}
	exo.Describe(set, help)
	set.Handler.Process = f.change

	remove := exo.Declared("Remove-AntiPhishPolicy")
	remove.Synopsis = "Removes an anti-phishing policy that is not the default one; a rule that applied it stays."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"], "Force": "Removes the policy without asking."})
	remove.Handler.Process = f.remove
	return []*command.Command{get, nw, set, remove}
}

// readAntiPhish reads the call's settings of an anti-phishing policy.
func readAntiPhish(ctx *command.Context) ([]edit[*as.AntiPhish], error) {
	type p = *as.AntiPhish
	s := &settings[p]{ctx: ctx}
	s.enum("ImpersonationProtectionState", "ImpersonationProtectionState", as.ImpersonationStates, func(x p, v string) { x.ImpersonationProtectionState = v })
	s.enum("TargetedUserProtectionAction", "ImpersonationAction", as.ImpersonationActions, func(x p, v string) { x.TargetedUserProtectionAction = v })
	s.enum("MailboxIntelligenceProtectionAction", "ImpersonationAction", as.ImpersonationActions, func(x p, v string) { x.MailboxIntelligenceProtectionAction = v })
	s.enum("TargetedDomainProtectionAction", "ImpersonationAction", as.ImpersonationActions, func(x p, v string) { x.TargetedDomainProtectionAction = v })
	s.enum("AuthenticationFailAction", "SpoofAuthenticationFailAction", as.AuthenticationFailActions, func(x p, v string) { x.AuthenticationFailAction = v })
	s.enum("DmarcQuarantineAction", "SpoofDmarcQuarantineAction", as.DmarcQuarantineActions, func(x p, v string) { x.DmarcQuarantineAction = v })
	s.enum("DmarcRejectAction", "SpoofDmarcRejectAction", as.DmarcRejectActions, func(x p, v string) { x.DmarcRejectAction = v })
	s.enum("RecommendedPolicyType", "RecommendedPolicyType", as.RecommendedPolicyTypes, func(x p, v string) { x.RecommendedPolicyType = v })
	s.number("PhishThresholdLevel", as.MinPhishThreshold, as.MaxPhishThreshold, func(x p) *int { return &x.PhishThresholdLevel })
	for _, b := range []struct {
		param string
		field func(p) *bool
	}{
		{"Enabled", func(x p) *bool { return &x.Enabled }},
		{"EnableFirstContactSafetyTips", func(x p) *bool { return &x.EnableFirstContactSafetyTips }},
		{"EnableMailboxIntelligence", func(x p) *bool { return &x.EnableMailboxIntelligence }},
		{"EnableMailboxIntelligenceProtection", func(x p) *bool { return &x.EnableMailboxIntelligenceProtection }},
		{"EnableOrganizationDomainsProtection", func(x p) *bool { return &x.EnableOrganizationDomainsProtection }},
		{"EnableSimilarDomainsSafetyTips", func(x p) *bool { return &x.EnableSimilarDomainsSafetyTips }},
		{"EnableSimilarUsersSafetyTips", func(x p) *bool { return &x.EnableSimilarUsersSafetyTips }},
		{"EnableSpoofIntelligence", func(x p) *bool { return &x.EnableSpoofIntelligence }},
		{"EnableTargetedDomainsProtection", func(x p) *bool { return &x.EnableTargetedDomainsProtection }},
		{"EnableTargetedUserProtection", func(x p) *bool { return &x.EnableTargetedUserProtection }},
		{"EnableUnauthenticatedSender", func(x p) *bool { return &x.EnableUnauthenticatedSender }},
		{"EnableUnusualCharactersSafetyTips", func(x p) *bool { return &x.EnableUnusualCharactersSafetyTips }},
		{"EnableViaTag", func(x p) *bool { return &x.EnableViaTag }},
		{"HonorDmarcPolicy", func(x p) *bool { return &x.HonorDmarcPolicy }},
	} {
		s.flag(b.param, b.field)
	}
	s.text("AdminDisplayName", as.MaxAdminDisplayNameLength, func(x p) *string { return &x.AdminDisplayName })
	s.text("PolicyTag", as.MaxAdminDisplayNameLength, func(x p) *string { return &x.PolicyTag })
	s.text("SimilarUsersSafetyTipsCustomText", as.MaxCommentsLength, func(x p) *string { return &x.SimilarUsersSafetyTipsCustomText })
	s.text("UnusualCharactersSafetyTipsCustomText", as.MaxCommentsLength, func(x p) *string { return &x.UnusualCharactersSafetyTipsCustomText })
	s.tag("TargetedUserQuarantineTag", func(x p) *string { return &x.TargetedUserQuarantineTag })
	s.tag("MailboxIntelligenceQuarantineTag", func(x p) *string { return &x.MailboxIntelligenceQuarantineTag })
	s.tag("TargetedDomainQuarantineTag", func(x p) *string { return &x.TargetedDomainQuarantineTag })
	s.tag("SpoofQuarantineTag", func(x p) *string { return &x.SpoofQuarantineTag })
	s.list("TargetedUsersToProtect", "user", func(x p) *[]string { return &x.TargetedUsersToProtect })
	s.list("TargetedDomainsToProtect", "domain", func(x p) *[]string { return &x.TargetedDomainsToProtect })
	s.list("TargetedUserActionRecipients", "address", func(x p) *[]string { return &x.TargetedUserActionRecipients })
	s.list("MailboxIntelligenceProtectionActionRecipients", "address", func(x p) *[]string { return &x.MailboxIntelligenceProtectionActionRecipients })
	s.list("TargetedDomainActionRecipients", "address", func(x p) *[]string { return &x.TargetedDomainActionRecipients })
	s.list("ExcludedDomains", "domain", func(x p) *[]string { return &x.ExcludedDomains })
	s.list("ExcludedSenders", "address", func(x p) *[]string { return &x.ExcludedSenders })
	return s.done()
}

// protectedUsersBounded refuses more protected users or domains than a
// policy holds.
func protectedUsersBounded(ctx *command.Context, p *as.AntiPhish) *object.ErrorRecord {
	switch {
	case len(p.TargetedUsersToProtect) > as.MaxProtectedUsers:
		return exo.Error(ctx, exDataInvalid, fmt.Sprintf("The number of users to protect can't exceed %d.", as.MaxProtectedUsers), object.InvalidData, nil)
	case len(p.TargetedDomainsToProtect) > as.MaxProtectedDomains:
		return exo.Error(ctx, exDataInvalid, fmt.Sprintf("The number of domains to protect can't exceed %d.", as.MaxProtectedDomains), object.InvalidData, nil)
	}
	return nil
}

// protectedUser checks a TargetedUsersToProtect entry, "DisplayName;
// EmailAddress", and returns it as Exchange writes it.
func protectedUser(ctx *command.Context, param, v string) (string, *object.ErrorRecord) {
	name, addr, ok := strings.Cut(v, ";")
	name, addr = strings.TrimSpace(name), strings.TrimSpace(addr)
	if !ok || name == "" || !validAddress(addr) {
		return "", exo.Error(ctx, exArgument, fmt.Sprintf("The value \"%s\" of %s isn't valid: use the format \"DisplayName;EmailAddress\".", v, param), object.InvalidArgument, v)
	}
	return name + ";" + addr, nil
}

// The property groups Get-AntiPhishPolicy -Advanced, -Impersonation and
// -Spoof show.
var (
	antiPhishAdvanced      = []string{"PhishThresholdLevel", "EnableSuspiciousSafetyTip"}
	antiPhishImpersonation = []string{"ImpersonationProtectionState", "EnableTargetedUserProtection", "EnableMailboxIntelligenceProtection",
		"EnableTargetedDomainsProtection", "EnableOrganizationDomainsProtection", "EnableMailboxIntelligence", "EnableSimilarUsersSafetyTips",
		"EnableSimilarDomainsSafetyTips", "EnableUnusualCharactersSafetyTips", "TargetedUserProtectionAction", "MailboxIntelligenceProtectionAction",
		"TargetedDomainProtectionAction", "TargetedUsersToProtect", "TargetedDomainsToProtect", "TargetedUserActionRecipients",
		"MailboxIntelligenceProtectionActionRecipients", "TargetedDomainActionRecipients", "ExcludedDomains", "ExcludedSenders"}
	antiPhishSpoof = []string{"EnableAntispoofEnforcement", "EnableUnauthenticatedSender", "AuthenticationFailAction", "EnableSpoofIntelligence",
		"EnableViaTag", "HonorDmarcPolicy", "DmarcRejectAction", "DmarcQuarantineAction", "SpoofQuarantineTag"}
)

func getAntiPhish(ctx *command.Context) error {
	var keep []string
	for _, g := range []struct {
		param string
		props []string
	}{{"Advanced", antiPhishAdvanced}, {"Impersonation", antiPhishImpersonation}, {"Spoof", antiPhishSpoof}} {
		if ctx.Has(g.param) && ctx.Bool(g.param) {
			keep = append(keep, g.props...)
		}
	}
	show := antiPhishObject
	if keep != nil {
		// a group switch shows the group's settings and the policy's
		// name and identity
		keep = append(keep, "Name", "Identity")
		show = func(o *directory.Organization, p *as.AntiPhish) *object.PSObject {
			full := antiPhishObject(o, p)
			obj := exo.HygieneObject(TypeAntiPhish)
			for _, prop := range full.Properties() {
				if exo.ContainsFold(keep, prop.Name) {
					obj.AddTyped(prop.Name, prop.TypeName, prop.Value)
				}
			}
			obj.ToStringFunc = full.ToStringFunc
			return obj
		}
	}
	objs, done, err := antiPhish().configs().Read(ctx, show)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// antiPhishObject is the Get-AntiPhishPolicy object of a policy.
func antiPhishObject(o *directory.Organization, p *as.AntiPhish) *object.PSObject {
	obj := newObject(TypeAntiPhish)
	list := func(name string, v []string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v)) }
	obj.AddTyped("ImpersonationProtectionState", tStr, p.ImpersonationProtectionState)
	obj.AddTyped("EnableTargetedUserProtection", tBool, p.EnableTargetedUserProtection)
	obj.AddTyped("EnableMailboxIntelligenceProtection", tBool, p.EnableMailboxIntelligenceProtection)
	obj.AddTyped("EnableTargetedDomainsProtection", tBool, p.EnableTargetedDomainsProtection)
	obj.AddTyped("EnableOrganizationDomainsProtection", tBool, p.EnableOrganizationDomainsProtection)
	obj.AddTyped("EnableMailboxIntelligence", tBool, p.EnableMailboxIntelligence)
	obj.AddTyped("EnableFirstContactSafetyTips", tBool, p.EnableFirstContactSafetyTips)
	obj.AddTyped("EnableSimilarUsersSafetyTips", tBool, p.EnableSimilarUsersSafetyTips)
	obj.AddTyped("EnableSimilarDomainsSafetyTips", tBool, p.EnableSimilarDomainsSafetyTips)
	obj.AddTyped("EnableUnusualCharactersSafetyTips", tBool, p.EnableUnusualCharactersSafetyTips)
	obj.AddTyped("TargetedUserProtectionAction", tStr, p.TargetedUserProtectionAction)
	obj.AddTyped("TargetedUserQuarantineTag", tStr, p.TargetedUserQuarantineTag)
	obj.AddTyped("MailboxIntelligenceProtectionAction", tStr, p.MailboxIntelligenceProtectionAction)
	obj.AddTyped("MailboxIntelligenceQuarantineTag", tStr, p.MailboxIntelligenceQuarantineTag)
	obj.AddTyped("TargetedDomainProtectionAction", tStr, p.TargetedDomainProtectionAction)
	obj.AddTyped("TargetedDomainQuarantineTag", tStr, p.TargetedDomainQuarantineTag)
	obj.AddTyped("SimilarUsersSafetyTipsCustomText", tStr, p.SimilarUsersSafetyTipsCustomText)
	obj.AddTyped("UnusualCharactersSafetyTipsCustomText", tStr, p.UnusualCharactersSafetyTipsCustomText)
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	list("TargetedUsersToProtect", p.TargetedUsersToProtect)
	list("TargetedDomainsToProtect", p.TargetedDomainsToProtect)
	list("TargetedUserActionRecipients", p.TargetedUserActionRecipients)
	list("MailboxIntelligenceProtectionActionRecipients", p.MailboxIntelligenceProtectionActionRecipients)
	list("TargetedDomainActionRecipients", p.TargetedDomainActionRecipients)
	list("ExcludedDomains", p.ExcludedDomains)
	list("ExcludedSenders", p.ExcludedSenders)
	obj.AddTyped("EnableSuspiciousSafetyTip", tBool, false)
	obj.AddTyped("AuthenticationFailAction", tStr, p.AuthenticationFailAction)
	obj.AddTyped("SpoofQuarantineTag", tStr, p.SpoofQuarantineTag)
	obj.AddTyped("DmarcRejectAction", tStr, p.DmarcRejectAction)
	obj.AddTyped("DmarcQuarantineAction", tStr, p.DmarcQuarantineAction)
	obj.AddTyped("EnableSpoofIntelligence", tBool, p.EnableSpoofIntelligence)
	obj.AddTyped("EnableViaTag", tBool, p.EnableViaTag)
	obj.AddTyped("EnableUnauthenticatedSender", tBool, p.EnableUnauthenticatedSender)
	obj.AddTyped("HonorDmarcPolicy", tBool, p.HonorDmarcPolicy)
	obj.AddTyped("EnableAntispoofEnforcement", tBool, true)
	obj.AddTyped("PhishThresholdLevel", tInt, p.PhishThresholdLevel)
	obj.AddTyped("IsDefault", tBool, p.IsDefault)
	obj.AddTyped("Enabled", tBool, p.Enabled)
	obj.AddTyped("RecommendedPolicyType", tStr, p.RecommendedPolicyType)
	obj.AddTyped("PolicyTag", tStr, p.PolicyTag)
	antiPhish().tail(obj, o, p)
	return obj
}

// antiPhishRules is the family of anti-phishing rules (*-AntiPhishRule).
func antiPhishRules() *policyrules.Spec {
	return &policyrules.Spec{
		Noun: "AntiPhishRule", Words: "antiphish rule",
		PolicyParams: []string{"AntiPhishPolicy"}, PolicyWords: []string{"antiphish policy"},
		Type:      TypeAntiPhishRule,
		BaseTypes: hygieneRuleBases,
		Container: "CN=AntiPhishVersioned,CN=Rules,CN=Transport Settings",
		Family:    &as.AntiPhishRules, MaxName: as.MaxNameLength, MaxComments: as.MaxCommentsLength,
		Policy: func(ctx *command.Context, tx *store.Tx, o *directory.Organization, _, id string) (string, *object.ErrorRecord, error) {
			return antiPhish().policyName(ctx, tx, o, id)
		},
		Help:       [][2]string{{"AntiPhishPolicy", "The anti-phishing policy the rule applies: not the default one, nor one another rule applies."}},
		Synopses:   ruleSynopses("an", "anti-phishing rule", "recipients"),
		GetExample: command.Example{Code: "Get-AntiPhishRule | Format-Table Name,AntiPhishPolicy,State,Priority", Remark: "The anti-phishing rules and their policies."},
		NewExample: command.Example{Code: `New-AntiPhishPolicy "Research Department" | Out-Null; New-AntiPhishRule -Name "Research Department" -AntiPhishPolicy "Research Department" -SentToMemberOf sales`,
			Remark: "Creates a policy and applies it to a group's members."},
	}
}
