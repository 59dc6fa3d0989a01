// Package format turns pipeline values into lines of text the way
// PowerShell 7.4's formatting and output system does: default views,
// Format-Table, Format-List, Out-String widths, error records, -WhatIf and
// -Confirm texts.
package format

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/exosim/exosim/shell/object"
)

// ViewKind is the shape of a view or of a Format-* request.
type ViewKind int

// View kinds. AutoView lets the formatter choose (default output).
const (
	AutoView ViewKind = iota
	TableView
	ListView
	CustomView
)

// Alignment of a table column.
type Alignment int

// Alignments. AlignDefault means "derive from the data" (property-based
// tables) or left (views).
const (
	AlignDefault Alignment = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Column is one column of a table view.
type Column struct {
	Label string
	// Width is the declared width; 0 means "size from the data / rest of
	// the line".
	Width int
	Align Alignment
	// Property names the value; Func, when set, computes it instead.
	Property     string
	Func         func(v any) any
	FormatString string
}

// ListItem is one line of a list view.
type ListItem struct {
	Label        string
	Property     string
	Func         func(v any) any
	FormatString string
	// When, if set, limits the line to the objects it accepts (a view's
	// entry for one type among several).
	When func(v any) bool
}

// View is a registered formatting view, the equivalent of one view in a
// format.ps1xml file.
type View struct {
	Name      string
	TypeNames []string
	Kind      ViewKind
	Columns   []Column
	Items     []ListItem
	// ItemProperties, for a list view without Items, name the
	// properties of its items, each labelled with its name (a view of a
	// few hundred properties then costs a name each, not an item).
	ItemProperties []string
	// Custom renders one object of a custom view as lines.
	Custom func(v any, o *Options) []string
	// GroupBy names a property that starts a new group when its value
	// changes; GroupLabel is the label shown (default: the property name).
	GroupBy    string
	GroupLabel string
	// GroupFunc, if set, gives the value that starts a new group when it
	// changes, instead of a property's (GroupBy).
	GroupFunc func(v any) any
	// GroupHeader, if set, writes a group's heading line from its value
	// instead of "   Label: value".
	GroupHeader func(key string) string
	AutoSize    bool
	// Wrap wraps table cells instead of truncating them.
	Wrap bool
	// HideTableHeaders suppresses the header and dashes lines.
	HideTableHeaders bool
}

// appliesTo reports whether the view is declared for one of typeNames.
func (v *View) appliesTo(typeNames []string) bool {
	for _, t := range typeNames {
		for _, vt := range v.TypeNames {
			if strings.EqualFold(t, vt) {
				return true
			}
		}
	}
	return false
}

// Registry holds the views and default display property sets known to one
// session.
type Registry struct {
	// views are the views of each lower-case type name in precedence
	// order; a slot of a provider not run yet (Provide) holds its place.
	views    map[string][]slot
	defaults map[string]defaultSet
	// deferred add views the first time a lookup finds none (Defer);
	// mu guards them, the providers and the maps while they run.
	mu       sync.RWMutex
	deferred []func(*Registry)
	// providers are those of Provide not run yet; building is the one
	// running, seq numbers registrations (see defaultSet).
	providers []*provider
	building  *provider
	seq       int
}

// slot is one entry of a type's views: a view, or the place of a
// provider's views until it runs.
type slot struct {
	v *View
	p *provider
}

// provider is a registration of Provide.
type provider struct {
	build     func(*Registry)
	typeNames []string
	seq       int
}

// defaultSet is a type's default display property set and the sequence
// number of the registration that set it: a provider run late must not
// replace a set made after it was registered.
type defaultSet struct {
	props []string
	seq   int
}

// NewRegistry returns a registry that knows PowerShell's built-in views
// for dictionary entries, dates, GUIDs, time spans, versions, cultures,
// Group-Object, Get-Member and Get-Command output (added the first time a
// lookup asks for one of their types).
func NewRegistry() *Registry {
	// room for the placeholders of the built-in, core and mailbox views
	r := &Registry{views: make(map[string][]slot, 64), defaults: map[string]defaultSet{}}
	r.Provide(builtinViews, builtinTypes...)
	return r
}

// builtinTypes are the type names builtinViews has views for.
var builtinTypes = []string{
	"System.Management.Automation.PSMethod",
	"System.Reflection.Assembly",
	"System.Reflection.RuntimeAssembly",
	"System.Collections.DictionaryEntry",
	"Microsoft.PowerShell.Commands.HistoryInfo",
	"System.DateTime",
	"System.Guid",
	"System.TimeSpan",
	"System.Version",
	"System.Globalization.CultureInfo",
	"Microsoft.PowerShell.Commands.GroupInfo",
	"Microsoft.PowerShell.Commands.MemberDefinition",
	"System.Management.Automation.CmdletInfo",
	"System.Management.Automation.FunctionInfo",
	"System.Management.Automation.AliasInfo",
	"System.Management.Automation.FilterInfo",
	"System.Management.Automation.ApplicationInfo",
	"System.Management.Automation.ExternalScriptInfo",
	"System.Management.Automation.CommandInfo",
}

// builtinViews adds the views of NewRegistry.
func builtinViews(r *Registry) {
	// A method named without parentheses: its overloads, one a line.
	r.Add(&View{
		Name:      "System.Management.Automation.PSMethod",
		TypeNames: []string{"System.Management.Automation.PSMethod"},
		Kind:      TableView,
		Wrap:      true,
		Columns: []Column{{Label: "OverloadDefinitions", Func: func(v any) any {
			if m, ok := unwrapBare(v).(interface{ OverloadDefinitions() []string }); ok {
				return strings.Join(m.OverloadDefinitions(), "\n") + "\n"
			}
			return ""
		}}},
	})
	// A loaded assembly: whether it is in the global assembly cache, its
	// runtime version and its file.
	r.Add(&View{
		Name:      "System.Reflection.Assembly",
		TypeNames: []string{"System.Reflection.Assembly", "System.Reflection.RuntimeAssembly"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "GAC", Width: 6, Property: "GlobalAssemblyCache"},
			{Label: "Version", Width: 14, Property: "ImageRuntimeVersion"},
			{Label: "Location", Property: "Location"},
		},
	})
	r.Add(&View{
		Name:      "Dictionary",
		TypeNames: []string{"System.Collections.DictionaryEntry"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "Name", Width: 30, Property: "Name"},
			{Label: "Value", Property: "Value"},
		},
	})
	r.Add(&View{
		Name:      "Dictionary",
		TypeNames: []string{"System.Collections.DictionaryEntry"},
		Kind:      ListView,
		Items:     []ListItem{{Property: "Name"}, {Property: "Value"}},
	})
	r.Add(&View{
		Name:      "history",
		TypeNames: []string{"Microsoft.PowerShell.Commands.HistoryInfo"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "Id", Width: 4, Align: AlignRight, Property: "Id"},
			{Label: "Duration", Width: 12, Align: AlignRight, Func: historyDuration},
			{Label: "CommandLine", Property: "CommandLine"},
		},
	})
	r.Add(&View{
		Name:      "DateTime",
		TypeNames: []string{"System.DateTime"},
		Kind:      CustomView,
		Custom: func(v any, o *Options) []string {
			if t, ok := unwrapBare(v).(time.Time); ok {
				return []string{object.FormatDateTime(t, "dddd, MMMM d, yyyy h:mm:ss tt")}
			}
			return []string{RenderValue(v, o, false)}
		},
	})
	r.Add(&View{
		Name:      "System.Guid",
		TypeNames: []string{"System.Guid"},
		Kind:      TableView,
		Columns: []Column{{Label: "Guid", Func: func(v any) any {
			if g, ok := unwrapBare(v).(object.Guid); ok {
				return g.String()
			}
			return object.PropertyValue(v, "Guid")
		}}},
	})
	tsItems := []ListItem{}
	for _, n := range []string{"Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds"} {
		tsItems = append(tsItems, ListItem{Property: n})
	}
	r.Add(&View{Name: "System.TimeSpan", TypeNames: []string{"System.TimeSpan"}, Kind: ListView, Items: tsItems})
	// A version: its four numbers in fixed columns, left-aligned.
	r.Add(&View{
		Name:      "System.Version",
		TypeNames: []string{"System.Version"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "Major", Width: 6, Property: "Major"},
			{Label: "Minor", Width: 6, Property: "Minor"},
			{Label: "Build", Width: 6, Property: "Build"},
			{Label: "Revision", Width: 8, Property: "Revision"},
		},
	})
	// A culture: its LCID and name in fixed columns, then its display name.
	r.Add(&View{
		Name:      "System.Globalization.CultureInfo",
		TypeNames: []string{"System.Globalization.CultureInfo"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "LCID", Width: 16, Property: "LCID"},
			{Label: "Name", Width: 16, Property: "Name"},
			{Label: "DisplayName", Property: "DisplayName"},
		},
	})
	r.Add(&View{
		Name:      "GroupInfo",
		TypeNames: []string{"Microsoft.PowerShell.Commands.GroupInfo"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "Count", Width: 5, Align: AlignRight, Property: "Count"},
			{Label: "Name", Width: 25, Property: "Name"},
			{Label: "Group", Property: "Group"},
		},
	})
	r.Add(&View{
		Name:       "MemberDefinition",
		TypeNames:  []string{"Microsoft.PowerShell.Commands.MemberDefinition"},
		Kind:       TableView,
		AutoSize:   true,
		GroupBy:    "TypeName",
		GroupLabel: "TypeName",
		Columns: []Column{
			{Label: "Name", Property: "Name"},
			{Label: "MemberType", Property: "MemberType"},
			{Label: "Definition", Property: "Definition"},
		},
	})
	r.Add(&View{
		Name: "CommandInfo",
		TypeNames: []string{
			"System.Management.Automation.CmdletInfo",
			"System.Management.Automation.FunctionInfo",
			"System.Management.Automation.AliasInfo",
			"System.Management.Automation.FilterInfo",
			"System.Management.Automation.ApplicationInfo",
			"System.Management.Automation.ExternalScriptInfo",
			"System.Management.Automation.CommandInfo",
		},
		Kind: TableView,
		Columns: []Column{
			{Label: "CommandType", Width: 15, Property: "CommandType"},
			{Label: "Name", Width: 50, Func: func(v any) any {
				if strings.EqualFold(object.ToInvariantString(object.PropertyValue(v, "CommandType")), "Alias") {
					if d := object.PropertyValue(v, "DisplayName"); d != nil {
						return d
					}
				}
				return object.PropertyValue(v, "Name")
			}},
			{Label: "Version", Width: 10, Property: "Version"},
			{Label: "Source", Property: "Source"},
		},
	})
}

