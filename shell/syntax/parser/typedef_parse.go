package parser

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/syntax"
)

// typeDefAhead reports whether attributes at '[' are followed by the enum
// or class keyword. It looks at the text only (bracket pairs within a
// short window), so nested input cannot make it costly; it consumes
// nothing.
func (p *parser) typeDefAhead() bool {
	i := p.skipSpace(p.off)
	if p.byteAt(i) != '[' {
		return false
	}
	limit := i + 512
	for p.byteAt(i) == '[' {
		depth := 0
		for {
			if i >= len(p.text) || i > limit {
				return false
			}
			switch p.text[i] {
			case '[', '(':
				depth++
			case ']', ')':
				depth--
			case '{', '}', '\n', ';', '$':
				return false
			}
			i++
			if depth == 0 {
				break
			}
		}
		for i < len(p.text) && (p.text[i] == ' ' || p.text[i] == '\t' || p.text[i] == '\r' || p.text[i] == '\n') {
			i++
		}
	}
	j := i
	for j < len(p.text) && (('a' <= p.text[j] && p.text[j] <= 'z') || ('A' <= p.text[j] && p.text[j] <= 'Z')) {
		j++
	}
	if r := p.runeAt(j); r != -1 && !endsGeneric(r) {
		return false
	}
	w := strings.ToLower(p.text[i:j])
	return w == "enum" || w == "class"
}

