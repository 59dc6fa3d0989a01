// Package enumflags is the text of a .NET flag enumeration ([Flags]):
// its value written as Enum.ToString writes it (the name of the value, else
// the names of the flags it is made of joined with ", ") and read back as
// Enum.Parse reads it (names separated by commas, case ignored).
package enumflags

import "strings"

// Flag is one named value of a flag enumeration.
type Flag struct {
	Name  string
	Value int64
}

// Flags is a flag enumeration: its named values, the zero one first and
// the others by value.
type Flags []Flag

// Names returns the names of the enumeration's values.
func (fs Flags) Names() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// Parse reads a value written as names separated by commas (case
// ignored, as .NET reads a flag enumeration); ok is false when a name is
// none of the enumeration's.
func (fs Flags) Parse(text string) (int64, bool) {
	var v int64
	parts := strings.Split(text, ",")
	for _, p := range parts {
		p = strings.TrimSpace(p)
		found := false
		for _, f := range fs {
			if strings.EqualFold(p, f.Name) {
				v |= f.Value
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return v, true
}

// Format writes a value as .NET writes a flag enumeration: the name of
// the value when it has one, else the names of the flags it is made of,
// smallest first, separated by ", ".
func (fs Flags) Format(v int64) string {
	for _, f := range fs {
		if f.Value == v {
			return f.Name
		}
	}
	var names []string
	rest := v
	for i := len(fs) - 1; i >= 0; i-- {
		f := fs[i]
		if f.Value != 0 && rest&f.Value == f.Value {
			names = append([]string{f.Name}, names...)
			rest &^= f.Value
		}
	}
	return strings.Join(names, ", ")
}
