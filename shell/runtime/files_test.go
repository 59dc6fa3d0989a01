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
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
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

// System.IO.File and Directory work on the session's files; relative
// paths start where the session started, not at the current location.
func TestDotNetFileStatics(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	got := blockIn(t, dir, strings.Join([]string{
		`$p = 'C:\Temp\io.txt'`,
		`[System.IO.File]::WriteAllText($p, 'hello')`,
		`[System.IO.File]::ReadAllText($p)`,
		`[IO.File]::Exists($p); [IO.File]::Exists('C:\Temp\none.txt')`,
		`[IO.File]::AppendAllText($p, " there` + "`n" + `two")`,
		`[IO.File]::ReadAllLines($p).Count`,
		`[IO.File]::WriteAllLines('C:\Temp\l.txt', [string[]]('a', 'b'))`,
		`Get-Content C:\Temp\l.txt`,
		`[IO.Directory]::CreateDirectory('C:\Temp\sub') | Out-Null; [IO.Directory]::Exists('c:\temp\SUB')`,
		`[IO.Directory]::GetFiles('C:\Temp', '*.txt')`,
		`[IO.File]::Copy($p, 'C:\Temp\sub\c.txt'); [IO.File]::ReadAllText('C:\Temp\sub\c.txt').Length`,
		`[IO.File]::Delete('C:\Temp\sub\c.txt'); Test-Path C:\Temp\sub\c.txt`,
		`Set-Location C:\Temp; [IO.File]::WriteAllText('rel.txt', 'x'); Test-Path C:\Temp\rel.txt; Test-Path (Join-Path '` + dir + `' rel.txt)`,
		`[IO.File]::ReadAllText('C:\Temp\none.txt')`,
	}, "\n"))
	want := strings.Join([]string{"hello", "True", "False", "2", "a", "b", "True", `C:\Temp\io.txt`, `C:\Temp\l.txt`, "15", "False", "False", "True"}, "\n") + "\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, `Exception calling "ReadAllText" with "1" argument(s): "Could not find file 'C:\Temp\none.txt'."`) {
		t.Errorf("got:\n%s\nwant prefix:\n%s", got, want)
	}
}
