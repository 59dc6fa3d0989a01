package format

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// Spec is one Format-Table / Format-List invocation's request.
type Spec struct {
	Kind ViewKind
	// Properties is nil for the default view / default property set.
	Properties       []PropSpec
	AutoSize         bool
	Wrap             bool
	HideTableHeaders bool
	// Force formats scalars as entries instead of raw lines.
	Force   bool
	GroupBy *PropSpec
	// View selects a registered view by name.
	View string
}

// PropSpec is one -Property item: a name or wildcard pattern, a script
// block, or a calculated property (a hashtable).
type PropSpec struct {
	// Name is a property name or wildcard pattern (also the string form of
	// a calculated property's Expression).
	Name string
	// Script, when set, computes the value with $_ bound to the object.
	Script object.ScriptBlock
	// Calculated marks a hashtable specification.
	Calculated   bool
	Label        string
	FormatString string
	Width        int
	Align        Alignment
	// Ascending / Descending are Sort-Object's per-key directions (nil when
	// not given).
	Ascending  *bool
	Descending *bool
}

// Shaped is what Format-Table and Format-List write to the pipeline: one
// per input object, all sharing the invocation's *Spec, between the
// records that open and close the invocation's output (Mark), as
// PowerShell's format cmdlets write a FormatStartData and a
// GroupStartData before the entries and a GroupEndData and a
// FormatEndData after them.
type Shaped struct {
	Spec  *Spec
	Value any
	// Mark is EntryMark for an object's entry, else the record it is.
	Mark ShapeMark
}

// ShapeMark says which format record a Shaped value is.
type ShapeMark int

// The format records.
const (
	EntryMark ShapeMark = iota
	FormatStartMark
	GroupStartMark
	GroupEndMark
	FormatEndMark
)

// String renders a Shaped value the way PowerShell shows a format record
// that escaped its Out-Default.
func (s *Shaped) String() string { return s.PSTypeName() }

// PSTypeName is the .NET type of the format record.
func (s *Shaped) PSTypeName() string {
	switch s.Mark {
	case FormatStartMark:
		return "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"
	case GroupStartMark:
		return "Microsoft.PowerShell.Commands.Internal.Format.GroupStartData"
	case GroupEndMark:
		return "Microsoft.PowerShell.Commands.Internal.Format.GroupEndData"
	case FormatEndMark:
		return "Microsoft.PowerShell.Commands.Internal.Format.FormatEndData"
	}
	return "Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData"
}

// CalcKind says which cmdlet parses a calculated property; each accepts
// different keys.
type CalcKind int

// Calculated property consumers.
const (
	ForTable CalcKind = iota
	ForList
	ForSelect
	ForSort
	ForGroup       // Format-Table/Format-List -GroupBy
	ForGroupObject // Group-Object -Property
)

type calcKey struct {
	name  string // canonical key name as shown in messages
	entry string // which field it sets (Name and Label share one)
}

func calcKeys(kind CalcKind) []calcKey {
	expr := calcKey{"Expression", "expression"}
	label := calcKey{"Label", "label"}
	name := calcKey{"Name", "label"}
	fs := calcKey{"FormatString", "formatstring"}
	switch kind {
	case ForTable:
		return []calcKey{expr, fs, label, name, {"Width", "width"}, {"Alignment", "alignment"}}
	case ForList:
		return []calcKey{expr, fs, label, name}
	case ForSelect:
		return []calcKey{name, label, expr}
	case ForSort:
		return []calcKey{expr, {"Ascending", "ascending"}, {"Descending", "descending"}}
	case ForGroup:
		return []calcKey{expr, fs, label}
	case ForGroupObject:
		return []calcKey{expr}
	}
	return []calcKey{expr}
}