// parseTypeDef parses attributes (if any) and an enum or class definition.
func (p *parser) parseTypeDef() syntax.Statement {
	td := &syntax.TypeDefStmt{}
	p.typeDefs++
	start := -1
	for {
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		if start < 0 {
			start = t.Ext.Start.Offset
		}
		if t.Kind != TokLBracket {
			break
		}
		a, _ := p.parseAttributeOrType()
		if a == nil {
			return nil
		}
		td.Attributes = append(td.Attributes, a)
	}
	kw := p.peekTok(modeCmd)
	td.IsEnum = strings.EqualFold(kw.Str, "enum")
	p.advance(kw)
	defer func() { td.Ext = p.ext(start, p.lastEnd) }()
	name := p.peekTok(modeCmd)
	if name.Kind != TokGeneric {
		p.errMissing(name, "MissingNameAfterKeyword", "Missing name after "+strings.ToLower(kw.Str)+" keyword.")
		return td
	}
	p.advance(name)
	td.Name, td.NameExt = name.Str, name.Ext
	p.skipNewlines()
	if c := p.peekTok(modeExpr); c.Kind == TokColon {
		p.advance(c)
		for {
			p.skipNewlines()
			i := p.skipSpace(p.off)
			n, end, ok := p.scanTypeName(i, 0)
			if !ok {
				p.errMissing(p.peekTok(modeExpr), "TypeNameExpected", "Type name expected.")
				return td
			}
			td.Bases = append(td.Bases, &syntax.TypeName{Ext: p.ext(i, end), Name: n})
			p.off, p.lastEnd = end, end
			p.skipNewlines()
			if c := p.peekTok(modeExpr); c.Kind == TokComma {
				p.advance(c)
				continue
			}
			break
		}
	}
	if td.IsEnum && len(td.Bases) > 0 && (len(td.Bases) > 1 || !enumUnderlying.Get()[strings.ToLower(strings.TrimPrefix(strings.ToLower(td.Bases[0].Name), "system."))]) {
		b := td.Bases[len(td.Bases)-1]
		p.errorf(b.Ext, false, "InvalidUnderlyingType", "'"+b.Name+"' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)")
	}
	p.skipNewlines()
	lc := p.peekTok(modeExpr)
	what := strings.ToLower(kw.Str)
	if lc.Kind != TokLCurly {
		p.errMissing(lc, "MissingTypeBody", "Missing '"+what+"' body in '"+what+"' declaration.")
		return td
	}
	p.advance(lc)
	for {
		p.skipNewlinesSemis()
		t := p.peekTok(modeExpr)
		if t.Kind == TokRCurly {
			p.advance(t)
			return td
		}
		if t.Kind == TokEOF {
			p.errorf(lc.Ext, true, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.")
			return td
		}
		before := p.off
		if td.IsEnum {
			p.parseEnumMember(td)
		} else {
			p.parseClassMember(td)
		}
		if p.abort {
			return td
		}
		if p.off == before {
			t := p.peekTok(modeCmd)
			p.unexpected(t)
			p.advance(t)
		}
	}
}

func (p *parser) parseEnumMember(td *syntax.TypeDefStmt) {
	t := p.peekTok(modeCmd)
	if t.Kind != TokGeneric {
		return
	}
	p.advance(t)
	m := &syntax.EnumMember{Name: t.Str}
	if eq := p.peekTok(modeExpr); eq.Kind == TokAssign && eq.Str == "=" {
		p.advance(eq)
		p.skipNewlines()
		m.Value = p.parseTernary(false)
		if m.Value == nil {
			p.errorf(eq.Ext, false, "ExpectedValueExpression", "You must provide a value expression following the '=' operator.")
		}
	}
	m.Ext = p.ext(t.Ext.Start.Offset, p.lastEnd)
	td.Enum = append(td.Enum, m)
}

func (p *parser) parseClassMember(td *syntax.TypeDefStmt) {
	start := -1
	var attrs []*syntax.Attribute
	var typ *syntax.TypeName
	static, hidden := false, false
	for {
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		if start < 0 {
			start = t.Ext.Start.Offset
		}
		if t.Kind == TokLBracket {
			a, tn := p.parseAttributeOrType()
			switch {
			case a != nil:
				attrs = append(attrs, a)
			case tn != nil:
				typ = tn
			default:
				return
			}
			continue
		}
		g := p.peekTok(modeCmd)
		if g.Kind == TokGeneric && !g.Escaped {
			switch strings.ToLower(g.Str) {
			case "static":
				static = true
				p.advance(g)
				continue
			case "hidden":
				hidden = true
				p.advance(g)
				continue
			}
		}
		break
	}
	if v := p.peekTok(modeExpr); v.Kind == TokVariable {
		p.advance(v)
		pr := &syntax.PropertyDef{Name: v.Str, Type: typ, Attributes: attrs, Static: static, Hidden: hidden}
		if eq := p.peekTok(modeExpr); eq.Kind == TokAssign && eq.Str == "=" {
			p.advance(eq)
			p.skipNewlines()
			pr.Default = p.parseTernary(false)
			if pr.Default == nil {
				p.errorf(eq.Ext, false, "ExpectedValueExpression", "You must provide a value expression following the '=' operator.")
			} else if static {
				p.noThisInStatic(pr.Default)
			}
		}
		pr.Ext = p.ext(start, p.lastEnd)
		for _, o := range td.Props {
			if strings.EqualFold(o.Name, pr.Name) {
				p.errorf(v.Ext, false, "MemberAlreadyDefined", "The member '"+pr.Name+"' is already defined.")
			}
		}
		td.Props = append(td.Props, pr)
		return
	}
	name := p.peekTok(modeCmd)
	if name.Kind != TokGeneric {
		return
	}
	p.advance(name)
	m := &syntax.MethodDef{Name: name.Str, ReturnType: typ, Static: static, Hidden: hidden}
	m.IsCtor = strings.EqualFold(m.Name, td.Name) && !static
	defer func() { m.Ext = p.ext(start, p.lastEnd) }()
	lp := p.peekTok(modeExpr)
	if lp.Kind != TokLParen {
		p.errMissing(lp, "MissingMethodParameterList", "Missing '(' in method declaration.")
		return
	}
	m.Params = p.parseParamList(lp)
	p.skipNewlines()
	if c := p.peekTok(modeExpr); c.Kind == TokColon && m.IsCtor {
		p.advance(c)
		p.skipNewlines()
		b := p.peekTok(modeCmd)
		if b.Kind != TokGeneric || !strings.EqualFold(b.Str, "base") {
			p.errMissing(b, "MissingBaseCtorCall", "Missing 'base' call in constructor.")
			return
		}
		p.advance(b)
		blp := p.peekTok(modeExpr)
		if blp.Kind != TokLParen {
			p.errMissing(blp, "MissingMethodParameterList", "Missing '(' in method declaration.")
			return
		}
		p.advance(blp)
		m.HasBase = true
		for {
			p.skipNewlines()
			if r := p.peekTok(modeExpr); r.Kind == TokRParen {
				p.advance(r)
				break
			}
			a := p.parseTernary(false)
			if a == nil {
				p.errMissing(p.peekTok(modeExpr), "MissingEndParenthesisInMethodCall", "Missing closing ')' in method call.")
				return
			}
			m.BaseArgs = append(m.BaseArgs, a)
			p.skipNewlines()
			if c := p.peekTok(modeExpr); c.Kind == TokComma {
				p.advance(c)
			}
		}
		p.skipNewlines()
	}
	lc := p.peekTok(modeExpr)
	if lc.Kind != TokLCurly {
		p.errMissing(lc, "MissingFunctionBody", "Missing function body in function declaration.")
		return
	}
	m.Body = p.parseScriptBody(lc)
	isVoid := m.ReturnType == nil || strings.EqualFold(m.ReturnType.Name, "void")
	if !isVoid && m.Body.End != nil && !blockReturns(m.Body.End) {
		p.errorf(name.Ext, false, "MethodHasCodePathNotReturn", "Not all code path returns value within method.")
	}
	if m.Static {
		p.noThisInStatic(m.Body)
	}
	for _, r := range methodReturns(m.Body) {
		r.InMethod = true
		switch {
		case isVoid && r.Value != nil:
			p.errorf(r.Ext, false, "VoidMethodHasReturn", "Invalid return statement within void method.")
		case !isVoid && r.Value == nil:
			p.errorf(r.Ext, false, "NonVoidMethodMissingReturnValue", "Invalid return statement within non-void method.")
		}
	}
	td.Methods = append(td.Methods, m)
}

// noThisInStatic refuses $this in a static method or a static
// property's initializer (script blocks nested there are not checked:
// they run wherever they are invoked).
func (p *parser) noThisInStatic(n syntax.Node) {
	syntax.Inspect(n, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.VariableExpr:
			if strings.EqualFold(x.Name, "this") {
				p.errorf(x.Ext, false, "NonStaticMemberAccessInStaticMember", "Cannot access the non-static member '"+x.Name+"' in a static method or initializer of a static property.")
			}
		case *syntax.ScriptBlockExpr, *syntax.FunctionDef, *syntax.TypeDefStmt:
			return false
		}
		return true
	})
}

