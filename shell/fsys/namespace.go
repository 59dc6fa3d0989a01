package fsys

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/wildcard"
)

// Provider names a PowerShell provider.
type Provider string

// The providers a session has.
const (
	FileSystem  Provider = "FileSystem"
	Environment Provider = "Environment"
	Variable    Provider = "Variable"
	Function    Provider = "Function"
	Alias       Provider = "Alias"
)

// ProviderQualified returns PowerShell's full provider name
// (Microsoft.PowerShell.Core\FileSystem).
func (p Provider) Qualified() string { return "Microsoft.PowerShell.Core\\" + string(p) }

// Drive is one PowerShell drive.
type Drive struct {
	Name     string
	Provider Provider
	// Root is the drive's root as PowerShell shows it: "/", `C:\`, or ""
	// for the drives of session items (Env:, Variable: ...).
	Root string
	// Host is the host directory of the root (FileSystem drives).
	Host string
	// Windows drives separate with backslashes and find names without
	// regard to case, as Windows does.
	Windows     bool
	Description string

	cur string // current location on this drive, below the root
}

// Path is a location in the namespace: a drive and the names below its
// root, joined by "/" ("" is the root itself). Paths are always clean.
type Path struct {
	Drive *Drive
	Rel   string
}

// IsRoot reports whether the path is its drive's root.
func (p Path) IsRoot() bool { return p.Rel == "" }

// Name is the last name of the path (the drive's root text at the root).
func (p Path) Name() string {
	if p.Rel == "" {
		return p.Drive.rootText()
	}
	return path.Base(p.Rel)
}

// Parent returns the containing path; ok is false at the root.
func (p Path) Parent() (Path, bool) {
	if p.Rel == "" {
		return p, false
	}
	d := path.Dir(p.Rel)
	if d == "." {
		d = ""
	}
	return Path{Drive: p.Drive, Rel: d}, true
}

// Child returns the path of a name inside p.
func (p Path) Child(name string) Path {
	if p.Rel == "" {
		return Path{Drive: p.Drive, Rel: name}
	}
	return Path{Drive: p.Drive, Rel: p.Rel + "/" + name}
}

// Separator is the drive's path separator: \ on Windows drives and the
// session-item drives, / on the host's.
func (d *Drive) Separator() string { return d.sep() }

