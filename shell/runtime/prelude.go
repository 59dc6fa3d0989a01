package runtime

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/syntax"
)

// What PowerShell settles before a script runs: `using module` and
// `using assembly` are resolved while parsing (a failure is a parse error
// and nothing runs), `using namespace` lets later type names be written
// short, and a script file's #requires lines are verified when the file is
// invoked.

// psVersion is the PowerShell version exosim stands for ($PSVersionTable).
const psVersion = "7.4.6"

// DeclareModules names modules exosim provides besides those its registered
// commands belong to (a meta-module such as Microsoft.Graph). `using
// module` and `#requires -Modules` accept them.
func (rt *Runtime) DeclareModules(names ...string) {
	if rt.modules == nil {
		rt.modules = map[string]bool{}
	}
	for _, n := range names {
		rt.modules[strings.ToLower(n)] = true
	}
}

// HasModule reports whether exosim provides the module: one declared with
// DeclareModules or one a registered command belongs to.
func (rt *Runtime) HasModule(name string) bool {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return false
	}
	if rt.modules[key] {
		return true
	}
	rt.buildAll()
	for _, c := range rt.commands {
		if strings.EqualFold(c.Module, key) {
			return true
		}
	}
	return false
}

// UsingNamespaces returns the namespaces named by `using namespace` for
// code parsed from src: those of its script file, or for interactive input
// (no path) every one typed in the session so far, as at a PowerShell
// prompt.
func (rt *Runtime) UsingNamespaces(src *syntax.Source) []string {
	if src != nil && src.Path != "" {
		return rt.fileNamespaces[src]
	}
	return rt.sessionNamespaces
}

// qualifyTypeName returns the full name a short type name stands for under
// the using namespaces in effect where it was written (generic arguments
// included), or name itself when it resolves as written or no namespace
// makes it resolve.
func (rt *Runtime) qualifyTypeName(name string, ext syntax.Extent) string {
	if _, ok := rt.ResolveType(name); ok {
		return name
	}
	if t, ok := rt.resolveTypeIn(name, rt.UsingNamespaces(ext.Src)); ok {
		return t.String()
	}
	return name
}

// prepareScript resolves the using statements of a parsed script: it
// records its namespaces and returns PowerShell's parse errors for a module
// exosim does not provide and for an assembly (which exosim cannot load).
func (rt *Runtime) prepareScript(sb *syntax.ScriptBlock, src *syntax.Source) syntax.ErrorList {
	if sb == nil || len(sb.Usings) == 0 {
		return nil
	}
	var errs syntax.ErrorList
	var namespaces []string
	for _, u := range sb.Usings {
		switch u.Kind {
		case "namespace":
			namespaces = append(namespaces, u.Resolved())
		case "module":
			name := u.Resolved()
			if u.Spec != nil {
				name = hashtableModuleName(u.Spec)
			}
			if rt.HasModule(name) {
				continue
			}
			if isPathLike(name) {
				if provider.Exists(rt.files, rt.scriptRelative(name, src)) {
					errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "ModuleNotSupported",
						Message: fmt.Sprintf("exosim cannot load the module file '%s' (using module); only the modules it provides can be used.", name)})
					continue
				}
			}
			text := name
			if u.Spec != nil {
				text = u.Spec.Ext.Text()
			}
			errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "ModuleNotFoundDuringParse",
				Message: fmt.Sprintf("Could not find the module '%s'.", text)})
		case "assembly":
			name := u.Resolved()
			if provider.Exists(rt.files, rt.scriptRelative(name, src)) {
				errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "AssemblyNotSupported",
					Message: fmt.Sprintf("exosim cannot load .NET assemblies (using assembly '%s').", name)})
				continue
			}
			errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "ErrorLoadingAssembly",
				Message: fmt.Sprintf("Cannot load assembly '%s'.", name)})
		}
	}
	if errs != nil {
		return errs
	}
	if src != nil && src.Path != "" {
		if rt.fileNamespaces == nil {
			rt.fileNamespaces = map[*syntax.Source][]string{}
		}
		rt.fileNamespaces[src] = namespaces
	} else {
		for _, ns := range namespaces {
			dup := false
			for _, have := range rt.sessionNamespaces {
				if strings.EqualFold(have, ns) {
					dup = true
				}
			}
			if !dup {
				rt.sessionNamespaces = append(rt.sessionNamespaces, ns)
			}
		}
	}
	return nil
}

