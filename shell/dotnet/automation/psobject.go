package automation

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// PSObject and its member view (.psobject): the view's properties, its
// live collections of properties and type names, and the member objects
// (PSNoteProperty, PSProperty ...) a script reads and sets.

// PSObjectView is the value of v's .psobject member.
func PSObjectView(v any) any { return &psObjectView{v: v} }

// PSTypeNames is the value of v's .pstypenames member, the same live list
// as .psobject.TypeNames.
func PSTypeNames(v any) any { return (&psObjectView{v: v}).typeNames() }

// psObjectView is the value of .psobject: the object's member view.
type psObjectView struct{ v any }

func (p *psObjectView) PSType() *dotnet.TypeInfo { return dotnet.CloseType(psViewDef.Get(), nil) }

// PSTypeName is the .NET type name.
func (p *psObjectView) PSTypeName() string { return "System.Management.Automation.PSObject" }

func (p *psObjectView) String() string { return object.ToInvariantString(p.v) }

// Adapted lists the view's own properties (Format-List $x.psobject).
func (p *psObjectView) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "BaseObject", Value: p.baseObject(), Kind: object.AdaptedProperty, TypeName: "System.Object"},
		{Name: "Members", Value: p.properties(), Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.PSMemberInfoCollection`1[[System.Management.Automation.PSMemberInfo]]"},
		{Name: "Properties", Value: p.properties(), Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.PSMemberInfoCollection`1[[System.Management.Automation.PSPropertyInfo]]"},
		{Name: "ImmediateBaseObject", Value: p.baseObject(), Kind: object.AdaptedProperty, TypeName: "System.Object"},
		{Name: "TypeNames", Value: p.typeNames(), Kind: object.AdaptedProperty, TypeName: "System.Collections.ObjectModel.Collection`1[[System.String]]"},
	}
}

func (p *psObjectView) baseObject() any {
	if o, ok := p.v.(*object.PSObject); ok {
		if o.Base != nil {
			return o.Base
		}
	}
	return p.v
}

func (p *psObjectView) properties() *psPropertySet { return &psPropertySet{v: p.v} }

func (p *psObjectView) typeNames() any {
	if o, ok := p.v.(*object.PSObject); ok {
		return &typeNameList{o: o}
	}
	return dotnet.Strings(object.TypeNames(p.v))
}

// psPropertySet is .psobject.Properties: a live view of the properties.
type psPropertySet struct{ v any }

