package parser

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/syntax"
)

// requiresFormat is PowerShell's message for a #requires line it cannot
// read.
const requiresFormat = "Cannot process the #requires statement because it is not in the correct format.\n" +
	"The #requires statement must be in one of the following formats:\n" +
	" \"#requires -shellid <shellID>\"\n" +
	" \"#requires -version <major.minor>\"\n" +
	" \"#requires -psedition <edition>\"\n" +
	" \"#requires -pssnapin <psSnapInName> [-version <major.minor>]\"\n" +
	" \"#requires -modules <ModuleSpecification>\"\n" +
	" \"#requires -runasadministrator\""

// requirements reads the script's #requires comments (recorded while
// skipping comments) as commands: `#requires -Version 5.1` is the command
// `requires` with its parameters. A parameter name may be abbreviated.
func (p *parser) requirements() *syntax.Requirements {
	if len(p.requiresAt) == 0 || p.abort {
		return nil
	}
	offsets := make([]int, 0, len(p.requiresAt))
	for off := range p.requiresAt {
		offsets = append(offsets, off)
	}
	sort.Ints(offsets)
	saved := p.save()
	defer p.restore(saved)
	r := &syntax.Requirements{}
	for i, off := range offsets {
		p.off, p.lastEnd = off+1, off+1
		cmd := p.parseCommand()
		if cmd == nil || len(cmd.Elements) == 0 {
			continue
		}
		if i == 0 {
			r.Ext = p.ext(off, cmd.Ext.End.Offset)
		}
		if name, ok := cmd.Elements[0].(*syntax.StringConstExpr); !ok || !strings.EqualFold(name.Value, "requires") {
			p.errorf(cmd.Ext, false, "ScriptRequiresInvalidFormat", requiresFormat)
		}
		elems := cmd.Elements[1:]
		for k := 0; k < len(elems); k++ {
			prm, ok := elems[k].(*syntax.CommandParameter)
			if !ok {
				p.errorf(elems[k].Span(), false, "ScriptRequiresInvalidFormat", requiresFormat)
				continue
			}
			var arg syntax.Expr = prm.Arg
			if arg == nil && k+1 < len(elems) {
				k++
				if e, ok := elems[k].(syntax.Expr); ok {
					arg = e
				} else {
					arg = &syntax.StringConstExpr{Ext: elems[k].Span(), Value: elems[k].Span().Text(), Kind: syntax.BareWord}
				}
			}
			p.requiresParam(r, prm, arg)
		}
	}
	return r
}

func prefixOf(full, typed string) bool {
	return typed != "" && len(typed) <= len(full) && strings.EqualFold(full[:len(typed)], typed)
}

