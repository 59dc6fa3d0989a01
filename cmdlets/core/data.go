package core

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

func dataCommands() []*runtime.Command {
	return []*runtime.Command{convertToJson(), convertFromJson(), exportCsv(), importCsv(), convertToCsv(), convertFromCsv(), getContent(), setContent("Set-Content", "SetContentCommand", false), setContent("Add-Content", "AddContentCommand", true), testPath(), joinPath()}
}

// ---------------------------------------------------------------------------
// JSON

func convertToJson() *runtime.Command {
	c := cmdlet("ConvertTo-Json", ModUtility, "ConvertToJsonCommand")
	c.Synopsis = "Converts objects to JSON text."
	c.Params = []*runtime.Param{
		runtime.P("InputObject", runtime.TObject, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("Depth", runtime.TInt, runtime.Range(0, 100)),
		runtime.P("Compress", runtime.TSwitch),
		runtime.P("EnumsAsStrings", runtime.TSwitch),
		runtime.P("AsArray", runtime.TSwitch),
		runtime.P("EscapeHandling", runtime.EnumType("StringEscapeHandling", "Newtonsoft.Json.StringEscapeHandling", "Default", "EscapeNonAscii", "EscapeHtml")),
	}
	c.Handler.Process = collectInputOrParam("InputObject")
	c.Handler.End = func(ctx *runtime.Context) error {
		items, _ := ctx.State["items"].([]any)
		if len(items) == 0 {
			return nil
		}
		depth := 2
		if ctx.Has("Depth") {
			depth = ctx.Int("Depth")
		}
		var v any = items
		if len(items) == 1 && !ctx.Switch("AsArray") {
			v = items[0]
		}
		j := &jsonWriter{rt: ctx.RT, compress: ctx.Switch("Compress"), enumStrings: ctx.Switch("EnumsAsStrings"), maxDepth: depth}
		j.write(v, 0, 0)
		if j.truncated {
			ctx.WriteWarning(fmt.Sprintf("Resulting JSON is truncated as serialization has exceeded the set depth of %d.", depth))
		}
		return ctx.WriteObject(j.b.String())
	}
	return c
}

func collectInputOrParam(name string) func(ctx *runtime.Context) error {
	return func(ctx *runtime.Context) error {
		list, _ := ctx.State["items"].([]any)
		if ctx.HasInput {
			ctx.State["items"] = append(list, ctx.Input)
			return nil
		}
		if ctx.Has(name) {
			ctx.State["items"] = append(list, ctx.Value(name))
		}
		return nil
	}
}

type jsonWriter struct {
	rt          *runtime.Runtime
	b           strings.Builder
	compress    bool
	enumStrings bool
	maxDepth    int
	truncated   bool
}

func (j *jsonWriter) nl(indent int) {
	if j.compress {
		return
	}
	j.b.WriteByte('\n')
	j.b.WriteString(strings.Repeat("  ", indent))
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func (j *jsonWriter) write(v any, depth, indent int) {
	v = object.Unwrap(v)
	switch x := v.(type) {
	case nil:
		j.b.WriteString("null")
	case bool:
		if x {
			j.b.WriteString("true")
		} else {
			j.b.WriteString("false")
		}
	case int, int64:
		j.b.WriteString(object.ToInvariantString(x))
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			j.b.WriteString(jsonString(object.FormatDouble(x)))
		} else {
			j.b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	case float32, object.Decimal:
		j.b.WriteString(object.ToInvariantString(x))
	case string:
		j.b.WriteString(jsonString(x))
	case object.Char:
		j.b.WriteString(jsonString(string(rune(x))))
	case time.Time:
		j.b.WriteString(jsonString(x.Format("2006-01-02T15:04:05.9999999")))
	case object.Guid:
		j.b.WriteString(jsonString(x.String()))
	case object.Enum:
		if j.enumStrings {
			j.b.WriteString(jsonString(x.Name))
		} else {
			j.b.WriteString(strconv.Itoa(x.Value))
		}
	case object.TimeSpan:
		j.writeObject([]kv{{"Ticks", int64(x)}, {"Days", x.Days()}, {"Hours", x.Hours()}, {"Milliseconds", x.Milliseconds()}, {"Minutes", x.Minutes()}, {"Seconds", x.Seconds()}, {"TotalDays", x.TotalDays()}, {"TotalHours", x.TotalHours()}, {"TotalMilliseconds", x.TotalMilliseconds()}, {"TotalMinutes", x.TotalMinutes()}, {"TotalSeconds", x.TotalSeconds()}}, depth, indent)
	case *object.Hashtable:
		var kvs []kv
		for _, e := range x.Entries() {
			kvs = append(kvs, kv{object.ToInvariantString(e.Key), e.Value})
		}
		j.writeObject(kvs, depth, indent)
	case []any, *object.List:
		items, _ := object.Enumerate(x)
		if depth > j.maxDepth {
			j.truncated = true
			j.b.WriteString(jsonString(j.rt.ToStr(x)))
			return
		}
		if len(items) == 0 {
			j.b.WriteString("[]")
			return
		}
		j.b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				j.b.WriteByte(',')
			}
			j.nl(indent + 1)
			j.write(it, depth+1, indent+1)
		}
		j.nl(indent)
		j.b.WriteByte(']')
	case *object.PSObject:
		var kvs []kv
		for _, p := range x.Properties() {
			kvs = append(kvs, kv{p.Name, p.Get()})
		}
		j.writeObject(kvs, depth, indent)
	default:
		if s, ok := v.(fmt.Stringer); ok {
			j.b.WriteString(jsonString(s.String()))
			return
		}
		j.b.WriteString(jsonString(object.ToInvariantString(v)))
	}
}

