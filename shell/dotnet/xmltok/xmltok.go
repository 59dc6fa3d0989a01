// Package xmltok reads XML text as a stream of tokens, checking the
// document the way .NET's XmlReader does (ConformanceLevel.Document):
// one root element, properly nested and matching tags, declared
// namespace prefixes, no text outside the root, the XML declaration
// only at the very start. A malformed document stops at the first
// fault with .NET's XmlException text and its line and position.
//
// Text and attribute values come entity-decoded (the five predefined
// entities and character references); line breaks are normalised to
// "\n", and in attribute values a literal tab or line break reads as
// a space. A DOCTYPE is skipped over (its entity declarations are not
// read) and reported as a Directive token.
package xmltok

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// The token kinds.
const (
	StartElement Kind = iota + 1 // <name attr="v"> or <name/>
	EndElement                   // </name>, or the end of <name/>
	Text                         // character data, decoded
	CDATA                        // <![CDATA[...]]>, verbatim
	Comment                      // <!--...-->
	ProcInst                     // <?target body?>; the XML declaration has the target "xml"
	Directive                    // <!DOCTYPE ...>
)

// Attr is one attribute of a start element.
type Attr struct {
	Name  string // as written: prefix:local or local
	Value string // decoded
}

// Token is one piece of a document.
type Token struct {
	Kind Kind
	// Name is an element's qualified name as written, or a processing
	// instruction's target.
	Name  string
	Attrs []Attr
	// Data is the text of Text, CDATA, Comment and Directive tokens and
	// a processing instruction's body (from its first non-space
	// character to "?>").
	Data string
	// SelfClosing marks a start element written <name/>; the matching
	// EndElement (Start == End) follows it at once.
	SelfClosing bool
	// Start and End are the byte offsets of the token in the source.
	Start, End int
}

// SyntaxError is a well-formedness fault, worded as .NET's XmlException.
type SyntaxError struct {
	Msg string
	// Offset is the byte offset of the fault; Line and Pos are .NET's
	// 1-based line and position (UTF-16 units) for it, both 0 when
	// .NET reports none.
	Offset, Line, Pos int
}

func (e *SyntaxError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%s Line %d, position %d.", e.Msg, e.Line, e.Pos)
}

// open is an element whose end tag is still to come.
type open struct {
	name   string
	at     int      // offset of the name in its start tag
	prefix []string // namespace prefixes the element declares
}

// Tokenizer reads one document.
type Tokenizer struct {
	// ProhibitDTD makes a DOCTYPE an error, as XmlReaderSettings'
	// default DtdProcessing.Prohibit does.
	ProhibitDTD bool

	src     string
	pos     int
	begin   int // where the document starts (after a byte order mark)
	stack   []open
	ns      map[string]int  // prefixes in scope: the count of their declarations
	root    bool            // the root element has started
	dtd     bool            // a DOCTYPE has been read
	pending *Token          // the EndElement of a self-closing tag
	seen    map[string]bool // the attribute names of the tag at seenIn
	seenIn  int
	err     error // the first fault, returned from then on
}

// New returns a tokenizer over src.
func New(src string) *Tokenizer {
	t := &Tokenizer{src: src}
	if strings.HasPrefix(src, "\uFEFF") {
		t.pos, t.begin = 3, 3
	}
	return t
}

// Next returns the next token, io.EOF after a complete document, or a
// *SyntaxError (again on every later call).
func (t *Tokenizer) Next() (Token, error) {
	if t.err != nil {
		return Token{}, t.err
	}
	tok, err := t.next()
	if err != nil {
		t.err = err
	}
	return tok, err
}

func (t *Tokenizer) next() (Token, error) {
	if p := t.pending; p != nil {
		t.pending = nil
		t.pop()
		return *p, nil
	}
	s, i := t.src, t.pos
	if i >= len(s) {
		if len(t.stack) > 0 {
			return Token{}, t.unclosed()
		}
		if !t.root {
			return Token{}, &SyntaxError{Msg: "Root element is missing.", Offset: i}
		}
		return Token{}, io.EOF
	}
	if s[i] != '<' {
		return t.text(i)
	}
	if len(t.stack) == 0 && len(s)-i < 4 {
		return Token{}, t.errAt(i, "Data at the root level is invalid.")
	}
	if i+1 >= len(s) {
		return Token{}, t.unclosed()
	}
	switch s[i+1] {
	case '?':
		return t.procInst(i)
	case '/':
		return t.endTag(i)
	case '!':
		return t.bang(i)
	}
	return t.startTag(i)
}

