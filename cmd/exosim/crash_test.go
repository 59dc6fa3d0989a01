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

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// crashAliases are the contoso mailboxes the crash runbook changes.
var crashAliases = []string{"annb", "alexw", "diegos", "meganb", "leeg", "nestorw"}

// crashCommand is command seq (1-based) of the crash runbook. Each one
// leaves its sequence number in the tenant, so the tenant tells how many
// commands completed: Set-Mailbox writes it to CustomAttribute1 (one
// record), Send-SimMessage to a message subject (message, trace rows,
// folder counts of sender and recipient, ID counter).
func crashCommand(seq int) string {
	if seq%3 == 0 {
		return fmt.Sprintf("Send-SimMessage -From annb@contoso.com -To %s@contoso.com,partner%d@fabrikam.com -Subject 'seq-%d' | Out-Null",
			crashAliases[seq%len(crashAliases)], seq%7, seq)
	}
	return fmt.Sprintf("Set-Mailbox %s -CustomAttribute1 'seq-%d' -RetainDeletedItemsFor %d",
		crashAliases[seq%len(crashAliases)], seq, 1+seq%30)
}

// completedCommands reads from the tenant how many runbook commands have
// completed: the highest sequence number it holds.
func completedCommands(t *testing.T, path string) int {
	t.Helper()
	st, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k := 0
	seen := func(s string) {
		if n, err := strconv.Atoi(strings.TrimPrefix(strings.Trim(s, `"`), "seq-")); err == nil && n > k {
			k = n
		}
	}
	err = st.View(func(tx *store.Tx) error {
		err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			if v, ok := m.Extra["CustomAttribute1"]; ok {
				seen(string(v))
			}
			return nil
		})
		if err != nil {
			return err
		}
		return ome.ForEachMessage(tx, "", func(m *ome.Message) error {
			seen(m.Subject)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// exportOf returns the JSON export of the tenant at path.
func exportOf(t *testing.T, path string) []byte {
	t.Helper()
	st, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b bytes.Buffer
	if err := transfer.Export(st, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// replay is a reference tenant that applies runbook commands in process.
type replay struct {
	st   *store.Store
	rt   *runtime.Runtime
	errb *bytes.Buffer
	done int
}

func newReplay(t *testing.T, dir string) *replay {
	t.Helper()
	path := filepath.Join(dir, "replay.db")
	if err := copySeededTenant(path); err != nil {
		t.Fatal(err)
	}
	st, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var out, errb bytes.Buffer
	rt := registry.NewSession(&host.IO{In: &bytes.Buffer{}, Out: &out, Err: &errb, Width: 120}, st, registry.Options{})
	return &replay{st: st, rt: rt, errb: &errb}
}

// advance applies commands up to k.
func (r *replay) advance(t *testing.T, k int) {
	t.Helper()
	for ; r.done < k; r.done++ {
		line := crashCommand(r.done + 1)
		if code := r.rt.Run(syntax.NewSource("", line), runtime.RunOptions{}); code != 0 {
			t.Fatalf("replay of %q failed: %s", line, r.errb.String())
		}
	}
}

func (r *replay) export(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := transfer.Export(r.st, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCrashSafety kills `exosim run` with SIGKILL at random points of a
// runbook of state-changing commands, then checks after each kill that
// the tenant passes `exosim tenant check` and equals a replay of exactly
// the commands that completed: every command applied fully or not at all.
// The short variant (make test) runs 120 commands and at least 20 kills;
// EXOSIM_CRASH_LONG=1 runs 2,000 commands and at least 40 kills.
// EXOSIM_CRASH_SEED fixes the random kill points.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	t.Parallel()
	total, minKills := 120, 20
	if os.Getenv("EXOSIM_CRASH_LONG") != "" {
		total, minKills = 2000, 40
	}
	seed := time.Now().UnixNano()
	if v, err := strconv.ParseInt(os.Getenv("EXOSIM_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("EXOSIM_CRASH_SEED=%d", seed)
	rng := rand.New(rand.NewSource(seed))
	bin := exosimBinary(t)
	dir := t.TempDir()

	kills, round := 0, 0
	for kills < minKills {
		round++
		tenant := filepath.Join(dir, fmt.Sprintf("tenant%d.db", round))
		if out, err := exec.Command(bin, "--tenant", tenant, "tenant", "init").CombinedOutput(); err != nil {
			t.Fatalf("tenant init: %v\n%s", err, out)
		}
		ref := newReplay(t, t.TempDir())
		k := 0
		perCommand := 3 * time.Millisecond // refined from each run
		startup := 60 * time.Millisecond
		for k < total && kills < minKills*4 {
			var script strings.Builder
			for i := k + 1; i <= total; i++ {
				script.WriteString(crashCommand(i))
				script.WriteByte('\n')
			}
			runbook := filepath.Join(dir, "runbook.ps1")
			if err := os.WriteFile(runbook, []byte(script.String()), 0o600); err != nil {
				t.Fatal(err)
			}
			// Kill within the next few dozen commands, so that kills land
			// all along the runbook rather than mostly after it ended.
			remaining := time.Duration(min(total-k, 30)) * perCommand
			delay := startup/2 + time.Duration(rng.Int63n(int64(startup+remaining)))
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			cmd := exec.CommandContext(ctx, bin, "--tenant", tenant, "run", runbook)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			began := time.Now()
			if err := cmd.Start(); err != nil {
				cancel()
				t.Fatal(err)
			}
			timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
			err := cmd.Wait()
			elapsed := time.Since(began)
			killed := !timer.Stop()
			cancel()
			if err != nil && !killed {
				t.Fatalf("exosim run failed without being killed: %v\n%s", err, stderr.String())
			}
			if killed {
				kills++
			}
			if out, err := exec.Command(bin, "--tenant", tenant, "tenant", "check").CombinedOutput(); err != nil {
				t.Fatalf("tenant check after kill %d: %v\n%s", kills, err, out)
			}
			nk := completedCommands(t, tenant)
			if nk < k {
				t.Fatalf("tenant went back from %d to %d completed commands", k, nk)
			}
			if nk > k && elapsed > startup {
				perCommand = (elapsed - startup) / time.Duration(nk-k)
			}
			t.Logf("round %d: killed=%v after %s (delay %s): %d -> %d commands", round, killed, elapsed.Round(time.Millisecond), delay.Round(time.Millisecond), k, nk)
			ref.advance(t, nk)
			if got, want := exportOf(t, tenant), ref.export(t); !bytes.Equal(got, want) {
				t.Fatalf("after a kill at %s the tenant is not the replay of its %d completed commands:\n%s", delay, nk, firstDiff(got, want))
			}
			k = nk
		}
	}
	t.Logf("%d kills in %d runbook rounds of %d commands", kills, round, total)
}

// firstDiff shows where two exports first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("tenant: …%s…\nreplay: …%s…", a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
}
