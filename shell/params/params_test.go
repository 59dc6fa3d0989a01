package params_test

import (
	"testing"

	"github.com/exosim/exosim/shell/params"
)

func TestDeclarations(t *testing.T) {
	t.Parallel()
	p := params.P("Identity", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline(), params.Alias("Id"))
	si, ok := p.InSet("AnySet")
	if !ok || !si.Mandatory || si.Position != 0 || !si.FromPipeline || p.Aliases[0] != "Id" {
		t.Errorf("P with options: %+v in any set: %v", si, ok)
	}
	q := params.P("Force", params.TSwitch, params.InSets(params.Set("ByName", false, -1)))
	if _, ok := q.InSet("byname"); !ok {
		t.Error("set names match in any case")
	}
	if _, ok := q.InSet("ById"); ok {
		t.Error("a parameter of one set is in another")
	}
	if !q.IsSwitch() || p.IsSwitch() {
		t.Error("IsSwitch")
	}
	custom := &params.CustomKind{Name: "identity", Single: true}
	ct := &params.Type{Kind: params.KindCustom, Custom: custom}
	for _, tc := range []struct {
		t             *params.Type
		single, whole bool
	}{
		{params.TString, true, false},
		{params.TObject, false, true},
		{params.EnumType("Color", "Color", "Red"), true, false},
		{ct, true, false},
		{params.TInt, false, false},
	} {
		if tc.t.Single() != tc.single || tc.t.Whole() != tc.whole {
			t.Errorf("%s: Single %v Whole %v", tc.t.Name, tc.t.Single(), tc.t.Whole())
		}
	}
	if !ct.Is(custom) || params.TString.Is(custom) {
		t.Error("Type.Is")
	}
}
