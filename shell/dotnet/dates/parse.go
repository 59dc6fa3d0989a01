package dates

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf16"
	"unsafe"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
)

// DateTime.Parse under the invariant culture reads text as a stream of
// tokens (numbers, month and day names, AM/PM, time zones, separators)
// and walks a state machine over them: a state says what has been seen
// (one number, two numbers and a date separator, a year and a month...)
// and a terminal state turns the numbers seen into a date or a time
// before the machine starts over for the next part. The invariant
// culture's patterns decide ambiguous orders: the short date MM/dd/yyyy
// (month, day, year), the month-day pattern "MMMM dd" and the year-month
// pattern "yyyy MMMM". A year under 100 is in the century that ends in
// 2049. A part left out comes from today's date: a time alone is today, a
// month and day are this year, a year and month are the first.

// clock points at the "now" (a func() time.Time) whose date a text
// without one takes (nil, or a nil func: the host's clock).
var clock unsafe.Pointer

// SetClock sets the clock whose date fills what a text leaves out (a time
// alone is on today's date; a month and day are in this year); nil sets
// the host's. It is small enough to be inlined where a session starts,
// which then runs none of this package's code.
func SetClock(now func() time.Time) { atomic.StorePointer(&clock, unsafe.Pointer(&now)) }

func today() time.Time {
	if f := (*func() time.Time)(atomic.LoadPointer(&clock)); f != nil && *f != nil {
		return (*f)()
	}
	return time.Now().UTC()
}

// Token kinds of the date text's lexer: what a word or number is (the
// regular kinds) and what follows it (the separator kinds).
const (
	tkNone = iota
	tkNumber
	tkYearNumber
	tkAm
	tkPm
	tkMonth
	tkEnd
	tkDayOfWeek
	tkTimeZone
	tkEra
	tkUnknown
	tkIgnorable
)

const (
	spNone = iota
	spEnd
	spSpace
	spAm
	spPm
	spDate
	spTime
	spLocalTimeMark
	spDateOrOffset
)

// word is one entry of the invariant culture's token table: its text, its
// regular kind and value, and its separator kind.
type word struct {
	text     []rune
	kind     int
	value    int
	sepKind  int
	sepValue int
}

