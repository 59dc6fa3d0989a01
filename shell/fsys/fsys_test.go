package fsys

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

func testNamespace(t *testing.T) *Namespace {
	t.Helper()
	m := NewMem()
	if err := m.MkdirAll("/home/ann/lab"); err != nil {
		t.Fatal(err)
	}
	return New(Config{FS: m, Cwd: "/home/ann/lab", Home: "/home/ann", DriveC: "/sim/C", User: "ann"})
}

func TestResolve(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, str, provider, host string
	}{
		{`C:\Reports\x.csv`, `C:\Reports\x.csv`, `C:\Reports\x.csv`, "/sim/C/Reports/x.csv"},
		{`c:/reports/x.csv`, `C:\reports\x.csv`, `C:\reports\x.csv`, "/sim/C/reports/x.csv"},
		{`C:\`, `C:\`, `C:\`, "/sim/C"},
		{`C:`, `C:\`, `C:\`, "/sim/C"},
		{`C:\Temp\..\Reports\.\a`, `C:\Reports\a`, `C:\Reports\a`, "/sim/C/Reports/a"},
		{`C:\..\..`, `C:\`, `C:\`, "/sim/C"},
		{"x.csv", "/home/ann/lab/x.csv", "/home/ann/lab/x.csv", "/home/ann/lab/x.csv"},
		{`.\out\x.csv`, "/home/ann/lab/out/x.csv", "/home/ann/lab/out/x.csv", "/home/ann/lab/out/x.csv"},
		{"../y", "/home/ann/y", "/home/ann/y", "/home/ann/y"},
		{"/tmp/z", "/tmp/z", "/tmp/z", "/tmp/z"},
		{"~", "/home/ann", "/home/ann", "/home/ann"},
		{`~\docs`, "/home/ann/docs", "/home/ann/docs", "/home/ann/docs"},
		{`\etc`, "/etc", "/etc", "/etc"},
		{"Env:TEMP", `Env:\TEMP`, "TEMP", ""},
		{`env:\Path`, `Env:\Path`, "Path", ""},
		{"Variable:", `Variable:\`, "", ""},
		{`Temp:\a.txt`, `Temp:\a.txt`, `C:\Users\ann\AppData\Local\Temp\a.txt`, "/sim/C/Users/ann/AppData/Local/Temp/a.txt"},
		{`FileSystem::/var/log`, "/var/log", "/var/log", "/var/log"},
		{`Microsoft.PowerShell.Core\FileSystem::C:\Temp`, `C:\Temp`, `C:\Temp`, "/sim/C/Temp"},
	}
	for _, c := range cases {
		n := testNamespace(t)
		p, err := n.Resolve(c.in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", c.in, err)
			continue
		}
		if got := p.String(); got != c.str {
			t.Errorf("Resolve(%q).String() = %q, want %q", c.in, got, c.str)
		}
		if got := p.ProviderPath(); got != c.provider {
			t.Errorf("Resolve(%q).ProviderPath() = %q, want %q", c.in, got, c.provider)
		}
		if got := n.Host(p); got != c.host {
			t.Errorf("Host(%q) = %q, want %q", c.in, got, c.host)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	t.Parallel()
	n := testNamespace(t)
	cases := []struct{ in, msg string }{
		{`D:\x.csv`, "Cannot find drive. A drive with the name 'D' does not exist."},
		{`q:`, "Cannot find drive. A drive with the name 'q' does not exist."},
		{`\\SERVER01\share\y.csv`, `Cannot find path '\\SERVER01\share\y.csv' because it does not exist.`},
		{`//srv/share`, `Cannot find path '//srv/share' because it does not exist.`},
		{`Nope::x`, "Cannot find a provider with the name 'Nope'."},
	}
	for _, c := range cases {
		_, err := n.Resolve(c.in)
		if err == nil || err.Error() != c.msg {
			t.Errorf("Resolve(%q) error = %v, want %q", c.in, err, c.msg)
		}
	}
	var unc *NetworkPathError
	_, err := n.Resolve(`\\SERVER01\share\y.csv`)
	if !errors.As(err, &unc) || unc.HostPath() != "/SERVER01/share/y.csv" {
		t.Errorf("UNC host path = %v", err)
	}
}

func TestLocationAndStacks(t *testing.T) {
	t.Parallel()
	n := testNamespace(t)
	c, _ := n.Drive("c")
	n.Push("")
	n.SetLocation(Path{Drive: c, Rel: "Reports"})
	if got := n.Location().String(); got != `C:\Reports` {
		t.Fatalf("location = %q", got)
	}
	p, err := n.Resolve("x.csv")
	if err != nil || p.String() != `C:\Reports\x.csv` {
		t.Fatalf("relative on C: = %v %v", p, err)
	}
	// C:name is relative to C:'s location even from another drive
	back, ok := n.Pop("")
	if !ok || back.String() != "/home/ann/lab" {
		t.Fatalf("pop = %v %v", back, ok)
	}
	n.SetLocation(back)
	p, _ = n.Resolve("C:y")
	if p.String() != `C:\Reports\y` {
		t.Fatalf("C:y = %q", p.String())
	}
	if _, ok := n.Pop(""); ok {
		t.Fatal("empty stack popped")
	}
}

