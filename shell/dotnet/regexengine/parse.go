package regexengine

import (
	"fmt"
	"strconv"
	"unicode"
)

// RegexOptions flags the engine reads.
const (
	IgnoreCase              = 1
	Multiline               = 2
	ExplicitCapture         = 4
	Singleline              = 16
	IgnorePatternWhitespace = 32
	RightToLeft             = 64
)

type kind uint8

const (
	kEmpty kind = iota
	kChar
	kSet
	kConcat
	kAlt
	kCapture
	kRepeat
	kLook
	kAtomic
	kBackref
	kBegin    // \A, and ^ without Multiline
	kBol      // ^ with Multiline
	kEnd      // \z
	kEndZ     // \Z, and $ without Multiline
	kEol      // $ with Multiline
	kBoundary // \b
	kNonBound // \B
	kStartG   // \G
	kCondGroup
	kCondExpr
)

// node is one element of a parsed pattern.
type node struct {
	kind     kind
	r        rune
	fold     bool
	set      *charSet
	subs     []*node
	min, max int // max < 0: unbounded
	lazy     bool
	neg      bool // negative lookaround
	behind   bool // lookbehind
	rtl      bool // matched right to left
	group    int  // group number; resolved to a slot index after parsing
	uncap    int  // balancing group: the group whose capture is removed, or -1
	refName  string
	refNum   int
}

// Error is a pattern that does not parse, in .NET's wording.
type Error struct {
	Pattern string
	Offset  int
	Reason  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("Invalid pattern '%s' at offset %d. %s", e.Pattern, e.Offset, e.Reason)
}

type parser struct {
	pattern  string
	src      []rune
	pos      int
	flags    int
	caps     []*node // capture nodes in pattern order
	refs     []*node // backreferences and group conditionals to resolve
	allNames map[string]bool
}

func (p *parser) fail(format string, args ...any) *Error {
	return &Error{Pattern: p.pattern, Offset: p.pos, Reason: fmt.Sprintf(format, args...)}
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) peekIs(s string) bool {
	rs := []rune(s)
	if p.pos+len(rs) > len(p.src) {
		return false
	}
	for i, r := range rs {
		if p.src[p.pos+i] != r {
			return false
		}
	}
	return true
}

