// Package command is the shell's command model: a command's declaration
// (Command, its parameters and help), the code behind it (Handler), what
// that code receives when it runs (Context), and the typed places where
// commands keep their data per session (Slot) and per invocation
// (InvocationSlot), and a session's table of commands by name (Catalog).
// The runtime binds and runs commands; this package
// knows nothing of how, and reaches the running pipeline through the
// Processor and Session interfaces the runtime implements.
package command

import (
	"strings"

	"github.com/exosim/exosim/shell/params"
)

// CommandType is Get-Command's CommandType.
type CommandType int

// Command types.
const (
	// CmdletCommand is a compiled cmdlet (PowerShell's own utility cmdlets).
	CmdletCommand CommandType = iota
	// FunctionCommand is a function: script functions, and the Exchange
	// Online module's proxy functions (which is what EXO cmdlets are).
	FunctionCommand
	// AliasCommand is an alias.
	AliasCommand
)

func (t CommandType) String() string {
	switch t {
	case FunctionCommand:
		return "Function"
	case AliasCommand:
		return "Alias"
	}
	return "Cmdlet"
}

// Impact is a ConfirmImpact level.
type Impact int

// Confirm impact levels.
const (
	ImpactNone Impact = iota
	ImpactLow
	ImpactMedium
	ImpactHigh
)

// Example is one Get-Help example.
type Example struct {
	Code   string
	Remark string
}

// Handler is the code behind a cmdlet. Begin and End are optional. Process
// runs once per pipeline input object, or once with no input when the
// command is first in its pipeline.
type Handler struct {
	Begin   func(c *Context) error
	Process func(c *Context) error
	End     func(c *Context) error
}

// Command is a cmdlet declaration: the one source of truth that the binder,
// Get-Command, Get-Help, tab completion and the linter read.
type Command struct {
	Name    string
	Type    CommandType
	Module  string
	Version string
	// Sets lists the parameter-set names in order; empty means a single
	// unnamed set.
	Sets       []string
	DefaultSet string
	Params     []*params.Param
	// SupportsShouldProcess adds -WhatIf and -Confirm.
	SupportsShouldProcess bool
	ConfirmImpact         Impact
	// FullTypeName is the suffix of FullyQualifiedErrorId for compiled
	// cmdlets (Microsoft.PowerShell.Commands.GetDateCommand).
	FullTypeName string
	// OutputType names the objects the command writes (help).
	OutputType string
	// OutputTypes are the types a script function's [OutputType()]
	// attributes name, in order, each as PowerShell's PSTypeName names
	// it: the full name of a type literal, a string as written (nil: the
	// command declares only OutputType).
	OutputTypes []string
	Synopsis    string
	Description string
	Examples    []Example
	// Remote marks cmdlets of an implicit-remoting session: their
	// confirmation prompt has no [S] Suspend choice.
	Remote bool
	// Proxies, when set, is the name of the command this one stands for
	// under another name (an implicit-remoting command imported with a
	// noun prefix): what is decided by a command's name (which are
	// allowed, which are recorded) goes by it (Base).
	Proxies string
	// Retired marks commands that still exist but can no longer be used;
	// it says what to use instead (the linter reports them).
	Retired string
	// Ext is what the application keeps with the command; the shell
	// never reads it.
	Ext any
	// NotSimulated marks a real command the session declares but does not
	// model: a call binds its parameters, then fails saying so (the linter
	// notes it under --strict).
	NotSimulated bool
	// TestDouble marks a command a test framework runs in place of
	// another of the same name (a mock): invocation hooks do not observe
	// it, so a mocked call is not taken for a call of the real command.
	TestDouble bool
	// AcceptsAnyArguments binds as a function without a param() block:
	// arguments that name no parameter, and positional ones no parameter
	// takes, go to Context.Args instead of failing.
	AcceptsAnyArguments bool
	// Visible, when set, decides per session whether the command exists
	// (connection state, roles).
	Visible func(s Session) bool
	Handler Handler
	// Load, when set, completes the declaration (sets, parameters) the
	// first time a session resolves the command: a command declared from
	// a large table is registered by name and built only when used.
	Load func(c *Command)

	paramIndex map[string]*params.Param
	// positional lists, once worked out, the parameters that have a
	// position in some set.
	positional []params.Positional
	// keys are the lower-case names of Params, once worked out.
	keys []string
	// lazy is set on the stand-in of a command declared lazily (lazy.go).
	lazy *lazyGroup
}

// Signature is what the binding rules of shell/params read of c; the
// positional parameters are worked out once.
func (c *Command) Signature() params.Signature {
	if c.positional == nil {
		c.positional = params.PositionalOf(c.Params)
	}
	return params.Signature{Params: c.Params, Sets: c.SetNames(), DefaultSet: c.DefaultSet, ShouldProcess: c.SupportsShouldProcess, Positional: c.positional}
}

// Complete completes a command whose declaration is finished on first
// use (see Load); it is a no-op for any other command.
func (c *Command) Complete() {
	if c.Load != nil {
		l := c.Load
		c.Load = nil
		l(c)
	}
}

// ParamKeys returns the binding keys (lower-case names) of c.Params, in
// the same order.
func (c *Command) ParamKeys() []string {
	if len(c.keys) != len(c.Params) {
		keys := make([]string, len(c.Params))
		for i, p := range c.Params {
			keys[i] = strings.ToLower(p.Name)
		}
		c.keys = keys
	}
	return c.keys
}

// Verb returns the part before the dash.
// Base is the name of the command this one is: the command it stands for
// (Proxies), else its own name.
func (c *Command) Base() string {
	if c.Proxies != "" {
		return c.Proxies
	}
	return c.Name
}

func (c *Command) Verb() string {
	if i := strings.IndexByte(c.Name, '-'); i > 0 {
		return c.Name[:i]
	}
	return ""
}

// Noun returns the part after the dash.
func (c *Command) Noun() string {
	if i := strings.IndexByte(c.Name, '-'); i > 0 {
		return c.Name[i+1:]
	}
	return c.Name
}

// Param returns the declared (non-common) parameter with this exact name.
func (c *Command) Param(name string) *params.Param {
	if c.paramIndex == nil {
		c.paramIndex = make(map[string]*params.Param, len(c.Params))
		for _, p := range c.Params {
			c.paramIndex[strings.ToLower(p.Name)] = p
		}
	}
	return c.paramIndex[strings.ToLower(name)]
}

// SetNames returns the command's parameter sets (one unnamed set when none
// are declared).
func (c *Command) SetNames() []string {
	if len(c.Sets) == 0 {
		return []string{params.AllSets}
	}
	return c.Sets
}

// SetParams replaces the declared parameters, dropping what was worked
// out from the old ones.
func (c *Command) SetParams(ps []*params.Param) {
	c.Params = ps
	c.paramIndex = nil
	c.positional = nil
	c.keys = nil
}

// Without returns c without the parameters hide selects: c itself when
// it selects none, else a copy (the command as a session whose gates hide
// some parameters sees it).
func (c *Command) Without(hide func(p *params.Param) bool) *Command {
	var kept []*params.Param
	hidden := false
	for _, p := range c.Params {
		if hide(p) {
			hidden = true
		} else {
			kept = append(kept, p)
		}
	}
	if !hidden {
		return c
	}
	cp := *c
	cp.SetParams(kept)
	return &cp
}
