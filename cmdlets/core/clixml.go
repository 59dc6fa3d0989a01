package core

import (
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/dotnet/xmltok"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// CLIXML: Export-Clixml and Import-Clixml in PowerShell's serialization
// format (the <Objs> document with <S>, <I32>, <DT>, <Obj> with type names,
// <MS>/<Props>, <LST>, <DCT>). Imported objects carry "Deserialized."
// type names, as in PowerShell. A SecureString is written as the hex of
// its UTF-16 text: the simulator has no data-protection key to encrypt it
// with, so such a file is not secret.

func clixmlCommands() []*command.Command {
	return []*command.Command{exportClixml(), importClixml()}
}

const clixmlNS = "http://schemas.microsoft.com/powershell/2004/04"

// clixmlWriter serializes objects, indenting as PowerShell's XmlWriter.
type clixmlWriter struct {
	rt      *runtime.Runtime
	b       strings.Builder
	depth   int
	refID   int
	tnIDs   map[string]int
	nextTN  int
	seenObj map[*object.PSObject]int
}

// encodeCliString escapes what PowerShell's serializer escapes: control
// characters, surrogates and "_x" as _xHHHH_, then XML's &, < and >.
func encodeCliString(s string, attr bool) string {
	var b strings.Builder
	units := utf16.Encode([]rune(s))
	for i, u := range units {
		switch {
		case u <= 0x1F || u >= 0x7F && u <= 0x9F || u >= 0xD800 && u <= 0xDFFF,
			u == '_' && i+1 < len(units) && (units[i+1] == 'x' || units[i+1] == 'X'):
			fmt.Fprintf(&b, "_x%04X_", u)
		case u == '&':
			b.WriteString("&amp;")
		case u == '<':
			b.WriteString("&lt;")
		case u == '>':
			b.WriteString("&gt;")
		case u == '"' && attr:
			b.WriteString("&quot;")
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String()
}

// decodeCliString undoes the _xHHHH_ escapes.
func decodeCliString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var units []uint16
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && (s[i+1] == 'x' || s[i+1] == 'X') && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				units = append(units, uint16(n))
				i += 7
				continue
			}
		}
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			rs := []rune(s[i:])
			r = rs[0]
			size = len(string(r))
		}
		units = append(units, utf16.Encode([]rune{r})...)
		i += size
	}
	return string(utf16.Decode(units))
}

func (w *clixmlWriter) line(indent int, s string) {
	w.b.WriteString(strings.Repeat("  ", indent))
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func nameAttr(name string) string {
	if name == "" {
		return ""
	}
	return ` N="` + encodeCliString(name, true) + `"`
}

// xmlDuration is XmlConvert's form of a TimeSpan (PT1H30M, P2DT3H ...).
func xmlDuration(ts object.TimeSpan) string {
	t := int64(ts)
	var b strings.Builder
	if t < 0 {
		b.WriteByte('-')
		t = -t
	}
	days := t / int64(object.TicksPerDay)
	t %= int64(object.TicksPerDay)
	h := t / int64(object.TicksPerHour)
	t %= int64(object.TicksPerHour)
	m := t / int64(object.TicksPerMinute)
	t %= int64(object.TicksPerMinute)
	sec := t / int64(object.TicksPerSecond)
	frac := t % int64(object.TicksPerSecond)
	b.WriteByte('P')
	if days > 0 {
		fmt.Fprintf(&b, "%dD", days)
	}
	if h > 0 || m > 0 || sec > 0 || frac > 0 || days == 0 {
		b.WriteByte('T')
		if h > 0 {
			fmt.Fprintf(&b, "%dH", h)
		}
		if m > 0 {
			fmt.Fprintf(&b, "%dM", m)
		}
		if sec > 0 || frac > 0 || h == 0 && m == 0 {
			fmt.Fprintf(&b, "%d", sec)
			if frac > 0 {
				b.WriteString(strings.TrimRight(fmt.Sprintf(".%07d", frac), "0"))
			}
			b.WriteByte('S')
		}
	}
	return b.String()
}

// parseXMLDuration reads XmlConvert's TimeSpan form.
func parseXMLDuration(s string) (object.TimeSpan, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") {
		return 0, false
	}
	s = s[1:]
	var total float64
	inTime := false
	num := ""
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || r == '.':
			num += string(r)
		case r == 'T':
			inTime = true
		default:
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, false
			}
			num = ""
			switch {
			case r == 'D':
				total += f * float64(object.TicksPerDay)
			case r == 'H' && inTime:
				total += f * float64(object.TicksPerHour)
			case r == 'M' && inTime:
				total += f * float64(object.TicksPerMinute)
			case r == 'S' && inTime:
				total += f * float64(object.TicksPerSecond)
			default:
				return 0, false
			}
		}
	}
	ts := object.TimeSpan(math.Round(total))
	if neg {
		ts = -ts
	}
	return ts, true
}