type kv struct {
	k string
	v any
}

func (j *jsonWriter) writeObject(kvs []kv, depth, indent int) {
	if depth > j.maxDepth {
		j.truncated = true
		j.b.WriteString(jsonString("System.Collections.Hashtable"))
		return
	}
	if len(kvs) == 0 {
		j.b.WriteString("{}")
		return
	}
	j.b.WriteByte('{')
	for i, p := range kvs {
		if i > 0 {
			j.b.WriteByte(',')
		}
		j.nl(indent + 1)
		j.b.WriteString(jsonString(p.k))
		if j.compress {
			j.b.WriteByte(':')
		} else {
			j.b.WriteString(": ")
		}
		if depth+1 > j.maxDepth {
			switch p.v.(type) {
			case *object.PSObject, *object.Hashtable:
				j.truncated = true
				j.b.WriteString(jsonString(j.rt.ToStr(p.v)))
				continue
			}
		}
		j.write(p.v, depth+1, indent+1)
	}
	j.nl(indent)
	j.b.WriteByte('}')
}

func convertFromJson() *runtime.Command {
	c := cmdlet("ConvertFrom-Json", ModUtility, "ConvertFromJsonCommand")
	c.Synopsis = "Converts JSON text into objects."
	c.Params = []*runtime.Param{
		runtime.P("InputObject", runtime.TString, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("AsHashtable", runtime.TSwitch),
		runtime.P("Depth", runtime.TInt),
		runtime.P("NoEnumerate", runtime.TSwitch),
		runtime.P("DateKind", runtime.TString),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		list, _ := ctx.State["text"].([]string)
		ctx.State["text"] = append(list, ctx.String("InputObject"))
		return nil
	}
	c.Handler.End = func(ctx *runtime.Context) error {
		list, _ := ctx.State["text"].([]string)
		text := strings.Join(list, "\n")
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var raw any
		if err := dec.Decode(&raw); err != nil {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("Conversion from JSON failed with error: %s", err.Error()), "System.ArgumentException", object.NotSpecified, "ArgumentException", text))
		}
		// keep key order: decode again with ordered tokens
		v, err := decodeOrdered(json.NewDecoder(strings.NewReader(text)), ctx.Switch("AsHashtable"))
		if err != nil {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("Conversion from JSON failed with error: %s", err.Error()), "System.ArgumentException", object.NotSpecified, "ArgumentException", text))
		}
		if ctx.Switch("NoEnumerate") {
			return ctx.WriteObject(v)
		}
		return ctx.WriteEnumerated(v)
	}
	return c
}

func decodeOrdered(dec *json.Decoder, asHash bool) (any, error) {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	return decodeValue(dec, tok, asHash)
}

func decodeValue(dec *json.Decoder, tok json.Token, asHash bool) (any, error) {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			var o *object.PSObject
			var h *object.Hashtable
			if asHash {
				h = object.NewHashtable()
			} else {
				o = object.NewCustomObject()
			}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				vt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(dec, vt, asHash)
				if err != nil {
					return nil, err
				}
				if asHash {
					h.Set(key, v)
				} else {
					o.Add(key, v)
				}
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			if asHash {
				return h, nil
			}
			return o, nil
		case '[':
			out := []any{}
			for dec.More() {
				vt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(dec, vt, asHash)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return out, nil
		}
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			if i >= math.MinInt32 && i <= math.MaxInt32 {
				return int(i), nil
			}
			return i, nil
		}
		f, _ := strconv.ParseFloat(string(t), 64)
		return f, nil
	case string:
		if len(t) >= 19 && t[4] == '-' && t[10] == 'T' {
			if d, ok := runtime.ParseDateTime(t); ok {
				return d, nil
			}
		}
		return t, nil
	case bool:
		return t, nil
	case nil:
		return nil, nil
	}
	return tok, nil
}

