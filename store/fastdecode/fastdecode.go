// Package fastdecode is the fast path of the tenant store's record codec
// for the records read by the hundred thousand (mailboxes in a listing,
// mailbox content in a clock advance). It reads exactly the CBOR that the
// store's encoder writes for them, straight into the fields, with a
// decoder made from the struct tags (New; the store's kinds use New's
// decoder written out as a Go literal, see fastgen, so that no program
// builds one when it starts), and shares one copy of the record among all
// its strings. Anything else it meets (a key it does not
// know, an unexpected type) makes it give up, and the store falls back to
// its general decoder, so the two always agree (the store's fast decode
// tests compare them).
package fastdecode

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// Decode decodes the record raw into the struct at p, which must be of
// the decoder's type and zero. It reports false when raw is not in the
// form it reads.
func (d *Decoder) Decode(raw []byte, p unsafe.Pointer) bool {
	r := cborReader{b: raw}
	return d.decode(&r, p) && r.i == len(r.b)
}

// DecodeEach is Decode for a reader of a few fields of a wide record:
// each text it reads is copied on its own, not the record whole (a few
// short strings rather than one copy of every byte of the record).
func (d *Decoder) DecodeEach(raw []byte, p unsafe.Pointer) bool {
	r := cborReader{b: raw, each: true}
	return d.decode(&r, p) && r.i == len(r.b)
}

// DecodeString is Decode of a record held in a string: the record's
// strings are parts of it, not of a copy.
func (d *Decoder) DecodeString(raw string, p unsafe.Pointer) bool {
	if raw == "" {
		return d.Decode(nil, p)
	}
	r := cborReader{b: unsafe.Slice(unsafe.StringData(raw), len(raw)), s: raw}
	return d.decode(&r, p) && r.i == len(r.b)
}

// DecodeKeys is DecodeString reading only the values of the numbered keys
// in keys into the struct at p, whose other fields it leaves as they are:
// a reader of a few fields of a wide record decodes those, and more of
// them later by calling it again with other keys. It reports false when
// raw is not in the form it reads, or holds a named key.
func (d *Decoder) DecodeKeys(raw string, p unsafe.Pointer, keys *Keys) bool {
	if raw == "" {
		return false
	}
	r := cborReader{b: unsafe.Slice(unsafe.StringData(raw), len(raw)), s: raw}
	return d.decodeSome(&r, p, keys) && r.i == len(r.b)
}

// Index notes in at where the value of each numbered key of the record
// raw starts, plus one (0: the record has no such key), reading past the
// values without decoding them: DecodeIndexed then decodes the fields of a
// few keys without reading the record again. It reports false when raw is
// not a map of numbered keys below len(at), or is too long for its
// offsets.
func (d *Decoder) Index(raw string, at []uint16) bool {
	clear(at)
	if len(raw) >= 1<<16-1 || d.unusable {
		return false
	}
	r := cborReader{b: unsafe.Slice(unsafe.StringData(raw), len(raw)), s: raw}
	major, n, ok := r.head()
	if !ok || major != 5 || n > uint64(len(r.b)-r.i) {
		return false
	}
	for ; n > 0; n-- {
		if r.i >= len(r.b) || r.b[r.i]>>5 != 0 {
			return false
		}
		_, key, ok := r.head()
		if !ok || key >= uint64(len(at)) {
			return false
		}
		at[key] = uint16(r.i + 1)
		if !r.skipFlat() && !r.skip(0) {
			return false
		}
	}
	return r.i == len(r.b)
}

// DecodeIndexed decodes into the struct at p the values of the keys in
// keys that the record raw has, where Index noted them in at, leaving the
// struct's other fields as they are. It reports false when a value is not
// in the form it reads.
func (d *Decoder) DecodeIndexed(raw string, p unsafe.Pointer, at []uint16, keys *Keys) bool {
	r := cborReader{b: unsafe.Slice(unsafe.StringData(raw), len(raw)), s: raw}
	for w, word := range keys {
		for word != 0 {
			k := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			if k >= len(at) || at[k] == 0 {
				continue
			}
			if k >= len(d.ByInt) || d.ByInt[k].Op == None {
				return false
			}
			f := &d.ByInt[k]
			r.i = int(at[k]) - 1
			if !f.decode(&r, unsafe.Add(p, f.Off)) {
				return false
			}
		}
	}
	return true
}