// skipBlank skips whitespace and # comments under IgnorePatternWhitespace.
func (p *parser) skipBlank() {
	if p.flags&IgnorePatternWhitespace == 0 {
		return
	}
	for p.more() {
		c := p.src[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			p.pos++
		case c == '#':
			for p.more() && p.src[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// prescanNames finds every group name the pattern defines, so a
// conditional can tell a group test from an expression before the group
// appears.
func prescanNames(src []rune) map[string]bool {
	names := map[string]bool{}
	inClass := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case !inClass && c == '(' && i+3 < len(src) && src[i+1] == '?' && (src[i+2] == '<' || src[i+2] == '\''):
			j := i + 3
			for j < len(src) && isWordChar(src[j]) {
				j++
			}
			if j > i+3 {
				names[string(src[i+3:j])] = true
			}
		}
	}
	return names
}

// parseAlternation parses alternatives up to a ')' or the end.
func (p *parser) parseAlternation() (*node, error) {
	var alts []*node
	for {
		c, err := p.parseConcat()
		if err != nil {
			return nil, err
		}
		alts = append(alts, c)
		if p.more() && p.src[p.pos] == '|' {
			p.pos++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: kAlt, subs: alts}, nil
}

func (p *parser) parseConcat() (*node, error) {
	var items []*node
	for {
		p.skipBlank()
		if !p.more() || p.src[p.pos] == '|' || p.src[p.pos] == ')' {
			break
		}
		start := p.pos
		atom, err := p.parseAtom()
		if err != nil {
			return nil, err
		}
		if atom == nil {
			continue
		}
		p.skipBlank()
		q, err := p.parseQuantifier(atom, start)
		if err != nil {
			return nil, err
		}
		items = append(items, q)
	}
	switch len(items) {
	case 0:
		return &node{kind: kEmpty}, nil
	case 1:
		return items[0], nil
	}
	return &node{kind: kConcat, subs: items}, nil
}

// scanBraces reads {n}, {n,} or {n,m} at the position; ok is false when
// the text there is not a quantifier (it is then literal).
func (p *parser) scanBraces() (min, max, end int, ok bool) {
	i := p.pos
	if i >= len(p.src) || p.src[i] != '{' {
		return
	}
	i++
	num := func() (int, bool) {
		s := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		if s == i {
			return 0, false
		}
		n, err := strconv.Atoi(string(p.src[s:i]))
		if err != nil {
			return 0, false
		}
		return n, true
	}
	min, ok = num()
	if !ok {
		return
	}
	max = min
	if i < len(p.src) && p.src[i] == ',' {
		i++
		max = -1
		if n, got := num(); got {
			max = n
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		ok = false
		return
	}
	return min, max, i + 1, true
}

func (p *parser) parseQuantifier(atom *node, start int) (*node, error) {
	if !p.more() {
		return atom, nil
	}
	min, max := 0, 0
	switch p.src[p.pos] {
	case '*':
		min, max = 0, -1
		p.pos++
	case '+':
		min, max = 1, -1
		p.pos++
	case '?':
		min, max = 0, 1
		p.pos++
	case '{':
		lo, hi, end, ok := p.scanBraces()
		if !ok {
			return atom, nil
		}
		if hi >= 0 && lo > hi {
			p.pos = end
			return nil, p.fail("Illegal {x,y} with x > y.")
		}
		min, max = lo, hi
		p.pos = end
	default:
		return atom, nil
	}
	lazy := false
	if p.more() && p.src[p.pos] == '?' {
		lazy = true
		p.pos++
	}
	if p.more() {
		switch c := p.src[p.pos]; c {
		case '*', '+', '?':
			p.pos++
			return nil, p.fail("Nested quantifier '%c'.", c)
		case '{':
			if _, _, _, ok := p.scanBraces(); ok {
				p.pos++
				return nil, p.fail("Nested quantifier '{'.")
			}
		}
	}
	return &node{kind: kRepeat, subs: []*node{atom}, min: min, max: max, lazy: lazy}, nil
}

func (p *parser) parseAtom() (*node, error) {
	c := p.src[p.pos]
	switch c {
	case '(':
		return p.parseGroup()
	case '[':
		p.pos++
		set, err := p.parseClass()
		if err != nil {
			return nil, err
		}
		return p.setNode(set), nil
	case '.':
		p.pos++
		if p.flags&Singleline != 0 {
			return &node{kind: kSet, set: &charSet{neg: true}}, nil
		}
		return &node{kind: kSet, set: &charSet{neg: true, ranges: []rune{'\n', '\n'}}}, nil
	case '^':
		p.pos++
		if p.flags&Multiline != 0 {
			return &node{kind: kBol}, nil
		}
		return &node{kind: kBegin}, nil
	case '$':
		p.pos++
		if p.flags&Multiline != 0 {
			return &node{kind: kEol}, nil
		}
		return &node{kind: kEndZ}, nil
	case '\\':
		return p.parseEscape()
	case '*', '+', '?':
		p.pos++
		return nil, p.fail("Quantifier '%c' following nothing.", c)
	case '{':
		if _, _, _, ok := p.scanBraces(); ok {
			p.pos++
			return nil, p.fail("Quantifier '{' following nothing.")
		}
	}
	p.pos++
	return p.charNode(c), nil
}

func (p *parser) charNode(c rune) *node {
	if p.flags&IgnoreCase != 0 && hasFold(c) {
		return &node{kind: kChar, r: unicode.ToLower(c), fold: true}
	}
	return &node{kind: kChar, r: c}
}

func (p *parser) setNode(s *charSet) *node {
	s.fold = p.flags&IgnoreCase != 0
	return &node{kind: kSet, set: s}
}

// parseName reads a group name or number.
func (p *parser) parseName() string {
	s := p.pos
	for p.more() && isWordChar(p.src[p.pos]) {
		p.pos++
	}
	return string(p.src[s:p.pos])
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (p *parser) parseGroup() (*node, error) {
	p.pos++ // (
	saved := p.flags
	defer func() { p.flags = saved }()
	if !p.more() || p.src[p.pos] != '?' {
		if p.flags&ExplicitCapture != 0 {
			return p.groupBody(&node{kind: kConcat})
		}
		n := &node{kind: kCapture, group: -1, uncap: -1}
		p.caps = append(p.caps, n)
		return p.groupBody(n)
	}
	p.pos++ // ?
	if !p.more() {
		return nil, p.fail("Unrecognized grouping construct.")
	}
	switch {
	case p.peekIs(":"):
		p.pos++
		return p.groupBody(&node{kind: kConcat})
	case p.peekIs("="), p.peekIs("!"):
		n := &node{kind: kLook, neg: p.src[p.pos] == '!'}
		p.pos++
		return p.groupBody(n)
	case p.peekIs("<="), p.peekIs("<!"):
		n := &node{kind: kLook, neg: p.src[p.pos+1] == '!', behind: true}
		p.pos += 2
		return p.groupBody(n)
	case p.peekIs(">"):
		p.pos++
		return p.groupBody(&node{kind: kAtomic})
	case p.peekIs("#"):
		for p.more() && p.src[p.pos] != ')' {
			p.pos++
		}
		if !p.more() {
			return nil, p.fail("Unterminated (?#...) comment.")
		}
		p.pos++
		return nil, nil
	case p.peekIs("("):
		return p.parseConditional()
	case p.peekIs("<"), p.peekIs("'"):
		closer := '>'
		if p.src[p.pos] == '\'' {
			closer = '\''
		}
		p.pos++
		n := &node{kind: kCapture, group: -1, uncap: -1}
		name := p.parseName()
		if name != "" && !isWordChar([]rune(name)[0]) {
			return nil, p.fail("Invalid group name: Group names must begin with a word character.")
		}
		var other string
		if p.more() && p.src[p.pos] == '-' {
			p.pos++
			other = p.parseName()
			if other == "" {
				return nil, p.fail("Invalid group name: Group names must begin with a word character.")
			}
		} else if name == "" {
			return nil, p.fail("Invalid group name: Group names must begin with a word character.")
		}
		if !p.more() || p.src[p.pos] != closer {
			return nil, p.fail("Invalid group name: Group names must begin with a word character.")
		}
		p.pos++
		if isNumber(name) {
			num, _ := strconv.Atoi(name)
			if num == 0 {
				return nil, p.fail("Capture number cannot be zero.")
			}
			n.refNum = num
		}
		n.refName = name
		if other != "" {
			u := &node{kind: kBackref, refName: other}
			if isNumber(other) {
				u.refNum, _ = strconv.Atoi(other)
			}
			n.subs = []*node{nil, u}
			p.refs = append(p.refs, u)
		}
		if name != "" {
			p.caps = append(p.caps, n)
		}
		return p.groupBody(n)
	}
	// inline options: (?imnsx-imnsx) or (?imnsx-imnsx:...)
	on := true
	for p.more() {
		c := p.src[p.pos]
		var bit int
		switch unicode.ToLower(c) {
		case 'i':
			bit = IgnoreCase
		case 'm':
			bit = Multiline
		case 'n':
			bit = ExplicitCapture
		case 's':
			bit = Singleline
		case 'x':
			bit = IgnorePatternWhitespace
		case '-':
			on = false
			p.pos++
			continue
		case ')':
			p.pos++
			saved = p.flags // the options hold to the end of the enclosing group
			return nil, nil
		case ':':
			p.pos++
			return p.groupBody(&node{kind: kConcat})
		default:
			return nil, p.fail("Unrecognized grouping construct.")
		}
		if on {
			p.flags |= bit
		} else {
			p.flags &^= bit
		}
		p.pos++
	}
	return nil, p.fail("Unrecognized grouping construct.")
}

// parseClosed parses alternatives up to and past the ')' that closes
// their group; a pattern ending first is .NET's "Not enough )'s.".
func (p *parser) parseClosed() (*node, error) {
	body, err := p.parseAlternation()
	if err != nil {
		return nil, err
	}
	if !p.more() || p.src[p.pos] != ')' {
		return nil, &Error{Pattern: p.pattern, Offset: len(p.src), Reason: "Not enough )'s."}
	}
	p.pos++
	return body, nil
}

// groupBody parses the group's contents and the closing parenthesis.
func (p *parser) groupBody(n *node) (*node, error) {
	body, err := p.parseClosed()
	if err != nil {
		return nil, err
	}
	if n.kind == kConcat {
		return body, nil
	}
	if len(n.subs) == 2 {
		n.subs[0] = body
	} else {
		n.subs = []*node{body}
	}
	return n, nil
}

func (p *parser) parseConditional() (*node, error) {
	p.pos++ // the condition's (
	start := p.pos
	name := p.parseName()
	if name != "" && p.more() && p.src[p.pos] == ')' && (isNumber(name) || p.allNames[name]) {
		p.pos++
		n := &node{kind: kCondGroup, refName: name}
		if isNumber(name) {
			n.refNum, _ = strconv.Atoi(name)
		}
		p.refs = append(p.refs, n)
		return p.conditionalBody(n)
	}
	p.pos = start
	if p.peekIs("?#") {
		return nil, p.fail("Alternation conditions cannot be comments.")
	}
	if p.peekIs("?<") || p.peekIs("?'") {
		if !p.peekIs("?<=") && !p.peekIs("?<!") {
			return nil, p.fail("Alternation conditions do not capture and cannot be named.")
		}
	}
	n := &node{kind: kCondExpr}
	if p.peekIs("?=") || p.peekIs("?!") || p.peekIs("?<=") || p.peekIs("?<!") {
		p.pos-- // the condition is a lookaround group
		look, err := p.parseGroup()
		if err != nil {
			return nil, err
		}
		n.subs = []*node{look}
		return p.conditionalBody(n)
	}
	cond, err := p.parseClosed()
	if err != nil {
		return nil, err
	}
	n.subs = []*node{{kind: kLook, subs: []*node{cond}}}
	return p.conditionalBody(n)
}

func (p *parser) conditionalBody(n *node) (*node, error) {
	body, err := p.parseClosed()
	if err != nil {
		return nil, err
	}
	yes, no := body, &node{kind: kEmpty}
	if body.kind == kAlt {
		if len(body.subs) > 2 {
			return nil, p.fail("Too many | in (?()|).")
		}
		yes = body.subs[0]
		if len(body.subs) == 2 {
			no = body.subs[1]
		}
	}
	n.subs = append(n.subs, yes, no)
	return n, nil
}

func hexVal(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'f':
		return int(r-'a') + 10
	case r >= 'A' && r <= 'F':
		return int(r-'A') + 10
	}
	return -1
}

// parseCharEscape reads the escape after a backslash that stands for
// one character (shared by patterns and character classes).
func (p *parser) parseCharEscape(c rune) (rune, error) {
	switch c {
	case 't':
		return '\t', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 'f':
		return '\f', nil
	case 'v':
		return '\v', nil
	case 'e':
		return 0x1b, nil
	case 'a':
		return 7, nil
	case 'x', 'u':
		n := 2
		if c == 'u' {
			n = 4
		}
		v := 0
		for i := 0; i < n; i++ {
			if !p.more() || hexVal(p.src[p.pos]) < 0 {
				return 0, p.fail("Insufficient hexadecimal digits.")
			}
			v = v*16 + hexVal(p.src[p.pos])
			p.pos++
		}
		return rune(v), nil
	case 'c':
		if !p.more() {
			return 0, p.fail("Missing control character.")
		}
		ch := unicode.ToUpper(p.src[p.pos])
		p.pos++
		if ch < '@' || ch > '_' {
			return 0, p.fail("Unrecognized control character.")
		}
		return ch - '@', nil
	case '0':
		v := 0
		for i := 0; i < 2 && p.more() && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; i++ {
			v = v*8 + int(p.src[p.pos]-'0')
			p.pos++
		}
		return rune(v), nil
	}
	if isWordChar(c) {
		return 0, p.fail("Unrecognized escape sequence \\%c.", c)
	}
	return c, nil
}

// classEscape returns the set for \d \D \w \W \s \S \p{} \P{}, or nil.
func (p *parser) classEscape(c rune) (*charSet, error) {
	switch c {
	case 'd':
		return &charSet{classes: []classFn{isDigit}}, nil
	case 'D':
		return &charSet{neg: true, classes: []classFn{isDigit}}, nil
	case 'w':
		return &charSet{classes: []classFn{isWordChar}}, nil
	case 'W':
		return &charSet{neg: true, classes: []classFn{isWordChar}}, nil
	case 's':
		return &charSet{classes: []classFn{isSpace}}, nil
	case 'S':
		return &charSet{neg: true, classes: []classFn{isSpace}}, nil
	case 'p', 'P':
		if !p.more() || p.src[p.pos] != '{' {
			return nil, p.fail("Incomplete \\p{X} character escape.")
		}
		end := p.pos + 1
		for end < len(p.src) && p.src[end] != '}' {
			end++
		}
		if end >= len(p.src) {
			return nil, p.fail("Incomplete \\p{X} character escape.")
		}
		name := string(p.src[p.pos+1 : end])
		p.pos = end + 1
		fn := unicodeProperty(name)
		if fn == nil {
			return nil, p.fail("Unknown property '%s'.", name)
		}
		return &charSet{neg: c == 'P', classes: []classFn{fn}}, nil
	}
	return nil, nil
}

func (p *parser) parseEscape() (*node, error) {
	p.pos++ // backslash
	if !p.more() {
		return nil, p.fail("Illegal \\ at end of pattern.")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'A':
		return &node{kind: kBegin}, nil
	case 'z':
		return &node{kind: kEnd}, nil
	case 'Z':
		return &node{kind: kEndZ}, nil
	case 'G':
		return &node{kind: kStartG}, nil
	case 'b':
		return &node{kind: kBoundary}, nil
	case 'B':
		return &node{kind: kNonBound}, nil
	case 'k':
		if !p.more() || (p.src[p.pos] != '<' && p.src[p.pos] != '\'') {
			return nil, p.fail("Malformed \\k<...> named back reference.")
		}
		closer := '>'
		if p.src[p.pos] == '\'' {
			closer = '\''
		}
		p.pos++
		name := p.parseName()
		if name == "" || !p.more() || p.src[p.pos] != closer {
			return nil, p.fail("Malformed \\k<...> named back reference.")
		}
		p.pos++
		n := &node{kind: kBackref, refName: name}
		if isNumber(name) {
			n.refNum, _ = strconv.Atoi(name)
		}
		n.fold = p.flags&IgnoreCase != 0
		n.group = p.pos // the offset, for the error text
		p.refs = append(p.refs, n)
		return n, nil
	}
	if c >= '1' && c <= '9' {
		s := p.pos - 1
		for p.more() && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
		}
		num, _ := strconv.Atoi(string(p.src[s:p.pos]))
		n := &node{kind: kBackref, refNum: num, refName: strconv.Itoa(num), fold: p.flags&IgnoreCase != 0, group: p.pos}
		p.refs = append(p.refs, n)
		return n, nil
	}
	set, err := p.classEscape(c)
	if err != nil {
		return nil, err
	}
	if set != nil {
		return p.setNode(set), nil
	}
	r, err := p.parseCharEscape(c)
	if err != nil {
		return nil, err
	}
	return p.charNode(r), nil
}

// parseClass reads a character class after its '['.
func (p *parser) parseClass() (*charSet, error) {
	s := &charSet{}
	if p.more() && p.src[p.pos] == '^' {
		s.neg = true
		p.pos++
	}
	first := true
	for {
		if !p.more() {
			return nil, &Error{Pattern: p.pattern, Offset: len(p.src), Reason: "Unterminated [] set."}
		}
		c := p.src[p.pos]
		if c == ']' && !first {
			p.pos++
			return s, nil
		}
		first = false
		if c == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '[' {
			p.pos += 2
			sub, err := p.parseClass()
			if err != nil {
				return nil, err
			}
			s.sub = sub
			if !p.more() || p.src[p.pos] != ']' {
				return nil, p.fail("A subtraction must be the last element in a character class.")
			}
			p.pos++
			return s, nil
		}
		lo, cls, err := p.classAtom()
		if err != nil {
			return nil, err
		}
		if cls != nil {
			s.subsets = append(s.subsets, cls)
			if p.more() && p.src[p.pos] == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' && p.src[p.pos+1] != '[' {
				return nil, p.fail("Cannot include class \\%c in character range.", p.src[p.pos-1])
			}
			continue
		}
		if p.more() && p.src[p.pos] == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' && p.src[p.pos+1] != '[' {
			p.pos++
			hi, hcls, err := p.classAtom()
			if err != nil {
				return nil, err
			}
			if hcls != nil {
				return nil, p.fail("Cannot include class \\%c in character range.", p.src[p.pos-1])
			}
			if hi < lo {
				return nil, p.fail("[x-y] range in reverse order.")
			}
			s.ranges = append(s.ranges, lo, hi)
			continue
		}
		s.ranges = append(s.ranges, lo, lo)
	}
}

// classAtom reads one character of a class, or a class escape.
func (p *parser) classAtom() (rune, *charSet, error) {
	c := p.src[p.pos]
	p.pos++
	if c != '\\' {
		return c, nil, nil
	}
	if !p.more() {
		return 0, nil, p.fail("Illegal \\ at end of pattern.")
	}
	c = p.src[p.pos]
	p.pos++
	if c == 'b' {
		return '\b', nil, nil
	}
	set, err := p.classEscape(c)
	if err != nil || set != nil {
		return 0, set, err
	}
	if c >= '1' && c <= '9' {
		v := int(c - '0')
		for i := 0; i < 2 && p.more() && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; i++ {
			v = v*8 + int(p.src[p.pos]-'0')
			p.pos++
		}
		return rune(v), nil, nil
	}
	r, err := p.parseCharEscape(c)
	return r, nil, err
}

// parse turns a pattern into a tree and numbers its groups the .NET
// way: unnamed groups first, left to right, then named groups in order
// of first appearance; a group named by a number has that number.
func parse(pattern string, opts int) (*node, *groups, error) {
	p := &parser{pattern: pattern, src: []rune(pattern), flags: opts}
	p.allNames = prescanNames(p.src)
	root, err := p.parseAlternation()
	if err != nil {
		return nil, nil, err
	}
	if p.more() {
		return nil, nil, &Error{Pattern: pattern, Offset: p.pos + 1, Reason: "Too many )'s."}
	}
	g := &groups{byName: map[string]int{}}
	used := map[int]bool{0: true}
	for _, c := range p.caps {
		if c.refNum > 0 {
			used[c.refNum] = true
		}
	}
	next := 1
	for _, c := range p.caps {
		if c.refName == "" {
			for used[next] {
				next++
			}
			c.group = next
			used[next] = true
		}
	}
	named := map[string]int{}
	for _, c := range p.caps {
		switch {
		case c.refName == "":
		case c.refNum > 0:
			c.group = c.refNum
		default:
			if n, ok := named[c.refName]; ok {
				c.group = n
				continue
			}
			for used[next] {
				next++
			}
			c.group = next
			used[next] = true
			named[c.refName] = next
		}
	}
	nums := make([]int, 0, len(used))
	for n := range used {
		nums = append(nums, n)
	}
	sortInts(nums)
	slot := map[int]int{}
	for i, n := range nums {
		slot[n] = i
		g.numbers = append(g.numbers, n)
		g.names = append(g.names, strconv.Itoa(n))
	}
	for name, n := range named {
		g.names[slot[n]] = name
	}
	for i, name := range g.names {
		g.byName[name] = i
	}
	for _, c := range p.caps {
		c.group = slot[c.group]
	}
	for _, r := range p.refs {
		i, ok := g.byName[r.refName]
		if isNumber(r.refName) {
			i, ok = 0, false
			for x, num := range g.numbers {
				if num == r.refNum {
					i, ok = x, true
				}
			}
		}
		if !ok {
			if r.kind == kCondGroup {
				return nil, nil, &Error{Pattern: pattern, Offset: len(p.src), Reason: fmt.Sprintf("(?(%s) ) reference to undefined group.", r.refName)}
			}
			if isNumber(r.refName) {
				return nil, nil, &Error{Pattern: pattern, Offset: r.group, Reason: fmt.Sprintf("Reference to undefined group number %s.", r.refName)}
			}
			return nil, nil, &Error{Pattern: pattern, Offset: r.group, Reason: fmt.Sprintf("Reference to undefined group name '%s'.", r.refName)}
		}
		r.group = i
	}
	markDirection(root, opts&RightToLeft != 0)
	return root, g, nil
}

// groups is a pattern's group table in .NET order.
type groups struct {
	numbers []int
	names   []string
	byName  map[string]int
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// markDirection marks the nodes that match right to left: the whole
// pattern under RightToLeft, a lookbehind's body, and not a lookahead's.
func markDirection(n *node, rtl bool) {
	if n == nil {
		return
	}
	n.rtl = rtl
	for i, s := range n.subs {
		switch {
		case n.kind == kLook && i == 0:
			markDirection(s, n.behind)
		default:
			markDirection(s, rtl)
		}
	}
}
