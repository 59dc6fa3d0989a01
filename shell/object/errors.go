package object

import "strings"

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
	Target        any
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
}

// FullyQualifiedErrorID returns "ErrorId,Command".
func (e *ErrorRecord) FullyQualifiedErrorID() string {
	switch {
	case e.CommandSuffix == "":
		return e.ErrorID
	case e.ErrorID == "":
		return e.CommandSuffix
	}
	return e.ErrorID + "," + e.CommandSuffix
}

// CategoryInfo renders "Category: (Target:Type) [Activity], Reason".
func (e *ErrorRecord) CategoryInfo() string {
	target := e.TargetName
	ttype := ""
	if e.Target != nil {
		if target == "" {
			target = ToInvariantString(e.Target)
		}
		ttype = ShortTypeName(e.Target)
	}
	cat := e.Category
	if cat == "" {
		cat = NotSpecified
	}
	return string(cat) + ": (" + shorten40(target) + ":" + shorten40(ttype) + ") [" + shorten40(e.Activity) + "], " + e.ExceptionType
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
