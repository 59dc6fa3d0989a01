package engine

import (
	"math"
	"strings"
	"sync"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

// The members of a CommandInfo that describe its parameters: Parameters,
// a dictionary of ParameterMetadata by name, and ParameterSets, one
// CommandParameterSetInfo per set with a CommandParameterInfo per
// parameter. Both list the declared parameters first, in declaration
// order, then the common parameters (for cmdlets and advanced
// functions), then -WhatIf and -Confirm when the command supports
// ShouldProcess.

const (
	typeParameterMetadata    = "System.Management.Automation.ParameterMetadata"
	typeParameterSetMetadata = "System.Management.Automation.ParameterSetMetadata"
	typeParameterSetInfo     = "System.Management.Automation.CommandParameterSetInfo"
	typeParameterInfo        = "System.Management.Automation.CommandParameterInfo"
	smaAssembly              = "System.Management.Automation"
)

// registerParameterTypes declares the metadata types so a dictionary of
// them carries its .NET name and [System.Management.Automation.ParameterMetadata]
// resolves.
func registerParameterTypes() { parameterTypesOnce.Do(declareParameterTypes) }

var parameterTypesOnce sync.Once

func declareParameterTypes() {
	isType := func(name string) func(*dotnet.TypeInfo, any) bool {
		return func(_ *dotnet.TypeInfo, v any) bool {
			o, ok := v.(*object.PSObject)
			return ok && len(o.TypeNames) > 0 && o.TypeNames[0] == name
		}
	}
	var defs []*dotnet.TypeDef
	for _, n := range []string{typeParameterMetadata, typeParameterSetMetadata, typeParameterSetInfo, typeParameterInfo} {
		defs = append(defs, &dotnet.TypeDef{FullName: n, Assembly: smaAssembly, Is: isType(n)})
	}
	dotnet.RegisterType(defs...)
}

// metaParam is one parameter as the metadata objects describe it: a
// declared one, or a common one.
type metaParam struct {
	name    string
	aliases []string
	typ     *params.Type
	// commonType is the .NET full name of a common parameter's type.
	commonType string
	sets       []params.SetInfo
	help       string
	remaining  bool
}

// metaParams lists the parameters of c in PowerShell's order; common
// adds the common parameters.
func metaParams(c *command.Command, common bool) []metaParam {
	var out []metaParam
	for _, p := range c.Params {
		out = append(out, metaParam{name: p.Name, aliases: p.Aliases, typ: p.Type, sets: p.Sets, help: p.Help, remaining: p.Remaining})
	}
	if !common {
		return out
	}
	for i := range params.Commons {
		cp := &params.Commons[i]
		if cp.ShouldProcess && !c.SupportsShouldProcess {
			continue
		}
		out = append(out, metaParam{name: cp.Name, aliases: cp.Aliases, commonType: cp.TypeName(), sets: []params.SetInfo{{Set: params.AllSets, Position: -1}}})
	}
	return out
}

// typeValue is the System.Type of a parameter.
func (m *metaParam) typeValue(rt *runtime.Runtime) *dotnet.TypeValue {
	name := m.commonType
	if name == "" {
		name = "System.Object"
		if m.typ != nil && m.typ.FullName != "" {
			name = m.typ.FullName
		}
	}
	if t, ok := rt.ResolveType(name); ok {
		return &dotnet.TypeValue{Info: t}
	}
	// an application type the session has no definition of keeps its name
	return &dotnet.TypeValue{Info: &dotnet.TypeInfo{FullName: name, Test: func(any) bool { return false }}}
}

func (m *metaParam) isSwitch() bool {
	return m.commonType == params.TSwitch.FullName || m.typ != nil && m.typ.Kind == params.KindSwitch
}

// position is the Position the metadata objects show: int.MinValue for a
// named-only parameter.
func position(si params.SetInfo) int {
	if si.Position < 0 {
		return math.MinInt32
	}
	return si.Position
}

// closedDictionary returns an empty Dictionary[string, T] whose string
// keys ignore case, as the metadata dictionaries do.
func closedDictionary(valueType string) *object.Hashtable {
	registerParameterTypes()
	h := object.NewHashtable()
	def := dotnet.LookupDef("System.Collections.Generic.Dictionary`2", 2)
	key, val := dotnet.TypeByName("System.String"), dotnet.TypeByName(valueType)
	if def != nil && key != nil && val != nil {
		h.Type = dotnet.CloseType(def, []*dotnet.TypeInfo{key, val})
	}
	return h
}

// ParametersOf builds the Parameters dictionary of a CommandInfo.
func ParametersOf(rt *runtime.Runtime, c *command.Command, common bool) *object.Hashtable {
	out := closedDictionary(typeParameterMetadata)
	for _, m := range metaParams(c, common) {
		o := object.NewObject(typeParameterMetadata, "System.Object")
		o.AddTyped("Name", "string", m.name)
		o.AddTyped("ParameterType", "type", m.typeValue(rt))
		sets := closedDictionary(typeParameterSetMetadata)
		for _, si := range m.sets {
			s := object.NewObject(typeParameterSetMetadata, "System.Object")
			s.AddTyped("IsMandatory", "bool", si.Mandatory)
			s.AddTyped("Position", "int", position(si))
			s.AddTyped("ValueFromPipeline", "bool", si.FromPipeline)
			s.AddTyped("ValueFromPipelineByPropertyName", "bool", si.FromPipelineByName)
			s.AddTyped("ValueFromRemainingArguments", "bool", m.remaining)
			s.AddTyped("HelpMessage", "string", m.help)
			s.AddTyped("HelpMessageBaseName", "string", nil)
			s.AddTyped("HelpMessageResourceId", "string", nil)
			sets.Set(si.Set, s)
		}
		o.AddTyped("ParameterSets", "System.Collections.Generic.Dictionary[string,System.Management.Automation.ParameterSetMetadata]", sets)
		o.AddTyped("IsDynamic", "bool", false)
		o.AddTyped("Aliases", "System.Collections.ObjectModel.Collection[string]", dotnet.Strings(m.aliases))
		o.AddTyped("Attributes", "System.Collections.ObjectModel.Collection[System.Attribute]", []any{})
		o.AddTyped("SwitchParameter", "bool", m.isSwitch())
		o.ToStringFunc = func() string { return typeParameterMetadata }
		out.Set(m.name, o)
	}
	return out
}

// ParameterSetsOf builds the ParameterSets of a CommandInfo.
func ParameterSetsOf(rt *runtime.Runtime, c *command.Command, common bool) []any {
	all := metaParams(c, common)
	syntax := SyntaxLines(c, common)
	var out []any
	for i, set := range c.SetNames() {
		o := object.NewObject(typeParameterSetInfo, "System.Object")
		o.AddTyped("Name", "string", set)
		o.AddTyped("IsDefault", "bool", len(c.Sets) == 0 || strings.EqualFold(set, c.DefaultSet))
		var ps []any
		for _, m := range all {
			var si params.SetInfo
			found := false
			for _, s := range m.sets {
				if s.Set == params.AllSets || strings.EqualFold(s.Set, set) {
					si, found = s, true
					break
				}
			}
			if !found {
				continue
			}
			p := object.NewObject(typeParameterInfo, "System.Object")
			p.AddTyped("Name", "string", m.name)
			p.AddTyped("ParameterType", "type", m.typeValue(rt))
			p.AddTyped("IsMandatory", "bool", si.Mandatory)
			p.AddTyped("IsDynamic", "bool", false)
			p.AddTyped("Position", "int", position(si))
			p.AddTyped("ValueFromPipeline", "bool", si.FromPipeline)
			p.AddTyped("ValueFromPipelineByPropertyName", "bool", si.FromPipelineByName)
			p.AddTyped("ValueFromRemainingArguments", "bool", m.remaining)
			p.AddTyped("HelpMessage", "string", m.help)
			p.AddTyped("Aliases", "System.Collections.ObjectModel.ReadOnlyCollection[string]", dotnet.Strings(m.aliases))
			p.AddTyped("Attributes", "System.Collections.ObjectModel.ReadOnlyCollection[System.Attribute]", []any{})
			p.ToStringFunc = func() string { return typeParameterInfo }
			ps = append(ps, p)
		}
		o.AddTyped("Parameters", "System.Collections.ObjectModel.ReadOnlyCollection[System.Management.Automation.CommandParameterInfo]", ps)
		// the set's text is its syntax line without the command's name
		text := ""
		if i < len(syntax) {
			text = strings.TrimSpace(strings.TrimPrefix(syntax[i], c.Name))
		}
		o.ToStringFunc = func() string { return text }
		out = append(out, o)
	}
	return out
}

// parameterSetView is PowerShell's view of a CommandParameterSetInfo:
// the set's name, whether it is the default, then a block per
// parameter.
func parameterSetView(r *format.Registry) {
	r.Add(&format.View{
		Name: "CommandParameterSetInfo", TypeNames: []string{typeParameterSetInfo}, Kind: format.CustomView,
		Custom: func(v any, o *format.Options) []string {
			str := func(o any, name string) string {
				return object.ToInvariantString(object.PropertyValue(o, name))
			}
			lines := []string{"Parameter Set Name: " + str(v, "Name"), "Is default parameter set: " + str(v, "IsDefault")}
			items, _ := object.PropertyValue(v, "Parameters").([]any)
			for _, p := range items {
				var aliases []string
				al, _ := object.PropertyValue(p, "Aliases").([]any)
				for _, a := range al {
					aliases = append(aliases, object.ToInvariantString(a))
				}
				lines = append(lines, "",
					"  Parameter Name: "+str(p, "Name"),
					"    ParameterType = "+str(p, "ParameterType"),
					"    Position = "+str(p, "Position"),
					"    IsMandatory = "+str(p, "IsMandatory"),
					"    IsDynamic = "+str(p, "IsDynamic"),
					"    HelpMessage = "+str(p, "HelpMessage"),
					"    ValueFromPipeline = "+str(p, "ValueFromPipeline"),
					"    ValueFromPipelineByPropertyName = "+str(p, "ValueFromPipelineByPropertyName"),
					"    ValueFromRemainingArguments = "+str(p, "ValueFromRemainingArguments"),
					"    Aliases = {"+strings.Join(aliases, ", ")+"}",
					"    Attributes =",
				)
			}
			return append(lines, "")
		},
	})
}
