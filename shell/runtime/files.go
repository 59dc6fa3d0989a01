package runtime

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

// The session's file system: the host injects a namespace (drives and the
// current location over an fsys.FS) and an environment; every
// script-visible file, the current location and $env: go through them.

// Files returns the session's drives and current location.
func (rt *Runtime) Files() *fsys.Namespace { return rt.files }

// Env returns the session's environment variables.
func (rt *Runtime) Env() *fsys.Env { return rt.env }

// SetFiles installs the namespace and environment the host chose and sets
// $PWD.
func (rt *Runtime) SetFiles(n *fsys.Namespace, env *fsys.Env) {
	n.SetClock(rt.Now)
	rt.files = n
	rt.env = env
	rt.global.set("PWD", PathInfo(n.Location()))
}

// SetLocation makes p the current location and updates $PWD.
func (rt *Runtime) SetLocation(p fsys.Path) {
	rt.files.SetLocation(p)
	rt.global.set("PWD", PathInfo(p))
}

// PathInfo is the System.Management.Automation.PathInfo of a path
// (Get-Location, Resolve-Path, $PWD).
func PathInfo(p fsys.Path) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PathInfo", "System.Object")
	o.AddTyped("Drive", "System.Management.Automation.PSDriveInfo", DriveInfo(p.Drive))
	o.AddTyped("Provider", "System.Management.Automation.ProviderInfo", ProviderInfo(p.Drive.Provider))
	o.AddTyped("ProviderPath", "string", p.ProviderPath())
	o.AddTyped("Path", "string", p.String())
	s := p.String()
	o.ToStringFunc = func() string { return s }
	return o
}

