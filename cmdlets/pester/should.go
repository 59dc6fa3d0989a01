package pester

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/pester/wording"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scriptcmd"
)

// assertionID is the FullyQualifiedErrorId of a failed assertion.
const assertionID = "PesterAssertionFailed"

// shouldCall is one assertion being checked.
type shouldCall struct {
	rt     *runtime.Runtime
	ctx    *command.Context
	r      *run
	actual any
	negate bool
	reason string
}

func (s *shouldCall) arg(name string) any    { return s.ctx.Value(name) }
func (s *shouldCall) has(name string) bool   { return s.ctx.Has(name) }
func (s *shouldCall) str(name string) string { return s.ctx.String(name) }
func (s *shouldCall) nicely(v any) string    { return wording.Nicely(s.rt, v) }
func (s *shouldCall) because() string        { return wording.Because(s.reason) }
func (s *shouldCall) op(op string, a, b any) bool {
	v, err := s.rt.Operator(op, a, b)
	return err == nil && object.ToBool(v)
}

// operator is one Should operator: its switch, alias, the parameters of
// its parameter set in position order, and its check. A check returns
// the failure message ("" when the assertion holds) or an error for bad
// input.
type operator struct {
	name, alias string
	params      []opParam
	// array operators check all the piped values at once; the others
	// check each value in turn.
	array bool
	check func(s *shouldCall) (string, error)
}

type opParam struct {
	name string
	t    *params.Type
}

// operators are Should's operators in Pester 5.7's order.
var operators = lazy.Value[[]*operator]{Build: func() []*operator {
	pExpected := opParam{"ExpectedValue", params.TObject}
	pBecause := opParam{"Because", params.TObject}
	return []*operator{
		{name: "Be", alias: "EQ", params: []opParam{pExpected, pBecause}, array: true, check: checkBe(false)},
		{name: "BeExactly", alias: "CEQ", params: []opParam{pExpected, pBecause}, array: true, check: checkBe(true)},
		{name: "BeGreaterThan", alias: "GT", params: []opParam{pExpected, pBecause}, check: checkOrder("-le", "greater than")},
		{name: "BeLessOrEqual", alias: "LE", params: []opParam{pExpected, pBecause}, check: checkOrder("-gt", "less than or equal to")},
		{name: "BeIn", params: []opParam{pExpected, pBecause}, check: checkBeIn},
		{name: "BeLessThan", alias: "LT", params: []opParam{pExpected, pBecause}, check: checkOrder("-ge", "less than")},
		{name: "BeGreaterOrEqual", alias: "GE", params: []opParam{pExpected, pBecause}, check: checkOrder("-lt", "greater than or equal to")},
		{name: "BeLike", params: []opParam{pExpected, pBecause}, check: checkLike(false)},
		{name: "BeLikeExactly", params: []opParam{pExpected, pBecause}, check: checkLike(true)},
		{name: "BeNullOrEmpty", params: []opParam{pBecause}, array: true, check: checkNullOrEmpty},
		{name: "BeOfType", alias: "HaveType", params: []opParam{{"ExpectedType", params.TObject}, pBecause}, check: checkOfType},
		{name: "BeTrue", params: []opParam{pBecause}, check: checkBool(true)},
		{name: "BeFalse", params: []opParam{pBecause}, check: checkBool(false)},
		{name: "Contain", params: []opParam{pExpected, pBecause}, array: true, check: checkContain},
		{name: "Exist", params: []opParam{pBecause}, check: checkExist},
		{name: "FileContentMatch", params: []opParam{{"ExpectedContent", params.TObject}, pBecause}, check: checkFileContent(false, false)},
		{name: "FileContentMatchExactly", params: []opParam{{"ExpectedContent", params.TObject}, pBecause}, check: checkFileContent(true, false)},
		{name: "FileContentMatchMultiline", params: []opParam{{"ExpectedContent", params.TObject}, pBecause}, check: checkFileContent(false, true)},
		{name: "FileContentMatchMultilineExactly", params: []opParam{{"ExpectedContent", params.TObject}, pBecause}, check: checkFileContent(true, true)},
		{name: "HaveCount", params: []opParam{pExpected, pBecause}, array: true, check: checkHaveCount},
		{name: "HaveParameter", params: []opParam{{"ParameterName", params.TObject}, {"Type", params.TObject}, {"DefaultValue", params.TObject},
			{"Mandatory", params.TSwitch}, {"InParameterSet", params.TObject}, {"HasArgumentCompleter", params.TSwitch}, {"Alias", params.TObject}, pBecause}, check: checkHaveParameter},
		{name: "Match", params: []opParam{{"RegularExpression", params.TObject}, pBecause}, check: checkMatch(false)},
		{name: "MatchExactly", params: []opParam{{"RegularExpression", params.TObject}, pBecause}, check: checkMatch(true)},
		{name: "Throw", params: []opParam{{"ExpectedMessage", params.TObject}, {"ErrorId", params.TObject}, {"ExceptionType", params.TObject}, pBecause, {"PassThru", params.TSwitch}}, check: checkThrow},
		{name: "InvokeVerifiable", params: []opParam{pBecause}, check: checkInvokeVerifiable},
		{name: "Invoke", params: []opParam{{"CommandName", params.TObject}, {"Times", params.TObject}, {"ParameterFilter", params.TScriptBlock},
			{"ExclusiveFilter", params.TScriptBlock}, {"ModuleName", params.TObject}, {"Scope", params.TObject}, {"Exactly", params.TSwitch}, pBecause}, check: checkInvoke},
	}
}}

