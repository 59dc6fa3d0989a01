package params

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/validate"
)

// Converting an argument to a declared parameter's type, with
// PowerShell's binding errors: a compiled cmdlet's wording or a
// function's ("Cannot process argument transformation").

// Session is what the conversions reach of the session.
type Session interface {
	// Text converts a value to text as the session does ($OFS included).
	Text(v any) string
	// ToInt converts to Int32 or Int64 (typeName) as a cast does.
	ToInt(v any, typeName string) (any, error)
	// ToDouble converts to Double as a cast does.
	ToDouble(v any) (any, error)
	// ToDateTime and ToTimeSpan convert as a cast does.
	ToDateTime(v any) (time.Time, error)
	ToTimeSpan(v any) (any, error)
	// Switch reports a SwitchParameter value and whether it is present.
	Switch(v any) (present, ok bool)
	// ScriptBlock reports whether v is a script block.
	ScriptBlock(v any) bool
}

// Failure is an argument that does not bind: the message, error ID and
// category of the ParameterBindingException the binder raises.
type Failure struct {
	Msg      string
	ID       string
	Category object.ErrorCategory
}

// Convert converts an argument to the type of a declared parameter (not
// one of a param() block, which the interpreter converts): an array
// parameter converts each element, a scalar one takes a one-element list's
// element; $null, "" and values outside ValidateRange or the allowed
// values fail as PowerShell words it. fnStyle words the failures as a
// function's.
func Convert(ses Session, p *Param, v any, fnStyle bool) (any, *Failure) {
	t := p.Type
	if t == nil {
		t = TObject
	}
	fail := func(detail string) *Failure {
		if fnStyle {
			return &Failure{fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", p.Name, detail), "ParameterArgumentTransformationError", object.InvalidData}
		}
		return &Failure{fmt.Sprintf("Cannot bind parameter '%s'. %s", p.Name, detail), "CannotConvertArgumentNoMessage", object.InvalidArgument}
	}
	v = ArgValue(v)
	if p.ValidateNotNullOrEmpty {
		// the validation attribute runs before the mandatory checks
		if s, isStr := v.(string); v == nil || isStr && s == "" {
			return nil, &Failure{fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", p.Name, validate.NotNullOrEmpty), "ParameterArgumentValidationError", object.InvalidData}
		}
	}
	if v == nil {
		// a parameter mandatory in some set takes no $null unless it
		// allows it, whatever its type
		if p.IsMandatory() && !p.AllowEmpty {
			return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", p.Name), "ParameterArgumentValidationErrorNullNotAllowed", object.InvalidData}
		}
		if t.Kind == KindSwitch || t.Kind == KindBool {
			if t.Kind == KindBool {
				return nil, fail(fmt.Sprintf("Cannot convert value \"\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."))
			}
		}
		return nil, nil
	}
	if t.Array {
		items, ok := object.Elements(v)
		if !ok {
			items = []any{v}
		}
		out := make([]any, 0, len(items))
		for _, it := range items {
			c, err := convertScalar(ses, p, t, it, fnStyle, fail)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, nil
	}
	if items, ok := object.Elements(v); ok && !t.Whole() {
		if len(items) == 1 {
			v = items[0]
		} else if t.Single() {
			if fnStyle {
				return nil, fail(fmt.Sprintf("Cannot convert 'System.Object[]' to the type '%s' required by parameter '%s'. Specified method is not supported.", t.FullName, p.Name))
			}
			return nil, &Failure{fmt.Sprintf("Cannot convert 'System.Object[]' to the type '%s' required by parameter '%s'. Specified method is not supported.", t.FullName, p.Name), "CannotConvertArgument", object.InvalidArgument}
		}
	}
	return convertScalar(ses, p, t, v, fnStyle, fail)
}

// IsMandatory reports whether the parameter is mandatory in some set.
func (p *Param) IsMandatory() bool {
	for _, s := range p.Sets {
		if s.Mandatory {
			return true
		}
	}
	return false
}

// ArgValue is the value an argument binds: a PSObject that only wraps a
// value (no properties of its own) is that value.
func ArgValue(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil && o.Len() == 0 {
		return o.Base
	}
	return v
}

func convertScalar(ses Session, p *Param, t *Type, v any, fnStyle bool, fail func(string) *Failure) (any, *Failure) {
	if t.Convert != nil {
		if c, ok := t.Convert(v); ok {
			return c, nil
		}
	}
	switch t.Kind {
	case KindString:
		if s, ok := v.(string); ok {
			if s == "" && p.IsMandatory() && !p.AllowEmpty && !p.AllowEmptyString {
				return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData}
			}
			return s, nil
		}
		return ses.Text(v), nil
	case KindBool, KindSwitch:
		// [bool] and [switch] parameters take Booleans, numbers and switch
		// values alike and refuse anything else with the same wording.
		typeName := "System.Boolean"
		if t.Kind == KindSwitch {
			typeName = "System.Management.Automation.SwitchParameter"
		}
		switch x := v.(type) {
		case bool:
			return x, nil
		case int, int64, float64, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
			return object.ToBool(x), nil
		}
		if b, ok := ses.Switch(v); ok {
			return b, nil
		}
		if fnStyle {
			return nil, fail(fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", object.TypeName(v), typeName))
		}
		return nil, &Failure{fmt.Sprintf("Cannot convert '%s' to the type '%s' required by parameter '%s'. ", object.TypeName(v), typeName, p.Name), "CannotConvertArgument", object.InvalidArgument}
	case KindInt, KindLong:
		tn := "System.Int32"
		if t.Kind == KindLong {
			tn = "System.Int64"
		}
		n, err := ses.ToInt(v, tn)
		if err != nil {
			return nil, fail(err.Error())
		}
		if p.Min < p.Max {
			iv := numeric.Int64(n)
			if msg := rangeMessage(p, iv); msg != "" {
				return nil, &Failure{msg, "ParameterArgumentValidationError", object.InvalidData}
			}
		}
		return n, nil
	case KindDouble:
		f, err := ses.ToDouble(v)
		if err != nil {
			return nil, fail(err.Error())
		}
		return f, nil
	case KindDateTime:
		if d, ok := v.(time.Time); ok {
			return d, nil
		}
		d, err := ses.ToDateTime(v)
		if err != nil {
			return nil, fail(err.Error())
		}
		return d, nil
	case KindTimeSpan:
		ts, err := ses.ToTimeSpan(v)
		if err != nil {
			return nil, fail(err.Error())
		}
		return ts, nil
	case KindGuid:
		switch x := v.(type) {
		case object.Guid:
			return x, nil
		case string:
			if g, ok := object.ParseGuid(x); ok {
				return g, nil
			}
		}
		return nil, fail(fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Unrecognized Guid format.\"", ses.Text(v)))
	case KindSecureString:
		if s, ok := v.(object.SecureString); ok {
			return s, nil
		}
		return nil, &Failure{fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert the \"%s\" value of type \"%s\" to type \"System.Security.SecureString\".", p.Name, ses.Text(v), object.TypeName(v)), "ParameterArgumentTransformationError", object.InvalidData}
	case KindCredential:
		if o, ok := v.(*object.PSObject); ok && o.TypeName() == "System.Management.Automation.PSCredential" {
			return o, nil
		}
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.PSCredential\".", ses.Text(v), object.TypeName(v)))
	case KindHashtable:
		if h, ok := v.(*object.Hashtable); ok {
			return h, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Collections.Hashtable\".", ses.Text(v), object.TypeName(v)))
	case KindScriptBlock:
		if ses.ScriptBlock(v) {
			return v, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".", ses.Text(v), object.TypeName(v)))
	case KindEnum:
		s := ses.Text(v)
		if t.Flags && strings.Contains(s, ",") {
			if names, ok := flagNames(t.Values, s); ok {
				return names, nil
			}
		}
		for _, allowed := range t.Values {
			if strings.EqualFold(allowed, strings.TrimSpace(s)) {
				return allowed, nil
			}
		}
		if t.DotNetEnum {
			// a number names the value with that number (the values are
			// declared in their numeric order from 0); another number is
			// not a value of the enum
			if n, isNum := enumNumber(v); isNum {
				if n >= 0 && n < int64(len(t.Values)) {
					return t.Values[n], nil
				}
				return nil, &Failure{fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"%s\".", p.Name, s, t.FullName, strings.Join(t.Values, ",")), "CannotConvertArgumentNoMessage", object.InvalidArgument}
			}
			// a .NET enum also takes the start of one of its names, when
			// no other name starts the same way
			var starts []string
			if text := strings.TrimSpace(s); text != "" {
				for _, allowed := range t.Values {
					if len(allowed) >= len(text) && strings.EqualFold(allowed[:len(text)], text) {
						starts = append(starts, allowed)
					}
				}
			}
			switch {
			case len(starts) == 1:
				return starts[0], nil
			case len(starts) > 1:
				return nil, &Failure{fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"The identifier name %s cannot be processed because it is either too similar or identical to the following enumerator names: %s. Use a more specific identifier name.\"", p.Name, s, t.FullName, s, strings.Join(starts, ", ")), "CannotConvertArgumentNoMessage", object.InvalidArgument}
			}
			return nil, &Failure{fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"", p.Name, s, t.FullName, s, strings.Join(t.Values, ", ")), "CannotConvertArgumentNoMessage", object.InvalidArgument}
		}
		return nil, &Failure{fmt.Sprintf("Cannot validate argument on parameter '%s'. The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", p.Name, s, strings.Join(t.Values, ",")), "ParameterArgumentValidationError", object.InvalidData}
	case KindCustom:
		if s, ok := v.(string); ok && s == "" && t.Single() {
			return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData}
		}
		return v, nil
	}
	return v, nil
}

