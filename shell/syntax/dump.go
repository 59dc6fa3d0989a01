package syntax

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// Dump renders a node as a compact S-expression, for tests and debugging.
// Strings are written with a kind prefix (b bareword, s single-quoted,
// d double-quoted, hs/hd here-strings), numbers with a type suffix
// (L int64, D double, M decimal; none for int).
func Dump(n Node) string {
	var b strings.Builder
	dump(&b, n)
	return b.String()
}

func dumpList[T Node](b *strings.Builder, list []T) {
	for _, n := range list {
		b.WriteByte(' ')
		dump(b, n)
	}
}

func dumpBlock(b *strings.Builder, sb *StatementBlock) {
	if sb == nil {
		b.WriteString("<nil>")
		return
	}
	b.WriteByte('{')
	for i, s := range sb.Statements {
		if i > 0 {
			b.WriteByte(' ')
		}
		dump(b, s)
	}
	for _, t := range sb.Traps {
		b.WriteByte(' ')
		dump(b, t)
	}
	b.WriteByte('}')
}

func labelled(b *strings.Builder, label string) {
	if label != "" {
		b.WriteString(" :" + label)
	}
}

func dump(b *strings.Builder, n Node) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		b.WriteString("<nil>")
		return
	}
	switch x := n.(type) {
	case nil:
		b.WriteString("<nil>")
	case *ScriptBlock:
		if x == nil {
			b.WriteString("<nil>")
			return
		}
		b.WriteString("(sb")
		if x.IsFilter {
			b.WriteString(" filter")
		}
		if r := x.Requires; r != nil {
			b.WriteString(" (requires")
			if r.Version != "" {
				b.WriteString(" -version " + r.Version)
			}
			for _, e := range r.Editions {
				b.WriteString(" -psedition " + e)
			}
			for _, m := range r.Modules {
				b.WriteString(" -module " + m.Name)
				if m.Version != "" {
					b.WriteString("@" + m.Version)
				}
			}
			for _, a := range r.Assemblies {
				b.WriteString(" -assembly " + a)
			}
			if r.RunAsAdministrator {
				b.WriteString(" -runasadministrator")
			}
			b.WriteByte(')')
		}
		dumpList(b, x.Usings)
		if x.Param != nil {
			b.WriteByte(' ')
			dump(b, x.Param)
		}
		if x.Unnamed {
			if x.End != nil {
				for _, s := range x.End.Statements {
					b.WriteByte(' ')
					dump(b, s)
				}
				for _, t := range x.End.Traps {
					b.WriteByte(' ')
					dump(b, t)
				}
			}
		} else {
			for _, nb := range []struct {
				name string
				blk  *StatementBlock
			}{{"begin", x.Begin}, {"process", x.Process}, {"end", x.End}, {"clean", x.Clean}} {
				if nb.blk != nil {
					b.WriteString(" (" + nb.name + " ")
					dumpBlock(b, nb.blk)
					b.WriteByte(')')
				}
			}
		}
		b.WriteByte(')')
	case *ParamBlock:
		b.WriteString("(param")
		dumpList(b, x.Attributes)
		dumpList(b, x.Params)
		b.WriteByte(')')
	case *Parameter:
		b.WriteString("(p")
		dumpList(b, x.Attributes)
		dumpList(b, x.Types)
		b.WriteString(" $" + x.Name)
		if x.Default != nil {
			b.WriteString(" = ")
			dump(b, x.Default)
		}
		b.WriteByte(')')
	case *Attribute:
		b.WriteString("(attr " + x.Name)
		dumpList(b, x.Positional)
		for _, na := range x.Named {
			b.WriteString(" " + na.Name)
			if na.Value != nil {
				b.WriteByte('=')
				dump(b, na.Value)
			}
		}
		b.WriteByte(')')
	case *TypeName:
		b.WriteString("[" + x.Name + "]")
	case *StatementBlock:
		dumpBlock(b, x)
	case *Pipeline:
		if len(x.Elements) == 1 {
			dump(b, x.Elements[0])
			return
		}
		b.WriteString("(pipe")
		dumpList(b, x.Elements)
		b.WriteByte(')')
	case *PipelineChain:
		b.WriteString("(" + x.Op + " ")
		dump(b, x.Left)
		b.WriteByte(' ')
		dump(b, x.Right)
		b.WriteByte(')')
	case *AssignmentStmt:
		b.WriteString("(" + x.Op + " ")
		dump(b, x.Target)
		b.WriteByte(' ')
		dump(b, x.Value)
		b.WriteByte(')')
	case *IfStmt:
		b.WriteString("(if")
		for _, c := range x.Clauses {
			b.WriteString(" (")
			dump(b, c.Cond)
			b.WriteByte(' ')
			dumpBlock(b, c.Body)
			b.WriteByte(')')
		}
		if x.Else != nil {
			b.WriteString(" (else ")
			dumpBlock(b, x.Else)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case *ForEachStmt:
		b.WriteString("(foreach")
		labelled(b, x.Label)
		b.WriteByte(' ')
		dump(b, x.Variable)
		b.WriteByte(' ')
		dump(b, x.Collection)
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *ForStmt:
		b.WriteString("(for")
		labelled(b, x.Label)
		for _, s := range []Statement{x.Init, x.Cond, x.Iter} {
			b.WriteByte(' ')
			dump(b, s)
		}
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *WhileStmt:
		b.WriteString("(while")
		labelled(b, x.Label)
		b.WriteByte(' ')
		dump(b, x.Cond)
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *DoStmt:
		kw := "while"
		if x.Until {
			kw = "until"
		}
		b.WriteString("(do-" + kw)
		labelled(b, x.Label)
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(' ')
		dump(b, x.Cond)
		b.WriteByte(')')
	case *SwitchStmt:
		b.WriteString("(switch")
		labelled(b, x.Label)
		for _, f := range []struct {
			on   bool
			name string
		}{{x.Regex, "-regex"}, {x.Wildcard, "-wildcard"}, {x.Exact, "-exact"}, {x.CaseSensitive, "-casesensitive"}, {x.File, "-file"}} {
			if f.on {
				b.WriteString(" " + f.name)
			}
		}
		b.WriteByte(' ')
		dump(b, x.Cond)
		for _, c := range x.Clauses {
			b.WriteString(" (")
			dump(b, c.Pattern)
			b.WriteByte(' ')
			dumpBlock(b, c.Body)
			b.WriteByte(')')
		}
		if x.Default != nil {
			b.WriteString(" (default ")
			dumpBlock(b, x.Default)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case *TryStmt:
		b.WriteString("(try ")
		dumpBlock(b, x.Body)
		for _, c := range x.Catches {
			b.WriteByte(' ')
			dump(b, c)
		}
		if x.Finally != nil {
			b.WriteString(" (finally ")
			dumpBlock(b, x.Finally)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case *CatchClause:
		b.WriteString("(catch")
		dumpList(b, x.Types)
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *TrapStmt:
		b.WriteString("(trap")
		if x.Type != nil {
			b.WriteByte(' ')
			dump(b, x.Type)
		}
		b.WriteByte(' ')
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *ThrowStmt:
		flow(b, "throw", x.Value)
	case *ReturnStmt:
		flow(b, "return", x.Value)
	case *ExitStmt:
		flow(b, "exit", x.Value)
	case *BreakStmt:
		b.WriteString("(break")
		labelled(b, x.Label)
		b.WriteByte(')')
	case *ContinueStmt:
		b.WriteString("(continue")
		labelled(b, x.Label)
		b.WriteByte(')')
	case *FunctionDef:
		kw := "function"
		if x.IsFilter {
			kw = "filter"
		}
		b.WriteString("(" + kw + " " + x.Name)
		if x.Params != nil {
			b.WriteString(" (")
			for i, p := range x.Params {
				if i > 0 {
					b.WriteByte(' ')
				}
				dump(b, p)
			}
			b.WriteByte(')')
		}
		b.WriteByte(' ')
		dump(b, x.Body)
		b.WriteByte(')')
	case *CommandExpr:
		b.WriteString("(cmd")
		if x.InvocationOp != "" {
			b.WriteString(" " + x.InvocationOp)
		}
		dumpList(b, x.Elements)
		dumpList(b, x.Redirections)
		b.WriteByte(')')
	case *CommandParameter:
		if x.Arg != nil {
			b.WriteString("(-" + x.Name + ": ")
			dump(b, x.Arg)
			b.WriteByte(')')
		} else {
			b.WriteString("-" + x.Name)
		}
	case *CommandExprElement:
		if len(x.Redirections) == 0 {
			dump(b, x.Expr)
			return
		}
		b.WriteString("(expr ")
		dump(b, x.Expr)
		dumpList(b, x.Redirections)
		b.WriteByte(')')
	case *UsingStmt:
		b.WriteString("(using " + x.Kind + " " + x.Name)
		if x.Target != "" {
			b.WriteString(" = " + x.Target)
		}
		if x.Spec != nil {
			b.WriteByte(' ')
			dump(b, x.Spec)
		}
		b.WriteByte(')')
	case *Redirection:
		op := x.From + ">"
		if x.Append {
			op += ">"
		}
		if x.Merge {
			b.WriteString(op + "&1")
			return
		}
		b.WriteString("(" + op + " ")
		dump(b, x.Target)
		b.WriteByte(')')
	case *ConstantExpr:
		b.WriteString(constString(x.Value))
	case *StringConstExpr:
		b.WriteString(kindPrefix(x.Kind) + strconv.Quote(x.Value))
	case *ExpandableStringExpr:
		b.WriteString("(" + kindPrefix(x.Kind) + "\"\"")
		dumpList(b, x.Parts)
		b.WriteByte(')')
	case *VariableExpr:
		if x.Splatted {
			b.WriteString("@" + x.Name)
		} else {
			b.WriteString("$" + x.Name)
		}
	case *ArrayLiteralExpr:
		b.WriteString("(,")
		dumpList(b, x.Elements)
		b.WriteByte(')')
	case *ArrayExpr:
		b.WriteString("(@() ")
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *SubExpr:
		b.WriteString("($() ")
		dumpBlock(b, x.Body)
		b.WriteByte(')')
	case *ParenExpr:
		b.WriteString("(paren ")
		dump(b, x.Stmt)
		b.WriteByte(')')
	case *HashtableExpr:
		b.WriteString("(@{}")
		for _, kv := range x.Pairs {
			b.WriteString(" (")
			dump(b, kv.Key)
			b.WriteByte(' ')
			dump(b, kv.Value)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case *ScriptBlockExpr:
		dump(b, x.Block)
	case *TypeExpr:
		dump(b, x.Type)
	case *AttributedExpr:
		b.WriteString("(attributed ")
		dump(b, x.Attribute)
		b.WriteByte(' ')
		dump(b, x.Child)
		b.WriteByte(')')
	case *ConvertExpr:
		b.WriteString("(cast ")
		dump(b, x.Type)
		b.WriteByte(' ')
		dump(b, x.Child)
		b.WriteByte(')')
	case *UnaryExpr:
		b.WriteString("(" + x.Op + " ")
		dump(b, x.Child)
		b.WriteByte(')')
	case *BinaryExpr:
		b.WriteString("(" + x.Op + " ")
		dump(b, x.Left)
		b.WriteByte(' ')
		dump(b, x.Right)
		b.WriteByte(')')
	case *TernaryExpr:
		b.WriteString("(? ")
		dump(b, x.Cond)
		b.WriteByte(' ')
		dump(b, x.IfTrue)
		b.WriteByte(' ')
		dump(b, x.IfFalse)
		b.WriteByte(')')
	case *MemberExpr:
		b.WriteString("(" + memberOp(x.Static, x.NullConditional) + " ")
		dump(b, x.Target)
		b.WriteByte(' ')
		dump(b, x.Member)
		b.WriteByte(')')
	case *InvokeMemberExpr:
		b.WriteString("(call" + memberOp(x.Static, x.NullConditional) + " ")
		dump(b, x.Target)
		b.WriteByte(' ')
		dump(b, x.Member)
		dumpList(b, x.Args)
		b.WriteByte(')')
	case *IndexExpr:
		op := "[]"
		if x.NullConditional {
			op = "?[]"
		}
		b.WriteString("(" + op + " ")
		dump(b, x.Target)
		b.WriteByte(' ')
		dump(b, x.Index)
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "<%T>", n)
	}
}

func flow(b *strings.Builder, kw string, v Statement) {
	b.WriteString("(" + kw)
	if v != nil && !reflect.ValueOf(v).IsNil() {
		b.WriteByte(' ')
		dump(b, v)
	}
	b.WriteByte(')')
}

func memberOp(static, nullCond bool) string {
	switch {
	case static:
		return "::"
	case nullCond:
		return "?."
	}
	return "."
}

func kindPrefix(k StringKind) string {
	switch k {
	case BareWord:
		return "b"
	case SingleQuoted:
		return "s"
	case DoubleQuoted:
		return "d"
	case HereSingle:
		return "hs"
	case HereDouble:
		return "hd"
	}
	return "?"
}

func constString(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10) + "L"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64) + "D"
	case object.Decimal:
		return x.String() + "M"
	case object.BigInt:
		return x.String() + "n"
	case int8, uint8, int16, uint16, uint32, uint64:
		// the literal's own suffix: 5y, 5uy, 5s, 5us, 5u, 5ul
		suffix := map[string]string{"System.SByte": "y", "System.Byte": "uy", "System.Int16": "s",
			"System.UInt16": "us", "System.UInt32": "u", "System.UInt64": "ul"}[object.TypeName(x)]
		return object.IntegerString(x) + suffix
	}
	return fmt.Sprintf("%v", v)
}
