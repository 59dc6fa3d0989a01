package module

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// Manifest is what a module manifest (.psd1) says that exosim uses.
type Manifest struct {
	// Root is RootModule (or the older ModuleToProcess): the module file
	// whose scope is the module's; "" for a manifest of nested modules.
	Root string
	// Nested are NestedModules: imported into the module's scope first.
	Nested []string
	// Functions, Variables and Aliases are FunctionsToExport,
	// VariablesToExport and AliasesToExport: what the module exports is
	// only what they match (nil: the key is not there, no filter).
	Functions, Variables, Aliases []string
	// Cmdlets are CmdletsToExport.
	Cmdlets []string
	// Required are RequiredModules: imported into the global scope first
	// (a module loaded already at a version they allow stays).
	Required []Spec
	// Scripts are ScriptsToProcess: run in the importer's scope before
	// the module loads.
	Scripts []string
	// Editions are CompatiblePSEditions.
	Editions []string
	// The descriptive fields.
	Version, Guid, Author, CompanyName, Copyright, Description string
}

// ReadManifest reads the manifest of the hashtable the .psd1 file path
// holds, with text converting a value to a string.
func ReadManifest(path string, h *object.Hashtable, text func(any) string) (*Manifest, error) {
	get := func(key string) (any, bool) {
		for _, e := range h.Entries() {
			if strings.EqualFold(text(e.Key), key) {
				return e.Value, true
			}
		}
		return nil, false
	}
	str := func(key string) string {
		if v, ok := get(key); ok && v != nil {
			return text(v)
		}
		return ""
	}
	list := func(key string) []string {
		v, ok := get(key)
		if !ok {
			return nil
		}
		out := []string{}
		items, isList := object.Elements(v)
		if !isList {
			items = []any{v}
		}
		for _, it := range items {
			if it != nil {
				out = append(out, text(it))
			}
		}
		return out
	}
	required, err := requiredModules(path, get, text)
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		Required:    required,
		Scripts:     list("ScriptsToProcess"),
		Editions:    list("CompatiblePSEditions"),
		Root:        str("RootModule"),
		Nested:      list("NestedModules"),
		Functions:   list("FunctionsToExport"),
		Variables:   list("VariablesToExport"),
		Aliases:     list("AliasesToExport"),
		Cmdlets:     list("CmdletsToExport"),
		Version:     str("ModuleVersion"),
		Guid:        str("GUID"),
		Author:      str("Author"),
		CompanyName: str("CompanyName"),
		Copyright:   str("Copyright"),
		Description: str("Description"),
	}
	if old := str("ModuleToProcess"); old != "" {
		if m.Root != "" {
			return nil, &Error{ID: "Modules_ModuleManifestCannotContainBothModuleToProcessAndRootModule", Category: object.InvalidOperation, Exception: "InvalidOperationException", Target: path,
				Message: fmt.Sprintf("The module manifest cannot contain both the 'ModuleToProcess' and 'RootModule' members. Change the module manifest file to remove one of these members at '%s', and then try again.", path)}
		}
		m.Root = old
	}
	if m.Version == "" {
		m.Version = "0.0"
	}
	return m, nil
}

// requiredModules reads a manifest's RequiredModules: each a module name,
// or a hashtable describing a module (SpecFrom).
func requiredModules(path string, get func(string) (any, bool), text func(any) string) ([]Spec, error) {
	v, ok := get("RequiredModules")
	if !ok || v == nil {
		return nil, nil
	}
	items, isList := object.Elements(v)
	if !isList {
		items = []any{v}
	}
	var out []Spec
	for _, it := range items {
		h, isHash := object.Unwrap(it).(*object.Hashtable)
		if !isHash {
			if it != nil {
				out = append(out, Spec{Name: text(it)})
			}
			continue
		}
		var entries [][2]string
		for _, e := range h.Entries() {
			entries = append(entries, [2]string{text(e.Key), text(e.Value)})
		}
		spec, err := SpecFrom(entries)
		if err != nil {
			return nil, ErrManifestValue("RequiredModules", fmt.Sprintf("Cannot convert value \"System.Collections.Hashtable\" to type \"Microsoft.PowerShell.Commands.ModuleSpecification\". Error: \"%s\"", err.Error()), path)
		}
		out = append(out, spec)
	}
	return out, nil
}

// Filter keeps the exports a manifest lets out: only the names that
// match its lists (a list it does not give filters nothing).
func (man *Manifest) Filter(m *Module) {
	keep := func(names, patterns []string) []string {
		if patterns == nil {
			return names
		}
		var out []string
		for _, n := range names {
			if MatchAny(patterns, n) {
				out = append(out, n)
			}
		}
		return out
	}
	m.Functions = keep(m.Functions, man.Functions)
	m.Variables = keep(m.Variables, man.Variables)
	m.Aliases = keep(m.Aliases, man.Aliases)
}

// Error is a module that cannot be loaded, as PowerShell reports it.
type Error struct {
	Message, ID, Exception string
	Category               object.ErrorCategory
	Target                 string
	// Terminating marks an error that ends Import-Module (and the
	// script) rather than one it writes.
	Terminating bool
}

func (e *Error) Error() string { return e.Message }

// ErrNotManifest is a .psd1 file that does not hold a hashtable.
func ErrNotManifest(path string) *Error {
	return &Error{ID: "Modules_InvalidManifest", Category: object.ResourceUnavailable, Exception: "ArgumentException", Target: path,
		Message: fmt.Sprintf("Processing the module manifest file '%s' did not result in a valid manifest object. Update the file to contain a valid PowerShell module manifest. A valid manifest can be created using the New-ModuleManifest cmdlet.", path)}
}

// ErrMemberNotFound is a module a manifest's field names that is not
// found.
func ErrMemberNotFound(name, field, path string) *Error {
	return &Error{ID: "Modules_ModuleFileNotFound", Category: object.ResourceUnavailable, Exception: "FileNotFoundException", Target: name,
		Message: fmt.Sprintf("The module to process '%s', listed in field '%s' of module manifest '%s' was not processed because no valid module was found in any module directory.", name, field, path)}
}

// ErrNotFound is a module name or path that names no module file.
func ErrNotFound(name string) *Error {
	return &Error{ID: "Modules_ModuleNotFound", Category: object.ResourceUnavailable, Exception: "FileNotFoundException", Target: name,
		Message: fmt.Sprintf("The specified module '%s' was not loaded because no valid module file was found in any module directory.", name)}
}
