package members

// What Get-Member lists for a value's type: the members with their names
// as .NET spells them, their kind and the definition text PowerShell
// prints. Script classes are described from their definitions; the
// registered .NET types from the descriptions in memberdefs.go, each
// listed only when the member really resolves on the value, so the list
// never shows a member exosim cannot run.

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Info is one member as Get-Member shows it.
type Info struct {
	Name string
	// MemberType is the PSMemberTypes name: Method, Property,
	// ParameterizedProperty.
	MemberType string
	Definition string
}

// objectMethods are the methods every type has from System.Object.
var objectMethods = []Info{
	{"Equals", "Method", "bool Equals(System.Object obj)"},
	{"GetHashCode", "Method", "int GetHashCode()"},
	{"GetType", "Method", "type GetType()"},
	{"ToString", "Method", "string ToString()"},
}

// Of lists the members of v's type that Get-Member shows (the static
// ones with static set: of the type itself when v is a type); hidden
// members of script classes only with force. The list is sorted by
// member type, then name.
func Of(h Host, v any, static, force bool) []Info {
	return membersOf(h, v, static, force, true)
}

// membersOf is Of; withObject adds System.Object's methods where the
// type's description does not list them.
func membersOf(h Host, v any, static, force, withObject bool) []Info {
	var t *dotnet.TypeInfo
	if tv, ok := v.(*dotnet.TypeValue); ok && static {
		t = tv.Info
	} else {
		t = h.Dotnet().TypeOf(v)
	}
	byName := map[string]int{}
	var out []Info
	add := func(m Info) {
		key := strings.ToLower(m.Name)
		if i, ok := byName[key]; ok {
			if out[i].MemberType == "Method" && m.MemberType == "Method" && !strings.Contains(", "+out[i].Definition+", ", ", "+m.Definition+", ") {
				out[i].Definition += ", " + m.Definition
			}
			return
		}
		byName[key] = len(out)
		out = append(out, m)
	}
	if t != nil && classes.Of(t.Def()) != nil {
		classMembers(h, classes.Of(t.Def()), static, force, add)
		// a class has exactly System.Object's other methods
		withObject = true
	} else if t != nil {
		describedMembers(h, t, v, static, add)
		if static {
			enumValues(h, t, add)
		}
	}
	if !static && withObject {
		for _, m := range objectMethods {
			if _, ok := byName[strings.ToLower(m.Name)]; !ok {
				add(m)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].MemberType != out[j].MemberType {
			return out[i].MemberType < out[j].MemberType
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out
}

// classMembers describes a script class's properties and methods, the
// class's own before its bases'.
func classMembers(h Host, c *classes.Class, static, force bool, add func(Info)) {
	h.Classes().InClass(c, func() (any, error) {
		classMembersIn(h, c, static, force, add)
		return nil, nil
	})
}

// classMembersIn is classMembers with the class's definition scope
// current.
func classMembersIn(h Host, c *classes.Class, static, force bool, add func(Info)) {
	for k := c; k != nil; k = k.Base {
		for _, p := range k.Def.Props {
			if p.Static != static || (p.Hidden && !force) {
				continue
			}
			def := defTypeName(h, p.Type) + " " + p.Name + " {get;set;}"
			if static {
				def = "static " + def
			}
			add(Info{Name: p.Name, MemberType: "Property", Definition: def})
		}
		for _, m := range k.Def.Methods {
			if m.IsCtor || m.Static != static || (m.Hidden && !force) {
				continue
			}
			add(Info{Name: m.Name, MemberType: "Method", Definition: methodDefinition(h, m)})
		}
		if static {
			// static members belong to the class that declares them;
			// constructors are listed as the static method new, and
			// System.Object's static methods are every class's
			ctors := 0
			for _, m := range k.Def.Methods {
				if m.IsCtor && (!m.Hidden || force) {
					ctors++
					add(Info{Name: "new", MemberType: "Method", Definition: ctorDefinition(h, k.Def.Name, m)})
				}
			}
			if ctors == 0 {
				add(Info{Name: "new", MemberType: "Method", Definition: k.Def.Name + " new()"})
			}
			add(Info{Name: "Equals", MemberType: "Method", Definition: "static bool Equals(System.Object objA, System.Object objB)"})
			add(Info{Name: "ReferenceEquals", MemberType: "Method", Definition: "static bool ReferenceEquals(System.Object objA, System.Object objB)"})
			return
		}
	}
}

// ctorDefinition is a constructor as Get-Member shows it: "Class new(Type param, ...)".
func ctorDefinition(h Host, class string, m *syntax.MethodDef) string {
	def := methodDefinition(h, &syntax.MethodDef{Name: "new", Params: m.Params, ReturnType: &syntax.TypeName{Name: class}})
	return def
}

// methodDefinition is a class method's signature as Get-Member shows it:
// "[static ]ReturnType Name(Type param, ...)".
func methodDefinition(h Host, m *syntax.MethodDef) string {
	var b strings.Builder
	if m.Static {
		b.WriteString("static ")
	}
	if m.ReturnType == nil {
		b.WriteString("void")
	} else {
		b.WriteString(defTypeName(h, m.ReturnType))
	}
	b.WriteString(" " + m.Name + "(")
	for i, p := range m.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		var tn *syntax.TypeName
		if len(p.Types) > 0 {
			tn = p.Types[0]
		}
		b.WriteString(defTypeName(h, tn) + " " + p.Name)
	}
	b.WriteString(")")
	return b.String()
}

// defTypeName is a written type as definitions show it: PowerShell's
// short name for its core types, the full name for the others.
func defTypeName(h Host, tn *syntax.TypeName) string {
	if tn == nil {
		return "System.Object"
	}
	if strings.EqualFold(tn.Name, "void") {
		return "void"
	}
	if t, ok := h.Dotnet().ResolveType(tn.Name); ok {
		return friendlyTypeName(t)
	}
	return tn.Name
}

// friendlyTypeName is how PowerShell writes a type in a member
// definition: the accelerator of a core type (int, string, datetime),
// otherwise the full name, with generic arguments in brackets
// (System.Collections.Generic.List[string]) and [] for arrays.
func friendlyTypeName(t *dotnet.TypeInfo) string {
	if t == nil {
		return "System.Object"
	}
	if t.Element != nil {
		return friendlyTypeName(t.Element) + "[]"
	}
	full := t.FullName
	if t.Def() != nil {
		full = t.Def().FullName
	}
	if len(t.Args) > 0 {
		base := full
		if i := strings.LastIndexByte(base, '`'); i >= 0 && !strings.Contains(base[i:], "+") {
			base = base[:i]
		}
		parts := make([]string, len(t.Args))
		for i, a := range t.Args {
			parts[i] = friendlyTypeName(a)
		}
		return base + "[" + strings.Join(parts, ",") + "]"
	}
	if a, ok := coreTypeNames.Get()[full]; ok {
		return a
	}
	return full
}

// coreTypeNames are the types PowerShell writes by their accelerator in
// member definitions.
var coreTypeNames = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"System.Array": "array", "System.Boolean": "bool", "System.Byte": "byte", "System.Char": "char",
		"System.DateTime": "datetime", "System.Decimal": "decimal", "System.Double": "double",
		"System.Single": "float", "System.Guid": "guid", "System.Collections.Hashtable": "hashtable",
		"System.Int32": "int", "System.Int16": "short", "System.Int64": "long",
		"System.Collections.Specialized.OrderedDictionary": "ordered",
		"System.Management.Automation.PSObject":            "psobject",
		"System.Management.Automation.PSReference":         "ref",
		"System.Text.RegularExpressions.Regex":             "regex", "System.SByte": "sbyte", "System.String": "string",
		"System.Management.Automation.SwitchParameter": "switch", "System.Globalization.CultureInfo": "cultureinfo",
		"System.Numerics.BigInteger": "bigint", "System.Security.SecureString": "securestring",
		"System.TimeSpan": "timespan", "System.UInt16": "ushort", "System.UInt32": "uint", "System.UInt64": "ulong",
		"System.Uri": "uri", "System.Version": "version", "System.Void": "void", "System.Net.IPAddress": "ipaddress",
		"System.Management.Automation.ScriptBlock": "scriptblock", "System.Type": "type", "System.RuntimeType": "type",
		"System.Xml.XmlDocument": "xml", "System.Management.Automation.PSCredential": "pscredential",
	}
}}

