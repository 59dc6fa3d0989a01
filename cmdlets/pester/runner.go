package pester

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

// TimingsVariable names the environment variable that makes a run report
// every duration as zero when it is "zero", so that its console output
// and result files are the same from run to run (golden tests).
const TimingsVariable = "EXOSIM_TEST_TIMINGS"

// run is one Invoke-Pester run in a session.
type run struct {
	rt  *runtime.Runtime
	cfg *config
	// discovering is true during discovery, false while tests run.
	discovering bool
	// cur is the block being discovered or run; curTest the test being
	// run (nil outside one).
	cur        *block
	curTest    *test
	containers []*container
	// groups numbers the -ForEach groups of It.
	groups int
	out    *printer
	iso    *isolation
	mocks  map[string]*mockHook

	// started is when the run began (real time, for durations only);
	// fixed reports every duration as zero.
	started time.Time
	fixed   bool
	// userTotal adds up the time spent in the tests' own code.
	userTotal time.Duration
	// executedAt is the simulated time the run began (result files).
	executedAt time.Time
	discovery  time.Duration
	// stopped is the error that ended the run when the user interrupted
	// it (Ctrl+C): nothing more runs.
	stopped error
}

// elapsed is the time since the run began (zero with fixed timings).
func (r *run) elapsed() time.Duration {
	if r.fixed {
		return 0
	}
	return time.Since(r.started)
}

// user runs the tests' own code, counting its time as theirs.
func (r *run) user(fn func() error) error {
	if r.stopped != nil {
		return r.stopped
	}
	start := r.elapsed()
	err := fn()
	r.userTotal += r.elapsed() - start
	if err != nil && r.rt.Interrupted() && r.stopped == nil {
		r.stopped = err
	}
	return err
}

// newRun prepares a run of the session with cfg.
func newRun(rt *runtime.Runtime, cfg *config) *run {
	r := &run{rt: rt, cfg: cfg, started: time.Now(), mocks: map[string]*mockHook{}, executedAt: rt.Now()}
	if env := rt.Env(); env != nil {
		if v, ok := env.Get(TimingsVariable); ok && strings.EqualFold(v, "zero") {
			r.fixed = true
		}
	}
	r.out = newPrinter(rt, cfg)
	return r
}

// execute runs the whole of a run: find the containers, discover, run,
// report. The session's tenant is as the run found it afterwards.
func (r *run) execute() error {
	rt := r.rt
	prev := current(rt)
	runSlot.Set(rt, r)
	defer func() {
		if prev == nil {
			runSlot.Clear(rt)
		} else {
			runSlot.Set(rt, prev)
		}
	}()
	installHook(rt)

	containers, err := r.findContainers()
	if err != nil {
		return err
	}
	if len(containers) == 0 {
		return thrown(fmt.Sprintf("No test files were found and no scriptblocks were provided. Please ensure that you provided at least one path to a *%s file, or a directory that contains such file. Or that you provided a ScriptBlock test container.", r.cfg.testExtension))
	}
	r.containers = containers
	r.out.start()
	iso, err := newIsolation(rt)
	if err != nil {
		return err
	}
	r.iso = iso
	defer r.iso.finish()

	r.out.discoveryStart(len(containers))
	discoveryStart := r.elapsed()
	for _, c := range containers {
		if r.stopped != nil {
			return r.stopped
		}
		r.discoverContainer(c)
	}
	for _, c := range containers {
		r.filterBlock(c.root)
	}
	r.discovery = r.elapsed() - discoveryStart
	r.out.discoveryEnd(r)
	if r.cfg.skipRun {
		return nil
	}
	r.out.runStart()
	for _, c := range containers {
		r.runContainer(c)
		if r.stopped != nil {
			return r.stopped
		}
	}
	return nil
}

