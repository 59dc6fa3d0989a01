// Package messageconfig declares the Exchange Online cmdlets of mailboxes'
// Outlook on the web message settings: Get-/Set-MailboxMessageConfiguration
// over the settings the tenant keeps for each mailbox
// (store/messageconfig).
package messageconfig

import (
	"errors"
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mc "github.com/exosim/exosim/store/messageconfig"
)

// TypeMessageConfig is the output type of Get-MailboxMessageConfiguration.
const TypeMessageConfig = "Microsoft.Exchange.Data.Storage.Management.MailboxMessageConfiguration"

const (
	enumNS       = "Microsoft.Exchange.Data.Storage.Management."
	exValidation = "Microsoft.Exchange.Data.DataValidationException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxMessageConfiguration", "Set-MailboxMessageConfiguration"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers nothing: Exchange has no view of the message settings,
// so they show as a list.
func Views(*format.Registry) {}

// roaming are the parameters of Outlook's roaming (named) signatures,
// which the reference leaves undescribed; exosim does not simulate them.
var roaming = []string{"SignatureName", "SignatureHtmlBody", "DefaultSignature", "DefaultSignatureOnReply", "DeleteSignatureName"}

func commands() []*command.Command {
	get := exo.Declared("Get-MailboxMessageConfiguration")
	exo.Describe(get, map[string]string{
		"Identity":                 "The mailbox whose Outlook on the web message settings to show; * is a wildcard (every matching mailbox).",
		"Credential":               "Accepted; the session's credentials are used.",
		"ReadFromDomainController": "Accepted; the simulated directory has one copy.",
		"ResultSize":               "Most results to return for a wildcard identity (1000 by default), or Unlimited.",
		"UseCustomRouting":         "Accepted; the simulator routes every request the same way.",
	})
	get.OutputType = TypeMessageConfig
	get.Synopsis = "Shows a mailbox's Outlook on the web message settings: signatures, compose font and format, reading pane, conversations."
	get.Handler.Process = getMessageConfig

	set := exo.Declared("Set-MailboxMessageConfiguration")
	help := map[string]string{
		"Identity":                   "The mailbox whose Outlook on the web message settings to change.",
		"IgnoreDefaultScope":         "Accepted; the whole organization is in scope.",
		"SignatureHtml":              "The HTML signature (with SignatureText at most 8000 characters; $null clears it).",
		"SignatureText":              "The plain text signature (with SignatureHtml at most 8000 characters; $null clears it).",
		"SignatureTextOnMobile":      "The signature of Outlook on the web for devices (at most 512 characters).",
		"DefaultFontSize":            "The compose font size, 1 to 7 (3 is 12 points).",
		"DefaultFontColor":           "The compose font color as #rrggbb.",
		"DefaultFontName":            "The compose font (at most 100 characters).",
		"PreviewMarkAsReadDelaytime": "Seconds before an item shown in the reading pane is marked as read (0 to 30), with PreviewMarkAsReadBehavior Delayed.",
	}
	for _, p := range settingParams.Get() {
		if _, ok := help[p.name]; !ok {
			help[p.name] = p.help
		}
	}
	exo.Describe(set, help)
	set.Synopsis = "Changes a mailbox's Outlook on the web message settings."
	set.Examples = []command.Example{{Code: `Set-MailboxMessageConfiguration annb -AutoAddSignature $true -SignatureHtml "<b>Ann Beebe</b><br>Sales"`,
		Remark: "Gives Ann an HTML signature that Outlook on the web adds to new messages."}}
	set.Handler.Process = setMessageConfig

	setModelled := []string{"Identity", "IgnoreDefaultScope"}
	for _, p := range settingParams.Get() {
		setModelled = append(setModelled, p.name)
		if p.kind == kFlags {
			exo.DeclaredParam(set, p.name).Type = decl.FlagsType(p.typ)
		}
	}
	return []*command.Command{
		exo.Partial(get, "Identity", "Credential", "ReadFromDomainController", "ResultSize", "UseCustomRouting"),
		exo.Partial(set, setModelled...),
	}
}

// kind is how a setting's parameter is read.
type kind int

const (
	kBool kind = iota
	kInt
	kText
	kEnum
	kFlags
)

// setting is one property of the settings: its parameter and property
// name, its .NET type as output shows it, how it is read and where it is
// kept.
type setting struct {
	name   string
	typ    string
	kind   kind
	values []string        // kEnum
	flags  enumflags.Flags // kFlags
	help   string
	field  func(s *mc.Settings) any // a *bool, *int or *string
}

func boolSetting(name, help string, f func(s *mc.Settings) *bool) setting {
	return setting{name: name, typ: "System.Boolean", kind: kBool, help: help, field: func(s *mc.Settings) any { return f(s) }}
}

func intSetting(name, help string, f func(s *mc.Settings) *int) setting {
	return setting{name: name, typ: "System.Int32", kind: kInt, help: help, field: func(s *mc.Settings) any { return f(s) }}
}

func textSetting(name, help string, f func(s *mc.Settings) *string) setting {
	return setting{name: name, typ: "System.String", kind: kText, help: help, field: func(s *mc.Settings) any { return f(s) }}
}

func enumSetting(name, typ string, values []string, f func(s *mc.Settings) *string) setting {
	return setting{name: name, typ: enumNS + typ, kind: kEnum, values: values, help: "One of: " + joinValues(values) + ".", field: func(s *mc.Settings) any { return f(s) }}
}

func flagsSetting(name, typ string, flags enumflags.Flags, f func(s *mc.Settings) *string) setting {
	return setting{name: name, typ: typ, kind: kFlags, flags: flags, help: "One or more of: " + joinValues(flags.Names()) + ".", field: func(s *mc.Settings) any { return f(s) }}
}

func joinValues(vs []string) string { return strings.Join(vs, ", ") }

// settingParams are the settings in the order Get-MailboxMessageConfiguration
// lists them: Exchange's own order of the Outlook on the web options, then
// those added since Exchange 2016, then Exchange Online's.
var settingParams = lazy.Value[[]setting]{Build: func() []setting {
	return []setting{
		enumSetting("AfterMoveOrDeleteBehavior", "AfterMoveOrDeleteBehavior", mc.AfterMoveOrDeleteBehaviors, func(s *mc.Settings) *string { return &s.AfterMoveOrDeleteBehavior }),
		flagsSetting("NewItemNotification", enumNS+"NewItemNotification", mc.NewItemNotifications, func(s *mc.Settings) *string { return &s.NewItemNotification }),
		boolSetting("EmptyDeletedItemsOnLogoff", "$true empties Deleted Items when the user signs out of Outlook on the web.", func(s *mc.Settings) *bool { return &s.EmptyDeletedItemsOnLogoff }),
		boolSetting("AutoAddSignature", "$true adds the signature to new messages.", func(s *mc.Settings) *bool { return &s.AutoAddSignature }),
		textSetting("SignatureText", "", func(s *mc.Settings) *string { return &s.SignatureText }),
		textSetting("SignatureHtml", "", func(s *mc.Settings) *string { return &s.SignatureHtml }),
		boolSetting("AutoAddSignatureOnMobile", "$true adds the mobile signature to messages from Outlook on the web for devices.", func(s *mc.Settings) *bool { return &s.AutoAddSignatureOnMobile }),
		textSetting("SignatureTextOnMobile", "", func(s *mc.Settings) *string { return &s.SignatureTextOnMobile }),
		boolSetting("UseDefaultSignatureOnMobile", "$true uses the user's default signature on devices.", func(s *mc.Settings) *bool { return &s.UseDefaultSignatureOnMobile }),
		textSetting("DefaultFontName", "", func(s *mc.Settings) *string { return &s.DefaultFontName }),
		intSetting("DefaultFontSize", "", func(s *mc.Settings) *int { return &s.DefaultFontSize }),
		textSetting("DefaultFontColor", "", func(s *mc.Settings) *string { return &s.DefaultFontColor }),
		flagsSetting("DefaultFontFlags", enumNS+"FontFlags", mc.FontFlags, func(s *mc.Settings) *string { return &s.DefaultFontFlags }),
		boolSetting("AlwaysShowBcc", "$true always shows the Bcc field.", func(s *mc.Settings) *bool { return &s.AlwaysShowBcc }),
		boolSetting("AlwaysShowFrom", "$true always shows the From field.", func(s *mc.Settings) *bool { return &s.AlwaysShowFrom }),
		enumSetting("DefaultFormat", "MailFormat", mc.MailFormats, func(s *mc.Settings) *string { return &s.DefaultFormat }),
		enumSetting("ReadReceiptResponse", "ReadReceiptResponse", mc.ReadReceiptResponses, func(s *mc.Settings) *string { return &s.ReadReceiptResponse }),
		enumSetting("PreviewMarkAsReadBehavior", "PreviewMarkAsReadBehavior", mc.PreviewMarkAsReadBehaviors, func(s *mc.Settings) *string { return &s.PreviewMarkAsReadBehavior }),
		intSetting("PreviewMarkAsReadDelaytime", "", func(s *mc.Settings) *int { return &s.PreviewMarkAsReadDelaytime }),
		enumSetting("ConversationSortOrder", "ConversationSortOrder", mc.ConversationSortOrders, func(s *mc.Settings) *string { return &s.ConversationSortOrder }),
		boolSetting("ShowConversationAsTree", "$true shows an expanded conversation as a tree.", func(s *mc.Settings) *bool { return &s.ShowConversationAsTree }),
		boolSetting("HideDeletedItems", "$true hides deleted messages in Conversation view.", func(s *mc.Settings) *bool { return &s.HideDeletedItems }),
		textSetting("SendAddressDefault", "The default From address ($null: none).", func(s *mc.Settings) *string { return &s.SendAddressDefault }),
		enumSetting("EmailComposeMode", "EmailComposeMode", mc.EmailComposeModes, func(s *mc.Settings) *string { return &s.EmailComposeMode }),
		boolSetting("CheckForForgottenAttachments", "$true warns about a mentioned attachment that is missing.", func(s *mc.Settings) *bool { return &s.CheckForForgottenAttachments }),
		boolSetting("AutoAddSignatureOnReply", "$true adds the signature to replies.", func(s *mc.Settings) *bool { return &s.AutoAddSignatureOnReply }),
		enumSetting("GlobalReadingPanePosition", "MailReadingPanePosition", mc.ReadingPanePositions, func(s *mc.Settings) *string { return &s.GlobalReadingPanePosition }),
		boolSetting("IsFavoritesFolderTreeCollapsed", "$true collapses the Favorites folder tree.", func(s *mc.Settings) *bool { return &s.IsFavoritesFolderTreeCollapsed }),
		boolSetting("IsMailRootFolderTreeCollapsed", "$true collapses the Mail root folder tree.", func(s *mc.Settings) *bool { return &s.IsMailRootFolderTreeCollapsed }),
		boolSetting("IsReplyAllTheDefaultResponse", "$true makes Reply All the default response.", func(s *mc.Settings) *bool { return &s.IsReplyAllTheDefaultResponse }),
		boolSetting("LinkPreviewEnabled", "$true previews links in messages.", func(s *mc.Settings) *bool { return &s.LinkPreviewEnabled }),
		boolSetting("MailFolderPaneExpanded", "$true expands the Mail folder pane.", func(s *mc.Settings) *bool { return &s.MailFolderPaneExpanded }),
		enumSetting("NavigationPaneViewOption", "NavigationPaneView", mc.NavigationPaneViews, func(s *mc.Settings) *string { return &s.NavigationPaneViewOption }),
		boolSetting("PreferAccessibleContent", "$true prefers accessible content.", func(s *mc.Settings) *bool { return &s.PreferAccessibleContent }),
		boolSetting("ShowPreviewTextInListView", "$true shows preview text in the message list.", func(s *mc.Settings) *bool { return &s.ShowPreviewTextInListView }),
		boolSetting("ShowReadingPaneOnFirstLoad", "$true shows the reading pane the first time Outlook on the web opens.", func(s *mc.Settings) *bool { return &s.ShowReadingPaneOnFirstLoad }),
		boolSetting("ShowSenderOnTopInListView", "$true shows the sender on top in the message list.", func(s *mc.Settings) *bool { return &s.ShowSenderOnTopInListView }),
		boolSetting("ShowUpNext", "$true shows the next event above the message list.", func(s *mc.Settings) *bool { return &s.ShowUpNext }),
		boolSetting("CheckForReportJunkDialog", "Kept and shown.", func(s *mc.Settings) *bool { return &s.CheckForReportJunkDialog }),
		enumSetting("DisplayDensityMode", "DisplayDensityMode", mc.DisplayDensityModes, func(s *mc.Settings) *string { return &s.DisplayDensityMode }),
		boolSetting("EchoGroupMessageBackToSubscribedSender", "$true sends subscribed group members a copy of their own messages to the group.", func(s *mc.Settings) *bool { return &s.EchoGroupMessageBackToSubscribedSender }),
		intSetting("FavoritesBitFlags", "Kept and shown.", func(s *mc.Settings) *int { return &s.FavoritesBitFlags }),
		boolSetting("IsDarkModeTheme", "Kept and shown.", func(s *mc.Settings) *bool { return &s.IsDarkModeTheme }),
		boolSetting("IsFocusedInboxEnabled", "Kept and shown.", func(s *mc.Settings) *bool { return &s.IsFocusedInboxEnabled }),
		intSetting("MailSendUndoInterval", "Kept and shown.", func(s *mc.Settings) *int { return &s.MailSendUndoInterval }),
		boolSetting("ManuallyPickCertificate", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ManuallyPickCertificate }),
		intSetting("NavigationBarWidth", "Kept and shown.", func(s *mc.Settings) *int { return &s.NavigationBarWidth }),
		flagsSetting("NewEnabledPonts", "Microsoft.Exchange.Clients.Owa2.Server.Core.PontType", mc.PontTypes, func(s *mc.Settings) *string { return &s.NewEnabledPonts }),
		boolSetting("ReportJunkSelected", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ReportJunkSelected }),
		boolSetting("ShowInlinePreviews", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ShowInlinePreviews }),
		boolSetting("ShowNotificationBar", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ShowNotificationBar }),
		textSetting("SigningCertificateId", "Kept and shown.", func(s *mc.Settings) *string { return &s.SigningCertificateId }),
		textSetting("SigningCertificateSubject", "Kept and shown.", func(s *mc.Settings) *string { return &s.SigningCertificateSubject }),
		boolSetting("SmimeEncrypt", "Kept and shown.", func(s *mc.Settings) *bool { return &s.SmimeEncrypt }),
		boolSetting("SmimeSign", "Kept and shown.", func(s *mc.Settings) *bool { return &s.SmimeSign }),
		boolSetting("WebSuggestedRepliesEnabledForUser", "Kept and shown.", func(s *mc.Settings) *bool { return &s.WebSuggestedRepliesEnabledForUser }),
	}
}}