// words holds the invariant culture's tokens, longest first, so a longer
// name ("September") is tried before its prefix ("Sep").
var words = lazy.Value[[]word]{Build: func() []word {
	var ws []word
	add := func(text string, kind, value, sep int) {
		ws = append(ws, word{text: []rune(text), kind: kind, value: value, sepKind: sep})
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for i, m := range months {
		add(m, tkMonth, i+1, spNone)
		if len(m) > 3 {
			add(m[:3], tkMonth, i+1, spNone)
		}
	}
	days := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	for i, d := range days {
		add(d, tkDayOfWeek, i, spNone)
		add(d[:3], tkDayOfWeek, i, spNone)
	}
	add("AM", tkAm, 0, spAm)
	add("PM", tkPm, 1, spPm)
	add("A.D.", tkEra, 1, spNone)
	add("AD", tkEra, 1, spNone)
	add("GMT", tkTimeZone, 0, spNone)
	add("Z", tkTimeZone, 0, spNone)
	add(",", tkIgnorable, 0, spNone)
	add(".", tkIgnorable, 0, spNone)
	add("T", tkNone, 0, spLocalTimeMark)
	add("/", tkNone, 0, spDate)
	add(":", tkNone, 0, spTime)
	add("-", tkNone, 0, spDateOrOffset)
	// longest first
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && len(ws[j].text) > len(ws[j-1].text); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	return ws
}}

// Token types the state machine reads.
const (
	dtEnd = iota
	dtNumEnd
	dtNumAmpm
	dtNumSpace
	dtNumDatesep
	dtNumTimesep
	dtMonthEnd
	dtMonthSpace
	dtMonthDatesep
	dtNumDatesuff
	dtNumTimesuff
	dtDayOfWeek
	dtYearSpace
	dtYearDateSep
	dtYearEnd
	dtTimeZone
	dtEra
	dtNumUTCTimeMark
	dtUnk
	dtNumLocalTimeMark
)

// Parse states: below stErr they say what has been read; above it they are
// terminal and say how to read the numbers seen.
const (
	stBegin = iota
	stN
	stNN
	stDNd
	stDNN
	stDNNd
	stDM
	stDMN
	stDNM
	stDMNd
	stDNDS
	stDY
	stDYN
	stDYNd
	stDYM
	stDYMd
	stDS
	stTS
	stTNt
	stTNNt
	stErr
	xNN
	xNNN
	xMN
	xNM
	xMNN
	xDS
	xDSN
	xNDS
	xNNDS
	xYNN
	xYMN
	xYN
	xYM
	tN
	tNN
	tNNN
	tTS
	xNNY
)

// next is the state machine: next[state][token type].
var next = [20][18]uint8{
	stBegin: {stBegin, stErr, tN, stN, stDNd, stTNt, stErr, stDM, stDM, stDS, stTS, stBegin, stDY, stDY, stErr, stBegin, stBegin, stErr},
	stN:     {stErr, xNN, tNN, stNN, stDNNd, stErr, xNM, stDNM, stDMNd, stDNDS, stErr, stN, stDYN, stDYNd, xYN, stN, stN, stErr},
	stNN:    {xNN, xNNN, tNNN, xNNN, stErr, stTNt, xMNN, xMNN, stErr, stErr, stTS, stNN, xNNY, stErr, xNNY, stNN, stNN, stErr},
	stDNd:   {stErr, xNN, stErr, stDNN, stDNNd, stErr, xNM, stDMN, stDMNd, stErr, stErr, stDNd, stDYN, stDYNd, xYN, stErr, stDNd, stErr},
	stDNN:   {xNN, xNNN, tN, xNNN, stErr, stTNt, xMNN, xMNN, stErr, xDS, stTS, stDNN, xNNY, stErr, xNNY, stErr, stDNN, stErr},
	stDNNd:  {stErr, xNNN, xNNN, xNNN, stErr, stErr, xMNN, xMNN, stErr, xDS, stErr, stDNNd, xNNY, stErr, xNNY, stErr, stDNNd, stErr},
	stDM:    {stErr, xMN, stErr, stDMN, stDMNd, stErr, stErr, stErr, stErr, stErr, stErr, stDM, stDYM, stDYMd, xYM, stErr, stDM, stErr},
	stDMN:   {xMN, xMNN, xMNN, xMNN, stErr, stTNt, stErr, stErr, stErr, xDS, stTS, stDMN, xYMN, stErr, xYMN, stErr, stDMN, stErr},
	stDNM:   {xNM, xMNN, xMNN, xMNN, stErr, stTNt, stErr, stErr, stErr, xDS, stTS, stDNM, xYMN, stErr, xYMN, stErr, stDNM, stErr},
	stDMNd:  {stErr, xMNN, stErr, xMNN, stErr, stErr, stErr, stErr, stErr, stErr, stErr, stDMNd, xYMN, stErr, xYMN, stErr, stDMNd, stErr},
	stDNDS:  {xNDS, xNNDS, xNNDS, xNNDS, stErr, stTNt, stErr, stErr, stErr, stDNDS, stTS, stDNDS, stErr, stErr, stErr, stErr, stDNDS, stErr},
	stDY:    {stErr, xYN, stErr, stDYN, stDYNd, stErr, xYM, stDYM, stDYMd, stDYM, stErr, stDY, stErr, stErr, stErr, stErr, stDY, stErr},
	stDYN:   {xYN, xYNN, xYNN, xYNN, stErr, stErr, xYMN, xYMN, stErr, stErr, stErr, stDYN, stErr, stErr, stErr, stErr, stDYN, stErr},
	stDYNd:  {stErr, xYNN, xYNN, xYNN, stErr, stErr, xYMN, xYMN, stErr, stErr, stErr, stDYN, stErr, stErr, stErr, stErr, stDYN, stErr},
	stDYM:   {xYM, xYMN, xYMN, xYMN, stErr, stErr, stErr, stErr, stErr, stErr, stErr, stDYM, stErr, stErr, stErr, stErr, stDYM, stErr},
	stDYMd:  {stErr, xYMN, xYMN, xYMN, stErr, stErr, stErr, stErr, stErr, stErr, stErr, stDYM, stErr, stErr, stErr, stErr, stDYM, stErr},
	stDS:    {xDS, xDSN, tN, stTNt, stErr, stTNt, stErr, stErr, stErr, stDS, stTS, stDS, stErr, stErr, stErr, stErr, stDS, stErr},
	stTS:    {tTS, tTS, tTS, stTNt, stDNd, stErr, stErr, stErr, stErr, stDS, stTS, stTS, stErr, stErr, stErr, stTS, stTS, stErr},
	stTNt:   {stErr, tNN, tNN, tNN, stErr, stTNNt, xNM, stDNM, stErr, stErr, stTS, stErr, stErr, stErr, stErr, stTNt, stTNt, tNN},
	stTNNt:  {stErr, tNNN, tNNN, tNNN, stErr, stErr, stErr, stErr, stErr, stErr, stTS, stTNNt, stErr, stErr, stErr, stTNNt, stTNNt, tNNN},
}

func transition(state, dtt int) int {
	if state >= stErr || dtt >= dtUnk {
		return stErr
	}
	return int(next[state][dtt])
}

// parser holds the text being read and what has been read of it.
type parser struct {
	s []rune
	i int

	// raw: the numbers of the part being read, and what names said
	nums      [3]int
	numCount  int
	rawYear   int
	rawMonth  int
	dayOfWeek int
	timeMark  int // -1 none, 0 AM, 1 PM
	fraction  float64

	// result
	year, month, day   int
	hour, minute, sec  int
	haveDate, haveTime bool
	tzUsed             bool
	offset             time.Duration
	now                func() time.Time
	// monthYear: the culture's year-month pattern puts the month first
	// (en-US "MMMM yyyy"), so a number before a month name is its day
	monthYear bool

	// why the text was refused, when not for the usual reason
	fail      int
	failIndex int
}

// Reasons .NET gives for refusing a date text.
const (
	failBad       = iota // not recognized
	failWord             // an unknown word at an index
	failDayOfWeek        // a day name that is not the date's
	failCalendar         // a time or date the calendar does not have
	failOffset           // an offset beyond 14 hours
	failRange            // a time outside DateTime's range once adjusted
)

// refuse records why the text is refused and reports failure.
func (p *parser) refuse(why int) bool {
	p.fail = why
	return false
}

func (p *parser) at(i int) rune {
	if i >= 0 && i < len(p.s) {
		return p.s[i]
	}
	return 0
}

func (p *parser) cur() rune { return p.at(p.i) }

func isSpace(r rune) bool  { return unicode.IsSpace(r) }
func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isLetter(r rune) bool { return unicode.IsLetter(r) }

func (p *parser) addNumber(n int) {
	if p.numCount < 3 {
		p.nums[p.numCount] = n
	}
	p.numCount++
}

func (p *parser) num(i int) int {
	if i < 3 {
		return p.nums[i]
	}
	return 0
}

// tokenize matches the longest table word at the current position whose
// kind is regular (sep false) or a separator (sep true). A word that
// starts with a letter must not run on into another letter.
func (p *parser) tokenize(sep bool) (kind, value int, ok bool) {
	if p.i >= len(p.s) {
		return 0, 0, false
	}
	letter := isLetter(p.s[p.i])
	rest := len(p.s) - p.i
	for _, w := range words.Get() {
		k := w.kind
		if sep {
			k = w.sepKind
		}
		if k == 0 || len(w.text) > rest {
			continue
		}
		end := p.i + len(w.text)
		if letter && end < len(p.s) && isLetter(p.s[end]) {
			continue
		}
		if !strings.EqualFold(string(p.s[p.i:end]), string(w.text)) {
			continue
		}
		p.i = end
		return k, w.value, true
	}
	return 0, 0, false
}

// regular reads the next regular token: a number (three digits or more is
// a year; more than eight is no number), a word of the table, or the end.
func (p *parser) regular() (kind, value int) {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
	if p.i >= len(p.s) {
		return tkEnd, 0
	}
	if isDigit(p.s[p.i]) {
		start := p.i
		v := 0
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			if p.i-start < 9 {
				v = v*10 + int(p.s[p.i]-'0')
			}
			p.i++
		}
		switch n := p.i - start; {
		case n > 8:
			return tkNumber, -1
		case n < 3:
			return tkNumber, v
		default:
			return tkYearNumber, v
		}
	}
	if k, v, ok := p.tokenize(false); ok {
		return k, v
	}
	return tkUnknown, 0
}

