package onprem

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"

	"github.com/exosim/exosim/store/directory"
)

// Sizes in the Exchange Management Shell. On the server the shell has
// Exchange's assemblies, so sizes keep their types and methods:
// .TotalItemSize.Value.ToMB() works here, unlike in Exchange Online
// where the module delivers them deserialized. The types are registered
// with the shell's type registry for their instances only (a script on a
// workstation without the assemblies cannot name them).

// Type names of the live Exchange values.
const (
	typeByteQuantifiedSize = "Microsoft.Exchange.Data.ByteQuantifiedSize"
	typeUnlimitedSize      = "Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]"
)

// byteSize is a Microsoft.Exchange.Data.ByteQuantifiedSize.
type byteSize uint64

func (b byteSize) String() string { return directory.FormatByteSize(int64(b)) }

// PSTypeName is the .NET type name.
func (b byteSize) PSTypeName() string { return typeByteQuantifiedSize }

// unlimitedSize is an Unlimited<ByteQuantifiedSize>.
type unlimitedSize struct{ q directory.Quota }

func (u unlimitedSize) String() string { return u.q.String() }

// PSTypeName is the .NET type name.
func (u unlimitedSize) PSTypeName() string { return typeUnlimitedSize }

func (u unlimitedSize) value() any {
	if u.q.IsUnlimited() {
		return nil
	}
	return byteSize(u.q.Bytes())
}

// Adapted lists IsUnlimited and Value, as Format-List shows them.
func (u unlimitedSize) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "IsUnlimited", Value: u.q.IsUnlimited(), Kind: object.AdaptedProperty, TypeName: "System.Boolean"},
		{Name: "Value", Value: u.value(), Kind: object.AdaptedProperty, TypeName: typeByteQuantifiedSize},
	}
}

func sizeOf(c *dotnet.Call) uint64 {
	if o, ok := c.Self.(*object.PSObject); ok && o.Base != nil {
		c.Self = o.Base
	}
	b, _ := c.Self.(byteSize)
	return uint64(b)
}

// toUnit is ByteQuantifiedSize.ToKB() and the like: whole units, rounded
// down.
func toUnit(shift uint) *dotnet.Member {
	return dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
		return int64(sizeOf(c) >> shift), nil
	})
}

// Types declares the .NET types of the on-premises values; a session with
// the on-premises commands queues it (Types.Queue).
var Types = dotnet.Later{Declare: declareTypes}

// declareTypes declares the .NET types of the on-premises values.
func declareTypes() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: typeByteQuantifiedSize, Hidden: true, ValueType: true, Assembly: "Microsoft.Exchange.Data",
			Members: dotnet.Members{
				"ToBytes": toUnit(0),
				"ToKB":    toUnit(10),
				"ToMB":    toUnit(20),
				"ToGB":    toUnit(30),
				"ToTB":    toUnit(40),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					a := sizeOf(c)
					o, ok := object.Unwrap(c.Arg(0)).(byteSize)
					if !ok {
						return nil, dotnet.Throw("Object must be of type ByteQuantifiedSize.")
					}
					switch {
					case a < uint64(o):
						return -1, nil
					case a > uint64(o):
						return 1, nil
					}
					return 0, nil
				}),
				"RoundUpToUnit": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					shift := map[string]uint{"bytes": 0, "kb": 10, "mb": 20, "gb": 30, "tb": 40}[strings.ToLower(c.Str(0))]
					n := sizeOf(c)
					unit := uint64(1) << shift
					return int64((n + unit - 1) / unit), nil
				}),
			}},
		&dotnet.TypeDef{FullName: typeUnlimitedSize, Hidden: true, ValueType: true, Assembly: "Microsoft.Exchange.Data",
			Members: dotnet.Members{
				"IsUnlimited": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					u, _ := object.Unwrap(c.Self).(unlimitedSize)
					return u.q.IsUnlimited(), nil
				}),
				"Value": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					u, _ := object.Unwrap(c.Self).(unlimitedSize)
					return u.value(), nil
				}),
			}},
	)
}

// quotaValue is an on-premises Unlimited<ByteQuantifiedSize>.
func quotaValue(q directory.Quota) any { return unlimitedSize{q: q} }