// xmlDateTime is a DateTime as XmlConvert writes it (round-trip kind, UTC).
func xmlDateTime(t time.Time) string {
	s := t.UTC().Format("2006-01-02T15:04:05.9999999")
	return s + "Z"
}

// write serializes one value (name is the property name, "" at the top).
func (w *clixmlWriter) write(v any, name string, indent, depth int) {
	v = unwrapBase(v)
	n := nameAttr(name)
	switch x := v.(type) {
	case nil:
		w.line(indent, "<Nil"+n+" />")
	case string:
		w.line(indent, "<S"+n+">"+encodeCliString(x, false)+"</S>")
	case bool:
		w.line(indent, "<B"+n+">"+strconv.FormatBool(x)+"</B>")
	case int:
		w.line(indent, "<I32"+n+">"+strconv.Itoa(x)+"</I32>")
	case int64:
		w.line(indent, "<I64"+n+">"+strconv.FormatInt(x, 10)+"</I64>")
	case int8, uint8, int16, uint16, uint32, uint64:
		tag := map[string]string{"System.SByte": "SB", "System.Byte": "By", "System.Int16": "I16",
			"System.UInt16": "U16", "System.UInt32": "U32", "System.UInt64": "U64"}[object.TypeName(x)]
		w.line(indent, "<"+tag+n+">"+object.IntegerString(x)+"</"+tag+">")
	case float64:
		w.line(indent, "<Db"+n+">"+xmlDouble(x)+"</Db>")
	case float32:
		w.line(indent, "<Sg"+n+">"+xmlDouble(float64(x))+"</Sg>")
	case object.Decimal:
		w.line(indent, "<D"+n+">"+object.ToInvariantString(x)+"</D>")
	case object.Char:
		w.line(indent, "<C"+n+">"+strconv.Itoa(int(x))+"</C>")
	case time.Time:
		w.line(indent, "<DT"+n+">"+xmlDateTime(x)+"</DT>")
	case object.TimeSpan:
		w.line(indent, "<TS"+n+">"+xmlDuration(x)+"</TS>")
	case object.Guid:
		w.line(indent, "<G"+n+">"+x.String()+"</G>")
	case object.SecureString:
		var b []byte
		for _, u := range utf16.Encode([]rune(x.Plain())) {
			b = append(b, byte(u), byte(u>>8))
		}
		w.line(indent, "<SS"+n+">"+hex.EncodeToString(b)+"</SS>")
	case object.Enum:
		w.openObj(indent, n, []string{x.Type, "System.Enum", "System.ValueType", "System.Object"})
		w.line(indent+1, "<ToString>"+encodeCliString(x.Name, false)+"</ToString>")
		w.line(indent+1, "<I32>"+strconv.Itoa(x.Value)+"</I32>")
		w.line(indent, "</Obj>")
	case *object.Hashtable:
		w.openObj(indent, n, object.TypeNames(x))
		w.line(indent+1, "<DCT>")
		for _, e := range x.Entries() {
			w.line(indent+2, "<En>")
			w.write(e.Key, "Key", indent+3, depth+1)
			w.writeAt(e.Value, "Value", indent+3, depth+1)
			w.line(indent+2, "</En>")
		}
		w.line(indent+1, "</DCT>")
		w.line(indent, "</Obj>")
	case *object.PSObject:
		w.writePSObject(x, n, indent, depth)
	default:
		if items, ok := object.Enumerate(v); ok {
			w.openObj(indent, n, object.TypeNames(v))
			w.line(indent+1, "<LST>")
			for _, it := range items {
				w.writeAt(it, "", indent+2, depth+1)
			}
			w.line(indent+1, "</LST>")
			w.line(indent, "</Obj>")
			return
		}
		w.line(indent, "<S"+n+">"+encodeCliString(w.rt.ToStr(v), false)+"</S>")
	}
}