// separator reads what follows a number or name: the end, a separator of
// the table, or (a digit or anything else, left unread) a space.
func (p *parser) separator() (kind, before int) {
	before = p.i
	for p.i < len(p.s) && (isSpace(p.s[p.i]) || p.s[p.i] == '\u200f') {
		p.i++
	}
	if p.i >= len(p.s) {
		return spEnd, before
	}
	if isDigit(p.s[p.i]) {
		return spSpace, before
	}
	if k, _, ok := p.tokenize(true); ok {
		return k, before
	}
	return spSpace, before
}

// run is a maximal run of digits or of other characters at i.
func (p *parser) run(i int) (digits bool, n, value int) {
	if i >= len(p.s) {
		return false, 0, 0
	}
	digits = isDigit(p.s[i])
	for j := i; j < len(p.s) && isDigit(p.s[j]) == digits; j++ {
		if digits && n < 8 {
			value = value*10 + int(p.s[j]-'0')
		}
		n++
	}
	return digits, n, value
}

// parseTimeZone reads an offset at the current position: a sign right
// before its digits, then h, hh, h:m, hh:mm, hmm or hhmm; minutes under 60.
func (p *parser) parseTimeZone() (time.Duration, bool) {
	digits, n, _ := p.run(p.i)
	if digits || n != 1 {
		return 0, false
	}
	sign := p.s[p.i]
	if sign != '+' && sign != '-' {
		return 0, false
	}
	i := p.i + 1
	digits, n, v := p.run(i)
	if !digits {
		return 0, false
	}
	var h, m int
	switch {
	case n == 1 || n == 2:
		h = v
		i += n
		if d, n2, _ := p.run(i); !d && n2 == 1 && p.s[i] == ':' {
			i++
			d, n3, v3 := p.run(i)
			if !d || n3 < 1 || n3 > 2 {
				return 0, false
			}
			m = v3
			i += n3
		}
	case n == 3 || n == 4:
		h, m = v/100, v%100
		i += n
	default:
		return 0, false
	}
	if m >= 60 {
		return 0, false
	}
	p.i = i
	off := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if sign == '-' {
		off = -off
	}
	return off, true
}