func (s *psPropertySet) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Management.Automation.PSMemberInfoIntegratingCollection`1")
}

// PSTypeName is the .NET type name.
func (s *psPropertySet) PSTypeName() string {
	return "System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSPropertyInfo, System.Management.Automation, Version=7.4.6.500, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]"
}

func (s *psPropertySet) items() []*psPropertyInfo {
	o, _ := s.v.(*object.PSObject)
	var out []*psPropertyInfo
	for _, p := range object.Adapted(s.v) {
		out = append(out, &psPropertyInfo{owner: o, p: p})
	}
	return out
}

// Enumerate lists the properties as PSPropertyInfo values.
func (s *psPropertySet) Enumerate() []any {
	ps := s.items()
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// Index is .Properties['Name'].
func (s *psPropertySet) Index(h dotnet.Host, key any) (any, bool) {
	name := h.ToStr(key)
	for _, p := range s.items() {
		if strings.EqualFold(p.p.Name, name) {
			return p, true
		}
	}
	return nil, true
}

// psPropertyInfo is one property as a member object (PSNoteProperty,
// PSProperty ...): reading and setting Value reaches the object.
type psPropertyInfo struct {
	owner *object.PSObject
	p     *object.Property
}

func (i *psPropertyInfo) typeName() string {
	switch i.p.Kind {
	case object.NoteProperty:
		return "System.Management.Automation.PSNoteProperty"
	case object.ScriptProperty:
		return "System.Management.Automation.PSScriptProperty"
	case object.AliasProperty:
		return "System.Management.Automation.PSAliasProperty"
	}
	return "System.Management.Automation.PSProperty"
}

func (i *psPropertyInfo) PSType() *dotnet.TypeInfo { return dotnet.TypeByName(i.typeName()) }

// PSTypeName is the .NET type name.
func (i *psPropertyInfo) PSTypeName() string { return i.typeName() }

func (i *psPropertyInfo) valueTypeName() string {
	if i.p.TypeName != "" {
		return expandTypeName(i.p.TypeName)
	}
	v := i.p.Get()
	if v == nil {
		return "System.Object"
	}
	return object.TypeName(v)
}

// expandTypeName turns the short names property declarations use into
// full .NET names ("string" → "System.String").
func expandTypeName(n string) string {
	if t := dotnet.TypeByName(n); t != nil {
		return t.FullName
	}
	if d := dotnet.LookupDef(n, 0); d != nil {
		return d.FullName
	}
	return n
}

func (i *psPropertyInfo) String() string {
	v := i.p.Get()
	vs := "null"
	if v != nil {
		vs = object.ToInvariantString(v)
	}
	return fmt.Sprintf("%s %s=%s", object.ShortName(i.valueTypeName()), i.p.Name, vs)
}

// Adapted lists the member object's properties in PowerShell's order.
func (i *psPropertyInfo) Adapted() []*object.Property {
	kind := i.p.Kind.String()
	settable := i.p.Kind == object.NoteProperty || i.p.Settable
	return []*object.Property{
		{Name: "Value", Value: i.p.Get(), Kind: object.AdaptedProperty, TypeName: "System.Object", Settable: true},
		{Name: "MemberType", Value: object.Enum{Type: "System.Management.Automation.PSMemberTypes", Name: kind}, Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.PSMemberTypes"},
		{Name: "IsSettable", Value: settable, Kind: object.AdaptedProperty, TypeName: "bool"},
		{Name: "IsGettable", Value: true, Kind: object.AdaptedProperty, TypeName: "bool"},
		{Name: "TypeNameOfValue", Value: i.valueTypeName(), Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "Name", Value: i.p.Name, Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "IsInstance", Value: true, Kind: object.AdaptedProperty, TypeName: "bool"},
	}
}

// typeNameList is .psobject.TypeNames of a PSObject: a live list.
type typeNameList struct{ o *object.PSObject }

func (l *typeNameList) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Collections.ObjectModel.Collection`1")
}

// PSTypeName is the .NET type name.
func (l *typeNameList) PSTypeName() string {
	return "System.Collections.ObjectModel.Collection`1[[System.String, System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]"
}

// Enumerate lists the type names.
func (l *typeNameList) Enumerate() []any { return dotnet.Strings(l.o.TypeNames) }

// Index reads one type name by position.
func (l *typeNameList) Index(h dotnet.Host, key any) (any, bool) {
	n, ok := numeric.ToNumber(key)
	if !ok {
		return nil, false
	}
	i := int(numeric.Int64(n))
	if i < 0 {
		i += len(l.o.TypeNames)
	}
	if i < 0 || i >= len(l.o.TypeNames) {
		return nil, true
	}
	return l.o.TypeNames[i], true
}

func tnList(c *dotnet.Call) *typeNameList { return c.Self.(*typeNameList) }

// psViewDef declares the members of .psobject (not registered by name:
// the registered PSObject type is the plain property bag).
var psViewDef = lazy.Value[*dotnet.TypeDef]{Build: func() *dotnet.TypeDef {
	return &dotnet.TypeDef{FullName: "System.Management.Automation.PSObject", Assembly: "System.Management.Automation",
		Members: dotnet.LowerKeys(dotnet.Members{
			"BaseObject":          dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psObjectView).baseObject(), nil }),
			"ImmediateBaseObject": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psObjectView).baseObject(), nil }),
			"Properties":          dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psObjectView).properties(), nil }),
			"Members":             dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psObjectView).properties(), nil }),
			"TypeNames":           dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psObjectView).typeNames(), nil }),
			"Copy": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				switch x := c.Self.(*psObjectView).v.(type) {
				case *object.PSObject:
					return x.Copy(), nil
				case *object.Hashtable:
					return x.Copy(), nil
				case []any:
					return append([]any{}, x...), nil
				case *object.List:
					return &object.List{Items: append([]any{}, x.Items...), Type: x.Type}, nil
				}
				return c.Self.(*psObjectView).v, nil
			}),
			"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Host.ToStr(c.Self.(*psObjectView).v), nil }),
		})}
}}

