// Package mobile declares the Exchange Online cmdlets of mobile device
// partnerships (store/mobile): Get-MobileDevice lists them,
// Get-MobileDeviceStatistics and its REST twin
// Get-EXOMobileDeviceStatistics show their synchronization state, and
// Remove-MobileDevice ends one; Clear-MobileDevice asks one to wipe
// itself (clear.go).
package mobile

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mob "github.com/exosim/exosim/store/mobile"
)

// Output types.
const (
	TypeDevice        = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileDevice"
	TypeStatistics    = "Deserialized.Microsoft.Exchange.Management.Tasks.MobileDeviceConfiguration"
	TypeEXOStatistics = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoMobileDeviceStatistics"
)

const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tDate = "System.DateTime"
	tInt  = "System.Int32"
)

// containerName is the folder of a mailbox's partnerships in identities
// and distinguished names.
const containerName = "ExchangeActiveSyncDevices"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MobileDevice", "Get-MobileDeviceStatistics", "Get-EXOMobileDeviceStatistics", "Remove-MobileDevice", "Clear-MobileDevice"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers nothing: devices and their statistics show as lists,
// having many properties.
func Views(*format.Registry) {}

var clientSwitches = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{"ActiveSync": mob.ClientEAS, "OWAforDevices": mob.ClientMOWA, "RestApi": mob.ClientOutlook, "UniversalOutlook": mob.ClientUniversalOutlook}
}}

func commands() []*command.Command {
	filters := map[string]string{
		"ActiveSync":       "Lists only Exchange ActiveSync devices.",
		"OWAforDevices":    "Lists only devices using Outlook on the web for devices.",
		"RestApi":          "Lists only REST devices (Outlook for iOS and Android).",
		"UniversalOutlook": "Lists only Mail and Calendar app devices.",
	}
	get := exo.Declared("Get-MobileDevice")
	exo.Describe(get, merge(filters, map[string]string{
		"Identity":   `The device: <mailbox>\ExchangeActiveSyncDevices\<name>, its distinguished name or GUID.`,
		"Mailbox":    "Lists the devices of this mailbox.",
		"Filter":     "OPATH filter on the device's properties (DeviceOS, DeviceType, FirstSyncTime ...).",
		"ResultSize": "Most results to return (1000 by default), or Unlimited.",
	}))
	get.OutputType = TypeDevice
	get.Synopsis = "Lists the mobile devices that synchronize with mailboxes."
	get.Examples = []command.Example{
		{Code: "Get-MobileDevice -Mailbox annb | Format-Table FriendlyName,DeviceModel,DeviceOS,FirstSyncTime", Remark: "Lists Anne's phones and apps."},
		{Code: "Get-MobileDevice -ResultSize Unlimited -Filter \"DeviceOS -like 'iOS*'\" | Select-Object UserDisplayName,DeviceModel", Remark: "Finds every iOS device."},
	}
	get.Handler.Process = getDevices

	stats := exo.Declared("Get-MobileDeviceStatistics")
	exo.Describe(stats, merge(filters, map[string]string{
		"Identity":         `The device: <mailbox>\ExchangeActiveSyncDevices\<name>, its distinguished name or GUID.`,
		"Mailbox":          "Shows the devices of this mailbox.",
		"UseCustomRouting": "Accepted; the simulator routes every request the same way.",
	}))
	stats.OutputType = TypeStatistics
	stats.Synopsis = "Shows when mobile devices last synchronized, and their state."
	stats.Examples = []command.Example{{Code: "Get-MobileDeviceStatistics -Mailbox alexw | Format-List DeviceModel,LastSuccessSync,Status", Remark: "Shows when Alex's device last synchronized."}}
	stats.Handler.Process = func(ctx *command.Context) error { return getStatistics(ctx, false) }

	exoStats := exo.Declared("Get-EXOMobileDeviceStatistics")
	exo.Describe(exoStats, merge(filters, map[string]string{
		"Identity":                  "The device: its identity, GUID or device ID.",
		"Mailbox":                   "Shows the devices of this mailbox.",
		"ExternalDirectoryObjectId": "Shows the devices of the mailbox with this Entra object ID.",
		"PrimarySmtpAddress":        "Shows the devices of the mailbox with this address.",
		"UserPrincipalName":         "Shows the devices of the mailbox with this sign-in name.",
	}))
	exoStats.OutputType = TypeEXOStatistics
	exoStats.Synopsis = "Shows when mobile devices last synchronized, and their state (REST-based cmdlet)."
	exoStats.Handler.Process = func(ctx *command.Context) error { return getStatistics(ctx, true) }

	remove := exo.Declared("Remove-MobileDevice")
	exo.Describe(remove, map[string]string{"Identity": `The device: <mailbox>\ExchangeActiveSyncDevices\<name>, its distinguished name or GUID.`})
	remove.ConfirmImpact = command.ImpactHigh
	remove.Synopsis = "Ends a mobile device's partnership with its mailbox."
	remove.Examples = []command.Example{{Code: `Get-MobileDevice -Mailbox alexw | Remove-MobileDevice -Confirm:$false`, Remark: "Removes Alex's old phone."}}
	remove.Handler.Process = removeDevice

	return []*command.Command{
		exo.Partial(get, "Identity", "Mailbox", "ActiveSync", "OWAforDevices", "RestApi", "UniversalOutlook", "Filter", "ResultSize"),
		exo.Partial(stats, "Identity", "Mailbox", "ActiveSync", "OWAforDevices", "RestApi", "UniversalOutlook", "UseCustomRouting"),
		exo.Partial(exoStats, "Identity", "Mailbox", "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName",
			"ActiveSync", "OWAforDevices", "RestApi", "UniversalOutlook"),
		remove,
		clearCommand(),
	}
}

