package groups

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
)

// linkTypes are the values of -LinkType.
var linkTypes = []string{"Members", "Owners", "Subscribers", "Aggregators", "EventSubscribers"}

func linkCommands() []*command.Command {
	linkType := params.DotNetEnumType("LinkType", "Microsoft.Exchange.Management.RecipientTasks.LinkType", linkTypes...)
	add := exo.Declared("Add-UnifiedGroupLinks")
	add.Synopsis = "Adds members, owners or subscribers to a Microsoft 365 group."
	add.ConfirmImpact = command.ImpactMedium
	add.Examples = []command.Example{
		{Code: "Add-UnifiedGroupLinks -Identity 'Project Falcon' -LinkType Members -Links annb@contoso.com, marion@contoso.com", Remark: "Adds two members."},
		{Code: "Add-UnifiedGroupLinks -Identity 'Project Falcon' -LinkType Owners -Links meganb", Remark: "Makes a member an owner (only members can be owners)."},
	}
	exo.Describe(add, map[string]string{
		"Identity": "The Microsoft 365 group.",
		"LinkType": "Members, Owners or Subscribers (owners and subscribers must be members first).",
		"Links":    "The recipients to add.",
	})
	exo.DeclaredParam(add, "LinkType").Type = linkType
	add.Handler.Process = func(ctx *command.Context) error { return changeLinks(ctx, true) }

	remove := exo.Declared("Remove-UnifiedGroupLinks")
	remove.Synopsis = "Removes members, owners or subscribers from a Microsoft 365 group."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{
		"Identity": "The Microsoft 365 group.",
		"LinkType": "Members, Owners or Subscribers (an owner is removed as owner before as member; the last owner stays).",
		"Links":    "The recipients to remove.",
	})
	exo.DeclaredParam(remove, "LinkType").Type = linkType
	remove.Handler.Process = func(ctx *command.Context) error { return changeLinks(ctx, false) }
	return []*command.Command{add, remove}
}

// changeLinks adds (add) or removes the -Links of a Microsoft 365 group in
// one transaction: a refusal for any of them changes nothing.
func changeLinks(ctx *command.Context, add bool) error {
	kind := ctx.String("LinkType")
	switch strings.ToLower(kind) {
	case "aggregators", "eventsubscribers":
		rec := ctx.NewError(fmt.Sprintf("The -LinkType %s of %s is real, but exosim does not simulate it: the call was not run.", kind, ctx.Command.Name),
			"ParameterNotSimulated", object.NotImplemented, "NotImplementedException", kind)
		rec.ExceptionFullType = "System.NotImplementedException"
		return ctx.WriteError(rec)
	}
	var values []any
	if items, ok := object.Enumerate(object.Unwrap(ctx.Value("Links"))); ok {
		values = items
	} else {
		values = []any{ctx.Value("Links")}
	}
	var g *groups.Group
	var names []string
	var links []groups.Member
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		names, links = nil, nil
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findOne(ctx, tx, ctx.Value("Identity"), true)
		if err != nil || rec != nil {
			return rec, err
		}
		for _, v := range values {
			m, name, rec, err := resolveMember(ctx, tx, v)
			if err != nil || rec != nil {
				return rec, err
			}
			if m.Kind == groups.MemberGroup {
				return exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" can't be linked to a Microsoft 365 group: only users can be its members, owners or subscribers.", name), name), nil
			}
			names, links = append(names, name), append(links, m)
		}
		return nil, nil
	}
	verb := "Adding"
	if !add {
		verb = "Removing"
	}
	_, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("%s %s \"%s\" of the Microsoft 365 group \"%s\".", verb, strings.ToLower(kind), strings.Join(names, ", "), g.Name), g.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		for i, m := range links {
			r := linkChange(ctx, g, m, names[i], kind, add)
			if r != nil {
				return r, nil
			}
		}
		g.WhenChanged = tx.Now()
		return nil, groups.Put(tx, g)
	})
	return err
}

// linkChange applies one link to the group record, or returns why it is
// refused: owners and subscribers must be members, an owner stays a
// member until removed as owner, and a group keeps at least one owner.
func linkChange(ctx *command.Context, g *groups.Group, m groups.Member, name, kind string, add bool) *object.ErrorRecord {
	isMember := hasMember(g.Members, m.ID)
	switch strings.ToLower(kind) {
	case "members":
		if add {
			if !isMember {
				g.Members = append(g.Members, m)
				if !hasMember(g.Subscribers, m.ID) {
					g.Subscribers = append(g.Subscribers, m)
				}
			}
			return nil
		}
		if hasMember(g.ManagedBy, m.ID) {
			return exo.InvalidOperation(ctx, fmt.Sprintf("\"%s\" is an owner of the group \"%s\". Remove them as an owner first, then as a member.", name, g.Name), name)
		}
		g.Members = without(g.Members, m.ID)
		g.Subscribers = without(g.Subscribers, m.ID)
	case "owners":
		if add {
			if !isMember {
				return exo.InvalidOperation(ctx, fmt.Sprintf("Only members can be owners of the group \"%s\": add \"%s\" as a member first.", g.Name, name), name)
			}
			if !hasMember(g.ManagedBy, m.ID) {
				g.ManagedBy = append(g.ManagedBy, m)
			}
			return nil
		}
		if hasMember(g.ManagedBy, m.ID) && len(g.ManagedBy) == 1 {
			return exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" must have at least one owner: \"%s\" is the last one.", g.Name, name), name)
		}
		g.ManagedBy = without(g.ManagedBy, m.ID)
	case "subscribers":
		if add {
			if !isMember {
				return exo.InvalidOperation(ctx, fmt.Sprintf("Only members can subscribe to the group \"%s\": add \"%s\" as a member first.", g.Name, name), name)
			}
			if !hasMember(g.Subscribers, m.ID) {
				g.Subscribers = append(g.Subscribers, m)
			}
			return nil
		}
		g.Subscribers = without(g.Subscribers, m.ID)
	}
	return nil
}

func without(ms []groups.Member, id string) []groups.Member {
	out := ms[:0:0]
	for _, x := range ms {
		if !strings.EqualFold(x.ID, id) {
			out = append(out, x)
		}
	}
	return out
}
