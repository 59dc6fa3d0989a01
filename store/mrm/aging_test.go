package mrm_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/mrm"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// errRollback ends a test transaction without committing it, so the cases
// of a table share one seeded tenant.
var errRollback = errors.New("rollback")

// agingCase sets a mailbox up, places cohorts (ages in days at the start)
// in folders and checks the folder counts after each step.
type agingCase struct {
	name    string
	mailbox string
	setup   func(t *testing.T, tx *store.Tx, m *directory.Mailbox)
	primary map[string][]int64 // folder path -> cohort ages (one item each)
	archive map[string][]int64
	steps   []agingStep
}

type agingStep struct {
	advance time.Duration // clock advance (0: Start-ManagedFolderAssistant)
	primary map[string]int64
	archive map[string]int64
}

// placeCohorts empties the mailbox's folders and puts one 1,000-byte item
// per given age in each folder.
func placeCohorts(t *testing.T, tx *store.Tx, m *directory.Mailbox, primary, archive map[string][]int64) {
	t.Helper()
	c, err := directory.GetMailboxContent(tx, m.Guid)
	storetest.Must(t, err)
	today := directory.DayNumber(tx.Now())
	fill := func(fs []directory.Folder, want map[string][]int64) {
		for i := range fs {
			fs[i].ItemCount, fs[i].FolderSize, fs[i].Cohorts = 0, 0, nil
			for _, age := range want[fs[i].FolderPath] {
				directory.PutCohort(&fs[i], directory.Cohort{Date: directory.DayDate(today - age), Count: 1, Size: 1000})
			}
		}
	}
	fill(c.Primary, primary)
	fill(c.Archive, archive)
	storetest.Must(t, directory.PutMailboxContent(tx, c))
}

// folderCounts returns ItemCount by folder path.
func folderCounts(fs []directory.Folder) map[string]int64 {
	out := map[string]int64{}
	for _, f := range fs {
		out[f.FolderPath] = f.ItemCount
	}
	return out
}

func makeInactive(t *testing.T, tx *store.Tx, m *directory.Mailbox) {
	t.Helper()
	m.LifecycleState, m.IsInactiveMailbox = directory.StateInactive, true
	storetest.Must(t, directory.PutMailbox(tx, m))
}

func litigationHold(days int) func(*testing.T, *store.Tx, *directory.Mailbox) {
	return func(t *testing.T, tx *store.Tx, m *directory.Mailbox) {
		m.LitigationHoldEnabled = true
		m.LitigationHoldDuration = directory.UnlimitedSpan()
		if days > 0 {
			m.LitigationHoldDuration = directory.DaysSpan(days)
		}
		storetest.Must(t, directory.PutMailbox(tx, m))
	}
}

func retentionPolicy(action string, days int) func(*testing.T, *store.Tx, *directory.Mailbox) {
	return func(t *testing.T, tx *store.Tx, m *directory.Mailbox) {
		_, err := holds.NewCompliancePolicy(tx, holds.PolicyInput{Name: "P " + m.Alias, ExchangeLocation: []string{m.PrimarySmtpAddress}})
		storetest.Must(t, err)
		_, err = holds.NewComplianceRule(tx, holds.RuleInput{Name: "R " + m.Alias, Policy: "P " + m.Alias, RetentionDays: days, Action: action})
		storetest.Must(t, err)
	}
}

func both(fs ...func(*testing.T, *store.Tx, *directory.Mailbox)) func(*testing.T, *store.Tx, *directory.Mailbox) {
	return func(t *testing.T, tx *store.Tx, m *directory.Mailbox) {
		for _, f := range fs {
			mm, err := directory.GetMailbox(tx, m.Guid)
			storetest.Must(t, err)
			f(t, tx, mm)
		}
	}
}

// inboxTag links a custom Inbox tag to the Default MRM Policy.
func inboxTag(action string, days int) func(*testing.T, *store.Tx, *directory.Mailbox) {
	return func(t *testing.T, tx *store.Tx, m *directory.Mailbox) {
		storetest.Must(t, mrm.PutMRMTag(tx, &mrm.MRMTag{Guid: "a1b2c3d4-00ff-4a00-8000-0000000000ff", Name: "Inbox test", Type: "Inbox",
			RetentionEnabled: true, RetentionAction: action, AgeLimitForRetention: days}))
		p, err := mrm.FindMRMPolicy(tx, "Default MRM Policy")
		storetest.Must(t, err)
		p.RetentionPolicyTagLinks = append(p.RetentionPolicyTagLinks, "Inbox test")
		storetest.Must(t, mrm.PutMRMPolicy(tx, p))
	}
}

func TestItemAgingRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	cases := []agingCase{
		{name: "MRM delete tag moves old deleted items to Recoverable Items, purged after 14 days", mailbox: "laura",
			primary: map[string][]int64{"/Deleted Items": {10, 25}},
			steps: []agingStep{
				// Day 10: the 35-day-old item left on day 6 (age 31).
				{advance: 10 * store.Day, primary: map[string]int64{"/Deleted Items": 1, "/Deletions": 1}},
				// Day 24: it was purged (18 days after); the other left on day 21.
				{advance: 14 * store.Day, primary: map[string]int64{"/Deleted Items": 0, "/Deletions": 1}},
				{advance: 11 * store.Day, primary: map[string]int64{"/Deletions": 1}},
				{advance: 1 * store.Day, primary: map[string]int64{"/Deletions": 0}},
			}},
		{name: "MRM delete tag keeps running on an inactive mailbox; an unlimited hold keeps the items", mailbox: "laura",
			setup:   both(litigationHold(0), makeInactive),
			primary: map[string][]int64{"/Deleted Items": {10}, "/Junk Email": {40}},
			steps: []agingStep{
				{advance: 3000 * store.Day, primary: map[string]int64{"/Deleted Items": 0, "/Junk Email": 0, "/Deletions": 2}},
			}},
		{name: "Litigation Hold duration purges Recoverable Items past it, per item", mailbox: "laura",
			setup:   both(litigationHold(365), makeInactive),
			primary: map[string][]int64{"/Deletions": {100, 300}, "/Purges": {360}, "/Inbox": {900}},
			steps: []agingStep{
				{advance: 3 * store.Day, primary: map[string]int64{"/Deletions": 2, "/Purges": 1, "/Inbox": 1}},
				{advance: 3 * store.Day, primary: map[string]int64{"/Deletions": 2, "/Purges": 0, "/Inbox": 1}},
				{advance: 100 * store.Day, primary: map[string]int64{"/Deletions": 1, "/Inbox": 1}},
				{advance: 5000 * store.Day, primary: map[string]int64{"/Deletions": 0, "/Inbox": 1}},
			}},
		{name: "keep-then-delete policy deletes old items, purged 14 days later", mailbox: "laura",
			setup:   retentionPolicy(holds.ActionKeepAndDelete, 365),
			primary: map[string][]int64{"/Inbox": {400, 10}, "/Deletions": {5}},
			steps: []agingStep{
				{primary: map[string]int64{"/Inbox": 1, "/Deletions": 2}},
				{advance: 15 * store.Day, primary: map[string]int64{"/Inbox": 1, "/Deletions": 1}},
				{advance: 400 * store.Day, primary: map[string]int64{"/Inbox": 0, "/Deletions": 0}},
			}},
		{name: "delete policy under an unlimited Litigation Hold: deleted items stay in Recoverable Items", mailbox: "laura",
			setup:   both(retentionPolicy(holds.ActionDelete, 100), litigationHold(0)),
			primary: map[string][]int64{"/Inbox": {150, 50}},
			steps: []agingStep{
				{primary: map[string]int64{"/Inbox": 1, "/Deletions": 1}},
				{advance: 1000 * store.Day, primary: map[string]int64{"/Inbox": 0, "/Deletions": 2}},
			}},
		{name: "keep-only policy preserves deleted items for its duration", mailbox: "laura",
			setup:   retentionPolicy(holds.ActionKeep, 200),
			primary: map[string][]int64{"/Deleted Items": {20}},
			steps: []agingStep{
				{advance: 100 * store.Day, primary: map[string]int64{"/Deleted Items": 0, "/Deletions": 1}},
				{advance: 100 * store.Day, primary: map[string]int64{"/Deletions": 0}},
			}},
		{name: "MoveToArchive tag moves old mail on an active mailbox with an archive", mailbox: "pilarp",
			primary: map[string][]int64{"/Inbox": {720, 100}},
			archive: map[string][]int64{},
			steps: []agingStep{
				{advance: 20 * store.Day, primary: map[string]int64{"/Inbox": 1}, archive: map[string]int64{"/Inbox": 1}},
			}},
		{name: "MoveToArchive tag ignored on an inactive mailbox", mailbox: "pilarp",
			setup:   both(litigationHold(0), makeInactive),
			primary: map[string][]int64{"/Inbox": {720, 100}},
			archive: map[string][]int64{},
			steps: []agingStep{
				{advance: 20 * store.Day, primary: map[string]int64{"/Inbox": 2}, archive: map[string]int64{"/Inbox": 0}},
				{primary: map[string]int64{"/Inbox": 2}, archive: map[string]int64{"/Inbox": 0}},
			}},
		{name: "PermanentlyDelete tag purges without a hold", mailbox: "laura",
			setup:   inboxTag(mrm.MRMPermanentlyDelete, 10),
			primary: map[string][]int64{"/Inbox": {20, 5}},
			steps: []agingStep{
				{primary: map[string]int64{"/Inbox": 1, "/Deletions": 0, "/DiscoveryHolds": 0}},
			}},
		{name: "PermanentlyDelete tag under a hold keeps the items in DiscoveryHolds", mailbox: "laura",
			setup:   both(inboxTag(mrm.MRMPermanentlyDelete, 10), litigationHold(0)),
			primary: map[string][]int64{"/Inbox": {20, 5}},
			steps: []agingStep{
				{primary: map[string]int64{"/Inbox": 1, "/DiscoveryHolds": 1}},
			}},
		{name: "an advance within the same day changes nothing", mailbox: "laura",
			primary: map[string][]int64{"/Deleted Items": {31}},
			steps: []agingStep{
				{advance: 10 * time.Hour, primary: map[string]int64{"/Deleted Items": 1, "/Deletions": 0}},
				{advance: 5 * time.Hour, primary: map[string]int64{"/Deleted Items": 0, "/Deletions": 1}},
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Update(func(tx *store.Tx) error {
				m := storetest.ActiveMailbox(t, tx, tc.mailbox)
				if tc.setup != nil {
					tc.setup(t, tx, m)
				}
				m, err := directory.GetMailbox(tx, m.Guid)
				storetest.Must(t, err)
				placeCohorts(t, tx, m, tc.primary, tc.archive)
				before := *m
				for i, st := range tc.steps {
					if st.advance > 0 {
						storetest.Must(t, tx.AdvanceBy(st.advance))
					} else {
						storetest.Must(t, holds.ApplyDueHolds(tx, m.Guid))
						storetest.Must(t, mrm.RunItemAging(tx, m.Guid))
					}
					c, err := directory.GetMailboxContent(tx, m.Guid)
					storetest.Must(t, err)
					for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
						for j := range fs {
							if !directory.CohortsConsistent(&fs[j]) {
								t.Errorf("step %d: folder %s cohorts don't add up: %+v", i, fs[j].FolderPath, fs[j])
							}
						}
					}
					for want, got := range map[*map[string]int64]map[string]int64{&st.primary: folderCounts(c.Primary), &st.archive: folderCounts(c.Archive)} {
						for path, n := range *want {
							if got[path] != n {
								t.Errorf("step %d: %s has %d items, want %d", i, path, got[path], n)
							}
						}
					}
				}
				after, err := directory.GetMailbox(tx, m.Guid)
				storetest.Must(t, err)
				if after.LifecycleState != before.LifecycleState || after.LitigationHoldEnabled != before.LitigationHoldEnabled ||
					after.LitigationHoldDuration != before.LitigationHoldDuration {
					t.Errorf("hold status changed: %s/%v/%v -> %s/%v/%v", before.LifecycleState, before.LitigationHoldEnabled,
						before.LitigationHoldDuration, after.LifecycleState, after.LitigationHoldEnabled, after.LitigationHoldDuration)
				}
				return errRollback
			})
			if !errors.Is(err, errRollback) {
				t.Fatal(err)
			}
		})
	}
}

