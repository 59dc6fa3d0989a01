package session

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// transcriptSlot holds the session's active transcript. Its file is also
// the runtime's Transcript, where the REPL writes each command line it
// reads ("PS exosim> Get-Mailbox"), as PowerShell's host does.
var transcriptSlot = command.NewSlot[*transcript]()

// ModHost is the module of the transcript cmdlets.
const ModHost = "Microsoft.PowerShell.Host"

const stars = "**********************"

// transcript is an open transcript file and the streams it replaced.
type transcript struct {
	path     string
	file     io.WriteCloser
	out, err io.Writer
}

// openSessionFile opens a file of the session's file system for writing.
// It also returns the file's path as the provider shows it.
func openSessionFile(rt *runtime.Runtime, path string, flags int) (io.WriteCloser, string, error) {
	p, err := provider.ResolveFile(rt.Files(), path)
	if err != nil {
		return nil, "", err
	}
	f, err := rt.Files().FS().OpenFile(rt.Files().Host(p), flags)
	return f, p.ProviderPath(), err
}

// ansi matches the VT sequences color output adds; transcripts keep text only.
var ansi = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]") }}

// tee writes to the console and, without color sequences, to the file.
type tee struct {
	console io.Writer
	file    io.Writer
}

func (t *tee) Write(p []byte) (int, error) {
	n, err := t.console.Write(p)
	if _, ferr := io.WriteString(t.file, ansi.Get().ReplaceAllString(string(p), "")); ferr != nil && err == nil {
		err = ferr
	}
	return n, err
}

// stamp formats a transcript time: yyyyMMddHHmmss on the simulated clock.
func stamp(t time.Time) string { return t.Format("20060102150405") }

func hostCmdlet(name, typeName string) *command.Command {
	return &command.Command{
		Name:         name,
		Type:         command.CmdletCommand,
		Module:       ModHost,
		Version:      "7.0.0.0",
		FullTypeName: "Microsoft.PowerShell.Commands." + typeName,
	}
}

func startTranscript() *command.Command {
	c := hostCmdlet("Start-Transcript", "StartTranscriptCommand")
	c.SupportsShouldProcess = true
	c.Sets = []string{"ByPath", "ByLiteralPath", "ByOutputDirectory"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Path", params.TString, params.InSets(params.Set("ByPath", false, 0))),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("ByLiteralPath", false, 0)), params.Alias("PSPath", "LP")),
		params.P("OutputDirectory", params.TString, params.InSets(params.Set("ByOutputDirectory", false, -1))),
		params.P("Append", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("NoClobber", params.TSwitch, params.Alias("NoOverwrite")),
		params.P("IncludeInvocationHeader", params.TSwitch),
		params.P("UseMinimalHeader", params.TSwitch),
	}
	c.Synopsis = "Records the session's commands and output in a text file until Stop-Transcript."
	c.Description = "The file starts with PowerShell's transcript header (start time on the simulated clock, user, " +
		"PowerShell version) and then receives everything the session prints, without color. In the interactive prompt " +
		"each command line is recorded after the prompt text. Without -Path the file is created in the home directory " +
		"with PowerShell's PowerShell_transcript.<machine>.<random>.<time>.txt name."
	c.Examples = []command.Example{
		{Code: "Start-Transcript -Path ./session.txt; Get-Date; Stop-Transcript", Remark: "Records one command's output in session.txt."},
		{Code: "Start-Transcript -Path ./audit.txt -Append -UseMinimalHeader; Stop-Transcript", Remark: "Adds to an existing file with the short header."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		if _, ok := transcriptSlot.Get(rt); ok {
			return ctx.Fail(ctx.NewError("Transcription cannot be started due to the error: Transcription is already in progress.", "CannotStartTranscription,Microsoft.PowerShell.Commands.StartTranscriptCommand", object.InvalidOperation, "PSInvalidOperationException", nil))
		}
		path := ctx.String("Path")
		if path == "" {
			path = ctx.String("LiteralPath")
		}
		if path == "" {
			dir := ctx.String("OutputDirectory")
			if dir == "" {
				if h, ok := rt.Scope().Get("HOME"); ok {
					dir = fmt.Sprint(h)
				}
			}
			path = filepath.Join(dir, fmt.Sprintf("PowerShell_transcript.EXOSIM.%s.%s.txt", randomTag(rt), stamp(rt.Now())))
		}
		if ok, err := ctx.ShouldProcess(path, ""); err != nil || !ok {
			return err
		}
		flags := os.O_CREATE | os.O_TRUNC
		if ctx.Switch("Append") {
			flags = os.O_CREATE | os.O_APPEND
		} else if ctx.Switch("NoClobber") {
			flags |= os.O_EXCL
		}
		// The file is the session's (the C: drive, the current location).
		f, full, err := openSessionFile(rt, path, flags)
		if err != nil && full != "" {
			if flags&os.O_EXCL != 0 && errors.Is(err, fs.ErrExist) {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("File %s already exists and NoClobber was specified.", full),
					"NoClobber,Microsoft.PowerShell.Commands.StartTranscriptCommand", object.ResourceExists, "UnauthorizedAccessException", full))
			}
			// a host error is worded as .NET words it for the file's path
			err = provider.HostError(err, full)
		}
		if err != nil {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("Transcription cannot be started due to the error: %s", err.Error()), "CannotStartTranscription,Microsoft.PowerShell.Commands.StartTranscriptCommand", object.InvalidOperation, "PSInvalidOperationException", path))
		}
		var hdr strings.Builder
		hdr.WriteString(stars + "\n")
		hdr.WriteString("PowerShell transcript start\n")
		fmt.Fprintf(&hdr, "Start time: %s\n", stamp(rt.Now()))
		if !ctx.Switch("UseMinimalHeader") {
			user := userName(rt)
			fmt.Fprintf(&hdr, "Username: %s\n", user)
			fmt.Fprintf(&hdr, "RunAs User: %s\n", user)
			hdr.WriteString("Configuration Name: \n")
			hdr.WriteString("Machine: EXOSIM (Unix exosim)\n")
			hdr.WriteString("Host Application: exosim\n")
			pid, _ := rt.Scope().Get("PID")
			fmt.Fprintf(&hdr, "Process ID: %v\n", pid)
			if v, ok := rt.Scope().Get("PSVersionTable"); ok {
				if h, ok := v.(*object.Hashtable); ok {
					for _, e := range h.Entries() {
						fmt.Fprintf(&hdr, "%s: %s\n", rt.ToStr(e.Key), joinValue(rt, e.Value))
					}
				}
			}
		}
		hdr.WriteString(stars + "\n")
		if _, err := io.WriteString(f, hdr.String()); err != nil {
			f.Close()
			return ctx.Fail(ctx.NewError(err.Error(), "CannotStartTranscription", object.InvalidOperation, "PSInvalidOperationException", path))
		}
		t := &transcript{path: path, file: f, out: rt.IO.Out, err: rt.IO.Err}
		rt.IO.Out = &tee{console: t.out, file: f}
		rt.IO.Err = &tee{console: t.err, file: f}
		transcriptSlot.Set(rt, t)
		rt.Transcript = f
		return ctx.WriteObject("Transcript started, output file is " + path)
	}
	return c
}

