// Package transportconfig declares the Exchange Online cmdlets of the
// organization's transport settings and journal rules
// (Get-/New-/Set-/Remove-/Enable-/Disable-JournalRule): Get-TransportConfig shows them and
// Set-TransportConfig changes them (delivery status notifications,
// journaling's fallback address and expiry, the reply-all storm
// protection, the recipient limit, message expiration and the
// organization's SMTP AUTH switch, which mailboxes follow unless they have
// their own).
package transportconfig

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	tc "github.com/exosim/exosim/store/transportconfig"
)

// TypeTransportConfig is the output type of Get-TransportConfig.
const TypeTransportConfig = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer"

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one of their names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-TransportConfig", "Set-TransportConfig"}, Build: commands},
	{Names: []string{"Get-JournalRule", "New-JournalRule", "Set-JournalRule", "Remove-JournalRule", "Enable-JournalRule", "Disable-JournalRule"}, Build: journalCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// name is the transport settings object's name (and identity).
const name = "Transport Settings"

// The .NET types of the properties the object shows.
const (
	tStr     = "System.String"
	tBool    = "System.Boolean"
	tInt     = "System.Int32"
	tSpan    = "System.TimeSpan"
	tCulture = "System.Globalization.CultureInfo"
)

// The enumerations' full names.
const (
	typeDSN    = "Microsoft.Exchange.Data.DSNConversionOption"
	typeHeader = "Microsoft.Exchange.Data.Directory.SystemConfiguration.HeaderPromotionMode"
)

func commands() []*command.Command {
	get := exo.Declared("Get-TransportConfig")
	get.Synopsis = "Shows the organization's transport settings."
	get.OutputType = TypeTransportConfig
	get.Examples = []command.Example{{Code: "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled,ReplyAllStorm*", Remark: "Whether SMTP AUTH is off for the organization, and the reply-all storm protection."}}
	get.Handler.Process = getConfig

	set := exo.Declared("Set-TransportConfig")
	set.Synopsis = "Changes the organization's transport settings."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-TransportConfig -SmtpClientAuthenticationDisabled $true", Remark: "Turns SMTP AUTH off for every mailbox that has no setting of its own."},
		{Code: "Set-TransportConfig -ReplyAllStormDetectionMinimumRecipients 1000 -ReplyAllStormBlockDurationHours 12", Remark: "Detects reply-all storms to smaller audiences and blocks them longer."},
	}
	exo.Describe(set, map[string]string{
		"AddressBookPolicyRoutingEnabled":         "Whether recipients of another global address list appear as external ($false by default).",
		"AllowLegacyTLSClients":                   "Whether clients still on TLS 1.0 or 1.1 may submit mail ($false by default).",
		"ClearCategories":                         "Whether Outlook categories are removed during content conversion ($true by default).",
		"ConvertDisclaimerWrapperToEml":           "Whether a signed message wrapped by a disclaimer is attached as EML rather than TNEF.",
		"DSNConversionMode":                       "UseExchangeDSNs, PreserveDSNBody (default) or DoNotConvert.",
		"ExternalDelayDsnEnabled":                 "Whether delay notifications are sent for external messages ($true by default).",
		"ExternalDsnDefaultLanguage":              "The language of external notifications (a culture name; $null: the service's).",
		"ExternalDsnLanguageDetectionEnabled":     "Whether external notifications follow the original message's language.",
		"ExternalDsnReportingAuthority":           "The domain in the machine-readable part of external notifications ($null: the organization's).",
		"ExternalDsnSendHtml":                     "Whether external notifications are HTML ($true) or plain text.",
		"ExternalPostmasterAddress":               "The From address of external notifications ($null: postmaster@ the default domain).",
		"Force":                                   "Accepted; Set-TransportConfig asks nothing.",
		"HeaderPromotionModeSetting":              "NoCreate (default), MayCreate or MustCreate: named properties for custom X-headers.",
		"InternalDelayDsnEnabled":                 "Whether delay notifications are sent for internal messages ($true by default).",
		"InternalDsnDefaultLanguage":              "The language of internal notifications (a culture name; $null: the service's).",
		"InternalDsnLanguageDetectionEnabled":     "Whether internal notifications follow the original message's language.",
		"InternalDsnReportingAuthority":           "The domain in the machine-readable part of internal notifications ($null: the organization's).",
		"InternalDsnSendHtml":                     "Whether internal notifications are HTML ($true) or plain text.",
		"JournalMessageExpirationDays":            "Days an undeliverable journal report stays queued: 0 (default) to 7.",
		"JournalingReportNdrTo":                   "Where journal reports go when the journaling mailbox can't take them ($null: nowhere else).",
		"MaxRecipientEnvelopeLimit":               "The most recipients a message may have: 0 to 1000, or Unlimited (default: the service's 1000).",
		"MessageExpiration":                       "How long a queued message is retried: 12:00:00 to 1.00:00:00 (default).",
		"PreventDuplicateJournalingEnabled":       "Whether journal reports of messages journaled on-premises too are dropped ($false by default).",
		"ReplyAllStormBlockDurationHours":         "Hours reply-alls are blocked once a storm is detected: 1 to 12 (default 6).",
		"ReplyAllStormDetectionMinimumRecipients": "Recipients a message needs for its reply-alls to count: 1000 to 5000 (default 2500).",
		"ReplyAllStormDetectionMinimumReplies":    "Reply-alls within an hour that make a storm: 5 to 20 (default 10).",
		"ReplyAllStormProtectionEnabled":          "Whether reply-all storms are detected and blocked ($true by default).",
		"Rfc2231EncodingEnabled":                  "Whether MIME parameters of outbound messages use RFC 2231 encoding ($false by default).",
		"SmtpClientAuthenticationDisabled":        "Whether SMTP AUTH is off for the organization ($true by default); a mailbox's own setting wins.",
		"VoicemailJournalingEnabled":              "Whether voice mail is journaled ($true by default; only on-premises acts on it).",
	})
	exo.DeclaredParam(set, "DSNConversionMode").Type = params.DotNetEnumType("DSNConversionOption", typeDSN, tc.DSNConversionModes...)
	exo.DeclaredParam(set, "HeaderPromotionModeSetting").Type = params.DotNetEnumType("HeaderPromotionMode", typeHeader, tc.HeaderPromotionModes...)
	set.Handler.Process = setConfig
	return []*command.Command{get, set}
}

