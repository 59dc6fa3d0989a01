package pester

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/pester/wording"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scriptcmd"
)

// Mocks. Mock puts a stand-in in front of a command for the rest of the
// run (the session's command hook finds it before any alias, function or
// cmdlet of that name); the behaviours Mock defines belong to the test
// or block where it ran and end with it. A call of the stand-in uses the
// most recent behaviour in scope whose -ParameterFilter accepts the call,
// else the most recent one without a filter, else the real command; only
// calls a behaviour answered are counted for Should -Invoke.

// mockData is what one test or block knows of mocks: the behaviours
// defined in it and the calls answered in it, by command.
type mockData struct {
	behaviors map[string][]*behavior
	calls     map[string][]*mockCall
}

func (m *mockData) addBehavior(key string, b *behavior) {
	if m.behaviors == nil {
		m.behaviors = map[string][]*behavior{}
	}
	m.behaviors[key] = append(m.behaviors[key], b)
}

func (m *mockData) addCall(key string, c *mockCall) {
	if m.calls == nil {
		m.calls = map[string][]*mockCall{}
	}
	m.calls[key] = append(m.calls[key], c)
}

// behavior is one Mock.
type behavior struct {
	command    string
	body       *automation.ScriptBlock
	filter     *automation.ScriptBlock
	verifiable bool
	executed   bool
	module     string
}

// mockCall is one call a behaviour answered.
type mockCall struct {
	bound *object.Hashtable
	args  []any
}

// mockHook is the stand-in of one mocked command.
type mockHook struct {
	key  string
	name string
	// decl is the real command's declaration (nil for a command that
	// does not exist); original and fn are what a call falls back to.
	decl     *command.Command
	original *command.Command
	fn       *scriptcmd.Function
	cmd      *command.Command
}

// installHook lets the session's pipelines find the stand-ins of the run
// in progress.
func installHook(rt *runtime.Runtime) {
	rt.SetCommandHook(func(name string) *command.Command {
		r := current(rt)
		if r == nil || len(r.mocks) == 0 {
			return nil
		}
		if h, ok := r.mocks[strings.ToLower(name)]; ok {
			return h.cmd
		}
		return nil
	})
}

// mockCommand declares Mock.
func mockCommand() *command.Command {
	c := function("Mock")
	c.Synopsis = "Mocks the behavior of an existing command with an alternate implementation."
	c.Params = []*params.Param{
		params.P("CommandName", params.TString, params.Position(0)),
		params.P("MockWith", params.TScriptBlock, params.Position(1)),
		params.P("Verifiable", params.TSwitch),
		params.P("ParameterFilter", params.TScriptBlock, params.Position(2)),
		params.P("ModuleName", params.TString, params.Position(3)),
		params.P("RemoveParameterType", params.TStrings, params.Position(4)),
		params.P("RemoveParameterValidation", params.TStrings, params.Position(5)),
	}
	c.Handler.End = func(ctx *command.Context) error {
		r := current(runtime.Of(ctx))
		if r == nil {
			return thrown("Mock can be used only inside a Pester run (in BeforeAll, BeforeEach or It of a test file run by Invoke-Pester or exosim test).")
		}
		if r.discovering {
			// a Mock between Describe and It is discouraged but common:
			// it does nothing during discovery
			return nil
		}
		name := ctx.String("CommandName")
		h := r.standIn(name)
		b := &behavior{command: h.name, body: scriptBlock(ctx, "MockWith"), filter: scriptBlock(ctx, "ParameterFilter"),
			verifiable: ctx.Switch("Verifiable"), module: ctx.String("ModuleName")}
		r.location().addBehavior(h.key, b)
		return nil
	}
	return c
}

// location is where mocks defined or called now belong: the running
// test, else the running block.
func (r *run) location() *mockData {
	if r.curTest != nil {
		return &r.curTest.mocks
	}
	return &r.cur.mocks
}

