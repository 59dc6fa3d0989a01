package management

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	dio "github.com/exosim/exosim/shell/dotnet/io"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// Compress-Archive and Expand-Archive: the Microsoft.PowerShell.Archive
// module (1.2.5, the one PowerShell 7.4 ships) writes and reads .zip files
// on the session's drives. Its commands are advanced functions, so their
// binding errors read as a function's.

// maxArchiveBytes bounds what one archive command reads or writes.
const maxArchiveBytes = 1 << 30

func archiveCommands() []*command.Command {
	return []*command.Command{compressArchive(), expandArchive()}
}

func archiveFunction(name string) *command.Command {
	return &command.Command{Name: name, Type: command.FunctionCommand, Module: engine.ModArchive, Version: engine.ArchiveVersion}
}

// archiveError is the module's terminating error: an IOException record.
func archiveError(ctx *command.Context, id, msg string, cat object.ErrorCategory, target any) error {
	return ctx.Fail(ctx.NewError(msg, id, cat, "IOException", target))
}

func archivePathNotFound(ctx *command.Context, p string) error {
	return ctx.Fail(ctx.NewError(fmt.Sprintf("The path '%s' either does not exist or is not a valid file system path.", p),
		"ArchiveCmdletPathNotFound", object.InvalidArgument, "InvalidOperationException", p))
}

