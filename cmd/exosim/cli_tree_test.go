package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
)

// TestRootAloneAnswersAsWholeTree runs command lines with the subcommands
// built only when rootAlone says they may be needed and with the whole
// tree always built: output, errors and exit status must not differ.
func TestRootAloneAnswersAsWholeTree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tenant := filepath.Join(dir, "t.db")
	cases := []struct {
		args  []string
		alone bool
	}{
		{[]string{"--tenant", tenant, "-c", "'x'"}, true},
		{[]string{"--tenant=" + tenant, "--width", "40", "-c", "1+1"}, true},
		{[]string{"--tenant", tenant, "-c", "version"}, true},
		{[]string{"--tenant", tenant, "--command", "tenant"}, true},
		{[]string{"--tenant", tenant, "--require-connect", "--onprem", "-c", "$PSVersionTable.PSEdition"}, true},
		{[]string{"--tenant", tenant, "--width", "abc", "-c", "1"}, true},
		{[]string{"--tenant", tenant, "--lock-timeout", "0", "--memory-limit", "x", "-c", "1"}, true},
		{[]string{"--tenant", tenant, "-c", "exit 3"}, true},
		{[]string{"--tenant", tenant}, true},
		{[]string{"--tenant", tenant, "-c"}, false},
		{[]string{"--tenant"}, false},
		{[]string{"--tenant", tenant, "-c", "1", "extra"}, false},
		{[]string{"--tenant", tenant, "version"}, false},
		{[]string{"version", "--tenant", tenant}, false},
		{[]string{"--tenant", tenant, "--help"}, false},
		{[]string{"-h"}, false},
		{[]string{"--tenant", tenant, "--", "-c"}, false},
		{[]string{"--tenant", tenant, "-"}, false},
		{[]string{"--tenant", tenant, "-cx"}, false},
		{[]string{"--tenant", tenant, "--bogus", "-c", "1"}, false},
		{[]string{"--tenant", tenant, "-z"}, false},
		{[]string{"--tenant", tenant, "--no-color", "-c", "1"}, false},
		{[]string{"--tenant", tenant, "--filter", "x", "test"}, false},
		{[]string{"__complete", "--tenant", tenant, "te"}, false},
		{[]string{"completion", "bash"}, false},
		{[]string{"help"}, false},
	}
	for _, c := range cases {
		if got := rootAlone(newRootCmd(quietTestEnv(new(strings.Builder)), nil, false), c.args); got != c.alone {
			t.Errorf("rootAlone(%q) = %v, want %v", c.args, got, c.alone)
		}
		var lean, whole strings.Builder
		leanCode := runCLI(c.args, quietTestEnv(&lean), false)
		wholeCode := runCLI(c.args, quietTestEnv(&whole), true)
		if leanCode != wholeCode || lean.String() != whole.String() {
			t.Errorf("%q: exit %d with\n%s\nwith the whole tree: exit %d with\n%s", c.args, leanCode, lean.String(), wholeCode, whole.String())
		}
	}
}

// quietTestEnv is a process environment with no input, no variables and
// both streams into out.
func quietTestEnv(out *strings.Builder) *env {
	return &env{io: &host.IO{In: strings.NewReader(""), Out: out, Err: out, Width: 120}, getenv: func(string) string { return "" }}
}
