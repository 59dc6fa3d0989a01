package runtime

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// funcRun is the state of one running script function or script block.
type funcRun struct {
	ast      *syntax.ScriptBlock
	scope    *Scope
	saved    *Scope
	input    []any
	params   []*syntax.Parameter
	cmd      *Command
	isDot    bool
	isScript bool
}

// functionCommand builds (and caches) a Command declaration for a script
// block's parameters so the same binder serves functions and cmdlets. simple
// is true for functions without [CmdletBinding()] or [Parameter()].
func (rt *Runtime) functionCommand(name string, ast *syntax.ScriptBlock, fnParams []*syntax.Parameter) (*Command, bool, error) {
	key := ast
	if rt.fnCache == nil {
		rt.fnCache = map[*syntax.ScriptBlock]*fnDecl{}
	}
	if d, ok := rt.fnCache[key]; ok {
		c := *d.cmd
		c.Name = name
		return &c, d.simple, nil
	}
	params := fnParams
	advanced := false
	var attrs []*syntax.Attribute
	if ast.Param != nil {
		params = ast.Param.Params
		attrs = ast.Param.Attributes
	}
	cmd := &Command{Name: name, Type: FunctionCommand, ConfirmImpact: ImpactMedium}
	for _, a := range attrs {
		if strings.EqualFold(a.Name, "CmdletBinding") {
			advanced = true
			for _, na := range a.Named {
				switch strings.ToLower(na.Name) {
				case "supportsshouldprocess":
					cmd.SupportsShouldProcess = na.Value == nil || rt.constTruthy(na.Value)
				case "confirmimpact":
					if na.Value != nil {
						v, _ := rt.evalExpr(na.Value)
						switch strings.ToLower(rt.toStr(v)) {
						case "high":
							cmd.ConfirmImpact = ImpactHigh
						case "low":
							cmd.ConfirmImpact = ImpactLow
						case "none":
							cmd.ConfirmImpact = ImpactNone
						}
					}
				case "defaultparametersetname":
					if na.Value != nil {
						v, _ := rt.evalExpr(na.Value)
						cmd.DefaultSet = rt.toStr(v)
					}
				}
			}
		}
	}
	setNames := map[string]bool{}
	pos := 0
	explicitPositions := false
	for _, p := range params {
		for _, a := range p.Attributes {
			if strings.EqualFold(a.Name, "Parameter") {
				advanced = true
				for _, na := range a.Named {
					if strings.EqualFold(na.Name, "Position") {
						explicitPositions = true
					}
				}
			}
		}
	}
	for _, p := range params {
		decl := &Param{Name: p.Name, Type: rt.paramType(p)}
		var sets []SetInfo
		for _, a := range p.Attributes {
			switch strings.ToLower(a.Name) {
			case "parameter":
				si := SetInfo{Set: AllSets, Position: -1}
				for _, na := range a.Named {
					var val any = true
					if na.Value != nil {
						val, _ = rt.evalExpr(na.Value)
					}
					switch strings.ToLower(na.Name) {
					case "mandatory":
						si.Mandatory = object.ToBool(val)
					case "position":
						if n, ok := toNumber(val); ok {
							si.Position = int(asInt64(n))
						}
					case "valuefrompipeline":
						si.FromPipeline = object.ToBool(val)
					case "valuefrompipelinebypropertyname":
						si.FromPipelineByName = object.ToBool(val)
					case "parametersetname":
						si.Set = rt.toStr(val)
						setNames[si.Set] = true
					}
				}
				sets = append(sets, si)
			case "alias":
				for _, e := range a.Positional {
					v, _ := rt.evalExpr(e)
					if items, ok := enumerateForCompare(v); ok {
						for _, it := range items {
							decl.Aliases = append(decl.Aliases, rt.toStr(it))
						}
					} else {
						decl.Aliases = append(decl.Aliases, rt.toStr(v))
					}
				}
			case "validateset":
				var vals []string
				for _, e := range a.Positional {
					v, _ := rt.evalExpr(e)
					vals = append(vals, rt.toStr(v))
				}
				t := *decl.Type
				t.Kind = KindEnum
				t.Values = vals
				decl.Type = &t
			case "validatenotnullorempty", "validatenotnull":
				decl.ValidateNotNullOrEmpty = true
			}
		}
		if len(sets) == 0 {
			sets = []SetInfo{{Set: AllSets, Position: -1}}
		}
		if !explicitPositions && !decl.IsSwitch() {
			for i := range sets {
				sets[i].Position = pos
			}
			pos++
		}
		decl.Sets = sets
		if p.Default != nil {
			decl.Default = p.Default.Span().Text()
		}
		cmd.Params = append(cmd.Params, decl)
	}
	for s := range setNames {
		cmd.Sets = append(cmd.Sets, s)
	}
	if len(cmd.Sets) > 0 {
		if cmd.DefaultSet == "" {
			cmd.DefaultSet = cmd.Sets[0]
		}
	}
	simple := !advanced
	rt.fnCache[key] = &fnDecl{cmd: cmd, simple: simple}
	c := *cmd
	return &c, simple, nil
}