func compressArchive() *command.Command {
	c := archiveFunction("Compress-Archive")
	c.Synopsis = "Creates or updates a .zip archive from files and folders."
	c.SupportsShouldProcess = true
	sets := []string{"Path", "PathWithForce", "PathWithUpdate", "LiteralPath", "LiteralPathWithForce", "LiteralPathWithUpdate"}
	c.Sets = sets
	c.DefaultSet = "Path"
	in := func(names []string, si params.SetInfo) params.ParamOpt {
		var l []params.SetInfo
		for _, n := range names {
			s := si
			s.Set = n
			l = append(l, s)
		}
		return params.InSets(l...)
	}
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, in(sets[:3], params.SetInfo{Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true}), params.NotNullOrEmpty()),
		params.P("LiteralPath", params.TStrings, in(sets[3:], params.SetInfo{Mandatory: true, Position: -1, FromPipelineByName: true}), params.NotNullOrEmpty(), params.Alias("PSPath")),
		params.P("DestinationPath", params.TString, params.Mandatory(), params.Position(1), params.NotNullOrEmpty()),
		params.P("CompressionLevel", params.EnumType("String", "System.String", "Optimal", "NoCompression", "Fastest")),
		params.P("Update", params.TSwitch, in([]string{"PathWithUpdate", "LiteralPathWithUpdate"}, params.SetInfo{Mandatory: true, Position: -1})),
		params.P("Force", params.TSwitch, in([]string{"PathWithForce", "LiteralPathWithForce"}, params.SetInfo{Mandatory: true, Position: -1})),
		params.P("PassThru", params.TSwitch),
	}
	c.Examples = []command.Example{
		{Code: `Set-Content C:\Temp\notes.txt 'done'; Compress-Archive -Path C:\Temp\*.txt -DestinationPath C:\Temp\notes.zip -Force`, Remark: "Zips the text files of a folder on the simulated C: drive, replacing an older archive."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := archiveSlot.Of(ctx)
		if ctx.Has("LiteralPath") {
			st.literal = true
			st.paths = append(st.paths, ctx.Strings("LiteralPath")...)
		} else {
			st.paths = append(st.paths, ctx.Strings("Path")...)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		dest := ctx.String("DestinationPath")
		dp, err := ns.Resolve(dest)
		if err != nil || dp.Drive.Provider != fsys.FileSystem {
			return archivePathNotFound(ctx, dest)
		}
		parent, ok := dp.Parent()
		if !ok {
			return archiveError(ctx, "InvalidArchiveFilePath", fmt.Sprintf("The destination path '%s' does not contain a valid archive file name.", dp.ProviderPath()), object.InvalidArgument, dp.ProviderPath())
		}
		if pfi, err := ns.Stat(parent); err != nil || !pfi.IsDir() {
			return archivePathNotFound(ctx, parent.ProviderPath())
		}
		if path.Ext(dp.Rel) == "" {
			from := dp.ProviderPath()
			dp = parent.Child(path.Base(dp.Rel) + ".zip")
			ctx.WriteVerbose(fmt.Sprintf("The archive file path '%s' supplied to the DestinationPath parameter does not include .zip extension. Hence .zip is appended to the supplied DestinationPath path and the archive file would be created at '%s'.", from, dp.ProviderPath()))
		}
		full := dp.ProviderPath()
		dfi, derr := ns.Stat(dp)
		exists := derr == nil && !dfi.IsDir()
		update, force := ctx.Switch("Update"), ctx.Switch("Force")
		if exists && !update && !force {
			return archiveError(ctx, "ArchiveFileExists", fmt.Sprintf("The archive file %s already exists. Use the -Update parameter to update the existing archive file or use the -Force parameter to overwrite the existing archive file.", full), object.InvalidArgument, full)
		}
		// the sources: each must resolve to existing files or folders
		var sources []Item
		st := archiveSlot.Of(ctx)
		literal := st.literal
		for _, p := range st.paths {
			var paths []fsys.Path
			if literal {
				rp, err := ns.Resolve(p)
				if err == nil {
					paths = []fsys.Path{rp}
				}
			} else {
				paths, _ = ns.Expand(p)
			}
			n := 0
			for _, rp := range paths {
				if it, ok := Lookup(runtime.Of(ctx), rp); ok && it.Info != nil {
					sources = append(sources, it)
					n++
				}
			}
			if n == 0 {
				return archivePathNotFound(ctx, p)
			}
		}
		names := make([]string, len(sources))
		for i, s := range sources {
			names[i] = s.Path.ProviderPath()
		}
		target := strings.Join(names, "\n")
		if len(names) > 1 {
			target = "\n" + target
		}
		if ok, err := ctx.ShouldProcess(target, "Compress-Archive"); err != nil || !ok {
			return err
		}
		var entries []zipEntry
		if exists && update {
			old, err := readZip(ctx, dp)
			if err != nil {
				return err
			}
			entries = old
		}
		for _, s := range sources {
			if s.Info.IsDir() {
				if err := addTree(ctx, &entries, s, s.Info.Name()); err != nil {
					return err
				}
				continue
			}
			if err := addFile(ctx, &entries, s, s.Info.Name()); err != nil {
				return err
			}
		}
		if len(entries) == 0 {
			// an archive with nothing in it is not written
			return nil
		}
		data, err := writeZip(entries, ctx.String("CompressionLevel") == "NoCompression")
		if err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "CompressArchiveError", object.WriteError, "IOException", full))
		}
		if err := ns.WriteFile(dp, data, false); err != nil {
			return ctx.Fail(FileError(ctx, provider.HostError(err, full), "CompressArchiveError", full))
		}
		if ctx.Switch("PassThru") {
			if fi, err := ns.Stat(dp); err == nil {
				return ctx.WriteObject(dio.FileSystemInfo(runtime.Of(ctx).Files(), dp, fi))
			}
		}
		return nil
	}
	return c
}

// archiveState is what one Compress-Archive call gathers from the
// pipeline: the source paths, literal when any came as -LiteralPath.
type archiveState struct {
	literal bool
	paths   []string
}

var archiveSlot = command.NewInvocationSlot[archiveState]()

// zipEntry is one entry of an archive: a file's bytes, or a folder when
// the name ends in "/".
type zipEntry struct {
	name string
	data []byte
	mod  time.Time
}

// addFile adds (or replaces) a file entry.
func addFile(ctx *command.Context, entries *[]zipEntry, it Item, name string) error {
	ns := runtime.Of(ctx).Files()
	data, err := fsys.ReadFile(ns.FS(), ns.Host(it.Path), maxArchiveBytes)
	if err != nil {
		return ctx.WriteError(FileError(ctx, provider.HostError(err, it.Path.ProviderPath()), "CompressArchiveUnauthorizedAccessError", it.Path.ProviderPath()))
	}
	ctx.WriteVerbose(fmt.Sprintf("Adding '%s'.", it.Path.ProviderPath()))
	putEntry(entries, zipEntry{name: name, data: data, mod: dio.FileTime(it.Info)})
	return nil
}

