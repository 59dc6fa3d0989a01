package runtime

// Classes a script defines: instances are objects whose type names are
// the class and its bases, with the declared properties in order;
// methods, constructors and static members run their bodies with $this
// bound to the instance.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// scriptClass is what a class definition keeps beyond its TypeDef.
type scriptClass struct {
	def  *syntax.TypeDefStmt
	base *scriptClass
	td   *TypeDef
	// scope is where the class was defined: its methods see the types
	// visible there.
	scope *Scope
}

func (rt *Runtime) defineClass(s *syntax.TypeDefStmt) error {
	c := &scriptClass{def: s, scope: rt.scope}
	for i, b := range s.Bases {
		bd := rt.scriptTypeDef(b.Name, 0)
		if i == 0 && classOf(bd) != nil {
			c.base = classOf(bd)
			continue
		}
		return dotnet.Throw("exosim does not support a class deriving from or implementing '%s' (class %s): only classes the script defines can be bases.", b.Name, s.Name)
	}
	for _, a := range s.Attributes {
		return dotnet.Throw("exosim does not support the attribute '%s' on class %s.", a.Name, s.Name)
	}
	td := &TypeDef{FullName: s.Name, Static: Members{}, Members: Members{}, Class: c}
	c.td = td
	if c.base != nil {
		td.Base = c.base.def.Name
		td.BaseDef = c.base.td
	}
	td.Is = func(_ *TypeInfo, v any) bool {
		o, ok := v.(*object.PSObject)
		if !ok {
			return false
		}
		for _, n := range o.TypeNames {
			if strings.EqualFold(n, s.Name) {
				return true
			}
		}
		return false
	}
	td.New = func(call *Call) (any, error) { return rt.newInstance(c, call.Args) }
	td.Convert = func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
		rt := h.(*Runtime)
		if td.Is(nil, v) {
			return baseView(v.(*object.PSObject), c), nil
		}
		if h, ok := bareValue(v).(*object.Hashtable); ok {
			o, err := rt.newInstance(c, nil)
			if err != nil {
				return nil, err
			}
			for _, k := range h.Keys() {
				name := object.ToInvariantString(k)
				if _, ok := c.prop(name); !ok {
					return nil, dotnet.ConvertFailed(v, s.Name, fmt.Sprintf("Cannot create object of type \"%s\". The %s property was not found for the %s object. The available property is: %s", s.Name, name, s.Name, c.propList()))
				}
				val, _ := h.Get(k)
				if err := rt.setClassProp(c, o, name, val); err != nil {
					return nil, err
				}
			}
			return o, nil
		}
		return rt.newInstanceConverting(c, v)
	}
	for _, pr := range s.Props {
		if !pr.Static {
			continue
		}
		pr := pr
		// a static property gets its initial value when first used, so
		// its initializer may use what the script sets up after the
		// (hoisted) definition
		var val any
		ready := false
		init := func() error {
			if ready {
				return nil
			}
			var v any
			if pr.Default != nil {
				dv, err := rt.inClass(c, func() (any, error) { return rt.evalExpr(pr.Default) })
				if err != nil {
					return err
				}
				v = dv
			}
			v, err := rt.convertProp(pr, v)
			if err != nil {
				return err
			}
			val, ready = v, true
			return nil
		}
		td.Static[pr.Name] = &Member{
			Get: func(*Call) (any, error) {
				if err := init(); err != nil {
					return nil, err
				}
				return val, nil
			},
			Set: func(call *Call, v any) error {
				nv, err := rt.assignedPropValue(c, pr, v)
				if err != nil {
					return &propSetError{err}
				}
				val, ready = nv, true
				return nil
			},
		}
	}
	byName := map[string][]*syntax.MethodDef{}
	for _, m := range s.Methods {
		if m.IsCtor {
			continue
		}
		byName[strings.ToLower(m.Name)] = append(byName[strings.ToLower(m.Name)], m)
	}
	for _, ms := range byName {
		ms := ms
		min, max := 1<<30, 0
		for _, m := range ms {
			if len(m.Params) < min {
				min = len(m.Params)
			}
			if len(m.Params) > max {
				max = len(m.Params)
			}
		}
		fn := func(call *Call) (any, error) {
			if m := rt.pickOverload(ms, call.Args); m != nil {
				var self any
				if !m.Static {
					self = call.Self
				}
				return rt.runMethod(c, m, self, call.Args)
			}
			return nil, &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"%s\" and the argument count: \"%d\".", call.Name, len(call.Args)), ID: "MethodCountCouldNotFindBest"}
		}
		if ms[0].Static {
			td.Static[ms[0].Name] = dotnet.Method(min, max, fn)
		} else {
			td.Members[ms[0].Name] = dotnet.Method(min, max, fn)
		}
	}
	// the static methods every class has from System.Object
	if _, ok := td.Static["ReferenceEquals"]; !ok {
		td.Static["ReferenceEquals"] = dotnet.Method(2, 2, func(call *Call) (any, error) {
			return sameInstance(call.Args[0], call.Args[1]), nil
		})
	}
	if _, ok := td.Static["Equals"]; !ok {
		td.Static["Equals"] = dotnet.Method(2, 2, func(call *Call) (any, error) {
			a, b := call.Args[0], call.Args[1]
			if a == nil || b == nil {
				return a == nil && b == nil, nil
			}
			if sameInstance(a, b) {
				return true, nil
			}
			v, err := rtOf(call).CallMethod(a, "Equals", []any{b})
			if err != nil {
				return nil, err
			}
			return object.ToBool(v), nil
		})
	}
	rt.addScriptType(td)
	return nil
}

