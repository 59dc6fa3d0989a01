package pester

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/pester/wording"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// config is a run's configuration, read from Invoke-Pester's parameters,
// a PesterConfiguration object or exosim test's flags.
type config struct {
	paths, excludePaths   []string
	scriptBlocks          []*automation.ScriptBlock
	containers            []*containerInfo
	testExtension         string
	exit, throw, passThru bool
	skipRun               bool

	tags, excludeTags, fullNames []string

	verbosity, stackTrace string

	resultEnabled            bool
	resultFormat, resultPath string
	suiteName                string

	shouldErrorAction string
	codeCoverage      bool
}

// Config is the configuration of a run started from outside a session
// (exosim test).
type Config struct {
	Paths                        []string
	Tags, ExcludeTags, FullNames []string
	// Verbosity is Output.Verbosity: None, Normal, Detailed, Diagnostic.
	Verbosity string
	// JUnit and NUnit name result files to write ("" for none).
	JUnit, NUnit string
}

func defaultConfig() *config {
	return &config{paths: []string{"."}, testExtension: ".Tests.ps1", verbosity: "Normal", stackTrace: "Filtered",
		resultFormat: "NUnitXml", resultPath: "testResults.xml", suiteName: "Pester", shouldErrorAction: "Stop"}
}

// containerInfo is what New-PesterContainer returns: a file or a script
// block to run, with data for its param() block.
type containerInfo struct {
	path string
	sb   *automation.ScriptBlock
	data *object.Hashtable
}

// option kinds of PesterConfiguration, with their defaults.
type optionSpec struct {
	section, name, kind, description string
	def                              any
}

var optionSpecs = []optionSpec{
	{"Run", "Path", "StringArrayOption", "Directories to be searched for tests, paths directly to test files, or combination of both.", []any{"."}},
	{"Run", "ExcludePath", "StringArrayOption", "Directories or files to be excluded from the run.", []any{}},
	{"Run", "ScriptBlock", "ScriptBlockArrayOption", "ScriptBlocks containing tests to be executed.", []any{}},
	{"Run", "Container", "ContainerInfoArrayOption", "ContainerInfo objects containing tests to be executed.", []any{}},
	{"Run", "TestExtension", "StringOption", "Filter used to identify test files.", ".Tests.ps1"},
	{"Run", "Exit", "BoolOption", "Exit with non-zero exit code when the test run fails.", false},
	{"Run", "Throw", "BoolOption", "Throw an exception when test run fails.", false},
	{"Run", "PassThru", "BoolOption", "Return result object to the pipeline after finishing the test run.", false},
	{"Run", "SkipRun", "BoolOption", "Runs the discovery phase but skips run.", false},
	{"Run", "SkipRemainingOnFailure", "StringOption", "Skips remaining tests after failure for selected scope, options are None, Run, Container and Block.", "None"},
	{"Filter", "Tag", "StringArrayOption", "Tags of Describe, Context or It to be run.", []any{}},
	{"Filter", "ExcludeTag", "StringArrayOption", "Tags of Describe, Context or It to be excluded from the run.", []any{}},
	{"Filter", "Line", "StringArrayOption", "Filter by file and scriptblock start line.", []any{}},
	{"Filter", "ExcludeLine", "StringArrayOption", "Exclude by file and scriptblock start line, takes precedence over Line.", []any{}},
	{"Filter", "FullName", "StringArrayOption", "Full name of test with -like wildcards, joined by dot.", []any{}},
	{"CodeCoverage", "Enabled", "BoolOption", "Enable CodeCoverage.", false},
	{"TestResult", "Enabled", "BoolOption", "Enable TestResult.", false},
	{"TestResult", "OutputFormat", "StringOption", "Format to use for test result report. Possible values: NUnitXml, NUnit2.5, NUnit3 or JUnitXml", "NUnitXml"},
	{"TestResult", "OutputPath", "StringOption", "Path relative to the current directory where test result report is saved.", "testResults.xml"},
	{"TestResult", "OutputEncoding", "StringOption", "Encoding of the output file.", "UTF8"},
	{"TestResult", "TestSuiteName", "StringOption", "Set the name assigned to the root 'test-suite' element.", "Pester"},
	{"Should", "ErrorAction", "StringOption", "Controls if Should throws on error. Use 'Stop' to throw on error, or 'Continue' to fail at the end of the test.", "Stop"},
	{"Debug", "ShowFullErrors", "BoolOption", "Show full errors including Pester internal stack.", false},
	{"Debug", "WriteDebugMessages", "BoolOption", "Write Debug messages to screen.", false},
	{"Debug", "ShowNavigationMarkers", "BoolOption", "Write paths after every block and test, for easy navigation in VSCode.", false},
	{"Output", "Verbosity", "StringOption", "The verbosity of output, options are None, Normal, Detailed and Diagnostic.", "Normal"},
	{"Output", "StackTraceVerbosity", "StringOption", "The verbosity of stacktrace output, options are None, FirstLine, Filtered and Full.", "Filtered"},
	{"Output", "CIFormat", "StringOption", "The CI format of error output in build logs, options are None, Auto, AzureDevops and GithubActions.", "Auto"},
	{"Output", "RenderMode", "StringOption", "The mode used to render console output, options are Auto, Ansi, ConsoleColor and Plaintext.", "Auto"},
	{"TestDrive", "Enabled", "BoolOption", "Enable TestDrive.", true},
	{"TestRegistry", "Enabled", "BoolOption", "Enable TestRegistry.", true},
}

