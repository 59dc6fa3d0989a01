package lint

import (
	"strings"

	"github.com/exosim/exosim/shell/syntax"
)

// mockedCommand checks the command a Pester mock names (Mock X,
// Should -Invoke X, Assert-MockCalled X) the way a call of it is checked:
// Pester fails when the command does not exist, so a misspelt Exchange
// cmdlet there is an error too. A mock inside a module (-ModuleName) may
// name the module's private functions and is left alone.
func (c *checker) mockedCommand(ce *syntax.CommandExpr) {
	name := strings.ToLower(commandName(ce))
	if name == "" || c.defined[name] {
		return
	}
	var ref syntax.Node
	switch name {
	case "mock", "assert-mockcalled":
		ref = pesterArg(ce, false)
	case "should":
		ref = pesterArg(ce, true)
	default:
		return
	}
	s, ok := ref.(*syntax.StringConstExpr)
	if !ok || s.Value == "" || strings.ContainsAny(s.Value, `/\.*?`) || c.defined[strings.ToLower(s.Value)] {
		return
	}
	if _, known := c.l.opts.Commands.LookupCommand(s.Value); known {
		return
	}
	if op, isOP := c.l.opts.Commands.(OnPremises); isOP {
		if _, only := op.OnPremisesCommand(s.Value); only {
			return // mocking an on-premises cmdlet is how tests stand in for it
		}
	}
	c.unknown(s.Value, s.Ext)
}

// pesterArg returns the command name a Pester mock command is given:
// -CommandName (or a prefix of it) or the first positional argument;
// invoke asks for Should's -Invoke form (nil for other assertions). With
// -ModuleName it returns nil.
func pesterArg(ce *syntax.CommandExpr, invoke bool) syntax.Node {
	els := ce.Elements[1:]
	var named, positional syntax.Node
	isInvoke := false
	for i := 0; i < len(els); i++ {
		p, isParam := els[i].(*syntax.CommandParameter)
		if !isParam {
			if positional == nil {
				positional = els[i]
			}
			continue
		}
		lower := strings.ToLower(p.Name)
		switch {
		case lower == "invoke":
			isInvoke = true
			continue
		case lower == "not" || lower == "exactly" || lower == "verifiable" || lower == "all":
			continue // switches
		case strings.HasPrefix("modulename", lower) && len(lower) >= 2:
			return nil
		}
		var val syntax.Node = p.Arg
		if val == nil && i+1 < len(els) {
			if _, next := els[i+1].(*syntax.CommandParameter); !next {
				val = els[i+1]
				i++
			}
		}
		if strings.HasPrefix("commandname", lower) && lower != "" {
			named = val
		}
	}
	if invoke && !isInvoke {
		return nil
	}
	if named != nil {
		return named
	}
	return positional
}
