package permissions

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
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

func recipientCommands() []*command.Command {
	get := exo.Declared("Get-RecipientPermission")
	get.Synopsis = "Lists who may send as a recipient (Send As): its own account and the users and groups granted it."
	get.OutputType = TypeRecipientPermission
	get.Examples = []command.Example{
		{Code: "Get-RecipientPermission info", Remark: "Shows who can send as the shared mailbox."},
		{Code: "Get-RecipientPermission -Trustee carolo@contoso.com", Remark: "Lists every recipient Carol can send as."},
	}
	exo.Describe(get, map[string]string{
		"Identity":                             "The recipient (mailbox, mail user or group); without it every recipient is listed.",
		"Trustee":                              "Shows only the entries of this user or group.",
		"AccessRights":                         "Shows only entries with this right (SendAs).",
		"ResultSize":                           "How many entries to show (default 1000) or Unlimited.",
		"IncludeTrusteeWithPrimarySmtpAddress": "Accepted; trustees show by sign-in name.",
		"ReadFromDomainController":             "Accepted; the directory has one copy.",
	})
	get.Handler.Process = func(ctx *command.Context) error { return getRecipientPermission(ctx, false) }

	add := exo.Declared("Add-RecipientPermission")
	add.Synopsis = "Lets a user or mail-enabled security group send as a recipient (Send As)."
	add.OutputType = TypeRecipientPermission
	add.ConfirmImpact = command.ImpactHigh
	add.Examples = []command.Example{
		{Code: "Add-RecipientPermission info -Trustee carolo -AccessRights SendAs -Confirm:$false", Remark: "Lets Carol send as the shared mailbox."},
	}
	exo.Describe(add, map[string]string{
		"Identity":     "The recipient: a mailbox, mail user or group.",
		"Trustee":      "Who may send as it: a mailbox user, mail user or mail-enabled security group.",
		"AccessRights": "SendAs, the only right.",
	})
	add.Handler.Process = addRecipientPermission

	remove := exo.Declared("Remove-RecipientPermission")
	remove.Synopsis = "Takes Send As on a recipient away from a user or group."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{
		"Identity":                             "The recipient: a mailbox, mail user or group.",
		"Trustee":                              "Whose Send As to remove.",
		"AccessRights":                         "SendAs, the only right.",
		"Deny":                                 "Removes a deny entry instead of an allow entry.",
		"MultiTrustees":                        "Further trustees whose Send As to remove.",
		"SkipDomainValidationForMailContact":   "Accepted; trustees are not validated by domain.",
		"SkipDomainValidationForMailUser":      "Accepted; trustees are not validated by domain.",
		"SkipDomainValidationForSharedMailbox": "Accepted; trustees are not validated by domain.",
	})
	remove.Handler.Process = removeRecipientPermission

	exoGet := exo.Declared("Get-EXORecipientPermission")
	exoGet.Synopsis = "Lists Send As permissions over the REST API: one recipient, or every recipient."
	exoGet.OutputType = TypeEXORecipientPerm
	exo.Describe(exoGet, map[string]string{
		"Identity":                  "The recipient; without it (or another identity) every recipient is listed.",
		"ExternalDirectoryObjectId": "The recipient by its Microsoft Entra object ID.",
		"PrimarySmtpAddress":        "The recipient by its primary address.",
		"UserPrincipalName":         "The recipient by its sign-in name.",
		"Trustee":                   "Shows only the entries of this user or group.",
		"AccessRights":              "Shows only entries with this right (SendAs).",
		"ResultSize":                "How many entries to show (default 1000) or Unlimited.",
	})
	exoGet.Handler.Process = func(ctx *command.Context) error { return getRecipientPermission(ctx, true) }
	return []*command.Command{get, add, remove, exoGet}
}

// recipient is an object Send As is granted on.
type recipient struct {
	key, identity, dn string
	// own: the recipient has an account of its own (NT AUTHORITY\SELF
	// may send as it).
	own bool
}

func mailboxRecipient(m *directory.Mailbox) *recipient {
	return &recipient{key: m.Guid, identity: m.Identity(), dn: m.DistinguishedName, own: !m.IsMailUser()}
}

