package pester

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/pester/xmlwriter"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
)

// seconds is a duration in seconds with three decimals (JUnit's times).
func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// nunitTime is a duration in seconds rounded to four decimals, "0" for
// none (NUnit's times).
func nunitTime(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	s := math.RoundToEven(d.Seconds()*10000) / 10000
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", s), "0"), ".")
}

// environment is what the result files say about where the tests ran:
// the session's simulated machine and user.
func (r *run) environment() [][2]string {
	env := func(name string) string {
		if e := r.rt.Env(); e != nil {
			if v, ok := e.Get(name); ok {
				return v
			}
		}
		return ""
	}
	cwd := ""
	if f := r.rt.Files(); f != nil {
		cwd = f.Location().String()
	}
	out := [][2]string{
		{"clr-version", "8.0.10"},
		{"cwd", cwd},
		{"framework-version", Version},
		{"machine-name", env("COMPUTERNAME")},
		{"os-version", "7.4.6"},
		{"platform", "exosim"},
		{"user", env("USERNAME")},
		{"user-domain", env("USERDOMAIN")},
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// testsOf lists a container's tests that were selected to run, in order.
func testsOf(c *container) []*test {
	var out []*test
	var walk func(b *block)
	walk = func(b *block) {
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				if x.shouldRun {
					out = append(out, x)
				}
			case *block:
				walk(x)
			}
		}
	}
	if c.root != nil {
		walk(c.root)
	}
	return out
}

// errorReport is a test's failure message and stack trace for a result
// file.
func errorReport(t *test) (message, trace string) {
	if t.shouldRun && !t.executed {
		return "This test should run but it did not. Most likely a setup in some parent block failed.", ""
	}
	if len(t.errors) == 1 {
		return t.errors[0].displayMessage(), t.errors[0].displayTrace()
	}
	var ms, ts []string
	for i, f := range t.errors {
		ms = append(ms, fmt.Sprintf("[%d] %s", i, f.displayMessage()))
		ts = append(ts, fmt.Sprintf("[%d] %s", i, f.displayTrace()))
	}
	return strings.Join(ms, "\n"), strings.Join(ts, "\n")
}

// junit writes the run as a JUnit 4 XML report.
func (r *run) junit(c counts) string {
	w := xmlwriter.New()
	w.Start("testsuites", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:noNamespaceSchemaLocation", "junit_schema_4.xsd",
		"name", r.cfg.suiteName, "tests", fmt.Sprint(c.total), "errors", fmt.Sprint(len(c.failedContainers)+len(c.failedBlocks)),
		"failures", fmt.Sprint(c.failed), "disabled", fmt.Sprint(c.notRun+c.skipped), "time", seconds(r.duration()))
	id := 0
	for _, ct := range r.containers {
		if ct.root == nil || !ct.root.shouldRun {
			continue
		}
		cc := containerCounts(ct)
		w.Start("testsuite", "name", ct.name(), "tests", fmt.Sprint(cc.total), "errors", "0", "failures", fmt.Sprint(cc.failed),
			"hostname", r.envValue("machine-name"), "id", fmt.Sprint(id), "skipped", fmt.Sprint(cc.skipped), "disabled", fmt.Sprint(cc.notRun),
			"package", ct.name(), "time", seconds(ct.duration()))
		id++
		w.Start("properties")
		for _, kv := range append(r.environment(), [2]string{"junit-version", "4"}) {
			w.Start("property", "name", kv[0], "value", kv[1])
			w.End()
		}
		w.End()
		for _, t := range testsOf(ct) {
			res := t.result()
			w.Start("testcase", "name", t.expandedPath, "status", res, "classname", ct.name(), "assertions", "0", "time", seconds(t.duration()))
			if res != "Passed" {
				el := "skipped"
				if res == "Failed" {
					el = "failure"
				}
				msg, trace := errorReport(t)
				w.Start(el, "message", msg)
				w.Text(trace)
				w.End()
			}
			w.End()
		}
		w.End()
	}
	w.End()
	return w.String()
}

func (r *run) envValue(name string) string {
	for _, kv := range r.environment() {
		if kv[0] == name {
			return kv[1]
		}
	}
	return ""
}

// containerCounts counts one container's tests.
func containerCounts(c *container) counts {
	var n counts
	for _, t := range testsOfAll(c) {
		n.total++
		switch t.result() {
		case "Passed":
			n.passed++
		case "Failed":
			n.failed++
		case "Skipped":
			n.skipped++
		case "Inconclusive":
			n.inconclusive++
		default:
			n.notRun++
		}
	}
	return n
}

