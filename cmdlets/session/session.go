// Package session declares the cmdlets that manage the PowerShell session
// itself rather than the tenant: the ExchangeOnlineManagement module's
// connection cmdlets (Connect-ExchangeOnline, Connect-IPPSSession,
// Disconnect-ExchangeOnline, Get-ConnectionInformation) and transcripts
// (Start-Transcript, Stop-Transcript).
//
// Connection state lives in the Exchange half's session data
// (exo.Session); the Exchange cmdlets' Visible hook reads it, so a
// disconnected session does not recognize them.
package session

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TypeConnectionInformation is the type name of Get-ConnectionInformation
// output.
const TypeConnectionInformation = "Microsoft.Exchange.Management.ExoPowershellSnapin.ConnectionInformation"

// connectionsSlot holds the session's connection list.
var connectionsSlot = command.NewSlot[*[]*connection]()

// Cmdlets declares the session cmdlets by name: a session builds one the
// first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Connect-ExchangeOnline", Build: connectExchangeOnline},
	{Name: "Connect-IPPSSession", Build: connectIPPSSession},
	{Name: "Disconnect-ExchangeOnline", Build: disconnectExchangeOnline},
	{Name: "Get-ConnectionInformation", Build: getConnectionInformation},
	{Name: "Start-Transcript", Build: startTranscript},
	{Name: "Stop-Transcript", Build: stopTranscript},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Install prepares a session: connected as the tenant's administrator
// (both Exchange Online and Security & Compliance PowerShell), as a
// session starts (exo.SessionOf), or, with requireConnect, disconnected
// until Connect-ExchangeOnline and Connect-IPPSSession run.
func Install(rt *runtime.Runtime, requireConnect bool) {
	if requireConnect {
		disconnect(rt)
	}
}

// disconnect starts a session disconnected from both services.
func disconnect(rt *runtime.Runtime) {
	s := exo.SessionOf(rt)
	s.Connected = false
	s.ComplianceConnected = false
}

// Banner is the message the ExchangeOnlineManagement module (3.5) writes
// when it connects, unless -ShowBanner:$false is given.
var bannerLines = []string{
	"",
	"----------------------------------------------------------------------------------------",
	"This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets which doesn't require WinRM for Client-Server communication. You can now run these cmdlets after turning off WinRM Basic Auth in your client machine thus making it more secure.",
	"",
	"Unlike the EXO* prefixed cmdlets, the cmdlets in this module support full functional parity with the RPS (V1) cmdlets.",
	"",
	"V3 cmdlets in the downloaded module are resilient to transient failures, handling retries and throttling errors inherently.",
	"",
	"REST backed EOP and SCC cmdlets are also available in the V3 module. Similar to EXO, the cmdlets can be run without WinRM basic auth enabled.",
	"",
	"For more information check https://aka.ms/exov3-module",
	"----------------------------------------------------------------------------------------",
	"",
}

// Banner returns the connection banner lines.
func Banner() []string { return append([]string(nil), bannerLines...) }

// connection is one simulated REST connection.
type connection struct {
	id         int
	compliance bool
	upn        string
	org        string
	tenantID   string
	prefix     string
	pageSize   int
	connected  time.Time
	// implicit marks the connections a session that started connected
	// stands on (made before the session's own code ran): the session's
	// own Connect of the same kind takes their place.
	implicit bool
}

func (c *connection) name() string {
	if c.compliance {
		return fmt.Sprintf("ExchangeOnlineProtection_%d", c.id)
	}
	return fmt.Sprintf("ExchangeOnline_%d", c.id)
}

// guid derives a stable GUID for the connection from the tenant and its
// id (the session's random generator is left alone so other output stays
// reproducible).
func (c *connection) guid() string {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s|%d|%v", c.tenantID, c.id, c.compliance)
	var g object.Guid
	copy(g[:], h.Sum(nil))
	g[6] = g[6]&0x0f | 0x40
	g[8] = g[8]&0x3f | 0x80
	return g.String()
}

