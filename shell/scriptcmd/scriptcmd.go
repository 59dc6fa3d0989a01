// Package scriptcmd builds the command a script function, script block or
// script file is, from its syntax: the parameters of its param() block,
// what [CmdletBinding()] and [Parameter()] make of it (an advanced
// command, ShouldProcess, its confirm impact, its parameter sets and
// positions), the text of its comment-based help, and the values its
// unbound parameters start with. The runtime runs the blocks; this
// package only describes the command, so the same binder serves
// functions, scripts and cmdlets.
//
// The package reaches the session through the Interp interface, which
// the runtime implements; it does not import the runtime.
package scriptcmd

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// Interp is the session as a script command's declaration sees it: the
// interpreter of param() blocks (evaluating attribute arguments and
// default values, resolving type constraints), and the conversion an
// assignment to a type-constrained variable makes.
type Interp interface {
	params.Interp
	// Constrain converts a value to a variable's type constraint, as an
	// assignment to [int]$x does.
	Constrain(typeName string, v any) (any, error)
}

// Function is a script function (or filter) defined in a scope.
type Function struct {
	Name     string
	Body     *automation.ScriptBlock
	Params   []*syntax.Parameter
	IsFilter bool
	// Def is the definition as written: its comment-based help is the
	// function's help.
	Def *syntax.FunctionDef
	// Module is the script module that defined the function (nil: the
	// session's own): the function runs in that module's scope, wherever
	// it is called from.
	Module *module.Module
}

// FunctionName is the function's name as defined.
func (f *Function) FunctionName() string { return f.Name }

// NewFunction is the function a definition defines; a scope prefix on its
// name (function global:Get-Thing) is not part of the name.
func NewFunction(d *syntax.FunctionDef) *Function {
	name := d.Name
	if i := strings.IndexByte(name, ':'); i > 0 {
		name = name[i+1:]
	}
	return &Function{Name: name, Body: &automation.ScriptBlock{AST: d.Body, Params: d.Params}, Params: d.Params, IsFilter: d.IsFilter, Def: d}
}

// Cache keeps the declaration built for each script block, so a function
// called in a loop is declared once. The zero Cache is ready to use.
type Cache struct {
	decls map[*syntax.ScriptBlock]*built
}

type built struct {
	cmd    *command.Command
	simple bool
	err    error
}

// Command is the declaration of the command whose body is ast, named
// name (fnParams are a function's parameters written after its name, as
// in function f($a) {...}; a param() block takes their place). simple is
// true for a function or script without [CmdletBinding()] or any
// [Parameter()]: it takes no common parameters and keeps unbound
// arguments in $args. Each call returns a copy the caller may change.
func (c *Cache) Command(in Interp, name string, ast *syntax.ScriptBlock, fnParams []*syntax.Parameter) (cmd *command.Command, simple bool, err error) {
	if c.decls == nil {
		c.decls = map[*syntax.ScriptBlock]*built{}
	}
	b, ok := c.decls[ast]
	if !ok {
		cmd, simple, err := Build(in, name, ast, fnParams)
		b = &built{cmd: cmd, simple: simple, err: err}
		c.decls[ast] = b
	}
	if b.err != nil {
		return nil, false, b.err
	}
	cp := *b.cmd
	cp.Name = name
	return &cp, b.simple, nil
}

// Function is a script function's declaration as Get-Command and Get-Help
// show it: with the text of its comment-based help. A declaration that
// fails to build (a bad attribute argument) is the bare name.
func (c *Cache) Function(in Interp, f *Function) *command.Command {
	cmd, _, err := c.Command(in, f.Name, f.Body.AST, f.Params)
	if err != nil {
		return &command.Command{Name: f.Name, Type: command.FunctionCommand}
	}
	if f.Def != nil && f.Def.Help != nil {
		ApplyCommentHelp(cmd, f.Def.Help)
	}
	return cmd
}

