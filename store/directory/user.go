package directory

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Entra account states.
const (
	UserActive      = "Active"
	UserSoftDeleted = "SoftDeleted"
	UserPurged      = "Purged"
)

// User is the Microsoft Entra account behind a mailbox.
//
// A stored account is a CBOR map keyed by the field numbers of the cbor
// tags (schema 6); a new field takes the next unused number, and a number
// is never reused. Export and import use the json names.
type User struct {
	ObjectID          string     `json:"objectId" cbor:"1,keyasint,omitempty"`
	UserPrincipalName string     `json:"userPrincipalName" cbor:"2,keyasint,omitempty"`
	DisplayName       string     `json:"displayName" cbor:"3,keyasint,omitempty"`
	FirstName         string     `json:"firstName,omitempty" cbor:"4,keyasint,omitempty"`
	LastName          string     `json:"lastName,omitempty" cbor:"5,keyasint,omitempty"`
	MailNickname      string     `json:"mailNickname,omitempty" cbor:"6,keyasint,omitempty"`
	State             string     `json:"state" cbor:"7,keyasint,omitempty"`
	DeletedAt         *time.Time `json:"deletedAt,omitempty" cbor:"8,keyasint,omitempty"`
	AccountEnabled    bool       `json:"accountEnabled" cbor:"9,keyasint,omitempty"`
	Licenses          []string   `json:"licenses" cbor:"10,keyasint"` // SKU part numbers
	LicenseRemovedAt  *time.Time `json:"licenseRemovedAt,omitempty" cbor:"11,keyasint,omitempty"`
	// FreedLicenses are the SKUs released when the mailbox became inactive
	// (CMI); restoring the account within 30 days re-assigns the ones
	// still available (sim).
	FreedLicenses []string `json:"freedLicenses,omitempty" cbor:"12,keyasint,omitempty"`
	// LastPasswordChangeDateTime is set when a password is given (the
	// password itself is never stored).
	LastPasswordChangeDateTime *time.Time `json:"lastPasswordChangeDateTime,omitempty" cbor:"13,keyasint,omitempty"`
	UsageLocation              string     `json:"usageLocation,omitempty" cbor:"14,keyasint,omitempty"`
	Department                 string     `json:"department,omitempty" cbor:"15,keyasint,omitempty"`
	Title                      string     `json:"title,omitempty" cbor:"16,keyasint,omitempty"`
	Office                     string     `json:"office,omitempty" cbor:"17,keyasint,omitempty"`
	City                       string     `json:"city,omitempty" cbor:"18,keyasint,omitempty"`
	Country                    string     `json:"country,omitempty" cbor:"19,keyasint,omitempty"`
	MobilePhone                string     `json:"mobilePhone,omitempty" cbor:"20,keyasint,omitempty"`
	// MailboxGuid links the account to its mailbox (Mailbox.Guid), if any.
	MailboxGuid                   string                    `json:"mailboxGuid,omitempty" cbor:"21,keyasint,omitempty"`
	ForceChangePasswordNextSignIn bool                      `json:"forceChangePasswordNextSignIn,omitempty" cbor:"22,keyasint,omitempty"`
	WhenCreated                   time.Time                 `json:"whenCreated" cbor:"23,keyasint,omitempty"`
	WhenChanged                   time.Time                 `json:"whenChanged" cbor:"24,keyasint,omitempty"`
	Extra                         map[string]store.RawValue `json:"extra,omitempty" cbor:"25,keyasint,omitempty"`
}

// HasLicense reports whether the account holds the SKU.
func (u *User) HasLicense(part string) bool {
	for _, l := range u.Licenses {
		if strings.EqualFold(l, part) {
			return true
		}
	}
	return false
}

// HasMailboxLicense reports whether any held SKU includes a mailbox.
func (u *User) HasMailboxLicense() bool {
	for _, l := range u.Licenses {
		if k, ok := LookupSku(l); ok && k.Mailbox {
			return true
		}
	}
	return false
}

// HasExchangePlan2 reports whether any held SKU includes Exchange Online
// Plan 2 or archiving (the Litigation Hold prerequisite).
func (u *User) HasExchangePlan2() bool {
	for _, l := range u.Licenses {
		if k, ok := LookupSku(l); ok && (k.ExchangePlan2 || k.ExchangeArchiving) {
			return true
		}
	}
	return false
}

// indexUPN is the index of the accounts by UserPrincipalName.
const indexUPN = "usr.upn"

// indexUser returns the index entries of an account.
func indexUser(u *User, _ []byte) []store.IndexEntry {
	return []store.IndexEntry{{Name: indexUPN, Value: u.UserPrincipalName}}
}

// GetUser returns the account with the given ObjectId.
func GetUser(tx *store.Tx, objectID string) (*User, error) {
	return Users.Load(tx, strings.ToLower(objectID), objectID)
}

// userBrief is the part of an account its mailbox copies (see
// Mailbox.AccountOffice): decoding only it skips the rest of the record.
// Its cbor keys are User's.
type userBrief struct {
	Office                        string `json:"office,omitempty" cbor:"17,keyasint,omitempty"`
	ForceChangePasswordNextSignIn bool   `json:"forceChangePasswordNextSignIn,omitempty" cbor:"22,keyasint,omitempty"`
}

