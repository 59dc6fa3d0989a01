package mobile_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mobile"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// The seeded tenant has partnerships; removing one leaves the others, and
// purging a mailbox takes its partnerships with it (the check finds no
// device without a mailbox).
func TestDevicesFollowTheirMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var annb string
	storetest.Update(t, s, func(tx *store.Tx) {
		annb = storetest.Mailbox(t, tx, "annb").Guid
		ds, err := mobile.ForMailbox(tx, annb)
		storetest.Must(t, err)
		if len(ds) != 2 {
			t.Fatalf("annb has %d devices, want 2", len(ds))
		}
		storetest.Must(t, mobile.Remove(tx, ds[0]))
		left, err := mobile.ForMailbox(tx, annb)
		storetest.Must(t, err)
		if len(left) != 1 || left[0].Name() != ds[1].Name() {
			t.Errorf("after removing %s: %d left", ds[0].Name(), len(left))
		}
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		_, err := directory.RemoveMailbox(tx, annb, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, annb))
		ds, err := mobile.ForMailbox(tx, annb)
		storetest.Must(t, err)
		if len(ds) != 0 {
			t.Errorf("a purged mailbox keeps %d devices", len(ds))
		}
		all, err := mobile.All(tx)
		storetest.Must(t, err)
		if len(all) != 4 {
			t.Errorf("%d devices left in the tenant, want 4", len(all))
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// A partnership's name is its device type and ID, or REST§Outlook§ and
// the lower-case ID for the Outlook app.
func TestDeviceName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		d    mobile.Device
		want string
	}{
		{mobile.Device{DeviceType: "iPhone", DeviceID: "ABC123", ClientType: mobile.ClientEAS}, "iPhone§ABC123"},
		{mobile.Device{DeviceType: "Outlook", DeviceID: "ABC123", ClientType: mobile.ClientOutlook}, "REST§Outlook§abc123"},
	} {
		if got := c.d.Name(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
}
