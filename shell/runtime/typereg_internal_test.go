package runtime

import "testing"

// Type registration waits for the first lookup and keeps the order the
// registrations were made in: a later one of the same name wins even when
// an earlier one was queued by a declaring function.
func TestTypeRegistrationWaitsForALookup(t *testing.T) {
	first := &TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}}
	second := &TypeDef{FullName: "Exosim.Test.Queued", Aliases: []string{"exosimtestqueued"}, ValueType: true}
	typesLater(func() { RegisterType(first) })
	RegisterType(second)
	registry.RLock()
	_, early := registry.defs["exosim.test.queued"]
	registry.RUnlock()
	if early {
		t.Fatal("a queued type was registered before any lookup")
	}
	if d := lookupDef("exosimtestqueued", 0); d != second {
		t.Fatalf("lookup gives %+v, want the later registration", d)
	}
	if pendingTypes.waiting.Load() || len(pendingTypes.fns) != 0 {
		t.Error("the queue is not empty after a lookup")
	}
}