// Advanced reports whether a script function is advanced
// ([CmdletBinding()] or a [Parameter()] attribute): such a function takes
// the common parameters.
func (c *Cache) Advanced(in Interp, f *Function) bool {
	_, simple, err := c.Command(in, f.Name, f.Body.AST, f.Params)
	return err == nil && !simple
}

// outputTypeNames are the types an [OutputType()] attribute names, as
// PowerShell's PSTypeName names them: a type literal ([string]) by the
// type's full name (System.String), a string ('string') as written; an
// argument that is a list names each of its elements.
func outputTypeNames(in Interp, a *syntax.Attribute) ([]string, error) {
	var names []string
	for _, e := range a.Positional {
		if t, ok := e.(*syntax.TypeExpr); ok {
			if full, _, _, ok := in.ResolveType(t.Type.Name); ok {
				names = append(names, full)
				continue
			}
		}
		v, err := in.EvalExpr(e)
		if err != nil {
			return nil, err
		}
		items, ok := object.Elements(object.Unwrap(v))
		if !ok {
			items = []any{v}
		}
		for _, it := range items {
			names = append(names, in.Text(it))
		}
	}
	return names, nil
}

// Build declares the command whose body is ast (see Cache.Command).
//
// [OutputType()] names the types the command writes (OutputTypes).
// [CmdletBinding()] names SupportsShouldProcess, PositionalBinding,
// ConfirmImpact (Medium unless it says High, Low or None) and
// DefaultParameterSetName. The parameter sets are those the parameters
// name, in the order first named, and a named default set no parameter
// names comes before them (a set of only the parameters in every set);
// there is no default set unless one is named. Parameters are positional in declaration order
// (switches excepted) unless positional binding is turned off or any
// parameter names a position or a parameter set of its own.
func Build(in Interp, name string, ast *syntax.ScriptBlock, fnParams []*syntax.Parameter) (*command.Command, bool, error) {
	decls := fnParams
	advanced := false
	var attrs []*syntax.Attribute
	if ast.Param != nil {
		decls = ast.Param.Params
		attrs = ast.Param.Attributes
	}
	cmd := &command.Command{Name: name, Type: command.FunctionCommand, ConfirmImpact: command.ImpactMedium}
	positionalBinding := true
	for _, a := range attrs {
		if strings.EqualFold(a.Name, "OutputType") {
			names, err := outputTypeNames(in, a)
			if err != nil {
				return nil, false, err
			}
			cmd.OutputTypes = append(cmd.OutputTypes, names...)
			if cmd.OutputType == "" && len(names) > 0 {
				cmd.OutputType = names[0]
			}
			continue
		}
		if !strings.EqualFold(a.Name, "CmdletBinding") {
			continue
		}
		advanced = true
		for _, na := range a.Named {
			var val any = true
			if na.Value != nil {
				v, err := in.EvalExpr(na.Value)
				if err != nil {
					return nil, false, err
				}
				val = v
			}
			switch strings.ToLower(na.Name) {
			case "supportsshouldprocess":
				cmd.SupportsShouldProcess = object.ToBool(val)
			case "positionalbinding":
				positionalBinding = object.ToBool(val)
			case "confirmimpact":
				switch strings.ToLower(in.Text(val)) {
				case "high":
					cmd.ConfirmImpact = command.ImpactHigh
				case "low":
					cmd.ConfirmImpact = command.ImpactLow
				case "none":
					cmd.ConfirmImpact = command.ImpactNone
				}
			case "defaultparametersetname":
				cmd.DefaultSet = in.Text(val)
			}
		}
	}
	custom := false
	for _, p := range decls {
		for _, a := range p.Attributes {
			if !strings.EqualFold(a.Name, "Parameter") {
				continue
			}
			advanced = true
			for _, na := range a.Named {
				switch strings.ToLower(na.Name) {
				case "position":
					custom = true
				case "parametersetname":
					if na.Value != nil {
						v, err := in.EvalExpr(na.Value)
						if err == nil && !strings.EqualFold(in.Text(v), params.AllSets) {
							custom = true
						}
					}
				}
			}
		}
	}
	var setNames []string
	seenSet := map[string]bool{}
	pos := 0
	for _, p := range decls {
		decl, err := params.Declare(in, p, advanced)
		if err != nil {
			return nil, false, err
		}
		for _, s := range decl.Sets {
			if s.Set != params.AllSets && !seenSet[strings.ToLower(s.Set)] {
				seenSet[strings.ToLower(s.Set)] = true
				setNames = append(setNames, s.Set)
			}
		}
		if positionalBinding && !custom && !decl.IsSwitch() {
			for i := range decl.Sets {
				decl.Sets[i].Position = pos
			}
			pos++
		}
		cmd.Params = append(cmd.Params, decl)
	}
	if cmd.DefaultSet != "" && !strings.EqualFold(cmd.DefaultSet, params.AllSets) && !seenSet[strings.ToLower(cmd.DefaultSet)] {
		setNames = append([]string{cmd.DefaultSet}, setNames...)
	}
	// Without DefaultParameterSetName a script command has no default
	// set: a call its arguments leave in more than one set is ambiguous.
	cmd.Sets = setNames
	return cmd, !advanced, nil
}