func messageConfigObject(m *directory.Mailbox, s *mc.Settings) *object.PSObject {
	o := object.NewObject(TypeMessageConfig, "System.Object")
	for _, p := range settingParams.Get() {
		var v any
		switch f := p.field(s).(type) {
		case *bool:
			v = *f
		case *int:
			v = *f
		case *string:
			v = *f
			if p.kind == kText {
				v = exo.NilIfEmpty(*f)
			}
		}
		o.AddTyped(p.name, p.typ, v)
	}
	o.AddTyped("MailboxOwnerId", "System.String", m.Identity())
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	id := m.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

func getMessageConfig(ctx *command.Context) error {
	return mailbox.WriteSettings(ctx, func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
		s, err := mc.Get(tx, m)
		if err != nil {
			return nil, err
		}
		return messageConfigObject(m, s), nil
	})
}

// apply sets what the call's parameters name; a value that is none of an
// enumeration's is the binding error PowerShell reports.
func apply(ctx *command.Context, s *mc.Settings) *object.ErrorRecord {
	for _, p := range settingParams.Get() {
		if !ctx.Has(p.name) {
			continue
		}
		switch f := p.field(s).(type) {
		case *bool:
			*f = ctx.Bool(p.name)
		case *int:
			*f = ctx.Int(p.name)
		case *string:
			switch p.kind {
			case kEnum:
				if rec := exo.EnumArg(ctx, p.name, p.typ, p.values, f); rec != nil {
					return rec
				}
			case kFlags:
				text := strings.Join(exo.ValueStrings(ctx.Value(p.name)), ",")
				v, ok := p.flags.Parse(text)
				if !ok {
					return exo.EnumError(ctx, p.name, text, p.typ, p.flags.Names())
				}
				*f = p.flags.Format(v)
			default:
				*f = ctx.String(p.name)
			}
		}
	}
	return nil
}

func setMessageConfig(ctx *command.Context) error {
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting message configuration for mailbox Identity:\"%s\".", mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		s, err := mc.Get(tx, m)
		if err != nil {
			return nil, err
		}
		if rec := apply(ctx, s); rec != nil {
			return rec, nil
		}
		err = mc.Put(tx, m, s)
		var (
			le *mc.LengthError
			re *mc.RangeError
			ce *mc.ColorError
			se *mc.SignatureError
		)
		if errors.As(err, &le) || errors.As(err, &re) || errors.As(err, &ce) || errors.As(err, &se) {
			return exo.Error(ctx, exValidation, err.Error(), object.InvalidArgument, m.Identity()), nil
		}
		return nil, err
	})
}
