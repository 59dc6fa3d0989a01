// Package antispam declares the Exchange Online cmdlets of the
// organization's anti-spam settings, the ones security baselines (ORCA,
// ScubaGear, CIS, Maester) read and set: the spam filter policies
// (Get-/New-/Set-/Remove-HostedContentFilterPolicy), the rules that apply
// them to recipients (Get-/New-/Set-/Remove-/Enable-/Disable-
// HostedContentFilterRule), the anti-phishing policies and rules
// (*-AntiPhishPolicy, *-AntiPhishRule), the anti-malware policies and rules
// (*-MalwareFilterPolicy, *-MalwareFilterRule), the quarantine policies
// (*-QuarantinePolicy) and the end-user permissions objects they take
// (New-/Set-QuarantinePermissions), the outbound spam filter policies and rules
// (*-HostedOutboundSpamFilterPolicy, *-HostedOutboundSpamFilterRule) and
// the connection filter
// policy (Get-/Set-HostedConnectionFilterPolicy); with the default views
// of their output objects. The settings are kept and shown; the simulated
// mail flow does not filter messages with them.
package antispam

import (
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
)

// The output types of the package's cmdlets.
const (
	TypePolicy     = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.HostedContentFilterPolicy"
	TypeRule       = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.HostedContentFilterRule"
	TypeOutbound   = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.HostedOutboundSpamFilterPolicy"
	TypeConnection = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.HostedConnectionFilterPolicy"
)

// Cmdlets declares the package's cmdlets by name: a session builds a
// group the first time it resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-HostedContentFilterPolicy", "New-HostedContentFilterPolicy", "Set-HostedContentFilterPolicy",
		"Remove-HostedContentFilterPolicy"}, Build: policyCommands},
	{Names: []string{"Get-HostedContentFilterRule", "New-HostedContentFilterRule", "Set-HostedContentFilterRule",
		"Remove-HostedContentFilterRule", "Enable-HostedContentFilterRule", "Disable-HostedContentFilterRule"}, Build: ruleCommands},
	{Names: []string{"Get-AntiPhishPolicy", "New-AntiPhishPolicy", "Set-AntiPhishPolicy", "Remove-AntiPhishPolicy"}, Build: antiPhishCommands},
	{Names: []string{"Get-AntiPhishRule", "New-AntiPhishRule", "Set-AntiPhishRule", "Remove-AntiPhishRule", "Enable-AntiPhishRule",
		"Disable-AntiPhishRule"}, Build: func() []*command.Command { return antiPhishRules().Commands() }},
	{Names: []string{"Get-MalwareFilterPolicy", "New-MalwareFilterPolicy", "Set-MalwareFilterPolicy", "Remove-MalwareFilterPolicy"}, Build: malwareCommands},
	{Names: []string{"Get-MalwareFilterRule", "New-MalwareFilterRule", "Set-MalwareFilterRule", "Remove-MalwareFilterRule", "Enable-MalwareFilterRule",
		"Disable-MalwareFilterRule"}, Build: func() []*command.Command { return malwareRules().Commands() }},
	{Names: []string{"Get-QuarantinePolicy", "New-QuarantinePolicy", "Set-QuarantinePolicy", "Remove-QuarantinePolicy"}, Build: quarantineCommands},
	{Names: []string{"New-QuarantinePermissions", "Set-QuarantinePermissions"}, Build: quarantinePermissionsCommands},
	{Names: []string{"Get-HostedOutboundSpamFilterPolicy", "New-HostedOutboundSpamFilterPolicy", "Set-HostedOutboundSpamFilterPolicy",
		"Remove-HostedOutboundSpamFilterPolicy"}, Build: outboundCommands},
	{Names: []string{"Get-HostedOutboundSpamFilterRule", "New-HostedOutboundSpamFilterRule", "Set-HostedOutboundSpamFilterRule",
		"Remove-HostedOutboundSpamFilterRule", "Enable-HostedOutboundSpamFilterRule", "Disable-HostedOutboundSpamFilterRule"},
		Build: func() []*command.Command { return outboundRules().Commands() }},
	{Names: []string{"Get-HostedConnectionFilterPolicy", "Set-HostedConnectionFilterPolicy"}, Build: singletonCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default tables: policies by name and whether they
// are the default, rules by name, state and priority.
func Views(r *format.Registry) {
	for _, t := range []string{TypePolicy, TypeOutbound, TypeConnection, TypeAntiPhish, TypeMalware} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Name", Property: "Name"},
			{Label: "IsDefault", Property: "IsDefault"},
		}})
	}
	for _, t := range []string{TypeRule, TypeAntiPhishRule, TypeMalwareRule, TypeOutboundRule} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Name", Property: "Name"},
			{Label: "State", Property: "State"},
			{Label: "Priority", Property: "Priority"},
		}})
	}
}

// The .NET types of the properties the package's objects show.
const tStr, tBool, tInt, tDate, tGuid = "System.String", "System.Boolean", "System.Int32", "System.DateTime", "System.Guid"

// config describes the configuration object whose closing properties
// addTail adds: identity, names, class and dates.
type config struct {
	name, guid, container, category, class string
	created, changed                       time.Time
}

// addTail adds the properties a hygiene configuration object closes
// with (see exo.AddHygieneTail).
func addTail(p *object.PSObject, o *directory.Organization, c config) {
	exo.AddHygieneTail(p, o, exo.HygieneConfig{Name: c.name, Guid: c.guid, Container: c.container, Category: c.category,
		Class: c.class, Created: c.created, Changed: c.changed})
}

// newObject is an empty object of a hygiene configuration type.
func newObject(typ string) *object.PSObject { return exo.HygieneObject(typ) }
