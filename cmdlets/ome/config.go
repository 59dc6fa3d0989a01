package ome

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Output type names of the configuration cmdlets.
const (
	TypeOMEConfiguration = "Microsoft.Exchange.Management.OME.OMEConfiguration"
	TypeIRMConfiguration = "Microsoft.Exchange.Data.Directory.SystemConfiguration.IRMConfiguration"
)

// brandingHelp describes the template settings New- and
// Set-OMEConfiguration share.
var brandingHelp = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"BackgroundColor":          "Background colour of the encrypted mail and the portal (#RRGGBB or a colour name).",
		"DisclaimerText":           "Disclaimer shown in the mail that carries the encrypted message.",
		"EmailText":                "Default text shown with encrypted messages.",
		"ExternalMailExpiryInDays": "Days an external recipient can open the message in the portal: 1 to 730, 0 for no expiry. Needs Advanced Message Encryption.",
		"Image":                    "Logo image as bytes.",
		"IntroductionText":         "Text shown next to the sender's name and address.",
		"OTPEnabled":               "Whether recipients may sign in to the portal with a one-time passcode.",
		"PortalText":               "Text shown at the top of the encrypted mail portal.",
		"PrivacyStatementUrl":      "Privacy statement link in the notification mail.",
		"ReadButtonText":           "Text of the read-the-message button.",
		"SocialIdSignIn":           "Whether recipients may sign in with a Microsoft, Google or Yahoo identity.",
	}
}}

func configCommands() []*command.Command {
	get := exo.Declared("Get-OMEConfiguration")
	get.Synopsis = "Lists the Message Encryption branding templates."
	get.OutputType = TypeOMEConfiguration
	exo.Describe(get, map[string]string{
		"Identity": "The template to show; the default one is \"OME Configuration\".",
	})
	get.Handler.Process = getOMEConfiguration

	newC := exo.Declared("New-OMEConfiguration")
	newC.Synopsis = "Adds a Message Encryption branding template."
	newC.OutputType = TypeOMEConfiguration
	newC.ConfirmImpact = command.ImpactMedium
	exo.Describe(newC, brandingHelp.Get())
	exo.Describe(newC, map[string]string{
		"Identity": "Name of the new template.",
	})
	newC.Handler.Process = newOMEConfiguration

	set := exo.Declared("Set-OMEConfiguration")
	set.Synopsis = "Changes a Message Encryption branding template."
	set.ConfirmImpact = command.ImpactMedium
	exo.Describe(set, brandingHelp.Get())
	exo.Describe(set, map[string]string{
		"Identity": "The template to change.",
	})
	set.Handler.Process = setOMEConfiguration

	getIRM := exo.Declared("Get-IRMConfiguration")
	getIRM.Synopsis = "Shows the organization's Information Rights Management and encryption settings."
	getIRM.OutputType = TypeIRMConfiguration
	getIRM.Handler.Process = getIRMConfiguration

	setIRM := exo.Declared("Set-IRMConfiguration")
	setIRM.Synopsis = "Changes the organization's Information Rights Management and encryption settings."
	setIRM.ConfirmImpact = command.ImpactMedium
	exo.Describe(setIRM, map[string]string{
		"Identity":                    "The organization; there is only one, so this can be left out.",
		"Force":                       "Skips the confirmation prompt.",
		"LicensingLocation":           "RMS licensing URLs.",
		"RMSOnlineKeySharingLocation": "URL of the RMS Online key sharing location.",
		"TransportDecryptionSetting":  "Disabled, Optional or Mandatory decryption in transport.",
	})
	setIRM.Handler.Process = setIRMConfiguration
	return []*command.Command{get, newC, set, getIRM, setIRM}
}

func getOMEConfiguration(ctx *command.Context) error {
	id := strings.TrimSpace(ctx.String("Identity"))
	var list []*ome.OMEConfiguration
	err := exo.View(ctx, func(tx *store.Tx) error {
		if id != "" {
			if c, err := ome.GetOMEConfiguration(tx, id); err == nil {
				list = []*ome.OMEConfiguration{c}
				return nil
			}
		}
		// An empty or unknown identity lists every template, as the
		// service does.
		var err error
		list, err = ome.ListOMEConfigurations(tx)
		return err
	})
	if err != nil {
		return err
	}
	for _, c := range list {
		if err := ctx.WriteObject(OMEConfigurationObject(c)); err != nil {
			return err
		}
	}
	return nil
}