// resolveRecipient finds the recipient of an identity: a mailbox, a mail
// user or a group.
func resolveRecipient(ctx *command.Context, tx *store.Tx, v any) (*recipient, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	ms, err := directory.ResolveMailboxes(tx, id, directory.ScopeActive)
	var nf *store.NotFoundError
	switch {
	case err == nil && len(ms) == 1:
		return mailboxRecipient(ms[0]), nil, nil
	case err == nil:
		return nil, exo.Ambiguous(ctx, shown), nil
	case !errors.As(err, &nf):
		return nil, nil, err
	}
	gs, err := groups.Find(tx, id)
	if err != nil {
		return nil, nil, err
	}
	switch len(gs) {
	case 0:
		return nil, exo.NotFound(ctx, shown), nil
	case 1:
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, nil, err
		}
		return &recipient{key: gs[0].Guid, identity: gs[0].Name, dn: gs[0].DistinguishedName(org.Name, org.DirectoryPartition)}, nil, nil
	}
	return nil, exo.Ambiguous(ctx, shown), nil
}

// sendAsRow is one Send As entry as the cmdlets show it.
type sendAsRow struct {
	identity, trustee, sid string
	deny                   bool
}

func sendAsObject(r sendAsRow, rest bool) *object.PSObject {
	typ := TypeRecipientPermission
	if rest {
		typ = TypeEXORecipientPerm
	}
	o := object.NewObject(typ, "Deserialized.System.Object")
	control := "Allow"
	if r.deny {
		control = "Deny"
	}
	o.AddTyped("Identity", "System.String", r.identity)
	o.AddTyped("Trustee", "System.String", r.trustee)
	o.AddTyped("AccessControlType", "System.String", control)
	o.AddTyped("AccessRights", "Deserialized.Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight[]", rightsList([]string{permissions.RightSendAs}))
	o.AddTyped("IsInherited", "System.Boolean", false)
	o.AddTyped("InheritanceType", "System.String", "None")
	if !rest {
		o.AddTyped("TrusteeSidString", "System.String", r.sid)
		o.AddTyped("IsValid", "System.Boolean", true)
		o.AddTyped("ObjectState", "System.String", "Unchanged")
	}
	id := r.identity
	o.ToStringFunc = func() string { return id }
	return o
}

// sendAsRows lists the Send As entries of a recipient: deny entries,
// then the recipient's own account, then allow entries; entries whose
// holder is deleted or gone are not shown.
func sendAsRows(tx *store.Tx, hs *holders, r *recipient, only *principal) ([]sendAsRow, error) {
	entries, err := permissions.RecipientEntries(tx, r.key)
	if err != nil {
		return nil, err
	}
	var denies, allows []sendAsRow
	for _, p := range entries {
		if only != nil && (only.self || !strings.EqualFold(only.id, p.Trustee)) {
			continue
		}
		h := hs.of(p.Trustee, p.TrusteeKind)
		if h.state != holderActive {
			continue
		}
		row := sendAsRow{identity: r.identity, trustee: h.name, sid: h.sid, deny: p.Deny}
		if p.Deny {
			denies = append(denies, row)
		} else {
			allows = append(allows, row)
		}
	}
	out := denies
	if r.own && (only == nil || only.self) {
		out = append(out, sendAsRow{identity: r.identity, trustee: Self, sid: selfSid})
	}
	return append(out, allows...), nil
}

// checkSendAs validates -AccessRights: SendAs is the only right.
func checkSendAs(ctx *command.Context) *object.ErrorRecord {
	if !ctx.Has("AccessRights") {
		return nil
	}
	for _, r := range exo.CommaStrings(ctx.Value("AccessRights")) {
		if !strings.EqualFold(r, permissions.RightSendAs) {
			return exo.Error(ctx, exTaskArgument, fmt.Sprintf("The value \"%s\" isn't valid for AccessRights. The only valid value is SendAs.", r), object.InvalidArgument, r)
		}
	}
	return nil
}

func getRecipientPermission(ctx *command.Context, rest bool) error {
	if rec := checkSendAs(ctx); rec != nil {
		return ctx.WriteError(rec)
	}
	ident := identityArg(ctx)
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		hs, err := newHolders(tx)
		if err != nil {
			return nil, err
		}
		var rs []*recipient
		if ident != nil {
			r, e, err := resolveRecipient(ctx, tx, ident)
			if err != nil || e != nil {
				return e, err
			}
			rs = append(rs, r)
		} else {
			var mbxs []*directory.Mailbox
			err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
				if m.IsLive() {
					mbxs = append(mbxs, m)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			store.SortByName(mbxs, func(m *directory.Mailbox) string { return m.Name })
			for _, m := range mbxs {
				rs = append(rs, mailboxRecipient(m))
			}
			gs, err := groups.List(tx)
			if err != nil {
				return nil, err
			}
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			for _, g := range gs {
				rs = append(rs, &recipient{key: g.Guid, identity: g.Name, dn: g.DistinguishedName(org.Name, org.DirectoryPartition)})
			}
		}
		var only *principal
		if ctx.Has("Trustee") {
			p, e, err := resolvePrincipal(ctx, tx, ctx.Value("Trustee"))
			if err != nil || e != nil {
				return e, err
			}
			only = &p
		}
		for _, r := range rs {
			rows, err := sendAsRows(tx, hs, r, only)
			if err != nil {
				return nil, err
			}
			for _, row := range rows {
				objs = append(objs, sendAsObject(row, rest))
			}
		}
		return nil, nil
	})
}

