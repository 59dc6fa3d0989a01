package runtime

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
)

func (rt *Runtime) evalExpr(e syntax.Expr) (any, error) {
	if rt.exprDepth >= maxExprDepth {
		return nil, pserror.CallDepthOverflow(pserror.Position(e.Span()))
	}
	rt.exprDepth++
	defer func() { rt.exprDepth-- }()
	switch x := e.(type) {
	case *syntax.ConstantExpr:
		return x.Value, nil
	case *syntax.StringConstExpr:
		return x.Value, nil
	case *syntax.ExpandableStringExpr:
		return rt.expandString(x)
	case *syntax.VariableExpr:
		return rt.readVariable(x)
	case *syntax.ArrayLiteralExpr:
		out := make([]any, 0, len(x.Elements))
		for _, el := range x.Elements {
			v, err := rt.evalExpr(el)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case *syntax.ArrayExpr:
		items := []any{}
		err := rt.execBlock(x.Body, func(v any) error {
			items = append(items, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return items, nil
	case *syntax.SubExpr:
		var items []any
		err := rt.execBlock(x.Body, func(v any) error {
			items = append(items, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return collapse(items), nil
	case *syntax.ParenExpr:
		return rt.evalStatementValue(x.Stmt)
	case *syntax.HashtableExpr:
		h := object.NewHashtable()
		for _, kv := range x.Pairs {
			k, err := rt.evalExpr(kv.Key)
			if err != nil {
				return nil, err
			}
			v, err := rt.evalStatementValue(kv.Value)
			if err != nil {
				return nil, err
			}
			// a hash literal adds its keys: a null key or one already
			// there (by the dictionary's own key equality) fails
			k = object.Unwrap(k)
			if k == nil {
				return nil, pserror.Runtime(kv.Key.Span(), "A null key is not allowed in a hash literal.", "InvalidNullKey", object.InvalidOperation, "RuntimeException")
			}
			if h.Has(k) {
				text := object.ToCultureString(k)
				if utf8.RuneCountInString(text) > 40 {
					text = string([]rune(text)[:40]) + "…"
				}
				return nil, pserror.Runtime(kv.Key.Span(), "Duplicate keys '"+text+"' are not allowed in hash literals.", "DuplicateKeyInHashLiteral", object.InvalidOperation, "RuntimeException")
			}
			h.Set(k, v)
		}
		return h, nil
	case *syntax.ScriptBlockExpr:
		return rt.newBlock(x.Block), nil
	case *syntax.TypeExpr:
		return automation.TypeLiteral(rt, rt.qualifyTypeName(x.Type.Name, x.Ext), x.Type.Name, x.Ext)
	case *syntax.ConvertExpr:
		return rt.evalConvert(x)
	case *syntax.AttributedExpr:
		// an attribute only matters to an assignment
		return rt.evalExpr(x.Child)
	case *syntax.UnaryExpr:
		return rt.evalUnary(x)
	case *syntax.BinaryExpr:
		return rt.evalBinary(x)
	case *syntax.TernaryExpr:
		c, err := rt.evalExpr(x.Cond)
		if err != nil {
			return nil, err
		}
		if object.ToBool(c) {
			return rt.evalExpr(x.IfTrue)
		}
		return rt.evalExpr(x.IfFalse)
	case *syntax.MemberExpr:
		return rt.evalMember(x)
	case *syntax.InvokeMemberExpr:
		return rt.evalInvokeMember(x)
	case *syntax.IndexExpr:
		return rt.evalIndex(x)
	}
	return nil, fmt.Errorf("unsupported expression %T", e)
}

func (rt *Runtime) evalConvert(x *syntax.ConvertExpr) (any, error) {
	name := strings.ToLower(x.Type.Name)
	if name == "ordered" {
		if h, ok := x.Child.(*syntax.HashtableExpr); ok {
			v, err := rt.evalExpr(h)
			if err != nil {
				return nil, err
			}
			ht := v.(*object.Hashtable)
			ht.Ordered = true
			return ht, nil
		}
		return nil, pserror.Runtime(x.Ext, "The ordered attribute can be specified only on a hash literal node.", "OrderedAttributeOnlyOnHashLiteralNode", object.ParserError, "ParseException")
	}
	if name == "ref" {
		// [ref]$x refers to the variable itself, not to its value
		if ve, ok := x.Child.(*syntax.VariableExpr); ok && !isConstantVariable(ve.Name) {
			r, err := rt.refToVariable(ve.Name)
			if err != nil {
				return nil, pserror.Runtime(x.Ext, err.Error(), "NonExistingVariableReference", object.InvalidOperation, "RuntimeException")
			}
			return r, nil
		}
	}
	v, err := rt.evalExpr(x.Child)
	if err != nil {
		return nil, err
	}
	if name == "void" {
		return voidValue{}, nil
	}
	return automation.Cast(rt, v, rt.qualifyTypeName(x.Type.Name, x.Ext), x.Type.Name, x.Ext)
}

func (rt *Runtime) readVariable(x *syntax.VariableExpr) (any, error) {
	scopeName, bare := scope.Split(x.Name)
	switch strings.ToLower(bare) {
	case "true":
		if scopeName == "" {
			return true, nil
		}
	case "false":
		if scopeName == "" {
			return false, nil
		}
	case "null":
		if scopeName == "" {
			return nil, nil
		}
	case "?":
		return rt.lastSuccess, nil
	case "psitem":
		if v := rt.scope.Find("_"); v != nil {
			return v.Value, nil
		}
	}
	if scopeName == "env" {
		v, ok := rt.Env().Get(bare)
		if !ok {
			return nil, nil
		}
		return v, nil
	}
	if scopeName == "variable" {
		if v := rt.scope.Find(bare); v != nil {
			return v.Value, nil
		}
		return nil, nil
	}
	if scopeName == "function" {
		if f := rt.lookupFunction(bare); f != nil {
			return f.Body, nil
		}
		return nil, nil
	}
	if v := rt.scope.Find(x.Name); v != nil {
		return v.Value, nil
	}
	return nil, rt.undefinedVariable(x, scopeName, bare)
}

func (rt *Runtime) expandString(x *syntax.ExpandableStringExpr) (any, error) {
	rt.inString++
	defer func() { rt.inString-- }()
	var b strings.Builder
	for _, p := range x.Parts {
		switch part := p.(type) {
		case *syntax.StringConstExpr:
			b.WriteString(part.Value)
		default:
			v, err := rt.evalExpr(p)
			if err != nil {
				return nil, err
			}
			b.WriteString(rt.toStr(v))
		}
	}
	return b.String(), nil
}

func (rt *Runtime) evalUnary(x *syntax.UnaryExpr) (any, error) {
	switch x.Op {
	case "++", "--", "p++", "p--":
		cur, err := rt.evalExpr(x.Child)
		if err != nil {
			return nil, err
		}
		op := "+"
		if strings.HasSuffix(x.Op, "--") {
			op = "-"
		}
		next, err := rt.binaryArith(op, cur, 1)
		if err != nil {
			return nil, ops.Failure(x.Ext, err)
		}
		if err := rt.assignTo(x.Child, next, x.Ext); err != nil {
			return nil, err
		}
		if strings.HasPrefix(x.Op, "p") {
			if cur == nil {
				return 0, nil
			}
			return cur, nil
		}
		return next, nil
	}
	v, err := rt.evalExpr(x.Child)
	if err != nil {
		return nil, err
	}
	return ops.Unary(opSession{rt}, x.Op, v, x.Ext)
}

func (rt *Runtime) evalBinary(x *syntax.BinaryExpr) (any, error) {
	// A chain such as 1 + 2 + 3 ... leans left: its operators are applied
	// in a loop from the innermost out, so its length costs no stack.
	var buf [8]*syntax.BinaryExpr
	chain := append(buf[:0], x)
	for {
		l, ok := chain[len(chain)-1].Left.(*syntax.BinaryExpr)
		if !ok {
			break
		}
		chain = append(chain, l)
	}
	v, err := rt.evalExpr(chain[len(chain)-1].Left)
	if err != nil {
		return nil, err
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if v, err = rt.applyBinary(chain[i], v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// applyBinary applies x's operator to l, the value of its left operand,
// and its right operand.
func (rt *Runtime) applyBinary(x *syntax.BinaryExpr, l any) (any, error) {
	op := strings.ToLower(x.Op)
	switch op {
	case "-and", "-or":
		lb := object.ToBool(l)
		if op == "-and" && !lb {
			return false, nil
		}
		if op == "-or" && lb {
			return true, nil
		}
		r, err := rt.evalExpr(x.Right)
		if err != nil {
			return nil, err
		}
		return object.ToBool(r), nil
	case "??":
		if l != nil {
			return l, nil
		}
		return rt.evalExpr(x.Right)
	}
	r, err := rt.evalExpr(x.Right)
	if err != nil {
		return nil, err
	}
	v, err := ops.Binary(opSession{rt}, op, l, r)
	if err != nil {
		return nil, operatorError(x, err)
	}
	return v, nil
}

// operatorError turns the failure of a binary operator into the runtime
// error PowerShell reports at the expression (ops.Failure); an exception
// an operator method threw is a failed call of that method, and a
// stopped command line passes unchanged.
func operatorError(x *syntax.BinaryExpr, err error) error {
	var se *stopSignal
	if errors.As(err, &se) {
		return err
	}
	var me *ops.MethodError
	if errors.As(err, &me) {
		return members.InvocationError(x.Ext, me.Exc, me.Method, 2)
	}
	return ops.Failure(x.Ext, err)
}
