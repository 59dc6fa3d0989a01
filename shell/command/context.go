package command

import (
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
)

// Context is what a cmdlet handler receives: its bound parameters, the
// current pipeline object, and the streams it writes to. Handlers never
// format text; they write objects.
type Context struct {
	Command *Command
	// ParameterSet is the resolved parameter-set name.
	ParameterSet string
	// Input is the current pipeline object (nil when none).
	Input any
	// HasInput is true while processing a pipeline object.
	HasInput bool
	// InvocationName is the name the command was called by (alias or name).
	InvocationName string
	// Bindings are the bound parameter values by lower-case name, as the
	// binder sets them; handlers read them with Has, Value, String and
	// the other accessors.
	Bindings map[string]any

	session Session
	proc    Processor
	// locals holds the invocation's InvocationSlot values, which its
	// Begin, Process and End blocks share.
	locals map[any]any
}

// Session is the shell session commands run in, as this package sees it:
// its clock and its slots. The runtime's session is the one
// implementation; a handler that needs more of it asks the runtime for
// the session behind its Context.
type Session interface {
	// Now is the simulated clock.
	Now() time.Time
	// Slots are the session's slot values (see Slot).
	Slots() *Slots
}

// Processor is the running pipeline step a Context belongs to: the
// runtime's command processor, which owns the streams, the -WhatIf and
// -Confirm rules and the common parameters the command was given.
type Processor interface {
	// Emit sends one object down the pipeline.
	Emit(v any) error
	// WriteError writes a non-terminating error record.
	WriteError(rec *object.ErrorRecord) error
	// Terminate returns the terminating error that carries rec.
	Terminate(rec *object.ErrorRecord) error
	WriteWarning(msg string) error
	WriteVerbose(msg string) error
	WriteDebug(msg string) error
	WriteInformation(rec *object.InformationRecord) error
	// ShouldProcess applies -WhatIf and -Confirm to one operation; a
	// description, when given, is the whole confirmation text.
	ShouldProcess(target, action, description string) (bool, error)
	// ShouldProcessImpact is ShouldProcess for an operation whose
	// ConfirmImpact differs from the command's.
	ShouldProcessImpact(target, action, description string, impact Impact) (bool, error)
	// ProceedsSilently reports whether ShouldProcess would answer yes
	// without writing or asking anything.
	ProceedsSilently() bool
	// ShouldContinue asks the user a Yes/No question that -Confirm,
	// -WhatIf and $ConfirmPreference do not answer.
	ShouldContinue(query, caption string) (bool, error)
	// Position is where the command was written (nil when the host
	// invoked it itself).
	Position() *object.Position
	// Args are the arguments no parameter took (AcceptsAnyArguments).
	Args() []any
	// Common returns a common parameter the command was given, by its
	// lower-case name.
	Common(key string) (any, bool)
	// CommonParameters are the common parameters given, by declared name.
	CommonParameters() map[string]any
	// ExpectingInput reports whether pipeline input is coming.
	ExpectingInput() bool
	// ProgressShown reports whether progress may show.
	ProgressShown() bool
	// Invocation and SetInvocationNote serve Context's methods of the
	// same names for the invocation c is running.
	Invocation(c *Context) (InvocationEvent, bool)
	SetInvocationNote(c *Context, v any)
}

// NewContext returns the Context of a command the processor p runs in
// session s.
func NewContext(s Session, cmd *Command, invocationName string, p Processor) *Context {
	return &Context{session: s, Command: cmd, InvocationName: invocationName, proc: p}
}

// Session returns the session the command runs in.
func (c *Context) Session() Session { return c.session }

// Processor returns the pipeline step the command runs in.
func (c *Context) Processor() Processor { return c.proc }

// Has reports whether the parameter was bound (named, positional or from
// the pipeline).
func (c *Context) Has(name string) bool {
	_, ok := c.param(name)
	return ok
}

// Value returns a bound parameter value, nil when unbound.
func (c *Context) Value(name string) any {
	v, _ := c.param(name)
	return v
}

// param returns the value bound to the parameter name (in any case). A
// handler reads its parameters for every pipeline object, so an ASCII
// name is lower-cased on the stack rather than in a new string.
func (c *Context) param(name string) (any, bool) {
	var buf [40]byte
	if len(name) > len(buf) {
		v, ok := c.Bindings[strings.ToLower(name)]
		return v, ok
	}
	b := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case ch >= 0x80:
			v, ok := c.Bindings[strings.ToLower(name)]
			return v, ok
		case 'A' <= ch && ch <= 'Z':
			ch += 'a' - 'A'
		}
		b[i] = ch
	}
	v, ok := c.Bindings[string(b)]
	return v, ok
}

