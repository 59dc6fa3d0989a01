package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

func hostCommands() []*runtime.Command {
	return []*runtime.Command{getDate(), startSleep(), newTimeSpan(), readHost(), convertToSecureString(), convertFromSecureString(), getCredential(), clearHost()}
}

func getDate() *runtime.Command {
	c := Cmdlet("Get-Date", ModUtility, "GetDateCommand")
	c.Synopsis = "Returns the current date and time of the simulated clock."
	c.Sets = []string{"net", "UFormat", "UnixTimeSecondsSet"}
	c.DefaultSet = "net"
	c.Params = []*runtime.Param{
		runtime.P("Date", runtime.TDateTime, runtime.Position(0), runtime.FromPipeline(), runtime.Alias("LastWriteTime")),
		runtime.P("Year", runtime.TInt), runtime.P("Month", runtime.TInt), runtime.P("Day", runtime.TInt),
		runtime.P("Hour", runtime.TInt), runtime.P("Minute", runtime.TInt), runtime.P("Second", runtime.TInt),
		runtime.P("Millisecond", runtime.TInt),
		runtime.P("DisplayHint", runtime.EnumType("DisplayHintType", "Microsoft.PowerShell.Commands.DisplayHintType", "Date", "Time", "DateTime")),
		runtime.P("Format", runtime.TString, runtime.InSets(runtime.Set("net", false, -1), runtime.Set("UnixTimeSecondsSet", false, -1))),
		runtime.P("UFormat", runtime.TString, runtime.InSets(runtime.Set("UFormat", false, -1))),
		runtime.P("AsUTC", runtime.TSwitch),
		runtime.P("UnixTimeSeconds", runtime.TLong, runtime.InSets(runtime.Set("UnixTimeSecondsSet", true, -1)), runtime.Alias("UnixTime")),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		// The current time is a Local DateTime; a date given keeps its
		// kind, and the -Year.. parts replace fields without changing it.
		t := ctx.Now().In(object.LocalZone)
		if d, ok := ctx.Time("Date"); ok {
			t = d
		}
		if ctx.Has("UnixTimeSeconds") {
			// the binder may give an int or a long; the result is Local
			t = time.Unix(int64(ctx.Int("UnixTimeSeconds")), 0).In(object.LocalZone)
		}
		set := func(name string, f func(n int) time.Time) {
			if ctx.Has(name) {
				t = f(ctx.Int(name))
			}
		}
		set("Year", func(n int) time.Time {
			return time.Date(n, t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
		})
		set("Month", func(n int) time.Time {
			return time.Date(t.Year(), time.Month(n), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
		})
		set("Day", func(n int) time.Time {
			return time.Date(t.Year(), t.Month(), n, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
		})
		set("Hour", func(n int) time.Time {
			return time.Date(t.Year(), t.Month(), t.Day(), n, t.Minute(), t.Second(), t.Nanosecond(), t.Location())
		})
		set("Minute", func(n int) time.Time {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), n, t.Second(), t.Nanosecond(), t.Location())
		})
		set("Second", func(n int) time.Time {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), n, t.Nanosecond(), t.Location())
		})
		set("Millisecond", func(n int) time.Time {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), n*1e6, t.Location())
		})
		if ctx.Switch("AsUTC") {
			t = t.UTC()
		}
		if f := ctx.String("Format"); f != "" {
			return ctx.WriteObject(object.FormatDateTime(t, f))
		}
		if f := ctx.String("UFormat"); f != "" {
			return ctx.WriteObject(uformat(t, f))
		}
		return ctx.WriteObject(t)
	}
	return c
}

