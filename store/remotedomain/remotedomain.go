// Package remotedomain is the organization's remote domains
// (Get-/New-/Set-/Remove-RemoteDomain): the settings Exchange applies to
// the messages it sends to a destination domain (automatic replies and
// forwards, delivery and non-delivery reports, the message format).
//
// Every organization has the default remote domain, named Default, for
// the domain "*": it applies to every destination no other remote domain
// names. It can't be removed. The tenant keeps its record only once it was
// changed (until then it has Exchange Online's defaults, Defaults), and a
// record for every remote domain an administrator created. Records are
// kept by Guid, so a remote domain keeps its record when renamed.
package remotedomain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/dnsname"
)

// The flags of AcceptMessageTypes: which messages go to the domain and
// how it is treated. Exchange keeps AllowedOOFType and IsInternal in the
// same flags (OOFMask): the value InternalLegacy is LegacyOOF with
// InternalDomain, so setting it makes the domain internal, and making the
// domain external turns InternalLegacy into ExternalLegacy.
const (
	LegacyOOF                 = 1
	AutoReply                 = 2
	AutoForward               = 4
	DeliveryReport            = 8
	NDR                       = 16
	BlockOOF                  = 32
	InternalDomain            = 64
	MeetingForwardNotify      = 128
	TargetDeliveryDomain      = 256
	UseSimpleDisplayName      = 512
	NDRDiagnosticInfoDisabled = 1024

	// OOFMask are the flags AllowedOOFType reads and writes.
	OOFMask = LegacyOOF | BlockOOF | InternalDomain
	// DefaultAccept is what a new remote domain, and the default one in
	// Exchange Online, accepts: automatic replies and forwards, delivery
	// and non-delivery reports; external out-of-office replies.
	DefaultAccept = AutoReply | AutoForward | DeliveryReport | NDR
)

// The values of AllowedOOFType, in the enumeration's order, and their
// flags.
var OOFTypes = []string{"External", "InternalLegacy", "ExternalLegacy", "None"}

// oofFlags are the flags of an AllowedOOFType value.
func oofFlags(v string) int {
	switch v {
	case "InternalLegacy":
		return LegacyOOF | InternalDomain
	case "ExternalLegacy":
		return LegacyOOF
	case "None":
		return BlockOOF
	}
	return 0
}

// The values of the enumerations a remote domain's format settings take.
var (
	ContentTypes     = []string{"MimeHtmlText", "MimeText", "MimeHtml"}
	ByteEncoderTypes = []string{"Use7Bit", "UseQP", "UseBase64", "UseQPHtmlDetectTextPlain", "UseBase64HtmlDetectTextPlain", "UseQPHtml7BitTextPlain", "UseBase64Html7BitTextPlain", "Undefined"}
	// ShiftJisCodePages are the values of PreferredInternetCodePageForShiftJis:
	// Undefined (0) and the code pages 50220, 50221 and 50222.
	ShiftJisCodePages = []string{"Undefined", "Iso2022Jp", "Esc2022Jp", "Sio2022Jp"}
)

// CharacterSets are the MIME and non-MIME character sets a remote domain
// may name (CharacterSet, NonMimeCharacterSet); "" names none.
var CharacterSets = []string{"big5", "din_66003", "euc-jp", "euc-kr", "gb18030", "gb2312", "hz-gb-2312", "iso-2022-jp",
	"iso-2022-kr", "iso-8859-1", "iso-8859-13", "iso-8859-15", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5",
	"iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-9", "koi8-r", "koi8-u", "ks_c_5601-1987", "ns_4551-1",
	"sen_850200_b", "shift_jis", "utf-7", "utf-8", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
	"windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874"}

// Limits of a remote domain's values.
const (
	// MaxDomains is how many remote domains an organization may have,
	// the default one included.
	MaxDomains = 200
	// MaxNameLength is the longest name.
	MaxNameLength = 64
	// MaxLineWrapSize is the largest line-wrap size (the smallest is 1;
	// 0 is unlimited).
	MaxLineWrapSize = 132
	// MaxCharsetCoverage is the largest RequiredCharsetCoverage (0 the
	// smallest).
	MaxCharsetCoverage = 100
	// DefaultName is the name of the default remote domain, and Star its
	// domain.
	DefaultName = "Default"
	Star        = "*"
)

