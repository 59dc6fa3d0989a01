// Package strict is Set-StrictMode's rules. Strict mode is a property of a
// scope: it applies there and in the scopes created below it, until one of
// them sets its own (the interpreter keeps the level). Version 1 refuses
// reading a variable that was never set (except inside an expandable
// string); version 2 also refuses that inside strings, reading a property
// an object does not have, and calling a function as if it were a method
// (f(1,2)); version 3 and later also refuse an array index out of bounds.
//
// Each check takes the level in effect and returns PowerShell's error, or
// nil when strict mode allows the operation; it does not import the
// runtime.
package strict

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Level is the strict-mode version Set-StrictMode -Version sets: "Latest"
// or a PowerShell version ("1.0", "2", "3.0" ...); "" or "0" turns it off
// (0). An invalid version returns the validation message.
func Level(version string) (int, error) {
	v := strings.TrimSpace(version)
	level := 0
	switch {
	case v == "" || v == "0" || v == "0.0":
	case strings.EqualFold(v, "latest"):
		level, _ = strconv.Atoi(strings.SplitN(prelude.Version, ".", 2)[0])
	default:
		if !strings.Contains(v, ".") {
			v += ".0"
		}
		if !prelude.ValidVersion(v) {
			return 0, fmt.Errorf("The \"%s\" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again.", v)
		}
		level, _ = strconv.Atoi(strings.SplitN(v, ".", 2)[0])
	}
	return level, nil
}

// automaticVariables are PowerShell's own variables: strict mode never
// refuses reading them, whether or not this session has set them.
var automaticVariables = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"_": true, "psitem": true, "args": true, "input": true, "this": true,
		"foreach": true, "switch": true, "pscmdlet": true, "myinvocation": true,
		"psboundparameters": true, "psscriptroot": true, "pscommandpath": true,
		"error": true, "?": true, "^": true, "$": true, "sender": true, "eventargs": true,
		"iswindows": true, "islinux": true, "ismacos": true, "iscoreclr": true,
		"host": true, "pwd": true, "pshome": true, "profile": true, "shellid": true,
		"executioncontext": true, "nestedpromptlevel": true, "psculture": true, "psuiculture": true,
	}
}}

// UndefinedVariable is strict mode's error for reading a variable that was
// never set, or nil when strict mode allows it. scopeName is the scope or
// drive the name was written with, bare the name without it; inString is
// set inside an expandable string.
func UndefinedVariable(level int, inString bool, x *syntax.VariableExpr, scopeName, bare string) error {
	if level == 0 || automaticVariables.Get()[strings.ToLower(bare)] {
		return nil
	}
	switch scopeName {
	case "", "global", "script", "local", "private":
	default:
		return nil // env:, variable:, function: read through their drives
	}
	if level == 1 && inString {
		return nil
	}
	return pserror.Runtime(x.Ext, fmt.Sprintf("The variable '$%s' cannot be retrieved because it has not been set.", x.Name), "VariableIsUndefined", object.InvalidOperation, "RuntimeException")
}

// Members tells whether a value has a member: the values strict mode does
// not know itself (a script's $PSCmdlet, a switch, any adapted object).
type Members func(target any, name string) bool

// Member is strict mode's check of reading a property: the object (or,
// for a collection read by member enumeration, each element) must have
// it. A dictionary's keys count as its properties.
func Member(level int, target any, name string, ext syntax.Extent, has Members) error {
	if level < 2 {
		return nil
	}
	notFound := func() error {
		return &pserror.Error{Record: &object.ErrorRecord{
			Message:           fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists.", name),
			ErrorID:           "PropertyNotFoundStrict",
			Category:          object.NotSpecified,
			ExceptionType:     "PropertyNotFoundException",
			ExceptionFullType: "System.Management.Automation.PropertyNotFoundException",
			Position:          pserror.Position(ext),
		}}
	}
	lname := strings.ToLower(name)
	switch lname {
	case "psobject", "pstypenames", "psbase", "psadapted", "psextended":
		return nil
	}
	switch t := target.(type) {
	case nil:
		return notFound()
	case []any, *object.List:
		switch lname {
		case "count", "length", "longlength", "rank", "issynchronized", "isfixedsize", "isreadonly", "syncroot", "capacity":
			return nil
		}
		items, _ := object.Elements(t)
		if len(items) == 0 {
			return pserror.Runtime(ext, fmt.Sprintf("The property '%s' cannot be found on this object. Verify that the property exists.", name), "PropertyNotFoundStrict", object.InvalidOperation, "RuntimeException")
		}
		for _, it := range items {
			if err := Member(level, it, name, ext, has); err != nil {
				return err
			}
		}
		return nil
	case *object.Hashtable:
		switch lname {
		case "count", "keys", "values", "isreadonly", "isfixedsize", "issynchronized", "syncroot", "comparer":
			return nil
		}
		if t.Has(name) {
			return nil
		}
		return notFound()
	case *dotnet.TypeValue:
		switch lname {
		case "name", "fullname", "basetype":
			return nil
		}
	case string:
		if lname == "length" {
			return nil
		}
	}
	if has(target, name) {
		return nil
	}
	return notFound()
}

// Index is strict mode 3's error for an index outside an array (list) or
// string, or nil.
func Index(level int, ext syntax.Extent, list bool) error {
	if level < 3 {
		return nil
	}
	if list {
		return pserror.Runtime(ext, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "System.ArgumentOutOfRangeException", object.OperationStopped, "ArgumentOutOfRangeException")
	}
	return pserror.Runtime(ext, "Index was outside the bounds of the array.", "System.IndexOutOfRangeException", object.OperationStopped, "IndexOutOfRangeException")
}

// MethodCall is strict mode's error for f(1,2): a command name directly
// followed by a parenthesised list, as if it were a method.
func MethodCall(level int, e *syntax.CommandExpr) error {
	if len(e.Elements) != 2 || level < 2 {
		return nil
	}
	p, ok := e.Elements[1].(*syntax.ParenExpr)
	if !ok {
		return nil
	}
	pl, ok := p.Stmt.(*syntax.Pipeline)
	if !ok || len(pl.Elements) != 1 {
		return nil
	}
	ce, ok := pl.Elements[0].(*syntax.CommandExprElement)
	if !ok {
		return nil
	}
	if _, isList := ce.Expr.(*syntax.ArrayLiteralExpr); !isList {
		return nil
	}
	head := e.Elements[0].Span()
	if head.End.Offset != p.Ext.Start.Offset {
		return nil
	}
	return pserror.Runtime(e.Ext, "The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.", "StrictModeFunctionCallWithParens", object.InvalidOperation, "RuntimeException")
}
