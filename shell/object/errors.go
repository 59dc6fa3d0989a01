package object

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// ErrorCategory is PowerShell's ErrorCategory enum.
type ErrorCategory string

// Error categories used by the simulator.
const (
	NotSpecified         ErrorCategory = "NotSpecified"
	InvalidArgument      ErrorCategory = "InvalidArgument"
	InvalidOperation     ErrorCategory = "InvalidOperation"
	InvalidData          ErrorCategory = "InvalidData"
	ObjectNotFound       ErrorCategory = "ObjectNotFound"
	ParserError          ErrorCategory = "ParserError"
	PermissionDenied     ErrorCategory = "PermissionDenied"
	ResourceExists       ErrorCategory = "ResourceExists"
	InvalidType          ErrorCategory = "InvalidType"
	OperationStopped     ErrorCategory = "OperationStopped"
	WriteError           ErrorCategory = "WriteError"
	ReadError            ErrorCategory = "ReadError"
	LimitsExceeded       ErrorCategory = "LimitsExceeded"
	SecurityError        ErrorCategory = "SecurityError"
	InvalidResult        ErrorCategory = "InvalidResult"
	ResourceUnavailable  ErrorCategory = "ResourceUnavailable"
	MetadataError        ErrorCategory = "MetadataError"
	NotImplemented       ErrorCategory = "NotImplemented"
	OperationTimeout     ErrorCategory = "OperationTimeout"
	ConnectionError      ErrorCategory = "ConnectionError"
	DeviceError          ErrorCategory = "DeviceError"
	ProtocolError        ErrorCategory = "ProtocolError"
	SyntaxError          ErrorCategory = "SyntaxError"
	CloseError           ErrorCategory = "CloseError"
	OpenError            ErrorCategory = "OpenError"
	DeadlockDetected     ErrorCategory = "DeadlockDetected"
	FromStdErr           ErrorCategory = "FromStdErr"
	NotEnabled           ErrorCategory = "NotEnabled"
	NotInstalled         ErrorCategory = "NotInstalled"
	QuotaExceeded        ErrorCategory = "QuotaExceeded"
	AuthenticationError  ErrorCategory = "AuthenticationError"
	ObjectNotFoundNoStop ErrorCategory = "ObjectNotFound"
)

// Position locates the source of an error: the line of text and the
// extent of the offending command or token on it.
type Position struct {
	// ScriptPath is the script file, empty for interactive input.
	ScriptPath string
	Line       int // 1-based
	Col        int // 1-based, in characters
	// EndCol is the column just after the extent on the same line (for a
	// multi-line extent: the end of the first line).
	EndCol   int
	LineText string
	// MultiLineInput is true when the interactive input had several lines.
	MultiLineInput bool
}

// ErrorRecord is PowerShell's ErrorRecord: a message plus the facts the
// error views display.
type ErrorRecord struct {
	Message string
	// ExceptionType is the short .NET exception type name, e.g.
	// "ManagementObjectNotFoundException", "ParameterBindingException".
	ExceptionType string
	// ExceptionFullType is the full name used by catch [Type] matching,
	// e.g. "System.Management.Automation.ParameterBindingException".
	ExceptionFullType string
	// ErrorID is the FullyQualifiedErrorId without the command suffix.
	ErrorID  string
	Category ErrorCategory
	// Activity is the command that raised the error (empty for none).
	Activity string
	// CommandSuffix is appended to ErrorID after a comma in
	// FullyQualifiedErrorId (a compiled cmdlet's full type name, or a
	// function's name).
	CommandSuffix string
	// NoCommandSuffix keeps FullyQualifiedErrorId to the bare ErrorID
	// (Write-Error called from a script block or at the prompt).
	NoCommandSuffix bool
	Target          any
	// TargetName overrides the target's string in the category text.
	TargetName string
	// Reason overrides the ConciseView reason ("Exception" for throw).
	Reason string
	// FromThrow marks errors raised by a throw statement.
	FromThrow bool
	// InvocationName is the name the command was invoked by.
	InvocationName string
	Position       *Position
	// RecommendedAction is ErrorDetails.RecommendedAction.
	RecommendedAction string
	// Inner is a wrapped error record or value thrown (throw $obj).
	Thrown any
	// InnerException is the full type name of the exception a .NET method
	// threw, which the record's exception wraps (MethodInvocationException);
	// InnerMessage is its message.
	InnerException, InnerMessage string
	// ScriptStackTrace is the call stack where the error was raised, one
	// frame a line (set by the runtime as the record is made).
	ScriptStackTrace string
}

