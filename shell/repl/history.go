package repl

import (
	"bufio"
	"os"
	"regexp"
	"strings"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// History is the line editor's command history: every accepted entry in
// memory (a multi-line entry is one entry), and in a file those that name
// no secret. The file uses PSReadLine's format: one entry per line, the
// rows of a multi-line entry joined by a backtick at the end of each row
// but the last.
type History struct {
	Entries []string
	// Max caps the entries kept in memory (oldest dropped).
	Max int
	// NoDuplicates keeps one entry per text: an entry accepted again
	// replaces its earlier copy (PSReadLine's HistoryNoDuplicates).
	NoDuplicates bool
	path         string
}

// LoadHistory reads the history file at path (none when empty or
// missing). Entries appended later go to the same file, created 0600.
func LoadHistory(path string, max int) *History {
	h := &History{Max: max, path: path}
	if path == "" {
		return h
	}
	f, err := os.Open(path)
	if err != nil {
		return h
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var multi strings.Builder
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasSuffix(line, "`") {
			multi.WriteString(line[:len(line)-1])
			multi.WriteByte('\n')
			continue
		}
		if multi.Len() > 0 {
			multi.WriteString(line)
			line = multi.String()
			multi.Reset()
		}
		h.push(line)
	}
	return h
}

func (h *History) push(entry string) {
	if entry == "" {
		return
	}
	if h.NoDuplicates {
		kept := h.Entries[:0]
		for _, e := range h.Entries {
			if e != entry {
				kept = append(kept, e)
			}
		}
		h.Entries = kept
	}
	h.Entries = append(h.Entries, entry)
	if h.Max > 0 && len(h.Entries) > h.Max {
		h.Entries = append([]string(nil), h.Entries[len(h.Entries)-h.Max:]...)
	}
}

// Add records an accepted entry: always in memory, and in the file unless
// it looks like it carries a secret (SensitiveLine).
func (h *History) Add(entry string) {
	if strings.TrimSpace(entry) == "" {
		return
	}
	h.push(entry)
	if h.path == "" || SensitiveLine(entry) {
		return
	}
	f, err := os.OpenFile(h.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	f.WriteString(strings.ReplaceAll(entry, "\n", "`\n") + "\n")
}

// sensitiveWords are the words PSReadLine looks for (any case) before it
// keeps a line out of the history file.
var sensitiveWords = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)password|asplaintext|token|apikey|secret`)
}}

// secretCommands read secrets without exposing them: naming them is safe.
var secretCommands = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"get-secret": true, "get-secretinfo": true, "get-secretvault": true, "register-secretvault": true,
		"remove-secret": true, "set-secretinfo": true, "set-secretvaultdefault": true, "test-secretvault": true,
		"unlock-secretvault": true, "unregister-secretvault": true, "get-azaccesstoken": true,
	}
}}

// SensitiveLine applies PSReadLine's rule for what stays out of the
// history file. A line without the words password, asplaintext, token,
// apikey or secret is kept. Otherwise the line is parsed (a line that
// does not parse counts as sensitive) and each occurrence is judged by
// the syntax around it: a variable of that name is fine unless a value
// other than a command's output or a member is assigned to it; a
// parameter of that name is fine as a switch or with a variable or a
// command's output as its argument, except -AsPlainText; a member name is
// fine unless assigned to; the secret-management commands are fine;
// anything else (a literal string, a bare argument) is sensitive.
func SensitiveLine(line string) bool {
	matches := sensitiveWords.Get().FindAllStringIndex(line, -1)
	if len(matches) == 0 {
		return false
	}
	sb, errs := parser.Parse(syntax.NewSource("", line))
	if len(errs) > 0 || sb == nil {
		return true
	}
	skipTo := 0
	for _, m := range matches {
		if m[0] < skipTo {
			continue
		}
		chain := coveringChain(sb, m[0], m[1])
		if len(chain) == 0 {
			return true
		}
		inner := chain[len(chain)-1]
		parent := func(k int) syntax.Node {
			if len(chain)-1-k >= 0 {
				return chain[len(chain)-1-k]
			}
			return nil
		}
		switch n := inner.(type) {
		case *syntax.VariableExpr:
			if rhs, ok := assignedValue(n, chain); ok && !safeValue(rhs) {
				return true
			}
		case *syntax.StringConstExpr:
			if cmd, ok := parent(1).(*syntax.CommandExpr); ok && len(cmd.Elements) > 0 && cmd.Elements[0] == syntax.Node(n) && secretCommands.Get()[strings.ToLower(n.Value)] {
				skipTo = cmd.Ext.End.Offset
				continue
			}
			if me, ok := parent(1).(*syntax.MemberExpr); ok && me.Member == syntax.Expr(n) {
				if rhs, assigned := assignedValue(me, chain[:len(chain)-1]); !assigned || safeMemberValue(rhs) {
					continue
				}
			}
			return true
		case *syntax.CommandParameter:
			if strings.EqualFold(n.Name, "AsPlainText") {
				return true
			}
			arg := n.Arg
			if arg == nil {
				if cmd, ok := parent(1).(*syntax.CommandExpr); ok {
					for i, el := range cmd.Elements {
						if el == syntax.Node(n) && i+1 < len(cmd.Elements) {
							arg, _ = cmd.Elements[i+1].(syntax.Expr)
						}
					}
				}
			}
			switch a := arg.(type) {
			case nil:
				continue
			case *syntax.VariableExpr:
				skipTo = a.Ext.End.Offset
				continue
			case *syntax.ParenExpr:
				if p, ok := a.Stmt.(*syntax.Pipeline); ok && len(p.Elements) > 0 {
					if _, isCmd := p.Elements[0].(*syntax.CommandExpr); isCmd {
						continue
					}
				}
			}
			return true
		default:
			return true
		}
	}
	return false
}

// coveringChain lists the nodes from the root down to the innermost node
// whose extent covers [start, end).
func coveringChain(root syntax.Node, start, end int) []syntax.Node {
	var chain []syntax.Node
	syntax.Inspect(root, func(n syntax.Node) bool {
		e := n.Span()
		if e.Start.Offset <= start && e.End.Offset >= end {
			chain = append(chain, n)
			return true
		}
		return false
	})
	return chain
}

// assignedValue returns the value assigned when target (the last node of
// chain, or the node just below it) is the target of an assignment.
func assignedValue(target syntax.Node, chain []syntax.Node) (syntax.Statement, bool) {
	for i := len(chain) - 1; i >= 0; i-- {
		if a, ok := chain[i].(*syntax.AssignmentStmt); ok {
			te := a.Target.Span()
			ne := target.Span()
			if te.Start.Offset <= ne.Start.Offset && te.End.Offset >= ne.End.Offset {
				return a.Value, true
			}
			return nil, false
		}
	}
	return nil, false
}

// safeValue: a command's output or a member of something.
func safeValue(v syntax.Statement) bool {
	p, ok := v.(*syntax.Pipeline)
	if !ok {
		return false
	}
	if len(p.Elements) > 1 {
		return true
	}
	switch e := p.Elements[0].(type) {
	case *syntax.CommandExpr:
		return true
	case *syntax.CommandExprElement:
		switch e.Expr.(type) {
		case *syntax.MemberExpr, *syntax.InvokeMemberExpr:
			return true
		}
	}
	return false
}

// safeMemberValue: a command's output or a variable assigned to a member.
func safeMemberValue(v syntax.Statement) bool {
	p, ok := v.(*syntax.Pipeline)
	if !ok {
		return false
	}
	if len(p.Elements) > 1 {
		return true
	}
	switch e := p.Elements[0].(type) {
	case *syntax.CommandExpr:
		return true
	case *syntax.CommandExprElement:
		_, isVar := e.Expr.(*syntax.VariableExpr)
		return isVar
	}
	return false
}
