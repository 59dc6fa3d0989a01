package core

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// Out-File (Microsoft.PowerShell.Utility) writes the console text of
// objects to a file, through the file system cmdlets' encodings.

func outFile() *command.Command {
	c := engine.Cmdlet("Out-File", engine.ModUtility, "OutFileCommand")
	c.Synopsis = "Writes the console text of objects to a file."
	c.SupportsShouldProcess = true
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("FilePath", params.TString, params.InSets(params.Set("ByPath", true, 0)), params.Alias("Path")),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("ByLiteralPath", true, -1)), params.Alias("PSPath", "LP")),
		management.EncodingParam(params.Position(1)),
		params.P("Append", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("NoClobber", params.TSwitch, params.Alias("NoOverwrite")),
		params.P("Width", params.TInt),
		params.P("NoNewline", params.TSwitch),
	}
	c.Examples = []command.Example{
		{Code: `Get-Date | Out-File C:\Temp\run.log -Append`, Remark: "Adds the date to a log file."},
	}
	c.Handler.Process = command.CollectInput
	c.Handler.End = func(ctx *command.Context) error {
		enc, err := management.EncodingOf(ctx)
		if err != nil {
			return err
		}
		path := ctx.String("FilePath")
		if path == "" {
			path = ctx.String("LiteralPath")
		}
		rp, err := provider.ResolveFile(runtime.Of(ctx).Files(), path)
		if err != nil {
			return ctx.Fail(management.FileError(ctx, err, management.FileOpenID(err), path))
		}
		ok, err := ctx.ShouldProcess(rp.ProviderPath(), "Output to File")
		if err != nil || !ok {
			return err
		}
		if ctx.Switch("NoClobber") && !ctx.Switch("Append") && runtime.Of(ctx).Files().Exists(rp) {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("The file '%s' already exists.", rp.ProviderPath()), "NoClobber", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		items := ctx.Collected()
		lines := renderLines(ctx, items, ctx.Int("Width"))
		text := format.OutString(lines)
		if ctx.Switch("NoNewline") {
			text = strings.Join(lines, "")
		}
		return management.WriteFile(ctx, rp.String(), text, enc, ctx.Switch("Append"))
	}
	return c
}
