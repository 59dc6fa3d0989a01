package compliance

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/compliance/searchquery"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/contentsearch"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/ome"
)

// Content searches (New-ComplianceSearch and the rest) over the tenant's
// mailboxes. A search's estimate counts the items of the mailboxes it
// covers, by the day they were received: a query of date conditions alone
// (received, sent, date with >=, <=, >, <, = or a from..to range; kind:
// is accepted) counts every item in range; a query with keywords or
// property restrictions (subject:, from:, to:, participants:, or bare
// words matched in subject, body and sender) counts the messages of the
// tenant's mail flow that reached or left the mailbox (Send-SimMessage and
// the seeded messages), in Inbox and Sent Items. Words are joined by AND
// unless OR separates them; NOT excludes the term after it.

// Output types of the searches.
const (
	TypeComplianceSearch       = "Deserialized.Microsoft.Office.ComplianceJob.Tasks.ComplianceSearch"
	TypeComplianceSearchAction = "Deserialized.Microsoft.Office.ComplianceJob.Tasks.ComplianceSearchAction"
)

// --- the estimate ---------------------------------------------------------------

// searchMailboxes resolves a search's Exchange locations: "All" is every
// active user mailbox less the exclusions. notFound lists the locations
// that matched no mailbox.
func searchMailboxes(tx *store.Tx, s *contentsearch.Search) (ms []*directory.Mailbox, notFound []string, err error) {
	excluded := map[string]bool{}
	for _, x := range s.ExchangeLocationExclusion {
		found, err := directory.ResolveMailboxes(tx, x, directory.ScopeActive)
		if err != nil && !store.IsNotFound(err) {
			return nil, nil, err
		}
		for _, m := range found {
			excluded[m.Guid] = true
		}
	}
	seen := map[string]bool{}
	add := func(m *directory.Mailbox) {
		if !seen[m.Guid] && !excluded[m.Guid] && !m.IsMailUser() {
			seen[m.Guid] = true
			ms = append(ms, m)
		}
	}
	for _, loc := range s.ExchangeLocation {
		if strings.EqualFold(loc, "All") {
			err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
				if m.LifecycleState == directory.StateActive || m.LifecycleState == directory.StateUnlicensedGrace {
					add(m)
				}
				return nil
			})
			if err != nil {
				return nil, nil, err
			}
			continue
		}
		found, err := directory.ResolveMailboxes(tx, loc, directory.ScopeIncludeInactive)
		var amb *store.AmbiguousError
		switch {
		case errors.As(err, &amb) || len(found) > 1:
			return nil, nil, amb
		case err != nil && !store.IsNotFound(err):
			return nil, nil, err
		case len(found) == 0:
			notFound = append(notFound, loc)
			continue
		}
		add(found[0])
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].PrimarySmtpAddress < ms[j].PrimarySmtpAddress })
	return ms, notFound, nil
}

