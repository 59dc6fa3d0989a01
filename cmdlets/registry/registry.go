// Package registry assembles a PowerShell session over a tenant: it
// registers every cmdlet package, their formatting views and aliases, and
// binds the session's clock to the tenant's simulated clock.
package registry

import (
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/addressbook"
	"github.com/exosim/exosim/cmdlets/addresspolicy"
	"github.com/exosim/exosim/cmdlets/antispam"
	"github.com/exosim/exosim/cmdlets/appaccess"
	"github.com/exosim/exosim/cmdlets/authpolicy"
	"github.com/exosim/exosim/cmdlets/autoreply"
	"github.com/exosim/exosim/cmdlets/calendarconfig"
	"github.com/exosim/exosim/cmdlets/calendarproc"
	"github.com/exosim/exosim/cmdlets/casmailbox"
	"github.com/exosim/exosim/cmdlets/clutter"
	"github.com/exosim/exosim/cmdlets/compliance"
	"github.com/exosim/exosim/cmdlets/contacts"
	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/defender"
	"github.com/exosim/exosim/cmdlets/domains"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/folderperms"
	"github.com/exosim/exosim/cmdlets/folderstats"
	"github.com/exosim/exosim/cmdlets/graph"
	"github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/cmdlets/holds"
	"github.com/exosim/exosim/cmdlets/inboxrules"
	"github.com/exosim/exosim/cmdlets/junkemail"
	"github.com/exosim/exosim/cmdlets/mailauth"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/mailbox/views"
	"github.com/exosim/exosim/cmdlets/mailboxpolicy"
	"github.com/exosim/exosim/cmdlets/messageconfig"
	"github.com/exosim/exosim/cmdlets/mobile"
	"github.com/exosim/exosim/cmdlets/ome"
	"github.com/exosim/exosim/cmdlets/onprem"
	"github.com/exosim/exosim/cmdlets/permissions"
	"github.com/exosim/exosim/cmdlets/pester"
	"github.com/exosim/exosim/cmdlets/places"
	"github.com/exosim/exosim/cmdlets/pubfolders"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/cmdlets/recoverable"
	"github.com/exosim/exosim/cmdlets/regional"
	"github.com/exosim/exosim/cmdlets/restore"
	"github.com/exosim/exosim/cmdlets/session"
	"github.com/exosim/exosim/cmdlets/sharing"
	"github.com/exosim/exosim/cmdlets/sim"
	"github.com/exosim/exosim/cmdlets/transportconfig"
	"github.com/exosim/exosim/cmdlets/user"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Options adjusts a new session.
type Options struct {
	// Interactive marks a REPL session.
	Interactive bool
	// RequireConnect starts the session disconnected: Exchange cmdlets are
	// not recognized until Connect-ExchangeOnline, Security & Compliance
	// ones until Connect-IPPSSession.
	RequireConnect bool
	// User is the UPN of the signed-in user (default: the tenant's
	// administrator); role-based access control follows it.
	User string
	// OnPrem starts an Exchange Management Shell on the on-premises server
	// (exosim --onprem): its commands answer from the on-premises
	// organization and the cloud-only cmdlets don't exist.
	OnPrem bool
	// Files is the file system the session sees (the host's, with the C:
	// drive's folder); nil gives an empty in-memory one.
	Files *fsys.Config
	// Environ is the process environment ("NAME=value") $env: starts
	// from; the simulated Windows variables are added to it.
	Environ []string
	// Host, when set, gives Files and Environ instead, the first time the
	// session asks for its files or environment: a command line that
	// uses neither never asks the system for its working directory.
	Host func() (files *fsys.Config, environ []string)
}

// packages are the Exchange packages a session registers, in order: their
// commands and their views.
var packages = [...]struct {
	cmds  *command.Table
	views func(*format.Registry)
}{
	{&graph.Cmdlets, graph.Views},
	{&mailbox.Cmdlets, views.Add},
	{&folderstats.Cmdlets, nil},
	{&permissions.Cmdlets, permissions.Views},
	{&folderperms.Cmdlets, folderperms.Views},
	{&inboxrules.Cmdlets, inboxrules.Views},
	{&pubfolders.Cmdlets, pubfolders.Views},
	{&calendarproc.Cmdlets, calendarproc.Views},
	{&autoreply.Cmdlets, autoreply.Views},
	{&mobile.Cmdlets, mobile.Views},
	{&casmailbox.Cmdlets, casmailbox.Views},
	{&mailboxpolicy.Cmdlets, mailboxpolicy.Views},
	{&junkemail.Cmdlets, junkemail.Views},
	{&messageconfig.Cmdlets, messageconfig.Views},
	{&clutter.Cmdlets, clutter.Views},
	{&regional.Cmdlets, regional.Views},
	{&calendarconfig.Cmdlets, calendarconfig.Views},
	{&groups.Cmdlets, groups.Views},
	{&contacts.Cmdlets, contacts.Views},
	{&domains.Cmdlets, domains.Views},
	{&sharing.Cmdlets, sharing.Views},
	{&authpolicy.Cmdlets, nil},
	{&addresspolicy.Cmdlets, addresspolicy.Views},
	{&addressbook.Cmdlets, addressbook.Views},
	{&antispam.Cmdlets, antispam.Views},
	{&defender.Cmdlets, defender.Views},
	{&mailauth.Cmdlets, mailauth.Views},
	{&transportconfig.Cmdlets, transportconfig.Views},
	{&appaccess.Cmdlets, nil},
	{&places.Cmdlets, places.Views},
	{&user.Cmdlets, nil},
	{&holds.Cmdlets, holds.Views},
	{&compliance.Cmdlets, compliance.Views},
	{&ome.Cmdlets, ome.Views},
	{&restore.Cmdlets, restore.Views},
	{&recoverable.Cmdlets, recoverable.Views},
	{&onprem.Cmdlets, onprem.Views},
	{&rbac.Cmdlets, rbac.Views},
	{&sim.Cmdlets, sim.Views},
}

// packageTables are the command tables of packages in their order, then
// those of PowerShell's simulated cmdlets, the session cmdlets and
// Pester's: a list written out rather than made from packages when a
// session starts, so that the catalog keeps it without a copy of its own
// (Catalog.Declare). TestPackageTablesFollowPackages checks the two agree.
var packageTables = [...]*command.Table{
	&graph.Cmdlets, &mailbox.Cmdlets, &folderstats.Cmdlets, &permissions.Cmdlets, &folderperms.Cmdlets, &inboxrules.Cmdlets, &pubfolders.Cmdlets,
	&calendarproc.Cmdlets, &autoreply.Cmdlets, &mobile.Cmdlets, &casmailbox.Cmdlets, &mailboxpolicy.Cmdlets,
	&junkemail.Cmdlets, &messageconfig.Cmdlets, &clutter.Cmdlets, &regional.Cmdlets, &calendarconfig.Cmdlets,
	&groups.Cmdlets, &contacts.Cmdlets, &domains.Cmdlets, &sharing.Cmdlets, &authpolicy.Cmdlets, &addresspolicy.Cmdlets, &addressbook.Cmdlets, &antispam.Cmdlets,
	&defender.Cmdlets, &mailauth.Cmdlets, &transportconfig.Cmdlets, &appaccess.Cmdlets, &places.Cmdlets, &user.Cmdlets, &holds.Cmdlets,
	&compliance.Cmdlets, &ome.Cmdlets, &restore.Cmdlets, &recoverable.Cmdlets, &onprem.Cmdlets,
	&rbac.Cmdlets, &sim.Cmdlets,
	&sim.PowerShellCmdlets, &session.Cmdlets, &pester.Cmdlets,
}

// typeSources are the types a session adds to the .NET type system (the
// shell's own are the runtime's).
var typeSources = [...]*dotnet.Later{&onprem.Types, &pester.Types}

// NewSession returns a runtime with every cmdlet registered, working on st.
func NewSession(io *host.IO, st *store.Store, o Options) *runtime.Runtime {
	formats := format.NewRegistry()
	rt := runtime.NewWithoutFiles(io, formats) // installFiles gives it its files
	exo.SessionOf(rt).Store = st
	rt.Interactive = o.Interactive
	rt.Declare(core.Cmdlets...)
	rt.DeclareModules(engine.KnownModules...)
	for _, p := range core.ViewProviders {
		formats.Provide(p.Add, *p.Types...)
	}
	rt.SetAliases(core.Aliases)
	rt.SetAliases(engine.ModuleAliases)
	// the packages' tables are declared together, as a list the catalog
	// keeps as it is
	rt.Declare(packageTables[:]...)
	// the types of the Exchange values and Pester's configuration are
	// declared the first time a session looks a type up
	for _, t := range typeSources {
		t.Queue()
	}
	// the packages' views and the labs' are deferred in one call, a list
	// made once at its full length
	var deferred [len(packages) + 1]func(*format.Registry)
	n := 0
	for _, pkg := range packages {
		// The views of mailboxes are added the first time a lookup asks
		// for one of their types (Provide), the other packages' the
		// first time a lookup finds no view (Defer): a command line
		// formats one or two types. No deferred package has a view of
		// the same type as core's or mailbox's
		// (TestDeferredViewsAnswerAsAdded).
		if pkg.cmds == &mailbox.Cmdlets {
			for _, p := range views.Providers {
				formats.Provide(p.Add, p.Types...)
			}
		} else if pkg.views != nil {
			deferred[n] = pkg.views
			n++
		}
	}
	mailbox.RegisterCompleters(rt, st)
	groups.RegisterCompleters(rt, st)
	rt.SetDeferred(notSimulated{rt})
	deferred[n] = registerLabs(rt)
	formats.Defer(deferred[:n+1]...)
	session.Install(rt, o.RequireConnect)
	exo.Install(rt)
	graph.Install(rt)
	rt.Wrap("Connect-ExchangeOnline", onprem.RestoreAfterConnect)
	if o.OnPrem {
		onprem.InstallEMS(rt)
	}
	if o.User != "" {
		exo.SetIdentity(rt, o.User)
	}
	rbac.Install(rt)
	// Get-Random draws from a generator seeded by the tenant, so a
	// runbook's random picks repeat from run to run; the same read tells
	// who the administrator is (the session's user unless --user) and
	// the names the session's commands give the tenant.
	if st != nil {
		gen := st.PrincipalsGeneration()
		_ = st.View(func(tx *store.Tx) error {
			if org, err := directory.OrganizationNames(tx); err == nil {
				core.SeedRandomFrom(rt, org.Guid)
				exo.NoteOrganization(rt, gen, org)
			}
			return nil
		})
	}
	installFiles(rt, o)
	rt.Clock = func() time.Time {
		var now time.Time
		if err := st.View(func(tx *store.Tx) error {
			now = tx.Now()
			return nil
		}); err != nil {
			return time.Now().UTC()
		}
		return now
	}
	// a date text that leaves out its date or year takes it from the
	// simulated clock (a session without a tenant has none)
	if st != nil {
		dates.SetClock(rt.Now)
	}
	rt.Sleep = func(d object.TimeSpan) error {
		return st.Update(func(tx *store.Tx) error {
			return tx.AdvanceBy(time.Duration(d) * 100)
		})
	}
	return rt
}

// installFiles gives the session its file system, drives and environment,
// made the first time the session uses them; the simulated Windows user
// is the alias of the user signed in as the session starts.
func installFiles(rt *runtime.Runtime, o Options) {
	user := WindowsUser(exo.Caller(rt))
	rt.SetFilesLater(func() (*fsys.Namespace, *fsys.Env) {
		files, environ := o.Files, o.Environ
		if o.Host != nil {
			files, environ = o.Host()
		}
		cfg := fsys.Config{}
		if files != nil {
			cfg = *files
		}
		if cfg.User == "" {
			cfg.User = user
		}
		ns := fsys.New(cfg)
		env := fsys.NewEnv(environ)
		env.Simulate(ns)
		return ns, env
	})
}

// WindowsUser is the Windows account name of a UPN: its alias.
func WindowsUser(upn string) string {
	if i := strings.IndexByte(upn, '@'); i > 0 {
		upn = upn[:i]
	}
	if upn == "" {
		return "admin"
	}
	return upn
}

// notSimulated is the session's deferred source of the declared cmdlets
// that no package implements: the cloud cmdlets of the Exchange reference
// and PowerShell's own. The session knows them, binds their parameters,
// and a call fails saying exosim does not simulate the cmdlet
// (exo.NotSimulated, engine.NotSimulated). A registered command of the same
// name wins.
// A name with the prefix of one of the session's connections is that
// connection's cmdlet (session.PrefixedCommand).
type notSimulated struct{ rt *runtime.Runtime }

func (n notSimulated) Has(name string) bool {
	if info, ok := decl.Find(name); ok && (info.ExchangeOnline || info.Compliance) {
		return true
	}
	if _, ok := decl.FindPowerShell(name); ok {
		return true
	}
	return session.PrefixedCommand(n.rt, name) != nil
}

func (notSimulated) Names() []string { return deferredNames.Get() }

func (n notSimulated) Build(name string) *command.Command {
	if info, ok := decl.Find(name); ok && (info.ExchangeOnline || info.Compliance) {
		return exo.NotSimulated(info.Name)
	}
	if _, ok := decl.FindPowerShell(name); ok {
		return engine.NotSimulated(name)
	}
	return session.PrefixedCommand(n.rt, name)
}

// deferredNames and cloudNames are built on first use; as lazy values
// (not sync.OnceValue, a call that runs before main) they add no work to
// the program's start.
var deferredNames = lazy.Value[[]string]{Build: func() []string {
	return append(cloudNames.Get(), decl.PowerShellNames()...)
}}

var cloudNames = lazy.Value[[]string]{Build: func() []string {
	var out []string
	for _, n := range decl.Names() {
		if info, _ := decl.Find(n); info.ExchangeOnline || info.Compliance {
			out = append(out, n)
		}
	}
	return out
}}