// declarePSObjects registers PSObject, PSCustomObject, the member view's
// collections and member types, PSCredential and ErrorRecord.
func declarePSObjects() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Management.Automation.PSObject", Aliases: []string{"psobject"}, Assembly: "System.Management.Automation",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return v, nil },
			Is:      func(_ *dotnet.TypeInfo, v any) bool { return v != nil },
			New: func(c *dotnet.Call) (any, error) {
				if len(c.Args) == 0 {
					return object.NewCustomObject(), nil
				}
				return c.Arg(0), nil
			}},
		&dotnet.TypeDef{FullName: "System.Management.Automation.PSCustomObject", Aliases: []string{"pscustomobject"}, Assembly: "System.Management.Automation",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if h, ok := dotnet.Bare(v).(*object.Hashtable); ok {
					o := object.NewCustomObject()
					for _, e := range h.Entries() {
						o.Add(object.ToInvariantString(e.Key), e.Value)
					}
					return o, nil
				}
				return v, nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { o, ok := v.(*object.PSObject); return ok && o.IsCustom() }},
		&dotnet.TypeDef{FullName: "System.Management.Automation.PSMemberInfoIntegratingCollection`1", Assembly: "System.Management.Automation",
			Members: dotnet.Members{
				"Add": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					set := c.Self.(*psPropertySet)
					o, ok := set.v.(*object.PSObject)
					if !ok {
						return nil, dotnet.NotSupported("adding members to a value that is not a PSObject; use Add-Member")
					}
					pi, ok := dotnet.Bare(c.Arg(0)).(*psPropertyInfo)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "member", "Add", "System.Management.Automation.PSPropertyInfo", nil)
					}
					if o.Property(pi.p.Name) != nil {
						return nil, dotnet.Throw("The member \"%s\" is already present.", pi.p.Name)
					}
					cp := *pi.p
					o.AddProperty(&cp)
					return dotnet.Void{}, nil
				}),
				"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					if o, ok := c.Self.(*psPropertySet).v.(*object.PSObject); ok {
						o.Remove(c.Str(0))
					}
					return dotnet.Void{}, nil
				}),
				"Match": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					out := []any{}
					for _, p := range c.Self.(*psPropertySet).items() {
						if wildcard.Match(c.Str(0), p.p.Name) {
							out = append(out, p)
						}
					}
					return out, nil
				}),
				"Item": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, _ := c.Self.(*psPropertySet).Index(c.Host, c.Arg(0))
					return v, nil
				}),
			}},
		propertyInfoDef("System.Management.Automation.PSNoteProperty", []string{"psnoteproperty"}),
		propertyInfoDef("System.Management.Automation.PSProperty", nil),
		propertyInfoDef("System.Management.Automation.PSScriptProperty", nil),
		propertyInfoDef("System.Management.Automation.PSAliasProperty", nil),
		&dotnet.TypeDef{FullName: "System.Collections.ObjectModel.Collection`1",
			Members: dotnet.Members{
				"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(tnList(c).o.TypeNames), nil }),
				"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					l := tnList(c)
					l.o.TypeNames = append(l.o.TypeNames, c.Str(0))
					return dotnet.Void{}, nil
				}),
				"Insert": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					l := tnList(c)
					i, err := c.Int(0, "index")
					if err != nil {
						return nil, err
					}
					if i < 0 || i > len(l.o.TypeNames) {
						return nil, dotnet.OutOfRange("index")
					}
					names := append([]string{}, l.o.TypeNames[:i]...)
					names = append(names, c.Str(1))
					l.o.TypeNames = append(names, l.o.TypeNames[i:]...)
					return dotnet.Void{}, nil
				}),
				"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					l := tnList(c)
					for i, n := range l.o.TypeNames {
						if n == c.Str(0) {
							l.o.TypeNames = append(l.o.TypeNames[:i:i], l.o.TypeNames[i+1:]...)
							return true, nil
						}
					}
					return false, nil
				}),
				"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { tnList(c).o.TypeNames = nil; return dotnet.Void{}, nil }),
				"Contains": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					for _, n := range tnList(c).o.TypeNames {
						if n == c.Str(0) {
							return true, nil
						}
					}
					return false, nil
				}),
				"IndexOf": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					for i, n := range tnList(c).o.TypeNames {
						if n == c.Str(0) {
							return i, nil
						}
					}
					return -1, nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Management.Automation.PSCredential", Aliases: []string{"pscredential"}, Assembly: "System.Management.Automation",
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				return object.TypeName(v) == "System.Management.Automation.PSCredential"
			},
			NewArity: []int{2},
			New: func(c *dotnet.Call) (any, error) {
				v, err := dotnet.ConvertArg(c.Host, c.Args[1], dotnet.TypeByName("System.Security.SecureString"), "password", "PSCredential")
				if err != nil {
					return nil, err
				}
				pw, _ := object.Unwrap(v).(object.SecureString)
				return NewCredential(c.Host.ToStr(c.Args[0]), pw), nil
			},
			Members: dotnet.Members{
				"GetNetworkCredential": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return networkCredential(c.Self.(*object.PSObject)), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Management.Automation.ErrorRecord", Assembly: "System.Management.Automation",
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(*object.ErrorRecord); return ok },
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return dotnet.Bare(c.Self).(*object.ErrorRecord).Message, nil }),
			}},
	)
}