func TestWindowsDriveIgnoresCase(t *testing.T) {
	t.Parallel()
	n := testNamespace(t)
	p, _ := n.Resolve(`C:\Reports\Holds.csv`)
	if err := n.Mkdir(Path{Drive: p.Drive, Rel: "Reports"}, true); err != nil {
		t.Fatal(err)
	}
	if err := n.WriteFile(p, []byte("a\n"), false); err != nil {
		t.Fatal(err)
	}
	q, _ := n.Resolve(`c:\REPORTS\holds.CSV`)
	if !n.Exists(q) {
		t.Fatal("case-insensitive lookup failed")
	}
	if got := n.Canonical(q).String(); got != `C:\Reports\Holds.csv` {
		t.Fatalf("canonical = %q", got)
	}
	// the drive starts with a fresh machine's folders
	for _, dir := range []string{`C:\Temp`, `C:\Users\ann\Documents`, `Temp:\`} {
		d, _ := n.Resolve(dir)
		if !n.Exists(d) {
			t.Errorf("%s missing", dir)
		}
	}
}

func TestExpand(t *testing.T) {
	t.Parallel()
	n := testNamespace(t)
	for _, f := range []string{"a.csv", "b.CSV", "c.txt"} {
		p, _ := n.Resolve(`C:\R\` + f)
		n.Mkdir(Path{Drive: p.Drive, Rel: "R"}, true)
		n.WriteFile(p, nil, false)
	}
	got, err := n.Expand(`C:\R\*.csv`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, p.String())
	}
	if strings.Join(names, ",") != `C:\R\a.csv,C:\R\b.CSV` {
		t.Fatalf("expand = %v", names)
	}
	if got, _ := n.Expand(`C:\R\none`); len(got) != 1 {
		t.Fatalf("literal expand = %v", got)
	}
}

func TestMemFS(t *testing.T) {
	t.Parallel()
	m := NewMem()
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	if _, err := m.OpenFile("/a/b.txt", os.O_CREATE); !IsNotExist(err) {
		t.Fatalf("missing parent: %v", err)
	}
	if err := m.MkdirAll("/a/sub"); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(m, "/a/b.txt", []byte("one\n"), false, now); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(m, "/a/b.txt", []byte("two\n"), true, now); err != nil {
		t.Fatal(err)
	}
	data, err := ReadFile(m, "/a/b.txt", 100)
	if err != nil || string(data) != "one\ntwo\n" {
		t.Fatalf("read = %q %v", data, err)
	}
	if _, err := ReadFile(m, "/a/b.txt", 3); !errors.Is(err, ErrTooLong) {
		t.Fatalf("limit: %v", err)
	}
	fi, _ := m.Stat("/a/b.txt")
	if !fi.ModTime().Equal(now) || fi.Size() != 8 {
		t.Fatalf("stat = %v %v", fi.ModTime(), fi.Size())
	}
	if err := m.Remove("/a"); err == nil {
		t.Fatal("removed a non-empty directory")
	}
	if err := m.Rename("/a/b.txt", "/a/sub/c.txt"); err != nil {
		t.Fatal(err)
	}
	infos, _ := m.ReadDir("/a/sub")
	if len(infos) != 1 || infos[0].Name() != "c.txt" {
		t.Fatalf("readdir = %v", infos)
	}
	if _, err := m.OpenFile("/a/sub/c.txt", os.O_CREATE|os.O_EXCL); err == nil {
		t.Fatal("O_EXCL on an existing file")
	}
	if err := m.RemoveAll("/a"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Stat("/a"); !IsNotExist(err) {
		t.Fatal("RemoveAll left /a")
	}
}

func TestLineLimit(t *testing.T) {
	t.Parallel()
	r := LineLimit(strings.NewReader(strings.Repeat("x", 10)+"\n"+strings.Repeat("y", 50)), 20)
	_, err := io.ReadAll(r)
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v", err)
	}
	r = LineLimit(strings.NewReader("short\nlines\n"), 20)
	if b, err := io.ReadAll(r); err != nil || string(b) != "short\nlines\n" {
		t.Fatalf("%q %v", b, err)
	}
}

func TestEnv(t *testing.T) {
	t.Parallel()
	e := NewEnv([]string{"PATH=/bin", "TEMP=/tmp", "bad"})
	e.Simulate(testNamespace(t))
	if v, _ := e.Get("temp"); v != `C:\Users\ann\AppData\Local\Temp` {
		t.Fatalf("TEMP = %q", v)
	}
	if v, _ := e.Get("Path"); v != "/bin" {
		t.Fatalf("PATH = %q", v)
	}
	e.Set("Foo", "1")
	e.Set("FOO", "2")
	if v, _ := e.Get("foo"); v != "2" {
		t.Fatal("case-insensitive set")
	}
	e.Set("foo", "")
	if _, ok := e.Get("FOO"); ok {
		t.Fatal("empty value keeps the variable")
	}
	list := e.List()
	for i := 1; i < len(list); i++ {
		if strings.ToLower(list[i-1].Name) > strings.ToLower(list[i].Name) {
			t.Fatalf("unsorted: %v", list)
		}
	}
}

// Any path text resolves or fails with an error; never a panic, and a
// resolved path is clean (no empty, "." or ".." names).
func FuzzResolve(f *testing.F) {
	for _, s := range []string{`C:\Reports\x.csv`, `\\srv\share`, "../..", "~", "Env:TEMP", `FileSystem::C:\`, "a:b:c", "", `C:..\..\x`, "//", `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := New(Config{FS: NewMem(), Cwd: "/w"})
		p, err := n.Resolve(s)
		if err != nil {
			return
		}
		for _, name := range strings.Split(p.Rel, "/") {
			if p.Rel != "" && (name == "" || name == "." || name == "..") {
				t.Fatalf("Resolve(%q).Rel = %q", s, p.Rel)
			}
		}
		_ = p.String()
		_ = n.Host(p)
	})
}
