// Package hostui is the $Host object a script sees: the console host's
// name and version, $Host.UI with its prompts and writers, $Host.UI.RawUI
// with the window's sizes and colours, and the pager of Out-Host
// -Paging. It reaches the session through the small Session interface,
// so it knows nothing of the interpreter; the terminal itself is
// shell/host.
package hostui

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Session is what the host object reaches of the session that runs it.
type Session interface {
	// Console is the terminal the session runs in.
	Console() *host.IO
	// Text converts a value to text as the session does ($OFS included).
	Text(v any) string
	// WriteStream writes one line of an output stream to the host.
	WriteStream(s format.Stream, line string)
	// Stop is the error that stops the command line without an error
	// record (Ctrl+C at a prompt).
	Stop() error
}

// Method is a method of a host object ($Host.UI.ReadLine() ...): a
// property holding one is called when the member is invoked.
type Method func(args []any) (any, error)

// Name is what $Host.Name says in pwsh's console.
const Name = "ConsoleHost"

// New builds $Host: the console host's name and version, and UI with
// PromptForChoice, ReadLine, ReadLineAsSecureString, Write, WriteLine,
// WriteErrorLine and RawUI (WindowSize, BufferSize, CursorPosition,
// ForegroundColor, BackgroundColor, WindowTitle).
func New(s Session) *object.PSObject {
	io := s.Console()
	h := object.NewObject("System.Management.Automation.Internal.Host.InternalHost", "System.Management.Automation.Host.PSHost", "System.Object")
	h.AddTyped("Name", "string", Name)
	h.AddTyped("Version", "version", versionObject(7, 4, 6))
	h.AddTyped("InstanceId", "guid", object.MustGuid("3ad31e1c-5ef2-4d0f-9e0a-7f1a5b0c6e21"))
	ui := object.NewObject("System.Management.Automation.Internal.Host.InternalHostUserInterface", "System.Management.Automation.Host.PSHostUserInterface", "System.Object")
	raw := object.NewObject("System.Management.Automation.Internal.Host.InternalHostRawUserInterface", "System.Management.Automation.Host.PSHostRawUserInterface", "System.Object")
	size := func() any {
		w, r := io.WindowSize()
		if r <= 0 {
			r = 50
		}
		return sizeObject(w, r)
	}
	raw.AddProperty(&object.Property{Name: "ForegroundColor", Value: object.Enum{Type: "System.ConsoleColor", Name: "Gray", Value: 7}, TypeName: "System.ConsoleColor"})
	raw.AddProperty(&object.Property{Name: "BackgroundColor", Value: object.Enum{Type: "System.ConsoleColor", Name: "Black", Value: 0}, TypeName: "System.ConsoleColor"})
	raw.AddProperty(&object.Property{Name: "CursorPosition", Getter: func() any { return coordinatesObject(io.CursorPosition()) }, TypeName: "System.Management.Automation.Host.Coordinates"})
	raw.AddProperty(&object.Property{Name: "WindowPosition", Getter: func() any { return coordinatesObject(0, 0) }, TypeName: "System.Management.Automation.Host.Coordinates"})
	raw.AddProperty(&object.Property{Name: "CursorSize", Value: 25, TypeName: "int"})
	raw.AddProperty(&object.Property{Name: "BufferSize", Getter: func() any {
		w, _ := io.WindowSize()
		return sizeObject(w, 9001)
	}, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "WindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "MaxWindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "MaxPhysicalWindowSize", Getter: size, TypeName: "System.Management.Automation.Host.Size"})
	raw.AddProperty(&object.Property{Name: "KeyAvailable", Value: false, TypeName: "bool"})
	raw.AddProperty(&object.Property{Name: "WindowTitle", Value: "exosim", TypeName: "string", Settable: true})
	ui.AddTyped("RawUI", "System.Management.Automation.Host.PSHostRawUserInterface", raw)
	ui.AddTyped("SupportsVirtualTerminal", "bool", true)
	method := func(name string, f Method) {
		ui.AddProperty(&object.Property{Name: name, Value: f, TypeName: "System.Management.Automation.PSMethod"})
	}
	method("WriteLine", func(args []any) (any, error) {
		text := ""
		if len(args) > 0 {
			text = s.Text(args[len(args)-1])
		}
		s.WriteStream(format.Host, text)
		return nil, nil
	})
	method("Write", func(args []any) (any, error) {
		if len(args) > 0 {
			io.ClearProgress()
			fmt.Fprint(io.Out, s.Text(args[len(args)-1]))
		}
		return nil, nil
	})
	method("WriteErrorLine", func(args []any) (any, error) {
		if len(args) > 0 {
			s.WriteStream(format.Error, s.Text(args[0]))
		}
		return nil, nil
	})
	method("WriteWarningLine", func(args []any) (any, error) {
		if len(args) > 0 {
			s.WriteStream(format.Warning, "WARNING: "+s.Text(args[0]))
		}
		return nil, nil
	})
	method("WriteVerboseLine", func(args []any) (any, error) {
		if len(args) > 0 {
			s.WriteStream(format.Verbose, "VERBOSE: "+s.Text(args[0]))
		}
		return nil, nil
	})
	// ReadLine reads the line as the console host does (host.IO.ReadAnswer):
	// at a terminal, or from redirected input with the line echoed, where
	// the end of the input is a null line rather than an error.
	method("ReadLine", func(args []any) (any, error) {
		line, err := io.ReadAnswer("")
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, host.ErrNonInteractive):
			return nil, nonInteractiveException()
		case !io.StdinTTY:
			return nil, nil
		}
		return nil, s.Stop()
	})
	// ReadLineAsSecureString reads a hidden line at a terminal. pwsh reads
	// it key by key, which .NET refuses on redirected input; the console
	// host then stops the pipeline without an error record, whatever the
	// input holds.
	method("ReadLineAsSecureString", func(args []any) (any, error) {
		if io.NonInteractive {
			return nil, nonInteractiveException()
		}
		if !io.StdinTTY {
			return nil, s.Stop()
		}
		line, err := io.ReadLine("", true)
		if err != nil {
			return nil, s.Stop()
		}
		return object.NewSecureString(line), nil
	})
	method("PromptForChoice", func(args []any) (any, error) { return promptForChoice(s, args) })
	h.AddTyped("UI", "System.Management.Automation.Host.PSHostUserInterface", ui)
	h.AddTyped("CurrentCulture", "cultureinfo", "en-US")
	h.AddTyped("CurrentUICulture", "cultureinfo", "en-US")
	h.AddTyped("DebuggerEnabled", "bool", true)
	h.AddTyped("IsRunspacePushed", "bool", false)
	h.ToStringFunc = func() string { return "System.Management.Automation.Internal.Host.InternalHost" }
	return h
}

