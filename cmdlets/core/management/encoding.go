package management

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

// Text encodings of the file cmdlets' -Encoding parameter. PowerShell 7
// writes UTF-8 without a byte order mark by default and reads a file's
// byte order mark when it has one.

// Encoding turns text into a file's bytes and back.
type Encoding struct {
	name string
	bom  []byte
	// unit is the code unit size (1 for byte encodings, 2 or 4).
	unit int
	big  bool
	// table maps bytes 0x80-0xFF of a single-byte code page (nil: Latin-1,
	// or ASCII when ascii is set).
	table *[128]rune
	ascii bool
}

// encodingNames are the -Encoding values PowerShell 7.4 completes.
var encodingNames = []string{"ansi", "ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32"}

// EncodingParam is the -Encoding parameter of the file cmdlets.
func EncodingParam(opts ...params.ParamOpt) *params.Param {
	p := params.P("Encoding", &params.Type{Kind: params.KindObject, Name: "Encoding", FullName: "System.Text.Encoding"}, opts...)
	p.Help = "The text encoding: " + strings.Join(encodingNames, ", ") + " or a code page name or number (default utf8NoBOM)."
	return p
}

var (
	// rawBytes writes a string's bytes as they are (-AsByteStream).
	rawBytes   = &Encoding{name: "bytes", unit: 1}
	encUTF8    = &Encoding{name: "utf-8", unit: 1}
	encUTF8BOM = &Encoding{name: "utf-8", unit: 1, bom: []byte{0xEF, 0xBB, 0xBF}}
)

// EncodingOf returns the -Encoding a command was given (UTF-8 without a
// byte order mark when none), or the binding error for an unknown one.
func EncodingOf(ctx *command.Context) (*Encoding, error) {
	if !ctx.Has("Encoding") || ctx.Value("Encoding") == nil {
		return encUTF8, nil
	}
	v := ctx.Value("Encoding")
	name := strings.TrimSpace(runtime.Of(ctx).ToStr(v))
	if e := lookupEncoding(name); e != nil {
		return e, nil
	}
	msg := fmt.Sprintf("Cannot process argument transformation on parameter 'Encoding'. '%s' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')", name)
	if _, err := strconv.Atoi(name); err == nil {
		msg = fmt.Sprintf("Cannot process argument transformation on parameter 'Encoding'. No data is available for encoding %s. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'codepage')", name)
	}
	return nil, ctx.Fail(ctx.NewError(msg, "ParameterArgumentTransformationError", object.InvalidData, "ParameterBindingArgumentTransformationException", nil))
}

// EncodingNamed returns the encoding a -Encoding name stands for (nil
// for none): what a cmdlet that always writes one encoding writes with.
func EncodingNamed(name string) *Encoding { return lookupEncoding(name) }

func lookupEncoding(name string) *Encoding {
	switch strings.ToLower(name) {
	case "utf8", "utf8nobom", "utf-8", "65001":
		return encUTF8
	case "utf8bom":
		return encUTF8BOM
	case "ascii", "us-ascii", "20127":
		return &Encoding{name: "us-ascii", unit: 1, ascii: true}
	case "unicode", "utf-16", "utf-16le", "1200":
		return &Encoding{name: "utf-16", unit: 2, bom: []byte{0xFF, 0xFE}}
	case "bigendianunicode", "utf-16be", "unicodefffe", "1201":
		return &Encoding{name: "utf-16BE", unit: 2, big: true, bom: []byte{0xFE, 0xFF}}
	case "utf32", "utf-32", "utf-32le", "12000":
		return &Encoding{name: "utf-32", unit: 4, bom: []byte{0xFF, 0xFE, 0, 0}}
	case "bigendianutf32", "utf-32be", "12001":
		return &Encoding{name: "utf-32BE", unit: 4, big: true, bom: []byte{0, 0, 0xFE, 0xFF}}
	case "latin1", "iso-8859-1", "28591":
		return &Encoding{name: "iso-8859-1", unit: 1}
	case "ansi", "default", "windows-1252", "1252":
		return &Encoding{name: "Windows-1252", unit: 1, table: cp1252.Get()}
	case "oem", "ibm437", "437":
		// the console code page of an English Windows; its upper half
		// is approximated by Windows-1252
		return &Encoding{name: "IBM437", unit: 1, table: cp1252.Get()}
	case "utf7", "utf-7", "65000":
		return &Encoding{name: "utf-7", unit: 1}
	}
	return nil
}

