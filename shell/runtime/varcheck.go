package runtime

import "github.com/exosim/exosim/shell/validate"

// checkAutomatic gives the automatic variables PowerShell creates with
// validation attributes their checks: $MaximumHistoryCount takes only
// values within [ValidateRange(1, 32767)].
func (rt *Runtime) checkAutomatic() {
	if v := rt.global.Lookup("MaximumHistoryCount"); v != nil {
		v.Valid = rt.valid(validate.Attribute{Name: "ValidateRange", Args: []any{1, 32767}})
	}
}

// valid is the check of a variable's validation attribute a: whether a
// value passes it. The check is built the first time it runs.
func (rt *Runtime) valid(a validate.Attribute) func(any) bool {
	var check validate.Validator
	return func(v any) bool {
		if check == nil {
			c, err := validate.New(rt.binding(), a)
			if err != nil || c == nil {
				return true
			}
			check = c
		}
		msg, err := check(rt.binding(), v)
		return msg == "" && err == nil
	}
}
