package exo

import (
	"time"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
)

// HygieneVersion is the ExchangeVersion of the hygiene configuration
// objects (spam filter, Safe Links, Safe Attachments, DKIM ... policies).
const HygieneVersion = "0.20 (15.0.0.0)"

// HygieneObject is an empty object of a hygiene configuration type.
func HygieneObject(typ string) *object.PSObject {
	return object.NewObject(typ,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
}

// HygieneConfig describes the hygiene configuration object whose closing
// properties AddHygieneTail adds: identity, names, class and dates.
type HygieneConfig struct {
	Name, Guid, Container, Category, Class string
	// Version is the object's ExchangeVersion; HygieneVersion when empty.
	Version          string
	Created, Changed time.Time
}

// AddHygieneTail adds the properties a hygiene configuration object
// closes with, in Exchange Online's order (Identity through
// ObjectState); its string form is its name.
func AddHygieneTail(p *object.PSObject, o *directory.Organization, c HygieneConfig) {
	const tStr, tBool, tDate, tGuid = "System.String", "System.Boolean", "System.DateTime", "System.Guid"
	version := c.Version
	if version == "" {
		version = HygieneVersion
	}
	p.AddTyped("Identity", tStr, c.Name)
	p.AddTyped("Id", tStr, c.Name)
	p.AddTyped("IsValid", tBool, true)
	p.AddTyped("ExchangeVersion", tStr, version)
	p.AddTyped("Name", tStr, c.Name)
	p.AddTyped("DistinguishedName", tStr, o.ConfigDN(c.Name, c.Container))
	p.AddTyped("ObjectCategory", tStr, o.DirectoryPartition+".PROD.OUTLOOK.COM/Configuration/Schema/"+c.Category)
	p.AddTyped("ObjectClass", TypeMultiValued, MultiValued([]string{"top", c.Class}))
	p.AddTyped("WhenChanged", tDate, c.Changed.UTC())
	p.AddTyped("WhenCreated", tDate, c.Created.UTC())
	p.AddTyped("WhenChangedUTC", tDate, c.Changed.UTC())
	p.AddTyped("WhenCreatedUTC", tDate, c.Created.UTC())
	p.AddTyped("ExchangeObjectId", tGuid, GuidValue(c.Guid))
	p.AddTyped("OrganizationalUnitRoot", tStr, o.Name)
	p.AddTyped("OrganizationId", tStr, OrganizationID(o))
	p.AddTyped("Guid", tGuid, GuidValue(c.Guid))
	p.AddTyped("OriginatingServer", tStr, DomainController(o))
	p.AddTyped("ObjectState", tStr, "Unchanged")
	name := c.Name
	p.ToStringFunc = func() string { return name }
}