// writeAt writes a nested value: past the depth, complex values become
// their strings (as PowerShell serializes them).
func (w *clixmlWriter) writeAt(v any, name string, indent, depth int) {
	if depth > w.depth {
		switch unwrapBase(v).(type) {
		case *object.PSObject, *object.Hashtable, []any, *object.List:
			w.line(indent, "<S"+nameAttr(name)+">"+encodeCliString(w.rt.ToStr(v), false)+"</S>")
			return
		}
	}
	w.write(v, name, indent, depth)
}

func unwrapBase(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil && o.Len() == 0 {
		return o.Base
	}
	return v
}

func xmlDouble(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case math.IsNaN(f):
		return "NaN"
	}
	return strings.ToUpper(strconv.FormatFloat(f, 'G', -1, 64))
}

// openObj writes <Obj RefId> and its type names (<TNRef> when the same
// list was written before).
func (w *clixmlWriter) openObj(indent int, n string, names []string) {
	w.line(indent, fmt.Sprintf(`<Obj%s RefId="%d">`, n, w.refID))
	w.refID++
	key := strings.Join(names, "\x00")
	if id, ok := w.tnIDs[key]; ok {
		w.line(indent+1, fmt.Sprintf(`<TNRef RefId="%d" />`, id))
		return
	}
	w.tnIDs[key] = w.nextTN
	w.line(indent+1, fmt.Sprintf(`<TN RefId="%d">`, w.nextTN))
	w.nextTN++
	for _, t := range names {
		w.line(indent+2, "<T>"+encodeCliString(t, false)+"</T>")
	}
	w.line(indent+1, "</TN>")
}

func (w *clixmlWriter) writePSObject(o *object.PSObject, n string, indent, depth int) {
	if id, ok := w.seenObj[o]; ok {
		w.line(indent, fmt.Sprintf(`<Ref%s RefId="%d" />`, n, id))
		return
	}
	w.seenObj[o] = w.refID
	names := o.TypeNames
	if len(names) == 0 {
		names = []string{"System.Management.Automation.PSCustomObject", "System.Object"}
	}
	w.openObj(indent, n, names)
	if !o.IsCustom() {
		w.line(indent+1, "<ToString>"+encodeCliString(w.rt.ToStr(o), false)+"</ToString>")
	}
	var adapted, notes []*object.Property
	for _, p := range o.Properties() {
		if p.Kind == object.NoteProperty || o.IsCustom() {
			notes = append(notes, p)
		} else {
			adapted = append(adapted, p)
		}
	}
	if len(adapted) > 0 {
		w.line(indent+1, "<Props>")
		for _, p := range adapted {
			w.writeAt(p.Get(), p.Name, indent+2, depth+1)
		}
		w.line(indent+1, "</Props>")
	}
	if len(notes) > 0 {
		w.line(indent+1, "<MS>")
		for _, p := range notes {
			w.writeAt(p.Get(), p.Name, indent+2, depth+1)
		}
		w.line(indent+1, "</MS>")
	}
	w.line(indent, "</Obj>")
}

// clixmlState is what one Export-Clixml call keeps: the document it
// builds and where it goes, or skip when -WhatIf or a refusal stopped it.
type clixmlState struct {
	skip bool
	w    *clixmlWriter
	path string
	enc  *management.Encoding
}

var clixmlSlot = command.NewInvocationSlot[clixmlState]()

