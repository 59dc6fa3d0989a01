# Tests of the restore runbook: Walter Harp's and Allie Bellew's mailboxes
# are soft-deleted (no hold keeps them). One test below fails on purpose: it
# expects a restore request to be complete the moment it is created.
BeforeAll {
    . $PSScriptRoot/Restore-DeletedMailbox.ps1
}

Describe 'Undo within the 30-day window' {
    BeforeAll {
        Remove-Mailbox -Identity walterh -Confirm:$false
    }

    It 'lists the mailbox as soft-deleted' {
        (Get-Mailbox -SoftDeletedMailbox walterh).IsInactiveMailbox | Should -BeFalse
    }

    It 'brings the mailbox back' {
        Restore-DeletedMailbox -Identity walterh
        (Get-Mailbox walterh).WhenSoftDeleted | Should -BeNullOrEmpty
        Get-Mailbox -SoftDeletedMailbox | Should -BeNullOrEmpty
    }
}

Describe 'After 31 days' {
    BeforeAll {
        Remove-Mailbox -Identity walterh -Confirm:$false
        Set-SimClock -Advance '31.00:00:00'
    }

    It 'the mailbox has been purged and cannot be undone' {
        { Restore-DeletedMailbox -Identity walterh } | Should -Throw -ExpectedMessage "*couldn't be found*"
    }
}

Describe 'Restore into a new mailbox' {
    BeforeAll {
        Remove-Mailbox -Identity allieb -Confirm:$false
        $itemsBefore = (Get-MailboxStatistics allieb2).ItemCount
    }

    It 'polls the request until it completes' {
        $stats = Restore-DeletedMailbox -Identity allieb -TargetMailbox allieb2 -PollSeconds 300
        $stats.Status | Should -Be 'Completed'
        $stats.PercentComplete | Should -Be 100
        (Get-MailboxStatistics allieb2).ItemCount | Should -BeGreaterThan $itemsBefore
    }

    It 'leaves the source soft-deleted' {
        Get-Mailbox -SoftDeletedMailbox allieb | Should -Not -BeNullOrEmpty
    }

    It 'is complete as soon as it is created (fails on purpose: restores take time)' {
        Remove-MailboxRestoreRequest -Identity 'allieb2\MailboxRestore' -Confirm:$false
        (Restore-DeletedMailbox -Identity allieb -TargetMailbox allieb2 -NoWait).Status |
            Should -Be 'Completed' -Because 'the runbook assumes the copy is instant'
    }
}