func hashtableModuleName(h *syntax.HashtableExpr) string {
	for _, kv := range h.Pairs {
		k, ok := kv.Key.(*syntax.StringConstExpr)
		if !ok || !strings.EqualFold(k.Value, "ModuleName") {
			continue
		}
		if pl, ok := kv.Value.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok {
				if s, ok := ce.Expr.(*syntax.StringConstExpr); ok {
					return s.Value
				}
			}
		}
	}
	return ""
}

func isPathLike(name string) bool {
	l := strings.ToLower(name)
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(l, ".psm1") || strings.HasSuffix(l, ".psd1") || strings.HasSuffix(l, ".dll")
}

// scriptRelative resolves a relative path against the script's folder.
func (rt *Runtime) scriptRelative(name string, src *syntax.Source) string {
	if isPathRooted(name) || src == nil || src.Path == "" {
		return name
	}
	return dirOf(src.Path) + "/" + name
}

// isPathRooted reports whether a path does not depend on a folder: a
// drive, a root or a share.
func isPathRooted(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '/' || s[0] == '\\' || s[0] == '~' {
		return true
	}
	_, _, ok := fsys.SplitDrive(s)
	return ok
}

// checkRequirements verifies the #requires lines of a script file before
// it runs, in PowerShell's order: elevation, version, edition, modules.
// scriptName is the file name the messages show, invName how the script
// was invoked.
func (rt *Runtime) checkRequirements(sb *syntax.ScriptBlock, scriptName, invName string, ext syntax.Extent) error {
	if sb == nil || sb.Requires == nil {
		return nil
	}
	r := sb.Requires
	fail := func(msg, id string) error {
		return &PSError{Record: &object.ErrorRecord{
			Message:        msg,
			ErrorID:        id,
			Category:       object.ResourceUnavailable,
			ExceptionType:  "ScriptRequiresException",
			Target:         scriptName,
			Activity:       invName,
			InvocationName: invName,
			Reason:         invName,
			Position:       positionOf(ext),
		}}
	}
	// -RunAsAdministrator: PowerShell on Linux and macOS counts every user
	// as an administrator, so the requirement always holds here.
	if r.Version != "" && !validPSVersion(r.Version) {
		return fail(fmt.Sprintf("The script '%s' cannot be run because it contained a \"#requires\" statement for PowerShell %s. The version of PowerShell that is required by the script does not match the currently running version of PowerShell %s.", scriptName, r.Version, psVersion), "ScriptRequiresUnmatchedPSVersion")
	}
	if len(r.Editions) > 0 {
		ok := false
		for _, e := range r.Editions {
			if strings.EqualFold(e, "Core") {
				ok = true
			}
		}
		if !ok {
			return fail(fmt.Sprintf("The script '%s' cannot be run because it contained a \"#requires\" statement for PowerShell editions '%s'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition.", scriptName, strings.Join(r.Editions, ",")), "ScriptRequiresUnmatchedPSEdition")
		}
	}
	for _, m := range r.Modules {
		if !rt.HasModule(m.Name) {
			return fail(fmt.Sprintf("The script '%s' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: %s.", scriptName, m.Name), "ScriptRequiresMissingModules")
		}
	}
	if r.ShellID != "" {
		return fail("A #requires statement has specified only a shellID. #Requires statements must specify a required PowerShell snap-in when running in PowerShell.", "RequiresShellIDInvalidForSingleShell")
	}
	return nil
}

// validPSVersion applies PowerShell's rule for #requires -Version: the
// major version must be known and its minor version released (7.0 to the
// running 7.x).
func validPSVersion(v string) bool {
	parts := strings.Split(v, ".")
	major, err := strconv.Atoi(parts[0])
	if err != nil {
		return false
	}
	minor := 0
	if len(parts) > 1 {
		if minor, err = strconv.Atoi(parts[1]); err != nil {
			return false
		}
	}
	switch major {
	case 1, 2, 3, 4:
		return minor == 0
	case 5:
		return minor == 0 || minor == 1
	case 6:
		return minor >= 0 && minor <= 2
	case 7:
		return minor >= 0 && minor <= 4
	}
	return false
}
