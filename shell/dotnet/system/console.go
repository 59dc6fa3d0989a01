package system

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
)

// System.Console: what runbooks call on it. Write and WriteLine write
// straight to the console, past PowerShell's output (an assignment does
// not capture them); ReadLine reads a line of the input ($null at its
// end); ReadKey needs a terminal. The window's sizes are the host's.
// The colors, the encodings and the title are settings a script sets
// and reads back: on Unix .NET reads a color it did not set as -1 (no
// color known), and the output encoding is UTF-8.

// ConsoleSession is the session as the console reaches it: its terminal.
type ConsoleSession interface {
	Console() *host.IO
}

// consoleColor is a ConsoleColor value; -1 is .NET's unknown color.
func consoleColor(i int) object.Enum {
	name := "-1"
	if i >= 0 && i < len(host.ConsoleColors) {
		name = host.ConsoleColors[i]
	}
	return object.Enum{Type: "System.ConsoleColor", Name: name, Value: i}
}

// consoleOf is the terminal of the session running a call.
func consoleOf(c *dotnet.Call) (*host.IO, error) {
	if s, ok := c.Host.(ConsoleSession); ok && s.Console() != nil {
		return s.Console(), nil
	}
	return nil, &dotnet.TypedException{Msg: "The handle is invalid.", Type: "System.IO.IOException"}
}

// consoleText is what Write and WriteLine write: nothing, a value's
// text, or a composite format and its arguments.
func consoleText(c *dotnet.Call) (string, error) {
	switch len(c.Args) {
	case 0:
		return "", nil
	case 1:
		return c.Host.ToStr(c.Args[0]), nil
	}
	rest := c.Args[1:]
	if len(rest) == 1 {
		if items, ok := object.Elements(object.Unwrap(rest[0])); ok {
			rest = items
		}
	}
	s, err := object.FormatComposite(c.Str(0), rest, c.Host.ToStr)
	if err != nil {
		return "", dotnet.Throw("%s", err.Error())
	}
	return s, nil
}

// consoleSetting is a property a script sets and reads back.
func consoleSetting(get func(s *dotnet.Settings) any, set func(s *dotnet.Settings, v any)) *dotnet.Member {
	return &dotnet.Member{
		Get: func(c *dotnet.Call) (any, error) { return get(c.Host.Settings()), nil },
		Set: func(c *dotnet.Call, v any) error { set(c.Host.Settings(), v); return nil },
	}
}

// colorSetting is ForegroundColor or BackgroundColor: a ConsoleColor.
func colorSetting(field func(s *dotnet.Settings) *any) *dotnet.Member {
	return &dotnet.Member{
		Get: func(c *dotnet.Call) (any, error) {
			if v := *field(c.Host.Settings()); v != nil {
				return v, nil
			}
			return consoleColor(-1), nil
		},
		Set: func(c *dotnet.Call, v any) error {
			col, err := dotnet.ConvertArg(c.Host, v, dotnet.TypeByName("System.ConsoleColor"), "value", c.Name)
			if err != nil {
				return err
			}
			*field(c.Host.Settings()) = col
			return nil
		},
	}
}

