// Package intrinsics is $ExecutionContext, PowerShell's EngineIntrinsics,
// and what hangs from it: the SessionState of the code reading it, with
// its Path (PathIntrinsics: the current location, a PowerShell path made
// a provider path) and PSVariable (PSVariableIntrinsics: read, set and
// remove a variable by name), and InvokeCommand
// (CommandInvocationIntrinsics: expand a string as a double-quoted one,
// find a command, run script text or a script block, make a script
// block). The values reach the interpreter only through Session.
package intrinsics

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/scope"
)

// Session is the interpreter as the intrinsics reach it.
type Session interface {
	// Host is $Host; Module the PSModuleInfo of the script module whose
	// code runs now (nil outside one).
	Host() any
	Module() any
	// Run runs a script block with args as $args (and bound to its
	// param() block) and input as $input: in a new scope as `& $sb`
	// does, or in the caller's scope as `. $sb` does (newScope false).
	// Its output comes back as a list.
	Run(sb *automation.ScriptBlock, newScope bool, input, args []any) ([]any, error)
	// Command is the CommandInfo Get-Command gives for the command a
	// name finds among the command types named (nil: none).
	Command(name string, types any) (any, error)
	// Files are the session's drives and current location.
	Files() *fsys.Namespace
	// Variable is the variable a name finds from the current scope (nil
	// for none); SetVariable assigns one as `$name = v` does,
	// RemoveVariable removes one as Remove-Variable does.
	Variable(name string) *scope.Variable
	SetVariable(name string, v any) error
	RemoveVariable(name string) error
}

// Type names.
const (
	engineType    = "System.Management.Automation.EngineIntrinsics"
	stateType     = "System.Management.Automation.SessionState"
	commandsType  = "System.Management.Automation.CommandInvocationIntrinsics"
	pathsType     = "System.Management.Automation.PathIntrinsics"
	variablesType = "System.Management.Automation.PSVariableIntrinsics"
)

// Engine is $ExecutionContext.
type Engine struct{ s Session }

// New is the $ExecutionContext of a session.
func New(s Session) *Engine { return &Engine{s: s} }

// SessionState is a SessionState: the one of the code that read it
// (Module is the module whose code that was, nil for the session's own).
type SessionState struct {
	s      Session
	module any
}

// Commands is a CommandInvocationIntrinsics.
type Commands struct{ s Session }

// Paths is a PathIntrinsics.
type Paths struct{ s Session }

// Variables is a PSVariableIntrinsics.
type Variables struct{ s Session }

// Each value is of its .NET type, and reads as its type's name (none of
// them overrides ToString).
func (e *Engine) PSType() *dotnet.TypeInfo       { return dotnet.TypeByName(engineType) }
func (e *Engine) PSTypeName() string             { return engineType }
func (e *Engine) String() string                 { return engineType }
func (s *SessionState) PSType() *dotnet.TypeInfo { return dotnet.TypeByName(stateType) }
func (s *SessionState) PSTypeName() string       { return stateType }
func (s *SessionState) String() string           { return stateType }
func (c *Commands) PSType() *dotnet.TypeInfo     { return dotnet.TypeByName(commandsType) }
func (c *Commands) PSTypeName() string           { return commandsType }
func (c *Commands) String() string               { return commandsType }
func (p *Paths) PSType() *dotnet.TypeInfo        { return dotnet.TypeByName(pathsType) }
func (p *Paths) PSTypeName() string              { return pathsType }
func (p *Paths) String() string                  { return pathsType }
func (v *Variables) PSType() *dotnet.TypeInfo    { return dotnet.TypeByName(variablesType) }
func (v *Variables) PSTypeName() string          { return variablesType }
func (v *Variables) String() string              { return variablesType }

// state is the SessionState of the code running now.
func (e *Engine) state() *SessionState { return &SessionState{s: e.s, module: e.s.Module()} }

// Adapted lists the properties output shows.
func (e *Engine) Adapted() []*object.Property {
	return []*object.Property{
		prop("Host", "System.Management.Automation.Host.PSHost", e.s.Host()),
		prop("SessionState", stateType, e.state()),
		prop("InvokeCommand", commandsType, &Commands{s: e.s}),
	}
}

// Adapted lists the properties output shows.
func (s *SessionState) Adapted() []*object.Property {
	return []*object.Property{
		prop("InvokeCommand", commandsType, &Commands{s: s.s}),
		prop("LanguageMode", "System.Management.Automation.PSLanguageMode", fullLanguage),
		prop("Module", "psmoduleinfo", s.module),
		prop("Path", pathsType, &Paths{s: s.s}),
		prop("PSVariable", variablesType, &Variables{s: s.s}),
	}
}

// Adapted lists the properties output shows.
func (c *Commands) Adapted() []*object.Property {
	return []*object.Property{prop("HasErrors", "bool", false)}
}

// Adapted lists the properties output shows.
func (p *Paths) Adapted() []*object.Property {
	loc := provider.PathInfo(p.s.Files().Location())
	return []*object.Property{
		prop("CurrentLocation", "System.Management.Automation.PathInfo", loc),
		prop("CurrentFileSystemLocation", "System.Management.Automation.PathInfo", p.fileSystemLocation()),
	}
}

