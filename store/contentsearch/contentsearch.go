// Package contentsearch keeps the tenant's content searches (Microsoft
// Purview eDiscovery's New-ComplianceSearch) and their actions (preview,
// export, purge).
//
// A search is created NotStarted. Starting it takes a snapshot of what it
// finds (the caller works the estimate out over the tenant's content) and
// runs on the simulated clock: InProgress until its completion timer
// fires, then Completed with its figures. Stopping a running search makes
// it Stopped, without figures. Changing a search's query or locations
// returns it to NotStarted. An action needs a completed search and runs on
// the clock the same way; a purge moves the items it removes into the
// mailbox's Recoverable Items when it runs.
package contentsearch

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Search statuses.
const (
	StatusNotStarted = "NotStarted"
	StatusInProgress = "InProgress"
	StatusCompleted  = "Completed"
	StatusStopped    = "Stopped"
)

// Action kinds.
const (
	ActionPreview = "Preview"
	ActionExport  = "Export"
	ActionPurge   = "Purge"
)

// Timer kinds.
const (
	TimerSearchDone = "contentSearchDone"
	TimerActionDone = "contentSearchActionDone"
)

// LocationResult is what a search found in one location.
type LocationResult struct {
	Location string `json:"location"`
	// MailboxGuid is the mailbox behind the location.
	MailboxGuid string `json:"mailboxGuid"`
	Items       int64  `json:"items"`
	Size        int64  `json:"size"`
	// Groups are the items found, by folder and received day.
	Groups []ItemGroup `json:"groups,omitempty"`
	// Previews describe the found items that are messages.
	Previews []Preview `json:"previews,omitempty"`
}

// ItemGroup is a number of items of one folder received on one day.
type ItemGroup struct {
	Folder string `json:"folder"`
	Day    string `json:"day"`
	Count  int64  `json:"count"`
	Size   int64  `json:"size"`
}

// Preview describes one found message.
type Preview struct {
	Sender   string    `json:"sender"`
	Subject  string    `json:"subject"`
	Size     int64     `json:"size"`
	Received time.Time `json:"received"`
	ID       string    `json:"id"`
}

// Search is one content search.
type Search struct {
	Guid                                  string   `json:"guid"`
	Name                                  string   `json:"name"`
	Description                           string   `json:"description,omitempty"`
	Case                                  string   `json:"case,omitempty"` // the case's name
	ContentMatchQuery                     string   `json:"contentMatchQuery,omitempty"`
	Language                              string   `json:"language,omitempty"`
	ExchangeLocation                      []string `json:"exchangeLocation,omitempty"`
	ExchangeLocationExclusion             []string `json:"exchangeLocationExclusion,omitempty"`
	SharePointLocation                    []string `json:"sharePointLocation,omitempty"`
	SharePointLocationExclusion           []string `json:"sharePointLocationExclusion,omitempty"`
	PublicFolderLocation                  []string `json:"publicFolderLocation,omitempty"`
	HoldNames                             []string `json:"holdNames,omitempty"`
	RefinerNames                          []string `json:"refinerNames,omitempty"`
	AllowNotFoundExchangeLocationsEnabled bool     `json:"allowNotFound,omitempty"`
	IncludeUserAppContent                 bool     `json:"includeUserAppContent,omitempty"`
	IncludeOrgContent                     bool     `json:"includeOrgContent,omitempty"`

	CreatedBy        string     `json:"createdBy"`
	CreatedTime      time.Time  `json:"createdTime"`
	LastModifiedBy   string     `json:"lastModifiedBy"`
	LastModifiedTime time.Time  `json:"lastModifiedTime"`
	RunBy            string     `json:"runBy,omitempty"`
	JobStartTime     *time.Time `json:"jobStartTime,omitempty"`
	JobEndTime       *time.Time `json:"jobEndTime,omitempty"`
	Status           string     `json:"status"`
	// Results is the snapshot a started search took; its figures show
	// once the search has completed.
	Results []LocationResult `json:"results,omitempty"`
	// NotFound lists locations that matched no mailbox (searched anyway
	// with AllowNotFoundExchangeLocationsEnabled).
	NotFound []string `json:"notFound,omitempty"`
}

// Totals returns the items and bytes a search found.
func (s *Search) Totals() (items, size int64) {
	for _, r := range s.Results {
		items += r.Items
		size += r.Size
	}
	return items, size
}

