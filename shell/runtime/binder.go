package runtime

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// argument is one argument of a command invocation before binding.
type argument struct {
	name    string // parameter name as typed ("" for positional)
	nameExt syntax.Extent
	value   any
	hasVal  bool // -Name:value or a following value was consumed
	colon   bool
	ext     syntax.Extent
	splat   bool
	order   int // position among the command's arguments (binding)
}

// bindError is a ParameterBindingException.
func (rt *Runtime) bindError(cmd *Command, invName string, ext syntax.Extent, msg, id string, cat object.ErrorCategory) *PSError {
	suffix := cmd.Name
	if cmd.FullTypeName != "" {
		suffix = cmd.FullTypeName
	}
	return &PSError{Record: &object.ErrorRecord{
		Message:           msg,
		ErrorID:           id,
		Category:          cat,
		ExceptionType:     "ParameterBindingException",
		ExceptionFullType: "System.Management.Automation.ParameterBindingException",
		Activity:          cmd.Name,
		CommandSuffix:     suffix,
		InvocationName:    invName,
		Position:          positionOf(ext),
	}}
}

// boundArgs is the result of binding a command's arguments.
type boundArgs struct {
	values     map[string]any // lower-case declared name → converted value
	order      []string       // keys of values and common in the order they were bound
	common     map[string]any // lower-case common parameter name → value
	sets       []string       // remaining candidate parameter sets
	extra      []any          // unbound arguments ($args) for simple functions
	extraNamed []argument
}

