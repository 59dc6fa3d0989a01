package module

import (
	"sort"
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

// Find returns the module file a name stands for, as its full path: the
// first of its Candidates.
func Find(ns *fsys.Namespace, name, base string, modulePath []string) (string, bool) {
	c := Candidates(ns, name, base, modulePath)
	if len(c) == 0 {
		return "", false
	}
	return c[0].Path, true
}

// Candidate is a module file a name may stand for: its full path, and
// the version its version folder names ("" for a file in no version
// folder).
type Candidate struct {
	Path, FolderVersion string
}

// Candidates lists the module files a name stands for, as full paths, in
// the order Import-Module tries them. A name written as a path (IsPath)
// is found from the folder base (the current location when base is
// empty): a module file itself, or a folder holding one of its own name.
// A bare name is a folder of that name in one of the module folders
// modulePath lists. A module folder holds version folders (the highest
// version first), each holding the module file, or the module file
// itself (.psd1 first, then .psm1).
func Candidates(ns *fsys.Namespace, name, base string, modulePath []string) []Candidate {
	if IsPath(name) {
		p := name
		if base != "" && !prelude.IsPathRooted(name) {
			p = base + "/" + name
		}
		return file(ns, p)
	}
	var out []Candidate
	for _, dir := range modulePath {
		if dir != "" {
			out = append(out, inFolder(ns, dir+"/"+name, name)...)
		}
	}
	return out
}

// file finds the module file path names: the file, or the module files of
// the folder it names.
func file(ns *fsys.Namespace, path string) []Candidate {
	p, err := ns.Resolve(path)
	if err != nil || p.Drive.Provider != fsys.FileSystem {
		return nil
	}
	fi, err := ns.Stat(p)
	if err != nil {
		return nil
	}
	full := ns.Canonical(p).String()
	if !fi.IsDir() {
		return []Candidate{{Path: full}}
	}
	return inFolder(ns, full, p.Name())
}

// inFolder lists the module files of module name in its folder dir: in
// its version folders, the highest version first, then name.psd1 or
// name.psm1 in the folder itself.
func inFolder(ns *fsys.Namespace, dir, name string) []Candidate {
	var out []Candidate
	if p, err := ns.Resolve(dir); err == nil {
		infos, _ := ns.ReadDir(p)
		for _, fi := range infos {
			if !fi.IsDir() || !isVersion(fi.Name()) {
				continue
			}
			for _, e := range extensions {
				if q := dir + "/" + fi.Name() + "/" + name + e; provider.Exists(ns, q) {
					out = append(out, Candidate{Path: provider.FullPath(ns, q), FolderVersion: fi.Name()})
					break
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return CompareVersions(out[i].FolderVersion, out[j].FolderVersion) > 0 })
	for _, e := range extensions {
		if p := dir + "/" + name + e; provider.Exists(ns, p) {
			return append(out, Candidate{Path: provider.FullPath(ns, p)})
		}
	}
	return out
}

// Folder is the folder of a module file's full path (ModuleBase).
func Folder(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	if i <= 0 {
		return path[:i+1]
	}
	return path[:i]
}

// SplitPath lists the folders of a module path ($env:PSModulePath): its
// entries are separated by ';', or on Unix by ':' (a drive's colon, as in
// C:\Modules, separates nothing).
func SplitPath(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		for len(part) > 0 {
			i := strings.IndexByte(part, ':')
			if i == 1 && len(part) > 2 && (part[2] == '\\' || part[2] == '/') {
				// a drive letter: the next colon ends the entry
				if j := strings.IndexByte(part[2:], ':'); j >= 0 {
					i = j + 2
				} else {
					i = -1
				}
			}
			if i < 0 {
				out = append(out, part)
				break
			}
			out = append(out, part[:i])
			part = part[i+1:]
		}
	}
	return out
}
