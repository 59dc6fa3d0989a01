package antispam

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	as "github.com/exosim/exosim/store/antispam"
)

// TypeQuarantinePermissions is the output type of
// New-QuarantinePermissions: an end-user permissions object, kept in a
// variable of the session and passed to New- or Set-QuarantinePolicy
// -EndUserQuarantinePermissions.
const TypeQuarantinePermissions = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.QuarantinePermissions"

// quarantinePermissionsCommands declares New-QuarantinePermissions, which
// makes a permissions object in the session (the tenant is not read nor
// changed), and Set-QuarantinePermissions, which changes such an object
// in place.
func quarantinePermissionsCommands() []*command.Command {
	help := map[string]string{
		"QuarantinePermissionsObject": "The permissions object to change, one New-QuarantinePermissions made (a variable of the session).",
		"PermissionToAllowSender":     "Whether users may add the sender of a quarantined message to their Safe Senders list.",
		"PermissionToBlockSender":     "Whether users may add the sender of a quarantined message to their Blocked Senders list.",
		"PermissionToDelete":          "Whether users may delete their quarantined messages.",
		"PermissionToDownload":        "Whether users may download their quarantined messages (no effect in the service).",
		"PermissionToPreview":         "Whether users may preview their quarantined messages.",
		"PermissionToRelease":         "Whether users may release their quarantined messages (not with PermissionToRequestRelease).",
		"PermissionToRequestRelease":  "Whether users may ask an administrator to release their quarantined messages (not with PermissionToRelease).",
		"PermissionToViewHeader":      "Whether users may view the headers of their quarantined messages (no effect in the service).",
	}
	nw := exo.Declared("New-QuarantinePermissions")
	nw.Synopsis = "Makes an end-user permissions object for New- or Set-QuarantinePolicy -EndUserQuarantinePermissions; a permission not named is $false."
	nw.OutputType = TypeQuarantinePermissions
	nw.Examples = []command.Example{
		{Code: "$LimitedAccess = New-QuarantinePermissions -PermissionToAllowSender $true -PermissionToDelete $true -PermissionToPreview $true -PermissionToRequestRelease $true",
			Remark: "The permissions of the Limited access group (EndUserQuarantinePermissionsValue 43)."},
		{Code: "New-QuarantinePolicy -Name LimitedTag -EndUserQuarantinePermissions $LimitedAccess", Remark: "A quarantine policy with those permissions."},
	}
	describeOwn(nw, help)
	nw.Handler.Process = func(ctx *command.Context) error {
		obj := quarantinePermissionsObject(permissionEdits(ctx, 0))
		return ctx.WriteObject(obj)
	}

	set := exo.Declared("Set-QuarantinePermissions")
	set.Synopsis = "Changes a permissions object New-QuarantinePermissions made, in place; the permissions not named stay as they are."
	set.Examples = []command.Example{{Code: "$Perms = New-QuarantinePermissions -PermissionToRelease $true; Set-QuarantinePermissions -QuarantinePermissionsObject $Perms -PermissionToRequestRelease $true -PermissionToRelease $false",
		Remark: "Users now ask for a release instead of releasing."}}
	describeOwn(set, help)
	// the object itself binds, not its text: the cmdlet changes it
	exo.DeclaredParam(set, "QuarantinePermissionsObject").Type = &params.Type{Kind: params.KindObject, Name: "QuarantinePermissions",
		FullName: "Microsoft.Exchange.Data.Directory.SystemConfiguration.QuarantinePermissions"}
	set.Handler.Process = func(ctx *command.Context) error {
		v := ctx.Value("QuarantinePermissionsObject")
		obj, ok := object.Unwrap(v).(*object.PSObject)
		if !ok || obj.TypeName() != TypeQuarantinePermissions {
			return ctx.Fail(exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter 'QuarantinePermissionsObject'. Cannot convert the \"%s\" value of type \"%s\" to type \"Microsoft.Exchange.Data.Directory.SystemConfiguration.QuarantinePermissions\".",
				object.ToInvariantString(v), object.TypeName(object.Unwrap(v))), object.InvalidArgument, v))
		}
		value := permissionEdits(ctx, permissionsOf(obj))
		for i, p := range as.Permissions {
			obj.Set(p, value&permissionBit(i) != 0)
		}
		return nil
	}
	return []*command.Command{nw, set}
}

// permissionBit is the bit of as.Permissions[i] in
// EndUserQuarantinePermissionsValue.
func permissionBit(i int) int { return 1 << (len(as.Permissions) - 1 - i) }

// permissionEdits returns value with the permissions the call names
// granted or taken away.
func permissionEdits(ctx *command.Context, value int) int {
	for i, p := range as.Permissions {
		if !ctx.Has(p) {
			continue
		}
		if ctx.Bool(p) {
			value |= permissionBit(i)
		} else {
			value &^= permissionBit(i)
		}
	}
	return value
}

// permissionsOf reads the permissions of a permissions object as an
// EndUserQuarantinePermissionsValue.
func permissionsOf(obj *object.PSObject) int {
	value := 0
	for i, p := range as.Permissions {
		if b, ok := obj.Value(p).(bool); ok && b {
			value |= permissionBit(i)
		}
	}
	return value
}

// quarantinePermissionsObject is the permissions object of value: a
// Boolean property for each permission, from PermissionToViewHeader to
// PermissionToDelete, and as its text the permissions as
// Get-QuarantinePolicy shows them (EndUserQuarantinePermissions).
func quarantinePermissionsObject(value int) *object.PSObject {
	obj := object.NewObject(TypeQuarantinePermissions, "Deserialized.System.Object")
	for i, p := range as.Permissions {
		obj.AddTyped(p, tBool, value&permissionBit(i) != 0)
	}
	obj.ToStringFunc = func() string { return permissionsText(permissionsOf(obj)) }
	return obj
}

// permissionsText is EndUserQuarantinePermissions as Exchange shows it:
// each permission and whether it is granted.
func permissionsText(value int) string {
	var b strings.Builder
	for i, p := range as.Permissions {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p)
		if value&permissionBit(i) != 0 {
			b.WriteString(": True")
		} else {
			b.WriteString(": False")
		}
	}
	return b.String()
}
