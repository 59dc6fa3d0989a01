package classes

// Where a session keeps the types its scripts defined, beyond the scopes
// that see them by name.

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Registry is a session's script types: the latest of each name (what an
// instance's type name stands for wherever the instance goes), the type
// of each definition statement (so a definition runs once however often
// its block runs), and the types each script block defined, by the
// block's source text (a block's types are visible in the blocks written
// inside it wherever they run). Names in type literals resolve through
// the interpreter's scopes first. The zero Registry is empty.
type Registry struct {
	latest map[string]*dotnet.TypeDef
	defs   map[*syntax.TypeDefStmt]*dotnet.TypeDef
	blocks map[*syntax.Source][]blockTypes
}

// blockTypes are the types one script block defined.
type blockTypes struct {
	block *syntax.ScriptBlock
	types map[string]*dotnet.TypeDef
}

// Empty tells that no script type was defined yet.
func (r *Registry) Empty() bool { return r.latest == nil }

// Latest is the latest type defined under name (nil when none).
func (r *Registry) Latest(name string) *dotnet.TypeDef {
	return r.latest[strings.ToLower(name)]
}

// Add records d as the latest type of its name, with its member tables
// keyed by lower-case name as lookups expect, and returns that key.
func (r *Registry) Add(d *dotnet.TypeDef) string {
	if r.latest == nil {
		r.latest = map[string]*dotnet.TypeDef{}
	}
	d.Static = dotnet.LowerKeys(d.Static)
	d.Members = dotnet.LowerKeys(d.Members)
	key := strings.ToLower(d.FullName)
	r.latest[key] = d
	return key
}

// Defined is the type definition statement s made (nil when it has not
// run).
func (r *Registry) Defined(s *syntax.TypeDefStmt) *dotnet.TypeDef { return r.defs[s] }

// SetDefined records the type statement s made.
func (r *Registry) SetDefined(s *syntax.TypeDefStmt, d *dotnet.TypeDef) {
	if r.defs == nil {
		r.defs = map[*syntax.TypeDefStmt]*dotnet.TypeDef{}
	}
	r.defs[s] = d
}

// NoteBlock records the types block sb defined (stmts) for the blocks
// written inside it.
func (r *Registry) NoteBlock(sb *syntax.ScriptBlock, stmts []*syntax.TypeDefStmt) {
	if sb.Ext.Src == nil {
		return
	}
	types := map[string]*dotnet.TypeDef{}
	for _, s := range stmts {
		if d := r.defs[s]; d != nil {
			types[strings.ToLower(s.Name)] = d
		}
	}
	if r.blocks == nil {
		r.blocks = map[*syntax.Source][]blockTypes{}
	}
	list := r.blocks[sb.Ext.Src]
	for i := range list {
		if list[i].block == sb {
			list[i].types = types
			return
		}
	}
	r.blocks[sb.Ext.Src] = append(list, blockTypes{block: sb, types: types})
}

// Lexical finds a type named key (lower case) defined by the innermost
// block that encloses, in its source text, the running statement block
// in. PowerShell resolves type names when it compiles a script, so a
// script block written in a file sees the file's classes even when it
// runs elsewhere (a Pester It block, a callback run by a cmdlet).
func (r *Registry) Lexical(in syntax.Extent, key string) *dotnet.TypeDef {
	var best *dotnet.TypeDef
	bestStart := -1
	for _, bt := range r.blocks[in.Src] {
		ext := bt.block.Ext
		if ext.Start.Offset <= in.Start.Offset && in.End.Offset <= ext.End.Offset && ext.Start.Offset > bestStart {
			if d := bt.types[key]; d != nil {
				best, bestStart = d, ext.Start.Offset
			}
		}
	}
	return best
}

// Run runs an enum or class statement in the session in. The types of a
// block are normally defined before it runs (HoistBlock), and then the
// statement does nothing; a definition that ran before is made visible
// again in the current scope. A definition that fails is a
// TypeDefinitionFailed error at the type's name.
func (r *Registry) Run(in Interp, s *syntax.TypeDefStmt) error {
	if s.Name == "" {
		return nil
	}
	if d := r.Defined(s); d != nil && in.ScriptType(s.Name) == d {
		return nil
	}
	var err error
	if d := r.Defined(s); d != nil {
		in.AddType(d)
	} else if s.IsEnum {
		err = DefineEnum(in, s)
	} else {
		err = Define(in, s)
	}
	if err == nil {
		r.SetDefined(s, in.ScriptType(s.Name))
	}
	var me *dotnet.MethodException
	if errors.As(err, &me) {
		return pserror.Runtime(s.NameExt, me.Msg, "TypeDefinitionFailed", object.NotImplemented, "RuntimeException")
	}
	return err
}

// HoistBlock defines, in the current scope of in, the enums and classes
// written in the block sb itself, before any of its statements runs
// (Hoist), and notes them for the blocks written inside sb.
func (r *Registry) HoistBlock(in Interp, sb *syntax.ScriptBlock) error {
	if sb == nil || !sb.DefinesTypes {
		return nil
	}
	found, err := Hoist(sb, func(s *syntax.TypeDefStmt) error { return r.Run(in, s) })
	r.NoteBlock(sb, found)
	return err
}