// Keys is a set of record keys below 128 (cbor "keyasint" numbers).
type Keys [2]uint64

// Has reports whether k is in the set.
func (ks *Keys) Has(k uint64) bool { return k < 128 && ks[k>>6]&(1<<(k&63)) != 0 }

// Add adds k (below 128) to the set.
func (ks *Keys) Add(k uint64) {
	if k < 128 {
		ks[k>>6] |= 1 << (k & 63)
	}
}

// Decoder decodes a CBOR map into a struct: numbered keys (cbor
// "keyasint" tags) or text keys (the json name, as the codec writes them).
// It is plain data, so a decoder written out as a Go literal (see
// fastgen) is laid out by the compiler and costs nothing to make.
type Decoder struct {
	// ByInt holds the field of each key number (Op None: no field).
	ByInt []Field
	// ByName holds the fields of text keys, sorted by name.
	ByName []NamedField
	// Partial: a key the struct has no field for is skipped, not a
	// reason to give up (NewPartial, or a literal decoder of a struct
	// holding some of a record type's fields).
	Partial bool
	// unusable: the struct has a field no decoder reads (NewPartial), so
	// every record goes to the general decoder.
	unusable bool
}

// NamedField is the field of one text key.
type NamedField struct {
	Name string
	Field
}

// Field decodes one field: how its value is read and its offset in the
// struct.
type Field struct {
	Op  Op
	Off uintptr
	// Elem decodes the struct of a Struct field, or each element of a
	// Slice field.
	Elem *Decoder
	// Size is a Slice field's element size, and Make sets the slice at p
	// to a new one of n zero elements and returns its first element.
	Size uintptr
	Make func(p unsafe.Pointer, n int) unsafe.Pointer
}

// Op is how a field's value is read.
type Op uint8

// The ops: one for each field type the fast path reads.
const (
	None      Op = iota // a field the fast path does not read
	String              // a string kind
	Bool                // a bool kind
	Int64               // an int64 kind
	Int                 // an int kind (refused beyond int's range)
	Time                // time.Time (RFC 3339 text, or null)
	TimePtr             // *time.Time
	Strings             // []string
	StringMap           // map[string]string
	Extra               // map[string]json.RawMessage
	Struct              // a struct of readable fields
	Slice               // a slice of such structs
)

// MakeSlice is Field.Make for a slice of E.
func MakeSlice[E any](p unsafe.Pointer, n int) unsafe.Pointer {
	s := make([]E, n)
	*(*[]E)(p) = s
	return unsafe.Pointer(unsafe.SliceData(s))
}

// FieldSpec is one field of a struct as New reads it: its Go name, its
// key (a number, or a name when Key is negative) and its Field, with
// ElemType the struct type Field.Elem decodes.
type FieldSpec struct {
	GoName   string
	Key      int
	Name     string
	Field    Field
	ElemType reflect.Type
}

// Describe lists the fields of struct type t the fast path reads, in the
// order of t's fields. A field of a type it cannot decode is left out, so
// records holding it take the general path.
func Describe(t reflect.Type) []FieldSpec {
	var out []FieldSpec
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		op, et := opFor(f.Type)
		if op == None {
			continue
		}
		fs := FieldSpec{GoName: f.Name, Key: -1, Field: Field{Op: op, Off: f.Offset}, ElemType: et}
		if op == Slice {
			fs.Field.Size = et.Size()
		}
		if tag, ok := tagLookup(f.Tag, "cbor"); ok && strings.Contains(tag, "keyasint") {
			key, _, _ := strings.Cut(tag, ",")
			n, err := strconv.Atoi(key)
			if err != nil || n < 0 {
				continue
			}
			fs.Key = n
			out = append(out, fs)
			continue
		}
		fs.Name = f.Name
		if j, ok := tagLookup(f.Tag, "json"); ok {
			if j, _, _ = strings.Cut(j, ","); j == "-" {
				continue
			} else if j != "" {
				fs.Name = j
			}
		}
		out = append(out, fs)
	}
	return out
}

