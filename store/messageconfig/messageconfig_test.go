package messageconfig_test

import (
	"errors"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/messageconfig"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestFlags(t *testing.T) {
	t.Parallel()
	cases := []struct {
		flags enumflags.Flags
		in    string
		ok    bool
		out   string
	}{
		{messageconfig.FontFlags, "Normal", true, "Normal"},
		{messageconfig.FontFlags, "bold", true, "Bold"},
		{messageconfig.FontFlags, "Italic, bold", true, "Bold, Italic"},
		{messageconfig.FontFlags, "Bold,Italic,Underline", true, "All"},
		{messageconfig.FontFlags, "Normal,Underline", true, "Underline"},
		{messageconfig.FontFlags, "Wavy", false, ""},
		{messageconfig.FontFlags, "Bold,", false, ""},
		{messageconfig.NewItemNotifications, "Sound,EMailToast", true, "Sound, EMailToast"},
		{messageconfig.NewItemNotifications, "None", true, "None"},
		{messageconfig.PontTypes, "DeleteConversation,ExternalLink", true, "ExternalLink, DeleteConversation"},
		{messageconfig.PontTypes, "all", true, "All"},
	}
	for _, c := range cases {
		v, ok := c.flags.Parse(c.in)
		if ok != c.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", c.in, ok, c.ok)
			continue
		}
		if ok && c.flags.Format(v) != c.out {
			t.Errorf("Format(Parse(%q)) = %q, want %q", c.in, c.flags.Format(v), c.out)
		}
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	base := func() *messageconfig.Settings { return messageconfig.Defaults(&directory.Mailbox{Guid: "x"}) }
	isA := func(target any) func(error) bool {
		return func(err error) bool { return err != nil && errors.As(err, target) }
	}
	var (
		le *messageconfig.LengthError
		re *messageconfig.RangeError
		ce *messageconfig.ColorError
		se *messageconfig.SignatureError
		ve *store.ValidationError
	)
	cases := []struct {
		name   string
		change func(*messageconfig.Settings)
		check  func(error) bool
	}{
		{"defaults", func(*messageconfig.Settings) {}, func(err error) bool { return err == nil }},
		{"font size 0", func(s *messageconfig.Settings) { s.DefaultFontSize = 0 }, isA(&re)},
		{"font size 7", func(s *messageconfig.Settings) { s.DefaultFontSize = 7 }, func(err error) bool { return err == nil }},
		{"font size 8", func(s *messageconfig.Settings) { s.DefaultFontSize = 8 }, isA(&re)},
		{"delay 31", func(s *messageconfig.Settings) { s.PreviewMarkAsReadDelaytime = 31 }, isA(&re)},
		{"delay -1", func(s *messageconfig.Settings) { s.PreviewMarkAsReadDelaytime = -1 }, isA(&re)},
		{"color name", func(s *messageconfig.Settings) { s.DefaultFontColor = "red" }, isA(&ce)},
		{"color short", func(s *messageconfig.Settings) { s.DefaultFontColor = "#FFF" }, isA(&ce)},
		{"color lower case", func(s *messageconfig.Settings) { s.DefaultFontColor = "#a1b2c3" }, func(err error) bool { return err == nil }},
		{"font name 101", func(s *messageconfig.Settings) { s.DefaultFontName = strings.Repeat("f", 101) }, isA(&le)},
		{"mobile signature 513", func(s *messageconfig.Settings) { s.SignatureTextOnMobile = strings.Repeat("s", 513) }, isA(&le)},
		{"signatures together 8001", func(s *messageconfig.Settings) {
			s.SignatureText = strings.Repeat("t", 4000)
			s.SignatureHtml = strings.Repeat("h", 4001)
		}, isA(&se)},
		{"signatures together 8000", func(s *messageconfig.Settings) {
			s.SignatureText = strings.Repeat("t", 4000)
			s.SignatureHtml = strings.Repeat("h", 4000)
		}, func(err error) bool { return err == nil }},
		{"unknown format", func(s *messageconfig.Settings) { s.DefaultFormat = "Rtf" }, isA(&ve)},
		{"flags not canonical", func(s *messageconfig.Settings) { s.DefaultFontFlags = "Italic, Bold" }, isA(&ve)},
	}
	for _, c := range cases {
		s := base()
		c.change(s)
		if err := messageconfig.Validate(s); !c.check(err) {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}

func TestPutAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "annb")
		x, err := messageconfig.Get(tx, m)
		storetest.Must(t, err)
		x.AlwaysShowBcc = true
		storetest.Must(t, messageconfig.Put(tx, m, x))
		got, err := messageconfig.Get(tx, m)
		storetest.Must(t, err)
		if !got.AlwaysShowBcc || got.DefaultFontName != "Calibri" {
			t.Errorf("stored %+v", got)
		}
		guid := m.Guid
		_, err = directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
