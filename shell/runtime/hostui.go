package runtime

import (
	"github.com/exosim/exosim/shell/dotnet"

	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
)

// HostMethod is a method of a host object ($Host.UI.ReadLine() ...): a
// property holding one is called when the member is invoked.
type HostMethod func(args []any) (any, error)

// confirm asks a ShouldProcess question through the host: Yes, Yes to
// All, No, No to All and, for local commands, Suspend (a nested prompt;
// the question is asked again after exit). Ctrl+C stops the command line
// without an error record, as PowerShell does.
func (rt *Runtime) confirm(caption, message string, suspend bool, yesToAll, noToAll *bool) (bool, error) {
	labels := []string{"&Yes", "Yes to &All", "&No", "No to A&ll"}
	if suspend {
		labels = append(labels, "&Suspend")
	}
	help := format.ConfirmHelp(!suspend)
	choices := make([]host.Choice, len(labels))
	for i, l := range labels {
		msg := help[i]
		if j := strings.Index(msg, " - "); j >= 0 {
			msg = msg[j+3:]
		}
		choices[i] = host.Choice{Label: l, HelpMessage: msg}
	}
	for {
		i, err := rt.IO.PromptForChoice(caption, message, choices, 0)
		if err != nil {
			return false, &stopSignal{}
		}
		switch i {
		case 0:
			return true, nil
		case 1:
			*yesToAll = true
			return true, nil
		case 2:
			return false, nil
		case 3:
			*noToAll = true
			return false, nil
		}
		if rt.IO.EnterNestedPrompt == nil {
			return false, &stopSignal{}
		}
		rt.IO.EnterNestedPrompt()
		rt.interrupt.on.Store(false)
	}
}

// HostName is what $Host.Name says in pwsh's console.
const HostName = "ConsoleHost"

