package hostui

import (
	"fmt"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
)

// pagingPrompt is what Out-Host -Paging asks after each screenful.
const pagingPrompt = "<SPACE> next page; <CR> next line; Q quit"

// Pager shows host output a screenful at a time, as Out-Host -Paging
// does: after as many lines as the window has rows less one it asks
// pagingPrompt and waits for a key: space shows the next page, Enter
// one more line, q stops the command.
type Pager struct {
	io      *host.IO
	write   func(s format.Stream, line string)
	written int
	quit    bool
}

// NewPager returns a pager over the terminal that writes each line with
// write, or nil when the terminal is not interactive (output is then
// written straight through).
func NewPager(io *host.IO, write func(s format.Stream, line string)) *Pager {
	if !io.Interactive() {
		return nil
	}
	if _, rows := io.WindowSize(); rows <= 1 {
		return nil
	}
	return &Pager{io: io, write: write}
}

// Emit writes one line and asks when the page is full.
func (p *Pager) Emit(s format.Stream, line string) {
	if p.quit {
		return
	}
	p.write(s, line)
	p.written++
	cols, rows := p.io.WindowSize()
	promptRows := (len(pagingPrompt) + cols - 1) / max(cols, 1)
	if p.written < rows-promptRows {
		return
	}
	fmt.Fprint(p.io.Out, pagingPrompt)
	for {
		r, err := p.io.ReadKey()
		switch {
		case err != nil || r == 'q' || r == 'Q':
			fmt.Fprintln(p.io.Out)
			p.quit = true
			return
		case r == ' ':
			fmt.Fprintln(p.io.Out)
			p.written = 0
			return
		case r == '\r' || r == '\n':
			fmt.Fprintln(p.io.Out)
			p.written--
			return
		}
	}
}

// Quit reports whether the user stopped the output; the command then
// stops (runtime.StopPipeline).
func (p *Pager) Quit() bool { return p.quit }
