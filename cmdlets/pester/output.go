package pester

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/runtime"
)

// Console colors of Pester's report (its ANSI render mode).
const (
	colorDiscovery = "\x1b[95m" // Magenta
	colorPass      = "\x1b[32m" // DarkGreen
	colorTime      = "\x1b[90m" // DarkGray
	colorFail      = "\x1b[91m" // Red
	colorSkipped   = "\x1b[93m" // Yellow
	colorGray      = "\x1b[37m" // Gray
	colorWhite     = "\x1b[97m" // White
	colorDescribe  = "\x1b[92m" // Green
	colorContext   = "\x1b[96m" // Cyan
	colorReset     = "\x1b[0m"
)

// printer writes the run's console report at the configured verbosity
// (None, Normal, Detailed or Diagnostic).
type printer struct {
	rt        *runtime.Runtime
	verbosity string
	traces    string
}

func newPrinter(rt *runtime.Runtime, cfg *config) *printer {
	return &printer{rt: rt, verbosity: cfg.verbosity, traces: cfg.stackTrace}
}

func (p *printer) quiet() bool { return strings.EqualFold(p.verbosity, "None") }
func (p *printer) detailed() bool {
	return strings.EqualFold(p.verbosity, "Detailed") || strings.EqualFold(p.verbosity, "Diagnostic")
}

// line writes one line of colored segments (color, text, color, text...).
func (p *printer) line(parts ...string) {
	var b strings.Builder
	for i := 0; i+1 < len(parts); i += 2 {
		color, text := parts[i], parts[i+1]
		if color == "" || !p.rt.IO.Color {
			b.WriteString(text)
			continue
		}
		// every line of a multi-line text carries the color
		for j, l := range strings.Split(text, "\n") {
			if j > 0 {
				b.WriteString("\n")
			}
			b.WriteString(color + l + colorReset)
		}
	}
	p.rt.HostLine(b.String())
}

// humanTime is Pester's duration: whole milliseconds under a second,
// else seconds with up to two decimals.
func humanTime(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", roundHalfEven(float64(d)/float64(time.Millisecond)))
	}
	s := math.RoundToEven(d.Seconds()*100) / 100
	return trimFloat(s) + "s"
}

// trimFloat writes a number as .NET's default ToString does for these
// values: no trailing zeros.
func trimFloat(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func timing(total, user, framework time.Duration) string {
	return fmt.Sprintf("%s (%s|%s)", humanTime(total), humanTime(user), humanTime(framework))
}

func (p *printer) start() {
	if p.detailed() {
		p.line(colorDiscovery, "Pester v"+Version)
	}
}

func (p *printer) discoveryStart(n int) {
	if p.quiet() {
		return
	}
	p.line("", "")
	p.line(colorDiscovery, fmt.Sprintf("Starting discovery in %d files.", n))
}

func (p *printer) discoveryFailed(c *container) {
	if p.quiet() {
		return
	}
	p.line(colorFail, fmt.Sprintf("[-] Discovery in %s failed with:", c.name()))
	p.line(colorFail, formatErrors([]*failure{c.discoveryErr}, "", p.traces))
}

func (p *printer) discoveryEnd(r *run) {
	if p.quiet() {
		return
	}
	found, toRun := 0, 0
	for _, c := range r.containers {
		if c.root == nil {
			continue
		}
		var walk func(b *block)
		walk = func(b *block) {
			for _, it := range b.items {
				switch x := it.(type) {
				case *test:
					found++
					if x.shouldRun {
						toRun++
					}
				case *block:
					walk(x)
				}
			}
		}
		walk(c.root)
	}
	p.line(colorDiscovery, fmt.Sprintf("Discovery found %d tests in %s.", found, humanTime(r.discovery)))
	if p.detailed() {
		cfg := r.cfg
		filters := []struct {
			name   string
			values []string
		}{{"Tag", cfg.tags}, {"ExcludeTag", cfg.excludeTags}, {"FullName", cfg.fullNames}}
		for _, f := range filters {
			if len(f.values) > 0 {
				p.line(colorDiscovery, fmt.Sprintf("Filter '%s' set to ('%s').", f.name, strings.Join(f.values, "', '")))
			}
		}
		if len(cfg.tags)+len(cfg.excludeTags)+len(cfg.fullNames) > 0 {
			p.line(colorDiscovery, fmt.Sprintf("Filters selected %d tests to run.", toRun))
		}
	}
	if r.cfg.skipRun {
		p.line("", "")
		p.line(colorDiscovery, "Test run was skipped.")
	}
}

func (p *printer) runStart() {
	if p.quiet() {
		return
	}
	p.line(colorDiscovery, "Running tests.")
}

func (p *printer) containerStart(c *container) {
	if p.detailed() && c.path != "" {
		p.line("", "")
		p.line(colorDiscovery, fmt.Sprintf("Running tests from '%s'", c.path))
	}
}

func (p *printer) containerEnd(c *container) {
	if p.quiet() {
		return
	}
	if errs := c.errors(); len(errs) > 0 {
		p.line(colorFail, fmt.Sprintf("[-] %s failed with:", c.name()))
		p.line(colorFail, formatErrors(errs, "", p.traces))
	}
	if p.detailed() {
		return
	}
	t := timing(c.duration(), c.user, c.framework)
	if containerPassed(c) {
		p.line(colorPass, "[+] "+c.name(), colorTime, " "+t)
	}
	if c.root.skip {
		p.line(colorSkipped, "[!] "+c.name(), colorTime, " "+t)
	}
}

// containerPassed reports whether nothing in a container failed.
func containerPassed(c *container) bool {
	if len(c.errors()) > 0 {
		return false
	}
	passed := true
	var walk func(b *block)
	walk = func(b *block) {
		if len(b.errors) > 0 {
			passed = false
		}
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				if x.result() == "Failed" {
					passed = false
				}
			case *block:
				if x.shouldRun {
					walk(x)
				}
			}
		}
	}
	walk(c.root)
	return passed
}

