// Package format turns pipeline values into lines of text the way
// PowerShell 7.4's formatting and output system does: default views,
// Format-Table, Format-List, Out-String widths, error records, -WhatIf and
// -Confirm texts.
package format

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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
	// order (each slot's order); a provider not run yet (Provide) keeps
	// its type names itself.
	views    map[string]*[]slot
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

// slot is one entry of a type's views: the view and its place in the
// order of registrations, twice the sequence number of the provider
// that added it, or one more than twice the sequence number current when
// it was added directly (after the registrations before it, before the
// views of any provider registered later).
type slot struct {
	v     *View
	order int
}

// provider is a registration of Provide.
type provider struct {
	build     func(*Registry)
	typeNames []string
	seq       int
	// ascii is set when every one of typeNames is ASCII (a name then
	// matches one of them by its length and ASCII letters alone).
	ascii bool
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
	r := &Registry{}
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
	"Microsoft.PowerShell.Commands.GroupInfoNoElement",
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
		Name:      "GroupInfoNoElement",
		TypeNames: []string{"Microsoft.PowerShell.Commands.GroupInfoNoElement"},
		Kind:      TableView,
		Columns: []Column{
			{Label: "Count", Width: 5, Align: AlignRight, Property: "Count"},
			{Label: "Name", Width: 25, Property: "Name"},
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
	// Format-List of a group: Name, Count, Group, Values (no Group
	// without elements)
	r.Add(&View{
		Name:      "GroupInfoNoElement",
		TypeNames: []string{"Microsoft.PowerShell.Commands.GroupInfoNoElement"},
		Kind:      ListView,
		Items:     []ListItem{{Property: "Name"}, {Property: "Count"}, {Property: "Values"}},
	})
	r.Add(&View{
		Name:      "GroupInfo",
		TypeNames: []string{"Microsoft.PowerShell.Commands.GroupInfo"},
		Kind:      ListView,
		Items:     []ListItem{{Property: "Name"}, {Property: "Count"}, {Property: "Group"}, {Property: "Values"}},
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
	if r.views == nil {
		r.views = map[string]*[]slot{}
	}
	var kb [128]byte
	for _, t := range v.TypeNames {
		k, ascii := lowerInto(kb[:0], t)
		views := r.views[string(k)]
		if views == nil {
			views = new([]slot)
			r.views[string(k)] = views
		}
		list := *views
		at, order := len(list), 2*r.seq+1
		if p := r.building; p != nil && p.names(t, ascii) {
			// after the provider's views so far, before the views
			// added after its registration
			order = 2 * p.seq
			for at > 0 && list[at-1].order > order {
				at--
			}
		}
		list = append(list, slot{})
		copy(list[at+1:], list[at:])
		list[at] = slot{v: v, order: order}
		*views = list
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
	k := strings.ToLower(typeName)
	if d, ok := r.defaults[k]; ok && d.seq > seq {
		return // set after the running provider's registration
	}
	if r.defaults == nil {
		r.defaults = map[string]defaultSet{}
	}
	r.defaults[k] = defaultSet{props: append([]string(nil), props...), seq: seq}
}

// Provide registers views the way add does for the given type names
// (and only for them), but runs add only the first time a lookup or a
// type's default properties ask for one of them: a session knows
// hundreds of views and a command line formats one or two types. The
// views take the place of the registration: those added before it come
// first for a type, those added after it after. Registering keeps the
// names as they are: a lookup compares its names with those of the
// providers not run yet.
func (r *Registry) Provide(add func(*Registry), typeNames ...string) {
	if r == nil {
		return
	}
	r.seq++
	ascii := true
	for _, t := range typeNames {
		ascii = ascii && object.IsASCII(t)
	}
	r.providers = append(r.providers, &provider{build: add, typeNames: typeNames, seq: r.seq, ascii: ascii})
}

// names reports whether the provider registered type name t (whose
// ASCII-ness is tASCII), compared as the lower-case keys of views are.
func (p *provider) names(t string, tASCII bool) bool {
	for _, pt := range p.typeNames {
		if p.ascii && tASCII {
			if len(pt) == len(t) && (pt == t || strings.EqualFold(pt, t)) {
				return true
			}
		} else if strings.ToLower(pt) == strings.ToLower(t) {
			return true
		}
	}
	return false
}

// pendingSeq is the sequence number of the first provider not run yet
// that registered type name t, 0 when there is none.
func (r *Registry) pendingSeq(t string, tASCII bool) int {
	for _, p := range r.providers {
		if p.names(t, tASCII) {
			return p.seq
		}
	}
	return 0
}

// lowerInto is strings.ToLower(s) appended to b: in b's room, not a new
// string, when it fits there (a key to look a map up by), in one pass for
// an ASCII s (ascii).
func lowerInto(b []byte, s string) (lower []byte, ascii bool) {
	start := len(b)
	b = append(b, s...)
	d := b[start:]
	i := 0
	for ; i+8 <= len(d); i += 8 {
		// eight bytes at a time: none may have its top bit set; adding
		// 0x3f to a byte sets it from 'A' up, adding 0x25 from past 'Z'
		// (no sum carries into the next byte), and the letters gain
		// their 0x20
		x := binary.LittleEndian.Uint64(d[i:])
		if x&0x8080808080808080 != 0 {
			return append(b[:start], strings.ToLower(s)...), false
		}
		upper := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & 0x8080808080808080
		binary.LittleEndian.PutUint64(d[i:], x|upper>>2)
	}
	for ; i < len(d); i++ {
		c := d[i]
		if c >= utf8.RuneSelf {
			return append(b[:start], strings.ToLower(s)...), false
		}
		if 'A' <= c && c <= 'Z' {
			d[i] = c + 'a' - 'A'
		}
	}
	return b, true
}

// provide runs the providers not run yet that registered one of
// typeNames (all of them for nil), in the order they were registered.
func (r *Registry) provide(typeNames []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var run []*provider
	ascii := true
	for _, t := range typeNames {
		ascii = ascii && object.IsASCII(t)
	}
	for _, p := range r.providers {
		if typeNames == nil || p.covers(typeNames, ascii) {
			run = append(run, p)
		}
	}
	for _, p := range run {
		r.building = p
		p.build(r)
		r.building = nil
		for i, q := range r.providers {
			if q == p {
				r.providers = append(r.providers[:i:i], r.providers[i+1:]...)
				break
			}
		}
	}
}

// covers reports whether the provider registered one of typeNames
// (ascii: all of them ASCII).
func (p *provider) covers(typeNames []string, ascii bool) bool {
	for _, t := range typeNames {
		if p.names(t, ascii || object.IsASCII(t)) {
			return true
		}
	}
	return false
}

// Defer registers views the way each of adds does, but only the first
// time a lookup (Lookup, a type's default properties) finds nothing among
// the views added so far: a session knows hundreds of views and most
// command lines use one or two. Deferred functions run in the order they
// were deferred, each once. A package whose views share a type name with
// views added directly must not be deferred: a view added directly would
// come first for that type whatever the order of registration. A session
// defers the views of all its packages in one call: the list grows once,
// not a package at a time.
func (r *Registry) Defer(adds ...func(*Registry)) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.deferred = append(r.deferred, adds...)
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
		// a provider not run yet comes before the views added after it
		k, ascii := lowerInto(kb[:0], t)
		pending := r.pendingSeq(t, ascii)
		var list []slot
		if views := r.views[string(k)]; views != nil {
			list = *views
		}
		for _, s := range list {
			if pending != 0 && s.order > 2*pending {
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
		if pending != 0 {
			return nil, true
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
		k, ascii := lowerInto(kb[:0], t)
		if r.pendingSeq(t, ascii) != 0 {
			return nil, true
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
