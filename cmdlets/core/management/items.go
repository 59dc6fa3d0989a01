package management

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	dio "github.com/exosim/exosim/shell/dotnet/io"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// Items of the session's drives: files and folders of the FileSystem
// drives, and the environment variables, variables, functions and aliases
// behind Env:, Variable:, Function: and Alias:.

// Type names of file system items.
const (
	TypeFileInfo = dio.TypeFileInfo
	TypeDirInfo  = dio.TypeDirInfo
)

// Item is one existing item of a drive.
type Item struct {
	Path fsys.Path
	// info describes a file or folder (FileSystem drives).
	Info fs.FileInfo
	// value is a session item (the other drives); nil at their root.
	value any
}

func (it Item) container() bool {
	if it.Info != nil {
		return it.Info.IsDir()
	}
	return it.Path.IsRoot()
}

func (it Item) name() string {
	if it.Path.IsRoot() {
		return it.Path.Drive.Root
	}
	return it.Path.Name()
}

// Lookup finds the item at p; ok is false when nothing is there.
func Lookup(rt *runtime.Runtime, p fsys.Path) (Item, bool) {
	ns := rt.Files()
	if p.Drive.Provider == fsys.FileSystem {
		fi, err := ns.Stat(p)
		if err != nil {
			return Item{}, false
		}
		return Item{Path: ns.Canonical(p), Info: fi}, true
	}
	if p.IsRoot() {
		return Item{Path: p}, true
	}
	for _, it := range sessionItems(rt, p.Drive) {
		if strings.EqualFold(it.Path.Rel, p.Rel) {
			return it, true
		}
	}
	return Item{}, false
}

// children lists a container's items: folders first, then files, each in
// name order without regard to case, as Windows lists them. Hidden files
// (names starting with a dot) are left out unless force.
func children(rt *runtime.Runtime, it Item, force bool) []Item {
	p := it.Path
	if p.Drive.Provider != fsys.FileSystem {
		if !p.IsRoot() {
			return nil
		}
		return sessionItems(rt, p.Drive)
	}
	infos, err := rt.Files().ReadDir(p)
	if err != nil {
		return nil
	}
	var dirs, files []Item
	for _, fi := range infos {
		if !force && strings.HasPrefix(fi.Name(), ".") {
			continue
		}
		c := Item{Path: p.Child(fi.Name()), Info: fi}
		if fi.IsDir() {
			dirs = append(dirs, c)
		} else {
			files = append(files, c)
		}
	}
	byName := func(l []Item) {
		sort.SliceStable(l, func(i, j int) bool {
			return strings.ToLower(l[i].Info.Name()) < strings.ToLower(l[j].Info.Name())
		})
	}
	byName(dirs)
	byName(files)
	return append(dirs, files...)
}

