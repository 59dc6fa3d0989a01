package system

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.AppDomain and the assemblies it lists. PowerShell 7.4 on Linux
// runs in one application domain whose assemblies are .NET 8's and
// PowerShell's own, all loaded from $PSHOME; scripts ask
// [AppDomain]::CurrentDomain.GetAssemblies() whether an assembly is
// loaded (by FullName or Location). exosim loads nothing more: Add-Type
// and Import-Module of a .NET library add no assembly.

// psHome is $PSHOME, the folder PowerShell's assemblies load from.
const psHome = "/opt/microsoft/powershell/7"

// loadedAssemblies are the assemblies of a PowerShell 7.4 session, by
// name and the public key token of their strong name.
var loadedAssemblies = []struct{ name, version, token string }{
	{"System.Private.CoreLib", "8.0.0.0", "7cec85d7bea7798e"},
	{"pwsh", "7.4.6.500", "31bf3856ad364e35"},
	{"System.Runtime", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"Microsoft.PowerShell.ConsoleHost", "7.4.6.500", "31bf3856ad364e35"},
	{"System.Management.Automation", "7.4.6.500", "31bf3856ad364e35"},
	{"System.Collections", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Console", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Linq", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Linq.Expressions", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Text.RegularExpressions", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Threading", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Collections.Concurrent", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.ComponentModel.Primitives", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Net.Primitives", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Net.Http", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Private.Uri", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"System.Private.Xml", "8.0.0.0", "cc7b13ffcd2ddd51"},
	{"System.Security.Cryptography", "8.0.0.0", "b03f5f7f11d50a3a"},
	{"Microsoft.PowerShell.Commands.Utility", "7.4.6.500", "31bf3856ad364e35"},
	{"Microsoft.PowerShell.Commands.Management", "7.4.6.500", "31bf3856ad364e35"},
	{"Microsoft.PowerShell.Security", "7.4.6.500", "31bf3856ad364e35"},
	{"Microsoft.Management.Infrastructure", "1.0.0.0", "31bf3856ad364e35"},
	{"System.Text.Json", "8.0.0.0", "cc7b13ffcd2ddd51"},
	{"Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed"},
	{"PSReadLine", "2.3.5.0", "null"},
}

// assembly is a loaded assembly (System.Reflection.RuntimeAssembly).
type assembly struct{ name, version, token string }

func (a *assembly) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Reflection.RuntimeAssembly")
}

// PSTypeName is the .NET type name.
func (a *assembly) PSTypeName() string { return "System.Reflection.RuntimeAssembly" }

// String is the assembly's full name, as Assembly.ToString gives it.
func (a *assembly) String() string { return a.fullName() }

func (a *assembly) fullName() string {
	return a.name + ", Version=" + a.version + ", Culture=neutral, PublicKeyToken=" + a.token
}

func (a *assembly) location() string { return psHome + "/" + a.name + ".dll" }

// Adapted lists the properties output shows of an assembly.
func (a *assembly) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "FullName", Value: a.fullName(), Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "Location", Value: a.location(), Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "GlobalAssemblyCache", Value: false, Kind: object.AdaptedProperty, TypeName: "bool"},
		{Name: "ImageRuntimeVersion", Value: "v4.0.30319", Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "IsDynamic", Value: false, Kind: object.AdaptedProperty, TypeName: "bool"},
	}
}

// appDomain is the session's application domain (System.AppDomain).
type appDomain struct{}

func (appDomain) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.AppDomain") }

// PSTypeName is the .NET type name.
func (appDomain) PSTypeName() string { return "System.AppDomain" }

// String is what AppDomain.ToString gives: the friendly name and the
// line saying there are no context policies.
func (appDomain) String() string { return "Name:pwsh\nThere are no context policies.\n" }

// Adapted lists the properties output shows of the domain.
func (appDomain) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "FriendlyName", Value: "pwsh", Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "Id", Value: 1, Kind: object.AdaptedProperty, TypeName: "int"},
		{Name: "BaseDirectory", Value: psHome + "/", Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "IsFullyTrusted", Value: true, Kind: object.AdaptedProperty, TypeName: "bool"},
	}
}

func asmOf(c *dotnet.Call) *assembly { return object.Unwrap(c.Self).(*assembly) }

// declareAppDomain declares System.AppDomain and
// System.Reflection.Assembly (with the RuntimeAssembly objects it lists).
func declareAppDomain() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.AppDomain", Assembly: "System.Private.CoreLib", Aliases: []string{"appdomain"},
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(appDomain); return ok },
		Static: dotnet.Members{
			"CurrentDomain": dotnet.Prop(func(*dotnet.Call) (any, error) { return appDomain{}, nil }),
		},
		Members: dotnet.Members{
			"FriendlyName":   dotnet.Prop(func(*dotnet.Call) (any, error) { return "pwsh", nil }),
			"Id":             dotnet.Prop(func(*dotnet.Call) (any, error) { return 1, nil }),
			"BaseDirectory":  dotnet.Prop(func(*dotnet.Call) (any, error) { return psHome + "/", nil }),
			"IsFullyTrusted": dotnet.Prop(func(*dotnet.Call) (any, error) { return true, nil }),
			"GetAssemblies": dotnet.Method(0, 0, func(*dotnet.Call) (any, error) {
				out := make([]any, len(loadedAssemblies))
				for i, a := range loadedAssemblies {
					out[i] = &assembly{a.name, a.version, a.token}
				}
				return out, nil
			}),
		},
	})
	isAssembly := func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*assembly); return ok }
	members := dotnet.Members{
		"FullName":            dotnet.Prop(func(c *dotnet.Call) (any, error) { return asmOf(c).fullName(), nil }),
		"Location":            dotnet.Prop(func(c *dotnet.Call) (any, error) { return asmOf(c).location(), nil }),
		"GlobalAssemblyCache": dotnet.Prop(func(*dotnet.Call) (any, error) { return false, nil }),
		"ImageRuntimeVersion": dotnet.Prop(func(*dotnet.Call) (any, error) { return "v4.0.30319", nil }),
		"IsDynamic":           dotnet.Prop(func(*dotnet.Call) (any, error) { return false, nil }),
		"GetName": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			a := asmOf(c)
			o := object.NewObject("System.Reflection.AssemblyName", "System.Object")
			o.AddTyped("Name", "string", a.name)
			v, err := ParseVersion(a.version, a.version)
			if err != nil {
				return nil, err
			}
			o.AddTyped("Version", "version", v)
			o.AddTyped("CultureName", "string", "")
			o.AddTyped("FullName", "string", a.fullName())
			return o, nil
		}),
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Reflection.Assembly", Assembly: "System.Private.CoreLib", Is: isAssembly, Members: members})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Reflection.RuntimeAssembly", Assembly: "System.Private.CoreLib", Is: isAssembly, Members: members})
}
