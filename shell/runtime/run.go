package runtime

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// outDefault is the implicit Out-Default at the end of a command line.
type outDefault struct {
	w *format.Writer
}

// FormatOptions returns the formatter options for this session.
func (rt *Runtime) FormatOptions(outString bool) format.Options {
	limit := func() int {
		v, _ := rt.global.lookup("FormatEnumerationLimit"), 0
		if v == nil {
			return format.DefaultEnumLimit
		}
		if n, ok := toNumber(v.Value); ok {
			return int(asInt64(n))
		}
		return format.DefaultEnumLimit
	}
	return format.Options{
		Width:         rt.IO.Width,
		OutString:     outString,
		Color:         rt.IO.Color && !outString,
		EnumLimitFunc: limit,
		Invoke: func(sb object.ScriptBlock, dollarUnder any) (any, error) {
			s, ok := sb.(*ScriptBlock)
			if !ok {
				return nil, nil
			}
			return rt.invokeScriptBlockValue(s, dollarUnder, nil)
		},
		ErrorViewFunc: func() string { return rt.errorOptions().View },
	}
}

func (rt *Runtime) newOutDefault() *outDefault {
	od := &outDefault{}
	od.w = format.NewWriter(rt.Formats, rt.FormatOptions(false), func(s format.Stream, line string) {
		rt.writeStream(s, line)
	})
	return od
}

// RunOptions controls one top-level run.
type RunOptions struct {
	// Script runs the text as a script file: a script scope, $args.
	Script bool
	Args   []any
}

// maxShownParseErrors bounds the parse errors Run shows for one input.
const maxShownParseErrors = 100

// Run parses and executes src as one command line (or script) with its
// output going to the implicit Out-Default. It returns the exit code the
// process should use for it: the exit statement's code, 1 when an error
// record was shown or a parse error occurred, else 0. Go panics inside the
// engine are recovered and reported as internal errors.
func (rt *Runtime) Run(src *syntax.Source, opts RunOptions) (code int) {
	before := rt.errorsWritten
	sb, perrs := syntax.Parse(src)
	if perrs == nil {
		perrs = rt.prepareScript(sb, src)
	}
	if perrs != nil {
		for i, e := range perrs {
			if i == maxShownParseErrors {
				// A huge malformed input (a megabyte of commas) has a
				// parse error per character; each shows its line.
				break
			}
			rt.showError(parseErrorRecord(e))
		}
		rt.lastSuccess = false
		return 1
	}
	rt.interrupt.on.Store(false)
	prevSource := rt.source
	rt.source = src
	defer func() { rt.source = prevSource }()
	rt.out = rt.newOutDefault()
	defer func() {
		if r := recover(); r != nil {
			rt.out = nil
			rt.tryDepth = 0
			rt.depth = 0
			rt.scope = rt.global
			rec := &object.ErrorRecord{
				Message:       fmt.Sprintf("exosim internal error: %v (this is a bug; please report it with the command that caused it)", r),
				ErrorID:       "InternalError",
				Category:      object.NotSpecified,
				ExceptionType: "InternalError",
			}
			rt.showError(rec)
			code = 1
		}
	}()
	var err error
	savedScope := rt.scope
	if opts.Script {
		s := newScope(rt.scope)
		s.isScript = true
		args := opts.Args
		if args == nil {
			args = []any{}
		}
		s.set("args", args)
		if src.Path != "" {
			s.set("PSCommandPath", src.Path)
			s.set("PSScriptRoot", dirOf(src.Path))
		}
		rt.scope = s
	}
	if opts.Script && src.Path != "" {
		err = rt.checkRequirements(sb, filepath.Base(src.Path), src.Path, syntax.Extent{})
	}
	if err == nil {
		err = rt.execTop(sb, rt.out.w.Write)
	}
	rt.scope = savedScope
	out := rt.out
	rt.out = nil
	exit := -1
	if err != nil {
		var ex *ExitSignal
		var pe *PSError
		switch {
		case errors.As(err, &ex):
			exit = ex.Code
			rt.exitRequested = true
		case errors.As(err, &pe):
			if !pe.shown {
				pe.shown = true
				rt.recordError(pe.Record)
				rt.errorsWritten++
				out.w.Write(pe.Record)
			}
			rt.lastSuccess = false
		}
	}
	out.w.Close()
	if exit >= 0 {
		return exit
	}
	if rt.errorsWritten > before {
		return 1
	}
	return 0
}

