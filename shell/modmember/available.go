package modmember

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/shell/wildcard"
)

// Modules read without being loaded: the version of a module file
// Import-Module's version constraints ask about, and what Get-Module
// -ListAvailable lists. A manifest's data is evaluated through the
// interpreter (Loader.ManifestData); a script module's file is parsed,
// never run.

// FindMatching returns the module file a name stands for whose version c
// allows: the first of the name's module files (module.Candidates, from
// the folder base or in the module folders modulePath lists) whose
// version (its version folder's, else its manifest's ModuleVersion, 0.0
// for a .psm1) it allows.
func FindMatching(l Loader, ns *fsys.Namespace, modulePath []string, name, base string, c module.Constraint) (string, bool) {
	for _, cand := range module.Candidates(ns, name, base, modulePath) {
		if !c.Any() {
			return cand.Path, true
		}
		v := cand.FolderVersion
		if v == "" {
			v = fileVersion(l, cand.Path)
		}
		if c.Matches(v) {
			return cand.Path, true
		}
	}
	return "", false
}

// fileVersion is the version of a module file: a manifest's
// ModuleVersion, 0.0 for any other file or a manifest that does not read.
func fileVersion(l Loader, path string) string {
	if man := manifestOf(l, path); man != nil {
		return man.Version
	}
	return "0.0"
}

// manifestOf reads a manifest file (nil for a file that is none, or does
// not read).
func manifestOf(l Loader, path string) *module.Manifest {
	if !strings.HasSuffix(strings.ToLower(path), ".psd1") {
		return nil
	}
	h, err := l.ManifestData(path)
	if err != nil || h == nil {
		return nil
	}
	man, err := module.ReadManifest(path, h, l.Text)
	if err != nil {
		return nil
	}
	return man
}

// Available are the modules Get-Module -ListAvailable lists from the
// folders modulePath names (each folder once, in its order; in each, by
// name) whose file names match a pattern: each read, not loaded. A
// manifest gives its version, kind (Script for a .psm1 root module,
// Binary for a .dll one, else Manifest), editions and export lists (a
// list with wildcards, or none, read from the root module); a .psm1 is a
// Script module at 0.0. A manifest in a version folder other than its
// ModuleVersion is left out.
func Available(l Loader, ns *fsys.Namespace, modulePath, patterns []string) []*module.Module {
	var out []*module.Module
	seen := map[string]bool{}
	for _, dir := range modulePath {
		dir = strings.TrimRight(dir, `/\`)
		if dir == "" || seen[strings.ToLower(dir)] {
			continue
		}
		seen[strings.ToLower(dir)] = true
		var found []*module.Module
		for _, f := range module.AvailableFiles(ns, dir) {
			if !module.MatchAny(patterns, module.NameFromPath(f)) {
				continue
			}
			m := readModule(l, ns, f)
			if v := module.InVersionFolder(f); v != "" && module.CompareVersions(v, m.Version) != 0 {
				continue
			}
			found = append(found, m)
		}
		sort.SliceStable(found, func(i, j int) bool { return strings.ToLower(found[i].Name) < strings.ToLower(found[j].Name) })
		out = append(out, found...)
	}
	return out
}

// readModule reads a module file as Get-Module -ListAvailable does,
// without running it (Available).
func readModule(l Loader, ns *fsys.Namespace, path string) *module.Module {
	m := &module.Module{Name: module.NameFromPath(path), Path: path, Base: module.Folder(path), Kind: module.Script, Version: "0.0"}
	if !strings.HasSuffix(strings.ToLower(path), ".psd1") {
		m.Functions, m.Aliases = analyze(ns, path)
		return m
	}
	m.Kind = module.ManifestKind
	man := manifestOf(l, path)
	if man == nil {
		return m
	}
	m.Version, m.Editions, m.Guid = man.Version, man.Editions, man.Guid
	m.Description, m.Author, m.CompanyName, m.Copyright = man.Description, man.Author, man.CompanyName, man.Copyright
	switch r := strings.ToLower(man.Root); {
	case strings.HasSuffix(r, ".psm1"):
		m.Kind = module.Script
	case strings.HasSuffix(r, ".dll"):
		m.Kind = "Binary"
	}
	root := ""
	if man.Root != "" {
		root = man.Root
		if !prelude.IsPathRooted(root) {
			root = m.Base + "/" + root
		}
	}
	m.Functions, m.Cmdlets, m.Aliases = man.Functions, man.Cmdlets, man.Aliases
	if !explicit(man.Functions) || !explicit(man.Aliases) {
		fns, aliases := analyze(ns, root)
		if !explicit(man.Functions) {
			m.Functions = matchingNames(fns, man.Functions)
		}
		if !explicit(man.Aliases) {
			m.Aliases = matchingNames(aliases, man.Aliases)
		}
	}
	return m
}

// explicit reports whether an export list names its members one by one
// (no list, or a wildcard, leaves them to the module's file).
func explicit(list []string) bool {
	if list == nil {
		return false
	}
	for _, n := range list {
		if wildcard.Has(n) {
			return false
		}
	}
	return true
}

// matchingNames are the names an export list's patterns let out (all of
// them without a list).
func matchingNames(names, patterns []string) []string {
	if patterns == nil {
		return names
	}
	var out []string
	for _, n := range names {
		if module.MatchAny(patterns, n) {
			out = append(out, n)
		}
	}
	return out
}

// analyze is module.Analyze of a script module's file (nothing for one
// that is not there, is no .psm1 or does not parse).
func analyze(ns *fsys.Namespace, path string) (functions, aliases []string) {
	if path == "" || !strings.HasSuffix(strings.ToLower(path), ".psm1") {
		return nil, nil
	}
	data, err := provider.ReadFile(ns, provider.FullPath(ns, path))
	if err != nil {
		return nil, nil
	}
	sb, perrs := parser.Parse(syntax.NewSource(path, fsys.DecodeText(data)))
	if perrs != nil {
		return nil, nil
	}
	return module.Analyze(sb)
}