// ---------------------------------------------------------------------------
// CSV

func csvParams() []*runtime.Param {
	return []*runtime.Param{
		runtime.P("InputObject", runtime.TPSObject, runtime.Mandatory(), runtime.FromPipeline()),
		runtime.P("Delimiter", runtime.TString, runtime.Position(1)),
		runtime.P("NoTypeInformation", runtime.TSwitch, runtime.Alias("NTI")),
		runtime.P("IncludeTypeInformation", runtime.TSwitch, runtime.Alias("ITI")),
		runtime.P("UseCulture", runtime.TSwitch),
		runtime.P("QuoteFields", runtime.TStrings, runtime.Alias("QF")),
		runtime.P("UseQuotes", runtime.EnumType("QuoteKind", "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind", "Never", "Always", "AsNeeded"), runtime.Alias("UQ")),
		runtime.P("NoHeader", runtime.TSwitch),
	}
}

func csvLines(ctx *runtime.Context, items []any) []string {
	if len(items) == 0 {
		return nil
	}
	delim := ","
	if d := ctx.String("Delimiter"); d != "" {
		delim = d
	}
	quoteMode := "Always"
	if q := ctx.String("UseQuotes"); q != "" {
		quoteMode = q
	}
	quote := func(s string) string {
		switch quoteMode {
		case "Never":
			return s
		case "AsNeeded":
			if !strings.ContainsAny(s, delim+"\"\n\r") {
				return s
			}
		}
		return "\"" + strings.ReplaceAll(s, "\"", "\"\"") + "\""
	}
	var names []string
	for _, p := range object.Adapted(items[0]) {
		names = append(names, p.Name)
	}
	var lines []string
	if ctx.Switch("IncludeTypeInformation") {
		lines = append(lines, "#TYPE "+object.TypeName(items[0]))
	}
	if !ctx.Switch("NoHeader") {
		var hs []string
		for _, n := range names {
			hs = append(hs, quote(n))
		}
		lines = append(lines, strings.Join(hs, delim))
	}
	for _, it := range items {
		var cells []string
		for _, n := range names {
			v := object.PropertyValue(it, n)
			s := ""
			switch x := v.(type) {
			case nil:
			case []any, *object.List:
				s = "System.Object[]"
			case *object.Hashtable:
				s = "System.Collections.Hashtable"
			case time.Time:
				s = object.ToCultureString(x)
			default:
				s = object.ToInvariantString(x)
			}
			cells = append(cells, quote(s))
		}
		lines = append(lines, strings.Join(cells, delim))
	}
	return lines
}

func exportCsv() *runtime.Command {
	c := cmdlet("Export-Csv", ModUtility, "ExportCsvCommand")
	c.Synopsis = "Writes objects to a CSV file."
	c.SupportsShouldProcess = true
	c.Params = append(csvParams(),
		runtime.P("Path", runtime.TString, runtime.Position(0)),
		runtime.P("LiteralPath", runtime.TString, runtime.Alias("PSPath", "LP")),
		runtime.P("Force", runtime.TSwitch),
		runtime.P("NoClobber", runtime.TSwitch, runtime.Alias("NoOverwrite")),
		runtime.P("Encoding", runtime.TString),
		runtime.P("Append", runtime.TSwitch),
	)
	c.Handler.Process = collectInput
	c.Handler.End = func(ctx *runtime.Context) error {
		path := ctx.String("Path")
		if path == "" {
			path = ctx.String("LiteralPath")
		}
		ok, err := ctx.ShouldProcess(path, "")
		if err != nil || !ok {
			return err
		}
		items, _ := ctx.State["items"].([]any)
		lines := csvLines(ctx, items)
		if ctx.Switch("Append") {
			if _, err := os.Stat(path); err == nil && len(lines) > 0 && !ctx.Switch("NoHeader") {
				lines = lines[1:]
			}
		}
		text := ""
		for _, l := range lines {
			text += l + "\n"
		}
		return writeFile(ctx, path, text, ctx.Switch("Append"))
	}
	return c
}

