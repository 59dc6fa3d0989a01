package core

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
)

// CSV: Export-Csv, Import-Csv, ConvertTo-Csv and ConvertFrom-Csv as
// PowerShell 7.4 writes and reads it: no #TYPE line unless asked, every
// field quoted by default, a dictionary's keys as columns, and the lenient
// reader of Import-Csv (spaces around fields, "" inside quotes, line
// breaks inside quoted fields, #TYPE and W3C #Fields: headers).

func csvCommands() []*command.Command {
	return []*command.Command{exportCsv(), importCsv(), convertToCsv(), convertFromCsv()}
}

// csvWriteParams are the parameters Export-Csv and ConvertTo-Csv share.
func csvWriteParams() []*params.Param {
	return []*params.Param{
		params.P("Delimiter", tChar, params.InSets(params.Set("Delimiter", false, 1))),
		params.P("UseCulture", params.TSwitch, params.InSets(params.Set("UseCulture", true, -1))),
		params.P("NoTypeInformation", params.TSwitch, params.Alias("NTI")),
		params.P("IncludeTypeInformation", params.TSwitch, params.Alias("ITI")),
		params.P("QuoteFields", params.TStrings, params.Alias("QF")),
		params.P("UseQuotes", params.EnumType("QuoteKind", "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind", "Never", "Always", "AsNeeded"), params.Alias("UQ")),
		params.P("NoHeader", params.TSwitch),
	}
}

// tChar is System.Char (the -Delimiter of the CSV cmdlets).
var tChar = &params.Type{Kind: params.KindString, Name: "Char", FullName: "System.Char"}

// csvDelimiter returns -Delimiter (a single character; a comma by default).
func csvDelimiter(ctx *command.Context) (rune, error) {
	if !ctx.Has("Delimiter") {
		return ',', nil
	}
	d := []rune(ctx.String("Delimiter"))
	if len(d) != 1 {
		return 0, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot bind parameter 'Delimiter'. Cannot convert value \"%s\" to type \"System.Char\". Error: \"String must be exactly one character long.\"", string(d)), "CannotConvertArgumentNoMessage", object.InvalidArgument, "ParameterBindingException", nil))
	}
	return d[0], nil
}

// csvWriter turns objects into CSV lines.
type csvWriter struct {
	rt      *runtime.Runtime
	delim   rune
	quote   string // Always, AsNeeded, Never
	fields  map[string]bool
	names   []string
	started bool
}

func newCsvWriter(ctx *command.Context) (*csvWriter, error) {
	if ctx.Has("QuoteFields") && ctx.Has("UseQuotes") {
		return nil, ctx.Fail(ctx.NewError("You must specify either the -UseQuotes or -QuoteFields parameters, but not both.", "CannotSpecifyQuoteFieldsAndUseQuotes", object.InvalidData, "InvalidOperationException", nil))
	}
	d, err := csvDelimiter(ctx)
	if err != nil {
		return nil, err
	}
	w := &csvWriter{rt: runtime.Of(ctx), delim: d, quote: "Always"}
	if q := ctx.String("UseQuotes"); q != "" {
		w.quote = q
	}
	if ctx.Has("QuoteFields") {
		w.fields = map[string]bool{}
		for _, f := range ctx.Strings("QuoteFields") {
			w.fields[strings.ToLower(f)] = true
		}
	}
	return w, nil
}

// csvNames are an object's columns: a dictionary's keys, otherwise its
// properties.
func csvNames(v any) []string {
	var names []string
	if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
		for _, k := range h.Keys() {
			names = append(names, object.ToInvariantString(k))
		}
		return names
	}
	for _, p := range object.Adapted(v) {
		names = append(names, p.Name)
	}
	return names
}

// csvValue is a property's text as .NET's ToString gives it; ok is false
// for a missing or null value (an empty, unquoted field).
func (w *csvWriter) csvValue(v any, name string) (string, bool) {
	var val any
	if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
		x, found := h.Get(name)
		if !found {
			return "", false
		}
		val = x
	} else {
		p, ok := object.GetProperty(v, name)
		if !ok {
			return "", false
		}
		val = p.Get()
	}
	if val == nil {
		return "", false
	}
	return dotnetString(w.rt, val), true
}