// FullyQualifiedErrorID returns "ErrorId,Command".
func (e *ErrorRecord) FullyQualifiedErrorID() string {
	switch {
	case e.CommandSuffix == "" || e.NoCommandSuffix:
		return e.ErrorID
	case e.ErrorID == "":
		return e.CommandSuffix
	case strings.HasSuffix(e.ErrorID, ","+e.CommandSuffix):
		// the ID already names its command
		return e.ErrorID
	}
	return e.ErrorID + "," + e.CommandSuffix
}

// CategoryInfo renders "Category: (Target:Type) [Activity], Reason".
func (e *ErrorRecord) CategoryInfo() string {
	cat, target, ttype := e.categoryParts()
	return string(cat) + ": (" + shorten40(target) + ":" + shorten40(ttype) + ") [" + shorten40(e.Activity) + "], " + e.ExceptionType
}

func (e *ErrorRecord) categoryParts() (cat ErrorCategory, target, ttype string) {
	target = e.TargetName
	if e.Target != nil {
		if target == "" {
			target = ToInvariantString(e.Target)
		}
		ttype = ShortTypeName(e.Target)
	}
	cat = e.Category
	if cat == "" {
		cat = NotSpecified
	}
	return cat, target, ttype
}

// errorCategoryValues are the numbers of .NET's ErrorCategory enum.
var errorCategoryValues = lazy.Value[map[ErrorCategory]int]{Build: func() map[ErrorCategory]int {
	return map[ErrorCategory]int{
		NotSpecified: 0, OpenError: 1, CloseError: 2, DeviceError: 3, DeadlockDetected: 4, InvalidArgument: 5,
		InvalidData: 6, InvalidOperation: 7, InvalidResult: 8, InvalidType: 9, MetadataError: 10,
		NotImplemented: 11, NotInstalled: 12, ObjectNotFound: 13, OperationStopped: 14, OperationTimeout: 15,
		SyntaxError: 16, ParserError: 17, PermissionDenied: 18, "ResourceBusy": 19, ResourceExists: 20,
		ResourceUnavailable: 21, ReadError: 22, WriteError: 23, FromStdErr: 24, SecurityError: 25,
		ProtocolError: 26, ConnectionError: 27, AuthenticationError: 28, LimitsExceeded: 29, QuotaExceeded: 30,
		NotEnabled: 31,
	}
}}

// CategoryEnum is an ErrorCategory as the .NET enum value scripts compare
// ($_.CategoryInfo.Category -eq 'ObjectNotFound').
func CategoryEnum(c ErrorCategory) Enum {
	if c == "" {
		c = NotSpecified
	}
	return Enum{Type: "System.Management.Automation.ErrorCategory", Name: string(c), Value: errorCategoryValues.Get()[c]}
}

// InvocationInfoObject is $_.InvocationInfo: where the error arose
// (ScriptName, ScriptLineNumber, OffsetInLine, Line) and the command's
// name; nil when the record has no position.
func (e *ErrorRecord) InvocationInfoObject() *PSObject {
	if e.Position == nil {
		return nil
	}
	p := e.Position
	o := NewObject("System.Management.Automation.InvocationInfo", "System.Object")
	o.AddTyped("MyCommand", "System.Management.Automation.CommandInfo", nil)
	o.AddTyped("ScriptName", "string", p.ScriptPath)
	o.AddTyped("ScriptLineNumber", "int", p.Line)
	o.AddTyped("OffsetInLine", "int", p.Col)
	o.AddTyped("Line", "string", p.LineText)
	o.AddTyped("PSScriptRoot", "string", scriptDir(p.ScriptPath))
	o.AddTyped("PSCommandPath", "string", p.ScriptPath)
	o.AddTyped("InvocationName", "string", e.InvocationName)
	return o
}

// scriptDir is the folder of a script path ("" for none), either separator.
func scriptDir(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i > 0 {
		return path[:i]
	}
	return ""
}

// CategoryInfoObject is $_.CategoryInfo: Category, Activity, Reason,
// TargetName and TargetType, shown as the category line.
func (e *ErrorRecord) CategoryInfoObject() *PSObject {
	cat, target, ttype := e.categoryParts()
	o := NewObject("System.Management.Automation.ErrorCategoryInfo", "System.Object")
	o.AddTyped("Category", "System.Management.Automation.ErrorCategory", CategoryEnum(cat))
	o.AddTyped("Activity", "string", e.Activity)
	o.AddTyped("Reason", "string", e.ExceptionType)
	o.AddTyped("TargetName", "string", target)
	o.AddTyped("TargetType", "string", ttype)
	text := e.CategoryInfo()
	o.ToStringFunc = func() string { return text }
	return o
}

