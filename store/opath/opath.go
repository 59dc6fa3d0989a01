// Package opath parses and evaluates the OPATH filters that Exchange accepts
// in the -Filter parameter of the recipient cmdlets (Get-Mailbox,
// Get-Recipient, Get-User, Get-EXOMailbox, ...) and in advanced adaptive
// scope queries.
//
// Grammar (operators and the literals $true/$false/$null are
// case-insensitive):
//
//	filter     = expr EOF
//	expr       = unary { ( "-and" | "-or" ) unary }
//	unary      = "-not" unary | primary
//	primary    = "(" expr ")" | property [ comparison value ]
//	comparison = "-eq" | "-ne" | "-like" | "-notlike" | "-gt" | "-lt" | "-ge" | "-le"
//	value      = 'single-quoted' | "double-quoted" | number | bare-word
//	           | "$true" | "$false" | "$null"
//
// -and and -or have equal precedence and associate left to right, as in
// PowerShell: "A -or B -and C" means "(A -or B) -and C". A property without a
// comparison is accepted by the parser (Exchange reports an unknown property,
// not a syntax error, for -Filter "False"); it is true when the property has a
// value (for a boolean property: when it is True).
//
// Inside quotes a doubled quote character stands for one quote. Characters
// that cannot start any token (non-ASCII punctuation such as an en dash or a
// curly quote, control characters) are skipped, as the lex default rule does;
// this reproduces the position Exchange reports for a filter written with an
// en dash ("RecipientType –eq 'MailUser'" fails at the "eq").
//
// Values keep the form they were written in; they are converted to the type of
// the property when the filter is validated against a schema or evaluated.
package opath

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/lazy"
)

// Op is a comparison operator.
type Op int

// The comparison operators.
const (
	OpEq Op = iota
	OpNe
	OpLike
	OpNotLike
	OpGt
	OpLt
	OpGe
	OpLe
)

var opNames = [...]string{"-eq", "-ne", "-like", "-notlike", "-gt", "-lt", "-ge", "-le"}

// String returns the operator as written in a filter, e.g. "-eq".
func (o Op) String() string {
	if o < 0 || int(o) >= len(opNames) {
		return "-?"
	}
	return opNames[o]
}

// ValueKind tells how a value was written in the filter.
type ValueKind int

// The kinds of literal values.
const (
	ValString ValueKind = iota // quoted string or bare word
	ValInt                     // integer literal, e.g. 500 or -2147483640
	ValBool                    // $true or $false
	ValNull                    // $null
)

// Value is a literal value of a comparison.
type Value struct {
	Kind ValueKind
	Str  string // the text of the value (for ValInt the digits; for ValBool "True"/"False")
	Int  int64  // for ValInt
	Bool bool   // for ValBool
	// Quote is the quote character the value was written with ('\'' or '"'),
	// or 0 for an unquoted value.
	Quote byte
}

// String returns the value in normalized filter syntax.
func (v Value) String() string {
	switch v.Kind {
	case ValInt:
		return strconv.FormatInt(v.Int, 10)
	case ValBool:
		if v.Bool {
			return "$true"
		}
		return "$false"
	case ValNull:
		return "$null"
	}
	return "'" + strings.ReplaceAll(v.Str, "'", "''") + "'"
}

// node is one node of the filter tree.
type node interface{ isNode() }

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ x node }

// cmpNode is "Property -op Value".
type cmpNode struct {
	prop string
	op   Op
	val  Value
}

// existsNode is a property without a comparison.
type existsNode struct{ prop string }

func (*andNode) isNode()    {}
func (*orNode) isNode()     {}
func (*notNode) isNode()    {}
func (*cmpNode) isNode()    {}
func (*existsNode) isNode() {}

// writeNode writes n in normalized form. -and/-or chains are written left to
// right without inner parentheses (they associate to the left); a chain that
// is the right operand of -and/-or, or the operand of -not, is parenthesized.
// The result never nests deeper than the text it was parsed from.
func writeNode(b *strings.Builder, n node, paren bool) {
	switch n := n.(type) {
	case *andNode, *orNode:
		if paren {
			b.WriteByte('(')
		}
		var l, r node
		var op string
		if a, ok := n.(*andNode); ok {
			l, r, op = a.l, a.r, " -and "
		} else {
			o := n.(*orNode)
			l, r, op = o.l, o.r, " -or "
		}
		writeNode(b, l, false)
		b.WriteString(op)
		writeNode(b, r, true)
		if paren {
			b.WriteByte(')')
		}
	case *notNode:
		b.WriteString("-not ")
		writeNode(b, n.x, true)
	case *cmpNode:
		b.WriteString(n.prop)
		b.WriteByte(' ')
		b.WriteString(n.op.String())
		b.WriteByte(' ')
		b.WriteString(n.val.String())
	case *existsNode:
		b.WriteString(n.prop)
	}
}

// Filter is a parsed OPATH filter. The zero value is not usable; use Parse.
type Filter struct {
	text string
	root node
}

// Text returns the filter text as it was given to Parse.
func (f *Filter) Text() string { return f.text }

