package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

func dataCommands() []*command.Command {
	return []*command.Command{convertToJson(), convertFromJson()}
}

// ---------------------------------------------------------------------------
// JSON

func convertToJson() *command.Command {
	c := engine.Cmdlet("ConvertTo-Json", engine.ModUtility, "ConvertToJsonCommand")
	c.Synopsis = "Converts objects to JSON text."
	c.Params = []*params.Param{
		params.P("InputObject", params.TObject, params.Mandatory(), params.Position(0), params.FromPipeline(), engine.AllowEmpty()),
		params.P("Depth", params.TInt, params.Range(0, 100)),
		params.P("Compress", params.TSwitch),
		params.P("EnumsAsStrings", params.TSwitch),
		params.P("AsArray", params.TSwitch),
		params.P("EscapeHandling", params.EnumType("StringEscapeHandling", "Newtonsoft.Json.StringEscapeHandling", "Default", "EscapeNonAscii", "EscapeHtml")),
	}
	c.Handler.Process = collectInputOrParam("InputObject")
	c.Handler.End = func(ctx *command.Context) error {
		items := ctx.Collected()
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
		j := &jsonWriter{rt: runtime.Of(ctx), compress: ctx.Switch("Compress"), enumStrings: ctx.Switch("EnumsAsStrings"), maxDepth: depth, escape: ctx.String("EscapeHandling")}
		j.write(v, 0, 0)
		if j.truncated {
			ctx.WriteWarning(fmt.Sprintf("Resulting JSON is truncated as serialization has exceeded the set depth of %d.", depth))
		}
		return ctx.WriteObject(j.b.String())
	}
	return c
}

