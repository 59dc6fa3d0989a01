package flow

import (
	"errors"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// If runs the body of the first clause whose condition is true, else the
// else block.
func If(in Interp, s *syntax.IfStmt, out func(any) error) error {
	for _, c := range s.Clauses {
		v, err := in.Value(c.Cond)
		if err != nil {
			return err
		}
		if object.ToBool(v) {
			return in.Exec(c.Body, out)
		}
	}
	if s.Else != nil {
		return in.Exec(s.Else, out)
	}
	return nil
}

// While runs a while loop.
func While(in Interp, s *syntax.WhileStmt, out func(any) error) error {
	return loop(in, s.Label, func() (bool, error) {
		v, err := in.Value(s.Cond)
		return object.ToBool(v), err
	}, nil, s.Body, out, false)
}

// Do runs a do-while or do-until loop: the body first, then the
// condition.
func Do(in Interp, s *syntax.DoStmt, out func(any) error) error {
	return loop(in, s.Label, func() (bool, error) {
		v, err := in.Value(s.Cond)
		b := object.ToBool(v)
		if s.Until {
			b = !b
		}
		return b, err
	}, nil, s.Body, out, true)
}

// For runs a for loop; the initializer's and the iterator's output is
// discarded, a missing condition is true.
func For(in Interp, s *syntax.ForStmt, out func(any) error) error {
	discard := func(any) error { return nil }
	if s.Init != nil {
		if err := in.Run(s.Init, discard); err != nil {
			return err
		}
	}
	cond := func() (bool, error) {
		if s.Cond == nil {
			return true, nil
		}
		v, err := in.Value(s.Cond)
		return object.ToBool(v), err
	}
	var after func() error
	if s.Iter != nil {
		after = func() error { return in.Run(s.Iter, discard) }
	}
	return loop(in, s.Label, cond, after, s.Body, out, false)
}

// loop runs body while cond holds (after the body with bodyFirst, as do
// does), calling after between iterations.
func loop(in Interp, label string, cond func() (bool, error), after func() error, body *syntax.StatementBlock, out func(any) error, bodyFirst bool) error {
	first := true
	for {
		// Every iteration can be interrupted, even of a loop whose body
		// and condition run no statement (while ($true) {}).
		if err := in.CheckGrowth(); err != nil {
			return err
		}
		if !(bodyFirst && first) {
			ok, err := cond()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
		}
		first = false
		if err := in.Exec(body, out); err != nil {
			stop, err := Control(err, label)
			if err != nil {
				return err
			}
			if stop {
				return nil
			}
		}
		if after != nil {
			if err := after(); err != nil {
				return err
			}
		}
		if bodyFirst {
			ok, err := cond()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			first = true
		}
	}
}

// errLoopDone ends a streamed foreach loop on break.
var errLoopDone = errors.New("loop done")

// ForEach runs a foreach loop over the elements of its collection ($null
// gives none, a scalar one); foreach ($i in 1..$n) enumerates the range
// without storing it.
func ForEach(in Interp, s *syntax.ForEachStmt, out func(any) error) error {
	// body runs one iteration; stop is true when the loop ends (break).
	body := func(it any) (stop bool, err error) {
		if err := in.CheckGrowth(); err != nil {
			return true, err
		}
		if err := in.Assign(s.Variable.Name, it); err != nil {
			return true, err
		}
		if err := in.Exec(s.Body, out); err != nil {
			return Control(err, s.Label)
		}
		return false, nil
	}
	if be := pureRange(s.Collection); be != nil {
		err := in.StreamRange(be, func(v any) error {
			stop, err := body(v)
			if err == nil && stop {
				err = errLoopDone
			}
			return err
		})
		if err == errLoopDone {
			return nil
		}
		return err
	}
	coll, err := in.Value(s.Collection)
	if err != nil {
		return err
	}
	var items []any
	if coll != nil {
		items = append(items, elements(coll)...)
	}
	for _, it := range items {
		stop, err := body(it)
		if err != nil {
			return err
		}
		if stop {
			return nil
		}
	}
	return nil
}

// pureRange returns the range expression a statement consists of (1..$n
// alone, without redirections), or nil.
func pureRange(st syntax.Statement) *syntax.BinaryExpr {
	p, ok := st.(*syntax.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return nil
	}
	ce, ok := p.Elements[0].(*syntax.CommandExprElement)
	if !ok || len(ce.Redirections) > 0 {
		return nil
	}
	if be, ok := ce.Expr.(*syntax.BinaryExpr); ok && be.Op == ".." {
		return be
	}
	return nil
}
