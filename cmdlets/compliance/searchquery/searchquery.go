// Package searchquery reads the ContentMatchQuery of a content search
// (New-ComplianceSearch): date conditions on received, sent, date and
// lastmodifiedtime (>=, <=, >, <, = or a from..to range) narrow the day
// range; size conditions (bytes, the same operators) bound an item's
// size; kind: is accepted and ignored; words and the property
// restrictions subject:, body:, from:, to:, recipients: and participants:
// match a message's text, joined by AND unless OR separates them, with NOT
// excluding the term after it.
package searchquery

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Query is a parsed ContentMatchQuery.
type Query struct {
	From, To int64 // received day range, inclusive; 0 = open
	// MinSize and MaxSize bound an item's size in bytes, inclusive; -1 =
	// open
	MinSize, MaxSize int64
	// alternatives are OR-ed; each is a list of AND-ed terms.
	alternatives [][]term
}

type term struct {
	prop, value string // prop "" for a bare word
	not         bool
}

// Keywords reports whether the query needs message content (not only
// dates).
func (q *Query) Keywords() bool { return len(q.alternatives) > 0 }

// tokens splits a query on blanks, keeping quoted phrases together.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ' ' || r == '\t' || r == '(' || r == ')'):
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// Day reads a date of a query: yyyy-MM-dd or M/d/yyyy.
func Day(s string) (int64, bool) {
	for _, layout := range []string{"2006-01-02", "1/2/2006", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return directory.DayNumber(t), true
		}
	}
	return 0, false
}

// Parse parses a ContentMatchQuery; err words what is wrong.
func Parse(text string) (*Query, error) {
	q := &Query{MinSize: -1, MaxSize: -1}
	cur := []term{}
	not := false
	for _, tok := range tokens(text) {
		switch strings.ToUpper(tok) {
		case "AND":
			continue
		case "OR":
			if len(cur) > 0 {
				q.alternatives = append(q.alternatives, cur)
			}
			cur = []term{}
			continue
		case "NOT":
			not = true
			continue
		}
		low := strings.ToLower(tok)
		if date, rest, ok := cutDateProp(low); ok {
			if err := q.dateCondition(date, rest); err != nil {
				return nil, err
			}
			continue
		}
		if q.sizeCondition(low) {
			continue
		}
		if strings.HasPrefix(low, "kind:") {
			continue
		}
		t := term{value: tok, not: not}
		if p, v, ok := strings.Cut(tok, ":"); ok && v != "" {
			switch strings.ToLower(p) {
			case "subject", "from", "to", "participants", "recipients", "body":
				t.prop, t.value = strings.ToLower(p), v
			}
		}
		t.value = strings.Trim(t.value, `"*`)
		cur = append(cur, t)
		not = false
	}
	if len(cur) > 0 {
		q.alternatives = append(q.alternatives, cur)
	}
	return q, nil
}

// cutDateProp splits "received>=2024-01-01" into the property and the
// rest of the condition.
func cutDateProp(low string) (prop, rest string, ok bool) {
	for _, p := range []string{"received", "sent", "date", "lastmodifiedtime"} {
		if strings.HasPrefix(low, p) {
			r := low[len(p):]
			if r != "" && strings.ContainsAny(r[:1], ":<>=") {
				return p, r, true
			}
		}
	}
	return "", "", false
}

func (q *Query) dateCondition(prop, cond string) error {
	bad := fmt.Errorf("the condition '%s%s' of the query has no valid date", prop, cond)
	op := ""
	for _, o := range []string{">=", "<=", ">", "<", "=", ":"} {
		if strings.HasPrefix(cond, o) {
			op, cond = o, cond[len(o):]
			break
		}
	}
	// a range value1..value2 goes with ':' or '=' (sent=2024-01-01..2024-03-01)
	if (op == ":" || op == "=") && strings.Contains(cond, "..") {
		a, b, _ := strings.Cut(cond, "..")
		from, ok1 := Day(a)
		to, ok2 := Day(b)
		if !ok1 || !ok2 {
			return bad
		}
		q.narrow(from, to)
		return nil
	}
	d, ok := Day(cond)
	if !ok {
		return bad
	}
	switch op {
	case ">=":
		q.narrow(d, 0)
	case ">":
		q.narrow(d+1, 0)
	case "<=":
		q.narrow(0, d)
	case "<":
		q.narrow(0, d-1)
	default:
		q.narrow(d, d)
	}
	return nil
}

// sizeCondition reads "size>1000", "size:100..5000" and the like into the
// size bounds; text that is no size condition is left to the caller.
func (q *Query) sizeCondition(low string) bool {
	rest, ok := strings.CutPrefix(low, "size")
	if !ok || rest == "" || !strings.ContainsAny(rest[:1], ":<>=") {
		return false
	}
	op := ""
	for _, o := range []string{">=", "<=", ">", "<", "=", ":"} {
		if strings.HasPrefix(rest, o) {
			op, rest = o, rest[len(o):]
			break
		}
	}
	num := func(s string) (int64, bool) {
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil && n >= 0
	}
	if a, b, isRange := strings.Cut(rest, ".."); isRange && (op == ":" || op == "=") {
		lo, ok1 := num(a)
		hi, ok2 := num(b)
		if !ok1 || !ok2 {
			return false
		}
		q.boundSize(lo, hi)
		return true
	}
	n, ok := num(rest)
	if !ok {
		return false
	}
	switch op {
	case ">=":
		q.boundSize(n, -1)
	case ">":
		q.boundSize(n+1, -1)
	case "<=":
		q.boundSize(-1, n)
	case "<":
		q.boundSize(-1, n-1)
	default:
		q.boundSize(n, n)
	}
	return true
}

func (q *Query) boundSize(lo, hi int64) {
	if lo >= 0 && lo > q.MinSize {
		q.MinSize = lo
	}
	if hi >= 0 && (q.MaxSize < 0 || hi < q.MaxSize) {
		q.MaxSize = hi
	}
}

// SizeMatch reports whether an item of n bytes meets the size conditions.
func (q *Query) SizeMatch(n int64) bool {
	return (q.MinSize < 0 || n >= q.MinSize) && (q.MaxSize < 0 || n <= q.MaxSize)
}

func (q *Query) narrow(from, to int64) {
	if from != 0 && (q.From == 0 || from > q.From) {
		q.From = from
	}
	if to != 0 && (q.To == 0 || to < q.To) {
		q.To = to
	}
}

// InRange reports whether a day number lies in the query's date range.
func (q *Query) InRange(day int64) bool {
	return (q.From == 0 || day >= q.From) && (q.To == 0 || day <= q.To)
}

// MatchMessage reports whether a message matches the query's terms.
func (q *Query) MatchMessage(m *ome.Message) bool {
	has := func(hay, needle string) bool { return strings.Contains(strings.ToLower(hay), strings.ToLower(needle)) }
	recipients := func(v string) bool {
		for _, r := range m.Recipients {
			if has(r.Address, v) {
				return true
			}
		}
		return false
	}
	for _, alt := range q.alternatives {
		all := true
		for _, t := range alt {
			var hit bool
			switch t.prop {
			case "subject":
				hit = has(m.Subject, t.value)
			case "body":
				hit = has(m.Body, t.value)
			case "from":
				hit = has(m.Sender, t.value)
			case "to", "recipients":
				hit = recipients(t.value)
			case "participants":
				hit = has(m.Sender, t.value) || recipients(t.value)
			default:
				hit = has(m.Subject, t.value) || has(m.Body, t.value) || has(m.Sender, t.value)
			}
			if hit == t.not {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
