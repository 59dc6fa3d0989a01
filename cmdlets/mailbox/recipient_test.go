package mailbox_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/store"
)

// A recipient argument names an active mailbox or mail user first, else
// a group; a name several recipients share is Exchange's ambiguous
// error, and a name nothing has is no recipient and no error.
func TestFindRecipient(t *testing.T) {
	t.Parallel()
	const ambiguous = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException"
	for _, c := range []struct {
		name, setup, id, want string
	}{
		{name: "mailbox", id: "annb", want: "mailbox annb"},
		{name: "mail user", id: "roby", want: "mailbox roby"},
		{name: "group", id: "Sales", want: "group Sales"},
		{name: "security group", id: "Legal Reviewers", want: "group Legal Reviewers"},
		{name: "nothing", id: "nobody", want: "none"},
		{name: "ambiguous mailbox", setup: "Set-Mailbox carolo -DisplayName 'Megan Bowen'", id: "Megan Bowen",
			want: "error " + exo.ErrorCode(ambiguous) + "|" + ambiguous + "|The operation couldn't be performed because 'Megan Bowen' matches multiple entries."},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			if c.setup != "" {
				if _, errs := s.Run(c.setup); errs != "" {
					t.Fatal(errs)
				}
			}
			var got string
			cmd := exo.Declared("Get-Mailbox")
			cmd.Handler.Process = func(ctx *command.Context) error {
				return exo.View(ctx, func(tx *store.Tx) error {
					r, rec, err := mailbox.FindRecipient(ctx, tx, c.id, c.id)
					switch {
					case err != nil:
						got = "failed " + err.Error()
					case rec != nil:
						got = "error " + rec.Message
					case r.Mailbox != nil:
						got = "mailbox " + r.Mailbox.Name
					case r.Group != nil:
						got = "group " + r.Group.Name
					default:
						got = "none"
					}
					return nil
				})
			}
			s.RT.Register(cmd)
			s.Run("Get-Mailbox")
			if got != c.want {
				t.Errorf("FindRecipient(%q) = %s, want %s", c.id, got, c.want)
			}
		})
	}
}