// text reads character data up to the next '<'. Outside the root
// element only white space may stand there.
func (t *Tokenizer) text(start int) (Token, error) {
	s := t.src
	if len(t.stack) == 0 {
		i := start
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] != '<' {
			return Token{}, t.errAt(i, "Data at the root level is invalid.")
		}
		t.pos = i
		return Token{Kind: Text, Data: normalizeEOL(s[start:i]), Start: start, End: i}, nil
	}
	var b strings.Builder
	i := start
	for i < len(s) && s[i] != '<' {
		switch c := s[i]; {
		case c == '&':
			r, n, err := t.reference(i)
			if err != nil {
				return Token{}, err
			}
			b.WriteString(r)
			i = n
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c == ']' && strings.HasPrefix(s[i:], "]]>"):
			return Token{}, t.errAt(i, "']]>' is not allowed in character data.")
		default:
			n, err := t.char(i)
			if err != nil {
				return Token{}, err
			}
			b.WriteString(s[i:n])
			i = n
		}
	}
	t.pos = i
	return Token{Kind: Text, Data: b.String(), Start: start, End: i}, nil
}

// char checks the character at i, which may stand in text, and returns
// the offset after it.
func (t *Tokenizer) char(i int) (int, error) {
	c := t.src[i]
	if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
		if c < utf8.RuneSelf {
			return i + 1, nil
		}
		r, n := utf8.DecodeRuneInString(t.src[i:])
		if r == 0xFFFE || r == 0xFFFF {
			return 0, t.invalidChar(i, r)
		}
		return i + n, nil
	}
	return 0, t.invalidChar(i, rune(c))
}

func (t *Tokenizer) invalidChar(i int, r rune) error {
	return t.errAt(i, "'%s', hexadecimal value %s, is an invalid character.", charText(r), hex(r))
}

// reference decodes the entity or character reference at s[i] == '&'
// and returns its text and the offset after its ';'.
func (t *Tokenizer) reference(i int) (string, int, error) {
	s := t.src
	if i+1 < len(s) && s[i+1] == '#' {
		return t.charRef(i)
	}
	end := t.nameEnd(i+1, true)
	if end == i+1 {
		return "", 0, t.errAt(i+1, "An error occurred while parsing EntityName.")
	}
	if end >= len(s) || s[end] != ';' {
		return "", 0, t.unexpected(end, "';'")
	}
	name := s[i+1 : end]
	var r string
	switch name {
	case "lt":
		r = "<"
	case "gt":
		r = ">"
	case "amp":
		r = "&"
	case "apos":
		r = "'"
	case "quot":
		r = `"`
	default:
		return "", 0, t.errAt(i+1, "Reference to undeclared entity '%s'.", name)
	}
	return r, end + 1, nil
}

// charRef decodes &#N; or &#xN; at s[i].
func (t *Tokenizer) charRef(i int) (string, int, error) {
	s := t.src
	j, base, msg := i+2, 10, "Invalid syntax for a decimal numeric entity reference."
	if j < len(s) && s[j] == 'x' {
		j, base, msg = j+1, 16, "Invalid syntax for a hexadecimal numeric entity reference."
	}
	digits := j
	v := 0
	for ; j < len(s); j++ {
		d := digitValue(s[j], base)
		if d < 0 {
			break
		}
		if v = v*base + d; v > 0x7FFFFFFF {
			return "", 0, t.errAt(j, "Invalid value of a character entity reference.")
		}
	}
	if j >= len(s) {
		return "", 0, t.errAt(j, "Unexpected end of file has occurred.")
	}
	if s[j] != ';' || j == digits {
		return "", 0, t.errAt(j, "%s", msg)
	}
	r := rune(v)
	if r > utf8.MaxRune || r >= 0xD800 && r <= 0xDFFF {
		return "", 0, t.errAt(digits, "'%s', hexadecimal value %s, is an invalid character.", charText(r), hex(r))
	}
	return string(r), j + 1, nil
}