// uformat implements -UFormat's UNIX-style specifiers as PowerShell
// defines them; a leading "+" is skipped and an unknown specifier prints
// its letter alone.
func uformat(t time.Time, f string) string {
	var b strings.Builder
	f = strings.TrimPrefix(f, "+")
	dotnet := func(pattern string) { b.WriteString(object.FormatDateTime(t, pattern)) }
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 >= len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case 'A':
			dotnet("dddd")
		case 'a':
			dotnet("ddd")
		case 'B':
			dotnet("MMMM")
		case 'b', 'h':
			dotnet("MMM")
		case 'C':
			fmt.Fprintf(&b, "%d", t.Year()/100)
		case 'c':
			dotnet("ddd dd MMM yyyy HH:mm:ss")
		case 'D', 'x':
			dotnet("MM/dd/yy")
		case 'd':
			dotnet("dd")
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'F':
			dotnet("yyyy-MM-dd")
		case 'G':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%04d", y)
		case 'g':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", y%100)
		case 'H':
			dotnet("HH")
		case 'I':
			dotnet("hh")
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'k':
			fmt.Fprintf(&b, "%2d", t.Hour())
		case 'l':
			fmt.Fprintf(&b, "%2s", object.FormatDateTime(t, "%h"))
		case 'M':
			dotnet("mm")
		case 'm':
			dotnet("MM")
		case 'n':
			b.WriteByte('\n')
		case 'p':
			dotnet("tt")
		case 'R':
			dotnet("HH:mm")
		case 'r':
			dotnet("hh:mm:ss tt")
		case 'S':
			dotnet("ss")
		case 's':
			secs := float64(object.DateTimeTicks(t.UTC())-object.DateTimeTicks(time.Unix(0, 0).UTC())) / 1e7
			fmt.Fprintf(&b, "%.0f", secs)
		case 'T', 'X':
			dotnet("HH:mm:ss")
		case 't':
			b.WriteByte('\t')
		case 'U', 'W':
			fmt.Fprintf(&b, "%d", t.YearDay()/7)
		case 'u':
			d := int(t.Weekday())
			if d == 0 {
				d = 7
			}
			fmt.Fprintf(&b, "%d", d)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", w)
		case 'w':
			fmt.Fprintf(&b, "%d", int(t.Weekday()))
		case 'Y':
			dotnet("yyyy")
		case 'y':
			dotnet("yy")
		case 'Z':
			dotnet("zz")
		default:
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

func startSleep() *runtime.Command {
	c := Cmdlet("Start-Sleep", ModUtility, "StartSleepCommand")
	c.Synopsis = "Moves the simulated clock forward by the given time and returns at once."
	c.Sets = []string{"Seconds", "Milliseconds", "FromTimeSpan"}
	c.DefaultSet = "Seconds"
	c.Params = []*runtime.Param{
		runtime.P("Seconds", runtime.TDouble, runtime.InSets(runtime.Set("Seconds", true, 0)), runtime.FromPipeline()),
		runtime.P("Milliseconds", runtime.TInt, runtime.InSets(runtime.Set("Milliseconds", true, -1)), runtime.Alias("ms")),
		runtime.P("Duration", runtime.TTimeSpan, runtime.InSets(runtime.Set("FromTimeSpan", true, -1)), runtime.Alias("ts")),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		var d object.TimeSpan
		switch ctx.ParameterSet {
		case "Milliseconds":
			d = object.TimeSpan(ctx.Int("Milliseconds")) * object.TicksPerMillisecond
		case "FromTimeSpan":
			d = ctx.Value("Duration").(object.TimeSpan)
		default:
			f, _ := ctx.Value("Seconds").(float64)
			d = object.TimeSpan(f * float64(object.TicksPerSecond))
		}
		if d < 0 {
			return ctx.Fail(ctx.NewError("Cannot validate argument: the duration must not be negative.", "ParameterArgumentValidationError", object.InvalidData, "ParameterBindingException", nil))
		}
		if ctx.RT.Sleep != nil {
			if err := ctx.RT.Sleep(d); err != nil {
				return ctx.Fail(ctx.NewError(err.Error(), "SimClockFailed", object.InvalidOperation, "InvalidOperationException", nil))
			}
		}
		return nil
	}
	return c
}

func newTimeSpan() *runtime.Command {
	c := Cmdlet("New-TimeSpan", ModUtility, "NewTimeSpanCommand")
	c.Synopsis = "Creates a TimeSpan."
	c.Sets = []string{"Date", "Time"}
	c.DefaultSet = "Date"
	d := func(n string, pos int) *runtime.Param {
		return runtime.P(n, runtime.TDateTime, runtime.InSets(runtime.Set("Date", false, pos)))
	}
	t := func(n string) *runtime.Param {
		return runtime.P(n, runtime.TInt, runtime.InSets(runtime.Set("Time", false, -1)))
	}
	c.Params = []*runtime.Param{d("Start", 0), d("End", 1), t("Days"), t("Hours"), t("Minutes"), t("Seconds"), t("Milliseconds")}
	c.Params[0].Aliases = []string{"LastWriteTime"}
	c.Handler.Process = func(ctx *runtime.Context) error {
		if ctx.ParameterSet == "Time" {
			ts := object.TimeSpan(ctx.Int("Days"))*object.TicksPerDay + object.TimeSpan(ctx.Int("Hours"))*object.TicksPerHour +
				object.TimeSpan(ctx.Int("Minutes"))*object.TicksPerMinute + object.TimeSpan(ctx.Int("Seconds"))*object.TicksPerSecond +
				object.TimeSpan(ctx.Int("Milliseconds"))*object.TicksPerMillisecond
			return ctx.WriteObject(ts)
		}
		start := ctx.Now()
		end := ctx.Now()
		if s, ok := ctx.Time("Start"); ok {
			start = s
		}
		if e, ok := ctx.Time("End"); ok {
			end = e
		}
		return ctx.WriteObject(object.TimeSpan(end.Sub(start) / 100))
	}
	return c
}

func readHost() *runtime.Command {
	c := Cmdlet("Read-Host", ModUtility, "ReadHostCommand")
	c.Synopsis = "Reads a line of input (hidden with -AsSecureString)."
	c.Sets = []string{"AsString", "AsSecureString"}
	c.DefaultSet = "AsString"
	c.Params = []*runtime.Param{
		runtime.P("Prompt", runtime.TObject, runtime.Position(0), runtime.RemainingArgs()),
		runtime.P("MaskInput", runtime.TSwitch, runtime.InSets(runtime.Set("AsString", false, -1))),
		runtime.P("AsSecureString", runtime.TSwitch, runtime.InSets(runtime.Set("AsSecureString", false, -1))),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		prompt := ""
		if ctx.Has("Prompt") {
			prompt = ctx.RT.ToStr(ctx.Value("Prompt")) + ": "
		}
		secret := ctx.Switch("AsSecureString") || ctx.Switch("MaskInput")
		io := ctx.RT.IO
		var line string
		var err error
		if io.Interactive() {
			line, err = io.ReadLine(prompt, secret)
		} else {
			if prompt != "" {
				ctx.RT.HostLine(prompt)
			}
			line, err = io.ReadLine("", false)
		}
		if errors.Is(err, host.ErrInterrupted) {
			return runtime.StopPipeline() // Ctrl+C: the line stops, no error
		}
		if err != nil {
			return ctx.Fail(ctx.NewError("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", "ReadHostFailed", object.ResourceUnavailable, "PSInvalidOperationException", nil))
		}
		if ctx.Switch("AsSecureString") {
			return ctx.WriteObject(object.NewSecureString(line))
		}
		return ctx.WriteObject(line)
	}
	return c
}

func convertToSecureString() *runtime.Command {
	c := Cmdlet("ConvertTo-SecureString", ModSecurity, "ConvertToSecureStringCommand")
	c.Synopsis = "Turns plain text (or an encrypted string) into a SecureString."
	c.Sets = []string{"Secure", "PlainText", "Open"}
	c.DefaultSet = "Secure"
	c.Params = []*runtime.Param{
		runtime.P("String", runtime.TString, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("AsPlainText", runtime.TSwitch, runtime.InSets(runtime.Set("PlainText", true, 1))),
		runtime.P("Force", runtime.TSwitch, runtime.InSets(runtime.Set("PlainText", false, 2))),
		runtime.P("SecureKey", runtime.TSecureString, runtime.InSets(runtime.Set("Secure", false, 1))),
		runtime.P("Key", &runtime.Type{Kind: runtime.KindObject, Name: "Byte[]", FullName: "System.Byte[]", Array: true}, runtime.InSets(runtime.Set("Open", false, -1))),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		s := ctx.String("String")
		if ctx.Switch("AsPlainText") {
			return ctx.WriteObject(object.NewSecureString(s))
		}
		if strings.HasPrefix(s, "exosim:") {
			return ctx.WriteObject(object.NewSecureString(strings.TrimPrefix(s, "exosim:")))
		}
		return ctx.Fail(ctx.NewError("The input string is not a valid encrypted standard string. Use -AsPlainText to convert plain text.", "ImportSecureString_InvalidArgument_CryptographicError,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand", object.InvalidArgument, "CryptographicException", s))
	}
	return c
}

func convertFromSecureString() *runtime.Command {
	c := Cmdlet("ConvertFrom-SecureString", ModSecurity, "ConvertFromSecureStringCommand")
	c.Synopsis = "Turns a SecureString into an encrypted standard string (or plain text)."
	c.Params = []*runtime.Param{
		runtime.P("SecureString", runtime.TSecureString, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("AsPlainText", runtime.TSwitch),
		runtime.P("SecureKey", runtime.TSecureString),
		runtime.P("Key", runtime.TObjects),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		s := ctx.Value("SecureString").(object.SecureString)
		if ctx.Switch("AsPlainText") {
			return ctx.WriteObject(s.Plain())
		}
		return ctx.WriteObject("exosim:" + s.Plain())
	}
	return c
}

// NewCredential builds a PSCredential object.
func NewCredential(user string, password object.SecureString) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSCredential", "System.Object")
	o.AddTyped("UserName", "string", user)
	o.AddTyped("Password", "securestring", password)
	return o
}

func getCredential() *runtime.Command {
	c := Cmdlet("Get-Credential", ModSecurity, "GetCredentialCommand")
	c.Synopsis = "Asks for a user name and password and returns a PSCredential."
	c.Sets = []string{"CredentialSet", "MessageSet"}
	c.DefaultSet = "CredentialSet"
	c.Params = []*runtime.Param{
		runtime.P("Credential", runtime.TObject, runtime.InSets(runtime.Set("CredentialSet", false, 0))),
		runtime.P("Message", runtime.TString, runtime.InSets(runtime.Set("MessageSet", false, -1))),
		runtime.P("UserName", runtime.TString, runtime.InSets(runtime.Set("MessageSet", false, 0))),
		runtime.P("Title", runtime.TString, runtime.InSets(runtime.Set("MessageSet", false, -1))),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		if cred, ok := ctx.Value("Credential").(*object.PSObject); ok {
			return ctx.WriteObject(cred)
		}
		user := ctx.String("UserName")
		if user == "" {
			user = ctx.String("Credential")
		}
		ctx.RT.HostLine("")
		ctx.RT.HostLine("PowerShell credential request")
		if m := ctx.String("Message"); m != "" {
			ctx.RT.HostLine(m)
		} else {
			ctx.RT.HostLine("Enter your credentials.")
		}
		if user == "" {
			var err error
			user, err = readPrompt(ctx, "User: ", false)
			if err != nil {
				return err
			}
		}
		pw, err := readPrompt(ctx, fmt.Sprintf("Password for user %s: ", user), true)
		if err != nil {
			return err
		}
		return ctx.WriteObject(NewCredential(user, object.NewSecureString(pw)))
	}
	return c
}

func readPrompt(ctx *runtime.Context, prompt string, secret bool) (string, error) {
	io := ctx.RT.IO
	if io.Interactive() {
		line, err := io.ReadLine(prompt, secret)
		if errors.Is(err, host.ErrInterrupted) {
			return "", runtime.StopPipeline()
		}
		if err != nil {
			return "", ctx.Fail(ctx.NewError("The operation was canceled.", "CouldNotPromptForCredential", object.InvalidOperation, "PSInvalidOperationException", nil))
		}
		return line, nil
	}
	ctx.RT.HostLine(prompt)
	line, err := io.ReadLine("", false)
	if err != nil {
		return "", ctx.Fail(ctx.NewError("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", "CouldNotPromptForCredential", object.ResourceUnavailable, "PSInvalidOperationException", nil))
	}
	return line, nil
}

func clearHost() *runtime.Command {
	c := &runtime.Command{Name: "Clear-Host", Type: runtime.FunctionCommand, Module: "", Version: ""}
	c.Synopsis = "Clears the screen."
	c.Handler.Process = func(ctx *runtime.Context) error {
		if ctx.RT.IO.StdoutTTY {
			ctx.RT.HostText("\x1b[2J\x1b[H")
		}
		return nil
	}
	return c
}

// ToInt64 is a bound integer parameter's value as an int64 (0 for any
// other value).
func ToInt64(v any) int64 {
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}
