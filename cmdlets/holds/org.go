package holds

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/authpolicy"
	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	ap "github.com/exosim/exosim/store/authpolicy"
	"github.com/exosim/exosim/store/directory"
	holdstore "github.com/exosim/exosim/store/holds"
)

// orgProp is one property of the organization configuration object: its
// .NET type name and the value a new Exchange Online tenant shows.
type orgProp struct {
	name, typ string
	def       any
}

// orgProps are the properties Get-OrganizationConfig shows, in the order
// the service lists them (public-folder defaults first, then the feature
// switches, the hold list, and the directory identity at the end). Values
// set with Set-OrganizationConfig replace the defaults; the simulator
// fills InPlaceHolds, Name, Identity and the dates from the tenant.
var orgProps = []orgProp{
	{"DefaultPublicFolderAgeLimit", tStr, nil},
	{"DefaultPublicFolderIssueWarningQuota", tStr, "1.7 GB (1,825,361,920 bytes)"},
	{"DefaultPublicFolderProhibitPostQuota", tStr, "2 GB (2,147,483,648 bytes)"},
	{"DefaultPublicFolderMaxItemSize", tStr, "Unlimited"},
	{"DefaultPublicFolderDeletedItemRetention", tStr, "30.00:00:00"},
	{"DefaultPublicFolderMovedItemRetention", tStr, "7.00:00:00"},
	{"PublicFoldersLockedForMigration", tBool, false},
	{"PublicFolderMigrationComplete", tBool, false},
	{"PublicFoldersEnabled", tStr, "Local"},
	{"RemotePublicFolderMailboxes", tList, []any{}},
	{"IsDehydrated", tBool, false},
	{"ActivityBasedAuthenticationTimeoutEnabled", tBool, true},
	{"ActivityBasedAuthenticationTimeoutInterval", tStr, "06:00:00"},
	{"ActivityBasedAuthenticationTimeoutWithSingleSignOnEnabled", tBool, true},
	{"AppsForOfficeEnabled", tBool, true},
	{"AuditDisabled", tBool, false},
	{"AutoExpandingArchiveEnabled", tBool, false},
	{"BookingsEnabled", tBool, true},
	{"ConnectorsEnabled", tBool, true},
	{"CustomerLockboxEnabled", tBool, false},
	{"DefaultAuthenticationPolicy", tStr, nil},
	{"DefaultGroupAccessType", tStr, "Private"},
	{"DelayedDelicensingEnabled", tBool, false},
	{"DistributionGroupNamingPolicy", tStr, ""},
	{"ElcProcessingDisabled", tBool, false},
	{"EwsApplicationAccessPolicy", tStr, nil},
	{"EwsEnabled", tBool, nil},
	{"FocusedInboxOn", tBool, nil},
	{"MailTipsAllTipsEnabled", tBool, true},
	{"MailTipsExternalRecipientsTipsEnabled", tBool, false},
	{"MailTipsGroupMetricsEnabled", tBool, true},
	{"MailTipsLargeAudienceThreshold", tInt, 25},
	{"MailTipsMailboxSourcedTipsEnabled", tBool, true},
	{"OAuth2ClientProfileEnabled", tBool, true},
	{"RejectDirectSend", tBool, false},
	{"SendFromAliasEnabled", tBool, false},
	{"SmtpActionableMessagesEnabled", tBool, true},
	{"InPlaceHolds", tList, nil},
	{"MessageRecallEnabled", tBool, nil},
	{"Name", tStr, nil},
	{"DisplayName", tStr, nil},
	{"Identity", tStr, nil},
	{"Guid", tGuid, nil},
	{"WhenChanged", tDate, nil},
	{"WhenCreated", tDate, nil},
	{"WhenChangedUTC", tDate, nil},
	{"WhenCreatedUTC", tDate, nil},
	{"IsValid", tBool, true},
	{"ObjectState", tStr, "Unchanged"},
}

