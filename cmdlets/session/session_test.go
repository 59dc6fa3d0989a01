package session

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// TestConnectGatesCmdlets checks --require-connect: Exchange cmdlets need
// Connect-ExchangeOnline, Security & Compliance cmdlets Connect-IPPSSession.
func TestConnectGatesCmdlets(t *testing.T) {
	var out, errOut strings.Builder
	rt := runtime.New(&host.IO{Out: &out, Err: &errOut, Width: 120}, nil)
	rt.Register(Commands()...)
	rt.Register(exo.Declared("Get-Mailbox"), exo.Declared("Get-RetentionCompliancePolicy"))
	Install(rt, true)
	exo.Install(rt)
	visible := func(n string) bool { _, ok := rt.LookupCommand(n); return ok }
	if visible("Get-Mailbox") || visible("Get-RetentionCompliancePolicy") {
		t.Fatal("visible before connecting")
	}
	if !visible("Connect-ExchangeOnline") || !visible("Get-ConnectionInformation") {
		t.Fatal("module cmdlets must always be visible")
	}
	run := func(src string) {
		t.Helper()
		if code := rt.Run(syntax.NewSource("", src), runtime.RunOptions{}); code != 0 {
			t.Fatalf("%s: exit %d: %s", src, code, errOut.String())
		}
	}
	run("Connect-ExchangeOnline -ShowBanner:$false")
	if !visible("Get-Mailbox") || visible("Get-RetentionCompliancePolicy") {
		t.Fatal("Connect-ExchangeOnline must enable Exchange cmdlets only")
	}
	run("Connect-IPPSSession -ShowBanner:$false")
	if !visible("Get-RetentionCompliancePolicy") {
		t.Fatal("Connect-IPPSSession must enable compliance cmdlets")
	}
	run("Disconnect-ExchangeOnline -Confirm:$false")
	if visible("Get-Mailbox") || visible("Get-RetentionCompliancePolicy") {
		t.Fatal("still visible after Disconnect-ExchangeOnline")
	}
	if out.Len() != 0 {
		t.Errorf("unexpected output: %q", out.String())
	}
}

// TestCheckPrefix checks the prefixes Connect-ExchangeOnline refuses, with
// the module's texts.
func TestCheckPrefix(t *testing.T) {
	for _, tc := range []struct{ prefix, want string }{
		{"", ""},
		{"Contoso", ""},
		{"c2", ""},
		{"EXO", "Prefix 'EXO' is a reserved Prefix, please use a different prefix."},
		{"exo", "Prefix 'EXO' is a reserved Prefix, please use a different prefix."},
		{"EXO2", ""},
		{"a-b", "Use of any special characters in the Prefix string is not supported."},
		{"é", "Use of any special characters in the Prefix string is not supported."},
	} {
		err := checkPrefix(tc.prefix)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("checkPrefix(%q) = %q; want %q", tc.prefix, got, tc.want)
		}
	}
}
