package pester

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/pester/wording"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
)

// invokePesterCommand declares Invoke-Pester: the simple parameters, a
// PesterConfiguration (-Configuration), and the few Pester 4 parameters
// its legacy set still maps.
func invokePesterCommand() *command.Command {
	c := function("Invoke-Pester")
	c.Synopsis = "Runs Pester tests"
	c.Sets = []string{"Simple", "Legacy", "Advanced"}
	c.DefaultSet = "Simple"
	simple := func(pos int) params.ParamOpt {
		return params.InSets(params.SetInfo{Set: "Simple", Position: pos})
	}
	both := func(pos, legacyPos int) params.ParamOpt {
		return params.InSets(params.SetInfo{Set: "Simple", Position: pos}, params.SetInfo{Set: "Legacy", Position: legacyPos})
	}
	legacy := func(pos int) params.ParamOpt {
		return params.InSets(params.SetInfo{Set: "Legacy", Position: pos})
	}
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, both(0, 0), params.Alias("Script")),
		params.P("ExcludePath", params.TStrings, simple(-1)),
		params.P("TagFilter", params.TStrings, both(-1, 4), params.Alias("Tag", "Tags")),
		params.P("ExcludeTagFilter", params.TStrings, both(-1, -1)),
		params.P("FullNameFilter", params.TStrings, both(-1, 1), params.Alias("Name")),
		params.P("CI", params.TSwitch, simple(-1)),
		params.P("Output", params.EnumType("String", "System.String", "Diagnostic", "Detailed", "Normal", "Minimal", "None"), simple(-1)),
		params.P("PassThru", params.TSwitch, both(-1, -1)),
		params.P("Container", params.TObjects, simple(-1)),
		params.P("Configuration", params.TObject, params.InSets(params.SetInfo{Set: "Advanced", Position: -1})),
		params.P("EnableExit", params.TSwitch, legacy(-1)),
		params.P("OutputFile", params.TString, legacy(-1)),
		params.P("OutputFormat", params.EnumType("String", "System.String", "NUnitXml", "NUnit2.5", "JUnitXml"), legacy(-1)),
	}
	c.Handler.End = func(ctx *command.Context) error {
		cfg, err := configFromParameters(ctx)
		if err != nil {
			// Pester reports a bad configuration as it reports any error
			// of the run: on the host, not as an error record
			rec := recordOf(err)
			newPrinter(runtime.Of(ctx), defaultConfig()).line(colorFail, "System.Management.Automation.RuntimeException: "+rec.Message)
			return nil
		}
		if ctx.ParameterSet == "Legacy" {
			ctx.WriteWarning("You are using Legacy parameter set that adapts Pester 5 syntax to Pester 4 syntax. This parameter set is deprecated, and does not work 100%. The -Strict and -PesterOption parameters are ignored, and providing advanced configuration to -Path (-Script), and -CodeCoverage via a hash table does not work. Please refer to https://github.com/pester/Pester/releases/tag/5.0.1#legacy-parameter-set for more information.")
		}
		return invoke(runtime.Of(ctx), cfg, nil, ctx.WriteObject)
	}
	return c
}

// configFromParameters builds a run's configuration from Invoke-Pester's
// parameters, or takes its -Configuration.
func configFromParameters(ctx *command.Context) (*config, error) {
	rt := runtime.Of(ctx)
	if ctx.ParameterSet == "Advanced" {
		cfgObj := ctx.Value("Configuration")
		if h, ok := wording.Bare(cfgObj).(*object.Hashtable); ok {
			o := newConfiguration()
			if err := mergeHashtable(rt, o, h); err != nil {
				return nil, err
			}
			cfgObj = o
		}
		return fromConfiguration(rt, cfgObj)
	}
	cfg := defaultConfig()
	if ctx.Has("Path") {
		cfg.paths = ctx.Strings("Path")
	}
	cfg.excludePaths = ctx.Strings("ExcludePath")
	cfg.tags = ctx.Strings("TagFilter")
	cfg.excludeTags = ctx.Strings("ExcludeTagFilter")
	cfg.fullNames = ctx.Strings("FullNameFilter")
	if ctx.Switch("CI") {
		cfg.exit, cfg.resultEnabled = true, true
	}
	if ctx.Has("Output") {
		cfg.verbosity = ctx.String("Output")
	}
	cfg.passThru = ctx.Switch("PassThru")
	if ctx.Has("Container") {
		cfg.containers = containerInfos(rt, ctx.Value("Container"))
	}
	if ctx.Switch("EnableExit") {
		cfg.exit = true
	}
	if ctx.Has("OutputFile") && ctx.String("OutputFile") != "" {
		cfg.resultEnabled, cfg.resultPath = true, ctx.String("OutputFile")
		if ctx.Has("OutputFormat") {
			cfg.resultFormat = ctx.String("OutputFormat")
		}
	}
	return cfg, cfg.validate()
}

