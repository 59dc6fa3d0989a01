package mailboxfeed_test

import (
	"os"
	"syscall"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mailboxfeed"
	storetenant "github.com/exosim/exosim/store/tenant"
)

// BenchmarkFeed feeds every active mailbox of the tenant
// EXOSIM_BENCH_TENANT names (skipped without one) in batches of 500, each
// in its own transaction, as a listing does: the store's share of the
// streaming filter, without the objects and the pipeline.
func BenchmarkFeed(b *testing.B) {
	path := os.Getenv("EXOSIM_BENCH_TENANT")
	if path == "" {
		b.Skip("EXOSIM_BENCH_TENANT names no tenant")
	}
	s, err := storetenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	defer store.CollectAtDefaultPace()()
	var before, after syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := mailboxfeed.New(directory.ScopeActive, 0)
		n := 0
		for more := true; more; {
			if err := s.View(func(tx *store.Tx) error {
				batch, m, err := f.NextLazy(tx, 500)
				n += len(batch)
				more = m
				return err
			}); err != nil {
				b.Fatal(err)
			}
		}
		if n == 0 {
			b.Fatal("no mailbox fed")
		}
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano()
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
