// Package object is the pipeline value model: PowerShell-like objects
// (ordered property bags with type names) and the scalar types that travel
// through a pipeline, with PowerShell's conversions between them.
//
// Values are plain Go values:
//
//	nil                 $null
//	bool                System.Boolean
//	int                 System.Int32 (always within int32 range)
//	int64               System.Int64
//	int8, uint8         System.SByte, System.Byte
//	int16, uint16       System.Int16, System.UInt16
//	uint32, uint64      System.UInt32, System.UInt64
//	float64             System.Double
//	float32             System.Single
//	Decimal             System.Decimal
//	BigInt              System.Numerics.BigInteger
//	string              System.String
//	Char                System.Char
//	time.Time           System.DateTime (kept in UTC)
//	TimeSpan            System.TimeSpan
//	Guid                System.Guid
//	[]any               System.Object[]
//	*List               System.Collections.ArrayList
//	*Hashtable          System.Collections.Hashtable / OrderedDictionary
//	*PSObject           PSCustomObject and every simulated Exchange object
//	Enum                an enum value
//	SecureString        System.Security.SecureString
//
// Anything else (script blocks, error records, ...) is defined by the
// packages that own it and is rendered through fmt.Stringer.
package object

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"
)

// PropKind tells how a property came to be, as Get-Member reports it.
type PropKind uint8

// Property kinds.
const (
	NoteProperty PropKind = iota
	AdaptedProperty
	ScriptProperty
	AliasProperty
)

func (k PropKind) String() string {
	switch k {
	case AdaptedProperty:
		return "Property"
	case ScriptProperty:
		return "ScriptProperty"
	case AliasProperty:
		return "AliasProperty"
	}
	return "NoteProperty"
}

// Property is one named member of a PSObject.
type Property struct {
	Name  string
	Value any
	// Getter, when set, computes the value on every read (script properties).
	Getter func() any
	// TypeName is the .NET type shown by Get-Member; empty means "derive from the value".
	TypeName string
	// Kind is with the flags after it: a property takes 64 bytes, not 80.
	Kind PropKind
	// Settable marks adapted properties that scripts may assign.
	Settable bool
	// Hidden marks a member declared hidden (a script class's `hidden`
	// property): readable by name, but left out of default formatting and
	// of Get-Member unless -Force.
	Hidden bool
}

// Get returns the current value of the property.
func (p *Property) Get() any {
	if p.Getter != nil {
		return p.Getter()
	}
	return p.Value
}

// PSObject is an ordered bag of properties with PowerShell type names.
// TypeNames[0] is the most derived name; formatting views are looked up in
// that order.
type PSObject struct {
	TypeNames []string
	props     []*Property
	index     map[string]int
	// Base, when not nil, is the wrapped value (a string or number that
	// gained note properties, for example).
	Base any
	// ToStringFunc overrides the default "@{a=1; b=2}" string form.
	ToStringFunc func() string
	// schema and lazy, when schema is not nil, make a lazy object (see
	// NewLazyObject): props is nil (see first) or has one entry per schema
	// property, nil until that property is first read, and index is unused. Any
	// change to the property list materializes the object first.
	schema *Schema
	lazy   func(i int) any
	// first, while props is nil, is the one property of a lazy object
	// read so far (at firstAt): a filter that reads one property of each
	// of many wide objects then allocates no per-object property table.
	first   *Property
	firstAt int
}

// Schema is the ordered property list shared by the lazily built objects
// of one kind (NewLazyObject): names, .NET type names and a
// case-insensitive index. It is immutable once made.
type Schema struct {
	names []string
	types []string
	// typeOf, when types is nil (NewUniqueSchemaOf), gives the type name
	// of position i.
	typeOf func(i int) string
	// slots, when every name is ASCII, is a hash table of the names
	// compared without regard to ASCII case: each slot holds a position
	// plus one (0: empty), found from the name's hash by linear probing.
	// index maps the lower-cased names otherwise.
	slots []uint16
	index map[string]int
	// table, for a schema of distinct names (NewUniqueSchema), makes
	// slots or index once scans counts more than scanLookups lookups, or
	// at the first name a scan does not find
	table *sync.Once
	scans atomic.Int32
}

// scanLookups is how many names a schema of distinct names finds by
// reading its names before it makes its table: making the table reads
// every name several times over (a few dozen scans' worth for a wide
// object), and formatting an object or two looks up a few columns.
const scanLookups = 16

