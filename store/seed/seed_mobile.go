package seed

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mobile"
)

// seedDevice is one seeded mobile device partnership: its mailbox, what
// the device is, and how long ago it first and last synchronized (last 0:
// it never did).
type seedDevice struct {
	mailbox, deviceType, client          string
	friendly, model, os, agent, operator string
	first, last                          time.Duration
}

// contosoDevices are the seeded mobile devices: Anne's iPhone with the
// native mail app and Outlook; Megan's Outlook on Android; Lee's Windows
// Mail app; and two devices nobody has used for over a year (Alex's old
// Android phone, Patti's iPad), which clean-up runbooks look for.
func contosoDevices() []seedDevice {
	return []seedDevice{
		{mailbox: "annb", deviceType: "iPhone", client: mobile.ClientEAS, friendly: "iPhone", model: "iPhone15C2", os: "iOS 17.3.1 21D61",
			agent: "Apple-iPhone15C2/2103.61", operator: "Verizon", first: 290 * store.Day, last: 3 * time.Hour},
		{mailbox: "annb", deviceType: "Outlook", client: mobile.ClientOutlook, model: "Outlook for iOS and Android", os: "iOS 17.3.1",
			agent: "Outlook-iOS/2.0", first: 280 * store.Day, last: 40 * time.Minute},
		{mailbox: "meganb", deviceType: "Outlook", client: mobile.ClientOutlook, model: "Outlook for iOS and Android", os: "Android 14",
			agent: "Outlook-Android/2.0", first: 150 * store.Day, last: 20 * time.Hour},
		{mailbox: "leeg", deviceType: "WindowsMail", client: mobile.ClientUniversalOutlook, model: "Windows Mail", os: "Windows 10.0.19045",
			agent: "Outlook-WindowsMail/16005.14326", first: 60 * store.Day, last: 2 * store.Day},
		{mailbox: "alexw", deviceType: "SAMSUNGSMG973F", client: mobile.ClientEAS, friendly: "Galaxy S10", model: "SM-G973F", os: "Android 10.0.0",
			agent: "Android-SAMSUNG-SM-G973F/101.10000", operator: "T-Mobile", first: 900 * store.Day, last: 470 * store.Day},
		{mailbox: "pattif", deviceType: "iPad", client: mobile.ClientEAS, friendly: "Patti's iPad", model: "iPad8C1", os: "iOS 15.7 19H12",
			agent: "Apple-iPad8C1/1907.12", first: 700 * store.Day, last: 405 * store.Day},
	}
}

// seedMobileDevices writes the seeded mobile devices; their IDs derive
// from the mailbox and device, not from the tenant's ID generator.
func seedMobileDevices(tx *store.Tx, clock time.Time) error {
	for _, sd := range contosoDevices() {
		m, err := directory.ResolveMailbox(tx, sd.mailbox, directory.ScopeActive)
		if err != nil {
			return err
		}
		id := strings.ToUpper(store.GuidNoDashes(store.DerivedGuid("device/" + sd.mailbox + "/" + sd.deviceType)))
		d := &mobile.Device{MailboxGuid: m.Guid, DeviceID: id, DeviceType: sd.deviceType, ClientType: sd.client,
			FriendlyName: sd.friendly, DeviceModel: sd.model, DeviceOS: sd.os, DeviceOSLanguage: "en-US", DeviceUserAgent: sd.agent,
			MobileOperator: sd.operator, ClientVersion: "1.0", AccessState: "Allowed", AccessStateReason: "Global",
			Policy: "Default", PolicyStatus: "AppliedInFull", Folders: int(store.HashN(6, 24, sd.mailbox, sd.deviceType)),
			FirstSync: clock.Add(-sd.first).Truncate(time.Second)}
		if sd.client == mobile.ClientEAS {
			d.ClientVersion = "16.1" // the ActiveSync protocol version
		}
		if sd.last > 0 {
			d.LastSuccessSync = clock.Add(-sd.last).Truncate(time.Second)
			d.LastSyncAttempt = d.LastSuccessSync
			d.LastPolicyUpdate = d.FirstSync
			d.WhenChanged = d.LastSuccessSync
		}
		if err := mobile.Put(tx, d); err != nil {
			return err
		}
	}
	return nil
}
