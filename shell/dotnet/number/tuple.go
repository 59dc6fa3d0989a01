package number

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// valueTuple is a System.ValueTuple`2 of two values of one type, what
// the DivRem tuple overloads (Math's and BigInteger's) return.
type valueTuple struct {
	item1, item2 any
	typ          *dotnet.TypeInfo
}

// NewValueTuple is a ValueTuple`2[T,T] of item1 and item2, T the .NET
// type named elem.
func NewValueTuple(item1, item2 any, elem string) any {
	t := dotnet.TypeByName(elem)
	def := dotnet.LookupDef("System.ValueTuple`2", 2)
	return &valueTuple{item1: item1, item2: item2, typ: dotnet.CloseType(def, []*dotnet.TypeInfo{t, t})}
}

// PSType is the closed generic type, ValueTuple`2[T,T].
func (t *valueTuple) PSType() *dotnet.TypeInfo { return t.typ }

// PSTypeName is the .NET type name.
func (t *valueTuple) PSTypeName() string { return t.typ.FullName }

// String is ValueTuple's ToString: "(Item1, Item2)".
func (t *valueTuple) String() string {
	return "(" + object.ToCultureString(t.item1) + ", " + object.ToCultureString(t.item2) + ")"
}

// Adapted lists the public fields Item1 and Item2, which PowerShell shows
// as properties (a table of two columns by default). The C# element
// names (Quotient, Remainder) are compile-time only: PowerShell sees
// Item1 and Item2.
func (t *valueTuple) Adapted() []*object.Property {
	elem := map[string]string{"System.Int32": "int", "System.Int64": "long", "System.UInt64": "ulong",
		"System.SByte": "sbyte", "System.Byte": "byte", "System.Int16": "short", "System.UInt16": "ushort",
		"System.UInt32": "uint", bigIntegerName: "bigint"}[t.typ.Args[0].FullName]
	return []*object.Property{
		{Name: "Item1", Value: t.item1, Kind: object.AdaptedProperty, TypeName: elem},
		{Name: "Item2", Value: t.item2, Kind: object.AdaptedProperty, TypeName: elem},
	}
}

func tupleOf(c *dotnet.Call) *valueTuple { return object.Unwrap(c.Self).(*valueTuple) }

// setTupleItem sets a field (Item1 and Item2 are public fields) to v
// converted to the field's type.
func setTupleItem(c *dotnet.Call, v any, field *any) error {
	t := tupleOf(c)
	out, err := dotnet.ConvertArg(c.Host, v, t.typ.Args[0], "value", "set_"+c.Name)
	if err != nil {
		return err
	}
	*field = out
	return nil
}

// declareValueTuple registers System.ValueTuple`2.
func declareValueTuple() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.ValueTuple`2", ValueType: true,
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*valueTuple); return ok },
		Members: dotnet.Members{
			"Item1": {Get: func(c *dotnet.Call) (any, error) { return tupleOf(c).item1, nil },
				Set: func(c *dotnet.Call, v any) error { return setTupleItem(c, v, &tupleOf(c).item1) }},
			"Item2": {Get: func(c *dotnet.Call) (any, error) { return tupleOf(c).item2, nil },
				Set: func(c *dotnet.Call, v any) error { return setTupleItem(c, v, &tupleOf(c).item2) }},
			"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return tupleOf(c).String(), nil }),
		},
	})
}
