package command

import (
	"time"

	"github.com/exosim/exosim/shell/object"
)

// InvocationParam is one parameter of an observed invocation, as bound
// (or, for an invocation that never bound, as written).
type InvocationParam struct {
	// Name is the declared parameter name (or the name as typed when the
	// command refused it).
	Name string
	// Value is the bound value; for a refused command it is the argument's
	// source text, never evaluated.
	Value any
	// Sensitive marks passwords, SecureStrings and credentials: observers
	// must not record their value.
	Sensitive bool
	// Common marks PowerShell's common parameters (-WhatIf, -Confirm,
	// -ErrorAction ...).
	Common bool
}

// InvocationEvent describes one cmdlet invocation: once per pipeline
// object a cmdlet processes (once when it takes no input), or once for an
// invocation that failed before it ran (not granted, binding failed).
type InvocationEvent struct {
	// Command is the command's full declaration (every parameter, whatever
	// the session's gates hide).
	Command *Command
	// InvocationName is the name it was called by.
	InvocationName string
	// Params are the parameters in declaration order, then the common
	// parameters given.
	Params []InvocationParam
	// Start is the session clock when the invocation began.
	Start time.Time
	// Err is the first error the invocation wrote or the terminating
	// error it returned; nil when it succeeded.
	Err *object.ErrorRecord
	// Refused is true when the command or one of the parameters exists
	// but a command or parameter gate of this session hides it (the
	// caller saw an unknown-term or unknown-parameter error).
	Refused bool
	// Note is what an observer attached to the invocation while it ran
	// (SetInvocationNote); nil otherwise.
	Note any
	// Declined is true when ShouldProcess answered no during the
	// invocation (-WhatIf, or a confirmation the user declined), so it
	// skipped the work it asked about.
	Declined bool
	// Unbound is true when the arguments did not bind: the command never
	// ran (Err is the binding error).
	Unbound bool
}

// InvocationHook observes invocations of the commands match selects.
type InvocationHook func(ev InvocationEvent)
