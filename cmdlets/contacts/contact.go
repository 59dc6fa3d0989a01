package contacts

import (
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// personTexts are the Set-Contact parameters kept as text as given.
var personTexts = []string{"AssistantName", "City", "Company", "CountryOrRegion", "Department", "Fax", "GeoCoordinates", "HomePhone",
	"MobilePhone", "Notes", "Office", "Pager", "Phone", "PhoneticDisplayName", "PostalCode", "SimpleDisplayName", "StateOrProvince",
	"StreetAddress", "TelephoneAssistant", "Title", "WebPage"}

// personLists are the Set-Contact parameters that list text values.
var personLists = []string{"OtherFax", "OtherHomePhone", "OtherTelephone", "PostOfficeBox"}

func contactCommands() []*command.Command {
	get := exo.Declared("Get-Contact")
	get.Synopsis = "Lists contacts with their directory attributes (names, company, addresses, phones)."
	get.OutputType = TypeContact
	get.Examples = []command.Example{
		{Code: "Get-Contact | Format-Table Name,Company,Phone", Remark: "Lists every contact with its company and phone."},
	}
	exo.Describe(get, map[string]string{
		"Identity":             "The contact: name, alias, display name, address, GUID or distinguished name; * is a wildcard.",
		"Anr":                  "Contacts whose name, alias, display name, first or last name or address starts with this text.",
		"Filter":               "An OPATH filter over the contact's properties.",
		"OrganizationalUnit":   "The organization's one unit (its name, canonical name or DN), which holds every contact.",
		"RecipientTypeDetails": "MailContact (the tenant has no other contacts).",
		"ResultSize":           "How many contacts to show (default 1000) or Unlimited.",
		"SortBy":               "Sorts by Name, DisplayName or Alias.",
	})
	get.Handler.Process = func(ctx *command.Context) error { return listContacts(ctx, contactObject) }

	set := exo.Declared("Set-Contact")
	set.Synopsis = "Changes a contact's directory attributes: names, company, department, addresses, phones, manager."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: `New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com | Out-Null; Set-Contact "Chris Ashton" -Company "Tailspin Toys" -Phone "+1 555 0100"`, Remark: "Records the contact's company and phone."},
	}
	help := map[string]string{
		"Identity":            "The contact.",
		"Name":                "The contact's unique name.",
		"DisplayName":         "The name in address lists.",
		"FirstName":           "The first name.",
		"Initials":            "The middle initials.",
		"LastName":            "The last name.",
		"Manager":             "The contact's manager: a mailbox, mail user or contact.",
		"SeniorityIndex":      "The order in hierarchical address books (a number; higher first).",
		"WindowsEmailAddress": "The address kept in the directory's mail attribute.",
	}
	for _, n := range personTexts {
		if _, ok := help[n]; !ok {
			help[n] = "Text kept as given ($null clears it)."
		}
	}
	for _, n := range personLists {
		help[n] = "Values: a list replaces them, @{Add=...; Remove=...} changes them."
	}
	exo.Describe(set, help)
	set.Handler.Process = setContact
	return []*command.Command{get, set}
}

func setContact(ctx *command.Context) error {
	return changeContact(ctx, "contact", func(tx *store.Tx, c *directory.Contact) (*object.ErrorRecord, error) {
		for _, f := range []struct {
			name  string
			field *string
		}{{"FirstName", &c.FirstName}, {"LastName", &c.LastName}, {"Initials", &c.Initials}} {
			if ctx.Has(f.name) {
				*f.field = ctx.String(f.name)
			}
		}
		if ctx.Has("Initials") && len([]rune(c.Initials)) > 6 {
			return exo.Invalid(ctx, "The Initials can't be longer than 6 characters.", c.Initials), nil
		}
		for _, n := range personTexts {
			if !ctx.Has(n) {
				continue
			}
			v := ctx.String(n)
			if n == "PhoneticDisplayName" && len([]rune(v)) > 256 {
				return exo.Invalid(ctx, "The length of the PhoneticDisplayName can't exceed 256 characters.", v), nil
			}
			c.SetText(n, v)
		}
		for _, n := range personLists {
			if !ctx.Has(n) {
				continue
			}
			vs, err := mailbox.ApplyMultiValued(ctx.Value(n), c.ListOf(n))
			if err != nil {
				return exo.Invalid(ctx, err.Error(), n), nil
			}
			c.SetList(n, vs)
		}
		if ctx.Has("SeniorityIndex") {
			v := object.Unwrap(ctx.Value("SeniorityIndex"))
			if v == nil {
				c.SetText("SeniorityIndex", "")
			} else {
				c.SetText("SeniorityIndex", strconv.Itoa(ctx.Int("SeniorityIndex")))
			}
		}
		if ctx.Has("Manager") {
			id, shown := mailbox.IdentityString(ctx.Value("Manager"))
			if strings.TrimSpace(id) == "" {
				c.SetText("Manager", "")
			} else {
				r, rec, err := mailbox.FindRecipient(ctx, tx, id, shown)
				if err != nil || rec != nil {
					return rec, err
				}
				switch {
				case r.Mailbox != nil:
					c.SetText("Manager", r.Mailbox.Name)
				case r.Contact != nil && r.Contact.Guid != c.Guid:
					c.SetText("Manager", r.Contact.Name)
				default:
					// a manager is a user or a contact, never a group
					return exo.RecipientNotFound(ctx, shown), nil
				}
			}
		}
		return nil, nil
	})
}
