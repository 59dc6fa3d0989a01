package runtime

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode"

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
		tv, ok := target.(*TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := rt.staticProperty(tv.Info, name)
		if err != nil {
			return nil, invalidOperation(x.Ext, err.Error(), "PropertyNotFound")
		}
		return v, nil
	}
	if target == nil && x.NullConditional {
		return nil, nil
	}
	if err := rt.strictMember(target, name, x.Ext); err != nil {
		return nil, err
	}
	return rt.GetMember(target, name), nil
}

// GetMember reads a property (with member enumeration on collections).
func (rt *Runtime) GetMember(target any, name string) any {
	lname := strings.ToLower(name)
	if target == nil {
		if lname == "count" || lname == "length" {
			return 0
		}
		return nil
	}
	switch t := target.(type) {
	case []any:
		switch lname {
		case "count", "length", "longlength":
			return len(t)
		case "rank":
			return 1
		case "issynchronized", "isfixedsize", "isreadonly":
			return lname == "isfixedsize"
		}
		return rt.enumerateMember(t, name)
	case *object.List:
		switch lname {
		case "count":
			return len(t.Items)
		case "capacity":
			return cap(t.Items)
		}
		return rt.enumerateMember(t.Items, name)
	case *object.Hashtable:
		if v, ok := t.Get(name); ok {
			return v
		}
		switch lname {
		case "count":
			return t.Len()
		case "keys":
			return t.Keys()
		case "values":
			var out []any
			for _, e := range t.Entries() {
				out = append(out, e.Value)
			}
			if out == nil {
				out = []any{}
			}
			return out
		}
		return nil
	case *object.PSObject:
		if p := t.Property(name); p != nil {
			return p.Get()
		}
		if lname == "psobject" {
			return psObjectView(t)
		}
		if t.Base != nil {
			return rt.GetMember(t.Base, name)
		}
		switch lname {
		case "count", "length":
			return 1
		}
		return nil
	case string:
		if lname == "length" {
			return len([]rune(t))
		}
	case *PSCmdlet:
		v, _ := t.property(lname)
		return v
	case Switch:
		if lname == "ispresent" {
			return bool(t)
		}
	case *TypeValue:
		switch lname {
		case "name":
			return t.Info.Name()
		case "fullname":
			return t.Info.FullName
		case "basetype":
			return nil
		}
	}
	if p, ok := object.GetProperty(target, name); ok {
		return p.Get()
	}
	switch lname {
	case "count", "length":
		return 1
	case "psobject":
		return psObjectView(target)
	}
	return nil
}

func psObjectView(v any) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSObject")
	var props []any
	for _, p := range object.Adapted(v) {
		pv := object.NewObject("System.Management.Automation.PSNoteProperty")
		pv.Add("Name", p.Name)
		pv.Add("Value", p.Get())
		pv.Add("MemberType", p.Kind.String())
		props = append(props, pv)
	}
	if props == nil {
		props = []any{}
	}
	o.Add("Properties", props)
	o.Add("TypeNames", toAnySlice(object.TypeNames(v)))
	o.Add("BaseObject", v)
	o.Add("ImmediateBaseObject", v)
	return o
}

func toAnySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
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
		return t.Has(name) || strings.EqualFold(name, "count") || strings.EqualFold(name, "keys") || strings.EqualFold(name, "values")
	case *object.PSObject:
		if t.Property(name) != nil {
			return true
		}
		if t.Base != nil {
			return rt.hasMember(t.Base, name)
		}
		return false
	case []any, *object.List:
		return true
	}
	_, ok := object.GetProperty(v, name)
	return ok
}

