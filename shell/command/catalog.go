package command

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// A session's commands by name live in a Catalog: the commands registered
// one by one (Register), the tables packages declare (Declare, built a
// name at a time the first time the session resolves it), a source of
// commands known by name and built on demand (SetDeferred), the aliases,
// and the modules the session provides. Names are compared without regard
// to case. Which of these commands a session lets its caller see is the
// gates' decision (Gates), which the catalog asks through Visibility.

// Deferred supplies commands that a session knows by name but builds only
// when it needs one: a table of hundreds of declarations costs nothing
// until a name from it is used.
type Deferred interface {
	// Has reports whether the source declares a command of this name
	// (compared without regard to case).
	Has(name string) bool
	// Names lists the declared command names.
	Names() []string
	// Build returns the command declared under name.
	Build(name string) *Command
}

// Visibility is how a session shows its commands: whether one exists for
// it, and the command as it sees it (without the parameters its gates
// hide).
type Visibility interface {
	IsVisible(c *Command) bool
	VisibleCommand(c *Command) *Command
}

// Catalog is a session's table of commands, aliases and modules. The zero
// value is an empty catalog.
type Catalog struct {
	// commands are the registered commands by lower-case name; a command
	// declared lazily stays a stand-in here until it is resolved.
	commands map[string]*Command
	// tables declare commands registered the first time their names are
	// resolved: the lists given to Declare, in order, each kept as given.
	// A session declares the same package-level lists every time, and
	// copying them into one list took 40-odd pointers, a size class a
	// one-shot command line used for nothing else (a fresh span of
	// memory, two page faults).
	tables [][]*Table
	// deferred supplies commands known by name and built on first use.
	deferred Deferred
	// aliases map a lower-case alias to the name it stands for.
	aliases map[string]string
	// bases are the tables of aliases given to SetAliases while the
	// catalog had no alias of its own: they are looked up in place, never
	// written, a later one winning over an earlier one and aliases over
	// them all, until an alias is removed (ownBase copies them into
	// aliases then).
	bases []AliasTable
	// modules are the module names declared with DeclareModules, as
	// given (HasModule is asked seldom: no table is made for it).
	modules []string
	// wraps hold the Wrap replacements of commands the tables declare,
	// in the order given, applied when declared registers the name (a
	// session wraps one or two names: a list, not a table).
	wraps []nameWrap
}

// nameWrap is a Wrap replacement of the command with lower-case name key.
type nameWrap struct {
	key  string
	wrap func(orig *Command) *Command
}

// Register adds commands. A command registered under a name already in
// the catalog replaces it.
func (c *Catalog) Register(cmds ...*Command) {
	if c.commands == nil {
		c.commands = map[string]*Command{}
	}
	// A session registers its commands package by package, hundreds at a
	// time: their names are lower-cased together (one string), each key a
	// piece of it, rather than one string per name.
	lower, batch := lowerASCIINames(cmds)
	off := 0
	for _, cmd := range cmds {
		var key string
		if batch {
			key, off = lower[off:off+len(cmd.Name)], off+len(cmd.Name)
		} else {
			key = strings.ToLower(cmd.Name)
		}
		c.commands[key] = cmd
	}
}

