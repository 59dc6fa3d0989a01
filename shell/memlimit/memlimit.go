// Package memlimit keeps the PowerShell engine within a memory budget.
//
// .NET throws System.OutOfMemoryException when an allocation cannot be
// satisfied, and PowerShell reports it as an ordinary error. exosim has a
// budget instead of the machine's limit: a value that would take the heap
// past the budget is refused with that exception before it is built
// (Check), and a script whose data keeps growing in small steps is stopped
// with it at the next loop iteration or pipeline object (Poll). Either way
// the process never reaches the point where the Go runtime aborts.
package memlimit

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"
)

// DefaultBudget is the budget when neither the --memory-limit flag nor the
// environment sets one: 1 GiB.
const DefaultBudget = 1 << 30

// EnvVar names the environment variable that sets the budget.
const EnvVar = "EXOSIM_MEMORY_LIMIT"

// Message is the text of the OutOfMemoryException the .NET runtime throws
// when an allocation fails.
const Message = "Exception of type 'System.OutOfMemoryException' was thrown."

// ErrOutOfMemory is the refusal of an allocation that does not fit the
// budget. Callers turn it into the error record PowerShell shows for an
// OutOfMemoryException at that place (operator, method call, cmdlet).
var ErrOutOfMemory error = &OutOfMemoryError{}

// OutOfMemoryError is the type of ErrOutOfMemory.
type OutOfMemoryError struct{}

func (*OutOfMemoryError) Error() string { return Message }

// IsOutOfMemory reports whether err is, or wraps, ErrOutOfMemory.
func IsOutOfMemory(err error) bool { return errors.Is(err, ErrOutOfMemory) }

// checkFloor is the smallest allocation Check measures: anything smaller
// is always allowed (a runaway made of small pieces is Poll's job).
const checkFloor = 1 << 20

// budget holds the budget less DefaultBudget, so that its zero value is
// the default and setting it up costs nothing when the program starts.
var budget atomic.Int64

// Budget returns the budget in bytes; 0 means none.
func Budget() int64 { return budget.Load() + DefaultBudget }

// SetBudget changes the budget (0: none) for the explicit checks only.
// It returns the previous budget, so a test can restore it.
func SetBudget(n int64) int64 {
	if n < 0 {
		n = 0
	}
	return budget.Swap(n-DefaultBudget) + DefaultBudget
}

// Apply sets the budget and tells the Go garbage collector to keep the
// whole process near it: collections start early enough that garbage
// never counts against the budget. A quarter more than the budget is
// left for the runtime's own overhead, so a heap whose live data is just
// under the budget does not make the collector run without pause.
func Apply(n int64) {
	SetBudget(n)
	if n <= 0 {
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	limit := n + n/4
	if limit < n { // overflow
		limit = math.MaxInt64
	}
	debug.SetMemoryLimit(limit)
}

// sample is a runtime metric's name and value, laid out as
// runtime/metrics.Sample is (a name, then a kind, a scalar and a
// pointer): the runtime fills in values of that layout.
type sample struct {
	name    string
	kind    int
	scalar  uint64
	pointer unsafe.Pointer
}

// kindUint64 is the kind of a uint64 metric (runtime/metrics.KindUint64).
const kindUint64 = 1

// readMetrics is runtime/metrics.Read's reader, which the runtime
// provides under runtime/metrics' name: it fills in the values of n
// samples. Reading the metrics through it rather than through
// runtime/metrics leaves that package, and the table of every metric's
// description it builds when the program starts, out of the program.
//
//go:linkname readMetrics runtime/metrics.runtime_readMetrics
func readMetrics(samples unsafe.Pointer, n, cap int)

// read returns the value of one runtime metric (bytes).
func read(name string) int64 {
	s := [1]sample{{name: name}}
	readMetrics(unsafe.Pointer(&s[0]), len(s), len(s))
	if s[0].kind != kindUint64 {
		return 0
	}
	v := s[0].scalar
	if v > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(v)
}

// heapNow is the heap occupied by objects right now, garbage included.
func heapNow() int64 { return read("/memory/classes/heap/objects:bytes") }

// heapLive is the heap the last collection found alive.
func heapLive() int64 { return read("/gc/heap/live:bytes") }

// Check reports whether a new value of n bytes fits the budget beside
// what the heap holds: nil when it does, ErrOutOfMemory when it does not.
// A value larger than the whole budget is refused at once; otherwise a
// collection decides when the heap's garbage is what stands in the way.
func Check(n int64) error {
	b := Budget()
	if b <= 0 || n < checkFloor {
		return nil
	}
	if n > b {
		return ErrOutOfMemory
	}
	if heapNow()+n <= b {
		return nil
	}
	runtime.GC()
	if heapLive()+n <= b {
		return nil
	}
	return ErrOutOfMemory
}

// CheckProduct is Check for count items of size bytes each; a product
// beyond int64 never fits.
func CheckProduct(count, size int64) error {
	if count <= 0 || size <= 0 {
		return nil
	}
	if count > math.MaxInt64/size {
		if Budget() <= 0 {
			return nil
		}
		return ErrOutOfMemory
	}
	return Check(count * size)
}

// Poll reports whether the data kept alive has outgrown the budget (after
// a collection, so garbage does not count). It costs a counter increment
// on most calls: the heap is looked at every pollEvery calls. Callers are
// the places where a runaway script keeps going: each loop iteration and
// each object passed down a pipeline.
func (p *Poller) Poll() error {
	p.n++
	if p.n%pollEvery != 0 {
		return nil
	}
	b := Budget()
	if b <= 0 {
		return nil
	}
	// Each collection measures the live heap. Only when that, or the heap
	// with its garbage, is over the budget is a collection forced, to see
	// whether the live data really is.
	if heapLive() <= b && heapNow() <= b {
		return nil
	}
	runtime.GC()
	if heapLive() <= b {
		return nil
	}
	return ErrOutOfMemory
}

// Poller counts the calls of one session between two looks at the heap.
type Poller struct{ n uint32 }

// pollEvery is how many Poll calls pass between two looks at the heap.
const pollEvery = 256

// ParseSize reads a budget: a number of bytes, optionally followed by KB,
// MB, GB or TB (multiples of 1024, as PowerShell's numeric suffixes are;
// KiB, MiB ... are accepted too). "0" (or "off", "none") means no budget.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "off", "none", "unlimited":
		return 0, nil
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
		{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"tb", 1 << 40},
		{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"t", 1 << 40}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			mult = u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || t == "" {
		return 0, fmt.Errorf("invalid memory size %q (want a number of bytes with an optional KB, MB, GB or TB)", s)
	}
	v := f * float64(mult)
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("invalid memory size %q (too large)", s)
	}
	return int64(v), nil
}
