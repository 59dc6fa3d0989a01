package store_test

import (
	"reflect"
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