// ParseCalculated validates a calculated-property hashtable for the given
// consumer. Keys match by unambiguous, case-insensitive prefix; the errors
// carry PowerShell's messages.
func ParseCalculated(h *object.Hashtable, kind CalcKind) (PropSpec, error) {
	var ps PropSpec
	if h == nil {
		return ps, errors.New("A mandatory entry for Expression is missing.")
	}
	keys := calcKeys(kind)
	seen := map[string]string{} // entry -> key as typed
	var haveExpr bool
	for _, e := range h.Entries() {
		typed := object.ToInvariantString(e.Key)
		var matches []calcKey
		for _, k := range keys {
			if strings.EqualFold(k.name, typed) {
				matches = []calcKey{k}
				break
			}
			if typed != "" && object.HasPrefixFold(k.name, typed) {
				matches = append(matches, k)
			}
		}
		switch {
		case len(matches) == 0:
			return ps, fmt.Errorf("The %s key is not valid.", typed)
		case len(matches) > 1:
			return ps, fmt.Errorf("The %s key is ambiguous; %s and %s conflict.", typed, matches[0].name, matches[1].name)
		}
		k := matches[0]
		if prev, dup := seen[k.entry]; dup {
			return ps, fmt.Errorf("The duplicated key \"%s\" conflicts with \"%s\".", typed, prev)
		}
		seen[k.entry] = typed
		val := unwrapBare(e.Value)
		switch k.entry {
		case "expression":
			switch x := val.(type) {
			case string:
				ps.Name = x
			case object.ScriptBlock:
				ps.Script = x
			default:
				return ps, fmt.Errorf("The %s key has a type, %s, that is not valid; it must be of type {System.String, System.Management.Automation.ScriptBlock}.", k.name, object.TypeName(val))
			}
			haveExpr = true
		case "label":
			ps.Label = object.ToInvariantString(val)
		case "formatstring":
			ps.FormatString = object.ToInvariantString(val)
		case "width":
			n, ok := toInt(val)
			if !ok || n <= 0 {
				return ps, fmt.Errorf("The value \"%s\" for key \"%s\" should be greater than 0.", object.ToInvariantString(val), k.name)
			}
			ps.Width = n
		case "alignment":
			s := strings.ToLower(object.ToInvariantString(val))
			switch {
			case s != "" && strings.HasPrefix("left", s):
				ps.Align = AlignLeft
			case s != "" && strings.HasPrefix("center", s):
				ps.Align = AlignCenter
			case s != "" && strings.HasPrefix("right", s):
				ps.Align = AlignRight
			default:
				return ps, fmt.Errorf("The value \"%s\" for key \"%s\" is not valid; valid values are {left, center, right}.", object.ToInvariantString(val), k.name)
			}
		case "ascending":
			b := object.ToBool(val)
			ps.Ascending = &b
		case "descending":
			b := object.ToBool(val)
			ps.Descending = &b
		}
	}
	if !haveExpr {
		return ps, errors.New("A mandatory entry for Expression is missing.")
	}
	ps.Calculated = true
	return ps, nil
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		return int(x), x == float64(int(x))
	case string:
		n := 0
		if x == "" {
			return 0, false
		}
		for _, c := range x {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
			if n > 1<<30 {
				return 0, false
			}
		}
		return n, true
	}
	return 0, false
}

// LabelOf returns the label a PropSpec shows before it is resolved
// against an object: its Label, a script block's text or the name.
func (p *PropSpec) LabelOf() string {
	if p.Label != "" {
		return p.Label
	}
	if p.Script != nil {
		return p.Script.Text()
	}
	return p.Name
}

// allProperties returns the properties of any value: a PSObject's own
// (or its wrapped value's adapted ones), or the adapted properties.
func allProperties(v any) []*object.Property {
	return object.Adapted(v)
}

// defaultPropertyNames returns the names default formatting shows: the
// registered DefaultDisplayPropertySet, else every property.
func (r *Registry) defaultPropertyNames(v any) []string {
	if d := r.defaultProperties(object.TypeNames(v)); d != nil {
		return d
	}
	props := allProperties(v)
	names := make([]string, 0, len(props))
	seen := map[string]bool{}
	for _, p := range props {
		k := strings.ToLower(p.Name)
		if seen[k] || p.Hidden {
			continue
		}
		seen[k] = true
		names = append(names, p.Name)
	}
	return names
}

// field is one resolved column / list line.
type field struct {
	label string
	prop  string // property to read
	// at, when not zero, is one more than the position prop likely has
	// among the object's properties (a view naming a type's properties
	// in its order)
	at       int
	script   object.ScriptBlock
	fn       func(any) any
	format   string
	width    int
	align    Alignment
	fromView bool
	// when, for a list view's line, tells whether an object shows it.
	when func(any) bool
}

