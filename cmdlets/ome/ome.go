// Package ome declares the Exchange Online cmdlets around Microsoft Purview
// Message Encryption: message status and revocation, branding templates
// (OME configurations), the IRM configuration with its rights policy
// templates and test, message trace, the encryption and quarantine parts
// of mail flow rules (New-, Get-, Set-, Enable-, Disable- and
// Remove-TransportRule), and the quarantined messages (Get-, Release-,
// Delete-, Preview- and Export-QuarantineMessage, Get-QuarantineMessageHeader).
package ome

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-OMEMessageStatus", "Set-OMEMessageRevocation"}, Build: messageCommands},
	{Names: []string{"Get-OMEConfiguration", "New-OMEConfiguration", "Set-OMEConfiguration", "Get-IRMConfiguration", "Set-IRMConfiguration"}, Build: configCommands},
	{Names: []string{"Get-MessageTrace", "Get-MessageTraceV2", "Get-MessageTraceDetail", "Get-MessageTraceDetailV2"}, Build: traceCommands},
	{Names: []string{"New-TransportRule", "Get-TransportRule"}, Build: ruleCommands},
	{Names: []string{"Set-TransportRule", "Enable-TransportRule", "Disable-TransportRule", "Remove-TransportRule"}, Build: ruleChangeCommands},
	{Names: []string{"Get-RMSTemplate", "Test-IRMConfiguration"}, Build: rmsCommands},
	{Names: []string{"Get-QuarantineMessage", "Release-QuarantineMessage", "Delete-QuarantineMessage"}, Build: quarantineCommands},
	{Names: []string{"Get-QuarantineMessageHeader", "Preview-QuarantineMessage", "Export-QuarantineMessage"}, Build: quarantineViewCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the package's output types.
func Views(r *format.Registry) {
	messageViews(r)
	traceViews(r)
	ruleViews(r)
	rmsViews(r)
	quarantineViews(r)
}

// Exception types of the errors this package writes.
const (
	exDataValidation = "Microsoft.Exchange.Data.DataValidationException"
	exAlreadyExists  = "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException"
)