// configObject is the Get-TransportConfig object, its properties in the
// order of Exchange's transport settings object, the Exchange Online
// settings after those of Exchange Server.
func configObject(o *directory.Organization, c *tc.Config) *object.PSObject {
	obj := exo.HygieneObject(TypeTransportConfig)
	empty := func(n string) { obj.AddTyped(n, exo.TypeMultiValued, exo.MultiValued(nil)) }
	b := func(n string, v bool) { obj.AddTyped(n, tBool, v) }
	s := func(n, typ, v string) { obj.AddTyped(n, typ, exo.NilIfEmpty(v)) }
	empty("TLSReceiveDomainSecureList")
	empty("TLSSendDomainSecureList")
	empty("GenerateCopyOfDSNFor")
	empty("InternalSMTPServers")
	ndr := c.JournalingReportNdrTo
	if ndr == "" {
		// the null reverse path: no alternate journaling mailbox
		ndr = "<>"
	}
	obj.AddTyped("JournalingReportNdrTo", tStr, ndr)
	obj.AddTyped("MaxDumpsterSizePerDatabase", tStr, directory.FormatByteSize(18*directory.MB))
	obj.AddTyped("MaxDumpsterTime", tSpan, object.TimeSpan(7*store.Day/100))
	b("VerifySecureSubmitEnabled", false)
	b("ClearCategories", c.ClearCategories)
	b("AddressBookPolicyRoutingEnabled", c.AddressBookPolicyRoutingEnabled)
	b("ConvertDisclaimerWrapperToEml", c.ConvertDisclaimerWrapperToEml)
	obj.AddTyped("DSNConversionMode", tStr, c.DSNConversionMode)
	b("VoicemailJournalingEnabled", c.VoicemailJournalingEnabled)
	obj.AddTyped("HeaderPromotionModeSetting", tStr, c.HeaderPromotionModeSetting)
	b("Xexch50Enabled", true)
	b("Rfc2231EncodingEnabled", c.Rfc2231EncodingEnabled)
	limit := "Unlimited"
	if c.MaxRecipientEnvelopeLimit != tc.Unlimited {
		limit = strconv.Itoa(c.MaxRecipientEnvelopeLimit)
	}
	obj.AddTyped("MaxRecipientEnvelopeLimit", tStr, limit)
	b("ExternalDelayDsnEnabled", c.ExternalDelayDsnEnabled)
	s("ExternalDsnDefaultLanguage", tCulture, c.ExternalDsnDefaultLanguage)
	b("ExternalDsnLanguageDetectionEnabled", c.ExternalDsnLanguageDetectionEnabled)
	obj.AddTyped("ExternalDsnMaxMessageAttachSize", tStr, directory.FormatByteSize(10*directory.MB))
	s("ExternalDsnReportingAuthority", tStr, c.ExternalDsnReportingAuthority)
	b("ExternalDsnSendHtml", c.ExternalDsnSendHtml)
	s("ExternalPostmasterAddress", tStr, c.ExternalPostmasterAddress)
	b("InternalDelayDsnEnabled", c.InternalDelayDsnEnabled)
	s("InternalDsnDefaultLanguage", tCulture, c.InternalDsnDefaultLanguage)
	b("InternalDsnLanguageDetectionEnabled", c.InternalDsnLanguageDetectionEnabled)
	obj.AddTyped("InternalDsnMaxMessageAttachSize", tStr, directory.FormatByteSize(10*directory.MB))
	s("InternalDsnReportingAuthority", tStr, c.InternalDsnReportingAuthority)
	b("InternalDsnSendHtml", c.InternalDsnSendHtml)
	b("LegacyJournalingMigrationEnabled", false)
	b("LegacyArchiveJournalingEnabled", false)
	b("RedirectDLMessagesForLegacyArchiveJournaling", false)
	b("RedirectUnprovisionedUserMessagesForLegacyArchiveJournaling", false)
	b("LegacyArchiveLiveJournalingEnabled", false)
	b("JournalArchivingEnabled", false)
	obj.AddTyped("TransportRuleAttachmentTextScanLimit", tStr, directory.FormatByteSize(directory.MB))
	b("AllowLegacyTLSClients", c.AllowLegacyTLSClients)
	obj.AddTyped("JournalMessageExpirationDays", tInt, c.JournalMessageExpirationDays)
	obj.AddTyped("MessageExpiration", tSpan, object.TimeSpan(c.MessageExpiration/100))
	b("PreventDuplicateJournalingEnabled", c.PreventDuplicateJournalingEnabled)
	b("ReplyAllStormProtectionEnabled", c.ReplyAllStormProtectionEnabled)
	obj.AddTyped("ReplyAllStormDetectionMinimumRecipients", tInt, c.ReplyAllStormDetectionMinimumRecipients)
	obj.AddTyped("ReplyAllStormDetectionMinimumReplies", tInt, c.ReplyAllStormDetectionMinimumReplies)
	obj.AddTyped("ReplyAllStormBlockDurationHours", tInt, c.ReplyAllStormBlockDurationHours)
	b("SmtpClientAuthenticationDisabled", c.SmtpClientAuthenticationDisabled)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: name, Guid: store.DerivedGuid(o.Guid + "/" + name), Version: "0.1 (8.0.535.0)",
		Category: "ms-Exch-Transport-Settings", Class: "msExchTransportSettings", Created: o.WhenCreated, Changed: c.WhenChanged})
	return obj
}

