package labs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/lab"
	"github.com/exosim/exosim/store/seed"
)

// SessionFunc opens a fresh PowerShell session with every cmdlet over the
// tenant st, writing to io. The registry provides it; labs can't import
// the registry (the registry registers this package's cmdlets).
type SessionFunc func(io *host.IO, st *store.Store) *runtime.Runtime

// ErrNoLab is returned when the tenant has no active lab.
var ErrNoLab = errors.New("no lab is active in this tenant; run exosim lab start NAME (exosim lab list shows the labs)")

// quietIO is a session's IO whose output is kept in memory.
func quietIO() (*host.IO, *strings.Builder) {
	var out, errOut strings.Builder
	return &host.IO{In: strings.NewReader(""), Out: &out, Err: &errOut, Width: 120}, &errOut
}

// feature returns the commands a named feature on a lab's requires line
// stands for, and whether the name is a known feature. A feature with no
// commands isn't available in this exosim yet: its lab is listed as
// unavailable until the feature is implemented and listed here.
func feature(name string) ([]string, bool) {
	switch strings.ToLower(name) {
	case "holds":
		// Seed 002: retention policies and hold removal (Security &
		// Compliance PowerShell).
		return []string{"New-RetentionCompliancePolicy", "New-RetentionComplianceRule", "Set-RetentionCompliancePolicy",
			"Get-RetentionCompliancePolicy", "Invoke-HoldRemovalAction"}, true
	case "inactive-recovery":
		// Seed 004: New-Mailbox -InactiveMailbox turning an inactive
		// mailbox into a new one with its content.
		return []string{"New-Mailbox"}, true
	}
	return nil, false
}

// Probe returns a session without a tenant, for Missing: it has every
// command this exosim registers, whatever a tenant's role assignments
// would hide.
func Probe(newSession SessionFunc) *runtime.Runtime {
	io, _ := quietIO()
	return newSession(io, nil)
}

// Missing returns what the lab requires that a session of this exosim
// doesn't have: command names, and feature names (with the commands they
// lack in parentheses).
func Missing(l *Lab, rt *runtime.Runtime) []string {
	var missing []string
	for _, c := range l.Requires {
		cmds, isFeature := feature(c)
		if !isFeature {
			if _, ok := rt.LookupCommand(c); !ok {
				missing = append(missing, c)
			}
			continue
		}
		if len(cmds) == 0 {
			missing = append(missing, c)
			continue
		}
		var lack []string
		for _, fc := range cmds {
			if _, ok := rt.LookupCommand(fc); !ok {
				lack = append(lack, fc)
			}
		}
		if len(lack) > 0 {
			missing = append(missing, c+" ("+strings.Join(lack, ", ")+")")
		}
	}
	return missing
}

// UnavailableError reports a lab whose required commands are missing.
type UnavailableError struct {
	Lab     string
	Missing []string
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("lab %s needs what this exosim doesn't have yet: %s", e.Lab, strings.Join(e.Missing, "; "))
}

// SetupError reports a lab whose setup script failed: a bug in the lab.
type SetupError struct {
	Lab    string
	Output string
}

func (e *SetupError) Error() string {
	return fmt.Sprintf("the setup script of lab %s failed:\n%s", e.Lab, strings.TrimRight(e.Output, "\n"))
}

// Start resets the tenant to the lab's starting state (its seed, then its
// setup script) and records the lab as the tenant's active lab.
func Start(st *store.Store, l *Lab, newSession SessionFunc) error {
	if missing := Missing(l, Probe(newSession)); len(missing) > 0 {
		return &UnavailableError{Lab: l.Name, Missing: missing}
	}
	io, errOut := quietIO()
	if err := seed.Init(st, l.Seed, l.Clock, true); err != nil {
		return err
	}
	if strings.TrimSpace(l.Setup) != "" {
		rt := newSession(io, st)
		code := rt.Run(syntax.NewSource(l.Name+Ext+" setup", l.Setup), runtime.RunOptions{Script: true})
		if code != 0 || errOut.Len() > 0 {
			return &SetupError{Lab: l.Name, Output: errOut.String()}
		}
	}
	return st.Update(func(tx *store.Tx) error {
		return lab.SetActiveLab(tx, &lab.LabState{Name: l.Name, Origin: l.Origin, Definition: l.Text, Started: tx.Now()})
	})
}

// Active returns the tenant's active lab and its record, or ErrNoLab.
func Active(st *store.Store) (*Lab, *lab.LabState, error) {
	var rec *lab.LabState
	if err := st.View(func(tx *store.Tx) error {
		var err error
		rec, err = lab.ActiveLab(tx)
		return err
	}); err != nil {
		return nil, nil, err
	}
	if rec == nil || rec.Name == "" {
		return nil, nil, ErrNoLab
	}
	l, err := Parse(rec.Name, rec.Origin, []byte(rec.Definition))
	if err != nil {
		return nil, nil, err
	}
	return l, rec, nil
}

// Result is the outcome of one objective's check.
type Result struct {
	Objective
	// Number counts objectives from 1 in file order.
	Number int
	Done   bool
	// Errors holds the error text the check wrote, if any (for trainers
	// debugging a check; trainees see only done or missing).
	Errors string
}

// checkVar is the variable a check's verdict is read from.
const checkVar = "__exosimLabCheck"

// Check evaluates every objective of l against the tenant in one fresh
// session: the prelude first, then each check in file order.
func Check(st *store.Store, l *Lab, newSession SessionFunc) []Result {
	io, errOut := quietIO()
	rt := newSession(io, st)
	rt.Run(syntax.NewSource("", "$ErrorActionPreference = 'SilentlyContinue'"), runtime.RunOptions{})
	if strings.TrimSpace(l.Prelude) != "" {
		rt.Run(syntax.NewSource(l.Name+Ext+" prelude", l.Prelude), runtime.RunOptions{})
	}
	prelude := errOut.String()
	results := make([]Result, 0, len(l.Objectives))
	for i, o := range l.Objectives {
		errOut.Reset()
		rt.Scope().Global().Set(checkVar, false)
		src := "$global:" + checkVar + " = if (& {\n" + o.Check + "\n}) { $true } else { $false }"
		rt.Run(syntax.NewSource(fmt.Sprintf("%s%s objective %d", l.Name, Ext, i+1), src), runtime.RunOptions{})
		v, _ := rt.Scope().Get(checkVar)
		done, _ := v.(bool)
		r := Result{Objective: o, Number: i + 1, Done: done, Errors: errOut.String()}
		if i == 0 && prelude != "" {
			r.Errors = prelude + r.Errors
		}
		results = append(results, r)
	}
	return results
}

// AllDone reports whether every result is done.
func AllDone(rs []Result) bool {
	for _, r := range rs {
		if !r.Done {
			return false
		}
	}
	return true
}

// NextHint returns the next hint of the active lab and its number (from
// 1), and records it as shown. Once every hint has been shown it returns
// the last one again. A lab without hints returns number 0.
func NextHint(st *store.Store) (l *Lab, text string, number int, err error) {
	l, rec, err := Active(st)
	if err != nil {
		return nil, "", 0, err
	}
	if len(l.Hints) == 0 {
		return l, "", 0, nil
	}
	n := rec.HintsShown + 1
	if n > len(l.Hints) {
		n = len(l.Hints)
	}
	rec.HintsShown = n
	if err := st.Update(func(tx *store.Tx) error { return lab.SetActiveLab(tx, rec) }); err != nil {
		return nil, "", 0, err
	}
	return l, l.Hints[n-1], n, nil
}
