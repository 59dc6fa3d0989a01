package opath

// NodeKind tells what a Node of a filter's tree is.
type NodeKind int

// The kinds of tree nodes.
const (
	NodeAnd    NodeKind = iota // every one of Kids
	NodeOr                     // any one of Kids
	NodeNot                    // not Kids[0]
	NodeCmp                    // Prop Op Val
	NodeExists                 // Prop alone (true when it has a value)
)

// Node is one node of a parsed filter, for callers that write the filter
// in another form (the text a directory stores, an LDAP filter). A chain
// of one operator ("A -and B -and C") is one node with every operand as a
// kid; parentheses that group nothing leave no trace.
type Node struct {
	Kind NodeKind
	Kids []Node
	Prop string
	Op   Op
	Val  Value
}

// Tree returns the filter's tree.
func (f *Filter) Tree() Node { return treeOf(f.root) }

func treeOf(n node) Node {
	switch n := n.(type) {
	case *andNode:
		return Node{Kind: NodeAnd, Kids: append(chain(n.l, true), chain(n.r, true)...)}
	case *orNode:
		return Node{Kind: NodeOr, Kids: append(chain(n.l, false), chain(n.r, false)...)}
	case *notNode:
		return Node{Kind: NodeNot, Kids: []Node{treeOf(n.x)}}
	case *cmpNode:
		return Node{Kind: NodeCmp, Prop: n.prop, Op: n.op, Val: n.val}
	case *existsNode:
		return Node{Kind: NodeExists, Prop: n.prop}
	}
	return Node{Kind: NodeAnd}
}

// chain returns the operands of a chain of -and (and true) or -or.
func chain(n node, and bool) []Node {
	switch x := n.(type) {
	case *andNode:
		if and {
			return append(chain(x.l, true), chain(x.r, true)...)
		}
	case *orNode:
		if !and {
			return append(chain(x.l, false), chain(x.r, false)...)
		}
	}
	return []Node{treeOf(n)}
}
