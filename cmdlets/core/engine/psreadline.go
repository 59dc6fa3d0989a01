package engine

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

// PSReadLine: exosim's prompt has its own line editor with PSReadLine's
// Emacs bindings. Set-PSReadLineOption changes what that editor supports
// (-EditMode Emacs, -HistoryNoDuplicates, -MaximumHistoryCount,
// -PredictionSource None) and says in one line, per option, what it does
// not; Set-PSReadLineKeyHandler rebinds the keys the editor can rebind to
// the functions it has (-Key Tab -Function MenuComplete). Without a
// terminal (a script run) the settings are kept and checked the same way.

// readLineSlot holds the session's PSReadLine settings.
var readLineSlot = command.NewSlot[*readLineOptions]()

// readLineOptions are the session's PSReadLine settings.
type readLineOptions struct {
	noDuplicates bool
	maxHistory   int
}

func readLineOf(rt *runtime.Runtime) *readLineOptions {
	return readLineSlot.Of(rt, func() *readLineOptions { return &readLineOptions{maxHistory: 4096} })
}

// lineEditor is what these cmdlets change in the prompt's line editor.
type lineEditor interface {
	BindKey(key, function string) error
	SetHistoryOptions(noDuplicates bool, max int)
}

// terminal is the session's line editor, or nil without one.
func terminal(rt *runtime.Runtime) lineEditor {
	if rt.IO == nil {
		return nil
	}
	t, _ := rt.IO.Editor.(lineEditor)
	return t
}

func psReadLineCommands() []*command.Command {
	return []*command.Command{setReadLineOption(), getReadLineOption(), setReadLineKeyHandler()}
}

func setReadLineOption() *command.Command {
	c := Declared("Set-PSReadLineOption", "PSReadLine")
	c.Synopsis = "Sets the options of exosim's line editor that it supports; each other option is reported, not set."
	c.Handler.Process = func(ctx *command.Context) error {
		o := readLineOf(runtime.Of(ctx))
		t := terminal(runtime.Of(ctx))
		names := make([]string, 0, len(ctx.Bound()))
		for _, p := range ctx.Command.Params {
			if ctx.Has(p.Name) {
				names = append(names, p.Name)
			}
		}
		for _, name := range names {
			supported := true
			switch name {
			case "EditMode":
				supported = strings.EqualFold(ctx.String(name), "Emacs")
			case "HistoryNoDuplicates":
				o.noDuplicates = ctx.Switch(name)
				if t != nil {
					t.SetHistoryOptions(o.noDuplicates, o.maxHistory)
				}
			case "MaximumHistoryCount":
				if n := ctx.Int(name); n > 0 {
					o.maxHistory = n
					if t != nil {
						t.SetHistoryOptions(o.noDuplicates, n)
					}
				}
			case "PredictionSource":
				supported = strings.EqualFold(ctx.String(name), "None")
			default:
				supported = false
			}
			if !supported {
				v := object.ToInvariantString(ctx.Value(name))
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("exosim's line editor does not support -%s %s (it has PSReadLine's Emacs bindings, and supports -EditMode Emacs, -HistoryNoDuplicates, -MaximumHistoryCount and -PredictionSource None): the option was not set.", name, v),
					"OptionNotSimulated", object.NotImplemented, "NotImplementedException", name)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func getReadLineOption() *command.Command {
	c := Declared("Get-PSReadLineOption", "PSReadLine")
	c.Synopsis = "Gets the options of exosim's line editor."
	c.Handler.Process = func(ctx *command.Context) error {
		o := readLineOf(runtime.Of(ctx))
		r := object.NewObject("Microsoft.PowerShell.PSConsoleReadLineOptions", "System.Object")
		r.AddTyped("EditMode", "Microsoft.PowerShell.EditMode", "Emacs")
		r.AddTyped("ContinuationPrompt", "System.String", ">> ")
		r.AddTyped("HistoryNoDuplicates", "System.Boolean", o.noDuplicates)
		r.AddTyped("HistorySaveStyle", "Microsoft.PowerShell.HistorySaveStyle", "SaveIncrementally")
		r.AddTyped("MaximumHistoryCount", "System.Int32", o.maxHistory)
		r.AddTyped("PredictionSource", "Microsoft.PowerShell.PredictionSource", "None")
		return ctx.WriteObject(r)
	}
	return c
}

func setReadLineKeyHandler() *command.Command {
	c := Declared("Set-PSReadLineKeyHandler", "PSReadLine")
	c.Synopsis = "Binds a key of exosim's line editor to one of its editing functions; script-block handlers are not simulated."
	c.Handler.Process = func(ctx *command.Context) error {
		if !ctx.Has("Function") {
			return ctx.Fail(ctx.NewError("exosim's line editor does not run script-block key handlers (-ScriptBlock): the key handler was not set.",
				"OptionNotSimulated", object.NotImplemented, "NotImplementedException", nil))
		}
		t := terminal(runtime.Of(ctx))
		for _, k := range ctx.Strings("Chord") {
			var err error
			if t != nil {
				err = t.BindKey(k, ctx.String("Function"))
			} else {
				// no prompt: the binding is only checked
				_, _, err = host.KeyBinding(k, ctx.String("Function"))
			}
			if err != nil {
				if werr := ctx.WriteError(ctx.NewError(err.Error()+".", "OptionNotSimulated", object.NotImplemented, "NotImplementedException", k)); werr != nil {
					return werr
				}
			}
		}
		return nil
	}
	return c
}
