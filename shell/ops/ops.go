// Package ops is PowerShell's operators on values: + - * / % with the
// left operand deciding (numbers, strings, arrays, hashtables, dates and
// time spans), -eq and the other comparisons with the right operand
// converted to the left one's type, ordering for -lt and Sort-Object,
// -like and -match (with $Matches), -contains and -in, and a session's
// cache of compiled patterns; Binary applies any binary operator (also
// the bitwise ones, -xor, -is, -as, the range and the text operators of
// shell/textops), Unary the prefix ones. The interpreter and the .NET types reach them with the
// operands evaluated; they reach the session through the small Session
// interface (Interp for Binary).
package ops

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/dotnet/regexsyntax"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// Session is what the operators reach of the session.
type Session interface {
	// Text converts a value to text as the session does ($OFS included).
	Text(v any) string
	// Regex compiles a .NET pattern (Regexes.Compile on the session's
	// cache).
	Regex(pattern string, caseSensitive bool) (*regexengine.Regexp, error)
	// SetMatches sets $Matches after a scalar -match.
	SetMatches(m *object.Hashtable)
	// CompareTo orders left against right when left is a value that
	// orders itself (System.Version ...): comparable says whether it is
	// one, ok whether right compared.
	CompareTo(left, right any) (c int, ok, comparable bool)
}

// Error is an operator's failure in PowerShell's words.
type Error struct {
	Msg string
	// ID, when set, is the error ID PowerShell gives the failure, and
	// Exception, when set, the .NET exception it raises in place of a
	// RuntimeException (whose category is then NotSpecified).
	ID, Exception string
}

func (e *Error) Error() string { return e.Msg }

// ambiguousDateSubtraction is a DateTime minus a value that converts to
// both a DateTime and a TimeSpan ($null, a number, a string).
var ambiguousDateSubtraction = &Error{Msg: "Multiple ambiguous overloads found for \"op_Subtraction\" and the argument count: \"2\".", ID: "MethodCountCouldNotFindBest", Exception: "MethodException"}

// ErrDivideByZero is / or % by zero.
var ErrDivideByZero = &Error{Msg: "Attempted to divide by zero."}

// MethodError is an exception thrown inside a .NET operator method
// (DateTime's op_Addition ...): PowerShell reports it as the failed call of
// that method with two arguments.
type MethodError struct {
	Method string
	Exc    *dotnet.MethodException
}

func (e *MethodError) Error() string { return e.Exc.Msg }

// operatorFailure names the operator method that threw err (nil stays nil).
func operatorFailure(method string, err error) error {
	if me, ok := err.(*dotnet.MethodException); ok {
		return &MethodError{Method: method, Exc: me}
	}
	return err
}

// operandTypeName is the type an operator's missing method is looked up
// on: a property bag (a custom, selected or deserialized object) has no
// .NET object inside, so the type is PSObject itself.
func operandTypeName(v any) string {
	if o, ok := v.(*object.PSObject); ok && o.Base == nil && len(o.TypeNames) > 0 {
		if o.IsCustom() || strings.HasPrefix(o.TypeNames[0], "Deserialized.") {
			return "System.Management.Automation.PSObject"
		}
	}
	return object.TypeName(v)
}

