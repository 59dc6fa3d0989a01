package machine

import (
	"fmt"
	"github.com/exosim/exosim/cmdlets/core/engine"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

func addTypeCommands() []*command.Command { return []*command.Command{addType()} }

// addType is Add-Type. -AssemblyName loads an assembly by name, as
// PowerShell 7.4 on Linux does: one of .NET's shared framework or of
// PowerShell's own folder loads (quietly: PowerShell 7 needs no load to
// use its types); the Windows desktop assemblies (System.Windows.Forms,
// PresentationFramework ...) and any other name are looked for as a .dll
// in the current folder and not found there. Compiling C# source
// (-TypeDefinition, -MemberDefinition) and loading assembly files (-Path,
// -LiteralPath, -PassThru's list of types) are not simulated.
func addType() *command.Command {
	c := engine.Declared("Add-Type", engine.ModUtility)
	c.FullTypeName = "Microsoft.PowerShell.Commands.AddTypeCommand"
	c.Synopsis = "Loads a .NET assembly by name (the shared framework's and PowerShell's own); compiling source is not simulated."
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.ParameterSet != "FromAssemblyName" || ctx.Switch("PassThru") {
			rec := ctx.NewError("Add-Type is a real PowerShell cmdlet, but exosim does not simulate compiling .NET source, loading assembly files or listing an assembly's types: the call was not run.",
				"CmdletNotSimulated", object.NotImplemented, "NotImplementedException", nil)
			rec.ExceptionFullType = "System.NotImplementedException"
			return ctx.Fail(rec)
		}
		for _, name := range ctx.Strings("AssemblyName") {
			simple := strings.TrimSpace(name)
			if i := strings.IndexByte(simple, ','); i >= 0 {
				simple = strings.TrimSpace(simple[:i])
			}
			if frameworkAssembly(simple) {
				continue
			}
			file := simple
			if !strings.HasSuffix(strings.ToLower(file), ".dll") {
				file += ".dll"
			}
			path := runtime.Of(ctx).Files().Location().ProviderPath()
			path = strings.TrimSuffix(path, "/") + "/" + file
			rec := ctx.NewError(fmt.Sprintf("Cannot find path '%s' because it does not exist.", path),
				"PathNotFound", object.ObjectNotFound, "ItemNotFoundException", path)
			return ctx.Fail(rec)
		}
		return nil
	}
	return c
}

// desktopAssemblies are the Windows desktop assemblies, which PowerShell
// on Linux does not have.
var desktopAssemblies = []string{
	"system.windows.forms", "system.windows.forms.datavisualization", "system.windows.forms.primitives", "system.windows.controls.ribbon",
	"system.windows.input.manipulations", "system.windows.presentation", "system.xaml", "system.design", "system.drawing.design",
	"system.printing", "system.speech",
}

// frameworkAssembly reports whether an assembly of this name is one
// PowerShell 7.4 on Linux loads by name: .NET's shared framework (the
// System.* assemblies and their facades, mscorlib, netstandard,
// WindowsBase, Microsoft.VisualBasic, Microsoft.CSharp,
// Microsoft.Win32.*) or PowerShell's own folder (System.Management.Automation,
// Microsoft.PowerShell.*, Microsoft.Management.Infrastructure,
// Newtonsoft.Json).
func frameworkAssembly(name string) bool {
	n := strings.ToLower(name)
	for _, d := range desktopAssemblies {
		if n == d {
			return false
		}
	}
	switch n {
	case "system", "mscorlib", "netstandard", "windowsbase", "microsoft.visualbasic", "microsoft.visualbasic.core", "microsoft.csharp",
		"microsoft.management.infrastructure", "newtonsoft.json":
		return true
	}
	return strings.HasPrefix(n, "system.") || strings.HasPrefix(n, "microsoft.powershell.") || strings.HasPrefix(n, "microsoft.win32.")
}
