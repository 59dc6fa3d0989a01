# Runbook: remove every hold from an inactive mailbox so that it can be
# retired. Each entry of InPlaceHolds names a kind of hold by its prefix:
# mbx<policy> is a retention policy naming the mailbox, UniH<policy> an
# eDiscovery case hold, a bare GUID an In-Place Hold; Litigation Hold is a
# flag of its own, and organization-wide policies are excluded all at once.
function Remove-InactiveMailboxHold {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Identity)

    $mailbox = Get-Mailbox -InactiveMailboxOnly -Identity $Identity -ErrorAction Stop
    $dn = $mailbox.DistinguishedName
    $removed = [System.Collections.Generic.List[string]]::new()

    if ($mailbox.LitigationHoldEnabled) {
        Set-Mailbox -InactiveMailbox -Identity $dn -LitigationHoldEnabled $false
        $removed.Add('LitigationHold')
    }
    foreach ($hold in $mailbox.InPlaceHolds) {
        switch -Regex ($hold) {
            '^mbx([0-9a-f]{32})' {
                Set-RetentionCompliancePolicy -Identity $Matches[1] -RemoveExchangeLocation $dn
                $removed.Add($hold)
            }
            '^UniH(.+)$' {
                $case = Get-CaseHoldPolicy | Where-Object { $_.Guid -eq $Matches[1] }
                Set-CaseHoldPolicy -Identity $case.Name -RemoveExchangeLocation $dn
                $removed.Add($hold)
            }
            '^[0-9a-f]{32}$' {
                $search = Get-MailboxSearch -InPlaceHoldIdentity $hold -WarningAction SilentlyContinue
                Set-MailboxSearch $search.Name -SourceMailboxes @{ Remove = $mailbox.LegacyExchangeDN } -WarningAction SilentlyContinue
                $removed.Add($hold)
            }
        }
    }
    Set-Mailbox -Identity $dn -ExcludeFromAllOrgHolds
    $removed
}
