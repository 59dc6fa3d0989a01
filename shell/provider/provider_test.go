package provider_test

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/provider"
)

// A file written through the provider reads back, a path that is not
// there is missing in .NET's words, and a script is found only by its
// .ps1 name.
func TestFilesOverTheNamespace(t *testing.T) {
	t.Parallel()
	ns := fsys.New(fsys.Config{})
	if _, err := provider.WriteFile(ns, "a.ps1", []byte("'one'\n"), false); err != nil {
		t.Fatal(err)
	}
	if _, err := provider.WriteFile(ns, "a.ps1", []byte("'two'\n"), true); err != nil {
		t.Fatal(err)
	}
	text, full, err := provider.ReadTextFile(ns, "a.ps1")
	if err != nil || text != "'one'\n'two'\n" || full != "/a.ps1" {
		t.Fatalf("ReadTextFile = %q, %q, %v", text, full, err)
	}
	if p, ok := provider.ScriptPath(ns, "./a.ps1"); !ok || p != "/a.ps1" {
		t.Errorf("ScriptPath(./a.ps1) = %q, %v", p, ok)
	}
	if _, ok := provider.ScriptPath(ns, "a.txt"); ok {
		t.Error("ScriptPath found a script without .ps1")
	}
	if !provider.Exists(ns, "a.ps1") || provider.Exists(ns, "b.ps1") {
		t.Error("Exists is wrong")
	}
	_, err = provider.ReadFile(ns, "missing/b.txt")
	if !provider.IsNotExist(err) {
		t.Errorf("ReadFile of a missing file: %v, not IsNotExist", err)
	}
}

func TestHostErrorWording(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err      error
		msg, exc string
	}{
		{fs.ErrNotExist, "Could not find a part of the path '/x/y'.", "DirectoryNotFoundException"},
		{fs.ErrPermission, "Access to the path '/x/y' is denied.", "UnauthorizedAccessException"},
		{fs.ErrExist, "The file '/x/y' already exists.", "IOException"},
		{&fsys.TooLongError{Limit: 1 << 20}, "exosim reads at most 1 MiB without a line break; '/x/y' has more (a device or a binary file?).", "IOException"},
		{errors.New("disk on fire"), "disk on fire", "IOException"},
	} {
		fe := provider.HostError(tc.err, "/x/y")
		if fe.Message != tc.msg || fe.Exception != tc.exc || fe.Path != "/x/y" {
			t.Errorf("HostError(%v) = %q %s, want %q %s", tc.err, fe.Message, fe.Exception, tc.msg, tc.exc)
		}
	}
}