func (rt *Runtime) setMember(target any, name string, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *object.Hashtable:
		t.Set(name, value)
		return nil
	case *object.PSObject:
		if t.Set(name, value) {
			return nil
		}
	case nil:
		return invalidOperation(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name), "PropertyNotFound")
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
				v, _ := h.Get(k)
				out = append(out, v)
			}
			return out, nil
		}
		v, _ := h.Get(idx)
		return v, nil
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
		items = []any{target}
	}
	one := func(i any) (any, bool) {
		n, ok := toNumber(i)
		if !ok {
			return nil, false
		}
		k := int(asInt64(n))
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
		t.Set(idx, value)
		return nil
	case []any:
		n, ok := toNumber(idx)
		if !ok {
			return runtimeError(ext, cannotConvertMsg(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
		}
		k := int(asInt64(n))
		if k < 0 {
			k += len(t)
		}
		if k < 0 || k >= len(t) {
			return runtimeError(ext, "Index was outside the bounds of the array.", "System.IndexOutOfRangeException", object.InvalidOperation, "IndexOutOfRangeException")
		}
		t[k] = value
		return nil
	case *object.List:
		n, _ := toNumber(idx)
		k := int(asInt64(n))
		if k < 0 || k >= len(t.Items) {
			return runtimeError(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "ArgumentOutOfRangeException", object.InvalidOperation, "ArgumentOutOfRangeException")
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
	if x.Static {
		tv, ok := target.(*TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := rt.callStatic(tv.Info, name, args)
		if err != nil {
			return nil, rt.methodError(err, x.Ext, name, len(args))
		}
		return v, nil
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		return nil, invalidOperation(x.Ext, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
	}
	v, err := rt.CallMethod(target, name, args)
	if err != nil {
		return nil, rt.methodError(err, x.Ext, name, len(args))
	}
	return v, nil
}

type methodNotFound struct{ typeName, name string }

func (e *methodNotFound) Error() string {
	return fmt.Sprintf("Method invocation failed because [%s] does not contain a method named '%s'.", e.typeName, e.name)
}

// methodException is an exception thrown inside a .NET method.
type methodException struct{ msg string }

func (e *methodException) Error() string { return e.msg }

func (rt *Runtime) methodError(err error, ext syntax.Extent, name string, n int) error {
	switch e := err.(type) {
	case *PSError:
		return e
	case *methodNotFound:
		return invalidOperation(ext, e.Error(), "MethodNotFound")
	case *methodException:
		return runtimeError(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, e.msg), "MethodInvocationException", object.NotSpecified, "MethodInvocationException")
	}
	return runtimeError(ext, err.Error(), "MethodInvocationException", object.NotSpecified, "MethodInvocationException")
}

func argStr(rt *Runtime, args []any, i int) string {
	if i < len(args) {
		return rt.toStr(args[i])
	}
	return ""
}

func argInt(args []any, i int) (int, bool) {
	if i >= len(args) {
		return 0, false
	}
	n, ok := toNumber(args[i])
	if !ok {
		return 0, false
	}
	return int(asInt64(n)), true
}

// CallMethod invokes a .NET-style method on a value.
func (rt *Runtime) CallMethod(target any, name string, args []any) (any, error) {
	lname := strings.ToLower(name)
	// intrinsic members on every value
	switch lname {
	case "gettype":
		if len(args) == 0 {
			full := object.TypeName(target)
			return &TypeValue{Info: &TypeInfo{FullName: full}}, nil
		}
	case "foreach":
		if len(args) >= 1 {
			if sb, ok := args[0].(*ScriptBlock); ok {
				var out []any
				items, isList := enumerateForCompare(target)
				if !isList {
					items = []any{target}
				}
				for _, it := range items {
					err := rt.invokeScriptBlock(sb, it, nil, func(v any) error { out = append(out, v); return nil })
					if err != nil {
						return nil, err
					}
				}
				if out == nil {
					out = []any{}
				}
				return out, nil
			}
		}
	case "where":
		if len(args) >= 1 {
			if sb, ok := args[0].(*ScriptBlock); ok {
				var out []any
				items, isList := enumerateForCompare(target)
				if !isList {
					items = []any{target}
				}
				mode := strings.ToLower(argStr(rt, args, 1))
				for _, it := range items {
					v, err := rt.invokeScriptBlockValue(sb, it, nil)
					if err != nil {
						return nil, err
					}
					if object.ToBool(v) {
						out = append(out, it)
						if mode == "first" {
							break
						}
					}
				}
				if out == nil {
					out = []any{}
				}
				return out, nil
			}
		}
	}
	switch t := object.Unwrap(target).(type) {
	case *PSCmdlet:
		return rt.psCmdletMethod(t, lname, name, args)
	case Switch:
		if lname == "tobool" && len(args) == 0 {
			return bool(t), nil
		}

	case string:
		return rt.stringMethod(t, lname, name, args)
	case time.Time:
		return rt.dateMethod(t, lname, name, args)
	case object.TimeSpan:
		switch lname {
		case "tostring":
			return t.String(), nil
		case "add":
			if len(args) == 1 {
				if o, ok := args[0].(object.TimeSpan); ok {
					return t + o, nil
				}
			}
		case "negate":
			return -t, nil
		}
	case *object.Hashtable:
		switch lname {
		case "containskey", "contains":
			if len(args) == 1 {
				return t.Has(args[0]), nil
			}
		case "containsvalue":
			for _, e := range t.Entries() {
				if rt.equalValues(e.Value, args[0], false) {
					return true, nil
				}
			}
			return false, nil
		case "add":
			if len(args) == 2 {
				if !t.Add(args[0], args[1]) {
					k := object.ToInvariantString(args[0])
					return nil, &methodException{fmt.Sprintf("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", k, k)}
				}
				return voidValue{}, nil
			}
		case "remove":
			if len(args) == 1 {
				t.Delete(args[0])
				return voidValue{}, nil
			}
		case "clear":
			for _, k := range t.Keys() {
				t.Delete(k)
			}
			return voidValue{}, nil
		case "clone":
			return t.Copy(), nil
		case "tostring":
			return object.ToInvariantString(t), nil
		case "getenumerator":
			out := []any{}
			for _, e := range t.Entries() {
				out = append(out, e)
			}
			return out, nil
		}
	case []any:
		switch lname {
		case "contains":
			if len(args) == 1 {
				for _, it := range t {
					if rt.equalValues(it, args[0], true) {
						return true, nil
					}
				}
				return false, nil
			}
		case "indexof":
			if len(args) >= 1 {
				for i, it := range t {
					if rt.equalValues(it, args[0], true) {
						return i, nil
					}
				}
				return -1, nil
			}
		case "tostring":
			return "System.Object[]", nil
		case "clone":
			return append([]any{}, t...), nil
		case "add":
			return nil, &methodException{"Collection was of a fixed size."}
		}
		// method enumeration
		var out []any
		for _, it := range t {
			v, err := rt.CallMethod(it, name, args)
			if err != nil {
				return nil, err
			}
			if _, isVoid := v.(voidValue); !isVoid {
				out = append(out, v)
			}
		}
		return collapse(out), nil
	case *object.List:
		switch lname {
		case "add":
			if len(args) == 1 {
				t.Items = append(t.Items, args[0])
				return len(t.Items) - 1, nil
			}
		case "addrange":
			if items, ok := enumerateForCompare(args[0]); ok {
				t.Items = append(t.Items, items...)
			}
			return voidValue{}, nil
		case "remove":
			for i, it := range t.Items {
				if rt.equalValues(it, args[0], true) {
					t.Items = append(t.Items[:i], t.Items[i+1:]...)
					break
				}
			}
			return voidValue{}, nil
		case "removeat":
			if n, ok := argInt(args, 0); ok && n >= 0 && n < len(t.Items) {
				t.Items = append(t.Items[:n], t.Items[n+1:]...)
			}
			return voidValue{}, nil
		case "clear":
			t.Items = nil
			return voidValue{}, nil
		case "contains":
			for _, it := range t.Items {
				if rt.equalValues(it, args[0], true) {
					return true, nil
				}
			}
			return false, nil
		case "toarray":
			return append([]any{}, t.Items...), nil
		case "tostring":
			return "System.Collections.ArrayList", nil
		}
	case object.Guid:
		if lname == "tostring" {
			if len(args) == 1 && strings.EqualFold(argStr(rt, args, 0), "N") {
				return t.Hex32(), nil
			}
			return t.String(), nil
		}
	case *object.PSObject:
		if p := t.Property(name); p != nil {
			if sb, ok := p.Get().(*ScriptBlock); ok {
				return rt.invokeScriptBlockValue(sb, nil, args)
			}
			if f, ok := p.Get().(HostMethod); ok {
				return f(args)
			}
		}
		switch lname {
		case "tostring":
			return t.String(), nil
		case "equals":
			if len(args) == 1 {
				return sameRef(t, args[0]), nil
			}
		case "gethashcode":
			return 0, nil
		}
	case *object.ErrorRecord:
		if lname == "tostring" {
			return t.Message, nil
		}
	case object.SecureString:
		if lname == "tostring" {
			return t.String(), nil
		}
	case *ScriptBlock:
		switch lname {
		case "invoke", "invokereturnasis":
			v, _, err := rt.scriptBlockMethod(t, lname, args)
			return v, err
		case "tostring":
			return t.Text(), nil
		case "getnewclosure":
			return t, nil
		}
	case *Regex:
		switch lname {
		case "ismatch":
			return t.re.MatchString(argStr(rt, args, 0)), nil
		case "replace":
			return t.re.ReplaceAllString(argStr(rt, args, 0), dotnetReplacement(argStr(rt, args, 1))), nil
		case "split":
			return toAnySlice(t.re.Split(argStr(rt, args, 0), -1)), nil
		case "tostring":
			return t.Pattern, nil
		}
	}
	if lname == "tostring" && len(args) <= 1 {
		if len(args) == 1 {
			return object.FormatWithSpec(target, argStr(rt, args, 0)), nil
		}
		return rt.toStr(target), nil
	}
	if lname == "equals" && len(args) == 1 {
		return rt.equalValues(target, args[0], true), nil
	}
	if lname == "compareto" && len(args) == 1 {
		c, err := rt.compareValues(target, args[0], true)
		return c, err
	}
	return nil, &methodNotFound{typeName: object.TypeName(target), name: name}
}

func (rt *Runtime) stringMethod(s, lname, name string, args []any) (any, error) {
	a0 := argStr(rt, args, 0)
	switch lname {
	case "toupper", "toupperinvariant":
		return strings.ToUpper(s), nil
	case "tolower", "tolowerinvariant":
		return strings.ToLower(s), nil
	case "trim", "trimstart", "trimend":
		cut := func(f func(string, string) string, g func(string, func(rune) bool) string) string {
			if len(args) == 0 {
				return g(s, unicode.IsSpace)
			}
			chars := ""
			for _, a := range args {
				chars += rt.toStr(a)
			}
			return f(s, chars)
		}
		switch lname {
		case "trim":
			return cut(strings.Trim, strings.TrimFunc), nil
		case "trimstart":
			return cut(strings.TrimLeft, strings.TrimLeftFunc), nil
		}
		return cut(strings.TrimRight, strings.TrimRightFunc), nil
	case "contains":
		return strings.Contains(s, a0), nil
	case "startswith":
		if len(args) > 1 && strings.Contains(strings.ToLower(argStr(rt, args, 1)), "ignorecase") {
			return object.HasPrefixFold(s, a0), nil
		}
		return strings.HasPrefix(s, a0), nil
	case "endswith":
		if len(args) > 1 && strings.Contains(strings.ToLower(argStr(rt, args, 1)), "ignorecase") {
			return len(s) >= len(a0) && strings.EqualFold(s[len(s)-len(a0):], a0), nil
		}
		return strings.HasSuffix(s, a0), nil
	case "replace":
		if len(args) < 2 {
			break
		}
		if a0 == "" {
			return nil, &methodException{"String cannot be of zero length. (Parameter 'oldValue')"}
		}
		return strings.ReplaceAll(s, a0, argStr(rt, args, 1)), nil
	case "split":
		if len(args) == 0 {
			return toAnySlice(strings.FieldsFunc(s, unicode.IsSpace)), nil
		}
		seps := []string{}
		for _, a := range args {
			if items, ok := enumerateForCompare(a); ok {
				for _, it := range items {
					seps = append(seps, rt.toStr(it))
				}
			} else if _, isNum := a.(int); !isNum {
				as := rt.toStr(a)
				if len(args) == 1 {
					for _, r := range as {
						seps = append(seps, string(r))
					}
				} else {
					seps = append(seps, as)
				}
			}
		}
		parts := []string{s}
		for _, sep := range seps {
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, sep)...)
			}
			parts = next
		}
		return toAnySlice(parts), nil
	case "substring":
		rs := []rune(s)
		start, ok := argInt(args, 0)
		if !ok || start < 0 || start > len(rs) {
			return nil, &methodException{"startIndex cannot be larger than length of string. (Parameter 'startIndex')"}
		}
		if len(args) > 1 {
			n, _ := argInt(args, 1)
			if n < 0 || start+n > len(rs) {
				return nil, &methodException{"Index and length must refer to a location within the string. (Parameter 'length')"}
			}
			return string(rs[start : start+n]), nil
		}
		return string(rs[start:]), nil
	case "indexof":
		i := strings.Index(s, a0)
		if i < 0 {
			return -1, nil
		}
		return len([]rune(s[:i])), nil
	case "lastindexof":
		i := strings.LastIndex(s, a0)
		if i < 0 {
			return -1, nil
		}
		return len([]rune(s[:i])), nil
	case "padleft", "padright":
		n, _ := argInt(args, 0)
		pad := " "
		if len(args) > 1 {
			pad = argStr(rt, args, 1)
		}
		l := len([]rune(s))
		if l >= n {
			return s, nil
		}
		fill := strings.Repeat(pad, n-l)
		if lname == "padleft" {
			return fill + s, nil
		}
		return s + fill, nil
	case "tostring":
		return s, nil
	case "equals":
		if len(args) > 1 && strings.Contains(strings.ToLower(argStr(rt, args, 1)), "ignorecase") {
			return strings.EqualFold(s, a0), nil
		}
		return s == a0, nil
	case "compareto":
		return compareStrings(s, a0, true), nil
	case "insert":
		n, _ := argInt(args, 0)
		rs := []rune(s)
		if n < 0 || n > len(rs) {
			return nil, &methodException{"Specified argument was out of the range of valid values. (Parameter 'startIndex')"}
		}
		return string(rs[:n]) + argStr(rt, args, 1) + string(rs[n:]), nil
	case "remove":
		n, _ := argInt(args, 0)
		rs := []rune(s)
		if n < 0 || n > len(rs) {
			return nil, &methodException{"startIndex must be less than length of string. (Parameter 'startIndex')"}
		}
		if len(args) > 1 {
			c, _ := argInt(args, 1)
			if n+c > len(rs) {
				return nil, &methodException{"Index and count must refer to a location within the string. (Parameter 'count')"}
			}
			return string(rs[:n]) + string(rs[n+c:]), nil
		}
		return string(rs[:n]), nil
	case "tochararray":
		out := []any{}
		for _, r := range s {
			out = append(out, object.Char(r))
		}
		return out, nil
	case "normalize", "clone":
		return s, nil
	case "isnormalized":
		return true, nil
	case "gethashcode":
		h := 0
		for _, r := range s {
			h = h*31 + int(r)
		}
		return h, nil
	}
	return nil, &methodNotFound{typeName: "System.String", name: name}
}

func (rt *Runtime) dateMethod(t time.Time, lname, name string, args []any) (any, error) {
	num := func() (float64, bool) {
		if len(args) != 1 {
			return 0, false
		}
		n, ok := toNumber(args[0])
		if !ok {
			return 0, false
		}
		return asFloat(n), true
	}
	addDur := func(unit time.Duration) (any, error) {
		f, ok := num()
		if !ok {
			return nil, &methodException{cannotConvertMsg(argStr(rt, args, 0), "System.Double")}
		}
		return t.Add(time.Duration(math.Round(f * float64(unit)))), nil
	}
	switch lname {
	case "adddays":
		return addDur(24 * time.Hour)
	case "addhours":
		return addDur(time.Hour)
	case "addminutes":
		return addDur(time.Minute)
	case "addseconds":
		return addDur(time.Second)
	case "addmilliseconds":
		return addDur(time.Millisecond)
	case "addmonths":
		n, _ := argInt(args, 0)
		return t.AddDate(0, n, 0), nil
	case "addyears":
		n, _ := argInt(args, 0)
		return t.AddDate(n, 0, 0), nil
	case "addticks":
		n, _ := argInt(args, 0)
		return t.Add(time.Duration(n) * 100), nil
	case "add":
		if len(args) == 1 {
			if ts, ok := args[0].(object.TimeSpan); ok {
				return t.Add(time.Duration(ts) * 100), nil
			}
		}
	case "subtract":
		if len(args) == 1 {
			switch o := args[0].(type) {
			case time.Time:
				return object.TimeSpan(t.Sub(o) / 100), nil
			case object.TimeSpan:
				return t.Add(-time.Duration(o) * 100), nil
			}
		}
	case "tostring":
		if len(args) >= 1 {
			return object.FormatDateTime(t, argStr(rt, args, 0)), nil
		}
		return object.FormatDateTime(t, "G"), nil
	case "toshortdatestring":
		return object.FormatDateTime(t, "d"), nil
	case "tolongdatestring":
		return object.FormatDateTime(t, "D"), nil
	case "toshorttimestring":
		return object.FormatDateTime(t, "t"), nil
	case "tolongtimestring":
		return object.FormatDateTime(t, "T"), nil
	case "touniversaltime", "tolocaltime":
		return t, nil
	case "tofiletime", "tofiletimeutc":
		return (object.DateTimeTicks(t) - 504911232000000000), nil
	case "compareto":
		if len(args) == 1 {
			o, err := toDateTime(args[0])
			if err != nil {
				return nil, &methodException{err.Error()}
			}
			return t.Compare(o), nil
		}
	case "equals":
		if len(args) == 1 {
			o, err := toDateTime(args[0])
			return err == nil && o.Equal(t), nil
		}
	}
	return nil, &methodNotFound{typeName: "System.DateTime", name: name}
}

// ---------------------------------------------------------------------------
// static members

func (rt *Runtime) staticProperty(t *TypeInfo, name string) (any, error) {
	l := strings.ToLower(name)
	switch t.FullName {
	case "System.DateTime":
		switch l {
		case "now", "utcnow":
			return rt.Now(), nil
		case "today":
			n := rt.Now()
			return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC), nil
		case "minvalue":
			return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil
		case "maxvalue":
			return time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC), nil
		}
	case "System.Int32":
		switch l {
		case "maxvalue":
			return math.MaxInt32, nil
		case "minvalue":
			return math.MinInt32, nil
		}
	case "System.Int64":
		switch l {
		case "maxvalue":
			return int64(math.MaxInt64), nil
		case "minvalue":
			return int64(math.MinInt64), nil
		}
	case "System.Double":
		switch l {
		case "maxvalue":
			return math.MaxFloat64, nil
		case "minvalue":
			return -math.MaxFloat64, nil
		case "nan":
			return math.NaN(), nil
		}
	case "System.String":
		if l == "empty" {
			return "", nil
		}
	case "System.Guid":
		if l == "empty" {
			return object.Guid{}, nil
		}
	case "System.TimeSpan":
		if l == "zero" {
			return object.TimeSpan(0), nil
		}
	case "System.Math":
		switch l {
		case "pi":
			return math.Pi, nil
		case "e":
			return math.E, nil
		}
	case "System.Environment":
		switch l {
		case "newline":
			return "\n", nil
		case "machinename":
			return "EXOSIM", nil
		case "username":
			return "admin", nil
		}
	}
	return nil, fmt.Errorf("The property '%s' cannot be found on type [%s].", name, t.FullName)
}

