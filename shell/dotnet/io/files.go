package io

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/wildcard"
)

// System.IO.File and System.IO.Directory: the static file methods
// runbooks call, over the session's file system. As in .NET, a relative
// path is taken from the process's directory (where the session started),
// not from PowerShell's current location. Text is written as UTF-8 without
// a byte order mark, .NET's default.

// dotnetPath resolves a path argument of a System.IO method.
func dotnetPath(c *dotnet.Call, i int) (fsys.Path, error) {
	if i >= len(c.Args) || c.Args[i] == nil {
		return fsys.Path{}, &dotnet.MethodException{Msg: "Value cannot be null. (Parameter 'path')"}
	}
	return hostPath(c.Host, c.Str(i))
}

// hostPath resolves a path given to a .NET method as .NET does: a
// relative path is taken from the process's current directory (where
// exosim started), which Set-Location does not move.
func hostPath(h dotnet.Host, s string) (fsys.Path, error) {
	if strings.TrimSpace(s) == "" {
		return fsys.Path{}, &dotnet.MethodException{Msg: "The value cannot be an empty string. (Parameter 'path')"}
	}
	ns := h.Files()
	p, err := ns.ResolveFrom(ns.StartLocation(), s)
	if err != nil {
		var unc *fsys.NetworkPathError
		if errors.As(err, &unc) {
			return fsys.Path{}, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find a part of the path '%s'.", unc.HostPath())}
		}
		var dn *fsys.DriveNotFoundError
		if errors.As(err, &dn) {
			return fsys.Path{}, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find a part of the path '%s'.", s)}
		}
		return fsys.Path{}, &dotnet.MethodException{Msg: err.Error()}
	}
	if p.Drive.Provider != fsys.FileSystem {
		return fsys.Path{}, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find file '%s'.", s)}
	}
	return ns.Canonical(p), nil
}

// ioException words a host error as the .NET exception message.
func ioException(err error, p fsys.Path, file bool) error {
	if errors.Is(err, fs.ErrNotExist) && file {
		return &dotnet.MethodException{Msg: fmt.Sprintf("Could not find file '%s'.", p.ProviderPath())}
	}
	return &dotnet.MethodException{Msg: provider.HostError(err, p.ProviderPath()).Message}
}

// dotnetLines joins lines as File.WriteAllLines writes them.
func dotnetLines(c *dotnet.Call, v any) string {
	var b strings.Builder
	items, ok := object.Elements(object.Unwrap(v))
	if !ok {
		items = []any{v}
	}
	for _, it := range items {
		b.WriteString(c.Host.ToStr(it))
		b.WriteByte('\n')
	}
	return b.String()
}

// readText reads a file for ReadAllText and friends.
func readText(c *dotnet.Call, i int) (string, error) {
	data, _, err := readBytes(c, i)
	if err != nil {
		return "", err
	}
	return fsys.DecodeText(data), nil
}

// readBytes reads the file a path argument names, whole.
func readBytes(c *dotnet.Call, i int) ([]byte, fsys.Path, error) {
	p, err := dotnetPath(c, i)
	if err != nil {
		return nil, p, err
	}
	ns := c.Host.Files()
	if fi, err := ns.Stat(p); err == nil && fi.IsDir() {
		return nil, p, &dotnet.MethodException{Msg: fmt.Sprintf("Access to the path '%s' is denied.", p.ProviderPath())}
	}
	data, err := fsys.ReadFile(ns.FS(), ns.Host(p), int64(ns.MaxLineBytes()))
	if err != nil {
		return nil, p, ioException(err, p, true)
	}
	return data, p, nil
}

// writeText writes or appends text for WriteAllText and friends.
func writeText(c *dotnet.Call, i int, text string, appendTo bool) (any, error) {
	p, err := dotnetPath(c, i)
	if err != nil {
		return nil, err
	}
	if err := c.Host.Files().WriteFile(p, []byte(text), appendTo); err != nil {
		return nil, ioException(err, p, false)
	}
	return dotnet.Void{}, nil
}

