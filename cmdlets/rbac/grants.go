// Package rbac is Exchange Online's role-based access control and admin
// audit log in the simulator: who the caller is (exo.Caller), which
// cmdlets and parameters the caller's role groups grant (a command or
// parameter gate hides everything else, so it does not exist for the
// session), the role management cmdlets (Get-RoleGroup,
// Get-RoleGroupMember, Add-/Remove-RoleGroupMember, Get-ManagementRole,
// Get-ManagementRoleAssignment), and the audit log every state-changing
// cmdlet writes to (Search-AdminAuditLog, Search-UnifiedAuditLog).
package rbac

import (
	"strings"
	"sync"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
)

// grantsSlot caches the caller's grants in the session; they are dropped
// after every audited (state-changing) invocation and whenever the caller
// changes.
var grantsSlot = command.NewSlot[*Grants]()

// cmdGrant is what the caller may do with one cmdlet.
type cmdGrant struct {
	all    bool            // every non-reserved parameter
	params map[string]bool // lower-case parameter names granted by name (nil: none)
}

// Grants is the effective permission set of one caller.
type Grants struct {
	Caller string
	// Unrestricted is true when the session has no tenant (nothing to
	// check against, e.g. exosim lint).
	Unrestricted bool
	// Groups are the caller's role groups (what decides their grants).
	Groups []rbac.GroupRoles
	// Direct are the Exchange Online roles assigned to the caller alone
	// (New-ManagementRoleAssignment -User), by name.
	Direct []string
	// firstKey and first hold what the groups grant for the first cmdlet
	// asked about (lower-case name; nil: nothing), cmds for the others
	// (nil until a second is asked about): a session asks about the few
	// cmdlets it runs, a one-shot command about one, so the grants are
	// worked out per cmdlet, when first asked.
	mu       sync.Mutex
	firstKey string
	first    *cmdGrant
	cmds     map[string]*cmdGrant
	// roles are the roles the groups and Direct hold (roleKey), for the
	// cmdlets the role table does not name (unlistedRoles); worked out
	// the first time such a cmdlet is asked about (nil until then)
	roles map[string]bool
	// st and gen are the tenant and its PrincipalsGeneration the grants
	// were computed for, signedIn the session's exo.Session.Caller then:
	// while all three hold, the caller (that field, else the tenant's
	// administrator, a principal) and every record the grants were read
	// from are unchanged.
	st       *store.Store
	gen      uint64
	signedIn string
}

// Governed reports whether role-based access control decides about c:
// the Exchange Online and Security & Compliance cmdlets, not the
// module's connection cmdlets, PowerShell's own or the simulator's.
func Governed(c *command.Command) bool {
	return c.Module == exo.Module && !IsUngated(c.Base())
}

// IsUngated reports whether a cmdlet (any case) is one of the
// ExchangeOnlineManagement module's own cmdlets that every signed-in user
// has: the connection cmdlets run on the client.
func IsUngated(name string) bool {
	return strings.EqualFold(name, "Connect-ExchangeOnline") || strings.EqualFold(name, "Connect-IPPSSession") ||
		strings.EqualFold(name, "Disconnect-ExchangeOnline") || strings.EqualFold(name, "Get-ConnectionInformation")
}

// Allows reports whether the grants include the cmdlet.
func (g *Grants) Allows(cmdlet string) bool {
	if g.Unrestricted {
		return true
	}
	if g.grantOf(cmdlet) != nil {
		return true
	}
	return g.allowsUnlisted(cmdlet)
}

// allowsUnlisted reports whether a role the groups hold grants a cmdlet
// the role table does not name.
func (g *Grants) allowsUnlisted(cmdlet string) bool {
	unlisted := unlistedRoles(cmdlet)
	if len(unlisted) == 0 {
		return false
	}
	held := g.heldRoles()
	for _, r := range unlisted {
		if held[r] {
			return true
		}
	}
	return false
}

// heldRoles returns the roles the groups and Direct hold, by roleKey.
func (g *Grants) heldRoles() map[string]bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.roles != nil {
		return g.roles
	}
	roles := map[string]bool{}
	for _, grp := range g.Groups {
		purview := grp.Service == rbac.ServicePurview
		for _, rn := range grp.Roles {
			if _, ok := LookupRole(rn); ok {
				roles[roleKey(rn, purview)] = true
			}
		}
	}
	for _, rn := range g.Direct {
		if _, ok := LookupRole(rn); ok {
			roles[roleKey(rn, false)] = true
		}
	}
	g.roles = roles
	return roles
}

