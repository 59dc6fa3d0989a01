package dotnet

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/exosim/exosim/shell/object"
)

// registry holds the TypeDefs by lower-case full name and alias. Its
// maps are made by the first registration (and closed type).
var registry struct {
	sync.RWMutex
	defs     map[string]*TypeDef
	closed   map[string]*TypeInfo // closed generic and plain types by canonical key
	allNames []string
}

// Registration is deferred: a process that never names a type (most
// one-shot commands) never indexes the table. RegisterType and
// RegisterLater queue their work in order; the first lookup runs the
// queue.
var pendingTypes struct {
	sync.Mutex
	fns []func()
	// queued are the Laters queued so far: each is queued once.
	queued []*Later
	// waiting is set while fns is not empty (the lookups' fast path).
	waiting atomic.Bool
	// running is set while the queue runs: a RegisterType then
	// registers at once, in the order the queue gives.
	running bool
}

// RegisterLater queues a function that declares types with RegisterType;
// it runs the first time a type is looked up.
func RegisterLater(declare func()) {
	pendingTypes.Lock()
	defer pendingTypes.Unlock()
	pendingTypes.fns = append(pendingTypes.fns, declare)
	pendingTypes.waiting.Store(true)
}

// Later is a package's declaration of its types (Declare, which calls
// RegisterType), queued by Queue to run the first time a type is looked
// up. It is static data, not work done as the program starts: the
// session that needs the types queues it, and only the first Queue of a
// process queues it. Queue never writes to it (this package notes what
// it queued): a write would copy the program's page that holds it.
type Later struct {
	Declare func()
}

// Queue queues l.Declare (RegisterLater) unless it has been already.
func (l *Later) Queue() {
	pendingTypes.Lock()
	defer pendingTypes.Unlock()
	for _, q := range pendingTypes.queued {
		if q == l {
			return
		}
	}
	pendingTypes.queued = append(pendingTypes.queued, l)
	pendingTypes.fns = append(pendingTypes.fns, l.Declare)
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
		RegisterLater(func() { registerTypes(defs) })
		return
	}
	registerTypes(defs)
}

func registerTypes(defs []*TypeDef) {
	registry.Lock()
	defer registry.Unlock()
	if registry.defs == nil {
		registry.defs = map[string]*TypeDef{}
	}
	for _, d := range defs {
		d.Static = LowerKeys(d.Static)
		d.Members = LowerKeys(d.Members)
		registry.defs[strings.ToLower(d.FullName)] = d
		for _, a := range d.Aliases {
			registry.defs[strings.ToLower(a)] = d
		}
		registry.allNames = append(registry.allNames, d.FullName)
	}
	registry.closed = map[string]*TypeInfo{}
}

