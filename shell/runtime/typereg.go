package runtime

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
)

// The type registry: every .NET type scripts can name — in a cast, a
// -is/-as test, a static member access ([math]::Round) or a constructor
// (::new, New-Object) — is declared once, as a TypeDef, and registered.
// Instance members of values are looked up in the same registry through
// the value's .NET type name, so adding a type or a member is one entry.
//
// A TypeDef is a type definition; a TypeInfo is a usable type: a
// non-generic definition, a generic definition closed over its type
// arguments (List[string]), or an array of another type (string[]).

// TypeDef declares one .NET type.
type TypeDef struct {
	// FullName is the .NET full name; generic definitions carry their
	// arity the .NET way: "System.Collections.Generic.List`1".
	FullName string
	// Aliases are other names resolving to the type without a namespace
	// search: PowerShell's type accelerators ("int", "hashtable").
	Aliases []string
	// Assembly is the simple assembly name shown in assembly-qualified
	// generic argument names; empty means System.Private.CoreLib.
	Assembly string
	// Base is the full name of the type whose instance members this one
	// inherits (searched when a member is not declared here). Every type
	// finally inherits System.Object's.
	Base string
	// ValueType marks structs (DateTime, Int32 ...) for GetType().BaseType.
	ValueType bool
	// Convert converts a value to the type (a cast); nil keeps the value.
	Convert func(rt *Runtime, t *TypeInfo, v any) (any, error)
	// Is implements -is; nil means "never".
	Is func(t *TypeInfo, v any) bool
	// New constructs an instance ([T]::new(args), New-Object T args); nil
	// means the type has no public constructor.
	New func(c *Call) (any, error)
	// Static and Members are the static and instance members, keyed by
	// name (case-insensitive).
	Static  Members
	Members Members
	// NewArity lists the argument counts New accepts (nil: any).
	NewArity []int
	// Hidden types serve their instances' members but cannot be named in
	// a script ([T] is "Unable to find type"): types whose assembly a real
	// session would not have loaded.
	Hidden bool
	// baseDef and class are set for classes a script defines: the base
	// class's definition and the class itself (scriptclass.go).
	baseDef *TypeDef
	class   *scriptClass
}

// Members maps member names to members.
type Members map[string]*Member

// Member is a property (Get, optionally Set) or a method (Call).
type Member struct {
	Get  func(c *Call) (any, error)
	Set  func(c *Call, v any) error
	Call func(c *Call) (any, error)
	// Min and Max bound the argument count of a method (Max < 0: any).
	Min, Max int
}

// Method returns a method member taking between min and max arguments.
func Method(min, max int, fn func(c *Call) (any, error)) *Member {
	return &Member{Call: fn, Min: min, Max: max}
}

// Prop returns a read-only property member.
func Prop(fn func(c *Call) (any, error)) *Member { return &Member{Get: fn} }

// Call is one member access: the type it was found on (with its generic
// arguments), the instance (nil for static members) and the arguments.
type Call struct {
	RT   *Runtime
	Type *TypeInfo
	Self any
	Args []any
	Name string
}

// TypeInfo is a type usable in casts, -is/-as and member access.
type TypeInfo struct {
	// FullName is the .NET Type.FullName: generic arguments are
	// assembly-qualified, as in error messages.
	FullName string
	// Convert converts a value to the type; nil means "no conversion".
	Convert func(rt *Runtime, v any) (any, error)
	// Test implements -is.
	Test func(v any) bool
	// Element is set for array types (string[]).
	Element *TypeInfo
	// Args are the type arguments of a closed generic type.
	Args []*TypeInfo
	def  *TypeDef
}

// Name is the short type name (Type.Name): "Int32", "List`1", "String[]".
func (t *TypeInfo) Name() string {
	if t.Element != nil {
		return t.Element.Name() + "[]"
	}
	n := t.FullName
	if t.def != nil {
		n = t.def.FullName
	}
	return object.ShortName(n)
}

