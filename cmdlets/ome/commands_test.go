package ome

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// Building the commands runs every exo.Describe: a help text for a
// parameter the declaration does not have panics here.
func TestCommandsBuild(t *testing.T) {
	cmds := command.Built(Commands())
	seen := map[string]bool{}
	for _, c := range cmds {
		if seen[c.Name] {
			t.Errorf("%s registered twice", c.Name)
		}
		seen[c.Name] = true
		if c.Handler.Process == nil {
			t.Errorf("%s has no handler", c.Name)
		}
		if c.Synopsis == "" {
			t.Errorf("%s has no synopsis", c.Name)
		}
		// A documented cmdlet takes its parameters from its declaration.
		if d := decl.Lookup(c.Name); d != nil {
			if len(d.Params) != len(c.Params) {
				t.Errorf("%s: %d parameters, declaration has %d", c.Name, len(c.Params), len(d.Params))
			}
			for i, p := range d.Params {
				if i < len(c.Params) && c.Params[i].Name != p.Name {
					t.Errorf("%s: parameter %d is %s, declaration has %s", c.Name, i, c.Params[i].Name, p.Name)
				}
			}
		}
	}
	for _, name := range []string{
		"Get-OMEMessageStatus", "Set-OMEMessageRevocation",
		"Get-OMEConfiguration", "New-OMEConfiguration", "Set-OMEConfiguration",
		"Get-IRMConfiguration", "Set-IRMConfiguration",
		"Get-MessageTrace", "Get-MessageTraceV2", "Get-MessageTraceDetail", "Get-MessageTraceDetailV2",
		"New-TransportRule", "Get-TransportRule", "Set-TransportRule", "Enable-TransportRule", "Disable-TransportRule", "Remove-TransportRule",
		"Get-QuarantineMessage", "Release-QuarantineMessage", "Delete-QuarantineMessage", "Export-QuarantineMessage",
	} {
		if !seen[name] {
			t.Errorf("%s is missing", name)
		}
	}
}

func TestDescribeRejectsUnknownParameters(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Describe accepted a parameter the command does not declare")
		}
	}()
	exo.Describe(exo.Declared("Get-OMEMessageStatus"), map[string]string{"MesageId": "typo"})
}

// The handlers rely on these binding facts of the declarations.
func TestDeclaredBindingFacts(t *testing.T) {
	byName := map[string]*command.Command{}
	for _, c := range command.Built(Commands()) {
		byName[c.Name] = c
	}
	param := func(cmd, name string) (*params.Param, params.SetInfo) {
		t.Helper()
		c := byName[cmd]
		if c == nil {
			t.Fatalf("%s is missing", cmd)
		}
		p := c.Param(name)
		if p == nil {
			t.Fatalf("%s has no -%s", cmd, name)
		}
		return p, p.Sets[0]
	}
	tests := []struct {
		cmd, param string
		kind       any // a runtime.Kind or a *runtime.CustomKind
		mandatory  bool
		position   int
	}{
		{"Get-OMEConfiguration", "Identity", decl.Identity, false, 0},
		{"New-OMEConfiguration", "Identity", decl.Identity, true, 0},
		{"Set-OMEConfiguration", "Identity", decl.Identity, true, 0},
		{"New-OMEConfiguration", "ExternalMailExpiryInDays", params.KindInt, false, -1},
		{"Set-OMEConfiguration", "ExternalMailExpiryInDays", params.KindInt, false, -1},
		{"Set-OMEMessageRevocation", "Revoke", params.KindBool, true, -1},
		{"Get-MessageTrace", "PageSize", params.KindInt, false, -1},
		{"Get-MessageTraceV2", "EndDate", params.KindDateTime, false, 0},
		{"Get-MessageTraceV2", "SubjectFilterType", params.KindEnum, false, 11},
		{"Get-MessageTraceV2", "ToIP", params.KindString, false, 12},
		{"Get-MessageTraceDetail", "MessageTraceId", params.KindGuid, true, -1},
		{"Get-MessageTraceDetailV2", "Action", decl.MultiValued, false, 0},
		{"Get-MessageTraceDetailV2", "MessageTraceId", params.KindGuid, true, 4},
		{"Get-MessageTraceDetailV2", "RecipientAddress", params.KindString, true, 5},
		{"Set-IRMConfiguration", "TransportDecryptionSetting", params.KindEnum, false, -1},
	}
	for _, tt := range tests {
		p, si := param(tt.cmd, tt.param)
		kindOK := p.Type.Kind == tt.kind
		if k, ok := tt.kind.(*params.CustomKind); ok {
			kindOK = p.Type.Is(k)
		}
		if !kindOK || si.Mandatory != tt.mandatory || si.Position != tt.position {
			t.Errorf("%s -%s: kind %v mandatory %v position %d; want %v %v %d",
				tt.cmd, tt.param, p.Type.Kind, si.Mandatory, si.Position, tt.kind, tt.mandatory, tt.position)
		}
	}
	if p, _ := param("Get-MessageTraceV2", "SubjectFilterType"); p.Type.FullName != "System.String" || len(p.Type.Values) != 3 {
		t.Errorf("SubjectFilterType: %+v", p.Type)
	}
	if p, _ := param("Get-MessageTrace", "PageSize"); p.Help == "" {
		t.Error("PageSize lost its help text")
	}
}
