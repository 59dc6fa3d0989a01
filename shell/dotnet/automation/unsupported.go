package automation

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// .NET types a script can name in PowerShell but exosim does not model:
// naming one says so in one line rather than claiming the type does not
// exist. The key is the lower-case full name; the value names what the
// type gives a script.
var unsupportedTypes = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"system.management.automation.powershell":                    "PowerShell instances and runspaces",
		"system.management.automation.runspaces.runspacefactory":     "PowerShell instances and runspaces",
		"system.management.automation.runspaces.runspace":            "PowerShell instances and runspaces",
		"system.management.automation.runspaces.runspacepool":        "PowerShell instances and runspaces",
		"system.management.automation.runspaces.initialsessionstate": "PowerShell instances and runspaces",
		"system.management.automation.language.parser":               "the PowerShell parser API",
		"system.management.automation.psparser":                      "the PowerShell parser API",
	}
}}

// unsupportedTypeAliases are the short names PowerShell accepts for them.
var unsupportedTypeAliases = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"powershell":          "system.management.automation.powershell",
		"runspacefactory":     "system.management.automation.runspaces.runspacefactory",
		"runspace":            "system.management.automation.runspaces.runspace",
		"initialsessionstate": "system.management.automation.runspaces.initialsessionstate",
		"psparser":            "system.management.automation.psparser",
	}
}}

// UnsupportedTypeError is the one-line refusal for a type name exosim
// knows but does not model, or nil for any other name.
func UnsupportedTypeError(name string, ext syntax.Extent) error {
	key := strings.ToLower(strings.TrimSpace(name))
	if full, ok := unsupportedTypeAliases.Get()[key]; ok {
		key = full
	}
	what, ok := unsupportedTypes.Get()[key]
	if !ok {
		return nil
	}
	return pserror.Runtime(ext, "exosim does not support the .NET type ["+name+"] ("+what+").", "ExosimNotSupported", object.NotImplemented, "NotSupportedException")
}
