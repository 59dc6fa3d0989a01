package holds

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
)

// MailboxSearchObject builds the Get-MailboxSearch object of a legacy
// In-Place Hold. SourceMailboxes and Sources both hold the source
// mailboxes' LegacyExchangeDN values.
func MailboxSearchObject(s *holds.MailboxSearch) *object.PSObject {
	o := object.NewObject(TypeMailboxSearch, "Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	o.AddTyped("Name", tStr, s.Name)
	o.AddTyped("CreatedBy", tStr, s.CreatedBy)
	o.AddTyped("CreatedTime", tDate, s.WhenCreated.UTC())
	o.AddTyped("LastModifiedBy", tStr, s.LastModifiedBy)
	o.AddTyped("LastModifiedTime", tDate, s.WhenChanged.UTC())
	o.AddTyped("Description", tStr, s.Description)
	o.AddTyped("SourceMailboxes", tList, stringList(s.SourceMailboxes))
	o.AddTyped("Sources", tList, stringList(s.SourceMailboxes))
	o.AddTyped("AllSourceMailboxes", tBool, false)
	o.AddTyped("SearchQuery", tStr, s.SearchQuery)
	o.AddTyped("EstimateOnly", tBool, false)
	o.AddTyped("ExcludeDuplicateMessages", tBool, true)
	o.AddTyped("IncludeUnsearchableItems", tBool, false)
	o.AddTyped("Status", tStr, s.Status)
	o.AddTyped("InPlaceHoldEnabled", tBool, s.InPlaceHoldEnabled)
	o.AddTyped("ItemHoldPeriod", tStr, s.ItemHoldPeriod)
	o.AddTyped("InPlaceHoldIdentity", tStr, s.InPlaceHoldIdentity)
	o.AddTyped("Identity", tStr, s.Name)
	o.AddTyped("Guid", tGuid, s.Guid)
	o.AddTyped("IsValid", tBool, true)
	return o
}

// searchIdentity turns an -Identity argument (a name, a piped search
// object) into the string the store resolves.
func searchIdentity(v any) string {
	v = object.Unwrap(v)
	if o, ok := v.(*object.PSObject); ok {
		if g := o.Value("Guid"); g != nil {
			if s := object.ToInvariantString(g); s != "" {
				return s
			}
		}
	}
	return strings.TrimSpace(exo.IdentityOf(v))
}

func getMailboxSearch() *command.Command {
	c := exo.Declared("Get-MailboxSearch")
	c.Synopsis = "Shows the legacy In-Place Holds (mailbox searches) that still exist in the organization."
	c.Description = "The *-MailboxSearch cmdlets are retired and print a warning, but existing In-Place Holds can still be inspected. -InPlaceHoldIdentity takes the ID exactly as it appears in a mailbox's InPlaceHolds (with the cld prefix when there is one)."
	c.OutputType = TypeMailboxSearch
	c.Examples = []command.Example{
		{Code: "Get-MailboxSearch", Remark: "Lists the In-Place Holds."},
		{Code: "Get-MailboxSearch | Format-List Name,InPlaceHoldIdentity,InPlaceHoldEnabled,SourceMailboxes", Remark: "Shows each hold's ID (as stamped in the mailboxes' InPlaceHolds) and its source mailboxes; add -InPlaceHoldIdentity <id> to find the hold behind one ID."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		obsoleteWarning(ctx)
		holdID := strings.TrimSpace(ctx.String("InPlaceHoldIdentity"))
		id := searchIdentity(ctx.Value("Identity"))
		var list []*holds.MailboxSearch
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			want := id
			if holdID != "" {
				want = holdID
			}
			if want == "" {
				var err error
				list, err = holds.ListMailboxSearches(tx)
				return nil, err
			}
			s, err := holds.GetMailboxSearch(tx, want)
			if isNotFound(err) || (err == nil && holdID != "" && !strings.EqualFold(s.InPlaceHoldIdentity, holdID)) {
				return exo.NotFound(ctx, want), nil
			}
			if err != nil {
				return nil, err
			}
			list = []*holds.MailboxSearch{s}
			return nil, nil
		})
		if err != nil || !done {
			return err
		}
		for _, s := range list {
			if err := ctx.WriteObject(MailboxSearchObject(s)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// searchChange is a validated Set-MailboxSearch change.
type searchChange struct {
	search  *holds.MailboxSearch
	sources []string // nil: unchanged
}

// planSearchChange checks Set-MailboxSearch's parameters against the hold
// and returns the changed copy; rec is set when the change is refused.
func planSearchChange(ctx *command.Context, tx *store.Tx, id string) (*searchChange, *object.ErrorRecord, error) {
	s, err := holds.GetMailboxSearch(tx, id)
	if isNotFound(err) {
		return nil, exo.NotFound(ctx, id), nil
	}
	if err != nil {
		return nil, nil, err
	}
	cp := *s
	cp.SourceMailboxes = append([]string(nil), s.SourceMailboxes...)
	ch := &searchChange{search: &cp}
	if ctx.Has("ItemHoldPeriod") {
		return nil, exo.Error(ctx, exInvalidOperation,
			fmt.Sprintf("The hold duration (ItemHoldPeriod) of the In-Place Hold '%s' can't be changed: In-Place Hold durations can no longer be changed in Exchange Online. Remove the hold, or use a retention policy instead.", s.Name),
			object.InvalidOperation, s.Name), nil
	}
	if ctx.Has("InPlaceHoldEnabled") {
		on := ctx.Bool("InPlaceHoldEnabled")
		if on && !s.InPlaceHoldEnabled {
			return nil, exo.Error(ctx, exInvalidOperation,
				fmt.Sprintf("The In-Place Hold '%s' can't be turned on again: new In-Place Holds can no longer be placed in Exchange Online. Use a retention policy or an eDiscovery case hold instead.", s.Name),
				object.InvalidOperation, s.Name), nil
		}
		cp.InPlaceHoldEnabled = on
	}
	if ctx.Has("SourceMailboxes") {
		// A source is a LegacyExchangeDN or a mailbox identity; the list
		// is replaced, or edited with @{Add=...;Remove=...}.
		toDN := func(v string) (string, *object.ErrorRecord, error) {
			if strings.HasPrefix(strings.ToLower(v), "/o=") {
				return v, nil, nil
			}
			ms, err := directory.ResolveMailboxes(tx, v, directory.ScopeIncludeInactive)
			var amb *store.AmbiguousError
			switch {
			case errors.As(err, &amb) || len(ms) > 1:
				return "", exo.Ambiguous(ctx, v), nil
			case isNotFound(err) || (err == nil && len(ms) == 0):
				return "", exo.NotFound(ctx, v), nil
			case err != nil:
				return "", nil, err
			}
			return ms[0].LegacyExchangeDN, nil, nil
		}
		arg := object.Unwrap(ctx.Value("SourceMailboxes"))
		var dns []string
		if h, ok := arg.(*object.Hashtable); ok {
			dns = append(dns, s.SourceMailboxes...)
			add, _ := h.Get("Add")
			rem, _ := h.Get("Remove")
			for _, v := range exo.ValueStrings(add) {
				d, rec, err := toDN(v)
				if rec != nil || err != nil {
					return nil, rec, err
				}
				if !exo.ContainsFold(dns, d) {
					dns = append(dns, d)
				}
			}
			for _, v := range exo.ValueStrings(rem) {
				d, rec, err := toDN(v)
				if rec != nil || err != nil {
					return nil, rec, err
				}
				dns = exo.RemoveFold(dns, d)
			}
		} else {
			for _, v := range exo.ValueStrings(arg) {
				d, rec, err := toDN(v)
				if rec != nil || err != nil {
					return nil, rec, err
				}
				dns = append(dns, d)
			}
		}
		if dns == nil {
			dns = []string{}
		}
		for _, d := range dns {
			if !exo.ContainsFold(s.SourceMailboxes, d) && cp.InPlaceHoldEnabled {
				return nil, exo.Error(ctx, exInvalidOperation,
					fmt.Sprintf("The mailbox '%s' can't be added to the In-Place Hold '%s': new In-Place Holds can no longer be placed in Exchange Online.", d, s.Name),
					object.InvalidOperation, d), nil
			}
		}
		ch.sources = dns
		cp.SourceMailboxes = dns
	}
	for name, dst := range map[string]*string{"Name": &cp.Name, "Description": &cp.Description, "SearchQuery": &cp.SearchQuery} {
		if ctx.Has(name) {
			*dst = ctx.String(name)
		}
	}
	if ctx.Has("Name") && !strings.EqualFold(cp.Name, s.Name) {
		if other, err := holds.GetMailboxSearch(tx, cp.Name); err == nil && other.Guid != s.Guid {
			return nil, exo.Error(ctx, "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException",
				fmt.Sprintf("A mailbox search with the name \"%s\" already exists.", cp.Name), object.ResourceExists, cp.Name), nil
		}
	}
	// Further documented settings are kept as given.
	for _, n := range []string{"AllPublicFolderSources", "AllSourceMailboxes", "EndDate", "StartDate", "EstimateOnly", "ExcludeDuplicateMessages",
		"IncludeKeywordStatistics", "IncludeUnsearchableItems", "Language", "LogLevel", "MessageTypes", "Recipients", "Senders",
		"StatisticsStartIndex", "StatusMailRecipients", "TargetMailbox"} {
		if !ctx.Has(n) {
			continue
		}
		p := ctx.Command.Param(n)
		raw, err := store.EncodeExtra(settingValue(p, ctx.Value(n)))
		if err != nil {
			return nil, nil, err
		}
		if cp.Extra == nil {
			cp.Extra = map[string]store.RawValue{}
		}
		cp.Extra[n] = raw
	}
	return ch, nil, nil
}

func setMailboxSearch() *command.Command {
	c := exo.Declared("Set-MailboxSearch")
	c.Synopsis = "Turns off a legacy In-Place Hold or edits its source mailboxes."
	c.Description = "-InPlaceHoldEnabled $false releases every source mailbox (each gets a delay hold); -SourceMailboxes replaces the list of held mailboxes, releasing the ones left out. New holds can't be placed and -ItemHoldPeriod can no longer be changed: both are refused."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "Get-MailboxSearch | Where-Object InPlaceHoldEnabled | Set-MailboxSearch -InPlaceHoldEnabled $false", Remark: "Turns every In-Place Hold off so that they can be removed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		obsoleteWarning(ctx)
		id := searchIdentity(ctx.Value("Identity"))
		var rec *object.ErrorRecord
		var name string
		if done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			ch, r, err := planSearchChange(ctx, tx, id)
			rec = r
			if ch != nil {
				name = ch.search.Name
			}
			return rec, err
		}); err != nil || !done {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Modifying mailbox search \"%s\".", name), name)
		if err != nil || !ok {
			return err
		}
		done, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			ch, r, err := planSearchChange(ctx, tx, id)
			if err != nil || r != nil {
				return r, err
			}
			in := holds.MailboxSearchChange{Actor: adminOf(tx)}
			if ctx.Has("InPlaceHoldEnabled") {
				on := ch.search.InPlaceHoldEnabled
				in.InPlaceHoldEnabled = &on
			}
			if ch.sources != nil {
				in.SourceMailboxes = &ch.sources
			}
			if ctx.Has("Description") {
				in.Description = &ch.search.Description
			}
			if ctx.Has("SearchQuery") {
				in.SearchQuery = &ch.search.SearchQuery
			}
			s, err := holds.SetMailboxSearch(tx, ch.search.Guid, in)
			if err != nil {
				return nil, err
			}
			if s.Name != ch.search.Name || len(ch.search.Extra) > 0 {
				s.Name, s.Extra = ch.search.Name, ch.search.Extra
				return nil, holds.PutMailboxSearch(tx, s)
			}
			return nil, nil
		})
		if err != nil || !done {
			return err
		}
		return nil
	}
	return c
}

