# Tests of the OME revocation runbook against the contoso tenant: Ann Beebe
# sent "Q3 figures" encrypted to jane.doe@gmail.com two days ago.
BeforeAll {
    . $PSScriptRoot/Revoke-EncryptedMessage.ps1
    $sender = 'annb@contoso.com'
    $recipient = 'jane.doe@gmail.com'
    $messageId = '<f1a2b3c4-0d1e-4f5a-9b8c-7d6e5f4a3b2c@DM3NAM06BG401.prod.outlook.com>'
}

Describe 'Revoke-EncryptedMessage' {
    BeforeAll {
        # the tenant has no SMTP relay: the notice is mocked
        Mock Send-MailMessage { }
        $result = Revoke-EncryptedMessage -Sender $sender -Recipient $recipient
    }

    It 'finds the one message in message trace' {
        $result | Should -HaveCount 1
        $result.Subject | Should -Be 'Q3 figures'
        $result.MessageId | Should -BeExactly $messageId
    }

    It 'leaves the message revoked' {
        $status = Get-OMEMessageStatus -MessageId $messageId
        $status.Revoked | Should -BeTrue
        $status.RevokedBy | Should -Not -BeNullOrEmpty
    }

    It 'tells the sender once' {
        Should -Invoke Send-MailMessage -Times 1 -Exactly -Scope Describe -ParameterFilter { $To -eq 'annb@contoso.com' }
    }

    It 'cannot be undone' {
        Set-OMEMessageRevocation -Revoke $false -MessageId $messageId -WarningAction SilentlyContinue
        (Get-OMEMessageStatus -MessageId $messageId).Revoked | Should -BeTrue
    }
}

Describe 'A message outside the search window' {
    It 'is not found when looking back one day' {
        { Revoke-EncryptedMessage -Sender $sender -Recipient $recipient -DaysBack 1 } |
            Should -Throw -ExpectedMessage 'No message from annb@contoso.com*'
    }

    It 'is still revocable, because the revocation above stayed in its own Describe' {
        $status = Get-OMEMessageStatus -MessageId $messageId
        $status.Revoked | Should -BeFalse
        $status.IsRevocable | Should -BeTrue
    }
}
