package flow

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/wildcard"
)

// Switch runs a switch statement: each input value (the elements of an
// enumerable condition, or the lines of the file of switch -File) is
// tried against every clause in order and runs each that matches; the
// default clause runs for a value no clause matched. $_ is the current
// value inside and what it was before afterwards; break ends the switch,
// continue goes to the next value.
func Switch(in Interp, s *syntax.SwitchStmt, out func(any) error) error {
	var inputs []any
	if s.File {
		lines, err := fileLines(in, s)
		if err != nil {
			return err
		}
		inputs = lines
	} else {
		v, err := in.Value(s.Cond)
		if err != nil {
			return err
		}
		inputs = elements(v)
	}
	defer in.Save("_")()
	// run executes a clause body; done ends the switch (break), next goes
	// to the next input value (continue).
	run := func(body *syntax.StatementBlock) (done, next bool, err error) {
		err = in.Exec(body, out)
		if err == nil {
			return false, false, nil
		}
		stop, err := Control(err, s.Label)
		if err != nil {
			return false, false, err
		}
		return stop, !stop, nil
	}
	for n, v := range inputs {
		if n%ops.CheckEvery == 0 {
			if err := in.CheckGrowth(); err != nil {
				return err
			}
		}
		in.Set("_", v)
		matched, next := false, false
		for _, c := range s.Clauses {
			ok, err := matches(in, s, c.Pattern, v)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			matched = true
			done, nxt, err := run(c.Body)
			if err != nil || done {
				return err
			}
			if nxt {
				next = true
				break
			}
		}
		if !matched && !next && s.Default != nil {
			done, _, err := run(s.Default)
			if err != nil || done {
				return err
			}
		}
	}
	return nil
}

// fileLines reads the lines of switch -File: the file is read line by
// line as a text reader does (\n, \r\n or \r end a line; a final line
// break adds no empty line).
func fileLines(in Interp, s *syntax.SwitchStmt) ([]any, error) {
	v, err := in.Value(s.Cond)
	if err != nil {
		return nil, err
	}
	name := in.Ops().Text(v)
	ext := s.Cond.Span()
	if name == "" {
		return nil, pserror.Runtime(ext, "The file name argument to -file in the switch statement is not valid.", "InvalidFilenameOption", object.InvalidOperation, "RuntimeException")
	}
	files := in.Files()
	data, err := provider.ReadFile(files, name)
	if err != nil {
		if provider.IsNotExist(err) {
			return nil, pserror.Runtime(ext, fmt.Sprintf("Cannot find path '%s' because it does not exist.", provider.FullPath(files, name)), "PathNotFound", object.ObjectNotFound, "ItemNotFoundException")
		}
		return nil, pserror.Runtime(ext, fmt.Sprintf("The file could not be read: %s.", err.Error()), "FileReadError", object.InvalidOperation, "RuntimeException")
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	var lines []any
	for len(text) > 0 {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i])
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
	}
	return lines, nil
}

// matches tests one clause against the current value. A script block
// decides by its result; with -Regex or -Wildcard the value is matched
// as text (-Regex sets $Matches); otherwise both are compared as strings,
// ignoring case unless -CaseSensitive, and a $null clause matches only
// $null.
func matches(in Interp, s *syntax.SwitchStmt, pattern syntax.Expr, v any) (bool, error) {
	var pv any
	if sc, ok := pattern.(*syntax.StringConstExpr); ok && sc.Kind == syntax.BareWord {
		pv = sc.Value
	} else {
		p, err := in.Eval(pattern)
		if err != nil {
			return false, err
		}
		pv = p
	}
	if sb, ok := object.Unwrap(pv).(*automation.ScriptBlock); ok {
		r, err := in.ScriptBlockValue(sb, v)
		if err != nil {
			return false, err
		}
		return object.ToBool(r), nil
	}
	text := in.Ops().Text
	switch {
	case s.Regex:
		ok, m, err := ops.Match(in.Ops(), text(v), text(pv), s.CaseSensitive)
		if err != nil {
			return false, err
		}
		if ok {
			in.Set("Matches", m)
		}
		return ok, nil
	case s.Wildcard:
		opts := wildcard.Options(0)
		if s.CaseSensitive {
			opts = wildcard.CaseSensitive
		}
		p, err := wildcard.Compile(text(pv), opts)
		if err != nil {
			return false, nil
		}
		return p.Match(text(v)), nil
	}
	if pv == nil {
		return v == nil, nil
	}
	a, b := text(v), text(pv)
	if s.CaseSensitive {
		return a == b, nil
	}
	return strings.EqualFold(a, b), nil
}
