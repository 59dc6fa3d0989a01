package decl

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/params"
)

// supplement declares the Exchange Online cmdlets the simulator models
// that the facts file does not list, by lower-case name. Each is written
// in the shape of a generated declaration (names, types, sets, validation;
// no help texts), so that a cmdlet package declares them the same way as
// every other. Find and Names do not know them: they describe the facts
// file.
var supplement = lazy.Value[map[string]func() *command.Command]{Build: func() map[string]func() *command.Command {
	return map[string]func() *command.Command{
		// Search-AdminAuditLog: the facts file counts it among the
		// on-premises cmdlets; the simulator keeps it as the way to read its
		// admin audit log.
		"search-adminauditlog": func() *command.Command {
			return &command.Command{Name: "Search-AdminAuditLog", Params: []*params.Param{
				params.P("Cmdlets", params.TStrings),
				params.P("Parameters", params.TStrings),
				params.P("ObjectIds", params.TStrings),
				params.P("UserIds", params.TStrings),
				params.P("StartDate", params.TDateTime),
				params.P("EndDate", params.TDateTime),
				params.P("IsSuccess", params.TBool),
				params.P("ExternalAccess", params.TBool),
				params.P("StartIndex", params.TInt),
				params.P("ResultSize", params.TInt, params.Range(1, 250000)),
			}}
		},
	}
}}

// lookupSupplement returns a fresh copy of a supplementary declaration, or
// nil.
func lookupSupplement(name string) *command.Command {
	if build := supplement.Get()[strings.ToLower(name)]; build != nil {
		return build()
	}
	return nil
}

// optionalInFact returns the parameters of a cmdlet (any case) that the
// facts file marks mandatory (as Microsoft's reference page does) but
// Exchange Online does not require: the same page's own example runs the
// cmdlet without them, and so do admins' scripts.
// Get-HostedOutboundSpamFilterPolicy without -Identity lists every
// outbound spam filter policy; New-ServicePrincipal's -ServiceId is the
// deprecated name of -ObjectId, and the page's example and the article
// on RBAC for applications give -ObjectId alone.
func optionalInFact(cmdlet string) []string {
	switch {
	case strings.EqualFold(cmdlet, "Get-HostedOutboundSpamFilterPolicy"):
		return []string{"Identity"}
	case strings.EqualFold(cmdlet, "New-ServicePrincipal"):
		return []string{"ServiceId"}
	}
	return nil
}

// valuesInFact returns the values a parameter of a cmdlet (both any case)
// accepts where the facts file records none, because the generator reads
// only some reference pages: Get-EXOCasMailbox -PropertySets takes the
// property sets its page lists, in the page's order; nil for any other
// parameter.
func valuesInFact(cmdlet, param string) []string {
	if strings.EqualFold(cmdlet, "Get-EXOCasMailbox") && strings.EqualFold(param, "PropertySets") {
		return []string{"Minimum", "ActiveSync", "Ews", "Imap", "Mapi", "Pop", "ProtocolSettings", "All"}
	}
	return nil
}

// correct applies optionalInFact and valuesInFact to a generated
// declaration.
func correct(c *command.Command) {
	for _, p := range c.Params {
		if values := valuesInFact(c.Name, p.Name); values != nil && len(p.Type.Values) == 0 {
			p.Type = typeOf(p.Type.Name, values)
		}
	}
	names := optionalInFact(c.Name)
	if names == nil {
		return
	}
	for _, p := range c.Params {
		for _, n := range names {
			if strings.EqualFold(p.Name, n) {
				for i := range p.Sets {
					p.Sets[i].Mandatory = false
				}
			}
		}
	}
}