func shorten40(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:19]) + "…" + string(r[len(r)-19:])
}

func (e *ErrorRecord) String() string { return e.Message }

// Error makes an ErrorRecord usable as a Go error.
func (e *ErrorRecord) Error() string { return e.Message }

// PSTypeName is the .NET type name.
func (e *ErrorRecord) PSTypeName() string { return "System.Management.Automation.ErrorRecord" }

// ConciseReason is the text before ": " in ConciseView.
func (e *ErrorRecord) ConciseReason() string {
	switch {
	case e.Reason != "":
		return e.Reason
	case e.FromThrow:
		return "Exception"
	case e.Activity != "":
		return e.Activity
	case e.InvocationName != "":
		return e.InvocationName
	case e.Category != "" && e.Category != NotSpecified:
		return string(e.Category)
	}
	return e.ExceptionType
}

// WarningRecord is a warning on the warning stream.
type WarningRecord struct{ Message string }

func (w *WarningRecord) String() string { return w.Message }

// PSTypeName is the .NET type name.
func (w *WarningRecord) PSTypeName() string {
	return "System.Management.Automation.WarningRecord"
}

// VerboseRecord is a message on the verbose stream.
type VerboseRecord struct{ Message string }

func (r *VerboseRecord) String() string { return r.Message }

// PSTypeName is the .NET type name.
func (r *VerboseRecord) PSTypeName() string {
	return "System.Management.Automation.VerboseRecord"
}

// DebugRecord is a message on the debug stream.
type DebugRecord struct{ Message string }

func (r *DebugRecord) String() string { return r.Message }

// PSTypeName is the .NET type name.
func (r *DebugRecord) PSTypeName() string {
	return "System.Management.Automation.DebugRecord"
}

// InformationRecord is a record on the information stream (Write-Host
// writes one tagged PSHOST, Write-Information one with its own tags).
type InformationRecord struct {
	MessageData any
	Tags        []string
	Source      string
}

func (r *InformationRecord) String() string { return ToInvariantString(r.MessageData) }

// PSTypeName is the .NET type name.
func (r *InformationRecord) PSTypeName() string {
	return "System.Management.Automation.InformationRecord"
}

// HasTag reports whether the record carries tag (case-insensitive).
func (r *InformationRecord) HasTag(tag string) bool {
	for _, t := range r.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// ScriptBlock is implemented by the runtime's script blocks so that lower
// packages can hold and display them.
type ScriptBlock interface {
	// Text is the source text between the braces.
	Text() string
}

// HasPrefixFold reports whether s starts with prefix, ignoring case.
func HasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// Exception returns the record's exception as an object with Message (and
// its string form is the message).
func (e *ErrorRecord) Exception() *PSObject {
	full := e.ExceptionFullType
	if full == "" {
		full = e.ExceptionType
		if full != "" && !strings.Contains(full, ".") {
			full = "System.Management.Automation." + full
		}
	}
	o := NewObject(full, "System.Exception", "System.Object")
	o.AddTyped("Message", "string", e.Message)
	o.AddTyped("ErrorRecord", "System.Management.Automation.ErrorRecord", e)
	var inner any
	if e.InnerException != "" {
		in := NewObject(e.InnerException, "System.Exception", "System.Object")
		in.AddTyped("Message", "string", e.InnerMessage)
		in.AddTyped("InnerException", "System.Exception", nil)
		im := e.InnerMessage
		in.ToStringFunc = func() string { return im }
		inner = in
	}
	o.AddTyped("InnerException", "System.Exception", inner)
	o.AddTyped("HResult", "int", -2146233087)
	msg := e.Message
	o.ToStringFunc = func() string { return msg }
	return o
}

// CannotConvert is .NET's message for a value that does not convert to
// the named type ("Cannot convert value "x" to type "System.Int32"." or,
// for $null, "Cannot convert null to type ...").
func CannotConvert(v any, typeName string) string {
	if v == nil {
		return "Cannot convert null to type \"" + typeName + "\"."
	}
	return "Cannot convert value \"" + ToInvariantString(v) + "\" to type \"" + typeName + "\"."
}
