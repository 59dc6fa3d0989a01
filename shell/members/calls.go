package members

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// CallStatic invokes a static method of a type ([T]::Name(args)), the
// constructor for "new".
func CallStatic(h Host, t *dotnet.TypeInfo, name string, args []any) (any, error) {
	if strings.EqualFold(name, "new") {
		return h.Dotnet().Construct(t, args)
	}
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || m.Call == nil {
		return nil, &dotnet.MethodNotFound{TypeName: t.FullName, Name: name}
	}
	if at == nil {
		at = t
	}
	return invoke(h, m, at, nil, name, args)
}

// StaticProperty reads a static property ([T]::Name); an unknown one is
// $null, as in PowerShell outside strict mode.
func StaticProperty(h Host, t *dotnet.TypeInfo, name string) (any, error) {
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || m.Get == nil {
		return nil, nil
	}
	if at == nil {
		at = t
	}
	return m.Get(&dotnet.Call{Host: h.Dotnet(), Type: at, Name: name})
}

// SetStatic assigns a static property ([T]::Name = value).
func SetStatic(h Host, t *dotnet.TypeInfo, name string, value any, ext syntax.Extent) error {
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || (m.Get == nil && m.Set == nil) {
		return pserror.InvalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyNotFound")
	}
	if m.Set == nil {
		return pserror.InvalidOperation(ext, fmt.Sprintf("'%s' is a ReadOnly property.", name), "PropertyAssignmentException")
	}
	if at == nil {
		at = t
	}
	if err := m.Set(&dotnet.Call{Host: h.Dotnet(), Type: at, Name: name}, value); err != nil {
		var pe *classes.PropSetError
		if errors.As(err, &pe) {
			return pserror.Runtime(ext, fmt.Sprintf("Exception setting \"%s\": \"%s\"", name, pe.Error()), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
		}
		return h.MethodError(err, ext, name, 1)
	}
	return nil
}

// invoke calls a method member.
func invoke(h Host, m *dotnet.Member, t *dotnet.TypeInfo, self any, name string, args []any) (any, error) {
	c := &dotnet.Call{Host: h.Dotnet(), Type: t, Self: self, Args: args, Name: name}
	if m.Call == nil {
		return nil, &dotnet.MethodNotFound{TypeName: typeNameForError(self, t), Name: name}
	}
	if err := dotnet.CheckArity(m, name, len(args)); err != nil {
		return nil, err
	}
	return m.Call(c)
}

func typeNameForError(self any, t *dotnet.TypeInfo) string {
	if self != nil {
		return object.TypeName(self)
	}
	if t != nil {
		return t.FullName
	}
	return "System.Object"
}

// Call invokes a .NET-style method on a value.
func Call(h Host, target any, name string, args []any) (any, error) {
	lname := strings.ToLower(name)
	// intrinsic members on every value
	switch lname {
	case "foreach", "where":
		if len(args) >= 1 {
			if sb, ok := args[0].(*automation.ScriptBlock); ok {
				return ForEachWhere(h, target, lname, sb, args)
			}
		}
		if lname == "foreach" && len(args) >= 1 {
			if v, ok := forEachMember(h, target, args); ok {
				return v, nil
			}
		}
	}
	switch t := target.(type) {
	case Own:
		return t.CallOwnMethod(lname, name, args)
	case *object.PSObject:
		if p := t.Property(name); p != nil {
			if sb, ok := p.Get().(*automation.ScriptBlock); ok {
				// a script method: $this is the object, the arguments
				// bind to the script block's param() block
				return h.WithThis(t, func() (any, error) { return h.Dotnet().CallScriptBlock(sb, args) })
			}
			if f, ok := p.Get().(hostui.Method); ok {
				return f(args)
			}
		}
	}
	if m, at, self := Resolve(h, target, name); m != nil && m.Call != nil {
		return invoke(h, m, at, self, name, args)
	}
	// method enumeration: the collection lacks the method, its elements
	// may have it
	if items, ok := object.Elements(dotnet.Bare(target)); ok && len(items) > 0 {
		var out []any
		for _, it := range items {
			if it == nil {
				continue
			}
			v, err := Call(h, it, name, args)
			if err != nil {
				return nil, err
			}
			if _, isVoid := v.(dotnet.Void); !isVoid {
				out = append(out, v)
			}
		}
		return object.Collapse(out), nil
	}
	return nil, &dotnet.MethodNotFound{TypeName: object.TypeName(target), Name: name}
}

// forEachMember is .ForEach('Name') (each element's property, or with
// more arguments its method called with them) and .ForEach([type]) (each
// element converted).
func forEachMember(h Host, target any, args []any) (any, bool) {
	items, isList := object.Elements(target)
	if !isList {
		items = []any{target}
	}
	out := []any{}
	switch x := dotnet.Bare(args[0]).(type) {
	case *dotnet.TypeValue:
		for _, it := range items {
			v, err := h.ConvertTo(it, x.Info.String())
			if err != nil {
				return nil, false
			}
			out = append(out, v)
		}
	case string:
		for _, it := range items {
			if len(args) == 1 {
				out = append(out, Value(h, it, x))
				continue
			}
			v, err := Call(h, it, x, args[1:])
			if err != nil {
				return nil, false
			}
			out = append(out, v)
		}
	default:
		return nil, false
	}
	return out, true
}

// ForEachWhere is the .ForEach({...}) and .Where({...}) every value has
// (lname: "foreach" or "where"; args[0] is sb).
func ForEachWhere(h Host, target any, lname string, sb *automation.ScriptBlock, args []any) (any, error) {
	items, isList := object.Elements(target)
	if !isList {
		if target == nil {
			items = nil
		} else {
			items = []any{target}
		}
	}
	out := []any{}
	if lname == "foreach" {
		for _, it := range items {
			err := h.EachScriptBlock(sb, it, args[1:], func(v any) error { out = append(out, v); return nil })
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	mode := ""
	if len(args) > 1 {
		mode = strings.ToLower(h.Dotnet().ToStr(args[1]))
	}
	n := 0
	if len(args) > 2 {
		if k, ok := numeric.ToNumber(args[2]); ok {
			n = int(numeric.Int64(k))
		}
	}
	var rest []any
	split := false
	for _, it := range items {
		v, err := h.ScriptBlockValue(sb, it)
		if err != nil {
			return nil, err
		}
		match := object.ToBool(v)
		switch mode {
		case "first":
			if match {
				out = append(out, it)
				if n <= 0 || len(out) >= n {
					return out, nil
				}
			}
		case "last":
			if match {
				out = append(out, it)
			}
		case "skipuntil":
			if match || split {
				split = true
				out = append(out, it)
			}
		case "until":
			if match {
				return out, nil
			}
			out = append(out, it)
		case "split":
			if match && (n <= 0 || len(out) < n) {
				out = append(out, it)
			} else {
				rest = append(rest, it)
			}
		default:
			if match {
				out = append(out, it)
			}
		}
	}
	switch mode {
	case "last":
		if n <= 0 {
			n = 1
		}
		if len(out) > n {
			out = out[len(out)-n:]
		}
	case "split":
		if rest == nil {
			rest = []any{}
		}
		return []any{out, rest}, nil
	}
	return out, nil
}