// New builds the decoder of struct type t from its struct tags by
// reflection. The kinds of the store use decoders written out as Go
// literals instead (fastgen), which tests check against New.
func New(t reflect.Type) *Decoder {
	sd := &Decoder{}
	for _, fs := range Describe(t) {
		f := fs.Field
		switch f.Op {
		case Struct:
			f.Elem = New(fs.ElemType)
		case Slice:
			f.Elem = New(fs.ElemType)
			st := reflect.SliceOf(fs.ElemType)
			f.Make = func(p unsafe.Pointer, n int) unsafe.Pointer {
				s := reflect.MakeSlice(st, n, n)
				reflect.NewAt(st, p).Elem().Set(s)
				return s.UnsafePointer()
			}
		}
		if fs.Key >= 0 {
			if len(sd.ByInt) <= fs.Key {
				sd.ByInt = append(sd.ByInt, make([]Field, fs.Key+1-len(sd.ByInt))...)
			}
			sd.ByInt[fs.Key] = f
			continue
		}
		i, found := slices.BinarySearchFunc(sd.ByName, fs.Name, func(e NamedField, name string) int { return strings.Compare(e.Name, name) })
		if found {
			sd.ByName[i].Field = f // the last field of a name wins
			continue
		}
		sd.ByName = slices.Insert(sd.ByName, i, NamedField{Name: fs.Name, Field: f})
	}
	return sd
}

// NewPartial builds the decoder of struct type t that holds some of the
// fields of a record type, tagged as they are there: it decodes those and
// skips every other value of the record. A struct with a field of a type
// no decoder reads gets a decoder that always gives up.
func NewPartial(t reflect.Type) *Decoder {
	sd := New(t)
	sd.Partial = true
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() {
			if op, _ := opFor(f.Type); op == None {
				sd.unusable = true
			}
		}
	}
	return sd
}

// tagLookup is tag.Lookup(key), reading a tag of plain quoted values
// (ASCII, no escapes) itself: the general lookup unquotes the value, which
// is most of the cost of building a decoder. Anything else is left to
// tag.Lookup.
func tagLookup(tag reflect.StructTag, key string) (string, bool) {
	s := string(tag)
	for {
		for len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		if s == "" {
			return "", false
		}
		i := strings.IndexByte(s, ':')
		if i <= 0 || i+1 >= len(s) || s[i+1] != '"' || !isTagName(s[:i]) {
			return tag.Lookup(key)
		}
		name := s[:i]
		s = s[i+2:]
		end := strings.IndexByte(s, '"')
		if end < 0 || strings.IndexByte(s[:end], '\\') >= 0 {
			return tag.Lookup(key) // an escape, or no closing quote
		}
		if name == key {
			if v := s[:end]; isPlainASCII(v) {
				return v, true
			}
			return tag.Lookup(key) // a newline or non-ASCII text in the value
		}
		s = s[end+1:]
	}
}

// isTagName reports whether s is a struct tag key: no space, control
// character, quote or colon.
func isTagName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == ':' || c == '"' || c == 0x7f {
			return false
		}
	}
	return true
}

// isPlainASCII reports whether s is ASCII without a newline.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\n' {
			return false
		}
	}
	return true
}