// NewUniqueSchema is NewSchema for names the caller knows to be distinct
// without regard to case: the table that finds a name is made when
// lookups need it (see scanLookups), not with the schema (an object whose
// properties are read by position never needs it). A duplicate name
// panics then.
func NewUniqueSchema(names, typeNames []string) *Schema {
	if len(names) != len(typeNames) {
		panic("object.NewUniqueSchema: names and typeNames differ in length")
	}
	return &Schema{names: names, types: typeNames, table: new(sync.Once)}
}

// NewUniqueSchemaOf is NewUniqueSchema for type names read from typeOf
// (the type name of position i) when a property is made: a wide object's
// type names, which formatting it never reads, are then not copied into a
// list of their own (a 4 KB block for a mailbox's 250 properties, a page
// of memory a command line showing one touches for nothing).
func NewUniqueSchemaOf(names []string, typeOf func(i int) string) *Schema {
	return &Schema{names: names, typeOf: typeOf, table: new(sync.Once)}
}

// typeName is the .NET type name of position i.
func (s *Schema) typeName(i int) string {
	if s.types == nil && s.typeOf != nil {
		return s.typeOf(i)
	}
	return s.types[i]
}

// makeTable makes the name table of a NewUniqueSchema schema.
func (s *Schema) makeTable() {
	// only the table is taken from t: its type names are not read, and a
	// schema of NewUniqueSchemaOf gives its names in their place
	types := s.types
	if types == nil {
		types = s.names
	}
	t := NewSchema(s.names, types)
	if t.Len() != len(s.names) {
		panic("object.NewUniqueSchema: a duplicate name")
	}
	s.slots, s.index = t.slots, t.index
}

// NewSchema returns the schema of the properties names with the .NET type
// names typeNames (same length). A later duplicate name (case-insensitive)
// is ignored, as AddProperty would replace it in place. The schema keeps
// names and typeNames when no name is ignored: the caller must not change
// them afterwards.
func NewSchema(names, typeNames []string) *Schema {
	if len(names) != len(typeNames) {
		panic("object.NewSchema: names and typeNames differ in length")
	}
	ascii := len(names) < 1<<15
	for _, n := range names {
		ascii = ascii && IsASCII(n)
	}
	if !ascii {
		return newMapSchema(names, typeNames)
	}
	size := 8
	for size < 2*len(names) {
		size <<= 1
	}
	s := &Schema{names: names, types: typeNames, slots: make([]uint16, size)}
	copied := false // s.names and s.types are copies (a duplicate left out)
	for i, n := range names {
		slot, found := s.lookup(n)
		if found {
			if !copied {
				s.names = append(make([]string, 0, len(names)-1), names[:i]...)
				s.types = append(make([]string, 0, len(names)-1), typeNames[:i]...)
				copied = true
			}
			continue
		}
		at := i + 1 // the name's position plus one
		if copied {
			s.names = append(s.names, n)
			s.types = append(s.types, typeNames[i])
			at = len(s.names)
		}
		s.slots[slot] = uint16(at)
	}
	return s
}

// lookup finds name in the hash table: the slot holding it (found), or
// the empty slot where it would go.
func (s *Schema) lookup(name string) (slot int, found bool) {
	mask := len(s.slots) - 1
	for slot = int(foldHash(name)) & mask; ; slot = (slot + 1) & mask {
		at := s.slots[slot]
		if at == 0 {
			return slot, false
		}
		if equalFold(s.names[at-1], name) {
			return slot, true
		}
	}
}

// foldHash is the FNV-1a hash of an ASCII string's lower-case form.
func foldHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// newMapSchema is NewSchema for names that are not all ASCII.
func newMapSchema(names, typeNames []string) *Schema {
	s := &Schema{index: make(map[string]int, len(names)),
		names: make([]string, 0, len(names)), types: make([]string, 0, len(names))}
	for i, n := range names {
		key := strings.ToLower(n)
		if _, dup := s.index[key]; dup {
			continue
		}
		s.index[key] = len(s.names)
		s.names = append(s.names, n)
		s.types = append(s.types, typeNames[i])
	}
	return s
}

// Len returns the number of properties.
func (s *Schema) Len() int { return len(s.names) }

