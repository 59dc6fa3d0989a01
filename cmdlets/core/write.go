package core

import (
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

func writeCommands() []*runtime.Command {
	return []*runtime.Command{writeHost(), writeOutput(), writeWarning(), writeVerbose(), writeDebug(), writeInformation(), writeError(), writeProgress()}
}

func writeHost() *runtime.Command {
	c := cmdlet("Write-Host", ModUtility, "WriteHostCommand")
	c.Synopsis = "Writes text straight to the console."
	c.Params = []*runtime.Param{
		runtime.P("Object", runtime.TObject, runtime.Position(0), runtime.FromPipeline(), runtime.RemainingArgs(), runtime.Alias("Msg", "Message")),
		runtime.P("NoNewline", runtime.TSwitch),
		runtime.P("Separator", runtime.TObject),
		runtime.P("ForegroundColor", runtime.TString),
		runtime.P("BackgroundColor", runtime.TString),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		sep := " "
		if ctx.Has("Separator") {
			sep = ctx.RT.ToStr(ctx.Value("Separator"))
		}
		text := hostText(ctx, ctx.Value("Object"), sep)
		if ctx.Switch("NoNewline") {
			ctx.RT.HostText(text)
			return nil
		}
		ctx.WriteHost(text)
		return nil
	}
	return c
}

// hostText renders Write-Host's argument: strings as is, collections
// flattened and joined with the separator, other objects by ToString.
func hostText(ctx *runtime.Context, v any, sep string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case *object.Hashtable:
		var parts []string
		for range x.Entries() {
			parts = append(parts, "System.Collections.DictionaryEntry")
		}
		return strings.Join(parts, sep)
	}
	if items, ok := object.Enumerate(v); ok {
		parts := make([]string, 0, len(items))
		for _, it := range items {
			parts = append(parts, hostText(ctx, it, sep))
		}
		return strings.Join(parts, sep)
	}
	return object.ToInvariantString(v)
}

