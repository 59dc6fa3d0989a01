package antispam

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
)

// The exceptions of the service's anti-spam errors.
const (
	exNotAllowed    = "Microsoft.Exchange.Management.Tasks.OperationNotAllowedException"
	exValidation    = "Microsoft.Exchange.Management.Tasks.ValidationException"
	exAlreadyExists = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exArgument      = "System.ArgumentException"
	exBinding       = "System.Management.Automation.ParameterBindingException"
	exDataInvalid   = "Microsoft.Exchange.Data.DataValidationException"
)

// The containers and classes of spam filter policies.
const (
	policyContainer = "CN=Hosted Content Filter,CN=Transport Settings"
	policyCategory  = "ms-Exch-Hosted-Content-Filter-Config"
	policyClass     = "msExchHostedContentFilterConfig"
	// enumNS is the namespace of the anti-spam enumerations.
	enumNS = "Microsoft.Exchange.Data.Directory.SystemConfiguration."
)

// policyHelp describes the parameters of Set- and New-HostedContentFilterPolicy.
func policyHelp() map[string]string {
	h := map[string]string{
		"Identity":                                 "The spam filter policy: its name, distinguished name or GUID.",
		"AddXHeaderValue":                          "The X-header name (up to 255 characters) an AddXHeader action adds.",
		"AdminDisplayName":                         "A description of the policy (up to 256 characters).",
		"AllowedSenderDomains":                     "Domains whose senders skip spam filtering (a list replaces them, @{Add=...;Remove=...} changes them).",
		"AllowedSenders":                           "Addresses whose messages skip spam filtering (a list or @{Add=...;Remove=...}).",
		"BlockedSenderDomains":                     "Domains whose senders are always marked as spam (a list or @{Add=...;Remove=...}).",
		"BlockedSenders":                           "Addresses whose messages are always marked as spam (a list or @{Add=...;Remove=...}).",
		"BulkMovesEnabled":                         "Whether bulk mail under the threshold goes to the Promotions folder: NotSet (default), On or Off.",
		"BulkQuarantineTag":                        "The quarantine policy of quarantined bulk mail.",
		"BulkSpamAction":                           "What happens to bulk mail: MoveToJmf (default), AddXHeader, ModifySubject, Redirect, Delete, Quarantine or NoAction.",
		"BulkThreshold":                            "The bulk complaint level (1 to 9, default 7) from which mail counts as bulk.",
		"DownloadLink":                             "Retired (end-user notifications are the quarantine policies'); kept and shown.",
		"EnableEndUserSpamNotifications":           "Retired (end-user notifications are the quarantine policies'); kept and shown.",
		"EnableLanguageBlockList":                  "Whether messages in the languages of LanguageBlockList are marked as spam.",
		"EnableRegionBlockList":                    "Whether messages from the regions of RegionBlockList are marked as spam.",
		"EndUserSpamNotificationCustomFromAddress": "Retired; kept and shown.",
		"EndUserSpamNotificationCustomFromName":    "Retired; kept and shown.",
		"EndUserSpamNotificationCustomSubject":     "Retired; kept and shown.",
		"EndUserSpamNotificationFrequency":         "Retired; kept and shown (1 to 15 days, default 3).",
		"EndUserSpamNotificationLanguage":          "Retired; kept and shown (Default, English, French ...).",
		"EndUserSpamNotificationLimit":             "Reserved for the service; kept and shown.",
		"HighConfidencePhishAction":                "What happens to high confidence phishing: Quarantine (default) or Redirect.",
		"HighConfidencePhishQuarantineTag":         "The quarantine policy of quarantined high confidence phishing (AdminOnlyAccessPolicy by default).",
		"HighConfidenceSpamAction":                 "What happens to high confidence spam: MoveToJmf (default), AddXHeader, ModifySubject, Redirect, Delete or Quarantine.",
		"HighConfidenceSpamQuarantineTag":          "The quarantine policy of quarantined high confidence spam.",
		"InlineSafetyTipsEnabled":                  "Whether safety tips are shown in messages ($true by default).",
		"IntraOrgFilterState":                      "Which verdicts are acted on between internal users: Default, HighConfidencePhish, Phish, HighConfidenceSpam, Spam or Disabled.",
		"LanguageBlockList":                        "Content languages marked as spam (upper-case ISO 639-1 codes) when EnableLanguageBlockList is $true.",
		"MakeDefault":                              "Makes the policy the default one, which applies to everyone no rule names.",
		"ModifySubjectValue":                       "The text a ModifySubject action puts before the subject.",
		"PhishQuarantineTag":                       "The quarantine policy of quarantined phishing.",
		"PhishSpamAction":                          "What happens to phishing: MoveToJmf (default), AddXHeader, ModifySubject, Redirect, Delete or Quarantine.",
		"PhishZapEnabled":                          "Zero-hour auto purge of delivered phishing ($true by default).",
		"QuarantineRetentionPeriod":                "Days quarantined messages are kept (1 to 30, default 15).",
		"RedirectToRecipients":                     "The addresses a Redirect action sends messages to.",
		"RegionBlockList":                          "Source regions marked as spam (ISO 3166-1 codes) when EnableRegionBlockList is $true.",
		"SpamAction":                               "What happens to spam: MoveToJmf (default), AddXHeader, ModifySubject, Redirect, Delete or Quarantine.",
		"SpamQuarantineTag":                        "The quarantine policy of quarantined spam.",
		"SpamZapEnabled":                           "Zero-hour auto purge of delivered spam ($true by default).",
		"TestModeAction":                           "What an Advanced Spam Filter setting in Test mode does: None (default), AddXHeader or BccMessage.",
		"TestModeBccToRecipients":                  "The addresses a BccMessage test action copies messages to.",
	}
	for _, n := range as.ASFSettings {
		h[n] = "Advanced Spam Filter setting: Off, On or Test."
	}
	return h
}

