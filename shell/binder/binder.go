// Package binder binds a command invocation's arguments to the
// parameters its command declares, as PowerShell's parameter binder does:
// named arguments first (exact, prefix or alias match, the common
// parameters too), then the candidate parameter sets, then positional
// arguments by slot, with the arguments nobody takes left to a simple
// function's $args. It converts each argument to its parameter's type
// (params.Convert, or params.BindScript for a param() block) and raises
// PowerShell's ParameterBindingException texts. A Plan binds each
// pipeline object the same way and picks the parameter set; a Call is one
// invocation once its arguments are bound, choosing the set it runs in
// for each pipeline object.
//
// It reaches the session only through Session, which the interpreter
// implements; it imports no interpreter.
package binder

import (
	"fmt"
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
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// Session is the interpreter as the binder sees it: what the parameters
// of param() blocks need to bind (params.Interp), and the value that
// stands for a -Name a simple function does not declare.
type Session interface {
	params.Interp
	// ParameterToken is the $args element for an undeclared -Name as
	// written (text), which splatting @args turns back into the
	// parameter name.
	ParameterToken(text, name string) any
	// DelayBind runs a script block argument for pipeline object v (a
	// new scope, $_ set to v) and returns its output.
	DelayBind(sb *automation.ScriptBlock, v any) ([]any, error)
}

// Argument is one argument of a command invocation before binding.
type Argument struct {
	Name    string // parameter name as typed ("" for positional)
	NameExt syntax.Extent
	Value   any
	HasVal  bool // -Name:value or a following value was consumed
	Colon   bool
	Ext     syntax.Extent
	Splat   bool
	Order   int // position among the command's arguments (binding)
}

// Error is a ParameterBindingException raised for cmd invoked as invName.
func Error(cmd *command.Command, invName string, ext syntax.Extent, msg, id string, cat object.ErrorCategory) *pserror.Error {
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

// Bound is the result of binding a command's arguments.
type Bound struct {
	Values map[string]any // lower-case declared name → converted value
	Order  []string       // keys of Values and Common in the order they were bound
	Common map[string]any // lower-case common parameter name → value
	Sets   []string       // remaining candidate parameter sets
	Extra  []any          // unbound arguments ($args) for simple functions
	// Delayed are the script blocks given to parameters that take
	// pipeline input and no script block: each pipeline object runs the
	// block and binds its output (Values holds the block itself).
	Delayed []Delayed
}

// Delayed is a script block argument bound for each pipeline object.
type Delayed struct {
	Key   string // the parameter's binding key
	P     *params.Param
	Block *automation.ScriptBlock
	Ext   syntax.Extent // the argument
}

// bindArg binds an argument's value to parameter p of the candidate
// sets (nil: any), converted (Convert); a script block given to a
// parameter that takes pipeline input there but is neither a script
// block nor an object is kept as it is, to run for each pipeline object
// (Delayed).
func (b *Bound) bindArg(ses Session, cmd *command.Command, invName string, p *params.Param, v any, ext syntax.Extent, sets []string) error {
	key := strings.ToLower(p.Name)
	if sb, ok := params.ArgValue(v).(*automation.ScriptBlock); ok && takesPipeline(p, sets) && !takesScriptBlock(p) {
		b.Values[key] = sb
		b.Delayed = append(b.Delayed, Delayed{Key: key, P: p, Block: sb, Ext: ext})
		return nil
	}
	cv, err := Convert(ses, cmd, invName, p, v, ext)
	if err != nil {
		return err
	}
	b.Values[key] = cv
	return nil
}

// takesPipeline reports whether p takes pipeline input in one of the
// sets (nil: any of its sets).
func takesPipeline(p *params.Param, sets []string) bool {
	for _, si := range p.Sets {
		if !si.FromPipeline && !si.FromPipelineByName {
			continue
		}
		if sets == nil || si.Set == params.AllSets {
			return true
		}
		for _, s := range sets {
			if strings.EqualFold(s, si.Set) {
				return true
			}
		}
	}
	return false
}

// takesScriptBlock reports whether a parameter takes a script block as
// its value: one of type ScriptBlock or Object, or an array of either.
func takesScriptBlock(p *params.Param) bool {
	t := p.Type
	if t == nil || t.Kind == params.KindScriptBlock {
		return true
	}
	return t.Kind == params.KindObject && isObjectName(strings.TrimSuffix(t.FullName, "[]"))
}

// Bind binds named and positional arguments (not pipeline input) of cmd
// invoked as invName; simpleFunction is set for a function without
// [CmdletBinding()] or [Parameter()], whose unbound arguments go to
// $args instead of failing.
func Bind(ses Session, cmd *command.Command, invName string, args []Argument, cmdExt syntax.Extent, simpleFunction bool) (*Bound, error) {
	b := &Bound{Values: map[string]any{}, Common: map[string]any{}}
	sig := cmd.Signature()
	isBound := func(n string) bool { _, ok := b.Values[n]; return ok }
	var positional []Argument
	var namedParams []*params.Param
	// Parameters splatted from a hashtable bind after the written ones,
	// and a written parameter supersedes the splatted one.
	ordered := make([]Argument, 0, len(args))
	for _, a := range args {
		if !a.Splat {
			ordered = append(ordered, a)
		}
	}
	for _, a := range args {
		if a.Splat {
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
		ordered[i].Order = i
	}
	// 1. named arguments
	for _, a := range ordered {
		if a.Name == "" {
			positional = append(positional, a)
			continue
		}
		cands, ok := match(cmd, a.Name, !simpleFunction)
		if !ok {
			if len(cands) == 0 {
				if simpleFunction {
					text := "-" + a.Name
					if a.Colon {
						text += ":"
					}
					e := extraArg{at: a.Order, vals: []any{ses.ParameterToken(text, a.Name)}}
					if a.HasVal {
						e.vals = append(e.vals, a.Value)
					}
					extras = append(extras, e)
					continue
				}
				if params.TakesRemaining(&sig) {
					// A command with a ValueFromRemainingArguments
					// parameter takes an unknown -Name as a value, as
					// the text written (Write-Output x -Foo writes x
					// and -Foo), and its value after it.
					text := "-" + a.Name
					if a.Colon {
						text += ":"
					}
					tok := a
					tok.Name, tok.Value, tok.Ext = "", text, a.NameExt
					positional = append(positional, tok)
					if a.HasVal {
						val := a
						val.Name = ""
						positional = append(positional, val)
					}
					continue
				}
				return nil, Error(cmd, invName, a.NameExt, fmt.Sprintf("A parameter cannot be found that matches parameter name '%s'.", a.Name), "NamedParameterNotFound", object.InvalidArgument)
			}
			var names []string
			for _, c := range cands {
				names = append(names, " -"+c.Name())
			}
			return nil, Error(cmd, invName, a.NameExt, fmt.Sprintf("Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include:%s.", a.Name, strings.Join(names, "")), "AmbiguousParameter", object.InvalidArgument)
		}
		c := cands[0]
		key := strings.ToLower(c.Name())
		if a.Splat && written[key] {
			continue
		}
		if !a.Splat {
			written[key] = true
		}
		if _, dup := b.Values[key]; dup {
			return nil, Error(cmd, invName, a.NameExt, fmt.Sprintf("Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", c.Name()), "ParameterAlreadyBound", object.InvalidArgument)
		}
		if _, dup := b.Common[key]; dup {
			return nil, Error(cmd, invName, a.NameExt, fmt.Sprintf("Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", c.Name()), "ParameterAlreadyBound", object.InvalidArgument)
		}
		val := a.Value
		if !a.HasVal {
			if c.Kind() != params.KindSwitch {
				tname := "System.Object"
				if c.Param != nil {
					tname = c.Param.Type.FullName
				} else {
					tname = c.Common.TypeName()
				}
				return nil, Error(cmd, invName, a.NameExt, fmt.Sprintf("Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", c.Name(), tname), "MissingArgument", object.InvalidArgument)
			}
			val = true
		}
		if c.Common != nil {
			cv, err := convertCommon(ses, cmd, invName, c.Common, val, a)
			if err != nil {
				return nil, err
			}
			b.Common[key] = cv
			b.Order = append(b.Order, key)
			continue
		}
		if err := b.bindArg(ses, cmd, invName, c.Param, val, a.Ext, nil); err != nil {
			return nil, err
		}
		b.Order = append(b.Order, key)
		namedParams = append(namedParams, c.Param)
	}
	// 2. candidate sets: those containing every named parameter
	sets := command.SetsWith(cmd, namedParams)
	if len(sets) == 0 {
		return nil, Error(cmd, invName, cmdExt, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", object.InvalidArgument)
	}
	// 3. positional arguments
	var remaining *params.Param
	var rest []any
	for _, a := range positional {
		if remaining != nil {
			rest = append(rest, a.Value)
			continue
		}
		p := params.Next(&sig, sets, isBound, a.Value, Native)
		if p == nil {
			p = params.Remaining(&sig, sets, isBound)
		}
		if p != nil && p.Remaining {
			remaining = p
			rest = append(rest, a.Value)
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
				extras = append(extras, extraArg{at: a.Order, vals: []any{a.Value}})
				continue
			}
			return nil, Error(cmd, invName, a.Ext, fmt.Sprintf("A positional parameter cannot be found that accepts argument '%s'.", argText(ses, a)), "PositionalParameterNotFound", object.InvalidArgument)
		}
		if err := b.bindArg(ses, cmd, invName, p, a.Value, a.Ext, sets); err != nil {
			return nil, err
		}
		b.Order = append(b.Order, strings.ToLower(p.Name))
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
		cv, err := Convert(ses, cmd, invName, remaining, val, cmdExt)
		if err != nil {
			return nil, err
		}
		b.Values[strings.ToLower(remaining.Name)] = cv
		b.Order = append(b.Order, strings.ToLower(remaining.Name))
	}
	sort.SliceStable(extras, func(i, j int) bool { return extras[i].at < extras[j].at })
	for _, e := range extras {
		b.Extra = append(b.Extra, e.vals...)
	}
	b.Sets = sets
	return b, nil
}

// argText is how a positional argument nobody takes is named in the
// error: its value's .NET ToString(), so an array literal reads
// System.Object[] and a variable reads as its value.
func argText(ses Session, a Argument) string {
	if _, isStr := dotnet.Bare(a.Value).(string); isStr {
		return ses.Text(a.Value)
	}
	return dotnet.ToString(a.Value)
}

// Native reports whether a value already has the parameter's type (the
// positional slots of params.Next prefer such a parameter).
func Native(t *params.Type, v any) bool {
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

func convertCommon(ses Session, cmd *command.Command, invName string, c *params.Common, v any, a Argument) (any, error) {
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
		return nil, Error(cmd, invName, a.Ext, fmt.Sprintf("Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"", c.Name, ses.Text(v), ses.Text(v)), "CannotConvertArgumentNoMessage", object.InvalidArgument)
	case params.KindInt:
		n, err := number.ToInt32(v, "System.Int32")
		if err != nil {
			return nil, Error(cmd, invName, a.Ext, fmt.Sprintf("Cannot bind parameter '%s'. %s", c.Name, err.Error()), "CannotConvertArgumentNoMessage", object.InvalidArgument)
		}
		return n, nil
	}
	return ses.Text(v), nil
}

// Convert converts an argument to a declared parameter's type, with
// PowerShell's binding error texts (compiled cmdlet vs function style):
// params.Convert, or the param() block's own conversion.
func Convert(ses Session, cmd *command.Command, invName string, p *params.Param, v any, ext syntax.Extent) (any, error) {
	if p.Script != nil {
		return convertScript(ses, cmd, invName, p, v, ext)
	}
	if p.Type != nil && p.Type.Kind == params.KindString && !p.Type.Array {
		v = writtenNumber(v, ext)
	}
	out, f := params.Convert(conversions{ses}, p, v, cmd.Type == command.FunctionCommand)
	if f != nil {
		return nil, Error(cmd, invName, ext, f.Msg, f.ID, f.Category)
	}
	return out, nil
}

// writtenNumber is a number an argument wrote out (3.0, 0x10) as the
// text it was written as, which PowerShell keeps with a numeric
// argument and a string parameter takes (Import-Module -MinimumVersion
// 3.0 asks for 3.0, not 3); any other value is itself.
func writtenNumber(v any, ext syntax.Extent) any {
	switch v.(type) {
	case int, int64, float64, float32, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
	default:
		return v
	}
	text := ext.Text()
	if n, ok := parser.ParseNumber(text); !ok || n != v {
		return v
	}
	return text
}

// convertScript binds an argument to a parameter declared in a param()
// block (params.BindScript), a refusal raised as a
// ParameterBindingException.
func convertScript(ses Session, cmd *command.Command, invName string, p *params.Param, v any, ext syntax.Extent) (any, error) {
	v = params.ArgValue(v)
	if _, ok := v.(dotnet.Void); ok {
		v = nil
	}
	out, f, err := params.BindScript(ses, p, v)
	if err != nil {
		return nil, err
	}
	if f != nil {
		return nil, Error(cmd, invName, ext, f.Msg, f.ID, f.Category)
	}
	return out, nil
}

// conversions is the session as the argument conversions of shell/params
// see it.
type conversions struct{ ses Session }

func (c conversions) Text(v any) string                         { return c.ses.Text(v) }
func (c conversions) ToInt(v any, typeName string) (any, error) { return number.ToInt32(v, typeName) }
func (c conversions) ToDouble(v any) (any, error)               { return number.ToDouble(v) }
func (c conversions) ToDateTime(v any) (time.Time, error)       { return datetime.ToDateTime(v) }
func (c conversions) ToTimeSpan(v any) (any, error)             { return datetime.ToTimeSpan(v) }

func (c conversions) Switch(v any) (present, ok bool) {
	s, ok := v.(automation.Switch)
	return bool(s), ok
}

func (c conversions) ScriptBlock(v any) bool {
	_, ok := v.(*automation.ScriptBlock)
	return ok
}

// match resolves a typed parameter name of cmd (params.Match).
func match(cmd *command.Command, typed string, withCommon bool) ([]params.Candidate, bool) {
	sig := cmd.Signature()
	return params.Match(&sig, typed, withCommon)
}

// Join attaches values to the parameter that precedes them (-Name
// value); a following -Word that names no parameter of cmd is that
// value, as text. simpleFunction is as for Bind.
func Join(cmd *command.Command, args []Argument, simpleFunction bool) []Argument {
	joined := make([]Argument, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a.Name != "" && !a.HasVal && !a.Splat {
			cands, ok := match(cmd, a.Name, !simpleFunction)
			isSwitch := ok && cands[0].Kind() == params.KindSwitch
			if ok && !isSwitch && i+1 < len(args) {
				next := args[i+1]
				switch {
				case next.Name == "":
					a.Value, a.HasVal, a.Ext = next.Value, true, next.Ext
					i++
				case !next.HasVal && !next.Splat:
					if nc, _ := match(cmd, next.Name, !simpleFunction); len(nc) == 0 {
						a.Value, a.HasVal, a.Ext = parameterText(next), true, next.NameExt
						i++
					}
				}
			}
		}
		joined = append(joined, a)
	}
	return joined
}

// parameterText is a -Name token as written, when it is taken as a value.
func parameterText(a Argument) string {
	if a.NameExt.Src != nil {
		if t := a.NameExt.Text(); strings.HasPrefix(t, "-") || strings.HasPrefix(t, "\u2013") || strings.HasPrefix(t, "\u2014") || strings.HasPrefix(t, "\u2015") {
			return t
		}
	}
	return "-" + a.Name
}

// InvocationArgs are arguments as command.ArgParams reads them.
func InvocationArgs(args []Argument) []command.Arg {
	out := make([]command.Arg, len(args))
	for i, a := range args {
		out[i] = command.Arg{Name: a.Name, Value: a.Value, HasValue: a.HasVal}
	}
	return out
}

// NextPositional returns the parameter the binder gives the next
// positional argument, given the candidate sets and the parameters already
// bound (lower-case names). When valueKnown is false the argument's value
// is not known statically; certain is then false if the choice would
// depend on the value's type (several parameters share the slot in
// different sets). A nil parameter means no positional slot is left. The
// linter asks it beside command.MatchParameter and command.PickSet.
func NextPositional(cmd *command.Command, sets []string, bound map[string]bool, value any, valueKnown bool) (p *params.Param, certain bool) {
	sig := cmd.Signature()
	isBound := func(n string) bool { return bound[n] }
	if valueKnown {
		return params.Next(&sig, sets, isBound, value, Native), true
	}
	return params.NextUnknown(&sig, sets, isBound)
}
