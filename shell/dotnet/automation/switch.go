package automation

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// Switch is a [switch] value (SwitchParameter): what a switch parameter
// of a command or script function is bound to.
type Switch bool

// IsPresent reports whether the switch was given.
func (s Switch) IsPresent() bool { return bool(s) }

func (s Switch) String() string {
	if s {
		return "True"
	}
	return "False"
}

// PSTypeName is the .NET type name.
func (s Switch) PSTypeName() string { return "System.Management.Automation.SwitchParameter" }

func declareSwitch() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Management.Automation.SwitchParameter", Aliases: []string{"switch"}, Assembly: "System.Management.Automation", ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				return Switch(object.ToBool(v)), nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(Switch); return ok },
			Static: dotnet.Members{
				"Present": dotnet.Prop(func(*dotnet.Call) (any, error) { return Switch(true), nil }),
			},
			Members: dotnet.Members{
				"IsPresent": dotnet.Prop(func(c *dotnet.Call) (any, error) { return bool(dotnet.Bare(c.Self).(Switch)), nil }),
				"ToBool":    dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return bool(dotnet.Bare(c.Self).(Switch)), nil }),
			}})
}
