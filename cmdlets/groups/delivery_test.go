package groups

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/object"
)

// The MailTip rule: the MailTip is the default translation, kept as
// HTML; translations need a default one and one a culture; the default
// can't go while other translations remain.
func TestMailTips(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	add := func(v string) any {
		h := object.NewHashtable()
		h.Set("Add", v)
		return h
	}
	for _, c := range []struct {
		name    string
		tip     string
		tr      []string
		newTip  *string
		newTr   any
		trSet   bool
		wantTip string
		wantTr  string // joined by |
		err     string
	}{
		{name: "tip", newTip: str("Hi"), wantTip: "<html><body>Hi</body></html>", wantTr: "default:Hi"},
		{name: "tip replaces the default", tip: "<html><body>Hi</body></html>", tr: []string{"default:Hi", "FR:Salut"}, newTip: str("Yo"),
			wantTip: "<html><body>Yo</body></html>", wantTr: "default:Yo|FR:Salut"},
		{name: "translation added", tip: "<html><body>Hi</body></html>", tr: []string{"default:Hi"}, newTr: add("FR:Salut"), trSet: true,
			wantTip: "<html><body>Hi</body></html>", wantTr: "default:Hi|FR:Salut"},
		{name: "default by translation", newTr: []any{"default:Yo", "DE:Hallo"}, trSet: true, wantTip: "<html><body>Yo</body></html>", wantTr: "default:Yo|DE:Hallo"},
		{name: "all removed", tip: "<html><body>Hi</body></html>", tr: []string{"default:Hi"}, newTip: str("")},
		{name: "translations cleared", tip: "<html><body>Hi</body></html>", tr: []string{"default:Hi"}, newTr: nil, trSet: true},
		{name: "no default", newTr: []any{"DE:Hallo"}, trSet: true, err: "You can't set MailTipTranslations without setting a default MailTip."},
		{name: "two defaults", newTip: str("Hi"), newTr: []any{"default:Yo"}, trSet: true, err: "More than one culture-neutral MailTip translation was specified."},
		{name: "culture twice", newTr: []any{"default:Yo", "de:a", "DE:b"}, trSet: true, err: `More than one MailTip translation was specified for the "DE" culture.`},
		{name: "no culture", newTr: []any{"Yo"}, trSet: true, err: "A MailTip translation must consist of a Language Culture Name"},
		{name: "default kept", tr: []string{"default:Yo", "DE:a"}, newTip: str(""), err: "You can't remove the default MailTip while MailTipTranslations still exists."},
		{name: "too long", newTip: str(strings.Repeat("x", 176)), err: "A MailTip can't exceed 175 displayed characters."},
		{name: "translation too long", newTr: []any{"default:" + strings.Repeat("x", 176)}, trSet: true, err: "A MailTip can't exceed 175 displayed characters."},
	} {
		tip, tr, err := mailTips(c.tip, c.tr, c.newTip, c.newTr, c.trSet)
		var bad *mailTipError
		switch {
		case c.err != "" && (!errors.As(err, &bad) || !strings.HasPrefix(bad.msg, c.err)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err == "" && (tip != c.wantTip || strings.Join(tr, "|") != c.wantTr):
			t.Errorf("%s: %q %q, want %q %q", c.name, tip, strings.Join(tr, "|"), c.wantTip, c.wantTr)
		}
	}
}