func TestSeedCohortsAddUpAndAreSteady(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		return directory.Contents.ForEach(tx, "", func(k string, c *directory.MailboxContent) error {
			for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
				for i := range fs {
					f := &fs[i]
					if f.ItemCount > 0 && len(f.Cohorts) == 0 {
						t.Errorf("%s %s: no cohorts", k, f.FolderPath)
					}
					if !directory.CohortsConsistent(f) {
						t.Errorf("%s %s: cohorts don't add up", k, f.FolderPath)
					}
				}
			}
			return nil
		})
	}))
	// A freshly seeded tenant is in the steady state of the Default MRM
	// Policy: a first assistant pass changes nothing.
	err := s.Update(func(tx *store.Tx) error {
		before, err := directory.GetMailboxContent(tx, storetest.ActiveMailbox(t, tx, "pilarp").Guid)
		storetest.Must(t, err)
		storetest.Must(t, holds.ApplyDueHolds(tx, before.MailboxGuid))
		storetest.Must(t, mrm.RunItemAging(tx, before.MailboxGuid))
		after, err := directory.GetMailboxContent(tx, before.MailboxGuid)
		storetest.Must(t, err)
		a, err := store.EncodeRecord(before)
		storetest.Must(t, err)
		if x, _ := store.EncodeRecord(after); string(x) != string(a) {
			t.Errorf("first pass changed seeded content")
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
}

func TestLegacyContentWithoutCohorts(t *testing.T) {
	t.Parallel()
	f := directory.Folder{FolderPath: "/Inbox", ItemCount: 5, FolderSize: 5000}
	created := time.Date(2022, 1, 2, 15, 0, 0, 0, time.UTC)
	directory.NormalizeCohorts(&f, created)
	if len(f.Cohorts) != 1 || f.Cohorts[0] != (directory.Cohort{Date: "2022-01-02", Count: 5, Size: 5000}) {
		t.Fatalf("legacy folder: %+v", f.Cohorts)
	}
	// Totals lowered by code that doesn't know cohorts: oldest go first.
	f.Cohorts = []directory.Cohort{{Date: "2022-01-01", Count: 2, Size: 200}, {Date: "2023-01-01", Count: 3, Size: 300}}
	f.ItemCount, f.FolderSize = 4, 400
	directory.NormalizeCohorts(&f, created)
	if !directory.CohortsConsistent(&f) || len(f.Cohorts) != 2 || f.Cohorts[0].Count != 1 {
		t.Fatalf("shrunk folder: %+v", f.Cohorts)
	}
	directory.AddItemsToday(&f, 1, 50, created.Add(400*store.Day), created)
	if !directory.CohortsConsistent(&f) || f.Cohorts[len(f.Cohorts)-1].Date != "2023-02-06" {
		t.Fatalf("after a new item: %+v", f.Cohorts)
	}
}
