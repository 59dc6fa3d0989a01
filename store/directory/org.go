package directory

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/fastdecode"
)

// Sku describes a licence product the simulator knows.
type Sku struct {
	SkuPartNumber string
	SkuID         string
	DisplayName   string
	// AdvancedMessageEncryption: the SKU includes or adds AME.
	AdvancedMessageEncryption bool
	// ExchangePlan2: the SKU includes Exchange Online Plan 2 (Litigation
	// Hold, archiving).
	ExchangePlan2 bool
	// ExchangeArchiving: the SKU includes Exchange Online Archiving.
	ExchangeArchiving bool
	// Mailbox: the SKU includes an Exchange Online mailbox.
	Mailbox bool
}

// KnownSkus returns the licence catalogue, sorted by part number.
func KnownSkus() []Sku {
	s := []Sku{
		{SkuPartNumber: "SPE_E5", SkuID: "06ebc4ee-1bb5-47dd-8120-11324bc54e06", DisplayName: "Microsoft 365 E5",
			AdvancedMessageEncryption: true, ExchangePlan2: true, ExchangeArchiving: true, Mailbox: true},
		{SkuPartNumber: "SPE_E3", SkuID: "05e9a617-0261-4cee-bb44-138d3ef5d965", DisplayName: "Microsoft 365 E3",
			ExchangePlan2: true, ExchangeArchiving: true, Mailbox: true},
		{SkuPartNumber: "ENTERPRISEPREMIUM", SkuID: "c7df2760-2c81-4ef7-b578-5b5392b571df", DisplayName: "Office 365 E5",
			AdvancedMessageEncryption: true, ExchangePlan2: true, ExchangeArchiving: true, Mailbox: true},
		{SkuPartNumber: "ENTERPRISEPACK", SkuID: "6fd2c87f-b296-42f0-b197-1e91e994b900", DisplayName: "Office 365 E3",
			ExchangePlan2: true, ExchangeArchiving: true, Mailbox: true},
		{SkuPartNumber: "INFORMATION_PROTECTION_COMPLIANCE", SkuID: "184efa21-98c3-4e5d-95ab-d07053a96e67", DisplayName: "Microsoft 365 E5 Compliance",
			AdvancedMessageEncryption: true},
		{SkuPartNumber: "EXCHANGESTANDARD", SkuID: "4b9405b0-7788-4568-add1-99614e613b69", DisplayName: "Exchange Online (Plan 1)",
			Mailbox: true},
		{SkuPartNumber: "EXCHANGEENTERPRISE", SkuID: "19ec0d23-8335-4cbd-94ac-6050e30712fa", DisplayName: "Exchange Online (Plan 2)",
			ExchangePlan2: true, ExchangeArchiving: true, Mailbox: true},
	}
	sort.Slice(s, func(i, j int) bool { return s[i].SkuPartNumber < s[j].SkuPartNumber })
	return s
}

// LookupSku finds a known SKU by part number or SkuId (case-insensitive).
func LookupSku(s string) (Sku, bool) {
	for _, k := range KnownSkus() {
		if strings.EqualFold(k.SkuPartNumber, s) || strings.EqualFold(k.SkuID, s) {
			return k, true
		}
	}
	return Sku{}, false
}

// Subscription is a purchased licence pool.
type Subscription struct {
	SkuPartNumber string `json:"skuPartNumber"`
	SkuID         string `json:"skuId"`
	Enabled       int    `json:"enabled"`  // purchased units
	Consumed      int    `json:"consumed"` // assigned units
}

// Identity types of an OME recipient.
const (
	IdentityInternal         = "Internal"
	IdentityWorkOrSchool     = "WorkOrSchool"
	IdentityMicrosoftAccount = "MicrosoftAccount"
	IdentitySocial           = "Social"
	IdentityOther            = "Other"
)

// Organization is the tenant (Get-OrganizationConfig plus simulator state).
type Organization struct {
	Name            string    `json:"name"` // contoso.onmicrosoft.com
	DisplayName     string    `json:"displayName"`
	Guid            string    `json:"guid"`
	DefaultDomain   string    `json:"defaultDomain"`   // contoso.com
	AcceptedDomains []string  `json:"acceptedDomains"` // tenant-internal domains
	InPlaceHolds    []string  `json:"inPlaceHolds"`
	WhenCreated     time.Time `json:"whenCreated"`
	WhenChanged     time.Time `json:"whenChanged"`

	// DirectoryPartition is the DC label of DistinguishedNames (NAMPR06A007).
	DirectoryPartition string `json:"directoryPartition"`
	// AdminUPN is the acting administrator (LitigationHoldOwner default).
	AdminUPN string `json:"adminUpn"`

	Subscriptions []Subscription `json:"subscriptions"`

	// RecipientIdentityDomains maps an external mail domain (lower case) to
	// an identity type (WorkOrSchool, MicrosoftAccount, Social, Other) for
	// the OME recipient-experience rule. Domains not listed are Other;
	// "*.onmicrosoft.com" style suffix entries start with "*.".
	RecipientIdentityDomains map[string]string `json:"recipientIdentityDomains"`

	// RestoreRequestDurationSeconds is the simulated duration of a mailbox
	// restore request.
	RestoreRequestDurationSeconds int `json:"restoreRequestDurationSeconds"`

	// Extra holds further Set-OrganizationConfig properties.
	Extra map[string]store.RawValue `json:"extra,omitempty"`
}