// promptForChoice is $Host.UI.PromptForChoice(caption, message, choices,
// defaultChoice): choices are ChoiceDescriptions (Label, HelpMessage) or
// plain labels. The answer is read at a terminal or from redirected input
// (host.IO.PromptForChoice). As in pwsh's console host a NonInteractive
// session fails before the arguments are checked, and the end of
// redirected input fails with the NullReferenceException pwsh's host
// meets there.
func promptForChoice(s Session, args []any) (any, error) {
	if len(args) != 4 {
		return nil, dotnet.Throw("Cannot find an overload for \"PromptForChoice\" and the argument count: \"%d\".", len(args))
	}
	io := s.Console()
	if io.NonInteractive {
		return nil, nonInteractiveException()
	}
	var choices []host.Choice
	items, ok := object.Elements(args[2])
	if !ok {
		items = []any{args[2]}
	}
	for _, it := range items {
		if o, ok := object.Unwrap(it).(*object.PSObject); ok && o.Property("Label") != nil {
			choices = append(choices, host.Choice{Label: s.Text(o.Value("Label")), HelpMessage: s.Text(o.Value("HelpMessage"))})
			continue
		}
		choices = append(choices, host.Choice{Label: s.Text(it)})
	}
	if len(choices) == 0 {
		return nil, &dotnet.MethodException{Msg: "choices cannot be empty."}
	}
	def := 0
	if n, ok := numeric.ToNumber(args[3]); ok {
		def = int(numeric.Int64(n))
	}
	if def < -1 || def >= len(choices) {
		return nil, &dotnet.MethodException{Msg: "defaultChoice must be a valid index into choices."}
	}
	i, err := io.PromptForChoice(s.Text(args[0]), s.Text(args[1]), choices, def)
	if err != nil {
		switch unanswered(io, err) {
		case ErrNonInteractive:
			return nil, nonInteractiveException()
		case ErrEndOfInput:
			return nil, &dotnet.TypedException{Msg: ErrEndOfInput.Error(), Type: "System.NullReferenceException"}
		}
		if errors.Is(err, host.ErrInterrupted) {
			return nil, s.Stop()
		}
		return nil, &dotnet.MethodException{Msg: err.Error()}
	}
	return i, nil
}

// nonInteractiveException is what a host method throws in a
// NonInteractive session: pwsh's PSInvalidOperationException.
func nonInteractiveException() error {
	return &dotnet.TypedException{Msg: ErrNonInteractive.Error(), Type: "System.Management.Automation.PSInvalidOperationException"}
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
