// Package xmldom is the document model behind PowerShell's [xml]: an
// XmlDocument read by shell/dotnet/xmltok into a tree of nodes,
// PowerShell's XML adapter (attributes and child elements read as
// properties, a leaf element as its text) and the subset of XPath that
// SelectNodes and SelectSingleNode understand. The members scripts call
// are declared by the type library in shell/dotnet/xml; this package
// imports only shell/object and shell/dotnet/xmltok.
package xmldom

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet/xmltok"
	"github.com/exosim/exosim/shell/object"
)

// UnsupportedError names an XPath construct the model does not evaluate.
type UnsupportedError struct{ What string }

func (e *UnsupportedError) Error() string { return "exosim does not support " + e.What + "." }

func unsupported(format string, a ...any) error {
	return &UnsupportedError{What: fmt.Sprintf(format, a...)}
}

// The kinds of node (XmlNodeType), in the order of NodeTypeNames.
const (
	DocumentNode = iota
	ElementNode
	AttributeNode
	TextNode
	CDataNode
	CommentNode
	DeclarationNode
	ProcInstNode
)

// NodeTypeNames are the XmlNodeType names of the kinds.
var NodeTypeNames = []string{"Document", "Element", "Attribute", "Text", "CDATA", "Comment", "XmlDeclaration", "ProcessingInstruction"}

// Node is one node of a document.
type Node struct {
	Kind     int
	Name     string // qualified name (prefix:local) of elements and attributes
	Value    string // text, attribute value, comment, declaration data
	Attrs    []*Node
	Children []*Node
	Parent   *Node
	Empty    bool // element written as <a/>
}

// LocalName is the name without its prefix, or the #name of a node that has none (#text, #comment ...).
func (n *Node) LocalName() string {
	switch n.Kind {
	case DocumentNode:
		return "#document"
	case TextNode:
		return "#text"
	case CDataNode:
		return "#cdata-section"
	case CommentNode:
		return "#comment"
	case DeclarationNode:
		return "xml"
	}
	if i := strings.IndexByte(n.Name, ':'); i >= 0 {
		return n.Name[i+1:]
	}
	return n.Name
}

// NodeName is XmlNode.Name: the qualified name of elements, attributes and processing instructions, else the local name.
func (n *Node) NodeName() string {
	switch n.Kind {
	case ElementNode, AttributeNode, ProcInstNode:
		return n.Name
	}
	return n.LocalName()
}

// Prefix is the namespace prefix of an element or attribute.
func (n *Node) Prefix() string {
	if i := strings.IndexByte(n.Name, ':'); i >= 0 && (n.Kind == ElementNode || n.Kind == AttributeNode) {
		return n.Name[:i]
	}
	return ""
}

// NamespaceURI resolves the node's prefix through xmlns declarations.
func (n *Node) NamespaceURI() string {
	if n.Kind != ElementNode && n.Kind != AttributeNode {
		return ""
	}
	p := n.Prefix()
	if n.Kind == AttributeNode && p == "" {
		return ""
	}
	attr := "xmlns"
	if p != "" {
		attr = "xmlns:" + p
	}
	for e := n; e != nil; e = e.Parent {
		if n.Kind == AttributeNode && e == n {
			continue
		}
		for _, a := range e.Attrs {
			if a.Name == attr {
				return a.Value
			}
		}
	}
	return ""
}

// Document is the document the node belongs to (nil for a detached node).
func (n *Node) Document() *Node {
	for d := n; d != nil; d = d.Parent {
		if d.Kind == DocumentNode {
			return d
		}
	}
	return nil
}