// handleTimeZone reads an offset that follows a time's number, past
// spaces, when one is there.
func (p *parser) handleTimeZone() bool {
	if p.i >= len(p.s)-1 {
		return true
	}
	ws := 0
	ch := p.s[p.i]
	for isSpace(ch) && p.i+ws < len(p.s)-1 {
		ws++
		ch = p.s[p.i+ws]
	}
	if ch != '+' && ch != '-' {
		return true
	}
	p.i += ws
	if p.tzUsed {
		return false
	}
	p.tzUsed = true
	off, ok := p.parseTimeZone()
	if !ok {
		return false
	}
	p.offset = off
	return true
}

// parseFraction reads the digits after a decimal point at the current
// position; the position ends on the first character after them.
func (p *parser) parseFraction() (float64, bool) {
	r, base, n := 0.0, 0.1, 0
	for p.i++; p.i < len(p.s) && isDigit(p.s[p.i]); p.i++ {
		r += float64(p.s[p.i]-'0') * base
		base *= 0.1
		n++
	}
	return r, n > 0
}

// validPunctuation accepts, where an unknown character stands, a pair of
// '#' around the text or NULs that end it.
func (p *parser) validPunctuation() bool {
	switch p.cur() {
	case '#':
		start, end := false, false
		for _, ch := range p.s {
			switch {
			case ch == '#':
				if start {
					if end {
						return false
					}
					end = true
				} else {
					start = true
				}
			case ch == 0:
				if !end {
					return false
				}
			case !isSpace(ch):
				if !start || end {
					return false
				}
			}
		}
		if !end {
			return false
		}
		p.i++
		return true
	case 0:
		if p.i >= len(p.s) {
			return false
		}
		for _, ch := range p.s[p.i+1:] {
			if ch != 0 {
				return false
			}
		}
		p.i = len(p.s)
		return true
	}
	return false
}

