package holds

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mrm"
)

// retentionNameTaken is the service's refusal of a retention policy name
// another policy than the one with Guid self has (nil: the name is free).
func retentionNameTaken(ctx *command.Context, tx *store.Tx, name, self string) *object.ErrorRecord {
	if other, err := mrm.FindMRMPolicy(tx, name); err == nil && other.Guid != self {
		return exo.Error(ctx, "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException",
			fmt.Sprintf("A retention policy with the name \"%s\" already exists.", name), object.ResourceExists, name)
	}
	return nil
}

// retentionTagLinks reads -RetentionPolicyTagLinks against the tags a
// policy has (current): a list replaces them, @{Add=...;Remove=...}
// changes them; every tag must exist, and is named as it is spelt.
func retentionTagLinks(ctx *command.Context, tx *store.Tx, current []string) ([]string, *object.ErrorRecord, error) {
	arg := object.Unwrap(ctx.Value("RetentionPolicyTagLinks"))
	var names []string
	if h, ok := arg.(*object.Hashtable); ok {
		names = append([]string(nil), current...)
		add, _ := h.Get("Add")
		rem, _ := h.Get("Remove")
		for _, a := range exo.ValueStrings(add) {
			if !exo.ContainsFold(names, a) {
				names = append(names, a)
			}
		}
		for _, r := range exo.ValueStrings(rem) {
			names = exo.RemoveFold(names, r)
		}
	} else {
		names = exo.ValueStrings(arg)
	}
	for i, n := range names {
		t, err := mrm.FindMRMTag(tx, n)
		if isNotFound(err) {
			return nil, exo.NotFound(ctx, n), nil
		}
		if err != nil {
			return nil, nil, err
		}
		names[i] = t.Name
	}
	return names, nil, nil
}

// claimRetentionDefaults takes from the other policies the roles the
// call's -IsDefault and -IsDefaultArbitrationMailbox give p: one policy
// is the default for new mailboxes, one for arbitration mailboxes.
func claimRetentionDefaults(ctx *command.Context, tx *store.Tx, p *mrm.MRMPolicy) error {
	if !p.IsDefault && !p.IsDefaultArbitration {
		return nil
	}
	all, err := mrm.MRMPolicies(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Guid == p.Guid {
			continue
		}
		changed := false
		if p.IsDefault && ctx.Switch("IsDefault") && o.IsDefault {
			o.IsDefault, changed = false, true
		}
		if p.IsDefaultArbitration && ctx.Switch("IsDefaultArbitrationMailbox") && o.IsDefaultArbitration {
			o.IsDefaultArbitration, changed = false, true
		}
		if changed {
			if err := mrm.PutMRMPolicy(tx, o); err != nil {
				return err
			}
		}
	}
	return nil
}

func newRetentionPolicy() *command.Command {
	c := exo.Declared("New-RetentionPolicy")
	c.Synopsis = "Creates an Exchange (messaging records management) retention policy with the retention tags -RetentionPolicyTagLinks names."
	c.Description = "Every tag must exist. -IsDefault makes the policy the one new mailboxes get; Set-Mailbox -RetentionPolicy assigns it to a mailbox."
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeRetentionPolicy
	c.Examples = []command.Example{
		{Code: "New-RetentionPolicy 'Contoso Sales' -RetentionPolicyTagLinks 'Deleted Items','Junk Email'", Remark: "A policy with two of the default tags."},
	}
	exo.Describe(c, map[string]string{
		"Name":                        "The policy's unique name (at most 64 characters).",
		"RetentionPolicyTagLinks":     "The retention tags of the policy, by name or GUID.",
		"IsDefault":                   "Makes the policy the default one, which new mailboxes get.",
		"IsDefaultArbitrationMailbox": "Makes the policy the default one of arbitration mailboxes.",
		"RetentionId":                 "The policy's retention ID (a GUID; a new one when left out).",
	})
	c.Handler.Process = func(ctx *command.Context) error {
		name := strings.TrimSpace(ctx.String("Name"))
		if rec := exo.TooLong(ctx, 64, name); rec != nil {
			return ctx.Fail(rec)
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating retention policy \"%s\".", name), name)
		if err != nil || !ok {
			return err
		}
		var out *object.PSObject
		done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
			if rec := retentionNameTaken(ctx, tx, name, ""); rec != nil {
				return rec, nil
			}
			p := &mrm.MRMPolicy{Name: name, IsDefault: ctx.Switch("IsDefault"), IsDefaultArbitration: ctx.Switch("IsDefaultArbitrationMailbox"),
				Guid: strings.ToLower(tx.NewGuid()), WhenCreated: tx.Now()}
			if ctx.Has("RetentionId") {
				p.RetentionID = object.ToInvariantString(object.Unwrap(ctx.Value("RetentionId")))
			} else {
				p.RetentionID = strings.ToLower(tx.NewGuid())
			}
			if ctx.Has("RetentionPolicyTagLinks") {
				names, rec, err := retentionTagLinks(ctx, tx, nil)
				if rec != nil || err != nil {
					return rec, err
				}
				p.RetentionPolicyTagLinks = names
			}
			if err := claimRetentionDefaults(ctx, tx, p); err != nil {
				return nil, err
			}
			if err := mrm.PutMRMPolicy(tx, p); err != nil {
				return nil, err
			}
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			out = RetentionPolicyObject(o, p)
			return nil, nil
		})
		if err != nil || !done {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}
