package ops

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/textops"
)

// Interp is the session as every binary operator sees it: Session, and
// what the type, text and range operators need.
type Interp interface {
	Session
	// Dotnet is the session as the .NET types see it: the type operand
	// of -is and -as is resolved through it, -as converts with it, an
	// enum combined with -band, -bor or -bxor keeps its type.
	Dotnet() dotnet.Host
	// TextOps is the session as -f, -replace, -split and -join see it.
	TextOps() textops.Session
	// Range is l..r as an array.
	Range(l, r any) (any, error)
}

// Binary applies a binary operator other than -and, -or and ?? (which
// decide whether the right operand is evaluated) to evaluated operands.
func Binary(in Interp, op string, l, r any) (any, error) {
	switch op {
	case "+", "-", "*", "/", "%":
		return Arith(in, op, l, r)
	case "..":
		return in.Range(l, r)
	case "-f":
		return textops.Format(in.TextOps(), l, r)
	case "-xor":
		return object.ToBool(l) != object.ToBool(r), nil
	case "-band", "-bor", "-bxor", "-shl", "-shr":
		ln, ok1 := numeric.ToNumber(l)
		rn, ok2 := numeric.ToNumber(r)
		if !ok1 || !ok2 {
			return nil, &Error{Msg: object.CannotConvert(r, "System.Int32")}
		}
		if numeric.Kind(ln) == 4 || numeric.Kind(rn) == 4 {
			return numeric.BigBitwise(op, ln, rn)
		}
		a, b := numeric.Int64(ln), numeric.Int64(rn)
		if e, ok := object.Unwrap(l).(object.Enum); ok && op != "-shl" && op != "-shr" {
			if res, ok := enumBitwise(in.Dotnet(), e, op, a, b); ok {
				return res, nil
			}
		}
		if object.IsInteger(ln) && object.IsInteger(rn) {
			return numeric.Bitwise(op, ln, rn), nil
		}
		k := numeric.Kind(ln)
		if numeric.Kind(rn) > k {
			k = numeric.Kind(rn)
		}
		switch op {
		case "-band":
			return numeric.Widen(a&b, k), nil
		case "-bor":
			return numeric.Widen(a|b, k), nil
		case "-bxor":
			return numeric.Widen(a^b, k), nil
		case "-shl":
			return numeric.Widen(a<<uint(b&63), k), nil
		}
		return numeric.Widen(a>>uint(b&63), k), nil
	case "-is", "-isnot":
		t, err := typeOperand(in.Dotnet(), r)
		if err != nil {
			return nil, err
		}
		is := false
		if t.Test != nil {
			is = t.Test(object.Unwrap(l))
		} else if o, ok := l.(*object.PSObject); ok {
			for _, n := range o.TypeNames {
				if strings.EqualFold(n, t.FullName) {
					is = true
				}
			}
		}
		return is == (op == "-is"), nil
	case "-as":
		t, err := typeOperand(in.Dotnet(), r)
		if err != nil {
			return nil, err
		}
		if t.Convert == nil {
			return l, nil
		}
		v, err := t.Convert(in.Dotnet(), l)
		if err != nil {
			return nil, nil
		}
		return v, nil
	case "-replace", "-ireplace", "-creplace":
		return textops.Replace(in.TextOps(), l, r, op == "-creplace")
	case "-split", "-isplit", "-csplit":
		return textops.Split(in.TextOps(), l, r, op == "-csplit", false)
	case "-join":
		return textops.Join(in.TextOps(), l, in.Text(r))
	}
	if cop, ok := ParseCompareOp(op); ok {
		return Apply(in, cop, l, r)
	}
	return nil, &Error{Msg: fmt.Sprintf("The operator '%s' is not supported.", op)}
}

// typeOperand is the type the right operand of -is or -as names.
func typeOperand(h dotnet.Host, r any) (*dotnet.TypeInfo, error) {
	switch t := r.(type) {
	case *dotnet.TypeValue:
		return t.Info, nil
	case string:
		ti, ok := h.ResolveType(t)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("Unable to find type [%s].", t)}
		}
		return ti, nil
	}
	return nil, &Error{Msg: "The right operand of '-is' or '-as' must be a type."}
}

// enumBitwise combines the values of an enum with -band, -bor or -bxor:
// the result keeps the left operand's enum type.
func enumBitwise(h dotnet.Host, e object.Enum, op string, a, b int64) (any, bool) {
	t := h.TypeOf(e)
	if t == nil || t.Convert == nil {
		return nil, false
	}
	n := a | b
	switch op {
	case "-band":
		n = a & b
	case "-bxor":
		n = a ^ b
	}
	v, err := t.Convert(h, int(n))
	if err != nil {
		return nil, false
	}
	return v, true
}