func declareConsole() {
	colors := make([]string, len(host.ConsoleColors))
	copy(colors, host.ConsoleColors)
	dotnet.RegisterType(dotnet.EnumDef("System.ConsoleColor", false, colors...))
	write := func(newline bool) *dotnet.Member {
		return dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
			io, err := consoleOf(c)
			if err != nil {
				return nil, err
			}
			s, err := consoleText(c)
			if err != nil {
				return nil, err
			}
			if newline {
				s += "\n"
			}
			io.ClearProgress()
			_, _ = io.Out.Write([]byte(s))
			return dotnet.Void{}, nil
		})
	}
	size := func(width bool) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) {
			io, err := consoleOf(c)
			if err != nil {
				return nil, err
			}
			cols, rows := io.WindowSize()
			if width {
				return cols, nil
			}
			return rows, nil
		})
	}
	redirected := func(out bool) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) {
			io, err := consoleOf(c)
			if err != nil {
				return nil, err
			}
			if out {
				return !io.StdoutTTY, nil
			}
			return !io.StdinTTY, nil
		})
	}
	utf8 := func(v any) any {
		if v == nil {
			return &textEncoding{name: "utf-8"}
		}
		return v
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Console", Aliases: []string{"console"},
		Static: dotnet.Members{
			"Write":     write(false),
			"WriteLine": write(true),
			"ReadLine": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				io, err := consoleOf(c)
				if err != nil {
					return nil, err
				}
				line, err := io.ReadLine("", false)
				if err != nil {
					return nil, nil
				}
				return line, nil
			}),
			"ReadKey": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
				io, err := consoleOf(c)
				if err != nil {
					return nil, err
				}
				r, err := io.ReadKey()
				if errors.Is(err, host.ErrNonInteractive) {
					return nil, &dotnet.TypedException{Msg: "Cannot read keys when either application does not have a console or when console input has been redirected. Try Console.Read.", Type: "System.InvalidOperationException"}
				}
				if err != nil {
					return nil, err
				}
				return keyInfo(r), nil
			}),
			"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				if io, err := consoleOf(c); err == nil && io.StdoutTTY {
					_, _ = io.Out.Write([]byte("\x1b[2J\x1b[H"))
				}
				return dotnet.Void{}, nil
			}),
			"ResetColor": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				s := c.Host.Settings()
				s.ConsoleForeground, s.ConsoleBackground = nil, nil
				return dotnet.Void{}, nil
			}),
			"Beep":               dotnet.Method(0, 2, func(*dotnet.Call) (any, error) { return dotnet.Void{}, nil }),
			"ForegroundColor":    colorSetting(func(s *dotnet.Settings) *any { return &s.ConsoleForeground }),
			"BackgroundColor":    colorSetting(func(s *dotnet.Settings) *any { return &s.ConsoleBackground }),
			"WindowWidth":        size(true),
			"BufferWidth":        size(true),
			"WindowHeight":       size(false),
			"BufferHeight":       size(false),
			"IsOutputRedirected": redirected(true),
			"IsInputRedirected":  redirected(false),
			"OutputEncoding": consoleSetting(func(s *dotnet.Settings) any { return utf8(s.ConsoleOutputEncoding) },
				func(s *dotnet.Settings, v any) { s.ConsoleOutputEncoding = v }),
			"InputEncoding": consoleSetting(func(s *dotnet.Settings) any { return utf8(s.ConsoleInputEncoding) },
				func(s *dotnet.Settings, v any) { s.ConsoleInputEncoding = v }),
			"Title": consoleSetting(func(s *dotnet.Settings) any { return s.ConsoleTitle },
				func(s *dotnet.Settings, v any) { s.ConsoleTitle = v }),
			"CursorVisible": &dotnet.Member{
				Get: func(c *dotnet.Call) (any, error) { return !c.Host.Settings().ConsoleCursorHidden, nil },
				Set: func(c *dotnet.Call, v any) error {
					c.Host.Settings().ConsoleCursorHidden = !object.ToBool(v)
					return nil
				},
			},
		}})
}

// keyInfo is the ConsoleKeyInfo of a key pressed: its character and
// the key (a letter's key is its capital, a digit's D and the digit).
func keyInfo(r rune) *object.PSObject {
	key := "Enter"
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		key = strings.ToUpper(string(r))
	case r >= '0' && r <= '9':
		key = "D" + string(r)
	case r == ' ':
		key = "Spacebar"
	case r == 27:
		key = "Escape"
	case r != '\r' && r != '\n':
		key = "NoName"
	}
	o := object.NewObject("System.ConsoleKeyInfo", "System.ValueType", "System.Object")
	o.AddTyped("KeyChar", "char", object.Char(r))
	o.AddTyped("Key", "System.ConsoleKey", object.Enum{Type: "System.ConsoleKey", Name: key})
	o.AddTyped("Modifiers", "System.ConsoleModifiers", object.Enum{Type: "System.ConsoleModifiers", Name: "0"})
	return o
}
