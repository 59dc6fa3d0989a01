package parser

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// lexMode is the tokenizer mode chosen by the parser.
type lexMode int

const (
	// modeExpr tokenizes operators as operators and words as identifiers.
	modeExpr lexMode = iota
	// modeCmd tokenizes arguments: barewords, -Parameters, numbers only
	// when the whole word is one.
	modeCmd
)

func isDash(r rune) bool {
	return r == '-' || r == '\u2013' || r == '\u2014' || r == '\u2015'
}

func isSingleQuote(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b'
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u201d' || r == '\u201e'
}

func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\u00a0', '\ufeff', '\u200b':
		return true
	case '\n', '\r':
		return false
	}
	return r > 0x7f && unicode.IsSpace(r) && r != '\u0085' && r != '\u2028' && r != '\u2029'
}

// isDotnetSpace is .NET's char.IsWhiteSpace for a character that is not a
// line break: what may follow a backtick to make it plain whitespace.
func isDotnetSpace(r rune) bool {
	switch r {
	case '\n', '\r':
		return false
	case '\u0085', '\u2028', '\u2029':
		return true
	}
	return r != utf8.RuneError && unicode.IsSpace(r)
}

func isNewline(r rune) bool { return r == '\n' || r == '\r' }

func isLetter(r rune) bool {
	return r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || (r > 0x7f && r != utf8.RuneError && unicode.IsLetter(r))
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isVarNameChar reports whether r may appear in a $name.
func isVarNameChar(r rune) bool {
	return isLetter(r) || isDigit(r) || r == '?' || (r > 0x7f && r != utf8.RuneError && unicode.IsDigit(r))
}

// isIdentChar reports whether r may appear in a member or label name.
func isIdentChar(r rune) bool {
	return isLetter(r) || isDigit(r) || (r > 0x7f && r != utf8.RuneError && unicode.IsDigit(r))
}

// endsBareword reports whether r ends a bareword in command mode once it
// has begun: the redirection characters do not (PowerShell reads
// `a>b` and `<Path>` each as one word), so they only start a token.
func endsBareword(r rune) bool {
	return r != '>' && r != '<' && endsGeneric(r)
}

// endsGeneric reports whether r ends a number, a variable or a parameter
// name in command mode.
func endsGeneric(r rune) bool {
	switch r {
	case ';', '|', '&', '(', ')', '{', '}', ',', '>', '<':
		return true
	}
	return isBlank(r) || isNewline(r)
}

// at decodes the rune at byte offset i; size 0 at end of input.
func (p *parser) at(i int) (rune, int) {
	if i >= len(p.text) || i < 0 {
		return -1, 0
	}
	c := p.text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(p.text[i:])
}

func (p *parser) runeAt(i int) rune {
	r, _ := p.at(i)
	return r
}

func (p *parser) byteAt(i int) byte {
	if i < 0 || i >= len(p.text) {
		return 0
	}
	return p.text[i]
}

// flatness is 1 when text is one line of ASCII characters (no line feed,
// no byte of a multi-byte character), whose positions need no table, and
// -1 otherwise.
func flatness(text string) int8 {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\n' || c >= utf8.RuneSelf {
			return -1
		}
	}
	return 1
}

// pos converts a byte offset into a position.
func (p *parser) pos(off int) syntax.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(p.text) {
		off = len(p.text)
	}
	if p.flat == 0 {
		p.flat = flatness(p.text)
	}
	if p.flat > 0 {
		// one line of ASCII: the column is the offset
		return syntax.Pos{Offset: off, Line: 1, Col: off + 1}
	}
	if p.lineOf == nil {
		// One pass computes the line and column of every offset, so that
		// positions cost O(1) even on megabyte-long lines.
		p.lineOf = make([]int32, len(p.text)+1)
		p.colOf = make([]int32, len(p.text)+1)
		line, col := int32(1), int32(1)
		for i := 0; i < len(p.text); {
			_, sz := utf8.DecodeRuneInString(p.text[i:])
			for k := 0; k < sz; k++ {
				p.lineOf[i+k], p.colOf[i+k] = line, col
			}
			if p.text[i] == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += sz
		}
		p.lineOf[len(p.text)], p.colOf[len(p.text)] = line, col
	}
	return syntax.Pos{Offset: off, Line: int(p.lineOf[off]), Col: int(p.colOf[off])}
}

func (p *parser) ext(start, end int) syntax.Extent {
	if end < start {
		end = start
	}
	return syntax.Extent{Src: p.src, Start: p.pos(start), End: p.pos(end)}
}

// skipSpace skips blanks, comments and backtick line continuations.
func (p *parser) skipSpace(i int) int {
	for i < len(p.text) {
		r, sz := p.at(i)
		switch {
		case isBlank(r):
			i += sz
		case r == '`':
			next, nsz := p.at(i + 1)
			if next == '\n' {
				i += 2
			} else if next == '\r' && p.byteAt(i+2) == '\n' {
				i += 3
			} else if next == '\r' {
				i += 2
			} else if nsz > 0 && isDotnetSpace(next) {
				// A backtick followed by whitespace is whitespace itself:
				// it escapes nothing and does not continue the line, so a
				// newline after the blanks still ends the statement.
				i += 1 + nsz
			} else if i+1 >= len(p.text) {
				p.errorf(p.ext(i, i+1), true, "UnexpectedToken", "Unexpected token '`' in expression or statement.")
				return len(p.text)
			} else {
				return i
			}
		case r == '#':
			if p.nested == 0 && i+9 <= len(p.text) && strings.EqualFold(p.text[i+1:i+9], "requires") {
				if p.requiresAt == nil {
					p.requiresAt = map[int]bool{}
				}
				p.requiresAt[i] = true
			}
			start := i
			for i < len(p.text) && p.text[i] != '\n' && p.text[i] != '\r' {
				i++
			}
			p.recordComment(start, i)
		case r == '<' && p.byteAt(i+1) == '#':
			end := strings.Index(p.text[i+2:], "#>")
			if end < 0 {
				p.errorf(p.ext(i, i+2), true, "MissingTerminatorMultiLineComment", "The terminator '#>' is missing from the multiline comment.")
				return len(p.text)
			}
			p.recordComment(i, i+2+end+2)
			i = i + 2 + end + 2
		default:
			return i
		}
	}
	return i
}

