package antispam_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

func TestIPEntry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want, problem string }{
		{"192.168.1.1", "192.168.1.1", ""},
		{" 10.0.0.1 ", "10.0.0.1", ""},
		{"192.168.0.1/25", "192.168.0.1/25", ""},
		{"192.168.0.0/24", "192.168.0.0/24", ""},
		{"192.168.0.0/23", "", "cidr"},
		{"192.168.0.1-192.168.0.254", "192.168.0.1-192.168.0.254", ""},
		{"192.168.0.0-192.168.0.255", "192.168.0.0-192.168.0.255", ""},
		{"192.168.0.0-192.168.1.0", "", "range"},
		{"192.168.0.9-192.168.0.1", "", "range"},
		{"2001:db8::1", "", "format"},
		{"2001:db8::/64", "", "format"},
		{"192.168.1", "", "format"},
		{"contoso.com", "", "format"},
		{"", "", "format"},
	} {
		got, problem := as.IPEntry(tc.in)
		if got != tc.want || problem != tc.problem {
			t.Errorf("IPEntry(%q) = %q, %q; want %q, %q", tc.in, got, problem, tc.want, tc.problem)
		}
	}
}

// The Advanced Spam Filter settings are Off, but MarkAsSpamBulkMail On;
// a setting back at its default is not kept.
func TestOptions(t *testing.T) {
	t.Parallel()
	p := as.New("x")
	for _, name := range as.ASFSettings {
		want := "Off"
		if name == "MarkAsSpamBulkMail" {
			want = "On"
		}
		if got := p.Option(name); got != want {
			t.Errorf("%s = %s; want %s", name, got, want)
		}
	}
	p.SetOption("MarkAsSpamEmptyMessages", "Test")
	p.SetOption("MarkAsSpamBulkMail", "Off")
	if p.Option("MarkAsSpamEmptyMessages") != "Test" || p.Option("MarkAsSpamBulkMail") != "Off" || len(p.ASF) != 2 {
		t.Errorf("after setting: %v", p.ASF)
	}
	p.SetOption("MarkAsSpamEmptyMessages", "Off")
	p.SetOption("MarkAsSpamBulkMail", "On")
	if p.ASF != nil {
		t.Errorf("defaults kept: %v", p.ASF)
	}
}

