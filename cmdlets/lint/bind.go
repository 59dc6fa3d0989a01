package lint

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// arg is one argument of an invocation, as the binder will see it.
type arg struct {
	// name is the parameter name as typed; "" for a positional argument.
	name    string
	nameExt syntax.Extent
	// node is the value's expression; nil for a switch or a missing value.
	node syntax.Node
	// value is the value when known is true.
	value any
	known bool
}

// static returns the value of an argument expression when it can be known
// without running the script: literals, $true/$false/$null, arrays of
// those, script blocks and hashtables (whose type is all the binder looks
// at).
func static(n syntax.Node) (any, bool) {
	switch x := n.(type) {
	case *syntax.ConstantExpr:
		return x.Value, true
	case *syntax.StringConstExpr:
		return x.Value, true
	case *syntax.VariableExpr:
		if x.Splatted {
			return nil, false
		}
		switch strings.ToLower(x.Name) {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		}
	case *syntax.ArrayLiteralExpr:
		out := make([]any, 0, len(x.Elements))
		for _, e := range x.Elements {
			v, ok := static(e)
			if !ok {
				return nil, false
			}
			out = append(out, v)
		}
		return out, true
	case *syntax.ScriptBlockExpr:
		if x.Block == nil {
			return nil, false
		}
		return &automation.ScriptBlock{AST: x.Block}, true
	case *syntax.HashtableExpr:
		return object.NewHashtable(), true
	}
	return nil, false
}

// isBoolVariable reports whether n is $true or $false.
func isBoolVariable(n syntax.Node) bool {
	v, ok := n.(*syntax.VariableExpr)
	if !ok || v.Splatted {
		return false
	}
	l := strings.ToLower(v.Name)
	return l == "true" || l == "false"
}

