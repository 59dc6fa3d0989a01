package onprem

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store/onprem"
)

// Type names of the remoting objects.
const (
	TypePSSession  = "System.Management.Automation.Runspaces.PSSession"
	TypeModuleInfo = "System.Management.Automation.PSModuleInfo"
)

// Views registers the default views of the objects this package writes.
// PSSession uses PowerShell 7's own table layout (PSModuleInfo has the
// core cmdlets' view).
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name: "PSSession", TypeNames: []string{TypePSSession}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Id", Width: 3, Align: format.AlignRight, Property: "Id"},
			{Label: "Name", Width: 15, Property: "Name"},
			{Label: "Transport", Width: 9, Property: "Transport"},
			{Label: "ComputerName", Width: 15, Property: "ComputerName"},
			{Label: "ComputerType", Width: 15, Property: "ComputerType"},
			{Label: "State", Width: 13, Property: "State"},
			{Label: "ConfigurationName", Width: 20, Property: "ConfigurationName"},
			{Label: "Availability", Width: 13, Align: format.AlignRight, Property: "Availability"},
		},
	})
	databaseViews(r)
}

func cmdlet(name, module, typeName string) *command.Command {
	return &command.Command{
		Name: name, Type: command.CmdletCommand, Module: module, Version: "7.0.0.0",
		FullTypeName: "Microsoft.PowerShell.Commands." + typeName,
	}
}

var tAuth = params.EnumType("AuthenticationMechanism", "System.Management.Automation.Runspaces.AuthenticationMechanism",
	"Default", "Basic", "Negotiate", "NegotiateWithImplicitCredential", "Credssp", "Digest", "Kerberos")

var tPSSessions = &params.Type{Kind: params.KindObject, Name: "PSSession[]", FullName: "System.Management.Automation.Runspaces.PSSession[]", Array: true}

