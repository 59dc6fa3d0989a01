# Tests of the hold-removal runbook. The file's BeforeAll makes Pilar
# Pinilla's mailbox inactive while four kinds of hold keep it: Litigation
# Hold, the "Legal Keep" policy that names her, the "Fabrikam Hold" case and
# the organization-wide "Org Retain 7y"; every Describe starts from there.
BeforeAll {
    . $PSScriptRoot/Remove-InactiveMailboxHold.ps1
    Connect-IPPSSession -ShowBanner:$false
    Add-RoleGroupMember 'Discovery Management' -Member admin@contoso.onmicrosoft.com
    Set-RetentionCompliancePolicy -Identity 'Org Retain 7y' -Enabled $true
    Set-CaseHoldPolicy -Identity 'Fabrikam Hold' -AddExchangeLocation pilarp@contoso.com
    Set-Mailbox pilarp -LitigationHoldEnabled $true
    Remove-Mailbox pilarp -Confirm:$false
}

Describe 'The inactive mailbox before the runbook' {
    It 'is inactive and on Litigation Hold' {
        $mailbox = Get-Mailbox -InactiveMailboxOnly pilarp
        $mailbox.IsInactiveMailbox | Should -BeTrue
        $mailbox.LitigationHoldEnabled | Should -BeTrue
    }

    It 'carries a hold of kind <Kind>' -ForEach @(
        @{ Kind = 'retention policy'; Hold = 'mbxcdbbb86ce60342489bff371876e7f224:2' }
        @{ Kind = 'case hold'; Hold = 'UniH7d895d48-7e23-4a8d-8346-533c3beac15d' }
        @{ Kind = 'In-Place Hold'; Hold = 'c0ba3ce811b6432a8751430937152491' }
    ) {
        (Get-Mailbox -InactiveMailboxOnly pilarp).InPlaceHolds | Should -Contain $Hold
    }
}

Describe 'Remove-InactiveMailboxHold' {
    BeforeAll {
        $removed = Remove-InactiveMailboxHold -Identity pilarp
        $mailbox = Get-Mailbox -InactiveMailboxOnly pilarp
    }

    It 'reports what it removed' {
        $removed | Should -Contain 'LitigationHold'
        $removed | Should -HaveCount 4
    }

    It 'turns Litigation Hold off' {
        $mailbox.LitigationHoldEnabled | Should -BeFalse
    }

    It 'leaves only exclusions from organization-wide policies' {
        $mailbox.InPlaceHolds | Should -Not -BeNullOrEmpty
        foreach ($hold in $mailbox.InPlaceHolds) {
            $hold | Should -BeLike '-mbx*' -Because 'every mailbox-level hold is gone'
        }
    }

    It 'takes the mailbox out of the case hold' {
        (Get-CaseHoldPolicy 'Fabrikam Hold').ExchangeLocation | Should -Not -Contain 'pilarp@contoso.com'
    }

    It 'keeps the mailbox inactive while the delay hold lasts' {
        $mailbox.IsInactiveMailbox | Should -BeTrue
        $mailbox.DelayHoldApplied | Should -BeTrue
    }

    It 'retires the mailbox once the delay hold is over' {
        Set-SimClock -Advance '31.00:00:00'
        Get-Mailbox -InactiveMailboxOnly pilarp -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
