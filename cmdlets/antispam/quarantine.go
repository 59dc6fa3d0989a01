package antispam

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// TypeQuarantine is the output type of Get-QuarantinePolicy.
const TypeQuarantine = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.QuarantineTag"

// quarantineContainer is the container of the quarantine policies.
const quarantineContainer = "CN=QuarantineTagContainer,CN=Transport Settings"

// The values of QuarantinePolicyType.
var quarantineTypes = []string{"QuarantinePolicy", "GlobalQuarantinePolicy"}

// quarantineHelp describes the parameters of New- and Set-QuarantinePolicy.
func quarantineHelp() map[string]string {
	reserved := "Reserved for the service; kept and shown."
	return map[string]string{
		"Identity":                                 "The quarantine policy: its name, distinguished name or GUID (DefaultGlobalTag for the global notification settings).",
		"AdminDisplayName":                         "A description of the policy.",
		"AdminNotificationFrequencyInDays":         reserved,
		"AdminNotificationLanguage":                reserved,
		"AdminNotificationsEnabled":                reserved,
		"AdminQuarantinePermissionsList":           reserved,
		"CustomDisclaimer":                         reserved,
		"DomainController":                         "Reserved for the service: accepted, not used.",
		"EndUserQuarantinePermissions":             "The end users' permissions as an object with PermissionTo* properties (New-QuarantinePermissions).",
		"EndUserQuarantinePermissionsValue":        "The end users' permissions, a bit each: 0 No access, 43 Limited access, 39 Full access (0 to 255; not release and request release together).",
		"EndUserSpamNotificationCustomFromAddress": "The sender of quarantine notifications (the global policy's).",
		"EndUserSpamNotificationFrequency":         "How often quarantine notifications are sent: 04:00:00, 1.00:00:00 or 7.00:00:00 (the global policy's).",
		"EndUserSpamNotificationFrequencyInDays":   reserved,
		"EndUserSpamNotificationLanguage":          reserved,
		"EsnCustomSubject":                         "The subjects of quarantine notifications, one for each language of MultiLanguageSetting (the global policy's).",
		"ESNEnabled":                               "Whether users get quarantine notifications ($false by default).",
		"IgnoreDehydratedFlag":                     "Reserved for the service: accepted, not used.",
		"IncludeMessagesFromBlockedSenderAddress":  "Whether notifications cover messages from blocked senders ($false by default).",
		"MultiLanguageCustomDisclaimer":            "The disclaimers of quarantine notifications, one for each language of MultiLanguageSetting.",
		"MultiLanguageSenderName":                  "The sender names of quarantine notifications, one for each language of MultiLanguageSetting.",
		"MultiLanguageSetting":                     "The languages quarantine notifications are customized for (English, French ...).",
		"OrganizationBrandingEnabled":              "Whether notifications show the organization's logo (the global policy's).",
		"QuarantinePolicyType":                     "QuarantinePolicy (default) or GlobalQuarantinePolicy.",
		"QuarantineRetentionDays":                  fmt.Sprintf("Reserved for the service (%d to %d days); kept and shown.", as.MinQuarantineDays, as.MaxQuarantineDays),
	}
}

func quarantineCommands() []*command.Command {
	help := quarantineHelp()
	get := exo.Declared("Get-QuarantinePolicy")
	get.Synopsis = "Lists the quarantine policies: what users may do with quarantined messages and whether they are notified; -QuarantinePolicyType GlobalQuarantinePolicy shows the global notification settings."
	get.OutputType = TypeQuarantine
	get.Examples = []command.Example{
		{Code: "Get-QuarantinePolicy | Format-Table Name,EndUserQuarantinePermissionsValue,ESNEnabled", Remark: "Every quarantine policy's permissions and notifications."},
		{Code: "Get-QuarantinePolicy -QuarantinePolicyType GlobalQuarantinePolicy", Remark: "The global quarantine notification settings (DefaultGlobalTag)."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID.",
		"QuarantinePolicyType": "QuarantinePolicy (default: the built-in and custom policies) or GlobalQuarantinePolicy (DefaultGlobalTag)."})
	get.Handler.Process = getQuarantine

	nw := exo.Declared("New-QuarantinePolicy")
	nw.Synopsis = "Creates a quarantine policy: the end users' permissions and notifications of the messages a filter policy's quarantine action keeps."
	nw.OutputType = TypeQuarantine
	nw.Examples = []command.Example{{Code: "New-QuarantinePolicy -Name ContosoTag -EndUserQuarantinePermissionsValue 0", Remark: "Creates a policy with the No access permissions."}}
	help["Name"] = "A unique name for the policy (up to 64 characters)."
	describeOwn(nw, help)
	nw.Handler.Process = newQuarantine

	set := exo.Declared("Set-QuarantinePolicy")
	set.Synopsis = "Changes a quarantine policy or the global notification settings; AdminOnlyAccessPolicy, DefaultFullAccessPolicy and DefaultFullAccessWithNotificationPolicy can't be changed."
	set.Examples = []command.Example{
		{Code: "New-QuarantinePolicy CustomAccess | Out-Null; Set-QuarantinePolicy -Identity CustomAccess -EndUserQuarantinePermissionsValue 1", Remark: "Users may only delete their quarantined messages."},
		{Code: "Get-QuarantinePolicy -QuarantinePolicyType GlobalQuarantinePolicy | Set-QuarantinePolicy -EndUserSpamNotificationFrequency 1.00:00:00", Remark: "Quarantine notifications once a day."},
	}
	describeOwn(set, help)
	set.Handler.Process = setQuarantine

	remove := exo.Declared("Remove-QuarantinePolicy")
	remove.Synopsis = "Removes a quarantine policy no filter or Safe Attachments policy uses; AdminOnlyAccessPolicy and DefaultFullAccessPolicy can't be removed."
	describeOwn(remove, help)
	remove.Handler.Process = removeQuarantine
	return []*command.Command{get, nw, set, remove}
}

