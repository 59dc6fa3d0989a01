// Package recoverable declares Get-RecoverableItems and
// Restore-RecoverableItems: the deleted items of mailboxes (Deleted Items
// and the Recoverable Items Deletions, Purges and DiscoveryHolds folders)
// as the tenant keeps them (store/recoverable), listed with the service's
// filters and restored to the folder they were deleted from.
package recoverable

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	items "github.com/exosim/exosim/store/recoverable"
)

// Output types of the two cmdlets.
const (
	TypeItem     = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.RecoverableItem"
	TypeRestored = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.RestoredRecoverableItem"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-RecoverableItems", Build: getCmd},
	{Name: "Restore-RecoverableItems", Build: restoreCmd},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

var itemProps = []string{"Identity", "EntryID", "SourceFolder", "Subject", "LastParentFolderID", "LastParentPath", "ItemClass", "LastModifiedTime"}

// Views registers the list views of both outputs.
func Views(r *format.Registry) {
	li := func(names []string) []format.ListItem {
		out := make([]format.ListItem, 0, len(names))
		for _, n := range names {
			out = append(out, format.ListItem{Property: n})
		}
		return out
	}
	r.Add(&format.View{Name: TypeItem, TypeNames: []string{TypeItem}, Kind: format.ListView, Items: li(itemProps)})
	r.Add(&format.View{Name: TypeRestored, TypeNames: []string{TypeRestored}, Kind: format.ListView,
		Items: li(append(append([]string(nil), itemProps...), "RestoredToFolderPath", "WasRestoredSuccessfully"))})
}

// sourceFolderType is the -SourceFolder parameter's enum.
var sourceFolderType = lazy.Value[*params.Type]{Build: func() *params.Type {
	var vals []string
	for _, s := range items.SourceFolders {
		vals = append(vals, s.Name)
	}
	return params.DotNetEnumType("RecoverableItemsFolderType", "Microsoft.Exchange.Data.Storage.Management.RecoverableItemsFolderType", vals...)
}}

// declare gives both cmdlets their declaration: the cloud -Identity takes
// several mailboxes, -SourceFolder is its enum, -MaxParallelSize is 1 to
// 10; -Identity and -EntryID also bind from a piped item's properties, so
// Get-RecoverableItems … | Restore-RecoverableItems restores what was
// listed (the cmdlet reference shows that pipeline).
func declare(c *command.Command, restore bool) *command.Command {
	id := exo.DeclaredParam(c, "Identity")
	t := *id.Type
	t.Array, t.Name = true, strings.TrimSuffix(t.Name, "[]")+"[]"
	id.Type = &t
	exo.DeclaredParam(c, "SourceFolder").Type = sourceFolderType.Get()
	mp := exo.DeclaredParam(c, "MaxParallelSize")
	mp.Min, mp.Max = 1, 10
	help := map[string]string{
		"Identity":           "The mailboxes whose deleted items to use, by any identity; several are separated by commas.",
		"EntryID":            "One deleted item, by the EntryID Get-RecoverableItems shows.",
		"FilterStartTime":    "Only items whose LastModifiedTime (when they were deleted) is at or after this time.",
		"FilterEndTime":      "Only items whose LastModifiedTime is at or before this time.",
		"FilterItemType":     "Only items of this message class (IPM.Note, IPM.Appointment, IPM.Contact, IPM.Task …).",
		"LastParentFolderID": "Only items deleted from the folder with this folder ID (LastParentFolderID).",
		"MaxParallelSize":    "How many mailboxes the service works on at once (1 to 10); no effect on the result.",
		"ResultSize":         "How many items to use (default 1000) or Unlimited.",
		"SourceFolder":       "Where to look: DeletedItems, RecoverableItems (Deletions), PurgedItems (Purges) or DiscoveryHoldsItems; without it the first three.",
		"SubjectContains":    "Only items whose subject contains this text.",
	}
	if restore {
		help["NoOutput"] = "Restores without writing the restored items."
		help["RestoreTargetFolder"] = "A folder under the top of the mailbox to restore into; the items keep their folder path beneath it. Created when missing."
	} else {
		help["SkipCount"] = "Skips this many matching items before the ones written."
	}
	exo.Describe(c, help)
	c.Handler.Process = func(ctx *command.Context) error { return run(ctx, restore) }
	if restore {
		for _, n := range []string{"Identity", "EntryID"} {
			p := exo.DeclaredParam(c, n)
			for i := range p.Sets {
				p.Sets[i].FromPipelineByName = true
			}
		}
	}
	// -PolicyTag is undocumented (its reference entry has no
	// description): a call that uses it fails saying it is not simulated.
	var modelled []string
	for _, p := range c.Params {
		if p.Name != "PolicyTag" {
			modelled = append(modelled, p.Name)
		}
	}
	return exo.Partial(c, modelled...)
}

