package pserror

import (
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// Frame is one frame of a call stack: the name it shows (a function's
// name; "<ScriptBlock>" for a script file, a script block or interactive
// input) and where it stands now.
type Frame struct {
	Name string
	At   *object.Position
}

// StackTrace is an error record's ScriptStackTrace: the frames,
// innermost first, one a line, "at <name>, <script path>: line <n>", the
// path "<No file>" for interactive input.
func StackTrace(frames []Frame) string {
	var b strings.Builder
	for i, f := range frames {
		if i > 0 {
			b.WriteByte('\n')
		}
		file, line := "<No file>", 0
		if f.At != nil {
			line = f.At.Line
			if f.At.ScriptPath != "" {
				file = f.At.ScriptPath
			}
		}
		b.WriteString("at " + f.Name + ", " + file + ": line " + strconv.Itoa(line))
	}
	return b.String()
}
