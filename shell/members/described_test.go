package members_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/runtime"
)

// Every member a type's description lists resolves on a value of that
// type, so Get-Member never shows a member exosim cannot run.
func TestDescribedMembersResolve(t *testing.T) {
	t.Parallel()
	// the session's files are in memory
	reader := `& { $null = [System.IO.File]::WriteAllText('lines.txt', 'one'); [System.IO.StreamReader]::new('lines.txt') }`
	samples := map[string]string{
		"System.String":                                 `'text'`,
		"System.Collections.Generic.List`1":             `[System.Collections.Generic.List[string]]::new()`,
		"System.Collections.ArrayList":                  `[System.Collections.ArrayList]::new()`,
		"System.Collections.Generic.Dictionary`2":       `[System.Collections.Generic.Dictionary[string,int]]::new()`,
		"System.Collections.Hashtable":                  `@{}`,
		"System.Collections.Generic.HashSet`1":          `[System.Collections.Generic.HashSet[int]]::new()`,
		"System.Collections.Generic.Queue`1":            `[System.Collections.Generic.Queue[string]]::new()`,
		"System.Collections.Generic.Stack`1":            `[System.Collections.Generic.Stack[string]]::new()`,
		"System.Collections.Queue":                      `[System.Collections.Queue]::new()`,
		"System.Collections.Stack":                      `[System.Collections.Stack]::new()`,
		"System.Text.StringBuilder":                     `[System.Text.StringBuilder]::new()`,
		"System.DateTime":                               `[datetime]::new(2024, 1, 2)`,
		"System.TimeSpan":                               `[timespan]::FromHours(1)`,
		"System.DateTimeOffset":                         `[datetimeoffset]::UnixEpoch`,
		"System.IO.StreamReader":                        reader,
		"System.IO.FileStream":                          "(" + reader + ").BaseStream",
		"System.Globalization.CultureInfo":              `[cultureinfo]::InvariantCulture`,
		"System.Globalization.TextInfo":                 `[cultureinfo]::InvariantCulture.TextInfo`,
		"System.Console":                                `[System.Console]`,
		"System.Net.WebUtility":                         `[System.Net.WebUtility]`,
		"System.Web.HttpUtility":                        `[System.Web.HttpUtility]`,
		"System.Runtime.InteropServices.Marshal":        `[System.Runtime.InteropServices.Marshal]`,
		"System.Environment":                            `[System.Environment]`,
		"System.Management.Automation.PSCredential":     `[pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))`,
		"System.Diagnostics.Stopwatch":                  `[System.Diagnostics.Stopwatch]::new()`,
		"System.Guid":                                   `[guid]::Empty`,
		"System.ValueTuple`2":                           `[math]::DivRem(7, 2)`,
		"System.Boolean":                                `$true`,
		"System.Char":                                   `[char]'a'`,
		"System.Math":                                   `[math]`,
		"System.BitConverter":                           `[System.BitConverter]`,
		"System.Version":                                `[version]'1.2.3'`,
		"System.TimeZoneInfo":                           `[System.TimeZoneInfo]::Utc`,
		"System.Uri":                                    `[uri]`,
		"System.Text.Encoding":                          `[System.Text.Encoding]::UTF8`,
		"System.Management.Automation.ScriptBlock":      `{ 1 }`,
		"System.IO.Path":                                `[System.IO.Path]`,
		"System.IO.File":                                `[System.IO.File]`,
		"System.IO.Directory":                           `[System.IO.Directory]`,
		"System.Byte":                                   `[byte]1`,
		"System.SByte":                                  `[sbyte]1`,
		"System.Int16":                                  `[int16]1`,
		"System.UInt16":                                 `[uint16]1`,
		"System.Int32":                                  `1`,
		"System.UInt32":                                 `[uint32]1`,
		"System.Int64":                                  `[long]1`,
		"System.UInt64":                                 `[uint64]1`,
		"System.Single":                                 `[float]1`,
		"System.Double":                                 `1.5`,
		"System.Decimal":                                `1d`,
		"System.Numerics.BigInteger":                    `1n`,
		"System.Text.RegularExpressions.Regex":          `[regex]'a+'`,
		"System.Text.RegularExpressions.Match":          `[regex]::Match('aa', 'a')`,
		"System.Convert":                                `[System.Convert]`,
		"System.Array":                                  `@(1, 2)`,
		"System.Management.Automation.EngineIntrinsics": `$ExecutionContext`,
		"System.Management.Automation.CommandInvocationIntrinsics": `$ExecutionContext.InvokeCommand`,
		"System.Management.Automation.SessionState":                `$ExecutionContext.SessionState`,
		"System.Management.Automation.PathIntrinsics":              `$ExecutionContext.SessionState.Path`,
		"System.Management.Automation.PSVariableIntrinsics":        `$ExecutionContext.SessionState.PSVariable`,
		"System.Text.RegularExpressions.MatchCollection":           `[regex]::Matches('aa', 'a')`,
		"System.Text.RegularExpressions.GroupCollection":           `[regex]::Match('aa', 'a').Groups`,
		"System.Management.Automation.PSReference":                 `[ref]1`,
		"System.Net.ServicePointManager":                           `[System.Net.ServicePointManager]`,
		"System.RuntimeType":                                       `[string]`,
		"System.Collections.Specialized.OrderedDictionary":         `[ordered]@{}`,
		"System.StringComparer":                                    `[System.StringComparer]::Ordinal`,
		"System.IntPtr":                                            `[intptr]::Zero`,
		"System.Management.Automation.SwitchParameter":             `[switch]$true`,
		"System.Security.Principal.WindowsIdentity":                `[System.Security.Principal.WindowsIdentity]`,
		"System.AppDomain":                                         `[System.AppDomain]::CurrentDomain`,
	}
	for typ, described := range members.Described() {
		typ, described := typ, described
		t.Run(typ, func(t *testing.T) {
			expr, ok := samples[typ]
			if !ok && strings.HasSuffix(typ, "Exception") {
				expr, ok = "["+typ+"]::new('message')", true
			}
			if !ok {
				t.Fatalf("no sample value for %s", typ)
			}
			var out strings.Builder
			rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &out, Err: &out}, nil)
			rt.Register(core.Commands()...)
			var v any
			if err := rt.InvokeExpression(",("+expr+")", func(x any) error { v = x; return nil }); err != nil || v == nil {
				t.Fatalf("%s: %v %s", expr, err, out.String())
			}
			// a type with only static members is sampled by the type
			// itself
			info, isType := rt.TypeOf(v), false
			if tv, ok := v.(*dotnet.TypeValue); ok && tv.Info.Def().FullName == typ {
				info, isType = tv.Info, true
			}
			if got := info.Def().FullName; got != typ {
				t.Fatalf("sample is a %s", got)
			}
			listed := map[string]bool{}
			if !isType {
				for _, m := range members.Of(rt.Members(), v, false, true) {
					listed[m.MemberType+" "+m.Name] = true
				}
			}
			for _, m := range members.Of(rt.Members(), &dotnet.TypeValue{Info: info}, true, true) {
				listed[m.MemberType+" "+m.Name] = true
			}
			for _, d := range described {
				if !listed[d] {
					t.Errorf("%s is described but does not resolve", d)
				}
			}
		})
	}
}

