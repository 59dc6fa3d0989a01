package places_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/places"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// GeoCoordinates takes latitude;longitude[;altitude], periods or commas
// as decimal separators, within range, and keeps the canonical form.
func TestParseGeoCoordinates(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"47.644125;-122.122411", "47.644125;-122.122411"},
		{" 47,644125 ; -122,122411 ; 161,432 ", "47.644125;-122.122411;161.432"},
		{"-90;180", "-90;180"},
		{"0;0;-12", "0;0;-12"},
		{"90.1;0", ""},
		{"0;-180.5", ""},
		{"47.6", ""},
		{"1;2;3;4", ""},
		{"NaN;0", ""},
		{"1e3;0", ""},
		{"1.2.3;0", ""},
		{";0", ""},
	} {
		got, err := places.ParseGeoCoordinates(c.in)
		if c.want == "" {
			if err == nil {
				t.Errorf("ParseGeoCoordinates(%q) = %q, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseGeoCoordinates(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// A room's place is kept once set, dropped when every value is unset,
// refused for a mailbox that is not a room, and goes with its mailbox.
func TestPlaceLifecycle(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		room := storetest.Mailbox(t, tx, seed.RoomAlias)
		p, err := places.Get(tx, room)
		storetest.Must(t, err)
		if p.Building != "" || p.Floor != nil {
			t.Fatalf("a room nobody described has a place: %+v", p)
		}
		floor := int32(-2)
		p.Building, p.Floor = "B1", &floor
		storetest.Must(t, places.Save(tx, room, p))
		got, err := places.Get(tx, room)
		storetest.Must(t, err)
		if got.Building != "B1" || got.Floor == nil || *got.Floor != -2 {
			t.Fatalf("saved place reads back as %+v", got)
		}
		if err := places.Save(tx, storetest.Mailbox(t, tx, "annb"), &places.Place{Building: "X"}); err == nil {
			t.Fatal("a user mailbox took a place")
		}
		if err := places.Save(tx, room, &places.Place{GeoCoordinates: "91;0"}); err == nil {
			t.Fatal("a place took a latitude of 91")
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Fatalf("findings: %s", f)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		room := storetest.Mailbox(t, tx, seed.RoomAlias)
		_, err := directory.RemoveMailbox(tx, room.Guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, room.Guid))
		n := 0
		storetest.Must(t, store.DefineKind(store.KindSpec[places.Place]{Bucket: "places", Name: "place"}).ForEach(tx, "", func(string, *places.Place) error { n++; return nil }))
		if n != 0 {
			t.Fatalf("%d places left after the room was purged", n)
		}
	})
}
