package ome

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// RMSTemplate is a rights policy template of the organization's Azure
// Rights Management: the two built-in options (Encrypt-Only and Do Not
// Forward) and the organization's two default templates, named after the
// organization.
type RMSTemplate struct {
	Name        string
	Description string
	Guid        string
	// Type is Distributed (published to users) or Archived.
	Type string
}

// RMSTemplates returns the templates users can apply; none while Azure
// Rights Management licensing is off.
func RMSTemplates(tx *store.Tx) ([]RMSTemplate, error) {
	irm, err := GetIRMConfiguration(tx)
	if err != nil {
		return nil, err
	}
	if !irm.AzureRMSLicensingEnabled {
		return nil, nil
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	name := org.DisplayName
	if name == "" {
		name = strings.SplitN(org.Name, ".", 2)[0]
	}
	mk := func(n, d string) RMSTemplate {
		return RMSTemplate{Name: n, Description: d, Type: "Distributed", Guid: store.DerivedGuid("exosim-rmstemplate\x00" + org.Guid + "\x00" + strings.ToLower(n))}
	}
	return []RMSTemplate{
		mk("Encrypt", "Encrypts the message; recipients can do anything the sender could, except remove the encryption."),
		mk(ProtectionDoNotForward, "Recipients can read the message but can't forward, print or copy it."),
		mk(name+" - Confidential", "Content for internal users only; they can view, edit and share it."),
		mk(name+" - Confidential View Only", "Content for internal users only; they can view it but not change it."),
	}, nil
}
