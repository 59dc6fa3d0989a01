package opath

import (
	"sort"
	"strings"
)

// Kind is the type of a filterable property, which decides how filter values
// are converted when the filter is validated.
type Kind int

// The property kinds.
const (
	KindString Kind = iota // text (also GUIDs, DNs, quota values such as Unlimited)
	KindMulti              // multi-valued text: matches when any value matches
	KindBool               // System.Boolean: $true/$false or 'True'/'False'
	KindInt                // integer
	KindDate               // System.DateTime
	KindEnum               // one of Values
)

// Property describes one filterable property.
type Property struct {
	Name   string   // canonical spelling
	Kind   Kind     // value type
	Values []string // for KindEnum: the accepted names (compared case-insensitively)
	Type   string   // for KindEnum: the .NET type name used in conversion errors
}

// Schema is a set of filterable properties, keyed by lower-case name.
type Schema map[string]Property

// NewSchema builds a schema from a list of properties.
func NewSchema(props ...Property) Schema {
	s := make(Schema, len(props))
	for _, p := range props {
		s[strings.ToLower(p.Name)] = p
	}
	return s
}

// Lookup finds a property case-insensitively.
func (s Schema) Lookup(name string) (Property, bool) {
	p, ok := s[strings.ToLower(name)]
	return p, ok
}

// Names returns the canonical property names, sorted case-insensitively.
func (s Schema) Names() []string {
	out := make([]string, 0, len(s))
	for _, p := range s {
		out = append(out, p.Name)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i]), strings.ToLower(out[j])
		if a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out
}

// Filterable returns the schema's names as a set keyed by canonical name, the
// form Validate takes.
func (s Schema) Filterable() map[string]bool {
	m := make(map[string]bool, len(s))
	for _, p := range s {
		m[p.Name] = true
	}
	return m
}

// Subset returns a schema with only the named properties (unknown names are
// ignored), for cmdlets that filter on fewer properties.
func (s Schema) Subset(names ...string) Schema {
	out := make(Schema, len(names))
	for _, n := range names {
		if p, ok := s.Lookup(n); ok {
			out[strings.ToLower(p.Name)] = p
		}
	}
	return out
}

// With returns a copy of the schema with props added (replacing properties of
// the same name).
func (s Schema) With(props ...Property) Schema {
	out := make(Schema, len(s)+len(props))
	for k, p := range s {
		out[k] = p
	}
	for _, p := range props {
		out[strings.ToLower(p.Name)] = p
	}
	return out
}

// Validate checks that every property of f is in the schema
// (*UnknownPropertyError, listing the schema's names) and that every value can
// be converted to its property's type (*ConversionError). Exchange does both
// when the filter is bound to the parameter, before any object is read.
func (s Schema) Validate(f *Filter) error {
	var err error
	f.walk(func(prop string, c *cmpNode) {
		if err != nil {
			return
		}
		p, ok := s.Lookup(prop)
		if !ok {
			err = &UnknownPropertyError{Property: prop, Valid: s.Names()}
			return
		}
		if c != nil {
			err = checkValue(p, c)
		}
	})
	return err
}

// checkValue converts a comparison value to the property's type.
func checkValue(p Property, c *cmpNode) error {
	v := c.val
	if v.Kind == ValNull {
		return nil
	}
	// -like/-notlike compare the text of the value with the pattern.
	if c.op == OpLike || c.op == OpNotLike {
		return nil
	}
	switch p.Kind {
	case KindBool:
		if _, ok := litBool(v); !ok {
			return &ConversionError{Property: p.Name, Value: v.Str, Type: "System.Boolean"}
		}
	case KindInt:
		if _, ok := litInt(v); !ok {
			return &ConversionError{Property: p.Name, Value: v.Str, Type: "System.Int32"}
		}
	case KindDate:
		if _, ok := litDate(v); !ok {
			return &ConversionError{Property: p.Name, Value: v.Str, Type: "System.DateTime"}
		}
	case KindEnum:
		if !enumOK(p, v.Str) {
			t := p.Type
			if t == "" {
				t = p.Name
			}
			return &ConversionError{Property: p.Name, Value: v.Str, Type: t}
		}
	}
	return nil
}

// enumOK accepts a member name, or a comma-separated list of member names
// (flag enumerations such as GroupType), or a member's number.
func enumOK(p Property, s string) bool {
	if _, ok := parseInt(strings.TrimSpace(s)); ok {
		return true
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		found := false
		for _, v := range p.Values {
			if strings.EqualFold(v, part) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Validate checks that every property f refers to is in filterable (names are
// compared case-insensitively) and returns *UnknownPropertyError for the first
// one that is not, listing the filterable names sorted.
func Validate(f *Filter, filterable map[string]bool) error {
	lower := make(map[string]bool, len(filterable))
	names := make([]string, 0, len(filterable))
	for n, ok := range filterable {
		if ok {
			lower[strings.ToLower(n)] = true
			names = append(names, n)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := strings.ToLower(names[i]), strings.ToLower(names[j])
		if a != b {
			return a < b
		}
		return names[i] < names[j]
	})
	for _, p := range f.Properties() {
		if !lower[strings.ToLower(p)] {
			return &UnknownPropertyError{Property: p, Valid: names}
		}
	}
	return nil
}
