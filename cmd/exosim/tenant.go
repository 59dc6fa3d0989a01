package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/exosim/exosim/store"
	seeds "github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

func newTenantCmd(e *env, o *options) *cobra.Command {
	t := &cobra.Command{
		Use:   "tenant",
		Short: "Create, reset, inspect, export and import the simulated tenant",
	}
	var seed, clock string
	var force bool
	var mailboxes, messages int
	initFlags := func(c *cobra.Command) {
		c.Flags().IntVar(&mailboxes, "mailboxes", 0, "add this many synthetic mailboxes (a realistic mix of states, holds, content and messages)")
		c.Flags().IntVar(&messages, "messages-per-mailbox", seeds.DefaultSyntheticMessages, "messages each synthetic mailbox sends (with --mailboxes)")
		c.Flags().StringVar(&seed, "seed", "contoso", "seed tenant: contoso or empty")
		c.Flags().StringVar(&clock, "clock", "", "simulated clock start (RFC3339, default 2024-03-01T09:00:00Z)")
		c.Flags().BoolVar(&force, "force", false, "replace an existing tenant")
	}
	doInit := func(mustExist bool, forceIt bool) error {
		start := store.DefaultClock()
		if clock != "" {
			ts, err := time.Parse(time.RFC3339, clock)
			if err != nil {
				return &usageError{fmt.Errorf("--clock: %w", err)}
			}
			start = ts.UTC()
		}
		path, err := tenantPath(e, o)
		if err != nil {
			return err
		}
		if mailboxes > 0 && e.getenv("GOGC") == "" {
			// A bulk build keeps a transaction's worth of records and
			// pages alive: collect at 2x the live heap, not 5x (see
			// gcPercent), so memory stays bounded by the batch.
			debug.SetGCPercent(100)
		}
		if mailboxes > 0 {
			// A bulk build goes into a new file that replaces the
			// tenant in one step once it is complete (and compacted, so
			// each bucket is one region of it): a killed build leaves
			// the old tenant, and a command waiting meanwhile runs on
			// the new one.
			err = tenant.Rebuild(path, store.Options{LockTimeout: lockTimeout(o)}, func(old, fresh *store.Store) error {
				if old != nil && !forceIt {
					if ok, err := old.IsInitialized(); err != nil || ok {
						if err == nil {
							err = seeds.ErrAlreadyInitialized
						}
						return err
					}
				}
				if err := seeds.Init(fresh, seed, start, true); err != nil {
					return err
				}
				return buildSynthetic(fresh, mailboxes, messages)
			})
		} else {
			var st *store.Store
			st, err = tenant.Open(path, store.Options{LockTimeout: lockTimeout(o)})
			if err != nil {
				return err
			}
			err = seeds.Init(st, seed, start, forceIt)
			if cerr := st.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			if err == seeds.ErrAlreadyInitialized {
				return fmt.Errorf("tenant %s already exists; use --force to replace it (or exosim tenant reset)", path)
			}
			return err
		}
		fmt.Fprintf(e.io.Out, "Tenant %s initialized with seed %q, clock %s.\n", path, seed, start.Format(time.RFC3339))
		if mailboxes > 0 {
			fmt.Fprintf(e.io.Out, "Added %d synthetic mailboxes.\n", mailboxes)
		}
		return nil
	}
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "Create the tenant file from a seed",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return doInit(false, force) },
	}
	initFlags(initCmd)
	resetCmd := &cobra.Command{
		Use:   "reset",
		Short: "Replace the tenant with a fresh seed",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return doInit(true, true) },
	}
	initFlags(resetCmd)
	info := &cobra.Command{
		Use:   "info",
		Short: "Show the tenant file, schema version, clock and object counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openTenantShared(e, o)
			if err != nil {
				return err
			}
			defer st.Close()
			inf, err := transfer.InfoOf(st)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.io.Out, "Path:           %s\n", inf.Path)
			fmt.Fprintf(e.io.Out, "Schema version: %d\n", inf.SchemaVersion)
			fmt.Fprintf(e.io.Out, "Seed:           %s\n", inf.Seed)
			fmt.Fprintf(e.io.Out, "Clock:          %s\n\n", inf.Clock.Format(time.RFC3339))
			var kinds []string
			for k := range inf.Counts {
				kinds = append(kinds, k)
			}
			sort.Strings(kinds)
			var rows [][]string
			for _, k := range kinds {
				rows = append(rows, []string{k, fmt.Sprint(inf.Counts[k])})
			}
			return writeBoxTable(e.io.Out, []string{"Kind", "Count"}, rows)
		},
	}
	export := &cobra.Command{
		Use:   "export [FILE|-]",
		Short: "Write the whole tenant as schema-versioned JSON",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openTenantShared(e, o)
			if err != nil {
				return err
			}
			defer st.Close()
			if len(args) == 0 || args[0] == "-" {
				return transfer.Export(st, e.io.Out)
			}
			f, err := os.OpenFile(args[0], os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
			if err != nil {
				return err
			}
			defer f.Close()
			return transfer.Export(st, f)
		},
	}
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: "Replace the tenant with an exported JSON file (checked first; the audit log is kept)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := tenantPath(e, o)
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			if e.getenv("GOGC") == "" {
				// An import keeps a transaction's worth of records alive
				// while it streams: collect at 2x the live heap, not 5x
				// (see gcPercent), so memory stays bounded by the batch.
				debug.SetGCPercent(100)
			}
			rec := store.ImportRecord{Caller: o.user, Source: args[0]}
			err = tenant.ImportFile(path, bufio.NewReaderSize(f, 1<<20), store.Options{LockTimeout: lockTimeout(o)}, rec)
			if err != nil && !errors.As(err, new(*store.LockedError)) && !errors.As(err, new(*store.NotTenantError)) && !errors.As(err, new(*store.DamagedError)) {
				// The refused import is in the log of the tenant it left
				// unchanged.
				if st, oerr := tenant.Open(path, store.Options{LockTimeout: lockTimeout(o)}); oerr == nil {
					_ = transfer.RecordImportFailure(st, rec, err)
					st.Close()
				}
			}
			return err
		},
	}
	t.AddCommand(initCmd, resetCmd, info, export, imp, newTenantCheckCmd(e, o))
	return t
}