// String returns a bound string parameter ("" when unbound).
func (c *Context) String(name string) string {
	v, ok := c.param(name)
	if !ok || v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return object.ToInvariantString(v)
}

// Strings returns a bound array parameter as strings.
func (c *Context) Strings(name string) []string {
	v, ok := c.param(name)
	if !ok || v == nil {
		return nil
	}
	items, isList := object.Enumerate(v)
	if !isList {
		return []string{object.ToInvariantString(v)}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, object.ToInvariantString(it))
	}
	return out
}

// Bool returns a bound Boolean parameter (false when unbound).
func (c *Context) Bool(name string) bool {
	v, _ := c.param(name)
	b, _ := v.(bool)
	return b
}

// Switch reports whether a switch parameter is present.
func (c *Context) Switch(name string) bool {
	switch v := c.Value(name).(type) {
	case bool:
		return v
	case automation.Switch:
		return bool(v)
	}
	return false
}

// Int returns a bound integer parameter (0 when unbound).
func (c *Context) Int(name string) int {
	switch v := c.Value(name).(type) {
	case int:
		return v
	case int64:
		return int(v)
	}
	return 0
}

// Time returns a bound DateTime parameter.
func (c *Context) Time(name string) (time.Time, bool) {
	t, ok := c.Value(name).(time.Time)
	return t, ok
}

// Bound returns the names of the bound parameters as declared.
func (c *Context) Bound() map[string]any {
	out := make(map[string]any, len(c.Bindings))
	for k, v := range c.Bindings {
		name := k
		if p := c.Command.Param(k); p != nil {
			name = p.Name
		}
		out[name] = v
	}
	return out
}

// Now returns the simulated clock.
func (c *Context) Now() time.Time { return c.session.Now() }

// WriteObject sends one object down the pipeline (no enumeration).
func (c *Context) WriteObject(v any) error { return c.proc.Emit(v) }

