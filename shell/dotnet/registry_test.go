package dotnet_test

import (
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
)

// A later registration of the same full name wins, whether the first one
// is still queued (no type has been looked up yet) or already registered.
func TestTypeRegistrationLaterWins(t *testing.T) {
	first := &dotnet.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}}
	second := &dotnet.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}, ValueType: true}
	dotnet.RegisterType(first)
	dotnet.RegisterType(second)
	if ti := dotnet.TypeByName("Exosim.Test.Queued"); ti == nil || ti.Def() != second {
		t.Fatalf("lookup gives %+v, want the later registration", ti)
	}
	third := &dotnet.TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}}
	dotnet.RegisterType(third)
	if ti := dotnet.TypeByName("Exosim.Test.Queued"); ti == nil || ti.Def() != third {
		t.Fatalf("after a lookup, lookup gives %+v, want the latest registration", ti)
	}
}
