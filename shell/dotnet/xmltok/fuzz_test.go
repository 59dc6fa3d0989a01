package xmltok

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// tokens reads all of src, checking on the way that the tokenizer ends
// (each token but a self-closing tag's end consumes input), that tokens
// follow each other within the source and that a fault is a
// *SyntaxError inside it.
func tokens(t *testing.T, src string) ([]Token, error) {
	tz := New(src)
	var out []Token
	last := 0
	for steps := 0; ; steps++ {
		if steps > 2*len(src)+2 {
			t.Fatalf("%q: no end after %d tokens", src, steps)
		}
		tok, err := tz.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(src) {
				t.Fatalf("%q: error %#v", src, err)
			}
			return out, err
		}
		if tok.Start < last || tok.End < tok.Start || tok.End > len(src) {
			t.Fatalf("%q: token %+v after offset %d", src, tok, last)
		}
		if tok.End == tok.Start && tok.Kind != EndElement {
			t.Fatalf("%q: empty token %+v", src, tok)
		}
		last = tok.End
		out = append(out, tok)
	}
}

// write is the markup of a token stream that reads back as the same
// tokens: text and attribute values escaped, a self-closing tag kept so.
func write(toks []Token) string {
	var b strings.Builder
	depth := 0
	for k, tok := range toks {
		switch tok.Kind {
		case StartElement:
			depth++
			b.WriteString("<" + tok.Name)
			for _, a := range tok.Attrs {
				b.WriteString(" " + a.Name + `="` + escape(a.Value, true) + `"`)
			}
			if tok.SelfClosing {
				b.WriteString("/")
			}
			b.WriteString(">")
		case EndElement:
			depth--
			if k == 0 || !toks[k-1].SelfClosing {
				b.WriteString("</" + tok.Name + ">")
			}
		case Text:
			if depth == 0 { // white space around the root
				b.WriteString(tok.Data)
				continue
			}
			b.WriteString(escape(tok.Data, false))
		case CDATA:
			b.WriteString("<![CDATA[" + tok.Data + "]]>")
		case Comment:
			b.WriteString("<!--" + tok.Data + "-->")
		case ProcInst:
			b.WriteString("<?" + tok.Name + " " + tok.Data + "?>")
		case Directive:
			b.WriteString("<!" + tok.Data + ">")
		}
	}
	return b.String()
}

// escape writes s as text or an attribute value, bytes that are not
// UTF-8 as they are.
func escape(s string, attr bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteByte(s[i])
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && (attr || r != '\n' && r != '\t'), r == 0xFFFE, r == 0xFFFF:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// Any text either reads as tokens or fails with a positioned .NET error,
// never a panic or an endless loop; what reads, written back as markup,
// reads as the same tokens.
func FuzzTokenizer(f *testing.F) {
	for _, s := range append(append([]string{}, wellFormed...), malformed...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := tokens(t, src)
		if err != nil {
			return
		}
		again := write(toks)
		back, err := tokens(t, again)
		if err != nil {
			t.Fatalf("%q written back as %q: %v", src, again, err)
		}
		if len(back) != len(toks) {
			t.Fatalf("%q written back as %q: %d tokens, then %d", src, again, len(toks), len(back))
		}
		for k := range toks {
			a, b := toks[k], back[k]
			a.Start, a.End, b.Start, b.End = 0, 0, 0, 0
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Fatalf("%q written back as %q: token %d %+v, then %+v", src, again, k, a, b)
			}
		}
	})
}
