package engine

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

func pipelineCommands() []*command.Command {
	return []*command.Command{whereObject(), forEachObject(), selectObject(), sortObject(), measureObject(), groupObject()}
}

// whereOpBySet maps each operator's parameter set to the operator: every
// operator switch is mandatory in its own set, so the bound set names the
// operator, except EqualSet, where -EQ is optional (without it the value
// of the property is tested on its own).
var whereOpBySet = lazy.Value[map[string]string]{Build: func() map[string]string {
	m := make(map[string]string, len(whereOps))
	for _, o := range whereOps {
		m[o.set] = o.op
	}
	return m
}}

var whereOps = []struct{ param, set, op string }{
	{"EQ", "EqualSet", "-eq"}, {"CEQ", "CaseSensitiveEqualSet", "-ceq"},
	{"NE", "NotEqualSet", "-ne"}, {"CNE", "CaseSensitiveNotEqualSet", "-cne"},
	{"GT", "GreaterThanSet", "-gt"}, {"CGT", "CaseSensitiveGreaterThanSet", "-cgt"},
	{"LT", "LessThanSet", "-lt"}, {"CLT", "CaseSensitiveLessThanSet", "-clt"},
	{"GE", "GreaterOrEqualSet", "-ge"}, {"CGE", "CaseSensitiveGreaterOrEqualSet", "-cge"},
	{"LE", "LessOrEqualSet", "-le"}, {"CLE", "CaseSensitiveLessOrEqualSet", "-cle"},
	{"Like", "LikeSet", "-like"}, {"CLike", "CaseSensitiveLikeSet", "-clike"},
	{"NotLike", "NotLikeSet", "-notlike"}, {"CNotLike", "CaseSensitiveNotLikeSet", "-cnotlike"},
	{"Match", "MatchSet", "-match"}, {"CMatch", "CaseSensitiveMatchSet", "-cmatch"},
	{"NotMatch", "NotMatchSet", "-notmatch"}, {"CNotMatch", "CaseSensitiveNotMatchSet", "-cnotmatch"},
	{"Contains", "ContainsSet", "-contains"}, {"CContains", "CaseSensitiveContainsSet", "-ccontains"},
	{"NotContains", "NotContainsSet", "-notcontains"}, {"CNotContains", "CaseSensitiveNotContainsSet", "-cnotcontains"},
	{"In", "InSet", "-in"}, {"CIn", "CaseSensitiveInSet", "-cin"},
	{"NotIn", "NotInSet", "-notin"}, {"CNotIn", "CaseSensitiveNotInSet", "-cnotin"},
	{"Is", "IsSet", "-is"}, {"IsNot", "IsNotSet", "-isnot"},
	{"Not", "NotSet", "-not"},
}

// whereState is what Where-Object's comparison form reads from its
// parameters, read once per invocation (and again if the parameter set
// changes) instead of once per pipeline object.
type whereState struct {
	read     bool
	set      string // the parameter set prop, op and hasValue were read in
	prop     string
	op       string // "" for the bare truth test
	hasValue bool
	// at is 1 + the position of prop among a lazy object's properties,
	// learned from the first such object (0: not known): the objects of
	// a listing are of one kind, so the others are read by position
	// (object.PropertyValueAt reads any other object by name).
	at int
}

// value is the property the comparison reads of in.
func (st *whereState) value(in any) any {
	if st.at > 0 {
		return object.PropertyValueAt(in, st.prop, st.at-1)
	}
	if i, ok := object.LazyIndex(in, st.prop); ok {
		st.at = i + 1
		return object.PropertyValueAt(in, st.prop, i)
	}
	return object.PropertyValue(in, st.prop)
}

var whereSlot = command.NewInvocationSlot[whereState]()

