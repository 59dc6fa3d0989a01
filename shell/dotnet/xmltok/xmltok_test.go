package xmltok

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// render lists a document's tokens compactly: S(name a=v ...) for a start
// element (S/ when self-closing), E(name), T(text), C(cdata), !(comment),
// ?(target|body), D(directive).
func render(src string) (string, error) {
	tz := New(src)
	var out []string
	for {
		tok, err := tz.Next()
		if err == io.EOF {
			return strings.Join(out, " "), nil
		}
		if err != nil {
			return strings.Join(out, " "), err
		}
		out = append(out, tokenString(tok))
	}
}

func tokenString(tok Token) string {
	switch tok.Kind {
	case StartElement:
		s := "S(" + tok.Name
		if tok.SelfClosing {
			s = "S/(" + tok.Name
		}
		for _, a := range tok.Attrs {
			s += " " + a.Name + "=" + a.Value
		}
		return s + ")"
	case EndElement:
		return "E(" + tok.Name + ")"
	case Text:
		return "T(" + tok.Data + ")"
	case CDATA:
		return "C(" + tok.Data + ")"
	case Comment:
		return "!(" + tok.Data + ")"
	case ProcInst:
		return "?(" + tok.Name + "|" + tok.Data + ")"
	case Directive:
		return "D(" + tok.Data + ")"
	}
	return fmt.Sprintf("kind %d", tok.Kind)
}

