package runtime

// Types a script defines with enum and class statements. They live in the
// session that ran the definition (not in the shared registry), are found
// before registered types of the same name, and are otherwise TypeDefs
// like any .NET type, so casts, -is, static members and GetType() treat
// them alike.

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/syntax"
)

// scriptTypeDef finds a script-defined type by name (no generics) as a
// type literal sees it: in the scopes from the current one outwards,
// then, inside a class's method, in the scopes where that class was
// defined, then in the blocks enclosing the running one in its source
// text (execBlock keeps their extents in inBlocks).
func (rt *Runtime) scriptTypeDef(name string, arity int) *dotnet.TypeDef {
	if arity != 0 || rt.scriptTypes.Empty() {
		return nil
	}
	key := strings.ToLower(name)
	if d := rt.scope.Type(key); d != nil {
		return d
	}
	for i := len(rt.classCtx) - 1; i >= 0; i-- {
		if d := rt.classCtx[i].Scope.(*Scope).Type(key); d != nil {
			return d
		}
	}
	if len(rt.inBlocks) == 0 {
		return nil
	}
	return rt.scriptTypes.Lexical(rt.inBlocks[len(rt.inBlocks)-1], key)
}

// instanceTypeDef finds the script-defined type an instance's type name
// stands for: the visible one, else the latest of that name, as an
// instance keeps its class outside the scope that defined it.
func (rt *Runtime) instanceTypeDef(name string) *dotnet.TypeDef {
	if d := rt.scriptTypeDef(name, 0); d != nil {
		return d
	}
	return rt.scriptTypes.Latest(name)
}

// addScriptType makes d visible in the current scope under its name.
func (rt *Runtime) addScriptType(d *dotnet.TypeDef) {
	key := rt.scriptTypes.Add(d)
	rt.scope.AddType(key, d)
}

// defineScriptType runs an enum or class statement (Registry.Run).
func (rt *Runtime) defineScriptType(s *syntax.TypeDefStmt) error {
	return rt.scriptTypes.Run(rt.classInterp(), s)
}

// hoistTypes defines the enums and classes written in the block sb
// itself before any of its statements runs (Registry.HoistBlock).
func (rt *Runtime) hoistTypes(sb *syntax.ScriptBlock) error {
	if sb == nil {
		return nil
	}
	if len(sb.Usings) > 0 {
		for k, d := range rt.usingTypes.For(sb) {
			rt.scope.AddType(k, d)
		}
	}
	// the parser marks a block that defines a type: most blocks define
	// none, and running one enters no code of the classes package
	if !sb.DefinesTypes {
		return nil
	}
	return rt.scriptTypes.HoistBlock(rt.classInterp(), sb)
}
