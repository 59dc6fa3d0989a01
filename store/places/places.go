// Package places is the Microsoft Places metadata of room mailboxes
// (Get-/Set-Place): building, floor, labels, the devices in the room,
// accessibility, Teams Rooms, tags, geographic coordinates and the parent
// in the Places hierarchy.
//
// Only what belongs to the place alone is kept here. The facts the room
// shares with other cmdlets stay where those cmdlets keep them: its
// display name on the mailbox, its capacity as the mailbox's
// ResourceCapacity (Set-Mailbox), its address and telephone number on
// its account (Set-User). The tenant keeps a record only once a place
// value is set, and it goes with the mailbox.
package places

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Place is one room's Places metadata.
type Place struct {
	MailboxGuid string `json:"mailboxGuid"`
	Building    string `json:"building,omitempty"`
	// Floor is nil until set: a room on no floor shows none, not 0.
	Floor                  *int32   `json:"floor,omitempty"`
	FloorLabel             string   `json:"floorLabel,omitempty"`
	Label                  string   `json:"label,omitempty"`
	AudioDeviceName        string   `json:"audioDeviceName,omitempty"`
	VideoDeviceName        string   `json:"videoDeviceName,omitempty"`
	DisplayDeviceName      string   `json:"displayDeviceName,omitempty"`
	IsWheelChairAccessible bool     `json:"isWheelChairAccessible,omitempty"`
	MTREnabled             bool     `json:"mtrEnabled,omitempty"`
	Tags                   []string `json:"tags,omitempty"`
	// GeoCoordinates is "latitude;longitude" or
	// "latitude;longitude;altitude" (see ParseGeoCoordinates).
	GeoCoordinates string `json:"geoCoordinates,omitempty"`
	ParentID       string `json:"parentId,omitempty"`
}

var placeKind = &permailbox.Records[Place]{
	Kind:  store.DefineKind(store.KindSpec[Place]{Bucket: "places", Name: "place", Noun: "place", CreatedOnWrite: true}),
	Name:  "place",
	Owner: func(p *Place) *string { return &p.MailboxGuid },
}

// Register adds the places to s: their kind, the rule that a purged
// mailbox's place goes with it, and their check: a place belongs to a
// mailbox and holds valid coordinates. A place may belong to a mailbox
// that is no longer a room (Set-Mailbox -Type changed it): the values
// stay on the mailbox, as Exchange keeps them, and show again once it is
// a room again.
func Register(s *store.Schema) {
	placeKind.Register(s, "places", func(_ string, p *Place, _ *directory.Mailbox, report func(string)) {
		if p.GeoCoordinates != "" {
			if _, err := ParseGeoCoordinates(p.GeoCoordinates); err != nil {
				report(err.Error())
			}
		}
	})
}

// IsPlace reports whether the mailbox is one Places describes: a room
// mailbox (the only kind of place mailbox the simulator has).
func IsPlace(m *directory.Mailbox) bool {
	return m.RecipientTypeDetails == directory.RecipientRoomMailbox && !m.IsMailUser()
}

// Get returns the room's place (empty when none was ever set).
func Get(tx *store.Tx, m *directory.Mailbox) (*Place, error) {
	return placeKind.GetOr(tx, m.Guid, func() *Place { return &Place{MailboxGuid: strings.ToLower(m.Guid)} })
}

// Save stores the room's place; a place whose values are all unset is
// dropped instead of kept.
func Save(tx *store.Tx, m *directory.Mailbox, p *Place) error {
	if p.empty() {
		return placeKind.Drop(tx, m.Guid)
	}
	return placeKind.Save(tx, m, p, func(p *Place) error {
		if !IsPlace(m) {
			return &store.ValidationError{Field: "Identity", Message: m.Name + " isn't a room mailbox"}
		}
		if p.GeoCoordinates != "" {
			if _, err := ParseGeoCoordinates(p.GeoCoordinates); err != nil {
				return err
			}
		}
		return nil
	})
}

func (p *Place) empty() bool {
	return p.Building == "" && p.Floor == nil && p.FloorLabel == "" && p.Label == "" && p.AudioDeviceName == "" &&
		p.VideoDeviceName == "" && p.DisplayDeviceName == "" && !p.IsWheelChairAccessible && !p.MTREnabled &&
		len(p.Tags) == 0 && p.GeoCoordinates == "" && p.ParentID == ""
}

// ParseGeoCoordinates reads a location as Exchange's GeoCoordinates takes
// it: latitude and longitude, optionally altitude, separated by
// semicolons; each a decimal number with a period or a comma as its
// decimal separator; latitude within -90..90, longitude within -180..180.
// It returns the canonical form: the numbers as given with periods,
// joined by semicolons.
func ParseGeoCoordinates(s string) (string, error) {
	parts := strings.Split(strings.TrimSpace(s), ";")
	if len(parts) != 2 && len(parts) != 3 {
		return "", &store.ValidationError{Field: "GeoCoordinates", Message: fmt.Sprintf("The value \"%s\" isn't valid. Valid values are latitude;longitude or latitude;longitude;altitude.", s)}
	}
	limits := []float64{90, 180, 0}
	names := []string{"latitude", "longitude", "altitude"}
	for i, part := range parts {
		part = strings.ReplaceAll(strings.TrimSpace(part), ",", ".")
		v, err := strconv.ParseFloat(part, 64)
		if err != nil || !decimal(part) {
			return "", &store.ValidationError{Field: "GeoCoordinates", Message: fmt.Sprintf("The %s \"%s\" isn't a valid number.", names[i], strings.TrimSpace(parts[i]))}
		}
		if limits[i] > 0 && (v < -limits[i] || v > limits[i]) {
			return "", &store.ValidationError{Field: "GeoCoordinates", Message: fmt.Sprintf("The %s %s is out of range: it must be between -%g and %g.", names[i], part, limits[i], limits[i])}
		}
		parts[i] = part
	}
	return strings.Join(parts, ";"), nil
}

// decimal reports whether s is a plain decimal number: an optional sign,
// digits, at most one period (no exponent, no NaN or Infinity).
func decimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	digits, points := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}
