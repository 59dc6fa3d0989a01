package decl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// The reference's Exchange types are declared with the families the
// shell binds them by.
func TestExchangeTypesOfTheTable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		cmd, param string
		family     *params.CustomKind
		name       string
	}{
		{"Set-Mailbox", "Identity", Identity, "MailboxIdParameter"},
		{"Set-Mailbox", "EmailAddresses", MultiValued, "MultiValuedProperty"},
		{"Set-Mailbox", "ProhibitSendQuota", Unlimited, "Unlimited"},
		{"Set-Mailbox", "MaxSendSize", Unlimited, "Unlimited"},
		{"Set-DistributionGroup", "ManagedBy", MultiValued, "MultiValuedProperty"},
	}
	for _, c := range cases {
		cmd := Lookup(c.cmd)
		if cmd == nil {
			t.Fatalf("%s is not declared", c.cmd)
		}
		p := cmd.Param(c.param)
		if p == nil || !p.Type.Is(c.family) {
			t.Errorf("%s -%s: %+v, want the %s family", c.cmd, c.param, p, c.family.Name)
			continue
		}
		if p.Type.Name != c.name {
			t.Errorf("%s -%s is named %s, want %s", c.cmd, c.param, p.Type.Name, c.name)
		}
	}
	if p := Lookup("Set-Mailbox").Param("RetainDeletedItemsFor"); p == nil || p.Type.Name != "EnhancedTimeSpan" || p.Type.Convert == nil {
		t.Errorf("RetainDeletedItemsFor: %+v", p)
	}
}

// A bare number given to an EnhancedTimeSpan is days; anything else is
// read as a time span.
func TestEnhancedTimeSpanBinding(t *testing.T) {
	t.Parallel()
	cmd := &command.Command{Name: "Test-Span", Type: command.FunctionCommand, Module: "Test", Version: "1.0",
		Params: []*params.Param{params.P("For", TEnhancedTimeSpan, params.Position(0))}}
	cmd.Handler.Process = func(ctx *command.Context) error {
		ts, _ := ctx.Value("For").(object.TimeSpan)
		return ctx.WriteObject(ts.String())
	}
	for in, want := range map[string]string{
		"14":                 "14.00:00:00",
		"'0:30'":             "00:30:00",
		"'1.02:03:04'":       "1.02:03:04",
		"([timespan]'0:45')": "00:45:00",
	} {
		var out bytes.Buffer
		rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &out, Err: &out}, nil)
		rt.Register(cmd)
		rt.Run(syntax.NewSource("", "Test-Span "+in), runtime.RunOptions{})
		if got := strings.TrimSpace(out.String()); got != want {
			t.Errorf("Test-Span %s: %q, want %q", in, got, want)
		}
	}
}

func TestOnPremOnlyNote(t *testing.T) {
	t.Parallel()
	c := &command.Command{Name: "Get-Thing"}
	if OnPremOnly(c) {
		t.Fatal("a command without a note is on-premises only")
	}
	MarkOnPremOnly(c)
	if !OnPremOnly(c) {
		t.Fatal("the note was not kept")
	}
}
