// Package redirect is where a command's streams go when its command line
// redirects them: to a file (> file, >> file, n> file), nowhere
// (> $null, n>$null) or into its output (n>&1). It knows nothing of the
// interpreter: the runtime evaluates a redirection's target, keeps a Set
// per command and walks its chain of callers to find the redirection in
// effect for a stream.
//
// A command's output stream (1) goes to its redirection target, if any,
// instead of down the pipeline. The other streams (error 2, warning 3,
// verbose 4, debug 5, information 6, Write-Host included) are written by
// the command itself and by every command run by its script or script
// block: a record goes to the redirection of the nearest command in that
// chain that redirects its stream, else to the host. A preference that
// hides a record (SilentlyContinue) keeps it out of redirections too,
// except on the information stream, whose records reach a redirection
// unless ignored.
package redirect

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Stream numbers.
const (
	Error       = 2
	Warning     = 3
	Verbose     = 4
	Debug       = 5
	Information = 6
)

// Session is what a redirection file needs of the session: the files,
// the formatting Out-File would use, and the host to report a failed
// write on.
type Session interface {
	Files() *fsys.Namespace
	FormatRegistry() *format.Registry
	FormatOptions(outString bool) format.Options
	ShowError(rec *object.ErrorRecord)
}

// File collects what a redirection sends to a file and writes it, rendered
// as Out-File renders it, when the command ends; a discarding File (for
// $null) keeps nothing.
type File struct {
	s       Session
	path    string
	discard bool
	append  bool
	items   []any
	closed  bool
}

// Discard is the target of a redirection to $null.
func Discard() *File { return &File{discard: true} }

// Open is the target of a redirection to path (appendTo for >>).
func Open(s Session, path string, appendTo bool) *File {
	return &File{s: s, path: path, append: appendTo}
}

// Emit takes one record or object written to the redirected stream.
func (f *File) Emit(v any) error {
	if f.discard {
		return nil
	}
	switch x := v.(type) {
	case *object.WarningRecord, *object.VerboseRecord, *object.DebugRecord, *object.InformationRecord:
		// a file gets the message itself
		v = x.(interface{ String() string }).String()
	}
	f.items = append(f.items, v)
	return nil
}

// Close writes the collected items to the file once; a failure is
// reported on the host as Out-File reports it.
func (f *File) Close() {
	if f.discard || f.path == "" || f.closed {
		return
	}
	f.closed = true
	var b strings.Builder
	w := format.NewWriter(f.s.FormatRegistry(), f.s.FormatOptions(true), func(s format.Stream, line string) {
		b.WriteString(line)
		b.WriteByte('\n')
	})
	for _, it := range f.items {
		w.Write(it)
	}
	w.Close()
	if err := write(f.s.Files(), f.path, b.String(), f.append); err != nil {
		var pe *pserror.Error
		if errors.As(err, &pe) {
			f.s.ShowError(pe.Record)
		} else {
			f.s.ShowError(&object.ErrorRecord{Message: err.Error(), ErrorID: "FileOpenFailure", Category: object.OpenError, ExceptionType: "IOException"})
		}
		return
	}
	f.items = nil
}

// write is what `> file` and `>> file` do with the text their stream
// rendered: Out-File's writing, with Out-File's errors.
func write(ns *fsys.Namespace, path, text string, appendTo bool) error {
	if _, err := provider.WriteFile(ns, path, []byte(text), appendTo); err != nil {
		var fe *provider.FileError
		if !errors.As(err, &fe) {
			return err
		}
		return &pserror.Error{Record: &object.ErrorRecord{
			Message:       fe.Message,
			ErrorID:       "FileOpenFailure",
			Category:      object.OpenError,
			ExceptionType: fe.Exception,
			Activity:      "Out-File",
			CommandSuffix: "Microsoft.PowerShell.Commands.OutFileCommand",
		}}
	}
	return nil
}

// Target is where a command's stream goes: merged into its output, or to
// a File.
type Target struct {
	Merge bool
	File  *File
}

// Set is a command's redirections: Out receives its output stream, the
// others streams 2 to 6.
type Set struct {
	Out     *File
	streams [Information + 1]*Target
	// opened is set when Add opens a file: only then has Close one to
	// write.
	opened bool
}

// Of returns the redirection of stream n, nil when the command does not
// redirect it.
func (s *Set) Of(n int) *Target { return s.streams[n] }

// Add records redirection r; open gives the File its target names (it is
// not called for a merge).
func (s *Set) Add(r *syntax.Redirection, open func(*syntax.Redirection) (*File, error)) error {
	streams := func() []int {
		switch r.From {
		case "*":
			return []int{Error, Warning, Verbose, Debug, Information}
		case "2", "3", "4", "5", "6":
			return []int{int(r.From[0] - '0')}
		}
		return nil
	}
	if r.Merge {
		for _, n := range streams() {
			s.streams[n] = &Target{Merge: true}
		}
		return nil
	}
	t, err := open(r)
	if err != nil {
		return err
	}
	s.opened = true
	if r.From == "1" || r.From == "" || r.From == "*" {
		s.Out = t
	}
	for _, n := range streams() {
		s.streams[n] = &Target{File: t}
	}
	return nil
}

// Close writes the command's redirection files. Most commands redirect
// nothing to a file: Close is inlined where it is called and tells so
// there, running no other code of this package.
func (s *Set) Close() {
	if s.opened {
		s.closeFiles()
	}
}

func (s *Set) closeFiles() {
	if s.Out != nil {
		s.Out.Close()
	}
	for _, t := range s.streams {
		if t != nil && t.File != nil && t.File != s.Out {
			t.File.Close()
		}
	}
}
