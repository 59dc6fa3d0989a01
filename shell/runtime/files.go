package runtime

import (
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/provider"
)

// The session's file system: the host injects a namespace (drives and the
// current location over an fsys.FS) and an environment; every
// script-visible file, the current location and $env: go through them
// (shell/provider reads and writes the files).

// Files returns the session's drives and current location.
func (rt *Runtime) Files() *fsys.Namespace {
	rt.filesReady()
	return rt.files
}

// Env returns the session's environment variables.
func (rt *Runtime) Env() *fsys.Env {
	rt.filesReady()
	return rt.env
}

// SetFiles installs the namespace and environment the host chose and sets
// $PWD.
func (rt *Runtime) SetFiles(n *fsys.Namespace, env *fsys.Env) {
	rt.filesOnce.Do(func() {}) // a SetFilesLater maker no longer runs
	rt.installFiles(n, env)
	// made when first read: a location changes only by SetLocation,
	// which sets $PWD again
	loc := n.Location()
	rt.global.SetLazy("PWD", func() any { return provider.PathInfo(loc) })
}

// SetFilesLater is SetFiles of what make returns, made the first time
// the session asks for its files or its environment (Files, Env, $PWD, a
// path, $env:): a command line that uses neither never makes them.
func (rt *Runtime) SetFilesLater(make func() (*fsys.Namespace, *fsys.Env)) {
	rt.makeFiles = make
	rt.global.SetLazy("PWD", func() any { return provider.PathInfo(rt.Files().Location()) })
}

// filesReady runs the SetFilesLater maker if it has not run.
func (rt *Runtime) filesReady() {
	if rt.makeFiles != nil {
		rt.filesOnce.Do(func() { rt.installFiles(rt.makeFiles()) })
	}
}

func (rt *Runtime) installFiles(n *fsys.Namespace, env *fsys.Env) {
	n.SetClock(rt.Now)
	rt.files = n
	rt.env = env
}

// SetLocation makes p the current location and updates $PWD.
func (rt *Runtime) SetLocation(p fsys.Path) {
	rt.Files().SetLocation(p)
	rt.global.Set("PWD", provider.PathInfo(p))
}

// RemoveFunction removes a function from the scope that defines it
// (Remove-Item Function:\name): a read-only one only with force, a
// constant one never (a *scope.Error).
func (rt *Runtime) RemoveFunction(name string, force bool) (bool, error) {
	return rt.scope.RemoveFunction(name, force)
}

// RemoveAlias removes an alias (Remove-Item Alias:\name): the one of the
// nearest scope that has it, else the built-in one.
func (rt *Runtime) RemoveAlias(name string) bool {
	return rt.scope.DropAlias(name) || rt.cmds.RemoveAlias(name)
}
