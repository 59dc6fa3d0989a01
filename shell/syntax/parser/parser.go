// Package parser is the PowerShell language front end: the lexer (its
// tokens depend on the mode, command or expression, the parser asks for)
// and the parser that builds a syntax tree, comment-based help, class and
// enum definitions and #requires lines. It is pure (text in, tree or
// positioned errors out) and it knows when input is incomplete, which
// drives the REPL's continuation prompt.
package parser

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// maxDepth bounds the nesting of statements and unary expressions.
const maxDepth = 1000

// recoverPanics turns an internal parser panic into a parse error; the
// fuzz test switches it off to see the panic.
var recoverPanics = true

type parser struct {
	src  *syntax.Source
	text string
	off  int
	// typeDefs counts the enum and class definitions parsed so far.
	typeDefs int
	// lastEnd is the end offset of the last consumed token.
	lastEnd int

	errs syntax.ErrorList
	// errSeen holds the errors reported, made with the first
	errSeen map[errKey]bool

	cache map[int]*Token
	// cacheCap is the cache size at which it is next trimmed (lexer.go).
	cacheCap int
	depth    int
	abort    bool
	// mem watches the heap as tokens are scanned: the syntax tree of a
	// huge input may not outgrow the session's memory budget.
	mem memlimit.Poller

	// requiresAt holds the start offsets of #requires comments seen
	// outside strings; nested counts the "$( )" of strings being parsed.
	requiresAt map[int]bool
	nested     int

	// comments maps the start of each comment seen to its end; funcs are
	// the functions parsed, whose help comments are found at the end.
	comments map[int]int
	funcs    []*syntax.FunctionDef

	// flat is 1 when the text is one line of ASCII, whose positions are
	// their offsets, -1 when it is not, and 0 until pos has looked;
	// lineOf and colOf are the line and column of every offset of a text
	// that is not flat, made by the first pos.
	flat          int8
	lineOf, colOf []int32
}

// Parse parses a whole script. It returns the script block and every
// syntax error found, in source order (nil when there is none).
func Parse(src *syntax.Source) (sb *syntax.ScriptBlock, errs syntax.ErrorList) {
	if src == nil {
		src = syntax.NewSource("", "")
	}
	p := &parser{src: src, text: src.Text, cache: map[int]*Token{}, cacheCap: minCacheCap}
	if recoverPanics {
		defer func() {
			if r := recover(); r != nil {
				p.errorf(p.ext(p.off, p.off), false, "InternalParserError", fmt.Sprintf("Internal parser error: %v", r))
				if sb == nil {
					sb = &syntax.ScriptBlock{Ext: p.ext(0, len(p.text)), End: &syntax.StatementBlock{Ext: p.ext(0, len(p.text))}, Unnamed: true}
				}
				errs = p.sortedErrors()
			}
		}()
	}
	sb = p.parseScriptBody(nil)
	p.attachHelp()
	return sb, p.sortedErrors()
}

// ParseString parses text read from path (empty for interactive input).
func ParseString(path, text string) (*syntax.ScriptBlock, syntax.ErrorList) {
	return Parse(syntax.NewSource(path, text))
}

func (p *parser) sortedErrors() syntax.ErrorList {
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool {
		return p.errs[i].Ext.Start.Offset < p.errs[j].Ext.Start.Offset
	})
	return p.errs
}

func (p *parser) errorf(ext syntax.Extent, incomplete bool, id, msg string) {
	if p.abort {
		return
	}
	key := errKey{ext.Start.Offset, id}
	if p.errSeen[key] {
		return
	}
	if p.errSeen == nil {
		p.errSeen = map[errKey]bool{}
	}
	p.errSeen[key] = true
	p.errs = append(p.errs, &syntax.ParseError{Ext: ext, ErrorID: id, Message: msg, Incomplete: incomplete})
}

// errKey is where an error was reported and which one: the parser
// reports each error once, however often recovery passes the spot.
type errKey struct {
	offset int
	id     string
}

// after is the empty extent just after the last consumed token.
func (p *parser) after() syntax.Extent { return p.ext(p.lastEnd, p.lastEnd) }

// errMissing reports a missing construct after the last token; it is
// incomplete when the input has ended.
func (p *parser) errMissing(next *Token, id, msg string) {
	p.errorf(p.after(), next.Kind == TokEOF, id, msg)
}

func (p *parser) unexpected(t *Token) {
	p.errorf(t.Ext, false, "UnexpectedToken", "Unexpected token '"+t.Text()+"' in expression or statement.")
}

type state struct{ off, lastEnd int }

func (p *parser) save() state { return state{p.off, p.lastEnd} }

func (p *parser) restore(s state) {
	p.off, p.lastEnd = s.off, s.lastEnd
}

func (p *parser) skipNewlines() { p.skipSeparators(false) }

// skipNewlinesSemis also skips semicolons.
func (p *parser) skipNewlinesSemis() { p.skipSeparators(true) }

func (p *parser) skipSeparators(semis bool) {
	for {
		i := p.skipSpace(p.off)
		if i >= len(p.text) {
			return
		}
		switch c := p.text[i]; {
		case c == '\n' || c == '\r' || (semis && c == ';'):
			p.off, p.lastEnd = i+1, i+1
		default:
			return
		}
	}
}

// atCloser reports whether the next token is closer or the end of input.
func (p *parser) atCloser(closer TokenKind) bool {
	i := p.skipSpace(p.off)
	if i >= len(p.text) {
		return true
	}
	switch p.text[i] {
	case '}':
		return closer == TokRCurly
	case ')':
		return closer == TokRParen
	}
	return false
}

// keywordAt returns the keyword starting the statement at the current
// offset, or "".
func (p *parser) keywordAt() string {
	i := p.skipSpace(p.off)
	j := i
	for j < len(p.text) && (('a' <= p.text[j] && p.text[j] <= 'z') || ('A' <= p.text[j] && p.text[j] <= 'Z')) {
		j++
	}
	if j == i || j-i > 16 {
		return ""
	}
	if r := p.runeAt(j); r != -1 && !endsGeneric(r) {
		return ""
	}
	w := strings.ToLower(p.text[i:j])
	if keywords.Get()[w] {
		return w
	}
	return ""
}

func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth || p.abort {
		p.stop("ScriptTooComplicated", "Processing was stopped because the script is too complex.")
		return false
	}
	return true
}

// stop abandons the parse with one error, as PowerShell's parser does
// when an exception interrupts it: the rest of the input is skipped and
// no further error is reported.
func (p *parser) stop(id, msg string) {
	if !p.abort {
		p.errorf(p.ext(p.off, p.off), false, id, msg)
	}
	p.abort = true
	p.off = len(p.text)
	p.lastEnd = p.off
}

func (p *parser) leave() { p.depth-- }

// ---------------------------------------------------------------------------
// Script blocks and statement lists

