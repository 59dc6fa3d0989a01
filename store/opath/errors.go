package opath

import (
	"strconv"
	"strings"
)

// syntaxHelp is the fixed part of Exchange's invalid-filter text. A real
// example (a RecipientFilter rejected by New-EmailAddressPolicy, quoted on
// Microsoft Q&A) shows the three parts on separate lines:
//
//	Invalid filter syntax.
//	For a description of the filter parameter syntax see the command help.
//	"<filter>" at position 17.
const syntaxHelp = "Invalid filter syntax.\nFor a description of the filter parameter syntax see the command help.\n"

// SyntaxError reports a filter that Exchange's OPATH parser rejects.
//
// Position is 1-based and counted in UTF-16 code units (the unit of a .NET
// string index), pointing at the first character of the token the parser
// could not accept. An error at the end of the input (a missing value or a
// missing closing parenthesis) has Position len+1, where len is the length of
// Filter in UTF-16 code units.
type SyntaxError struct {
	Filter   string // the filter text exactly as given
	Position int    // 1-based position of the offending token
	Message  string // Exchange's text, including the filter and the position
}

func newSyntaxError(filter string, pos int) *SyntaxError {
	return &SyntaxError{
		Filter:   filter,
		Position: pos,
		Message:  syntaxHelp + `"` + filter + `" at position ` + strconv.Itoa(pos) + ".",
	}
}

// Error returns the message PowerShell shows when the filter is bound to a
// parameter named Filter.
func (e *SyntaxError) Error() string { return BindingMessage("Filter", e) }

// UnknownPropertyError reports a property name that is not filterable.
// Exchange accepts any word as a property while parsing and rejects it when
// the filter is bound, naming the property in double quotes and then listing
// the valid names.
type UnknownPropertyError struct {
	Property string   // the name as written in the filter
	Valid    []string // the filterable names, listed after the message; may be empty
}

// Message returns Exchange's text for the error, without the parameter
// binding prefix.
func (e *UnknownPropertyError) Message() string {
	var b strings.Builder
	b.WriteString(`"`)
	b.WriteString(e.Property)
	b.WriteString(`" is not a recognized filterable property.`)
	if len(e.Valid) > 0 {
		b.WriteString(" Valid property names are: ")
		b.WriteString(strings.Join(e.Valid, ", "))
	}
	return b.String()
}

// Error returns the message PowerShell shows when the filter is bound to a
// parameter named Filter.
func (e *UnknownPropertyError) Error() string { return BindingMessage("Filter", e) }

// ConversionError reports a filter value that cannot be converted to the type
// of the property it is compared with (a boolean, date, number or enumeration).
type ConversionError struct {
	Property string // the property the value was compared with
	Value    string // the value as written in the filter (without quotes)
	Type     string // the .NET type name, e.g. System.Boolean
}

// Message returns the text for the error, without the parameter binding
// prefix.
func (e *ConversionError) Message() string {
	return `The value "` + e.Value + `" could not be converted to type ` + e.Type + "."
}

// Error returns the message PowerShell shows when the filter is bound to a
// parameter named Filter.
func (e *ConversionError) Error() string { return BindingMessage("Filter", e) }

// WildcardError reports a -like/-notlike pattern with a wildcard in the middle
// of the value, which the Get-EXO* cmdlets document as unsupported (wildcards
// are allowed only at the beginning and/or the end of the value). The wording
// is the simulator's own: no real message text was found.
type WildcardError struct {
	Property string
	Value    string
}

// Message returns the text for the error, without the parameter binding
// prefix.
func (e *WildcardError) Message() string {
	return `The value "` + e.Value + `" of property "` + e.Property +
		`" has a wildcard (*) in the middle. Wildcards are supported only at the beginning or the end of the value.`
}

// Error returns the message PowerShell shows when the filter is bound to a
// parameter named Filter.
func (e *WildcardError) Error() string { return BindingMessage("Filter", e) }

// BindingMessage returns the text PowerShell shows when setting a filter
// parameter (Filter, RecipientFilter, RawQuery, ...) fails with err:
//
//	Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "<message>"
//
// For errors not from this package it wraps err.Error().
func BindingMessage(param string, err error) string {
	var msg string
	switch e := err.(type) {
	case *SyntaxError:
		msg = e.Message
	case *UnknownPropertyError:
		msg = e.Message()
	case *ConversionError:
		msg = e.Message()
	case *WildcardError:
		msg = e.Message()
	default:
		msg = err.Error()
	}
	return "Cannot bind parameter '" + param + "' to the target. Exception setting \"" + param + "\": \"" + msg + "\""
}
