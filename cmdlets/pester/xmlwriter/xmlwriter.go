// Package xmlwriter writes the XML of Pester's test result files (NUnit
// and JUnit) byte for byte as .NET's XmlWriter does with Indent on.
package xmlwriter

import "strings"

// Writer writes XML as .NET's XmlWriter does with Indent on: a UTF-8
// byte-order mark and declaration, two spaces per level, elements with
// only text on one line, empty elements as <name />.
type Writer struct {
	b     strings.Builder
	stack []*xmlElem
}

type xmlElem struct {
	name     string
	open     bool // start tag not closed yet
	children bool
	text     bool
}

// New starts a document: the byte-order mark and the XML declaration.
func New() *Writer {
	w := &Writer{}
	w.b.WriteString("\ufeff<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>")
	return w
}

func (w *Writer) closeStart() {
	if n := len(w.stack); n > 0 && w.stack[n-1].open {
		w.b.WriteString(">")
		w.stack[n-1].open = false
	}
}

// Start opens an element with attributes given as name, value pairs.
func (w *Writer) Start(name string, attrs ...string) {
	w.closeStart()
	if n := len(w.stack); n > 0 {
		w.stack[n-1].children = true
	}
	indent := true
	for _, e := range w.stack {
		if e.text {
			indent = false
		}
	}
	if indent {
		w.b.WriteString("\n" + strings.Repeat("  ", len(w.stack)))
	}
	w.b.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + "=\"" + escapeAttr(attrs[i+1]) + "\"")
	}
	w.stack = append(w.stack, &xmlElem{name: name, open: true})
}

// Text writes escaped text inside the open element.
func (w *Writer) Text(s string) {
	if s == "" {
		return
	}
	w.closeStart()
	w.stack[len(w.stack)-1].text = true
	w.b.WriteString(escapeText(s))
}

// End closes the innermost open element (as <name /> when it is empty).
func (w *Writer) End() {
	n := len(w.stack)
	e := w.stack[n-1]
	w.stack = w.stack[:n-1]
	if e.open {
		w.b.WriteString(" />")
		return
	}
	if e.children && !e.text {
		w.b.WriteString("\n" + strings.Repeat("  ", len(w.stack)))
	}
	w.b.WriteString("</" + e.name + ">")
}

// Element writes <name attrs>text</name>.
func (w *Writer) Element(name, text string) {
	w.Start(name)
	w.Text(text)
	w.End()
}

func escapeAttr(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
	return r.Replace(s)
}

func escapeText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// String is the document written so far.
func (w *Writer) String() string { return w.b.String() }