func (w *csvWriter) field(b *strings.Builder, name, s string) {
	quoted := false
	switch {
	case w.fields != nil:
		quoted = w.fields[strings.ToLower(name)]
	case w.quote == "Always":
		quoted = true
	case w.quote == "AsNeeded":
		quoted = strings.ContainsAny(s, string(w.delim)+"\n\"")
	}
	if !quoted {
		b.WriteString(s)
		return
	}
	b.WriteByte('"')
	b.WriteString(strings.ReplaceAll(s, `"`, `""`))
	b.WriteByte('"')
}

func (w *csvWriter) header() string {
	var b strings.Builder
	for i, n := range w.names {
		if i > 0 {
			b.WriteRune(w.delim)
		}
		w.field(&b, n, n)
	}
	return b.String()
}

func (w *csvWriter) row(v any) string {
	var b strings.Builder
	for i, n := range w.names {
		if i > 0 {
			b.WriteRune(w.delim)
		}
		if s, ok := w.csvValue(v, n); ok {
			w.field(&b, n, s)
		}
	}
	return b.String()
}

// typeLine is the #TYPE line of -IncludeTypeInformation.
func typeLine(v any) string {
	names := object.TypeNames(v)
	if len(names) == 0 {
		return "#TYPE"
	}
	return "#TYPE " + strings.TrimPrefix(names[0], "CSV:")
}

// lines returns the CSV lines of one object: the #TYPE and header lines
// before the first one (unless headerDone), then its row.
func (w *csvWriter) lines(ctx *command.Context, v any, headerDone bool) []string {
	var out []string
	if !w.started {
		w.started = true
		if w.names == nil {
			w.names = csvNames(v)
		}
		if !headerDone && !ctx.Switch("NoHeader") {
			if ctx.Switch("IncludeTypeInformation") {
				out = append(out, typeLine(v))
			}
			out = append(out, w.header())
		}
	}
	return append(out, w.row(v))
}

// toCsvSlot holds one ConvertTo-Csv call's writer.
var toCsvSlot = command.NewInvocationSlot[*csvWriter]()

