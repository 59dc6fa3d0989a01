package core

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/regexsyntax"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// Text and script helpers runbooks use around their Exchange calls:
// Join-String, ConvertFrom-StringData, Get-FileHash, Measure-Command and
// Invoke-Command on the local session.

func textCommands() []*command.Command {
	return []*command.Command{joinString(), convertFromStringData(), getFileHash(), measureCommand(), invokeCommand()}
}

// joinSlot holds the texts one Join-String call has made so far.
var joinSlot = command.NewInvocationSlot[[]string]()

func joinString() *command.Command {
	c := engine.Cmdlet("Join-String", engine.ModUtility, "JoinStringCommand")
	c.Synopsis = "Joins pipeline objects (or one property of them) into one string."
	c.Sets = []string{"Default", "SingleQuote", "DoubleQuote", "Format"}
	c.DefaultSet = "Default"
	c.Params = []*params.Param{
		params.P("Property", params.TObject, params.Position(0)),
		params.P("Separator", params.TString, params.Position(1), engine.AllowEmpty()),
		params.P("OutputPrefix", params.TString, params.Alias("op")),
		params.P("OutputSuffix", params.TString, params.Alias("os")),
		params.P("SingleQuote", params.TSwitch, params.InSets(params.Set("SingleQuote", false, -1))),
		params.P("DoubleQuote", params.TSwitch, params.InSets(params.Set("DoubleQuote", false, -1))),
		params.P("FormatString", params.TString, params.InSets(params.Set("Format", false, -1))),
		params.P("UseCulture", params.TSwitch),
		params.P("InputObject", params.TObjects, params.FromPipeline()),
	}
	c.Examples = []command.Example{
		{Code: `Get-Mailbox -ResultSize 3 -WarningAction SilentlyContinue | Join-String -Property Alias -Separator ', '`, Remark: "Lists three mailboxes' aliases on one line."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		items := joinSlot.Of(ctx)
		var spec *format.PropSpec
		if p := ctx.Value("Property"); p != nil {
			s, err := engine.PropSpec(p, format.ForSelect)
			if err != nil {
				return ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyIllegalValue", object.InvalidArgument, "NotSupportedException", nil))
			}
			spec = &s
		}
		list, _ := ctx.Value("InputObject").([]any)
		for _, in := range list {
			if in == nil {
				continue
			}
			v := in
			if spec != nil {
				if spec.Script != nil {
					sb, _ := spec.Script.(*automation.ScriptBlock)
					v, _ = runtime.Of(ctx).EvalScriptBlock(sb, in)
				} else {
					v = engine.PropertyOrKey(in, spec.Name)
				}
			}
			text := runtime.Of(ctx).ToStr(v)
			switch {
			case ctx.Switch("SingleQuote"):
				text = "'" + text + "'"
			case ctx.Switch("DoubleQuote"):
				text = `"` + text + `"`
			case ctx.String("FormatString") != "":
				r, err := runtime.Of(ctx).Operator("-f", ctx.String("FormatString"), []any{v})
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "FormatError", object.InvalidOperation, "FormatException", nil))
				}
				text = runtime.Of(ctx).ToStr(r)
			}
			*items = append(*items, text)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		items := *joinSlot.Of(ctx)
		sep := ctx.String("Separator")
		if !ctx.Has("Separator") || ctx.Value("Separator") == nil {
			// no separator: $OFS, else nothing
			ofs, _ := runtime.Of(ctx).Scope().Get("OFS")
			sep = ""
			if ofs != nil {
				sep = runtime.Of(ctx).ToStr(ofs)
			}
		}
		return ctx.WriteObject(ctx.String("OutputPrefix") + strings.Join(items, sep) + ctx.String("OutputSuffix"))
	}
	return c
}