// sessionItems lists the items of Env:, Variable:, Function: or Alias:
// in name order.
func sessionItems(rt *runtime.Runtime, d *fsys.Drive) []Item {
	root := fsys.Path{Drive: d}
	var out []Item
	switch d.Provider {
	case fsys.Environment:
		for _, v := range rt.Env().List() {
			out = append(out, Item{Path: root.Child(v.Name), value: object.DictionaryEntry{Key: v.Name, Value: v.Value}})
		}
	case fsys.Variable:
		for _, v := range rt.Scope().Variables() {
			out = append(out, Item{Path: root.Child(v.Name), value: v.Info()})
		}
	case fsys.Function:
		for _, f := range rt.Functions() {
			out = append(out, Item{Path: root.Child(f.Name), value: engine.ScriptFunctionInfo(rt, f)})
		}
	case fsys.Alias:
		for _, a := range engine.VisibleAliases(rt) {
			out = append(out, Item{Path: root.Child(a.Name), value: engine.AliasInfo(a, rt)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Path.Rel) < strings.ToLower(out[j].Path.Rel) })
	return out
}

// itemObject is what Get-Item and Get-ChildItem write for an item.
func itemObject(rt *runtime.Runtime, it Item) any {
	if it.Info != nil {
		return dio.FileSystemInfo(rt.Files(), it.Path, it.Info)
	}
	if it.value != nil {
		return sessionItemObject(it.Path, it.value)
	}
	return provider.DriveInfo(it.Path.Drive)
}

// fileViews registers PowerShell's views of files and folders: the table
// (Mode, LastWriteTime, Length, Name) and the list, grouped by folder.
func fileViews(r *format.Registry) {
	group := func(key string) string {
		return "    Directory: " + strings.TrimPrefix(key, fsys.FileSystem.Qualified()+"::")
	}
	str := func(name string) func(v any) any {
		return func(v any) any { return object.PropertyValue(v, name) }
	}
	isFile := func(v any) bool {
		for _, t := range object.TypeNames(v) {
			if t == TypeFileInfo {
				return true
			}
		}
		return false
	}
	r.Add(&format.View{
		Name: "children", TypeNames: []string{TypeDirInfo, TypeFileInfo}, Kind: format.TableView,
		GroupBy: "PSParentPath", GroupHeader: group, Wrap: true,
		Columns: []format.Column{
			{Label: "Mode", Width: 7, Align: format.AlignLeft, Func: str("Mode")},
			{Label: "LastWriteTime", Width: 26, Align: format.AlignRight, Func: func(v any) any {
				t, ok := object.PropertyValue(v, "LastWriteTime").(time.Time)
				if !ok {
					return ""
				}
				return fmt.Sprintf("%10s %8s", object.FormatDateTime(t, "M/d/yyyy"), object.FormatDateTime(t, "h:mm tt"))
			}},
			{Label: "Length", Width: 14, Align: format.AlignRight, Func: func(v any) any {
				if !isFile(v) {
					return ""
				}
				return object.ToInvariantString(object.PropertyValue(v, "Length"))
			}},
			{Label: "Name", Align: format.AlignLeft, Func: str("Name")},
		},
	})
	r.Add(&format.View{
		Name: "children", TypeNames: []string{TypeDirInfo, TypeFileInfo}, Kind: format.ListView,
		GroupBy: "PSParentPath", GroupHeader: group,
		Items: []format.ListItem{
			{Property: "Name"},
			{Label: "Length", Property: "Length", When: isFile},
			{Property: "CreationTime"},
			{Property: "LastWriteTime"},
			{Property: "LastAccessTime"},
			{Property: "Mode"},
			{Property: "LinkType"},
			{Property: "Target"},
		},
	})
	r.Add(&format.View{
		Name: "Variable", TypeNames: []string{"System.Management.Automation.PSVariable"}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 30, Property: "Name"},
			{Label: "Value", Property: "Value"},
		},
	})
	r.Add(&format.View{
		Name: "drive", TypeNames: []string{"System.Management.Automation.PSDriveInfo"}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 10, Property: "Name"},
			{Label: "Used (GB)", Width: 13, Align: format.AlignRight, Func: driveSpace("Used")},
			{Label: "Free (GB)", Width: 13, Align: format.AlignRight, Func: driveSpace("Free")},
			{Label: "Provider", Width: 13, Func: func(v any) any { return object.PropertyValue(object.PropertyValue(v, "Provider"), "Name") }},
			{Label: "Root", Width: 35, Property: "Root"},
			{Label: "CurrentLocation", Align: format.AlignRight, Property: "CurrentLocation"},
		},
	})
	r.Add(&format.View{
		Name: "System.Management.Automation.PSDriveInfo", TypeNames: []string{"System.Management.Automation.PSDriveInfo"}, Kind: format.ListView,
		Items: []format.ListItem{{Property: "Name"}, {Property: "Description"}, {Property: "Provider"}, {Property: "Root"}, {Property: "CurrentLocation"}},
	})
	r.Add(&format.View{
		Name: "PathInfo", TypeNames: []string{"System.Management.Automation.PathInfo"}, Kind: format.TableView,
		Columns: []format.Column{{Label: "Path", Property: "Path"}},
	})
}

func driveSpace(name string) func(v any) any {
	return func(v any) any {
		n, ok := object.PropertyValue(v, name).(int64)
		if !ok {
			return ""
		}
		return fmt.Sprintf("%.2f", float64(n)/(1<<30))
	}
}

// ---------------------------------------------------------------------------
// Get-ChildItem, Get-Item

// tUInt32 is System.UInt32 (Get-ChildItem -Depth).
var tUInt32 = &params.Type{Kind: params.KindLong, Name: "UInt32", FullName: "System.UInt32"}

// PathParams are -Path and -LiteralPath, the path parameters of the
// item cmdlets (-Path mandatory, or taken from the pipeline, as asked).
func PathParams(pathMandatory bool, fromPipeline bool) []*params.Param {
	pathOpts := []params.ParamOpt{params.InSets(params.SetInfo{Set: "Path", Mandatory: pathMandatory, Position: 0, FromPipeline: fromPipeline, FromPipelineByName: true})}
	return []*params.Param{
		params.P("Path", params.TStrings, pathOpts...),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
	}
}

// ItemParams declares -Path and -LiteralPath as PathParams does, then
// -Filter, -Include and -Exclude (which KeepChild reads), then more.
func ItemParams(pathMandatory bool, fromPipeline bool, more ...*params.Param) []*params.Param {
	ps := append(PathParams(pathMandatory, fromPipeline),
		params.P("Filter", params.TString),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
	)
	return append(ps, more...)
}

