package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// completionSession opens a seeded contoso tenant and a session over it,
// with laura soft-deleted. Declared cmdlets the session lacks (their
// handlers may live in packages still being written) are added without a
// handler: completion reads only declarations.
func completionSession(t testing.TB) (*runtime.Runtime, *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	if err := copySeededTenant(path); err != nil {
		t.Fatal(err)
	}
	st, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	err = st.Update(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "laura")
		if err != nil || len(ms) != 1 {
			return fmt.Errorf("laura: %v %d", err, len(ms))
		}
		ms[0].LifecycleState = directory.StateSoftDeleted
		return directory.PutMailbox(tx, ms[0])
	})
	if err != nil {
		t.Fatal(err)
	}
	io := &host.IO{Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}
	rt := registry.NewSession(io, st, registry.Options{})
	for _, n := range []string{"Get-Mailbox", "Set-Mailbox", "Invoke-HoldRemovalAction", "Get-Recipient"} {
		if _, ok := rt.LookupCommand(n); !ok {
			rt.Register(exo.Declared(n))
		}
	}
	return rt, st
}

func TestCompletion(t *testing.T) {
	t.Parallel()
	rt, _ := completionSession(t)
	rt.Scope().Set("mbx", 1)
	mo := object.NewObject("Deserialized.Mailbox")
	mo.Add("DisplayName", "Ann Beebe")
	mo.Add("PrimarySmtpAddress", "annb@contoso.com")
	mo.Add("LitigationHoldEnabled", false)
	rt.Scope().Set("mo", mo)
	rt.Scope().Set("ml", []any{mo})
	c := newCompleter(rt)
	if code := rt.Run(syntax.NewSource("", "function Test-ZzMixedCase {}"), runtime.RunOptions{}); code != 0 {
		t.Fatal("defining a function failed")
	}
	cases := []struct {
		line     string
		want     []string // every one must be offered
		wantNot  []string // none may be offered
		exactlen int      // when > 0, the number of candidates
	}{
		{line: "Get-Mailb", want: []string{"Get-Mailbox"}},
		{line: "get-connectioninf", want: []string{"Get-ConnectionInformation"}, exactlen: 1},
		{line: "Format-T", want: []string{"Format-Table"}},
		// Cloud cmdlets complete like the others.
		{line: "Get-MailboxPerm", want: []string{"Get-MailboxPermission"}, exactlen: 1},
		{line: "Add-MailboxPermission -Acc", want: []string{"-AccessRights"}, exactlen: 1},
		{line: "gc", want: []string{"gcm"}},
		{line: "Get-Mailbox -Ident", want: []string{"-Identity"}, exactlen: 1},
		{line: "Get-Mailbox -Soft", want: []string{"-SoftDeletedMailbox"}},
		{line: "Get-Mailbox -Err", want: []string{"-ErrorAction", "-ErrorVariable"}},
		{line: "Set-Mailbox -Wh", want: []string{"-WhatIf"}},
		// Parameters of other parameter sets drop out once -Anr is given.
		{line: "Get-Mailbox -Anr ann -", want: []string{"-ResultSize"}, wantNot: []string{"-Identity", "-Anr"}},
		{line: "Get-Mailbox -Identity ann", want: []string{"annb", "annb@contoso.com"}},
		{line: "Get-Mailbox ann", want: []string{"annb"}},
		{line: "Get-Mailbox -Identity ANNB@", want: []string{"annb@contoso.com"}, wantNot: []string{"annb"}},
		// Soft-deleted mailboxes only with the switches that list them.
		{line: "Get-Mailbox -Identity laur", wantNot: []string{"laura"}},
		{line: "Get-Mailbox -SoftDeletedMailbox -Identity laur", want: []string{"laura"}},
		{line: "Get-Mailbox -InactiveMailboxOnly laur", want: []string{"laura"}},
		{line: "Invoke-HoldRemovalAction -Action ", want: []string{"GetHoldRemovals", "GetHolds", "RemoveHold"}, exactlen: 3},
		{line: "Invoke-HoldRemovalAction -Action Remove", want: []string{"RemoveHold"}, exactlen: 1},
		{line: "Get-Mailbox -RecipientTypeDetails UserMailbox,Sha", want: []string{"SharedMailbox"}},
		// Group identities: a Microsoft 365 group only where one is meant.
		{line: "Get-DistributionGroupMember -Identity s", want: []string{"sales", "sales@contoso.com"}, exactlen: 2},
		{line: "Get-UnifiedGroupLinks -Identity p", want: []string{"projectfalcon", "projectfalcon@contoso.com"}, exactlen: 2},
		{line: "Get-DistributionGroup p", wantNot: []string{"projectfalcon"}},
		{line: "Set-Mailbox -LitigationHoldEnabled $t", want: []string{"$true"}},
		{line: "$mb", want: []string{"$mbx"}},
		{line: "Get-Date -Format $Err", want: []string{"$Error"}},
		{line: "Get-SimClock | Format-Table N", want: []string{"Now", "NextTimer"}},
		{line: "Get-SimClock | Select-Object -Property P", want: []string{"PendingTimers"}},
		{line: "Get-Mailbox | sort Litigation", want: []string{"LitigationHoldEnabled"}},
		{line: "Get-Mailbox | where { $_.PrimarySm", want: []string{"PrimarySmtpAddress"}},
		{line: "Get-Mailbox | Where-Object LitigationHoldEnabled -eq $true | fl Prim", want: []string{"PrimarySmtpAddress"}},
		{line: "No-SuchCommand -x", exactlen: -1},
		// After an opening quote the candidates keep it and close it.
		{line: `Get-Mailbox -Identity "an`, want: []string{`"annb"`, `"annb@contoso.com"`}, wantNot: []string{"annb"}},
		{line: `Get-Mailbox -Identity 'car`, want: []string{`'carolo'`, `'carolo@contoso.com'`}},
		// Members of a variable's value, of an element, of a member.
		{line: "$mo.Primary", want: []string{"PrimarySmtpAddress"}, exactlen: 1},
		{line: "$ml[0].Disp", want: []string{"DisplayName"}, exactlen: 1},
		{line: "$ml.Cou", want: []string{"Count"}},
		{line: "$mo | Select-Object Lit", want: []string{"LitigationHoldEnabled"}, exactlen: 1},
		{line: "Get-Mailbox | Where-Object LitigationHold", want: []string{"LitigationHoldEnabled"}},
		// A continuation row is a new statement.
		{line: "if ($true) {\nGet-SimCl", want: []string{"Get-SimClock"}, exactlen: 1},
		{line: "Get-Help about_SimCl", want: []string{"about_SimClock"}, exactlen: 1},
		{line: "Get-Help Get-SimCl", want: []string{"Get-SimClock"}, exactlen: 1},
		{line: "Get-Command Get-SimCl", want: []string{"Get-SimClock"}, exactlen: 1},
		// A command starts a line, a row, and follows | ; { ( =.
		{line: "", want: []string{"Get-SimClock", "Get-Mailbox"}},
		{line: "Get-Mailbox |", want: []string{"Get-SimClock", "Format-Table"}},
		{line: "if ($true) {\n", want: []string{"Get-SimClock"}},
		{line: "$x = (Get-SimCl", want: []string{"Get-SimClock"}, exactlen: 1},
		{line: "Get-Mailbox | Format-Table ", want: []string{"PrimarySmtpAddress"}},
		// A function completes with the name as it was defined.
		{line: "test-zzm", want: []string{"Test-ZzMixedCase"}, exactlen: 1},
	}
	for _, tc := range cases {
		got, start := c.Complete([]rune(tc.line), len([]rune(tc.line)))
		var full []string
		for _, g := range got {
			full = append(full, g)
		}
		for _, w := range tc.want {
			if !slices.Contains(full, w) {
				t.Errorf("%q: want %q among %v", tc.line, w, full)
			}
		}
		for _, w := range tc.wantNot {
			if slices.Contains(full, w) {
				t.Errorf("%q: %q must not be offered (%v)", tc.line, w, full)
			}
		}
		if tc.exactlen > 0 && len(full) != tc.exactlen {
			t.Errorf("%q: got %d candidates %v, want %d", tc.line, len(full), full, tc.exactlen)
		}
		if tc.exactlen < 0 && len(full) != 0 {
			t.Errorf("%q: want no candidates, got %v", tc.line, full)
		}
		if start < 0 || start > len([]rune(tc.line)) {
			t.Errorf("%q: start %d out of range", tc.line, start)
		}
	}
}

