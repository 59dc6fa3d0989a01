package decl

import (
	"strings"
	"testing"
)

// Every generated declaration must be usable by the binder: parameters
// typed, named once, members of declared sets, and positions unique within
// a set.
func TestDeclarationsAreConsistent(t *testing.T) {
	if len(Names()) < 60 {
		t.Fatalf("only %d cmdlets declared", len(Names()))
	}
	for _, name := range Names() {
		c := Lookup(name)
		if c == nil || c.Name != name {
			t.Fatalf("%s: no declaration", name)
		}
		seen := map[string]bool{}
		for _, p := range c.Params {
			key := strings.ToLower(p.Name)
			if seen[key] {
				t.Errorf("%s: parameter %s declared twice", name, p.Name)
			}
			seen[key] = true
			if p.Type == nil {
				t.Errorf("%s -%s: no type", name, p.Name)
			}
			if len(p.Sets) == 0 {
				t.Errorf("%s -%s: in no parameter set", name, p.Name)
			}
			for _, a := range p.Aliases {
				if strings.EqualFold(a, "wi") || strings.EqualFold(a, "cf") {
					t.Errorf("%s -%s: alias %s collides with a common parameter", name, p.Name, a)
				}
			}
		}
		for _, set := range c.SetNames() {
			pos := map[int]string{}
			for _, p := range c.Params {
				si, ok := p.InSet(set)
				if !ok || si.Position < 0 {
					continue
				}
				if other, dup := pos[si.Position]; dup {
					t.Errorf("%s set %s: %s and %s share position %d", name, set, other, p.Name, si.Position)
				}
				pos[si.Position] = p.Name
			}
		}
	}
}

func TestLookupReturnsFreshCopies(t *testing.T) {
	a := Lookup("Set-Mailbox")
	a.Params = nil
	if b := Lookup("Set-Mailbox"); len(b.Params) < 100 {
		t.Fatalf("Set-Mailbox has %d parameters after a caller changed its copy", len(b.Params))
	}
	if Lookup("Get-Nothing") != nil {
		t.Fatal("undocumented cmdlet has a declaration")
	}
}

// Facts the generator has to get right despite how the pages write them.
func TestGeneratorReadsPageConventions(t *testing.T) {
	tests := []struct {
		cmd, param, set string
		mandatory       bool
		position        int
		typeName        string
	}{
		// "[-Identity] <T>" is mandatory and positional; pages number
		// positions from 1, the runtime from 0.
		{"Set-OMEConfiguration", "Identity", "__AllParameterSets", true, 0, "OMEConfigurationIdParameter"},
		{"Get-OMEConfiguration", "Identity", "__AllParameterSets", false, 0, "OMEConfigurationIdParameter"},
		// A page that already numbers from 0 keeps its positions.
		{"New-OMEConfiguration", "Identity", "__AllParameterSets", true, 0, "OrganizationIdParameter"},
		{"Get-MessageTraceV2", "ToIP", "__AllParameterSets", false, 12, "String"},
		{"Get-MessageTraceDetailV2", "MessageTraceId", "__AllParameterSets", true, 4, "Guid"},
		// "[-Identity] <T>]" lacks an opening bracket: optional.
		{"Get-ComplianceCase", "Identity", "__AllParameterSets", false, 0, "ComplianceCaseIdParameter"},
		// Type and parameter set exchanged in the metadata block.
		{"New-OMEConfiguration", "ExternalMailExpiryInDays", "__AllParameterSets", false, -1, "Int32"},
		// A switch that selects its set is required there.
		{"New-Mailbox", "Shared", "Shared", true, -1, "SwitchParameter"},
		{"Set-IRMConfiguration", "RMSOnlineKeySharingLocation", "__AllParameterSets", false, -1, "Uri"},
	}
	for _, tt := range tests {
		c := Lookup(tt.cmd)
		p := c.Param(tt.param)
		if p == nil {
			t.Errorf("%s has no -%s", tt.cmd, tt.param)
			continue
		}
		si, ok := p.InSet(tt.set)
		if !ok || si.Mandatory != tt.mandatory || si.Position != tt.position || p.Type.Name != tt.typeName {
			t.Errorf("%s -%s in %s: in set %v, mandatory %v, position %d, type %s; want mandatory %v, position %d, type %s",
				tt.cmd, tt.param, tt.set, ok, si.Mandatory, si.Position, p.Type.Name, tt.mandatory, tt.position, tt.typeName)
		}
	}
	if p := Lookup("Set-IRMConfiguration").Param("RMSOnlineKeySharingLocation"); p.Type.FullName != "System.Uri" {
		t.Errorf("Uri full name %q", p.Type.FullName)
	}
}

// The facts file's counts: 941 cloud cmdlets (730 in Exchange Online, 275
// in Security & Compliance, 64 in both) and Get-MailboxDatabase for the
// simulated on-premises server; what exists only on-premises is named.
func TestServicesAndOnPremises(t *testing.T) {
	exo, scc, both, none := 0, 0, 0, 0
	for _, n := range Names() {
		info, ok := Find(n)
		if !ok || info.Name != n {
			t.Fatalf("%s: Find gave %+v, %v", n, info, ok)
		}
		switch {
		case info.ExchangeOnline && info.Compliance:
			both++
		case info.ExchangeOnline:
			exo++
		case info.Compliance:
			scc++
		default:
			none++
		}
	}
	if exo+both != 730 || scc+both != 275 || both != 64 || none != 1 {
		t.Errorf("Exchange Online %d, Security & Compliance %d, both %d, neither %d", exo+both, scc+both, both, none)
	}
	if info, ok := Find("get-mailboxpermission"); !ok || info.Name != "Get-MailboxPermission" || !info.ExchangeOnline || info.Compliance {
		t.Errorf("Find is not case-insensitive or lost the service: %+v %v", info, ok)
	}
	if n, ok := OnPremisesOnly("add-adpermission"); !ok || n != "Add-ADPermission" {
		t.Errorf("Add-ADPermission: %q %v", n, ok)
	}
	if _, ok := OnPremisesOnly("Get-Mailbox"); ok {
		t.Error("Get-Mailbox reported on-premises only")
	}
	found := false
	for _, p := range OnPremisesParams("Add-MailboxPermission") {
		found = found || p == "DomainController"
	}
	if !found || Lookup("Add-MailboxPermission").Param("DomainController") != nil {
		t.Errorf("Add-MailboxPermission -DomainController: on-premises list %v", OnPremisesParams("Add-MailboxPermission"))
	}
}

