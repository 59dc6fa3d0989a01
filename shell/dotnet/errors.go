package dotnet

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// The errors a .NET member raises. The interpreter turns each into
// PowerShell's error record at the place of the call (the message
// wrapped as "Exception calling ...", the error ID, the category).

// MethodException is an exception thrown inside a .NET method; its .NET
// type follows from the message.
type MethodException struct{ Msg string }

func (e *MethodException) Error() string { return e.Msg }

// Throw is an exception thrown by a .NET method (wrapped by PowerShell
// as "Exception calling ...").
func Throw(format string, a ...any) error {
	return &MethodException{Msg: fmt.Sprintf(format, a...)}
}

// ExceptionType names the .NET exception of the message: the type the
// error's FullyQualifiedErrorId and InnerException report.
func (e *MethodException) ExceptionType() string {
	m := e.Msg
	switch {
	case strings.HasPrefix(m, "Value cannot be null."):
		return "System.ArgumentNullException"
	case strings.Contains(m, "was not in a correct format") || strings.Contains(m, "was not recognized as a valid") ||
		strings.HasPrefix(m, "Unrecognized Guid format") || strings.Contains(m, "not a valid Base-64") || strings.HasPrefix(m, "Format string can be only"):
		return "System.FormatException"
	case strings.Contains(m, "too large or too small") || strings.Contains(m, "overflow"):
		return "System.OverflowException"
	case strings.Contains(m, "un-representable DateTime"):
		return "System.ArgumentOutOfRangeException"
	case strings.HasPrefix(m, "Index was outside the bounds"):
		return "System.IndexOutOfRangeException"
	case strings.Contains(m, "(Parameter '") && (strings.Contains(m, "out of range") || strings.Contains(m, "must be") ||
		strings.Contains(m, "cannot be larger") || strings.Contains(m, "must refer to a location") || strings.Contains(m, "Non-negative") ||
		strings.Contains(m, "cannot be less than") || strings.Contains(m, "Rounding digits") || strings.Contains(m, "round to between")):
		return "System.ArgumentOutOfRangeException"
	case strings.HasPrefix(m, "Collection was of a fixed size"):
		return "System.NotSupportedException"
	case strings.HasPrefix(m, "Sequence contains") || strings.HasSuffix(m, "empty.") || strings.HasPrefix(m, "Failed to compare"):
		return "System.InvalidOperationException"
	case strings.HasPrefix(m, "The RegEx engine has timed out"):
		return "System.Text.RegularExpressions.RegexMatchTimeoutException"
	case strings.HasPrefix(m, "Invalid pattern"):
		return "System.Text.RegularExpressions.RegexParseException"
	case strings.HasPrefix(m, "Could not find file"):
		return "System.IO.FileNotFoundException"
	case strings.HasPrefix(m, "Could not find a part of the path"):
		return "System.IO.DirectoryNotFoundException"
	case strings.HasPrefix(m, "Access to the path"):
		return "System.UnauthorizedAccessException"
	}
	return "System.ArgumentException"
}

// TypedException is an exception a .NET method threw whose type its
// message does not tell (Type is the full type name).
type TypedException struct{ Msg, Type string }

func (e *TypedException) Error() string { return e.Msg }

// MethodBindError is a failure to pick or call an overload (wrong
// argument count, an argument that does not convert): a MethodException
// with the error ID in ID.
type MethodBindError struct {
	Msg string
	ID  string
}

func (e *MethodBindError) Error() string { return e.Msg }

// OverloadCountError is the binding failure of a call with n arguments
// that no overload of method takes.
func OverloadCountError(method string, n int) error {
	return &MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"%s\" and the argument count: \"%d\".", method, n), ID: "MethodCountCouldNotFindBest"}
}

// ArgConvertError builds PowerShell's "Cannot convert argument" error for
// argument param of method, converting value to typeName.
func ArgConvertError(value any, param, method, typeName string, inner error) error {
	detail := ""
	if inner != nil {
		detail = inner.Error()
	}
	// the value as .NET's ToString writes it: a collection by its type
	// ("System.Char[]"), not its elements
	text := object.ToInvariantString(value)
	switch v := object.Unwrap(value).(type) {
	case []any:
		text = object.TypeName(v)
	case *object.List:
		text = object.CollectionString(v)
	}
	return &MethodBindError{
		Msg: fmt.Sprintf("Cannot convert argument \"%s\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"", param, text, method, typeName, detail),
		ID:  "MethodArgumentConversionInvalidCastArgument",
	}
}

// ConversionError is the "Cannot convert value" family (a failed cast).
type ConversionError struct{ Msg string }

func (e *ConversionError) Error() string { return e.Msg }

// ConvertFailed is the failure to convert v to the named type, with the
// inner exception's message as detail (none when empty).
func ConvertFailed(v any, typeName, detail string) error {
	msg := fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\".", object.ToInvariantString(v), typeName)
	if detail != "" {
		msg += " Error: \"" + detail + "\""
	}
	return &ConversionError{Msg: msg}
}

// NotSupportedError is exosim's one-line refusal of a .NET feature it
// does not simulate.
type NotSupportedError struct{ Msg string }

func (e *NotSupportedError) Error() string { return e.Msg }

// NotSupported names a construct exosim cannot run.
func NotSupported(format string, a ...any) error {
	return &NotSupportedError{Msg: "exosim does not support " + fmt.Sprintf(format, a...) + "."}
}

// TypeNotFound is a type name no registered type answers to.
type TypeNotFound struct{ Name string }

func (e *TypeNotFound) Error() string { return fmt.Sprintf("Unable to find type [%s].", e.Name) }

// MethodNotFound is a call of a method the type does not have.
type MethodNotFound struct{ TypeName, Name string }

func (e *MethodNotFound) Error() string {
	return fmt.Sprintf("Method invocation failed because [%s] does not contain a method named '%s'.", e.TypeName, e.Name)
}

// CastErrorID is the error ID of a failed cast with this message: a
// string that does not parse as a number names the kind of number, as
// PowerShell's conversions do; other failures are
// InvalidCastParseTargetInvocation.
func CastErrorID(msg string) string {
	if !strings.HasPrefix(msg, `Cannot convert value "`) {
		return "InvalidCastParseTargetInvocation"
	}
	i := strings.Index(msg, `" to type "`)
	if i < 0 {
		return "InvalidCastParseTargetInvocation"
	}
	rest := msg[i+len(`" to type "`):]
	target := rest[:max(strings.IndexByte(rest, '"'), 0)]
	switch target {
	case "System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte", "System.UInt16", "System.UInt32", "System.UInt64", "System.Numerics.BigInteger":
		return "InvalidCastFromStringToInteger"
	case "System.Double", "System.Single":
		return "InvalidCastFromStringToDoubleOrSingle"
	case "System.Decimal":
		return "InvalidCastFromStringToDecimal"
	}
	return "InvalidCastParseTargetInvocation"
}