// addTree adds a folder's content under prefix in the order
// Get-ChildItem -Recurse lists it (a folder's items, then each subfolder's),
// a folder without files of its own as a folder entry.
func addTree(ctx *command.Context, entries *[]zipEntry, dir Item, prefix string) error {
	kids := children(runtime.Of(ctx), dir, true)
	for _, k := range kids {
		name := prefix + "/" + k.Info.Name()
		if !k.Info.IsDir() {
			if err := addFile(ctx, entries, k, name); err != nil {
				return err
			}
			continue
		}
		files := 0
		for _, g := range children(runtime.Of(ctx), k, true) {
			if !g.Info.IsDir() {
				files++
			}
		}
		if files == 0 {
			putEntry(entries, zipEntry{name: name + "/", mod: dio.FileTime(k.Info)})
		}
	}
	for _, k := range kids {
		if k.Info.IsDir() {
			if err := addTree(ctx, entries, k, prefix+"/"+k.Info.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

func putEntry(entries *[]zipEntry, e zipEntry) {
	for i, old := range *entries {
		if old.name == e.name {
			(*entries)[i] = e
			return
		}
	}
	*entries = append(*entries, e)
}

func writeZip(entries []zipEntry, store bool) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if store || strings.HasSuffix(e.name, "/") {
			h.Method = zip.Store
		}
		h.Modified = e.mod
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readZip reads an archive's entries; a file that is not a zip archive is
// the module's error.
func readZip(ctx *command.Context, p fsys.Path) ([]zipEntry, error) {
	ns := runtime.Of(ctx).Files()
	full := p.ProviderPath()
	data, err := fsys.ReadFile(ns.FS(), ns.Host(p), maxArchiveBytes)
	if err != nil {
		return nil, ctx.Fail(FileError(ctx, provider.HostError(err, full), "ArchiveReadError", full))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("File '%s' does not appear to be a valid zip archive.", full), "System.IO.FileFormatException", object.NotSpecified, "FileFormatException", nil))
	}
	var out []zipEntry
	var total int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("File '%s' does not appear to be a valid zip archive.", full), "System.IO.FileFormatException", object.NotSpecified, "FileFormatException", nil))
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxArchiveBytes-total+1))
		rc.Close()
		total += int64(len(b))
		if err != nil || total > maxArchiveBytes {
			return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("File '%s' does not appear to be a valid zip archive.", full), "System.IO.FileFormatException", object.NotSpecified, "FileFormatException", nil))
		}
		out = append(out, zipEntry{name: strings.ReplaceAll(f.Name, `\`, "/"), data: b, mod: f.Modified})
	}
	return out, nil
}

func expandArchive() *command.Command {
	c := archiveFunction("Expand-Archive")
	c.Synopsis = "Extracts the files and folders of a .zip archive."
	c.SupportsShouldProcess = true
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.SetInfo{Set: "Path", Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true}), params.NotNullOrEmpty()),
		params.P("LiteralPath", params.TString, params.InSets(params.SetInfo{Set: "LiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.NotNullOrEmpty(), params.Alias("PSPath")),
		params.P("DestinationPath", params.TString, params.Position(1), params.NotNullOrEmpty()),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		src, literal := ctx.String("Path"), false
		if ctx.Has("LiteralPath") {
			src, literal = ctx.String("LiteralPath"), true
		}
		var sp fsys.Path
		if literal {
			p, err := ns.Resolve(src)
			if err != nil {
				return archivePathNotFound(ctx, src)
			}
			sp = p
		} else {
			l, err := ns.Expand(src)
			if err != nil || len(l) == 0 {
				return archivePathNotFound(ctx, src)
			}
			if len(l) > 1 {
				return archiveError(ctx, "InvalidArchiveFilePath", fmt.Sprintf("The archive file path '%s' specified as input to the Path parameter is resolving to multiple file system paths. Provide a unique path to the Path parameter where the archive file has to be created.", src), object.InvalidArgument, src)
			}
			sp = l[0]
		}
		sfi, err := ns.Stat(sp)
		if err != nil {
			return archivePathNotFound(ctx, src)
		}
		full := ns.Canonical(sp).ProviderPath()
		if sfi.IsDir() {
			return archiveError(ctx, "PathNotFound", fmt.Sprintf("The path '%s' either does not exist or is not a valid file system path.", full), object.InvalidArgument, full)
		}
		// the destination: the given folder (created when missing), else
		// a folder named after the archive in the current location
		var dp fsys.Path
		if d := ctx.String("DestinationPath"); d != "" {
			p, err := ns.Resolve(d)
			if err != nil || p.Drive.Provider != fsys.FileSystem {
				return archiveError(ctx, "InvalidDirectoryPath", fmt.Sprintf("The path '%s' is not a valid file system directory path.", d), object.InvalidArgument, d)
			}
			dp = p
		} else {
			base := strings.TrimSuffix(sfi.Name(), path.Ext(sfi.Name()))
			dp = ns.Location().Child(base)
		}
		if ok, err := ctx.ShouldProcess(full, "Expand-Archive"); err != nil || !ok {
			return err
		}
		entries, err := readZip(ctx, sp)
		if err != nil {
			return err
		}
		if dfi, err := ns.Stat(dp); err != nil {
			if err := ns.Mkdir(dp, true); err != nil {
				return ctx.Fail(FileError(ctx, provider.HostError(err, dp.ProviderPath()), "ExpandArchiveError", dp.ProviderPath()))
			}
		} else if !dfi.IsDir() {
			return archiveError(ctx, "InvalidDirectoryPath", fmt.Sprintf("The path '%s' is not a valid file system directory path.", dp.ProviderPath()), object.InvalidArgument, dp.ProviderPath())
		}
		var made []fsys.Path
		for _, e := range entries {
			rel := strings.Trim(path.Clean("/"+e.name), "/")
			if rel == "" || strings.HasPrefix(path.Clean(e.name), "..") {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Can not process invalid archive entry '%s'.", e.name), "Microsoft.PowerShell.Commands.WriteErrorException", object.NotSpecified, "WriteErrorException", nil)); err != nil {
					return err
				}
				continue
			}
			tp := dp
			for _, part := range strings.Split(rel, "/") {
				tp = tp.Child(strings.TrimSpace(part))
			}
			if strings.HasSuffix(e.name, "/") {
				if !ns.Exists(tp) {
					if err := ns.Mkdir(tp, true); err != nil {
						return ctx.Fail(FileError(ctx, provider.HostError(err, tp.ProviderPath()), "ExpandArchiveError", tp.ProviderPath()))
					}
					made = append(made, tp)
				}
				continue
			}
			if parent, ok := tp.Parent(); ok && !ns.Exists(parent) {
				if err := ns.Mkdir(parent, true); err != nil {
					return ctx.Fail(FileError(ctx, provider.HostError(err, parent.ProviderPath()), "ExpandArchiveError", parent.ProviderPath()))
				}
				made = append(made, parent)
			}
			if ns.Exists(tp) && !ctx.Switch("Force") {
				f := tp.ProviderPath()
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Failed to create file '%s' while expanding the archive file '%s' contents as the file '%s' already exists. Use the -Force parameter if you want to overwrite the existing directory '%s' contents when expanding the archive file.", f, full, f, f),
					"ExpandArchiveFileExists", object.InvalidOperation, "IOException", f)); err != nil {
					return err
				}
				continue
			}
			if err := ns.WriteFile(tp, e.data, false); err != nil {
				return ctx.Fail(FileError(ctx, provider.HostError(err, tp.ProviderPath()), "ExpandArchiveError", tp.ProviderPath()))
			}
			ctx.WriteVerbose(fmt.Sprintf("Created '%s'.", tp.ProviderPath()))
			made = append(made, tp)
		}
		if ctx.Switch("PassThru") {
			for _, p := range made {
				if fi, err := ns.Stat(p); err == nil {
					if err := ctx.WriteObject(dio.FileSystemInfo(runtime.Of(ctx).Files(), p, fi)); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return c
}
