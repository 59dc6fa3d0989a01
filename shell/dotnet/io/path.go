package io

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.IO.Path as .NET has it on Linux, where exosim runs as
// PowerShell does: only / separates directories and / is the root, so a
// backslash is part of a name ('a\b.txt' is one file name). A path on a
// simulated Windows drive ("C:\Reports\x.csv") or a network share
// ("\\server\share") keeps Windows rules instead, as the drive itself
// does: both \ and / separate there, "C:" is a volume, and Combine joins
// with \.

// windowsPath reports whether p is a path of a simulated Windows drive or
// share: a drive letter and a colon, or two backslashes.
func windowsPath(p string) bool {
	return len(p) >= 2 && (p[1] == ':' && isLetterByte(p[0]) || p[0] == '\\' && p[1] == '\\')
}

// isSepIn reports whether c separates directories in a path of the kind
// win says (windowsPath).
func isSepIn(win bool, c byte) bool { return c == '/' || win && c == '\\' }

// isSep reports whether c separates directories in a Windows path.
func isSep(c byte) bool { return isSepIn(true, c) }

// pathRootLen is the length of the root of p: "C:\", "C:",
// "\\server\share\" on a Windows drive, "/" otherwise.
func pathRootLen(p string) int {
	switch {
	case len(p) >= 2 && p[1] == ':' && isLetterByte(p[0]):
		if len(p) >= 3 && isSep(p[2]) {
			return 3
		}
		return 2
	case len(p) >= 2 && p[0] == '\\' && p[1] == '\\':
		// UNC: \\server\share\
		n := 2
		for seps := 0; n < len(p) && seps < 2; n++ {
			if isSep(p[n]) {
				seps++
			}
		}
		return n
	case len(p) >= 1 && p[0] == '/':
		return 1
	}
	return 0
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isRooted(p string) bool { return pathRootLen(p) > 0 }

func fileNameOf(p string) string {
	win := windowsPath(p)
	for i := len(p) - 1; i >= 0; i-- {
		if isSepIn(win, p[i]) || (win && i == 1 && p[i] == ':') {
			return p[i+1:]
		}
	}
	return p
}

// joinSep is the separator Combine and Join put after p: \ on a Windows
// drive, / elsewhere.
func joinSep(p string) string {
	if windowsPath(p) {
		return `\`
	}
	return "/"
}

func extensionOf(p string) string {
	name := fileNameOf(p)
	i := strings.LastIndexByte(name, '.')
	if i < 0 || i == len(name)-1 {
		return ""
	}
	return name[i:]
}

// pathArgs reads string arguments, refusing $null as .NET does.
func pathArgs(c *dotnet.Call) ([]string, error) {
	out := make([]string, len(c.Args))
	for i, a := range c.Args {
		if a == nil {
			param := "path"
			if len(c.Args) > 1 {
				param = fmt.Sprintf("path%d", i+1)
			}
			return nil, dotnet.Throw("Value cannot be null. (Parameter '%s')", param)
		}
		out[i] = c.Host.ToStr(a)
	}
	return out, nil
}

// tempPath is Path.GetTempPath(): %TEMP% with a trailing separator, or the
// simulated user's profile temp folder.
func tempPath(h dotnet.Host) string {
	t, ok := h.Env().Get("TEMP")
	if !ok || t == "" || !strings.Contains(t, `\`) {
		t = `C:\Users\admin\AppData\Local\Temp`
	}
	if !strings.HasSuffix(t, `\`) {
		t += `\`
	}
	return t
}

// TempPath is Path.GetTempPath(): the folder temporary files go to.
func TempPath(h dotnet.Host) string { return tempPath(h) }

// NewTempFile is Path.GetTempFileName(): it creates an empty file
// tmpXXXX.tmp in the temp folder and returns its full path. XXXX is a
// number of one to four hex digits, drawn from the session's seeded
// generator (so runs repeat); while a file of that name exists the next
// number is tried, as Windows' GetTempFileName does, and when all 65,535
// are taken it fails with "The file exists.".
func NewTempFile(h dotnet.Host) (string, error) {
	dir := tempPath(h)
	g := h.NewGuid()
	n := uint16(g[0])<<8 | uint16(g[1])
	for range 0xFFFF {
		if n == 0 {
			n = 1
		}
		name := dir + fmt.Sprintf("tmp%X.tmp", n)
		p, err := hostPath(h, name)
		if err != nil {
			return "", err
		}
		if _, err := h.Files().Stat(p); err != nil {
			if _, err := writeText(&dotnet.Call{Host: h, Args: []any{name}, Name: "GetTempFileName"}, 0, "", false); err != nil {
				return "", err
			}
			return name, nil
		}
		n++
	}
	return "", &dotnet.TypedException{Msg: fmt.Sprintf("The file exists. : '%s'", dir), Type: "System.IO.IOException"}
}

// FileInfo is the System.IO.FileInfo of a path, as [IO.FileInfo]::new
// gives it: for an existing file the object Get-Item writes.
func FileInfo(h dotnet.Host, path string) (*object.PSObject, error) { return pathInfo(h, path, false) }

// declarePath declares System.IO.Path.
func declarePath() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IO.Path", Assembly: "System.Runtime",
		Static: dotnet.Members{
			"DirectorySeparatorChar":    dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char('/'), nil }),
			"AltDirectorySeparatorChar": dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char('/'), nil }),
			"PathSeparator":             dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char(':'), nil }),
			"VolumeSeparatorChar":       dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char('/'), nil }),
			"Combine": dotnet.Method(1, -1, func(c *dotnet.Call) (any, error) {
				parts, err := pathArgs(c)
				if err != nil {
					return nil, err
				}
				if len(parts) == 1 {
					if items, ok := object.Elements(object.Unwrap(c.Arg(0))); ok {
						parts = parts[:0]
						for _, it := range items {
							parts = append(parts, c.Host.ToStr(it))
						}
					}
				}
				out := ""
				for _, p := range parts {
					switch {
					case p == "":
					case isRooted(p) || out == "":
						out = p
					case isSepIn(windowsPath(out), out[len(out)-1]) || windowsPath(out) && strings.HasSuffix(out, ":"):
						out += p
					default:
						out += joinSep(out) + p
					}
				}
				return out, nil
			}),
			"Join": dotnet.Method(1, -1, func(c *dotnet.Call) (any, error) {
				out := ""
				for i := range c.Args {
					p := c.Str(i)
					switch {
					case p == "":
					case out == "":
						out = p
					case isSepIn(windowsPath(out), out[len(out)-1]) || isSepIn(windowsPath(out), p[0]):
						out += p
					default:
						out += joinSep(out) + p
					}
				}
				return out, nil
			}),
			"GetFileName": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				return fileNameOf(c.Str(0)), nil
			}),
			"GetFileNameWithoutExtension": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				name := fileNameOf(c.Str(0))
				if i := strings.LastIndexByte(name, '.'); i >= 0 {
					return name[:i], nil
				}
				return name, nil
			}),
			"GetExtension": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				return extensionOf(c.Str(0)), nil
			}),
			"HasExtension": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return extensionOf(c.Str(0)) != "", nil }),
			"ChangeExtension": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				p := c.Str(0)
				if ext := extensionOf(p); ext != "" {
					p = p[:len(p)-len(ext)]
				} else {
					p = strings.TrimSuffix(p, ".")
				}
				if c.Arg(1) == nil {
					return p, nil
				}
				e := c.Str(1)
				if !strings.HasPrefix(e, ".") {
					e = "." + e
				}
				return p + e, nil
			}),
			"GetDirectoryName": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				p := c.Str(0)
				if p == "" {
					return nil, dotnet.Throw("The path is empty. (Parameter 'path')")
				}
				if !windowsPath(p) {
					return unixDirectoryName(p), nil
				}
				p = strings.ReplaceAll(p, "/", `\`)
				root := pathRootLen(p)
				if len(p) <= root {
					return nil, nil
				}
				i := strings.LastIndexByte(p, '\\')
				if i < root {
					return p[:root], nil
				}
				dir := strings.TrimRight(p[:i], `\`)
				if len(dir) < root {
					return p[:root], nil
				}
				return dir, nil
			}),
			"GetPathRoot": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return nil, nil
				}
				p := c.Str(0)
				if !windowsPath(p) {
					return p[:pathRootLen(p)], nil
				}
				return strings.ReplaceAll(p[:pathRootLen(p)], "/", `\`), nil
			}),
			"IsPathRooted": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return isRooted(c.Str(0)), nil }),
			"IsPathFullyQualified": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p := c.Str(0)
				n := pathRootLen(p)
				return n >= 3 || (n > 1 && isSep(p[0])) || n == 1 && p[0] == '/', nil
			}),
			"GetTempPath":     dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return tempPath(c.Host), nil }),
			"GetTempFileName": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return NewTempFile(c.Host) }),
			"GetRandomFileName": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				const alphabet = "abcdefghijklmnopqrstuvwxyz012345"
				g := c.Host.NewGuid()
				var b strings.Builder
				for i := 0; i < 11; i++ {
					if i == 8 {
						b.WriteByte('.')
					}
					b.WriteByte(alphabet[g[i]%32])
				}
				return b.String(), nil
			}),
			"GetInvalidFileNameChars": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				out := []any{}
				for _, r := range "\"<>|\x00" {
					out = append(out, object.Char(r))
				}
				for r := rune(1); r < 32; r++ {
					out = append(out, object.Char(r))
				}
				for _, r := range ":*?\\/" {
					out = append(out, object.Char(r))
				}
				return out, nil
			}),
			"GetInvalidPathChars": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				out := []any{object.Char('|'), object.Char(0)}
				for r := rune(1); r < 32; r++ {
					out = append(out, object.Char(r))
				}
				return out, nil
			}),
			// GetFullPath cleans a drive- or UNC-rooted path; any other
			// path is taken from the process's directory, as .NET does
			// (not from PowerShell's current location).
			"GetFullPath": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				if c.Args[0] == nil {
					return nil, dotnet.Throw("Value cannot be null. (Parameter 'path')")
				}
				p := c.Str(0)
				if len(c.Args) == 2 && !isRooted(p) {
					// GetFullPath(path, basePath) takes a relative path from basePath.
					if c.Args[1] == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 'basePath')")
					}
					base := c.Str(1)
					if !isRooted(base) {
						return nil, dotnet.Throw("Basepath argument is not fully qualified. (Parameter 'basePath')")
					}
					if !strings.HasSuffix(base, `\`) && !strings.HasSuffix(base, "/") {
						if strings.HasPrefix(base, "/") {
							base += "/"
						} else {
							base += `\`
						}
					}
					p = base + p
				}
				if pathRootLen(p) >= 3 {
					return cleanWindowsPath(p), nil
				}
				full, err := hostPath(c.Host, p)
				if err != nil {
					return nil, err
				}
				return full.ProviderPath(), nil
			}),
		}})
}

// cleanWindowsPath resolves . and .. and normalizes separators.
func cleanWindowsPath(p string) string {
	p = strings.ReplaceAll(p, "/", `\`)
	root := pathRootLen(p)
	var parts []string
	for _, s := range strings.Split(p[root:], `\`) {
		switch s {
		case "", ".":
		case "..":
			if len(parts) > 0 {
				parts = parts[:len(parts)-1]
			}
		default:
			parts = append(parts, s)
		}
	}
	out := p[:root] + strings.Join(parts, `\`)
	if strings.HasSuffix(p, `\`) && len(parts) > 0 {
		out += `\`
	}
	return out
}

// unixDirectoryName is Path.GetDirectoryName of a path that is not on a
// Windows drive: everything before the last /, without the slashes that
// end it ("/" itself for a file at the root), "" for a bare name, and
// nil for the root.
func unixDirectoryName(p string) any {
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return ""
	case strings.TrimLeft(p, "/") == "":
		return nil
	}
	dir := strings.TrimRight(p[:i], "/")
	if dir == "" {
		return "/"
	}
	return dir
}
