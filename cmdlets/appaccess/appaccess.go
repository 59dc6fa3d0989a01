// Package appaccess declares the Exchange Online cmdlets of application
// access policies (New-/Get-/Set-/Remove-/Test-ApplicationAccessPolicy):
// they limit which mailboxes an app with application permissions may
// reach through Microsoft Graph, Outlook REST and EWS, one app and one
// security principal (a mail-enabled security group, a mailbox user or a
// mail user) a policy.
package appaccess

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/appaccess"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

// Output type names: a policy, and the answer of Test-ApplicationAccessPolicy.
const (
	TypePolicy     = "Deserialized.Microsoft.Exchange.Data.ApplicationAccessPolicy.ApplicationAccessPolicyConfiguration"
	TypeTestResult = "Deserialized.Microsoft.Exchange.Data.ApplicationAccessPolicy.ApplicationAccessPolicyTestResult"
)

// typeRight is the full name of AccessRight's enumeration.
const typeRight = "Microsoft.Exchange.Data.ApplicationAccessPolicyRight"

// The results of an access check.
const (
	Granted = "Granted"
	Denied  = "Denied"
)

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one of their names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-ApplicationAccessPolicy", "New-ApplicationAccessPolicy", "Set-ApplicationAccessPolicy",
		"Remove-ApplicationAccessPolicy", "Test-ApplicationAccessPolicy"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// exampleApp is the application ID of the help examples.
const exampleApp = "e7e4dbfc-046f-4074-9b3b-2ae8f144f59b"

