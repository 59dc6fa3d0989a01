package module

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/syntax"
)

// What Get-Module -ListAvailable finds: the modules of the folders
// $env:PSModulePath lists, read without being loaded.

// AvailableFiles lists the module files under the module folder dir as
// Get-Module -ListAvailable finds them, as full paths. A folder is a
// module's when it holds version folders with the manifest of its name
// (each listed, the highest version first), else when it holds its own
// .psd1 or .psm1 (the first of them); the folders of a folder that is no
// module's are searched in turn, breadth first.
func AvailableFiles(ns *fsys.Namespace, dir string) []string {
	var out []string
	queue := []string{dir}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		p, err := ns.Resolve(d)
		if err != nil {
			continue
		}
		infos, _ := ns.ReadDir(p)
		var subdirs, versions []string
		for _, fi := range infos {
			if fi.IsDir() {
				subdirs = append(subdirs, d+"/"+fi.Name())
				if isVersion(fi.Name()) {
					versions = append(versions, fi.Name())
				}
			}
		}
		sort.SliceStable(versions, func(i, j int) bool { return CompareVersions(versions[i], versions[j]) > 0 })
		name := d[strings.LastIndexAny(d, `/\`)+1:]
		found := false
		for _, v := range versions {
			if m := d + "/" + v + "/" + name + ".psd1"; provider.Exists(ns, m) {
				out = append(out, provider.FullPath(ns, m))
				found = true
			}
		}
		if !found {
			for _, e := range extensions {
				if f := d + "/" + name + e; provider.Exists(ns, f) {
					out = append(out, provider.FullPath(ns, f))
					found = true
					break
				}
			}
		}
		if !found {
			queue = append(queue, subdirs...)
		}
	}
	return out
}

// InVersionFolder reports the version of the version folder a module file
// is in (module/1.2.0/module.psd1), "" for none.
func InVersionFolder(path string) string {
	dir := Folder(path)
	v := dir[strings.LastIndexAny(dir, `/\`)+1:]
	parent := Folder(dir)
	if !isVersion(v) || !strings.EqualFold(parent[strings.LastIndexAny(parent, `/\`)+1:], NameFromPath(path)) {
		return ""
	}
	return v
}

// ListDirectory is the folder Get-Module -ListAvailable groups a module
// under: the folder holding the module's folder (a version folder
// skipped).
func ListDirectory(path string) string {
	dir := Folder(path)
	if isVersion(dir[strings.LastIndexAny(dir, `/\`)+1:]) {
		dir = Folder(dir)
	}
	return Folder(dir)
}

// Analyze reads what a script module's file exports without running it,
// as PowerShell's module analysis does: the functions it defines (not
// those inside other functions) and the aliases Set-Alias and New-Alias
// make, narrowed to what its Export-ModuleMember calls name when it has
// any. Names are in the order the file has them.
func Analyze(sb *syntax.ScriptBlock) (functions, aliases []string) {
	var fnPatterns, aliasPatterns []string
	exported := false
	syntax.Inspect(sb, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.FunctionDef:
			functions = append(functions, x.Name)
			return false
		case *syntax.CommandExpr:
			name, args := commandWords(x)
			switch strings.ToLower(name) {
			case "set-alias", "new-alias":
				if a := argument(args, "Name", 0); len(a) > 0 {
					aliases = append(aliases, a[0])
				}
			case "export-modulemember":
				exported = true
				fnPatterns = append(fnPatterns, argument(args, "Function", 0)...)
				aliasPatterns = append(aliasPatterns, argument(args, "Alias", -1)...)
			}
		}
		return true
	})
	if exported {
		functions = matching(functions, fnPatterns)
		aliases = matching(aliases, aliasPatterns)
	}
	return functions, aliases
}

func matching(names, patterns []string) []string {
	var out []string
	for _, n := range names {
		if MatchAny(patterns, n) {
			out = append(out, n)
		}
	}
	return out
}

// commandWords is a command's name and its argument elements when the
// name is written out.
func commandWords(c *syntax.CommandExpr) (string, []syntax.Node) {
	if len(c.Elements) == 0 {
		return "", nil
	}
	s, ok := c.Elements[0].(*syntax.StringConstExpr)
	if !ok {
		return "", nil
	}
	return s.Value, c.Elements[1:]
}

// argument is the constant text of a command's named argument (a prefix
// of the name will do), or of its positional argument at pos (-1: none):
// one string, or an array of them.
func argument(args []syntax.Node, name string, pos int) []string {
	n := 0
	for i := 0; i < len(args); i++ {
		if p, ok := args[i].(*syntax.CommandParameter); ok {
			var v syntax.Node = p.Arg
			if p.Arg == nil && i+1 < len(args) {
				i++
				v = args[i]
			}
			if p.Name != "" && strings.HasPrefix(strings.ToLower(name), strings.ToLower(p.Name)) {
				return constants(v)
			}
			continue
		}
		if n == pos {
			return constants(args[i])
		}
		n++
	}
	return nil
}

// constants are the strings a constant argument holds.
func constants(n syntax.Node) []string {
	switch x := n.(type) {
	case *syntax.StringConstExpr:
		return []string{x.Value}
	case *syntax.ArrayLiteralExpr:
		var out []string
		for _, e := range x.Elements {
			out = append(out, constants(e)...)
		}
		return out
	}
	return nil
}
