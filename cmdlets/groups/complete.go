package groups

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
)

// groupIdentityTypes are the identity parameter types that name a group:
// Tab on their values offers the groups' aliases and addresses (a
// Microsoft 365 group's only for UnifiedGroupIdParameter).
var groupIdentityTypes = []string{"DistributionGroupIdParameter", "DistributionGroupMemberIdParameter", "UnifiedGroupIdParameter", "GroupIdParameter"}

// RegisterCompleters registers Tab completion of group identities over st.
func RegisterCompleters(rt *runtime.Runtime, st *store.Store) {
	if st == nil {
		return
	}
	complete := func(_ *command.Command, p *params.Param, _ []*params.Param, prefix string) []string {
		unifiedOnly := strings.HasPrefix(p.Type.Name, "UnifiedGroup")
		distributionOnly := strings.HasPrefix(p.Type.Name, "DistributionGroup")
		lower := strings.ToLower(prefix)
		var out []string
		// Tab must not hang while another process holds the tenant.
		_ = st.ViewNoWait(func(tx *store.Tx) error {
			gs, err := groups.List(tx)
			for _, g := range gs {
				if unifiedOnly && !g.IsUnified() || distributionOnly && g.IsUnified() {
					continue
				}
				for _, s := range []string{g.Alias, g.PrimarySmtpAddress} {
					if strings.HasPrefix(strings.ToLower(s), lower) {
						out = append(out, s)
					}
				}
			}
			return err
		})
		sort.Strings(out)
		return out
	}
	for _, t := range groupIdentityTypes {
		rt.RegisterArgumentCompleter(t, complete)
	}
}