func getCmd() *command.Command {
	c := declare(exo.Declared("Get-RecoverableItems"), false)
	c.Synopsis = "Lists the deleted items of mailboxes: Deleted Items and the Recoverable Items Deletions and Purges folders (DiscoveryHolds on request)."
	c.Description = "Items stay in Recoverable Items for the mailbox's deleted item retention (RetainDeletedItemsFor, 14 days unless changed) " +
		"unless a hold keeps them; the Managed Folder Assistant purges the others as the clock advances. -PolicyTag is not simulated."
	c.OutputType = TypeItem
	c.Examples = []command.Example{
		{Code: "Get-RecoverableItems annb", Remark: "Lists Ann Beebe's deleted items."},
		{Code: "Get-RecoverableItems annb,meganb -SourceFolder RecoverableItems -FilterItemType IPM.Note | Format-Table Identity,Subject,LastParentPath",
			Remark: "Lists the soft-deleted messages of two mailboxes."},
	}
	return c
}

func restoreCmd() *command.Command {
	c := declare(exo.Declared("Restore-RecoverableItems"), true)
	c.Synopsis = "Restores deleted items to the folder they were deleted from (or under -RestoreTargetFolder)."
	c.Description = "An item whose folder no longer exists goes to the default folder of its kind (Inbox for mail, Calendar for appointments …). " +
		"The item leaves Recoverable Items and the folder statistics move with it. -PolicyTag is not simulated."
	c.OutputType = TypeRestored
	c.Examples = []command.Example{
		{Code: "Restore-RecoverableItems annb -SubjectContains 'Vendor invoice' -FilterItemType IPM.Note", Remark: "Restores Ann's deleted vendor invoice messages."},
		{Code: "Get-RecoverableItems meganb | Restore-RecoverableItems", Remark: "Restores every deleted item of Megan's mailbox."},
	}
	return c
}

// query is what the filters of a call select.
type query struct {
	folders             map[string]bool
	entryID, parentID   string
	itemType, subject   string
	start, end          time.Time
	hasStart, hasEnd    bool
	limit, skip         int
	explicitResultLimit bool
}

func readQuery(ctx *command.Context) (*query, error) {
	q := &query{folders: map[string]bool{}}
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return nil, err
	}
	q.limit, q.explicitResultLimit = limit, explicit
	if ctx.Has("SourceFolder") {
		name := ctx.String("SourceFolder")
		for _, s := range items.SourceFolders {
			if strings.EqualFold(s.Name, name) {
				q.folders[s.FolderType] = true
			}
		}
	} else {
		for _, s := range items.SourceFolders[:3] {
			q.folders[s.FolderType] = true
		}
	}
	q.entryID = strings.TrimSpace(ctx.String("EntryID"))
	q.parentID = strings.TrimSpace(ctx.String("LastParentFolderID"))
	q.itemType = strings.TrimSpace(ctx.String("FilterItemType"))
	q.subject = ctx.String("SubjectContains")
	q.start, q.hasStart = ctx.Time("FilterStartTime")
	q.end, q.hasEnd = ctx.Time("FilterEndTime")
	if q.hasStart && q.hasEnd && q.end.Before(q.start) {
		return nil, ctx.Fail(exo.Invalid(ctx, "The FilterEndTime value must be later than the FilterStartTime value.", nil))
	}
	if ctx.Has("SkipCount") {
		if q.skip = ctx.Int("SkipCount"); q.skip < 0 {
			return nil, ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The SkipCount value %d isn't valid: it can't be negative.", q.skip), q.skip))
		}
	}
	return q, nil
}

func (q *query) match(it *items.Item) bool {
	switch {
	case !q.folders[it.FolderType]:
		return false
	case q.entryID != "" && !strings.EqualFold(q.entryID, it.EntryID):
		return false
	case q.parentID != "" && !strings.EqualFold(q.parentID, it.LastParentFolderID):
		return false
	case q.itemType != "" && !strings.EqualFold(q.itemType, it.ItemClass):
		return false
	case q.subject != "" && !strings.Contains(strings.ToLower(it.Subject), strings.ToLower(q.subject)):
		return false
	case q.hasStart && it.LastModifiedTime.Before(q.start.UTC()):
		return false
	case q.hasEnd && it.LastModifiedTime.After(q.end.UTC()):
		return false
	}
	return true
}