func digitValue(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// startTag reads <name attr="value" ...> or <name .../>.
func (t *Tokenizer) startTag(start int) (Token, error) {
	s := t.src
	at := start + 1
	if len(t.stack) == 0 && t.root {
		return Token{}, t.errAt(at, "There are multiple root elements.")
	}
	name, i, err := t.qname(at)
	if err != nil {
		return Token{}, err
	}
	tok := Token{Kind: StartElement, Name: name, Start: start}
	var names []int // offsets of the attribute names
	for {
		ws := i
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return Token{}, t.unclosed()
		}
		c := s[i]
		if c == '>' {
			i++
			break
		}
		if c == '/' {
			if i+1 >= len(s) {
				return Token{}, t.unclosed()
			}
			if s[i+1] != '>' {
				return Token{}, t.unexpected(i+1, "'>'")
			}
			tok.SelfClosing = true
			i += 2
			break
		}
		if i == ws && len(names) == 0 && ws == at+len(name) {
			return Token{}, t.badChar(i)
		}
		if !isNameStart(t.runeAt(i)) {
			return Token{}, t.badStart(i)
		}
		if i == ws {
			return Token{}, t.unexpectedWS(i)
		}
		a, err := t.attr(i, &tok)
		if err != nil {
			return Token{}, err
		}
		names = append(names, i)
		i = a
	}
	tok.End = i
	t.pos = i
	t.root = true
	if err := t.push(tok, at, names); err != nil {
		return Token{}, err
	}
	if tok.SelfClosing {
		t.pending = &Token{Kind: EndElement, Name: name, Start: i, End: i}
	}
	return tok, nil
}

// attr reads one attribute, name="value", at i into tok and returns the
// offset after its closing quote.
func (t *Tokenizer) attr(i int, tok *Token) (int, error) {
	s := t.src
	name, j, err := t.qname(i)
	if err != nil {
		return 0, err
	}
	if t.duplicate(tok, name) {
		return 0, t.errAt(i, "'%s' is a duplicate attribute name.", name)
	}
	j = t.skipSpace(j)
	if j >= len(s) {
		return 0, t.unclosed()
	}
	if s[j] != '=' {
		return 0, t.unexpected(j, "'='")
	}
	j = t.skipSpace(j + 1)
	if j >= len(s) {
		return 0, t.unclosed()
	}
	q := s[j]
	if q != '"' && q != '\'' {
		return 0, t.unexpected(j, `'"' or '''`)
	}
	var b strings.Builder
	for j++; ; {
		if j >= len(s) {
			return 0, t.errAt(j, "There is an unclosed literal string.")
		}
		switch c := s[j]; c {
		case q:
			tok.Attrs = append(tok.Attrs, Attr{Name: name, Value: b.String()})
			return j + 1, nil
		case '<':
			return 0, t.errAt(j, "'<', hexadecimal value 0x3C, is an invalid attribute character.")
		case '&':
			r, n, err := t.reference(j)
			if err != nil {
				return 0, err
			}
			b.WriteString(r)
			j = n
		case '\r', '\n', '\t':
			b.WriteByte(' ')
			j++
			if c == '\r' && j < len(s) && s[j] == '\n' {
				j++
			}
		default:
			n, err := t.char(j)
			if err != nil {
				return 0, err
			}
			b.WriteString(s[j:n])
			j = n
		}
	}
}

// duplicate reports whether tok already has an attribute named name.
// Past a few attributes it keeps their names in a set, so that a tag
// with very many attributes is not checked in quadratic time.
func (t *Tokenizer) duplicate(tok *Token, name string) bool {
	if len(tok.Attrs) < 16 {
		for _, a := range tok.Attrs {
			if a.Name == name {
				return true
			}
		}
		return false
	}
	if t.seenIn != tok.Start || t.seen == nil {
		t.seen, t.seenIn = make(map[string]bool, 2*len(tok.Attrs)), tok.Start
		for _, a := range tok.Attrs {
			t.seen[a.Name] = true
		}
	}
	dup := t.seen[name]
	t.seen[name] = true
	return dup
}