// Names returns the property names in order. The slice must not be modified.
func (s *Schema) Names() []string { return s.names }

// Index returns the position of the named property (case-insensitive).
// A lookup allocates nothing for an ASCII name.
func (s *Schema) Index(name string) (int, bool) {
	if s.table != nil {
		if s.scans.Load() < scanLookups && s.scans.Add(1) <= scanLookups {
			if i, ok := s.scan(name); ok {
				return i, true
			}
		}
		s.table.Do(s.makeTable)
	}
	if s.index != nil {
		if len(name) <= 64 && IsASCII(name) {
			var b [64]byte
			i, ok := s.index[string(appendLowerASCII(b[:0], name))]
			return i, ok
		}
		i, ok := s.index[strings.ToLower(name)]
		return i, ok
	}
	if !IsASCII(name) {
		// a non-ASCII letter can lower-case to an ASCII one (the
		// Kelvin sign to k)
		if name = strings.ToLower(name); !IsASCII(name) {
			return 0, false
		}
	}
	slot, found := s.lookup(name)
	if !found {
		return 0, false
	}
	return int(s.slots[slot]) - 1, true
}

// scan finds an ASCII name among the names by reading them: the one
// equal to it without regard to ASCII case, the one the table finds
// too (the names are distinct). A name not found, or not ASCII, is left
// to the table.
func (s *Schema) scan(name string) (int, bool) {
	if !IsASCII(name) {
		return 0, false
	}
	for i, n := range s.names {
		if len(n) == len(name) && equalFold(n, name) {
			return i, true
		}
	}
	return 0, false
}

