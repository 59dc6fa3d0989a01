package defender

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
)

// atpName is the name of the organization's one policy for Office 365.
const atpName = "Default"

// atpContainer is the container of the policy for Office 365.
const atpContainer = "CN=AtpPolicyForO365,CN=Transport Settings"

func atpCommands() []*command.Command {
	get := exo.Declared("Get-AtpPolicyForO365")
	get.Synopsis = "Shows the policy for Office 365 apps: Safe Attachments for SharePoint, OneDrive and Microsoft Teams, and Safe Documents."
	get.OutputType = TypeAtpPolicy
	get.Examples = []command.Example{{Code: "Get-AtpPolicyForO365 | Format-List EnableATPForSPOTeamsODB,EnableSafeDocs,AllowSafeDocsOpen",
		Remark: "Whether files in SharePoint, OneDrive and Teams are scanned and Safe Documents is on."}}
	exo.Describe(get, map[string]string{"Identity": "The policy: Default (* is a wildcard), its distinguished name or GUID."})
	get.Handler.Process = getAtp

	set := exo.Declared("Set-AtpPolicyForO365")
	set.Synopsis = "Changes the policy for Office 365 apps."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "Set-AtpPolicyForO365 -EnableATPForSPOTeamsODB $true -EnableSafeDocs $true -AllowSafeDocsOpen $false",
		Remark: "Turns Safe Attachments for SharePoint, OneDrive and Teams and Safe Documents on; no one opens a malicious document."}}
	exo.Describe(set, map[string]string{
		"Identity":                "The policy: Default (the one there is), its distinguished name or GUID.",
		"AllowSafeDocsOpen":       "Whether users may leave Protected View when Safe Documents finds a file malicious.",
		"EnableATPForSPOTeamsODB": "Safe Attachments for SharePoint, OneDrive and Microsoft Teams ($false by default).",
		"EnableSafeDocs":          "Safe Documents ($false by default).",
	})
	set.Handler.Process = setAtp
	return []*command.Command{get, set}
}

// atpObject is the Get-AtpPolicyForO365 object of the policy, its
// properties in Exchange Online's order.
func atpObject(o *directory.Organization, p *defender.AtpPolicy) *object.PSObject {
	obj := exo.HygieneObject(TypeAtpPolicy)
	obj.AddTyped("EnableATPForSPOTeamsODB", tBool, p.EnableATPForSPOTeamsODB)
	obj.AddTyped("EnableSafeDocs", tBool, p.EnableSafeDocs)
	obj.AddTyped("AllowSafeDocsOpen", tBool, p.AllowSafeDocsOpen)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: atpName, Guid: p.Guid, Container: atpContainer,
		Category: "ms-Exch-Atp-Policy-For-O365", Class: "msExchAtpPolicyForO365", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

// atps names the one policy for Office 365: Default, its GUID or its
// distinguished name.
func atps() *exo.Configs[*defender.AtpPolicy] {
	return &exo.Configs[*defender.AtpPolicy]{
		List: func(tx *store.Tx) ([]*defender.AtpPolicy, error) {
			p, err := defender.GetAtpPolicy(tx)
			return []*defender.AtpPolicy{p}, err
		},
		Keys: func(o *directory.Organization, p *defender.AtpPolicy) (string, string, string) {
			return atpName, p.Guid, o.ConfigDN(atpName, atpContainer)
		},
	}
}

func getAtp(ctx *command.Context) error {
	objs, done, err := atps().Read(ctx, atpObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

func setAtp(ctx *command.Context) error {
	edits := boolEdits(ctx, []boolField[*defender.AtpPolicy]{
		{"AllowSafeDocsOpen", func(p *defender.AtpPolicy) *bool { return &p.AllowSafeDocsOpen }},
		{"EnableATPForSPOTeamsODB", func(p *defender.AtpPolicy) *bool { return &p.EnableATPForSPOTeamsODB }},
		{"EnableSafeDocs", func(p *defender.AtpPolicy) *bool { return &p.EnableSafeDocs }},
	})
	shown := atpName
	if ctx.Has("Identity") {
		shown = identity(ctx)
	}
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if !ctx.Has("Identity") {
			return nil, nil
		}
		_, _, rec, err := atps().Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configure ATP policy for Office 365 \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		p, err := defender.GetAtpPolicy(tx)
		if err != nil {
			return nil, err
		}
		before := *p
		if rec := apply(tx, p, edits); rec != nil {
			return rec, nil
		}
		if before == *p {
			unchanged = true
			return nil, nil
		}
		return nil, defender.PutAtpPolicy(tx, p)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, atpName)
	}
	return err
}