func (c *connection) object() *object.PSObject {
	o := object.NewObject(TypeConnectionInformation, "System.Object")
	uri, moduleName := "https://outlook.office365.com", "tmpEXO_exosim.exo"
	if c.compliance {
		uri, moduleName = "https://nam12b.ps.compliance.protection.outlook.com", "tmpEXO_exosim.scc"
	}
	o.AddTyped("ConnectionId", "string", c.guid())
	o.AddTyped("State", "string", "Connected")
	o.AddTyped("Id", "int", c.id)
	o.AddTyped("Name", "string", c.name())
	o.AddTyped("UserPrincipalName", "string", c.upn)
	o.AddTyped("ConnectionUri", "string", uri)
	o.AddTyped("AzureAdAuthorizationEndpointUri", "string", "https://login.microsoftonline.com/organizations")
	o.AddTyped("TokenExpiryTimeUTC", "datetime", c.connected.Add(time.Hour))
	o.AddTyped("CertificateAuthentication", "bool", false)
	o.AddTyped("ModuleName", "string", moduleName)
	o.AddTyped("ModulePrefix", "string", c.prefix)
	o.AddTyped("Organization", "string", c.org)
	o.AddTyped("DelegatedOrganization", "string", "")
	o.AddTyped("AppId", "string", "")
	o.AddTyped("PageSize", "int", c.pageSize)
	o.AddTyped("TenantID", "string", c.tenantID)
	o.AddTyped("TokenStatus", "string", "Active")
	o.AddTyped("ConnectionUsedForInbuiltCmdlets", "bool", !c.compliance)
	o.AddTyped("IsEopSession", "bool", c.compliance)
	o.ToStringFunc = c.name
	return o
}

// tenantInfo returns the administrator's UPN, the tenant's initial domain
// and its Guid.
func tenantInfo(rt *runtime.Runtime) (upn, org, tenantID string) {
	st := exo.SessionOf(rt).Store
	if st == nil {
		return "admin@contoso.onmicrosoft.com", "contoso.onmicrosoft.com", "00000000-0000-0000-0000-000000000000"
	}
	_ = st.View(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		upn, org, tenantID = o.AdminUPN, o.Name, o.Guid
		return nil
	})
	return upn, org, tenantID
}

// connections returns the session's connection list, creating the
// implicit administrator connections of a session that started connected.
func connections(rt *runtime.Runtime) *[]*connection {
	if l, ok := connectionsSlot.Get(rt); ok {
		return l
	}
	l := &[]*connection{}
	connectionsSlot.Set(rt, l)
	_, org, tid := tenantInfo(rt)
	upn := exo.Caller(rt)
	now := rt.Now()
	s := exo.SessionOf(rt)
	if s.Connected {
		*l = append(*l, &connection{id: len(*l) + 1, upn: upn, org: org, tenantID: tid, pageSize: 1000, connected: now, implicit: true})
	}
	if s.ComplianceConnected {
		*l = append(*l, &connection{id: len(*l) + 1, compliance: true, upn: upn, org: org, tenantID: tid, pageSize: 1000, connected: now, implicit: true})
	}
	return l
}

func nextID(l []*connection) int {
	n := 0
	for _, c := range l {
		if c.id > n {
			n = c.id
		}
	}
	return n + 1
}

