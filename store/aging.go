package store

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Item ages (domain.md §2.4, seed 004).
//
// The content model keeps, for each folder, its items grouped in cohorts:
// items received (or created) on the same day, with their count and total
// size. A folder's ItemCount and FolderSize stay the source of truth for
// the statistics cmdlets; the cohorts describe the same items by age and
// always add up to them (normalizeCohorts repairs a folder written by code
// that only knows the totals, and gives the items of tenants saved before
// cohorts existed the mailbox creation date).
//
// The Managed Folder Assistant (runItemAging) ages the cohorts with the
// simulated clock: it runs for one mailbox on Start-ManagedFolderAssistant
// and for every mailbox on each clock advance that reaches a new UTC day
// (item ages only change from one day to the next, so shorter advances
// cost nothing). Its rules:
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

// Cohort is a group of items of one folder received or created on the
// same day (the date is UTC, day granularity).
type Cohort struct {
	// Date is the received/created day, "2006-01-02".
	Date  string `json:"d"`
	Count int64  `json:"n"`
	Size  int64  `json:"s"` // bytes
	// Deleted is the day the items entered Recoverable Items when the
	// simulator moved them there ("" = unknown: Date is used).
	Deleted string `json:"x,omitempty"`
}

// cohortDay is the layout of Cohort dates.
const cohortDay = "2006-01-02"

