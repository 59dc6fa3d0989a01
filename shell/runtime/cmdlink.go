package runtime

import (
	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
)

// The command processor (shell/runtime/cmdproc) runs each command of a
// pipeline; a cmdlet's Context reaches it through the command.Processor
// interface, and it reaches the session through procSession.

// Of returns the session a command runs in.
func Of(c *command.Context) *Runtime { return c.Session().(*Runtime) }

// procOf returns the processor running c.
func procOf(c *command.Context) *cmdproc.Processor { return c.Processor().(*cmdproc.Processor) }

// Slots returns the session's slot values (command.Slot).
func (rt *Runtime) Slots() *command.Slots { return &rt.slots }

// newProcessor returns a command processor of the session that sets
// *hadError when its command fails.
func (rt *Runtime) newProcessor(hadError *bool) *cmdproc.Processor {
	return cmdproc.New(procSession{rt}, hadError)
}

// procSession is the session as a command processor sees it
// (cmdproc.Session).
type procSession struct{ rt *Runtime }

func (s procSession) Command() command.Session                        { return s.rt }
func (s procSession) Scope() *Scope                                   { return s.rt.scope }
func (s procSession) Preference(name string) string                   { return s.rt.preference(name) }
func (s procSession) CheckGrowth() error                              { return s.rt.checkGrowth() }
func (s procSession) Depth() int                                      { return s.rt.depth }
func (s procSession) Deeper(n int)                                    { s.rt.depth += n }
func (s procSession) Binding() binder.Session                         { return s.rt.binding() }
func (s procSession) Console() binder.Console                         { return console{s.rt} }
func (s procSession) Host() hostui.Session                            { return hostSession{s.rt} }
func (s procSession) Streams() redirect.Host                          { return streamHost{s.rt} }
func (s procSession) ResumeAfterPrompt()                              { s.rt.resumeAfterPrompt() }
func (s procSession) Observed(c *command.Command) bool                { return s.rt.observed(c) }
func (s procSession) Fire(ev command.InvocationEvent)                 { s.rt.fire(ev) }
func (s procSession) FullCommand(c *command.Command) *command.Command { return s.rt.fullCommand(c) }
func (s procSession) Signal(err error) bool                           { return isSignal(err) }
func (s procSession) BeginScript(pr *cmdproc.Processor) error         { return s.rt.beginScript(pr) }

func (s procSession) StampStack(rec *object.ErrorRecord, here *object.Position) {
	s.rt.stampStack(rec, here)
}

// PushRunning marks pr as the command whose code runs now: commands
// created meanwhile (by its script, or a script block it invokes) write
// their streams through it. The returned function undoes it.
func (s procSession) PushRunning(pr *cmdproc.Processor) func() {
	rt := s.rt
	rt.running = append(rt.running, pr)
	n := len(rt.running)
	return func() { rt.running = rt.running[:n-1] }
}
