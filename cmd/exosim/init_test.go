package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// initAllowed are the packages of this module whose initialisation may run
// code, with the reason. Every other package keeps its start-up work for
// its first use (a table declared with lazy.Value, a record kind defined as
// a literal), so that a command pays only for what it uses.
var initAllowed = map[string]string{
	"cmd/exosim/internal/startstack": "grows the main goroutine's stack in one step, on purpose",
	"shell/members":                  "queues the declaration of its .NET type, run at the first type lookup",
	"shell/runtime":                  "queues the declaration of the type library, run at the first type lookup",
	"cmdlets/onprem":                 "queues the declaration of its .NET types, run at the first type lookup",
	"shell/repl":                     "its error values are other packages' error values",
	"cmdlets/core":                   "the default aliases, which every session reads as it starts",
	"cmdlets/registry":               "the names of the deferred and cloud cmdlets, which every session reads",
}

// initForbidden are standard packages kept out of the program because
// their initialisation is costly, with what to use instead.
var initForbidden = map[string]string{
	"encoding/xml": "its initialisation builds the HTML entity map; read XML with shell/dotnet/xmltok",
}

// TestPackageInitRunsNoCode starts exosim with the runtime's trace of
// package initialisation, which names every package whose initialisation
// runs code: only the packages of initAllowed may be among them.
func TestPackageInitRunsNoCode(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(exosimBinary(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("exosim version: %v\n%s", err, stderr.String())
	}
	seen := 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "init" {
			continue
		}
		seen++
		if why, ok := initForbidden[f[1]]; ok {
			t.Errorf("package %s is in the program: %s", f[1], why)
		}
		rel, ok := strings.CutPrefix(f[1], "github.com/exosim/exosim/")
		if !ok || rel == "cmd/exosim" {
			continue
		}
		if _, ok := initAllowed[rel]; !ok {
			t.Errorf("package %s runs code before main (%s): build its package-level tables on first use (shell/lazy)", rel, line)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace on stderr:\n%s", stderr.String())
	}
}
