// Package places declares Get-Place and Set-Place, the Exchange Online
// cmdlets of the metadata Room Finder and Microsoft Places show for room
// mailboxes and room lists.
//
// A place object gathers values kept in three records: the room's own
// Places metadata (store/places: building, floor, labels, devices, tags,
// coordinates ...), its mailbox (display name, and the capacity, which is
// the mailbox's ResourceCapacity) and its account (the address and the
// telephone number Get-User shows). Set-Place writes each value where it
// is kept, in one transaction, so Get-Mailbox and Get-User show what
// Set-Place set and Get-Place shows what Set-Mailbox and Set-User set.
package places

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/user"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	pl "github.com/exosim/exosim/store/places"
)

// TypePlace is the output type of Get-Place.
const TypePlace = "Microsoft.Exchange.Management.RecipientTasks.Place"

// The kinds of place -Type takes and the Type property shows: room
// mailboxes, room lists, and workspaces (Space), of which the simulator
// has none (Set-Mailbox does not make a mailbox a workspace).
const (
	typeRoom     = "Room"
	typeRoomList = "RoomList"
	typeSpace    = "Space"
)

var placeTypes = []string{typeRoom, typeRoomList, typeSpace}

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one of their names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-Place", "Set-Place"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers Get-Place's table: a call without Format-List shows a
// summary of each place (its reference page shows the detail through
// Format-List).
func Views(r *format.Registry) {
	var cols []format.Column
	for _, p := range []string{"DisplayName", "Type", "Building", "Floor", "Capacity"} {
		cols = append(cols, format.Column{Label: p, Property: p})
	}
	r.Add(&format.View{Name: TypePlace, TypeNames: []string{TypePlace}, Kind: format.TableView, Columns: cols})
}

func commands() []*command.Command {
	get := exo.Declared("Get-Place")
	get.Synopsis = "Shows the Room Finder and Places metadata of room mailboxes and room lists."
	get.OutputType = TypePlace
	get.Examples = []command.Example{
		{Code: "Get-Place -Type Room | Where-Object {$_.City -eq 'Redmond'} | Format-Table DisplayName,Building,Floor,Capacity", Remark: "Lists the rooms of one city."},
		{Code: "Get-Place confroomadams | Format-List", Remark: "Shows every value of one room."},
	}
	exo.Describe(get, map[string]string{
		"Identity":   "The room mailbox or room list; every place when left out.",
		"Type":       "Room, RoomList or Space (workspaces): only places of that kind.",
		"ResultSize": "Most results to return (1000 by default), or Unlimited.",
	})
	get.Handler.Process = getPlace

	set := exo.Declared("Set-Place")
	set.Synopsis = "Sets the Room Finder and Places metadata of a room mailbox: location, devices, accessibility, tags."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-Place confroomadams -Building \"Building 2\" -Floor 3 -Capacity 12 -City Redmond -Tags Whiteboard,TV", Remark: "Places a room and describes it."},
	}
	exo.Describe(set, map[string]string{
		"Identity":               "The room mailbox.",
		"AudioDeviceName":        "The room's audio device ($null: none).",
		"Building":               "The building's name or number.",
		"Capacity":               "How many people the room seats: the mailbox's ResourceCapacity (0 or more).",
		"City":                   "The city: the room account's City (Get-User).",
		"CountryOrRegion":        "A two-letter ISO 3166-1 code or a country's name; Get-Place and Get-User show the name.",
		"DisplayDeviceName":      "The room's display device ($null: none).",
		"Floor":                  "The floor number (negative below ground).",
		"FloorLabel":             "A label for the floor.",
		"GeoCoordinates":         "latitude;longitude or latitude;longitude;altitude (a comma may be the decimal separator).",
		"IsWheelChairAccessible": "Whether the room is wheelchair accessible ($false until set).",
		"Label":                  "A label for the room (a number or a name).",
		"MTREnabled":             "Whether the room has a Microsoft Teams Rooms system ($false until set).",
		"ParentId":               "The ID (a GUID) of the room's parent in the Microsoft Places hierarchy.",
		"Phone":                  "The telephone number: the room account's Phone (Get-User).",
		"PostalCode":             "The postal code: the room account's PostalCode (Get-User).",
		"State":                  "The state or province: the room account's StateOrProvince (Get-User).",
		"Street":                 "The street address: the room account's StreetAddress (Get-User).",
		"Tags":                   "Features of the room; replaces the list ($null clears it).",
		"VideoDeviceName":        "The room's video device ($null: none).",
	})
	set.Handler.Process = setPlace
	return []*command.Command{get, set}
}

