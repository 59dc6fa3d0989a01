package pubfolders_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/pubfolders"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// Folders are found by path without regard to case, names are unique
// among siblings, a folder can't move under itself, removing one removes
// its subtree, and the mailboxes holding the hierarchy and the content go
// in order; the tenant check finds nothing along the way.
func TestHierarchy(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var primary, secondary *directory.Mailbox
	storetest.Update(t, s, func(tx *store.Tx) {
		var err error
		primary, _, err = pubfolders.Creator(false, false)(tx, directory.NewMailboxInput{Name: "PF1"})
		storetest.Must(t, err)
		secondary, _, err = pubfolders.Creator(false, false)(tx, directory.NewMailboxInput{Name: "PF2"})
		storetest.Must(t, err)
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		h, err := pubfolders.Load(tx)
		storetest.Must(t, err)
		a, err := pubfolders.Create(tx, h, &pubfolders.Folder{Name: "Sales", ContentMailbox: primary.Guid}, 1)
		storetest.Must(t, err)
		b, err := pubfolders.Create(tx, h, &pubfolders.Folder{Name: "Reports", ParentID: a.EntryID, ContentMailbox: secondary.Guid}, 1)
		storetest.Must(t, err)
		if f, ok := h.Find(`sales\REPORTS`); !ok || f != b || h.Path(b) != `\Sales\Reports` || h.ParentPath(b) != `\Sales` {
			t.Fatalf("Find/Path: got %v %v %q", f, ok, h.Path(b))
		}
		if f, ok := h.Find(`\`); !ok || f != nil {
			t.Fatalf(`Find(\) = %v %v, want the root`, f, ok)
		}
		var ne *pubfolders.NameError
		if _, err := pubfolders.Create(tx, h, &pubfolders.Folder{Name: "SALES", ContentMailbox: primary.Guid}, 1); !errors.As(err, &ne) || !ne.Taken {
			t.Fatalf("a sibling's name: got %v, want a NameError", err)
		}
		if _, err := pubfolders.Create(tx, h, &pubfolders.Folder{Name: `a\b`, ContentMailbox: primary.Guid}, 1); !errors.As(err, &ne) || ne.Taken {
			t.Fatalf("a backslash: got %v, want a NameError", err)
		}
		a.ParentID = b.EntryID
		var ve *store.ValidationError
		if err := pubfolders.Update(tx, h, a); !errors.As(err, &ve) {
			t.Fatalf("moving a folder under its child: got %v", err)
		}
		a.ParentID = ""
		if err := pubfolders.CheckRemoval(tx, primary); err == nil {
			t.Fatal("the primary mailbox may go while another exists")
		}
		if err := pubfolders.CheckRemoval(tx, secondary); err == nil {
			t.Fatal("a mailbox holding a folder's content may go")
		}
		storetest.Must(t, pubfolders.Delete(tx, h, a))
		if len(h.ByID) != 0 {
			t.Fatalf("Delete left %d folders", len(h.ByID))
		}
		storetest.Must(t, pubfolders.CheckRemoval(tx, secondary))
	})
	fs, err := s.Check()
	storetest.Must(t, err)
	for _, f := range fs {
		t.Error(f.String())
	}
}
