// Package provider is PowerShell's FileSystem provider over the session's
// namespace (shell/fsys): the PathInfo, PSDriveInfo and ProviderInfo
// objects, file errors in .NET's words, and the reading and writing of
// the files scripts name (scripts, redirection, switch -File, the file
// cmdlets). It knows nothing of the interpreter.
package provider

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

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

// ResolveFile resolves a path for writing a file: it must be on a
// FileSystem drive. The FileError carries the reason when it is not.
func ResolveFile(n *fsys.Namespace, path string) (fsys.Path, error) {
	p, err := n.Resolve(path)
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
// to it with appendTo), stamped with the namespace's clock.
func WriteFile(n *fsys.Namespace, path string, data []byte, appendTo bool) (fsys.Path, error) {
	p, err := ResolveFile(n, path)
	if err != nil {
		return p, err
	}
	if err := n.WriteFile(p, data, appendTo); err != nil {
		return p, HostError(err, p.ProviderPath())
	}
	return p, nil
}

// ReadTextFile reads a whole text file a script names (a script it runs,
// switch -File), found from the current location; at most fsys.MaxLine
// bytes. The file's PowerShell path comes back for $PSCommandPath.
func ReadTextFile(n *fsys.Namespace, path string) (text, full string, err error) {
	p, err := n.Resolve(path)
	if err != nil {
		return "", "", err
	}
	if p.Drive.Provider != fsys.FileSystem {
		return "", "", fs.ErrNotExist
	}
	data, err := fsys.ReadFile(n.FS(), n.Host(p), int64(n.MaxLineBytes()))
	if err != nil {
		return "", p.String(), err
	}
	return string(data), p.String(), nil
}

// ReadFile reads a whole file of a FileSystem drive (at most the line
// limit's bytes): redirection's input, switch -File, a script ScriptPath
// found.
func ReadFile(n *fsys.Namespace, path string) ([]byte, error) {
	p, err := n.Resolve(path)
	if err != nil {
		return nil, err
	}
	if p.Drive.Provider != fsys.FileSystem {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	return fsys.ReadFile(n.FS(), n.Host(p), int64(n.MaxLineBytes()))
}

// ScriptPath resolves a command name written as a path to a script file
// of the session's file system: either separator, relative to the current
// location (not to the calling script), ~ for the home folder, C:\...
// on the simulated drive. Only an existing file ending in .ps1 is a
// script; the PowerShell path comes back ($PSCommandPath).
func ScriptPath(n *fsys.Namespace, name string) (string, bool) {
	if !strings.HasSuffix(strings.ToLower(name), ".ps1") {
		return "", false
	}
	p, err := n.Resolve(name)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return "", false
	}
	fi, err := n.Stat(p)
	if err != nil || fi.IsDir() {
		return "", false
	}
	return n.Canonical(p).String(), true
}

// Exists reports whether a path names an existing file or folder of a
// FileSystem drive.
func Exists(n *fsys.Namespace, path string) bool {
	p, err := n.Resolve(path)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return false
	}
	return n.Exists(p)
}

// FullPath is the full path a script's path names (for messages); the
// path itself when it does not resolve.
func FullPath(n *fsys.Namespace, path string) string {
	p, err := n.Resolve(path)
	if err != nil {
		return path
	}
	return n.Canonical(p).String()
}
