# Runbook: revoke the encrypted messages a sender sent to a recipient by
# mistake, and tell the sender. Find the messages in message trace, revoke
# each one that can still be revoked, and mail the sender a notice.
function Revoke-EncryptedMessage {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Sender,
        [Parameter(Mandatory)] [string] $Recipient,
        [int] $DaysBack = 7,
        [string] $SmtpServer = 'smtp.contoso.com'
    )
    $start = (Get-Date).AddDays(-$DaysBack)
    $trace = @(Get-MessageTrace -SenderAddress $Sender -RecipientAddress $Recipient -StartDate $start -EndDate (Get-Date))
    if ($trace.Count -eq 0) {
        throw "No message from $Sender to $Recipient in the last $DaysBack days."
    }
    foreach ($message in $trace) {
        $status = Get-OMEMessageStatus -MessageId $message.MessageId
        if (-not $status.IsRevocable) {
            Write-Warning "Message '$($message.Subject)' can't be revoked."
            continue
        }
        Set-OMEMessageRevocation -Revoke $true -MessageId $message.MessageId
        Send-MailMessage -To $Sender -From 'helpdesk@contoso.com' -SmtpServer $SmtpServer `
            -Subject "Revoked: $($message.Subject)" -Body "Your message to $Recipient was revoked."
        [pscustomobject]@{ MessageId = $message.MessageId; Subject = $message.Subject; Revoked = $true }
    }
}
