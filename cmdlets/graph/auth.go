package graph

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// graphCommandLineToolsAppID is the application Connect-MgGraph signs in
// with by default ("Microsoft Graph Command Line Tools").
const graphCommandLineToolsAppID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

// authContext is what Get-MgContext reports about the session's sign-in.
type authContext struct {
	ClientID     string
	TenantID     string
	Scopes       []string
	AuthType     string // Delegated, AppOnly, ManagedIdentity, UserProvidedAccessToken
	CredType     string // TokenCredentialType
	Thumbprint   string
	SubjectName  string
	Account      string
	AppName      string
	ContextScope string
	Environment  string
	ManagedID    string
}

// sessionContext returns the session's sign-in, or nil before
// Connect-MgGraph.
func sessionContext(ctx *command.Context) *authContext {
	c, _ := contextSlot.Get(runtime.Of(ctx))
	return c
}

// contextSlot holds the session's sign-in (Connect-MgGraph).
var contextSlot = command.NewSlot[*authContext]()

// requireConnection writes the SDK's "Authentication needed" error and
// reports false when the session has not signed in.
func requireConnection(ctx *command.Context) (bool, error) {
	if sessionContext(ctx) != nil {
		return true, nil
	}
	return false, notConnected(ctx)
}

// defaultScopes are the delegated permissions every interactive sign-in
// token carries besides the requested ones.
var defaultScopes = []string{"email", "openid", "profile", "User.Read"}

