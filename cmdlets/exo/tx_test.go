package exo_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// A refusal in exo.Write, as a record or as one of the store's typed
// errors, rolls back what the transaction wrote and is written as a
// non-terminating error (-ErrorAction SilentlyContinue hides it); an
// error the table does not word ends the command.
func TestWriteRefusals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name        string
		target      string
		refuse      func(ctx *command.Context) (*object.ErrorRecord, error)
		errs        string // what the error stream holds
		terminating bool   // whether the error ends the command
		changed     bool   // whether the write is kept
	}{
		{name: "kept", refuse: func(*command.Context) (*object.ErrorRecord, error) { return nil, nil }, changed: true},
		{name: "record", refuse: func(ctx *command.Context) (*object.ErrorRecord, error) {
			return exo.Invalid(ctx, "Refused by the test.", nil), nil
		}, errs: "Refused by the test."},
		{name: "not found, as named", target: "Ann B", refuse: func(*command.Context) (*object.ErrorRecord, error) {
			return nil, &store.NotFoundError{Kind: "mailbox", Key: "annb@contoso.com"}
		}, errs: "object 'Ann B' couldn't be found"},
		{name: "not found, as stored", refuse: func(*command.Context) (*object.ErrorRecord, error) {
			return nil, &store.NotFoundError{Kind: "mailbox", Key: "annb@contoso.com"}
		}, errs: "object 'annb@contoso.com' couldn't be found"},
		{name: "invalid value of the target", target: "annb", refuse: func(*command.Context) (*object.ErrorRecord, error) {
			return nil, &store.ValidationError{Field: "Alias", Message: "too long"}
		}, errs: "DataValidationException|Alias: too long"},
		{name: "invalid argument", refuse: func(*command.Context) (*object.ErrorRecord, error) {
			return nil, &store.ValidationError{Field: "Alias", Message: "too long"}
		}, errs: "TaskArgumentException|too long"},
		{name: "untyped", refuse: func(*command.Context) (*object.ErrorRecord, error) {
			return nil, errTest
		}, errs: "the tenant broke", terminating: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			cmd := exo.Declared("Get-Mailbox")
			cmd.Handler.Process = func(ctx *command.Context) error {
				done, err := exo.Write(ctx, c.target, func(tx *store.Tx) (*object.ErrorRecord, error) {
					org, err := directory.GetOrganization(tx)
					if err != nil {
						return nil, err
					}
					org.DisplayName = "Changed by the test"
					if err := directory.PutOrganization(tx, org); err != nil {
						return nil, err
					}
					return c.refuse(ctx)
				})
				if done != (c.errs == "") {
					t.Errorf("done = %v", done)
				}
				return err
			}
			s.RT.Register(cmd)
			_, errs := s.Run("Get-Mailbox")
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
			var name string
			if err := s.Store.View(func(tx *store.Tx) error {
				org, err := directory.GetOrganization(tx)
				name = org.DisplayName
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if got := name == "Changed by the test"; got != c.changed {
				t.Errorf("the write was kept: %v", got)
			}
			if _, errs := s.Run("Get-Mailbox -ErrorAction SilentlyContinue"); (errs != "") != c.terminating {
				t.Errorf("with -ErrorAction SilentlyContinue: errors %q", errs)
			}
		})
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("the tenant broke")
