package core

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

func writeCommands() []*command.Command {
	return []*command.Command{writeHost(), writeOutput(), writeWarning(), writeVerbose(), writeDebug(), writeInformation(), writeError(), writeProgress()}
}

func writeHost() *command.Command {
	c := engine.Cmdlet("Write-Host", engine.ModUtility, "WriteHostCommand")
	c.Synopsis = "Writes text straight to the console (colored only on a terminal)."
	colors := params.DotNetEnumType("ConsoleColor", "System.ConsoleColor", host.ConsoleColors...)
	c.Params = []*params.Param{
		params.P("Object", params.TObject, params.Position(0), params.FromPipeline(), params.RemainingArgs(), params.Alias("Msg", "Message")),
		params.P("NoNewline", params.TSwitch),
		params.P("Separator", params.TObject),
		params.P("ForegroundColor", colors),
		params.P("BackgroundColor", colors),
	}
	c.Examples = []command.Example{
		{Code: `Write-Host "Done" -ForegroundColor Green`, Remark: "Writes Done, in green on a terminal."},
		{Code: `Write-Host 'Checking ' -NoNewline; Write-Host 'OK'`, Remark: "Writes Checking OK on one line."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		sep := " "
		if ctx.Has("Separator") {
			sep = runtime.Of(ctx).ToStr(ctx.Value("Separator"))
		}
		text := hostText(ctx, ctx.Value("Object"), sep)
		if fg, bg := ctx.String("ForegroundColor"), ctx.String("BackgroundColor"); runtime.Of(ctx).IO.Color && (fg != "" || bg != "") {
			text = host.ColorSequence(fg, false) + host.ColorSequence(bg, true) + text + host.ColorReset
		}
		if ctx.Switch("NoNewline") {
			runtime.Of(ctx).HostText(text)
			return nil
		}
		return ctx.WriteHost(text)
	}
	return c
}

// hostText renders Write-Host's argument: strings as is, collections
// flattened and joined with the separator, other objects by ToString.
func hostText(ctx *command.Context, v any, sep string) string {
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

func writeOutput() *command.Command {
	c := engine.Cmdlet("Write-Output", engine.ModUtility, "WriteOutputCommand")
	c.Synopsis = "Sends objects down the pipeline."
	c.Params = []*params.Param{
		params.P("InputObject", params.TObjects, params.Mandatory(), params.Position(0), params.FromPipeline(), params.RemainingArgs(), engine.AllowEmpty()),
		params.P("NoEnumerate", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
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

func messageCmdlet(name, typeName string, write func(ctx *command.Context, msg string)) *command.Command {
	c := engine.Cmdlet(name, engine.ModUtility, typeName)
	c.Params = []*params.Param{
		// an empty message is written as one (PowerShell's [AllowEmptyString])
		params.P("Message", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline(), params.Alias("Msg"), engine.AllowEmpty()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		write(ctx, ctx.String("Message"))
		return nil
	}
	return c
}

func writeWarning() *command.Command {
	c := messageCmdlet("Write-Warning", "WriteWarningCommand", func(ctx *command.Context, msg string) { ctx.WriteWarning(msg) })
	c.Synopsis = "Writes a warning message."
	return c
}

func writeVerbose() *command.Command {
	c := messageCmdlet("Write-Verbose", "WriteVerboseCommand", func(ctx *command.Context, msg string) { ctx.WriteVerbose(msg) })
	c.Synopsis = "Writes a verbose message (shown with -Verbose)."
	return c
}

func writeDebug() *command.Command {
	c := messageCmdlet("Write-Debug", "WriteDebugCommand", func(ctx *command.Context, msg string) { ctx.WriteDebug(msg) })
	c.Synopsis = "Writes a debug message."
	return c
}

func writeInformation() *command.Command {
	c := engine.Cmdlet("Write-Information", engine.ModUtility, "WriteInformationCommand")
	c.Synopsis = "Writes to the information stream (shown with -InformationAction Continue or $InformationPreference = 'Continue')."
	c.Params = []*params.Param{
		params.P("MessageData", params.TObject, params.Mandatory(), params.Position(0), params.Alias("Msg", "Message"), engine.AllowEmpty()),
		params.P("Tags", params.TStrings, params.Position(1)),
	}
	c.Examples = []command.Example{
		{Code: `Write-Information "Found 3 mailboxes" -InformationAction Continue`, Remark: "Shows the message."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return ctx.WriteInformation(ctx.Value("MessageData"), ctx.Strings("Tags"))
	}
	return c
}

func writeError() *command.Command {
	c := engine.Cmdlet("Write-Error", engine.ModUtility, "WriteErrorCommand")
	c.Synopsis = "Writes a non-terminating error."
	c.Sets = []string{"NoException", "WithException", "ErrorRecord"}
	c.DefaultSet = "NoException"
	c.Params = []*params.Param{
		params.P("Message", params.TString, params.InSets(params.Set("NoException", true, 0), params.Set("WithException", false, -1)), params.Alias("Msg")),
		params.P("Exception", params.TObject, params.InSets(params.Set("WithException", true, -1))),
		params.P("ErrorRecord", params.TObject, params.InSets(params.Set("ErrorRecord", true, -1))),
		params.P("Category", errorCategoryType.Get(), params.InSets(params.Set("NoException", false, -1), params.Set("WithException", false, -1))),
		params.P("ErrorId", params.TString, params.InSets(params.Set("NoException", false, -1), params.Set("WithException", false, -1))),
		params.P("TargetObject", params.TObject, params.InSets(params.Set("NoException", false, -1), params.Set("WithException", false, -1))),
		params.P("RecommendedAction", params.TString),
		params.P("CategoryActivity", params.TString, params.Alias("Activity")),
		params.P("CategoryReason", params.TString, params.Alias("Reason")),
		params.P("CategoryTargetName", params.TString, params.Alias("TargetName")),
		params.P("CategoryTargetType", params.TString, params.Alias("TargetType")),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var rec *object.ErrorRecord
		if r, ok := ctx.Value("ErrorRecord").(*object.ErrorRecord); ok {
			cp := *r
			rec = &cp
		} else {
			msg := ctx.String("Message")
			if msg == "" && ctx.Has("Exception") {
				msg = runtime.Of(ctx).ToStr(ctx.Value("Exception"))
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
		return runtime.Of(ctx).WriteScriptError(ctx, rec)
	}
	return c
}

func writeProgress() *command.Command {
	c := engine.Cmdlet("Write-Progress", engine.ModUtility, "WriteProgressCommand")
	c.Synopsis = "Shows a progress bar on a terminal (nothing when output is not a terminal)."
	c.Params = []*params.Param{
		params.P("Activity", params.TString, params.Position(0)),
		params.P("Status", params.TString, params.Position(1), params.NotNullOrEmpty()),
		params.P("Id", params.TInt, params.Position(2), params.Range(0, 2147483647)),
		params.P("PercentComplete", params.TInt, params.Range(-1, 100)),
		params.P("SecondsRemaining", params.TInt),
		params.P("CurrentOperation", params.TString),
		params.P("ParentId", params.TInt, params.Range(-1, 2147483647)),
		params.P("Completed", params.TSwitch),
		params.P("SourceId", params.TInt),
	}
	c.Examples = []command.Example{
		{Code: `1..3 | ForEach-Object { Write-Progress -Activity 'Exporting' -Status "Mailbox $_" -PercentComplete ($_ * 33) }; Write-Progress -Activity 'Exporting' -Completed`, Remark: "Shows a bar that fills up, then removes it."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		activity := ctx.String("Activity")
		if activity == "" && !ctx.Switch("Completed") {
			return ctx.Fail(ctx.NewError("Missing value for mandatory parameter. (Parameter 'Activity')", "MissingActivity", object.InvalidArgument, "ArgumentException", nil))
		}
		io := runtime.Of(ctx).IO
		if ctx.Switch("Completed") {
			io.ClearProgress()
			return nil
		}
		if !ctx.ProgressShown() {
			return nil
		}
		status := "Processing"
		if ctx.Has("Status") {
			status = ctx.String("Status")
		}
		percent, secs := -1, -1
		if ctx.Has("PercentComplete") {
			percent = ctx.Int("PercentComplete")
		}
		if ctx.Has("SecondsRemaining") {
			secs = ctx.Int("SecondsRemaining")
		}
		io.ShowProgress(progressLine(io.Width, activity, status, percent, secs, io.Color))
		return nil
	}
	return c
}

// progressLine renders a progress record as PowerShell 7.4's one-line bar:
// the activity, then the status in a bar whose filled part (reverse video)
// shows the percentage, at most 120 columns wide. Without color it is the
// plain "Activity 42% Status" line.
func progressLine(width int, activity, status string, percent, secs int, color bool) string {
	maxWidth := width - 1
	if maxWidth > 120 {
		maxWidth = 120
	}
	if !color {
		pct, rem := "", ""
		if percent >= 0 {
			pct = fmt.Sprintf("%d%% ", percent)
		}
		if secs >= 0 {
			rem = object.TimeSpan(int64(secs)*int64(object.TicksPerSecond)).String() + " "
		}
		return truncateCells(fmt.Sprintf(" %s %s%s%s ", activity, pct, rem, status), maxWidth)
	}
	if format.Cells(activity) > maxWidth/2 {
		activity = truncateCells(activity, maxWidth/2-1) + "…"
	}
	barWidth := maxWidth - format.Cells(activity) - 4
	secRemain := ""
	if secs >= 0 {
		secRemain = fmt.Sprintf("%ds", secs)
	}
	maxStatus := barWidth - (len(secRemain) + 1)
	if maxStatus > 0 && format.Cells(status) > maxStatus {
		status = truncateCells(status, maxStatus-1) + "…"
	}
	var bar strings.Builder
	pad := barWidth - format.Cells(status) - (len(secRemain) + 1)
	filled := barWidth
	if percent >= 0 && percent < 100 && barWidth > 0 {
		filled = percent * barWidth / 100
	}
	// the bar's cells: the status, padding, the seconds; reverse video
	// ends after the filled cells
	cells := []rune(status + strings.Repeat(" ", max(pad, 0)) + secRemain)
	bar.WriteString(host.Reverse)
	n := 0
	off := false
	for _, r := range cells {
		if n >= filled && !off {
			bar.WriteString(host.ReverseOff)
			off = true
		}
		bar.WriteRune(r)
		n += format.Cells(string(r))
	}
	if !off {
		bar.WriteString(host.ReverseOff)
	}
	return host.ProgressStyle + activity + " [" + bar.String() + "]" + host.ColorReset
}

// truncateCells cuts s to at most n terminal cells.
func truncateCells(s string, n int) string {
	var b strings.Builder
	w := 0
	for _, r := range s {
		c := format.Cells(string(r))
		if w+c > n {
			break
		}
		b.WriteRune(r)
		w += c
	}
	return b.String()
}

// errorCategoryType is .NET's ErrorCategory enum, in its order.
var errorCategoryType = lazy.Value[*params.Type]{Build: func() *params.Type {
	return params.DotNetEnumType("ErrorCategory", "System.Management.Automation.ErrorCategory",
		"NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument", "InvalidData",
		"InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound",
		"OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy", "ResourceExists",
		"ResourceUnavailable", "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError",
		"AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled")
}}
