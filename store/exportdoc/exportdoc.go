// Package exportdoc reads and writes the JSON document of a tenant export
// (`exosim tenant export`): the format name, the schema version that
// wrote it, the meta state (the simulated clock, the ID generator) and
// the records of every bucket, each as its key and its JSON form. It
// imports nothing of exosim: the engine (package store) converts each
// record between its stored and its JSON form, decides which schema
// versions it can import, and writes what it reads into a tenant.
//
// The writer gives a deterministic document (the caller hands it buckets
// by name and records by key), so export → import → export is
// byte-identical. The reader streams: one record at a time goes to the
// caller, so an export of a hundred thousand mailboxes does not have to
// fit in memory.
package exportdoc

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// Format names the export document type.
const Format = "exosim-tenant"

// Meta is the meta section of an export.
type Meta struct {
	Initialized bool      `json:"initialized"`
	Seed        string    `json:"seed"`
	Clock       time.Time `json:"clock"`
	IDSeed      string    `json:"idSeed"`
	IDCounter   uint64    `json:"idCounter"`
	TimerSeq    uint64    `json:"timerSeq"`
}

// Entry is one record of a bucket: its key and its JSON form.
type Entry struct {
	Key   string          `json:"key"`
	Value json.RawMessage `json:"value"`
}

// Doc is a whole export held in memory.
type Doc struct {
	Format        string             `json:"format"`
	SchemaVersion int                `json:"schemaVersion"`
	Meta          Meta               `json:"meta"`
	Buckets       map[string][]Entry `json:"buckets"`
}

// Head is what an export says about itself.
type Head struct {
	Format string
	// Version is the schema version that wrote the export (nil when the
	// document gives none).
	Version *int
	Meta    Meta
}

// Writer writes an export: NewWriter writes its head, then each Bucket
// is followed by its records (Entry), and Close ends the document.
type Writer struct {
	bw      *bufio.Writer
	buckets int // buckets begun
	entries int // records of the current bucket
}

// NewWriter begins an export on w written by schema version.
func NewWriter(w io.Writer, version int, meta Meta) (*Writer, error) {
	mj, err := json.MarshalIndent(meta, "  ", "  ")
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"format\": %q,\n  \"schemaVersion\": %d,\n  \"meta\": %s,\n  \"buckets\": {", Format, version, mj)
	return &Writer{bw: bw}, nil
}

// endBucket closes the current bucket, if any.
func (w *Writer) endBucket() {
	if w.buckets == 0 {
		return
	}
	if w.entries > 0 {
		w.bw.WriteString("\n    ")
	}
	w.bw.WriteString("]")
}

// Bucket begins the records of the bucket name, ending the bucket before.
func (w *Writer) Bucket(name string) {
	w.endBucket()
	if w.buckets > 0 {
		w.bw.WriteString(",")
	}
	nj, _ := json.Marshal(name)
	fmt.Fprintf(w.bw, "\n    %s: [", nj)
	w.buckets++
	w.entries = 0
}

// Entry writes the record key of the current bucket, value its JSON form.
func (w *Writer) Entry(key string, value json.RawMessage) error {
	ej, err := json.MarshalIndent(Entry{Key: key, Value: value}, "      ", "  ")
	if err != nil {
		return err
	}
	if w.entries > 0 {
		w.bw.WriteString(",")
	}
	w.bw.WriteString("\n      ")
	w.bw.Write(ej)
	w.entries++
	return nil
}

// Close ends the document and flushes what is buffered.
func (w *Writer) Close() error {
	w.endBucket()
	if w.buckets > 0 {
		w.bw.WriteString("\n  ")
	}
	w.bw.WriteString("}\n}\n")
	return w.bw.Flush()
}

// Read reads an export from r and hands each record to put, in document
// order, with the name of its bucket; a record without a key is refused.
// It returns what the document says about itself once check has accepted
// it. Check runs before the records are read when the document gives its
// format or version before them (as exosim writes it), so a document that
// can't be imported is refused early, and in any case at the end.
func Read(r io.Reader, check func(*Head) error, put func(bucket string, e Entry) error) (*Head, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	malformed := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fmt.Errorf("tenant export is not valid JSON: %w", err)
		}
		return fmt.Errorf("tenant export is malformed: %w", err)
	}
	delim := func(want json.Delim) error {
		t, err := dec.Token()
		if err != nil {
			return malformed(err)
		}
		if d, ok := t.(json.Delim); !ok || d != want {
			return fmt.Errorf("tenant export is malformed: expected %q, found %v", want, t)
		}
		return nil
	}
	key := func() (string, error) {
		t, err := dec.Token()
		if err != nil {
			return "", malformed(err)
		}
		k, ok := t.(string)
		if !ok {
			return "", fmt.Errorf("tenant export is malformed: expected a name, found %v", t)
		}
		return k, nil
	}
	if err := delim('{'); err != nil {
		return nil, err
	}
	h := &Head{}
	for dec.More() {
		k, err := key()
		if err != nil {
			return nil, err
		}
		switch k {
		case "format":
			if err := dec.Decode(&h.Format); err != nil {
				return nil, malformed(err)
			}
		case "schemaVersion":
			var v int
			if err := dec.Decode(&v); err != nil {
				return nil, malformed(err)
			}
			h.Version = &v
		case "meta":
			if err := dec.Decode(&h.Meta); err != nil {
				return nil, malformed(err)
			}
		case "buckets":
			if h.Format != "" || h.Version != nil {
				if err := check(h); err != nil {
					return nil, err
				}
			}
			if err := delim('{'); err != nil {
				return nil, err
			}
			for dec.More() {
				bucket, err := key()
				if err != nil {
					return nil, err
				}
				if err := delim('['); err != nil {
					return nil, err
				}
				for dec.More() {
					var e Entry
					if err := dec.Decode(&e); err != nil {
						return nil, malformed(err)
					}
					if e.Key == "" {
						return nil, fmt.Errorf("tenant export: empty key in bucket %q", bucket)
					}
					if err := put(bucket, e); err != nil {
						return nil, err
					}
				}
				if err := delim(']'); err != nil {
					return nil, err
				}
			}
			if err := delim('}'); err != nil {
				return nil, err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, malformed(err)
			}
		}
	}
	if err := delim('}'); err != nil {
		return nil, err
	}
	if err := check(h); err != nil {
		return nil, err
	}
	return h, nil
}