// String returns the filter in a normalized form: single spaces, operators
// and $true/$false/$null in lower case, string values single-quoted, and
// parentheses only where the grouping needs them (around an -and/-or chain
// that is a right operand or follows -not). Parsing the result gives the same
// filter.
func (f *Filter) String() string {
	var b strings.Builder
	writeNode(&b, f.root, false)
	return b.String()
}

// Properties returns the property names the filter refers to, in order of
// first appearance, each once (compared case-insensitively), spelled as in the
// filter.
func (f *Filter) Properties() []string {
	var out []string
	seen := map[string]bool{}
	f.walk(func(prop string, _ *cmpNode) {
		k := strings.ToLower(prop)
		if !seen[k] {
			seen[k] = true
			out = append(out, prop)
		}
	})
	return out
}

// walk calls fn for every leaf in source order; cmp is nil for a bare
// property.
func (f *Filter) walk(fn func(prop string, cmp *cmpNode)) {
	var rec func(n node)
	rec = func(n node) {
		switch n := n.(type) {
		case *andNode:
			rec(n.l)
			rec(n.r)
		case *orNode:
			rec(n.l)
			rec(n.r)
		case *notNode:
			rec(n.x)
		case *cmpNode:
			fn(n.prop, n)
		case *existsNode:
			fn(n.prop, nil)
		}
	}
	rec(f.root)
}

// CheckWildcards reports a *WildcardError for the first -like/-notlike value
// with a wildcard in the middle (for example 'A*B'), which the Get-EXO*
// cmdlets document as unsupported. Callers decide whether to apply it.
func (f *Filter) CheckWildcards() error {
	var err error
	f.walk(func(prop string, c *cmpNode) {
		if err != nil || c == nil || (c.op != OpLike && c.op != OpNotLike) || c.val.Kind != ValString {
			return
		}
		inner := strings.Trim(c.val.Str, "*")
		if strings.Contains(inner, "*") {
			err = &WildcardError{Property: prop, Value: c.val.Str}
		}
	})
	return err
}

// ---- lexer ----

type tokKind int

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tCmp    // comparison operator; op is set
	tWord   // bare word
	tString // quoted string
	tInt    // integer literal
	tTrue
	tFalse
	tNull
)

type token struct {
	kind tokKind
	pos  int // 1-based UTF-16 position
	text string
	op   Op
	num  int64
	q    byte
}

type lexer struct {
	src  string
	i    int // byte offset
	pos  int // 1-based UTF-16 position of src[i]
	toks []token
}

// isWordRune reports whether r can be part of a bare word: letters, digits,
// marks and ASCII punctuation other than parentheses and quotes.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		switch {
		case r <= ' ' || r == 0x7f:
			return false
		case r == '(' || r == ')' || r == '\'' || r == '"':
			return false
		}
		return true
	}
	if unicode.IsSpace(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= unicode.MaxRune {
		return 2
	}
	return 1
}

func (lx *lexer) peek() (rune, int) {
	if lx.i >= len(lx.src) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(lx.src[lx.i:])
}

func (lx *lexer) advance() rune {
	r, w := lx.peek()
	lx.i += w
	lx.pos += utf16Len(r)
	return r
}

var opWords = lazy.Value[map[string]tokKind]{Build: func() map[string]tokKind {
	return map[string]tokKind{
		"and": tAnd, "or": tOr, "not": tNot,
		"eq": tCmp, "ne": tCmp, "like": tCmp, "notlike": tCmp,
		"gt": tCmp, "lt": tCmp, "ge": tCmp, "le": tCmp,
	}
}}

var cmpOps = lazy.Value[map[string]Op]{Build: func() map[string]Op {
	return map[string]Op{
		"eq": OpEq, "ne": OpNe, "like": OpLike, "notlike": OpNotLike,
		"gt": OpGt, "lt": OpLt, "ge": OpGe, "le": OpLe,
	}
}}

func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// lex splits the filter into tokens. It fails only on an unterminated quoted
// string, an unknown -operator or an unknown $variable.
func lex(src string) ([]token, *SyntaxError) {
	lx := &lexer{src: src, pos: 1}
	for {
		r, _ := lx.peek()
		if r < 0 {
			lx.toks = append(lx.toks, token{kind: tEOF, pos: lx.pos})
			return lx.toks, nil
		}
		start := lx.pos
		switch {
		case unicode.IsSpace(r):
			lx.advance()
		case r == '(':
			lx.advance()
			lx.toks = append(lx.toks, token{kind: tLParen, pos: start})
		case r == ')':
			lx.advance()
			lx.toks = append(lx.toks, token{kind: tRParen, pos: start})
		case r == '\'' || r == '"':
			s, ok := lx.quoted(byte(r))
			if !ok {
				return nil, newSyntaxError(src, start)
			}
			lx.toks = append(lx.toks, token{kind: tString, pos: start, text: s, q: byte(r)})
		case r == '-' && isASCIILetter(lx.nextRune()):
			lx.advance()
			word := lx.word()
			lw := strings.ToLower(word)
			k, ok := opWords.Get()[lw]
			if !ok {
				return nil, newSyntaxError(src, start)
			}
			t := token{kind: k, pos: start, text: "-" + lw}
			if k == tCmp {
				t.op = cmpOps.Get()[lw]
			}
			lx.toks = append(lx.toks, t)
		case r == '$':
			lx.advance()
			word := strings.ToLower(lx.word())
			var k tokKind
			switch word {
			case "true":
				k = tTrue
			case "false":
				k = tFalse
			case "null":
				k = tNull
			default:
				return nil, newSyntaxError(src, start)
			}
			lx.toks = append(lx.toks, token{kind: k, pos: start, text: "$" + word})
		case isWordRune(r):
			word := lx.word()
			t := token{kind: tWord, pos: start, text: word}
			if n, ok := parseInt(word); ok {
				t.kind = tInt
				t.num = n
			}
			lx.toks = append(lx.toks, t)
		default:
			// Not the start of any token: skipped (lex default rule).
			lx.advance()
		}
	}
}