// quarantines names quarantine policies, the global one included.
var quarantines = exo.Configs[*as.Quarantine]{List: as.Quarantines, Keys: func(o *directory.Organization, q *as.Quarantine) (string, string, string) {
	return q.Name, q.Guid, o.ConfigDN(q.Name, quarantineContainer)
}}

// quarantineObject is the Get-QuarantinePolicy object of a policy.
func quarantineObject(o *directory.Organization, q *as.Quarantine) *object.PSObject {
	obj := newObject(TypeQuarantine)
	list := func(name string, v []string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v)) }
	typ := "QuarantinePolicy"
	if q.Global {
		typ = "GlobalQuarantinePolicy"
	}
	obj.AddTyped("AdminDisplayName", tStr, q.AdminDisplayName)
	obj.AddTyped("EndUserQuarantinePermissions", tStr, permissionsText(q.Permissions))
	obj.AddTyped("EndUserQuarantinePermissionsValue", tInt, q.Permissions)
	obj.AddTyped("ESNEnabled", tBool, q.ESNEnabled)
	obj.AddTyped("IncludeMessagesFromBlockedSenderAddress", tBool, q.IncludeMessagesFromBlockedSenderAddress)
	obj.AddTyped("AdminNotificationsEnabled", tBool, q.AdminNotificationsEnabled)
	obj.AddTyped("AdminNotificationLanguage", tStr, q.AdminNotificationLanguage)
	obj.AddTyped("AdminNotificationFrequencyInDays", tInt, q.AdminNotificationFrequencyInDays)
	list("AdminQuarantinePermissionsList", q.AdminQuarantinePermissionsList)
	obj.AddTyped("QuarantinePolicyType", tStr, typ)
	obj.AddTyped("EndUserSpamNotificationFrequency", "System.TimeSpan", object.TimeSpan(q.EndUserSpamNotificationFrequency/100))
	obj.AddTyped("EndUserSpamNotificationFrequencyInDays", tInt, q.EndUserSpamNotificationFrequencyInDays)
	obj.AddTyped("EndUserSpamNotificationLanguage", tStr, q.EndUserSpamNotificationLanguage)
	obj.AddTyped("EndUserSpamNotificationCustomFromAddress", tStr, q.EndUserSpamNotificationCustomFromAddress)
	obj.AddTyped("CustomDisclaimer", tStr, q.CustomDisclaimer)
	list("MultiLanguageSetting", q.MultiLanguageSetting)
	list("MultiLanguageCustomDisclaimer", q.MultiLanguageCustomDisclaimer)
	list("MultiLanguageSenderName", q.MultiLanguageSenderName)
	list("EsnCustomSubject", q.EsnCustomSubject)
	obj.AddTyped("OrganizationBrandingEnabled", tBool, q.OrganizationBrandingEnabled)
	obj.AddTyped("QuarantineRetentionDays", tInt, q.QuarantineRetentionDays)
	addTail(obj, o, config{name: q.Name, guid: q.Guid, container: quarantineContainer, category: "ms-Exch-Quarantine-Tag",
		class: "msExchQuarantineTag", created: q.WhenCreated, changed: q.WhenChanged})
	return obj
}

