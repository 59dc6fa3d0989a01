package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// buildSynthetic adds n synthetic mailboxes sending msgs messages each
// (0 = none) to an initialized tenant.
func buildSynthetic(st *store.Store, n, msgs int) error {
	if n < 0 {
		return &usageError{fmt.Errorf("--mailboxes must not be negative")}
	}
	if msgs <= 0 {
		msgs = -1
	}
	return seed.BuildSynthetic(st, seed.SyntheticOptions{Mailboxes: n, MessagesPerMailbox: msgs})
}

// newTenantCheckCmd is `exosim tenant check`: every registered store
// check (indexes against records, cross-references) in one read-only
// transaction; findings one per line, exit 1 when there are any.
func newTenantCheckCmd(e *env, o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify every index and cross-reference of the tenant (exit 1 with findings)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := tenantPath(e, o)
			if err != nil {
				return err
			}
			if _, err := os.Stat(path); err != nil {
				return fmt.Errorf("tenant file %q: %w", path, err)
			}
			st, err := tenant.Open(path, store.Options{LockTimeout: lockTimeout(o), ReadOnly: true})
			if errors.As(err, new(*store.SchemaMigrationError)) {
				// A read-write open migrates the older schema first.
				st, err = tenant.Open(path, store.Options{LockTimeout: lockTimeout(o)})
			}
			if err != nil {
				return err
			}
			defer st.Close()
			findings, err := st.Check()
			if err != nil {
				return err
			}
			for _, f := range findings {
				fmt.Fprintln(e.io.Out, f.String())
			}
			if len(findings) > 0 {
				fmt.Fprintf(e.io.Err, "exosim: tenant %s: %d findings\n", path, len(findings))
				return exitCode(1)
			}
			fmt.Fprintf(e.io.Out, "Tenant %s: %d checks passed (%s).\n", path, len(st.CheckNames()), strings.Join(st.CheckNames(), ", "))
			return nil
		},
	}
}

// openTenantShared opens an existing, initialized tenant read-only, with
// bbolt's shared lock: any number of readers (tenant info, export, check)
// run side by side, while a writer waits for them and they for it. A
// missing or empty tenant is created and seeded as openTenant does, and a
// tenant of an older schema version is opened read-write, which migrates
// it.
func openTenantShared(e *env, o *options) (*store.Store, error) {
	path, err := tenantPath(e, o)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return openTenant(e, o)
	}
	st, err := tenant.Open(path, store.Options{LockTimeout: lockTimeout(o), ReadOnly: true})
	if errors.As(err, new(*store.SchemaMigrationError)) {
		return openTenant(e, o) // a read-write open migrates the older schema
	}
	if err != nil {
		return nil, err
	}
	if ok, err := st.IsInitialized(); err != nil || !ok {
		st.Close()
		if err != nil {
			return nil, err
		}
		return openTenant(e, o)
	}
	return st, nil
}
