package scope

import "strings"

// What a module exports and imports: the members a module scope holds
// itself, and members shared into another scope.

// VariableNames returns the names of the variables this scope itself
// holds, without the AllScope ones and the automatic variables a script
// run sets in it ($args, $PSScriptRoot, $MyInvocation ...), which a
// module never exports.
func (s *Scope[F]) VariableNames() []string {
	var out []string
	for k, v := range s.vars {
		if v.AllScope || v.everyScope || moduleBuiltin(k) {
			continue
		}
		out = append(out, v.Name)
	}
	return out
}

// moduleBuiltin reports whether a lower-case name is one of the
// automatic variables a module keeps private (PSModuleInfo's built-in
// variables).
func moduleBuiltin(key string) bool {
	switch key {
	case "_", "this", "input", "args", "true", "false", "null", "psdefaultparametervalues", "error",
		"pscommandpath", "psscriptroot", "myinvocation", "psboundparameters", "pscmdlet",
		"executioncontext", "foreach", "switch", "matches", "lastexitcode", "stacktrace":
		return true
	}
	return false
}

// PutVariable makes v a variable of this scope: the same variable as
// where it came from, so a change on either side is seen on both (a
// module's exported variable).
func (s *Scope[F]) PutVariable(v *Variable) {
	s.vars[strings.ToLower(v.Name)] = v
}

// VariableHere returns the variable of that name this scope itself
// holds (nil when none), without the automatic AllScope ones.
func (s *Scope[F]) VariableHere(name string) *Variable {
	return s.vars[strings.ToLower(name)].made()
}

// AliasNames returns the names of the aliases this scope itself sets,
// without the AllScope ones it shares.
func (s *Scope[F]) AliasNames() []string {
	var out []string
	for _, a := range s.aliases {
		if a.Options&OptAllScope == 0 {
			out = append(out, a.Name)
		}
	}
	return out
}
