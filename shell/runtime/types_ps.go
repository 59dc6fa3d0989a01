package runtime

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
)

// SwitchParameter, whose value is the command model's Switch. PowerShell's
// other own types are in shell/dotnet/automation.

func init() { dotnet.RegisterLater(declarePsTypes) }

// declarePsTypes registers the .NET type library with PowerShell's own
// types (automation.Declare), then the file's; it runs on the first type
// lookup.
func declarePsTypes() {
	automation.Declare()
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Management.Automation.SwitchParameter", Aliases: []string{"switch"}, Assembly: "System.Management.Automation", ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				return command.Switch(object.ToBool(v)), nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := bareValue(v).(command.Switch); return ok },
			Static: dotnet.Members{
				"Present": dotnet.Prop(func(*dotnet.Call) (any, error) { return command.Switch(true), nil }),
			},
			Members: dotnet.Members{
				"IsPresent": dotnet.Prop(func(c *dotnet.Call) (any, error) { return bool(bareValue(c.Self).(command.Switch)), nil }),
				"ToBool":    dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return bool(bareValue(c.Self).(command.Switch)), nil }),
			}},
	)
}