// String is Type.ToString(): generic arguments by their full names without
// assembly ("System.Collections.Generic.List`1[System.String]"); this is
// the form conversion errors show.
func (t *TypeInfo) String() string {
	if t.Element != nil {
		return t.Element.String() + "[]"
	}
	if len(t.Args) == 0 {
		return t.FullName
	}
	parts := make([]string, len(t.Args))
	for i, a := range t.Args {
		parts[i] = a.String()
	}
	return t.def.FullName + "[" + strings.Join(parts, ",") + "]"
}

// GenericFullName is FullName (object.GenericType).
func (t *TypeInfo) GenericFullName() string { return t.FullName }

// Def returns the definition behind the type (nil for ad-hoc types).
func (t *TypeInfo) Def() *TypeDef { return t.def }

// assemblyQualified is the argument form inside a generic full name.
func (t *TypeInfo) assemblyQualified() string {
	asm := "System.Private.CoreLib"
	if t.def != nil && t.def.Assembly != "" {
		asm = t.def.Assembly
	}
	version, token := "8.0.0.0", "7cec85d7bea7798e"
	if asm == "System.Management.Automation" {
		version, token = "7.4.6.500", "31bf3856ad364e35"
	}
	return fmt.Sprintf("%s, %s, Version=%s, Culture=neutral, PublicKeyToken=%s", t.FullName, asm, version, token)
}

// registry holds the TypeDefs by lower-case full name and alias.
var registry = struct {
	sync.RWMutex
	defs     map[string]*TypeDef
	closed   map[string]*TypeInfo // closed generic and plain types by canonical key
	allNames []string
}{defs: map[string]*TypeDef{}, closed: map[string]*TypeInfo{}}

// Registration is deferred: a process that never names a type (most
// one-shot commands) never indexes the table. RegisterType and the
// type-declaring init functions (typesLater) queue their work in order;
// the first lookup runs the queue.
var pendingTypes struct {
	sync.Mutex
	fns []func()
	// waiting is set while fns is not empty (the lookups' fast path).
	waiting atomic.Bool
	// running is set while the queue runs: a RegisterType then
	// registers at once, in the order the queue gives.
	running bool
}

// typesLater queues a function that declares types with RegisterType;
// it runs the first time a type is looked up.
func typesLater(declare func()) {
	pendingTypes.Lock()
	defer pendingTypes.Unlock()
	pendingTypes.fns = append(pendingTypes.fns, declare)
	pendingTypes.waiting.Store(true)
}

// flushTypes runs the queued registrations.
func flushTypes() {
	if !pendingTypes.waiting.Load() {
		return
	}
	pendingTypes.Lock()
	defer pendingTypes.Unlock()
	pendingTypes.running = true
	defer func() { pendingTypes.running = false }()
	for len(pendingTypes.fns) > 0 {
		fn := pendingTypes.fns[0]
		pendingTypes.fns = pendingTypes.fns[1:]
		fn()
	}
	pendingTypes.waiting.Store(false)
}

// RegisterType adds type definitions to every session. A later
// registration of the same full name replaces the earlier one. Packages
// outside the shell (for example those simulating Exchange values) use it
// for the types their values carry, from an init function.
func RegisterType(defs ...*TypeDef) {
	if !pendingTypes.running {
		typesLater(func() { registerTypes(defs) })
		return
	}
	registerTypes(defs)
}

func registerTypes(defs []*TypeDef) {
	registry.Lock()
	defer registry.Unlock()
	for _, d := range defs {
		d.Static = lowerKeys(d.Static)
		d.Members = lowerKeys(d.Members)
		registry.defs[strings.ToLower(d.FullName)] = d
		for _, a := range d.Aliases {
			registry.defs[strings.ToLower(a)] = d
		}
		registry.allNames = append(registry.allNames, d.FullName)
	}
	registry.closed = map[string]*TypeInfo{}
}