func collectInputOrParam(name string) func(ctx *command.Context) error {
	return func(ctx *command.Context) error {
		if ctx.HasInput {
			ctx.Collect(ctx.Input)
			return nil
		}
		if ctx.Has(name) {
			ctx.Collect(ctx.Value(name))
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
	// escape is -EscapeHandling: "", Default, EscapeNonAscii or EscapeHtml
	escape string
}

// jsonFloat writes a double as Json.NET does: its round-trip text, with
// ".0" added to a whole number.
func jsonFloat(s string) string {
	if strings.ContainsAny(s, ".eEN") {
		return s
	}
	return s + ".0"
}

// str writes a string value with the chosen escaping: EscapeNonAscii
// also writes every non-ASCII character as \uXXXX, EscapeHtml also the
// characters < > & ' and ".
func (j *jsonWriter) str(s string) string {
	q := jsonString(s)
	var html bool
	switch j.escape {
	case "EscapeHtml":
		html = true
	case "EscapeNonAscii":
	default:
		return q
	}
	var b strings.Builder
	b.WriteByte('"')
	inner := q[1 : len(q)-1]
	for i := 0; i < len(inner); {
		r, size := utf8.DecodeRuneInString(inner[i:])
		switch {
		case r == '\\' && i+1 < len(inner) && inner[i+1] == '"':
			if html {
				b.WriteString(`\u0022`)
			} else {
				b.WriteString(`\"`)
			}
			i += 2
			continue
		case r == '\\' && i+1 < len(inner):
			b.WriteString(inner[i : i+2])
			i += 2
			continue
		case html && strings.ContainsRune("<>&'", r):
			fmt.Fprintf(&b, "\\u%04x", r)
		case !html && r >= 0x80:
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "\\u%04x", u)
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
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
	case int, int64, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		j.b.WriteString(object.ToInvariantString(x))
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			j.b.WriteString(jsonString(object.FormatDouble(x)))
		} else {
			j.b.WriteString(jsonFloat(object.FormatDouble(x)))
		}
	case float32:
		j.b.WriteString(jsonFloat(object.ToInvariantString(x)))
	case object.Decimal:
		j.b.WriteString(object.ToInvariantString(x))
	case string:
		j.b.WriteString(j.str(x))
	case object.Char:
		j.b.WriteString(j.str(string(rune(x))))
	case time.Time:
		// ISO 8601 with the kind: Z for Utc, the offset for Local,
		// nothing for Unspecified; a zero fraction is left out
		j.b.WriteString(jsonString(object.FormatDateTime(x, "yyyy-MM-ddTHH:mm:ss.FFFFFFFK")))
	case object.Guid:
		j.b.WriteString(jsonString(x.String()))
	case object.Enum:
		if j.enumStrings {
			j.b.WriteString(jsonString(x.Name))
		} else {
			j.b.WriteString(strconv.Itoa(x.Value))
		}
	case object.TimeSpan:
		// .NET 8's public properties, in their declared order
		ticks := int64(x)
		j.writeObject([]kv{{"Ticks", ticks}, {"Days", x.Days()}, {"Hours", x.Hours()}, {"Milliseconds", x.Milliseconds()},
			{"Microseconds", int(ticks / 10 % 1000)}, {"Nanoseconds", int(ticks % 10 * 100)}, {"Minutes", x.Minutes()}, {"Seconds", x.Seconds()},
			{"TotalDays", x.TotalDays()}, {"TotalHours", x.TotalHours()}, {"TotalMilliseconds", float64(ticks) / 1e4},
			{"TotalMicroseconds", float64(ticks) / 10}, {"TotalNanoseconds", float64(ticks) * 100}, {"TotalMinutes", x.TotalMinutes()}, {"TotalSeconds", x.TotalSeconds()}}, depth, indent)
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
		j.b.WriteString(j.str(p.k))
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

// jsonTextSlot holds the lines of JSON one ConvertFrom-Json call gathers.
var jsonTextSlot = command.NewInvocationSlot[[]string]()

func convertFromJson() *command.Command {
	c := engine.Cmdlet("ConvertFrom-Json", engine.ModUtility, "ConvertFromJsonCommand")
	c.Synopsis = "Converts JSON text into objects."
	c.Params = []*params.Param{
		params.P("InputObject", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline(), engine.AllowEmptyString()),
		params.P("AsHashtable", params.TSwitch),
		params.P("Depth", params.TInt),
		params.P("NoEnumerate", params.TSwitch),
		params.P("DateKind", params.TString),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		list := jsonTextSlot.Of(ctx)
		*list = append(*list, ctx.String("InputObject"))
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		// PowerShell converts nothing when no text came; one piece is one
		// JSON document; with several, when the first is a document by
		// itself each piece is one, else all of them joined by newlines
		// are one document.
		pieces := *jsonTextSlot.Of(ctx)
		switch {
		case len(pieces) == 0:
			return nil
		case len(pieces) > 1:
			if first, err := jsonDocument(pieces[0], ctx.Switch("AsHashtable")); err == nil {
				if err := writeJsonDocument(ctx, first); err != nil {
					return err
				}
				for _, piece := range pieces[1:] {
					v, err := jsonDocument(piece, ctx.Switch("AsHashtable"))
					if err != nil {
						return failJson(ctx, err, piece)
					}
					if err := writeJsonDocument(ctx, v); err != nil {
						return err
					}
				}
				return nil
			}
		}
		text := strings.Join(pieces, "\n")
		v, err := jsonDocument(text, ctx.Switch("AsHashtable"))
		if err != nil {
			return failJson(ctx, err, text)
		}
		return writeJsonDocument(ctx, v)
	}
	return c
}

// jsonDocument reads one JSON document keeping the order of keys; text
// that is empty or only white space is $null, as PowerShell's reader has it.
func jsonDocument(text string, asHash bool) (any, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	return decodeOrdered(json.NewDecoder(strings.NewReader(text)), asHash)
}

func failJson(ctx *command.Context, err error, text string) error {
	return ctx.Fail(ctx.NewError(fmt.Sprintf("Conversion from JSON failed with error: %s", err.Error()), "System.ArgumentException", object.NotSpecified, "ArgumentException", text))
}

func writeJsonDocument(ctx *command.Context, v any) error {
	// a $null document is written as $null, enumerated or not
	if v == nil || ctx.Switch("NoEnumerate") {
		return ctx.WriteObject(v)
	}
	return ctx.WriteEnumerated(v)
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
				h.OrderedHashtable, h.CaseSensitive = true, true
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
		// Whole numbers are Int64 whatever their size, as PowerShell's
		// JSON reader makes them.
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i, nil
		}
		f, _ := strconv.ParseFloat(string(t), 64)
		return f, nil
	case string:
		if len(t) >= 19 && t[4] == '-' && t[10] == 'T' {
			if d, ok := dates.ParseInvariant(t); ok {
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