// bind checks an invocation of a declared command the way the binder
// binds it, reporting only what the literal arguments decide.
func (c *checker) bind(ce *syntax.CommandExpr, cmd *command.Command) {
	var named, positional []arg
	dynamic := false // splatting or --%: more arguments than are written
	els := ce.Elements[1:]
	for i := 0; i < len(els); i++ {
		switch x := els[i].(type) {
		case *syntax.CommandParameter:
			a := arg{name: x.Name, nameExt: x.Ext}
			if x.Arg != nil {
				a.node = x.Arg
				a.value, a.known = static(x.Arg)
				named = append(named, a)
				continue
			}
			matches, ok := command.MatchParameter(cmd, x.Name)
			if ok && i+1 < len(els) {
				next := els[i+1]
				if _, isParam := next.(*syntax.CommandParameter); !isParam {
					if v, sp := next.(*syntax.VariableExpr); sp && v.Splatted {
						dynamic = true // an array splat may give the value
						named = append(named, a)
						i++
						continue
					}
					if matches[0].Kind != params.KindSwitch {
						a.node = next
						a.value, a.known = static(next)
						i++
					} else if isBoolVariable(next) && !selectsSet(matches[0].Param) {
						t := next.Span().Text()
						c.add(next.Span(), Warning, RuleSwitchValue, fmt.Sprintf("The switch parameter '%s' takes no separate value: '%s' is passed as a positional argument. To set a switch, write -%s:%s.", matches[0].Name, t, x.Name, t))
					}
				}
			}
			named = append(named, a)
		case *syntax.VariableExpr:
			if x.Splatted {
				dynamic = true
				continue
			}
			positional = append(positional, posArg(x))
		case *syntax.StringConstExpr:
			if x.Kind == syntax.BareWord && x.Value == "--%" {
				dynamic = true
				i = len(els)
				continue
			}
			positional = append(positional, posArg(x))
		default:
			positional = append(positional, posArg(els[i]))
		}
	}

	for _, a := range named {
		if p := windowsOnlyParam(cmd.Name, a.name); p != "" {
			if _, ok := command.MatchParameter(cmd, a.name); !ok {
				// the Windows-only set is not declared: nothing more is
				// known about this call
				c.add(a.nameExt, Info, RuleWindowsOnlyParameter, fmt.Sprintf("-%s of %s exists only in PowerShell on Windows; exosim runs as a Unix host, where the parameter is not found.", p, cmd.Name))
				return
			}
		}
	}
	failed := false
	bound := map[string]bool{}
	var namedParams []*params.Param
	for _, a := range named {
		matches, ok := command.MatchParameter(cmd, a.name)
		if !ok {
			if len(matches) == 0 && c.onPremisesParam(cmd, a.name) == "" {
				if r := remainingParam(cmd); r != nil {
					// PowerShell gives a name it cannot match to the
					// parameter that takes the remaining arguments: no error,
					// but the name and the value after it become values
					c.add(a.nameExt, Warning, RuleRemainingArgument, fmt.Sprintf("%s has no parameter '%s': PowerShell passes '-%s' and the value after it to -%s as more values.", cmd.Name, a.name, a.name, r.Name))
					continue
				}
			}
			failed = true
			if len(matches) == 0 {
				if p := c.onPremisesParam(cmd, a.name); p != "" {
					if !c.importsSession {
						c.add(a.nameExt, Error, RuleOnPremOnly, fmt.Sprintf("A parameter cannot be found that matches parameter name '%s'. -%s of %s exists only in on-premises Exchange (Exchange Server), not in Exchange Online.", a.name, p, cmd.Name))
					}
					continue
				}
				c.add(a.nameExt, Error, RuleUnknownParameter, fmt.Sprintf("A parameter cannot be found that matches parameter name '%s'.", a.name))
				continue
			}
			var names []string
			for _, m := range matches {
				names = append(names, " -"+m.Name)
			}
			c.add(a.nameExt, Error, RuleAmbiguousParameter, fmt.Sprintf("Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include:%s.", a.name, strings.Join(names, "")))
			continue
		}
		m := matches[0]
		key := strings.ToLower(m.Name)
		if bound[key] {
			failed = true
			c.add(a.nameExt, Error, RuleDuplicateParameter, fmt.Sprintf("Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", m.Name))
			continue
		}
		bound[key] = true
		if m.Param != nil && m.Param.NotSimulated && !cmd.NotSimulated {
			c.add(a.nameExt, Info, RuleNotSimulated, fmt.Sprintf("-%s of %s is real, but exosim does not simulate it: in exosim the call binds, then fails with ParameterNotSimulated.", m.Name, cmd.Name))
		}
		if a.node == nil && m.Kind != params.KindSwitch {
			if dynamic {
				continue // an array splat after the name may supply the value
			}
			failed = true
			c.add(a.nameExt, Error, RuleMissingArgument, fmt.Sprintf("Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", m.Name, m.TypeName))
			continue
		}
		if m.Param == nil {
			continue // common parameter
		}
		namedParams = append(namedParams, m.Param)
		if a.node != nil && a.known && !c.convert(cmd, m.Param, a) {
			failed = true
		}
	}
	if failed {
		return
	}
	sets := command.SetsWith(cmd, namedParams)
	if len(sets) == 0 {
		c.add(ce.Ext, Error, RuleParameterSet, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.")
		return
	}
	if dynamic {
		return
	}
	for _, a := range positional {
		p, certain := binder.NextPositional(cmd, sets, bound, a.value, a.known)
		if !certain {
			return
		}
		if p == nil {
			c.add(a.node.Span(), Error, RulePositional, fmt.Sprintf("A positional parameter cannot be found that accepts argument '%s'.", positionalText(a)))
			return
		}
		if p.Remaining {
			bound[strings.ToLower(p.Name)] = true
			break // it takes every remaining argument
		}
		if a.known && !c.convert(cmd, p, a) {
			return
		}
		bound[strings.ToLower(p.Name)] = true
		var keep []string
		for _, s := range sets {
			if _, in := p.InSet(s); in {
				keep = append(keep, s)
			}
		}
		sets = keep
	}
	if c.piped[ce] {
		return // pipeline input may bind the remaining parameters
	}
	set, missing := command.PickSet(cmd, sets, bound)
	if set == "" {
		c.add(ce.Ext, Error, RuleParameterSet, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.")
		return
	}
	if len(missing) > 0 {
		var names []string
		for _, p := range missing {
			names = append(names, " "+p.Name)
		}
		c.add(ce.Ext, Error, RuleMissingMandatory, fmt.Sprintf("Cannot process command because of one or more missing mandatory parameters:%s.", strings.Join(names, "")))
	}
}

// remainingParam returns the parameter of cmd that takes the remaining
// arguments (Write-Output's -InputObject), or nil.
func remainingParam(cmd *command.Command) *params.Param {
	for _, p := range cmd.Params {
		if p.Remaining {
			return p
		}
	}
	return nil
}

// selectsSet reports whether a switch is mandatory in a parameter set of
// its own (Where-Object's -EQ, -Match ...): a value after it is meant for
// that set's positional parameter (Where-Object IsDefault -EQ $true), not
// for the switch.
func selectsSet(p *params.Param) bool {
	if p == nil {
		return false
	}
	for _, s := range p.Sets {
		if s.Mandatory && s.Set != params.AllSets {
			return true
		}
	}
	return false
}

func posArg(n syntax.Node) arg {
	a := arg{node: n}
	a.value, a.known = static(n)
	return a
}

// positionalText is how the binder names an unwanted positional argument:
// a string's value, otherwise the argument as written.
func positionalText(a arg) string {
	if s, ok := a.value.(string); ok && a.known {
		return s
	}
	return a.node.Span().Text()
}

// convert checks a literal argument against its parameter's type; it
// reports the binder's error and returns false when the value does not fit.
func (c *checker) convert(cmd *command.Command, p *params.Param, a arg) bool {
	_, err := c.l.opts.Commands.ConvertArgument(cmd, p, a.value)
	if err == nil {
		return true
	}
	c.add(a.node.Span(), Error, RuleArgumentType, err.Error())
	return false
}

// onPremisesParam returns the on-premises-only parameter of cmd a typed
// name means (the whole name or the start of one name), or "".
func (c *checker) onPremisesParam(cmd *command.Command, typed string) string {
	op, ok := c.l.opts.Commands.(OnPremises)
	if !ok || typed == "" {
		return ""
	}
	var found []string
	for _, p := range op.OnPremisesParams(cmd) {
		if strings.EqualFold(p, typed) {
			return p
		}
		if len(p) > len(typed) && strings.EqualFold(p[:len(typed)], typed) {
			found = append(found, p)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}
