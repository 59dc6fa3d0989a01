package mailbox

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// identityTypes are the identity parameter types that name a mailbox or
// recipient: Tab on their values offers the tenant's aliases and SMTP
// addresses.
var identityTypes = []string{
	"MailboxIdParameter", "RecipientIdParameter", "GeneralRecipientIdParameter", "UserIdParameter",
	"MailboxOrMailUserIdParameter", "GeneralMailboxOrMailUserIdParameter", "StoreMailboxIdParameter",
	"RemovedMailboxIdParameter", "SecurityPrincipalIdParameter", "SourceMailbox", "MailboxLocationIdParameter",
	"RoleGroupMemberIdParameter", "RoleAssigneeIdParameter",
}

// identityLimit caps the candidates one Tab reads from the indexes.
const identityLimit = 50

// RegisterCompleters registers Tab completion of mailbox identities over
// st: a bounded seek of the alias and SMTP indexes per Tab, whatever the
// tenant's size. Active mailboxes are offered, soft-deleted and inactive
// ones instead for RemovedMailboxIdParameter and when a switch that lists
// them (-SoftDeletedMailbox, -InactiveMailboxOnly ...) is on the line.
func RegisterCompleters(rt *runtime.Runtime, st *store.Store) {
	complete := func(cmd *command.Command, p *params.Param, named []*params.Param, prefix string) []string {
		deleted := strings.HasPrefix(p.Type.Name, "RemovedMailbox")
		for _, n := range named {
			switch strings.ToLower(n.Name) {
			case "softdeletedmailbox", "inactivemailboxonly", "includeinactivemailbox", "includesoftdeletedobjects", "softdeleteduser":
				deleted = true
			}
		}
		var out []string
		// Tab must not hang while another process holds the tenant.
		_ = st.ViewNoWait(func(tx *store.Tx) error {
			var err error
			out, err = directory.CompleteMailboxIdentity(tx, prefix, identityLimit, func(m *directory.Mailbox) bool { return m.IsDeleted() == deleted })
			return err
		})
		return out
	}
	for _, t := range identityTypes {
		rt.RegisterArgumentCompleter(t, complete)
	}
}