// testsOfAll lists every test of a container, selected or not.
func testsOfAll(c *container) []*test {
	var out []*test
	var walk func(b *block)
	walk = func(b *block) {
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				out = append(out, x)
			case *block:
				walk(x)
			}
		}
	}
	if c.root != nil {
		walk(c.root)
	}
	return out
}

// blockCounts counts the tests of a block and the blocks in it.
func blockCounts(b *block) (total, failed, skipped, pending, inconclusive int, d time.Duration) {
	var walk func(b *block)
	walk = func(b *block) {
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				total++
				switch x.result() {
				case "Failed":
					failed++
				case "Skipped":
					skipped++
				case "Inconclusive":
					inconclusive++
				}
				d += x.duration()
			case *block:
				walk(x)
			}
		}
	}
	walk(b)
	d = b.user + b.framework
	return
}

func groupResult(failed, skipped, pending, inconclusive int) string {
	switch {
	case failed > 0:
		return "Failure"
	case skipped > 0:
		return "Ignored"
	case pending > 0, inconclusive > 0:
		return "Inconclusive"
	}
	return "Success"
}

// nunit writes the run as an NUnit 2.5 XML report.
func (r *run) nunit(c counts) string {
	w := xmlwriter.New()
	w.Start("test-results", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:noNamespaceSchemaLocation", "nunit_schema_2.5.xsd",
		"name", r.cfg.suiteName, "total", fmt.Sprint(c.total-c.notRun), "errors", "0", "failures", fmt.Sprint(c.failed),
		"not-run", fmt.Sprint(c.notRun), "inconclusive", fmt.Sprint(c.inconclusive), "ignored", "0", "skipped", fmt.Sprint(c.skipped),
		"invalid", "0", "date", r.executedAt.Format("2006-01-02"), "time", r.executedAt.Format("15:04:05"))
	var attrs []string
	for _, kv := range append(r.environment(), [2]string{"nunit-version", "2.5.8.0"}) {
		if kv[0] == "framework-version" {
			continue
		}
		attrs = append(attrs, kv[0], kv[1])
	}
	w.Start("environment", attrs...)
	w.End()
	w.Start("culture-info", "current-culture", "en-US", "current-uiculture", "en-US")
	w.End()
	success := "True"
	if c.failed > 0 {
		success = "False"
	}
	w.Start("test-suite", "type", "TestFixture", "name", r.cfg.suiteName, "executed", "True", "result", groupResult(c.failed, c.skipped, 0, c.inconclusive),
		"success", success, "time", nunitTime(r.duration()), "asserts", "0", "description", r.cfg.suiteName)
	w.Start("results")
	for _, ct := range r.containers {
		if ct.root == nil || !ct.root.shouldRun {
			continue
		}
		r.nunitSuite(w, ct.root, ct.name(), ct.name(), ct.duration())
	}
	w.End()
	w.End()
	w.End()
	return w.String()
}

// nunitSuite writes a block (or a container's root) as a test-suite.
func (r *run) nunitSuite(w *xmlwriter.Writer, b *block, name, description string, d time.Duration) {
	_, failed, skipped, pending, inconclusive, _ := blockCounts(b)
	success := "True"
	if failed > 0 {
		success = "False"
	}
	w.Start("test-suite", "type", "TestFixture", "name", name, "executed", "True", "result", groupResult(failed, skipped, pending, inconclusive),
		"success", success, "time", nunitTime(d), "asserts", "0", "description", description)
	w.Start("results")
	for _, cb := range b.blocks() {
		if !cb.shouldRun {
			continue
		}
		path := cb.expandedPath
		if path == "" {
			path = strings.Join(cb.path(), ".")
		}
		desc := cb.expandedName
		if desc == "" {
			desc = cb.name
		}
		if cb.parent.isRoot() {
			desc = path
		}
		r.nunitSuite(w, cb, path, desc, cb.user+cb.framework)
	}
	// tests of one -ForEach group form a parameterized suite
	tests := b.tests()
	for i := 0; i < len(tests); {
		t := tests[i]
		if t.groupID == "" {
			r.nunitCase(w, t, "")
			i++
			continue
		}
		j := i
		for j < len(tests) && tests[j].groupID == t.groupID {
			j++
		}
		group := tests[i:j]
		var gf, gs, gi int
		var gd time.Duration
		for _, g := range group {
			switch g.result() {
			case "Failed":
				gf++
			case "Skipped":
				gs++
			case "Inconclusive":
				gi++
			}
			gd += g.duration()
		}
		gname := strings.Join(t.path(), ".")
		gsuccess := "True"
		if gf > 0 {
			gsuccess = "False"
		}
		w.Start("test-suite", "type", "ParameterizedTest", "name", gname, "executed", "True", "result", groupResult(gf, gs, 0, gi),
			"success", gsuccess, "time", nunitTime(gd), "asserts", "0", "description", t.name)
		w.Start("results")
		for _, g := range group {
			r.nunitCase(w, g, gname)
		}
		w.End()
		w.End()
		i = j
	}
	w.End()
	w.End()
}