var sectionOrder = []string{"Run", "Filter", "CodeCoverage", "TestResult", "Should", "Debug", "Output", "TestDrive", "TestRegistry"}

// newOption is one option of a PesterConfiguration: its value, default
// and description.
func newOption(s optionSpec) *object.PSObject {
	o := object.NewObject("Pester."+s.kind, "Pester.Option", "System.Object")
	o.Add("Default", copyValue(s.def))
	o.Add("Description", s.description)
	o.Add("IsModified", false)
	o.Add("Value", copyValue(s.def))
	o.ToStringFunc = func() string { return fmt.Sprint(o.Value("Value")) }
	return o
}

func copyValue(v any) any {
	if items, ok := v.([]any); ok {
		return append([]any{}, items...)
	}
	return v
}

// newConfiguration is New-PesterConfiguration's object.
func newConfiguration() *object.PSObject {
	cfg := object.NewObject("PesterConfiguration", "System.Object")
	sections := map[string]*object.PSObject{}
	for _, name := range sectionOrder {
		s := object.NewObject("Pester."+name+"Configuration", "Pester.ConfigurationSection", "System.Object")
		sections[name] = s
		cfg.Add(name, s)
	}
	for _, spec := range optionSpecs {
		sections[spec.section].Add(spec.name, newOption(spec))
	}
	return cfg
}

// mergeHashtable applies @{ Section = @{ Option = value } } to a
// configuration object.
func mergeHashtable(rt dotnet.Host, cfg *object.PSObject, h *object.Hashtable) error {
	for _, e := range h.Entries() {
		secName := rt.ToStr(e.Key)
		prop := cfg.Property(secName)
		if prop == nil {
			return thrown(fmt.Sprintf("Section '%s' does not exist in PesterConfiguration.", secName))
		}
		section, _ := prop.Get().(*object.PSObject)
		values, ok := e.Value.(*object.Hashtable)
		if section == nil || !ok {
			continue
		}
		for _, oe := range values.Entries() {
			optName := rt.ToStr(oe.Key)
			op := section.Property(optName)
			if op == nil {
				return thrown(fmt.Sprintf("Option '%s' does not exist in section '%s' of PesterConfiguration.", optName, secName))
			}
			if opt, ok := op.Get().(*object.PSObject); ok && opt.Property("Value") != nil {
				opt.Set("Value", oe.Value)
				opt.Set("IsModified", true)
				continue
			}
			section.Set(optName, oe.Value)
		}
	}
	return nil
}

// optionValue reads an option of a configuration given as an object or a
// hashtable; an option object gives its Value, anything else is the
// value itself (a script may assign $config.Run.Path = 'x').
func optionValue(cfg any, section, name string) (any, bool) {
	var sec any
	switch c := wording.Bare(cfg).(type) {
	case *object.PSObject:
		p := c.Property(section)
		if p == nil {
			return nil, false
		}
		sec = p.Get()
	case *object.Hashtable:
		v, ok := hashGet(c, section)
		if !ok {
			return nil, false
		}
		sec = v
	default:
		return nil, false
	}
	var v any
	switch s := wording.Bare(sec).(type) {
	case *object.PSObject:
		p := s.Property(name)
		if p == nil {
			return nil, false
		}
		v = p.Get()
	case *object.Hashtable:
		val, ok := hashGet(s, name)
		if !ok {
			return nil, false
		}
		v = val
	default:
		return nil, false
	}
	if o, ok := v.(*object.PSObject); ok && o.Property("Value") != nil && o.Property("Default") != nil {
		return o.Value("Value"), true
	}
	return v, true
}

func hashGet(h *object.Hashtable, key string) (any, bool) {
	for _, e := range h.Entries() {
		if k, ok := e.Key.(string); ok && strings.EqualFold(k, key) {
			return e.Value, true
		}
	}
	return nil, false
}