// Arith implements + - * / % with PowerShell's "left operand
// decides" rules.
func Arith(ses Session, op string, left, right any) (any, error) {
	left = object.Unwrap(left)
	right = object.Unwrap(right)
	switch l := left.(type) {
	case nil:
		switch op {
		case "+":
			if right == nil {
				return nil, nil
			}
			return right, nil
		case "*":
			return nil, nil
		case "-", "/", "%":
			if right == nil {
				return nil, nil
			}
			n, ok := numeric.ToNumber(right)
			if !ok {
				return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [%s] does not contain a method named 'op_Subtraction'.", operandTypeName(right))}
			}
			return Numeric(op, 0, n)
		}
	case string:
		switch op {
		case "+":
			r := ses.Text(right)
			if err := memlimit.Check(int64(len(l)) + int64(len(r))); err != nil {
				return nil, err
			}
			return l + r, nil
		case "*":
			n, ok := numeric.ToNumber(right)
			if !ok {
				return nil, &Error{Msg: object.CannotConvert(right, "System.Int32")}
			}
			// The count is converted to Int32 (a larger one fails);
			// building the string may run out of memory.
			n, err := number.ToInt32(n, "System.Int32")
			if err != nil {
				return nil, err
			}
			c := numeric.Int64(n)
			if c < 0 {
				c = 0
			}
			if err := memlimit.CheckProduct(int64(len(l)), c); err != nil {
				return nil, err
			}
			return strings.Repeat(l, int(c)), nil
		}
		n, ok := numeric.ToNumber(l)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [System.String] does not contain a method named 'op_%s'.", opMethodName(op))}
		}
		r, ok := numeric.ToNumber(right)
		if !ok {
			return nil, &Error{Msg: object.CannotConvert(right, "System.Int32")}
		}
		return Numeric(op, n, r)
	case []any:
		switch op {
		case "+":
			return addArrays(l, right)
		case "*":
			n, ok := numeric.ToNumber(right)
			if !ok {
				return nil, &Error{Msg: object.CannotConvert(right, "System.Int32")}
			}
			// The count is converted to UInt32 (a negative or larger
			// one fails).
			if f := math.RoundToEven(numeric.Float(n)); f < 0 || f > math.MaxUint32 {
				return nil, dotnet.ConvertFailed(n, "System.UInt32", "Value was either too large or too small for a UInt32.")
			}
			c := int64(math.RoundToEven(numeric.Float(n)))
			if c == 0 {
				return []any{}, nil
			}
			if err := memlimit.CheckProduct(int64(len(l))*slotSize, c); err != nil {
				return nil, err
			}
			out := make([]any, 0, int64(len(l))*c)
			for i := int64(0); i < c; i++ {
				out = append(out, l...)
			}
			return out, nil
		}
		return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [System.Object[]] does not contain a method named 'op_%s'.", opMethodName(op))}
	case *object.List:
		if op == "+" {
			return addArrays(l.Items, right)
		}
	case *object.Hashtable:
		if op == "+" {
			r, ok := right.(*object.Hashtable)
			if !ok {
				return nil, &Error{Msg: "A hash table can only be added to another hash table."}
			}
			out := l.Copy()
			for _, k := range r.Keys() {
				if out.Has(k) {
					return nil, &Error{Msg: fmt.Sprintf("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", object.ToInvariantString(k), object.ToInvariantString(k))}
				}
				v, _ := r.Get(k)
				out.Set(k, v)
			}
			return out, nil
		}
	case time.Time:
		switch op {
		case "+":
			if ts, ok := right.(object.TimeSpan); ok {
				r, err := datetime.AddTicks(l, int64(ts), "t")
				return r, operatorFailure("op_Addition", err)
			}
			if n, ok := numeric.ToNumber(right); ok {
				r, err := datetime.AddTicks(l, numeric.Int64(n), "t")
				return r, operatorFailure("op_Addition", err)
			}
		case "-":
			switch r := right.(type) {
			case time.Time:
				return object.DateDiff(l, r), nil
			case object.TimeSpan:
				d, err := datetime.SubTicks(l, r, "t")
				return d, operatorFailure("op_Subtraction", err)
			case nil, string:
				return nil, ambiguousDateSubtraction
			}
			// DateTime has op_Subtraction(DateTime, DateTime) and
			// op_Subtraction(DateTime, TimeSpan): $null, a number or a
			// string converts to both, so PowerShell cannot choose
			if _, isNum := numeric.ToNumber(right); isNum {
				return nil, ambiguousDateSubtraction
			}
		}
		return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [System.DateTime] does not contain a method named 'op_%s'.", opMethodName(op))}
	case object.TimeSpan:
		switch op {
		case "+":
			if r, ok := right.(object.TimeSpan); ok {
				s, err := datetime.AddSpans(l, r)
				return s, operatorFailure("op_Addition", err)
			}
		case "-":
			if r, ok := right.(object.TimeSpan); ok {
				s, err := datetime.SubSpans(l, r)
				return s, operatorFailure("op_Subtraction", err)
			}
		}
		return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [System.TimeSpan] does not contain a method named 'op_%s'.", opMethodName(op))}
	}
	ln, ok := numeric.ToNumber(left)
	if !ok {
		return nil, &Error{Msg: fmt.Sprintf("Method invocation failed because [%s] does not contain a method named 'op_%s'.", operandTypeName(left), opMethodName(op))}
	}
	rn, ok := numeric.ToNumber(right)
	if !ok {
		if right != nil {
			if s, isStr := right.(string); isStr {
				return nil, &Error{Msg: object.CannotConvert(s, object.TypeName(ln)) + " Error: \"The input string '" + s + "' was not in a correct format.\""}
			}
			return nil, &Error{Msg: object.CannotConvert(right, object.TypeName(ln))}
		}
		rn = 0
	}
	return Numeric(op, ln, rn)
}

// slotSize is what one element of an array costs: an interface value.
const slotSize = memlimit.SlotSize

