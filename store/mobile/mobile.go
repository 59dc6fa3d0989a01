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
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error {
		ds, err := ForMailbox(tx, guid)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if _, err := deviceKind.Delete(tx, key(d.MailboxGuid, d.Name())); err != nil {
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

// Remove ends a partnership.
func Remove(tx *store.Tx, d *Device) error {
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