func exportClixml() *command.Command {
	c := engine.Cmdlet("Export-Clixml", engine.ModUtility, "ExportClixmlCommand")
	c.Synopsis = "Writes objects to a file in PowerShell's CLIXML serialization format."
	c.SupportsShouldProcess = true
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Depth", params.TInt, params.Range(1, math.MaxInt32)),
		params.P("Path", params.TString, params.InSets(params.Set("ByPath", true, 0))),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("ByLiteralPath", true, -1)), params.Alias("PSPath", "LP")),
		params.P("InputObject", params.TPSObject, params.Mandatory(), params.FromPipeline(), engine.AllowEmpty()),
		params.P("Force", params.TSwitch),
		params.P("NoClobber", params.TSwitch, params.Alias("NoOverwrite")),
		management.EncodingParam(),
	}
	c.Examples = []command.Example{
		{Code: `Get-Mailbox -ResultSize 2 -WarningAction SilentlyContinue | Select-Object DisplayName, Alias | Export-Clixml C:\Temp\mbx.xml; Import-Clixml C:\Temp\mbx.xml`, Remark: "Saves objects and reads them back."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		path := ctx.String("Path")
		if ctx.ParameterSet == "ByLiteralPath" {
			path = ctx.String("LiteralPath")
		}
		enc, err := management.EncodingOf(ctx)
		if err != nil {
			return err
		}
		rp, err := provider.ResolveFile(runtime.Of(ctx).Files(), path)
		if err != nil {
			return ctx.Fail(management.FileError(ctx, err, management.FileOpenID(err), nil))
		}
		if ok, err := ctx.ShouldProcess(rp.ProviderPath(), ""); err != nil || !ok {
			clixmlSlot.Of(ctx).skip = true
			return err
		}
		if ctx.Switch("NoClobber") && runtime.Of(ctx).Files().Exists(rp) {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("The file '%s' already exists.", rp.ProviderPath()), "NoClobber", object.ResourceExists, "IOException", rp.ProviderPath()))
		}
		depth := 2
		if ctx.Has("Depth") {
			depth = ctx.Int("Depth")
		}
		w := &clixmlWriter{rt: runtime.Of(ctx), depth: depth, tnIDs: map[string]int{}, seenObj: map[*object.PSObject]int{}}
		w.line(0, `<Objs Version="1.1.0.1" xmlns="`+clixmlNS+`">`)
		*clixmlSlot.Of(ctx) = clixmlState{w: w, path: rp.String(), enc: enc}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := clixmlSlot.Of(ctx)
		if st.skip {
			return nil
		}
		w := st.w
		v := ctx.Value("InputObject")
		if ctx.HasInput {
			v = ctx.Input
		}
		w.write(v, "", 1, 0)
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		st := clixmlSlot.Of(ctx)
		if st.skip {
			return nil
		}
		st.w.b.WriteString("</Objs>")
		return management.WriteFile(ctx, st.path, st.w.b.String(), st.enc, false)
	}
	return c
}

// ---------------------------------------------------------------------------
// reading

// clixmlNode is a parsed element.
type clixmlNode struct {
	name  string
	attrs map[string]string
	text  string
	kids  []*clixmlNode
}

// parseClixml reads a CLIXML document as PowerShell's deserializer does
// (an XmlReader refusing a DTD); element and attribute names are read
// without their prefixes. Malformed XML fails with .NET's XmlException
// text, a document whose root is not <Objs> with the one PowerShell
// gives for data it does not recognise.
func parseClixml(text string) (*clixmlNode, error) {
	tz := xmltok.New(text)
	tz.ProhibitDTD = true
	var stack []*clixmlNode
	var root *clixmlNode
	for {
		tok, err := tz.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case xmltok.StartElement:
			n := &clixmlNode{name: localName(tok.Name), attrs: map[string]string{}}
			for _, a := range tok.Attrs {
				n.attrs[localName(a.Name)] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xmltok.EndElement:
			stack = stack[:len(stack)-1]
		case xmltok.Text, xmltok.CDATA:
			if len(stack) > 0 {
				stack[len(stack)-1].text += tok.Data
			}
		}
	}
	if root.name != "Objs" {
		return nil, fmt.Errorf("Data at the root level is invalid.")
	}
	return root, nil
}