// found is what an identity of Get-Place or Set-Place names: a room
// mailbox (m) or a room list (g).
type found struct {
	m *directory.Mailbox
	g *groups.Group
}

// resolve finds the room or room list an identity names. A room list is
// looked for first (a room list is a group, which mailbox identities do
// not find); any other recipient is not a place, and the error is the
// service's object-not-found (missing is true then).
func resolve(ctx *command.Context, tx *store.Tx, id, shown string) (f found, missing bool, rec *object.ErrorRecord, err error) {
	f, rec, err = lookup(ctx, tx, id, shown)
	if rec != nil && rec.ExceptionFullType == notFoundType {
		missing = true
	}
	return f, missing, rec, err
}

// notFoundType is the exception of an identity that names nothing.
const notFoundType = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"

// lookup is resolve's search: a room list by its group identity, else a
// room mailbox by its mailbox identity.
func lookup(ctx *command.Context, tx *store.Tx, id, shown string) (found, *object.ErrorRecord, error) {
	gs, err := groups.Find(tx, id)
	if err != nil {
		return found{}, nil, err
	}
	var lists []*groups.Group
	for _, g := range gs {
		if g.RecipientTypeDetails == groups.TypeRoomList {
			lists = append(lists, g)
		}
	}
	if len(lists) > 1 {
		return found{}, exo.Ambiguous(ctx, shown), nil
	}
	if len(lists) == 1 {
		return found{g: lists[0]}, nil, nil
	}
	m, rec, err := mailbox.ResolveOne(ctx, tx, id, shown, directory.ScopeActive, false)
	if err != nil || rec != nil {
		return found{}, rec, err
	}
	if !pl.IsPlace(m) {
		return found{}, exo.NotFound(ctx, shown), nil
	}
	return found{m: m}, nil, nil
}