// sameInstance is Object.ReferenceEquals for script values: the same
// object, or both null.
func sameInstance(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	oa, ok1 := a.(*object.PSObject)
	ob, ok2 := b.(*object.PSObject)
	return ok1 && ok2 && oa == ob
}

// prop finds a declared instance property on the class or its bases.
func (c *scriptClass) prop(name string) (*syntax.PropertyDef, bool) {
	for k := c; k != nil; k = k.base {
		for _, p := range k.def.Props {
			if !p.Static && strings.EqualFold(p.Name, name) {
				return p, true
			}
		}
	}
	return nil, false
}

func (c *scriptClass) propList() string {
	var names []string
	for k := c; k != nil; k = k.base {
		for _, p := range k.def.Props {
			if !p.Static {
				names = append(names, "["+p.Name+" <"+propTypeName(p)+">]")
			}
		}
	}
	return strings.Join(names, " , ")
}

func propTypeName(p *syntax.PropertyDef) string {
	if p.Type == nil {
		return "System.Object"
	}
	return p.Type.Name
}

func (rt *Runtime) convertProp(p *syntax.PropertyDef, v any) (any, error) {
	if p.Type == nil {
		return v, nil
	}
	t, ok := rt.ResolveType(p.Type.Name)
	if !ok {
		return nil, &dotnet.TypeNotFound{Name: p.Type.Name}
	}
	if t.Convert == nil {
		return v, nil
	}
	if v == nil {
		if z := dotnet.ZeroValue(t); z != nil {
			return z, nil
		}
		if t.FullName == "System.String" {
			return "", nil
		}
		return nil, nil
	}
	return t.Convert(rt, v)
}

func (rt *Runtime) setClassProp(c *scriptClass, o *object.PSObject, name string, v any) error {
	p, _ := c.prop(name)
	nv, err := rt.convertProp(p, v)
	if err != nil {
		return err
	}
	o.Set(p.Name, nv)
	return nil
}

// newInstance makes an object of class c: properties at their defaults
// (the most derived class's first), then the constructor for the
// argument count.
func (rt *Runtime) newInstance(c *scriptClass, args []any) (*object.PSObject, error) {
	var names []string
	for k := c; k != nil; k = k.base {
		names = append(names, k.def.Name)
	}
	o := object.NewObject(append(names, "System.Object")...)
	for k := c; k != nil; k = k.base {
		for _, p := range k.def.Props {
			if p.Static {
				continue
			}
			var v any
			if p.Default != nil {
				dv, err := rt.inClass(k, func() (any, error) { return rt.evalExpr(p.Default) })
				if err != nil {
					return nil, err
				}
				v = dv
			}
			v, err := rt.convertProp(p, v)
			if err != nil {
				return nil, err
			}
			o.AddProperty(&object.Property{Name: p.Name, Value: v, Kind: object.AdaptedProperty, TypeName: propTypeName(p), Settable: true, Hidden: p.Hidden})
		}
	}
	if c.def.Methods != nil || len(args) > 0 {
		if err := rt.runCtor(c, o, args); err != nil {
			return nil, err
		}
	}
	for _, m := range c.def.Methods {
		if strings.EqualFold(m.Name, "ToString") && len(m.Params) == 0 && !m.Static {
			m := m
			o.ToStringFunc = func() string {
				v, err := rt.runMethod(c, m, o, nil)
				if err != nil {
					return ""
				}
				return object.ToInvariantString(v)
			}
		}
	}
	return o, nil
}

