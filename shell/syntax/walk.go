package syntax

import (
	"reflect"
	"strings"
)

// Inspect walks the tree rooted at n in depth-first order, calling f for
// each node; when f returns false the node's children are skipped.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	for _, c := range Children(n) {
		Inspect(c, f)
	}
}

func isNil(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

func add1(out []Node, list ...Node) []Node {
	for _, n := range list {
		if !isNil(n) {
			out = append(out, n)
		}
	}
	return out
}

func add[T Node](out []Node, list ...T) []Node {
	for _, n := range list {
		if !isNil(n) {
			out = append(out, n)
		}
	}
	return out
}

// Children lists the direct children of n in source order (none of them
// nil).
func Children(n Node) []Node {
	var out []Node
	switch x := n.(type) {
	case *ScriptBlock:
		out = add(out, x.Usings...)
		out = add1(out, x.Param)
		out = add1(out, x.Begin, x.Process, x.End, x.Clean)
	case *ParamBlock:
		out = add(out, x.Attributes...)
		out = add(out, x.Params...)
	case *Parameter:
		out = add(out, x.Attributes...)
		out = add(out, x.Types...)
		out = add1(out, x.Default)
	case *Attribute:
		out = add(out, x.Positional...)
		for _, na := range x.Named {
			out = add1(out, na.Value)
		}
	case *StatementBlock:
		out = add(out, x.Statements...)
		out = add(out, x.Traps...)
	case *Pipeline:
		out = add(out, x.Elements...)
	case *PipelineChain:
		out = add1(out, x.Left, x.Right)
	case *AssignmentStmt:
		out = add1(out, x.Target, x.Value)
	case *IfStmt:
		for _, c := range x.Clauses {
			out = add1(out, c.Cond, c.Body)
		}
		out = add1(out, x.Else)
	case *ForEachStmt:
		out = add1(out, x.Variable, x.Collection, x.Body)
	case *ForStmt:
		out = add1(out, x.Init, x.Cond, x.Iter, x.Body)
	case *WhileStmt:
		out = add1(out, x.Cond, x.Body)
	case *DoStmt:
		out = add1(out, x.Body, x.Cond)
	case *SwitchStmt:
		out = add1(out, x.Cond)
		for _, c := range x.Clauses {
			out = add1(out, c.Pattern, c.Body)
		}
		out = add1(out, x.Default)
	case *TryStmt:
		out = add1(out, x.Body)
		out = add(out, x.Catches...)
		out = add1(out, x.Finally)
	case *CatchClause:
		out = add(out, x.Types...)
		out = add1(out, x.Body)
	case *TrapStmt:
		out = add1(out, x.Type, x.Body)
	case *ThrowStmt:
		out = add1(out, x.Value)
	case *ReturnStmt:
		out = add1(out, x.Value)
	case *ExitStmt:
		out = add1(out, x.Value)
	case *TypeDefStmt:
		out = append(out, typeDefChildren(x)...)
	case *FunctionDef:
		out = add(out, x.Params...)
		out = add1(out, x.Body)
	case *CommandExpr:
		out = add(out, x.Elements...)
		out = add(out, x.Redirections...)
	case *CommandParameter:
		out = add1(out, x.Arg)
	case *CommandExprElement:
		out = add1(out, x.Expr)
		out = add(out, x.Redirections...)
	case *Redirection:
		out = add1(out, x.Target)
	case *UsingStmt:
		out = add1(out, x.Spec)
	case *ExpandableStringExpr:
		out = add(out, x.Parts...)
	case *ArrayLiteralExpr:
		out = add(out, x.Elements...)
	case *ArrayExpr:
		out = add1(out, x.Body)
	case *SubExpr:
		out = add1(out, x.Body)
	case *ParenExpr:
		out = add1(out, x.Stmt)
	case *HashtableExpr:
		for _, kv := range x.Pairs {
			out = add1(out, kv.Key, kv.Value)
		}
	case *ScriptBlockExpr:
		out = add1(out, x.Block)
	case *TypeExpr:
		out = add1(out, x.Type)
	case *ConvertExpr:
		out = add1(out, x.Type, x.Child)
	case *AttributedExpr:
		out = add1(out, x.Attribute, x.Child)
	case *UnaryExpr:
		out = add1(out, x.Child)
	case *BinaryExpr:
		out = add1(out, x.Left, x.Right)
	case *TernaryExpr:
		out = add1(out, x.Cond, x.IfTrue, x.IfFalse)
	case *MemberExpr:
		out = add1(out, x.Target, x.Member)
	case *InvokeMemberExpr:
		out = add1(out, x.Target, x.Member)
		out = add(out, x.Args...)
	case *IndexExpr:
		out = add1(out, x.Target, x.Index)
	}
	return out
}

// UsesDollarInput reports whether b reads the $input variable outside the
// script blocks, functions and traps written inside it (a scope
// qualifier such as $script:input counts; $env:input is not the
// variable). Invoke-Command on the local session collects its pipeline
// input for such a block and streams it, one object at a time, into any
// other.
func UsesDollarInput(b *ScriptBlock) bool {
	found := false
	for _, c := range Children(b) {
		Inspect(c, func(n Node) bool {
			switch x := n.(type) {
			case *ScriptBlockExpr, *FunctionDef, *TrapStmt:
				return false
			case *VariableExpr:
				if isInputVariable(x.Name) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// isInputVariable reports whether a variable name (with any scope
// qualifier) names the automatic variable $input.
func isInputVariable(name string) bool {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		switch strings.ToLower(name[:i]) {
		case "global", "local", "script", "private":
			name = name[i+1:]
		default:
			return false
		}
	}
	return strings.EqualFold(name, "input")
}

// OutputOf returns what writes the value of a subexpression $(...) (its
// statement block) or of a pipeline of commands in parentheses (the
// pipeline), as opposed to an expression that is a value itself; nil for
// any other expression.
func OutputOf(e Expr) Node {
	switch x := e.(type) {
	case *SubExpr:
		if x.Body != nil {
			return x.Body
		}
	case *ParenExpr:
		if p, ok := x.Stmt.(*Pipeline); ok && len(p.Elements) > 0 {
			if _, isExpr := p.Elements[0].(*CommandExprElement); len(p.Elements) > 1 || !isExpr {
				return p
			}
		}
	}
	return nil
}
