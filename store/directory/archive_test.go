package directory_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// The archive changes refuse what Exchange Online refuses, each with its
// reason, and a disabled archive leaves its GUID behind.
func TestArchiveChanges(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		reason := func(err error) string {
			var le *directory.LifecycleError
			if errors.As(err, &le) {
				return le.Reason
			}
			if err != nil {
				t.Fatal(err)
			}
			return ""
		}
		carol := storetest.ActiveMailbox(t, tx, "carolo")
		for _, c := range []struct {
			name string
			do   func() error
			want string
		}{
			{"auto-expanding without an archive", func() error { _, err := directory.EnableAutoExpandingArchive(tx, carol); return err }, directory.ReasonNoArchive},
			{"disable without an archive", func() error { return directory.DisableArchive(tx, carol) }, directory.ReasonNoArchive},
			{"enable", func() error { return directory.EnableArchive(tx, carol, "") }, ""},
			{"enable again", func() error { return directory.EnableArchive(tx, carol, "") }, directory.ReasonArchiveExists},
			{"disable", func() error { return directory.DisableArchive(tx, carol) }, ""},
			{"enable after disabling", func() error { return directory.EnableArchive(tx, carol, "Old mail") }, ""},
			{"auto-expanding", func() error { _, err := directory.EnableAutoExpandingArchive(tx, carol); return err }, ""},
			{"disable an auto-expanding archive", func() error { return directory.DisableArchive(tx, carol) }, directory.ReasonAutoExpandingArchiveOn},
		} {
			if got := reason(c.do()); got != c.want {
				t.Errorf("%s: reason %q, want %q", c.name, got, c.want)
			}
		}
		m, err := directory.GetMailbox(tx, carol.Guid)
		storetest.Must(t, err)
		if m.ArchiveStatus != "Active" || m.ArchiveName != "Old mail" || m.DisabledArchiveGuid == "" || m.DisabledArchiveGuid == m.ArchiveGuid {
			t.Errorf("archive after the changes: %s %q disabled %s current %s", m.ArchiveStatus, m.ArchiveName, m.DisabledArchiveGuid, m.ArchiveGuid)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}
