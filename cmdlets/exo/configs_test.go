package exo_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// configs is a kind of configuration object with three objects.
var configs = exo.Configs[string]{
	List: func(*store.Tx) ([]string, error) { return []string{"Alpha", "Beta", "Alpine"}, nil },
	Keys: func(_ *directory.Organization, v string) (string, string, string) {
		return v, "guid-" + strings.ToLower(v), "CN=" + v + ",CN=Test"
	},
}

// A Get lists the objects its Identity names (a wildcard, a name, GUID or
// distinguished name in any case), every one without it; a name without a
// wildcard that names none is the not-found error. A Set's identity names
// exactly one.
func TestConfigs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, script, out, errs string
	}{
		{name: "all", script: "Get-TestConfig", out: "Alpha Beta Alpine"},
		{name: "wildcard", script: "Get-TestConfig al*", out: "Alpha Alpine"},
		{name: "wildcard none", script: "Get-TestConfig x*", out: ""},
		{name: "name", script: "Get-TestConfig ' BETA '", out: "Beta"},
		{name: "guid", script: "Get-TestConfig GUID-ALPHA", out: "Alpha"},
		{name: "dn", script: "Get-TestConfig 'cn=alpine,cn=test'", out: "Alpine"},
		{name: "unknown", script: "Get-TestConfig Gamma", errs: "object 'Gamma' couldn't be found"},
		{name: "find", script: "Find-TestConfig -Identity beta", out: "Beta"},
		{name: "find wildcard is a name", script: "Find-TestConfig -Identity al*", errs: "object 'al*' couldn't be found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			get := &command.Command{Name: "Get-TestConfig", Module: "Test", Version: "1.0", FullTypeName: "Test.GetTestConfigCommand",
				Params: []*params.Param{params.P("Identity", params.TObject, params.Position(0))}}
			get.Handler.Process = func(ctx *command.Context) error {
				objs, done, err := configs.Read(ctx, func(_ *directory.Organization, v string) *object.PSObject {
					o := object.NewObject("Test.Config")
					o.AddTyped("Name", "System.String", v)
					return o
				})
				if err != nil || !done {
					return err
				}
				return exo.WriteAll(ctx, objs)
			}
			find := &command.Command{Name: "Find-TestConfig", Module: "Test", Version: "1.0", FullTypeName: "Test.FindTestConfigCommand",
				Params: []*params.Param{params.P("Identity", params.TObject)}}
			find.Handler.Process = func(ctx *command.Context) error {
				var v string
				done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
					_, found, rec, err := configs.Find(ctx, tx)
					v = found
					return rec, err
				})
				if err != nil || !done {
					return err
				}
				return ctx.WriteObject(v)
			}
			s.RT.Register(get)
			s.RT.Register(find)
			out, errs := s.Run("(" + c.script + " | ForEach-Object { if ($_.Name) { $_.Name } else { $_ } }) -join ' '")
			if strings.TrimSpace(out) != c.out {
				t.Errorf("output %q, want %q", out, c.out)
			}
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
		})
	}
}