// resolveMocked finds what a command name means without the stand-ins:
// an alias's target, then a function, then a command.
func (r *run) resolveMocked(name string) (canonical string, decl, original *command.Command, fn *scriptcmd.Function) {
	rt := r.rt
	canonical = name
	if target, ok := rt.Aliases()[strings.ToLower(name)]; ok {
		canonical = target
	}
	if f, ok := rt.Functions()[strings.ToLower(canonical)]; ok {
		return f.Name, rt.FunctionCommand(f), nil, f
	}
	if c, ok := rt.LookupCommand(canonical); ok {
		return c.Name, c, c, nil
	}
	if c := rt.Registered(canonical); c != nil {
		return c.Name, c, c, nil
	}
	return canonical, nil, nil, nil
}

// standIn returns the stand-in of a command, making it on first use.
func (r *run) standIn(name string) *mockHook {
	canonical, decl, original, fn := r.resolveMocked(name)
	key := strings.ToLower(canonical)
	if h, ok := r.mocks[key]; ok {
		return h
	}
	h := &mockHook{key: key, name: canonical, decl: decl, original: original, fn: fn}
	c := &command.Command{Name: canonical, Type: command.FunctionCommand, TestDouble: true}
	if decl != nil {
		c.Type, c.Module, c.Version = decl.Type, decl.Module, decl.Version
		c.Params, c.Sets, c.DefaultSet = decl.Params, decl.Sets, decl.DefaultSet
		c.SupportsShouldProcess, c.ConfirmImpact, c.FullTypeName = decl.SupportsShouldProcess, decl.ConfirmImpact, decl.FullTypeName
		c.OutputType, c.Synopsis = decl.OutputType, decl.Synopsis
	} else {
		c.AcceptsAnyArguments = true
	}
	c.Handler = command.Handler{
		Begin: func(ctx *command.Context) error {
			// what the arguments bound, before any pipeline object: the
			// real command gets these when it runs instead
			mockSlot.Of(ctx).beginBound = withCommon(boundOf(h, ctx), ctx)
			return nil
		},
		Process: func(ctx *command.Context) error { return r.callMock(h, ctx) },
		End:     func(ctx *command.Context) error { return r.endMock(h, ctx) },
	}
	h.cmd = c
	r.mocks[key] = h
	// a mock of an alias's command is found by the alias's name too
	if lname := strings.ToLower(name); lname != key {
		r.mocks[lname] = h
	}
	return h
}

// boundOf lists a call's bound parameters in declaration order.
func boundOf(h *mockHook, ctx *command.Context) *object.Hashtable {
	bound := object.NewHashtable()
	bound.Ordered = true
	values := ctx.Bound()
	if h.decl != nil {
		for _, p := range h.decl.Params {
			if v, ok := values[p.Name]; ok {
				bound.Set(p.Name, v)
			}
		}
	}
	return bound
}

// withCommon adds the call's common parameters to bound, in
// PowerShell's order.
func withCommon(bound *object.Hashtable, ctx *command.Context) *object.Hashtable {
	common := ctx.CommonParameters()
	for _, name := range params.CommonNames(true) {
		if v, ok := common[name]; ok {
			bound.Set(name, v)
		}
	}
	return bound
}

// behaviorsFor lists the behaviours in scope for a command, most recent
// first: the running test's, then each block's from the innermost out.
func (r *run) behaviorsFor(key string) []*behavior {
	var out []*behavior
	addRev := func(bs []*behavior) {
		for i := len(bs) - 1; i >= 0; i-- {
			out = append(out, bs[i])
		}
	}
	if r.curTest != nil {
		addRev(r.curTest.mocks.behaviors[key])
	}
	for b := r.cur; b != nil; b = b.parent {
		addRev(b.mocks.behaviors[key])
	}
	return out
}

