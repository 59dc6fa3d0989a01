package runtime

import "strings"

// Aliases come from two places: the session's built-in table (the
// catalog's, set with SetAlias) and the scopes, where New-Alias and
// Set-Alias put theirs; a scope's alias hides a built-in one of its name.

// ResolveAlias follows name through aliases to the name of the command it
// stands for; ok is false when name is no alias. A chain that comes back
// to an alias it passed stops there: the name returned is that alias.
func (rt *Runtime) ResolveAlias(name string) (target string, ok bool) {
	var buf [8]string
	seen := buf[:0]
	for {
		next, found := rt.aliasOf(name)
		if !found {
			return name, ok
		}
		for _, s := range seen {
			if strings.EqualFold(s, name) {
				return name, ok
			}
		}
		seen = append(seen, name)
		name, ok = next, true
	}
}

// aliasOf returns what an alias stands for: a scope's, else the built-in
// table's.
func (rt *Runtime) aliasOf(name string) (string, bool) {
	if a := rt.scope.Alias(name); a != nil {
		return a.Definition, true
	}
	return rt.cmds.Alias(name)
}

// Aliases returns every alias visible from the current scope: lower-case
// alias → the name it stands for.
func (rt *Runtime) Aliases() map[string]string {
	out := rt.cmds.Aliases()
	for k, a := range rt.scope.Aliases() {
		out[k] = a.Definition
	}
	return out
}

// BuiltinAlias returns the name an alias of the built-in table stands for.
func (rt *Runtime) BuiltinAlias(name string) (string, bool) { return rt.cmds.Alias(name) }

// RemoveBuiltinAlias takes an alias out of the built-in table.
func (rt *Runtime) RemoveBuiltinAlias(name string) { rt.cmds.RemoveAlias(name) }
