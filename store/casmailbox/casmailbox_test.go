package casmailbox_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/casmailbox"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// Settings start at their defaults with no record; a change is kept, a
// change back to the default drops the record, and a purged mailbox's
// settings go with it.
func TestSettingsKeptOnlyWhenChanged(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		guid = storetest.Mailbox(t, tx, "annb").Guid
		st, err := casmailbox.Get(tx, guid)
		storetest.Must(t, err)
		if !st.Value("PopEnabled") || st.Value("PublicFolderClientAccess") || st.SmtpClientAuthenticationDisabled != nil {
			t.Fatalf("defaults: %+v", st)
		}
		st.Switches = map[string]bool{"PopEnabled": false}
		storetest.Must(t, casmailbox.Put(tx, st))
		got, err := casmailbox.Get(tx, guid)
		storetest.Must(t, err)
		if got.Value("PopEnabled") {
			t.Errorf("PopEnabled still on after turning it off")
		}
		got.Switches["PopEnabled"] = true
		storetest.Must(t, casmailbox.Put(tx, got))
		again, err := casmailbox.Get(tx, guid)
		storetest.Must(t, err)
		if len(again.Switches) != 0 {
			t.Errorf("a setting back at its default is still kept: %v", again.Switches)
		}
		off := true
		again.SmtpClientAuthenticationDisabled = &off
		storetest.Must(t, casmailbox.Put(tx, again))
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		_, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
