package runtime

// Types a script defines with enum and class statements. They live in the
// session that ran the definition (not in the shared registry), are found
// before registered types of the same name, and are otherwise TypeDefs
// like any .NET type, so casts, -is, static members and GetType() treat
// them alike.

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// scriptTypeDef finds a script-defined type by name (no generics) as a
// type literal sees it: in the scopes from the current one outwards,
// then, inside a class's method, in the scopes where that class was
// defined.
func (rt *Runtime) scriptTypeDef(name string, arity int) *TypeDef {
	if arity != 0 || rt.scriptTypes == nil {
		return nil
	}
	key := strings.ToLower(name)
	if d := scopeType(rt.scope, key); d != nil {
		return d
	}
	for i := len(rt.classCtx) - 1; i >= 0; i-- {
		if d := scopeType(rt.classCtx[i].scope, key); d != nil {
			return d
		}
	}
	return rt.lexicalType(key)
}

// blockTypes are the types one script block defined.
type blockTypes struct {
	block *syntax.ScriptBlock
	types map[string]*TypeDef
}

// lexicalType finds a type defined by a block that encloses, in its
// source text, the innermost running statement block (execBlock keeps
// their extents in inBlocks). PowerShell resolves type
// names when it compiles a script, so a script block written in a file
// sees the file's classes even when it runs elsewhere (a Pester It block,
// a callback run by a cmdlet).
func (rt *Runtime) lexicalType(key string) *TypeDef {
	if len(rt.inBlocks) == 0 {
		return nil
	}
	in := rt.inBlocks[len(rt.inBlocks)-1]
	var best *TypeDef
	bestStart := -1
	for _, bt := range rt.blockTypes[in.Src] {
		ext := bt.block.Ext
		if ext.Start.Offset <= in.Start.Offset && in.End.Offset <= ext.End.Offset && ext.Start.Offset > bestStart {
			if d := bt.types[key]; d != nil {
				best, bestStart = d, ext.Start.Offset
			}
		}
	}
	return best
}

// noteBlockTypes records the types block sb defined (stmts) for the
// blocks written inside it.
func (rt *Runtime) noteBlockTypes(sb *syntax.ScriptBlock, stmts []*syntax.TypeDefStmt) {
	if sb.Ext.Src == nil {
		return
	}
	types := map[string]*TypeDef{}
	for _, s := range stmts {
		if d := rt.typeDefs[s]; d != nil {
			types[strings.ToLower(s.Name)] = d
		}
	}
	if rt.blockTypes == nil {
		rt.blockTypes = map[*syntax.Source][]blockTypes{}
	}
	list := rt.blockTypes[sb.Ext.Src]
	for i := range list {
		if list[i].block == sb {
			list[i].types = types
			return
		}
	}
	rt.blockTypes[sb.Ext.Src] = append(list, blockTypes{block: sb, types: types})
}

func scopeType(s *Scope, key string) *TypeDef {
	for ; s != nil; s = s.parent {
		if d := s.types[key]; d != nil {
			return d
		}
	}
	return nil
}

// instanceTypeDef finds the script-defined type an instance's type name
// stands for: the visible one, else the latest of that name, as an
// instance keeps its class outside the scope that defined it.
func (rt *Runtime) instanceTypeDef(name string) *TypeDef {
	if d := rt.scriptTypeDef(name, 0); d != nil {
		return d
	}
	return rt.scriptTypes[strings.ToLower(name)]
}

// typeByName is TypeByName that also sees the session's script types.
func (rt *Runtime) typeByName(full string) *TypeInfo {
	if d := rt.instanceTypeDef(full); d != nil {
		return dotnet.CloseType(d, nil)
	}
	return dotnet.TypeByName(full)
}

// addScriptType makes d visible in the current scope under its name.
func (rt *Runtime) addScriptType(d *TypeDef) {
	if rt.scriptTypes == nil {
		rt.scriptTypes = map[string]*TypeDef{}
	}
	d.Static = dotnet.LowerKeys(d.Static)
	d.Members = dotnet.LowerKeys(d.Members)
	key := strings.ToLower(d.FullName)
	rt.scriptTypes[key] = d
	if rt.scope.types == nil {
		rt.scope.types = map[string]*TypeDef{}
	}
	rt.scope.types[key] = d
}

