package graph

import (
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"

	"github.com/exosim/exosim/store/directory"
)

func TestParseFilter(t *testing.T) {
	ann := record{"displayname": "Ann Beebe", "userprincipalname": "annb@contoso.com", "accountenabled": true,
		"department": "Finance", "mail": nil, "assignedlicenses": []string{"06ebc4ee-1bb5-47dd-8120-11324bc54e06"}}
	tests := []struct {
		filter string
		want   bool
	}{
		{"startswith(displayName,'a')", true},
		{"startsWith(DisplayName, 'AN')", true},
		{"startswith(displayName,'b')", false},
		{"endswith(userPrincipalName,'@contoso.com')", true},
		{"userPrincipalName eq 'ANNB@contoso.com'", true},
		{"userPrincipalName ne 'annb@contoso.com'", false},
		{"accountEnabled eq true and department eq 'Finance'", true},
		{"accountEnabled eq false or department eq 'Finance'", true},
		{"not (department eq 'Finance')", false},
		{"mail eq null", true},
		{"displayName eq 'O''Brien'", false},
		{"assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)", true},
		{"assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965)", false},
		{"assignedLicenses/$count eq 0", false},
		{"assignedLicenses/$count ne 0", true},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			p, err := parseFilter(tt.filter, userFilterProps.Get())
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := p(ann); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseFilterErrors(t *testing.T) {
	tests := []struct{ filter, want string }{
		{"displayName eq 'x", "unterminated string literal"},
		{"startswith(displayName 'a')", "Syntax error at position"},
		{"nosuch eq 'x'", "Property 'nosuch' does not exist"},
		{"displayName gt 'a'", "Unsupported query."},
		{"displayName eq 'a' extra", "Syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			_, err := parseFilter(tt.filter, userFilterProps.Get())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	got := errorText(notFound("x@contoso.com"), now, "salt")
	lines := strings.Split(got, "\n")
	want := []string{
		"Resource 'x@contoso.com' does not exist or one of its queried reference-property objects are not present.",
		"",
		"Status: 404 (NotFound)",
		"ErrorCode: Request_ResourceNotFound",
		"Date: 2024-03-01T09:00:00",
		"",
		"Headers:",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
	if last := lines[len(lines)-1]; last != "Date                          : Fri, 01 Mar 2024 09:00:00 GMT" {
		t.Errorf("last line %q", last)
	}
	if errorText(notFound("x"), now, "salt") != errorText(notFound("x"), now, "salt") {
		t.Error("error text is not deterministic")
	}
}

func TestLicenseDetailsID(t *testing.T) {
	// The id Graph reports for SPE_E5 on user 86fbe2a2-850a-4133-a476-a5ebcda848e2.
	got := licenseDetailsID("86fbe2a2-850a-4133-a476-a5ebcda848e2", "06ebc4ee-1bb5-47dd-8120-11324bc54e06")
	if want := "ouL7hgqFM0GkdqXrzahI4u7E6wa1G91HgSARMkvFTgY"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestMergeScopes(t *testing.T) {
	got := strings.Join(mergeScopes([]string{"User.ReadWrite.All, Organization.Read.All", "openid"}), " ")
	if want := "email openid Organization.Read.All profile User.Read User.ReadWrite.All"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPlanLicenseChange(t *testing.T) {
	e5, _ := directory.LookupSku("SPE_E5")
	e3, _ := directory.LookupSku("SPE_E3")
	org := &directory.Organization{Subscriptions: []directory.Subscription{{SkuPartNumber: e5.SkuPartNumber, SkuID: e5.SkuID, Enabled: 2}}}
	user := &directory.User{Licenses: []string{"SPE_E5"}}
	sku := func(id string) any {
		h := object.NewHashtable()
		h.Set("SkuId", id)
		return h
	}
	tests := []struct {
		name    string
		add     []any
		remove  []string
		wantErr string
	}{
		{"remove held", nil, []string{e5.SkuID}, ""},
		{"remove not held", nil, []string{e3.SkuID}, "User does not have a corresponding license."},
		{"add unsubscribed", []any{sku(e3.SkuID)}, nil, "Invalid value specified for property 'skuId'"},
		{"add by part number is not a SkuId", []any{sku("SPE_E5")}, nil, "Invalid value specified for property 'skuId'"},
		{"add subscribed", []any{sku(e5.SkuID)}, nil, ""},
		{"add and remove same", []any{sku(e5.SkuID)}, []string{e5.SkuID}, "present in both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, svc := planLicenseChange(user, org, tt.add, tt.remove)
			switch {
			case tt.wantErr == "" && svc != nil:
				t.Errorf("unexpected error %s", svc.Message)
			case tt.wantErr != "" && (svc == nil || !strings.Contains(svc.Message, tt.wantErr)):
				t.Errorf("error %v, want %q", svc, tt.wantErr)
			}
		})
	}
}

func TestDeletedUPN(t *testing.T) {
	v := &userView{u: &directory.User{ObjectID: "3810b6bb-4fab-4bab-a655-99c2fa6dec63", UserPrincipalName: "walterh@contoso.com", State: directory.UserSoftDeleted}}
	if got := v.upn(); got != "3810b6bb4fab4baba65599c2fa6dec63walterh@contoso.com" {
		t.Errorf("got %s", got)
	}
	v.u.State = directory.UserActive
	if got := v.upn(); got != "walterh@contoso.com" {
		t.Errorf("got %s", got)
	}
}

func TestCommandsDeclared(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range command.Built(Commands()) {
		if seen[c.Name] {
			t.Errorf("%s declared twice", c.Name)
		}
		seen[c.Name] = true
		if c.Synopsis == "" || len(c.Examples) == 0 || c.Version != Version || !strings.HasPrefix(c.Module, "Microsoft.Graph.") {
			t.Errorf("%s: needs a synopsis, an example, a Microsoft.Graph module and version %s", c.Name, Version)
		}
		if c.FullTypeName == "" {
			t.Errorf("%s: no FullTypeName", c.Name)
		}
		if len(c.Sets) > 0 && c.DefaultSet == "" {
			t.Errorf("%s: parameter sets without a default", c.Name)
		}
		names := map[string]bool{}
		for _, p := range c.Params {
			k := strings.ToLower(p.Name)
			if names[k] {
				t.Errorf("%s: parameter %s declared twice", c.Name, p.Name)
			}
			names[k] = true
		}
	}
}

func TestIsGraphName(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"Get-MgOrganization":                 true,
		"Get-MgBetaReportMailboxUsageDetail": true,
		"get-mgbetauser":                     true, // command names are not case-sensitive
		"Send-MgUserMail":                    true,
		"Update-MgBetaAdminReportSetting":    true,
		"Invoke-MgGraphRequest":              true,
		"Fetch-MgUser":                       false, // not an approved verb
		"Get-Mg":                             false,
		"Get-MgBeta":                         false,
		"Get-Mailbox":                        false,
		"Get-MsolUser":                       false,
		"Get-MgUser-Extra":                   false,
	} {
		if got := IsGraphName(name); got != want {
			t.Errorf("IsGraphName(%q) = %v, want %v", name, got, want)
		}
	}
}