// named returns the field of text key k, nil when there is none. A
// decoder of a few names (a part of a record) looks through them,
// comparing lengths first; one of more searches them.
func (sd *Decoder) named(k string) *Field {
	if len(sd.ByName) <= 8 {
		for i := range sd.ByName {
			if f := &sd.ByName[i]; len(f.Name) == len(k) && f.Name == k {
				return &f.Field
			}
		}
		return nil
	}
	lo, hi := 0, len(sd.ByName)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := strings.Compare(sd.ByName[m].Name, k); {
		case c == 0:
			return &sd.ByName[m].Field
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil
}

// decode reads a map into the (zero) struct at base.
func (sd *Decoder) decode(r *cborReader, base unsafe.Pointer) bool {
	return sd.decodeSome(r, base, nil)
}

// decodeSome is decode reading only the numbered keys in keys (all keys
// when keys is nil): the value of any other key is skipped and its field
// left as it is.
func (sd *Decoder) decodeSome(r *cborReader, base unsafe.Pointer, keys *Keys) bool {
	if sd.unusable {
		return false
	}
	major, n, ok := r.head()
	if !ok || major != 5 || n > uint64(len(r.b)-r.i) {
		return false
	}
	for ; n > 0; n-- {
		if r.i >= len(r.b) {
			return false
		}
		var f *Field
		switch r.b[r.i] >> 5 {
		case 0:
			_, key, ok := r.head()
			if !ok {
				return false
			}
			if keys != nil && !keys.Has(key) {
				if !r.skipFlat() && !r.skip(0) {
					return false
				}
				continue
			}
			if key < uint64(len(sd.ByInt)) {
				f = &sd.ByInt[key]
			}
		case 3:
			if keys != nil {
				return false // a named key: no part of a record of numbered keys
			}
			k, ok := r.key()
			if !ok {
				return false
			}
			f = sd.named(k)
		default:
			return false
		}
		if (f == nil || f.Op == None) && sd.Partial {
			if !r.skipFlat() && !r.skip(0) {
				return false
			}
			continue
		}
		if f == nil || !f.decode(r, unsafe.Add(base, f.Off)) {
			return false
		}
	}
	return true
}

// decode reads the field's value into the field at p.
func (f *Field) decode(r *cborReader, p unsafe.Pointer) bool {
	switch f.Op {
	case String:
		v, ok := r.text()
		*(*string)(p) = v
		return ok
	case Bool:
		v, ok := r.boolean()
		*(*bool)(p) = v
		return ok
	case Int64:
		v, ok := r.integer()
		*(*int64)(p) = v
		return ok
	case Int:
		v, ok := r.integer()
		if int64(int(v)) != v {
			return false // the general decoder's overflow error
		}
		*(*int)(p) = int(v)
		return ok
	case Time:
		if r.null() {
			*(*time.Time)(p) = time.Time{}
			return true
		}
		v, ok := r.time()
		*(*time.Time)(p) = v
		return ok
	case TimePtr:
		if r.null() {
			*(**time.Time)(p) = nil
			return true
		}
		v, ok := r.time()
		*(**time.Time)(p) = &v
		return ok
	case Strings:
		v, ok := r.strings()
		*(*[]string)(p) = v
		return ok
	case StringMap:
		v, ok := r.stringMap()
		*(*map[string]string)(p) = v
		return ok
	case Extra:
		v, ok := r.extraMap()
		*(*map[string]json.RawMessage)(p) = v
		return ok
	case Struct:
		return f.Elem.decode(r, p)
	case Slice:
		if r.null() {
			*(*[]byte)(p) = nil // any slice's header: no elements
			return true
		}
		major, n, ok := r.head()
		if !ok || major != 4 || n > uint64(len(r.b)-r.i) {
			return false
		}
		data := f.Make(p, int(n))
		for i := 0; i < int(n); i++ {
			if !f.Elem.decode(r, unsafe.Add(data, uintptr(i)*f.Size)) {
				return false
			}
		}
		return true
	}
	return false
}

// opFor returns the op of a field type, None when the fast path does not
// handle it, and the struct type of a Struct or Slice op.
func opFor(t reflect.Type) (Op, reflect.Type) {
	switch t {
	case reflect.TypeFor[time.Time]():
		return Time, nil
	case reflect.TypeFor[*time.Time]():
		return TimePtr, nil
	case reflect.TypeFor[[]string]():
		return Strings, nil
	case reflect.TypeFor[map[string]string]():
		return StringMap, nil
	case reflect.TypeFor[map[string]json.RawMessage]():
		return Extra, nil
	}
	switch t.Kind() {
	case reflect.String:
		return String, nil
	case reflect.Bool:
		return Bool, nil
	case reflect.Int64:
		return Int64, nil
	case reflect.Int:
		return Int, nil
	case reflect.Struct:
		if hasUnsupportedField(t) {
			return None, nil
		}
		return Struct, t
	case reflect.Slice:
		et := t.Elem()
		if et.Kind() != reflect.Struct || hasUnsupportedField(et) {
			return None, nil
		}
		return Slice, et
	}
	return None, nil
}

// hasUnsupportedField reports whether struct type t has an exported field
// the fast path cannot decode (its records then take the general path
// whenever they hold it, which decode notices as an unknown key).
func hasUnsupportedField(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() {
			if op, _ := opFor(f.Type); op == None {
				return true
			}
		}
	}
	return false
}