// parseScriptBody parses a script (lc nil) or the inside of { } after lc.
func (p *parser) parseScriptBody(lc *Token) *syntax.ScriptBlock {
	start := 0
	closer := TokEOF
	if lc != nil {
		start = lc.Ext.Start.Offset
		closer = TokRCurly
		p.advance(lc)
	}
	sb := &syntax.ScriptBlock{}
	typeDefsBefore := p.typeDefs
	defer func() { sb.DefinesTypes = p.typeDefs != typeDefsBefore }()
	p.skipNewlinesSemis()
	if lc == nil {
		for p.keywordAt() == "using" {
			sb.Usings = append(sb.Usings, p.parseUsing(p.peekTok(modeCmd)))
			p.skipNewlinesSemis()
		}
	}
	// a param block starts with an attribute's '[' or the param keyword
	// (paramBlockAhead): a block that starts otherwise is not looked
	// ahead of
	if p.byteAt(p.skipSpace(p.off)) == '[' || p.keywordAt() == "param" {
		sb.Param = p.tryParamBlock()
	}
	p.skipNewlinesSemis()
	if p.namedBlockAhead() {
		p.parseNamedBlocks(sb, closer)
	} else {
		sb.End = p.parseStatementList(closer)
		sb.Unnamed = true
	}
	if lc != nil {
		t := p.peekTok(modeExpr)
		if t.Kind == TokRCurly {
			p.advance(t)
		} else {
			p.errorf(lc.Ext, t.Kind == TokEOF, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.")
		}
		sb.Ext = p.ext(start, p.lastEnd)
	} else {
		sb.Ext = p.ext(0, len(p.text))
		if len(p.requiresAt) > 0 { // a script with no #requires line has none to read
			sb.Requires = p.requirements()
		}
	}
	return sb
}

func isNamedBlock(s string) bool {
	switch strings.ToLower(s) {
	case "begin", "process", "end", "clean", "dynamicparam":
		return true
	}
	return false
}

func (p *parser) namedBlockAhead() bool {
	t := p.peekTok(modeCmd)
	if t.Kind != TokGeneric || t.Escaped || !isNamedBlock(t.Str) {
		return false
	}
	s := p.save()
	p.advance(t)
	p.skipNewlines()
	ok := p.peekTok(modeExpr).Kind == TokLCurly
	p.restore(s)
	return ok
}

func (p *parser) parseNamedBlocks(sb *syntax.ScriptBlock, closer TokenKind) {
	for {
		p.skipNewlinesSemis()
		t := p.peekTok(modeCmd)
		if t.Kind == closer || t.Kind == TokEOF {
			return
		}
		if t.Kind != TokGeneric || t.Escaped || !isNamedBlock(t.Str) {
			p.errorf(t.Ext, false, "MissingNamedBlocks", "unexpected token '"+t.Text()+"', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.")
			p.parseStatementList(closer)
			return
		}
		p.advance(t)
		p.skipNewlines()
		lc := p.peekTok(modeExpr)
		if lc.Kind != TokLCurly {
			p.errMissing(lc, "MissingNamedStatementBlock", "Missing statement block after '"+t.Str+"'.")
			return
		}
		block := p.parseStatementBlock()
		var slot **syntax.StatementBlock
		switch strings.ToLower(t.Str) {
		case "begin":
			slot = &sb.Begin
		case "process":
			slot = &sb.Process
		case "end":
			slot = &sb.End
		case "clean":
			slot = &sb.Clean
		default:
			continue
		}
		if *slot != nil {
			p.errorf(t.Ext, false, "DuplicateScriptCommandClause", "Script command clause '"+t.Str+"' has already been defined.")
		}
		*slot = block
	}
}

// parseStatementBlock parses { statements } at the current '{'.
func (p *parser) parseStatementBlock() *syntax.StatementBlock {
	lc := p.peekTok(modeExpr)
	p.advance(lc)
	body := p.parseStatementList(TokRCurly)
	t := p.peekTok(modeExpr)
	if t.Kind == TokRCurly {
		p.advance(t)
	} else {
		p.errorf(lc.Ext, t.Kind == TokEOF, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.")
	}
	body.Ext = p.ext(lc.Ext.Start.Offset, p.lastEnd)
	return body
}

// block parses a required statement block, reporting id/msg when absent.
func (p *parser) block(id, msg string) *syntax.StatementBlock {
	p.skipNewlines()
	t := p.peekTok(modeExpr)
	if t.Kind != TokLCurly {
		p.errMissing(t, id, msg)
		return nil
	}
	return p.parseStatementBlock()
}

func isCloser(k TokenKind) bool { return k == TokRCurly || k == TokRParen || k == TokEOF }

// parseStatementList parses statements up to closer (not consumed).
func (p *parser) parseStatementList(closer TokenKind) *syntax.StatementBlock {
	sb := &syntax.StatementBlock{}
	start := p.skipSpace(p.off)
	for {
		p.skipNewlinesSemis()
		if p.atCloser(closer) {
			break
		}
		before := p.off
		st := p.parseStatement()
		if st != nil {
			if tr, ok := st.(*syntax.TrapStmt); ok {
				sb.Traps = append(sb.Traps, tr)
			} else {
				sb.Statements = append(sb.Statements, st)
			}
		}
		if p.off == before {
			t := p.peekTok(modeCmd)
			p.unexpected(t)
			p.advance(t)
			continue
		}
		if !needsTerminator(st) {
			// A statement that ends with its own block (if, loops,
			// try, function, switch ...) may be followed directly by
			// the next statement on the same line.
			continue
		}
		n := p.peekTok(modeExpr)
		switch n.Kind {
		case TokNewline, TokSemi, TokEOF, TokRCurly, TokRParen:
		default:
			p.unexpected(n)
		}
	}
	end := p.lastEnd
	if end < start {
		end = start
	}
	sb.Ext = p.ext(start, end)
	return sb
}

// needsTerminator reports whether st ends in a pipeline, which must be
// followed by a newline, ';' or a closing bracket. Statements that end with
// their own block do not need one: `foreach ($x in $a) { $x } 'next'`.
func needsTerminator(st syntax.Statement) bool {
	switch s := st.(type) {
	case nil:
		return true
	case *syntax.Pipeline, *syntax.PipelineChain:
		return true
	case *syntax.AssignmentStmt:
		return needsTerminator(s.Value)
	case *syntax.ThrowStmt:
		return s.Value == nil || needsTerminator(s.Value)
	case *syntax.ReturnStmt:
		return s.Value == nil || needsTerminator(s.Value)
	case *syntax.ExitStmt:
		return s.Value == nil || needsTerminator(s.Value)
	}
	return false
}

// ---------------------------------------------------------------------------
// Statements

func (p *parser) tryLabel() (string, int, bool) {
	i := p.skipSpace(p.off)
	if p.byteAt(i) != ':' {
		return "", 0, false
	}
	j := i + 1
	for {
		r, sz := p.at(j)
		if sz == 0 || !isIdentChar(r) {
			break
		}
		j += sz
	}
	if j == i+1 {
		return "", 0, false
	}
	p.off, p.lastEnd = j, j
	return p.text[i+1 : j], i, true
}

func (p *parser) parseStatement() syntax.Statement {
	if !p.enter() {
		p.leave()
		return nil
	}
	defer p.leave()
	// a type definition starts with an attribute's '[' (typeDefAhead) or
	// its keyword (below)
	if p.byteAt(p.skipSpace(p.off)) == '[' && p.typeDefAhead() {
		return p.parseTypeDef()
	}
	label, lstart, hasLabel := p.tryLabel()
	if hasLabel {
		p.skipNewlines()
	}
	if kw := p.keywordAt(); kw != "" {
		t := p.peekTok(modeCmd)
		start := t.Ext.Start.Offset
		if hasLabel {
			start = lstart
		}
		switch kw {
		case "if":
			return p.parseIf(t)
		case "foreach":
			return p.parseForeach(t, label, start)
		case "for":
			return p.parseFor(t, label, start)
		case "while":
			return p.parseWhile(t, label, start)
		case "do":
			return p.parseDo(t, label, start)
		case "switch":
			return p.parseSwitch(t, label, start)
		case "try":
			return p.parseTry(t)
		case "trap":
			return p.parseTrap(t)
		case "throw", "return", "exit":
			return p.parseFlow(t, kw)
		case "break", "continue":
			return p.parseBreak(t, kw)
		case "function", "filter", "workflow":
			return p.parseFunction(t, kw == "filter")
		case "enum", "class":
			return p.parseTypeDef()
		case "using":
			u := p.parseUsing(t)
			p.errorf(u.Ext, false, "UsingMustBeAtStartOfScript", "A 'using' statement must appear before any other statements in a script.")
			return u
		case "else", "elseif", "catch", "finally", "until", "in":
			p.unexpected(t)
			p.advance(t)
			return nil
		}
	}
	return p.parsePipelineChain()
}

func (p *parser) parsePipelineChain() syntax.Statement {
	left := p.parsePipeline()
	if left == nil {
		return nil
	}
	for {
		t := p.peekTok(modeExpr)
		if t.Kind != TokAndAnd && t.Kind != TokOrOr {
			return left
		}
		p.advance(t)
		p.skipNewlines()
		right := p.parsePipeline()
		if right == nil {
			n := p.peekTok(modeExpr)
			p.errorf(p.after(), n.Kind == TokEOF, "EmptyPipelineChainElement", "A pipeline chain operator must be followed by a pipeline.")
			return left
		}
		op := "&&"
		if t.Kind == TokOrOr {
			op = "||"
		}
		left = &syntax.PipelineChain{Ext: p.ext(left.Span().Start.Offset, p.lastEnd), Left: left, Op: op, Right: right}
	}
}

// startsExpression decides whether the statement at the current offset
// starts in expression mode.
func (p *parser) startsExpression() bool {
	i := p.skipSpace(p.off)
	r := p.runeAt(i)
	if isDigit(r) || (r == '.' && isDigit(p.runeAt(i+1))) {
		_, end, ok := p.scanNumber(i)
		n := p.runeAt(end)
		if !ok {
			// A literal with digits and valid suffixes whose value its
			// type cannot hold (300y, 70000us, 1uykb) is still a number:
			// the expression reports it as a bad numeric constant. Other
			// words (16p, 0x) are commands.
			hexNoDigits := r == '0' && (p.byteAt(i+1)|0x20) == 'x' && !isHex(p.byteAt(i+2))
			return !hexNoDigits && !isLetter(n) && !isDigit(n) && n != '.'
		}
		return !isLetter(n) && !isDigit(n)
	}
	return isExprStart(p.peekTok(modeExpr))
}

func isExprStart(t *Token) bool {
	switch t.Kind {
	case TokNumber, TokVariable, TokSplat, TokString, TokExpandable, TokLParen, TokDollarParen,
		TokAtParen, TokAtCurly, TokLBracket, TokLCurly, TokComma, TokPlusPlus, TokMinusMinus:
		return true
	case TokOperator:
		return isUnaryOp(t.Str)
	}
	return false
}

func isUnaryOp(s string) bool {
	return s == "-" || s == "+" || s == "!" || unaryDashOps.Get()[s]
}

func (p *parser) parsePipeline() syntax.Statement {
	start := p.skipSpace(p.off)
	pl := &syntax.Pipeline{}
	mode := modeCmd
	if p.startsExpression() {
		mode = modeExpr
		e := p.parseExpression()
		if e == nil {
			return nil
		}
		start = e.Span().Start.Offset
		t := p.peekTok(modeExpr)
		if t.Kind == TokAssign {
			return p.parseAssignment(e, t)
		}
		el := &syntax.CommandExprElement{Expr: e}
		el.Redirections = p.parseRedirections(modeExpr)
		el.Ext = p.ext(start, p.lastEnd)
		pl.Elements = append(pl.Elements, el)
	} else {
		cmd := p.parseCommand()
		if cmd == nil {
			return nil
		}
		pl.Elements = append(pl.Elements, cmd)
	}
	for {
		t := p.peekTok(mode)
		mode = modeCmd
		if t.Kind == TokNewline {
			s := p.save()
			p.skipNewlines()
			if i := p.skipSpace(p.off); p.byteAt(i) == '|' && p.byteAt(i+1) != '|' {
				t = p.peekTok(modeCmd)
			} else {
				p.restore(s)
				break
			}
		}
		if t.Kind != TokPipe {
			break
		}
		p.advance(t)
		p.skipNewlines()
		n := p.peekTok(modeCmd)
		switch {
		case n.Kind == TokEOF || n.Kind == TokPipe || n.Kind == TokSemi || n.Kind == TokRParen || n.Kind == TokRCurly ||
			n.Kind == TokAndAnd || n.Kind == TokOrOr:
			p.errorf(p.after(), n.Kind == TokEOF, "EmptyPipeElement", "An empty pipe element is not allowed.")
			pl.Ext = p.ext(start, p.lastEnd)
			return pl
		case n.Kind == TokGeneric || n.Kind == TokAmp || n.Kind == TokDot || (n.Kind == TokExpandable && n.StrKind == syntax.BareWord) || n.Kind == TokRedirection:
			cmd := p.parseCommand()
			if cmd == nil {
				pl.Ext = p.ext(start, p.lastEnd)
				return pl
			}
			pl.Elements = append(pl.Elements, cmd)
		default:
			es := p.off
			e := p.parseExpression()
			if e == nil {
				p.unexpected(n)
				pl.Ext = p.ext(start, p.lastEnd)
				return pl
			}
			p.errorf(p.ext(es, p.lastEnd), false, "ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline.")
			mode = modeExpr
			el := &syntax.CommandExprElement{Expr: e}
			el.Redirections = p.parseRedirections(modeExpr)
			el.Ext = p.ext(e.Span().Start.Offset, p.lastEnd)
			pl.Elements = append(pl.Elements, el)
		}
	}
	pl.Ext = p.ext(start, p.lastEnd)
	return pl
}

func validTarget(e syntax.Expr) bool {
	switch x := e.(type) {
	case *syntax.VariableExpr:
		return !x.Splatted
	case *syntax.MemberExpr, *syntax.IndexExpr:
		return true
	case *syntax.ConvertExpr:
		return validTarget(x.Child)
	case *syntax.AttributedExpr:
		return validTarget(x.Child)
	case *syntax.ArrayLiteralExpr:
		for _, el := range x.Elements {
			if !validTarget(el) {
				return false
			}
		}
		return true
	case *syntax.ParenExpr:
		if pl, ok := x.Stmt.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*syntax.CommandExprElement); ok {
				return validTarget(ce.Expr)
			}
		}
	}
	return false
}