// estimate works out what a search finds in each of its mailboxes.
func estimate(tx *store.Tx, s *contentsearch.Search) ([]contentsearch.LocationResult, []string, error) {
	q, err := searchquery.Parse(s.ContentMatchQuery)
	if err != nil {
		return nil, nil, &store.ValidationError{Field: "ContentMatchQuery", Message: err.Error()}
	}
	ms, notFound, err := searchMailboxes(tx, s)
	if err != nil {
		return nil, nil, err
	}
	var msgs []*ome.Message
	if q.Keywords() {
		if err := ome.ForEachMessage(tx, "", func(m *ome.Message) error {
			if q.InRange(directory.DayNumber(m.SentTime)) && q.SizeMatch(m.Size) && q.MatchMessage(m) {
				msgs = append(msgs, m)
			}
			return nil
		}); err != nil {
			return nil, nil, err
		}
	}
	var out []contentsearch.LocationResult
	for _, m := range ms {
		r := contentsearch.LocationResult{Location: m.PrimarySmtpAddress, MailboxGuid: m.Guid}
		if q.Keywords() {
			addrs := m.SmtpAddresses()
			mine := func(a string) bool {
				for _, x := range addrs {
					if strings.EqualFold(x, a) {
						return true
					}
				}
				return false
			}
			for _, msg := range msgs {
				folder := ""
				if mine(msg.Sender) {
					folder = "/Sent Items"
				}
				for _, rc := range msg.Recipients {
					if mine(rc.Address) {
						folder = "/Inbox"
					}
				}
				if folder == "" {
					continue
				}
				day := directory.DayDate(directory.DayNumber(msg.SentTime))
				r.Groups = append(r.Groups, contentsearch.ItemGroup{Folder: folder, Day: day, Count: 1, Size: msg.Size})
				r.Previews = append(r.Previews, contentsearch.Preview{Sender: msg.Sender, Subject: msg.Subject, Size: msg.Size,
					Received: msg.SentTime, ID: msg.MessageTraceID})
				r.Items++
				r.Size += msg.Size
			}
		} else {
			c, err := directory.GetMailboxContent(tx, m.Guid)
			if err != nil {
				return nil, nil, err
			}
			for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
				for _, f := range fs {
					cohorts := f.Cohorts
					if len(cohorts) == 0 && f.ItemCount > 0 {
						cohorts = []directory.Cohort{{Date: directory.DayDate(directory.DayNumber(m.WhenMailboxCreated)), Count: f.ItemCount, Size: f.FolderSize}}
					}
					for _, co := range cohorts {
						d, ok := directory.ParseDay(co.Date)
						// a cohort's items are taken to be of its average
						// size for the size conditions
						if !ok || !q.InRange(d) || co.Count == 0 || !q.SizeMatch(co.Size/int64(co.Count)) {
							continue
						}
						r.Groups = append(r.Groups, contentsearch.ItemGroup{Folder: f.FolderPath, Day: co.Date, Count: co.Count, Size: co.Size})
						r.Items += co.Count
						r.Size += co.Size
					}
				}
			}
		}
		out = append(out, r)
	}
	return out, notFound, nil
}

// --- objects ----------------------------------------------------------------------

// successResults is the SuccessResults text: one line per location.
func successResults(rs []contentsearch.LocationResult) string {
	lines := make([]string, 0, len(rs))
	for _, r := range rs {
		lines = append(lines, fmt.Sprintf("Location: %s, Item count: %d, Total size: %d", r.Location, r.Items, r.Size))
	}
	return "{" + strings.Join(lines, ",\r\n") + "}"
}