// invoke runs the tests of cfg in the context's session and ends as
// Invoke-Pester does: the summary, the result files, $LASTEXITCODE, the
// result object with -PassThru, a throw with Run.Throw and an exit with
// Run.Exit (the failed count, at most 255).
func invoke(rt *runtime.Runtime, cfg *config, extra map[string]string, emit func(any) error) error {
	r := newRun(rt, cfg)
	if err := r.execute(); err != nil {
		if r.stopped != nil {
			return r.stopped
		}
		if cfg.throw {
			return err
		}
		rec := recordOf(err)
		r.out.line(colorFail, "System.Management.Automation.RuntimeException: "+rec.Message)
		if cfg.exit {
			return &runtime.ExitSignal{Code: 255}
		}
		return nil
	}
	c := r.tally()
	r.out.summary(r, c)
	if err := r.writeResults(c, extra); err != nil {
		return err
	}
	failed := c.failedTotal()
	rt.Scope().Global().Set("LASTEXITCODE", failed)
	if cfg.passThru && emit != nil {
		if err := emit(r.resultObject(c)); err != nil {
			return err
		}
	}
	if cfg.throw && failed > 0 {
		var parts []string
		plural := func(n int, what string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s failed", n, what)
			}
			return fmt.Sprintf("%d %ss failed", n, what)
		}
		if c.failed > 0 {
			parts = append(parts, plural(c.failed, "test"))
		}
		if n := len(c.failedBlocks); n > 0 {
			parts = append(parts, plural(n, "block"))
		}
		if n := len(c.failedContainers); n > 0 {
			parts = append(parts, plural(n, "container"))
		}
		return thrown("Pester run failed, because " + wording.JoinAnd(parts))
	}
	if cfg.exit && failed > 0 {
		return &runtime.ExitSignal{Code: ExitCode(failed)}
	}
	return nil
}

// ExitCode is the process exit status for a number of failures: the
// number itself, at most 255.
func ExitCode(failed int) int { return min(failed, 255) }

// runInteractively runs the file a Describe (or It) outside any run was
// written in, as Pester does when a test file is run as a script: the
// whole file through Invoke-Pester, then an exit with its failed count.
func runInteractively(ctx *command.Context) error {
	pos := ctx.Position()
	if pos == nil || pos.ScriptPath == "" {
		return thrown("Pester can run only saved files interactively. Please save your file to a disk.")
	}
	cfg := defaultConfig()
	cfg.paths = nil
	cfg.containers = []*containerInfo{{path: pos.ScriptPath}}
	if err := invoke(runtime.Of(ctx), cfg, nil, ctx.WriteObject); err != nil {
		return err
	}
	v, _ := runtime.Of(ctx).Scope().Get("LASTEXITCODE")
	n, _ := v.(int)
	return &runtime.ExitSignal{Code: ExitCode(n)}
}

// Run runs test files in a session and reports them on its host, for
// exosim test. It returns the number of failed tests, blocks and
// containers.
func Run(rt *runtime.Runtime, c Config) (int, error) {
	cfg := defaultConfig()
	if len(c.Paths) > 0 {
		cfg.paths = c.Paths
	}
	cfg.tags, cfg.excludeTags, cfg.fullNames = c.Tags, c.ExcludeTags, c.FullNames
	if c.Verbosity != "" {
		cfg.verbosity = c.Verbosity
	}
	if err := cfg.validate(); err != nil {
		return 0, err
	}
	extra := map[string]string{"JUnitXml": c.JUnit, "NUnitXml": c.NUnit}
	err := invoke(rt, cfg, extra, nil)
	var ex *runtime.ExitSignal
	if errors.As(err, &ex) {
		return ex.Code, nil
	}
	if err != nil {
		return 0, err
	}
	v, _ := rt.Scope().Get("LASTEXITCODE")
	n, _ := v.(int)
	return n, nil
}

