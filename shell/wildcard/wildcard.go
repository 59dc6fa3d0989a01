// Package wildcard matches text against wildcard patterns the way
// PowerShell does (the -like operator, switch -Wildcard, Where-Object,
// parameters that accept wildcards) and the way Exchange matches an
// identity or an OPATH -like value, where only * is special.
//
// PowerShell's rules: * matches any run of characters, ? exactly one,
// [abc] one of the listed characters and [a-z] one in the range; a
// backtick makes the next character literal, inside brackets too. A ]
// right after the [ that opens a set belongs to the set. There is no
// negated set: ! and ^ are ordinary characters. An unclosed [ or a range
// whose ends are reversed makes the pattern invalid. A backtick at the
// very end stands for itself, except that the pattern made of one
// backtick alone is the empty pattern. Matching ignores case unless asked
// not to, and the whole text must match.
//
// Matching never backtracks: the text between two stars is found at its
// leftmost place, so a match costs at most the length of the text times
// the length of the pattern, whatever the pattern.
package wildcard

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options change how a pattern is read and matched.
type Options uint8

const (
	// CaseSensitive compares letters exactly.
	CaseSensitive Options = 1 << iota
	// StarOnly reads * as the only wildcard: ?, [, ] and the backtick are
	// ordinary characters. Exchange matches identities and OPATH -like
	// values this way.
	StarOnly
)

// Error is the error of an invalid pattern; its text is PowerShell's.
type Error struct{ Pattern string }

func (e *Error) Error() string {
	return "The specified wildcard character pattern is not valid: " + e.Pattern
}

// elemKind is what one position of a pattern matches.
type elemKind uint8

const (
	litElem elemKind = iota // one given character
	anyElem                 // ? : any one character
	setElem                 // [...] : one character of a set
)

type runeRange struct{ lo, hi rune }

type elem struct {
	kind elemKind
	r    rune
	set  []runeRange
}

// Pattern is a compiled pattern. Its zero value matches only the empty
// text.
type Pattern struct {
	// segs are the pieces between stars, in order; a pattern without a
	// star has one piece.
	segs [][]elem
	star bool // the pattern holds at least one *
	fold bool
	// literal is set when the pattern is one piece of plain characters:
	// the text is compared whole.
	literal    bool
	literalStr string
	// anything is set when the pattern is stars alone: every text
	// matches.
	anything bool
	// pieces, for a pattern with stars between pieces of plain ASCII
	// characters, are those pieces: an ASCII text is matched against
	// them byte by byte.
	pieces []string
}

// Compile reads a pattern. The error of an invalid pattern is an *Error.
func Compile(pattern string, opts Options) (*Pattern, error) {
	p := &Pattern{fold: opts&CaseSensitive == 0}
	var seg []elem
	endSeg := func() {
		p.segs = append(p.segs, seg)
		seg = nil
	}
	if opts&StarOnly != 0 {
		for _, r := range pattern {
			if r == '*' {
				p.star = true
				endSeg()
				continue
			}
			seg = append(seg, elem{kind: litElem, r: r})
		}
		endSeg()
		p.finish()
		return p, nil
	}
	if pattern == "`" {
		// One lone backtick is the empty pattern.
		pattern = ""
	}
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '*':
			p.star = true
			endSeg()
		case '?':
			seg = append(seg, elem{kind: anyElem})
		case '`':
			if i+1 < len(rs) {
				i++
			}
			seg = append(seg, elem{kind: litElem, r: rs[i]})
		case '[':
			set, next, ok := readSet(rs, i+1)
			if !ok {
				return nil, &Error{Pattern: pattern}
			}
			seg = append(seg, elem{kind: setElem, set: set})
			i = next
		default:
			seg = append(seg, elem{kind: litElem, r: r})
		}
	}
	endSeg()
	p.finish()
	return p, nil
}

// readSet reads the inside of a bracket set starting at rs[i], just after
// its [. It returns the set and the index of the closing ], or false when
// the set is not closed or a range runs backwards.
func readSet(rs []rune, i int) ([]runeRange, int, bool) {
	var chars []rune
	var dash []bool // chars[k] is an unescaped -
	first := true
	for ; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ']' && !first:
			var set []runeRange
			for k := 0; k < len(chars); {
				if k+2 < len(chars) && dash[k+1] {
					lo, hi := chars[k], chars[k+2]
					if lo > hi {
						return nil, 0, false
					}
					set = append(set, runeRange{lo, hi})
					k += 3
					continue
				}
				set = append(set, runeRange{chars[k], chars[k]})
				k++
			}
			return set, i, true
		case r == '`':
			if i+1 < len(rs) {
				i++
			}
			chars = append(chars, rs[i])
			dash = append(dash, false)
		default:
			chars = append(chars, r)
			dash = append(dash, r == '-')
		}
		first = false
	}
	return nil, 0, false
}

func (p *Pattern) finish() {
	if p.star {
		p.anything = true
		for _, seg := range p.segs {
			p.anything = p.anything && len(seg) == 0
		}
		p.pieces = asciiPieces(p.segs)
		return
	}
	if len(p.segs) != 1 {
		return
	}
	var b strings.Builder
	for _, e := range p.segs[0] {
		if e.kind != litElem {
			return
		}
		b.WriteRune(e.r)
	}
	p.literal, p.literalStr = true, b.String()
}

