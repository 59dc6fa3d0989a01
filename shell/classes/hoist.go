package classes

// The order in which a block's type definitions are made, and enums.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/syntax"
)

// Hoist defines, with define, the enums and classes written
// in the block sb itself (anywhere in its statements, but not in the
// script blocks and functions nested in it), before any of its
// statements runs: PowerShell defines a script's types when it compiles
// the script, so a type can be used above its definition. Enums come
// first, and a class after the class it derives from. found are the
// definitions written in sb, defined or not.
func Hoist(sb *syntax.ScriptBlock, define func(*syntax.TypeDefStmt) error) (found []*syntax.TypeDefStmt, err error) {
	var pending []*syntax.TypeDefStmt
	syntax.Inspect(sb, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.TypeDefStmt:
			pending = append(pending, x)
			return false
		case *syntax.ScriptBlockExpr, *syntax.FunctionDef:
			return false
		}
		return true
	})
	found = slices.Clone(pending)
	waits := func(s *syntax.TypeDefStmt) bool {
		if s.IsEnum || len(s.Bases) == 0 {
			return false
		}
		for _, o := range pending {
			if o != s && o != nil && strings.EqualFold(o.Name, s.Bases[0].Name) {
				return true
			}
		}
		return false
	}
	for left := len(pending); left > 0; {
		progress := false
		for pass := 0; pass < 2 && left > 0; pass++ {
			for i, s := range pending {
				// enums in the first pass, classes after
				if s == nil || (pass == 0) != s.IsEnum || waits(s) {
					continue
				}
				pending[i] = nil
				left--
				progress = true
				if err := define(s); err != nil {
					return found, err
				}
			}
		}
		if !progress {
			// a cycle of bases: defining reports it
			for _, s := range pending {
				if s != nil {
					return found, define(s)
				}
			}
		}
	}
	return found, nil
}

// enumBounds are the value ranges of the integral types an enum may be
// based on.
var enumBounds = lazy.Value[map[string][2]int64]{Build: func() map[string][2]int64 {
	return map[string][2]int64{
		"byte": {0, 255}, "system.byte": {0, 255},
		"sbyte": {-128, 127}, "system.sbyte": {-128, 127},
		"short": {-32768, 32767}, "int16": {-32768, 32767}, "system.int16": {-32768, 32767},
		"ushort": {0, 65535}, "uint16": {0, 65535}, "system.uint16": {0, 65535},
		"int": {-1 << 31, 1<<31 - 1}, "int32": {-1 << 31, 1<<31 - 1}, "system.int32": {-1 << 31, 1<<31 - 1},
		"uint": {0, 1<<32 - 1}, "uint32": {0, 1<<32 - 1}, "system.uint32": {0, 1<<32 - 1},
		"long": {-1 << 63, 1<<63 - 1}, "int64": {-1 << 63, 1<<63 - 1}, "system.int64": {-1 << 63, 1<<63 - 1},
		"ulong": {0, 1<<63 - 1}, "uint64": {0, 1<<63 - 1}, "system.uint64": {0, 1<<63 - 1},
	}
}}

// DefineEnum defines the enum statement s in the interpreter's current
// scope.
func DefineEnum(rt Interp, s *syntax.TypeDefStmt) error {
	bounds := enumBounds.Get()["int"]
	under := "int"
	if len(s.Bases) > 0 {
		under = s.Bases[0].Name
		b, ok := enumBounds.Get()[strings.ToLower(under)]
		if !ok || len(s.Bases) > 1 {
			return dotnet.Throw("'%s' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)", under)
		}
		bounds = b
	}
	flags := false
	for _, a := range s.Attributes {
		switch strings.ToLower(a.Name) {
		case "flags", "flagsattribute", "system.flags", "system.flagsattribute":
			flags = true
		default:
			return dotnet.Throw("Attribute '%s' is not supported on an enum definition in exosim.", a.Name)
		}
	}
	var values []string
	seen := map[string]bool{}
	next := int64(0)
	for _, m := range s.Enum {
		if seen[strings.ToLower(m.Name)] {
			return dotnet.Throw("The member '%s' is already defined.", m.Name)
		}
		seen[strings.ToLower(m.Name)] = true
		if m.Value != nil {
			v, err := rt.EvalExpr(m.Value)
			if err != nil {
				return err
			}
			n, ok := numeric.ToNumber(bare(v))
			if !ok {
				return dotnet.Throw("Enumerator value must be a constant value.")
			}
			next = numeric.Int64(n)
		}
		if next < bounds[0] || next > bounds[1] {
			return dotnet.Throw("Enumerator value is either too large or too small for %s.", under)
		}
		values = append(values, m.Name+"="+strconv.FormatInt(next, 10))
		next++
	}
	d := dotnet.EnumDef(s.Name, flags, values...)
	rt.AddType(d)
	return nil
}
