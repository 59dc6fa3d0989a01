package command

import "strings"

// A package declares its commands in a Table: a package-level value the
// compiler lays out in the program's data, with no code run and no memory
// allocated to make it. A session takes the table itself (Catalog.Declare), not a
// command value per name, and builds a command the first time it resolves
// the name: a one-shot command line pays for the few commands it uses,
// not for the hundreds it could have used.

// Table is a package's commands, declared by name.
type Table struct {
	// Commands are built one by one.
	Commands []Decl
	// Groups are built several at a time.
	Groups []Group
}

// Decl declares the command Name, which Build returns.
type Decl struct {
	Name  string
	Build func() *Command
}

// Group declares the commands Names, which one call of Build returns (in
// any order; see LazyGroup).
type Group struct {
	Names []string
	Build func() []*Command
}

// StandIns returns the table's commands as the stand-ins of Lazy and
// LazyGroup, for code that registers or reads command values.
func (t *Table) StandIns() []*Command {
	out := make([]*Command, 0, len(t.Commands))
	for _, d := range t.Commands {
		out = append(out, Lazy(d.Name, d.Build))
	}
	for _, g := range t.Groups {
		out = append(out, LazyGroup(g.Build, g.Names...)...)
	}
	return out
}

// Find returns the stand-in of the command the table declares under a
// lower-case name, with the stand-ins of its group (nil: none). Names are
// compared without regard to case.
func (t *Table) Find(key string) (*Command, []*Command) {
	for _, d := range t.Commands {
		if len(d.Name) == len(key) && strings.EqualFold(d.Name, key) {
			return Lazy(d.Name, d.Build), nil
		}
	}
	for _, g := range t.Groups {
		for i, n := range g.Names {
			if len(n) == len(key) && strings.EqualFold(n, key) {
				all := LazyGroup(g.Build, g.Names...)
				return all[i], all
			}
		}
	}
	return nil, nil
}