func commands() []*command.Command {
	identity := "The policy: its Identity (<organization id>\\<app id>:<scope SID>;<scope object ID>), with or without the organization part."

	get := exo.Declared("Get-ApplicationAccessPolicy")
	get.Synopsis = "Lists the application access policies: which app, which security principal, restricted to it or denied it."
	get.OutputType = TypePolicy
	get.Examples = []command.Example{{Code: "Get-ApplicationAccessPolicy | Format-Table -Auto Description,ScopeName,AccessRight", Remark: "A summary of every policy."}}
	exo.Describe(get, map[string]string{"Identity": identity + " One that names no policy, or $null, lists every policy."})
	get.Handler.Process = getPolicies

	nw := exo.Declared("New-ApplicationAccessPolicy")
	nw.Synopsis = "Limits apps to, or keeps them from, the mailboxes of a mail-enabled security group, a mailbox user or a mail user: one policy an app."
	nw.OutputType = TypePolicy
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-ApplicationAccessPolicy -AppId ` + exampleApp + ` -PolicyScopeGroupId legalreviewers@contoso.com -AccessRight RestrictAccess -Description "Restrict this app to members of Legal Reviewers"`,
		Remark: "The app may reach only the mailboxes of the Legal Reviewers group's members."}}
	exo.Describe(nw, map[string]string{
		"AppId":              "The application (client) IDs of the apps, GUIDs; * for every app. Each app gets a policy of its own.",
		"PolicyScopeGroupID": "The security principal whose mailboxes the policy is about: a mail-enabled security group (its members, nested groups included), a mailbox user or a mail user.",
		"AccessRight":        "RestrictAccess (the app reaches only the principal's mailboxes) or DenyAccess (the app never reaches them).",
		"Description":        "A description; without one the policy describes its app, scope and right.",
	})
	nw.Handler.Process = newPolicies

	set := exo.Declared("Set-ApplicationAccessPolicy")
	set.Synopsis = "Changes the description of an application access policy."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `New-ApplicationAccessPolicy -AppId ` + exampleApp + ` -PolicyScopeGroupId legalreviewers -AccessRight DenyAccess | Out-Null; Get-ApplicationAccessPolicy | Set-ApplicationAccessPolicy -Description "Legal review mailboxes are off limits"`,
		Remark: "Describes the policy anew."}}
	exo.Describe(set, map[string]string{"Identity": identity, "Description": "The policy's new description."})
	set.Handler.Process = setPolicy

	remove := exo.Declared("Remove-ApplicationAccessPolicy")
	remove.Synopsis = "Removes an application access policy."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{{Code: `New-ApplicationAccessPolicy -AppId ` + exampleApp + ` -PolicyScopeGroupId legalreviewers -AccessRight DenyAccess | Out-Null; Get-ApplicationAccessPolicy | Remove-ApplicationAccessPolicy -Confirm:$false`,
		Remark: "Removes every policy."}}
	exo.Describe(remove, map[string]string{"Identity": identity})
	remove.Handler.Process = removePolicy

	test := exo.Declared("Test-ApplicationAccessPolicy")
	test.Synopsis = "Tells whether the policies let an app reach a recipient's mailbox (Granted or Denied)."
	test.OutputType = TypeTestResult
	test.Examples = []command.Example{{Code: `Test-ApplicationAccessPolicy -Identity annb@contoso.com -AppId ` + exampleApp,
		Remark: "Granted: no policy names the app."}}
	exo.Describe(test, map[string]string{
		"Identity": "The recipient whose mailbox the app would reach: any mailbox or mail user, or a group.",
		"AppId":    "The application (client) ID of the app, a GUID.",
	})
	test.Handler.Process = testPolicy
	return []*command.Command{get, nw, set, remove, test}
}

// scope is the security principal a policy names, as the directory has it
// now.
type scope struct {
	kind, id, objectID, sid string
	// name and display are the principal's name and display name; gone
	// marks a principal no longer in the directory.
	name, display string
	gone          bool
}

// principalOf is the scope of a mailbox or mail user (its account) or of
// a group.
func principalOf(org *directory.Organization, m *directory.Mailbox, g *groups.Group) scope {
	if g != nil {
		return scope{kind: appaccess.ScopeGroup, id: g.Guid, objectID: strings.ToLower(g.ExternalDirectoryObjectId),
			sid: permissions.SID(org.Guid, g.Guid), name: g.Name, display: g.DisplayName}
	}
	uid := m.UserObjectID
	if uid == "" {
		uid = m.ExternalDirectoryObjectId
	}
	uid = strings.ToLower(uid)
	return scope{kind: appaccess.ScopeUser, id: uid, objectID: uid, sid: permissions.SID(org.Guid, uid), name: m.Name, display: m.DisplayName}
}

// notPrincipal is the refusal of a recipient that is no security
// principal Exchange can scope a policy to.
func notPrincipal(ctx *command.Context, name, typeDetails, shown string) *object.ErrorRecord {
	return exo.Error(ctx, "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
		fmt.Sprintf("The recipient \"%s\" (%s) isn't a security principal. An application access policy can be scoped only to a mailbox user, a mail user or a mail-enabled security group; add other mailboxes to a mail-enabled security group instead.", name, typeDetails),
		object.InvalidArgument, shown)
}

// resolvePrincipal finds the security principal v names: a mailbox user
// or mail user (UserMailbox, MailUser), or a mail-enabled security group.
// Shared, resource and discovery mailboxes, distribution and Microsoft 365
// groups and mail contacts are refused, unless anyKind is true (the recipient
// an access is tested on: every mailbox, mail user and group); a value
// that names nothing is notFound's record.
func resolvePrincipal(ctx *command.Context, tx *store.Tx, org *directory.Organization, v any, anyKind bool, notFound func(string) *object.ErrorRecord) (scope, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	id = strings.TrimSpace(id)
	if id == "" {
		return scope{}, notFound(shown), nil
	}
	r, rec, err := mailbox.FindRecipient(ctx, tx, id, shown)
	switch {
	case err != nil || rec != nil:
		return scope{}, rec, err
	case r.Mailbox != nil:
		m := r.Mailbox
		if !anyKind && m.RecipientTypeDetails != directory.RecipientUserMailbox && !m.IsMailUser() {
			return scope{}, notPrincipal(ctx, m.Name, m.RecipientTypeDetails, shown), nil
		}
		return principalOf(org, m, nil), nil, nil
	case r.Group != nil:
		if !anyKind && !r.Group.IsSecurity() {
			return scope{}, notPrincipal(ctx, r.Group.Name, r.Group.RecipientTypeDetails, shown), nil
		}
		return principalOf(org, nil, r.Group), nil, nil
	case r.Contact != nil:
		return scope{}, notPrincipal(ctx, r.Contact.Name, "MailContact", shown), nil
	}
	return scope{}, notFound(shown), nil
}

// scopeOf is how a policy's scope shows now: a group or account still in
// the directory by its name and display name, one that is gone by its
// security identifier alone.
func scopeOf(tx *store.Tx, p *appaccess.Policy) (scope, error) {
	s := scope{kind: p.ScopeKind, id: p.ScopeID, objectID: p.ScopeObjectID, sid: p.ScopeSID, gone: true}
	if p.ScopeKind == appaccess.ScopeGroup {
		g, ok, err := groups.Get(tx, p.ScopeID)
		if err != nil || !ok {
			return s, err
		}
		s.name, s.display, s.gone = g.Name, g.DisplayName, false
		return s, nil
	}
	u, err := directory.GetUser(tx, p.ScopeID)
	if err != nil || u.State != directory.UserActive {
		return s, nil
	}
	s.name, s.display, s.gone = u.UserPrincipalName, u.DisplayName, false
	if u.MailboxGuid != "" {
		if m, err := directory.GetMailbox(tx, u.MailboxGuid); err == nil && !m.IsDeleted() {
			s.name, s.display = m.Name, m.DisplayName
		}
	}
	return s, nil
}

// policyObject is the object of a policy, its properties in Exchange
// Online's order; its string form is its identity.
func policyObject(tx *store.Tx, org *directory.Organization, p *appaccess.Policy) (*object.PSObject, error) {
	const tStr, tBool = "System.String", "System.Boolean"
	s, err := scopeOf(tx, p)
	if err != nil {
		return nil, err
	}
	o := object.NewObject(TypePolicy, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	name, ident := any(s.display), any(s.name)
	if s.gone {
		name, ident = nil, s.sid
	}
	id := p.Identity(org.Guid)
	o.AddTyped("ScopeName", tStr, name)
	o.AddTyped("ScopeIdentity", tStr, ident)
	o.AddTyped("Identity", tStr, id)
	o.AddTyped("AppId", tStr, p.AppId)
	o.AddTyped("ScopeIdentityRaw", tStr, p.ScopeIdentityRaw())
	o.AddTyped("Description", tStr, p.Description)
	o.AddTyped("AccessRight", tStr, p.AccessRight)
	o.AddTyped("ShardType", tStr, "All")
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	o.ToStringFunc = func() string { return id }
	return o, nil
}

// matches reports whether an identity names a policy: its identity, with
// or without the organization part, without regard to case.
func matches(org *directory.Organization, p *appaccess.Policy, id string) bool {
	id = strings.TrimSpace(id)
	return strings.EqualFold(id, p.Identity(org.Guid)) || strings.EqualFold(id, p.Key())
}

// appIDs reads -AppId: each value a GUID (any of its forms, kept in lower
// case with dashes), or * for every app when all is true; the same app
// twice counts once.
func appIDs(ctx *command.Context, values []string, all bool) ([]string, *object.ErrorRecord) {
	var out []string
	for _, v := range values {
		app := appaccess.AllApps
		if v != appaccess.AllApps || !all {
			g, ok := store.NormalizeGuid(v)
			if !ok {
				return nil, exo.Invalid(ctx, fmt.Sprintf("The AppId \"%s\" isn't valid. Specify the application (client) ID of the app, a GUID such as %s.", v, exampleApp), v)
			}
			app = g
		}
		if !exo.ContainsFold(out, app) {
			out = append(out, app)
		}
	}
	if len(out) == 0 {
		return nil, exo.Invalid(ctx, "The AppId parameter needs at least one application ID.", nil)
	}
	return out, nil
}

// defaultDescription is the description of a policy made without one: its
// app, scope and right.
func defaultDescription(p *appaccess.Policy) string {
	return fmt.Sprintf("AppId: %s; ScopeIdentitySid: %s; ScopeIdentityOid: %s; AccessRight: %s; ShardType: All", p.AppId, p.ScopeSID, p.ScopeObjectID, p.AccessRight)
}

func getPolicies(ctx *command.Context) error {
	id := ""
	if v := object.Unwrap(ctx.Value("Identity")); v != nil {
		id = exo.IdentityOf(v)
	}
	return exo.ReadObjects(ctx, id, func(tx *store.Tx) ([]*object.PSObject, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		all, err := appaccess.List(tx)
		if err != nil {
			return nil, err
		}
		// An identity that names no policy lists them all, as Exchange
		// Online's Get-ApplicationAccessPolicy does.
		shown := all
		if id != "" {
			var hits []*appaccess.Policy
			for _, p := range all {
				if matches(org, p, id) {
					hits = append(hits, p)
				}
			}
			if len(hits) > 0 {
				shown = hits
			}
		}
		out := make([]*object.PSObject, 0, len(shown))
		for _, p := range shown {
			o, err := policyObject(tx, org, p)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return out, nil
	})
}

// planNew works out the policies a New-ApplicationAccessPolicy call makes,
// one an app; rec refuses the call (an app that has a policy for the
// scope already, a scope that is no security principal).
func planNew(ctx *command.Context, tx *store.Tx, apps []string, right string) ([]*appaccess.Policy, *directory.Organization, *object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, nil, nil, err
	}
	s, rec, err := resolvePrincipal(ctx, tx, org, ctx.Value("PolicyScopeGroupID"), false, func(shown string) *object.ErrorRecord { return exo.RecipientNotFound(ctx, shown) })
	if rec != nil || err != nil {
		return nil, nil, rec, err
	}
	var out []*appaccess.Policy
	for _, app := range apps {
		p := &appaccess.Policy{AppId: app, ScopeKind: s.kind, ScopeID: s.id, ScopeObjectID: s.objectID, ScopeSID: s.sid, AccessRight: right}
		if ctx.Has("Description") {
			p.Description = ctx.String("Description")
		} else {
			p.Description = defaultDescription(p)
		}
		if _, found, err := appaccess.Get(tx, app, p.ScopeIdentityRaw()); err != nil {
			return nil, nil, nil, err
		} else if found {
			return nil, nil, exists(ctx, org, p), nil
		}
		out = append(out, p)
	}
	return out, org, nil, nil
}

// exists is the refusal of a second policy of an app for one scope.
func exists(ctx *command.Context, org *directory.Organization, p *appaccess.Policy) *object.ErrorRecord {
	id := p.Identity(org.Guid)
	return exo.Error(ctx, "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
		fmt.Sprintf("An application access policy for the app %s and the scope %s already exists: '%s'. Change or remove that policy instead.", p.AppId, p.ScopeIdentityRaw(), id),
		object.ResourceExists, id)
}

func newPolicies(ctx *command.Context) error {
	apps, rec := appIDs(ctx, exo.ValueStrings(ctx.Value("AppId")), true)
	if rec != nil {
		return ctx.Fail(rec)
	}
	var right string
	if rec := exo.EnumValue(ctx, "AccessRight", exo.IdentityOf(object.Unwrap(ctx.Value("AccessRight"))), typeRight, appaccess.AccessRights, &right); rec != nil {
		return ctx.Fail(rec)
	}
	target := exo.IdentityOf(object.Unwrap(ctx.Value("PolicyScopeGroupID")))
	// The confirmation names each policy by its identity, which needs the
	// scope: the plan is read first, then made again in the write.
	chosen := map[string]bool{}
	if !ctx.ProceedsSilently() {
		var planned []*appaccess.Policy
		var org *directory.Organization
		done, err := exo.Read(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
			ps, o, rec, err := planNew(ctx, tx, apps, right)
			planned, org = ps, o
			return rec, err
		})
		if err != nil || !done {
			return err
		}
		for _, p := range planned {
			id := p.Identity(org.Guid)
			ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create application access policy \"%s\".", id), id)
			if err != nil {
				return err
			}
			chosen[p.AppId] = ok
		}
		if !anyChosen(chosen) {
			return nil
		}
	}
	var out []*object.PSObject
	_, err := exo.Write(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = out[:0]
		planned, org, rec, err := planNew(ctx, tx, apps, right)
		if rec != nil || err != nil {
			return rec, err
		}
		for _, p := range planned {
			if ok, asked := chosen[p.AppId]; asked && !ok {
				continue
			}
			if err := appaccess.Add(tx, p); err != nil {
				return refusal(ctx, err)
			}
			o, err := policyObject(tx, org, p)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return nil, nil
	})
	if err != nil {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// anyChosen reports whether the user agreed to make any of the policies.
func anyChosen(chosen map[string]bool) bool {
	for _, ok := range chosen {
		if ok {
			return true
		}
	}
	return false
}

// findPolicy returns the policy -Identity names; none is Exchange's
// not-found error.
func findPolicy(ctx *command.Context, tx *store.Tx, id string) (*appaccess.Policy, *directory.Organization, *object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, nil, nil, err
	}
	all, err := appaccess.List(tx)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, p := range all {
		if matches(org, p, id) {
			return p, org, nil, nil
		}
	}
	return nil, nil, exo.NotFound(ctx, id), nil
}

// changePolicy finds the policy -Identity names, asks with the action's
// words, and changes it in one write.
func changePolicy(ctx *command.Context, action string, change func(tx *store.Tx, p *appaccess.Policy) error) error {
	id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var p *appaccess.Policy
	var org *directory.Organization
	_, err := exo.Confirmed(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		found, o, rec, err := findPolicy(ctx, tx, id)
		p, org = found, o
		return rec, err
	}, func() (string, string) {
		shown := p.Identity(org.Guid)
		return fmt.Sprintf("%s \"%s\".", action, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return refusal(ctx, change(tx, p))
	})
	return err
}

// refusal words the store's refusal of a write as Exchange does: the
// policies' space used up is the service's error; other errors pass on.
func refusal(ctx *command.Context, err error) (*object.ErrorRecord, error) {
	var full *appaccess.SizeError
	if errors.As(err, &full) {
		return exo.InvalidOperation(ctx, "The total size of App Access Policies exceeded the limit.", nil), nil
	}
	return nil, err
}

func setPolicy(ctx *command.Context) error {
	unchanged := ""
	err := changePolicy(ctx, "Configure application access policy", func(tx *store.Tx, p *appaccess.Policy) error {
		if !ctx.Has("Description") || p.Description == ctx.String("Description") {
			unchanged = p.Key()
			return nil
		}
		p.Description = ctx.String("Description")
		return appaccess.Update(tx, p)
	})
	if err == nil && unchanged != "" {
		exo.WarnUnchanged(ctx, strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity")))))
	}
	return err
}

func removePolicy(ctx *command.Context) error {
	return changePolicy(ctx, "Remove application access policy", func(tx *store.Tx, p *appaccess.Policy) error {
		return appaccess.Remove(tx, p)
	})
}

// groupsHolding returns the GUIDs of the groups id (an account's object ID
// or a group's GUID) is a member of, directly or through nested groups.
func groupsHolding(tx *store.Tx, id string) (map[string]bool, error) {
	all, err := groups.List(tx)
	if err != nil {
		return nil, err
	}
	parents := map[string][]string{}
	for _, g := range all {
		for _, m := range g.Members {
			k := strings.ToLower(m.ID)
			parents[k] = append(parents[k], g.Guid)
		}
	}
	held := map[string]bool{}
	queue := []string{strings.ToLower(id)}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		for _, g := range parents[next] {
			if !held[g] {
				held[g] = true
				queue = append(queue, g)
			}
		}
	}
	return held, nil
}

// Evaluate is Exchange's access check of an app (a lower-case GUID) on
// the mailbox of a principal (kind and ID as a policy's scope names them),
// given the groups the principal is in (groupsHolding): a DenyAccess
// policy whose scope holds the principal denies; else a RestrictAccess
// policy whose scope holds it grants; else any RestrictAccess policy of
// the app denies; with none of these the app is granted access.
func Evaluate(policies []*appaccess.Policy, app, kind, id string, held map[string]bool) string {
	holds := func(p *appaccess.Policy) bool {
		return p.ScopeKind == kind && p.ScopeID == id || p.ScopeKind == appaccess.ScopeGroup && held[p.ScopeID]
	}
	restricted, restrictHolds := false, false
	for _, p := range policies {
		if !p.Applies(app) {
			continue
		}
		switch p.AccessRight {
		case appaccess.DenyAccess:
			if holds(p) {
				return Denied
			}
		case appaccess.RestrictAccess:
			restricted = true
			if holds(p) {
				restrictHolds = true
			}
		}
	}
	if restricted && !restrictHolds {
		return Denied
	}
	return Granted
}

func testPolicy(ctx *command.Context) error {
	apps, rec := appIDs(ctx, []string{strings.TrimSpace(ctx.String("AppId"))}, false)
	if rec != nil {
		return ctx.Fail(rec)
	}
	app := apps[0]
	target := exo.IdentityOf(object.Unwrap(ctx.Value("Identity")))
	var out *object.PSObject
	done, err := exo.Read(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		s, rec, err := resolvePrincipal(ctx, tx, org, ctx.Value("Identity"), true, func(shown string) *object.ErrorRecord { return exo.NotFound(ctx, shown) })
		if rec != nil || err != nil {
			return rec, err
		}
		held, err := groupsHolding(tx, s.id)
		if err != nil {
			return nil, err
		}
		policies, err := appaccess.List(tx)
		if err != nil {
			return nil, err
		}
		const tStr = "System.String"
		out = object.NewObject(TypeTestResult, "Deserialized.System.Object")
		out.AddTyped("AppId", tStr, app)
		out.AddTyped("Mailbox", tStr, s.name)
		out.AddTyped("MailboxId", tStr, s.objectID)
		out.AddTyped("MailboxSid", tStr, s.sid)
		out.AddTyped("AccessCheckResult", tStr, Evaluate(policies, app, s.kind, s.id, held))
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}
