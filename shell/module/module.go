// Package module is what a session keeps of the script modules it
// imported: each module's name, file and folder, the members it exports
// (what Export-ModuleMember named, else every function and alias), where
// its members were imported, and the session's table of loaded modules.
// The interpreter runs a module's file in the module's own scope (linked
// to the global scope, not to the importer's) and keeps that scope in the
// module; this package does not import the interpreter.
package module

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// Kinds of module (PSModuleInfo.ModuleType).
const (
	Script       = "Script"
	ManifestKind = "Manifest"
)

// Module is one loaded module (a PSModuleInfo).
type Module struct {
	// Name is the file's base name (a manifest's, for a manifest module).
	Name string
	// Path is the module's file: the .psm1 (a manifest's root module),
	// or the .psd1 of a manifest without one; Base is the folder
	// (ModuleBase); ManifestPath the .psd1 it was imported by, if any.
	Path, Base, ManifestPath string
	// Kind is Script or Manifest; Version is the manifest's ModuleVersion,
	// 0.0 without one.
	Kind, Version string
	// The manifest's descriptive fields (empty without one).
	Description, Author, CompanyName, Copyright, Guid string
	// State is the module's scope as the interpreter keeps it: where its
	// file ran and where its functions, variables and classes live.
	State any
	// Functions, Variables and Aliases are the names it exports, sorted
	// and without duplicates; Cmdlets those a manifest's CmdletsToExport
	// names (read, never loaded).
	Functions, Variables, Aliases, Cmdlets []string
	// Explicit is set once Export-ModuleMember ran in the module: only
	// what it named is exported.
	Explicit bool
	// Prefix is the noun prefix its commands were last imported with.
	Prefix string
	// Nested are the modules imported into its scope.
	Nested []*Module
	// Imports are the members imported from it into other scopes, which
	// Remove-Module takes away.
	Imports []Import
	// Editions are the manifest's CompatiblePSEditions.
	Editions []string
	// info is the module's PSModuleInfo once made (Info).
	info *object.PSObject
}

// Member kinds of an Import.
const (
	Function = "Function"
	Variable = "Variable"
	Alias    = "Alias"
)

// Import is one member of a module imported into a scope.
type Import struct {
	// Scope is the interpreter's scope the member was defined in.
	Scope any
	// Kind is Function, Variable or Alias; Name the name it has there
	// (with the prefix).
	Kind, Name string
}

// ExportedCommands are the names of the commands it exports, with the
// prefix they were imported with: cmdlets, functions, then aliases (a
// name in two counts once), as PSModuleInfo.ExportedCommands lists them.
func (m *Module) ExportedCommands() []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{m.Cmdlets, m.Functions, m.Aliases} {
		for _, n := range list {
			n = AddPrefix(n, m.Prefix)
			if k := strings.ToLower(n); !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// Export adds the names among have that match a pattern to the module's
// exports of kind: Export-ModuleMember exports the members the module
// scope holds when it runs, and each call adds to the earlier ones.
func (m *Module) Export(kind string, patterns, have []string) {
	list := m.list(kind)
	for _, n := range have {
		if MatchAny(patterns, n) {
			*list = append(*list, n)
		}
	}
	*list = SortUnique(*list)
}

func (m *Module) list(kind string) *[]string {
	switch kind {
	case Variable:
		return &m.Variables
	case Alias:
		return &m.Aliases
	}
	return &m.Functions
}

// Exports reports whether the module exports the member of that kind and
// name.
func (m *Module) Exports(kind, name string) bool {
	for _, n := range *m.list(kind) {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// SortUnique sorts names ignoring case (ordinal) and drops the repeats.
func SortUnique(names []string) []string {
	sort.SliceStable(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	out := names[:0]
	for i, n := range names {
		if i > 0 && strings.EqualFold(n, out[len(out)-1]) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// MatchAny reports whether name matches one of the wildcard patterns
// (ignoring case).
func MatchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if wildcard.Match(p, name) {
			return true
		}
	}
	return false
}

// AddPrefix puts an import prefix in a command name: before the noun of
// Verb-Noun, else before the whole name.
func AddPrefix(name, prefix string) string {
	if prefix == "" {
		return name
	}
	if verb, noun, ok := SplitName(name); ok {
		return verb + "-" + prefix + noun
	}
	return prefix + name
}

// SplitName splits Verb-Noun at its first dash; ok is false for a name
// without a verb and a noun.
func SplitName(name string) (verb, noun string, ok bool) {
	i := strings.IndexByte(name, '-')
	if i <= 0 || i == len(name)-1 {
		return "", "", false
	}
	return name[:i], name[i+1:], true
}

// NameFromPath is a module's name from its file: the file name without
// its extension (.psm1, .psd1, .ps1, .dll).
func NameFromPath(path string) string {
	name := path[strings.LastIndexAny(path, `/\`)+1:]
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		switch strings.ToLower(name[i:]) {
		case ".psm1", ".psd1", ".ps1", ".dll", ".cdxml":
			return name[:i]
		}
	}
	return name
}

// Table is a session's loaded modules, in the order they were loaded. The
// zero Table is empty.
type Table struct {
	list []*Module
}

// Add records a loaded module, replacing one loaded from the same file.
func (t *Table) Add(m *Module) {
	for i, have := range t.list {
		if have.is(m.file()) {
			t.list[i] = m
			return
		}
	}
	t.list = append(t.list, m)
}

// file is the file the module was imported by.
func (m *Module) file() string {
	if m.ManifestPath != "" {
		return m.ManifestPath
	}
	return m.Path
}

// is reports whether the module was imported by file path.
func (m *Module) is(path string) bool { return strings.EqualFold(m.file(), path) }

// Remove forgets a module.
func (t *Table) Remove(m *Module) {
	for i, have := range t.list {
		if have == m {
			t.list = append(t.list[:i:i], t.list[i+1:]...)
			return
		}
	}
}

// ByPath is the module loaded from that file.
func (t *Table) ByPath(path string) *Module {
	for _, m := range t.list {
		if m.is(path) {
			return m
		}
	}
	return nil
}

// Match lists the loaded modules whose names match a pattern, by name as
// Get-Module lists them.
func (t *Table) Match(patterns []string) []*Module {
	var out []*Module
	for _, m := range t.list {
		if MatchAny(patterns, m.Name) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// All lists the loaded modules in load order.
func (t *Table) All() []*Module { return t.list }
