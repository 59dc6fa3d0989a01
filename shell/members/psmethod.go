package members

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// A method named without parentheses ('abc'.ToUpper, [math]::Round) is
// a PSMethod: an object naming the method and its overloads, which
// default output shows as the OverloadDefinitions table and which
// .Invoke(args) calls. exosim knows the overloads of script class
// methods and of the .NET members described for Get-Member
// (memberdefs.go); naming any other method without parentheses is
// refused in one line rather than shown with made-up overloads.

// psMethod is one method of a value or of a type (static).
type psMethod struct {
	target    any              // the instance; nil for a static method
	typ       *dotnet.TypeInfo // the type of a static method
	name      string
	overloads []string
}

func (m *psMethod) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Management.Automation.PSMethod")
}

// PSTypeName is the .NET type name.
func (m *psMethod) PSTypeName() string { return "System.Management.Automation.PSMethod" }

// OverloadDefinitions are the method's signatures, one a line, as
// PowerShell writes them.
func (m *psMethod) OverloadDefinitions() []string { return m.overloads }

// Adapted lists the properties Format-List and Select-Object see.
func (m *psMethod) Adapted() []*object.Property {
	ov := make([]any, len(m.overloads))
	for i, s := range m.overloads {
		ov[i] = s
	}
	prop := func(name, typ string, v any) *object.Property {
		return &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: typ}
	}
	return []*object.Property{
		prop("OverloadDefinitions", "System.Collections.ObjectModel.Collection`1[[System.String]]", ov),
		prop("TypeNameOfValue", "string", "System.Management.Automation.PSMethod"),
		prop("MemberType", "System.Management.Automation.PSMemberTypes", memberTypeMethod),
		prop("Value", "System.Object", m),
		prop("Name", "string", m.name),
		prop("IsInstance", "bool", m.target != nil),
	}
}

var memberTypeMethod = object.Enum{Type: "System.Management.Automation.PSMemberTypes", Name: "Method", Value: 64}

func (m *psMethod) String() string { return strings.Join(m.overloads, ", ") }

// MethodValue returns the PSMethod of a method named without
// parentheses (of the type typ when static, of target otherwise), or the
// refusal when its overloads are not known.
func MethodValue(h Host, target any, typ *dotnet.TypeInfo, name string) (any, error) {
	typeName, sep := object.TypeName(target), "."
	on := target
	if typ != nil {
		typeName, sep = typ.String(), "::"
		on = &dotnet.TypeValue{Info: typ}
	}
	canon, ov := methodOverloads(h, on, typ != nil, name)
	if ov == nil {
		return nil, methodAsValue(typeName, sep, name)
	}
	return &psMethod{target: target, typ: typ, name: canon, overloads: ov}, nil
}

// methodAsValue refuses a method named without parentheses: PowerShell
// would show its overload definitions, which exosim does not know.
func methodAsValue(typeName, sep, name string) error {
	return dotnet.NotSupported("showing the overload definitions of [%s]%s%s; call the method with parentheses", typeName, sep, name)
}

// DeclarePSMethodType registers PSMethod; the interpreter's sessions have
// it declared on the first type lookup (shell/runtime queues it with the
// .NET type library).
func DeclarePSMethodType() {
	self := func(c *dotnet.Call) *psMethod { return dotnet.Bare(c.Self).(*psMethod) }
	adapted := func(name string) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) {
			for _, p := range self(c).Adapted() {
				if p.Name == name {
					return p.Value, nil
				}
			}
			return nil, nil
		})
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Management.Automation.PSMethod", Hidden: true,
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(*psMethod); return ok },
		Members: dotnet.Members{
			"OverloadDefinitions": adapted("OverloadDefinitions"),
			"TypeNameOfValue":     adapted("TypeNameOfValue"),
			"MemberType":          adapted("MemberType"),
			"Value":               adapted("Value"),
			"Name":                adapted("Name"),
			"IsInstance":          adapted("IsInstance"),
			"Invoke": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
				m := self(c)
				h := hostOf(c)
				if m.typ != nil {
					return CallStatic(h, m.typ, m.name, c.Args)
				}
				return Call(h, m.target, m.name, c.Args)
			}),
		}})
}