// SearchObject builds the object Get-ComplianceSearch writes. Its figures
// show once the search has completed.
func SearchObject(s *contentsearch.Search) *object.PSObject {
	o := object.NewObject(TypeComplianceSearch, baseConfigurable, baseObject)
	done := s.Status == contentsearch.StatusCompleted
	items, size := s.Totals()
	if !done {
		items, size = 0, 0
	}
	o.AddTyped("Name", tStr, s.Name)
	o.AddTyped("RunBy", tStr, s.RunBy)
	o.AddTyped("JobEndTime", tDate, exo.TimeOrNil(s.JobEndTime))
	o.AddTyped("Status", tStr, s.Status)
	o.AddTyped("Case", tStr, s.Case)
	o.AddTyped("Description", tStr, s.Description)
	o.AddTyped("ContentMatchQuery", tStr, s.ContentMatchQuery)
	o.AddTyped("Language", tStr, s.Language)
	o.AddTyped("ExchangeLocation", tList, dotnet.Strings(s.ExchangeLocation))
	o.AddTyped("ExchangeLocationExclusion", tList, dotnet.Strings(s.ExchangeLocationExclusion))
	o.AddTyped("SharePointLocation", tList, dotnet.Strings(s.SharePointLocation))
	o.AddTyped("SharePointLocationExclusion", tList, dotnet.Strings(s.SharePointLocationExclusion))
	o.AddTyped("PublicFolderLocation", tList, dotnet.Strings(s.PublicFolderLocation))
	o.AddTyped("HoldNames", tList, dotnet.Strings(s.HoldNames))
	o.AddTyped("AllowNotFoundExchangeLocationsEnabled", tBool, s.AllowNotFoundExchangeLocationsEnabled)
	o.AddTyped("IncludeUserAppContent", tBool, s.IncludeUserAppContent)
	o.AddTyped("IncludeOrgContent", tBool, s.IncludeOrgContent)
	o.AddTyped("SearchType", tStr, "EstimateSearch")
	o.AddTyped("CreatedBy", tStr, s.CreatedBy)
	o.AddTyped("CreatedTime", tDate, utc(s.CreatedTime))
	o.AddTyped("LastModifiedBy", tStr, s.LastModifiedBy)
	o.AddTyped("LastModifiedTime", tDate, utc(s.LastModifiedTime))
	o.AddTyped("JobStartTime", tDate, exo.TimeOrNil(s.JobStartTime))
	o.AddTyped("Items", "System.Int64", items)
	o.AddTyped("Size", "System.Int64", size)
	o.AddTyped("UnindexedItems", "System.Int64", int64(0))
	o.AddTyped("UnindexedSize", "System.Int64", int64(0))
	results, errs := "", ""
	if done {
		results = successResults(s.Results)
		if len(s.NotFound) > 0 {
			errs = fmt.Sprintf("{The following locations couldn't be found: %s}", strings.Join(s.NotFound, ", "))
		}
	}
	o.AddTyped("SuccessResults", tStr, results)
	o.AddTyped("Errors", tStr, errs)
	o.AddTyped("NumFailedSources", tInt, len(s.NotFound))
	o.AddTyped("Identity", tStr, s.Guid)
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	return o
}

// actionResults is the Results text of an action.
func actionResults(a *contentsearch.Action) string {
	switch a.Action {
	case contentsearch.ActionPreview:
		var lines []string
		for _, l := range a.Locations {
			for _, p := range l.Previews {
				lines = append(lines, fmt.Sprintf("Location: %s; Sender: %s; Subject: %s; Type: Email; Size: %d; Received Time: %s; Data Link: data/All/%s.eml",
					l.Location, p.Sender, p.Subject, p.Size, p.Received.UTC().Format("1/2/2006 3:04:05 PM"), p.ID))
			}
		}
		return "{" + strings.Join(lines, ",\r\n") + "}"
	case contentsearch.ActionPurge:
		var lines []string
		for _, l := range a.Locations {
			if l.Items > 0 {
				lines = append(lines, fmt.Sprintf("Location: %s, Item count: %d, Total size: %d", l.Location, l.Items, l.Size))
			}
		}
		return fmt.Sprintf("Purge Type: %s; Item count: %d; Total size %d; Details: {%s}", a.PurgeType, a.Items, a.Size, strings.Join(lines, "; "))
	}
	return fmt.Sprintf("Container url: ; SAS token: <Specify -IncludeCredential parameter to show the SAS token>; Scenario: General; Scope: BothIndexedAndUnindexedItems; "+
		"Total sources: %d; Total estimated bytes: %d; Total estimated items: %d; Total transferred bytes: 0; Total transferred items: 0; Export status: %s",
		len(a.Locations), a.Size, a.Items, a.Status)
}

// ActionObject builds the object Get-ComplianceSearchAction writes.
func ActionObject(a *contentsearch.Action) *object.PSObject {
	o := object.NewObject(TypeComplianceSearchAction, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, a.Name)
	o.AddTyped("SearchName", tStr, a.SearchName)
	o.AddTyped("Action", tStr, a.Action)
	o.AddTyped("RunBy", tStr, a.RunBy)
	o.AddTyped("JobEndTime", tDate, exo.TimeOrNil(a.JobEndTime))
	o.AddTyped("Status", tStr, a.Status)
	o.AddTyped("Case", tStr, a.Case)
	o.AddTyped("CreatedTime", tDate, utc(a.CreatedTime))
	o.AddTyped("JobStartTime", tDate, utc(a.JobStartTime))
	results := ""
	if a.Status == contentsearch.StatusCompleted {
		results = actionResults(a)
	}
	o.AddTyped("Results", tStr, results)
	o.AddTyped("Identity", tStr, a.Guid)
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	return o
}