// discoverContainer runs a container's code to find its blocks and tests.
func (r *run) discoverContainer(c *container) {
	start := r.elapsed()
	c.root = &block{container: c, shouldRun: true, first: true, last: true, ownPassed: true}
	r.cur, r.discovering = c.root, true
	err := r.user(func() error {
		if c.path != "" {
			return r.rt.InvokeFile(c.path, c.data, nil)
		}
		return r.rt.InNewScope(true, func() error { return r.rt.DotSource(c.sb, c.data, nil) })
	})
	if r.stopped != nil {
		return
	}
	r.discovering = false
	if err != nil && !isExit(err) {
		// what was found before the failure still runs, and the
		// container fails
		c.discoveryErr = failureOf(r.rt, err)
		r.out.discoveryFailed(c)
	}
	c.discovery = r.elapsed() - start
}

func isExit(err error) bool {
	var ex *runtime.ExitSignal
	return errors.As(err, &ex)
}

// runContainer runs one discovered container.
func (r *run) runContainer(c *container) {
	if !c.root.shouldRun {
		return
	}
	start, userBefore := r.elapsed(), r.userTotal
	c.executed = true
	r.out.containerStart(c)
	root := c.root
	switch {
	case root.beforeEach != nil:
		c.runErr = append(c.runErr, failureOf(r.rt, thrown("Each test setup is not supported in root (directly in the block container).")))
	case root.afterEach != nil:
		c.runErr = append(c.runErr, failureOf(r.rt, thrown("Each test Teardown is not supported in root (directly in the block container).")))
	default:
		if err := r.iso.restoreStart(); err != nil {
			c.runErr = append(c.runErr, failureOf(r.rt, err))
			break
		}
		_, cleanup := r.newTestDrive()
		defer cleanup()
		_ = r.rt.InNewScope(true, func() error {
			if c.data != nil {
				for _, e := range c.data.Entries() {
					r.rt.Scope().Set(r.rt.ToStr(e.Key), e.Value)
				}
			}
			r.runBlock(root)
			return nil
		})
	}
	c.user = r.userTotal - userBefore
	c.framework = r.elapsed() - start - c.user
	if r.stopped == nil {
		r.out.containerEnd(c)
	}
}

// newTestDrive makes the folder $TestDrive names for one container: a new
// folder in the session's temporary folder, in a global variable as
// Pester has it, both removed when the container ends. Without a
// temporary folder there is no $TestDrive.
func (r *run) newTestDrive() (string, func()) {
	var out []any
	if err := r.rt.InvokeExpression("[System.IO.Path]::GetTempPath()", func(v any) error {
		out = append(out, v)
		return nil
	}); err != nil || len(out) != 1 {
		return "", func() {}
	}
	files := r.rt.Files()
	dir := r.rt.ToStr(out[0]) + r.rt.NewGuid().String()
	p, err := files.Resolve(dir)
	if err != nil || files.Mkdir(p, true) != nil {
		return "", func() {}
	}
	r.rt.Scope().Global().Set("TestDrive", dir)
	files.MapFolder("TestDrive", p, "Pester test drive")
	return dir, func() {
		files.Unmap("TestDrive")
		_ = files.Remove(p, true)
		_ = r.rt.InvokeExpression("Remove-Variable -Name TestDrive -Scope Global -Force -ErrorAction Ignore", nil)
	}
}

