// Package xml declares the .NET XML types ([xml], XmlNode and its kinds,
// XmlNodeList) over the document model of shell/dotnet/xmldom.
package xml

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// [xml]: the XmlDocument family of types over the document model of
// shell/dotnet/xmldom.

// xpathError turns the document model's XPath errors into the
// interpreter's: a construct it does not evaluate, or a method exception.
func xpathError(err error) error {
	var u *xmldom.UnsupportedError
	if errors.As(err, &u) {
		return dotnet.NotSupported("%s", u.What)
	}
	return dotnet.Throw("%s", err.Error())
}

// xmlNodeList is an XmlNodeList (SelectNodes, ChildNodes ...).
type xmlNodeList struct{ nodes []*xmldom.Node }

func (l *xmlNodeList) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.Xml.XmlNodeList") }

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
func (l *xmlNodeList) Index(h dotnet.Host, key any) (any, bool) {
	n, ok := numeric.ToNumber(key)
	if !ok {
		return nil, false
	}
	i := int(numeric.Int64(n))
	if i < 0 || i >= len(l.nodes) {
		return nil, true
	}
	return l.nodes[i], true
}

func nodeOf(c *dotnet.Call) *xmldom.Node { return object.Unwrap(c.Self).(*xmldom.Node) }

func nodeArg(c *dotnet.Call, i int, param string) (*xmldom.Node, error) {
	n, ok := object.Unwrap(c.Arg(i)).(*xmldom.Node)
	if !ok {
		return nil, dotnet.ArgConvertError(c.Arg(i), param, c.Name, "System.Xml.XmlNode", nil)
	}
	return n, nil
}

func nodeProp(f func(n *xmldom.Node) any) *dotnet.Member {
	return dotnet.Prop(func(c *dotnet.Call) (any, error) { return f(nodeOf(c)), nil })
}

func nilIfNil(n *xmldom.Node) any {
	if n == nil {
		return nil
	}
	return n
}

// xmlNodeMembers are the members every XmlNode has.
var xmlNodeMembers = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	return dotnet.Members{
		"Name":         nodeProp(func(n *xmldom.Node) any { return n.NodeName() }),
		"LocalName":    nodeProp(func(n *xmldom.Node) any { return n.LocalName() }),
		"Prefix":       nodeProp(func(n *xmldom.Node) any { return n.Prefix() }),
		"NamespaceURI": nodeProp(func(n *xmldom.Node) any { return n.NamespaceURI() }),
		"NodeType": nodeProp(func(n *xmldom.Node) any {
			return object.Enum{Type: "System.Xml.XmlNodeType", Name: xmldom.NodeTypeNames[n.Kind]}
		}),
		"OuterXml":      nodeProp(func(n *xmldom.Node) any { return n.OuterXML() }),
		"InnerXml":      nodeProp(func(n *xmldom.Node) any { return n.InnerXML() }),
		"ParentNode":    nodeProp(func(n *xmldom.Node) any { return nilIfNil(n.Parent) }),
		"OwnerDocument": nodeProp(func(n *xmldom.Node) any { return nilIfNil(n.Document()) }),
		"ChildNodes":    nodeProp(func(n *xmldom.Node) any { return &xmlNodeList{nodes: n.Children} }),
		"HasChildNodes": nodeProp(func(n *xmldom.Node) any { return len(n.Children) > 0 }),
		"FirstChild": nodeProp(func(n *xmldom.Node) any {
			if len(n.Children) == 0 {
				return nil
			}
			return n.Children[0]
		}),
		"LastChild": nodeProp(func(n *xmldom.Node) any {
			if len(n.Children) == 0 {
				return nil
			}
			return n.Children[len(n.Children)-1]
		}),
		"NextSibling":     nodeProp(func(n *xmldom.Node) any { return nilIfNil(n.Sibling(1)) }),
		"PreviousSibling": nodeProp(func(n *xmldom.Node) any { return nilIfNil(n.Sibling(-1)) }),
		"InnerText": {
			Get: func(c *dotnet.Call) (any, error) { return nodeOf(c).InnerText(), nil },
			Set: func(c *dotnet.Call, v any) error { nodeOf(c).SetInnerText(c.Host.ToStr(v)); return nil },
		},
		"Value": {
			Get: func(c *dotnet.Call) (any, error) {
				n := nodeOf(c)
				switch n.Kind {
				case xmldom.ElementNode, xmldom.DocumentNode:
					return nil, nil
				}
				return n.Value, nil
			},
			Set: func(c *dotnet.Call, v any) error { nodeOf(c).Value = c.Host.ToStr(v); return nil },
		},
		"SelectNodes": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			if len(c.Args) == 2 {
				return nil, dotnet.NotSupported("XPath namespace managers in SelectNodes; select by local name with *[local-name()='name']")
			}
			nodes, err := xmldom.Select(nodeOf(c), c.Str(0))
			if err != nil {
				return nil, xpathError(err)
			}
			return &xmlNodeList{nodes: nodes}, nil
		}),
		"SelectSingleNode": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			if len(c.Args) == 2 {
				return nil, dotnet.NotSupported("XPath namespace managers in SelectSingleNode; select by local name with *[local-name()='name']")
			}
			nodes, err := xmldom.Select(nodeOf(c), c.Str(0))
			if err != nil {
				return nil, xpathError(err)
			}
			if len(nodes) == 0 {
				return nil, nil
			}
			return nodes[0], nil
		}),
		"AppendChild": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n := nodeOf(c)
			x, err := nodeArg(c, 0, "newChild")
			if err != nil {
				return nil, err
			}
			if x.Parent != nil {
				x.Parent.RemoveChild(x)
			}
			if x.Kind == xmldom.AttributeNode {
				return nil, dotnet.Throw("The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.")
			}
			x.Parent = n
			n.Children = append(n.Children, x)
			n.Empty = false
			return x, nil
		}),
		"RemoveChild": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			x, err := nodeArg(c, 0, "oldChild")
			if err != nil {
				return nil, err
			}
			if !nodeOf(c).RemoveChild(x) {
				return nil, dotnet.Throw("The node to be removed is not a child of this node.")
			}
			return x, nil
		}),
		"RemoveAll": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			n := nodeOf(c)
			n.Children, n.Attrs = nil, nil
			return dotnet.Void{}, nil
		}),
		"CloneNode": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			return nodeOf(c).Clone(object.ToBool(c.Arg(0)), nil), nil
		}),
		"Clone":    dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return nodeOf(c).Clone(true, nil), nil }),
		"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return nodeOf(c).LocalName(), nil }),
	}
}}

