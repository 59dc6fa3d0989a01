package exo_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
)

func TestIsComplianceAndServices(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name            string
		compliance      bool
		exchange, scc   bool
		checkServiceSet bool
	}{
		{name: "Get-Mailbox", exchange: true, checkServiceSet: true},
		{name: "Get-ComplianceCase", compliance: true, scc: true, checkServiceSet: true},
		{name: "New-CaseHoldPolicy", compliance: true, scc: true, checkServiceSet: true},
		{name: "Set-AdaptiveScope", compliance: true},
		{name: "Invoke-HoldRemovalAction", compliance: true},
		{name: "Get-RetentionPolicy", compliance: false},
		{name: "Get-RoleGroup", exchange: true, scc: true, checkServiceSet: true},
	} {
		if got := exo.IsCompliance(c.name); got != c.compliance {
			t.Errorf("IsCompliance(%s) = %v, want %v", c.name, got, c.compliance)
		}
		if !c.checkServiceSet {
			continue
		}
		if e, s := exo.Services(c.name); e != c.exchange || s != c.scc {
			t.Errorf("Services(%s) = %v, %v, want %v, %v", c.name, e, s, c.exchange, c.scc)
		}
	}
}

func TestErrorCode(t *testing.T) {
	t.Parallel()
	// The observed code of the commonest exception, and a stable derived
	// one for any other: the same name always gives the same code.
	if got := exo.ErrorCode("Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"); got != "Ex6F9304" {
		t.Errorf("not-found code %s", got)
	}
	a, b := exo.ErrorCode("X.SomeException"), exo.ErrorCode("X.SomeException")
	if a != b || len(a) != 8 || !strings.HasPrefix(a, "Ex") {
		t.Errorf("derived codes %q, %q", a, b)
	}
	if a == exo.ErrorCode("X.OtherException") {
		t.Errorf("two exception types share the code %s", a)
	}
}

func TestIdentityOf(t *testing.T) {
	t.Parallel()
	withIdentity := object.NewObject("Deserialized.Mailbox")
	withIdentity.Add("Identity", "annb")
	withIdentity.Add("Name", "Ann Beebe")
	byName := object.NewObject("Deserialized.Mailbox")
	byName.Add("Name", "Ann Beebe")
	for _, c := range []struct {
		in   any
		want string
	}{
		{"annb", "annb"},
		{withIdentity, "annb"},
		{byName, "Ann Beebe"},
		{42, "42"},
	} {
		if got := exo.IdentityOf(c.in); got != c.want {
			t.Errorf("IdentityOf(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQuotaValue(t *testing.T) {
	t.Parallel()
	q := exo.QuotaValue(directory.Quota(-1))
	if v, _ := q.Get("IsUnlimited"); q.String() != "Unlimited" || v != true {
		t.Errorf("unlimited quota: %s, IsUnlimited %v", q.String(), v)
	}
	q = exo.QuotaValue(directory.GBQuota(2))
	if v, _ := q.Get("IsUnlimited"); q.String() != "2 GB (2,147,483,648 bytes)" || v != false {
		t.Errorf("2 GB quota: %s, IsUnlimited %v", q.String(), v)
	}
	size := exo.SizeValue(1610612736)
	if size.String() != "1.5 GB (1,610,612,736 bytes)" {
		t.Errorf("size text %q", size.String())
	}
}

// Describe and DeclaredParam refuse a parameter the declaration lacks: a
// misspelt help key is a programming error.
func TestDescribeRefusesUndeclared(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "declares no parameter Identiy") {
			t.Fatalf("recovered %v", r)
		}
	}()
	exo.Describe(exo.Declared("Get-Mailbox"), map[string]string{"Identiy": "typo"})
}

// A partially simulated cmdlet binds every parameter of the reference
// and fails, naming it, on one its handler does not model; a cmdlet that
// is not simulated at all binds and then fails.
func TestPartialAndNotSimulated(t *testing.T) {
	t.Parallel()
	ran := false
	c := exo.Declared("Get-TransportRule")
	c.Handler.Process = func(ctx *command.Context) error { ran = true; return nil }
	c = exo.Partial(c, "Identity")
	if c.Param("State") == nil {
		t.Fatal("the reference's -State is not declared")
	}
	s := sessiontest.New(t, registry.Options{})
	s.RT.Register(c, exo.NotSimulated("Set-MailboxJunkEmailConfiguration"))
	if _, errs := s.Run("Get-TransportRule -State Enabled"); !strings.Contains(errs, "The -State parameter of Get-TransportRule is real, but exosim does not simulate it: the call was not run.") || ran {
		t.Errorf("unmodelled parameter: ran %v, errors %q", ran, errs)
	}
	if _, errs := s.Run("Get-TransportRule x"); errs != "" || !ran {
		t.Errorf("modelled parameter: ran %v, errors %q", ran, errs)
	}
	if _, errs := s.Run("Set-MailboxJunkEmailConfiguration annb -Enabled $false"); !strings.Contains(errs, "Set-MailboxJunkEmailConfiguration is a real Exchange Online cmdlet, but exosim does not simulate it") {
		t.Errorf("not simulated: %q", errs)
	}
	if _, errs := s.Run("Set-MailboxJunkEmailConfiguration annb -Nope 1"); !strings.Contains(errs, "A parameter cannot be found that matches parameter name 'Nope'.") {
		t.Errorf("not simulated, bad parameter: %q", errs)
	}
}

// IsComplianceLower answers for a lower-case name what IsCompliance
// answers for the name in any case: the noun is what follows the first
// hyphen, or the whole name.
func TestIsComplianceLower(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"get-compliancecase": true, "new-caseholdpolicy": true, "set-adaptivescope": true, "invoke-holdremovalaction": true,
		"get-mailbox": false, "get-retentionpolicy": false, "compliancecase": true, "caseholdrule": true, "get-foo-compliance": true,
		"get-holdremovalactions": false, "": false, "-adaptivescope": true,
	} {
		if got := exo.IsComplianceLower(name); got != want {
			t.Errorf("IsComplianceLower(%q) = %v, want %v", name, got, want)
		}
		if got := exo.IsCompliance(strings.ToUpper(name)); got != want {
			t.Errorf("IsCompliance(%q) = %v, want %v", strings.ToUpper(name), got, want)
		}
	}
}
