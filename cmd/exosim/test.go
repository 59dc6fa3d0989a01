package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/exosim/exosim/cmdlets/pester"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/store"
	seeds "github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// testOptions are exosim test's flags.
type testOptions struct {
	output, junit, nunit string
	tags, excludeTags    []string
	fullNames            []string
	seed, clock          string
}

func newTestCmd(e *env, o *options) *cobra.Command {
	to := &testOptions{}
	c := &cobra.Command{
		Use:   "test [PATH...]",
		Short: "Run Pester tests (*.Tests.ps1) against a fresh simulated tenant",
		Long: "test runs Pester 5 test files (folders are searched for *.Tests.ps1; default: the current folder)\n" +
			"against a throwaway copy of a tenant: a fresh seed, or a copy of --tenant FILE when that flag is given\n" +
			"(the file itself is never changed). Every Describe starts from the tenant as the run (or the file's\n" +
			"BeforeAll) left it, so changes do not leak between Describe blocks. The report is Pester's; the exit\n" +
			"status is the number of failed tests, blocks and files, at most 255. Set EXOSIM_TEST_TIMINGS=zero to\n" +
			"report every duration as 0 (reproducible output).",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTests(e, o, to, cmd, args)
		},
	}
	f := c.Flags()
	f.StringVarP(&to.output, "output", "o", "Normal", "report verbosity: None, Normal, Detailed or Diagnostic")
	f.StringVar(&to.junit, "junit", "", "write a JUnit XML report to FILE")
	f.StringVar(&to.nunit, "nunit", "", "write an NUnit 2.5 XML report to FILE")
	f.StringSliceVar(&to.tags, "tag", nil, "run only blocks and tests with one of these tags (wildcards allowed)")
	f.StringSliceVar(&to.excludeTags, "exclude-tag", nil, "skip blocks and tests with one of these tags")
	f.StringSliceVar(&to.fullNames, "full-name", nil, "run only tests whose dotted full name is -like one of these")
	f.StringVar(&to.seed, "seed", "contoso", "seed of the fresh tenant: contoso or empty (ignored with --tenant)")
	f.StringVar(&to.clock, "clock", "", "simulated clock of the fresh tenant (RFC3339, default 2024-03-01T09:00:00Z)")
	return c
}

func runTests(e *env, o *options, to *testOptions, cmd *cobra.Command, paths []string) error {
	switch strings.ToLower(to.output) {
	case "none", "normal", "detailed", "diagnostic", "minimal":
	default:
		return &usageError{fmt.Errorf("--output must be None, Normal, Detailed or Diagnostic, not %q", to.output)}
	}
	var start time.Time
	if to.clock != "" {
		ts, err := time.Parse(time.RFC3339, to.clock)
		if err != nil {
			return &usageError{fmt.Errorf("--clock: %w", err)}
		}
		start = ts
	}
	setupIO(e, o)
	dir, err := os.MkdirTemp("", "exosim-test-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := tenant.Open(filepath.Join(dir, "tenant.db"), store.Options{NoSync: true, LockTimeout: store.NoWait})
	if err != nil {
		return err
	}
	defer st.Close()
	if cmd.Flags().Changed("tenant") {
		if err := copyTenant(o, st); err != nil {
			return err
		}
	} else if err := seeds.Init(st, to.seed, start, false); err != nil {
		return &usageError{err}
	}
	ro := sessionOptions(e, o, false)
	ro.Host = func() (*fsys.Config, []string) {
		files, environ := hostFiles(e, o)
		files.DriveC = filepath.Join(dir, "tenant.drives", "C")
		return files, environ
	}
	rt := registry.NewSession(e.io, st, ro)
	failed, err := pester.Run(rt, pester.Config{Paths: paths, Tags: to.tags, ExcludeTags: to.excludeTags, FullNames: to.fullNames,
		Verbosity: to.output, JUnit: to.junit, NUnit: to.nunit})
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitCode(pester.ExitCode(failed))
	}
	return nil
}

// copyTenant makes st a copy of the tenant --tenant names, read under a
// shared lock: the run never writes to that file.
func copyTenant(o *options, st *store.Store) error {
	src, err := tenant.Open(o.tenant, store.Options{ReadOnly: true, LockTimeout: lockTimeout(o)})
	if err != nil {
		return err
	}
	snap, err := src.Snapshot()
	src.Close()
	if err != nil {
		return err
	}
	return st.Restore(snap)
}