// IsASCII reports whether every byte of s is ASCII, eight bytes at a
// time (the type and property names it is asked about are dozens of
// bytes long).
func IsASCII(s string) bool {
	p := unsafe.Pointer(unsafe.StringData(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if *(*uint64)(unsafe.Add(p, i))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLowerASCII appends the ASCII text s to b in lower case.
func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// NewLazyObject returns an object whose properties are those of s, in
// order — adapted, settable, with s's type names, exactly as AddTyped
// would add them — but whose values are computed by value(i) only when
// property i is first read. Reading one property of a wide object
// (Where-Object, $_.Name) therefore costs one value, not all of them;
// Properties() computes the rest. value must not depend on state that
// changes after the call (it may run long after). The object shares
// typeNames, which the caller must not change afterwards: with no room to
// grow, a name added to the object's list goes to a copy.
func NewLazyObject(s *Schema, value func(i int) any, typeNames ...string) *PSObject {
	return &PSObject{TypeNames: typeNames[:len(typeNames):len(typeNames)], schema: s, lazy: value}
}

// lazyProp returns property i of a lazy object, computing it on first use.
func (o *PSObject) lazyProp(i int) *Property {
	if o.props == nil {
		if o.first != nil && o.firstAt == i {
			return o.first
		}
		if o.first == nil {
			o.first, o.firstAt = o.newLazyProp(i), i
			return o.first
		}
		o.lazyTable()
	}
	p := o.props[i]
	if p == nil {
		p = o.newLazyProp(i)
		o.props[i] = p
	}
	return p
}

// madeProp returns property i of a lazy object if it has been made (nil
// if not).
func (o *PSObject) madeProp(i int) *Property {
	if o.props != nil {
		return o.props[i]
	}
	if o.first != nil && o.firstAt == i {
		return o.first
	}
	return nil
}

// lazyTable gives a lazy object its table of every property.
func (o *PSObject) lazyTable() {
	if o.props != nil {
		return
	}
	o.props = make([]*Property, o.schema.Len())
	if o.first != nil {
		o.props[o.firstAt], o.first = o.first, nil
	}
}

// newLazyProp computes property i of a lazy object.
func (o *PSObject) newLazyProp(i int) *Property {
	return &Property{Name: o.schema.names[i], Value: o.lazy(i), Kind: AdaptedProperty, TypeName: o.schema.typeName(i), Settable: true}
}

// materialize turns a lazy object into an ordinary one (every value
// computed, own index) before its property list changes.
func (o *PSObject) materialize() {
	if o.schema == nil {
		return
	}
	n := o.schema.Len()
	o.index = make(map[string]int, n)
	o.lazyTable()
	for i := 0; i < n; i++ {
		o.lazyProp(i)
		o.index[strings.ToLower(o.schema.names[i])] = i
	}
	if o.props == nil {
		o.props = []*Property{}
	}
	o.schema, o.lazy = nil, nil
}

// CustomObjectType is the type name of [pscustomobject].
const CustomObjectType = "System.Management.Automation.PSCustomObject"

// NewObject returns an empty object with the given type names
// (most derived first).
func NewObject(typeNames ...string) *PSObject {
	return &PSObject{TypeNames: append([]string(nil), typeNames...)}
}

// NewCustomObject returns an empty PSCustomObject.
func NewCustomObject() *PSObject {
	return NewObject(CustomObjectType, "System.Object")
}

// TypeName returns the most derived type name.
func (o *PSObject) TypeName() string {
	if len(o.TypeNames) == 0 {
		return CustomObjectType
	}
	if len(o.TypeNames) > 1 && ViewOnlyTypeName(o.TypeNames[0]) {
		return o.TypeNames[1]
	}
	return o.TypeNames[0]
}

// ViewOnlyTypeName reports whether a type name is one PowerShell puts
// ahead of an object's own type names for formatting alone, naming no
// type: ModuleInfoGrouping, which Get-Module -ListAvailable puts on the
// modules it lists so that their view groups them by folder.
func ViewOnlyTypeName(name string) bool { return name == "ModuleInfoGrouping" }

// IsCustom reports whether the object is a PSCustomObject (or a
// Select-Object result derived from one).
func (o *PSObject) IsCustom() bool {
	for _, t := range o.TypeNames {
		if t == CustomObjectType {
			return true
		}
	}
	return false
}

// Add appends a note property, replacing the value of an existing property
// with the same (case-insensitive) name.
func (o *PSObject) Add(name string, value any) *PSObject {
	o.AddProperty(&Property{Name: name, Value: value, Kind: NoteProperty})
	return o
}

// AddTyped appends an adapted property with an explicit .NET type name.
func (o *PSObject) AddTyped(name, typeName string, value any) *PSObject {
	o.AddProperty(&Property{Name: name, Value: value, Kind: AdaptedProperty, TypeName: typeName, Settable: true})
	return o
}

// AddProperty appends p, replacing any property of the same name.
func (o *PSObject) AddProperty(p *Property) {
	o.materialize()
	key := strings.ToLower(p.Name)
	if o.index == nil {
		o.index = make(map[string]int, 8)
	}
	if i, ok := o.index[key]; ok {
		o.props[i] = p
		return
	}
	o.index[key] = len(o.props)
	o.props = append(o.props, p)
}

// Remove deletes the named property; it reports whether it existed.
func (o *PSObject) Remove(name string) bool {
	o.materialize()
	key := strings.ToLower(name)
	i, ok := o.index[key]
	if !ok {
		return false
	}
	o.props = append(o.props[:i], o.props[i+1:]...)
	delete(o.index, key)
	for k, j := range o.index {
		if j > i {
			o.index[k] = j - 1
		}
	}
	return true
}

// Property returns the named property (case-insensitive) or nil.
func (o *PSObject) Property(name string) *Property {
	if o == nil {
		return nil
	}
	if o.schema != nil {
		if i, ok := o.schema.Index(name); ok {
			return o.lazyProp(i)
		}
		return nil
	}
	if i, ok := o.index[strings.ToLower(name)]; ok {
		return o.props[i]
	}
	return nil
}

// Get returns the value of the named property and whether it exists.
func (o *PSObject) Get(name string) (any, bool) {
	p := o.Property(name)
	if p == nil {
		return nil, false
	}
	return p.Get(), true
}

// Value returns the value of the named property, nil when missing.
func (o *PSObject) Value(name string) any {
	v, _ := o.Get(name)
	return v
}

// Set assigns an existing property; it reports false when there is no
// such property.
func (o *PSObject) Set(name string, value any) bool {
	p := o.Property(name)
	if p == nil {
		return false
	}
	p.Getter = nil
	p.Value = value
	return true
}

// Properties returns the properties in order. The slice must not be modified.
func (o *PSObject) Properties() []*Property {
	if o == nil {
		return nil
	}
	if o.schema != nil {
		o.lazyTable()
		for i := 0; i < o.schema.Len(); i++ {
			o.lazyProp(i)
		}
	}
	return o.props
}

// PropertyNames returns the property names in order.
func (o *PSObject) PropertyNames() []string {
	if o.schema != nil {
		return append([]string(nil), o.schema.names...)
	}
	names := make([]string, len(o.props))
	for i, p := range o.props {
		names[i] = p.Name
	}
	return names
}

// Len returns the number of properties.
func (o *PSObject) Len() int {
	if o.schema != nil {
		return o.schema.Len()
	}
	return len(o.props)
}

// Copy returns a shallow copy with its own property list.
func (o *PSObject) Copy() *PSObject {
	c := &PSObject{TypeNames: append([]string(nil), o.TypeNames...), Base: o.Base, ToStringFunc: o.ToStringFunc}
	for _, p := range o.Properties() {
		q := *p
		c.AddProperty(&q)
	}
	return c
}

// List is a mutable list: a System.Collections.ArrayList (used for
// -ErrorVariable, -OutVariable and $Error), or, when Type is set, a
// generic System.Collections.Generic.List`1 whose elements the runtime
// converts to the element type.
type List struct {
	Items []any
	// Type is the closed generic list type; nil for an ArrayList.
	Type GenericType
}

// GenericType is a closed generic collection type (the runtime's type
// descriptor) carried by a List or Hashtable.
type GenericType interface {
	// GenericFullName is the .NET full name of the closed type.
	GenericFullName() string
}

// Append adds v at the end.
func (l *List) Append(v any) { l.Items = append(l.Items, v) }

// Hashtable is a case-insensitive dictionary that keeps insertion order.
// PowerShell's @{} order is unspecified; insertion order is one valid
// choice and keeps output deterministic.
type Hashtable struct {
	keys    []any
	values  map[string]any
	index   map[string]int
	Ordered bool // [ordered]@{} — an OrderedDictionary
	// OrderedHashtable marks PowerShell's OrderedHashtable (what
	// ConvertFrom-Json -AsHashtable returns): a Hashtable in every way
	// but its type name, with keys compared case-sensitively and kept in
	// the order they came.
	OrderedHashtable bool
	// CaseSensitive compares string keys ordinally (the default comparer
	// of a generic Dictionary); a Hashtable ignores case.
	CaseSensitive bool
	// Type is the closed generic dictionary type; nil for a Hashtable or
	// OrderedDictionary.
	Type GenericType
	// Compare, when set, keeps the keys in its order instead of the order
	// they were added (a SortedDictionary).
	Compare func(a, b any) int
}

// NewHashtable returns an empty hashtable.
func NewHashtable() *Hashtable {
	return &Hashtable{values: map[string]any{}, index: map[string]int{}}
}

// hashKey is the identity of a key, as .NET's Equals sees it: a string
// by its text (ignoring case unless CaseSensitive); a value of another
// type by its type and value, so the Int32 1, the Int64 1, the Byte 1,
// the Double 1 and the string '1' are five keys; an array, list,
// dictionary or custom object by reference. A key wrapped in a PSObject
// is its base object.
func (h *Hashtable) hashKey(k any) string {
	if o, ok := k.(*PSObject); ok && o.Base != nil {
		k = o.Base
	}
	switch x := k.(type) {
	case string:
		if h.CaseSensitive {
			return "s:" + x
		}
		return "s:" + strings.ToLower(x)
	case float64:
		return "v:System.Double:" + strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return "v:System.Single:" + strconv.FormatFloat(float64(x), 'g', -1, 32)
	case Decimal:
		// 1.0 and 1.00 are the same Decimal value
		return "v:System.Decimal:" + x.Rat().RatString()
	case time.Time:
		return "v:System.DateTime:" + strconv.FormatInt(x.UnixNano(), 10)
	case *PSObject, *List, *Hashtable:
		return fmt.Sprintf("p:%p", x)
	case []any:
		return fmt.Sprintf("a:%p:%d", x, len(x))
	}
	return "v:" + TypeName(k) + ":" + ToInvariantString(k)
}

// Set adds or replaces an entry.
func (h *Hashtable) Set(k, v any) {
	hk := h.hashKey(k)
	if _, ok := h.index[hk]; !ok {
		if h.Compare != nil {
			h.insertSorted(hk, k)
		} else {
			h.index[hk] = len(h.keys)
			h.keys = append(h.keys, k)
		}
	}
	h.values[hk] = v
}

// insertSorted places a new key at its place in Compare's order.
func (h *Hashtable) insertSorted(hk string, k any) {
	i := sort.Search(len(h.keys), func(i int) bool { return h.Compare(h.keys[i], k) > 0 })
	h.keys = append(h.keys, nil)
	copy(h.keys[i+1:], h.keys[i:])
	h.keys[i] = k
	for j := i; j < len(h.keys); j++ {
		h.index[h.hashKey(h.keys[j])] = j
	}
	h.index[hk] = i
}

// Add adds an entry; it reports false when the key already exists.
func (h *Hashtable) Add(k, v any) bool {
	if h.Has(k) {
		return false
	}
	h.Set(k, v)
	return true
}

// Get returns the value for k.
func (h *Hashtable) Get(k any) (any, bool) {
	v, ok := h.values[h.hashKey(k)]
	return v, ok
}

// Has reports whether k is a key.
func (h *Hashtable) Has(k any) bool {
	_, ok := h.values[h.hashKey(k)]
	return ok
}

// Delete removes k.
func (h *Hashtable) Delete(k any) {
	hk := h.hashKey(k)
	i, ok := h.index[hk]
	if !ok {
		return
	}
	h.keys = append(h.keys[:i], h.keys[i+1:]...)
	delete(h.index, hk)
	delete(h.values, hk)
	for key, j := range h.index {
		if j > i {
			h.index[key] = j - 1
		}
	}
}

// Keys returns the keys in order.
func (h *Hashtable) Keys() []any { return append([]any(nil), h.keys...) }

// Len returns the number of entries.
func (h *Hashtable) Len() int { return len(h.keys) }

// Copy returns a shallow copy.
func (h *Hashtable) Copy() *Hashtable {
	c := NewHashtable()
	c.Ordered, c.CaseSensitive, c.Type, c.Compare = h.Ordered, h.CaseSensitive, h.Type, h.Compare
	c.OrderedHashtable = h.OrderedHashtable
	for _, k := range h.keys {
		v, _ := h.Get(k)
		c.Set(k, v)
	}
	return c
}

// DictionaryEntry is one key/value pair of an enumerated hashtable.
type DictionaryEntry struct {
	Key   any
	Value any
}

// KeyValuePair is one entry of an enumerated generic dictionary
// (System.Collections.Generic.KeyValuePair`2); Type is its full name.
type KeyValuePair struct {
	Key   any
	Value any
	Type  string
}

// Items returns what enumerating the dictionary yields: DictionaryEntry
// values, or KeyValuePair values for a generic dictionary.
func (h *Hashtable) Items() []any {
	es := h.Entries()
	out := make([]any, len(es))
	for i, e := range es {
		if h.Type != nil {
			out[i] = KeyValuePair{Key: e.Key, Value: e.Value, Type: pairTypeName(h.Type.GenericFullName())}
		} else {
			out[i] = e
		}
	}
	return out
}

// pairTypeName derives KeyValuePair`2[K,V]'s full name from a generic
// dictionary's.
func pairTypeName(dict string) string {
	if i := strings.Index(dict, "`2["); i >= 0 {
		return "System.Collections.Generic.KeyValuePair" + dict[i:]
	}
	return "System.Collections.Generic.KeyValuePair`2"
}

// Entries returns the entries in order.
func (h *Hashtable) Entries() []DictionaryEntry {
	out := make([]DictionaryEntry, len(h.keys))
	for i, k := range h.keys {
		v, _ := h.Get(k)
		out[i] = DictionaryEntry{Key: k, Value: v}
	}
	return out
}

// Enum is a value of a .NET enum type.
type Enum struct {
	Type  string // full type name, e.g. System.DayOfWeek
	Name  string
	Value int
}

func (e Enum) String() string { return e.Name }

// SecureString holds a secret; it never prints its content.
type SecureString struct{ plain string }

// NewSecureString wraps s.
func NewSecureString(s string) SecureString { return SecureString{plain: s} }

// Plain returns the secret; only the simulator's own checks use it.
func (s SecureString) Plain() string { return s.plain }

// Len is the number of characters, as SecureString.Length reports it.
func (s SecureString) Len() int { return len([]rune(s.plain)) }

func (s SecureString) String() string { return "System.Security.SecureString" }

// Char is a System.Char.
type Char rune
