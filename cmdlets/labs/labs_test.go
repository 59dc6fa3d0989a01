package labs_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/labs"
	"github.com/exosim/exosim/cmdlets/lint"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// TestBuiltinLabs checks that every shipped lab parses and that each seed
// document has at least one lab.
func TestBuiltinLabs(t *testing.T) {
	ls, err := labs.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]int{}
	for _, l := range ls {
		if l.Origin != labs.BuiltinOrigin {
			t.Errorf("%s: origin %q", l.Name, l.Origin)
		}
		if len(l.Hints) == 0 {
			t.Errorf("%s: no hints", l.Name)
		}
		docs[strings.SplitN(l.Source, " ", 2)[0]]++
	}
	for _, d := range []string{"000", "001", "002", "003", "004"} {
		if docs[d] == 0 {
			t.Errorf("no lab is built on seed document %s", d)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"title: t\nseed: contoso\n-- task --\nx\n", "there is no objective section"},
		{"seed: contoso\n-- task --\nx\n-- objective: a --\n$true\n", "the header has no title"},
		{"title: t\n-- task --\nx\n-- objective: a --\n$true\n", "the header has no seed"},
		{"title: t\nseed: fabrikam\n-- task --\nx\n-- objective: a --\n$true\n", `unknown seed "fabrikam"`},
		{"title: t\nseed: empty\n-- objective: a --\n$true\n", "there is no task section"},
		{"title: t\nseed: empty\ncolour: red\n-- task --\nx\n-- objective: a --\n$true\n", `unknown header key "colour"`},
		{"title: t\nseed: empty\njust words\n", `want "key: value"`},
		{"title: t\nseed: empty\nclock: soon\n-- task --\nx\n-- objective: a --\n$true\n", "clock:"},
		{"title: t\nseed: empty\n-- task --\nx\n-- objective --\n$true\n", "has no description"},
		{"title: t\nseed: empty\n-- task --\nx\n-- objective: a --\n\n", `objective "a" has no check`},
		{"title: t\nseed: empty\n-- task --\nx\n-- hint --\n\n-- objective: a --\n$true\n", "hint 1 is empty"},
		{"title: t\nseed: empty\n-- task --\nx\n-- notes --\n\n-- objective: a --\n$true\n", `unknown section "notes"`},
		{"title: t\nseed: empty\n-- task --\nx\n-- setup --\nGet-Mailbox (\n-- objective: a --\n$true\n", "setup: line 1:"},
		{"title: t\nseed: empty\n-- task --\nx\n-- objective: a --\n$true\n-- objective: b --\n{\n", "objective 2 (b): line 1:"},
		{"name: two words\ntitle: t\nseed: empty\n-- task --\nx\n-- objective: a --\n$true\n", "must be one word"},
	} {
		_, err := labs.Parse("x", "dir/x.lab", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.text, err, tc.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "dir/x.lab: ") {
			t.Errorf("error %q doesn't name the file", err)
		}
	}
	l, err := labs.Parse("x", "x.lab", []byte("# comment\nname: other\ntitle: T\nseed: Empty\nclock: 2024-05-01T10:00:00Z\nrequires: A-B, C-D\nsource: doc\n"+
		"-- task --\nDo it.\n-- prelude --\n$a = 1\n-- hint --\nh1\n-- hint --\nh2\n-- objective: first --\n$a -eq 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "other" || l.Seed != "empty" || l.Clock != time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC) ||
		strings.Join(l.Requires, "|") != "A-B|C-D" || len(l.Hints) != 2 || l.Prelude != "$a = 1" ||
		len(l.Objectives) != 1 || l.Objectives[0].Description != "first" || l.Task != "Do it." {
		t.Errorf("parsed %+v", l)
	}
}

// TestBuiltinLabsLint lints every script of the runnable labs (setup,
// prelude, checks) against this exosim's declarations.
func TestBuiltinLabsLint(t *testing.T) {
	ls, err := labs.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	probe := labs.Probe(registry.LabSession)
	lt := lint.New(lint.Options{Commands: probe})
	for _, l := range ls {
		if len(labs.Missing(l, probe)) > 0 {
			continue
		}
		scripts := map[string]string{"setup": l.Setup, "prelude": l.Prelude}
		for i, o := range l.Objectives {
			scripts["objective "+string(rune('1'+i))] = o.Check
		}
		for what, text := range scripts {
			for _, f := range lt.Text(l.Name+" "+what, text) {
				if f.Severity == lint.Error {
					t.Errorf("%s", f)
				}
			}
		}
	}
}

// TestStartUntouched starts every runnable lab on a fresh tenant: the
// start state is deterministic, untouched it has a missing objective,
// checking changes nothing, and Reset-SimTenant-style re-seeding ends it.
func TestStartUntouched(t *testing.T) {
	ls, err := labs.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	probe := labs.Probe(registry.LabSession)
	dir := t.TempDir()
	for _, l := range ls {
		if len(labs.Missing(l, probe)) > 0 {
			st, err := tenant.Open(filepath.Join(dir, l.Name+"-unavailable.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := labs.Start(st, l, registry.LabSession); err == nil {
				t.Errorf("%s: started although it is unavailable", l.Name)
			}
			st.Close()
			continue
		}
		var exports [2]string
		for i := range exports {
			st, err := tenant.Open(filepath.Join(dir, l.Name+string(rune('a'+i))+".db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := labs.Start(st, l, registry.LabSession); err != nil {
				t.Fatalf("%s: %v", l.Name, err)
			}
			var b bytes.Buffer
			if err := transfer.Export(st, &b); err != nil {
				t.Fatal(err)
			}
			exports[i] = b.String()
			active, _, err := labs.Active(st)
			if err != nil || active.Name != l.Name {
				t.Fatalf("%s: active lab %v, %v", l.Name, active, err)
			}
			rs := labs.Check(st, active, registry.LabSession)
			if labs.AllDone(rs) {
				t.Errorf("%s: every objective is done before the trainee did anything", l.Name)
			}
			var after bytes.Buffer
			if err := transfer.Export(st, &after); err != nil {
				t.Fatal(err)
			}
			if after.String() != exports[i] {
				t.Errorf("%s: checking the objectives changed the tenant", l.Name)
			}
			if err := seed.Init(st, l.Seed, time.Time{}, true); err != nil {
				t.Fatal(err)
			}
			if _, _, err := labs.Active(st); err != labs.ErrNoLab {
				t.Errorf("%s: after re-seeding, Active = %v, want ErrNoLab", l.Name, err)
			}
			st.Close()
		}
		if exports[0] != exports[1] {
			t.Errorf("%s: two starts gave different tenants", l.Name)
		}
	}
}

// The table declares exactly the commands Commands builds.
func TestTableDeclaresCommands(t *testing.T) {
	t.Parallel()
	var declared []string
	for _, g := range labs.Table(nil).Groups {
		declared = append(declared, g.Names...)
	}
	var built []string
	for _, c := range labs.Commands(nil) {
		built = append(built, c.Name)
	}
	if strings.Join(declared, ",") != strings.Join(built, ",") {
		t.Errorf("table declares %v, Commands builds %v", declared, built)
	}
}
