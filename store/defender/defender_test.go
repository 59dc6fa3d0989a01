package defender_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/policyrule"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// The built-in policies are there without a record; the first write of a
// kind stores them; they can't be removed.
func TestBuiltInPolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		links, err := defender.SafeLinksPolicies(tx)
		storetest.Must(t, err)
		if len(links) != 1 || !links[0].BuiltIn || links[0].Name != defender.BuiltInName || !links[0].TrackClicks || links[0].AllowClickThrough {
			t.Fatalf("built-in Safe Links policy: %+v", links)
		}
		attach, err := defender.SafeAttachmentPolicies(tx)
		storetest.Must(t, err)
		if len(attach) != 1 || !attach[0].Enable || attach[0].Action != "Block" || attach[0].QuarantineTag != "AdminOnlyAccessPolicy" {
			t.Fatalf("built-in Safe Attachments policy: %+v", attach)
		}
		if err := defender.RemoveSafeLinks(tx, links[0]); !errors.Is(err, defender.ErrRemoveBuiltIn) {
			t.Errorf("removing the built-in policy: %v", err)
		}
		storetest.Must(t, defender.CreateSafeLinks(tx, defender.NewSafeLinks("Executives")))
		var name *defender.NameInUseError
		if err := defender.CreateSafeLinks(tx, defender.NewSafeLinks("executives")); !errors.As(err, &name) {
			t.Errorf("a second policy named executives: %v", err)
		}
		links, err = defender.SafeLinksPolicies(tx)
		storetest.Must(t, err)
		if len(links) != 2 || links[0].Name != defender.BuiltInName || links[1].Name != "Executives" {
			t.Errorf("after a new policy: %v, %v", links[0].Name, links[len(links)-1].Name)
		}
		storetest.Must(t, defender.RemoveSafeLinks(tx, links[1]))
		links, err = defender.SafeLinksPolicies(tx)
		storetest.Must(t, err)
		if len(links) != 1 || !links[0].BuiltIn {
			t.Errorf("the built-in policy is stored and stays: %+v", links)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// Safe Links rules name recipients, one a policy; the preset rules may
// name none and apply two policies each.
func TestRuleFamilies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		if err := defender.SafeLinksRules.Create(tx, &policyrule.Rule{Name: "A", Policy: "P"}, -1); !errors.Is(err, policyrule.ErrNoCondition) {
			t.Errorf("a Safe Links rule without a condition: %v", err)
		}
		storetest.Must(t, defender.SafeLinksRules.Create(tx, &policyrule.Rule{Name: "A", Policy: "P", SentTo: []string{"a@contoso.com"}}, -1))
		var has *policyrule.PolicyHasRuleError
		if err := defender.SafeLinksRules.Create(tx, &policyrule.Rule{Name: "B", Policy: "p", SentTo: []string{"a@contoso.com"}}, -1); !errors.As(err, &has) {
			t.Errorf("a second rule for P: %v", err)
		}
		both := map[string]string{defender.SafeLinksPolicyParam: "L", defender.SafeAttachmentPolicyParam: "S"}
		storetest.Must(t, defender.ProtectionRules.Create(tx, &policyrule.Rule{Name: "Standard Preset Security Policy", Policies: both, Enabled: true}, -1))
		storetest.Must(t, defender.ProtectionRules.Create(tx, &policyrule.Rule{Name: "Strict Preset Security Policy", Policies: both, Enabled: true}, 0))
		all, err := defender.ProtectionRules.List(tx)
		storetest.Must(t, err)
		if len(all) != 2 || all[0].Name != "Strict Preset Security Policy" || all[1].Priority != 1 {
			t.Errorf("preset rules: %+v", all)
		}
		r, err := defender.BuiltInRule(tx)
		storetest.Must(t, err)
		if r.Name != defender.BuiltInRuleName || r.Priority != -1 || r.Policies[defender.SafeLinksPolicyParam] != defender.BuiltInName {
			t.Errorf("built-in rule: %+v", r)
		}
		r.ExceptIfRecipientDomainIs = []string{"fabrikam.com"}
		storetest.Must(t, defender.PutBuiltInRule(tx, r))
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		r, err := defender.BuiltInRule(tx)
		storetest.Must(t, err)
		if len(r.ExceptIfRecipientDomainIs) != 1 {
			t.Errorf("the built-in rule keeps its exception: %+v", r)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
