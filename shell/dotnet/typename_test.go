package dotnet_test

import (
	"testing"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

func TestParseTypeName(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in    string
		name  string
		args  int
		array int
		ok    bool
	}{
		{"string", "string", 0, 0, true},
		{"string[]", "string", 0, 1, true},
		{"int[][]", "int", 0, 2, true},
		{"System.Collections.Generic.Dictionary[string, System.Collections.Generic.List[int]]", "System.Collections.Generic.Dictionary", 2, 0, true},
		{"List`1[[System.String, mscorlib, Version=4.0.0.0]]", "List`1", 1, 0, true},
		{"List[int][]", "List", 1, 1, true},
		{"", "", 0, 0, false},
		{"List[int", "", 0, 0, false},
		{"a b", "", 0, 0, false},
	}
	for _, c := range cases {
		tn, ok := dotnet.ParseTypeName(c.in)
		if ok != c.ok {
			t.Errorf("%q: ok %v, want %v", c.in, ok, c.ok)
			continue
		}
		if ok && (tn.Name != c.name || len(tn.Args) != c.args || tn.Array != c.array) {
			t.Errorf("%q: got %s with %d args and %d ranks, want %s, %d, %d", c.in, tn.Name, len(tn.Args), tn.Array, c.name, c.args, c.array)
		}
	}
}

// host is the least a type needs of an interpreter, for these tests.
type host struct{}

func (host) ToStr(v any) string { return object.ToInvariantString(v) }
func (host) Now() time.Time     { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
func (host) NewGuid() object.Guid {
	return object.Guid{}
}
func (host) Files() *fsys.Namespace                                 { return nil }
func (host) Env() *fsys.Env                                         { return fsys.NewEnv(nil) }
func (host) CallScriptBlock(dotnet.ScriptBlock, []any) (any, error) { return nil, nil }
func (host) TypeOf(v any) *dotnet.TypeInfo                          { return nil }
func (host) Compare(a, b any, cs bool) (int, error)                 { return 0, nil }
func (host) Construct(t *dotnet.TypeInfo, args []any) (any, error)  { return nil, nil }
func (host) Equal(a, b any, cs bool) bool                           { return a == b }
func (host) ResolveType(string) (*dotnet.TypeInfo, bool)            { return nil, false }
func (host) UserInteractive() bool                                  { return false }
func (host) Settings() *dotnet.Settings                             { return &dotnet.Settings{} }

// A member is found on the type, then on its declared base, then on
// System.Object; a call with the wrong argument count is refused with
// PowerShell's overload error; an array type converts each element.
func TestMembersAndArrays(t *testing.T) {
	t.Parallel()
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "Exosim.Test.Base", Members: dotnet.Members{
			"Hello": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return "hello " + c.Str(0), nil }),
		}},
		&dotnet.TypeDef{FullName: "Exosim.Test.Derived", Base: "Exosim.Test.Base",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return "<" + h.ToStr(v) + ">", nil }},
	)
	d := dotnet.TypeByName("exosim.test.derived")
	if d == nil {
		t.Fatal("the derived type is not found by its name in another case")
	}
	m, at := dotnet.FindMember(d, "hello", false)
	if m == nil || at.FullName != "Exosim.Test.Base" {
		t.Fatalf("Hello found on %v, want the base type", at)
	}
	out, err := m.Call(&dotnet.Call{Host: host{}, Type: at, Args: []any{42}, Name: "Hello"})
	if err != nil || out != "hello 42" {
		t.Fatalf("Hello(42) = %v, %v", out, err)
	}
	if err := dotnet.CheckArity(m, "Hello", 2); err == nil || err.Error() != `Cannot find an overload for "Hello" and the argument count: "2".` {
		t.Fatalf("two arguments: %v", err)
	}
	arr := dotnet.ArrayType(d)
	if arr.String() != "Exosim.Test.Derived[]" {
		t.Fatalf("array type %s", arr.String())
	}
	v, err := arr.Convert(host{}, []any{1, "b"})
	items, _ := v.([]any)
	if err != nil || len(items) != 2 || items[0] != "<1>" || items[1] != "<b>" {
		t.Fatalf("converted %v, %v", v, err)
	}
	if !arr.Test(v) {
		t.Fatal("the converted array is not of the array type")
	}
}
