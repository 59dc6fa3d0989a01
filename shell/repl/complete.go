package repl

import (
	"sort"
	"strings"
	"unicode"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// Completer completes command lines from the command declarations: command
// names and aliases, parameter names of the parameter sets still possible,
// parameter values (enum values, $true/$false, and what the argument
// completers the application registered offer), variables, members,
// paths, and property names after Format-List, Format-Table,
// Select-Object, Sort-Object, Where-Object and Group-Object.
type Completer struct {
	RT *runtime.Runtime
	// Properties returns the names of the properties a command's output
	// objects have; nil means OutputProperties.
	Properties func(cmd *command.Command) []string
	// Topics lists the conceptual help topics (about_...) offered after
	// Get-Help.
	Topics func() []string
}

// Complete returns the candidates for the word that ends at pos in line:
// each candidate is the full replacement text (with the opening quote the
// word had, and a closing one), and start is the offset in line (in
// runes) where that word begins. Rows before the last newline of a
// multi-line entry count as earlier statements.
func (c *Completer) Complete(line []rune, pos int) (cands []string, start int) {
	if pos > len(line) {
		pos = len(line)
	}
	text := string(line[:pos])
	if cands, start, ok := c.members(text); ok {
		return cands, start
	}
	ctx := findContext(text)
	cur := ctx.cur
	start = runeOffset(text, ctx.start)
	// Completing an element of a comma list: only the last element.
	if i := strings.LastIndexByte(cur, ','); i >= 0 && !strings.HasPrefix(cur, "-") && !isQuoted(cur) {
		start += len([]rune(cur[:i+1]))
		cur = cur[i+1:]
	}
	switch ctx.kind {
	case ctxItem:
		return c.upstreamProperties(ctx.up, cur), start
	case ctxVariable:
		return c.variables(cur), start
	case ctxCommand:
		if looksLikePath(cur) {
			return c.completePath(cur), start
		}
		return c.commands(cur), start
	case ctxArgument:
	default:
		return nil, start
	}
	if strings.HasPrefix(cur, "$") {
		return c.variables(cur), start
	}
	name, _ := ctx.cmd.Elements[0].(*syntax.StringConstExpr)
	if name == nil {
		return nil, start
	}
	cmd, ok := c.RT.LookupCommand(name.Value)
	if !ok {
		if looksLikePath(cur) {
			return c.completePath(cur), start
		}
		return nil, start
	}
	if strings.HasPrefix(cur, "-") && !strings.Contains(cur, ":") {
		return c.parameters(cmd, ctx.args, cur), start
	}
	return c.values(cmd, ctx.args, cur, ctx.up), start
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// commands lists command names, aliases and functions starting with prefix.
func (c *Completer) commands(prefix string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if hasPrefixFold(n, prefix) && !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	for _, cmd := range c.RT.Commands() {
		add(cmd.Name)
	}
	for key, f := range c.RT.Functions() {
		// Functions complete with the name as they were defined.
		if f != nil && f.Name != "" {
			add(f.Name)
		} else {
			add(key)
		}
	}
	if prefix != "" {
		for alias, target := range c.RT.Aliases() {
			if _, ok := c.RT.LookupCommand(target); ok {
				add(alias)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// variables lists $names starting with the typed prefix.
func (c *Completer) variables(cur string) []string {
	prefix := strings.TrimPrefix(cur, "$")
	var out []string
	seen := map[string]bool{}
	for _, v := range append(c.RT.Scope().Names(), "true", "false", "null") {
		if hasPrefixFold(v, prefix) && !seen[strings.ToLower(v)] {
			seen[strings.ToLower(v)] = true
			out = append(out, "$"+v)
		}
	}
	return out
}

// CommonParameters are the parameters every cmdlet accepts.
var commonParameters = []string{"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
	"ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable"}

// boundParam is a parameter already on the line.
type boundParam struct {
	p     *params.Param
	value bool // its value is inside the same word (-Name:value)
}

// resolveParam finds a declared parameter by name, alias or unique prefix.
func resolveParam(cmd *command.Command, name string) *params.Param {
	var cands []*params.Param
	for _, p := range cmd.Params {
		if strings.EqualFold(p.Name, name) {
			return p
		}
		for _, a := range p.Aliases {
			if strings.EqualFold(a, name) {
				return p
			}
		}
		if hasPrefixFold(p.Name, name) {
			cands = append(cands, p)
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// scan walks the arguments typed so far: the parameters named, the
// positional values given, and the parameter waiting for a value (if the
// last word names a non-switch parameter).
func scan(cmd *command.Command, args []word) (named []boundParam, positional int, pending *params.Param, commonPending bool) {
	for i := 0; i < len(args); i++ {
		w := args[i].text
		if strings.HasPrefix(w, "-") && len(w) > 1 && !args[i].quoted && !isNumber(w) {
			name, hasValue := w[1:], false
			if j := strings.IndexByte(name, ':'); j >= 0 {
				name, hasValue = name[:j], true
			}
			p := resolveParam(cmd, name)
			if p == nil {
				// A common parameter takes a value unless it is a switch.
				if isCommonWithValue(name) && !hasValue {
					if i == len(args)-1 {
						commonPending = true
					}
					i++
				}
				continue
			}
			named = append(named, boundParam{p: p, value: hasValue})
			if !p.IsSwitch() && !hasValue {
				if i == len(args)-1 {
					pending = p
				}
				i++
			}
			continue
		}
		positional++
	}
	return
}

func isCommonWithValue(name string) bool {
	switch strings.ToLower(name) {
	case "erroraction", "ea", "warningaction", "wa", "informationaction", "infa", "progressaction", "proga",
		"errorvariable", "ev", "warningvariable", "wv", "informationvariable", "iv", "outvariable", "ov",
		"outbuffer", "ob", "pipelinevariable", "pv":
		return true
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w[1:] {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// possibleSets returns the parameter sets that contain every parameter
// already named.
func possibleSets(cmd *command.Command, named []boundParam) []string {
	var out []string
	for _, set := range cmd.SetNames() {
		ok := true
		for _, b := range named {
			if _, in := b.p.InSet(set); !in {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, set)
		}
	}
	if len(out) == 0 {
		return cmd.SetNames()
	}
	return out
}

// parameters lists the parameter names valid in the remaining sets.
func (c *Completer) parameters(cmd *command.Command, args []word, cur string) []string {
	named, _, _, _ := scan(cmd, args)
	sets := possibleSets(cmd, named)
	used := map[*params.Param]bool{}
	for _, b := range named {
		used[b.p] = true
	}
	prefix := strings.TrimPrefix(cur, "-")
	var out []string
	for _, p := range cmd.Params {
		if p.DontShow || used[p] || !hasPrefixFold(p.Name, prefix) {
			continue
		}
		for _, s := range sets {
			if _, ok := p.InSet(s); ok {
				out = append(out, "-"+p.Name)
				break
			}
		}
	}
	extra := commonParameters
	if cmd.SupportsShouldProcess {
		extra = append(append([]string(nil), extra...), "WhatIf", "Confirm")
	}
	for _, n := range extra {
		if hasPrefixFold(n, prefix) && cmd.Param(n) == nil {
			out = append(out, "-"+n)
		}
	}
	return out
}

// propertyCommands take property names as their first positional argument
// (and after -Property).
var propertyCommands = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"Format-List": true, "Format-Table": true, "Format-Wide": true, "Select-Object": true,
		"Sort-Object": true, "Where-Object": true, "Group-Object": true, "Measure-Object": true,
	}
}}

// values completes the value of a parameter or a positional argument.
func (c *Completer) values(cmd *command.Command, args []word, cur string, up []syntax.PipelineElement) []string {
	named, positional, pending, commonPending := scan(cmd, args)
	if commonPending {
		return nil
	}
	p := pending
	if strings.HasPrefix(cur, "-") {
		// -Name:value
		j := strings.IndexByte(cur, ':')
		p = resolveParam(cmd, cur[1:j])
		if p == nil {
			return nil
		}
		head := cur[:j+1]
		var out []string
		for _, v := range c.valuesFor(cmd, p, named, cur[j+1:], up) {
			out = append(out, head+v)
		}
		return out
	}
	if p == nil && positional == 0 && len(named) == 0 {
		// The first bare argument of these names what they work on.
		switch cmd.Name {
		case "Get-Command", "Get-Help":
			p = cmd.Param("Name")
		case "Where-Object":
			p = cmd.Param("Property")
		}
	}
	if p == nil {
		p = positionalParam(cmd, named, positional)
	}
	if p == nil {
		return nil
	}
	return c.valuesFor(cmd, p, named, cur, up)
}

// positionalParam is the parameter that takes the n-th positional value
// in the remaining sets.
func positionalParam(cmd *command.Command, named []boundParam, n int) *params.Param {
	used := map[*params.Param]bool{}
	for _, b := range named {
		used[b.p] = true
	}
	for _, set := range possibleSets(cmd, named) {
		var ps []*params.Param
		for _, p := range cmd.Params {
			if si, ok := p.InSet(set); ok && si.Position >= 0 && !used[p] {
				ps = append(ps, p)
			}
		}
		sort.SliceStable(ps, func(i, j int) bool {
			a, _ := ps[i].InSet(set)
			b, _ := ps[j].InSet(set)
			return a.Position < b.Position
		})
		if n < len(ps) {
			return ps[n]
		}
	}
	return nil
}

func (c *Completer) valuesFor(cmd *command.Command, p *params.Param, named []boundParam, cur string, up []syntax.PipelineElement) []string {
	prefix := unquote(cur)
	out := c.rawValuesFor(cmd, p, named, prefix, up)
	if q := openingQuote(cur); q != 0 {
		for i, v := range out {
			out[i] = requote(v, q)
		}
	}
	return out
}

// openingQuote is the quote a typed word starts with (0 for none).
func openingQuote(w string) byte {
	if len(w) > 0 && (w[0] == '\'' || w[0] == '"') {
		return w[0]
	}
	return 0
}

func isQuoted(w string) bool { return openingQuote(w) != 0 }

// requote puts a candidate in the quotes the user opened.
func requote(v string, q byte) string {
	if len(v) > 0 && (v[0] == '\'' || v[0] == '"') {
		v = unquote(v)
		v = strings.ReplaceAll(v, "''", "'")
	}
	if q == '\'' {
		v = strings.ReplaceAll(v, "'", "''")
	}
	return string(q) + v + string(q)
}

func (c *Completer) rawValuesFor(cmd *command.Command, p *params.Param, named []boundParam, prefix string, up []syntax.PipelineElement) []string {
	if propertyCommands.Get()[cmd.Name] && (strings.EqualFold(p.Name, "Property") || strings.EqualFold(p.Name, "ExpandProperty") || strings.EqualFold(p.Name, "GroupBy")) {
		return c.upstreamProperties(up, prefix)
	}
	if (cmd.Name == "Get-Help" || cmd.Name == "Get-Command") && strings.EqualFold(p.Name, "Name") {
		out := c.commands(prefix)
		if cmd.Name == "Get-Help" && c.Topics != nil {
			for _, t := range c.Topics() {
				if hasPrefixFold(t, prefix) {
					out = append(out, t)
				}
			}
		}
		return out
	}
	if isPathParam(p) || looksLikePath(prefix) {
		return c.completePath(prefix)
	}
	t := p.Type
	if t == nil {
		return nil
	}
	var out []string
	switch t.Kind {
	case params.KindEnum:
		for _, v := range t.Values {
			if hasPrefixFold(v, prefix) {
				out = append(out, v)
			}
		}
	case params.KindBool:
		for _, v := range []string{"$true", "$false"} {
			if hasPrefixFold(v, prefix) {
				out = append(out, v)
			}
		}
	default:
		if f := c.RT.ArgumentCompleterFor(p); f != nil {
			var ps []*params.Param
			for _, b := range named {
				ps = append(ps, b.p)
			}
			for _, v := range f(cmd, p, ps, prefix) {
				out = append(out, quoteIfNeeded(v))
			}
		}
	}
	return out
}

// upstreamProperties completes property names of the objects flowing into
// the current pipeline element: those of the command before it (Sort-Object,
// Where-Object ... pass their input on, so the one before them), or of a
// variable's value at the head of the pipeline.
func (c *Completer) upstreamProperties(up []syntax.PipelineElement, prefix string) []string {
	for i := len(up) - 1; i >= 0; i-- {
		switch el := up[i].(type) {
		case *syntax.CommandExprElement:
			v, ok := c.evalNode(el.Expr)
			if !ok {
				return nil
			}
			return filterFold(valueProperties(v, false), prefix)
		case *syntax.CommandExpr:
			if len(el.Elements) == 0 {
				return nil
			}
			name, ok := el.Elements[0].(*syntax.StringConstExpr)
			if !ok {
				return nil
			}
			cmd, ok := c.RT.LookupCommand(name.Value)
			if !ok {
				return nil
			}
			if propertyCommands.Get()[cmd.Name] && cmd.Name != "Select-Object" {
				continue
			}
			return filterFold(c.properties(cmd), prefix)
		}
	}
	return nil
}

func (c *Completer) properties(cmd *command.Command) []string {
	if c.Properties != nil {
		if ps := c.Properties(cmd); len(ps) > 0 {
			return ps
		}
	}
	return OutputProperties(c.RT, cmd)
}

// OutputProperties returns the property names of a command's output
// objects as its declaration and views describe them: the columns and
// items of the views registered for the command's OutputType, in view
// order, without duplicates.
func OutputProperties(rt *runtime.Runtime, cmd *command.Command) []string {
	if cmd.OutputType == "" || rt.Formats == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if p != "" && !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			out = append(out, p)
		}
	}
	types := []string{cmd.OutputType}
	for _, kind := range []format.ViewKind{format.TableView, format.ListView} {
		if v := rt.Formats.Lookup(types, kind, ""); v != nil {
			for _, col := range v.Columns {
				add(col.Property)
			}
			for _, it := range v.Items {
				add(it.Property)
			}
			for _, p := range v.ItemProperties {
				add(p)
			}
		}
	}
	return out
}

func quoteIfNeeded(v string) string {
	if strings.ContainsAny(v, " \t'\"$`(){};,|&") {
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return v
}

func unquote(s string) string {
	if len(s) > 0 && (s[0] == '\'' || s[0] == '"') {
		s = s[1:]
		if len(s) > 0 && (s[len(s)-1] == '\'' || s[len(s)-1] == '"') {
			s = s[:len(s)-1]
		}
	}
	return s
}
