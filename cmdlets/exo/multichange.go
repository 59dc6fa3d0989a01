package exo

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// MultiChange is a MultiValuedProperty argument of a Set-* cmdlet: a list
// that replaces the values (Replace, Values) or @{Add=...; Remove=...}.
type MultiChange struct {
	Replace     bool
	Values      []string
	Add, Remove []string
}

// ReadMultiChange interprets a MultiValuedProperty argument; its error
// words a hashtable key Exchange refuses.
func ReadMultiChange(v any) (MultiChange, error) {
	if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
		var mc MultiChange
		for _, e := range h.Entries() {
			switch strings.ToLower(object.ToInvariantString(e.Key)) {
			case "add", "+":
				mc.Add = append(mc.Add, ValueStrings(e.Value)...)
			case "remove", "-":
				mc.Remove = append(mc.Remove, ValueStrings(e.Value)...)
			default:
				return mc, fmt.Errorf("The hash table key '%s' isn't valid. Valid keys are Add and Remove.", object.ToInvariantString(e.Key))
			}
		}
		return mc, nil
	}
	return MultiChange{Replace: true, Values: ValueStrings(v)}, nil
}

// Apply applies the change to current (case-insensitive comparisons).
func (mc MultiChange) Apply(current []string) []string {
	if mc.Replace {
		return Dedupe(mc.Values)
	}
	out := append([]string(nil), current...)
	for _, a := range mc.Add {
		if !ContainsFold(out, a) {
			out = append(out, a)
		}
	}
	for _, r := range mc.Remove {
		out = RemoveFold(out, r)
	}
	return out
}

// Dedupe is in without its repeated values (compared without regard to
// case), the first of each kept, in order.
func Dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if !ContainsFold(out, s) {
			out = append(out, s)
		}
	}
	return out
}