// NewHostObject builds $Host: the console host's name and version, and
// UI with PromptForChoice, ReadLine, ReadLineAsSecureString, Write,
// WriteLine, WriteErrorLine and RawUI (WindowSize, BufferSize,
// CursorPosition, ForegroundColor, BackgroundColor, WindowTitle).
func NewHostObject(rt *Runtime) *object.PSObject {
	h := object.NewObject("System.Management.Automation.Internal.Host.InternalHost", "System.Management.Automation.Host.PSHost", "System.Object")
	h.AddTyped("Name", "string", HostName)
	h.AddTyped("Version", "version", versionObject(7, 4, 6))
	h.AddTyped("InstanceId", "guid", object.MustGuid("3ad31e1c-5ef2-4d0f-9e0a-7f1a5b0c6e21"))
	ui := object.NewObject("System.Management.Automation.Internal.Host.InternalHostUserInterface", "System.Management.Automation.Host.PSHostUserInterface", "System.Object")
	raw := object.NewObject("System.Management.Automation.Internal.Host.InternalHostRawUserInterface", "System.Management.Automation.Host.PSHostRawUserInterface", "System.Object")
	size := func() any {
		w, r := rt.IO.WindowSize()
		if r <= 0 {
			r = 50
		}
		return sizeObject(w, r)
	}
	raw.AddProperty(&object.Property{Name: "ForegroundColor", Value: object.Enum{Type: "System.ConsoleColor", Name: "Gray", Value: 7}, TypeName: "System.ConsoleColor"})
	raw.AddProperty(&object.Property{Name: "BackgroundColor", Value: object.Enum{Type: "System.ConsoleColor", Name: "Black", Value: 0}, TypeName: "System.ConsoleColor"})
	raw.AddProperty(&object.Property{Name: "CursorPosition", Getter: func() any { return coordinatesObject(rt.IO.CursorPosition()) }, TypeName: "System.Management.Automation.Host.Coordinates"})
	raw.AddProperty(&object.Property{Name: "WindowPosition", Getter: func() any { return coordinatesObject(0, 0) }, TypeName: "System.Management.Automation.Host.Coordinates"})
	raw.AddProperty(&object.Property{Name: "CursorSize", Value: 25, TypeName: "int"})
	raw.AddProperty(&object.Property{Name: "BufferSize", Getter: func() any {
		w, _ := rt.IO.WindowSize()
		return sizeObject(w, 9001)
	}, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "WindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "MaxWindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "MaxPhysicalWindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "KeyAvailable", Value: false, TypeName: "bool"})
	raw.AddProperty(&object.Property{Name: "WindowTitle", Value: "exosim", TypeName: "string", Settable: true})
	ui.AddTyped("RawUI", "System.Management.Automation.Host.PSHostRawUserInterface", raw)
	ui.AddTyped("SupportsVirtualTerminal", "bool", true)
	method := func(name string, f HostMethod) {
		ui.AddProperty(&object.Property{Name: name, Value: f, TypeName: "System.Management.Automation.PSMethod"})
	}
	method("WriteLine", func(args []any) (any, error) {
		text := ""
		if len(args) > 0 {
			text = rt.toStr(args[len(args)-1])
		}
		rt.hostLine(text)
		return nil, nil
	})
	method("Write", func(args []any) (any, error) {
		if len(args) > 0 {
			rt.hostRaw(rt.toStr(args[len(args)-1]))
		}
		return nil, nil
	})
	method("WriteErrorLine", func(args []any) (any, error) {
		if len(args) > 0 {
			rt.writeStream(format.Error, rt.toStr(args[0]))
		}
		return nil, nil
	})
	method("WriteWarningLine", func(args []any) (any, error) {
		if len(args) > 0 {
			rt.showWarning(rt.toStr(args[0]))
		}
		return nil, nil
	})
	method("WriteVerboseLine", func(args []any) (any, error) {
		if len(args) > 0 {
			rt.showStream(format.Verbose, "VERBOSE: "+rt.toStr(args[0]))
		}
		return nil, nil
	})
	read := func(secret bool) (string, error) {
		if !rt.IO.Interactive() {
			return "", &dotnet.MethodException{Msg: host.ErrNonInteractive.Error()}
		}
		line, err := rt.IO.ReadLine("", secret)
		if err != nil {
			return "", &stopSignal{}
		}
		return line, nil
	}
	method("ReadLine", func(args []any) (any, error) { return read(false) })
	method("ReadLineAsSecureString", func(args []any) (any, error) {
		s, err := read(true)
		if err != nil {
			return nil, err
		}
		return object.NewSecureString(s), nil
	})
	method("PromptForChoice", func(args []any) (any, error) {
		if len(args) != 4 {
			return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Cannot find an overload for \"PromptForChoice\" and the argument count: \"%d\".", len(args))}
		}
		var choices []host.Choice
		items, ok := enumerateForCompare(args[2])
		if !ok {
			items = []any{args[2]}
		}
		for _, it := range items {
			if o, ok := object.Unwrap(it).(*object.PSObject); ok && o.Property("Label") != nil {
				choices = append(choices, host.Choice{Label: rt.toStr(o.Value("Label")), HelpMessage: rt.toStr(o.Value("HelpMessage"))})
				continue
			}
			choices = append(choices, host.Choice{Label: rt.toStr(it)})
		}
		if len(choices) == 0 {
			return nil, &dotnet.MethodException{Msg: "Exception calling \"PromptForChoice\" with \"4\" argument(s): \"choices cannot be empty.\""}
		}
		def, _ := argInt(args, 3)
		if def < -1 || def >= len(choices) {
			return nil, &dotnet.MethodException{Msg: fmt.Sprintf("Exception calling \"PromptForChoice\" with \"4\" argument(s): \"defaultChoice must be a valid index into choices.\"")}
		}
		if !rt.IO.Interactive() {
			return nil, &dotnet.MethodException{Msg: "Exception calling \"PromptForChoice\" with \"4\" argument(s): \"" + host.ErrNonInteractive.Error() + "\""}
		}
		i, err := rt.IO.PromptForChoice(rt.toStr(args[0]), rt.toStr(args[1]), choices, def)
		if errors.Is(err, host.ErrInterrupted) {
			return nil, &stopSignal{}
		}
		if err != nil {
			return nil, &dotnet.MethodException{Msg: err.Error()}
		}
		return i, nil
	})
	h.AddTyped("UI", "System.Management.Automation.Host.PSHostUserInterface", ui)
	h.AddTyped("CurrentCulture", "cultureinfo", "en-US")
	h.AddTyped("CurrentUICulture", "cultureinfo", "en-US")
	h.AddTyped("DebuggerEnabled", "bool", true)
	h.AddTyped("IsRunspacePushed", "bool", false)
	h.ToStringFunc = func() string { return "System.Management.Automation.Internal.Host.InternalHost" }
	return h
}

