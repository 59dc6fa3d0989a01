package machine

import (
	"fmt"
	"github.com/exosim/exosim/cmdlets/core/engine"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
)

func timeZoneCommands() []*command.Command { return []*command.Command{getTimeZone()} }

// getTimeZone is Get-TimeZone on the simulated machine, whose only time
// zone is UTC: without arguments the local zone (Etc/UTC); -Name matches
// zones by standard name (wildcards), -Id finds one by id. A zone of
// another name or id, and -ListAvailable (the host's whole list), are
// beyond what exosim models and say so.
func getTimeZone() *command.Command {
	c := engine.Cmdlet("Get-TimeZone", engine.ModManagement, "GetTimeZoneCommand")
	c.Synopsis = "Returns the time zone of the simulated machine, which runs on UTC."
	c.Sets = []string{"Name", "Id", "ListAvailable"}
	c.DefaultSet = "Name"
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Position(0), params.FromPipeline(), params.InSets(params.Set("Name", false, 0))),
		params.P("Id", params.TStrings, params.FromPipelineByName(), params.InSets(params.Set("Id", true, -1))),
		params.P("ListAvailable", params.TSwitch, params.InSets(params.Set("ListAvailable", true, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		switch {
		case ctx.Switch("ListAvailable"):
			return ctx.Fail(notModelledZone(ctx, "Get-TimeZone -ListAvailable (the host's list of time zones)"))
		case ctx.Has("Id"):
			for _, id := range ctx.Strings("Id") {
				z, ok := datetime.FindTimeZone(id)
				if !ok {
					if err := ctx.WriteError(notModelledZone(ctx, fmt.Sprintf("the time zone with the ID '%s'", id))); err != nil {
						return err
					}
					continue
				}
				if err := ctx.WriteObject(z); err != nil {
					return err
				}
			}
			return nil
		case ctx.Has("Name"):
			for _, n := range ctx.Strings("Name") {
				if !wildcard.Match(n, datetime.TimeZoneStandardName) {
					if err := ctx.WriteError(notModelledZone(ctx, fmt.Sprintf("the time zone named '%s'", n))); err != nil {
						return err
					}
					continue
				}
				// the host's list names the universal zone UTC
				z, _ := datetime.FindTimeZone("UTC")
				if err := ctx.WriteObject(z); err != nil {
					return err
				}
			}
			return nil
		}
		return ctx.WriteObject(datetime.LocalTimeZone())
	}
	return c
}

// notModelledZone says that exosim's machine has no other zone than UTC.
func notModelledZone(ctx *command.Context, what string) *object.ErrorRecord {
	return ctx.NewError(fmt.Sprintf("exosim's simulated machine has only the UTC time zone: %s is not simulated.", what),
		"TimeZoneNotSimulated", object.NotImplemented, "NotImplementedException", nil)
}
