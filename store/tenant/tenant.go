// Package tenant is the whole tenant: the Schema that registers every
// area of the store in order and wires the hooks they offer each other,
// and Open and Rebuild for a tenant file of that schema.
package tenant

import (
	"fmt"
	"strings"

	"errors"
	"io"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/addresspolicy"
	"github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/appaccess"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/authpolicy"
	"github.com/exosim/exosim/store/autoreply"
	"github.com/exosim/exosim/store/calendarconfig"
	"github.com/exosim/exosim/store/calendarproc"
	"github.com/exosim/exosim/store/casmailbox"
	"github.com/exosim/exosim/store/clutter"
	"github.com/exosim/exosim/store/contentsearch"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/folderperms"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/inboxrules"
	"github.com/exosim/exosim/store/junkemail"
	"github.com/exosim/exosim/store/mailauth"
	"github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/messageconfig"
	"github.com/exosim/exosim/store/mobile"
	"github.com/exosim/exosim/store/mrm"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/onprem"
	"github.com/exosim/exosim/store/permissions"
	"github.com/exosim/exosim/store/places"
	"github.com/exosim/exosim/store/pubfolders"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/recoverable"
	"github.com/exosim/exosim/store/regional"
	"github.com/exosim/exosim/store/remotedomain"
	"github.com/exosim/exosim/store/restore"
	"github.com/exosim/exosim/store/sharingpolicy"
	"github.com/exosim/exosim/store/sweeprules"
	"github.com/exosim/exosim/store/transfer"
	"github.com/exosim/exosim/store/transportconfig"
)

// Schema returns the schema of the whole tenant: every area, in the order
// their buckets are created and their checks run.
func Schema() *store.Schema {
	s := store.NewSchema()
	directory.Register(s)
	ome.Register(s)
	holds.Register(s)
	mrm.Register(s)
	mrm.Holds.Add(s, func(tx *store.Tx) (mrm.HoldView, error) {
		v, err := holds.LoadView(tx)
		if err != nil {
			return nil, err
		}
		return v, nil
	})
	onprem.Register(s)
	rbac.Register(s)
	restore.Register(s)
	contentsearch.Register(s)
	restore.OnPremSources.Add(s, onPremSource())
	groups.Register(s)
	permissions.Register(s)
	recoverable.Register(s)
	folderperms.Register(s)
	inboxrules.Register(s)
	sweeprules.Register(s)
	pubfolders.Register(s)
	calendarproc.Register(s)
	autoreply.Register(s)
	auditbypass.Register(s)
	mobile.Register(s)
	casmailbox.Register(s)
	junkemail.Register(s)
	messageconfig.Register(s)
	clutter.Register(s)
	regional.Register(s)
	remotedomain.Register(s)
	sharingpolicy.Register(s)
	authpolicy.Register(s)
	addresspolicy.Register(s)
	mailboxpolicy.Register(s)
	antispam.Register(s)
	calendarconfig.Register(s)
	defender.Register(s)
	antispam.QuarantineUsers.Add(s, defender.EachQuarantineTag)
	mailauth.Register(s)
	transportconfig.Register(s)
	places.Register(s)
	addressbook.Register(s)
	appaccess.Register(s)
	appaccess.Scopes.Add(s, appAccessScope)
	contentsearch.Purged.Add(s, auditPurge)
	permissions.RecipientExists.Add(s, func(tx *store.Tx, id string) (bool, error) {
		_, ok, err := groups.Get(tx, id)
		return ok, err
	})
	return s
}

