package collections

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Collections: arrays, ArrayList, Hashtable, OrderedDictionary, and the
// generic List, Dictionary, HashSet, Queue and Stack.

// elemType is the i-th generic argument of the member's type (object
// when the type is not generic).
func elemType(c *dotnet.Call, i int) *dotnet.TypeInfo {
	if c.Type != nil && i < len(c.Type.Args) {
		return c.Type.Args[i]
	}
	return dotnet.TypeByName("System.Object")
}

// elem converts argument i to generic argument k of the type.
func elem(c *dotnet.Call, i, k int, param string) (any, error) {
	return dotnet.ConvertArg(c.Host, c.Arg(i), elemType(c, k), param, c.Name)
}

// itemsArg enumerates argument i (a collection; a scalar is one item).
func itemsArg(c *dotnet.Call, i int, param string) ([]any, error) {
	v := object.Unwrap(c.Arg(i))
	if v == nil {
		return nil, dotnet.Throw("Value cannot be null. (Parameter '%s')", param)
	}
	if items, ok := object.Elements(v); ok {
		return items, nil
	}
	if h, ok := v.(*object.Hashtable); ok {
		return h.Items(), nil
	}
	if s, ok := v.(string); ok {
		rs := []rune(s)
		out := make([]any, len(rs))
		for k, r := range rs {
			out[k] = object.Char(r)
		}
		return out, nil
	}
	return []any{v}, nil
}