// DriveInfo is the PSDriveInfo of a drive (Get-PSDrive).
func DriveInfo(d *fsys.Drive) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSDriveInfo", "System.Object")
	o.AddTyped("Name", "string", d.Name)
	o.AddTyped("Provider", "System.Management.Automation.ProviderInfo", ProviderInfo(d.Provider))
	o.AddTyped("Root", "string", d.Root)
	loc := d.Location()
	cur := strings.ReplaceAll(loc.Rel, "/", `\`)
	if d.Provider == fsys.FileSystem && !d.Windows {
		cur = loc.Rel
	}
	o.AddTyped("CurrentLocation", "string", cur)
	o.AddTyped("Description", "string", d.Description)
	name := d.Name
	o.ToStringFunc = func() string { return name }
	return o
}

// ProviderInfo is the ProviderInfo of a provider.
func ProviderInfo(p fsys.Provider) *object.PSObject {
	o := object.NewObject("System.Management.Automation.ProviderInfo", "System.Object")
	o.AddTyped("Name", "string", string(p))
	o.AddTyped("ModuleName", "string", "Microsoft.PowerShell.Core")
	q := p.Qualified()
	o.ToStringFunc = func() string { return q }
	return o
}

// FileError is a failed file operation in PowerShell's words: the .NET
// exception it maps to and its message.
type FileError struct {
	Message   string
	Exception string // DirectoryNotFoundException, UnauthorizedAccessException ...
	Category  object.ErrorCategory
	Path      string
}

func (e *FileError) Error() string { return e.Message }

// PathError turns a namespace resolution error into a FileError; ok is
// false when err is not one.
func PathError(err error) (*FileError, bool) {
	var dn *fsys.DriveNotFoundError
	var unc *fsys.NetworkPathError
	var pn *fsys.ProviderNotFoundError
	var he *fsys.HomeError
	switch {
	case errors.As(err, &dn):
		return &FileError{Message: dn.Error(), Exception: "DriveNotFoundException", Category: object.ObjectNotFound, Path: dn.Name}, true
	case errors.As(err, &unc):
		return &FileError{Message: unc.Error(), Exception: "ItemNotFoundException", Category: object.ObjectNotFound, Path: unc.Path}, true
	case errors.As(err, &pn):
		return &FileError{Message: pn.Error(), Exception: "ProviderNotFoundException", Category: object.ObjectNotFound, Path: pn.Name}, true
	case errors.As(err, &he):
		return &FileError{Message: he.Error(), Exception: "PSInvalidOperationException", Category: object.InvalidOperation}, true
	}
	return nil, false
}

// HostError words a host file error as .NET would for the file at p.
func HostError(err error, p string) *FileError {
	switch {
	case errors.Is(err, fsys.ErrTooLong):
		limit := fsys.MaxLine
		var tl *fsys.TooLongError
		if errors.As(err, &tl) {
			limit = tl.Limit
		}
		return &FileError{Message: fmt.Sprintf("exosim reads at most %s without a line break; '%s' has more (a device or a binary file?).", sizeText(limit), p), Exception: "IOException", Category: object.ReadError, Path: p}
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &FileError{Message: fmt.Sprintf("Could not find a part of the path '%s'.", p), Exception: "DirectoryNotFoundException", Category: object.ObjectNotFound, Path: p}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EISDIR), strings.Contains(err.Error(), "is a directory"):
		return &FileError{Message: fmt.Sprintf("Access to the path '%s' is denied.", p), Exception: "UnauthorizedAccessException", Category: object.PermissionDenied, Path: p}
	case errors.Is(err, fs.ErrExist):
		return &FileError{Message: fmt.Sprintf("The file '%s' already exists.", p), Exception: "IOException", Category: object.WriteError, Path: p}
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return &FileError{Message: msg, Exception: "IOException", Category: object.WriteError, Path: p}
}

// ResolveFile resolves a path for writing a file: it must be on a
// FileSystem drive. The FileError carries the reason when it is not.
func (rt *Runtime) ResolveFile(path string) (fsys.Path, error) {
	p, err := rt.files.Resolve(path)
	if err != nil {
		var unc *fsys.NetworkPathError
		if errors.As(err, &unc) {
			// Writing to a share: the parent folder is what is missing.
			h := unc.HostPath()
			return fsys.Path{}, &FileError{Message: fmt.Sprintf("Could not find a part of the path '%s'.", h), Exception: "DirectoryNotFoundException", Category: object.OpenError, Path: h}
		}
		if fe, ok := PathError(err); ok {
			return fsys.Path{}, fe
		}
		return fsys.Path{}, err
	}
	if p.Drive.Provider != fsys.FileSystem {
		return fsys.Path{}, &FileError{Message: fmt.Sprintf("Cannot open file because the current provider (%s) cannot open a file.", p.Drive.Provider.Qualified()), Exception: "PSInvalidOperationException", Category: object.InvalidArgument, Path: path}
	}
	return p, nil
}

// WriteFile writes text to the file path names (replacing it, or adding
// to it with appendTo), stamped with the simulated clock.
func (rt *Runtime) WriteFile(path string, data []byte, appendTo bool) (fsys.Path, error) {
	p, err := rt.ResolveFile(path)
	if err != nil {
		return p, err
	}
	if err := rt.files.WriteFile(p, data, appendTo); err != nil {
		return p, HostError(err, p.ProviderPath())
	}
	return p, nil
}

// WriteRedirect is what `> file` and `>> file` do with the text their
// stream rendered: Out-File's writing, with Out-File's errors.
func (rt *Runtime) WriteRedirect(path, text string, appendTo bool) error {
	if _, err := rt.WriteFile(path, []byte(text), appendTo); err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			return err
		}
		return &PSError{Record: &object.ErrorRecord{
			Message:       fe.Message,
			ErrorID:       "FileOpenFailure",
			Category:      object.OpenError,
			ExceptionType: fe.Exception,
			Activity:      "Out-File",
			CommandSuffix: "Microsoft.PowerShell.Commands.OutFileCommand",
			Target:        nil,
		}}
	}
	return nil
}

// ReadTextFile reads a whole text file a script names (a script it runs,
// switch -File), found from the current location; at most fsys.MaxLine
// bytes. The file's PowerShell path comes back for $PSCommandPath.
func (rt *Runtime) ReadTextFile(path string) (text, full string, err error) {
	p, err := rt.files.Resolve(path)
	if err != nil {
		return "", "", err
	}
	if p.Drive.Provider != fsys.FileSystem {
		return "", "", fs.ErrNotExist
	}
	data, err := fsys.ReadFile(rt.files.FS(), rt.files.Host(p), int64(rt.files.MaxLineBytes()))
	if err != nil {
		return "", p.String(), err
	}
	return string(data), p.String(), nil
}

// scriptPath resolves a command name written as a path to a script file
// of the session's file system: either separator, relative to the current
// location (not to the calling script), ~ for the home folder, C:\...
// on the simulated drive. Only an existing file ending in .ps1 is a
// script; the PowerShell path comes back ($PSCommandPath).
func (rt *Runtime) scriptPath(name string) (string, bool) {
	if !strings.HasSuffix(strings.ToLower(name), ".ps1") {
		return "", false
	}
	p, err := rt.files.Resolve(name)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return "", false
	}
	fi, err := rt.files.Stat(p)
	if err != nil || fi.IsDir() {
		return "", false
	}
	return rt.files.Canonical(p).String(), true
}

// readScriptBytes reads a script file scriptPath found.
func (rt *Runtime) readScriptBytes(path string) ([]byte, error) {
	p, err := rt.files.Resolve(path)
	if err != nil {
		return nil, err
	}
	return fsys.ReadFile(rt.files.FS(), rt.files.Host(p), int64(rt.files.MaxLineBytes()))
}

// fileExists reports whether a path names an existing file or folder of
// the session's file system.
func (rt *Runtime) fileExists(path string) bool {
	p, err := rt.files.Resolve(path)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return false
	}
	return rt.files.Exists(p)
}

// RemoveFunction removes a function from the scope that defines it
// (Remove-Item Function:\name).
func (rt *Runtime) RemoveFunction(name string) bool {
	for s := rt.scope; s != nil; s = s.parent {
		for k := range s.functions {
			if strings.EqualFold(k, name) {
				delete(s.functions, k)
				return true
			}
		}
	}
	return false
}

// RemoveAlias removes an alias (Remove-Item Alias:\name).
func (rt *Runtime) RemoveAlias(name string) bool {
	k := strings.ToLower(name)
	if _, ok := rt.aliases[k]; !ok {
		return false
	}
	delete(rt.aliases, k)
	return true
}

// sizeText words a byte count in KiB or MiB.
func sizeText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// The language's own file access (redirection with > file, >> file,
// 2> file, and switch -File) goes through languagePath, readLanguageFile
// and writeLanguageFile: the session's file system, as the file cmdlets.

// languagePath is the full path a script's path names (for messages).
func (rt *Runtime) languagePath(path string) string {
	p, err := rt.files.Resolve(path)
	if err != nil {
		return path
	}
	return rt.files.Canonical(p).String()
}

// readLanguageFile reads a whole file (at most the line limit's bytes).
func (rt *Runtime) readLanguageFile(path string) ([]byte, error) {
	p, err := rt.files.Resolve(path)
	if err != nil {
		return nil, err
	}
	if p.Drive.Provider != fsys.FileSystem {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	return fsys.ReadFile(rt.files.FS(), rt.files.Host(p), int64(rt.files.MaxLineBytes()))
}

// writeLanguageFile writes text to a file, replacing it or appending; a
// failure is Out-File's error record (redirection is Out-File).
func (rt *Runtime) writeLanguageFile(path, text string, appendTo bool) error {
	return rt.WriteRedirect(path, text, appendTo)
}

// isNotExist reports whether err means the file is not there (a missing
// file, a network share, an unknown drive).
func isNotExist(err error) bool {
	_, resolution := PathError(err)
	return resolution || errors.Is(err, fs.ErrNotExist)
}