func merge(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// owned is a device with its mailbox.
type owned struct {
	d *mob.Device
	m *directory.Mailbox
}

func (o owned) name() string { return o.d.Name() }

func (o owned) identity() string { return o.m.Identity() + `\` + containerName + `\` + o.d.Name() }

// selected keeps the devices of the client types the call's switches
// name (all without a switch).
func selected(ctx *command.Context, ds []owned) []owned {
	want := map[string]bool{}
	for sw, client := range clientSwitches.Get() {
		if ctx.Switch(sw) {
			want[client] = true
		}
	}
	if len(want) == 0 {
		return ds
	}
	var out []owned
	for _, o := range ds {
		if want[o.d.ClientType] {
			out = append(out, o)
		}
	}
	return out
}

// allDevices returns every partnership of an active mailbox, by mailbox
// name then device name.
func allDevices(tx *store.Tx) ([]owned, error) {
	ds, err := mob.All(tx)
	if err != nil {
		return nil, err
	}
	var out []owned
	for _, d := range ds {
		m, err := directory.GetMailbox(tx, d.MailboxGuid)
		if err != nil || !directory.ScopeActive.Includes(m) {
			continue
		}
		out = append(out, owned{d, m})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].m.Name), strings.ToLower(out[j].m.Name)
		if a != b {
			return a < b
		}
		return strings.ToLower(out[i].name()) < strings.ToLower(out[j].name())
	})
	return out, nil
}

// mailboxDevices returns the partnerships of the mailbox the string names.
func mailboxDevices(ctx *command.Context, tx *store.Tx, v any) ([]owned, *object.ErrorRecord, error) {
	m, rec, err := mailbox.ResolveMailbox(ctx, tx, v)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	ds, err := mob.ForMailbox(tx, m.Guid)
	if err != nil {
		return nil, nil, err
	}
	out := make([]owned, 0, len(ds))
	for _, d := range ds {
		out = append(out, owned{d, m})
	}
	return out, nil, nil
}

// findDevice resolves a device identity: its GUID, its identity
// (<mailbox>\ExchangeActiveSyncDevices\<name>, with / or \ and an
// optional organization before it), its distinguished name, or (with
// byDeviceID) its device ID.
func findDevice(ctx *command.Context, tx *store.Tx, v any, byDeviceID bool) (owned, *object.ErrorRecord, error) {
	text := exo.IdentityOf(v)
	shown := text
	all, err := allDevices(tx)
	if err != nil {
		return owned{}, nil, err
	}
	var hits []owned
	if g, ok := store.NormalizeGuid(text); ok {
		for _, o := range all {
			if strings.EqualFold(o.d.Guid, g) {
				hits = append(hits, o)
			}
		}
	}
	if len(hits) == 0 && byDeviceID {
		for _, o := range all {
			if strings.EqualFold(o.d.DeviceID, text) {
				hits = append(hits, o)
			}
		}
	}
	if len(hits) == 0 {
		mbx, name, ok := splitIdentity(text)
		if ok {
			for _, o := range all {
				if strings.EqualFold(o.name(), name) && mailboxMatches(o.m, mbx) {
					hits = append(hits, o)
				}
			}
		}
	}
	o, rec := exo.One(ctx, shown, hits)
	return o, rec, nil
}

// splitIdentity splits a device identity or distinguished name into the
// mailbox part and the device's name.
func splitIdentity(s string) (mbx, name string, ok bool) {
	if strings.HasPrefix(strings.ToUpper(s), "CN=") {
		parts := strings.SplitN(s, ",", 3)
		if len(parts) == 3 && strings.EqualFold(parts[1], "CN="+containerName) {
			return parts[2], parts[0][3:], true
		}
		return "", "", false
	}
	segs := strings.FieldsFunc(s, func(r rune) bool { return r == '\\' || r == '/' })
	for i := 1; i+1 < len(segs); i++ {
		if strings.EqualFold(segs[i], containerName) {
			return segs[i-1], strings.Join(segs[i+1:], "/"), true
		}
	}
	return "", "", false
}

// mailboxMatches tells whether the mailbox part of a device identity (a
// name, alias, address or distinguished name) names m.
func mailboxMatches(m *directory.Mailbox, s string) bool {
	return strings.EqualFold(m.Name, s) || strings.EqualFold(m.Alias, s) || strings.EqualFold(m.PrimarySmtpAddress, s) ||
		strings.EqualFold(m.UserPrincipalName, s) || strings.EqualFold(m.DistinguishedName, s) || strings.EqualFold(m.Guid, s)
}

// orgParts are the organization's identity texts devices show.
type orgParts struct{ orgID, server string }

func orgOf(tx *store.Tx, m *directory.Mailbox) orgParts {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return orgParts{}
	}
	r := mailbox.RecipientOf(tx, m, org)
	return orgParts{object.ToInvariantString(r.Value("OrganizationId")), object.ToInvariantString(r.Value("OriginatingServer"))}
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// deviceObject is the Get-MobileDevice object of a partnership.
func deviceObject(o owned, op orgParts) *object.PSObject {
	d, m := o.d, o.m
	obj := object.NewObject(TypeDevice,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
		"Deserialized.System.Object")
	tenantPath, _, _ := strings.Cut(op.orgID, " - ")
	easVersion := any(nil)
	if d.ClientType == mob.ClientEAS {
		easVersion = d.ClientVersion
	}
	obj.AddTyped("FriendlyName", tStr, exo.NilIfEmpty(d.FriendlyName))
	obj.AddTyped("DeviceId", tStr, d.DeviceID)
	obj.AddTyped("DeviceImei", tStr, exo.NilIfEmpty(d.DeviceImei))
	obj.AddTyped("DeviceMobileOperator", tStr, exo.NilIfEmpty(d.MobileOperator))
	obj.AddTyped("DeviceOS", tStr, exo.NilIfEmpty(d.DeviceOS))
	obj.AddTyped("DeviceOSLanguage", tStr, exo.NilIfEmpty(d.DeviceOSLanguage))
	obj.AddTyped("DeviceTelephoneNumber", tStr, exo.NilIfEmpty(d.PhoneNumber))
	obj.AddTyped("DeviceType", tStr, d.DeviceType)
	obj.AddTyped("DeviceUserAgent", tStr, exo.NilIfEmpty(d.DeviceUserAgent))
	obj.AddTyped("DeviceModel", tStr, exo.NilIfEmpty(d.DeviceModel))
	obj.AddTyped("DeviceActiveSyncVersion", tStr, easVersion)
	obj.AddTyped("FirstSyncTime", tDate, dateOrNil(d.FirstSync))
	obj.AddTyped("UserDisplayName", tStr, tenantPath+"/"+m.Name)
	obj.AddTyped("DeviceAccessState", tStr, d.AccessState)
	obj.AddTyped("DeviceAccessStateReason", tStr, d.AccessStateReason)
	obj.AddTyped("DeviceAccessControlRule", tStr, nil)
	obj.AddTyped("ClientVersion", tStr, exo.NilIfEmpty(d.ClientVersion))
	obj.AddTyped("ClientType", tStr, d.ClientType)
	obj.AddTyped("IsManaged", tBool, false)
	obj.AddTyped("IsCompliant", tBool, false)
	obj.AddTyped("IsDisabled", tBool, false)
	obj.AddTyped("AdminDisplayName", tStr, nil)
	obj.AddTyped("ExchangeVersion", tStr, "0.10 (14.0.100.0)")
	obj.AddTyped("Name", tStr, d.Name())
	obj.AddTyped("DistinguishedName", tStr, "CN="+d.Name()+",CN="+containerName+","+m.DistinguishedName)
	obj.AddTyped("Identity", tStr, o.identity())
	obj.AddTyped("ObjectCategory", tStr, strings.SplitN(tenantPath, "/", 2)[0]+"/Configuration/Schema/ms-Exch-Active-Sync-Device")
	obj.AddTyped("ObjectClass", "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", exo.MultiValued([]string{"top", "msExchActiveSyncDevice"}))
	obj.AddTyped("WhenChanged", tDate, dateOrNil(d.WhenChanged))
	obj.AddTyped("WhenCreated", tDate, dateOrNil(d.FirstSync))
	obj.AddTyped("WhenChangedUTC", tDate, dateOrNil(d.WhenChanged))
	obj.AddTyped("WhenCreatedUTC", tDate, dateOrNil(d.FirstSync))
	obj.AddTyped("ExchangeObjectId", "System.Guid", exo.GuidValue(d.Guid))
	obj.AddTyped("OrganizationId", tStr, exo.NilIfEmpty(op.orgID))
	obj.AddTyped("Id", tStr, o.identity())
	obj.AddTyped("Guid", "System.Guid", exo.GuidValue(d.Guid))
	obj.AddTyped("OriginatingServer", tStr, exo.NilIfEmpty(op.server))
	obj.AddTyped("IsValid", tBool, true)
	obj.AddTyped("ObjectState", tStr, "Unchanged")
	id := o.identity()
	obj.ToStringFunc = func() string { return id }
	return obj
}

// statisticsObject is the Get-MobileDeviceStatistics object of a
// partnership (typ tells the REST twin's type name).
func statisticsObject(o owned, typ string) *object.PSObject {
	d := o.d
	obj := object.NewObject(typ, "Deserialized.System.Object")
	status := "DeviceOk"
	switch {
	case !d.Wipe.AckTime.IsZero():
		status = "DeviceWipeSucceeded"
	case !d.Wipe.RequestTime.IsZero() && !d.SupportsRemoteWipe():
		status = "DeviceBlocked"
	case !d.Wipe.RequestTime.IsZero():
		status = "DeviceWipePending"
	case d.LastSuccessSync.IsZero():
		status = "DeviceDiscovery"
	}
	obj.AddTyped("FirstSyncTime", tDate, dateOrNil(d.FirstSync))
	obj.AddTyped("LastPolicyUpdateTime", tDate, dateOrNil(d.LastPolicyUpdate))
	obj.AddTyped("LastSyncAttemptTime", tDate, dateOrNil(d.LastSyncAttempt))
	obj.AddTyped("LastSuccessSync", tDate, dateOrNil(d.LastSuccessSync))
	obj.AddTyped("DeviceType", tStr, d.DeviceType)
	obj.AddTyped("DeviceID", tStr, d.DeviceID)
	obj.AddTyped("DeviceUserAgent", tStr, exo.NilIfEmpty(d.DeviceUserAgent))
	obj.AddTyped("DeviceWipeSentTime", tDate, dateOrNil(d.Wipe.SentTime))
	obj.AddTyped("DeviceWipeRequestTime", tDate, dateOrNil(d.Wipe.RequestTime))
	obj.AddTyped("DeviceWipeAckTime", tDate, dateOrNil(d.Wipe.AckTime))
	obj.AddTyped("AccountOnlyDeviceWipeSentTime", tDate, dateOrNil(d.AccountOnlyWipe.SentTime))
	obj.AddTyped("AccountOnlyDeviceWipeRequestTime", tDate, dateOrNil(d.AccountOnlyWipe.RequestTime))
	obj.AddTyped("AccountOnlyDeviceWipeAckTime", tDate, dateOrNil(d.AccountOnlyWipe.AckTime))
	obj.AddTyped("LastPingHeartbeat", "System.UInt32", nil)
	obj.AddTyped("RecoveryPassword", tStr, "********")
	obj.AddTyped("DeviceModel", tStr, exo.NilIfEmpty(d.DeviceModel))
	obj.AddTyped("DeviceImei", tStr, exo.NilIfEmpty(d.DeviceImei))
	obj.AddTyped("DeviceFriendlyName", tStr, exo.NilIfEmpty(d.FriendlyName))
	obj.AddTyped("DeviceOS", tStr, exo.NilIfEmpty(d.DeviceOS))
	obj.AddTyped("DeviceOSLanguage", tStr, exo.NilIfEmpty(d.DeviceOSLanguage))
	obj.AddTyped("DevicePhoneNumber", tStr, exo.NilIfEmpty(d.PhoneNumber))
	obj.AddTyped("MailboxLogReport", tStr, nil)
	obj.AddTyped("DeviceEnableOutboundSMS", tBool, false)
	obj.AddTyped("DeviceMobileOperator", tStr, exo.NilIfEmpty(d.MobileOperator))
	obj.AddTyped("Identity", tStr, o.identity())
	obj.AddTyped("Guid", "System.Guid", exo.GuidValue(d.Guid))
	obj.AddTyped("IsRemoteWipeSupported", tBool, d.SupportsRemoteWipe())
	obj.AddTyped("Status", tStr, status)
	obj.AddTyped("StatusNote", tStr, nil)
	obj.AddTyped("DeviceAccessState", tStr, d.AccessState)
	obj.AddTyped("DeviceAccessStateReason", tStr, d.AccessStateReason)
	obj.AddTyped("DeviceAccessControlRule", tStr, nil)
	obj.AddTyped("DevicePolicyApplied", tStr, exo.NilIfEmpty(d.Policy))
	obj.AddTyped("DevicePolicyApplicationStatus", tStr, exo.NilIfEmpty(d.PolicyStatus))
	obj.AddTyped("LastDeviceWipeRequestor", tStr, exo.NilIfEmpty(d.Wipe.Requestor))
	obj.AddTyped("LastAccountOnlyDeviceWipeRequestor", tStr, exo.NilIfEmpty(d.AccountOnlyWipe.Requestor))
	obj.AddTyped("ClientVersion", tStr, exo.NilIfEmpty(d.ClientVersion))
	obj.AddTyped("NumberOfFoldersSynced", tInt, d.Folders)
	obj.AddTyped("SyncStateUpgradeTime", tDate, nil)
	obj.AddTyped("ClientType", tStr, d.ClientType)
	obj.AddTyped("IsValid", tBool, true)
	obj.AddTyped("ObjectState", tStr, "Unchanged")
	id := o.identity()
	obj.ToStringFunc = func() string { return id }
	return obj
}

func hasValue(ctx *command.Context, name string) bool {
	return ctx.Has(name) && ctx.Value(name) != nil && exo.IdentityOf(ctx.Value(name)) != ""
}

// requested returns the devices the call names: the device -Identity
// names (with rest, by its device ID too), the devices of the mailbox
// -Mailbox names (with rest, or -ExternalDirectoryObjectId,
// -PrimarySmtpAddress or -UserPrincipalName), else every device.
func requested(ctx *command.Context, tx *store.Tx, rest bool) ([]owned, *object.ErrorRecord, error) {
	if hasValue(ctx, "Identity") {
		o, rec, err := findDevice(ctx, tx, ctx.Value("Identity"), rest)
		return []owned{o}, rec, err
	}
	names := []string{"Mailbox"}
	if rest {
		names = append(names, "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName")
	}
	for _, name := range names {
		if hasValue(ctx, name) {
			return mailboxDevices(ctx, tx, ctx.Value(name))
		}
	}
	ds, err := allDevices(tx)
	return ds, nil, err
}

func getDevices(ctx *command.Context) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	keep, err := exo.CallFilter(ctx, func(*store.Tx) (*object.PSObject, error) {
		return deviceObject(owned{&mob.Device{}, &directory.Mailbox{}}, orgParts{}), nil
	}, nil)
	if err != nil {
		return err
	}
	var out []*object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = nil
		ds, rec, err := requested(ctx, tx, false)
		if err != nil || rec != nil {
			return rec, err
		}
		for _, o := range selected(ctx, ds) {
			obj := deviceObject(o, orgOf(tx, o.m))
			ok, err := keep.Keeps(obj)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, obj)
			}
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, out, limit, explicit)
}

func getStatistics(ctx *command.Context, rest bool) error {
	typ := TypeStatistics
	if rest {
		typ = TypeEXOStatistics
	}
	var out []*object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = nil
		// only the REST twin may name no device or mailbox
		ds, rec, err := requested(ctx, tx, rest)
		if err != nil || rec != nil {
			return rec, err
		}
		for _, o := range selected(ctx, ds) {
			out = append(out, statisticsObject(o, typ))
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

func removeDevice(ctx *command.Context) error {
	var o owned
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, rec, err = findDevice(ctx, tx, ctx.Value("Identity"), false)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing mobile device \"%s\". All information about this mobile device will be removed. It must be re-synchronized.", o.identity()), o.identity()
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, mob.Remove(tx, o.d)
	})
	return err
}