// convertItems converts every item to generic argument k.
func convertItems(c *dotnet.Call, items []any, k int, param string) ([]any, error) {
	out := make([]any, len(items))
	for i, it := range items {
		v, err := dotnet.ConvertArg(c.Host, it, elemType(c, k), param, c.Name)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func indexIn(items []any, v any) int {
	for i, it := range items {
		if dotnet.Equals(it, v) {
			return i
		}
	}
	return -1
}

// predicate turns a script block argument into a .NET Predicate/Func.
func predicate(c *dotnet.Call, i int) (func(any) (bool, error), error) {
	sb, ok := object.Unwrap(c.Arg(i)).(dotnet.ScriptBlock)
	if !ok {
		return nil, dotnet.ArgConvertError(c.Arg(i), "match", c.Name, "System.Predicate`1[System.Object]", nil)
	}
	return func(v any) (bool, error) {
		r, err := c.Host.CallScriptBlock(sb, []any{v})
		if err != nil {
			return false, err
		}
		return object.ToBool(r), nil
	}, nil
}

// sortItems sorts with the default comparer (Comparer<T>.Default):
// culture order for text, numeric order for numbers.
func sortItems(h dotnet.Host, items []any, cmp dotnet.ScriptBlock) error {
	var failed error
	sort.SliceStable(items, func(i, j int) bool {
		if failed != nil {
			return false
		}
		if cmp != nil {
			r, err := h.CallScriptBlock(cmp, []any{items[i], items[j]})
			if err != nil {
				failed = err
				return false
			}
			n, _ := numeric.ToNumber(r)
			return numeric.Int64(n) < 0
		}
		a, b := object.Unwrap(items[i]), object.Unwrap(items[j])
		if a == nil || b == nil {
			return a == nil && b != nil
		}
		if object.TypeName(a) != object.TypeName(b) && !(object.IsNumeric(a) && object.IsNumeric(b)) {
			failed = dotnet.Throw("Failed to compare two elements in the array.")
			return false
		}
		c, err := h.Compare(a, b, true)
		if err != nil {
			failed = dotnet.Throw("Failed to compare two elements in the array.")
			return false
		}
		return c < 0
	})
	return failed
}

// listOf returns the *object.List behind a List or ArrayList instance.
func listOf(c *dotnet.Call) *object.List { return object.Unwrap(c.Self).(*object.List) }

// listMembers are the members of ArrayList and List[T]; generic tells
// whether arguments convert to T and Add returns nothing.
func listMembers(generic bool) dotnet.Members {
	conv := func(c *dotnet.Call, i int, param string) (any, error) {
		if !generic {
			return c.Arg(i), nil
		}
		return elem(c, i, 0, param)
	}
	return dotnet.Members{
		"Count":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(listOf(c).Items), nil }),
		"Capacity":    dotnet.Prop(func(c *dotnet.Call) (any, error) { return listCapacity(len(listOf(c).Items)), nil }),
		"IsReadOnly":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return false, nil }),
		"IsFixedSize": dotnet.Prop(func(c *dotnet.Call) (any, error) { return false, nil }),
		"Item": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			l := listOf(c)
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			if i < 0 || i >= len(l.Items) {
				return nil, dotnet.OutOfRange("index")
			}
			return l.Items[i], nil
		}),
		"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := conv(c, 0, "item")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			l.Items = append(l.Items, v)
			if generic {
				return dotnet.Void{}, nil
			}
			return len(l.Items) - 1, nil
		}),
		"AddRange": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			items, err := itemsArg(c, 0, "collection")
			if err != nil {
				return nil, err
			}
			if generic {
				if items, err = convertItems(c, items, 0, "collection"); err != nil {
					return nil, err
				}
			}
			l := listOf(c)
			l.Items = append(l.Items, items...)
			return dotnet.Void{}, nil
		}),
		"Insert": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			v, err := conv(c, 1, "item")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			if i < 0 || i > len(l.Items) {
				return nil, dotnet.Throw("Index must be within the bounds of the List. (Parameter 'index')")
			}
			l.Items = append(l.Items[:i], append([]any{v}, l.Items[i:]...)...)
			return dotnet.Void{}, nil
		}),
		"InsertRange": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			items, err := itemsArg(c, 1, "collection")
			if err != nil {
				return nil, err
			}
			if generic {
				if items, err = convertItems(c, items, 0, "collection"); err != nil {
					return nil, err
				}
			}
			l := listOf(c)
			if i < 0 || i > len(l.Items) {
				return nil, dotnet.Throw("Index must be within the bounds of the List. (Parameter 'index')")
			}
			l.Items = append(l.Items[:i], append(append([]any{}, items...), l.Items[i:]...)...)
			return dotnet.Void{}, nil
		}),
		"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := conv(c, 0, "item")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			i := indexIn(l.Items, v)
			if i >= 0 {
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
			}
			if generic {
				return i >= 0, nil
			}
			return dotnet.Void{}, nil
		}),
		"RemoveAt": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			if i < 0 || i >= len(l.Items) {
				return nil, dotnet.OutOfRange("index")
			}
			l.Items = append(l.Items[:i], l.Items[i+1:]...)
			return dotnet.Void{}, nil
		}),
		"RemoveRange": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			n, err := c.Int(1, "count")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			if i < 0 || n < 0 || i+n > len(l.Items) {
				return nil, dotnet.Throw("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
			}
			l.Items = append(l.Items[:i], l.Items[i+n:]...)
			return dotnet.Void{}, nil
		}),
		"RemoveAll": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			match, err := predicate(c, 0)
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			kept := l.Items[:0:0]
			removed := 0
			for _, it := range l.Items {
				ok, err := match(it)
				if err != nil {
					return nil, err
				}
				if ok {
					removed++
				} else {
					kept = append(kept, it)
				}
			}
			l.Items = kept
			return removed, nil
		}),
		"Contains": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := conv(c, 0, "item")
			if err != nil {
				return nil, err
			}
			return indexIn(listOf(c).Items, v) >= 0, nil
		}),
		"IndexOf": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
			v, err := conv(c, 0, "item")
			if err != nil {
				return nil, err
			}
			items := listOf(c).Items
			start := 0
			if len(c.Args) > 1 {
				if start, err = c.Int(1, "index"); err != nil {
					return nil, err
				}
				if start < 0 || start > len(items) {
					return nil, dotnet.OutOfRange("index")
				}
			}
			i := indexIn(items[start:], v)
			if i < 0 {
				return -1, nil
			}
			return start + i, nil
		}),
		"LastIndexOf": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := conv(c, 0, "item")
			if err != nil {
				return nil, err
			}
			items := listOf(c).Items
			for i := len(items) - 1; i >= 0; i-- {
				if dotnet.Equals(items[i], v) {
					return i, nil
				}
			}
			return -1, nil
		}),
		"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			listOf(c).Items = nil
			return dotnet.Void{}, nil
		}),
		"ToArray": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			items := listOf(c).Items
			out := make([]any, len(items))
			if l, ok := listOf(c).Type.(*dotnet.TypeInfo); ok && l != nil && len(l.Args) == 1 {
				// a List[T] gives a T[]
				out = dotnet.NewArray(dotnet.ArrayType(l.Args[0]), len(items))
			}
			copy(out, items)
			return out, nil
		}),
		"Clone": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			l := listOf(c)
			return &object.List{Items: append([]any{}, l.Items...), Type: l.Type}, nil
		}),
		"GetRange": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			i, err := c.Int(0, "index")
			if err != nil {
				return nil, err
			}
			n, err := c.Int(1, "count")
			if err != nil {
				return nil, err
			}
			l := listOf(c)
			if i < 0 || n < 0 || i+n > len(l.Items) {
				return nil, dotnet.Throw("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
			}
			return &object.List{Items: append([]any{}, l.Items[i:i+n]...), Type: l.Type}, nil
		}),
		"Sort": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
			var cmp dotnet.ScriptBlock
			if len(c.Args) == 1 {
				sb, ok := object.Unwrap(c.Arg(0)).(dotnet.ScriptBlock)
				if !ok {
					return nil, dotnet.NotSupported("a comparer object as the argument of Sort; pass a script block taking two arguments")
				}
				cmp = sb
			}
			if err := sortItems(c.Host, listOf(c).Items, cmp); err != nil {
				return nil, err
			}
			return dotnet.Void{}, nil
		}),
		"Reverse": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
			items := listOf(c).Items
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return dotnet.Void{}, nil
		}),
		"Find":      listFind(false, false),
		"FindLast":  listFind(false, true),
		"FindAll":   listFind(true, false),
		"FindIndex": listFindIndex(),
		"Exists": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			match, err := predicate(c, 0)
			if err != nil {
				return nil, err
			}
			for _, it := range listOf(c).Items {
				ok, err := match(it)
				if err != nil || ok {
					return ok, err
				}
			}
			return false, nil
		}),
		"TrueForAll": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			match, err := predicate(c, 0)
			if err != nil {
				return nil, err
			}
			for _, it := range listOf(c).Items {
				ok, err := match(it)
				if err != nil || !ok {
					return false, err
				}
			}
			return true, nil
		}),
		"GetEnumerator": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return append([]any{}, listOf(c).Items...), nil }),
		"ToString":      dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.CollectionString(listOf(c)), nil }),
	}
}

func listFind(all, last bool) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		match, err := predicate(c, 0)
		if err != nil {
			return nil, err
		}
		l := listOf(c)
		out := &object.List{Items: []any{}, Type: l.Type}
		idx := make([]int, len(l.Items))
		for i := range idx {
			idx[i] = i
			if last {
				idx[i] = len(l.Items) - 1 - i
			}
		}
		for _, i := range idx {
			it := l.Items[i]
			ok, err := match(it)
			if err != nil {
				return nil, err
			}
			if ok {
				if !all {
					return it, nil
				}
				out.Items = append(out.Items, it)
			}
		}
		if all {
			return out, nil
		}
		return dotnet.ZeroValue(elemType(c, 0)), nil
	})
}

func listFindIndex() *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		match, err := predicate(c, 0)
		if err != nil {
			return nil, err
		}
		for i, it := range listOf(c).Items {
			ok, err := match(it)
			if err != nil {
				return nil, err
			}
			if ok {
				return i, nil
			}
		}
		return -1, nil
	})
}

// listCapacity mimics .NET's growth: 0, then 4, doubling.
func listCapacity(n int) int {
	if n == 0 {
		return 0
	}
	c := 4
	for c < n {
		c *= 2
	}
	return c
}

