package fastdecode_test

import (
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/fastdecode"
)

// group is a record with a list of text, as role groups keep members.
type group struct {
	Name    string   `json:"name"`
	Members []string `json:"members"`
	Roles   []string `json:"roles"`
}

// TextsHold answers what decoding the record and looking through the list
// answers, on records the store writes, and gives up (ok false) on every
// form where reading the list alone could disagree with the general
// decoder: a duplicated key, the key in another case, a value of another
// type, indefinite lengths, JSON and binary records, damaged records.
func TestTextsHold(t *testing.T) {
	t.Parallel()
	enc := func(v any) []byte {
		t.Helper()
		b, err := cbor.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	stored := func(g group) []byte {
		t.Helper()
		b, err := codec.Encode(&g)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	full := stored(group{Name: "g", Members: []string{"a1", "B2", ""}, Roles: []string{"x", "members"}})
	readable := map[string][]byte{
		"stored":        full,
		"no members":    stored(group{Name: "g", Roles: []string{"a1"}}),
		"empty members": stored(group{Name: "g", Members: []string{}}),
		"null members":  enc(map[string]any{"name": "g", "members": nil}),
		"numbered keys": enc(map[any]any{1: "a1", "members": []string{"b2"}, 7: []any{map[string]any{"a1": 1}}}),
		"nested others": enc(map[string]any{"other": map[string]any{"members": []string{"a1"}}, "members": []string{"c3"}, "t": cbor.Tag{Number: 1, Content: 5}}),
	}
	unreadable := map[string][]byte{
		"duplicate key":   {0xa2, 0x67, 'm', 'e', 'm', 'b', 'e', 'r', 's', 0x80, 0x67, 'm', 'e', 'm', 'b', 'e', 'r', 's', 0x81, 0x62, 'a', '1'},
		"other case":      enc(map[string]any{"Members": []string{"a1"}}),
		"not text":        enc(map[string]any{"members": []any{"a1", 5}}),
		"not an array":    enc(map[string]any{"members": "a1"}),
		"indefinite":      {0xa1, 0x67, 'm', 'e', 'm', 'b', 'e', 'r', 's', 0x9f, 0x62, 'a', '1', 0xff},
		"tagged text":     enc(map[string]any{"members": []any{cbor.Tag{Number: 32, Content: "a1"}}}),
		"json":            []byte(`{"members":["a1"]}`),
		"binary":          {0x01, 0xa1},
		"truncated":       full[:len(full)-3],
		"trailing":        append(append([]byte(nil), full...), 0),
		"byte string key": {0xa1, 0x41, 'm', 0x01},
		"not a map":       enc([]string{"members"}),
		"empty":           nil,
	}
	ids := []string{"a1", "b2", "c3", "zz", "", "members", "x"}
	for name, raw := range readable {
		var g group
		if err := codec.Decode(raw, &g); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, id := range ids {
			want := false
			for _, m := range g.Members {
				want = want || strings.EqualFold(m, id)
			}
			held, ok := fastdecode.TextsHold(raw, "members", func(m string) bool { return strings.EqualFold(m, id) })
			if !ok || held != want {
				t.Errorf("%s: TextsHold(%q) = %v, %v; the decoded record says %v", name, id, held, ok, want)
			}
		}
	}
	for name, raw := range unreadable {
		if held, ok := fastdecode.TextsHold(raw, "members", func(string) bool { return true }); ok {
			t.Errorf("%s: TextsHold = %v, true; want a refusal", name, held)
		}
	}
	// match is asked until it accepts a text, and gets each as it is.
	var asked []string
	held, ok := fastdecode.TextsHold(full, "members", func(m string) bool { asked = append(asked, m); return m == "B2" })
	if !held || !ok || strings.Join(asked, ",") != "a1,B2" {
		t.Errorf("TextsHold asked %q, = %v, %v", asked, held, ok)
	}
}
