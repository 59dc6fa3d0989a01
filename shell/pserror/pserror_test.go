package pserror_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

func TestPosition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		src              *syntax.Source
		startLine, sCol  int
		endLine, endCol  int
		wantCol, wantEnd int
		wantLine         string
		wantMulti        bool
	}{
		{"one line", &syntax.Source{Text: "Get-Foo -Bar"}, 1, 9, 1, 13, 9, 13, "Get-Foo -Bar", false},
		{"empty extent is one column wide", &syntax.Source{Text: "abc"}, 1, 2, 1, 2, 2, 3, "abc", false},
		{"runs past its line to the line's end", &syntax.Source{Text: "ab\ncd\n"}, 1, 1, 2, 2, 1, 3, "ab", true},
		{"a file is never multi-line input", &syntax.Source{Path: "a.ps1", Text: "ab\ncd"}, 2, 1, 2, 3, 1, 3, "cd", false},
		{"a trailing newline alone is one line", &syntax.Source{Text: "ab\n"}, 1, 1, 1, 3, 1, 3, "ab", false},
	}
	for _, tc := range tests {
		ext := syntax.Extent{Src: tc.src}
		ext.Start.Line, ext.Start.Col = tc.startLine, tc.sCol
		ext.End.Line, ext.End.Col = tc.endLine, tc.endCol
		p := pserror.Position(ext)
		if p.Col != tc.wantCol || p.EndCol != tc.wantEnd || p.LineText != tc.wantLine || p.MultiLineInput != tc.wantMulti || p.ScriptPath != tc.src.Path {
			t.Errorf("%s: got %+v", tc.name, p)
		}
	}
	if pserror.Position(syntax.Extent{}) != nil {
		t.Error("an extent without source has no position")
	}
}

func TestShown(t *testing.T) {
	t.Parallel()
	e := pserror.InvalidOperation(syntax.Extent{}, "m", "Id")
	if e.Shown() {
		t.Fatal("a new error is not shown yet")
	}
	e.MarkShown()
	if !e.Shown() || e.Error() != "m" || e.Record.ErrorID != "Id" || e.Record.ExceptionType != "RuntimeException" {
		t.Fatalf("got %+v", e.Record)
	}
}

// An exception a command does not handle is a System.Exception attributed
// to the command; an OutOfMemoryException keeps its type as the error ID,
// followed by the command's name when it has one.
func TestUnhandled(t *testing.T) {
	t.Parallel()
	pos := &object.Position{Line: 3}
	tests := []struct {
		name              string
		err               error
		suffix            string
		id, ex, cmdSuffix string
	}{
		{"exception", errors.New("disk on fire"), "Get-Thing", "System.Exception", "Exception", ""},
		{"out of memory in a cmdlet", fmt.Errorf("growing: %w", memlimit.ErrOutOfMemory), "Get-Thing", "System.OutOfMemoryException", "OutOfMemoryException", "Get-Thing"},
		{"out of memory in a function", memlimit.ErrOutOfMemory, "", "System.OutOfMemoryException", "OutOfMemoryException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pe := pserror.Unhandled(tc.err, "Get-Thing", tc.suffix, pos)
			r := pe.Record
			if r.Message != tc.err.Error() || r.ErrorID != tc.id || r.ExceptionType != tc.ex || r.CommandSuffix != tc.cmdSuffix {
				t.Errorf("record %+v", r)
			}
			if r.Activity != "Get-Thing" || r.Position != pos || r.Category != object.NotSpecified || pe.ScriptTerminating {
				t.Errorf("attributed as %+v", r)
			}
		})
	}
}

// $Error lists the newest record first and keeps at most MaxErrors; a
// value that is not a list is replaced by one.
func TestRemember(t *testing.T) {
	t.Parallel()
	first, second := &object.ErrorRecord{Message: "first"}, &object.ErrorRecord{Message: "second"}
	l := pserror.Remember("not a list", first)
	if again := pserror.Remember(l, second); again != l || len(l.Items) != 2 || l.Items[0] != second || l.Items[1] != first {
		t.Fatalf("$Error is %v", l.Items)
	}
	for i := 2; i < pserror.MaxErrors; i++ {
		pserror.Remember(l, &object.ErrorRecord{Message: "more"})
	}
	if len(l.Items) != pserror.MaxErrors || l.Items[len(l.Items)-1] != first {
		t.Fatalf("%d records kept, the oldest %v", len(l.Items), l.Items[len(l.Items)-1])
	}
	pserror.Remember(l, &object.ErrorRecord{Message: "one too many"})
	if len(l.Items) != pserror.MaxErrors || l.Items[len(l.Items)-1] != second {
		t.Errorf("%d records kept, the oldest %v", len(l.Items), l.Items[len(l.Items)-1])
	}
}

// A panic in the engine is reported as an internal error naming the
// panic's value.
func TestInternal(t *testing.T) {
	t.Parallel()
	r := pserror.Internal("index out of range [3] with length 3")
	if r.ErrorID != "InternalError" || r.ExceptionType != "InternalError" || r.Category != object.NotSpecified ||
		r.Message != "exosim internal error: index out of range [3] with length 3 (this is a bug; please report it with the command that caused it)" {
		t.Errorf("record %+v", r)
	}
}
