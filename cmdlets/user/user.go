// Package user declares Set-User, which changes the Exchange Online
// properties of a user account (Get-User shows them): whether the account
// may connect to Exchange Online PowerShell, the authentication policy
// that applies to it, and its address and telephone number (which
// Get-Place shows for a room's account).
package user

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/authpolicy"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ap "github.com/exosim/exosim/store/authpolicy"
	"github.com/exosim/exosim/store/directory"
)

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one of their names.
var Cmdlets = command.Table{Groups: []command.Group{{Names: []string{"Set-User"}, Build: commands}}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

func commands() []*command.Command {
	set := exo.Declared("Set-User")
	set.Synopsis = "Changes a user account's Exchange Online properties: whether it may connect to Exchange Online PowerShell, its address and telephone number."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "Set-User annb -RemotePowerShellEnabled $false; Get-User annb | Format-List RemotePowerShellEnabled", Remark: "Keeps an account from Exchange Online PowerShell."}}
	exo.Describe(set, map[string]string{
		"Identity":                "The account: a mailbox's or mail user's identity, or the UPN, alias or display name of an account without either.",
		"RemotePowerShellEnabled": "Whether the account may connect to Exchange Online PowerShell ($true for every account until changed).",
		"City":                    "The city ($null clears it).",
		"CountryOrRegion":         "A two-letter ISO 3166-1 code or a country's name; Get-User shows the name.",
		"Phone":                   "The office telephone number.",
		"PostalCode":              "The postal code.",
		"StateOrProvince":         "The state or province.",
		"StreetAddress":           "The street address.",
		"AuthenticationPolicy":    "The authentication policy that applies to the account (its name, distinguished name or Guid); $null takes it away.",
	})
	set.Handler.Process = setUser
	return []*command.Command{exo.Partial(set, "Identity", "RemotePowerShellEnabled", "City", "CountryOrRegion", "Phone",
		"PostalCode", "StateOrProvince", "StreetAddress", "AuthenticationPolicy")}
}

// findUser resolves the call's -Identity to an account: a mailbox's or
// mail user's, else one with neither.
func findUser(ctx *command.Context, tx *store.Tx) (*directory.User, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(ctx.Value("Identity"))
	m, rec, err := mailbox.ResolveOne(ctx, tx, id, shown, directory.ScopeActive, true)
	if err != nil {
		return nil, nil, err
	}
	if rec == nil && m.LinkedUserID() != "" {
		u, err := directory.GetUser(tx, m.LinkedUserID())
		return u, nil, err
	}
	u, err := mailbox.FindAccount(tx, id)
	if err != nil || u != nil {
		return u, nil, err
	}
	if rec == nil {
		rec = exo.NotFound(ctx, shown)
	}
	return nil, rec, nil
}

func setUser(ctx *command.Context) error {
	_, shown := mailbox.IdentityString(ctx.Value("Identity"))
	var u *directory.User
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		found, rec, err := findUser(ctx, tx)
		u = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting user Identity:\"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		changed, rec, err := ApplyAddress(ctx, u, UserAddressParams)
		if err != nil || rec != nil {
			return rec, err
		}
		if ctx.Has("RemotePowerShellEnabled") && ctx.Bool("RemotePowerShellEnabled") != mailbox.RemotePowerShellEnabled(u) {
			raw, err := store.EncodeExtra(ctx.Bool("RemotePowerShellEnabled"))
			if err != nil {
				return nil, err
			}
			if u.Extra == nil {
				u.Extra = map[string]store.RawValue{}
			}
			u.Extra[mailbox.RemotePowerShellParam] = raw
			changed = true
		}
		if ctx.Has("AuthenticationPolicy") {
			name, rec, err := authpolicy.Resolve(ctx, tx, ctx.Value("AuthenticationPolicy"))
			if err != nil || rec != nil {
				return rec, err
			}
			if name != ap.OfUser(u) {
				if err := exo.SetAccountText(u, ap.UserSetting, name); err != nil {
					return nil, err
				}
				changed = true
			}
		}
		if !changed {
			unchanged = true
			return nil, nil
		}
		return nil, directory.PutUser(tx, u)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, shown)
	}
	return err
}