// UserKeysByUPN returns the ObjectIds of the accounts with that
// UserPrincipalName (case-insensitive), in order.
func UserKeysByUPN(tx *store.Tx, upn string) ([]string, error) {
	var keys []string
	err := EachUserKeyByUPN(tx, upn, func(key string) { keys = append(keys, key) })
	return keys, err
}

// EachUserKeyByUPN calls fn with each ObjectId UserKeysByUPN returns, in
// order, without collecting them.
func EachUserKeyByUPN(tx *store.Tx, upn string, fn func(key string)) error {
	return tx.LookupIndexEntries(indexUPN, strings.TrimSpace(upn), func(key string, _ []byte) { fn(key) })
}

// FindUsersByUPN returns the accounts with that UserPrincipalName
// (case-insensitive; several only if soft-deleted ones share it).
func FindUsersByUPN(tx *store.Tx, upn string) ([]*User, error) {
	keys, err := UserKeysByUPN(tx, upn)
	if err != nil {
		return nil, err
	}
	out := make([]*User, 0, len(keys))
	for _, k := range keys {
		u, err := GetUser(tx, k)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// PutUser stores an account (WhenChanged is set to now).
func PutUser(tx *store.Tx, u *User) error {
	if u.ObjectID == "" {
		return &store.ValidationError{Field: "ObjectId", Message: "empty"}
	}
	u.ObjectID = strings.ToLower(u.ObjectID)
	u.WhenChanged = tx.Now()
	if err := Users.Put(tx, u.ObjectID, u); err != nil {
		return err
	}
	return syncAccountCopies(tx, u.ObjectID, u)
}

// DeleteUser removes an account record.
func DeleteUser(tx *store.Tx, objectID string) error {
	if err := Users.Remove(tx, strings.ToLower(objectID), objectID); err != nil {
		return err
	}
	return syncAccountCopies(tx, objectID, nil)
}

// ForEachUser calls fn for each account in ObjectId order after `after`.
func ForEachUser(tx *store.Tx, after string, fn func(*User) error) error {
	return Users.ForEach(tx, after, func(_ string, u *User) error { return fn(u) })
}

// ScanUsers returns a page of at most limit accounts after `after` and the
// cursor for the next page ("" at the end).
func ScanUsers(tx *store.Tx, after string, limit int) ([]*User, string, error) {
	return Users.Scan(tx, after, limit)
}

// AssignLicense gives the account one unit of a purchased SKU. When the
// account's user mailbox is in its unlicensed grace period and the SKU
// includes a mailbox, the mailbox is fully active again.
func AssignLicense(tx *store.Tx, objectID, part string) error {
	u, err := GetUser(tx, objectID)
	if err != nil {
		return err
	}
	o, err := GetOrganization(tx)
	if err != nil {
		return err
	}
	sub, ok := o.Subscription(part)
	if !ok {
		return &store.ValidationError{Field: "SkuPartNumber", Message: "the tenant has no subscription for " + part}
	}
	if u.HasLicense(sub.SkuPartNumber) {
		return nil
	}
	if sub.Consumed >= sub.Enabled {
		return &LicenseUnavailableError{SkuPartNumber: sub.SkuPartNumber}
	}
	sub.Consumed++
	u.Licenses = append(u.Licenses, sub.SkuPartNumber)
	sort.Strings(u.Licenses)
	if u.HasMailboxLicense() {
		u.LicenseRemovedAt = nil
	}
	if err := PutOrganization(tx, o); err != nil {
		return err
	}
	if err := PutUser(tx, u); err != nil {
		return err
	}
	return afterLicenseChange(tx, u)
}

// RemoveLicense takes a SKU away from the account and frees the unit. When
// no remaining SKU includes a mailbox, LicenseRemovedAt is set to now and
// an Active user mailbox enters the 30-day unlicensed grace period:
// it stays an active mailbox (listed, receiving mail, SKUAssigned False)
// and is deleted when the grace period ends — or becomes Inactive if it is
// on hold then. The account itself stays, without a mailbox.
func RemoveLicense(tx *store.Tx, objectID, part string) error {
	u, err := GetUser(tx, objectID)
	if err != nil {
		return err
	}
	if !u.HasLicense(part) {
		return nil
	}
	o, err := GetOrganization(tx)
	if err != nil {
		return err
	}
	var keep []string
	for _, l := range u.Licenses {
		if strings.EqualFold(l, part) {
			if sub, ok := o.Subscription(l); ok && sub.Consumed > 0 {
				sub.Consumed--
			}
			continue
		}
		keep = append(keep, l)
	}
	u.Licenses = keep
	if !u.HasMailboxLicense() && u.LicenseRemovedAt == nil {
		now := tx.Now()
		u.LicenseRemovedAt = &now
	}
	if err := PutOrganization(tx, o); err != nil {
		return err
	}
	if err := PutUser(tx, u); err != nil {
		return err
	}
	return afterLicenseChange(tx, u)
}
