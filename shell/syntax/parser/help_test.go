package parser

import (
	"testing"

	"github.com/exosim/exosim/shell/syntax"
)

// Comment-based help is found where PowerShell looks for it and read into
// its sections.
func TestCommentHelp(t *testing.T) {
	for _, c := range []struct {
		name, in               string
		synopsis, description  string
		param, paramText, code string
	}{
		{"block before the keyword",
			"<#\n.SYNOPSIS\n    Reports sizes.\n.DESCRIPTION\n    All mailboxes,\n      sorted.\n.PARAMETER Identity\n    The mailbox.\n.EXAMPLE\n    PS C:\\> Get-X -Identity a\n\n    Reports a.\n#>\nfunction Get-X { param($Identity) }",
			"Reports sizes.\n", "All mailboxes,\n  sorted.\n", "IDENTITY", "The mailbox.\n", "PS C:\\> Get-X -Identity a\n\nReports a.\n\n"},
		{"line comments before the keyword, one blank line between",
			"# .SYNOPSIS\n# Short.\n\nfunction f {}", "Short.\n", "", "", "", ""},
		{"start of the body",
			"function f {\n  <#\n  .Synopsis\n  Inside.\n  #>\n  param()\n}", "Inside.\n\n", "", "", "", ""},
		{"end of the body",
			"function f {\n  'x'\n  <# .SYNOPSIS\n  At the end. #>\n}", "At the end. \n", "", "", "", ""},
		{"a second chunk at the start of the body",
			"function f {\n  # just a note\n\n  # .SYNOPSIS\n  # Second.\n  'x'\n}", "Second.\n", "", "", "", ""},
	} {
		sb, errs := ParseString("", c.in)
		if errs != nil {
			t.Errorf("%s: %s", c.name, errList(errs))
			continue
		}
		var fd *syntax.FunctionDef
		syntax.Inspect(sb, func(n syntax.Node) bool {
			if f, ok := n.(*syntax.FunctionDef); ok && fd == nil {
				fd = f
			}
			return true
		})
		if fd == nil || fd.Help == nil {
			t.Errorf("%s: no help found", c.name)
			continue
		}
		h := fd.Help
		if h.Synopsis != c.synopsis || h.Description != c.description {
			t.Errorf("%s: synopsis %q description %q", c.name, h.Synopsis, h.Description)
		}
		if c.param != "" && h.Parameters[c.param] != c.paramText {
			t.Errorf("%s: parameter %s: %q", c.name, c.param, h.Parameters[c.param])
		}
		if c.code != "" && (len(h.Examples) != 1 || h.Examples[0] != c.code) {
			t.Errorf("%s: examples %q", c.name, h.Examples)
		}
	}
	// Not help: too far from the keyword, a plain comment, an unknown
	// section, or a comment after code.
	for _, in := range []string{
		"# .SYNOPSIS\n# Far.\n\n\nfunction f {}",
		"# just a comment\nfunction f {}",
		"<# .BOGUS\nx #>\nfunction f {}",
		"<# not help\n.SYNOPSIS\nx #>\nfunction f {}",
		"function f {\n  'x'\n  # .SYNOPSIS\n  # Not at the end.\n  'y'\n}",
	} {
		sb, _ := ParseString("", in)
		syntax.Inspect(sb, func(n syntax.Node) bool {
			if f, ok := n.(*syntax.FunctionDef); ok && f.Help != nil {
				t.Errorf("%q: unexpected help %+v", in, f.Help)
			}
			return true
		})
	}
}