// readQuarantineType reads -QuarantinePolicyType (QuarantinePolicy when
// the call has none).
func readQuarantineType(ctx *command.Context) (string, *object.ErrorRecord) {
	typ := "QuarantinePolicy"
	rec := exo.EnumArg(ctx, "QuarantinePolicyType", enumNS+"QuarantinePolicyType", quarantineTypes, &typ)
	return typ, rec
}

func getQuarantine(ctx *command.Context) error {
	typ, rec := readQuarantineType(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	global := typ == "GlobalQuarantinePolicy"
	c := quarantines
	c.List = func(tx *store.Tx) ([]*as.Quarantine, error) {
		all, err := as.Quarantines(tx)
		out := all[:0:0]
		for _, q := range all {
			if q.Global == global {
				out = append(out, q)
			}
		}
		return out, err
	}
	objs, done, err := c.Read(ctx, quarantineObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// readQuarantine reads the call's settings of a quarantine policy.
func readQuarantine(ctx *command.Context) ([]edit[*as.Quarantine], error) {
	type q = *as.Quarantine
	s := &settings[q]{ctx: ctx}
	s.enum("AdminNotificationLanguage", "EsnLanguage", as.EsnLanguages, func(x q, v string) { x.AdminNotificationLanguage = v })
	s.enum("EndUserSpamNotificationLanguage", "EsnLanguage", as.EsnLanguages, func(x q, v string) { x.EndUserSpamNotificationLanguage = v })
	s.number("EndUserQuarantinePermissionsValue", 0, as.MaxPermissions, func(x q) *int { return &x.Permissions })
	s.number("AdminNotificationFrequencyInDays", 1, as.MaxNotificationFrequency, func(x q) *int { return &x.AdminNotificationFrequencyInDays })
	s.number("EndUserSpamNotificationFrequencyInDays", 1, as.MaxNotificationFrequency, func(x q) *int { return &x.EndUserSpamNotificationFrequencyInDays })
	s.number("QuarantineRetentionDays", as.MinQuarantineDays, as.MaxQuarantineDays, func(x q) *int { return &x.QuarantineRetentionDays })
	s.flag("ESNEnabled", func(x q) *bool { return &x.ESNEnabled })
	s.flag("IncludeMessagesFromBlockedSenderAddress", func(x q) *bool { return &x.IncludeMessagesFromBlockedSenderAddress })
	s.flag("AdminNotificationsEnabled", func(x q) *bool { return &x.AdminNotificationsEnabled })
	s.flag("OrganizationBrandingEnabled", func(x q) *bool { return &x.OrganizationBrandingEnabled })
	s.text("AdminDisplayName", as.MaxAdminDisplayNameLength, func(x q) *string { return &x.AdminDisplayName })
	s.text("CustomDisclaimer", as.MaxCommentsLength, func(x q) *string { return &x.CustomDisclaimer })
	s.address("EndUserSpamNotificationCustomFromAddress", func(x q) *string { return &x.EndUserSpamNotificationCustomFromAddress })
	s.list("AdminQuarantinePermissionsList", "text", func(x q) *[]string { return &x.AdminQuarantinePermissionsList })
	s.list("MultiLanguageSetting", "esnlanguage", func(x q) *[]string { return &x.MultiLanguageSetting })
	s.list("MultiLanguageCustomDisclaimer", "text", func(x q) *[]string { return &x.MultiLanguageCustomDisclaimer })
	s.list("MultiLanguageSenderName", "text", func(x q) *[]string { return &x.MultiLanguageSenderName })
	s.list("EsnCustomSubject", "text", func(x q) *[]string { return &x.EsnCustomSubject })
	if !s.skip("EndUserSpamNotificationFrequency") {
		ts, _ := object.Unwrap(ctx.Value("EndUserSpamNotificationFrequency")).(object.TimeSpan)
		d := time.Duration(ts) * 100
		ok := false
		for _, f := range as.NotificationFrequencies {
			ok = ok || f == d
		}
		if !ok {
			s.fail(exo.Error(ctx, exDataInvalid, fmt.Sprintf("The value %s isn't valid for EndUserSpamNotificationFrequency. Valid values are: 04:00:00, 1.00:00:00, 7.00:00:00.", object.ToInvariantString(ts)), object.InvalidData, ts))
		} else {
			s.edits = append(s.edits, func(_ *store.Tx, x q) *object.ErrorRecord { x.EndUserSpamNotificationFrequency = d; return nil })
		}
	}
	if !s.skip("EndUserQuarantinePermissions") {
		perms := object.Unwrap(ctx.Value("EndUserQuarantinePermissions"))
		s.edits = append(s.edits, func(_ *store.Tx, x q) *object.ErrorRecord {
			x.Permissions = permissionsValue(perms)
			return nil
		})
	}
	return s.done()
}

// permissionsValue reads the permissions an EndUserQuarantinePermissions
// argument grants as an EndUserQuarantinePermissionsValue: an object
// with PermissionTo* properties (as New-QuarantinePermissions makes) in
// its text form, "@{PermissionToDelete=True; ...}" or "PermissionToDelete:
// True, ...".
func permissionsValue(v any) int {
	text := strings.Trim(strings.TrimSpace(object.ToInvariantString(v)), "@{}")
	n := 0
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == ',' }) {
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			name, value, ok = strings.Cut(part, ":")
		}
		if !ok || !strings.EqualFold(strings.TrimSpace(value), "True") {
			continue
		}
		for i, p := range as.Permissions {
			if strings.EqualFold(strings.TrimSpace(name), p) {
				n |= 1 << (len(as.Permissions) - 1 - i)
			}
		}
	}
	return n
}

