// Package regexengine runs .NET regular expressions. A pattern Go's
// regexp engine can run keeps that engine (linear time); a pattern that
// needs lookaround, backreferences, atomic, conditional or balancing
// groups, \G or \Z runs on a backtracking matcher with .NET's semantics,
// bounded in steps and memory. Both present one interface: group slots
// in .NET order (group 0, unnamed groups, then named ones) and byte
// offsets into the input. It imports nothing of exosim.
package regexengine

import (
	"regexp"
	"strconv"
	"unicode/utf8"
)

// ErrTimeout is .NET's RegexMatchTimeoutException: a search went past
// the engine's bounds.
var ErrTimeout error = timeoutError{}

type timeoutError struct{}

func (timeoutError) Error() string {
	return "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors."
}

// Regexp is a compiled .NET pattern.
type Regexp struct {
	pattern  string
	opts     int
	goRE     *regexp.Regexp
	perm     []int // slot -> Go submatch index
	root     *node
	names    []string
	numbers  []int
	anchored bool // the pattern starts with \A (or ^ without Multiline)
}

// Compile compiles a pattern for the backtracking matcher with
// RegexOptions opts.
func Compile(pattern string, opts int) (*Regexp, error) {
	root, g, err := parse(pattern, opts)
	if err != nil {
		return nil, err
	}
	r := &Regexp{pattern: pattern, opts: opts, root: root, names: g.names, numbers: g.numbers}
	r.anchored = opts&RightToLeft == 0 && startsAnchored(root)
	return r, nil
}

func startsAnchored(n *node) bool {
	for {
		switch n.kind {
		case kBegin:
			return true
		case kConcat:
			if len(n.subs) == 0 {
				return false
			}
			n = n.subs[0]
		case kCapture, kAtomic:
			if len(n.subs) != 1 {
				return false
			}
			n = n.subs[0]
		default:
			return false
		}
	}
}

// FromGo wraps a pattern compiled by Go's regexp engine, numbering its
// groups the .NET way.
func FromGo(re *regexp.Regexp, pattern string, opts int) *Regexp {
	r := &Regexp{pattern: pattern, opts: opts, goRE: re}
	names := re.SubexpNames()
	r.perm, r.names, r.numbers = []int{0}, []string{"0"}, []int{0}
	n := 1
	for i := 1; i < len(names); i++ {
		if names[i] == "" {
			r.perm = append(r.perm, i)
			r.names = append(r.names, strconv.Itoa(n))
			r.numbers = append(r.numbers, n)
			n++
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i] != "" {
			r.perm = append(r.perm, i)
			r.names = append(r.names, names[i])
			r.numbers = append(r.numbers, n)
			n++
		}
	}
	return r
}

// Go is the Go regexp the pattern runs on, or nil on the backtracking
// matcher.
func (r *Regexp) Go() *regexp.Regexp { return r.goRE }

// String is the pattern.
func (r *Regexp) String() string { return r.pattern }

// Options are the RegexOptions the pattern was compiled with.
func (r *Regexp) Options() int { return r.opts }

// GroupNames are the .NET names of the groups, by slot.
func (r *Regexp) GroupNames() []string { return r.names }

// GroupNumbers are the .NET numbers of the groups, by slot.
func (r *Regexp) GroupNumbers() []int { return r.numbers }

