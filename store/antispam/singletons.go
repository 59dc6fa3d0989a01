package antispam

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
	"github.com/exosim/exosim/store/policyset"
)

// Outbound is one outbound spam filter policy
// (HostedOutboundSpamFilterPolicy): the sending limits of the senders it
// applies to, what happens when one reaches them, and automatic
// forwarding to external recipients. The built-in one, Default, applies
// to every sender no rule names.
type Outbound struct {
	Guid                  string   `json:"guid"`
	Name                  string   `json:"name,omitempty"`
	IsDefault             bool     `json:"isDefault,omitempty"`
	RecommendedPolicyType string   `json:"recommendedPolicyType,omitempty"`
	AdminDisplayName      string   `json:"adminDisplayName,omitempty"`
	NotifyRecipients      []string `json:"notifyOutboundSpamRecipients,omitempty"`
	BccRecipients         []string `json:"bccSuspiciousOutboundAdditionalRecipients,omitempty"`
	BccSuspiciousOutbound bool     `json:"bccSuspiciousOutboundMail,omitempty"`
	NotifyOutboundSpam    bool     `json:"notifyOutboundSpam,omitempty"`
	// The sending limits; 0 is the service's own.
	RecipientLimitExternalPerHour int       `json:"recipientLimitExternalPerHour,omitempty"`
	RecipientLimitInternalPerHour int       `json:"recipientLimitInternalPerHour,omitempty"`
	RecipientLimitPerDay          int       `json:"recipientLimitPerDay,omitempty"`
	ActionWhenThresholdReached    string    `json:"actionWhenThresholdReached"`
	AutoForwardingMode            string    `json:"autoForwardingMode"`
	WhenCreated                   time.Time `json:"whenCreated"`
	WhenChanged                   time.Time `json:"whenChanged"`
}

// Connection is the organization's connection filter policy
// (Get-/Set-HostedConnectionFilterPolicy, the one named Default): the IP
// addresses whose messages are always allowed or always blocked, and
// whether Microsoft's safe list is used. The tenant keeps its record only
// once it was changed.
type Connection struct {
	Guid             string `json:"guid"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`
	// IPAllowList and IPBlockList are entries as IPEntry writes them.
	IPAllowList    []string  `json:"ipAllowList,omitempty"`
	IPBlockList    []string  `json:"ipBlockList,omitempty"`
	EnableSafeList bool      `json:"enableSafeList,omitempty"`
	WhenCreated    time.Time `json:"whenCreated"`
	WhenChanged    time.Time `json:"whenChanged"`
}

// The values of the outbound policy's enumerations, and its limits.
var (
	// ThresholdActions are the values of OutboundRecipientLimitsExceededAction.
	ThresholdActions = []string{"Alert", "BlockUserForToday", "BlockUser"}
	// AutoForwardingModes are the values of AutoForwardingMode.
	AutoForwardingModes = []string{"Automatic", "Off", "On"}
)

// Limits of the outbound and connection filter policies.
const (
	MaxRecipientLimit = 10000
	// MaxIPListEntries is how many entries IPAllowList and IPBlockList
	// hold together.
	MaxIPListEntries = 1273
	// MaxIPRange is the most addresses an IP range covers; MinCIDRBits
	// the shortest CIDR prefix.
	MaxIPRange  = 256
	MinCIDRBits = 24
)

var (
	outboundKind     = store.DefineKind(store.KindSpec[Outbound]{Bucket: "hostedOutboundSpamFilterPolicies", Name: "hostedOutboundSpamFilterPolicy", Noun: "outbound spam filter policy", CreatedOnWrite: true})
	outboundRuleKind = store.DefineKind(store.KindSpec[Rule]{Bucket: "hostedOutboundSpamFilterRules", Name: "hostedOutboundSpamFilterRule", Noun: "outbound spam filter rule", CreatedOnWrite: true})
	connectionKind   = store.DefineKind(store.KindSpec[Connection]{Bucket: "hostedConnectionFilterPolicies", Name: "hostedConnectionFilterPolicy", Noun: "connection filter policy", CreatedOnWrite: true})
)

// OutboundGuid and ConnectionGuid are the Guids of the organization's
// default outbound spam filter policy and its connection filter policy.
func OutboundGuid(org *directory.Organization) string {
	return store.DerivedGuid("hosted-outbound-spam-filter-policy\x00" + org.Guid)
}

// ConnectionGuid: see OutboundGuid.
func ConnectionGuid(org *directory.Organization) string {
	return store.DerivedGuid("hosted-connection-filter-policy\x00" + org.Guid)
}

// Head shows the fields a PolicySet handles. A policy stored before
// there were several (the organization's only one, without a name) is
// the default one, named Default.
func (o *Outbound) Head() Head {
	if o.Name == "" {
		o.Name, o.IsDefault = DefaultName, true
	}
	return Head{Guid: &o.Guid, Name: &o.Name, IsDefault: &o.IsDefault, WhenCreated: &o.WhenCreated, WhenChanged: &o.WhenChanged}
}

// NewOutbound returns an outbound spam filter policy with the settings
// New-HostedOutboundSpamFilterPolicy gives it: Exchange Online's defaults
// (the service's sending limits, users blocked for the day when they
// reach one, automatic forwarding left to the system).
func NewOutbound(name string) *Outbound {
	return &Outbound{Name: name, ActionWhenThresholdReached: "BlockUserForToday", AutoForwardingMode: "Automatic", RecommendedPolicyType: "Custom"}
}

// OutboundDefaults returns the built-in default outbound spam filter
// policy as Exchange Online creates it with the organization.
func OutboundDefaults(org *directory.Organization) *Outbound {
	o := NewOutbound(DefaultName)
	o.Guid, o.IsDefault = OutboundGuid(org), true
	o.WhenCreated, o.WhenChanged = org.WhenCreated, org.WhenCreated
	return o
}

