package management

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// File content: Get-/Set-/Add-/Clear-Content, and the
// reading and writing every file cmdlet shares. Reads stream line by line
// and stop at fsys.MaxLine bytes without a line break, so a device or a
// huge binary file ends with an error instead of filling memory.

func contentCommands() []*command.Command {
	return []*command.Command{getContent(), setContent("Set-Content", "SetContentCommand", false), setContent("Add-Content", "AddContentCommand", true), clearContent()}
}

// TextReader reads a file's lines.
type TextReader struct {
	r      *bufio.Reader
	c      io.Closer
	path   string
	Err    error
	pushed []string
	limit  int
}

// OpenText opens a file for reading as text: UTF-8 (or what its byte
// order mark says) streams; other encodings are decoded whole.
func OpenText(ns *fsys.Namespace, p fsys.Path, enc *Encoding) (*TextReader, error) {
	f, err := ns.FS().Open(ns.Host(p))
	if err != nil {
		return nil, err
	}
	limit := ns.MaxLineBytes()
	br := bufio.NewReaderSize(fsys.LineLimit(f, limit), 64<<10)
	head, _ := br.Peek(4)
	utf8BOM := bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	otherBOM := !utf8BOM && (bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}))
	if utf8BOM {
		br.Discard(3)
	}
	if utf8BOM || !otherBOM && enc.streamable() {
		return &TextReader{r: br, c: f, path: p.ProviderPath(), limit: limit}, nil
	}
	data, err := io.ReadAll(io.LimitReader(br, 4*int64(limit)+1))
	f.Close()
	if err != nil {
		return nil, err
	}
	if len(data) > 4*limit {
		return nil, &fsys.TooLongError{Limit: 4 * limit}
	}
	text := Decode(data, enc)
	return &TextReader{r: bufio.NewReader(strings.NewReader(text)), c: io.NopCloser(nil), path: p.ProviderPath(), limit: limit}, nil
}

// Line returns the next line without its line break; ok is false at the
// end (check err). A lone carriage return also ends a line.
func (t *TextReader) Line() (string, bool) {
	if n := len(t.pushed); n > 0 {
		l := t.pushed[0]
		t.pushed = t.pushed[1:]
		return l, true
	}
	s, err := t.r.ReadString('\n')
	if err != nil && err != io.EOF {
		t.Err = err
		return "", false
	}
	if s == "" && err == io.EOF {
		return "", false
	}
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	if strings.Contains(s, "\r") {
		parts := strings.Split(s, "\r")
		t.pushed = append(t.pushed, parts[1:]...)
		s = parts[0]
	}
	return s, true
}

// All reads the rest as one string.
func (t *TextReader) All() (string, error) {
	b, err := io.ReadAll(t.r)
	return string(b), err
}

// Close closes the file.
func (t *TextReader) Close() { t.c.Close() }

// Reader is the file's buffered reader, for a reader with its own record
// rules (CSV).
func (t *TextReader) Reader() *bufio.Reader { return t.r }

// Limit is the longest line in bytes a read of the file may return.
func (t *TextReader) Limit() int { return t.limit }

// ReadError is the record of a file that could not be read.
func ReadError(ctx *command.Context, err error, p fsys.Path, id string) *object.ErrorRecord {
	fe := provider.HostError(err, p.ProviderPath())
	return ctx.NewError(fe.Message, id, object.ReadError, fe.Exception, p.ProviderPath())
}