func getConfig(ctx *command.Context) error {
	return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		c, err := tc.Get(tx)
		if err != nil {
			return nil, err
		}
		return []*object.PSObject{configObject(o, c)}, nil
	})
}

// edit is one change a Set-TransportConfig call makes.
type edit func(c *tc.Config)

// flags are the switches Set-TransportConfig sets, by parameter.
func flags(c *tc.Config) map[string]*bool {
	return map[string]*bool{
		"AddressBookPolicyRoutingEnabled":     &c.AddressBookPolicyRoutingEnabled,
		"AllowLegacyTLSClients":               &c.AllowLegacyTLSClients,
		"ClearCategories":                     &c.ClearCategories,
		"ConvertDisclaimerWrapperToEml":       &c.ConvertDisclaimerWrapperToEml,
		"ExternalDelayDsnEnabled":             &c.ExternalDelayDsnEnabled,
		"ExternalDsnLanguageDetectionEnabled": &c.ExternalDsnLanguageDetectionEnabled,
		"ExternalDsnSendHtml":                 &c.ExternalDsnSendHtml,
		"InternalDelayDsnEnabled":             &c.InternalDelayDsnEnabled,
		"InternalDsnLanguageDetectionEnabled": &c.InternalDsnLanguageDetectionEnabled,
		"InternalDsnSendHtml":                 &c.InternalDsnSendHtml,
		"PreventDuplicateJournalingEnabled":   &c.PreventDuplicateJournalingEnabled,
		"ReplyAllStormProtectionEnabled":      &c.ReplyAllStormProtectionEnabled,
		"Rfc2231EncodingEnabled":              &c.Rfc2231EncodingEnabled,
		"SmtpClientAuthenticationDisabled":    &c.SmtpClientAuthenticationDisabled,
		"VoicemailJournalingEnabled":          &c.VoicemailJournalingEnabled,
	}
}