func whereObject() *command.Command {
	c := Cmdlet("Where-Object", ModCore, "WhereObjectCommand")
	c.Synopsis = "Keeps the pipeline objects for which a condition is true."
	c.DefaultSet = "EqualSet"
	c.Sets = []string{"ScriptBlockSet"}
	var opSets []params.SetInfo
	for _, o := range whereOps {
		c.Sets = append(c.Sets, o.set)
		opSets = append(opSets, params.SetInfo{Set: o.set, Mandatory: true, Position: 0})
	}
	var valueSets []params.SetInfo
	for _, o := range whereOps {
		if o.param == "Not" {
			continue
		}
		valueSets = append(valueSets, params.SetInfo{Set: o.set, Position: 1})
	}
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("FilterScript", params.TScriptBlock, params.InSets(params.Set("ScriptBlockSet", true, 0))),
		params.P("Property", params.TString, params.InSets(opSets...)),
		params.P("Value", params.TObject, params.InSets(valueSets...)),
	}
	for _, o := range whereOps {
		mandatory := o.param != "EQ"
		opts := []params.ParamOpt{params.InSets(params.SetInfo{Set: o.set, Mandatory: mandatory, Position: -1})}
		if o.set != "IsSet" && o.set != "IsNotSet" && o.set != "NotSet" && !strings.HasPrefix(o.set, "CaseSensitive") {
			// each case-insensitive operator also answers to its I-prefixed
			// spelling (-IEQ, -ILike ...), as the operators do
			opts = append(opts, params.Alias("I"+o.param))
		}
		c.Params = append(c.Params, params.P(o.param, params.TSwitch, opts...))
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if !ok {
			return nil
		}
		if ctx.ParameterSet == "ScriptBlockSet" {
			sb := ctx.Value("FilterScript").(*automation.ScriptBlock)
			v, err := runtime.Of(ctx).EvalScriptBlock(sb, in)
			if err != nil {
				return err
			}
			if object.ToBool(v) {
				return ctx.WriteObject(in)
			}
			return nil
		}
		st := whereSlot.Of(ctx)
		if !st.read || st.set != ctx.ParameterSet {
			st.read, st.set, st.prop, st.hasValue, st.at = true, ctx.ParameterSet, ctx.String("Property"), ctx.Has("Value"), 0
			st.op = whereOpBySet.Get()[ctx.ParameterSet]
			if st.op == "-eq" && !ctx.Switch("eq") {
				st.op = ""
			}
		}
		op := st.op
		val := st.value(in)
		if op == "-not" {
			if !object.ToBool(val) {
				return ctx.WriteObject(in)
			}
			return nil
		}
		if op == "" {
			if st.hasValue {
				return ctx.Fail(ctx.NewError("The operator is not specified. Specify one of the comparison operators.", "OperatorNotSpecified", object.InvalidOperation, "PSArgumentException", nil))
			}
			if object.ToBool(val) {
				return ctx.WriteObject(in)
			}
			return nil
		}
		if !st.hasValue {
			return ctx.Fail(ctx.NewError("The value is not specified. Specify a value to compare with the property.", "ValueNotSpecifiedForWhereObject", object.InvalidOperation, "PSArgumentException", nil))
		}
		r, err := runtime.Of(ctx).Operator(op, val, ctx.Value("Value"))
		if err != nil {
			return ctx.WriteError(ctx.NewError(err.Error(), "OperationNotSupported", object.InvalidOperation, "RuntimeException", in))
		}
		if object.ToBool(r) {
			return ctx.WriteObject(in)
		}
		return nil
	}
	return c
}