// LowerKeys returns the members keyed by lower-case name, the form
// member lookups use.
func LowerKeys(m Members) Members {
	if m == nil {
		return nil
	}
	out := make(Members, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// LookupDef finds a definition by full name or alias (case-insensitive);
// arity is the number of generic arguments written (0 for none).
func LookupDef(name string, arity int) *TypeDef {
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

// FindDef looks a bare name up as written, then with "System." in front,
// then in each namespace of a using statement. Hidden types are not
// found.
func FindDef(name string, arity int, namespaces []string) *TypeDef {
	visible := func(d *TypeDef) *TypeDef {
		if d != nil && d.Hidden {
			return nil
		}
		return d
	}
	if d := visible(LookupDef(name, arity)); d != nil {
		return d
	}
	if d := visible(LookupDef("System."+name, arity)); d != nil {
		return d
	}
	for _, ns := range namespaces {
		if d := visible(LookupDef(strings.TrimSuffix(ns, ".")+"."+name, arity)); d != nil {
			return d
		}
	}
	return nil
}

// TypeByName returns the registered type with this full name (no generic
// arguments), or nil.
func TypeByName(full string) *TypeInfo {
	d := LookupDef(full, genericArity(full))
	if d == nil {
		return nil
	}
	return CloseType(d, nil)
}

// CloseType returns the TypeInfo of def with the given type arguments,
// shared by every use of the same closed type.
func CloseType(def *TypeDef, args []*TypeInfo) *TypeInfo {
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
		t.Convert = func(h Host, v any) (any, error) { return def.Convert(h, t, v) }
		if nullToNull(def) {
			t.Convert = func(h Host, v any) (any, error) {
				if object.Unwrap(v) == nil {
					return nil, nil
				}
				return def.Convert(h, t, v)
			}
		}
	}
	if def.Is != nil {
		t.Test = func(v any) bool { return def.Is(t, v) }
	} else {
		t.Test = func(v any) bool { return derivesFrom(v, def) }
	}
	registry.Lock()
	if registry.closed == nil {
		registry.closed = map[string]*TypeInfo{}
	}
	registry.closed[key] = t
	registry.Unlock()
	return t
}

// nullToNull tells whether $null converts to the type as $null: to every
// reference type but String (which gives "") and PSReference ([ref]$null
// refers to $null); a value type has its own rule (0, $false, '\0', or
// the error "Cannot convert null to type").
func nullToNull(def *TypeDef) bool {
	if def.ValueType {
		return false
	}
	switch def.FullName {
	case "System.String", "System.Management.Automation.PSReference":
		return false
	}
	return true
}

// derivesFrom reports whether v is a value of a type that says its own
// .NET type (Typed) and that type is def or inherits from it, so a type
// declared without its own -is rule still answers -is for its instances
// and theirs of derived types (a regex Match is a Group and a Capture).
func derivesFrom(v any, def *TypeDef) bool {
	tv, ok := object.Unwrap(v).(Typed)
	if !ok {
		return false
	}
	t := tv.PSType()
	if t == nil {
		return false
	}
	d := t.def
	for depth := 0; d != nil && depth < 64; depth++ {
		if d == def {
			return true
		}
		switch {
		case d.BaseDef != nil:
			d = d.BaseDef
		case d.Base != "":
			d = LookupDef(d.Base, genericArity(d.Base))
		default:
			d = nil
		}
	}
	return false
}

// ArrayType returns the array type T[] of el.
func ArrayType(el *TypeInfo) *TypeInfo {
	t := &TypeInfo{FullName: el.FullName + "[]", Element: el, def: LookupDef("System.Array", 0)}
	t.Convert = func(h Host, v any) (any, error) {
		var items []any
		ok := false
		switch x := object.Unwrap(v).(type) {
		case *object.Hashtable:
			// a hashtable is one element, not its entries
		case string:
			if el.def != nil && el.def.FullName == "System.Char" {
				// [char[]]'abc' is the string's characters
				items, ok = []any{}, true
				for _, r := range x {
					items = append(items, object.Char(r))
				}
			}
		default:
			items, ok = object.Enumerate(x)
		}
		if !ok {
			if v == nil {
				return nil, nil
			}
			items = []any{v}
		}
		out := NewArray(t, len(items))
		for i, it := range items {
			if el.Convert == nil {
				out[i] = it
				continue
			}
			c, err := el.Convert(h, it)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	t.Test = func(v any) bool {
		a, ok := object.Unwrap(v).([]any)
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

// NewArray makes an array of n elements of the array type t: a T[] that
// GetType() names and that converts what is assigned to its elements.
// An Object[] needs no record.
func NewArray(t *TypeInfo, n int) []any {
	if t.Element == nil || t.Element.FullName == "System.Object" {
		return make([]any, n)
	}
	return object.MakeTypedArray(n, t)
}

// ArrayElement is the element type of a typed array; nil for an Object[].
func ArrayElement(a []any) *TypeInfo {
	if t, ok := object.ArrayType(a).(*TypeInfo); ok && t.Element != nil && t.Element.FullName != "System.Object" {
		return t.Element
	}
	return nil
}

var objectArray struct {
	once sync.Once
	t    *TypeInfo
}

// ObjectArrayType is object[], the type of PowerShell's arrays.
func ObjectArrayType() *TypeInfo {
	objectArray.once.Do(func() { objectArray.t = ArrayType(TypeByName("System.Object")) })
	return objectArray.t
}

// FindMember looks name up on t and its base types; static selects the
// static members. It returns the member and the type it was found on.
func FindMember(t *TypeInfo, name string, static bool) (*Member, *TypeInfo) {
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
		if d.BaseDef != nil {
			cur = CloseType(d.BaseDef, nil)
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

// CheckArity enforces a method's argument count.
func CheckArity(m *Member, name string, n int) error {
	if n < m.Min || (m.Max >= 0 && n > m.Max) {
		return OverloadCountError(name, n)
	}
	return nil
}

// ZeroValue is default(T) for the element types arrays are made of.
func ZeroValue(t *TypeInfo) any {
	switch t.FullName {
	case "System.Int32":
		return 0
	case "System.Int64":
		return int64(0)
	case "System.SByte":
		return int8(0)
	case "System.Byte":
		return uint8(0)
	case "System.Int16":
		return int16(0)
	case "System.UInt16":
		return uint16(0)
	case "System.UInt32":
		return uint32(0)
	case "System.UInt64":
		return uint64(0)
	case "System.Single":
		return float32(0)
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

// RegisteredTypeNames returns every registered full name (sorted), for
// completion and diagnostics.
func RegisteredTypeNames() []string {
	flushTypes()
	registry.RLock()
	defer registry.RUnlock()
	out := append([]string(nil), registry.allNames...)
	sort.Strings(out)
	return out
}