// newList builds an ArrayList or List[T] from constructor arguments: none,
// a capacity, or a collection to copy.
func newList(c *dotnet.Call, generic bool) (any, error) {
	l := &object.List{Items: []any{}}
	if generic {
		l.Type = c.Type
	}
	if len(c.Args) == 1 {
		switch x := object.Unwrap(c.Arg(0)).(type) {
		case int, int64:
			n, _ := numeric.ToNumber(x)
			if numeric.Int64(n) < 0 {
				return nil, dotnet.Throw("Non-negative number required. (Parameter 'capacity')")
			}
		default:
			items, err := itemsArg(c, 0, "collection")
			if err != nil {
				return nil, err
			}
			if generic {
				if items, err = convertItems(c, items, 0, "collection"); err != nil {
					return nil, err
				}
			}
			l.Items = append(l.Items, items...)
		}
	}
	return l, nil
}

// hashOf returns the dictionary behind a Hashtable-like instance.
func hashOf(c *dotnet.Call) *object.Hashtable { return object.Unwrap(c.Self).(*object.Hashtable) }

func dupKeyError(generic bool, k any) error {
	ks := object.ToInvariantString(k)
	if generic {
		return dotnet.Throw("An item with the same key has already been added. Key: %s", ks)
	}
	return dotnet.Throw("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", ks, ks)
}

func hashValuesOf(h *object.Hashtable) []any {
	out := []any{}
	for _, e := range h.Entries() {
		out = append(out, e.Value)
	}
	return out
}

// dictMembers are the members of Hashtable, OrderedDictionary and
// Dictionary[K,V]; generic converts keys and values.
func dictMembers(generic bool) dotnet.Members {
	key := func(c *dotnet.Call, i int) (any, error) {
		if c.Arg(i) == nil {
			return nil, dotnet.Throw("Value cannot be null. (Parameter 'key')")
		}
		if !generic {
			return c.Arg(i), nil
		}
		return elem(c, i, 0, "key")
	}
	val := func(c *dotnet.Call, i int) (any, error) {
		if !generic {
			return c.Arg(i), nil
		}
		return elem(c, i, 1, "value")
	}
	return dotnet.Members{
		"Count":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return hashOf(c).Len(), nil }),
		"Keys":        dotnet.Prop(func(c *dotnet.Call) (any, error) { return hashOf(c).Keys(), nil }),
		"Values":      dotnet.Prop(func(c *dotnet.Call) (any, error) { return hashValuesOf(hashOf(c)), nil }),
		"IsReadOnly":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return false, nil }),
		"IsFixedSize": dotnet.Prop(func(c *dotnet.Call) (any, error) { return false, nil }),
		"Add": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			v, err := val(c, 1)
			if err != nil {
				return nil, err
			}
			if !hashOf(c).Add(k, v) {
				return nil, dupKeyError(generic, k)
			}
			return dotnet.Void{}, nil
		}),
		"TryAdd": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			v, err := val(c, 1)
			if err != nil {
				return nil, err
			}
			return hashOf(c).Add(k, v), nil
		}),
		"Remove": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			h := hashOf(c)
			old, had := h.Get(k)
			h.Delete(k)
			if len(c.Args) == 2 {
				if err := dotnet.SetRef(c, 1, old); err != nil {
					return nil, err
				}
			}
			if generic {
				return had, nil
			}
			return dotnet.Void{}, nil
		}),
		"ContainsKey": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			return hashOf(c).Has(k), nil
		}),
		"Contains": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			return hashOf(c).Has(k), nil
		}),
		"ContainsValue": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := val(c, 0)
			if err != nil {
				return nil, err
			}
			for _, e := range hashOf(c).Entries() {
				if dotnet.Equals(e.Value, v) {
					return true, nil
				}
			}
			return false, nil
		}),
		"TryGetValue": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			k, err := key(c, 0)
			if err != nil {
				return nil, err
			}
			v, ok := hashOf(c).Get(k)
			if !ok && generic {
				v = dotnet.ZeroValue(elemType(c, 1))
			}
			if err := dotnet.SetRef(c, 1, v); err != nil {
				return nil, err
			}
			return ok, nil
		}),
		"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			h := hashOf(c)
			for _, k := range h.Keys() {
				h.Delete(k)
			}
			return dotnet.Void{}, nil
		}),
		"Clone": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return hashOf(c).Copy(), nil }),
		"GetEnumerator": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			return hashOf(c).Items(), nil
		}),
		"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.CollectionString(hashOf(c)), nil }),
	}
}

// newDict builds a Hashtable or Dictionary from constructor arguments:
// none, a capacity, a comparer, (capacity, comparer), or a dictionary to
// copy (optionally with a comparer); a generic one when generic is set.
// compare, when not nil, keeps the keys sorted (a SortedDictionary).
func newDict(c *dotnet.Call, generic bool, compare func(a, b any) int) (any, error) {
	h := object.NewHashtable()
	h.Compare = compare
	if generic {
		h.Type = c.Type
		h.CaseSensitive = true
	}
	for i := range c.Args {
		switch x := object.Unwrap(c.Arg(i)).(type) {
		case *stringComparer:
			h.CaseSensitive = !x.ignoreCase
		case int, int64:
		case *object.Hashtable:
			for _, e := range x.Entries() {
				k, v := e.Key, e.Value
				if generic {
					var err error
					if k, err = dotnet.ConvertArg(c.Host, k, elemType(c, 0), "dictionary", c.Name); err != nil {
						return nil, err
					}
					if v, err = dotnet.ConvertArg(c.Host, v, elemType(c, 1), "dictionary", c.Name); err != nil {
						return nil, err
					}
				}
				h.Set(k, v)
			}
		case nil:
		default:
			return nil, dotnet.ArgConvertError(c.Arg(i), "comparer", "new", "System.Collections.Generic.IEqualityComparer`1[System.String]", nil)
		}
	}
	return h, nil
}

