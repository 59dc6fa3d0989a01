// Package regional declares the Exchange Online cmdlets of mailboxes'
// regional settings: Get-/Set-MailboxRegionalConfiguration over the
// settings the tenant keeps for each mailbox (store/regional).
package regional

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	rg "github.com/exosim/exosim/store/regional"
)

// TypeRegional is the output type of Get-MailboxRegionalConfiguration.
const TypeRegional = "Microsoft.Exchange.Data.Storage.Management.MailboxRegionalConfiguration"

const (
	exValidation = "Microsoft.Exchange.Data.DataValidationException"
	exArgument   = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxRegionalConfiguration", "Set-MailboxRegionalConfiguration"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the table Get-MailboxRegionalConfiguration shows: the
// mailbox, its language, date and time formats and time zone.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeRegional, TypeNames: []string{TypeRegional}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Identity", Property: "Identity"}, {Label: "Language", Property: "Language"},
			{Label: "DateFormat", Property: "DateFormat"}, {Label: "TimeFormat", Property: "TimeFormat"}, {Label: "TimeZone", Property: "TimeZone"}}})
}

func commands() []*command.Command {
	get := exo.Declared("Get-MailboxRegionalConfiguration")
	exo.Describe(get, map[string]string{
		"Identity":                        "The mailbox whose regional settings to show; your own without it.",
		"UseCustomRouting":                "Accepted; the simulator routes every request the same way.",
		"VerifyDefaultFolderNameLanguage": "Fills DefaultFolderNameMatchingUserLanguage: whether the default folders are named in the mailbox's language.",
	})
	get.OutputType = TypeRegional
	get.Synopsis = "Shows a mailbox's regional settings: language, date and time formats, time zone."
	get.Handler.Process = area.Get

	set := exo.Declared("Set-MailboxRegionalConfiguration")
	exo.Describe(set, map[string]string{
		"Identity":                  "The mailbox whose regional settings to change.",
		"Language":                  "The mailbox's language (" + strings.Join(rg.Cultures(), ", ") + "); its short formats apply unless DateFormat and TimeFormat are set.",
		"DateFormat":                "A short date pattern of the mailbox's language ($null: the language's default).",
		"TimeFormat":                "A short time pattern of the mailbox's language ($null: the language's default).",
		"TimeZone":                  "A Windows time zone ID, such as \"W. Europe Standard Time\".",
		"LocalizeDefaultFolderName": "Names the default folders in the mailbox's language from now on (the folder names themselves are not translated).",
		"UseCustomRouting":          "Accepted; the simulator routes every request the same way.",
	})
	set.Synopsis = "Changes a mailbox's regional settings."
	set.Examples = []command.Example{{Code: `Set-MailboxRegionalConfiguration annb -Language de-DE -TimeZone "W. Europe Standard Time" -LocalizeDefaultFolderName`,
		Remark: "Moves Ann to German formats and Central European time."}}
	set.Handler.Process = setRegional

	return []*command.Command{
		exo.Partial(get, "Identity", "UseCustomRouting", "VerifyDefaultFolderNameLanguage"),
		exo.Partial(set, "Identity", "UseCustomRouting", "DateFormat", "Language", "LocalizeDefaultFolderName", "TimeFormat", "TimeZone"),
	}
}

// area is the regional settings as the cmdlets reach them; Exchange
// refuses a format not among the language's patterns, and formats
// without a language.
var area = mailboxsetting.Area[rg.Settings]{
	Read: rg.Get, Write: rg.Put, Show: regionalObject,
	Prompt: "Setting regional configuration for mailbox Identity:\"%s\".",
	Refused: func(err error) bool {
		return mailboxsetting.Is[*rg.FormatError](err) || mailboxsetting.Is[*rg.NoLanguageError](err)
	},
	Refusal: exValidation,
}

func regionalObject(ctx *command.Context, _ *store.Tx, m *directory.Mailbox, s *rg.Settings) *object.PSObject {
	verify := ctx.Bool("VerifyDefaultFolderNameLanguage")
	o := mailboxsetting.Object(TypeRegional)
	o.AddTyped("DateFormat", "System.String", exo.NilIfEmpty(s.EffectiveDateFormat()))
	o.AddTyped("Language", "System.Globalization.CultureInfo", exo.NilIfEmpty(s.Language))
	o.AddTyped("DefaultFolderNameMatchingUserLanguage", "System.Boolean", verify && s.Language != "" && strings.EqualFold(s.FoldersLanguage(), s.Language))
	o.AddTyped("TimeFormat", "System.String", exo.NilIfEmpty(s.EffectiveTimeFormat()))
	o.AddTyped("TimeZone", "Microsoft.Exchange.Data.Storage.Management.ExTimeZoneValue", exo.NilIfEmpty(s.TimeZone))
	return mailboxsetting.Finish(o, m, false)
}

// apply sets what the call's parameters name; rec refuses a language or
// time zone Exchange does not know.
func apply(ctx *command.Context, s *rg.Settings) *object.ErrorRecord {
	if ctx.Has("Language") {
		name := strings.TrimSpace(ctx.String("Language"))
		c, ok := rg.LookupCulture(name)
		if !ok {
			return exo.Error(ctx, exArgument, fmt.Sprintf("exosim does not simulate the date and time formats of the language \"%s\"; it knows those of %s.", name, strings.Join(rg.Cultures(), ", ")), object.InvalidArgument, name)
		}
		s.Language = c.Name
	}
	if ctx.Has("DateFormat") {
		s.DateFormat = strings.TrimSpace(ctx.String("DateFormat"))
	}
	if ctx.Has("TimeFormat") {
		s.TimeFormat = strings.TrimSpace(ctx.String("TimeFormat"))
	}
	if ctx.Has("TimeZone") {
		z, rec := mailboxsetting.TimeZoneArg(ctx, "TimeZone", "Microsoft.Exchange.Data.Storage.Management.ExTimeZoneValue")
		if rec != nil {
			return rec
		}
		s.TimeZone = z
	}
	if ctx.Bool("LocalizeDefaultFolderName") && s.Language != "" {
		s.FolderLanguage = s.Language
	}
	return nil
}

func setRegional(ctx *command.Context) error {
	return area.Set(ctx, func(_ *store.Tx, s *rg.Settings) (*object.ErrorRecord, error) { return apply(ctx, s), nil })
}