// callMock answers one call (one pipeline object) of a stand-in.
func (r *run) callMock(h *mockHook, ctx *command.Context) error {
	bound := withCommon(boundOf(h, ctx), ctx)
	args := ctx.Args()
	var chosen, fallback *behavior
	for _, b := range r.behaviorsFor(h.key) {
		if b.filter == nil {
			if fallback == nil {
				fallback = b
			}
			continue
		}
		ok, err := r.filterAccepts(h, b.filter, bound, args)
		if err != nil {
			return err
		}
		if ok {
			chosen = b
			break
		}
	}
	if chosen == nil {
		chosen = fallback
	}
	if chosen == nil {
		// no behaviour: the real command runs, once, at the end with
		// every object piped in
		st := mockSlot.Of(ctx)
		st.original = true
		if ctx.HasInput {
			ctx.Collect(ctx.Input)
		}
		st.args = args
		return nil
	}
	chosen.executed = true
	r.location().addCall(h.key, &mockCall{bound: bound, args: args})
	if chosen.body == nil {
		return nil
	}
	return r.rt.InNewScope(false, func() error {
		r.defineParameters(h, bound, args, false)
		if ctx.HasInput {
			r.rt.Scope().Set("_", ctx.Input)
		}
		// a body with a param() block gets the call's parameters bound to
		// it, as & $body @PesterBoundParameters would
		var named *object.Hashtable
		if chosen.body.AST.Param != nil {
			named = bound
		}
		return r.rt.DotSource(chosen.body, named, ctx.WriteObject)
	})
}

// defineParameters gives the current scope a variable for every
// parameter of the mocked command (the bound value, else $null), the
// -Name value pairs of a command that does not exist, $args and
// $PesterBoundParameters, as a parameter filter and a mock body see them.
// A filter also gets a variable for each common parameter given ($WhatIf,
// $ErrorAction ...); a body does not, it reads them from
// $PesterBoundParameters.
func (r *run) defineParameters(h *mockHook, bound *object.Hashtable, args []any, filter bool) {
	rt := r.rt
	if h.decl != nil {
		for _, p := range h.decl.Params {
			v, _ := bound.Get(p.Name)
			rt.Scope().Set(p.Name, v)
		}
	}
	if filter {
		for _, name := range params.CommonNames(true) {
			if v, ok := bound.Get(name); ok {
				rt.Scope().Set(name, v)
			}
		}
	}
	var rest []any
	for i := 0; i < len(args); i++ {
		if name, ok := rt.ParameterName(args[i]); ok {
			var v any = true
			if i+1 < len(args) {
				if _, isName := rt.ParameterName(args[i+1]); !isName {
					v = args[i+1]
					i++
				}
			}
			name = strings.TrimSuffix(name, ":")
			bound.Set(name, v)
			rt.Scope().Set(name, v)
			continue
		}
		rest = append(rest, args[i])
	}
	if rest == nil {
		rest = []any{}
	}
	rt.Scope().Set("args", rest)
	rt.Scope().Set("PesterBoundParameters", bound)
}

// filterAccepts runs a parameter filter for a call, in a new scope with
// the call's parameters as variables; its output decides.
func (r *run) filterAccepts(h *mockHook, filter *automation.ScriptBlock, bound *object.Hashtable, args []any) (bool, error) {
	var out []any
	err := r.rt.InNewScope(false, func() error {
		r.defineParameters(h, bound.Copy(), args, true)
		return r.rt.DotSource(filter, nil, func(v any) error {
			out = append(out, v)
			return nil
		})
	})
	if err != nil {
		return false, err
	}
	switch len(out) {
	case 0:
		return false, nil
	case 1:
		return object.ToBool(out[0]), nil
	}
	return object.ToBool(out), nil
}

// mockState is what one call of a mocked command keeps between its
// blocks.
type mockState struct {
	// beginBound is what the arguments bound before any pipeline object.
	beginBound *object.Hashtable
	// original is set when no behaviour answered, so the real command
	// runs at the end with args and every object piped in.
	original bool
	args     []any
}

var mockSlot = command.NewInvocationSlot[mockState]()

// endMock runs the real command when no behaviour answered the call.
func (r *run) endMock(h *mockHook, ctx *command.Context) error {
	st := mockSlot.Of(ctx)
	if !st.original {
		return nil
	}
	rt := r.rt
	var target any
	switch {
	case h.fn != nil:
		target = h.fn
	case h.original != nil:
		target = h.original
	default:
		return &pserror.Error{Record: &object.ErrorRecord{
			Message:           fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", h.name),
			ErrorID:           "CommandNotFoundException",
			Category:          object.ObjectNotFound,
			ExceptionType:     "CommandNotFoundException",
			ExceptionFullType: "System.Management.Automation.CommandNotFoundException",
			Target:            h.name,
			InvocationName:    h.name,
			Position:          ctx.Position(),
		}}
	}
	bound := st.beginBound
	if bound == nil {
		bound = object.NewHashtable()
	}
	args := st.args
	input := ctx.Collected()
	piped := len(input) > 0
	return rt.InNewScope(false, func() error {
		rt.Scope().Set("______pester_command", target)
		rt.Scope().Set("______pester_bound", bound)
		rt.Scope().Set("______pester_args", append([]any{}, args...))
		line := "& $______pester_command @______pester_args @______pester_bound"
		if piped {
			rt.Scope().Set("______pester_input", input)
			line = "$______pester_input | " + line
		}
		return rt.InvokeExpression(line, ctx.WriteObject)
	})
}

