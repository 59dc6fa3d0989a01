// Package mailauth is how the organization authenticates the mail it
// sends and receives and marks the mail from outside: DKIM signing
// configurations (one a domain: its two selectors, keys and rotation),
// the trusted ARC sealers (Get-/Set-ArcConfig), the external sender tag
// of Outlook (Get-/Set-ExternalInOutlook), the inbound connectors
// (*-InboundConnector) with Enhanced Filtering for Connectors and the
// outbound connectors (*-OutboundConnector).
//
// The organization's initial domain (*.onmicrosoft.com) signs with DKIM
// from the start, without a record; another accepted domain has a
// configuration once New-DkimSigningConfig made one. A configuration
// has two selectors; one is active, the other takes the new key on
// rotation and becomes active four days later on the simulated clock.
package mailauth

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Dkim is the DKIM signing configuration of one domain.
type Dkim struct {
	Guid   string `json:"guid"`
	Domain string `json:"domain"`
	// Initial: the organization's initial domain's configuration, which
	// every organization has.
	Initial          bool   `json:"initial,omitempty"`
	Enabled          bool   `json:"enabled,omitempty"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`
	// BodyCanonicalization and HeaderCanonicalization are Relaxed or
	// Simple.
	BodyCanonicalization   string `json:"bodyCanonicalization"`
	HeaderCanonicalization string `json:"headerCanonicalization"`
	// KeySizes are the two selectors' key sizes (1024 or 2048);
	// Generations count the keys each selector had (its key is derived
	// from the domain and the generation).
	Selector1KeySize    int `json:"selector1KeySize"`
	Selector2KeySize    int `json:"selector2KeySize"`
	Selector1Generation int `json:"selector1Generation,omitempty"`
	Selector2Generation int `json:"selector2Generation,omitempty"`
	// Active is the selector signing before RotateOnDate (1 or 2), Next
	// the one signing from RotateOnDate on (Active until a rotation).
	Active          int       `json:"active"`
	Next            int       `json:"next"`
	RotateOnDate    time.Time `json:"rotateOnDate"`
	KeyCreationTime time.Time `json:"keyCreationTime"`
	LastChecked     time.Time `json:"lastChecked"`
	WhenCreated     time.Time `json:"whenCreated"`
	WhenChanged     time.Time `json:"whenChanged"`
}

// The values and limits of a DKIM signing configuration.
var (
	// Canonicalizations are the values of the canonicalization settings.
	Canonicalizations = []string{"Simple", "Relaxed"}
	// KeySizes are the key sizes Exchange Online takes.
	KeySizes = []int{1024, 2048}
)

// DefaultKeySize is the key size of new keys unless the call gives one.
const DefaultKeySize = 1024

// RotationDelay is how long after a rotation the other selector signs.
const RotationDelay = 4 * 24 * time.Hour

var dkimKind = store.DefineKind(store.KindSpec[Dkim]{Bucket: "dkimSigningConfigs", Name: "dkimSigningConfig",
	Noun: "DKIM signing configuration", CreatedOnWrite: true})

func key(s string) string { return strings.ToLower(s) }

// NewDkim returns the configuration New-DkimSigningConfig makes for
// domain (no dates yet): selector1 active, both selectors' keys of
// keySize, relaxed canonicalization.
func NewDkim(domain string, enabled bool, keySize int) *Dkim {
	return &Dkim{Domain: domain, Enabled: enabled, BodyCanonicalization: "Relaxed", HeaderCanonicalization: "Relaxed",
		Selector1KeySize: keySize, Selector2KeySize: keySize, Active: 1, Next: 1}
}

// initialDkim is the configuration of the organization's initial domain.
func initialDkim(o *directory.Organization) *Dkim {
	d := NewDkim(o.Name, true, DefaultKeySize)
	d.Guid = store.DerivedGuid("dkim-signing-config\x00" + o.Guid + "\x00" + strings.ToLower(o.Name))
	d.Initial = true
	d.KeyCreationTime, d.LastChecked, d.RotateOnDate = o.WhenCreated, o.WhenCreated, o.WhenCreated
	d.WhenCreated, d.WhenChanged = o.WhenCreated, o.WhenCreated
	return d
}