// asciiPieces returns the pieces of plain ASCII characters segs are, nil
// when a piece holds anything else.
func asciiPieces(segs [][]elem) []string {
	pieces := make([]string, len(segs))
	for i, seg := range segs {
		b := make([]byte, len(seg))
		for k, e := range seg {
			if e.kind != litElem || e.r >= utf8.RuneSelf {
				return nil
			}
			b[k] = byte(e.r)
		}
		pieces[i] = string(b)
	}
	return pieces
}

// Match reports whether the whole of s matches the pattern.
func (p *Pattern) Match(s string) bool {
	if p.anything {
		return true
	}
	if p.literal {
		if p.fold {
			return strings.EqualFold(p.literalStr, s)
		}
		return p.literalStr == s
	}
	if p.pieces != nil {
		var bits byte
		for i := 0; i < len(s); i++ {
			bits |= s[i]
		}
		if bits < utf8.RuneSelf {
			return p.matchPieces(s)
		}
	}
	var buf [64]rune
	t := buf[:0]
	for _, r := range s {
		t = append(t, r)
	}
	return p.matchRunes(t)
}

// matchPieces is matchRunes for an ASCII text and a pattern of ASCII
// pieces between stars: the same places tried, a byte a character.
func (p *Pattern) matchPieces(s string) bool {
	first, last := p.pieces[0], p.pieces[len(p.pieces)-1]
	if len(first)+len(last) > len(s) {
		return false
	}
	if !p.samePiece(first, s[:len(first)]) || !p.samePiece(last, s[len(s)-len(last):]) {
		return false
	}
	rest := s[len(first) : len(s)-len(last)]
	for _, piece := range p.pieces[1 : len(p.pieces)-1] {
		at := -1
		for i := 0; i+len(piece) <= len(rest); i++ {
			if p.samePiece(piece, rest[i:i+len(piece)]) {
				at = i
				break
			}
		}
		if at < 0 {
			return false
		}
		rest = rest[at+len(piece):]
	}
	return true
}

// samePiece reports whether ASCII texts a and b of one length are equal,
// letters in either case when the pattern ignores case (as sameFold
// compares ASCII letters).
func (p *Pattern) samePiece(a, b string) bool {
	if p.fold {
		return strings.EqualFold(a, b)
	}
	return a == b
}

func (p *Pattern) matchRunes(t []rune) bool {
	segs := p.segs
	if len(segs) == 0 {
		return len(t) == 0
	}
	if !p.star {
		return len(segs[0]) == len(t) && p.matchAt(segs[0], t)
	}
	// With stars: the first piece is anchored at the start, the last at
	// the end, and each piece between is taken at its leftmost place in
	// what remains. Taking the leftmost place never loses a match, since a
	// star can absorb whatever a later place would have skipped.
	first, last := segs[0], segs[len(segs)-1]
	if len(first)+len(last) > len(t) {
		return false
	}
	if !p.matchAt(first, t) || !p.matchAt(last, t[len(t)-len(last):]) {
		return false
	}
	rest := t[len(first) : len(t)-len(last)]
	for _, seg := range segs[1 : len(segs)-1] {
		at := p.find(seg, rest)
		if at < 0 {
			return false
		}
		rest = rest[at+len(seg):]
	}
	return true
}

// find returns the leftmost index in t where seg matches, or -1.
func (p *Pattern) find(seg []elem, t []rune) int {
	for i := 0; i+len(seg) <= len(t); i++ {
		if p.matchAt(seg, t[i:]) {
			return i
		}
	}
	return -1
}

// matchAt reports whether seg matches the start of t (t is long enough).
func (p *Pattern) matchAt(seg []elem, t []rune) bool {
	for k, e := range seg {
		if !p.matchOne(e, t[k]) {
			return false
		}
	}
	return true
}

func (p *Pattern) matchOne(e elem, r rune) bool {
	switch e.kind {
	case anyElem:
		return true
	case litElem:
		return r == e.r || p.fold && sameFold(r, e.r)
	}
	if inSet(e.set, r) {
		return true
	}
	if p.fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if inSet(e.set, f) {
				return true
			}
		}
	}
	return false
}

func inSet(set []runeRange, r rune) bool {
	for _, g := range set {
		if r >= g.lo && r <= g.hi {
			return true
		}
	}
	return false
}

// sameFold reports whether two different runes are the same letter in
// another case (the case folding strings.EqualFold uses).
func sameFold(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// Match reports whether s matches pattern by PowerShell's rules, ignoring
// case. An invalid pattern matches nothing.
func Match(pattern, s string) bool {
	p, err := Compile(pattern, 0)
	return err == nil && p.Match(s)
}

// MatchAny reports whether s matches one of the patterns (Match).
func MatchAny(patterns []string, s string) bool {
	for _, p := range patterns {
		if Match(p, s) {
			return true
		}
	}
	return false
}

// MatchStar reports whether s matches pattern by Exchange's rule for
// identities and OPATH -like values: * is the only wildcard, case is
// ignored.
func MatchStar(pattern, s string) bool {
	p, _ := Compile(pattern, StarOnly)
	return p.Match(s)
}

// Has reports whether s holds a wildcard character PowerShell would act
// on: an unescaped *, ?, [ or ].
func Has(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', ']':
			return true
		case '`':
			i++
		}
	}
	return false
}

// HasStar reports whether s holds the only wildcard Exchange identities
// know, *.
func HasStar(s string) bool { return strings.IndexByte(s, '*') >= 0 }

// Escape makes every wildcard character of s literal with a backtick, so
// that the pattern matches s alone.
func Escape(s string) string {
	if !strings.ContainsAny(s, "*?[]`") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("*?[]`", r) {
			b.WriteByte('`')
		}
		b.WriteRune(r)
	}
	return b.String()
}
