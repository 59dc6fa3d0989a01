package collections

import (
	"sort"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// System.Linq.Enumerable and the delegate types script blocks become.
// Delegates are script blocks called with the element as argument ($_ is
// not set, as for a .NET delegate). PowerShell would need typed arrays
// ([int[]]) to pick Sum/Min/Max/Average; exosim's arrays do not keep
// their element type, so these accept any array of numbers.

// delegateArg reads argument i as a script block delegate.
func delegateArg(c *dotnet.Call, i int, param string) (dotnet.ScriptBlock, error) {
	sb, ok := object.Unwrap(c.Arg(i)).(dotnet.ScriptBlock)
	if !ok {
		return nil, dotnet.ArgConvertError(c.Arg(i), param, c.Name, "System.Func`2[System.Object,System.Object]", nil)
	}
	return sb, nil
}

func callDelegate(c *dotnet.Call, sb dotnet.ScriptBlock, args ...any) (any, error) {
	return c.Host.CallScriptBlock(sb, args)
}

// sourceArg enumerates the source sequence (argument 0).
func sourceArg(c *dotnet.Call) ([]any, error) {
	if c.Arg(0) == nil {
		return nil, dotnet.Throw("Value cannot be null. (Parameter 'source')")
	}
	return itemsArg(c, 0, "source")
}

// linqFilter applies an optional predicate at argument i.
func linqFilter(c *dotnet.Call, items []any, i int) ([]any, error) {
	if i >= len(c.Args) {
		return items, nil
	}
	sb, err := delegateArg(c, i, "predicate")
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, it := range items {
		v, err := callDelegate(c, sb, it)
		if err != nil {
			return nil, err
		}
		if object.ToBool(v) {
			out = append(out, it)
		}
	}
	return out, nil
}

// linqNumbers maps the source through an optional selector and requires
// numbers.
func linqNumbers(c *dotnet.Call) ([]any, error) {
	items, err := sourceArg(c)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(items))
	for _, it := range items {
		v := it
		if len(c.Args) > 1 {
			sb, err := delegateArg(c, 1, "selector")
			if err != nil {
				return nil, err
			}
			if v, err = callDelegate(c, sb, it); err != nil {
				return nil, err
			}
		}
		if !object.IsNumeric(object.Unwrap(v)) {
			return nil, &dotnet.MethodBindError{Msg: "Cannot find an overload for \"" + c.Name + "\" and the argument count: \"" + itoa(len(c.Args)) + "\".", ID: "MethodCountCouldNotFindBest"}
		}
		n := object.Unwrap(v)
		out = append(out, n)
	}
	return out, nil
}

func itoa(n int) string { return object.ToInvariantString(n) }

func linqExtreme(max bool) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		ns, err := linqNumbers(c)
		if err != nil {
			return nil, err
		}
		if len(ns) == 0 {
			return nil, dotnet.Throw("Sequence contains no elements")
		}
		best := ns[0]
		for _, n := range ns[1:] {
			if cmp := numeric.Compare(n, best); (max && cmp > 0) || (!max && cmp < 0) {
				best = n
			}
		}
		return best, nil
	})
}

func linqPick(first, orDefault bool) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		items, err := sourceArg(c)
		if err != nil {
			return nil, err
		}
		if items, err = linqFilter(c, items, 1); err != nil {
			return nil, err
		}
		if len(items) == 0 {
			if orDefault {
				return nil, nil
			}
			if len(c.Args) > 1 {
				return nil, dotnet.Throw("Sequence contains no matching element")
			}
			return nil, dotnet.Throw("Sequence contains no elements")
		}
		if first {
			return items[0], nil
		}
		return items[len(items)-1], nil
	})
}

func linqOrder(desc bool) *dotnet.Member {
	return dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
		items, err := sourceArg(c)
		if err != nil {
			return nil, err
		}
		sb, err := delegateArg(c, 1, "keySelector")
		if err != nil {
			return nil, err
		}
		keys := make([]any, len(items))
		for i, it := range items {
			if keys[i], err = callDelegate(c, sb, it); err != nil {
				return nil, err
			}
		}
		idx := make([]int, len(items))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool {
			r, _ := c.Host.Compare(keys[idx[a]], keys[idx[b]], true)
			if desc {
				return r > 0
			}
			return r < 0
		})
		out := make([]any, len(items))
		for i, k := range idx {
			out[i] = items[k]
		}
		return out, nil
	})
}

func linqSetOp(kind string) *dotnet.Member {
	return dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
		a, err := sourceArg(c)
		if err != nil {
			return nil, err
		}
		b, err := itemsArg(c, 1, "second")
		if err != nil {
			return nil, err
		}
		inB := func(v any) bool { return indexIn(b, v) >= 0 }
		out := []any{}
		seen := func(v any) bool { return indexIn(out, v) >= 0 }
		switch kind {
		case "union":
			for _, v := range append(append([]any{}, a...), b...) {
				if !seen(v) {
					out = append(out, v)
				}
			}
		case "intersect":
			for _, v := range a {
				if inB(v) && !seen(v) {
					out = append(out, v)
				}
			}
		case "except":
			for _, v := range a {
				if !inB(v) && !seen(v) {
					out = append(out, v)
				}
			}
		}
		return out, nil
	})
}

// delegateDef declares Func`N, Action`N, Predicate`1: a script block
// converts to them.
func delegateDef(full string) *dotnet.TypeDef {
	return &dotnet.TypeDef{FullName: full,
		Convert: func(h dotnet.Host, t *dotnet.TypeInfo, v any) (any, error) {
			if sb, ok := object.Unwrap(v).(dotnet.ScriptBlock); ok {
				return sb, nil
			}
			return nil, dotnet.ConvertFailed(v, t.String(), "")
		},
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(dotnet.ScriptBlock); return ok }}
}