type fnDecl struct {
	cmd    *Command
	simple bool
}

func (rt *Runtime) constTruthy(e syntax.Expr) bool {
	v, err := rt.evalExpr(e)
	return err == nil && object.ToBool(v)
}

func (rt *Runtime) paramType(p *syntax.Parameter) *Type {
	if len(p.Types) == 0 {
		return TObject
	}
	name := strings.ToLower(p.Types[len(p.Types)-1].Name)
	switch name {
	case "string", "system.string":
		return TString
	case "string[]":
		return TStrings
	case "int", "int32", "system.int32":
		return TInt
	case "long", "int64":
		return TLong
	case "double":
		return TDouble
	case "bool", "boolean", "system.boolean":
		return TBool
	case "switch", "system.management.automation.switchparameter":
		return TSwitch
	case "datetime", "system.datetime":
		return TDateTime
	case "timespan":
		return TTimeSpan
	case "guid":
		return TGuid
	case "securestring":
		return TSecureString
	case "hashtable":
		return THashtable
	case "scriptblock":
		return TScriptBlock
	case "object[]", "array":
		return TObjects
	}
	return &Type{Kind: KindObject, Name: p.Types[len(p.Types)-1].Name, FullName: p.Types[len(p.Types)-1].Name}
}

// beginScript starts a script function / script block invocation.
func (pr *cmdProcessor) beginScript() error {
	rt := pr.rt
	var ast *syntax.ScriptBlock
	var params []*syntax.Parameter
	switch {
	case pr.fn != nil:
		ast = pr.fn.Body.AST
		params = pr.fn.Params
	case pr.sb != nil:
		ast = pr.sb.AST
	}
	if ast.Param != nil {
		params = ast.Param.Params
	}
	run := &funcRun{ast: ast, params: params, cmd: pr.cmd, isDot: pr.dot}
	pr.fnRun = run
	pr.ctx = &Context{RT: rt, Command: pr.cmd, InvocationName: pr.invName, proc: pr, State: map[string]any{}}
	pr.ctx.bound = map[string]any{}
	for k, v := range pr.bound.values {
		pr.ctx.bound[k] = v
	}
	if !pr.hasInput {
		if err := pr.resolveSet(); err != nil {
			return err
		}
	} else {
		pr.ctx.ParameterSet = pr.pickSet(false)
	}
	run.saved = rt.scope
	if pr.dot {
		run.scope = rt.scope
	} else {
		run.scope = newScope(rt.scope)
		if pr.scriptFile != "" {
			run.scope.isScript = true
		}
	}
	rt.scope = run.scope
	rt.depth++
	defer func() { rt.scope = run.saved }()
	if err := pr.setParamVars(); err != nil {
		rt.depth--
		return err
	}
	extra := pr.bound.extra
	if extra == nil {
		extra = []any{}
	}
	run.scope.set("args", extra)
	if pr.scriptFile != "" {
		run.scope.set("PSCommandPath", pr.scriptFile)
		run.scope.set("PSScriptRoot", dirOf(pr.scriptFile))
	}
	if ast.Begin != nil {
		if err := pr.runBlock(ast.Begin); err != nil {
			rt.depth--
			return err
		}
	}
	return nil
}