// checkLocations refuses locations that match no mailbox unless the search
// allows them.
func checkLocations(ctx *command.Context, tx *store.Tx, s *contentsearch.Search) error {
	_, notFound, err := searchMailboxes(tx, s)
	if err != nil {
		return err
	}
	if len(notFound) > 0 && !s.AllowNotFoundExchangeLocationsEnabled {
		return &store.ValidationError{Field: "ExchangeLocation", Message: fmt.Sprintf("The location \"%s\" couldn't be found. Check the mailbox, or use the AllowNotFoundExchangeLocationsEnabled parameter to search it anyway.", notFound[0])}
	}
	if _, err := searchquery.Parse(s.ContentMatchQuery); err != nil {
		return &store.ValidationError{Field: "ContentMatchQuery", Message: err.Error()}
	}
	return nil
}

// checkCase refuses a case that doesn't exist or is closed.
func checkCase(tx *store.Tx, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	k, err := holds.FindComplianceCase(tx, name)
	if err != nil {
		return "", err
	}
	if k.Status != holds.CaseActive {
		return "", &store.ValidationError{Field: "Case", Message: fmt.Sprintf("The case \"%s\" is closed. Reopen it to add searches.", k.Name)}
	}
	return k.Name, nil
}

// --- cmdlets ---------------------------------------------------------------------

func newComplianceSearch() *command.Command {
	c := exo.Declared("New-ComplianceSearch")
	c.Synopsis = "Creates a content search over mailboxes; start it with Start-ComplianceSearch."
	c.Description = "ExchangeLocation takes mailboxes or All; ContentMatchQuery takes a KQL query: date conditions (received>=2024-01-01, sent:2024-01-01..2024-02-01) " +
		"are matched against every item of the mailboxes, keywords and subject:, from:, to:, participants: against their messages. SharePoint and public folder locations are kept but hold no simulated content."
	c.OutputType = TypeComplianceSearch
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name "Phish" -ExchangeLocation All -ContentMatchQuery 'subject:"Invoice overdue"'`, Remark: "Creates a search for a phishing message in every mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		ok, err := shouldProcess(ctx, "Creating compliance search", name)
		if err != nil || !ok {
			return err
		}
		var out *object.PSObject
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			kase, err := checkCase(tx, ctx.String("Case"))
			if err != nil {
				return nil, err
			}
			s := &contentsearch.Search{Name: name, Description: ctx.String("Description"), Case: kase, ContentMatchQuery: ctx.String("ContentMatchQuery"),
				Language: ctx.String("Language"), ExchangeLocation: param(ctx, "ExchangeLocation"), ExchangeLocationExclusion: param(ctx, "ExchangeLocationExclusion"),
				SharePointLocation: param(ctx, "SharePointLocation"), SharePointLocationExclusion: param(ctx, "SharePointLocationExclusion"),
				PublicFolderLocation: param(ctx, "PublicFolderLocation"), HoldNames: param(ctx, "HoldNames"), RefinerNames: param(ctx, "RefinerNames"),
				AllowNotFoundExchangeLocationsEnabled: ctx.Bool("AllowNotFoundExchangeLocationsEnabled"),
				IncludeUserAppContent:                 ctx.Bool("IncludeUserAppContent"), IncludeOrgContent: ctx.Bool("IncludeOrgContent")}
			if err := checkLocations(ctx, tx, s); err != nil {
				return nil, err
			}
			s, err = contentsearch.NewSearch(tx, s, actor(tx))
			if err != nil {
				return nil, err
			}
			out = SearchObject(s)
			return nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}

func getComplianceSearch() *command.Command {
	c := exo.Declared("Get-ComplianceSearch")
	c.Synopsis = "Shows content searches: their status and, once completed, what they found."
	c.OutputType = TypeComplianceSearch
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Start-ComplianceSearch Phish; Start-Sleep -Seconds 60; Get-ComplianceSearch Phish | Format-List Name, Status, Items, Size, SuccessResults`, Remark: "Runs a search and shows what it found in each mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		var out []*object.PSObject
		_, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var ss []*contentsearch.Search
			if id != "" && !wildcard.HasStar(id) {
				s, err := contentsearch.FindSearch(tx, id)
				if err != nil {
					return nil, err
				}
				ss = []*contentsearch.Search{s}
			} else {
				all, err := contentsearch.Searches(tx)
				if err != nil {
					return nil, err
				}
				for _, s := range all {
					if id == "" || wildcard.MatchStar(id, s.Name) {
						ss = append(ss, s)
					}
				}
			}
			for _, s := range ss {
				if kase := ctx.String("Case"); ctx.Has("Case") && !strings.EqualFold(kase, s.Case) {
					continue
				}
				out = append(out, SearchObject(s))
			}
			return nil, nil
		})
		if err != nil {
			return err
		}
		return exo.WriteAll(ctx, out)
	}
	return c
}

