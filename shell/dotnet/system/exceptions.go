package system

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// .NET exception types that scripts construct and throw
// (throw [System.ArgumentException]::new('...')): thrown, one becomes an
// error record whose exception is of that type, so catch [ArgumentException]
// and $_.Exception.GetType() see it, and whose error ID is its message.

// Exception is a constructed exception.
type Exception struct {
	typeName string
	message  string
	inner    any
}

func (e *Exception) PSTypeName() string { return e.typeName }

func (e *Exception) String() string { return e.message }

// Adapted lists Message and InnerException.
func (e *Exception) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "Message", Value: e.message, Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "InnerException", Value: e.inner, Kind: object.AdaptedProperty, TypeName: "System.Exception"},
	}
}

// exceptionTypes are the exception types scripts can build, with the
// message .NET gives one built without a message.
var exceptionTypes = []struct{ full, defaultMessage string }{
	{"System.Exception", "Exception of type 'System.Exception' was thrown."},
	{"System.SystemException", "System error."},
	{"System.ApplicationException", "Error in the application."},
	{"System.ArgumentException", "Value does not fall within the expected range."},
	{"System.ArgumentNullException", "Value cannot be null."},
	{"System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values."},
	{"System.InvalidOperationException", "Operation is not valid due to the current state of the object."},
	{"System.NotSupportedException", "Specified method is not supported."},
	{"System.NotImplementedException", "The method or operation is not implemented."},
	{"System.FormatException", "One of the identified items was in an invalid format."},
	{"System.TimeoutException", "The operation has timed out."},
	{"System.UnauthorizedAccessException", "Attempted to perform an unauthorized operation."},
	{"System.IO.IOException", "I/O error occurred."},
	{"System.IO.FileNotFoundException", "Unable to find the specified file."},
	{"System.IO.DirectoryNotFoundException", "Attempted to access a path that is not on the disk."},
	{"System.Management.Automation.RuntimeException", "Exception of type 'System.Management.Automation.RuntimeException' was thrown."},
	{"System.Management.Automation.ItemNotFoundException", "Exception of type 'System.Management.Automation.ItemNotFoundException' was thrown."},
}

// declareExceptions declares the exception types.
func declareExceptions() {
	for _, et := range exceptionTypes {
		et := et
		dotnet.RegisterType(&dotnet.TypeDef{FullName: et.full,
			Is: func(_ *dotnet.TypeInfo, v any) bool {
				x, ok := dotnet.Bare(v).(*Exception)
				return ok && (x.typeName == et.full || et.full == "System.Exception")
			},
			NewArity: []int{0, 1, 2},
			New: func(c *dotnet.Call) (any, error) {
				e := &Exception{typeName: et.full, message: et.defaultMessage}
				if len(c.Args) > 0 {
					e.message = c.Str(0)
					if strings.HasSuffix(et.full, "ArgumentNullException") {
						// (paramName): .NET's message names the parameter
						e.message = "Value cannot be null. (Parameter '" + c.Str(0) + "')"
					}
				}
				if len(c.Args) > 1 {
					e.inner = c.Arg(1)
				}
				return e, nil
			},
			Members: dotnet.Members{
				"Message":        dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*Exception).message, nil }),
				"InnerException": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*Exception).inner, nil }),
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return c.Self.(*Exception).typeName + ": " + c.Self.(*Exception).message, nil
				}),
			}})
	}
}

// Record fills the error record of a throw of the exception.
func (x *Exception) Record(rec *object.ErrorRecord) {
	rec.Message = x.message
	rec.ErrorID = x.message
	rec.ExceptionFullType = x.typeName
	rec.ExceptionType = object.ShortName(x.typeName)
	rec.Category = object.OperationStopped
	if in, ok := dotnet.Bare(x.inner).(*Exception); ok {
		rec.InnerException, rec.InnerMessage = in.typeName, in.message
	}
}
