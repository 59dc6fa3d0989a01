package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
)

func TestMain(m *testing.M) {
	testscript.Main(cleaningM{m}, map[string]func(){
		"exosim": func() { os.Exit(main1()) },
	})
}

// cleaningM runs the tests, then removes the programs they built.
type cleaningM struct{ m *testing.M }

func (c cleaningM) Run() int {
	defer removeBuilds()
	return c.m.Run()
}

// scriptDir holds the end-to-end sessions TestScripts runs.
const scriptDir = "../../testdata/script"

// TestScripts runs the end-to-end sessions under testdata/script: each is a
// fresh tenant in its own work directory. The tenant starts as a copy of
// the seeded tenant a first command would make (seeding anew in every
// session would cost each one's first command most of its time), except in
// a session that names tenant.db itself or runs tenant init: it makes the
// tenant, or watches the file appear or not, as a user's first run does.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: scriptDir,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXOSIM_TENANT", env.WorkDir+"/tenant.db")
			fresh, err := scriptMakesTenant(env)
			if err != nil {
				return err
			}
			if !fresh {
				if err := copySeededTenant(env.WorkDir + "/tenant.db"); err != nil {
					return err
				}
			}
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("NO_COLOR", "1")
			// the Pester files of testdata/pester, which pester_*.txtar run
			if dir, err := filepath.Abs("../../testdata/pester"); err == nil {
				env.Setenv("PESTER", dir)
			}
			// Whatever a session did, its tenant must stay consistent.
			env.Defer(func() { checkTenantAfterScript(env) })
			return nil
		},
		Condition: labCondition,
	})
}

// scriptMakesTenant reports whether the running session's script mentions
// its default tenant's file, tenant.db, or initializes a tenant.
func scriptMakesTenant(env *testscript.Env) (bool, error) {
	named, ok := env.T().(interface{ Name() string })
	if !ok {
		return false, fmt.Errorf("the session's test has no name")
	}
	script, err := os.ReadFile(filepath.Join(scriptDir, path.Base(named.Name())+".txtar"))
	if err != nil {
		return false, err
	}
	return bytes.Contains(script, []byte("tenant.db")) || bytes.Contains(script, []byte("tenant init")), nil
}

// checkTenantAfterScript runs the tenant checks on the session's default
// tenant, if it has one that the session changed (the seeded tenant it
// starts with passes them), and fails the session on any finding.
func checkTenantAfterScript(env *testscript.Env) {
	path := env.WorkDir + "/tenant.db"
	if _, err := os.Stat(path); err != nil || isUntouchedSeededTenant(path) {
		return
	}
	st, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		env.T().Fatal(fmt.Sprintf("open tenant after the session: %v", err))
		return
	}
	defer st.Close()
	fs, err := st.Check()
	if err != nil {
		env.T().Fatal(fmt.Sprintf("tenant check after the session: %v", err))
		return
	}
	for _, f := range fs {
		env.T().Log(f.String())
	}
	if len(fs) > 0 {
		env.T().Fatal("tenant check after the session found inconsistencies")
	}
}