// runBlock runs a block: in a new scope, its data variables, BeforeAll,
// its tests and blocks in a scope of their own, and AfterAll.
func (r *run) runBlock(b *block) {
	if !b.shouldRun || r.stopped != nil {
		return
	}
	start, userBefore := r.elapsed(), r.userTotal
	b.executed = true
	parent := r.cur
	r.cur = b
	defer func() { r.cur = parent }()
	if !b.isRoot() {
		b.expandedPath = b.name
		if !b.parent.isRoot() {
			b.expandedPath = b.parent.expandedPath + "." + b.name
		}
	}
	_ = r.rt.InNewScope(false, func() error {
		if b.hasData {
			setDataVariables(r.rt, b.data)
		}
		ok := true
		if !b.skip {
			if isolated(b) {
				if err := r.iso.enterDescribe(b.parent); err != nil {
					b.errors = append(b.errors, failureOf(r.rt, err))
					ok = false
				}
			}
			if ok && b.beforeAll != nil {
				if err := r.user(func() error { return r.rt.DotSource(b.beforeAll, nil, nil) }); err != nil {
					b.errors = append(b.errors, failureOf(r.rt, err))
					ok = false
				}
			}
		}
		if ok && !b.isRoot() {
			if err := r.expandBlockName(b); err != nil {
				b.errors = append(b.errors, failureOf(r.rt, err))
				ok = false
			}
		}
		if ok {
			if !b.skip && hasDescribeToRun(b) {
				if err := r.iso.capture(b); err != nil {
					b.errors = append(b.errors, failureOf(r.rt, err))
					ok = false
				}
			}
		}
		if ok {
			_ = r.rt.InNewScope(false, func() error {
				for _, it := range b.items {
					switch x := it.(type) {
					case *test:
						r.runTest(x)
					case *block:
						r.runBlock(x)
					}
				}
				return nil
			})
		}
		if !b.skip && b.afterAll != nil {
			if err := r.user(func() error { return r.rt.DotSource(b.afterAll, nil, nil) }); err != nil {
				b.errors = append(b.errors, failureOf(r.rt, err))
			}
		}
		return nil
	})
	b.ownPassed = len(b.errors) == 0
	r.iso.leave(b)
	b.user = r.userTotal - userBefore
	b.framework = r.elapsed() - start - b.user
	if r.stopped == nil {
		r.out.blockEnd(b)
	}
}

// isolated reports whether a block starts from its parent's snapshot of
// the tenant: every Describe, and any block at the top of a file (a file
// of Context blocks isolates them too).
func isolated(b *block) bool {
	return !b.isRoot() && (b.kind == "Describe" || b.parent.isRoot())
}

// hasDescribeToRun reports whether a block has an isolated child that
// runs (it then needs a snapshot of the tenant to start each of them
// from).
func hasDescribeToRun(b *block) bool {
	for _, c := range b.blocks() {
		if isolated(c) && c.shouldRun && !c.skip {
			return true
		}
	}
	return false
}

// runTest runs one test: in a new scope, its data variables, every
// BeforeEach from the outermost block in, the body, every AfterEach from
// the innermost block out.
func (r *run) runTest(t *test) {
	if !t.shouldRun || r.stopped != nil {
		return
	}
	start, userBefore := r.elapsed(), r.userTotal
	r.curTest = t
	defer func() { r.curTest = nil }()
	t.executed = true
	t.expandedPath = t.blk.expandedPath + "." + t.name
	r.out.testStart(t)
	if t.skip {
		t.passed, t.skipped = true, true
	} else {
		var chain []*block
		for b := t.blk; b != nil; b = b.parent {
			chain = append([]*block{b}, chain...)
		}
		_ = r.rt.InNewScope(false, func() error {
			if t.hasData {
				setDataVariables(r.rt, t.data)
			}
			failed := false
			for _, b := range chain {
				if b.beforeEach == nil {
					continue
				}
				if err := r.user(func() error { return r.rt.DotSource(b.beforeEach, nil, nil) }); err != nil {
					t.errors = append(t.errors, failureOf(r.rt, err))
					failed = true
					break
				}
			}
			if !failed {
				if err := r.expandTestName(t); err != nil {
					t.errors = append(t.errors, failureOf(r.rt, err))
					failed = true
				}
			}
			if !failed {
				var named *object.Hashtable
				if h, ok := t.data.(*object.Hashtable); ok && t.body.AST.Param != nil {
					named = h
				}
				if err := r.user(func() error { return r.rt.DotSource(t.body, named, nil) }); err != nil {
					t.errors = append(t.errors, failureOf(r.rt, err))
				}
			}
			for i := len(chain) - 1; i >= 0; i-- {
				b := chain[i]
				if b.afterEach == nil {
					continue
				}
				if err := r.user(func() error { return r.rt.DotSource(b.afterEach, nil, nil) }); err != nil {
					t.errors = append(t.errors, failureOf(r.rt, err))
				}
			}
			return nil
		})
		t.passed = len(t.errors) == 0
		for _, f := range t.errors {
			switch f.id {
			case "PesterTestSkipped", "PesterTestPending":
				t.passed, t.skipped = true, true
			case "PesterTestInconclusive":
				t.passed, t.inconclusive = true, true
			}
		}
	}
	t.user = r.userTotal - userBefore
	t.framework = r.elapsed() - start - t.user
	if r.stopped == nil {
		r.out.testEnd(t)
	}
}