func (rt *Runtime) execTop(sb *syntax.ScriptBlock, out func(any)) error {
	emit := func(v any) error {
		out(v)
		return nil
	}
	blocks := []*syntax.StatementBlock{sb.Begin, sb.Process, sb.End}
	for _, b := range blocks {
		if b == nil {
			continue
		}
		for _, st := range b.Statements {
			err := rt.execStatement(st, emit)
			if rt.OnStatement != nil {
				rt.OnStatement()
			}
			if err == nil {
				continue
			}
			if rt.continueAfter(err) {
				continue
			}
			var pe *PSError
			if errors.As(err, &pe) {
				rt.reportTerminating(pe)
				rt.lastSuccess = false
				return nil
			}
			switch err.(type) {
			case *breakSignal, *continueSignal, *returnSignal, *stopSignal:
				return nil
			}
			var stop *stopUpstream
			if errors.As(err, &stop) {
				continue
			}
			return err
		}
	}
	return nil
}

// parseErrorRecord turns a syntax error into a ParserError record, shown
// with the location block even for single-line input.
func parseErrorRecord(e *syntax.ParseError) *object.ErrorRecord {
	pos := positionOf(e.Ext)
	if pos != nil {
		pos.MultiLineInput = true
		if e.Ext.End.Offset <= e.Ext.Start.Offset {
			pos.EndCol = pos.Col + 1
		}
	}
	return &object.ErrorRecord{
		Message:       e.Message,
		ErrorID:       e.ErrorID,
		Category:      object.ParserError,
		ExceptionType: "ParseException",
		Reason:        "ParserError",
		Position:      pos,
	}
}

func (rt *Runtime) parseErrorsAsError(perrs syntax.ErrorList) error {
	rec := parseErrorRecord(perrs[0])
	return &PSError{Record: rec, ScriptTerminating: true}
}

// RunString runs text as interactive input.
func (rt *Runtime) RunString(text string) int {
	return rt.Run(syntax.NewSource("", text), RunOptions{})
}

// ---------------------------------------------------------------------------
// redirection

// redirect collects output for a file or discards it.
type redirect struct {
	rt      *Runtime
	path    string
	discard bool
	append  bool
	items   []any
}

func (r *redirect) emit(v any) error {
	if r.discard {
		return nil
	}
	r.items = append(r.items, v)
	return nil
}

func (r *redirect) close() {
	if r.discard || r.path == "" {
		return
	}
	var b strings.Builder
	w := format.NewWriter(r.rt.Formats, r.rt.FormatOptions(true), func(s format.Stream, line string) {
		b.WriteString(line)
		b.WriteByte('\n')
	})
	for _, it := range r.items {
		w.Write(it)
	}
	w.Close()
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if r.append {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(r.path, flags, 0o644)
	if err != nil {
		r.rt.showError(&object.ErrorRecord{Message: err.Error(), ErrorID: "FileOpenFailure", Category: object.OpenError, ExceptionType: "IOException"})
		return
	}
	f.WriteString(b.String())
	f.Close()
	r.items = nil
}

func (rt *Runtime) redirectTarget(r *syntax.Redirection) (*redirect, error) {
	if v, ok := r.Target.(*syntax.VariableExpr); ok && strings.EqualFold(v.Name, "null") {
		return &redirect{rt: rt, discard: true}, nil
	}
	v, err := rt.evalExpr(r.Target)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return &redirect{rt: rt, discard: true}, nil
	}
	return &redirect{rt: rt, path: rt.toStr(v), append: r.Append}, nil
}

func (pr *cmdProcessor) addRedirection(r *syntax.Redirection) error {
	if r.Merge {
		if r.From == "2" || r.From == "*" {
			pr.mergeErrors = true
		}
		return nil
	}
	t, err := pr.rt.redirectTarget(r)
	if err != nil {
		return err
	}
	switch r.From {
	case "2":
		if t.discard {
			pr.discardErrors = true
		} else {
			pr.errorFile = t
		}
	case "*":
		pr.discardErrors = t.discard
		pr.outFile = t
	case "1", "":
		pr.outFile = t
	}
	return nil
}
