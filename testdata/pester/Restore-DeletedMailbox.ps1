# Runbook: bring back the content of a soft-deleted mailbox. Within the
# 30-day window the mailbox itself is undone; otherwise, or when the user
# already has a new mailbox, its content is restored into a target mailbox
# with a restore request, polled until it completes.
function Restore-DeletedMailbox {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Identity,
        [string] $TargetMailbox,
        [int] $PollSeconds = 60,
        [int] $TimeoutMinutes = 60,
        [switch] $NoWait
    )
    $deleted = Get-Mailbox -SoftDeletedMailbox -Identity $Identity -ErrorAction Stop
    if (-not $TargetMailbox) {
        Undo-SoftDeletedMailbox $deleted.PrimarySmtpAddress -ErrorAction Stop
        return
    }
    $target = Get-Mailbox -Identity $TargetMailbox -ErrorAction Stop
    $request = New-MailboxRestoreRequest -SourceMailbox $deleted.ExchangeGuid.ToString() `
        -TargetMailbox $target.ExchangeGuid.ToString() -AllowLegacyDNMismatch
    if ($NoWait) {
        return $request
    }
    $deadline = (Get-Date).AddMinutes($TimeoutMinutes)
    do {
        Start-Sleep -Seconds $PollSeconds
        $stats = Get-MailboxRestoreRequestStatistics -Identity "$TargetMailbox\MailboxRestore"
    } while ($stats.Status -ne 'Completed' -and (Get-Date) -lt $deadline)
    $stats
}