// expandBlockName and expandTestName evaluate the <name> templates of a
// name with the variables of the current scope.
func (r *run) expandBlockName(b *block) error {
	name, err := r.expand(b.name)
	if err != nil {
		return err
	}
	b.expandedName = name
	b.expandedPath = name
	if !b.parent.isRoot() {
		b.expandedPath = b.parent.expandedPath + "." + name
	}
	return nil
}

func (r *run) expandTestName(t *test) error {
	name, err := r.expand(t.name)
	if err != nil {
		return err
	}
	t.expandedName = name
	t.expandedPath = t.blk.expandedPath + "." + name
	return nil
}

// expand turns every <expr> of a name that is not escaped with a
// backtick into $(expr) of an expandable string, and evaluates it.
func (r *run) expand(name string) (string, error) {
	if !strings.Contains(name, "<") {
		return name, nil
	}
	var sb strings.Builder
	sb.WriteByte('"')
	rs := []rune(name)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch c {
		case '$':
			sb.WriteString("`$")
			continue
		case '"':
			sb.WriteString("`\"")
			continue
		case '<':
			if i == 0 || rs[i-1] != '`' {
				j := i + 1
				for j < len(rs) && rs[j] != '>' && rs[j] != '^' && rs[j] != '`' {
					j++
				}
				if j < len(rs) && rs[j] == '>' && j > i+1 {
					sb.WriteString("$($" + string(rs[i+1:j]) + ")")
					i = j
					continue
				}
			}
		}
		sb.WriteRune(c)
	}
	sb.WriteByte('"')
	var out []any
	err := r.rt.InvokeExpression(sb.String(), func(v any) error {
		out = append(out, v)
		return nil
	})
	if err != nil {
		return name, err
	}
	if len(out) == 0 {
		return "", nil
	}
	return r.rt.ToStr(out[0]), nil
}

// filterBlock decides which blocks and tests of a discovered container run
// (tags, names, -Skip), and marks the first and last of each block, as
// Pester does after discovery.
func (r *run) filterBlock(b *block) {
	if b.isRoot() {
		b.shouldRun = true
		b.include, b.exclude = false, false
	} else {
		inc, exc, expl := r.shouldRun(b.tags, b.path(), b.parent)
		b.explicit = expl
		b.shouldRun = inc || !exc
		b.include = inc && !exc
		b.exclude = exc
	}
	if b.skip {
		b.skip = !b.explicit
	} else if !b.isRoot() && b.parent.skip {
		b.skip = true
	}
	blockShouldRun, allTestsSkipped := false, true
	var toRun []*test
	for _, t := range b.tests() {
		if b.exclude {
			t.shouldRun = false
		} else {
			inc, exc, expl := r.shouldRun(t.tags, t.path(), b)
			t.explicit = expl
			t.shouldRun = inc && !exc
		}
		if t.skip || b.skip {
			t.skip = !(t.shouldRun && t.explicit)
		}
		if b.shouldRun && t.shouldRun {
			toRun = append(toRun, t)
		}
	}
	if len(toRun) > 0 {
		toRun[0].first, toRun[len(toRun)-1].last = true, true
		blockShouldRun = true
		for _, t := range toRun {
			if !t.skip {
				allTestsSkipped = false
				break
			}
		}
	}
	anyChild, allChildSkipped := false, true
	var childrenToRun []*block
	for _, c := range b.blocks() {
		r.filterBlock(c)
		if c.shouldRun {
			childrenToRun = append(childrenToRun, c)
		}
	}
	if len(childrenToRun) > 0 {
		anyChild = true
		childrenToRun[0].first, childrenToRun[len(childrenToRun)-1].last = true, true
		for _, c := range childrenToRun {
			if !c.skip {
				allChildSkipped = false
				break
			}
		}
	}
	b.shouldRun = b.shouldRun && (blockShouldRun || anyChild)
	if b.shouldRun {
		skipByChildren := allTestsSkipped && allChildSkipped
		if !b.skip && skipByChildren {
			b.skip = true
		} else if b.skip && !skipByChildren {
			b.skip = false
		}
	}
}

