package machine

import (
	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

func cultureCommands() []*command.Command { return []*command.Command{getCulture(), getUICulture()} }

// getCulture is Get-Culture on the simulated machine, whose culture is
// en-US: without arguments that culture; -Name the culture of a name
// ("" the invariant culture); -ListAvailable the cultures the machine
// has (the invariant culture and en-US). A name the machine has no
// culture for is an error of that name, and the next name goes on.
func getCulture() *command.Command {
	c := engine.Cmdlet("Get-Culture", engine.ModUtility, "GetCultureCommand")
	c.Synopsis = "Returns the culture of the simulated machine (en-US), or the culture of a name."
	c.Sets = []string{"CurrentCulture", "Name", "ListAvailable"}
	c.DefaultSet = "CurrentCulture"
	c.OutputType = "System.Globalization.CultureInfo"
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Position(0), params.FromPipeline(), params.InSets(params.Set("Name", false, 0))),
		params.P("ListAvailable", params.TSwitch, params.InSets(params.Set("ListAvailable", false, -1))),
		params.P("NoUserOverrides", params.TSwitch, params.InSets(params.Set("Name", false, -1), params.Set("CurrentCulture", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		switch {
		case ctx.Switch("ListAvailable"):
			for _, name := range []string{"", "en-US"} {
				ci, _ := datetime.Culture(name)
				if err := ctx.WriteObject(ci); err != nil {
					return err
				}
			}
			return nil
		case ctx.Has("Name"):
			for _, n := range ctx.Strings("Name") {
				ci, err := datetime.Culture(n)
				if err != nil {
					rec := ctx.NewError(err.Error(), "ItemNotFoundException", object.ObjectNotFound, "CultureNotFoundException", n)
					if err := ctx.WriteError(rec); err != nil {
						return err
					}
					continue
				}
				if err := ctx.WriteObject(ci); err != nil {
					return err
				}
			}
			return nil
		}
		return ctx.WriteObject(datetime.CurrentCulture())
	}
	return c
}

// getUICulture is Get-UICulture: the machine's user interface culture,
// en-US.
func getUICulture() *command.Command {
	c := engine.Cmdlet("Get-UICulture", engine.ModUtility, "GetUICultureCommand")
	c.Synopsis = "Returns the user interface culture of the simulated machine (en-US)."
	c.OutputType = "System.Globalization.CultureInfo"
	c.Handler.Process = func(ctx *command.Context) error { return ctx.WriteObject(datetime.CurrentCulture()) }
	return c
}
