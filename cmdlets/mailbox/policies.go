package mailbox

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// rolePolicyParam is the Set-Mailbox parameter that gives a mailbox a
// role assignment policy.
const rolePolicyParam = "RoleAssignmentPolicy"

// PolicyConfigs are the mailbox policies of the kind f, kept in the
// organization's configuration container, as an identity names them: by
// name, GUID or distinguished name.
func PolicyConfigs[T any, P mp.Record[T]](f *mp.Family[T, P], container string) *exo.Configs[P] {
	return &exo.Configs[P]{List: f.List, Keys: func(o *directory.Organization, p P) (string, string, string) {
		h := p.Head()
		return *h.Name, *h.Guid, o.ConfigDN(*h.Name, container)
	}}
}

// AssignPolicy gives the mailbox with that Guid the policy of the kind f
// the call's param names (see exo.Configs.Lookup; $null: none, see
// mp.Family.Assign).
func AssignPolicy[T any, P mp.Record[T]](ctx *command.Context, tx *store.Tx, f *mp.Family[T, P], container, param, mailboxGuid string) (*object.ErrorRecord, error) {
	id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value(param))))
	var p P
	if id != "" {
		var rec *object.ErrorRecord
		var err error
		if p, rec, err = PolicyConfigs(f, container).Lookup(ctx, tx, id); rec != nil || err != nil {
			return rec, err
		}
	}
	return nil, f.Assign(tx, mailboxGuid, p)
}