// bindArguments binds named and positional arguments (not pipeline input).
func (rt *Runtime) bindArguments(cmd *Command, invName string, args []argument, cmdExt syntax.Extent, simpleFunction bool) (*boundArgs, error) {
	b := &boundArgs{values: map[string]any{}, common: map[string]any{}}
	sig := cmd.sig()
	isBound := func(n string) bool { _, ok := b.values[n]; return ok }
	var positional []argument
	setsUsed := map[string]bool{}
	var namedParams []*Param
	// Parameters splatted from a hashtable bind after the written ones,
	// and a written parameter supersedes the splatted one.
	ordered := make([]argument, 0, len(args))
	for _, a := range args {
		if !a.splat {
			ordered = append(ordered, a)
		}
	}
	for _, a := range args {
		if a.splat {
			ordered = append(ordered, a)
		}
	}
	written := map[string]bool{}
	// $args keeps the unbound arguments in the order they were written.
	type extraArg struct {
		at   int
		vals []any
	}
	var extras []extraArg
	for i := range ordered {
		ordered[i].order = i
	}
	// 1. named arguments
	for _, a := range ordered {
		if a.name == "" {
			positional = append(positional, a)
			continue
		}
		cands, ok := matchParameter(cmd, a.name, !simpleFunction)
		if !ok {
			if len(cands) == 0 {
				if simpleFunction {
					text := "-" + a.name
					if a.colon {
						text += ":"
					}
					e := extraArg{at: a.order, vals: []any{rt.parameterToken(text, a.name)}}
					if a.hasVal {
						e.vals = append(e.vals, a.value)
					}
					extras = append(extras, e)
					continue
				}
				if params.TakesRemaining(&sig) {
					// A command with a ValueFromRemainingArguments
					// parameter takes an unknown -Name as a value, as
					// the text written (Write-Output x -Foo writes x
					// and -Foo), and its value after it.
					text := "-" + a.name
					if a.colon {
						text += ":"
					}
					tok := a
					tok.name, tok.value, tok.ext = "", text, a.nameExt
					positional = append(positional, tok)
					if a.hasVal {
						val := a
						val.name = ""
						positional = append(positional, val)
					}
					continue
				}
				return nil, rt.bindError(cmd, invName, a.nameExt, fmt.Sprintf("A parameter cannot be found that matches parameter name '%s'.", a.name), "NamedParameterNotFound", object.InvalidArgument)
			}
			var names []string
			for _, c := range cands {
				names = append(names, " -"+c.Name())
			}
			return nil, rt.bindError(cmd, invName, a.nameExt, fmt.Sprintf("Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include:%s.", a.name, strings.Join(names, "")), "AmbiguousParameter", object.InvalidArgument)
		}
		c := cands[0]
		key := strings.ToLower(c.Name())
		if a.splat && written[key] {
			continue
		}
		if !a.splat {
			written[key] = true
		}
		if _, dup := b.values[key]; dup {
			return nil, rt.bindError(cmd, invName, a.nameExt, fmt.Sprintf("Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", c.Name()), "ParameterAlreadyBound", object.InvalidArgument)
		}
		if _, dup := b.common[key]; dup {
			return nil, rt.bindError(cmd, invName, a.nameExt, fmt.Sprintf("Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", c.Name()), "ParameterAlreadyBound", object.InvalidArgument)
		}
		val := a.value
		if !a.hasVal {
			if c.Kind() != KindSwitch {
				tname := "System.Object"
				if c.Param != nil {
					tname = c.Param.Type.FullName
				} else {
					tname = c.Common.TypeName()
				}
				return nil, rt.bindError(cmd, invName, a.nameExt, fmt.Sprintf("Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", c.Name(), tname), "MissingArgument", object.InvalidArgument)
			}
			val = true
		}
		if c.Common != nil {
			cv, err := rt.convertCommon(cmd, invName, c.Common, val, a)
			if err != nil {
				return nil, err
			}
			b.common[key] = cv
			b.order = append(b.order, key)
			continue
		}
		cv, err := rt.convertArg(cmd, invName, c.Param, val, a.ext)
		if err != nil {
			return nil, err
		}
		b.values[key] = cv
		b.order = append(b.order, key)
		namedParams = append(namedParams, c.Param)
		for _, s := range c.Param.Sets {
			setsUsed[strings.ToLower(s.Set)] = true
		}
	}
	// 2. candidate sets: those containing every named parameter
	sets := SetsWith(cmd, namedParams)
	if len(sets) == 0 {
		return nil, rt.bindError(cmd, invName, cmdExt, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", object.InvalidArgument)
	}
	// 3. positional arguments
	var remaining *Param
	var rest []any
	for _, a := range positional {
		if remaining != nil {
			rest = append(rest, a.value)
			continue
		}
		p := params.Next(&sig, sets, isBound, a.value, nativeKind)
		if p == nil {
			p = params.Remaining(&sig, sets, isBound)
		}
		if p != nil && p.Remaining {
			remaining = p
			rest = append(rest, a.value)
			var keep []string
			for _, s := range sets {
				if _, in := p.InSet(s); in {
					keep = append(keep, s)
				}
			}
			sets = keep
			continue
		}
		if p == nil {
			if simpleFunction {
				extras = append(extras, extraArg{at: a.order, vals: []any{a.value}})
				continue
			}
			return nil, rt.bindError(cmd, invName, a.ext, fmt.Sprintf("A positional parameter cannot be found that accepts argument '%s'.", argText(rt, a)), "PositionalParameterNotFound", object.InvalidArgument)
		}
		cv, err := rt.convertArg(cmd, invName, p, a.value, a.ext)
		if err != nil {
			return nil, err
		}
		b.values[strings.ToLower(p.Name)] = cv
		b.order = append(b.order, strings.ToLower(p.Name))
		var keep []string
		for _, s := range sets {
			if _, in := p.InSet(s); in {
				keep = append(keep, s)
			}
		}
		sets = keep
	}
	if remaining != nil {
		var val any = rest
		if len(rest) == 1 && !remaining.Type.Array {
			val = rest[0]
		}
		cv, err := rt.convertArg(cmd, invName, remaining, val, cmdExt)
		if err != nil {
			return nil, err
		}
		b.values[strings.ToLower(remaining.Name)] = cv
		b.order = append(b.order, strings.ToLower(remaining.Name))
	}
	sort.SliceStable(extras, func(i, j int) bool { return extras[i].at < extras[j].at })
	for _, e := range extras {
		b.extra = append(b.extra, e.vals...)
	}
	b.sets = sets
	return b, nil
}

// argText is how a positional argument nobody takes is named in the
// error: its value's .NET ToString(), so an array literal reads
// System.Object[] and a variable reads as its value.
func argText(rt *Runtime, a argument) string {
	if _, isStr := bareValue(a.value).(string); isStr {
		return rt.toStr(a.value)
	}
	return dotnet.ToString(a.value)
}

// nativeKind reports whether a value already has the parameter's type.
func nativeKind(t *Type, v any) bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case KindScriptBlock:
		_, ok := v.(*ScriptBlock)
		if !ok && t.Array {
			if items, isList := v.([]any); isList && len(items) > 0 {
				_, ok = items[0].(*ScriptBlock)
			}
		}
		return ok
	case KindHashtable:
		_, ok := v.(*object.Hashtable)
		return ok
	}
	switch {
	case t.Single():
		_, ok := v.(string)
		return ok
	case t.Whole():
		_, isSB := v.(*ScriptBlock)
		return !isSB
	}
	return false
}