// hashSet is a System.Collections.Generic.HashSet[T].
type hashSet struct {
	t          *dotnet.TypeInfo
	items      []any
	index      map[string]int
	ignoreCase bool
}

func (s *hashSet) key(v any) string {
	v = object.Unwrap(v)
	if str, ok := v.(string); ok {
		if s.ignoreCase {
			return "s:" + strings.ToLower(str)
		}
		return "s:" + str
	}
	return object.TypeName(v) + ":" + object.ToInvariantString(v)
}

func (s *hashSet) add(v any) bool {
	k := s.key(v)
	if _, ok := s.index[k]; ok {
		return false
	}
	s.index[k] = len(s.items)
	s.items = append(s.items, v)
	return true
}

func (s *hashSet) remove(v any) bool {
	k := s.key(v)
	i, ok := s.index[k]
	if !ok {
		return false
	}
	s.items = append(s.items[:i], s.items[i+1:]...)
	delete(s.index, k)
	for kk, j := range s.index {
		if j > i {
			s.index[kk] = j - 1
		}
	}
	return true
}

func (s *hashSet) has(v any) bool { _, ok := s.index[s.key(v)]; return ok }

// Enumerate lists the elements in insertion order.
func (s *hashSet) Enumerate() []any { return append([]any{}, s.items...) }

func (s *hashSet) PSType() *dotnet.TypeInfo { return s.t }

// PSTypeName is the .NET type name.
func (s *hashSet) PSTypeName() string { return s.t.FullName }

func (s *hashSet) String() string { return s.t.FullName }

func setOf(c *dotnet.Call) *hashSet { return object.Unwrap(c.Self).(*hashSet) }

// otherSet reads a collection argument as a set with this set's comparer.
func otherSet(c *dotnet.Call) (*hashSet, error) {
	items, err := itemsArg(c, 0, "other")
	if err != nil {
		return nil, err
	}
	items, err = convertItems(c, items, 0, "other")
	if err != nil {
		return nil, err
	}
	o := &hashSet{t: c.Type, index: map[string]int{}, ignoreCase: setOf(c).ignoreCase}
	for _, it := range items {
		o.add(it)
	}
	return o, nil
}

func setRelation(f func(s, o *hashSet) bool) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		o, err := otherSet(c)
		if err != nil {
			return nil, err
		}
		return f(setOf(c), o), nil
	})
}

// setChange is a HashSet method that changes the set by another
// collection, its one argument (UnionWith, ExceptWith ...).
func setChange(f func(s, o *hashSet)) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		o, err := otherSet(c)
		if err != nil {
			return nil, err
		}
		f(setOf(c), o)
		return dotnet.Void{}, nil
	})
}

func subset(a, b *hashSet) bool {
	for _, it := range a.items {
		if !b.has(it) {
			return false
		}
	}
	return true
}

// simpleQueue is a Queue or Stack (generic or not).
type simpleQueue struct {
	t     *dotnet.TypeInfo
	items []any
	stack bool
}

// Enumerate lists the elements in the order Dequeue/Pop would return them.
func (q *simpleQueue) Enumerate() []any {
	out := append([]any{}, q.items...)
	if q.stack {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

func (q *simpleQueue) PSType() *dotnet.TypeInfo { return q.t }

// PSTypeName is the .NET type name.
func (q *simpleQueue) PSTypeName() string { return q.t.FullName }

func (q *simpleQueue) String() string { return q.t.FullName }

func queueOf(c *dotnet.Call) *simpleQueue { return object.Unwrap(c.Self).(*simpleQueue) }

func queueMembers(stack bool) dotnet.Members {
	empty := "Queue empty."
	if stack {
		empty = "Stack empty."
	}
	take := func(remove bool) *dotnet.Member {
		return dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			q := queueOf(c)
			if len(q.items) == 0 {
				return nil, dotnet.Throw("%s", empty)
			}
			var v any
			if stack {
				v = q.items[len(q.items)-1]
				if remove {
					q.items = q.items[:len(q.items)-1]
				}
			} else {
				v = q.items[0]
				if remove {
					q.items = q.items[1:]
				}
			}
			return v, nil
		})
	}
	put := dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		v, err := elem(c, 0, 0, "item")
		if err != nil {
			return nil, err
		}
		q := queueOf(c)
		q.items = append(q.items, v)
		return dotnet.Void{}, nil
	})
	ms := dotnet.Members{
		"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(queueOf(c).items), nil }),
		"Peek":  take(false),
		"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { queueOf(c).items = nil; return dotnet.Void{}, nil }),
		"Contains": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			v, err := elem(c, 0, 0, "item")
			if err != nil {
				return nil, err
			}
			return indexIn(queueOf(c).items, v) >= 0, nil
		}),
		"ToArray": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return queueOf(c).Enumerate(), nil }),
	}
	if stack {
		ms["Push"], ms["Pop"] = put, take(true)
	} else {
		ms["Enqueue"], ms["Dequeue"] = put, take(true)
	}
	return ms
}

func newQueue(stack bool) func(c *dotnet.Call) (any, error) {
	return func(c *dotnet.Call) (any, error) {
		q := &simpleQueue{t: c.Type, stack: stack}
		if len(c.Args) == 1 && !object.IsNumeric(object.Unwrap(c.Arg(0))) {
			items, err := itemsArg(c, 0, "collection")
			if err != nil {
				return nil, err
			}
			if q.items, err = convertItems(c, items, 0, "collection"); err != nil {
				return nil, err
			}
		}
		return q, nil
	}
}

// stringComparer is a System.StringComparer.
type stringComparer struct {
	name       string
	ignoreCase bool
}

func (s *stringComparer) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.StringComparer") }

// PSTypeName is the .NET type name.
func (s *stringComparer) PSTypeName() string {
	if strings.HasPrefix(s.name, "Ordinal") {
		if s.ignoreCase {
			return "System.OrdinalIgnoreCaseComparer"
		}
		return "System.OrdinalComparer"
	}
	return "System.CultureAwareComparer"
}

