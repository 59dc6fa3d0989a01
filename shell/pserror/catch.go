package pserror

import (
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Catches tells whether a catch clause naming types (none: any error)
// catches the error of rec: Exception and SystemException catch all,
// RuntimeException catches what throw raised and the engine's runtime
// errors, and a type catches its own exception, by full or short name,
// and a runtime exception wrapping it.
func Catches(types []*syntax.TypeName, rec *object.ErrorRecord) bool {
	if len(types) == 0 {
		return true
	}
	for _, t := range types {
		name := strings.ToLower(strings.TrimPrefix(t.Name, "System."))
		ex := strings.ToLower(rec.ExceptionFullType)
		if ex == "" {
			ex = strings.ToLower(rec.ExceptionType)
		}
		short := strings.ToLower(rec.ExceptionType)
		switch name {
		case "exception", "systemexception":
			return true
		case "management.automation.runtimeexception", "runtimeexception":
			if rec.FromThrow || short == "runtimeexception" {
				return true
			}
		}
		if strings.HasSuffix(ex, strings.ToLower(t.Name)) || strings.EqualFold(short, object.ShortName(t.Name)) {
			return true
		}
		// a runtime exception that wraps a .NET exception is caught by
		// the wrapped exception's type too
		if in := strings.ToLower(rec.InnerException); in != "" && (in == strings.ToLower(t.Name) || strings.HasSuffix(in, "."+strings.ToLower(t.Name))) {
			return true
		}
	}
	return false
}
