// Package lint checks PowerShell runbooks without running them: it parses
// each script, resolves every command name against the session's command
// declarations and binds every argument whose value is written literally,
// with the binder's own rules (package runtime). It is pure: a syntax tree
// and a command lookup go in, findings come out; no tenant is involved.
//
// Anything that depends on a value known only at run time (a variable, a
// splatted hashtable, a subexpression, pipeline input) is never reported.
package lint

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// Severity says how serious a finding is.
type Severity int

// Severities.
const (
	// Warning is a likely problem that does not stop the script, or a
	// command the linter cannot see (a function defined elsewhere).
	Warning Severity = iota
	// Error is a problem PowerShell would report when the line runs.
	Error
	// Info is a note shown only in strict mode: the command is real, but
	// the simulator does not model it.
	Info
)

// String returns "warning", "error" or "info".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Info:
		return "info"
	}
	return "warning"
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Rule names identify the kind of a finding (the "rule" field of JSON
// output).
const (
	RuleParse                = "parse-error"
	RuleUnknownCommand       = "unknown-command"
	RuleRetired              = "retired-cmdlet"
	RuleDeprecated           = "deprecated-cmdlet"
	RuleOnPremOnly           = "on-premises-only"
	RuleUnknownParameter     = "unknown-parameter"
	RuleRemainingArgument    = "remaining-argument"
	RuleAmbiguousParameter   = "ambiguous-parameter"
	RuleDuplicateParameter   = "duplicate-parameter"
	RuleMissingArgument      = "missing-argument"
	RuleArgumentType         = "argument-type"
	RuleSwitchValue          = "switch-value"
	RuleParameterSet         = "parameter-set"
	RulePositional           = "extra-positional"
	RuleMissingMandatory     = "missing-mandatory"
	RuleNotSimulated         = "not-simulated"
	RuleModuleCommand        = "module-command"
	RuleUndeclaredModule     = "undeclared-module"
	RuleWindowsPowerShell    = "windows-powershell-only"
	RuleWindowsOnlyCommand   = "windows-only-command"
	RuleWindowsOnlyParameter = "windows-only-parameter"
	RuleInternal             = "internal-error"
)

// Finding is one problem found in a script.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Rule     string   `json:"rule"`
}

// String formats the finding as file:line:col: severity: message.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Severity, f.Message)
}

// Commands is what the linter needs from a session: its command
// declarations. *runtime.Runtime satisfies it.
type Commands interface {
	// LookupCommand finds a command by name or alias.
	LookupCommand(name string) (*command.Command, bool)
	// Commands lists every known command.
	Commands() []*command.Command
	// ConvertArgument converts a value to a parameter's type with the
	// binder's rules, returning the binder's error when it cannot.
	ConvertArgument(cmd *command.Command, p *params.Param, v any) (any, error)
}

// OnPremises is what a Commands may also tell: the commands and
// parameters that exist only in on-premises Exchange, which the linter
// names as such instead of as unknown.
type OnPremises interface {
	// OnPremisesCommand reports whether a command exists only
	// on-premises, with its name as spelt there.
	OnPremisesCommand(name string) (string, bool)
	// OnPremisesParams lists the parameters of a command that exist only
	// on-premises.
	OnPremisesParams(cmd *command.Command) []string
}

// ModuleShapes is what a Commands may also tell: that a name it does not
// declare has the shape of a command of a module the session has only part
// of (Microsoft Graph: Get-MgBetaUser), so it is that module's command,
// not an unknown one.
type ModuleShapes interface {
	// ModuleCommand returns the module a command name belongs to by its
	// shape.
	ModuleCommand(name string) (module string, ok bool)
}

// Deprecations is what a Commands may also tell: cmdlets the service
// deprecated and its reference no longer lists, which old runbooks call.
type Deprecations interface {
	// DeprecatedCommand returns a deprecated cmdlet's name as spelt and
	// what to use instead.
	DeprecatedCommand(name string) (canonical, instead string, ok bool)
}

// Options configure a Linter.
type Options struct {
	// Commands resolves command names; required.
	Commands Commands
	// Strict turns every warning into an error and shows the notes
	// (Info findings).
	Strict bool
	// ReadFile reads a script the linted one dot-sources (to learn the
	// functions it defines); nil reads nothing.
	ReadFile func(path string) (string, error)
}