// DayNumber returns the number of whole UTC days since 1970-01-01 of t.
func DayNumber(t time.Time) int64 {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// DayDate formats a day number as a Cohort date.
func DayDate(n int64) string { return time.Unix(n*86400, 0).UTC().Format(cohortDay) }

// parseDay parses a Cohort date to a day number (ok false when malformed).
func parseDay(s string) (int64, bool) {
	if n, ok := parseDayFast(s); ok {
		return n, true
	}
	t, err := time.Parse(cohortDay, s)
	if err != nil {
		return 0, false
	}
	return DayNumber(t), true
}

// parseDayFast reads a well-formed "YYYY-MM-DD" with a valid day of its
// month without time.Parse (a clock advance reads every cohort of every
// mailbox); anything else is left to time.Parse.
func parseDayFast(s string) (int64, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(a, b int) (int, bool) {
		n := 0
		for i := a; i < b; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 {
		return 0, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2024-02-30 and the like
		return 0, false
	}
	return t.Unix() / 86400, true
}

// cohortLess orders cohorts by date, then deletion day.
func cohortLess(a, b Cohort) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.Deleted < b.Deleted
}

// AddCohort merges c into cs (same date and deletion day add up) and keeps
// cs sorted; empty cohorts are dropped.
func AddCohort(cs []Cohort, c Cohort) []Cohort {
	if c.Count == 0 && c.Size == 0 {
		return cs
	}
	i := sort.Search(len(cs), func(i int) bool { return !cohortLess(cs[i], c) })
	if i < len(cs) && cs[i].Date == c.Date && cs[i].Deleted == c.Deleted {
		cs[i].Count += c.Count
		cs[i].Size += c.Size
		return cs
	}
	cs = append(cs, Cohort{})
	copy(cs[i+1:], cs[i:])
	cs[i] = c
	return cs
}

// cohortSums adds up the cohorts of a folder.
func cohortSums(cs []Cohort) (n, size int64) {
	for _, c := range cs {
		n += c.Count
		size += c.Size
	}
	return
}

// normalizeCohorts makes the cohorts of f add up to its ItemCount and
// FolderSize: missing items become a cohort dated fallback (a tenant saved
// before cohorts existed, or a folder updated by code that only keeps the
// totals); surplus items are taken from the oldest cohorts first with
// their share of bytes; a remaining byte difference goes to the newest
// cohort. Malformed dates are replaced by fallback.
func normalizeCohorts(f *Folder, fallback time.Time) {
	fb := DayDate(DayNumber(fallback))
	var cs []Cohort
	for _, c := range f.Cohorts {
		if _, ok := parseDay(c.Date); !ok {
			c.Date = fb
		}
		if c.Deleted != "" {
			if _, ok := parseDay(c.Deleted); !ok {
				c.Deleted = ""
			}
		}
		c.Count = max(c.Count, 0)
		cs = AddCohort(cs, c)
	}
	n, size := cohortSums(cs)
	dn, ds := f.ItemCount-n, f.FolderSize-size
	if dn > 0 {
		cs = AddCohort(cs, Cohort{Date: fb, Count: dn, Size: ds})
		dn, ds = 0, 0
	}
	for i := 0; i < len(cs) && dn < 0; i++ {
		take := min(cs[i].Count, -dn)
		var sz int64
		if cs[i].Count > 0 {
			sz = cs[i].Size / cs[i].Count * take
		}
		cs[i].Count -= take
		cs[i].Size -= sz
		dn += take
		ds += sz
	}
	var out []Cohort
	for _, c := range cs {
		if c.Count > 0 {
			out = append(out, c)
		} else {
			ds += c.Size
		}
	}
	if ds != 0 && len(out) > 0 {
		out[len(out)-1].Size += ds
	}
	f.Cohorts = out
}

// cohortsConsistent reports whether the cohorts of f add up to its totals
// (a folder without cohorts is consistent: its items date from the
// mailbox creation).
func cohortsConsistent(f *Folder) bool {
	if len(f.Cohorts) == 0 {
		return true
	}
	n, size := cohortSums(f.Cohorts)
	return n == f.ItemCount && size == f.FolderSize
}

// addItemsToday records n items of size bytes received at now in f.
func addItemsToday(f *Folder, n, size int64, now, fallback time.Time) {
	normalizeCohorts(f, fallback)
	f.ItemCount += n
	f.FolderSize += size
	f.Cohorts = AddCohort(f.Cohorts, Cohort{Date: DayDate(DayNumber(now)), Count: n, Size: size})
}

// --- the Managed Folder Assistant pass over item ages -------------------------

// agingRules are the tenant-wide objects an aging pass needs, loaded once.
type agingRules struct {
	env *holdEnv
	// rules maps a retention policy (32 hex) to its enabled, non-query
	// retention rules.
	rules map[string][]*ComplianceRule
	// enabled maps a retention policy (32 hex) to its Enabled flag.
	enabled map[string]bool
	// mrm maps an MRM policy name (lower case) to its tags.
	mrm map[string][]*MRMTag
	// labels maps a retention label name (lower case) to the label.
	labels map[string]*ComplianceTag
}

// loadAgingRules reads the holds engine snapshot, the retention rules and
// the MRM policies and tags.
func (tx *Tx) loadAgingRules() (*agingRules, error) {
	env, err := tx.loadHoldEnv()
	if err != nil {
		return nil, err
	}
	ar := &agingRules{env: env, rules: map[string][]*ComplianceRule{}, enabled: map[string]bool{},
		mrm: map[string][]*MRMTag{}, labels: map[string]*ComplianceTag{}}
	kind := map[string]string{}
	for _, p := range env.policies {
		kind[strings.ToLower(p.Guid)] = p.Kind
		ar.enabled[p.Hex()] = p.Enabled
	}
	rules, err := tx.ComplianceRules()
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if r.Disabled || strings.TrimSpace(r.ContentMatchQuery) != "" || kind[strings.ToLower(r.Policy)] != PolicyKindRetention {
			continue
		}
		hex := GuidNoDashes(r.Policy)
		ar.rules[hex] = append(ar.rules[hex], r)
	}
	tags, err := tx.MRMTags()
	if err != nil {
		return nil, err
	}
	byName := map[string]*MRMTag{}
	for _, t := range tags {
		byName[strings.ToLower(t.Name)] = t
	}
	pols, err := tx.MRMPolicies()
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
	labels, err := tx.ComplianceTags()
	if err != nil {
		return nil, err
	}
	for _, l := range labels {
		ar.labels[strings.ToLower(l.Name)] = l
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

// spanDays converts a Span to whole days (unlimited or non-positive spans
// report unlimited).
func spanDays(s Span) (int64, bool) {
	if s.Unlimited || s.D <= 0 {
		return 0, true
	}
	return int64(s.D / Day), false
}

// forMailbox gathers the holds, retention rules, labels and tags of m from
// the holds engine's view.
func (ar *agingRules) forMailbox(tx *Tx, m *Mailbox) (*mailboxAging, error) {
	ma := &mailboxAging{folderKeeps: map[string][]keepLimit{}, folderDeletes: map[string][]deleteRule{}}
	if m.LitigationHoldEnabled {
		d, unl := spanDays(m.LitigationHoldDuration)
		ma.keeps = append(ma.keeps, keepLimit{unlimited: unl, days: d})
	}
	if m.DelayHoldApplied || m.DelayReleaseHoldApplied {
		ma.keeps = append(ma.keeps, keepLimit{unlimited: true})
	}
	for _, h := range ar.env.mailboxHoldInfos(m) {
		e := ParseHoldEntry(h.HoldID)
		switch e.Kind {
		case HoldKindEDiscovery:
			ma.keeps = append(ma.keeps, keepLimit{unlimited: true})
		case HoldKindInPlace:
			k := keepLimit{unlimited: true}
			for _, s := range ar.env.searches {
				if strings.EqualFold(s.InPlaceHoldIdentity, e.Raw) {
					if d, err := strconv.Atoi(strings.TrimSpace(s.ItemHoldPeriod)); err == nil && d > 0 {
						k = keepLimit{days: int64(d)}
					}
				}
			}
			ma.keeps = append(ma.keeps, k)
		case HoldKindRetention:
			if e.Prefix != "mbx" {
				continue
			}
			for _, r := range ar.rules[e.ID] {
				d := ActionDigit(r.RetentionComplianceAction)
				if d == 2 || d == 3 {
					ma.keeps = append(ma.keeps, keepLimit{unlimited: r.RetentionUnlimited, days: int64(r.RetentionDuration)})
				}
				if (d == 1 || d == 3) && ar.enabled[e.ID] && !r.RetentionUnlimited && r.RetentionDuration > 0 {
					ma.deletes = append(ma.deletes, deleteRule{days: int64(r.RetentionDuration)})
				}
			}
		}
	}
	labels, err := tx.MailboxLabels(m.Guid)
	if err != nil {
		return nil, err
	}
	for _, l := range labels {
		t := ar.labels[strings.ToLower(l.Tag)]
		if t == nil {
			continue
		}
		p := strings.ToLower(l.FolderPath)
		d := ActionDigit(t.RetentionAction)
		if d == 2 || d == 3 {
			ma.folderKeeps[p] = append(ma.folderKeeps[p], keepLimit{unlimited: t.RetentionUnlimited, days: int64(t.RetentionDuration)})
		}
		if (d == 1 || d == 3) && !t.RetentionUnlimited && t.RetentionDuration > 0 {
			ma.folderDeletes[p] = append(ma.folderDeletes[p], deleteRule{days: int64(t.RetentionDuration)})
		}
	}
	ma.tags = ar.mrm[strings.ToLower(strings.TrimSpace(m.RetentionPolicy))]
	ma.archiveMoves = m.LifecycleState == StateActive && m.ArchiveStatus == "Active"
	if d, unl := spanDays(m.RetainDeletedItemsFor); !unl {
		ma.retainDays = d
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
func recoverableAged(f *Folder) bool {
	return f.Recoverable && f.FolderType != "RecoverableItemsRoot" && f.FolderType != "CalendarLogging"
}

// folderFor returns the folder of fs with that path, creating it (before
// the Recoverable Items subtree for an ordinary folder) when missing.
func folderFor(fs *[]Folder, tmpl *Folder) *Folder {
	if f, ok := FindFolder(*fs, tmpl.FolderPath); ok {
		return f
	}
	nf := Folder{Name: tmpl.Name, FolderPath: tmpl.FolderPath, FolderType: tmpl.FolderType, Recoverable: tmpl.Recoverable}
	at := len(*fs)
	if !nf.Recoverable {
		for i, f := range *fs {
			if f.Recoverable {
				at = i
				break
			}
		}
	}
	*fs = append(*fs, Folder{})
	copy((*fs)[at+1:], (*fs)[at:])
	(*fs)[at] = nf
	return &(*fs)[at]
}

// recoverableFolder returns the Recoverable Items subfolder of a kind
// ("RecoverableItemsDeletions", …) of fs, created when missing.
func recoverableFolder(fs *[]Folder, ftype string) *Folder {
	for i := range *fs {
		if (*fs)[i].FolderType == ftype {
			return &(*fs)[i]
		}
	}
	name := strings.TrimPrefix(ftype, "RecoverableItems")
	return folderFor(fs, &Folder{Name: name, FolderPath: "/" + name, FolderType: ftype, Recoverable: true})
}

// putCohort adds a cohort to a folder and its totals.
func putCohort(f *Folder, c Cohort) {
	f.ItemCount += c.Count
	f.FolderSize += c.Size
	f.Cohorts = AddCohort(f.Cohorts, c)
}

// agePass applies the rules to one folder list (the primary mailbox, or the
// archive when archive is set) at day `today`; since is the first day of
// the period the pass catches up on (items whose limit passed earlier are
// deleted on that day). Moved-to-archive cohorts go to *arch. It reports
// whether anything changed.
func (ma *mailboxAging) agePass(fs *[]Folder, arch *[]Folder, archive bool, since, today int64) bool {
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
			c    Cohort
			to   string // "del", "disc", "arc", "" = purge
			when int64
		}
		var moves []move
		for _, c := range f.Cohorts {
			d, _ := parseDay(c.Date)
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
		f.ItemCount, f.FolderSize = cohortSums(keep)
		tmpl := *f
		for _, mv := range moves {
			c := mv.c
			switch mv.to {
			case "del":
				c.Deleted = DayDate(mv.when)
				putCohort(recoverableFolder(fs, "RecoverableItemsDeletions"), c)
			case "disc":
				c.Deleted = DayDate(mv.when)
				putCohort(recoverableFolder(fs, "RecoverableItemsDiscoveryHolds"), c)
			case "arc":
				putCohort(folderFor(arch, &tmpl), c)
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
		var keep, toArc []Cohort
		for _, c := range f.Cohorts {
			d, _ := parseDay(c.Date)
			del := d
			if x, ok := parseDay(c.Deleted); ok {
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
		f.ItemCount, f.FolderSize = cohortSums(keep)
		if len(toArc) > 0 {
			tmpl := *f
			to := folderFor(arch, &tmpl)
			for _, c := range toArc {
				putCohort(to, c)
			}
		}
	}
	return changed
}

// runItemAging runs the item-age part of the Managed Folder Assistant on
// one mailbox at the current clock; since is the start of the period the
// pass catches up on. Content is written only when something changed.
func (tx *Tx) runItemAging(ar *agingRules, m *Mailbox, since time.Time) error {
	switch m.LifecycleState {
	case StateActive, StateUnlicensedGrace, StateInactive:
	default:
		return nil
	}
	if m.IsMailUser() {
		return nil
	}
	c, err := tx.GetMailboxContent(m.Guid)
	if err != nil {
		return err
	}
	if len(c.Primary) == 0 && len(c.Archive) == 0 {
		return nil
	}
	ma, err := ar.forMailbox(tx, m)
	if err != nil {
		return err
	}
	dirty := false
	for _, fs := range [][]Folder{c.Primary, c.Archive} {
		for i := range fs {
			if !cohortsConsistent(&fs[i]) || (len(fs[i].Cohorts) == 0 && fs[i].ItemCount > 0) {
				normalizeCohorts(&fs[i], m.WhenMailboxCreated)
				dirty = true
			}
		}
	}
	today, from := DayNumber(tx.Now()), DayNumber(since)
	var arch *[]Folder
	if m.ArchiveStatus == "Active" {
		arch = &c.Archive
	}
	if ma.agePass(&c.Primary, arch, false, from, today) {
		dirty = true
	}
	if len(c.Archive) > 0 && ma.agePass(&c.Archive, nil, true, from, today) {
		dirty = true
	}
	if !dirty {
		return nil
	}
	return tx.PutMailboxContent(c)
}

// RunItemAging runs the item-age rules of the Managed Folder Assistant on
// one mailbox now (Start-ManagedFolderAssistant).
func (tx *Tx) RunItemAging(guid string) error {
	m, err := tx.GetMailbox(guid)
	if err != nil {
		return err
	}
	ar, err := tx.loadAgingRules()
	if err != nil {
		return err
	}
	return tx.runItemAging(ar, m, tx.Now())
}

// agingAfterAdvance is the scheduled assistant pass of a clock advance
// from `from` to the current clock: when a new UTC day was reached it
// processes every mailbox once (item ages have day granularity, so an
// advance within the same day changes nothing and costs nothing).
func (tx *Tx) agingAfterAdvance(from time.Time) error {
	if DayNumber(tx.Now()) <= DayNumber(from) {
		return nil
	}
	ar, err := tx.loadAgingRules()
	if err != nil {
		return err
	}
	// Collect the keys first (the pass writes to the bucket), then read
	// each mailbox again: a large tenant's records are not all held at once.
	var guids []string
	if err := tx.ForEachMailbox("", func(m *Mailbox) error {
		switch m.LifecycleState {
		case StateActive, StateUnlicensedGrace, StateInactive:
			if !m.IsMailUser() {
				guids = append(guids, m.Guid)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	since := from.Add(Day)
	for _, g := range guids {
		m, err := tx.GetMailbox(g)
		if err != nil {
			return err
		}
		if err := tx.runItemAging(ar, m, since); err != nil {
			return err
		}
	}
	return nil
}

// checkContentCohorts reports folders whose cohorts don't add up to their
// item count and size.
func checkContentCohorts(tx *Tx, report func(Finding)) error {
	return forEachDecoded(tx, bucketContent, "", func(k string, c *MailboxContent) error {
		for _, fs := range [][]Folder{c.Primary, c.Archive} {
			for i := range fs {
				if !cohortsConsistent(&fs[i]) {
					n, s := cohortSums(fs[i].Cohorts)
					report(Finding{Check: "content-cohorts", Kind: "mailbox content", Key: k,
						Message: "folder " + fs[i].FolderPath + ": cohorts hold " + strconv.FormatInt(n, 10) + " items, " +
							strconv.FormatInt(s, 10) + " bytes; the folder " + strconv.FormatInt(fs[i].ItemCount, 10) + " items, " +
							strconv.FormatInt(fs[i].FolderSize, 10) + " bytes"})
				}
			}
		}
		return nil
	})
}
