package core

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

func formatTable() *command.Command {
	c := engine.Cmdlet("Format-Table", engine.ModUtility, "FormatTableCommand")
	c.Synopsis = "Formats objects as a table."
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("AutoSize", params.TSwitch),
		params.P("RepeatHeader", params.TSwitch),
		params.P("HideTableHeaders", params.TSwitch),
		params.P("Wrap", params.TSwitch),
		params.P("GroupBy", params.TObject),
		params.P("View", params.TString),
		params.P("ShowError", params.TSwitch),
		params.P("DisplayError", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("Expand", params.EnumType("String", "System.String", "CoreOnly", "EnumOnly", "Both")),
	}
	c.Handler.Begin = beginTable
	c.Handler.Process = shapedProcess
	c.Handler.End = shapedEnd
	return c
}

// The Begin handlers of Format-Table and Format-List are functions
// declared beside their cmdlets, not function literals: the compiler
// places a literal that captures nothing after all of the package's
// functions, and a one-shot command would enter that far stretch of code
// for it alone.

// beginTable shapes Format-Table's view from its parameters.
func beginTable(ctx *command.Context) error {
	spec, err := buildSpec(ctx, format.TableView, format.ForTable)
	if err != nil {
		return err
	}
	spec.AutoSize = ctx.Switch("AutoSize")
	spec.Wrap = ctx.Switch("Wrap")
	spec.HideTableHeaders = ctx.Switch("HideTableHeaders")
	*specSlot.Of(ctx) = spec
	return nil
}

func formatList() *command.Command {
	c := engine.Cmdlet("Format-List", engine.ModUtility, "FormatListCommand")
	c.Synopsis = "Formats objects as a list of properties, one per line."
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("GroupBy", params.TObject),
		params.P("View", params.TString),
		params.P("ShowError", params.TSwitch),
		params.P("DisplayError", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("Expand", params.EnumType("String", "System.String", "CoreOnly", "EnumOnly", "Both")),
	}
	c.Handler.Begin = beginList
	c.Handler.Process = shapedProcess
	c.Handler.End = shapedEnd
	return c
}

// beginList shapes Format-List's view from its parameters.
func beginList(ctx *command.Context) error {
	spec, err := buildSpec(ctx, format.ListView, format.ForList)
	if err != nil {
		return err
	}
	*specSlot.Of(ctx) = spec
	return nil
}

// specSlot holds the view one Format-Table or Format-List call shapes its
// objects into.
var specSlot = command.NewInvocationSlot[*format.Spec]()

// shapedSlot records that the call has written its opening records.
var shapedSlot = command.NewInvocationSlot[bool]()

// shapedProcess writes an entry for each input object, the first one
// preceded by the records that open the call's output.
func shapedProcess(ctx *command.Context) error {
	in, ok := ctx.ProcessInput()
	if !ok {
		return nil
	}
	spec := *specSlot.Of(ctx)
	if started := shapedSlot.Of(ctx); !*started {
		*started = true
		for _, m := range []format.ShapeMark{format.FormatStartMark, format.GroupStartMark} {
			if err := ctx.WriteObject(&format.Shaped{Spec: spec, Mark: m}); err != nil {
				return err
			}
		}
	}
	return ctx.WriteObject(&format.Shaped{Spec: spec, Value: in})
}

// shapedEnd closes the call's output when it wrote any: Out-Default shows
// the table or list then, so what the script writes next (Write-Host)
// comes after it.
func shapedEnd(ctx *command.Context) error {
	if !*shapedSlot.Of(ctx) {
		return nil
	}
	spec := *specSlot.Of(ctx)
	for _, m := range []format.ShapeMark{format.GroupEndMark, format.FormatEndMark} {
		if err := ctx.WriteObject(&format.Shaped{Spec: spec, Mark: m}); err != nil {
			return err
		}
	}
	return nil
}

func buildSpec(ctx *command.Context, kind format.ViewKind, calc format.CalcKind) (*format.Spec, error) {
	spec := &format.Spec{Kind: kind, Force: ctx.Switch("Force"), View: ctx.String("View")}
	if props, ok := ctx.Value("Property").([]any); ok {
		for _, p := range props {
			ps, err := engine.PropSpec(p, calc)
			if err != nil {
				return nil, ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyUnknownKey", object.InvalidArgument, "NotSupportedException", nil))
			}
			spec.Properties = append(spec.Properties, ps)
		}
	}
	if g := ctx.Value("GroupBy"); g != nil {
		ps, err := engine.PropSpec(g, format.ForGroup)
		if err != nil {
			return nil, ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyUnknownKey", object.InvalidArgument, "NotSupportedException", nil))
		}
		spec.GroupBy = &ps
	}
	return spec, nil
}

// renderText formats values as Out-String does (width 0 = default).
func renderText(ctx *command.Context, items []any, width int) string {
	lines := renderLines(ctx, items, width)
	return format.OutString(lines)
}