// peekTok returns the token at the current offset in mode m.
func (p *parser) peekTok(m lexMode) *Token {
	// Quoted strings scan the same in both modes; sharing their cache
	// entry keeps nested "$( ... )" from being parsed once per mode.
	if r, sz := p.at(p.off); isSingleQuote(r) || isDoubleQuote(r) || (r == '@' && (isSingleQuote(p.runeAt(p.off+sz)) || isDoubleQuote(p.runeAt(p.off+sz)))) {
		m = modeExpr
	}
	key := p.off*2 + int(m)
	if t, ok := p.cache[key]; ok {
		return t
	}
	if err := p.mem.Poll(); err != nil {
		p.stop("OutOfMemoryException", err.Error())
		return p.tok(TokEOF, len(p.text), len(p.text), false)
	}
	t := p.scan(p.off, m)
	p.cache[key] = t
	if len(p.cache) >= p.cacheCap {
		p.trimCache()
	}
	return t
}

// cacheWindow is how far behind the current position scanned tokens are
// kept: the parser looks back only a few tokens, and a huge input's
// tokens would otherwise all stay in memory beside its syntax tree.
const cacheWindow = 64 << 10

// trimCache forgets the tokens scanned more than cacheWindow bytes
// before the current position (scanning them again gives the same
// tokens); it runs each time the cache has doubled, so it costs O(1) a
// token.
func (p *parser) trimCache() {
	for k := range p.cache {
		if k/2 < p.off-cacheWindow {
			delete(p.cache, k)
		}
	}
	p.cacheCap = max(2*len(p.cache), minCacheCap)
}

// minCacheCap is the cache size below which it is not trimmed.
const minCacheCap = 1 << 14

// advance moves past t.
func (p *parser) advance(t *Token) {
	p.off = t.Ext.End.Offset
	p.lastEnd = p.off
}

func (p *parser) tok(kind TokenKind, start, end int, space bool) *Token {
	return &Token{Kind: kind, Ext: p.ext(start, end), SpaceBefore: space}
}

// scan reads one token starting at or after offset start.
func (p *parser) scan(start int, m lexMode) *Token {
	i := p.skipSpace(start)
	space := i > start
	if i >= len(p.text) {
		return p.tok(TokEOF, len(p.text), len(p.text), space)
	}
	r, sz := p.at(i)
	next := p.runeAt(i + sz)
	switch {
	case r == '\n':
		return p.tok(TokNewline, i, i+1, space)
	case r == '\r':
		if next == '\n' {
			return p.tok(TokNewline, i, i+2, space)
		}
		return p.tok(TokNewline, i, i+1, space)
	case r == ';':
		return p.tok(TokSemi, i, i+1, space)
	case r == '|':
		if next == '|' {
			return p.tok(TokOrOr, i, i+2, space)
		}
		return p.tok(TokPipe, i, i+1, space)
	case r == '&':
		if next == '&' {
			return p.tok(TokAndAnd, i, i+2, space)
		}
		return p.tok(TokAmp, i, i+1, space)
	case r == '(':
		return p.tok(TokLParen, i, i+1, space)
	case r == ')':
		return p.tok(TokRParen, i, i+1, space)
	case r == '{':
		return p.tok(TokLCurly, i, i+1, space)
	case r == '}':
		return p.tok(TokRCurly, i, i+1, space)
	case r == ',':
		return p.tok(TokComma, i, i+1, space)
	case r == '@':
		return p.scanAt(i, m, space)
	case r == '$':
		return p.scanDollar(i, m, space)
	case isSingleQuote(r):
		return p.scanSingleQuoted(i, space)
	case isDoubleQuote(r):
		return p.scanDoubleQuoted(i, space)
	case r == '>' || ((r == '*' || ('1' <= r && r <= '6')) && next == '>' && (r == '*' || space || m == modeCmd)):
		return p.scanRedirection(i, space)
	case r == '<':
		// Input redirection is reserved: it parses like a redirection
		// (so `echo <abc> def` does not write a file) and the parser
		// reports it where it is used as one.
		t := p.tok(TokRedirection, i, i+1, space)
		t.Str, t.RedirFrom = "<", "<"
		return t
	}
	if m == modeCmd {
		return p.scanCmd(i, r, sz, next, space)
	}
	return p.scanExpr(i, r, sz, next, space)
}

