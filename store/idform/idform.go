// Package idform is the layout of the mailbox identity indexes: the forms
// of identity a mailbox can be named by (its name, alias, addresses,
// sign-in names, distinguished names, GUIDs, display name), which of the
// two identity indexes holds a value, and the entries of a mailbox's
// values, each value once with its forms beside the key, so that
// resolving an identity reads one run of one index.
package idform

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/recordmap"
)

// The identity indexes. Which of the two holds a value depends on the
// value alone (IndexOf): IndexReference holds the values shaped like
// references (GUIDs, distinguished names, legacy DNs and X500 addresses,
// and any value with a space, such as most display names), IndexIdentity
// the others (names, aliases, addresses and sign-in names), so a walk of
// IndexIdentity from a prefix (tab completion) does not wade through the
// GUIDs and display names that share it.
const (
	IndexIdentity  = "mbx.id"
	IndexReference = "mbx.ref"
)

// Form is a set of the identity forms a mailbox can be named by: the
// values Get-Mailbox -Identity matches, each case-insensitively and in
// full.
type Form uint16

// Identity forms.
const (
	Name         Form = 1 << iota // Name
	Alias                         // Alias
	SMTP                          // PrimarySmtpAddress and every SMTP proxy address
	UPN                           // UserPrincipalName and MicrosoftOnlineServicesID
	ExchangeGuid                  // ExchangeGuid (none when it is the zero GUID)
	DN                            // DistinguishedName
	LegacyDN                      // LegacyExchangeDN and every X500 proxy address
	ExternalID                    // ExternalDirectoryObjectId
	DisplayName                   // DisplayName

	// All is every form.
	All = Name | Alias | SMTP | UPN | ExchangeGuid | DN | LegacyDN | ExternalID | DisplayName
)

// Of reads the forms an identity index entry's payload holds.
func Of(payload []byte) Form {
	if len(payload) != 2 {
		return 0
	}
	return Form(payload[0])<<8 | Form(payload[1])
}

// payload returns the payload of an identity index entry holding f.
func payload(f Form) []byte { return []byte{byte(f >> 8), byte(f)} }

// IndexOf returns the identity index that holds the lower-case value v:
// IndexReference for a value shaped like a reference (canonical GUID
// text, a distinguished name, a path such as a legacy DN, or one with a
// space), IndexIdentity for any other. It looks at the value only, so a
// look-up seeks the one index its identity would be in.
func IndexOf(v string) string {
	if strings.HasPrefix(v, "cn=") || strings.HasPrefix(v, "/") || strings.IndexByte(v, ' ') >= 0 {
		return IndexReference
	}
	if _, ok := recordmap.ParseText(v); ok {
		return IndexReference
	}
	return IndexIdentity
}

// Values gathers a mailbox's identity values, each once whatever its case
// (the index keeps values in lower case), with its forms.
type Values struct {
	values []string        // as first added
	lower  []string        // values in lower case
	forms  map[string]Form // by lower-case value
}

// Add adds value v of form f ("" is none).
func (iv *Values) Add(f Form, v string) {
	if v == "" {
		return
	}
	if iv.forms == nil {
		iv.forms = make(map[string]Form, 12)
	}
	k := strings.ToLower(v)
	if _, ok := iv.forms[k]; !ok {
		iv.values = append(iv.values, v)
		iv.lower = append(iv.lower, k)
	}
	iv.forms[k] |= f
}

// Entries appends the index entry of each value to e.
func (iv *Values) Entries(e []store.IndexEntry) []store.IndexEntry {
	for i, k := range iv.lower {
		e = append(e, store.IndexEntry{Name: IndexOf(k), Value: iv.values[i], Payload: payload(iv.forms[k])})
	}
	return e
}

// Lookup calls fn with the key of each record that has value in one of
// the forms, in key order: one seek of the identity index that holds the
// value.
func Lookup(tx *store.Tx, value string, forms Form, fn func(key string)) error {
	lower := strings.ToLower(value)
	return tx.LookupIndexEntries(IndexOf(lower), lower, func(k string, payload []byte) {
		if Of(payload)&forms != 0 {
			fn(k)
		}
	})
}

// Complete calls fn, in value order, with the key and the lower-case
// value of each entry whose value starts with the lower-case prefix and
// that holds the form, until fn returns false (Tab completion). It reads
// the identity index that holds values shaped like the prefix, so a value
// shaped like a reference is offered only for a prefix of that shape, and
// at most budget entries that hold the form and 4*budget in all (the
// index holds names and sign-in names beside them, nearly always in the
// same entries): its cost depends on budget, not on the tenant's size.
func Complete(tx *store.Tx, prefix string, form Form, budget int, fn func(key, value string) bool) error {
	index := IndexIdentity
	if strings.HasPrefix(prefix, "cn=") || strings.HasPrefix(prefix, "/") || strings.IndexByte(prefix, ' ') >= 0 {
		index = IndexReference
	}
	examined := 4 * budget
	return tx.WalkIndex(index, prefix, func(entry string, payload []byte) error {
		if !strings.HasPrefix(entry, prefix) || budget <= 0 || examined <= 0 {
			return store.ErrStop
		}
		examined--
		if Of(payload)&form == 0 {
			return nil
		}
		budget--
		if sep := strings.IndexByte(entry, 0); sep >= 0 && !fn(entry[sep+1:], entry[:sep]) {
			return store.ErrStop
		}
		return nil
	})
}
