package invocation_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
)

func TestPreferences(t *testing.T) {
	t.Parallel()
	got := map[string]any{}
	invocation.Preferences(map[string]any{
		"verbose": true, "debug": false, "erroraction": "stop", "whatif": true, "confirm": false,
	}, func(name string, v any) { got[name] = v })
	want := map[string]any{
		"VerbosePreference":     object.Enum{Type: "System.Management.Automation.ActionPreference", Name: "Continue", Value: 2},
		"DebugPreference":       object.Enum{Type: "System.Management.Automation.ActionPreference", Name: "SilentlyContinue", Value: 0},
		"ErrorActionPreference": object.Enum{Type: "System.Management.Automation.ActionPreference", Name: "Stop", Value: 1},
		"WhatIfPreference":      true,
		"ConfirmPreference":     object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "None", Value: 0},
	}
	if len(got) != len(want) {
		t.Fatalf("set %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
}

func TestInfo(t *testing.T) {
	t.Parallel()
	calls := 0
	info := invocation.Info(invocation.Call{
		Position:         &object.Position{ScriptPath: "/s/a.ps1", Line: 3, Col: 5, LineText: "f -x"},
		InvocationName:   "f",
		PipelinePosition: 1,
		Runspace:         false,
	}, func() *object.PSObject { calls++; return object.NewObject("X") })
	read := func(name string) any {
		v, _ := info.Get(name)
		return v
	}
	if read("ScriptLineNumber") != 3 || read("OffsetInLine") != 5 || read("PSScriptRoot") != "/s" || read("PSCommandPath") != "/s/a.ps1" || read("Line") != "f -x" || read("InvocationName") != "f" {
		t.Errorf("info %v", info)
	}
	if o, ok := read("CommandOrigin").(object.Enum); !ok || o.Name != "Internal" {
		t.Errorf("origin %v", read("CommandOrigin"))
	}
	if calls != 0 {
		t.Error("MyCommand is built only when read")
	}
	read("MyCommand")
	if calls != 1 {
		t.Error("MyCommand not built when read")
	}
}

// cmdlet records what $PSCmdlet asked of it.
type cmdlet struct {
	asked    []string
	objects  []any
	enumFlag bool
}

func (c *cmdlet) Name() string                         { return "Do-It" }
func (c *cmdlet) ParameterSet() string                 { return "Set1" }
func (c *cmdlet) Info() *object.PSObject               { return nil }
func (c *cmdlet) Text(v any) string                    { return object.ToInvariantString(v) }
func (c *cmdlet) WriteError(*object.ErrorRecord) error { return nil }
func (c *cmdlet) WriteVerbose(string) error            { return nil }
func (c *cmdlet) WriteWarning(string) error            { return nil }
func (c *cmdlet) ShouldContinue(q, cap string) (bool, error) {
	c.asked = append(c.asked, "continue:"+q+"|"+cap)
	return false, nil
}
func (c *cmdlet) ShouldProcess(target, action, desc string) (bool, error) {
	c.asked = append(c.asked, "process:"+target+"|"+action+"|"+desc)
	return true, nil
}
func (c *cmdlet) WriteObject(v any, enumerate bool) error {
	c.objects = append(c.objects, v)
	c.enumFlag = enumerate
	return nil
}

func TestPSCmdlet(t *testing.T) {
	t.Parallel()
	c := &cmdlet{}
	p := invocation.NewPSCmdlet(c)
	if v, ok := p.OwnMember("parametersetname"); !ok || v != "Set1" {
		t.Errorf("ParameterSetName %v", v)
	}
	if _, ok := p.OwnMember("nope"); ok {
		t.Error("unknown property found")
	}
	if ok, err := p.CallOwnMethod("shouldprocess", "ShouldProcess", []any{"tgt", "act"}); ok != true || err != nil {
		t.Errorf("ShouldProcess %v %v", ok, err)
	}
	p.CallOwnMethod("shouldprocess", "ShouldProcess", []any{"verbose", "warn", "caption"})
	p.CallOwnMethod("shouldcontinue", "ShouldContinue", []any{"q", "c"})
	want := []string{"process:tgt|act|", "process:||verbose", "continue:q|c"}
	for i := range want {
		if i >= len(c.asked) || c.asked[i] != want[i] {
			t.Fatalf("asked %q, want %q", c.asked, want)
		}
	}
	if v, err := p.CallOwnMethod("writeobject", "WriteObject", []any{1, true}); err != nil || v != (dotnet.Void{}) || !c.enumFlag {
		t.Errorf("WriteObject %v %v", v, err)
	}
	_, err := p.CallOwnMethod("throwterminatingerror", "ThrowTerminatingError", []any{&object.ErrorRecord{Message: "m"}})
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.Record.Activity != "Do-It" || pe.ScriptTerminating {
		t.Errorf("ThrowTerminatingError %v", err)
	}
	_, err = p.CallOwnMethod("frobnicate", "Frobnicate", nil)
	var nf *dotnet.MethodNotFound
	if !errors.As(err, &nf) || nf.TypeName != "System.Management.Automation.PSScriptCmdlet" {
		t.Errorf("unknown method %v", err)
	}
	if p.String() != "Do-It" {
		t.Errorf("String %q", p.String())
	}
}

// A bound common parameter appears under its declared name; a switch
// (-Verbose, -WhatIf) as a SwitchParameter, a value parameter as given.
func TestBoundCommon(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key      string
		v, want  any
		wantName string
	}{
		{"verbose", true, automation.Switch(true), "Verbose"},
		{"whatif", false, automation.Switch(false), "WhatIf"},
		{"erroraction", "Stop", "Stop", "ErrorAction"},
		{"outbuffer", true, true, "OutBuffer"},
		{"unknown", true, true, "unknown"},
	}
	for _, tc := range tests {
		name, v := invocation.BoundCommon(tc.key, tc.v)
		if name != tc.wantName || v != tc.want {
			t.Errorf("%s: %s = %#v, want %s = %#v", tc.key, name, v, tc.wantName, tc.want)
		}
	}
}