var xmlElementMembers = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	return dotnet.Members{
		"Attributes":    nodeProp(func(n *xmldom.Node) any { return &xmlAttrs{el: n} }),
		"HasAttributes": nodeProp(func(n *xmldom.Node) any { return len(n.Attrs) > 0 }),
		"IsEmpty":       nodeProp(func(n *xmldom.Node) any { return n.Empty && len(n.Children) == 0 }),
		"GetAttribute": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			if a := nodeOf(c).Attr(c.Str(0)); a != nil {
				return a.Value, nil
			}
			return "", nil
		}),
		"HasAttribute": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) { return nodeOf(c).Attr(c.Str(0)) != nil, nil }),
		"SetAttribute": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
			n := nodeOf(c)
			val := c.Str(len(c.Args) - 1)
			if a := n.Attr(c.Str(0)); a != nil {
				a.Value = val
			} else {
				n.Attrs = append(n.Attrs, &xmldom.Node{Kind: xmldom.AttributeNode, Name: c.Str(0), Value: val, Parent: n})
			}
			return dotnet.Void{}, nil
		}),
		"RemoveAttribute": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			n := nodeOf(c)
			for i, a := range n.Attrs {
				if a.Name == c.Str(0) {
					n.Attrs = append(n.Attrs[:i:i], n.Attrs[i+1:]...)
					break
				}
			}
			return dotnet.Void{}, nil
		}),
		"GetElementsByTagName": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			var out []*xmldom.Node
			for _, d := range nodeOf(c).Descendants(false) {
				if d.Kind == xmldom.ElementNode && (d.Name == c.Str(0) || c.Str(0) == "*") {
					out = append(out, d)
				}
			}
			return &xmlNodeList{nodes: out}, nil
		}),
	}
}}

// xmlAttrs is an element's XmlAttributeCollection: a live view of its
// attributes, which the collection's methods change.
type xmlAttrs struct{ el *xmldom.Node }

func (a *xmlAttrs) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Xml.XmlAttributeCollection")
}

// PSTypeName is the .NET type name.
func (a *xmlAttrs) PSTypeName() string { return "System.Xml.XmlAttributeCollection" }

// Enumerate lists the attributes.
func (a *xmlAttrs) Enumerate() []any {
	out := make([]any, len(a.el.Attrs))
	for i, n := range a.el.Attrs {
		out[i] = n
	}
	return out
}