// InnerText is the concatenated text of the node and its descendants.
func (n *Node) InnerText() string {
	switch n.Kind {
	case TextNode, CDataNode, AttributeNode:
		return n.Value
	case CommentNode, DeclarationNode, ProcInstNode:
		return n.Value
	}
	var b strings.Builder
	var walk func(*Node)
	walk = func(x *Node) {
		for _, c := range x.Children {
			switch c.Kind {
			case TextNode, CDataNode:
				b.WriteString(c.Value)
			case ElementNode:
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

func (n *Node) writeOuter(b *strings.Builder) {
	switch n.Kind {
	case DocumentNode:
		for _, c := range n.Children {
			c.writeOuter(b)
		}
	case ElementNode:
		b.WriteString("<" + n.Name)
		for _, a := range n.Attrs {
			a.writeOuter(b)
		}
		if len(n.Children) == 0 && n.Empty {
			b.WriteString(" />")
			return
		}
		b.WriteString(">")
		for _, c := range n.Children {
			c.writeOuter(b)
		}
		b.WriteString("</" + n.Name + ">")
	case AttributeNode:
		b.WriteString(" " + n.Name + "=\"" + escapeXMLText(n.Value, true) + "\"")
	case TextNode:
		b.WriteString(escapeXMLText(n.Value, false))
	case CDataNode:
		b.WriteString("<![CDATA[" + n.Value + "]]>")
	case CommentNode:
		b.WriteString("<!--" + n.Value + "-->")
	case DeclarationNode:
		b.WriteString("<?xml " + n.Value + "?>")
	case ProcInstNode:
		b.WriteString("<?" + n.Name + " " + n.Value + "?>")
	}
}

// OuterXML is the markup of the node itself.
func (n *Node) OuterXML() string {
	var b strings.Builder
	n.writeOuter(&b)
	return b.String()
}

// InnerXML is the markup of the node's children.
func (n *Node) InnerXML() string {
	var b strings.Builder
	if n.Kind == AttributeNode {
		return escapeXMLText(n.Value, true)
	}
	for _, c := range n.Children {
		c.writeOuter(&b)
	}
	return b.String()
}

// TypeName is the .NET type of the node (System.Xml.XmlElement ...).
func (n *Node) TypeName() string {
	switch n.Kind {
	case DocumentNode:
		return "System.Xml.XmlDocument"
	case ElementNode:
		return "System.Xml.XmlElement"
	case AttributeNode:
		return "System.Xml.XmlAttribute"
	case TextNode:
		return "System.Xml.XmlText"
	case CDataNode:
		return "System.Xml.XmlCDataSection"
	case CommentNode:
		return "System.Xml.XmlComment"
	case DeclarationNode:
		return "System.Xml.XmlDeclaration"
	}
	return "System.Xml.XmlProcessingInstruction"
}

// PSTypeName is the .NET type name.
func (n *Node) PSTypeName() string { return n.TypeName() }

// String is PowerShell's ToString of an XML node: its local name.
func (n *Node) String() string { return n.LocalName() }

// adapterGroups are the XML adapter's properties: attributes and child
// nodes grouped by local name, case-insensitively, in document order.
func (n *Node) adapterGroups() ([]string, map[string][]*Node) {
	var order []string
	groups := map[string][]*Node{}
	add := func(x *Node) {
		key := strings.ToLower(x.LocalName())
		if _, ok := groups[key]; !ok {
			order = append(order, x.LocalName())
		}
		groups[key] = append(groups[key], x)
	}
	for _, a := range n.Attrs {
		add(a)
	}
	for _, c := range n.Children {
		add(c)
	}
	return order, groups
}

// nodeObject is how the adapter presents one node: text, or a leaf
// element's text, or the node itself.
func nodeObject(x *Node) any {
	switch x.Kind {
	case TextNode, CDataNode:
		return x.InnerText()
	}
	if len(x.Attrs) > 0 {
		return x
	}
	if len(x.Children) == 0 || (len(x.Children) == 1 && x.Children[0].Kind == TextNode) {
		return x.InnerText()
	}
	return x
}

func groupValue(nodes []*Node) any {
	if len(nodes) == 1 {
		return nodeObject(nodes[0])
	}
	out := make([]any, len(nodes))
	for i, x := range nodes {
		out[i] = nodeObject(x)
	}
	return out
}

// AdaptedProperty reads one of the XML adapter's properties by name,
// case-insensitively; ok is false when the node has none of that name.
func (n *Node) AdaptedProperty(name string) (v any, ok bool) {
	_, groups := n.adapterGroups()
	nodes, ok := groups[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return groupValue(nodes), true
}

// Adapted lists the XML adapter's properties.
func (n *Node) Adapted() []*object.Property {
	order, groups := n.adapterGroups()
	out := make([]*object.Property, 0, len(order))
	for _, name := range order {
		v := groupValue(groups[strings.ToLower(name)])
		tn := "string"
		if _, isNode := v.(*Node); isNode {
			tn = v.(*Node).TypeName()
		} else if _, isArr := v.([]any); isArr {
			tn = "System.Object[]"
		}
		out = append(out, &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: tn, Settable: true})
	}
	return out
}

// SetAdapted assigns a leaf element or attribute through the adapter.
func (n *Node) SetAdapted(name, value string) (bool, error) {
	_, groups := n.adapterGroups()
	nodes := groups[strings.ToLower(name)]
	if len(nodes) == 0 {
		return false, nil
	}
	if len(nodes) > 1 {
		return true, fmt.Errorf("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
	}
	x := nodes[0]
	switch x.Kind {
	case TextNode, AttributeNode, CDataNode:
		x.Value = value
		return true, nil
	case ElementNode:
		if len(x.Attrs) > 0 || len(x.Children) > 1 || (len(x.Children) == 1 && x.Children[0].Kind != TextNode) {
			return true, fmt.Errorf("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
		}
		x.SetInnerText(value)
		return true, nil
	}
	return true, fmt.Errorf("Cannot set \"%s\" because only strings can be used as values to set XmlNode properties.", name)
}

// SetInnerText replaces the node's content by one text node.
func (n *Node) SetInnerText(s string) {
	if n.Kind == AttributeNode || n.Kind == TextNode || n.Kind == CDataNode || n.Kind == CommentNode {
		n.Value = s
		return
	}
	n.Children = nil
	if s != "" {
		n.Children = []*Node{{Kind: TextNode, Value: s, Parent: n}}
	}
}

// Parse reads a document as XmlDocument.LoadXml does; its errors are
// .NET's XmlException texts with their line and position. Text that is
// only white space is left out of the tree, as is a DOCTYPE.
func Parse(text string) (*Node, error) {
	doc := &Node{Kind: DocumentNode}
	cur := doc
	tz := xmltok.New(text)
	for {
		tok, err := tz.Next()
		if err == io.EOF {
			return doc, nil
		}
		if err != nil {
			return nil, err
		}
		var n *Node
		switch tok.Kind {
		case xmltok.StartElement:
			e := &Node{Kind: ElementNode, Name: tok.Name, Parent: cur, Empty: tok.SelfClosing}
			for _, a := range tok.Attrs {
				e.Attrs = append(e.Attrs, &Node{Kind: AttributeNode, Name: a.Name, Value: a.Value, Parent: e})
			}
			cur.Children = append(cur.Children, e)
			cur = e
			continue
		case xmltok.EndElement:
			cur = cur.Parent
			continue
		case xmltok.Text:
			if strings.TrimSpace(tok.Data) == "" {
				continue
			}
			if k := len(cur.Children); k > 0 && cur.Children[k-1].Kind == TextNode {
				cur.Children[k-1].Value += tok.Data
				continue
			}
			n = &Node{Kind: TextNode, Value: tok.Data}
		case xmltok.CDATA:
			n = &Node{Kind: CDataNode, Value: tok.Data}
		case xmltok.Comment:
			n = &Node{Kind: CommentNode, Value: tok.Data}
		case xmltok.ProcInst:
			n = &Node{Kind: ProcInstNode, Name: tok.Name, Value: strings.TrimSpace(tok.Data)}
			if tok.Name == "xml" {
				n = &Node{Kind: DeclarationNode, Value: strings.TrimSpace(tok.Data)}
			}
		default: // a DOCTYPE, kept out of the tree
			continue
		}
		n.Parent = cur
		cur.Children = append(cur.Children, n)
	}
}

func (n *Node) elements() []*Node {
	var out []*Node
	for _, c := range n.Children {
		if c.Kind == ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// DocumentElement is the root element of the node's document.
func (n *Node) DocumentElement() *Node {
	for _, c := range n.Document().Children {
		if c.Kind == ElementNode {
			return c
		}
	}
	return nil
}

// Descendants lists n's descendant nodes (document order), optionally n.
func (n *Node) Descendants(self bool) []*Node {
	var out []*Node
	if self {
		out = append(out, n)
	}
	for _, c := range n.Children {
		out = append(out, c.Descendants(true)...)
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
		return nil, false, unsupported("the XPath expression '%s' (only simple location paths with predicates)", p)
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
					return nil, false, unsupported("the XPath expression '%s'", p)
				}
				end := matchingBracket(rest)
				if end < 0 {
					return nil, false, fmt.Errorf("'%s' has an invalid token.", p)
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
			return nil, false, fmt.Errorf("'%s' has an invalid token.", p)
		}
		if strings.Contains(step.test, ":") && step.test != "node()" {
			return nil, false, unsupported("XPath namespace prefixes ('%s'); select by local name with *[local-name()='name']", p)
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

func nameTest(x *Node, test string) bool {
	switch test {
	case "node()":
		return true
	case "text()":
		return x.Kind == TextNode || x.Kind == CDataNode
	case "comment()":
		return x.Kind == CommentNode
	case "*":
		return x.Kind == ElementNode || x.Kind == AttributeNode
	}
	return (x.Kind == ElementNode || x.Kind == AttributeNode) && x.Name == test
}

// Select evaluates an XPath expression from ctx (SelectNodes).
func Select(ctx *Node, p string) ([]*Node, error) {
	steps, absolute, err := parseXPath(p)
	if err != nil {
		return nil, err
	}
	cur := []*Node{ctx}
	if absolute {
		cur = []*Node{ctx.Document()}
	}
	for _, st := range steps {
		var next []*Node
		seen := map[*Node]bool{}
		for _, n := range cur {
			var cand []*Node
			switch st.axis {
			case "child":
				cand = n.Children
			case "attribute":
				cand = n.Attrs
			case "self":
				cand = []*Node{n}
			case "parent":
				if n.Parent != nil {
					cand = []*Node{n.Parent}
				}
			case "descendant-self":
				cand = n.Descendants(true)
			}
			var matched []*Node
			for _, c := range cand {
				if nameTest(c, st.test) {
					matched = append(matched, c)
				}
			}
			for _, pred := range st.preds {
				var kept []*Node
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
func xpathValue(x *Node, e string) (string, bool) {
	e = strings.TrimSpace(e)
	switch {
	case len(e) >= 2 && (e[0] == '\'' || e[0] == '"') && e[len(e)-1] == e[0]:
		return e[1 : len(e)-1], true
	case e == "text()":
		for _, c := range x.Children {
			if c.Kind == TextNode || c.Kind == CDataNode {
				return c.Value, true
			}
		}
		return "", false
	case e == ".":
		return x.InnerText(), true
	case e == "name()" || e == "local-name()":
		if e == "name()" {
			return x.NodeName(), true
		}
		return x.LocalName(), true
	case strings.HasPrefix(e, "@"):
		for _, a := range x.Attrs {
			if a.Name == e[1:] || e[1:] == "*" {
				return a.Value, true
			}
		}
		return "", false
	}
	if _, err := strconv.ParseFloat(e, 64); err == nil {
		return e, true
	}
	for _, c := range x.Children {
		if c.Kind == ElementNode && c.Name == e {
			return c.InnerText(), true
		}
	}
	return "", false
}

func xpathPredicate(x *Node, pred string, pos, size int, whole string) (bool, error) {
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
				return false, fmt.Errorf("'%s' has an invalid number of arguments.", whole)
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
		return false, unsupported("the XPath predicate [%s]", pred)
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

// Sibling is the sibling d places after the node (before it for d < 0), or nil.
func (n *Node) Sibling(d int) *Node {
	if n.Parent == nil {
		return nil
	}
	for i, c := range n.Parent.Children {
		if c == n {
			if j := i + d; j >= 0 && j < len(n.Parent.Children) {
				return n.Parent.Children[j]
			}
			return nil
		}
	}
	return nil
}

// Clone copies the node and its attributes, its children too when deep, under parent.
func (n *Node) Clone(deep bool, parent *Node) *Node {
	c := &Node{Kind: n.Kind, Name: n.Name, Value: n.Value, Parent: parent, Empty: n.Empty}
	for _, a := range n.Attrs {
		c.Attrs = append(c.Attrs, a.Clone(false, c))
	}
	if deep {
		for _, ch := range n.Children {
			c.Children = append(c.Children, ch.Clone(true, c))
		}
	}
	return c
}

// RemoveChild detaches x from the node's children; false if it was not one.
func (n *Node) RemoveChild(x *Node) bool {
	for i, c := range n.Children {
		if c == x {
			n.Children = append(n.Children[:i:i], n.Children[i+1:]...)
			x.Parent = nil
			return true
		}
	}
	return false
}

// Attr is the attribute of the given qualified name, or nil.
func (n *Node) Attr(name string) *Node {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}