// Action is one action of a search.
type Action struct {
	Guid         string     `json:"guid"`
	Name         string     `json:"name"`
	SearchName   string     `json:"searchName"`
	Case         string     `json:"case,omitempty"`
	Action       string     `json:"action"`
	PurgeType    string     `json:"purgeType,omitempty"`
	RunBy        string     `json:"runBy"`
	CreatedTime  time.Time  `json:"createdTime"`
	JobStartTime time.Time  `json:"jobStartTime"`
	JobEndTime   *time.Time `json:"jobEndTime,omitempty"`
	Status       string     `json:"status"`
	// Items and Size are what the action covers (a purge: what it
	// removed, at most ten items per mailbox).
	Items int64 `json:"items"`
	Size  int64 `json:"size"`
	// Locations are the per-location figures of the action.
	Locations []LocationResult `json:"locations,omitempty"`
}

var (
	searchRecords = store.DefineKind(store.KindSpec[Search]{Bucket: "complianceSearches", Name: "complianceSearch"})
	actionRecords = store.DefineKind(store.KindSpec[Action]{Bucket: "complianceSearchActions", Name: "complianceSearchAction"})
)

// Register adds the content searches to s: their kinds and the timers
// that complete searches and actions.
func Register(s *store.Schema) {
	searchRecords.Register(s)
	actionRecords.Register(s)
	s.AddTimer(TimerSearchDone, fireSearchDone)
	s.AddTimer(TimerActionDone, fireActionDone)
}

// NameInUseError: a search or action with that name exists.
type NameInUseError struct{ Kind, Name string }

func (e *NameInUseError) Error() string { return fmt.Sprintf("%s %q exists", e.Kind, e.Name) }

// NotCompletedError: an action was asked of a search that has not
// completed.
type NotCompletedError struct{ Name, Status string }

func (e *NotCompletedError) Error() string {
	return fmt.Sprintf("search %q is %s", e.Name, e.Status)
}

// Searches returns every search, oldest first.
func Searches(tx *store.Tx) ([]*Search, error) {
	all, err := searchRecords.List(tx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].CreatedTime.Before(all[j].CreatedTime) })
	return all, nil
}

// FindSearch finds a search by name or GUID.
func FindSearch(tx *store.Tx, id string) (*Search, error) {
	id = strings.TrimSpace(id)
	if s, ok, err := searchRecords.Get(tx, strings.ToLower(id)); err != nil || ok {
		return s, err
	}
	all, err := searchRecords.List(tx)
	if err != nil {
		return nil, err
	}
	for _, s := range all {
		if strings.EqualFold(s.Name, id) {
			return s, nil
		}
	}
	return nil, &store.NotFoundError{Kind: "complianceSearch", Key: id}
}

// NewSearch stores a new search (NotStarted) created by actor.
func NewSearch(tx *store.Tx, s *Search, actor string) (*Search, error) {
	if strings.TrimSpace(s.Name) == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "The Name parameter can't be empty."}
	}
	if _, err := FindSearch(tx, s.Name); err == nil {
		return nil, &NameInUseError{Kind: "compliance search", Name: s.Name}
	} else if !store.IsNotFound(err) {
		return nil, err
	}
	now := tx.Now()
	s.Guid = tx.NewGuid()
	s.CreatedBy, s.LastModifiedBy, s.CreatedTime, s.LastModifiedTime = actor, actor, now, now
	s.Status = StatusNotStarted
	return s, searchRecords.Put(tx, s.Guid, s)
}

// UpdateSearch stores a changed search; reset returns it to NotStarted
// (its query or locations changed).
func UpdateSearch(tx *store.Tx, s *Search, actor string, reset bool) error {
	if reset {
		if err := tx.CancelTimersFor(s.Guid, TimerSearchDone); err != nil {
			return err
		}
		s.Status, s.Results, s.NotFound, s.JobStartTime, s.JobEndTime = StatusNotStarted, nil, nil, nil, nil
	}
	s.LastModifiedBy, s.LastModifiedTime = actor, tx.Now()
	return searchRecords.Put(tx, s.Guid, s)
}

// searchDuration is how long a search runs: half a minute, and five
// seconds more per location.
func searchDuration(locations int) time.Duration {
	return 30*time.Second + time.Duration(locations)*5*time.Second
}

// StartSearch runs a search with the results the caller found: it is
// InProgress until its timer completes it.
func StartSearch(tx *store.Tx, s *Search, results []LocationResult, notFound []string, actor string) error {
	if err := tx.CancelTimersFor(s.Guid, TimerSearchDone); err != nil {
		return err
	}
	now := tx.Now()
	s.Status, s.Results, s.NotFound, s.RunBy = StatusInProgress, results, notFound, actor
	s.JobStartTime, s.JobEndTime = &now, nil
	if _, err := tx.Schedule(now.Add(searchDuration(len(results))), TimerSearchDone, s.Guid); err != nil {
		return err
	}
	return searchRecords.Put(tx, s.Guid, s)
}