// sendAsPlan resolves a recipient and the trustees of a Send As change.
type sendAsPlan struct {
	r        *recipient
	trustees []principal
	names    []string
}

func planSendAs(ctx *command.Context, tx *store.Tx, values []any) (*sendAsPlan, *object.ErrorRecord, error) {
	r, rec, err := resolveRecipient(ctx, tx, ctx.Value("Identity"))
	if err != nil || rec != nil {
		return nil, rec, err
	}
	hs, err := newHolders(tx)
	if err != nil {
		return nil, nil, err
	}
	p := &sendAsPlan{r: r}
	for _, v := range values {
		who, rec, err := resolvePrincipal(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if who.self {
			return nil, exo.InvalidOperation(ctx, "exosim keeps the recipient's own NT AUTHORITY\\SELF Send As entry as Exchange creates it and does not change it.", Self), nil
		}
		p.trustees = append(p.trustees, who)
		p.names = append(p.names, hs.of(who.id, who.kind).name)
	}
	return p, nil, nil
}

// confirmSendAs changes the Send As permissions of the recipient
// -Identity names for the trustees values name, asking first (see
// exo.Confirmed): prompt words the question, apply changes them in the
// write transaction.
func confirmSendAs(ctx *command.Context, values []any, prompt func(plan *sendAsPlan) string, apply func(tx *store.Tx, plan *sendAsPlan) (*object.ErrorRecord, error)) (bool, error) {
	var plan *sendAsPlan
	return exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		plan, rec, err = planSendAs(ctx, tx, values)
		return rec, err
	}, func() (string, string) { return prompt(plan), plan.r.identity }, func(tx *store.Tx) (*object.ErrorRecord, error) { return apply(tx, plan) })
}

func addRecipientPermission(ctx *command.Context) error {
	if rec := checkSendAs(ctx); rec != nil {
		return ctx.WriteError(rec)
	}
	values := []any{ctx.Value("Trustee")}
	var out *object.PSObject
	done, err := confirmSendAs(ctx, values, func(plan *sendAsPlan) string {
		return fmt.Sprintf("Adding recipient permission 'SendAs' for user or group '%s' on recipient '%s'.", plan.names[0], plan.r.identity)
	}, func(tx *store.Tx, plan *sendAsPlan) (*object.ErrorRecord, error) {
		who := plan.trustees[0]
		p, err := permissions.GrantSendAs(tx, plan.r.key, who.id, who.kind, false)
		if err != nil {
			return nil, err
		}
		hs, err := newHolders(tx)
		if err != nil {
			return nil, err
		}
		h := hs.of(p.Trustee, p.TrusteeKind)
		out = sendAsObject(sendAsRow{identity: plan.r.identity, trustee: h.name, sid: h.sid}, false)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func removeRecipientPermission(ctx *command.Context) error {
	if rec := checkSendAs(ctx); rec != nil {
		return ctx.WriteError(rec)
	}
	values := []any{ctx.Value("Trustee")}
	if ctx.Has("MultiTrustees") {
		for _, s := range exo.CommaStrings(ctx.Value("MultiTrustees")) {
			values = append(values, s)
		}
	}
	deny := ctx.Switch("Deny")
	var warnings []string
	done, err := confirmSendAs(ctx, values, func(plan *sendAsPlan) string {
		return fmt.Sprintf("Removing recipient permission 'SendAs' for user or group '%s' on recipient '%s'.", strings.Join(plan.names, ", "), plan.r.identity)
	}, func(tx *store.Tx, plan *sendAsPlan) (*object.ErrorRecord, error) {
		warnings = warnings[:0]
		for i, who := range plan.trustees {
			removed, err := permissions.RevokeSendAs(tx, plan.r.key, who.id, deny)
			if err != nil {
				return nil, err
			}
			if !removed {
				warnings = append(warnings, fmt.Sprintf("Can't remove the access control entry on the object \"%s\" for account \"%s\" because the ACE doesn't exist on the object.", plan.r.dn, plan.names[i]))
			}
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	for _, w := range warnings {
		ctx.WriteWarning(w)
	}
	return nil
}
