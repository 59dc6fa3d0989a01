package runtime_test

import (
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// Parameter types an application defines, as the binder tests declare
// them: the shell has none of its own.
var (
	// kindName names an object the handler looks up: one value, kept as
	// given, never empty.
	kindName = &params.CustomKind{Name: "name", Single: true}
	// kindList takes its argument whole, a list or a hashtable.
	kindList = &params.CustomKind{Name: "list", Whole: true}
	// kindOpaque is read by the handler alone ("Unlimited", "50GB").
	kindOpaque = &params.CustomKind{Name: "opaque"}

	tItemID = &params.Type{Kind: params.KindCustom, Custom: kindName, Name: "ItemIdParameter", FullName: "ItemIdParameter"}
	tList   = &params.Type{Kind: params.KindCustom, Custom: kindList, Name: "ValueList", FullName: "Test.ValueList"}
	tQuota  = &params.Type{Kind: params.KindCustom, Custom: kindOpaque, Name: "Quota", FullName: "Test.Quota"}
	tLimit  = &params.Type{Kind: params.KindCustom, Custom: kindOpaque, Name: "Limit", FullName: "Test.Limit"}
	// tDays is a time span where a bare whole number means days.
	tDays = &params.Type{Kind: params.KindTimeSpan, Name: "Days", FullName: "Test.Days", Convert: func(v any) (any, bool) {
		if n, ok := v.(int); ok {
			return object.TimeSpan(n) * object.TicksPerDay, true
		}
		return nil, false
	}}
)