// expiryError reports an ExternalMailExpiryInDays outside 0–730.
func expiryError(ctx *command.Context, n int, target string) *object.ErrorRecord {
	if ome.ValidExpiryDays(n) {
		return nil
	}
	return exo.Error(ctx, exDataValidation,
		"The value of ExternalMailExpiryInDays must be between 1 and 730 days (0 means the message never expires).",
		object.InvalidData, target)
}

// applyBranding copies the bound template settings onto c.
func applyBranding(ctx *command.Context, c *ome.OMEConfiguration) {
	str := map[string]*string{
		"BackgroundColor": &c.BackgroundColor, "DisclaimerText": &c.DisclaimerText, "EmailText": &c.EmailText,
		"IntroductionText": &c.IntroductionText, "PortalText": &c.PortalText,
		"PrivacyStatementUrl": &c.PrivacyStatementUrl, "ReadButtonText": &c.ReadButtonText,
	}
	for name, dst := range str {
		if ctx.Has(name) {
			*dst = ctx.String(name)
		}
	}
	if ctx.Has("OTPEnabled") {
		c.OTPEnabled = ctx.Bool("OTPEnabled")
	}
	if ctx.Has("SocialIdSignIn") {
		c.SocialIdSignIn = ctx.Bool("SocialIdSignIn")
	}
	if ctx.Has("ExternalMailExpiryInDays") {
		c.ExternalMailExpiryInDays = ctx.Int("ExternalMailExpiryInDays")
	}
	if ctx.Has("Image") {
		c.Image = toBytes(ctx.Value("Image"))
	}
}

func toBytes(v any) []byte {
	items, ok := object.Enumerate(object.Unwrap(v))
	if !ok {
		if s, isStr := v.(string); isStr {
			return []byte(s)
		}
		return nil
	}
	out := make([]byte, 0, len(items))
	for _, it := range items {
		switch n := object.Unwrap(it).(type) {
		case int:
			out = append(out, byte(n))
		case int64:
			out = append(out, byte(n))
		case float64:
			out = append(out, byte(n))
		}
	}
	return out
}

func newOMEConfiguration(ctx *command.Context) error {
	id := strings.TrimSpace(ctx.String("Identity"))
	if rec := expiryError(ctx, ctx.Int("ExternalMailExpiryInDays"), id); rec != nil {
		return ctx.WriteError(rec)
	}
	ok, err := ctx.ShouldProcessWith("Creating OME Configuration \""+id+"\".", id)
	if err != nil || !ok {
		return err
	}
	var created *ome.OMEConfiguration
	done, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if _, err := ome.GetOMEConfiguration(tx, id); err == nil {
			return exo.Error(ctx, exAlreadyExists, "An OME configuration with the name '"+id+"' already exists.", object.ResourceExists, id), nil
		}
		c := &ome.OMEConfiguration{Identity: id, SocialIdSignIn: true, OTPEnabled: true}
		applyBranding(ctx, c)
		if err := ome.CreateOMEConfiguration(tx, c); err != nil {
			return nil, err
		}
		created = c
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(OMEConfigurationObject(created))
}

func setOMEConfiguration(ctx *command.Context) error {
	id := strings.TrimSpace(ctx.String("Identity"))
	if ctx.Has("ExternalMailExpiryInDays") {
		if rec := expiryError(ctx, ctx.Int("ExternalMailExpiryInDays"), id); rec != nil {
			return ctx.WriteError(rec)
		}
	}
	ok, err := ctx.ShouldProcessWith("Setting OME Configuration \""+id+"\".", id)
	if err != nil || !ok {
		return err
	}
	done, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		c, err := ome.GetOMEConfiguration(tx, id)
		if err != nil {
			return exo.NotFound(ctx, id), nil
		}
		applyBranding(ctx, c)
		if c.ExternalMailExpiryInDays != 0 {
			if c.IsDefault {
				return exo.InvalidOperation(ctx, "Message expiration can only be set on a custom OME configuration, not on the default one.", id), nil
			}
			ame, err := directory.HasAdvancedMessageEncryption(tx)
			if err != nil {
				return nil, err
			}
			if !ame {
				return exo.StoreError(ctx, &ome.NoAMELicenseError{Feature: "Message expiration"}, id), nil
			}
		}
		return nil, ome.PutOMEConfiguration(tx, c)
	})
	if err != nil || !done {
		return err
	}
	return nil
}