func lowerKeys(m Members) Members {
	if m == nil {
		return nil
	}
	out := make(Members, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// lookupDef finds a definition by full name or alias (case-insensitive);
// arity is the number of generic arguments written (0 for none).
func lookupDef(name string, arity int) *TypeDef {
	flushTypes()
	registry.RLock()
	defer registry.RUnlock()
	key := strings.ToLower(name)
	if arity > 0 && !strings.Contains(key, "`") {
		if d, ok := registry.defs[fmt.Sprintf("%s`%d", key, arity)]; ok {
			return d
		}
		return nil
	}
	d := registry.defs[key]
	if d == nil || genericArity(d.FullName) != arity {
		return nil
	}
	return d
}

func genericArity(full string) int {
	i := strings.LastIndexByte(full, '`')
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range full[i+1:] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// typeName is a parsed type name: Name, generic Args, and a count of
// trailing array ranks.
type typeName struct {
	Name  string
	Args  []*typeName
	Array int
}

// parseTypeName parses "System.Collections.Generic.Dictionary[string,
// System.Collections.Generic.List[int]]", "string[]" and
// "List`1[[System.String, mscorlib]]" (assembly qualifications dropped).
func parseTypeName(s string) (*typeName, bool) {
	p := &typeNameParser{s: s}
	t, ok := p.parse()
	if !ok {
		return nil, false
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, false
	}
	return t, true
}

type typeNameParser struct {
	s string
	i int
}

func (p *typeNameParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *typeNameParser) parse() (*typeName, bool) {
	p.skip()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '[' || c == ']' || c == ',' || c == ' ' || c == '\t' {
			break
		}
		p.i++
	}
	t := &typeName{Name: p.s[start:p.i]}
	if t.Name == "" {
		return nil, false
	}
	for {
		p.skip()
		if p.i >= len(p.s) || p.s[p.i] != '[' {
			return t, true
		}
		p.i++
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			t.Array++
			continue
		}
		if len(t.Args) > 0 || t.Array > 0 {
			return nil, false
		}
		for {
			p.skip()
			qualified := p.i < len(p.s) && p.s[p.i] == '['
			if qualified {
				p.i++
			}
			a, ok := p.parse()
			if !ok {
				return nil, false
			}
			p.skip()
			if qualified {
				// drop ", Assembly, Version=..." up to the closing bracket
				depth := 0
				for p.i < len(p.s) && !(p.s[p.i] == ']' && depth == 0) {
					if p.s[p.i] == '[' {
						depth++
					} else if p.s[p.i] == ']' {
						depth--
					}
					p.i++
				}
				if p.i >= len(p.s) {
					return nil, false
				}
				p.i++
				p.skip()
			}
			t.Args = append(t.Args, a)
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			break
		}
		if p.i >= len(p.s) || p.s[p.i] != ']' {
			return nil, false
		}
		p.i++
	}
}

// ResolveType finds a type by the name written in brackets: an
// accelerator, a full name, a name in System or in a namespace of a using
// statement, a closed generic (List[string]) or an array (int[]).
func (rt *Runtime) ResolveType(name string) (*TypeInfo, bool) {
	return rt.resolveTypeIn(name, nil)
}

// resolveTypeIn is ResolveType with the namespaces of using statements in
// effect where the name was written (they apply to generic arguments too).
func (rt *Runtime) resolveTypeIn(name string, namespaces []string) (*TypeInfo, bool) {
	tn, ok := parseTypeName(strings.TrimSpace(name))
	if !ok {
		return nil, false
	}
	return rt.resolveParsed(tn, namespaces)
}

func (rt *Runtime) resolveParsed(tn *typeName, namespaces []string) (*TypeInfo, bool) {
	var args []*TypeInfo
	for _, a := range tn.Args {
		ai, ok := rt.resolveParsed(a, namespaces)
		if !ok {
			return nil, false
		}
		args = append(args, ai)
	}
	def := rt.scriptTypeDef(tn.Name, len(args))
	if def == nil {
		def = findDef(tn.Name, len(args), namespaces)
	}
	if def == nil {
		return nil, false
	}
	t := closeType(def, args)
	for i := 0; i < tn.Array; i++ {
		t = arrayType(t)
	}
	return t, true
}

// findDef looks a bare name up as written, then with "System." in front,
// then in each namespace of a using statement.
func findDef(name string, arity int, namespaces []string) *TypeDef {
	visible := func(d *TypeDef) *TypeDef {
		if d != nil && d.Hidden {
			return nil
		}
		return d
	}
	if d := visible(lookupDef(name, arity)); d != nil {
		return d
	}
	if d := visible(lookupDef("System."+name, arity)); d != nil {
		return d
	}
	for _, ns := range namespaces {
		if d := visible(lookupDef(strings.TrimSuffix(ns, ".")+"."+name, arity)); d != nil {
			return d
		}
	}
	return nil
}

// TypeByName returns the registered type with this full name (no generic
// arguments), or nil.
func TypeByName(full string) *TypeInfo {
	d := lookupDef(full, genericArity(full))
	if d == nil {
		return nil
	}
	return closeType(d, nil)
}

// closeType returns the TypeInfo of def with the given type arguments,
// shared by every use of the same closed type.
func closeType(def *TypeDef, args []*TypeInfo) *TypeInfo {
	key := fmt.Sprintf("%p", def)
	if len(args) > 0 {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = a.FullName
		}
		key += "[" + strings.Join(parts, "|") + "]"
	}
	registry.RLock()
	t, ok := registry.closed[key]
	registry.RUnlock()
	if ok {
		return t
	}
	t = &TypeInfo{FullName: def.FullName, Args: args, def: def}
	if len(args) > 0 {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = "[" + a.assemblyQualified() + "]"
		}
		t.FullName = def.FullName + "[" + strings.Join(parts, ",") + "]"
	}
	if def.Convert != nil {
		t.Convert = func(rt *Runtime, v any) (any, error) { return def.Convert(rt, t, v) }
	}
	if def.Is != nil {
		t.Test = func(v any) bool { return def.Is(t, v) }
	} else {
		t.Test = func(any) bool { return false }
	}
	registry.Lock()
	registry.closed[key] = t
	registry.Unlock()
	return t
}