func convertFromStringData() *command.Command {
	c := engine.Cmdlet("ConvertFrom-StringData", engine.ModUtility, "ConvertFromStringDataCommand")
	c.Synopsis = "Converts name=value lines into a hashtable."
	c.Params = []*params.Param{
		params.P("StringData", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline(), engine.AllowEmpty()),
		params.P("Delimiter", params.TString),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		h := object.NewHashtable()
		delim := "="
		if d := ctx.String("Delimiter"); d != "" {
			delim = d[:1]
		}
		for _, line := range strings.Split(ctx.String("StringData"), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			i := strings.Index(line, delim)
			if i <= 0 {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Data line '%s' is not in 'name=value' format. ", line), "InvalidOperation", object.InvalidOperation, "PSInvalidOperationException", nil))
			}
			name := strings.TrimSpace(line[:i])
			if _, dup := h.Get(name); dup {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Data item '%s' in line '%s' is already defined. ", name, line), "InvalidOperation", object.InvalidOperation, "PSInvalidOperationException", nil))
			}
			h.Set(name, regexsyntax.Unescape(strings.TrimSpace(line[i+1:])))
		}
		return ctx.WriteObject(h)
	}
	return c
}

// hashAlgorithms are Get-FileHash's -Algorithm values.
var hashAlgorithms = lazy.Value[map[string]func() hash.Hash]{Build: func() map[string]func() hash.Hash {
	return map[string]func() hash.Hash{
		"SHA1": sha1.New, "SHA256": sha256.New, "SHA384": sha512.New384, "SHA512": sha512.New, "MD5": md5.New,
	}
}}