func setComplianceSearch() *command.Command {
	c := exo.Declared("Set-ComplianceSearch")
	c.Synopsis = "Changes a content search; a changed query or location makes it NotStarted again."
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Set-ComplianceSearch Phish -AddExchangeLocation alexw -ContentMatchQuery 'from:adelev'`, Remark: "Widens and changes a search; start it again afterwards."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		ok, err := shouldProcess(ctx, "Modifying compliance search", id)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			s, err := contentsearch.FindSearch(tx, id)
			if err != nil {
				return nil, err
			}
			reset := false
			setList := func(dst *[]string, name, add, remove string) {
				if ctx.Has(name) {
					*dst, reset = param(ctx, name), true
				}
				if add != "" && ctx.Has(add) {
					for _, v := range param(ctx, add) {
						if !exo.ContainsFold(*dst, v) {
							*dst = append(*dst, v)
						}
					}
					reset = true
				}
				if remove != "" && ctx.Has(remove) {
					var kept []string
					for _, v := range *dst {
						if !exo.ContainsFold(param(ctx, remove), v) {
							kept = append(kept, v)
						}
					}
					*dst, reset = kept, true
				}
			}
			setList(&s.ExchangeLocation, "ExchangeLocation", "AddExchangeLocation", "RemoveExchangeLocation")
			setList(&s.ExchangeLocationExclusion, "ExchangeLocationExclusion", "AddExchangeLocationExclusion", "RemoveExchangeLocationExclusion")
			setList(&s.SharePointLocation, "SharePointLocation", "AddSharePointLocation", "RemoveSharePointLocation")
			setList(&s.SharePointLocationExclusion, "SharePointLocationExclusion", "AddSharePointLocationExclusion", "RemoveSharePointLocationExclusion")
			setList(&s.PublicFolderLocation, "PublicFolderLocation", "", "RemovePublicFolderLocation")
			if ctx.Has("ContentMatchQuery") {
				s.ContentMatchQuery, reset = ctx.String("ContentMatchQuery"), true
			}
			if ctx.Has("Name") && !strings.EqualFold(ctx.String("Name"), s.Name) {
				if _, err := contentsearch.FindSearch(tx, ctx.String("Name")); err == nil {
					return nil, &contentsearch.NameInUseError{Kind: "compliance search", Name: ctx.String("Name")}
				}
				s.Name = ctx.String("Name")
			}
			for name, dst := range map[string]*string{"Description": &s.Description, "Language": &s.Language} {
				if ctx.Has(name) {
					*dst = ctx.String(name)
				}
			}
			for name, dst := range map[string]*bool{"AllowNotFoundExchangeLocationsEnabled": &s.AllowNotFoundExchangeLocationsEnabled,
				"IncludeUserAppContent": &s.IncludeUserAppContent, "IncludeOrgContent": &s.IncludeOrgContent} {
				if ctx.Has(name) {
					*dst, reset = ctx.Bool(name), true
				}
			}
			if ctx.Has("HoldNames") {
				s.HoldNames = param(ctx, "HoldNames")
			}
			if ctx.Has("RefinerNames") {
				s.RefinerNames = param(ctx, "RefinerNames")
			}
			if err := checkLocations(ctx, tx, s); err != nil {
				return nil, err
			}
			return nil, contentsearch.UpdateSearch(tx, s, actor(tx), reset)
		})
		return err
	}
	return c
}

func startComplianceSearch() *command.Command {
	c := exo.Declared("Start-ComplianceSearch")
	c.Synopsis = "Runs a content search: InProgress on the simulated clock, then Completed with its estimate."
	c.Description = "A search takes half a minute and five seconds per mailbox of simulated time; Start-Sleep or Set-SimClock lets it finish. Starting it again re-runs it."
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Start-ComplianceSearch Phish; while ((Get-ComplianceSearch Phish).Status -eq 'InProgress') { Start-Sleep -Seconds 10 }`, Remark: "Runs a search and waits for it."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		ok, err := shouldProcess(ctx, "Starting compliance search", id)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			s, err := contentsearch.FindSearch(tx, id)
			if err != nil {
				return nil, err
			}
			results, notFound, err := estimate(tx, s)
			if err != nil {
				return nil, err
			}
			return nil, contentsearch.StartSearch(tx, s, results, notFound, actor(tx))
		})
		return err
	}
	return c
}