func outboundKindOf() *store.Kind[Outbound] { return outboundKind }
func outboundRuleKindOf() *store.Kind[Rule] { return outboundRuleKind }

// outboundIsDefault reports whether the outbound spam filter policy named
// name is the default one.
func outboundIsDefault(tx *store.Tx, name string) (bool, error) {
	return defaultNamed(tx, outboundKindOf, OutboundDefaults, name)
}

// OutboundRules is the family of outbound spam filter rules: each names
// senders, one a policy, none for the default policy.
var OutboundRules = policyrule.Family{Kind: outboundRuleKindOf, Name: "hostedOutboundSpamFilterRule", MaxName: MaxNameLength,
	IsDefault: outboundIsDefault, Senders: true}

// OutboundPolicies are the outbound spam filter policies and the rules
// that apply them.
var OutboundPolicies = &PolicySet[Outbound, *Outbound]{Rules: &OutboundRules, Set: policyset.Set[Outbound, *Outbound]{Kind: outboundKindOf, Defaults: OutboundDefaults,
	Finding: "hostedOutboundSpamFilterPolicy", Defaulted: "default outbound spam filter policies"}}

// GetConnection returns the connection filter policy: as stored, else
// Exchange Online's defaults (empty lists, no safe list).
func GetConnection(tx *store.Tx) (*Connection, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	if c, ok, err := connectionKind.Get(tx, key(ConnectionGuid(org))); err != nil || ok {
		return c, err
	}
	return &Connection{Guid: ConnectionGuid(org), WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}, nil
}

// ErrTooManyIPEntries: the IP lists hold more than MaxIPListEntries.
const ErrTooManyIPEntries = ruleError("too many IP list entries")

// PutConnection stores the changed connection filter policy; its lists
// hold MaxIPListEntries entries at most.
func PutConnection(tx *store.Tx, c *Connection) error {
	if len(c.IPAllowList)+len(c.IPBlockList) > MaxIPListEntries {
		return ErrTooManyIPEntries
	}
	c.WhenChanged = tx.Now()
	return connectionKind.Put(tx, key(c.Guid), c)
}

// IPEntry reads an IP list entry: an IPv4 address, a range a-b of at
// most MaxIPRange addresses, or a CIDR range of MinCIDRBits bits or more.
// It returns the entry as Exchange writes it, or a problem: "format" for
// text that is none of them, "cidr" for a CIDR range too wide, "range"
// for a range too wide or backwards.
func IPEntry(s string) (string, string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '/'); i >= 0 {
		p, err := netip.ParsePrefix(s)
		if err != nil || !p.Addr().Is4() {
			return "", "format"
		}
		if p.Bits() < MinCIDRBits {
			return "", "cidr"
		}
		return p.String(), ""
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		a, err1 := netip.ParseAddr(strings.TrimSpace(s[:i]))
		b, err2 := netip.ParseAddr(strings.TrimSpace(s[i+1:]))
		if err1 != nil || err2 != nil || !a.Is4() || !b.Is4() {
			return "", "format"
		}
		x, y := a.As4(), b.As4()
		lo := uint32(x[0])<<24 | uint32(x[1])<<16 | uint32(x[2])<<8 | uint32(x[3])
		hi := uint32(y[0])<<24 | uint32(y[1])<<16 | uint32(y[2])<<8 | uint32(y[3])
		if hi < lo || hi-lo >= MaxIPRange {
			return "", "range"
		}
		return a.String() + "-" + b.String(), ""
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return "", "format"
	}
	return a.String(), ""
}

// checkOutbound reports through bad the values of an outbound spam
// filter policy it can't take.
func checkOutbound(o *Outbound, bad func(format string, args ...any)) {
	for _, n := range []int{o.RecipientLimitExternalPerHour, o.RecipientLimitInternalPerHour, o.RecipientLimitPerDay} {
		if n < 0 || n > MaxRecipientLimit {
			bad("recipient limit %d out of range 0-%d", n, MaxRecipientLimit)
		}
	}
	checkEnums(bad, []enumValue{
		{"ActionWhenThresholdReached", o.ActionWhenThresholdReached, ThresholdActions},
		{"AutoForwardingMode", o.AutoForwardingMode, AutoForwardingModes},
	})
	if o.RecommendedPolicyType != "" && !is(RecommendedPolicyTypes, o.RecommendedPolicyType) {
		bad("RecommendedPolicyType %q is none of %s", o.RecommendedPolicyType, strings.Join(RecommendedPolicyTypes, ", "))
	}
}

// checkSingletons reports a connection filter policy stored under
// another Guid than the organization's, or with values it can't take.
func checkSingletons(tx *store.Tx, report func(store.Finding)) error {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		// a tenant without its organization is the organization check's
		// finding
		return nil
	}
	conns, err := connectionKind.List(tx)
	if err != nil {
		return err
	}
	for _, c := range conns {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "hostedConnectionFilterPolicy", Key: c.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if c.Guid != ConnectionGuid(org) {
			bad("not the organization's connection filter policy")
		}
		if len(c.IPAllowList)+len(c.IPBlockList) > MaxIPListEntries {
			bad("%d IP list entries; at most %d", len(c.IPAllowList)+len(c.IPBlockList), MaxIPListEntries)
		}
		for _, e := range append(append([]string(nil), c.IPAllowList...), c.IPBlockList...) {
			if w, problem := IPEntry(e); problem != "" || w != e {
				bad("IP list entry %q is not one Exchange writes", e)
			}
		}
	}
	return nil
}
