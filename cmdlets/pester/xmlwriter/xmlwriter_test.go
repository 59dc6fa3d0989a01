package xmlwriter

import "testing"

func TestWriter(t *testing.T) {
	t.Parallel()
	w := New()
	w.Start("a", "name", `x "y" & z`)
	w.Element("b", "1 < 2")
	w.Start("c")
	w.End()
	w.End()
	want := "\ufeff<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n" +
		"<a name=\"x &quot;y&quot; &amp; z\">\n  <b>1 &lt; 2</b>\n  <c />\n</a>"
	if got := w.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