// fromConfiguration reads a PesterConfiguration (object or hashtable).
func fromConfiguration(rt *runtime.Runtime, obj any) (*config, error) {
	c := defaultConfig()
	strs := func(section, name string) ([]string, bool) {
		v, ok := optionValue(obj, section, name)
		if !ok || v == nil {
			return nil, false
		}
		var out []string
		for _, it := range wording.AsArray(v) {
			out = append(out, rt.ToStr(it))
		}
		return out, true
	}
	str := func(section, name string, dst *string) {
		if v, ok := optionValue(obj, section, name); ok && v != nil {
			*dst = rt.ToStr(v)
		}
	}
	flag := func(section, name string, dst *bool) {
		if v, ok := optionValue(obj, section, name); ok {
			*dst = object.ToBool(v)
		}
	}
	if v, ok := strs("Run", "Path"); ok {
		c.paths = v
	}
	c.excludePaths, _ = strs("Run", "ExcludePath")
	if v, ok := optionValue(obj, "Run", "ScriptBlock"); ok {
		for _, it := range wording.AsArray(v) {
			if sb, ok := wording.Bare(it).(*automation.ScriptBlock); ok {
				c.scriptBlocks = append(c.scriptBlocks, sb)
			}
		}
	}
	if v, ok := optionValue(obj, "Run", "Container"); ok {
		c.containers = containerInfos(rt, v)
	}
	str("Run", "TestExtension", &c.testExtension)
	flag("Run", "Exit", &c.exit)
	flag("Run", "Throw", &c.throw)
	flag("Run", "PassThru", &c.passThru)
	flag("Run", "SkipRun", &c.skipRun)
	c.tags, _ = strs("Filter", "Tag")
	c.excludeTags, _ = strs("Filter", "ExcludeTag")
	c.fullNames, _ = strs("Filter", "FullName")
	if lines, _ := strs("Filter", "Line"); len(lines) > 0 {
		return nil, thrown("exosim does not support the Filter.Line option of PesterConfiguration; filter by Tag or FullName instead.")
	}
	flag("CodeCoverage", "Enabled", &c.codeCoverage)
	flag("TestResult", "Enabled", &c.resultEnabled)
	str("TestResult", "OutputFormat", &c.resultFormat)
	str("TestResult", "OutputPath", &c.resultPath)
	str("TestResult", "TestSuiteName", &c.suiteName)
	str("Should", "ErrorAction", &c.shouldErrorAction)
	str("Output", "Verbosity", &c.verbosity)
	str("Output", "StackTraceVerbosity", &c.stackTrace)
	full := false
	flag("Debug", "ShowFullErrors", &full)
	if full {
		c.stackTrace = "Full"
	}
	return c, c.validate()
}

// validate checks the options with a fixed set of values, with Pester's
// error text.
func (c *config) validate() error {
	if strings.EqualFold(c.verbosity, "Minimal") {
		c.verbosity = "Normal"
	}
	checks := []struct {
		path, value string
		allowed     []string
	}{
		{"Output.Verbosity", c.verbosity, []string{"None", "Normal", "Detailed", "Diagnostic"}},
		{"Output.StackTraceVerbosity", c.stackTrace, []string{"None", "FirstLine", "Filtered", "Full"}},
		{"TestResult.OutputFormat", c.resultFormat, []string{"NUnitXml", "NUnit2.5", "NUnit3", "JUnitXml"}},
		{"Should.ErrorAction", c.shouldErrorAction, []string{"Stop", "Continue"}},
	}
	for _, ch := range checks {
		ok := false
		for _, a := range ch.allowed {
			ok = ok || strings.EqualFold(a, ch.value)
		}
		if !ok {
			q := make([]string, len(ch.allowed))
			for i, a := range ch.allowed {
				q[i] = "'" + a + "'"
			}
			return thrown(fmt.Sprintf("%s must be %s, but it was '%s'. Please review your configuration.", ch.path, wording.JoinWith(q, 2, " or "), ch.value))
		}
	}
	if c.codeCoverage {
		return thrown("exosim does not measure code coverage (CodeCoverage.Enabled); run the tests without it.")
	}
	if c.resultEnabled && strings.EqualFold(c.resultFormat, "NUnit3") {
		return thrown("exosim does not write NUnit3 test results (TestResult.OutputFormat); use NUnitXml or JUnitXml.")
	}
	return nil
}

// containersSlot holds what each New-PesterContainer object of the
// session stands for.
var containersSlot = command.NewSlot[map[*object.PSObject]*containerInfo]()

