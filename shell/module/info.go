package module

import (
	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/object"
)

// InfoType is the .NET type of a module's object (Get-Module's output).
const InfoType = "System.Management.Automation.PSModuleInfo"

// TypeEnum is the ModuleType value of a kind of module (Script, Binary,
// Manifest).
func TypeEnum(kind string) object.Enum {
	v := 0
	switch kind {
	case "Binary":
		v = 1
	case ManifestKind:
		v = 2
	}
	return object.Enum{Type: "System.Management.Automation.ModuleType", Name: kind, Value: v}
}

// Info is the module's PSModuleInfo: one object for the module's life,
// as PowerShell keeps one (a script that sets its OnRemove sets it for
// Remove-Module), whose exports, prefix and nested modules are read as
// they are when asked.
func (m *Module) Info() *object.PSObject {
	if m.info != nil {
		return m.info
	}
	o := object.NewObject(InfoType, "System.Object")
	live := func(name, typeName string, get func() any) {
		o.AddProperty(&object.Property{Name: name, Kind: object.AdaptedProperty, TypeName: typeName, Getter: get})
	}
	names := func(list []string, prefix string) *object.Hashtable {
		h := object.NewHashtable()
		h.Ordered = true
		for _, n := range list {
			n = AddPrefix(n, prefix)
			h.Set(n, n)
		}
		return h
	}
	o.AddTyped("Name", "string", m.Name)
	live("Path", "string", func() any { return m.Path })
	o.AddTyped("Description", "string", m.Description)
	live("ModuleType", "System.Management.Automation.ModuleType", func() any { return TypeEnum(m.Kind) })
	o.AddTyped("Version", "version", system.VersionOf(m.Version))
	o.AddTyped("PreRelease", "string", nil)
	o.AddTyped("Author", "string", m.Author)
	o.AddTyped("CompanyName", "string", m.CompanyName)
	o.AddTyped("Copyright", "string", m.Copyright)
	o.AddTyped("Guid", "guid", m.Guid)
	o.AddTyped("ModuleBase", "string", m.Base)
	live("ExportedCommands", "System.Collections.Generic.Dictionary[string,System.Management.Automation.CommandInfo]", func() any { return names(m.ExportedCommands(), "") })
	live("ExportedFunctions", "System.Collections.Generic.Dictionary[string,System.Management.Automation.FunctionInfo]", func() any { return names(m.Functions, m.Prefix) })
	live("ExportedCmdlets", "System.Collections.Generic.Dictionary[string,System.Management.Automation.CmdletInfo]", func() any { return names(m.Cmdlets, m.Prefix) })
	live("ExportedAliases", "System.Collections.Generic.Dictionary[string,System.Management.Automation.AliasInfo]", func() any { return names(m.Aliases, m.Prefix) })
	live("ExportedVariables", "System.Collections.Generic.Dictionary[string,System.Management.Automation.PSVariable]", func() any { return names(m.Variables, "") })
	live("Prefix", "string", func() any { return m.Prefix })
	live("NestedModules", "System.Collections.ObjectModel.ReadOnlyCollection[System.Management.Automation.PSModuleInfo]", func() any {
		var nested []any
		for _, n := range m.Nested {
			nested = append(nested, n.Info())
		}
		return nested
	})
	editions := make([]any, len(m.Editions))
	for i, e := range m.Editions {
		editions[i] = e
	}
	o.AddTyped("CompatiblePSEditions", "System.Collections.Generic.IEnumerable[string]", editions)
	o.AddTyped("OnRemove", "scriptblock", nil)
	name := m.Name
	o.ToStringFunc = func() string { return name }
	m.info = o
	return o
}

// OnRemoveBlock is the script block a script set as the module's OnRemove
// (nil: none), which Remove-Module runs before it removes the module.
func (m *Module) OnRemoveBlock() any {
	if m.info == nil {
		return nil
	}
	return m.info.Value("OnRemove")
}
