// Package dotnet is the .NET type registry of the PowerShell runtime:
// every type scripts can name — in a cast, a -is/-as test, a static member
// access ([math]::Round) or a constructor (::new, New-Object) — is declared
// once, as a TypeDef, and registered. Instance members of values are
// looked up in the same registry through the value's .NET type name, so
// adding a type or a member is one entry.
//
// A TypeDef is a type definition; a TypeInfo is a usable type: a
// non-generic definition, a generic definition closed over its type
// arguments (List[string]), or an array of another type (string[]).
//
// The types reach the interpreter (string conversion with $OFS, script
// block calls, the simulated clock ...) only through the Host a Call
// carries; the package knows nothing of the interpreter itself. The
// subpackages of shell/dotnet declare the type families.
package dotnet

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

// Host is what the types need from the interpreter that runs them.
type Host interface {
	// ToStr converts a value to a string with the invariant culture
	// and the session's $OFS.
	ToStr(v any) string
	// Now is the session's clock (DateTime.Now).
	Now() time.Time
	// NewGuid is the next identifier of the session's seeded generator.
	NewGuid() object.Guid
	// Files is the session's drives and location; Env its environment
	// variables.
	Files() *fsys.Namespace
	Env() *fsys.Env
	// CallScriptBlock calls script block sb with the arguments and
	// returns its output (one value or an array).
	CallScriptBlock(sb ScriptBlock, args []any) (any, error)
	// TypeOf is the type of a value, as GetType() reports it (classes a
	// script defined included).
	TypeOf(v any) *TypeInfo
	// Compare orders two values as PowerShell's -lt and -gt do (cs:
	// case-sensitive); an error when they cannot be compared.
	Compare(a, b any, cs bool) (int, error)
	// Equal compares two values as PowerShell's -eq does (cs:
	// case-sensitive).
	Equal(a, b any, cs bool) bool
	// ResolveType finds the type a name written in a script stands for
	// (accelerators, namespaces, the session's classes).
	ResolveType(name string) (*TypeInfo, bool)
	// Construct makes an instance of t, as [T]::new(args) does.
	Construct(t *TypeInfo, args []any) (any, error)
	// UserInteractive tells whether a user sits at the session
	// ([Environment]::UserInteractive).
	UserInteractive() bool
	// Settings are the session's copy of the process-wide settings a
	// script can set on a static member and read back.
	Settings() *Settings
}

// Settings are process-wide .NET settings a script sets and reads back;
// a session keeps its own copy, and the simulator acts on none of them.
type Settings struct {
	// SecurityProtocol is [Net.ServicePointManager]::SecurityProtocol;
	// nil until a script sets it.
	SecurityProtocol any
	// The console's colors (nil: none set, read as -1), its encodings
	// (nil: UTF-8), its title, and whether its cursor is hidden.
	ConsoleForeground, ConsoleBackground        any
	ConsoleOutputEncoding, ConsoleInputEncoding any
	ConsoleTitle                                any
	ConsoleCursorHidden                         bool
}

// ScriptBlock is a script block of the interpreter running the types:
// what a method taking a delegate (a Predicate, a Func, a Comparison, a
// MatchEvaluator) accepts, run with Host.CallScriptBlock.
type ScriptBlock interface {
	// ScriptBlock marks the interpreter's script block type.
	ScriptBlock()
}

// Typed is implemented by values that know their own .NET type (generic
// collections and the other values the types define): GetType() and
// member lookup use it.
type Typed interface {
	PSType() *TypeInfo
}

// Comparable is implemented by values that order themselves for -lt,
// -gt and sorting: c is -1, 0 or 1; ok is false when other cannot be
// compared with the value.
type Comparable interface {
	CompareTo(h Host, other any) (c int, ok bool)
}

// Indexer is implemented by values with their own indexer ($x['key']);
// ok false means the key cannot be used.
type Indexer interface {
	Index(h Host, key any) (any, bool)
}