// StopSearch stops a running search; a search that isn't running is left
// as it is.
func StopSearch(tx *store.Tx, s *Search) error {
	if s.Status != StatusInProgress {
		return nil
	}
	if err := tx.CancelTimersFor(s.Guid, TimerSearchDone); err != nil {
		return err
	}
	now := tx.Now()
	s.Status, s.Results, s.JobEndTime = StatusStopped, nil, &now
	return searchRecords.Put(tx, s.Guid, s)
}

// RemoveSearch deletes a search with its actions.
func RemoveSearch(tx *store.Tx, s *Search) error {
	if err := tx.CancelTimersFor(s.Guid, TimerSearchDone); err != nil {
		return err
	}
	acts, err := Actions(tx)
	if err != nil {
		return err
	}
	for _, a := range acts {
		if strings.EqualFold(a.SearchName, s.Name) {
			if err := tx.CancelTimersFor(a.Guid, TimerActionDone); err != nil {
				return err
			}
			if _, err := actionRecords.Delete(tx, a.Guid); err != nil {
				return err
			}
		}
	}
	_, err = searchRecords.Delete(tx, s.Guid)
	return err
}

func fireSearchDone(tx *store.Tx, t store.Timer) error {
	s, ok, err := searchRecords.Get(tx, t.Payload)
	if err != nil || !ok || s.Status != StatusInProgress {
		return err
	}
	due := t.Due
	s.Status, s.JobEndTime = StatusCompleted, &due
	return searchRecords.Put(tx, s.Guid, s)
}

// Actions returns every action, oldest first.
func Actions(tx *store.Tx) ([]*Action, error) {
	all, err := actionRecords.List(tx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].CreatedTime.Before(all[j].CreatedTime) })
	return all, nil
}

// FindAction finds an action by name or GUID.
func FindAction(tx *store.Tx, id string) (*Action, error) {
	id = strings.TrimSpace(id)
	if a, ok, err := actionRecords.Get(tx, strings.ToLower(id)); err != nil || ok {
		return a, err
	}
	all, err := actionRecords.List(tx)
	if err != nil {
		return nil, err
	}
	for _, a := range all {
		if strings.EqualFold(a.Name, id) {
			return a, nil
		}
	}
	return nil, &store.NotFoundError{Kind: "complianceSearchAction", Key: id}
}

// actionDuration is how long an action runs.
func actionDuration(kind string, locations int) time.Duration {
	d := 20*time.Second + time.Duration(locations)*5*time.Second
	if kind == ActionExport {
		d *= 3
	}
	return d
}

// NewAction starts an action of a completed search. A purge removes at
// most maxPurge items per mailbox, the newest first, from outside
// Recoverable Items: SoftDelete moves them to Recoverable Items\Deletions,
// HardDelete to Recoverable Items\Purges.
func NewAction(tx *store.Tx, s *Search, kind, name, purgeType, actor string) (*Action, error) {
	if s.Status != StatusCompleted {
		return nil, &NotCompletedError{Name: s.Name, Status: s.Status}
	}
	if name == "" {
		name = s.Name + "_" + kind
	}
	if _, err := FindAction(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "compliance search action", Name: name}
	} else if !store.IsNotFound(err) {
		return nil, err
	}
	now := tx.Now()
	a := &Action{Guid: tx.NewGuid(), Name: name, SearchName: s.Name, Case: s.Case, Action: kind, PurgeType: purgeType,
		RunBy: actor, CreatedTime: now, JobStartTime: now, Status: StatusInProgress}
	for _, r := range s.Results {
		lr := LocationResult{Location: r.Location, MailboxGuid: r.MailboxGuid, Items: r.Items, Size: r.Size, Previews: r.Previews}
		if kind == ActionPurge {
			n, size, err := purge(tx, r, purgeType == "HardDelete", a.Guid, actor)
			if err != nil {
				return nil, err
			}
			lr.Items, lr.Size, lr.Previews = n, size, nil
		}
		a.Items += lr.Items
		a.Size += lr.Size
		a.Locations = append(a.Locations, lr)
	}
	if _, err := tx.Schedule(now.Add(actionDuration(kind, len(s.Results))), TimerActionDone, a.Guid); err != nil {
		return nil, err
	}
	return a, actionRecords.Put(tx, a.Guid, a)
}

func fireActionDone(tx *store.Tx, t store.Timer) error {
	a, ok, err := actionRecords.Get(tx, t.Payload)
	if err != nil || !ok || a.Status != StatusInProgress {
		return err
	}
	due := t.Due
	a.Status, a.JobEndTime = StatusCompleted, &due
	return actionRecords.Put(tx, a.Guid, a)
}

