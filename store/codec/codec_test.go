package codec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"

	"github.com/exosim/exosim/store/codec"
)

type plain struct {
	Name  string    `json:"name"`
	Count int       `json:"count,omitempty"`
	When  time.Time `json:"when"`
	Tags  []string  `json:"tags,omitempty"`
}

// numbered has numbered cbor keys; textKeyed is the same record as it was
// written before it had them.
type numbered struct {
	Name string `json:"name" cbor:"1,keyasint,omitempty"`
	Size int    `json:"size" cbor:"2,keyasint,omitempty"`
}

// derived leaves Upper out of its stored form: it follows from Name.
type derived struct {
	Name  string `json:"name"`
	Upper string `json:"upper,omitempty"`
}

func (d *derived) StoredForm() any { c := *d; c.Upper = ""; return &c }
func (d *derived) RestoreForm()    { d.Upper = strings.ToUpper(d.Name) }

// own is stored in a binary form of its own: the bytes of its name.
type own struct{ Name string }

func (o *own) MarshalRecord() ([]byte, error) { return []byte(o.Name), nil }
func (o *own) UnmarshalRecord(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty form")
	}
	o.Name = string(b)
	return nil
}

func TestForms(t *testing.T) {
	t.Parallel()
	when := time.Date(2026, 3, 4, 5, 6, 7, 8, time.UTC)
	p := &plain{Name: "a", Count: 2, When: when, Tags: []string{"x"}}
	raw, err := codec.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := codec.Encode(&plain{Name: "a", Count: 2, When: when, Tags: []string{"x"}})
	if !bytes.Equal(raw, again) {
		t.Errorf("encoding is not deterministic: % x, % x", raw, again)
	}
	if codec.IsJSON(raw) || codec.IsBinary(raw) || raw[0]>>5 != 5 {
		t.Errorf("a record is not a CBOR map: % x", raw)
	}
	var back plain
	if err := codec.Decode(raw, &back); err != nil || back.Name != "a" || back.Count != 2 || !back.When.Equal(when) || back.When.Location() != time.UTC {
		t.Errorf("Decode = %+v, %v", back, err)
	}

	// a record of the first schema versions is JSON and still decodes
	var old plain
	if err := codec.Decode([]byte(`{"name":"j","count":3}`), &old); err != nil || old.Name != "j" || old.Count != 3 {
		t.Errorf("Decode(JSON) = %+v, %v", old, err)
	}

	o := &own{Name: "box"}
	raw, err = codec.Encode(o)
	if err != nil || !codec.IsBinary(raw) || string(raw[1:]) != "box" {
		t.Fatalf("Encode(BinaryRecord) = % x, %v", raw, err)
	}
	var ob own
	if err := codec.Decode(raw, &ob); err != nil || ob.Name != "box" {
		t.Errorf("Decode(binary) = %+v, %v", ob, err)
	}
	if err := codec.Decode(raw, &plain{}); err == nil {
		t.Error("a binary form decoded into a type without one")
	}
	if err := codec.Decode([]byte{raw[0]}, &own{}); err == nil {
		t.Error("an unreadable binary form gave no error")
	}

	d := &derived{Name: "abc", Upper: "ABC"}
	raw, err = codec.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("ABC")) {
		t.Errorf("the stored form keeps the derived value: % x", raw)
	}
	var stored derived
	if err := codec.DecodeStored(raw, &stored); err != nil || stored.Upper != "" {
		t.Errorf("DecodeStored = %+v, %v", stored, err)
	}
	codec.RestoreStored(raw, &stored)
	var full derived
	if err := codec.Decode(raw, &full); err != nil || full != *d || stored != *d {
		t.Errorf("Decode = %+v, restored %+v, %v; want %+v", full, stored, err, *d)
	}
}

func TestJSONForms(t *testing.T) {
	t.Parallel()
	raw, err := codec.Encode(&plain{Name: "n", Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	j, err := codec.ToJSON(raw, new(plain))
	want, _ := json.Marshal(&plain{Name: "n", Count: 1})
	if err != nil || !bytes.Equal(j, want) {
		t.Errorf("ToJSON = %s, %v; want %s", j, err, want)
	}
	if j, err := codec.ToJSON([]byte("{ \"name\" : \"x\" }"), new(plain)); err != nil || string(j) != `{"name":"x"}` {
		t.Errorf("ToJSON(JSON record) = %s, %v", j, err)
	}
	back, err := codec.FromJSON(want, new(plain))
	if err != nil || !bytes.Equal(back, raw) {
		t.Errorf("FromJSON = % x, %v; want % x", back, err, raw)
	}
	if _, err := codec.FromJSON(json.RawMessage(`{"count":"many"}`), new(plain)); err == nil {
		t.Error("FromJSON took a value of the wrong type")
	}
	tr, err := codec.Transcode([]byte(`{"name":"n","count":1}`), new(plain))
	if err != nil || !bytes.Equal(tr, raw) {
		t.Errorf("Transcode = % x, %v; want % x", tr, err, raw)
	}
	if tr, err := codec.Transcode(raw, new(plain)); err != nil || !bytes.Equal(tr, raw) {
		t.Errorf("Transcode(stored) = % x, %v", tr, err)
	}
	if _, err := codec.Transcode([]byte(`{"name":`), new(plain)); err == nil || !strings.HasPrefix(err.Error(), "decode JSON record") {
		t.Errorf("Transcode(bad JSON) = %v", err)
	}
	x, err := codec.EncodeExtra([]string{"a"})
	var got []string
	if err != nil || codec.DecodeExtra(x, &got) != nil || len(got) != 1 || got[0] != "a" {
		t.Errorf("Extra round trip = %s, %v, %v", x, got, err)
	}
}

func TestTextKeyed(t *testing.T) {
	t.Parallel()
	// written by the json field names, before numbered keys
	legacy, err := cbor.Marshal(map[string]any{"name": "m", "size": 7})
	if err != nil {
		t.Fatal(err)
	}
	current, err := codec.Encode(&numbered{Name: "m", Size: 7})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		raw  []byte
		want bool
	}{{legacy, true}, {current, false}, {nil, false}, {[]byte(`{"name":"m"}`), false}, {[]byte{0xa0}, false}} {
		if got := codec.IsTextKeyedMap(c.raw); got != c.want {
			t.Errorf("IsTextKeyedMap(% x) = %v, want %v", c.raw, got, c.want)
		}
	}
	var v numbered
	if err := codec.DecodeTextKeyed(legacy, &v); err != nil || v != (numbered{"m", 7}) {
		t.Errorf("DecodeTextKeyed = %+v, %v", v, err)
	}
	var w numbered
	if err := codec.DecMode().Unmarshal(current, &w); err != nil || w != (numbered{"m", 7}) {
		t.Errorf("DecMode().Unmarshal = %+v, %v", w, err)
	}
}