// Corrections the generator makes to the facts file, each shown right by
// a session test.
func TestGeneratorCorrections(t *testing.T) {
	// -InactiveMailbox with the mailbox alone binds to the Identity set.
	if _, ok := Lookup("Start-ManagedFolderAssistant").Param("InactiveMailbox").InSet("Identity"); !ok {
		t.Error("Start-ManagedFolderAssistant -InactiveMailbox is not in the Identity set")
	}
	// Set-OrganizationConfig's parameters that the reference gives only
	// to the set of -ShortenEventScopeDefault are common: alone they bind
	// to DelayedDelicensingParameterSet, as -AuditDisabled does.
	org := Lookup("Set-OrganizationConfig")
	for _, name := range []string{"RejectDirectSend", "RecallReadMessagesEnabled", "MessageRecallAlertRecipientsEnabled",
		"MessageRecallAlertRecipientsReadMessagesOnlyEnabled", "MessageRecallMaxRecallableAge",
		"DefaultMinutesToReduceLongEventsBy", "DefaultMinutesToReduceShortEventsBy", "EnforceShortenEventSetting", "AuditDisabled"} {
		for _, set := range []string{"ShortenEventScopeParameter", "DelayedDelicensingParameterSet"} {
			si, ok := org.Param(name).InSet(set)
			if !ok || si.Mandatory {
				t.Errorf("Set-OrganizationConfig -%s: in set %s %v, mandatory %v; want optional there", name, set, ok, si.Mandatory)
			}
		}
	}
	if si, _ := org.Param("ShortenEventScopeDefault").InSet("ShortenEventScopeParameter"); !si.Mandatory {
		t.Error("Set-OrganizationConfig -ShortenEventScopeDefault is not mandatory in its own set")
	}
	if _, ok := org.Param("ShortenEventScopeDefault").InSet("DelayedDelicensingParameterSet"); ok {
		t.Error("Set-OrganizationConfig -ShortenEventScopeDefault is in DelayedDelicensingParameterSet")
	}
	// A duplicate positional slot of the reference is named only.
	c := Lookup("New-SyncMailPublicFolder")
	if si, _ := c.Param("Alias").InSet("__AllParameterSets"); si.Position == 0 && c.Param("Name") != nil {
		if si2, _ := c.Param("Name").InSet("__AllParameterSets"); si2.Position == 0 {
			t.Error("Name and Alias share position 0")
		}
	}
}

// The REST cmdlets that scripts call with a positional mailbox bind it to
// -Identity; the other parameters stay named.
func TestPositionalIdentityOfRESTCmdlets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cmdlet, param string
		pos           int
	}{
		{"Get-EXOMailboxStatistics", "Identity", 0},
		{"Get-EXOMailboxFolderStatistics", "Identity", 0},
		{"Get-EXOMailboxPermission", "Identity", 0},
		{"Get-EXOMobileDeviceStatistics", "Identity", 0},
		{"Get-EXOMailboxStatistics", "UserPrincipalName", -1},
		{"Get-EXOMailbox", "Identity", 0},
	} {
		c := Lookup(tc.cmdlet)
		found := false
		for _, p := range c.Params {
			if p.Name != tc.param {
				continue
			}
			found = true
			for _, si := range p.Sets {
				if si.Position != tc.pos {
					t.Errorf("%s -%s in set %s: position %d, want %d", tc.cmdlet, tc.param, si.Set, si.Position, tc.pos)
				}
			}
		}
		if !found {
			t.Errorf("%s declares no -%s", tc.cmdlet, tc.param)
		}
	}
}

// The deprecated Teams retention cmdlets are named with their replacement
// and are not declared (the reference no longer lists them).
func TestDeprecated(t *testing.T) {
	t.Parallel()
	name, instead, ok := Deprecated("set-teamsretentioncompliancepolicy")
	if !ok || name != "Set-TeamsRetentionCompliancePolicy" || !strings.HasPrefix(instead, "Set-RetentionCompliancePolicy ") {
		t.Errorf("Deprecated = %q, %q, %v", name, instead, ok)
	}
	if _, instead, ok := Deprecated("Get-TeamsRetentionComplianceRule"); !ok || instead != "Get-RetentionComplianceRule" {
		t.Errorf("rule: %q %v", instead, ok)
	}
	if _, _, ok := Deprecated("Set-RetentionCompliancePolicy"); ok {
		t.Error("a current cmdlet is not deprecated")
	}
	for _, n := range []string{"New", "Get", "Set", "Remove"} {
		if Lookup(n+"-TeamsRetentionCompliancePolicy") != nil {
			t.Errorf("%s-TeamsRetentionCompliancePolicy is declared", n)
		}
	}
}
