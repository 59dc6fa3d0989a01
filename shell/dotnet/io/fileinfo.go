package io

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
)

// Type names of file system items.
const (
	TypeFileInfo       = "System.IO.FileInfo"
	TypeDirInfo        = "System.IO.DirectoryInfo"
	typeFileSystemInfo = "System.IO.FileSystemInfo"
)

// FileSystemInfo is the FileInfo or DirectoryInfo of an existing file
// system item, as Get-Item and Get-ChildItem write it; files are the
// session's drives, which its Directory, Parent and Root come from.
func FileSystemInfo(files *fsys.Namespace, p fsys.Path, fi fs.FileInfo) *object.PSObject {
	dir := fi.IsDir()
	typ := TypeFileInfo
	if dir {
		typ = TypeDirInfo
	}
	o := object.NewObject(typ, "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object")
	full := p.ProviderPath()
	name := fi.Name()
	if p.IsRoot() {
		name = full
	}
	parent, hasParent := p.Parent()
	o.AddTyped("PSPath", "string", p.PSPath())
	if hasParent {
		o.AddTyped("PSParentPath", "string", parent.PSPath())
	} else {
		o.AddTyped("PSParentPath", "string", "")
	}
	o.AddTyped("PSChildName", "string", name)
	o.AddTyped("PSDrive", "System.Management.Automation.PSDriveInfo", provider.DriveInfo(p.Drive))
	o.AddTyped("PSProvider", "System.Management.Automation.ProviderInfo", provider.ProviderInfo(fsys.FileSystem))
	o.AddTyped("PSIsContainer", "bool", dir)
	mode := fileMode(fi)
	o.AddTyped("Mode", "string", mode)
	o.AddTyped("ModeWithoutHardLink", "string", mode)
	ext := path.Ext(name)
	if dir && !strings.Contains(strings.TrimPrefix(name, "."), ".") {
		ext = ""
	}
	if strings.HasPrefix(name, ".") && strings.Count(name, ".") == 1 && !dir {
		ext = name
	}
	base := strings.TrimSuffix(name, ext)
	if dir {
		base = name
	}
	o.AddTyped("BaseName", "string", base)
	o.AddTyped("ResolvedTarget", "string", full)
	o.AddTyped("Target", "string", nil)
	o.AddTyped("LinkType", "string", nil)
	o.AddTyped("Name", "string", name)
	mtime := FileTime(fi)
	if !dir {
		o.AddTyped("Length", "long", fi.Size())
		dirName := ""
		if hasParent {
			dirName = parent.ProviderPath()
		}
		o.AddTyped("DirectoryName", "string", dirName)
		o.AddProperty(&object.Property{Name: "Directory", Kind: object.AdaptedProperty, TypeName: TypeDirInfo, Getter: func() any {
			if !hasParent {
				return nil
			}
			if pfi, err := files.Stat(parent); err == nil {
				return FileSystemInfo(files, parent, pfi)
			}
			return nil
		}})
		o.AddTyped("IsReadOnly", "bool", fi.Mode().Perm()&0o200 == 0)
		o.AddTyped("Exists", "bool", true)
		o.AddTyped("FullName", "string", full)
		o.AddTyped("Extension", "string", ext)
	} else {
		o.AddTyped("FullName", "string", full)
		o.AddProperty(&object.Property{Name: "Parent", Kind: object.AdaptedProperty, TypeName: TypeDirInfo, Getter: func() any {
			if !hasParent {
				return nil
			}
			if pfi, err := files.Stat(parent); err == nil {
				return FileSystemInfo(files, parent, pfi)
			}
			return nil
		}})
		o.AddTyped("Exists", "bool", true)
		o.AddProperty(&object.Property{Name: "Root", Kind: object.AdaptedProperty, TypeName: TypeDirInfo, Getter: func() any {
			root := fsys.Path{Drive: p.Drive}
			if rfi, err := files.Stat(root); err == nil {
				return FileSystemInfo(files, root, rfi)
			}
			return nil
		}})
		o.AddTyped("Extension", "string", ext)
	}
	o.AddTyped("CreationTime", "datetime", mtime)
	o.AddTyped("CreationTimeUtc", "datetime", mtime)
	o.AddTyped("LastAccessTime", "datetime", mtime)
	o.AddTyped("LastAccessTimeUtc", "datetime", mtime)
	o.AddTyped("LastWriteTime", "datetime", mtime)
	o.AddTyped("LastWriteTimeUtc", "datetime", mtime)
	o.AddTyped("LinkTarget", "string", nil)
	o.AddTyped("Attributes", "System.IO.FileAttributes", FileAttributes(fi))
	o.ToStringFunc = func() string { return full }
	return o
}

// FileTime is a file's modification time; files exosim wrote carry the
// simulated clock's time.
func FileTime(fi fs.FileInfo) time.Time {
	return fi.ModTime().UTC().Truncate(time.Second)
}

// Hidden tells whether a file or folder is hidden (its name starts with a
// dot).
func Hidden(fi fs.FileInfo) bool { return strings.HasPrefix(fi.Name(), ".") }

// fileMode is the Mode column: d(irectory), a(rchive), r(ead-only),
// h(idden), s(ystem).
func fileMode(fi fs.FileInfo) string {
	b := []byte("-----")
	if fi.IsDir() {
		b[0] = 'd'
	} else {
		b[1] = 'a'
	}
	if !fi.IsDir() && fi.Mode().Perm()&0o200 == 0 {
		b[2] = 'r'
	}
	if Hidden(fi) {
		b[3] = 'h'
	}
	return string(b)
}

