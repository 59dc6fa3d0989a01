package lazy

import (
	"sync"
	"sync/atomic"
	"testing"
)

var builds atomic.Int32

var table = Value[map[string]int]{Build: func() map[string]int {
	builds.Add(1)
	return map[string]int{"a": 1, "b": 2}
}}

// Every caller, however many at once, sees the one value built once.
func TestGetBuildsOnce(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	seen := make([]map[string]int, 16)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = table.Get()
		}()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("Build ran %d times, want 1", n)
	}
	for i, m := range seen {
		if m["b"] != 2 || len(m) != 2 {
			t.Fatalf("caller %d saw %v", i, m)
		}
	}
}

// A Value whose Build is a named function works the same way.
func TestNamedBuild(t *testing.T) {
	t.Parallel()
	v := Value[[]string]{Build: names}
	if got := v.Get(); len(got) != 2 || got[1] != "y" {
		t.Fatalf("Get() = %v", got)
	}
}

func names() []string { return []string{"x", "y"} }
