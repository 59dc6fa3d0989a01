package regexengine

// The matcher walks the pattern tree with backtracking in .NET's order:
// alternatives left to right, greedy quantifiers longest first, lazy ones
// shortest first. Each step continues into a continuation; returning
// false backtracks. Captures are kept in a log that is cut back on
// backtracking, so a group's value is its newest entry not undone by a
// balancing group.

// Bounds on one search: steps taken, nesting of the recursion and size
// of the capture log. Past any of them the search fails with
// ErrTimeout, as .NET's match timeout does.
const (
	maxDepth = 100_000
	maxLog   = 1 << 20
)

// maxSteps bounds the steps of one search.
var maxSteps = 10_000_000

type capEntry struct {
	group    int
	from, to int
	pop      bool
}

type machine struct {
	in     []rune
	start  int // where the search began (\G)
	steps  int
	depth  int
	failed bool
	log    []capEntry
}

type cont func(int) bool

// tick counts a step and reports whether the search may go on.
func (m *machine) tick() bool {
	m.steps++
	if m.steps > maxSteps || m.depth > maxDepth || len(m.log) > maxLog {
		m.failed = true
	}
	return !m.failed
}

// top is the newest live capture of group g. The entries it reads count
// toward the step bound, so a long log read again and again stops too.
func (m *machine) top(g int) (capEntry, bool) {
	skip := 0
	for i := len(m.log) - 1; i >= 0; i-- {
		m.steps++
		e := m.log[i]
		if e.group != g {
			continue
		}
		if e.pop {
			skip++
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		return e, true
	}
	return capEntry{}, false
}

func (m *machine) isWordAt(i int) bool { return i >= 0 && i < len(m.in) && isBoundaryChar(m.in[i]) }

// one matches a single-character node at i (reading left or right of i).
func (m *machine) one(n *node, i int) bool {
	var r rune
	if n.rtl {
		if i <= 0 {
			return false
		}
		r = m.in[i-1]
	} else {
		if i >= len(m.in) {
			return false
		}
		r = m.in[i]
	}
	if n.kind == kChar {
		if n.fold {
			return foldEq(r, n.r)
		}
		return r == n.r
	}
	return n.set.matches(r, n.set.fold)
}

func advance(n *node, i int) int {
	if n.rtl {
		return i - 1
	}
	return i + 1
}

func (m *machine) match(n *node, i int, k cont) bool {
	if !m.tick() {
		return false
	}
	m.depth++
	ok := m.step(n, i, k)
	m.depth--
	return ok
}

func (m *machine) step(n *node, i int, k cont) bool {
	switch n.kind {
	case kEmpty:
		return k(i)
	case kChar, kSet:
		if !m.one(n, i) {
			return false
		}
		return k(advance(n, i))
	case kConcat:
		return m.seq(n, 0, i, k)
	case kAlt:
		for _, s := range n.subs {
			mark := len(m.log)
			if m.match(s, i, k) {
				return true
			}
			m.log = m.log[:mark]
			if m.failed {
				return false
			}
		}
		return false
	case kCapture:
		mark := len(m.log)
		ok := m.match(n.subs[0], i, func(j int) bool {
			inner := len(m.log)
			from, to := i, j
			if from > to {
				from, to = to, from
			}
			if len(n.subs) == 2 {
				u, has := m.top(n.subs[1].group)
				if !has {
					return false
				}
				// the new capture is the text between the removed
				// capture and this one, or their overlap
				s2, e2 := u.from, u.to
				switch {
				case from >= e2:
					from, to = e2, from
				case to <= s2:
					from, to = to, s2
				default:
					if to > e2 {
						to = e2
					}
					if s2 > from {
						from = s2
					}
				}
				m.log = append(m.log, capEntry{group: n.subs[1].group, pop: true})
			}
			if n.group >= 0 {
				m.log = append(m.log, capEntry{group: n.group, from: from, to: to})
			}
			if k(j) {
				return true
			}
			m.log = m.log[:inner]
			return false
		})
		if !ok {
			m.log = m.log[:mark]
		}
		return ok
	case kRepeat:
		if simple(n.subs[0]) {
			return m.simpleRepeat(n, i, k)
		}
		return m.repeat(n, 0, i, -1, k)
	case kLook:
		mark := len(m.log)
		matched := m.match(n.subs[0], i, func(int) bool { return true })
		if m.failed {
			return false
		}
		if n.neg {
			m.log = m.log[:mark]
			if matched {
				return false
			}
			return k(i)
		}
		if !matched {
			return false
		}
		if k(i) {
			return true
		}
		m.log = m.log[:mark]
		return false
	case kAtomic:
		mark := len(m.log)
		end := -1
		if !m.match(n.subs[0], i, func(j int) bool { end = j; return true }) {
			m.log = m.log[:mark]
			return false
		}
		if k(end) {
			return true
		}
		m.log = m.log[:mark]
		return false
	case kBackref:
		e, ok := m.top(n.group)
		if !ok {
			return false
		}
		l := e.to - e.from
		var from int
		if n.rtl {
			from = i - l
		} else {
			from = i
		}
		if from < 0 || from+l > len(m.in) {
			return false
		}
		for x := 0; x < l; x++ {
			a, b := m.in[from+x], m.in[e.from+x]
			if a != b && !(n.fold && foldEq(a, b)) {
				return false
			}
		}
		if n.rtl {
			return k(from)
		}
		return k(from + l)
	case kCondGroup:
		if _, ok := m.top(n.group); ok {
			return m.match(n.subs[0], i, k)
		}
		return m.match(n.subs[1], i, k)
	case kCondExpr:
		mark := len(m.log)
		if m.match(n.subs[0], i, func(int) bool { return true }) {
			if m.match(n.subs[1], i, k) {
				return true
			}
			m.log = m.log[:mark]
			return false
		}
		m.log = m.log[:mark]
		if m.failed {
			return false
		}
		return m.match(n.subs[2], i, k)
	}
	if m.anchor(n.kind, i) {
		return k(i)
	}
	return false
}

func (m *machine) anchor(kd kind, i int) bool {
	in := m.in
	switch kd {
	case kBegin:
		return i == 0
	case kBol:
		return i == 0 || in[i-1] == '\n'
	case kEnd:
		return i == len(in)
	case kEndZ:
		return i == len(in) || (i == len(in)-1 && in[i] == '\n')
	case kEol:
		return i == len(in) || in[i] == '\n'
	case kBoundary:
		return m.isWordAt(i-1) != m.isWordAt(i)
	case kNonBound:
		return m.isWordAt(i-1) == m.isWordAt(i)
	case kStartG:
		return i == m.start
	}
	return false
}

// seq matches the items of a concatenation from item j on, in reverse
// order when right to left.
func (m *machine) seq(n *node, j, i int, k cont) bool {
	if j == len(n.subs) {
		return k(i)
	}
	idx := j
	if n.rtl {
		idx = len(n.subs) - 1 - j
	}
	return m.match(n.subs[idx], i, func(x int) bool { return m.seq(n, j+1, x, k) })
}

// simple reports whether a node matches exactly one character.
func simple(n *node) bool { return n.kind == kChar || n.kind == kSet }

// simpleRepeat repeats a one-character node without recursion.
func (m *machine) simpleRepeat(n *node, i int, k cont) bool {
	c := n.subs[0]
	dir := 1
	if c.rtl {
		dir = -1
	}
	count := 0
	x := i
	for count < n.min {
		if !m.one(c, x) {
			return false
		}
		x += dir
		count++
	}
	if n.lazy {
		for {
			if !m.tick() {
				return false
			}
			mark := len(m.log)
			if k(x) {
				return true
			}
			m.log = m.log[:mark]
			if m.failed || (n.max >= 0 && count >= n.max) || !m.one(c, x) {
				return false
			}
			x += dir
			count++
		}
	}
	for (n.max < 0 || count < n.max) && m.one(c, x) {
		x += dir
		count++
	}
	for ; count >= n.min; count-- {
		if !m.tick() {
			return false
		}
		mark := len(m.log)
		if k(x) {
			return true
		}
		m.log = m.log[:mark]
		if m.failed {
			return false
		}
		x -= dir
	}
	return false
}

// repeat matches iterations count+1 and on of a general quantifier; an
// iteration past the minimum that matches nothing ends the loop there,
// going on with the rest of the pattern.
func (m *machine) repeat(n *node, count, i, prev int, k cont) bool {
	if count < n.min {
		return m.match(n.subs[0], i, func(j int) bool { return m.repeat(n, count+1, j, i, k) })
	}
	if count > n.min && i == prev {
		return k(i)
	}
	canMore := n.max < 0 || count < n.max
	if n.lazy {
		mark := len(m.log)
		if k(i) {
			return true
		}
		m.log = m.log[:mark]
		if m.failed || !canMore {
			return false
		}
		return m.match(n.subs[0], i, func(j int) bool {
			if j == i {
				return k(j)
			}
			return m.repeat(n, count+1, j, i, k)
		})
	}
	if canMore {
		mark := len(m.log)
		if m.match(n.subs[0], i, func(j int) bool {
			if j == i && count >= n.min {
				return k(j)
			}
			return m.repeat(n, count+1, j, i, k)
		}) {
			return true
		}
		m.log = m.log[:mark]
		if m.failed {
			return false
		}
	}
	return k(i)
}
