package store

import "testing"

// Every seeded folder has a non-negative size (tiny folders such as Notes
// once got a negative one, shown as "Unlimited").
func TestSeededFolderSizesArePositive(t *testing.T) {
	t.Parallel()
	st := seeded(t, "contoso")
	err := st.View(func(tx *Tx) error {
		return tx.ForEachMailbox("", func(m *Mailbox) error {
			c, err := tx.GetMailboxContent(m.Guid)
			if err != nil || c == nil {
				return nil
			}
			for _, fs := range [][]Folder{c.Primary, c.Archive} {
				for _, f := range fs {
					if f.FolderSize < 0 || (f.ItemCount > 0 && f.FolderSize < f.ItemCount*KB) {
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
