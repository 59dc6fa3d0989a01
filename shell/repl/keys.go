package repl

import (
	"errors"
	"io"
	"time"
	"unicode/utf8"
)

// key is one decoded key press: a rune (printable or a control
// character such as 0x01 for Ctrl+A), or a named key for escape
// sequences.
type key struct {
	r    rune
	name string // "" for a plain rune
}

// Named keys.
const (
	kUp        = "Up"
	kDown      = "Down"
	kLeft      = "Left"
	kRight     = "Right"
	kHome      = "Home"
	kEnd       = "End"
	kDelete    = "Delete"
	kInsert    = "Insert"
	kPageUp    = "PageUp"
	kPageDown  = "PageDown"
	kCtrlLeft  = "CtrlLeft"
	kCtrlRight = "CtrlRight"
	kShiftTab  = "ShiftTab"
	kEscape    = "Escape"
	kAlt       = "Alt" // Alt+r: name "Alt", r the rune
	kUnknown   = "Unknown"
	// kResize is no key: the terminal changed its size while a key was
	// awaited.
	kResize = "Resize"
)

// errResize is what a blocking read returns when the terminal's size
// changed before a byte came.
var errResize = errors.New("terminal resized")

// escapeWait is how long a lone ESC waits for the rest of a sequence
// before it counts as the Escape key.
const escapeWait = 40 * time.Millisecond

// byteSource delivers the terminal's input bytes; next blocks (wait < 0)
// or waits at most wait for a byte (ok false when none came). A blocking
// read returns errResize when the terminal's size changed first.
type byteSource interface {
	next(wait time.Duration) (b byte, ok bool, err error)
	// pending reports whether more input is already waiting.
	pending() bool
}

// chanSource reads an io.Reader on a goroutine into a channel, so a read
// can give up after a timeout (to tell Escape from Alt+key).
type chanSource struct {
	ch  chan byte
	err error
	// wake carries a resize of the terminal to a blocking read.
	wake chan struct{}
	// back holds bytes read ahead and given back (unread).
	back []byte
}

func newChanSource(r io.Reader) *chanSource {
	s := &chanSource{ch: make(chan byte, 1<<16), wake: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			for _, c := range buf[:n] {
				s.ch <- c
			}
			if err != nil {
				s.err = err
				close(s.ch)
				return
			}
		}
	}()
	return s
}

func (s *chanSource) next(wait time.Duration) (byte, bool, error) {
	if len(s.back) > 0 {
		c := s.back[0]
		s.back = s.back[1:]
		return c, true, nil
	}
	if wait < 0 {
		select {
		case c, ok := <-s.ch:
			if !ok {
				return 0, false, s.closedErr()
			}
			return c, true, nil
		case <-s.wake:
			return 0, false, errResize
		}
	}
	select {
	case c, ok := <-s.ch:
		if !ok {
			return 0, false, s.closedErr()
		}
		return c, true, nil
	case <-time.After(wait):
		return 0, false, nil
	}
}

func (s *chanSource) pending() bool { return len(s.back) > 0 || len(s.ch) > 0 }

// unread gives bytes back to be read again before anything else.
func (s *chanSource) unread(b []byte) { s.back = append(append([]byte(nil), b...), s.back...) }

// resized wakes a blocking read (without blocking when one is pending).
func (s *chanSource) resized() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *chanSource) closedErr() error {
	if s.err != nil && s.err != io.EOF {
		return s.err
	}
	return io.EOF
}

// readKey decodes one key: UTF-8 characters, control characters, and the
// escape sequences terminals send for arrows, Home/End (CSI H/F, SS3 H/F,
// CSI 1~/4~ as tmux, screen and PuTTY send them, CSI 7~/8~ from rxvt),
// Delete, Ctrl+arrows and Shift+Tab. A NUL byte is Ctrl+Space, not the
// end of input.
func readKey(src byteSource) (key, error) {
	c, _, err := src.next(-1)
	if errors.Is(err, errResize) {
		return key{name: kResize}, nil
	}
	if err != nil {
		return key{}, err
	}
	switch {
	case c == 0x1b:
		return readEscape(src)
	case c < 0x80:
		return key{r: rune(c)}, nil
	}
	return readUTF8(src, c)
}

func readUTF8(src byteSource, c byte) (key, error) {
	n := 0
	switch {
	case c&0xe0 == 0xc0:
		n = 1
	case c&0xf0 == 0xe0:
		n = 2
	case c&0xf8 == 0xf0:
		n = 3
	default:
		return key{r: utf8.RuneError}, nil
	}
	buf := []byte{c}
	for i := 0; i < n; i++ {
		b, ok, err := src.next(escapeWait * 5)
		if err != nil {
			return key{}, err
		}
		if !ok {
			break
		}
		buf = append(buf, b)
	}
	r, _ := utf8.DecodeRune(buf)
	return key{r: r}, nil
}

func readEscape(src byteSource) (key, error) {
	c, ok, err := src.next(escapeWait)
	if err != nil || !ok {
		return key{name: kEscape}, nil
	}
	switch c {
	case '[':
		return readCSI(src)
	case 'O':
		d, ok, _ := src.next(escapeWait)
		if !ok {
			return key{name: kAlt, r: 'O'}, nil
		}
		switch d {
		case 'A':
			return key{name: kUp}, nil
		case 'B':
			return key{name: kDown}, nil
		case 'C':
			return key{name: kRight}, nil
		case 'D':
			return key{name: kLeft}, nil
		case 'H':
			return key{name: kHome}, nil
		case 'F':
			return key{name: kEnd}, nil
		case 'c':
			return key{name: kCtrlRight}, nil
		case 'd':
			return key{name: kCtrlLeft}, nil
		}
		return key{name: kUnknown}, nil
	case 0x1b:
		return key{name: kEscape}, nil
	}
	if c >= 0x80 {
		k, err := readUTF8(src, c)
		return key{name: kAlt, r: k.r}, err
	}
	return key{name: kAlt, r: rune(c)}, nil
}

// readCSI reads parameters up to the final byte of ESC [ ... and names
// the key.
func readCSI(src byteSource) (key, error) {
	var params []byte
	for {
		c, ok, err := src.next(escapeWait * 5)
		if err != nil {
			return key{}, err
		}
		if !ok {
			return key{name: kUnknown}, nil
		}
		if c >= 0x40 && c <= 0x7e {
			return csiKey(string(params), c), nil
		}
		params = append(params, c)
	}
}

func csiKey(params string, final byte) key {
	mod := ""
	if i := indexByte(params, ';'); i >= 0 {
		params, mod = params[:i], params[i+1:]
	}
	ctrl := mod == "5" || mod == "6"
	switch final {
	case 'A':
		return key{name: kUp}
	case 'B':
		return key{name: kDown}
	case 'C':
		if ctrl || mod == "3" {
			return key{name: kCtrlRight}
		}
		return key{name: kRight}
	case 'D':
		if ctrl || mod == "3" {
			return key{name: kCtrlLeft}
		}
		return key{name: kLeft}
	case 'H':
		return key{name: kHome}
	case 'F':
		return key{name: kEnd}
	case 'Z':
		return key{name: kShiftTab}
	case '~':
		switch params {
		case "1", "7":
			return key{name: kHome}
		case "4", "8":
			return key{name: kEnd}
		case "3":
			return key{name: kDelete}
		case "2":
			return key{name: kInsert}
		case "5":
			return key{name: kPageUp}
		case "6":
			return key{name: kPageDown}
		}
	}
	return key{name: kUnknown}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