func stopComplianceSearch() *command.Command {
	c := exo.Declared("Stop-ComplianceSearch")
	c.Synopsis = "Stops a running content search (Status Stopped)."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Start-ComplianceSearch Phish; Stop-ComplianceSearch Phish -Confirm:$false`, Remark: "Stops a search that is still running."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeSearch(ctx, "Stopping compliance search", contentsearch.StopSearch)
	}
	return c
}

// changeSearch asks whether to go on (action names what is done), then
// finds the search -Identity names and applies change to it in one
// transaction.
func changeSearch(ctx *command.Context, action string, change func(*store.Tx, *contentsearch.Search) error) error {
	id := identity(ctx, "Identity")
	ok, err := shouldProcess(ctx, action, id)
	if err != nil || !ok {
		return err
	}
	_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, err := contentsearch.FindSearch(tx, id)
		if err != nil {
			return nil, err
		}
		return nil, change(tx, s)
	})
	return err
}

func removeComplianceSearch() *command.Command {
	c := exo.Declared("Remove-ComplianceSearch")
	c.Synopsis = "Deletes a content search and its actions."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Remove-ComplianceSearch Phish -Confirm:$false`, Remark: "Deletes a search."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeSearch(ctx, "Removing compliance search", contentsearch.RemoveSearch)
	}
	return c
}