// Add registers a view. Views added earlier for a type take precedence,
// as the first view defined in format.ps1xml does; a provider's views
// (Provide) take the place of its registration.
func (r *Registry) Add(v *View) {
	if r == nil || v == nil {
		return
	}
	for _, t := range v.TypeNames {
		k := lowerKey(t)
		list := r.views[k]
		at := len(list)
		if r.building != nil {
			for i, s := range list {
				if s.p == r.building {
					at = i
					break
				}
			}
		}
		list = append(list, slot{})
		copy(list[at+1:], list[at:])
		list[at] = slot{v: v}
		r.views[k] = list
	}
}

// SetDefaultProperties sets the DefaultDisplayPropertySet of a type: the
// properties default output and Format-Table/Format-List show when no
// view applies.
func (r *Registry) SetDefaultProperties(typeName string, props ...string) {
	if r == nil {
		return
	}
	seq := r.seq
	if r.building != nil {
		seq = r.building.seq
	} else {
		r.seq++
		seq = r.seq
	}
	k := lowerKey(typeName)
	if d, ok := r.defaults[k]; ok && d.seq > seq {
		return // set after the running provider's registration
	}
	r.defaults[k] = defaultSet{props: append([]string(nil), props...), seq: seq}
}

// Provide registers views the way add does for the given type names
// (and only for them), but runs add only the first time a lookup or a
// type's default properties ask for one of them: a session knows
// hundreds of views and a command line formats one or two types. The
// views take the place of the registration: those added before it come
// first for a type, those added after it after.
func (r *Registry) Provide(add func(*Registry), typeNames ...string) {
	if r == nil {
		return
	}
	r.seq++
	p := &provider{build: add, typeNames: typeNames, seq: r.seq}
	r.providers = append(r.providers, p)
	// The placeholders of a type without views yet are parts of one
	// block (capped: a later slot of the type goes to a copy), and the
	// lower-case keys parts of one text.
	places := make([]slot, len(typeNames))
	keys := lowerKeys(typeNames)
	for i, t := range typeNames {
		k := t
		if keys != nil {
			k = keys[i]
		} else {
			k = strings.ToLower(t)
		}
		places[i] = slot{p: p}
		if list, ok := r.views[k]; ok {
			r.views[k] = append(list, places[i])
		} else {
			r.views[k] = places[i : i+1 : i+1]
		}
	}
}