// Generic parameters in definitions become the type's arguments, as
// PowerShell writes them.
func TestMemberDefinitionsOfClosedGenerics(t *testing.T) {
	t.Parallel()
	rt, v := evalOne(t, ",[System.Collections.Generic.Dictionary[string,object]]::new()")
	want := map[string]string{
		"TryAdd":      "bool TryAdd(string key, System.Object value)",
		"TryGetValue": "bool TryGetValue(string key, [ref] System.Object value)",
		"Keys":        "System.Collections.Generic.Dictionary`2+KeyCollection[string,System.Object] Keys {get;}",
	}
	for _, m := range members.Of(rt.Members(), v, false, false) {
		if w, ok := want[m.Name]; ok {
			if m.Definition != w {
				t.Errorf("%s: %q, want %q", m.Name, m.Definition, w)
			}
			delete(want, m.Name)
		}
	}
	for n := range want {
		t.Errorf("%s not listed", n)
	}
}

// An enum type's values are its static properties, of the enum's type.
func TestEnumValuesAreStaticProperties(t *testing.T) {
	t.Parallel()
	rt, v := evalOne(t, ",[System.DayOfWeek]")
	var got []string
	for _, m := range members.Of(rt.Members(), v, true, false) {
		if m.MemberType == "Property" {
			got = append(got, m.Name+": "+m.Definition)
		}
	}
	want := []string{
		"Friday: static System.DayOfWeek Friday {get;}", "Monday: static System.DayOfWeek Monday {get;}",
		"Saturday: static System.DayOfWeek Saturday {get;}", "Sunday: static System.DayOfWeek Sunday {get;}",
		"Thursday: static System.DayOfWeek Thursday {get;}", "Tuesday: static System.DayOfWeek Tuesday {get;}",
		"Wednesday: static System.DayOfWeek Wednesday {get;}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// evalOne runs an expression in a new session and returns the session
// and the one value the expression writes.
func evalOne(t *testing.T, expr string) (*runtime.Runtime, any) {
	t.Helper()
	rt := runtime.New(&host.IO{In: strings.NewReader("")}, nil)
	var v any
	if err := rt.InvokeExpression(expr, func(x any) error { v = x; return nil }); err != nil {
		t.Fatal(err)
	}
	return rt, v
}