func (p *parser) scanCmd(i int, r rune, sz int, next rune, space bool) *Token {
	switch {
	case isDigit(r) || (r == '.' && isDigit(next)):
		if t := p.tryNumber(i, i, false, modeCmd, space); t != nil {
			return t
		}
	case isDash(r):
		if isDigit(next) || (next == '.' && isDigit(p.runeAt(i+sz+1))) {
			if t := p.tryNumber(i, i+sz, true, modeCmd, space); t != nil {
				return t
			}
		} else if isLetter(next) || next == '?' {
			return p.scanParameter(i, sz, space)
		}
	case r == '.' && (isBlank(next) || next == -1 || isNewline(next)):
		return p.tok(TokDot, i, i+1, space)
	case r == '`' && (next == '\n' || next == '\r'):
		// handled by skipSpace; unreachable
	}
	return p.scanGeneric(i, space)
}

func (p *parser) scanExpr(i int, r rune, sz int, next rune, space bool) *Token {
	two := func(kind TokenKind, s string) *Token {
		t := p.tok(kind, i, i+2, space)
		t.Str = s
		return t
	}
	one := func(kind TokenKind, s string) *Token {
		t := p.tok(kind, i, i+sz, space)
		t.Str = s
		return t
	}
	switch {
	case isDigit(r) || (r == '.' && isDigit(next)):
		return p.tryNumber(i, i, false, modeExpr, space)
	case isDash(r):
		nsz := utf8.RuneLen(next)
		switch {
		case isDash(next):
			t := p.tok(TokMinusMinus, i, i+sz+nsz, space)
			t.Str = "--"
			return t
		case next == '=':
			t := p.tok(TokAssign, i, i+sz+1, space)
			t.Str = "-="
			return t
		case isLetter(next):
			j := i + sz
			for {
				c, csz := p.at(j)
				if !isLetter(c) && !isDigit(c) {
					break
				}
				j += csz
			}
			word := strings.ToLower(p.text[i+sz : j])
			if _, ok := dashOps.Get()[word]; ok {
				t := p.tok(TokOperator, i, j, space)
				t.Str = "-" + word
				return t
			}
			return p.scanParameter(i, sz, space)
		}
		return one(TokOperator, "-")
	case r == '+':
		if next == '+' {
			return two(TokPlusPlus, "++")
		}
		if next == '=' {
			return two(TokAssign, "+=")
		}
		return one(TokOperator, "+")
	case r == '*' || r == '/' || r == '%':
		if next == '=' {
			return two(TokAssign, string(r)+"=")
		}
		return one(TokOperator, string(r))
	case r == '=':
		return one(TokAssign, "=")
	case r == '!':
		return one(TokOperator, "!")
	case r == '.':
		if next == '.' {
			return two(TokOperator, "..")
		}
		return one(TokDot, ".")
	case r == ':':
		if next == ':' {
			return two(TokColonColon, "::")
		}
		return one(TokColon, ":")
	case r == '?':
		switch next {
		case '?':
			if p.byteAt(i+2) == '=' {
				t := p.tok(TokAssign, i, i+3, space)
				t.Str = "??="
				return t
			}
			return two(TokOperator, "??")
		case '.':
			return two(TokQDot, "?.")
		case '[':
			return two(TokQLBracket, "?[")
		}
		return one(TokQuestion, "?")
	case r == '[':
		return one(TokLBracket, "[")
	case r == ']':
		return one(TokRBracket, "]")
	case isLetter(r):
		return p.scanGeneric(i, space)
	}
	return one(TokBad, string(r))
}

// scanParameter reads -Name or -Name: ; dash is the dash's byte size.
func (p *parser) scanParameter(i, dash int, space bool) *Token {
	j := i + dash
	for j < len(p.text) {
		c, csz := p.at(j)
		if endsGeneric(c) || c == ':' || isSingleQuote(c) || isDoubleQuote(c) {
			break
		}
		j += csz
	}
	name := p.text[i+dash : j]
	colon := false
	if p.byteAt(j) == ':' {
		colon = true
		j++
	}
	t := p.tok(TokParameter, i, j, space)
	t.Str = name
	t.Colon = colon
	return t
}

// scanRedirection reads >, >>, n>, n>>, n>&1, *> ...
func (p *parser) scanRedirection(i int, space bool) *Token {
	j := i
	from := "1"
	if c := p.text[j]; c != '>' {
		from = string(c)
		j++
	}
	j++ // '>'
	t := &Token{Kind: TokRedirection, SpaceBefore: space, RedirFrom: from}
	if p.byteAt(j) == '>' {
		t.RedirAppend = true
		j++
	} else if p.byteAt(j) == '&' && isDigit(rune(p.byteAt(j+1))) {
		t.RedirMerge = true
		j += 2
	}
	t.Ext = p.ext(i, j)
	t.Str = p.text[i:j]
	return t
}

// scanAt handles tokens starting with '@'.
func (p *parser) scanAt(i int, m lexMode, space bool) *Token {
	next, nsz := p.at(i + 1)
	switch {
	case next == '(':
		return p.tok(TokAtParen, i, i+2, space)
	case next == '{':
		return p.tok(TokAtCurly, i, i+2, space)
	case isSingleQuote(next) || isDoubleQuote(next):
		return p.scanHereString(i, 1+nsz, isDoubleQuote(next), space)
	case isVarNameChar(next):
		name, end, _ := p.scanVarName(i)
		t := p.tok(TokSplat, i, end, space)
		t.Str = name
		return t
	}
	if m == modeCmd {
		return p.scanGeneric(i, space)
	}
	t := p.tok(TokBad, i, i+1, space)
	t.Str = "@"
	return t
}