// AllowsParam reports whether the grants include the cmdlet's parameter.
func (g *Grants) AllowsParam(cmdlet, param string) bool {
	if g.Unrestricted {
		return true
	}
	cg := g.grantOf(cmdlet)
	if cg == nil {
		return g.allowsUnlisted(cmdlet)
	}
	if granted(cg.params, param) {
		return true
	}
	return cg.all && !isReserved(cmdlet, param)
}

// AllowsEveryParam reports whether the grants include every parameter of
// the cmdlet (AllowsParam holds for each): the cmdlet is granted whole and
// has no reserved parameters.
func (g *Grants) AllowsEveryParam(cmdlet string) bool {
	if g.Unrestricted {
		return true
	}
	cg := g.grantOf(cmdlet)
	if cg == nil {
		return g.allowsUnlisted(cmdlet)
	}
	return cg.all && !hasReserved(cmdlet)
}

// GrantsFor returns what the role groups grant (each group limited to
// its service's cmdlets).
func GrantsFor(caller string, groups []*rbac.RoleGroup) *Grants {
	parts := make([]rbac.GroupRoles, len(groups))
	for i, grp := range groups {
		parts[i] = rbac.GroupRoles{Name: grp.Name, Service: grp.Service, Roles: grp.Roles}
	}
	return &Grants{Caller: caller, Groups: parts}
}

// WithDirect adds roles assigned to the caller alone (Exchange Online
// roles, by name) to the grants.
func (g *Grants) WithDirect(roles []string) *Grants {
	g.mu.Lock()
	g.Direct = append(g.Direct, roles...)
	g.roles = nil // worked out again, with these
	g.mu.Unlock()
	return g
}

// grantOf returns what the groups grant for a cmdlet (nil: nothing),
// working it out the first time it is asked from the role entries that
// cover the cmdlet (the role table's cmdlet index), held by a role of a
// group of the cmdlet's service or assigned directly.
func (g *Grants) grantOf(cmdlet string) *cmdGrant {
	g.mu.Lock()
	defer g.mu.Unlock()
	var b [64]byte
	k, ok := lowerASCII(b[:0], cmdlet) // a key made without allocating
	if !ok {
		k = []byte(strings.ToLower(cmdlet))
	}
	if g.firstKey != "" && g.firstKey == string(k) {
		return g.first
	}
	if cg, ok := g.cmds[string(k)]; ok {
		return cg
	}
	var cg *cmdGrant
	e := cmdletEntry(k)
	key := ""
	if e != nil {
		key = e.Cmdlet // the index's own string: nothing to copy
		purview := exo.IsComplianceLower(e.Cmdlet)
		for i := range g.Groups {
			if grp := &g.Groups[i]; (grp.Service == rbac.ServicePurview) == purview {
				cg = addGrants(cg, e.Grants, grp.Roles)
			}
		}
		if !purview {
			cg = addGrants(cg, e.Grants, g.Direct) // roles assigned alone are Exchange Online roles
		}
	} else {
		key = string(k)
	}
	switch {
	case g.firstKey == "":
		g.firstKey, g.first = key, cg
	case g.cmds == nil:
		g.cmds = map[string]*cmdGrant{key: cg}
	default:
		g.cmds[key] = cg
	}
	return cg
}

// addGrants adds to cg (nil: nothing yet) what the role entries grant
// that one of the roles roleNames holds, and returns it.
//
// The role table's names are ASCII (TestRoleNamesAreASCII): a name equals
// one of them ignoring case only when it has the same length and first
// letter, or when it is longer by the Kelvin signs and long s's it has
// for the name's k's and s's (the only letters outside ASCII that fold
// with ASCII ones: two bytes more for a Kelvin sign, one for a long s).
// A name that can be neither for any entry is passed over.
func addGrants(cg *cmdGrant, entries []roleGrant, roleNames []string) *cmdGrant {
	var same, longer uint64 // bit lengthLetter of each entry's role; bit n: a length a longer equal name may have
	for i := range entries {
		role := entries[i].Role
		if role == "" {
			continue
		}
		same |= 1 << lengthLetter(role)
		extra := 0
		for j := 0; j < len(role); j++ {
			switch role[j] | 0x20 {
			case 'k':
				extra += 2
			case 's':
				extra++
			}
		}
		for n := len(role) + 1; n <= len(role)+extra && n < 64; n++ {
			longer |= 1 << n
		}
	}
	for _, rn := range roleNames {
		if rn == "" || same>>lengthLetter(rn)&1 == 0 && len(rn) < 64 && longer>>len(rn)&1 == 0 {
			continue
		}
		for i := range entries {
			e := &entries[i]
			switch {
			case len(rn) == len(e.Role):
				if rn != e.Role && (rn[0]|0x20 != e.Role[0]|0x20 || !strings.EqualFold(e.Role, rn)) {
					continue
				}
			case len(rn) > len(e.Role):
				if rn[0] < 0x80 && rn[0]|0x20 != e.Role[0]|0x20 || !strings.EqualFold(e.Role, rn) {
					continue
				}
			default:
				continue
			}
			if cg == nil {
				cg = &cmdGrant{}
			}
			if e.Params == nil {
				cg.all = true
			}
			for _, p := range e.Params {
				if cg.params == nil {
					cg.params = map[string]bool{}
				}
				cg.params[strings.ToLower(p)] = true
			}
		}
	}
	return cg
}

