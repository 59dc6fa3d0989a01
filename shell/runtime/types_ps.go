package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// The PowerShell types whose members still run on the interpreter:
// ScriptBlock and SwitchParameter. The others are in
// shell/dotnet/automation.

func init() { dotnet.RegisterLater(declarePsTypes) }

// declarePsTypes registers PowerShell's own types (shell/dotnet/automation)
// and the file's; it runs on the first type lookup.
func declarePsTypes() {
	automation.Declare()
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Management.Automation.ScriptBlock", Aliases: []string{"scriptblock"}, Assembly: "System.Management.Automation",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if sb, ok := bareValue(v).(*automation.ScriptBlock); ok {
					return sb, nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Management.Automation.ScriptBlock", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := bareValue(v).(*automation.ScriptBlock); return ok },
			Static: dotnet.Members{
				"Create": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return rtOf(c).createScriptBlock(c.Str(0)) }),
			},
			Members: dotnet.Members{
				"Invoke": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
					v, _, err := rtOf(c).scriptBlockMethod(c.Self.(*automation.ScriptBlock), "invoke", c.Args)
					return v, err
				}),
				"InvokeReturnAsIs": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
					v, _, err := rtOf(c).scriptBlockMethod(c.Self.(*automation.ScriptBlock), "invokereturnasis", c.Args)
					return v, err
				}),
				"GetNewClosure": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self, nil }),
				"ToString":      dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self.(*automation.ScriptBlock).Text(), nil }),
				"InvokeWithContext": dotnet.Method(2, -1, func(c *dotnet.Call) (any, error) {
					return rtOf(c).callScriptBlock(c.Self.(*automation.ScriptBlock), c.Args[2:])
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Management.Automation.SwitchParameter", Aliases: []string{"switch"}, Assembly: "System.Management.Automation", ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				return Switch(object.ToBool(v)), nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := bareValue(v).(Switch); return ok },
			Static: dotnet.Members{
				"Present": dotnet.Prop(func(*dotnet.Call) (any, error) { return Switch(true), nil }),
			},
			Members: dotnet.Members{
				"IsPresent": dotnet.Prop(func(c *dotnet.Call) (any, error) { return bool(bareValue(c.Self).(Switch)), nil }),
				"ToBool":    dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return bool(bareValue(c.Self).(Switch)), nil }),
			}},
	)
}

// createScriptBlock parses text into a script block ([scriptblock]::Create).
func (rt *Runtime) createScriptBlock(text string) (any, error) {
	sb, perrs := parser.Parse(syntax.NewSource("", text))
	if perrs != nil {
		return nil, parseException(perrs)
	}
	return &automation.ScriptBlock{AST: sb}, nil
}

// parseException is the .NET exception a method that parses script text
// throws: IncompleteParseException with the first error's message when
// more input could complete the text, else ParseException whose message
// gives each error (ten at most) with its "At line:" position.
func parseException(perrs syntax.ErrorList) error {
	if perrs[0].Incomplete {
		return &dotnet.TypedException{Msg: perrs[0].Message, Type: "System.Management.Automation.IncompleteParseException"}
	}
	var parts []string
	for i, e := range perrs {
		if i == 10 {
			parts = append(parts, "Not all parse errors were reported.  Correct the reported errors and try again.")
			break
		}
		lines := format.PositionMessage(parseErrorRecord(e).Position)
		parts = append(parts, strings.Join(append(lines, e.Message), "\n"))
	}
	return &dotnet.TypedException{Msg: strings.Join(parts, "\n\n"), Type: "System.Management.Automation.ParseException"}
}
