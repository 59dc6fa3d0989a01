package store_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
)

// fillValue sets every field of the struct at v to a value derived from
// seed (seed 0 leaves the zero value), so a field the fast decoder forgets
// shows up as a difference.
func fillValue(t *testing.T, v reflect.Value, seed int) {
	t.Helper()
	if seed == 0 {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		ts := time.Date(2024, 3, 1, 9, 0, seed, 123456789*(seed%2), time.UTC)
		switch f.Type() {
		case store.TypeTime:
			f.Set(reflect.ValueOf(ts))
		case store.TypeTimePtr:
			f.Set(reflect.ValueOf(&ts))
		case store.TypeStrings:
			if seed%4 == 1 {
				f.Set(reflect.ValueOf([]string{})) // empty, not nil
			} else {
				f.Set(reflect.ValueOf([]string{name + "-a", fmt.Sprintf("日本語-%d", seed)}))
			}
		case store.TypeStrMap:
			f.Set(reflect.ValueOf(map[string]string{"k" + name: fmt.Sprint(seed)}))
		case store.TypeExtraMap:
			f.Set(reflect.ValueOf(map[string]store.RawValue{"Office": store.RawValue(`"B1"`), "N": store.RawValue(fmt.Sprint(seed))}))
		default:
			switch f.Kind() {
			case reflect.String:
				f.SetString(fmt.Sprintf("%s-%d-%s", name, seed, string(make([]byte, seed%40))))
			case reflect.Bool:
				f.SetBool(seed%2 == 1)
			case reflect.Int64, reflect.Int:
				f.SetInt(int64(seed*1000003) - 5)
			case reflect.Struct:
				fillValue(t, f, seed+1)
			case reflect.Slice:
				if seed%4 == 1 {
					f.Set(reflect.MakeSlice(f.Type(), 0, 0))
					break
				}
				s := reflect.MakeSlice(f.Type(), 2, 2)
				fillValue(t, s.Index(0), seed+1)
				fillValue(t, s.Index(1), seed+2)
				f.Set(s)
			default:
				t.Fatalf("fillValue: field %s of type %s: add it here and to the fast decoder", name, f.Type())
			}
		}
	}
}

func fillMailbox(t *testing.T, seed int) directory.Mailbox {
	var m directory.Mailbox
	fillValue(t, reflect.ValueOf(&m).Elem(), seed)
	if seed%5 == 0 {
		m.ProhibitSendQuota = directory.QuotaUnlimited
		m.WhenSoftDeleted = nil
		m.EmailAddresses = nil
	}
	return m
}

func fillContent(t *testing.T, seed int) directory.MailboxContent {
	var c directory.MailboxContent
	fillValue(t, reflect.ValueOf(&c).Elem(), seed)
	if seed%5 == 0 {
		c.Archive = nil
	}
	return c
}