func renderLines(ctx *command.Context, items []any, width int) []string {
	o := runtime.Of(ctx).FormatOptions(true)
	if width > 0 {
		o.Width = width
		o.WidthGiven = true
	}
	var lines []string
	w := format.NewWriter(runtime.Of(ctx).Formats, o, func(_ format.Stream, l string) { lines = append(lines, format.StripANSI(l)) })
	for _, it := range items {
		w.Write(it)
	}
	w.Close()
	return lines
}

func outString() *command.Command {
	c := engine.Cmdlet("Out-String", engine.ModUtility, "OutStringCommand")
	c.Synopsis = "Turns objects into the text the console would show."
	c.Sets = []string{"NoNewLineFormatting", "StreamFormatting"}
	c.DefaultSet = "NoNewLineFormatting"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Width", params.TInt),
		params.P("Stream", params.TSwitch, params.InSets(params.Set("StreamFormatting", true, -1))),
		params.P("NoNewline", params.TSwitch, params.InSets(params.Set("NoNewLineFormatting", false, -1))),
	}
	c.Handler.Process = command.CollectInput
	c.Handler.End = func(ctx *command.Context) error {
		items := ctx.Collected()
		if len(items) == 0 {
			// without input the buffered text is still written: empty
			if ctx.Switch("Stream") {
				return nil
			}
			return ctx.WriteObject("")
		}
		lines := renderLines(ctx, items, ctx.Int("Width"))
		if ctx.Switch("Stream") {
			for _, l := range lines {
				if err := ctx.WriteObject(l); err != nil {
					return err
				}
			}
			return nil
		}
		if ctx.Switch("NoNewline") {
			return ctx.WriteObject(strings.Join(lines, ""))
		}
		return ctx.WriteObject(format.OutString(lines))
	}
	return c
}

func outNull() *command.Command {
	c := engine.Cmdlet("Out-Null", engine.ModCore, "OutNullCommand")
	c.Synopsis = "Discards its input."
	c.Params = []*params.Param{params.InputObject()}
	c.Handler.Process = func(ctx *command.Context) error { return nil }
	return c
}

func outDefault(name, typeName string) *command.Command {
	c := engine.Cmdlet(name, engine.ModCore, typeName)
	c.Synopsis = "Sends objects to the console formatter."
	c.Params = []*params.Param{params.InputObject()}
	if name == "Out-Host" {
		c.Params = append(c.Params, params.P("Paging", params.TSwitch))
	} else {
		c.Params = append(c.Params, params.P("Transcript", params.TSwitch))
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		if name == "Out-Host" && ctx.Switch("Paging") {
			startPaging(ctx)
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if !ok {
			return nil
		}
		return writePaged(ctx, in)
	}
	c.Handler.End = endPaging
	return c
}

// paging is the pager of one paging call and the writer that formats
// into it (none when the host does not page).
type paging struct {
	pager *hostui.Pager
	w     *format.Writer
}

var pagingSlot = command.NewInvocationSlot[paging]()

// startPaging sets up Out-Host -Paging (and more): host output a
// screenful at a time on a terminal, straight through elsewhere.
func startPaging(ctx *command.Context) {
	if p := runtime.Of(ctx).NewPager(); p != nil {
		*pagingSlot.Of(ctx) = paging{pager: p, w: format.NewWriter(runtime.Of(ctx).Formats, runtime.Of(ctx).FormatOptions(false), p.Emit)}
	}
}

func writePaged(ctx *command.Context, v any) error {
	pg := pagingSlot.Of(ctx)
	w := pg.w
	if w == nil {
		runtime.Of(ctx).WriteToHost(v)
		return nil
	}
	w.Write(v)
	if pg.pager.Quit() {
		return runtime.StopPipeline()
	}
	return nil
}

func endPaging(ctx *command.Context) error {
	if pg := pagingSlot.Of(ctx); pg.w != nil {
		pg.w.Close()
		if pg.pager.Quit() {
			return runtime.StopPipeline()
		}
	}
	return nil
}

// more pages its input (or the files named) like Out-Host -Paging, as
// PowerShell's more function does.
func more() *command.Command {
	c := engine.Cmdlet("more", engine.ModCore, "")
	c.Type = command.FunctionCommand
	c.Module, c.Version, c.FullTypeName = "", "", ""
	c.Synopsis = "Shows its input (or files) one screenful at a time."
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.Position(0), params.RemainingArgs()),
		params.InputObject(),
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		startPaging(ctx)
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if in, ok := ctx.ProcessInput(); ok {
			return writePaged(ctx, in)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		for _, p := range ctx.Strings("Path") {
			data, _, err := provider.ReadTextFile(runtime.Of(ctx).Files(), p)
			if err != nil {
				return ctx.Fail(ctx.NewError("Cannot find path '"+p+"' because it does not exist.", "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand", object.ObjectNotFound, "ItemNotFoundException", p))
			}
			for _, l := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
				if err := writePaged(ctx, strings.TrimSuffix(l, "\r")); err != nil {
					return err
				}
			}
		}
		return endPaging(ctx)
	}
	return c
}