func (p *parser) parseAssignment(target syntax.Expr, op *Token) syntax.Statement {
	if !validTarget(target) {
		p.errorf(target.Span(), false, "InvalidLeftHandSide", "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.")
	}
	p.advance(op)
	p.skipNewlines()
	v := p.parseStatement()
	if v == nil {
		n := p.peekTok(modeExpr)
		p.errorf(p.ext(op.Ext.Start.Offset, op.Ext.End.Offset), n.Kind == TokEOF, "ExpectedValueExpression", "You must provide a value expression following the '"+op.Text()+"' operator.")
	}
	return &syntax.AssignmentStmt{Ext: p.ext(target.Span().Start.Offset, p.lastEnd), Target: target, Op: op.Str, Value: v}
}

func (p *parser) parseRedirections(m lexMode) []*syntax.Redirection {
	var out []*syntax.Redirection
	for {
		t := p.peekTok(m)
		if t.Kind != TokRedirection {
			return out
		}
		p.advance(t)
		r := &syntax.Redirection{From: t.RedirFrom, Merge: t.RedirMerge, Append: t.RedirAppend}
		if !r.Merge {
			r.Target = p.parseCommandArgElem()
			if r.Target == nil {
				n := p.peekTok(modeCmd)
				p.errMissing(n, "MissingFileSpecification", "Missing file specification after redirection operator.")
			}
		}
		if r.From == "<" {
			p.errorf(t.Ext, false, "RedirectionNotSupported", "The '<' operator is reserved for future use.")
		}
		r.Ext = p.ext(t.Ext.Start.Offset, p.lastEnd)
		out = append(out, r)
	}
}

// ---------------------------------------------------------------------------
// Commands

func (p *parser) bareword(t *Token) syntax.Expr {
	if t.Kind == TokExpandable {
		return &syntax.ExpandableStringExpr{Ext: t.Ext, Parts: t.Parts, Kind: t.StrKind}
	}
	return &syntax.StringConstExpr{Ext: t.Ext, Value: t.Str, Kind: syntax.BareWord}
}

func (p *parser) parseCommand() *syntax.CommandExpr {
	t := p.peekTok(modeCmd)
	cmd := &syntax.CommandExpr{}
	start := t.Ext.Start.Offset
	switch {
	case t.Kind == TokAmp || t.Kind == TokDot:
		cmd.InvocationOp = t.Text()
		p.advance(t)
		name := p.parseCommandArgElem()
		if name == nil {
			n := p.peekTok(modeCmd)
			p.errMissing(n, "MissingExpression", "Missing expression after '"+t.Text()+"' in pipeline element.")
			cmd.Ext = p.ext(start, p.lastEnd)
			return cmd
		}
		cmd.Elements = append(cmd.Elements, name)
	case t.Kind == TokGeneric || (t.Kind == TokExpandable && t.StrKind == syntax.BareWord):
		p.advance(t)
		cmd.Elements = append(cmd.Elements, p.bareword(t))
	case t.Kind == TokRedirection:
		// where a command name is expected a redirection operator is a
		// word: `<Path>` runs a command named '<' (not found at run time)
		p.advance(t)
		cmd.Elements = append(cmd.Elements, &syntax.StringConstExpr{Ext: t.Ext, Value: t.Str, Kind: syntax.BareWord})
	default:
		return nil
	}
	for {
		t := p.peekTok(modeCmd)
		switch t.Kind {
		case TokRedirection:
			cmd.Redirections = append(cmd.Redirections, p.parseRedirections(modeCmd)...)
			continue
		case TokParameter:
			p.advance(t)
			cp := &syntax.CommandParameter{Name: t.Str}
			if t.Colon {
				n := p.peekTok(modeCmd)
				if n.Kind == TokParameter {
					p.advance(n)
					cp.Arg = &syntax.StringConstExpr{Ext: n.Ext, Value: n.Text(), Kind: syntax.BareWord}
				} else if n.Kind != TokNewline && n.Kind != TokEOF {
					cp.Arg = p.parseCommandArgument()
				}
			}
			cp.Ext = p.ext(t.Ext.Start.Offset, p.lastEnd)
			cmd.Elements = append(cmd.Elements, cp)
			continue
		case TokComma:
			p.advance(t)
			p.skipNewlines()
			child := p.parseCommandArgElem()
			if child == nil {
				n := p.peekTok(modeCmd)
				p.errMissing(n, "MissingExpressionAfterToken", "Missing expression after ','.")
				continue
			}
			cmd.Elements = append(cmd.Elements, &syntax.UnaryExpr{Ext: p.ext(t.Ext.Start.Offset, p.lastEnd), Op: ",", Child: child})
			continue
		}
		arg := p.parseCommandArgument()
		if arg == nil {
			break
		}
		cmd.Elements = append(cmd.Elements, arg)
	}
	cmd.Ext = p.ext(start, p.lastEnd)
	return cmd
}

// parseCommandArgument parses one argument, with a,b,c lists.
func (p *parser) parseCommandArgument() syntax.Expr {
	return p.parseCommaList(modeCmd, (*parser).parseCommandArgElem)
}

// parseCommaList parses elem, and when a comma follows in the given lexer
// mode, the rest of an a,b,c array literal. elem is a method expression,
// called on p: a method value would be called through a wrapper the
// compiler places after all of the package's functions, code a one-line
// command would enter for it alone.
func (p *parser) parseCommaList(mode lexMode, elem func(*parser) syntax.Expr) syntax.Expr {
	first := elem(p)
	if first == nil {
		return nil
	}
	t := p.peekTok(mode)
	if t.Kind != TokComma {
		return first
	}
	arr := &syntax.ArrayLiteralExpr{Elements: []syntax.Expr{first}}
	for t.Kind == TokComma {
		p.advance(t)
		p.skipNewlines()
		e := elem(p)
		if e == nil {
			n := p.peekTok(mode)
			p.errMissing(n, "MissingExpressionAfterToken", "Missing expression after ','.")
			break
		}
		arr.Elements = append(arr.Elements, e)
		t = p.peekTok(mode)
	}
	arr.Ext = p.ext(first.Span().Start.Offset, p.lastEnd)
	return arr
}