// push opens the element tok, checking its namespace declarations and
// that its prefixes and its attributes' are declared.
func (t *Tokenizer) push(tok Token, at int, names []int) error {
	e := open{name: tok.Name, at: at}
	for k, a := range tok.Attrs {
		p, ok := strings.CutPrefix(a.Name, "xmlns:")
		if !ok {
			continue
		}
		if a.Value == "" {
			// .NET points at the opening quote of the empty value.
			q := strings.IndexAny(t.src[names[k]:], `"'`)
			return t.errAt(names[k]+q, "Invalid namespace declaration.")
		}
		if t.ns == nil {
			t.ns = map[string]int{}
		}
		t.ns[p]++
		e.prefix = append(e.prefix, p)
	}
	t.stack = append(t.stack, e)
	if p := prefix(tok.Name); !t.declared(p) {
		return t.errAt(at, "'%s' is an undeclared prefix.", p)
	}
	for k, a := range tok.Attrs {
		if p := prefix(a.Name); p != "xmlns" && !t.declared(p) {
			return t.errAt(names[k], "'%s' is an undeclared prefix.", p)
		}
	}
	return nil
}

func (t *Tokenizer) declared(p string) bool {
	return p == "" || p == "xml" || p == "xmlns" || t.ns[p] > 0
}

func (t *Tokenizer) pop() {
	e := t.stack[len(t.stack)-1]
	for _, p := range e.prefix {
		t.ns[p]--
	}
	t.stack = t.stack[:len(t.stack)-1]
}

func prefix(name string) string {
	if k := strings.IndexByte(name, ':'); k >= 0 {
		return name[:k]
	}
	return ""
}

// endTag reads </name>, which must close the innermost open element.
func (t *Tokenizer) endTag(start int) (Token, error) {
	s := t.src
	at := start + 2
	if len(t.stack) == 0 {
		return Token{}, t.errAt(at, "Unexpected end tag.")
	}
	if at >= len(s) {
		return Token{}, t.unclosed()
	}
	name, i, err := t.qname(at)
	if err != nil {
		return Token{}, err
	}
	top := t.stack[len(t.stack)-1]
	if name != top.name {
		line, pos := t.position(top.at)
		return Token{}, t.errAt(at, "The '%s' start tag on line %d position %d does not match the end tag of '%s'.", top.name, line, pos, name)
	}
	i = t.skipSpace(i)
	if i >= len(s) {
		return Token{}, t.unclosed()
	}
	if s[i] != '>' {
		return Token{}, t.unexpected(i, "'>'")
	}
	t.pop()
	t.pos = i + 1
	return Token{Kind: EndElement, Name: name, Start: start, End: i + 1}, nil
}