// requiresParam applies one parameter of a #requires line.
func (p *parser) requiresParam(r *syntax.Requirements, prm *syntax.CommandParameter, arg syntax.Expr) {
	name := prm.Name
	if prefixOf("runasadministrator", name) {
		r.RunAsAdministrator = true
		if arg != nil {
			p.errorf(prm.Ext, false, "ParameterCannotHaveArgument", "Parameter "+name+" cannot have an argument.")
		}
		return
	}
	if arg == nil {
		p.errorf(prm.Ext, false, "ParameterRequiresArgument", "Parameter "+name+" requires an argument.")
		return
	}
	val, ok := requiresConstant(arg)
	if !ok {
		p.errorf(arg.Span(), false, "RequiresArgumentMustBeConstant", "Argument must be constant.")
		return
	}
	invalidString := func(param string) {
		p.errorf(arg.Span(), false, "RequiresInvalidStringArgument", "The argument for the "+param+" parameter is not valid. Specify a valid string argument.")
	}
	strs := func() []any {
		if list, ok := val.([]any); ok {
			return list
		}
		return []any{val}
	}
	switch {
	case prefixOf("shellid", name):
		s, ok := val.(string)
		if !ok {
			invalidString("shellid")
			return
		}
		r.ShellID = s
	case prefixOf("pssnapin", name):
		s, ok := val.(string)
		if !ok {
			invalidString("pssnapin")
			return
		}
		r.PSSnapin = s
	case prefixOf("psedition", name):
		for _, v := range strs() {
			s, ok := v.(string)
			if !ok {
				invalidString("psedition")
				continue
			}
			if !strings.EqualFold(s, "Core") && !strings.EqualFold(s, "Desktop") {
				p.errorf(arg.Span(), false, "RequiresPSEditionInvalid", "The argument for the psedition parameter is not valid. Specify a valid PowerShell edition.")
			}
			r.Editions = append(r.Editions, s)
		}
	case prefixOf("version", name):
		text, ok := val.(string)
		if !ok {
			text = arg.Span().Text()
		}
		v, ok := normalizeVersion(text)
		if !ok {
			p.errorf(arg.Span(), false, "RequiresVersionInvalid", "The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.")
			return
		}
		r.Version = v
	case prefixOf("assembly", name):
		for _, v := range strs() {
			s, ok := v.(string)
			if !ok {
				invalidString("assembly")
				continue
			}
			r.Assemblies = append(r.Assemblies, s)
		}
	case prefixOf("modules", name):
		for _, v := range strs() {
			switch m := v.(type) {
			case string:
				r.Modules = append(r.Modules, syntax.ModuleSpec{Name: m})
			case map[string]string:
				spec := syntax.ModuleSpec{Name: m["modulename"], Version: m["moduleversion"], RequiredVersion: m["requiredversion"], MaximumVersion: m["maximumversion"]}
				if spec.Name == "" {
					p.errorf(arg.Span(), false, "RequiresModuleInvalid", "The argument for the Module parameter is not valid. Cannot convert value \"System.Collections.Hashtable\" to type \"Microsoft.PowerShell.Commands.ModuleSpecification\". Error: \"The 'ModuleName' member does not exist in the hashtable that describes this module.\"")
					return
				}
				r.Modules = append(r.Modules, spec)
			default:
				p.errorf(arg.Span(), false, "RequiresModuleInvalid", "The argument for the Module parameter is not valid. Cannot convert the \""+arg.Span().Text()+"\" value to type \"Microsoft.PowerShell.Commands.ModuleSpecification\".")
				return
			}
		}
	default:
		p.errorf(prm.Ext, false, "ScriptRequiresInvalidFormat", requiresFormat)
	}
}

// requiresConstant evaluates a constant #requires argument: a string, a
// number (kept as its text), an array of those, or a hashtable of them
// (returned with lower-case keys).
func requiresConstant(e syntax.Expr) (any, bool) {
	switch x := e.(type) {
	case *syntax.StringConstExpr:
		return x.Value, true
	case *syntax.ConstantExpr:
		return x.Ext.Text(), true
	case *syntax.ArrayLiteralExpr:
		out := make([]any, 0, len(x.Elements))
		for _, el := range x.Elements {
			v, ok := requiresConstant(el)
			if !ok {
				return nil, false
			}
			out = append(out, v)
		}
		return out, true
	case *syntax.ParenExpr:
		if pl, ok := x.Stmt.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok && len(ce.Redirections) == 0 {
				return requiresConstant(ce.Expr)
			}
		}
	case *syntax.ArrayExpr:
		if x.Body == nil || len(x.Body.Statements) != 1 {
			return nil, false
		}
		if pl, ok := x.Body.Statements[0].(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok && len(ce.Redirections) == 0 {
				v, ok := requiresConstant(ce.Expr)
				if _, isList := v.([]any); ok && !isList {
					v = []any{v}
				}
				return v, ok
			}
		}
	case *syntax.HashtableExpr:
		m := map[string]string{}
		for _, kv := range x.Pairs {
			k, ok := requiresConstant(kv.Key)
			ks, isStr := k.(string)
			if !ok || !isStr {
				return nil, false
			}
			pl, ok := kv.Value.(*syntax.Pipeline)
			if !ok || len(pl.Elements) != 1 {
				return nil, false
			}
			ce, ok := pl.Elements[0].(*syntax.CommandExprElement)
			if !ok {
				return nil, false
			}
			v, ok := requiresConstant(ce.Expr)
			vs, isStr := v.(string)
			if !ok || !isStr {
				return nil, false
			}
			m[strings.ToLower(ks)] = vs
		}
		return m, true
	}
	return nil, false
}

// normalizeVersion checks a major.minor[.build[.revision]] version; a lone
// major number means major.0.
func normalizeVersion(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return "", false
	}
	for _, part := range parts {
		if part == "" || len(part) > 9 {
			return "", false
		}
		for _, c := range part {
			if c < '0' || c > '9' {
				return "", false
			}
		}
	}
	if len(parts) == 1 {
		s += ".0"
	}
	return s, true
}