// Property types of the objects this package writes.
const (
	tStr   = "System.String"
	tBool  = "System.Boolean"
	tInt   = "System.Int32"
	tDate  = "System.DateTime"
	tNDate = "System.Nullable`1[[System.DateTime]]"
	tGuid  = "System.Guid"
	tList  = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]"
)

// OrganizationConfigObject builds the Get-OrganizationConfig object of a
// tenant; holds are the organization-wide hold IDs.
func OrganizationConfigObject(o *directory.Organization, holds []string) *object.PSObject {
	obj := object.NewObject(TypeOrganizationConfig, "Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject", "Deserialized.System.Object")
	display := o.DisplayName
	if display == "" {
		display = o.Name
	}
	seen := map[string]bool{}
	for _, p := range orgProps {
		v := p.def
		switch p.name {
		case "InPlaceHolds":
			v = stringList(holds)
		case "Name", "Identity":
			v = o.Name
		case "DisplayName":
			v = display
		case "Guid":
			v = o.Guid
		case "WhenChanged", "WhenChangedUTC":
			v = o.WhenChanged.UTC()
		case "WhenCreated", "WhenCreatedUTC":
			v = o.WhenCreated.UTC()
		}
		if raw, ok := o.Extra[p.name]; ok {
			v = decodeExtra(raw)
		}
		seen[strings.ToLower(p.name)] = true
		obj.AddTyped(p.name, p.typ, v)
	}
	// Settings the default list doesn't name follow, alphabetically.
	var rest []string
	for k := range o.Extra {
		if !seen[strings.ToLower(k)] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		obj.Add(k, decodeExtra(o.Extra[k]))
	}
	return obj
}

func stringList(s []string) any { return exo.MultiValued(s) }

// decodeExtra turns a stored setting back into a pipeline value.
func decodeExtra(raw store.RawValue) any {
	var v any
	if err := store.DecodeExtra(raw, &v); err != nil {
		return nil
	}
	switch x := v.(type) {
	case float64:
		if x == float64(int(x)) {
			return int(x)
		}
	case []any:
		return x
	case map[string]any:
		return nil
	}
	return v
}

func getOrganizationConfig() *command.Command {
	c := exo.Declared("Get-OrganizationConfig")
	c.Synopsis = "Shows the organization's Exchange Online settings, including its organization-wide holds."
	c.Description = "InPlaceHolds lists the retention policies that apply to every mailbox of the tenant (ExchangeLocation All). They are not shown on the mailboxes themselves; a mailbox excluded from one carries a -mbx marker in its own InPlaceHolds."
	c.OutputType = TypeOrganizationConfig
	c.Examples = []command.Example{
		{Code: "Get-OrganizationConfig | Format-List InPlaceHolds", Remark: "Lists the organization-wide retention holds."},
		{Code: "(Get-OrganizationConfig).InPlaceHolds", Remark: "Prints one hold ID per line."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var out *object.PSObject
		err := exo.View(ctx, func(tx *store.Tx) error {
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			holds, err := holdstore.GetOrgHolds(tx)
			if err != nil {
				return err
			}
			out = OrganizationConfigObject(o, holds)
			return nil
		})
		if err != nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}

// orgParamProperty names the Get-OrganizationConfig property of the
// Set-OrganizationConfig parameters whose name differs from it: the
// -AutoExpandingArchive switch turns AutoExpandingArchiveEnabled on.
var orgParamProperty = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{"autoexpandingarchive": "AutoExpandingArchiveEnabled"}
}}

// orgNotStored are Set-OrganizationConfig parameters that are not settings.
var orgNotStored = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{"identity": true, "force": true, "confirm": true, "whatif": true}
}}