// procInst reads <?target body?>, or the XML declaration at the start.
func (t *Tokenizer) procInst(start int) (Token, error) {
	s := t.src
	at := start + 2
	end := t.nameEnd(at, true)
	if end == at {
		if at >= len(s) {
			return Token{}, t.errAt(at, "Unexpected end of file while parsing Name has occurred.")
		}
		return Token{}, t.badStart(at)
	}
	target := s[at:end]
	if strings.EqualFold(target, "xml") {
		if target != "xml" {
			return Token{}, t.errAt(at, "'%s' is an invalid name for processing instructions.", target)
		}
		if start != t.begin {
			return Token{}, t.errAt(at, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it.")
		}
		return t.declaration(start, end)
	}
	i := t.skipSpace(end)
	if i == end && !strings.HasPrefix(s[i:], "?>") {
		if i >= len(s) {
			return Token{}, t.errAt(i, "Unexpected end of file while parsing PI has occurred.")
		}
		return Token{}, t.badChar(i)
	}
	body, next, err := t.until(i, "?>", "PI")
	if err != nil {
		return Token{}, err
	}
	t.pos = next
	return Token{Kind: ProcInst, Name: target, Data: body, Start: start, End: next}, nil
}

// declaration reads the pseudo-attributes of <?xml ...?>: version="1.0",
// then optionally encoding, then optionally standalone="yes" or "no".
func (t *Tokenizer) declaration(start, i int) (Token, error) {
	s := t.src
	body := t.skipSpace(i)
	pseudo := []string{"version", "encoding", "standalone"}
	next := 0 // the first of pseudo still allowed
	for {
		j := t.skipSpace(i)
		if strings.HasPrefix(s[j:], "?>") {
			if next == 0 {
				return Token{}, t.errAt(j, "Syntax for an XML declaration is invalid.")
			}
			t.pos = j + 2
			return Token{Kind: ProcInst, Name: "xml", Data: normalizeEOL(s[body:i]), Start: start, End: j + 2}, nil
		}
		if j >= len(s) {
			return Token{}, t.unclosed()
		}
		if s[j] == '?' {
			return Token{}, t.unexpected(j+1, "'>'")
		}
		if j == i && next > 0 {
			return Token{}, t.unexpected(j, "'?>'")
		}
		end := t.nameEnd(j, true)
		k := next
		for k < len(pseudo) && pseudo[k] != s[j:end] {
			k++
		}
		if k == len(pseudo) || next == 0 && k > 0 {
			return Token{}, t.errAt(j, "Syntax for an XML declaration is invalid.")
		}
		next = k + 1
		q := t.skipSpace(end)
		if q >= len(s) || s[q] != '=' {
			return Token{}, t.unexpected(q, "'='")
		}
		if q = t.skipSpace(q + 1); q >= len(s) || s[q] != '"' && s[q] != '\'' {
			return Token{}, t.unexpected(q, `'"' or '''`)
		}
		n := strings.IndexByte(s[q+1:], s[q])
		if n < 0 {
			return Token{}, t.errAt(len(s), "There is an unclosed literal string.")
		}
		switch v := s[q+1 : q+1+n]; {
		case strings.ContainsAny(v, "<&\r\n\t"), k == 2 && v != "yes" && v != "no":
			return Token{}, t.errAt(q, "Syntax for an XML declaration is invalid.")
		case k == 0 && v != "1.0":
			return Token{}, t.errAt(q+1, "Version number '%s' is invalid.", v)
		}
		i = q + n + 2
	}
}

// bang reads what starts with <!: a comment, a CDATA section or a DOCTYPE.
func (t *Tokenizer) bang(start int) (Token, error) {
	s := t.src
	i := start + 2
	if i >= len(s) {
		return Token{}, t.unclosed()
	}
	switch {
	case s[i] == '-':
		if i+1 >= len(s) {
			return Token{}, t.unclosed()
		}
		if s[i+1] != '-' {
			return Token{}, t.unexpected(i+1, "'-'")
		}
		return t.comment(start, i+2)
	case s[i] == '[':
		if len(t.stack) == 0 {
			return Token{}, t.errAt(start, "Data at the root level is invalid.")
		}
		if !strings.HasPrefix(s[i+1:], "CDATA[") {
			if len(s)-(i+1) < 6 {
				return Token{}, t.unclosed()
			}
			return Token{}, t.unexpected(i+1, "'CDATA['")
		}
		body, next, err := t.until(i+7, "]]>", "CDATA")
		if err != nil {
			return Token{}, err
		}
		t.pos = next
		return Token{Kind: CDATA, Data: body, Start: start, End: next}, nil
	case len(t.stack) > 0:
		if t.tokenAt(i) == "DOCTYPE" {
			return Token{}, t.errAt(i, "Unexpected DTD declaration.")
		}
		return Token{}, t.unexpected(i, "'<!--' or '<[CDATA['")
	}
	return t.doctype(start)
}

// comment reads the rest of <!--...-->, which may not hold "--".
func (t *Tokenizer) comment(start, i int) (Token, error) {
	s := t.src
	body, next, err := t.until(i, "-->", "Comment")
	if err != nil {
		return Token{}, err
	}
	if k := strings.Index(s[i:next-2], "--"); k >= 0 {
		return Token{}, t.errAt(i+k, "An XML comment cannot contain '--', and '-' cannot be the last character.")
	}
	t.pos = next
	return Token{Kind: Comment, Data: body, Start: start, End: next}, nil
}

// until reads from i to the terminator stop, checking each character;
// what names the construct in the end-of-file error.
func (t *Tokenizer) until(i int, stop, what string) (string, int, error) {
	s := t.src
	k := strings.Index(s[i:], stop)
	if k < 0 {
		return "", 0, t.errAt(len(s), "Unexpected end of file while parsing %s has occurred.", what)
	}
	for j := i; j < i+k; {
		n, err := t.char(j)
		if err != nil {
			return "", 0, err
		}
		j = n
	}
	return normalizeEOL(s[i : i+k]), i + k + len(stop), nil
}

// doctype reads <!DOCTYPE name ...> before the root element as a
// Directive. What follows the name (an external ID, an internal subset
// in [...]) is skipped over, quoted literals, comments and processing
// instructions whole.
func (t *Tokenizer) doctype(start int) (Token, error) {
	s := t.src
	i := start + 2
	if t.ProhibitDTD {
		return Token{}, &SyntaxError{Msg: "For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method.", Offset: start}
	}
	if !strings.HasPrefix(s[i:], "DOCTYPE") {
		if len(s)-i < 8 {
			return Token{}, t.errAt(len(s), "Unexpected end of file while parsing DOCTYPE has occurred.")
		}
		if t.root || t.dtd {
			return Token{}, t.unexpected(i, "'<!--'")
		}
		return Token{}, t.unexpected(i, "'DOCTYPE'")
	}
	if i+7 >= len(s) || !isSpace(s[i+7]) {
		return Token{}, t.unexpectedWS(i + 7)
	}
	if t.dtd {
		return Token{}, t.errAt(start, "Cannot have multiple DTDs.")
	}
	if t.root {
		return Token{}, t.errAt(start, "DTD must be defined before the document root element.")
	}
	_, j, err := t.qname(t.skipSpace(i + 8))
	if err != nil {
		return Token{}, err
	}
	for subset := false; j < len(s); j++ {
		var stop string
		switch c := s[j]; {
		case c == '>' && !subset:
			t.dtd, t.pos = true, j+1
			return Token{Kind: Directive, Data: s[start+2 : j], Start: start, End: j + 1}, nil
		case c == '[' || c == ']':
			subset = c == '['
		case c == '"' || c == '\'':
			stop = s[j : j+1]
		case subset && strings.HasPrefix(s[j:], "<!--"):
			stop = "-->"
		case subset && strings.HasPrefix(s[j:], "<?"):
			stop = "?>"
		}
		if stop != "" {
			k := strings.Index(s[j+1:], stop)
			if k < 0 {
				break
			}
			j += k + len(stop) // the loop steps past the stop
		}
	}
	return Token{}, t.errAt(len(s), "Unexpected end of file while parsing DOCTYPE has occurred.")
}

// qname reads a qualified name (NCName or NCName:NCName) at i and
// returns it with the offset after it.
func (t *Tokenizer) qname(i int) (string, int, error) {
	s := t.src
	if i >= len(s) {
		return "", 0, t.errAt(i, "Unexpected end of file while parsing Name has occurred.")
	}
	if !isNameStart(t.runeAt(i)) {
		return "", 0, t.badStart(i)
	}
	end := t.nameEnd(i, false)
	if end < len(s) && s[end] == ':' {
		if end+1 >= len(s) {
			return "", 0, t.errAt(end+1, "Unexpected end of file while parsing Name has occurred.")
		}
		if !isNameStart(t.runeAt(end + 1)) {
			return "", 0, t.badStart(end + 1)
		}
		end = t.nameEnd(end+1, false)
		if end < len(s) && s[end] == ':' {
			return "", 0, t.badChar(end)
		}
	}
	return s[i:end], end, nil
}

// nameEnd returns the end of the name characters from i (none when the
// first is not a name's start); colons count when colon is set.
func (t *Tokenizer) nameEnd(i int, colon bool) int {
	s := t.src
	for j := i; j < len(s); {
		r, n := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
		if !(isNameChar(r) || colon && r == ':') || j == i && !(isNameStart(r) || colon && r == ':') {
			return j
		}
		j += n
	}
	return len(s)
}

func (t *Tokenizer) runeAt(i int) rune {
	r, _ := utf8.DecodeRuneInString(t.src[i:])
	return r
}

func (t *Tokenizer) skipSpace(i int) int {
	for i < len(t.src) && isSpace(t.src[i]) {
		i++
	}
	return i
}

// tokenAt is the token .NET quotes as unexpected at i: a run of name
// characters, or the one character there.
func (t *Tokenizer) tokenAt(i int) string {
	end := i
	for end < len(t.src) {
		r, n := utf8.DecodeRuneInString(t.src[end:])
		if !isNameChar(r) {
			break
		}
		end += n
	}
	if end == i && i < len(t.src) {
		_, n := utf8.DecodeRuneInString(t.src[i:])
		end += n
	}
	return t.src[i:end]
}

func (t *Tokenizer) unexpected(i int, want string) error {
	if i >= len(t.src) {
		return t.unclosed()
	}
	return t.errAt(i, "'%s' is an unexpected token. The expected token is %s.", t.tokenAt(i), want)
}

func (t *Tokenizer) unexpectedWS(i int) error {
	if i >= len(t.src) {
		return t.unclosed()
	}
	return t.errAt(i, "'%s' is an unexpected token. Expecting whitespace.", t.tokenAt(i))
}

func (t *Tokenizer) badChar(i int) error {
	r := t.runeAt(i)
	return t.errAt(i, "The '%s' character, hexadecimal value %s, cannot be included in a name.", charText(r), hex(r))
}

func (t *Tokenizer) badStart(i int) error {
	r := t.runeAt(i)
	return t.errAt(i, "Name cannot begin with the '%s' character, hexadecimal value %s.", charText(r), hex(r))
}

// unclosed is the end-of-file error inside the root element, naming the
// open elements innermost first.
func (t *Tokenizer) unclosed() error {
	if len(t.stack) == 0 {
		return t.errAt(len(t.src), "Unexpected end of file has occurred.")
	}
	names := make([]string, len(t.stack))
	for k, e := range t.stack {
		names[len(names)-1-k] = e.name
	}
	return t.errAt(len(t.src), "Unexpected end of file has occurred. The following elements are not closed: %s.", strings.Join(names, ", "))
}

func (t *Tokenizer) errAt(off int, format string, a ...any) error {
	line, pos := t.position(off)
	return &SyntaxError{Msg: fmt.Sprintf(format, a...), Offset: off, Line: line, Pos: pos}
}

// position is .NET's line and position of the byte offset off: lines
// end at "\n", "\r\n" or "\r"; positions count UTF-16 units from 1.
func (t *Tokenizer) position(off int) (line, pos int) {
	line, pos = 1, 1
	s := t.src[:min(off, len(t.src))]
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n' || c == '\r' && (i+1 >= len(t.src) || t.src[i+1] != '\n'):
			line, pos = line+1, 1
		case c == '\r':
		case c >= 0xF0:
			pos += 2 // outside the BMP: a surrogate pair
		case c&0xC0 != 0x80:
			pos++
		}
	}
	if off > len(t.src) {
		pos += off - len(t.src)
	}
	return line, pos
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isNameStart is XML 1.0 (Fifth Edition) NameStartChar without ':'.
func isNameStart(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
	case r == utf8.RuneError:
		return false
	}
	return r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r == 0x200C || r == 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// isNameChar is XML 1.0 (Fifth Edition) NameChar without ':'.
func isNameChar(r rune) bool {
	return isNameStart(r) || r >= '0' && r <= '9' || r == '-' || r == '.' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r == 0x203F || r == 0x2040
}

// normalizeEOL turns "\r\n" and a lone "\r" into "\n".
func normalizeEOL(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// charText is how .NET quotes a character in an error: NUL as ".".
func charText(r rune) string {
	if r == 0 {
		return "."
	}
	return string(r)
}

// hex is .NET's "0x{0:X2}" of a character.
func hex(r rune) string { return fmt.Sprintf("0x%02X", r) }
