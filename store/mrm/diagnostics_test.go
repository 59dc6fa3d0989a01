package mrm_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/exosim/exosim/store/mrm"
)

// TrackLog: a new hold starts an entry, a gone hold gets its end date, a
// hold that comes back starts again and keeps its first start.
func TestTrackLog(t *testing.T) {
	t.Parallel()
	day := func(n int) time.Time { return time.Date(2024, 3, n, 9, 0, 0, 0, time.UTC) }
	var log []mrm.TrackedHold
	steps := []struct {
		at      time.Time
		now     map[string]int
		changed bool
		want    string // hid:ht:osd-day:lsd-day:ed-day (0 = no end), one per entry
	}{
		{day(1), map[string]int{"mbxaa:1": 5, "LitigationHold": 0}, true, "LitigationHold:0:1:1:0 mbxaa:1:5:1:1:0"},
		{day(2), map[string]int{"MBXAA:1": 5, "LitigationHold": 0}, false, "LitigationHold:0:1:1:0 mbxaa:1:5:1:1:0"},
		{day(3), map[string]int{"LitigationHold": 0, "DelayHold": 3}, true, "LitigationHold:0:1:1:0 mbxaa:1:5:1:1:3 DelayHold:3:3:3:0"},
		{day(4), map[string]int{"mbxaa:1": 4}, true, "LitigationHold:0:1:1:4 mbxaa:1:4:1:4:0 DelayHold:3:3:3:4"},
	}
	for i, s := range steps {
		if got := mrm.TrackLog(&log, s.now, s.at); got != s.changed {
			t.Errorf("step %d: changed = %v, want %v", i, got, s.changed)
		}
		got := ""
		for j, e := range log {
			if j > 0 {
				got += " "
			}
			end := 0
			if e.End != nil {
				end = e.End.Day()
			}
			got += e.ID + ":" + strconv.Itoa(e.Type) + ":" + strconv.Itoa(e.OriginalStart.Day()) + ":" + strconv.Itoa(e.LastStart.Day()) + ":" + strconv.Itoa(end)
		}
		if got != s.want {
			t.Errorf("step %d:\n got %s\nwant %s", i, got, s.want)
		}
	}
}
