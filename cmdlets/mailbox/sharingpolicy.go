package mailbox

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// sharingPolicyParam is the Set-Mailbox parameter that gives a mailbox a
// sharing policy of its own.
const sharingPolicyParam = "SharingPolicy"

// sharingPolicies are the organization's sharing policies as an identity
// names them: by name, Guid or distinguished name.
var sharingPolicies = exo.Configs[*sp.Policy]{List: sp.List, Keys: sp.Keys}

// planSharingPolicy resolves -SharingPolicy to the Guid of the policy the
// mailbox is to have ("" for $null: it follows the default policy again).
func planSharingPolicy(ctx *command.Context, tx *store.Tx, p *setPlan) (*object.ErrorRecord, error) {
	id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value(sharingPolicyParam))))
	guid := ""
	if id != "" {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		all, err := sp.List(tx)
		if err != nil {
			return nil, err
		}
		found := sharingPolicies.Match(org, all, id, false)
		switch len(found) {
		case 0:
			return exo.Error(ctx, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
				"Sharing policy \""+id+"\" wasn't found.  Make sure you typed the policy name correctly.", object.ObjectNotFound, id), nil
		case 1:
			guid = found[0].Guid
		default:
			return exo.Error(ctx, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
				"There are multiple sharing policies that match the identity \""+id+"\". Please specify a unique value.", object.InvalidArgument, id), nil
		}
	}
	p.sharingPolicy = &guid
	return nil, nil
}
