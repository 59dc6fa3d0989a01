package mailboxfeed

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/fastdecode"
)

// Lazy is a listed mailbox decoded field by field as its reader asks for
// them: a filter that reads one property of each of a hundred thousand
// mailboxes decodes that field of each, not all of them. It keeps the
// stored record (its own copy, which the decoded strings are parts of).
// Its head fields (HeadFields) are decoded from the start.
type Lazy struct {
	m    directory.Mailbox
	raw  string
	have fastdecode.Keys // the keys decoded, and the values derived from them restored
	// at is where the value of each key starts in raw, plus one (0: none),
	// when indexed: a field is decoded from there, without reading the
	// record again
	at      [maxKey + 1]uint16
	indexed bool
	// whole: every field is decoded and restored but the names
	// RestoreNamesLater leaves out, which RestoreForm restores
	whole bool
}

// maxKey is the highest record key a Lazy indexes: the Mailbox struct's
// (a record with a higher one is read without an index).
const maxKey = 79

// HeadFields are the fields of a Lazy mailbox decoded from the start:
// those that decide whether a listing shows the mailbox (its scope,
// whether it is a mail user or a public folder mailbox), its identity, its
// account's ID, its Extra properties, and Elided, which says which values
// the stored form left out.
var HeadFields = [...]string{"Guid", "Name", "ExternalDirectoryObjectId", "UserObjectID", "RecipientType",
	"RecipientTypeDetails", "LifecycleState", "DeletedInEntra", "Extra", "Elided"}

// keyTable holds the record keys Lazy works with, read from the Mailbox
// struct's tags when first needed.
type keyTable struct {
	byName map[string]uint64
	head   fastdecode.Keys
	// derived holds each value the stored form may leave out: its bit, its
	// field's key, and the keys of everything it is derived from, directly
	// or not
	derived []derivedKeys
}

type derivedKeys struct {
	bit  int64
	key  uint64
	from fastdecode.Keys
}

var (
	keyTableOnce sync.Once
	keysOfTable  *keyTable
)

func keys() *keyTable {
	keyTableOnce.Do(func() {
		kt := &keyTable{byName: map[string]uint64{}}
		t := reflect.TypeFor[directory.Mailbox]()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("cbor"), ",")
			if n, err := strconv.ParseUint(tag, 10, 64); err == nil {
				kt.byName[f.Name] = n
			}
		}
		for _, f := range HeadFields {
			kt.head.Add(kt.byName[f])
		}
		ds := directory.Derivations()
		var sources func(field string, into *fastdecode.Keys)
		sources = func(field string, into *fastdecode.Keys) {
			for _, d := range ds {
				if d.Field == field {
					for _, s := range d.From {
						into.Add(kt.byName[s])
						sources(s, into)
					}
				}
			}
		}
		for _, d := range ds {
			dk := derivedKeys{bit: d.Bit, key: kt.byName[d.Field]}
			sources(d.Field, &dk.from)
			kt.derived = append(kt.derived, dk)
		}
		keysOfTable = kt
	})
	return keysOfTable
}

// Keys returns the set of the record keys of the named fields of
// directory.Mailbox; ok is false when one is not a stored field.
func Keys(fields ...string) (ks fastdecode.Keys, ok bool) {
	kt := keys()
	for _, f := range fields {
		k, found := kt.byName[f]
		if !found {
			return ks, false
		}
		ks.Add(k)
	}
	return ks, true
}

// NewLazy decodes the head fields of the stored record raw, which it
// keeps.
func NewLazy(raw string) (*Lazy, error) {
	l := &Lazy{raw: raw}
	l.indexed = directory.Mailboxes.IndexKeys(raw, l.at[:])
	if !l.decode(keys().head) {
		return l, l.decodeWhole()
	}
	return l, nil
}

// Head returns the mailbox with its head fields decoded (and those of
// every With so far): valid to read only those.
func (l *Lazy) Head() *directory.Mailbox { return &l.m }

// With decodes the fields of keys (and those their values are derived
// from) that are not decoded yet, restores the values among them that the
// stored form left out, and returns the mailbox: valid to read the head
// fields and those of every With so far. A record the fast path does not
// read is decoded whole.
func (l *Lazy) With(keys fastdecode.Keys) *directory.Mailbox {
	if !l.whole && !l.decode(keys) {
		_ = l.decodeWhole()
	}
	return &l.m
}

// decode is With on the fast path, reporting false when it cannot read
// the record.
func (l *Lazy) decode(ks fastdecode.Keys) bool {
	if ks[0]&^l.have[0] == 0 && ks[1]&^l.have[1] == 0 {
		return true
	}
	kt := keys()
	need := ks
	for _, d := range kt.derived {
		if need.Has(d.key) {
			need[0], need[1] = need[0]|d.from[0], need[1]|d.from[1]
		}
	}
	need[0], need[1] = need[0]&^l.have[0], need[1]&^l.have[1]
	if l.indexed {
		if !directory.Mailboxes.DecodeIndexed(l.raw, &l.m, l.at[:], &need) {
			return false
		}
	} else if !directory.Mailboxes.DecodeKeys(l.raw, &l.m, &need) {
		return false
	}
	l.have[0], l.have[1] = l.have[0]|need[0], l.have[1]|need[1]
	var restore int64
	for _, d := range kt.derived {
		if need.Has(d.key) {
			restore |= d.bit
		}
	}
	l.m.RestoreOnly(restore)
	return true
}

// Whole decodes every field not decoded yet and returns the mailbox as
// RestoreNamesLater leaves it: its distinguished names and primary proxy
// address are restored by RestoreForm when read (unless With restored
// them already).
func (l *Lazy) Whole() *directory.Mailbox {
	if l.whole {
		return &l.m
	}
	rest := fastdecode.Keys{^l.have[0], ^l.have[1]}
	if !l.indexed && !directory.Mailboxes.DecodeKeys(l.raw, &l.m, &rest) ||
		l.indexed && !directory.Mailboxes.DecodeIndexed(l.raw, &l.m, l.at[:], &rest) {
		_ = l.decodeWhole()
		return &l.m
	}
	l.whole = true
	l.m.RestoreNamesLater()
	return &l.m
}

// decodeWhole decodes the record anew on the general path, replacing
// what was decoded: for a record the fast path does not read. A record
// the general decoder refuses leaves the mailbox zero (NewLazy reports
// its error; a later field cannot fail where the head did not, short of
// a damaged file).
func (l *Lazy) decodeWhole() error {
	l.whole = true
	var m directory.Mailbox
	if err := directory.Mailboxes.DecodeStored([]byte(l.raw), &m); err != nil {
		l.m = directory.Mailbox{}
		return err
	}
	m.RestoreNamesLater()
	l.m = m
	return nil
}
