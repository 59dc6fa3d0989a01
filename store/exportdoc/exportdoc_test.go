package exportdoc_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store/exportdoc"
)

var meta = exportdoc.Meta{Initialized: true, Seed: "contoso", Clock: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), IDSeed: "s", IDCounter: 7, TimerSeq: 2}

const metaText = `{
    "initialized": true,
    "seed": "contoso",
    "clock": "2026-01-02T03:04:05Z",
    "idSeed": "s",
    "idCounter": 7,
    "timerSeq": 2
  }`

type bucket struct {
	name    string
	entries []exportdoc.Entry
}

func write(t *testing.T, buckets []bucket) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := exportdoc.NewWriter(&buf, 8, meta)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range buckets {
		w.Bucket(b.name)
		for _, e := range b.entries {
			if err := w.Entry(e.Key, e.Value); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriter(t *testing.T) {
	t.Parallel()
	head := "{\n  \"format\": \"exosim-tenant\",\n  \"schemaVersion\": 8,\n  \"meta\": " + metaText + ",\n  \"buckets\": {"
	for _, c := range []struct {
		name    string
		buckets []bucket
		want    string
	}{
		{"no buckets", nil, head + "}\n}\n"},
		{"an empty bucket", []bucket{{name: "users"}}, head + "\n    \"users\": []\n  }\n}\n"},
		{"two buckets", []bucket{
			{"mailboxes", []exportdoc.Entry{{Key: "a", Value: json.RawMessage(`{"n":1}`)}, {Key: "b", Value: json.RawMessage(`2`)}}},
			{"users", nil},
		}, head + `
    "mailboxes": [
      {
        "key": "a",
        "value": {
          "n": 1
        }
      },
      {
        "key": "b",
        "value": 2
      }
    ],
    "users": []
  }
}
`},
	} {
		if got := write(t, c.buckets); got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	var buf bytes.Buffer
	w, _ := exportdoc.NewWriter(&buf, 8, meta)
	w.Bucket("b")
	if err := w.Entry("k", json.RawMessage(`{`)); err == nil {
		t.Error("Entry took a value that is not JSON")
	}
}

type put struct{ bucket, key, value string }

func read(doc string, check func(*exportdoc.Head) error) (*exportdoc.Head, []put, error) {
	var puts []put
	h, err := exportdoc.Read(strings.NewReader(doc), check, func(bucket string, e exportdoc.Entry) error {
		puts = append(puts, put{bucket, e.Key, string(e.Value)})
		return nil
	})
	return h, puts, err
}

func TestReadBack(t *testing.T) {
	t.Parallel()
	doc := write(t, []bucket{
		{"mailboxes", []exportdoc.Entry{{Key: "a", Value: json.RawMessage(`{"n":1}`)}}},
		{"users", []exportdoc.Entry{{Key: "u", Value: json.RawMessage(`"x"`)}}},
	})
	checked := 0
	h, puts, err := read(doc, func(*exportdoc.Head) error { checked++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if h.Format != exportdoc.Format || h.Version == nil || *h.Version != 8 || h.Meta != meta {
		t.Errorf("head = %+v", h)
	}
	want := []put{{"mailboxes", "a", "{\n          \"n\": 1\n        }"}, {"users", "u", `"x"`}}
	if !reflect.DeepEqual(puts, want) {
		t.Errorf("records = %q, want %q", puts, want)
	}
	if checked != 2 {
		t.Errorf("check ran %d times, want before the records and at the end", checked)
	}
	var d exportdoc.Doc
	if err := json.Unmarshal([]byte(doc), &d); err != nil || d.SchemaVersion != 8 || len(d.Buckets["mailboxes"]) != 1 {
		t.Errorf("as a Doc: %+v, %v", d, err)
	}
}

func TestReadRefuses(t *testing.T) {
	t.Parallel()
	refuse := errors.New("refused")
	for _, c := range []struct {
		name, doc, err string
		puts           int
	}{
		{"not JSON", `{"format": `, "tenant export is not valid JSON", 0},
		{"an array", `[]`, `tenant export is malformed: expected "{", found [`, 0},
		{"a bucket not a list", `{"buckets": {"b": {}}}`, `tenant export is malformed: expected "[", found {`, 0},
		{"a record not an object", `{"buckets": {"b": [1]}}`, "tenant export is malformed", 0},
		{"an empty key", `{"buckets": {"b": [{"key": "", "value": 1}]}}`, `tenant export: empty key in bucket "b"`, 0},
		{"refused before the records", `{"format": "other", "buckets": {"b": [{"key": "k", "value": 1}]}}`, "refused", 0},
		{"refused at the end", `{"buckets": {"b": [{"key": "k", "value": 1}]}, "format": "other"}`, "refused", 1},
		{"unknown fields skipped", `{"extra": [1, {"a": 2}], "format": "exosim-tenant", "buckets": {}}`, "", 0},
	} {
		_, puts, err := read(c.doc, func(h *exportdoc.Head) error {
			if h.Format != exportdoc.Format {
				return refuse
			}
			return nil
		})
		switch {
		case c.err == "" && err != nil, c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		case len(puts) != c.puts:
			t.Errorf("%s: %d records put, want %d", c.name, len(puts), c.puts)
		}
	}
	_, err := exportdoc.Read(strings.NewReader(`{"buckets": {"b": [{"key": "k", "value": 1}]}}`), func(*exportdoc.Head) error { return nil },
		func(string, exportdoc.Entry) error { return refuse })
	if !errors.Is(err, refuse) {
		t.Errorf("put's error = %v", err)
	}
}

// FuzzRead: no document makes Read panic, and the records of one it reads
// are read back the same from what the Writer makes of them.
func FuzzRead(f *testing.F) {
	f.Add(`{"format": "exosim-tenant", "schemaVersion": 8, "meta": {"seed": "x"}, "buckets": {"b": [{"key": "k", "value": {"a": [1, 2]}}], "c": []}}`)
	f.Add(`{"buckets": {"b": [{"key": "k", "value": 1}, {"key": "k2"}]}, "extra": null}`)
	f.Add(`{"buckets": {"b": [{"key": ""}]}}`)
	f.Add(`{"meta": {"clock": "nope"}}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, doc string) {
		ok := func(*exportdoc.Head) error { return nil }
		h, puts, err := read(doc, ok)
		if err != nil {
			return
		}
		for _, p := range puts {
			if p.value == "" {
				return // a record without a value, which the engine refuses
			}
		}
		version := 0
		if h.Version != nil {
			version = *h.Version
		}
		var buf bytes.Buffer
		w, err := exportdoc.NewWriter(&buf, version, h.Meta)
		if err != nil {
			return // a meta the JSON encoder refuses (a year beyond 9999)
		}
		last := ""
		for i, p := range puts {
			if i == 0 || p.bucket != last {
				w.Bucket(p.bucket)
				last = p.bucket
			}
			if err := w.Entry(p.key, json.RawMessage(p.value)); err != nil {
				t.Fatalf("Entry(%q, %s): %v", p.key, p.value, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		_, again, err := read(buf.String(), ok)
		if err != nil {
			t.Fatalf("reading back %s: %v", buf.String(), err)
		}
		if len(again) != len(puts) {
			t.Fatalf("read back %d records, want %d", len(again), len(puts))
		}
		for i := range puts {
			// the same JSON value, though written with other spacing
			// and escapes
			if again[i].bucket != puts[i].bucket || again[i].key != puts[i].key || !reflect.DeepEqual(value(again[i].value), value(puts[i].value)) {
				t.Fatalf("record %d read back as %q, want %q", i, again[i], puts[i])
			}
		}
	})
}

// value decodes the JSON text j, numbers as they are written.
func value(j string) any {
	dec := json.NewDecoder(strings.NewReader(j))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err.Error()
	}
	return v
}