// Failure is the error PowerShell reports at ext, the place of an
// operator expression, for err, the operator's failure: an error the
// interpreter already raised passes unchanged; running out of memory is
// the engine's OutOfMemoryException; the others are RuntimeExceptions
// whose error ID names the kind of failure. (An exception an operator
// method threw, MethodError, is reported as a failed method call by the
// interpreter.)
func Failure(ext syntax.Extent, err error) error {
	if memlimit.IsOutOfMemory(err) {
		return pserror.OutOfMemory(ext)
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return err
	}
	id := "OperatorFailed"
	cat := object.InvalidOperation
	ex := "RuntimeException"
	msg := err.Error()
	if err == ErrDivideByZero {
		id, cat, ex = "RuntimeException", object.NotSpecified, "RuntimeException"
	}
	var te *textops.Error
	if errors.As(err, &te) && te.ID != "" {
		id = te.ID
	}
	var oe *Error
	if errors.As(err, &oe) {
		if oe.ID != "" {
			id = oe.ID
		}
		if oe.Exception != "" {
			ex, cat = oe.Exception, object.NotSpecified
		}
	}
	switch {
	case strings.HasPrefix(msg, "Method invocation failed because"):
		// no operator method for the operand's type
		id = "MethodNotFound"
	case msg == "A hash table can only be added to another hash table.":
		id = "AddHashTableToNonHashTable"
	}
	if strings.HasPrefix(msg, "Cannot convert") || strings.HasPrefix(msg, "Could not compare") {
		cat = object.InvalidArgument
		id = "InvalidCastFromStringToInteger"
		if strings.HasPrefix(msg, "Could not compare") {
			id = "ComparisonFailure"
			cat = object.NotSpecified
		}
	}
	rec := pserror.Runtime(ext, msg, id, cat, ex)
	if err == ErrDivideByZero {
		// the runtime exception wraps .NET's DivideByZeroException
		rec.Record.InnerException, rec.Record.InnerMessage = "System.DivideByZeroException", msg
	}
	return rec
}

// Unary applies a prefix operator written at ext to its evaluated
// operand: -not and !, the signs, -bnot, the unary comma (an array of
// one), -split and -join; ++ and -- assign, so the interpreter applies
// them.
func Unary(in Interp, op string, v any, ext syntax.Extent) (any, error) {
	number := func() (any, error) {
		n, ok := numeric.ToNumber(v)
		if !ok {
			return nil, pserror.Runtime(ext, object.CannotConvert(v, "System.Int32"), "InvalidCastFromStringToInteger", object.InvalidArgument, "RuntimeException")
		}
		return n, nil
	}
	switch op {
	case "-not", "!":
		return !object.ToBool(v), nil
	case "-":
		n, err := number()
		if err != nil {
			return nil, err
		}
		// a Byte or SByte is negated as an Int32, an Int16 in its own
		// type; the others as 0 - n
		switch x := n.(type) {
		case uint8:
			return -int(x), nil
		case int8:
			return -int(x), nil
		case int16:
			return -x, nil
		}
		return Numeric("-", 0, n)
	case "+":
		// unary plus makes a Byte or SByte an Int32
		n, err := number()
		switch x := n.(type) {
		case uint8:
			return int(x), err
		case int8:
			return int(x), err
		}
		return n, err
	case "-bnot":
		n, err := number()
		if err != nil {
			return nil, err
		}
		if object.IsInteger(n) {
			return numeric.Complement(n), nil
		}
		if b, ok := n.(object.BigInt); ok {
			return object.NewBigInt(new(big.Int).Not(b.Int())), nil
		}
		return numeric.Widen(^numeric.Int64(n), numeric.Kind(n)), nil
	case ",":
		return []any{v}, nil
	case "-split", "-isplit", "-csplit":
		v, err := textops.Split(in.TextOps(), v, nil, op == "-csplit", true)
		if err != nil {
			return nil, pserror.Runtime(ext, err.Error(), "OperatorFailed", object.InvalidOperation, "RuntimeException")
		}
		return v, nil
	case "-join":
		s, err := textops.Join(in.TextOps(), v, "")
		if err != nil {
			return nil, pserror.OutOfMemory(ext)
		}
		return s, nil
	}
	return nil, fmt.Errorf("unsupported unary operator %s", op)
}
