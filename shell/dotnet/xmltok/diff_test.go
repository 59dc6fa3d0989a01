package xmltok

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// stdlibTokens lists the tokens encoding/xml's RawToken reads from src in
// render's notation, start elements without the self-closing mark and
// adjacent character data joined; ok is whether encoding/xml's strict
// Decoder.Token (which also matches end tags) accepts the document.
func stdlibTokens(src string) (toks string, ok bool) {
	var out []string
	d := xml.NewDecoder(strings.NewReader(src))
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return strings.Join(out, " "), false
		}
		switch t := t.(type) {
		case xml.StartElement:
			s := "S(" + qualified(t.Name)
			for _, a := range t.Attr {
				s += " " + qualified(a.Name) + "=" + a.Value
			}
			out = append(out, s+")")
		case xml.EndElement:
			out = append(out, "E("+qualified(t.Name)+")")
		case xml.CharData:
			if k := len(out) - 1; k >= 0 && strings.HasPrefix(out[k], "T(") {
				out[k] = out[k][:len(out[k])-1] + string(t) + ")"
			} else {
				out = append(out, "T("+string(t)+")")
			}
		case xml.Comment:
			out = append(out, "!("+string(t)+")")
		case xml.ProcInst:
			out = append(out, "?("+t.Target+"|"+string(t.Inst)+")")
		case xml.Directive:
			out = append(out, "D("+string(t)+")")
		}
	}
	d = xml.NewDecoder(strings.NewReader(src))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return strings.Join(out, " "), true
		}
		if err != nil {
			return strings.Join(out, " "), false
		}
	}
}

func qualified(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// ourTokens is render's list in stdlibTokens' notation.
func ourTokens(src string) (string, error) {
	got, err := render(src)
	var out []string
	for _, f := range splitTokens(got) {
		f = strings.Replace(f, "S/(", "S(", 1)
		if strings.HasPrefix(f, "C(") {
			f = "T(" + f[2:]
		}
		if k := len(out) - 1; k >= 0 && strings.HasPrefix(f, "T(") && strings.HasPrefix(out[k], "T(") {
			out[k] = out[k][:len(out[k])-1] + f[2:]
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " "), err
}

// splitTokens splits render's output at the spaces between tokens (a
// token ends with ")" and the next begins with a kind letter and "(").
func splitTokens(s string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] == ')' && s[i+1] == ' ' && isTokenStart(s[i+2:]) {
			out = append(out, s[start:i+1])
			start = i + 2
		}
	}
	if s != "" {
		out = append(out, s[start:])
	}
	return out
}