// lex reads the next token and says which token type it is for the state
// machine in state dps; dtUnk is a token the machine skips.
func (p *parser) lex(dps int) (int, bool) {
	kind, value := p.regular()
	switch kind {
	case tkNumber, tkYearNumber:
		if p.numCount == 3 || value == -1 {
			return 0, false
		}
		if dps == stTNNt && p.i < len(p.s)-1 && p.s[p.i] == '.' {
			p.fraction, _ = p.parseFraction()
		}
		if (dps == stTNNt || dps == stTNt) && p.i < len(p.s)-1 {
			if !p.handleTimeZone() {
				return 0, false
			}
		}
		if kind == tkYearNumber {
			if p.rawYear != -1 {
				return 0, false
			}
			p.rawYear = value
			sep, before := p.separator()
			switch sep {
			case spEnd:
				return dtYearEnd, true
			case spAm, spPm:
				if p.timeMark != -1 {
					return 0, false
				}
				p.timeMark = markOf(sep)
				return dtYearSpace, true
			case spSpace:
				return dtYearSpace, true
			case spDate:
				return dtYearDateSep, true
			case spDateOrOffset:
				if transition(dps, dtYearDateSep) == stErr && transition(dps, dtYearSpace) > stErr {
					p.i = before
					return dtYearSpace, true
				}
				return dtYearDateSep, true
			}
			return 0, false
		}
		sep, before := p.separator()
		switch sep {
		case spEnd:
			p.addNumber(value)
			return dtNumEnd, true
		case spAm, spPm:
			if p.timeMark != -1 {
				return 0, false
			}
			p.timeMark = markOf(sep)
			if dps == stDNN {
				if !p.terminal(xNN) {
					return 0, false
				}
			}
			p.addNumber(value)
			if dps == stTNNt || dps == stTNt {
				if !p.handleTimeZone() {
					return 0, false
				}
			}
			return dtNumAmpm, true
		case spSpace:
			p.addNumber(value)
			return dtNumSpace, true
		case spDate:
			p.addNumber(value)
			return dtNumDatesep, true
		case spDateOrOffset:
			p.addNumber(value)
			if transition(dps, dtNumDatesep) == stErr && transition(dps, dtNumSpace) > stErr {
				p.i = before
				return dtNumSpace, true
			}
			return dtNumDatesep, true
		case spTime:
			p.addNumber(value)
			return dtNumTimesep, true
		case spLocalTimeMark:
			p.addNumber(value)
			return dtNumLocalTimeMark, true
		}
		return 0, false
	case tkDayOfWeek:
		if p.dayOfWeek != -1 {
			return 0, false
		}
		p.dayOfWeek = value
		return dtDayOfWeek, true
	case tkMonth:
		if p.rawMonth != -1 {
			return 0, false
		}
		sep, before := p.separator()
		dtt := 0
		switch sep {
		case spEnd:
			dtt = dtMonthEnd
		case spSpace:
			dtt = dtMonthSpace
		case spDate:
			dtt = dtMonthDatesep
		case spDateOrOffset:
			if transition(dps, dtMonthDatesep) == stErr && transition(dps, dtMonthSpace) > stErr {
				p.i = before
				dtt = dtMonthSpace
			} else {
				dtt = dtMonthDatesep
			}
		default:
			return 0, false
		}
		p.rawMonth = value
		return dtt, true
	case tkEra:
		return dtEra, true
	case tkTimeZone:
		if p.tzUsed {
			return 0, false
		}
		p.tzUsed = true
		p.offset = 0
		return dtTimeZone, true
	case tkEnd:
		return dtEnd, true
	case tkIgnorable:
		return dtUnk, true
	case tkAm, tkPm:
		if p.timeMark != -1 {
			return 0, false
		}
		p.timeMark = value
		return dtUnk, true
	}
	// an unknown character: a letter is no date; a sign may start an
	// offset; '#' and NUL may be punctuation around the text
	ch := p.cur()
	if isLetter(ch) {
		p.failIndex = len(utf16.Encode(p.s[:p.i]))
		return 0, p.refuse(failWord)
	}
	if (ch == '-' || ch == '+') && !p.tzUsed {
		save := p.i
		if off, ok := p.parseTimeZone(); ok {
			p.tzUsed = true
			p.offset = off
			return dtUnk, true
		}
		p.i = save
	}
	if p.validPunctuation() {
		return dtUnk, true
	}
	return 0, false
}

