package fsys

import (
	"sort"
	"strings"
)

// Env is a session's environment variables. Names are found without
// regard to case, as on Windows, where the runbooks exosim rehearses were
// written ($env:Temp and $env:TEMP are one variable). Setting or removing
// a variable never changes the exosim process's own environment.
type Env struct {
	vars map[string]EnvVar
	// list and user are what NewEnv and Simulate were given, until the
	// first use of the variables sets them (made): most sessions read
	// none of them.
	list     []string
	simulate bool
	user     string
	made     bool
}

// EnvVar is one environment variable.
type EnvVar struct {
	Name, Value string
}

// NewEnv returns an environment holding the "NAME=value" entries of list
// (os.Environ's form).
func NewEnv(list []string) *Env { return &Env{list: list} }

// make sets the variables NewEnv and Simulate were given, the first time
// the environment is used.
func (e *Env) make() {
	if e.made {
		return
	}
	e.made = true
	e.vars = make(map[string]EnvVar, len(e.list)+len(simulated))
	for _, kv := range e.list {
		if i := strings.IndexByte(kv, '='); i > 0 {
			e.Set(kv[:i], kv[i+1:])
		}
	}
	e.list = nil
	if e.simulate {
		e.simulateFor(e.user)
	}
}

// Get returns a variable's value.
func (e *Env) Get(name string) (string, bool) {
	e.make()
	v, ok := e.vars[strings.ToLower(name)]
	return v.Value, ok
}

// Set sets a variable; an empty value removes it, as in PowerShell.
func (e *Env) Set(name, value string) {
	e.make()
	if value == "" {
		e.Unset(name)
		return
	}
	k := strings.ToLower(name)
	if old, ok := e.vars[k]; ok {
		name = old.Name
	}
	e.vars[k] = EnvVar{Name: name, Value: value}
}

// Unset removes a variable.
func (e *Env) Unset(name string) {
	e.make()
	delete(e.vars, strings.ToLower(name))
}

// List returns the variables sorted by name without regard to case.
func (e *Env) List() []EnvVar {
	e.make()
	out := make([]EnvVar, 0, len(e.vars))
	for _, v := range e.vars {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// simulated are the variables Simulate sets.
var simulated = [...]string{"COMPUTERNAME", "USERDOMAIN", "USERNAME", "USERPROFILE", "HOMEDRIVE", "HOMEPATH",
	"APPDATA", "LOCALAPPDATA", "TEMP", "TMP", "SystemDrive"}

// Simulate sets the variables of a Windows session for the namespace's
// user, all pointing into the C: drive: USERNAME, USERPROFILE, TEMP,
// COMPUTERNAME and their usual companions.
func (e *Env) Simulate(n *Namespace) {
	if !e.made {
		e.simulate, e.user = true, n.User()
		return
	}
	e.simulateFor(n.User())
}

// simulateFor is Simulate for the user u.
func (e *Env) simulateFor(u string) {
	profile := `C:\Users\` + u
	for i, v := range [len(simulated)]string{Computer, Computer, u, profile, "C:", `\Users\` + u,
		profile + `\AppData\Roaming`, profile + `\AppData\Local`, profile + `\AppData\Local\Temp`, profile + `\AppData\Local\Temp`, "C:"} {
		e.Unset(simulated[i])
		e.Set(simulated[i], v)
	}
}