// checkInvoke is Should -Invoke (and Assert-MockCalled): how many calls of
// a mocked command, in a scope, its behaviours answered.
func checkInvoke(s *shouldCall) (string, error) {
	if s.actual != nil {
		if items := wording.AsArray(s.actual); len(items) > 0 && !(len(items) == 1 && items[0] == nil) {
			return "", thrown("Should -Invoke does not take pipeline input or ActualValue.")
		}
	}
	r := s.r
	name := s.str("CommandName")
	times := 1
	if s.has("Times") {
		v, err := s.rt.ConvertTo(s.arg("Times"), "System.Int32")
		if err != nil {
			return "", err
		}
		times = v.(int)
	}
	scope := "0"
	if s.has("Scope") && s.arg("Scope") != nil {
		scope = s.str("Scope")
	}
	exactly := s.ctx.Switch("Exactly")
	filter := scriptBlock(s.ctx, "ParameterFilter")
	exclusive := scriptBlock(s.ctx, "ExclusiveFilter")
	if exclusive != nil && s.negate {
		return "", thrown("Cannot use -ExclusiveFilter when -Not is specified. Use -ParameterFilter instead.")
	}
	if exclusive != nil {
		filter = exclusive
	}
	if !isScopeName(scope) {
		return "", thrown("Parameter Scope must be one of 'Describe', 'Context', 'It' or a non-negative number.")
	}
	if r == nil || r.discovering {
		return "", thrown("Should -Invoke can run only during a Pester run, inside It, BeforeEach, AfterEach or AfterAll.")
	}
	canonical, _, _, _ := r.resolveMocked(name)
	h, ok := r.mocks[strings.ToLower(canonical)]
	if !ok {
		h, ok = r.mocks[strings.ToLower(name)]
	}
	if !ok {
		return "", thrown(fmt.Sprintf("Should -Invoke: Could not find Mock for command %s in script scope. Was the mock defined? Did you use the same -ModuleName as on the Mock? When using InModuleScope are InModuleScope, Mock and Should -Invoke using the same -ModuleName?", name))
	}
	history, err := r.history(h.key, scope)
	if err != nil {
		return "", err
	}
	var matching, nonMatching int
	for _, c := range history {
		ok := true
		if filter != nil {
			var ferr error
			ok, ferr = r.filterAccepts(h, filter, c.bound, c.args)
			if ferr != nil {
				return "", ferr
			}
		}
		if ok {
			matching++
		} else {
			nonMatching++
		}
	}
	cmd := h.name
	if s.negate {
		if matching == times && (exactly || !s.has("Times")) {
			return fmt.Sprintf("Expected %s not to be called exactly %d times,%s but it was", cmd, times, s.because()), nil
		}
		if matching >= times && !exactly {
			return fmt.Sprintf("Expected %s to be called less than %d times,%s but was called %d times", cmd, times, s.because(), matching), nil
		}
		return "", nil
	}
	switch {
	case matching != times && (exactly || times == 0):
		return fmt.Sprintf("Expected %s to be called %d times exactly,%s but was called %d times", cmd, times, s.because(), matching), nil
	case matching < times:
		return fmt.Sprintf("Expected %s to be called at least %d times,%s but was called %d times", cmd, times, s.because(), matching), nil
	case exclusive != nil && nonMatching > 0:
		return fmt.Sprintf("Expected %s to only be called with with parameters matching the specified filter,%s but %d non-matching calls were made", cmd, s.because(), nonMatching), nil
	}
	return "", nil
}

