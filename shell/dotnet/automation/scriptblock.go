// Package automation holds PowerShell's own types, those of the
// System.Management.Automation namespace: the script block value with its
// methods, PSObject with its member view (.psobject), PSCustomObject,
// PSCredential and ErrorRecord. It does not import the interpreter: a
// member call reaches the session through the dotnet.Host it carries,
// which for a script block's methods is a Session.
package automation

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// ScriptBlock is a script block value ({ ... }): the parsed block a
// script wrote or [scriptblock]::Create made.
type ScriptBlock struct {
	AST *syntax.ScriptBlock
	// Params are the parameters a function definition wrote after the
	// function's name (function f($a) {...}): the script block of such a
	// function takes them as its own, and its text starts with a param()
	// line made of them, as PowerShell's does.
	Params []*syntax.Parameter
	// Module is the script module whose code wrote the block (nil
	// outside one): the block is tied to the module's session state, so
	// it runs there, its functions and $script: variables in reach,
	// wherever it is called from. Its Info method gives the module's
	// PSModuleInfo (ScriptBlock.Module).
	Module interface{ Info() *object.PSObject }
}

// Text returns the source between the braces, after the param() line of
// Params if there are any.
func (s *ScriptBlock) Text() string {
	t := s.AST.Ext.Text()
	if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		t = t[1 : len(t)-1]
	}
	if len(s.Params) == 0 {
		return t
	}
	ps := make([]string, len(s.Params))
	for i, p := range s.Params {
		ps[i] = p.Ext.Text()
	}
	return "param(" + strings.Join(ps, ", ") + ")\n" + t
}

func (s *ScriptBlock) String() string { return s.Text() }

// PSTypeName is the .NET type name.
func (s *ScriptBlock) PSTypeName() string { return "System.Management.Automation.ScriptBlock" }

// ScriptBlock marks a script block as one (dotnet.ScriptBlock): .NET
// methods take it as a delegate.
func (*ScriptBlock) ScriptBlock() {}

// Session is the interpreter as a script block's methods reach it: the
// dotnet.Host a member call carries.
type Session interface {
	dotnet.Host
	// InvokeWithArguments runs sb as & $sb args does (a child scope, its
	// param() block bound to the arguments), handing its output to out.
	InvokeWithArguments(sb *ScriptBlock, args []any, out func(any) error) error
}

func declareScriptBlock() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Management.Automation.ScriptBlock", Aliases: []string{"scriptblock"}, Assembly: "System.Management.Automation",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if sb, ok := dotnet.Bare(v).(*ScriptBlock); ok {
					return sb, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Management.Automation.ScriptBlock", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(*ScriptBlock); return ok },
			Static: dotnet.Members{
				"Create": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return Create(c.Str(0)) }),
			},
			Members: dotnet.Members{
				"Module": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					if m := c.Self.(*ScriptBlock).Module; m != nil {
						return m.Info(), nil
					}
					return nil, nil
				}),
				"Invoke": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
					return invoke(c)
				}),
				"InvokeReturnAsIs": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
					v, err := c.Host.CallScriptBlock(c.Self.(*ScriptBlock), c.Args)
					return v, MethodError(err)
				}),
				"GetNewClosure": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self, nil }),
				"ToString":      dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self.(*ScriptBlock).Text(), nil }),
				"InvokeWithContext": dotnet.Method(2, -1, func(c *dotnet.Call) (any, error) {
					return c.Host.CallScriptBlock(c.Self.(*ScriptBlock), c.Args[2:])
				}),
			}})
}

// Create parses text into a script block ([scriptblock]::Create).
func Create(text string) (*ScriptBlock, error) {
	sb, perrs := parser.Parse(syntax.NewSource("", text))
	if perrs != nil {
		return nil, ParseException(perrs)
	}
	return &ScriptBlock{AST: sb}, nil
}

// invoke is a script block's Invoke(args): a run like & $sb args whose
// output comes back as a collection.
func invoke(c *dotnet.Call) (any, error) {
	items := []any{}
	err := c.Host.(Session).InvokeWithArguments(c.Self.(*ScriptBlock), c.Args, func(v any) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return nil, MethodError(err)
	}
	return &object.List{Items: items}, nil
}

// MethodError turns a terminating error raised inside a script block
// a method ran into the method's exception, of the error's own exception
// type (so the method's error ID is that type's name, as
// CommandNotFoundException for an unknown command); other errors (nil
// among them) pass unchanged.
func MethodError(err error) error {
	var pe *pserror.Error
	if errors.As(err, &pe) {
		if t := pe.Record.ExceptionFullType; t != "" {
			return &dotnet.TypedException{Msg: pe.Record.Message, Type: t}
		}
		return &dotnet.MethodException{Msg: pe.Record.Message}
	}
	return err
}

// ParseException is the .NET exception a method that parses script text
// throws: IncompleteParseException with the first error's message when
// more input could complete the text, else ParseException whose message
// gives each error (ten at most) with its "At line:" position.
func ParseException(perrs syntax.ErrorList) error {
	if perrs[0].Incomplete {
		return &dotnet.TypedException{Msg: perrs[0].Message, Type: "System.Management.Automation.IncompleteParseException"}
	}
	var parts []string
	for i, e := range perrs {
		if i == 10 {
			parts = append(parts, "Not all parse errors were reported.  Correct the reported errors and try again.")
			break
		}
		lines := format.PositionMessage(pserror.ParseRecord(e).Position)
		parts = append(parts, strings.Join(append(lines, e.Message), "\n"))
	}
	return &dotnet.TypedException{Msg: strings.Join(parts, "\n\n"), Type: "System.Management.Automation.ParseException"}
}
