package runtime_test

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// fuzzDecl is a command with a parameter of every binder type, three
// parameter sets and a mandatory parameter, declared as kind.
func fuzzDecl(name string, kind command.CommandType) *command.Command {
	c := &command.Command{Name: name, Type: kind, Module: "Test", Version: "1.0", FullTypeName: "Test.FuzzCommand"}
	c.Sets = []string{"Identity", "Filter", "Anr"}
	c.DefaultSet = "Identity"
	c.Params = []*params.Param{
		params.P("Identity", tItemID, params.InSets(params.SetInfo{Set: "Identity", Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("Filter", params.TString, params.InSets(params.Set("Filter", true, -1))),
		params.P("Anr", params.TString, params.InSets(params.Set("Anr", true, 0))),
		params.P("Name", params.TString),
		params.P("Names", params.TStrings, params.Alias("N")),
		params.P("Enabled", params.TBool),
		params.P("Force", params.TSwitch),
		params.P("Count", params.TInt, params.Range(1, 1000)),
		params.P("Big", params.TLong),
		params.P("Ratio", params.TDouble),
		params.P("When", params.TDateTime),
		params.P("Span", params.TTimeSpan),
		params.P("Days", tDays),
		params.P("Guid", params.TGuid),
		params.P("Password", params.TSecureString),
		params.P("Credential", params.TCredential),
		params.P("Table", params.THashtable),
		params.P("Script", params.TScriptBlock),
		params.P("Action", params.EnumType("ActionType", "ActionType", "GetHolds", "RemoveHold")),
		params.P("Addresses", tList),
		params.P("Quota", tQuota),
		params.P("ResultSize", tLimit),
		params.P("Object", params.TObject),
		params.P("InputObject", params.TPSObject, params.FromPipeline()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		b := ctx.Bound()
		keys := make([]string, 0, len(b))
		for k := range b {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s=%s", k, runtime.Of(ctx).ToStr(b[k])))
		}
		return ctx.WriteObject(ctx.ParameterSet + ": " + strings.Join(parts, " "))
	}
	return c
}

// fuzzValues are the typed values a "$n" token stands for.
var fuzzValues = []string{
	"$true", "$false", "$null", "0", "-1", "42", "1.5", "1e308", "99999999999999999999", "0x7fffffff",
	"@()", "@(1,2,3)", "@('a',$null)", "@{a=1}", "@{Identity='annb'}", "{ 1 }", "[datetime]'2024-03-01'",
	"[timespan]'1.02:03:04'", "[guid]'1b9b0c3e-8a4d-4a6b-9f35-5f0a6c6f8d21'", "(1..3)", "'Unlimited'", "'50GB'",
	"[pscustomobject]@{Identity='pilarp';Count=3}", "(New-Object -TypeName PSObject)", "'a','b'", "@(@(1),@(2))",
}

var fuzzParamToken = regexp.MustCompile(`^-[A-Za-z]{0,20}:?$`)

// fuzzLine turns fuzz input into an invocation: tokens are separated by
// NUL; "-Name" and "-Name:" tokens stay parameter names, "$n" picks a
// typed value, "|" pipes a value in, anything else is a quoted string.
func fuzzLine(name string, data []byte) string {
	var b strings.Builder
	var pipe string
	for i, tok := range strings.Split(string(data), "\x00") {
		if i > 40 {
			break
		}
		switch {
		case fuzzParamToken.MatchString(tok):
			b.WriteString(" " + tok)
		case strings.HasPrefix(tok, "$") && len(tok) > 1:
			b.WriteString(" " + fuzzValues[int(tok[1])%len(fuzzValues)])
		case strings.HasPrefix(tok, "|") && len(tok) > 1 && pipe == "":
			pipe = fuzzValues[int(tok[1])%len(fuzzValues)] + " | "
		default:
			b.WriteString(" '" + strings.ReplaceAll(tok, "'", "''") + "'")
		}
	}
	return pipe + name + b.String()
}

// FuzzBind binds arbitrary argument lists against a cmdlet and a function
// declaration with parameters of every type: binding succeeds or fails
// with a PowerShell error, never with an internal error (a recovered Go
// panic) or a hang.
func FuzzBind(f *testing.F) {
	for _, s := range []string{
		"-Identity\x00annb", "annb\x00-Force", "-Filter\x00x\x00-Identity\x00a", "-Count\x00$\x05", "-Count:\x00$\x08",
		"-Enabled\x00True", "-When\x002024-03-01", "-Span\x001.02:03", "-Days\x0030", "-Guid\x00nope",
		"-Table\x00$\x0d", "-Script\x00$\x0f", "-Action\x00getholds", "-Quota\x0050GB", "-ResultSize\x00Unlimited",
		"|\x0e\x00-Force", "|\x16", "-N\x00a\x00b", "-Password\x00p", "-Credential\x00$\x02", "-Big\x00$\x09",
		"a\x00b\x00c", "-\x00-:", "-Anr\x00x", "-Addresses\x00$\x0b", "-Ratio\x00$\x07", "-Object\x00$\x17",
	} {
		f.Add([]byte(s))
	}
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	rt.Register(fuzzDecl("Test-FuzzCmdlet", command.CmdletCommand), fuzzDecl("Test-FuzzFunction", command.FunctionCommand))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"Test-FuzzCmdlet", "Test-FuzzFunction"} {
			buf.Reset()
			line := fuzzLine(name, data)
			rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
			if strings.Contains(buf.String(), "exosim internal error") {
				t.Fatalf("%s\n%s", line, buf.String())
			}
		}
	})
}
