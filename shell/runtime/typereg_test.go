package runtime_test

import (
	"testing"

	"github.com/exosim/exosim/shell/runtime"
)

// A later registration of the same full name wins, whether the first one
// is still queued (no type has been looked up yet) or already registered.
func TestTypeRegistrationLaterWins(t *testing.T) {
	first := &runtime.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}}
	second := &runtime.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}, ValueType: true}
	runtime.RegisterType(first)
	runtime.RegisterType(second)
	if ti := runtime.TypeByName("Exosim.Test.Queued"); ti == nil || ti.Def() != second {
		t.Fatalf("lookup gives %+v, want the later registration", ti)
	}
	third := &runtime.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}}
	runtime.RegisterType(third)
	if ti := runtime.TypeByName("Exosim.Test.Queued"); ti == nil || ti.Def() != third {
		t.Fatalf("after a lookup, lookup gives %+v, want the latest registration", ti)
	}
}
