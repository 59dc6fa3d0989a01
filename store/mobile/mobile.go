// Package mobile is the mobile device partnerships of mailboxes: each
// phone, tablet or app that synchronizes a mailbox (Exchange ActiveSync,
// Outlook for iOS and Android over REST, Outlook on the web for devices,
// the Windows Mail and Calendar app), when it first and last synchronized
// and whether it may connect.
//
// A partnership belongs to one mailbox and is named within it by its
// device type and device ID ("iPhone§F3K2...", or "REST§Outlook§5eec..."
// for an Outlook app); removing it only ends the partnership (the device
// makes a new one the next time it synchronizes). A mailbox going away
// takes its partnerships with it.
package mobile

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Client types: how a device reaches the mailbox.
const (
	ClientEAS              = "EAS"
	ClientOutlook          = "Outlook"
	ClientMOWA             = "MOWA"
	ClientUniversalOutlook = "UniversalOutlook"
)

// Device is one mobile device partnership.
type Device struct {
	MailboxGuid string `json:"mailboxGuid"`
	Guid        string `json:"guid"`
	// DeviceID is the ID the device reports (hex).
	DeviceID   string `json:"deviceId"`
	DeviceType string `json:"deviceType"`
	ClientType string `json:"clientType"`

	FriendlyName     string `json:"friendlyName,omitempty"`
	DeviceModel      string `json:"deviceModel,omitempty"`
	DeviceOS         string `json:"deviceOS,omitempty"`
	DeviceOSLanguage string `json:"deviceOSLanguage,omitempty"`
	DeviceUserAgent  string `json:"deviceUserAgent,omitempty"`
	DeviceImei       string `json:"deviceImei,omitempty"`
	MobileOperator   string `json:"mobileOperator,omitempty"`
	PhoneNumber      string `json:"phoneNumber,omitempty"`
	ClientVersion    string `json:"clientVersion,omitempty"`

	// AccessState is Allowed, Blocked, Quarantined or DeviceDiscovery;
	// AccessStateReason why (Global, Individual, DeviceRule, Policy,
	// Upgrade).
	AccessState       string `json:"accessState"`
	AccessStateReason string `json:"accessStateReason"`
	// Policy is the mobile device mailbox policy applied ("Default").
	Policy       string `json:"policy,omitempty"`
	PolicyStatus string `json:"policyStatus,omitempty"`
	Folders      int    `json:"folders,omitempty"`

	FirstSync time.Time `json:"firstSync"`
	// LastSuccessSync is zero for a device that never synchronized.
	LastSuccessSync  time.Time `json:"lastSuccessSync,omitempty"`
	LastSyncAttempt  time.Time `json:"lastSyncAttempt,omitempty"`
	LastPolicyUpdate time.Time `json:"lastPolicyUpdate,omitempty"`
	WhenChanged      time.Time `json:"whenChanged"`

	// Wipe is the last full remote wipe requested (Clear-MobileDevice),
	// AccountOnlyWipe the last account-only one.
	Wipe            Wipe `json:"wipe,omitempty"`
	AccountOnlyWipe Wipe `json:"accountOnlyWipe,omitempty"`
}

// Wipe is a remote wipe request and how far it got: requested by an
// administrator, sent to the device when it next synchronized, and
// acknowledged by the device. All zero: none was requested.
type Wipe struct {
	RequestTime time.Time `json:"requestTime,omitempty"`
	SentTime    time.Time `json:"sentTime,omitempty"`
	AckTime     time.Time `json:"ackTime,omitempty"`
	// Requestor is the primary address of who asked ("" when they have no
	// mailbox); Notify the addresses told when the device acknowledges.
	Requestor string   `json:"requestor,omitempty"`
	Notify    []string `json:"notify,omitempty"`
}

// Pending reports whether the wipe was requested and the device has not
// acknowledged it yet.
func (w Wipe) Pending() bool { return !w.RequestTime.IsZero() && w.AckTime.IsZero() }

// Wipe timing: a device that synchronized within WipeActiveWithin of the
// request picks the wipe up at its next synchronization, WipePickup after
// the request; a device silent for longer never does, and the request
// stays pending.
const (
	WipeActiveWithin = 30 * 24 * time.Hour
	WipePickup       = 15 * time.Minute
	// TimerWipe is the timer of a device picking up a pending wipe; its
	// payload is the device's key.
	TimerWipe = "mobile.wipe"
)

// SupportsRemoteWipe reports whether the device's client can be wiped
// remotely: Exchange ActiveSync devices and the Outlook apps can;
// Outlook on the web for devices and the Mail and Calendar app can't.
func (d *Device) SupportsRemoteWipe() bool {
	return d.ClientType == ClientEAS || d.ClientType == ClientOutlook
}

// Key is the device's record key: its mailbox and name.
func (d *Device) Key() string { return key(d.MailboxGuid, d.Name()) }

// RequestWipe records a remote wipe request (account-only or full) made
// now by requestor, to be confirmed to notify. A request replaces a
// pending one of its kind. A device that can be wiped and synchronized
// lately picks it up WipePickup later (TimerWipe).
func RequestWipe(tx *store.Tx, d *Device, accountOnly bool, requestor string, notify []string) error {
	w := Wipe{RequestTime: tx.Now(), Requestor: requestor, Notify: notify}
	if accountOnly {
		d.AccountOnlyWipe = w
	} else {
		d.Wipe = w
	}
	d.WhenChanged = tx.Now()
	if err := cancelWipeTimer(tx, d, accountOnly); err != nil {
		return err
	}
	if d.SupportsRemoteWipe() && !d.LastSuccessSync.IsZero() && tx.Now().Sub(d.LastSuccessSync) <= WipeActiveWithin {
		if _, err := tx.Schedule(tx.Now().Add(WipePickup), TimerWipe, wipePayload(d, accountOnly)); err != nil {
			return err
		}
	}
	return Put(tx, d)
}

