package directory

import (
	"sort"
	"strconv"
	"time"

	"github.com/exosim/exosim/store"
)

// Item ages. The content model keeps, for each folder, its items grouped
// in cohorts: items received (or created) on the same day, with their
// count and total size. A folder's ItemCount and FolderSize stay the
// source of truth for the statistics cmdlets; the cohorts describe the
// same items by age and always add up to them (normalizeCohorts repairs a
// folder written by code that only knows the totals, and gives the items
// of tenants saved before cohorts existed the mailbox creation date). The
// Managed Folder Assistant ages them (aging.go).

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

// ParseDay parses a Cohort date to a day number (ok false when malformed).
func ParseDay(s string) (int64, bool) {
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

// CohortSums adds up the cohorts of a folder.
func CohortSums(cs []Cohort) (n, size int64) {
	for _, c := range cs {
		n += c.Count
		size += c.Size
	}
	return
}

// NormalizeCohorts makes the cohorts of f add up to its ItemCount and
// FolderSize: missing items become a cohort dated fallback (a tenant saved
// before cohorts existed, or a folder updated by code that only keeps the
// totals); surplus items are taken from the oldest cohorts first with
// their share of bytes; a remaining byte difference goes to the newest
// cohort. Malformed dates are replaced by fallback.
func NormalizeCohorts(f *Folder, fallback time.Time) {
	fb := DayDate(DayNumber(fallback))
	var cs []Cohort
	for _, c := range f.Cohorts {
		if _, ok := ParseDay(c.Date); !ok {
			c.Date = fb
		}
		if c.Deleted != "" {
			if _, ok := ParseDay(c.Deleted); !ok {
				c.Deleted = ""
			}
		}
		c.Count = max(c.Count, 0)
		cs = AddCohort(cs, c)
	}
	n, size := CohortSums(cs)
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

// PutCohort adds a cohort to a folder and its totals.
func PutCohort(f *Folder, c Cohort) {
	f.ItemCount += c.Count
	f.FolderSize += c.Size
	f.Cohorts = AddCohort(f.Cohorts, c)
}

// CohortsConsistent reports whether the cohorts of f add up to its totals
// (a folder without cohorts is consistent: its items date from the
// mailbox creation).
func CohortsConsistent(f *Folder) bool {
	if len(f.Cohorts) == 0 {
		return true
	}
	n, size := CohortSums(f.Cohorts)
	return n == f.ItemCount && size == f.FolderSize
}

// AddItemsToday records n items of size bytes received at now in f.
func AddItemsToday(f *Folder, n, size int64, now, fallback time.Time) {
	NormalizeCohorts(f, fallback)
	f.ItemCount += n
	f.FolderSize += size
	f.Cohorts = AddCohort(f.Cohorts, Cohort{Date: DayDate(DayNumber(now)), Count: n, Size: size})
}

// checkContentCohorts reports folders whose cohorts don't add up to their
// item count and size.
func checkContentCohorts(tx *store.Tx, report func(store.Finding)) error {
	return Contents.ForEach(tx, "", func(k string, c *MailboxContent) error {
		for _, fs := range [][]Folder{c.Primary, c.Archive} {
			for i := range fs {
				if !CohortsConsistent(&fs[i]) {
					n, s := CohortSums(fs[i].Cohorts)
					report(store.Finding{Check: "content-cohorts", Kind: "mailbox content", Key: k,
						Message: "folder " + fs[i].FolderPath + ": cohorts hold " + strconv.FormatInt(n, 10) + " items, " +
							strconv.FormatInt(s, 10) + " bytes; the folder " + strconv.FormatInt(fs[i].ItemCount, 10) + " items, " +
							strconv.FormatInt(fs[i].FolderSize, 10) + " bytes"})
				}
			}
		}
		return nil
	})
}

// ItemDateRange returns the receive days of the oldest and newest items of
// f, as midnight UTC of those days (the content model keeps days, not
// times); items without cohorts date from fallback (the mailbox
// creation). ok is false for an empty folder.
func ItemDateRange(f *Folder, fallback time.Time) (oldest, newest time.Time, ok bool) {
	if f.ItemCount <= 0 {
		return time.Time{}, time.Time{}, false
	}
	g := *f
	g.Cohorts = append([]Cohort(nil), f.Cohorts...)
	NormalizeCohorts(&g, fallback)
	if len(g.Cohorts) == 0 {
		d := time.Unix(DayNumber(fallback)*86400, 0).UTC()
		return d, d, true
	}
	lo, _ := ParseDay(g.Cohorts[0].Date)
	hi := lo
	for _, c := range g.Cohorts[1:] {
		if n, ok := ParseDay(c.Date); ok && n > hi {
			hi = n
		}
	}
	return time.Unix(lo*86400, 0).UTC(), time.Unix(hi*86400, 0).UTC(), true
}
