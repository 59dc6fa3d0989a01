package searchquery_test

import (
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/compliance/searchquery"
	"github.com/exosim/exosim/store/ome"
)

// Parse: date conditions narrow the received range; words and
// property restrictions match messages, AND by default, OR between
// alternatives, NOT excluding.
func TestParse(t *testing.T) {
	t.Parallel()
	day := func(s string) int64 { d, _ := searchquery.Day(s); return d }
	msg := &ome.Message{Subject: "Invoice overdue", Body: "pay now", Sender: "adelev@contoso.com",
		Recipients: []ome.MessageRecipient{{Address: "pilarp@contoso.com"}}, SentTime: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)}
	cases := []struct {
		query    string
		from, to int64
		keywords bool
		matches  bool
		bad      bool
	}{
		{query: "received>=2024-01-01 received<2024-02-01", from: day("2024-01-01"), to: day("2024-01-31")},
		{query: "sent:2024-01-01..2024-03-31", from: day("2024-01-01"), to: day("2024-03-31")},
		{query: "(sent=2024-01-01..2024-02-15)", from: day("2024-01-01"), to: day("2024-02-15")},
		{query: "received>=2024-01-01..2024-02-15", bad: true},
		{query: "date=3/1/2024 kind:email", from: day("2024-03-01"), to: day("2024-03-01")},
		{query: `subject:"Invoice overdue" AND from:adelev`, keywords: true, matches: true},
		{query: `subject:Quarterly OR to:pilarp`, keywords: true, matches: true},
		{query: `invoice NOT participants:pilarp`, keywords: true, matches: false},
		{query: `body:"pay now"`, keywords: true, matches: true},
		{query: "received>=someday", bad: true},
	}
	for _, c := range cases {
		q, err := searchquery.Parse(c.query)
		if c.bad {
			if err == nil {
				t.Errorf("%q: no error", c.query)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		if q.From != c.from || q.To != c.to || q.Keywords() != c.keywords {
			t.Errorf("%q: range %d..%d keywords %v, want %d..%d %v", c.query, q.From, q.To, q.Keywords(), c.from, c.to, c.keywords)
		}
		if c.keywords && q.MatchMessage(msg) != c.matches {
			t.Errorf("%q: matches = %v, want %v", c.query, !c.matches, c.matches)
		}
	}
}

// A size condition bounds an item's size in bytes; text after "size"
// that is no number stays a word of the query.
func TestSizeConditions(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		query    string
		min, max int64
		keywords bool
	}{
		{query: "size>0", min: 1, max: -1},
		{query: "size>=1000 AND size<5000", min: 1000, max: 4999},
		{query: "(size:100..200)", min: 100, max: 200},
		{query: "size=42 received>=2024-01-01", min: 42, max: 42},
		{query: "size<=10 subject:invoice", min: -1, max: 10, keywords: true},
		{query: "size>big", min: -1, max: -1, keywords: true},
	} {
		q, err := searchquery.Parse(c.query)
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		if q.MinSize != c.min || q.MaxSize != c.max || q.Keywords() != c.keywords {
			t.Errorf("%q: size %d..%d keywords %v, want %d..%d %v", c.query, q.MinSize, q.MaxSize, q.Keywords(), c.min, c.max, c.keywords)
		}
	}
	q, _ := searchquery.Parse("size:100..200")
	if !q.SizeMatch(100) || !q.SizeMatch(200) || q.SizeMatch(99) || q.SizeMatch(201) {
		t.Errorf("size:100..200 matches the wrong sizes")
	}
}