func getPlace(ctx *command.Context) error {
	kind := ""
	if ctx.Has("Type") {
		if rec := exo.EnumValue(ctx, "Type", ctx.String("Type"), "Microsoft.Exchange.Management.RecipientTasks.GetPlaceType", placeTypes, &kind); rec != nil {
			return ctx.Fail(rec)
		}
	}
	id, shown := mailbox.IdentityString(ctx.Value("Identity"))
	var out []*object.PSObject
	return mailbox.ReadLimited(ctx, &out, func(tx *store.Tx) (*object.ErrorRecord, error) {
		// an identity that names no place lists every place, as the
		// reference page says of Get-Place
		if strings.TrimSpace(id) != "" {
			f, missing, rec, err := resolve(ctx, tx, id, shown)
			if err != nil || (rec != nil && !missing) {
				return rec, err
			}
			if !missing {
				o, err := placeObject(tx, f)
				out = append(out, o)
				return nil, err
			}
		}
		var all []found
		if kind == "" || kind == typeRoom {
			err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
				if pl.IsPlace(m) && directory.ScopeActive.Includes(m) {
					all = append(all, found{m: m})
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if kind == "" || kind == typeRoomList {
			gs, err := groups.List(tx)
			if err != nil {
				return nil, err
			}
			for _, g := range gs {
				if g.RecipientTypeDetails == groups.TypeRoomList {
					all = append(all, found{g: g})
				}
			}
		}
		sort.SliceStable(all, func(i, j int) bool { return strings.ToLower(all[i].name()) < strings.ToLower(all[j].name()) })
		for _, f := range all {
			o, err := placeObject(tx, f)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return nil, nil
	})
}

func (f found) name() string {
	if f.g != nil {
		return f.g.Name
	}
	return f.m.Name
}

// placeObject is the Get-Place object of a room or a room list, its
// properties in the service's order. A room list has a name and a type;
// the room values are empty.
func placeObject(tx *store.Tx, f found) (*object.PSObject, error) {
	const str, boolean = "System.String", "System.Boolean"
	o := object.NewObject(TypePlace, "System.Object")
	p := &pl.Place{}
	var u *directory.User
	identity, display, kind := "", "", typeRoomList
	var capacity any
	if f.m != nil {
		var err error
		if p, err = pl.Get(tx, f.m); err != nil {
			return nil, err
		}
		if id := f.m.LinkedUserID(); id != "" {
			if u, err = directory.GetUser(tx, id); err != nil {
				u = nil
			}
		}
		identity, display, kind = f.m.Identity(), f.m.DisplayName, typeRoom
		capacity = Capacity(f.m)
	} else {
		identity, display = f.g.Name, f.g.DisplayName
	}
	text := func(get func(*directory.User) string) any {
		if u == nil {
			return nil
		}
		return exo.NilIfEmpty(get(u))
	}
	o.AddTyped("Identity", str, identity)
	o.AddTyped("DisplayName", str, display)
	o.AddTyped("Type", "Microsoft.Exchange.Data.Directory.Management.PlaceType", kind)
	o.AddTyped("Street", str, text(func(u *directory.User) string { return exo.AccountText(u, exo.UserStreetAddress) }))
	o.AddTyped("City", str, text(func(u *directory.User) string { return u.City }))
	o.AddTyped("State", str, text(func(u *directory.User) string { return exo.AccountText(u, exo.UserStateOrProvince) }))
	o.AddTyped("PostalCode", str, text(func(u *directory.User) string { return exo.AccountText(u, exo.UserPostalCode) }))
	o.AddTyped("CountryOrRegion", str, text(func(u *directory.User) string { return u.Country }))
	o.AddTyped("GeoCoordinates", str, exo.NilIfEmpty(p.GeoCoordinates))
	o.AddTyped("IsManaged", boolean, false)
	o.AddTyped("BookingType", "Microsoft.Exchange.Data.Directory.Management.BookingType", "Standard")
	o.AddTyped("Phone", str, text(func(u *directory.User) string { return exo.AccountText(u, exo.UserPhone) }))
	o.AddTyped("Capacity", "System.Nullable`1[[System.Int32]]", capacity)
	o.AddTyped("Building", str, exo.NilIfEmpty(p.Building))
	o.AddTyped("Label", str, exo.NilIfEmpty(p.Label))
	o.AddTyped("AudioDeviceName", str, exo.NilIfEmpty(p.AudioDeviceName))
	o.AddTyped("VideoDeviceName", str, exo.NilIfEmpty(p.VideoDeviceName))
	o.AddTyped("DisplayDeviceName", str, exo.NilIfEmpty(p.DisplayDeviceName))
	o.AddTyped("IsWheelChairAccessible", boolean, p.IsWheelChairAccessible)
	o.AddTyped("MTREnabled", boolean, p.MTREnabled)
	var floor any
	if p.Floor != nil {
		floor = *p.Floor
	}
	o.AddTyped("Floor", "System.Nullable`1[[System.Int32]]", floor)
	o.AddTyped("FloorLabel", str, exo.NilIfEmpty(p.FloorLabel))
	tags := make([]any, len(p.Tags))
	for i, t := range p.Tags {
		tags[i] = t
	}
	o.AddTyped("Tags", "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", &object.List{Items: tags})
	o.AddTyped("ParentId", str, exo.NilIfEmpty(p.ParentID))
	o.AddTyped("IsValid", boolean, true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	o.ToStringFunc = func() string { return identity }
	return o, nil
}

// capacityParam is the mailbox property that holds a room's capacity:
// Set-Mailbox -ResourceCapacity and Set-Place -Capacity set it.
const capacityParam = "ResourceCapacity"

// Capacity returns the room's capacity as Get-Mailbox shows
// ResourceCapacity: an int32, or nil when never set.
func Capacity(m *directory.Mailbox) any {
	raw, ok := m.Extra[capacityParam]
	if !ok {
		return nil
	}
	var n *int64
	if store.DecodeExtra(raw, &n) != nil || n == nil {
		return nil
	}
	return int32(*n)
}

// placeTexts are the Set-Place parameters kept in the place record, with
// the field each sets.
func placeTexts(p *pl.Place) []struct {
	name  string
	field *string
} {
	return []struct {
		name  string
		field *string
	}{
		{"Building", &p.Building}, {"FloorLabel", &p.FloorLabel}, {"Label", &p.Label},
		{"AudioDeviceName", &p.AudioDeviceName}, {"VideoDeviceName", &p.VideoDeviceName},
		{"DisplayDeviceName", &p.DisplayDeviceName},
	}
}

// plan is a validated Set-Place change: the copies of the records it
// writes and whether anything differs from what is stored.
type plan struct {
	m       *directory.Mailbox
	u       *directory.User
	p       *pl.Place
	changed bool
}

func setPlace(ctx *command.Context) error {
	id, shown := mailbox.IdentityString(ctx.Value("Identity"))
	var pn *plan
	target := shown
	done, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		f, _, rec, err := resolve(ctx, tx, id, shown)
		if err != nil || rec != nil {
			return rec, err
		}
		if f.g != nil {
			return exo.InvalidOperation(ctx, fmt.Sprintf("'%s' is a room list. Set-Place changes room mailboxes; set the location of the rooms in the list.", f.g.Name), shown), nil
		}
		target = f.m.Identity()
		pn, rec, err = planPlace(ctx, tx, f.m)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting place Identity:\"%s\".", target), target
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if !pn.changed {
			return nil, nil
		}
		if err := directory.PutMailbox(tx, pn.m); err != nil {
			return nil, err
		}
		if pn.u != nil {
			if err := directory.PutUser(tx, pn.u); err != nil {
				return nil, err
			}
		}
		return nil, pl.Save(tx, pn.m, pn.p)
	})
	if err == nil && done && !pn.changed {
		exo.WarnUnchanged(ctx, target)
	}
	return err
}

// planPlace validates the call's values against the room and returns
// the changed copies of its mailbox, account and place. Nothing is
// written.
func planPlace(ctx *command.Context, tx *store.Tx, orig *directory.Mailbox) (*plan, *object.ErrorRecord, error) {
	m := *orig
	m.Extra = map[string]store.RawValue{}
	for k, v := range orig.Extra {
		m.Extra[k] = v
	}
	stored, err := pl.Get(tx, orig)
	if err != nil {
		return nil, nil, err
	}
	p := *stored
	p.Tags = append([]string(nil), stored.Tags...)
	pn := &plan{m: &m, p: &p}

	if ctx.Has("Capacity") {
		n := ctx.Int("Capacity")
		if n < 0 {
			return nil, exo.OutOfRange(ctx, 0, math.MaxInt32, n), nil
		}
		if old := Capacity(orig); old == nil || old.(int32) != int32(n) {
			raw, err := store.EncodeExtra(n)
			if err != nil {
				return nil, nil, err
			}
			m.Extra[capacityParam] = raw
			pn.changed = true
		}
	}

	for _, t := range placeTexts(&p) {
		if ctx.Has(t.name) {
			v := strings.TrimSpace(ctx.String(t.name))
			if v != *t.field {
				*t.field, pn.changed = v, true
			}
		}
	}
	for _, b := range []struct {
		name  string
		field *bool
	}{{"IsWheelChairAccessible", &p.IsWheelChairAccessible}, {"MTREnabled", &p.MTREnabled}} {
		if ctx.Has(b.name) && ctx.Bool(b.name) != *b.field {
			*b.field, pn.changed = ctx.Bool(b.name), true
		}
	}
	if ctx.Has("Floor") {
		n := int32(ctx.Int("Floor"))
		if p.Floor == nil || *p.Floor != n {
			p.Floor, pn.changed = &n, true
		}
	}
	if ctx.Has("Tags") {
		tags := uniqueTags(ctx.Strings("Tags"))
		if !sameStrings(tags, p.Tags) {
			p.Tags, pn.changed = tags, true
		}
	}
	if ctx.Has("GeoCoordinates") {
		geo := ""
		if s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("GeoCoordinates")))); s != "" && object.Unwrap(ctx.Value("GeoCoordinates")) != nil {
			canon, err := pl.ParseGeoCoordinates(s)
			if err != nil {
				return nil, conversionError(ctx, "GeoCoordinates", s, "Microsoft.Exchange.Data.GeoCoordinates", validationText(err)), nil
			}
			geo = canon
		}
		if geo != p.GeoCoordinates {
			p.GeoCoordinates, pn.changed = geo, true
		}
	}
	if ctx.Has("ParentId") {
		v := strings.TrimSpace(ctx.String("ParentId"))
		if v != "" {
			g, ok := object.ParseGuid(v)
			if !ok {
				return nil, exo.Invalid(ctx, fmt.Sprintf("The value \"%s\" of ParentId isn't valid: it must be the ID (a GUID) of a place in the Microsoft Places hierarchy.", v), v), nil
			}
			v = g.String()
		}
		if v != p.ParentID {
			p.ParentID, pn.changed = v, true
		}
	}

	rec, err := planAccount(ctx, tx, pn)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	return pn, nil, nil
}