// FileAttributes is the Attributes of a file or folder.
func FileAttributes(fi fs.FileInfo) object.Enum {
	var names []string
	val := 0
	if !fi.IsDir() && fi.Mode().Perm()&0o200 == 0 {
		names, val = append(names, "ReadOnly"), val|1
	}
	if Hidden(fi) {
		names, val = append(names, "Hidden"), val|2
	}
	if fi.IsDir() {
		names, val = append(names, "Directory"), val|16
	} else {
		names, val = append(names, "Archive"), val|32
	}
	return object.Enum{Type: "System.IO.FileAttributes", Name: strings.Join(names, ", "), Value: val}
}

// declareFileInfo declares System.IO.FileSystemInfo, FileInfo and
// DirectoryInfo. Their instances are the objects FileSystemInfo makes, so
// Get-Item's output is -is [System.IO.FileInfo]; a cast of a path
// ([System.IO.FileInfo]'x.txt') or [System.IO.FileInfo]::new('x.txt')
// makes one for that path, whether or not it exists (Exists tells). As
// in .NET, a relative path is taken from the process's current
// directory, not from PowerShell's location: Set-Location changes only
// the latter, so [IO.FileInfo]'x' after cd names x where exosim started.
func declareFileInfo() {
	isA := func(name string) func(*dotnet.TypeInfo, any) bool {
		return func(_ *dotnet.TypeInfo, v any) bool {
			o, ok := v.(*object.PSObject)
			return ok && slices.Contains(o.TypeNames, name)
		}
	}
	def := func(name string, dir bool) *dotnet.TypeDef {
		var members dotnet.Members
		if !dir {
			// A file's Length is a property of the object FileSystemInfo
			// makes; that of a FileInfo whose file does not exist throws
			// as .NET's does.
			members = dotnet.Members{"Length": dotnet.Prop(func(c *dotnet.Call) (any, error) {
				o, _ := c.Self.(*object.PSObject)
				full := ""
				if o != nil {
					if p := o.Property("FullName"); p != nil {
						full, _ = p.Get().(string)
					}
				}
				return nil, dotnet.Throw("Could not find file '%s'.", full)
			})}
		}
		return &dotnet.TypeDef{FullName: name, Assembly: "System.Runtime", Base: typeFileSystemInfo, Is: isA(name), Members: members,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if isA(name)(nil, v) {
					return v, nil
				}
				o, err := pathInfo(h, h.ToStr(v), dir)
				if err != nil {
					return nil, dotnet.ConvertFailed(v, name, err.Error())
				}
				return o, nil
			},
			NewArity: []int{1},
			New: func(c *dotnet.Call) (any, error) {
				if len(c.Args) == 0 || c.Args[0] == nil {
					return nil, &dotnet.MethodException{Msg: "Value cannot be null. (Parameter 'fileName')"}
				}
				return pathInfo(c.Host, c.Str(0), dir)
			},
		}
	}
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: typeFileSystemInfo, Assembly: "System.Runtime", Is: isA(typeFileSystemInfo)},
		def(TypeFileInfo, false),
		def(TypeDirInfo, true),
	)
}

// pathInfo is the FileInfo (dir false) or DirectoryInfo of a path given
// to .NET. An existing item of the other kind, or a missing one, still
// gives an object of the kind asked for, whose Exists is false.
func pathInfo(h dotnet.Host, s string, dir bool) (*object.PSObject, error) {
	p, err := hostPath(h, s)
	if err != nil {
		return nil, err
	}
	files := h.Files()
	if fi, err := files.Stat(p); err == nil && fi.IsDir() == dir {
		return FileSystemInfo(files, p, fi), nil
	}
	return missingInfo(files, p, dir), nil
}

// missingInfo is the FileInfo or DirectoryInfo of a path with no item of
// that kind: its names and folder, Exists false.
func missingInfo(files *fsys.Namespace, p fsys.Path, dir bool) *object.PSObject {
	typ := TypeFileInfo
	if dir {
		typ = TypeDirInfo
	}
	o := object.NewObject(typ, typeFileSystemInfo, "System.MarshalByRefObject", "System.Object")
	full := p.ProviderPath()
	name := path.Base(full)
	if p.IsRoot() {
		name = full
	}
	ext := path.Ext(name)
	if strings.HasPrefix(name, ".") && strings.Count(name, ".") == 1 {
		ext = name
	}
	parent, hasParent := p.Parent()
	parentInfo := func() any {
		if !hasParent {
			return nil
		}
		if pfi, err := files.Stat(parent); err == nil && pfi.IsDir() {
			return FileSystemInfo(files, parent, pfi)
		}
		return missingInfo(files, parent, true)
	}
	o.AddTyped("Name", "string", name)
	o.AddTyped("BaseName", "string", strings.TrimSuffix(name, ext))
	if !dir {
		dirName := ""
		if hasParent {
			dirName = parent.ProviderPath()
		}
		o.AddTyped("DirectoryName", "string", dirName)
		o.AddProperty(&object.Property{Name: "Directory", Kind: object.AdaptedProperty, TypeName: TypeDirInfo, Getter: parentInfo})
	} else {
		o.AddProperty(&object.Property{Name: "Parent", Kind: object.AdaptedProperty, TypeName: TypeDirInfo, Getter: parentInfo})
	}
	o.AddTyped("Exists", "bool", false)
	o.AddTyped("FullName", "string", full)
	o.AddTyped("Extension", "string", ext)
	o.ToStringFunc = func() string { return full }
	return o
}
