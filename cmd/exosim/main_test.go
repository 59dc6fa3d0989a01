package main

import (
	"fmt"
	"os"
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

// TestScripts runs the end-to-end sessions under testdata/script: each is a
// fresh tenant in its own work directory.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXOSIM_TENANT", env.WorkDir+"/tenant.db")
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

// checkTenantAfterScript runs the tenant checks on the session's default
// tenant, if it made one, and fails the session on any finding.
func checkTenantAfterScript(env *testscript.Env) {
	path := env.WorkDir + "/tenant.db"
	if _, err := os.Stat(path); err != nil {
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
