package runtime

// Types a script defines with enum and class statements. They live in the
// session that ran the definition (not in the shared registry), are found
// before registered types of the same name, and are otherwise TypeDefs
// like any .NET type, so casts, -is, static members and GetType() treat
// them alike.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// scriptTypeDef finds a script-defined type by name (no generics).
func (rt *Runtime) scriptTypeDef(name string, arity int) *TypeDef {
	if arity != 0 || rt.scriptTypes == nil {
		return nil
	}
	return rt.scriptTypes[strings.ToLower(name)]
}

// typeByName is TypeByName that also sees the session's script types.
func (rt *Runtime) typeByName(full string) *TypeInfo {
	if d := rt.scriptTypeDef(full, 0); d != nil {
		return closeType(d, nil)
	}
	return TypeByName(full)
}

func (rt *Runtime) addScriptType(d *TypeDef) {
	if rt.scriptTypes == nil {
		rt.scriptTypes = map[string]*TypeDef{}
	}
	d.Static = lowerKeys(d.Static)
	d.Members = lowerKeys(d.Members)
	rt.scriptTypes[strings.ToLower(d.FullName)] = d
}

func (rt *Runtime) defineScriptType(s *syntax.TypeDefStmt) error {
	if s.Name == "" {
		return nil
	}
	var err error
	if s.IsEnum {
		err = rt.defineEnum(s)
	} else {
		err = rt.defineClass(s)
	}
	var me *methodException
	if errors.As(err, &me) {
		return runtimeError(s.NameExt, me.msg, "TypeDefinitionFailed", object.NotImplemented, "RuntimeException")
	}
	return err
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
			return Throw("'%s' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)", under)
		}
		bounds = b
	}
	flags := false
	for _, a := range s.Attributes {
		switch strings.ToLower(a.Name) {
		case "flags", "flagsattribute", "system.flags", "system.flagsattribute":
			flags = true
		default:
			return Throw("Attribute '%s' is not supported on an enum definition in exosim.", a.Name)
		}
	}
	var values []string
	seen := map[string]bool{}
	next := int64(0)
	for _, m := range s.Enum {
		if seen[strings.ToLower(m.Name)] {
			return Throw("The member '%s' is already defined.", m.Name)
		}
		seen[strings.ToLower(m.Name)] = true
		if m.Value != nil {
			v, err := rt.evalExpr(m.Value)
			if err != nil {
				return err
			}
			n, ok := toNumber(bareValue(v))
			if !ok {
				return Throw("Enumerator value must be a constant value.")
			}
			next = asInt64(n)
		}
		if next < bounds[0] || next > bounds[1] {
			return Throw("Enumerator value is either too large or too small for %s.", under)
		}
		values = append(values, m.Name+"="+strconv.FormatInt(next, 10))
		next++
	}
	d := enumDef(s.Name, flags, values...)
	rt.addScriptType(d)
	return nil
}

// enumNamesOfSelf is Type.GetEnumNames() on the type value in c.Self.
func enumNamesOfSelf(c *Call) (any, error) {
	vals, err := enumValues(&Call{RT: c.RT, Args: []any{c.Self}})
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
