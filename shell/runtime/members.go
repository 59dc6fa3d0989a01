package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

func (rt *Runtime) memberName(m syntax.Expr) (string, error) {
	if s, ok := m.(*syntax.StringConstExpr); ok {
		return s.Value, nil
	}
	v, err := rt.evalExpr(m)
	if err != nil {
		return "", err
	}
	return rt.toStr(v), nil
}

func (rt *Runtime) evalMember(x *syntax.MemberExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := rt.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	if x.Static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := rt.StaticProperty(tv.Info, name)
		if err != nil {
			return nil, rt.methodError(err, x.Ext, name, 0)
		}
		if v == nil {
			if m, _ := dotnet.FindMember(tv.Info, name, true); (m != nil && m.Call != nil) || strings.EqualFold(name, "new") {
				mv, err := rt.methodValue(nil, tv.Info, name)
				if err != nil {
					return nil, rt.methodError(err, x.Ext, name, 0)
				}
				return mv, nil
			}
		}
		return v, nil
	}
	if target == nil && x.NullConditional {
		return nil, nil
	}
	if err := rt.strictMember(target, name, x.Ext); err != nil {
		return nil, err
	}
	v, found := rt.getMember(target, name)
	if !found && target != nil {
		if m, _, _ := rt.resolveMember(target, name); m != nil && m.Call != nil {
			mv, err := rt.methodValue(target, nil, name)
			if err != nil {
				return nil, rt.methodError(err, x.Ext, name, 0)
			}
			return mv, nil
		}
	}
	return v, nil
}

// methodAsValue refuses a method named without parentheses: PowerShell
// would show its overload definitions, which exosim does not know.
func methodAsValue(typeName, sep, name string) error {
	return dotnet.NotSupported("showing the overload definitions of [%s]%s%s; call the method with parentheses", typeName, sep, name)
}

// GetMember reads a property (with member enumeration on collections).
func (rt *Runtime) GetMember(target any, name string) any {
	v, _ := rt.getMember(target, name)
	return v
}

// getMember reads a property; found tells whether the value has it.
func (rt *Runtime) getMember(target any, name string) (any, bool) {
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
		if m, at, self := rt.resolveMember(t, name); m != nil && m.Get != nil {
			v, err := m.Get(&dotnet.Call{Host: rt, Type: at, Self: self, Name: name})
			return v, err == nil
		}
		if t.Base != nil {
			return rt.getMember(t.Base, name)
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
		if m, at, self := rt.resolveMember(t, name); m != nil && m.Get != nil {
			v, err := m.Get(&dotnet.Call{Host: rt, Type: at, Self: self, Name: name})
			return v, err == nil
		}
		return nil, false
	case *xmldom.Node:
		// the XML adapter's properties win over the node's own
		if v, ok := t.AdaptedProperty(lname); ok {
			return v, true
		}
	case *PSCmdlet:
		return t.property(lname)
	}
	if lname == "psobject" {
		return automation.PSObjectView(target), true
	}
	if m, at, self := rt.resolveMember(target, name); m != nil && m.Get != nil {
		v, err := m.Get(&dotnet.Call{Host: rt, Type: at, Self: self, Name: name})
		return v, err == nil
	}
	if p, ok := object.GetProperty(target, name); ok {
		return p.Get(), true
	}
	if items, ok := enumerateForCompare(target); ok {
		return rt.enumerateMember(items, name), true
	}
	switch lname {
	case "count", "length":
		// intrinsic on every value, but not a member of it (strict mode)
		return 1, false
	}
	return nil, false
}

// resolveMember finds an instance member of v in the type registry; self
// is the value the member applies to (the base of a wrapping PSObject).
func (rt *Runtime) resolveMember(v any, name string) (*dotnet.Member, *dotnet.TypeInfo, any) {
	if o, ok := v.(*object.PSObject); ok {
		for _, tn := range o.TypeNames {
			if t := dotnet.TypeByName(tn); t != nil {
				if m, at := dotnet.FindMember(t, name, false); m != nil && at != nil && at.Def() != nil && at.Def().FullName != "System.Object" {
					return m, at, v
				}
			}
		}
		if o.Base != nil {
			return rt.resolveMember(o.Base, name)
		}
	}
	m, at := dotnet.FindMember(rt.TypeOf(v), name, false)
	return m, at, v
}