// Purge is what a purge action removed from one mailbox: Counts[i]
// items from Folders[i] (folder paths such as /Inbox), into Recoverable
// Items\Purges when Hard, else Recoverable Items\Deletions. Subjects[i]
// are those items' subjects where the search found messages ("" for an
// item known only by its count).
type Purge struct {
	MailboxGuid string
	ActionGuid  string
	// Actor is who started the action.
	Actor    string
	Hard     bool
	Folders  []string
	Counts   []int64
	Subjects [][]string
}

// Purged runs in the purge action's transaction for every mailbox it
// removed items from (mailbox auditing records the deletions).
var Purged = store.NewHook[func(tx *store.Tx, p Purge) error]("content search purge")

// MaxPurgePerMailbox is how many items one purge removes from a mailbox.
const MaxPurgePerMailbox = 10

// purge moves up to MaxPurgePerMailbox of the found items of one
// location, the newest first, out of their folders into Recoverable
// Items. Items already in Recoverable Items, and items the mailbox no
// longer has, are left.
func purge(tx *store.Tx, r LocationResult, hard bool, actionGuid, actor string) (n, size int64, err error) {
	c, err := directory.GetMailboxContent(tx, r.MailboxGuid)
	if err != nil {
		if store.IsNotFound(err) {
			return 0, 0, nil
		}
		return 0, 0, err
	}
	// A keyword search finds messages one by one: each group is one
	// message, described by the preview of the same place, whose subject
	// the purge reports.
	type found struct {
		ItemGroup
		subject string
	}
	groups := make([]found, len(r.Groups))
	for i, g := range r.Groups {
		groups[i].ItemGroup = g
		if len(r.Previews) == len(r.Groups) {
			groups[i].subject = r.Previews[i].Subject
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Day > groups[j].Day })
	target := "/Deletions"
	if hard {
		target = "/Purges"
	}
	m, err := directory.GetMailbox(tx, r.MailboxGuid)
	if err != nil {
		return 0, 0, err
	}
	dst, ok := directory.FindFolder(c.Primary, target)
	if !ok {
		return 0, 0, nil
	}
	directory.NormalizeCohorts(dst, m.WhenMailboxCreated)
	today := directory.DayDate(directory.DayNumber(tx.Now()))
	done := Purge{MailboxGuid: r.MailboxGuid, ActionGuid: actionGuid, Actor: actor, Hard: hard}
	for _, g := range groups {
		if n >= MaxPurgePerMailbox {
			break
		}
		f, ok := directory.FindFolder(c.Primary, g.Folder)
		if !ok || f.Recoverable {
			continue
		}
		directory.NormalizeCohorts(f, m.WhenMailboxCreated)
		for i := range f.Cohorts {
			co := &f.Cohorts[i]
			if co.Date != g.Day || co.Count == 0 {
				continue
			}
			take := g.Count
			if take > co.Count {
				take = co.Count
			}
			if left := MaxPurgePerMailbox - n; take > left {
				take = left
			}
			// the found items' own size, within what the day's items weigh
			bytes := co.Size / co.Count * take
			if g.Count > 0 {
				bytes = g.Size / g.Count * take
			}
			if take == co.Count || bytes > co.Size {
				bytes = co.Size
			}
			co.Count -= take
			co.Size -= bytes
			f.ItemCount -= take
			f.FolderSize -= bytes
			directory.PutCohort(dst, directory.Cohort{Date: g.Day, Count: take, Size: bytes, Deleted: today})
			k := slices.Index(done.Folders, g.Folder)
			if k < 0 && take > 0 {
				k = len(done.Folders)
				done.Folders, done.Counts, done.Subjects = append(done.Folders, g.Folder), append(done.Counts, 0), append(done.Subjects, nil)
			}
			for j := int64(0); j < take; j++ {
				done.Counts[k]++
				done.Subjects[k] = append(done.Subjects[k], g.subject)
			}
			n += take
			size += bytes
		}
		kept := f.Cohorts[:0]
		for _, co := range f.Cohorts {
			if co.Count > 0 {
				kept = append(kept, co)
			}
		}
		f.Cohorts = kept
	}
	if n == 0 {
		return 0, 0, nil
	}
	if err := directory.PutMailboxContent(tx, c); err != nil {
		return 0, 0, err
	}
	for _, f := range Purged.Funcs(tx) {
		if err := f(tx, done); err != nil {
			return 0, 0, err
		}
	}
	return n, size, nil
}