// scanVarName reads the name after '$' or '@' at i. ok is false when no
// name follows.
func (p *parser) scanVarName(i int) (name string, end int, ok bool) {
	j := i + 1
	r, sz := p.at(j)
	if r == '{' {
		var b strings.Builder
		k := j + 1
		for {
			c, csz := p.at(k)
			if csz == 0 {
				p.errorf(p.ext(i, len(p.text)), true, "IncompleteDollarVariableReference", "${variable} reference starting is missing the closing '}'.")
				return b.String(), len(p.text), true
			}
			if c == '}' {
				k++
				break
			}
			if c == '`' && k+1 < len(p.text) {
				c2, c2sz := p.at(k + 1)
				if c2 == 'u' && p.byteAt(k+2) == '{' {
					// `u{hex} names a character here as in a string
					esc := &strBuilder{p: p}
					k = esc.escape(k)
					b.WriteString(esc.lit.String())
					continue
				}
				b.WriteRune(c2)
				k += 1 + c2sz
				continue
			}
			b.WriteRune(c)
			k += csz
		}
		if b.Len() == 0 {
			p.errorf(p.ext(i, k), false, "EmptyVariableReference", "An empty ${} variable reference was found. A name is required inside the braces.")
		}
		return b.String(), k, true
	}
	if r == '?' || r == '$' || r == '^' {
		return string(r), j + sz, true
	}
	if !isVarNameChar(r) {
		return "", j, false
	}
	k := j
	for {
		c, csz := p.at(k)
		if csz == 0 || !isVarNameChar(c) {
			break
		}
		k += csz
	}
	if p.byteAt(k) == ':' && p.byteAt(k+1) != ':' {
		c, _ := p.at(k + 1)
		if isVarNameChar(c) && c != '?' {
			k++
			for {
				c, csz := p.at(k)
				if csz == 0 || !isVarNameChar(c) {
					break
				}
				k += csz
			}
		} else {
			p.errorf(p.ext(i, k+1), false, "InvalidVariableReferenceWithDrive", "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.")
			return p.text[j:k], k + 1, true
		}
	}
	return p.text[j:k], k, true
}

// scanDollar handles tokens starting with '$'.
func (p *parser) scanDollar(i int, m lexMode, space bool) *Token {
	if p.byteAt(i+1) == '(' {
		return p.tok(TokDollarParen, i, i+2, space)
	}
	name, end, ok := p.scanVarName(i)
	if !ok {
		if m == modeCmd {
			return p.scanGeneric(i, space)
		}
		t := p.tok(TokBad, i, i+1, space)
		t.Str = "$"
		p.errorf(t.Ext, false, "InvalidVariableReference", "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.")
		return t
	}
	if m == modeCmd {
		c, _ := p.at(end)
		if !(c == -1 || endsGeneric(c) || c == '.' || c == '[' || c == ':' || c == '=') {
			return p.scanGeneric(i, space)
		}
	}
	t := p.tok(TokVariable, i, end, space)
	t.Str = name
	return t
}

// strBuilder accumulates the pieces of an expandable string.
type strBuilder struct {
	p        *parser
	kind     syntax.StringKind
	parts    []syntax.Expr
	lit      strings.Builder
	litStart int
	hasExpr  bool
}

func (b *strBuilder) flush(end int) {
	if b.lit.Len() > 0 {
		b.parts = append(b.parts, &syntax.StringConstExpr{Ext: b.p.ext(b.litStart, end), Value: b.lit.String(), Kind: b.kind})
		b.lit.Reset()
	}
	b.litStart = end
}

func (b *strBuilder) add(e syntax.Expr, end int) {
	b.parts = append(b.parts, e)
	b.hasExpr = true
	b.litStart = end
}

