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

func (*returnSignal) Error() string { return "return" }
func (e *ExitSignal) Error() string { return fmt.Sprintf("exit %d", e.Code) }