func (rt *Runtime) convertCommon(cmd *Command, invName string, c *params.Common, v any, a argument) (any, error) {
	switch c.Kind {
	case KindSwitch:
		return object.ToBool(v), nil
	case KindEnum:
		s := normalizeAction(v)
		for _, n := range actionNames {
			if n == s {
				return s, nil
			}
		}
		return nil, rt.bindError(cmd, invName, a.ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"", c.Name, rt.toStr(v), rt.toStr(v)), "CannotConvertArgumentNoMessage", object.InvalidArgument)
	case KindInt:
		n, err := number.ToInt32(v, "System.Int32")
		if err != nil {
			return nil, rt.bindError(cmd, invName, a.ext, fmt.Sprintf("Cannot bind parameter '%s'. %s", c.Name, err.Error()), "CannotConvertArgumentNoMessage", object.InvalidArgument)
		}
		return n, nil
	}
	return rt.toStr(v), nil
}

// convertArg converts an argument to a declared parameter's type, with
// PowerShell's binding error texts (compiled cmdlet vs function style).
func (rt *Runtime) convertArg(cmd *Command, invName string, p *Param, v any, ext syntax.Extent) (any, error) {
	if p.Script != nil {
		return rt.convertScriptArg(cmd, invName, p, v, ext)
	}
	t := p.Type
	if t == nil {
		t = TObject
	}
	fnStyle := cmd.Type == FunctionCommand
	fail := func(detail string) error {
		if fnStyle {
			return rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", p.Name, detail), "ParameterArgumentTransformationError", object.InvalidData)
		}
		return rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind parameter '%s'. %s", p.Name, detail), "CannotConvertArgumentNoMessage", object.InvalidArgument)
	}
	v = unwrapArg(v)
	if p.ValidateNotNullOrEmpty {
		// the validation attribute runs before the mandatory checks
		if s, isStr := v.(string); v == nil || isStr && s == "" {
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", p.Name, validate.NotNullOrEmpty), "ParameterArgumentValidationError", object.InvalidData)
		}
	}
	if v == nil {
		// a parameter mandatory in some set takes no $null unless it
		// allows it, whatever its type
		if isMandatory(p) && !p.AllowEmpty {
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", p.Name), "ParameterArgumentValidationErrorNullNotAllowed", object.InvalidData)
		}
		if t.Kind == KindSwitch || t.Kind == KindBool {
			if t.Kind == KindBool {
				return nil, fail(fmt.Sprintf("Cannot convert value \"\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."))
			}
		}
		return nil, nil
	}
	if t.Array {
		items, ok := enumerateForCompare(v)
		if !ok {
			items = []any{v}
		}
		out := make([]any, 0, len(items))
		for _, it := range items {
			c, err := rt.convertScalar(cmd, invName, p, t, it, ext, fail)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, nil
	}
	if items, ok := enumerateForCompare(v); ok && !t.Whole() {
		if len(items) == 1 {
			v = items[0]
		} else if t.Single() {
			if fnStyle {
				return nil, fail(fmt.Sprintf("Cannot convert 'System.Object[]' to the type '%s' required by parameter '%s'. Specified method is not supported.", t.FullName, p.Name))
			}
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot convert 'System.Object[]' to the type '%s' required by parameter '%s'. Specified method is not supported.", t.FullName, p.Name), "CannotConvertArgument", object.InvalidArgument)
		}
	}
	return rt.convertScalar(cmd, invName, p, t, v, ext, fail)
}

func isMandatory(p *Param) bool {
	for _, s := range p.Sets {
		if s.Mandatory {
			return true
		}
	}
	return false
}

func unwrapArg(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil && o.Len() == 0 {
		return o.Base
	}
	return v
}

func (rt *Runtime) convertScalar(cmd *Command, invName string, p *Param, t *Type, v any, ext syntax.Extent, fail func(string) error) (any, error) {
	if t.Convert != nil {
		if c, ok := t.Convert(v); ok {
			return c, nil
		}
	}
	switch t.Kind {
	case KindString:
		if s, ok := v.(string); ok {
			if s == "" && isMandatory(p) && !p.AllowEmpty {
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData)
			}
			return s, nil
		}
		return rt.toStr(v), nil
	case KindBool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case Switch:
			return bool(x), nil
		case int, int64, float64, object.Decimal:
			return object.ToBool(x), nil
		}
		if cmd.Type == FunctionCommand {
			return nil, fail(fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", object.TypeName(v)))
		}
		return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot convert '%s' to the type 'System.Boolean' required by parameter '%s'. ", object.TypeName(v), p.Name), "CannotConvertArgument", object.InvalidArgument)
	case KindSwitch:
		switch x := v.(type) {
		case bool:
			return x, nil
		case Switch:
			return bool(x), nil
		case int, int64, float64, object.Decimal:
			return object.ToBool(x), nil
		}
		if cmd.Type == FunctionCommand {
			return nil, fail(fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Management.Automation.SwitchParameter\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", object.TypeName(v)))
		}
		return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot convert '%s' to the type 'System.Management.Automation.SwitchParameter' required by parameter '%s'. ", object.TypeName(v), p.Name), "CannotConvertArgument", object.InvalidArgument)
	case KindInt, KindLong:
		tn := "System.Int32"
		if t.Kind == KindLong {
			tn = "System.Int64"
		}
		n, err := number.ToInt32(v, tn)
		if err != nil {
			return nil, fail(err.Error())
		}
		if p.Min < p.Max {
			iv := numeric.Int64(n)
			if msg := rangeMessage(p, iv); msg != "" {
				return nil, rt.bindError(cmd, invName, ext, msg, "ParameterArgumentValidationError", object.InvalidData)
			}
		}
		return n, nil
	case KindDouble:
		f, err := number.ToDouble(v)
		if err != nil {
			return nil, fail(err.Error())
		}
		return f, nil
	case KindDateTime:
		if d, ok := v.(time.Time); ok {
			return d, nil
		}
		d, err := datetime.ToDateTime(v)
		if err != nil {
			return nil, fail(err.Error())
		}
		return d, nil
	case KindTimeSpan:
		ts, err := datetime.ToTimeSpan(v)
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
		return nil, fail(fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Unrecognized Guid format.\"", rt.toStr(v)))
	case KindSecureString:
		if s, ok := v.(object.SecureString); ok {
			return s, nil
		}
		return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert the \"%s\" value of type \"%s\" to type \"System.Security.SecureString\".", p.Name, rt.toStr(v), object.TypeName(v)), "ParameterArgumentTransformationError", object.InvalidData)
	case KindCredential:
		if o, ok := v.(*object.PSObject); ok && o.TypeName() == "System.Management.Automation.PSCredential" {
			return o, nil
		}
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.PSCredential\".", rt.toStr(v), object.TypeName(v)))
	case KindHashtable:
		if h, ok := v.(*object.Hashtable); ok {
			return h, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Collections.Hashtable\".", rt.toStr(v), object.TypeName(v)))
	case KindScriptBlock:
		if sb, ok := v.(*ScriptBlock); ok {
			return sb, nil
		}
		return nil, fail(fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".", rt.toStr(v), object.TypeName(v)))
	case KindEnum:
		s := rt.toStr(v)
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
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"%s\".", p.Name, s, t.FullName, strings.Join(t.Values, ",")), "CannotConvertArgumentNoMessage", object.InvalidArgument)
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
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"The identifier name %s cannot be processed because it is either too similar or identical to the following enumerator names: %s. Use a more specific identifier name.\"", p.Name, s, t.FullName, s, strings.Join(starts, ", ")), "CannotConvertArgumentNoMessage", object.InvalidArgument)
			}
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"", p.Name, s, t.FullName, s, strings.Join(t.Values, ", ")), "CannotConvertArgumentNoMessage", object.InvalidArgument)
		}
		return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot validate argument on parameter '%s'. The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", p.Name, s, strings.Join(t.Values, ",")), "ParameterArgumentValidationError", object.InvalidData)
	case KindCustom:
		if s, ok := v.(string); ok && s == "" && t.Single() {
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData)
		}
		return v, nil
	}
	return v, nil
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

// matchParameter resolves a typed parameter name of cmd (params.Match).
func matchParameter(cmd *Command, typed string, withCommon bool) ([]params.Candidate, bool) {
	sig := cmd.sig()
	return params.Match(&sig, typed, withCommon)
}
