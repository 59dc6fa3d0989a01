// Package prelude is what PowerShell settles before a script runs:
// `using module` and `using assembly` are resolved while parsing (a
// failure is a parse error and nothing runs), `using namespace` lets later
// type names be written short, and a script file's #requires lines are
// verified when the file is invoked. It also holds the PowerShell version
// exosim stands for and the rule that says which versions exist.
//
// The package reaches the session through Session, which the runtime
// implements; it does not import the runtime.
package prelude

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Version is the PowerShell version exosim stands for ($PSVersionTable).
const Version = "7.4.6"

// Session is the session a script is prepared in.
type Session interface {
	// HasModule reports whether exosim provides a module of that name.
	HasModule(name string) bool
	// Files is the session's drives and current location.
	Files() *fsys.Namespace
	// UseModule imports the module a `using module` statement of sb
	// (parsed from src) names and makes its enums and classes visible in
	// sb; spec, for `using module @{...}`, holds the keys and values of
	// the hashtable that describes the module (nil for a name). found is
	// false when there is no such module, err the failure of one that
	// does not load, or a SpecError.
	UseModule(name string, spec [][2]string, src *syntax.Source, sb *syntax.ScriptBlock) (found bool, err error)
}

// SpecError is a hashtable of `using module` that describes no module.
type SpecError struct{ Reason string }

func (e *SpecError) Error() string {
	return "The argument for the Module parameter is not valid. " + e.Reason
}

// Namespaces are the namespaces `using namespace` named: those of each
// script file, and those typed at the prompt so far.
type Namespaces struct {
	files   map[*syntax.Source][]string
	session []string
}

// For returns the namespaces in effect for code parsed from src: those of
// its script file, or for interactive input (no path) every one typed in
// the session so far, as at a PowerShell prompt.
func (n *Namespaces) For(src *syntax.Source) []string {
	if src != nil && src.Path != "" {
		return n.files[src]
	}
	return n.session
}

// record keeps the namespaces a script parsed from src names.
func (n *Namespaces) record(src *syntax.Source, namespaces []string) {
	if src != nil && src.Path != "" {
		if n.files == nil {
			n.files = map[*syntax.Source][]string{}
		}
		n.files[src] = namespaces
		return
	}
	for _, ns := range namespaces {
		dup := false
		for _, have := range n.session {
			if strings.EqualFold(have, ns) {
				dup = true
			}
		}
		if !dup {
			n.session = append(n.session, ns)
		}
	}
}

// Prepare resolves the using statements of a parsed script: it records
// its namespaces in n, imports the modules it names (a module exosim
// provides is there already; a script module is loaded through the
// session), and returns PowerShell's parse errors for a module that is
// not found or does not load, and for an assembly (which exosim cannot
// load).
func Prepare(ses Session, n *Namespaces, sb *syntax.ScriptBlock, src *syntax.Source) syntax.ErrorList {
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
			var spec [][2]string
			if u.Spec != nil {
				spec = specEntries(u.Spec)
				name = ""
				for _, e := range spec {
					if strings.EqualFold(e[0], "ModuleName") {
						name = e[1]
					}
				}
			}
			if ses.HasModule(name) {
				continue
			}
			found, err := ses.UseModule(name, spec, src, sb)
			if se := (*SpecError)(nil); errors.As(err, &se) {
				errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "RequiresModuleInvalid", Message: se.Error()})
				continue
			}
			if found {
				if err != nil {
					errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "ModuleLoadFailed", Message: errorText(err)})
				}
				continue
			}
			text := name
			if u.Spec != nil {
				text = u.Spec.Ext.Text()
			}
			errs = append(errs, &syntax.ParseError{Ext: u.Ext, ErrorID: "ModuleNotFoundDuringParse",
				Message: fmt.Sprintf("Could not find the module '%s'.", text)})
		case "assembly":
			name := u.Resolved()
			if provider.Exists(ses.Files(), scriptRelative(name, src)) {
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
	n.record(src, namespaces)
	return nil
}

