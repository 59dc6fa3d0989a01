package rbac_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	grants "github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/store/rbac"
)

// Every role entry Get-ManagementRoleEntry lists is a grant the command
// and parameter gates honour, and the other way round for the role
// table's own cmdlets.
func TestRoleEntriesMatchGrants(t *testing.T) {
	t.Parallel()
	common := map[string]bool{}
	for _, p := range []string{"Debug", "ErrorAction", "ErrorVariable", "OutBuffer", "OutVariable", "Verbose", "WarningAction", "WarningVariable", "Confirm", "WhatIf"} {
		common[strings.ToLower(p)] = true
	}
	for _, r := range grants.Roles() {
		entries := grants.RoleEntries(r)
		for _, e := range entries {
			// a cmdlet of both services is granted by the Exchange Online
			// role; the table's Security & Compliance cmdlets by the
			// Purview role of the same name
			g := grants.GrantsFor("", []*rbac.RoleGroup{{Name: "g", Service: rbac.ServiceExchange, Roles: []string{r.Name}}})
			if !g.Allows(e.Cmdlet) && exo.IsCompliance(e.Cmdlet) {
				g = grants.GrantsFor("", []*rbac.RoleGroup{{Name: "g", Service: rbac.ServicePurview, Roles: []string{r.Name}}})
			}
			if !g.Allows(e.Cmdlet) {
				t.Errorf("%s\\%s listed but not granted", r.Name, e.Cmdlet)
				continue
			}
			for _, p := range e.Params {
				if !common[strings.ToLower(p)] && !g.AllowsParam(e.Cmdlet, p) {
					t.Errorf("%s\\%s lists -%s, which the role does not grant", r.Name, e.Cmdlet, p)
				}
			}
		}
		for _, gr := range r.Grants {
			found := false
			for _, e := range entries {
				found = found || strings.EqualFold(e.Cmdlet, gr.Cmdlet)
			}
			if !found {
				t.Errorf("%s grants %s but lists no entry for it", r.Name, gr.Cmdlet)
			}
		}
	}
}

func TestRoleEntryParamsLeaveReservedOut(t *testing.T) {
	t.Parallel()
	cases := []struct {
		role, cmdlet, param string
		want                bool
	}{
		{"Mail Recipients", "Set-Mailbox", "LitigationHoldEnabled", false},
		{"Mail Recipients", "Set-Mailbox", "ForwardingSmtpAddress", true},
		{"Legal Hold", "Set-Mailbox", "LitigationHoldEnabled", true},
		{"Legal Hold", "Set-Mailbox", "ForwardingSmtpAddress", false},
		{"Reset Password", "Set-Mailbox", "RoomMailboxPassword", true},
		{"Audit Logs", "Set-MailboxAuditBypassAssociation", "AuditBypassEnabled", true},
		{"View-Only Recipients", "Get-CalendarProcessing", "Identity", true},
	}
	for _, c := range cases {
		r, ok := grants.LookupRole(c.role)
		if !ok {
			t.Fatalf("no role %s", c.role)
		}
		got, listed := false, false
		for _, e := range grants.RoleEntries(r) {
			if !strings.EqualFold(e.Cmdlet, c.cmdlet) {
				continue
			}
			listed = true
			got = e.Has(c.param)
		}
		if !listed || got != c.want {
			t.Errorf("%s\\%s -%s: listed %v, has %v, want %v", c.role, c.cmdlet, c.param, listed, got, c.want)
		}
	}
}
