package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// This file holds the subset of OData $filter that directory queries use
// with Get-MgUser and Get-MgDirectoryDeletedItemAsUser:
//
//	userPrincipalName eq 'annb@contoso.com'
//	startswith(displayName,'a') and accountEnabled eq true
//	assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)
//	assignedLicenses/$count eq 0        (an advanced query in the service)
//
// Comparisons of strings ignore case, as the directory does.

// record is the view of a directory object a filter reads: lower-case
// property name → string, bool, nil, or []string for collections.
type record map[string]any

// predicate tests one record.
type predicate func(r record) bool

// filterError is a $filter the service rejects.
type filterError struct{ msg string }

func (e *filterError) Error() string { return e.msg }

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tString
	tOther // punctuation: ( ) , / :
)

type token struct {
	kind tokKind
	text string
	pos  int
}

func lexFilter(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '\'':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(s) {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(s[j])
				j++
			}
			if !closed {
				return nil, &filterError{fmt.Sprintf("Invalid filter clause: There is an unterminated string literal at position %d in '%s'.", i, s)}
			}
			out = append(out, token{tString, b.String(), i})
			i = j
		case strings.ContainsRune("(),/:", c):
			out = append(out, token{tOther, string(c), i})
			i++
		default:
			j := i
			for j < len(s) && !unicode.IsSpace(rune(s[j])) && !strings.ContainsRune("(),/:'", rune(s[j])) {
				j++
			}
			out = append(out, token{tIdent, s[i:j], i})
			i = j
		}
	}
	return append(out, token{tEOF, "", len(s)}), nil
}

type filterParser struct {
	src  string
	toks []token
	i    int
	// props are the known property names (lower case).
	props map[string]bool
}

// parseFilter compiles an OData filter over the given properties.
func parseFilter(src string, props map[string]bool) (predicate, error) {
	toks, err := lexFilter(src)
	if err != nil {
		return nil, err
	}
	p := &filterParser{src: src, toks: toks, props: props}
	pred, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tEOF {
		return nil, p.syntax()
	}
	return pred, nil
}

func (p *filterParser) peek() token { return p.toks[p.i] }
func (p *filterParser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *filterParser) syntax() error {
	return &filterError{fmt.Sprintf("Invalid filter clause: Syntax error at position %d in '%s'.", p.peek().pos, p.src)}
}

func (p *filterParser) isWord(w string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.text, w)
}

func (p *filterParser) expect(punct string) error {
	if t := p.peek(); t.kind == tOther && t.text == punct {
		p.i++
		return nil
	}
	return p.syntax()
}

func (p *filterParser) or() (predicate, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.isWord("or") {
		p.next()
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		l := left
		left = func(r record) bool { return l(r) || right(r) }
	}
	return left, nil
}

func (p *filterParser) and() (predicate, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.isWord("and") {
		p.next()
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		l := left
		left = func(r record) bool { return l(r) && right(r) }
	}
	return left, nil
}

func (p *filterParser) unary() (predicate, error) {
	if p.isWord("not") {
		p.next()
		inner, err := p.unary()
		if err != nil {
			return nil, err
		}
		return func(r record) bool { return !inner(r) }, nil
	}
	if t := p.peek(); t.kind == tOther && t.text == "(" {
		p.next()
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return inner, nil
	}
	return p.comparison()
}

func (p *filterParser) property() (string, error) {
	t := p.next()
	if t.kind != tIdent {
		return "", p.syntaxAt(t)
	}
	name := strings.ToLower(t.text)
	if !p.props[name] {
		return "", &filterError{fmt.Sprintf("Property '%s' does not exist as a declared property or extension property.", t.text)}
	}
	return name, nil
}

func (p *filterParser) syntaxAt(t token) error {
	return &filterError{fmt.Sprintf("Invalid filter clause: Syntax error at position %d in '%s'.", t.pos, p.src)}
}

