package automation

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// PowerShell's attribute types as type literals. Written with arguments
// before a parameter or variable ([ValidateRange(1,5)]$x) an attribute is
// the interpreter's; written alone ([ValidateRange], [Parameter].FullName)
// it is the type, named by PowerShell's type accelerator (the name
// without its namespace and the Attribute suffix). An attribute object a
// variable's Attributes list holds is an instance of its type.

// attributeAccelerators are the accelerators of PowerShell's attribute
// types; each names System.Management.Automation.<name>Attribute, but
// PSTypeNameAttribute, whose accelerator keeps the suffix.
var attributeAccelerators = []string{
	"Alias", "AllowEmptyCollection", "AllowEmptyString", "AllowNull", "ArgumentCompleter", "ArgumentCompletions",
	"CmdletBinding", "DscLocalConfigurationManager", "DscProperty", "DscResource", "Experimental", "Hidden",
	"NoRunspaceAffinity", "OutputType", "Parameter", "PSDefaultValue", "PSTypeNameAttribute", "SupportsWildcards",
	"ValidateCount", "ValidateDrive", "ValidateLength", "ValidateNotNull", "ValidateNotNullOrEmpty",
	"ValidateNotNullOrWhiteSpace", "ValidatePattern", "ValidateRange", "ValidateScript", "ValidateSet",
	"ValidateTrustedData", "ValidateUserDrive",
}

// declareAttributes declares the attribute types.
func declareAttributes() {
	for _, acc := range attributeAccelerators {
		full := "System.Management.Automation." + strings.TrimSuffix(acc, "Attribute") + "Attribute"
		dotnet.RegisterType(&dotnet.TypeDef{FullName: full, Assembly: "System.Management.Automation",
			Aliases: []string{strings.ToLower(acc)},
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				for _, n := range object.TypeNames(dotnet.Bare(v)) {
					if n == full {
						return true
					}
				}
				return false
			},
		})
	}
}
