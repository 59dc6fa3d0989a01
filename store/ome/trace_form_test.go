package ome_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// TestTraceStoredForm checks that trace rows decode to exactly what was
// encoded, whether their event details are the usual ones (left out of
// the stored row) or not.
func TestTraceStoredForm(t *testing.T) {
	t.Parallel()
	m := &ome.Message{
		MessageID: "<a@b>", MessageTraceID: "557d2b37-ed45-4a78-ab2b-f16473ef634f", Subject: "Hi", Sender: "annb@contoso.com",
		Recipients: []ome.MessageRecipient{
			{Address: "alexw@contoso.com", IdentityType: directory.IdentityInternal},
			{Address: "partner@fabrikam.com", IdentityType: "Other"},
		},
		SentTime: time.Date(2024, 3, 1, 8, 50, 0, 0, time.UTC), Size: 2048, FromIP: "40.107.23.141",
	}
	rows := ome.TraceRows(m)
	changed := *rows[0]
	changed.Events = append([]ome.TraceEvent(nil), rows[0].Events...)
	changed.Events[0].Detail = "Message received by: another server"
	noEvents := *rows[0]
	noEvents.Events = []ome.TraceEvent{}
	for _, tc := range []struct {
		name    string
		row     *ome.TraceRecord
		smaller bool
	}{
		{"internal", rows[0], true},
		{"external", rows[1], true},
		{"changed detail", &changed, true},
		{"no events", &noEvents, false},
	} {
		raw, err := store.EncodeRecord(tc.row)
		if err != nil {
			t.Fatal(err)
		}
		var got ome.TraceRecord
		if err := ome.Traces.Decode(raw, &got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(&got, tc.row) {
			t.Errorf("%s: decoded\n %+v\nwant\n %+v", tc.name, &got, tc.row)
		}
		full, err := cbor.Marshal(tc.row) // every detail spelled out
		if err != nil {
			t.Fatal(err)
		}
		if smaller := len(raw) < len(full); smaller != tc.smaller {
			t.Errorf("%s: stored %d bytes, %d in full; want smaller %v", tc.name, len(raw), len(full), tc.smaller)
		}
	}
	if rows[0].Events[0].Detail == "" || changed.Events[0].Detail == rows[0].Events[0].Detail {
		t.Fatal("the rows have no usual details to leave out")
	}
}
