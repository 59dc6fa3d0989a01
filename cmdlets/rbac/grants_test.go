package rbac_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/rbac"
	rbacstore "github.com/exosim/exosim/store/rbac"
)

// A role group's role names grant what the role table's names they equal
// ignoring case grant: in other cases, and with the letters outside ASCII
// that fold with k and s (the Kelvin sign, the long s), which make a name
// longer than the table's; names a letter longer or shorter grant
// nothing. Grants asked about many cmdlets in turn, some twice, answer as
// grants made afresh for each.
func TestGrantsFoldRoleNames(t *testing.T) {
	t.Parallel()
	group := func(roles ...string) []*rbacstore.RoleGroup {
		return []*rbacstore.RoleGroup{{Name: "g", Service: rbacstore.ServiceExchange, Roles: roles}}
	}
	table := []string{"Mail Recipients", "Mailbox Search", "Message Tracking", "Legal Hold"}
	folded := rbac.GrantsFor("u", group("MAIL RECIPIENTS", "Mailbox \u017fearch", "me\u017f\u017fage trac\u212aing", "lEGAL hOLD"))
	off := rbac.GrantsFor("u", group("Mail Recipient", "Mail Recipientss", "Mailbox Searc\u212a", "Message Trackin", "Legal Hol\u017f"))
	cmdlets := []string{"Get-Mailbox", "Set-Mailbox", "New-Mailbox", "Get-MessageTrace", "get-mailbox", "Search-Mailbox",
		"Get-MessageTraceDetail", "Set-Mailbox", "Get-Recipient", "GET-MAILBOX", "New-ComplianceSearch"}
	params := []string{"DisplayName", "LitigationHoldEnabled", "RetentionHoldEnabled", "Identity"}
	granted := 0
	for _, c := range cmdlets {
		fresh := rbac.GrantsFor("u", group(table...))
		if got, want := folded.Allows(c), fresh.Allows(c); got != want {
			t.Errorf("folded names: Allows(%s) = %v, the table's names %v", c, got, want)
		}
		if got, want := folded.AllowsEveryParam(c), fresh.AllowsEveryParam(c); got != want {
			t.Errorf("folded names: AllowsEveryParam(%s) = %v, the table's names %v", c, got, want)
		}
		for _, p := range params {
			if got, want := folded.AllowsParam(c, p), fresh.AllowsParam(c, p); got != want {
				t.Errorf("folded names: AllowsParam(%s, %s) = %v, the table's names %v", c, p, got, want)
			}
		}
		if fresh.Allows(c) {
			granted++
		}
		if off.Allows(c) {
			t.Errorf("names a letter off: Allows(%s) = true", c)
		}
	}
	if granted < 6 {
		t.Errorf("the table's names grant only %d of the cmdlets", granted)
	}
}