func (rt *Runtime) callStatic(t *TypeInfo, name string, args []any) (any, error) {
	l := strings.ToLower(name)
	nums := func() ([]float64, bool) {
		out := make([]float64, len(args))
		for i, a := range args {
			n, ok := toNumber(a)
			if !ok {
				return nil, false
			}
			out[i] = asFloat(n)
		}
		return out, true
	}
	switch t.FullName {
	case "System.Math":
		f, ok := nums()
		if !ok {
			return nil, &methodException{"Cannot convert argument to a number."}
		}
		if len(f) == 0 || (l == "pow" && len(f) < 2) {
			return nil, &methodException{fmt.Sprintf("Cannot find an overload for %q and the argument count: \"%d\".", name, len(f))}
		}
		switch l {
		case "round":
			if len(f) == 0 {
				break
			}
			digits := 0
			if len(f) > 1 {
				digits = int(f[1])
			}
			p := math.Pow(10, float64(digits))
			r := math.RoundToEven(f[0]*p) / p
			if _, isInt := args[0].(int); isInt && digits == 0 {
				return args[0], nil
			}
			if d, isDec := args[0].(object.Decimal); isDec {
				_ = d
				return object.NewDecimal(r), nil
			}
			return r, nil
		case "floor":
			return math.Floor(f[0]), nil
		case "ceiling":
			return math.Ceil(f[0]), nil
		case "truncate":
			return math.Trunc(f[0]), nil
		case "abs":
			if n, ok := args[0].(int); ok {
				if n < 0 {
					return -n, nil
				}
				return n, nil
			}
			return math.Abs(f[0]), nil
		case "max", "min":
			if len(f) != 2 {
				break
			}
			c := compareNumbers(args[0], args[1])
			if (l == "max") == (c >= 0) {
				return args[0], nil
			}
			return args[1], nil
		case "pow":
			return math.Pow(f[0], f[1]), nil
		case "sqrt":
			return math.Sqrt(f[0]), nil
		case "log":
			if len(f) == 2 {
				return math.Log(f[0]) / math.Log(f[1]), nil
			}
			return math.Log(f[0]), nil
		case "log10":
			return math.Log10(f[0]), nil
		}
	case "System.String":
		switch l {
		case "isnullorempty":
			return len(args) == 0 || args[0] == nil || rt.toStr(args[0]) == "", nil
		case "isnullorwhitespace":
			return len(args) == 0 || args[0] == nil || strings.TrimSpace(rt.toStr(args[0])) == "", nil
		case "join":
			if len(args) == 0 {
				return nil, &methodException{fmt.Sprintf("Cannot find an overload for %q and the argument count: \"0\".", name)}
			}
			sep := argStr(rt, args, 0)
			var parts []string
			for _, a := range args[1:] {
				if items, ok := enumerateForCompare(a); ok {
					for _, it := range items {
						parts = append(parts, rt.toStr(it))
					}
				} else {
					parts = append(parts, rt.toStr(a))
				}
			}
			return strings.Join(parts, sep), nil
		case "format":
			if len(args) == 0 {
				break
			}
			rest := args[1:]
			if len(rest) == 1 {
				if items, ok := enumerateForCompare(rest[0]); ok {
					rest = items
				}
			}
			s, err := object.FormatComposite(argStr(rt, args, 0), rest, rt.toStr)
			if err != nil {
				return nil, &methodException{err.Error()}
			}
			return s, nil
		case "concat":
			var b strings.Builder
			for _, a := range args {
				b.WriteString(rt.toStr(a))
			}
			return b.String(), nil
		case "compare":
			return compareStrings(argStr(rt, args, 0), argStr(rt, args, 1), !(len(args) > 2 && object.ToBool(args[2]))), nil
		case "equals":
			return argStr(rt, args, 0) == argStr(rt, args, 1), nil
		}
	case "System.Guid":
		switch l {
		case "newguid":
			return rt.NewGuid(), nil
		case "parse":
			g, ok := object.ParseGuid(argStr(rt, args, 0))
			if !ok {
				return nil, &methodException{"Unrecognized Guid format."}
			}
			return g, nil
		case "tryparse":
			_, ok := object.ParseGuid(argStr(rt, args, 0))
			return ok, nil
		}
	case "System.DateTime":
		switch l {
		case "parse", "parseexact":
			d, err := toDateTime(argStr(rt, args, 0))
			if err != nil {
				return nil, &methodException{fmt.Sprintf("String '%s' was not recognized as a valid DateTime.", argStr(rt, args, 0))}
			}
			return d, nil
		case "daysinmonth":
			y, _ := argInt(args, 0)
			m, _ := argInt(args, 1)
			return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(), nil
		case "isleapyear":
			y, _ := argInt(args, 0)
			return y%4 == 0 && (y%100 != 0 || y%400 == 0), nil
		}
	case "System.TimeSpan":
		f, ok := nums()
		if ok && len(f) == 1 {
			switch l {
			case "fromdays":
				return object.TimeSpan(f[0] * float64(object.TicksPerDay)), nil
			case "fromhours":
				return object.TimeSpan(f[0] * float64(object.TicksPerHour)), nil
			case "fromminutes":
				return object.TimeSpan(f[0] * float64(object.TicksPerMinute)), nil
			case "fromseconds":
				return object.TimeSpan(f[0] * float64(object.TicksPerSecond)), nil
			case "frommilliseconds":
				return object.TimeSpan(f[0] * float64(object.TicksPerMillisecond)), nil
			}
		}
		if l == "parse" {
			v, err := toTimeSpan(argStr(rt, args, 0))
			if err != nil {
				return nil, &methodException{err.Error()}
			}
			return v, nil
		}
	case "System.Int32", "System.Int64", "System.Double":
		if l == "parse" {
			return t.Convert(rt, argStr(rt, args, 0))
		}
		if l == "tryparse" {
			_, err := t.Convert(rt, argStr(rt, args, 0))
			return err == nil, nil
		}
	case "System.Text.RegularExpressions.Regex":
		switch l {
		case "escape":
			return regexp.QuoteMeta(argStr(rt, args, 0)), nil
		case "ismatch":
			re, err := rt.compileRegex(argStr(rt, args, 1), true)
			if err != nil {
				return nil, err
			}
			return re.MatchString(argStr(rt, args, 0)), nil
		case "replace":
			re, err := rt.compileRegex(argStr(rt, args, 1), true)
			if err != nil {
				return nil, err
			}
			return re.ReplaceAllString(argStr(rt, args, 0), dotnetReplacement(argStr(rt, args, 2))), nil
		case "split":
			re, err := rt.compileRegex(argStr(rt, args, 1), true)
			if err != nil {
				return nil, err
			}
			return toAnySlice(re.Split(argStr(rt, args, 0), -1)), nil
		}
	case "System.Convert":
		switch l {
		case "toint32":
			return toInt32(args[0], "System.Int32")
		case "tostring":
			return rt.toStr(args[0]), nil
		case "toboolean":
			return object.ToBool(args[0]), nil
		}
	case "System.Environment":
		switch l {
		case "getenvironmentvariable":
			if len(args) > 0 {
				if v, ok := rt.env.Get(rt.toStr(args[0])); ok {
					return v, nil
				}
			}
			return nil, nil
		case "setenvironmentvariable":
			if len(args) > 1 {
				rt.env.Set(rt.toStr(args[0]), rt.toStr(args[1]))
			}
			return nil, nil
		}
	}
	return nil, &methodNotFound{typeName: t.FullName, name: name}
}