// cborReader reads the definite-length CBOR items the store's encoder
// writes.
type cborReader struct {
	b []byte
	i int
	// s is b as one string, made on the first text item: every string of
	// the record is a slice of it.
	s string
	// each makes every text a copy of its own bytes instead (DecodeEach)
	each bool
}

// head reads an item head: major type and argument. Indefinite lengths
// and reserved forms are refused.
func (r *cborReader) head() (major byte, arg uint64, ok bool) {
	if r.i >= len(r.b) {
		return 0, 0, false
	}
	c := r.b[r.i]
	r.i++
	major, ai := c>>5, c&0x1f
	var size int
	switch {
	case ai < 24:
		return major, uint64(ai), true
	case ai == 24:
		size = 1
	case ai == 25:
		size = 2
	case ai == 26:
		size = 4
	case ai == 27:
		size = 8
	default:
		return 0, 0, false
	}
	if r.i+size > len(r.b) {
		return 0, 0, false
	}
	v := r.b[r.i : r.i+size]
	r.i += size
	switch size {
	case 1:
		arg = uint64(v[0])
	case 2:
		arg = uint64(binary.BigEndian.Uint16(v))
	case 4:
		arg = uint64(binary.BigEndian.Uint32(v))
	default:
		arg = binary.BigEndian.Uint64(v)
	}
	return major, arg, true
}

// maxSkipDepth bounds the nesting skip follows.
const maxSkipDepth = 16

// skip reads past one item of any type (at nesting depth depth).
func (r *cborReader) skip(depth int) bool {
	if depth > maxSkipDepth {
		return false
	}
	major, arg, ok := r.head()
	if !ok {
		return false
	}
	switch major {
	case 2, 3: // byte and text strings
		if arg > uint64(len(r.b)-r.i) {
			return false
		}
		r.i += int(arg)
	case 4: // arrays
		for ; arg > 0; arg-- {
			if !r.skipScalar() && !r.skip(depth+1) {
				return false
			}
		}
	case 5: // maps
		for ; arg > 0; arg-- {
			if !r.skipScalar() && !r.skip(depth+1) || !r.skipScalar() && !r.skip(depth+1) {
				return false
			}
		}
	case 6: // a tag and its item
		return r.skip(depth + 1)
	}
	// integers, and simple values and floats, whose bytes head read
	return true
}

// skipScalar reads past a text, byte string, number or simple value
// whose head is one byte (short texts, small numbers, true, false, null),
// which most items are, without a call; it reports false, having read
// nothing, for any other item (skip reads it).
func (r *cborReader) skipScalar() bool {
	i := r.i
	if i >= len(r.b) {
		return false
	}
	c := r.b[i]
	n := int(c & 0x1f)
	if n >= 24 {
		return false
	}
	switch c >> 5 {
	case 2, 3:
		if n >= len(r.b)-i {
			return false
		}
		r.i = i + 1 + n
		return true
	case 0, 1, 7:
		r.i = i + 1
		return true
	}
	return false
}

