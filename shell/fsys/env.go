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
}

// EnvVar is one environment variable.
type EnvVar struct {
	Name, Value string
}

// NewEnv returns an environment holding the "NAME=value" entries of list
// (os.Environ's form).
func NewEnv(list []string) *Env {
	e := &Env{vars: make(map[string]EnvVar, len(list))}
	for _, kv := range list {
		if i := strings.IndexByte(kv, '='); i > 0 {
			e.Set(kv[:i], kv[i+1:])
		}
	}
	return e
}

// Get returns a variable's value.
func (e *Env) Get(name string) (string, bool) {
	v, ok := e.vars[strings.ToLower(name)]
	return v.Value, ok
}

// Set sets a variable; an empty value removes it, as in PowerShell.
func (e *Env) Set(name, value string) {
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
func (e *Env) Unset(name string) { delete(e.vars, strings.ToLower(name)) }

// List returns the variables sorted by name without regard to case.
func (e *Env) List() []EnvVar {
	out := make([]EnvVar, 0, len(e.vars))
	for _, v := range e.vars {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Simulate sets the variables of a Windows session for the namespace's
// user, all pointing into the C: drive: USERNAME, USERPROFILE, TEMP,
// COMPUTERNAME and their usual companions.
func (e *Env) Simulate(n *Namespace) {
	u := n.User()
	profile := `C:\Users\` + u
	for _, kv := range [][2]string{
		{"COMPUTERNAME", Computer},
		{"USERDOMAIN", Computer},
		{"USERNAME", u},
		{"USERPROFILE", profile},
		{"HOMEDRIVE", "C:"},
		{"HOMEPATH", `\Users\` + u},
		{"APPDATA", profile + `\AppData\Roaming`},
		{"LOCALAPPDATA", profile + `\AppData\Local`},
		{"TEMP", profile + `\AppData\Local\Temp`},
		{"TMP", profile + `\AppData\Local\Temp`},
		{"SystemDrive", "C:"},
	} {
		e.Unset(kv[0])
		e.Set(kv[0], kv[1])
	}
}