// writeBlock writes a block's header (Describing ... / Context ...) the
// first time something in it is reported, its parents' first.
func (p *printer) writeBlock(b *block) {
	if b.isRoot() || b.written {
		return
	}
	if !b.parent.isRoot() && !b.parent.written {
		p.writeBlock(b.parent)
	}
	level := b.level() - 1
	if level == 0 && !b.first {
		p.line("", "")
	}
	b.written = true
	name := b.expandedName
	if strings.TrimSpace(name) == "" {
		name = b.name
	}
	text, color := "Describing "+name, colorDescribe
	if b.kind == "Context" {
		text, color = "Context "+name, colorContext
	}
	p.line(color, strings.Repeat(" ", level)+text)
}

func (p *printer) testStart(t *test) {
	if p.detailed() {
		p.writeBlock(t.blk)
	}
}

func (p *printer) testEnd(t *test) {
	if p.quiet() {
		return
	}
	var margin, errMargin, out string
	if p.detailed() {
		level := len(t.path())
		margin = strings.Repeat(" ", level)
		errMargin = margin + " "
		out = t.expandedName
		if !t.skip && (t.skipped || t.inconclusive) && len(t.errors) > 0 {
			out += " " + t.errors[len(t.errors)-1].rec.Message
		}
	} else {
		errMargin = " "
		out = t.expandedPath
	}
	tm := timing(t.duration(), t.user, t.framework)
	switch t.result() {
	case "Passed":
		if p.detailed() {
			p.line(colorPass, margin+"[+] "+out, colorTime, " "+tm)
		}
	case "Failed":
		p.line(colorFail, margin+"[-] "+out, colorTime, " "+tm)
		p.line(colorFail, formatErrors(t.errors, errMargin, p.traces))
	case "Skipped":
		if p.detailed() {
			p.line(colorSkipped, margin+"[!] "+out, colorTime, " "+tm)
		}
	case "Inconclusive":
		if p.detailed() {
			p.line(colorGray, margin+"[?] "+out, colorTime, " "+tm)
		}
	}
}

func (p *printer) blockEnd(b *block) {
	if b.isRoot() || len(b.errors) == 0 || p.quiet() {
		return
	}
	margin := " "
	if p.detailed() {
		for _, t := range b.tests() {
			if t.first && !t.executed {
				p.writeBlock(b)
				break
			}
		}
		margin = strings.Repeat(" ", b.level()+1)
	}
	p.line(colorFail, fmt.Sprintf("[-] %s %s failed", b.kind, strings.Join(b.path(), ".")))
	p.line(colorFail, formatErrors(b.errors, margin, p.traces))
}

// summary writes the totals at the end of a run.
func (p *printer) summary(r *run, c counts) {
	if p.quiet() {
		return
	}
	p.line(colorWhite, "Tests completed in "+humanTime(r.duration()))
	passColor, failColor := colorPass, colorTime
	if c.failed > 0 {
		passColor, failColor = colorWhite, colorFail
	}
	skipColor, incColor, notRunColor := colorTime, colorTime, colorTime
	if c.skipped > 0 {
		skipColor = colorSkipped
	}
	if c.inconclusive > 0 {
		incColor = colorGray
	}
	if c.notRun > 0 {
		notRunColor = colorGray
	}
	p.line(passColor, fmt.Sprintf("Tests Passed: %d, ", c.passed), failColor, fmt.Sprintf("Failed: %d, ", c.failed),
		skipColor, fmt.Sprintf("Skipped: %d, ", c.skipped), incColor, fmt.Sprintf("Inconclusive: %d, ", c.inconclusive),
		notRunColor, fmt.Sprintf("NotRun: %d", c.notRun))
	if n := len(c.failedBlocks); n > 0 {
		p.line(colorFail, fmt.Sprintf("BeforeAll \\ AfterAll failed: %d", n))
		var lines []string
		for _, b := range c.failedBlocks {
			lines = append(lines, "  - "+strings.Join(b.path(), "."))
		}
		p.line(colorFail, strings.Join(lines, "\n"))
	}
	if n := len(c.failedContainers); n > 0 {
		p.line(colorFail, fmt.Sprintf("Container failed: %d", n))
		var lines []string
		for _, ct := range c.failedContainers {
			lines = append(lines, "  - "+ct.name())
		}
		p.line(colorFail, strings.Join(lines, "\n"))
	}
}

// roundHalfEven converts to an integer as .NET does.
func roundHalfEven(f float64) int { return int(math.RoundToEven(f)) }
