package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

func hostCommands() []*command.Command {
	return []*command.Command{getDate(), startSleep(), newTimeSpan(), readHost(), convertToSecureString(), convertFromSecureString(), getCredential(), clearHost(), pause()}
}

func getDate() *command.Command {
	c := Cmdlet("Get-Date", ModUtility, "GetDateCommand")
	c.Synopsis = "Returns the current date and time of the simulated clock."
	c.Sets = []string{"net", "UFormat", "UnixTimeSecondsSet"}
	c.DefaultSet = "net"
	c.Params = []*params.Param{
		params.P("Date", params.TDateTime, params.Position(0), params.FromPipeline(), params.Alias("LastWriteTime")),
		params.P("Year", params.TInt), params.P("Month", params.TInt), params.P("Day", params.TInt),
		params.P("Hour", params.TInt), params.P("Minute", params.TInt), params.P("Second", params.TInt),
		params.P("Millisecond", params.TInt),
		params.P("DisplayHint", params.EnumType("DisplayHintType", "Microsoft.PowerShell.Commands.DisplayHintType", "Date", "Time", "DateTime")),
		params.P("Format", params.TString, params.InSets(params.Set("net", false, -1), params.Set("UnixTimeSecondsSet", false, -1))),
		params.P("UFormat", params.TString, params.InSets(params.Set("UFormat", false, -1))),
		params.P("AsUTC", params.TSwitch),
		params.P("UnixTimeSeconds", params.TLong, params.InSets(params.Set("UnixTimeSecondsSet", true, -1)), params.Alias("UnixTime")),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		// The current time is a Local DateTime; a date given keeps its
		// kind, and the -Year.. parts replace fields without changing it.
		t := ctx.Now().In(object.LocalZone.Get())
		if d, ok := ctx.Time("Date"); ok {
			t = d
		}
		if ctx.Has("UnixTimeSeconds") {
			// the binder may give an int or a long; the result is Local
			t = time.Unix(int64(ctx.Int("UnixTimeSeconds")), 0).In(object.LocalZone.Get())
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

func startSleep() *command.Command {
	c := Cmdlet("Start-Sleep", ModUtility, "StartSleepCommand")
	c.Synopsis = "Moves the simulated clock forward by the given time and returns at once."
	c.Sets = []string{"Seconds", "Milliseconds", "FromTimeSpan"}
	c.DefaultSet = "Seconds"
	c.Params = []*params.Param{
		params.P("Seconds", params.TDouble, params.InSets(params.Set("Seconds", true, 0)), params.FromPipeline()),
		params.P("Milliseconds", params.TInt, params.InSets(params.Set("Milliseconds", true, -1)), params.Alias("ms")),
		params.P("Duration", params.TTimeSpan, params.InSets(params.Set("FromTimeSpan", true, -1)), params.Alias("ts")),
	}
	c.Handler.Process = func(ctx *command.Context) error {
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
		if runtime.Of(ctx).Sleep != nil {
			if err := runtime.Of(ctx).Sleep(d); err != nil {
				return ctx.Fail(ctx.NewError(err.Error(), "SimClockFailed", object.InvalidOperation, "InvalidOperationException", nil))
			}
		}
		return nil
	}
	return c
}

func newTimeSpan() *command.Command {
	c := Cmdlet("New-TimeSpan", ModUtility, "NewTimeSpanCommand")
	c.Synopsis = "Creates a TimeSpan."
	c.Sets = []string{"Date", "Time"}
	c.DefaultSet = "Date"
	d := func(n string, pos int) *params.Param {
		return params.P(n, params.TDateTime, params.InSets(params.Set("Date", false, pos)))
	}
	t := func(n string) *params.Param {
		return params.P(n, params.TInt, params.InSets(params.Set("Time", false, -1)))
	}
	c.Params = []*params.Param{d("Start", 0), d("End", 1), t("Days"), t("Hours"), t("Minutes"), t("Seconds"), t("Milliseconds")}
	c.Params[0].Aliases = []string{"LastWriteTime"}
	c.Handler.Process = func(ctx *command.Context) error {
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

func readHost() *command.Command {
	c := Cmdlet("Read-Host", ModUtility, "ReadHostCommand")
	c.Synopsis = "Reads a line of input (hidden with -AsSecureString)."
	c.Sets = []string{"AsString", "AsSecureString"}
	c.DefaultSet = "AsString"
	c.Params = []*params.Param{
		params.P("Prompt", params.TObject, params.Position(0), params.RemainingArgs()),
		params.P("MaskInput", params.TSwitch, params.InSets(params.Set("AsString", false, -1))),
		params.P("AsSecureString", params.TSwitch, params.InSets(params.Set("AsSecureString", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		prompt := ""
		if ctx.Has("Prompt") {
			prompt = runtime.Of(ctx).ToStr(ctx.Value("Prompt")) + ": "
		}
		secret := ctx.Switch("AsSecureString") || ctx.Switch("MaskInput")
		line, ok, err := hostLine(ctx, prompt, secret)
		if err != nil {
			return err
		}
		if !ok {
			// The end of redirected input: PowerShell's host reads a null
			// line. Asked with a prompt, the prompt counts as cancelled:
			// the host ends the prompt's row and Read-Host writes nothing;
			// without one, Read-Host writes the null line.
			if ctx.Has("Prompt") {
				return nil
			}
			return ctx.WriteObject(nil)
		}
		if ctx.Switch("AsSecureString") {
			return ctx.WriteObject(object.NewSecureString(line))
		}
		return ctx.WriteObject(line)
	}
	return c
}

// hostLine is Read-Host's line, read as pwsh's console host reads it. A
// NonInteractive session fails with the host's error before writing
// anything. A plain line is read after the prompt (host.IO.ReadAnswer):
// at a terminal, or from redirected input with what the read consumed
// echoed after the prompt; at the end of the input ok is false and, after
// a prompt, the prompt's row is ended. A hidden line (secret) is read at
// a terminal without echo; pwsh reads it key by key, which .NET refuses
// on redirected input, and its host then stops the pipeline without an
// error record once the prompt is written.
func hostLine(ctx *command.Context, prompt string, secret bool) (line string, ok bool, err error) {
	rt := runtime.Of(ctx)
	io := rt.IO
	if io.NonInteractive {
		return "", false, nonInteractive(ctx, "Read-Host")
	}
	switch {
	case secret && io.StdinTTY:
		line, err = io.ReadLine(prompt, true)
	case secret:
		rt.HostText(prompt)
		return "", false, runtime.StopPipeline()
	default:
		line, err = io.ReadAnswer(prompt)
		if err != nil && !io.StdinTTY {
			if prompt != "" {
				rt.HostText("\n")
			}
			return "", false, nil
		}
	}
	if errors.Is(err, host.ErrInterrupted) {
		return "", false, runtime.StopPipeline() // Ctrl+C: the line stops, no error
	}
	if err != nil {
		return "", false, nonInteractive(ctx, ctx.Command.Name)
	}
	return line, true, nil
}

// nonInteractive fails the command with the error of a prompt in a
// NonInteractive session (hostui.NonInteractiveRecord), reported under
// the name of the command that asked (Pause asks through Read-Host).
func nonInteractive(ctx *command.Context, name string) error {
	rec := hostui.NonInteractiveRecord(ctx.Command.Name, "", nil)
	if name != ctx.Command.Name {
		rec = hostui.NonInteractiveRecord(name, "Microsoft.PowerShell.Commands.ReadHostCommand", nil)
		rec.InvocationName = name
	}
	return ctx.Fail(rec)
}

func convertToSecureString() *command.Command {
	c := Cmdlet("ConvertTo-SecureString", ModSecurity, "ConvertToSecureStringCommand")
	c.Synopsis = "Turns plain text (or an encrypted string) into a SecureString."
	c.Sets = []string{"Secure", "PlainText", "Open"}
	c.DefaultSet = "Secure"
	c.Params = []*params.Param{
		params.P("String", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline()),
		params.P("AsPlainText", params.TSwitch, params.InSets(params.Set("PlainText", true, 1))),
		params.P("Force", params.TSwitch, params.InSets(params.Set("PlainText", false, 2))),
		params.P("SecureKey", params.TSecureString, params.InSets(params.Set("Secure", false, 1))),
		params.P("Key", &params.Type{Kind: params.KindObject, Name: "Byte[]", FullName: "System.Byte[]", Array: true}, params.InSets(params.Set("Open", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
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

func convertFromSecureString() *command.Command {
	c := Cmdlet("ConvertFrom-SecureString", ModSecurity, "ConvertFromSecureStringCommand")
	c.Synopsis = "Turns a SecureString into an encrypted standard string (or plain text)."
	c.Params = []*params.Param{
		params.P("SecureString", params.TSecureString, params.Mandatory(), params.Position(0), params.FromPipeline()),
		params.P("AsPlainText", params.TSwitch),
		params.P("SecureKey", params.TSecureString),
		params.P("Key", params.TObjects),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		s := ctx.Value("SecureString").(object.SecureString)
		if ctx.Switch("AsPlainText") {
			return ctx.WriteObject(s.Plain())
		}
		return ctx.WriteObject("exosim:" + s.Plain())
	}
	return c
}

func getCredential() *command.Command {
	c := Cmdlet("Get-Credential", ModSecurity, "GetCredentialCommand")
	c.Synopsis = "Asks for a user name and password and returns a PSCredential."
	c.Sets = []string{"CredentialSet", "MessageSet"}
	c.DefaultSet = "CredentialSet"
	c.Params = []*params.Param{
		params.P("Credential", params.TObject, params.InSets(params.Set("CredentialSet", false, 0))),
		params.P("Message", params.TString, params.InSets(params.Set("MessageSet", false, -1))),
		params.P("UserName", params.TString, params.InSets(params.Set("MessageSet", false, 0))),
		params.P("Title", params.TString, params.InSets(params.Set("MessageSet", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if cred, ok := ctx.Value("Credential").(*object.PSObject); ok {
			return ctx.WriteObject(cred)
		}
		user := ctx.String("UserName")
		if user == "" {
			user = ctx.String("Credential")
		}
		rt := runtime.Of(ctx)
		io := rt.IO
		// pwsh's console host writes the caption and message first, asks
		// for the user name until one is given, then for the password;
		// each read fails in a NonInteractive session. A user name is
		// read from redirected input as Read-Host's line is, and at its
		// end no credential is returned (nor an error). The password is
		// read key by key, which .NET refuses on redirected input, and the
		// host stops the pipeline without an error record there.
		rt.HostLine("")
		rt.HostLine("PowerShell credential request")
		if m := ctx.String("Message"); m != "" {
			rt.HostLine(m)
		} else {
			rt.HostLine("Enter your credentials.")
		}
		for user == "" {
			if io.NonInteractive {
				rt.HostText("User: ")
				return nonInteractive(ctx, ctx.Command.Name)
			}
			line, err := io.ReadAnswer("User: ")
			switch {
			case err != nil && !io.StdinTTY:
				return nil
			case err != nil:
				return terminalReadFailed(ctx, err)
			}
			user = line
		}
		prompt := fmt.Sprintf("Password for user %s: ", user)
		switch {
		case io.NonInteractive:
			rt.HostText(prompt)
			return nonInteractive(ctx, ctx.Command.Name)
		case !io.StdinTTY:
			rt.HostText(prompt)
			return runtime.StopPipeline()
		}
		pw, err := io.ReadLine(prompt, true)
		if err != nil {
			return terminalReadFailed(ctx, err)
		}
		return ctx.WriteObject(automation.NewCredential(user, object.NewSecureString(pw)))
	}
	return c
}

// terminalReadFailed is Get-Credential's failed read at a terminal:
// Ctrl+C stops the line without an error; the read's end is the prompt
// cancelled.
func terminalReadFailed(ctx *command.Context, err error) error {
	if errors.Is(err, host.ErrInterrupted) {
		return runtime.StopPipeline()
	}
	return ctx.Fail(ctx.NewError("The operation was canceled.", "CouldNotPromptForCredential", object.InvalidOperation, "PSInvalidOperationException", nil))
}

// pause is PowerShell's built-in Pause function, which is
// `$null = Read-Host 'Press Enter to continue...'`: it reads a line after
// that prompt as Read-Host does and discards it; at the end of redirected
// input it ends the prompt's row and returns, and in a NonInteractive
// session it fails as Read-Host does.
func pause() *command.Command {
	c := &command.Command{Name: "Pause", Type: command.FunctionCommand}
	c.Synopsis = "Waits for Enter to be pressed."
	c.Handler.Process = func(ctx *command.Context) error {
		_, _, err := hostLine(ctx, "Press Enter to continue...: ", false)
		return err
	}
	return c
}

func clearHost() *command.Command {
	c := &command.Command{Name: "Clear-Host", Type: command.FunctionCommand, Module: "", Version: ""}
	c.Synopsis = "Clears the screen."
	c.Handler.Process = func(ctx *command.Context) error {
		if runtime.Of(ctx).IO.StdoutTTY {
			runtime.Of(ctx).HostText("\x1b[2J\x1b[H")
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
	n, _, _ := object.IntegerValue(v)
	return n
}
