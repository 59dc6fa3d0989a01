package runtime

import (
	"fmt"
)

type returnSignal struct {
	// value is what a return in a class method gives back; other
	// returns write theirs to the output.
	value any
}

// ExitSignal ends the script with a code (the exit statement).
type ExitSignal struct{ Code int }

// stopUpstream asks the commands before from (Select-Object -First) to
// stop: they produce nothing more and do not complete; from and the
// commands after it complete normally.
type stopUpstream struct{ from *cmdProcessor }

// Is makes every stop request match ErrStopUpstream.
func (*stopUpstream) Is(target error) bool {
	_, ok := target.(*stopUpstream)
	return ok
}

func (*returnSignal) Error() string { return "return" }
func (e *ExitSignal) Error() string { return fmt.Sprintf("exit %d", e.Code) }
func (*stopUpstream) Error() string { return "pipeline stopped" }
