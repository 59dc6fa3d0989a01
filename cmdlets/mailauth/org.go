package mailauth

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	ma "github.com/exosim/exosim/store/mailauth"
)

// arcName is the name of the organization's trusted ARC sealers list.
const arcName = "Default"

func orgCommands() []*command.Command {
	getArc := exo.Declared("Get-ArcConfig")
	getArc.Synopsis = "Shows the trusted ARC sealers: the services whose ARC seals Exchange Online trusts for messages they changed in transit."
	getArc.OutputType = TypeArc
	getArc.Examples = []command.Example{{Code: "Get-ArcConfig", Remark: "The trusted ARC sealers, separated by commas."}}
	getArc.Handler.Process = getArcConfig

	setArc := exo.Declared("Set-ArcConfig")
	setArc.Synopsis = "Replaces the trusted ARC sealers (\" \" empties the list)."
	setArc.ConfirmImpact = command.ImpactMedium
	setArc.Examples = []command.Example{{Code: "Set-ArcConfig -Identity Default -ArcTrustedSealers fabrikam.com", Remark: "Makes fabrikam.com the only trusted ARC sealer."}}
	exo.Describe(setArc, map[string]string{
		"Identity":          "Default, or <tenant ID>\\Default.",
		"ArcTrustedSealers": "The sealers' domains, as in the d tag of their ARC-Seal headers; the list replaces the present one.",
	})
	setArc.Handler.Process = setArcConfig

	getExt := exo.Declared("Get-ExternalInOutlook")
	getExt.Synopsis = "Shows the external sender identification of Outlook: whether messages from outside the organization carry the External tag, and the senders that don't."
	getExt.OutputType = TypeExternal
	getExt.Examples = []command.Example{{Code: "Get-ExternalInOutlook | Format-List Enabled,AllowList", Remark: "Whether Outlook tags external senders."}}
	exo.Describe(getExt, map[string]string{"Identity": "The organization's object (any value shows it)."})
	getExt.Handler.Process = getExternal

	setExt := exo.Declared("Set-ExternalInOutlook")
	setExt.Synopsis = "Turns the External tag of Outlook on or off and changes the senders it leaves out."
	setExt.ConfirmImpact = command.ImpactMedium
	setExt.Examples = []command.Example{{Code: "Set-ExternalInOutlook -Enabled $true -AllowList @{Add='admin@fabrikam.com'}", Remark: "Tags external senders but one."}}
	exo.Describe(setExt, map[string]string{
		"Identity":  "The organization's object (any value changes it).",
		"AllowList": "Addresses, domains and *.domains left untagged (at most 200 entries, 8 KB): a list or @{Add=...;Remove=...}.",
		"Enabled":   "Whether messages from external senders carry the External tag.",
	})
	setExt.Handler.Process = setExternal
	return []*command.Command{getArc, setArc, getExt, setExt}
}

// arcObject is the Get-ArcConfig object: the sealers separated by
// commas.
func arcObject(a *ma.Arc) *object.PSObject {
	obj := object.NewObject(TypeArc, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	obj.AddTyped("ArcTrustedSealers", tStr, strings.Join(a.Sealers, ","))
	obj.AddTyped("Identity", tStr, arcName)
	obj.AddTyped("IsValid", tBool, true)
	obj.AddTyped("ObjectState", tStr, "Unchanged")
	obj.ToStringFunc = func() string { return arcName }
	return obj
}

func getArcConfig(ctx *command.Context) error {
	return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
		a, err := ma.GetArc(tx)
		if err != nil {
			return nil, err
		}
		return []*object.PSObject{arcObject(a)}, nil
	})
}

// namesArc reports whether id names the organization's sealers list:
// Default or <organization GUID>\Default.
func namesArc(o *directory.Organization, id string) bool {
	if tenant, name, ok := strings.Cut(id, "\\"); ok {
		return strings.EqualFold(name, arcName) && strings.EqualFold(tenant, o.Guid)
	}
	return strings.EqualFold(id, arcName)
}

