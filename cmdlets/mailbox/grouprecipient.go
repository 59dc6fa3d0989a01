package mailbox

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// GroupRecipientObject is the ReducedRecipient object of a group: what
// Get-Recipient shows for it, and Get-DistributionGroupMember for a
// nested group.
func GroupRecipientObject(g *groups.Group, org *directory.Organization) *object.PSObject {
	o := object.NewObject(TypeRecipient,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
		"Deserialized.System.Object")
	o.AddTyped("Alias", "System.String", g.Alias)
	o.AddTyped("DisplayName", "System.String", g.DisplayName)
	o.AddTyped("EmailAddresses", "System.String", exo.MultiValued(g.EmailAddresses))
	o.AddTyped("ExternalDirectoryObjectId", "System.String", g.ExternalDirectoryObjectId)
	o.AddTyped("HiddenFromAddressListsEnabled", "System.Boolean", g.HiddenFromAddressListsEnabled)
	o.AddTyped("PrimarySmtpAddress", "System.String", g.PrimarySmtpAddress)
	o.AddTyped("RecipientType", "System.String", g.RecipientType())
	o.AddTyped("RecipientTypeDetails", "System.String", g.RecipientTypeDetails)
	o.AddTyped("Identity", "System.String", g.Name)
	o.AddTyped("Name", "System.String", g.Name)
	o.AddTyped("DistinguishedName", "System.String", g.DistinguishedName(org.Name, org.DirectoryPartition))
	o.AddTyped("Guid", "System.Guid", groupGuid(g.Guid))
	o.AddTyped("WhenCreated", "System.DateTime", g.WhenCreated.UTC())
	name := g.Name
	o.ToStringFunc = func() string { return name }
	return o
}

func groupGuid(s string) any {
	if g, ok := object.ParseGuid(s); ok {
		return g
	}
	return s
}

// recipientGroup answers Get-Recipient for an identity that names no
// mailbox or mail user but one group: handled is true when it wrote the
// group's object.
func recipientGroup(ctx *runtime.Context, id string) (handled bool, err error) {
	if strings.Contains(id, "*") {
		return false, nil
	}
	var o *object.PSObject
	err = exo.View(ctx, func(tx *store.Tx) error {
		_, err := directory.ResolveMailboxes(tx, id, directory.ScopeAny)
		var nf *store.NotFoundError
		if err == nil || !errors.As(err, &nf) {
			return nil
		}
		gs, err := groups.Find(tx, id)
		if err != nil || len(gs) != 1 {
			return err
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		o = GroupRecipientObject(gs[0], org)
		return nil
	})
	if err != nil || o == nil {
		return false, err
	}
	return true, ctx.WriteObject(o)
}
