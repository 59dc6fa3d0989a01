package auditbypass_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestBypassOnOffAndGone(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	steps := []struct {
		on   bool
		want bool
	}{{false, false}, {true, true}, {true, true}, {false, false}, {false, false}, {true, true}}
	for i, st := range steps {
		storetest.Update(t, s, func(tx *store.Tx) {
			guid = storetest.Mailbox(t, tx, "meganb").Guid
			storetest.Must(t, auditbypass.Set(tx, guid, st.on))
			if got := auditbypass.Enabled(tx, guid); got != st.want {
				t.Errorf("step %d: enabled %v, want %v", i, got, st.want)
			}
		})
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		_, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
