package parser

import (
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/syntax"
)

// TokenKind classifies a token.
type TokenKind int

// Token kinds.
const (
	TokEOF         TokenKind = iota
	TokNewline               // end of line
	TokSemi                  // ;
	TokPipe                  // |
	TokAndAnd                // &&
	TokOrOr                  // ||
	TokAmp                   // & (call operator)
	TokDot                   // . (dot-source or member access)
	TokColonColon            // ::
	TokQDot                  // ?.
	TokQLBracket             // ?[
	TokLParen                // (
	TokRParen                // )
	TokLCurly                // {
	TokRCurly                // }
	TokLBracket              // [
	TokRBracket              // ]
	TokAtParen               // @(
	TokDollarParen           // $(
	TokAtCurly               // @{
	TokComma                 // ,
	TokNumber                // numeric literal; Value holds the number
	TokVariable              // $name; Str holds the name
	TokSplat                 // @name; Str holds the name
	TokString                // verbatim string; Str holds the value
	TokExpandable            // double-quoted string; Parts holds its pieces
	TokGeneric               // bareword or identifier; Str holds the value
	TokParameter             // -Name or -Name: in command mode; Str holds the name
	TokOperator              // binary or unary operator; Str holds it normalised
	TokAssign                // = += -= *= /= %= ??=
	TokPlusPlus              // ++
	TokMinusMinus            // --
	TokQuestion              // ? (ternary)
	TokColon                 // :
	TokRedirection           // > >> 2> 2>&1 *> ...
	TokLabel                 // :name at statement start
	TokBad                   // unrecognised input
)

var tokenKindNames = [...]string{
	TokEOF: "EOF", TokNewline: "Newline", TokSemi: ";", TokPipe: "|", TokAndAnd: "&&",
	TokOrOr: "||", TokAmp: "&", TokDot: ".", TokColonColon: "::", TokQDot: "?.",
	TokQLBracket: "?[", TokLParen: "(", TokRParen: ")", TokLCurly: "{", TokRCurly: "}",
	TokLBracket: "[", TokRBracket: "]", TokAtParen: "@(", TokDollarParen: "$(",
	TokAtCurly: "@{", TokComma: ",", TokNumber: "Number", TokVariable: "Variable",
	TokSplat: "Splat", TokString: "String", TokExpandable: "ExpandableString",
	TokGeneric: "Generic", TokParameter: "Parameter", TokOperator: "Operator",
	TokAssign: "Assign", TokPlusPlus: "++", TokMinusMinus: "--", TokQuestion: "?",
	TokColon: ":", TokRedirection: "Redirection", TokLabel: "Label", TokBad: "Bad",
}

func (k TokenKind) String() string {
	if int(k) >= 0 && int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "?"
}

// Token is one lexical token.
type Token struct {
	Kind TokenKind
	// Ext covers the token's source text.
	Ext syntax.Extent
	// Str is the token's value: the decoded string, the variable, parameter
	// or label name, or the normalised operator.
	Str string
	// Value is the number of a TokNumber.
	Value any
	// StrKind says how a string token was written.
	StrKind syntax.StringKind
	// Parts holds the pieces of an expandable string or bareword; nil when
	// nothing is expanded.
	Parts []syntax.Expr
	// Colon is set on a parameter written -Name: .
	Colon bool
	// SpaceBefore is set when whitespace precedes the token.
	SpaceBefore bool
	// Escaped is set on a bareword that contained escapes or quotes (so it
	// is never a keyword).
	Escaped bool
	// Redirection details.
	RedirFrom   string
	RedirMerge  bool
	RedirAppend bool
}

// Text returns the token's source text.
func (t *Token) Text() string { return t.Ext.Text() }

// binary operator precedences (higher binds tighter).
const (
	precLogical    = 1
	precBitwise    = 2
	precComparison = 5
	precNullCoal   = 7
	precAdditive   = 9
	precMultiply   = 10
	precFormat     = 12
	precRange      = 13
)

var comparisonOps = []string{
	"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
	"contains", "notcontains", "in", "notin", "replace", "split",
}

// dashOps maps a dash operator (lower case, without the dash) to its binary
// precedence; 0 means unary only.
var dashOps = lazy.Value[map[string]int]{Build: func() map[string]int {
	m := map[string]int{
		"and": precLogical, "or": precLogical, "xor": precLogical,
		"band": precBitwise, "bor": precBitwise, "bxor": precBitwise,
		"is": precComparison, "isnot": precComparison, "as": precComparison,
		"join": precComparison, "shl": precComparison, "shr": precComparison,
		"f":   precFormat,
		"not": 0, "bnot": 0,
	}
	for _, op := range comparisonOps {
		m[op] = precComparison
		m["i"+op] = precComparison
		m["c"+op] = precComparison
	}
	return m
}}

// unaryDashOps are the dash operators usable as prefix operators.
var unaryDashOps = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{"-not": true, "-bnot": true, "-split": true, "-join": true,
		"-isplit": true, "-csplit": true}
}}

// binaryPrec returns the precedence of a binary operator token, 0 if the
// token is not one.
func binaryPrec(t *Token) int {
	if t.Kind == TokQuestion && t.Str == "??" {
		return precNullCoal
	}
	if t.Kind != TokOperator {
		return 0
	}
	switch t.Str {
	case "+", "-":
		return precAdditive
	case "*", "/", "%":
		return precMultiply
	case "..":
		return precRange
	case "??":
		return precNullCoal
	case "!", "-not", "-bnot":
		return 0
	}
	if len(t.Str) > 1 && t.Str[0] == '-' {
		return dashOps.Get()[t.Str[1:]]
	}
	return 0
}

// keywords recognised at the start of a statement.
var keywords = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"if": true, "elseif": true, "else": true, "switch": true, "foreach": true, "for": true,
		"while": true, "do": true, "until": true, "try": true, "catch": true, "finally": true,
		"trap": true, "throw": true, "return": true, "exit": true, "break": true, "continue": true,
		"function": true, "filter": true, "workflow": true, "param": true, "begin": true,
		"process": true, "end": true, "dynamicparam": true, "in": true, "data": true,
		"class": true, "enum": true, "using": true, "configuration": true,
	}
}}
