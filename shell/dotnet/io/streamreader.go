package io

import (
	"bytes"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

// System.IO.StreamReader over a file: the text is read whole when the
// reader is made (a missing file fails there, as .NET's constructor
// does), then handed out a line or a character at a time. Close and
// Dispose end it; reading after that is .NET's ObjectDisposedException.
//
// Its BaseStream is the file's FileStream. The reader takes the file's
// bytes from it a buffer of 1024 at a time, as .NET's does, so the
// stream's Position is the end of the last buffer taken, not the end of
// the text handed out. Setting Position (or Seek) moves the stream;
// DiscardBufferedData then drops the reader's buffer, and reading goes
// on from the stream's position.

// readerBuffer is the number of bytes the reader takes from its stream
// at a time.
const readerBuffer = 1024

// streamReader is a System.IO.StreamReader.
type streamReader struct {
	text   string
	pos    int
	closed bool
	// name is the file's full path; size its length in bytes, of which
	// the first preamble are its byte order mark.
	name           string
	size, preamble int64
	// stream is the FileStream's position; from is where the reader's
	// buffer started (the stream's position when it last dropped it).
	stream, from int64
}

// byteAt is the offset in the file of the text's index i (exact for
// UTF-8, in proportion for the other encodings).
func (r *streamReader) byteAt(i int) int64 {
	body := r.size - r.preamble
	if len(r.text) == 0 || int64(len(r.text)) == body {
		return r.preamble + int64(i)
	}
	return r.preamble + int64(i)*body/int64(len(r.text))
}

// textAt is the index in the text of the file's offset b.
func (r *streamReader) textAt(b int64) int {
	body := r.size - r.preamble
	b -= r.preamble
	switch {
	case b <= 0 || body <= 0:
		return 0
	case b >= body:
		return len(r.text)
	case int64(len(r.text)) == body:
		return int(b)
	}
	i := int(b * int64(len(r.text)) / body)
	for i > 0 && !utf8.RuneStart(r.text[i]) {
		i--
	}
	return i
}

// took records a read that used the text up to index end: the stream
// has given the reader whole buffers up to there.
func (r *streamReader) took(end int) {
	need := r.byteAt(end) - r.from
	if need < 1 {
		need = 1
	}
	at := r.from + (need+readerBuffer-1)/readerBuffer*readerBuffer
	at = min(at, r.size)
	r.stream = max(r.stream, at)
}

func (r *streamReader) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.IO.StreamReader")
}

// PSTypeName is the .NET type name.
func (r *streamReader) PSTypeName() string { return "System.IO.StreamReader" }

// String is the type's name: StreamReader does not override ToString.
func (r *streamReader) String() string { return "System.IO.StreamReader" }

// Adapted lists EndOfStream, the property output shows.
func (r *streamReader) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "EndOfStream", Value: r.pos >= len(r.text), Kind: object.AdaptedProperty, TypeName: "bool"},
	}
}

// open refuses a closed reader.
func (r *streamReader) open() error {
	if r.closed {
		return &dotnet.TypedException{Msg: "Cannot read from a closed TextReader.", Type: "System.ObjectDisposedException"}
	}
	return nil
}

// readLine returns the next line without its end (\n, \r\n or \r), or
// nil at the end of the text.
func (r *streamReader) readLine() any {
	if r.pos >= len(r.text) {
		return nil
	}
	rest := r.text[r.pos:]
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\n':
			r.pos += i + 1
			return rest[:i]
		case '\r':
			r.pos += i + 1
			if i+1 < len(rest) && rest[i+1] == '\n' {
				r.pos++
			}
			return rest[:i]
		}
	}
	r.pos = len(r.text)
	return rest
}

// char returns the next character as its code, or -1 at the end; advance
// moves past it.
func (r *streamReader) char(advance bool) int {
	if r.pos >= len(r.text) {
		return -1
	}
	c, size := utf8.DecodeRuneInString(r.text[r.pos:])
	if advance {
		r.pos += size
	}
	return int(c)
}

func readerOf(c *dotnet.Call) *streamReader { return object.Unwrap(c.Self).(*streamReader) }

// readerMethod is a method of an open reader that reads.
func readerMethod(fn func(r *streamReader) any) *dotnet.Member {
	return dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
		r := readerOf(c)
		if err := r.open(); err != nil {
			return nil, err
		}
		v := fn(r)
		r.took(r.pos)
		return v, nil
	})
}

