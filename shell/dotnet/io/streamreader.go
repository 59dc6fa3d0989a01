package io

import (
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.IO.StreamReader over a file: the text is read whole when the
// reader is made (a missing file fails there, as .NET's constructor
// does), then handed out a line or a character at a time. Close and
// Dispose end it; reading after that is .NET's ObjectDisposedException.

// streamReader is a System.IO.StreamReader.
type streamReader struct {
	text   string
	pos    int
	closed bool
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

// readerMethod is a method of an open reader.
func readerMethod(fn func(r *streamReader) any) *dotnet.Member {
	return dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
		r := readerOf(c)
		if err := r.open(); err != nil {
			return nil, err
		}
		return fn(r), nil
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
			text, err := readText(c, 0)
			if err != nil {
				return nil, err
			}
			return &streamReader{text: text}, nil
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
		},
	})
}
