package sharingpolicy_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	sp "github.com/exosim/exosim/store/sharingpolicy"
	"github.com/exosim/exosim/store/storetest"
)

// A policy lives from New to Remove: mailboxes assigned it follow it,
// it can't go while they do nor while it is the default, and the built-in
// default policy can go once another one is the default.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		annb := storetest.Mailbox(t, tx, "annb")
		contoso := &sp.Policy{Name: "Contoso", Domains: []string{"contoso.com:ContactsSharing"}, Enabled: true}
		storetest.Must(t, sp.New(tx, contoso))
		var inUse *sp.NameInUseError
		if err := sp.New(tx, &sp.Policy{Name: "CONTOSO"}); !errors.As(err, &inUse) {
			t.Errorf("a second Contoso: %v", err)
		}
		storetest.Must(t, sp.Assign(tx, annb.Guid, contoso.Guid))
		names, err := sp.LoadNames(tx)
		storetest.Must(t, err)
		laura := storetest.Mailbox(t, tx, "laura")
		var used *sp.InUseError
		if err := sp.Remove(tx, contoso); !errors.As(err, &used) || used.Mailboxes != 1 {
			t.Errorf("removing a policy in use: %v", err)
		}
		if got := names.Of(annb.Guid); got != "Contoso" {
			t.Errorf("annb follows %q", got)
		}
		if got := names.Of(laura.Guid); got != sp.DefaultName {
			t.Errorf("laura follows %q", got)
		}
		all, err := sp.List(tx)
		storetest.Must(t, err)
		var def *sp.DefaultRemovalError
		if err := sp.Remove(tx, all[0]); !errors.As(err, &def) {
			t.Errorf("removing the default policy: %v", err)
		}

		// a new default: the built-in policy can go and stays gone
		storetest.Must(t, sp.Assign(tx, annb.Guid, ""))
		storetest.Must(t, sp.Remove(tx, contoso))
		none := &sp.Policy{Name: "No sharing", Default: true}
		storetest.Must(t, sp.New(tx, none))
		all, err = sp.List(tx)
		storetest.Must(t, err)
		if len(all) != 2 || all[0].Name != sp.DefaultName || all[0].Default || !all[1].Default {
			t.Fatalf("after a new default: %+v %+v", all[0], all[1])
		}
		storetest.Must(t, sp.Remove(tx, all[0]))
		all, err = sp.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Name != "No sharing" {
			t.Errorf("after removing the built-in policy: %+v", all)
		}
		names, err = sp.LoadNames(tx)
		storetest.Must(t, err)
		if got := names.Of(laura.Guid); got != "No sharing" {
			t.Errorf("laura follows %q", got)
		}

		// the assignment goes with its mailbox
		storetest.Must(t, sp.Assign(tx, annb.Guid, none.Guid))
		_, err = directory.RemoveMailbox(tx, annb.Guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, annb.Guid))
		if n, err := sp.Users(tx, none.Guid); err != nil || n != 0 {
			t.Errorf("users after the purge: %d, %v", n, err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// A mailbox assigned a policy that does not exist is a finding.
func TestAssignmentOfAMissingPolicy(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, sp.Assign(tx, storetest.Mailbox(t, tx, "annb").Guid, "00000000-0000-4000-8000-000000000009"))
	})
	if f := storetest.Findings(t, s); f == "" {
		t.Error("no finding for a missing policy")
	}
}
