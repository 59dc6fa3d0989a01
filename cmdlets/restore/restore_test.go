package restore_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// softDeleted removes meganb and keeps the soft-deleted mailbox's GUID in $g.
const softDeleted = "Remove-Mailbox meganb -Confirm:$false; $g = (Get-Mailbox meganb -SoftDeletedMailbox).ExchangeGuid; "

func TestRestoreRequests(t *testing.T) {
	t.Parallel()
	newRequest := softDeleted + "$null = New-MailboxRestoreRequest -SourceMailbox $g -TargetMailbox annb -AllowLegacyDNMismatch; "
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "queued", Script: softDeleted + "$r = New-MailboxRestoreRequest -SourceMailbox $g -TargetMailbox annb -AllowLegacyDNMismatch; $r.Name; $r.Status", Out: "MailboxRestore\nQueued\n"},
		{Name: "listed with statistics", Script: newRequest + "(Get-MailboxRestoreRequest | Get-MailboxRestoreRequestStatistics).Status", Out: "Queued\n"},
		{Name: "suspend and resume", Script: newRequest + `Suspend-MailboxRestoreRequest -Identity 'annb\MailboxRestore' -Confirm:$false; (Get-MailboxRestoreRequest).Status; Resume-MailboxRestoreRequest -Identity 'annb\MailboxRestore'; (Get-MailboxRestoreRequest).Status`,
			Out: "Suspended\nQueued\n"},
		{Name: "remove", Script: newRequest + "Get-MailboxRestoreRequest | Remove-MailboxRestoreRequest -Confirm:$false; (Get-MailboxRestoreRequest | Measure-Object).Count", Out: "0\n"},
		{Name: "unknown source", Script: "New-MailboxRestoreRequest -SourceMailbox 00000000-0000-0000-0000-000000000000 -TargetMailbox annb",
			Err: "object '00000000-0000-0000-0000-000000000000' couldn't be found"},
		{Name: "none yet", Script: "(Get-MailboxRestoreRequest | Measure-Object).Count", Out: "0\n"},
	})
}