// arrayType returns the array type T[] of el.
func arrayType(el *TypeInfo) *TypeInfo {
	t := &TypeInfo{FullName: el.FullName + "[]", Element: el, def: lookupDef("System.Array", 0)}
	t.Convert = func(rt *Runtime, v any) (any, error) {
		items, ok := enumerateForCompare(object.Unwrap(v))
		if s, isStr := object.Unwrap(v).(string); isStr && el.def != nil && el.def.FullName == "System.Char" {
			// [char[]]'abc' is the string's characters
			items, ok = nil, true
			for _, r := range s {
				items = append(items, object.Char(r))
			}
		}
		if !ok {
			if v == nil {
				return nil, nil
			}
			items = []any{v}
		}
		out := newArray(t, len(items))
		for i, it := range items {
			if el.Convert == nil {
				out[i] = it
				continue
			}
			c, err := el.Convert(rt, it)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	t.Test = func(v any) bool {
		a, ok := bareValue(v).([]any)
		if !ok {
			return false
		}
		if el.FullName == "System.Object" {
			return true
		}
		at, _ := object.ArrayType(a).(*TypeInfo)
		return at != nil && at.Element.FullName == el.FullName
	}
	return t
}

// newArray makes an array of n elements of the array type t: a T[] that
// GetType() names and that converts what is assigned to its elements.
// An Object[] needs no record.
func newArray(t *TypeInfo, n int) []any {
	if t.Element == nil || t.Element.FullName == "System.Object" {
		return make([]any, n)
	}
	return object.MakeTypedArray(n, t)
}

// arrayElement is the element type of a typed array; nil for an Object[].
func arrayElement(a []any) *TypeInfo {
	if t, ok := object.ArrayType(a).(*TypeInfo); ok && t.Element != nil && t.Element.FullName != "System.Object" {
		return t.Element
	}
	return nil
}

// ---------------------------------------------------------------------------
// instance and static member lookup

// typedValue is implemented by values that know their own type (generic
// collections and other runtime-defined objects).
type typedValue interface {
	psType() *TypeInfo
}

// TypeOf returns the type of a value, as GetType() reports it.
func (rt *Runtime) TypeOf(v any) *TypeInfo {
	v = bareValue(v)
	switch x := v.(type) {
	case typedValue:
		return x.psType()
	case *xmldom.Node:
		return TypeByName(x.TypeName())
	case *object.List:
		if t, ok := x.Type.(*TypeInfo); ok && t != nil {
			return t
		}
	case *object.Hashtable:
		if t, ok := x.Type.(*TypeInfo); ok && t != nil {
			return t
		}
	case *TypeValue:
		return TypeByName("System.RuntimeType")
	case []any:
		if t, ok := object.ArrayType(x).(*TypeInfo); ok {
			return t
		}
		return objectArrayType()
	case *object.PSObject:
		if len(x.TypeNames) > 0 && x.Base == nil {
			if d := rt.instanceTypeDef(x.TypeNames[0]); d != nil {
				return closeType(d, nil)
			}
		}
		if x.IsCustom() {
			return TypeByName(object.CustomObjectType)
		}
		if len(x.TypeNames) > 0 && strings.HasPrefix(x.TypeNames[0], "Deserialized.") {
			// deserialized objects are property bags
			return TypeByName("System.Management.Automation.PSObject")
		}
	}
	full := object.TypeName(v)
	if d := rt.instanceTypeDef(full); d != nil {
		return closeType(d, nil)
	}
	if t := TypeByName(full); t != nil {
		return t
	}
	return &TypeInfo{FullName: full, Test: func(any) bool { return false }}
}

var objectArray struct {
	once sync.Once
	t    *TypeInfo
}

// objectArrayType is object[], the type of PowerShell's arrays.
func objectArrayType() *TypeInfo {
	objectArray.once.Do(func() { objectArray.t = arrayType(TypeByName("System.Object")) })
	return objectArray.t
}

// bareValue unwraps a PSObject that only decorates a base value.
func bareValue(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		return o.Base
	}
	return v
}

// findMember looks name up on t and its base types; static selects the
// static members.
func findMember(t *TypeInfo, name string, static bool) (*Member, *TypeInfo) {
	key := strings.ToLower(name)
	seen := 0
	for cur := t; cur != nil && seen < 32; seen++ {
		d := cur.def
		if d == nil {
			break
		}
		ms := d.Members
		if static {
			ms = d.Static
		}
		if m, ok := ms[key]; ok {
			return m, cur
		}
		if static && d.Base == "" {
			// static members are inherited from declared bases only
			return nil, nil
		}
		base := d.Base
		if base == "" {
			if d.FullName == "System.Object" {
				return nil, nil
			}
			base = "System.Object"
			if d.ValueType {
				base = "System.ValueType"
			}
		}
		if d.baseDef != nil {
			cur = closeType(d.baseDef, nil)
			continue
		}
		cur = TypeByName(base)
	}
	if !static && (t == nil || t.def == nil) {
		if o := TypeByName("System.Object"); o != nil {
			if m, ok := o.def.Members[key]; ok {
				return m, t
			}
		}
	}
	return nil, nil
}

// instanceMember finds an instance member of v: on the registered types
// of a PSObject's type names first, then on the value's own type.
func (rt *Runtime) instanceMember(v any, name string) (*Member, *TypeInfo) {
	if o, ok := v.(*object.PSObject); ok {
		for _, tn := range o.TypeNames {
			if t := rt.typeByName(tn); t != nil {
				if m, at := findMember(t, name, false); m != nil && at != nil && at.def != nil && at.def.FullName != "System.Object" {
					return m, at
				}
			}
		}
		if o.Base != nil {
			return rt.instanceMember(o.Base, name)
		}
	}
	return findMember(rt.TypeOf(v), name, false)
}

// checkArity enforces a method's argument count.
func checkArity(m *Member, name string, n int) error {
	if n < m.Min || (m.Max >= 0 && n > m.Max) {
		return &methodBindError{msg: fmt.Sprintf("Cannot find an overload for \"%s\" and the argument count: \"%d\".", name, n), id: "MethodCountCouldNotFindBest"}
	}
	return nil
}

// invokeMember calls a method or reads a property member.
func (rt *Runtime) invokeMember(m *Member, t *TypeInfo, self any, name string, args []any) (any, error) {
	c := &Call{RT: rt, Type: t, Self: self, Args: args, Name: name}
	if m.Call == nil {
		return nil, &methodNotFound{typeName: typeNameForError(rt, self, t), name: name}
	}
	if err := checkArity(m, name, len(args)); err != nil {
		return nil, err
	}
	return m.Call(c)
}

func typeNameForError(rt *Runtime, self any, t *TypeInfo) string {
	if self != nil {
		return object.TypeName(self)
	}
	if t != nil {
		return t.FullName
	}
	return "System.Object"
}

// NewInstance constructs a value of the named type with arguments, as
// [T]::new(args) and New-Object do.
func (rt *Runtime) NewInstance(typeName string, args []any) (any, error) {
	t, ok := rt.ResolveType(typeName)
	if !ok {
		return nil, &typeNotFound{name: typeName}
	}
	return rt.construct(t, args)
}

type typeNotFound struct{ name string }

func (e *typeNotFound) Error() string { return fmt.Sprintf("Unable to find type [%s].", e.name) }

func (rt *Runtime) construct(t *TypeInfo, args []any) (any, error) {
	if t.Element != nil {
		if len(args) != 1 {
			return nil, &methodBindError{msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), id: "MethodCountCouldNotFindBest"}
		}
		n, err := argToInt(rt, args[0], "length", "new")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, &methodException{msg: "Arithmetic operation resulted in an overflow."}
		}
		if err := memlimit.CheckProduct(int64(n), slotSize); err != nil {
			return nil, err
		}
		out := newArray(t, n)
		if zero := zeroValue(t.Element); zero != nil {
			for i := range out {
				out[i] = zero
			}
		}
		return out, nil
	}
	if t.def == nil || t.def.New == nil {
		return nil, &methodBindError{msg: fmt.Sprintf("A constructor was not found. Cannot find an appropriate constructor for type %s.", t.String()), id: "CannotFindAppropriateCtor"}
	}
	if t.def.NewArity != nil {
		okCount := false
		for _, n := range t.def.NewArity {
			if n == len(args) {
				okCount = true
			}
		}
		if !okCount {
			return nil, &methodBindError{msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), id: "MethodCountCouldNotFindBest"}
		}
	}
	return t.def.New(&Call{RT: rt, Type: t, Args: args, Name: "new"})
}