// fileTimeZero is what .NET gives as the time of a missing file.
var fileTimeZero = lazy.Value[time.Time]{Build: func() time.Time {
	return time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC)
}}

func splitTextLines(s string) []any {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return []any{}
	}
	var out []any
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSuffix(l, "\r"))
	}
	return out
}

// declareFiles declares System.IO.File and System.IO.Directory.
func declareFiles() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IO.File", Assembly: "System.Runtime",
		Static: dotnet.Members{
			"Exists": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return false, nil
				}
				fi, err := c.Host.Files().Stat(p)
				return err == nil && !fi.IsDir(), nil
			}),
			"ReadAllText": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) { return readText(c, 0) }),
			"ReadAllBytes": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return nil, err
				}
				ns := c.Host.Files()
				if fi, err := ns.Stat(p); err == nil && fi.IsDir() {
					return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Access to the path '%s' is denied.", p.ProviderPath())}
				}
				data, err := fsys.ReadFile(ns.FS(), ns.Host(p), int64(ns.MaxLineBytes()))
				if err != nil {
					return nil, ioException(err, p, true)
				}
				return dotnet.Bytes(data), nil
			}),
			"ReadAllLines": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				s, err := readText(c, 0)
				if err != nil {
					return nil, err
				}
				return splitTextLines(s), nil
			}),
			"ReadLines": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				s, err := readText(c, 0)
				if err != nil {
					return nil, err
				}
				return splitTextLines(s), nil
			}),
			"WriteAllText":   dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return writeText(c, 0, c.Str(1), false) }),
			"AppendAllText":  dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return writeText(c, 0, c.Str(1), true) }),
			"WriteAllLines":  dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return writeText(c, 0, dotnetLines(c, c.Arg(1)), false) }),
			"AppendAllLines": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return writeText(c, 0, dotnetLines(c, c.Arg(1)), true) }),
			"WriteAllBytes": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				b, err := fileBytes(c, 1)
				if err != nil {
					return nil, err
				}
				return writeText(c, 0, b, false)
			}),
			"GetLastWriteTime": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return nil, err
				}
				fi, err := c.Host.Files().Stat(p)
				if err != nil {
					// .NET answers a missing file with 1/1/1601 (the file time zero)
					return fileTimeZero.Get(), nil
				}
				return fi.ModTime().UTC(), nil
			}),
			"Delete": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return nil, err
				}
				ns := c.Host.Files()
				fi, err := ns.Stat(p)
				if err != nil {
					if parent, ok := p.Parent(); ok && !ns.Exists(parent) {
						return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find a part of the path '%s'.", p.ProviderPath())}
					}
					return dotnet.Void{}, nil // deleting a missing file is no error
				}
				if fi.IsDir() {
					return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Access to the path '%s' is denied.", p.ProviderPath())}
				}
				if err := ns.Remove(p, false); err != nil {
					return nil, ioException(err, p, true)
				}
				return dotnet.Void{}, nil
			}),
			"Copy": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return copyOrMove(c, false) }),
			"Move": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) { return copyOrMove(c, true) }),
		}})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IO.Directory", Assembly: "System.Runtime",
		Static: dotnet.Members{
			"Exists": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return false, nil
				}
				fi, err := c.Host.Files().Stat(p)
				return err == nil && fi.IsDir(), nil
			}),
			"CreateDirectory": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return nil, err
				}
				if err := c.Host.Files().Mkdir(p, true); err != nil {
					return nil, ioException(err, p, false)
				}
				return p.ProviderPath(), nil
			}),
			"Delete": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				p, err := dotnetPath(c, 0)
				if err != nil {
					return nil, err
				}
				ns := c.Host.Files()
				fi, err := ns.Stat(p)
				if err != nil || !fi.IsDir() {
					return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find a part of the path '%s'.", p.ProviderPath())}
				}
				recursive := len(c.Args) > 1 && toBoolArg(c.Arg(1))
				if err := ns.Remove(p, recursive); err != nil {
					if !recursive {
						return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Directory not empty : '%s'", p.ProviderPath())}
					}
					return nil, ioException(err, p, false)
				}
				return dotnet.Void{}, nil
			}),
			"GetFiles":       dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) { return listDir(c, false) }),
			"GetDirectories": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) { return listDir(c, true) }),
			"GetCurrentDirectory": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				return c.Host.Files().StartLocation().ProviderPath(), nil
			}),
		}})
}