// ListDkim returns the DKIM signing configurations: the initial
// domain's first, then the others by domain.
func ListDkim(tx *store.Tx) ([]*Dkim, error) {
	stored, err := dkimKind.List(tx)
	if err != nil {
		return nil, err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	initial := initialDkim(org)
	var out []*Dkim
	for _, d := range stored {
		if d.Initial {
			initial = d
			continue
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return key(out[i].Domain) < key(out[j].Domain) })
	return append([]*Dkim{initial}, out...), nil
}

// dkimError is a change the rules refuse; a constant, so that declaring
// one runs no code.
type dkimError string

func (e dkimError) Error() string { return string(e) }

// Errors of the changes the DKIM rules refuse.
const (
	// ErrNotAccepted: a configuration is for one of the organization's
	// accepted domains.
	ErrNotAccepted = dkimError("not an accepted domain")
	// ErrDkimExists: the domain has a configuration already.
	ErrDkimExists = dkimError("the domain has a DKIM signing configuration")
	// ErrRemoveInitial: the initial domain's configuration stays.
	ErrRemoveInitial = dkimError("the initial domain's DKIM signing configuration can't be removed")
	// ErrRemoveEnabled: a configuration that signs can't be removed.
	ErrRemoveEnabled = dkimError("an enabled DKIM signing configuration can't be removed")
)

// CreateDkim adds a configuration (New-DkimSigningConfig) for an
// accepted domain that has none: its keys are made now.
func CreateDkim(tx *store.Tx, d *Dkim) error {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if !org.IsInternalDomain(d.Domain) {
		return ErrNotAccepted
	}
	all, err := ListDkim(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if strings.EqualFold(o.Domain, d.Domain) {
			return ErrDkimExists
		}
	}
	now := tx.Now()
	d.Guid = tx.NewGuid()
	d.KeyCreationTime, d.LastChecked, d.RotateOnDate, d.WhenCreated, d.WhenChanged = now, now, now, now, now
	return dkimKind.Put(tx, key(d.Guid), d)
}

// PutDkim stores a changed configuration (Set-DkimSigningConfig).
func PutDkim(tx *store.Tx, d *Dkim) error {
	d.WhenChanged = tx.Now()
	d.LastChecked = d.WhenChanged
	return dkimKind.Put(tx, key(d.Guid), d)
}

// RemoveDkim removes a configuration (Remove-DkimSigningConfig): not
// the initial domain's, nor one that signs.
func RemoveDkim(tx *store.Tx, d *Dkim) error {
	switch {
	case d.Initial:
		return ErrRemoveInitial
	case d.Enabled:
		return ErrRemoveEnabled
	}
	_, err := dkimKind.Delete(tx, key(d.Guid))
	return err
}

// ActiveAt is the selector that signs at now (1 or 2).
func (d *Dkim) ActiveAt(now time.Time) int {
	if now.Before(d.RotateOnDate) {
		return d.Active
	}
	return d.Next
}

// Rotate gives the selector that does not sign now a new key (of
// keySize, 0 for its present size), which signs from RotationDelay on.
func Rotate(tx *store.Tx, d *Dkim, keySize int) error {
	now := tx.Now()
	current := d.ActiveAt(now)
	next := 3 - current
	if next == 1 {
		d.Selector1Generation++
		if keySize != 0 {
			d.Selector1KeySize = keySize
		}
	} else {
		d.Selector2Generation++
		if keySize != 0 {
			d.Selector2KeySize = keySize
		}
	}
	d.Active, d.Next = current, next
	d.KeyCreationTime = now
	d.RotateOnDate = now.Add(RotationDelay)
	return PutDkim(tx, d)
}

// SelectorCNAME is where the selector's CNAME record in the domain's DNS
// points: selector<n>-<domain with dashes>._domainkey.<initial domain>.
func SelectorCNAME(o *directory.Organization, domain string, n int) string {
	return fmt.Sprintf("selector%d-%s._domainkey.%s", n, strings.ReplaceAll(strings.ToLower(domain), ".", "-"), o.Name)
}

// PublicKey is the selector's DKIM key record (v=DKIM1; k=rsa; p=...):
// an RSA public key of the selector's size (exponent 65537) whose
// modulus is derived from the configuration and the key's generation, so
// that a tenant always shows the same one.
func (d *Dkim) PublicKey(n int) string {
	size, gen := d.Selector1KeySize, d.Selector1Generation
	if n == 2 {
		size, gen = d.Selector2KeySize, d.Selector2Generation
	}
	// The DER of a SubjectPublicKeyInfo of rsaEncryption up to the
	// modulus, for a 1024- and a 2048-bit key.
	head := []byte{0x30, 0x81, 0x9f, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
		0x03, 0x81, 0x8d, 0x00, 0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00}
	if size == 2048 {
		head = []byte{0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
			0x03, 0x82, 0x01, 0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00}
	}
	modulus := make([]byte, 0, size/8+sha256.Size)
	seed := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%d\x00%d", d.Guid, strings.ToLower(d.Domain), n, gen)))
	for len(modulus) < size/8 {
		modulus = append(modulus, seed[:]...)
		seed = sha256.Sum256(seed[:])
	}
	modulus = modulus[:size/8]
	modulus[0] |= 0x80
	modulus[len(modulus)-1] |= 1
	der := append(append(head, modulus...), 0x02, 0x03, 0x01, 0x00, 0x01)
	return "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(der) + ";"
}

// checkDkim reports configurations that break the rules above: two for
// a domain, a domain not accepted, values outside their sets.
func checkDkim(tx *store.Tx, report func(store.Finding)) error {
	stored, err := dkimKind.List(tx)
	if err != nil || len(stored) == 0 {
		return err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	seen := map[string]string{}
	for _, d := range stored {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "dkimSigningConfig", Key: d.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if other, dup := seen[key(d.Domain)]; dup {
			bad("domain %s also has configuration %s", d.Domain, other)
		}
		seen[key(d.Domain)] = d.Guid
		if !org.IsInternalDomain(d.Domain) {
			bad("domain %s is not an accepted domain", d.Domain)
		}
		if d.Initial != strings.EqualFold(d.Domain, org.Name) {
			bad("initial %v for domain %s", d.Initial, d.Domain)
		}
		for _, c := range []string{d.BodyCanonicalization, d.HeaderCanonicalization} {
			if c != "Simple" && c != "Relaxed" {
				bad("canonicalization %q is neither Simple nor Relaxed", c)
			}
		}
		for _, n := range []int{d.Selector1KeySize, d.Selector2KeySize} {
			if n != 1024 && n != 2048 {
				bad("key size %d is neither 1024 nor 2048", n)
			}
		}
		if d.Active != 1 && d.Active != 2 || d.Next != 1 && d.Next != 2 {
			bad("selectors %d and %d; each is 1 or 2", d.Active, d.Next)
		}
	}
	return nil
}