// identities returns the -Identity values as (lookup, shown) pairs.
func identities(ctx *command.Context) [][2]string {
	var out [][2]string
	v := object.Unwrap(ctx.Value("Identity"))
	var vals []any
	switch x := v.(type) {
	case []any:
		vals = x
	case *object.List:
		vals = x.Items
	default:
		vals = []any{v}
	}
	for _, e := range vals {
		id, shown := mailbox.IdentityString(object.Unwrap(e))
		out = append(out, [2]string{strings.TrimSpace(id), shown})
	}
	return out
}

// run lists (restore false) or restores the matching items of every
// mailbox named.
func run(ctx *command.Context, restore bool) error {
	q, err := readQuery(ctx)
	if err != nil {
		return err
	}
	var out []*object.PSObject
	var recs []*object.ErrorRecord
	work := func(tx *store.Tx) error {
		out, recs = out[:0], recs[:0]
		n, skipped, full := 0, 0, false
		for _, id := range identities(ctx) {
			m, rec, err := mailbox.ResolveOne(ctx, tx, id[0], id[1], directory.ScopeActive, true)
			if err != nil {
				return err
			}
			if rec != nil {
				recs = append(recs, rec)
				continue
			}
			var list []*items.Item
			if m.IsMailUser() {
				continue // a mail user has no mailbox, so no deleted items
			}
			if restore {
				list, err = items.Sync(tx, m.Guid)
			} else {
				list, err = items.List(tx, m.Guid)
			}
			if err != nil {
				return err
			}
			sort.SliceStable(list, func(i, j int) bool { return list[i].LastModifiedTime.After(list[j].LastModifiedTime) })
			for _, it := range list {
				if !q.match(it) {
					continue
				}
				if skipped < q.skip {
					skipped++
					continue
				}
				o := itemObject(m, it, restore)
				if q.limit >= 0 && n >= q.limit {
					// one more than the limit: WriteLimited warns
					if !full {
						out = append(out, o)
					}
					full = true
					break
				}
				n++
				if restore {
					res, err := items.Restore(tx, it, items.NormalizeTargetFolder(ctx.String("RestoreTargetFolder")))
					var ve *store.ValidationError
					switch {
					case errors.As(err, &ve):
						o.AddTyped("RestoredToFolderPath", "System.String", nil)
						o.AddTyped("WasRestoredSuccessfully", "System.Boolean", false)
					case err != nil:
						return err
					default:
						o.AddTyped("RestoredToFolderPath", "System.String", strings.TrimPrefix(res.FolderPath, "/"))
						o.AddTyped("WasRestoredSuccessfully", "System.Boolean", true)
					}
				}
				out = append(out, o)
			}
		}
		return nil
	}
	if restore {
		err = exo.Update(ctx, work)
	} else {
		err = exo.View(ctx, work)
	}
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if err := ctx.WriteError(rec); err != nil {
			return err
		}
	}
	if restore && ctx.Switch("NoOutput") {
		return nil
	}
	return mailbox.WriteLimited(ctx, out, q.limit, q.explicitResultLimit)
}

// itemObject is the output object of one deleted item.
func itemObject(m *directory.Mailbox, it *items.Item, restored bool) *object.PSObject {
	tn := TypeItem
	if restored {
		tn = TypeRestored
	}
	o := object.NewObject(tn, "Deserialized.System.Object")
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("EntryID", "System.String", it.EntryID)
	o.AddTyped("SourceFolder", "System.String", items.SourceFolderName(it.FolderType))
	o.AddTyped("Subject", "System.String", it.Subject)
	o.AddTyped("LastParentFolderID", "System.String", it.LastParentFolderID)
	o.AddTyped("LastParentPath", "System.String", strings.TrimPrefix(it.LastParentPath, "/"))
	o.AddTyped("ItemClass", "System.String", it.ItemClass)
	o.AddTyped("LastModifiedTime", "System.DateTime", it.LastModifiedTime.UTC())
	subject := it.Subject
	o.ToStringFunc = func() string { return subject }
	return o
}
