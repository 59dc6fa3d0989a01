package repl

import (
	"io/fs"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// members completes a member name after "." when the text before the dot
// parses to a variable, an index into one or a member of one ($m.Pri,
// $m[0].Dis, $m.Owner.Na): the syntax tree of the line decides what the
// target is, and its current value (read, never run) what it has.
func (c *Completer) members(text string) (cands []string, start int, ok bool) {
	i := len(text)
	for i > 0 {
		r := rune(text[i-1])
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			i--
			continue
		}
		break
	}
	if i == 0 || text[i-1] != '.' {
		return nil, 0, false
	}
	dot := i - 1
	partial := text[i:]
	target := exprEndingAt(text[:dot])
	if target == nil {
		return nil, 0, false
	}
	v, okv := c.evalNode(target)
	if !okv {
		return nil, 0, false
	}
	start = len([]rune(text)) - len([]rune(partial))
	return filterFold(valueProperties(v, true), partial), start, true
}

// exprEndingAt parses text and returns the largest variable, index or
// member expression that ends where text ends.
func exprEndingAt(text string) syntax.Node {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	sb, _ := parser.Parse(syntax.NewSource("", text))
	if sb == nil {
		return nil
	}
	var best syntax.Node
	bestLen := -1
	syntax.Inspect(sb, func(n syntax.Node) bool {
		e := n.Span()
		if e.End.Offset != len(text) {
			return e.Start.Offset <= len(text) && e.End.Offset >= len(text)
		}
		switch n.(type) {
		case *syntax.VariableExpr, *syntax.IndexExpr, *syntax.MemberExpr:
			if l := e.End.Offset - e.Start.Offset; l > bestLen {
				best, bestLen = n, l
			}
		}
		return true
	})
	return best
}

func (c *Completer) evalNode(n syntax.Node) (any, bool) {
	switch x := n.(type) {
	case *syntax.VariableExpr:
		if x.Splatted {
			return nil, false
		}
		v, ok := c.RT.Scope().Get(x.Name)
		return v, ok && v != nil
	case *syntax.IndexExpr:
		t, ok := c.evalNode(x.Target)
		if !ok {
			return nil, false
		}
		k, ok := x.Index.(*syntax.ConstantExpr)
		if !ok {
			return nil, false
		}
		idx, ok := k.Value.(int)
		if !ok {
			return nil, false
		}
		items := listItems(t)
		if items == nil {
			return nil, false
		}
		if idx < 0 {
			idx += len(items)
		}
		if idx < 0 || idx >= len(items) {
			return nil, false
		}
		return items[idx], true
	case *syntax.MemberExpr:
		name, ok := x.Member.(*syntax.StringConstExpr)
		if !ok || x.Static {
			return nil, false
		}
		t, ok := c.evalNode(x.Target)
		if !ok {
			return nil, false
		}
		v := members.Value(c.RT.Members(), t, name.Value)
		return v, v != nil
	}
	return nil, false
}

func listItems(v any) []any {
	switch t := object.Unwrap(v).(type) {
	case []any:
		return t
	case *object.List:
		return t.Items
	}
	return nil
}

// valueProperties names what can follow "." on a value: an object's
// properties, a collection's elements' properties (member enumeration)
// with Count and Length, a string's Length, a hashtable's keys.
func valueProperties(v any, withCollection bool) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ns ...string) {
		for _, n := range ns {
			if !seen[strings.ToLower(n)] {
				seen[strings.ToLower(n)] = true
				out = append(out, n)
			}
		}
	}
	if items := listItems(v); items != nil {
		if len(items) > 0 {
			add(valueProperties(items[0], false)...)
		}
		if withCollection {
			add("Count", "Length")
		}
		return out
	}
	switch t := object.Unwrap(v).(type) {
	case *object.PSObject:
		add(t.PropertyNames()...)
	case *object.Hashtable:
		for _, e := range t.Entries() {
			if s, ok := e.Key.(string); ok {
				add(s)
			}
		}
		add("Count", "Keys", "Values")
	case string:
		add("Length")
	}
	return out
}

func filterFold(names []string, prefix string) []string {
	var out []string
	for _, n := range names {
		if hasPrefixFold(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// isPathParam: parameters that take a file system path.
func isPathParam(p *params.Param) bool {
	switch strings.ToLower(p.Name) {
	case "path", "literalpath", "filepath", "outfile", "infile", "inputfile", "destination":
		return true
	}
	return false
}

// looksLikePath: a word written as a path (./x, ../x, /x, ~/x, .\x).
func looksLikePath(w string) bool {
	w = unquote(w)
	for _, p := range []string{"./", "../", "/", "~/", ".\\", "..\\"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// completePath lists the files and folders that continue a typed path,
// keeping the way it was written (./, ~/ ...); folders end with /. The
// session's file system (its current location, simulated drives) is
// listed when the runtime has one.
func (c *Completer) completePath(typed string) []string {
	q := openingQuote(typed)
	w := unquote(typed)
	w = strings.ReplaceAll(w, "\\", "/")
	dirPart, base := "", w
	if i := strings.LastIndexByte(w, '/'); i >= 0 {
		dirPart, base = w[:i+1], w[i+1:]
	}
	ents := c.listDir(dirPart)
	var out []string
	for _, e := range ents {
		name := e.Name()
		if !hasPrefixFold(name, base) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
			continue
		}
		full := dirPart + name
		if e.IsDir() {
			full += "/"
		}
		switch {
		case q != 0:
			full = requote(full, q)
		case strings.ContainsAny(full, " '\"$`(){};,|&"):
			full = "'" + strings.ReplaceAll(full, "'", "''") + "'"
		}
		out = append(out, full)
	}
	sort.Strings(out)
	return out
}

func (c *Completer) listDir(dir string) []fs.FileInfo {
	if dir == "" {
		dir = "."
	}
	if files := c.RT.Files(); files != nil {
		p, err := files.Resolve(dir)
		if err != nil {
			return nil
		}
		ents, _ := files.ReadDir(p)
		return ents
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []fs.FileInfo
	for _, d := range des {
		if fi, err := d.Info(); err == nil {
			out = append(out, fi)
		}
	}
	return out
}
