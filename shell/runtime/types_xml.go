package runtime

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// [xml]: an XmlDocument parsed with encoding/xml into a node tree, with
// PowerShell's XML adapter (attributes and child elements read as
// properties, leaf elements as their text) and a subset of XPath for
// SelectNodes/SelectSingleNode.

const (
	xmlDocumentNode = iota
	xmlElementNode
	xmlAttributeNode
	xmlTextNode
	xmlCDataNode
	xmlCommentNode
	xmlDeclarationNode
	xmlProcInstNode
)

var xmlNodeTypeNames = []string{"Document", "Element", "Attribute", "Text", "CDATA", "Comment", "XmlDeclaration", "ProcessingInstruction"}

// xmlNode is one node of a document.
type xmlNode struct {
	kind     int
	name     string // qualified name (prefix:local) of elements and attributes
	value    string // text, attribute value, comment, declaration data
	attrs    []*xmlNode
	children []*xmlNode
	parent   *xmlNode
	empty    bool // element written as <a/>
}

func (n *xmlNode) localName() string {
	switch n.kind {
	case xmlDocumentNode:
		return "#document"
	case xmlTextNode:
		return "#text"
	case xmlCDataNode:
		return "#cdata-section"
	case xmlCommentNode:
		return "#comment"
	case xmlDeclarationNode:
		return "xml"
	}
	if i := strings.IndexByte(n.name, ':'); i >= 0 {
		return n.name[i+1:]
	}
	return n.name
}

func (n *xmlNode) nodeName() string {
	switch n.kind {
	case xmlElementNode, xmlAttributeNode, xmlProcInstNode:
		return n.name
	}
	return n.localName()
}

func (n *xmlNode) prefix() string {
	if i := strings.IndexByte(n.name, ':'); i >= 0 && (n.kind == xmlElementNode || n.kind == xmlAttributeNode) {
		return n.name[:i]
	}
	return ""
}

// namespaceURI resolves the node's prefix through xmlns declarations.
func (n *xmlNode) namespaceURI() string {
	if n.kind != xmlElementNode && n.kind != xmlAttributeNode {
		return ""
	}
	p := n.prefix()
	if n.kind == xmlAttributeNode && p == "" {
		return ""
	}
	attr := "xmlns"
	if p != "" {
		attr = "xmlns:" + p
	}
	for e := n; e != nil; e = e.parent {
		if n.kind == xmlAttributeNode && e == n {
			continue
		}
		for _, a := range e.attrs {
			if a.name == attr {
				return a.value
			}
		}
	}
	return ""
}

func (n *xmlNode) document() *xmlNode {
	for d := n; d != nil; d = d.parent {
		if d.kind == xmlDocumentNode {
			return d
		}
	}
	return nil
}