// The default policy is there before anything is stored; the first write
// stores it, and from then on exactly one policy is the default.
func TestPolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := as.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].IsDefault || all[0].Name != as.DefaultName || all[0].BulkThreshold != 7 || all[0].PhishSpamAction != "MoveToJmf" {
			t.Fatalf("policies of a new tenant: %+v", all)
		}
		def := all[0]
		if err := as.ContentFilter.Remove(tx, def); !errors.Is(err, as.ErrRemoveDefault) {
			t.Errorf("Remove(Default) = %v", err)
		}
		storetest.Must(t, as.ContentFilter.Create(tx, as.New("Executives")))
		var inUse *as.NameInUseError
		if err := as.ContentFilter.Create(tx, as.New("DEFAULT")); !errors.As(err, &inUse) {
			t.Errorf("Create(DEFAULT) = %v", err)
		}
		all, err = as.List(tx)
		storetest.Must(t, err)
		if len(all) != 2 || all[0].Guid != def.Guid || all[1].Name != "Executives" || all[1].IsDefault {
			t.Fatalf("after Create: %+v", all)
		}
		exec := all[1]
		storetest.Must(t, as.CreateRule(tx, &as.Rule{Name: "Executives", Policy: "Executives", Enabled: true, RecipientDomainIs: []string{"contoso.com"}}, -1))
		storetest.Must(t, as.ContentFilter.MakeDefault(tx, exec))
		all, err = as.List(tx)
		storetest.Must(t, err)
		if all[0].IsDefault || !all[1].IsDefault {
			t.Errorf("after MakeDefault: %+v %+v", all[0], all[1])
		}
		if r, err := as.RuleOf(tx, "Executives"); err != nil || r != nil {
			t.Errorf("the new default policy's rule stays: %+v, %v", r, err)
		}
		storetest.Must(t, as.ContentFilter.Remove(tx, all[0]))
		all, err = as.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Name != "Executives" {
			t.Errorf("after removing the built-in policy: %+v", all)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// Rules keep priorities 0..n-1: a new rule goes last or where asked, a
// moved rule takes its place, a removed one closes the gap.
func TestRulePriorities(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	names := func(tx *store.Tx) string {
		all, err := as.Rules(tx)
		storetest.Must(t, err)
		var out []string
		for i, r := range all {
			if r.Priority != i {
				t.Errorf("rule %s has priority %d at %d", r.Name, r.Priority, i)
			}
			out = append(out, r.Name)
		}
		return strings.Join(out, ",")
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		for _, n := range []string{"A", "B", "C", "D"} {
			storetest.Must(t, as.ContentFilter.Create(tx, as.New(n)))
		}
		rule := func(n string) *as.Rule {
			return &as.Rule{Name: n, Policy: n, Enabled: true, SentTo: []string{n + "@contoso.com"}}
		}
		storetest.Must(t, as.CreateRule(tx, rule("A"), -1))
		storetest.Must(t, as.CreateRule(tx, rule("B"), -1))
		storetest.Must(t, as.CreateRule(tx, rule("C"), 0))
		if got := names(tx); got != "C,A,B" {
			t.Errorf("after creating: %s", got)
		}
		if err := as.CreateRule(tx, rule("D"), 4); !errors.Is(err, as.ErrInvalidPriority) {
			t.Errorf("priority 4 of 3 rules: %v", err)
		}
		storetest.Must(t, as.CreateRule(tx, rule("D"), 3))
		all, err := as.Rules(tx)
		storetest.Must(t, err)
		storetest.Must(t, as.PutRule(tx, all[0], 2))
		if got := names(tx); got != "A,B,C,D" {
			t.Errorf("after moving C to 2: %s", got)
		}
		if err := as.PutRule(tx, all[0], 4); !errors.Is(err, as.ErrInvalidPriority) {
			t.Errorf("priority 4 of 4 rules: %v", err)
		}
		storetest.Must(t, as.RemoveRule(tx, all[1]))
		if got := names(tx); got != "B,C,D" {
			t.Errorf("after removing A: %s", got)
		}
		for _, tc := range []struct {
			rule *as.Rule
			want any
		}{
			{&as.Rule{Name: "b", Policy: "A", SentTo: []string{"x@contoso.com"}}, as.ErrRuleNameInUse},
			{&as.Rule{Name: "E", Policy: "b", SentTo: []string{"x@contoso.com"}}, &as.PolicyHasRuleError{Policy: "b", Rule: "B"}},
			{&as.Rule{Name: "E", Policy: "Default", SentTo: []string{"x@contoso.com"}}, &as.DefaultPolicyRuleError{Policy: "Default"}},
			{&as.Rule{Name: "E", Policy: "A"}, as.ErrNoCondition},
		} {
			err := as.CreateRule(tx, tc.rule, -1)
			switch want := tc.want.(type) {
			case error:
				if !errors.Is(err, want) && (err == nil || err.Error() != want.Error()) {
					t.Errorf("CreateRule(%+v) = %v; want %v", tc.rule, err, want)
				}
			}
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// An import whose anti-spam records break the rules is refused with the
// check's finding.
func TestCheck(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	export := storetest.Export(t, s)
	policy := func(name string, def bool, n string) *as.Policy {
		p := as.New(name)
		p.IsDefault = def
		p.Guid = "00000000-0000-4000-8000-00000000000" + n
		return p
	}
	rule := func(name, policy string, prio int, n string) *as.Rule {
		return &as.Rule{Guid: "00000000-0000-4000-9000-00000000000" + n, Name: name, Policy: policy, Priority: prio, SentTo: []string{"a@b.com"}}
	}
	for _, tc := range []struct {
		name   string
		bucket string
		value  func() []any
		want   string
	}{
		{"no default", "hostedContentFilterPolicies", func() []any { return []any{policy("A", false, "1")} }, "0 default spam filter policies; exactly one"},
		{"two defaults", "hostedContentFilterPolicies", func() []any { return []any{policy("A", true, "1"), policy("B", true, "2")} }, "2 default spam filter policies"},
		{"a shared name", "hostedContentFilterPolicies", func() []any { return []any{policy("A", true, "1"), policy("a", false, "2")} }, "name a is also the name of"},
		{"a threshold out of range", "hostedContentFilterPolicies", func() []any {
			p := policy("A", true, "1")
			p.BulkThreshold = 10
			return []any{p}
		}, "BulkThreshold 10 out of range 1-9"},
		{"a test mode without one", "hostedContentFilterPolicies", func() []any {
			p := policy("A", true, "1")
			p.ASF = map[string]string{"MarkAsSpamNdrBackscatter": "Test"}
			return []any{p}
		}, `MarkAsSpamNdrBackscatter "Test" is not a value it takes`},
		{"an action it can't take", "hostedContentFilterPolicies", func() []any {
			p := policy("A", true, "1")
			p.HighConfidencePhishAction = "MoveToJmf"
			return []any{p}
		}, `HighConfidencePhishAction "MoveToJmf" is none of Redirect, Quarantine`},
		{"a gap in priorities", "hostedContentFilterRules", func() []any { return []any{rule("A", "P", 1, "1")} }, "priority 1; the rules' priorities are 0..0"},
		{"two rules for a policy", "hostedContentFilterRules", func() []any { return []any{rule("A", "P", 0, "1"), rule("B", "p", 1, "2")} }, "policy p is also applied by"},
		{"a connection entry", "hostedConnectionFilterPolicies", func() []any {
			return []any{&as.Connection{Guid: "00000000-0000-4000-8000-000000000001", IPAllowList: []string{"10.0.0.0/8"}}}
		}, "not the organization's connection filter policy"},
	} {
		var doc map[string]any
		storetest.Must(t, json.Unmarshal([]byte(export), &doc))
		var entries []any
		for _, v := range tc.value() {
			b, err := json.Marshal(v)
			storetest.Must(t, err)
			var m map[string]any
			storetest.Must(t, json.Unmarshal(b, &m))
			entries = append(entries, map[string]any{"key": m["guid"], "value": v})
		}
		doc["buckets"].(map[string]any)[tc.bucket] = entries
		bad, err := json.Marshal(doc)
		storetest.Must(t, err)
		path := filepath.Join(t.TempDir(), "tenant.db")
		err = tenant.ImportFile(path, bytes.NewReader(bad), store.Options{}, store.ImportRecord{Source: tc.name})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: import error %v; want it to say %q", tc.name, err, tc.want)
		}
	}
}

// Export and import keep every anti-spam record: the tenant after the
// round trip exports the same.
func TestExportImport(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		p := as.New("Executives")
		p.BulkThreshold = 5
		p.SetOption("MarkAsSpamEmptyMessages", "On")
		p.AllowedSenderDomains = []string{"fabrikam.com"}
		storetest.Must(t, as.ContentFilter.Create(tx, p))
		storetest.Must(t, as.CreateRule(tx, &as.Rule{Name: "Executives", Policy: "Executives", Enabled: true, SentToMemberOf: []string{"execs@contoso.com"}}, -1))
		outs, err := as.OutboundPolicies.List(tx)
		storetest.Must(t, err)
		outs[0].AutoForwardingMode = "Off"
		storetest.Must(t, as.OutboundPolicies.Put(tx, outs[0]))
		storetest.Must(t, as.OutboundPolicies.Create(tx, as.NewOutbound("Sales")))
		storetest.Must(t, as.OutboundRules.Create(tx, &as.Rule{Name: "Sales", Policy: "Sales", Enabled: true, From: []string{"annb@contoso.com"}}, -1))
		c, err := as.GetConnection(tx)
		storetest.Must(t, err)
		c.IPBlockList = []string{"192.0.2.0/24"}
		storetest.Must(t, as.PutConnection(tx, c))
	})
	first := storetest.Export(t, s)
	for _, b := range []string{"hostedContentFilterPolicies", "hostedContentFilterRules", "hostedOutboundSpamFilterPolicies", "hostedOutboundSpamFilterRules", "hostedConnectionFilterPolicies"} {
		if !strings.Contains(first, `"`+b+`"`) {
			t.Errorf("the export has no %s", b)
		}
	}
	path := filepath.Join(t.TempDir(), "tenant.db")
	storetest.Must(t, tenant.ImportFile(path, strings.NewReader(first), store.Options{}, store.ImportRecord{Source: "round trip"}))
	st, err := tenant.Open(path, store.Options{})
	storetest.Must(t, err)
	defer st.Close()
	var again bytes.Buffer
	storetest.Must(t, transfer.Export(st, &again))
	if again.String() != first {
		t.Errorf("export -> import -> export differs")
	}
}

// The anti-phishing policies: the built-in Office365 AntiPhish Default
// with impersonation protection Automatic, new policies Manual; no rule
// for the default policy, one rule a policy; the checks hold.
func TestAntiPhishPolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := as.ListAntiPhish(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].IsDefault || all[0].Name != as.AntiPhishDefaultName || all[0].ImpersonationProtectionState != "Automatic" ||
			!all[0].Enabled || all[0].PhishThresholdLevel != 1 || !all[0].HonorDmarcPolicy || all[0].SpoofQuarantineTag != "DefaultFullAccessPolicy" {
			t.Fatalf("anti-phishing policies of a new tenant: %+v", all)
		}
		p := as.NewAntiPhish("Executives")
		storetest.Must(t, as.AntiPhishPolicies.Create(tx, p))
		if p.ImpersonationProtectionState != "Manual" || p.IsDefault {
			t.Errorf("new policy: %+v", p)
		}
		var def *as.DefaultPolicyRuleError
		if err := as.AntiPhishRules.Create(tx, &as.Rule{Name: "All", Policy: as.AntiPhishDefaultName, Enabled: true, RecipientDomainIs: []string{"contoso.com"}}, -1); !errors.As(err, &def) {
			t.Errorf("rule for the default policy: %v", err)
		}
		storetest.Must(t, as.AntiPhishRules.Create(tx, &as.Rule{Name: "Executives", Policy: "Executives", Enabled: true, SentTo: []string{"annb@contoso.com"}}, -1))
		var has *as.PolicyHasRuleError
		if err := as.AntiPhishRules.Create(tx, &as.Rule{Name: "Second", Policy: "executives", Enabled: true, SentTo: []string{"annb@contoso.com"}}, -1); !errors.As(err, &has) {
			t.Errorf("second rule for a policy: %v", err)
		}
		// the spam filter rules are another family: a rule of the same name is fine
		storetest.Must(t, as.ContentFilter.Create(tx, as.New("Executives")))
		storetest.Must(t, as.CreateRule(tx, &as.Rule{Name: "Executives", Policy: "Executives", Enabled: true, SentTo: []string{"annb@contoso.com"}}, -1))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// The anti-malware policies: the built-in Default with the common
// attachments filter on (53 file types, Reject), ZAP on, malware
// quarantined with AdminOnlyAccessPolicy; no rule for the default policy.
func TestMalwarePolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := as.ListMalware(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].IsDefault || all[0].Name != "Default" || !all[0].EnableFileFilter || len(all[0].FileTypes) != 53 ||
			all[0].FileTypeAction != "Reject" || !all[0].ZapEnabled || all[0].QuarantineTag != "AdminOnlyAccessPolicy" {
			t.Fatalf("anti-malware policies of a new tenant: %+v", all)
		}
		storetest.Must(t, as.MalwarePolicies.Create(tx, as.NewMalware("Executives")))
		var def *as.DefaultPolicyRuleError
		if err := as.MalwareRules.Create(tx, &as.Rule{Name: "All", Policy: "default", Enabled: true, RecipientDomainIs: []string{"contoso.com"}}, -1); !errors.As(err, &def) {
			t.Errorf("rule for the default policy: %v", err)
		}
		storetest.Must(t, as.MalwareRules.Create(tx, &as.Rule{Name: "Executives", Policy: "Executives", Enabled: true, SentTo: []string{"annb@contoso.com"}}, -1))
		all, err = as.ListMalware(tx)
		storetest.Must(t, err)
		if err := as.MalwarePolicies.Remove(tx, all[0]); !errors.Is(err, as.ErrRemoveDefault) {
			t.Errorf("Remove(Default) = %v", err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// The quarantine policies: the built-in ones (the global one among
// them), which can't all be changed or removed; a custom policy a filter
// policy's quarantine action names stays.
func TestQuarantinePolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := as.Quarantines(tx)
		storetest.Must(t, err)
		var names []string
		for _, q := range all {
			names = append(names, fmt.Sprintf("%s:%d:%v:%v", q.Name, q.Permissions, q.ESNEnabled, q.Global))
		}
		if got := strings.Join(names, " "); got != "AdminOnlyAccessPolicy:0:false:false DefaultFullAccessPolicy:39:false:false "+
			"DefaultFullAccessWithNotificationPolicy:39:true:false NotificationEnabledPolicy:39:true:false DefaultGlobalTag:0:false:true" {
			t.Fatalf("built-in quarantine policies: %s", got)
		}
		if err := as.PutQuarantine(tx, all[1]); !errors.Is(err, as.ErrBuiltInUnchangeable) {
			t.Errorf("changing DefaultFullAccessPolicy: %v", err)
		}
		if err := as.RemoveQuarantine(tx, all[0]); !errors.Is(err, as.ErrBuiltInUnremovable) {
			t.Errorf("removing AdminOnlyAccessPolicy: %v", err)
		}
		q := as.NewQuarantine("Contoso")
		q.Permissions = 12
		if err := as.CreateQuarantine(tx, q); !errors.Is(err, as.ErrBothReleases) {
			t.Errorf("release and request release: %v", err)
		}
		q.Permissions = as.LimitedAccess
		storetest.Must(t, as.CreateQuarantine(tx, q))
		def, err := as.ContentFilter.List(tx)
		storetest.Must(t, err)
		def[0].SpamQuarantineTag = "Contoso"
		storetest.Must(t, as.ContentFilter.Put(tx, def[0]))
		var inUse *as.QuarantineInUseError
		if err := as.RemoveQuarantine(tx, q); !errors.As(err, &inUse) || inUse.User != "Default" {
			t.Errorf("removing a policy in use: %v", err)
		}
		storetest.Must(t, as.RemoveQuarantine(tx, all[2]))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// A quarantine policy a Safe Attachments policy names (another area,
// reached through QuarantineUsers) stays, and the tenant check reports a
// Safe Attachments policy naming one that is not there.
func TestQuarantineUsedBySafeAttachments(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		q := as.NewQuarantine("Contoso")
		storetest.Must(t, as.CreateQuarantine(tx, q))
		p := defender.NewSafeAttachment("Research")
		p.Guid, p.QuarantineTag = tx.NewGuid(), "contoso"
		storetest.Must(t, defender.CreateSafeAttachment(tx, p))
		var inUse *as.QuarantineInUseError
		if err := as.RemoveQuarantine(tx, q); !errors.As(err, &inUse) || inUse.User != "Research" {
			t.Errorf("removing a policy a Safe Attachments policy names: %v", err)
		}
		p.QuarantineTag = "Gone"
		storetest.Must(t, defender.PutSafeAttachment(tx, p))
		storetest.Must(t, as.RemoveQuarantine(tx, q))
	})
	if f := storetest.Findings(t, s); !strings.Contains(f, `quarantine policy "Gone" is not there`) || !strings.Contains(f, "Research") {
		t.Errorf("findings: %s", f)
	}
}

// A stored outbound spam filter policy without a name (the organization's
// only one, as stored before there were several) is the default one,
// named Default; a new policy's rule names senders.
func TestOutboundPolicies(t *testing.T) {
	t.Parallel()
	o := &as.Outbound{Guid: "x", ActionWhenThresholdReached: "Alert", AutoForwardingMode: "Off"}
	if h := o.Head(); *h.Name != "Default" || !*h.IsDefault {
		t.Errorf("a stored policy without a name: %+v", o)
	}
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := as.OutboundPolicies.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Name != "Default" || !all[0].IsDefault || all[0].AutoForwardingMode != "Automatic" {
			t.Fatalf("outbound policies of a new tenant: %+v", all)
		}
		storetest.Must(t, as.OutboundPolicies.Create(tx, as.NewOutbound("Sales")))
		if err := as.OutboundRules.Create(tx, &as.Rule{Name: "Sales", Policy: "Sales", Enabled: true, From: []string{"annb@contoso.com"}}, -1); err != nil {
			t.Errorf("a rule naming senders: %v", err)
		}
		var def *as.DefaultPolicyRuleError
		if err := as.OutboundRules.Create(tx, &as.Rule{Name: "All", Policy: "Default", Enabled: true, SenderDomainIs: []string{"contoso.com"}}, -1); !errors.As(err, &def) {
			t.Errorf("rule for the default policy: %v", err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