func TestTokens(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{`<a/>`, `S/(a) E(a)`},
		{`<?xml version="1.0" encoding="utf-8" ?><r/>`, `?(xml|version="1.0" encoding="utf-8") S/(r) E(r)`},
		{"\uFEFF<?xml version='1.0'?><r/>", `?(xml|version='1.0') S/(r) E(r)`},
		{`<r a="1" b='x &amp; "y"'>t&lt;&#65;&#x42;&gt;&apos;&quot;</r>`, `S(r a=1 b=x & "y") T(t<AB>'") E(r)`},
		{`<r><![CDATA[<raw>&amp;]]]]></r>`, `S(r) C(<raw>&amp;]]) E(r)`},
		{`<r><!-- c - d --><?pi  body  ?><?e?></r>`, `S(r) !( c - d ) ?(pi|body  ) ?(e|) E(r)`},
		{`<p:r xmlns:p="urn:x" p:a="1"><p:c/></p:r>`, `S(p:r xmlns:p=urn:x p:a=1) S/(p:c) E(p:c) E(p:r)`},
		{`<r xml:lang="en"/>`, `S/(r xml:lang=en) E(r)`},
		{"<r>a\r\nb\rc</r>", "S(r) T(a\nb\nc) E(r)"},
		{"<r x='1\r\n\t2&#10;'/>", "S/(r x=1  2\n) E(r)"},
		{"<é ü='ö'>\U0001F600</é>", "S(é ü=ö) T(\U0001F600) E(é)"},
		{"<!DOCTYPE r [<!ENTITY e \"]>\"><!-- ] -->]>\n<r/>", "D(DOCTYPE r [<!ENTITY e \"]>\"><!-- ] -->]) T(\n) S/(r) E(r)"},
		{`<!DOCTYPE r PUBLIC "-//p" 'sys'><r/>`, `D(DOCTYPE r PUBLIC "-//p" 'sys') S/(r) E(r)`},
		{" <r > </r \n> <!--after-->\n", "T( ) S(r) T( ) E(r) T( ) !(after) T(\n)"},
		{`<r>&#0;&#x10FFFF;</r>`, "S(r) T(\x00\U0010FFFF) E(r)"},
	} {
		got, err := render(c.in)
		if err != nil || got != c.want {
			t.Errorf("%q:\n got %s (%v)\nwant %s", c.in, got, err, c.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	t.Parallel()
	src := `<a x="1">t<b/><!--c--></a>`
	tz := New(src)
	var got []string
	for {
		tok, err := tz.Next()
		if err != nil {
			break
		}
		got = append(got, fmt.Sprintf("%d-%d", tok.Start, tok.End))
	}
	if want := "0-9 9-10 10-14 14-14 14-22 22-26"; strings.Join(got, " ") != want {
		t.Errorf("offsets %s; want %s", strings.Join(got, " "), want)
	}
}

// The errors are .NET's XmlException texts (XmlDocument.LoadXml) with the
// line and position .NET gives.
func TestErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{``, "Root element is missing."},
		{" \n ", "Root element is missing."},
		{`<!--c-->`, "Root element is missing."},
		{`text`, "Data at the root level is invalid. Line 1, position 1."},
		{"\n  x<a/>", "Data at the root level is invalid. Line 2, position 3."},
		{`<a/>x`, "Data at the root level is invalid. Line 1, position 5."},
		{`<a/>&amp;`, "Data at the root level is invalid. Line 1, position 5."},
		{`<a`, "Data at the root level is invalid. Line 1, position 1."},
		{`<![CDATA[x]]><a/>`, "Data at the root level is invalid. Line 1, position 1."},
		{`<a/><b/>`, "There are multiple root elements. Line 1, position 6."},
		{`</a>`, "Unexpected end tag. Line 1, position 3."},
		{`<a><b></a>`, "The 'b' start tag on line 1 position 5 does not match the end tag of 'a'. Line 1, position 9."},
		{`<a></ab>`, "The 'a' start tag on line 1 position 2 does not match the end tag of 'ab'. Line 1, position 6."},
		{"<a>\r\n<b>\r\n</a>", "The 'b' start tag on line 2 position 2 does not match the end tag of 'a'. Line 3, position 3."},
		{`<a></ a>`, "Name cannot begin with the ' ' character, hexadecimal value 0x20. Line 1, position 6."},
		{`<a></a x>`, "'x' is an unexpected token. The expected token is '>'. Line 1, position 8."},
		{`<a><b>`, "Unexpected end of file has occurred. The following elements are not closed: b, a. Line 1, position 7."},
		{"<a>\n<b x='1'", "Unexpected end of file has occurred. The following elements are not closed: a. Line 2, position 9."},
		{`<a></a`, "Unexpected end of file has occurred. The following elements are not closed: a. Line 1, position 7."},
		{`<abc`, "Unexpected end of file has occurred. Line 1, position 5."},
		{`<1/>`, "Name cannot begin with the '1' character, hexadecimal value 0x31. Line 1, position 2."},
		{`<a!/>`, "The '!' character, hexadecimal value 0x21, cannot be included in a name. Line 1, position 3."},
		{`<a:b:c/>`, "The ':' character, hexadecimal value 0x3A, cannot be included in a name. Line 1, position 5."},
		{`<a:/>`, "Name cannot begin with the '/' character, hexadecimal value 0x2F. Line 1, position 4."},
		{`<a /x>`, "'x' is an unexpected token. The expected token is '>'. Line 1, position 5."},
		{`<a x="1" x="2"/>`, "'x' is a duplicate attribute name. Line 1, position 10."},
		{"<a\n  b='1'\n  b='2'/>", "'b' is a duplicate attribute name. Line 3, position 3."},
		{`<a x="<"/>`, "'<', hexadecimal value 0x3C, is an invalid attribute character. Line 1, position 7."},
		{`<a x=1/>`, `'1' is an unexpected token. The expected token is '"' or '''. Line 1, position 6.`},
		{`<a x "1"/>`, `'"' is an unexpected token. The expected token is '='. Line 1, position 6.`},
		{`<a x="1"y="2"/>`, "'y' is an unexpected token. Expecting whitespace. Line 1, position 9."},
		{`<a x="1" !/>`, "Name cannot begin with the '!' character, hexadecimal value 0x21. Line 1, position 10."},
		{`<a x="1`, "There is an unclosed literal string. Line 1, position 8."},
		{`<a><b x="1`, "There is an unclosed literal string. Line 1, position 11."},
		{`<p:a/>`, "'p' is an undeclared prefix. Line 1, position 2."},
		{`<a p:x="1"/>`, "'p' is an undeclared prefix. Line 1, position 4."},
		{`<a xmlns:p="u"/><!--x--><p:b/>`, "There are multiple root elements. Line 1, position 26."},
		{`<a><b xmlns:p="u"/><p:c/></a>`, "'p' is an undeclared prefix. Line 1, position 21."},
		{`<a xmlns:p=""/>`, "Invalid namespace declaration. Line 1, position 12."},
		{`<a>&foo;</a>`, "Reference to undeclared entity 'foo'. Line 1, position 5."},
		{`<a x="&foo;"/>`, "Reference to undeclared entity 'foo'. Line 1, position 8."},
		{`<a>& b</a>`, "An error occurred while parsing EntityName. Line 1, position 5."},
		{`<a>&amp</a>`, "'<' is an unexpected token. The expected token is ';'. Line 1, position 8."},
		{`<a>&#xZ;</a>`, "Invalid syntax for a hexadecimal numeric entity reference. Line 1, position 7."},
		{`<a>&#x;</a>`, "Invalid syntax for a hexadecimal numeric entity reference. Line 1, position 7."},
		{`<a>&#12a;</a>`, "Invalid syntax for a decimal numeric entity reference. Line 1, position 8."},
		{`<a>&#99999999999;</a>`, "Invalid value of a character entity reference. Line 1, position 15."},
		{`<a>&#1114112;</a>`, "'\uFFFD', hexadecimal value 0x110000, is an invalid character. Line 1, position 6."},
		{`<a>]]></a>`, "']]>' is not allowed in character data. Line 1, position 4."},
		{"<a>\x01</a>", "'\x01', hexadecimal value 0x01, is an invalid character. Line 1, position 4."},
		{"<a>\x00</a>", "'.', hexadecimal value 0x00, is an invalid character. Line 1, position 4."},
		{"<a>\uFFFE</a>", "'\uFFFE', hexadecimal value 0xFFFE, is an invalid character. Line 1, position 4."},
		{"<a>\U0001F600\x02</a>", "'\x02', hexadecimal value 0x02, is an invalid character. Line 1, position 6."},
		{`<a><!-- x -- y --></a>`, "An XML comment cannot contain '--', and '-' cannot be the last character. Line 1, position 11."},
		{`<a><!-- x ---></a>`, "An XML comment cannot contain '--', and '-' cannot be the last character. Line 1, position 11."},
		{`<a><!-x--></a>`, "'x--' is an unexpected token. The expected token is '-'. Line 1, position 7."},
		{`<a><!-- x`, "Unexpected end of file while parsing Comment has occurred. Line 1, position 10."},
		{`<a><![CDATA[x</a>`, "Unexpected end of file while parsing CDATA has occurred. Line 1, position 18."},
		{`<a><![CDAT[x]]></a>`, "'CDAT' is an unexpected token. The expected token is 'CDATA['. Line 1, position 7."},
		{`<a><!ELEMENT x></a>`, "'ELEMENT' is an unexpected token. The expected token is '<!--' or '<[CDATA['. Line 1, position 6."},
		{`<a><!DOCTYPE a></a>`, "Unexpected DTD declaration. Line 1, position 6."},
		{`<a/><!DOCTYPE a>`, "DTD must be defined before the document root element. Line 1, position 5."},
		{`<!DOCTYPE a><!DOCTYPE a><a/>`, "Cannot have multiple DTDs. Line 1, position 13."},
		{`<!DOCTYPEa><a/>`, "'a' is an unexpected token. Expecting whitespace. Line 1, position 10."},
		{`<!DOCTYPE a [ <a/>`, "Unexpected end of file while parsing DOCTYPE has occurred. Line 1, position 19."},
		{` <?xml version="1.0"?><a/>`, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it. Line 1, position 4."},
		{`<a/><?xml version="1.0"?>`, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it. Line 1, position 7."},
		{`<?XML version="1.0"?><a/>`, "'XML' is an invalid name for processing instructions. Line 1, position 3."},
		{`<?xml version="2.0"?><a/>`, "Version number '2.0' is invalid. Line 1, position 16."},
		{`<?xml encoding="utf-8"?><a/>`, "Syntax for an XML declaration is invalid. Line 1, position 7."},
		{`<?xml?><a/>`, "Syntax for an XML declaration is invalid. Line 1, position 6."},
		{`<?xml version="1.0"encoding="x"?><a/>`, "'encoding' is an unexpected token. The expected token is '?>'. Line 1, position 20."},
		{`<?xml version="1.0" standalone="maybe"?><a/>`, "Syntax for an XML declaration is invalid. Line 1, position 32."},
		{`<a><?pi</a>`, "The '<' character, hexadecimal value 0x3C, cannot be included in a name. Line 1, position 8."},
		{`<a><?pi x`, "Unexpected end of file while parsing PI has occurred. Line 1, position 10."},
		{`<a><? x?></a>`, "Name cannot begin with the ' ' character, hexadecimal value 0x20. Line 1, position 6."},
	} {
		_, err := render(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.in, err, c.want)
		}
		var se *SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Errorf("%q: %T is not a *SyntaxError", c.in, err)
		}
	}
}