// addArrays is array + value: a new array with the elements of l and
// then right's elements (or right itself when it is not a collection).
func addArrays(l []any, right any) (any, error) {
	items, ok := enumerateForAdd(right)
	if !ok {
		items = []any{right}
	}
	if err := memlimit.CheckProduct(int64(len(l))+int64(len(items)), slotSize); err != nil {
		return nil, err
	}
	out := make([]any, 0, len(l)+len(items))
	out = append(out, l...)
	return append(out, items...), nil
}

func enumerateForAdd(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case *object.List:
		return x.Items, true
	}
	return nil, false
}

func opMethodName(op string) string {
	switch op {
	case "+":
		return "Addition"
	case "-":
		return "Subtraction"
	case "*":
		return "Multiply"
	case "/":
		return "Division"
	case "%":
		return "Modulus"
	}
	return op
}

// ---------------------------------------------------------------------------
// comparison

// CompareOp describes a comparison operator after stripping i/c prefixes.
type CompareOp struct {
	name          string // eq ne gt ge lt le like notlike match notmatch contains notcontains in notin
	caseSensitive bool
}

func ParseCompareOp(op string) (CompareOp, bool) {
	o := strings.TrimPrefix(op, "-")
	cs := false
	if len(o) > 2 && (o[0] == 'c' || o[0] == 'i') {
		rest := o[1:]
		switch rest {
		case "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains", "in", "notin", "replace", "split":
			cs = o[0] == 'c'
			o = rest
		}
	}
	switch o {
	case "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains", "in", "notin":
		return CompareOp{name: o, caseSensitive: cs}, true
	}
	return CompareOp{}, false
}

// Equal is PowerShell's -eq: the right side is converted to the
// left side's type.
func Equal(ses Session, left, right any, cs bool) bool {
	left = object.Unwrap(left)
	right = object.Unwrap(right)
	if left == nil || right == nil {
		return left == nil && right == nil
	}
	switch l := left.(type) {
	case string:
		r := ses.Text(right)
		if cs {
			return l == r
		}
		return strings.EqualFold(l, r)
	case bool:
		return l == object.ToBool(right)
	case object.Char:
		r := ses.Text(right)
		if cs {
			return string(rune(l)) == r
		}
		return strings.EqualFold(string(rune(l)), r)
	case int, int64, float64, float32, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		rn, ok := numeric.ToNumberStrict(right)
		if !ok {
			return false
		}
		ln, _ := numeric.ToNumber(l)
		return numeric.Compare(ln, rn) == 0
	case time.Time:
		r, err := datetime.ToDateTime(right)
		return err == nil && l.Equal(r)
	case object.TimeSpan:
		r, ok := right.(object.TimeSpan)
		return ok && l == r
	case object.Guid:
		switch r := right.(type) {
		case object.Guid:
			return l == r
		case string:
			g, ok := object.ParseGuid(r)
			return ok && g == l
		}
		return false
	case object.Enum:
		switch r := right.(type) {
		case object.Enum:
			return l.Value == r.Value
		case string:
			return strings.EqualFold(l.Name, strings.TrimSpace(r))
		}
		if n, ok := numeric.ToNumber(right); ok {
			return int64(l.Value) == numeric.Int64(n)
		}
		return false
	case object.SecureString:
		r, ok := right.(object.SecureString)
		return ok && r == l
	}
	if c, ok, comparable := ses.CompareTo(left, right); comparable {
		return ok && c == 0
	}
	// Reference equality for everything else.
	return dotnet.SameRef(left, right)
}

// nullOrder is how a value orders against $null: a negative number is
// below it, anything else (0 included) above it.
func nullOrder(v any) int {
	if object.IsNumeric(v) {
		if n, ok := numeric.ToNumber(v); ok && numeric.Compare(n, 0) < 0 {
			return -1
		}
	}
	return 1
}

