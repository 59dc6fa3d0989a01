package mailauth

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Inbound is one inbound connector (InboundConnector): where mail from a
// partner or the on-premises organization comes from and what Exchange
// Online requires of it, and Enhanced Filtering for Connectors (the
// sources to skip to find the real sender).
type Inbound struct {
	Guid    string `json:"guid"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
	// ConnectorType is Partner or OnPremises; ConnectorSource Default,
	// HybridWizard or Migrated.
	ConnectorType   string `json:"connectorType"`
	ConnectorSource string `json:"connectorSource"`
	Comment         string `json:"comment,omitempty"`
	// SenderDomains are domains (*.domain and * allowed) as given.
	SenderDomains                []string  `json:"senderDomains,omitempty"`
	SenderIPAddresses            []string  `json:"senderIPAddresses,omitempty"`
	TrustedOrganizations         []string  `json:"trustedOrganizations,omitempty"`
	AssociatedAcceptedDomains    []string  `json:"associatedAcceptedDomains,omitempty"`
	ClientHostNames              []string  `json:"clientHostNames,omitempty"`
	RequireTls                   bool      `json:"requireTls,omitempty"`
	RestrictDomainsToIPAddresses bool      `json:"restrictDomainsToIPAddresses,omitempty"`
	RestrictDomainsToCertificate bool      `json:"restrictDomainsToCertificate,omitempty"`
	CloudServicesMailEnabled     bool      `json:"cloudServicesMailEnabled,omitempty"`
	TreatMessagesAsInternal      bool      `json:"treatMessagesAsInternal,omitempty"`
	TlsSenderCertificateName     string    `json:"tlsSenderCertificateName,omitempty"`
	EFTestMode                   bool      `json:"efTestMode,omitempty"`
	EFSkipLastIP                 bool      `json:"efSkipLastIP,omitempty"`
	EFSkipIPs                    []string  `json:"efSkipIPs,omitempty"`
	EFSkipMailGateway            []string  `json:"efSkipMailGateway,omitempty"`
	EFUsers                      []string  `json:"efUsers,omitempty"`
	ScanAndDropRecipients        []string  `json:"scanAndDropRecipients,omitempty"`
	WhenCreated                  time.Time `json:"whenCreated"`
	WhenChanged                  time.Time `json:"whenChanged"`
}

// The values of an inbound connector's enumerations.
var (
	ConnectorTypes   = []string{"OnPremises", "Partner"}
	ConnectorSources = []string{"Default", "Migrated", "HybridWizard", "AdminUI"}
)

// MaxConnectorNameLength is the longest name a connector may have.
const MaxConnectorNameLength = 64

var inboundKind = store.DefineKind(store.KindSpec[Inbound]{Bucket: "inboundConnectors", Name: "inboundConnector",
	Noun: "inbound connector", CreatedOnWrite: true})

// NewInbound returns a connector with the settings New-InboundConnector
// gives it (no Guid or dates yet): enabled, Partner, TLS required.
func NewInbound(name string) *Inbound {
	return &Inbound{Name: name, Enabled: true, ConnectorType: "Partner", ConnectorSource: "Default", RequireTls: true}
}

// ListInbound returns the inbound connectors by name.
func ListInbound(tx *store.Tx) ([]*Inbound, error) {
	return listConnectors(tx, inboundKind, inboundMeta)
}

// inboundMeta is an inbound connector's identity, name and dates.
func inboundMeta(c *Inbound) connectorMeta {
	return connectorMeta{&c.Guid, &c.Name, &c.WhenCreated, &c.WhenChanged}
}

// connectorMeta points at what every connector has: its GUID, name and
// dates.
type connectorMeta struct {
	guid, name       *string
	created, changed *time.Time
}

// listConnectors returns the connectors of a kind by name.
func listConnectors[T any](tx *store.Tx, kind *store.Kind[T], meta func(*T) connectorMeta) ([]*T, error) {
	all, err := kind.List(tx)
	if err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return strings.ToLower(*meta(all[i]).name) < strings.ToLower(*meta(all[j]).name) })
	return all, nil
}

// putConnector stores a new or changed connector of a kind: its name
// unique among them, valid's rules kept; a new one gets its GUID.
func putConnector[T any](tx *store.Tx, kind *store.Kind[T], c *T, meta func(*T) connectorMeta, valid func(*T) error) error {
	all, err := listConnectors(tx, kind, meta)
	if err != nil {
		return err
	}
	m := meta(c)
	for _, o := range all {
		if om := meta(o); *om.guid != *m.guid && strings.EqualFold(*om.name, *m.name) {
			return &ConnectorNameInUseError{Name: *m.name}
		}
	}
	if err := valid(c); err != nil {
		return err
	}
	now := tx.Now()
	if *m.guid == "" {
		*m.guid = tx.NewGuid()
		*m.created = now
	}
	*m.changed = now
	return kind.Put(tx, key(*m.guid), c)
}

// checkConnectors reports the connectors of a kind whose names are empty,
// too long or shared, and what more finds wrong with one.
func checkConnectors[T any](tx *store.Tx, kind *store.Kind[T], name string, meta func(*T) connectorMeta, report func(store.Finding), more func(c *T) string) error {
	all, err := listConnectors(tx, kind, meta)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, c := range all {
		m := meta(c)
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: name, Key: *m.guid, Message: fmt.Sprintf(format, args...)})
		}
		if *m.name == "" || len([]rune(*m.name)) > MaxConnectorNameLength {
			bad("name %q is empty or longer than %d characters", *m.name, MaxConnectorNameLength)
		}
		if other, dup := names[key(*m.name)]; dup {
			bad("name %s is also the name of %s", *m.name, other)
		}
		names[key(*m.name)] = *m.guid
		if problem := more(c); problem != "" {
			bad("%s", problem)
		}
	}
	return nil
}

// ConnectorNameInUseError is a connector named as another one.
type ConnectorNameInUseError struct{ Name string }

func (e *ConnectorNameInUseError) Error() string {
	return fmt.Sprintf("connector name %s in use", e.Name)
}

// Errors of the changes the connector rules refuse.
const (
	// ErrInternalNeedsOnPremises: TreatMessagesAsInternal is for an
	// OnPremises connector that is not a hybrid one.
	ErrInternalNeedsOnPremises = dkimError("TreatMessagesAsInternal needs an OnPremises connector without CloudServicesMailEnabled")
)

// PutInbound stores a new or changed connector: its name unique, the
// rules of its settings kept.
func PutInbound(tx *store.Tx, c *Inbound) error {
	return putConnector(tx, inboundKind, c, inboundMeta, validInbound)
}

// validInbound checks a connector's settings against one another.
func validInbound(c *Inbound) error {
	if c.TreatMessagesAsInternal && (c.ConnectorType != "OnPremises" || c.CloudServicesMailEnabled) {
		return ErrInternalNeedsOnPremises
	}
	return nil
}

// RemoveInbound removes a connector (Remove-InboundConnector).
func RemoveInbound(tx *store.Tx, c *Inbound) error {
	_, err := inboundKind.Delete(tx, key(c.Guid))
	return err
}

// checkInbound reports connectors that break the rules above: names
// empty, too long or shared, values outside their enumerations, settings
// that contradict one another.
func checkInbound(tx *store.Tx, report func(store.Finding)) error {
	return checkConnectors(tx, inboundKind, "inboundConnector", inboundMeta, report, func(c *Inbound) string {
		if !in(ConnectorTypes, c.ConnectorType) || !in(ConnectorSources, c.ConnectorSource) {
			return fmt.Sprintf("ConnectorType %q or ConnectorSource %q is not a value it takes", c.ConnectorType, c.ConnectorSource)
		}
		if err := validInbound(c); err != nil {
			return err.Error()
		}
		return ""
	})
}

// in reports whether v is one of values (exactly).
func in(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