// nunitCase writes one test as a test-case.
func (r *run) nunitCase(w *xmlwriter.Writer, t *test, suite string) {
	if !t.shouldRun {
		return
	}
	name := t.expandedPath
	if name == "" {
		name = strings.Join(t.path(), ".")
	}
	if suite != "" && name == suite {
		if h, ok := t.data.(*object.Hashtable); ok {
			var ps []string
			for _, e := range h.Entries() {
				switch v := e.Value.(type) {
				case nil:
					ps = append(ps, "null")
				case string:
					ps = append(ps, `"`+v+`"`)
				default:
					ps = append(ps, r.rt.ToStr(v))
				}
			}
			name += "(" + strings.Join(ps, ",") + ")"
		}
	}
	res := t.result()
	desc := t.expandedName
	if desc == "" {
		desc = t.name
	}
	attrs := []string{"description", desc, "name", name, "time", nunitTime(t.duration()), "asserts", "0", "success", map[bool]string{true: "True", false: "False"}[res == "Passed"]}
	switch res {
	case "Passed":
		w.Start("test-case", append(attrs, "result", "Success", "executed", "True")...)
	case "Skipped":
		w.Start("test-case", append(attrs, "result", "Ignored", "executed", "False")...)
		if len(t.errors) > 0 {
			w.Start("reason")
			w.Element("message", t.errors[len(t.errors)-1].displayMessage())
			w.End()
		}
	case "Inconclusive":
		w.Start("test-case", append(attrs, "result", "Inconclusive", "executed", "True")...)
		if len(t.errors) > 0 {
			w.Start("reason")
			w.Element("message", t.errors[len(t.errors)-1].displayMessage())
			w.End()
		}
	case "Failed":
		w.Start("test-case", append(attrs, "result", "Failure", "executed", "True")...)
		msg, trace := errorReport(t)
		w.Start("failure")
		w.Element("message", msg)
		w.Element("stack-trace", trace)
		w.End()
	default:
		return
	}
	w.End()
}

// resultObject is the [Pester.Run] object Invoke-Pester -PassThru returns.
func (r *run) resultObject(c counts) *object.PSObject {
	res := "Passed"
	if c.failedTotal() > 0 {
		res = "Failed"
	}
	o := object.NewObject("Pester.Run", "System.Object")
	var containers, tests, passed, failed, skipped, inconclusive, notRun, failedBlocks, failedContainers []any
	for _, ct := range r.containers {
		containers = append(containers, r.containerObject(ct))
		for _, t := range testsOfAll(ct) {
			to := r.testObject(t)
			tests = append(tests, to)
			switch t.result() {
			case "Passed":
				passed = append(passed, to)
			case "Failed":
				failed = append(failed, to)
			case "Skipped":
				skipped = append(skipped, to)
			case "Inconclusive":
				inconclusive = append(inconclusive, to)
			default:
				notRun = append(notRun, to)
			}
		}
	}
	for _, b := range c.failedBlocks {
		failedBlocks = append(failedBlocks, r.blockObject(b))
	}
	for _, ct := range c.failedContainers {
		failedContainers = append(failedContainers, r.containerObject(ct))
	}
	list := func(items []any) *object.List {
		if items == nil {
			items = []any{}
		}
		return &object.List{Items: items}
	}
	o.Add("Containers", list(containers))
	o.Add("Result", res)
	o.Add("FailedCount", c.failed)
	o.Add("FailedBlocksCount", len(c.failedBlocks))
	o.Add("FailedContainersCount", len(c.failedContainers))
	o.Add("PassedCount", c.passed)
	o.Add("SkippedCount", c.skipped)
	o.Add("InconclusiveCount", c.inconclusive)
	o.Add("NotRunCount", c.notRun)
	o.Add("TotalCount", c.total)
	o.Add("Duration", r.timeSpan(r.duration()))
	o.Add("Executed", true)
	o.Add("ExecutedAt", r.executedAt)
	o.Add("Version", Version)
	o.Add("PSVersion", "7.4.6")
	o.Add("Passed", list(passed))
	o.Add("Failed", list(failed))
	o.Add("Skipped", list(skipped))
	o.Add("Inconclusive", list(inconclusive))
	o.Add("NotRun", list(notRun))
	o.Add("Tests", list(tests))
	o.Add("FailedBlocks", list(failedBlocks))
	o.Add("FailedContainers", list(failedContainers))
	o.Add("DiscoveryDuration", r.timeSpan(r.discovery))
	o.ToStringFunc = func() string { return resultMark(res) + " Pester" }
	return o
}