// fourDigitYear maps a year under 100 into the century ending in 2049.
func fourDigitYear(y int) int {
	if y < 100 {
		if y > 49 {
			return 1900 + y
		}
		return 2000 + y
	}
	return y
}

func validDay(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m)
}

func (p *parser) setDate(y, m, d int) bool {
	if !validDay(y, m, d) {
		return false
	}
	p.year, p.month, p.day = y, m, d
	return true
}

// markOf is the AM (0) or PM (1) a separator stands for.
func markOf(sep int) int {
	if sep == spAm {
		return 0
	}
	return 1
}

// terminal turns the numbers read into a date or a time as state x says.
func (p *parser) terminal(x int) bool {
	if x >= xNN && x <= xYM || x == xNNY {
		if p.haveDate {
			return false
		}
	}
	ok := true
	n1, n2, n3 := p.num(0), p.num(1), p.num(2)
	switch x {
	case xNN: // month and day (MMMM dd) of this year
		ok = p.setDate(p.now().Year(), n1, n2)
	case xNNN: // the short date's order, month/day/year
		ok = p.setDate(fourDigitYear(n3), n1, n2)
	case xMN: // a month name and a day of this year; no date is taken yet
		return p.setDate(p.now().Year(), p.rawMonth, n1) && p.reset(x)
	case xNM: // a number before a month name is its year (yyyy MMMM), or
		// with a month-first year-month pattern its day in this year
		if p.monthYear {
			return p.setDate(p.now().Year(), p.rawMonth, n1) && p.reset(x)
		}
		return p.setDate(fourDigitYear(n1), p.rawMonth, 1) && p.reset(x)
	case xMNN: // day then year, else year then day
		ok = p.setDate(fourDigitYear(n2), p.rawMonth, n1) || p.setDate(fourDigitYear(n1), p.rawMonth, n2)
	case xYNN:
		ok = p.setDate(p.rawYear, n1, n2)
	case xNNY:
		ok = p.setDate(p.rawYear, n1, n2)
	case xYMN:
		ok = p.setDate(p.rawYear, p.rawMonth, n1)
	case xYN:
		ok = p.setDate(p.rawYear, n1, 1)
	case xYM:
		ok = p.setDate(p.rawYear, p.rawMonth, 1)
	case tN:
		if p.haveTime || p.timeMark == -1 {
			return false
		}
		p.hour, p.haveTime = n1, true
	case tNN:
		if p.haveTime {
			return false
		}
		p.hour, p.minute, p.haveTime = n1, n2, true
	case tNNN:
		if p.haveTime {
			return false
		}
		p.hour, p.minute, p.sec, p.haveTime = n1, n2, n3, true
	case xDS, tTS:
	default:
		ok = false
	}
	if !ok {
		return false
	}
	if x < tN || x == xNNY {
		p.haveDate = true
	}
	return p.reset(x)
}

