package pester

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

// container is one test file (or script block) of a run.
type container struct {
	// path is the file's full path; "" for a script block container.
	path string
	// sb is the script block of a script block container.
	sb   *automation.ScriptBlock
	data *object.Hashtable
	root *block
	// discoveryErr is why discovery of the container failed (nil when it
	// did not).
	discoveryErr *failure
	// runErr are errors of the container itself during the run (a setup
	// that is not allowed at its top level).
	runErr []*failure

	discovery, user, framework time.Duration
	executed                   bool
}

// name is how the report names the container.
func (c *container) name() string {
	if c.path != "" {
		return c.path
	}
	if c.sb != nil && c.sb.AST != nil && c.sb.AST.Ext.Src != nil && c.sb.AST.Ext.Src.Path != "" {
		return fmt.Sprintf("<ScriptBlock>:%s:%d", c.sb.AST.Ext.Src.Path, c.sb.AST.Ext.Start.Line)
	}
	return "<ScriptBlock>"
}

// errors are the container's own errors: a failed discovery, a setup not
// allowed at its top level, a failed BeforeAll or AfterAll of the file.
func (c *container) errors() []*failure {
	var out []*failure
	if c.discoveryErr != nil {
		out = append(out, c.discoveryErr)
	}
	out = append(out, c.runErr...)
	if c.root != nil {
		out = append(out, c.root.errors...)
	}
	return out
}

func (c *container) duration() time.Duration { return c.discovery + c.user + c.framework }

// block is a Describe or Context block, or the root of a container.
type block struct {
	name string
	// kind is "Describe" or "Context"; "" for a container's root.
	kind      string
	tags      []string
	skip      bool
	data      any
	hasData   bool
	line      int
	file      string
	parent    *block
	container *container
	// items are the tests and blocks in the order they were written.
	items []any

	beforeAll, afterAll, beforeEach, afterEach *automation.ScriptBlock

	expandedName, expandedPath string
	// filtering
	include, exclude, explicit bool
	shouldRun                  bool
	first, last                bool
	// outcome
	executed, ownPassed bool
	errors              []*failure
	written             bool
	user, framework     time.Duration

	mocks mockData
}

func (b *block) isRoot() bool { return b.kind == "" }

// path is the names from the top-level block down to this one.
func (b *block) path() []string {
	if b == nil || b.isRoot() {
		return nil
	}
	return append(b.parent.path(), b.name)
}

// level is the block's depth below the root (1 for a top-level block).
func (b *block) level() int { return len(b.path()) }

func (b *block) tests() []*test {
	var out []*test
	for _, it := range b.items {
		if t, ok := it.(*test); ok {
			out = append(out, t)
		}
	}
	return out
}

func (b *block) blocks() []*block {
	var out []*block
	for _, it := range b.items {
		if c, ok := it.(*block); ok {
			out = append(out, c)
		}
	}
	return out
}

// test is one It.
type test struct {
	name      string
	body      *automation.ScriptBlock
	tags      []string
	skip      bool
	data      any
	hasData   bool
	line      int
	file      string
	groupID   string
	blk       *block
	pending   bool
	startLine int

	expandedName, expandedPath string
	include, exclude, explicit bool
	shouldRun                  bool
	first, last                bool

	executed, passed, skipped, inconclusive bool
	errors                                  []*failure
	user, framework                         time.Duration

	mocks mockData
}

func (t *test) path() []string { return append(t.blk.path(), t.name) }

func (t *test) duration() time.Duration { return t.user + t.framework }

// result is the test's outcome as Pester names it.
func (t *test) result() string {
	switch {
	case t.skipped:
		return "Skipped"
	case t.inconclusive:
		return "Inconclusive"
	case t.passed:
		return "Passed"
	case t.shouldRun && (!t.executed || !t.passed):
		return "Failed"
	}
	return "NotRun"
}

// dataItems enumerates a -ForEach / -TestCases argument.
func dataItems(v any) []any {
	if v == nil {
		return nil
	}
	if _, isHash := v.(*object.Hashtable); isHash {
		return []any{v}
	}
	if items, ok := object.Enumerate(v); ok {
		return items
	}
	return []any{v}
}

// setDataVariables defines a data item's variables in the current scope:
// $_ is the item, and a hashtable's keys become variables of their own.
func setDataVariables(rt *runtime.Runtime, data any) {
	rt.Scope().Set("_", data)
	if h, ok := data.(*object.Hashtable); ok {
		for _, e := range h.Entries() {
			name := rt.ToStr(e.Key)
			if name == "_" || name == "" {
				continue
			}
			rt.Scope().Set(name, e.Value)
		}
	}
}

// blockCommand declares Describe or Context.
func blockCommand(kind string) *command.Command {
	c := function(kind)
	c.Synopsis = "Creates a logical group of tests."
	if kind == "Context" {
		c.Synopsis = "Provides logical grouping of It blocks within a single Describe block."
	}
	c.Params = []*params.Param{
		params.P("Name", params.TString, params.Mandatory(), params.Position(0)),
		params.P("Tag", params.TStrings, params.Alias("Tags")),
		params.P("Fixture", params.TScriptBlock, params.Position(1)),
		params.P("Skip", params.TSwitch),
		params.P("ForEach", params.TObject),
	}
	c.Handler.End = func(ctx *command.Context) error {
		r := current(runtime.Of(ctx))
		name := ctx.String("Name")
		body := scriptBlock(ctx, "Fixture")
		if body == nil {
			if strings.Contains(name, "\n") {
				return thrown("Test fixture name has multiple lines and no test fixture is provided. (Have you provided a name for the test group?)")
			}
			return thrown("No test fixture is provided. (Have you put the open curly brace on the next line?)")
		}
		if r == nil {
			return runInteractively(ctx)
		}
		if !r.discovering {
			return thrown(fmt.Sprintf("%s can run only during Discovery, but not during Run.", kind))
		}
		b := &block{name: name, kind: kind, tags: tagsOf(ctx, "Tag"), skip: ctx.Switch("Skip")}
		if pos := ctx.Position(); pos != nil {
			b.line, b.file = pos.Line, pos.ScriptPath
		}
		if ctx.Has("ForEach") {
			for _, item := range dataItems(ctx.Value("ForEach")) {
				nb := *b
				nb.data, nb.hasData = item, true
				if err := r.discoverBlock(&nb, body); err != nil {
					return err
				}
			}
			return nil
		}
		return r.discoverBlock(b, body)
	}
	return c
}

