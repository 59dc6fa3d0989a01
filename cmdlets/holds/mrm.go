package holds

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mrm"
)

// RetentionPolicyObject builds the Get-RetentionPolicy object of an
// Exchange (MRM) retention policy of the organization o.
func RetentionPolicyObject(o *directory.Organization, p *mrm.MRMPolicy) *object.PSObject {
	obj := object.NewObject(TypeRetentionPolicy, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.System.Object")
	obj.AddTyped("IsDefault", tBool, p.IsDefault)
	obj.AddTyped("IsDefaultArbitrationMailbox", tBool, p.IsDefaultArbitration)
	obj.AddTyped("RetentionId", tGuid, p.RetentionID)
	obj.AddTyped("RetentionPolicyTagLinks", tList, stringList(p.RetentionPolicyTagLinks))
	obj.AddTyped("Name", tStr, p.Name)
	obj.AddTyped("DistinguishedName", tStr, o.ConfigDN(p.Name, exo.RetentionPoliciesContainer))
	obj.AddTyped("Identity", tStr, p.Name)
	obj.AddTyped("Guid", tGuid, p.Guid)
	obj.AddTyped("WhenChanged", tDate, p.WhenChanged.UTC())
	obj.AddTyped("WhenCreated", tDate, p.WhenCreated.UTC())
	obj.AddTyped("IsValid", tBool, true)
	return obj
}

// RetentionTagObject builds the Get-RetentionPolicyTag object of a
// retention policy tag.
func RetentionTagObject(t *mrm.MRMTag) *object.PSObject {
	o := object.NewObject(TypeRetentionTag, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.System.Object")
	var age any
	if t.AgeLimitForRetention > 0 {
		age = fmt.Sprintf("%d.00:00:00", t.AgeLimitForRetention)
	}
	o.AddTyped("IsDefaultAutoGroupPolicyTag", tBool, false)
	o.AddTyped("IsDefaultModeratedRecipientsPolicyTag", tBool, false)
	o.AddTyped("MessageClassDisplayName", tStr, "All Mailbox Content")
	o.AddTyped("MessageClass", tStr, "*")
	o.AddTyped("Description", tStr, mrmDescription(t))
	o.AddTyped("RetentionEnabled", tBool, t.RetentionEnabled)
	o.AddTyped("RetentionAction", tStr, t.RetentionAction)
	o.AddTyped("AgeLimitForRetention", tStr, age)
	o.AddTyped("MoveToDestinationFolder", tStr, nil)
	o.AddTyped("TriggerForRetention", tStr, "WhenDelivered")
	o.AddTyped("Type", tStr, t.Type)
	o.AddTyped("SystemTag", tBool, false)
	o.AddTyped("Comment", tStr, t.Comment)
	o.AddTyped("RetentionId", tGuid, t.RetentionID)
	o.AddTyped("Name", tStr, t.Name)
	o.AddTyped("Identity", tStr, t.Name)
	o.AddTyped("Guid", tGuid, t.Guid)
	o.AddTyped("WhenChanged", tDate, t.WhenChanged.UTC())
	o.AddTyped("WhenCreated", tDate, t.WhenCreated.UTC())
	return o
}

// mrmDescription is the generated description of a retention tag.
func mrmDescription(t *mrm.MRMTag) string {
	if !t.RetentionEnabled || t.AgeLimitForRetention <= 0 {
		return "Items won't be moved or deleted by this tag."
	}
	switch t.RetentionAction {
	case mrm.MRMMoveToArchive:
		return fmt.Sprintf("Moves items to the archive %d days after they are delivered.", t.AgeLimitForRetention)
	case mrm.MRMPermanentlyDelete:
		return fmt.Sprintf("Permanently deletes items %d days after they are delivered.", t.AgeLimitForRetention)
	}
	return fmt.Sprintf("Deletes items %d days after they are delivered, with recovery allowed.", t.AgeLimitForRetention)
}

func getRetentionPolicy() *command.Command {
	c := exo.Declared("Get-RetentionPolicy")
	c.Synopsis = "Lists the Exchange (messaging records management) retention policies."
	c.Description = "These policies group retention tags that delete items or move them to the archive. They are not holds: an MRM policy never keeps a deleted mailbox inactive, and on an inactive mailbox its delete tags keep running while its archive tags are ignored."
	c.OutputType = TypeRetentionPolicy
	c.Examples = []command.Example{
		{Code: "Get-RetentionPolicy", Remark: "Lists the policies and their tags."},
		{Code: "Get-RetentionPolicy | Where-Object IsDefault | Select-Object -ExpandProperty RetentionPolicyTagLinks", Remark: "Lists the tags of the default policy, one per line."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
		var list []*mrm.MRMPolicy
		var org *directory.Organization
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var err error
			if org, err = directory.GetOrganization(tx); err != nil {
				return nil, err
			}
			if id == "" {
				var err error
				list, err = mrm.MRMPolicies(tx)
				return nil, err
			}
			p, err := mailbox.FindRetentionPolicy(tx, id)
			if isNotFound(err) {
				return exo.NotFound(ctx, id), nil
			}
			list = []*mrm.MRMPolicy{p}
			return nil, err
		})
		if err != nil || !done {
			return err
		}
		for _, p := range list {
			if err := ctx.WriteObject(RetentionPolicyObject(org, p)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func setRetentionPolicy() *command.Command {
	c := exo.Declared("Set-RetentionPolicy")
	c.Synopsis = "Changes an Exchange (messaging records management) retention policy: its name and its retention tags."
	c.Description = "-RetentionPolicyTagLinks replaces the policy's tags (every tag must exist; @{Add=...;Remove=...} edits the list). -IsDefault makes the policy the one new mailboxes get."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "Get-RetentionPolicy | Where-Object IsDefault | Set-RetentionPolicy -RetentionPolicyTagLinks @{Remove='Default 2 year move to archive'}", Remark: "Takes the archive tag out of the default policy."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
		plan := func(tx *store.Tx) (*mrm.MRMPolicy, *object.ErrorRecord, error) {
			p, err := mailbox.FindRetentionPolicy(tx, id)
			if isNotFound(err) {
				return nil, exo.NotFound(ctx, id), nil
			}
			if err != nil {
				return nil, nil, err
			}
			cp := *p
			if ctx.Has("Name") {
				name := strings.TrimSpace(ctx.String("Name"))
				if rec := retentionNameTaken(ctx, tx, name, p.Guid); rec != nil {
					return nil, rec, nil
				}
				cp.Name = name
			}
			if ctx.Has("RetentionId") {
				cp.RetentionID = object.ToInvariantString(object.Unwrap(ctx.Value("RetentionId")))
			}
			if ctx.Has("RetentionPolicyTagLinks") {
				names, rec, err := retentionTagLinks(ctx, tx, p.RetentionPolicyTagLinks)
				if rec != nil || err != nil {
					return nil, rec, err
				}
				cp.RetentionPolicyTagLinks = names
			}
			if ctx.Switch("IsDefault") {
				cp.IsDefault = true
			}
			if ctx.Switch("IsDefaultArbitrationMailbox") {
				cp.IsDefaultArbitration = true
			}
			return &cp, nil, nil
		}
		var rec *object.ErrorRecord
		var target string
		if done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			p, r, err := plan(tx)
			rec = r
			if p != nil {
				target = p.Name
			}
			return rec, err
		}); err != nil || !done {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Setting retention policy \"%s\".", target), target)
		if err != nil || !ok {
			return err
		}
		done, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			p, r, err := plan(tx)
			if err != nil || r != nil {
				return r, err
			}
			if err := claimRetentionDefaults(ctx, tx, p); err != nil {
				return nil, err
			}
			return nil, mrm.PutMRMPolicy(tx, p)
		})
		if err != nil || !done {
			return err
		}
		return nil
	}
	return c
}