func setOrganizationConfig() *command.Command {
	c := exo.Declared("Set-OrganizationConfig")
	c.Synopsis = "Changes the organization's Exchange Online settings."
	c.Description = "Every documented parameter is accepted and its value is kept: Get-OrganizationConfig shows it afterwards. The organization-wide holds (InPlaceHolds) are not a setting; they follow the retention policies."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "Set-OrganizationConfig -MailTipsExternalRecipientsTipsEnabled $true; Get-OrganizationConfig | Format-List MailTips*", Remark: "Turns on the external-recipient MailTip and shows the MailTips settings."},
		{Code: "Set-OrganizationConfig -AuditDisabled $false", Remark: "Keeps mailbox auditing on for the organization."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		vals := map[string]any{}
		for name, v := range ctx.Bound() {
			if orgNotStored.Get()[strings.ToLower(name)] {
				continue
			}
			p := ctx.Command.Param(name)
			if p == nil {
				continue
			}
			vals[p.Name] = settingValue(p, v)
		}
		props := map[string]any{}
		for name, v := range vals {
			if prop, ok := orgParamProperty.Get()[strings.ToLower(name)]; ok {
				props[prop] = v
				delete(vals, name)
			}
		}
		var tenant string
		if err := exo.View(ctx, func(tx *store.Tx) error {
			o, err := directory.GetOrganization(tx)
			if err == nil {
				tenant = o.Name
			}
			return err
		}); err != nil {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Setting organization configuration \"%s\".", tenant), tenant)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, tenant, func(tx *store.Tx) (*object.ErrorRecord, error) {
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			if o.Extra == nil {
				o.Extra = map[string]store.RawValue{}
			}
			// -DefaultAuthenticationPolicy names an existing policy, kept
			// by its name; $null takes the organization's policy away.
			if v, ok := vals[ap.OrgSetting]; ok {
				name, rec, err := authpolicy.Resolve(ctx, tx, v)
				if rec != nil || err != nil {
					return rec, err
				}
				delete(vals, ap.OrgSetting)
				delete(o.Extra, ap.OrgSetting)
				if name != "" {
					vals[ap.OrgSetting] = name
				}
			}
			for name, v := range vals {
				if p := ctx.Command.Param(name); p != nil && p.Type.Is(decl.MultiValued) {
					v = applyMulti(o.Extra[name], object.Unwrap(ctx.Value(name)))
				}
				raw, err := store.EncodeExtra(v)
				if err != nil {
					return nil, err
				}
				o.Extra[name] = raw
			}
			for name, v := range props {
				raw, err := store.EncodeExtra(v)
				if err != nil {
					return nil, err
				}
				o.Extra[name] = raw
			}
			o.WhenChanged = tx.Now()
			return nil, directory.PutOrganization(tx, o)
		})
		return err
	}
	return c
}

// settingValue converts a bound argument to the value stored and shown.
func settingValue(p *params.Param, v any) any {
	v = object.Unwrap(v)
	if p.Type != nil && p.Type.Kind == params.KindSwitch {
		return object.ToBool(v)
	}
	switch x := v.(type) {
	case nil:
		return nil
	case bool, int, int64, float64, string:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case object.TimeSpan:
		return x.String()
	}
	if items, ok := object.Enumerate(v); ok {
		return exo.ValueStrings(items)
	}
	return object.ToInvariantString(v)
}

// applyMulti applies a MultiValuedProperty argument (a list, or a
// hashtable @{Add=...; Remove=...}) to the stored list.
func applyMulti(cur store.RawValue, arg any) any {
	var list []string
	if cur != nil {
		var old []string
		if store.DecodeExtra(cur, &old) == nil {
			list = old
		}
	}
	if h, ok := arg.(*object.Hashtable); ok {
		add, _ := h.Get("Add")
		rem, _ := h.Get("Remove")
		for _, a := range exo.ValueStrings(add) {
			if !exo.ContainsFold(list, a) {
				list = append(list, a)
			}
		}
		for _, r := range exo.ValueStrings(rem) {
			list = exo.RemoveFold(list, r)
		}
		if list == nil {
			list = []string{}
		}
		return list
	}
	out := exo.ValueStrings(arg)
	if out == nil {
		out = []string{}
	}
	return out
}
