// Package views registers the default format views of the mailbox
// package's objects: mailboxes (mailbox.Views, beside the objects' code),
// users, recipients, mail users and mailbox statistics. A session
// registers the mailboxes' views apart from the others (Providers), so
// formatting a mailbox adds its own views alone.
package views

import (
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/format"
)

// Providers are the views by the types they show, for a session to
// register each with format.Registry.Provide. The list is static data.
var Providers = [...]struct {
	Add   func(*format.Registry)
	Types []string
}{
	{mailbox.Views, []string{mailbox.TypeMailbox}},
	{Recipients, []string{mailbox.TypeUser, mailbox.TypeRecipient, mailbox.TypeMailUser, mailbox.TypeStatistics}},
}

// Add registers every view of the package's objects.
func Add(r *format.Registry) {
	for _, p := range Providers {
		p.Add(r)
	}
}

// Recipients registers the views of users, recipients, mail users and
// mailbox statistics.
func Recipients(r *format.Registry) {
	for _, t := range []string{mailbox.TypeUser, mailbox.TypeRecipient, mailbox.TypeMailUser} {
		r.Add(&format.View{
			Name:      t,
			TypeNames: []string{t},
			Kind:      format.TableView,
			Columns: []format.Column{
				{Label: "Name", Width: 59, Property: "Name"},
				{Label: "RecipientType", Property: "RecipientType"},
			},
		})
	}
	r.Add(&format.View{
		Name:      "MailboxStatistics",
		TypeNames: []string{mailbox.TypeStatistics},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "DisplayName", Width: 25, Property: "DisplayName"},
			{Label: "ItemCount", Width: 12, Align: format.AlignLeft, Property: "ItemCount"},
			{Label: "StorageLimitStatus", Property: "StorageLimitStatus"},
			{Label: "LastLogonTime", Width: 22, Property: "LastLogonTime"},
		},
	})
}
