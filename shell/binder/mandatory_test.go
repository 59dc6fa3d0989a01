package binder

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// A call without a pipeline binding plan lists the same missing
// mandatory parameters, in the same order, as the plan would.
func TestMissingMandatoryWithoutPlan(t *testing.T) {
	t.Parallel()
	cmd := &command.Command{Name: "Get-Thing", DefaultSet: "ById", Sets: []string{"ById", "ByName", "Other"}, Params: []*params.Param{
		params.P("Identity", params.TString, params.InSets(params.SetInfo{Set: "ById", Position: 0, Mandatory: true})),
		params.P("Name", params.TString, params.InSets(params.SetInfo{Set: "ByName", Mandatory: true}, params.SetInfo{Set: "ById", Position: -1})),
		params.P("Scope", params.TString, params.Mandatory()),
		params.P("Filter", params.TString, params.InSets(params.SetInfo{Set: "byname", Position: -1, Mandatory: true})),
		params.P("Count", params.TInt),
	}}
	for _, sets := range [][]string{{"ById"}, {"ById", "ByName"}, {"ByName", "Other"}, {params.AllSets}} {
		for _, set := range []string{"ById", "ByName", "Other", params.AllSets, "Missing"} {
			for _, bindings := range []map[string]any{{}, {"identity": 1}, {"name": 1, "scope": 1}, {"filter": 1}} {
				lean := &Call{Cmd: cmd, Bound: &Bound{Sets: sets}}
				planned := &Call{Cmd: cmd, Bound: &Bound{Sets: sets}}
				planned.Plan()
				got, want := lean.missingMandatory(set, bindings), planned.missingMandatory(set, bindings)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("sets %q, set %q, bindings %v: %v without the plan, %v with it", sets, set, bindings, names(got), names(want))
				}
				if lean.plan != nil {
					t.Errorf("sets %q, set %q: the plan was made", sets, set)
				}
			}
		}
	}
}

func names(ps []*params.Param) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}
