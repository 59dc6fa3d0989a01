package seed_test

import "testing"
import (
	"github.com/exosim/exosim/store/directory"
)

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/storetest"
)

// Every seeded folder has a non-negative size (tiny folders such as Notes
// once got a negative one, shown as "Unlimited").
func TestSeededFolderSizesArePositive(t *testing.T) {
	t.Parallel()
	st := storetest.Seeded(t, "contoso")
	err := st.View(func(tx *store.Tx) error {
		return directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			c, err := directory.GetMailboxContent(tx, m.Guid)
			if err != nil || c == nil {
				return nil
			}
			for _, fs := range [][]directory.Folder{c.Primary, c.Archive} {
				for _, f := range fs {
					if f.FolderSize < 0 || (f.ItemCount > 0 && f.FolderSize < f.ItemCount*directory.KB) {
						t.Errorf("%s %s: %d items, %d bytes", m.Alias, f.FolderPath, f.ItemCount, f.FolderSize)
					}
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
