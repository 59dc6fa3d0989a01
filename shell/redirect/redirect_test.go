package redirect_test

import (
	"testing"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/syntax"
)

type session struct {
	ns     *fsys.Namespace
	errors []*object.ErrorRecord
}

func (s *session) Files() *fsys.Namespace           { return s.ns }
func (s *session) FormatRegistry() *format.Registry { return format.NewRegistry() }
func (s *session) FormatOptions(bool) format.Options {
	return format.Options{Width: 80, OutString: true}
}
func (s *session) ShowError(rec *object.ErrorRecord) { s.errors = append(s.errors, rec) }

// Which streams a redirection takes, and where: n>&1 merges, n> file and
// *> file send to the file, > file takes the output stream.
func TestSetAdd(t *testing.T) {
	t.Parallel()
	all := []int{redirect.Error, redirect.Warning, redirect.Verbose, redirect.Debug, redirect.Information}
	cases := []struct {
		from        string
		merge       bool
		wantOut     bool
		wantStreams []int
	}{
		{from: "", wantOut: true},
		{from: "1", wantOut: true},
		{from: "2", wantStreams: []int{redirect.Error}},
		{from: "6", wantStreams: []int{redirect.Information}},
		{from: "*", wantOut: true, wantStreams: all},
		{from: "3", merge: true, wantStreams: []int{redirect.Warning}},
		{from: "*", merge: true, wantStreams: all},
	}
	for _, c := range cases {
		var set redirect.Set
		opened := 0
		err := set.Add(&syntax.Redirection{From: c.from, Merge: c.merge}, func(*syntax.Redirection) (*redirect.File, error) {
			opened++
			return redirect.Discard(), nil
		})
		if err != nil {
			t.Fatalf("%q merge=%v: %v", c.from, c.merge, err)
		}
		if c.merge && opened != 0 || !c.merge && opened != 1 {
			t.Errorf("%q merge=%v: target opened %d times", c.from, c.merge, opened)
		}
		if (set.Out != nil) != c.wantOut {
			t.Errorf("%q merge=%v: output redirected = %v", c.from, c.merge, set.Out != nil)
		}
		want := map[int]bool{}
		for _, n := range c.wantStreams {
			want[n] = true
		}
		for _, n := range all {
			tg := set.Of(n)
			if (tg != nil) != want[n] {
				t.Errorf("%q merge=%v: stream %d redirected = %v", c.from, c.merge, n, tg != nil)
				continue
			}
			if tg != nil && tg.Merge != c.merge {
				t.Errorf("%q merge=%v: stream %d merge = %v", c.from, c.merge, n, tg.Merge)
			}
		}
	}
}

// A file gets the message of a stream record, written once when the
// command closes its redirections, appended with >>; $null keeps nothing.
func TestFileWritesOnClose(t *testing.T) {
	t.Parallel()
	s := &session{ns: fsys.New(fsys.Config{})}
	var set redirect.Set
	open := func(r *syntax.Redirection) (*redirect.File, error) {
		return redirect.Open(s, "out.txt", r.Append), nil
	}
	if err := set.Add(&syntax.Redirection{From: "*"}, open); err != nil {
		t.Fatal(err)
	}
	set.Out.Emit("one")
	set.Of(redirect.Warning).File.Emit(&object.WarningRecord{Message: "careful"})
	if provider.Exists(s.ns, "out.txt") {
		t.Fatal("the file was written before the command ended")
	}
	set.Close()
	set.Close()
	f := redirect.Open(s, "out.txt", true)
	f.Emit("two")
	f.Close()
	redirect.Discard().Close()
	text, _, err := provider.ReadTextFile(s.ns, "out.txt")
	if err != nil {
		t.Fatal(err)
	}
	if text != "one\ncareful\ntwo\n" {
		t.Errorf("file = %q", text)
	}
	if len(s.errors) != 0 {
		t.Errorf("errors: %v", s.errors[0].Message)
	}
}

// A file that cannot be written is reported on the host in Out-File's
// words.
func TestFileFailureReported(t *testing.T) {
	t.Parallel()
	s := &session{ns: fsys.New(fsys.Config{})}
	f := redirect.Open(s, "missing/dir/out.txt", false)
	f.Emit("x")
	f.Close()
	if len(s.errors) != 1 || s.errors[0].ErrorID != "FileOpenFailure" || s.errors[0].Activity != "Out-File" {
		t.Fatalf("errors = %+v", s.errors)
	}
}
