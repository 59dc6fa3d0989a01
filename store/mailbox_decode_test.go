package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// fillMailbox sets every field of a mailbox to a value derived from seed
// (seed 0 leaves the zero value), so a field the fast decoder forgets
// shows up as a difference.
func fillMailbox(t *testing.T, seed int) Mailbox {
	t.Helper()
	var m Mailbox
	if seed == 0 {
		return m
	}
	v := reflect.ValueOf(&m).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		ts := time.Date(2024, 3, 1, 9, 0, seed, 123456789*(seed%2), time.UTC)
		switch f.Type() {
		case typeTime:
			f.Set(reflect.ValueOf(ts))
		case typeTimePtr:
			f.Set(reflect.ValueOf(&ts))
		case typeSpan:
			f.Set(reflect.ValueOf(Span{Unlimited: seed%3 == 0, D: time.Duration(seed) * Day}))
		case typeStrings:
			if seed%4 == 1 {
				f.Set(reflect.ValueOf([]string{})) // empty, not nil
			} else {
				f.Set(reflect.ValueOf([]string{name + "-a", fmt.Sprintf("日本語-%d", seed)}))
			}
		case typeStrMap:
			f.Set(reflect.ValueOf(map[string]string{"k" + name: fmt.Sprint(seed)}))
		case typeExtraMap:
			f.Set(reflect.ValueOf(map[string]RawValue{"Office": RawValue(`"B1"`), "N": RawValue(fmt.Sprint(seed))}))
		default:
			switch f.Kind() {
			case reflect.String:
				f.SetString(fmt.Sprintf("%s-%d-%s", name, seed, string(make([]byte, seed%40))))
			case reflect.Bool:
				f.SetBool(seed%2 == 1)
			case reflect.Int64:
				f.SetInt(int64(seed*1000003) - 5)
			default:
				t.Fatalf("fillMailbox: field %s of type %s: add it here and to the fast decoder", name, f.Type())
			}
		}
	}
	if seed%5 == 0 {
		m.ProhibitSendQuota = QuotaUnlimited
		m.WhenSoftDeleted = nil
		m.EmailAddresses = nil
	}
	return m
}

// The fast path decodes every field of every form exactly as the general
// decoder does, and handles (rather than gives up on) what encodeValue
// writes for a mailbox.
func TestMailboxFastDecode(t *testing.T) {
	for seed := 0; seed < 30; seed++ {
		m := fillMailbox(t, seed)
		raw, err := encodeValue(&m)
		if err != nil {
			t.Fatal(err)
		}
		var want, got Mailbox
		if err := cborDec.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !decodeMailboxFast(raw, &got) {
			t.Fatalf("seed %d: the fast decoder gave up on an encoded mailbox", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: fast decode differs:\n got %+v\nwant %+v", seed, got, want)
		}
	}
}

// Records the fast path does not read (text keys of schema 3, an unknown
// field number, truncation) fall back to the general decoder or fail as
// it does; none panics.
func TestMailboxFastDecodeGivesUp(t *testing.T) {
	m := fillMailbox(t, 7)
	raw, err := encodeValue(&m)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(raw); i++ {
		var x Mailbox
		decodeMailboxFast(raw[:i], &x) // must not panic
	}
	unknown := append([]byte{}, raw...)
	unknown[0]++ // one more pair announced than present
	var x Mailbox
	if decodeMailboxFast(unknown, &x) {
		t.Error("fast decoder accepted a map with a missing pair")
	}
	if decodeMailboxFast(encodeTextKeyed(t, &m), &x) {
		t.Error("fast decoder accepted a text-keyed record")
	}
	var viaDecodeValue Mailbox
	if err := decodeValue(raw, &viaDecodeValue); err != nil || !reflect.DeepEqual(viaDecodeValue.Guid, m.Guid) {
		t.Errorf("decodeValue: %v, guid %q", err, viaDecodeValue.Guid)
	}
}

func BenchmarkMailboxDecode(b *testing.B) {
	t := &testing.T{}
	m := fillMailbox(t, 7)
	raw, _ := encodeValue(&m)
	b.Run("general", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var x Mailbox
			_ = cborDec.Unmarshal(raw, &x)
		}
	})
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var x Mailbox
			decodeMailboxFast(raw, &x)
		}
	})
}

// FuzzMailboxFastDecode feeds the fast decoder arbitrary bytes: it must
// never panic, and what it accepts the general decoder decodes too.
func FuzzMailboxFastDecode(f *testing.F) {
	t := &testing.T{}
	for _, seed := range []int{0, 1, 5, 7} {
		m := fillMailbox(t, seed)
		raw, err := encodeValue(&m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var fast Mailbox
		if !decodeMailboxFast(raw, &fast) {
			return
		}
		var general Mailbox
		if err := cborDec.Unmarshal(raw, &general); err != nil {
			t.Fatalf("fast decoder accepted what the general one refuses: %v", err)
		}
	})
}