// skipFlat reads past the values most fields hold, in one loop without
// calls: a text, byte string, number or simple value, or an array of
// texts, whose heads are at most two bytes. It reports false, having read
// nothing, for any other value (skip reads it).
func (r *cborReader) skipFlat() bool {
	b, i := r.b, r.i
	if i >= len(b) {
		return false
	}
	c := b[i]
	n := int(c & 0x1f)
	if n == 24 {
		if i+1 >= len(b) {
			return false
		}
		i++
		n = int(b[i])
	} else if n > 24 {
		return false
	}
	i++
	switch c >> 5 {
	case 0, 1, 7:
	case 2, 3:
		if n > len(b)-i {
			return false
		}
		i += n
	case 4:
		for ; n > 0; n-- {
			if i >= len(b) || b[i]>>5 != 3 {
				return false
			}
			m := int(b[i] & 0x1f)
			if m == 24 {
				if i+1 >= len(b) {
					return false
				}
				i++
				m = int(b[i])
			} else if m > 24 {
				return false
			}
			i++
			if m > len(b)-i {
				return false
			}
			i += m
		}
	default:
		return false
	}
	r.i = i
	return true
}

// null consumes a CBOR null and reports whether there was one.
func (r *cborReader) null() bool {
	if r.i < len(r.b) && r.b[r.i] == 0xf6 {
		r.i++
		return true
	}
	return false
}

// key reads a field's name, only looked up: in a DecodeEach record, the
// record's own bytes, not a copy; otherwise as text reads it.
func (r *cborReader) key() (string, bool) {
	if !r.each {
		return r.text()
	}
	r.each, r.s = false, unsafe.String(unsafe.SliceData(r.b), len(r.b))
	k, ok := r.text()
	r.each, r.s = true, ""
	return k, ok
}

func (r *cborReader) text() (string, bool) {
	var n uint64
	if i := r.i; i < len(r.b) && r.b[i]>>5 == 3 && r.b[i]&0x1f < 24 {
		n = uint64(r.b[i] & 0x1f) // a short text's head, read inline
		r.i = i + 1
	} else if major, m, ok := r.head(); ok && major == 3 {
		n = m
	} else {
		return "", false
	}
	if n > uint64(len(r.b)-r.i) {
		return "", false
	}
	if r.each {
		s := string(r.b[r.i : r.i+int(n)])
		r.i += int(n)
		return s, true
	}
	if r.s == "" {
		r.s = string(r.b)
	}
	s := r.s[r.i : r.i+int(n)]
	r.i += int(n)
	return s, true
}

func (r *cborReader) boolean() (bool, bool) {
	if r.i >= len(r.b) {
		return false, false
	}
	switch r.b[r.i] {
	case 0xf4:
		r.i++
		return false, true
	case 0xf5:
		r.i++
		return true, true
	}
	return false, false
}

func (r *cborReader) integer() (int64, bool) {
	major, n, ok := r.head()
	if !ok || n > 1<<63-1 {
		return 0, false
	}
	switch major {
	case 0:
		return int64(n), true
	case 1:
		return -1 - int64(n), true
	}
	return 0, false
}

// time reads an RFC 3339 text time as the general decoder does.
func (r *cborReader) time() (time.Time, bool) {
	s, ok := r.text()
	if !ok {
		return time.Time{}, false
	}
	return parseTime(s)
}

