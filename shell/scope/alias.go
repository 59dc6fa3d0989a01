package scope

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// ItemOptions are the options of an alias or a variable (PowerShell's
// ScopedItemOptions, with the same values).
type ItemOptions int

// The options. A ReadOnly item changes only with -Force, a Constant one
// never; a Private one is seen only in the scope that defines it; an
// AllScope one is seen in every scope.
const (
	OptNone     ItemOptions = 0
	OptReadOnly ItemOptions = 1
	OptConstant ItemOptions = 2
	OptPrivate  ItemOptions = 4
	OptAllScope ItemOptions = 8
	// OptUnspecified is a function's options when none were given
	// (Set-Item and New-Item on Function: without -Options).
	OptUnspecified ItemOptions = 16
)

var optionNames = []struct {
	opt  ItemOptions
	name string
}{{OptReadOnly, "ReadOnly"}, {OptConstant, "Constant"}, {OptPrivate, "Private"}, {OptAllScope, "AllScope"}, {OptUnspecified, "Unspecified"}}

// String is the options as PowerShell prints them: "None", or the names
// joined with ", ".
func (o ItemOptions) String() string {
	var parts []string
	for _, n := range optionNames {
		if o&n.opt != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "None"
	}
	return strings.Join(parts, ", ")
}

// Enum is the options as a ScopedItemOptions value.
func (o ItemOptions) Enum() object.Enum {
	return object.Enum{Type: "System.Management.Automation.ScopedItemOptions", Name: o.String(), Value: int(o)}
}

