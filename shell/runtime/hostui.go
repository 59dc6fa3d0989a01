package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// resumeAfterPrompt runs when a confirmation prompt resumes after a
// nested prompt: Ctrl+C pressed there no longer stops the command.
func (rt *Runtime) resumeAfterPrompt() { rt.interrupt.on.Store(false) }

// hostSession is the session as the $Host object and the display see it.
type hostSession struct{ rt *Runtime }

func (h hostSession) Console() *host.IO                        { return h.rt.IO }
func (h hostSession) Text(v any) string                        { return h.rt.toStr(v) }
func (h hostSession) WriteStream(s format.Stream, line string) { h.rt.display.WriteStream(s, line) }
func (h hostSession) Stop() error                              { return &stopSignal{} }

// The session as its display sees it (hostui.DisplaySession).

func (h hostSession) FormatRegistry() *format.Registry { return h.rt.Formats }
func (h hostSession) Variable(name string) (any, bool) { return h.rt.scope.Get(name) }

func (h hostSession) GlobalVariable(name string) (any, bool) {
	if v := h.rt.global.Lookup(name); v != nil {
		return v.Value, true
	}
	return nil, false
}

func (h hostSession) InvokeScript(sb object.ScriptBlock, dollarUnder any) (any, error) {
	s, ok := sb.(*automation.ScriptBlock)
	if !ok {
		return nil, nil
	}
	return h.rt.invokeScriptBlockValue(s, dollarUnder, nil)
}

// SetHistoryLine makes line the command line the host records in the
// session history for the line it is running: Invoke-History leaves the
// line it ran there, recorded instead of the Invoke-History call, as
// PowerShell does.
func (rt *Runtime) SetHistoryLine(line string) { rt.historyLine = &line }

// TakeHistoryLine returns the line SetHistoryLine left, if any, and
// forgets it.
func (rt *Runtime) TakeHistoryLine() (string, bool) {
	l := rt.historyLine
	rt.historyLine = nil
	if l == nil {
		return "", false
	}
	return *l, true
}

// NewPager returns a pager over the host, or nil when the host is not an
// interactive terminal (output is then written straight through).
func (rt *Runtime) NewPager() *hostui.Pager { return hostui.NewPager(rt.IO, rt.display.WriteStream) }

// StopPipeline is the error that stops the running command line without
// an error record (a pager's q, Ctrl+C at a prompt).
func StopPipeline() error { return &stopSignal{} }

// ArgumentCompleter offers values for a parameter at Tab: prefix is what
// is typed (without quotes), named the parameters already on the line.
// The application registers them (PowerShell's Register-ArgumentCompleter
// in spirit): the shell knows no parameter types of its own.
type ArgumentCompleter func(cmd *command.Command, p *params.Param, named []*params.Param, prefix string) []string

// RegisterArgumentCompleter completes the values of every parameter whose
// type is typeName (an array of it too); a later registration for the
// same type replaces an earlier one.
func (rt *Runtime) RegisterArgumentCompleter(typeName string, f ArgumentCompleter) {
	rt.argCompleters = append(rt.argCompleters, argCompleter{typeName, f})
}

// argCompleter is one registration of RegisterArgumentCompleter.
type argCompleter struct {
	typeName string
	f        ArgumentCompleter
}

// ArgumentCompleterFor returns the completer registered for p's type.
// (A few dozen registrations, searched at a Tab: a session that never
// completes builds no index of them.)
func (rt *Runtime) ArgumentCompleterFor(p *params.Param) ArgumentCompleter {
	if p.Type == nil {
		return nil
	}
	name := strings.TrimSuffix(p.Type.Name, "[]")
	for i := len(rt.argCompleters) - 1; i >= 0; i-- {
		if strings.EqualFold(rt.argCompleters[i].typeName, name) {
			return rt.argCompleters[i].f
		}
	}
	return nil
}
