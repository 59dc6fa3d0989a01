package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/repl"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// env is everything the CLI takes from the process: streams and variables.
type env struct {
	io     *host.IO
	getenv func(string) string
	// environ lists the process environment for $env: (nil: empty).
	environ func() []string
	// exits is set when the process ends as run returns (not in tests
	// that run the CLI in process): the tenant is then let go with
	// store.CloseAtExit.
	exits bool
}

func systemEnv() *env {
	io := host.System()
	io.StdinTTY = isTerminal(int(os.Stdin.Fd()))
	io.StdoutTTY = isTerminal(int(os.Stdout.Fd()))
	return &env{io: io, getenv: os.Getenv, environ: os.Environ, exits: true}
}

func isTerminal(fd int) bool { return term.IsTerminal(fd) }

func terminalWidth(fd int) int {
	w, _, err := term.GetSize(fd)
	if err != nil || w <= 0 {
		return 0
	}
	return w
}

// options are the global flags.
type options struct {
	tenant      string
	width       int
	command     string
	lockTimeout time.Duration
	noColor     bool
	// requireConnect starts sessions disconnected (Connect-ExchangeOnline
	// and Connect-IPPSSession make their cmdlets available).
	requireConnect bool
	// onprem starts an Exchange Management Shell on the on-premises
	// server instead of an Exchange Online session (--onprem).
	onprem bool
	// user is the UPN the sessions sign in as (--user).
	user string
	// memoryLimit is --memory-limit: the PowerShell engine's memory
	// budget ("" for $EXOSIM_MEMORY_LIMIT, else the default).
	memoryLimit string
	// nonInteractive is --non-interactive, pwsh's -NonInteractive: every
	// read and prompt fails instead of waiting for an answer.
	nonInteractive bool
}

// usageError marks misuse of exosim's own flags (exit status 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }

// exitCode carries a script's exit status out of cobra.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func run(args []string, e *env) int { return runCLI(args, e, false) }

// runCLI is run; whole builds every subcommand whatever args are (see
// newRootCmd).
func runCLI(args []string, e *env, whole bool) (code int) {
	// No Go panic reaches the user: the interpreter recovers its own, and
	// anything else (tenant, lab, lint commands) ends here as one line.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.io.Err, "exosim: internal error: %v (this is a bug; please report it with the command that caused it)\n", r)
			code = 1
		}
	}()
	root := newRootCmd(e, args, whole)
	root.SetArgs(args)
	root.SetOut(e.io.Out)
	root.SetErr(e.io.Err)
	var err error
	if root.HasSubCommands() {
		err = root.Execute()
	} else {
		err = executeAlone(root, args)
	}
	if err == nil {
		return 0
	}
	var ec exitCode
	if errors.As(err, &ec) {
		return runtime.ProcessExitCode(int(ec))
	}
	var ue *usageError
	if errors.As(err, &ue) || strings.Contains(err.Error(), "unknown flag") || strings.Contains(err.Error(), "unknown command") || strings.Contains(err.Error(), "flag needs an argument") || strings.Contains(err.Error(), "invalid argument") || strings.Contains(err.Error(), "accepts ") {
		fmt.Fprintln(e.io.Err, "exosim:", err)
		return 2
	}
	fmt.Fprintln(e.io.Err, "exosim:", err)
	return 1
}

// newRootCmd builds exosim's command line for args: the root command
// alone when args are only its own flags (rootAlone) and whole is not
// set, else the whole tree of subcommands.
func newRootCmd(e *env, args []string, whole bool) *cobra.Command {
	if !whole {
		if root := rootCommand(e, &options{}, false); rootAlone(root, args) {
			// nor cobra's own completion command (no word can name it)
			root.CompletionOptions.DisableDefaultCmd = true
			return root
		}
	}
	o := &options{}
	root := rootCommand(e, o, true)
	root.AddCommand(newRunCmd(e, o), newTestCmd(e, o), newTenantCmd(e, o), newLintCmd(e), newLabCmd(e, o), newVersionCmd(e), newCompletionCmd(root))
	return root
}