// ApplyCommentHelp gives a function's declaration the text of its
// comment-based help: synopsis, description, parameter texts and
// examples (code up to the first blank line, an optional "PS C:\>"
// prompt dropped, the rest as remarks).
func ApplyCommentHelp(c *command.Command, h *syntax.CommentHelp) {
	c.Synopsis = strings.TrimSpace(h.Synopsis)
	c.Description = strings.TrimSpace(h.Description)
	c.Examples = nil
	for _, e := range h.Examples {
		if i := strings.IndexByte(e, '>'); i >= 0 && !strings.Contains(e[:i], "\n") {
			e = e[i+1:]
		}
		code, remark, _ := strings.Cut(strings.ReplaceAll(e, "\r\n", "\n"), "\n\n")
		c.Examples = append(c.Examples, command.Example{Code: strings.TrimSpace(code), Remark: strings.TrimSpace(remark)})
	}
	if len(h.Parameters) > 0 {
		ps := make([]*params.Param, len(c.Params))
		for i, p := range c.Params {
			cp := *p
			if text, ok := h.Parameters[strings.ToUpper(p.Name)]; ok {
				cp.Help = strings.TrimSpace(text)
			}
			ps[i] = &cp
		}
		c.SetParams(ps)
	}
}

// Default is an unbound parameter's value: its default expression,
// converted to its type, or the type's empty value (a switch not present,
// "" for strings, zero for numbers, $null otherwise).
func Default(in Interp, p *params.Param) (any, error) {
	sp := params.ScriptOf(p)
	if sp == nil {
		if p.IsSwitch() {
			return in.Switch(false), nil
		}
		return nil, nil
	}
	if sp.Decl.Default != nil {
		v, err := in.EvalExpr(sp.Decl.Default)
		if err != nil {
			return nil, err
		}
		if sp.TypeName == "" {
			return v, nil
		}
		cv, err := in.Constrain(sp.TypeName, v)
		if err != nil {
			return nil, automation.CastError(err, sp.Decl.Default.Span())
		}
		return cv, nil
	}
	if sp.TypeName == "" {
		return nil, nil
	}
	switch sp.Declared.Kind {
	case params.KindSwitch:
		return in.Switch(false), nil
	case params.KindString:
		if !sp.Declared.Array {
			return "", nil
		}
		return nil, nil
	case params.KindBool:
		return false, nil
	case params.KindInt, params.KindLong, params.KindDouble, params.KindDateTime, params.KindTimeSpan, params.KindGuid:
		if v, err := in.ConvertTo(nil, sp.TypeName); err == nil {
			return v, nil
		}
	}
	return nil, nil
}
