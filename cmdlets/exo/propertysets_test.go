package exo_test

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
)

// A REST object has the Minimum set, then the properties of the sets
// asked for, then the single properties asked for, each once and in that
// order; names are matched without regard to case, an unknown property
// adds nothing, and All is every property of the full object but those
// left out by design.
func TestPropertySetsProject(t *testing.T) {
	t.Parallel()
	full := object.NewObject("Full")
	for _, n := range []string{"Name", "Guid", "PopEnabled", "ImapEnabled", "ServerName", "Extra"} {
		full.AddTyped(n, "System.String", n+"-value")
	}
	full.ToStringFunc = func() string { return "the full object" }
	ps := &exo.PropertySets{Type: "Rest", Minimum: []string{"Name", "Guid"},
		Sets: map[string][]string{"Pop": {"Guid", "PopEnabled", "Missing"}, "Imap": {"ImapEnabled", "Name"}},
		Omit: []string{"ServerName"}}
	cases := []struct {
		sets, props, want []string
	}{
		{nil, nil, []string{"Name", "Guid"}},
		{[]string{"Minimum"}, nil, []string{"Name", "Guid"}},
		{[]string{"imap", "Pop"}, nil, []string{"Name", "Guid", "ImapEnabled", "PopEnabled"}},
		{nil, []string{"extra", "popenabled", "Extra", "NoSuch", "ServerName"}, []string{"Name", "Guid", "Extra", "PopEnabled"}},
		{[]string{"Pop", "All"}, []string{"Name"}, []string{"Name", "Guid", "PopEnabled", "ImapEnabled", "Extra"}},
	}
	for _, c := range cases {
		o := ps.Project(full, c.sets, c.props)
		if got := o.PropertyNames(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("sets %v, properties %v: %v, want %v", c.sets, c.props, got, c.want)
		}
		if o.TypeNames[0] != "Rest" || o.ToStringFunc() != "the full object" || o.Value("Name") != "Name-value" {
			t.Errorf("sets %v: type %v, text %q, Name %v", c.sets, o.TypeNames, o.ToStringFunc(), o.Value("Name"))
		}
	}
}