// literal reads a string, boolean, null, number or GUID literal.
func (p *filterParser) literal() (any, error) {
	t := p.next()
	switch t.kind {
	case tString:
		return t.text, nil
	case tIdent:
		switch strings.ToLower(t.text) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		return t.text, nil // numbers and unquoted GUIDs compare as text
	}
	return nil, p.syntaxAt(t)
}

func (p *filterParser) comparison() (predicate, error) {
	t := p.peek()
	if t.kind == tIdent {
		switch fn := strings.ToLower(t.text); fn {
		case "startswith", "endswith":
			p.next()
			if err := p.expect("("); err != nil {
				return nil, err
			}
			prop, err := p.property()
			if err != nil {
				return nil, err
			}
			if err := p.expect(","); err != nil {
				return nil, err
			}
			lit, err := p.literal()
			if err != nil {
				return nil, err
			}
			if err := p.expect(")"); err != nil {
				return nil, err
			}
			want := strings.ToLower(fmt.Sprint(lit))
			return func(r record) bool {
				s, ok := r[prop].(string)
				if !ok {
					return false
				}
				s = strings.ToLower(s)
				if fn == "startswith" {
					return strings.HasPrefix(s, want)
				}
				return strings.HasSuffix(s, want)
			}, nil
		}
	}
	prop, err := p.property()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tOther && t.text == "/" {
		return p.collection(prop)
	}
	op := strings.ToLower(p.next().text)
	if op != "eq" && op != "ne" {
		return nil, &filterError{"Unsupported query."}
	}
	lit, err := p.literal()
	if err != nil {
		return nil, err
	}
	return func(r record) bool {
		eq := valuesEqual(r[prop], lit)
		if op == "ne" {
			return !eq
		}
		return eq
	}, nil
}

// collection parses prop/any(x:x/sub eq lit) and prop/$count eq n.
func (p *filterParser) collection(prop string) (predicate, error) {
	p.next() // "/"
	t := p.next()
	switch {
	case t.kind == tIdent && strings.EqualFold(t.text, "$count"):
		op := strings.ToLower(p.next().text)
		lit, err := p.literal()
		if err != nil {
			return nil, err
		}
		n := fmt.Sprint(lit)
		return func(r record) bool {
			items, _ := r[prop].([]string)
			eq := fmt.Sprint(len(items)) == n
			if op == "ne" {
				return !eq
			}
			return eq
		}, nil
	case t.kind == tIdent && strings.EqualFold(t.text, "any"):
		if err := p.expect("("); err != nil {
			return nil, err
		}
		v := p.next()
		if v.kind != tIdent {
			return nil, p.syntaxAt(v)
		}
		if err := p.expect(":"); err != nil {
			return nil, err
		}
		if x := p.next(); x.kind != tIdent || !strings.EqualFold(x.text, v.text) {
			return nil, p.syntaxAt(x)
		}
		// x alone (string collections) or x/member (assignedLicenses/skuId).
		if t := p.peek(); t.kind == tOther && t.text == "/" {
			p.next()
			p.next()
		}
		if op := strings.ToLower(p.next().text); op != "eq" {
			return nil, &filterError{"Unsupported query."}
		}
		lit, err := p.literal()
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		want := fmt.Sprint(lit)
		return func(r record) bool {
			items, _ := r[prop].([]string)
			for _, it := range items {
				if strings.EqualFold(it, want) {
					return true
				}
			}
			return false
		}, nil
	}
	return nil, p.syntaxAt(t)
}

func valuesEqual(have, want any) bool {
	switch w := want.(type) {
	case nil:
		if s, ok := have.(string); ok {
			return s == ""
		}
		return have == nil
	case bool:
		b, ok := have.(bool)
		return ok && b == w
	case string:
		switch h := have.(type) {
		case string:
			return strings.EqualFold(h, w)
		case bool:
			return strings.EqualFold(fmt.Sprint(h), w)
		}
	}
	return false
}
