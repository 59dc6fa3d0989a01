package exo

import (
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// RetentionPoliciesContainer is the container of the Exchange (MRM)
// retention policies under the organization's configuration.
const RetentionPoliciesContainer = "CN=Retention Policies Container"

// OwaPoliciesContainer is the container of the Outlook on the web
// mailbox policies under the organization's configuration.
const OwaPoliciesContainer = "CN=OWA Mailbox Policies"

// MobilePoliciesContainer is the container of the mobile device
// mailbox policies under the organization's configuration.
const MobilePoliciesContainer = "CN=Mobile Mailbox Policies"

// RolePoliciesContainer is the container of the role assignment
// policies under the organization's configuration.
const RolePoliciesContainer = "CN=Policies,CN=RBAC"

// policyLinks are the recipient properties Exchange keeps as a link to a
// policy, each with the container of that kind of policy under the
// organization's configuration: -Filter compares such a property as the
// distinguished name of the policy, so a filter that names the policy
// by its name finds nothing. (SharingPolicy and ActiveSyncMailboxPolicy
// are blank while a mailbox follows the default policy.)
var policyLinks = [...]struct{ property, container string }{
	{"RetentionPolicy", RetentionPoliciesContainer},
	{"RoleAssignmentPolicy", RolePoliciesContainer},
	{"OwaMailboxPolicy", OwaPoliciesContainer},
	{"ActiveSyncMailboxPolicy", MobilePoliciesContainer},
}

// IsPolicyLink reports whether a recipient property is one of the
// policy links -Filter compares by distinguished name (policyLinks).
func IsPolicyLink(property string) bool {
	for _, l := range policyLinks {
		if strings.EqualFold(l.property, property) {
			return true
		}
	}
	return false
}

// PolicyLinkValue is the value -Filter compares for a policy link
// property (IsPolicyLink) whose shown value is shown, the policy's name:
// the distinguished name of that policy, or nil (blank) when the
// recipient shows none.
func PolicyLinkValue(o *directory.Organization, property string, shown any) any {
	name := ""
	if shown != nil {
		name = object.ToInvariantString(shown)
	}
	for _, l := range policyLinks {
		if strings.EqualFold(l.property, property) && name != "" {
			return o.ConfigDN(name, l.container)
		}
	}
	return nil
}

// ConfigName is the name an identity of a configuration object in
// container names it by: the name in its distinguished name (see
// Organization.ConfigDN), matched without regard to case, or the identity
// itself for another one (a name or GUID).
func ConfigName(tx *store.Tx, id, container string) (string, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return "", err
	}
	const rdn = "CN="
	suffix := o.ConfigDN("", container)[len(rdn):]
	if len(id) > len(rdn)+len(suffix) && strings.EqualFold(id[:len(rdn)], rdn) && strings.EqualFold(id[len(id)-len(suffix):], suffix) {
		return id[len(rdn) : len(id)-len(suffix)], nil
	}
	return id, nil
}