// OMEConfigurationObject is the Get-OMEConfiguration object of a template.
func OMEConfigurationObject(c *ome.OMEConfiguration) *object.PSObject {
	o := object.NewObject(TypeOMEConfiguration, "System.Object")
	var img any
	if len(c.Image) > 0 {
		b := make([]any, len(c.Image))
		for i, x := range c.Image {
			b[i] = int(x)
		}
		img = b
	}
	o.AddTyped("Image", "System.Byte[]", img)
	o.AddTyped("EmailText", "System.String", c.EmailText)
	o.AddTyped("PortalText", "System.String", c.PortalText)
	o.AddTyped("DisclaimerText", "System.String", c.DisclaimerText)
	o.AddTyped("IntroductionText", "System.String", c.IntroductionText)
	o.AddTyped("ReadButtonText", "System.String", c.ReadButtonText)
	o.AddTyped("PrivacyStatementUrl", "System.String", c.PrivacyStatementUrl)
	o.AddTyped("OTPEnabled", "System.Boolean", c.OTPEnabled)
	o.AddTyped("SocialIdSignIn", "System.Boolean", c.SocialIdSignIn)
	o.AddTyped("BackgroundColor", "System.String", c.BackgroundColor)
	o.AddTyped("ExternalMailExpiryInDays", "System.Int32", c.ExternalMailExpiryInDays)
	o.AddTyped("Identity", "System.String", c.Identity)
	o.AddTyped("IsDefault", "System.Boolean", c.IsDefault)
	o.AddTyped("WhenChanged", "System.DateTime", c.WhenChanged.UTC())
	o.AddTyped("WhenCreated", "System.DateTime", c.WhenCreated.UTC())
	return o
}

func getIRMConfiguration(ctx *command.Context) error {
	var c *ome.IRMConfiguration
	err := exo.View(ctx, func(tx *store.Tx) error {
		var err error
		c, err = ome.GetIRMConfiguration(tx)
		return err
	})
	if err != nil {
		return err
	}
	return ctx.WriteObject(IRMConfigurationObject(c))
}

// irmFields maps Set-IRMConfiguration's Boolean parameters to the record.
func irmFields(c *ome.IRMConfiguration) map[string]*bool {
	return map[string]*bool{
		"AutomaticServiceUpdateEnabled":              &c.AutomaticServiceUpdateEnabled,
		"AzureRMSLicensingEnabled":                   &c.AzureRMSLicensingEnabled,
		"DecryptAttachmentForEncryptOnly":            &c.DecryptAttachmentForEncryptOnly,
		"EDiscoverySuperUserEnabled":                 &c.EDiscoverySuperUserEnabled,
		"EnablePdfEncryption":                        &c.EnablePdfEncryption,
		"EnablePortalTrackingLogs":                   &c.EnablePortalTrackingLogs,
		"InternalLicensingEnabled":                   &c.InternalLicensingEnabled,
		"JournalReportDecryptionEnabled":             &c.JournalReportDecryptionEnabled,
		"RejectIfRecipientHasNoRights":               &c.RejectIfRecipientHasNoRights,
		"SearchEnabled":                              &c.SearchEnabled,
		"SimplifiedClientAccessDoNotForwardDisabled": &c.SimplifiedClientAccessDoNotForwardDisabled,
		"SimplifiedClientAccessEnabled":              &c.SimplifiedClientAccessEnabled,
		"SimplifiedClientAccessEncryptOnlyDisabled":  &c.SimplifiedClientAccessEncryptOnlyDisabled,
	}
}

func setIRMConfiguration(ctx *command.Context) error {
	if !ctx.Switch("Force") {
		ok, err := ctx.ShouldProcessWith("Setting IRM configuration \"ControlPoint Object\".", "ControlPoint Object")
		if err != nil || !ok {
			return err
		}
	}
	return exo.Update(ctx, func(tx *store.Tx) error {
		c, err := ome.GetIRMConfiguration(tx)
		if err != nil {
			return err
		}
		for name, dst := range irmFields(c) {
			if ctx.Has(name) {
				*dst = ctx.Bool(name)
			}
		}
		if ctx.Has("LicensingLocation") {
			c.LicensingLocation = applyMulti(c.LicensingLocation, ctx.Value("LicensingLocation"))
		}
		if ctx.Has("RMSOnlineKeySharingLocation") {
			c.RMSOnlineKeySharingLocation = ctx.String("RMSOnlineKeySharingLocation")
		}
		if ctx.Has("TransportDecryptionSetting") {
			c.TransportDecryptionSetting = ctx.String("TransportDecryptionSetting")
		}
		return ome.PutIRMConfiguration(tx, c)
	})
}

