package ops

import (
	"unicode"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// The range operator (l..r): integers, or characters by code point. The
// interpreter enumerates a range lazily where PowerShell does so (at the
// head of a pipeline of several commands, as a foreach statement's
// collection) with RangeSpec.Each; elsewhere a range is an array
// (RangeValues).

// CheckEvery is how many elements pass between two calls of a loop's
// check (Ctrl+C, the memory budget).
const CheckEvery = 1 << 10

// rangeElementSize is what one element of a range built as an array
// costs: its slot and the boxed number. A streamed range costs nothing.
const rangeElementSize = memlimit.SlotSize + 8

// RangeSpec is an evaluated range: integers, or characters by code point.
type RangeSpec struct {
	chars    bool
	from, to int64
}

// Count is the number of elements.
func (r RangeSpec) Count() int64 {
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

// RangeOf converts the operands of the range operator.
func RangeOf(l, r any) (RangeSpec, error) {
	if a, ok := rangeChar(l); ok {
		if b, ok := rangeChar(r); ok {
			return RangeSpec{chars: true, from: int64(a), to: int64(b)}, nil
		}
	}
	ln, ok := numeric.ToNumber(l)
	if !ok {
		return RangeSpec{}, &Error{Msg: object.CannotConvert(l, "System.Int32")}
	}
	rn, ok := numeric.ToNumber(r)
	if !ok {
		return RangeSpec{}, &Error{Msg: object.CannotConvert(r, "System.Int32")}
	}
	return RangeSpec{from: numeric.Int64(ln), to: numeric.Int64(rn)}, nil
}

// Each calls f with each element of the range in order, calling check
// first and then every CheckEvery elements; it stops at the first error
// either returns.
func (r RangeSpec) Each(check func() error, f func(any) error) error {
	step := int64(1)
	if r.to < r.from {
		step = -1
	}
	for i, n := r.from, 0; ; i, n = i+step, n+1 {
		if n%CheckEvery == 0 {
			if err := check(); err != nil {
				return err
			}
		}
		var v any
		if r.chars {
			v = object.Char(rune(i))
		} else {
			v = numeric.Widen(i, 0)
		}
		if err := f(v); err != nil {
			return err
		}
		if i == r.to {
			return nil
		}
	}
}

// RangeValues builds the range l..r as an array, refusing one larger than
// the memory budget before building it; check is Each's.
func RangeValues(l, r any, check func() error) (any, error) {
	spec, err := RangeOf(l, r)
	if err != nil {
		return nil, err
	}
	if err := memlimit.CheckProduct(spec.Count(), rangeElementSize); err != nil {
		return nil, err
	}
	out := make([]any, 0, spec.Count())
	err = spec.Each(check, func(v any) error {
		out = append(out, v)
		return nil
	})
	return out, err
}