// discoverBlock adds a block to the one being discovered and runs its
// body, as & { } with the block's data variables defined, to find what
// is in it.
func (r *run) discoverBlock(b *block, body *automation.ScriptBlock) error {
	parent := r.cur
	b.parent, b.container = parent, parent.container
	b.expandedName = b.name
	parent.items = append(parent.items, b)
	r.cur = b
	defer func() { r.cur = parent }()
	return r.rt.InNewScope(false, func() error {
		if b.hasData {
			setDataVariables(r.rt, b.data)
		}
		return r.rt.DotSource(body, nil, nil)
	})
}

// itCommand declares It.
func itCommand() *command.Command {
	c := function("It")
	c.Synopsis = "Validates the results of a test inside of a Describe block."
	c.Sets = []string{"Normal", "Pending", "Skip"}
	c.DefaultSet = "Normal"
	c.Params = []*params.Param{
		params.P("Name", params.TString, params.Mandatory(), params.Position(0)),
		params.P("Test", params.TScriptBlock, params.Position(1)),
		params.P("ForEach", params.TObjects, params.Alias("TestCases")),
		params.P("Tag", params.TStrings, params.Alias("Tags")),
		params.P("Pending", params.TSwitch, params.InSets(params.SetInfo{Set: "Pending", Position: -1})),
		params.P("Skip", params.TSwitch, params.InSets(params.SetInfo{Set: "Skip", Position: -1})),
	}
	c.Handler.End = func(ctx *command.Context) error {
		r := current(runtime.Of(ctx))
		name := ctx.String("Name")
		body := scriptBlock(ctx, "Test")
		if body == nil {
			if strings.Contains(name, "\n") {
				return thrown("Test name has multiple lines and no test scriptblock is provided. Did you provide the test name?")
			}
			return thrown("No test scriptblock is provided. Did you put the opening curly brace on the next line?")
		}
		if r == nil {
			return runInteractively(ctx)
		}
		if !r.discovering {
			return thrown("It can run only during Discovery, but not during Run.")
		}
		if r.cur.isRoot() {
			return thrown("Test cannot be directly in the root.")
		}
		t := &test{name: name, body: body, tags: tagsOf(ctx, "Tag"), skip: ctx.Switch("Skip") || ctx.Switch("Pending"), blk: r.cur}
		t.pending = ctx.Switch("Pending")
		if pos := ctx.Position(); pos != nil {
			t.line, t.file = pos.Line, pos.ScriptPath
		}
		t.expandedName = name
		if ctx.Has("ForEach") {
			items := dataItems(ctx.Value("ForEach"))
			r.groups++
			group := fmt.Sprintf("%d", r.groups)
			for _, item := range items {
				nt := *t
				nt.data, nt.hasData, nt.groupID = item, true, group
				r.cur.items = append(r.cur.items, &nt)
			}
			return nil
		}
		r.cur.items = append(r.cur.items, t)
		return nil
	}
	return c
}

// setupCommand declares BeforeAll, AfterAll, BeforeEach or AfterEach:
// during discovery they remember their script block for the block being
// discovered (the last one of a kind wins); during a run they do nothing.
func setupCommand(name string) *command.Command {
	c := function(name)
	c.Synopsis = map[string]string{
		"BeforeAll":  "Defines a series of steps to perform at the beginning of the current container, Context or Describe block.",
		"AfterAll":   "Defines a series of steps to perform at the end of the current container, Context or Describe block.",
		"BeforeEach": "Defines a series of steps to perform at the beginning of every It block within the current Context or Describe block.",
		"AfterEach":  "Defines a series of steps to perform at the end of every It block within the current Context or Describe block.",
	}[name]
	c.Params = []*params.Param{params.P("Scriptblock", params.TScriptBlock, params.Mandatory(), params.Position(1))}
	c.Handler.End = func(ctx *command.Context) error {
		r := current(runtime.Of(ctx))
		if r == nil || !r.discovering {
			return nil
		}
		sb := scriptBlock(ctx, "Scriptblock")
		switch name {
		case "BeforeAll":
			r.cur.beforeAll = sb
		case "AfterAll":
			r.cur.afterAll = sb
		case "BeforeEach":
			r.cur.beforeEach = sb
		case "AfterEach":
			r.cur.afterEach = sb
		}
		return nil
	}
	return c
}

// beforeDiscoveryCommand declares BeforeDiscovery: its script block runs
// at once, dot-sourced where it is written, when the file is discovered.
func beforeDiscoveryCommand() *command.Command {
	c := function("BeforeDiscovery")
	c.Synopsis = "Runs setup code that is used during Discovery phase."
	c.Params = []*params.Param{params.P("ScriptBlock", params.TScriptBlock, params.Mandatory(), params.Position(0))}
	c.Handler.End = func(ctx *command.Context) error {
		r := current(runtime.Of(ctx))
		if r != nil && !r.discovering {
			return nil
		}
		return runtime.Of(ctx).DotSource(scriptBlock(ctx, "ScriptBlock"), nil, nil)
	}
	return c
}