// rootCommand is the root command with its flags, which set o. The flags
// every subcommand takes are persistent when the root is to have
// subcommands; a root alone has them as its own flags, so that parsing
// its command line does not copy them into its own set first (sorted by
// name), as cobra does with persistent flags.
func rootCommand(e *env, o *options, persistent bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "exosim",
		Short: "An offline simulator of Exchange Online PowerShell",
		Long: "exosim runs Exchange Online PowerShell commands against a simulated tenant kept in a local file.\n" +
			"Without a command it opens a PowerShell-like prompt; with stdin not a terminal it runs stdin as a script.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRoot(e, o, cmd)
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{err} })
	pf := root.Flags()
	if persistent {
		pf = root.PersistentFlags()
	}
	pf.StringVar(&o.tenant, "tenant", "", "tenant file (default $EXOSIM_TENANT, else exosim/tenant.db under $XDG_DATA_HOME or ~/.local/share)")
	pf.IntVar(&o.width, "width", 120, "output width when stdout is not a terminal")
	pf.DurationVar(&o.lockTimeout, "lock-timeout", store.DefaultLockTimeout, "how long to wait for a tenant file another exosim holds (0: do not wait)")
	pf.BoolVar(&o.requireConnect, "require-connect", false, "start disconnected: Exchange cmdlets need Connect-ExchangeOnline, compliance cmdlets Connect-IPPSSession")
	pf.BoolVar(&o.onprem, "onprem", false, "start an Exchange Management Shell on the on-premises server (mail.contoso.com) instead of Exchange Online")
	pf.StringVar(&o.user, "user", "", "sign in as this user (UPN); default the tenant's administrator. Role groups decide which cmdlets exist for them")
	pf.StringVar(&o.memoryLimit, "memory-limit", "", "memory budget of a PowerShell session, e.g. 512MB or 2GB (default $"+memlimit.EnvVar+", else 1GB; 0 for none); beyond it commands fail with OutOfMemoryException")
	pf.BoolVar(&o.nonInteractive, "non-interactive", false, "pwsh's -NonInteractive: every prompt (Read-Host, a confirmation, Get-Credential, PromptForChoice, Pause) fails with PowerShell's NonInteractive error instead of waiting for an answer")
	root.Flags().StringVarP(&o.command, "command", "c", "", "run one command line and exit")
	return root
}

// executeAlone runs the root command built without subcommands for args
// rootAlone accepted, as Execute would: the flags parsed (a value they
// refuse is the flag error function's), no word left over (NoArgs), then
// RunE. Execute's other steps (the hidden completion command, finding a
// subcommand, the help flag, the checks of required and grouped flags)
// have nothing to do for such a command line: no word names a command or
// asks for help, and no flag of the root is required or grouped.
func executeAlone(root *cobra.Command, args []string) error {
	if err := root.ParseFlags(args); err != nil {
		return root.FlagErrorFunc()(root, err)
	}
	rest := root.Flags().Args()
	if err := root.ValidateArgs(rest); err != nil {
		return err
	}
	return root.RunE(root, rest)
}

// rootAlone reports whether args are only the root command's own flags
// with their values (a -c command line, a script on stdin, the REPL):
// then no subcommand can be named, no help or completion is asked for,
// and the subcommands and their flags need not be built. Anything else
// (a word that is not a flag's value, --, -h, a flag the root does not
// have, combined short flags) answers false, and cobra sees the whole
// tree as always.
func rootAlone(root *cobra.Command, args []string) bool {
	// takesValue reports whether the root has the flag (by name, or by
	// shorthand when short) and whether it takes a value.
	takesValue := func(name string, short bool) (known, value bool) {
		local, persistent := root.Flags(), root.PersistentFlags()
		f, p := local.Lookup(name), persistent.Lookup(name)
		if short {
			f, p = local.ShorthandLookup(name), persistent.ShorthandLookup(name)
		}
		if f == nil {
			f = p
		}
		if f == nil {
			return false, false
		}
		return true, f.NoOptDefVal == ""
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		var known, value bool
		switch {
		case a == "-" || a == "--" || !strings.HasPrefix(a, "-"):
			return false
		case strings.HasPrefix(a, "--"):
			name, _, inline := strings.Cut(a[2:], "=")
			known, value = takesValue(name, false)
			value = value && !inline
		case len(a) == 2:
			known, value = takesValue(a[1:], true)
		}
		if !known {
			return false
		}
		if value {
			if i+1 >= len(args) {
				return false
			}
			i++
		}
	}
	return true
}

// tenantPath resolves the tenant file from the flag and environment.
func tenantPath(e *env, o *options) (string, error) {
	if o.tenant != "" {
		return o.tenant, nil
	}
	if p := e.getenv("EXOSIM_TENANT"); p != "" {
		return p, nil
	}
	base := e.getenv("XDG_DATA_HOME")
	if base == "" {
		home := e.getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			home = h
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "exosim", "tenant.db"), nil
}

// lockTimeout is the store's wait for a held tenant: --lock-timeout 0
// means do not wait at all.
func lockTimeout(o *options) time.Duration {
	if o.lockTimeout <= 0 {
		return store.NoWait
	}
	return o.lockTimeout
}

