package decl

import (
	"strings"

	"github.com/exosim/exosim/shell/runtime"
)

// supplement declares the Exchange Online cmdlets the simulator models
// that the facts file does not list, by lower-case name. Each is written
// in the shape of a generated declaration (names, types, sets, validation;
// no help texts), so that a cmdlet package declares them the same way as
// every other. Find and Names do not know them: they describe the facts
// file.
var supplement = map[string]func() *runtime.Command{
	// Search-AdminAuditLog: the facts file counts it among the
	// on-premises cmdlets; the simulator keeps it as the way to read its
	// admin audit log.
	"search-adminauditlog": func() *runtime.Command {
		return &runtime.Command{Name: "Search-AdminAuditLog", Params: []*runtime.Param{
			runtime.P("Cmdlets", runtime.TStrings),
			runtime.P("Parameters", runtime.TStrings),
			runtime.P("ObjectIds", runtime.TStrings),
			runtime.P("UserIds", runtime.TStrings),
			runtime.P("StartDate", runtime.TDateTime),
			runtime.P("EndDate", runtime.TDateTime),
			runtime.P("IsSuccess", runtime.TBool),
			runtime.P("ExternalAccess", runtime.TBool),
			runtime.P("StartIndex", runtime.TInt),
			runtime.P("ResultSize", runtime.TInt, runtime.Range(1, 250000)),
		}}
	},
}

// lookupSupplement returns a fresh copy of a supplementary declaration, or
// nil.
func lookupSupplement(name string) *runtime.Command {
	if build := supplement[strings.ToLower(name)]; build != nil {
		return build()
	}
	return nil
}