func (n *xmlNode) innerText() string {
	switch n.kind {
	case xmlTextNode, xmlCDataNode, xmlAttributeNode:
		return n.value
	case xmlCommentNode, xmlDeclarationNode, xmlProcInstNode:
		return n.value
	}
	var b strings.Builder
	var walk func(*xmlNode)
	walk = func(x *xmlNode) {
		for _, c := range x.children {
			switch c.kind {
			case xmlTextNode, xmlCDataNode:
				b.WriteString(c.value)
			case xmlElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func escapeXMLText(s string, attr bool) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
	}
	return r.Replace(s)
}

func (n *xmlNode) writeOuter(b *strings.Builder) {
	switch n.kind {
	case xmlDocumentNode:
		for _, c := range n.children {
			c.writeOuter(b)
		}
	case xmlElementNode:
		b.WriteString("<" + n.name)
		for _, a := range n.attrs {
			a.writeOuter(b)
		}
		if len(n.children) == 0 && n.empty {
			b.WriteString(" />")
			return
		}
		b.WriteString(">")
		for _, c := range n.children {
			c.writeOuter(b)
		}
		b.WriteString("</" + n.name + ">")
	case xmlAttributeNode:
		b.WriteString(" " + n.name + "=\"" + escapeXMLText(n.value, true) + "\"")
	case xmlTextNode:
		b.WriteString(escapeXMLText(n.value, false))
	case xmlCDataNode:
		b.WriteString("<![CDATA[" + n.value + "]]>")
	case xmlCommentNode:
		b.WriteString("<!--" + n.value + "-->")
	case xmlDeclarationNode:
		b.WriteString("<?xml " + n.value + "?>")
	case xmlProcInstNode:
		b.WriteString("<?" + n.name + " " + n.value + "?>")
	}
}

func (n *xmlNode) outerXML() string {
	var b strings.Builder
	n.writeOuter(&b)
	return b.String()
}

func (n *xmlNode) innerXML() string {
	var b strings.Builder
	if n.kind == xmlAttributeNode {
		return escapeXMLText(n.value, true)
	}
	for _, c := range n.children {
		c.writeOuter(&b)
	}
	return b.String()
}

func (n *xmlNode) typeName() string {
	switch n.kind {
	case xmlDocumentNode:
		return "System.Xml.XmlDocument"
	case xmlElementNode:
		return "System.Xml.XmlElement"
	case xmlAttributeNode:
		return "System.Xml.XmlAttribute"
	case xmlTextNode:
		return "System.Xml.XmlText"
	case xmlCDataNode:
		return "System.Xml.XmlCDataSection"
	case xmlCommentNode:
		return "System.Xml.XmlComment"
	case xmlDeclarationNode:
		return "System.Xml.XmlDeclaration"
	}
	return "System.Xml.XmlProcessingInstruction"
}

func (n *xmlNode) psType() *TypeInfo { return TypeByName(n.typeName()) }

// PSTypeName is the .NET type name.
func (n *xmlNode) PSTypeName() string { return n.typeName() }

// String is PowerShell's ToString of an XML node: its local name.
func (n *xmlNode) String() string { return n.localName() }

// adapterGroups are the XML adapter's properties: attributes and child
// nodes grouped by local name, case-insensitively, in document order.
func (n *xmlNode) adapterGroups() ([]string, map[string][]*xmlNode) {
	var order []string
	groups := map[string][]*xmlNode{}
	add := func(x *xmlNode) {
		key := strings.ToLower(x.localName())
		if _, ok := groups[key]; !ok {
			order = append(order, x.localName())
		}
		groups[key] = append(groups[key], x)
	}
	for _, a := range n.attrs {
		add(a)
	}
	for _, c := range n.children {
		add(c)
	}
	return order, groups
}

// nodeObject is how the adapter presents one node: text, or a leaf
// element's text, or the node itself.
func nodeObject(x *xmlNode) any {
	switch x.kind {
	case xmlTextNode, xmlCDataNode:
		return x.innerText()
	}
	if len(x.attrs) > 0 {
		return x
	}
	if len(x.children) == 0 || (len(x.children) == 1 && x.children[0].kind == xmlTextNode) {
		return x.innerText()
	}
	return x
}

func groupValue(nodes []*xmlNode) any {
	if len(nodes) == 1 {
		return nodeObject(nodes[0])
	}
	out := make([]any, len(nodes))
	for i, x := range nodes {
		out[i] = nodeObject(x)
	}
	return out
}

// Adapted lists the XML adapter's properties.
func (n *xmlNode) Adapted() []*object.Property {
	order, groups := n.adapterGroups()
	out := make([]*object.Property, 0, len(order))
	for _, name := range order {
		v := groupValue(groups[strings.ToLower(name)])
		tn := "string"
		if _, isNode := v.(*xmlNode); isNode {
			tn = v.(*xmlNode).typeName()
		} else if _, isArr := v.([]any); isArr {
			tn = "System.Object[]"
		}
		out = append(out, &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: tn, Settable: true})
	}
	return out
}

// setAdapted assigns a leaf element or attribute through the adapter.
func (n *xmlNode) setAdapted(name, value string) (bool, error) {
	_, groups := n.adapterGroups()
	nodes := groups[strings.ToLower(name)]
	if len(nodes) == 0 {
		return false, nil
	}
	if len(nodes) > 1 {
		return true, Throw("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
	}
	x := nodes[0]
	switch x.kind {
	case xmlTextNode, xmlAttributeNode, xmlCDataNode:
		x.value = value
		return true, nil
	case xmlElementNode:
		if len(x.attrs) > 0 || len(x.children) > 1 || (len(x.children) == 1 && x.children[0].kind != xmlTextNode) {
			return true, Throw("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
		}
		x.setInnerText(value)
		return true, nil
	}
	return true, Throw("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
}

func (n *xmlNode) setInnerText(s string) {
	if n.kind == xmlAttributeNode || n.kind == xmlTextNode || n.kind == xmlCDataNode || n.kind == xmlCommentNode {
		n.value = s
		return
	}
	n.children = nil
	if s != "" {
		n.children = []*xmlNode{{kind: xmlTextNode, value: s, parent: n}}
	}
}

// parseXML reads a document; errors use .NET's wording where it is known.
func parseXML(text string) (*xmlNode, error) {
	doc := &xmlNode{kind: xmlDocumentNode}
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = true
	cur := doc
	var stack []string
	sawRoot := false
	pos := func(off int64) string {
		line, col := 1, 1
		for i := 0; i < int(off) && i < len(text); i++ {
			if text[i] == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return fmt.Sprintf("Line %d, position %d.", line, col)
	}
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(trimmed, "<") {
		return nil, fmt.Errorf("Data at the root level is invalid. %s", pos(int64(len(text)-len(trimmed))))
	}
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, fmt.Errorf("Unexpected end of file has occurred. The following elements are not closed: %s. %s", strings.Join(reverse(stack), ", "), pos(int64(len(text))))
			}
			if !sawRoot {
				return nil, fmt.Errorf("Root element is missing.")
			}
			return doc, nil
		}
		if err != nil {
			var se *xml.SyntaxError
			msg := err.Error()
			if errors.As(err, &se) {
				msg = se.Msg
				if strings.Contains(msg, "unexpected EOF") && len(stack) > 0 {
					return nil, fmt.Errorf("Unexpected end of file has occurred. The following elements are not closed: %s. %s", strings.Join(reverse(stack), ", "), pos(int64(len(text))))
				}
				if strings.HasPrefix(msg, "element <") && strings.Contains(msg, "closed by") {
					return nil, fmt.Errorf("The '%s' start tag does not match the end tag. %s", stack[len(stack)-1], pos(d.InputOffset()))
				}
			}
			return nil, fmt.Errorf("%s %s", strings.ToUpper(msg[:1])+msg[1:]+".", pos(d.InputOffset()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if cur == doc && sawRoot {
				return nil, fmt.Errorf("There are multiple root elements. %s", pos(start+1))
			}
			sawRoot = true
			e := &xmlNode{kind: xmlElementNode, name: qname(t.Name), parent: cur}
			for _, a := range t.Attr {
				e.attrs = append(e.attrs, &xmlNode{kind: xmlAttributeNode, name: qname(a.Name), value: a.Value, parent: e})
			}
			raw := text[start:d.InputOffset()]
			e.empty = strings.HasSuffix(strings.TrimRight(raw, " \t\r\n"), "/>")
			cur.children = append(cur.children, e)
			cur = e
			stack = append(stack, e.name)
		case xml.EndElement:
			if qname(t.Name) != cur.name {
				return nil, fmt.Errorf("The '%s' start tag does not match the end tag of '%s'. %s", cur.name, qname(t.Name), pos(start+2))
			}
			cur = cur.parent
			stack = stack[:len(stack)-1]
		case xml.CharData:
			s := string(t)
			if strings.TrimSpace(s) == "" {
				continue
			}
			if cur == doc {
				return nil, fmt.Errorf("Data at the root level is invalid. %s", pos(start))
			}
			kind := xmlTextNode
			if strings.HasPrefix(text[start:], "<![CDATA[") {
				kind = xmlCDataNode
			}
			if k := len(cur.children); kind == xmlTextNode && k > 0 && cur.children[k-1].kind == xmlTextNode {
				cur.children[k-1].value += s
				continue
			}
			cur.children = append(cur.children, &xmlNode{kind: kind, value: s, parent: cur})
		case xml.Comment:
			cur.children = append(cur.children, &xmlNode{kind: xmlCommentNode, value: string(t), parent: cur})
		case xml.ProcInst:
			if t.Target == "xml" {
				cur.children = append(cur.children, &xmlNode{kind: xmlDeclarationNode, value: strings.TrimSpace(string(t.Inst)), parent: cur})
			} else {
				cur.children = append(cur.children, &xmlNode{kind: xmlProcInstNode, name: t.Target, value: strings.TrimSpace(string(t.Inst)), parent: cur})
			}
		case xml.Directive:
			// a DOCTYPE; kept out of the tree
		}
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func (n *xmlNode) elements() []*xmlNode {
	var out []*xmlNode
	for _, c := range n.children {
		if c.kind == xmlElementNode {
			out = append(out, c)
		}
	}
	return out
}

func (n *xmlNode) documentElement() *xmlNode {
	for _, c := range n.document().children {
		if c.kind == xmlElementNode {
			return c
		}
	}
	return nil
}

// descendants lists n's descendant nodes (document order), optionally n.
func (n *xmlNode) descendants(self bool) []*xmlNode {
	var out []*xmlNode
	if self {
		out = append(out, n)
	}
	for _, c := range n.children {
		out = append(out, c.descendants(true)...)
	}
	return out
}

// ---------------------------------------------------------------------------
// XPath subset: location paths of child (/), descendant (//), self (.),
// parent (..), attribute (@name, @*) steps, name tests (name, *, text(),
// node()), and predicates: [n], [last()], [@a], [@a='v'], [@a!='v'],
// [child], [child='v'], [text()='v'], [contains(x,'v')],
// [starts-with(x,'v')], combined with "and"/"or".

type xpathStep struct {
	axis  string // child, descendant-or-self, self, parent, attribute
	test  string
	preds []string
}

func parseXPath(p string) (steps []xpathStep, absolute bool, err error) {
	s := strings.TrimSpace(p)
	if strings.ContainsAny(s, "|") || strings.Contains(s, "::") {
		return nil, false, notSupported("the XPath expression '%s' (only simple location paths with predicates)", p)
	}
	if strings.HasPrefix(s, "/") {
		absolute = true
	}
	i := 0
	for i < len(s) {
		axis := "child"
		if strings.HasPrefix(s[i:], "//") {
			axis = "descendant"
			i += 2
		} else if s[i] == '/' {
			i++
			if i == len(s) {
				break
			}
		}
		j := i
		depth := 0
		quote := byte(0)
		for j < len(s) {
			c := s[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '\'' || c == '"':
				quote = c
			case c == '[':
				depth++
			case c == ']':
				depth--
			case c == '/' && depth == 0:
				goto done
			}
			j++
		}
	done:
		tok := s[i:j]
		i = j
		step := xpathStep{axis: axis}
		name := tok
		if k := strings.IndexByte(tok, '['); k >= 0 {
			name = tok[:k]
			rest := tok[k:]
			for rest != "" {
				if rest[0] != '[' {
					return nil, false, notSupported("the XPath expression '%s'", p)
				}
				end := matchingBracket(rest)
				if end < 0 {
					return nil, false, Throw("'%s' has an invalid token.", p)
				}
				step.preds = append(step.preds, strings.TrimSpace(rest[1:end]))
				rest = rest[end+1:]
			}
		}
		name = strings.TrimSpace(name)
		switch {
		case name == ".":
			if axis == "descendant" {
				step.axis = "descendant-self"
			} else {
				step.axis = "self"
			}
			step.test = "node()"
		case name == "..":
			step.axis, step.test = "parent", "node()"
		case strings.HasPrefix(name, "@"):
			if axis == "descendant" {
				steps = append(steps, xpathStep{axis: "descendant-self", test: "node()"})
			}
			step.axis, step.test = "attribute", name[1:]
		default:
			if axis == "descendant" {
				steps = append(steps, xpathStep{axis: "descendant-self", test: "node()"})
				step.axis = "child"
			}
			step.test = name
		}
		if step.test == "" {
			return nil, false, Throw("'%s' has an invalid token.", p)
		}
		if strings.Contains(step.test, ":") && step.test != "node()" {
			return nil, false, notSupported("XPath namespace prefixes ('%s'); select by local name with *[local-name()='name']", p)
		}
		steps = append(steps, step)
	}
	return steps, absolute, nil
}

func matchingBracket(s string) int {
	depth := 0
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func nameTest(x *xmlNode, test string) bool {
	switch test {
	case "node()":
		return true
	case "text()":
		return x.kind == xmlTextNode || x.kind == xmlCDataNode
	case "comment()":
		return x.kind == xmlCommentNode
	case "*":
		return x.kind == xmlElementNode || x.kind == xmlAttributeNode
	}
	return (x.kind == xmlElementNode || x.kind == xmlAttributeNode) && x.name == test
}

func evalXPath(ctx *xmlNode, p string) ([]*xmlNode, error) {
	steps, absolute, err := parseXPath(p)
	if err != nil {
		return nil, err
	}
	cur := []*xmlNode{ctx}
	if absolute {
		cur = []*xmlNode{ctx.document()}
	}
	for _, st := range steps {
		var next []*xmlNode
		seen := map[*xmlNode]bool{}
		for _, n := range cur {
			var cand []*xmlNode
			switch st.axis {
			case "child":
				cand = n.children
			case "attribute":
				cand = n.attrs
			case "self":
				cand = []*xmlNode{n}
			case "parent":
				if n.parent != nil {
					cand = []*xmlNode{n.parent}
				}
			case "descendant-self":
				cand = n.descendants(true)
			}
			var matched []*xmlNode
			for _, c := range cand {
				if nameTest(c, st.test) {
					matched = append(matched, c)
				}
			}
			for _, pred := range st.preds {
				var kept []*xmlNode
				for i, c := range matched {
					ok, err := xpathPredicate(c, pred, i+1, len(matched), p)
					if err != nil {
						return nil, err
					}
					if ok {
						kept = append(kept, c)
					}
				}
				matched = kept
			}
			for _, c := range matched {
				if !seen[c] {
					seen[c] = true
					next = append(next, c)
				}
			}
		}
		cur = next
	}
	return cur, nil
}

// xpathValue evaluates a predicate operand: a string literal, @attr,
// text(), a child name, or a number.
func xpathValue(x *xmlNode, e string) (string, bool) {
	e = strings.TrimSpace(e)
	switch {
	case len(e) >= 2 && (e[0] == '\'' || e[0] == '"') && e[len(e)-1] == e[0]:
		return e[1 : len(e)-1], true
	case e == "text()":
		for _, c := range x.children {
			if c.kind == xmlTextNode || c.kind == xmlCDataNode {
				return c.value, true
			}
		}
		return "", false
	case e == ".":
		return x.innerText(), true
	case e == "name()" || e == "local-name()":
		if e == "name()" {
			return x.nodeName(), true
		}
		return x.localName(), true
	case strings.HasPrefix(e, "@"):
		for _, a := range x.attrs {
			if a.name == e[1:] || e[1:] == "*" {
				return a.value, true
			}
		}
		return "", false
	}
	if _, err := strconv.ParseFloat(e, 64); err == nil {
		return e, true
	}
	for _, c := range x.children {
		if c.kind == xmlElementNode && c.name == e {
			return c.innerText(), true
		}
	}
	return "", false
}

func xpathPredicate(x *xmlNode, pred string, pos, size int, whole string) (bool, error) {
	if parts := splitTopLevel(pred, " or "); len(parts) > 1 {
		for _, p := range parts {
			ok, err := xpathPredicate(x, p, pos, size, whole)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	if parts := splitTopLevel(pred, " and "); len(parts) > 1 {
		for _, p := range parts {
			ok, err := xpathPredicate(x, p, pos, size, whole)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	}
	pred = strings.TrimSpace(pred)
	if n, err := strconv.Atoi(pred); err == nil {
		return pos == n, nil
	}
	if pred == "last()" {
		return pos == size, nil
	}
	if strings.HasPrefix(pred, "not(") && strings.HasSuffix(pred, ")") {
		ok, err := xpathPredicate(x, pred[4:len(pred)-1], pos, size, whole)
		return !ok, err
	}
	for _, fn := range []string{"contains(", "starts-with("} {
		if strings.HasPrefix(pred, fn) && strings.HasSuffix(pred, ")") {
			args := splitTopLevel(pred[len(fn):len(pred)-1], ",")
			if len(args) != 2 {
				return false, Throw("'%s' has an invalid number of arguments.", whole)
			}
			a, _ := xpathValue(x, args[0])
			b, _ := xpathValue(x, args[1])
			if fn == "contains(" {
				return strings.Contains(a, b), nil
			}
			return strings.HasPrefix(a, b), nil
		}
	}
	for _, op := range []string{"!=", "="} {
		if parts := splitTopLevel(pred, op); len(parts) == 2 {
			a, okA := xpathValue(x, parts[0])
			b, okB := xpathValue(x, parts[1])
			if op == "=" {
				return okA && okB && a == b, nil
			}
			return okA && okB && a != b, nil
		}
	}
	if strings.ContainsAny(pred, "()<>+") && !strings.HasSuffix(pred, "()") {
		return false, notSupported("the XPath predicate [%s]", pred)
	}
	_, ok := xpathValue(x, pred)
	return ok, nil
}

// splitTopLevel splits s at sep outside quotes and brackets.
func splitTopLevel(s, sep string) []string {
	var parts []string
	depth := 0
	quote := byte(0)
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"':
			quote = c
			continue
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			if sep == "=" && i > 0 && s[i-1] == '!' {
				continue
			}
			parts = append(parts, s[last:i])
			i += len(sep) - 1
			last = i + 1
		}
	}
	return append(parts, s[last:])
}

// xmlNodeList is an XmlNodeList (SelectNodes, ChildNodes ...).
type xmlNodeList struct{ nodes []*xmlNode }

func (l *xmlNodeList) psType() *TypeInfo { return TypeByName("System.Xml.XmlNodeList") }

// PSTypeName is the .NET type name.
func (l *xmlNodeList) PSTypeName() string { return "System.Xml.XPathNodeList" }

// Enumerate lists the nodes.
func (l *xmlNodeList) Enumerate() []any {
	out := make([]any, len(l.nodes))
	for i, n := range l.nodes {
		out[i] = n
	}
	return out
}

// Index reads one node by position.
func (l *xmlNodeList) Index(rt *Runtime, key any) (any, bool) {
	n, ok := toNumber(key)
	if !ok {
		return nil, false
	}
	i := int(asInt64(n))
	if i < 0 || i >= len(l.nodes) {
		return nil, true
	}
	return l.nodes[i], true
}

func nodeOf(c *Call) *xmlNode { return bareValue(c.Self).(*xmlNode) }

func (c *Call) nodeArg(i int, param string) (*xmlNode, error) {
	n, ok := bareValue(c.Arg(i)).(*xmlNode)
	if !ok {
		return nil, argConvertError(c.Arg(i), param, c.Name, "System.Xml.XmlNode", nil)
	}
	return n, nil
}

func nodeProp(f func(n *xmlNode) any) *Member {
	return Prop(func(c *Call) (any, error) { return f(nodeOf(c)), nil })
}

func nilIfNil(n *xmlNode) any {
	if n == nil {
		return nil
	}
	return n
}

func (n *xmlNode) sibling(d int) *xmlNode {
	if n.parent == nil {
		return nil
	}
	for i, c := range n.parent.children {
		if c == n {
			if j := i + d; j >= 0 && j < len(n.parent.children) {
				return n.parent.children[j]
			}
			return nil
		}
	}
	return nil
}

func (n *xmlNode) clone(deep bool, parent *xmlNode) *xmlNode {
	c := &xmlNode{kind: n.kind, name: n.name, value: n.value, parent: parent, empty: n.empty}
	for _, a := range n.attrs {
		c.attrs = append(c.attrs, a.clone(false, c))
	}
	if deep {
		for _, ch := range n.children {
			c.children = append(c.children, ch.clone(true, c))
		}
	}
	return c
}

func (n *xmlNode) removeChild(x *xmlNode) bool {
	for i, c := range n.children {
		if c == x {
			n.children = append(n.children[:i:i], n.children[i+1:]...)
			x.parent = nil
			return true
		}
	}
	return false
}

// xmlNodeMembers are the members every XmlNode has.
var xmlNodeMembers = Members{
	"Name":         nodeProp(func(n *xmlNode) any { return n.nodeName() }),
	"LocalName":    nodeProp(func(n *xmlNode) any { return n.localName() }),
	"Prefix":       nodeProp(func(n *xmlNode) any { return n.prefix() }),
	"NamespaceURI": nodeProp(func(n *xmlNode) any { return n.namespaceURI() }),
	"NodeType": nodeProp(func(n *xmlNode) any {
		return object.Enum{Type: "System.Xml.XmlNodeType", Name: xmlNodeTypeNames[n.kind]}
	}),
	"OuterXml":      nodeProp(func(n *xmlNode) any { return n.outerXML() }),
	"InnerXml":      nodeProp(func(n *xmlNode) any { return n.innerXML() }),
	"ParentNode":    nodeProp(func(n *xmlNode) any { return nilIfNil(n.parent) }),
	"OwnerDocument": nodeProp(func(n *xmlNode) any { return nilIfNil(n.document()) }),
	"ChildNodes":    nodeProp(func(n *xmlNode) any { return &xmlNodeList{nodes: n.children} }),
	"HasChildNodes": nodeProp(func(n *xmlNode) any { return len(n.children) > 0 }),
	"FirstChild": nodeProp(func(n *xmlNode) any {
		if len(n.children) == 0 {
			return nil
		}
		return n.children[0]
	}),
	"LastChild": nodeProp(func(n *xmlNode) any {
		if len(n.children) == 0 {
			return nil
		}
		return n.children[len(n.children)-1]
	}),
	"NextSibling":     nodeProp(func(n *xmlNode) any { return nilIfNil(n.sibling(1)) }),
	"PreviousSibling": nodeProp(func(n *xmlNode) any { return nilIfNil(n.sibling(-1)) }),
	"InnerText": {
		Get: func(c *Call) (any, error) { return nodeOf(c).innerText(), nil },
		Set: func(c *Call, v any) error { nodeOf(c).setInnerText(c.RT.toStr(v)); return nil },
	},
	"Value": {
		Get: func(c *Call) (any, error) {
			n := nodeOf(c)
			switch n.kind {
			case xmlElementNode, xmlDocumentNode:
				return nil, nil
			}
			return n.value, nil
		},
		Set: func(c *Call, v any) error { nodeOf(c).value = c.RT.toStr(v); return nil },
	},
	"SelectNodes": Method(1, 2, func(c *Call) (any, error) {
		if len(c.Args) == 2 {
			return nil, notSupported("XPath namespace managers in SelectNodes; select by local name with *[local-name()='name']")
		}
		nodes, err := evalXPath(nodeOf(c), c.Str(0))
		if err != nil {
			return nil, err
		}
		return &xmlNodeList{nodes: nodes}, nil
	}),
	"SelectSingleNode": Method(1, 2, func(c *Call) (any, error) {
		if len(c.Args) == 2 {
			return nil, notSupported("XPath namespace managers in SelectSingleNode; select by local name with *[local-name()='name']")
		}
		nodes, err := evalXPath(nodeOf(c), c.Str(0))
		if err != nil || len(nodes) == 0 {
			return nil, err
		}
		return nodes[0], nil
	}),
	"AppendChild": Method(1, 1, func(c *Call) (any, error) {
		n := nodeOf(c)
		x, err := c.nodeArg(0, "newChild")
		if err != nil {
			return nil, err
		}
		if x.parent != nil {
			x.parent.removeChild(x)
		}
		if x.kind == xmlAttributeNode {
			return nil, Throw("The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.")
		}
		x.parent = n
		n.children = append(n.children, x)
		n.empty = false
		return x, nil
	}),
	"RemoveChild": Method(1, 1, func(c *Call) (any, error) {
		x, err := c.nodeArg(0, "oldChild")
		if err != nil {
			return nil, err
		}
		if !nodeOf(c).removeChild(x) {
			return nil, Throw("The node to be removed is not a child of this node.")
		}
		return x, nil
	}),
	"RemoveAll": Method(0, 0, func(c *Call) (any, error) {
		n := nodeOf(c)
		n.children, n.attrs = nil, nil
		return voidValue{}, nil
	}),
	"CloneNode": Method(1, 1, func(c *Call) (any, error) {
		return nodeOf(c).clone(object.ToBool(c.Arg(0)), nil), nil
	}),
	"Clone":    Method(0, 0, func(c *Call) (any, error) { return nodeOf(c).clone(true, nil), nil }),
	"ToString": Method(0, 0, func(c *Call) (any, error) { return nodeOf(c).localName(), nil }),
}

func (n *xmlNode) attr(name string) *xmlNode {
	for _, a := range n.attrs {
		if a.name == name {
			return a
		}
	}
	return nil
}

var xmlElementMembers = Members{
	"Attributes":    nodeProp(func(n *xmlNode) any { return &xmlNodeList{nodes: n.attrs} }),
	"HasAttributes": nodeProp(func(n *xmlNode) any { return len(n.attrs) > 0 }),
	"IsEmpty":       nodeProp(func(n *xmlNode) any { return n.empty && len(n.children) == 0 }),
	"GetAttribute": Method(1, 2, func(c *Call) (any, error) {
		if a := nodeOf(c).attr(c.Str(0)); a != nil {
			return a.value, nil
		}
		return "", nil
	}),
	"HasAttribute": Method(1, 2, func(c *Call) (any, error) { return nodeOf(c).attr(c.Str(0)) != nil, nil }),
	"SetAttribute": Method(2, 3, func(c *Call) (any, error) {
		n := nodeOf(c)
		val := c.Str(len(c.Args) - 1)
		if a := n.attr(c.Str(0)); a != nil {
			a.value = val
		} else {
			n.attrs = append(n.attrs, &xmlNode{kind: xmlAttributeNode, name: c.Str(0), value: val, parent: n})
		}
		return voidValue{}, nil
	}),
	"RemoveAttribute": Method(1, 2, func(c *Call) (any, error) {
		n := nodeOf(c)
		for i, a := range n.attrs {
			if a.name == c.Str(0) {
				n.attrs = append(n.attrs[:i:i], n.attrs[i+1:]...)
				break
			}
		}
		return voidValue{}, nil
	}),
	"GetElementsByTagName": Method(1, 1, func(c *Call) (any, error) {
		var out []*xmlNode
		for _, d := range nodeOf(c).descendants(false) {
			if d.kind == xmlElementNode && (d.name == c.Str(0) || c.Str(0) == "*") {
				out = append(out, d)
			}
		}
		return &xmlNodeList{nodes: out}, nil
	}),
}

func newXMLDocument(c *Call) (any, error) { return &xmlNode{kind: xmlDocumentNode}, nil }

func init() { typesLater(declareXmlTypes) }

// declareXmlTypes registers the file's types; it runs on the first type lookup.
func declareXmlTypes() {
	nodeBase := "System.Xml.XmlNode"
	RegisterType(
		&TypeDef{FullName: "System.Xml.XmlNode", Assembly: "System.Private.Xml", Members: xmlNodeMembers,
			Is: func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(*xmlNode); return ok }},
		&TypeDef{FullName: "System.Xml.XmlDocument", Aliases: []string{"xml"}, Assembly: "System.Private.Xml", Base: nodeBase,
			Convert: func(rt *Runtime, _ *TypeInfo, v any) (any, error) {
				if n, ok := bareValue(v).(*xmlNode); ok && n.kind == xmlDocumentNode {
					return n, nil
				}
				text := rt.toStr(v)
				if items, ok := enumerateForCompare(bareValue(v)); ok {
					// Get-Content output: the lines of one document
					parts := make([]string, len(items))
					for i, it := range items {
						parts[i] = rt.toStr(it)
					}
					text = strings.Join(parts, "\n")
				}
				doc, err := parseXML(text)
				if err != nil {
					return nil, convertFailed(v, "System.Xml.XmlDocument", err.Error())
				}
				return doc, nil
			},
			Is: func(_ *TypeInfo, v any) bool {
				n, ok := bareValue(v).(*xmlNode)
				return ok && n.kind == xmlDocumentNode
			},
			NewArity: []int{0},
			New:      newXMLDocument,
			Members: Members{
				"DocumentElement": nodeProp(func(n *xmlNode) any { return nilIfNil(n.documentElement()) }),
				"LoadXml": Method(1, 1, func(c *Call) (any, error) {
					doc, err := parseXML(c.Str(0))
					if err != nil {
						return nil, Throw("%s", err.Error())
					}
					n := nodeOf(c)
					n.children = doc.children
					for _, ch := range n.children {
						ch.parent = n
					}
					return voidValue{}, nil
				}),
				"Load": Method(1, 1, func(c *Call) (any, error) {
					return nil, notSupported("XmlDocument.Load from a file; use [xml](Get-Content -Raw PATH)")
				}),
				"Save": Method(1, 1, func(c *Call) (any, error) {
					return nil, notSupported("XmlDocument.Save to a file; use $xml.OuterXml | Set-Content PATH")
				}),
				"CreateElement": Method(1, 3, func(c *Call) (any, error) {
					return &xmlNode{kind: xmlElementNode, name: c.Str(0)}, nil
				}),
				"CreateAttribute": Method(1, 3, func(c *Call) (any, error) {
					return &xmlNode{kind: xmlAttributeNode, name: c.Str(0)}, nil
				}),
				"CreateTextNode": Method(1, 1, func(c *Call) (any, error) {
					return &xmlNode{kind: xmlTextNode, value: c.Str(0)}, nil
				}),
				"CreateComment": Method(1, 1, func(c *Call) (any, error) {
					return &xmlNode{kind: xmlCommentNode, value: c.Str(0)}, nil
				}),
				"CreateXmlDeclaration": Method(3, 3, func(c *Call) (any, error) {
					v := "version=\"" + c.Str(0) + "\""
					if c.Str(1) != "" {
						v += " encoding=\"" + c.Str(1) + "\""
					}
					if c.Str(2) != "" {
						v += " standalone=\"" + c.Str(2) + "\""
					}
					return &xmlNode{kind: xmlDeclarationNode, value: v}, nil
				}),
				"GetElementsByTagName": xmlElementMembers["GetElementsByTagName"],
			}},
		&TypeDef{FullName: "System.Xml.XmlElement", Assembly: "System.Private.Xml", Base: nodeBase, Members: xmlElementMembers},
		&TypeDef{FullName: "System.Xml.XmlAttribute", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlText", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlCDataSection", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlComment", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlDeclaration", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlProcessingInstruction", Assembly: "System.Private.Xml", Base: nodeBase},
		&TypeDef{FullName: "System.Xml.XmlNodeList", Assembly: "System.Private.Xml",
			Members: Members{
				"Count": Prop(func(c *Call) (any, error) { return len(c.Self.(*xmlNodeList).nodes), nil }),
				"Item": Method(1, 1, func(c *Call) (any, error) {
					v, _ := c.Self.(*xmlNodeList).Index(c.RT, c.Arg(0))
					return v, nil
				}),
			}},
	)
}
