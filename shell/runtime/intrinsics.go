package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/intrinsics"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/wildcard"
)

// intrinsicsSession is the session as $ExecutionContext reaches it
// (intrinsics.Session).
type intrinsicsSession struct{ rt *Runtime }

var _ intrinsics.Session = intrinsicsSession{}

// engineIntrinsics makes $ExecutionContext (EngineIntrinsics).
func (rt *Runtime) engineIntrinsics() any { return intrinsics.New(intrinsicsSession{rt}) }

func (s intrinsicsSession) Host() any {
	v, _ := s.rt.global.Get("Host")
	return v
}

// Module is the module of the code reading $ExecutionContext.SessionState.
func (s intrinsicsSession) Module() any {
	if m := s.rt.scope.Module(); m != nil {
		return m.Info()
	}
	return nil
}

func (s intrinsicsSession) Files() *fsys.Namespace { return s.rt.Files() }

func (s intrinsicsSession) Run(sb *automation.ScriptBlock, newScope bool, input, args []any) ([]any, error) {
	var out []any
	step, err := s.rt.StepScriptBlock(sb, args, !newScope, func(v any) error {
		out = append(out, v)
		return nil
	})
	if err == nil {
		err = step.RunOnce(input)
	}
	return out, err
}

// Command finds a command as Get-Command does for its one name (taken
// literally, not as a wildcard pattern) among the command types named.
func (s intrinsicsSession) Command(name string, types any) (any, error) {
	sb, err := automation.Create(`param($n, $t) Microsoft.PowerShell.Core\Get-Command -Name $n -CommandType $t -ErrorAction Ignore`)
	if err != nil {
		return nil, err
	}
	out, err := s.Run(sb, true, nil, []any{wildcard.Escape(name), types})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return out[0], nil
}

func (s intrinsicsSession) Variable(name string) *scope.Variable { return s.rt.scope.Find(name) }

func (s intrinsicsSession) SetVariable(name string, v any) error {
	return s.rt.assignVariable(name, v)
}

func (s intrinsicsSession) RemoveVariable(name string) error {
	_, err := s.rt.scope.Delete(name, "", false)
	return err
}
