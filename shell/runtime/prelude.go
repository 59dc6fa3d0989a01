package runtime

import (
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/syntax"
)

// What is settled before a script runs (using statements, #requires) is
// shell/prelude's; the session gives it the modules it provides and its
// drives.

// DeclareModules names modules exosim provides besides those its registered
// commands belong to (a meta-module such as Microsoft.Graph). `using
// module` and `#requires -Modules` accept them.
func (rt *Runtime) DeclareModules(names ...string) { rt.cmds.DeclareModules(names...) }

// HasModule reports whether exosim provides the module: one declared with
// DeclareModules or one a registered command belongs to.
func (rt *Runtime) HasModule(name string) bool { return rt.cmds.HasModule(name) }

// UsingNamespaces returns the namespaces named by `using namespace` for
// code parsed from src: those of its script file, or for interactive input
// (no path) every one typed in the session so far, as at a PowerShell
// prompt.
func (rt *Runtime) UsingNamespaces(src *syntax.Source) []string { return rt.usings.For(src) }

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

// prepareScript resolves the using statements of a parsed script
// (prelude.Prepare); a script with none, most of them, has nothing to
// prepare and runs no code of the prelude package.
func (rt *Runtime) prepareScript(sb *syntax.ScriptBlock, src *syntax.Source) syntax.ErrorList {
	if sb == nil || len(sb.Usings) == 0 {
		return nil
	}
	return prelude.Prepare(rt, &rt.usings, sb, src)
}

// checkRequirements verifies the #requires lines of a script file before
// it runs (prelude.CheckRequirements).
func (rt *Runtime) checkRequirements(sb *syntax.ScriptBlock, scriptName, invName string, ext syntax.Extent) error {
	return prelude.CheckRequirements(rt, sb, scriptName, invName, ext)
}
