package directory

import (
	"encoding/json"
	"strings"

	"github.com/exosim/exosim/store"
)

// RecipientProperty returns the value a recipient filter (an adaptive
// scope query, a dynamic distribution group's filter) sees for a property
// of a mailbox or mail user: the mailbox's own, then the account's
// directory attributes (u may be nil), then the further properties either
// keeps by name. Unknown properties read as empty.
func RecipientProperty(m *Mailbox, u *User, name string) any {
	switch strings.ToLower(name) {
	case "name":
		return m.Name
	case "alias":
		return m.Alias
	case "displayname":
		return m.DisplayName
	case "primarysmtpaddress", "emailaddress", "windowsemailaddress":
		return m.PrimarySmtpAddress
	case "emailaddresses":
		return m.EmailAddresses
	case "userprincipalname", "microsoftonlineservicesid":
		return m.UserPrincipalName
	case "recipienttype":
		return m.RecipientType
	case "recipienttypedetails":
		return m.RecipientTypeDetails
	case "isinactivemailbox":
		return m.IsInactiveMailbox
	case "litigationholdenabled":
		return m.LitigationHoldEnabled
	case "firstname":
		return m.FirstName
	case "lastname":
		return m.LastName
	case "usagelocation":
		return m.UsageLocation
	case "whencreated":
		return m.WhenCreated
	}
	if u != nil {
		switch strings.ToLower(name) {
		case "department":
			return u.Department
		case "title":
			return u.Title
		case "office", "physicaldeliveryofficename":
			return u.Office
		case "city":
			return u.City
		case "country", "countryorregion", "co":
			return u.Country
		}
	}
	for _, extra := range []map[string]store.RawValue{m.Extra, userExtra(u)} {
		for k, raw := range extra {
			if strings.EqualFold(k, name) {
				var v any
				if json.Unmarshal(raw, &v) == nil {
					return v
				}
			}
		}
	}
	return nil
}

func userExtra(u *User) map[string]store.RawValue {
	if u == nil {
		return nil
	}
	return u.Extra
}
