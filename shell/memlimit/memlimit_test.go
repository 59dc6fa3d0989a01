package memlimit

import (
	"math"
	"runtime"
	"runtime/metrics"
	"testing"
	"unsafe"
)

func TestParseSize(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{"1073741824", 1 << 30, false},
		{"1GB", 1 << 30, false},
		{"1gb", 1 << 30, false},
		{"512MB", 512 << 20, false},
		{"512 MiB", 512 << 20, false},
		{"1.5GB", 3 << 29, false},
		{"64m", 64 << 20, false},
		{"2TB", 2 << 40, false},
		{"100KB", 100 << 10, false},
		{"0", 0, false},
		{"off", 0, false},
		{"", 0, true},
		{"GB", 0, true},
		{"-1GB", 0, true},
		{"lots", 0, true},
		{"1e30", 0, true},
	} {
		got, err := ParseSize(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d (error %v)", c.in, got, err, c.want, c.bad)
		}
	}
}

// The checks run against the process's real heap, so they only use
// sizes far from it: far below the floor, or beyond the whole budget.
func TestCheck(t *testing.T) {
	prev := SetBudget(256 << 20)
	defer SetBudget(prev)
	if err := Check(checkFloor - 1); err != nil {
		t.Errorf("a small value was refused: %v", err)
	}
	if err := Check(257 << 20); err != ErrOutOfMemory {
		t.Errorf("a value beyond the budget: %v, want ErrOutOfMemory", err)
	}
	if err := CheckProduct(math.MaxInt64/2, 3); !IsOutOfMemory(err) {
		t.Errorf("an overflowing product: %v, want ErrOutOfMemory", err)
	}
	if err := CheckProduct(1<<20, 1<<10); !IsOutOfMemory(err) {
		t.Errorf("1 GiB under a 256 MiB budget: %v, want ErrOutOfMemory", err)
	}
	if err := CheckProduct(1<<10, 1<<10); err != nil {
		t.Errorf("1 MiB under a 256 MiB budget: %v", err)
	}
	SetBudget(0)
	if err := CheckProduct(math.MaxInt64/2, 3); err != nil {
		t.Errorf("no budget refused a value: %v", err)
	}
	if ErrOutOfMemory.Error() != "Exception of type 'System.OutOfMemoryException' was thrown." {
		t.Errorf("message %q", ErrOutOfMemory.Error())
	}
}

// Poll looks at the heap every pollEvery calls and says whether the live
// data outgrew the budget.
func TestPoll(t *testing.T) {
	prev := SetBudget(1) // any heap is over
	defer SetBudget(prev)
	var p Poller
	failed := 0
	for i := 0; i < 2*pollEvery; i++ {
		if p.Poll() != nil {
			failed++
		}
	}
	if failed != 2 {
		t.Errorf("%d of %d polls failed, want 2 (one look every %d)", failed, 2*pollEvery, pollEvery)
	}
	SetBudget(1 << 40)
	for i := 0; i < 2*pollEvery; i++ {
		if err := p.Poll(); err != nil {
			t.Fatalf("poll under a 1 TiB budget: %v", err)
		}
	}
}

// read gives what runtime/metrics reads for the same metrics: the sample
// layout is runtime/metrics.Sample's.
func TestReadMatchesRuntimeMetrics(t *testing.T) {
	if unsafe.Sizeof(sample{}) != unsafe.Sizeof(metrics.Sample{}) ||
		unsafe.Offsetof(sample{}.kind) != unsafe.Offsetof(metrics.Sample{}.Value) {
		t.Fatalf("sample's layout differs from runtime/metrics.Sample's")
	}
	for _, name := range []string{"/gc/heap/live:bytes", "/memory/classes/heap/objects:bytes", "/gc/heap/goal:bytes", "/sched/gomaxprocs:threads"} {
		runtime.GC() // nothing allocated between the two reads changes the live heap
		s := []metrics.Sample{{Name: name}}
		metrics.Read(s)
		got := read(name)
		if s[0].Value.Kind() != metrics.KindUint64 {
			t.Fatalf("%s is not a uint64 metric", name)
		}
		want := int64(s[0].Value.Uint64())
		if name == "/memory/classes/heap/objects:bytes" {
			// the heap moves between the two reads: only its scale is compared
			if got <= 0 || got > 2*want || want > 2*got {
				t.Errorf("read(%s) = %d, runtime/metrics gives %d", name, got, want)
			}
			continue
		}
		if got != want {
			t.Errorf("read(%s) = %d, runtime/metrics gives %d", name, got, want)
		}
	}
	if got := read("/no/such/metric:bytes"); got != 0 {
		t.Errorf("an unknown metric reads %d, want 0", got)
	}
	if got := read("/gc/pauses:seconds"); got != 0 {
		t.Errorf("a histogram metric reads %d, want 0", got)
	}
}