// lowerKey is strings.ToLower, in one pass and one allocation for the
// ASCII type names views are added for
// (strings.ToLower builds its copy a byte at a time).
func lowerKey(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.ToLower(s)
		} else if 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= utf8.RuneSelf {
			return strings.ToLower(s)
		} else if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowerKeys returns the lower-case forms of the ASCII type names a
// session provides views for by the dozen, cut from one text made in one
// pass (strings.ToLower makes a copy of each a byte at a time); nil when
// a name is not ASCII.
func lowerKeys(names []string) []string {
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b := make([]byte, n)
	at := 0
	for _, s := range names {
		at += copy(b[at:], s)
	}
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return nil
		}
		if c-'A' < 'Z'-'A'+1 {
			b[i] = c + ('a' - 'A')
		}
	}
	all := unsafe.String(unsafe.SliceData(b), len(b))
	keys := make([]string, len(names))
	at = 0
	for i, s := range names {
		keys[i] = all[at : at+len(s)]
		at += len(s)
	}
	return keys
}

// lowerInto is lowerKey(s) appended to b: in b's room, not a new string,
// when it fits there (a key to look a map up by, kept no longer).
func lowerInto(b []byte, s string) []byte {
	start := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:start], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// provide runs the providers not run yet that registered one of
// typeNames (all of them for nil), in the order they were registered.
func (r *Registry) provide(typeNames []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var run []*provider
	for _, p := range r.providers {
		if typeNames == nil || p.covers(typeNames) {
			run = append(run, p)
		}
	}
	for _, p := range run {
		r.building = p
		p.build(r)
		r.building = nil
		for _, t := range p.typeNames {
			k := lowerKey(t)
			kept := r.views[k][:0]
			for _, s := range r.views[k] {
				if s.p != p {
					kept = append(kept, s)
				}
			}
			if len(kept) == 0 {
				delete(r.views, k)
			} else {
				r.views[k] = kept
			}
		}
		for i, q := range r.providers {
			if q == p {
				r.providers = append(r.providers[:i:i], r.providers[i+1:]...)
				break
			}
		}
	}
}