func removeMailboxSearch() *command.Command {
	c := exo.Declared("Remove-MailboxSearch")
	c.Synopsis = "Deletes a legacy In-Place Hold (mailbox search) that has been turned off."
	c.Description = "An In-Place Hold that is still enabled can't be removed: turn it off first with Set-MailboxSearch -InPlaceHoldEnabled $false. Removing it takes its ID off every source mailbox."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: "Get-MailboxSearch | Where-Object { -not $_.InPlaceHoldEnabled } | Remove-MailboxSearch -Confirm:$false", Remark: "Deletes every In-Place Hold that is already turned off."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		obsoleteWarning(ctx)
		id := searchIdentity(ctx.Value("Identity"))
		var rec *object.ErrorRecord
		var s *holds.MailboxSearch
		if done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var err error
			s, err = holds.GetMailboxSearch(tx, id)
			if isNotFound(err) {
				return exo.NotFound(ctx, id), nil
			}
			if err == nil && s.InPlaceHoldEnabled {
				rec = inPlaceEnabledError(ctx, s.Name)
			}
			return rec, err
		}); err != nil || !done {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Removing mailbox search \"%s\".", s.Name), s.Name)
		if err != nil || !ok {
			return err
		}
		done, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			err := holds.RemoveMailboxSearch(tx, s.Guid)
			var enabled *holds.InPlaceHoldEnabledError
			if errors.As(err, &enabled) {
				return inPlaceEnabledError(ctx, enabled.Name), nil
			}
			return nil, err
		})
		if err != nil || !done {
			return err
		}
		return nil
	}
	return c
}

// inPlaceEnabledError refuses to remove an In-Place Hold that is still on.
func inPlaceEnabledError(ctx *command.Context, name string) *object.ErrorRecord {
	return exo.Error(ctx, exInvalidOperation,
		fmt.Sprintf("Can't remove mailbox search '%s' because In-Place Hold is still enabled. Turn the hold off first with Set-MailboxSearch -InPlaceHoldEnabled $false, then remove the search.", name),
		object.InvalidOperation, name)
}

// adminOf returns the acting administrator recorded on changes.
func adminOf(tx *store.Tx) string {
	if o, err := directory.GetOrganization(tx); err == nil {
		return o.AdminUPN
	}
	return ""
}
