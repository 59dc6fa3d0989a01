package parser

import (
	"regexp"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/syntax"
)

// commentSpan is a comment's extent [start, end) in the text.
type commentSpan struct{ start, end int }

// recordComment notes a comment seen while skipping space; help comments
// are found among them once the parse is done.
func (p *parser) recordComment(start, end int) {
	if p.comments == nil {
		p.comments = map[int]int{}
	}
	p.comments[start] = end
}

// attachHelp finds the help comment of every function, where PowerShell
// looks: the comment block just before the function keyword (at most one
// blank line between), else the first help block at the start of its
// body, else the block just before its closing brace.
func (p *parser) attachHelp() {
	if len(p.funcs) == 0 || len(p.comments) == 0 {
		return
	}
	spans := make([]commentSpan, 0, len(p.comments))
	for s, e := range p.comments {
		spans = append(spans, commentSpan{s, e})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	for _, fd := range p.funcs {
		if fd.Body == nil {
			continue
		}
		start := fd.Ext.Start.Offset
		if h := parseCommentHelp(p, p.precedingComments(spans, start, p.pos(start).Line-2)); h != nil {
			fd.Help = h
			continue
		}
		body := fd.Body.Ext
		if body.End.Offset <= body.Start.Offset || p.byteAt(body.Start.Offset) != '{' || p.byteAt(body.End.Offset-1) != '}' {
			continue
		}
		for _, chunk := range p.leadingComments(spans, body.Start.Offset+1, body.End.Offset-1) {
			if h := parseCommentHelp(p, chunk); h != nil {
				fd.Help = h
				break
			}
		}
		if fd.Help == nil {
			fd.Help = parseCommentHelp(p, p.precedingComments(spans, body.End.Offset-1, 0))
		}
	}
}

// onlyBlank reports whether text[a:b] holds nothing but whitespace and
// line breaks.
func (p *parser) onlyBlank(a, b int) bool {
	for _, r := range p.text[a:b] {
		if !isBlank(r) && !isNewline(r) {
			return false
		}
	}
	return true
}

// precedingComments returns the comments right before offset at: only
// blank space between them, the last ending on minEndLine or later, each
// earlier one ending at most a line above the next.
func (p *parser) precedingComments(spans []commentSpan, at, minEndLine int) []commentSpan {
	var out []commentSpan
	end := at
	// the comments before at, nearest first
	for i := sort.Search(len(spans), func(i int) bool { return spans[i].start >= at }) - 1; i >= 0; i-- {
		c := spans[i]
		if c.end > end {
			continue
		}
		if p.pos(c.end).Line < minEndLine || !p.onlyBlank(c.end, end) {
			break
		}
		out = append([]commentSpan{c}, out...)
		minEndLine = p.pos(c.start).Line - 1
		end = c.start
	}
	return out
}

// leadingComments returns the chunks of comments at offset from (up to
// limit) before any other token: a comment more than a line below the
// previous one starts a new chunk.
func (p *parser) leadingComments(spans []commentSpan, from, limit int) [][]commentSpan {
	var chunks [][]commentSpan
	var cur []commentSpan
	pos, nextMax := from, -1
	for _, c := range spans[sort.Search(len(spans), func(i int) bool { return spans[i].start >= from }):] {
		if c.end > limit {
			break
		}
		if !p.onlyBlank(pos, c.start) {
			break
		}
		if nextMax >= 0 && p.pos(c.start).Line > nextMax {
			chunks = append(chunks, cur)
			cur = nil
		}
		cur = append(cur, c)
		nextMax = p.pos(c.end).Line + 1
		pos = c.end
	}
	if cur != nil {
		chunks = append(chunks, cur)
	}
	return chunks
}

// The help patterns are compiled the first time a comment is read as help.
var (
	helpDirective = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`^\s*\.(\w+)(\s+(\S.*))?\s*$`) }}
	helpBlank     = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`^\s*$`) }}
)

// commentLines splits comments into lines: a block comment without its
// <# #>, a line comment without its leading #s.
func commentLines(p *parser, chunk []commentSpan) []string {
	var lines []string
	for _, c := range chunk {
		text := p.text[c.start:c.end]
		if strings.HasPrefix(text, "<#") {
			body := strings.TrimSuffix(text[2:], "#>")
			body = strings.ReplaceAll(body, "\r\n", "\n")
			lines = append(lines, strings.Split(strings.ReplaceAll(body, "\r", "\n"), "\n")...)
			continue
		}
		lines = append(lines, strings.TrimLeft(text, "#"))
	}
	return lines
}

// parseCommentHelp reads a comment block as help; nil when it is not one
// (no section, or a line that is neither blank nor part of a section).
func parseCommentHelp(p *parser, chunk []commentSpan) *syntax.CommentHelp {
	if len(chunk) == 0 {
		return nil
	}
	lines := commentLines(p, chunk)
	h := &syntax.CommentHelp{Parameters: map[string]string{}}
	found := false
	// section collects the lines after a directive up to the next one,
	// without the indentation of its first line.
	section := func(i *int) string {
		var b strings.Builder
		capturing, indent := false, 0
		for *i++; *i < len(lines); *i++ {
			line := lines[*i]
			if !capturing && helpBlank.Get().MatchString(line) {
				continue
			}
			if helpDirective.Get().MatchString(line) {
				*i--
				break
			}
			if !capturing {
				for _, r := range line {
					if r != ' ' && r != '\t' && r != '\u00a0' {
						break
					}
					indent++
				}
			}
			capturing = true
			cut := 0
			for _, r := range line {
				if cut >= indent || (r != ' ' && r != '\t' && r != '\u00a0') {
					break
				}
				cut += len(string(r))
			}
			b.WriteString(line[cut:])
			b.WriteByte('\n')
		}
		return b.String()
	}
	for i := 0; i < len(lines); i++ {
		m := helpDirective.Get().FindStringSubmatch(lines[i])
		if m == nil {
			if !helpBlank.Get().MatchString(lines[i]) {
				return nil
			}
			continue
		}
		found = true
		key := strings.ToUpper(m[1])
		if m[3] != "" {
			switch key {
			case "PARAMETER":
				name := strings.ToUpper(strings.TrimSpace(m[3]))
				text := section(&i)
				if _, dup := h.Parameters[name]; !dup {
					h.Parameters[name] = text
				}
			case "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP":
			default:
				return nil
			}
			continue
		}
		switch key {
		case "SYNOPSIS":
			h.Synopsis = section(&i)
		case "DESCRIPTION":
			h.Description = section(&i)
		case "NOTES":
			h.Notes = section(&i)
		case "LINK":
			h.Links = append(h.Links, strings.TrimSpace(section(&i)))
		case "EXAMPLE":
			h.Examples = append(h.Examples, section(&i))
		case "INPUTS":
			h.Inputs = append(h.Inputs, section(&i))
		case "OUTPUTS":
			h.Outputs = append(h.Outputs, section(&i))
		case "COMPONENT":
			h.Component = strings.TrimSpace(section(&i))
		case "ROLE":
			h.Role = strings.TrimSpace(section(&i))
		case "FUNCTIONALITY":
			h.Functionality = strings.TrimSpace(section(&i))
		default:
			return nil
		}
	}
	if !found {
		return nil
	}
	return h
}
