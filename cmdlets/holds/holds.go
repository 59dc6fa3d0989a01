// Package holds declares the Exchange Online side of holds and retention:
// Get-/Set-OrganizationConfig (with the organization-wide holds), the
// legacy In-Place Hold cmdlets Get-/Set-/Remove-MailboxSearch (and
// New-MailboxSearch, refused as retired), the messaging records management
// cmdlets Get-/Set-/New-/Remove-RetentionPolicy and Get-RetentionPolicyTag, and
// Start-ManagedFolderAssistant and Export-MailboxDiagnosticLogs, with the
// default views of their objects.
package holds

import (
	"errors"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/store"
)

// Type names of the objects this package writes (deserialized, as they
// reach an Exchange Online PowerShell client).
const (
	TypeOrganizationConfig = "Deserialized.Microsoft.Exchange.Data.Directory.Management.OrganizationConfig"
	TypeMailboxSearch      = "Deserialized.Microsoft.Exchange.Management.Tasks.MailboxSearchObject"
	TypeRetentionPolicy    = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.RetentionPolicy"
	TypeRetentionTag       = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.RetentionPolicyTag"
)

// Exception types of the errors this package writes.
const (
	exTaskArgument     = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	exInvalidOperation = "Microsoft.Exchange.Management.Tasks.InvalidOperationException"
	exDataValidation   = "Microsoft.Exchange.Data.DataValidationException"
	exRecipientTask    = "Microsoft.Exchange.Configuration.Tasks.RecipientTaskException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-OrganizationConfig", Build: getOrganizationConfig},
	{Name: "Set-OrganizationConfig", Build: setOrganizationConfig},
	{Name: "Get-MailboxSearch", Build: getMailboxSearch},
	{Name: "Set-MailboxSearch", Build: setMailboxSearch},
	{Name: "Remove-MailboxSearch", Build: removeMailboxSearch},
	{Name: "New-MailboxSearch", Build: newMailboxSearch},
	{Name: "Get-RetentionPolicy", Build: getRetentionPolicy},
	{Name: "Set-RetentionPolicy", Build: setRetentionPolicy},
	{Name: "New-RetentionPolicy", Build: newRetentionPolicy},
	{Name: "Remove-RetentionPolicy", Build: removeRetentionPolicy},
	{Name: "Get-RetentionPolicyTag", Build: getRetentionPolicyTag},
	{Name: "Start-ManagedFolderAssistant", Build: startManagedFolderAssistant},
	{Name: "Export-MailboxDiagnosticLogs", Build: exportMailboxDiagnosticLogs},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the package's output types.
func Views(r *format.Registry) {
	items := make([]format.ListItem, len(orgProps))
	for i, p := range orgProps {
		items[i].Property = p.name
	}
	r.Add(&format.View{Name: "OrganizationConfig", TypeNames: []string{TypeOrganizationConfig}, Kind: format.ListView, Items: items})
	r.Add(&format.View{Name: "MailboxDiagnosticLogs", TypeNames: []string{TypeMailboxDiagnosticLogs}, Kind: format.ListView,
		Items: []format.ListItem{{Property: "MailboxLog"}, {Property: "Identity"}, {Property: "IsValid"}, {Property: "ObjectState"}}})
	r.Add(&format.View{
		Name:      "MailboxSearch",
		TypeNames: []string{TypeMailboxSearch},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 25, Property: "Name"},
			{Label: "CreatedBy", Width: 25, Property: "CreatedBy"},
			{Label: "InPlaceHoldEnabled", Width: 18, Property: "InPlaceHoldEnabled"},
			{Label: "Status", Property: "Status"},
		},
	})
	r.Add(&format.View{
		Name:      "RetentionPolicy",
		TypeNames: []string{TypeRetentionPolicy},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 30, Property: "Name"},
			{Label: "RetentionPolicyTagLinks", Property: "RetentionPolicyTagLinks"},
		},
	})
	r.Add(&format.View{
		Name:      "RetentionPolicyTag",
		TypeNames: []string{TypeRetentionTag},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 35, Property: "Name"},
			{Label: "Type", Width: 20, Property: "Type"},
			{Label: "Description", Property: "Description"},
		},
	})
}

// isNotFound reports whether a store error is a missing object.
func isNotFound(err error) bool {
	var nf *store.NotFoundError
	return errors.As(err, &nf)
}
