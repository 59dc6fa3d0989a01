package onprem_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// An Exchange Management Shell on the on-premises server (exosim --onprem).
func TestManagementShell(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{OnPrem: true}, []sessiontest.Case{
		{Name: "databases", Script: "(Get-MailboxDatabase).Name -join ','", Out: "DB01,DB02\n"},
		{Name: "mailboxes", Script: "(Get-Mailbox).Count", Out: "3\n"},
		{Name: "result size", Script: "(Get-Mailbox -ResultSize 2 -WarningAction SilentlyContinue).Name -join ','", Out: "Enrico Cattaneo,Irvin Sayers\n"},
		{Name: "result size warns", Script: "$null = Get-Mailbox -ResultSize 1 -WarningVariable w -WarningAction SilentlyContinue; $w.Count", Out: "1\n"},
		{Name: "result size zero", Script: "Get-Mailbox -ResultSize 0", Err: `Valid values are a positive integer or "Unlimited".`},
		{Name: "unmodelled parameter says so", Script: "Get-Mailbox -RecipientTypeDetails UserMailbox", Err: "The -RecipientTypeDetails parameter of Get-Mailbox is real, but exosim does not simulate it"},
		{Name: "not found", Script: "Get-Mailbox nosuch", Err: "The operation couldn't be performed because object 'nosuch' couldn't be found on 'DC01.contoso.local'."},
		{Name: "no cloud cmdlets", Script: "Get-MailUser", Err: "The term 'Get-MailUser' is not recognized"},
		{Name: "no remote sessions yet", Script: "(Get-PSSession | Measure-Object).Count", Out: "0\n"},
	})
}