// CancelWipe cancels the pending wipe of its kind; it reports false when
// none was pending (a wipe the device acknowledged can't be undone).
func CancelWipe(tx *store.Tx, d *Device, accountOnly bool) (bool, error) {
	w := &d.Wipe
	if accountOnly {
		w = &d.AccountOnlyWipe
	}
	if !w.Pending() {
		return false, nil
	}
	*w = Wipe{}
	d.WhenChanged = tx.Now()
	if err := cancelWipeTimer(tx, d, accountOnly); err != nil {
		return false, err
	}
	return true, Put(tx, d)
}

// wipePayload is a wipe timer's payload: "<kind>|<device key>".
func wipePayload(d *Device, accountOnly bool) string {
	if accountOnly {
		return "account|" + d.Key()
	}
	return "full|" + d.Key()
}

func cancelWipeTimer(tx *store.Tx, d *Device, accountOnly bool) error {
	return tx.CancelTimersFor(wipePayload(d, accountOnly), TimerWipe)
}

// fireWipe is a device synchronizing with a wipe pending: the wipe is
// sent to it and it acknowledges it at once; it synchronized then.
func fireWipe(tx *store.Tx, t store.Timer) error {
	kind, k, _ := strings.Cut(t.Payload, "|")
	d, ok, err := deviceKind.Get(tx, k)
	if err != nil || !ok {
		return err
	}
	w := &d.Wipe
	if kind == "account" {
		w = &d.AccountOnlyWipe
	}
	if !w.Pending() {
		return nil
	}
	w.SentTime, w.AckTime = t.Due, t.Due
	d.LastSyncAttempt, d.LastSuccessSync, d.WhenChanged = t.Due, t.Due, t.Due
	return Put(tx, d)
}

// Name is the partnership's name within its mailbox.
func (d *Device) Name() string {
	if d.ClientType == ClientOutlook {
		return "REST§Outlook§" + strings.ToLower(d.DeviceID)
	}
	return d.DeviceType + "§" + d.DeviceID
}

func key(mailboxGuid, name string) string {
	return strings.ToLower(mailboxGuid) + "/" + strings.ToLower(name)
}

var deviceKind = store.DefineKind(store.KindSpec[Device]{Bucket: "mobileDevices", Name: "mobileDevice", Noun: "mobile device", CreatedOnWrite: true})

// Register adds the mobile devices to s: their kind, the rule that a
// purged mailbox's devices go with it, and their check.
func Register(s *store.Schema) {
	deviceKind.Register(s)
	s.AddTimer(TimerWipe, fireWipe)
	s.TimerSubject(TimerWipe, func(tx *store.Tx, payload string) (bool, error) {
		_, k, _ := strings.Cut(payload, "|")
		_, ok, err := deviceKind.Get(tx, k)
		return ok, err
	})
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error {
		ds, err := ForMailbox(tx, guid)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if err := Remove(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
	s.AddCheck("mobile-devices", check)
}

// All returns every partnership, by mailbox then name.
func All(tx *store.Tx) ([]*Device, error) {
	var out []*Device
	err := deviceKind.ForEach(tx, "", func(_ string, d *Device) error {
		out = append(out, d)
		return nil
	})
	return out, err
}

// ForMailbox returns the partnerships of one mailbox, by name.
func ForMailbox(tx *store.Tx, mailboxGuid string) ([]*Device, error) {
	prefix := strings.ToLower(mailboxGuid) + "/"
	var out []*Device
	err := deviceKind.ForEach(tx, "", func(k string, d *Device) error {
		if strings.HasPrefix(k, prefix) {
			out = append(out, d)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name()) < strings.ToLower(out[j].Name()) })
	return out, err
}

// Put adds or replaces a partnership; a new one gets a GUID derived from
// its mailbox and name, so the same tenant history gives the same IDs.
func Put(tx *store.Tx, d *Device) error {
	if d.Guid == "" {
		d.Guid = store.DerivedGuid("mobile-device/" + key(d.MailboxGuid, d.Name()))
	}
	if d.WhenChanged.IsZero() {
		d.WhenChanged = d.FirstSync
	}
	return deviceKind.Put(tx, key(d.MailboxGuid, d.Name()), d)
}

// Remove ends a partnership, and any wipe it has pending.
func Remove(tx *store.Tx, d *Device) error {
	for _, accountOnly := range []bool{false, true} {
		if err := cancelWipeTimer(tx, d, accountOnly); err != nil {
			return err
		}
	}
	_, err := deviceKind.Delete(tx, key(d.MailboxGuid, d.Name()))
	return err
}

func check(tx *store.Tx, report func(store.Finding)) error {
	return deviceKind.ForEach(tx, "", func(k string, d *Device) error {
		if _, err := directory.GetMailbox(tx, d.MailboxGuid); err != nil {
			report(store.Finding{Kind: "mobileDevice", Key: k, Message: "the mailbox does not exist"})
		}
		if k != key(d.MailboxGuid, d.Name()) {
			report(store.Finding{Kind: "mobileDevice", Key: k, Message: "stored under another key than its mailbox and name"})
		}
		return nil
	})
}