// errorText is the message of a module's failure to load.
func errorText(err error) string {
	var pe *pserror.Error
	if errors.As(err, &pe) && pe.Record != nil {
		return pe.Record.Message
	}
	return err.Error()
}

// specEntries are the keys and values of the hashtable of `using module
// @{...}` whose keys and values are constants written out (a string, a
// number), as text.
func specEntries(h *syntax.HashtableExpr) [][2]string {
	var out [][2]string
	for _, kv := range h.Pairs {
		k, ok := kv.Key.(*syntax.StringConstExpr)
		if !ok {
			continue
		}
		v := kv.Value.Span().Text()
		if pl, ok := kv.Value.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok {
				if s, ok := ce.Expr.(*syntax.StringConstExpr); ok {
					v = s.Value
				}
			}
		}
		out = append(out, [2]string{k.Value, v})
	}
	return out
}

// scriptRelative resolves a relative path against the script's folder.
func scriptRelative(name string, src *syntax.Source) string {
	if IsPathRooted(name) || src == nil || src.Path == "" {
		return name
	}
	return ScriptDir(src.Path) + "/" + name
}

// ScriptDir is the folder of a script path ($PSScriptRoot): a drive's
// root keeps its separator (C:\x.ps1 is in C:\, /x.ps1 in /); a bare
// name is in ".".
func ScriptDir(p string) string {
	i := strings.LastIndexAny(p, `/\`)
	if i < 0 {
		return "."
	}
	if i == 0 || p[i-1] == ':' {
		return p[:i+1]
	}
	return p[:i]
}

// IsPathRooted reports whether a path does not depend on a folder: a
// drive, a root, the home folder or a share.
func IsPathRooted(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '/' || s[0] == '\\' || s[0] == '~' {
		return true
	}
	_, _, ok := fsys.SplitDrive(s)
	return ok
}

// CheckRequirements verifies the #requires lines of a script file before
// it runs, in PowerShell's order: elevation, version, edition, modules.
// scriptName is the file name the messages show, invName how the script
// was invoked.
func CheckRequirements(ses Session, sb *syntax.ScriptBlock, scriptName, invName string, ext syntax.Extent) error {
	if sb == nil || sb.Requires == nil {
		return nil
	}
	r := sb.Requires
	fail := func(msg, id string) error {
		return &pserror.Error{Record: &object.ErrorRecord{
			Message:        msg,
			ErrorID:        id,
			Category:       object.ResourceUnavailable,
			ExceptionType:  "ScriptRequiresException",
			Target:         scriptName,
			Activity:       invName,
			InvocationName: invName,
			Reason:         invName,
			Position:       pserror.Position(ext),
		}}
	}
	// -RunAsAdministrator: PowerShell on Linux and macOS counts every user
	// as an administrator, so the requirement always holds here.
	if r.Version != "" && !ValidVersion(r.Version) {
		return fail(fmt.Sprintf("The script '%s' cannot be run because it contained a \"#requires\" statement for PowerShell %s. The version of PowerShell that is required by the script does not match the currently running version of PowerShell %s.", scriptName, r.Version, Version), "ScriptRequiresUnmatchedPSVersion")
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
		if !ses.HasModule(m.Name) {
			return fail(fmt.Sprintf("The script '%s' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: %s.", scriptName, m.Name), "ScriptRequiresMissingModules")
		}
	}
	if r.ShellID != "" {
		return fail("A #requires statement has specified only a shellID. #Requires statements must specify a required PowerShell snap-in when running in PowerShell.", "RequiresShellIDInvalidForSingleShell")
	}
	return nil
}

// ValidVersion applies PowerShell's rule for a version a script asks for
// (#requires -Version, Set-StrictMode -Version): the major version must be
// known and its minor version released (7.0 to the running 7.x).
func ValidVersion(v string) bool {
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