func propertyInfoDef(full string, aliases []string) *dotnet.TypeDef {
	return &dotnet.TypeDef{FullName: full, Aliases: aliases, Assembly: "System.Management.Automation",
		Is: func(_ *dotnet.TypeInfo, v any) bool {
			p, ok := dotnet.Bare(v).(*psPropertyInfo)
			return ok && p.typeName() == full
		},
		NewArity: []int{2},
		New: func(c *dotnet.Call) (any, error) {
			if c.Str(0) == "" {
				return nil, dotnet.Throw("Cannot process argument because the value of argument \"name\" is not valid. Change the value of the \"name\" argument and run the operation again.")
			}
			return &psPropertyInfo{p: &object.Property{Name: c.Str(0), Value: c.Arg(1), Kind: object.NoteProperty}}, nil
		},
		Members: dotnet.Members{
			"Value": {
				Get: func(c *dotnet.Call) (any, error) { return c.Self.(*psPropertyInfo).p.Get(), nil },
				Set: func(c *dotnet.Call, v any) error {
					pi := c.Self.(*psPropertyInfo)
					if pi.owner != nil {
						pi.owner.Set(pi.p.Name, v)
					} else {
						pi.p.Value = v
					}
					return nil
				},
			},
			"Name":            dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psPropertyInfo).p.Name, nil }),
			"TypeNameOfValue": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*psPropertyInfo).valueTypeName(), nil }),
			"ToString":        dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self.(*psPropertyInfo).String(), nil }),
			"Copy": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				cp := *c.Self.(*psPropertyInfo).p
				return &psPropertyInfo{p: &cp}, nil
			}),
		}}
}

// NewCredential is a PSCredential: a user name and its password.
func NewCredential(user string, password object.SecureString) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSCredential", "System.Object")
	o.AddTyped("UserName", "string", user)
	o.AddTyped("Password", "securestring", password)
	return o
}

// networkCredential is a PSCredential's NetworkCredential: its password
// in plain text, and a user name written DOMAIN\user taken apart into
// the domain and the user.
func networkCredential(cred *object.PSObject) *object.PSObject {
	user, _ := cred.Value("UserName").(string)
	pw, _ := cred.Value("Password").(object.SecureString)
	domain := ""
	if i := strings.IndexByte(user, '\\'); i >= 0 {
		domain, user = user[:i], user[i+1:]
	}
	o := object.NewObject("System.Net.NetworkCredential", "System.Object")
	o.AddTyped("UserName", "string", user)
	o.AddTyped("Password", "string", pw.Plain())
	o.AddTyped("SecurePassword", "securestring", pw)
	o.AddTyped("Domain", "string", domain)
	return o
}