// describedMembers adds the described members of t and its base types
// that resolve on v (on the type, for static ones).
func describedMembers(h Host, t *dotnet.TypeInfo, v any, static bool, add func(Info)) {
	seen := 0
	for cur := t; cur != nil && cur.Def() != nil && seen < 16; seen++ {
		for _, d := range memberDescriptions(cur.Def().FullName) {
			if d.static != static || !memberWorks(h, t, v, d) {
				continue
			}
			add(Info{Name: d.name, MemberType: d.kind, Definition: d.definition(cur, memberArity(h, t, v, d))})
		}
		switch {
		case cur.Def().BaseDef != nil:
			cur = dotnet.CloseType(cur.Def().BaseDef, nil)
		case cur.Def().Base != "":
			cur = dotnet.TypeByName(cur.Def().Base)
		default:
			cur = nil
		}
	}
}

// enumValues adds an enum type's values, which PowerShell lists among
// the type's static members as read-only properties of the enum's type.
func enumValues(h Host, t *dotnet.TypeInfo, add func(Info)) {
	def := t.Def()
	if def == nil || def.Base != "System.Enum" {
		return
	}
	typeName := friendlyTypeName(t)
	for _, m := range def.Static {
		if m.Get == nil {
			continue
		}
		v, err := m.Get(&dotnet.Call{Host: h.Dotnet(), Type: t})
		e, ok := object.Unwrap(v).(object.Enum)
		if err != nil || !ok {
			continue
		}
		add(Info{Name: e.Name, MemberType: "Property", Definition: "static " + typeName + " " + e.Name + " {get;}"})
	}
}