// isolation keeps the tenant of each Describe apart: it snapshots the
// tenant where blocks start and restores those snapshots, skipping a
// restore when the tenant has not changed since.
type isolation struct {
	t       Tenant
	start   any
	current any
	gen     uint64
	snaps   map[*block]any
}

// Tenant is a session's tenant as a run isolates it.
type Tenant interface {
	// Snapshot copies the whole tenant; Restore puts it back.
	Snapshot() (any, error)
	Restore(snap any) error
	// Generation changes whenever the tenant may have changed.
	Generation() uint64
}

// tenantSlot holds a session's Tenant (set by the host that owns the
// tenant).
var tenantSlot = command.NewSlot[Tenant]()

// SetTenant tells Pester runs of a session how to snapshot and restore
// its tenant.
func SetTenant(rt *runtime.Runtime, t Tenant) { tenantSlot.Set(rt, t) }

func newIsolation(rt *runtime.Runtime) (*isolation, error) {
	t, _ := tenantSlot.Get(rt)
	if t == nil {
		if st := exo.SessionOf(rt).Store; st != nil {
			t = storeTenant{st}
		}
	}
	iso := &isolation{t: t, snaps: map[*block]any{}}
	if t == nil {
		return iso, nil
	}
	snap, err := t.Snapshot()
	if err != nil {
		return nil, fmt.Errorf("exosim could not snapshot the tenant for the test run: %w", err)
	}
	iso.start, iso.current, iso.gen = snap, snap, t.Generation()
	return iso, nil
}

// restoreTo puts the tenant back to a snapshot unless it still is that
// snapshot.
func (iso *isolation) restoreTo(snap any) error {
	if iso.t == nil || snap == nil {
		return nil
	}
	if snap == iso.current && iso.t.Generation() == iso.gen {
		return nil
	}
	if err := iso.t.Restore(snap); err != nil {
		return fmt.Errorf("exosim could not restore the tenant between test blocks: %w", err)
	}
	iso.current, iso.gen = snap, iso.t.Generation()
	return nil
}

// restoreStart gives a container the tenant as the run found it.
func (iso *isolation) restoreStart() error { return iso.restoreTo(iso.start) }

// capture remembers the tenant as it is now, for the Describe blocks in b.
func (iso *isolation) capture(b *block) error {
	if iso.t == nil {
		return nil
	}
	if iso.current != nil && iso.t.Generation() == iso.gen {
		iso.snaps[b] = iso.current
		return nil
	}
	snap, err := iso.t.Snapshot()
	if err != nil {
		return fmt.Errorf("exosim could not snapshot the tenant for a test block: %w", err)
	}
	iso.current, iso.gen = snap, iso.t.Generation()
	iso.snaps[b] = snap
	return nil
}

// enterDescribe gives a Describe the tenant its parent had when the
// parent's BeforeAll ended.
func (iso *isolation) enterDescribe(parent *block) error {
	snap, ok := iso.snaps[parent]
	if !ok {
		return nil
	}
	return iso.restoreTo(snap)
}

// leave forgets a block's snapshot.
func (iso *isolation) leave(b *block) { delete(iso.snaps, b) }

// finish leaves the tenant as the run found it.
func (iso *isolation) finish() { _ = iso.restoreTo(iso.start) }

// storeTenant isolates a tenant store.
type storeTenant struct{ st *store.Store }

func (s storeTenant) Snapshot() (any, error) { return s.st.Snapshot() }
func (s storeTenant) Restore(snap any) error {
	sn, ok := snap.(*store.Snapshot)
	if !ok {
		return errors.New("not a tenant snapshot")
	}
	return s.st.Restore(sn)
}
func (s storeTenant) Generation() uint64 { return s.st.Generation() }
