package runtime

import (
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/syntax"
)

// Ranges are enumerated lazily where PowerShell does so (ops.RangeSpec):
// at the head of a pipeline of several commands (1..1e7 | ForEach-Object
// ...) and as the collection of a foreach statement (foreach ($i in
// 1..$n)); elsewhere a range is an array.

// rangeValues builds a range as an array.
func (rt *Runtime) rangeValues(l, r any) (any, error) {
	return ops.RangeValues(l, r, rt.checkGrowth)
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
	spec, err := ops.RangeOf(l, r)
	if err != nil {
		return operatorError(x, err)
	}
	return spec.Each(rt.checkGrowth, f)
}