// flagNames reads text naming flags of an enum separated by commas and
// returns the names as declared in values, in their order, joined with
// ", "; ok is false when a part names none of them.
func flagNames(values []string, text string) (string, bool) {
	seen := make([]bool, len(values))
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		found := false
		for i, allowed := range values {
			if strings.EqualFold(allowed, part) {
				seen[i], found = true, true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	var b strings.Builder
	for i, ok := range seen {
		if ok {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(values[i])
		}
	}
	return b.String(), true
}

// FlagNames returns the names bound to an enum-of-flags parameter, or
// given to a string parameter that the service reads as one: each value
// split at its commas, spaces around a name dropped, empty names left out.
func FlagNames(values []string) []string {
	var out []string
	for _, v := range values {
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// enumNumber reads an integer, or a string of one, given for an enum.
func enumNumber(v any) (int64, bool) {
	switch x := object.Unwrap(v).(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// rangeMessage is ValidateRange's failure text for iv, or "" when iv lies
// within [p.Min, p.Max].
func rangeMessage(p *Param, iv int64) string {
	switch {
	case iv < p.Min:
		return fmt.Sprintf("Cannot validate argument on parameter '%s'. The %d argument is less than the minimum allowed range of %d. Supply an argument that is greater than or equal to %d and then try the command again.", p.Name, iv, p.Min, p.Min)
	case iv > p.Max:
		return fmt.Sprintf("Cannot validate argument on parameter '%s'. The %d argument is greater than the maximum allowed range of %d. Supply an argument that is less than or equal to %d and then try the command again.", p.Name, iv, p.Max, p.Max)
	}
	return ""
}
