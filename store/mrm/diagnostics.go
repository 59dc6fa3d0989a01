package mrm

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// What the Managed Folder Assistant writes down about a mailbox, read back
// by Export-MailboxDiagnosticLogs: the hold tracking logs and the figures
// of its last run.
//
// The assistant, not the change of a hold, keeps the hold tracking log:
// each pass over a mailbox (Start-ManagedFolderAssistant, or the scheduled
// pass when the clock reaches a new day) compares the holds that affect
// the mailbox now with the log. A hold seen for the first time gets an
// entry whose original and last start are the pass's time; a logged hold
// that no longer affects the mailbox gets its end date; a hold that comes
// back gets a new last start and loses its end date. Holds of Exchange
// (Litigation Hold, In-Place and eDiscovery holds, retention policies, the
// delay hold) go to the mailbox's log; holds of the other workloads stored
// in the mailbox (app retention policies, the delay release hold) go to
// the substrate log.

// TrackedHold is one entry of a hold tracking log.
type TrackedHold struct {
	// ID is the hold's identity: the InPlaceHolds entry, or the name of a
	// hold without an ID (LitigationHold, ComplianceTagHold, DelayHold,
	// DelayReleaseHold).
	ID   string `json:"hid"`
	Type int    `json:"ht"`
	// OriginalStart is when a pass first saw the hold, LastStart when one
	// last saw it begin.
	OriginalStart time.Time `json:"osd"`
	LastStart     time.Time `json:"lsd"`
	// End is when a pass saw the hold gone; nil while it holds.
	End *time.Time `json:"ed,omitempty"`
}

// AssistantRun is what the last pass that changed the mailbox's content
// (or the last pass started by hand) did.
type AssistantRun struct {
	At time.Time `json:"at"`
	// ProcessingTime is the simulated processing time in milliseconds.
	ProcessingTime      int64 `json:"processingTime"`
	FolderCount         int64 `json:"folderCount"`
	ItemCount           int64 `json:"itemCount"`
	DeletedFromRoot     int64 `json:"deletedFromRoot"`
	DeletedFromDumpster int64 `json:"deletedFromDumpster"`
	ArchivedFromRoot    int64 `json:"archivedFromRoot"`
}

// MailboxDiagnostics is the assistant's record of one mailbox.
type MailboxDiagnostics struct {
	MailboxGuid    string        `json:"mailboxGuid"`
	Holds          []TrackedHold `json:"holds,omitempty"`
	SubstrateHolds []TrackedHold `json:"substrateHolds,omitempty"`
	// LastRun is the last run that changed content or was started by hand.
	LastRun *AssistantRun `json:"lastRun,omitempty"`
}

// assistantPass records when the scheduled assistant pass last ran over
// every mailbox (one record, key scheduledPassKey).
type assistantPass struct {
	At time.Time `json:"at"`
}

const scheduledPassKey = "scheduled"

var (
	diagnosticsRecords   = store.DefineKind(store.KindSpec[MailboxDiagnostics]{Bucket: "mailboxDiagnostics", Name: "mailboxDiagnostics"})
	assistantPassRecords = store.DefineKind(store.KindSpec[assistantPass]{Bucket: "assistantPasses", Name: "assistantPass"})
)

// TrackLog brings one tracking log up to date with the holds seen now;
// it reports whether the log changed.
func TrackLog(log *[]TrackedHold, now map[string]int, at time.Time) bool {
	changed := false
	seen := map[string]bool{}
	for i := range *log {
		e := &(*log)[i]
		key := strings.ToLower(e.ID)
		ht, on := 0, false
		for id, t := range now {
			if strings.EqualFold(id, e.ID) {
				ht, on = t, true
			}
		}
		seen[key] = true
		switch {
		case on && e.End != nil:
			e.LastStart, e.End, e.Type = at, nil, ht
			changed = true
		case !on && e.End == nil:
			end := at
			e.End = &end
			changed = true
		}
	}
	for _, id := range sortedKeys(now) {
		if seen[strings.ToLower(id)] {
			continue
		}
		*log = append(*log, TrackedHold{ID: id, Type: now[id], OriginalStart: at, LastStart: at})
		changed = true
	}
	return changed
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// trackHolds is the hold-tracking part of an assistant pass over m; run,
// when not nil, is recorded as the pass's run. The record is written only
// when something changed.
func trackHolds(tx *store.Tx, hv HoldView, m *directory.Mailbox, run *AssistantRun) error {
	d, ok, err := diagnosticsRecords.Get(tx, m.Guid)
	if err != nil {
		return err
	}
	if !ok {
		d = &MailboxDiagnostics{MailboxGuid: m.Guid}
	}
	var exchange, substrate map[string]int
	if hv != nil {
		exchange, substrate = hv.TrackedHolds(m)
	}
	now := tx.Now()
	changed := TrackLog(&d.Holds, exchange, now)
	if TrackLog(&d.SubstrateHolds, substrate, now) {
		changed = true
	}
	if run != nil {
		d.LastRun = run
		changed = true
	}
	if !changed {
		return nil
	}
	return diagnosticsRecords.Put(tx, m.Guid, d)
}

// runFigures counts a content's items for a run's figures: items outside
// Recoverable Items in the primary mailbox, in Recoverable Items, in the
// archive; and the number of folders.
func runFigures(c *directory.MailboxContent) (root, dumpster, archive, folders int64) {
	for _, f := range c.Primary {
		if f.Recoverable {
			dumpster += f.ItemCount
		} else {
			root += f.ItemCount
		}
	}
	for _, f := range c.Archive {
		archive += f.ItemCount
	}
	return root, dumpster, archive, int64(len(c.Primary) + len(c.Archive))
}

// newRun builds the figures of a pass from the content before and after.
func newRun(at time.Time, before, after [4]int64) *AssistantRun {
	r := &AssistantRun{At: at, FolderCount: after[3], ItemCount: after[0] + after[1] + after[2]}
	if d := after[2] - before[2]; d > 0 {
		r.ArchivedFromRoot = d
	}
	if d := before[0] - after[0] - r.ArchivedFromRoot; d > 0 {
		r.DeletedFromRoot = d
	}
	if d := (before[0] + before[1] + before[2]) - (after[0] + after[1] + after[2]); d > 0 {
		r.DeletedFromDumpster = d
	}
	// A simulated processing time that grows with the mailbox: a fixed
	// start-up cost, a little per folder and per hundred items.
	r.ProcessingTime = 150 + 4*r.FolderCount + r.ItemCount/100
	return r
}

// MailboxDiagnosticsOf returns the assistant's record of a mailbox (an
// empty one when no pass has seen it) and the time of the last pass that
// processed it: its last run, or the last scheduled pass if that is later
// and the mailbox existed then. The time is zero when no pass ran.
func MailboxDiagnosticsOf(tx *store.Tx, m *directory.Mailbox) (*MailboxDiagnostics, time.Time, error) {
	d, ok, err := diagnosticsRecords.Get(tx, m.Guid)
	if err != nil {
		return nil, time.Time{}, err
	}
	if !ok {
		d = &MailboxDiagnostics{MailboxGuid: m.Guid}
	}
	var last time.Time
	if d.LastRun != nil {
		last = d.LastRun.At
	}
	p, ok, err := assistantPassRecords.Get(tx, scheduledPassKey)
	if err != nil {
		return nil, time.Time{}, err
	}
	if ok && p.At.After(last) && !p.At.Before(m.WhenMailboxCreated) {
		last = p.At
	}
	return d, last, nil
}
