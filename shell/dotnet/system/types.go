package system

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// declareTypes declares System.Type (the value of a type literal: [int],
// $x.GetType()) and SecureString.
func declareTypes() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Security.SecureString", Aliases: []string{"securestring"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if s, ok := dotnet.Bare(v).(object.SecureString); ok {
					return s, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Security.SecureString", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(object.SecureString); return ok },
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return "System.Security.SecureString", nil }),
			}},
		&dotnet.TypeDef{FullName: "System.RuntimeType", Aliases: []string{"type", "System.Type"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				switch x := dotnet.Bare(v).(type) {
				case *dotnet.TypeValue:
					return x, nil
				case string:
					t, ok := h.ResolveType(x)
					if !ok {
						return nil, dotnet.ConvertFailed(v, "System.Type", fmt.Sprintf("Unable to find type [%s].", x))
					}
					return &dotnet.TypeValue{Info: t}, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Type", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(*dotnet.TypeValue); return ok },
			Members: dotnet.Members{
				"Name":      dotnet.Prop(func(c *dotnet.Call) (any, error) { return typeOfSelf(c).Name(), nil }),
				"FullName":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return typeOfSelf(c).FullName, nil }),
				"Namespace": dotnet.Prop(func(c *dotnet.Call) (any, error) { return typeNamespace(typeOfSelf(c)), nil }),
				"BaseType": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					t := typeOfSelf(c)
					switch {
					case t.Element != nil:
						return &dotnet.TypeValue{Info: dotnet.TypeByName("System.Array")}, nil
					case t.Def() == nil || t.Def().FullName == "System.Object":
						return nil, nil
					case t.Def().Base != "":
						return &dotnet.TypeValue{Info: dotnet.TypeByName(t.Def().Base)}, nil
					case t.Def().ValueType:
						return &dotnet.TypeValue{Info: dotnet.TypeByName("System.ValueType")}, nil
					}
					return &dotnet.TypeValue{Info: dotnet.TypeByName("System.Object")}, nil
				}),
				"IsArray":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return typeOfSelf(c).Element != nil, nil }),
				"IsGenericType": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(typeOfSelf(c).Args) > 0, nil }),
				"IsValueType":   dotnet.Prop(func(c *dotnet.Call) (any, error) { d := typeOfSelf(c).Def(); return d != nil && d.ValueType, nil }),
				"IsEnum": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					d := typeOfSelf(c).Def()
					return d != nil && d.Base == "System.Enum", nil
				}),
				"IsPublic":             dotnet.Prop(func(c *dotnet.Call) (any, error) { return true, nil }),
				"IsSerializable":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return true, nil }),
				"UnderlyingSystemType": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self, nil }),
				"GetGenericArguments": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					out := []any{}
					for _, a := range typeOfSelf(c).Args {
						out = append(out, &dotnet.TypeValue{Info: a})
					}
					return out, nil
				}),
				"GetEnumNames": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return dotnet.EnumNames(c) }),
				"GetEnumValues": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return dotnet.EnumValues(&dotnet.Call{Host: c.Host, Args: []any{c.Self}})
				}),
				"GetElementType": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					if el := typeOfSelf(c).Element; el != nil {
						return &dotnet.TypeValue{Info: el}, nil
					}
					return nil, nil
				}),
				"IsInstanceOfType": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					t := typeOfSelf(c)
					return t.Test != nil && t.Test(c.Arg(0)), nil
				}),
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return typeOfSelf(c).String(), nil }),
				"Equals": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, ok := dotnet.Bare(c.Arg(0)).(*dotnet.TypeValue)
					return ok && o.Info.FullName == typeOfSelf(c).FullName, nil
				}),
			}},
	)
}

// typeOfSelf is the type a System.Type value stands for.
func typeOfSelf(c *dotnet.Call) *dotnet.TypeInfo { return dotnet.Bare(c.Self).(*dotnet.TypeValue).Info }

func typeNamespace(t *dotnet.TypeInfo) string {
	n := t.FullName
	if t.Def() != nil {
		n = t.Def().FullName
	}
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		return n[:i]
	}
	return ""
}
