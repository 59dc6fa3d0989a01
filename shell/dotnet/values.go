package dotnet

import (
	"fmt"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Void is what a method declared void returns: no output at all, which
// is not $null (a pipeline gets nothing).
type Void struct{}

// Ref is a [ref] value (System.Management.Automation.PSReference): a
// reference to a variable, or to a value when not made from a variable.
type Ref struct {
	get   func() any
	set   func(any)
	value any
}

// NewRef is a reference to a value (a [ref] cast of something that is
// not a variable).
func NewRef(v any) *Ref { return &Ref{value: v} }

// VariableRef is a reference to a variable, read and written through get
// and set.
func VariableRef(get func() any, set func(any)) *Ref { return &Ref{get: get, set: set} }

// Get returns the referenced value.
func (r *Ref) Get() any {
	if r.get != nil {
		return r.get()
	}
	return r.value
}

// Set assigns through the reference.
func (r *Ref) Set(v any) {
	if _, isVoid := v.(Void); isVoid {
		v = nil
	}
	if r.set != nil {
		r.set(v)
		return
	}
	r.value = v
}

// PSType is [ref].
func (r *Ref) PSType() *TypeInfo {
	return TypeByName("System.Management.Automation.PSReference")
}

// PSTypeName is the .NET type name.
func (r *Ref) PSTypeName() string { return "System.Management.Automation.PSReference" }

// Adapted shows the Value property.
func (r *Ref) Adapted() []*object.Property {
	return []*object.Property{{Name: "Value", Value: r.Get(), Kind: object.AdaptedProperty, TypeName: "System.Object"}}
}

// SetRef assigns v through the [ref] argument i of a method (an out or
// ref parameter).
func SetRef(c *Call, i int, v any) error {
	r, ok := c.Arg(i).(*Ref)
	if !ok {
		return &MethodBindError{Msg: fmt.Sprintf("Argument: '%d' should be a System.Management.Automation.PSReference. Use [ref].", i+1), ID: "NonRefArgumentToRefParameterMsg"}
	}
	r.Set(v)
	return nil
}

// Equals is Object.Equals as .NET collections use it (IndexOf, Contains,
// Remove): same type and value, strings ordinal, reference identity for
// objects.
func Equals(a, b any) bool {
	a, b = object.Unwrap(a), object.Unwrap(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if object.TypeName(a) != object.TypeName(b) {
		return false
	}
	switch x := a.(type) {
	case int, int64, float64, float32, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		return numeric.Compare(x, b) == 0
	case string, bool, object.Char, object.Guid, object.TimeSpan, object.Enum:
		return a == b
	}
	if t, ok := a.(interface{ Equal(any) bool }); ok {
		return t.Equal(b)
	}
	return SameRef(a, b) || object.ToInvariantString(a) == object.ToInvariantString(b) && isValueLike(a)
}

func isValueLike(v any) bool {
	switch v.(type) {
	case *object.PSObject, *object.Hashtable, *object.List, []any:
		return false
	}
	return true
}

// SameRef reports reference identity: the same object, hashtable, list,
// array or type; other values compare equal by value.
func SameRef(a, b any) bool {
	switch x := a.(type) {
	case *object.PSObject:
		y, ok := b.(*object.PSObject)
		return ok && x == y
	case *object.Hashtable:
		y, ok := b.(*object.Hashtable)
		return ok && x == y
	case *object.List:
		y, ok := b.(*object.List)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case *TypeValue:
		// .NET has one Type object per type, so two type values naming
		// the same type ([string], [System.String]) are the same object.
		y, ok := b.(*TypeValue)
		return ok && (x == y || x.Info == y.Info || x.Info != nil && y.Info != nil && x.Info.FullName == y.Info.FullName)
	}
	// values of types that cannot be compared are not the same
	defer func() { recover() }()
	return a == b
}

// MergeMembers returns the union of member maps (later ones win).
func MergeMembers(ms ...Members) Members {
	out := Members{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// Bare is the base value of a PSObject that only decorates one, else v.
func Bare(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		return o.Base
	}
	return v
}
