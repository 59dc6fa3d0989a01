package runtime

import (
	"fmt"
	"github.com/exosim/exosim/shell/pserror"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
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
func (rt *Runtime) bindError(cmd *command.Command, invName string, ext syntax.Extent, msg, id string, cat object.ErrorCategory) *pserror.Error {
	suffix := cmd.Name
	if cmd.FullTypeName != "" {
		suffix = cmd.FullTypeName
	}
	return &pserror.Error{Record: &object.ErrorRecord{
		Message:           msg,
		ErrorID:           id,
		Category:          cat,
		ExceptionType:     "ParameterBindingException",
		ExceptionFullType: "System.Management.Automation.ParameterBindingException",
		Activity:          cmd.Name,
		CommandSuffix:     suffix,
		InvocationName:    invName,
		Position:          pserror.Position(ext),
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
func (rt *Runtime) bindArguments(cmd *command.Command, invName string, args []argument, cmdExt syntax.Extent, simpleFunction bool) (*boundArgs, error) {
	b := &boundArgs{values: map[string]any{}, common: map[string]any{}}
	sig := cmd.Signature()
	isBound := func(n string) bool { _, ok := b.values[n]; return ok }
	var positional []argument
	setsUsed := map[string]bool{}
	var namedParams []*params.Param
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
			if c.Kind() != params.KindSwitch {
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
	sets := command.SetsWith(cmd, namedParams)
	if len(sets) == 0 {
		return nil, rt.bindError(cmd, invName, cmdExt, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", object.InvalidArgument)
	}
	// 3. positional arguments
	var remaining *params.Param
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
func nativeKind(t *params.Type, v any) bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case params.KindScriptBlock:
		_, ok := v.(*automation.ScriptBlock)
		if !ok && t.Array {
			if items, isList := v.([]any); isList && len(items) > 0 {
				_, ok = items[0].(*automation.ScriptBlock)
			}
		}
		return ok
	case params.KindHashtable:
		_, ok := v.(*object.Hashtable)
		return ok
	case params.KindEnum:
		// text takes an enumeration without coercion only when it names one
		// of its values; other text goes to a string parameter at the same
		// position (Add-Member Name Value is -NotePropertyName, not -MemberType)
		if s, ok := v.(string); ok {
			if len(t.Values) == 0 {
				return true
			}
			for _, name := range t.Values {
				if strings.EqualFold(name, s) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case t.Single():
		_, ok := v.(string)
		return ok
	case t.Whole():
		_, isSB := v.(*automation.ScriptBlock)
		return !isSB
	}
	return false
}

func (rt *Runtime) convertCommon(cmd *command.Command, invName string, c *params.Common, v any, a argument) (any, error) {
	switch c.Kind {
	case params.KindSwitch:
		return object.ToBool(v), nil
	case params.KindEnum:
		s := params.NormalizeAction(v)
		for _, n := range params.Actions {
			if n == s {
				return s, nil
			}
		}
		return nil, rt.bindError(cmd, invName, a.ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"", c.Name, rt.toStr(v), rt.toStr(v)), "CannotConvertArgumentNoMessage", object.InvalidArgument)
	case params.KindInt:
		n, err := number.ToInt32(v, "System.Int32")
		if err != nil {
			return nil, rt.bindError(cmd, invName, a.ext, fmt.Sprintf("Cannot bind parameter '%s'. %s", c.Name, err.Error()), "CannotConvertArgumentNoMessage", object.InvalidArgument)
		}
		return n, nil
	}
	return rt.toStr(v), nil
}

// convertArg converts an argument to a declared parameter's type, with
// PowerShell's binding error texts (compiled cmdlet vs function style):
// params.Convert, or the param() block's own conversion.
func (rt *Runtime) convertArg(cmd *command.Command, invName string, p *params.Param, v any, ext syntax.Extent) (any, error) {
	if p.Script != nil {
		return rt.convertScriptArg(cmd, invName, p, v, ext)
	}
	out, f := params.Convert(argSession{rt}, p, v, cmd.Type == command.FunctionCommand)
	if f != nil {
		return nil, rt.bindError(cmd, invName, ext, f.Msg, f.ID, f.Category)
	}
	return out, nil
}

// argSession is the session as the argument conversions of shell/params
// see it.
type argSession struct{ rt *Runtime }

func (a argSession) Text(v any) string                         { return a.rt.toStr(v) }
func (a argSession) ToInt(v any, typeName string) (any, error) { return number.ToInt32(v, typeName) }
func (a argSession) ToDouble(v any) (any, error)               { return number.ToDouble(v) }
func (a argSession) ToDateTime(v any) (time.Time, error)       { return datetime.ToDateTime(v) }
func (a argSession) ToTimeSpan(v any) (any, error)             { return datetime.ToTimeSpan(v) }

func (a argSession) Switch(v any) (present, ok bool) {
	s, ok := v.(automation.Switch)
	return bool(s), ok
}

func (a argSession) ScriptBlock(v any) bool {
	_, ok := v.(*automation.ScriptBlock)
	return ok
}

// matchParameter resolves a typed parameter name of cmd (params.Match).
func matchParameter(cmd *command.Command, typed string, withCommon bool) ([]params.Candidate, bool) {
	sig := cmd.Signature()
	return params.Match(&sig, typed, withCommon)
}
