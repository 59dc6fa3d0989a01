package runtime_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
)

// frameworkSession is a session with the core cmdlets, writing to out.
func frameworkSession(out *bytes.Buffer) *runtime.Runtime {
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: out, Err: out, Width: 120}, nil)
	rt.Register(core.Commands()...)
	return rt
}

// scriptBlock evaluates the text of a script block literal.
func scriptBlock(t *testing.T, rt *runtime.Runtime, text string) *automation.ScriptBlock {
	t.Helper()
	var sb *automation.ScriptBlock
	err := rt.InvokeExpression(text, func(v any) error {
		sb, _ = v.(*automation.ScriptBlock)
		return nil
	})
	if err != nil || sb == nil {
		t.Fatalf("%s: %v", text, err)
	}
	return sb
}

func TestDotSourceIntoOwnScopes(t *testing.T) {
	var out bytes.Buffer
	rt := frameworkSession(&out)
	setup := scriptBlock(t, rt, `{ $shared = 'from setup'; function Get-Shared { $shared } }`)
	body := scriptBlock(t, rt, `{ param($Name) "$Name sees $(Get-Shared)" }`)
	var got []string
	collect := func(v any) error { got = append(got, rt.ToStr(v)); return nil }
	err := rt.InNewScope(false, func() error {
		if err := rt.DotSource(setup, nil, nil); err != nil {
			return err
		}
		named := object.NewHashtable()
		named.Set("Name", "test")
		named.Set("Extra", 1) // no parameter takes it: it goes to $args
		return rt.InNewScope(false, func() error { return rt.DotSource(body, named, collect) })
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "test sees from setup" {
		t.Errorf("got %q", got)
	}
	if _, ok := rt.Scope().Get("shared"); ok {
		t.Error("a variable of the inner scope reached the session's scope")
	}
}

func TestDotSourceReturnsEveryTerminatingError(t *testing.T) {
	for _, text := range []string{
		`{ throw 'boom'; 'after' }`,
		`{ [int]'x'; 'after' }`, // a statement-terminating error ends it as in a try block
		`{ Write-Error 'bad' -ErrorAction Stop; 'after' }`,
	} {
		var out bytes.Buffer
		rt := frameworkSession(&out)
		var got []any
		err := rt.DotSource(scriptBlock(t, rt, text), nil, func(v any) error { got = append(got, v); return nil })
		var pe *pserror.Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a pserror.Error", text, err)
		}
		if len(got) != 0 || strings.Contains(out.String(), "after") {
			t.Errorf("%s: went on after the error: %v %q", text, got, out.String())
		}
	}
}

func TestCommandHookStandsInForCommands(t *testing.T) {
	var out bytes.Buffer
	rt := frameworkSession(&out)
	var seen []any
	double := &command.Command{Name: "Get-Thing", TestDouble: true, AcceptsAnyArguments: true,
		Handler: command.Handler{Process: func(ctx *command.Context) error {
			for _, a := range ctx.Args() {
				if name, ok := runtime.Of(ctx).ParameterName(a); ok {
					seen = append(seen, "-"+name)
					continue
				}
				seen = append(seen, a)
			}
			return ctx.WriteObject("double")
		}}}
	rt.SetCommandHook(func(name string) *command.Command {
		if strings.EqualFold(name, "Get-Thing") || strings.EqualFold(name, "Write-Output") {
			return double
		}
		return nil
	})
	observed := 0
	rt.AddInvocationHook(nil, func(command.InvocationEvent) { observed++ })
	rt.RunString("Get-Thing -Identity bob 7; Write-Output real")
	if got := out.String(); got != "double\ndouble\n" {
		t.Errorf("output %q", got)
	}
	if len(seen) < 3 || seen[0] != "-Identity" || seen[1] != "bob" {
		t.Errorf("arguments %v", seen)
	}
	if observed != 0 {
		t.Errorf("invocation hooks observed a test double %d times", observed)
	}
	rt.SetCommandHook(nil)
	out.Reset()
	rt.RunString("Write-Output real")
	if out.String() != "real\n" {
		t.Errorf("without the hook: %q", out.String())
	}
}
