package params

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// Actions are the names of System.Management.Automation.ActionPreference
// in the order of their values: what -ErrorAction, -WarningAction and the
// other action parameters and preference variables take.
var Actions = []string{"SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"}

// NormalizeAction gives an action preference's canonical name, from an
// enum value, its number or its name in any case; other text is returned
// as it is.
func NormalizeAction(v any) string {
	switch x := v.(type) {
	case object.Enum:
		return x.Name
	case int:
		return actionByNumber(x)
	case int64:
		return actionByNumber(int(x))
	}
	s := object.ToInvariantString(v)
	for _, a := range Actions {
		if strings.EqualFold(a, s) {
			return a
		}
	}
	return s
}

func actionByNumber(n int) string {
	if n >= 0 && n < len(Actions) {
		return Actions[n]
	}
	return fmt.Sprint(n)
}
