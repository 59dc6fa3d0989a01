package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/exosim/exosim/cmdlets/labs"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
)

// newLabCmd is "exosim lab": list, start, check and hint for the
// self-checking training labs (see Get-Help about_SimLabs).
func newLabCmd(e *env, o *options) *cobra.Command {
	var dir string
	l := &cobra.Command{
		Use:   "lab",
		Short: "Self-checking training labs: list, start, check, hint",
		Long: "A lab resets the tenant to a starting state and sets a task; its objectives are checked against the tenant.\n" +
			"Labs ship with exosim; --dir (or $EXOSIM_LABS) adds a directory of your own *.lab files.",
	}
	l.PersistentFlags().StringVar(&dir, "dir", "", "directory of extra *.lab files (default $EXOSIM_LABS); they replace built-in labs of the same name")
	catalog := func() ([]*labs.Lab, error) {
		d := dir
		if d == "" {
			d = e.getenv("EXOSIM_LABS")
		}
		return labs.Catalog(d)
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the labs: name, seed tenant, whether they can run, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ls, err := catalog()
			if err != nil {
				return err
			}
			probe := labs.Probe(registry.LabSession)
			tw := tabwriter.NewWriter(e.io.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSEED\tSTATUS\tTITLE")
			var notes []string
			for _, lab := range ls {
				status := "ready"
				if missing := labs.Missing(lab, probe); len(missing) > 0 {
					status = "unavailable"
					notes = append(notes, fmt.Sprintf("%s needs what this exosim doesn't have yet: %s", lab.Name, strings.Join(missing, "; ")))
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", lab.Name, lab.Seed, status, lab.Title)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(notes) > 0 {
				fmt.Fprintln(e.io.Out)
				for _, n := range notes {
					fmt.Fprintln(e.io.Out, n)
				}
			}
			return nil
		},
	}
	start := &cobra.Command{
		Use:   "start NAME",
		Short: "Reset the tenant to the lab's starting state and print the task",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			ls, err := catalog()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var names []string
			for _, lab := range ls {
				names = append(names, lab.Name+"\t"+lab.Title)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ls, err := catalog()
			if err != nil {
				return err
			}
			lab, ok := labs.Find(ls, args[0])
			if !ok {
				return &usageError{fmt.Errorf("no lab named %q (exosim lab list shows the labs)", args[0])}
			}
			st, err := openTenantFile(e, o)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := labs.Start(st, lab, registry.LabSession); err != nil {
				return err
			}
			w := e.io.Out
			fmt.Fprintf(w, "Lab %s: %s\n", lab.Name, lab.Title)
			if lab.Source != "" {
				fmt.Fprintf(w, "Based on: %s\n", lab.Source)
			}
			fmt.Fprintf(w, "The tenant was reset to the %s seed and prepared for the lab.\n\n", lab.Seed)
			fmt.Fprintln(w, strings.TrimRight(lab.Task, "\n"))
			fmt.Fprintln(w, "\nObjectives:")
			for i, ob := range lab.Objectives {
				fmt.Fprintf(w, "  %d. %s\n", i+1, ob.Description)
			}
			fmt.Fprintln(w, "\n"+labs.CheckingHelp)
			return nil
		},
	}
	var verbose bool
	check := &cobra.Command{
		Use:   "check",
		Short: "Check the active lab's objectives; exit 0 only when all are done",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openTenantFile(e, o)
			if err != nil {
				return err
			}
			defer st.Close()
			lab, _, err := labs.Active(st)
			if err != nil {
				return err
			}
			rs := labs.Check(st, lab, registry.LabSession)
			w := e.io.Out
			fmt.Fprintf(w, "Lab %s: %s\n", lab.Name, lab.Title)
			done := 0
			for _, r := range rs {
				mark := "missing"
				if r.Done {
					mark = "done"
					done++
				}
				fmt.Fprintf(w, "  %-9s %d. %s\n", "["+mark+"]", r.Number, r.Description)
				if verbose && !r.Done && strings.TrimSpace(r.Errors) != "" {
					for _, line := range strings.Split(strings.TrimRight(r.Errors, "\n"), "\n") {
						fmt.Fprintf(w, "            | %s\n", line)
					}
				}
			}
			if done == len(rs) {
				fmt.Fprintf(w, "All %d objectives done: lab complete.\n", len(rs))
				return nil
			}
			fmt.Fprintf(w, "%d of %d objectives done.\n", done, len(rs))
			return exitCode(1)
		},
	}
	check.Flags().BoolVarP(&verbose, "verbose", "v", false, "show the errors a failing check wrote (for lab authors)")
	hint := &cobra.Command{
		Use:   "hint",
		Short: "Print the next hint of the active lab",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openTenantFile(e, o)
			if err != nil {
				return err
			}
			defer st.Close()
			lab, text, n, err := labs.NextHint(st)
			if err != nil {
				return err
			}
			if n == 0 {
				fmt.Fprintf(e.io.Out, "Lab %s has no hints.\n", lab.Name)
				return nil
			}
			fmt.Fprintf(e.io.Out, "Hint %d of %d:\n%s\n", n, len(lab.Hints), strings.TrimRight(text, "\n"))
			return nil
		},
	}
	l.AddCommand(list, start, check, hint)
	return l
}

// openTenantFile opens the tenant file without seeding it (lab start
// seeds it itself; check and hint need a lab started before).
func openTenantFile(e *env, o *options) (*store.Store, error) {
	path, err := tenantPath(e, o)
	if err != nil {
		return nil, err
	}
	return tenant.Open(path, store.Options{LockTimeout: lockTimeout(o)})
}