func connect(ctx *command.Context, compliance bool) error {
	if err := checkPrefix(ctx.String("Prefix")); err != nil {
		return err
	}
	rt := runtime.Of(ctx)
	l := connections(rt)
	_, org, tid := tenantInfo(rt)
	// The sign-in is the account exosim runs as (exosim --user). Naming
	// another account can't sign in without that account's password,
	// which exosim never asks for: it fails as such a sign-in does.
	upn := exo.Identity(rt)
	if u := strings.TrimSpace(ctx.String("UserPrincipalName")); u != "" {
		if !strings.EqualFold(u, upn) {
			return ctx.Fail(signInFailed(ctx, tid, u))
		}
		upn = u
	}
	exo.SetCaller(rt, exo.Identity(rt))
	if o := ctx.String("Organization"); o != "" {
		org = o
	}
	c := &connection{id: nextID(*l), compliance: compliance, upn: upn, org: org, tenantID: tid, prefix: ctx.String("Prefix"), pageSize: 1000, connected: rt.Now()}
	if ctx.Has("PageSize") && ctx.Int("PageSize") > 0 {
		c.pageSize = ctx.Int("PageSize")
	}
	// A new connection of the same kind replaces the old one with its
	// prefix, as the module does, and the connection the session started
	// with.
	kept := (*l)[:0]
	for _, old := range *l {
		if old.compliance != compliance || old.prefix != c.prefix && !old.implicit {
			kept = append(kept, old)
		}
	}
	*l = append(kept, c)
	settle(rt, *l)
	if !ctx.Has("ShowBanner") || ctx.Switch("ShowBanner") {
		for _, line := range bannerLines {
			ctx.WriteHost(line)
		}
	}
	return nil
}

// signInFailed is the error of a sign-in as an account other than the
// one exosim runs as: Microsoft Entra ID's answer to a wrong password
// (AADSTS50126), with trace and correlation ids derived from the tenant,
// the account and the simulated time, and the simulated time stamp.
func signInFailed(ctx *command.Context, tenantID, upn string) *object.ErrorRecord {
	now := ctx.Now().UTC()
	id := func(salt string) string {
		h := fnv.New128a()
		fmt.Fprintf(h, "%s|%s|%s|%s", tenantID, strings.ToLower(upn), now.Format(time.RFC3339Nano), salt)
		var g object.Guid
		copy(g[:], h.Sum(nil))
		g[6] = g[6]&0x0f | 0x40
		g[8] = g[8]&0x3f | 0x80
		return g.String()
	}
	msg := fmt.Sprintf("AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: %s Correlation ID: %s Timestamp: %s",
		id("trace"), id("correlation"), now.Format("2006-01-02 15:04:05Z"))
	rec := ctx.NewError(msg, "", object.AuthenticationError, "MsalServiceException", upn)
	rec.ExceptionFullType = "Microsoft.Identity.Client.MsalServiceException"
	return rec
}

func moduleCommand(name string) *command.Command {
	c := exo.Declared(name)
	c.Visible = nil
	c.Remote = false
	return c
}

func connectExchangeOnline() *command.Command {
	c := moduleCommand("Connect-ExchangeOnline")
	c.Synopsis = "Opens the simulated Exchange Online PowerShell connection, which makes the Exchange cmdlets available."
	c.Description = "exosim has no sign-in dialog: the connection is made at once for the account exosim runs as (exosim --user, " +
		"the tenant's administrator by default). -UserPrincipalName must name that account: any other fails as a sign-in " +
		"with a wrong password does (AADSTS50126); a trainer shows another account's view with Switch-SimUser. " +
		"Every connection attempt is recorded in the admin audit log. The module's banner is printed unless -ShowBanner:$false is given. " +
		"A session started with exosim --require-connect does not recognize Exchange cmdlets until this runs; " +
		"Security & Compliance cmdlets need Connect-IPPSSession as well."
	c.OutputType = ""
	c.Examples = []command.Example{
		{Code: "Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false", Remark: "Connects quietly as the tenant administrator."},
		{Code: "Connect-ExchangeOnline -ShowBanner:$false; Get-ConnectionInformation | Select-Object Name, State, UserPrincipalName", Remark: "Connects and shows the connection that was opened."},
	}
	c.Handler.Process = func(ctx *command.Context) error { return connect(ctx, false) }
	return c
}