// localName is a qualified name without its prefix.
func localName(qname string) string {
	return qname[strings.IndexByte(qname, ':')+1:]
}

// clixmlReader turns parsed elements into values.
type clixmlReader struct {
	refs map[string]any
	tns  map[string][]string
}

func (r *clixmlReader) value(n *clixmlNode) (any, error) {
	text := n.text
	switch n.name {
	case "Nil":
		return nil, nil
	case "S", "XD", "SBK", "URI", "Version":
		return decodeCliString(text), nil
	case "B":
		return strings.TrimSpace(text) == "true", nil
	case "I32":
		v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 32)
		return int(v), err
	case "I64":
		return strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	case "I16":
		v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 16)
		return int16(v), err
	case "SB":
		v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 8)
		return int8(v), err
	case "By":
		v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 8)
		return uint8(v), err
	case "U16":
		v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 16)
		return uint16(v), err
	case "U32":
		v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 32)
		return uint32(v), err
	case "U64":
		return strconv.ParseUint(strings.TrimSpace(text), 10, 64)
	case "Db", "Sg":
		switch t := strings.TrimSpace(text); t {
		case "INF":
			return math.Inf(1), nil
		case "-INF":
			return math.Inf(-1), nil
		case "NaN":
			return math.NaN(), nil
		default:
			return strconv.ParseFloat(t, 64)
		}
	case "D":
		d, ok := object.ParseDecimal(strings.TrimSpace(text))
		if !ok {
			return nil, fmt.Errorf("invalid decimal %q", text)
		}
		return d, nil
	case "C":
		v, err := strconv.Atoi(strings.TrimSpace(text))
		return object.Char(v), err
	case "DT":
		t, ok := dates.ParseInvariant(strings.TrimSpace(text))
		if !ok {
			return nil, fmt.Errorf("invalid date %q", text)
		}
		return t, nil
	case "TS":
		ts, ok := parseXMLDuration(strings.TrimSpace(text))
		if !ok {
			return nil, fmt.Errorf("invalid duration %q", text)
		}
		return ts, nil
	case "G":
		g, ok := object.ParseGuid(strings.TrimSpace(text))
		if !ok {
			return nil, fmt.Errorf("invalid guid %q", text)
		}
		return g, nil
	case "SS":
		b, err := hex.DecodeString(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("exosim reads back only the SecureStrings it wrote")
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return object.NewSecureString(string(utf16.Decode(u))), nil
	case "Ref":
		return r.refs[n.attrs["RefId"]], nil
	case "Obj":
		return r.obj(n)
	}
	return decodeCliString(text), nil
}

