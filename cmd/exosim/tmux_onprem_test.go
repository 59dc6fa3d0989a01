package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTermOnPremShell: exosim --onprem greets as the Exchange Management
// Shell does, and its prompt is the shell's "[PS] ...>" with no space after
// it. Get-ExCommand, which the banner offers, lists the Exchange cmdlets.
func TestTermOnPremShell(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin, seed := termSetup(t)
	dir := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	tenant := filepath.Join(dir, "tenant.db")
	if err := os.WriteFile(tenant, data, 0o600); err != nil {
		t.Fatal(err)
	}
	socketSeq.Lock()
	socketSeq.n++
	socket := fmt.Sprintf("exosim-%d-%d", os.Getpid(), socketSeq.n)
	socketSeq.Unlock()
	s := &pane{t: t, socket: socket, dir: dir, tenant: tenant, bin: bin, cols: 100, rows: 40}
	t.Cleanup(func() { s.tmux("kill-server") })
	cmd := fmt.Sprintf("cd %q && exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 TERM=screen HOME=%q %q --onprem --tenant %q", dir, dir, bin, tenant)
	s.tmux("-f", "/dev/null", "new-session", "-d", "-s", "x", "-x", strconv.Itoa(s.cols), "-y", strconv.Itoa(s.rows), cmd)
	const prompt = "[PS] exosim>"
	at := s.waitRows(
		"Welcome to the Exchange Management Shell!",
		"",
		"Full list of cmdlets: Get-Command",
		"Only Exchange cmdlets: Get-ExCommand",
		"Cmdlets that match a specific string: Help *<string>*",
		"Get general help: Help",
		"Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?",
		"Show full output for a command: <command> | Format-List",
		"",
		"VERBOSE: Connecting to mail.contoso.com.",
		"VERBOSE: Connected to mail.contoso.com.",
		prompt)
	if ls := s.lines(); at < 2 || !strings.Contains(ls[0], "simulated Exchange Management Shell on mail.contoso.com") || strings.Contains(strings.Join(ls, "\n"), "Exchange Online") {
		t.Fatalf("banner:\n%s", strings.Join(ls, "\n"))
	}
	s.until("cursor after the prompt", func(ls []string, x, y int) bool { return x == len(prompt) })
	s.typ("Get-ExCommand | Select-Object -ExpandProperty Name")
	s.key("Enter")
	s.waitRows(prompt+"Get-ExCommand | Select-Object -ExpandProperty Name", "Get-Mailbox", "Get-MailboxDatabase", "Get-MailboxStatistics", prompt)
}