// enumerateMember implements member enumeration: each element's property,
// nulls kept, collection values flattened one level; a single result is
// returned as a scalar.
func (rt *Runtime) enumerateMember(items []any, name string) any {
	var out []any
	found := false
	for _, it := range items {
		if it == nil {
			continue
		}
		if !rt.hasMember(it, name) {
			continue
		}
		found = true
		v := rt.GetMember(it, name)
		if list, ok := enumerateForCompare(v); ok {
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

func (rt *Runtime) hasMember(v any, name string) bool {
	switch t := v.(type) {
	case *object.Hashtable:
		if t.Has(name) {
			return true
		}
	case []any, *object.List:
		return true
	}
	_, found := rt.getMember(v, name)
	return found
}

func (rt *Runtime) setMember(target any, name string, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *object.Hashtable:
		return rt.setIndex(t, name, value, ext)
	case *object.PSObject:
		cv, err := rt.classPropValue(t, name, value)
		if err != nil {
			return runtimeError(ext, fmt.Sprintf("Exception setting \"%s\": \"%s\"", name, err.Error()), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
		}
		if t.Set(name, cv) {
			return nil
		}
	case *xmldom.Node:
		if done, err := t.SetAdapted(name, rt.toStr(value)); done {
			if err != nil {
				return runtimeError(ext, strings.TrimPrefix(err.Error(), ""), "XmlNodeSetShouldBeAString", object.NotSpecified, "SetValueInvocationException")
			}
			return nil
		}
	case nil:
		return invalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyNotFound")
	}
	if m, at, self := rt.resolveMember(target, name); m != nil && m.Set != nil {
		if err := m.Set(&dotnet.Call{Host: rt, Type: at, Self: self, Name: name}, value); err != nil {
			return rt.methodError(err, ext, name, 1)
		}
		return nil
	}
	if o, ok := target.(*object.PSObject); ok && o.Base != nil {
		return rt.setMember(o.Base, name, value, ext)
	}
	return invalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyAssignmentException")
}

// ---------------------------------------------------------------------------
// indexing

func (rt *Runtime) evalIndex(x *syntax.IndexExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	idx, err := rt.evalExpr(x.Index)
	if err != nil {
		return nil, err
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		return nil, invalidOperation(x.Ext, "Cannot index into a null array.", "NullArray")
	}
	return rt.index(target, idx, x.Ext)
}

func (rt *Runtime) index(target, idx any, ext syntax.Extent) (any, error) {
	target = object.Unwrap(target)
	if h, ok := target.(*object.Hashtable); ok {
		if keys, isList := enumerateForCompare(idx); isList {
			var out []any
			for _, k := range keys {
				v, _ := rt.dictGet(h, k)
				out = append(out, v)
			}
			return out, nil
		}
		v, _ := rt.dictGet(h, idx)
		return v, nil
	}
	if ix, ok := target.(dotnet.Indexer); ok {
		if v, ok := ix.Index(rt, idx); ok {
			return v, nil
		}
		return nil, runtimeError(ext, cannotConvertMsg(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
	}
	var items []any
	// strict mode 3 refuses an index outside an array, list or string
	bounded, isList := false, false
	var strictErr error
	switch t := target.(type) {
	case []any:
		items, bounded = t, true
	case *object.List:
		items, bounded, isList = t.Items, true, true
	case string:
		bounded = true
		rs := []rune(t)
		items = make([]any, len(rs))
		for i, r := range rs {
			items[i] = object.Char(r)
		}
	case *object.PSObject:
		if v, ok := t.Get(rt.toStr(idx)); ok {
			return v, nil
		}
		items = []any{t}
	default:
		if list, ok := enumerateForCompare(target); ok {
			items = list
		} else {
			items = []any{target}
		}
	}
	one := func(i any) (any, bool) {
		n, ok := numeric.ToNumber(i)
		if !ok {
			return nil, false
		}
		k := int(numeric.Int64(n))
		if k < 0 {
			k += len(items)
		}
		if k < 0 || k >= len(items) {
			if bounded && strictErr == nil {
				strictErr = rt.strictIndex(ext, isList)
			}
			return nil, true
		}
		return items[k], true
	}
	if list, ok := enumerateForCompare(idx); ok {
		var out []any
		for _, i := range list {
			v, _ := one(i)
			if strictErr != nil {
				return nil, strictErr
			}
			if v != nil {
				out = append(out, v)
			}
		}
		return collapseIndex(out), nil
	}
	v, ok := one(idx)
	if !ok {
		return nil, runtimeError(ext, cannotConvertMsg(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
	}
	if strictErr != nil {
		return nil, strictErr
	}
	return v, nil
}

// dictGet reads one entry of a dictionary: an ordered dictionary indexed
// by an integer reads by position; a generic dictionary converts the key
// to its key type.
func (rt *Runtime) dictGet(h *object.Hashtable, k any) (any, bool) {
	if h.Ordered && h.Type == nil {
		if n, isInt := bareValue(k).(int); isInt {
			keys := h.Keys()
			if n < 0 || n >= len(keys) {
				return nil, false
			}
			return h.Get(keys[n])
		}
	}
	if t, ok := h.Type.(*dotnet.TypeInfo); ok && t != nil && len(t.Args) == 2 {
		ck, err := dotnet.ConvertArg(rt, k, t.Args[0], "key", "get_Item")
		if err != nil {
			return nil, false
		}
		k = ck
	}
	return h.Get(k)
}

func collapseIndex(out []any) any {
	if len(out) == 1 {
		return out[0]
	}
	if out == nil {
		return []any{}
	}
	return out
}

func (rt *Runtime) setIndex(target, idx, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *object.Hashtable:
		if t.Ordered && t.Type == nil {
			if n, isInt := bareValue(idx).(int); isInt {
				keys := t.Keys()
				if n < 0 || n >= len(keys) {
					return runtimeError(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "ArgumentOutOfRangeException", object.InvalidOperation, "ArgumentOutOfRangeException")
				}
				t.Set(keys[n], value)
				return nil
			}
		}
		if gt, ok := t.Type.(*dotnet.TypeInfo); ok && gt != nil && len(gt.Args) == 2 {
			k, err := dotnet.ConvertArg(rt, idx, gt.Args[0], "key", "set_Item")
			if err == nil {
				value, err = dotnet.ConvertArg(rt, value, gt.Args[1], "value", "set_Item")
			}
			if err != nil {
				return runtimeError(ext, err.Error(), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
			}
			idx = k
		}
		t.Set(idx, value)
		return nil
	case []any:
		n, ok := numeric.ToNumber(idx)
		if !ok {
			return runtimeError(ext, cannotConvertMsg(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
		}
		k := int(numeric.Int64(n))
		if k < 0 {
			k += len(t)
		}
		if k < 0 || k >= len(t) {
			return runtimeError(ext, "Index was outside the bounds of the array.", "System.IndexOutOfRangeException", object.InvalidOperation, "IndexOutOfRangeException")
		}
		if el := dotnet.ArrayElement(t); el != nil && el.Convert != nil {
			v, err := el.Convert(rt, value)
			if err != nil {
				return rt.wrapConvertErr(err, ext)
			}
			value = v
		}
		t[k] = value
		return nil
	case *object.List:
		n, _ := numeric.ToNumber(idx)
		k := int(numeric.Int64(n))
		if k < 0 || k >= len(t.Items) {
			return runtimeError(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "ArgumentOutOfRangeException", object.InvalidOperation, "ArgumentOutOfRangeException")
		}
		if gt, ok := t.Type.(*dotnet.TypeInfo); ok && gt != nil && len(gt.Args) == 1 {
			v, err := dotnet.ConvertArg(rt, value, gt.Args[0], "value", "set_Item")
			if err != nil {
				return runtimeError(ext, err.Error(), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
			}
			value = v
		}
		t.Items[k] = value
		return nil
	case *object.PSObject:
		if t.Set(rt.toStr(idx), value) {
			return nil
		}
	case nil:
		return invalidOperation(ext, "Cannot index into a null array.", "NullArray")
	}
	return invalidOperation(ext, fmt.Sprintf("Unable to index into an object of type \"%s\".", object.TypeName(target)), "CannotIndex")
}

// ---------------------------------------------------------------------------
// method calls

func (rt *Runtime) evalInvokeMember(x *syntax.InvokeMemberExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := rt.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, len(x.Args))
	for _, a := range x.Args {
		v, err := rt.evalExpr(a)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	if len(x.TypeArgs) > 0 {
		names := make([]string, len(x.TypeArgs))
		for i, tn := range x.TypeArgs {
			if _, ok := rt.ResolveType(rt.qualifyTypeName(tn.Name, tn.Ext)); !ok {
				return nil, invalidOperation(tn.Ext, fmt.Sprintf("Unable to find type [%s].", tn.Name), "TypeNotFound")
			}
			names[i] = tn.Name
		}
		return nil, rt.methodError(dotnet.NotSupported("calling a generic method with explicit type arguments (%s[%s])", name, strings.Join(names, ", ")), x.Ext, name, len(args))
	}
	if x.Static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := rt.CallStatic(tv.Info, name, args)
		if err != nil {
			if _, thrown := err.(*dotnet.MethodException); thrown && strings.EqualFold(name, "new") {
				name = ".ctor" // an exception inside a constructor
			}
			return nil, rt.methodError(err, x.Ext, name, len(args))
		}
		return v, nil
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		// ForEach and Where exist on $null too: they run over nothing and
		// return an empty collection
		if lname := strings.ToLower(name); (lname == "foreach" || lname == "where") && len(args) >= 1 {
			if sb, ok := args[0].(*automation.ScriptBlock); ok {
				return rt.intrinsicForEachWhere(nil, lname, sb, args)
			}
		}
		return nil, invalidOperation(x.Ext, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
	}
	v, err := rt.CallMethod(target, name, args)
	if err != nil {
		return nil, rt.methodError(err, x.Ext, name, len(args))
	}
	return v, nil
}

func (rt *Runtime) methodError(err error, ext syntax.Extent, name string, n int) error {
	if memlimit.IsOutOfMemory(err) {
		// A .NET exception in a method becomes a MethodInvocationException
		// whose error ID is the exception's short type name.
		return runtimeError(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, err.Error()), "OutOfMemoryException", object.NotSpecified, "MethodInvocationException")
	}
	switch e := err.(type) {
	case *PSError:
		return e
	case *stopSignal:
		return e // Ctrl+C at a host prompt stops the line quietly
	case *dotnet.MethodNotFound:
		return invalidOperation(ext, e.Error(), "MethodNotFound")
	case *dotnet.MethodException:
		return methodInvocationError(ext, e, name, n)
	case *dotnet.TypedException:
		pe := methodInvocationError(ext, &dotnet.MethodException{Msg: e.Msg}, name, n)
		pe.Record.ErrorID = object.ShortName(e.Type)
		pe.Record.InnerException = e.Type
		return pe
	case *dotnet.MethodBindError:
		return runtimeError(ext, e.Msg, e.ID, object.NotSpecified, "MethodException")
	case *dotnet.NotSupportedError:
		return runtimeError(ext, e.Msg, "ExosimNotSupported", object.NotImplemented, "NotSupportedException")
	case *dotnet.ConversionError:
		return runtimeError(ext, e.Msg, castErrorID(e.Msg), object.InvalidArgument, "PSInvalidCastException")
	case *opError:
		return runtimeError(ext, e.Msg, "RuntimeException", object.InvalidOperation, "RuntimeException")
	}
	return runtimeError(ext, err.Error(), "MethodInvocationException", object.NotSpecified, "MethodInvocationException")
}

// methodInvocationError is PowerShell's MethodInvocationException around
// an exception a .NET method (or operator method) threw.
func methodInvocationError(ext syntax.Extent, e *dotnet.MethodException, name string, n int) *PSError {
	inner := e.ExceptionType()
	pe := runtimeError(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, e.Msg), object.ShortName(inner), object.NotSpecified, "MethodInvocationException")
	pe.Record.ExceptionFullType = "System.Management.Automation.MethodInvocationException"
	pe.Record.InnerException, pe.Record.InnerMessage = inner, e.Msg
	return pe
}

func argStr(rt *Runtime, args []any, i int) string {
	if i < len(args) {
		return rt.toStr(args[i])
	}
	return ""
}

// CallStatic invokes a static method of a type ([T]::Name(args)), the
// constructor for "new".
func (rt *Runtime) CallStatic(t *dotnet.TypeInfo, name string, args []any) (any, error) {
	if strings.EqualFold(name, "new") {
		return rt.Construct(t, args)
	}
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || m.Call == nil {
		return nil, &dotnet.MethodNotFound{TypeName: t.FullName, Name: name}
	}
	if at == nil {
		at = t
	}
	return rt.invokeMember(m, at, nil, name, args)
}

// StaticProperty reads a static property ([T]::Name); an unknown one is
// $null, as in PowerShell outside strict mode.
func (rt *Runtime) StaticProperty(t *dotnet.TypeInfo, name string) (any, error) {
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || m.Get == nil {
		return nil, nil
	}
	if at == nil {
		at = t
	}
	return m.Get(&dotnet.Call{Host: rt, Type: at, Name: name})
}

// setStatic assigns a static property ([T]::Name = value).
func (rt *Runtime) setStatic(t *dotnet.TypeInfo, name string, value any, ext syntax.Extent) error {
	m, at := dotnet.FindMember(t, name, true)
	if m == nil || (m.Get == nil && m.Set == nil) {
		return invalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyNotFound")
	}
	if m.Set == nil {
		return invalidOperation(ext, fmt.Sprintf("'%s' is a ReadOnly property.", name), "PropertyAssignmentException")
	}
	if at == nil {
		at = t
	}
	if err := m.Set(&dotnet.Call{Host: rt, Type: at, Name: name}, value); err != nil {
		var pe *propSetError
		if errors.As(err, &pe) {
			return runtimeError(ext, fmt.Sprintf("Exception setting \"%s\": \"%s\"", name, pe.Error()), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
		}
		return rt.methodError(err, ext, name, 1)
	}
	return nil
}

// CallMethod invokes a .NET-style method on a value.
func (rt *Runtime) CallMethod(target any, name string, args []any) (any, error) {
	lname := strings.ToLower(name)
	// intrinsic members on every value
	switch lname {
	case "foreach", "where":
		if len(args) >= 1 {
			if sb, ok := args[0].(*automation.ScriptBlock); ok {
				return rt.intrinsicForEachWhere(target, lname, sb, args)
			}
		}
		if lname == "foreach" && len(args) >= 1 {
			if v, ok := rt.intrinsicForEachMember(target, args); ok {
				return v, nil
			}
		}
	}
	switch t := target.(type) {
	case *PSCmdlet:
		return rt.psCmdletMethod(t, lname, name, args)
	case *object.PSObject:
		if p := t.Property(name); p != nil {
			if sb, ok := p.Get().(*automation.ScriptBlock); ok {
				// a script method: $this is the object, the arguments
				// bind to the script block's param() block
				return rt.withThis(t, func() (any, error) { return rt.callScriptBlock(sb, args) })
			}
			if f, ok := p.Get().(hostui.Method); ok {
				return f(args)
			}
		}
	}
	if m, at, self := rt.resolveMember(target, name); m != nil && m.Call != nil {
		return rt.invokeMember(m, at, self, name, args)
	}
	// method enumeration: the collection lacks the method, its elements
	// may have it
	if items, ok := enumerateForCompare(bareValue(target)); ok && len(items) > 0 {
		var out []any
		for _, it := range items {
			if it == nil {
				continue
			}
			v, err := rt.CallMethod(it, name, args)
			if err != nil {
				return nil, err
			}
			if _, isVoid := v.(voidValue); !isVoid {
				out = append(out, v)
			}
		}
		return collapse(out), nil
	}
	return nil, &dotnet.MethodNotFound{TypeName: object.TypeName(target), Name: name}
}

// intrinsicForEachMember is .ForEach('Name') (each element's property, or
// with more arguments its method called with them) and .ForEach([type])
// (each element converted).
func (rt *Runtime) intrinsicForEachMember(target any, args []any) (any, bool) {
	items, isList := enumerateForCompare(target)
	if !isList {
		items = []any{target}
	}
	out := []any{}
	switch x := bareValue(args[0]).(type) {
	case *dotnet.TypeValue:
		for _, it := range items {
			v, err := rt.ConvertTo(it, x.Info.String())
			if err != nil {
				return nil, false
			}
			out = append(out, v)
		}
	case string:
		for _, it := range items {
			if len(args) == 1 {
				out = append(out, rt.GetMember(it, x))
				continue
			}
			v, err := rt.CallMethod(it, x, args[1:])
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

// intrinsicForEachWhere is the .ForEach({...}) and .Where({...}) every
// value has.
func (rt *Runtime) intrinsicForEachWhere(target any, lname string, sb *automation.ScriptBlock, args []any) (any, error) {
	items, isList := enumerateForCompare(target)
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
			err := rt.invokeScriptBlock(sb, it, args[1:], func(v any) error { out = append(out, v); return nil })
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	mode := strings.ToLower(argStr(rt, args, 1))
	n := 0
	if len(args) > 2 {
		if k, ok := numeric.ToNumber(args[2]); ok {
			n = int(numeric.Int64(k))
		}
	}
	var rest []any
	split := false
	for _, it := range items {
		v, err := rt.invokeScriptBlockValue(sb, it, nil)
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

// argInt reads argument i as an integer.
func argInt(args []any, i int) (int, bool) {
	if i >= len(args) {
		return 0, false
	}
	n, ok := numeric.ToNumber(args[i])
	if !ok {
		return 0, false
	}
	return int(numeric.Int64(n)), true
}