func newComplianceSearchAction() *command.Command {
	c := exo.Declared("New-ComplianceSearchAction")
	c.Synopsis = "Previews, exports (an estimate) or purges the results of a completed content search."
	c.Description = "-Preview lists the messages found; -Export records an export of the found items' size and count (nothing is written out); " +
		"-Purge -PurgeType SoftDelete|HardDelete removes at most 10 found items per mailbox, newest first, into Recoverable Items (Deletions or Purges), where holds keep them."
	c.OutputType = TypeComplianceSearchAction
	exo.DeclaredParam(c, "PurgeType").Type = params.EnumType("ComplianceDestroyType", "Microsoft.Office.ComplianceJob.Tasks.ComplianceDestroyType", "SoftDelete", "HardDelete")
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Start-ComplianceSearch Phish; Start-Sleep -Seconds 60; New-ComplianceSearchAction -SearchName Phish -Preview`, Remark: "Runs a search and previews what it found."},
		{Code: `New-ComplianceSearchAction -SearchName Phish -Purge -PurgeType SoftDelete -Confirm:$false`, Remark: "Then removes the found messages."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		kind := contentsearch.ActionExport
		switch {
		case ctx.Switch("Preview"):
			kind = contentsearch.ActionPreview
		case ctx.Switch("Purge"):
			kind = contentsearch.ActionPurge
		case !ctx.Switch("Export"):
			return ctx.Fail(exo.Invalid(ctx, "Specify the action to take: Preview, Export or Purge.", nil))
		}
		purgeType := ""
		if kind == contentsearch.ActionPurge {
			purgeType = ctx.String("PurgeType")
			if purgeType == "" {
				purgeType = "SoftDelete"
			}
		}
		// Confirm every search first, then act on the confirmed ones in one
		// transaction.
		var confirmed []string
		for _, name := range param(ctx, "SearchName") {
			var ok bool
			var err error
			if kind == contentsearch.ActionPurge {
				ok, err = ctx.ShouldProcessImpact(fmt.Sprintf("This operation will make message items meeting the criteria of the compliance search \"%s\" completely inaccessible to users. There is no automatic method to undo the removal of these message items.", name), name, command.ImpactHigh)
			} else {
				ok, err = shouldProcess(ctx, "Creating compliance search action for search", name)
			}
			if err != nil {
				return err
			}
			if ok {
				confirmed = append(confirmed, name)
			}
		}
		if len(confirmed) == 0 {
			return nil
		}
		var out []*object.PSObject
		_, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			for _, name := range confirmed {
				s, err := contentsearch.FindSearch(tx, name)
				if err != nil {
					return nil, err
				}
				actionName := ctx.String("ActionName")
				if actionName != "" && len(confirmed) > 1 {
					actionName += "_" + s.Name
				}
				a, err := contentsearch.NewAction(tx, s, kind, actionName, purgeType, actor(tx))
				if err != nil {
					return nil, err
				}
				out = append(out, ActionObject(a))
			}
			return nil, nil
		})
		if err != nil {
			return err
		}
		return exo.WriteAll(ctx, out)
	}
	return c
}

func getComplianceSearchAction() *command.Command {
	c := exo.Declared("Get-ComplianceSearchAction")
	c.Synopsis = "Shows the actions of content searches; Results holds their outcome once completed."
	c.Description = "The objects always carry the detailed Results that -Details asks for."
	c.OutputType = TypeComplianceSearchAction
	c.Examples = []command.Example{
		{Code: `New-ComplianceSearch -Name Phish -ExchangeLocation annb, pilarp -ContentMatchQuery 'subject:invoice' | Out-Null; Start-ComplianceSearch Phish; Start-Sleep -Seconds 60; New-ComplianceSearchAction -SearchName Phish -Purge -PurgeType SoftDelete -Confirm:$false | Out-Null; Start-Sleep -Seconds 60; Get-ComplianceSearchAction Phish_Purge | Format-List Name, Status, Results`, Remark: "Purges what a search found and shows what was removed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		var out []*object.PSObject
		_, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			var as []*contentsearch.Action
			if id != "" {
				a, err := contentsearch.FindAction(tx, id)
				if err != nil {
					return nil, err
				}
				as = []*contentsearch.Action{a}
			} else {
				all, err := contentsearch.Actions(tx)
				if err != nil {
					return nil, err
				}
				as = all
			}
			for _, a := range as {
				switch {
				case ctx.Switch("Preview") && a.Action != contentsearch.ActionPreview,
					ctx.Switch("Purge") && a.Action != contentsearch.ActionPurge,
					ctx.Switch("Export") && a.Action != contentsearch.ActionExport,
					ctx.Has("Case") && !strings.EqualFold(ctx.String("Case"), a.Case):
					continue
				}
				out = append(out, ActionObject(a))
			}
			return nil, nil
		})
		if err != nil {
			return err
		}
		return exo.WriteAll(ctx, out)
	}
	return c
}
