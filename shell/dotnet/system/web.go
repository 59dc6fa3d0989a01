package system

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
)

// System.Net.WebUtility and System.Web.HttpUtility: the encoding of text
// for HTML reports and for URLs. HtmlEncode writes <, >, &, " and ' as
// entities and the characters from U+00A0 to U+00FF as numeric ones;
// UrlEncode keeps letters, digits and - _ . ! * ( ), writes a space as +
// and every other byte of the UTF-8 text as %XX (upper-case hex for
// WebUtility, lower-case for HttpUtility). The decoders undo them.

// HtmlEncode is WebUtility.HtmlEncode (ConvertTo-Html writes its cells
// with it too).
func HtmlEncode(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r >= 0xA0 && r <= 0xFF, r > 0xFFFF:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// urlSafe reports whether UrlEncode keeps a byte as it is.
func urlSafe(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.!*()", c) >= 0
}

// urlEncode is UrlEncode with the hex digits given.
func urlEncode(s, hex string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case urlSafe(c):
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// urlDecode is UrlDecode: + is a space, %XX a byte of the UTF-8 text; a
// % not followed by two hex digits stays as it is.
func urlDecode(s string) string {
	unhex := func(c byte) (byte, bool) {
		switch {
		case c >= '0' && c <= '9':
			return c - '0', true
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10, true
		case c >= 'A' && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '+' {
			out = append(out, ' ')
			continue
		}
		if c == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, c)
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD")
	}
	return string(out)
}

func declareWeb() {
	text := func(fn func(s string) string) *dotnet.Member {
		return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			if c.Arg(0) == nil {
				return nil, nil
			}
			return fn(c.Str(0)), nil
		})
	}
	members := func(hex string) dotnet.Members {
		return dotnet.Members{
			"HtmlEncode": text(HtmlEncode),
			"HtmlDecode": text(html.UnescapeString),
			"UrlEncode":  text(func(s string) string { return urlEncode(s, hex) }),
			"UrlDecode":  text(urlDecode),
		}
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Net.WebUtility", Static: members("0123456789ABCDEF")})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Web.HttpUtility", Assembly: "System.Web.HttpUtility", Static: members("0123456789abcdef")})
}
