package members

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Value reads a property (with member enumeration on collections); $null
// when the value has none of that name.
func Value(h Host, target any, name string) any {
	v, _ := Get(h, target, name)
	return v
}

// Get reads a property; found tells whether the value has it.
func Get(h Host, target any, name string) (any, bool) {
	lname := strings.ToLower(name)
	if target == nil {
		if lname == "count" || lname == "length" {
			return 0, false
		}
		return nil, false
	}
	switch t := target.(type) {
	case *object.PSObject:
		if p := t.Property(name); p != nil {
			return p.Get(), true
		}
		if lname == "psobject" {
			return automation.PSObjectView(t), true
		}
		if lname == "pstypenames" {
			return automation.PSTypeNames(t), true
		}
		if m, at, self := Resolve(h, t, name); m != nil && m.Get != nil {
			v, err := m.Get(&dotnet.Call{Host: h.Dotnet(), Type: at, Self: self, Name: name})
			return v, err == nil
		}
		if t.Base != nil {
			return Get(h, t.Base, name)
		}
		switch lname {
		case "count", "length":
			return 1, false
		}
		return nil, false
	case *object.Hashtable:
		// keys win over the dictionary's own properties
		if v, ok := t.Get(name); ok {
			return v, true
		}
		if lname == "psobject" {
			return automation.PSObjectView(t), true
		}
		if lname == "pstypenames" {
			return automation.PSTypeNames(t), true
		}
		if m, at, self := Resolve(h, t, name); m != nil && m.Get != nil {
			v, err := m.Get(&dotnet.Call{Host: h.Dotnet(), Type: at, Self: self, Name: name})
			return v, err == nil
		}
		return nil, false
	case *xmldom.Node:
		// the XML adapter's properties win over the node's own
		if v, ok := t.AdaptedProperty(lname); ok {
			return v, true
		}
	case Own:
		return t.OwnMember(lname)
	}
	if lname == "psobject" {
		return automation.PSObjectView(target), true
	}
	if lname == "pstypenames" {
		return automation.PSTypeNames(target), true
	}
	if m, at, self := Resolve(h, target, name); m != nil && m.Get != nil {
		v, err := m.Get(&dotnet.Call{Host: h.Dotnet(), Type: at, Self: self, Name: name})
		return v, err == nil
	}
	if p, ok := object.GetProperty(target, name); ok {
		return p.Get(), true
	}
	if items, ok := object.Elements(target); ok {
		return enumerate(h, items, name), true
	}
	switch lname {
	case "count", "length":
		// intrinsic on every value, but not a member of it (strict mode)
		return 1, false
	}
	return nil, false
}

// Resolve finds an instance member of v in the type registry; self is
// the value the member applies to (the base of a wrapping PSObject).
func Resolve(h Host, v any, name string) (*dotnet.Member, *dotnet.TypeInfo, any) {
	if o, ok := v.(*object.PSObject); ok {
		for _, tn := range o.TypeNames {
			if t := dotnet.TypeByName(tn); t != nil {
				if m, at := dotnet.FindMember(t, name, false); m != nil && at != nil && at.Def() != nil && at.Def().FullName != "System.Object" {
					return m, at, v
				}
			}
		}
		if o.Base != nil {
			return Resolve(h, o.Base, name)
		}
	}
	m, at := dotnet.FindMember(h.Dotnet().TypeOf(v), name, false)
	return m, at, v
}

// instanceMember finds an instance member of v: on the registered types
// of a PSObject's type names (the session's script classes included)
// first, then on the value's own type.
func instanceMember(h Host, v any, name string) (*dotnet.Member, *dotnet.TypeInfo) {
	if o, ok := v.(*object.PSObject); ok {
		for _, tn := range o.TypeNames {
			if t := typeByName(h, tn); t != nil {
				if m, at := dotnet.FindMember(t, name, false); m != nil && at != nil && at.Def() != nil && at.Def().FullName != "System.Object" {
					return m, at
				}
			}
		}
		if o.Base != nil {
			return instanceMember(h, o.Base, name)
		}
	}
	return dotnet.FindMember(h.Dotnet().TypeOf(v), name, false)
}

// typeByName is the type of an instance's type name: a script class the
// session defined, else a registered .NET type.
func typeByName(h Host, full string) *dotnet.TypeInfo {
	if d := h.Classes().InstanceType(full); d != nil {
		return dotnet.CloseType(d, nil)
	}
	return dotnet.TypeByName(full)
}

// enumerate implements member enumeration: each element's property,
// nulls kept, collection values flattened one level; a single result is
// returned as a scalar.
func enumerate(h Host, items []any, name string) any {
	var out []any
	found := false
	for _, it := range items {
		if it == nil {
			continue
		}
		if !Has(h, it, name) {
			continue
		}
		found = true
		v := Value(h, it, name)
		if list, ok := object.Elements(v); ok {
			out = append(out, list...)
		} else {
			out = append(out, v)
		}
	}
	if !found {
		return nil
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// Has tells whether v has a property of that name (a dictionary's keys
// and a collection's member enumeration count).
func Has(h Host, v any, name string) bool {
	switch t := v.(type) {
	case *object.Hashtable:
		if t.Has(name) {
			return true
		}
	case []any, *object.List:
		return true
	}
	_, found := Get(h, v, name)
	return found
}

// Set assigns a property (ext: where the assignment is written).
func Set(h Host, target any, name string, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *object.Hashtable:
		return SetIndex(h, t, name, value, ext)
	case *object.PSObject:
		cv, err := classes.PropValue(h.Classes(), t, name, value)
		if err != nil {
			return pserror.Runtime(ext, fmt.Sprintf("Exception setting \"%s\": \"%s\"", name, err.Error()), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
		}
		if t.Set(name, cv) {
			return nil
		}
	case *xmldom.Node:
		if done, err := t.SetAdapted(name, h.Dotnet().ToStr(value)); done {
			if err != nil {
				return pserror.Runtime(ext, err.Error(), "XmlNodeSetShouldBeAString", object.NotSpecified, "SetValueInvocationException")
			}
			return nil
		}
	case nil:
		return pserror.InvalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyNotFound")
	}
	if m, at, self := Resolve(h, target, name); m != nil && m.Set != nil {
		if err := m.Set(&dotnet.Call{Host: h.Dotnet(), Type: at, Self: self, Name: name}, value); err != nil {
			return h.MethodError(err, ext, name, 1)
		}
		return nil
	}
	if o, ok := target.(*object.PSObject); ok && o.Base != nil {
		return Set(h, o.Base, name, value, ext)
	}
	return pserror.InvalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyAssignmentException")
}
