package mailboxpolicy

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// MobileDefaultName is the name of the built-in mobile device mailbox
// policy.
const MobileDefaultName = "Default"

var mobileKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "mobileDeviceMailboxPolicies", Name: "mobileDeviceMailboxPolicy",
	Noun: "mobile device mailbox policy", CreatedOnWrite: true})

func mobileKindOf() *store.Kind[Policy] { return mobileKind }

// MobileDefaults returns the built-in mobile device mailbox policy,
// Default, as Exchange Online creates it with the organization: the
// default one.
func MobileDefaults(org *directory.Organization) *Policy {
	return builtin(org, "mobile-device-mailbox-policy", MobileDefaultName)
}

// MobilePolicies are the organization's mobile device mailbox policies
// (Set-CASMailbox -ActiveSyncMailboxPolicy links a mailbox to one; a
// mailbox without one follows the default policy).
var MobilePolicies = &Family[Policy, *Policy]{
	Set: policyset.Set[Policy, *Policy]{Kind: mobileKindOf, Defaults: MobileDefaults, Finding: "mobileDeviceMailboxPolicy",
		Defaulted: "default mobile device mailbox policies"},
	Link:           func(l *Links) *string { return &l.Mobile },
	Noun:           "mobile device mailbox policy",
	BuiltinName:    MobileDefaultName,
	FollowsDefault: true,
	Settle:         settleMobile,
}

// settleMobile applies the rule that ties two settings of a mobile device
// mailbox policy: requiring storage card encryption enables device
// encryption.
func settleMobile(p *Policy) {
	if p.Value(MobileSetting("RequireStorageCardEncryption")) == "True" {
		p.SetValue(MobileSetting("DeviceEncryptionEnabled"), "True")
	}
}

// checkMobile reports the settings of a policy Exchange would not keep.
func checkMobile(p *Policy, bad func(format string, args ...any)) {
	p.Settings.check(MobileSettings, bad)
	if p.Value(MobileSetting("RequireStorageCardEncryption")) == "True" && p.Value(MobileSetting("DeviceEncryptionEnabled")) != "True" {
		bad("storage card encryption is required but device encryption is off")
	}
}

// MobileSetting returns the mobile device mailbox policy setting of that
// name (any case), or nil.
func MobileSetting(name string) *Setting { return lookup(MobileSettings, name) }
