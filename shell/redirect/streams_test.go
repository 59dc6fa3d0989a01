package redirect_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/syntax"
)

// cmd is a command in a chain of callers.
type cmd struct {
	caller     *cmd
	set        redirect.Set
	errs, warn *object.List
	merged     []any
}

func (c *cmd) Redirections() *redirect.Set { return &c.set }
func (c *cmd) Caller() (redirect.Command, bool) {
	if c.caller == nil {
		return nil, false
	}
	return c.caller, true
}
func (c *cmd) Variables() (errs, warns *object.List) { return c.errs, c.warn }
func (c *cmd) Merge(rec any) error                   { c.merged = append(c.merged, rec); return nil }

func (c *cmd) redirect(t *testing.T, from string) {
	t.Helper()
	if err := c.set.Add(&syntax.Redirection{From: from, Merge: true}, nil); err != nil {
		t.Fatal(err)
	}
}

type host struct {
	prefs   map[string]string
	errs    []*object.ErrorRecord
	shown   []string
	records int
}

func (h *host) Preference(name string) string         { return h.prefs[name] }
func (h *host) RecordError(*object.ErrorRecord)       { h.records++ }
func (h *host) ShowError(rec *object.ErrorRecord)     { h.errs = append(h.errs, rec) }
func (h *host) WriteStream(_ format.Stream, l string) { h.shown = append(h.shown, l) }

// A record goes to the nearest caller that redirects its stream, and the
// -ErrorVariable lists fill up to that command; without a redirection it
// reaches the host.
func TestStreamsFollowTheCallers(t *testing.T) {
	t.Parallel()
	top := &cmd{errs: &object.List{}}
	mid := &cmd{caller: top, errs: &object.List{}}
	inner := &cmd{caller: mid, errs: mid.errs}
	mid.redirect(t, "2")
	h := &host{prefs: map[string]string{}}
	rec := &object.ErrorRecord{Message: "boom"}
	if err := redirect.WriteError(h, inner, inner, "", rec); err != nil {
		t.Fatal(err)
	}
	if len(mid.merged) != 1 || len(h.errs) != 0 || h.records != 1 {
		t.Errorf("merged %d, shown %d, recorded %d", len(mid.merged), len(h.errs), h.records)
	}
	if len(mid.errs.Items) != 1 || len(top.errs.Items) != 0 {
		t.Errorf("error variables: mid %d, top %d", len(mid.errs.Items), len(top.errs.Items))
	}
	if err := redirect.WriteWarning(h, inner, "", "careful"); err != nil {
		t.Fatal(err)
	}
	if len(h.shown) != 1 || h.shown[0] != "WARNING: careful" {
		t.Errorf("shown %q", h.shown)
	}
	h.prefs["VerbosePreference"] = "SilentlyContinue"
	_ = redirect.WriteVerbose(h, inner, false, "hidden")
	_ = redirect.WriteVerbose(h, inner, true, "said")
	_ = redirect.WriteInformation(h, inner, "", &object.InformationRecord{MessageData: "host", Tags: []string{"PSHOST"}})
	_ = redirect.WriteInformation(h, inner, "Ignore", &object.InformationRecord{MessageData: "x", Tags: []string{"PSHOST"}})
	if len(h.shown) != 3 || h.shown[1] != "VERBOSE: said" || h.shown[2] != "host" {
		t.Errorf("shown %q", h.shown)
	}
}

// -ErrorAction decides: Stop terminates, Ignore leaves no trace,
// SilentlyContinue records without showing.
func TestWriteErrorActions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		action         string
		stop           bool
		records, shown int
	}{
		{action: "Stop", stop: true},
		{action: "Ignore"},
		{action: "SilentlyContinue", records: 1},
		{action: "Continue", records: 1, shown: 1},
		{action: "", records: 1, shown: 1},
	}
	for _, c := range cases {
		h := &host{prefs: map[string]string{}}
		top := &cmd{errs: &object.List{}}
		err := redirect.WriteError(h, top, top, c.action, &object.ErrorRecord{Message: "boom"})
		var pe *pserror.Error
		if errors.As(err, &pe) != c.stop || h.records != c.records || len(h.errs) != c.shown || len(top.errs.Items) != c.records {
			t.Errorf("%q: err %v, recorded %d, shown %d, variable %d", c.action, err, h.records, len(h.errs), len(top.errs.Items))
		}
	}
}