// methodReturns lists the return statements of a method body itself,
// leaving out those of script blocks, functions and classes nested in it
// (a return there ends that block, not the method).
func methodReturns(b *syntax.ScriptBlock) []*syntax.ReturnStmt {
	var out []*syntax.ReturnStmt
	syntax.Inspect(b, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.ReturnStmt:
			out = append(out, x)
		case *syntax.ScriptBlockExpr, *syntax.FunctionDef, *syntax.TypeDefStmt:
			return false
		}
		return true
	})
	return out
}

// blockReturns reports whether every path through the statements ends in
// return or throw (a simple flow check on the last statement).
func blockReturns(b *syntax.StatementBlock) bool {
	if b == nil || len(b.Statements) == 0 {
		return false
	}
	switch s := b.Statements[len(b.Statements)-1].(type) {
	case *syntax.ReturnStmt, *syntax.ThrowStmt, *syntax.ExitStmt:
		return true
	case *syntax.IfStmt:
		if s.Else == nil || !blockReturns(s.Else) {
			return false
		}
		for _, c := range s.Clauses {
			if !blockReturns(c.Body) {
				return false
			}
		}
		return true
	case *syntax.TryStmt:
		if blockReturns(s.Finally) {
			return true
		}
		if !blockReturns(s.Body) {
			return false
		}
		for _, c := range s.Catches {
			if !blockReturns(c.Body) {
				return false
			}
		}
		return true
	case *syntax.SwitchStmt, *syntax.WhileStmt, *syntax.DoStmt, *syntax.ForStmt:
		// loops and switches are not followed further; PowerShell's own
		// analysis accepts many of them, so they are given the benefit
		return true
	}
	return false
}

// enumUnderlying are the integral types an enum may be based on.
var enumUnderlying = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"byte": true, "sbyte": true, "short": true, "int16": true, "ushort": true, "uint16": true,
		"int": true, "int32": true, "uint": true, "uint32": true, "long": true, "int64": true,
		"ulong": true, "uint64": true,
	}
}}