// ParseItemOptions reads an -Option value: names separated by commas
// (None, ReadOnly, Constant, Private, AllScope, Unspecified, any case).
// ok is false for a name that is not an option (BadOptions).
func ParseItemOptions(s string) (ItemOptions, bool) {
	var o ItemOptions
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" || strings.EqualFold(part, "None") || strings.EqualFold(part, "Unspecified") {
			continue
		}
		found := false
		for _, n := range optionNames {
			if strings.EqualFold(part, n.name) {
				o |= n.opt
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return o, true
}

// BadOptions is the binder's refusal of an -Option value that
// ParseItemOptions does not read.
func BadOptions(text string) *Error {
	return &Error{Message: fmt.Sprintf("Cannot bind parameter 'Option'. Cannot convert value \"%s\" to type \"System.Management.Automation.ScopedItemOptions\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, ReadOnly, Constant, Private, AllScope, Unspecified\"", text, text), ID: "CannotConvertArgumentNoMessage", Category: object.InvalidArgument, Exception: "ParameterBindingException"}
}

// Alias is one alias of a scope.
type Alias struct {
	Name, Definition, Description string
	Options                       ItemOptions
}

// ScopeAt returns the scope a -Scope argument names from s: Global,
// Script, Local (or ""), Private, or a number of levels up (0 is s, 1 its
// parent). A name that is none of these, or a number past the global
// scope, is an *Error as PowerShell words it.
func (s *Scope[F]) ScopeAt(name string) (*Scope[F], error) {
	switch strings.ToLower(name) {
	case "", "local", "private":
		return s, nil
	case "global":
		return s.global, nil
	case "script":
		return s.Script(), nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(name))
	if err != nil {
		return nil, &Error{Message: `Cannot process argument because the value of argument "Scope" is not valid. Valid values are "Global", "Local", or "Script", or a number relative to the current scope (0 through the number of scopes where 0 is the current scope and 1 is its parent). Change the value of the "Scope" argument and run the operation again.`, ID: "Argument", Category: object.InvalidArgument, Exception: "PSArgumentException"}
	}
	c := s
	for i := n; i > 0 && c != nil; i-- {
		c = c.parent
	}
	// the .NET exception adds the parameter and the value to its message
	switch {
	case n < 0:
		return nil, &Error{Message: fmt.Sprintf("Cannot process argument because the value of argument \"Scope\" is out of range. Change argument \"Scope\" to a value that is within range. (Parameter 'Scope')\nActual value was %d.", n), ID: "ArgumentOutOfRange", Category: object.InvalidArgument, Exception: "PSArgumentOutOfRangeException"}
	case c == nil:
		return nil, &Error{Message: fmt.Sprintf("The scope number '%d' exceeds the number of active scopes. (Parameter 'Scope')\nActual value was %d.", n, n), ID: "ArgumentOutOfRange", Category: object.InvalidArgument, Exception: "PSArgumentOutOfRangeException"}
	}
	return c, nil
}

// AliasHere returns the alias of that name this scope itself holds.
func (s *Scope[F]) AliasHere(name string) *Alias {
	return s.aliases[strings.ToLower(name)]
}

// Alias returns the alias of that name visible from s: the nearest
// scope's, skipping the private aliases of the scopes above s.
//
// Every command a script runs asks, and most sessions put no alias in a
// scope (the built-in ones are the catalog's): such a session answers at
// once, in a test small enough for the compiler to inline where Alias is
// called, so that a command line runs none of this package's code for it.
func (s *Scope[F]) Alias(name string) (a *Alias) {
	if s.global.hasAliases {
		a = s.alias(name)
	}
	return a
}

// alias is Alias for a session that has put aliases in its scopes.
func (s *Scope[F]) alias(name string) *Alias {
	// the name is lowered only when a scope has aliases at all
	key := ""
	for c := s; c != nil; c = c.parent {
		if len(c.aliases) == 0 {
			continue
		}
		if key == "" {
			key = strings.ToLower(name)
		}
		if a, ok := c.aliases[key]; ok && (c == s || a.Options&OptPrivate == 0) {
			return a
		}
	}
	return nil
}

// Aliases returns the aliases visible from s by lower-case name.
func (s *Scope[F]) Aliases() map[string]*Alias {
	out := map[string]*Alias{}
	for c := s; c != nil; c = c.parent {
		for k, a := range c.aliases {
			if _, ok := out[k]; !ok && (c == s || a.Options&OptPrivate == 0) {
				out[k] = a
			}
		}
	}
	return out
}

// CheckAliasWrite refuses to replace old (an alias already there) with a
// with the options it has: a constant alias never changes, a read-only
// one only with force, and an AllScope alias keeps that option.
func CheckAliasWrite(old, a *Alias, force bool) error {
	if old == nil {
		return nil
	}
	if old.Options&OptConstant != 0 || old.Options&OptReadOnly != 0 && !force {
		return &Error{Message: fmt.Sprintf("Alias is not writeable because alias %s is read-only or constant and cannot be written to.", a.Name), ID: "AliasNotWritable", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
	}
	if old.Options&OptAllScope != 0 && a.Options&OptAllScope == 0 {
		return &Error{Message: fmt.Sprintf("The AllScope option cannot be removed from the alias '%s'.", a.Name), ID: "AliasAllScopeOptionCannotBeRemoved", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
	}
	return nil
}

// PutAlias sets an alias in this scope, replacing one of the same name
// (the caller checks CheckAliasWrite first). An AllScope alias is part
// of every scope opened from this one afterwards.
func (s *Scope[F]) PutAlias(a *Alias) {
	key := strings.ToLower(a.Name)
	if s.aliases == nil {
		s.aliases = map[string]*Alias{}
	}
	s.global.hasAliases = true
	if old, ok := s.aliases[key]; ok {
		s.sharedAliases = s.sharedAliases.drop(old)
	}
	s.aliases[key] = a
	if a.Options&OptAllScope != 0 {
		s.sharedAliases = s.sharedAliases.add(a)
	}
}

// CheckAliasRemove refuses to remove a constant alias, or a read-only one
// without force.
func CheckAliasRemove(a *Alias, force bool) error {
	if a.Options&OptConstant != 0 || a.Options&OptReadOnly != 0 && !force {
		return &Error{Message: fmt.Sprintf("Alias was not removed because alias %s is constant or read-only.", a.Name), ID: "AliasNotRemovable", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
	}
	return nil
}

// DropAlias removes the alias of that name from the nearest scope from s
// whose alias s sees; false when there is none.
func (s *Scope[F]) DropAlias(name string) bool {
	key := strings.ToLower(name)
	for c := s; c != nil; c = c.parent {
		if a, ok := c.aliases[key]; ok && (c == s || a.Options&OptPrivate == 0) {
			delete(c.aliases, key)
			c.sharedAliases = c.sharedAliases.drop(a)
			return true
		}
	}
	return false
}

// AliasNotResolved is the error of running an alias whose chain ends in
// target, a name that is no command.
func AliasNotResolved(alias, target string) *object.ErrorRecord {
	return &object.ErrorRecord{
		Message:           fmt.Sprintf("Cannot resolve alias '%s' because it refers to term '%s', which is not recognized as a cmdlet, function, executable program, or script file. Verify the term and try again.", alias, target),
		ErrorID:           "AliasNotResolvedException",
		Category:          object.ObjectNotFound,
		ExceptionType:     "CommandNotFoundException",
		ExceptionFullType: "System.Management.Automation.CommandNotFoundException",
		Target:            alias,
	}
}