// readEdits checks the call's arguments and returns the changes they
// make; a refusal ends the call before the tenant is read.
func readEdits(ctx *command.Context) ([]edit, error) {
	var edits []edit
	for param := range flags(&tc.Config{}) {
		if ctx.Has(param) {
			param, v := param, ctx.Bool(param)
			edits = append(edits, func(c *tc.Config) { *flags(c)[param] = v })
		}
	}
	for _, r := range []struct {
		param string
		rng   tc.Range
		field func(*tc.Config) *int
	}{
		{"JournalMessageExpirationDays", tc.JournalMessageExpirationRange, func(c *tc.Config) *int { return &c.JournalMessageExpirationDays }},
		{"ReplyAllStormBlockDurationHours", tc.StormBlockHoursRange, func(c *tc.Config) *int { return &c.ReplyAllStormBlockDurationHours }},
		{"ReplyAllStormDetectionMinimumRecipients", tc.StormRecipientsRange, func(c *tc.Config) *int { return &c.ReplyAllStormDetectionMinimumRecipients }},
		{"ReplyAllStormDetectionMinimumReplies", tc.StormRepliesRange, func(c *tc.Config) *int { return &c.ReplyAllStormDetectionMinimumReplies }},
	} {
		if !ctx.Has(r.param) {
			continue
		}
		n, field := ctx.Int(r.param), r.field
		if !r.rng.In(n) {
			return nil, ctx.Fail(exo.OutOfRange(ctx, r.rng.Min, r.rng.Max, n))
		}
		edits = append(edits, func(c *tc.Config) { *field(c) = n })
	}
	if ctx.Has("MaxRecipientEnvelopeLimit") {
		n, rec := recipientLimit(ctx)
		if rec != nil {
			return nil, ctx.Fail(rec)
		}
		edits = append(edits, func(c *tc.Config) { c.MaxRecipientEnvelopeLimit = n })
	}
	if ctx.Has("MessageExpiration") {
		d, ok := exo.ParseEnhancedTimeSpan(ctx.Value("MessageExpiration"))
		if !ok || d < tc.MinMessageExpiration || d > tc.MaxMessageExpiration {
			text := object.ToInvariantString(object.Unwrap(ctx.Value("MessageExpiration")))
			return nil, ctx.Fail(exo.Error(ctx, "Microsoft.Exchange.Data.DataValidationException",
				fmt.Sprintf("The value %s is out of range. The valid range is from 12:00:00 to 1.00:00:00.", text), object.InvalidData, text))
		}
		edits = append(edits, func(c *tc.Config) { c.MessageExpiration = d.Truncate(time.Second) })
	}
	for _, e := range []struct {
		param  string
		values []string
		field  func(*tc.Config) *string
	}{
		{"DSNConversionMode", tc.DSNConversionModes, func(c *tc.Config) *string { return &c.DSNConversionMode }},
		{"HeaderPromotionModeSetting", tc.HeaderPromotionModes, func(c *tc.Config) *string { return &c.HeaderPromotionModeSetting }},
	} {
		if ctx.Has(e.param) {
			v, field := ctx.String(e.param), e.field
			edits = append(edits, func(c *tc.Config) { *field(c) = v })
		}
	}
	for _, t := range []struct {
		param, kind string
		field       func(*tc.Config) *string
	}{
		{"ExternalDsnDefaultLanguage", "culture", func(c *tc.Config) *string { return &c.ExternalDsnDefaultLanguage }},
		{"InternalDsnDefaultLanguage", "culture", func(c *tc.Config) *string { return &c.InternalDsnDefaultLanguage }},
		{"ExternalDsnReportingAuthority", "domain", func(c *tc.Config) *string { return &c.ExternalDsnReportingAuthority }},
		{"InternalDsnReportingAuthority", "domain", func(c *tc.Config) *string { return &c.InternalDsnReportingAuthority }},
		{"ExternalPostmasterAddress", "address", func(c *tc.Config) *string { return &c.ExternalPostmasterAddress }},
		{"JournalingReportNdrTo", "address", func(c *tc.Config) *string { return &c.JournalingReportNdrTo }},
	} {
		if !ctx.Has(t.param) {
			continue
		}
		v, rec := textValue(ctx, t.param, t.kind)
		if rec != nil {
			return nil, ctx.Fail(rec)
		}
		field := t.field
		edits = append(edits, func(c *tc.Config) { *field(c) = v })
	}
	return edits, nil
}