// XmlReaderSettings' default DtdProcessing (Prohibit) refuses a DOCTYPE
// without a position.
func TestProhibitDTD(t *testing.T) {
	t.Parallel()
	tz := New(`<!DOCTYPE a><a/>`)
	tz.ProhibitDTD = true
	_, err := tz.Next()
	want := "For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method."
	if err == nil || err.Error() != want {
		t.Errorf("got %v; want %s", err, want)
	}
	if _, again := tz.Next(); again != err {
		t.Errorf("a later call returns %v; want the same error", again)
	}
}

// Hostile input is read in time and memory linear in its size: deep
// nesting (no recursion), a huge character reference, very many
// attributes on one tag.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	const n = 100000
	deep := strings.Repeat("<a>", n) + strings.Repeat("</a>", n)
	if got, err := render(deep); err != nil || strings.Count(got, "S(a)") != n {
		t.Errorf("deep nesting: %v", err)
	}
	if _, err := render("<a>&#" + strings.Repeat("9", n) + ";</a>"); err == nil || !strings.HasPrefix(err.Error(), "Invalid value of a character entity reference.") {
		t.Errorf("huge reference: %v", err)
	}
	var b strings.Builder
	b.WriteString("<a")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, " x%d='1'", i)
	}
	b.WriteString(" x7='2'/>")
	if _, err := render(b.String()); err == nil || !strings.HasPrefix(err.Error(), "'x7' is a duplicate attribute name.") {
		t.Errorf("many attributes: %v", err)
	}
}