// Compare orders two values with the left operand's type, for -lt
// -gt and Sort-Object. err is set when they cannot be compared.
func Compare(ses Session, left, right any, cs bool) (int, error) {
	left = object.Unwrap(left)
	right = object.Unwrap(right)
	if left == nil {
		if right == nil {
			return 0, nil
		}
		return -nullOrder(right), nil
	}
	if right == nil {
		return nullOrder(left), nil
	}
	// a value type that orders itself (System.Version ...)
	if c, ok, _ := ses.CompareTo(left, right); ok {
		return c, nil
	}
	switch l := left.(type) {
	case string:
		return dotnet.CompareStrings(l, ses.Text(right), cs), nil
	case int, int64, float64, float32, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		rn, ok := numeric.ToNumberStrict(right)
		if !ok {
			ln, _ := numeric.ToNumber(l)
			detail := ""
			if s, isStr := right.(string); isStr {
				detail = " Error: \"The input string '" + s + "' was not in a correct format.\""
			}
			return 0, &Error{Msg: fmt.Sprintf("Could not compare \"%s\" to \"%s\". Error: \"%s%s\"", object.ToInvariantString(left), object.ToInvariantString(right), object.CannotConvert(right, object.TypeName(ln)), detail)}
		}
		ln, _ := numeric.ToNumber(l)
		return numeric.Compare(ln, rn), nil
	case time.Time:
		r, err := datetime.ToDateTime(right)
		if err != nil {
			return 0, &Error{Msg: fmt.Sprintf("Could not compare \"%s\" to \"%s\". Error: \"%s\"", object.ToInvariantString(left), object.ToInvariantString(right), err.Error())}
		}
		return l.Compare(r), nil
	case object.TimeSpan:
		if r, ok := right.(object.TimeSpan); ok {
			switch {
			case l < r:
				return -1, nil
			case l > r:
				return 1, nil
			}
			return 0, nil
		}
	case bool:
		r := object.ToBool(right)
		switch {
		case l == r:
			return 0, nil
		case !l:
			return -1, nil
		}
		return 1, nil
	case object.Enum:
		if n, ok := numeric.ToNumber(right); ok {
			return numeric.Compare(l.Value, n), nil
		}
		if r, ok := right.(object.Enum); ok {
			return numeric.Compare(l.Value, r.Value), nil
		}
	case object.Guid:
		return dotnet.CompareStrings(l.String(), ses.Text(right), false), nil
	}
	return dotnet.CompareStrings(ses.Text(left), ses.Text(right), cs), nil
}

// order is Compare as -gt, -ge, -lt and -le see it: an object that
// cannot be ordered is an error rather than its text. A custom object
// ([pscustomobject], Select-Object's output) orders only against itself;
// a hashtable is equal to itself and cannot be ordered otherwise (-ge and
// -le of a value with itself are true, -gt and -lt false). A cmdlet's
// deserialized output (a quota, a size) still compares as its text.
func order(ses Session, left, right any, cs bool) (int, error) {
	switch l := object.Unwrap(left).(type) {
	case *object.PSObject:
		if !slices.Contains(l.TypeNames, object.CustomObjectType) {
			break
		}
		if dotnet.SameRef(l, object.Unwrap(right)) {
			return 0, nil
		}
		lt, rt := ses.Text(l), ses.Text(right)
		return 0, &Error{Msg: fmt.Sprintf("Cannot compare \"%s\" to \"%s\" because the objects are not the same type or the object \"%s\" does not implement \"IComparable\".", lt, rt, lt),
			ID: "PSObjectCompareTo", Exception: "ExtendedTypeSystemException"}
	case *object.Hashtable:
		if Equal(ses, l, right, cs) {
			return 0, nil
		}
		return 0, &Error{Msg: fmt.Sprintf("Cannot compare \"%s\" because it is not IComparable.", ses.Text(l)), ID: "NotIcomparable"}
	}
	return Compare(ses, left, right, cs)
}

// Regexes is a session's cache of compiled patterns, so a pattern in a
// loop compiles once.
type Regexes struct {
	m map[string]*regexengine.Regexp
}

// Compile compiles a .NET pattern, case-insensitive unless cs. A pattern
// Go's regexp engine cannot run (lookaround, backreferences, ...) runs on
// the backtracking engine; every other keeps Go's.
func (c *Regexes) Compile(pattern string, cs bool) (*regexengine.Regexp, error) {
	key := pattern
	if !cs {
		key = "(?i)" + pattern
	}
	if c.m == nil {
		c.m = map[string]*regexengine.Regexp{}
	}
	if re, ok := c.m[key]; ok {
		return re, nil
	}
	var re *regexengine.Regexp
	if regexsyntax.Unsupported(pattern) != "" {
		opts := 0
		if !cs {
			opts = regexengine.IgnoreCase
		}
		var err error
		if re, err = regexengine.Compile(pattern, opts); err != nil {
			return nil, &Error{Msg: fmt.Sprintf("The regular expression pattern %s is not valid.", pattern)}
		}
	} else {
		g, err := regexp.Compile(key)
		switch {
		case err == nil:
			re = regexengine.FromGo(g, pattern, 0)
		default:
			// .NET syntax Go's parser lacks (\p{IsBlock}, {n} past 1000,
			// ...) still runs on the backtracking engine
			opts := 0
			if !cs {
				opts = regexengine.IgnoreCase
			}
			if re, err = regexengine.Compile(pattern, opts); err != nil {
				return nil, &Error{Msg: fmt.Sprintf("The regular expression pattern %s is not valid.", pattern)}
			}
		}
	}
	if len(c.m) > 512 {
		c.m = map[string]*regexengine.Regexp{}
	}
	c.m[key] = re
	return re, nil
}

