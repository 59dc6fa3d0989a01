package runtime

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

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
	if err := r.rt.writeLanguageFile(r.path, b.String(), r.append); err != nil {
		var pe *PSError
		if errors.As(err, &pe) {
			r.rt.showError(pe.Record)
		} else {
			r.rt.showError(&object.ErrorRecord{Message: err.Error(), ErrorID: "FileOpenFailure", Category: object.OpenError, ExceptionType: "IOException"})
		}
		return
	}
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