// memberWorks tells whether a described member resolves on the value.
func memberWorks(h Host, t *dotnet.TypeInfo, v any, d *memberDesc) bool {
	if d.static {
		m, _ := dotnet.FindMember(t, d.name, true)
		return m != nil
	}
	if d.kind == "Property" {
		if m, _ := instanceMember(h, v, d.name); m != nil && m.Get != nil {
			return true
		}
		_, found := Get(h, v, d.name)
		return found
	}
	m, _ := instanceMember(h, v, d.name)
	return m != nil && m.Call != nil
}

// memberArity is the range of argument counts the member accepts
// (max < 0: any).
func memberArity(h Host, t *dotnet.TypeInfo, v any, d *memberDesc) [2]int {
	var m *dotnet.Member
	if d.static {
		m, _ = dotnet.FindMember(t, d.name, true)
	} else {
		m, _ = instanceMember(h, v, d.name)
	}
	if m == nil || m.Call == nil {
		return [2]int{0, -1}
	}
	return [2]int{m.Min, m.Max}
}

// methodOverloads finds a method of v (of the type v names, for a static
// one) whose overloads are known: a script class's, or a described
// .NET type's. It returns the method's name as declared and its
// overload definitions; nil when the overloads are not known.
func methodOverloads(h Host, v any, static bool, name string) (string, []string) {
	for _, m := range membersOf(h, v, static, true, false) {
		if m.MemberType == "Method" && strings.EqualFold(m.Name, name) {
			return m.Name, splitDefinitions(m.Definition)
		}
	}
	return name, nil
}

// splitDefinitions splits a definition list at the commas between
// overloads (not those between parameters or generic arguments).
func splitDefinitions(def string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(def); i++ {
		switch def[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(def[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(def[start:]))
}
