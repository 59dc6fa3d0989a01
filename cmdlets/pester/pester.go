// Package pester is exosim's Pester 5: the test framework's commands
// (Describe, Context, It, the setup and teardown blocks, Should, Mock,
// InModuleScope, Invoke-Pester, New-PesterConfiguration ...) over the
// session's interpreter, and the runner behind them and `exosim test`.
//
// A run discovers its test files first (the code outside It and the setup
// blocks runs then; It bodies do not) and then runs what it found as
// Pester 5 does: each block in a new scope with its BeforeAll dot-sourced
// into it, each test in a scope of its own with the BeforeEach, the body
// and the AfterEach of its blocks dot-sourced into it. Every Describe
// starts from the tenant as its parent block left it after its BeforeAll
// (for a top-level Describe: as the run found it, or as the file's own
// BeforeAll left it), so changes never leak from one Describe to the
// next; a Context shares its Describe's tenant (one at the top of a file
// is isolated as a Describe is). When the run ends the tenant is as the
// run found it.
//
// The console report, the failure messages, the exit code and the JUnit
// and NUnit 2.5 files follow Pester 5.7.
package pester

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
)

// Module is the module the Pester commands belong to, at the version
// whose behaviour they follow.
const (
	Module  = "Pester"
	Version = "5.7.1"
)

// runSlot holds the session's run in progress.
var runSlot = command.NewSlot[*run]()

// function declares a Pester command: Pester's commands are functions
// of its script module.
func function(name string) *command.Command {
	return &command.Command{Name: name, Type: command.FunctionCommand, Module: Module, Version: Version}
}

// Cmdlets declares the Pester commands by name: a session builds them
// the first time it uses one, so a session that runs no test does not.
var Cmdlets = command.Table{Groups: []command.Group{{Names: []string{"Describe", "Context", "It",
	"BeforeAll", "AfterAll", "BeforeEach", "AfterEach",
	"BeforeDiscovery", "Should", "Mock", "Set-ItResult", "InModuleScope",
	"Invoke-Pester", "New-PesterConfiguration", "New-PesterContainer", "Assert-MockCalled", "Assert-VerifiableMock"}, Build: commands}}}

// commands builds the Pester commands.
func commands() []*command.Command {
	return []*command.Command{
		blockCommand("Describe"), blockCommand("Context"), itCommand(),
		setupCommand("BeforeAll"), setupCommand("AfterAll"), setupCommand("BeforeEach"), setupCommand("AfterEach"),
		beforeDiscoveryCommand(), shouldCommand(), mockCommand(), setItResultCommand(), inModuleScopeCommand(),
		invokePesterCommand(), newConfigurationCommand(), newContainerCommand(), assertMockCalledCommand(), assertVerifiableCommand(),
	}
}

// A session has the Pester commands when it declares Cmdlets and queues
// Types (cmdlets/registry does both with its other packages' tables and
// types).

// Commands returns the Pester commands as command values, and declares
// [PesterConfiguration] to the type system.
func Commands() []*command.Command {
	Types.Queue()
	return Cmdlets.StandIns()
}

// current returns the run in progress in a session, nil when none.
func current(rt *runtime.Runtime) *run {
	r, _ := runSlot.Get(rt)
	return r
}

// thrown is a terminating error as Pester's own throw statements raise
// it: a RuntimeException whose error ID is its message.
func thrown(msg string) error {
	return &pserror.Error{Record: &object.ErrorRecord{
		Message:           msg,
		ErrorID:           msg,
		Category:          object.OperationStopped,
		ExceptionType:     "RuntimeException",
		ExceptionFullType: "System.Management.Automation.RuntimeException",
		FromThrow:         true,
		Reason:            "RuntimeException",
	}}
}

// argumentError is a terminating error with an ArgumentException, as
// Pester's assertions raise for bad input.
func argumentError(msg string) error {
	return &pserror.Error{Record: &object.ErrorRecord{
		Message:           msg,
		ErrorID:           msg,
		Category:          object.OperationStopped,
		ExceptionType:     "ArgumentException",
		ExceptionFullType: "System.ArgumentException",
		FromThrow:         true,
		Reason:            "ArgumentException",
	}}
}

// scriptBlock returns a bound script block parameter (nil when unbound).
func scriptBlock(ctx *command.Context, name string) *automation.ScriptBlock {
	sb, _ := ctx.Value(name).(*automation.ScriptBlock)
	return sb
}

// tagsOf returns a bound tag list.
func tagsOf(ctx *command.Context, name string) []string {
	var out []string
	for _, t := range ctx.Strings(name) {
		if strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return out
}