// openTenant opens (creating and seeding when missing) the tenant file.
func openTenant(e *env, o *options) (*store.Store, error) {
	path, err := tenantPath(e, o)
	if err != nil {
		return nil, err
	}
	st, err := tenant.Open(path, store.Options{LockTimeout: lockTimeout(o)})
	if err != nil {
		return nil, err
	}
	ok, err := st.IsInitialized()
	if err != nil {
		st.Close()
		return nil, err
	}
	if !ok {
		if err := seed.Init(st, "contoso", store.DefaultClock(), false); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// setupIO applies --width, color rules and --non-interactive.
func setupIO(e *env, o *options) {
	e.io.NonInteractive = o.nonInteractive
	e.io.Width = o.width
	if e.io.StdoutTTY {
		if w := terminalWidth(int(os.Stdout.Fd())); w > 0 {
			e.io.Width = w
		}
		e.io.Color = e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
	} else {
		e.io.Color = false
	}
}

// applyMemoryLimit sets the budget of the sessions this process runs
// from --memory-limit, else the environment, else the default.
func applyMemoryLimit(e *env, o *options) error {
	text, from := o.memoryLimit, "--memory-limit"
	if text == "" {
		text, from = e.getenv(memlimit.EnvVar), memlimit.EnvVar
	}
	n := int64(memlimit.DefaultBudget)
	if text != "" {
		v, err := memlimit.ParseSize(text)
		if err != nil {
			return &usageError{fmt.Errorf("%s: %w", from, err)}
		}
		n = v
	}
	memlimit.Apply(n)
	return nil
}

// closeTenant lets go of the tenant a command line opened.
func closeTenant(e *env, st *store.Store) {
	if e.exits {
		_ = st.CloseAtExit()
		return
	}
	_ = st.Close()
}

func runRoot(e *env, o *options, cmd *cobra.Command) error {
	if err := applyMemoryLimit(e, o); err != nil {
		return err
	}
	setupIO(e, o)
	st, err := openTenant(e, o)
	if err != nil {
		return err
	}
	defer closeTenant(e, st)
	if cmd.Flags().Changed("command") {
		rt := registry.NewSession(e.io, st, sessionOptions(e, o, false))
		code := rt.Run(syntax.NewSource("", o.command), runtime.RunOptions{})
		if code != 0 {
			return exitCode(code)
		}
		return nil
	}
	if !e.io.StdinTTY {
		rt := registry.NewSession(e.io, st, sessionOptions(e, o, false))
		if code := runStdin(rt, e.io); code != 0 {
			return exitCode(code)
		}
		return nil
	}
	return runREPL(e, o, st)
}

// runStdin runs the commands standard input holds as pwsh runs
// redirected standard input (pwsh -Command -): a command line at a time,
// each read only after the one before it has finished, so that a prompt
// one of them asks (Read-Host, a confirmation, Get-Credential's user
// name) reads its answer from the lines that follow it. A line the parser
// finds incomplete starts a block: every line after it joins the block,
// whatever it holds, until an empty (or blank) line, which runs the block
// (a block still incomplete then keeps gathering). So "}" and "else {" on
// lines of their own stay one statement, as at pwsh's ">>" prompt, and a
// block the input ends in without an empty line after it is dropped, as
// pwsh drops it. Each line or block runs at the global scope on its own:
// a terminating error ends only that one. The result is the exit
// statement's code, else 1 when any of them showed an error, else 0.
func runStdin(rt *runtime.Runtime, in *host.IO) int {
	code := 0
	var block strings.Builder
	inBlock := false
	for {
		line, _, err := in.ReadRedirected()
		if err != nil {
			return code
		}
		text := line
		switch {
		case strings.TrimSpace(line) == "":
			if !inBlock || repl.Incomplete(block.String()) {
				continue // pwsh keeps the block, without the blank line
			}
			text, inBlock = block.String(), false
			block.Reset()
		case inBlock:
			block.WriteByte('\n')
			block.WriteString(line)
			continue
		case repl.Incomplete(line):
			inBlock = true
			block.WriteString(line)
			continue
		}
		c := rt.Run(syntax.NewSource("", text), runtime.RunOptions{})
		if _, exited := rt.ExitRequested(); exited {
			return c
		}
		if c != 0 {
			code = c
		}
	}
}

func newRunCmd(e *env, o *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [FLAGS] FILE.ps1 [ARGS...]",
		Short: "Run a PowerShell script (- reads it from stdin); ARGS bind to its param() block",
		Long: "Runs a PowerShell script. Everything after FILE belongs to the script and binds to its param() block\n" +
			"as pwsh -File binds it: -Name value, -Switch, -Name:value, positional values; $args holds what nothing bound.\n" +
			"exosim's own flags go before FILE; -- ends them (for a FILE that starts with a dash).",
		// The script's words are not exosim's flags: they are split off
		// here and only the words before FILE are parsed as flags.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			flags, file, scriptArgs, err := splitRunArgs(cmd, args)
			if err != nil {
				return &usageError{err}
			}
			if err := cmd.Flags().Parse(flags); err != nil {
				return &usageError{err}
			}
			if help, _ := cmd.Flags().GetBool("help"); help {
				return cmd.Help()
			}
			if file == "" {
				return &usageError{fmt.Errorf("accepts at least 1 arg(s), received 0")}
			}
			if err := applyMemoryLimit(e, o); err != nil {
				return err
			}
			setupIO(e, o)
			var text, path string
			if file == "-" {
				t, err := e.io.ReadAll()
				if err != nil {
					return err
				}
				text = t
			} else {
				data, err := os.ReadFile(file)
				if err != nil {
					return &usageError{fmt.Errorf("cannot read script: %w", err)}
				}
				text = fsys.DecodeText(data)
				path = file
				if abs, err := filepath.Abs(path); err == nil {
					path = abs
				}
			}
			st, err := openTenant(e, o)
			if err != nil {
				return err
			}
			defer closeTenant(e, st)
			rt := registry.NewSession(e.io, st, sessionOptions(e, o, false))
			code := rt.Run(syntax.NewSource(path, text), runtime.RunOptions{Script: true, CommandLine: scriptArgs, InvocationName: path})
			if code != 0 {
				return exitCode(code)
			}
			return nil
		},
	}
	cmd.Flags().BoolP("help", "h", false, "help for run")
	return cmd
}