func stopTranscript() *command.Command {
	c := hostCmdlet("Stop-Transcript", "StopTranscriptCommand")
	c.Synopsis = "Ends the transcript Start-Transcript began and closes its file."
	c.Description = "The file gets PowerShell's closing block with the end time on the simulated clock. " +
		"Without an active transcript it reports an error."
	c.Examples = []command.Example{
		{Code: "Start-Transcript -Path ./t.txt; Stop-Transcript", Remark: "Starts and stops a transcript."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		path, err := Stop(runtime.Of(ctx))
		if err != nil {
			return ctx.Fail(ctx.NewError("An error occurred stopping transcription: The host is not currently transcribing.", "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand", object.InvalidOperation, "PSInvalidOperationException", nil))
		}
		return ctx.WriteObject("Transcript stopped, output file is " + path)
	}
	return c
}

// errNotTranscribing is returned by Stop without an active transcript.
var errNotTranscribing = errors.New("not transcribing")

// Stop ends an active transcript: it restores the session's streams,
// writes the closing block and closes the file. The REPL calls it when the
// session ends.
func Stop(rt *runtime.Runtime) (string, error) {
	t, ok := transcriptSlot.Get(rt)
	if !ok {
		return "", errNotTranscribing
	}
	transcriptSlot.Clear(rt)
	rt.Transcript = nil
	rt.IO.Out, rt.IO.Err = t.out, t.err
	fmt.Fprintf(t.file, "%s\nPowerShell transcript end\nEnd time: %s\n%s\n", stars, stamp(rt.Now()), stars)
	return t.path, t.file.Close()
}

func userName(rt *runtime.Runtime) string {
	upn, _, _ := tenantInfo(rt)
	user := upn
	if i := strings.IndexByte(upn, '@'); i > 0 {
		user = upn[:i]
	}
	return "EXOSIM\\" + user
}

func joinValue(rt *runtime.Runtime, v any) string {
	if l, ok := v.([]any); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = rt.ToStr(x)
		}
		return strings.Join(parts, ", ")
	}
	return rt.ToStr(v)
}

// randomTag is the 8-character random part of a default transcript name,
// from the session's deterministic generator.
func randomTag(rt *runtime.Runtime) string {
	g := rt.NewGuid().String()
	return strings.ReplaceAll(g, "-", "")[:8]
}