// Adapted: a PSVariableIntrinsics has no properties.
func (v *Variables) Adapted() []*object.Property { return nil }

func prop(name, typeName string, v any) *object.Property {
	return &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: typeName}
}

var fullLanguage = object.Enum{Type: "System.Management.Automation.PSLanguageMode", Name: "FullLanguage"}

// fileSystemLocation is the location on the FileSystem provider: the
// current one when it is on a FileSystem drive, else the one the
// session's first FileSystem drive keeps.
func (p *Paths) fileSystemLocation() any {
	n := p.s.Files()
	loc := n.Location()
	if loc.Drive.Provider == fsys.FileSystem {
		return provider.PathInfo(loc)
	}
	for _, d := range n.Drives() {
		if d.Provider == fsys.FileSystem {
			return provider.PathInfo(d.Location())
		}
	}
	return nil
}

// Declare registers the types, and the enums of the engine's settings
// scripts name ($ErrorActionPreference's ActionPreference,
// $ConfirmPreference's ConfirmImpact, the language mode, GetCommand's
// CommandTypes).
func Declare() {
	get := func(fn func(self any) any) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) { return fn(object.Unwrap(c.Self)), nil })
	}
	is := func(fn func(v any) bool) func(*dotnet.TypeInfo, any) bool {
		return func(_ *dotnet.TypeInfo, v any) bool { return fn(object.Unwrap(v)) }
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: engineType, Assembly: "System.Management.Automation",
		Is: is(func(v any) bool { _, ok := v.(*Engine); return ok }),
		Members: dotnet.Members{
			"Host":          get(func(v any) any { return v.(*Engine).s.Host() }),
			"SessionState":  get(func(v any) any { return v.(*Engine).state() }),
			"InvokeCommand": get(func(v any) any { return &Commands{s: v.(*Engine).s} }),
		}})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: stateType, Assembly: "System.Management.Automation",
		Is: is(func(v any) bool { _, ok := v.(*SessionState); return ok }),
		Members: dotnet.Members{
			"InvokeCommand": get(func(v any) any { return &Commands{s: v.(*SessionState).s} }),
			"LanguageMode":  get(func(any) any { return fullLanguage }),
			"Module":        get(func(v any) any { return v.(*SessionState).module }),
			"Path":          get(func(v any) any { return &Paths{s: v.(*SessionState).s} }),
			"PSVariable":    get(func(v any) any { return &Variables{s: v.(*SessionState).s} }),
		}})
	declareCommands()
	declarePaths()
	declareVariables()
	const ns = "System.Management.Automation."
	for _, d := range []*dotnet.TypeDef{
		dotnet.EnumDef(ns+"ActionPreference", false, "SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
		dotnet.EnumDef(ns+"ConfirmImpact", false, "None", "Low", "Medium", "High"),
		dotnet.EnumDef(ns+"PSLanguageMode", false, "FullLanguage", "RestrictedLanguage", "NoLanguage", "ConstrainedLanguage"),
		dotnet.EnumDef(ns+"CommandTypes", true, "Alias=1", "Function=2", "Filter=4", "Cmdlet=8", "ExternalScript=16", "Application=32", "Script=64", "Configuration=256", "All=383"),
	} {
		d.Assembly = "System.Management.Automation"
		dotnet.RegisterType(d)
	}
}

// pathArg is a method's path argument resolved against the current
// location; a path that cannot be (a drive the session lacks) is the
// method's exception, in the provider's words.
func pathArg(c *dotnet.Call, n *fsys.Namespace) (fsys.Path, error) {
	p, err := n.Resolve(c.Str(0))
	if err != nil {
		if fe, ok := provider.PathError(err); ok {
			return fsys.Path{}, &dotnet.MethodException{Msg: fe.Message}
		}
		return fsys.Path{}, &dotnet.MethodException{Msg: err.Error()}
	}
	return p, nil
}

// declarePaths declares PathIntrinsics: the current location (on the
// FileSystem provider too), a path made the provider's whether or not
// it exists, and the PowerShell paths a path's wildcards find.
func declarePaths() {
	paths := func(c *dotnet.Call) *Paths { return object.Unwrap(c.Self).(*Paths) }
	dotnet.RegisterType(&dotnet.TypeDef{FullName: pathsType, Assembly: "System.Management.Automation",
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*Paths); return ok },
		Members: dotnet.Members{
			"CurrentLocation": dotnet.Prop(func(c *dotnet.Call) (any, error) {
				return provider.PathInfo(paths(c).s.Files().Location()), nil
			}),
			"CurrentFileSystemLocation": dotnet.Prop(func(c *dotnet.Call) (any, error) {
				return paths(c).fileSystemLocation(), nil
			}),
			"GetUnresolvedProviderPathFromPSPath": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				p, err := pathArg(c, paths(c).s.Files())
				if err != nil {
					return nil, err
				}
				return p.ProviderPath(), nil
			}),
			"GetResolvedPSPathFromPSPath": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				n := paths(c).s.Files()
				if _, err := pathArg(c, n); err != nil {
					return nil, err
				}
				found, _ := n.Expand(c.Str(0))
				out := &object.List{}
				for _, p := range found {
					if n.Exists(p) {
						out.Append(provider.PathInfo(p))
					}
				}
				if len(out.Items) == 0 {
					return nil, &dotnet.MethodException{Msg: "Cannot find path '" + c.Str(0) + "' because it does not exist."}
				}
				return out, nil
			}),
		}})
}