// covers reports whether the provider registered one of typeNames.
func (p *provider) covers(typeNames []string) bool {
	for _, t := range typeNames {
		for _, pt := range p.typeNames {
			if strings.EqualFold(t, pt) {
				return true
			}
		}
	}
	return false
}

// Defer registers views the way add does, but only the first time a
// lookup (Lookup, a type's default properties) finds nothing among the
// views added so far: a session knows hundreds of views and most command
// lines use one or two. Deferred functions run in the order they were
// deferred, each once. A package whose views share a type name with
// views added directly must not be deferred: a view added directly would
// come first for that type whatever the order of registration.
func (r *Registry) Defer(add func(*Registry)) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.deferred = append(r.deferred, add)
}

// addDeferred runs the deferred functions; false when there were none.
func (r *Registry) addDeferred() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.deferred) == 0 {
		return false
	}
	for len(r.deferred) > 0 {
		add := r.deferred[0]
		r.deferred = r.deferred[1:]
		add(r)
	}
	r.deferred = nil
	return true
}

// Lookup returns the first view of the given kind (AutoView: any kind)
// for the first of typeNames that has one; name, when not empty, selects
// a view by name.
func (r *Registry) Lookup(typeNames []string, kind ViewKind, name string) *View {
	if r == nil {
		return nil
	}
	v, pending := r.lookup(typeNames, kind, name)
	if pending {
		r.provide(typeNames)
		v, _ = r.lookup(typeNames, kind, name)
	}
	if v != nil || !r.addDeferred() {
		return v
	}
	v, _ = r.lookup(typeNames, kind, name)
	return v
}