// Linter checks scripts against one set of command declarations.
type Linter struct {
	opts Options
	// names are the lower-case names of the known commands that do not
	// come from PowerShell's own modules.
	names []string
	// nouns are the lower-case nouns of the known commands that do not
	// come from PowerShell's own modules (Exchange, Graph, simulator).
	nouns map[string]bool
}

// New returns a linter over the given commands.
func New(o Options) *Linter {
	l := &Linter{opts: o, nouns: map[string]bool{}}
	if o.Commands != nil {
		all := o.Commands.Commands()
		// a misspelling is judged against the service's module (whose
		// cmdlets come from a remote session) and the simulator's own
		// cmdlets, not against other modules (Microsoft Graph ...), whose
		// real cmdlets exosim only partly has
		service := map[string]bool{}
		for _, c := range all {
			if c.Remote {
				service[c.Module] = true
			}
		}
		for _, c := range all {
			if c.Verb() == "" || c.Module == "" || strings.HasPrefix(c.Module, "Microsoft.PowerShell") ||
				!service[c.Module] && !strings.HasPrefix(c.Noun(), "Sim") {
				continue
			}
			l.names = append(l.names, strings.ToLower(c.Name))
			l.nouns[strings.ToLower(c.Noun())] = true
		}
	}
	sort.Strings(l.names)
	return l
}

// Text parses and checks one script. file names the script in findings.
func (l *Linter) Text(file, text string) []Finding {
	return l.Source(syntax.NewSource(file, text))
}

// Source parses and checks one script.
func (l *Linter) Source(src *syntax.Source) (out []Finding) {
	c := &checker{l: l, file: src.Path}
	defer func() {
		if r := recover(); r != nil {
			c.findings = append(c.findings, Finding{File: src.Path, Line: 1, Column: 1, Severity: Error, Rule: RuleInternal,
				Message: fmt.Sprintf("internal error in the linter: %v", r)})
			out = c.result()
		}
	}()
	sb, errs := parser.Parse(src)
	if len(errs) > 0 {
		for _, e := range errs {
			c.add(e.Ext, Error, RuleParse, e.Message)
		}
		return c.result()
	}
	if sb == nil {
		return nil
	}
	c.check(sb)
	return c.result()
}

// checker holds the state of one script's check.
type checker struct {
	l        *Linter
	file     string
	findings []Finding
	// defined are the lower-case names of functions and aliases the script
	// defines.
	defined map[string]bool
	// piped marks commands that receive pipeline input.
	piped map[*syntax.CommandExpr]bool
	// importsSession is set when the script works in an on-premises
	// Exchange shell (Import-PSSession, the Exchange Management Shell's
	// RemoteExchange.ps1 or snap-in, Connect-ExchangeServer): on-premises
	// cmdlets are expected there.
	importsSession bool
	// modules are the gallery modules the script declares, with where.
	modules map[*galleryModule]syntax.Extent
	// connected marks the modules declared only by their Connect- command
	// so far: a declaration by name, anywhere, is the better one to cite.
	connected map[*galleryModule]bool
	// otherModules are the modules it loads that the linter does not know.
	otherModules []string
	// undeclared gathers the commands named like a known module's that
	// the script calls without declaring the module: one finding each.
	undeclared []*undeclaredUse
	// unread is where the script dot-sources a file the linter cannot
	// read (nil when every one was read).
	unread *syntax.Extent
	// text marks script blocks passed to a string parameter (an OPATH
	// -Filter {...}): their text is the value, they are not code.
	text map[*syntax.ScriptBlockExpr]bool
	// sourced are the dot-sourced files already read.
	sourced map[string]bool
}

func (c *checker) add(ext syntax.Extent, sev Severity, rule, msg string) {
	if sev == Info && !c.l.opts.Strict {
		return
	}
	if sev == Warning && c.l.opts.Strict {
		sev = Error
	}
	line, col := ext.Start.Line, ext.Start.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	msg = strings.ReplaceAll(strings.TrimRight(msg, " \r\n"), "\r", "")
	msg = strings.ReplaceAll(msg, "\n", " ")
	c.findings = append(c.findings, Finding{File: c.file, Line: line, Column: col, Severity: sev, Rule: rule, Message: msg})
}

