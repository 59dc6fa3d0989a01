// Package automation holds PowerShell's own types, those of the
// System.Management.Automation namespace: the script block value. It
// stands on syntax and knows nothing of the interpreter that runs the
// blocks.
package automation

import (
	"strings"

	"github.com/exosim/exosim/shell/syntax"
)

// ScriptBlock is a script block value ({ ... }): the parsed block a
// script wrote or [scriptblock]::Create made.
type ScriptBlock struct {
	AST *syntax.ScriptBlock
}

// Text returns the source between the braces.
func (s *ScriptBlock) Text() string {
	t := s.AST.Ext.Text()
	if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		return t[1 : len(t)-1]
	}
	return t
}

func (s *ScriptBlock) String() string { return s.Text() }

// PSTypeName is the .NET type name.
func (s *ScriptBlock) PSTypeName() string { return "System.Management.Automation.ScriptBlock" }

// ScriptBlock marks a script block as one (dotnet.ScriptBlock): .NET
// methods take it as a delegate.
func (*ScriptBlock) ScriptBlock() {}
