package runtime

import (
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/object"
)

func isConstantVariable(name string) bool {
	switch strings.ToLower(name) {
	case "null", "true", "false":
		return true
	}
	return false
}

// refToVariable makes [ref]$name.
func (rt *Runtime) refToVariable(name string) (*Ref, error) {
	v := rt.findVar(name)
	if v == nil {
		return nil, &opError{Msg: "[ref] cannot be applied to a variable that does not exist."}
	}
	return dotnet.VariableRef(func() any { return v.Value }, func(x any) { v.Value = x }), nil
}

func init() { dotnet.RegisterLater(declareCoreTypes) }

// declareCoreTypes registers the file's types; it runs on the first type lookup.
func declareCoreTypes() {
	dotnet.RegisterType(
		&TypeDef{FullName: "System.Object", Aliases: []string{"object"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return v, nil },
			Is:      func(_ *TypeInfo, v any) bool { return v != nil },
			Members: Members{
				"ToString": dotnet.Method(0, 1, func(c *Call) (any, error) {
					if len(c.Args) == 1 {
						return number.FormatWithSpec(c.Self, c.Str(0))
					}
					if o, ok := c.Self.(*object.PSObject); ok {
						return o.String(), nil
					}
					return rtOf(c).toStr(c.Self), nil
				}),
				"Equals": dotnet.Method(1, 1, func(c *Call) (any, error) {
					if _, ok := c.Self.(*object.PSObject); ok {
						return dotnet.SameRef(c.Self, c.Arg(0)), nil
					}
					return rtOf(c).equalValues(c.Self, c.Arg(0), true), nil
				}),
				"GetHashCode": dotnet.Method(0, 0, func(c *Call) (any, error) {
					h := int32(0)
					for _, r := range rtOf(c).toStr(c.Self) {
						h = h*31 + int32(r)
					}
					return int(h), nil
				}),
				"GetType": dotnet.Method(0, 0, func(c *Call) (any, error) { return &TypeValue{Info: rtOf(c).TypeOf(c.Self)}, nil }),
			}},
		&TypeDef{FullName: "System.ValueType", Is: func(_ *TypeInfo, v any) bool {
			switch bareValue(v).(type) {
			case int, int64, float64, float32, bool, object.Char, object.Decimal, object.Guid, object.TimeSpan, object.Enum:
				return true
			}
			_, ok := bareValue(v).(time.Time)
			return ok
		}},
		&TypeDef{FullName: "System.Void", Aliases: []string{"void"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return voidValue{}, nil }},
		&TypeDef{FullName: "System.Management.Automation.PSReference", Aliases: []string{"ref"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				if r, ok := v.(*Ref); ok {
					return r, nil
				}
				return dotnet.NewRef(v), nil
			},
			Is: func(_ *TypeInfo, v any) bool { _, ok := v.(*Ref); return ok },
			Members: Members{
				"Value": {
					Get: func(c *Call) (any, error) { return c.Self.(*Ref).Get(), nil },
					Set: func(c *Call, v any) error { c.Self.(*Ref).Set(v); return nil },
				},
			}},
	)
}