func sessionObject(ps *psSession) *object.PSObject {
	o := object.NewObject(TypePSSession, "System.Object")
	o.AddTyped("ComputerType", "System.Management.Automation.Runspaces.TargetMachineType", "RemoteMachine")
	o.AddTyped("State", "System.Management.Automation.Runspaces.RunspaceState", ps.State)
	o.AddTyped("IdleTimeout", "System.Int32", 900000)
	o.AddTyped("OutputBufferingMode", "System.Management.Automation.Runspaces.OutputBufferingMode", "None")
	o.AddTyped("DisconnectedOn", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("ExpiresOn", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("Transport", "System.String", "WSMan")
	o.AddTyped("ComputerName", "System.String", ps.ComputerName)
	o.AddTyped("ConfigurationName", "System.String", ps.ConfigurationName)
	g, _ := object.ParseGuid(ps.InstanceID)
	o.AddTyped("InstanceId", "System.Guid", g)
	o.AddTyped("Id", "System.Int32", ps.ID)
	o.AddTyped("Name", "System.String", ps.Name)
	avail := "Available"
	if ps.State != "Opened" {
		avail = "None"
	}
	o.AddTyped("Availability", "System.Management.Automation.Runspaces.RunspaceAvailability", avail)
	o.AddTyped("ApplicationPrivateData", "System.Management.Automation.PSPrimitiveDictionary", nil)
	o.AddTyped("Runspace", "System.Management.Automation.Runspaces.Runspace", "System.Management.Automation.RemoteRunspace")
	name := ps.Name
	o.ToStringFunc = func() string { return fmt.Sprintf("[PSSession]%s", name) }
	return o
}

// sessionFrom finds the session behind a bound -Session value.
func sessionFrom(rt *runtime.Runtime, v any) *psSession {
	o, ok := object.Unwrap(v).(*object.PSObject)
	if !ok {
		return nil
	}
	id, _ := o.Get("InstanceId")
	want := strings.ToLower(object.ToInvariantString(id))
	for _, ps := range stateOf(rt).sessions {
		if ps.InstanceID == want {
			return ps
		}
	}
	return nil
}

func newPSSession() *command.Command {
	c := cmdlet("New-PSSession", ModuleCore, "NewPSSessionCommand")
	c.Synopsis = "Opens a persistent connection to a remote computer; with -ConfigurationName Microsoft.Exchange to an on-premises Exchange server's remote PowerShell."
	c.OutputType = TypePSSession
	c.Sets = []string{"ComputerName", "Uri"}
	c.DefaultSet = "ComputerName"
	c.Params = []*params.Param{
		params.P("ComputerName", params.TStrings, params.InSets(params.Set("ComputerName", false, 0)), params.Alias("Cn")),
		params.P("ConnectionUri", &params.Type{Kind: params.KindString, Name: "Uri[]", FullName: "System.Uri[]", Array: true},
			params.InSets(params.Set("Uri", true, 0)), params.Alias("URI", "CU")),
		params.P("ConfigurationName", params.TString),
		params.P("Credential", params.TCredential),
		params.P("Authentication", tAuth),
		params.P("Name", params.TStrings),
		params.P("AllowRedirection", params.TSwitch, params.InSets(params.Set("Uri", false, -1))),
		params.P("SessionOption", params.TObject),
		params.P("Port", params.TInt, params.InSets(params.Set("ComputerName", false, -1))),
		params.P("UseSSL", params.TSwitch, params.InSets(params.Set("ComputerName", false, -1))),
	}
	c.Examples = []command.Example{
		{Code: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://mail.contoso.com/PowerShell/ -Authentication Kerberos; $s",
			Remark: "Connects to the on-premises Exchange server's remote PowerShell with the signed-in account."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		host, uri := "", ""
		if ctx.Has("ConnectionUri") {
			uri = strings.TrimSpace(ctx.String("ConnectionUri"))
			u, err := url.Parse(uri)
			if err != nil || u.Host == "" {
				return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot bind parameter 'ConnectionUri'. Cannot convert value \"%s\" to type \"System.Uri\".", uri),
					"CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.NewPSSessionCommand", object.InvalidArgument, "ParameterBindingException", uri))
			}
			host = u.Hostname()
		} else {
			host = strings.TrimSpace(ctx.String("ComputerName"))
			if host == "" {
				host = "localhost"
			}
			uri = "http://" + host + ":5985/wsman"
		}
		conf := ctx.String("ConfigurationName")
		if conf == "" {
			conf = "Microsoft.PowerShell"
		}
		if !strings.EqualFold(host, onprem.ServerFqdn) && !strings.EqualFold(host, onprem.Server) {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("[%s] Connecting to remote server %s failed with the following error message : The WinRM client cannot process the request because the server name cannot be resolved. For more information, see the about_Remote_Troubleshooting Help topic.", host, host),
				"CannotResolveHostName,PSSessionOpenFailed", object.OpenError, "PSRemotingTransportException", nil))
		}
		if !strings.EqualFold(conf, "Microsoft.Exchange") {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("[%s] Connecting to remote server %s failed with the following error message : The WS-Management service cannot process the request. Cannot find the %s session configuration in the WSMan: drive on the %s computer. For more information, see the about_Remote_Troubleshooting Help topic.", host, host, conf, host),
				"InvalidResourceUri,PSSessionOpenFailed", object.OpenError, "PSRemotingTransportException", nil))
		}
		s := stateOf(runtime.Of(ctx))
		s.nextID++
		user := "CONTOSO\\administrator"
		if o, ok := object.Unwrap(ctx.Value("Credential")).(*object.PSObject); ok {
			if u, ok := o.Get("UserName"); ok {
				user = object.ToInvariantString(u)
			}
		}
		ps := &psSession{
			ID: s.nextID, Name: fmt.Sprintf("WinRM%d", s.nextID), InstanceID: runtime.Of(ctx).NewGuid().String(),
			ComputerName: strings.ToLower(host), ConnectionURI: uri, ConfigurationName: "Microsoft.Exchange",
			Authentication: ctx.String("Authentication"), User: user, State: "Opened",
		}
		if strings.EqualFold(host, onprem.Server) {
			ps.ComputerName = onprem.ServerFqdn
		}
		if n := ctx.String("Name"); n != "" {
			ps.Name = n
		}
		s.sessions = append(s.sessions, ps)
		return ctx.WriteObject(sessionObject(ps))
	}
	return c
}