// Domain is one remote domain.
type Domain struct {
	Guid       string `json:"guid"`
	Name       string `json:"name"`
	DomainName string `json:"domainName"` // "*", "contoso.com" or "*.contoso.com"
	// Accept are the AcceptMessageTypes flags.
	Accept                         int    `json:"acceptMessageTypes"`
	ByteEncoderTypeFor7BitCharsets string `json:"byteEncoderTypeFor7BitCharsets"`
	CharacterSet                   string `json:"characterSet,omitempty"`
	NonMimeCharacterSet            string `json:"nonMimeCharacterSet,omitempty"`
	ContentType                    string `json:"contentType"`
	DisplaySenderName              bool   `json:"displaySenderName"`
	// PreferredInternetCodePageForShiftJis names the code page (one of
	// ShiftJisCodePages).
	PreferredInternetCodePageForShiftJis string `json:"preferredInternetCodePageForShiftJis"`
	// RequiredCharsetCoverage and TNEFEnabled are unset (nil) unless
	// given: then the sender's settings decide.
	RequiredCharsetCoverage *int  `json:"requiredCharsetCoverage,omitempty"`
	TNEFEnabled             *bool `json:"tnefEnabled,omitempty"`
	// LineWrapSize is 1..MaxLineWrapSize; 0 is unlimited.
	LineWrapSize               int       `json:"lineWrapSize,omitempty"`
	TrustedMailOutboundEnabled bool      `json:"trustedMailOutboundEnabled,omitempty"`
	TrustedMailInboundEnabled  bool      `json:"trustedMailInboundEnabled,omitempty"`
	WhenCreated                time.Time `json:"whenCreated"`
	WhenChanged                time.Time `json:"whenChanged"`
}

// IsDefault reports whether d is the default remote domain (the one for
// "*", whatever its name).
func (d *Domain) IsDefault() bool { return d.DomainName == Star }

// Has reports whether flag is set in d's AcceptMessageTypes.
func (d *Domain) Has(flag int) bool { return d.Accept&flag != 0 }

// Set sets or clears flag in d's AcceptMessageTypes.
func (d *Domain) Set(flag int, on bool) {
	if on {
		d.Accept |= flag
	} else {
		d.Accept &^= flag
	}
}

// AllowedOOFType is the out-of-office replies the domain receives, read
// from the OOF flags: a combination that is none of the four values'
// reads as External.
func (d *Domain) AllowedOOFType() string {
	switch d.Accept & OOFMask {
	case LegacyOOF:
		return "ExternalLegacy"
	case BlockOOF:
		return "None"
	case LegacyOOF | InternalDomain:
		return "InternalLegacy"
	}
	return "External"
}

// SetAllowedOOFType replaces the OOF flags with those of v (one of
// OOFTypes); the InternalDomain flag is one of them, so IsInternal
// follows (true for InternalLegacy, else false).
func (d *Domain) SetAllowedOOFType(v string) {
	d.Accept = d.Accept&^OOFMask | oofFlags(v)
}

// IsInternal reports whether the domain's recipients count as internal.
func (d *Domain) IsInternal() bool { return d.Has(InternalDomain) }

// ShiftJisCodePage returns the name of a PreferredInternetCodePageForShiftJis
// value given by name or by code page number, and whether it is one.
func ShiftJisCodePage(v string) (string, bool) {
	v = strings.TrimSpace(v)
	switch v {
	case "0":
		return ShiftJisCodePages[0], true
	case "50220", "50221", "50222":
		return ShiftJisCodePages[v[4]-'0'+1], true
	}
	for _, n := range ShiftJisCodePages {
		if strings.EqualFold(n, v) {
			return n, true
		}
	}
	return "", false
}

// CharacterSetName returns the character set as CharacterSets spells it
// ("" for none), and whether it is one.
func CharacterSetName(v string) (string, bool) {
	if v == "" {
		return "", true
	}
	for _, c := range CharacterSets {
		if strings.EqualFold(c, v) {
			return c, true
		}
	}
	return "", false
}

// ParseDomainName reads a remote domain's SMTP domain: "*", a domain, or
// "*." and a domain for the domain and its subdomains; ok is false for
// anything else.
func ParseDomainName(s string) (string, bool) {
	if s == Star {
		return s, true
	}
	if !dnsname.Valid(strings.TrimPrefix(s, "*.")) {
		return "", false
	}
	return s, true
}

// bare is a domain name in lower case without its "*." prefix: the
// domain two remote domains must not share.
func bare(domainName string) string {
	if domainName == Star {
		return Star
	}
	return strings.TrimPrefix(strings.ToLower(domainName), "*.")
}