func isTokenStart(s string) bool {
	for _, p := range []string{"S(", "S/(", "E(", "T(", "C(", "!(", "?(", "D("} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Well-formed documents read the same with encoding/xml and xmltok.
var wellFormed = []string{
	`<a/>`,
	`<a></a>`,
	`<a x="1" y='2'>text</a>`,
	`<?xml version="1.0" encoding="utf-8"?>` + "\n<r>\n  <c k=\"v\">one</c>\n  <c/>\n</r>\n",
	`<r a="&lt;&amp;&gt;&apos;&quot;">&lt;&amp;&gt;&apos;&quot;&#65;&#x42;&#x1F600;</r>`,
	`<r><![CDATA[<not> &markup;]]>tail</r>`,
	`<r><!-- a comment --><?target the body ?><?empty?></r>`,
	`<!DOCTYPE r [<!ELEMENT r (#PCDATA)><!ATTLIST r a CDATA "x">]><r/>`,
	`<!DOCTYPE r SYSTEM "r.dtd"><r/>`,
	`<p:r xmlns:p="urn:p" xmlns="urn:d" p:a="1"><p:c/><d/></p:r>`,
	"<r>line\r\nbreak\rand\nmore</r>",
	"<r\n  a='1'\n  b=\"2\"\n></r\n>",
	"<é ñ='ü'>日本語 \U0001F600</é>",
	`<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS><I32 N="a">1</I32><S N="b">two_x000A_</S></MS></Obj></Objs>`,
	"  <r/>  <!--after-->\n",
	`<r><a><b><c>deep</c></b></a></r>`,
	`<r a="]]>"/>`,
	`<r>a]b]]c</r>`,
}

func TestDifferentialWellFormed(t *testing.T) {
	t.Parallel()
	for _, src := range wellFormed {
		want, ok := stdlibTokens(src)
		if !ok {
			t.Errorf("%q: encoding/xml rejects a document of the well-formed corpus", src)
			continue
		}
		got, err := ourTokens(src)
		if err != nil || got != want {
			t.Errorf("%q:\n xmltok       %s (%v)\n encoding/xml %s", src, got, err, want)
		}
	}
}

// Malformed documents are refused by both.
var malformed = []string{
	`<a>`,
	`<a><b></a>`,
	`<a></b>`,
	`</a>`,
	`<a x=1/>`,
	`<a x="<"/>`,
	`<a>&foo;</a>`,
	`<a>&amp</a>`,
	`<a>& b</a>`,
	`<a>&#xZ;</a>`,
	`<a>&#12a;</a>`,
	`<a><!-- x -- y --></a>`,
	`<a><![CDATA[x</a>`,
	"<a>\x01</a>",
	`<1/>`,
	`<a!/>`,
	`<a></a`,
	`<a x="1`,
	`<a><?pi x`,
	`<a><!-- x`,
}

func TestDifferentialMalformed(t *testing.T) {
	t.Parallel()
	for _, src := range malformed {
		if _, ok := stdlibTokens(src); ok {
			t.Errorf("%q: encoding/xml accepts a document of the malformed corpus", src)
		}
		if _, err := ourTokens(src); err == nil {
			t.Errorf("%q: xmltok accepts it", src)
		}
	}
}

// Where .NET and encoding/xml disagree, xmltok does as .NET's
// XmlReader does.
func TestDifferencesFromEncodingXML(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src    string
		dotnet string // xmltok's (.NET's) tokens, or its error
		why    string
	}{
		{``, "Root element is missing.", "a document needs a root element"},
		{`text`, "Data at the root level is invalid. Line 1, position 1.", "no text outside the root element"},
		{`<a/><b/>`, "There are multiple root elements. Line 1, position 6.", "one root element"},
		{`<p:a/>`, "'p' is an undeclared prefix. Line 1, position 2.", "prefixes must be declared"},
		{`<a>]]></a>`, "']]>' is not allowed in character data. Line 1, position 4.", "]]> only ends a CDATA section"},
		{` <?xml version="1.0"?><a/>`, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it. Line 1, position 4.", "the declaration comes first"},
		{`<a><!DOCTYPE a></a>`, "Unexpected DTD declaration. Line 1, position 6.", "a DOCTYPE only before the root"},
		{`<a x="1" x="2"/>`, "'x' is a duplicate attribute name. Line 1, position 10.", "attribute names are unique"},
		{`<a x="1"y="2"/>`, "'y' is an unexpected token. Expecting whitespace. Line 1, position 9.", "white space between attributes"},
		{`<a>&#0;&#1;</a>`, "S(a) T(\x00\x01) E(a)", "CheckCharacters=false takes any character reference"},
		{"<a x='1\n\t2'/>", "S(a x=1  2) E(a)", "attribute values have their line breaks and tabs read as spaces"},
	} {
		got, err := ourTokens(c.src)
		if err != nil {
			got = err.Error()
		}
		if got != c.dotnet {
			t.Errorf("%q (%s):\n got  %s\n want %s", c.src, c.why, got, c.dotnet)
		}
		if std, ok := stdlibTokens(c.src); ok == (err == nil) && std == got {
			t.Errorf("%q: encoding/xml agrees now (%s); move it to the shared corpus", c.src, std)
		}
	}
}
