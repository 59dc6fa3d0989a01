package members

import (
	"fmt"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Index applies the [] operator to a value (ext: where it is written):
// a dictionary's entries, an element of an array, list or string
// (negative indexes count from the end), a list of indexes giving a
// list of elements.
func Index(h Host, target, idx any, ext syntax.Extent) (any, error) {
	target = object.Unwrap(target)
	if d, ok := target.(*object.Hashtable); ok {
		if keys, isList := object.Elements(idx); isList {
			var out []any
			for _, k := range keys {
				v, _ := dictGet(h, d, k)
				out = append(out, v)
			}
			return out, nil
		}
		v, _ := dictGet(h, d, idx)
		return v, nil
	}
	if ix, ok := target.(dotnet.Indexer); ok {
		if v, ok := ix.Index(h.Dotnet(), idx); ok {
			return v, nil
		}
		return nil, pserror.Runtime(ext, object.CannotConvert(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
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
		if v, ok := t.Get(h.Dotnet().ToStr(idx)); ok {
			return v, nil
		}
		items = []any{t}
	default:
		if list, ok := object.Elements(target); ok {
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
				strictErr = h.StrictIndex(ext, isList)
			}
			return nil, true
		}
		return items[k], true
	}
	if list, ok := object.Elements(idx); ok {
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
		return nil, pserror.Runtime(ext, object.CannotConvert(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
	}
	if strictErr != nil {
		return nil, strictErr
	}
	return v, nil
}

// dictGet reads one entry of a dictionary: an ordered dictionary indexed
// by an integer reads by position; a generic dictionary converts the key
// to its key type.
func dictGet(h Host, d *object.Hashtable, k any) (any, bool) {
	if d.Ordered && d.Type == nil {
		if n, isInt := dotnet.Bare(k).(int); isInt {
			keys := d.Keys()
			if n < 0 || n >= len(keys) {
				return nil, false
			}
			return d.Get(keys[n])
		}
	}
	if t, ok := d.Type.(*dotnet.TypeInfo); ok && t != nil && len(t.Args) == 2 {
		ck, err := dotnet.ConvertArg(h.Dotnet(), k, t.Args[0], "key", "get_Item")
		if err != nil {
			return nil, false
		}
		k = ck
	}
	return d.Get(k)
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

// SetIndex assigns through the [] operator: a dictionary's entry (an
// ordered one's by position; a generic one's converted to its key and
// value types) or an element of an array or list.
func SetIndex(h Host, target, idx, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *object.Hashtable:
		if t.Ordered && t.Type == nil {
			if n, isInt := dotnet.Bare(idx).(int); isInt {
				keys := t.Keys()
				if n < 0 || n >= len(keys) {
					return pserror.Runtime(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "ArgumentOutOfRangeException", object.InvalidOperation, "ArgumentOutOfRangeException")
				}
				t.Set(keys[n], value)
				return nil
			}
		}
		if gt, ok := t.Type.(*dotnet.TypeInfo); ok && gt != nil && len(gt.Args) == 2 {
			k, err := dotnet.ConvertArg(h.Dotnet(), idx, gt.Args[0], "key", "set_Item")
			if err == nil {
				value, err = dotnet.ConvertArg(h.Dotnet(), value, gt.Args[1], "value", "set_Item")
			}
			if err != nil {
				return pserror.Runtime(ext, err.Error(), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
			}
			idx = k
		}
		t.Set(idx, value)
		return nil
	case []any:
		n, ok := numeric.ToNumber(idx)
		if !ok {
			return pserror.Runtime(ext, object.CannotConvert(idx, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
		}
		k := int(numeric.Int64(n))
		if k < 0 {
			k += len(t)
		}
		if k < 0 || k >= len(t) {
			return pserror.Runtime(ext, "Index was outside the bounds of the array.", "System.IndexOutOfRangeException", object.InvalidOperation, "IndexOutOfRangeException")
		}
		if el := dotnet.ArrayElement(t); el != nil && el.Convert != nil {
			v, err := el.Convert(h.Dotnet(), value)
			if err != nil {
				return h.ConvertError(err, ext)
			}
			value = v
		}
		t[k] = value
		return nil
	case *object.List:
		n, _ := numeric.ToNumber(idx)
		k := int(numeric.Int64(n))
		if k < 0 || k >= len(t.Items) {
			return pserror.Runtime(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "ArgumentOutOfRangeException", object.InvalidOperation, "ArgumentOutOfRangeException")
		}
		if gt, ok := t.Type.(*dotnet.TypeInfo); ok && gt != nil && len(gt.Args) == 1 {
			v, err := dotnet.ConvertArg(h.Dotnet(), value, gt.Args[0], "value", "set_Item")
			if err != nil {
				return pserror.Runtime(ext, err.Error(), "ExceptionWhenSetting", object.NotSpecified, "SetValueInvocationException")
			}
			value = v
		}
		t.Items[k] = value
		return nil
	case *object.PSObject:
		if t.Set(h.Dotnet().ToStr(idx), value) {
			return nil
		}
	case nil:
		return pserror.InvalidOperation(ext, "Cannot index into a null array.", "NullArray")
	}
	return pserror.InvalidOperation(ext, fmt.Sprintf("Unable to index into an object of type \"%s\".", object.TypeName(target)), "CannotIndex")
}