// quarantineRecord words the refusals of the quarantine policy rules;
// nil for any other error.
func quarantineRecord(ctx *command.Context, o *directory.Organization, name string, err error) *object.ErrorRecord {
	var inUse *as.QuarantineInUseError
	var taken *as.NameInUseError
	switch {
	case errors.As(err, &taken):
		return exo.CodedError(ctx, "Ex17CDAE", exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.", exo.DomainController(o), o.ConfigDN(taken.Name, quarantineContainer)), object.ResourceExists, taken.Name)
	case errors.As(err, &inUse):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("The quarantine policy \"%s\" is used by the policy \"%s\" and can't be removed.", inUse.Policy, inUse.User), object.InvalidOperation, inUse.Policy)
	case errors.Is(err, as.ErrBuiltInUnchangeable):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("The built-in quarantine policy \"%s\" can't be modified.", name), object.InvalidOperation, name)
	case errors.Is(err, as.ErrBuiltInUnremovable):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("The built-in quarantine policy \"%s\" can't be removed.", name), object.InvalidOperation, name)
	case errors.Is(err, as.ErrBothReleases):
		return exo.Error(ctx, exDataInvalid, "PermissionToRelease and PermissionToRequestRelease can't both be granted.", object.InvalidData, nil)
	}
	return nil
}

func newQuarantine(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := exo.TooLong(ctx, as.MaxNameLength, name); rec != nil {
		return ctx.Fail(rec)
	}
	typ, rec := readQuarantineType(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	edits, err := readQuarantine(ctx)
	if err != nil {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if typ == "GlobalQuarantinePolicy" {
			// the organization has its one global policy
			return quarantineRecord(ctx, o, as.GlobalName, &as.NameInUseError{Name: as.GlobalName}), nil
		}
		q := as.NewQuarantine(name)
		for _, e := range edits {
			if rec := e(tx, q); rec != nil {
				return rec, nil
			}
		}
		if err := as.CreateQuarantine(tx, q); err != nil {
			if rec := quarantineRecord(ctx, o, name, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = quarantineObject(o, q)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// changeQuarantine changes the quarantine policy the call's -Identity
// names in one transaction (the quarantine cmdlets don't ask first).
func changeQuarantine(ctx *command.Context, change func(tx *store.Tx, o *directory.Organization, q *as.Quarantine) (*object.ErrorRecord, error)) error {
	_, err := exo.Write(ctx, identity(ctx), func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, q, rec, err := quarantines.Find(ctx, tx)
		if rec != nil || err != nil {
			return rec, err
		}
		rec, err = change(tx, o, q)
		if err != nil {
			if r := quarantineRecord(ctx, o, q.Name, err); r != nil {
				return r, nil
			}
		}
		return rec, err
	})
	return err
}

func setQuarantine(ctx *command.Context) error {
	edits, err := readQuarantine(ctx)
	if err != nil {
		return err
	}
	unchanged := ""
	err = changeQuarantine(ctx, func(tx *store.Tx, o *directory.Organization, q *as.Quarantine) (*object.ErrorRecord, error) {
		before := *q
		for _, e := range edits {
			if rec := e(tx, q); rec != nil {
				return rec, nil
			}
		}
		if sameSettings(&before, q) {
			unchanged = q.Name
			return nil, nil
		}
		return nil, as.PutQuarantine(tx, q)
	})
	if err == nil && unchanged != "" {
		ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", unchanged))
	}
	return err
}

func removeQuarantine(ctx *command.Context) error {
	return changeQuarantine(ctx, func(tx *store.Tx, _ *directory.Organization, q *as.Quarantine) (*object.ErrorRecord, error) {
		return nil, as.RemoveQuarantine(tx, q)
	})
}
