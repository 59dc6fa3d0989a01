package mrm

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The Managed Folder Assistant (runItemAging) ages the item cohorts of
// mailbox content (the directory's cohorts) with the simulated clock: it runs for one
// mailbox on Start-ManagedFolderAssistant and for every mailbox on each
// clock advance that reaches a new UTC day (item ages only change from
// one day to the next, so shorter advances cost nothing). Its rules:
//
//   - retention policies with a Delete or KeepAndDelete rule delete items
//     older than the rule's duration; an MRM delete tag (the folder's
//     retention policy tag, else the default tag of type All) deletes
//     items older than its age limit: DeleteAndAllowRecovery and the
//     retention policies move them to Recoverable Items\Deletions,
//     PermanentlyDelete removes them (or, when a hold preserves them,
//     moves them to Recoverable Items\DiscoveryHolds);
//   - MoveToArchive tags move old items to the archive, only on an active
//     mailbox with an archive: inactive mailboxes keep them in the primary
//     mailbox;
//   - an item in Recoverable Items stays while a hold preserves it (an
//     unlimited Litigation Hold or Keep rule, a Litigation Hold duration or
//     Keep rule the item's age hasn't passed, an eDiscovery or In-Place
//     hold, a delay hold); otherwise it is purged once the deleted-item
//     retention (RetainDeletedItemsFor) counted from its deletion has
//     passed;
//   - nothing here changes the mailbox record: the hold status never
//     depends on item ages.

// --- the Managed Folder Assistant pass over item ages -------------------------

// agingRules are the tenant-wide objects an aging pass needs, loaded once.
type agingRules struct {
	// holds is what the retention and hold rules say (nil: no area
	// answers, nothing is preserved by a hold).
	holds HoldView
	// mrm maps an MRM policy name (lower case) to its tags.
	mrm map[string][]*MRMTag
}

// loadAgingRules reads the hold rules' view and the MRM policies and
// tags.
func loadAgingRules(tx *store.Tx) (*agingRules, error) {
	hv, err := loadHoldView(tx)
	if err != nil {
		return nil, err
	}
	ar := &agingRules{holds: hv, mrm: map[string][]*MRMTag{}}
	tags, err := MRMTags(tx)
	if err != nil {
		return nil, err
	}
	byName := map[string]*MRMTag{}
	for _, t := range tags {
		byName[strings.ToLower(t.Name)] = t
	}
	pols, err := MRMPolicies(tx)
	if err != nil {
		return nil, err
	}
	for _, p := range pols {
		var ts []*MRMTag
		for _, n := range p.RetentionPolicyTagLinks {
			if t := byName[strings.ToLower(n)]; t != nil {
				ts = append(ts, t)
			}
		}
		ar.mrm[strings.ToLower(p.Name)] = ts
	}
	return ar, nil
}

// keepLimit is a preservation period: unlimited, or items whose age is at
// most days.
type keepLimit struct {
	unlimited bool
	days      int64
}

// deleteRule deletes items older than days; perm is a PermanentlyDelete
// MRM tag.
type deleteRule struct {
	days int64
	perm bool
}

// mailboxAging is what applies to one mailbox in a pass.
type mailboxAging struct {
	keeps   []keepLimit
	deletes []deleteRule // retention policies (every folder)
	// folderKeeps/folderDeletes come from retention labels on folders
	// (lower-case path).
	folderKeeps   map[string][]keepLimit
	folderDeletes map[string][]deleteRule
	tags          []*MRMTag
	archiveMoves  bool // MoveToArchive tags run (active mailbox with an archive)
	retainDays    int64
}