func (s *stringComparer) String() string { return s.PSTypeName() }

func comparer(name string, ignore bool) *dotnet.Member {
	return dotnet.Prop(func(*dotnet.Call) (any, error) { return &stringComparer{name: name, ignoreCase: ignore}, nil })
}

// arrayOf returns the slice behind an array instance.
func arrayOf(c *dotnet.Call) []any { return object.Unwrap(c.Self).([]any) }

func fixedSize() error { return dotnet.Throw("Collection was of a fixed size.") }

// declareCollectionsTypes declares the collections and comparers.
func declareCollectionsTypes() {
	isDict := func(generic bool) func(t *dotnet.TypeInfo, v any) bool {
		return func(t *dotnet.TypeInfo, v any) bool {
			h, ok := object.Unwrap(v).(*object.Hashtable)
			if !ok {
				return false
			}
			if generic {
				return h.Type != nil && h.Type.GenericFullName() == t.FullName
			}
			return h.Type == nil
		}
	}
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Array", Aliases: []string{"array"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if items, ok := object.Elements(object.Unwrap(v)); ok {
					return append([]any{}, items...), nil
				}
				if v == nil {
					return nil, nil
				}
				return []any{v}, nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).([]any); return ok },
			Static: dotnet.Members{
				"IndexOf": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					items, err := itemsArg(c, 0, "array")
					if err != nil {
						return nil, err
					}
					start := 0
					if len(c.Args) > 2 {
						if start, err = c.Int(2, "startIndex"); err != nil {
							return nil, err
						}
						if start < 0 || start > len(items) {
							return nil, dotnet.OutOfRange("startIndex")
						}
					}
					i := indexIn(items[start:], c.Arg(1))
					if i < 0 {
						return -1, nil
					}
					return start + i, nil
				}),
				"LastIndexOf": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					items, err := itemsArg(c, 0, "array")
					if err != nil {
						return nil, err
					}
					for i := len(items) - 1; i >= 0; i-- {
						if dotnet.Equals(items[i], c.Arg(1)) {
							return i, nil
						}
					}
					return -1, nil
				}),
				"Reverse": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					items, ok := object.Unwrap(c.Arg(0)).([]any)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "array", c.Name, "System.Array", nil)
					}
					for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
						items[i], items[j] = items[j], items[i]
					}
					return dotnet.Void{}, nil
				}),
				"Sort": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					items, ok := object.Unwrap(c.Arg(0)).([]any)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "array", c.Name, "System.Array", nil)
					}
					if len(c.Args) == 2 {
						// Sort(keys, items): sort items by the keys array
						keys, ok := object.Unwrap(c.Arg(1)).([]any)
						if !ok || len(keys) != len(items) {
							return nil, dotnet.NotSupported("Array.Sort with a comparer; pass a script block to a List's Sort instead")
						}
						idx := make([]any, len(items))
						for i := range idx {
							idx[i] = i
						}
						pairs := make([][2]any, len(items))
						for i := range items {
							pairs[i] = [2]any{items[i], keys[i]}
						}
						sort.SliceStable(pairs, func(i, j int) bool {
							r, _ := c.Host.Compare(pairs[i][0], pairs[j][0], true)
							return r < 0
						})
						for i := range pairs {
							items[i], keys[i] = pairs[i][0], pairs[i][1]
						}
						return dotnet.Void{}, nil
					}
					if err := sortItems(c.Host, items, nil); err != nil {
						return nil, err
					}
					return dotnet.Void{}, nil
				}),
				"Resize": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					r, ok := c.Arg(0).(*dotnet.Ref)
					if !ok {
						return nil, dotnet.SetRef(c, 0, nil)
					}
					n, err := c.Int(1, "newSize")
					if err != nil {
						return nil, err
					}
					if n < 0 {
						return nil, dotnet.Throw("Non-negative number required. (Parameter 'newSize')")
					}
					old, _ := object.Elements(object.Unwrap(r.Get()))
					out := make([]any, n)
					copy(out, old)
					r.Set(out)
					return dotnet.Void{}, nil
				}),
				"Clear": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					items, ok := object.Unwrap(c.Arg(0)).([]any)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "array", c.Name, "System.Array", nil)
					}
					start, n := 0, len(items)
					if len(c.Args) == 3 {
						var err error
						if start, err = c.Int(1, "index"); err != nil {
							return nil, err
						}
						if n, err = c.Int(2, "length"); err != nil {
							return nil, err
						}
					}
					if start < 0 || n < 0 || start+n > len(items) {
						return nil, dotnet.Throw("Index was outside the bounds of the array.")
					}
					for i := start; i < start+n; i++ {
						items[i] = nil
					}
					return dotnet.Void{}, nil
				}),
				"Exists": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					items, err := itemsArg(c, 0, "array")
					if err != nil {
						return nil, err
					}
					match, err := predicate(c, 1)
					if err != nil {
						return nil, err
					}
					for _, it := range items {
						ok, err := match(it)
						if err != nil || ok {
							return ok, err
						}
					}
					return false, nil
				}),
				"Find": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					items, err := itemsArg(c, 0, "array")
					if err != nil {
						return nil, err
					}
					match, err := predicate(c, 1)
					if err != nil {
						return nil, err
					}
					for _, it := range items {
						ok, err := match(it)
						if err != nil {
							return nil, err
						}
						if ok {
							return it, nil
						}
					}
					return nil, nil
				}),
				"FindAll": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					items, err := itemsArg(c, 0, "array")
					if err != nil {
						return nil, err
					}
					match, err := predicate(c, 1)
					if err != nil {
						return nil, err
					}
					out := []any{}
					for _, it := range items {
						ok, err := match(it)
						if err != nil {
							return nil, err
						}
						if ok {
							out = append(out, it)
						}
					}
					return out, nil
				}),
				"CreateInstance": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					tv, ok := object.Unwrap(c.Arg(0)).(*dotnet.TypeValue)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "elementType", c.Name, "System.Type", nil)
					}
					return c.Host.Construct(dotnet.ArrayType(tv.Info), c.Args[1:])
				}),
				"Copy": dotnet.Method(3, 3, func(c *dotnet.Call) (any, error) {
					src, ok1 := object.Unwrap(c.Arg(0)).([]any)
					dst, ok2 := object.Unwrap(c.Arg(1)).([]any)
					if !ok1 || !ok2 {
						return nil, dotnet.ArgConvertError(c.Arg(0), "sourceArray", c.Name, "System.Array", nil)
					}
					n, err := c.Int(2, "length")
					if err != nil {
						return nil, err
					}
					if n < 0 || n > len(src) || n > len(dst) {
						return nil, dotnet.Throw("Source array was not long enough. Check the source index, length, and the array's lower bounds. (Parameter 'sourceArray')")
					}
					copy(dst, src[:n])
					return dotnet.Void{}, nil
				}),
			},
			Members: dotnet.Members{
				"Count":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(arrayOf(c)), nil }),
				"Length":      dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(arrayOf(c)), nil }),
				"LongLength":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return int64(len(arrayOf(c))), nil }),
				"Rank":        dotnet.Prop(func(c *dotnet.Call) (any, error) { return 1, nil }),
				"IsFixedSize": dotnet.Prop(func(c *dotnet.Call) (any, error) { return true, nil }),
				"IsReadOnly":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return false, nil }),
				"Contains":    dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return indexIn(arrayOf(c), c.Arg(0)) >= 0, nil }),
				"IndexOf":     dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return indexIn(arrayOf(c), c.Arg(0)), nil }),
				"Clone":       dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return append([]any{}, arrayOf(c)...), nil }),
				"GetValue": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					i, err := c.Int(0, "index")
					if err != nil {
						return nil, err
					}
					a := arrayOf(c)
					if i < 0 || i >= len(a) {
						return nil, dotnet.Throw("Index was outside the bounds of the array.")
					}
					return a[i], nil
				}),
				"SetValue": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					i, err := c.Int(1, "index")
					if err != nil {
						return nil, err
					}
					a := arrayOf(c)
					if i < 0 || i >= len(a) {
						return nil, dotnet.Throw("Index was outside the bounds of the array.")
					}
					a[i] = c.Arg(0)
					return dotnet.Void{}, nil
				}),
				"CopyTo": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					dst, ok := object.Unwrap(c.Arg(0)).([]any)
					if !ok {
						return nil, dotnet.ArgConvertError(c.Arg(0), "array", c.Name, "System.Array", nil)
					}
					i, err := c.Int(1, "index")
					if err != nil {
						return nil, err
					}
					src := arrayOf(c)
					if i < 0 || i+len(src) > len(dst) {
						return nil, dotnet.Throw("Destination array was not long enough. Check the destination index, length, and the array's lower bounds. (Parameter 'destinationArray')")
					}
					copy(dst[i:], src)
					return dotnet.Void{}, nil
				}),
				"Add":           dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return nil, fixedSize() }),
				"Remove":        dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return nil, fixedSize() }),
				"RemoveAt":      dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return nil, fixedSize() }),
				"Insert":        dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) { return nil, fixedSize() }),
				"Clear":         dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return nil, fixedSize() }),
				"GetEnumerator": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return append([]any{}, arrayOf(c)...), nil }),
				"ToString":      dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Host.TypeOf(c.Self).FullName, nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Collections.ArrayList",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				l := &object.List{Items: []any{}}
				if items, ok := object.Elements(object.Unwrap(v)); ok {
					l.Items = append(l.Items, items...)
				} else if v != nil {
					l.Items = append(l.Items, v)
				}
				return l, nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				l, ok := object.Unwrap(v).(*object.List)
				return ok && l.Type == nil
			},
			NewArity: []int{0, 1},
			New:      func(c *dotnet.Call) (any, error) { return newList(c, false) },
			Members:  listMembers(false)},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.List`1", Assembly: "System.Private.CoreLib",
			Convert: func(h dotnet.Host, t *dotnet.TypeInfo, v any) (any, error) {
				items, ok := object.Elements(object.Unwrap(v))
				if !ok {
					if v == nil {
						return nil, nil
					}
					items = []any{v}
				}
				c := &dotnet.Call{Host: h, Type: t, Name: "new"}
				out, err := convertItems(c, items, 0, "collection")
				if err != nil {
					return nil, dotnet.ConvertFailed(v, t.String(), "")
				}
				return &object.List{Items: out, Type: t}, nil
			},
			Is: func(t *dotnet.TypeInfo, v any) bool {
				l, ok := object.Unwrap(v).(*object.List)
				return ok && l.Type != nil && l.Type.GenericFullName() == t.FullName
			},
			NewArity: []int{0, 1},
			New:      func(c *dotnet.Call) (any, error) { return newList(c, true) },
			Members:  listMembers(true)},
		&dotnet.TypeDef{FullName: "System.Collections.Hashtable", Aliases: []string{"hashtable"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				switch x := object.Unwrap(v).(type) {
				case *object.Hashtable:
					if x.Type == nil {
						return x, nil
					}
					c := object.NewHashtable()
					for _, e := range x.Entries() {
						c.Set(e.Key, e.Value)
					}
					return c, nil
				case *object.PSObject:
					h := object.NewHashtable()
					for _, p := range x.Properties() {
						h.Set(p.Name, p.Get())
					}
					return h, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Collections.Hashtable", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				h, ok := object.Unwrap(v).(*object.Hashtable)
				return ok && h.Type == nil && !h.Ordered
			},
			New:     func(c *dotnet.Call) (any, error) { return newDict(c, false, nil) },
			Members: dictMembers(false)},
		&dotnet.TypeDef{FullName: "System.Management.Automation.OrderedHashtable", Base: "System.Collections.Hashtable",
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				h, ok := object.Unwrap(v).(*object.Hashtable)
				return ok && h.OrderedHashtable
			},
			New: func(c *dotnet.Call) (any, error) {
				h, err := newDict(c, false, nil)
				if err != nil {
					return nil, err
				}
				h.(*object.Hashtable).OrderedHashtable = true
				return h, nil
			},
			Members: dictMembers(false)},
		&dotnet.TypeDef{FullName: "System.Collections.Specialized.OrderedDictionary", Aliases: []string{"ordered"}, Assembly: "System.Collections.Specialized",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
					c := h.Copy()
					c.Ordered, c.Type, c.CaseSensitive = true, nil, false
					return c, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Collections.Specialized.OrderedDictionary", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				h, ok := object.Unwrap(v).(*object.Hashtable)
				return ok && h.Ordered
			},
			New: func(c *dotnet.Call) (any, error) {
				h, err := newDict(c, false, nil)
				if err != nil {
					return nil, err
				}
				h.(*object.Hashtable).Ordered = true
				return h, nil
			},
			Members: dotnet.MergeMembers(dictMembers(false), dotnet.Members{
				"Insert": dotnet.Method(3, 3, func(c *dotnet.Call) (any, error) {
					i, err := c.Int(0, "index")
					if err != nil {
						return nil, err
					}
					h := hashOf(c)
					if i < 0 || i > h.Len() {
						return nil, dotnet.OutOfRange("index")
					}
					if h.Has(c.Arg(1)) {
						return nil, dupKeyError(false, c.Arg(1))
					}
					es := h.Entries()
					for _, e := range es {
						h.Delete(e.Key)
					}
					for k, e := range es {
						if k == i {
							h.Set(c.Arg(1), c.Arg(2))
						}
						h.Set(e.Key, e.Value)
					}
					if i == len(es) {
						h.Set(c.Arg(1), c.Arg(2))
					}
					return dotnet.Void{}, nil
				}),
				"RemoveAt": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					i, err := c.Int(0, "index")
					if err != nil {
						return nil, err
					}
					h := hashOf(c)
					keys := h.Keys()
					if i < 0 || i >= len(keys) {
						return nil, dotnet.OutOfRange("index")
					}
					h.Delete(keys[i])
					return dotnet.Void{}, nil
				}),
				"AsReadOnly": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return hashOf(c).Copy(), nil }),
			})},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.Dictionary`2",
			Convert: func(h dotnet.Host, t *dotnet.TypeInfo, v any) (any, error) {
				if _, ok := object.Unwrap(v).(*object.Hashtable); !ok {
					return nil, dotnet.ConvertFailed(v, t.String(), "")
				}
				out, err := newDict(&dotnet.Call{Host: h, Type: t, Args: []any{v}, Name: "new"}, true, nil)
				if err != nil {
					return nil, dotnet.ConvertFailed(v, t.String(), "")
				}
				return out, nil
			},
			Is:      isDict(true),
			New:     func(c *dotnet.Call) (any, error) { return newDict(c, true, nil) },
			Members: dictMembers(true)},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.SortedDictionary`2",
			Is: isDict(true),
			New: func(c *dotnet.Call) (any, error) {
				// A dictionary whose keys stay in the default comparer's
				// order: numbers by value, strings as the culture orders
				// them (case-insensitive first, lower case first on ties).
				h := c.Host
				cmp := func(a, b any) int {
					n, err := h.Compare(a, b, true)
					if err != nil {
						return 0
					}
					return n
				}
				v, err := newDict(c, true, cmp)
				if err != nil {
					return nil, err
				}
				return v, nil
			},
			Members: dictMembers(true)},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.HashSet`1", Assembly: "System.Collections",
			Is: func(t *dotnet.TypeInfo, v any) bool {
				s, ok := object.Unwrap(v).(*hashSet)
				return ok && s.t.FullName == t.FullName
			},
			New: func(c *dotnet.Call) (any, error) {
				s := &hashSet{t: c.Type, index: map[string]int{}}
				var items []any
				for i := range c.Args {
					switch x := object.Unwrap(c.Arg(i)).(type) {
					case *stringComparer:
						s.ignoreCase = x.ignoreCase
					case int, int64:
					default:
						list, err := itemsArg(c, i, "collection")
						if err != nil {
							return nil, err
						}
						items = list
					}
				}
				items, err := convertItems(c, items, 0, "collection")
				if err != nil {
					return nil, err
				}
				for _, it := range items {
					s.add(it)
				}
				return s, nil
			},
			Members: dotnet.Members{
				"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(setOf(c).items), nil }),
				"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := elem(c, 0, 0, "item")
					if err != nil {
						return nil, err
					}
					return setOf(c).add(v), nil
				}),
				"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := elem(c, 0, 0, "item")
					if err != nil {
						return nil, err
					}
					return setOf(c).remove(v), nil
				}),
				"Contains": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := elem(c, 0, 0, "item")
					if err != nil {
						return nil, err
					}
					return setOf(c).has(v), nil
				}),
				"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					s := setOf(c)
					s.items, s.index = nil, map[string]int{}
					return dotnet.Void{}, nil
				}),
				"UnionWith": setChange(func(s, o *hashSet) {
					for _, it := range o.items {
						s.add(it)
					}
				}),
				"IntersectWith": setChange(func(s, o *hashSet) {
					for _, it := range append([]any{}, s.items...) {
						if !o.has(it) {
							s.remove(it)
						}
					}
				}),
				"ExceptWith": setChange(func(s, o *hashSet) {
					for _, it := range o.items {
						s.remove(it)
					}
				}),
				"SymmetricExceptWith": setChange(func(s, o *hashSet) {
					for _, it := range o.items {
						if !s.remove(it) {
							s.add(it)
						}
					}
				}),
				"IsSubsetOf":   setRelation(func(s, o *hashSet) bool { return subset(s, o) }),
				"IsSupersetOf": setRelation(func(s, o *hashSet) bool { return subset(o, s) }),
				"SetEquals":    setRelation(func(s, o *hashSet) bool { return subset(s, o) && subset(o, s) }),
				"Overlaps": setRelation(func(s, o *hashSet) bool {
					for _, it := range o.items {
						if s.has(it) {
							return true
						}
					}
					return false
				}),
				"GetEnumerator": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return setOf(c).Enumerate(), nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.Queue`1", Assembly: "System.Collections",
			Is: func(t *dotnet.TypeInfo, v any) bool {
				q, ok := object.Unwrap(v).(*simpleQueue)
				return ok && q.t.FullName == t.FullName
			},
			NewArity: []int{0, 1}, New: newQueue(false), Members: queueMembers(false)},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.Stack`1", Assembly: "System.Collections",
			Is: func(t *dotnet.TypeInfo, v any) bool {
				q, ok := object.Unwrap(v).(*simpleQueue)
				return ok && q.t.FullName == t.FullName
			},
			NewArity: []int{0, 1}, New: newQueue(true), Members: queueMembers(true)},
		&dotnet.TypeDef{FullName: "System.Collections.Queue",
			Is:       func(t *dotnet.TypeInfo, v any) bool { q, ok := object.Unwrap(v).(*simpleQueue); return ok && q.t == t },
			NewArity: []int{0, 1}, New: newQueue(false), Members: queueMembers(false)},
		&dotnet.TypeDef{FullName: "System.Collections.Stack",
			Is:       func(t *dotnet.TypeInfo, v any) bool { q, ok := object.Unwrap(v).(*simpleQueue); return ok && q.t == t },
			NewArity: []int{0, 1}, New: newQueue(true), Members: queueMembers(true)},
		&dotnet.TypeDef{FullName: "System.Collections.Generic.KeyValuePair`2", ValueType: true,
			Is: func(t *dotnet.TypeInfo, v any) bool {
				p, ok := object.Unwrap(v).(object.KeyValuePair)
				return ok && p.Type == strings.Replace(t.FullName, "", "", 0)
			},
			NewArity: []int{2},
			New: func(c *dotnet.Call) (any, error) {
				k, err := elem(c, 0, 0, "key")
				if err != nil {
					return nil, err
				}
				v, err := elem(c, 1, 1, "value")
				if err != nil {
					return nil, err
				}
				return object.KeyValuePair{Key: k, Value: v, Type: c.Type.FullName}, nil
			},
			Members: dotnet.Members{
				"Key":   dotnet.Prop(func(c *dotnet.Call) (any, error) { return object.Unwrap(c.Self).(object.KeyValuePair).Key, nil }),
				"Value": dotnet.Prop(func(c *dotnet.Call) (any, error) { return object.Unwrap(c.Self).(object.KeyValuePair).Value, nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Collections.DictionaryEntry", ValueType: true,
			Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(object.DictionaryEntry); return ok },
			NewArity: []int{2},
			New: func(c *dotnet.Call) (any, error) {
				return object.DictionaryEntry{Key: c.Arg(0), Value: c.Arg(1)}, nil
			}},
		&dotnet.TypeDef{FullName: "System.StringComparer",
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*stringComparer); return ok },
			Static: dotnet.Members{
				"Ordinal":                    comparer("Ordinal", false),
				"OrdinalIgnoreCase":          comparer("OrdinalIgnoreCase", true),
				"InvariantCulture":           comparer("InvariantCulture", false),
				"InvariantCultureIgnoreCase": comparer("InvariantCultureIgnoreCase", true),
				"CurrentCulture":             comparer("CurrentCulture", false),
				"CurrentCultureIgnoreCase":   comparer("CurrentCultureIgnoreCase", true),
			},
			Members: dotnet.Members{
				"Equals": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					return dotnet.FoldIf(c.Str(0), c.Self.(*stringComparer).ignoreCase) == dotnet.FoldIf(c.Str(1), c.Self.(*stringComparer).ignoreCase), nil
				}),
				"Compare": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					s := c.Self.(*stringComparer)
					if strings.HasPrefix(s.name, "Ordinal") {
						return dotnet.CompareOrdinal(dotnet.FoldIf(c.Str(0), s.ignoreCase), dotnet.FoldIf(c.Str(1), s.ignoreCase)), nil
					}
					return dotnet.CompareStrings(c.Str(0), c.Str(1), !s.ignoreCase), nil
				}),
			}},
		// interfaces, for -is tests
		&dotnet.TypeDef{FullName: "System.Collections.IEnumerable", Is: func(_ *dotnet.TypeInfo, v any) bool {
			v = object.Unwrap(v)
			if _, ok := v.(string); ok {
				return true
			}
			return object.IsEnumerable(v)
		}},
		&dotnet.TypeDef{FullName: "System.Collections.ICollection", Is: func(_ *dotnet.TypeInfo, v any) bool { return object.IsEnumerable(object.Unwrap(v)) }},
		&dotnet.TypeDef{FullName: "System.Collections.IList", Is: func(_ *dotnet.TypeInfo, v any) bool {
			switch object.Unwrap(v).(type) {
			case []any, *object.List:
				return true
			}
			return false
		}},
		&dotnet.TypeDef{FullName: "System.Collections.IDictionary", Is: func(_ *dotnet.TypeInfo, v any) bool {
			_, ok := object.Unwrap(v).(*object.Hashtable)
			return ok
		}},
		&dotnet.TypeDef{FullName: "System.IComparable", Is: func(_ *dotnet.TypeInfo, v any) bool {
			switch object.Unwrap(v).(type) {
			case string, int, int64, float64, float32, bool, object.Char, object.Decimal, object.TimeSpan, object.Guid, object.Enum, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
				return true
			}
			_, ok := object.Unwrap(v).(time.Time)
			return ok
		}},
	)
}

// typeArgList renders generic arguments for messages.
func typeArgList(t *dotnet.TypeInfo) string {
	parts := make([]string, len(t.Args))
	for i, a := range t.Args {
		parts[i] = a.String()
	}
	return fmt.Sprint(strings.Join(parts, ","))
}