func (r *run) timeSpan(d time.Duration) any {
	return object.TimeSpan(d / 100)
}

func resultMark(res string) string {
	switch res {
	case "Passed":
		return "[+]"
	case "Failed":
		return "[-]"
	case "Skipped":
		return "[!]"
	case "Inconclusive":
		return "[?]"
	case "NotRun":
		return "[ ]"
	}
	return "[ERR]"
}

func (r *run) containerObject(c *container) *object.PSObject {
	o := object.NewObject("Pester.Container", "System.Object")
	cc := containerCounts(c)
	res := "NotRun"
	switch {
	case len(c.errors()) > 0 || cc.failed > 0:
		res = "Failed"
	case c.root != nil && c.root.skip:
		res = "Skipped"
	case c.executed:
		res = "Passed"
	}
	typ := "File"
	if c.path == "" {
		typ = "ScriptBlock"
	}
	o.Add("Name", c.name())
	o.Add("Type", typ)
	o.Add("Item", c.name())
	o.Add("Result", res)
	o.Add("FailedCount", cc.failed)
	o.Add("PassedCount", cc.passed)
	o.Add("SkippedCount", cc.skipped)
	o.Add("NotRunCount", cc.notRun)
	o.Add("TotalCount", cc.total)
	o.Add("Duration", r.timeSpan(c.duration()))
	var errs []any
	for _, f := range c.errors() {
		errs = append(errs, f.rec)
	}
	o.Add("ErrorRecord", &object.List{Items: append([]any{}, errs...)})
	o.ToStringFunc = func() string { return resultMark(res) + " " + c.name() }
	return o
}

func (r *run) blockObject(b *block) *object.PSObject {
	o := object.NewObject("Pester.Block", "System.Object")
	total, failed, skipped, _, _, _ := blockCounts(b)
	res := "Passed"
	if failed > 0 || len(b.errors) > 0 {
		res = "Failed"
	} else if b.skip {
		res = "Skipped"
	} else if !b.executed {
		res = "NotRun"
	}
	o.Add("Name", b.name)
	o.Add("Path", dotnet.Strings(b.path()))
	o.Add("ExpandedName", b.expandedName)
	o.Add("ExpandedPath", b.expandedPath)
	o.Add("Result", res)
	o.Add("TotalCount", total)
	o.Add("FailedCount", failed)
	o.Add("SkippedCount", skipped)
	var errs []any
	for _, f := range b.errors {
		errs = append(errs, f.rec)
	}
	o.Add("ErrorRecord", &object.List{Items: append([]any{}, errs...)})
	o.ToStringFunc = func() string { return resultMark(res) + " " + b.name }
	return o
}

func (r *run) testObject(t *test) *object.PSObject {
	o := object.NewObject("Pester.Test", "System.Object")
	res := t.result()
	o.Add("Name", t.name)
	o.Add("Path", dotnet.Strings(t.path()))
	o.Add("Data", t.data)
	o.Add("ExpandedName", t.expandedName)
	o.Add("ExpandedPath", t.expandedPath)
	o.Add("Result", res)
	var errs []any
	for _, f := range t.errors {
		errs = append(errs, f.rec)
	}
	o.Add("ErrorRecord", &object.List{Items: append([]any{}, errs...)})
	o.Add("Duration", r.timeSpan(t.duration()))
	o.Add("Tag", dotnet.Strings(t.tags))
	o.Add("Passed", t.passed)
	o.Add("Skipped", t.skipped)
	o.Add("Executed", t.executed)
	o.Add("ShouldRun", t.shouldRun)
	o.Add("StartLine", t.line)
	o.ToStringFunc = func() string {
		n := t.expandedName
		if n == "" {
			n = t.name
		}
		return resultMark(res) + " " + n
	}
	return o
}

// writeResults writes the run's result file(s): the one TestResult asks
// for and, from exosim test, --junit and --nunit.
func (r *run) writeResults(c counts, extra map[string]string) error {
	write := func(path, format string) error {
		var text string
		switch strings.ToLower(format) {
		case "junitxml":
			text = r.junit(c)
		default:
			text = r.nunit(c)
		}
		if _, err := provider.WriteFile(r.rt.Files(), path, []byte(text), false); err != nil {
			return thrown(fmt.Sprintf("Could not write the test results to '%s': %v", path, err))
		}
		return nil
	}
	if r.cfg.resultEnabled {
		if err := write(r.cfg.resultPath, r.cfg.resultFormat); err != nil {
			return err
		}
	}
	for _, f := range []string{"JUnitXml", "NUnitXml"} {
		if p := extra[f]; p != "" {
			if err := write(p, f); err != nil {
				return err
			}
		}
	}
	return nil
}