// newInstanceConverting is a cast of one value: the constructor taking
// one argument.
func (rt *Runtime) newInstanceConverting(c *scriptClass, v any) (any, error) {
	for _, m := range c.def.Methods {
		if m.IsCtor && len(m.Params) == 1 {
			return rt.newInstance(c, []any{v})
		}
	}
	return nil, dotnet.ConvertFailed(v, c.def.Name, "")
}

// runCtor runs the constructor of c taking len(args) arguments; base
// class constructors run first (with the ": base(...)" arguments, or none).
func (rt *Runtime) runCtor(c *scriptClass, o *object.PSObject, args []any) error {
	var ctors []*syntax.MethodDef
	for _, m := range c.def.Methods {
		if m.IsCtor {
			ctors = append(ctors, m)
		}
	}
	hasCtor := len(ctors) > 0
	ctor := rt.pickOverload(ctors, args)
	if ctor == nil {
		if hasCtor || len(args) > 0 {
			return &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), ID: "MethodCountCouldNotFindBest"}
		}
		if c.base != nil {
			return rt.runCtor(c.base, o, nil)
		}
		return nil
	}
	_, err := rt.runBody(c, ctor, o, args, func() error {
		if c.base == nil {
			return nil
		}
		var bargs []any
		for _, e := range ctor.BaseArgs {
			v, err := rt.evalExpr(e)
			if err != nil {
				return err
			}
			bargs = append(bargs, v)
		}
		return rt.runCtor(c.base, o, bargs)
	})
	return err
}

// pickOverload chooses among the methods (or constructors) of one name
// the one the arguments fit best, as PowerShell's overload resolution
// does: the argument count must match; then an argument of the
// parameter's very type beats one that is an instance of it, which
// beats one that only converts to it; an untyped or [object] parameter
// takes anything. Among equals the first declared wins; when no
// overload takes the arguments, the first of the right count is
// returned so that running it reports the conversion error.
func (rt *Runtime) pickOverload(ms []*syntax.MethodDef, args []any) *syntax.MethodDef {
	var best, first *syntax.MethodDef
	bestScore := -1
	for _, m := range ms {
		if len(m.Params) != len(args) {
			continue
		}
		if first == nil {
			first = m
		}
		score := 0
		for i, p := range m.Params {
			s := rt.argFit(p, args[i])
			if s < 0 {
				score = -1
				break
			}
			score += s
		}
		if score > bestScore {
			best, bestScore = m, score
		}
	}
	if best == nil {
		return first
	}
	return best
}

// argFit scores how well an argument fits a parameter: 3 for its exact
// type, 2 for an instance of it, 1 for a conversion (or an untyped
// parameter), -1 when it does not convert.
func (rt *Runtime) argFit(p *syntax.Parameter, v any) int {
	if len(p.Types) == 0 {
		return 1
	}
	t, ok := rt.ResolveType(p.Types[0].Name)
	if !ok || (t.Def() != nil && (t.Def().FullName == "System.Object" || classOf(t.Def()) != nil && !t.Test(v))) {
		// converting to a class would run its constructor: a value not
		// of the class is given the benefit here and converted when the
		// chosen method runs
		return 1
	}
	if v == nil {
		return 1
	}
	if at := rt.TypeOf(v); at != nil && at.FullName == t.FullName {
		return 3
	}
	if t.Test != nil && t.Test(v) {
		return 2
	}
	if t.Convert == nil {
		return 1
	}
	if _, err := t.Convert(rt, v); err != nil {
		return -1
	}
	return 1
}

// runMethod runs a method body and returns its value converted to the
// declared return type ([void]: nothing).
func (rt *Runtime) runMethod(c *scriptClass, m *syntax.MethodDef, self any, args []any) (any, error) {
	v, err := rt.runBody(c, m, self, args, nil)
	if err != nil {
		return nil, err
	}
	if m.ReturnType == nil || strings.EqualFold(m.ReturnType.Name, "void") {
		return nil, nil
	}
	t, ok := rt.ResolveType(m.ReturnType.Name)
	if !ok {
		return nil, &dotnet.TypeNotFound{Name: m.ReturnType.Name}
	}
	if t.Convert != nil && v != nil {
		return t.Convert(rt, v)
	}
	return v, nil
}