var domainKind = store.DefineKind(store.KindSpec[Domain]{Bucket: "remoteDomains", Name: "remoteDomain", Noun: "remote domain", CreatedOnWrite: true})

// Register adds the remote domains to s: their kind and their check.
func Register(s *store.Schema) {
	domainKind.Register(s)
	s.AddCheck("remote-domains", check)
}

// DefaultGuid is the Guid of the organization's default remote domain.
func DefaultGuid(org *directory.Organization) string {
	return store.DerivedGuid("remote-domain\x00" + org.Guid + "\x00" + DefaultName)
}

// Defaults returns the default remote domain as Exchange Online creates
// it with the organization: every message type but meeting forward
// notifications accepted, the MIME and non-MIME character sets
// iso-8859-1.
func Defaults(org *directory.Organization) *Domain {
	d := New(DefaultName, Star)
	d.Guid = DefaultGuid(org)
	d.CharacterSet = "iso-8859-1"
	d.NonMimeCharacterSet = "iso-8859-1"
	d.WhenCreated = org.WhenCreated
	d.WhenChanged = org.WhenCreated
	return d
}

// New returns a remote domain with the settings New-RemoteDomain gives
// it (no Guid or dates yet).
func New(name, domainName string) *Domain {
	return &Domain{Name: name, DomainName: domainName, Accept: DefaultAccept, ByteEncoderTypeFor7BitCharsets: "Undefined",
		ContentType: "MimeHtmlText", DisplaySenderName: true, PreferredInternetCodePageForShiftJis: "Undefined"}
}

// List returns the organization's remote domains in the order Exchange
// lists them, the order they were created (the default one first).
func List(tx *store.Tx) ([]*Domain, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	stored, err := domainKind.List(tx)
	if err != nil {
		return nil, err
	}
	out := make([]*Domain, 0, len(stored)+1)
	def := DefaultGuid(org)
	hasDefault := false
	for _, d := range stored {
		hasDefault = hasDefault || d.Guid == def
		out = append(out, d)
	}
	if !hasDefault {
		out = append(out, Defaults(org))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].WhenCreated.Equal(out[j].WhenCreated) {
			return out[i].WhenCreated.Before(out[j].WhenCreated)
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, nil
}

// ruleError is a change the rules of remote domains refuse.
type ruleError string

func (e ruleError) Error() string { return string(e) }

// Errors of the changes the rules of remote domains refuse.
const (
	// ErrRemoveDefault: the default remote domain can't be removed.
	ErrRemoveDefault = ruleError("the default remote domain can't be removed")
	// ErrTooMany: the organization has MaxDomains remote domains.
	ErrTooMany = ruleError("too many remote domains")
)

// DuplicateDomainError is a remote domain for a domain another remote
// domain already has: the same domain, with or without its subdomains.
type DuplicateDomainError struct{ Domain string }

func (e *DuplicateDomainError) Error() string {
	return fmt.Sprintf("remote domain %s already exists", e.Domain)
}

// NameInUseError is a remote domain named as another one.
type NameInUseError struct{ Name string }

func (e *NameInUseError) Error() string { return fmt.Sprintf("remote domain name %s in use", e.Name) }

// WildcardTargetError is TargetDeliveryDomain on a domain with a
// wildcard ("*" or "*.contoso.com").
type WildcardTargetError struct{ DomainName string }

func (e *WildcardTargetError) Error() string {
	return fmt.Sprintf("TargetDeliveryDomain on wildcard domain %s", e.DomainName)
}

// Create adds a new remote domain (New-RemoteDomain): its name and
// domain must be new, and the organization must have fewer than
// MaxDomains remote domains.
func Create(tx *store.Tx, d *Domain) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if len(all) >= MaxDomains {
		return ErrTooMany
	}
	d.Guid = tx.NewGuid()
	d.WhenCreated = tx.Now()
	return put(tx, d, all)
}

// Put stores a changed remote domain (Set-RemoteDomain). Its name and
// domain must stay unique; a domain made the target delivery domain
// takes that role from every other one.
func Put(tx *store.Tx, d *Domain) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if d.Has(TargetDeliveryDomain) {
		for _, o := range all {
			if o.Guid != d.Guid && o.Has(TargetDeliveryDomain) {
				o.Set(TargetDeliveryDomain, false)
				o.WhenChanged = tx.Now()
				if err := domainKind.Put(tx, key(o), o); err != nil {
					return err
				}
			}
		}
	}
	return put(tx, d, all)
}