// DefaultRecipientIdentityDomains returns the default external domain table.
func DefaultRecipientIdentityDomains() map[string]string {
	m := map[string]string{}
	for _, d := range []string{"outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
		"hotmail.co.uk", "live.co.uk", "outlook.fr", "hotmail.fr", "live.fr", "outlook.de", "hotmail.de"} {
		m[d] = IdentityMicrosoftAccount
	}
	for _, d := range []string{"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com"} {
		m[d] = IdentitySocial
	}
	for _, d := range []string{"*.onmicrosoft.com", "fabrikam.com", "northwindtraders.com", "tailspintoys.com", "adventure-works.com"} {
		m[d] = IdentityWorkOrSchool
	}
	return m
}

// ConfigDN is the distinguished name of a configuration object named name
// in the container (as "CN=Hosted Content Filter,CN=Transport Settings";
// "" for the configuration itself) of the organization's configuration
// unit.
func (o *Organization) ConfigDN(name, container string) string {
	if container != "" {
		container = "," + container
	}
	return "CN=" + name + container + ",CN=Configuration,CN=" + o.Name + ",CN=ConfigurationUnits,DC=" + o.DirectoryPartition + ",DC=PROD,DC=OUTLOOK,DC=COM"
}

// HasAdvancedMessageEncryption reports whether any purchased SKU includes
// or adds AME.
func (o *Organization) HasAdvancedMessageEncryption() bool {
	for _, s := range o.Subscriptions {
		if s.Enabled <= 0 {
			continue
		}
		if k, ok := LookupSku(s.SkuPartNumber); ok && k.AdvancedMessageEncryption {
			return true
		}
	}
	return false
}

// IsInternalDomain reports whether domain is one of the tenant's domains.
func (o *Organization) IsInternalDomain(domain string) bool {
	domain = strings.ToLower(strings.TrimSpace(domain))
	if strings.EqualFold(domain, o.Name) || strings.EqualFold(domain, o.DefaultDomain) {
		return true
	}
	for _, d := range o.AcceptedDomains {
		if strings.EqualFold(d, domain) {
			return true
		}
	}
	return false
}

// IdentityTypeOf classifies a recipient address: Internal for tenant
// domains, otherwise from RecipientIdentityDomains (default Other).
func (o *Organization) IdentityTypeOf(address string) string {
	domain := DomainOf(address)
	if o.IsInternalDomain(domain) {
		return IdentityInternal
	}
	if t, ok := o.RecipientIdentityDomains[domain]; ok {
		return t
	}
	// Suffix entries ("*.example.com").
	keys := make([]string, 0, len(o.RecipientIdentityDomains))
	for k := range o.RecipientIdentityDomains {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasPrefix(k, "*.") && strings.HasSuffix(domain, k[1:]) {
			return o.RecipientIdentityDomains[k]
		}
	}
	return IdentityOther
}

// Subscription returns the pool for a SKU part number.
func (o *Organization) Subscription(part string) (*Subscription, bool) {
	for i := range o.Subscriptions {
		if strings.EqualFold(o.Subscriptions[i].SkuPartNumber, part) {
			return &o.Subscriptions[i], true
		}
	}
	return nil, false
}

// DomainOf returns the lower-case domain of an SMTP address.
func DomainOf(address string) string {
	a := strings.TrimSpace(address)
	if i := strings.LastIndexByte(a, '@'); i >= 0 {
		return strings.ToLower(a[i+1:])
	}
	return ""
}

const orgKey = "organization"

// GetOrganization returns the tenant record.
func GetOrganization(tx *store.Tx) (*Organization, error) {
	o, ok, err := orgKind.Get(tx, orgKey)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, store.ErrNotInitialized
	}
	return o, nil
}

// orgHead is what is read of the organization record without the rest
// of it: its names and ID and its administrator (part of Organization,
// with its tags).
type orgHead struct {
	Name               string `json:"name"`
	DisplayName        string `json:"displayName"`
	Guid               string `json:"guid"`
	DefaultDomain      string `json:"defaultDomain"`
	DirectoryPartition string `json:"directoryPartition"`
	AdminUPN           string `json:"adminUpn"`
}