func getFileHash() *command.Command {
	c := engine.Cmdlet("Get-FileHash", engine.ModUtility, "GetFileHashCommand")
	c.Synopsis = "Computes the hash of files on the session's drives."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = append(management.PathParams(true, true),
		params.P("Algorithm", params.EnumType("String", "System.String", "SHA1", "SHA256", "SHA384", "SHA512", "MD5")),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		alg := strings.ToUpper(ctx.String("Algorithm"))
		if alg == "" {
			alg = "SHA256"
		}
		ns := runtime.Of(ctx).Files()
		paths, literal := management.PathArgs(ctx)
		for _, p := range paths {
			items, err := management.Expand(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, it := range items {
				if it.Info == nil || it.Info.IsDir() {
					continue
				}
				full := it.Path.ProviderPath()
				data, err := fsys.ReadFile(ns.FS(), ns.Host(it.Path), 1<<30)
				if err != nil {
					if err := ctx.WriteError(management.FileError(ctx, provider.HostError(err, full), "FileReadError", full)); err != nil {
						return err
					}
					continue
				}
				h := hashAlgorithms.Get()[alg]()
				h.Write(data)
				o := object.NewObject("Microsoft.PowerShell.Commands.FileHashInfo", "System.Object")
				o.AddTyped("Algorithm", "string", alg)
				o.AddTyped("Hash", "string", strings.ToUpper(hex.EncodeToString(h.Sum(nil))))
				o.AddTyped("Path", "string", full)
				if err := ctx.WriteObject(o); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// measureCommandState is what one Measure-Command call keeps: the time
// its runs took, and whether the pipeline ran it (else End runs it once).
type measureCommandState struct {
	elapsed object.TimeSpan
	ran     bool
}

var measureCommandSlot = command.NewInvocationSlot[measureCommandState]()

// measureCommand is Measure-Command: it runs the script block in the
// caller's scope, drops its output and returns the time it took on the
// session's clock (simulated time moves only with Start-Sleep and the
// simulator's own clock commands).
func measureCommand() *command.Command {
	c := engine.Cmdlet("Measure-Command", engine.ModUtility, "MeasureCommandCommand")
	c.Synopsis = "Times a script block on the session's clock."
	c.Params = []*params.Param{
		params.P("Expression", params.TScriptBlock, params.Mandatory(), params.Position(0)),
		params.P("InputObject", params.TObject, params.FromPipeline()),
	}
	run := func(ctx *command.Context, in any) error {
		sb, _ := ctx.Value("Expression").(*automation.ScriptBlock)
		start := runtime.Of(ctx).Now()
		err := runtime.Of(ctx).InvokeScriptBlock(sb, in, nil)
		measureCommandSlot.Of(ctx).elapsed += object.TimeSpan(runtime.Of(ctx).Now().Sub(start) / 100)
		return err
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.HasInput {
			measureCommandSlot.Of(ctx).ran = true
			return run(ctx, ctx.Input)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		if !measureCommandSlot.Of(ctx).ran {
			if err := run(ctx, nil); err != nil {
				return err
			}
		}
		return ctx.WriteObject(measureCommandSlot.Of(ctx).elapsed)
	}
	return c
}

// invokeCommand is Invoke-Command on the local session (its InProcess
// parameter set): every parameter of PowerShell 7.4's declaration binds;
// a call for another computer, session, container or a job says exosim
// does not run commands elsewhere. As PowerShell does, a script block that
// gets pipeline input and does not read $input runs as a steppable
// pipeline, one object at a time into its process block; any other runs
// once, at the end, with $input holding -InputObject or the pipeline's
// objects (then a block of more than one clause cannot run).
func invokeCommand() *command.Command {
	c := engine.Declared("Invoke-Command", engine.ModCore)
	c.FullTypeName = "Microsoft.PowerShell.Commands.InvokeCommandCommand"
	c.Synopsis = "Runs a script block in this session (exosim does not run commands on other computers)."
	c.Handler.Begin = func(ctx *command.Context) error {
		if ctx.ParameterSet != "InProcess" {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("exosim does not run commands on other computers or in jobs (Invoke-Command -%s); run the script block here without it.", remoteParam(ctx)),
				"NotSupported", object.NotImplemented, "NotSupportedException", nil))
		}
		sb, _ := ctx.Value("ScriptBlock").(*automation.ScriptBlock)
		if ctx.ExpectingInput() && !syntax.UsesDollarInput(sb.AST) {
			step, err := runtime.Of(ctx).StepScriptBlock(sb, invokeArgs(ctx), ctx.Switch("NoNewScope"), ctx.WriteObject)
			if err != nil {
				return err
			}
			invokeCommandSlot.Of(ctx).step = step
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if !ctx.Has("InputObject") {
			return nil
		}
		v := ctx.Value("InputObject")
		if step := invokeCommandSlot.Of(ctx).step; step != nil {
			return step.Process(v)
		}
		ctx.Collect(v)
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		if step := invokeCommandSlot.Of(ctx).step; step != nil {
			return step.End()
		}
		sb, _ := ctx.Value("ScriptBlock").(*automation.ScriptBlock)
		if b := sb.AST; b.Begin != nil || b.Clean != nil || b.Process != nil && b.End != nil {
			rec := ctx.NewError("The script block cannot be invoked because it contains more than one clause. The Invoke() method can only be used on script blocks that contain a single clause.",
				"InvalidOperation", object.InvalidOperation, "PSInvalidOperationException", nil)
			rec.ExceptionFullType = "System.Management.Automation.PSInvalidOperationException"
			return ctx.Fail(rec)
		}
		step, err := runtime.Of(ctx).StepScriptBlock(sb, invokeArgs(ctx), ctx.Switch("NoNewScope"), ctx.WriteObject)
		if err != nil {
			return err
		}
		return step.RunOnce(ctx.Collected())
	}
	return c
}

// invokeCommandSlot holds the steppable run of an Invoke-Command call
// that streams its pipeline input.
var invokeCommandSlot = command.NewInvocationSlot[struct{ step *runtime.ScriptStep }]()

// invokeArgs is Invoke-Command's -ArgumentList as the block's arguments.
func invokeArgs(ctx *command.Context) []any {
	v := ctx.Value("ArgumentList")
	if args, ok := v.([]any); ok {
		return args
	}
	if v != nil {
		return []any{v}
	}
	return nil
}

// remoteParam names the parameter that takes a call of Invoke-Command
// away from the local session.
func remoteParam(ctx *command.Context) string {
	for _, p := range []string{"ComputerName", "Session", "ConnectionUri", "VMId", "VMName", "ContainerId", "HostName", "SSHConnection", "AsJob", "FilePath"} {
		if ctx.Has(p) {
			return p
		}
	}
	return ctx.ParameterSet
}
