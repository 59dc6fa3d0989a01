package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/exosim/exosim/cmd/exosim/internal/hugetext"
)

// ownProcessEnv marks a test binary started by inOwnProcess.
const ownProcessEnv = "EXOSIM_TEST_OWN_PROCESS"

// inOwnProcess runs the calling top-level test in a test process of its
// own and reports true when the caller should return: the test changes
// something that holds for a whole process (the memory budget) and so
// cannot share one with tests running in parallel, yet it need not hold
// them up. In that process, which runs only this test, it reports false
// and the test runs as written.
func inOwnProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv(ownProcessEnv) == t.Name() {
		return false
	}
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"-test.run=^" + t.Name() + "$", "-test.v"}
	if testing.Short() {
		args = append(args, "-test.short")
	}
	if d, ok := t.Deadline(); ok {
		args = append(args, "-test.timeout="+time.Until(d).Round(time.Second).String())
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), ownProcessEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s in its own process: %v\n%s", t.Name(), err, out)
	}
	if testing.Verbose() {
		t.Logf("%s", out)
	}
	return true
}

// exosimBinary is the exosim the tests start as a process: the copy of
// this test binary that TestMain put on PATH, which runs exosim's main
// when started under that name (as the txtar sessions' exec does).
func exosimBinary(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("exosim")
	if err != nil {
		t.Fatalf("exosim is not on PATH (TestMain puts it there): %v", err)
	}
	return bin
}

// builds are the directories the test process built programs or seed
// tenants into; TestMain removes them when the tests end.
var builds struct {
	sync.Mutex
	dirs []string
}

// buildDir makes a temporary directory that lives as long as the test
// process: for a program the tests build, or a tenant many tests copy.
func buildDir(prefix string) (string, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err == nil {
		builds.Lock()
		builds.dirs = append(builds.dirs, dir)
		builds.Unlock()
	}
	return dir, err
}

// removeBuilds removes what buildDir made.
func removeBuilds() {
	builds.Lock()
	defer builds.Unlock()
	for _, dir := range builds.dirs {
		os.RemoveAll(dir)
	}
	builds.dirs = nil
}

var (
	builtOnce sync.Once
	builtPath string
	builtErr  error
)

// builtExosim builds exosim once per test process, as a user would: the
// figure table measures that build, not the test binary.
func builtExosim(t testing.TB) string {
	t.Helper()
	builtOnce.Do(func() {
		dir, err := buildDir("exosim-bin-")
		if err != nil {
			builtErr = err
			return
		}
		builtPath = filepath.Join(dir, "exosim")
		build := exec.Command("go", "build", "-ldflags="+hugetext.LinkFlags, "-o", builtPath, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=0") // as make build links it
		out, err := build.CombinedOutput()
		if err != nil {
			builtErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if builtErr != nil {
		t.Fatal(builtErr)
	}
	return builtPath
}
