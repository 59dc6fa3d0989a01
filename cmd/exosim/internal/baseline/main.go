// Command baseline is the physical baseline of exosim's figure table
// (make bench; cmd/exosim/figures_test.go): a minimal program that does
// with bbolt and the record codec alone what an exosim command does with
// the whole PowerShell layer, so the table shows what that layer costs.
//
//	baseline lookup FILE      open, find annb by alias, decode the record
//	baseline scan FILE        decode every mailbox, count active ones on
//	                          litigation hold (printed)
//	baseline updates FILE N   N read-modify-write transactions of one
//	                          mailbox, one per change
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/cmd/exosim/internal/rawlookup"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 2 {
		return errors.New("usage: baseline lookup|scan|updates FILE [N]")
	}
	mode, path := args[0], args[1]
	if mode == "lookup" {
		return rawlookup.Lookup(path, rawlookup.Alias)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: mode != "updates", Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	switch mode {
	case "scan":
		n := 0
		err := db.View(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("mailboxes")).ForEach(func(k, v []byte) error {
				var m directory.Mailbox
				if err := directory.Mailboxes.Decode(v, &m); err != nil {
					return err
				}
				if m.LitigationHoldEnabled && m.LifecycleState == directory.StateActive {
					n++
				}
				return nil
			})
		})
		fmt.Println(n)
		return err
	case "updates":
		if len(args) < 3 {
			return errors.New("updates needs a count")
		}
		n, err := strconv.Atoi(args[2])
		if err != nil {
			return err
		}
		var key []byte
		if err := db.View(func(tx *bolt.Tx) error { key, err = rawlookup.MailboxKeyByAlias(tx, rawlookup.Alias); return err }); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			err := db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket([]byte("mailboxes"))
				var m directory.Mailbox
				if err := directory.Mailboxes.Decode(b.Get(key), &m); err != nil {
					return err
				}
				m.DisplayName = fmt.Sprintf("seq-%d", i)
				raw, err := store.EncodeRecord(&m)
				if err != nil {
					return err
				}
				return b.Put(key, raw)
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown mode %q", mode)
}
