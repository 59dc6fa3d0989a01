package system

import (
	"github.com/exosim/exosim/shell/dotnet"
)

// System.Security.Principal as .NET has it off Windows: the types exist
// (a script can name them and cast to WindowsBuiltInRole), but getting
// the current Windows identity or making a principal, an account name or
// a security identifier throws PlatformNotSupportedException, so an
// "am I an administrator" check fails the way it does in PowerShell on
// Linux.

// principalUnsupported is the message of every Windows principal call.
const principalUnsupported = "Windows Principal functionality is not supported on this platform."

// unsupportedPrincipal fails a call the way .NET does off Windows.
func unsupportedPrincipal(*dotnet.Call) (any, error) {
	return nil, &dotnet.TypedException{Msg: principalUnsupported, Type: "System.PlatformNotSupportedException"}
}

// declarePrincipal declares the Windows identity types and the built-in
// role enum.
func declarePrincipal() {
	const ns = "System.Security.Principal."
	dotnet.RegisterType(&dotnet.TypeDef{FullName: ns + "WindowsIdentity", Assembly: "System.Security.Principal.Windows",
		New: unsupportedPrincipal,
		Static: dotnet.Members{
			"GetCurrent":   dotnet.Method(0, 2, unsupportedPrincipal),
			"GetAnonymous": dotnet.Method(0, 0, unsupportedPrincipal),
		},
	})
	for _, name := range []string{"WindowsPrincipal", "NTAccount", "SecurityIdentifier"} {
		dotnet.RegisterType(&dotnet.TypeDef{FullName: ns + name, Assembly: "System.Security.Principal.Windows", New: unsupportedPrincipal})
	}
	dotnet.RegisterType(dotnet.EnumDef(ns+"WindowsBuiltInRole", false,
		"Administrator=544", "User", "Guest", "PowerUser", "AccountOperator", "SystemOperator", "PrintOperator", "BackupOperator", "Replicator"))
}
