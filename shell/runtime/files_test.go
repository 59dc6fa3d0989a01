package runtime_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// hostFiles gives a test session the host's file system, starting in dir
// (and its C: drive in dir/C), instead of the empty in-memory one.
func hostFiles(rt *runtime.Runtime, dir string) {
	ns := fsys.New(fsys.Config{FS: fsys.OS(), Cwd: dir, Home: dir, DriveC: dir + "/C"})
	env := fsys.NewEnv(nil)
	env.Simulate(ns)
	rt.SetFiles(ns, env)
}

// blockIn is block with the host's files, starting in dir.
func blockIn(t *testing.T, dir, input string) string {
	t.Helper()
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for a, target := range core.Aliases {
		rt.SetAlias(a, target)
	}
	hostFiles(rt, dir)
	rt.Run(syntax.NewSource("", input), runtime.RunOptions{})
	return buf.String()
}

// The language's file access (redirection, switch -File, scripts) follows
// the session's file system and current location, not the process's.
func TestLanguageFilesFollowTheSession(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	got := blockIn(t, dir, strings.Join([]string{
		`New-Item -ItemType Directory C:\Scripts | Out-Null`,
		`Set-Content C:\Scripts\hello.ps1 '"hello from $PSCommandPath in $PSScriptRoot"'`,
		`& C:\Scripts\hello.ps1`,
		`Set-Location C:\Scripts`,
		`& .\hello.ps1`,
		`'one','two' > list.txt`,
		`switch -File list.txt { 'two' { 'found two' } }`,
		`Test-Path C:\Scripts\list.txt`,
		`switch -File D:\x.txt { default { $_ } }`,
	}, "\n"))
	want := "hello from C:\\Scripts\\hello.ps1 in C:\\Scripts\nhello from C:\\Scripts\\hello.ps1 in C:\\Scripts\nfound two\nTrue\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, `Cannot find path 'D:\x.txt' because it does not exist.`) {
		t.Errorf("got:\n%s\nwant prefix:\n%s", got, want)
	}
}