// TypeDef declares one .NET type.
type TypeDef struct {
	// FullName is the .NET full name; generic definitions carry their
	// arity the .NET way: "System.Collections.Generic.List`1".
	FullName string
	// Aliases are other names resolving to the type without a namespace
	// search: PowerShell's type accelerators ("int", "hashtable").
	Aliases []string
	// Assembly is the simple assembly name shown in assembly-qualified
	// generic argument names; empty means System.Private.CoreLib.
	Assembly string
	// Base is the full name of the type whose instance members this one
	// inherits (searched when a member is not declared here). Every type
	// finally inherits System.Object's.
	Base string
	// ValueType marks structs (DateTime, Int32 ...) for GetType().BaseType.
	ValueType bool
	// Convert converts a value to the type (a cast); nil keeps the value.
	Convert func(h Host, t *TypeInfo, v any) (any, error)
	// Is implements -is; nil means "never".
	Is func(t *TypeInfo, v any) bool
	// New constructs an instance ([T]::new(args), New-Object T args); nil
	// means the type has no public constructor.
	New func(c *Call) (any, error)
	// Static and Members are the static and instance members, keyed by
	// name (case-insensitive).
	Static  Members
	Members Members
	// NewArity lists the argument counts New accepts (nil: any).
	NewArity []int
	// Hidden types serve their instances' members but cannot be named in
	// a script ([T] is "Unable to find type"): types whose assembly a real
	// session would not have loaded.
	Hidden bool
	// BaseDef and Class are set for classes a script defines: the base
	// class's definition and the interpreter's record of the class.
	BaseDef *TypeDef
	Class   any
}

// Members maps member names to members.
type Members map[string]*Member

// Member is a property (Get, optionally Set) or a method (Call).
type Member struct {
	Get  func(c *Call) (any, error)
	Set  func(c *Call, v any) error
	Call func(c *Call) (any, error)
	// Min and Max bound the argument count of a method (Max < 0: any).
	Min, Max int
}

// Method returns a method member taking between min and max arguments.
func Method(min, max int, fn func(c *Call) (any, error)) *Member {
	return &Member{Call: fn, Min: min, Max: max}
}

// Prop returns a read-only property member.
func Prop(fn func(c *Call) (any, error)) *Member { return &Member{Get: fn} }

// Call is one member access: the host running it, the type it was found
// on (with its generic arguments), the instance (nil for static members)
// and the arguments.
type Call struct {
	Host Host
	Type *TypeInfo
	Self any
	Args []any
	Name string
}

// TypeInfo is a type usable in casts, -is/-as and member access.
type TypeInfo struct {
	// FullName is the .NET Type.FullName: generic arguments are
	// assembly-qualified, as in error messages.
	FullName string
	// Convert converts a value to the type; nil means "no conversion".
	Convert func(h Host, v any) (any, error)
	// Test implements -is.
	Test func(v any) bool
	// Element is set for array types (string[]).
	Element *TypeInfo
	// Args are the type arguments of a closed generic type.
	Args []*TypeInfo
	def  *TypeDef
}

// Name is the short type name (Type.Name): "Int32", "List`1", "String[]".
func (t *TypeInfo) Name() string {
	if t.Element != nil {
		return t.Element.Name() + "[]"
	}
	n := t.FullName
	if t.def != nil {
		n = t.def.FullName
	}
	return object.ShortName(n)
}

// String is Type.ToString(): generic arguments by their full names without
// assembly ("System.Collections.Generic.List`1[System.String]"); this is
// the form conversion errors show.
func (t *TypeInfo) String() string {
	if t.Element != nil {
		return t.Element.String() + "[]"
	}
	if len(t.Args) == 0 {
		return t.FullName
	}
	parts := make([]string, len(t.Args))
	for i, a := range t.Args {
		parts[i] = a.String()
	}
	return t.def.FullName + "[" + strings.Join(parts, ",") + "]"
}

// GenericFullName is FullName (object.GenericType).
func (t *TypeInfo) GenericFullName() string { return t.FullName }

// Def returns the definition behind the type (nil for ad-hoc types).
func (t *TypeInfo) Def() *TypeDef { return t.def }

// TypeValue is a type literal used as a value ([int], [math]).
type TypeValue struct{ Info *TypeInfo }

func (t *TypeValue) String() string { return t.Info.FullName }

// PSTypeName is the .NET type name.
func (t *TypeValue) PSTypeName() string { return "System.RuntimeType" }

// assemblyQualified is the argument form inside a generic full name.
func (t *TypeInfo) assemblyQualified() string {
	asm := "System.Private.CoreLib"
	if t.def != nil && t.def.Assembly != "" {
		asm = t.def.Assembly
	}
	version, token := "8.0.0.0", "7cec85d7bea7798e"
	if asm == "System.Management.Automation" {
		version, token = "7.4.6.500", "31bf3856ad364e35"
	}
	return fmt.Sprintf("%s, %s, Version=%s, Culture=neutral, PublicKeyToken=%s", t.FullName, asm, version, token)
}