// MatchError is the error of a search that ran past the regular
// expression engine's bounds.
func MatchError(err error) error { return &Error{Msg: err.Error()} }

// Match runs -match on a scalar and returns the $Matches table.
func Match(ses Session, s, pattern string, cs bool) (bool, *object.Hashtable, error) {
	re, err := ses.Regex(pattern, cs)
	if err != nil {
		return false, nil, err
	}
	found, err := re.Find(s, 0)
	if err != nil {
		return false, nil, MatchError(err)
	}
	if found == nil {
		return false, nil, nil
	}
	m := found.Loc
	h := object.NewHashtable()
	// groups come in .NET order: numbered groups first, then named ones,
	// each keyed by number or name
	nums := re.GroupNumbers()
	for i, name := range re.GroupNames() {
		if m[2*i] < 0 {
			continue
		}
		if name == strconv.Itoa(nums[i]) {
			h.Set(nums[i], s[m[2*i]:m[2*i+1]])
		} else {
			h.Set(name, s[m[2*i]:m[2*i+1]])
		}
	}
	return true, h, nil
}

// Apply applies a comparison operator; collections on the left filter.
func Apply(ses Session, op CompareOp, left, right any) (any, error) {
	left = object.Unwrap(left)
	switch op.name {
	case "contains", "notcontains":
		items, ok := object.Elements(left)
		if !ok {
			items = []any{left}
		}
		found := false
		for _, it := range items {
			if Equal(ses, it, right, op.caseSensitive) {
				found = true
				break
			}
		}
		return found == (op.name == "contains"), nil
	case "in", "notin":
		items, ok := object.Elements(object.Unwrap(right))
		if !ok {
			items = []any{right}
		}
		found := false
		for _, it := range items {
			if Equal(ses, it, left, op.caseSensitive) {
				found = true
				break
			}
		}
		return found == (op.name == "in"), nil
	}
	if items, ok := object.Elements(left); ok {
		out := []any{}
		for _, it := range items {
			r, err := compareScalar(ses, op, it, right, false)
			if err != nil {
				return nil, err
			}
			if r {
				out = append(out, it)
			}
		}
		return out, nil
	}
	r, err := compareScalar(ses, op, left, right, true)
	return r, err
}

func compareScalar(ses Session, op CompareOp, left, right any, setMatches bool) (bool, error) {
	switch op.name {
	case "eq":
		return Equal(ses, left, right, op.caseSensitive), nil
	case "ne":
		return !Equal(ses, left, right, op.caseSensitive), nil
	case "gt", "ge", "lt", "le":
		c, err := order(ses, left, right, op.caseSensitive)
		if err != nil {
			return false, err
		}
		switch op.name {
		case "gt":
			return c > 0, nil
		case "ge":
			return c >= 0, nil
		case "lt":
			return c < 0, nil
		}
		return c <= 0, nil
	case "like", "notlike":
		opts := wildcard.Options(0)
		if op.caseSensitive {
			opts = wildcard.CaseSensitive
		}
		p, err := wildcard.Compile(ses.Text(right), opts)
		if err != nil {
			return false, &Error{Msg: err.Error()}
		}
		return p.Match(ses.Text(left)) == (op.name == "like"), nil
	case "match", "notmatch":
		ok, matches, err := Match(ses, ses.Text(left), ses.Text(right), op.caseSensitive)
		if err != nil {
			return false, err
		}
		if ok && setMatches && op.name == "match" {
			ses.SetMatches(matches)
		}
		return ok == (op.name == "match"), nil
	}
	return false, fmt.Errorf("unknown comparison %s", op.name)
}

// Numeric is numeric.Arith with the interpreter's divide-by-zero error.
func Numeric(op string, a, b any) (any, error) {
	v, err := numeric.Arith(op, a, b)
	if numeric.Kind(a) == 4 || numeric.Kind(b) == 4 {
		// BigInteger's operator methods threw
		if err != nil {
			return nil, &MethodError{Method: "op_" + opMethodName(op), Exc: &dotnet.MethodException{Msg: err.Error()}}
		}
		return v, nil
	}
	if err == numeric.ErrDivideByZero {
		return nil, ErrDivideByZero
	}
	return v, err
}