func versionObject(major, minor, build int) *object.PSObject {
	o := object.NewObject("System.Version", "System.Object")
	o.AddTyped("Major", "int", major)
	o.AddTyped("Minor", "int", minor)
	o.AddTyped("Build", "int", build)
	o.AddTyped("Revision", "int", -1)
	o.ToStringFunc = func() string { return fmt.Sprintf("%d.%d.%d", major, minor, build) }
	return o
}

func sizeObject(w, h int) *object.PSObject {
	o := object.NewObject("System.Management.Automation.Host.Size", "System.ValueType", "System.Object")
	o.AddTyped("Width", "int", w)
	o.AddTyped("Height", "int", h)
	o.ToStringFunc = func() string { return fmt.Sprintf("%d,%d", w, h) }
	return o
}

func coordinatesObject(x, y int) *object.PSObject {
	o := object.NewObject("System.Management.Automation.Host.Coordinates", "System.ValueType", "System.Object")
	o.AddTyped("X", "int", x)
	o.AddTyped("Y", "int", y)
	o.ToStringFunc = func() string { return fmt.Sprintf("%d,%d", x, y) }
	return o
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

// pagingPrompt is what Out-Host -Paging asks after each screenful.
const pagingPrompt = "<SPACE> next page; <CR> next line; Q quit"

// Pager shows host output a screenful at a time, as Out-Host -Paging
// does: after as many lines as the window has rows less one it asks
// pagingPrompt and waits for a key: space shows the next page, Enter
// one more line, q stops the command.
type Pager struct {
	rt      *Runtime
	written int
	quit    bool
}

// NewPager returns a pager over the host, or nil when the host is not an
// interactive terminal (output is then written straight through).
func (rt *Runtime) NewPager() *Pager {
	if !rt.IO.Interactive() {
		return nil
	}
	if _, rows := rt.IO.WindowSize(); rows <= 1 {
		return nil
	}
	return &Pager{rt: rt}
}

// Emit writes one line and asks when the page is full.
func (p *Pager) Emit(s format.Stream, line string) {
	if p.quit {
		return
	}
	p.rt.writeStream(s, line)
	p.written++
	cols, rows := p.rt.IO.WindowSize()
	promptRows := (len(pagingPrompt) + cols - 1) / max(cols, 1)
	if p.written < rows-promptRows {
		return
	}
	fmt.Fprint(p.rt.IO.Out, pagingPrompt)
	for {
		r, err := p.rt.IO.ReadKey()
		switch {
		case err != nil || r == 'q' || r == 'Q':
			fmt.Fprintln(p.rt.IO.Out)
			p.quit = true
			return
		case r == ' ':
			fmt.Fprintln(p.rt.IO.Out)
			p.written = 0
			return
		case r == '\r' || r == '\n':
			fmt.Fprintln(p.rt.IO.Out)
			p.written--
			return
		}
	}
}

// Quit reports whether the user stopped the output; the command then
// stops with StopPipeline.
func (p *Pager) Quit() bool { return p.quit }

// StopPipeline is the error that stops the running command line without
// an error record (a pager's q, Ctrl+C at a prompt).
func StopPipeline() error { return &stopSignal{} }

// ArgumentCompleter offers values for a parameter at Tab: prefix is what
// is typed (without quotes), named the parameters already on the line.
// The application registers them (PowerShell's Register-ArgumentCompleter
// in spirit): the shell knows no parameter types of its own.
type ArgumentCompleter func(cmd *Command, p *Param, named []*Param, prefix string) []string

// RegisterArgumentCompleter completes the values of every parameter whose
// type is typeName (an array of it too).
func (rt *Runtime) RegisterArgumentCompleter(typeName string, f ArgumentCompleter) {
	if rt.argCompleters == nil {
		rt.argCompleters = map[string]ArgumentCompleter{}
	}
	rt.argCompleters[strings.ToLower(typeName)] = f
}

// ArgumentCompleterFor returns the completer registered for p's type.
func (rt *Runtime) ArgumentCompleterFor(p *Param) ArgumentCompleter {
	if rt.argCompleters == nil || p.Type == nil {
		return nil
	}
	return rt.argCompleters[strings.ToLower(strings.TrimSuffix(p.Type.Name, "[]"))]
}
