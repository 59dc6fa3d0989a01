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

// exo.Confirmed decides in a read transaction, asks, then decides again
// and changes in one write transaction; a call that neither asks nor
// shows anything decides once, in the write transaction. A refusal of
// the plan or of the change is written and leaves the tenant as it was.
func TestConfirmed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, args    string
		refuse        string // "plan" or "apply": which refuses
		out, errs     string
		plans, writes int  // how often plan and apply ran
		changed       bool // whether the change is kept
	}{
		{name: "silent", args: "-Confirm:$false", plans: 1, writes: 1, changed: true},
		{name: "verbose", args: "-Verbose", out: "VERBOSE: Renaming the organization.\n", plans: 2, writes: 1, changed: true},
		{name: "what if", args: "-WhatIf", out: "What if: Renaming the organization.\n", plans: 1},
		{name: "plan refused", args: "-WhatIf", refuse: "plan", errs: "object 'nothing' couldn't be found", plans: 1},
		{name: "plan refused, silent", args: "-Confirm:$false", refuse: "plan", errs: "object 'nothing' couldn't be found", plans: 1},
		{name: "change refused", args: "-Confirm:$false", refuse: "apply", errs: "TaskArgumentException|Refused by the test.", plans: 1, writes: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			var plans, writes int
			cmd := exo.Declared("Set-Mailbox")
			cmd.Handler.Process = func(ctx *command.Context) error {
				_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
					plans++
					if c.refuse == "plan" {
						return nil, &store.NotFoundError{Kind: "mailbox", Key: "nothing"}
					}
					return nil, nil
				}, func() (string, string) {
					return "Renaming the organization.", "organization"
				}, func(tx *store.Tx) (*object.ErrorRecord, error) {
					writes++
					org, err := directory.GetOrganization(tx)
					if err != nil {
						return nil, err
					}
					org.DisplayName = "Changed by the test"
					if err := directory.PutOrganization(tx, org); err != nil {
						return nil, err
					}
					if c.refuse == "apply" {
						return exo.Invalid(ctx, "Refused by the test.", nil), nil
					}
					return nil, nil
				})
				return err
			}
			s.RT.Register(cmd)
			out, errs := s.Run("Set-Mailbox annb " + c.args)
			if out != c.out {
				t.Errorf("output %q, want %q", out, c.out)
			}
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
			if plans != c.plans || writes != c.writes {
				t.Errorf("plan ran %d times and apply %d, want %d and %d", plans, writes, c.plans, c.writes)
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
				t.Errorf("the change was kept: %v", got)
			}
		})
	}
}

// exo.One is the one object an identity names; none and several are
// Exchange's not-found and ambiguous errors, naming the identity as the
// call gave it.
func TestOne(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		hits []string
		want string // the object, or the error's text
	}{
		{hits: []string{"a"}, want: "a"},
		{want: "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'Ann B' couldn't be found on 'NAMPR06A007.PROD.OUTLOOK.COM'."},
		{hits: []string{"a", "b"}, want: "|Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException|The operation couldn't be performed because 'Ann B' matches multiple entries."},
	} {
		s := sessiontest.New(t, registry.Options{})
		cmd := exo.Declared("Get-Mailbox")
		var got string
		cmd.Handler.Process = func(ctx *command.Context) error {
			one, rec := exo.One(ctx, "Ann B", c.hits)
			got = one
			if rec != nil {
				got = rec.Message
			}
			return nil
		}
		s.RT.Register(cmd)
		s.Run("Get-Mailbox")
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("One(%q) = %q, want %q", c.hits, got, c.want)
		}
	}
}

// exo.RecipientNotFound is the error for a recipient to act with that
// names nothing.
func TestRecipientNotFound(t *testing.T) {
	t.Parallel()
	s := sessiontest.New(t, registry.Options{})
	cmd := exo.Declared("Get-Mailbox")
	cmd.Handler.Process = func(ctx *command.Context) error { return ctx.WriteError(exo.RecipientNotFound(ctx, "nobody")) }
	s.RT.Register(cmd)
	_, errs := s.Run("Get-Mailbox")
	const want = "Write-ErrorMessage: Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|Couldn't find object \"nobody\". Please make sure that it was spelled correctly or specify a different object.\n"
	if errs != want {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

// exo.EnumArg takes an enumeration's value in any case and with spaces
// around it, as the enumeration spells it; another value is the binding
// error listing the values, and leaves the field as it was.
func TestEnumArg(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ args, field, errs string }{
		{args: "", field: "Disabled"},
		{args: "-AutoReplyState ' scheduled '", field: "Scheduled"},
		{args: "-AutoReplyState Sometimes", field: "Disabled",
			errs: "Cannot process argument transformation on parameter 'AutoReplyState'. Cannot convert value \"Sometimes\" to type \"Test.State\". Error: \"Unable to match the identifier name Sometimes to a valid enumerator name. Specify one of the following enumerator names and try again:\nDisabled, Enabled, Scheduled\""},
	} {
		s := sessiontest.New(t, registry.Options{})
		cmd := exo.Declared("Set-MailboxAutoReplyConfiguration")
		field := "Disabled"
		cmd.Handler.Process = func(ctx *command.Context) error {
			if rec := exo.EnumArg(ctx, "AutoReplyState", "Test.State", []string{"Disabled", "Enabled", "Scheduled"}, &field); rec != nil {
				return ctx.WriteError(rec)
			}
			return nil
		}
		s.RT.Register(cmd)
		_, errs := s.Run("Set-MailboxAutoReplyConfiguration annb " + c.args)
		if field != c.field {
			t.Errorf("%s: field %q, want %q", c.args, field, c.field)
		}
		if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
			t.Errorf("%s: errors %q, want %q", c.args, errs, c.errs)
		}
	}
}

// exo.CallFilter is nil for a call without -Filter (every object passes
// and no sample is made); with one, objects pass by their properties, and
// a property the sample does not have is the binding error.
func TestCallFilter(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ args, out, errs string }{
		{args: "", out: "a b c "},
		{args: "-Filter \"Name -ne 'b'\"", out: "a c "},
		{args: "-Filter \"Size -gt 1\"", errs: "Cannot bind parameter 'Filter'"},
	} {
		s := sessiontest.New(t, registry.Options{})
		cmd := exo.Declared("Get-CASMailbox")
		var out string
		samples := 0
		cmd.Handler.Process = func(ctx *command.Context) error {
			keep, err := exo.CallFilter(ctx, func(*store.Tx) (*object.PSObject, error) {
				samples++
				o := object.NewObject("Test.Item")
				o.AddTyped("Name", "System.String", "")
				return o, nil
			}, nil)
			if err != nil {
				return err
			}
			if (keep == nil) != !ctx.Has("Filter") || samples != map[bool]int{true: 1, false: 0}[ctx.Has("Filter")] {
				t.Errorf("%s: filter %v after %d samples", c.args, keep != nil, samples)
			}
			for _, name := range []string{"a", "b", "c"} {
				o := object.NewObject("Test.Item")
				o.AddTyped("Name", "System.String", name)
				ok, err := keep.Keeps(o)
				if err != nil {
					return err
				}
				if ok {
					out += name + " "
				}
			}
			return nil
		}
		s.RT.Register(cmd)
		_, errs := s.Run("Get-CASMailbox " + c.args)
		if out != c.out {
			t.Errorf("%s: kept %q, want %q", c.args, out, c.out)
		}
		if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
			t.Errorf("%s: errors %q, want %q", c.args, errs, c.errs)
		}
	}
}