// recipientLimit reads MaxRecipientEnvelopeLimit: Unlimited or a number
// of recipients within the service's range.
func recipientLimit(ctx *command.Context) (int, *object.ErrorRecord) {
	s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("MaxRecipientEnvelopeLimit"))))
	if strings.EqualFold(s, "Unlimited") {
		return tc.Unlimited, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
			fmt.Sprintf("Cannot process argument transformation on parameter 'MaxRecipientEnvelopeLimit'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.Int32]\". Error: \"The value \"%s\" isn't valid. Valid values are an integer or \"Unlimited\".\"", s, s),
			object.InvalidArgument, s)
	}
	if !tc.RecipientLimitRange.In(n) {
		return 0, exo.OutOfRange(ctx, tc.RecipientLimitRange.Min, tc.RecipientLimitRange.Max, n)
	}
	return n, nil
}

// textValue reads a culture name, a domain or an address ($null or ""
// clears it); another value is the conversion error of its type.
func textValue(ctx *command.Context, param, kind string) (string, *object.ErrorRecord) {
	v := ctx.Value(param)
	if object.Unwrap(v) == nil {
		return "", nil
	}
	s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(v)))
	if s == "" {
		return "", nil
	}
	fail := func(typ, why string) (string, *object.ErrorRecord) {
		return "", exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
			fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", param, s, typ, why),
			object.InvalidArgument, s)
	}
	switch kind {
	case "culture":
		if !cultureName(s) {
			return fail(tCulture, fmt.Sprintf("Culture is not supported. (Parameter 'name')\n%s is an invalid culture identifier.", s))
		}
	case "domain":
		if strings.Contains(s, "@") || !junkemail.ValidEntry(s) {
			return fail("Microsoft.Exchange.Data.SmtpDomain", fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", s))
		}
	case "address":
		if strings.LastIndexByte(s, '@') <= 0 || !junkemail.ValidEntry(s) {
			return fail("Microsoft.Exchange.Data.SmtpAddress", fmt.Sprintf("The address '%s' is not a valid SMTP address.", s))
		}
	}
	return s, nil
}

// cultureName reports whether s is shaped like a culture name: a
// language of two or three letters, then optional parts of letters and
// digits joined by hyphens (en, en-US, zh-Hans-CN).
func cultureName(s string) bool {
	parts := strings.Split(s, "-")
	if n := len(parts[0]); n < 2 || n > 3 {
		return false
	}
	for i, p := range parts {
		if p == "" || len(p) > 8 {
			return false
		}
		for _, r := range p {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

func setConfig(ctx *command.Context) error {
	edits, err := readEdits(ctx)
	if err != nil {
		return err
	}
	unchanged := false
	_, err = exo.Confirmed(ctx, name, func(*store.Tx) (*object.ErrorRecord, error) {
		return nil, nil
	}, func() (string, string) {
		return fmt.Sprintf("Configure transport configuration \"%s\".", name), name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		c, err := tc.Get(tx)
		if err != nil {
			return nil, err
		}
		before := *c
		for _, e := range edits {
			e(c)
		}
		if reflect.DeepEqual(&before, c) {
			unchanged = true
			return nil, nil
		}
		return nil, tc.Put(tx, c)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, name)
	}
	return err
}