// declareStreamReader declares System.IO.StreamReader.
func declareStreamReader() {
	closeReader := dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
		readerOf(c).closed = true
		return dotnet.Void{}, nil
	})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IO.StreamReader", Assembly: "System.Runtime",
		Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*streamReader); return ok },
		NewArity: []int{1, 2, 3},
		New: func(c *dotnet.Call) (any, error) {
			data, p, err := readBytes(c, 0)
			if err != nil {
				return nil, err
			}
			text := fsys.DecodeText(data)
			return &streamReader{text: text, name: p.ProviderPath(), size: int64(len(data)), preamble: preamble(data)}, nil
		},
		Members: dotnet.Members{
			"EndOfStream": dotnet.Prop(func(c *dotnet.Call) (any, error) {
				r := readerOf(c)
				if err := r.open(); err != nil {
					return nil, err
				}
				return r.pos >= len(r.text), nil
			}),
			"ReadLine": readerMethod(func(r *streamReader) any { return r.readLine() }),
			"ReadToEnd": readerMethod(func(r *streamReader) any {
				rest := r.text[r.pos:]
				r.pos = len(r.text)
				return rest
			}),
			"Read":    readerMethod(func(r *streamReader) any { return r.char(true) }),
			"Peek":    readerMethod(func(r *streamReader) any { return r.char(false) }),
			"Close":   closeReader,
			"Dispose": closeReader,
			"BaseStream": dotnet.Prop(func(c *dotnet.Call) (any, error) {
				if r := readerOf(c); !r.closed {
					return &fileStream{r: r}, nil
				}
				return nil, nil
			}),
			"DiscardBufferedData": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				r := readerOf(c)
				r.pos, r.from = r.textAt(r.stream), r.stream
				return dotnet.Void{}, nil
			}),
		},
	})
	declareFileStream()
}

// preamble is the length of the byte order mark a file's bytes start
// with (0 for none).
func preamble(data []byte) int64 {
	for _, bom := range [][]byte{{0xFF, 0xFE, 0, 0}, {0, 0, 0xFE, 0xFF}, {0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if bytes.HasPrefix(data, bom) {
			return int64(len(bom))
		}
	}
	return 0
}

// fileStream is the System.IO.FileStream a reader reads its file from.
type fileStream struct{ r *streamReader }

func (f *fileStream) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.IO.FileStream") }

// PSTypeName is the .NET type name.
func (f *fileStream) PSTypeName() string { return "System.IO.FileStream" }

// String is the type's name: FileStream does not override ToString.
func (f *fileStream) String() string { return "System.IO.FileStream" }

// Adapted lists the properties output shows.
func (f *fileStream) Adapted() []*object.Property {
	p := func(name, typeName string, v any) *object.Property {
		return &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: typeName}
	}
	return []*object.Property{
		p("CanRead", "bool", !f.r.closed), p("CanWrite", "bool", false), p("CanSeek", "bool", !f.r.closed),
		p("IsAsync", "bool", false), p("Length", "long", f.r.size), p("Name", "string", f.r.name), p("Position", "long", f.r.stream),
	}
}

// declareFileStream declares System.IO.FileStream, as a reader's
// BaseStream: its length and name, and a position to read or move.
func declareFileStream() {
	stream := func(c *dotnet.Call) (*streamReader, error) {
		r := object.Unwrap(c.Self).(*fileStream).r
		if r.closed {
			return nil, &dotnet.TypedException{Msg: "Cannot access a closed file.", Type: "System.ObjectDisposedException"}
		}
		return r, nil
	}
	// seek moves the stream to an offset; before its start is .NET's
	// IOException.
	seek := func(r *streamReader, at int64) (any, error) {
		if at < 0 {
			return nil, &dotnet.TypedException{Msg: "An attempt was made to move the position before the beginning of the stream.", Type: "System.IO.IOException"}
		}
		r.stream = at
		return at, nil
	}
	prop := func(fn func(r *streamReader) any) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) {
			r, err := stream(c)
			if err != nil {
				return nil, err
			}
			return fn(r), nil
		})
	}
	closeStream := dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
		object.Unwrap(c.Self).(*fileStream).r.closed = true
		return dotnet.Void{}, nil
	})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IO.FileStream",
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*fileStream); return ok },
		Members: dotnet.Members{
			"CanRead":  prop(func(*streamReader) any { return true }),
			"CanSeek":  prop(func(*streamReader) any { return true }),
			"CanWrite": prop(func(*streamReader) any { return false }),
			"Length":   prop(func(r *streamReader) any { return r.size }),
			"Name":     prop(func(r *streamReader) any { return r.name }),
			"Position": {
				Get: func(c *dotnet.Call) (any, error) {
					r, err := stream(c)
					if err != nil {
						return nil, err
					}
					return r.stream, nil
				},
				Set: func(c *dotnet.Call, v any) error {
					r, err := stream(c)
					if err != nil {
						return err
					}
					n, err := dotnet.ConvertArg(c.Host, v, dotnet.TypeByName("System.Int64"), "value", "Position")
					if err != nil {
						return err
					}
					_, err = seek(r, object.Unwrap(n).(int64))
					return err
				},
			},
			"Seek": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				r, err := stream(c)
				if err != nil {
					return nil, err
				}
				n, err := c.To(0, "long", "offset")
				if err != nil {
					return nil, err
				}
				origin, err := c.To(1, "System.IO.SeekOrigin", "origin")
				if err != nil {
					return nil, err
				}
				at := object.Unwrap(n).(int64)
				switch object.Unwrap(origin).(object.Enum).Value {
				case 1:
					at += r.stream
				case 2:
					at += r.size
				}
				return seek(r, at)
			}),
			"Close":   closeStream,
			"Dispose": closeStream,
		},
	})
	dotnet.RegisterType(dotnet.EnumDef("System.IO.SeekOrigin", false, "Begin", "Current", "End"))
}