// existingFiles resolves a path argument to existing files, writing the
// errors PowerShell writes for missing ones and for folders.
func existingFiles(ctx *command.Context, p string, literal bool) ([]Item, error) {
	items, err := Expand(ctx, p, literal)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, it := range items {
		if it.Info != nil && it.Info.IsDir() {
			if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Unable to get content because it is a directory: '%s'. Please use 'Get-ChildItem' instead.", it.Path.ProviderPath()), "GetContentReaderUnauthorizedAccessError", object.PermissionDenied, "UnauthorizedAccessException", it.Path.ProviderPath())); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, it)
	}
	return out, nil
}

// ---------------------------------------------------------------------------
// Get-Content

func getContent() *command.Command {
	c := engine.Cmdlet("Get-Content", engine.ModManagement, "GetContentCommand")
	c.Synopsis = "Reads the lines of a file (or the value of an item of Env:, Variable:, Function: or Alias:)."
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = append(PathParams(true, false),
		params.P("ReadCount", params.TLong, params.FromPipelineByName()),
		params.P("TotalCount", params.TLong, params.Alias("First", "Head"), params.FromPipelineByName()),
		params.P("Tail", params.TInt, params.Alias("Last"), params.FromPipelineByName()),
		params.P("Filter", params.TString),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("Delimiter", params.TString),
		params.P("Wait", params.TSwitch),
		params.P("Raw", params.TSwitch),
		EncodingParam(),
		params.P("AsByteStream", params.TSwitch),
		params.P("Stream", params.TString),
	)
	c.Examples = []command.Example{
		{Code: `Set-Content C:\Temp\ids.txt 'annb','carolo'; Get-Content C:\Temp\ids.txt`, Remark: "Reads a file line by line."},
		{Code: `Get-Content $env:TEMP\..\Temp\ids.txt -Raw -ErrorAction SilentlyContinue`, Remark: "Reads a whole file as one string."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		enc, err := EncodingOf(ctx)
		if err != nil {
			return err
		}
		if enc.isUTF7() {
			return ctx.Fail(ctx.NewError("exosim does not read UTF-7 (Get-Content -Encoding utf7).", "NotSupported", object.NotImplemented, "NotSupportedException", nil))
		}
		if err := noStreams(ctx); err != nil {
			return err
		}
		if ctx.Switch("Wait") {
			ctx.WriteWarning("exosim reads the file once: Get-Content -Wait does not wait for new lines in the simulator.")
		}
		return forEachItem(ctx, existingFiles, func(it Item) error {
			if it.Info == nil {
				return sessionContent(ctx, it)
			}
			return readContent(ctx, it.Path, enc)
		})
	}
	return c
}

// sessionContent is Get-Content of an item of a session drive: what it
// holds, a collection one element at a time.
func sessionContent(ctx *command.Context, it Item) error {
	if it.Path.IsRoot() {
		return ctx.WriteError(ctx.NewError("Cannot process argument because the value of argument \"path\" is not valid. Change the value of the \"path\" argument and run the operation again.", "Argument", object.InvalidArgument, "PSArgumentException", it.Path.String()))
	}
	return ctx.WriteEnumerated(sessionItemValue(runtime.Of(ctx), it))
}

// sessionSetContent is Set-Content of an item of a session drive: the
// item takes the values as its value (one value as itself). Its provider
// cannot seek to the end of an item, so Add-Content fails there.
func sessionSetContent(ctx *command.Context, p fsys.Path, items []any, appendTo bool) error {
	if appendTo {
		return ctx.Fail(ctx.NewError(fmt.Sprintf("The invocation of Seek on the '%s' provider's content writer failed for path '%s'. Cannot call method. The content Seek method is not supported by this provider.", p.Drive.Provider, p.String()), "ProviderSeekError", object.NotSpecified, "ProviderInvocationException", p.String()))
	}
	if p.IsRoot() {
		return ctx.WriteError(ctx.NewError("Cannot process argument because the value of argument \"path\" is not valid. Change the value of the \"path\" argument and run the operation again.", "Argument", object.InvalidArgument, "PSArgumentException", p.String()))
	}
	if ok, err := ctx.ShouldProcess("Path: "+p.String(), "Set Content"); err != nil || !ok {
		return err
	}
	var v any = items
	if len(items) == 1 {
		v = items[0]
	}
	if rec := setSessionItem(ctx, p.Drive, p.Rel, v, ctx.Switch("Force")); rec != nil {
		return ctx.WriteError(rec)
	}
	return nil
}

// noStreams refuses -Stream: the simulated drives have no NTFS alternate
// data streams.
func noStreams(ctx *command.Context) error {
	if ctx.Has("Stream") {
		return ctx.Fail(ctx.NewError(fmt.Sprintf("exosim's drives have no alternate data streams (%s -Stream).", ctx.Command.Name), "NotSupported", object.NotImplemented, "NotSupportedException", nil))
	}
	return nil
}

// readBytes is Get-Content -AsByteStream: the file's bytes (one array with
// -Raw), within -TotalCount and -Tail.
func readBytes(ctx *command.Context, p fsys.Path) error {
	ns := runtime.Of(ctx).Files()
	data, err := fsys.ReadFile(ns.FS(), ns.Host(p), int64(ns.MaxLineBytes()))
	if err != nil {
		return ctx.WriteError(ReadError(ctx, err, p, "GetContentReaderIOError"))
	}
	if ctx.Has("TotalCount") {
		if n := engine.ToInt64(ctx.Value("TotalCount")); n >= 0 && n < int64(len(data)) {
			data = data[:n]
		}
	}
	if ctx.Has("Tail") {
		if n := ctx.Int("Tail"); n >= 0 && n < len(data) {
			data = data[len(data)-n:]
		}
	}
	// the bytes are Bytes; -Raw writes them as one Byte[]
	out := dotnet.Bytes(data)
	if ctx.Switch("Raw") {
		return ctx.WriteObject(out)
	}
	for _, b := range out {
		if err := ctx.WriteObject(b); err != nil {
			return err
		}
	}
	return nil
}

func readContent(ctx *command.Context, p fsys.Path, enc *Encoding) error {
	ns := runtime.Of(ctx).Files()
	if ctx.Switch("AsByteStream") {
		return readBytes(ctx, p)
	}
	tr, err := OpenText(ns, p, enc)
	if err != nil {
		return ctx.WriteError(ReadError(ctx, err, p, "GetContentReaderIOError"))
	}
	defer tr.Close()
	total := int64(-1)
	if ctx.Has("TotalCount") {
		total = engine.ToInt64(ctx.Value("TotalCount"))
	}
	tail := -1
	if ctx.Has("Tail") {
		tail = ctx.Int("Tail")
	}
	if total == 0 || tail == 0 {
		return nil
	}
	if ctx.Switch("Raw") {
		text, err := tr.All()
		if err != nil {
			return ctx.WriteError(ReadError(ctx, err, p, "GetContentReaderIOError"))
		}
		if text == "" {
			return nil
		}
		return ctx.WriteObject(text)
	}
	next := tr.Line
	if d := ctx.String("Delimiter"); d != "" && d != "\n" {
		next = delimited(tr, d)
	}
	readCount := int64(1)
	if ctx.Has("ReadCount") {
		readCount = engine.ToInt64(ctx.Value("ReadCount"))
	}
	var batch []any
	emit := func(s string) error {
		if readCount == 1 {
			return ctx.WriteObject(s)
		}
		batch = append(batch, s)
		if readCount > 1 && int64(len(batch)) >= readCount {
			b := batch
			batch = nil
			return ctx.WriteObject(b)
		}
		return nil
	}
	var ring []string
	for n := int64(0); total < 0 || n < total; n++ {
		s, ok := next()
		if !ok {
			break
		}
		if tail > 0 {
			ring = append(ring, s)
			if len(ring) > tail {
				ring = ring[1:]
			}
			continue
		}
		if err := emit(s); err != nil {
			return err
		}
	}
	for _, s := range ring {
		if err := emit(s); err != nil {
			return err
		}
	}
	if tr.Err != nil {
		return ctx.WriteError(ReadError(ctx, tr.Err, p, "GetContentReaderIOError"))
	}
	if len(batch) > 0 {
		return ctx.WriteObject(batch)
	}
	return nil
}

// delimited splits the text at d (which is dropped) instead of at line
// breaks.
func delimited(tr *TextReader, d string) func() (string, bool) {
	var buf strings.Builder
	done := false
	return func() (string, bool) {
		if done {
			return "", false
		}
		for {
			c, _, err := tr.r.ReadRune()
			if err != nil {
				if err != io.EOF {
					tr.Err = err
				}
				done = true
				if buf.Len() == 0 {
					return "", false
				}
				s := buf.String()
				buf.Reset()
				return s, true
			}
			buf.WriteRune(c)
			if s := buf.String(); strings.HasSuffix(s, d) {
				buf.Reset()
				return strings.TrimSuffix(s, d), true
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Set-Content, Add-Content, Clear-Content

func setContent(name, typeName string, appendTo bool) *command.Command {
	c := engine.Cmdlet(name, engine.ModManagement, typeName)
	if appendTo {
		c.Synopsis = "Adds lines to a file (creating it when missing)."
	} else {
		c.Synopsis = "Writes lines to a file, replacing what it held."
	}
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	valueOpts := []params.ParamOpt{params.Mandatory(), params.Position(1), params.FromPipeline(), params.FromPipelineByName(), engine.AllowEmpty()}
	c.Params = append(PathParams(true, false),
		params.P("Value", params.TObjects, valueOpts...),
		params.P("PassThru", params.TSwitch),
		params.P("Filter", params.TString),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("NoNewline", params.TSwitch),
		EncodingParam(),
		params.P("AsByteStream", params.TSwitch),
		params.P("Stream", params.TString),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.HasInput {
			ctx.Collect(ctx.Input)
		} else if items, ok := object.Enumerate(ctx.Value("Value")); ok {
			for _, it := range items {
				ctx.Collect(it)
			}
		} else if ctx.Value("Value") != nil {
			ctx.Collect(ctx.Value("Value"))
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		if err := noStreams(ctx); err != nil {
			return err
		}
		enc, err := EncodingOf(ctx)
		if err != nil {
			return err
		}
		items := ctx.Collected()
		var b strings.Builder
		for _, it := range items {
			if it == nil {
				continue
			}
			if ctx.Switch("AsByteStream") {
				// the values are the file's bytes, written as they are
				enc = rawBytes
				n, err := runtime.Of(ctx).ConvertTo(it, "byte")
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "InvalidCastException", object.InvalidArgument, "PSInvalidCastException", it))
				}
				b.WriteByte(byte(engine.ToInt64(n)))
				continue
			}
			b.WriteString(runtime.Of(ctx).ToStr(it))
			if !ctx.Switch("NoNewline") {
				b.WriteByte('\n')
			}
		}
		paths, literal := PathArgs(ctx)
		for _, p := range paths {
			targets, err := contentTargets(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, t := range targets {
				if rp, err := runtime.Of(ctx).Files().Resolve(t); err == nil && rp.Drive.Provider != fsys.FileSystem {
					if err := sessionSetContent(ctx, rp, items, appendTo); err != nil {
						return err
					}
					continue
				}
				action := "Set Content"
				if appendTo {
					action = "Add Content"
				}
				ok, err := ctx.ShouldProcess("Path: "+t, action)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
				if err := writeText(ctx, t, b.String(), enc, appendTo, "GetContentWriterDirectoryNotFoundError", "GetContentWriterIOError"); err != nil {
					return err
				}
			}
		}
		if ctx.Switch("PassThru") {
			for _, it := range items {
				if err := ctx.WriteObject(it); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// contentTargets is where Set-Content and Add-Content write: the files a
// wildcard matches, or the path itself (created when missing).
func contentTargets(ctx *command.Context, p string, literal bool) ([]string, error) {
	if literal || !wildcard.Has(p) {
		return []string{p}, nil
	}
	paths, err := ResolveAll(ctx, p, false)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, rp := range paths {
		out = append(out, rp.String())
	}
	if len(out) == 0 {
		return nil, ctx.WriteError(PathNotFound(ctx, p))
	}
	return out, nil
}

// writeText writes text to a file in an encoding (the byte order mark
// only at the start of a new file). Errors are non-terminating records
// under missingID for a missing folder and ioID otherwise.
func writeText(ctx *command.Context, path, text string, enc *Encoding, appendTo bool, missingID, ioID string) error {
	rt := runtime.Of(ctx)
	if enc == nil {
		enc = encUTF8
	}
	if enc.isUTF7() {
		return ctx.Fail(ctx.NewError("exosim does not write UTF-7 (-Encoding utf7).", "NotSupported", object.NotImplemented, "NotSupportedException", nil))
	}
	data := enc.encode(text)
	if len(enc.bom) > 0 {
		fresh := !appendTo
		if appendTo {
			if rp, err := provider.ResolveFile(rt.Files(), path); err == nil {
				if fi, err := rt.Files().Stat(rp); err != nil || fi.Size() == 0 {
					fresh = true
				}
			}
		}
		if fresh {
			data = append(append([]byte(nil), enc.bom...), data...)
		}
	}
	if _, err := provider.WriteFile(rt.Files(), path, data, appendTo); err != nil {
		var fe *provider.FileError
		if !errors.As(err, &fe) {
			return err
		}
		id := ioID
		if fe.Exception == "DirectoryNotFoundException" {
			id = missingID
		}
		if fe.Exception == "DriveNotFoundException" {
			id = "DriveNotFound"
		}
		return ctx.WriteError(ctx.NewError(fe.Message, id, fe.Category, fe.Exception, fe.Path))
	}
	return nil
}

func clearContent() *command.Command {
	c := engine.Cmdlet("Clear-Content", engine.ModManagement, "ClearContentCommand")
	c.Synopsis = "Empties files, keeping them."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, false,
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("Stream", params.TString),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		if err := noStreams(ctx); err != nil {
			return err
		}
		return forEachKept(ctx, existingFiles, func(it Item) error {
			if ok, err := ctx.ShouldProcess("Path: "+it.Path.ProviderPath(), "Clear Content"); err != nil || !ok {
				return err
			}
			if it.Info == nil {
				// the session drives' provider has no content to clear
				return ctx.WriteError(ctx.NewError("Cannot perform the ClearContent operation. The ClearContent operation is not supported by this provider.", "NotSupported", object.NotImplemented, "PSNotSupportedException", it.Path.String()))
			}
			if err := runtime.Of(ctx).Files().WriteFile(it.Path, nil, false); err != nil {
				return ctx.WriteError(FileError(ctx, provider.HostError(err, it.Path.ProviderPath()), "ClearContentIOError", it.Path.ProviderPath()))
			}
			return nil
		})
	}
	return c
}

// FileOpenID is the error ID of a file that cannot be opened.
func FileOpenID(err error) string {
	var fe *provider.FileError
	if errors.As(err, &fe) && fe.Exception == "DriveNotFoundException" {
		return "DriveNotFound"
	}
	return "FileOpenFailure"
}

// WriteFile writes the text of Out-File, Export-Csv, Tee-Object and the
// like: a failure to open the file is their terminating FileOpenFailure.
func WriteFile(ctx *command.Context, path, text string, enc *Encoding, appendTo bool) error {
	if enc == nil {
		enc = encUTF8
	}
	if enc.isUTF7() {
		return ctx.Fail(ctx.NewError("exosim does not write UTF-7 (-Encoding utf7).", "NotSupported", object.NotImplemented, "NotSupportedException", nil))
	}
	data := enc.encode(text)
	if len(enc.bom) > 0 {
		fresh := !appendTo
		if rp, err := provider.ResolveFile(runtime.Of(ctx).Files(), path); err == nil && appendTo {
			if fi, err := runtime.Of(ctx).Files().Stat(rp); err != nil || fi.Size() == 0 {
				fresh = true
			}
		}
		if fresh {
			data = append(append([]byte(nil), enc.bom...), data...)
		}
	}
	if _, err := provider.WriteFile(runtime.Of(ctx).Files(), path, data, appendTo); err != nil {
		return ctx.Fail(FileError(ctx, err, FileOpenID(err), nil))
	}
	return nil
}