// addressParams are Set-Place's names of the address parameters, which
// set the room account's attributes Set-User sets.
var addressParams = user.AddressParams{City: "City", Country: "CountryOrRegion", Street: "Street", State: "State",
	PostalCode: "PostalCode", Phone: "Phone"}

// planAccount applies the address and telephone values to a copy of the
// room's account (pn.u stays nil when the call changes none of them).
func planAccount(ctx *command.Context, tx *store.Tx, pn *plan) (*object.ErrorRecord, error) {
	if !addressParams.Has(ctx) {
		return nil, nil
	}
	id := pn.m.LinkedUserID()
	if id == "" {
		return exo.InvalidOperation(ctx, fmt.Sprintf("The room mailbox '%s' has no account to keep its address on.", pn.m.Identity()), pn.m.Identity()), nil
	}
	orig, err := directory.GetUser(tx, id)
	if err != nil {
		return nil, err
	}
	u := *orig
	changed, rec, err := user.ApplyAddress(ctx, &u, addressParams)
	if err != nil || rec != nil {
		return rec, err
	}
	if changed {
		pn.u, pn.changed = &u, true
	}
	return nil, nil
}

// conversionError is the binding error of a value its parameter's type
// does not take.
func conversionError(ctx *command.Context, param, value, typ, why string) *object.ErrorRecord {
	return exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
		fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", param, value, typ, why),
		object.InvalidArgument, value)
}

// validationText is a store validation error's message without its
// field name.
func validationText(err error) string {
	if v, ok := err.(*store.ValidationError); ok {
		return v.Message
	}
	return err.Error()
}

// uniqueTags returns the tags as the room keeps them: trimmed, empty ones
// left out, each once (the first spelling kept, compared without regard
// to case), in the order given.
func uniqueTags(in []string) []string {
	var out []string
	for _, t := range in {
		t = strings.TrimSpace(t)
		if t != "" && !exo.ContainsFold(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
