package params_test

import (
	"testing"

	"github.com/exosim/exosim/shell/params"
)

// sig declares Get-Thing -Identity (position 0 in ById) | -Name
// (position 0 in ByName, mandatory there) -Force, with ShouldProcess.
func sig() *params.Signature {
	ps := []*params.Param{
		params.P("Identity", params.TString, params.InSets(params.Set("ById", true, 0))),
		params.P("Name", params.TString, params.InSets(params.Set("ByName", true, 0))),
		params.P("Force", params.TSwitch),
		params.P("Rest", params.TObjects, params.RemainingArgs()),
	}
	return &params.Signature{Params: ps, Sets: []string{"ById", "ByName"}, DefaultSet: "ById", ShouldProcess: true, Positional: params.PositionalOf(ps)}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typed string
		want  []string
		ok    bool
	}{
		{"Identity", []string{"Identity"}, true},
		{"id", []string{"Identity"}, true},
		{"f", []string{"Force"}, true},
		{"ea", []string{"ErrorAction"}, true},
		{"wh", []string{"WhatIf"}, true},
		{"Warn", []string{"WarningAction", "WarningVariable"}, false},
		{"Nope", nil, false},
	} {
		got, ok := params.Match(sig(), tc.typed, true)
		var names []string
		for _, c := range got {
			names = append(names, c.Name())
		}
		if ok != tc.ok || len(names) != len(tc.want) || (len(names) > 0 && names[0] != tc.want[0]) {
			t.Errorf("Match(%s) = %v %v, want %v %v", tc.typed, names, ok, tc.want, tc.ok)
		}
	}
	if _, ok := params.Match(&params.Signature{Params: sig().Params}, "WhatIf", true); ok {
		t.Error("-WhatIf without ShouldProcess")
	}
}

func TestPositionAndSets(t *testing.T) {
	t.Parallel()
	s := sig()
	none := func(string) bool { return false }
	native := func(tp *params.Type, v any) bool {
		_, isStr := v.(string)
		return isStr && tp.Kind == params.KindString
	}
	if p := params.Next(s, []string{"ById"}, none, "x", native); p == nil || p.Name != "Identity" {
		t.Errorf("next positional in ById: %v", p)
	}
	if p, certain := params.NextUnknown(s, s.Sets, none); p == nil || certain {
		t.Errorf("two sets share position 0: %v certain=%v", p, certain)
	}
	bound := func(n string) bool { return n == "identity" }
	if p := params.Next(s, []string{"ById"}, bound, "x", native); p != nil {
		t.Errorf("nothing positional is left: %v", p.Name)
	}
	if p := params.Remaining(s, []string{"ById"}, bound); p == nil || p.Name != "Rest" {
		t.Errorf("remaining arguments: %v", p)
	}
	if set := params.ChooseSet(s, s.Sets, func(n string) bool { return n == "name" }, false); set != "ByName" {
		t.Errorf("the set whose mandatory parameter is bound: %q", set)
	}
	if set := params.ChooseSet(s, s.Sets, none, false); set != "ById" {
		t.Errorf("no set satisfied: the default, got %q", set)
	}
}