func getChildItem() *command.Command {
	c := engine.Cmdlet("Get-ChildItem", engine.ModManagement, "GetChildItemCommand")
	c.Synopsis = "Lists the items in folders (files and subfolders) or in the Env:, Variable:, Function: and Alias: drives."
	c.Sets = []string{"Items", "LiteralItems"}
	c.DefaultSet = "Items"
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "Items", Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralItems", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("Filter", params.TString, params.Position(1)),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("Recurse", params.TSwitch, params.Alias("s", "r")),
		params.P("Depth", tUInt32, params.Range(0, 4294967295)),
		params.P("Force", params.TSwitch),
		params.P("Name", params.TSwitch),
		params.P("Attributes", params.TString),
		params.P("FollowSymlink", params.TSwitch),
		params.P("Directory", params.TSwitch, params.Alias("ad", "d")),
		params.P("File", params.TSwitch, params.Alias("af")),
		params.P("Hidden", params.TSwitch, params.Alias("ah", "h")),
		params.P("ReadOnly", params.TSwitch, params.Alias("ar")),
		params.P("System", params.TSwitch, params.Alias("as")),
	}
	c.Examples = []command.Example{
		{Code: `Get-ChildItem C:\ -Directory`, Remark: "Lists the folders of the simulated C: drive."},
		{Code: `Get-ChildItem Env: | Where-Object Name -like 'USER*'`, Remark: "Lists the USER... environment variables."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if err := checkAttributes(ctx); err != nil {
			return err
		}
		paths, literal := PathArgs(ctx)
		if len(paths) == 0 {
			paths = []string{"."}
		}
		depth := -1
		if ctx.Switch("Recurse") {
			depth = 1 << 30
		}
		if ctx.Has("Depth") {
			depth = int(engine.ToInt64(ctx.Value("Depth")))
		}
		for _, p := range paths {
			items, err := Expand(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, it := range items {
				if !it.container() {
					if KeepChild(ctx, it) {
						if err := writeChild(ctx, it, ""); err != nil {
							return err
						}
					}
					continue
				}
				if err := listChildren(ctx, it, "", depth); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// listChildren writes a container's children and, depth levels down,
// theirs: each folder's items, then each subfolder's.
func listChildren(ctx *command.Context, it Item, rel string, depth int) error {
	force := ctx.Switch("Force") || ctx.Switch("Hidden") || strings.Contains(strings.ToLower(ctx.String("Attributes")), "hidden")
	kids := children(runtime.Of(ctx), it, force)
	for _, k := range kids {
		if KeepChild(ctx, k) {
			name := k.name()
			if rel != "" {
				name = rel + k.Path.Drive.Separator() + name
			}
			if err := writeChild(ctx, k, name); err != nil {
				return err
			}
		}
	}
	if depth <= 0 {
		return nil
	}
	for _, k := range kids {
		if k.Info == nil || !k.Info.IsDir() {
			continue
		}
		sub := k.name()
		if rel != "" {
			sub = rel + k.Path.Drive.Separator() + sub
		}
		if err := listChildren(ctx, k, sub, depth-1); err != nil {
			return err
		}
	}
	return nil
}

// KeepChild applies -Filter, -Include, -Exclude, -File, -Directory,
// -Hidden and -ReadOnly.
func KeepChild(ctx *command.Context, it Item) bool {
	name := it.name()
	if f := ctx.String("Filter"); f != "" && !wildcard.Match(f, name) {
		return false
	}
	if inc := ctx.Strings("Include"); len(inc) > 0 {
		ok := false
		for _, p := range inc {
			if wildcard.Match(p, name) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	for _, p := range ctx.Strings("Exclude") {
		if wildcard.Match(p, name) {
			return false
		}
	}
	if it.Info != nil {
		if ctx.Switch("File") && it.Info.IsDir() || ctx.Switch("Directory") && !it.Info.IsDir() {
			return false
		}
		if a := ctx.String("Attributes"); a != "" && !attributesMatch(a, dio.FileAttributes(it.Info).Name) {
			return false
		}
		if ctx.Switch("Hidden") && !dio.Hidden(it.Info) {
			return false
		}
		if ctx.Switch("ReadOnly") && (it.Info.IsDir() || it.Info.Mode().Perm()&0o200 != 0) {
			return false
		}
	}
	return true
}

// fileAttributeNames are System.IO.FileAttributes' names.
var fileAttributeNames = []string{"ReadOnly", "Hidden", "System", "Directory", "Archive", "Device", "Normal", "Temporary", "SparseFile", "ReparsePoint", "Compressed", "Offline", "NotContentIndexed", "Encrypted", "IntegrityStream", "NoScrubData"}

// checkAttributes validates -Attributes: terms separated by "," (any of
// them), attributes in a term joined by "+" (all of them), "!" negating.
func checkAttributes(ctx *command.Context) error {
	expr := ctx.String("Attributes")
	if expr == "" {
		return nil
	}
	for _, term := range strings.Split(expr, ",") {
		for _, a := range strings.Split(term, "+") {
			name := strings.TrimPrefix(strings.TrimSpace(a), "!")
			ok := false
			for _, n := range fileAttributeNames {
				if strings.EqualFold(n, name) {
					ok = true
				}
			}
			if !ok {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot bind parameter 'Attributes'. Cannot convert value \"%s\" to type \"System.Management.Automation.FlagsExpression`1[System.IO.FileAttributes]\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"", expr, name, strings.Join(fileAttributeNames, ", ")), "CannotConvertArgumentNoMessage", object.InvalidArgument, "ParameterBindingException", nil))
			}
		}
	}
	return nil
}

// attributesMatch evaluates -Attributes against an item's attributes
// ("Archive, Hidden").
func attributesMatch(expr, have string) bool {
	has := func(name string) bool {
		for _, h := range strings.Split(have, ",") {
			if strings.EqualFold(strings.TrimSpace(h), name) {
				return true
			}
		}
		return false
	}
	for _, term := range strings.Split(expr, ",") {
		all := true
		for _, a := range strings.Split(term, "+") {
			a = strings.TrimSpace(a)
			neg := strings.HasPrefix(a, "!")
			if has(strings.TrimPrefix(a, "!")) == neg {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

func writeChild(ctx *command.Context, it Item, rel string) error {
	if ctx.Switch("Name") {
		if rel == "" {
			rel = it.name()
		}
		return ctx.WriteObject(rel)
	}
	return ctx.WriteObject(itemObject(runtime.Of(ctx), it))
}

func getItem() *command.Command {
	c := engine.Cmdlet("Get-Item", engine.ModManagement, "GetItemCommand")
	c.Synopsis = "Gets the file, folder or session item at a path."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, true,
		params.P("Force", params.TSwitch),
		params.P("Stream", params.TStrings),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		if err := noStreams(ctx); err != nil {
			return err
		}
		return forEachKept(ctx, Expand, func(it Item) error {
			return ctx.WriteObject(itemObject(runtime.Of(ctx), it))
		})
	}
	return c
}

// PathArgs returns -Path or -LiteralPath and whether it was -LiteralPath.
func PathArgs(ctx *command.Context) ([]string, bool) {
	if ctx.Has("LiteralPath") {
		return ctx.Strings("LiteralPath"), true
	}
	return ctx.Strings("Path"), false
}

// expandFunc resolves one -Path or -LiteralPath argument into items, as
// Expand does.
type expandFunc func(ctx *command.Context, p string, literal bool) ([]Item, error)

// forEachItem calls fn for every item the command's -Path or -LiteralPath
// arguments name, each resolved by expand, and stops at the first error.
func forEachItem(ctx *command.Context, expand expandFunc, fn func(Item) error) error {
	paths, literal := PathArgs(ctx)
	for _, p := range paths {
		items, err := expand(ctx, p, literal)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
	}
	return nil
}

// forEachKept is forEachItem over the items -Filter, -Include and
// -Exclude keep.
func forEachKept(ctx *command.Context, expand expandFunc, fn func(Item) error) error {
	return forEachItem(ctx, expand, func(it Item) error {
		if !KeepChild(ctx, it) {
			return nil
		}
		return fn(it)
	})
}

// Expand resolves one -Path (wildcards allowed) or -LiteralPath argument
// into existing items. A missing path is a non-terminating PathNotFound
// error; a wildcard that matches nothing is no error.
func Expand(ctx *command.Context, p string, literal bool) ([]Item, error) {
	paths, err := ResolveAll(ctx, p, literal)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, rp := range paths {
		it, ok := Lookup(runtime.Of(ctx), rp)
		if !ok {
			if !literal && wildcard.Has(p) {
				continue
			}
			if err := ctx.WriteError(PathNotFound(ctx, rp.String())); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, it)
	}
	return out, nil
}

// ResolveAll resolves a path argument; a path that cannot resolve (an
// unknown drive, a network share) is written as an error and gives none.
func ResolveAll(ctx *command.Context, p string, literal bool) ([]fsys.Path, error) {
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
		return nil, ctx.WriteError(resolveError(ctx, err, p))
	}
	return paths, nil
}

// resolveError is the error record of a path that does not resolve.
func resolveError(ctx *command.Context, err error, p string) *object.ErrorRecord {
	fe, ok := provider.PathError(err)
	if !ok {
		return ctx.NewError(err.Error(), "ArgumentException", object.InvalidArgument, "ArgumentException", p)
	}
	id := "PathNotFound"
	switch fe.Exception {
	case "DriveNotFoundException":
		id = "DriveNotFound"
	case "ProviderNotFoundException":
		id = "ProviderNotFound"
	}
	return ctx.NewError(fe.Message, id, fe.Category, fe.Exception, fe.Path)
}

// PathNotFound is PowerShell's error for a path that does not exist.
func PathNotFound(ctx *command.Context, p string) *object.ErrorRecord {
	return ctx.NewError(fmt.Sprintf("Cannot find path '%s' because it does not exist.", p), "PathNotFound", object.ObjectNotFound, "ItemNotFoundException", p)
}

// FileError is the record of a failed file operation under an error ID.
func FileError(ctx *command.Context, err error, id string, target any) *object.ErrorRecord {
	if fe, ok := err.(*provider.FileError); ok {
		return ctx.NewError(fe.Message, id, fe.Category, fe.Exception, target)
	}
	if fe, ok := provider.PathError(err); ok {
		return ctx.NewError(fe.Message, id, fe.Category, fe.Exception, target)
	}
	return ctx.NewError(err.Error(), id, object.WriteError, "IOException", target)
}

// ---------------------------------------------------------------------------
// New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item

func newItem() *command.Command {
	c := engine.Cmdlet("New-Item", engine.ModManagement, "NewItemCommand")
	c.Synopsis = "Creates a file or folder (or an environment variable, variable ...)."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"pathSet", "nameSet"}
	c.DefaultSet = "pathSet"
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "pathSet", Mandatory: true, Position: 0, FromPipelineByName: true}, params.SetInfo{Set: "nameSet", Position: 0, FromPipelineByName: true})),
		params.P("Name", params.TString, params.InSets(params.SetInfo{Set: "nameSet", Mandatory: true, Position: -1, FromPipelineByName: true}), engine.AllowEmpty()),
		params.P("ItemType", params.TString, params.Alias("Type"), params.FromPipelineByName()),
		params.P("Value", params.TObject, params.Alias("Target"), params.FromPipeline(), params.FromPipelineByName()),
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("Options", params.TString),
	}
	c.Examples = []command.Example{
		{Code: `New-Item -ItemType Directory -Path C:\Reports -Force`, Remark: "Creates C:\\Reports (no error if it exists)."},
		{Code: `New-Item -Path C:\Temp\log.txt -ItemType File -Value "started"`, Remark: "Creates a file holding one line."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		paths := ctx.Strings("Path")
		if len(paths) == 0 {
			paths = []string{"."}
		}
		for _, p := range paths {
			if n := ctx.String("Name"); n != "" {
				p = strings.TrimRight(p, `/\`) + `\` + n
			}
			if err := newOneItem(ctx, p); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func newOneItem(ctx *command.Context, p string) error {
	rt := runtime.Of(ctx)
	ns := rt.Files()
	rp, err := ns.Resolve(p)
	if err != nil {
		if _, unc := err.(*fsys.NetworkPathError); unc {
			_, err = provider.ResolveFile(rt.Files(), p)
			return ctx.WriteError(FileError(ctx, err, "NewItemIOError", p))
		}
		return ctx.WriteError(resolveError(ctx, err, p))
	}
	kind := strings.ToLower(ctx.String("ItemType"))
	if strings.EqualFold(ctx.Command.Name, "mkdir") {
		kind = "directory"
	}
	if rp.Drive.Provider != fsys.FileSystem {
		return newSessionItem(ctx, rp)
	}
	if rec := checkOptions(ctx, rp); rec != nil {
		return ctx.Fail(rec)
	}
	switch kind {
	case "", "file":
		kind = "file"
	case "directory", "container":
		kind = "directory"
	case "symboliclink", "junction", "hardlink":
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("exosim does not create links (New-Item -ItemType %s); create a file or a directory.", ctx.String("ItemType")), "NotSupported", object.NotImplemented, "NotSupportedException", p))
	default:
		return ctx.WriteError(ctx.NewError("The type is not a known type for the file system. Only \"file\",\"directory\",\"symboliclink\",\"junction\",\"hardlink\" can be specified.", "Argument", object.InvalidArgument, "PSArgumentException", nil))
	}
	action := "Create File"
	if kind == "directory" {
		action = "Create Directory"
	}
	if ok, err := ctx.ShouldProcess("Destination: "+rp.ProviderPath(), action); err != nil || !ok {
		return err
	}
	fi, statErr := ns.Stat(rp)
	exists := statErr == nil
	force := ctx.Switch("Force")
	if kind == "directory" {
		if exists && !force {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("An item with the specified name %s already exists.", rp.ProviderPath()), "DirectoryExist", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		if exists && !fi.IsDir() {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("An item with the specified name %s already exists.", rp.ProviderPath()), "DirectoryExist", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		if !exists {
			if err := ns.Mkdir(rp, true); err != nil {
				return ctx.WriteError(FileError(ctx, provider.HostError(err, rp.ProviderPath()), "CreateDirectoryIOError", rp.ProviderPath()))
			}
		}
	} else {
		if exists && !force {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("The file '%s' already exists.", rp.ProviderPath()), "NewItemIOError", object.WriteError, "IOException", rp.ProviderPath()))
		}
		if exists && fi.IsDir() {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("Access to the path '%s' is denied.", rp.ProviderPath()), "NewItemUnauthorizedAccessError", object.PermissionDenied, "UnauthorizedAccessException", rp.ProviderPath()))
		}
		if force {
			if parent, ok := rp.Parent(); ok && !ns.Exists(parent) {
				_ = ns.Mkdir(parent, true)
			}
		}
		var data []byte
		if ctx.Has("Value") && ctx.Value("Value") != nil {
			data = []byte(rt.ToStr(ctx.Value("Value")))
		}
		if err := ns.WriteFile(rp, data, false); err != nil {
			return ctx.WriteError(FileError(ctx, provider.HostError(err, rp.ProviderPath()), "NewItemIOError", rp.ProviderPath()))
		}
	}
	fi, err = ns.Stat(rp)
	if err != nil {
		return nil
	}
	return ctx.WriteObject(dio.FileSystemInfo(rt.Files(), rp, fi))
}

func removeItem() *command.Command {
	c := engine.Cmdlet("Remove-Item", engine.ModManagement, "RemoveItemCommand")
	c.Synopsis = "Deletes files and folders (or environment variables, variables, functions, aliases)."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, true,
		params.P("Recurse", params.TSwitch, params.Alias("r")),
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("Stream", params.TStrings),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		if err := noStreams(ctx); err != nil {
			return err
		}
		return forEachKept(ctx, Expand, func(it Item) error { return removeOne(ctx, it) })
	}
	return c
}

func removeOne(ctx *command.Context, it Item) error {
	rt := runtime.Of(ctx)
	p := it.Path
	if p.Drive.Provider != fsys.FileSystem {
		if ok, err := ctx.ShouldProcess("Item: "+p.Rel, "Remove Item"); err != nil || !ok {
			return err
		}
		if rec := removeSessionItem(ctx, p.Drive, p.Rel, ctx.Switch("Force")); rec != nil {
			return ctx.WriteError(rec)
		}
		return nil
	}
	full := p.ProviderPath()
	action := "Remove File"
	if it.Info.IsDir() {
		action = "Remove Directory"
	}
	if ok, err := ctx.ShouldProcess(full, action); err != nil || !ok {
		return err
	}
	if p.IsRoot() {
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot remove the root of drive %s:.", p.Drive.Name), "RemoveItemUnauthorizedAccessError", object.PermissionDenied, "UnauthorizedAccessException", full))
	}
	if it.Info.IsDir() && !ctx.Switch("Recurse") && len(children(rt, it, true)) > 0 {
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("The item at %s has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?", full), "DirectoryNotEmpty", object.WriteError, "IOException", full))
	}
	if !ctx.Switch("Force") && it.Info.Mode().Perm()&0o200 == 0 && !it.Info.IsDir() {
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("You do not have sufficient access rights to perform this operation or the item is hidden, system, or read only. %s", full), "RemoveFileSystemItemUnAuthorizedAccess", object.PermissionDenied, "UnauthorizedAccessException", full))
	}
	if err := rt.Files().Remove(p, it.Info.IsDir()); err != nil {
		return ctx.WriteError(FileError(ctx, provider.HostError(err, full), "RemoveFileSystemItemIOError", full))
	}
	return nil
}

func copyItem() *command.Command {
	return transferItem("Copy-Item", "CopyItemCommand", "Copies files and folders, or an item of Env:, Variable:, Function: or Alias: to another name.", false)
}

func moveItem() *command.Command {
	return transferItem("Move-Item", "MoveItemCommand", "Moves files and folders.", true)
}

func transferItem(name, typeName, synopsis string, move bool) *command.Command {
	c := engine.Cmdlet(name, engine.ModManagement, typeName)
	c.Synopsis = synopsis
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = append(PathParams(true, true),
		params.P("Destination", params.TString, params.Position(1), params.FromPipelineByName()),
		params.P("Filter", params.TString),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
		params.P("Credential", params.TObject),
	)
	if !move {
		c.Params = append(c.Params,
			params.P("Container", params.TSwitch),
			params.P("Recurse", params.TSwitch),
			params.P("FromSession", params.TObject),
			params.P("ToSession", params.TObject),
		)
	}
	if move {
		c.Handler.Begin = moveDynamicParameters
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		ns := rt.Files()
		dest := ctx.String("Destination")
		if dest == "" {
			dest = "."
		}
		dp, err := ns.Resolve(dest)
		if err != nil {
			return ctx.WriteError(resolveError(ctx, err, dest))
		}
		paths, literal := PathArgs(ctx)
		for _, p := range paths {
			items, err := Expand(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, it := range items {
				if !KeepChild(ctx, it) {
					continue
				}
				if move {
					if rec := moveRefusal(ctx, it, dp); rec != nil {
						if err := ctx.WriteError(rec); err != nil {
							return err
						}
						continue
					}
				}
				if it.Info == nil && !move && dp.Drive.Provider == it.Path.Drive.Provider {
					if err := copySessionItem(ctx, it, dp); err != nil {
						return err
					}
					continue
				}
				if dp.Drive.Provider != it.Path.Drive.Provider && !move {
					if err := ctx.WriteError(ctx.NewError("Source and destination path did not resolve to the same provider.", "CopyItemSourceAndDestinationNotSameProvider", object.InvalidArgument, "PSArgumentException", it.Path.String())); err != nil {
						return err
					}
					continue
				}
				if it.Info == nil || dp.Drive.Provider != fsys.FileSystem {
					return ctx.WriteError(ctx.NewError(fmt.Sprintf("exosim copies and moves only files and folders (%s).", it.Path.String()), "NotSupported", object.NotImplemented, "NotSupportedException", it.Path.String()))
				}
				target := dp
				if dfi, err := ns.Stat(dp); err == nil && dfi.IsDir() {
					target = dp.Child(it.Info.Name())
				}
				if err := transferOne(ctx, it, target, move); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// moveDynamicParameters is what binding Move-Item asks of the provider of
// its first path (of the current location without one): its dynamic
// parameters, which only a provider that can move items has. The
// session drives' providers hold items in one container and cannot move
// them, so binding fails. A path on no drive leaves the error to the
// move.
func moveDynamicParameters(ctx *command.Context) error {
	first := "."
	if paths, _ := PathArgs(ctx); len(paths) > 0 {
		first = paths[0]
	}
	p, err := runtime.Of(ctx).Files().Resolve(first)
	if err != nil || p.Drive.Provider == fsys.FileSystem {
		return nil
	}
	return ctx.Fail(ctx.NewError("Cannot retrieve the dynamic parameters for the cmdlet. The NavigationCmdletProvider methods are not supported by this provider.", "GetDynamicParametersException", object.InvalidArgument, "ParameterBindingException", nil))
}

// moveRefusal is Move-Item's refusal to move item it to dest (nil when
// it moves): an item goes only to a path of its own provider, and the
// session drives' providers cannot move items.
func moveRefusal(ctx *command.Context, it Item, dest fsys.Path) *object.ErrorRecord {
	if dest.Drive.Provider != it.Path.Drive.Provider {
		return ctx.NewError("Cannot move the item because the source and destination paths did not resolve to the same provider.", "System.Management.Automation.PSArgumentException", object.InvalidArgument, "PSArgumentException", it.Path.String())
	}
	if it.Info == nil {
		return ctx.NewError("The NavigationCmdletProvider methods are not supported by this provider.", "NotSupported", object.NotImplemented, "PSNotSupportedException", it.Path.String())
	}
	return nil
}

func transferOne(ctx *command.Context, it Item, target fsys.Path, move bool) error {
	rt := runtime.Of(ctx)
	ns := rt.Files()
	src := it.Path.ProviderPath()
	dst := target.ProviderPath()
	action := "Copy File"
	if it.Info.IsDir() {
		action = "Copy Directory"
	}
	if move {
		action = "Move File"
		if it.Info.IsDir() {
			action = "Move Directory"
		}
	}
	if ok, err := ctx.ShouldProcess(fmt.Sprintf("Item: %s Destination: %s", src, dst), action); err != nil || !ok {
		return err
	}
	tfi, terr := ns.Stat(target)
	exists := terr == nil
	if exists && strings.EqualFold(ns.Host(target), ns.Host(it.Path)) {
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot overwrite the item %s with itself.", src), "CopyError", object.WriteError, "IOException", src))
	}
	if move {
		if exists && !ctx.Switch("Force") {
			return ctx.WriteError(ctx.NewError("Cannot create a file when that file already exists.", "MoveFileInfoItemIOError", object.WriteError, "IOException", src))
		}
		if exists && !tfi.IsDir() {
			_ = ns.Remove(target, false)
		}
		if err := ns.Rename(it.Path, target); err != nil {
			return ctx.WriteError(FileError(ctx, provider.HostError(err, dst), "MoveFileInfoItemIOError", src))
		}
	} else {
		if it.Info.IsDir() {
			if err := copyTree(ctx, it, target, ctx.Switch("Recurse")); err != nil {
				return err
			}
		} else {
			if exists && tfi.IsDir() {
				return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot overwrite the item %s with itself.", dst), "CopyError", object.WriteError, "IOException", src))
			}
			if err := copyFile(ctx, it.Path, target); err != nil {
				return err
			}
		}
	}
	if ctx.Switch("PassThru") {
		if fi, err := ns.Stat(target); err == nil {
			return ctx.WriteObject(dio.FileSystemInfo(rt.Files(), target, fi))
		}
	}
	return nil
}

func copyFile(ctx *command.Context, from, to fsys.Path) error {
	ns := runtime.Of(ctx).Files()
	data, err := fsys.ReadFile(ns.FS(), ns.Host(from), 1<<30)
	if err != nil {
		return ctx.WriteError(FileError(ctx, provider.HostError(err, from.ProviderPath()), "CopyFileInfoItemIOError", from.ProviderPath()))
	}
	if err := ns.WriteFile(to, data, false); err != nil {
		return ctx.WriteError(FileError(ctx, provider.HostError(err, to.ProviderPath()), "CopyFileInfoItemIOError", from.ProviderPath()))
	}
	return nil
}

// copyTree copies a folder: the folder itself, and with recurse its content.
func copyTree(ctx *command.Context, it Item, to fsys.Path, recurse bool) error {
	ns := runtime.Of(ctx).Files()
	if !ns.Exists(to) {
		if err := ns.Mkdir(to, false); err != nil {
			return ctx.WriteError(FileError(ctx, provider.HostError(err, to.ProviderPath()), "CopyDirectoryInfoItemIOError", it.Path.ProviderPath()))
		}
	}
	if !recurse {
		return nil
	}
	for _, k := range children(runtime.Of(ctx), it, true) {
		dst := to.Child(k.Info.Name())
		if k.Info.IsDir() {
			if err := copyTree(ctx, k, dst, true); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(ctx, k.Path, dst); err != nil {
			return err
		}
	}
	return nil
}

// invokeItem is Invoke-Item: PowerShell hands each item to the desktop's
// default application. A simulated session has no desktop, so exosim says
// so in one warning per item and opens nothing; a missing path is
// PowerShell's own error.
func invokeItem() *command.Command {
	c := engine.Cmdlet("Invoke-Item", engine.ModManagement, "InvokeItemCommand")
	c.Synopsis = "Opens a file in its default application (exosim has no desktop: it only warns)."
	c.SupportsShouldProcess = true
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, false,
		params.P("Credential", params.TObject),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		// a declined item (-WhatIf, -Confirm's No) skips only itself
		return forEachKept(ctx, Expand, func(it Item) error {
			full := it.Path.ProviderPath()
			if ok, err := ctx.ShouldProcess(full, "Invoke Item"); err != nil || !ok {
				return err
			}
			ctx.WriteWarning(fmt.Sprintf("exosim has no desktop: Invoke-Item did not open '%s'.", full))
			return nil
		})
	}
	return c
}

func renameItem() *command.Command {
	c := engine.Cmdlet("Rename-Item", engine.ModManagement, "RenameItemCommand")
	c.Synopsis = "Renames a file or folder, or an item of Env:, Variable:, Function: or Alias:."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.SetInfo{Set: "ByPath", Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TString, params.InSets(params.SetInfo{Set: "ByLiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("NewName", params.TString, params.Mandatory(), params.Position(1), params.FromPipelineByName()),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
		params.P("Credential", params.TObject),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		ns := rt.Files()
		paths, literal := PathArgs(ctx)
		for _, p := range paths {
			items, err := Expand(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, it := range items {
				newName := ctx.String("NewName")
				if strings.ContainsAny(newName, `/\`) {
					return ctx.WriteError(ctx.NewError("Cannot rename the specified target, because it represents a path or device name.", "Argument", object.InvalidArgument, "PSArgumentException", newName))
				}
				if it.Info == nil {
					if err := renameSessionItem(ctx, it, newName); err != nil {
						return err
					}
					continue
				}
				parent, _ := it.Path.Parent()
				target := parent.Child(newName)
				action := "Rename File"
				if it.Info.IsDir() {
					action = "Rename Directory"
				}
				if ok, err := ctx.ShouldProcess(fmt.Sprintf("Item: %s Destination: %s", it.Path.ProviderPath(), target.ProviderPath()), action); err != nil || !ok {
					return err
				}
				if ns.Exists(target) && !strings.EqualFold(ns.Host(target), ns.Host(it.Path)) {
					if err := ctx.WriteError(ctx.NewError("Cannot create a file when that file already exists.", "RenameItemIOError", object.WriteError, "IOException", it.Path.ProviderPath())); err != nil {
						return err
					}
					continue
				}
				if err := ns.Rename(it.Path, target); err != nil {
					return ctx.WriteError(FileError(ctx, provider.HostError(err, target.ProviderPath()), "RenameItemIOError", it.Path.ProviderPath()))
				}
				if ctx.Switch("PassThru") {
					if fi, err := ns.Stat(target); err == nil {
						if err := ctx.WriteObject(dio.FileSystemInfo(rt.Files(), target, fi)); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	}
	return c
}

// ---------------------------------------------------------------------------
// Get-PSDrive, Get-PSProvider

func getPSDrive() *command.Command {
	c := engine.Cmdlet("Get-PSDrive", engine.ModManagement, "GetPSDriveCommand")
	c.Synopsis = "Lists the session's drives: /, the simulated C: drive, Temp:, Env:, Variable:, Function:, Alias:."
	c.Sets = []string{"Name", "LiteralName"}
	c.DefaultSet = "Name"
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.InSets(params.SetInfo{Set: "Name", Position: 0, FromPipelineByName: true})),
		params.P("LiteralName", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralName", Mandatory: true, Position: 0, FromPipelineByName: true})),
		params.P("PSProvider", params.TStrings),
		params.P("Scope", params.TString),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		names := ctx.Strings("Name")
		literal := ctx.Has("LiteralName")
		if literal {
			names = ctx.Strings("LiteralName")
		}
		if len(names) == 0 {
			names = []string{"*"}
		}
		for _, n := range names {
			found := false
			for _, d := range runtime.Of(ctx).Files().Drives() {
				ok := strings.EqualFold(n, d.Name)
				if !literal {
					ok = wildcard.Match(n, d.Name)
				}
				if ok && len(ctx.Strings("PSProvider")) > 0 {
					ok = false
					for _, p := range ctx.Strings("PSProvider") {
						if wildcard.Match(p, string(d.Provider)) || strings.EqualFold(p, d.Provider.Qualified()) {
							ok = true
						}
					}
				}
				if !ok {
					continue
				}
				found = true
				if err := ctx.WriteObject(driveObject(runtime.Of(ctx), d)); err != nil {
					return err
				}
			}
			if !found && (literal || !wildcard.Has(n)) {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot find drive. A drive with the name '%s' does not exist.", n), "GetLocationNoMatchingDrive", object.ObjectNotFound, "DriveNotFoundException", n)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// simulatedFree is the free space the simulated C: drive reports.
const simulatedFree = int64(200) << 30

// driveObject is a drive's PSDriveInfo; the C: drive reports the size of
// what the session stored on it as Used and a fixed free space.
func driveObject(rt *runtime.Runtime, d *fsys.Drive) *object.PSObject {
	o := provider.DriveInfo(d)
	if d.Provider == fsys.FileSystem && d.Windows && d.Name == "C" {
		o.AddTyped("Used", "long", treeSize(rt, fsys.Path{Drive: d}))
		o.AddTyped("Free", "long", simulatedFree)
	}
	return o
}

// treeSize adds up the sizes of the files under a folder.
func treeSize(rt *runtime.Runtime, p fsys.Path) int64 {
	infos, err := rt.Files().ReadDir(p)
	if err != nil {
		return 0
	}
	var n int64
	for _, fi := range infos {
		if fi.IsDir() {
			n += treeSize(rt, p.Child(fi.Name()))
		} else {
			n += fi.Size()
		}
	}
	return n
}