// declareVariables declares PSVariableIntrinsics: a variable's
// PSVariable or value by name, and setting and removing one.
func declareVariables() {
	vars := func(c *dotnet.Call) Session { return object.Unwrap(c.Self).(*Variables).s }
	dotnet.RegisterType(&dotnet.TypeDef{FullName: variablesType, Assembly: "System.Management.Automation",
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*Variables); return ok },
		Members: dotnet.Members{
			"Get": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if v := vars(c).Variable(c.Str(0)); v != nil {
					return v.Info(), nil
				}
				return nil, nil
			}),
			// GetValue(name[, default]): the default stands for a
			// variable that does not exist.
			"GetValue": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				if v := vars(c).Variable(c.Str(0)); v != nil {
					return v.Value, nil
				}
				if len(c.Args) == 2 {
					return c.Args[1], nil
				}
				return nil, nil
			}),
			"Set": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				return dotnet.Void{}, scriptError(vars(c).SetVariable(c.Str(0), c.Args[1]))
			}),
			"Remove": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				return dotnet.Void{}, scriptError(vars(c).RemoveVariable(c.Str(0)))
			}),
		}})
}

// scriptError is a refused variable operation as the method's exception.
func scriptError(err error) error {
	if se, ok := err.(*scope.Error); ok {
		return &dotnet.MethodException{Msg: se.Message}
	}
	return automation.MethodError(err)
}

// declareCommands declares CommandInvocationIntrinsics.
func declareCommands() {
	sess := func(c *dotnet.Call) Session { return object.Unwrap(c.Self).(*Commands).s }
	dotnet.RegisterType(&dotnet.TypeDef{FullName: commandsType, Assembly: "System.Management.Automation",
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*Commands); return ok },
		Members: dotnet.Members{
			"HasErrors": dotnet.Prop(func(*dotnet.Call) (any, error) { return false, nil }),
			// ExpandString expands its text as the inside of a
			// double-quoted string in the caller's scope: a double quote
			// in it is a literal one, `$` and backtick escapes apply.
			"ExpandString": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				sb, err := automation.Create(`"` + strings.ReplaceAll(c.Str(0), `"`, `""`) + `"`)
				if err != nil {
					return nil, err
				}
				out, err := sess(c).Run(sb, false, nil, nil)
				if err != nil || len(out) == 0 {
					return "", automation.MethodError(err)
				}
				s, _ := object.Unwrap(out[0]).(string)
				return s, nil
			}),
			// GetCommand(name, types[, arguments]) finds a command as
			// Get-Command does, $null when there is none.
			"GetCommand": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
				return sess(c).Command(c.Str(0), c.Args[1])
			}),
			"GetCmdlet": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				return sess(c).Command(c.Str(0), "Cmdlet")
			}),
			"NewScriptBlock": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				return automation.Create(c.Str(0))
			}),
			"InvokeScript": dotnet.Method(1, -1, invokeScript),
		}})
}

// invokeScript is InvokeScript's overloads: (text, args...) runs the text
// in a new scope; (useLocalScope, block, input, args...) runs the block
// in a new scope or the caller's, with input as $input; (sessionState,
// block, args...) runs it in the caller's scope. Each returns the output
// as a collection.
func invokeScript(c *dotnet.Call) (any, error) {
	s := object.Unwrap(c.Self).(*Commands).s
	var (
		sb       *automation.ScriptBlock
		newScope = true
		input    []any
		args     []any
	)
	first := object.Unwrap(c.Args[0])
	block := func() (*automation.ScriptBlock, bool) {
		if len(c.Args) < 2 {
			return nil, false
		}
		b, ok := object.Unwrap(c.Args[1]).(*automation.ScriptBlock)
		return b, ok
	}
	switch f := first.(type) {
	case bool:
		b, ok := block()
		if !ok || len(c.Args) < 3 {
			return nil, dotnet.OverloadCountError("InvokeScript", len(c.Args))
		}
		sb, newScope = b, f
		if items, ok := object.Elements(c.Args[2]); ok {
			input = items
		} else if c.Args[2] != nil {
			input = []any{c.Args[2]}
		}
		args = c.Args[3:]
	case *SessionState:
		b, ok := block()
		if !ok {
			return nil, dotnet.OverloadCountError("InvokeScript", len(c.Args))
		}
		sb, newScope, args = b, false, c.Args[2:]
	default:
		var err error
		if sb, err = automation.Create(c.Str(0)); err != nil {
			return nil, err
		}
		args = c.Args[1:]
	}
	out, err := s.Run(sb, newScope, input, args)
	if err != nil {
		return nil, automation.MethodError(err)
	}
	return &object.List{Items: out}, nil
}