func (f *field) value(v any, o *Options) any {
	switch {
	case f.fn != nil:
		return f.fn(v)
	case f.script != nil:
		if o == nil || o.Invoke == nil {
			return nil
		}
		r, err := o.Invoke(f.script, v)
		if err != nil {
			return nil
		}
		return r
	case f.prop != "" && f.at > 0:
		return object.PropertyValueAt(v, f.prop, f.at-1)
	case f.prop != "":
		if i, ok := object.LazyIndex(v, f.prop); ok {
			// the objects after this one, of its kind as a table's
			// rows mostly are, are read by position
			f.at = i + 1
			return object.PropertyValueAt(v, f.prop, i)
		}
		return object.PropertyValue(v, f.prop)
	}
	return nil
}

func (f *field) text(v any, o *Options, inTable bool) string {
	return f.textOf(f.value(v, o), o, inTable)
}

// textOf renders an already computed value of the field.
func (f *field) textOf(val any, o *Options, inTable bool) string {
	if f.format != "" {
		return applyFormat(val, f.format, o)
	}
	return RenderValue(val, o, inTable && !f.fromView)
}

// resolveFields expands property specs against one object. keepMissing
// keeps non-wildcard names the object lacks (tables); lists drop them.
func resolveFields(specs []PropSpec, v any, keepMissing bool) []field {
	var props []*object.Property // read at the first wildcard
	var out []field
	// The properties of an object have distinct names: the fields of one
	// -Property item need no check of the names taken before.
	var seen map[string]bool
	if _, ok := v.(*object.PSObject); !ok || len(specs) > 1 {
		seen = map[string]bool{}
	}
	addProp := func(name string, at int) {
		if seen != nil {
			k := strings.ToLower(name)
			if seen[k] {
				return
			}
			seen[k] = true
		}
		out = append(out, field{label: name, prop: name, at: at})
	}
	for i := range specs {
		s := &specs[i]
		switch {
		case s.Script != nil:
			out = append(out, field{label: s.LabelOf(), script: s.Script, format: s.FormatString, width: s.Width, align: s.Align})
		case s.Calculated:
			name := s.Name
			if p, ok := object.GetProperty(v, name); ok {
				name = p.Name
			} else if !keepMissing {
				continue
			}
			label := s.Label
			if label == "" {
				label = name
			}
			out = append(out, field{label: label, prop: name, format: s.FormatString, width: s.Width, align: s.Align})
		case wildcard.Has(s.Name):
			pat, err := wildcard.Compile(s.Name, 0)
			if err != nil {
				continue // an invalid pattern matches no name
			}
			if names, ok := object.LazyNames(v); ok {
				// a lazy object's names, its values read by position
				for k, n := range names {
					if pat.Match(n) {
						addProp(n, k+1)
					}
				}
				continue
			}
			if props == nil {
				props = allProperties(v)
			}
			for _, p := range props {
				if pat.Match(p.Name) {
					addProp(p.Name, 0)
				}
			}
		default:
			if p, ok := object.GetProperty(v, s.Name); ok {
				addProp(p.Name, 0)
			} else if keepMissing {
				addProp(s.Name, 0)
			}
		}
	}
	return out
}

// namesToFields turns plain property names into fields.
func namesToFields(v any, names []string) []field {
	out := make([]field, 0, len(names))
	for _, n := range names {
		label := n
		if p, ok := object.GetProperty(v, n); ok {
			label = p.Name
		}
		out = append(out, field{label: label, prop: label})
	}
	return out
}

func viewColumns(view *View) []field {
	out := make([]field, 0, len(view.Columns))
	for _, c := range view.Columns {
		label := c.Label
		if label == "" {
			label = c.Property
		}
		al := c.Align
		if al == AlignDefault {
			al = AlignLeft
		}
		out = append(out, field{label: label, prop: c.Property, fn: c.Func, format: c.FormatString, width: c.Width, align: al, fromView: true})
	}
	return out
}

// label is the item's label: its Label, else its property's name.
func (it *ListItem) label() string {
	if it.Label == "" {
		return it.Property
	}
	return it.Label
}

// itemField is the field of one list view item.
func itemField(it *ListItem) field {
	return field{label: it.label(), prop: it.Property, fn: it.Func, format: it.FormatString, fromView: true, when: it.When}
}