// forMailbox gathers what the hold rules preserve and delete in m and
// its MRM tags.
func (ar *agingRules) forMailbox(tx *store.Tx, m *directory.Mailbox) (*mailboxAging, error) {
	ma := &mailboxAging{folderKeeps: map[string][]keepLimit{}, folderDeletes: map[string][]deleteRule{}}
	if ar.holds != nil {
		err := ar.holds.Preservation(tx, m, func(folder string, unlimited bool, days int64) {
			k := keepLimit{unlimited: unlimited, days: days}
			if folder == "" {
				ma.keeps = append(ma.keeps, k)
			} else {
				ma.folderKeeps[folder] = append(ma.folderKeeps[folder], k)
			}
		}, func(folder string, days int64) {
			d := deleteRule{days: days}
			if folder == "" {
				ma.deletes = append(ma.deletes, d)
			} else {
				ma.folderDeletes[folder] = append(ma.folderDeletes[folder], d)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	ma.tags = ar.mrm[strings.ToLower(strings.TrimSpace(m.RetentionPolicy))]
	ma.archiveMoves = m.LifecycleState == directory.StateActive && m.ArchiveStatus == "Active"
	if d := m.RetainDeletedItemsFor; !d.Unlimited && d.D > 0 {
		ma.retainDays = int64(d.D / store.Day)
	} else {
		ma.retainDays = 14
	}
	return ma, nil
}

// preserved reports whether a hold keeps an item of that age (labels count
// only for items still in the labeled folder).
func (ma *mailboxAging) preserved(age int64, folderPath string) bool {
	for _, k := range ma.keeps {
		if k.unlimited || age <= k.days {
			return true
		}
	}
	if folderPath != "" {
		for _, k := range ma.folderKeeps[strings.ToLower(folderPath)] {
			if k.unlimited || age <= k.days {
				return true
			}
		}
	}
	return false
}

// mrmAgedFolder reports whether default (type All) MRM tags process a
// folder type: mail folders, not calendar, tasks, contacts or the outbox.
func mrmAgedFolder(ftype string) bool {
	switch ftype {
	case "Root", "Calendar", "Tasks", "Contacts", "Outbox", "CalendarLogging":
		return false
	}
	return true
}

// tagFor returns the enabled MRM tag with an age limit that governs a
// folder for the given kind of action (delete or archive): the folder's own
// tag first, else the default tag (type All).
func (ma *mailboxAging) tagFor(ftype string, archive bool) *MRMTag {
	var def *MRMTag
	for _, t := range ma.tags {
		if !t.RetentionEnabled || t.AgeLimitForRetention <= 0 || (t.RetentionAction == MRMMoveToArchive) != archive {
			continue
		}
		if strings.EqualFold(t.Type, ftype) {
			return t
		}
		if strings.EqualFold(t.Type, "All") && def == nil && mrmAgedFolder(ftype) {
			def = t
		}
	}
	return def
}

// recoverableAged reports whether a Recoverable Items folder takes part in
// the pass (Calendar Logging and the root don't).
func recoverableAged(f *directory.Folder) bool {
	return f.Recoverable && f.FolderType != "RecoverableItemsRoot" && f.FolderType != "CalendarLogging"
}

// folderFor returns the folder of fs with that path, creating it (before
// the Recoverable Items subtree for an ordinary folder) when missing.
func folderFor(fs *[]directory.Folder, tmpl *directory.Folder) *directory.Folder {
	if f, ok := directory.FindFolder(*fs, tmpl.FolderPath); ok {
		return f
	}
	nf := directory.Folder{Name: tmpl.Name, FolderPath: tmpl.FolderPath, FolderType: tmpl.FolderType, Recoverable: tmpl.Recoverable}
	at := len(*fs)
	if !nf.Recoverable {
		for i, f := range *fs {
			if f.Recoverable {
				at = i
				break
			}
		}
	}
	*fs = append(*fs, directory.Folder{})
	copy((*fs)[at+1:], (*fs)[at:])
	(*fs)[at] = nf
	return &(*fs)[at]
}

// recoverableFolder returns the Recoverable Items subfolder of a kind
// ("RecoverableItemsDeletions", …) of fs, created when missing.
func recoverableFolder(fs *[]directory.Folder, ftype string) *directory.Folder {
	for i := range *fs {
		if (*fs)[i].FolderType == ftype {
			return &(*fs)[i]
		}
	}
	name := strings.TrimPrefix(ftype, "RecoverableItems")
	return folderFor(fs, &directory.Folder{Name: name, FolderPath: "/" + name, FolderType: ftype, Recoverable: true})
}

// agePass applies the rules to one folder list (the primary mailbox, or the
// archive when archive is set) at day `today`; since is the first day of
// the period the pass catches up on (items whose limit passed earlier are
// deleted on that day). Moved-to-archive cohorts go to *arch. It reports
// whether anything changed.
func (ma *mailboxAging) agePass(fs *[]directory.Folder, arch *[]directory.Folder, archive bool, since, today int64) bool {
	changed := false
	when := func(date, limit int64) int64 { return min(max(date+limit+1, since), today) }
	// Ordinary folders: deletions and moves to the archive.
	n := len(*fs)
	for i := 0; i < n; i++ {
		f := &(*fs)[i]
		if f.Recoverable || f.FolderType == "Root" || len(f.Cohorts) == 0 {
			continue
		}
		delTag := ma.tagFor(f.FolderType, false)
		var arcTag *MRMTag
		if !archive && ma.archiveMoves && arch != nil {
			arcTag = ma.tagFor(f.FolderType, true)
		}
		folderDeletes := ma.folderDeletes[strings.ToLower(f.FolderPath)]
		keep := f.Cohorts[:0:0]
		type move struct {
			c    directory.Cohort
			to   string // "del", "disc", "arc", "" = purge
			when int64
		}
		var moves []move
		for _, c := range f.Cohorts {
			d, _ := directory.ParseDay(c.Date)
			age := today - d
			best, bestPerm, found := int64(0), false, false
			consider := func(r deleteRule) {
				if age <= r.days {
					return
				}
				w := when(d, r.days)
				if !found || w < best || (w == best && !r.perm) {
					best, bestPerm, found = w, r.perm, true
				}
			}
			for _, r := range ma.deletes {
				consider(r)
			}
			for _, r := range folderDeletes {
				consider(r)
			}
			if delTag != nil && delTag.RetentionAction != MRMMoveToArchive {
				consider(deleteRule{days: int64(delTag.AgeLimitForRetention), perm: delTag.RetentionAction == MRMPermanentlyDelete})
			}
			switch {
			case found && bestPerm:
				if ma.preserved(age, f.FolderPath) {
					moves = append(moves, move{c, "disc", best})
				} else {
					moves = append(moves, move{c, "", best})
				}
			case found:
				moves = append(moves, move{c, "del", best})
			case arcTag != nil && age > int64(arcTag.AgeLimitForRetention):
				moves = append(moves, move{c, "arc", 0})
			default:
				keep = append(keep, c)
			}
		}
		if len(moves) == 0 {
			continue
		}
		changed = true
		f.Cohorts = keep
		if len(keep) == 0 {
			f.Cohorts = nil
		}
		f.ItemCount, f.FolderSize = directory.CohortSums(keep)
		tmpl := *f
		for _, mv := range moves {
			c := mv.c
			switch mv.to {
			case "del":
				c.Deleted = directory.DayDate(mv.when)
				directory.PutCohort(recoverableFolder(fs, "RecoverableItemsDeletions"), c)
			case "disc":
				c.Deleted = directory.DayDate(mv.when)
				directory.PutCohort(recoverableFolder(fs, "RecoverableItemsDiscoveryHolds"), c)
			case "arc":
				directory.PutCohort(folderFor(arch, &tmpl), c)
			}
		}
		// Inserting folders may have moved the slice; n stays the number
		// of folders examined (new ones are Recoverable or in the archive).
		n = len(*fs)
	}
	// Recoverable Items: purge what no hold keeps once the deleted-item
	// retention has passed; held items move to the archive's Recoverable
	// Items under a RecoverableItems MoveToArchive tag.
	var riTag *MRMTag
	if !archive && ma.archiveMoves && arch != nil {
		riTag = ma.tagFor("RecoverableItems", true)
	}
	for i := 0; i < len(*fs); i++ {
		f := &(*fs)[i]
		if !recoverableAged(f) || len(f.Cohorts) == 0 {
			continue
		}
		var keep, toArc []directory.Cohort
		for _, c := range f.Cohorts {
			d, _ := directory.ParseDay(c.Date)
			del := d
			if x, ok := directory.ParseDay(c.Deleted); ok {
				del = x
			}
			switch {
			case !ma.preserved(today-d, ""):
				if today-del > ma.retainDays {
					continue // purged
				}
				keep = append(keep, c)
			case riTag != nil && today-del > int64(riTag.AgeLimitForRetention):
				toArc = append(toArc, c)
			default:
				keep = append(keep, c)
			}
		}
		if len(keep) == len(f.Cohorts) {
			continue
		}
		changed = true
		f.Cohorts = keep
		f.ItemCount, f.FolderSize = directory.CohortSums(keep)
		if len(toArc) > 0 {
			tmpl := *f
			to := folderFor(arch, &tmpl)
			for _, c := range toArc {
				directory.PutCohort(to, c)
			}
		}
	}
	return changed
}

// runItemAging runs the item-age part of the Managed Folder Assistant on
// one mailbox at the current clock; since is the start of the period the
// pass catches up on. Content is written only when something changed.
// run is the pass's figures (nil when the mailbox has no content to
// process) and changed tells whether the content changed.
func runItemAging(tx *store.Tx, ar *agingRules, m *directory.Mailbox, since time.Time) (run *AssistantRun, changed bool, err error) {
	switch m.LifecycleState {
	case directory.StateActive, directory.StateUnlicensedGrace, directory.StateInactive:
	default:
		return nil, false, nil
	}
	if m.IsMailUser() {
		return nil, false, nil
	}
	c, err := directory.GetMailboxContent(tx, m.Guid)
	if err != nil {
		return nil, false, err
	}
	if len(c.Primary) == 0 && len(c.Archive) == 0 {
		return nil, false, nil
	}
	ma, err := ar.forMailbox(tx, m)
	if err != nil {
		return nil, false, err
	}
	var before, after [4]int64
	before[0], before[1], before[2], before[3] = runFigures(c)
	dirty := false
	for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
		for i := range fs {
			if !directory.CohortsConsistent(&fs[i]) || (len(fs[i].Cohorts) == 0 && fs[i].ItemCount > 0) {
				directory.NormalizeCohorts(&fs[i], m.WhenMailboxCreated)
				dirty = true
			}
		}
	}
	today, from := directory.DayNumber(tx.Now()), directory.DayNumber(since)
	var arch *[]directory.Folder
	if m.ArchiveStatus == "Active" {
		arch = &c.Archive
	}
	if ma.agePass(&c.Primary, arch, false, from, today) {
		dirty = true
	}
	if len(c.Archive) > 0 && ma.agePass(&c.Archive, nil, true, from, today) {
		dirty = true
	}
	after[0], after[1], after[2], after[3] = runFigures(c)
	run = newRun(tx.Now(), before, after)
	if !dirty {
		return run, false, nil
	}
	return run, true, directory.PutMailboxContent(tx, c)
}

// RunItemAging runs the item-age rules of the Managed Folder Assistant on
// one mailbox now (Start-ManagedFolderAssistant) and records the pass: its
// figures and the hold tracking logs (diagnostics.go).
func RunItemAging(tx *store.Tx, guid string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	ar, err := loadAgingRules(tx)
	if err != nil {
		return err
	}
	run, _, err := runItemAging(tx, ar, m, tx.Now())
	if err != nil {
		return err
	}
	if run == nil {
		run = newRun(tx.Now(), [4]int64{}, [4]int64{})
	}
	return trackHolds(tx, ar.holds, m, run)
}

// agingAfterAdvance is the scheduled assistant pass of a clock advance
// from `from` to the current clock: when a new UTC day was reached it
// processes every mailbox once (item ages have day granularity, so an
// advance within the same day changes nothing and costs nothing).
func agingAfterAdvance(tx *store.Tx, from time.Time) error {
	if directory.DayNumber(tx.Now()) <= directory.DayNumber(from) {
		return nil
	}
	ar, err := loadAgingRules(tx)
	if err != nil {
		return err
	}
	// Collect the keys first (the pass writes to the bucket), then read
	// each mailbox again: a large tenant's records are not all held at once.
	var guids []string
	if err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		switch m.LifecycleState {
		case directory.StateActive, directory.StateUnlicensedGrace, directory.StateInactive:
			if !m.IsMailUser() {
				guids = append(guids, m.Guid)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	since := from.Add(store.Day)
	for _, g := range guids {
		m, err := directory.GetMailbox(tx, g)
		if err != nil {
			return err
		}
		run, changed, err := runItemAging(tx, ar, m, since)
		if err != nil {
			return err
		}
		if !changed {
			run = nil
		}
		if err := trackHolds(tx, ar.holds, m, run); err != nil {
			return err
		}
	}
	return assistantPassRecords.Put(tx, scheduledPassKey, &assistantPass{At: tx.Now()})
}
