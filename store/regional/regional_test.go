package regional_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/regional"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	var (
		fe *regional.FormatError
		ne *regional.NoLanguageError
		ve *store.ValidationError
	)
	cases := []struct {
		name string
		s    regional.Settings
		ok   bool
		as   any
	}{
		{"nothing set", regional.Settings{}, true, nil},
		{"language alone", regional.Settings{Language: "de-DE"}, true, nil},
		{"time zone alone", regional.Settings{TimeZone: "Pacific Standard Time"}, true, nil},
		{"unknown time zone", regional.Settings{TimeZone: "Mars Standard Time"}, false, &ve},
		{"format without language", regional.Settings{DateFormat: "M/d/yyyy"}, false, &ne},
		{"a pattern of the language", regional.Settings{Language: "en-US", DateFormat: "yyyy-MM-dd", TimeFormat: "HH:mm"}, true, nil},
		{"a date pattern of another language", regional.Settings{Language: "en-US", DateFormat: "dd.MM.yyyy"}, false, &fe},
		{"a time pattern of another language", regional.Settings{Language: "de-DE", TimeFormat: "h:mm tt"}, false, &fe},
		{"formats left from an earlier language", regional.Settings{Language: "de-DE", DateFormat: "M/d/yyyy"}, false, &fe},
		{"unknown language", regional.Settings{Language: "xx-YY"}, false, &ve},
	}
	for _, c := range cases {
		err := regional.Validate(&c.s)
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.ok && (err == nil || !errors.As(err, c.as)):
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}

func TestEffectiveFormats(t *testing.T) {
	t.Parallel()
	s := regional.Settings{}
	if s.EffectiveDateFormat() != "" || s.EffectiveTimeFormat() != "" || s.FoldersLanguage() != "en-US" {
		t.Errorf("empty settings show %q %q %q", s.EffectiveDateFormat(), s.EffectiveTimeFormat(), s.FoldersLanguage())
	}
	s = regional.Settings{Language: "en-GB", TimeFormat: "h:mm tt", FolderLanguage: "en-GB"}
	if s.EffectiveDateFormat() != "dd/MM/yyyy" || s.EffectiveTimeFormat() != "h:mm tt" || s.FoldersLanguage() != "en-GB" {
		t.Errorf("en-GB shows %q %q %q", s.EffectiveDateFormat(), s.EffectiveTimeFormat(), s.FoldersLanguage())
	}
	if z, ok := regional.CanonicalTimeZone("w. europe standard time"); !ok || z != "W. Europe Standard Time" {
		t.Errorf("CanonicalTimeZone = %q, %v", z, ok)
	}
}

func TestPutAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "annb")
		x, err := regional.Get(tx, m)
		storetest.Must(t, err)
		x.Language, x.TimeZone = "fr-FR", "Romance Standard Time"
		storetest.Must(t, regional.Put(tx, m, x))
		_, err = directory.RemoveMailbox(tx, m.Guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, m.Guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
