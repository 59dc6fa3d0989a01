package members

import (
	"fmt"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// CallError is the error PowerShell reports at ext for a failed call of
// method name with n arguments (or a failed assignment to a property,
// n = 1): an exception the member threw becomes a
// MethodInvocationException, a missing method or overload, a refused
// feature or a failed conversion their own records; an error the
// interpreter already raised passes unchanged.
func CallError(err error, ext syntax.Extent, name string, n int) error {
	if memlimit.IsOutOfMemory(err) {
		// A .NET exception in a method becomes a MethodInvocationException
		// whose error ID is the exception's short type name.
		return pserror.Runtime(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, err.Error()), "OutOfMemoryException", object.NotSpecified, "MethodInvocationException")
	}
	switch e := err.(type) {
	case *pserror.Error:
		return e
	case *dotnet.MethodNotFound:
		return pserror.InvalidOperation(ext, e.Error(), "MethodNotFound")
	case *dotnet.MethodException:
		return InvocationError(ext, e, name, n)
	case *dotnet.TypedException:
		pe := InvocationError(ext, &dotnet.MethodException{Msg: e.Msg}, name, n)
		pe.Record.ErrorID = object.ShortName(e.Type)
		pe.Record.InnerException = e.Type
		return pe
	case *dotnet.MethodBindError:
		return pserror.Runtime(ext, e.Msg, e.ID, object.NotSpecified, "MethodException")
	case *dotnet.NotSupportedError:
		return pserror.Runtime(ext, e.Msg, "ExosimNotSupported", object.NotImplemented, "NotSupportedException")
	case *dotnet.ConversionError:
		return pserror.Runtime(ext, e.Msg, dotnet.CastErrorID(e.Msg), object.InvalidArgument, "PSInvalidCastException")
	case *ops.Error:
		return pserror.Runtime(ext, e.Msg, "RuntimeException", object.InvalidOperation, "RuntimeException")
	}
	return pserror.Runtime(ext, err.Error(), "MethodInvocationException", object.NotSpecified, "MethodInvocationException")
}

// InvocationError is PowerShell's MethodInvocationException around an
// exception a .NET method (or operator method) threw.
func InvocationError(ext syntax.Extent, e *dotnet.MethodException, name string, n int) *pserror.Error {
	inner := e.ExceptionType()
	pe := pserror.Runtime(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, e.Msg), object.ShortName(inner), object.NotSpecified, "MethodInvocationException")
	pe.Record.ExceptionFullType = "System.Management.Automation.MethodInvocationException"
	pe.Record.InnerException, pe.Record.InnerMessage = inner, e.Msg
	return pe
}

// GetterError is PowerShell's GetValueInvocationException around an
// exception a .NET property getter threw.
func GetterError(ext syntax.Extent, e *dotnet.MethodException, name string) *pserror.Error {
	pe := pserror.Runtime(ext, fmt.Sprintf("Exception getting \"%s\": \"%s\"", name, e.Msg), "CatchFromBaseAdapterGetValueTI", object.NotSpecified, "GetValueInvocationException")
	pe.Record.ExceptionFullType = "System.Management.Automation.GetValueInvocationException"
	pe.Record.InnerException, pe.Record.InnerMessage = e.ExceptionType(), e.Msg
	return pe
}
