package mailboxfeed_test

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mailboxfeed"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// Each stored field of a lazy mailbox, decoded alone (With), and all of
// them (Whole, then RestoreForm), hold what decoding the record whole
// gives: the values the stored form leaves out are derived from fields
// decoded with them. The head fields are right from the start.
func TestLazyFieldsMatchWhole(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 20); err != nil {
		t.Fatal(err)
	}
	var raws []string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		return directory.Mailboxes.WalkIndex(tx, directory.IndexName, "", func(_ string, raw []byte) error {
			raws = append(raws, string(raw))
			return nil
		})
	}))
	if len(raws) < 40 {
		t.Fatalf("%d mailboxes", len(raws))
	}
	typ := reflect.TypeFor[directory.Mailbox]()
	for _, raw := range raws {
		var want directory.Mailbox
		storetest.Must(t, directory.Mailboxes.DecodeStored([]byte(raw), &want))
		want.RestoreForm()
		wv := reflect.ValueOf(want)
		head, err := mailboxfeed.NewLazy(raw)
		storetest.Must(t, err)
		for _, f := range mailboxfeed.HeadFields {
			if f == "Elided" {
				continue // what is left to restore
			}
			if got := reflect.ValueOf(*head.Head()).FieldByName(f).Interface(); !reflect.DeepEqual(got, wv.FieldByName(f).Interface()) {
				t.Errorf("%s: head field %s = %#v, want %#v", want.Name, f, got, wv.FieldByName(f).Interface())
			}
		}
		for i := 0; i < typ.NumField(); i++ {
			name := typ.Field(i).Name
			ks, ok := mailboxfeed.Keys(name)
			if !ok || name == "Elided" {
				continue
			}
			l, err := mailboxfeed.NewLazy(raw)
			storetest.Must(t, err)
			got := reflect.ValueOf(*l.With(ks)).Field(i).Interface()
			if !reflect.DeepEqual(got, wv.Field(i).Interface()) {
				t.Errorf("%s: %s alone = %#v, want %#v", want.Name, name, got, wv.Field(i).Interface())
			}
		}
		l, err := mailboxfeed.NewLazy(raw)
		storetest.Must(t, err)
		some, _ := mailboxfeed.Keys("Alias", "LegacyExchangeDN", "ProhibitSendQuota")
		l.With(some)
		m := l.Whole()
		m.RestoreForm()
		if !reflect.DeepEqual(*m, want) {
			t.Errorf("%s: decoded in parts then whole:\n%#v\nwant\n%#v", want.Name, *m, want)
		}
	}
}