func (r *clixmlReader) obj(n *clixmlNode) (any, error) {
	var names []string
	var toString *string
	var props, notes []*clixmlNode
	var list, dict *clixmlNode
	var prim *clixmlNode
	for _, k := range n.kids {
		switch k.name {
		case "TN":
			for _, t := range k.kids {
				names = append(names, decodeCliString(t.text))
			}
			r.tns[k.attrs["RefId"]] = names
		case "TNRef":
			names = r.tns[k.attrs["RefId"]]
		case "ToString":
			s := decodeCliString(k.text)
			toString = &s
		case "Props":
			props = k.kids
		case "MS":
			notes = k.kids
		case "LST", "IE", "STK", "QUE":
			list = k
		case "DCT":
			dict = k
		default:
			prim = k
		}
	}
	first := ""
	if len(names) > 0 {
		first = names[0]
	}
	var result any
	switch {
	case dict != nil:
		h := object.NewHashtable()
		h.Ordered = first == "System.Collections.Specialized.OrderedDictionary"
		for _, en := range dict.kids {
			var key, val any
			for _, kv := range en.kids {
				v, err := r.value(kv)
				if err != nil {
					return nil, err
				}
				switch kv.attrs["N"] {
				case "Key":
					key = v
				case "Value":
					val = v
				}
			}
			h.Set(key, val)
		}
		result = h
	case list != nil:
		l := &object.List{}
		for _, k := range list.kids {
			v, err := r.value(k)
			if err != nil {
				return nil, err
			}
			l.Append(v)
		}
		result = l
	case len(names) > 1 && names[1] == "System.Enum" && prim != nil:
		v, _ := strconv.Atoi(strings.TrimSpace(prim.text))
		name := strconv.Itoa(v)
		if toString != nil {
			name = *toString
		}
		result = object.Enum{Type: first, Name: name, Value: v}
	case prim != nil && len(props) == 0 && len(notes) == 0:
		return r.value(prim)
	default:
		o := object.NewCustomObject()
		if first != "System.Management.Automation.PSCustomObject" && len(names) > 0 {
			o = object.NewObject()
		}
		o.TypeNames = nil
		for _, t := range names {
			o.TypeNames = append(o.TypeNames, "Deserialized."+t)
		}
		if first == "System.Management.Automation.PSCustomObject" {
			// still a PSCustomObject (its display and string form)
			o.TypeNames = append(o.TypeNames, object.CustomObjectType)
		}
		for _, group := range [][]*clixmlNode{props, notes} {
			for _, p := range group {
				v, err := r.value(p)
				if err != nil {
					return nil, err
				}
				name := decodeCliString(p.attrs["N"])
				if first == "System.Management.Automation.PSCustomObject" {
					o.Add(name, v)
				} else {
					o.AddTyped(name, "", v)
				}
			}
		}
		if toString != nil && first != "System.Management.Automation.PSCustomObject" {
			s := *toString
			o.ToStringFunc = func() string { return s }
		}
		if first == "System.Management.Automation.PSCredential" {
			o.TypeNames = []string{"System.Management.Automation.PSCredential", "System.Object"}
		}
		result = o
	}
	if id, ok := n.attrs["RefId"]; ok {
		r.refs[id] = result
	}
	return result, nil
}

func importClixml() *command.Command {
	c := engine.Cmdlet("Import-Clixml", engine.ModUtility, "ImportClixmlCommand")
	c.Synopsis = "Reads objects from a CLIXML file (Export-Clixml's)."
	c.Sets = []string{"ByPath", "ByLiteralPath"}
	c.DefaultSet = "ByPath"
	c.Params = []*params.Param{
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "ByPath", Mandatory: true, Position: 0, FromPipeline: true, FromPipelineByName: true})),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "ByLiteralPath", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("IncludeTotalCount", params.TSwitch),
		params.P("Skip", params.TLong),
		params.P("First", params.TLong),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ns := runtime.Of(ctx).Files()
		paths, literal := management.PathArgs(ctx)
		for _, p := range paths {
			items, err := management.Expand(ctx, p, literal)
			if err != nil {
				return err
			}
			for _, it := range items {
				if it.Info == nil || it.Info.IsDir() {
					continue
				}
				data, err := fsys.ReadFile(ns.FS(), ns.Host(it.Path), 4*int64(ns.MaxLineBytes()))
				if err != nil {
					return ctx.Fail(management.ReadError(ctx, err, it.Path, "FileOpenFailure"))
				}
				root, err := parseClixml(management.Decode(data, nil))
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "System.Xml.XmlException", object.NotSpecified, "XmlException", nil))
				}
				r := &clixmlReader{refs: map[string]any{}, tns: map[string][]string{}}
				skip, first := int64(0), int64(-1)
				if ctx.Has("Skip") {
					skip = engine.ToInt64(ctx.Value("Skip"))
				}
				if ctx.Has("First") {
					first = engine.ToInt64(ctx.Value("First"))
				}
				for i, k := range root.kids {
					v, err := r.value(k)
					if err != nil {
						return ctx.Fail(ctx.NewError(err.Error(), "System.Xml.XmlException", object.NotSpecified, "XmlException", nil))
					}
					if int64(i) < skip || first >= 0 && int64(i) >= skip+first {
						continue
					}
					if err := ctx.WriteObject(v); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return c
}