func connectIPPSSession() *command.Command {
	c := moduleCommand("Connect-IPPSSession")
	c.Synopsis = "Opens the simulated Security & Compliance PowerShell connection (retention, case holds, compliance cases)."
	c.Description = "Like Connect-ExchangeOnline, but for the compliance cmdlets such as Get-RetentionCompliancePolicy and " +
		"New-CaseHoldPolicy. In a session started with exosim --require-connect those cmdlets are not recognized until this runs."
	c.Examples = []command.Example{
		{Code: "Connect-IPPSSession -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false", Remark: "Connects to Security & Compliance PowerShell without the banner."},
	}
	c.Handler.Process = func(ctx *command.Context) error { return connect(ctx, true) }
	return c
}

func disconnectExchangeOnline() *command.Command {
	c := moduleCommand("Disconnect-ExchangeOnline")
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Closes the session's Exchange Online and Security & Compliance connections."
	c.Description = "After it runs, Exchange and compliance cmdlets are no longer recognized until the session connects again. " +
		"It asks for confirmation first; -Confirm:$false skips the question, as runbooks do. " +
		"-ConnectionId and -ModulePrefix close only the matching connections."
	c.Examples = []command.Example{
		{Code: "Disconnect-ExchangeOnline -Confirm:$false", Remark: "Closes every connection without asking."},
		{Code: "Disconnect-ExchangeOnline -WhatIf", Remark: "Shows what would be closed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ok, err := ctx.ShouldProcessWith("Running this cmdlet clears all active sessions created using Connect-ExchangeOnline or Connect-IPPSSession.", "")
		if err != nil || !ok {
			return err
		}
		l := connections(runtime.Of(ctx))
		ids, prefixes := ctx.Strings("ConnectionId"), ctx.Strings("ModulePrefix")
		kept := (*l)[:0]
		for _, cn := range *l {
			drop := len(ids) == 0 && len(prefixes) == 0
			for _, id := range ids {
				drop = drop || strings.EqualFold(id, cn.guid())
			}
			for _, p := range prefixes {
				drop = drop || strings.EqualFold(p, cn.prefix)
			}
			if !drop {
				kept = append(kept, cn)
			}
		}
		*l = kept
		settle(runtime.Of(ctx), *l)
		return nil
	}
	return c
}

func getConnectionInformation() *command.Command {
	c := &command.Command{
		Name:         "Get-ConnectionInformation",
		Type:         command.CmdletCommand,
		Module:       exo.Module,
		Version:      exo.ModuleVersion,
		FullTypeName: "Microsoft.Exchange.Management.ExoPowershellSnapin.GetConnectionInformation",
		OutputType:   TypeConnectionInformation,
		Sets:         []string{"Default", "ConnectionId", "ModulePrefix"},
		DefaultSet:   "Default",
	}
	c.Params = []*params.Param{
		params.P("ConnectionId", params.TStrings, params.InSets(params.Set("ConnectionId", true, -1))),
		params.P("ModulePrefix", params.TStrings, params.InSets(params.Set("ModulePrefix", true, -1))),
	}
	c.Synopsis = "Lists the session's open Exchange Online and Security & Compliance connections."
	c.Description = "Each connection shows its Id, Name (ExchangeOnline_1, ExchangeOnlineProtection_2 ...), the account, the endpoint, " +
		"the token expiry (an hour after connecting, on the simulated clock) and whether it is a Security & Compliance (EOP) session. " +
		"A session that started connected lists the administrator's two connections."
	c.Examples = []command.Example{
		{Code: "Get-ConnectionInformation | Format-Table Id, Name, State, UserPrincipalName", Remark: "Lists the open connections."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ids, prefixes := ctx.Strings("ConnectionId"), ctx.Strings("ModulePrefix")
		for _, cn := range *connections(runtime.Of(ctx)) {
			ok := len(ids) == 0 && len(prefixes) == 0
			for _, id := range ids {
				ok = ok || strings.EqualFold(id, cn.guid())
			}
			for _, p := range prefixes {
				ok = ok || strings.EqualFold(p, cn.prefix)
			}
			if !ok {
				continue
			}
			if err := ctx.WriteObject(cn.object()); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}
