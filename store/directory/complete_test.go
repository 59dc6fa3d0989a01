package directory_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestCompleteMailboxIdentity(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	err := s.View(func(tx *store.Tx) error {
		got, err := directory.CompleteMailboxIdentity(tx, "ANN", 10, nil)
		if err != nil {
			return err
		}
		if len(got) == 0 || !strings.EqualFold(got[0][:3], "ann") {
			t.Errorf("ANN: %v", got)
		}
		for _, g := range got {
			if !strings.HasPrefix(strings.ToLower(g), "ann") {
				t.Errorf("candidate %q does not start with ann", g)
			}
		}
		none, err := directory.CompleteMailboxIdentity(tx, "zzzz-no-such", 10, nil)
		if err != nil || len(none) != 0 {
			t.Errorf("no match: %v %v", none, err)
		}
		skip, err := directory.CompleteMailboxIdentity(tx, "ann", 10, func(*directory.Mailbox) bool { return false })
		if err != nil || len(skip) != 0 {
			t.Errorf("filtered: %v %v", skip, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
