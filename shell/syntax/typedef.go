package syntax

// TypeDefStmt is an enum or class definition written in a script:
//
//	[Flags()] enum Name [: UnderlyingType] { A; B = 5 }
//	class Name [: Base[, Interface...]] { members }
type TypeDefStmt struct {
	Ext        Extent
	IsEnum     bool
	Name       string
	NameExt    Extent
	Attributes []*Attribute
	// Bases lists the names after ':' (an enum's underlying type, a
	// class's base class and interfaces), in order.
	Bases   []*TypeName
	Enum    []*EnumMember
	Props   []*PropertyDef
	Methods []*MethodDef
}

// EnumMember is one name of an enum, with its value expression if written.
type EnumMember struct {
	Ext   Extent
	Name  string
	Value Expr
}

// PropertyDef is a class property: [static] [hidden] [type] $Name [= default].
type PropertyDef struct {
	Ext        Extent
	Name       string
	Type       *TypeName
	Attributes []*Attribute
	Static     bool
	Hidden     bool
	Default    Expr
}

// MethodDef is a class method or constructor (Name equal to the class's).
type MethodDef struct {
	Ext        Extent
	Name       string
	ReturnType *TypeName // nil when none was written
	Static     bool
	Hidden     bool
	IsCtor     bool
	Params     []*Parameter
	// BaseArgs are the arguments of ": base(...)" after a constructor's
	// parameters; HasBase tells whether it was written.
	HasBase  bool
	BaseArgs []Expr
	Body     *ScriptBlock
}

func (*TypeDefStmt) stmt()          {}
func (n *TypeDefStmt) Span() Extent { return n.Ext }
func (n *EnumMember) Span() Extent  { return n.Ext }
func (n *PropertyDef) Span() Extent { return n.Ext }
func (n *MethodDef) Span() Extent   { return n.Ext }
func typeDefChildren(n *TypeDefStmt) []Node {
	var out []Node
	for _, m := range n.Enum {
		if m.Value != nil {
			out = append(out, m.Value)
		}
	}
	for _, pr := range n.Props {
		if pr.Default != nil {
			out = append(out, pr.Default)
		}
	}
	for _, m := range n.Methods {
		for _, prm := range m.Params {
			out = append(out, prm)
		}
		for _, a := range m.BaseArgs {
			out = append(out, a)
		}
		if m.Body != nil {
			out = append(out, m.Body)
		}
	}
	return out
}