// lookup is Lookup among the views added so far; pending reports a
// provider not run yet whose views could come before the answer.
func (r *Registry) lookup(typeNames []string, kind ViewKind, name string) (v *View, pending bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var kb [128]byte
	for _, t := range typeNames {
		for _, s := range r.views[string(lowerInto(kb[:0], t))] {
			if s.p != nil {
				return nil, true
			}
			if kind != AutoView && s.v.Kind != kind {
				continue
			}
			if name != "" && !strings.EqualFold(s.v.Name, name) {
				continue
			}
			return s.v, false
		}
	}
	return nil, false
}

// TypeNames lists, sorted and in lower case, the type names that have a
// view or a default display property set, the provided and deferred ones
// included.
func (r *Registry) TypeNames() []string {
	if r == nil {
		return nil
	}
	r.provide(nil)
	r.addDeferred()
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []string
	for t := range r.views {
		out = append(out, t)
	}
	for t := range r.defaults {
		if _, ok := r.views[t]; !ok {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// DefaultProperties returns the DefaultDisplayPropertySet of a type (nil:
// none).
func (r *Registry) DefaultProperties(typeName string) []string {
	return r.defaultProperties([]string{typeName})
}

// defaultProperties returns the DefaultDisplayPropertySet for typeNames.
func (r *Registry) defaultProperties(typeNames []string) []string {
	if r == nil {
		return nil
	}
	d, pending := r.defaultPropertiesAdded(typeNames)
	if pending {
		r.provide(typeNames)
		d, _ = r.defaultPropertiesAdded(typeNames)
	}
	if d != nil || !r.addDeferred() {
		return d
	}
	d, _ = r.defaultPropertiesAdded(typeNames)
	return d
}

// defaultPropertiesAdded is defaultProperties among the sets made so
// far; pending reports a provider not run yet for one of typeNames.
func (r *Registry) defaultPropertiesAdded(typeNames []string) (props []string, pending bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var kb [128]byte
	for _, t := range typeNames {
		k := lowerInto(kb[:0], t)
		for _, s := range r.views[string(k)] {
			if s.p != nil {
				return nil, true
			}
		}
		if d, ok := r.defaults[string(k)]; ok {
			return d.props, false
		}
	}
	return nil, false
}

// historyDuration shows a HistoryInfo's Duration as PowerShell's history
// view does: s.fff under a minute, m:ss.fff under an hour, h:mm:ss.fff
// under ten hours, then whole hours:mm:ss.fff.
func historyDuration(v any) any {
	o, ok := unwrapBare(v).(*object.PSObject)
	if !ok {
		return ""
	}
	d, ok := o.Value("Duration").(object.TimeSpan)
	if !ok {
		return ""
	}
	ms := d.Milliseconds()
	switch {
	case d.TotalHours() >= 10:
		return fmt.Sprintf("%d:%02d:%02d.%03d", int(d.TotalHours()), d.Minutes(), d.Seconds(), ms)
	case d.TotalHours() >= 1:
		return fmt.Sprintf("%d:%02d:%02d.%03d", d.Hours(), d.Minutes(), d.Seconds(), ms)
	case d.TotalMinutes() >= 1:
		return fmt.Sprintf("%d:%02d.%03d", d.Minutes(), d.Seconds(), ms)
	}
	return fmt.Sprintf("%d.%03d", d.Seconds(), ms)
}