// reset starts the numbers over after a terminal state.
func (p *parser) reset(x int) bool {
	if x > stErr {
		p.numCount = 0
	}
	return true
}

// minDate and maxDate are DateTime.MinValue and MaxValue.
func minDate() time.Time { return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) }
func maxDate() time.Time { return time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC) }

// addFraction adds a fraction of a second, rounded to 100ns ticks.
func addFraction(t time.Time, f float64) (time.Time, bool) {
	if f <= 0 {
		return t, true
	}
	ticks := math.RoundToEven(f * 1e7)
	t = t.Add(time.Duration(ticks) * 100)
	return t, !t.After(maxDate())
}

// finish gives the parsed time its DateTimeKind: a text with a zone is
// converted to local time (Local), else it is Unspecified.
func (p *parser) finish(t time.Time) (time.Time, bool) {
	if !p.tzUsed {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), object.UnspecifiedZone.Get()), true
	}
	if p.offset < -14*time.Hour || p.offset > 14*time.Hour {
		return time.Time{}, p.refuse(failOffset)
	}
	u := t.Add(-p.offset)
	if t.Before(minDate().AddDate(0, 0, 1)) && u.Before(minDate()) {
		// a time of the first day wraps to the day's end
		u = u.Add(24 * time.Hour)
	}
	if u.Before(minDate()) || u.After(maxDate()) {
		return time.Time{}, p.refuse(failRange)
	}
	return u.In(object.LocalZone.Get()), true
}

// parseISO reads the time of an ISO 8601 text after its 'T': hh:mm, then
// :ss and a fraction, then Z or an offset, and nothing more.
func (p *parser) parseISO() (time.Time, bool) {
	p.i-- // on the 'T'
	skip := func() {
		for p.i+1 < len(p.s) && isSpace(p.s[p.i+1]) {
			p.i++
		}
	}
	two := func() (int, bool) {
		if p.i+2 < len(p.s) && isDigit(p.s[p.i+1]) && isDigit(p.s[p.i+2]) {
			v := int(p.s[p.i+1]-'0')*10 + int(p.s[p.i+2]-'0')
			p.i += 2
			return v, true
		}
		return 0, false
	}
	match := func(ch rune) bool {
		p.i++
		if p.i >= len(p.s) {
			return false
		}
		if p.s[p.i] == ch {
			return true
		}
		p.i--
		return false
	}
	skip()
	hour, ok := two()
	if !ok {
		return time.Time{}, false
	}
	skip()
	if !match(':') {
		return time.Time{}, false
	}
	skip()
	minute, ok := two()
	if !ok {
		return time.Time{}, false
	}
	skip()
	sec, part := 0, 0.0
	if match(':') {
		skip()
		if sec, ok = two(); !ok {
			return time.Time{}, false
		}
		if match('.') {
			if part, ok = p.parseFraction(); !ok {
				return time.Time{}, false
			}
			p.i--
		}
		skip()
	}
	p.i++
	if p.i < len(p.s) {
		switch ch := p.s[p.i]; ch {
		case '+', '-':
			p.tzUsed = true
			off, ok := p.parseTimeZone()
			if !ok {
				return time.Time{}, false
			}
			p.offset = off
			p.i--
		case 'Z', 'z':
			p.tzUsed = true
			p.offset = 0
		default:
			p.i--
		}
		skip()
		if match('#') {
			if !p.validPunctuation() {
				return time.Time{}, false
			}
			skip()
		}
		if match(0) {
			if !p.validPunctuation() {
				return time.Time{}, false
			}
		}
		p.i++
		if p.i < len(p.s) {
			return time.Time{}, false
		}
	}
	if !validDay(p.rawYear, p.num(0), p.num(1)) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, p.refuse(failCalendar)
	}
	t := time.Date(p.rawYear, time.Month(p.num(0)), p.num(1), hour, minute, sec, 0, time.UTC)
	if t, ok = addFraction(t, part); !ok {
		return time.Time{}, false
	}
	return p.finish(t)
}

