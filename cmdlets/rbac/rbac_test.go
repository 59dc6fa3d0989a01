package rbac_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	rbacstore "github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// anticipated are cmdlets the role table names before any package
// registers them (cmdlets the domain spec names that are not built yet).
var anticipated = map[string]bool{
	"Get-MailUser": true, "Start-ManagedFolderAssistant": true, "Export-MailboxDiagnosticLogs": true,
}

func newStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := tenant.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := seed.Init(st, seed.Contoso, store.DefaultClock(), true); err != nil {
		t.Fatal(err)
	}
	return st
}

func session(st *store.Store, user string) (*runtime.Runtime, *strings.Builder) {
	var out, errOut strings.Builder
	rt := registry.NewSession(&host.IO{Out: &out, Err: &errOut, Width: 200}, st, registry.Options{User: user})
	return rt, &errOut
}

// registered returns every registered command: a session without a
// tenant has no role-based access control.
func registered(t *testing.T) map[string]*command.Command {
	rt, _ := session(nil, "")
	out := map[string]*command.Command{}
	for _, c := range rt.Commands() {
		out[c.Name] = c
	}
	return out
}

// governedNames are the Exchange and Security & Compliance cmdlets the
// table must cover: every registered one, and every declared one
// (Invoke-HoldRemovalAction and the other documented cmdlets count even
// before their package registers them).
func governedNames(t *testing.T) []string {
	set := map[string]bool{}
	for n, c := range registered(t) {
		if rbac.Governed(c) {
			set[n] = true
		}
	}
	for _, n := range decl.Names() {
		if !rbac.IsUngated(n) {
			set[n] = true
		}
	}
	var out []string
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestRoleTable checks the table against the declarations: every role a
// seeded group names exists, every cmdlet and parameter a role names
// exists, and every governed cmdlet is granted by some role of some
// seeded role group of its own service.
func TestRoleTable(t *testing.T) {
	reg := registered(t)
	known := map[string]*command.Command{}
	for n, c := range reg {
		known[strings.ToLower(n)] = c
	}
	for _, n := range decl.Names() {
		if _, ok := known[strings.ToLower(n)]; !ok {
			known[strings.ToLower(n)] = decl.Lookup(n)
		}
	}
	for _, r := range rbac.Roles() {
		for _, g := range r.Grants {
			c, ok := known[strings.ToLower(g.Cmdlet)]
			if !ok {
				if !anticipated[g.Cmdlet] {
					t.Errorf("role %s grants unknown cmdlet %s", r.Name, g.Cmdlet)
				}
				continue
			}
			for _, p := range g.Params {
				if c.Param(p) == nil {
					t.Errorf("role %s grants %s -%s, which the cmdlet doesn't declare", r.Name, g.Cmdlet, p)
				}
			}
		}
	}
	groups := seed.BuiltInRoleGroups()
	var ptrs []*rbacstore.RoleGroup
	for i := range groups {
		ptrs = append(ptrs, &groups[i])
		for _, rn := range groups[i].Roles {
			if r, ok := rbac.LookupRole(rn); !ok {
				t.Errorf("role group %s names unknown role %q", groups[i].Name, rn)
			} else if r.Unassigned {
				t.Errorf("role group %s holds %s, which no built-in role group has", groups[i].Name, rn)
			}
		}
	}
	unassigned := map[string]bool{}
	for _, r := range rbac.Roles() {
		for _, g := range r.Grants {
			if r.Unassigned {
				unassigned[strings.ToLower(g.Cmdlet)] = true
			}
		}
	}
	for _, n := range governedNames(t) {
		if unassigned[strings.ToLower(n)] {
			continue // only an assignment the administrator makes grants it
		}
		if len(rbac.GroupsGranting(n, ptrs)) == 0 {
			t.Errorf("%s: no seeded role group grants it (add it to a role in cmdlets/rbac/roles.go)", n)
		}
	}
}

// onlyMemberOf makes annb (who starts in no role group) a member of
// exactly the named group.
func onlyMemberOf(t *testing.T, st *store.Store, group string) {
	t.Helper()
	err := st.Update(func(tx *store.Tx) error {
		users, err := directory.FindUsersByUPN(tx, "annb@contoso.com")
		if err != nil || len(users) != 1 {
			t.Fatalf("annb: %v %d", err, len(users))
		}
		id := users[0].ObjectID
		all, err := rbacstore.RoleGroups(tx)
		if err != nil {
			return err
		}
		for _, g := range all {
			if g.HasMember(id) {
				if _, err := rbacstore.RemoveRoleGroupMember(tx, g.Name, id); err != nil {
					return err
				}
			}
		}
		if group != "" {
			_, err = rbacstore.AddRoleGroupMember(tx, group, id)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCmdletsPerRoleGroup is the table over every governed cmdlet × every
// seeded role group: a cmdlet is reachable for a member exactly when a
// role of the group grants it (in the group's service), and a user in no
// role group reaches none.
func TestCmdletsPerRoleGroup(t *testing.T) {
	st := newStore(t)
	names := governedNames(t)
	reg := registered(t)
	var groups []*rbacstore.RoleGroup
	if err := st.View(func(tx *store.Tx) error {
		var err error
		groups, err = rbacstore.RoleGroups(tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(groups) < 10 {
		t.Fatalf("seeded %d role groups", len(groups))
	}
	for _, g := range append(groups, nil) {
		name := "(no role group)"
		if g != nil {
			name = g.Name
		}
		t.Run(name, func(t *testing.T) {
			onlyMemberOf(t, st, strings.TrimPrefix(name, "(no role group)"))
			rt, _ := session(st, "annb@contoso.com")
			reachable := 0
			for _, n := range names {
				want := false
				if g != nil {
					for _, rn := range g.Roles {
						r, _ := rbac.LookupRole(rn)
						for _, gr := range r.Grants {
							if strings.EqualFold(gr.Cmdlet, n) && exo.IsCompliance(n) == (g.Service == rbacstore.ServicePurview) {
								want = true
							}
						}
						want = want || rbac.GrantsUnlisted(rn, g.Service == rbacstore.ServicePurview, n)
					}
				}
				var got bool
				if _, isReg := reg[n]; isReg {
					_, got = rt.LookupCommand(n)
				} else {
					// declared but not registered yet: decide by the grants
					got = rbac.CallerGrants(rt).Allows(n)
				}
				if got != want {
					t.Errorf("%s: reachable=%v, want %v", n, got, want)
				}
				if got {
					reachable++
				}
			}
			if g == nil && reachable != 0 {
				t.Errorf("a user in no role group reaches %d cmdlets", reachable)
			}
			if g != nil && len(g.Roles) > 0 && reachable == 0 && name != "Discovery Management" {
				t.Logf("%s reaches no simulated cmdlet", name)
			}
			// Get-Command agrees with lookup.
			for _, c := range rt.Commands() {
				if rbac.Governed(c) && !rbac.CallerGrants(rt).Allows(c.Name) {
					t.Errorf("Get-Command lists %s without a grant", c.Name)
				}
			}
		})
	}
}

// TestSpotChecks pins the cases the issue names, for the seeded members.
func TestSpotChecks(t *testing.T) {
	st := newStore(t)
	cases := []struct {
		user   string
		cmdlet string
		want   bool
	}{
		{"meganb@contoso.com", "Set-Mailbox", true},
		{"meganb@contoso.com", "New-Mailbox", true},
		{"meganb@contoso.com", "Set-OMEMessageRevocation", false},
		{"meganb@contoso.com", "Invoke-HoldRemovalAction", false},
		{"meganb@contoso.com", "Search-AdminAuditLog", false},
		{"laura@contoso.com", "Get-Mailbox", true},
		{"laura@contoso.com", "Set-Mailbox", false},
		{"laura@contoso.com", "Get-RoleGroup", true},
		{"laura@contoso.com", "Add-RoleGroupMember", false},
		{"carolo@contoso.com", "Set-OMEMessageRevocation", true},
		{"carolo@contoso.com", "Search-AdminAuditLog", true},
		{"carolo@contoso.com", "Set-Mailbox", true}, // Retention Management: retention parameters only
		{"alexw@contoso.com", "Set-Mailbox", true},  // Reset Password: room mailbox password only
		{"alexw@contoso.com", "Remove-Mailbox", false},
		{"pilarp@contoso.com", "New-CaseHoldPolicy", true},
		{"pilarp@contoso.com", "New-RetentionCompliancePolicy", false},
		{"annb@contoso.com", "Get-Mailbox", false},
		{"admin@contoso.onmicrosoft.com", "Set-OMEMessageRevocation", true},
		{"admin@contoso.onmicrosoft.com", "New-RetentionCompliancePolicy", true},
		{"admin@contoso.onmicrosoft.com", "Invoke-HoldRemovalAction", true},
		{"admin@contoso.onmicrosoft.com", "Add-RoleGroupMember", true},
	}
	for _, c := range cases {
		rt, _ := session(st, c.user)
		if got := rbac.CallerGrants(rt).Allows(c.cmdlet); got != c.want {
			t.Errorf("%s %s: granted=%v, want %v", c.user, c.cmdlet, got, c.want)
		}
	}
	params := []struct {
		user, param string
		want        bool
	}{
		{"meganb@contoso.com", "DisplayName", true},
		{"meganb@contoso.com", "LitigationHoldEnabled", false},
		{"meganb@contoso.com", "RetentionHoldEnabled", false},
		{"pilarp@contoso.com", "LitigationHoldEnabled", true},
		{"pilarp@contoso.com", "DisplayName", false},
		{"alexw@contoso.com", "RoomMailboxPassword", true},
		{"alexw@contoso.com", "DisplayName", false},
		{"carolo@contoso.com", "RetentionHoldEnabled", true},
		{"carolo@contoso.com", "DisplayName", false},
		{"carolo@contoso.com", "LitigationHoldEnabled", false},
		{"admin@contoso.onmicrosoft.com", "LitigationHoldEnabled", true},
		{"admin@contoso.onmicrosoft.com", "DisplayName", true},
	}
	for _, p := range params {
		rt, _ := session(st, p.user)
		c, ok := rt.LookupCommand("Set-Mailbox")
		if !ok {
			t.Errorf("%s: Set-Mailbox not visible", p.user)
			continue
		}
		if got := c.Param(p.param) != nil; got != p.want {
			t.Errorf("%s Set-Mailbox -%s: visible=%v, want %v", p.user, p.param, got, p.want)
		}
	}
}

// TestAuditHook checks that state-changing invocations are recorded in
// order with masked secrets, including failures and refusals, and that
// reads are not.
func TestAuditHook(t *testing.T) {
	st := newStore(t)
	run := func(user, src string) {
		rt, _ := session(st, user)
		rt.Run(syntax.NewSource("", src), runtime.RunOptions{})
	}
	run("meganb@contoso.com", "Get-Mailbox annb | Out-Null; Set-Mailbox annb -CustomAttribute1 x")
	run("meganb@contoso.com", "Set-Mailbox annb -LitigationHoldEnabled $true")
	run("meganb@contoso.com", "Set-OMEMessageRevocation -MessageId '<x@y>' -Revoke $true")
	run("admin@contoso.onmicrosoft.com", "Undo-SoftDeletedMailbox nobody -Password (ConvertTo-SecureString 'Secr3t!' -AsPlainText -Force)")
	run("admin@contoso.onmicrosoft.com", "Get-Mailbox annb | Set-Mailbox -CustomAttribute2 y")
	var rs []*rbacstore.AuditRecord
	if err := st.View(func(tx *store.Tx) error {
		var err error
		rs, err = rbacstore.AuditRecords(tx, rbacstore.AuditQuery{})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	type want struct {
		cmdlet, caller, object string
		ok, refused            bool
	}
	wants := []want{
		{"Set-Mailbox", "meganb@contoso.com", "annb", true, false},
		{"Set-Mailbox", "meganb@contoso.com", "annb", false, true},
		{"Set-OMEMessageRevocation", "meganb@contoso.com", "<x@y>", false, true},
		{"Undo-SoftDeletedMailbox", "admin@contoso.onmicrosoft.com", "nobody", false, false},
		{"Set-Mailbox", "admin@contoso.onmicrosoft.com", "annb", true, false},
	}
	if len(rs) != len(wants) {
		for _, r := range rs {
			t.Logf("%+v", *r)
		}
		t.Fatalf("%d records, want %d", len(rs), len(wants))
	}
	for i, w := range wants {
		r := rs[i]
		if r.CmdletName != w.cmdlet || r.Caller != w.caller || r.ObjectModified != w.object || r.Succeeded != w.ok || r.Refused != w.refused {
			t.Errorf("record %d = %+v, want %+v", i, *r, w)
		}
		for _, p := range r.Parameters {
			if strings.Contains(p.Value, "Secr3t") {
				t.Errorf("record %d leaks a secret: %+v", i, p)
			}
		}
	}
	var masked bool
	for _, p := range rs[3].Parameters {
		masked = masked || p.Name == "Password" && p.Value == rbac.Masked
	}
	if !masked {
		t.Errorf("password not masked: %+v", rs[3].Parameters)
	}
}

// TestAuditInCmdletTransaction checks that a successful state-changing
// invocation is recorded in its own write transaction (one commit per
// command), and that one failing after its commit ends up recorded as
// the failure it was.
func TestAuditInCmdletTransaction(t *testing.T) {
	st := newStore(t)
	rt, errOut := session(st, "admin@contoso.onmicrosoft.com")
	probe := &command.Command{Name: "Set-ZzAuditProbe", Module: "Exosim"}
	probe.Handler.Process = func(ctx *command.Context) error {
		if err := exo.Update(ctx, func(tx *store.Tx) error {
			ms, err := directory.FindMailboxes(tx, "annb")
			if err != nil || len(ms) != 1 {
				return fmt.Errorf("annb: %v", err)
			}
			m := ms[0]
			m.DisplayName = "Probe"
			return directory.PutMailbox(tx, m)
		}); err != nil {
			return err
		}
		return ctx.WriteError(ctx.NewError("failed after the commit", "Probe", object.InvalidOperation, "InvalidOperationException", nil))
	}
	rt.Register(probe)
	records := func() []*rbacstore.AuditRecord {
		var rs []*rbacstore.AuditRecord
		if err := st.View(func(tx *store.Tx) error {
			var err error
			rs, err = rbacstore.AuditRecords(tx, rbacstore.AuditQuery{})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return rs
	}
	rt.Run(syntax.NewSource("", "Get-Mailbox annb | Out-Null"), runtime.RunOptions{})
	gen := st.Generation()
	rt.Run(syntax.NewSource("", "Set-Mailbox annb -CustomAttribute1 x"), runtime.RunOptions{})
	if n := st.Generation() - gen; n != 1 {
		t.Errorf("Set-Mailbox committed %d transactions, want 1 (change and audit record together)", n)
	}
	rs := records()
	if len(rs) != 1 || !rs[0].Succeeded || rs[0].CmdletName != "Set-Mailbox" || strings.Join(rs[0].ModifiedProperties, ",") != "CustomAttribute1" {
		t.Fatalf("records after Set-Mailbox: %+v", rs)
	}
	rt.Run(syntax.NewSource("", "Set-ZzAuditProbe"), runtime.RunOptions{})
	rs = records()
	if len(rs) != 2 || rs[1].CmdletName != "Set-ZzAuditProbe" || rs[1].Succeeded || !strings.Contains(rs[1].Error, "failed after the commit") || rs[1].Seq != rs[0].Seq+1 {
		for _, r := range rs {
			t.Logf("%+v", *r)
		}
		t.Fatalf("a failure after the commit is not recorded as a failure (stderr %q)", errOut.String())
	}
}

// -WhatIf and a declined confirmation do nothing, and the admin audit log
// records nothing for them (as Exchange Online's doesn't); the same
// command confirmed is recorded once, as a success.
func TestDeclinedNotAudited(t *testing.T) {
	t.Parallel()
	st := newStore(t)
	var out, errOut strings.Builder
	io := &host.IO{In: strings.NewReader("n\nl\ny\n"), Out: &out, Err: &errOut, Width: 200, StdinTTY: true}
	rt := registry.NewSession(io, st, registry.Options{})
	for _, line := range []string{
		"Set-Mailbox annb -CustomAttribute1 whatif -WhatIf",
		"Get-Mailbox -ResultSize 3 | Set-Mailbox -CustomAttribute2 whatif -WhatIf",
		"Remove-Mailbox alexw",               // answered n
		"Get-Mailbox alexw | Remove-Mailbox", // answered l
		"Reset-SimTenant -WhatIf",
		"Remove-Mailbox alexw", // answered y
	} {
		rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
	}
	if errOut.Len() > 0 {
		t.Fatalf("errors: %s", errOut.String())
	}
	var got []string
	err := st.View(func(tx *store.Tx) error {
		rs, err := rbacstore.AuditRecords(tx, rbacstore.AuditQuery{})
		for _, r := range rs {
			got = append(got, fmt.Sprintf("%s %s %v", r.CmdletName, r.ObjectModified, r.Succeeded))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Remove-Mailbox alexw true"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit log %q, want %q", got, want)
	}
}