// auditPurge records a compliance search purge in the mailbox audit log:
// an administrator's SoftDelete (or HardDelete) of the items it removed,
// one entry a folder they were removed from. The items are named by entry
// IDs made from the action, the folder and their place in it.
func auditPurge(tx *store.Tx, p contentsearch.Purge) error {
	m, err := directory.GetMailbox(tx, p.MailboxGuid)
	if err != nil {
		return err
	}
	op := "SoftDelete"
	if p.Hard {
		op = "HardDelete"
	}
	for i, folder := range p.Folders {
		path := strings.ReplaceAll(folder, "/", `\`)
		var items []auditbypass.AuditItem
		for n := int64(0); n < p.Counts[i]; n++ {
			id := recoverable.EntryID(m.Guid, folder, fmt.Sprintf("purge\x00%s\x00%s\x00%d", p.ActionGuid, folder, n))
			items = append(items, auditbypass.AuditItem{ID: id, FolderPath: path, Subject: p.Subjects[i][n]})
		}
		if _, err := auditbypass.Audit(tx, auditbypass.Event{Mailbox: m, Operation: op, LogonType: auditbypass.LogonAdmin,
			Actor: p.Actor, Folder: path, Items: items}); err != nil {
			return err
		}
	}
	return nil
}

// appAccessScope tells the application access policies' check what the
// directory says now of a policy's scope: a group by its GUID, an account
// by its object ID, with the security identifier the permissions show for
// the same holder.
func appAccessScope(tx *store.Tx, kind, id string) (appaccess.Scope, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return appaccess.Scope{}, err
	}
	if kind == appaccess.ScopeGroup {
		g, ok, err := groups.Get(tx, id)
		if err != nil || !ok {
			return appaccess.Scope{}, err
		}
		return appaccess.Scope{Found: true, ObjectID: g.ExternalDirectoryObjectId, SID: permissions.SID(org.Guid, g.Guid)}, nil
	}
	u, err := directory.GetUser(tx, id)
	var nf *store.NotFoundError
	if errors.As(err, &nf) || err == nil && u.State == directory.UserPurged {
		return appaccess.Scope{}, nil
	} else if err != nil {
		return appaccess.Scope{}, err
	}
	return appaccess.Scope{Found: true, ObjectID: u.ObjectID, SID: permissions.SID(org.Guid, u.ObjectID)}, nil
}

// onPremSource lets restore requests copy from the disconnected mailboxes
// of the on-premises organization.
func onPremSource() restore.OnPremSource {
	return restore.OnPremSource{
		Host: onprem.ServerFqdn,
		Database: func(tx *store.Tx, identity string) (string, string, bool, error) {
			db, err := onprem.FindMailboxDatabase(tx, identity)
			if err != nil || db == nil {
				return "", "", false, err
			}
			return db.Name, db.Guid, true, nil
		},
		Mailbox: func(tx *store.Tx, guid string) (*restore.RemoteMailbox, error) {
			m, err := onprem.GetMailbox(tx, guid)
			if err != nil || m == nil {
				return nil, err
			}
			return &restore.RemoteMailbox{MailboxGuid: m.MailboxGuid, Alias: m.Alias, DisplayName: m.DisplayName,
				LegacyExchangeDN: m.LegacyExchangeDN, DatabaseGuid: m.DatabaseGuid, Disconnected: m.IsDisconnected(), Folders: m.Folders}, nil
		},
	}
}

// Layout is the Layout of Schema, written out so that opening a tenant
// file that has it needs no schema (store.Options.Lazy): a command that
// only reads never builds one. TestLayout checks it against Schema; a
// change to the areas' buckets changes it.
var Layout = store.Layout{Version: 9, Buckets: "6e64f7f1ce5fb8af"}

// Open opens (creating if needed) the tenant file at path with the whole
// tenant's schema, built when the store first needs it, unless o names
// another.
func Open(path string, o store.Options) (*store.Store, error) {
	if o.Schema == nil && o.Lazy == nil {
		o.Lazy, o.Layout = Schema, Layout
	}
	return store.Open(path, o)
}

// Rebuild is transfer.Rebuild for a tenant file of the whole tenant's schema.
func Rebuild(path string, o store.Options, build func(old, fresh *store.Store) error) error {
	if o.Schema == nil {
		o.Schema = Schema()
	}
	return transfer.Rebuild(path, o, build)
}

// ImportFile is transfer.ImportFile for a tenant file of the whole tenant's
// schema.
func ImportFile(path string, r io.Reader, o store.Options, rec store.ImportRecord) error {
	if o.Schema == nil {
		o.Schema = Schema()
	}
	return transfer.ImportFile(path, r, o, rec)
}
