package repl

import (
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// ctxKind is what the word at the cursor is, as the syntax tree of the
// text before the cursor says.
type ctxKind int

const (
	ctxNone     ctxKind = iota
	ctxCommand          // a command name (first word of a pipeline element)
	ctxArgument         // a parameter name or value of a command
	ctxVariable         // a $variable outside a command's arguments
	ctxItem             // a member after $_. / $PSItem. in a script block
)

// compContext is the completion context at the cursor.
type compContext struct {
	kind ctxKind
	// cur is the typed part of the word being completed; start is where
	// it begins (in bytes of the text).
	cur   string
	start int
	// cmd is the command whose argument is completed (ctxArgument), args
	// its elements before the current word.
	cmd  *syntax.CommandExpr
	args []word
	// up are the pipeline elements before the current one (they feed it).
	up []syntax.PipelineElement
}

// word is one command element as typed.
type word struct {
	text   string
	quoted bool
}

// findContext parses the text before the cursor (the parser recovers from
// unfinished input: an open string, block or pipe) and finds the node the
// cursor ends: a command's first word, one of its arguments, a variable,
// or a member of $_ in a script block.
func findContext(text string) compContext {
	end := len(text)
	if t := strings.TrimRight(text, " \t\r\n"); t == "" || strings.ContainsAny(t[len(t)-1:], "|;{(=") {
		return compContext{kind: ctxCommand, start: end}
	}
	sb, _ := parser.Parse(syntax.NewSource("", text))
	if sb == nil {
		return compContext{}
	}
	trimmed := len(strings.TrimRight(text, " \t\r\n"))
	blank := trimmed < end
	// The nodes covering the cursor, outermost first; for a cursor after
	// blanks, the nodes ending where the blanks start.
	at := end
	if blank {
		at = trimmed
	}
	var chain []syntax.Node
	syntax.Inspect(sb, func(n syntax.Node) bool {
		e := n.Span()
		if e.Start.Offset <= at && e.End.Offset >= at && e.Start.Offset <= e.End.Offset && e.End.Offset <= end {
			chain = append(chain, n)
			return true
		}
		return false
	})
	// The deepest command whose elements reach the cursor.
	var cmd *syntax.CommandExpr
	cmdAt := -1
	for i := len(chain) - 1; i >= 0; i-- {
		if c, ok := chain[i].(*syntax.CommandExpr); ok && c.Ext.End.Offset == at && len(c.Elements) > 0 {
			cmd, cmdAt = c, i
			break
		}
		if _, ok := chain[i].(*syntax.ScriptBlockExpr); ok {
			break
		}
	}
	if blank {
		// A new row starts a new statement; blanks after a command's
		// elements start its next argument; blanks after | ; { ( = start
		// a command.
		if strings.ContainsRune(text[at:], '\n') || at == 0 || strings.ContainsAny(text[at-1:at], "|;{(=") {
			return compContext{kind: ctxCommand, start: end}
		}
		if cmd != nil {
			return compContext{kind: ctxArgument, start: end, cmd: cmd, args: words(cmd.Elements[1:]), up: upstreamOf(chain, cmdAt)}
		}
		return compContext{}
	}
	if len(chain) == 0 {
		return compContext{}
	}
	if cmd != nil {
		for i, el := range cmd.Elements {
			e := el.Span()
			if e.End.Offset != end || e.Start.Offset > end {
				continue
			}
			c := compContext{cur: text[e.Start.Offset:end], start: e.Start.Offset, cmd: cmd, up: upstreamOf(chain, cmdAt)}
			if i == 0 {
				c.kind = ctxCommand
				return c
			}
			c.kind = ctxArgument
			c.args = words(cmd.Elements[1:i])
			return c
		}
	}
	leaf := chain[len(chain)-1]
	if s, ok := leaf.(*syntax.StringConstExpr); ok && len(chain) >= 2 {
		if m, ok := chain[len(chain)-2].(*syntax.MemberExpr); ok && m.Member == syntax.Expr(s) {
			if v, ok := m.Target.(*syntax.VariableExpr); ok && (v.Name == "_" || strings.EqualFold(v.Name, "PSItem")) && s.Ext.Start.Offset <= end && s.Ext.End.Offset == end {
				return compContext{kind: ctxItem, cur: text[s.Ext.Start.Offset:end], start: s.Ext.Start.Offset, up: scriptBlockInput(chain)}
			}
		}
	}
	if v, ok := leaf.(*syntax.VariableExpr); ok && v.Ext.End.Offset == end && v.Ext.Start.Offset <= end {
		return compContext{kind: ctxVariable, cur: text[v.Ext.Start.Offset:end], start: v.Ext.Start.Offset}
	}
	return compContext{}
}

// words turns command elements into the words the parameter scan reads:
// -Name (or -Name:value) for parameters, the source text for the rest.
func words(els []syntax.Node) []word {
	var out []word
	for _, el := range els {
		switch x := el.(type) {
		case *syntax.CommandParameter:
			t := "-" + x.Name
			if x.Arg != nil {
				t += ":" + x.Arg.Span().Text()
			}
			out = append(out, word{text: t})
		case *syntax.StringConstExpr:
			out = append(out, word{text: x.Ext.Text(), quoted: x.Kind != syntax.BareWord})
		case *syntax.ExpandableStringExpr:
			out = append(out, word{text: x.Ext.Text(), quoted: x.Kind != syntax.BareWord})
		default:
			out = append(out, word{text: el.Span().Text(), quoted: true})
		}
	}
	return out
}

// upstreamOf returns the elements before the command at chain[i] in its
// pipeline.
func upstreamOf(chain []syntax.Node, i int) []syntax.PipelineElement {
	if i <= 0 {
		return nil
	}
	p, ok := chain[i-1].(*syntax.Pipeline)
	if !ok {
		return nil
	}
	for k, el := range p.Elements {
		if syntax.Node(el) == chain[i] {
			return p.Elements[:k]
		}
	}
	return nil
}

// scriptBlockInput returns what feeds the command whose script block holds
// the cursor (Where-Object { $_.<Tab> }, ForEach-Object ...): the elements
// before that command in its pipeline.
func scriptBlockInput(chain []syntax.Node) []syntax.PipelineElement {
	for i := len(chain) - 1; i >= 1; i-- {
		if _, ok := chain[i].(*syntax.ScriptBlockExpr); !ok {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if _, ok := chain[j].(*syntax.CommandExpr); ok {
				return upstreamOf(chain, j)
			}
		}
		return nil
	}
	return nil
}

// runeOffset converts a byte offset of text into a rune offset.
func runeOffset(text string, b int) int { return utf8.RuneCountInString(text[:b]) }
