package main

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
)

// An open prompt holds the tenant only while a command runs: while it
// waits for input, another process starts a lab on the tenant, and the
// trainee's own `exosim lab check`, `lab hint`, `tenant export` and
// another session's change go through; the prompt's next command sees all
// of it. Inside the prompt, Test-SimLab and Get-SimLabHint work on the
// same lab.
func TestTermIdlePromptLocksNobodyOut(t *testing.T) {
	s := newTerm(t, 120, 40)
	t.Parallel()
	outside := func(args ...string) (string, string, int) {
		t.Helper()
		out, errs, code, _ := runExosim(t, s.bin, append([]string{"--tenant", s.tenant, "--lock-timeout", "300ms"}, args...)...)
		return out, errs, code
	}
	if _, errs, code := outside("lab", "start", "ome-revoke-gmail"); code != 0 {
		t.Fatalf("exosim lab start beside an idle prompt: %s", errs)
	}
	s.run("Set-Mailbox annb -CustomAttribute1 fromprompt")

	if out, errs, code := outside("lab", "check"); code != 1 || !strings.Contains(out, "[missing]") || errs != "" {
		t.Errorf("exosim lab check beside an idle prompt: exit %d, out %q, err %q", code, out, errs)
	}
	if out, errs, code := outside("lab", "hint"); code != 0 || !strings.HasPrefix(out, "Hint 1 of 3:") {
		t.Errorf("exosim lab hint beside an idle prompt: exit %d, out %q, err %q", code, out, errs)
	}
	if out, errs, code := outside("tenant", "export"); code != 0 || !strings.Contains(out, "fromprompt") {
		t.Errorf("tenant export beside an idle prompt: exit %d, err %q", code, errs)
	}
	if _, errs, code := outside("-c", "Set-Mailbox annb -CustomAttribute2 fromoutside"); code != 0 {
		t.Errorf("another session's change beside an idle prompt: exit %d, err %q", code, errs)
	}

	// The prompt sees the other session's change and the lab's state.
	s.run(`"seen:$((Get-Mailbox annb).CustomAttribute2)"; Get-SimLabHint; Test-SimLab | Format-Table Number, Status`)
	screen := strings.Join(s.lines(), "\n")
	for _, want := range []string{"seen:fromoutside", "Hint 2 of 3:", "Missing", "Done"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the prompt's output lacks %q:\n%s", want, screen)
		}
	}

	// While another process holds the tenant, a command line is not run:
	// the prompt says who holds it, and Up recalls the line afterwards.
	holder, err := tenant.Open(s.tenant, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.typ(`"ran:$((Get-Mailbox annb).CustomAttribute1)"`)
	s.key("Enter")
	s.until("the refusal", func([]string, int, int) bool {
		return strings.Contains(strings.Join(s.joined(), "\n"), "the command was not run (Up recalls it).")
	})
	s.waitPrompt()
	for _, l := range s.joined() {
		if strings.HasPrefix(l, "ran:") {
			t.Error("the command ran while another process held the tenant")
		}
	}
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	s.key("Up", "Enter")
	s.waitText("ran:fromprompt")
	s.exit()
}
