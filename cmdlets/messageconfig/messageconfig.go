// Package messageconfig declares the Exchange Online cmdlets of mailboxes'
// Outlook on the web message settings: Get-/Set-MailboxMessageConfiguration
// over the settings the tenant keeps for each mailbox
// (store/messageconfig).
package messageconfig

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
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
	get.Handler.Process = area.Get

	set := exo.Declared("Set-MailboxMessageConfiguration")
	settingParams.Get().Declare(set, map[string]string{
		"Identity":                   "The mailbox whose Outlook on the web message settings to change.",
		"IgnoreDefaultScope":         "Accepted; the whole organization is in scope.",
		"SignatureHtml":              "The HTML signature (with SignatureText at most 8000 characters; $null clears it).",
		"SignatureText":              "The plain text signature (with SignatureHtml at most 8000 characters; $null clears it).",
		"SignatureTextOnMobile":      "The signature of Outlook on the web for devices (at most 512 characters).",
		"DefaultFontSize":            "The compose font size, 1 to 7 (3 is 12 points).",
		"DefaultFontColor":           "The compose font color as #rrggbb.",
		"DefaultFontName":            "The compose font (at most 100 characters).",
		"PreviewMarkAsReadDelaytime": "Seconds before an item shown in the reading pane is marked as read (0 to 30), with PreviewMarkAsReadBehavior Delayed.",
	})
	set.Synopsis = "Changes a mailbox's Outlook on the web message settings."
	set.Examples = []command.Example{{Code: `Set-MailboxMessageConfiguration annb -AutoAddSignature $true -SignatureHtml "<b>Ann Beebe</b><br>Sales"`,
		Remark: "Gives Ann an HTML signature that Outlook on the web adds to new messages."}}
	set.Handler.Process = setMessageConfig

	return []*command.Command{
		exo.Partial(get, "Identity", "Credential", "ReadFromDomainController", "ResultSize", "UseCustomRouting"),
		exo.Partial(set, settingParams.Get().Names("Identity", "IgnoreDefaultScope")...),
	}
}

// area is the message settings as the cmdlets reach them; Exchange
// refuses a text too long, a number out of range, a color that is not
// #rrggbb and signatures too long together.
var area = mailboxsetting.Area[mc.Settings]{
	Read: mc.Get, Write: mc.Put, Type: TypeMessageConfig, Owner: true, Wildcard: true,
	Prompt:   "Setting message configuration for mailbox Identity:\"%s\".",
	Settings: &settingParams,
	Refused: func(err error) bool {
		return mailboxsetting.Is[*mc.LengthError](err) || mailboxsetting.Is[*mc.RangeError](err) ||
			mailboxsetting.Is[*mc.ColorError](err) || mailboxsetting.Is[*mc.SignatureError](err)
	},
	Refusal: exValidation,
}

