package mailboxpolicy

import (
	"strconv"
	"strings"
	"time"
)

// Settings are the settings of a policy that differ from a new policy's
// (a table of Setting gives the others).
type Settings struct {
	// Values are the single-valued settings, by setting name, as text:
	// True or False, a number, an enumeration's value, Unlimited; "" is
	// no value.
	Values map[string]string `json:"values,omitempty"`
	// Lists are the list settings.
	Lists map[string][]string `json:"lists,omitempty"`
}

// Value is the value of the single-valued setting s.
func (v *Settings) Value(s *Setting) string {
	if x, ok := v.Values[s.Name]; ok {
		return x
	}
	return s.Default
}

// List is the value of the list setting s.
func (v *Settings) List(s *Setting) []string {
	if x, ok := v.Lists[s.Name]; ok {
		return x
	}
	return s.Defaults
}

// SetValue sets the single-valued setting s to x (see Values).
func (v *Settings) SetValue(s *Setting, x string) {
	if x == s.Default {
		delete(v.Values, s.Name)
		return
	}
	if v.Values == nil {
		v.Values = map[string]string{}
	}
	v.Values[s.Name] = x
}

// SetList sets the list setting s to x.
func (v *Settings) SetList(s *Setting, x []string) {
	if strings.Join(x, "\n") == strings.Join(s.Defaults, "\n") {
		delete(v.Lists, s.Name)
		return
	}
	if v.Lists == nil {
		v.Lists = map[string][]string{}
	}
	v.Lists[s.Name] = append([]string{}, x...)
}

// Same reports whether both hold the same settings.
func (v *Settings) Same(o *Settings) bool {
	if len(v.Values) != len(o.Values) || len(v.Lists) != len(o.Lists) {
		return false
	}
	for k, x := range v.Values {
		if y, ok := o.Values[k]; !ok || y != x {
			return false
		}
	}
	for k, x := range v.Lists {
		if y, ok := o.Lists[k]; !ok || strings.Join(y, "\n") != strings.Join(x, "\n") {
			return false
		}
	}
	return true
}

// Clone returns a copy that shares nothing with v.
func (v *Settings) Clone() Settings {
	var c Settings
	for k, x := range v.Values {
		if c.Values == nil {
			c.Values = map[string]string{}
		}
		c.Values[k] = x
	}
	for k, x := range v.Lists {
		if c.Lists == nil {
			c.Lists = map[string][]string{}
		}
		c.Lists[k] = append([]string{}, x...)
	}
	return c
}

// check reports through bad the settings of v the table does not take.
func (v *Settings) check(table []Setting, bad func(format string, args ...any)) {
	for name, x := range v.Values {
		s := lookup(table, name)
		if s == nil || s.Kind == List || s.Kind == IsDefault {
			bad("%s is no single-valued setting", name)
			continue
		}
		if !s.Takes(x) {
			bad("%s %q is not a value it takes", name, x)
		}
	}
	for name := range v.Lists {
		if s := lookup(table, name); s == nil || s.Kind != List {
			bad("%s is no list setting", name)
		}
	}
}

// lookup returns the setting of the table with that name (any case), or
// nil.
func lookup(table []Setting, name string) *Setting {
	for i := range table {
		if strings.EqualFold(table[i].Name, name) {
			return &table[i]
		}
	}
	return nil
}

// Unlimited is the value of an Unlimited setting without a limit.
const Unlimited = "Unlimited"

// Kind is how a setting's value is read and kept.
type Kind int

// The kinds of settings.
const (
	// Bool is True or False ("" while unset).
	Bool Kind = iota
	// Int is an Int32.
	Int
	// Text is a string ("" shown as no value).
	Text
	// Enum is one of the setting's Values.
	Enum
	// List is a list of strings (MultiValuedProperty or String[]).
	List
	// IsDefault stands for the policy's IsDefault flag: where the output
	// shows it among the settings.
	IsDefault
	// Size is an Unlimited<ByteQuantifiedSize>: Unlimited or a number of
	// bytes within Min..Max.
	Size
	// Count is an Unlimited<Int32>: Unlimited or a number within
	// Min..Max.
	Count
	// Span is an Unlimited<EnhancedTimeSpan>: Unlimited or a time span of
	// Min..Max seconds, kept as TimeSpan text (d.hh:mm:ss).
	Span
)

