package command_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// gates shows every command except those named in hidden, and hides the
// parameters named in hideParams (on a copy, as the session's gates do).
type gates struct {
	hidden     map[string]bool
	hideParams map[string]bool
}

func (g gates) IsVisible(c *command.Command) bool { return !g.hidden[c.Name] }

func (g gates) VisibleCommand(c *command.Command) *command.Command {
	cp := *c
	cp.Params = nil
	for _, p := range c.Params {
		if !g.hideParams[p.Name] {
			cp.Params = append(cp.Params, p)
		}
	}
	if len(cp.Params) == len(c.Params) {
		return c
	}
	return &cp
}

var all = gates{}

func cmd(module, name string) *command.Command {
	return &command.Command{Name: name, Module: module}
}

// names lists the names of cmds, with their modules when they have one.
func names(cmds []*command.Command) string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.Module+`\`+c.Name)
	}
	return strings.Join(out, ",")
}

func TestCatalogLookup(t *testing.T) {
	t.Parallel()
	var cat command.Catalog
	cat.Register(cmd("Utility", "Write-Output"), cmd("Utility", "Get-Ünïcode"), cmd("Online", "Get-Thing"))
	cat.Register(cmd("Other", "Get-Other")) // one at a time: no batch
	cat.Register(cmd("Hidden", "Get-Secret"))
	cat.SetAlias("echo", "Write-Output")
	cat.SetAlias("GT", "get-thing")
	cat.SetAlias("gone", "Get-Nothing")
	cat.SetAlias("sec", "Get-Secret")
	g := gates{hidden: map[string]bool{"Get-Secret": true}}
	for _, tc := range []struct {
		name, want string // want "" when not found
	}{
		{"write-output", "Write-Output"},
		{"WRITE-OUTPUT", "Write-Output"},
		{"get-ünïcode", "Get-Ünïcode"}, // a batch with a non-ASCII name
		{"Get-Other", "Get-Other"},
		{"ECHO", "Write-Output"}, // an alias, in any case
		{"gt", "Get-Thing"},      // whose target is in any case
		{"gone", ""},             // an alias of a command that does not exist
		{"Get-Secret", ""},       // a command the gates hide
		{"sec", ""},              // and an alias of it
		{`Utility\Write-Output`, "Write-Output"},
		{`utility\write-output`, "Write-Output"},
		{`Online\Write-Output`, ""}, // the wrong module
		{`Utility\echo`, ""},        // a module-qualified name is not an alias
		{`Hidden\Get-Secret`, ""},   // nor reaches a hidden command
		{`C:\Write-Output`, ""},     // a path, not a module
		{`.\Write-Output`, ""},      // a relative path
		{`a/b\Write-Output`, ""},    // a path with a slash
		{`\Write-Output`, ""},       // no module
		{`Utility\`, ""},            // no command
		{"Write-Outpu", ""},         // no prefix matching
	} {
		c, ok := cat.Lookup(tc.name, g)
		got := ""
		if ok {
			got = c.Name
		}
		if got != tc.want {
			t.Errorf("Lookup(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
	// The gates hide a command from lookup, not from Registered.
	if c := cat.Registered("GET-SECRET"); c == nil || c.Name != "Get-Secret" {
		t.Errorf("Registered of a hidden command: %v", c)
	}
	if got := names(cat.Commands(g)); got != `Other\Get-Other,Online\Get-Thing,Utility\Get-Ünïcode,Utility\Write-Output` {
		t.Errorf("Commands: %s", got)
	}
	if !cat.RemoveAlias("Echo") || cat.RemoveAlias("echo") {
		t.Error("RemoveAlias removes an alias once, in any case")
	}
	if _, ok := cat.Lookup("echo", g); ok {
		t.Error("a removed alias still resolves")
	}
	if got := cat.Aliases(); len(got) != 3 || got["gt"] != "get-thing" {
		t.Errorf("Aliases: %v", got)
	}
}

func TestCatalogGatedCopies(t *testing.T) {
	t.Parallel()
	var cat command.Catalog
	full := cmd("M", "Set-Thing")
	full.Params = []*params.Param{{Name: "Name"}, {Name: "Secret"}}
	cat.Register(full)
	g := gates{hideParams: map[string]bool{"Secret": true}}
	seen, ok := cat.Lookup("set-thing", g)
	if !ok || seen == full || len(seen.Params) != 1 {
		t.Fatalf("Lookup did not return the gated copy: %v", seen)
	}
	if cat.Full(seen) != full {
		t.Error("Full of a gated copy is not the registered declaration")
	}
	stranger := cmd("M", "Get-Stranger")
	if cat.Full(stranger) != stranger {
		t.Error("Full of an unregistered command is not the command itself")
	}
}

type deferred struct {
	names  []string
	builds map[string]int
}

func (d *deferred) Has(name string) bool {
	for _, n := range d.names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

func (d *deferred) Names() []string { return d.names }

func (d *deferred) Build(name string) *command.Command {
	for _, n := range d.names {
		if strings.EqualFold(n, name) {
			d.builds[n]++
			return cmd("Deferred", n)
		}
	}
	return nil
}

func TestCatalogBuildsOnFirstUse(t *testing.T) {
	t.Parallel()
	builds := map[string]int{}
	decl := func(name string) command.Decl {
		return command.Decl{Name: name, Build: func() *command.Command { builds[name]++; return cmd("Table", name) }}
	}
	first := &command.Table{
		Commands: []command.Decl{decl("Get-One"), decl("Get-Shadowed"), decl("Get-Twice")},
		Groups: []command.Group{{Names: []string{"Get-Pair", "Set-Pair", "Remove-Pair"}, Build: func() []*command.Command {
			builds["pair"]++
			return []*command.Command{cmd("Table", "Set-Pair"), cmd("Table", "Remove-Pair"), cmd("Table", "Get-Pair")}
		}}},
	}
	second := &command.Table{Commands: []command.Decl{{Name: "Get-Twice", Build: func() *command.Command {
		builds["second Get-Twice"]++
		return cmd("Second", "Get-Twice")
	}}}}
	src := &deferred{names: []string{"Get-Later", "Get-One", "Get-Listed"}, builds: builds}
	var cat command.Catalog
	cat.Declare(first, second)
	cat.SetDeferred(src)
	cat.Register(cmd("Registered", "Get-Shadowed"), cmd("Registered", "Remove-Pair"))
	cat.DeclareModules("Meta.Module")
	if len(builds) != 0 {
		t.Fatalf("built before use: %v", builds)
	}
	for _, tc := range []struct{ name, module string }{
		{"get-one", "Table"},               // a table wins over the deferred source
		{"GET-ONE", "Table"},               // built once
		{"Get-Shadowed", "Registered"},     // a registered command wins over a table
		{"Get-Twice", "Table"},             // an earlier table over a later one
		{"set-pair", "Table"},              // one of a group
		{"Remove-Pair", "Registered"},      // but not one registered
		{"Get-Later", "Deferred"},          // the deferred source's
		{`Deferred\Get-Later`, "Deferred"}, // module-qualified
	} {
		c, ok := cat.Lookup(tc.name, all)
		if !ok || c.Module != tc.module {
			t.Errorf("Lookup(%q) = %v; want the command of module %s", tc.name, c, tc.module)
		}
	}
	want := map[string]int{"Get-One": 1, "pair": 1, "Get-Twice": 1, "Get-Later": 1}
	for k, n := range want {
		if builds[k] != n {
			t.Errorf("%s built %d times; want %d (%v)", k, builds[k], n, builds)
		}
	}
	if len(builds) != len(want) {
		t.Errorf("built more than what was resolved: %v", builds)
	}
	if c := cat.Registered("get-pair"); c == nil || c.Module != "Table" || builds["pair"] != 1 {
		t.Errorf("the rest of a resolved group: %v (%v)", c, builds)
	}
	// A module is provided when declared or when a command of the tables
	// or a registered one belongs to it (a deferred command resolved
	// before counts; see TestCatalogModulesSkipDeferred).
	for mod, want := range map[string]bool{"meta.module": true, " Table ": true, "Second": false, "registered": true, "Deferred": true, "Absent": false, " ": false} {
		if got := cat.HasModule(mod); got != want {
			t.Errorf("HasModule(%q) = %v; want %v", mod, got, want)
		}
	}
	if builds["Get-Shadowed"] != 0 || builds["second Get-Twice"] != 0 {
		t.Errorf("a shadowed declaration was built: %v", builds)
	}
	// Commands lists every command, building the tables and the deferred
	// source, but never a shadowed declaration.
	if got := names(cat.Commands(all)); got != `Deferred\Get-Later,Deferred\Get-Listed,Table\Get-One,Table\Get-Pair,Registered\Get-Shadowed,Table\Get-Twice,Registered\Remove-Pair,Table\Set-Pair` {
		t.Errorf("Commands: %s", got)
	}
	if builds["Get-One"] != 1 || builds["Get-Listed"] != 1 || builds["Get-Shadowed"] != 0 || builds["second Get-Twice"] != 0 {
		t.Errorf("Commands built: %v", builds)
	}
}

func TestCatalogModulesSkipDeferred(t *testing.T) {
	t.Parallel()
	src := &deferred{names: []string{"Get-Later"}, builds: map[string]int{}}
	var cat command.Catalog
	cat.SetDeferred(src)
	cat.Declare(&command.Table{Commands: []command.Decl{{Name: "Get-Declared", Build: func() *command.Command { return cmd("Table", "Get-Declared") }}}})
	if !cat.HasModule("table") {
		t.Error("the module of a declared command not resolved yet is not provided")
	}
	if cat.HasModule("Deferred") || len(src.builds) != 0 {
		t.Errorf("HasModule asked the deferred source: %v", src.builds)
	}
	if _, ok := cat.Lookup("Get-Later", all); !ok || !cat.HasModule("Deferred") {
		t.Error("the module of a resolved deferred command is not provided")
	}
}

func TestCatalogWrap(t *testing.T) {
	t.Parallel()
	builds := 0
	var cat command.Catalog
	cat.Declare(&command.Table{Commands: []command.Decl{{Name: "Get-Wrapped", Build: func() *command.Command {
		builds++
		return cmd("Table", "Get-Wrapped")
	}}}})
	wraps := 0
	wrap := func(orig *command.Command) *command.Command {
		wraps++
		c := *orig
		c.Module = "Wrapper of " + orig.Module
		return &c
	}
	cat.Wrap("GET-WRAPPED", wrap)
	cat.Wrap("Get-Absent", wrap) // nothing to wrap
	// A path is not a module-qualified name: nothing is built for it.
	for _, name := range []string{`.\Get-Wrapped`, `C:\Get-Wrapped`, `dir/sub\Get-Wrapped`} {
		if _, ok := cat.Lookup(name, all); ok {
			t.Errorf("Lookup(%q) found a command", name)
		}
	}
	if builds != 0 || wraps != 0 {
		t.Fatalf("Wrap built: %d builds, %d wraps", builds, wraps)
	}
	if _, ok := cat.Lookup("Get-Absent", all); ok {
		t.Error("wrapping a name registered it")
	}
	for i := 0; i < 2; i++ {
		c, ok := cat.Lookup("get-wrapped", all)
		if !ok || c.Module != "Wrapper of Table" {
			t.Fatalf("Lookup of a wrapped command: %v", c)
		}
	}
	if builds != 1 || wraps != 1 {
		t.Errorf("%d builds, %d wraps; want one each", builds, wraps)
	}
	// A registered command is wrapped too, and a command registered after
	// Wrap under the name is left alone.
	cat.Register(cmd("Own", "Get-Registered"))
	cat.Wrap("Get-Registered", wrap)
	cat.Wrap("Get-Later", wrap)
	cat.Register(cmd("Own", "Get-Later"))
	if c, ok := cat.Lookup("Get-Registered", all); !ok || c.Module != "Wrapper of Own" {
		t.Errorf("Lookup of a wrapped registered command: %v", c)
	}
	if c, ok := cat.Lookup("Get-Later", all); !ok || c.Module != "Own" {
		t.Errorf("Lookup of a command registered after Wrap: %v", c)
	}
}

// Tables declared in several calls (each list kept as given) answer as
// one list in the order declared: an earlier table wins over a later one
// within a list and across lists, and every table's commands are listed.
func TestCatalogDeclaresListsInOrder(t *testing.T) {
	t.Parallel()
	table := func(module string, names ...string) *command.Table {
		tb := &command.Table{}
		for _, n := range names {
			tb.Commands = append(tb.Commands, command.Decl{Name: n, Build: func() *command.Command { return cmd(module, n) }})
		}
		return tb
	}
	first := []*command.Table{table("A", "Get-A", "Get-Shared"), table("B", "Get-B", "Get-Shared")}
	var cat command.Catalog
	cat.Declare(first...)
	cat.Declare(table("C", "Get-C", "Get-Shared", "Get-B"))
	cat.Declare(table("D", "Get-D"))
	for name, module := range map[string]string{"Get-A": "A", "Get-B": "B", "Get-C": "C", "Get-D": "D", "get-shared": "A"} {
		c, ok := cat.Lookup(name, all)
		if !ok || c.Module != module {
			t.Errorf("Lookup(%q) = %v; want the command of module %s", name, c, module)
		}
	}
	if got := names(cat.Commands(all)); got != `A\Get-A,B\Get-B,C\Get-C,D\Get-D,A\Get-Shared` {
		t.Errorf("Commands: %s", got)
	}
}