// zeroValue is default(T) for the element types arrays are made of.
func zeroValue(t *TypeInfo) any {
	switch t.FullName {
	case "System.Int32", "System.Int16", "System.Byte", "System.SByte":
		return 0
	case "System.Int64", "System.UInt32", "System.UInt64":
		return int64(0)
	case "System.Double":
		return 0.0
	case "System.Boolean":
		return false
	case "System.Char":
		return object.Char(0)
	case "System.Decimal":
		return object.DecimalFromInt(0)
	}
	return nil
}

// methodBindError is a failure to pick or call an overload (wrong argument
// count, an argument that does not convert): a MethodException.
type methodBindError struct {
	msg string
	id  string
}

func (e *methodBindError) Error() string { return e.msg }

// argConvertError builds PowerShell's "Cannot convert argument" error for
// argument param of method, converting value to typeName.
func argConvertError(value any, param, method, typeName string, inner error) error {
	detail := ""
	if inner != nil {
		detail = inner.Error()
	}
	return &methodBindError{
		msg: fmt.Sprintf("Cannot convert argument \"%s\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"", param, object.ToInvariantString(value), method, typeName, detail),
		id:  "MethodArgumentConversionInvalidCastArgument",
	}
}

// convertArg converts argument v of a method to type t.
func convertArg(rt *Runtime, v any, t *TypeInfo, param, method string) (any, error) {
	if t == nil || t.Convert == nil {
		return v, nil
	}
	if t.def != nil && t.def.FullName == "System.Object" {
		return v, nil
	}
	out, err := t.Convert(rt, v)
	if err != nil {
		return nil, argConvertError(v, param, method, t.String(), err)
	}
	return out, nil
}

func argToInt(rt *Runtime, v any, param, method string) (int, error) {
	out, err := convertArg(rt, v, TypeByName("System.Int32"), param, method)
	if err != nil {
		return 0, err
	}
	n, _ := out.(int)
	return n, nil
}

// Int converts argument i to an Int32 (named param in errors).
func (c *Call) Int(i int, param string) (int, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	return argToInt(c.RT, c.Args[i], param, c.Name)
}

// Str converts argument i to a string ($null stays "").
func (c *Call) Str(i int) string {
	if i >= len(c.Args) || c.Args[i] == nil {
		return ""
	}
	return c.RT.toStr(c.Args[i])
}

// Float converts argument i to a Double.
func (c *Call) Float(i int, param string) (float64, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	out, err := convertArg(c.RT, c.Args[i], TypeByName("System.Double"), param, c.Name)
	if err != nil {
		return 0, err
	}
	f, _ := out.(float64)
	return f, nil
}

// Arg returns argument i (nil when absent).
func (c *Call) Arg(i int) any {
	if i >= len(c.Args) {
		return nil
	}
	return c.Args[i]
}

// To converts argument i to the named type.
func (c *Call) To(i int, typeName, param string) (any, error) {
	t := TypeByName(typeName)
	return convertArg(c.RT, c.Arg(i), t, param, c.Name)
}

// Throw is an exception thrown by a .NET method (wrapped by PowerShell
// as "Exception calling ...").
func Throw(format string, a ...any) error {
	return &methodException{msg: fmt.Sprintf(format, a...)}
}

// registeredTypeNames returns every registered full name (sorted), for
// completion and diagnostics.
func registeredTypeNames() []string {
	flushTypes()
	registry.RLock()
	defer registry.RUnlock()
	out := append([]string(nil), registry.allNames...)
	sort.Strings(out)
	return out
}

// notSupportedError is exosim's one-line refusal of a .NET feature it
// does not simulate.
type notSupportedError struct{ msg string }

func (e *notSupportedError) Error() string { return e.msg }

// notSupported names a construct exosim cannot run.
func notSupported(format string, a ...any) error {
	return &notSupportedError{msg: "exosim does not support " + fmt.Sprintf(format, a...) + "."}
}

// NewObjectError turns a NewInstance failure into New-Object's error: the
// record's message, error ID (without the command suffix), category and
// exception type.
func NewObjectError(err error, typeName string, nargs int) *object.ErrorRecord {
	rec := &object.ErrorRecord{Message: err.Error(), ErrorID: "ConstructorInvokedThrowException", Category: object.InvalidOperation, ExceptionType: "MethodInvocationException"}
	switch e := err.(type) {
	case *typeNotFound:
		rec.Message = fmt.Sprintf("Cannot find type [%s]: verify that the assembly containing this type is loaded.", typeName)
		rec.ErrorID, rec.Category, rec.ExceptionType = "TypeNotFound", object.InvalidType, "PSArgumentException"
	case *methodBindError:
		switch e.id {
		case "CannotFindAppropriateCtor":
			rec.ErrorID, rec.Category, rec.ExceptionType = "CannotFindAppropriateCtor", object.ObjectNotFound, "PSArgumentException"
		case "MethodCountCouldNotFindBest":
			short := typeName
			if t, ok := parseTypeName(typeName); ok {
				short = object.ShortName(t.Name)
			}
			rec.Message = fmt.Sprintf("Cannot find an overload for \"%s\" and the argument count: \"%d\".", short, nargs)
			rec.ExceptionType = "MethodException"
		default:
			rec.ExceptionType = "MethodException"
		}
	case *methodException:
		rec.Message = fmt.Sprintf("Exception calling \".ctor\" with \"%d\" argument(s): \"%s\"", nargs, e.msg)
	case *memlimit.OutOfMemoryError:
		rec.Message = fmt.Sprintf("Exception calling \".ctor\" with \"%d\" argument(s): \"%s\"", nargs, e.Error())
	case *notSupportedError:
		rec.ErrorID, rec.Category, rec.ExceptionType = "ExosimNotSupported", object.NotImplemented, "NotSupportedException"
	case *conversionError:
		rec.ExceptionType = "MethodException"
	}
	return rec
}

// SetProperty assigns a property of a value (New-Object -Property).
func (rt *Runtime) SetProperty(target any, name string, value any) error {
	return rt.setMember(target, name, value, syntaxExtentZero)
}