func convertToCsv() *runtime.Command {
	c := cmdlet("ConvertTo-Csv", ModUtility, "ConvertToCsvCommand")
	c.Synopsis = "Converts objects to CSV lines."
	c.Params = csvParams()
	c.Params[0] = runtime.P("InputObject", runtime.TPSObject, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline())
	c.Handler.Process = collectInput
	c.Handler.End = func(ctx *runtime.Context) error {
		items, _ := ctx.State["items"].([]any)
		for _, l := range csvLines(ctx, items) {
			if err := ctx.WriteObject(l); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// writeCsv writes the objects of CSV text (with -Header); text that isn't
// CSV fails the command with errorID and target.
func writeCsv(ctx *runtime.Context, text, errorID string, target any) error {
	items, err := parseCsv(ctx, text, ctx.Strings("Header"))
	if err != nil {
		return ctx.Fail(ctx.NewError(err.Error(), errorID, object.InvalidData, "ExtendedTypeSystemException", target))
	}
	for _, it := range items {
		if err := ctx.WriteObject(it); err != nil {
			return err
		}
	}
	return nil
}

// pathArgs returns -Path, or -LiteralPath when no -Path was given.
func pathArgs(ctx *runtime.Context) []string {
	if paths := ctx.Strings("Path"); len(paths) > 0 {
		return paths
	}
	return ctx.Strings("LiteralPath")
}

func parseCsv(ctx *runtime.Context, text string, header []string) ([]any, error) {
	delim := ','
	if d := ctx.String("Delimiter"); d != "" {
		delim = []rune(d)[0]
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	var out []any
	for i, rec := range recs {
		if i == 0 && len(rec) > 0 && strings.HasPrefix(rec[0], "#TYPE") {
			continue
		}
		if header == nil {
			header = rec
			continue
		}
		o := object.NewCustomObject()
		for k, h := range header {
			var v any
			if k < len(rec) {
				v = rec[k]
			}
			o.Add(h, v)
		}
		out = append(out, o)
	}
	return out, nil
}

func importCsv() *runtime.Command {
	c := cmdlet("Import-Csv", ModUtility, "ImportCsvCommand")
	c.Synopsis = "Reads objects from a CSV file."
	c.Params = []*runtime.Param{
		runtime.P("Path", runtime.TStrings, runtime.Position(1), runtime.FromPipeline()),
		runtime.P("LiteralPath", runtime.TStrings, runtime.Alias("PSPath", "LP")),
		runtime.P("Delimiter", runtime.TString, runtime.Position(2)),
		runtime.P("Header", runtime.TStrings),
		runtime.P("Encoding", runtime.TString),
		runtime.P("UseCulture", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		for _, p := range pathArgs(ctx) {
			data, err := os.ReadFile(p)
			if err != nil {
				if werr := ctx.WriteError(ctx.NewError(fmt.Sprintf("Could not find file '%s'.", p), "FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand", object.OpenError, "FileNotFoundException", p)); werr != nil {
					return werr
				}
				continue
			}
			if err := writeCsv(ctx, string(data), "ImportCsv", p); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func convertFromCsv() *runtime.Command {
	c := cmdlet("ConvertFrom-Csv", ModUtility, "ConvertFromCsvCommand")
	c.Synopsis = "Converts CSV lines into objects."
	c.Params = []*runtime.Param{
		runtime.P("InputObject", runtime.TPSObject, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("Delimiter", runtime.TString, runtime.Position(1)),
		runtime.P("Header", runtime.TStrings),
		runtime.P("UseCulture", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		v := ctx.Value("InputObject")
		var lines []string
		if items, ok := v.([]any); ok {
			for _, it := range items {
				lines = append(lines, ctx.RT.ToStr(it))
			}
		} else {
			lines = append(lines, ctx.RT.ToStr(v))
		}
		list, _ := ctx.State["lines"].([]string)
		ctx.State["lines"] = append(list, lines...)
		return nil
	}
	c.Handler.End = func(ctx *runtime.Context) error {
		list, _ := ctx.State["lines"].([]string)
		return writeCsv(ctx, strings.Join(list, "\n"), "ConvertFromCsv", nil)
	}
	return c
}

// ---------------------------------------------------------------------------
// files

func getContent() *runtime.Command {
	c := cmdlet("Get-Content", ModManagement, "GetContentCommand")
	c.Synopsis = "Reads the lines of a file."
	c.Params = []*runtime.Param{
		runtime.P("Path", runtime.TStrings, runtime.Position(0), runtime.FromPipelineByName()),
		runtime.P("LiteralPath", runtime.TStrings, runtime.Alias("PSPath", "LP")),
		runtime.P("TotalCount", runtime.TLong, runtime.Alias("First", "Head")),
		runtime.P("Tail", runtime.TInt, runtime.Alias("Last")),
		runtime.P("Raw", runtime.TSwitch),
		runtime.P("Encoding", runtime.TString),
		runtime.P("Delimiter", runtime.TString),
		runtime.P("ReadCount", runtime.TLong),
		runtime.P("Wait", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		for _, p := range pathArgs(ctx) {
			data, err := os.ReadFile(p)
			if err != nil {
				if werr := ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot find path '%s' because it does not exist.", p), "PathNotFound", object.ObjectNotFound, "ItemNotFoundException", p)); werr != nil {
					return werr
				}
				continue
			}
			text := strings.TrimPrefix(string(data), "\ufeff")
			if ctx.Switch("Raw") {
				if err := ctx.WriteObject(text); err != nil {
					return err
				}
				continue
			}
			text = strings.ReplaceAll(text, "\r\n", "\n")
			lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			if text == "" {
				lines = nil
			}
			if ctx.Has("TotalCount") {
				if n := int(ctx.Value("TotalCount").(int64)); n >= 0 && n < len(lines) {
					lines = lines[:n]
				}
			}
			if ctx.Has("Tail") {
				if n := ctx.Int("Tail"); n >= 0 && n < len(lines) {
					lines = lines[len(lines)-n:]
				}
			}
			for _, l := range lines {
				if err := ctx.WriteObject(l); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func setContent(name, typeName string, appendTo bool) *runtime.Command {
	c := cmdlet(name, ModManagement, typeName)
	c.Synopsis = "Writes text to a file."
	c.SupportsShouldProcess = true
	c.Params = []*runtime.Param{
		runtime.P("Path", runtime.TStrings, runtime.Mandatory(), runtime.Position(0)),
		runtime.P("Value", runtime.TObjects, runtime.Position(1), runtime.FromPipeline()),
		runtime.P("Encoding", runtime.TString),
		runtime.P("NoNewline", runtime.TSwitch),
		runtime.P("Force", runtime.TSwitch),
		runtime.P("PassThru", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		list, _ := ctx.State["items"].([]any)
		if ctx.HasInput {
			list = append(list, ctx.Input)
		} else if v, ok := ctx.Value("Value").([]any); ok {
			list = append(list, v...)
		}
		ctx.State["items"] = list
		return nil
	}
	c.Handler.End = func(ctx *runtime.Context) error {
		items, _ := ctx.State["items"].([]any)
		var b strings.Builder
		for _, it := range items {
			b.WriteString(ctx.RT.ToStr(it))
			if !ctx.Switch("NoNewline") {
				b.WriteByte('\n')
			}
		}
		for _, p := range ctx.Strings("Path") {
			ok, err := ctx.ShouldProcess(p, "")
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := writeFile(ctx, p, b.String(), appendTo); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func testPath() *runtime.Command {
	c := cmdlet("Test-Path", ModManagement, "TestPathCommand")
	c.Synopsis = "Tells whether a path exists."
	c.Params = []*runtime.Param{
		runtime.P("Path", runtime.TStrings, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("PathType", runtime.EnumType("TestPathType", "Microsoft.PowerShell.Commands.TestPathType", "Any", "Container", "Leaf")),
		runtime.P("IsValid", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		for _, p := range ctx.Strings("Path") {
			st, err := os.Stat(p)
			ok := err == nil
			switch ctx.String("PathType") {
			case "Container":
				ok = ok && st.IsDir()
			case "Leaf":
				ok = ok && !st.IsDir()
			}
			if ctx.Switch("IsValid") {
				ok = true
			}
			if err := ctx.WriteObject(ok); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func joinPath() *runtime.Command {
	c := cmdlet("Join-Path", ModManagement, "JoinPathCommand")
	c.Synopsis = "Joins a path and child paths."
	c.Params = []*runtime.Param{
		runtime.P("Path", runtime.TStrings, runtime.Mandatory(), runtime.Position(0), runtime.FromPipeline()),
		runtime.P("ChildPath", runtime.TString, runtime.Position(1)),
		runtime.P("AdditionalChildPath", runtime.TStrings, runtime.RemainingArgs()),
		runtime.P("Resolve", runtime.TSwitch),
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		for _, p := range ctx.Strings("Path") {
			parts := []string{strings.TrimRight(p, "/\\")}
			if cp := ctx.String("ChildPath"); cp != "" {
				parts = append(parts, strings.Trim(cp, "/\\"))
			}
			for _, a := range ctx.Strings("AdditionalChildPath") {
				parts = append(parts, strings.Trim(a, "/\\"))
			}
			if err := ctx.WriteObject(strings.Join(parts, "/")); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

var _ = sort.Strings