// TestCompletionAfterDisconnect checks that completion follows Visible:
// Exchange cmdlets are not offered while disconnected.
func TestCompletionAfterDisconnect(t *testing.T) {
	t.Parallel()
	rt, _ := completionSession(t)
	c := newCompleter(rt)
	exo.SessionOf(rt).Connected = false
	if got, _ := c.Complete([]rune("Get-Mailb"), 9); len(got) != 0 {
		t.Errorf("disconnected: %v", got)
	}
}

// addMailboxes adds n synthetic mailboxes user000000… modelled on annb.
func addMailboxes(tx *store.Tx, from, n int) error {
	ms, err := directory.FindMailboxes(tx, "annb")
	if err != nil || len(ms) != 1 {
		return fmt.Errorf("annb: %v", err)
	}
	tmpl := ms[0]
	for i := 0; i < n; i++ {
		m := *tmpl
		alias := fmt.Sprintf("user%06d", from+i)
		m.Guid, m.ExchangeGuid, m.ExternalDirectoryObjectId = tx.NewGuid(), tx.NewGuid(), tx.NewGuid()
		m.Name, m.Alias, m.DisplayName = alias, alias, "User "+alias
		m.PrimarySmtpAddress = alias + "@contoso.com"
		m.UserPrincipalName, m.MicrosoftOnlineServicesID, m.WindowsLiveID = m.PrimarySmtpAddress, m.PrimarySmtpAddress, m.PrimarySmtpAddress
		m.EmailAddresses = []string{"SMTP:" + alias + "@contoso.com", "smtp:" + alias + "@contoso.onmicrosoft.com"}
		m.DistinguishedName = directory.HostedDN(alias, seed.TenantName, seed.Partition, false)
		m.LegacyExchangeDN = directory.LegacyDNFor(m.Guid, alias)
		if err := directory.PutMailbox(tx, &m); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkCompleteIdentity measures one Tab on an identity value in a
// 100,000-mailbox tenant ("Get-Mailbox -Identity user0500<Tab>"): a
// bounded seek of the alias and SMTP indexes, independent of tenant size.
func BenchmarkCompleteIdentity(b *testing.B) {
	rt, st := completionSession(b)
	const total = 100000
	for done := 0; done < total; done += 10000 {
		if err := st.Update(func(tx *store.Tx) error { return addMailboxes(tx, done, 10000) }); err != nil {
			b.Fatal(err)
		}
	}
	c := newCompleter(rt)
	line := []rune("Get-Mailbox -Identity user0500")
	got, _ := c.Complete(line, len(line))
	if len(got) == 0 {
		b.Fatal("no candidates")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Complete(line, len(line))
	}
}