func writeOutput() *runtime.Command {
	c := cmdlet("Write-Output", ModUtility, "WriteOutputCommand")
	c.Synopsis = "Sends objects down the pipeline."
	c.Params = []*runtime.Param{
		runtime.P("InputObject", runtime.TObjects, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline(), runtime.RemainingArgs()),
		runtime.P("NoEnumerate", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		v := ctx.Value("InputObject")
		if items, ok := v.([]any); ok && len(items) == 1 && !ctx.HasInput {
			v = items[0]
		}
		if ctx.HasInput {
			v = ctx.Input
			return ctx.WriteObject(v)
		}
		if ctx.Switch("NoEnumerate") {
			return ctx.WriteObject(v)
		}
		return ctx.WriteEnumerated(v)
	}
	return c
}

func messageCmdlet(name, typeName string, write func(ctx *runtime.Context, msg string)) *runtime.Command {
	c := cmdlet(name, ModUtility, typeName)
	c.Params = []*runtime.Param{
		runtime.P("Message", runtime.TString, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline(), runtime.Alias("Msg")),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		write(ctx, ctx.String("Message"))
		return nil
	}
	return c
}

func writeWarning() *runtime.Command {
	c := messageCmdlet("Write-Warning", "WriteWarningCommand", func(ctx *runtime.Context, msg string) { ctx.WriteWarning(msg) })
	c.Synopsis = "Writes a warning message."
	return c
}

func writeVerbose() *runtime.Command {
	c := messageCmdlet("Write-Verbose", "WriteVerboseCommand", func(ctx *runtime.Context, msg string) { ctx.WriteVerbose(msg) })
	c.Synopsis = "Writes a verbose message (shown with -Verbose)."
	return c
}

func writeDebug() *runtime.Command {
	c := messageCmdlet("Write-Debug", "WriteDebugCommand", func(ctx *runtime.Context, msg string) { ctx.WriteDebug(msg) })
	c.Synopsis = "Writes a debug message."
	return c
}

func writeInformation() *runtime.Command {
	c := cmdlet("Write-Information", ModUtility, "WriteInformationCommand")
	c.Synopsis = "Writes to the information stream."
	c.Params = []*runtime.Param{
		runtime.P("MessageData", runtime.TObject, runtime.Mandatory(), runtime.Position(0), runtime.Alias("Msg", "Message")),
		runtime.P("Tags", runtime.TStrings, runtime.Position(1)),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		return ctx.WriteInformation(ctx.Value("MessageData"), ctx.Strings("Tags"))
	}
	return c
}

func writeError() *runtime.Command {
	c := cmdlet("Write-Error", ModUtility, "WriteErrorCommand")
	c.Synopsis = "Writes a non-terminating error."
	c.Sets = []string{"NoException", "WithException", "ErrorRecord"}
	c.DefaultSet = "NoException"
	c.Params = []*runtime.Param{
		runtime.P("Message", runtime.TString, runtime.InSets(runtime.Set("NoException", true, 0), runtime.Set("WithException", false, -1)), runtime.Alias("Msg")),
		runtime.P("Exception", runtime.TObject, runtime.InSets(runtime.Set("WithException", true, -1))),
		runtime.P("ErrorRecord", runtime.TObject, runtime.InSets(runtime.Set("ErrorRecord", true, -1))),
		runtime.P("Category", runtime.TString, runtime.InSets(runtime.Set("NoException", false, -1), runtime.Set("WithException", false, -1))),
		runtime.P("ErrorId", runtime.TString, runtime.InSets(runtime.Set("NoException", false, -1), runtime.Set("WithException", false, -1))),
		runtime.P("TargetObject", runtime.TObject, runtime.InSets(runtime.Set("NoException", false, -1), runtime.Set("WithException", false, -1))),
		runtime.P("RecommendedAction", runtime.TString),
		runtime.P("CategoryActivity", runtime.TString, runtime.Alias("Activity")),
		runtime.P("CategoryReason", runtime.TString, runtime.Alias("Reason")),
		runtime.P("CategoryTargetName", runtime.TString, runtime.Alias("TargetName")),
		runtime.P("CategoryTargetType", runtime.TString, runtime.Alias("TargetType")),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		var rec *object.ErrorRecord
		if r, ok := ctx.Value("ErrorRecord").(*object.ErrorRecord); ok {
			cp := *r
			rec = &cp
		} else {
			msg := ctx.String("Message")
			if msg == "" && ctx.Has("Exception") {
				msg = ctx.RT.ToStr(ctx.Value("Exception"))
			}
			cat := object.ErrorCategory(ctx.String("Category"))
			if cat == "" {
				cat = object.NotSpecified
			}
			id := ctx.String("ErrorId")
			if id == "" {
				id = "Microsoft.PowerShell.Commands.WriteErrorException"
			}
			rec = &object.ErrorRecord{
				Message:           msg,
				ErrorID:           id,
				Category:          cat,
				ExceptionType:     "WriteErrorException",
				ExceptionFullType: "Microsoft.PowerShell.Commands.WriteErrorException",
				Target:            ctx.Value("TargetObject"),
				RecommendedAction: ctx.String("RecommendedAction"),
				Activity:          "Write-Error",
			}
			if a := ctx.String("CategoryActivity"); a != "" {
				rec.Activity = a
			}
		}
		return ctx.RT.WriteScriptError(ctx, rec)
	}
	return c
}

func writeProgress() *runtime.Command {
	c := cmdlet("Write-Progress", ModUtility, "WriteProgressCommand")
	c.Synopsis = "Shows a progress bar (nothing is shown in the simulator's plain output)."
	c.Params = []*runtime.Param{
		runtime.P("Activity", runtime.TString, runtime.Position(0)),
		runtime.P("Status", runtime.TString, runtime.Position(1)),
		runtime.P("Id", runtime.TInt, runtime.Position(2)),
		runtime.P("PercentComplete", runtime.TInt),
		runtime.P("SecondsRemaining", runtime.TInt),
		runtime.P("CurrentOperation", runtime.TString),
		runtime.P("ParentId", runtime.TInt),
		runtime.P("Completed", runtime.TSwitch),
		runtime.P("SourceId", runtime.TInt),
	}
	c.Handler.Process = func(ctx *runtime.Context) error { return nil }
	return c
}