// parseText is DateTime.Parse under the invariant culture with no styles:
// the time read, Unspecified, or Local when the text has a zone; or the
// FormatException message .NET gives for a text it refuses.
func parseText(s string, now func() time.Time) (time.Time, bool) {
	t, _, ok := parseReason(s, now)
	return t, ok
}

func parseReason(s string, now func() time.Time) (time.Time, string, bool) {
	return parseCulture(s, now, false)
}

func parseCulture(s string, now func() time.Time, enUS bool) (time.Time, string, bool) {
	p := &parser{}
	t, ok := p.parse(s, now, enUS)
	if ok {
		return t, "", true
	}
	switch p.fail {
	case failWord:
		return t, fmt.Sprintf("The string '%s' was not recognized as a valid DateTime. There is an unknown word starting at index '%d'.", s, p.failIndex), false
	case failDayOfWeek:
		return t, fmt.Sprintf("String '%s' was not recognized as a valid DateTime because the day of week was incorrect.", s), false
	case failCalendar:
		return t, fmt.Sprintf("The DateTime represented by the string '%s' is not supported in calendar 'System.Globalization.GregorianCalendar'.", s), false
	case failOffset:
		return t, fmt.Sprintf("The time zone offset of string '%s' must be within plus or minus 14 hours.", s), false
	case failRange:
		return t, fmt.Sprintf("The DateTime represented by the string '%s' is out of range.", s), false
	}
	return t, fmt.Sprintf("String '%s' was not recognized as a valid DateTime.", s), false
}

func (p *parser) parse(s string, now func() time.Time, enUS bool) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	*p = parser{s: []rune(s), rawYear: -1, rawMonth: -1, dayOfWeek: -1, timeMark: -1,
		year: -1, month: -1, day: -1, now: now, monthYear: enUS}
	dps := stBegin
	reached := false
	for {
		dtt, ok := p.lex(dps)
		if !ok {
			return time.Time{}, false
		}
		if dtt != dtUnk {
			if dtt == dtNumLocalTimeMark {
				if dps == stDYNd || dps == stDYN {
					return p.parseISO()
				}
				return time.Time{}, false
			}
			dps = transition(dps, dtt)
			if dps == stErr {
				return time.Time{}, false
			}
			if dps > stErr {
				if !p.terminal(dps) {
					return time.Time{}, false
				}
				reached = true
				dps = stBegin
			}
		}
		if dtt == dtEnd || dtt == dtNumEnd || dtt == dtMonthEnd {
			break
		}
	}
	if !reached {
		return time.Time{}, false
	}
	switch p.timeMark {
	case 0:
		if p.hour > 12 {
			return time.Time{}, false
		}
		if p.hour == 12 {
			p.hour = 0
		}
	case 1:
		if p.hour > 23 {
			return time.Time{}, false
		}
		if p.hour < 12 {
			p.hour += 12
		}
	}
	timeOnly := p.year == -1 && p.month == -1 && p.day == -1
	if timeOnly {
		n := now()
		p.year, p.month, p.day = n.Year(), int(n.Month()), n.Day()
	} else {
		if p.year == -1 {
			p.year = now().Year()
		}
		if p.month == -1 {
			p.month = 1
		}
		if p.day == -1 {
			p.day = 1
		}
	}
	if !validDay(p.year, p.month, p.day) || p.hour > 23 || p.minute > 59 || p.sec > 59 {
		return time.Time{}, p.refuse(failCalendar)
	}
	t := time.Date(p.year, time.Month(p.month), p.day, p.hour, p.minute, p.sec, 0, time.UTC)
	t, ok := addFraction(t, p.fraction)
	if !ok {
		return time.Time{}, false
	}
	if p.dayOfWeek != -1 && int(t.Weekday()) != p.dayOfWeek {
		return time.Time{}, p.refuse(failDayOfWeek)
	}
	return p.finish(t)
}
