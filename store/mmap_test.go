package store_test

import (
	"sync"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// TestConcurrentListingsShareNoSpan runs listings in concurrent read
// transactions, each noting the records it reads and releasing the pages
// read so far; under the race detector it fails if they write the store's
// span of read pages unguarded.
func TestConcurrentListingsShareNoSpan(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				err := s.View(func(tx *store.Tx) error {
					tx.ReleaseMappedPages()
					ms, _, err := directory.ScanMailboxScope(tx, directory.ScopeAny, "", 0)
					if err == nil && len(ms) == 0 {
						t.Error("listing read no mailbox")
					}
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
