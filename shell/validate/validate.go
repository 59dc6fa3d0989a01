// Package validate is the validation attributes of script parameters
// and class properties ([ValidateNotNull()], [ValidateNotNullOrEmpty()],
// [ValidateNotNullOrWhiteSpace()], [ValidateSet()], [ValidateRange()],
// [ValidatePattern()], [ValidateScript()], [ValidateCount()],
// [ValidateLength()]) with PowerShell's failure messages. The interpreter
// evaluates an attribute's arguments; the checks reach the session
// through the small Session interface.
package validate

import (
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"strings"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Session is what the checks reach of the session that runs them.
type Session interface {
	// Text converts a value to text as the session does.
	Text(v any) string
	// ConvertTo converts a value to the named type, as a cast does.
	ConvertTo(v any, typeName string) (any, error)
	// Compare orders two values as -lt and -gt do (case-insensitive).
	Compare(a, b any) (int, error)
	// Regex compiles a case-insensitive .NET pattern.
	Regex(pattern string) (*regexengine.Regexp, error)
	// Script reports whether v is a script block.
	Script(v any) (Script, bool)
	// RunScript runs a [ValidateScript()] block with $_ set to el.
	RunScript(sb Script, el any) (any, error)
}

// Script is a script block an attribute names.
type Script interface {
	// Text is the block's source text (in the failure message).
	Text() string
}

// Attribute is a validation attribute with its arguments evaluated.
type Attribute struct {
	// Name is the attribute's name as written ("ValidateSet").
	Name string
	// Args are the positional arguments.
	Args []any
	// Named are the named arguments by lower-case name (ErrorMessage,
	// IgnoreCase).
	Named map[string]any
}

// Validator checks a converted argument. It returns PowerShell's
// validation message ("" when the value passes) or an error that stops
// binding as it is (a failing ValidateScript block).
type Validator func(s Session, v any) (string, error)

// PatternError is a [ValidatePattern()] whose pattern does not compile.
type PatternError struct {
	Pattern string
	Err     error
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("Cannot create the regular expression \"%s\": %s", e.Pattern, e.Err.Error())
}

// Validation failure texts.
const (
	msgNotNull             = "The argument is null. Provide a valid value for the argument, and then try running the command again."
	msgNotNullCollection   = "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again."
	msgNotNullOrEmptyColl  = "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again."
	msgNotNullOrWhiteSpace = "The argument is null, empty, or consists of only white-space characters. Provide an argument that contains non white-space characters, and then try the command again."
	msgNotWhiteSpaceColl   = "An element of the argument collection is null, empty, or consists of only white-space characters. Supply a collection that does not contain any those values and then try the command again."
)

// NotNullOrEmpty is the failure of [ValidateNotNullOrEmpty()] on $null
// or "" (a declared parameter's ValidateNotNullOrEmpty too).
const NotNullOrEmpty = "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."

// New builds the check of one validation attribute; attributes that do
// not validate ([ArgumentCompleter()], [SupportsWildcards()] ...) give
// nil.
func New(ses Session, a Attribute) (Validator, error) {
	args, named := a.Args, a.Named
	errorMessage := ""
	if m, ok := named["errormessage"]; ok {
		errorMessage = ses.Text(m)
	}
	custom := func(def string, a ...any) string {
		f := def
		if errorMessage != "" {
			f = errorMessage
		}
		s, err := object.FormatComposite(f, a, func(v any) string { return ses.Text(v) })
		if err != nil {
			return f
		}
		return s
	}
	switch strings.ToLower(a.Name) {
	case "validatenotnull":
		return func(ses Session, v any) (string, error) {
			if v == nil {
				return msgNotNull, nil
			}
			if items, ok := object.Elements(v); ok {
				for _, it := range items {
					if it == nil {
						return msgNotNullCollection, nil
					}
				}
			}
			return "", nil
		}, nil
	case "validatenotnullorempty", "validatenotnullorwhitespace":
		white := strings.EqualFold(a.Name, "ValidateNotNullOrWhiteSpace")
		empty := func(s string) bool {
			if white {
				return strings.TrimSpace(s) == ""
			}
			return s == ""
		}
		single, coll := NotNullOrEmpty, msgNotNullOrEmptyColl
		if white {
			single, coll = msgNotNullOrWhiteSpace, msgNotWhiteSpaceColl
		}
		return func(ses Session, v any) (string, error) {
			switch x := v.(type) {
			case nil:
				return NotNullOrEmpty, nil
			case string:
				if empty(x) {
					return single, nil
				}
				return "", nil
			case *object.Hashtable:
				if x.Len() == 0 {
					return msgNotNullOrEmptyColl, nil
				}
				return "", nil
			}
			if items, ok := object.Elements(v); ok {
				if len(items) == 0 {
					return msgNotNullOrEmptyColl, nil
				}
				for _, it := range items {
					if it == nil {
						return msgNotNullOrEmptyColl, nil
					}
					if s, ok := it.(string); ok && empty(s) {
						return coll, nil
					}
				}
			}
			return "", nil
		}, nil
	case "validateset":
		set := make([]string, 0, len(args))
		for _, v := range args {
			if items, ok := object.Elements(v); ok {
				for _, it := range items {
					set = append(set, ses.Text(it))
				}
				continue
			}
			set = append(set, ses.Text(v))
		}
		ignoreCase := true
		if v, ok := named["ignorecase"]; ok {
			ignoreCase = object.ToBool(v)
		}
		return eachElement(func(ses Session, el any) (string, error) {
			s := ses.Text(el)
			for _, allowed := range set {
				if allowed == s || ignoreCase && strings.EqualFold(allowed, s) {
					return "", nil
				}
			}
			return custom("The argument \"{0}\" does not belong to the set \"{1}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", s, strings.Join(set, ",")), nil
		}), nil
	case "validaterange":
		return rangeValidator(ses, args)
	case "validatepattern":
		if len(args) == 0 {
			return nil, nil
		}
		pattern := ses.Text(args[0])
		re, err := ses.Regex(pattern)
		if err != nil {
			return nil, &PatternError{Pattern: pattern, Err: err}
		}
		return eachElement(func(ses Session, el any) (string, error) {
			s := ses.Text(el)
			ok, err := re.IsMatch(s)
			if err != nil {
				return "", err
			}
			if ok {
				return "", nil
			}
			return custom("The argument \"{0}\" does not match the \"{1}\" pattern. Supply an argument that matches \"{1}\" and try the command again.", s, pattern), nil
		}), nil
	case "validatescript":
		if len(args) == 0 {
			return nil, nil
		}
		sb, ok := ses.Script(args[0])
		if !ok {
			return nil, nil
		}
		return eachElement(func(ses Session, el any) (string, error) {
			v, err := ses.RunScript(sb, el)
			if err != nil {
				return "", err
			}
			if object.ToBool(v) {
				return "", nil
			}
			return custom("The \"{1}\" validation script for the argument with value \"{0}\" did not return a result of True. Determine why the validation script failed, and then try the command again.", ses.Text(el), sb.Text()), nil
		}), nil
	case "validatecount":
		if len(args) < 2 {
			return nil, nil
		}
		min, max := numeric.Int64(mustNumber(args[0])), numeric.Int64(mustNumber(args[1]))
		return func(ses Session, v any) (string, error) {
			n := 0
			switch x := v.(type) {
			case nil:
			case *object.Hashtable:
				n = x.Len()
			default:
				items, ok := object.Elements(v)
				if !ok {
					return "The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.", nil
				}
				n = len(items)
			}
			if min == max && int64(n) != max {
				return fmt.Sprintf("The parameter requires exactly %d value(s) - %d value(s) were provided.", max, n), nil
			}
			if int64(n) < min || int64(n) > max {
				return fmt.Sprintf("The parameter requires at least %d value(s) and no more than %d value(s) - %d value(s) were provided.", min, max, n), nil
			}
			return "", nil
		}, nil
	case "validatelength":
		if len(args) < 2 {
			return nil, nil
		}
		min, max := numeric.Int64(mustNumber(args[0])), numeric.Int64(mustNumber(args[1]))
		return eachElement(func(ses Session, el any) (string, error) {
			s, ok := el.(string)
			if !ok {
				return "The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.", nil
			}
			n := int64(len([]rune(s)))
			if n < min {
				return fmt.Sprintf("The character length (%d) of the argument is too short. Specify an argument with a length that is greater than or equal to \"%d\", and then try the command again.", n, min), nil
			}
			if n > max {
				return fmt.Sprintf("The character length (%d) of the argument is too long. Specify an argument with a length that is shorter than or equal to \"%d\", and then try the command again.", n, max), nil
			}
			return "", nil
		}), nil
	}
	return nil, nil
}

func mustNumber(v any) any {
	if n, ok := numeric.ToNumber(v); ok {
		return n
	}
	return 0
}

// eachElement applies an element check to a value or to each element of
// a collection, as the enumerating validation attributes do: $null, or a
// $null element, fails before the check runs.
func eachElement(check Validator) Validator {
	return func(ses Session, v any) (string, error) {
		if v == nil {
			return msgNotNullOrEmptyColl, nil
		}
		items, ok := object.Elements(v)
		if !ok {
			items = []any{v}
		}
		for _, el := range items {
			if el == nil {
				return msgNotNull, nil
			}
			if msg, err := check(ses, el); msg != "" || err != nil {
				return msg, err
			}
		}
		return "", nil
	}
}

// rangeValidator is [ValidateRange(min, max)] and the named ranges
// ([ValidateRange('Positive')] ...). The argument is compared in the type
// of the bounds.
func rangeValidator(ses Session, args []any) (Validator, error) {
	if len(args) == 1 {
		kind := strings.ToLower(ses.Text(args[0]))
		return eachElement(func(ses Session, el any) (string, error) {
			n, ok := numeric.ToNumber(el)
			if !ok {
				return fmt.Sprintf("The argument cannot be validated because its type \"%s\" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again.", object.ShortName(object.TypeName(el))), nil
			}
			f := numeric.Float(n)
			s := ses.Text(el)
			switch kind {
			case "positive":
				if f <= 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not greater than zero.", s), nil
				}
			case "nonnegative":
				if f < 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not greater than or equal to zero.", s), nil
				}
			case "negative":
				if f >= 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not less than zero.", s), nil
				}
			case "nonpositive":
				if f > 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not less than or equal to zero.", s), nil
				}
			}
			return "", nil
		}), nil
	}
	if len(args) < 2 {
		return nil, nil
	}
	lo, hi := args[0], args[1]
	boundType := object.TypeName(lo)
	return eachElement(func(ses Session, el any) (string, error) {
		cv, err := ses.ConvertTo(el, boundType)
		if err != nil {
			return fmt.Sprintf("The argument cannot be validated because its type \"%s\" is not the same type (%s) as the maximum and minimum limits of the parameter. Make sure the argument is of type %s and then try the command again.", object.ShortName(object.TypeName(el)), object.ShortName(boundType), object.ShortName(boundType)), nil
		}
		if c, err := ses.Compare(cv, lo); err == nil && c < 0 {
			return fmt.Sprintf("The %s argument is less than the minimum allowed range of %s. Supply an argument that is greater than or equal to %s and then try the command again.", ses.Text(cv), ses.Text(lo), ses.Text(lo)), nil
		}
		if c, err := ses.Compare(cv, hi); err == nil && c > 0 {
			return fmt.Sprintf("The %s argument is greater than the maximum allowed range of %s. Supply an argument that is less than or equal to %s and then try the command again.", ses.Text(cv), ses.Text(hi), ses.Text(hi)), nil
		}
		return "", nil
	}), nil
}
