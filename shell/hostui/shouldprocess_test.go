package hostui_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/pserror"
)

// Which operations ask for confirmation: -Confirm asks from Low up,
// -Confirm:$false never, otherwise $ConfirmPreference is the threshold;
// an operation without an impact counts as Medium.
func TestWouldConfirm(t *testing.T) {
	t.Parallel()
	cases := []struct {
		confirm int
		pref    string
		impact  command.Impact
		want    bool
	}{
		{-1, "High", command.ImpactHigh, true},
		{-1, "High", command.ImpactMedium, false},
		{-1, "High", 0, false},
		{-1, "Medium", 0, true},
		{-1, "medium", command.ImpactLow, false},
		{-1, "Low", command.ImpactLow, true},
		{-1, "None", command.ImpactHigh, false},
		{1, "None", command.ImpactLow, true},
		{0, "Low", command.ImpactHigh, false},
	}
	for _, c := range cases {
		sp := hostui.ShouldProcess{Confirm: c.confirm}
		if got := sp.WouldConfirm(c.pref, c.impact); got != c.want {
			t.Errorf("Confirm=%d pref=%s impact=%d: %v, want %v", c.confirm, c.pref, c.impact, got, c.want)
		}
	}
}

// What ShouldProcess answers and writes without asking: the answers to
// all, -WhatIf's line, -Verbose's line, and the NonInteractive refusal
// when a confirmation is due in a NonInteractive session.
func TestAsk(t *testing.T) {
	t.Parallel()
	q := hostui.Question{Target: "box1", Action: "Remove", Command: "Remove-Thing", Impact: command.ImpactHigh}
	cases := []struct {
		name   string
		sp     hostui.ShouldProcess
		want   bool
		out    string
		failed bool
	}{
		{name: "yes to all", sp: hostui.ShouldProcess{Confirm: 1, YesToAll: true}, want: true},
		{name: "no to all", sp: hostui.ShouldProcess{NoToAll: true}},
		{name: "whatif", sp: hostui.ShouldProcess{WhatIf: true, Confirm: -1}, out: "What if: Performing the operation \"Remove\" on target \"box1\".\n"},
		{name: "verbose", sp: hostui.ShouldProcess{Confirm: 0, Verbose: true}, want: true, out: "VERBOSE: Performing the operation \"Remove\" on target \"box1\".\n"},
		{name: "silent", sp: hostui.ShouldProcess{Confirm: 0}, want: true},
		{name: "NonInteractive", sp: hostui.ShouldProcess{Confirm: -1}, failed: true},
	}
	for _, c := range cases {
		s, out := newConsole(false)
		s.io.NonInteractive = true
		silent := c.sp.Silent("High", q.Impact)
		got, err := c.sp.Ask(s, "High", q, func() {})
		var pe *pserror.Error
		if c.failed != errors.As(err, &pe) || c.failed && (pe.Record.ErrorID != "InvalidOperation" || pe.Record.Category != "InvalidOperation") {
			t.Errorf("%s: error %v", c.name, err)
		}
		if got != c.want || strings.TrimLeft(out.String(), "\n") != c.out {
			t.Errorf("%s: %v, wrote %q; want %v, %q", c.name, got, out.String(), c.want, c.out)
		}
		if wantSilent := c.want && c.out == ""; silent != wantSilent {
			t.Errorf("%s: Silent = %v", c.name, silent)
		}
	}
}

// A confirmation at the end of redirected input fails the command with
// the NullReferenceException pwsh's console host meets reading a null
// answer, under the command's name; one answered from the input decides.
func TestAskRedirected(t *testing.T) {
	t.Parallel()
	q := hostui.Question{Target: "box1", Action: "Remove", Command: "Remove-Thing", CommandType: "Remove-Thing", Impact: command.ImpactHigh}
	s, _ := newConsole(false)
	sp := hostui.ShouldProcess{Confirm: 1}
	ok, err := sp.Ask(s, "High", q, func() {})
	var pe *pserror.Error
	if ok || !errors.As(err, &pe) || pe.Record.FullyQualifiedErrorID() != "System.NullReferenceException,Remove-Thing" ||
		pe.Record.Category != "NotSpecified" || pe.Record.Message != "Object reference not set to an instance of an object." {
		t.Fatalf("at the end of the input: %v %v", ok, err)
	}
	for in, want := range map[string]bool{"y\n": true, "n\n": false, "\n": true} {
		s.io = &host.IO{In: strings.NewReader(in), Out: &strings.Builder{}, Width: 100}
		sp := hostui.ShouldProcess{Confirm: 1}
		if ok, err := sp.Ask(s, "High", q, func() {}); ok != want || err != nil {
			t.Errorf("%q: %v %v", in, ok, err)
		}
	}
}