// declareLinqTypes declares the delegate types and System.Linq.Enumerable.
func declareLinqTypes() {
	defs := []*dotnet.TypeDef{delegateDef("System.Predicate`1"), delegateDef("System.Comparison`1"), delegateDef("System.Action")}
	for _, n := range []string{"1", "2", "3", "4", "5"} {
		defs = append(defs, delegateDef("System.Func`"+n), delegateDef("System.Action`"+n))
	}
	defs = append(defs, &dotnet.TypeDef{FullName: "System.Linq.Enumerable", Assembly: "System.Linq",
		Static: dotnet.Members{
			"Distinct": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				out := []any{}
				for _, it := range items {
					if indexIn(out, it) < 0 {
						out = append(out, it)
					}
				}
				return out, nil
			}),
			"Count": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				if items, err = linqFilter(c, items, 1); err != nil {
					return nil, err
				}
				return len(items), nil
			}),
			"Any": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				if items, err = linqFilter(c, items, 1); err != nil {
					return nil, err
				}
				return len(items) > 0, nil
			}),
			"All": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				kept, err := linqFilter(c, items, 1)
				if err != nil {
					return nil, err
				}
				return len(kept) == len(items), nil
			}),
			"Contains": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				return indexIn(items, c.Arg(1)) >= 0, nil
			}),
			"Sum": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				ns, err := linqNumbers(c)
				if err != nil {
					return nil, err
				}
				var total any = 0
				for _, n := range ns {
					s, err := numeric.Arith("+", total, n)
					if err != nil {
						return nil, err
					}
					total = s
				}
				return total, nil
			}),
			"Average": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				ns, err := linqNumbers(c)
				if err != nil {
					return nil, err
				}
				if len(ns) == 0 {
					return nil, dotnet.Throw("Sequence contains no elements")
				}
				sum := 0.0
				for _, n := range ns {
					sum += numeric.Float(n)
				}
				return sum / float64(len(ns)), nil
			}),
			"Max": linqExtreme(true),
			"Min": linqExtreme(false),
			"Where": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				return linqFilter(c, items, 1)
			}),
			"Select": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				sb, err := delegateArg(c, 1, "selector")
				if err != nil {
					return nil, err
				}
				out := make([]any, len(items))
				for i, it := range items {
					if out[i], err = callDelegate(c, sb, it); err != nil {
						return nil, err
					}
				}
				return out, nil
			}),
			"ToList": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				l := &object.List{Items: append([]any{}, items...)}
				if src, ok := object.Unwrap(c.Arg(0)).(*object.List); ok && src.Type != nil {
					l.Type = src.Type
				} else {
					l.Type = dotnet.CloseType(dotnet.LookupDef("System.Collections.Generic.List`1", 1), []*dotnet.TypeInfo{dotnet.TypeByName("System.Object")})
				}
				return l, nil
			}),
			"ToArray": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				return append([]any{}, items...), nil
			}),
			"First":             linqPick(true, false),
			"FirstOrDefault":    linqPick(true, true),
			"Last":              linqPick(false, false),
			"LastOrDefault":     linqPick(false, true),
			"OrderBy":           linqOrder(false),
			"OrderByDescending": linqOrder(true),
			"Reverse": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				items, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				out := make([]any, len(items))
				for i, it := range items {
					out[len(items)-1-i] = it
				}
				return out, nil
			}),
			"Skip": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, n, err := sourceCount(c)
				if err != nil {
					return nil, err
				}
				return append([]any{}, items[n:]...), nil
			}),
			"Take": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				items, n, err := sourceCount(c)
				if err != nil {
					return nil, err
				}
				return append([]any{}, items[:n]...), nil
			}),
			"Range": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				a, err := c.Int(0, "start")
				if err != nil {
					return nil, err
				}
				n, err := countArg(c)
				if err != nil {
					return nil, err
				}
				out := make([]any, n)
				for i := range out {
					out[i] = a + i
				}
				return out, nil
			}),
			"Repeat": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				n, err := countArg(c)
				if err != nil {
					return nil, err
				}
				out := make([]any, n)
				for i := range out {
					out[i] = c.Arg(0)
				}
				return out, nil
			}),
			"SequenceEqual": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				a, err := sourceArg(c)
				if err != nil {
					return nil, err
				}
				b, err := itemsArg(c, 1, "second")
				if err != nil {
					return nil, err
				}
				if len(a) != len(b) {
					return false, nil
				}
				for i := range a {
					if !dotnet.Equals(a[i], b[i]) {
						return false, nil
					}
				}
				return true, nil
			}),
			"Union":     linqSetOp("union"),
			"Intersect": linqSetOp("intersect"),
			"Except":    linqSetOp("except"),
		}})
	dotnet.RegisterType(defs...)
}

// sourceCount reads the source and the count of Skip and Take, the
// count kept between 0 and the source's length.
func sourceCount(c *dotnet.Call) ([]any, int, error) {
	items, err := sourceArg(c)
	if err != nil {
		return nil, 0, err
	}
	n, err := c.Int(1, "count")
	if err != nil {
		return nil, 0, err
	}
	return items, min(max(n, 0), len(items)), nil
}

// countArg reads the count of Range and Repeat, their second argument:
// a negative one is .NET's out-of-range error.
func countArg(c *dotnet.Call) (int, error) {
	n, err := c.Int(1, "count")
	if err == nil && n < 0 {
		err = dotnet.Throw("Specified argument was out of the range of valid values. (Parameter 'count')")
	}
	return n, err
}