func forEachObject() *command.Command {
	c := Cmdlet("ForEach-Object", ModCore, "ForEachObjectCommand")
	c.Synopsis = "Runs a script block, or reads a member, for each pipeline object."
	c.Sets = []string{"ScriptBlockSet", "PropertyAndMethodSet", "ParallelParameterSet"}
	c.DefaultSet = "ScriptBlockSet"
	sbs := &params.Type{Kind: params.KindScriptBlock, Name: "ScriptBlock[]", FullName: "System.Management.Automation.ScriptBlock[]", Array: true}
	parallel := func(name string, t *params.Type, mandatory bool) *params.Param {
		return params.P(name, t, params.InSets(params.Set("ParallelParameterSet", mandatory, -1)))
	}
	c.Params = []*params.Param{
		params.InputObject(),
		// PowerShell 7's parallel set: its block runs for each object in
		// turn (parallelItem)
		parallel("Parallel", params.TScriptBlock, true),
		parallel("ThrottleLimit", params.TInt, false),
		parallel("TimeoutSeconds", params.TInt, false),
		parallel("AsJob", params.TSwitch, false),
		parallel("UseNewRunspace", params.TSwitch, false),
		params.P("Begin", params.TScriptBlock, params.InSets(params.Set("ScriptBlockSet", false, -1))),
		params.P("Process", sbs, params.InSets(params.Set("ScriptBlockSet", true, 0)), params.RemainingArgs()),
		params.P("End", params.TScriptBlock, params.InSets(params.Set("ScriptBlockSet", false, -1))),
		params.P("RemainingScripts", sbs, params.InSets(params.Set("ScriptBlockSet", false, -1))),
		params.P("MemberName", params.TString, params.InSets(params.Set("PropertyAndMethodSet", true, 0))),
		params.P("ArgumentList", params.TObjects, params.InSets(params.Set("PropertyAndMethodSet", false, -1)), params.Alias("Args")),
	}
	blocks := func(ctx *command.Context) (begin, process, end []*automation.ScriptBlock) {
		var list []*automation.ScriptBlock
		if v, ok := ctx.Value("Process").([]any); ok {
			for _, it := range v {
				if sb, ok := it.(*automation.ScriptBlock); ok {
					list = append(list, sb)
				}
			}
		}
		if b, ok := ctx.Value("Begin").(*automation.ScriptBlock); ok {
			begin = append(begin, b)
		}
		if e, ok := ctx.Value("End").(*automation.ScriptBlock); ok {
			end = append(end, e)
		}
		switch {
		case len(list) == 2 && !ctx.Has("Begin"):
			begin = append(begin, list[0])
			process = list[1:]
		case len(list) >= 3 && !ctx.Has("Begin") && !ctx.Has("End"):
			begin = append(begin, list[0])
			end = append(end, list[len(list)-1])
			process = list[1 : len(list)-1]
		default:
			process = list
		}
		return
	}
	emit := func(ctx *command.Context) func(any) error {
		return func(v any) error { return ctx.WriteObject(v) }
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		if ctx.ParameterSet == "ParallelParameterSet" && ctx.Switch("AsJob") {
			return ctx.Fail(ctx.NewError("exosim does not run ForEach-Object -Parallel -AsJob: it has one runspace, so there is no task job to hand back; leave out -AsJob.", "NotSupported", object.NotImplemented, "NotSupportedException", nil))
		}
		if ctx.ParameterSet != "ScriptBlockSet" {
			return nil
		}
		b, _, _ := blocks(ctx)
		for _, sb := range b {
			if err := runtime.Of(ctx).InvokeScriptBlock(sb, nil, emit(ctx)); err != nil {
				return err
			}
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if ctx.ParameterSet == "ParallelParameterSet" {
			if !ok {
				return nil
			}
			return parallelItem(ctx, in)
		}
		if ctx.ParameterSet == "PropertyAndMethodSet" {
			if !ok {
				return nil
			}
			name := ctx.String("MemberName")
			if ctx.Has("ArgumentList") || !hasProperty(ctx, in, name) {
				if !hasProperty(ctx, in, name) {
					args, _ := ctx.Value("ArgumentList").([]any)
					v, err := runtime.Of(ctx).MethodCall(in, name, args)
					if err == nil {
						return ctx.WriteEnumerated(v)
					}
					if ctx.Has("ArgumentList") {
						return ctx.WriteError(ctx.NewError(err.Error(), "MethodInvocationError", object.InvalidOperation, "MethodInvocationException", in))
					}
					return ctx.WriteError(ctx.NewError(fmt.Sprintf("The input name \"%s\" cannot be resolved to a member.", name), "PropertyOrMethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand", object.InvalidArgument, "PSArgumentException", in))
				}
			}
			return ctx.WriteEnumerated(members.Value(runtime.Of(ctx).Members(), in, name))
		}
		if !ctx.HasInput && ctx.Has("Process") {
			// no pipeline input: the process block still runs once with $_ = $null
		}
		_, p, _ := blocks(ctx)
		for _, sb := range p {
			if err := runtime.Of(ctx).InvokeScriptBlock(sb, in, emit(ctx)); err != nil {
				return err
			}
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		if ctx.ParameterSet != "ScriptBlockSet" {
			return nil
		}
		_, _, e := blocks(ctx)
		for _, sb := range e {
			if err := runtime.Of(ctx).InvokeScriptBlock(sb, nil, emit(ctx)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// parallelItem runs ForEach-Object -Parallel's block for one object. The
// session has one runspace, so the objects are run one after another, in
// their order, each in a new scope with $_ the object (-ThrottleLimit
// and -TimeoutSeconds have nothing to limit); as with the session's jobs,
// the block sees the caller's variables, $using: ones included. A
// terminating error in one run is written as an error and the next
// object runs, as a parallel run reports a failed task.
func parallelItem(ctx *command.Context, in any) error {
	sb, _ := ctx.Value("Parallel").(*automation.ScriptBlock)
	err := runtime.Of(ctx).InvokeScriptBlock(sb, in, func(v any) error { return ctx.WriteObject(v) })
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return ctx.WriteError(pe.Record)
	}
	return err
}

// hasProperty reports whether v has a property of that name: a
// dictionary's key, a property of the object, or one the type registry
// defines for v's .NET type (a type's Name and FullName).
func hasProperty(ctx *command.Context, v any, name string) bool {
	if h, ok := v.(*object.Hashtable); ok {
		return h.Has(name)
	}
	if _, ok := object.GetProperty(v, name); ok {
		return true
	}
	return registryProperty(ctx, v, name)
}

// registryProperty reports whether the type registry defines a readable
// member of that name for v's .NET type.
func registryProperty(ctx *command.Context, v any, name string) bool {
	m, _, _ := members.Resolve(runtime.Of(ctx).Members(), v, name)
	return m != nil && m.Get != nil
}

// ---------------------------------------------------------------------------
// Select-Object

func selectObject() *command.Command {
	c := Cmdlet("Select-Object", ModUtility, "SelectObjectCommand")
	c.Synopsis = "Selects properties of objects, or a number of objects."
	c.Sets = []string{"DefaultParameter", "SkipLastParameter", "IndexParameter"}
	c.DefaultSet = "DefaultParameter"
	def := params.Set("DefaultParameter", false, -1)
	skipLast := params.Set("SkipLastParameter", false, -1)
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.InSets(params.Set("DefaultParameter", false, 0), params.Set("SkipLastParameter", false, 0))),
		params.P("ExcludeProperty", params.TStrings, params.InSets(def, skipLast)),
		params.P("ExpandProperty", params.TString, params.InSets(def, skipLast)),
		params.P("Unique", params.TSwitch),
		params.P("CaseInsensitive", params.TSwitch),
		params.P("Last", params.TInt, params.InSets(def)),
		params.P("First", params.TInt, params.InSets(def)),
		params.P("Skip", params.TInt, params.InSets(def)),
		params.P("SkipLast", params.TInt, params.InSets(params.Set("SkipLastParameter", false, -1))),
		params.P("Wait", params.TSwitch, params.InSets(def, params.Set("IndexParameter", false, -1))),
		params.P("Index", &params.Type{Kind: params.KindInt, Name: "Int32[]", FullName: "System.Int32[]", Array: true}, params.InSets(params.Set("IndexParameter", false, -1))),
		params.P("SkipIndex", &params.Type{Kind: params.KindInt, Name: "Int32[]", FullName: "System.Int32[]", Array: true}, params.InSets(params.Set("IndexParameter", false, -1))),
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		st := selectSlot.Of(ctx)
		if props, ok := ctx.Value("Property").([]any); ok {
			for _, p := range props {
				spec, err := PropSpec(p, format.ForSelect)
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyIllegalValue", object.InvalidArgument, "NotSupportedException", nil))
				}
				st.specs = append(st.specs, spec)
			}
		}
		if ctx.Has("First") && ctx.Int("First") == 0 && !ctx.Has("Last") {
			return runtime.ErrStopUpstream
		}
		return nil
	}
	project := func(ctx *command.Context, st *selectState, in any) ([]any, error) {
		for _, sp := range st.specs {
			if sp.Script != nil && sp.Name == "" && sp.Label == "" {
				// a property that is an empty script block has no name
				return nil, ctx.Fail(ctx.NewError("A property is an empty script block and does not provide a name.", "EmptyScriptBlockAndNoName", object.InvalidArgument, "PSArgumentException", nil))
			}
		}
		var out []any
		if ctx.Has("ExpandProperty") {
			name := ctx.String("ExpandProperty")
			p, ok := object.GetProperty(in, name)
			var val any
			if !ok {
				if h, isH := in.(*object.Hashtable); isH && h.Has(name) {
					val, _ = h.Get(name)
					ok = true
				} else if registryProperty(ctx, in, name) {
					val, ok = members.Get(runtime.Of(ctx).Members(), in, name)
				}
			} else {
				val = p.Get()
			}
			if !ok {
				return nil, ctx.WriteError(ctx.NewError(fmt.Sprintf("Property \"%s\" cannot be found.", name), "ExpandPropertyNotFound", object.InvalidArgument, "PSArgumentException", in))
			}
			var vals []any
			if items, isList := object.Enumerate(val); isList {
				if _, isH := val.(*object.Hashtable); isH {
					vals = []any{val}
				} else {
					vals = items
				}
			} else if val != nil {
				vals = []any{val}
			}
			for _, v := range vals {
				if v == nil {
					continue
				}
				if len(st.specs) > 0 {
					base := v
					o, isObj := v.(*object.PSObject)
					if !isObj {
						o = object.NewObject(object.TypeNames(v)...)
						o.Base = base
					} else {
						o = o.Copy()
					}
					sel, err := selectProps(ctx, st.specs, in, ctx.Strings("ExcludeProperty"))
					if err != nil {
						return nil, err
					}
					for _, p := range sel.Properties() {
						o.Add(p.Name, p.Get())
					}
					v = o
				}
				out = append(out, v)
			}
			return out, nil
		}
		if len(st.specs) == 0 && !ctx.Has("ExcludeProperty") {
			if o, ok := in.(*object.PSObject); ok && o.IsCustom() && !strings.HasPrefix(o.TypeName(), "Selected.") {
				c := o.Copy()
				c.TypeNames = append([]string{"Selected.System.Management.Automation.PSCustomObject"}, o.TypeNames...)
				return []any{c}, nil
			}
			return []any{in}, nil
		}
		specs := st.specs
		if len(specs) == 0 {
			specs = []format.PropSpec{{Name: "*"}}
		}
		sel, err := selectProps(ctx, specs, in, ctx.Strings("ExcludeProperty"))
		if err != nil {
			return nil, err
		}
		return []any{sel}, nil
	}
	unique := func(ctx *command.Context, st *selectState, v any) bool {
		if !ctx.Switch("Unique") {
			return true
		}
		for _, s := range st.seen {
			if sameForUnique(ctx, s, v) {
				return false
			}
		}
		st.seen = append(st.seen, v)
		return true
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if !ok {
			return nil
		}
		st := selectSlot.Of(ctx)
		idx := st.n
		st.n++
		// -Skip counts from the start, except with -Last and no -First,
		// where it counts from the end (End drops those)
		skipFromEnd := ctx.Int("Last") > 0 && ctx.Int("First") == 0
		if ctx.Has("Skip") && !skipFromEnd && st.skipped < ctx.Int("Skip") {
			st.skipped++
			return nil
		}
		if ctx.Has("Index") || ctx.Has("SkipIndex") {
			in := indexIn(ctx.Value("Index"), idx)
			if ctx.Has("SkipIndex") {
				in = !indexIn(ctx.Value("SkipIndex"), idx)
			}
			if !in {
				return nil
			}
		}
		items, err := project(ctx, st, in)
		if err != nil {
			return err
		}
		buffering := ctx.Has("Last") || ctx.Has("SkipLast") || ctx.Switch("Unique")
		for _, it := range items {
			if buffering {
				st.buffer = append(st.buffer, it)
				continue
			}
			if ctx.Has("First") && st.emitted >= ctx.Int("First") {
				return runtime.ErrStopUpstream
			}
			if err := ctx.WriteObject(it); err != nil {
				return err
			}
			st.emitted++
		}
		if ctx.Has("First") && !buffering && st.emitted >= ctx.Int("First") {
			return runtime.ErrStopUpstream
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		st := selectSlot.Of(ctx)
		if st.buffer == nil {
			return nil
		}
		items := st.buffer
		if ctx.Switch("Unique") {
			var u []any
			for _, it := range items {
				if unique(ctx, st, it) {
					u = append(u, it)
				}
			}
			items = u
		}
		if ctx.Has("SkipLast") {
			n := len(items) - ctx.Int("SkipLast")
			if n < 0 {
				n = 0
			}
			items = items[:n]
		}
		var out []any
		if ctx.Int("Last") > 0 && ctx.Int("First") == 0 && ctx.Int("Skip") > 0 {
			end := max(len(items)-ctx.Int("Skip"), 0)
			items = items[max(end-ctx.Int("Last"), 0):end]
			out = items
		} else if ctx.Has("First") || ctx.Has("Last") {
			first, last := 0, 0
			if ctx.Has("First") {
				first = ctx.Int("First")
			}
			if ctx.Has("Last") {
				last = ctx.Int("Last")
			}
			for i, it := range items {
				if i < first || i >= len(items)-last {
					out = append(out, it)
				}
			}
		} else {
			out = items
		}
		for _, it := range out {
			if err := ctx.WriteObject(it); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// selectState is what one Select-Object call keeps between its blocks.
type selectState struct {
	specs   []format.PropSpec
	n       int
	emitted int
	buffer  []any
	seen    []any
	skipped int
}

var selectSlot = command.NewInvocationSlot[selectState]()

func indexIn(v any, i int) bool {
	items, _ := v.([]any)
	for _, it := range items {
		if n, ok := it.(int); ok && n == i {
			return true
		}
	}
	return false
}

func sameForUnique(ctx *command.Context, a, b any) bool {
	oa, okA := a.(*object.PSObject)
	ob, okB := b.(*object.PSObject)
	if okA && okB {
		pa, pb := oa.Properties(), ob.Properties()
		if len(pa) != len(pb) {
			return false
		}
		for i := range pa {
			if !strings.EqualFold(pa[i].Name, pb[i].Name) || runtime.Of(ctx).ToStr(pa[i].Get()) != runtime.Of(ctx).ToStr(pb[i].Get()) {
				return false
			}
		}
		return true
	}
	if ctx.Switch("CaseInsensitive") {
		return runtime.Of(ctx).EqualValues(a, b, false)
	}
	return runtime.Of(ctx).EqualValues(a, b, true)
}

// PropSpec turns a -Property element (name, script block or hashtable)
// into a PropSpec.
func PropSpec(p any, kind format.CalcKind) (format.PropSpec, error) {
	switch x := p.(type) {
	case *automation.ScriptBlock:
		return format.PropSpec{Name: strings.TrimSpace(x.Text()), Script: x, Label: x.Text()}, nil
	case *object.Hashtable:
		return format.ParseCalculated(x, kind)
	}
	return format.PropSpec{Name: object.ToInvariantString(p)}, nil
}

// selectProps builds a Select-Object result object.
func selectProps(ctx *command.Context, specs []format.PropSpec, in any, exclude []string) (*object.PSObject, error) {
	orig := object.TypeName(in)
	if o, ok := in.(*object.PSObject); ok {
		orig = o.TypeName()
	}
	if strings.HasPrefix(orig, "Selected.") {
		orig = strings.TrimPrefix(orig, "Selected.")
	}
	out := object.NewObject("Selected."+orig, object.CustomObjectType, "System.Object")
	excluded := func(name string) bool {
		for _, e := range exclude {
			if wildcard.Match(e, name) {
				return true
			}
		}
		return false
	}
	for _, s := range specs {
		if s.Script != nil || s.Calculated {
			label := s.Label
			if label == "" {
				label = s.Name
			}
			var val any
			if s.Script != nil {
				sb, _ := s.Script.(*automation.ScriptBlock)
				v, err := runtime.Of(ctx).EvalScriptBlock(sb, in)
				if err != nil {
					return nil, err
				}
				val = v
			} else {
				val = PropertyOrKey(in, s.Name)
			}
			if out.Property(label) != nil {
				ctx.WriteError(ctx.NewError(fmt.Sprintf("The property cannot be processed because the property \"%s\" already exists.", label), "AlreadyExistingUserSpecifiedPropertyNoExpand", object.InvalidOperation, "PSArgumentException", in))
				continue
			}
			out.Add(label, val)
			continue
		}
		if wildcard.Has(s.Name) {
			for _, p := range allProps(in) {
				if wildcard.Match(s.Name, p.Name) && out.Property(p.Name) == nil && !excluded(p.Name) {
					out.Add(p.Name, p.Get())
				}
			}
			continue
		}
		if excluded(s.Name) {
			continue
		}
		name := s.Name
		var val any
		if p, ok := object.GetProperty(in, s.Name); ok {
			name = p.Name
			val = p.Get()
		} else if h, ok := in.(*object.Hashtable); ok {
			val, _ = h.Get(s.Name)
		}
		if out.Property(name) != nil {
			ctx.WriteError(ctx.NewError(fmt.Sprintf("The property cannot be processed because the property \"%s\" already exists.", name), "AlreadyExistingUserSpecifiedPropertyNoExpand", object.InvalidOperation, "PSArgumentException", in))
			continue
		}
		out.Add(name, val)
	}
	return out, nil
}

// PropertyOrKey is a hashtable's value for a key, or any other object's
// property value.
func PropertyOrKey(in any, name string) any {
	if h, ok := in.(*object.Hashtable); ok {
		v, _ := h.Get(name)
		return v
	}
	return object.PropertyValue(in, name)
}

func allProps(v any) []*object.Property {
	return object.Adapted(v)
}

// ---------------------------------------------------------------------------
// Sort-Object

func sortObject() *command.Command {
	c := Cmdlet("Sort-Object", ModUtility, "SortObjectCommand")
	c.Synopsis = "Sorts objects by property values."
	c.Sets = []string{"Default", "Top", "Bottom"}
	c.DefaultSet = "Default"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("Descending", params.TSwitch),
		params.P("Unique", params.TSwitch),
		params.P("CaseSensitive", params.TSwitch),
		params.P("Stable", params.TSwitch, params.InSets(params.Set("Default", false, -1))),
		params.P("Top", params.TInt, params.InSets(params.Set("Top", true, -1))),
		params.P("Bottom", params.TInt, params.InSets(params.Set("Bottom", true, -1))),
		params.P("Culture", params.TString),
	}
	c.Handler.Process = command.CollectInput
	c.Handler.End = func(ctx *command.Context) error {
		items := ctx.Collected()
		var specs []format.PropSpec
		if props, ok := ctx.Value("Property").([]any); ok {
			for _, p := range props {
				s, err := PropSpec(p, format.ForSort)
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyIllegalValue", object.InvalidArgument, "NotSupportedException", nil))
				}
				specs = append(specs, s)
			}
		}
		cs := ctx.Switch("CaseSensitive")
		desc := ctx.Switch("Descending")
		key := func(v any, s format.PropSpec) any {
			if s.Script != nil {
				sb, _ := s.Script.(*automation.ScriptBlock)
				r, _ := runtime.Of(ctx).EvalScriptBlock(sb, v)
				return r
			}
			if s.Name == "" {
				return v
			}
			return PropertyOrKey(v, s.Name)
		}
		if len(specs) == 0 {
			specs = []format.PropSpec{{}}
		}
		keys := make([][]any, len(items))
		for i, it := range items {
			for _, s := range specs {
				keys[i] = append(keys[i], key(it, s))
			}
		}
		idx := make([]int, len(items))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool {
			for k, s := range specs {
				d := desc
				if s.Descending != nil {
					d = *s.Descending
				} else if s.Ascending != nil {
					d = !*s.Ascending
				}
				c, err := runtime.Of(ctx).CompareValues(keys[idx[a]][k], keys[idx[b]][k], cs)
				if err != nil {
					c = strings.Compare(runtime.Of(ctx).ToStr(keys[idx[a]][k]), runtime.Of(ctx).ToStr(keys[idx[b]][k]))
				}
				if c != 0 {
					if d {
						return c > 0
					}
					return c < 0
				}
			}
			return false
		})
		var out []any
		for _, i := range idx {
			if ctx.Switch("Unique") && len(out) > 0 {
				prev := out[len(out)-1]
				same := true
				for k, s := range specs {
					if !runtime.Of(ctx).EqualValues(key(prev, s), keys[i][k], cs) {
						same = false
					}
				}
				if same {
					continue
				}
			}
			out = append(out, items[i])
		}
		if ctx.Has("Top") && ctx.Int("Top") < len(out) {
			out = out[:ctx.Int("Top")]
		}
		if ctx.Has("Bottom") && ctx.Int("Bottom") < len(out) {
			out = out[len(out)-ctx.Int("Bottom"):]
		}
		for _, it := range out {
			if err := ctx.WriteObject(it); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// ---------------------------------------------------------------------------
// Measure-Object

func measureObject() *command.Command {
	c := Cmdlet("Measure-Object", ModUtility, "MeasureObjectCommand")
	c.Synopsis = "Counts objects and computes sums, averages, minimums and maximums."
	c.Sets = []string{"GenericMeasure", "TextMeasure"}
	c.DefaultSet = "GenericMeasure"
	gm := params.Set("GenericMeasure", false, -1)
	tm := params.Set("TextMeasure", false, -1)
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("StandardDeviation", params.TSwitch, params.InSets(gm)),
		params.P("Sum", params.TSwitch, params.InSets(gm)),
		params.P("AllStats", params.TSwitch, params.InSets(gm)),
		params.P("Average", params.TSwitch, params.InSets(gm)),
		params.P("Maximum", params.TSwitch, params.InSets(gm)),
		params.P("Minimum", params.TSwitch, params.InSets(gm)),
		params.P("Line", params.TSwitch, params.InSets(tm)),
		params.P("Word", params.TSwitch, params.InSets(tm)),
		params.P("Character", params.TSwitch, params.InSets(tm)),
		params.P("IgnoreWhiteSpace", params.TSwitch, params.InSets(tm)),
	}
	type acc = measureAcc
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if !ok {
			return nil
		}
		ms := measureSlot.Of(ctx)
		if ms.all == nil {
			ms.all = &acc{numeric: true}
		}
		a := ms.all
		if ctx.ParameterSet == "TextMeasure" {
			s := runtime.Of(ctx).ToStr(in)
			a.count++
			a.lines += strings.Count(s, "\n") + 1
			a.words += len(strings.Fields(s))
			if ctx.Switch("IgnoreWhiteSpace") {
				a.chars += len([]rune(strings.Join(strings.Fields(s), "")))
			} else {
				a.chars += len([]rune(s))
			}
			return nil
		}
		props, _ := ctx.Value("Property").([]any)
		if len(props) == 0 {
			measureValue(ctx, a, in)
			return nil
		}
		// Each -Property names one statistic; a wildcard names every
		// matching property of each object. An object without the
		// property is skipped, but a name given plainly is kept so that a
		// property no object had can be reported at the end.
		if ms.props == nil {
			ms.props = &measured{byName: map[string]*acc{}}
		}
		ps := ms.props
		counted := map[string]bool{}
		for _, spec := range props {
			name := runtime.Of(ctx).ToStr(spec)
			if wildcard.Has(name) {
				for _, p := range allProps(in) {
					if wildcard.Match(name, p.Name) && !counted[strings.ToLower(p.Name)] {
						counted[strings.ToLower(p.Name)] = true
						measureValue(ctx, ps.entry(p.Name), p.Get())
					}
				}
				continue
			}
			e := ps.entry(name)
			var val any
			if p, ok := object.GetProperty(in, name); ok {
				val = p.Get()
			} else if h, isH := in.(*object.Hashtable); isH && h.Has(name) {
				val, _ = h.Get(name)
			} else {
				continue
			}
			if counted[strings.ToLower(name)] {
				continue
			}
			counted[strings.ToLower(name)] = true
			measureValue(ctx, e, val)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		ms := measureSlot.Of(ctx)
		a := ms.all
		if a == nil {
			a = &acc{numeric: true}
		}
		if ctx.ParameterSet == "TextMeasure" {
			o := object.NewObject("Microsoft.PowerShell.Commands.TextMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
			var lines, words, chars any
			if ctx.Switch("Line") {
				lines = a.lines
			}
			if ctx.Switch("Word") {
				words = a.words
			}
			if ctx.Switch("Character") {
				chars = a.chars
			}
			o.AddTyped("Lines", "System.Nullable[int]", lines)
			o.AddTyped("Words", "System.Nullable[int]", words)
			o.AddTyped("Characters", "System.Nullable[int]", chars)
			o.AddTyped("Property", "string", nil)
			return ctx.WriteObject(o)
		}
		props, _ := ctx.Value("Property").([]any)
		if len(props) == 0 {
			return ctx.WriteObject(measureInfo(ctx, a, nil))
		}
		ps := ms.props
		if ps == nil {
			return nil
		}
		for _, name := range ps.order {
			e := ps.byName[strings.ToLower(name)]
			if e.count == 0 {
				// no object had it: an error only under strict mode
				if runtime.Of(ctx).StrictMode() >= 2 {
					if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("The property \"%s\" cannot be found in the input for any objects.", name), "GenericMeasurePropertyNotFound", object.InvalidArgument, "PSArgumentException", nil)); err != nil {
						return err
					}
				}
				continue
			}
			if err := ctx.WriteObject(measureInfo(ctx, e, name)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func toDouble(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float32:
		return float64(x)
	case object.Decimal:
		return x.Float()
	case int8, uint8, int16, uint16, uint32, uint64:
		return numeric.Float(x)
	case object.BigInt:
		return x.Float()
	}
	return v
}

// ---------------------------------------------------------------------------
// Group-Object

func groupObject() *command.Command {
	c := Cmdlet("Group-Object", ModUtility, "GroupObjectCommand")
	c.Synopsis = "Groups objects that have the same value for the given properties."
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("NoElement", params.TSwitch),
		params.P("AsHashTable", params.TSwitch),
		params.P("AsString", params.TSwitch),
		params.P("CaseSensitive", params.TSwitch),
		params.P("Culture", params.TString),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if in, ok := ctx.ProcessInput(); ok {
			// the switches are checked as the first object arrives
			props, _ := ctx.Value("Property").([]any)
			switch {
			case ctx.Switch("AsString") && !ctx.Switch("AsHashTable"):
				return ctx.Fail(ctx.NewError("The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.", "ArgumentException", object.InvalidArgument, "ArgumentException", nil))
			case ctx.Switch("AsHashTable") && !ctx.Switch("AsString") && len(props) > 1:
				return ctx.Fail(ctx.NewError("The command cannot be run because using the AsHashTable parameter with more than one property requires adding the AsString parameter.", "ArgumentException", object.InvalidArgument, "ArgumentException", nil))
			}
			ctx.Collect(in)
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		items := ctx.Collected()
		var specs []format.PropSpec
		if props, ok := ctx.Value("Property").([]any); ok {
			for _, p := range props {
				s, err := PropSpec(p, format.ForGroupObject)
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "DictionaryKeyIllegalValue", object.InvalidArgument, "NotSupportedException", nil))
				}
				specs = append(specs, s)
			}
		}
		type group struct {
			name   string
			values []any
			items  []any
		}
		cs := ctx.Switch("CaseSensitive")
		keys := make([][]any, len(items))
		for i, it := range items {
			var vals []any
			for _, s := range specs {
				if s.Script != nil {
					sb, _ := s.Script.(*automation.ScriptBlock)
					v, _ := runtime.Of(ctx).EvalScriptBlock(sb, it)
					vals = append(vals, v)
				} else {
					vals = append(vals, PropertyOrKey(it, s.Name))
				}
			}
			if len(specs) == 0 {
				vals = []any{it}
			}
			keys[i] = vals
		}
		// When every key of a position has one type (nulls aside), the
		// groups come out sorted by their values, ties in input order, as
		// PowerShell's Group-Object orders them; mixed types keep the order
		// the groups first appear in.
		order := make([]int, len(items))
		for i := range order {
			order[i] = i
		}
		if sameKeyTypes(keys) {
			sort.SliceStable(order, func(a, b int) bool {
				for k := range keys[order[a]] {
					c, err := runtime.Of(ctx).CompareValues(keys[order[a]][k], keys[order[b]][k], cs)
					if err != nil {
						c = strings.Compare(runtime.Of(ctx).ToStr(keys[order[a]][k]), runtime.Of(ctx).ToStr(keys[order[b]][k]))
					}
					if c != 0 {
						return c < 0
					}
				}
				return false
			})
		}
		var groups []*group
		for _, i := range order {
			it, vals := items[i], keys[i]
			parts := make([]string, len(vals))
			for i, v := range vals {
				parts[i] = runtime.Of(ctx).ToStr(v)
			}
			name := strings.Join(parts, ", ")
			var g *group
			for _, x := range groups {
				if cs && x.name == name || !cs && strings.EqualFold(x.name, name) {
					g = x
					break
				}
			}
			if g == nil {
				g = &group{name: name, values: vals}
				groups = append(groups, g)
			}
			g.items = append(g.items, it)
		}
		if ctx.Switch("AsHashTable") {
			h := object.NewHashtable()
			for _, g := range groups {
				var key any = g.name
				if !ctx.Switch("AsString") && len(g.values) == 1 {
					key = g.values[0]
				}
				h.Set(key, g.items)
			}
			return ctx.WriteObject(h)
		}
		for _, g := range groups {
			// -NoElement writes GroupInfoNoElement, a GroupInfo whose
			// Group stays empty, with its own views (Count and Name)
			o := object.NewObject("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
			items := g.items
			if ctx.Switch("NoElement") {
				o = object.NewObject("Microsoft.PowerShell.Commands.GroupInfoNoElement", "Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
				items = []any{}
			}
			o.AddTyped("Count", "int", len(g.items))
			o.AddTyped("Name", "string", g.name)
			o.AddTyped("Group", "System.Collections.ObjectModel.Collection[psobject]", items)
			o.AddTyped("Values", "System.Collections.ArrayList", g.values)
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// sameKeyTypes reports whether, at each key position, the non-null keys
// of all items share one type.
func sameKeyTypes(keys [][]any) bool {
	var types []string
	for _, ks := range keys {
		for k, v := range ks {
			for len(types) <= k {
				types = append(types, "")
			}
			if v == nil {
				continue
			}
			t := object.TypeName(v)
			if types[k] == "" {
				types[k] = t
			} else if types[k] != t {
				return false
			}
		}
	}
	return true
}

// measureAcc gathers the statistics of one measured property (or of the
// input objects themselves).
type measureAcc struct {
	count        int
	sum, sumSq   float64
	min, max     any
	numeric      bool
	lines, words int
	chars        int
}

// measured keeps one accumulator per property name, in first-seen order.
type measured struct {
	order  []string
	byName map[string]*measureAcc
}

// measureState is what one Measure-Object call keeps between its blocks:
// the statistics of the objects themselves, or of each -Property.
type measureState struct {
	all   *measureAcc
	props *measured
}

var measureSlot = command.NewInvocationSlot[measureState]()

func (m *measured) entry(name string) *measureAcc {
	k := strings.ToLower(name)
	if e, ok := m.byName[k]; ok {
		return e
	}
	e := &measureAcc{numeric: true}
	m.byName[k] = e
	m.order = append(m.order, name)
	return e
}

// measureValue adds one value to a's statistics; $null is not counted.
func measureValue(ctx *command.Context, a *measureAcc, val any) {
	if val == nil {
		return
	}
	a.count++
	if ctx.Switch("Sum") || ctx.Switch("Average") || ctx.Switch("StandardDeviation") || ctx.Switch("AllStats") || ctx.Switch("Maximum") || ctx.Switch("Minimum") {
		n, err := runtime.Of(ctx).Operator("+", 0.0, val)
		if b, ok := object.Unwrap(val).(object.BigInt); ok {
			// a BigInteger counts as its Double (0.0 + 1n is a BigInteger)
			n, err = b.Float(), nil
		}
		f, isF := n.(float64)
		if err != nil || !isF {
			a.numeric = false
		} else {
			a.sum += f
			a.sumSq += f * f
		}
	}
	if a.min == nil {
		a.min, a.max = val, val
		return
	}
	if c, err := runtime.Of(ctx).CompareValues(val, a.min, false); err == nil && c < 0 {
		a.min = val
	}
	if c, err := runtime.Of(ctx).CompareValues(val, a.max, false); err == nil && c > 0 {
		a.max = val
	}
}

// measureInfo is the GenericMeasureInfo of one accumulator; prop is the
// property name or nil.
func measureInfo(ctx *command.Context, a *measureAcc, prop any) *object.PSObject {
	all := ctx.Switch("AllStats")
	o := object.NewObject("Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
	var avg, sum, max, min, sd any
	if ctx.Switch("Sum") || all {
		sum = a.sum
	}
	if (ctx.Switch("Average") || all) && a.count > 0 {
		avg = a.sum / float64(a.count)
	}
	if (ctx.Switch("StandardDeviation") || all) && a.count > 1 {
		mean := a.sum / float64(a.count)
		sd = math.Sqrt((a.sumSq - float64(a.count)*mean*mean) / float64(a.count-1))
	}
	if ctx.Switch("Maximum") || all {
		max = toDouble(a.max)
	}
	if ctx.Switch("Minimum") || all {
		min = toDouble(a.min)
	}
	o.AddTyped("Count", "int", a.count)
	o.AddTyped("Average", "System.Nullable[double]", avg)
	o.AddTyped("Sum", "System.Nullable[double]", sum)
	o.AddTyped("Maximum", "System.Nullable[double]", max)
	o.AddTyped("Minimum", "System.Nullable[double]", min)
	o.AddTyped("StandardDeviation", "System.Nullable[double]", sd)
	o.AddTyped("Property", "string", prop)
	return o
}
