package xmldom

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAndSelect(t *testing.T) {
	t.Parallel()
	doc, err := Parse(`<?xml version="1.0"?><cfg><user name="ann" role="admin">Ann</user><user name="bob"/><!--note--></cfg>`)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ xpath, want string }{
		{"/cfg/user", "ann,bob"},
		{"//user[@role='admin']", "ann"},
		{"//user[last()]", "bob"},
		{"//user[2]/@name", "bob"},
		{"//nothing", ""},
	}
	for _, c := range cases {
		nodes, err := Select(doc, c.xpath)
		if err != nil {
			t.Fatalf("%s: %v", c.xpath, err)
		}
		var names []string
		for _, n := range nodes {
			if a := n.Attr("name"); a != nil {
				names = append(names, a.Value)
			} else {
				names = append(names, n.Value)
			}
		}
		if got := strings.Join(names, ","); got != c.want {
			t.Errorf("%s = %q; want %q", c.xpath, got, c.want)
		}
	}
	if got := doc.DocumentElement().OuterXML(); got != `<cfg><user name="ann" role="admin">Ann</user><user name="bob" /><!--note--></cfg>` {
		t.Errorf("OuterXML = %s", got)
	}
	if v, ok := doc.DocumentElement().AdaptedProperty("USER"); !ok || len(v.([]any)) != 2 {
		t.Errorf("adapter property user = %v, %v; want both users", v, ok)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"<a><b></a>", "The 'b' start tag on line 1 position 5 does not match the end tag of 'a'. Line 1, position 9."},
		{"<a/><b/>", "There are multiple root elements. Line 1, position 6."},
		{"text", "Data at the root level is invalid. Line 1, position 1."},
	} {
		if _, err := Parse(c.in); err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q) = %v; want %q", c.in, err, c.want)
		}
	}
	doc, _ := Parse("<a/>")
	var u *UnsupportedError
	if _, err := Select(doc, "a | b"); !errors.As(err, &u) {
		t.Errorf("a union is refused as unsupported; got %v", err)
	}
	if _, err := Select(doc, "//a[contains(x)]"); err == nil || errors.As(err, &u) {
		t.Errorf("a wrong argument count is an XPath error; got %v", err)
	}
}