// settingParams are the settings in the order Get-MailboxMessageConfiguration
// lists them: Exchange's own order of the Outlook on the web options, then
// those added since Exchange 2016, then Exchange Online's.
var settingParams = lazy.Value[mailboxsetting.Table[mc.Settings]]{Build: func() mailboxsetting.Table[mc.Settings] {
	return mailboxsetting.Table[mc.Settings]{
		mailboxsetting.EnumSetting("AfterMoveOrDeleteBehavior", enumNS+"AfterMoveOrDeleteBehavior", mc.AfterMoveOrDeleteBehaviors, func(s *mc.Settings) *string { return &s.AfterMoveOrDeleteBehavior }),
		mailboxsetting.FlagsSetting("NewItemNotification", enumNS+"NewItemNotification", mc.NewItemNotifications, func(s *mc.Settings) *string { return &s.NewItemNotification }),
		mailboxsetting.BoolSetting("EmptyDeletedItemsOnLogoff", "$true empties Deleted Items when the user signs out of Outlook on the web.", func(s *mc.Settings) *bool { return &s.EmptyDeletedItemsOnLogoff }),
		mailboxsetting.BoolSetting("AutoAddSignature", "$true adds the signature to new messages.", func(s *mc.Settings) *bool { return &s.AutoAddSignature }),
		mailboxsetting.TextSetting("SignatureText", "", func(s *mc.Settings) *string { return &s.SignatureText }),
		mailboxsetting.TextSetting("SignatureHtml", "", func(s *mc.Settings) *string { return &s.SignatureHtml }),
		mailboxsetting.BoolSetting("AutoAddSignatureOnMobile", "$true adds the mobile signature to messages from Outlook on the web for devices.", func(s *mc.Settings) *bool { return &s.AutoAddSignatureOnMobile }),
		mailboxsetting.TextSetting("SignatureTextOnMobile", "", func(s *mc.Settings) *string { return &s.SignatureTextOnMobile }),
		mailboxsetting.BoolSetting("UseDefaultSignatureOnMobile", "$true uses the user's default signature on devices.", func(s *mc.Settings) *bool { return &s.UseDefaultSignatureOnMobile }),
		mailboxsetting.TextSetting("DefaultFontName", "", func(s *mc.Settings) *string { return &s.DefaultFontName }),
		mailboxsetting.IntSetting("DefaultFontSize", "", func(s *mc.Settings) *int { return &s.DefaultFontSize }),
		mailboxsetting.TextSetting("DefaultFontColor", "", func(s *mc.Settings) *string { return &s.DefaultFontColor }),
		mailboxsetting.FlagsSetting("DefaultFontFlags", enumNS+"FontFlags", mc.FontFlags, func(s *mc.Settings) *string { return &s.DefaultFontFlags }),
		mailboxsetting.BoolSetting("AlwaysShowBcc", "$true always shows the Bcc field.", func(s *mc.Settings) *bool { return &s.AlwaysShowBcc }),
		mailboxsetting.BoolSetting("AlwaysShowFrom", "$true always shows the From field.", func(s *mc.Settings) *bool { return &s.AlwaysShowFrom }),
		mailboxsetting.EnumSetting("DefaultFormat", enumNS+"MailFormat", mc.MailFormats, func(s *mc.Settings) *string { return &s.DefaultFormat }),
		mailboxsetting.EnumSetting("ReadReceiptResponse", enumNS+"ReadReceiptResponse", mc.ReadReceiptResponses, func(s *mc.Settings) *string { return &s.ReadReceiptResponse }),
		mailboxsetting.EnumSetting("PreviewMarkAsReadBehavior", enumNS+"PreviewMarkAsReadBehavior", mc.PreviewMarkAsReadBehaviors, func(s *mc.Settings) *string { return &s.PreviewMarkAsReadBehavior }),
		mailboxsetting.IntSetting("PreviewMarkAsReadDelaytime", "", func(s *mc.Settings) *int { return &s.PreviewMarkAsReadDelaytime }),
		mailboxsetting.EnumSetting("ConversationSortOrder", enumNS+"ConversationSortOrder", mc.ConversationSortOrders, func(s *mc.Settings) *string { return &s.ConversationSortOrder }),
		mailboxsetting.BoolSetting("ShowConversationAsTree", "$true shows an expanded conversation as a tree.", func(s *mc.Settings) *bool { return &s.ShowConversationAsTree }),
		mailboxsetting.BoolSetting("HideDeletedItems", "$true hides deleted messages in Conversation view.", func(s *mc.Settings) *bool { return &s.HideDeletedItems }),
		mailboxsetting.TextSetting("SendAddressDefault", "The default From address ($null: none).", func(s *mc.Settings) *string { return &s.SendAddressDefault }),
		mailboxsetting.EnumSetting("EmailComposeMode", enumNS+"EmailComposeMode", mc.EmailComposeModes, func(s *mc.Settings) *string { return &s.EmailComposeMode }),
		mailboxsetting.BoolSetting("CheckForForgottenAttachments", "$true warns about a mentioned attachment that is missing.", func(s *mc.Settings) *bool { return &s.CheckForForgottenAttachments }),
		mailboxsetting.BoolSetting("AutoAddSignatureOnReply", "$true adds the signature to replies.", func(s *mc.Settings) *bool { return &s.AutoAddSignatureOnReply }),
		mailboxsetting.EnumSetting("GlobalReadingPanePosition", enumNS+"MailReadingPanePosition", mc.ReadingPanePositions, func(s *mc.Settings) *string { return &s.GlobalReadingPanePosition }),
		mailboxsetting.BoolSetting("IsFavoritesFolderTreeCollapsed", "$true collapses the Favorites folder tree.", func(s *mc.Settings) *bool { return &s.IsFavoritesFolderTreeCollapsed }),
		mailboxsetting.BoolSetting("IsMailRootFolderTreeCollapsed", "$true collapses the Mail root folder tree.", func(s *mc.Settings) *bool { return &s.IsMailRootFolderTreeCollapsed }),
		mailboxsetting.BoolSetting("IsReplyAllTheDefaultResponse", "$true makes Reply All the default response.", func(s *mc.Settings) *bool { return &s.IsReplyAllTheDefaultResponse }),
		mailboxsetting.BoolSetting("LinkPreviewEnabled", "$true previews links in messages.", func(s *mc.Settings) *bool { return &s.LinkPreviewEnabled }),
		mailboxsetting.BoolSetting("MailFolderPaneExpanded", "$true expands the Mail folder pane.", func(s *mc.Settings) *bool { return &s.MailFolderPaneExpanded }),
		mailboxsetting.EnumSetting("NavigationPaneViewOption", enumNS+"NavigationPaneView", mc.NavigationPaneViews, func(s *mc.Settings) *string { return &s.NavigationPaneViewOption }),
		mailboxsetting.BoolSetting("PreferAccessibleContent", "$true prefers accessible content.", func(s *mc.Settings) *bool { return &s.PreferAccessibleContent }),
		mailboxsetting.BoolSetting("ShowPreviewTextInListView", "$true shows preview text in the message list.", func(s *mc.Settings) *bool { return &s.ShowPreviewTextInListView }),
		mailboxsetting.BoolSetting("ShowReadingPaneOnFirstLoad", "$true shows the reading pane the first time Outlook on the web opens.", func(s *mc.Settings) *bool { return &s.ShowReadingPaneOnFirstLoad }),
		mailboxsetting.BoolSetting("ShowSenderOnTopInListView", "$true shows the sender on top in the message list.", func(s *mc.Settings) *bool { return &s.ShowSenderOnTopInListView }),
		mailboxsetting.BoolSetting("ShowUpNext", "$true shows the next event above the message list.", func(s *mc.Settings) *bool { return &s.ShowUpNext }),
		mailboxsetting.BoolSetting("CheckForReportJunkDialog", "Kept and shown.", func(s *mc.Settings) *bool { return &s.CheckForReportJunkDialog }),
		mailboxsetting.EnumSetting("DisplayDensityMode", enumNS+"DisplayDensityMode", mc.DisplayDensityModes, func(s *mc.Settings) *string { return &s.DisplayDensityMode }),
		mailboxsetting.BoolSetting("EchoGroupMessageBackToSubscribedSender", "$true sends subscribed group members a copy of their own messages to the group.", func(s *mc.Settings) *bool { return &s.EchoGroupMessageBackToSubscribedSender }),
		mailboxsetting.IntSetting("FavoritesBitFlags", "Kept and shown.", func(s *mc.Settings) *int { return &s.FavoritesBitFlags }),
		mailboxsetting.BoolSetting("IsDarkModeTheme", "Kept and shown.", func(s *mc.Settings) *bool { return &s.IsDarkModeTheme }),
		mailboxsetting.BoolSetting("IsFocusedInboxEnabled", "Kept and shown.", func(s *mc.Settings) *bool { return &s.IsFocusedInboxEnabled }),
		mailboxsetting.IntSetting("MailSendUndoInterval", "Kept and shown.", func(s *mc.Settings) *int { return &s.MailSendUndoInterval }),
		mailboxsetting.BoolSetting("ManuallyPickCertificate", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ManuallyPickCertificate }),
		mailboxsetting.IntSetting("NavigationBarWidth", "Kept and shown.", func(s *mc.Settings) *int { return &s.NavigationBarWidth }),
		mailboxsetting.FlagsSetting("NewEnabledPonts", "Microsoft.Exchange.Clients.Owa2.Server.Core.PontType", mc.PontTypes, func(s *mc.Settings) *string { return &s.NewEnabledPonts }),
		mailboxsetting.BoolSetting("ReportJunkSelected", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ReportJunkSelected }),
		mailboxsetting.BoolSetting("ShowInlinePreviews", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ShowInlinePreviews }),
		mailboxsetting.BoolSetting("ShowNotificationBar", "Kept and shown.", func(s *mc.Settings) *bool { return &s.ShowNotificationBar }),
		mailboxsetting.TextSetting("SigningCertificateId", "Kept and shown.", func(s *mc.Settings) *string { return &s.SigningCertificateId }),
		mailboxsetting.TextSetting("SigningCertificateSubject", "Kept and shown.", func(s *mc.Settings) *string { return &s.SigningCertificateSubject }),
		mailboxsetting.BoolSetting("SmimeEncrypt", "Kept and shown.", func(s *mc.Settings) *bool { return &s.SmimeEncrypt }),
		mailboxsetting.BoolSetting("SmimeSign", "Kept and shown.", func(s *mc.Settings) *bool { return &s.SmimeSign }),
		mailboxsetting.BoolSetting("WebSuggestedRepliesEnabledForUser", "Kept and shown.", func(s *mc.Settings) *bool { return &s.WebSuggestedRepliesEnabledForUser }),
	}
}}

func setMessageConfig(ctx *command.Context) error { return area.Set(ctx, nil) }