func (lx *lexer) nextRune() rune {
	_, w := lx.peek()
	if lx.i+w >= len(lx.src) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(lx.src[lx.i+w:])
	return r
}

// word reads a run of word runes.
func (lx *lexer) word() string {
	start := lx.i
	for {
		r, _ := lx.peek()
		if r < 0 || !isWordRune(r) {
			break
		}
		lx.advance()
	}
	return lx.src[start:lx.i]
}

// quoted reads a string in quotes q; a doubled q stands for one q.
func (lx *lexer) quoted(q byte) (string, bool) {
	lx.advance() // opening quote
	var b strings.Builder
	for {
		r, _ := lx.peek()
		if r < 0 {
			return "", false
		}
		lx.advance()
		if r == rune(q) {
			if r2, _ := lx.peek(); r2 == rune(q) {
				lx.advance()
				b.WriteByte(q)
				continue
			}
			return b.String(), true
		}
		b.WriteRune(r)
	}
}

// parseInt accepts an optionally negative run of ASCII digits that fits in 64 bits.
func parseInt(s string) (int64, bool) {
	d := strings.TrimPrefix(s, "-")
	if d == "" {
		return 0, false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// ---- parser ----

type parser struct {
	src   string
	toks  []token
	i     int
	depth int
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 1000

func (p *parser) cur() token { return p.toks[p.i] }

func (p *parser) fail() *SyntaxError { return newSyntaxError(p.src, p.cur().pos) }

// Parse parses an OPATH filter. Syntax errors are returned as *SyntaxError; a
// filter that is empty or only white space is a syntax error at position 1.
// Property names are not checked here: see Validate and Schema.Validate.
func Parse(filter string) (*Filter, error) {
	toks, serr := lex(filter)
	if serr != nil {
		return nil, serr
	}
	p := &parser{src: filter, toks: toks}
	root, serr := p.expr()
	if serr != nil {
		return nil, serr
	}
	if p.cur().kind != tEOF {
		return nil, p.fail()
	}
	return &Filter{text: filter, root: root}, nil
}

// MustParse is like Parse but panics on error. It is meant for filters that
// are constants of the program.
func MustParse(filter string) *Filter {
	f, err := Parse(filter)
	if err != nil {
		panic(err)
	}
	return f
}

func (p *parser) expr() (node, *SyntaxError) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		switch p.cur().kind {
		case tAnd:
			p.i++
			right, err := p.unary()
			if err != nil {
				return nil, err
			}
			left = &andNode{left, right}
		case tOr:
			p.i++
			right, err := p.unary()
			if err != nil {
				return nil, err
			}
			left = &orNode{left, right}
		default:
			return left, nil
		}
	}
}

func (p *parser) unary() (node, *SyntaxError) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, p.fail()
	}
	t := p.cur()
	switch t.kind {
	case tNot:
		p.i++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &notNode{x}, nil
	case tLParen:
		p.i++
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		if p.cur().kind != tRParen {
			return nil, p.fail()
		}
		p.i++
		return x, nil
	case tWord:
		p.i++
		if p.cur().kind != tCmp {
			return &existsNode{prop: t.text}, nil
		}
		op := p.cur().op
		p.i++
		v, ok := p.value()
		if !ok {
			return nil, p.fail()
		}
		return &cmpNode{prop: t.text, op: op, val: v}, nil
	}
	return nil, p.fail()
}

func (p *parser) value() (Value, bool) {
	t := p.cur()
	var v Value
	switch t.kind {
	case tString:
		v = Value{Kind: ValString, Str: t.text, Quote: t.q}
	case tWord:
		v = Value{Kind: ValString, Str: t.text}
	case tInt:
		v = Value{Kind: ValInt, Str: t.text, Int: t.num}
	case tTrue:
		v = Value{Kind: ValBool, Str: "True", Bool: true}
	case tFalse:
		v = Value{Kind: ValBool, Str: "False"}
	case tNull:
		v = Value{Kind: ValNull}
	default:
		return Value{}, false
	}
	p.i++
	return v, true
}
