package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/graph"
	"github.com/exosim/exosim/cmdlets/lint"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/runtime"
)

// stdinName names standard input in lint findings.
const stdinName = "<stdin>"

type lintOptions struct {
	format string
	strict bool
}

func newLintCmd(e *env) *cobra.Command {
	lo := &lintOptions{}
	c := &cobra.Command{
		Use:   "lint FILE.ps1 [FILE...]",
		Short: "Check runbooks without running them (- reads one from stdin)",
		Long: "lint parses each script, resolves every command and binds every literal argument with the\n" +
			"simulator's cmdlet declarations, and prints file:line:col: severity: message for each problem.\n" +
			"It exits 1 when it finds an error (any warning too with --strict), 0 otherwise. No tenant is used.\n\n" +
			"error    what would stop the script: parse errors, a near miss of an Exchange cmdlet's name, a\n" +
			"         retired or on-premises-only cmdlet or parameter, unknown/ambiguous parameters, wrong\n" +
			"         literal types, parameter-set clashes, missing mandatory parameters.\n" +
			"warning  what lint cannot resolve: a function defined elsewhere; commands named like a known\n" +
			"         module's (Get-ADUser, Get-AzureADUser) that the script does not declare, one warning per\n" +
			"         module; Windows PowerShell 5.1 cmdlets PowerShell 7 lacks; deprecated cmdlets the\n" +
			"         reference dropped (Set-TeamsRetentionCompliancePolicy).\n" +
			"info     (--strict only) real commands lint does not check: cloud cmdlets and PowerShell 7\n" +
			"         cmdlets exosim does not simulate, Microsoft Graph commands (Verb-Mg..., Verb-MgBeta...),\n" +
			"         and the commands of a module the script declares.\n\n" +
			"A script declares a module with #Requires -Modules, using module, Import-Module, Install-Module\n" +
			"or the module's Connect- command; the names with that module's noun prefix are then its commands\n" +
			"(Mg, Entra, AzureAD, Msol, AD, Cs/Team, SPO, PnP, Az, AipService, PowerBI, Excel, Whiteboard, Msal,\n" +
			"HTML); Azure Automation's own cmdlets (Get-AutomationPSCredential) need no declaration. Functions the\n" +
			"script defines, and those of files it dot-sources or imports by a path lint can work out\n" +
			"($PSScriptRoot, Join-Path, Pester's $PSCommandPath.Replace), are known. Dot-sourcing\n" +
			"RemoteExchange.ps1, the Exchange snap-in, Import-PSSession or Connect-ExchangeServer make the\n" +
			"script an on-premises one. Splatting and pipeline input may supply any parameter.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &usageError{fmt.Errorf("lint needs at least one script (- reads stdin)")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(e, lo, args)
		},
	}
	c.Flags().StringVar(&lo.format, "format", "text", "output format: text or json")
	c.Flags().BoolVar(&lo.strict, "strict", false, "treat warnings (commands lint cannot resolve, switch values) as errors and show info notes")
	return c
}

func runLint(e *env, lo *lintOptions, files []string) error {
	if lo.format != "text" && lo.format != "json" {
		return &usageError{fmt.Errorf("unknown --format %q (want text or json)", lo.format)}
	}
	type input struct{ name, text string }
	var inputs []input
	readStdin := false
	for _, f := range files {
		if f == "-" {
			if readStdin {
				return &usageError{fmt.Errorf("- (stdin) given more than once")}
			}
			readStdin = true
			t, err := e.io.ReadAll()
			if err != nil {
				return err
			}
			inputs = append(inputs, input{stdinName, t})
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return &usageError{fmt.Errorf("cannot read script: %w", err)}
		}
		inputs = append(inputs, input{f, string(data)})
	}
	l := newLinter(e, lo.strict)
	findings := []lint.Finding{}
	for _, in := range inputs {
		findings = append(findings, l.Text(in.name, in.text)...)
	}
	if lo.format == "json" {
		data, err := json.MarshalIndent(findings, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(e.io.Out, string(data))
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.io.Out, f.String())
		}
	}
	for _, f := range findings {
		if f.Severity == lint.Error {
			return exitCode(1)
		}
	}
	return nil
}

// newLinter builds a linter over every cmdlet the session declares (the
// simulated ones, and the real cloud cmdlets it does not simulate). The
// session is built without a tenant: lint only reads declarations.
func newLinter(e *env, strict bool) *lint.Linter {
	rt := registry.NewSession(e.io, nil, registry.Options{})
	return lint.New(lint.Options{Commands: newLintCommands(rt), Strict: strict, ReadFile: func(path string) (string, error) {
		data, err := os.ReadFile(path)
		return string(data), err
	}})
}

// lintCommands is the session's commands, completed by those registered
// but hidden until an on-premises session is imported (lint reports them
// as on-premises only), and what the reference lists as on-premises only.
type lintCommands struct {
	*runtime.Runtime
	onPrem map[string]*command.Command
}

func newLintCommands(rt *runtime.Runtime) *lintCommands {
	lc := &lintCommands{Runtime: rt, onPrem: map[string]*command.Command{}}
	for _, name := range decl.Names() {
		if _, ok := rt.LookupCommand(name); ok {
			continue
		}
		if reg := rt.Registered(name); reg != nil && decl.OnPremOnly(reg) {
			lc.onPrem[strings.ToLower(name)] = reg
		}
	}
	return lc
}

// LookupCommand finds a session command, then a hidden on-premises one.
func (lc *lintCommands) LookupCommand(name string) (*command.Command, bool) {
	if c, ok := lc.Runtime.LookupCommand(name); ok {
		return c, true
	}
	c, ok := lc.onPrem[strings.ToLower(name)]
	return c, ok
}

// Commands lists the session's commands and the hidden on-premises ones.
func (lc *lintCommands) Commands() []*command.Command {
	out := lc.Runtime.Commands()
	for _, c := range lc.onPrem {
		out = append(out, c)
	}
	return out
}

// OnPremisesCommand reports a cmdlet that exists only in on-premises
// Exchange.
func (lc *lintCommands) OnPremisesCommand(name string) (string, bool) {
	return decl.OnPremisesOnly(name)
}

// OnPremisesParams lists the parameters of a cloud cmdlet that exist only
// in on-premises Exchange.
func (lc *lintCommands) OnPremisesParams(cmd *command.Command) []string {
	if cmd.Module != exo.Module {
		return nil
	}
	return decl.OnPremisesParams(cmd.Name)
}

// ModuleCommand reports a name shaped like a Microsoft Graph PowerShell
// command (Get-MgBetaUser): exosim has only some of that SDK's commands,
// so one it lacks is the SDK's, not unknown.
func (lc *lintCommands) ModuleCommand(name string) (string, bool) {
	if target, ok := lc.Aliases()[strings.ToLower(name)]; ok {
		name = target // Invoke-GraphRequest is Invoke-MgGraphRequest
	}
	if graph.IsGraphName(name) {
		return "Microsoft.Graph", true
	}
	return "", false
}

// DeprecatedCommand reports a Security & Compliance cmdlet that was
// deprecated and left the reference.
func (lc *lintCommands) DeprecatedCommand(name string) (string, string, bool) {
	return decl.Deprecated(name)
}