// Index reads an attribute by position or by name (null when there is
// none), as the collection's indexers do.
func (a *xmlAttrs) Index(h dotnet.Host, key any) (any, bool) {
	if s, ok := object.Unwrap(key).(string); ok {
		return nilIfNil(a.el.Attr(s)), true
	}
	n, ok := numeric.ToNumber(key)
	if !ok {
		return nil, false
	}
	i := int(numeric.Int64(n))
	if i < 0 || i >= len(a.el.Attrs) {
		return nil, true
	}
	return a.el.Attrs[i], true
}

func attrsOf(c *dotnet.Call) *xmlAttrs { return object.Unwrap(c.Self).(*xmlAttrs) }

// attrArg reads an XmlAttribute argument.
func attrArg(c *dotnet.Call, i int, param string) (*xmldom.Node, error) {
	n, ok := object.Unwrap(c.Arg(i)).(*xmldom.Node)
	if !ok || n.Kind != xmldom.AttributeNode {
		return nil, dotnet.ArgConvertError(c.Arg(i), param, c.Name, "System.Xml.XmlAttribute", nil)
	}
	return n, nil
}

// remove takes the attribute at i out of the element.
func (a *xmlAttrs) remove(i int) *xmldom.Node {
	n := a.el.Attrs[i]
	a.el.Attrs = append(a.el.Attrs[:i:i], a.el.Attrs[i+1:]...)
	n.Parent = nil
	return n
}

func (a *xmlAttrs) indexOf(n *xmldom.Node) int {
	for i, x := range a.el.Attrs {
		if x == n {
			return i
		}
	}
	return -1
}

// add puts an attribute in the element at position at (-1: the end): it
// leaves the element it was on, and an attribute of the same name the
// element has goes, as XmlAttributeCollection.Append and Prepend do.
func (a *xmlAttrs) add(n *xmldom.Node, at int) *xmldom.Node {
	if p := n.Parent; p != nil {
		(&xmlAttrs{el: p}).remove((&xmlAttrs{el: p}).indexOf(n))
	}
	for i, x := range a.el.Attrs {
		if x.Name == n.Name {
			a.remove(i)
			break
		}
	}
	n.Parent = a.el
	if at < 0 || at > len(a.el.Attrs) {
		a.el.Attrs = append(a.el.Attrs, n)
	} else {
		a.el.Attrs = append(a.el.Attrs[:at], append([]*xmldom.Node{n}, a.el.Attrs[at:]...)...)
	}
	return n
}

// xmlAttrsMembers are XmlAttributeCollection's members (with those of
// XmlNamedNodeMap, its base).
var xmlAttrsMembers = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	item := dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		v, _ := attrsOf(c).Index(c.Host, c.Arg(0))
		return v, nil
	})
	return dotnet.Members{
		"Count":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(attrsOf(c).el.Attrs), nil }),
		"Item":   item,
		"ItemOf": item,
		"GetNamedItem": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			return nilIfNil(attrsOf(c).el.Attr(c.Str(0))), nil
		}),
		"SetNamedItem": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n, err := attrArg(c, 0, "node")
			if err != nil {
				return nil, err
			}
			a := attrsOf(c)
			old := a.el.Attr(n.Name)
			at := -1
			if old != nil {
				at = a.indexOf(old)
			}
			a.add(n, at)
			return nilIfNil(old), nil
		}),
		"RemoveNamedItem": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
			a := attrsOf(c)
			if old := a.el.Attr(c.Str(0)); old != nil {
				return a.remove(a.indexOf(old)), nil
			}
			return nil, nil
		}),
		"Append": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n, err := attrArg(c, 0, "node")
			if err != nil {
				return nil, err
			}
			return attrsOf(c).add(n, -1), nil
		}),
		"Prepend": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n, err := attrArg(c, 0, "node")
			if err != nil {
				return nil, err
			}
			return attrsOf(c).add(n, 0), nil
		}),
		"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n, err := attrArg(c, 0, "node")
			if err != nil {
				return nil, err
			}
			a := attrsOf(c)
			if i := a.indexOf(n); i >= 0 {
				return a.remove(i), nil
			}
			return nil, nil
		}),
		"RemoveAt": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			a := attrsOf(c)
			n, _ := numeric.ToNumber(c.Arg(0))
			i := int(numeric.Int64(n))
			if i < 0 || i >= len(a.el.Attrs) {
				return nil, nil
			}
			return a.remove(i), nil
		}),
		"RemoveAll": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
			a := attrsOf(c)
			for len(a.el.Attrs) > 0 {
				a.remove(0)
			}
			return dotnet.Void{}, nil
		}),
	}
}}