func getPSSession() *command.Command {
	c := cmdlet("Get-PSSession", ModuleCore, "GetPSSessionCommand")
	c.Synopsis = "Lists the PowerShell sessions (PSSessions) opened in this session."
	c.OutputType = TypePSSession
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Position(0)),
		params.P("Id", &params.Type{Kind: params.KindInt, Name: "Int32[]", FullName: "System.Int32[]", Array: true}),
		params.P("InstanceId", &params.Type{Kind: params.KindGuid, Name: "Guid[]", FullName: "System.Guid[]", Array: true}),
	}
	c.Examples = []command.Example{{Code: "Get-PSSession", Remark: "Lists the open sessions."}}
	c.Handler.Process = func(ctx *command.Context) error {
		sessions := stateOf(runtime.Of(ctx)).sessions
		if ctx.Has("InstanceId") {
			if ctx.Value("InstanceId") == nil {
				// the parameter is ValidateNotNull: $null fails its binding
				rec := ctx.NewError("Cannot validate argument on parameter 'InstanceId'. The argument is null. Provide a valid value for the argument, and then try running the command again.",
					"ParameterArgumentValidationError", object.InvalidData, "ParameterBindingValidationException", nil)
				rec.ExceptionFullType = "System.Management.Automation.ParameterBindingValidationException"
				return ctx.Fail(rec)
			}
			// each instance ID names one session; one that names none is an error
			for _, id := range ctx.Strings("InstanceId") {
				found := false
				for _, ps := range sessions {
					if strings.EqualFold(ps.InstanceID, id) {
						found = true
						if err := ctx.WriteObject(sessionObject(ps)); err != nil {
							return err
						}
					}
				}
				if !found {
					if err := ctx.WriteError(ctx.NewError("Remote session is not available for "+id+".",
						"RemoteRunspaceNotAvailableForSpecifiedRunspaceId", object.InvalidArgument, "ArgumentException", id)); err != nil {
						return err
					}
				}
			}
			return nil
		}
		names := ctx.Strings("Name")
		for _, ps := range sessions {
			if len(names) > 0 && !wildcard.MatchAny(names, ps.Name) {
				continue
			}
			if ctx.Has("Id") && !containsInt(ctx.Value("Id"), ps.ID) {
				continue
			}
			if err := ctx.WriteObject(sessionObject(ps)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func containsInt(v any, n int) bool {
	switch x := object.Unwrap(v).(type) {
	case []any:
		for _, e := range x {
			if containsInt(e, n) {
				return true
			}
		}
		return false
	case *object.List:
		return containsInt(x.Items, n)
	}
	return object.ToInvariantString(object.Unwrap(v)) == fmt.Sprint(n)
}

func removePSSession() *command.Command {
	c := cmdlet("Remove-PSSession", ModuleCore, "RemovePSSessionCommand")
	c.Synopsis = "Closes PowerShell sessions; commands imported from them are no longer available."
	c.SupportsShouldProcess = true
	c.Sets = []string{"Session", "Id", "Name"}
	c.DefaultSet = "Session"
	c.Params = []*params.Param{
		params.P("Session", tPSSessions, params.InSets(params.SetInfo{Set: "Session", Mandatory: true, Position: 0, FromPipeline: true})),
		params.P("Id", &params.Type{Kind: params.KindInt, Name: "Int32[]", FullName: "System.Int32[]", Array: true}, params.InSets(params.Set("Id", true, 0))),
		params.P("Name", params.TStrings, params.InSets(params.Set("Name", true, -1))),
	}
	c.Examples = []command.Example{
		{Code: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://mail.contoso.com/PowerShell/ -Authentication Kerberos; Remove-PSSession $s",
			Remark: "Opens a session to the on-premises server and closes it again."},
		{Code: "Get-PSSession | Remove-PSSession", Remark: "Closes every session."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		s := stateOf(runtime.Of(ctx))
		var targets []*psSession
		switch {
		case ctx.Has("Session"):
			v := object.Unwrap(ctx.Value("Session"))
			items := []any{v}
			if l, ok := v.([]any); ok {
				items = l
			}
			for _, it := range items {
				if ps := sessionFrom(runtime.Of(ctx), it); ps != nil {
					targets = append(targets, ps)
				}
			}
		case ctx.Has("Id"):
			for _, ps := range s.sessions {
				if containsInt(ctx.Value("Id"), ps.ID) {
					targets = append(targets, ps)
				}
			}
		default:
			names := ctx.Strings("Name")
			for _, ps := range s.sessions {
				if wildcard.MatchAny(names, ps.Name) {
					targets = append(targets, ps)
				}
			}
		}
		for _, ps := range targets {
			ok, err := ctx.ShouldProcess(fmt.Sprintf("%s (Id %d)", ps.Name, ps.ID), "Remove-PSSession")
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			ps.State = "Closed"
			var kept []*psSession
			for _, o := range s.sessions {
				if o != ps {
					kept = append(kept, o)
				}
			}
			s.sessions = kept
			if s.imported == ps {
				unimport(runtime.Of(ctx))
			}
		}
		return nil
	}
	return c
}

// unimport removes the imported on-premises commands and puts back what
// they replaced.
func unimport(rt *runtime.Runtime) {
	s := stateOf(rt)
	for _, n := range s.importedNames {
		if _, ok := s.displaced[strings.ToLower(n)]; ok {
			continue
		}
		if c := rt.Registered(n); c != nil && c.Module != "" && strings.HasPrefix(c.Module, "tmp_") && !decl.OnPremOnly(c) {
			// an imported command with no cloud counterpart: hide it by
			// registering nothing over it; an on-premises-only one hides itself
			// (reached).
			c.Visible = func(command.Session) bool { return false }
		}
	}
	restoreDisplaced(rt)
	s.imported, s.importedNames = nil, nil
}

func importPSSession() *command.Command {
	c := cmdlet("Import-PSSession", ModuleUtility, "ImportPSSessionCommand")
	c.Synopsis = "Imports the commands of a PSSession into this session as a temporary module; for an Exchange server, its Exchange cmdlets."
	c.OutputType = TypeModuleInfo
	c.Params = []*params.Param{
		params.P("Session", &params.Type{Kind: params.KindObject, Name: "PSSession", FullName: TypePSSession}, params.Mandatory(), params.Position(0)),
		params.P("CommandName", params.TStrings, params.Position(1), params.Alias("Name")),
		params.P("DisableNameChecking", params.TSwitch),
		params.P("AllowClobber", params.TSwitch),
		params.P("Prefix", params.TString),
		params.P("CommandType", params.TString, params.Alias("Type")),
		params.P("Module", params.TStrings, params.Alias("PSSnapin")),
		params.P("FormatTypeName", params.TStrings, params.Position(2)),
		params.P("ArgumentList", params.TObjects, params.Alias("Args")),
	}
	c.Examples = []command.Example{
		{Code: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://mail.contoso.com/PowerShell/ -Authentication Kerberos; Import-PSSession $s -DisableNameChecking; Get-MailboxDatabase",
			Remark: "Imports the on-premises server's commands and lists its mailbox databases."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ps := sessionFrom(runtime.Of(ctx), ctx.Value("Session"))
		if ps == nil || ps.State != "Opened" {
			return ctx.Fail(ctx.NewError("Cannot bind argument to parameter 'Session' because the session is closed or isn't a PSSession of this session.",
				"ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ImportPSSessionCommand", object.InvalidData, "ParameterBindingValidationException", nil))
		}
		s := stateOf(runtime.Of(ctx))
		if s.imported != nil && s.imported != ps {
			unimport(runtime.Of(ctx))
		}
		ps.Module = moduleName(ps)
		only := ctx.Strings("CommandName")
		prefix := ctx.String("Prefix")
		var names, skipped []string
		cmds := append([]*command.Command{getMailboxDatabase()}, shadowing()...)
		for _, cmd := range cmds {
			if len(only) > 0 && !wildcard.MatchAny(only, cmd.Name) {
				continue
			}
			if prefix != "" {
				cmd.Name = cmd.Verb() + "-" + prefix + cmd.Noun()
			}
			cmd.Module, cmd.Version = ps.Module, "1.0"
			if existing, ok := runtime.Of(ctx).LookupCommand(cmd.Name); ok && !ctx.Switch("AllowClobber") && existing.Module != ps.Module && !decl.OnPremOnly(existing) {
				skipped = append(skipped, cmd.Name) // PowerShell keeps the session's own command
				continue
			}
			key := strings.ToLower(cmd.Name)
			if old := runtime.Of(ctx).Registered(cmd.Name); old != nil && !decl.OnPremOnly(old) && !strings.HasPrefix(old.Module, "tmp_") {
				if _, saved := s.displaced[key]; !saved {
					s.displaced[key] = old
				}
			}
			runtime.Of(ctx).Register(cmd)
			names = append(names, cmd.Name)
		}
		// PowerShell names the commands it skipped in one warning; when it
		// skipped every command it creates no module and stops.
		if len(skipped) > 0 {
			sort.Strings(skipped)
			ctx.WriteWarning(fmt.Sprintf("Proxy creation has been skipped for the following command: '%s', because it would shadow an existing local command.  Use the AllowClobber parameter if you want to shadow existing local commands.", strings.Join(skipped, ", ")))
			if len(names) == 0 {
				return ctx.Fail(ctx.NewError("No command proxies have been created, because all of the requested remote commands would shadow existing local commands.  Use the AllowClobber parameter if you want to shadow existing local commands.",
					"ErrorNoCommandsImportedBecauseOfSkipping,Microsoft.PowerShell.Commands.ImportPSSessionCommand", object.InvalidResult, "ArgumentException", nil))
			}
		}
		s.imported, s.importedNames = ps, names
		sort.Strings(names)
		exported := make([]any, 0, len(names))
		for _, n := range names {
			exported = append(exported, n)
		}
		o := object.NewObject(TypeModuleInfo, "System.Object")
		o.AddTyped("LogPipelineExecutionDetails", "System.Boolean", false)
		o.AddTyped("Name", "System.String", ps.Module)
		o.AddTyped("Path", "System.String", "/tmp/"+ps.Module+"/"+ps.Module+".psm1")
		o.AddTyped("Description", "System.String", fmt.Sprintf("Implicit remoting for %s", ps.ConnectionURI))
		o.AddTyped("ModuleType", "System.Management.Automation.ModuleType", "Script")
		o.AddTyped("Version", "System.Version", "1.0")
		o.AddTyped("PreRelease", "System.String", nil)
		o.AddTyped("ExportedCommands", "System.Collections.Generic.Dictionary`2[[System.String],[System.Management.Automation.CommandInfo]]", exported)
		o.AddTyped("ExportedFunctions", "System.Collections.Generic.Dictionary`2[[System.String],[System.Management.Automation.FunctionInfo]]", exported)
		mod := ps.Module
		o.ToStringFunc = func() string { return mod }
		return ctx.WriteObject(o)
	}
	return c
}