// SlotOf is the slot of a group name (a number names an unnamed group).
func (r *Regexp) SlotOf(name string) (int, bool) {
	for i, n := range r.names {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// Match is one match: Loc holds byte offsets of each slot's last capture
// (-1 when the group did not take part), Caps every capture of each slot
// in order, as .NET's Group.Captures lists them.
type Match struct {
	Loc  []int
	Caps [][]int
}

// Captures lists the byte offsets (pairs) of slot i's captures.
func (m *Match) Captures(i int) []int {
	if m.Caps != nil {
		return m.Caps[i]
	}
	if m.Loc[2*i] < 0 {
		return nil
	}
	return m.Loc[2*i : 2*i+2]
}

func (r *Regexp) fromGo(loc []int, off int) *Match {
	out := make([]int, 2*len(r.perm))
	for i, gi := range r.perm {
		a, b := loc[2*gi], loc[2*gi+1]
		if a >= 0 {
			a, b = a+off, b+off
		}
		out[2*i], out[2*i+1] = a, b
	}
	return &Match{Loc: out}
}

// input is the text as runes with the byte offset of each.
type input struct {
	s    string
	rs   []rune
	offs []int
}

func newInput(s string) *input {
	in := &input{s: s, rs: make([]rune, 0, len(s)), offs: make([]int, 0, len(s)+1)}
	for i, c := range s {
		in.rs = append(in.rs, c)
		in.offs = append(in.offs, i)
	}
	in.offs = append(in.offs, len(s))
	return in
}

// runeAt is the rune index of byte offset b (the next rune at or after it).
func (in *input) runeAt(b int) int {
	lo, hi := 0, len(in.offs)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if in.offs[mid] < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// search finds the first match starting its scan at rune index start
// (from the right under RightToLeft).
func (r *Regexp) search(in *input, start int) (*Match, error) {
	rtl := r.opts&RightToLeft != 0
	m := &machine{in: in.rs, start: start}
	try := func(at int) bool {
		m.log = m.log[:0]
		return m.match(r.root, at, func(end int) bool {
			from, to := at, end
			if from > to {
				from, to = to, from
			}
			m.log = append(m.log, capEntry{group: 0, from: from, to: to})
			return true
		})
	}
	found := false
	if rtl {
		for at := start; at >= 0 && !found; at-- {
			found = try(at)
			if m.failed {
				return nil, ErrTimeout
			}
		}
	} else {
		for at := start; at <= len(in.rs) && !found; at++ {
			found = try(at)
			if m.failed {
				return nil, ErrTimeout
			}
			if r.anchored {
				break
			}
		}
	}
	if !found {
		return nil, nil
	}
	n := len(r.names)
	caps := make([][]int, n)
	for _, e := range m.log {
		if e.pop {
			if l := len(caps[e.group]); l >= 2 {
				caps[e.group] = caps[e.group][:l-2]
			}
			continue
		}
		caps[e.group] = append(caps[e.group], in.offs[e.from], in.offs[e.to])
	}
	loc := make([]int, 2*n)
	for i, c := range caps {
		if len(c) == 0 {
			loc[2*i], loc[2*i+1] = -1, -1
			continue
		}
		loc[2*i], loc[2*i+1] = c[len(c)-2], c[len(c)-1]
	}
	return &Match{Loc: loc, Caps: caps}, nil
}

// Find is the first match whose search starts at byte offset start, or
// nil.
func (r *Regexp) Find(s string, start int) (*Match, error) {
	if r.goRE != nil {
		if start > len(s) {
			return nil, nil
		}
		loc := r.goRE.FindStringSubmatchIndex(s[start:])
		if loc == nil {
			return nil, nil
		}
		return r.fromGo(loc, start), nil
	}
	in := newInput(s)
	at := in.runeAt(start)
	if r.opts&RightToLeft != 0 && start == 0 {
		at = len(in.rs)
	}
	return r.search(in, at)
}

// FindAll lists up to n matches (n < 0: all), each search starting where
// the previous match ended, one character further after an empty one.
func (r *Regexp) FindAll(s string, n int) ([]*Match, error) {
	var out []*Match
	if r.goRE != nil {
		for _, loc := range r.goRE.FindAllStringSubmatchIndex(s, n) {
			out = append(out, r.fromGo(loc, 0))
		}
		return out, nil
	}
	in := newInput(s)
	rtl := r.opts&RightToLeft != 0
	at := 0
	if rtl {
		at = len(in.rs)
	}
	for n < 0 || len(out) < n {
		if at < 0 || at > len(in.rs) {
			break
		}
		m, err := r.search(in, at)
		if err != nil {
			return nil, err
		}
		if m == nil {
			break
		}
		out = append(out, m)
		from, to := in.runeAt(m.Loc[0]), in.runeAt(m.Loc[1])
		switch {
		case rtl && from == to:
			at = from - 1
		case rtl:
			at = from
		case from == to:
			at = to + 1
		default:
			at = to
		}
	}
	return out, nil
}

// IsMatch reports whether the pattern matches anywhere in s.
func (r *Regexp) IsMatch(s string) (bool, error) {
	if r.goRE != nil {
		return r.goRE.MatchString(s), nil
	}
	m, err := r.Find(s, 0)
	return m != nil, err
}

// NextStart is the byte offset where the search after m begins: its
// end, one character further after an empty match.
func NextStart(s string, m *Match) int {
	next := m.Loc[1]
	if m.Loc[0] == m.Loc[1] {
		if next >= len(s) {
			return len(s) + 1
		}
		_, size := utf8.DecodeRuneInString(s[next:])
		next += size
	}
	return next
}