func newXMLDocument(c *dotnet.Call) (any, error) { return &xmldom.Node{Kind: xmldom.DocumentNode}, nil }

// Declare registers [xml] (XmlDocument), its node types and XmlNodeList.
func Declare() {
	nodeBase := "System.Xml.XmlNode"
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Xml.XmlNode", Assembly: "System.Private.Xml", Members: xmlNodeMembers.Get(),
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*xmldom.Node); return ok }},
		&dotnet.TypeDef{FullName: "System.Xml.XmlDocument", Aliases: []string{"xml"}, Assembly: "System.Private.Xml", Base: nodeBase,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if n, ok := object.Unwrap(v).(*xmldom.Node); ok && n.Kind == xmldom.DocumentNode {
					return n, nil
				}
				text := h.ToStr(v)
				if items, ok := object.Elements(object.Unwrap(v)); ok {
					// Get-Content output: the lines of one document
					parts := make([]string, len(items))
					for i, it := range items {
						parts[i] = h.ToStr(it)
					}
					text = strings.Join(parts, "\n")
				}
				doc, err := xmldom.Parse(text)
				if err != nil {
					return nil, dotnet.ConvertFailed(v, "System.Xml.XmlDocument", err.Error())
				}
				return doc, nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				n, ok := object.Unwrap(v).(*xmldom.Node)
				return ok && n.Kind == xmldom.DocumentNode
			},
			NewArity: []int{0},
			New:      newXMLDocument,
			Members: dotnet.Members{
				"DocumentElement": nodeProp(func(n *xmldom.Node) any { return nilIfNil(n.DocumentElement()) }),
				"LoadXml": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					doc, err := xmldom.Parse(c.Str(0))
					if err != nil {
						return nil, dotnet.Throw("%s", err.Error())
					}
					n := nodeOf(c)
					n.Children = doc.Children
					for _, ch := range n.Children {
						ch.Parent = n
					}
					return dotnet.Void{}, nil
				}),
				"Load": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return nil, dotnet.NotSupported("XmlDocument.Load from a file; use [xml](Get-Content -Raw PATH)")
				}),
				"Save": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return nil, dotnet.NotSupported("XmlDocument.Save to a file; use $xml.OuterXml | Set-Content PATH")
				}),
				"CreateElement": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					return &xmldom.Node{Kind: xmldom.ElementNode, Name: c.Str(0)}, nil
				}),
				"CreateAttribute": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					return &xmldom.Node{Kind: xmldom.AttributeNode, Name: c.Str(0)}, nil
				}),
				"CreateTextNode": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return &xmldom.Node{Kind: xmldom.TextNode, Value: c.Str(0)}, nil
				}),
				"CreateComment": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return &xmldom.Node{Kind: xmldom.CommentNode, Value: c.Str(0)}, nil
				}),
				"CreateXmlDeclaration": dotnet.Method(3, 3, func(c *dotnet.Call) (any, error) {
					v := "version=\"" + c.Str(0) + "\""
					if c.Str(1) != "" {
						v += " encoding=\"" + c.Str(1) + "\""
					}
					if c.Str(2) != "" {
						v += " standalone=\"" + c.Str(2) + "\""
					}
					return &xmldom.Node{Kind: xmldom.DeclarationNode, Value: v}, nil
				}),
				"GetElementsByTagName": xmlElementMembers.Get()["GetElementsByTagName"],
			}},
		&dotnet.TypeDef{FullName: "System.Xml.XmlElement", Assembly: "System.Private.Xml", Base: nodeBase, Members: xmlElementMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Xml.XmlAttribute", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlText", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlCDataSection", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlComment", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlDeclaration", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlProcessingInstruction", Assembly: "System.Private.Xml", Base: nodeBase},
		&dotnet.TypeDef{FullName: "System.Xml.XmlNamedNodeMap", Assembly: "System.Private.Xml"},
		&dotnet.TypeDef{FullName: "System.Xml.XmlAttributeCollection", Assembly: "System.Private.Xml", Base: "System.Xml.XmlNamedNodeMap",
			Members: xmlAttrsMembers.Get(),
			Is:      func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*xmlAttrs); return ok }},
		&dotnet.TypeDef{FullName: "System.Xml.XmlNodeList", Assembly: "System.Private.Xml",
			Members: dotnet.Members{
				"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(c.Self.(*xmlNodeList).nodes), nil }),
				"Item": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, _ := c.Self.(*xmlNodeList).Index(c.Host, c.Arg(0))
					return v, nil
				}),
			}},
	)
}