// put validates d against the other remote domains (all) and stores it.
func put(tx *store.Tx, d *Domain, all []*Domain) error {
	if d.Has(TargetDeliveryDomain) && strings.HasPrefix(d.DomainName, Star) {
		return &WildcardTargetError{DomainName: d.DomainName}
	}
	for _, o := range all {
		if o.Guid == d.Guid {
			continue
		}
		if strings.EqualFold(o.Name, d.Name) {
			return &NameInUseError{Name: d.Name}
		}
		if bare(o.DomainName) == bare(d.DomainName) {
			return &DuplicateDomainError{Domain: strings.TrimPrefix(d.DomainName, "*.")}
		}
	}
	d.WhenChanged = tx.Now()
	return domainKind.Put(tx, key(d), d)
}

// Remove removes a remote domain (Remove-RemoteDomain); the default one
// stays (ErrRemoveDefault).
func Remove(tx *store.Tx, d *Domain) error {
	if d.IsDefault() {
		return ErrRemoveDefault
	}
	_, err := domainKind.Delete(tx, key(d))
	return err
}

func key(d *Domain) string { return strings.ToLower(d.Guid) }

// check reports remote domains that break the rules above: a name or
// domain shared, a domain that is not one, a second default remote
// domain or one under another Guid, a target delivery domain with a
// wildcard or a second one, a value outside its range.
func check(tx *store.Tx, report func(store.Finding)) error {
	// a tenant without its organization is the organization check's
	// finding; the records are checked without it
	org, err := directory.GetOrganization(tx)
	if err != nil && !errors.Is(err, store.ErrNotInitialized) {
		return err
	}
	stored, err := domainKind.List(tx)
	if err != nil {
		return err
	}
	names, domains := map[string]string{}, map[string]string{}
	targets := 0
	for _, d := range stored {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "remoteDomain", Key: d.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if dn, ok := ParseDomainName(d.DomainName); !ok || dn != d.DomainName {
			bad("domain name %q is not a domain", d.DomainName)
		}
		if d.IsDefault() && org != nil && d.Guid != DefaultGuid(org) {
			bad("a remote domain for * other than the organization's default one")
		}
		if d.Name == "" || len([]rune(d.Name)) > MaxNameLength {
			bad("name %q is empty or longer than %d characters", d.Name, MaxNameLength)
		}
		if other, dup := names[strings.ToLower(d.Name)]; dup {
			bad("name %s is also the name of %s", d.Name, other)
		}
		names[strings.ToLower(d.Name)] = d.Guid
		if other, dup := domains[bare(d.DomainName)]; dup {
			bad("domain %s is also the domain of %s", bare(d.DomainName), other)
		}
		domains[bare(d.DomainName)] = d.Guid
		if d.Has(TargetDeliveryDomain) {
			targets++
			if strings.HasPrefix(d.DomainName, Star) {
				bad("target delivery domain with a wildcard")
			}
		}
		if d.LineWrapSize < 0 || d.LineWrapSize > MaxLineWrapSize {
			bad("line-wrap size %d out of range", d.LineWrapSize)
		}
		if c := d.RequiredCharsetCoverage; c != nil && (*c < 0 || *c > MaxCharsetCoverage) {
			bad("required charset coverage %d out of range", *c)
		}
		for _, cs := range []string{d.CharacterSet, d.NonMimeCharacterSet} {
			if n, ok := CharacterSetName(cs); !ok || n != cs {
				bad("character set %q is not one Exchange knows", cs)
			}
		}
		for _, v := range []struct {
			value  string
			values []string
		}{
			{d.ContentType, ContentTypes}, {d.ByteEncoderTypeFor7BitCharsets, ByteEncoderTypes},
			{d.PreferredInternetCodePageForShiftJis, ShiftJisCodePages}} {
			if !contains(v.values, v.value) {
				bad("value %q is none of %s", v.value, strings.Join(v.values, ", "))
			}
		}
	}
	if targets > 1 {
		report(store.Finding{Kind: "remoteDomain", Message: fmt.Sprintf("%d target delivery domains; at most one", targets)})
	}
	if len(stored) > MaxDomains {
		report(store.Finding{Kind: "remoteDomain", Message: fmt.Sprintf("%d remote domains; at most %d", len(stored), MaxDomains)})
	}
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