// runBody runs a method or constructor body in a new scope with $this and
// the parameters set; before runs first, inside that scope.
func (rt *Runtime) runBody(c *scriptClass, m *syntax.MethodDef, self any, args []any, before func() error) (any, error) {
	rt.classCtx = append(rt.classCtx, c)
	defer func() { rt.classCtx = rt.classCtx[:len(rt.classCtx)-1] }()
	saved := rt.scope
	rt.scope = newScope(saved)
	defer func() { rt.scope = saved }()
	if self != nil {
		rt.scope.set("this", self)
	}
	for i, p := range m.Params {
		var v any
		if i < len(args) {
			v = args[i]
		} else if p.Default != nil {
			dv, err := rt.evalExpr(p.Default)
			if err != nil {
				return nil, err
			}
			v = dv
		}
		if len(p.Types) > 0 {
			t, ok := rt.ResolveType(p.Types[0].Name)
			if !ok {
				return nil, &dotnet.TypeNotFound{Name: p.Types[0].Name}
			}
			cv, err := dotnet.ConvertArg(rt, v, t, p.Name, m.Name)
			if err != nil {
				return nil, err
			}
			v = cv
		}
		rt.scope.set(p.Name, v)
	}
	if before != nil {
		if err := before(); err != nil {
			return nil, err
		}
	}
	// only a return gives the method's value: everything else the body
	// writes to the pipeline is dropped
	var err error
	if m.Body != nil && m.Body.End != nil {
		err = rt.execBlock(m.Body.End, discard)
	}
	var ret *returnSignal
	if errors.As(err, &ret) {
		return ret.value, nil
	}
	return nil, err
}

// baseView is an instance seen as its base class c ([Base]$this): the
// same properties (writes go to the instance), methods looked up from c,
// so a derived class can call the base's implementation.
func baseView(o *object.PSObject, c *scriptClass) *object.PSObject {
	if strings.EqualFold(o.TypeNames[0], c.def.Name) {
		return o
	}
	var names []string
	for k := c; k != nil; k = k.base {
		names = append(names, k.def.Name)
	}
	v := object.NewObject(append(names, "System.Object")...)
	for _, p := range o.Properties() {
		v.AddProperty(p)
	}
	v.ToStringFunc = o.ToStringFunc
	return v
}

// classPropValue converts a value assigned to a typed property of a
// script class instance to the property's type; other objects' values
// pass unchanged.
func (rt *Runtime) classPropValue(o *object.PSObject, name string, v any) (any, error) {
	if len(o.TypeNames) == 0 || o.Base != nil {
		return v, nil
	}
	d := rt.instanceTypeDef(o.TypeNames[0])
	if classOf(d) == nil {
		return v, nil
	}
	p, ok := classOf(d).prop(name)
	if !ok {
		return v, nil
	}
	return rt.assignedPropValue(classOf(d), p, v)
}

// assignedPropValue is a value assigned to a class property: converted
// to the property's type, then checked by the property's validation
// attributes ([ValidateSet()], [ValidateRange()] ...), as the property's
// setter does. Initial values are not checked.
func (rt *Runtime) assignedPropValue(c *scriptClass, p *syntax.PropertyDef, v any) (any, error) {
	nv, err := rt.convertProp(p, v)
	if err != nil || len(p.Attributes) == 0 {
		return nv, err
	}
	for _, a := range p.Attributes {
		check, err := rt.inClass(c, func() (any, error) { return rt.validatorFor(a) })
		if err != nil {
			return nil, err
		}
		f, _ := check.(validate.Validator)
		if f == nil {
			continue
		}
		msg, err := f(validation{rt}, nv)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			return nil, errors.New(msg)
		}
	}
	return nv, nil
}

// propSetError is a failed assignment to a static class property: its
// message goes into "Exception setting".
type propSetError struct{ err error }

func (e *propSetError) Error() string { return e.err.Error() }

// inClass evaluates with the types visible where class c was defined,
// as its initializers and methods do.
func (rt *Runtime) inClass(c *scriptClass, f func() (any, error)) (any, error) {
	rt.classCtx = append(rt.classCtx, c)
	defer func() { rt.classCtx = rt.classCtx[:len(rt.classCtx)-1] }()
	return f()
}
