package members

// engineMemberText describes the members of $ExecutionContext and the
// intrinsics it leads to, of regex match collections, [ref] and
// ServicePointManager, in memberText's form.
func engineMemberText() map[string]struct{ params, text string } {
	return map[string]struct{ params, text string }{
		"System.Management.Automation.EngineIntrinsics": {"", `
	Property Host: System.Management.Automation.Host.PSHost Host {get;}
	Property InvokeCommand: System.Management.Automation.CommandInvocationIntrinsics InvokeCommand {get;}
	Property SessionState: System.Management.Automation.SessionState SessionState {get;}
	`},
		"System.Management.Automation.CommandInvocationIntrinsics": {"", `
	Property HasErrors: bool HasErrors {get;set;}
	Method ExpandString: string ExpandString(string source)
	Method GetCmdlet: System.Management.Automation.CmdletInfo GetCmdlet(string commandName)
	Method GetCommand: System.Management.Automation.CommandInfo GetCommand(string commandName, System.Management.Automation.CommandTypes type) | System.Management.Automation.CommandInfo GetCommand(string commandName, System.Management.Automation.CommandTypes type, System.Object[] arguments)
	Method InvokeScript: System.Collections.ObjectModel.Collection[psobject] InvokeScript(string script) | System.Collections.ObjectModel.Collection[psobject] InvokeScript(string script, Params System.Object[] args)
	Method NewScriptBlock: scriptblock NewScriptBlock(string scriptText)
	`},
		"System.Management.Automation.SessionState": {"", `
	Property InvokeCommand: System.Management.Automation.CommandInvocationIntrinsics InvokeCommand {get;}
	Property LanguageMode: System.Management.Automation.PSLanguageMode LanguageMode {get;set;}
	Property Module: psmoduleinfo Module {get;}
	Property Path: System.Management.Automation.PathIntrinsics Path {get;}
	Property PSVariable: System.Management.Automation.PSVariableIntrinsics PSVariable {get;}
	`},
		"System.Management.Automation.PathIntrinsics": {"", `
	Property CurrentFileSystemLocation: System.Management.Automation.PathInfo CurrentFileSystemLocation {get;}
	Property CurrentLocation: System.Management.Automation.PathInfo CurrentLocation {get;}
	Method GetResolvedPSPathFromPSPath: System.Collections.ObjectModel.Collection[System.Management.Automation.PathInfo] GetResolvedPSPathFromPSPath(string path)
	Method GetUnresolvedProviderPathFromPSPath: string GetUnresolvedProviderPathFromPSPath(string path)
	`},
		"System.Management.Automation.PSVariableIntrinsics": {"", `
	Method Get: psvariable Get(string name)
	Method GetValue: System.Object GetValue(string name) | System.Object GetValue(string name, System.Object defaultValue)
	Method Remove: void Remove(string name) | void Remove(psvariable variable)
	Method Set: void Set(string name, System.Object value) | void Set(psvariable variable)
	`},
		"System.Text.RegularExpressions.MatchCollection": {"", `
	Property Count: int Count {get;}
	`},
		"System.Text.RegularExpressions.GroupCollection": {"", `
	Property Count: int Count {get;}
	Property Keys: System.Collections.Generic.IEnumerable[string] Keys {get;}
	Method ContainsKey: bool ContainsKey(string key)
	`},
		"System.Management.Automation.PSReference": {"", `
	Property Value: System.Object Value {get;set;}
	`},
		"System.Net.ServicePointManager": {"", `
	Property SecurityProtocol: static System.Net.SecurityProtocolType SecurityProtocol {get;set;}
	`},
	}
}
