// Package syntax is PowerShell's syntax tree: the nodes a script parses
// to, with their source extents, the walk over them (Inspect, Children),
// the compact dump tests compare, and the parse errors. The parser that
// builds a tree from text is syntax/parser.
package syntax

import "strings"

// Source is one piece of parsed text: a script file, a command line or a
// string given to Invoke-Expression.
type Source struct {
	// Path is the script's path, empty for interactive input.
	Path string
	Text string

	lineStarts []int
}

// NewSource wraps text.
func NewSource(path, text string) *Source {
	return &Source{Path: path, Text: text}
}

// Line returns the text of line n (1-based) without its line terminator.
func (s *Source) Line(n int) string {
	if s == nil {
		return ""
	}
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for i := 0; i < len(s.Text); i++ {
			if s.Text[i] == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	if n < 1 || n > len(s.lineStarts) {
		return ""
	}
	start := s.lineStarts[n-1]
	end := len(s.Text)
	if n < len(s.lineStarts) {
		end = s.lineStarts[n] - 1
	}
	return strings.TrimSuffix(s.Text[start:end], "\r")
}

// Pos is a position in a Source. Line and Col are 1-based; Col counts
// characters (runes), Offset counts bytes.
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Extent is the span [Start, End) of a node in its Source.
type Extent struct {
	Src   *Source
	Start Pos
	End   Pos
}

// Text returns the source text covered by the extent.
func (e Extent) Text() string {
	if e.Src == nil || e.Start.Offset < 0 || e.End.Offset > len(e.Src.Text) || e.Start.Offset > e.End.Offset {
		return ""
	}
	return e.Src.Text[e.Start.Offset:e.End.Offset]
}

// Node is any syntax tree node.
type Node interface {
	Span() Extent
}

// Statement is a node that can stand in a statement list.
type Statement interface {
	Node
	stmt()
}

// Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// ---------------------------------------------------------------------------
// Script blocks, functions, parameters

// ScriptBlock is a whole script or the body of { ... }.
// Without named blocks the statements are in End and Unnamed is true.
type ScriptBlock struct {
	Ext Extent
	// Usings holds the using statements at the top of a script (never set
	// on a { } block: using is only valid at the start of a script).
	Usings []*UsingStmt
	// Requires holds the script's #requires lines; nil when it has none.
	// It is set on the script's top block only.
	Requires *Requirements
	Param    *ParamBlock // may be nil
	Begin    *StatementBlock
	Process  *StatementBlock
	End      *StatementBlock
	// Clean runs when the command finishes, fails or is stopped, once
	// any of its other blocks ran; its success output is discarded.
	Clean    *StatementBlock
	Unnamed  bool
	IsFilter bool
	// DefinesTypes tells that an enum or class definition is written
	// somewhere inside the block (nested blocks included); when it is
	// false a caller can skip looking for them.
	DefinesTypes bool
}

// UsingStmt is using namespace|module|assembly|type|command Name [= Target].
type UsingStmt struct {
	Ext Extent
	// Kind is the directive in lower case: "namespace", "module",
	// "assembly", "type" or "command".
	Kind string
	// Name is the item as written first. With an alias
	// (using namespace short = Long.Name) Name is the alias and Target the
	// real name.
	Name   string
	Target string
	// Spec is the hashtable of `using module @{ModuleName=...}`.
	Spec *HashtableExpr
}

// Resolved returns the name the statement refers to: the target of an
// alias, else the name.
func (u *UsingStmt) Resolved() string {
	if u.Target != "" {
		return u.Target
	}
	return u.Name
}

// Requirements are the #requires lines of a script, checked when the
// script file runs (not for interactive input).
type Requirements struct {
	Ext Extent // the first #requires line
	// Version is the -Version argument as written ("5.1"), "" if none.
	Version string
	// Editions holds -PSEdition values.
	Editions []string
	// Modules holds -Modules names (from strings or @{ModuleName=...}).
	Modules []ModuleSpec
	// Assemblies holds -Assembly values.
	Assemblies []string
	// RunAsAdministrator is set by -RunAsAdministrator.
	RunAsAdministrator bool
	// ShellID and PSSnapin are the legacy forms.
	ShellID  string
	PSSnapin string
}

// ModuleSpec names a module with optional version constraints.
type ModuleSpec struct {
	Name            string
	Version         string // ModuleVersion (minimum)
	RequiredVersion string
	MaximumVersion  string
}

// ParamBlock is param(...) with the attributes written before it
// ([CmdletBinding()]).
type ParamBlock struct {
	Ext        Extent
	Attributes []*Attribute
	Params     []*Parameter
}

// Parameter is one declared parameter of a function or script block.
type Parameter struct {
	Ext  Extent
	Name string // without the $
	// Attributes holds [Parameter(...)], [ValidateSet(...)], [Alias(...)] ...
	Attributes []*Attribute
	// Types holds the type constraints in the order written ([string] ...).
	Types   []*TypeName
	Default Expr // may be nil
}

// Attribute is [Name(args)] on a parameter or param block.
type Attribute struct {
	Ext        Extent
	Name       string
	Positional []Expr
	Named      []*NamedArg
}

// NamedArg is Name=Value inside an attribute; Value nil means $true
// ([Parameter(Mandatory)]).
type NamedArg struct {
	Ext   Extent
	Name  string
	Value Expr
}

// TypeName is a type as written inside brackets: "int", "string[]",
// "System.DateTime", "ordered".
type TypeName struct {
	Ext  Extent
	Name string
}

// StatementBlock is a list of statements.
type StatementBlock struct {
	Ext        Extent
	Statements []Statement
	Traps      []*TrapStmt
}

// ---------------------------------------------------------------------------
// Statements

// Pipeline is a pipeline: one or more elements separated by |.
// The first element may be an expression (CommandExprElement).
type Pipeline struct {
	Ext      Extent
	Elements []PipelineElement
}

// PipelineChain is a && or || chain (PowerShell 7).
type PipelineChain struct {
	Ext   Extent
	Left  Statement
	Op    string // "&&" or "||"
	Right Statement
}

// AssignmentStmt is target = value (and +=, -=, *=, /=, %=, ??=).
type AssignmentStmt struct {
	Ext    Extent
	Target Expr // VariableExpr, MemberExpr, IndexExpr, ConvertExpr, or ArrayLiteralExpr for $a,$b = ...
	Op     string
	Value  Statement
}

// IfStmt is if/elseif/else.
type IfStmt struct {
	Ext     Extent
	Clauses []*IfClause
	Else    *StatementBlock
}

// IfClause is one condition and its body.
type IfClause struct {
	Cond Statement
	Body *StatementBlock
}

// ForEachStmt is foreach ($v in expr) { }.
type ForEachStmt struct {
	Ext        Extent
	Label      string
	Variable   *VariableExpr
	Collection Statement
	Body       *StatementBlock
}

// ForStmt is for (init; cond; iter) { }. Any part may be nil.
type ForStmt struct {
	Ext   Extent
	Label string
	Init  Statement
	Cond  Statement
	Iter  Statement
	Body  *StatementBlock
}

// WhileStmt is while (cond) { }.
type WhileStmt struct {
	Ext   Extent
	Label string
	Cond  Statement
	Body  *StatementBlock
}

// DoStmt is do { } while (cond) or do { } until (cond).
type DoStmt struct {
	Ext   Extent
	Label string
	Body  *StatementBlock
	Cond  Statement
	Until bool
}

// SwitchStmt is switch [-flags] (value) { clauses }.
type SwitchStmt struct {
	Ext           Extent
	Label         string
	Regex         bool
	Wildcard      bool
	Exact         bool
	CaseSensitive bool
	File          bool
	Cond          Statement
	Clauses       []*SwitchClause
	Default       *StatementBlock
}

// SwitchClause is pattern { body }; Pattern may be a ScriptBlockExpr.
type SwitchClause struct {
	Pattern Expr
	Body    *StatementBlock
}

// TryStmt is try { } catch [T] { } finally { }.
type TryStmt struct {
	Ext     Extent
	Body    *StatementBlock
	Catches []*CatchClause
	Finally *StatementBlock
}

// CatchClause catches the listed types (none = all).
type CatchClause struct {
	Ext   Extent
	Types []*TypeName
	Body  *StatementBlock
}

// TrapStmt is trap [T] { }.
type TrapStmt struct {
	Ext  Extent
	Type *TypeName
	Body *StatementBlock
}

// ThrowStmt is throw [value].
type ThrowStmt struct {
	Ext   Extent
	Value Statement // may be nil
}

// ReturnStmt is return [value].
type ReturnStmt struct {
	Ext   Extent
	Value Statement
	// InMethod marks a return written directly in a class method or
	// constructor body (not in a script block nested there): its value
	// is the method's result rather than pipeline output.
	InMethod bool
}

// ExitStmt is exit [code].
type ExitStmt struct {
	Ext   Extent
	Value Statement
}

// BreakStmt is break [label].
type BreakStmt struct {
	Ext   Extent
	Label string
}

// ContinueStmt is continue [label].
type ContinueStmt struct {
	Ext   Extent
	Label string
}

// FunctionDef is function Name [(params)] { body } (or filter).
type FunctionDef struct {
	Ext      Extent
	Name     string
	IsFilter bool
	// Params holds parameters declared as function f($a, $b); the body may
	// instead have a param block.
	Params []*Parameter
	Body   *ScriptBlock
	// Help is the function's comment-based help, nil without one.
	Help *CommentHelp
}

func (*Pipeline) stmt()       {}
func (*PipelineChain) stmt()  {}
func (*AssignmentStmt) stmt() {}
func (*IfStmt) stmt()         {}
func (*ForEachStmt) stmt()    {}
func (*ForStmt) stmt()        {}
func (*WhileStmt) stmt()      {}
func (*DoStmt) stmt()         {}
func (*SwitchStmt) stmt()     {}
func (*TryStmt) stmt()        {}
func (*TrapStmt) stmt()       {}
func (*ThrowStmt) stmt()      {}
func (*ReturnStmt) stmt()     {}
func (*ExitStmt) stmt()       {}
func (*BreakStmt) stmt()      {}
func (*ContinueStmt) stmt()   {}
func (*FunctionDef) stmt()    {}
func (*UsingStmt) stmt()      {}

// ---------------------------------------------------------------------------
// Pipeline elements

// PipelineElement is a CommandExpr or a CommandExprElement.
type PipelineElement interface {
	Node
	pipelineElement()
}

// CommandExpr is a command invocation in argument mode. Elements[0] is the
// command name (a bare StringConstExpr, or any expression after & or .);
// the rest are arguments and *CommandParameter values.
type CommandExpr struct {
	Ext          Extent
	InvocationOp string // "", "&" or "."
	Elements     []Node
	Redirections []*Redirection
}

// CommandParameter is -Name or -Name:value in a command's arguments.
type CommandParameter struct {
	Ext Extent
	// Name is as typed, without the leading dash (dash variants normalised).
	Name string
	// Arg is the value after a colon (-Name:value), nil otherwise.
	Arg Expr
}

// CommandExprElement is an expression used as a pipeline element.
type CommandExprElement struct {
	Ext          Extent
	Expr         Expr
	Redirections []*Redirection
}

// Redirection is >, >>, 2>, 2>&1, *> ...
type Redirection struct {
	Ext    Extent
	From   string // "1", "2", "3", "4", "5", "6" or "*"
	Merge  bool   // 2>&1: merge From into the output stream
	Target Expr   // file name for file redirections
	Append bool
}

func (*CommandExpr) pipelineElement()        {}
func (*CommandExprElement) pipelineElement() {}

// ---------------------------------------------------------------------------
// Expressions

// StringKind says how a string was written.
type StringKind int

// String kinds.
const (
	BareWord StringKind = iota
	SingleQuoted
	DoubleQuoted
	HereSingle
	HereDouble
)

// ConstantExpr is a number (or other constant) literal.
type ConstantExpr struct {
	Ext   Extent
	Value any // int, int64, float64, Decimal ... from shell/object
}

// StringConstExpr is a string with nothing to expand.
type StringConstExpr struct {
	Ext   Extent
	Value string
	Kind  StringKind
}

// ExpandableStringExpr is a double-quoted string (or bareword) with
// $variables or $(subexpressions). Parts alternate literal
// *StringConstExpr and embedded expressions, in order.
type ExpandableStringExpr struct {
	Ext   Extent
	Parts []Expr
	Kind  StringKind
}

// VariableExpr is $name, ${name}, $scope:name, or @name when Splatted.
type VariableExpr struct {
	Ext      Extent
	Name     string // including any scope/drive qualifier, e.g. "env:PATH"
	Splatted bool
}

// ArrayLiteralExpr is a, b, c (the comma operator).
type ArrayLiteralExpr struct {
	Ext      Extent
	Elements []Expr
}

// ArrayExpr is @( statements ).
type ArrayExpr struct {
	Ext  Extent
	Body *StatementBlock
}

// SubExpr is $( statements ).
type SubExpr struct {
	Ext  Extent
	Body *StatementBlock
}

// ParenExpr is ( pipeline-or-assignment ).
type ParenExpr struct {
	Ext  Extent
	Stmt Statement
}

// HashtableExpr is @{ key = value; ... }.
type HashtableExpr struct {
	Ext   Extent
	Pairs []*KeyValue
}

// KeyValue is one hashtable entry.
type KeyValue struct {
	Key   Expr
	Value Statement
}

// ScriptBlockExpr is { ... } used as a value.
type ScriptBlockExpr struct {
	Ext   Extent
	Block *ScriptBlock
}

// TypeExpr is a bare type literal such as [math] in [math]::Round(...).
type TypeExpr struct {
	Ext  Extent
	Type *TypeName
}

// ConvertExpr is a cast: [type] child.
type ConvertExpr struct {
	Ext   Extent
	Type  *TypeName
	Child Expr
}

// AttributedExpr is an attribute written on a variable, type constraints
// between allowed: [ValidateRange(1, 10)][int]$x. An assignment to it
// gives the variable the attribute.
type AttributedExpr struct {
	Ext       Extent
	Attribute *Attribute
	Child     Expr
}

// UnaryExpr is a prefix or postfix operator. Op is one of: "-not", "!",
// "-", "+", "-bnot", "-split", "-join", ",", "++", "--" (prefix), "p++",
// "p--" (postfix).
type UnaryExpr struct {
	Ext   Extent
	Op    string
	Child Expr
}

// BinaryExpr is left op right. Op is lower case as written, with dash:
// "+", "-", "*", "/", "%", "..", "-f", "-eq", "-ceq", "-ieq", "-and", "-or",
// "-xor", "-band", "-bor", "-bxor", "-shl", "-shr", "-is", "-isnot", "-as",
// "-replace", "-split", "-join", "??", ... (en/em dashes normalised to "-").
type BinaryExpr struct {
	Ext   Extent
	Op    string
	OpExt Extent
	Left  Expr
	Right Expr
}

// TernaryExpr is cond ? a : b.
type TernaryExpr struct {
	Ext     Extent
	Cond    Expr
	IfTrue  Expr
	IfFalse Expr
}

// MemberExpr is target.member or [type]::member. Member is a
// *StringConstExpr for a plain name, otherwise any expression.
type MemberExpr struct {
	Ext             Extent
	Target          Expr
	Member          Expr
	Static          bool
	NullConditional bool
}

// InvokeMemberExpr is target.Method(args) or [type]::Method(args).
type InvokeMemberExpr struct {
	Ext             Extent
	Target          Expr
	Member          Expr
	Args            []Expr
	Static          bool
	NullConditional bool
	TypeArgs        []*TypeName // Method[T](...): a generic method's type arguments
}

// IndexExpr is target[index].
type IndexExpr struct {
	Ext             Extent
	Target          Expr
	Index           Expr
	NullConditional bool
}

func (*ConstantExpr) expr()         {}
func (*StringConstExpr) expr()      {}
func (*ExpandableStringExpr) expr() {}
func (*VariableExpr) expr()         {}
func (*ArrayLiteralExpr) expr()     {}
func (*ArrayExpr) expr()            {}
func (*SubExpr) expr()              {}
func (*ParenExpr) expr()            {}
func (*HashtableExpr) expr()        {}
func (*ScriptBlockExpr) expr()      {}
func (*TypeExpr) expr()             {}
func (*ConvertExpr) expr()          {}
func (*AttributedExpr) expr()       {}
func (*UnaryExpr) expr()            {}
func (*BinaryExpr) expr()           {}
func (*TernaryExpr) expr()          {}
func (*MemberExpr) expr()           {}
func (*InvokeMemberExpr) expr()     {}
func (*IndexExpr) expr()            {}

// Span implementations.
func (n *ScriptBlock) Span() Extent          { return n.Ext }
func (n *ParamBlock) Span() Extent           { return n.Ext }
func (n *Parameter) Span() Extent            { return n.Ext }
func (n *Attribute) Span() Extent            { return n.Ext }
func (n *TypeName) Span() Extent             { return n.Ext }
func (n *StatementBlock) Span() Extent       { return n.Ext }
func (n *Pipeline) Span() Extent             { return n.Ext }
func (n *PipelineChain) Span() Extent        { return n.Ext }
func (n *AssignmentStmt) Span() Extent       { return n.Ext }
func (n *IfStmt) Span() Extent               { return n.Ext }
func (n *ForEachStmt) Span() Extent          { return n.Ext }
func (n *ForStmt) Span() Extent              { return n.Ext }
func (n *WhileStmt) Span() Extent            { return n.Ext }
func (n *DoStmt) Span() Extent               { return n.Ext }
func (n *SwitchStmt) Span() Extent           { return n.Ext }
func (n *TryStmt) Span() Extent              { return n.Ext }
func (n *CatchClause) Span() Extent          { return n.Ext }
func (n *TrapStmt) Span() Extent             { return n.Ext }
func (n *ThrowStmt) Span() Extent            { return n.Ext }
func (n *ReturnStmt) Span() Extent           { return n.Ext }
func (n *ExitStmt) Span() Extent             { return n.Ext }
func (n *BreakStmt) Span() Extent            { return n.Ext }
func (n *ContinueStmt) Span() Extent         { return n.Ext }
func (n *FunctionDef) Span() Extent          { return n.Ext }
func (n *UsingStmt) Span() Extent            { return n.Ext }
func (n *CommandExpr) Span() Extent          { return n.Ext }
func (n *CommandParameter) Span() Extent     { return n.Ext }
func (n *CommandExprElement) Span() Extent   { return n.Ext }
func (n *Redirection) Span() Extent          { return n.Ext }
func (n *ConstantExpr) Span() Extent         { return n.Ext }
func (n *StringConstExpr) Span() Extent      { return n.Ext }
func (n *ExpandableStringExpr) Span() Extent { return n.Ext }
func (n *VariableExpr) Span() Extent         { return n.Ext }
func (n *ArrayLiteralExpr) Span() Extent     { return n.Ext }
func (n *ArrayExpr) Span() Extent            { return n.Ext }
func (n *SubExpr) Span() Extent              { return n.Ext }
func (n *ParenExpr) Span() Extent            { return n.Ext }
func (n *HashtableExpr) Span() Extent        { return n.Ext }
func (n *ScriptBlockExpr) Span() Extent      { return n.Ext }
func (n *TypeExpr) Span() Extent             { return n.Ext }
func (n *ConvertExpr) Span() Extent          { return n.Ext }
func (n *AttributedExpr) Span() Extent       { return n.Ext }
func (n *UnaryExpr) Span() Extent            { return n.Ext }
func (n *BinaryExpr) Span() Extent           { return n.Ext }
func (n *TernaryExpr) Span() Extent          { return n.Ext }
func (n *MemberExpr) Span() Extent           { return n.Ext }
func (n *InvokeMemberExpr) Span() Extent     { return n.Ext }
func (n *IndexExpr) Span() Extent            { return n.Ext }

// ---------------------------------------------------------------------------
// Errors

// ParseError is one syntax error with its position and PowerShell's
// message text and error id (e.g. "MissingEndCurlyBrace").
type ParseError struct {
	Ext     Extent
	ErrorID string
	Message string
	// Incomplete is true when more input could complete the text (an open
	// brace, quote or here-string, a trailing pipe, operator or backtick).
	Incomplete bool
}

func (e *ParseError) Error() string { return e.Message }

// ErrorList is the set of errors of one parse, in source order.
type ErrorList []*ParseError

func (l ErrorList) Error() string {
	if len(l) == 0 {
		return ""
	}
	return l[0].Message
}

// Incomplete reports whether the input is merely unfinished: every error
// is an Incomplete one.
func (l ErrorList) Incomplete() bool {
	if len(l) == 0 {
		return false
	}
	for _, e := range l {
		if !e.Incomplete {
			return false
		}
	}
	return true
}