// escape appends the character escaped by the backtick at i and returns
// the offset after the sequence.
func (b *strBuilder) escape(i int) int {
	p := b.p
	c, sz := p.at(i + 1)
	if sz == 0 {
		return i + 1
	}
	switch c {
	case '0':
		b.lit.WriteByte(0)
	case 'a':
		b.lit.WriteByte(7)
	case 'b':
		b.lit.WriteByte(8)
	case 'e':
		b.lit.WriteByte(27)
	case 'f':
		b.lit.WriteByte(12)
	case 'n':
		b.lit.WriteByte('\n')
	case 'r':
		b.lit.WriteByte('\r')
	case 't':
		b.lit.WriteByte('\t')
	case 'v':
		b.lit.WriteByte(11)
	case 'u':
		if p.byteAt(i+2) == '{' {
			k := i + 3
			for k < len(p.text) && k-(i+3) < 7 && isHex(p.text[k]) {
				k++
			}
			digits := p.text[i+3 : k]
			switch {
			case p.byteAt(k) != '}' && len(digits) > 6:
				p.errorf(p.ext(i, k), false, "TooManyDigitsInUnicodeEscapeSequence", "The Unicode escape sequence contains more than the maximum of six hex digits between braces.")
				return k
			case p.byteAt(k) != '}':
				p.errorf(p.ext(i, k), k >= len(p.text), "MissingUnicodeEscapeSequenceTerminator", "The Unicode escape sequence is missing the closing '}'.")
				return k
			case len(digits) == 0:
				p.errorf(p.ext(i, k+1), false, "InvalidUnicodeEscapeSequence", "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.")
				return k + 1
			}
			v, _ := strconv.ParseUint(digits, 16, 32)
			if v > 0x10FFFF {
				p.errorf(p.ext(i, k+1), false, "InvalidUnicodeEscapeSequenceValue", "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.")
				return k + 1
			}
			b.lit.WriteRune(rune(v))
			return k + 1
		}
		b.lit.WriteRune('u')
	default:
		b.lit.WriteRune(c)
	}
	return i + 1 + sz
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// dollar handles '$' at i inside an expandable string; it returns the
// offset after what it consumed.
func (b *strBuilder) dollar(i int) int {
	p := b.p
	if p.byteAt(i+1) == '(' {
		b.flush(i)
		sub, end := p.parseSubExprAt(i)
		b.add(sub, end)
		return end
	}
	name, end, ok := p.scanVarName(i)
	if !ok {
		b.lit.WriteByte('$')
		return i + 1
	}
	b.flush(i)
	b.add(&syntax.VariableExpr{Ext: p.ext(i, end), Name: name}, end)
	return end
}

// scanDQBody scans a double-quoted body starting after the opening quote
// at i; it returns the offset after the closing quote, or -1 at end of
// input.
func (b *strBuilder) scanDQBody(i int) int {
	p := b.p
	for i < len(p.text) {
		r, sz := p.at(i)
		switch {
		case isDoubleQuote(r):
			r2, sz2 := p.at(i + sz)
			if isDoubleQuote(r2) {
				b.lit.WriteRune(r2)
				i += sz + sz2
				continue
			}
			return i + sz
		case r == '`':
			i = b.escape(i)
		case r == '$':
			i = b.dollar(i)
		default:
			b.lit.WriteRune(r)
			i += sz
		}
	}
	return -1
}

func (p *parser) scanSingleQuoted(i int, space bool) *Token {
	var b strings.Builder
	_, qsz := p.at(i)
	j := i + qsz
	for {
		r, sz := p.at(j)
		if sz == 0 {
			p.errorf(p.ext(i, i+qsz), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.")
			break
		}
		if isSingleQuote(r) {
			r2, sz2 := p.at(j + sz)
			if isSingleQuote(r2) {
				b.WriteRune(r2)
				j += sz + sz2
				continue
			}
			j += sz
			break
		}
		b.WriteRune(r)
		j += sz
	}
	t := p.tok(TokString, i, j, space)
	t.Str = b.String()
	t.StrKind = syntax.SingleQuoted
	return t
}

func (p *parser) scanDoubleQuoted(i int, space bool) *Token {
	_, qsz := p.at(i)
	b := &strBuilder{p: p, kind: syntax.DoubleQuoted, litStart: i + qsz}
	end := b.scanDQBody(i + qsz)
	if end < 0 {
		end = len(p.text)
		b.flush(end)
		p.errorf(p.ext(i, i+qsz), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \".")
	} else {
		_, csz := utf8.DecodeLastRuneInString(p.text[:end])
		b.flush(end - csz)
	}
	return p.stringToken(i, end, space, b, syntax.DoubleQuoted)
}

func (p *parser) stringToken(i, end int, space bool, b *strBuilder, kind syntax.StringKind) *Token {
	t := p.tok(TokString, i, end, space)
	t.StrKind = kind
	if b.hasExpr {
		t.Kind = TokExpandable
		t.Parts = b.parts
		return t
	}
	if len(b.parts) == 1 {
		t.Str = b.parts[0].(*syntax.StringConstExpr).Value
		return t
	}
	var s strings.Builder
	for _, e := range b.parts {
		s.WriteString(e.(*syntax.StringConstExpr).Value)
	}
	t.Str = s.String()
	return t
}

// scanHereString reads @'...'@ or @"..."@; hdr is the header's size.
func (p *parser) scanHereString(i, hdr int, double bool, space bool) *Token {
	kind, term := syntax.HereSingle, "'@"
	if double {
		kind, term = syntax.HereDouble, "\"@"
	}
	j := i + hdr
	for {
		r, sz := p.at(j)
		if sz == 0 || !isBlank(r) {
			break
		}
		j += sz
	}
	switch {
	case j >= len(p.text):
		p.errorf(p.ext(i, i+hdr), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: "+term+".")
		t := p.tok(TokString, i, len(p.text), space)
		t.StrKind = kind
		return t
	case p.text[j] == '\r' && p.byteAt(j+1) == '\n':
		j += 2
	case p.text[j] == '\n' || p.text[j] == '\r':
		j++
	default:
		p.errorf(p.ext(j, j+1), false, "UnexpectedCharactersAfterHereStringHeader", "No characters are allowed after a here-string header but before the end of the line.")
		for j < len(p.text) && p.text[j] != '\n' {
			j++
		}
		if j >= len(p.text) {
			t := p.tok(TokString, i, len(p.text), space)
			t.StrKind = kind
			return t
		}
		j++
	}
	contentStart := j
	if double {
		return p.scanHereDoubleBody(i, contentStart, space)
	}
	// Find the terminator at the start of a line.
	contentEnd, end := -1, -1
	k := contentStart
	for k <= len(p.text) {
		r, sz := p.at(k)
		if isSingleQuote(r) && p.byteAt(k+sz) == '@' {
			end = k + sz + 1
			contentEnd = k
			if contentEnd > contentStart && p.text[contentEnd-1] == '\n' {
				contentEnd--
				if contentEnd > contentStart && p.text[contentEnd-1] == '\r' {
					contentEnd--
				}
			}
			break
		}
		nl := strings.IndexByte(p.text[k:], '\n')
		if nl < 0 {
			break
		}
		k += nl + 1
	}
	if end < 0 {
		p.errorf(p.ext(i, i+hdr), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: "+term+".")
		end, contentEnd = len(p.text), len(p.text)
	}
	if contentEnd < contentStart {
		contentEnd = contentStart
	}
	b := &strBuilder{p: p, kind: kind, litStart: contentStart}
	b.lit.WriteString(p.text[contentStart:contentEnd])
	b.flush(contentEnd)
	return p.stringToken(i, end, space, b, kind)
}

// scanHereDoubleBody reads the body of an @"..."@ here-string from
// contentStart, the offset after its header line. The body ends at a line
// that starts with "@, but only one outside a $( ) subexpression: the
// subexpression is parsed as code where it stands, so a here-string nested
// in it ends with its own "@ line and does not end the outer one. The line
// break before the terminator is not part of the value.
func (p *parser) scanHereDoubleBody(i, contentStart int, space bool) *Token {
	b := &strBuilder{p: p, kind: syntax.HereDouble, litStart: contentStart}
	q := contentStart
	for {
		if q >= len(p.text) {
			p.errorf(p.ext(i, i+2), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \"@.")
			b.flush(len(p.text))
			return p.stringToken(i, len(p.text), space, b, syntax.HereDouble)
		}
		r, sz := p.at(q)
		if (q == contentStart || p.text[q-1] == '\n') && isDoubleQuote(r) && p.byteAt(q+sz) == '@' {
			contentEnd := q
			if q > contentStart {
				// drop the line break that precedes the terminator
				lit := b.lit.String()
				cut := 0
				if strings.HasSuffix(lit, "\n") {
					cut = 1
					contentEnd--
					if strings.HasSuffix(lit[:len(lit)-1], "\r") && p.text[contentEnd-1] == '\r' {
						cut = 2
						contentEnd--
					}
				}
				b.lit.Reset()
				b.lit.WriteString(lit[:len(lit)-cut])
			}
			b.flush(contentEnd)
			return p.stringToken(i, q+sz+1, space, b, syntax.HereDouble)
		}
		switch r {
		case '`':
			q = b.escape(q)
		case '$':
			q = b.dollar(q)
		default:
			b.lit.WriteRune(r)
			q += sz
		}
	}
}

// scanGeneric reads a bareword in command mode (or an identifier in
// expression mode).
func (p *parser) scanGeneric(i int, space bool) *Token {
	if j := p.plainWordEnd(i); j > i {
		// a word of plain characters is its own text
		t := p.tok(TokGeneric, i, j, space)
		t.StrKind = syntax.BareWord
		t.Str = p.text[i:j]
		return t
	}
	b := &strBuilder{p: p, kind: syntax.BareWord, litStart: i}
	escaped := false
	j := i
loop:
	for j < len(p.text) {
		r, sz := p.at(j)
		switch {
		case j > i && endsBareword(r):
			break loop
		case j == i && (isBlank(r) || isNewline(r)):
			break loop
		case r == '`':
			n := p.byteAt(j + 1)
			if n == '\n' || n == '\r' || j+1 >= len(p.text) {
				break loop
			}
			escaped = true
			j = b.escape(j)
		case isSingleQuote(r):
			escaped = true
			k := j + sz
			for {
				c, csz := p.at(k)
				if csz == 0 {
					p.errorf(p.ext(j, j+sz), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.")
					break
				}
				if isSingleQuote(c) {
					c2, c2sz := p.at(k + csz)
					if isSingleQuote(c2) {
						b.lit.WriteRune(c2)
						k += csz + c2sz
						continue
					}
					k += csz
					break
				}
				b.lit.WriteRune(c)
				k += csz
			}
			j = k
		case isDoubleQuote(r):
			escaped = true
			end := b.scanDQBody(j + sz)
			if end < 0 {
				p.errorf(p.ext(j, j+sz), true, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \".")
				end = len(p.text)
			}
			j = end
		case r == '$':
			j = b.dollar(j)
		default:
			b.lit.WriteRune(r)
			j += sz
		}
		if j <= i {
			j = i + 1
		}
	}
	if j == i {
		r, sz := p.at(i)
		b.lit.WriteRune(r)
		j = i + sz
	}
	b.flush(j)
	t := p.stringToken(i, j, space, b, syntax.BareWord)
	if t.Kind == TokString {
		t.Kind = TokGeneric
	}
	t.Escaped = escaped
	return t
}

// plainWordEnd returns the end of the bare word at i when it is made of
// plain characters only (printable ASCII that is not a quote, '$', '`' or
// a character that ends a bare word) and ends at the end of the input or
// at an ASCII character that ends a bare word; i otherwise. Such a word
// is its own value, with no escape, string or variable to read.
func (p *parser) plainWordEnd(i int) int {
	j := i
	for ; j < len(p.text); j++ {
		switch c := p.text[j]; c {
		case ';', '|', '&', '(', ')', '{', '}', ',', ' ', '\t', '\f', '\v', '\n', '\r':
			return j
		case '`', '\'', '"', '$':
			return i
		default:
			if c <= ' ' || c >= utf8.RuneSelf {
				return i
			}
		}
	}
	return j
}

// tryNumber scans a number at i (digits start at ds). In command mode it
// returns nil when the word is not entirely a number.
func (p *parser) tryNumber(i, ds int, neg bool, m lexMode, space bool) *Token {
	val, end, ok := p.scanNumber(ds)
	if ok && neg {
		val, ok = negate(val)
	}
	r, _ := p.at(end)
	if m == modeCmd {
		if !ok || !(r == -1 || endsGeneric(r)) {
			return nil
		}
	} else if !ok || isLetter(r) || isDigit(r) || (r == '.' && ok && isDigit(p.runeAt(end+1))) {
		j := end
		for {
			c, csz := p.at(j)
			if csz == 0 || !(isLetter(c) || isDigit(c) || c == '.') {
				break
			}
			if c == '.' && p.byteAt(j+1) == '.' {
				break
			}
			j += csz
		}
		if j == i {
			j = i + 1
		}
		t := p.tok(TokNumber, i, j, space)
		t.Value = 0
		p.errorf(t.Ext, false, "BadNumericConstant", "The numeric constant "+p.text[i:j]+" is not valid.")
		return t
	}
	t := p.tok(TokNumber, i, end, space)
	t.Value = val
	return t
}

// negate is the value of a literal written with a minus sign: the same
// type, negated (-10y is an SByte); an unsigned literal other than zero
// cannot be negative, so it is no number (ok false).
func negate(v any) (any, bool) {
	switch x := v.(type) {
	case int8:
		return -x, true
	case int16:
		return -x, true
	case int:
		if x == math.MinInt32 {
			return -int64(x), true
		}
		return -x, true
	case int64:
		if x == math.MinInt64 {
			return object.DecimalFromInt(x), true
		}
		return -x, true
	case float64:
		return -x, true
	case object.Decimal:
		d, _ := object.ParseDecimal("-" + x.String())
		return d, true
	case object.BigInt:
		return object.NewBigInt(new(big.Int).Neg(x.Int())), true
	case uint8, uint16, uint32, uint64:
		n, _, _ := object.IntegerValue(x)
		return x, n == 0
	}
	return v, true
}

var multipliers = lazy.Value[map[string]int64]{Build: func() map[string]int64 {
	return map[string]int64{"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}
}}

// decimalMax is the largest System.Decimal.
var decimalMax = lazy.Value[*big.Int]{Build: func() *big.Int {
	n, _ := new(big.Int).SetString("79228162514264337593543950335", 10)
	return n
}}

// maxFloatDigits is the number of digits of the largest double (about
// 1.8e308): an integer literal with more is infinity.
const maxFloatDigits = 309

// ParseNumber reads s as a numeric literal without a sign (type
// suffixes and multipliers included, as in 100y or 1200u): the value
// and whether all of s is one.
func ParseNumber(s string) (any, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' && s[0] != '.' {
		return nil, false
	}
	src := syntax.NewSource("", s)
	p := &parser{src: src, text: s, cache: map[int]*Token{}, cacheCap: minCacheCap}
	v, end, ok := p.scanNumber(0)
	if !ok || end != len(s) || len(p.errs) > 0 {
		return nil, false
	}
	return v, true
}

// scanNumber reads a numeric literal at i (no sign).
func (p *parser) scanNumber(i int) (val any, end int, ok bool) {
	t := p.text
	j := i
	base := 10
	if t[j] == '0' && j+1 < len(t) && (t[j+1] == 'x' || t[j+1] == 'X') {
		base = 16
		j += 2
	} else if t[j] == '0' && j+1 < len(t) && (t[j+1] == 'b' || t[j+1] == 'B') && j+2 < len(t) && (t[j+2] == '0' || t[j+2] == '1') {
		base = 2
		j += 2
	}
	ds := j
	real := false
	if base == 16 {
		for j < len(t) && isHex(t[j]) {
			j++
		}
	} else if base == 2 {
		for j < len(t) && (t[j] == '0' || t[j] == '1') {
			j++
		}
	} else {
		for j < len(t) && isDigit(rune(t[j])) {
			j++
		}
		if j < len(t) && t[j] == '.' && j+1 < len(t) && isDigit(rune(t[j+1])) {
			real = true
			j++
			for j < len(t) && isDigit(rune(t[j])) {
				j++
			}
		}
		if j < len(t) && (t[j] == 'e' || t[j] == 'E') {
			k := j + 1
			if k < len(t) && (t[k] == '+' || t[k] == '-') {
				k++
			}
			if k < len(t) && isDigit(rune(t[k])) {
				for k < len(t) && isDigit(rune(t[k])) {
					k++
				}
				real = true
				j = k
			}
		}
	}
	digits := t[ds:j]
	if digits == "" {
		return nil, j, false
	}
	// suffix
	suffix := ""
	lower := func(k int) byte {
		if k < len(t) {
			c := t[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			return c
		}
		return 0
	}
	switch c := lower(j); c {
	case 'u':
		switch lower(j + 1) {
		case 'l', 's', 'y':
			suffix = "u" + string(lower(j+1))
		default:
			suffix = "u"
		}
	case 'l', 's', 'y', 'n':
		suffix = string(c)
	case 'd':
		if base == 10 {
			suffix = "d"
		}
	}
	j += len(suffix)
	mult := int64(1)
	if m, ok := multipliers.Get()[string([]byte{lower(j), lower(j + 1)})]; ok {
		mult = m
		j += 2
	}
	if real {
		text := digits
		if suffix == "d" {
			d, ok := object.ParseDecimal(text)
			if !ok {
				return nil, j, false
			}
			if mult != 1 {
				r := new(big.Rat).Mul(d.Rat(), new(big.Rat).SetInt64(mult))
				d, _ = object.ParseDecimal(r.FloatString(28))
			}
			return d, j, true
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !math.IsInf(f, 0) {
			return nil, j, false
		}
		f *= float64(mult)
		if suffix == "" {
			return f, j, true
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, j, false
		}
		// a real with an integer suffix converts as a cast does, rounding
		// half to even (3.72uy is 4, 2.5ul is 2)
		bi, _ := new(big.Float).SetFloat64(math.RoundToEven(f)).Int(nil)
		v, ok := integerWithSuffix(bi, suffix, base)
		return v, j, ok
	}
	if base == 10 && suffix == "" && len(strings.TrimLeft(digits, "0")) > maxFloatDigits {
		// Beyond the largest double whatever the multiplier: the literal
		// is infinity, as it would be after the costly exact conversion
		// below (quadratic in the number of digits).
		return math.Inf(1), j, true
	}
	bi, okp := new(big.Int).SetString(digits, base)
	if !okp {
		return nil, j, false
	}
	if base == 2 && !strings.HasPrefix(suffix, "u") && digits[0] == '1' {
		// a binary literal of exactly 8, 16, 32 or 64 digits whose first
		// is 1 is a two's complement: 0b11111111 is -1 (its type is then
		// the suffix's, or the smallest that holds it); a BigInteger one
		// also at 96 digits and at any whole number of bytes from 128
		n := len(digits)
		if n == 8 || n == 16 || n == 32 || n == 64 || suffix == "n" && (n == 96 || n >= 128 && n%8 == 0) {
			bi.Sub(bi, new(big.Int).Lsh(big.NewInt(1), uint(n)))
		}
	}
	if base == 16 && suffix == "n" && (len(digits) == 8 || len(digits) == 16) && strings.IndexByte("89abcdefABCDEF", digits[0]) >= 0 {
		// a BigInteger hex literal of exactly 8 or 16 digits is the two's
		// complement of an Int32 or Int64: 0xFFFFFFFFn is -1
		bi.Sub(bi, new(big.Int).Lsh(big.NewInt(1), uint(4*len(digits))))
	}
	// a hex literal of 16 digits or a binary one of 64 is a 64-bit
	// value however small (0x000000000000000F is an Int64, with u a
	// UInt64)
	long := base == 16 && len(digits) == 16 || base == 2 && len(digits) == 64
	if long && suffix == "u" {
		suffix = "ul"
	}
	if long && suffix == "" && mult == 1 {
		if bi.Sign() < 0 {
			return bi.Int64(), j, true
		}
		return int64(bi.Uint64()), j, true
	}
	if base != 10 && suffix == "" && mult == 1 {
		// hex and binary literals reinterpret their bits
		switch {
		case bi.Sign() < 0 && bi.IsInt64() && bi.Int64() >= math.MinInt32:
			return int(bi.Int64()), j, true
		case bi.Sign() < 0:
			return bi.Int64(), j, true
		case bi.BitLen() <= 32:
			return int(int32(uint32(bi.Uint64()))), j, true
		case bi.BitLen() <= 64:
			return int64(bi.Uint64()), j, true
		}
		return nil, j, false
	}
	if mult != 1 {
		bi.Mul(bi, big.NewInt(mult))
	}
	if suffix == "d" {
		d, ok := object.ParseDecimal(bi.String())
		return d, j, ok
	}
	v, ok2 := integerWithSuffix(bi, suffix, base)
	return v, j, ok2
}

// integerWithSuffix is an integer literal's value of the type its suffix
// names: y SByte, uy Byte, s Int16, us UInt16, l Int64, u UInt32 (UInt64
// when it does not fit), ul UInt64, n BigInteger; no suffix the smallest
// of Int32, Int64, Decimal and Double that holds it. Hex and binary
// literals of a signed type reinterpret their bits (0xFFy is -1).
func integerWithSuffix(bi *big.Int, suffix string, base int) (any, bool) {
	fits := func(lo, hi int64) bool {
		return bi.IsInt64() && bi.Int64() >= lo && bi.Int64() <= hi
	}
	// bits reports whether a hex or binary literal fills at most n bits
	bits := func(n int) bool { return base != 10 && bi.Sign() >= 0 && bi.BitLen() <= n }
	switch suffix {
	case "":
		switch {
		case fits(math.MinInt32, math.MaxInt32):
			return int(bi.Int64()), true
		case bi.IsInt64():
			return bi.Int64(), true
		case base == 10 && bi.CmpAbs(decimalMax.Get()) <= 0:
			d, ok := object.ParseDecimal(bi.String())
			return d, ok
		}
		f, _ := new(big.Float).SetInt(bi).Float64()
		return f, true
	case "l":
		if bits(64) {
			return int64(bi.Uint64()), true
		}
		if bi.IsInt64() {
			return bi.Int64(), true
		}
	case "s":
		if fits(math.MinInt16, math.MaxInt16) {
			return int16(bi.Int64()), true
		}
		if bits(16) {
			return int16(uint16(bi.Int64())), true
		}
	case "us":
		if fits(0, math.MaxUint16) {
			return uint16(bi.Int64()), true
		}
	case "y":
		if fits(math.MinInt8, math.MaxInt8) {
			return int8(bi.Int64()), true
		}
		if bits(8) {
			return int8(uint8(bi.Int64())), true
		}
	case "uy":
		if fits(0, math.MaxUint8) {
			return uint8(bi.Int64()), true
		}
	case "u":
		if fits(0, math.MaxUint32) {
			return uint32(bi.Int64()), true
		}
		if bi.Sign() >= 0 && bi.IsUint64() {
			return bi.Uint64(), true
		}
	case "ul":
		if bi.Sign() >= 0 && bi.IsUint64() {
			return bi.Uint64(), true
		}
	case "n":
		return object.NewBigInt(bi), true
	}
	return nil, false
}