func (d *Drive) sep() string {
	if d.Windows || d.Provider != FileSystem {
		return `\`
	}
	return "/"
}

func (d *Drive) rootText() string {
	if d.Root != "" {
		return d.Root
	}
	return d.Name + `:\`
}

// ProviderPath is the path as the provider knows it: the full file name
// for files (`C:\Reports\x.csv`, `/tmp/x.csv`), the item's name for the
// other providers.
func (p Path) ProviderPath() string {
	if p.Drive.Provider != FileSystem {
		return strings.ReplaceAll(p.Rel, "/", `\`)
	}
	root := p.Drive.rootText()
	if p.Rel == "" {
		if p.Drive.Windows && len(root) > 3 {
			return strings.TrimSuffix(root, `\`)
		}
		return root
	}
	return root + strings.ReplaceAll(p.Rel, "/", p.Drive.sep())
}

// String is the PowerShell path: the provider path on drives named after
// their root (`C:\x`, `/x`), `Name:\rel` on the others (Env:\TEMP).
func (p Path) String() string {
	d := p.Drive
	if d.Provider == FileSystem && (d.Root == "/" || strings.EqualFold(d.Root, d.Name+`:\`)) {
		return p.ProviderPath()
	}
	return d.Name + `:\` + strings.ReplaceAll(p.Rel, "/", `\`)
}

// PSPath is the provider-qualified path (PSPath, PSParentPath).
func (p Path) PSPath() string {
	return p.Drive.Provider.Qualified() + "::" + p.ProviderPath()
}

// DriveNotFoundError is a drive name no drive has.
type DriveNotFoundError struct{ Name string }

func (e *DriveNotFoundError) Error() string {
	return fmt.Sprintf("Cannot find drive. A drive with the name '%s' does not exist.", e.Name)
}

// NetworkPathError is a UNC path (\\server\share\...): the simulated
// machine reaches no network shares, so such a path never exists.
type NetworkPathError struct{ Path string }

func (e *NetworkPathError) Error() string {
	return fmt.Sprintf("Cannot find path '%s' because it does not exist.", e.Path)
}

// HostPath returns the host file a UNC path would name on Linux, where
// PowerShell turns its backslashes into slashes and .NET collapses the
// leading pair (the text of "Could not find a part of the path").
func (e *NetworkPathError) HostPath() string {
	return path.Clean("/" + strings.ReplaceAll(e.Path, `\`, "/"))
}

// Config is what the host tells a new namespace.
type Config struct {
	FS FS
	// Cwd is the host directory the session starts in ("/" when empty).
	Cwd string
	// Home is the host home directory (~); Cwd when empty.
	Home string
	// DriveC is the host folder the simulated C: drive maps to; created
	// with the usual folders the first time a command reaches the drive.
	DriveC string
	// User is the simulated Windows user (C:\Users\<User>, $env:USERNAME).
	User string
	// Now stamps files the session writes (the simulated clock).
	Now func() time.Time
}

// Namespace is a session's drives and current location.
type Namespace struct {
	fs      FS
	drives  []*Drive
	current *Drive
	home    string
	user    string
	stacks  map[string][]Path
	start   Path
	ready   map[*Drive]bool
	now     func() time.Time
	// LineLimit is the most bytes a read takes without a line break
	// (MaxLine unless set).
	LineLimit int
}

// MaxLineBytes is the namespace's line limit.
func (n *Namespace) MaxLineBytes() int {
	if n.LineLimit > 0 {
		return n.LineLimit
	}
	return MaxLine
}

// Computer is the simulated machine's name ($env:COMPUTERNAME).
const Computer = "EXOSIM"

// New returns a namespace over c.FS with the "/" and C: drives, the Temp:
// drive inside C:, and the session-item drives.
func New(c Config) *Namespace {
	if c.FS == nil {
		c.FS = NewMem()
	}
	if c.Cwd == "" {
		c.Cwd = "/"
	}
	if c.Home == "" {
		c.Home = c.Cwd
	}
	if c.User == "" {
		c.User = "admin"
	}
	if c.DriveC == "" {
		c.DriveC = "/mnt/c"
	}
	n := &Namespace{fs: c.FS, home: clean(c.Home), user: c.User, stacks: map[string][]Path{}, ready: map[*Drive]bool{}, now: c.Now}
	root := &Drive{Name: "/", Provider: FileSystem, Root: "/", Host: "/", Description: "Root of the host's file system"}
	cdrive := &Drive{Name: "C", Provider: FileSystem, Root: `C:\`, Host: clean(c.DriveC), Windows: true, Description: "Simulated Windows system drive"}
	tempRel := "Users/" + c.User + "/AppData/Local/Temp"
	temp := &Drive{Name: "Temp", Provider: FileSystem, Root: `C:\` + strings.ReplaceAll(tempRel, "/", `\`) + `\`, Host: cdrive.Host + "/" + tempRel, Windows: true, Description: "Drive that maps to the temporary directory path for the current user"}
	n.drives = []*Drive{
		root,
		{Name: "Alias", Provider: Alias, Description: "Drive containing a view of the aliases stored in session state."},
		cdrive,
		{Name: "Env", Provider: Environment, Description: "Drive containing a view of the environment variables for the process."},
		{Name: "Function", Provider: Function, Description: "Drive containing a view of the functions stored in session state."},
		temp,
		{Name: "Variable", Provider: Variable, Description: "Drive containing a view of those variables stored in session state."},
	}
	root.cur = strings.TrimPrefix(clean(c.Cwd), "/")
	n.current = root
	n.start = Path{Drive: root, Rel: root.cur}
	return n
}

// FS returns the host file system.
func (n *Namespace) FS() FS { return n.fs }

// User is the simulated Windows user.
func (n *Namespace) User() string { return n.user }

// Now is the time to stamp written files with (zero: leave the host's).
func (n *Namespace) Now() time.Time {
	if n.now == nil {
		return time.Time{}
	}
	return n.now()
}

// Drives lists the drives in name order.
func (n *Namespace) Drives() []*Drive {
	out := append([]*Drive(nil), n.drives...)
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// MapFolder adds a FileSystem drive whose root is the folder at (Pester's
// TestDrive:), replacing a drive of that name. It returns false when at
// is not a folder.
func (n *Namespace) MapFolder(name string, at Path, description string) bool {
	if at.Drive == nil || at.Drive.Provider != FileSystem {
		return false
	}
	host := n.Host(at)
	if fi, err := n.fs.Stat(host); err != nil || !fi.IsDir() {
		return false
	}
	n.Unmap(name)
	root := at.ProviderPath()
	sep := at.Drive.sep()
	if !strings.HasSuffix(root, sep) {
		root += sep
	}
	n.drives = append(n.drives, &Drive{Name: name, Provider: FileSystem, Root: root, Host: host, Windows: at.Drive.Windows, Description: description})
	n.ready[n.drives[len(n.drives)-1]] = true
	return true
}

// Unmap removes a drive MapFolder added; the location moves back to the
// start when it was on that drive.
func (n *Namespace) Unmap(name string) {
	for i, d := range n.drives {
		if strings.EqualFold(d.Name, name) {
			n.drives = append(n.drives[:i:i], n.drives[i+1:]...)
			delete(n.ready, d)
			if n.current == d {
				n.current = n.start.Drive
			}
			return
		}
	}
}

// Drive finds a drive by name (case-insensitive).
func (n *Namespace) Drive(name string) (*Drive, bool) {
	for _, d := range n.drives {
		if strings.EqualFold(d.Name, name) {
			return d, true
		}
	}
	return nil, false
}

// Location is the current location.
func (n *Namespace) Location() Path { return Path{Drive: n.current, Rel: n.current.cur} }

// DriveLocation is a drive's current location (below its root).
func (d *Drive) Location() Path { return Path{Drive: d, Rel: d.cur} }

// SetLocation makes p the current location (the caller checked that it
// is a container).
func (n *Namespace) SetLocation(p Path) {
	p.Drive.cur = p.Rel
	n.current = p.Drive
}

// Push saves the current location on a named stack ("" is the default).
func (n *Namespace) Push(stack string) {
	k := strings.ToLower(stack)
	n.stacks[k] = append(n.stacks[k], n.Location())
}

// Pop removes and returns the last location pushed on a stack.
func (n *Namespace) Pop(stack string) (Path, bool) {
	k := strings.ToLower(stack)
	s := n.stacks[k]
	if len(s) == 0 {
		return Path{}, false
	}
	p := s[len(s)-1]
	n.stacks[k] = s[:len(s)-1]
	return p, true
}

// Stack returns a location stack, most recent first.
func (n *Namespace) Stack(stack string) []Path {
	s := n.stacks[strings.ToLower(stack)]
	out := make([]Path, 0, len(s))
	for i := len(s) - 1; i >= 0; i-- {
		out = append(out, s[i])
	}
	return out
}

const providerSep = "::"

// IsUNC reports whether s names a network share (\\server\share).
func IsUNC(s string) bool {
	if len(s) < 3 {
		return false
	}
	isSep := func(c byte) bool { return c == '\\' || c == '/' }
	return isSep(s[0]) && isSep(s[1]) && !isSep(s[2])
}

// SplitDrive splits "Name:rest"; ok is false when s has no drive part.
func SplitDrive(s string) (name, rest string, ok bool) { return splitDrive(s) }

func splitDrive(s string) (name, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || strings.HasPrefix(s[i:], providerSep) {
		return "", "", false
	}
	for _, r := range s[:i] {
		if !(r == '_' || r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "", "", false
		}
	}
	return s[:i], s[i+1:], true
}

// Resolve turns a PowerShell path into a namespace path. It accepts `\`
// and `/` as separators, drive-qualified paths (C:\x, c:/x, Env:TEMP,
// C:x relative to C:'s location), provider-qualified ones
// (FileSystem::/tmp), ~ for the home directory, "/..." for the host's
// root, "\..." for the current drive's root and anything else relative to
// the current location. Wildcards are kept as names; see Expand.
func (n *Namespace) Resolve(s string) (Path, error) { return n.ResolveFrom(n.Location(), s) }

// StartLocation is where the session started (the process's directory,
// which .NET methods take relative paths from).
func (n *Namespace) StartLocation() Path { return n.start }

// ResolveFrom is Resolve with relative paths taken from cur.
func (n *Namespace) ResolveFrom(cur Path, s string) (Path, error) {
	if i := strings.Index(s, providerSep); i > 0 {
		prov := s[:i]
		if j := strings.LastIndexByte(prov, '\\'); j >= 0 {
			prov = prov[j+1:]
		}
		rest := s[i+len(providerSep):]
		switch {
		case strings.EqualFold(prov, string(FileSystem)):
			if IsUNC(rest) {
				return Path{}, &NetworkPathError{Path: s}
			}
			if name, r, ok := splitDrive(rest); ok {
				return n.resolveOn(name, r)
			}
			return n.relative(Path{Drive: n.drives[0]}, rest), nil
		default:
			for _, d := range n.drives {
				if d.Provider != FileSystem && strings.EqualFold(string(d.Provider), prov) {
					return n.relative(Path{Drive: d}, rest), nil
				}
			}
			return Path{}, &ProviderNotFoundError{Name: prov}
		}
	}
	if IsUNC(s) {
		return Path{}, &NetworkPathError{Path: s}
	}
	if name, rest, ok := splitDrive(s); ok {
		return n.resolveOn(name, rest)
	}
	switch {
	case s == "~" || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`):
		if cur.Drive.Provider != FileSystem {
			return Path{}, &HomeError{}
		}
		return n.relative(Path{Drive: n.drives[0], Rel: strings.TrimPrefix(n.home, "/")}, s[1:]), nil
	case strings.HasPrefix(s, "/"):
		return n.relative(Path{Drive: n.drives[0]}, s), nil
	case strings.HasPrefix(s, `\`):
		return n.relative(Path{Drive: cur.Drive}, s), nil
	}
	return n.relative(cur, s), nil
}

// ProviderNotFoundError is an unknown provider name in Name::path.
type ProviderNotFoundError struct{ Name string }

func (e *ProviderNotFoundError) Error() string {
	return fmt.Sprintf("Cannot find a provider with the name '%s'.", e.Name)
}

// HomeError is ~ on a drive whose provider has no home.
type HomeError struct{}

func (e *HomeError) Error() string {
	return "Home location for this provider is not set. To set the home location, call \"(get-psprovider 'FileSystem').Home = 'path'\"."
}

func (n *Namespace) resolveOn(name, rest string) (Path, error) {
	d, ok := n.Drive(name)
	if !ok {
		return Path{}, &DriveNotFoundError{Name: name}
	}
	if strings.HasPrefix(rest, `\`) || strings.HasPrefix(rest, "/") {
		return n.relative(Path{Drive: d}, rest), nil
	}
	return n.relative(d.Location(), rest), nil
}

// relative applies a relative path (either separator, "." and "..") to base.
func (n *Namespace) relative(base Path, s string) Path {
	var parts []string
	if base.Rel != "" {
		parts = strings.Split(base.Rel, "/")
	}
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '\\' }) {
		switch c {
		case ".":
		case "..":
			if len(parts) > 0 {
				parts = parts[:len(parts)-1]
			}
		default:
			parts = append(parts, c)
		}
	}
	return Path{Drive: base.Drive, Rel: strings.Join(parts, "/")}
}

// Host returns the host file of a FileSystem path. On Windows drives each
// existing name is found without regard to case (C:\reports finds
// C:\Reports); the drive's folder is made the first time it is reached.
func (n *Namespace) Host(p Path) string {
	d := p.Drive
	if d.Provider != FileSystem {
		return ""
	}
	if !d.Windows {
		return clean(d.Host + "/" + p.Rel)
	}
	n.prepare(d)
	cur := d.Host
	if p.Rel == "" {
		return cur
	}
	for _, name := range strings.Split(p.Rel, "/") {
		next := cur + "/" + name
		if _, err := n.fs.Stat(next); err != nil {
			if infos, err := n.fs.ReadDir(cur); err == nil {
				for _, fi := range infos {
					if strings.EqualFold(fi.Name(), name) {
						next = cur + "/" + fi.Name()
						break
					}
				}
			}
		}
		cur = next
	}
	return cur
}

// Canonical returns p with the names of its existing part spelled as on
// disk (Windows drives find names without regard to case).
func (n *Namespace) Canonical(p Path) Path {
	if !p.Drive.Windows || p.Drive.Provider != FileSystem || p.Rel == "" {
		return p
	}
	host := n.Host(p)
	rel := strings.TrimPrefix(host, p.Drive.Host)
	rel = strings.TrimPrefix(rel, "/")
	if strings.Count(rel, "/") != strings.Count(p.Rel, "/") {
		return p
	}
	return Path{Drive: p.Drive, Rel: rel}
}

// prepare makes a Windows drive's folder, with a fresh machine's folders
// (C:\Temp and the user's profile), the first time the session reaches it.
func (n *Namespace) prepare(d *Drive) {
	if n.ready[d] {
		return
	}
	n.ready[d] = true
	c, _ := n.Drive("C")
	if _, err := n.fs.Stat(c.Host); err == nil {
		return
	}
	profile := c.Host + "/Users/" + n.user
	for _, dir := range []string{"/Temp", "/Users/" + n.user} {
		_ = n.fs.MkdirAll(c.Host + dir)
	}
	for _, dir := range []string{"Desktop", "Documents", "Downloads", "AppData/Roaming", "AppData/Local/Temp"} {
		_ = n.fs.MkdirAll(profile + "/" + dir)
	}
	if t := n.Now(); !t.IsZero() {
		for _, dir := range []string{"", "/Temp", "/Users", "/Users/" + n.user, "/Users/" + n.user + "/Desktop", "/Users/" + n.user + "/Documents",
			"/Users/" + n.user + "/Downloads", "/Users/" + n.user + "/AppData", "/Users/" + n.user + "/AppData/Roaming",
			"/Users/" + n.user + "/AppData/Local", "/Users/" + n.user + "/AppData/Local/Temp"} {
			_ = n.fs.Chtimes(c.Host+dir, t)
		}
	}
}

// Stat returns a FileSystem path's host file information.
func (n *Namespace) Stat(p Path) (fs.FileInfo, error) {
	return n.fs.Stat(n.Host(p))
}

// Exists reports whether a FileSystem path exists.
func (n *Namespace) Exists(p Path) bool {
	_, err := n.Stat(p)
	return err == nil
}

// ReadDir lists a FileSystem container.
func (n *Namespace) ReadDir(p Path) ([]fs.FileInfo, error) {
	return n.fs.ReadDir(n.Host(p))
}

// Expand resolves a path that may hold wildcards into the existing paths
// it matches, in name order. A path without wildcards resolves to itself
// whether or not it exists.
func (n *Namespace) Expand(s string) ([]Path, error) {
	p, err := n.Resolve(s)
	if err != nil {
		return nil, err
	}
	if !wildcard.Has(p.Rel) {
		return []Path{p}, nil
	}
	if p.Drive.Provider != FileSystem {
		return []Path{p}, nil
	}
	cur := []Path{{Drive: p.Drive}}
	for _, name := range strings.Split(p.Rel, "/") {
		var next []Path
		for _, c := range cur {
			if !wildcard.Has(name) {
				child := c.Child(name)
				if n.Exists(child) {
					next = append(next, child)
				}
				continue
			}
			infos, err := n.ReadDir(c)
			if err != nil {
				continue
			}
			for _, fi := range infos {
				if wildcard.Match(name, fi.Name()) {
					next = append(next, c.Child(fi.Name()))
				}
			}
		}
		cur = next
	}
	return cur, nil
}

// SetClock sets the clock that stamps what the session writes.
func (n *Namespace) SetClock(now func() time.Time) { n.now = now }

// stamp gives a written file the session's time and, on a Windows drive
// (a folder exosim owns), its folder too, so listings repeat run to run.
func (n *Namespace) stamp(p Path) {
	t := n.Now()
	if t.IsZero() {
		return
	}
	_ = n.fs.Chtimes(n.Host(p), t)
	if parent, ok := p.Parent(); ok && p.Drive.Windows {
		_ = n.fs.Chtimes(n.Host(parent), t)
	}
}

// WriteFile writes a file (replacing it, or adding with appendTo).
func (n *Namespace) WriteFile(p Path, data []byte, appendTo bool) error {
	if err := WriteFile(n.fs, n.Host(p), data, appendTo, time.Time{}); err != nil {
		return err
	}
	n.stamp(p)
	return nil
}

// Mkdir makes a directory (and its parents with all).
func (n *Namespace) Mkdir(p Path, all bool) error {
	var err error
	if all {
		err = n.fs.MkdirAll(n.Host(p))
	} else {
		err = n.fs.Mkdir(n.Host(p))
	}
	if err == nil {
		n.stamp(p)
	}
	return err
}

// Remove removes a file or directory (a non-empty one only with recurse).
func (n *Namespace) Remove(p Path, recurse bool) error {
	var err error
	if recurse {
		err = n.fs.RemoveAll(n.Host(p))
	} else {
		err = n.fs.Remove(n.Host(p))
	}
	if err == nil {
		if parent, ok := p.Parent(); ok && p.Drive.Windows && !n.Now().IsZero() {
			_ = n.fs.Chtimes(n.Host(parent), n.Now())
		}
	}
	return err
}

// Rename moves a file or directory.
func (n *Namespace) Rename(from, to Path) error {
	err := n.fs.Rename(n.Host(from), n.Host(to))
	if err == nil && !n.Now().IsZero() {
		for _, p := range []Path{from, to} {
			if parent, ok := p.Parent(); ok && p.Drive.Windows {
				_ = n.fs.Chtimes(n.Host(parent), n.Now())
			}
		}
	}
	return err
}

// IsNotExist reports whether err means a missing file or directory.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
