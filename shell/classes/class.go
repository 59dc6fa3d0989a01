package classes

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

// Class is what a class definition keeps beyond its TypeDef (the
// TypeDef's Class field holds it).
type Class struct {
	Def  *syntax.TypeDefStmt
	Base *Class
	TD   *dotnet.TypeDef
	// Scope is the interpreter's scope where the class was defined: its
	// methods see the types visible there.
	Scope any
}

// Of is the script class a definition declares (nil for .NET types).
func Of(d *dotnet.TypeDef) *Class {
	if d == nil {
		return nil
	}
	c, _ := d.Class.(*Class)
	return c
}

// Define defines the class statement s in the interpreter's current
// scope.
func Define(rt Interp, s *syntax.TypeDefStmt) error {
	c := &Class{Def: s, Scope: rt.Scope()}
	for i, b := range s.Bases {
		bd := rt.ScriptType(b.Name)
		if i == 0 && Of(bd) != nil {
			c.Base = Of(bd)
			continue
		}
		return dotnet.Throw("exosim does not support a class deriving from or implementing '%s' (class %s): only classes the script defines can be bases.", b.Name, s.Name)
	}
	for _, a := range s.Attributes {
		return dotnet.Throw("exosim does not support the attribute '%s' on class %s.", a.Name, s.Name)
	}
	td := &dotnet.TypeDef{FullName: s.Name, Static: dotnet.Members{}, Members: dotnet.Members{}, Class: c}
	c.TD = td
	if c.Base != nil {
		td.Base = c.Base.Def.Name
		td.BaseDef = c.Base.TD
	}
	td.Is = func(_ *dotnet.TypeInfo, v any) bool {
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
	td.New = func(call *dotnet.Call) (any, error) { return newInstance(rt, c, call.Args) }
	td.Convert = func(_ dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
		if td.Is(nil, v) {
			return baseView(v.(*object.PSObject), c), nil
		}
		if h, ok := bare(v).(*object.Hashtable); ok {
			o, err := newInstance(rt, c, nil)
			if err != nil {
				return nil, err
			}
			for _, k := range h.Keys() {
				name := object.ToInvariantString(k)
				if _, ok := c.prop(name); !ok {
					return nil, dotnet.ConvertFailed(v, s.Name, fmt.Sprintf("Cannot create object of type \"%s\". The %s property was not found for the %s object. The available property is: %s", s.Name, name, s.Name, c.propList()))
				}
				val, _ := h.Get(k)
				if err := setClassProp(rt, c, o, name, val); err != nil {
					return nil, err
				}
			}
			return o, nil
		}
		return newInstanceConverting(rt, c, v)
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
				dv, err := rt.InClass(c, func() (any, error) { return rt.EvalExpr(pr.Default) })
				if err != nil {
					return err
				}
				v = dv
			}
			v, err := convertProp(rt, pr, v)
			if err != nil {
				return err
			}
			val, ready = v, true
			return nil
		}
		td.Static[pr.Name] = &dotnet.Member{
			Get: func(*dotnet.Call) (any, error) {
				if err := init(); err != nil {
					return nil, err
				}
				return val, nil
			},
			Set: func(call *dotnet.Call, v any) error {
				nv, err := assignedPropValue(rt, c, pr, v)
				if err != nil {
					return &PropSetError{Err: err}
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
		fn := func(call *dotnet.Call) (any, error) {
			if m := pickOverload(rt, ms, call.Args); m != nil {
				var self any
				if !m.Static {
					self = call.Self
				}
				return runMethod(rt, c, m, self, call.Args)
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
		td.Static["ReferenceEquals"] = dotnet.Method(2, 2, func(call *dotnet.Call) (any, error) {
			return sameInstance(call.Args[0], call.Args[1]), nil
		})
	}
	if _, ok := td.Static["Equals"]; !ok {
		td.Static["Equals"] = dotnet.Method(2, 2, func(call *dotnet.Call) (any, error) {
			a, b := call.Args[0], call.Args[1]
			if a == nil || b == nil {
				return a == nil && b == nil, nil
			}
			if sameInstance(a, b) {
				return true, nil
			}
			v, err := rt.CallMethod(a, "Equals", []any{b})
			if err != nil {
				return nil, err
			}
			return object.ToBool(v), nil
		})
	}
	rt.AddType(td)
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
func (c *Class) prop(name string) (*syntax.PropertyDef, bool) {
	for k := c; k != nil; k = k.Base {
		for _, p := range k.Def.Props {
			if !p.Static && strings.EqualFold(p.Name, name) {
				return p, true
			}
		}
	}
	return nil, false
}

func (c *Class) propList() string {
	var names []string
	for k := c; k != nil; k = k.Base {
		for _, p := range k.Def.Props {
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

func convertProp(rt Interp, p *syntax.PropertyDef, v any) (any, error) {
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
	return t.Convert(rt.Host(), v)
}

func setClassProp(rt Interp, c *Class, o *object.PSObject, name string, v any) error {
	p, _ := c.prop(name)
	nv, err := convertProp(rt, p, v)
	if err != nil {
		return err
	}
	o.Set(p.Name, nv)
	return nil
}

// newInstance makes an object of class c: properties at their defaults
// (the most derived class's first), then the constructor for the
// argument count.
func newInstance(rt Interp, c *Class, args []any) (*object.PSObject, error) {
	var names []string
	for k := c; k != nil; k = k.Base {
		names = append(names, k.Def.Name)
	}
	o := object.NewObject(append(names, "System.Object")...)
	for k := c; k != nil; k = k.Base {
		for _, p := range k.Def.Props {
			if p.Static {
				continue
			}
			var v any
			if p.Default != nil {
				dv, err := rt.InClass(k, func() (any, error) { return rt.EvalExpr(p.Default) })
				if err != nil {
					return nil, err
				}
				v = dv
			}
			v, err := convertProp(rt, p, v)
			if err != nil {
				return nil, err
			}
			o.AddProperty(&object.Property{Name: p.Name, Value: v, Kind: object.AdaptedProperty, TypeName: propTypeName(p), Settable: true, Hidden: p.Hidden})
		}
	}
	if c.Def.Methods != nil || len(args) > 0 {
		if err := runCtor(rt, c, o, args); err != nil {
			return nil, err
		}
	}
	// ToString() is virtual: the nearest class up the chain that defines
	// it gives the instance's text (string expansion, [string], -join).
	if k, m := toStringMethod(c); m != nil {
		o.ToStringFunc = func() string {
			v, err := runMethod(rt, k, m, o, nil)
			if err != nil {
				return ""
			}
			return object.ToInvariantString(v)
		}
	}
	return o, nil
}

// toStringMethod finds the ToString() override c has or inherits, and the
// class that defines it.
func toStringMethod(c *Class) (*Class, *syntax.MethodDef) {
	for k := c; k != nil; k = k.Base {
		for _, m := range k.Def.Methods {
			if strings.EqualFold(m.Name, "ToString") && len(m.Params) == 0 && !m.Static {
				return k, m
			}
		}
	}
	return nil, nil
}

// newInstanceConverting is a cast of one value: the constructor taking
// one argument.
func newInstanceConverting(rt Interp, c *Class, v any) (any, error) {
	for _, m := range c.Def.Methods {
		if m.IsCtor && len(m.Params) == 1 {
			return newInstance(rt, c, []any{v})
		}
	}
	return nil, dotnet.ConvertFailed(v, c.Def.Name, "")
}

// runCtor runs the constructor of c taking len(args) arguments; base
// class constructors run first (with the ": base(...)" arguments, or none).
func runCtor(rt Interp, c *Class, o *object.PSObject, args []any) error {
	var ctors []*syntax.MethodDef
	for _, m := range c.Def.Methods {
		if m.IsCtor {
			ctors = append(ctors, m)
		}
	}
	hasCtor := len(ctors) > 0
	ctor := pickOverload(rt, ctors, args)
	if ctor == nil {
		if hasCtor || len(args) > 0 {
			return &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), ID: "MethodCountCouldNotFindBest"}
		}
		if c.Base != nil {
			return runCtor(rt, c.Base, o, nil)
		}
		return nil
	}
	_, err := runBody(rt, c, ctor, o, args, func() error {
		if c.Base == nil {
			return nil
		}
		var bargs []any
		for _, e := range ctor.BaseArgs {
			v, err := rt.EvalExpr(e)
			if err != nil {
				return err
			}
			bargs = append(bargs, v)
		}
		return runCtor(rt, c.Base, o, bargs)
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
func pickOverload(rt Interp, ms []*syntax.MethodDef, args []any) *syntax.MethodDef {
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
			s := argFit(rt, p, args[i])
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
func argFit(rt Interp, p *syntax.Parameter, v any) int {
	if len(p.Types) == 0 {
		return 1
	}
	t, ok := rt.ResolveType(p.Types[0].Name)
	if !ok || (t.Def() != nil && (t.Def().FullName == "System.Object" || Of(t.Def()) != nil && !t.Test(v))) {
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
	if _, err := t.Convert(rt.Host(), v); err != nil {
		return -1
	}
	return 1
}

// runMethod runs a method body and returns its value converted to the
// declared return type ([void]: nothing).
func runMethod(rt Interp, c *Class, m *syntax.MethodDef, self any, args []any) (any, error) {
	v, err := runBody(rt, c, m, self, args, nil)
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
		return t.Convert(rt.Host(), v)
	}
	return v, nil
}

// runBody runs a method or constructor body in a new scope with $this and
// the parameters set; before runs first, inside that scope.
func runBody(rt Interp, c *Class, m *syntax.MethodDef, self any, args []any, before func() error) (any, error) {
	return rt.InClass(c, func() (any, error) {
		return rt.InScope(func(set func(name string, v any)) (any, error) {
			if self != nil {
				set("this", self)
			}
			for i, p := range m.Params {
				var v any
				if i < len(args) {
					v = args[i]
				} else if p.Default != nil {
					dv, err := rt.EvalExpr(p.Default)
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
					cv, err := dotnet.ConvertArg(rt.Host(), v, t, p.Name, m.Name)
					if err != nil {
						return nil, err
					}
					v = cv
				}
				set(p.Name, v)
			}
			if before != nil {
				if err := before(); err != nil {
					return nil, err
				}
			}
			// only a return gives the method's value: everything else
			// the body writes to the pipeline is dropped
			if m.Body == nil {
				return nil, nil
			}
			return rt.ExecBody(m.Body.End)
		})
	})
}

// baseView is an instance seen as its base class c ([Base]$this): the
// same properties (writes go to the instance), methods looked up from c,
// so a derived class can call the base's implementation.
func baseView(o *object.PSObject, c *Class) *object.PSObject {
	if strings.EqualFold(o.TypeNames[0], c.Def.Name) {
		return o
	}
	var names []string
	for k := c; k != nil; k = k.Base {
		names = append(names, k.Def.Name)
	}
	v := object.NewObject(append(names, "System.Object")...)
	for _, p := range o.Properties() {
		v.AddProperty(p)
	}
	v.ToStringFunc = o.ToStringFunc
	return v
}

// PropValue converts a value assigned to a typed property of a
// script class instance to the property's type; other objects' values
// pass unchanged.
func PropValue(rt Interp, o *object.PSObject, name string, v any) (any, error) {
	if len(o.TypeNames) == 0 || o.Base != nil {
		return v, nil
	}
	d := rt.InstanceType(o.TypeNames[0])
	if Of(d) == nil {
		return v, nil
	}
	p, ok := Of(d).prop(name)
	if !ok {
		return v, nil
	}
	return assignedPropValue(rt, Of(d), p, v)
}

// assignedPropValue is a value assigned to a class property: converted
// to the property's type, then checked by the property's validation
// attributes ([ValidateSet()], [ValidateRange()] ...), as the property's
// setter does. Initial values are not checked.
func assignedPropValue(rt Interp, c *Class, p *syntax.PropertyDef, v any) (any, error) {
	nv, err := convertProp(rt, p, v)
	if err != nil || len(p.Attributes) == 0 {
		return nv, err
	}
	for _, a := range p.Attributes {
		check, err := rt.InClass(c, func() (any, error) { return rt.Validator(a) })
		if err != nil {
			return nil, err
		}
		f, _ := check.(validate.Validator)
		if f == nil {
			continue
		}
		msg, err := f(rt.Validation(), nv)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			return nil, errors.New(msg)
		}
	}
	return nv, nil
}

// PropSetError is a failed assignment to a static class property: its
// message goes into "Exception setting".
type PropSetError struct{ Err error }

func (e *PropSetError) Error() string { return e.Err.Error() }

// bare unwraps a PSObject that only decorates a base value.
func bare(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		return o.Base
	}
	return v
}