// shouldRun applies the tag and name filters to a block or test whose
// parent is parent, as Pester's filter does: an excluded tag or parent
// wins; with include filters an item runs when it or its parent matches
// one; without any, every test runs.
func (r *run) shouldRun(tags, path []string, parent *block) (include, exclude, explicit bool) {
	f := r.cfg
	if parent != nil && parent.exclude {
		return false, true, false
	}
	for _, pat := range f.excludeTags {
		for _, t := range tags {
			if r.like(t, pat) {
				return false, true, false
			}
		}
	}
	if parent != nil && parent.include {
		return true, false, false
	}
	anyInclude := false
	if len(f.tags) > 0 {
		anyInclude = true
		for _, pat := range f.tags {
			for _, t := range tags {
				if r.like(t, pat) {
					return true, false, false
				}
			}
		}
	}
	if len(f.fullNames) > 0 {
		anyInclude = true
		full := strings.Join(path, ".")
		for _, pat := range f.fullNames {
			if r.like(full, pat) {
				return true, false, false
			}
		}
	}
	if anyInclude {
		return false, false, false
	}
	// no include filter: every test runs; a block's fate depends on its
	// children
	return true, false, false
}

// like is PowerShell's -like.
func (r *run) like(s, pattern string) bool {
	v, err := r.rt.Operator("-like", s, pattern)
	return err == nil && object.ToBool(v)
}

// counts are a run's totals.
type counts struct {
	total, passed, failed, skipped, inconclusive, notRun int
	failedBlocks                                         []*block
	failedContainers                                     []*container
}

// tally counts the tests of every container.
func (r *run) tally() counts {
	var c counts
	for _, ct := range r.containers {
		if len(ct.errors()) > 0 {
			c.failedContainers = append(c.failedContainers, ct)
		}
		if ct.root == nil {
			continue
		}
		var walk func(b *block)
		walk = func(b *block) {
			if len(b.errors) > 0 && !b.isRoot() {
				c.failedBlocks = append(c.failedBlocks, b)
			}
			for _, it := range b.items {
				switch x := it.(type) {
				case *test:
					c.total++
					switch x.result() {
					case "Passed":
						c.passed++
					case "Failed":
						c.failed++
					case "Skipped":
						c.skipped++
					case "Inconclusive":
						c.inconclusive++
					default:
						c.notRun++
					}
				case *block:
					walk(x)
				}
			}
		}
		walk(ct.root)
	}
	return c
}

// failedTotal is what Invoke-Pester -CI exits with: failed tests, blocks
// and containers.
func (c counts) failedTotal() int {
	return c.failed + len(c.failedBlocks) + len(c.failedContainers)
}

// duration is the whole run's duration.
func (r *run) duration() time.Duration {
	var d time.Duration
	for _, c := range r.containers {
		d += c.duration()
	}
	return d
}