// mergeScopes returns the requested scopes plus the defaults, without
// duplicates, in case-insensitive order.
func mergeScopes(requested []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			if part == "" || seen[strings.ToLower(part)] {
				continue
			}
			seen[strings.ToLower(part)] = true
			out = append(out, part)
		}
	}
	for _, s := range requested {
		add(s)
	}
	for _, s := range defaultScopes {
		add(s)
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

func (a *authContext) object(hostVersion string) *object.PSObject {
	o := object.NewObject(TypeAuthContext, "System.Object")
	o.AddTyped("ClientId", "System.String", a.ClientID)
	o.AddTyped("TenantId", "System.String", a.TenantID)
	scopes := make([]any, len(a.Scopes))
	for i, s := range a.Scopes {
		scopes[i] = s
	}
	o.AddTyped("Scopes", "System.String[]", scopes)
	o.AddTyped("AuthType", "Microsoft.Graph.PowerShell.Authentication.AuthenticationType", a.AuthType)
	o.AddTyped("TokenCredentialType", "Microsoft.Graph.PowerShell.Authentication.TokenCredentialType", a.CredType)
	o.AddTyped("CertificateThumbprint", "System.String", exo.NilIfEmpty(a.Thumbprint))
	o.AddTyped("CertificateSubjectName", "System.String", exo.NilIfEmpty(a.SubjectName))
	o.AddTyped("SendCertificateChain", "System.Boolean", false)
	o.AddTyped("Account", "System.String", exo.NilIfEmpty(a.Account))
	o.AddTyped("AppName", "System.String", a.AppName)
	o.AddTyped("ContextScope", "Microsoft.Graph.PowerShell.Authentication.ContextScope", a.ContextScope)
	o.AddTyped("Certificate", "System.Security.Cryptography.X509Certificates.X509Certificate2", nil)
	o.AddTyped("PSHostVersion", "System.Version", hostVersion)
	o.AddTyped("ManagedIdentityId", "System.String", exo.NilIfEmpty(a.ManagedID))
	o.AddTyped("ClientSecret", "System.Security.SecureString", nil)
	o.AddTyped("Environment", "System.String", a.Environment)
	return o
}

// hostVersion is $PSVersionTable.PSVersion as a string.
func hostVersion(ctx *command.Context) string {
	v, _ := runtime.Of(ctx).Scope().Get("PSVersionTable")
	if h, ok := v.(*object.Hashtable); ok {
		if pv, ok := h.Get("PSVersion"); ok && pv != nil {
			return object.ToInvariantString(pv)
		}
	}
	if pv := object.PropertyValue(v, "PSVersion"); pv != nil {
		return object.ToInvariantString(pv)
	}
	return ""
}

func connectMgGraph() *command.Command {
	c := &command.Command{
		Name: "Connect-MgGraph", Type: command.CmdletCommand, Module: ModuleAuthentication, Version: Version,
		FullTypeName: authCmdletNamespace + "ConnectMgGraph",
	}
	c.Synopsis = "Signs the session in to Microsoft Graph."
	c.Description = "Every other Microsoft Graph cmdlet needs a signed-in session. In the simulator a delegated sign-in succeeds as the account exosim runs as (exosim --user, the tenant's administrator by default) and is recorded in the admin audit log; the scopes asked for are recorded and shown by Get-MgContext. A welcome message is printed unless -NoWelcome is given."
	c.OutputType = "None"
	user, cert, ident, secret, token, envVar := "UserParameterSet", "AppCertificateParameterSet", "IdentityParameterSet",
		"AppSecretCredentialParameterSet", "AccessTokenParameterSet", "EnvironmentVariableParameterSet"
	c.Sets = []string{user, cert, ident, secret, token, envVar}
	c.DefaultSet = user
	named := func(sets ...string) params.ParamOpt {
		infos := make([]params.SetInfo, len(sets))
		for i, s := range sets {
			infos[i] = params.Set(s, false, -1)
		}
		return params.InSets(infos...)
	}
	contextScope := params.EnumType("ContextScope", "Microsoft.Graph.PowerShell.Authentication.ContextScope", "Process", "CurrentUser")
	c.Params = []*params.Param{
		params.P("Scopes", params.TStrings, params.InSets(params.Set(user, false, 0)),
			params.Help("Delegated permissions to consent to, such as User.ReadWrite.All.")),
		params.P("TenantId", params.TString, params.InSets(params.Set(user, false, 1),
			params.Set(cert, false, -1), params.Set(secret, false, -1)),
			params.Alias("Audience", "Tenant"), params.Help("The tenant to sign in to (id or domain).")),
		params.P("ClientId", params.TString, params.InSets(params.Set(cert, true, 0),
			params.Set(user, false, -1), params.Set(ident, false, -1)),
			params.Alias("AppId", "ApplicationId"), params.Help("The client id of the application to sign in with.")),
		params.P("CertificateSubjectName", params.TString, params.InSets(params.Set(cert, false, 1)),
			params.Alias("CertificateSubject", "CertificateName"), params.Help("Subject name of the certificate to use.")),
		params.P("CertificateThumbprint", params.TString, params.InSets(params.Set(cert, false, 2)),
			params.Help("Thumbprint of the certificate to use.")),
		params.P("SendCertificateChain", params.TBool, named(cert), params.Help("Include the x5c header in client claims.")),
		params.P("Certificate", params.TObject, named(cert), params.Help("An X.509 certificate supplied during invocation.")),
		params.P("ClientSecretCredential", params.TCredential, named(secret),
			params.Alias("SecretCredential", "Credential"), params.Help("Application id and client secret.")),
		params.P("AccessToken", params.TSecureString, params.InSets(params.Set(token, true, 0)),
			params.Help("A bearer token for Microsoft Graph.")),
		params.P("Identity", params.TSwitch, named(ident),
			params.Alias("ManagedIdentity", "ManagedServiceIdentity", "MSI"), params.Help("Sign in with a managed identity.")),
		params.P("EnvironmentVariable", params.TSwitch, named(envVar), params.Help("Sign in with credentials from environment variables.")),
		params.P("ContextScope", contextScope, named(user, cert, ident, secret, envVar),
			params.Help("Process, or CurrentUser for every session of the user.")),
		params.P("Environment", params.TString, named(user, cert, ident, secret, token, envVar),
			params.Alias("EnvironmentName", "NationalCloud"), params.Help("The national cloud to connect to (default Global).")),
		params.P("UseDeviceCode", params.TSwitch, named(user),
			params.Alias("UseDeviceAuthentication", "DeviceCode", "DeviceAuth", "Device"), params.Help("Sign in with the device code flow.")),
		params.P("ClientTimeout", params.TDouble, named(user, cert, ident, secret, token, envVar),
			params.Help("HTTP client timeout in seconds.")),
		params.P("NoWelcome", params.TSwitch, params.Help("Hides the welcome message.")),
		params.P("Break", params.TSwitch, params.Help("Wait for .NET debugger to attach.")),
	}
	c.Examples = []command.Example{
		{Code: "Connect-MgGraph -Scopes 'User.ReadWrite.All','Organization.Read.All' -NoWelcome",
			Remark: "Signs in with the permissions user and licence management need, without the welcome text."},
		{Code: "Connect-MgGraph; Get-MgContext", Remark: "Signs in and shows the session's account, tenant and scopes."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var org *directory.Organization
		if err := exo.View(ctx, func(tx *store.Tx) error {
			o, err := directory.GetOrganization(tx)
			org = o
			return err
		}); err != nil {
			return err
		}
		a := &authContext{
			ClientID: graphCommandLineToolsAppID, TenantID: org.Guid, AuthType: "Delegated",
			CredType: "InteractiveBrowser", Account: exo.Identity(runtime.Of(ctx)), AppName: "Microsoft Graph Command Line Tools",
			ContextScope: "CurrentUser", Environment: "Global",
		}
		access := "delegated"
		switch ctx.ParameterSet {
		case cert, secret:
			a.AuthType, a.CredType, a.Account, a.AppName, a.ContextScope = "AppOnly", "ClientCertificate", "", "Microsoft Graph PowerShell app", "Process"
			if ctx.ParameterSet == secret {
				a.CredType = "ClientSecret"
			}
			a.ClientID = ctx.String("ClientId")
			if cred := ctx.Value("ClientSecretCredential"); cred != nil {
				if u := member(cred, "UserName"); u != nil {
					a.ClientID = object.ToInvariantString(u)
				}
			}
			a.Thumbprint, a.SubjectName = ctx.String("CertificateThumbprint"), ctx.String("CertificateSubjectName")
			access = "apponly"
		case ident:
			a.AuthType, a.CredType, a.Account, a.AppName, a.ContextScope = "ManagedIdentity", "ManagedIdentity", "", "Managed Identity", "Process"
			a.ManagedID = ctx.String("ClientId")
			if a.ManagedID != "" {
				a.ClientID = a.ManagedID
			}
			access = "managedidentity"
		case token:
			a.AuthType, a.CredType, a.ContextScope = "UserProvidedAccessToken", "UserProvidedAccessToken", "Process"
			access = "userprovidedaccesstoken"
		case envVar:
			a.AuthType, a.CredType, a.ContextScope = "AppOnly", "EnvironmentVariable", "Process"
			access = "environmentvariable"
		default:
			if id := ctx.String("ClientId"); id != "" {
				a.ClientID = id
			}
			if ctx.Switch("UseDeviceCode") {
				a.CredType = "DeviceCode"
			}
		}
		if s := ctx.String("ContextScope"); s != "" {
			a.ContextScope = s
		}
		if e := ctx.String("Environment"); e != "" {
			a.Environment = e
		}
		if a.AuthType == "Delegated" || a.AuthType == "UserProvidedAccessToken" {
			a.Scopes = mergeScopes(ctx.Strings("Scopes"))
		} else {
			a.Scopes = []string{".default"}
		}
		contextSlot.Set(runtime.Of(ctx), a)
		if !ctx.Switch("NoWelcome") {
			for _, line := range []string{
				"Welcome to Microsoft Graph!",
				"",
				"Connected via " + access + " access using " + a.ClientID,
				"Readme: https://aka.ms/graph/sdk/powershell",
				"SDK Docs: https://aka.ms/graph/sdk/powershell/docs",
				"API Docs: https://aka.ms/graph/docs",
				"",
				"NOTE: You can use the -NoWelcome parameter to suppress this message.",
			} {
				ctx.WriteHost(line)
			}
		}
		return nil
	}
	return c
}

func disconnectMgGraph() *command.Command {
	c := &command.Command{
		Name: "Disconnect-MgGraph", Type: command.CmdletCommand, Module: ModuleAuthentication, Version: Version,
		FullTypeName: authCmdletNamespace + "DisconnectMgGraph",
	}
	c.Synopsis = "Signs the session out of Microsoft Graph."
	c.Description = "Forgets the session's sign-in and writes the context that was signed out. Without a sign-in it reports that there is nothing to sign out from."
	c.OutputType = TypeAuthContext
	c.Examples = []command.Example{
		{Code: "Disconnect-MgGraph | Out-Null", Remark: "Signs out without printing the old context."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		a := sessionContext(ctx)
		if a == nil {
			rec := ctx.NewError("No application to sign out from.", "", object.InvalidOperation, "Exception", nil)
			rec.ExceptionFullType = "System.Exception"
			rec.ErrorID = "System.Exception"
			// a non-terminating error: -ErrorAction decides what it does
			return ctx.WriteError(rec)
		}
		contextSlot.Clear(runtime.Of(ctx))
		return ctx.WriteObject(a.object(hostVersion(ctx)))
	}
	return c
}

func getMgContext() *command.Command {
	c := &command.Command{
		Name: "Get-MgContext", Type: command.CmdletCommand, Module: ModuleAuthentication, Version: Version,
		FullTypeName: authCmdletNamespace + "GetMgContext",
	}
	c.Synopsis = "Shows the session's Microsoft Graph sign-in."
	c.Description = "Writes the client id, tenant, scopes, account and other details of the current sign-in; nothing before Connect-MgGraph."
	c.OutputType = TypeAuthContext
	c.Examples = []command.Example{
		{Code: "Get-MgContext | Select-Object -ExpandProperty Scopes", Remark: "Lists the permissions the session holds."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if a := sessionContext(ctx); a != nil {
			return ctx.WriteObject(a.object(hostVersion(ctx)))
		}
		return nil
	}
	return c
}
