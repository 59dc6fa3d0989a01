package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exosim/exosim/store/tenantfile"
)

// waitForHolder waits until process pid has written its holder note for
// tenant (it holds the tenant's lock). Its deadline only guards against a
// process that never gets there, however loaded the machine.
func waitForHolder(t *testing.T, tenant string, pid int) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(5 * time.Millisecond) {
		for _, h := range tenantfile.Holders(tenant) {
			if h.PID == pid {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("process %d never held the tenant", pid)
		}
	}
}

// A writer queued behind `tenant init --mailboxes` (which builds a new
// file and replaces the tenant with it) waits for the replacement and
// commits into the new tenant: its change and its audit record are there
// afterwards, not in the replaced file.
func TestQueuedWriterKeepsItsCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	t.Parallel()
	bin := exosimBinary(t)
	tenant := filepath.Join(t.TempDir(), "tenant.db")
	if _, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "tenant", "init"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	build := exec.Command(bin, "--tenant", tenant, "tenant", "init", "--mailboxes", "3000", "--force")
	var buildErr bytes.Buffer
	build.Stderr = &buildErr
	if err := build.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = build.Process.Kill(); _, _ = build.Process.Wait() }()
	waitForHolder(t, tenant, build.Process.Pid)

	out, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "--lock-timeout", "3m", "-c", "Set-Mailbox annb -CustomAttribute1 queued; 'done'")
	if code != 0 || strings.TrimSpace(out) != "done" {
		t.Fatalf("queued writer: exit %d, out %q, err %q", code, out, errs)
	}
	if err := build.Wait(); err != nil {
		t.Fatalf("tenant init --mailboxes: %v\n%s", err, buildErr.String())
	}
	out, errs, code, _ = runExosim(t, bin, "--tenant", tenant, "-c",
		"(Get-Mailbox annb).CustomAttribute1; @(Search-AdminAuditLog -Cmdlets Set-Mailbox -ObjectIds annb).Count; @(Get-Mailbox -ResultSize Unlimited).Count -gt 2000")
	if want := "queued\n1\nTrue\n"; code != 0 || out != want {
		t.Errorf("after both: exit %d, out %q (want %q), err %q", code, out, want, errs)
	}
}

// Killing `tenant init --mailboxes --force` at any moment (building,
// compacting, renaming) leaves either the old tenant or the complete new
// one, consistent; its temporary files go at the next open for writing.
// EXOSIM_CRASH_LONG=1 kills 30 times instead of 5.
func TestKilledRebuildLeavesATenant(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	t.Parallel()
	kills := 5
	if os.Getenv("EXOSIM_CRASH_LONG") != "" {
		kills = 30
	}
	seed := time.Now().UnixNano()
	if v, err := strconv.ParseInt(os.Getenv("EXOSIM_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("EXOSIM_CRASH_SEED=%d", seed)
	rng := rand.New(rand.NewSource(seed))
	bin := exosimBinary(t)
	dir := t.TempDir()
	tenant := filepath.Join(dir, "tenant.db")
	state := func() string {
		t.Helper()
		if out, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "tenant", "check"); code != 0 {
			t.Fatalf("tenant check: %s%s", out, errs)
		}
		out, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "-c", "\"$((Get-Mailbox annb).CustomAttribute1) $(@(Get-Mailbox -ResultSize Unlimited).Count)\"")
		if code != 0 {
			t.Fatalf("reading the tenant: %s", errs)
		}
		return strings.TrimSpace(out)
	}
	build := func() *exec.Cmd {
		return exec.Command(bin, "--tenant", tenant, "tenant", "init", "--mailboxes", "600", "--force")
	}
	// The complete new tenant, and how long building it takes.
	began := time.Now()
	if out, err := build().CombinedOutput(); err != nil {
		t.Fatalf("tenant init --mailboxes: %v\n%s", err, out)
	}
	took := time.Since(began)
	newState := state()
	for i := 0; i < kills; i++ {
		if _, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "-c", fmt.Sprintf("Set-Mailbox annb -CustomAttribute1 old%d", i)); code != 0 {
			t.Fatal(errs)
		}
		oldState := state()
		delay := time.Duration(rng.Int63n(int64(took)))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		cmd := exec.CommandContext(ctx, bin, "--tenant", tenant, "tenant", "init", "--mailboxes", "600", "--force")
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		killed := !timer.Stop()
		cancel()
		if err != nil && !killed {
			t.Fatalf("tenant init --mailboxes failed without being killed: %v", err)
		}
		got := state()
		if got != oldState && got != newState {
			t.Fatalf("kill %d after %s: tenant is %q, neither the old %q nor the new %q", i, delay, got, oldState, newState)
		}
		if left, _ := filepath.Glob(tenant + ".new-*"); len(left) != 0 {
			t.Fatalf("kill %d: temporary files left after the next writer opened the tenant: %v", i, left)
		}
		t.Logf("kill %d after %s (build takes %s): killed=%v, tenant %q", i, delay.Round(time.Millisecond), took.Round(time.Millisecond), killed, got)
	}
}
