package machine

import (
	"fmt"
	"github.com/exosim/exosim/cmdlets/core/engine"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
)

// exosim is offline: Invoke-RestMethod and Invoke-WebRequest bind their
// parameters as PowerShell does, then fail with one error naming the URL
// and saying the simulator has no network. Nothing is sent anywhere.

func webCommands() []*command.Command {
	return []*command.Command{webCommand("Invoke-RestMethod"), webCommand("Invoke-WebRequest")}
}

func webCommand(name string) *command.Command {
	c := engine.Declared(name, engine.ModUtility)
	c.FullTypeName = "Microsoft.PowerShell.Commands." + map[string]string{"Invoke-RestMethod": "InvokeRestMethodCommand", "Invoke-WebRequest": "InvokeWebRequestCommand"}[name]
	c.Synopsis = "Sends a web request: exosim has no network, so the call fails naming the URL."
	c.Handler.Process = func(ctx *command.Context) error {
		uri := ctx.String("Uri")
		rec := ctx.NewError(fmt.Sprintf("exosim has no network: the simulator sends no web requests, so the request to '%s' was not sent.", uri),
			"NetworkNotSimulated", object.NotImplemented, "NotImplementedException", uri)
		rec.ExceptionFullType = "System.NotImplementedException"
		return ctx.Fail(rec)
	}
	return c
}