func dirOf(p string) string {
	i := strings.LastIndexAny(p, `/\`)
	if i < 0 {
		return "."
	}
	return p[:i]
}

// setParamVars defines the parameter variables in the function's scope.
func (pr *cmdProcessor) setParamVars() error {
	rt := pr.rt
	run := pr.fnRun
	bp := object.NewHashtable()
	for _, p := range run.params {
		key := strings.ToLower(p.Name)
		decl := pr.cmd.Param(p.Name)
		if v, ok := pr.ctx.bound[key]; ok {
			if decl != nil && decl.IsSwitch() {
				v = Switch(object.ToBool(v))
			} else if len(p.Types) > 0 && decl != nil && decl.Type.Kind == KindObject {
				cv, err := rt.ConvertTo(v, p.Types[len(p.Types)-1].Name)
				if err == nil {
					v = cv
				}
			}
			run.scope.set(p.Name, v)
			bp.Set(p.Name, v)
			continue
		}
		var def any
		if p.Default != nil {
			v, err := rt.evalExpr(p.Default)
			if err != nil {
				return err
			}
			def = v
		} else if decl != nil && decl.IsSwitch() {
			def = Switch(false)
		} else if decl != nil {
			switch decl.Type.Kind {
			case KindString:
				def = ""
			case KindInt, KindLong:
				def = 0
			case KindBool:
				def = false
			}
		}
		run.scope.set(p.Name, def)
	}
	run.scope.set("PSBoundParameters", bp)
	run.scope.set("PSCmdlet", &PSCmdlet{pr: pr})
	return nil
}

func (pr *cmdProcessor) runBlock(b *syntax.StatementBlock) error {
	rt := pr.rt
	rt.fnStack = append(rt.fnStack, pr)
	err := rt.execBlock(b, pr.emit)
	rt.fnStack = rt.fnStack[:len(rt.fnStack)-1]
	var ret *returnSignal
	if errors.As(err, &ret) {
		return nil
	}
	return err
}

func (pr *cmdProcessor) processScript(v any, hasInput bool) error {
	rt := pr.rt
	run := pr.fnRun
	saved := rt.scope
	rt.scope = run.scope
	defer func() { rt.scope = saved }()
	if hasInput {
		// rebind pipeline parameters
		pr.ctx.bound = map[string]any{}
		for k, val := range pr.bound.values {
			pr.ctx.bound[k] = val
		}
		if err := pr.bindScriptPipeline(v); err != nil {
			return err
		}
		run.input = append(run.input, v)
	}
	if run.ast.Process == nil {
		if run.ast.Unnamed && run.ast.End != nil && pr.fn != nil && pr.fn.IsFilter {
			run.scope.set("_", v)
			return pr.runBlock(run.ast.End)
		}
		return nil
	}
	if hasInput {
		run.scope.set("_", v)
		run.scope.set("PSItem", v)
	}
	return pr.runBlock(run.ast.Process)
}

func (pr *cmdProcessor) bindScriptPipeline(v any) error {
	rt := pr.rt
	for _, p := range pr.cmd.Params {
		key := strings.ToLower(p.Name)
		if _, done := pr.bound.values[key]; done {
			continue
		}
		for _, s := range p.Sets {
			if s.FromPipeline {
				cv, err := rt.convertArg(pr.cmd, pr.invName, p, v, pr.ext)
				if err != nil {
					return err
				}
				pr.fnRun.scope.set(p.Name, cv)
				break
			}
			if s.FromPipelineByName {
				if prop, ok := object.GetProperty(v, p.Name); ok {
					pr.fnRun.scope.set(p.Name, prop.Get())
				}
			}
		}
	}
	return nil
}

func (pr *cmdProcessor) endScript() error {
	rt := pr.rt
	run := pr.fnRun
	saved := rt.scope
	rt.scope = run.scope
	defer func() {
		rt.scope = run.saved
		rt.depth--
	}()
	_ = saved
	if run.ast.End != nil && !(pr.fn != nil && pr.fn.IsFilter && run.ast.Unnamed) {
		in := run.input
		if in == nil {
			in = []any{}
		}
		run.scope.set("input", in)
		if err := pr.runBlock(run.ast.End); err != nil {
			return err
		}
	}
	if pr.outFile != nil {
		pr.outFile.close()
	}
	return nil
}

// invokeScriptBlock runs a script block in the current scope with $_ set,
// as ForEach-Object, Where-Object and calculated properties do.
func (rt *Runtime) invokeScriptBlock(sb *ScriptBlock, dollarUnder any, args []any, out emitter) error {
	under := rt.scope.lookup("_")
	var savedUnder any
	hadUnder := under != nil
	if hadUnder {
		savedUnder = under.Value
	}
	rt.scope.set("_", dollarUnder)
	savedArgs := rt.scope.lookup("args")
	var savedArgsVal any
	if savedArgs != nil {
		savedArgsVal = savedArgs.Value
	}
	if args != nil {
		rt.scope.set("args", args)
	}
	defer func() {
		if hadUnder {
			rt.scope.set("_", savedUnder)
		} else {
			delete(rt.scope.vars, "_")
		}
		if savedArgs != nil {
			rt.scope.set("args", savedArgsVal)
		}
	}()
	ast := sb.AST
	var err error
	if ast.Begin != nil {
		err = rt.execBlock(ast.Begin, out)
	}
	if err == nil && ast.Process != nil {
		err = rt.execBlock(ast.Process, out)
	}
	if err == nil && ast.End != nil {
		err = rt.execBlock(ast.End, out)
	}
	var ret *returnSignal
	if errors.As(err, &ret) {
		return nil
	}
	return err
}

// invokeScriptBlockValue runs a script block and returns its collected output.
func (rt *Runtime) invokeScriptBlockValue(sb *ScriptBlock, dollarUnder any, args []any) (any, error) {
	var items []any
	err := rt.invokeScriptBlock(sb, dollarUnder, args, func(v any) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return collapse(items), nil
}

// InvokeScriptBlock runs a script block value with $_ bound (for cmdlets
// such as Where-Object and ForEach-Object) and writes its output to out.
func (rt *Runtime) InvokeScriptBlock(sb *ScriptBlock, dollarUnder any, out func(any) error) error {
	if out == nil {
		out = discard
	}
	return rt.invokeScriptBlock(sb, dollarUnder, nil, out)
}

// EvalScriptBlock runs a script block with $_ bound and returns its value.
func (rt *Runtime) EvalScriptBlock(sb *ScriptBlock, dollarUnder any) (any, error) {
	return rt.invokeScriptBlockValue(sb, dollarUnder, nil)
}

// PSCmdlet is $PSCmdlet inside an advanced function.
type PSCmdlet struct{ pr *cmdProcessor }

// PSTypeName is the .NET type name.
func (c *PSCmdlet) PSTypeName() string { return "System.Management.Automation.PSScriptCmdlet" }

func (c *PSCmdlet) String() string { return c.pr.cmd.Name }

func (rt *Runtime) psCmdletMethod(c *PSCmdlet, lname, name string, args []any) (any, error) {
	switch lname {
	case "shouldprocess":
		target, action := "", ""
		if len(args) > 0 {
			target = rt.toStr(args[0])
		}
		if len(args) > 1 {
			action = rt.toStr(args[1])
		}
		return c.pr.shouldProcess(target, action, "")
	case "shouldcontinue":
		return true, nil
	case "writeerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				return voidValue{}, c.pr.writeError(rec)
			}
		}
	case "throwterminatingerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				return nil, &PSError{Record: rec}
			}
		}
	case "writeobject":
		if len(args) >= 1 {
			return voidValue{}, c.pr.emit(args[0])
		}
	case "writeverbose":
		c.pr.writeVerbose(argStr(rt, args, 0))
		return voidValue{}, nil
	case "writewarning":
		c.pr.writeWarning(argStr(rt, args, 0))
		return voidValue{}, nil
	}
	return nil, &methodNotFound{typeName: c.PSTypeName(), name: name}
}
