package module

import (
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/provider"
)

// Extensions of the module files exosim loads, in the order a module's
// folder is searched.
var extensions = [...]string{".psd1", ".psm1"}

// IsPath reports whether a module name is written as a path: it holds a
// separator or ends in a module file's extension (.psm1, .psd1, .ps1,
// .dll), so it is looked for as a file, not in the module folders.
func IsPath(name string) bool {
	if strings.ContainsAny(name, `/\`) {
		return true
	}
	l := strings.ToLower(name)
	for _, e := range [...]string{".psm1", ".psd1", ".ps1", ".dll"} {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// Find returns the module file a name stands for, as its full path. A
// name written as a path (IsPath) is found from the folder base (the
// current location when base is empty): a module file itself, or a
// folder holding one of its own name (.psd1 first, then .psm1). A bare
// name is a folder of that name in one of the module folders modulePath
// lists (each holding the module file, or version folders holding it,
// the highest version first).
func Find(ns *fsys.Namespace, name, base string, modulePath []string) (string, bool) {
	if IsPath(name) {
		p := name
		if base != "" && !prelude.IsPathRooted(name) {
			p = base + "/" + name
		}
		return file(ns, p)
	}
	for _, dir := range modulePath {
		if dir == "" {
			continue
		}
		if p, ok := inFolder(ns, dir+"/"+name, name); ok {
			return p, true
		}
	}
	return "", false
}

// file finds the module file path names: the file, or the module file of
// the folder it names.
func file(ns *fsys.Namespace, path string) (string, bool) {
	p, err := ns.Resolve(path)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return "", false
	}
	fi, err := ns.Stat(p)
	if err != nil {
		return "", false
	}
	full := ns.Canonical(p).String()
	if !fi.IsDir() {
		return full, true
	}
	return inFolder(ns, full, p.Name())
}

// inFolder finds the module file of module name in its folder dir:
// name.psd1 or name.psm1 there, else in its version folders.
func inFolder(ns *fsys.Namespace, dir, name string) (string, bool) {
	for _, e := range extensions {
		if p := dir + "/" + name + e; provider.Exists(ns, p) {
			return provider.FullPath(ns, p), true
		}
	}
	p, err := ns.Resolve(dir)
	if err != nil {
		return "", false
	}
	infos, err := ns.ReadDir(p)
	if err != nil {
		return "", false
	}
	best, bestPath := "", ""
	for _, fi := range infos {
		if !fi.IsDir() || !isVersion(fi.Name()) {
			continue
		}
		for _, e := range extensions {
			q := dir + "/" + fi.Name() + "/" + name + e
			if provider.Exists(ns, q) && (best == "" || CompareVersions(fi.Name(), best) > 0) {
				best, bestPath = fi.Name(), provider.FullPath(ns, q)
				break
			}
		}
	}
	return bestPath, bestPath != ""
}

// isVersion reports whether a folder name is a version (1.2, 1.2.3.4).
func isVersion(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// CompareVersions orders two versions written as dotted numbers.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		x, y := 0, 0
		if i < len(pa) {
			x = atoi(pa[i])
		}
		if i < len(pb) {
			y = atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// Folder is the folder of a module file's full path (ModuleBase).
func Folder(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	if i <= 0 {
		return path[:i+1]
	}
	return path[:i]
}