// containerInfos reads New-PesterContainer results.
func containerInfos(rt *runtime.Runtime, v any) []*containerInfo {
	known, _ := containersSlot.Get(rt)
	var out []*containerInfo
	for _, it := range wording.AsArray(v) {
		o, ok := it.(*object.PSObject)
		if !ok {
			continue
		}
		if ci, ok := known[o]; ok {
			out = append(out, ci)
		}
	}
	return out
}

// newConfigurationCommand declares New-PesterConfiguration.
func newConfigurationCommand() *command.Command {
	c := function("New-PesterConfiguration")
	c.Synopsis = "Creates a new PesterConfiguration object for advanced configuration of Invoke-Pester."
	c.OutputType = "PesterConfiguration"
	c.Params = []*params.Param{params.P("Hashtable", params.THashtable, params.Position(0))}
	c.Handler.End = func(ctx *command.Context) error {
		cfg := newConfiguration()
		if h, ok := ctx.Value("Hashtable").(*object.Hashtable); ok {
			if err := mergeHashtable(runtime.Of(ctx), cfg, h); err != nil {
				return err
			}
		}
		return ctx.WriteObject(cfg)
	}
	return c
}

// newContainerCommand declares New-PesterContainer.
func newContainerCommand() *command.Command {
	c := function("New-PesterContainer")
	c.Synopsis = "Generates ContainerInfo-objects used as for Invoke-Pester -Container"
	c.Sets = []string{"Path", "ScriptBlock"}
	c.DefaultSet = "Path"
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "Path", Mandatory: true, Position: -1})),
		params.P("ScriptBlock", params.TObjects, params.InSets(params.SetInfo{Set: "ScriptBlock", Mandatory: true, Position: -1})),
		params.P("Data", params.TObjects),
	}
	c.Handler.End = func(ctx *command.Context) error {
		var datas []*object.Hashtable
		for _, d := range wording.AsArray(ctx.Value("Data")) {
			if h, ok := wording.Bare(d).(*object.Hashtable); ok {
				datas = append(datas, h)
			}
		}
		if len(datas) == 0 {
			datas = []*object.Hashtable{nil}
		}
		emit := func(ci *containerInfo, name string) error {
			o := object.NewObject("Pester.ContainerInfo", "System.Object")
			o.Add("Type", map[bool]string{true: "File", false: "ScriptBlock"}[ci.path != ""])
			o.Add("Item", name)
			var data any
			if ci.data != nil {
				data = ci.data
			}
			o.Add("Data", data)
			o.ToStringFunc = func() string { return name }
			known := containersSlot.Of(runtime.Of(ctx), func() map[*object.PSObject]*containerInfo { return map[*object.PSObject]*containerInfo{} })
			known[o] = ci
			return ctx.WriteObject(o)
		}
		for _, d := range datas {
			if ctx.ParameterSet == "ScriptBlock" {
				for _, it := range wording.AsArray(ctx.Value("ScriptBlock")) {
					if sb, ok := wording.Bare(it).(*automation.ScriptBlock); ok {
						if err := emit(&containerInfo{sb: sb, data: d}, "<ScriptBlock>"); err != nil {
							return err
						}
					}
				}
				continue
			}
			for _, p := range ctx.Strings("Path") {
				paths, err := runtime.Of(ctx).Files().Expand(p)
				if err != nil || len(paths) == 0 {
					return thrown(fmt.Sprintf("Cannot find path '%s' because it does not exist.", p))
				}
				for _, fp := range paths {
					full := runtime.Of(ctx).Files().Canonical(fp).String()
					if err := emit(&containerInfo{path: full, data: d}, full); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return c
}

// findContainers lists the containers of a run: its script blocks and
// containers, then the test files its paths name (folders are searched
// recursively for files ending in the test extension; a file named
// directly runs whatever its name), without duplicates or excluded ones.
func (r *run) findContainers() ([]*container, error) {
	cfg := r.cfg
	var out []*container
	for _, sb := range cfg.scriptBlocks {
		out = append(out, &container{sb: sb})
	}
	for _, ci := range cfg.containers {
		out = append(out, &container{path: ci.path, sb: ci.sb, data: ci.data})
	}
	if len(cfg.paths) == 0 || (len(out) > 0 && len(cfg.paths) == 1 && cfg.paths[0] == ".") {
		return out, nil
	}
	files := r.rt.Files()
	seen := map[string]bool{}
	for _, c := range out {
		if c.path != "" {
			seen[c.path] = true
		}
	}
	add := func(p fsys.Path) {
		full := files.Canonical(p).String()
		if seen[full] || r.excluded(full) {
			return
		}
		seen[full] = true
		out = append(out, &container{path: full})
	}
	var walk func(dir fsys.Path)
	walk = func(dir fsys.Path) {
		infos, err := files.ReadDir(dir)
		if err != nil {
			return
		}
		sort.Slice(infos, func(i, j int) bool { return infos[i].Name() < infos[j].Name() })
		var dirs []fsys.Path
		for _, fi := range infos {
			child := dir.Child(fi.Name())
			if fi.IsDir() {
				dirs = append(dirs, child)
				continue
			}
			if strings.HasSuffix(strings.ToLower(fi.Name()), strings.ToLower(cfg.testExtension)) {
				add(child)
			}
		}
		for _, d := range dirs {
			walk(d)
		}
	}
	for _, p := range cfg.paths {
		if strings.TrimSpace(p) == "" {
			continue
		}
		matches, err := files.Expand(p)
		if err != nil {
			continue
		}
		multiple := len(matches) > 1 || wildcard.Has(p)
		for _, m := range matches {
			fi, err := files.Stat(m)
			if err != nil {
				continue
			}
			switch {
			case fi.IsDir():
				walk(m)
			case multiple:
				if strings.HasSuffix(strings.ToLower(fi.Name()), strings.ToLower(cfg.testExtension)) {
					add(m)
				}
			default:
				if !strings.HasSuffix(strings.ToLower(fi.Name()), ".ps1") {
					return nil, thrown(fmt.Sprintf("Script path '%s' is not a ps1 file.", files.Canonical(m).String()))
				}
				add(m)
			}
		}
	}
	return out, nil
}

// excluded reports whether a file matches Run.ExcludePath.
func (r *run) excluded(full string) bool {
	p := strings.ReplaceAll(full, "/", `\`)
	for _, ex := range r.cfg.excludePaths {
		if r.like(p, strings.ReplaceAll(ex, "/", `\`)) {
			return true
		}
	}
	return false
}

// Types declares [PesterConfiguration] to the sessions' type system:
// [PesterConfiguration]::Default, ::new(), ::Merge(a, b), a cast from a
// hashtable of sections and -is. A session with the Pester commands
// queues it (Types.Queue); the definition is made the first time a type
// is looked up, not when a session starts.
var Types = dotnet.Later{Declare: declareTypes}

func declareTypes() {
	dotnet.RegisterType(&dotnet.TypeDef{
		FullName: "PesterConfiguration",
		Static: dotnet.Members{
			"Default": dotnet.Prop(func(*dotnet.Call) (any, error) { return newConfiguration(), nil }),
			"Merge": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				out := newConfiguration()
				for _, src := range c.Args {
					if err := mergeConfiguration(c.Host, out, src); err != nil {
						return nil, err
					}
				}
				return out, nil
			}),
		},
		New: func(c *dotnet.Call) (any, error) { return newConfiguration(), nil },
		Convert: func(rt dotnet.Host, t *dotnet.TypeInfo, v any) (any, error) {
			if isConfiguration(v) {
				return v, nil
			}
			out := newConfiguration()
			if err := mergeConfiguration(rt, out, v); err != nil {
				return nil, err
			}
			return out, nil
		},
		Is: func(t *dotnet.TypeInfo, v any) bool { return isConfiguration(v) },
	})
}

func isConfiguration(v any) bool {
	o, ok := wording.Bare(v).(*object.PSObject)
	return ok && len(o.TypeNames) > 0 && o.TypeNames[0] == "PesterConfiguration"
}

// mergeConfiguration applies a configuration (object or hashtable) to
// dst: the options src changed from their defaults.
func mergeConfiguration(rt dotnet.Host, dst *object.PSObject, src any) error {
	switch s := wording.Bare(src).(type) {
	case nil:
		return nil
	case *object.Hashtable:
		return mergeHashtable(rt, dst, s)
	case *object.PSObject:
		if !isConfiguration(s) {
			break
		}
		h := object.NewHashtable()
		for _, spec := range optionSpecs {
			v, ok := optionValue(s, spec.section, spec.name)
			if !ok || fmt.Sprint(v) == fmt.Sprint(spec.def) {
				continue
			}
			sec, _ := h.Get(spec.section)
			sh, _ := sec.(*object.Hashtable)
			if sh == nil {
				sh = object.NewHashtable()
				h.Set(spec.section, sh)
			}
			sh.Set(spec.name, v)
		}
		return mergeHashtable(rt, dst, h)
	}
	return thrown(fmt.Sprintf("Cannot convert value \"%s\" to type \"PesterConfiguration\".", rt.ToStr(src)))
}
