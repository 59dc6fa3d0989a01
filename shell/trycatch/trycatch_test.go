package trycatch

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// fake is a session whose blocks end with the errors a test gives them.
type fake struct {
	sc       *Scope
	ends     map[*syntax.StatementBlock]error
	ran      []*syntax.StatementBlock
	reported []*pserror.Error
	recorded []*object.ErrorRecord
	value    any
}

func (f *fake) Exec(b *syntax.StatementBlock, out func(any) error) error {
	f.ran = append(f.ran, b)
	return f.ends[b]
}
func (f *fake) Value(syntax.Statement) (any, error) { return f.value, nil }
func (f *fake) Text(v any) string                   { return v.(string) }
func (f *fake) Scope() *Scope                       { return f.sc }
func (f *fake) SetScope(s *Scope)                   { f.sc = s }
func (f *fake) StampStack(*object.ErrorRecord)      {}
func (f *fake) Report(pe *pserror.Error)            { f.reported = append(f.reported, pe) }
func (f *fake) Record(rec *object.ErrorRecord)      { f.recorded = append(f.recorded, rec) }

func newFake() *fake {
	return &fake{sc: scope.New[*scriptcmd.Function](nil), ends: map[*syntax.StatementBlock]error{}}
}

func failure(msg string) *pserror.Error {
	return &pserror.Error{Record: &object.ErrorRecord{Message: msg, ExceptionType: "RuntimeException"}}
}

func TestTryCatchesAndRestoresDollarUnder(t *testing.T) {
	f := newFake()
	f.sc.Set("_", "outer")
	body, catch, fin := &syntax.StatementBlock{}, &syntax.StatementBlock{}, &syntax.StatementBlock{}
	f.ends[body] = failure("boom")
	var st State
	err := st.Try(f, &syntax.TryStmt{Body: body, Catches: []*syntax.CatchClause{{Body: catch}}, Finally: fin}, nil)
	if err != nil {
		t.Fatalf("Try: %v", err)
	}
	if len(f.ran) != 3 || f.ran[1] != catch || f.ran[2] != fin {
		t.Fatalf("blocks run: %v", f.ran)
	}
	if v, _ := f.sc.Get("_"); v != "outer" {
		t.Errorf("$_ after the catch block = %v, want outer", v)
	}
	if st.Depth != 0 {
		t.Errorf("Depth = %d after the try statement", st.Depth)
	}
	if len(f.recorded) != 1 || f.recorded[0].Message != "boom" {
		t.Errorf("recorded in $Error: %v, want the caught error", f.recorded)
	}
}

func TestThrow(t *testing.T) {
	tests := []struct {
		value   any
		message string
	}{
		{nil, "ScriptHalted"},
		{"no such mailbox", "no such mailbox"},
	}
	for _, tc := range tests {
		f := newFake()
		f.value = tc.value
		s := &syntax.ThrowStmt{}
		if tc.value != nil {
			s.Value = &syntax.Pipeline{}
		}
		var st State
		var pe *pserror.Error
		if err := st.Throw(f, s); !errors.As(err, &pe) || !pe.ScriptTerminating {
			t.Fatalf("Throw(%v) = %v, want a script-terminating error", tc.value, err)
		}
		if pe.Record.Message != tc.message || !pe.Record.FromThrow {
			t.Errorf("Throw(%v): message %q FromThrow %v", tc.value, pe.Record.Message, pe.Record.FromThrow)
		}
	}
}

func TestTrap(t *testing.T) {
	tests := []struct {
		end               error
		handled, reported bool
		recorded          bool
		terminating       bool
	}{
		{end: nil, handled: true, reported: true},
		{end: &flow.Continue{}, handled: true, recorded: true},
		{end: &flow.Break{}, handled: true, terminating: true},
	}
	for _, tc := range tests {
		f := newFake()
		body := &syntax.StatementBlock{}
		f.ends[body] = tc.end
		outer := f.sc
		handled, err := Trap(f, []*syntax.TrapStmt{{Body: body}}, failure("boom"), nil)
		if handled != tc.handled {
			t.Errorf("%T: handled = %v", tc.end, handled)
		}
		var pe *pserror.Error
		if got := errors.As(err, &pe) && pe.ScriptTerminating; got != tc.terminating {
			t.Errorf("%T: error %v, want terminating %v", tc.end, err, tc.terminating)
		}
		if (len(f.reported) == 1) != tc.reported || (len(f.recorded) == 1) != tc.recorded {
			t.Errorf("%T: reported %d recorded %d", tc.end, len(f.reported), len(f.recorded))
		}
		if f.sc != outer {
			t.Errorf("%T: the trap's scope was left current", tc.end)
		}
	}
	if handled, _ := Trap(newFake(), nil, failure("boom"), nil); handled {
		t.Error("a block without traps handled an error")
	}
}