// WriteEnumerated sends each element of a collection (or the value itself).
func (c *Context) WriteEnumerated(v any) error {
	if items, ok := object.Enumerate(v); ok {
		if _, isHash := v.(*object.Hashtable); !isHash {
			for _, it := range items {
				if err := c.proc.Emit(it); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return c.proc.Emit(v)
}

// WriteError writes a non-terminating error for this command.
func (c *Context) WriteError(rec *object.ErrorRecord) error {
	c.stamp(rec)
	return c.proc.WriteError(rec)
}

// Fail returns a terminating error for this command: the handler returns it.
func (c *Context) Fail(rec *object.ErrorRecord) error {
	c.stamp(rec)
	return c.proc.Terminate(rec)
}

// NewError builds an error record attributed to this command.
func (c *Context) NewError(message, errorID string, cat object.ErrorCategory, exceptionType string, target any) *object.ErrorRecord {
	rec := &object.ErrorRecord{
		Message:       message,
		ErrorID:       errorID,
		Category:      cat,
		ExceptionType: exceptionType,
		Target:        target,
	}
	c.stamp(rec)
	return rec
}

func (c *Context) stamp(rec *object.ErrorRecord) {
	if rec.Activity == "" {
		rec.Activity = c.Command.Name
	}
	if rec.CommandSuffix == "" && !rec.NoCommandSuffix {
		if c.Command.FullTypeName != "" {
			rec.CommandSuffix = c.Command.FullTypeName
		} else {
			rec.CommandSuffix = c.Command.Name
		}
	}
	if rec.InvocationName == "" {
		rec.InvocationName = c.InvocationName
	}
	if rec.Position == nil && c.proc != nil {
		rec.Position = c.proc.Position()
	}
	if rec.ExceptionFullType == "" && rec.ExceptionType != "" && !strings.Contains(rec.ExceptionType, ".") {
		rec.ExceptionFullType = rec.ExceptionType
	}
}

// WriteWarning writes "WARNING: msg" (subject to -WarningAction and
// redirection of the warning stream).
func (c *Context) WriteWarning(msg string) { _ = c.proc.WriteWarning(msg) }

// WriteVerbose writes "VERBOSE: msg" when verbose output is on.
func (c *Context) WriteVerbose(msg string) { _ = c.proc.WriteVerbose(msg) }

// WriteDebug writes "DEBUG: msg" when debug output is on.
func (c *Context) WriteDebug(msg string) { _ = c.proc.WriteDebug(msg) }

// WriteHost writes a line to the host, through the information stream as
// Write-Host does (so 6>$null and *>$null silence it).
func (c *Context) WriteHost(line string) error {
	return c.proc.WriteInformation(&object.InformationRecord{MessageData: line, Tags: []string{"PSHOST"}})
}

// WriteInformation writes a record on the information stream
// (Write-Information): shown only when the information preference is
// Continue, taken by any redirection of the stream.
func (c *Context) WriteInformation(data any, tags []string) error {
	return c.proc.WriteInformation(&object.InformationRecord{MessageData: data, Tags: tags})
}

// ShouldProcess asks -WhatIf/-Confirm whether to perform action on target.
// With an empty action the command name is used. It returns false when
// the operation must be skipped; an error means the prompt failed or the
// user chose to stop (the handler returns it).
func (c *Context) ShouldProcess(target, action string) (bool, error) {
	return c.proc.ShouldProcess(target, action, "")
}

// ShouldProcessWith is ShouldProcess with a cmdlet-supplied description
// (Exchange cmdlets word their own confirmation text).
func (c *Context) ShouldProcessWith(description, target string) (bool, error) {
	return c.proc.ShouldProcess(target, "", description)
}

// ProceedsSilently reports whether ShouldProcess would return true without
// writing (-WhatIf, -Verbose) or asking (-Confirm, $ConfirmPreference)
// anything, so a cmdlet need not work out the target's description first.
func (c *Context) ProceedsSilently() bool { return c.proc.ProceedsSilently() }

// ShouldContinue asks the user a Yes/No question beyond ShouldProcess's
// confirmation ($PSCmdlet.ShouldContinue): -Confirm:$false does not
// answer it, so a cmdlet skips it only on its own -Force; without a
// terminal it fails with a HostException.
func (c *Context) ShouldContinue(query, caption string) (bool, error) {
	return c.proc.ShouldContinue(query, caption)
}

// ShouldProcessImpact is ShouldProcessWith for one operation whose impact
// differs from the command's: a High-impact step (an irreversible lock,
// say) of an otherwise Medium-impact command prompts by default.
func (c *Context) ShouldProcessImpact(description, target string, impact Impact) (bool, error) {
	return c.proc.ShouldProcessImpact(target, "", description, impact)
}

// What cmdlets ask about their invocation beyond their parameters.

// Args returns the arguments a command declared AcceptsAnyArguments did
// not bind to a parameter, as a function without a param() block gets
// them in $args (the runtime's ParameterName tells which are -Name
// tokens).
func (c *Context) Args() []any {
	if c.proc == nil {
		return nil
	}
	return c.proc.Args()
}

// CommonParameters returns the common parameters given to the command
// (-ErrorAction, -WhatIf ...) by their declared names, as
// $PSBoundParameters lists them: a test double passes them on to the
// command it stands in for.
func (c *Context) CommonParameters() map[string]any {
	if c.proc == nil {
		return map[string]any{}
	}
	return c.proc.CommonParameters()
}

// Position returns where the command was written: its file, line and the
// text of that line (nil for a command the host invoked itself).
func (c *Context) Position() *object.Position {
	if c.proc == nil {
		return nil
	}
	return c.proc.Position()
}

// Common returns a common parameter the command was given (any case), as
// bound.
func (c *Context) Common(name string) (any, bool) {
	if c.proc == nil {
		return nil, false
	}
	return c.proc.Common(strings.ToLower(name))
}

// ProgressShown reports whether -ProgressAction or $ProgressPreference
// lets progress show.
func (c *Context) ProgressShown() bool { return c.proc.ProgressShown() }

// ExpectingInput reports whether the command has pipeline input coming
// ($MyInvocation.ExpectingInput).
func (c *Context) ExpectingInput() bool { return c.proc != nil && c.proc.ExpectingInput() }

// Invocation returns the observed invocation this context is running,
// as its event would read if it ended now without error, and false when
// no hook observes it or it has already written an error. An observer
// uses it to record a successful invocation in the invocation's own
// transaction (the admin audit log); the event it finally receives
// carries the Note it attached (SetInvocationNote), so it can tell the
// invocation was recorded and correct the record if the invocation
// failed afterwards.
func (c *Context) Invocation() (InvocationEvent, bool) {
	if c.proc == nil {
		return InvocationEvent{}, false
	}
	return c.proc.Invocation(c)
}

// SetInvocationNote attaches v to the observed invocation this context is
// running (see Invocation); it is a no-op when there is none.
func (c *Context) SetInvocationNote(v any) {
	if c.proc != nil {
		c.proc.SetInvocationNote(c, v)
	}
}
