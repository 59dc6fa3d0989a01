// Package rawlookup is the work of the figure table's one-shot baseline,
// done with bbolt and the record codec alone: open the tenant file read
// only, find a mailbox by alias through the identity index and decode its
// record. The baseline program runs it, and so does exosim itself when
// built with the benchfloor tag, to measure what exosim's program costs
// before any PowerShell runs (see cmd/exosim/floor_on.go).
package rawlookup

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/idform"
)

// Alias is the mailbox the figure table's one-shot reads.
const Alias = "annb"

// Lookup opens the tenant file at path read only and decodes the mailbox
// whose alias is alias.
func Lookup(path, alias string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		key, err := MailboxKeyByAlias(tx, alias)
		if err != nil {
			return err
		}
		var m directory.Mailbox
		return directory.Mailboxes.Decode(tx.Bucket([]byte("mailboxes")).Get(key), &m)
	})
}

// MailboxKeyByAlias finds a mailbox's key through the identity index: the
// first entry of the alias that holds it as an alias.
func MailboxKeyByAlias(tx *bolt.Tx, alias string) ([]byte, error) {
	prefix := []byte(idform.IndexIdentity + "\x00" + alias + "\x00")
	c := tx.Bucket([]byte("idx")).Cursor()
	for k, v := c.Seek(prefix); bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if idform.Of(v)&idform.Alias != 0 {
			return []byte(store.IndexedKey(k[len(prefix):])), nil
		}
	}
	return nil, fmt.Errorf("no mailbox %s", alias)
}
