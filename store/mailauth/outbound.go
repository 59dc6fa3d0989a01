package mailauth

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/store"
)

// Outbound is one outbound connector (OutboundConnector): the recipient
// domains whose mail Exchange Online sends another way than by their MX
// records alone (to smart hosts, over TLS of some strength, through the
// on-premises organization).
type Outbound struct {
	Guid    string `json:"guid"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
	// UseMXRecord is false when mail goes to SmartHosts.
	UseMXRecord bool   `json:"useMXRecord"`
	Comment     string `json:"comment,omitempty"`
	// ConnectorType and ConnectorSource take the inbound connectors'
	// values.
	ConnectorType   string `json:"connectorType"`
	ConnectorSource string `json:"connectorSource"`
	// RecipientDomains are domains (*.domain and * allowed) as given;
	// SmartHosts host names, IP addresses and CIDR ranges.
	RecipientDomains []string `json:"recipientDomains,omitempty"`
	SmartHosts       []string `json:"smartHosts,omitempty"`
	TlsDomain        string   `json:"tlsDomain,omitempty"`
	// TlsSettings is one of TlsAuthLevels, or "" for none.
	TlsSettings                   string `json:"tlsSettings,omitempty"`
	IsTransportRuleScoped         bool   `json:"isTransportRuleScoped,omitempty"`
	RouteAllMessagesViaOnPremises bool   `json:"routeAllMessagesViaOnPremises,omitempty"`
	CloudServicesMailEnabled      bool   `json:"cloudServicesMailEnabled,omitempty"`
	AllAcceptedDomains            bool   `json:"allAcceptedDomains,omitempty"`
	SenderRewritingEnabled        bool   `json:"senderRewritingEnabled,omitempty"`
	TestMode                      bool   `json:"testMode,omitempty"`
	LinkForModifiedConnector      string `json:"linkForModifiedConnector,omitempty"`
	// ValidationRecipients, IsValidated and LastValidationTimestamp record
	// the last validation of the connector, as the admin center sets them.
	ValidationRecipients    []string   `json:"validationRecipients,omitempty"`
	IsValidated             bool       `json:"isValidated,omitempty"`
	LastValidationTimestamp *time.Time `json:"lastValidationTimestamp,omitempty"`
	// MtaStsMode and SmtpDaneMode are one of MtaStsModes and
	// SmtpDaneModes.
	MtaStsMode   string    `json:"mtaStsMode"`
	SmtpDaneMode string    `json:"smtpDaneMode"`
	WhenCreated  time.Time `json:"whenCreated"`
	WhenChanged  time.Time `json:"whenChanged"`
}

// The values of an outbound connector's enumerations.
var (
	TlsAuthLevels = []string{"EncryptionOnly", "CertificateValidation", "DomainValidation"}
	MtaStsModes   = []string{"Opportunistic", "None"}
	SmtpDaneModes = []string{"Opportunistic", "Mandatory", "None"}
)

var outboundKind = store.DefineKind(store.KindSpec[Outbound]{Bucket: "outboundConnectors", Name: "outboundConnector",
	Noun: "outbound connector", CreatedOnWrite: true})

// NewOutbound returns a connector with the settings New-OutboundConnector
// gives it (no Guid or dates yet): enabled, Partner, MX routing,
// MTA-STS and SMTP DANE used where the destination has them.
func NewOutbound(name string) *Outbound {
	return &Outbound{Name: name, Enabled: true, UseMXRecord: true, ConnectorType: "Partner", ConnectorSource: "Default",
		MtaStsMode: "Opportunistic", SmtpDaneMode: "Opportunistic"}
}

// ListOutbound returns the outbound connectors by name.
func ListOutbound(tx *store.Tx) ([]*Outbound, error) {
	return listConnectors(tx, outboundKind, outboundMeta)
}

// outboundMeta is an outbound connector's identity, name and dates.
func outboundMeta(c *Outbound) connectorMeta {
	return connectorMeta{&c.Guid, &c.Name, &c.WhenCreated, &c.WhenChanged}
}

// Errors of the changes the outbound connector rules refuse.
const (
	ErrSmartHostsNeeded      = dkimError("a connector that does not use MX records needs smart hosts")
	ErrTlsDomainNeeded       = dkimError("DomainValidation needs a TLS domain")
	ErrOnPremisesOnlySetting = dkimError("the setting needs an OnPremises connector")
)

// PutOutbound stores a new or changed connector: its name unique, the
// rules of its settings kept.
func PutOutbound(tx *store.Tx, c *Outbound) error {
	return putConnector(tx, outboundKind, c, outboundMeta, validOutbound)
}

// validOutbound checks a connector's settings against one another:
// smart hosts when MX records are not used, a TLS domain to validate
// against, the hybrid settings only on an OnPremises connector.
func validOutbound(c *Outbound) error {
	switch {
	case !c.UseMXRecord && len(c.SmartHosts) == 0:
		return ErrSmartHostsNeeded
	case c.TlsSettings == "DomainValidation" && c.TlsDomain == "":
		return ErrTlsDomainNeeded
	case c.ConnectorType != "OnPremises" && (c.AllAcceptedDomains || c.RouteAllMessagesViaOnPremises || c.SenderRewritingEnabled):
		return ErrOnPremisesOnlySetting
	}
	return nil
}

// RemoveOutbound removes a connector (Remove-OutboundConnector).
func RemoveOutbound(tx *store.Tx, c *Outbound) error {
	_, err := outboundKind.Delete(tx, key(c.Guid))
	return err
}

// checkOutbound reports connectors that break the rules above: names
// empty, too long or shared, values outside their enumerations, settings
// that contradict one another.
func checkOutbound(tx *store.Tx, report func(store.Finding)) error {
	return checkConnectors(tx, outboundKind, "outboundConnector", outboundMeta, report, func(c *Outbound) string {
		if !in(ConnectorTypes, c.ConnectorType) || !in(ConnectorSources, c.ConnectorSource) || !in(MtaStsModes, c.MtaStsMode) ||
			!in(SmtpDaneModes, c.SmtpDaneMode) || c.TlsSettings != "" && !in(TlsAuthLevels, c.TlsSettings) {
			return fmt.Sprintf("an enumeration setting is not a value it takes: %s, %s, %s, %s, %q", c.ConnectorType, c.ConnectorSource, c.MtaStsMode, c.SmtpDaneMode, c.TlsSettings)
		}
		if err := validOutbound(c); err != nil {
			return err.Error()
		}
		return ""
	})
}
