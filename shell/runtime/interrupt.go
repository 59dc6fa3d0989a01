package runtime

import "sync/atomic"

// interrupted is set by Interrupt (Ctrl+C while a command line runs) and
// checked at every statement and every object passed down a pipeline.
type interruptFlag struct{ on atomic.Bool }

// stopSignal unwinds a command line stopped by Ctrl+C; PowerShell returns
// to the prompt without an error record.
type stopSignal struct{}

func (*stopSignal) Error() string { return "The pipeline has been stopped." }

// Interrupt asks the running command line to stop (Ctrl+C). It is safe to
// call from another goroutine.
func (rt *Runtime) Interrupt() { rt.interrupt.on.Store(true) }

// checkInterrupt returns the stop signal once Interrupt was called.
func (rt *Runtime) checkInterrupt() error {
	if rt.interrupt.on.Load() {
		return &stopSignal{}
	}
	return nil
}
