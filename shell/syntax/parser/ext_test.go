package parser

import (
	"testing"

	"github.com/exosim/exosim/shell/syntax"
)

func TestScriptBlockText(t *testing.T) {
	sb, errs := ParseString("", "$f = { param($a) $a + 1 }\nfunction g { 'x' }\n$a –EQ 1")
	if errs != nil {
		t.Fatal(errList(errs))
	}
	st := sb.End.Statements
	sbx := st[0].(*syntax.AssignmentStmt).Value.(*syntax.Pipeline).Elements[0].(*syntax.CommandExprElement).Expr.(*syntax.ScriptBlockExpr)
	if got := sbx.Block.Ext.Text(); got != "{ param($a) $a + 1 }" {
		t.Errorf("script block text %q", got)
	}
	if got := st[1].(*syntax.FunctionDef).Body.Ext.Text(); got != "{ 'x' }" {
		t.Errorf("function body text %q", got)
	}
	bin := st[2].(*syntax.Pipeline).Elements[0].(*syntax.CommandExprElement).Expr.(*syntax.BinaryExpr)
	if bin.Op != "-eq" || bin.OpExt.Text() != "–EQ" {
		t.Errorf("operator %q %q", bin.Op, bin.OpExt.Text())
	}
	if sb.Ext.Text() != sb.Ext.Src.Text {
		t.Errorf("top-level extent does not cover the script")
	}
}