// lowerASCIINames returns the names of cmds lower-cased end to end, when
// there are several and all of them are ASCII (so every name keeps its
// length); false otherwise.
func lowerASCIINames(cmds []*Command) (string, bool) {
	if len(cmds) < 2 {
		return "", false
	}
	n := 0
	for _, c := range cmds {
		for i := 0; i < len(c.Name); i++ {
			if c.Name[i] >= utf8.RuneSelf {
				return "", false
			}
		}
		n += len(c.Name)
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range cmds {
		for i := 0; i < len(c.Name); i++ {
			ch := c.Name[i]
			if 'A' <= ch && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			b.WriteByte(ch)
		}
	}
	return b.String(), true
}

// Declare adds the commands of tables. A command registered under the
// same name (Register) wins over a declared one, and an earlier table over
// a later one. The catalog keeps the list tables itself, not a copy: the
// caller must not change it afterwards.
func (c *Catalog) Declare(tables ...*Table) {
	c.tables = append(c.tables, tables)
}

// SetDeferred sets the source of deferred commands. A registered or
// declared command of the same name wins over the source's.
func (c *Catalog) SetDeferred(d Deferred) { c.deferred = d }

// Resolve returns the command under a lower-case name, whatever the
// session's gates say: a registered one, else a declared one, else the
// deferred source's, built (and registered) on first use.
func (c *Catalog) Resolve(key string) (*Command, bool) {
	if cmd, ok := c.commands[key]; ok {
		return c.built(key, cmd), true
	}
	if cmd, ok := c.declared(key); ok {
		return c.built(key, cmd), true
	}
	if c.deferred == nil || !c.deferred.Has(key) {
		return nil, false
	}
	cmd := c.deferred.Build(key)
	if cmd == nil {
		return nil, false
	}
	c.Register(cmd)
	return cmd, true
}

// built returns the registered command under key, building it if it was
// declared lazily (Lazy) and keeping the built one in its place.
func (c *Catalog) built(key string, cmd *Command) *Command {
	b := cmd.Build()
	if b != cmd {
		c.commands[key] = b
	}
	return b
}

// declared registers the command a table declares under key (with the
// rest of its group, none of them built) and returns its stand-in.
func (c *Catalog) declared(key string) (*Command, bool) {
	for _, list := range c.tables {
		for _, t := range list {
			cmd, group := t.Find(key)
			if cmd == nil {
				continue
			}
			if group == nil {
				group = []*Command{cmd}
			}
			if c.commands == nil {
				c.commands = map[string]*Command{}
			}
			for _, g := range group {
				// key is the lower-case form of the ASCII name of the
				// command found under it (Find compares lengths): no
				// other copy of it is needed
				k := key
				if g != cmd || !isASCII(g.Name) {
					k = strings.ToLower(g.Name)
				}
				if c.commands[k] == nil {
					for _, w := range c.wraps {
						if w.key == k {
							g = wrapped(g, w.wrap)
						}
					}
					c.commands[k] = g
				}
			}
			return c.commands[key], true
		}
	}
	return nil, false
}

// buildDeclared registers and builds every command of the tables (not
// those of the deferred source, which only Commands lists).
func (c *Catalog) buildDeclared() {
	for _, list := range c.tables {
		for _, t := range list {
			for _, d := range t.Commands {
				c.Resolve(strings.ToLower(d.Name))
			}
			for _, g := range t.Groups {
				for _, n := range g.Names {
					c.Resolve(strings.ToLower(n))
				}
			}
		}
	}
	for k, cmd := range c.commands {
		c.built(k, cmd)
	}
}

// Registered returns the command under name as declared, whatever the
// session's gates say (nil when there is none). Packages that swap a
// command for another of the same name keep the one they replace with it.
func (c *Catalog) Registered(name string) *Command {
	cmd, _ := c.Resolve(strings.ToLower(name))
	if cmd != nil {
		cmd.Complete()
	}
	return cmd
}

// Full returns the registered declaration behind a command the gates may
// have copied without some parameters (the command itself when no command
// of its name is registered).
func (c *Catalog) Full(cmd *Command) *Command {
	key := strings.ToLower(cmd.Name)
	if r, ok := c.commands[key]; ok {
		r = c.built(key, r)
		r.Complete()
		return r
	}
	return cmd
}

// Wrap replaces the command name with what wrap makes of it, the first
// time the name is resolved: neither the command nor its replacement is
// built before then, and a declared command's table is not searched for
// it before then either. A name neither registered nor declared is left
// alone, and so is a command registered under the name after Wrap.
func (c *Catalog) Wrap(name string, wrap func(orig *Command) *Command) {
	key := strings.ToLower(name)
	if orig, ok := c.commands[key]; ok {
		c.commands[key] = wrapped(orig, wrap)
		return
	}
	c.wraps = append(c.wraps, nameWrap{key, wrap})
}

// wrapped is the stand-in of what wrap makes of orig, built when first
// resolved.
func wrapped(orig *Command, wrap func(orig *Command) *Command) *Command {
	return Lazy(orig.Name, func() *Command {
		b := orig.Build()
		b.Complete()
		return wrap(b)
	})
}

// Commands returns every command visible to v, as v sees it, in name
// order.
func (c *Catalog) Commands(v Visibility) []*Command {
	if c.deferred != nil {
		for _, n := range c.deferred.Names() {
			c.Resolve(strings.ToLower(n))
		}
	}
	c.buildDeclared()
	out := make([]*Command, 0, len(c.commands))
	for _, cmd := range c.commands {
		if v.IsVisible(cmd) {
			out = append(out, v.VisibleCommand(cmd))
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Lookup finds a command visible to v by its name, an alias of it or its
// module-qualified name, and returns it as v sees it.
func (c *Catalog) Lookup(name string, v Visibility) (*Command, bool) {
	if cmd, ok := c.Qualified(name, v); ok {
		return cmd, true
	}
	cmd, ok := c.Resolve(c.Target(name))
	if !ok || !v.IsVisible(cmd) {
		return nil, false
	}
	return v.VisibleCommand(cmd), true
}

// Qualified finds a command visible to v called by its module-qualified
// name (Microsoft.PowerShell.Utility\Write-Output): the command of that
// name whose module is the one named. A module part that looks like a
// path (a drive, a slash) or is only dots does not qualify.
func (c *Catalog) Qualified(name string, v Visibility) (*Command, bool) {
	i := strings.LastIndexByte(name, '\\')
	if i <= 0 || i == len(name)-1 {
		return nil, false
	}
	mod := name[:i]
	if strings.ContainsAny(mod, `\/:`) || strings.Trim(mod, ".") == "" {
		return nil, false
	}
	cmd, ok := c.Resolve(strings.ToLower(name[i+1:]))
	if !ok || !strings.EqualFold(cmd.Module, mod) || !v.IsVisible(cmd) {
		return nil, false
	}
	return v.VisibleCommand(cmd), true
}

// SetAlias defines alias as another name of target (replacing an alias of
// the same name).
func (c *Catalog) SetAlias(alias, target string) {
	if c.aliases == nil {
		c.aliases = map[string]string{}
	}
	c.aliases[strings.ToLower(alias)] = target
}

// SetAliases defines every alias of t. A table given while no alias was
// set one by one (SetAlias) is used as it is, not copied; one given after
// is copied in, making room for it at once.
func (c *Catalog) SetAliases(t AliasTable) {
	if len(c.aliases) == 0 {
		c.bases = append(c.bases, t)
		return
	}
	if c.aliases == nil {
		c.aliases = make(map[string]string, len(t))
	}
	for _, e := range t {
		c.aliases[strings.ToLower(e.Name)] = e.Target
	}
}

// alias is the target of the alias with lower-case name key.
func (c *Catalog) alias(key string) (string, bool) {
	if target, ok := c.aliases[key]; ok {
		return target, true
	}
	return c.baseAlias(key)
}

// baseAlias is the target of the alias name in the base tables, which
// compare ASCII letters in any case.
func (c *Catalog) baseAlias(name string) (string, bool) {
	for i := len(c.bases) - 1; i >= 0; i-- {
		if e, ok := c.bases[i].Lookup(name); ok {
			return e.Target, true
		}
	}
	return "", false
}

// ownBase copies the base tables' aliases that aliases does not override
// into aliases, which holds every alias from then on.
func (c *Catalog) ownBase() {
	if c.bases == nil {
		return
	}
	own := c.Aliases()
	c.aliases, c.bases = own, nil
}

// Alias returns the name an alias stands for. While only the base tables
// hold aliases, an ASCII name is looked up as it is: they compare it in
// any case, as its lower-case copy would be.
func (c *Catalog) Alias(name string) (string, bool) {
	if len(c.aliases) == 0 && isASCII(name) {
		return c.baseAlias(name)
	}
	return c.alias(strings.ToLower(name))
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Target returns the lower-case name a command name resolves under: the
// target of an alias, else the name itself.
func (c *Catalog) Target(name string) string {
	key := strings.ToLower(name)
	if target, ok := c.alias(key); ok {
		return strings.ToLower(target)
	}
	return key
}

// RemoveAlias removes an alias, reporting whether there was one.
func (c *Catalog) RemoveAlias(name string) bool {
	k := strings.ToLower(name)
	if _, ok := c.alias(k); !ok {
		return false
	}
	c.ownBase()
	delete(c.aliases, k)
	return true
}

// Aliases returns a copy of the aliases: lower-case alias → command name.
func (c *Catalog) Aliases() map[string]string {
	n := len(c.aliases)
	for _, t := range c.bases {
		n += len(t)
	}
	out := make(map[string]string, n)
	for _, t := range c.bases {
		for _, e := range t {
			out[strings.ToLower(e.Name)] = e.Target
		}
	}
	for k, v := range c.aliases {
		out[k] = v
	}
	return out
}

// DeclareModules names modules provided besides those the catalog's
// commands belong to (a meta-module that has no command of its own).
func (c *Catalog) DeclareModules(names ...string) { c.modules = append(c.modules, names...) }

// HasModule reports whether the module is provided: declared with
// DeclareModules (a name ending in ".*" declares a family: every module
// whose name goes on from its prefix), or the module of a command
// registered or declared (the deferred source's commands are not asked).
// Blank names are no module.
func (c *Catalog) HasModule(name string) bool {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return false
	}
	for _, m := range c.modules {
		m = strings.ToLower(m)
		if m == key {
			return true
		}
		if prefix, family := strings.CutSuffix(m, "*"); family && strings.HasSuffix(prefix, ".") && len(key) > len(prefix) && strings.HasPrefix(key, prefix) {
			return true
		}
	}
	c.buildDeclared()
	for _, cmd := range c.commands {
		if strings.EqualFold(cmd.Module, key) {
			return true
		}
	}
	return false
}