// applyMulti applies a MultiValuedProperty argument: a list replaces the
// value, @{Add=...; Remove=...} edits it.
func applyMulti(cur []string, v any) []string {
	if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
		out := append([]string(nil), cur...)
		for _, k := range h.Keys() {
			val, _ := h.Get(k)
			items, isList := object.Enumerate(object.Unwrap(val))
			if !isList {
				items = []any{val}
			}
			switch strings.ToLower(object.ToInvariantString(k)) {
			case "add":
				for _, it := range items {
					s := object.ToInvariantString(object.Unwrap(it))
					if !exo.ContainsFold(out, s) {
						out = append(out, s)
					}
				}
			case "remove":
				for _, it := range items {
					s := object.ToInvariantString(object.Unwrap(it))
					for i := 0; i < len(out); i++ {
						if strings.EqualFold(out[i], s) {
							out = append(out[:i], out[i+1:]...)
							i--
						}
					}
				}
			}
		}
		return out
	}
	if v == nil {
		return []string{}
	}
	items, isList := object.Enumerate(object.Unwrap(v))
	if !isList {
		items = []any{v}
	}
	out := []string{}
	for _, it := range items {
		out = append(out, object.ToInvariantString(object.Unwrap(it)))
	}
	return out
}

// IRMConfigurationObject is the Get-IRMConfiguration object.
func IRMConfigurationObject(c *ome.IRMConfiguration) *object.PSObject {
	o := object.NewObject(TypeIRMConfiguration, "System.Object")
	o.AddTyped("Identity", "System.String", c.Identity)
	o.AddTyped("AzureRMSLicensingEnabled", "System.Boolean", c.AzureRMSLicensingEnabled)
	o.AddTyped("TransportDecryptionSetting", "Microsoft.Exchange.Data.TransportDecryptionSetting", c.TransportDecryptionSetting)
	o.AddTyped("JournalReportDecryptionEnabled", "System.Boolean", c.JournalReportDecryptionEnabled)
	o.AddTyped("ClientAccessServerEnabled", "System.Boolean", c.ClientAccessServerEnabled)
	o.AddTyped("SearchEnabled", "System.Boolean", c.SearchEnabled)
	o.AddTyped("SimplifiedClientAccessEnabled", "System.Boolean", c.SimplifiedClientAccessEnabled)
	o.AddTyped("SimplifiedClientAccessDoNotForwardDisabled", "System.Boolean", c.SimplifiedClientAccessDoNotForwardDisabled)
	o.AddTyped("SimplifiedClientAccessEncryptOnlyDisabled", "System.Boolean", c.SimplifiedClientAccessEncryptOnlyDisabled)
	o.AddTyped("DecryptAttachmentForEncryptOnly", "System.Boolean", c.DecryptAttachmentForEncryptOnly)
	o.AddTyped("EnablePdfEncryption", "System.Boolean", c.EnablePdfEncryption)
	o.AddTyped("InternalLicensingEnabled", "System.Boolean", c.InternalLicensingEnabled)
	o.AddTyped("ExternalLicensingEnabled", "System.Boolean", c.ExternalLicensingEnabled)
	o.AddTyped("EDiscoverySuperUserEnabled", "System.Boolean", c.EDiscoverySuperUserEnabled)
	o.AddTyped("RMSOnlineKeySharingLocation", "System.Uri", exo.NilIfEmpty(c.RMSOnlineKeySharingLocation))
	o.AddTyped("LicensingLocation", "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.Uri]]", dotnet.Strings(c.LicensingLocation))
	o.AddTyped("RejectIfRecipientHasNoRights", "System.Boolean", c.RejectIfRecipientHasNoRights)
	o.AddTyped("AutomaticServiceUpdateEnabled", "System.Boolean", c.AutomaticServiceUpdateEnabled)
	o.AddTyped("EnablePortalTrackingLogs", "System.Boolean", c.EnablePortalTrackingLogs)
	o.AddTyped("WhenChanged", "System.DateTime", c.WhenChanged.UTC())
	return o
}