func convertToCsv() *command.Command {
	c := engine.Cmdlet("ConvertTo-Csv", engine.ModUtility, "ConvertToCsvCommand")
	c.Synopsis = "Converts objects to CSV lines (every field quoted, no #TYPE line)."
	c.Sets = []string{"Delimiter", "UseCulture"}
	c.DefaultSet = "Delimiter"
	c.Params = append([]*params.Param{
		params.P("InputObject", params.TPSObject, params.Mandatory(), params.Position(0), params.FromPipeline()),
	}, csvWriteParams()...)
	c.Handler.Begin = func(ctx *command.Context) error {
		w, err := newCsvWriter(ctx)
		if err != nil {
			return err
		}
		*toCsvSlot.Of(ctx) = w
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		w := *toCsvSlot.Of(ctx)
		v := ctx.Value("InputObject")
		if ctx.HasInput {
			v = ctx.Input
		}
		if v == nil {
			return nil
		}
		for _, l := range w.lines(ctx, v, false) {
			if err := ctx.WriteObject(l); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// exportCsvState is what one Export-Csv call keeps: its writer and file,
// whether it appends, the header of the file it appends to, or skip when
// -WhatIf or a refusal stopped it.
type exportCsvState struct {
	skip        bool
	w           *csvWriter
	sink        *fileSink
	appending   bool
	preexisting []string
	hasPre      bool
}

var exportCsvSlot = command.NewInvocationSlot[exportCsvState]()

func exportCsv() *command.Command {
	c := engine.Cmdlet("Export-Csv", engine.ModUtility, "ExportCsvCommand")
	c.Synopsis = "Writes objects to a CSV file (UTF-8 without BOM, every field quoted, no #TYPE line)."
	c.SupportsShouldProcess = true
	c.Sets = []string{"Delimiter", "UseCulture"}
	c.DefaultSet = "Delimiter"
	c.Params = append([]*params.Param{
		params.P("InputObject", params.TPSObject, params.Mandatory(), params.FromPipeline()),
		params.P("Path", params.TString, params.Position(0), params.NotNullOrEmpty()),
		params.P("LiteralPath", params.TString, params.Alias("PSPath", "LP"), params.NotNullOrEmpty()),
		params.P("Force", params.TSwitch),
		params.P("NoClobber", params.TSwitch, params.Alias("NoOverwrite")),
		management.EncodingParam(),
		params.P("Append", params.TSwitch),
	}, csvWriteParams()...)
	c.Examples = []command.Example{
		{Code: `Get-Mailbox -ResultSize 5 | Select-Object DisplayName, PrimarySmtpAddress | Export-Csv C:\Temp\mailboxes.csv -NoTypeInformation`, Remark: "Writes a report to the simulated C: drive."},
		{Code: `Import-Csv C:\Temp\mailboxes.csv | Format-Table`, Remark: "Reads it back."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		w, err := newCsvWriter(ctx)
		if err != nil {
			return err
		}
		path, literal := ctx.String("Path"), ctx.Has("LiteralPath")
		if ctx.Has("Path") == literal {
			return ctx.Fail(ctx.NewError("You must specify either the -Path or -LiteralPath parameters, but not both.", "CannotSpecifyPathAndLiteralPath", object.InvalidData, "InvalidOperationException", nil))
		}
		if literal {
			path = ctx.String("LiteralPath")
		}
		if ctx.Switch("Append") && ctx.Switch("NoHeader") {
			return ctx.Fail(ctx.NewError("You must specify either the -Append or -NoHeader parameters, but not both.", "CannotSpecifyBothAppendAndNoHeader", object.InvalidData, "InvalidOperationException", nil))
		}
		enc, err := management.EncodingOf(ctx)
		if err != nil {
			return err
		}
		rp, err := provider.ResolveFile(runtime.Of(ctx).Files(), path)
		if err != nil {
			return ctx.Fail(management.FileError(ctx, err, management.FileOpenID(err), nil))
		}
		ok, err := ctx.ShouldProcess(rp.ProviderPath(), "")
		if err != nil || !ok {
			exportCsvSlot.Of(ctx).skip = true
			return err
		}
		ns := runtime.Of(ctx).Files()
		appending := false
		if ctx.Switch("Append") {
			if header, found := existingCsvHeader(ctx, rp, w.delim, enc); found {
				appending = true
				w.names = header
				st := exportCsvSlot.Of(ctx)
				st.preexisting, st.hasPre = header, true
			}
		}
		if !appending && ctx.Switch("NoClobber") && ns.Exists(rp) {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("The file '%s' already exists.", rp.ProviderPath()), "NoClobber", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		sink := &fileSink{ctx: ctx, path: rp.String(), enc: enc, appendTo: appending}
		if err := sink.flush(); err != nil {
			return err
		}
		st := exportCsvSlot.Of(ctx)
		st.w, st.sink, st.appending = w, sink, appending
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := exportCsvSlot.Of(ctx)
		if st.skip || !ctx.HasInput && ctx.Value("InputObject") == nil {
			return nil
		}
		v := ctx.Value("InputObject")
		if ctx.HasInput {
			v = ctx.Input
		}
		if v == nil {
			return nil
		}
		w, sink, appending := st.w, st.sink, st.appending
		if pre, ok := st.preexisting, st.hasPre; ok && !w.started {
			have := map[string]bool{}
			for _, n := range csvNames(v) {
				have[strings.ToLower(n)] = true
			}
			for _, n := range pre {
				if !have[strings.ToLower(n)] && !ctx.Switch("Force") {
					return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot append CSV content to the following file: %s. The appended object does not have a property that corresponds to the following column: %s. To continue with mismatched properties, add the -Force parameter, and then retry the command.", ctx.String("Path")+ctx.String("LiteralPath"), n), "CannotAppendCsvWithMismatchedPropertyNames", object.InvalidData, "InvalidOperationException", n))
				}
			}
		}
		for _, l := range w.lines(ctx, v, appending) {
			if err := sink.write(l + "\n"); err != nil {
				return err
			}
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		if sink := exportCsvSlot.Of(ctx).sink; sink != nil {
			return sink.flush()
		}
		return nil
	}
	return c
}

// existingCsvHeader reads the header of a CSV file Export-Csv -Append adds
// to; found is false for a missing or empty file.
func existingCsvHeader(ctx *command.Context, p fsys.Path, delim rune, enc *management.Encoding) ([]string, bool) {
	fi, err := runtime.Of(ctx).Files().Stat(p)
	if err != nil || fi.IsDir() || fi.Size() == 0 {
		return nil, false
	}
	tr, err := management.OpenText(runtime.Of(ctx).Files(), p, enc)
	if err != nil {
		return nil, false
	}
	defer tr.Close()
	r := &csvReader{r: tr.Reader(), delim: delim}
	if err := r.readHeader(nil); err != nil || r.header == nil {
		return nil, false
	}
	return r.header, true
}

// fileSink writes text to a file in chunks: the first write creates or
// replaces the file (or adds to it), later ones add; memory stays bounded
// however much a command writes.
type fileSink struct {
	ctx      *command.Context
	path     string
	enc      *management.Encoding
	appendTo bool
	buf      strings.Builder
	started  bool
}

func (s *fileSink) write(text string) error {
	s.buf.WriteString(text)
	if s.buf.Len() >= 1<<20 {
		return s.flush()
	}
	return nil
}

func (s *fileSink) flush() error {
	text := s.buf.String()
	s.buf.Reset()
	if s.started && text == "" {
		return nil
	}
	appendTo := s.appendTo || s.started
	s.started = true
	return management.WriteFile(s.ctx, s.path, text, s.enc, appendTo)
}

// ---------------------------------------------------------------------------
// reading

// csvReader reads records the way Import-Csv does.
type csvReader struct {
	r        io.RuneScanner
	limit    int
	delim    rune
	header   []string
	typeName string
	err      error
	eof      bool
}

func (c *csvReader) read() (rune, bool) {
	if c.eof {
		return 0, false
	}
	r, _, err := c.r.ReadRune()
	if err != nil {
		if err != io.EOF {
			c.err = err
		}
		c.eof = true
		return 0, false
	}
	return r, true
}

func (c *csvReader) peek(want rune) bool {
	r, _, err := c.r.ReadRune()
	if err != nil {
		return false
	}
	c.r.UnreadRune()
	return r == want
}

// newline reports whether r starts a line break, consuming "\r\n".
func (c *csvReader) newline(r rune) bool {
	if r == '\r' {
		if c.peek('\n') {
			c.read()
		}
		return true
	}
	return r == '\n'
}

// record reads the next record's fields; nil at the end.
func (c *csvReader) record() ([]string, error) {
	var out []string
	var cur strings.Builder
	quoted := false
	any := false
	for {
		if c.limit > 0 && cur.Len() > c.limit {
			return nil, &fsys.TooLongError{Limit: c.limit}
		}
		r, ok := c.read()
		if !ok {
			break
		}
		any = true
		switch {
		case r == c.delim && !quoted:
			out = append(out, cur.String())
			cur.Reset()
		case r == c.delim:
			cur.WriteRune(r)
		case r == '"':
			switch {
			case quoted && c.peek('"'):
				c.read()
				cur.WriteByte('"')
			case quoted:
				quoted = false
				end := c.tillDelimiter(&cur, true)
				out = append(out, cur.String())
				cur.Reset()
				if end {
					return out, c.err
				}
			case cur.Len() == 0:
				quoted = true
			default:
				cur.WriteRune(r)
				end := c.tillDelimiter(&cur, false)
				out = append(out, cur.String())
				cur.Reset()
				if end {
					return out, c.err
				}
			}
		case r == ' ' || r == '\t':
			switch {
			case quoted:
				cur.WriteRune(r)
			case cur.Len() == 0:
			default:
				cur.WriteRune(r)
				end := c.tillDelimiter(&cur, true)
				out = append(out, cur.String())
				cur.Reset()
				if end {
					return out, c.err
				}
			}
		case r == '\r' || r == '\n':
			if quoted {
				if r == '\r' && c.peek('\n') {
					c.read()
					cur.WriteString("\r\n")
				} else {
					cur.WriteRune(r)
				}
				continue
			}
			c.newline(r)
			out = append(out, cur.String())
			return out, c.err
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	if !any {
		return nil, c.err
	}
	return out, c.err
}

// tillDelimiter reads the rest of a field after a closing quote (or a
// stray character): up to the next delimiter or line break. Trailing
// blanks are dropped when only blanks follow and eatBlanks is set.
func (c *csvReader) tillDelimiter(cur *strings.Builder, eatBlanks bool) (endOfRecord bool) {
	var tmp strings.Builder
	nonBlank := false
	for {
		r, ok := c.read()
		if !ok {
			endOfRecord = true
			break
		}
		if r == c.delim {
			break
		}
		if r == '\r' || r == '\n' {
			c.newline(r)
			endOfRecord = true
			break
		}
		tmp.WriteRune(r)
		if r != ' ' && r != '\t' {
			nonBlank = true
		}
	}
	if eatBlanks && !nonBlank {
		cur.WriteString(strings.TrimSpace(tmp.String()))
	} else {
		cur.WriteString(tmp.String())
	}
	return endOfRecord
}

// readHeader reads a #TYPE line and the header (unless given): later
// lines starting with # are skipped, and a W3C "#Fields: " line is the
// header.
func (c *csvReader) readHeader(given []string) error {
	c.header = given
	if c.peek('#') {
		line, err := c.line()
		if err != nil {
			return err
		}
		// A first line starting with # is read as the type line, and
		// dropped when it is not one.
		if len(line) >= 5 && strings.EqualFold(line[:5], "#Type") {
			c.typeName = strings.TrimSpace(line[5:])
		}
	}
	for c.header == nil && !c.eof {
		rec, err := c.record()
		if err != nil {
			return err
		}
		if rec == nil {
			break
		}
		rec = trimTrailingEmpty(rec)
		switch {
		case len(rec) > 0 && strings.HasPrefix(rec[0], "#Fields: "):
			rec[0] = rec[0][9:]
			c.header = rec
		case len(rec) > 0 && strings.HasPrefix(rec[0], "#"):
		default:
			c.header = rec
		}
	}
	seen := map[string]bool{}
	for _, h := range c.header {
		if h == "" {
			continue
		}
		if seen[strings.ToLower(h)] {
			return fmt.Errorf("The member \"%s\" is already present.", h)
		}
		seen[strings.ToLower(h)] = true
	}
	return nil
}

func trimTrailingEmpty(rec []string) []string {
	for len(rec) > 1 && rec[len(rec)-1] == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}

// line reads one raw line.
func (c *csvReader) line() (string, error) {
	var b strings.Builder
	for {
		r, ok := c.read()
		if !ok {
			return b.String(), c.err
		}
		if r == '\r' || r == '\n' {
			c.newline(r)
			return b.String(), nil
		}
		b.WriteRune(r)
		if c.limit > 0 && b.Len() > c.limit {
			return "", &fsys.TooLongError{Limit: c.limit}
		}
	}
}

// objects reads the records after the header and passes each as a
// PSCustomObject (warn is called once when a header is missing).
func (c *csvReader) objects(emit func(*object.PSObject) error, warn func()) error {
	warned := false
	for {
		rec, err := c.record()
		if err != nil {
			return err
		}
		if rec == nil {
			return nil
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		o := object.NewCustomObject()
		unnamed := 1
		for i, name := range c.header {
			if name == "" {
				name = fmt.Sprintf("H%d", unnamed)
				unnamed++
			}
			var v any
			if i < len(rec) {
				v = rec[i]
			}
			o.Add(name, v)
		}
		if unnamed > 1 && !warned && warn != nil {
			warn()
			warned = true
		}
		if c.typeName != "" {
			o.TypeNames = []string{c.typeName, "CSV:" + c.typeName}
		}
		if err := emit(o); err != nil {
			return err
		}
	}
}

const unspecifiedHeaderWarning = "One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers."

// csvReadParams are the parameters Import-Csv and ConvertFrom-Csv share.
func csvReadParams() []*params.Param {
	return []*params.Param{
		params.P("Delimiter", tChar, params.InSets(params.Set("DelimiterPath", false, 1), params.Set("DelimiterLiteralPath", false, 1))),
		params.P("UseCulture", params.TSwitch, params.InSets(params.Set("UsingCulture", true, -1), params.Set("CultureLiteralPath", true, -1))),
		params.P("Header", params.TStrings),
	}
}

func importCsv() *command.Command {
	c := engine.Cmdlet("Import-Csv", engine.ModUtility, "ImportCsvCommand")
	c.Synopsis = "Reads objects from a CSV file, one per record, streaming."
	c.Sets = []string{"DelimiterPath", "DelimiterLiteralPath", "UsingCulture", "CultureLiteralPath"}
	c.DefaultSet = "DelimiterPath"
	c.Params = append([]*params.Param{
		params.P("Path", params.TStrings, params.InSets(
			params.SetInfo{Set: "DelimiterPath", Position: 0, FromPipeline: true, FromPipelineByName: true},
			params.SetInfo{Set: "UsingCulture", Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true}), params.NotNullOrEmpty()),
		params.P("LiteralPath", params.TStrings, params.InSets(
			params.SetInfo{Set: "DelimiterLiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true},
			params.SetInfo{Set: "CultureLiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP"), params.NotNullOrEmpty()),
		management.EncodingParam(),
	}, csvReadParams()...)
	c.Handler.Process = func(ctx *command.Context) error {
		enc, err := management.EncodingOf(ctx)
		if err != nil {
			return err
		}
		delim, err := csvDelimiter(ctx)
		if err != nil {
			return err
		}
		paths, literal := management.PathArgs(ctx)
		for _, p := range paths {
			rps, err := management.ResolveAll(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, rp := range rps {
				if err := importOneCsv(ctx, rp, delim, enc); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func importOneCsv(ctx *command.Context, rp fsys.Path, delim rune, enc *management.Encoding) error {
	ns := runtime.Of(ctx).Files()
	fi, err := ns.Stat(rp)
	if err != nil || rp.Drive.Provider != fsys.FileSystem {
		return ctx.Fail(ctx.NewError(fmt.Sprintf("Could not find file '%s'.", rp.ProviderPath()), "FileOpenFailure", object.OpenError, "FileNotFoundException", rp.ProviderPath()))
	}
	if fi.IsDir() {
		return ctx.Fail(ctx.NewError(fmt.Sprintf("Access to the path '%s' is denied.", rp.ProviderPath()), "FileOpenFailure", object.OpenError, "UnauthorizedAccessException", rp.ProviderPath()))
	}
	tr, err := management.OpenText(ns, rp, enc)
	if err != nil {
		return ctx.Fail(management.ReadError(ctx, err, rp, "FileOpenFailure"))
	}
	defer tr.Close()
	r := &csvReader{r: tr.Reader(), delim: delim, limit: tr.Limit()}
	if err := r.readHeader(headerArg(ctx)); err != nil {
		return ctx.Fail(csvReadError(ctx, err, rp))
	}
	err = r.objects(func(o *object.PSObject) error { return ctx.WriteObject(o) }, func() { ctx.WriteWarning(unspecifiedHeaderWarning) })
	if err != nil {
		if _, ok := err.(*pserror.Error); ok || errors.Is(err, runtime.ErrStopUpstream) {
			return err
		}
		return ctx.Fail(csvReadError(ctx, err, rp))
	}
	return nil
}

func headerArg(ctx *command.Context) []string {
	if !ctx.Has("Header") {
		return nil
	}
	h := ctx.Strings("Header")
	if h == nil {
		h = []string{}
	}
	return h
}

func csvReadError(ctx *command.Context, err error, rp fsys.Path) *object.ErrorRecord {
	if errors.Is(err, fsys.ErrTooLong) {
		return management.ReadError(ctx, err, rp, "FileReadFailure")
	}
	return ctx.NewError(err.Error(), "AlreadyPresentPSMemberInfoInternalCollectionAdd", object.NotSpecified, "ExtendedTypeSystemException", nil)
}

// fromCsvSlot holds the lines one ConvertFrom-Csv call gathers.
var fromCsvSlot = command.NewInvocationSlot[[]string]()

func convertFromCsv() *command.Command {
	c := engine.Cmdlet("ConvertFrom-Csv", engine.ModUtility, "ConvertFromCsvCommand")
	c.Synopsis = "Converts CSV lines into objects."
	c.Sets = []string{"Delimiter", "UseCulture"}
	c.DefaultSet = "Delimiter"
	c.Params = []*params.Param{
		params.P("InputObject", params.TObjects, params.Mandatory(), params.Position(0), params.FromPipeline(), params.FromPipelineByName()),
		params.P("Delimiter", tChar, params.InSets(params.Set("Delimiter", false, 1))),
		params.P("UseCulture", params.TSwitch, params.InSets(params.Set("UseCulture", true, -1))),
		params.P("Header", params.TStrings),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		list := fromCsvSlot.Of(ctx)
		v := ctx.Value("InputObject")
		if ctx.HasInput {
			v = ctx.Input
		}
		if items, ok := object.Enumerate(v); ok {
			for _, it := range items {
				*list = append(*list, runtime.Of(ctx).ToStr(it))
			}
		} else if v != nil {
			*list = append(*list, runtime.Of(ctx).ToStr(v))
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		delim, err := csvDelimiter(ctx)
		if err != nil {
			return err
		}
		list := *fromCsvSlot.Of(ctx)
		var buf bytes.Buffer
		for _, l := range list {
			buf.WriteString(l)
			buf.WriteByte('\n')
		}
		r := &csvReader{r: strings.NewReader(buf.String()), delim: delim}
		if err := r.readHeader(headerArg(ctx)); err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "AlreadyPresentPSMemberInfoInternalCollectionAdd", object.NotSpecified, "ExtendedTypeSystemException", nil))
		}
		return r.objects(func(o *object.PSObject) error { return ctx.WriteObject(o) }, func() { ctx.WriteWarning(unspecifiedHeaderWarning) })
	}
	return c
}