func isScopeName(s string) bool {
	switch strings.ToLower(s) {
	case "describe", "context", "it":
		return true
	}
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// history gathers the answered calls of a command in a scope: a number
// counts blocks up from where the assertion runs (0: the running test,
// or the running block and everything in it), It the running test, and
// Describe or Context the nearest enclosing block of that kind.
func (r *run) history(key, scope string) ([]*mockCall, error) {
	inTest := r.curTest != nil
	level := 0
	switch strings.ToLower(scope) {
	case "it":
		if !inTest {
			return nil, thrown("Assertion is placed outside of an It block, but -Scope It is specified.")
		}
	case "describe", "context":
		found := false
		for b := r.cur; b != nil; b = b.parent {
			if strings.EqualFold(b.kind, scope) {
				found = true
				break
			}
			level++
		}
		if !found {
			return nil, thrown(fmt.Sprintf("Assertion is not placed directly nor nested inside a %s block, but -Scope %s is specified.", scopeTitle(scope), scopeTitle(scope)))
		}
		if inTest {
			level++
		}
	default:
		fmt.Sscan(scope, &level)
	}
	if inTest && level == 0 {
		return r.curTest.mocks.calls[key], nil
	}
	b := r.cur
	if inTest {
		level--
	}
	for ; level > 0 && b.parent != nil; level-- {
		b = b.parent
	}
	var out []*mockCall
	var walk func(b *block)
	walk = func(b *block) {
		out = append(out, b.mocks.calls[key]...)
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				out = append(out, x.mocks.calls[key]...)
			case *block:
				walk(x)
			}
		}
	}
	walk(b)
	return out, nil
}