// parseCommandArgElem parses a single argument value in command mode.
func (p *parser) parseCommandArgElem() syntax.Expr {
	t := p.peekTok(modeCmd)
	switch t.Kind {
	case TokGeneric:
		p.advance(t)
		return p.bareword(t)
	case TokExpandable:
		if t.StrKind == syntax.BareWord {
			p.advance(t)
			return p.bareword(t)
		}
		p.advance(t)
		return p.parsePostfix(&syntax.ExpandableStringExpr{Ext: t.Ext, Parts: t.Parts, Kind: t.StrKind})
	case TokString:
		p.advance(t)
		return p.parsePostfix(&syntax.StringConstExpr{Ext: t.Ext, Value: t.Str, Kind: t.StrKind})
	case TokNumber:
		p.advance(t)
		return &syntax.ConstantExpr{Ext: t.Ext, Value: t.Value}
	case TokDot:
		// a lone dot is the dot-source operator only where a command
		// starts; as an argument it is the word "." (the current folder)
		p.advance(t)
		return &syntax.StringConstExpr{Ext: t.Ext, Value: ".", Kind: syntax.BareWord}
	case TokVariable, TokSplat:
		p.advance(t)
		v := &syntax.VariableExpr{Ext: t.Ext, Name: t.Str, Splatted: t.Kind == TokSplat}
		if v.Splatted {
			return v
		}
		return p.postfix(v, true)
	case TokLParen, TokDollarParen, TokAtParen, TokAtCurly, TokLCurly:
		e := p.parsePrimary()
		if e == nil {
			return nil
		}
		return p.parsePostfix(e)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Expressions

func (p *parser) parseExpression() syntax.Expr { return p.parseTernary(true) }

func (p *parser) parseTernary(comma bool) syntax.Expr {
	cond := p.parseBinary(1, comma)
	if cond == nil {
		return nil
	}
	q := p.peekTok(modeExpr)
	if q.Kind != TokQuestion {
		return cond
	}
	p.advance(q)
	p.skipNewlines()
	a := p.parseTernary(comma)
	if a == nil {
		n := p.peekTok(modeExpr)
		p.errorf(q.Ext, n.Kind == TokEOF, "ExpectedValueExpression", "You must provide a value expression following the '?' operator.")
		return cond
	}
	s := p.save()
	p.skipNewlines()
	c := p.peekTok(modeExpr)
	if c.Kind != TokColon {
		p.restore(s)
		p.errorf(p.after(), c.Kind == TokEOF, "MissingColonInTernaryExpression", "Missing ':' in the ternary expression.")
		return &syntax.TernaryExpr{Ext: p.ext(cond.Span().Start.Offset, p.lastEnd), Cond: cond, IfTrue: a}
	}
	p.advance(c)
	p.skipNewlines()
	b := p.parseTernary(comma)
	if b == nil {
		n := p.peekTok(modeExpr)
		p.errorf(c.Ext, n.Kind == TokEOF, "ExpectedValueExpression", "You must provide a value expression following the ':' operator.")
	}
	return &syntax.TernaryExpr{Ext: p.ext(cond.Span().Start.Offset, p.lastEnd), Cond: cond, IfTrue: a, IfFalse: b}
}

func (p *parser) parseBinary(minPrec int, comma bool) syntax.Expr {
	left := p.parseArray(comma)
	if left == nil {
		return nil
	}
	for {
		t := p.peekTok(modeExpr)
		prec := binaryPrec(t)
		if prec == 0 || prec < minPrec {
			return left
		}
		p.advance(t)
		p.skipNewlines()
		right := p.parseBinary(prec+1, comma)
		if right == nil {
			n := p.peekTok(modeExpr)
			p.errorf(p.after(), n.Kind == TokEOF, "ExpectedValueExpression", "You must provide a value expression following the '"+t.Text()+"' operator.")
			return left
		}
		left = &syntax.BinaryExpr{Ext: p.ext(left.Span().Start.Offset, p.lastEnd), Op: t.Str, OpExt: t.Ext, Left: left, Right: right}
	}
}

func (p *parser) parseArray(comma bool) syntax.Expr {
	if !comma {
		return p.parseUnary()
	}
	return p.parseCommaList(modeExpr, (*parser).parseUnary)
}

func (p *parser) parseUnary() syntax.Expr {
	if !p.enter() {
		p.leave()
		return nil
	}
	defer p.leave()
	t := p.peekTok(modeExpr)
	op := ""
	switch t.Kind {
	case TokOperator:
		if isUnaryOp(t.Str) {
			op = t.Str
		}
	case TokComma:
		op = ","
	case TokPlusPlus:
		op = "++"
	case TokMinusMinus:
		op = "--"
	case TokLBracket:
		return p.parseTypeOrCast()
	}
	if op != "" {
		p.advance(t)
		if op == "-" || op == "+" {
			if e := p.signedNumber(t); e != nil {
				return p.spacedPostfix(p.parsePostfix(e))
			}
		}
		child := p.parseUnary()
		if child == nil {
			n := p.peekTok(modeExpr)
			p.errMissing(n, "MissingExpressionAfterOperator", "Missing expression after unary operator '"+t.Text()+"'.")
		}
		return &syntax.UnaryExpr{Ext: p.ext(t.Ext.Start.Offset, p.lastEnd), Op: op, Child: child}
	}
	e := p.parsePrimary()
	if e == nil {
		return nil
	}
	return p.spacedPostfix(p.parsePostfix(e))
}

// signedNumber is the number literal right after a sign, the token
// sign, with no space between them: where a unary expression starts, the
// sign belongs to the literal, so -10y is an SByte, +10uy a Byte and
// -2147483648 an Int32 (a negative unsigned literal is left to the
// unary minus).
func (p *parser) signedNumber(sign *Token) *syntax.ConstantExpr {
	n := p.peekTok(modeExpr)
	if n.Kind != TokNumber || n.Ext.Start.Offset != sign.Ext.End.Offset {
		return nil
	}
	v := n.Value
	if sign.Str == "-" {
		var ok bool
		if v, ok = negate(n.Value); !ok {
			return nil
		}
	}
	if strings.Trim(n.Text(), "0123456789") == "" {
		// a decimal literal without a suffix takes the smallest type
		// that holds it with its sign: -2147483648 is an Int32,
		// -9223372036854775808 an Int64
		switch x := v.(type) {
		case int64:
			if x == math.MinInt32 {
				v = int(x)
			}
		case object.Decimal:
			if r := x.Rat(); r.IsInt() && r.Num().IsInt64() {
				v = r.Num().Int64()
			}
		}
	}
	p.advance(n)
	return &syntax.ConstantExpr{Ext: p.ext(sign.Ext.Start.Offset, n.Ext.End.Offset), Value: v}
}

// spacedPostfix applies a postfix ++ or -- that follows e after spaces
// ($count ++): PowerShell takes the operator as the next token of the
// line, wherever it stands, once the expression before it is complete.
func (p *parser) spacedPostfix(e syntax.Expr) syntax.Expr {
	if u, ok := e.(*syntax.UnaryExpr); ok && (u.Op == "p++" || u.Op == "p--") {
		return e
	}
	if c := p.byteAt(p.off); c != ' ' && c != '\t' {
		return e
	}
	t := p.peekTok(modeExpr)
	if t.Kind != TokPlusPlus && t.Kind != TokMinusMinus {
		return e
	}
	p.advance(t)
	return &syntax.UnaryExpr{Ext: p.ext(e.Span().Start.Offset, p.lastEnd), Op: "p" + t.Str, Child: e}
}

func (p *parser) parseTypeOrCast() syntax.Expr {
	lb := p.peekTok(modeExpr)
	a, tn := p.parseAttributeOrType()
	switch {
	case a != nil:
		// An attribute on a variable ([ValidateNotNull()]$x = ...).
		// Newlines may stand between an attribute and its expression, as a
		// [CmdletBinding()] line above an assignment shows; an attribute
		// with no expression after it is a parse error.
		s := p.save()
		p.skipNewlines()
		n := p.peekTok(modeExpr)
		if n.Kind != TokComma && isExprStart(n) {
			if child := p.parseUnary(); child != nil {
				// Only a variable (type constraints between allowed) can
				// carry an attribute.
				v := child
				for c, ok := v.(*syntax.ConvertExpr); ok; c, ok = v.(*syntax.ConvertExpr) {
					v = c.Child
				}
				for c, ok := v.(*syntax.AttributedExpr); ok; c, ok = v.(*syntax.AttributedExpr) {
					v = c.Child
					for c, ok := v.(*syntax.ConvertExpr); ok; c, ok = v.(*syntax.ConvertExpr) {
						v = c.Child
					}
				}
				if _, ok := v.(*syntax.VariableExpr); !ok {
					p.errorf(a.Ext, false, "UnexpectedAttribute", "Unexpected attribute '"+a.Name+"'.")
					return child
				}
				return &syntax.AttributedExpr{Ext: p.ext(lb.Ext.Start.Offset, p.lastEnd), Attribute: a, Child: child}
			}
		}
		p.restore(s)
		p.errorf(a.Ext, n.Kind == TokEOF, "UnexpectedAttribute", "Unexpected attribute '"+a.Name+"'.")
		return &syntax.TypeExpr{Ext: a.Ext, Type: &syntax.TypeName{Ext: a.Ext, Name: a.Name}}
	case tn == nil:
		return nil
	}
	if p.lastEnd == tn.Ext.End.Offset {
		// missing ']'
		return &syntax.TypeExpr{Ext: p.ext(lb.Ext.Start.Offset, p.lastEnd), Type: tn}
	}
	n := p.peekTok(modeExpr)
	if n.Kind != TokComma && isExprStart(n) {
		child := p.parseUnary()
		if child != nil {
			return &syntax.ConvertExpr{Ext: p.ext(lb.Ext.Start.Offset, p.lastEnd), Type: tn, Child: child}
		}
	}
	return p.parsePostfix(&syntax.TypeExpr{Ext: p.ext(lb.Ext.Start.Offset, p.lastEnd), Type: tn})
}

// scanTypeName reads a type name such as System.Int32, string[] or
// System.Collections.Generic.List[string] starting at i.
func (p *parser) scanTypeName(i, depth int) (string, int, bool) {
	i = p.skipBlanks(i)
	start := i
	for i < len(p.text) {
		r, sz := p.at(i)
		if r == '`' && i+1 < len(p.text) {
			_, sz2 := p.at(i + 1)
			i += 1 + sz2
			continue
		}
		if !isIdentChar(r) && r != '.' && r != '+' {
			break
		}
		i += sz
	}
	if i == start {
		return "", i, false
	}
	name := p.text[start:i]
	if depth > 50 {
		return name, i, true
	}
	// blanks may come before the brackets of an array or generic type:
	// [int []] is [int[]], as PowerShell's parser reads it
	for p.byteAt(p.skipBlanks(i)) == '[' {
		k := p.skipBlanks(p.skipBlanks(i) + 1)
		if p.byteAt(k) == ']' {
			name += "[]"
			i = k + 1
			continue
		}
		if p.byteAt(k) == ',' {
			commas := ""
			for p.byteAt(k) == ',' {
				commas += ","
				k = p.skipBlanks(k + 1)
			}
			if p.byteAt(k) != ']' {
				return name, i, true
			}
			name += "[" + commas + "]"
			i = k + 1
			continue
		}
		var args []string
		for {
			k = p.skipBlanks(k)
			bracketed := p.byteAt(k) == '['
			if bracketed {
				k++
			}
			a, k2, ok := p.scanTypeName(k, depth+1)
			if !ok {
				return name, i, true
			}
			k = p.skipBlanks(k2)
			if bracketed {
				if p.byteAt(k) != ']' {
					return name, i, true
				}
				k = p.skipBlanks(k + 1)
			}
			args = append(args, a)
			if p.byteAt(k) == ',' {
				k++
				continue
			}
			break
		}
		if p.byteAt(k) != ']' {
			return name, i, true
		}
		name += "[" + strings.Join(args, ",") + "]"
		i = k + 1
	}
	return name, i, true
}

func (p *parser) skipBlanks(i int) int {
	for {
		r, sz := p.at(i)
		if sz == 0 || !isBlank(r) {
			return i
		}
		i += sz
	}
}

func (p *parser) parsePrimary() syntax.Expr {
	t := p.peekTok(modeExpr)
	switch t.Kind {
	case TokNumber:
		p.advance(t)
		return &syntax.ConstantExpr{Ext: t.Ext, Value: t.Value}
	case TokString:
		p.advance(t)
		return &syntax.StringConstExpr{Ext: t.Ext, Value: t.Str, Kind: t.StrKind}
	case TokExpandable:
		p.advance(t)
		return &syntax.ExpandableStringExpr{Ext: t.Ext, Parts: t.Parts, Kind: t.StrKind}
	case TokVariable, TokSplat:
		p.advance(t)
		return &syntax.VariableExpr{Ext: t.Ext, Name: t.Str, Splatted: t.Kind == TokSplat}
	case TokLParen:
		return p.parseParen(t)
	case TokDollarParen:
		p.advance(t)
		body := p.subBody(t)
		return &syntax.SubExpr{Ext: p.ext(t.Ext.Start.Offset, p.lastEnd), Body: body}
	case TokAtParen:
		p.advance(t)
		body := p.subBody(t)
		return &syntax.ArrayExpr{Ext: p.ext(t.Ext.Start.Offset, p.lastEnd), Body: body}
	case TokAtCurly:
		return p.parseHashtable(t)
	case TokLCurly:
		sb := p.parseScriptBody(t)
		return &syntax.ScriptBlockExpr{Ext: sb.Ext, Block: sb}
	}
	return nil
}

func (p *parser) parseParen(lp *Token) syntax.Expr {
	p.advance(lp)
	p.skipNewlines()
	t := p.peekTok(modeCmd)
	if t.Kind == TokRParen {
		p.errorf(t.Ext, false, "ExpectedExpression", "An expression was expected after '('.")
		p.advance(t)
		return &syntax.ParenExpr{Ext: p.ext(lp.Ext.Start.Offset, p.lastEnd)}
	}
	st := p.parseStatement()
	p.skipNewlines()
	rp := p.peekTok(modeExpr)
	if rp.Kind == TokRParen {
		p.advance(rp)
	} else {
		p.errMissing(rp, "MissingEndParenthesisInExpression", "Missing closing ')' in expression.")
	}
	return &syntax.ParenExpr{Ext: p.ext(lp.Ext.Start.Offset, p.lastEnd), Stmt: st}
}

// subBody parses the statements of $( ) or @( ) after the opening token.
func (p *parser) subBody(open *Token) *syntax.StatementBlock {
	body := p.parseStatementList(TokRParen)
	rp := p.peekTok(modeExpr)
	if rp.Kind == TokRParen {
		p.advance(rp)
	} else {
		p.errorf(open.Ext, rp.Kind == TokEOF, "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.")
	}
	return body
}

// parseSubExprAt parses $( ... ) at offset i inside a string and returns
// it with the offset after it. The parser's position is left unchanged.
func (p *parser) parseSubExprAt(i int) (*syntax.SubExpr, int) {
	s := p.save()
	p.off, p.lastEnd = i, i
	t := p.peekTok(modeExpr)
	var sub *syntax.SubExpr
	ok := t.Kind == TokDollarParen && p.enter()
	p.nested++
	defer func() { p.nested-- }()
	if ok {
		p.advance(t)
		body := p.subBody(t)
		sub = &syntax.SubExpr{Ext: p.ext(i, p.lastEnd), Body: body}
	} else {
		sub = &syntax.SubExpr{Ext: p.ext(i, p.off), Body: &syntax.StatementBlock{Ext: p.ext(i, p.off)}}
	}
	if t.Kind == TokDollarParen {
		p.leave()
	}
	end := p.lastEnd
	if end <= i {
		end = len(p.text)
	}
	p.restore(s)
	return sub, end
}

func (p *parser) parseHashtable(open *Token) syntax.Expr {
	p.advance(open)
	h := &syntax.HashtableExpr{}
	seen := map[string]bool{}
	finish := func() syntax.Expr {
		h.Ext = p.ext(open.Ext.Start.Offset, p.lastEnd)
		return h
	}
	for {
		p.skipNewlinesSemis()
		t := p.peekTok(modeExpr)
		if t.Kind == TokRCurly {
			p.advance(t)
			return finish()
		}
		if t.Kind == TokEOF {
			p.errorf(p.after(), true, "IncompleteHashLiteral", "The hash literal was incomplete.")
			return finish()
		}
		key := p.parseHashKey()
		if key == nil {
			if t.Kind == TokAssign {
				p.errorf(t.Ext, false, "MissingKeyInHashLiteral", "Missing key before '=' in hash literal.")
			} else {
				p.errorf(p.after(), false, "IncompleteHashLiteral", "The hash literal was incomplete.")
				p.unexpected(t)
			}
			p.skipToCurly()
			return finish()
		}
		eq := p.peekTok(modeExpr)
		if eq.Kind != TokAssign || eq.Str != "=" {
			p.errMissing(eq, "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.")
			if eq.Kind != TokEOF {
				p.skipToCurly()
			}
			return finish()
		}
		p.advance(eq)
		p.skipNewlines()
		v := p.parseStatement()
		if v == nil {
			n := p.peekTok(modeExpr)
			p.errMissing(n, "MissingStatementInHashLiteral", "Missing statement after '=' in hash literal.")
			if n.Kind != TokEOF {
				p.skipToCurly()
			}
			return finish()
		}
		if k, ok := hashKeyText(key); ok {
			lk := strings.ToLower(k)
			if seen[lk] {
				p.errorf(key.Span(), false, "DuplicateKeyInHashLiteral", "Duplicate keys '"+k+"' are not allowed in hash literals.")
			}
			seen[lk] = true
		}
		h.Pairs = append(h.Pairs, &syntax.KeyValue{Key: key, Value: v})
		n := p.peekTok(modeExpr)
		switch n.Kind {
		case TokNewline, TokSemi:
		case TokRCurly:
			p.advance(n)
			return finish()
		case TokEOF:
			p.errorf(p.after(), true, "IncompleteHashLiteral", "The hash literal was incomplete.")
			return finish()
		default:
			p.unexpected(n)
			p.errorf(p.after(), false, "IncompleteHashLiteral", "The hash literal was incomplete.")
			p.skipToCurly()
			return finish()
		}
	}
}

func hashKeyText(e syntax.Expr) (string, bool) {
	switch k := e.(type) {
	case *syntax.StringConstExpr:
		return k.Value, true
	case *syntax.ConstantExpr:
		return fmt.Sprint(k.Value), true
	}
	return "", false
}

// skipToCurly skips to just after the '}' closing the current literal.
func (p *parser) skipToCurly() {
	depth := 0
	for {
		t := p.peekTok(modeCmd)
		switch t.Kind {
		case TokEOF:
			return
		case TokLCurly, TokAtCurly, TokLParen, TokAtParen, TokDollarParen:
			depth++
		case TokRParen:
			if depth > 0 {
				depth--
			}
		case TokRCurly:
			if depth == 0 {
				p.advance(t)
				return
			}
			depth--
		}
		p.advance(t)
	}
}

func (p *parser) parseHashKey() syntax.Expr {
	i := p.skipSpace(p.off)
	r := p.runeAt(i)
	if isLetter(r) {
		j := i
		for {
			c, sz := p.at(j)
			if sz == 0 || !(isIdentChar(c) || isDash(c) || c == '.') {
				break
			}
			j += sz
		}
		p.off, p.lastEnd = j, j
		return &syntax.StringConstExpr{Ext: p.ext(i, j), Value: p.text[i:j], Kind: syntax.BareWord}
	}
	return p.parseUnary()
}

// parsePostfix applies member access, method calls, indexing and postfix
// ++/-- written directly after e.
func (p *parser) parsePostfix(e syntax.Expr) syntax.Expr { return p.postfix(e, false) }

// postfix is parsePostfix; in a command argument (cmdArg) a dot that
// blanks, a line end or the end of the text follow is no member access
// but text of the argument, as PowerShell's tokenizer has it.
func (p *parser) postfix(e syntax.Expr, cmdArg bool) syntax.Expr {
	for {
		i := p.off
		c, c1 := p.byteAt(i), p.byteAt(i+1)
		switch {
		case c == '.' && c1 != '.':
			if cmdArg && (c1 == 0 && i+1 >= len(p.text) || c1 == ' ' || c1 == '\t' || c1 == '\r' || c1 == '\n') {
				return e
			}
			p.off, p.lastEnd = i+1, i+1
			e = p.member(e, false, false)
		case c == ':' && c1 == ':':
			p.off, p.lastEnd = i+2, i+2
			e = p.member(e, true, false)
		case c == '?' && c1 == '.':
			p.off, p.lastEnd = i+2, i+2
			e = p.member(e, false, true)
		case c == '[' || (c == '?' && c1 == '['):
			nc := c == '?'
			lb := i + 1
			if nc {
				lb = i + 2
			}
			p.off, p.lastEnd = lb, lb
			p.skipNewlines()
			idx := p.parseExpression()
			if idx == nil {
				n := p.peekTok(modeExpr)
				p.errMissing(n, "MissingArrayIndexExpression", "Array index expression is missing or not valid.")
				if n.Kind == TokRBracket {
					p.advance(n)
				}
				return &syntax.IndexExpr{Ext: p.ext(e.Span().Start.Offset, p.lastEnd), Target: e, NullConditional: nc}
			}
			p.skipNewlines()
			rb := p.peekTok(modeExpr)
			if rb.Kind != TokRBracket {
				p.errMissing(rb, "MissingEndSquareBracket", "Missing ']' after array index expression.")
				return &syntax.IndexExpr{Ext: p.ext(e.Span().Start.Offset, p.lastEnd), Target: e, Index: idx, NullConditional: nc}
			}
			p.advance(rb)
			e = &syntax.IndexExpr{Ext: p.ext(e.Span().Start.Offset, p.lastEnd), Target: e, Index: idx, NullConditional: nc}
		case (c == '+' && c1 == '+') || (c == '-' && c1 == '-'):
			t := p.peekTok(modeExpr)
			if t.Kind != TokPlusPlus && t.Kind != TokMinusMinus {
				return e
			}
			p.advance(t)
			e = &syntax.UnaryExpr{Ext: p.ext(e.Span().Start.Offset, p.lastEnd), Op: "p" + t.Str, Child: e}
		default:
			return e
		}
		if e == nil {
			return nil
		}
	}
}

// member parses the member name after . :: or ?. and an optional call.
func (p *parser) member(target syntax.Expr, static, nullCond bool) syntax.Expr {
	start := target.Span().Start.Offset
	// the member name may follow the operator after blanks ($site. Url)
	p.off = p.skipSpace(p.off)
	if c := p.byteAt(p.off); c == '\n' || c == '\r' {
		// fluent chains: the member may follow on the next line
		p.skipNewlines()
		p.off = p.skipSpace(p.off)
	}
	i := p.off
	r := p.runeAt(i)
	var name syntax.Expr
	switch {
	case isIdentChar(r):
		j := i
		for {
			c, sz := p.at(j)
			if sz == 0 || !isIdentChar(c) {
				break
			}
			j += sz
		}
		p.off, p.lastEnd = j, j
		name = &syntax.StringConstExpr{Ext: p.ext(i, j), Value: p.text[i:j], Kind: syntax.BareWord}
	case isSingleQuote(r) || isDoubleQuote(r) || r == '$' || r == '(' || r == '{':
		name = p.parsePrimary()
	}
	if name == nil {
		n := p.peekTok(modeExpr)
		p.errMissing(n, "MissingPropertyName", "Missing property name after reference operator.")
		return &syntax.MemberExpr{Ext: p.ext(start, p.lastEnd), Target: target, Static: static, NullConditional: nullCond}
	}
	var targs []*syntax.TypeName
	if p.byteAt(p.off) == '[' {
		targs = p.genericMethodArgs()
	}
	switch p.byteAt(p.off) {
	case '(':
		lp := p.peekTok(modeExpr)
		p.advance(lp)
		args := p.parseMethodArgs()
		return &syntax.InvokeMemberExpr{Ext: p.ext(start, p.lastEnd), Target: target, Member: name, Args: args, Static: static, NullConditional: nullCond, TypeArgs: targs}
	case '{':
		lc := p.peekTok(modeExpr)
		sb := p.parseScriptBody(lc)
		arg := &syntax.ScriptBlockExpr{Ext: sb.Ext, Block: sb}
		return &syntax.InvokeMemberExpr{Ext: p.ext(start, p.lastEnd), Target: target, Member: name, Args: []syntax.Expr{arg}, Static: static, NullConditional: nullCond}
	}
	return &syntax.MemberExpr{Ext: p.ext(start, p.lastEnd), Target: target, Member: name, Static: static, NullConditional: nullCond}
}

// genericMethodArgs reads the type arguments of a generic method call,
// Method[T1, T2](...), when the bracket at p.off opens them: a list of
// type names (not bracketed ones) closed by ']' with '(' right after.
// Otherwise nothing is consumed (it is an index, as in $x.Items[0]).
func (p *parser) genericMethodArgs() []*syntax.TypeName {
	var out []*syntax.TypeName
	k := p.off + 1
	for {
		k = p.skipBlanks(k)
		for p.byteAt(k) == '\n' || p.byteAt(k) == '\r' {
			k = p.skipBlanks(k + 1)
		}
		if !isIdentChar(p.runeAt(k)) {
			return nil
		}
		name, end, ok := p.scanTypeName(k, 0)
		if !ok {
			return nil
		}
		out = append(out, &syntax.TypeName{Ext: p.ext(k, end), Name: name})
		k = p.skipBlanks(end)
		if p.byteAt(k) == ',' {
			k++
			continue
		}
		if p.byteAt(k) != ']' || p.byteAt(k+1) != '(' {
			return nil
		}
		p.off, p.lastEnd = k+1, k+1
		return out
	}
}

func (p *parser) parseMethodArgs() []syntax.Expr {
	args := []syntax.Expr{}
	p.skipNewlines()
	if t := p.peekTok(modeExpr); t.Kind == TokRParen {
		p.advance(t)
		return args
	}
	for {
		p.skipNewlines()
		a := p.parseTernary(false)
		if a == nil {
			n := p.peekTok(modeExpr)
			p.errMissing(n, "MissingArgument", "Missing argument in parameter list.")
			if n.Kind == TokRParen {
				p.advance(n)
			}
			return args
		}
		args = append(args, a)
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		switch t.Kind {
		case TokComma:
			p.advance(t)
			continue
		case TokRParen:
			p.advance(t)
			return args
		}
		p.errMissing(t, "MissingEndParenthesisInMethodCall", "Missing ')' in method call.")
		return args
	}
}

// ---------------------------------------------------------------------------
// Attributes and parameters

// paramBlockAhead reports whether [attributes] param( follows, looking
// ahead without parsing (a failed trial parse would make nested blocks
// cost exponential time).
func (p *parser) paramBlockAhead() bool {
	s := p.save()
	defer p.restore(s)
	for n := 0; n < 1000; n++ {
		p.skipNewlines()
		if p.byteAt(p.skipSpace(p.off)) != '[' {
			break
		}
		depth := 0
		for steps := 0; ; steps++ {
			t := p.peekTok(modeExpr)
			if steps > 10000 || t.Kind == TokEOF {
				return false
			}
			p.advance(t)
			switch t.Kind {
			case TokLBracket:
				depth++
				if _, end, ok := p.scanTypeName(p.off, 0); ok {
					p.off, p.lastEnd = end, end
				}
			case TokLParen, TokLCurly, TokAtParen, TokAtCurly, TokDollarParen:
				depth++
			case TokRParen, TokRCurly, TokRBracket:
				depth--
			}
			if depth <= 0 {
				break
			}
		}
	}
	return p.keywordAt() == "param"
}

// tryParamBlock parses [attributes] param( ... ) at the start of a script
// block, or nothing.
func (p *parser) tryParamBlock() *syntax.ParamBlock {
	if !p.paramBlockAhead() {
		return nil
	}
	pb := &syntax.ParamBlock{}
	start := p.skipSpace(p.off)
	for {
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		if t.Kind != TokLBracket {
			break
		}
		a, tn := p.parseAttributeOrType()
		switch {
		case a != nil:
			pb.Attributes = append(pb.Attributes, a)
		case tn != nil:
			pb.Attributes = append(pb.Attributes, &syntax.Attribute{Ext: tn.Ext, Name: tn.Name})
		}
	}
	if p.keywordAt() != "param" {
		pb.Ext = p.ext(start, p.lastEnd)
		return pb
	}
	t := p.peekTok(modeCmd)
	p.advance(t)
	p.skipNewlines()
	lp := p.peekTok(modeExpr)
	if lp.Kind != TokLParen {
		p.errMissing(lp, "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'param'.")
		pb.Ext = p.ext(start, p.lastEnd)
		return pb
	}
	pb.Params = p.parseParamList(lp)
	pb.Ext = p.ext(start, p.lastEnd)
	return pb
}

// parseAttributeOrType parses [Name(args)] (an attribute) or [type].
func (p *parser) parseAttributeOrType() (*syntax.Attribute, *syntax.TypeName) {
	lb := p.peekTok(modeExpr)
	p.advance(lb)
	name, end, ok := p.scanTypeName(p.off, 0)
	if !ok {
		n := p.peekTok(modeExpr)
		p.errMissing(n, "MissingTypename", "Missing type name after '['.")
		return nil, nil
	}
	nameStart := p.skipSpace(p.off)
	p.off, p.lastEnd = end, end
	var attr *syntax.Attribute
	// blanks may separate the name from its arguments: [Parameter (Mandatory)]
	paren := p.off
	for p.byteAt(paren) == ' ' || p.byteAt(paren) == '\t' {
		paren++
	}
	if p.byteAt(paren) == '(' {
		lp := p.peekTok(modeExpr)
		p.advance(lp)
		attr = &syntax.Attribute{Name: name}
		p.parseAttributeArgs(attr)
		// Newlines may come between an attribute's ')' and its ']'.
		off, lastEnd := p.off, p.lastEnd
		p.skipNewlines()
		if p.peekTok(modeExpr).Kind != TokRBracket {
			p.off, p.lastEnd = off, lastEnd
		}
	}
	rb := p.peekTok(modeExpr)
	if rb.Kind != TokRBracket {
		p.errMissing(rb, "EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal.")
	} else {
		p.advance(rb)
	}
	if attr != nil {
		attr.Ext = p.ext(lb.Ext.Start.Offset, p.lastEnd)
		return attr, nil
	}
	return nil, &syntax.TypeName{Ext: p.ext(nameStart, end), Name: name}
}

func (p *parser) parseAttributeArgs(a *syntax.Attribute) {
	p.skipNewlines()
	if t := p.peekTok(modeExpr); t.Kind == TokRParen {
		p.advance(t)
		return
	}
	for {
		p.skipNewlines()
		i := p.skipSpace(p.off)
		named := false
		if isLetter(p.runeAt(i)) {
			j := i
			for {
				c, sz := p.at(j)
				if sz == 0 || !isIdentChar(c) {
					break
				}
				j += sz
			}
			k := p.skipBlanks(j)
			c := p.byteAt(k)
			if (c == '=' && p.byteAt(k+1) != '=') || c == ',' || c == ')' || c == '\n' || c == '\r' || k >= len(p.text) {
				named = true
				p.off, p.lastEnd = j, j
				na := &syntax.NamedArg{Name: p.text[i:j]}
				if t := p.peekTok(modeExpr); t.Kind == TokAssign && t.Str == "=" {
					p.advance(t)
					p.skipNewlines()
					na.Value = p.parseTernary(false)
					if na.Value == nil {
						n := p.peekTok(modeExpr)
						p.errMissing(n, "MissingExpressionInNamedArgument", "Missing statement after '=' in named argument.")
					}
				}
				na.Ext = p.ext(i, p.lastEnd)
				a.Named = append(a.Named, na)
			}
		}
		if !named {
			v := p.parseTernary(false)
			if v == nil {
				n := p.peekTok(modeExpr)
				p.errMissing(n, "MissingArgument", "Missing argument in parameter list.")
				if n.Kind == TokRParen {
					p.advance(n)
				}
				return
			}
			a.Positional = append(a.Positional, v)
		}
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		switch t.Kind {
		case TokComma:
			p.advance(t)
			continue
		case TokRParen:
			p.advance(t)
			return
		}
		p.errMissing(t, "MissingEndParenthesisInExpression", "Missing closing ')' in expression.")
		return
	}
}

// parseParamList parses ( parameters ) at lp.
func (p *parser) parseParamList(lp *Token) []*syntax.Parameter {
	p.advance(lp)
	params := []*syntax.Parameter{}
	p.skipNewlines()
	if t := p.peekTok(modeExpr); t.Kind == TokRParen {
		p.advance(t)
		return params
	}
	for {
		prm := p.parseParameter()
		if prm == nil {
			p.skipToParen()
			return params
		}
		params = append(params, prm)
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		switch t.Kind {
		case TokComma:
			p.advance(t)
			p.skipNewlines()
			continue
		case TokRParen:
			p.advance(t)
			return params
		}
		p.errMissing(t, "MissingEndParenthesisInFunctionParameterList", "Missing ')' in function parameter list.")
		if t.Kind != TokEOF {
			p.skipToParen()
		}
		return params
	}
}

// skipToParen skips to just after the ')' closing the current list.
func (p *parser) skipToParen() {
	depth := 0
	for {
		t := p.peekTok(modeExpr)
		switch t.Kind {
		case TokEOF:
			return
		case TokLParen, TokAtParen, TokDollarParen, TokLCurly, TokAtCurly:
			depth++
		case TokRCurly:
			if depth == 0 {
				return
			}
			depth--
		case TokRParen:
			if depth == 0 {
				p.advance(t)
				return
			}
			depth--
		}
		p.advance(t)
	}
}

func (p *parser) parseParameter() *syntax.Parameter {
	prm := &syntax.Parameter{}
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
		a, tn := p.parseAttributeOrType()
		switch {
		case a != nil:
			prm.Attributes = append(prm.Attributes, a)
		case tn != nil:
			prm.Types = append(prm.Types, tn)
		default:
			return nil
		}
	}
	v := p.peekTok(modeExpr)
	if v.Kind != TokVariable {
		if v.Kind == TokEOF {
			p.errMissing(v, "InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.")
		} else {
			p.errorf(v.Ext, false, "InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.")
		}
		return nil
	}
	p.advance(v)
	prm.Name = v.Str
	if t := p.peekTok(modeExpr); t.Kind == TokAssign && t.Str == "=" {
		p.advance(t)
		p.skipNewlines()
		prm.Default = p.parseTernary(false)
		if prm.Default == nil {
			n := p.peekTok(modeExpr)
			p.errorf(t.Ext, n.Kind == TokEOF, "ExpectedValueExpression", "You must provide a value expression following the '=' operator.")
		}
	}
	prm.Ext = p.ext(start, p.lastEnd)
	return prm
}

// ---------------------------------------------------------------------------
// Keyword statements

// condition parses "( pipeline )" for if/while/do/switch; kw names the
// statement in messages.
func (p *parser) openParen(kw *Token, id, msg string) bool {
	p.skipNewlines()
	lp := p.peekTok(modeExpr)
	if lp.Kind != TokLParen {
		p.errMissing(lp, id, msg)
		return false
	}
	p.advance(lp)
	p.skipNewlines()
	return true
}

func (p *parser) closeParen(id, msg string) bool {
	p.skipNewlines()
	rp := p.peekTok(modeExpr)
	if rp.Kind != TokRParen {
		p.errMissing(rp, id, msg)
		return false
	}
	p.advance(rp)
	return true
}

func (p *parser) parseIf(kw *Token) syntax.Statement {
	st := &syntax.IfStmt{}
	start := kw.Ext.Start.Offset
	t := kw
	for {
		p.advance(t)
		word := strings.ToLower(t.Str)
		if !p.openParen(t, "MissingOpenParenthesisInIfStatement", "Missing '(' after '"+t.Str+"' in if statement.") {
			break
		}
		cond := p.parsePipelineChain()
		if cond == nil {
			n := p.peekTok(modeExpr)
			p.errMissing(n, "IfStatementMissingCondition", "Missing condition in if statement after '"+word+" ('.")
			break
		}
		if !p.closeParen("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in '"+word+"' statement.") {
			break
		}
		body := p.block("MissingStatementBlock", "Missing statement block after "+word+" ( condition ).")
		if body == nil {
			break
		}
		st.Clauses = append(st.Clauses, &syntax.IfClause{Cond: cond, Body: body})
		s := p.save()
		p.skipNewlines()
		n := p.peekTok(modeCmd)
		if n.Kind == TokGeneric && !n.Escaped && strings.EqualFold(n.Str, "elseif") {
			t = n
			continue
		}
		if n.Kind == TokGeneric && !n.Escaped && strings.EqualFold(n.Str, "else") {
			p.advance(n)
			st.Else = p.block("MissingStatementBlockAfterElse", "Missing statement block after 'else' keyword.")
			break
		}
		p.restore(s)
		break
	}
	st.Ext = p.ext(start, p.lastEnd)
	return st
}

func (p *parser) parseForeach(kw *Token, label string, start int) syntax.Statement {
	st := &syntax.ForEachStmt{Label: label}
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	const form = "\nThe correct form is: foreach ($a in $b) {...}"
	// -Parallel / -ThrottleLimit n
	for {
		t := p.peekTok(modeCmd)
		if t.Kind != TokParameter {
			break
		}
		p.advance(t)
		if strings.EqualFold(t.Str, "throttlelimit") {
			p.parseCommandArgElem()
		}
	}
	if !p.openParen(kw, "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'foreach'.") {
		return st
	}
	v := p.peekTok(modeExpr)
	if v.Kind != TokVariable {
		p.errMissing(v, "MissingVariableNameAfterForeach", "Missing variable name after foreach."+form)
		return st
	}
	p.advance(v)
	st.Variable = &syntax.VariableExpr{Ext: v.Ext, Name: v.Str}
	p.skipNewlines()
	in := p.peekTok(modeCmd)
	if in.Kind != TokGeneric || in.Escaped || !strings.EqualFold(in.Str, "in") {
		p.errMissing(in, "MissingInInForeach", "Missing 'in' after variable in foreach loop."+form)
		return st
	}
	p.advance(in)
	p.skipNewlines()
	st.Collection = p.parsePipelineChain()
	if st.Collection == nil {
		n := p.peekTok(modeExpr)
		p.errMissing(n, "MissingForeachExpression", "Missing expression in foreach loop."+form)
		return st
	}
	if !p.closeParen("MissingEndParenthesisAfterForeach", "Missing closing ')' after expression part of foreach loop."+form) {
		return st
	}
	st.Body = p.block("MissingForeachStatement", "Missing statement body in foreach loop."+form)
	return st
}

func (p *parser) parseFor(kw *Token, label string, start int) syntax.Statement {
	st := &syntax.ForStmt{Label: label}
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	if !p.openParen(kw, "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'for'.") {
		return st
	}
	part := func() syntax.Statement {
		p.skipNewlines()
		t := p.peekTok(modeExpr)
		if t.Kind == TokSemi || t.Kind == TokRParen {
			return nil
		}
		return p.parsePipelineChain()
	}
	sep := func() {
		p.skipNewlines()
		if t := p.peekTok(modeExpr); t.Kind == TokSemi {
			p.advance(t)
		}
	}
	st.Init = part()
	sep()
	st.Cond = part()
	sep()
	st.Iter = part()
	if !p.closeParen("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in 'for' statement.") {
		return st
	}
	st.Body = p.block("MissingLoopStatement", "Missing statement body in for loop.")
	return st
}

func (p *parser) parseWhile(kw *Token, label string, start int) syntax.Statement {
	st := &syntax.WhileStmt{Label: label}
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	var ok bool
	if st.Cond, ok = p.loopCondition(kw, "while"); !ok {
		return st
	}
	st.Body = p.block("MissingLoopStatement", "Missing statement body in while loop.")
	return st
}

func (p *parser) parseDo(kw *Token, label string, start int) syntax.Statement {
	st := &syntax.DoStmt{Label: label}
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	st.Body = p.block("MissingLoopStatement", "Missing statement body in do loop.")
	if st.Body == nil {
		return st
	}
	p.skipNewlines()
	w := p.peekTok(modeCmd)
	if w.Kind != TokGeneric || w.Escaped || !(strings.EqualFold(w.Str, "while") || strings.EqualFold(w.Str, "until")) {
		p.errMissing(w, "MissingWhileOrUntilInDoWhile", "Missing while or until keyword in do loop.")
		return st
	}
	p.advance(w)
	word := strings.ToLower(w.Str)
	st.Until = word == "until"
	st.Cond, _ = p.loopCondition(w, word)
	return st
}

// loopCondition parses the (condition) after the while or until keyword
// kw (word, in lower case), reporting a missing parenthesis or
// expression; ok is false when one was missing.
func (p *parser) loopCondition(kw *Token, word string) (cond syntax.Statement, ok bool) {
	if !p.openParen(kw, "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword '"+word+"'.") {
		return nil, false
	}
	cond = p.parsePipelineChain()
	if cond == nil {
		n := p.peekTok(modeExpr)
		p.errMissing(n, "MissingExpressionAfterKeyword", "Missing expression after '"+word+"' in loop.")
		return nil, false
	}
	ok = p.closeParen("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in '"+word+"' statement.")
	return cond, ok
}

func (p *parser) parseSwitch(kw *Token, label string, start int) syntax.Statement {
	st := &syntax.SwitchStmt{Label: label}
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	for {
		t := p.peekTok(modeCmd)
		if t.Kind != TokParameter {
			break
		}
		p.advance(t)
		flag := strings.ToLower(t.Str)
		match := func(full string) bool { return flag != "" && strings.HasPrefix(full, flag) }
		switch {
		case match("regex"):
			st.Regex = true
		case match("wildcard"):
			st.Wildcard = true
		case match("exact"):
			st.Exact = true
		case match("casesensitive"):
			st.CaseSensitive = true
		case match("parallel"):
		case match("file"):
			st.File = true
			f := p.parseCommandArgElem()
			if f == nil {
				n := p.peekTok(modeCmd)
				p.errMissing(n, "MissingFilenameOption", "Cannot process the 'switch' statement because of a missing file name argument to the -file option.")
				return st
			}
			st.Cond = &syntax.Pipeline{Ext: f.Span(), Elements: []syntax.PipelineElement{&syntax.CommandExprElement{Ext: f.Span(), Expr: f}}}
		default:
			p.errorf(t.Ext, false, "InvalidSwitchFlag", "The parameter -"+t.Str+" is not valid for the switch statement.")
		}
	}
	if st.Cond == nil {
		p.skipNewlines()
		lp := p.peekTok(modeExpr)
		if lp.Kind != TokLParen {
			p.errMissing(lp, "PipelineValueRequired", "A switch statement must have one of the following:  '-file file_name' or '( expression )'.")
			return st
		}
		p.advance(lp)
		p.skipNewlines()
		st.Cond = p.parsePipelineChain()
		if st.Cond == nil {
			n := p.peekTok(modeExpr)
			p.errMissing(n, "MissingSwitchValueExpression", "Missing expression after '(' in switch statement.")
			return st
		}
		if !p.closeParen("MissingEndParenthesisInSwitchStatement", "Missing ')' after expression in switch statement.") {
			return st
		}
	}
	p.skipNewlines()
	lc := p.peekTok(modeExpr)
	if lc.Kind != TokLCurly {
		p.errMissing(lc, "MissingCurlyBraceInSwitchStatement", "Missing '{' in switch statement.")
		return st
	}
	p.advance(lc)
	for {
		p.skipNewlinesSemis()
		t := p.peekTok(modeCmd)
		if t.Kind == TokRCurly {
			p.advance(t)
			break
		}
		if t.Kind == TokEOF {
			p.errorf(lc.Ext, true, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.")
			break
		}
		isDefault := t.Kind == TokGeneric && !t.Escaped && strings.EqualFold(t.Str, "default")
		pat := p.parseCommandArgElem()
		if pat == nil {
			p.errorf(t.Ext, false, "MissingSwitchConditionExpression", "Missing condition in switch statement clause.")
			p.advance(t)
			continue
		}
		body := p.block("MissingSwitchStatementClause", "Missing statement block in switch statement clause.")
		if body == nil {
			if p.peekTok(modeExpr).Kind == TokEOF {
				break
			}
			continue
		}
		if isDefault {
			if st.Default != nil {
				p.errorf(t.Ext, false, "MultipleSwitchDefaultClauses", "A switch statement can have only one default clause.")
			}
			st.Default = body
		} else {
			st.Clauses = append(st.Clauses, &syntax.SwitchClause{Pattern: pat, Body: body})
		}
	}
	return st
}

func (p *parser) parseTry(kw *Token) syntax.Statement {
	st := &syntax.TryStmt{}
	start := kw.Ext.Start.Offset
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	st.Body = p.block("MissingTryStatementBlock", "The Try statement is missing its statement block.")
	if st.Body == nil {
		return st
	}
	for {
		s := p.save()
		p.skipNewlines()
		t := p.peekTok(modeCmd)
		if t.Kind != TokGeneric || t.Escaped || !strings.EqualFold(t.Str, "catch") {
			p.restore(s)
			break
		}
		p.advance(t)
		cc := &syntax.CatchClause{}
		for {
			p.skipNewlines() // catch may put its types on the next line
			lb := p.peekTok(modeExpr)
			if lb.Kind != TokLBracket {
				break
			}
			p.advance(lb)
			tn := p.caughtType()
			if tn == nil {
				return st
			}
			cc.Types = append(cc.Types, tn)
			p.skipNewlines()
			c := p.peekTok(modeExpr)
			if c.Kind != TokComma {
				break
			}
			p.advance(c)
			p.skipNewlines()
		}
		cc.Body = p.block("MissingCatchHandlerBlock", "The Catch block is missing its statement block.")
		cc.Ext = p.ext(t.Ext.Start.Offset, p.lastEnd)
		if cc.Body == nil {
			return st
		}
		st.Catches = append(st.Catches, cc)
	}
	s := p.save()
	p.skipNewlines()
	t := p.peekTok(modeCmd)
	if t.Kind == TokGeneric && !t.Escaped && strings.EqualFold(t.Str, "finally") {
		p.advance(t)
		st.Finally = p.block("MissingFinallyStatementBlock", "The Finally block is missing its statement block.")
		return st
	}
	p.restore(s)
	if len(st.Catches) == 0 {
		p.errorf(p.after(), t.Kind == TokEOF, "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.")
	}
	return st
}

// caughtType parses the rest of the [type] of a catch clause or a trap
// statement, after its '[': the type name and the closing ']'. It reports
// a missing one and returns nil.
func (p *parser) caughtType() *syntax.TypeName {
	name, end, ok := p.scanTypeName(p.off, 0)
	if !ok {
		n := p.peekTok(modeExpr)
		p.errMissing(n, "MissingTypeLiteralToken", "Missing type literal.")
		return nil
	}
	ns := p.skipSpace(p.off)
	p.off, p.lastEnd = end, end
	rb := p.peekTok(modeExpr)
	if rb.Kind != TokRBracket {
		p.errMissing(rb, "EndSquareBracketExpectedAtEndOfType", "Missing ] at end of type token.")
		return nil
	}
	p.advance(rb)
	return &syntax.TypeName{Ext: p.ext(ns, end), Name: name}
}

func (p *parser) parseTrap(kw *Token) syntax.Statement {
	st := &syntax.TrapStmt{}
	start := kw.Ext.Start.Offset
	p.advance(kw)
	defer func() { st.Ext = p.ext(start, p.lastEnd) }()
	if lb := p.peekTok(modeExpr); lb.Kind == TokLBracket {
		p.advance(lb)
		if st.Type = p.caughtType(); st.Type == nil {
			return st
		}
	}
	st.Body = p.block("MissingTrapStatement", "The 'trap' statement was incomplete. A trap statement requires a body.")
	return st
}

func endsStatement(k TokenKind) bool {
	switch k {
	case TokEOF, TokNewline, TokSemi, TokRCurly, TokRParen, TokPipe, TokAndAnd, TokOrOr:
		return true
	}
	return false
}

func (p *parser) parseFlow(kw *Token, word string) syntax.Statement {
	start := kw.Ext.Start.Offset
	p.advance(kw)
	var v syntax.Statement
	if !endsStatement(p.peekTok(modeCmd).Kind) {
		v = p.parsePipelineChain()
	}
	ext := p.ext(start, p.lastEnd)
	switch word {
	case "throw":
		return &syntax.ThrowStmt{Ext: ext, Value: v}
	case "return":
		return &syntax.ReturnStmt{Ext: ext, Value: v}
	}
	return &syntax.ExitStmt{Ext: ext, Value: v}
}

func (p *parser) parseBreak(kw *Token, word string) syntax.Statement {
	start := kw.Ext.Start.Offset
	p.advance(kw)
	label := ""
	if t := p.peekTok(modeCmd); t.Kind == TokGeneric || t.Kind == TokString {
		p.advance(t)
		label = t.Str
	} else if t.Kind == TokVariable {
		p.advance(t)
		label = "$" + t.Str
	}
	ext := p.ext(start, p.lastEnd)
	if word == "break" {
		return &syntax.BreakStmt{Ext: ext, Label: label}
	}
	return &syntax.ContinueStmt{Ext: ext, Label: label}
}

func (p *parser) parseFunction(kw *Token, filter bool) syntax.Statement {
	fd := &syntax.FunctionDef{IsFilter: filter}
	p.funcs = append(p.funcs, fd)
	start := kw.Ext.Start.Offset
	p.advance(kw)
	defer func() { fd.Ext = p.ext(start, p.lastEnd) }()
	name := p.peekTok(modeCmd)
	switch name.Kind {
	case TokGeneric, TokString, TokExpandable:
		p.advance(name)
		fd.Name = name.Str
		if name.Kind == TokExpandable {
			fd.Name = name.Text()
		}
	default:
		p.errMissing(name, "MissingNameAfterKeyword", "Missing name after "+strings.ToLower(kw.Str)+" keyword.")
		return fd
	}
	p.skipNewlines()
	if lp := p.peekTok(modeExpr); lp.Kind == TokLParen {
		fd.Params = p.parseParamList(lp)
		p.skipNewlines()
	}
	lc := p.peekTok(modeExpr)
	if lc.Kind != TokLCurly {
		p.errMissing(lc, "MissingFunctionBody", "Missing function body in function declaration.")
		return fd
	}
	fd.Body = p.parseScriptBody(lc)
	fd.Body.IsFilter = filter
	// an empty list, function f() { param($a) }, is no list at all
	if len(fd.Params) > 0 && fd.Body.Param != nil {
		p.errorf(fd.Body.Param.Ext, false, "OnlyOneParameterListAllowed", "The param statement cannot be used if arguments were specified in the function declaration.")
	}
	return fd
}

// parseUsing parses using namespace|module|assembly|type|command Name
// [= Target] at the 'using' keyword.
func (p *parser) parseUsing(kw *Token) *syntax.UsingStmt {
	start := kw.Ext.Start.Offset
	p.advance(kw)
	u := &syntax.UsingStmt{}
	defer func() { u.Ext = p.ext(start, p.lastEnd) }()
	dir := p.peekTok(modeCmd)
	if dir.Kind == TokGeneric && !dir.Escaped {
		switch k := strings.ToLower(dir.Str); k {
		case "namespace", "module", "assembly", "type", "command":
			u.Kind = k
		}
	}
	if u.Kind == "" {
		p.errMissing(dir, "MissingUsingStatementDirective", "Missing using directive")
		return u
	}
	p.advance(dir)
	item := p.peekTok(modeCmd)
	switch item.Kind {
	case TokEOF, TokNewline, TokComma, TokSemi:
		p.errMissing(item, "MissingUsingItemName", "Missing using name")
		return u
	}
	name, spec, ok := p.usingItem(u.Kind)
	if !ok {
		return u
	}
	u.Name, u.Spec = name, spec
	aliasAllowed := u.Kind == "namespace" || u.Kind == "module"
	aliasRequired := u.Kind == "type" || u.Kind == "command"
	if (aliasAllowed || aliasRequired) && spec == nil {
		if eq := p.peekTok(modeExpr); eq.Kind == TokAssign && eq.Str == "=" {
			p.advance(eq)
			at := p.peekTok(modeCmd)
			switch at.Kind {
			case TokEOF, TokNewline, TokSemi:
				p.errMissing(at, "MissingNamespaceAlias", "Missing namespace alias")
				return u
			case TokComma:
				p.errorf(at.Ext, false, "UnexpectedUnaryOperator", "Internal error - unexpected unary operator ,.")
				return u
			}
			target, tspec, ok := p.usingItem(u.Kind)
			if !ok {
				return u
			}
			u.Target, u.Spec = target, tspec
		} else if aliasRequired {
			p.errMissing(eq, "MissingEqualsInUsingAlias", "Missing '=' operator")
			return u
		}
	}
	// A using statement must end its line.
	switch t := p.peekTok(modeExpr); t.Kind {
	case TokNewline, TokSemi:
		p.advance(t)
	case TokEOF:
	default:
		p.errorf(t.Ext, false, "MissingStatementTerminator", "Missing a newline or semicolon.")
	}
	return u
}

// usingItem parses the name (or, for a module, a hashtable) of a using
// statement.
func (p *parser) usingItem(kind string) (string, *syntax.HashtableExpr, bool) {
	t := p.peekTok(modeCmd)
	e := p.parseCommandArgElem()
	if e == nil {
		p.errorf(t.Ext, false, "InvalidValueForUsingItemName", "'"+t.Text()+"' is not a valid value for using name.")
		p.advance(t)
		return "", nil, false
	}
	switch x := e.(type) {
	case *syntax.StringConstExpr:
		return x.Value, nil, true
	case *syntax.HashtableExpr:
		if kind == "module" {
			return "", x, true
		}
	}
	p.errorf(e.Span(), false, "InvalidValueForUsingItemName", "'"+e.Span().Text()+"' is not a valid value for using name.")
	return "", nil, false
}