// defineScriptType runs an enum or class statement. The types of a block
// are normally defined before it runs (hoistTypes), and then the
// statement does nothing.
func (rt *Runtime) defineScriptType(s *syntax.TypeDefStmt) error {
	if s.Name == "" {
		return nil
	}
	if d := rt.typeDefs[s]; d != nil && rt.scriptTypeDef(s.Name, 0) == d {
		return nil
	}
	var err error
	if d := rt.typeDefs[s]; d != nil {
		rt.addScriptType(d)
	} else if s.IsEnum {
		err = rt.defineEnum(s)
	} else {
		err = rt.defineClass(s)
	}
	if err == nil {
		if rt.typeDefs == nil {
			rt.typeDefs = map[*syntax.TypeDefStmt]*TypeDef{}
		}
		rt.typeDefs[s] = rt.scope.types[strings.ToLower(s.Name)]
	}
	var me *dotnet.MethodException
	if errors.As(err, &me) {
		return runtimeError(s.NameExt, me.Msg, "TypeDefinitionFailed", object.NotImplemented, "RuntimeException")
	}
	return err
}

// hoistTypes defines, in the current scope, the enums and classes written
// in the block sb itself (anywhere in its statements, but not in the
// script blocks and functions nested in it), before any of its
// statements runs: PowerShell defines a script's types when it compiles
// the script, so a type can be used above its definition. Enums come
// first, and a class after the class it derives from.
func (rt *Runtime) hoistTypes(sb *syntax.ScriptBlock) error {
	if sb == nil || !sb.DefinesTypes {
		return nil
	}
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
	defer rt.noteBlockTypes(sb, slices.Clone(pending))
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
				if err := rt.defineScriptType(s); err != nil {
					return err
				}
			}
		}
		if !progress {
			// a cycle of bases: defining reports it
			for _, s := range pending {
				if s != nil {
					return rt.defineScriptType(s)
				}
			}
		}
	}
	return nil
}

// enumBounds are the value ranges of the integral types an enum may be
// based on.
var enumBounds = map[string][2]int64{
	"byte": {0, 255}, "system.byte": {0, 255},
	"sbyte": {-128, 127}, "system.sbyte": {-128, 127},
	"short": {-32768, 32767}, "int16": {-32768, 32767}, "system.int16": {-32768, 32767},
	"ushort": {0, 65535}, "uint16": {0, 65535}, "system.uint16": {0, 65535},
	"int": {-1 << 31, 1<<31 - 1}, "int32": {-1 << 31, 1<<31 - 1}, "system.int32": {-1 << 31, 1<<31 - 1},
	"uint": {0, 1<<32 - 1}, "uint32": {0, 1<<32 - 1}, "system.uint32": {0, 1<<32 - 1},
	"long": {-1 << 63, 1<<63 - 1}, "int64": {-1 << 63, 1<<63 - 1}, "system.int64": {-1 << 63, 1<<63 - 1},
	"ulong": {0, 1<<63 - 1}, "uint64": {0, 1<<63 - 1}, "system.uint64": {0, 1<<63 - 1},
}

func (rt *Runtime) defineEnum(s *syntax.TypeDefStmt) error {
	bounds := enumBounds["int"]
	under := "int"
	if len(s.Bases) > 0 {
		under = s.Bases[0].Name
		b, ok := enumBounds[strings.ToLower(under)]
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
			v, err := rt.evalExpr(m.Value)
			if err != nil {
				return err
			}
			n, ok := numeric.ToNumber(bareValue(v))
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
	rt.addScriptType(d)
	return nil
}

// enumNamesOfSelf is Type.GetEnumNames() on the type value in c.Self.
func enumNamesOfSelf(c *Call) (any, error) {
	vals, err := dotnet.EnumValues(&Call{Host: c.Host, Args: []any{c.Self}})
	if err != nil {
		return nil, err
	}
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = fmt.Sprint(v)
	}
	return out, nil
}

// enumBitwise combines the values of an enum with -band, -bor or -bxor:
// the result keeps the left operand's enum type.
func (rt *Runtime) enumBitwise(e object.Enum, op string, a, b int64) (any, bool) {
	t := rt.TypeOf(e)
	if t == nil || t.Convert == nil {
		return nil, false
	}
	n := a | b
	switch op {
	case "-band":
		n = a & b
	case "-bxor":
		n = a ^ b
	}
	v, err := t.Convert(rt, int(n))
	if err != nil {
		return nil, false
	}
	return v, true
}