func scopeTitle(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// checkInvokeVerifiable is Should -InvokeVerifiable: every behaviour in
// scope marked -Verifiable was used (with -Not: none was).
func checkInvokeVerifiable(s *shouldCall) (string, error) {
	r := s.r
	if r == nil || r.discovering {
		return "", thrown("Should -InvokeVerifiable can run only during a Pester run, inside It, BeforeEach, AfterEach or AfterAll.")
	}
	var all []*behavior
	collect := func(m *mockData) {
		for _, bs := range m.behaviors {
			for _, b := range bs {
				if b.verifiable {
					all = append(all, b)
				}
			}
		}
	}
	if r.curTest != nil {
		collect(&r.curTest.mocks)
	}
	for b := r.cur; b != nil; b = b.parent {
		collect(&b.mocks)
	}
	var listed strings.Builder
	n := 0
	for _, b := range all {
		if b.executed != s.negate {
			continue
		}
		n++
		listed.WriteString("\n Command " + b.command + " ")
		if b.module != "" {
			listed.WriteString("from inside module " + b.module + " ")
		}
		if b.filter != nil {
			listed.WriteString("with { " + strings.TrimSpace(b.filter.Text()) + " }")
		}
	}
	if n == 0 {
		return "", nil
	}
	if s.negate {
		return "\nExpected no verifiable mocks to be called," + s.because() + " but these were:" + listed.String(), nil
	}
	return "\nExpected all verifiable mocks to be called," + s.because() + " but these were not:" + listed.String(), nil
}

// assertMockCalledCommand declares Assert-MockCalled, Pester 4's form of
// Should -Invoke that Pester 5 still has.
func assertMockCalledCommand() *command.Command {
	c := function("Assert-MockCalled")
	c.Synopsis = "Checks if a Mocked command has been called a certain number of times (use Should -Invoke)."
	c.Params = []*params.Param{
		params.P("CommandName", params.TString, params.Mandatory(), params.Position(0)),
		params.P("Times", params.TInt, params.Position(1)),
		params.P("ParameterFilter", params.TScriptBlock),
		params.P("ExclusiveFilter", params.TScriptBlock),
		params.P("ModuleName", params.TString),
		params.P("Scope", params.TString),
		params.P("Exactly", params.TSwitch),
	}
	c.Handler.End = func(ctx *command.Context) error {
		s := &shouldCall{rt: runtime.Of(ctx), ctx: ctx, r: current(runtime.Of(ctx))}
		msg, err := checkInvoke(s)
		if err != nil || msg == "" {
			return err
		}
		return s.fail(msg)
	}
	return c
}

// assertVerifiableCommand declares Assert-VerifiableMock (Should
// -InvokeVerifiable in Pester 4's form).
func assertVerifiableCommand() *command.Command {
	c := function("Assert-VerifiableMock")
	c.Synopsis = "Checks if all verifiable Mocks have been called at least once (use Should -InvokeVerifiable)."
	c.Handler.End = func(ctx *command.Context) error {
		s := &shouldCall{rt: runtime.Of(ctx), ctx: ctx, r: current(runtime.Of(ctx))}
		msg, err := checkInvokeVerifiable(s)
		if err != nil || msg == "" {
			return err
		}
		return s.fail(msg)
	}
	return c
}

// inModuleScopeCommand declares InModuleScope. exosim's modules keep no
// state of their own apart from the session's, so code "inside" one of
// them runs as & { } would, with -Parameters as variables and
// -ArgumentList as arguments; a module the session does not have is
// Pester's error.
func inModuleScopeCommand() *command.Command {
	c := function("InModuleScope")
	c.Synopsis = "Allows you to execute parts of a test script within the scope of a PowerShell script or manifest module."
	c.Params = []*params.Param{
		params.P("ModuleName", params.TString, params.Mandatory(), params.Position(0)),
		params.P("ScriptBlock", params.TScriptBlock, params.Mandatory(), params.Position(1)),
		params.P("Parameters", params.THashtable),
		params.P("ArgumentList", params.TObjects),
	}
	c.Handler.End = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		name := ctx.String("ModuleName")
		// a script module's block runs in the module's scope
		var script *module.Module
		for _, m := range rt.Modules().All() {
			if strings.EqualFold(m.Name, name) {
				script = m
			}
		}
		if script == nil && !rt.HasModule(name) {
			return thrown(fmt.Sprintf("No modules named '%s' are currently loaded.", name))
		}
		sb := scriptBlock(ctx, "ScriptBlock")
		params, _ := ctx.Value("Parameters").(*object.Hashtable)
		args := wording.AsArray(ctx.Value("ArgumentList"))
		in := func(fn func() error) error { return rt.InNewScope(false, fn) }
		if script != nil {
			in = func(fn func() error) error { return rt.InModule(script, fn) }
		}
		return in(func() error {
			if params != nil {
				for _, e := range params.Entries() {
					rt.Scope().Set(rt.ToStr(e.Key), e.Value)
				}
			}
			if len(args) == 0 {
				return rt.DotSource(sb, params, ctx.WriteObject)
			}
			return rt.InNewScope(false, func() error {
				return rt.InvokeWithArguments(sb, args, ctx.WriteObject)
			})
		})
	}
	return c
}

// setItResultCommand declares Set-ItResult: it ends the running test as
// inconclusive, pending or skipped.
func setItResultCommand() *command.Command {
	c := function("Set-ItResult")
	c.Synopsis = "Set-ItResult is used inside the It block to explicitly set the test result"
	c.Sets = []string{"Inconclusive", "Pending", "Skipped"}
	c.Params = []*params.Param{
		params.P("Inconclusive", params.TSwitch, params.InSets(params.SetInfo{Set: "Inconclusive", Position: -1})),
		params.P("Pending", params.TSwitch, params.InSets(params.SetInfo{Set: "Pending", Position: -1})),
		params.P("Skipped", params.TSwitch, params.InSets(params.SetInfo{Set: "Skipped", Position: -1})),
		params.P("Because", params.TString),
	}
	c.Handler.End = func(ctx *command.Context) error {
		id, msg := "PesterTestSkipped", "is skipped"
		switch ctx.ParameterSet {
		case "Inconclusive":
			id, msg = "PesterTestInconclusive", "is inconclusive"
		case "Pending":
			id, msg = "PesterTestPending", "is pending"
		}
		if b := wording.Because(ctx.String("Because")); b != "" {
			msg += "," + b[:len(b)-1]
		}
		rec := assertionRecord(ctx, msg)
		rec.ErrorID = id
		return &pserror.Error{Record: rec, ScriptTerminating: true}
	}
	return c
}
