package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/syntax"
)

// if, the loops and the switch statement are shell/flow's; the session
// is its Interp.

// flowSession is the session as shell/flow sees it.
type flowSession struct{ rt *Runtime }

func (f flowSession) Ops() ops.Session { return opSession{f.rt} }
func (f flowSession) Exec(b *syntax.StatementBlock, out func(any) error) error {
	return f.rt.execBlock(b, out)
}
func (f flowSession) Value(st syntax.Statement) (any, error) { return f.rt.evalStatementValue(st) }
func (f flowSession) Eval(e syntax.Expr) (any, error)        { return f.rt.evalExpr(e) }
func (f flowSession) ScriptBlockValue(sb *automation.ScriptBlock, dollarUnder any) (any, error) {
	return f.rt.invokeScriptBlockValue(sb, dollarUnder, nil)
}
func (f flowSession) Set(name string, v any)  { f.rt.scope.Set(name, v) }
func (f flowSession) Save(name string) func() { return f.rt.scope.Save(name) }
func (f flowSession) CheckGrowth() error      { return f.rt.checkGrowth() }
func (f flowSession) Files() *fsys.Namespace  { return f.rt.Files() }
func (f flowSession) Run(st syntax.Statement, out func(any) error) error {
	return f.rt.execStatement(st, out)
}
func (f flowSession) Assign(name string, v any) error { return f.rt.assignVariable(name, v) }
func (f flowSession) StreamRange(x *syntax.BinaryExpr, each func(any) error) error {
	return f.rt.streamRange(x, each)
}
