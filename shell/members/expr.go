package members

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Member is the value of a member expression written at ext: target.name
// (target?.name with nullConditional), or [T]::name when static (target
// is then the type). A method named without parentheses is its PSMethod;
// strict mode refuses a property the value does not have.
func Member(h Host, target any, name string, static, nullConditional bool, ext syntax.Extent) (any, error) {
	if static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, pserror.InvalidOperation(ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := StaticProperty(h, tv.Info, name)
		if err != nil {
			return nil, h.MethodError(err, ext, name, 0)
		}
		if v == nil {
			if m, _ := dotnet.FindMember(tv.Info, name, true); (m != nil && m.Call != nil) || strings.EqualFold(name, "new") {
				mv, err := MethodValue(h, nil, tv.Info, name)
				if err != nil {
					return nil, h.MethodError(err, ext, name, 0)
				}
				return mv, nil
			}
		}
		return v, nil
	}
	if target == nil && nullConditional {
		return nil, nil
	}
	if err := h.StrictMember(target, name, ext); err != nil {
		return nil, err
	}
	v, found := Get(h, target, name)
	if !found && target != nil {
		m, at, self := Resolve(h, target, name)
		if m != nil && m.Get != nil {
			// a getter that threw: Get reads it as no value
			_, err := m.Get(&dotnet.Call{Host: h.Dotnet(), Type: at, Self: self, Name: name})
			if me, ok := err.(*dotnet.MethodException); ok {
				return nil, GetterError(ext, me, name)
			}
		}
		if m != nil && m.Call != nil {
			mv, err := MethodValue(h, target, nil, name)
			if err != nil {
				return nil, h.MethodError(err, ext, name, 0)
			}
			return mv, nil
		}
	}
	return v, nil
}

// Invoke is the value of a method call written at ext: target.name(args)
// (target?.name(args) with nullConditional), or [T]::name(args) when
// static (target is then the type; new is the constructor).
func Invoke(h Host, target any, name string, args []any, static, nullConditional bool, ext syntax.Extent) (any, error) {
	if static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, pserror.InvalidOperation(ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := CallStatic(h, tv.Info, name, args)
		if err != nil {
			if _, thrown := err.(*dotnet.MethodException); thrown && strings.EqualFold(name, "new") {
				name = ".ctor" // an exception inside a constructor
			}
			return nil, h.MethodError(err, ext, name, len(args))
		}
		return v, nil
	}
	if target == nil {
		if nullConditional {
			return nil, nil
		}
		// ForEach and Where exist on $null too: they run over nothing and
		// return an empty collection
		if lname := strings.ToLower(name); (lname == "foreach" || lname == "where") && len(args) >= 1 {
			if sb, ok := args[0].(*automation.ScriptBlock); ok {
				return ForEachWhere(h, nil, lname, sb, args)
			}
		}
		return nil, pserror.InvalidOperation(ext, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
	}
	v, err := Call(h, target, name, args)
	if err != nil {
		return nil, h.MethodError(err, ext, name, len(args))
	}
	return v, nil
}
