package lint

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// dotSource learns the functions a dot-sourced script defines, when its
// path can be worked out without running anything: a literal path, one
// built on $PSScriptRoot ("$PSScriptRoot\lib.ps1", (Join-Path
// $PSScriptRoot lib.ps1)), or Pester's $PSCommandPath.Replace('.Tests.ps1',
// '.ps1'). Relative paths are taken from the dot-sourcing script's folder.
// The Exchange Management Shell's RemoteExchange.ps1 is known by name: it
// defines Connect-ExchangeServer and makes the script an on-premises one.
// Any other file it cannot read is remembered, so that a command it cannot
// resolve says where it may come from.
func (c *checker) dotSource(ce *syntax.CommandExpr, from string) {
	if len(ce.Elements) == 0 {
		return
	}
	if isRemoteExchange(ce.Elements[0]) {
		c.importsSession = true
		c.defined["connect-exchangeserver"] = true
		return
	}
	if !c.learnFile(ce.Elements[0], from) && c.unread == nil {
		ext := ce.Ext
		c.unread = &ext
	}
}

// isRemoteExchange reports whether a dot-sourced path names the Exchange
// Management Shell's start script, however its folder is written
// ($env:ExchangeInstallPath\bin\RemoteExchange.ps1).
func isRemoteExchange(n syntax.Node) bool {
	t := strings.Trim(strings.TrimSpace(n.Span().Text()), `'"`)
	t = strings.ReplaceAll(t, `\`, "/")
	return strings.EqualFold(t, "RemoteExchange.ps1") || len(t) > len("/RemoteExchange.ps1") &&
		strings.EqualFold(t[len(t)-len("/RemoteExchange.ps1"):], "/RemoteExchange.ps1")
}

// learnFile reads the script a path expression names and learns the
// functions it defines (and those of the scripts it dot-sources). It
// returns false when the path cannot be worked out or the file not read.
func (c *checker) learnFile(n syntax.Node, from string) bool {
	if c.l.opts.ReadFile == nil {
		return true // reading is off: nothing is missed that could be had
	}
	path, ok := staticPath(n, from)
	if !ok {
		return false
	}
	if c.sourced[path] {
		return true
	}
	c.sourced[path] = true
	text, err := c.l.opts.ReadFile(path)
	if err != nil {
		return false
	}
	sb, errs := parser.Parse(syntax.NewSource(path, text))
	if len(errs) > 0 || sb == nil {
		return false
	}
	syntax.Inspect(sb, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.FunctionDef:
			c.defined[strings.ToLower(unscoped(x.Name))] = true
		case *syntax.CommandExpr:
			if x.InvocationOp == "." && len(x.Elements) > 0 {
				c.learnFile(x.Elements[0], path)
			}
		}
		return true
	})
	return true
}

// staticPath works out the full path a path expression names in a script
// at from, when it depends on nothing but the script's own place.
func staticPath(n syntax.Node, from string) (string, bool) {
	dir := filepath.Dir(from)
	// $PSScriptRoot is a full path even when the script was named by a
	// relative one
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	self := filepath.Join(dir, filepath.Base(from))
	var path string
	switch x := n.(type) {
	case *syntax.StringConstExpr:
		path = x.Value
	case *syntax.ExpandableStringExpr:
		for _, part := range x.Parts {
			switch y := part.(type) {
			case *syntax.StringConstExpr:
				path += y.Value
			case *syntax.VariableExpr:
				switch strings.ToLower(y.Name) {
				case "psscriptroot":
					path += dir
				case "pscommandpath":
					path += self
				default:
					return "", false
				}
			default:
				return "", false
			}
		}
	case *syntax.InvokeMemberExpr:
		// $PSCommandPath.Replace('.Tests.ps1', '.ps1'): the script under
		// test beside its Pester file
		v, isVar := x.Target.(*syntax.VariableExpr)
		m, isName := x.Member.(*syntax.StringConstExpr)
		if !isVar || !strings.EqualFold(v.Name, "PSCommandPath") || !isName || !strings.EqualFold(m.Value, "Replace") || len(x.Args) != 2 {
			return "", false
		}
		old, ok1 := x.Args[0].(*syntax.StringConstExpr)
		repl, ok2 := x.Args[1].(*syntax.StringConstExpr)
		if !ok1 || !ok2 || old.Value == "" {
			return "", false
		}
		path = strings.ReplaceAll(self, old.Value, repl.Value)
	case *syntax.ParenExpr:
		// (Join-Path $PSScriptRoot 'lib.ps1')
		pl, ok := x.Stmt.(*syntax.Pipeline)
		if !ok || len(pl.Elements) != 1 {
			return "", false
		}
		ce, ok := pl.Elements[0].(*syntax.CommandExpr)
		if !ok || !strings.EqualFold(commandName(ce), "Join-Path") || len(ce.Elements) != 3 {
			return "", false
		}
		parent, ok1 := staticPath(ce.Elements[1], from)
		child, ok2 := ce.Elements[2].(*syntax.StringConstExpr)
		if !ok1 || !ok2 {
			return "", false
		}
		path = parent + "/" + child.Value
	case *syntax.VariableExpr:
		if strings.EqualFold(x.Name, "PSScriptRoot") {
			path = dir
		} else {
			return "", false
		}
	default:
		return "", false
	}
	path = strings.ReplaceAll(path, `\`, "/")
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	return filepath.Clean(path), true
}

// requires learns the modules a script declares in #requires lines and
// using module statements.
func (c *checker) requires(sb *syntax.ScriptBlock) {
	if r := sb.Requires; r != nil {
		for _, m := range r.Modules {
			c.declare(m.Name, r.Ext)
		}
		if strings.HasPrefix(strings.ToLower(r.PSSnapin), "microsoft.exchange.") {
			c.importsSession = true
		}
	}
	for _, u := range sb.Usings {
		if u.Kind != "module" {
			continue
		}
		if u.Spec != nil {
			for _, kv := range u.Spec.Pairs {
				k, isKey := kv.Key.(*syntax.StringConstExpr)
				if !isKey || !strings.EqualFold(k.Value, "ModuleName") {
					continue
				}
				if v, ok := pipelineString(kv.Value); ok {
					c.declare(v, u.Ext)
				}
			}
			continue
		}
		c.declare(u.Resolved(), u.Ext)
	}
}

// pipelineString returns the string a hashtable value holds when it is a
// literal.
func pipelineString(n syntax.Node) (string, bool) {
	if pl, ok := n.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
		if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok {
			n = ce.Expr
		}
	}
	if s, ok := n.(*syntax.StringConstExpr); ok {
		return s.Value, true
	}
	return "", false
}

// declare records a module the script says it uses.
func (c *checker) declare(name string, at syntax.Extent) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if m := galleryModuleNamed(name); m != nil {
		if _, seen := c.modules[m]; !seen || c.connected[m] {
			c.modules[m] = at
			delete(c.connected, m)
		}
		return
	}
	lower := strings.ToLower(name)
	if lower == "exchangeonlinemanagement" || strings.HasPrefix(lower, "microsoft.powershell.") || strings.ContainsAny(name, `/\`) {
		return // known already, or a file (its functions are read when it can be)
	}
	if strings.HasPrefix(lower, "microsoft.exchange.") {
		c.importsSession = true // the on-premises snap-in
		return
	}
	for _, o := range c.otherModules {
		if strings.EqualFold(o, name) {
			return
		}
	}
	c.otherModules = append(c.otherModules, name)
}

// noteModules learns what one command says about the modules the script
// uses: Import-Module, Install-Module and their kin name them (a module
// file's functions are read), a module's Connect- command declares it,
// and Import-PSSession, the Exchange snap-in and Connect-ExchangeServer
// make the script an on-premises one.
func (c *checker) noteModules(ce *syntax.CommandExpr) {
	name := commandName(ce)
	switch strings.ToLower(name) {
	case "":
		return
	case "import-pssession", "connect-exchangeserver":
		c.importsSession = true
		return
	case "import-module", "ipmo", "install-module", "install-psresource", "add-pssnapin":
	default:
		if m := galleryModuleConnecting(name); m != nil {
			if _, seen := c.modules[m]; !seen {
				c.modules[m] = ce.Ext
				c.connected[m] = true
			}
		}
		return
	}
	for _, n := range moduleArgs(ce) {
		if s, ok := n.(*syntax.StringConstExpr); ok && !strings.ContainsAny(s.Value, `/\`) && !strings.HasSuffix(strings.ToLower(s.Value), ".psm1") {
			c.declare(s.Value, ce.Ext)
			continue
		}
		// a module file: learn its functions when its path is plain
		if !c.learnFile(n, c.file) {
			c.otherModules = append(c.otherModules, n.Span().Text())
		}
	}
}

// moduleArgs returns the module names or paths a module command is given:
// its leading positional arguments and the value of -Name, each element of
// a list on its own.
func moduleArgs(ce *syntax.CommandExpr) []syntax.Node {
	var out []syntax.Node
	add := func(n syntax.Node) {
		if arr, ok := n.(*syntax.ArrayLiteralExpr); ok {
			for _, e := range arr.Elements {
				out = append(out, e)
			}
			return
		}
		out = append(out, n)
	}
	els := ce.Elements[1:]
	named := false
	for i := 0; i < len(els); i++ {
		p, isParam := els[i].(*syntax.CommandParameter)
		if !isParam {
			if !named {
				add(els[i])
			}
			continue
		}
		named = true
		if p.Name == "" || !strings.HasPrefix("name", strings.ToLower(p.Name)) {
			continue
		}
		if p.Arg != nil {
			add(p.Arg)
		} else if i+1 < len(els) {
			if _, next := els[i+1].(*syntax.CommandParameter); !next {
				add(els[i+1])
				i++
			}
		}
	}
	return out
}

// declaredOwner returns the declared module whose noun prefix a command
// name has, with where the script declares it.
func (c *checker) declaredOwner(name string) (*galleryModule, syntax.Extent) {
	var best *galleryModule
	var at syntax.Extent
	for m, ext := range c.modules {
		if m.owns(name, false) && (best == nil || m.name < best.name) {
			best, at = m, ext
		}
	}
	return best, at
}

// undeclaredUse is the commands named like one module's that a script
// calls without declaring the module.
type undeclaredUse struct {
	module *galleryModule
	first  syntax.Extent
	names  []string
}

// undeclaredName reports whether a name (in any case) is among those
// already gathered for an undeclared module.
func (c *checker) undeclaredName(name string) bool {
	for _, u := range c.undeclared {
		for _, n := range u.names {
			if strings.EqualFold(n, name) {
				return true
			}
		}
	}
	return false
}

func (c *checker) noteUndeclared(m *galleryModule, name string, ext syntax.Extent) {
	for _, u := range c.undeclared {
		if u.module != m {
			continue
		}
		for _, n := range u.names {
			if strings.EqualFold(n, name) {
				return
			}
		}
		u.names = append(u.names, name)
		return
	}
	c.undeclared = append(c.undeclared, &undeclaredUse{module: m, first: ext, names: []string{name}})
}

// reportUndeclared gives one warning per module whose commands the script
// calls without declaring it, at the first call.
func (c *checker) reportUndeclared() {
	for _, u := range c.undeclared {
		m := u.module
		how := "#Requires -Modules " + m.name + " or Import-Module " + m.name
		if m.connect != "" {
			how = "#Requires -Modules " + m.name + ", Import-Module " + m.name + " or " + m.connect
		}
		quoted := make([]string, len(u.names))
		for i, n := range u.names {
			quoted[i] = "'" + n + "'"
		}
		verb, come := "is not defined in this script; by its name it is a command", "it comes"
		if len(u.names) > 1 {
			verb, come = "are not defined in this script; by their names they are commands", "they come"
		}
		c.add(u.first, Warning, RuleUndeclaredModule, fmt.Sprintf("%s %s of the %s module, which the script does not declare. Declare the module (%s) so that lint knows where %s from.", joinAnd(quoted), verb, m.name, how, come))
	}
}

// joinAnd joins names as "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