func copyOrMove(c *dotnet.Call, move bool) (any, error) {
	from, err := dotnetPath(c, 0)
	if err != nil {
		return nil, err
	}
	to, err := dotnetPath(c, 1)
	if err != nil {
		return nil, err
	}
	ns := c.Host.Files()
	fi, err := ns.Stat(from)
	if err != nil || fi.IsDir() {
		return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find file '%s'.", from.ProviderPath())}
	}
	overwrite := len(c.Args) > 2 && toBoolArg(c.Arg(2))
	if ns.Exists(to) && !overwrite {
		return nil, &dotnet.MethodException{Msg: fmt.Sprintf("The file '%s' already exists.", to.ProviderPath())}
	}
	if move {
		if err := ns.Rename(from, to); err != nil {
			return nil, ioException(err, to, false)
		}
		return dotnet.Void{}, nil
	}
	data, err := fsys.ReadFile(ns.FS(), ns.Host(from), 1<<30)
	if err != nil {
		return nil, ioException(err, from, true)
	}
	if err := ns.WriteFile(to, data, false); err != nil {
		return nil, ioException(err, to, false)
	}
	return dotnet.Void{}, nil
}

// listDir is Directory.GetFiles and GetDirectories: full paths, with an
// optional name pattern and AllDirectories search.
func listDir(c *dotnet.Call, dirs bool) (any, error) {
	p, err := dotnetPath(c, 0)
	if err != nil {
		return nil, err
	}
	pattern := "*"
	if len(c.Args) > 1 {
		pattern = c.Str(1)
	}
	all := len(c.Args) > 2 && strings.Contains(strings.ToLower(c.Host.ToStr(c.Arg(2))), "all")
	ns := c.Host.Files()
	if fi, err := ns.Stat(p); err != nil || !fi.IsDir() {
		return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Could not find a part of the path '%s'.", p.ProviderPath())}
	}
	var out []any
	var walk func(dir fsys.Path)
	walk = func(dir fsys.Path) {
		infos, _ := ns.ReadDir(dir)
		for _, fi := range infos {
			child := dir.Child(fi.Name())
			if fi.IsDir() == dirs && wildcard.Match(pattern, fi.Name()) {
				out = append(out, child.ProviderPath())
			}
			if all && fi.IsDir() {
				walk(child)
			}
		}
	}
	walk(p)
	if out == nil {
		out = []any{}
	}
	return out, nil
}

func toBoolArg(v any) bool {
	b, _ := object.Unwrap(v).(bool)
	return b
}

// fileBytes is WriteAllBytes' bytes argument, converted to a Byte[] as
// a method argument is: an element that is no byte is the argument's
// conversion error.
func fileBytes(c *dotnet.Call, i int) (string, error) {
	t, _ := c.Host.ResolveType("System.Byte[]")
	v, err := dotnet.ConvertArg(c.Host, c.Arg(i), t, "bytes", c.Name)
	if err != nil {
		return "", err
	}
	items, _ := object.Elements(object.Unwrap(v))
	b := make([]byte, 0, len(items))
	for _, it := range items {
		if n, ok := it.(uint8); ok {
			b = append(b, n)
		}
	}
	return string(b), nil
}
