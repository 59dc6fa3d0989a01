package pserror_test

import (
	"testing"

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
