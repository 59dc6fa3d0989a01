package prelude_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// session provides the module Known and a file /scripts/lib.psm1.
type session struct{ files *fsys.Namespace }

func (s session) HasModule(name string) bool { return strings.EqualFold(name, "Known") }
func (s session) Files() *fsys.Namespace     { return s.files }

// UseModule finds ./lib.psm1 (which loads) and ./broken.psm1 (which
// fails).
func (s session) UseModule(name string, _ [][2]string, _ *syntax.Source, _ *syntax.ScriptBlock) (bool, error) {
	switch name {
	case "./lib.psm1":
		return true, nil
	case "./broken.psm1":
		return true, errors.New("it threw")
	}
	return false, nil
}

func newSession(t *testing.T) session {
	t.Helper()
	mem := fsys.NewMem()
	if err := mem.MkdirAll("/scripts"); err != nil {
		t.Fatal(err)
	}
	if err := fsys.WriteFile(mem, "/scripts/lib.psm1", []byte("function f {}"), false, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return session{fsys.New(fsys.Config{FS: mem})}
}

func TestValidVersion(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]bool{
		"1.0": true, "2": true, "2.1": false, "5.1": true, "5.2": false, "6.2": true,
		"7": true, "7.4": true, "7.5": false, "8.0": false, "x": false, "7.y": false,
	} {
		if got := prelude.ValidVersion(v); got != want {
			t.Errorf("ValidVersion(%q) = %v", v, got)
		}
	}
}

func TestScriptDir(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]string{
		"/a/b.ps1": "/a", "/b.ps1": "/", `C:\b.ps1`: `C:\`, `C:\x\b.ps1`: `C:\x`, "b.ps1": ".",
	} {
		if got := prelude.ScriptDir(p); got != want {
			t.Errorf("ScriptDir(%q) = %q, want %q", p, got, want)
		}
	}
}

func parse(t *testing.T, path, text string) (*syntax.ScriptBlock, *syntax.Source) {
	t.Helper()
	src := &syntax.Source{Path: path, Text: text}
	sb, errs := parser.Parse(src)
	if len(errs) > 0 {
		t.Fatalf("%q: %v", text, errs)
	}
	return sb, src
}

func TestCheckRequirements(t *testing.T) {
	t.Parallel()
	ses := newSession(t)
	for _, tc := range []struct{ text, id string }{
		{"#requires -Version 7.2\n'x'", ""},
		{"#requires -Version 7.9\n'x'", "ScriptRequiresUnmatchedPSVersion"},
		{"#requires -PSEdition Desktop\n'x'", "ScriptRequiresUnmatchedPSEdition"},
		{"#requires -PSEdition Core\n'x'", ""},
		{"#requires -Modules Known\n'x'", ""},
		{"#requires -Modules Missing\n'x'", "ScriptRequiresMissingModules"},
		{"#requires -RunAsAdministrator\n'x'", ""},
	} {
		sb, _ := parse(t, "/scripts/s.ps1", tc.text)
		err := prelude.CheckRequirements(ses, sb, "s.ps1", "./s.ps1", syntax.Extent{})
		var pe *pserror.Error
		switch {
		case tc.id == "" && err != nil:
			t.Errorf("%q: %v", tc.text, err)
		case tc.id != "" && (!errors.As(err, &pe) || pe.Record.ErrorID != tc.id || pe.Record.ExceptionType != "ScriptRequiresException" || pe.Record.Target != "s.ps1"):
			t.Errorf("%q: got %v, want %s", tc.text, err, tc.id)
		}
	}
}

func TestPrepare(t *testing.T) {
	t.Parallel()
	ses := newSession(t)
	for _, tc := range []struct{ path, text, id string }{
		{"", "using module Known\n'x'", ""},
		{"", "using module Missing\n'x'", "ModuleNotFoundDuringParse"},
		{"/scripts/s.ps1", "using module ./lib.psm1\n'x'", ""},
		{"/scripts/s.ps1", "using module ./broken.psm1\n'x'", "ModuleLoadFailed"},
		{"/scripts/s.ps1", "using module ./none.psm1\n'x'", "ModuleNotFoundDuringParse"},
		{"", "using module @{ModuleName='Known'; ModuleVersion='1.0'}\n'x'", ""},
		{"/scripts/s.ps1", "using assembly ./lib.psm1\n'x'", "AssemblyNotSupported"},
		{"", "using assembly System.Foo\n'x'", "ErrorLoadingAssembly"},
	} {
		var n prelude.Namespaces
		sb, src := parse(t, tc.path, tc.text)
		errs := prelude.Prepare(ses, &n, sb, src)
		got := ""
		if len(errs) > 0 {
			got = errs[0].ErrorID
		}
		if got != tc.id {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.id)
		}
	}

	// A file's namespaces are its own; those typed at the prompt add up,
	// each once.
	var n prelude.Namespaces
	fileSB, fileSrc := parse(t, "/scripts/s.ps1", "using namespace System.Text\n'x'")
	a, aSrc := parse(t, "", "using namespace System.IO\n'x'")
	b, bSrc := parse(t, "", "using namespace System.IO\nusing namespace System.Net\n'x'")
	for _, p := range []struct {
		sb  *syntax.ScriptBlock
		src *syntax.Source
	}{{fileSB, fileSrc}, {a, aSrc}, {b, bSrc}} {
		if errs := prelude.Prepare(ses, &n, p.sb, p.src); errs != nil {
			t.Fatal(errs)
		}
	}
	if got := strings.Join(n.For(fileSrc), ","); got != "System.Text" {
		t.Errorf("file namespaces %q", got)
	}
	if got := strings.Join(n.For(nil), ","); got != "System.IO,System.Net" {
		t.Errorf("prompt namespaces %q", got)
	}
}
