package runtime

import (
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
)

// Context is what a cmdlet handler receives: its bound parameters, the
// current pipeline object, and the streams it writes to. Handlers never
// format text; they write objects.
type Context struct {
	RT      *Runtime
	Command *Command
	// ParameterSet is the resolved parameter-set name.
	ParameterSet string
	// Input is the current pipeline object (nil when none).
	Input any
	// HasInput is true while processing a pipeline object.
	HasInput bool
	// InvocationName is the name the command was called by (alias or name).
	InvocationName string

	bound map[string]any // lower-case parameter name → value
	proc  *cmdProcessor
	// locals holds the invocation's InvocationSlot values, which its
	// Begin, Process and End blocks share.
	locals map[any]any
}

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
		v, ok := c.bound[strings.ToLower(name)]
		return v, ok
	}
	b := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case ch >= 0x80:
			v, ok := c.bound[strings.ToLower(name)]
			return v, ok
		case 'A' <= ch && ch <= 'Z':
			ch += 'a' - 'A'
		}
		b[i] = ch
	}
	v, ok := c.bound[string(b)]
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
	case Switch:
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
	out := make(map[string]any, len(c.bound))
	for k, v := range c.bound {
		name := k
		if p := c.Command.Param(k); p != nil {
			name = p.Name
		}
		out[name] = v
	}
	return out
}

// Now returns the simulated clock.
func (c *Context) Now() time.Time { return Of(c).Now() }

// WriteObject sends one object down the pipeline (no enumeration).
func (c *Context) WriteObject(v any) error { return c.proc.emit(v) }

// WriteEnumerated sends each element of a collection (or the value itself).
func (c *Context) WriteEnumerated(v any) error {
	if items, ok := object.Enumerate(v); ok {
		if _, isHash := v.(*object.Hashtable); !isHash {
			for _, it := range items {
				if err := c.proc.emit(it); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return c.proc.emit(v)
}

// WriteError writes a non-terminating error for this command.
func (c *Context) WriteError(rec *object.ErrorRecord) error {
	c.stamp(rec)
	return c.proc.writeError(rec)
}

// Fail returns a terminating error for this command: the handler returns it.
func (c *Context) Fail(rec *object.ErrorRecord) error {
	c.stamp(rec)
	return &PSError{Record: rec}
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
		rec.Position = c.proc.position
	}
	if rec.ExceptionFullType == "" && rec.ExceptionType != "" && !strings.Contains(rec.ExceptionType, ".") {
		rec.ExceptionFullType = rec.ExceptionType
	}
}

// WriteWarning writes "WARNING: msg" (subject to -WarningAction and
// redirection of the warning stream).
func (c *Context) WriteWarning(msg string) { _ = c.proc.writeWarning(msg) }

// WriteVerbose writes "VERBOSE: msg" when verbose output is on.
func (c *Context) WriteVerbose(msg string) { _ = c.proc.writeVerbose(msg) }

// WriteDebug writes "DEBUG: msg" when debug output is on.
func (c *Context) WriteDebug(msg string) { _ = c.proc.writeDebug(msg) }

// WriteHost writes a line to the host, through the information stream as
// Write-Host does (so 6>$null and *>$null silence it).
func (c *Context) WriteHost(line string) error {
	return c.proc.writeInformation(&object.InformationRecord{MessageData: line, Tags: []string{"PSHOST"}})
}

// WriteInformation writes a record on the information stream
// (Write-Information): shown only when the information preference is
// Continue, taken by any redirection of the stream.
func (c *Context) WriteInformation(data any, tags []string) error {
	return c.proc.writeInformation(&object.InformationRecord{MessageData: data, Tags: tags})
}

// ShouldProcess asks -WhatIf/-Confirm whether to perform action on target.
// With an empty action the command name is used. It returns false when
// the operation must be skipped; an error means the prompt failed or the
// user chose to stop (the handler returns it).
func (c *Context) ShouldProcess(target, action string) (bool, error) {
	return c.proc.shouldProcess(target, action, "")
}

// ShouldProcessWith is ShouldProcess with a cmdlet-supplied description
// (Exchange cmdlets word their own confirmation text).
func (c *Context) ShouldProcessWith(description, target string) (bool, error) {
	return c.proc.shouldProcess(target, "", description)
}

// ProceedsSilently reports whether ShouldProcess would return true without
// writing (-WhatIf, -Verbose) or asking (-Confirm, $ConfirmPreference)
// anything, so a cmdlet need not work out the target's description first.
func (c *Context) ProceedsSilently() bool { return c.proc.proceedsSilently() }

// ShouldProcessImpact is ShouldProcessWith for one operation whose impact
// differs from the command's: a High-impact step (an irreversible lock,
// say) of an otherwise Medium-impact command prompts by default.
func (c *Context) ShouldProcessImpact(description, target string, impact Impact) (bool, error) {
	return c.proc.shouldProcessImpact(target, "", description, impact)
}

// Switch is a [switch] value in script functions.
type Switch bool

// IsPresent reports whether the switch was given.
func (s Switch) IsPresent() bool { return bool(s) }

func (s Switch) String() string {
	if s {
		return "True"
	}
	return "False"
}

// PSTypeName is the .NET type name.
func (s Switch) PSTypeName() string { return "System.Management.Automation.SwitchParameter" }

// Of returns the session a command runs in.
func Of(c *Context) *Runtime { return c.RT }