func policyCommands() []*command.Command {
	help := policyHelp()
	f := contentFilter()
	get := exo.Declared("Get-HostedContentFilterPolicy")
	get.Synopsis = "Lists the spam filter policies (anti-spam policies): the built-in Default policy and those administrators created."
	get.OutputType = TypePolicy
	get.Examples = []command.Example{
		{Code: "Get-HostedContentFilterPolicy", Remark: "Lists every spam filter policy."},
		{Code: "Get-HostedContentFilterPolicy Default | Format-List BulkThreshold,SpamAction,HighConfidencePhishAction", Remark: "What the default policy does with bulk mail, spam and phishing."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = f.get

	nw := exo.Declared("New-HostedContentFilterPolicy")
	nw.Synopsis = "Creates a spam filter policy; a rule (New-HostedContentFilterRule) applies it to recipients."
	nw.OutputType = TypePolicy
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-HostedContentFilterPolicy -Name "Contoso Executives" -HighConfidenceSpamAction Quarantine -SpamAction Quarantine -BulkThreshold 6`,
		Remark: "Creates a policy that quarantines spam and takes bulk mail from level 6."}}
	nwHelp := map[string]string{"Name": "A unique name for the policy (up to 64 characters).",
		"RecommendedPolicyType": "Used by the preset security policies: Custom (default), Standard or Strict."}
	for k, v := range help {
		if k != "Identity" && k != "MakeDefault" {
			nwHelp[k] = v
		}
	}
	exo.Describe(nw, nwHelp)
	nw.Handler.Process = f.create

	set := exo.Declared("Set-HostedContentFilterPolicy")
	set.Synopsis = "Changes a spam filter policy, the default one included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-HostedContentFilterPolicy Default -BulkThreshold 6 -HighConfidenceSpamAction Quarantine -PhishSpamAction Quarantine", Remark: "The Standard preset's actions on the default policy."},
		{Code: "Set-HostedContentFilterPolicy Default -AllowedSenderDomains @{Remove='fabrikam.com'}", Remark: "Stops trusting a domain's senders."},
	}
	exo.Describe(set, help)
	set.Handler.Process = f.change

	remove := exo.Declared("Remove-HostedContentFilterPolicy")
	remove.Synopsis = "Removes a spam filter policy that is not the default one; a rule that applied it stays."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = f.remove
	return []*command.Command{get, nw, set, remove}
}

// policyObject is the Get-HostedContentFilterPolicy object of a policy,
// its properties in Exchange Online's order.
func policyObject(o *directory.Organization, p *as.Policy) *object.PSObject {
	obj := newObject(TypePolicy)
	list := func(name string, v []string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v)) }
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	obj.AddTyped("AddXHeaderValue", tStr, p.AddXHeaderValue)
	obj.AddTyped("ModifySubjectValue", tStr, p.ModifySubject)
	list("RedirectToRecipients", p.RedirectTo)
	list("TestModeBccToRecipients", p.TestModeBcc)
	list("FalsePositiveAdditionalRecipients", nil)
	obj.AddTyped("QuarantineRetentionPeriod", tInt, p.QuarantineRetentionPeriod)
	obj.AddTyped("EndUserSpamNotificationFrequency", tInt, p.NotificationFrequency)
	obj.AddTyped("TestModeAction", tStr, p.TestModeAction)
	for _, n := range as.ASFSettings {
		obj.AddTyped(n, tStr, p.Option(n))
	}
	obj.AddTyped("IsDefault", tBool, p.IsDefault)
	list("LanguageBlockList", p.LanguageBlockList)
	list("RegionBlockList", p.RegionBlockList)
	obj.AddTyped("HighConfidenceSpamAction", tStr, p.HighConfidenceSpamAction)
	obj.AddTyped("SpamAction", tStr, p.SpamAction)
	obj.AddTyped("EnableEndUserSpamNotifications", tBool, p.EnableEndUserSpamNotifications)
	obj.AddTyped("DownloadLink", tBool, p.DownloadLink)
	obj.AddTyped("EnableRegionBlockList", tBool, p.EnableRegionBlockList)
	obj.AddTyped("EnableLanguageBlockList", tBool, p.EnableLanguageBlockList)
	obj.AddTyped("EndUserSpamNotificationCustomFromAddress", tStr, p.NotificationFromAddress)
	obj.AddTyped("EndUserSpamNotificationCustomFromName", tStr, p.NotificationFromName)
	obj.AddTyped("EndUserSpamNotificationCustomSubject", tStr, p.NotificationSubject)
	obj.AddTyped("EndUserSpamNotificationLanguage", tStr, p.NotificationLanguage)
	obj.AddTyped("EndUserSpamNotificationLimit", tInt, p.NotificationLimit)
	obj.AddTyped("BulkThreshold", tInt, p.BulkThreshold)
	list("AllowedSenders", p.AllowedSenders)
	list("AllowedSenderDomains", p.AllowedSenderDomains)
	list("BlockedSenders", p.BlockedSenders)
	list("BlockedSenderDomains", p.BlockedSenderDomains)
	obj.AddTyped("ZapEnabled", tBool, true)
	obj.AddTyped("InlineSafetyTipsEnabled", tBool, p.InlineSafetyTipsEnabled)
	obj.AddTyped("BulkSpamAction", tStr, p.BulkSpamAction)
	obj.AddTyped("PhishSpamAction", tStr, p.PhishSpamAction)
	obj.AddTyped("SpamZapEnabled", tBool, p.SpamZapEnabled)
	obj.AddTyped("PhishZapEnabled", tBool, p.PhishZapEnabled)
	obj.AddTyped("ApplyPhishActionToIntraOrg", tBool, false)
	obj.AddTyped("HighConfidencePhishAction", tStr, p.HighConfidencePhishAction)
	obj.AddTyped("RecommendedPolicyType", tStr, p.RecommendedPolicyType)
	obj.AddTyped("SpamQuarantineTag", tStr, p.SpamQuarantineTag)
	obj.AddTyped("HighConfidenceSpamQuarantineTag", tStr, p.HighConfidenceSpamQuarantineTag)
	obj.AddTyped("PhishQuarantineTag", tStr, p.PhishQuarantineTag)
	obj.AddTyped("HighConfidencePhishQuarantineTag", tStr, p.HighConfidencePhishQuarantineTag)
	obj.AddTyped("BulkQuarantineTag", tStr, p.BulkQuarantineTag)
	obj.AddTyped("IntraOrgFilterState", tStr, p.IntraOrgFilterState)
	obj.AddTyped("BulkMovesEnabled", tStr, p.BulkMovesEnabled)
	addTail(obj, o, config{name: p.Name, guid: p.Guid, container: policyContainer, category: policyCategory, class: policyClass,
		created: p.WhenCreated, changed: p.WhenChanged})
	return obj
}

// contentFilter are the spam filter policies.
func contentFilter() *policyFamily[as.Policy, *as.Policy] {
	return &policyFamily[as.Policy, *as.Policy]{set: as.ContentFilter, words: "content filter policy",
		container: policyContainer, category: policyCategory, class: policyClass,
		removeDefault: "The default hosted content filter policy cannot be removed.", fresh: as.New, show: policyObject,
		read: readPolicyEdits, finish: blockListsNamed, warn: actionWarnings}
}

// identity is the call's -Identity as a string.
func identity(ctx *command.Context) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
}

// policyEdit is one parameter's change of a spam filter policy.
type policyEdit = edit[*as.Policy]

// readPolicyEdits reads the call's settings of a spam filter policy.
func readPolicyEdits(ctx *command.Context) ([]policyEdit, error) {
	s := &settings[*as.Policy]{ctx: ctx}
	for _, e := range []struct {
		param, typ string
		values     []string
		set        func(*as.Policy, string)
	}{
		{"SpamAction", "SpamFilteringAction", as.SpamActions, func(p *as.Policy, v string) { p.SpamAction = v }},
		{"HighConfidenceSpamAction", "SpamFilteringAction", as.SpamActions, func(p *as.Policy, v string) { p.HighConfidenceSpamAction = v }},
		{"PhishSpamAction", "SpamFilteringAction", as.SpamActions, func(p *as.Policy, v string) { p.PhishSpamAction = v }},
		{"BulkSpamAction", "SpamFilteringAction", as.SpamActions, func(p *as.Policy, v string) { p.BulkSpamAction = v }},
		{"HighConfidencePhishAction", "PhishFilteringAction", as.PhishActions, func(p *as.Policy, v string) { p.HighConfidencePhishAction = v }},
		{"TestModeAction", "SpamFilteringTestModeAction", as.TestModeActions, func(p *as.Policy, v string) { p.TestModeAction = v }},
		{"IntraOrgFilterState", "IntraOrgFilterState", as.IntraOrgFilterStates, func(p *as.Policy, v string) { p.IntraOrgFilterState = v }},
		{"BulkMovesEnabled", "BulkMovesEnabled", as.BulkMoves, func(p *as.Policy, v string) { p.BulkMovesEnabled = v }},
		{"EndUserSpamNotificationLanguage", "EsnLanguage", as.EsnLanguages, func(p *as.Policy, v string) { p.NotificationLanguage = v }},
		{"RecommendedPolicyType", "RecommendedPolicyType", as.RecommendedPolicyTypes, func(p *as.Policy, v string) { p.RecommendedPolicyType = v }},
	} {
		s.enum(e.param, e.typ, e.values, e.set)
	}
	if s.err == nil && ctx.Has("HighConfidencePhishAction") {
		if v, _ := as.Canonical(as.PhishActions, strings.TrimSpace(ctx.String("HighConfidencePhishAction"))); !exo.ContainsFold(as.HighConfidencePhishActions, v) {
			s.fail(exo.Error(ctx, exValidation, fmt.Sprintf("The value %s isn't valid for HighConfidencePhishAction. Valid values are: %s.", v, strings.Join(as.HighConfidencePhishActions, ", ")), object.InvalidArgument, v))
		}
	}
	for _, n := range as.ASFSettings {
		name := n
		s.enum(name, "SpamFilteringOption", as.Options, func(p *as.Policy, v string) { p.SetOption(name, v) })
		if v := strings.TrimSpace(ctx.String(name)); s.err == nil && ctx.Has(name) && strings.EqualFold(v, "Test") && exo.ContainsFold(as.NoTestMode, name) {
			s.fail(exo.Error(ctx, exDataInvalid, "This option cannot be set to test mode.", object.InvalidData, v))
		}
	}
	s.number("BulkThreshold", as.MinBulkThreshold, as.MaxBulkThreshold, func(p *as.Policy) *int { return &p.BulkThreshold })
	s.number("QuarantineRetentionPeriod", as.MinQuarantineRetention, as.MaxQuarantineRetention, func(p *as.Policy) *int { return &p.QuarantineRetentionPeriod })
	s.number("EndUserSpamNotificationFrequency", as.MinNotificationFrequency, as.MaxNotificationFrequency, func(p *as.Policy) *int { return &p.NotificationFrequency })
	s.number("EndUserSpamNotificationLimit", 0, 1<<31-1, func(p *as.Policy) *int { return &p.NotificationLimit })
	s.flag("DownloadLink", func(p *as.Policy) *bool { return &p.DownloadLink })
	s.flag("EnableEndUserSpamNotifications", func(p *as.Policy) *bool { return &p.EnableEndUserSpamNotifications })
	s.flag("EnableLanguageBlockList", func(p *as.Policy) *bool { return &p.EnableLanguageBlockList })
	s.flag("EnableRegionBlockList", func(p *as.Policy) *bool { return &p.EnableRegionBlockList })
	s.flag("InlineSafetyTipsEnabled", func(p *as.Policy) *bool { return &p.InlineSafetyTipsEnabled })
	s.flag("SpamZapEnabled", func(p *as.Policy) *bool { return &p.SpamZapEnabled })
	s.flag("PhishZapEnabled", func(p *as.Policy) *bool { return &p.PhishZapEnabled })
	s.text("AdminDisplayName", as.MaxAdminDisplayNameLength, func(p *as.Policy) *string { return &p.AdminDisplayName })
	s.text("AddXHeaderValue", as.MaxXHeaderLength, func(p *as.Policy) *string { return &p.AddXHeaderValue })
	s.text("ModifySubjectValue", as.MaxXHeaderLength, func(p *as.Policy) *string { return &p.ModifySubject })
	s.text("EndUserSpamNotificationCustomFromName", as.MaxXHeaderLength, func(p *as.Policy) *string { return &p.NotificationFromName })
	s.text("EndUserSpamNotificationCustomSubject", as.MaxXHeaderLength, func(p *as.Policy) *string { return &p.NotificationSubject })
	s.address("EndUserSpamNotificationCustomFromAddress", func(p *as.Policy) *string { return &p.NotificationFromAddress })
	s.tag("SpamQuarantineTag", func(p *as.Policy) *string { return &p.SpamQuarantineTag })
	s.tag("HighConfidenceSpamQuarantineTag", func(p *as.Policy) *string { return &p.HighConfidenceSpamQuarantineTag })
	s.tag("PhishQuarantineTag", func(p *as.Policy) *string { return &p.PhishQuarantineTag })
	s.tag("HighConfidencePhishQuarantineTag", func(p *as.Policy) *string { return &p.HighConfidencePhishQuarantineTag })
	s.tag("BulkQuarantineTag", func(p *as.Policy) *string { return &p.BulkQuarantineTag })
	s.list("AllowedSenders", "address", func(p *as.Policy) *[]string { return &p.AllowedSenders })
	s.list("BlockedSenders", "address", func(p *as.Policy) *[]string { return &p.BlockedSenders })
	s.list("AllowedSenderDomains", "domain", func(p *as.Policy) *[]string { return &p.AllowedSenderDomains })
	s.list("BlockedSenderDomains", "domain", func(p *as.Policy) *[]string { return &p.BlockedSenderDomains })
	s.list("RedirectToRecipients", "address", func(p *as.Policy) *[]string { return &p.RedirectTo })
	s.list("TestModeBccToRecipients", "address", func(p *as.Policy) *[]string { return &p.TestModeBcc })
	s.list("LanguageBlockList", "language", func(p *as.Policy) *[]string { return &p.LanguageBlockList })
	s.list("RegionBlockList", "region", func(p *as.Policy) *[]string { return &p.RegionBlockList })
	return s.done()
}

// listEntry checks one entry of a list setting (kind: address, domain,
// user, filetype, esnlanguage, language, region, or text, any text) and returns it as Exchange writes it.
func listEntry(ctx *command.Context, param, kind, v string) (string, *object.ErrorRecord) {
	switch kind {
	case "address":
		if !validAddress(v) {
			return "", badAddress(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpAddress]", v)
		}
	case "domain":
		if strings.Contains(v, "@") || !junkemail.ValidEntry(v) {
			return "", exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpDomain]\". Error: \"\"%s\" isn't a valid SMTP domain.\"", param, v, v), object.InvalidArgument, v)
		}
	case "user":
		return protectedUser(ctx, param, v)
	case "filetype":
		return fileType(ctx, param, v)
	case "esnlanguage":
		c, ok := as.Canonical(as.EsnLanguages, v)
		if !ok {
			return "", exo.EnumError(ctx, param, v, enumNS+"EsnLanguage", as.EsnLanguages)
		}
		return c, nil
	case "language":
		c, ok := as.Canonical(as.BlockLanguages, v)
		if !ok {
			return "", exo.Error(ctx, exArgument, fmt.Sprintf("\"%s\" is not a supported blocking language.", v), object.InvalidArgument, v)
		}
		return c, nil
	case "region":
		c, ok := as.Canonical(as.BlockRegions, v)
		if !ok {
			return "", exo.Error(ctx, exArgument, fmt.Sprintf("\"%s\" is not a valid ISO 3166-1 region code.", v), object.InvalidArgument, v)
		}
		return c, nil
	}
	return v, nil
}

// validAddress reports whether v is an SMTP address.
func validAddress(v string) bool {
	at := strings.LastIndexByte(v, '@')
	return at > 0 && junkemail.ValidEntry(v)
}

// badAddress is the binding error of a value that is not an SMTP address.
func badAddress(ctx *command.Context, param, typ, v string) *object.ErrorRecord {
	return exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"The address '%s' is not a valid SMTP address.\"", param, v, typ, v), object.InvalidArgument, v)
}

// blockListsNamed refuses a language or region block list turned on
// that names none.
func blockListsNamed(ctx *command.Context, p *as.Policy) *object.ErrorRecord {
	switch {
	case p.EnableLanguageBlockList && len(p.LanguageBlockList) == 0:
		return exo.Error(ctx, exDataInvalid, "In order to enable language blocking the LanguageBlockList value has to be set.", object.InvalidData, nil)
	case p.EnableRegionBlockList && len(p.RegionBlockList) == 0:
		return exo.Error(ctx, exDataInvalid, "In order to enable region-based blocking the RegionBlockList value has to be set.", object.InvalidData, nil)
	}
	return nil
}

// actionWarnings are the service's warnings for actions the call set
// whose value is missing: a ModifySubject action without a subject text,
// AddXHeader without a header, Redirect without recipients.
func actionWarnings(ctx *command.Context, p *as.Policy) {
	uses := func(action string) bool {
		for _, param := range []string{"SpamAction", "HighConfidenceSpamAction", "PhishSpamAction", "BulkSpamAction", "HighConfidencePhishAction"} {
			if ctx.Has(param) && strings.EqualFold(strings.TrimSpace(ctx.String(param)), action) {
				return true
			}
		}
		return false
	}
	if uses("AddXHeader") && p.AddXHeaderValue == "" {
		ctx.WriteWarning("The AddXHeaderValue value is not set. If no value is set, no X-header will be added to detected messages.")
	}
	if uses("ModifySubject") && p.ModifySubject == "" {
		ctx.WriteWarning("The ModifySubjectValue value is not set. If no value is set, the subject line of detected messages will not be modified.")
	}
	if uses("Redirect") && len(p.RedirectTo) == 0 {
		ctx.WriteWarning("The RedirectToRecipients value is not set. If no value is set, detected messages will be redirected to a non-existent email address.")
	}
}