// splitRunArgs separates exosim's own flags (before FILE) from FILE and
// the words after it, which all belong to the script. "--" ends exosim's
// flags, so the next word is FILE even if it starts with a dash.
func splitRunArgs(cmd *cobra.Command, args []string) (flags []string, file string, rest []string, err error) {
	fs := cmd.Flags()
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			if i+1 < len(args) {
				return flags, args[i+1], args[i+2:], nil
			}
			return flags, "", nil, nil
		case a == "-" || !strings.HasPrefix(a, "-"):
			return flags, a, args[i+1:], nil
		}
		flags = append(flags, a)
		if strings.Contains(a, "=") {
			continue
		}
		f := fs.Lookup(strings.TrimPrefix(a, "--"))
		if !strings.HasPrefix(a, "--") {
			f = nil
			if len(a) == 2 {
				f = fs.ShorthandLookup(a[1:])
			}
		}
		if f == nil {
			return nil, "", nil, fmt.Errorf("unknown flag: %s", a)
		}
		if f.NoOptDefVal == "" && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, "", nil, nil
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print exosim's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(e.io.Out, "exosim %s (tenant schema %d)\n", version, store.SchemaVersion)
			return nil
		},
	}
}

func newCompletionCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:       "completion bash|zsh|fish",
		Short:     "Print a shell completion script for exosim's own command line",
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"bash", "zsh", "fish"},
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			}
			return &usageError{fmt.Errorf("unknown shell %q (want bash, zsh or fish)", args[0])}
		},
	}
}

// sessionOptions returns the session options the global flags ask for:
// the host's file system, starting in the working directory, with the C:
// drive in a folder beside the tenant file, and the process environment,
// read when the session first uses them (hostFiles).
func sessionOptions(e *env, o *options, interactive bool) registry.Options {
	ro := registry.Options{Interactive: interactive, RequireConnect: o.requireConnect, User: o.user, OnPrem: o.onprem}
	ro.Host = func() (*fsys.Config, []string) { return hostFiles(e, o) }
	return ro
}

// hostFiles is the file system and environment a session of the global
// flags has (sessionOptions).
func hostFiles(e *env, o *options) (*fsys.Config, []string) {
	cwd, _ := os.Getwd()
	files := &fsys.Config{FS: fsys.OS(), Cwd: cwd, Home: e.getenv("HOME")}
	if path, err := tenantPath(e, o); err == nil {
		files.DriveC = filepath.Join(drivesDir(cwd, path), "C")
	}
	var environ []string
	if e.environ != nil {
		environ = e.environ()
	}
	return files, environ
}

// drivesDir is the folder beside a tenant file that holds its simulated
// drives: tenant.db → tenant.drives. A relative tenant path is taken from
// cwd, the working directory ("" when not known), without asking the
// system for it again.
func drivesDir(cwd, tenant string) string {
	switch {
	case filepath.IsAbs(tenant):
		tenant = filepath.Clean(tenant)
	case cwd != "":
		tenant = filepath.Join(cwd, tenant)
	default:
		if abs, err := filepath.Abs(tenant); err == nil {
			tenant = abs
		}
	}
	return strings.TrimSuffix(tenant, filepath.Ext(tenant)) + ".drives"
}
