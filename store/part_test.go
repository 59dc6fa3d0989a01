package store_test

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/fastdecode"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// mailboxPart is a few fields of a mailbox, tagged as Mailbox tags them.
type mailboxPart struct {
	Name                  string    `json:"name" cbor:"8,keyasint,omitempty"`
	DisplayName           string    `json:"displayName" cbor:"10,keyasint,omitempty"`
	LitigationHoldEnabled bool      `json:"litigationHoldEnabled" cbor:"33,keyasint,omitempty"`
	WhenCreated           time.Time `json:"whenCreated" cbor:"70,keyasint,omitempty"`
}

// A partial decoder reads its fields of every stored mailbox (whose other
// values are text, lists, maps, numbers, booleans and times) as the
// general decoder does, skipping the rest; one with a field of a type it
// cannot read gives every record to the general decoder.
func TestPartialDecoderSkipsTheOtherFields(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	dec := fastdecode.NewPartial(reflect.TypeFor[mailboxPart]())
	n := 0
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte(directory.Mailboxes.Bucket())).ForEach(func(k, raw []byte) error {
			var fast, general mailboxPart
			if !dec.Decode(raw, unsafe.Pointer(&fast)) {
				t.Errorf("mailbox %s: the partial decoder gave up", k)
			}
			storetest.Must(t, store.DecodeRecord(raw, &general))
			if fast.Name != general.Name || fast.DisplayName != general.DisplayName || fast.LitigationHoldEnabled != general.LitigationHoldEnabled ||
				!fast.WhenCreated.Equal(general.WhenCreated) || fast.Name == "" || fast.WhenCreated.IsZero() {
				t.Errorf("mailbox %s: partial %+v, general %+v", k, fast, general)
			}
			n++
			return nil
		})
	}))
	if n == 0 {
		t.Fatal("no mailbox read")
	}
	type unreadable struct {
		Name string         `cbor:"8,keyasint,omitempty"`
		Odd  map[int]string `cbor:"99,keyasint,omitempty"`
	}
	raw, err := store.EncodeRecord(&mailboxPart{Name: "x"})
	storetest.Must(t, err)
	var u unreadable
	if fastdecode.NewPartial(reflect.TypeFor[unreadable]()).Decode(raw, unsafe.Pointer(&u)) {
		t.Error("a partial decoder with a field it cannot read decoded a record")
	}
}

// A part read with View (its strings parts of the stored record) or
// decoded from a string holding several records reads what Get reads.
func TestPartViewAndDecodeString(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var part store.Part[mailboxPart]
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		var block strings.Builder
		var want []mailboxPart
		var sizes []int
		err := tx.Bolt().Bucket([]byte(directory.Mailboxes.Bucket())).ForEach(func(k, raw []byte) error {
			got, ok, err := part.Get(tx, directory.Mailboxes.Bucket(), string(k))
			if err != nil || !ok {
				t.Fatalf("mailbox %s: Get = %v, %v", k, ok, err)
			}
			var view mailboxPart
			if ok, err := part.View(tx, directory.Mailboxes.Bucket(), string(k), &view); err != nil || !ok || !samePart(view, *got) {
				t.Errorf("mailbox %s: View = %+v, %v, %v; Get %+v", k, view, ok, err, *got)
			}
			want = append(want, *got)
			block.Write(raw)
			sizes = append(sizes, len(raw))
			return nil
		})
		if err != nil {
			return err
		}
		all, start := block.String(), 0
		for i, n := range sizes {
			var v mailboxPart
			if err := part.DecodeString(all[start:start+n], &v); err != nil || !samePart(v, want[i]) {
				t.Errorf("record %d: DecodeString = %+v, %v; Get %+v", i, v, err, want[i])
			}
			start += n
		}
		var v mailboxPart
		if ok, err := part.View(tx, directory.Mailboxes.Bucket(), "no such mailbox", &v); ok || err != nil {
			t.Errorf("View of a missing record = %v, %v", ok, err)
		}
		if len(want) == 0 {
			t.Error("no mailbox read")
		}
		return nil
	}))
}

func samePart(a, b mailboxPart) bool {
	return a.Name == b.Name && a.DisplayName == b.DisplayName && a.LitigationHoldEnabled == b.LitigationHoldEnabled && a.WhenCreated.Equal(b.WhenCreated)
}
