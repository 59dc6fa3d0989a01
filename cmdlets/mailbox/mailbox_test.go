package mailbox_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/store/seed"
)

const notFound = "The operation couldn't be performed because object 'nosuch' couldn't be found on 'NAMPR06A007.PROD.OUTLOOK.COM'."

func TestGetMailbox(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "by alias", Script: "(Get-Mailbox annb).DisplayName", Out: "Ann Beebe\n"},
		// the property table names each property once (any case)
		{Name: "distinct properties", Script: "$n = (Get-Mailbox annb).PSObject.Properties.Name; $n.Count -gt 200 -and $n.Count -eq ($n | Sort-Object -Unique).Count", Out: "True\n"},
		{Name: "by address", Script: "(Get-Mailbox alexw@contoso.com).Alias", Out: "alexw\n"},
		// * is Exchange's only identity wildcard; it matches the name,
		// alias, display name and addresses, ignoring case.
		{Name: "wildcard prefix", Script: "(Get-Mailbox A*).Alias -join ','", Out: "abrahamm,adelev,admin,alexw,allieb,allieb2,annb\n"},
		{Name: "wildcard suffix", Script: "(Get-Mailbox -Identity '*b').Alias -join ','", Out: "allieb,annb,meganb\n"},
		{Name: "wildcard on the address", Script: "(Get-Mailbox '*@contoso.com' -ResultSize 2 -WarningAction SilentlyContinue).Alias -join ','", Out: "abrahamm,adelev\n"},
		{Name: "? is no wildcard", Script: "Get-Mailbox 'al?xw'", Err: "object 'al?xw' couldn't be found"},
		{Name: "brackets are no wildcard", Script: "(Get-Mailbox '[a-c]*' | Measure-Object).Count", Out: "0\n"},
		{Name: "not found", Script: "Get-Mailbox nosuch", Err: notFound},
		{Name: "filter", Script: "Get-Mailbox -Filter \"Alias -like 'me*'\" | ForEach-Object Alias", Out: "meganb\n"},
		{Name: "result size", Script: "(Get-Mailbox -ResultSize 3 -WarningAction SilentlyContinue).Count", Out: "3\n"},
		{Name: "result size warns", Script: "$null = Get-Mailbox -ResultSize 1 -WarningVariable w -WarningAction SilentlyContinue; $w[0].Message",
			Out: "There are more results available than currently displayed. To view them, increase the value for the ResultSize parameter.\n"},
		{Name: "result size zero", Script: "Get-Mailbox -ResultSize 0", Err: `Valid values are a positive integer or "Unlimited".`},
		// every mailbox shows the same audit actions, each in a list of
		// its own
		{Name: "lists are each object's own", Script: "$a = Get-Mailbox annb; $a.AuditAdmin[0] = 'X'; $a.ObjectClass.Add('y') > $null; $b = Get-Mailbox alexw; $a.AuditAdmin[0], $b.AuditAdmin[0], $b.ObjectClass.Count -join ','",
			Out: "X,Update,4\n"},
		{Name: "EXO variant", Script: "(Get-EXOMailbox -Identity alexw).PrimarySmtpAddress", Out: "alexw@contoso.com\n"},
		// a listing derives an object's distinguished names when they are
		// read (see TestListingShowsWhatLookupShows)
		{Name: "names read first", Script: `$m = Get-Mailbox -ResultSize Unlimited | Where-Object Alias -eq annb; $m.LegacyExchangeDN -replace '.*-', ''; $m.DistinguishedName -replace ',.*', ''`, Out: "annb\nCN=annb\n"},
	})
}

func TestRecipientsAndUsers(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "user", Script: "(Get-User annb).UserPrincipalName", Out: "annb@contoso.com\n"},
		{Name: "recipient type", Script: "(Get-Recipient annb).RecipientTypeDetails", Out: "UserMailbox\n"},
		{Name: "statistics", Script: "(Get-MailboxStatistics annb).DisplayName", Out: "Ann Beebe\n"},
		{Name: "statistics not found", Script: "Get-MailboxStatistics nosuch", Err: notFound},
	})
}

func TestSetAndRemoveMailbox(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "custom attribute", Script: "Set-Mailbox annb -CustomAttribute1 hello; (Get-Mailbox annb).CustomAttribute1", Out: "hello\n"},
		{Name: "unknown parameter", Script: "Set-Mailbox annb -Nope 1", Err: "A parameter cannot be found that matches parameter name 'Nope'."},
		{Name: "not found changes nothing", Script: "Set-Mailbox nosuch -CustomAttribute1 x", Err: notFound},
		{Name: "remove soft-deletes", Script: "Remove-Mailbox meganb -Confirm:$false; (Get-Mailbox meganb -SoftDeletedMailbox).Alias; Get-Mailbox meganb -ErrorAction SilentlyContinue; $Error.Count",
			Out: "meganb\n1\n"},
	})
}

// A listed mailbox decodes the fields of its record that a property reads
// when the property is first read: each property read first, alone, on
// every listed mailbox (active and soft-deleted, with holds, an archive
// and changed addresses) shows what a lookup of the mailbox shows.
func TestListingReadsEachPropertyAlone(t *testing.T) {
	t.Parallel()
	st := sessiontest.Tenant(t, seed.Contoso)
	if err := seed.AddSynthetic(st, 10); err != nil {
		t.Fatal(err)
	}
	out, errs := sessiontest.On(st, registry.Options{}).Run(`
Set-Mailbox annb -LitigationHoldEnabled $true -CustomAttribute1 x -EmailAddresses @{add='smtp:ann2@contoso.com'}
Enable-Mailbox alexw -Archive > $null
Set-Mailbox alexw -Alias alexw2 -WindowsEmailAddress alexw2@contoso.com
Remove-Mailbox meganb -Confirm:$false
$n = 0
$bad = foreach ($scope in @{}, @{SoftDeletedMailbox = $true}) {
	$whole = foreach ($m in Get-Mailbox -ResultSize Unlimited @scope) { Get-Mailbox -Identity $m.Guid.ToString() @scope }
	foreach ($p in $whole[0].PSObject.Properties.Name) {
		$i = 0
		foreach ($m in Get-Mailbox -ResultSize Unlimited @scope) {
			$n++
			if (($m.$p | Out-String) -ne ($whole[$i].$p | Out-String)) { "$p of $($m.Name)" }
			$i++
		}
	}
}
"$($bad.Count) differ of $($n -gt 5000): $($bad | Select-Object -First 5)"`)
	if out != "0 differ of True: \n" || errs != "" {
		t.Errorf("output %q, errors %q", out, errs)
	}
}

// A listing derives the distinguished names of its objects only when they
// are read: every property of every listed mailbox shows what a lookup of
// the one mailbox shows. The synthetic mailboxes leave both names to be
// derived from their other values.
func TestListingShowsWhatLookupShows(t *testing.T) {
	t.Parallel()
	st := sessiontest.Tenant(t, seed.Contoso)
	if err := seed.AddSynthetic(st, 30); err != nil {
		t.Fatal(err)
	}
	out, errs := sessiontest.On(st, registry.Options{}).Run(`$n = 0; $bad = foreach ($m in Get-Mailbox -ResultSize Unlimited) { $n++; $one = Get-Mailbox -Identity $m.Guid.ToString(); if (($m | Format-List * | Out-String) -ne ($one | Format-List * | Out-String)) { $m.Name } }; "$($bad.Count) of $($n -gt 50) differ"`)
	if out != "0 of True differ\n" || errs != "" {
		t.Errorf("output %q, errors %q", out, errs)
	}
}