// cp1252 is Windows-1252's upper half: Latin-1 except 0x80-0x9F.
var cp1252 = lazy.Value[*[128]rune]{Build: func() *[128]rune {
	t := new([128]rune)
	for i := range t {
		t[i] = rune(0x80 + i)
	}
	for i, r := range []rune{0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178} {
		t[i] = r
	}
	return t
}}

// isUTF7 reports whether e is UTF-7, which exosim neither reads nor writes.
func (e *Encoding) isUTF7() bool { return e.name == "utf-7" }

// encode turns text into bytes (the byte order mark not included).
func (e *Encoding) encode(s string) []byte {
	switch e.unit {
	case 2:
		u := utf16.Encode([]rune(s))
		b := make([]byte, 2*len(u))
		for i, c := range u {
			if e.big {
				binary.BigEndian.PutUint16(b[2*i:], c)
			} else {
				binary.LittleEndian.PutUint16(b[2*i:], c)
			}
		}
		return b
	case 4:
		rs := []rune(s)
		b := make([]byte, 4*len(rs))
		for i, r := range rs {
			if e.big {
				binary.BigEndian.PutUint32(b[4*i:], uint32(r))
			} else {
				binary.LittleEndian.PutUint32(b[4*i:], uint32(r))
			}
		}
		return b
	}
	if e.ascii || e.table != nil || e.name == "iso-8859-1" {
		b := make([]byte, 0, len(s))
		for _, r := range s {
			switch {
			case r < 0x80:
				b = append(b, byte(r))
			case e.ascii:
				b = append(b, '?')
			case e.table != nil:
				c := byte('?')
				for i, t := range e.table {
					if t == r {
						c = byte(0x80 + i)
						break
					}
				}
				b = append(b, c)
			case r < 0x100:
				b = append(b, byte(r))
			default:
				b = append(b, '?')
			}
		}
		return b
	}
	return []byte(s)
}

// Decode turns bytes into text. A byte order mark decides the encoding
// when there is one (as .NET's readers do); otherwise e does.
func Decode(data []byte, e *Encoding) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return decodeUnits(data[4:], 4, false)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUnits(data[2:], 2, false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUnits(data[2:], 2, true)
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return decodeUnits(data[4:], 4, true)
	}
	if e == nil {
		e = encUTF8
	}
	if e.unit > 1 {
		return decodeUnits(data, e.unit, e.big)
	}
	if e.ascii || e.table != nil || e.name == "iso-8859-1" {
		var b strings.Builder
		for _, c := range data {
			switch {
			case c < 0x80:
				b.WriteByte(c)
			case e.ascii:
				b.WriteRune('?')
			case e.table != nil:
				b.WriteRune(e.table[c-0x80])
			default:
				b.WriteRune(rune(c))
			}
		}
		return b.String()
	}
	if !utf8.Valid(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(data)
}

func decodeUnits(data []byte, unit int, big bool) string {
	n := len(data) / unit
	if unit == 2 {
		u := make([]uint16, n)
		for i := range u {
			if big {
				u[i] = binary.BigEndian.Uint16(data[2*i:])
			} else {
				u[i] = binary.LittleEndian.Uint16(data[2*i:])
			}
		}
		return string(utf16.Decode(u))
	}
	rs := make([]rune, n)
	for i := range rs {
		if big {
			rs[i] = rune(binary.BigEndian.Uint32(data[4*i:]))
		} else {
			rs[i] = rune(binary.LittleEndian.Uint32(data[4*i:]))
		}
	}
	return string(rs)
}

// streamable reports whether a file in this encoding can be read line by
// line as UTF-8 bytes (UTF-8, no BOM of another encoding).
func (e *Encoding) streamable() bool { return e == nil || e == encUTF8 || e == encUTF8BOM }