// lengthLetter is the bit addGrants keeps for a name (not empty): of its
// length and its first byte in lower case, which two names equal ignoring
// ASCII case share.
func lengthLetter(s string) uint {
	return uint(len(s)*7+int(s[0]|0x20)) & 63
}

// granted reports whether set holds the lower-case form of name.
func granted(set map[string]bool, name string) bool {
	var b [64]byte
	if k, ok := lowerASCII(b[:0], name); ok {
		return set[string(k)] // looked up without making the key
	}
	return set[strings.ToLower(name)]
}

// lowerASCII appends the lower-case form of an ASCII name of at most
// cap(b) bytes to b; ok is false for a longer or non-ASCII name.
func lowerASCII(b []byte, name string) (key []byte, ok bool) {
	if len(name) > cap(b) {
		return nil, false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// GroupsGranting lists the role groups whose roles grant the cmdlet.
func GroupsGranting(cmdlet string, groups []*rbac.RoleGroup) []string {
	var out []string
	for _, grp := range groups {
		if GrantsFor("", []*rbac.RoleGroup{grp}).Allows(cmdlet) {
			out = append(out, grp.Name)
		}
	}
	return out
}

// callerAccess returns the role groups and the directly assigned roles
// of the account with this UPN (store/rbac.CallerAccess). A tenant
// without stored role groups (created before they existed, or not seeded
// yet) gives the administrator the built-in administrator groups.
func callerAccess(tx *store.Tx, upn string) ([]rbac.GroupRoles, []string, error) {
	acc, err := rbac.CallerAccess(tx, upn)
	if err != nil || acc.HasGroups {
		return acc.Groups, acc.Direct, err
	}
	admin := seed.AdminUPN
	if o, err := directory.GetOrganization(tx); err == nil && o.AdminUPN != "" {
		admin = o.AdminUPN
	}
	if !strings.EqualFold(admin, upn) {
		return nil, acc.Direct, nil
	}
	var out []rbac.GroupRoles
	for _, bg := range seed.BuiltInRoleGroups() {
		switch bg.Name {
		case "Organization Management", "Compliance Administrator", "eDiscovery Manager":
			out = append(out, rbac.GroupRoles{Name: bg.Name, Service: bg.Service, Roles: bg.Roles})
		}
	}
	return out, acc.Direct, nil
}

// CallerGrants returns the session caller's grants (cached).
//
// The gates ask for every command and parameter they decide about, so
// the cached grants are recognised without working out who the caller
// is: the signed-in user the session names and the tenant's principals
// generation are compared as they are.
func CallerGrants(sess command.Session) *Grants {
	es := exo.SessionOf(sess)
	st := es.Store
	var gen uint64
	if st != nil {
		gen = st.PrincipalsGeneration()
	}
	if g, ok := grantsSlot.Get(sess); ok && g.st == st && g.gen == gen && g.signedIn == es.Caller {
		return g
	}
	caller := exo.Caller(sess)
	if st == nil {
		g := &Grants{Caller: caller, Unrestricted: true, signedIn: es.Caller}
		grantsSlot.Set(sess, g)
		return g
	}
	g := &Grants{Caller: caller, st: st, gen: gen, signedIn: es.Caller}
	err := st.View(func(tx *store.Tx) error {
		var err error
		g.Groups, g.Direct, err = callerAccess(tx, caller)
		return err
	})
	if err != nil {
		// an unreadable tenant grants nothing; the cmdlets that could
		// report the problem are the ones hidden.
		g.Groups, g.Direct = nil, nil
	}
	grantsSlot.Set(sess, g)
	return g
}

// Invalidate drops the cached grants (membership may have changed).
func Invalidate(rt *runtime.Runtime) { grantsSlot.Clear(rt) }

// Install adds role-based access control and the audit log to a session:
// the command and parameter gates, and the audit hook.
func Install(rt *runtime.Runtime) {
	rt.AddCommandGate(commandGate)
	rt.AddParamGate(paramGate)
	// The parameter gate answers from the caller's grants alone, which
	// CallerGrants keeps as one value while they hold.
	rt.SetGateKey(gateKey)
	rt.AddInvocationHook(Audited, func(ev command.InvocationEvent) { audit(rt, ev) })
	exo.AddUpdateHook(rt, auditInTx)
}

// The gates are named functions declared beside Install, not function
// literals: the compiler places a literal that captures nothing after
// every function of the package, and a one-shot command would enter that
// far stretch of code for them alone.
//
// Audited, the filter of the audit hook Install adds, is declared here
// too, with what it asks (stateChanging, isSignIn), rather than with the
// rest of the audit log's code (audit.go): every command a session runs
// asks it, and the log's code is linked tens of KB away from the gates
// the same command runs.

// stateChanging reports whether a verb (any case) is one of the verbs of
// the cmdlets the audit log records: the ones that change the tenant
// (Release- and Delete-QuarantineMessage among them).
// Get-, Search-, Test- and Export- cmdlets only read and are never
// recorded.
func stateChanging(verb string) bool {
	for _, v := range [...]string{"Set", "New", "Remove", "Add", "Enable", "Disable", "Undo", "Restore", "Invoke",
		"Start", "Suspend", "Resume", "Reset", "Send", "Switch", "Update", "Stop", "Clear", "Release", "Delete"} {
		if strings.EqualFold(verb, v) {
			return true
		}
	}
	return false
}

// isSignIn reports whether a cmdlet (any case) signs a session in: every
// attempt, granted or failed, is recorded, so the log shows who worked as
// whom.
func isSignIn(name string) bool {
	return strings.EqualFold(name, "Connect-ExchangeOnline") || strings.EqualFold(name, "Connect-IPPSSession") ||
		strings.EqualFold(name, "Connect-MgGraph")
}

// Audited reports whether invocations of c are recorded in the audit log:
// state-changing cmdlets of Exchange Online and Security & Compliance,
// Microsoft Graph and the simulator (a trainer replaying a session needs
// the clock moves and sender revocations too), and every sign-in
// (Connect-ExchangeOnline, Connect-IPPSSession, Connect-MgGraph).
// PowerShell's own cmdlets (Set-Variable, Start-Sleep ...) are not.
func Audited(c *command.Command) bool {
	if isSignIn(c.Name) {
		return true
	}
	if !stateChanging(c.Verb()) {
		return false
	}
	switch {
	case c.Module == exo.Module:
		return !IsUngated(c.Base())
	case c.Module == simModule, strings.HasPrefix(c.Module, "Microsoft.Graph"):
		return true
	}
	return false
}

// commandGate shows a governed cmdlet only to a caller whose grants
// include it.
func commandGate(s command.Session, c *command.Command) bool {
	return !Governed(c) || CallerGrants(s).Allows(c.Base())
}

// paramGate hides the parameters of a governed cmdlet that the caller's
// grants leave out (nil: every parameter is granted).
func paramGate(s command.Session, c *command.Command) func(p *params.Param) bool {
	if !Governed(c) {
		return nil
	}
	g := CallerGrants(s)
	if g.AllowsEveryParam(c.Base()) {
		return nil
	}
	return func(p *params.Param) bool { return g.AllowsParam(c.Base(), p.Name) }
}

// gateKey is what the parameter gate's answer depends on: the caller's
// grants.
func gateKey(s command.Session) any { return CallerGrants(s) }

// TrainerGroup is the role group whose members hold the simulator's
// trainer role: the simulator cmdlets that change the simulation itself
// (the clock, a reset, bulk mailboxes, mail sent as someone else,
// switching accounts) are theirs. By default that is the tenant's
// administrator; the group can't lose its last member (store).
const TrainerGroup = rbac.OrgManagementGroup

// IsTrainer reports whether the session's signed-in user holds the
// simulator's trainer role (see TrainerGroup). A session without a tenant
// (exosim lint) is unrestricted.
func IsTrainer(rt *runtime.Runtime) bool { return IsOrgAdmin(rt) }

// IsOrgAdmin reports whether the session's signed-in user is one of the
// organization's administrators (a member of Organization Management),
// which the simulator also takes for the directory administrator roles
// Microsoft Graph's account and licence changes need.
func IsOrgAdmin(rt *runtime.Runtime) bool {
	g := CallerGrants(rt)
	if g.Unrestricted {
		return true
	}
	for _, grp := range g.Groups {
		if strings.EqualFold(grp.Name, rbac.OrgManagementGroup) {
			return true
		}
	}
	return false
}
