package flow_test

import (
	"fmt"
	"regexp"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/syntax"
)

// fakeInterp is a session that knows just enough to run the flow
// statements: a condition or collection is a variable (or a string), a
// statement that is an expression writes its value (a string as
// "text:$_" while $_ is set), and the statements of flow run through
// the package itself.
type fakeInterp struct {
	vars   map[string]any
	files  *fsys.Namespace
	ranges int // elements StreamRange gave out
}

func (f *fakeInterp) Ops() ops.Session                { return textSession{} }
func (f *fakeInterp) CheckGrowth() error              { return nil }
func (f *fakeInterp) Files() *fsys.Namespace          { return f.files }
func (f *fakeInterp) Set(name string, v any)          { f.vars[name] = v }
func (f *fakeInterp) Assign(name string, v any) error { f.vars[name] = v; return nil }
func (f *fakeInterp) ScriptBlockValue(*automation.ScriptBlock, any) (any, error) {
	return nil, nil
}

func (f *fakeInterp) Save(name string) func() {
	old, had := f.vars[name]
	return func() {
		if had {
			f.vars[name] = old
		} else {
			delete(f.vars, name)
		}
	}
}

// StreamRange gives out 1 to 5 whatever the bounds.
func (f *fakeInterp) StreamRange(_ *syntax.BinaryExpr, each func(any) error) error {
	for i := 1; i <= 5; i++ {
		f.ranges++
		if err := each(i); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeInterp) Eval(e syntax.Expr) (any, error) {
	switch e := e.(type) {
	case *syntax.StringConstExpr:
		return e.Value, nil
	case *syntax.VariableExpr:
		return f.vars[e.Name], nil
	}
	return nil, fmt.Errorf("fake cannot evaluate %T", e)
}

func (f *fakeInterp) Value(st syntax.Statement) (any, error) {
	return f.Eval(st.(*syntax.Pipeline).Elements[0].(*syntax.CommandExprElement).Expr)
}

func (f *fakeInterp) Exec(b *syntax.StatementBlock, out func(any) error) error {
	for _, st := range b.Statements {
		if err := f.Run(st, out); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeInterp) Run(st syntax.Statement, out func(any) error) error {
	switch st := st.(type) {
	case *syntax.BreakStmt:
		return &flow.Break{Label: st.Label}
	case *syntax.ContinueStmt:
		return &flow.Continue{Label: st.Label}
	case *syntax.IfStmt:
		return flow.If(f, st, out)
	case *syntax.ForEachStmt:
		return flow.ForEach(f, st, out)
	case *syntax.ForStmt:
		return flow.For(f, st, out)
	case *syntax.WhileStmt:
		return flow.While(f, st, out)
	case *syntax.DoStmt:
		return flow.Do(f, st, out)
	case *syntax.SwitchStmt:
		return flow.Switch(f, st, out)
	case *syntax.Pipeline:
		e := st.Elements[0].(*syntax.CommandExprElement).Expr
		v, err := f.Eval(e)
		if err != nil {
			return err
		}
		if under, ok := f.vars["_"]; ok {
			if _, ok := e.(*syntax.StringConstExpr); ok {
				v = fmt.Sprintf("%v:%v", v, under)
			}
		}
		return out(v)
	}
	return fmt.Errorf("fake cannot run %T", st)
}

// textSession converts with the invariant culture and compiles patterns
// with Go's engine (the tests' patterns mean the same in both).
type textSession struct{}

func (textSession) Text(v any) string { return object.ToInvariantString(v) }
func (textSession) Regex(p string, cs bool) (*regexengine.Regexp, error) {
	if !cs {
		p = "(?i)" + p
	}
	return goRegex(p)
}
func (textSession) SetMatches(*object.Hashtable)         {}
func (textSession) CompareTo(any, any) (int, bool, bool) { return 0, false, false }

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}