// The fast path decodes every field of every form exactly as the general
// decoder does, and handles (rather than gives up on) what encodeValue
// writes for a mailbox and the CBOR form of mailbox content.
func TestFastDecode(t *testing.T) {
	t.Parallel()
	for seed := 0; seed < 30; seed++ {
		m := fillMailbox(t, seed)
		raw, err := store.EncodeValue(&m)
		if err != nil {
			t.Fatal(err)
		}
		var want, got directory.Mailbox
		if err := store.CborDec.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !directory.Mailboxes.DecodeFast(raw, &got) {
			t.Fatalf("seed %d: the fast decoder gave up on an encoded mailbox", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: fast decode differs:\n got %+v\nwant %+v", seed, got, want)
		}

		// Content is stored in its binary form now; the fast path reads
		// the CBOR content of tenants not yet migrated.
		c := fillContent(t, seed)
		raw, err = store.CborEnc.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		var wantC, gotC directory.MailboxContent
		if err := store.CborDec.Unmarshal(raw, &wantC); err != nil {
			t.Fatal(err)
		}
		if !directory.Contents.DecodeFast(raw, &gotC) {
			t.Fatalf("seed %d: the fast decoder gave up on encoded content", seed)
		}
		if !reflect.DeepEqual(gotC, wantC) {
			t.Errorf("seed %d: fast content decode differs:\n got %+v\nwant %+v", seed, gotC, wantC)
		}
	}
}

// The fast path decodes the organization record as the general decoder
// does (every command reads it).
func TestFastDecodeOrganization(t *testing.T) {
	t.Parallel()
	for seed := 0; seed < 30; seed++ {
		var o directory.Organization
		fillValue(t, reflect.ValueOf(&o).Elem(), seed)
		if seed == 3 {
			o.RecipientIdentityDomains = directory.DefaultRecipientIdentityDomains()
			o.Subscriptions[0].Enabled = -1
			o.RestoreRequestDurationSeconds = 1<<31 + 7
		}
		raw, err := store.EncodeValue(&o)
		if err != nil {
			t.Fatal(err)
		}
		var want, got directory.Organization
		if err := store.CborDec.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !directory.DecodeOrganizationFast(raw, &got) {
			t.Fatalf("seed %d: the fast decoder gave up on an encoded organization", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: fast decode differs:\n got %+v\nwant %+v", seed, got, want)
		}
	}
}

// The fast path decodes an account as the general decoder does.
func TestFastDecodeUser(t *testing.T) {
	t.Parallel()
	for seed := 0; seed < 30; seed++ {
		var u directory.User
		fillValue(t, reflect.ValueOf(&u).Elem(), seed)
		raw, err := store.EncodeValue(&u)
		if err != nil {
			t.Fatal(err)
		}
		var want, got directory.User
		if err := store.CborDec.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !directory.Users.DecodeFast(raw, &got) {
			t.Fatalf("seed %d: the fast decoder gave up on an encoded account", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: fast decode differs:\n got %+v\nwant %+v", seed, got, want)
		}
	}
}

// Records the fast path does not read (text keys of schema 3, an unknown
// field number, truncation) fall back to the general decoder or fail as
// it does; none panics.
func TestFastDecodeGivesUp(t *testing.T) {
	t.Parallel()
	m := fillMailbox(t, 7)
	raw, err := store.EncodeValue(&m)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(raw); i++ {
		var x directory.Mailbox
		directory.Mailboxes.DecodeFast(raw[:i], &x) // must not panic
	}
	unknown := append([]byte{}, raw...)
	unknown[0]++ // one more pair announced than present
	var x directory.Mailbox
	if directory.Mailboxes.DecodeFast(unknown, &x) {
		t.Error("fast decoder accepted a map with a missing pair")
	}
	if directory.Mailboxes.DecodeFast(encodeTextKeyed(t, &m), &x) {
		t.Error("fast decoder accepted a text-keyed record")
	}
	var viaDecodeValue directory.Mailbox
	if err := store.DecodeValue(raw, &viaDecodeValue); err != nil || !reflect.DeepEqual(viaDecodeValue.Guid, m.Guid) {
		t.Errorf("decodeValue: %v, guid %q", err, viaDecodeValue.Guid)
	}
}

func BenchmarkMailboxDecode(b *testing.B) {
	t := &testing.T{}
	m := fillMailbox(t, 7)
	raw, _ := store.EncodeValue(&m)
	b.Run("general", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var x directory.Mailbox
			_ = store.CborDec.Unmarshal(raw, &x)
		}
	})
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var x directory.Mailbox
			directory.Mailboxes.DecodeFast(raw, &x)
		}
	})
}

// FuzzFastDecode feeds the fast decoders arbitrary bytes: it must
// never panic, and what it accepts the general decoder decodes too.
func FuzzFastDecode(f *testing.F) {
	t := &testing.T{}
	for _, seed := range []int{0, 1, 5, 7} {
		m := fillMailbox(t, seed)
		raw, err := store.EncodeValue(&m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, seed := range []int{1, 6} {
		c := fillContent(t, seed)
		raw, err := store.CborEnc.Marshal(&c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var fast directory.Mailbox
		if directory.Mailboxes.DecodeFast(raw, &fast) {
			var general directory.Mailbox
			if err := store.CborDec.Unmarshal(raw, &general); err != nil {
				t.Fatalf("fast decoder accepted a mailbox the general one refuses: %v", err)
			}
		}
		var fastC directory.MailboxContent
		if directory.Contents.DecodeFast(raw, &fastC) {
			var general directory.MailboxContent
			if err := store.CborDec.Unmarshal(raw, &general); err != nil {
				t.Fatalf("fast decoder accepted content the general one refuses: %v", err)
			}
		}
	})
}

// List gives every record as ForEach reads it one by one, for a kind of a few records
// (listed from one block) and one of more (listed record by record).
func TestListAsGet(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 3, 300} {
		s := seededTest(t, seed.Empty)
		err := s.Update(func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				m := fillMailbox(t, i+1)
				if err := directory.Mailboxes.Put(tx, fmt.Sprintf("m%04d", i), &m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		_ = s.View(func(tx *store.Tx) error {
			all, err := directory.Mailboxes.List(tx)
			if err != nil {
				t.Fatal(err)
			}
			var want []*directory.Mailbox
			err = directory.Mailboxes.ForEach(tx, "", func(_ string, m *directory.Mailbox) error {
				want = append(want, m)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != len(want) || len(all) < n {
				t.Fatalf("%d records put: List gave %d, ForEach %d", n, len(all), len(want))
			}
			for i := range all {
				if !reflect.DeepEqual(all[i], want[i]) {
					t.Fatalf("%d records put: record %d listed as\n%+v\nread as\n%+v", n, i, all[i], want[i])
				}
			}
			return nil
		})
	}
}
