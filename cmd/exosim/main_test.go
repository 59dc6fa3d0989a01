package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"exosim": func() { os.Exit(main1()) },
	})
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
			return nil
		},
		Condition: labCondition,
	})
}
