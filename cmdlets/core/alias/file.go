package alias

import (
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/wildcard"
)

// An alias file is what Export-Alias writes and Import-Alias reads: a
// header of comment lines (# and a space), then one line per alias, as
// four quoted comma-separated values (name, definition, description,
// options) or, with -As Script, as a Set-Alias command. PowerShell writes
// it in UTF-16 (little-endian, with a byte-order mark).

// exportAlias is Export-Alias.
func exportAlias() *command.Command {
	c := engine.Cmdlet("Export-Alias", engine.ModUtility, "ExportAliasCommand")
	c.Synopsis = "Exports information about currently defined aliases to a file."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = "System.Management.Automation.AliasInfo"
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.Set("ByPath", true, 0))),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("ByLiteralPath", true, -1)), params.FromPipelineByName(), params.Alias("PSPath", "LP")),
		params.P("Name", params.TStrings, params.Position(1), params.FromPipelineByName()),
		params.P("PassThru", params.TSwitch),
		params.P("As", params.DotNetEnumType("ExportAliasFormat", "Microsoft.PowerShell.Commands.ExportAliasFormat", "Csv", "Script")),
		params.P("Append", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("NoClobber", params.TSwitch, params.Alias("NoOverwrite")),
		params.P("Description", params.TString),
		params.P("Scope", params.TString),
	}
	// matched gathers the aliases of every input; the file is written at
	// the end.
	var matched []*scope.Alias
	c.Handler.Begin = func(*command.Context) error {
		matched = nil
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		table, err := tableAt(ctx)
		if err != nil {
			return err
		}
		names := ctx.Strings("Name")
		if len(names) == 0 {
			names = []string{"*"}
		}
		for _, n := range names {
			found := false
			for _, a := range table {
				if wildcard.Match(n, a.Name) {
					found = true
					matched = append(matched, a)
				}
			}
			if !found && !wildcard.Has(n) {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot find alias because alias '%s' does not exist.", n), "AliasNotFound", object.ObjectNotFound, "ItemNotFoundException", n)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		path := ctx.String("Path")
		if ctx.Has("LiteralPath") {
			path = ctx.String("LiteralPath")
		}
		rp, err := provider.ResolveFile(rt.Files(), path)
		if err != nil {
			return ctx.Fail(management.FileError(ctx, err, management.FileOpenID(err), path))
		}
		ok, err := ctx.ShouldProcess(rp.ProviderPath(), "Export-Alias")
		if err != nil || !ok {
			return err
		}
		if ctx.Switch("NoClobber") && !ctx.Switch("Append") && rt.Files().Exists(rp) {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("The file '%s' already exists.", rp.ProviderPath()), "NoClobber", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		script := strings.EqualFold(ctx.String("As"), "Script")
		var b strings.Builder
		writeHeader(ctx, &b)
		for _, a := range matched {
			if script {
				fmt.Fprintf(&b, "set-alias -Name:\"%s\" -Value:\"%s\" -Description:\"%s\" -Option:\"%s\"\n", a.Name, a.Definition, a.Description, a.Options)
			} else {
				fmt.Fprintf(&b, "\"%s\",\"%s\",\"%s\",\"%s\"\n", a.Name, a.Definition, a.Description, a.Options)
			}
		}
		if err := management.WriteFile(ctx, rp.String(), b.String(), management.EncodingNamed("unicode"), ctx.Switch("Append")); err != nil {
			return err
		}
		if ctx.Switch("PassThru") {
			for _, a := range matched {
				if err := ctx.WriteObject(engine.AliasInfo(a, rt)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// writeHeader writes the comment lines an alias file starts with: its
// title, who exported it and when, from which computer, and -Description
// (each of its lines commented).
func writeHeader(ctx *command.Context, b *strings.Builder) {
	env := runtime.Of(ctx).Env()
	user, _ := env.Get("USERNAME")
	machine, _ := env.Get("COMPUTERNAME")
	b.WriteString("# Alias File\n")
	fmt.Fprintf(b, "# Exported by : %s\n", user)
	fmt.Fprintf(b, "# Date/Time : %s\n", ctx.Now().Format("Monday, January 2, 2006 3:04:05 PM"))
	fmt.Fprintf(b, "# Computer : %s\n", machine)
	if ctx.Has("Description") {
		b.WriteString("#\n# " + strings.ReplaceAll(ctx.String("Description"), "\n", "\n# ") + "\n")
	}
}

// importAlias is Import-Alias: it sets the aliases of an alias file, in
// the caller's scope or the one -Scope names. Without -Force a name that
// is already an alias, or already a command, is an error and is skipped.
func importAlias() *command.Command {
	c := engine.Cmdlet("Import-Alias", engine.ModUtility, "ImportAliasCommand")
	c.Synopsis = "Imports an alias list from a file."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = "System.Management.Automation.AliasInfo"
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.Set("ByPath", true, 0)), params.FromPipeline(), params.FromPipelineByName()),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("ByLiteralPath", true, -1)), params.FromPipeline(), params.FromPipelineByName(), params.Alias("PSPath", "LP")),
		params.P("Scope", params.TString, params.NotNullOrEmpty()),
		params.P("PassThru", params.TSwitch),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		aliases, err := readAliasFile(ctx)
		if err != nil {
			return err
		}
		target, err := scopeAt(ctx)
		if err != nil {
			return err
		}
		force := ctx.Switch("Force")
		for _, a := range aliases {
			ok, err := ctx.ShouldProcess(fmt.Sprintf("Name: %s Value: %s", a.Name, a.Definition), "Import Alias")
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if !force {
				if existing(rt, a.Name, ctx.String("Scope") != "", target) != nil {
					if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("The alias is not allowed, because an alias with the name '%s' already exists.", a.Name), "AliasAlreadyExists", object.ResourceExists, "SessionStateException", a.Name)); err != nil {
						return err
					}
					continue
				}
				if kind, ok := commandKind(rt, a.Name); ok {
					if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("The alias is not allowed, because a command with the name '%s' and command type '%s' already exists.", a.Name, kind), "AliasAlreadyExists", object.ResourceExists, "SessionStateException", a.Name)); err != nil {
						return err
					}
					continue
				}
			}
			if err := engine.PutAlias(rt, target, a, force); err != nil {
				if err := ctx.WriteError(scopeError(ctx, err, a.Name)); err != nil {
					return err
				}
				continue
			}
			if ctx.Switch("PassThru") {
				if err := ctx.WriteObject(engine.AliasInfo(a, rt)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// commandKind is the type of the function or cmdlet a name already is.
func commandKind(rt *runtime.Runtime, name string) (string, bool) {
	if _, ok := rt.Functions()[strings.ToLower(name)]; ok {
		return "Function", true
	}
	if _, ok := rt.BuiltinAlias(name); ok {
		return "", false
	}
	if c, ok := rt.LookupCommand(name); ok {
		return c.Type.String(), true
	}
	return "", false
}

// readAliasFile reads the aliases of the one file -Path or -LiteralPath
// names. Blank lines and comment lines are skipped; a line that is not
// four comma-separated values ends the command, one whose options are not
// ScopedItemOptions is an error and is skipped.
func readAliasFile(ctx *command.Context) ([]*scope.Alias, error) {
	rt := runtime.Of(ctx)
	path, literal := ctx.String("Path"), ctx.Has("LiteralPath")
	if literal {
		path = ctx.String("LiteralPath")
	}
	paths, err := management.ResolveAll(ctx, path, literal)
	if err != nil {
		return nil, err
	}
	if len(paths) > 1 {
		return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot import alias because path '%s' contains wildcard characters that resolve to multiple paths. Aliases can be imported from only one file. Change the value of the Path parameter to a path that resolves to a single file.", path), "NotSupported", object.NotSpecified, "NotSupportedException", nil))
	}
	if len(paths) == 0 {
		return nil, nil
	}
	rp := paths[0]
	if rp.Drive.Provider != fsys.FileSystem {
		return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot import the alias because the specified path '%s' referred to a '%s' provider path. Change the value of the Path parameter to a file system path.", path, rp.Drive.Provider.Qualified()), "NotSupported", object.NotSpecified, "NotSupportedException", nil))
	}
	if _, ok := management.Lookup(rt, rp); !ok {
		return nil, ctx.Fail(management.PathNotFound(ctx, rp.String()))
	}
	data, err := provider.ReadFile(rt.Files(), rp.String())
	if err != nil {
		return nil, ctx.Fail(management.ReadError(ctx, err, rp, "FileOpenFailure"))
	}
	file := rp.ProviderPath()
	var out []*scope.Alias
	for i, line := range strings.Split(fsys.DecodeText(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		r := csv.NewReader(strings.NewReader(line))
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		values, err := r.Read()
		if err != nil || len(values) != 4 {
			return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot import an alias. Line number %d in the file '%s' is not a properly-formatted, comma-separated values (CSV) line for aliases. Change the line to contain four values separated by commas. If the value text itself contains a comma, then the value must be contained in quotation marks.", i+1, file), "ImportAliasFileFormatError", object.ReadError, "FormatException", file))
		}
		opts, ok := scope.ParseItemOptions(values[3])
		if !ok || strings.TrimSpace(values[3]) == "" {
			if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot import the alias because line number %d in the file '%s' contains an option that is not recognized for aliases. Change the file to contain valid options.", i+1, file), "ImportAliasOptionsError", object.ReadError, "ArgumentException", file)); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, &scope.Alias{Name: values[0], Definition: values[1], Description: values[2], Options: opts})
	}
	return out, nil
}
