package ome

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Output types of the rights management cmdlets.
const (
	TypeRMSTemplate          = "Deserialized.Microsoft.Exchange.Management.RightsManagement.RmsTemplatePresentation"
	TypeIRMConfigurationTest = "Deserialized.Microsoft.Exchange.Management.RightsManagement.IRMConfigurationTestResult"
)

func rmsViews(r *format.Registry) {
	r.Add(&format.View{Name: "RmsTemplate", TypeNames: []string{TypeRMSTemplate}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Name", Property: "Name"}, {Label: "Type", Property: "Type"}, {Label: "Description", Property: "Description"}}})
	r.Add(&format.View{Name: "IRMConfigurationTest", TypeNames: []string{TypeIRMConfigurationTest}, Kind: format.ListView,
		Items: []format.ListItem{{Property: "Results"}}})
}

func rmsCommands() []*command.Command {
	get := exo.Declared("Get-RMSTemplate")
	get.Synopsis = "Lists the rights policy templates of Azure Rights Management (none while AzureRMSLicensingEnabled is off)."
	get.OutputType = TypeRMSTemplate
	exo.Describe(get, map[string]string{
		"Identity":                "The template: its name (wildcards allowed) or GUID.",
		"Type":                    "All, Distributed (the default: the templates users can apply) or Archived.",
		"ResultSize":              "Maximum number of templates (default 1000, or Unlimited).",
		"TrustedPublishingDomain": "The trusted publishing domain whose templates to list; the tenant has one, Azure Rights Management's.",
	})
	exo.DeclaredParam(get, "Type").Type = params.EnumType("RmsTemplateType", "Microsoft.Exchange.Data.RmsTemplateType", "All", "Archived", "Distributed")
	get.Examples = []command.Example{{Code: "Get-RMSTemplate -ResultSize unlimited", Remark: "Lists every template users can apply."}}
	get.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		var ts []ome.RMSTemplate
		if err := exo.View(ctx, func(tx *store.Tx) error {
			var err error
			ts, err = ome.RMSTemplates(tx)
			return err
		}); err != nil {
			return err
		}
		if t := ctx.String("Type"); strings.EqualFold(t, "Archived") {
			ts = nil
		}
		found := false
		for _, t := range ts {
			if id != "" && !strings.EqualFold(id, t.Guid) && !wildcard.MatchStar(id, t.Name) {
				continue
			}
			found = true
			o := object.NewObject(TypeRMSTemplate, "Deserialized.System.Object")
			o.AddTyped("Name", "System.String", t.Name)
			o.AddTyped("Description", "System.String", t.Description)
			o.AddTyped("Type", "Microsoft.Exchange.Data.RmsTemplateType", t.Type)
			o.AddTyped("TemplateGuid", "System.Guid", t.Guid)
			o.AddTyped("Identity", "System.String", t.Name)
			o.AddTyped("IsValid", "System.Boolean", true)
			o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		if id != "" && !found && !wildcard.HasStar(id) {
			return ctx.WriteError(exo.NotFound(ctx, id))
		}
		return nil
	}

	test := exo.Declared("Test-IRMConfiguration")
	test.Synopsis = "Tests Information Rights Management: acquiring the templates, encrypting and decrypting for a sender, and whether IRM is on."
	test.OutputType = TypeIRMConfigurationTest
	exo.Describe(test, map[string]string{
		"Sender":    "A sender of the organization whose encryption to test.",
		"Recipient": "Recipients to test for (addresses inside or outside the organization).",
		"RMSOnline": "Tests the connection to Azure Rights Management (the default in Exchange Online).",
	})
	test.Examples = []command.Example{{Code: "Test-IRMConfiguration -Sender annb@contoso.com -Recipient pilarp@contoso.com", Remark: "Checks that Ann can send encrypted mail."}}
	test.Handler.Process = func(ctx *command.Context) error {
		sender := strings.TrimSpace(ctx.String("Sender"))
		var irm *ome.IRMConfiguration
		var ts []ome.RMSTemplate
		var rec *object.ErrorRecord
		if err := exo.View(ctx, func(tx *store.Tx) error {
			if _, err := directory.ResolveMailbox(tx, sender, directory.ScopeActive); err != nil {
				var nf *store.NotFoundError
				if errors.As(err, &nf) || store.IsNotFound(err) {
					rec = exo.Invalid(ctx, fmt.Sprintf("The sender \"%s\" isn't a recipient of your organization. Test-IRMConfiguration needs a sender with a mailbox in the organization.", sender), sender)
					return nil
				}
				return err
			}
			var err error
			if irm, err = ome.GetIRMConfiguration(tx); err != nil {
				return err
			}
			ts, err = ome.RMSTemplates(tx)
			return err
		}); err != nil {
			return err
		}
		if rec != nil {
			return ctx.Fail(rec)
		}
		o := object.NewObject(TypeIRMConfigurationTest, "Deserialized.System.Object")
		o.AddTyped("Results", "System.String", irmTestResults(irm, ts))
		return ctx.WriteObject(o)
	}
	return []*command.Command{get, test}
}

// irmTestResults is the Results text of Test-IRMConfiguration: each step
// with PASS or FAIL, then the overall result.
func irmTestResults(irm *ome.IRMConfiguration, ts []ome.RMSTemplate) string {
	const step, detail = "", "      - "
	var b strings.Builder
	pass := true
	line := func(s string) { b.WriteString(s + "\r\n") }
	b.WriteString("Acquiring RMS Templates ...\r\n")
	if len(ts) == 0 {
		pass = false
		line(detail + "FAIL: No RMS templates were acquired. Turn on Azure Rights Management licensing (Set-IRMConfiguration -AzureRMSLicensingEnabled $true).")
	} else {
		var names []string
		for _, t := range ts {
			if t.Name != "Encrypt" {
				names = append(names, t.Name)
			}
		}
		line(detail + "PASS: RMS Templates acquired.  Templates available: " + strings.Join(names, ", ") + ".")
		line(step + "Verifying encryption ...")
		line(detail + "PASS: Encryption verified successfully.")
		line(step + "Verifying decryption ...")
		line(detail + "PASS: Decryption verified successfully.")
	}
	line(step + "Verifying IRM is enabled ...")
	if irm.AzureRMSLicensingEnabled && irm.InternalLicensingEnabled {
		line(detail + "PASS: IRM verified successfully.")
	} else {
		pass = false
		line(detail + "FAIL: IRM isn't enabled for the organization (InternalLicensingEnabled or AzureRMSLicensingEnabled is $false).")
	}
	line("")
	if pass {
		b.WriteString(step + "OVERALL RESULT: PASS")
	} else {
		b.WriteString(step + "OVERALL RESULT: FAIL")
	}
	return b.String()
}