func operatorNamed(name string) *operator {
	for _, o := range operators.Get() {
		if strings.EqualFold(o.name, name) {
			return o
		}
	}
	return nil
}

// shouldCommand declares Should: one parameter set per operator, each
// with the operator's switch, -Not and the operator's parameters in
// position order from 1, as Pester's dynamic parameters are.
func shouldCommand() *command.Command {
	c := function("Should")
	c.Synopsis = "Should is a keyword that is used to define an assertion inside an It block."
	byName := map[string]*params.Param{}
	var order []*params.Param
	add := func(name string, t *params.Type, set string, pos int) {
		p, ok := byName[strings.ToLower(name)]
		if !ok {
			p = &params.Param{Name: name, Type: t}
			byName[strings.ToLower(name)] = p
			order = append(order, p)
		}
		p.Sets = append(p.Sets, params.SetInfo{Set: set, Position: pos})
	}
	actual := &params.Param{Name: "ActualValue", Type: params.TObject, Remaining: true,
		Sets: []params.SetInfo{{Set: params.AllSets, Position: -1, FromPipeline: true}}}
	order = append(order, actual)
	for _, o := range operators.Get() {
		c.Sets = append(c.Sets, o.name)
		sw := &params.Param{Name: o.name, Type: params.TSwitch, Sets: []params.SetInfo{{Set: o.name, Mandatory: true, Position: -1}}}
		if o.alias != "" {
			sw.Aliases = []string{o.alias}
		}
		order = append(order, sw)
		add("Not", params.TSwitch, o.name, -1)
		for i, p := range o.params {
			pos := i + 1
			if p.t.Kind == params.KindSwitch {
				pos = -1
			}
			add(p.name, p.t, o.name, pos)
		}
	}
	c.Params = order
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.HasInput {
			ctx.Collect(ctx.Input)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		o := operatorNamed(ctx.ParameterSet)
		if o == nil {
			return thrown("Should needs an operator (Should -Be, -BeExactly, -Match ...); the legacy syntax without dashes is not supported in Pester 5.")
		}
		values := ctx.Collected()
		if piped := len(values) > 0; !piped && ctx.Has("ActualValue") {
			values = wording.AsArray(ctx.Value("ActualValue"))
			if items, ok := ctx.Value("ActualValue").([]any); ok && len(items) == 1 {
				values = items
			}
		}
		s := &shouldCall{rt: runtime.Of(ctx), ctx: ctx, r: current(runtime.Of(ctx)), negate: ctx.Switch("Not")}
		if ctx.Has("Because") && ctx.Value("Because") != nil {
			s.reason = runtime.Of(ctx).ToStr(ctx.Value("Because"))
		}
		var targets []any
		switch {
		case len(values) == 0:
			targets = []any{nil}
		case o.array:
			targets = []any{values}
		default:
			targets = values
		}
		for _, v := range targets {
			s.actual = v
			msg, err := o.check(s)
			if err != nil {
				return err
			}
			if msg == "" {
				continue
			}
			if err := s.fail(msg); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// fail raises a failed assertion: a terminating error, unless the run's
// Should.ErrorAction is Continue, which records it on the running test
// and lets the test go on.
func (s *shouldCall) fail(msg string) error {
	rec := assertionRecord(s.ctx, msg)
	if r := s.r; r != nil && r.curTest != nil && strings.EqualFold(r.cfg.shouldErrorAction, "Continue") {
		r.curTest.errors = append(r.curTest.errors, failureOf(s.rt, &pserror.Error{Record: rec}))
		return nil
	}
	return &pserror.Error{Record: rec, ScriptTerminating: true}
}

// assertionRecord is the error record of a failed assertion: where the
// Should was written travels in its target, as in Pester.
func assertionRecord(ctx *command.Context, msg string) *object.ErrorRecord {
	target := object.NewHashtable()
	target.Set("Message", msg)
	pos := ctx.Position()
	file, line, text := "", 0, ""
	if pos != nil {
		file, line, text = pos.ScriptPath, pos.Line, strings.TrimRight(pos.LineText, "\r\n")
	}
	target.Set("File", file)
	target.Set("Line", fmt.Sprint(line))
	target.Set("LineText", text)
	target.Set("Terminating", true)
	return &object.ErrorRecord{
		Message:           msg,
		ErrorID:           assertionID,
		Category:          object.InvalidResult,
		ExceptionType:     "Exception",
		ExceptionFullType: "System.Exception",
		Target:            target,
		TargetName:        "System.Collections.Hashtable",
		Position:          pos,
		Activity:          "Should",
		FromThrow:         true,
		Reason:            "Exception",
	}
}

func checkBe(exact bool) func(s *shouldCall) (string, error) {
	return func(s *shouldCall) (string, error) {
		expected := s.arg("ExpectedValue")
		ok := arraysEqual(s.rt, wording.AsArray(s.actual), wording.AsArray(expected), exact, 0)
		if ok != s.negate {
			return "", nil
		}
		exactly := ""
		if exact {
			exactly = "exactly "
		}
		if s.negate {
			same := "the same value"
			if exact {
				same = "exactly the same value"
			}
			return fmt.Sprintf("Expected %s to be different from the actual value,%s but got %s.", s.nicely(expected), s.because(), same), nil
		}
		a, e := wording.UnwrapOne(s.actual), wording.UnwrapOne(expected)
		as, aok := wording.Bare(a).(string)
		es, eok := wording.Bare(e).(string)
		if aok && eok {
			pathLen := 1
			if s.r != nil && s.r.curTest != nil {
				pathLen = len(s.r.curTest.path())
			}
			return wording.CompareStrings(es, as, exact, s.reason, s.rt.IO.Width, pathLen), nil
		}
		return fmt.Sprintf("Expected %s%s,%s but got %s.", exactly, s.nicely(e), s.because(), s.nicely(a)), nil
	}
}

// arraysEqual compares as Pester's -Be does: null and empty are equal to
// each other, arrays item by item (nested arrays recursively), items with
// the expected value on the left of -eq.
func arraysEqual(rt *runtime.Runtime, first, second []any, exact bool, depth int) bool {
	if depth > 100 {
		return false
	}
	nullish := func(a []any) bool { return len(a) == 0 || (len(a) == 1 && a[0] == nil) }
	if nullish(first) || nullish(second) {
		return nullish(first) && nullish(second)
	}
	if len(first) != len(second) {
		return false
	}
	for i := range first {
		if wording.IsCollection(first[i]) || wording.IsCollection(second[i]) {
			if !arraysEqual(rt, wording.AsArray(first[i]), wording.AsArray(second[i]), exact, depth+1) {
				return false
			}
			continue
		}
		if !rt.EqualValues(second[i], first[i], exact) {
			return false
		}
	}
	return true
}

func checkOrder(failOp, words string) func(s *shouldCall) (string, error) {
	opposite := map[string]string{"-le": "-gt", "-gt": "-le", "-ge": "-lt", "-lt": "-ge"}
	wordsFor := map[string]string{"-le": "greater than", "-gt": "less than or equal to", "-ge": "less than", "-lt": "greater than or equal to"}
	return func(s *shouldCall) (string, error) {
		op, w := failOp, words
		if s.negate {
			// -Not -BeGreaterThan is -BeLessOrEqual, and so on
			op = opposite[failOp]
			w = wordsFor[op]
		}
		expected := s.arg("ExpectedValue")
		if s.op(op, s.actual, expected) {
			return fmt.Sprintf("Expected the actual value to be %s %s,%s but got %s.", w, s.nicely(expected), s.because(), s.nicely(s.actual)), nil
		}
		return "", nil
	}
}

func checkBeIn(s *shouldCall) (string, error) {
	expected := s.arg("ExpectedValue")
	ok := s.op("-contains", expected, s.actual)
	if ok != s.negate {
		return "", nil
	}
	if s.negate {
		return fmt.Sprintf("Expected collection %s to not contain %s,%s but it was found.", s.nicely(expected), s.nicely(s.actual), s.because()), nil
	}
	return fmt.Sprintf("Expected collection %s to contain %s,%s but it was not found.", s.nicely(expected), s.nicely(s.actual), s.because()), nil
}

func checkLike(exact bool) func(s *shouldCall) (string, error) {
	return func(s *shouldCall) (string, error) {
		expected := s.arg("ExpectedValue")
		op, kind := "-like", "like wildcard"
		if exact {
			op, kind = "-clike", "case sensitive like wildcard"
		}
		ok := s.op(op, s.actual, expected)
		if ok != s.negate {
			return "", nil
		}
		if s.negate {
			return fmt.Sprintf("Expected %s %s to not match %s,%s but it did match.", kind, s.nicely(expected), s.nicely(s.actual), s.because()), nil
		}
		return fmt.Sprintf("Expected %s %s to match %s,%s but it did not match.", kind, s.nicely(expected), s.nicely(s.actual), s.because()), nil
	}
}

func checkNullOrEmpty(s *shouldCall) (string, error) {
	values := wording.AsArray(s.actual)
	ok := false
	single := false
	var one any
	switch {
	case s.actual == nil || len(values) == 0:
		ok = true
	case len(values) == 1:
		single, one = true, values[0]
		if h, isHash := wording.Bare(one).(*object.Hashtable); isHash {
			ok = h.Len() == 0
		} else {
			ok = one == nil || s.rt.ToStr(one) == "" && isStringish(one)
		}
	}
	if ok != s.negate {
		return "", nil
	}
	if s.negate {
		return fmt.Sprintf("Expected a value,%s but got $null or empty.", s.because()), nil
	}
	shown := s.actual
	if single {
		shown = one
	}
	return fmt.Sprintf("Expected $null or empty,%s but got %s.", s.because(), s.nicely(shown)), nil
}

// isStringish reports whether [string]::IsNullOrEmpty can see the value
// as empty: an empty string (other values convert to non-empty text).
func isStringish(v any) bool {
	switch x := wording.Bare(v).(type) {
	case string:
		return true
	case *object.PSObject:
		return x.Len() == 0
	}
	return false
}

func checkOfType(s *shouldCall) (string, error) {
	expected := s.arg("ExpectedType")
	if str, ok := wording.Bare(expected).(string); ok {
		name := strings.TrimSuffix(strings.TrimPrefix(str, "["), "]")
		t, found := s.rt.ResolveType(name)
		if !found {
			return "", argumentError(fmt.Sprintf("Could not find type [%s]. Make sure that the assembly that contains that type is loaded.", name))
		}
		expected = &dotnet.TypeValue{Info: t}
	}
	ok := s.op("-is", s.actual, expected)
	if ok != s.negate {
		return "", nil
	}
	var actualType any
	if s.actual != nil {
		actualType = s.rt.TypeOf(s.actual)
	}
	not := ""
	if s.negate {
		not = "not "
	}
	return fmt.Sprintf("Expected the value to %shave type %s or any of its subtypes,%s but got %s with type %s.", not, s.nicely(expected), s.because(), s.nicely(s.actual), s.nicely(actualType)), nil
}

func checkBool(want bool) func(s *shouldCall) (string, error) {
	return func(s *shouldCall) (string, error) {
		w := want
		if s.negate {
			w = !want
		}
		if object.ToBool(s.actual) == w {
			return "", nil
		}
		if w {
			return fmt.Sprintf("Expected $true,%s but got %s.", s.because(), s.nicely(s.actual)), nil
		}
		return fmt.Sprintf("Expected $false,%s but got %s.", s.because(), s.nicely(s.actual)), nil
	}
}

func checkContain(s *shouldCall) (string, error) {
	expected := s.arg("ExpectedValue")
	ok := s.op("-contains", s.actual, expected)
	if ok != s.negate {
		return "", nil
	}
	if s.negate {
		return fmt.Sprintf("Expected %s to not be found in collection %s,%s but it was found.", s.nicely(expected), s.nicely(s.actual), s.because()), nil
	}
	return fmt.Sprintf("Expected %s to be found in collection %s,%s but it was not found.", s.nicely(expected), s.nicely(s.actual), s.because()), nil
}

func checkExist(s *shouldCall) (string, error) {
	ok := false
	if path := s.rt.ToStr(s.actual); path != "" {
		if p, err := s.rt.Files().Resolve(path); err == nil {
			ok = s.rt.Files().Exists(p)
		}
	}
	if ok != s.negate {
		return "", nil
	}
	if s.negate {
		return fmt.Sprintf("Expected path %s to not exist,%s but it did exist.", s.nicely(s.actual), s.because()), nil
	}
	return fmt.Sprintf("Expected path %s to exist,%s but it did not exist.", s.nicely(s.actual), s.because()), nil
}

func checkFileContent(exact, multiline bool) func(s *shouldCall) (string, error) {
	return func(s *shouldCall) (string, error) {
		expected := s.arg("ExpectedContent")
		text, _, err := provider.ReadTextFile(s.rt.Files(), s.rt.ToStr(s.actual))
		op := "-match"
		if exact {
			op = "-cmatch"
		}
		ok := false
		if err == nil {
			if multiline {
				ok = s.op(op, text, expected)
			} else {
				for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
					if s.op(op, line, expected) {
						ok = true
						break
					}
				}
			}
		}
		if ok != s.negate {
			return "", nil
		}
		how := "found"
		if exact {
			how = "case sensitively found"
		}
		file := s.nicely(s.actual)
		if !exact && !multiline {
			file = "'" + s.rt.ToStr(s.actual) + "'"
		}
		if s.negate {
			return fmt.Sprintf("Expected %s to not be %s in file %s,%s but it was found.", s.nicely(expected), how, file, s.because()), nil
		}
		return fmt.Sprintf("Expected %s to be %s in file %s,%s but it was not found.", s.nicely(expected), how, file, s.because()), nil
	}
}

func checkHaveCount(s *shouldCall) (string, error) {
	n, err := s.rt.ConvertTo(s.arg("ExpectedValue"), "System.Int32")
	if err != nil {
		return "", err
	}
	want := n.(int)
	if want < 0 {
		return "", argumentError("Excpected collection size must be greater than or equal to 0.")
	}
	count := len(wording.AsArray(s.actual))
	if s.actual == nil {
		count = 0
	}
	ok := count == want
	if ok != s.negate {
		return "", nil
	}
	if s.negate {
		expect := fmt.Sprintf("Expected a collection with size different from %s", s.nicely(want))
		if want == 0 {
			expect = "Expected a non-empty collection"
		}
		but := fmt.Sprintf("but got collection with that size %s.", s.nicely(s.actual))
		if count == 0 {
			but = "but got an empty collection."
		}
		return expect + "," + s.because() + " " + but, nil
	}
	expect := fmt.Sprintf("Expected a collection with size %s", s.nicely(want))
	if want == 0 {
		expect = "Expected an empty collection"
	}
	but := fmt.Sprintf("but got collection with size %s %s.", s.nicely(count), s.nicely(s.actual))
	if count == 0 {
		but = "but got an empty collection."
	}
	return expect + "," + s.because() + " " + but, nil
}

func checkMatch(exact bool) func(s *shouldCall) (string, error) {
	return func(s *shouldCall) (string, error) {
		re := s.arg("RegularExpression")
		op, how := "-match", "match"
		if exact {
			op, how = "-cmatch", "case sensitively match"
		}
		v, err := s.rt.Operator(op, s.actual, re)
		if err != nil {
			return "", err
		}
		ok := object.ToBool(v)
		if ok != s.negate {
			return "", nil
		}
		if s.negate {
			return fmt.Sprintf("Expected regular expression %s to not %s %s,%s but it did match.", s.nicely(re), how, s.nicely(s.actual), s.because()), nil
		}
		return fmt.Sprintf("Expected regular expression %s to %s %s,%s but it did not match.", s.nicely(re), how, s.nicely(s.actual), s.because()), nil
	}
}

// checkThrow runs the script block as & { } and checks what it threw.
func checkThrow(s *shouldCall) (string, error) {
	sb, ok := wording.Bare(s.actual).(*automation.ScriptBlock)
	if !ok {
		return "", argumentError("Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.")
	}
	err := s.rt.InNewScope(false, func() error { return s.rt.DotSource(sb, nil, nil) })
	var rec *object.ErrorRecord
	if err != nil {
		rec = recordOf(err)
	}
	thrown := rec != nil
	line := ""
	if thrown {
		if lines := format.PositionMessage(rec.Position); len(lines) > 0 {
			lines[0] = "from" + strings.TrimPrefix(lines[0], "At")
			line = strings.Join(lines, "\n    ")
		}
	}
	if s.negate {
		if !thrown {
			return "", nil
		}
		return fmt.Sprintf("Expected no exception to be thrown,%s but an exception \"%s\" was thrown %s.", s.because(), rec.Message, line), nil
	}
	var filters, buts []string
	if et := s.arg("ExceptionType"); et != nil {
		t := et
		shown := ""
		if str, ok := wording.Bare(et).(string); ok {
			name := strings.TrimSuffix(strings.TrimPrefix(str, "["), "]")
			t, shown = name, "["+name+"]"
			if ti, found := s.rt.ResolveType(name); found {
				t, shown = &dotnet.TypeValue{Info: ti}, ""
			}
		}
		if shown == "" {
			shown = s.nicely(t)
		}
		filters = append(filters, "type "+shown)
		if thrown && !exceptionIs(rec, t) {
			buts = append(buts, "the exception type was ["+exceptionFullName(rec)+"]")
		}
	}
	if msg := s.str("ExpectedMessage"); strings.TrimSpace(msg) != "" {
		filters = append(filters, "message like "+s.nicely(unescapeWildcard(msg)))
		if thrown && !s.op("-like", rec.Message, msg) {
			buts = append(buts, "the message was "+s.nicely(rec.Message))
		}
	}
	if id := s.str("ErrorId"); strings.TrimSpace(id) != "" {
		filters = append(filters, "FullyQualifiedErrorId "+s.nicely(id))
		if thrown && !s.op("-like", rec.FullyQualifiedErrorID(), id) {
			buts = append(buts, "the FullyQualifiedErrorId was "+s.nicely(rec.FullyQualifiedErrorID()))
		}
	}
	if !thrown {
		buts = append(buts, "no exception was thrown")
	}
	if len(buts) == 0 {
		if s.ctx.Switch("PassThru") {
			return "", s.ctx.WriteObject(rec)
		}
		return "", nil
	}
	with := ""
	if len(filters) > 0 {
		with = " with " + wording.JoinAnd(filters)
	}
	return strings.TrimSpace(fmt.Sprintf("Expected an exception%s to be thrown,%s but %s. %s", with, s.because(), wording.JoinAnd(buts), line)), nil
}

// exceptionFullName is the .NET full name of a record's exception.
func exceptionFullName(rec *object.ErrorRecord) string {
	switch {
	case rec.ExceptionFullType != "":
		return rec.ExceptionFullType
	case rec.ExceptionType == "RuntimeException":
		return "System.Management.Automation.RuntimeException"
	case rec.ExceptionType != "":
		return rec.ExceptionType
	}
	return "System.Management.Automation.RuntimeException"
}

// exceptionIs reports whether a record's exception is of a type or
// derives from it, as far as exosim knows exception types: every
// exception is an Exception, and what a throw raises is a
// RuntimeException.
func exceptionIs(rec *object.ErrorRecord, t any) bool {
	name := ""
	switch x := wording.Bare(t).(type) {
	case *dotnet.TypeInfo:
		name = x.FullName
	case *dotnet.TypeValue:
		name = x.Info.FullName
	default:
		name = fmt.Sprint(x)
	}
	lname := strings.ToLower(strings.TrimPrefix(name, "System."))
	switch lname {
	case "exception", "systemexception":
		return true
	case "management.automation.runtimeexception", "runtimeexception":
		if rec.FromThrow || strings.EqualFold(rec.ExceptionType, "RuntimeException") {
			return true
		}
	}
	full := strings.ToLower(exceptionFullName(rec))
	return full == strings.ToLower(name) || strings.HasSuffix(full, "."+lname) || strings.EqualFold(rec.ExceptionType, object.ShortName(name))
}

// unescapeWildcard removes the backtick escapes of a wildcard pattern.
func unescapeWildcard(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '`' && i+1 < len(rs) {
			i++
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

func checkHaveParameter(s *shouldCall) (string, error) {
	cmd := commandOf(s.rt, s.actual)
	if cmd == nil {
		return "", argumentError("Input value must be non-null CommandInfo object. You can get one by calling Get-Command.")
	}
	name := s.str("ParameterName")
	if name == "" {
		return "", argumentError("The ParameterName can't be empty")
	}
	var param *params.Param
	for _, p := range cmd.Params {
		if strings.EqualFold(p.Name, name) {
			param = p
		}
	}
	inSet := s.str("InParameterSet")
	var filters, buts []string
	not := ""
	if s.negate {
		not = " not"
	}
	f := "to" + not + " have a parameter " + name
	if inSet != "" {
		f += " in parameter set " + inSet
	}
	filters = append(filters, f)
	mandatory, hasType, hasDefault, hasAlias := s.ctx.Switch("Mandatory"), s.has("Type") && s.arg("Type") != nil, s.has("DefaultValue"), s.has("Alias") && s.arg("Alias") != nil
	var sets []params.SetInfo
	switch {
	case !s.negate && param == nil:
		buts = append(buts, "the parameter is missing")
	case s.negate && param == nil:
		return "", nil
	case s.negate && !(inSet != "" || mandatory || hasType || hasDefault || s.ctx.Switch("HasArgumentCompleter")):
		buts = append(buts, "the parameter exists")
	default:
		sets = param.Sets
		if inSet != "" {
			var in []params.SetInfo
			for _, si := range param.Sets {
				if strings.EqualFold(si.Set, inSet) {
					in = append(in, si)
				}
			}
			sets = in
			if !s.negate && len(in) == 0 {
				buts = append(buts, "the parameter is missing")
			} else if s.negate && len(in) > 0 {
				buts = append(buts, "the parameter exists")
			}
		}
	}
	if len(buts) == 0 && param != nil {
		if mandatory {
			isMandatory := false
			for _, si := range sets {
				isMandatory = isMandatory || si.Mandatory
			}
			filters = append(filters, "which is"+not+" mandatory")
			if !s.negate && !isMandatory {
				buts = append(buts, "it wasn't mandatory")
			} else if s.negate && isMandatory {
				buts = append(buts, "it was mandatory")
			}
		}
		if hasType {
			want := s.arg("Type")
			wantName := ""
			switch x := wording.Bare(want).(type) {
			case *dotnet.TypeInfo:
				wantName = x.FullName
			case *dotnet.TypeValue:
				wantName = x.Info.FullName
			default:
				n := strings.TrimSuffix(strings.TrimPrefix(s.rt.ToStr(x), "["), "]")
				t, found := s.rt.ResolveType(n)
				if !found {
					return "", argumentError(fmt.Sprintf("Could not find type [%s]. Make sure that the assembly that contains that type is loaded.", n))
				}
				wantName = t.FullName
			}
			actual := "System.Object"
			if param.Type != nil && param.Type.FullName != "" {
				actual = param.Type.FullName
			}
			same := strings.EqualFold(actual, wantName)
			if s.negate {
				filters = append(filters, "not of type ["+wantName+"]")
			} else {
				filters = append(filters, "of type ["+wantName+"]")
			}
			if !s.negate && !same {
				buts = append(buts, "it was of type ["+actual+"]")
			} else if s.negate && same {
				buts = append(buts, "it was of type ["+wantName+"]")
			}
		}
		if hasDefault {
			want := s.str("DefaultValue")
			def := param.Default
			if def == "$null" {
				def = ""
			}
			def = strings.Trim(def, `'"`)
			filters = append(filters, "the default value"+not+" to be "+s.nicely(want))
			same := def == want
			if same == s.negate {
				buts = append(buts, "the default value was "+s.nicely(def))
			}
		}
		if hasAlias {
			var aliases []string
			for _, a := range wording.AsArray(s.arg("Alias")) {
				aliases = append(aliases, s.rt.ToStr(a))
			}
			quoted := func(xs []string) string {
				q := make([]string, len(xs))
				for i, x := range xs {
					q[i] = "'" + x + "'"
				}
				return wording.JoinAnd(q)
			}
			es := ""
			if len(aliases) >= 2 {
				es = "es"
			}
			out := ""
			if s.negate {
				out = "out"
			}
			filters = append(filters, "with"+out+" alias"+es+" "+quoted(aliases))
			var faulty []string
			for _, a := range aliases {
				has := false
				for _, pa := range param.Aliases {
					has = has || strings.EqualFold(pa, a)
				}
				if has == s.negate {
					faulty = append(faulty, a)
				}
			}
			if len(faulty) > 0 {
				what := "an alias"
				if len(faulty) > 1 {
					what = "the aliases"
				}
				if s.negate {
					buts = append(buts, "it has "+what+" "+quoted(faulty))
				} else {
					buts = append(buts, "it didn't have "+what+" "+quoted(faulty))
				}
			}
		}
	}
	if len(buts) == 0 {
		return "", nil
	}
	filter := wording.JoinWith(filters, 3, " and ")
	if filter != "" {
		filter = " " + filter
	}
	return fmt.Sprintf("Expected command %s%s,%s but %s.", cmd.Name, filter, s.because(), wording.JoinAnd(buts)), nil
}

// commandOf is the declaration behind a Get-Command result.
func commandOf(rt *runtime.Runtime, v any) *command.Command {
	switch x := wording.Bare(v).(type) {
	case *command.Command:
		return x
	case *scriptcmd.Function:
		return rt.FunctionCommand(x)
	case *object.PSObject:
		if n, ok := x.Get("Name"); ok {
			name := rt.ToStr(n)
			if f, ok := rt.Functions()[strings.ToLower(name)]; ok {
				return rt.FunctionCommand(f)
			}
			if c, ok := rt.LookupCommand(name); ok {
				return c
			}
		}
	}
	return nil
}
