package automation_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

func init() { dotnet.RegisterLater(automation.Declare) }

// A written type name resolves through accelerators, System., the
// namespaces of using statements, generics and arrays; a script's own
// type comes before a registered one of the same name.
func TestResolveType(t *testing.T) {
	t.Parallel()
	mine := &dotnet.TypeDef{FullName: "Version"}
	script := func(name string, arity int) *dotnet.TypeDef {
		if arity == 0 && strings.EqualFold(name, "version") {
			return mine
		}
		return nil
	}
	cases := []struct {
		name       string
		namespaces []string
		want       string // "" when the name resolves to nothing
	}{
		{"int", nil, "System.Int32"},
		{"string[]", nil, "System.String[]"},
		{"Collections.ArrayList", nil, "System.Collections.ArrayList"},
		{"ArrayList", []string{"System.Collections"}, "System.Collections.ArrayList"},
		{"ArrayList", nil, ""},
		{"psobject", nil, "System.Management.Automation.PSObject"},
		{"scriptblock", nil, "System.Management.Automation.ScriptBlock"},
		{"version", nil, "Version"},
		{"no.such.type", nil, ""},
		{"List[int", nil, ""},
	}
	for _, c := range cases {
		got, ok := automation.ResolveType(c.name, c.namespaces, script)
		if c.want == "" {
			if ok {
				t.Errorf("%q resolved to %s", c.name, got.FullName)
			}
			continue
		}
		if !ok {
			t.Errorf("%q did not resolve", c.name)
			continue
		}
		if got.FullName != c.want {
			t.Errorf("%q = %s, want %s", c.name, got.FullName, c.want)
		}
	}
	if got, ok := automation.ResolveType("System.Collections.Generic.List[version]", nil, script); !ok || got.Args[0].Def() != mine {
		t.Errorf("a generic argument did not see the script's type: %v %v", got, ok)
	}
}

// New-Object reports each way a construction fails with PowerShell's
// error ID, exception type and wording.
func TestNewObjectError(t *testing.T) {
	t.Parallel()
	cases := []struct {
		err             error
		id, ex, message string
	}{
		{&dotnet.TypeNotFound{Name: "No.Such"}, "TypeNotFound", "PSArgumentException", "Cannot find type [Some.Namespace.Type]: verify that the assembly containing this type is loaded."},
		{&dotnet.MethodBindError{Msg: "x", ID: "CannotFindAppropriateCtor"}, "CannotFindAppropriateCtor", "PSArgumentException", "x"},
		{&dotnet.MethodBindError{Msg: "x", ID: "MethodCountCouldNotFindBest"}, "ConstructorInvokedThrowException", "MethodException", `Cannot find an overload for "Type" and the argument count: "2".`},
		{&dotnet.MethodException{Msg: "boom"}, "ConstructorInvokedThrowException", "MethodInvocationException", `Exception calling ".ctor" with "2" argument(s): "boom"`},
		{dotnet.NotSupported("that"), "ExosimNotSupported", "NotSupportedException", dotnet.NotSupported("that").Error()},
		{errors.New("plain"), "ConstructorInvokedThrowException", "MethodInvocationException", "plain"},
	}
	for _, c := range cases {
		rec := automation.NewObjectError(c.err, "Some.Namespace.Type", 2)
		if rec.ErrorID != c.id || rec.ExceptionType != c.ex || rec.Message != c.message {
			t.Errorf("%T: got %s/%s %q, want %s/%s %q", c.err, rec.ErrorID, rec.ExceptionType, rec.Message, c.id, c.ex, c.message)
		}
	}
}

// [scriptblock]::Create refuses text that does not parse: text that more
// input could complete is an IncompleteParseException, other errors a
// ParseException that places each one.
func TestCreateScriptBlock(t *testing.T) {
	t.Parallel()
	sb, err := automation.Create("Get-Date; 1 + 2")
	if err != nil || sb.Text() != "Get-Date; 1 + 2" {
		t.Fatalf("Create = %v, %v", sb, err)
	}
	_, err = automation.Create("if ($true) {")
	var te *dotnet.TypedException
	if !errors.As(err, &te) || te.Type != "System.Management.Automation.IncompleteParseException" {
		t.Errorf("an unclosed block: %T %v", err, err)
	}
	_, err = automation.Create("2 -* 3")
	if !errors.As(err, &te) || te.Type != "System.Management.Automation.ParseException" || !strings.HasPrefix(te.Msg, "At line:1 char:") {
		t.Errorf("a bad operator: %T %q", err, err)
	}
}

// An array's length is checked against the session's memory budget
// before anything is allocated.
func TestConstructArray(t *testing.T) {
	t.Parallel()
	ints, _ := automation.ResolveType("int[]", nil, func(string, int) *dotnet.TypeDef { return nil })
	v, err := automation.Construct(nil, ints, []any{3})
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := v.([]any); !ok || len(a) != 3 || a[0] != 0 {
		t.Errorf("new int[3] = %#v", v)
	}
	_, err = automation.Construct(nil, ints, []any{1 << 40})
	var oom *memlimit.OutOfMemoryError
	if !errors.As(err, &oom) {
		t.Errorf("a huge array: %T %v", err, err)
	}
	if _, err := automation.Construct(nil, ints, []any{1, 2}); err == nil {
		t.Error("an array made with two lengths")
	}
}

// A failed cast is reported at the cast: a terminating error passes
// unchanged, a missing type is TypeNotFound, any other failure a
// RuntimeException wrapping the cast's PSInvalidCastException.
func TestCastError(t *testing.T) {
	t.Parallel()
	src := syntax.NewSource("", "[int]'x'")
	ext := syntax.Extent{Src: src, Start: syntax.Pos{Line: 1, Col: 1}, End: syntax.Pos{Line: 1, Col: 9, Offset: 8}}
	term := &pserror.Error{Record: &object.ErrorRecord{Message: "stop"}}
	if got := automation.CastError(term, ext); got != error(term) {
		t.Errorf("a terminating error became %v", got)
	}
	var pe *pserror.Error
	if !errors.As(automation.CastError(&ops.Error{Msg: "Unable to find type [nope]."}, ext), &pe) || pe.Record.ErrorID != "TypeNotFound" || pe.Record.Category != object.InvalidOperation {
		t.Errorf("a missing type: %+v", pe)
	}
	err := automation.CastError(errors.New(`Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format."`), ext)
	if !errors.As(err, &pe) || pe.Record.Category != object.InvalidArgument || pe.Record.InnerException != "System.Management.Automation.PSInvalidCastException" || pe.Record.Position == nil {
		t.Errorf("a failed conversion: %+v", pe)
	}
}
