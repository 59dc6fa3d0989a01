package management

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	dio "github.com/exosim/exosim/shell/dotnet/io"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// Path text (Join-Path, Split-Path), path tests and resolution
// (Test-Path, Resolve-Path, Convert-Path) and the current location
// (Get-/Set-/Push-/Pop-Location).

func pathCommands() []*command.Command {
	return []*command.Command{
		joinPath(), splitPath(), testPath(), resolvePath(), convertPath(),
		getLocation(), setLocation(), pushLocation(), popLocation(),
		getChildItem(), getItem(), newItem(), setItem(), clearItem(), mkdirFunction(), removeItem(), copyItem(), moveItem(), renameItem(), getPSDrive(), invokeItem(),
	}
}

// pathSep is the separator a path's text uses: \ on a Windows drive, on
// the session-item drives and on shares; / on the host's drive. A path
// without a drive follows the current location's drive.
func pathSep(ns *fsys.Namespace, s string) (string, error) {
	if fsys.IsUNC(s) {
		return `\`, nil
	}
	if name, _, ok := fsys.SplitDrive(s); ok {
		d, found := ns.Drive(name)
		if !found {
			return "", &fsys.DriveNotFoundError{Name: name}
		}
		return d.Separator(), nil
	}
	if strings.HasPrefix(s, "/") {
		return "/", nil
	}
	return ns.Location().Drive.Separator(), nil
}

// withSep writes both separators as sep.
func withSep(s, sep string) string {
	if sep == `\` {
		return strings.ReplaceAll(s, "/", `\`)
	}
	return strings.ReplaceAll(s, `\`, "/")
}

func isSep(c byte) bool { return c == '/' || c == '\\' }

// ---------------------------------------------------------------------------
// Join-Path

func joinPath() *command.Command {
	c := engine.Cmdlet("Join-Path", engine.ModManagement, "JoinPathCommand")
	c.Synopsis = "Joins a path and child paths with the drive's separator (\\ on C:, / on the host's drive)."
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.Mandatory(), params.Position(0), params.FromPipeline(), params.FromPipelineByName(), params.Alias("PSPath")),
		params.P("ChildPath", params.TString, params.Mandatory(), params.Position(1), params.FromPipelineByName(), engine.AllowEmpty()),
		params.P("AdditionalChildPath", params.TStrings, params.Position(2), params.RemainingArgs()),
		params.P("Resolve", params.TSwitch),
		params.P("Credential", params.TObject),
	}
	c.Examples = []command.Example{
		{Code: `Join-Path C:\Reports holds.csv`, Remark: `Returns C:\Reports\holds.csv.`},
		{Code: `Join-Path $env:TEMP export one two`, Remark: "Joins several child names."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		children := append([]string{ctx.String("ChildPath")}, ctx.Strings("AdditionalChildPath")...)
		for _, p := range ctx.Strings("Path") {
			sep, err := pathSep(ns, p)
			if err != nil {
				if err := ctx.WriteError(resolveError(ctx, err, p)); err != nil {
					return err
				}
				continue
			}
			joined := joinText(p, children, sep)
			if !ctx.Switch("Resolve") {
				if err := ctx.WriteObject(joined); err != nil {
					return err
				}
				continue
			}
			items, err := Expand(ctx, joined, false)
			if err != nil {
				return err
			}
			for _, it := range items {
				if err := ctx.WriteObject(it.Path.String()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// joinText joins path text: one separator between the parts, the
// separators normalized.
func joinText(p string, children []string, sep string) string {
	out := withSep(p, sep)
	for _, c := range children {
		if strings.HasSuffix(out, sep) {
			if t := strings.TrimRight(out, sep); t != "" {
				out = t + sep
			}
		} else {
			out += sep
		}
		out += strings.TrimLeft(withSep(c, sep), sep)
	}
	return out
}

// ---------------------------------------------------------------------------
// Split-Path

func splitPath() *command.Command {
	c := engine.Cmdlet("Split-Path", engine.ModManagement, "SplitPathCommand")
	c.Synopsis = "Returns a part of a path: its parent (default), leaf, leaf without extension, extension or drive qualifier."
	sets := []string{"ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet", "QualifierSet", "NoQualifierSet", "IsAbsoluteSet", "LiteralPathSet"}
	c.Sets = sets
	c.DefaultSet = "ParentSet"
	var pathSets []params.SetInfo
	for _, s := range sets[:7] {
		pathSets = append(pathSets, params.SetInfo{Set: s, Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true})
	}
	only := func(set string, mandatory bool) params.ParamOpt {
		return params.InSets(params.SetInfo{Set: set, Mandatory: mandatory, Position: -1, FromPipelineByName: true})
	}
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(pathSets...)),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralPathSet", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("Parent", params.TSwitch, only("ParentSet", false)),
		params.P("Leaf", params.TSwitch, only("LeafSet", true)),
		params.P("LeafBase", params.TSwitch, only("LeafBaseSet", true)),
		params.P("Extension", params.TSwitch, only("ExtensionSet", true)),
		params.P("Qualifier", params.TSwitch, only("QualifierSet", true)),
		params.P("NoQualifier", params.TSwitch, only("NoQualifierSet", true)),
		params.P("IsAbsolute", params.TSwitch, params.InSets(params.SetInfo{Set: "IsAbsoluteSet", Mandatory: true, Position: -1})),
		params.P("Resolve", params.TSwitch),
		params.P("Credential", params.TObject),
	}
	c.Examples = []command.Example{
		{Code: `Split-Path C:\Reports\holds.csv -Leaf`, Remark: "Returns holds.csv."},
		{Code: `Split-Path C:\Reports\holds.csv -Parent`, Remark: `Returns C:\Reports.`},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		paths, literal := PathArgs(ctx)
		if ctx.Switch("Resolve") {
			var resolved []string
			for _, p := range paths {
				items, err := Expand(ctx, p, literal)
				if err != nil {
					return err
				}
				for _, it := range items {
					resolved = append(resolved, it.Path.String())
				}
			}
			paths = resolved
		}
		for _, p := range paths {
			var out any
			switch {
			case ctx.Switch("IsAbsolute"):
				out = isAbsolutePath(p)
			case ctx.Switch("Qualifier"):
				i := strings.IndexByte(p, ':')
				if i < 0 {
					if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot parse path because path '%s' does not have a qualifier specified.", p), "ParsePathFormatError", object.InvalidArgument, "FormatException", p)); err != nil {
						return err
					}
					continue
				}
				if strings.HasPrefix(p[i:], "::") {
					out = p[:i+2]
				} else {
					out = p[:i+1]
				}
			case ctx.Switch("NoQualifier"):
				out = p
				if i := strings.Index(p, "::"); i >= 0 {
					out = p[i+2:]
				} else if _, rest, ok := fsys.SplitDrive(p); ok && rest != "" {
					out = rest
				}
			case ctx.Switch("Leaf"), ctx.Switch("LeafBase"), ctx.Switch("Extension"):
				sep, err := pathSep(ns, p)
				if err != nil {
					if err := ctx.WriteError(resolveError(ctx, err, p)); err != nil {
						return err
					}
					continue
				}
				leaf := leafOf(p, sep)
				switch {
				case ctx.Switch("LeafBase"):
					out = strings.TrimSuffix(leaf, dotExt(leaf))
				case ctx.Switch("Extension"):
					out = dotExt(leaf)
				default:
					out = leaf
				}
			default:
				sep, err := pathSep(ns, p)
				if err != nil {
					sep = `\`
				}
				out = parentOf(p, sep)
			}
			if err := ctx.WriteObject(out); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// dotExt is .NET's Path.GetExtension: the last dot and what follows, ""
// without one.
func dotExt(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || i == len(name)-1 {
		return ""
	}
	return name[i:]
}

// qualifierLen is the length of a path's drive or provider qualifier
// ("C:", "Env:", "FileSystem::"), 0 without one.
func qualifierLen(p string) int {
	if i := strings.Index(p, "::"); i > 0 {
		return i + 2
	}
	if name, _, ok := fsys.SplitDrive(p); ok {
		return len(name) + 1
	}
	return 0
}

// leafOf is the last name of a path.
func leafOf(p, sep string) string {
	p = withSep(p[qualifierLen(p):], sep)
	p = strings.TrimRight(p, sep)
	if i := strings.LastIndex(p, sep); i >= 0 {
		return p[i+1:]
	}
	return p
}

// parentOf is Split-Path's parent: the path without its last name, "" for
// a root or a single name.
func parentOf(p, sep string) string {
	q := qualifierLen(p)
	qual, rest := p[:q], withSep(p[q:], sep)
	unc := q == 0 && fsys.IsUNC(p)
	trimmed := strings.TrimRight(rest, sep)
	if trimmed == "" {
		return ""
	}
	i := strings.LastIndex(trimmed, sep)
	if i < 0 {
		return ""
	}
	parent := strings.TrimRight(trimmed[:i], sep)
	if parent == "" {
		if unc {
			return ""
		}
		return qual + sep
	}
	if unc && strings.Count(strings.TrimLeft(parent, sep), sep) == 0 && !strings.HasPrefix(parent, sep+sep) {
		parent = sep + sep + strings.TrimLeft(parent, sep)
	}
	return qual + parent
}

// isAbsolutePath is Split-Path -IsAbsolute: a drive-qualified path or one
// starting at a root.
func isAbsolutePath(p string) bool {
	if strings.Contains(p, "::") {
		return true
	}
	if _, _, ok := fsys.SplitDrive(p); ok {
		return true
	}
	return len(p) > 0 && isSep(p[0])
}

// ---------------------------------------------------------------------------
// Test-Path

func testPath() *command.Command {
	c := engine.Cmdlet("Test-Path", engine.ModManagement, "TestPathCommand")
	c.Synopsis = "Tells whether a path exists (or, with -IsValid, whether its syntax is valid)."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, true,
		params.P("PathType", params.DotNetEnumType("TestPathType", "Microsoft.PowerShell.Commands.TestPathType", "Any", "Container", "Leaf"), params.Alias("Type")),
		params.P("IsValid", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("OlderThan", params.TDateTime),
		params.P("NewerThan", params.TDateTime),
	)
	c.Examples = []command.Example{
		{Code: `Test-Path C:\Temp`, Remark: "True: the simulated C: drive starts with a Temp folder."},
		{Code: `if (-not (Test-Path C:\Reports)) { New-Item -ItemType Directory -Path C:\Reports | Out-Null }`, Remark: "Creates a report folder once."},
	}
	for _, p := range c.Params[:2] {
		p.AllowEmpty = true
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := "Path"
		literal := ctx.Has("LiteralPath")
		if literal {
			name = "LiteralPath"
		}
		v := ctx.Value(name)
		items, isList := object.Enumerate(v)
		if !isList {
			items = []any{v}
		}
		nullPath := func() error {
			return ctx.WriteError(ctx.NewError("Value cannot be null. (Parameter 'The provided Path argument was null or an empty collection.')", "NullPathNotPermitted", object.InvalidArgument, "ArgumentNullException", nil))
		}
		if v == nil || len(items) == 0 {
			return nullPath()
		}
		for _, it := range items {
			if it == nil {
				if err := nullPath(); err != nil {
					return err
				}
				continue
			}
			p := runtime.Of(ctx).ToStr(it)
			ok := strings.TrimSpace(p) != "" && testOnePath(ctx, p, literal)
			if err := ctx.WriteObject(ok); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func testOnePath(ctx *command.Context, p string, literal bool) bool {
	ns := runtime.Of(ctx).Files()
	if ctx.Switch("IsValid") {
		rp, err := ns.Resolve(p)
		if err != nil {
			return false
		}
		if rp.Drive.Windows && strings.ContainsAny(rp.Rel, "<>|\"\x00") {
			return false
		}
		return !strings.ContainsRune(p, 0)
	}
	var paths []fsys.Path
	if literal {
		rp, err := ns.Resolve(p)
		if err != nil {
			return false
		}
		paths = []fsys.Path{rp}
	} else {
		var err error
		if paths, err = expandPaths(runtime.Of(ctx), p); err != nil {
			return false
		}
	}
	for _, rp := range paths {
		it, ok := Lookup(runtime.Of(ctx), rp)
		if !ok || !KeepChild(ctx, it) {
			continue
		}
		switch ctx.String("PathType") {
		case "Container":
			if !it.container() {
				continue
			}
		case "Leaf":
			if it.container() {
				continue
			}
		}
		if it.Info != nil {
			mt := dio.FileTime(it.Info)
			if t, ok := ctx.Time("OlderThan"); ok && !mt.Before(t) {
				continue
			}
			if t, ok := ctx.Time("NewerThan"); ok && !mt.After(t) {
				continue
			}
		}
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// Resolve-Path, Convert-Path

func resolvePath() *command.Command {
	c := engine.Cmdlet("Resolve-Path", engine.ModManagement, "ResolvePathCommand")
	c.Synopsis = "Resolves wildcards and relative paths to the existing items' full paths."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = append(PathParams(true, true),
		params.P("Relative", params.TSwitch),
		params.P("RelativeBasePath", params.TString),
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		base := ns.Location()
		if b := ctx.String("RelativeBasePath"); b != "" {
			bp, err := ns.Resolve(b)
			if err != nil {
				return ctx.WriteError(resolveError(ctx, err, b))
			}
			base = bp
		}
		return forEachItem(ctx, Expand, func(it Item) error {
			var out any = provider.PathInfo(it.Path)
			if ctx.Switch("Relative") || ctx.Has("RelativeBasePath") && ctx.Switch("Relative") {
				out = relativeTo(base, it.Path)
			}
			return ctx.WriteObject(out)
		})
	}
	return c
}

// relativeTo is Resolve-Path -Relative: p from base, starting with .\ or
// ./ (the path itself on another drive).
func relativeTo(base, p fsys.Path) string {
	sep := p.Drive.Separator()
	if base.Drive != p.Drive {
		return p.String()
	}
	var b, t []string
	if base.Rel != "" {
		b = strings.Split(base.Rel, "/")
	}
	if p.Rel != "" {
		t = strings.Split(p.Rel, "/")
	}
	i := 0
	for i < len(b) && i < len(t) && strings.EqualFold(b[i], t[i]) {
		i++
	}
	var parts []string
	for range b[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	if len(parts) == 0 {
		return "."
	}
	if parts[0] != ".." {
		parts = append([]string{"."}, parts...)
	}
	return strings.Join(parts, sep)
}

func convertPath() *command.Command {
	c := engine.Cmdlet("Convert-Path", engine.ModManagement, "ConvertPathCommand")
	c.Synopsis = "Converts paths (wildcards, relative, drive-qualified) to the provider's full paths."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = PathParams(true, true)
	c.Handler.Process = func(ctx *command.Context) error {
		return forEachItem(ctx, Expand, func(it Item) error {
			return ctx.WriteObject(it.Path.ProviderPath())
		})
	}
	return c
}

// ---------------------------------------------------------------------------
// Locations

func getLocation() *command.Command {
	c := engine.Cmdlet("Get-Location", engine.ModManagement, "GetLocationCommand")
	c.Synopsis = "Returns the current location (kept by the session, not the exosim process)."
	c.Sets = []string{"Location", "Stack"}
	c.DefaultSet = "Location"
	c.Params = []*params.Param{
		params.P("PSProvider", params.TStrings, params.InSets(params.Set("Location", false, -1))),
		params.P("PSDrive", params.TStrings, params.InSets(params.Set("Location", false, -1))),
		params.P("Stack", params.TSwitch, params.InSets(params.Set("Stack", false, -1))),
		params.P("StackName", params.TStrings, params.InSets(params.Set("Stack", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		if ctx.ParameterSet == "Stack" {
			names := ctx.Strings("StackName")
			if len(names) == 0 {
				names = []string{""}
			}
			for _, n := range names {
				for _, p := range ns.Stack(n) {
					if err := ctx.WriteObject(provider.PathInfo(p)); err != nil {
						return err
					}
				}
			}
			return nil
		}
		if drives := ctx.Strings("PSDrive"); len(drives) > 0 {
			for _, n := range drives {
				d, ok := ns.Drive(n)
				if !ok {
					if err := ctx.WriteError(resolveError(ctx, &fsys.DriveNotFoundError{Name: n}, n)); err != nil {
						return err
					}
					continue
				}
				if err := ctx.WriteObject(provider.PathInfo(d.Location())); err != nil {
					return err
				}
			}
			return nil
		}
		return ctx.WriteObject(provider.PathInfo(ns.Location()))
	}
	return c
}

// containerAt resolves a location argument to an existing container.
func containerAt(ctx *command.Context, p string, literal bool) (fsys.Path, bool, error) {
	ns := runtime.Of(ctx).Files()
	var paths []fsys.Path
	var err error
	if literal {
		var rp fsys.Path
		rp, err = ns.Resolve(p)
		paths = []fsys.Path{rp}
	} else {
		paths, err = expandPaths(runtime.Of(ctx), p)
	}
	if err != nil {
		return fsys.Path{}, false, ctx.Fail(resolveError(ctx, err, p))
	}
	if len(paths) == 0 {
		return fsys.Path{}, false, ctx.Fail(PathNotFound(ctx, p))
	}
	it, ok := Lookup(runtime.Of(ctx), paths[0])
	if !ok {
		return fsys.Path{}, false, ctx.Fail(PathNotFound(ctx, paths[0].String()))
	}
	if !it.container() {
		return fsys.Path{}, false, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot set the location to '%s' because it is not a container.", paths[0].String()), "PathNotFound", object.ObjectNotFound, "ItemNotFoundException", p))
	}
	return paths[0], true, nil
}

func setLocation() *command.Command {
	c := engine.Cmdlet("Set-Location", engine.ModManagement, "SetLocationCommand")
	c.Synopsis = "Changes the session's current location (relative paths follow it)."
	c.Sets = []string{"Path", "LiteralPath", "Stack"}
	c.DefaultSet = "Path"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.SetInfo{Set: "Path", Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TString, params.InSets(params.SetInfo{Set: "LiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("PassThru", params.TSwitch),
		params.P("StackName", params.TString, params.InSets(params.SetInfo{Set: "Stack", Position: -1, FromPipelineByName: true})),
	}
	c.Examples = []command.Example{
		{Code: `Set-Location C:\Temp; Get-Location`, Remark: "Moves to the simulated C:\\Temp folder."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		p := ctx.String("Path")
		literal := ctx.Has("LiteralPath")
		if literal {
			p = ctx.String("LiteralPath")
		}
		if !ctx.Has("Path") && !literal {
			p = "~"
		}
		target, ok, err := containerAt(ctx, p, literal)
		if !ok {
			return err
		}
		runtime.Of(ctx).SetLocation(target)
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(provider.PathInfo(target))
		}
		return nil
	}
	return c
}

func pushLocation() *command.Command {
	c := engine.Cmdlet("Push-Location", engine.ModManagement, "PushLocationCommand")
	c.Synopsis = "Saves the current location on a stack, then changes it."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.SetInfo{Set: "Path", Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TString, params.InSets(params.SetInfo{Set: "LiteralPath", Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("PassThru", params.TSwitch),
		params.P("StackName", params.TString, params.FromPipelineByName()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		p, literal := ctx.String("Path"), ctx.Has("LiteralPath")
		if literal {
			p = ctx.String("LiteralPath")
		}
		var target fsys.Path
		if p != "" {
			t, ok, err := containerAt(ctx, p, literal)
			if !ok {
				return err
			}
			target = t
		}
		ns.Push(ctx.String("StackName"))
		if p != "" {
			runtime.Of(ctx).SetLocation(target)
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(provider.PathInfo(ns.Location()))
		}
		return nil
	}
	return c
}

func popLocation() *command.Command {
	c := engine.Cmdlet("Pop-Location", engine.ModManagement, "PopLocationCommand")
	c.Synopsis = "Returns to the location last saved by Push-Location."
	c.Params = []*params.Param{
		params.P("PassThru", params.TSwitch),
		params.P("StackName", params.TString, params.FromPipelineByName()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		name := ctx.String("StackName")
		p, ok := ns.Pop(name)
		if !ok {
			if name != "" {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot find location stack '%s'. It does not exist or it is not a container.", name), "Argument", object.InvalidArgument, "PSArgumentException", name))
			}
			return nil
		}
		runtime.Of(ctx).SetLocation(p)
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(provider.PathInfo(p))
		}
		return nil
	}
	return c
}

// mkdirFunction is PowerShell's mkdir: New-Item -ItemType Directory.
func mkdirFunction() *command.Command {
	c := newItem()
	c.Name = "mkdir"
	c.Type = command.FunctionCommand
	c.Module = ""
	c.FullTypeName = ""
	c.Synopsis = "Creates a folder (New-Item -ItemType Directory)."
	c.Examples = nil
	var params []*params.Param
	for _, p := range c.Params {
		if p.Name != "ItemType" {
			params = append(params, p)
		}
	}
	c.Params = params
	return c
}