// parseTime reads an RFC 3339 time as time.Parse(time.RFC3339, s) does.
// The store writes UTC times as YYYY-MM-DDTHH:MM:SS, an optional fraction
// of up to nine digits, and Z; those are read here directly, in about
// half the time time.Parse takes (a listing of 100,000 mailboxes reads
// some 400,000 of them). Any other form (an offset, a lower-case t or z, a
// comma before the fraction, a value out of range) goes to time.Parse,
// which reads it or refuses it.
func parseTime(s string) (time.Time, bool) {
	if t, ok := parseUTC(s); ok {
		return t, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// monthDays are the days of each month of a common year.
var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// parseUTC reads s when it has the store's UTC form exactly, with every
// field in range; ok is false otherwise. The result is the time
// time.Date(..., time.UTC) gives, bit for bit.
func parseUTC(s string) (t time.Time, ok bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return time.Time{}, false
	}
	year, month, day := digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	hour, minute, sec := digits(s[11:13]), digits(s[14:16]), digits(s[17:19])
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	leap := year%4 == 0 && (year%100 != 0 || year%400 == 0)
	if last := monthDays[month]; day > last && !(leap && month == 2 && day == 29) {
		return time.Time{}, false
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; frac != "" {
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' {
			return time.Time{}, false
		}
		if nsec = digits(frac[1:]); nsec < 0 {
			return time.Time{}, false
		}
		for n := len(frac) - 1; n < 9; n++ {
			nsec *= 10
		}
	}
	// days since 1970-01-01 of a date in the proleptic Gregorian
	// calendar, counted in 400-year eras of 146,097 days from March 1 of
	// year 0 (shifted one era up so that January and February of year 0,
	// counted in year -1, stay positive)
	y := year + 400
	if month <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (month + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64((era-1)*146097+doe) - 719468
	return time.Unix(days*86400+int64(hour*3600+minute*60+sec), int64(nsec)).UTC(), true
}

// digits reads s as a decimal number of digits only; -1 when it is not one.
func digits(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		v = v*10 + int(c-'0')
	}
	return v
}

// strings reads an array of text, or null (nil).
func (r *cborReader) strings() ([]string, bool) {
	if r.null() {
		return nil, true
	}
	major, n, ok := r.head()
	if !ok || major != 4 || n > uint64(len(r.b)-r.i) {
		return nil, false
	}
	out := make([]string, n)
	if r.each {
		for i := range out {
			if out[i], ok = r.text(); !ok {
				return nil, false
			}
		}
		return out, true
	}
	if n > 0 && r.s == "" {
		r.s = string(r.b)
	}
	b, s, j := r.b, r.s, r.i
	for i := range out {
		// a text whose head is one byte or two, read here; any other
		// item is text's to read or refuse
		if j < len(b) && b[j]>>5 == 3 {
			if m := int(b[j] & 0x1f); m < 24 && m < len(b)-j {
				out[i] = s[j+1 : j+1+m]
				j += 1 + m
				continue
			} else if m == 24 && j+1 < len(b) && int(b[j+1]) < len(b)-j-1 {
				m = int(b[j+1])
				out[i] = s[j+2 : j+2+m]
				j += 2 + m
				continue
			}
		}
		r.i = j
		if out[i], ok = r.text(); !ok {
			return nil, false
		}
		j = r.i
	}
	r.i = j
	return out, true
}

// mapHead reads the head of a map of n pairs, or null.
func (r *cborReader) mapHead() (n int, isNull, ok bool) {
	if r.null() {
		return 0, true, true
	}
	major, c, ok := r.head()
	if !ok || major != 5 || c > uint64(len(r.b)-r.i) {
		return 0, false, false
	}
	return int(c), false, true
}

func (r *cborReader) stringMap() (map[string]string, bool) {
	n, isNull, ok := r.mapHead()
	if !ok || isNull {
		return nil, ok
	}
	out := make(map[string]string, n)
	for ; n > 0; n-- {
		k, ok1 := r.text()
		v, ok2 := r.text()
		if !ok1 || !ok2 {
			return nil, false
		}
		out[k] = v
	}
	return out, true
}

// extraMap reads the Extra bag: text keys, byte-string values (copied:
// json.RawMessage is mutable).
func (r *cborReader) extraMap() (map[string]json.RawMessage, bool) {
	n, isNull, ok := r.mapHead()
	if !ok || isNull {
		return nil, ok
	}
	out := make(map[string]json.RawMessage, n)
	for ; n > 0; n-- {
		k, ok := r.text()
		if !ok {
			return nil, false
		}
		major, c, ok := r.head()
		if !ok || major != 2 || c > uint64(len(r.b)-r.i) {
			return nil, false
		}
		out[k] = append(json.RawMessage(nil), r.b[r.i:r.i+int(c)]...)
		r.i += int(c)
	}
	return out, true
}
