package mailbox_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// settingSession is a session whose Get-MailboxAutoReplyConfiguration
// and Set-MailboxAutoReplyConfiguration are the shared per-mailbox
// helpers around a test setting, the mailbox's retention policy: the Get
// shows the mailbox's name and policy, the Set writes -InternalMessage
// into the policy (given "refuse", it refuses after writing).
func settingSession(t *testing.T) *sessiontest.Session {
	t.Helper()
	s := sessiontest.New(t, registry.Options{})
	get := exo.Declared("Get-MailboxAutoReplyConfiguration")
	get.Handler.Process = func(ctx *command.Context) error {
		return mailbox.WriteSetting(ctx, func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
			o := object.NewObject("Test.Setting")
			o.AddTyped("Name", "System.String", m.Name)
			o.AddTyped("Policy", "System.String", m.RetentionPolicy)
			return o, nil
		})
	}
	set := exo.Declared("Set-MailboxAutoReplyConfiguration")
	set.Handler.Process = func(ctx *command.Context) error {
		return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
			return "Setting the test setting of " + mailbox.TypedIdentity(ctx, "(none: "+m.Name+")") + ".", m.Identity()
		}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
			m.RetentionPolicy = ctx.String("InternalMessage")
			if err := directory.PutMailbox(tx, m); err != nil {
				return nil, err
			}
			if m.RetentionPolicy == "refuse" {
				return exo.Invalid(ctx, "Refused by the test.", m.Name), nil
			}
			return nil, nil
		})
	}
	s.RT.Register(get)
	s.RT.Register(set)
	return s
}

// The mailbox a per-mailbox setting cmdlet acts on is the one active
// mailbox -Identity names: an unknown name, a mail user (not a mailbox)
// and a name several mailboxes share are Exchange's errors, and the
// change asks about the mailbox as it was typed.
func TestSettingHelpers(t *testing.T) {
	t.Parallel()
	const (
		notFound = "Write-ErrorMessage: Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|" +
			"The operation couldn't be performed because object '%s' couldn't be found on 'NAMPR06A007.PROD.OUTLOOK.COM'."
		ambiguous = "ManagementObjectAmbiguousException|The operation couldn't be performed because 'Megan Bowen' matches multiple entries."
	)
	for _, c := range []struct {
		name, script, out, errs string
		policy                  string // annb's policy afterwards
	}{
		{name: "get", script: "$s = Get-MailboxAutoReplyConfiguration -Identity annb; $s.Name + '/' + $s.Policy",
			out: "annb/Default MRM Policy\n", policy: "Default MRM Policy"},
		{name: "get piped", script: "(Get-Mailbox annb | Get-MailboxAutoReplyConfiguration).Name", out: "annb\n", policy: "Default MRM Policy"},
		{name: "get unknown", script: "Get-MailboxAutoReplyConfiguration -Identity nobody", errs: strings.Replace(notFound, "%s", "nobody", 1), policy: "Default MRM Policy"},
		{name: "get mail user", script: "Get-MailboxAutoReplyConfiguration -Identity roby", errs: strings.Replace(notFound, "%s", "roby", 1), policy: "Default MRM Policy"},
		{name: "get ambiguous", script: "Set-Mailbox carolo -DisplayName 'Megan Bowen'; Get-MailboxAutoReplyConfiguration -Identity 'Megan Bowen'",
			errs: ambiguous, policy: "Default MRM Policy"},
		{name: "set", script: "Set-MailboxAutoReplyConfiguration -Identity annb -InternalMessage Legal", policy: "Legal"},
		{name: "set what if", script: "Set-MailboxAutoReplyConfiguration -Identity ' annb ' -InternalMessage Legal -WhatIf",
			out: "What if: Setting the test setting of annb.\n", policy: "Default MRM Policy"},
		{name: "set unknown", script: "Set-MailboxAutoReplyConfiguration -Identity nobody -InternalMessage Legal -WhatIf",
			errs: strings.Replace(notFound, "%s", "nobody", 1), policy: "Default MRM Policy"},
		{name: "set mail user", script: "Set-MailboxAutoReplyConfiguration -Identity roby -InternalMessage Legal",
			errs: strings.Replace(notFound, "%s", "roby", 1), policy: "Default MRM Policy"},
		{name: "set ambiguous", script: "Set-Mailbox carolo -DisplayName 'Megan Bowen'; Set-MailboxAutoReplyConfiguration -Identity 'Megan Bowen' -InternalMessage Legal",
			errs: ambiguous, policy: "Default MRM Policy"},
		{name: "set refused", script: "Set-MailboxAutoReplyConfiguration -Identity annb -InternalMessage refuse",
			errs: "TaskArgumentException|Refused by the test.", policy: "Default MRM Policy"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := settingSession(t)
			out, errs := s.Run(c.script)
			if out != c.out {
				t.Errorf("output %q, want %q", out, c.out)
			}
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
			var dept string
			if err := s.Store.View(func(tx *store.Tx) error {
				m, err := directory.ResolveMailbox(tx, "annb", directory.ScopeActive)
				if err == nil {
					dept = m.RetentionPolicy
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if dept != c.policy {
				t.Errorf("annb's policy %q, want %q", dept, c.policy)
			}
		})
	}
}

// mailbox.ReadLimited writes what its function lists up to -ResultSize,
// with Exchange's warning when there is more; a refusal is written
// instead of the objects, and a -ResultSize that is not a positive
// number or Unlimited is refused before the tenant is read.
func TestReadLimited(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, args, out, errs string
		reads                 int
	}{
		{name: "all", args: "-ResultSize Unlimited", out: "a\nb\nc\n", reads: 1},
		{name: "limited", args: "-ResultSize 2", out: "a\nb\nWARNING: There are more results available than currently displayed. To view them, increase the value for the ResultSize parameter.\n", reads: 1},
		{name: "refused", args: "-Identity nobody", errs: "object 'nobody' couldn't be found", reads: 1},
		{name: "bad size", args: "-ResultSize 0", errs: "Cannot process argument transformation on parameter 'ResultSize'."},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			reads := 0
			cmd := exo.Declared("Get-MailboxAuditBypassAssociation")
			cmd.Handler.Process = func(ctx *command.Context) error {
				var objs []*object.PSObject
				return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
					reads++
					for _, name := range []string{"a", "b", "c"} {
						o := object.NewObject("Test.Item")
						o.AddTyped("Name", "System.String", name)
						objs = append(objs, o)
					}
					if ctx.Has("Identity") {
						return exo.NotFound(ctx, ctx.String("Identity")), nil
					}
					return nil, nil
				})
			}
			s.RT.Register(cmd)
			out, errs := s.Run("Get-MailboxAuditBypassAssociation " + c.args + " 3>&1 | ForEach-Object { if ($_.Name) { $_.Name } else { 'WARNING: ' + $_ } }")
			if out != c.out {
				t.Errorf("output %q, want %q", out, c.out)
			}
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
			if reads != c.reads {
				t.Errorf("read %d times, want %d", reads, c.reads)
			}
		})
	}
}