// orgHeads reads the orgHead of the organization record.
var orgHeads = store.Part[orgHead]{Fast: &fastOrgHead}

// fastOrgHead decodes an orgHead.
var fastOrgHead = fastdecode.Decoder{
	Partial: true,
	ByName: []fastdecode.NamedField{
		{Name: "adminUpn", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.AdminUPN)}},
		{Name: "defaultDomain", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.DefaultDomain)}},
		{Name: "directoryPartition", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.DirectoryPartition)}},
		{Name: "displayName", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.DisplayName)}},
		{Name: "guid", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.Guid)}},
		{Name: "name", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(orgHead{}.Name)}},
	},
}

// OrganizationNames returns the tenant record with only its names, ID and
// administrator read (Name, DisplayName, Guid, DefaultDomain,
// DirectoryPartition, AdminUPN; every other field is empty): for a reader
// that only names the tenant, as an object's identity and distinguished
// names do, without decoding its domains, subscriptions and settings.
func OrganizationNames(tx *store.Tx) (*Organization, error) {
	h, ok, err := orgHeads.Get(tx, orgKind.Bucket(), orgKey)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, store.ErrNotInitialized
	}
	return &Organization{Name: h.Name, DisplayName: h.DisplayName, Guid: h.Guid, DefaultDomain: h.DefaultDomain,
		DirectoryPartition: h.DirectoryPartition, AdminUPN: h.AdminUPN}, nil
}

// OrganizationHead returns the tenant record's Guid and AdminUPN, without
// decoding the rest of it.
func OrganizationHead(tx *store.Tx) (guid, adminUPN string, err error) {
	h, ok, err := orgHeads.Get(tx, orgKind.Bucket(), orgKey)
	if err != nil {
		return "", "", err
	}
	if !ok {
		return "", "", store.ErrNotInitialized
	}
	return h.Guid, h.AdminUPN, nil
}

// DecodeOrganizationFast decodes a stored organization record on the
// fast path alone (Kind.DecodeFast): tests compare it with the general
// decoder.
func DecodeOrganizationFast(raw []byte, o *Organization) bool { return orgKind.DecodeFast(raw, o) }

// PutOrganization stores the tenant record.
func PutOrganization(tx *store.Tx, o *Organization) error {
	o.WhenChanged = tx.Now()
	return orgKind.Put(tx, orgKey, o)
}

// HasAdvancedMessageEncryption reports whether the tenant has AME.
func HasAdvancedMessageEncryption(tx *store.Tx) (bool, error) {
	o, err := GetOrganization(tx)
	if err != nil {
		return false, err
	}
	return o.HasAdvancedMessageEncryption(), nil
}

// AddSubscription buys units of a known SKU (adds to an existing pool).
func AddSubscription(tx *store.Tx, part string, units int) error {
	k, ok := LookupSku(part)
	if !ok {
		return &store.ValidationError{Field: "SkuPartNumber", Message: "unknown SKU " + part}
	}
	o, err := GetOrganization(tx)
	if err != nil {
		return err
	}
	o.EnsureSubscription(k).Enabled += units
	return PutOrganization(tx, o)
}

// EnsureSubscription returns the pool of a SKU, adding an empty one (no
// units) when the tenant has none; pools stay sorted by part number.
func (o *Organization) EnsureSubscription(k Sku) *Subscription {
	if s, ok := o.Subscription(k.SkuPartNumber); ok {
		return s
	}
	o.Subscriptions = append(o.Subscriptions, Subscription{SkuPartNumber: k.SkuPartNumber, SkuID: k.SkuID})
	sort.Slice(o.Subscriptions, func(i, j int) bool {
		return o.Subscriptions[i].SkuPartNumber < o.Subscriptions[j].SkuPartNumber
	})
	s, _ := o.Subscription(k.SkuPartNumber)
	return s
}

// metaConcealedNames keeps the organization's report setting ("false"
// when usage reports show user names; unset is the service's default,
// concealed). It lives in the tenant's meta bucket, outside exports.
const metaConcealedNames = "graph.reports.displayConcealedNames"

// ReportsConcealNames reports whether the organization's usage reports
// conceal user names.
func ReportsConcealNames(tx *store.Tx) bool {
	return tx.Meta(metaConcealedNames) != "false"
}

// SetReportsConcealNames sets whether usage reports conceal user names.
func SetReportsConcealNames(tx *store.Tx, conceal bool) error {
	return tx.SetMeta(metaConcealedNames, strconv.FormatBool(conceal))
}