// Setting is one setting of a mailbox policy, in the order Get shows
// them.
type Setting struct {
	// Name is its parameter's and property's name.
	Name string
	Kind Kind
	// Default is a single-valued setting's value on a new policy;
	// Defaults a list's.
	Default  string
	Defaults []string
	// Values are an Enum's values; Enum the name of its enumeration.
	Values []string
	Enum   string
	// Min and Max bound an Int, Size, Count or Span when Max is not 0.
	Min, Max int64
	// Fixed settings are shown but not set by the Set cmdlet of Exchange
	// Online (on-premises parameters, or read-only properties).
	Fixed bool
	// Property is the property's name where it is spelt otherwise than
	// its parameter.
	Property string
}

// Shown is the name of the setting's property.
func (s *Setting) Shown() string {
	if s.Property != "" {
		return s.Property
	}
	return s.Name
}

// Canonical returns v as the setting keeps it: an enumeration's value as
// spelt, matched without regard to case; ok is false for a value it does
// not take.
func (s *Setting) Canonical(v string) (string, bool) {
	switch s.Kind {
	case Bool:
		switch {
		case strings.EqualFold(v, "true"):
			return "True", true
		case strings.EqualFold(v, "false"):
			return "False", true
		}
		return "", v == ""
	case Int, Size, Count:
		if v == "" {
			return "", s.Kind == Int && s.Default == ""
		}
		if s.Kind != Int && strings.EqualFold(v, Unlimited) {
			return Unlimited, true
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || !s.within(n) {
			return "", false
		}
		return strconv.FormatInt(n, 10), true
	case Span:
		if strings.EqualFold(v, Unlimited) {
			return Unlimited, true
		}
		d, ok := ParseSpan(v)
		if !ok || !s.within(int64(d/time.Second)) {
			return "", false
		}
		return FormatSpan(d), true
	case Enum:
		for _, x := range s.Values {
			if strings.EqualFold(x, strings.TrimSpace(v)) {
				return x, true
			}
		}
		return "", false
	}
	return v, true
}

// Takes reports whether v is a value the setting keeps, spelt as kept.
func (s *Setting) Takes(v string) bool {
	c, ok := s.Canonical(v)
	return ok && c == v
}

// within reports whether n is within the setting's range.
func (s *Setting) within(n int64) bool { return s.Max == 0 || n >= s.Min && n <= s.Max }

// InRange reports whether n (a Span's in seconds) is within the
// setting's range.
func (s *Setting) InRange(n int64) bool { return s.within(n) }

// ParseSpan reads a TimeSpan's text: [-][d.]hh:mm[:ss].
func ParseSpan(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	days := int64(0)
	if i := strings.IndexByte(v, '.'); i >= 0 && i < strings.IndexByte(v+":", ':') {
		n, err := strconv.ParseInt(v[:i], 10, 64)
		if err != nil || n < 0 {
			return 0, false
		}
		days, v = n, v[i+1:]
	}
	parts := strings.Split(v, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var hms [3]int64
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil || n < 0 || i > 0 && n > 59 || i == 0 && n > 23 {
			return 0, false
		}
		hms[i] = n
	}
	return time.Duration(days)*24*time.Hour + time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second, true
}

// FormatSpan writes a time span as a TimeSpan does: [d.]hh:mm:ss.
func FormatSpan(d time.Duration) string {
	s := int64(d / time.Second)
	text := fmt2(s/3600%24) + ":" + fmt2(s/60%60) + ":" + fmt2(s%60)
	if days := s / 86400; days > 0 {
		text = strconv.FormatInt(days, 10) + "." + text
	}
	return text
}

// fmt2 writes n with at least two digits.
func fmt2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
