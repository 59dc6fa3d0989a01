package runtime

import (
	"errors"
	"unicode"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Ranges are enumerated lazily where PowerShell does so: at the head of a
// pipeline of several commands (1..1e7 | ForEach-Object ...) and as the
// collection of a foreach statement (foreach ($i in 1..$n)). There the
// elements are produced one at a time and nothing is stored; elsewhere a
// range is an array.

// rangeElementSize is what one element of a range built as an array
// costs: its slot and the boxed number. A streamed range costs nothing.
const rangeElementSize = slotSize + 8

// interruptEvery is how many range elements pass between checks for
// Ctrl+C.
const interruptEvery = 1 << 10

// rangeSpec is an evaluated range: integers, or characters by code point.
type rangeSpec struct {
	chars    bool
	from, to int64
}

func (r rangeSpec) count() int64 {
	n := r.to - r.from
	if n < 0 {
		n = -n
	}
	return n + 1
}

// rangeChar reports whether v is a range bound that makes a character
// range: a [char], or a one-character string that is not a digit ("0".."9"
// is a range of integers).
func rangeChar(v any) (rune, bool) {
	switch x := object.Unwrap(v).(type) {
	case object.Char:
		return rune(x), true
	case string:
		r, size := utf8.DecodeRuneInString(x)
		if size > 0 && size == len(x) && r != utf8.RuneError && !unicode.IsDigit(r) {
			return r, true
		}
	}
	return 0, false
}

// rangeOf converts the operands of the range operator.
func rangeOf(l, r any) (rangeSpec, error) {
	if a, ok := rangeChar(l); ok {
		if b, ok := rangeChar(r); ok {
			return rangeSpec{chars: true, from: int64(a), to: int64(b)}, nil
		}
	}
	ln, ok := numeric.ToNumber(l)
	if !ok {
		return rangeSpec{}, &opError{Msg: cannotConvertMsg(l, "System.Int32")}
	}
	rn, ok := numeric.ToNumber(r)
	if !ok {
		return rangeSpec{}, &opError{Msg: cannotConvertMsg(r, "System.Int32")}
	}
	return rangeSpec{from: numeric.Int64(ln), to: numeric.Int64(rn)}, nil
}

// eachInRange calls f with each element of the range in order, checking
// for Ctrl+C as it goes; it stops at the first error f returns.
func (rt *Runtime) eachInRange(spec rangeSpec, f func(any) error) error {
	step := int64(1)
	if spec.to < spec.from {
		step = -1
	}
	for i, n := spec.from, 0; ; i, n = i+step, n+1 {
		if n%interruptEvery == 0 {
			if err := rt.checkGrowth(); err != nil {
				return err
			}
		}
		var v any
		if spec.chars {
			v = object.Char(rune(i))
		} else {
			v = numeric.Widen(i, 0)
		}
		if err := f(v); err != nil {
			return err
		}
		if i == spec.to {
			return nil
		}
	}
}

// rangeValues builds a range as an array.
func (rt *Runtime) rangeValues(l, r any) (any, error) {
	spec, err := rangeOf(l, r)
	if err != nil {
		return nil, err
	}
	if err := memlimit.CheckProduct(spec.count(), rangeElementSize); err != nil {
		return nil, err
	}
	out := make([]any, 0, spec.count())
	err = rt.eachInRange(spec, func(v any) error {
		out = append(out, v)
		return nil
	})
	return out, err
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

// streamRange evaluates the bounds of a range expression and calls f for
// each element without building the array.
func (rt *Runtime) streamRange(x *syntax.BinaryExpr, f func(any) error) error {
	l, err := rt.evalExpr(x.Left)
	if err != nil {
		return err
	}
	r, err := rt.evalExpr(x.Right)
	if err != nil {
		return err
	}
	spec, err := rangeOf(l, r)
	if err != nil {
		return operatorError(x, err)
	}
	return rt.eachInRange(spec, f)
}

// errLoopDone ends a streamed foreach loop on break.
var errLoopDone = errors.New("loop done")

// stopOwner reports which of procs asked the commands before it to stop
// (Select-Object -First); ok is false when err is no such request, or one
// made by a command of an enclosing pipeline, which must go on unwinding.
// owner is -1 for a request that names no command.
func stopOwner(err error, procs []processor) (owner int, ok bool) {
	var stop *stopUpstream
	if !errors.As(err, &stop) {
		return 0, false
	}
	if stop.from == nil {
		return -1, true
	}
	for i, pr := range procs {
		if cp, isCmd := pr.(*cmdProcessor); isCmd && cp == stop.from {
			return i, true
		}
	}
	return 0, false
}