func getRetentionPolicyTag() *command.Command {
	c := exo.Declared("Get-RetentionPolicyTag")
	c.Synopsis = "Lists the Exchange retention tags (delete and archive tags of the MRM policies)."
	c.Description = "-Mailbox lists the tags of the policy assigned to that mailbox. -Types filters by tag type (All, Inbox, DeletedItems, RecoverableItems, Personal ...)."
	c.OutputType = TypeRetentionTag
	c.Examples = []command.Example{
		{Code: "Get-RetentionPolicyTag", Remark: "Lists every retention tag."},
		{Code: "Get-RetentionPolicyTag -Mailbox annb | Format-Table Name,RetentionAction,AgeLimitForRetention", Remark: "Shows the tags that apply to Ann Beebe's mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
		types := exo.ValueStrings(ctx.Value("Types"))
		var list []*mrm.MRMTag
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			switch {
			case id != "":
				t, err := mrm.FindMRMTag(tx, id)
				if isNotFound(err) {
					return exo.NotFound(ctx, id), nil
				}
				if err != nil {
					return nil, err
				}
				list = []*mrm.MRMTag{t}
			case ctx.Has("Mailbox"):
				mid := exo.IdentityOf(object.Unwrap(ctx.Value("Mailbox")))
				ms, err := directory.ResolveMailboxes(tx, mid, directory.ScopeIncludeInactive)
				if err != nil || len(ms) != 1 {
					if err == nil || isNotFound(err) {
						return exo.NotFound(ctx, mid), nil
					}
					var amb *store.AmbiguousError
					if errors.As(err, &amb) {
						return exo.Ambiguous(ctx, mid), nil
					}
					return nil, err
				}
				p, err := mrm.FindMRMPolicy(tx, ms[0].RetentionPolicy)
				if isNotFound(err) {
					return nil, nil
				}
				if err != nil {
					return nil, err
				}
				for _, n := range p.RetentionPolicyTagLinks {
					if t, err := mrm.FindMRMTag(tx, n); err == nil {
						list = append(list, t)
					}
				}
			default:
				var err error
				list, err = mrm.MRMTags(tx)
				return nil, err
			}
			return nil, nil
		})
		if err != nil || !done {
			return err
		}
		for _, t := range list {
			if len(types) > 0 && !exo.ContainsFold(types, t.Type) {
				continue
			}
			if err := ctx.WriteObject(RetentionTagObject(t)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}