func (c *checker) result() []Finding {
	sort.SliceStable(c.findings, func(i, j int) bool {
		a, b := c.findings[i], c.findings[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return c.findings
}

func (c *checker) check(sb *syntax.ScriptBlock) {
	c.defined = map[string]bool{}
	c.piped = map[*syntax.CommandExpr]bool{}
	c.text = map[*syntax.ScriptBlockExpr]bool{}
	c.sourced = map[string]bool{}
	c.modules = map[*galleryModule]syntax.Extent{}
	c.connected = map[*galleryModule]bool{}
	c.requires(sb)
	var cmds []*syntax.CommandExpr
	syntax.Inspect(sb, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.ScriptBlockExpr:
			if c.text[x] {
				return false
			}
		case *syntax.FunctionDef:
			c.defined[strings.ToLower(unscoped(x.Name))] = true
		case *syntax.Pipeline:
			for i, el := range x.Elements {
				if ce, ok := el.(*syntax.CommandExpr); ok && i > 0 {
					c.piped[ce] = true
				}
			}
		case *syntax.CommandExpr:
			if x.InvocationOp == "." {
				c.dotSource(x, c.file)
			}
			cmds = append(cmds, x)
			c.noteTextBlocks(x)
			c.noteAlias(x)
			c.noteModules(x)
		}
		return true
	})
	for _, ce := range cmds {
		c.command(ce)
		c.mockedCommand(ce)
	}
	c.reportUndeclared()
}

// unscoped strips a scope qualifier (global:, script:, function:).
func unscoped(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// noteAlias records the alias a literal Set-Alias / New-Alias defines.
func (c *checker) noteAlias(ce *syntax.CommandExpr) {
	name := commandName(ce)
	if !strings.EqualFold(name, "Set-Alias") && !strings.EqualFold(name, "New-Alias") && !strings.EqualFold(name, "sal") && !strings.EqualFold(name, "nal") {
		return
	}
	els := ce.Elements[1:]
	for i := 0; i < len(els); i++ {
		switch x := els[i].(type) {
		case *syntax.CommandParameter:
			if strings.HasPrefix("name", strings.ToLower(x.Name)) && x.Name != "" {
				if x.Arg != nil {
					if s, ok := x.Arg.(*syntax.StringConstExpr); ok {
						c.defined[strings.ToLower(s.Value)] = true
					}
				} else if i+1 < len(els) {
					if s, ok := els[i+1].(*syntax.StringConstExpr); ok {
						c.defined[strings.ToLower(s.Value)] = true
					}
				}
				return
			}
			if x.Arg == nil {
				i++ // skip the value of another parameter
			}
		case *syntax.StringConstExpr:
			c.defined[strings.ToLower(x.Value)] = true
			return
		default:
			return
		}
	}
}

// commandName returns the literal command name of an invocation, or "".
func commandName(ce *syntax.CommandExpr) string {
	if len(ce.Elements) == 0 {
		return ""
	}
	if s, ok := ce.Elements[0].(*syntax.StringConstExpr); ok {
		return s.Value
	}
	return ""
}

// command checks one command invocation.
func (c *checker) command(ce *syntax.CommandExpr) {
	name := commandName(ce)
	if name == "" {
		return // & $scriptBlock, & (Get-Command ...): decided at run time
	}
	head := ce.Elements[0].Span()
	if strings.ContainsAny(name, `/\`) || strings.Contains(name, ".") {
		return // a script file, an executable or a module-qualified name
	}
	if c.defined[strings.ToLower(name)] {
		return
	}
	cmd, ok := c.l.opts.Commands.LookupCommand(name)
	if !ok {
		if op, isOP := c.l.opts.Commands.(OnPremises); isOP {
			if n, only := op.OnPremisesCommand(name); only {
				if !c.importsSession {
					c.add(head, Error, RuleOnPremOnly, fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program. %s exists only in on-premises Exchange (Exchange Server), not in Exchange Online.", name, n))
				}
				return
			}
		}
		c.unknown(name, head)
		return
	}
	if decl.OnPremOnly(cmd) && !c.importsSession {
		c.add(head, Error, RuleOnPremOnly, fmt.Sprintf("The cmdlet '%s' is available only in on-premises Exchange; it does not exist in Exchange Online.", cmd.Name))
		return
	}
	if cmd.Retired != "" {
		msg := fmt.Sprintf("The cmdlet '%s' is retired in Exchange Online.", cmd.Name)
		if r := strings.TrimSpace(cmd.Retired); r != "" {
			if !strings.HasSuffix(r, ".") {
				r += "."
			}
			msg += " " + r
		}
		c.add(head, Error, RuleRetired, msg)
		return
	}
	if cmd.NotSimulated {
		c.add(head, Info, RuleNotSimulated, fmt.Sprintf("%s is a real cmdlet that exosim does not simulate: in exosim the call binds, then fails with CmdletNotSimulated.", cmd.Name))
		if paramsUndeclared(cmd) {
			return
		}
	}
	c.bind(ce, cmd)
}

// paramsUndeclared tells a command known only by name (a module command
// exosim does not simulate): its one hidden parameter takes whatever a
// call passes, so there is nothing to check the call against.
func paramsUndeclared(cmd *command.Command) bool {
	return len(cmd.Params) == 1 && cmd.Params[0].Remaining && cmd.Params[0].DontShow
}

// unknown reports a command name that resolves to nothing. In order: a
// command only Windows has (a warning); one of PowerShell's own cmdlets
// (a note); a command of a module the session
// has part of, by its shape (a note); a near miss of an Exchange cmdlet (an
// error: the script would stop there); a command of a module the script
// declares, by its noun prefix (a note); a command named like a known
// module's whose module the script does not declare (one warning per
// module); anything else (a warning: a function from elsewhere).
func (c *checker) unknown(name string, ext syntax.Extent) {
	msg := fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.", name)
	if n, mod, ok := windowsOnlyCommand(name); ok {
		c.add(ext, Warning, RuleWindowsOnlyCommand, fmt.Sprintf("%s %s is a command of the %s module, which only Windows has: exosim, like PowerShell on Linux, does not recognize it.", msg, n, mod))
		return
	}
	if n, ok := powerShellCmdlet(name); ok {
		c.add(ext, Info, RuleNotSimulated, fmt.Sprintf("%s is a PowerShell 7 cmdlet that exosim does not simulate.", n))
		return
	}
	if n, ok := windowsPowerShellCmdlet(name); ok {
		c.add(ext, Warning, RuleWindowsPowerShell, fmt.Sprintf("%s %s is a Windows PowerShell 5.1 cmdlet that PowerShell 7 does not have.", msg, n))
		return
	}
	if ms, ok := c.l.opts.Commands.(ModuleShapes); ok {
		if mod, isMod := ms.ModuleCommand(name); isMod {
			c.add(ext, Info, RuleModuleCommand, fmt.Sprintf("%s is a command of the %s module that exosim does not simulate; lint does not check its parameters.", name, mod))
			return
		}
	}
	if d, isD := c.l.opts.Commands.(Deprecations); isD {
		if n, instead, dep := d.DeprecatedCommand(name); dep {
			c.add(ext, Warning, RuleDeprecated, fmt.Sprintf("%s %s is a deprecated cmdlet that the reference no longer lists; use %s.", msg, n, instead))
			return
		}
	}
	if c.l.exchangeLooking(name) {
		c.add(ext, Error, RuleUnknownCommand, msg)
		return
	}
	if m := galleryModuleShaped(name); m != nil && m.implicit {
		c.add(ext, Info, RuleModuleCommand, fmt.Sprintf("%s is taken as a command of the %s module (%s); lint does not check it.", name, m.name, m.note))
		return
	}
	if m, at := c.declaredOwner(name); m != nil {
		c.add(ext, Info, RuleModuleCommand, fmt.Sprintf("%s is taken as a command of the %s module, which this script loads (line %d); lint does not know that module's commands, so it does not check it.", name, m.name, at.Start.Line))
		return
	}
	if strings.HasPrefix(name, "<") {
		c.add(ext, Error, RuleUnknownCommand, msg+" A placeholder such as <Path> left in the script is run as a command.")
		return
	}
	if c.undeclaredName(name) {
		return // told once with its module
	}
	if m := galleryModuleShaped(name); m != nil {
		c.noteUndeclared(m, name, ext)
		return
	}
	msg += " It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first."
	if len(c.otherModules) > 0 {
		msg += fmt.Sprintf(" It may come from %s, which the script loads and lint does not know.", joinAnd(c.otherModules))
	}
	if c.unread != nil {
		msg += fmt.Sprintf(" It may be defined by the script dot-sourced on line %d, which lint cannot read.", c.unread.Start.Line)
	}
	c.add(ext, Warning, RuleUnknownCommand, msg)
}

// modulePrefixes are noun prefixes that mark a module's commands: the
// Exchange Online V3 REST cmdlets (Get-EXOMailbox) and the simulator
// (Get-SimClock). Another module's prefix (Microsoft Graph's Mg) is no
// sign of a mistake: exosim has only some of that module's cmdlets.
var modulePrefixes = []string{"EXO", "Sim"}

// exchangeLooking reports whether an unknown name is meant as one of the
// service's cmdlets or the simulator's (not another module's, nor
// PowerShell's own, of which the simulator has only a part): a near miss of such a
// cmdlet's name, the noun of one with another verb, or a noun with a
// module prefix. Anything else is probably a function or program defined
// elsewhere.
func (l *Linter) exchangeLooking(name string) bool {
	i := strings.IndexByte(name, '-')
	if i <= 0 || i == len(name)-1 {
		return false
	}
	noun := name[i+1:]
	// a name with another module's prefix is that module's command, never
	// a misspelt Exchange cmdlet (Get-MgServicePrincipal is not
	// Get-ServicePrincipal, Get-ADGroup is not Get-Group)
	if galleryModuleShaped(name) != nil {
		return false
	}
	if l.nouns[strings.ToLower(noun)] {
		return true
	}
	for _, p := range modulePrefixes {
		if len(noun) > len(p) && strings.HasPrefix(noun, p) && noun[len(p)] >= 'A' && noun[len(p)] <= 'Z' {
			return true
		}
	}
	lname := strings.ToLower(name)
	// two edits are a typo only in a long noun: with every cloud cmdlet
	// known, a short one is two edits away from many real names of other
	// modules (Get-ADUser and Get-User)
	limit := 1
	if len(noun) >= 10 {
		limit = 2
	}
	for _, k := range l.names {
		if abs(len(k)-len(lname)) <= limit && editDistance(k, lname, limit) <= limit {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance of a and b (bytes), stopping
// early once it exceeds limit.
func editDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// noteFilterBlocks marks the script block given to -Filter of a command
// the linter has no declaration of (Get-MgGroup -Filter {securityEnabled
// eq true}, Get-ADUser -Filter {Name -like 'a*'}): the modules that name a
// parameter Filter take a filter in their own language as text, and
// PowerShell binds a script block there as its text, so its body is not
// code to check.
func (c *checker) noteFilterBlocks(ce *syntax.CommandExpr) {
	els := ce.Elements[1:]
	for i, el := range els {
		p, isParam := el.(*syntax.CommandParameter)
		if !isParam || !strings.EqualFold(p.Name, "Filter") {
			continue
		}
		arg := p.Arg
		if arg == nil && i+1 < len(els) {
			arg, _ = els[i+1].(syntax.Expr)
		}
		if sb, isBlock := arg.(*syntax.ScriptBlockExpr); isBlock {
			c.text[sb] = true
		}
	}
}

// noteTextBlocks marks the script blocks an invocation passes to string
// parameters (Get-Mailbox -Filter {...}): PowerShell binds their text, so
// what they hold is not code to check.
func (c *checker) noteTextBlocks(ce *syntax.CommandExpr) {
	name := commandName(ce)
	if name == "" || c.defined[strings.ToLower(name)] {
		return
	}
	cmd, ok := c.l.opts.Commands.LookupCommand(name)
	if !ok {
		c.noteFilterBlocks(ce)
		return
	}
	els := ce.Elements[1:]
	for i, el := range els {
		p, isParam := el.(*syntax.CommandParameter)
		if !isParam {
			continue
		}
		arg := p.Arg
		if arg == nil && i+1 < len(els) {
			arg, _ = els[i+1].(syntax.Expr)
		}
		sb, isBlock := arg.(*syntax.ScriptBlockExpr)
		if !isBlock {
			continue
		}
		matches, ok := command.MatchParameter(cmd, p.Name)
		if !ok || matches[0].Param == nil || matches[0].Param.Type == nil {
			continue
		}
		switch matches[0].Param.Type.Kind {
		case params.KindString, params.KindEnum:
			c.text[sb] = true
		}
	}
}