func setArcConfig(ctx *command.Context) error {
	shown := identity(ctx)
	var sealers []string
	for _, v := range exo.ValueStrings(ctx.Value("ArcTrustedSealers")) {
		for _, d := range strings.Split(v, ",") {
			if d = strings.TrimSpace(d); d != "" && !exo.ContainsFold(sealers, d) {
				if strings.Contains(d, "@") || !junkemail.ValidEntry(d) {
					return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid domain name.", d), d))
				}
				sealers = append(sealers, d)
			}
		}
	}
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil || namesArc(o, shown) {
			return nil, err
		}
		return exo.NotFound(ctx, shown), nil
	}, func() (string, string) {
		return fmt.Sprintf("Configure ARC configuration \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		a, err := ma.GetArc(tx)
		if err != nil {
			return nil, err
		}
		a.Sealers = sealers
		return nil, ma.PutArc(tx, a)
	})
	return err
}

// externalObject is the Get-ExternalInOutlook object.
func externalObject(o *directory.Organization, e *ma.External) *object.PSObject {
	obj := object.NewObject(TypeExternal, "Deserialized.System.Object")
	obj.AddTyped("Identity", tStr, o.Guid)
	obj.AddTyped("Enabled", tBool, e.Enabled)
	obj.AddTyped("AllowList", exo.TypeMultiValued, exo.MultiValued(e.AllowList))
	obj.AddTyped("IsValid", tBool, true)
	obj.AddTyped("ObjectState", tStr, "Unchanged")
	id := o.Guid
	obj.ToStringFunc = func() string { return id }
	return obj
}

func getExternal(ctx *command.Context) error {
	return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		e, err := ma.GetExternal(tx)
		if err != nil {
			return nil, err
		}
		return []*object.PSObject{externalObject(o, e)}, nil
	})
}

// validAllowEntry reports whether v is an address, a domain or *.domain.
func validAllowEntry(v string) bool {
	if at := strings.LastIndexByte(v, '@'); at >= 0 {
		return at > 0 && junkemail.ValidEntry(v)
	}
	return junkemail.ValidEntry(strings.TrimPrefix(v, "*."))
}

func setExternal(ctx *command.Context) error {
	var arg any
	if ctx.Has("AllowList") {
		arg = object.Unwrap(ctx.Value("AllowList"))
		if _, err := mailbox.ApplyMultiValued(arg, nil); err != nil {
			return ctx.Fail(exo.Invalid(ctx, err.Error(), "AllowList"))
		}
	}
	shown := "Default"
	if ctx.Has("Identity") {
		shown = identity(ctx)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Configure external sender identification \"%s\".", shown), shown)
	if err != nil || !ok {
		return err
	}
	_, err = exo.Write(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		e, err := ma.GetExternal(tx)
		if err != nil {
			return nil, err
		}
		if ctx.Has("Enabled") {
			e.Enabled = ctx.Bool("Enabled")
		}
		if arg != nil || ctx.Has("AllowList") {
			next, _ := mailbox.ApplyMultiValued(arg, e.AllowList)
			var out []string
			for _, v := range next {
				if v = strings.TrimSpace(v); v == "" || exo.ContainsFold(out, v) {
					continue
				}
				if !validAllowEntry(v) {
					return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid domain or email address.", v), v), nil
				}
				out = append(out, v)
			}
			e.AllowList = out
		}
		if err := ma.PutExternal(tx, e); errors.Is(err, ma.ErrAllowListTooLong) {
			return exo.Invalid(ctx, fmt.Sprintf("The AllowList can't have more than %d entries or %d bytes.", ma.MaxAllowList, ma.MaxAllowListBytes), "AllowList"), nil
		} else if err != nil {
			return nil, err
		}
		return nil, nil
	})
	return err
}
