package mailboxsetting_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// record is a settings record with a field of each kind.
type record struct {
	On      bool
	Maybe   *bool
	Count   int
	Note    string
	Color   string
	Days    string
	Wait    time.Duration
	Zone    string
	Entries []string
	When    time.Time
	Names   []string
}

// refusal is the test area's refusal of a record: a Count over 100.
type refusal struct{}

func (refusal) Error() string { return "Count is over 100." }

var days = enumflags.Flags{{Name: "None"}, {Name: "Monday", Value: 1}, {Name: "Tuesday", Value: 2}}

func table() mailboxsetting.Table[record] {
	note := mailboxsetting.TextSetting("Note", "A note.", func(s *record) *string { return &s.Note })
	note.Check = func(ctx *command.Context, name, v string) (string, *object.ErrorRecord) {
		if v == "refuse" {
			return "", exo.Invalid(ctx, "refused "+name, v)
		}
		return strings.TrimSpace(v), nil
	}
	return mailboxsetting.Table[record]{
		mailboxsetting.BoolSetting("On", "", func(s *record) *bool { return &s.On }),
		{Name: "Maybe", Type: "System.Nullable`1[[System.Boolean]]", Kind: mailboxsetting.NullableBool, Field: func(s *record) any { return &s.Maybe }},
		mailboxsetting.IntSetting("Count", "", func(s *record) *int { return &s.Count }),
		note,
		mailboxsetting.EnumSetting("Color", "Test.Color", []string{"Red", "Green"}, func(s *record) *string { return &s.Color }),
		mailboxsetting.FlagsSetting("Days", "Test.Days", days, func(s *record) *string { return &s.Days }),
		mailboxsetting.TimeSpanSetting("Wait", "", func(s *record) *time.Duration { return &s.Wait }),
		{Name: "Zone", Type: "Test.Zone", Kind: mailboxsetting.TimeZone, Field: func(s *record) any { return &s.Zone }},
		mailboxsetting.ListSetting("Entries", "", func(s *record) *[]string { return &s.Entries }),
		mailboxsetting.DateTimeSetting("When", "", func(s *record) *time.Time { return &s.When }),
		mailboxsetting.StringsSetting("Names", "", func(s *record) *[]string { return &s.Names }),
	}
}

// testArea is a session whose Get-TestSetting and Set-TestSetting reach
// the records of an area kept in memory (*writes counts its writes).
func testArea(t *testing.T, writes *int) *sessiontest.Session {
	s := sessiontest.New(t, registry.Options{})
	var mu sync.Mutex
	kept := map[string]record{}
	settings := &lazy.Value[mailboxsetting.Table[record]]{Build: table}
	area := &mailboxsetting.Area[record]{
		Read: func(_ *store.Tx, m *directory.Mailbox) (*record, error) {
			mu.Lock()
			defer mu.Unlock()
			r, ok := kept[m.Guid]
			if !ok {
				r = record{Color: "Red", Days: "None", Entries: []string{"a"}}
			}
			return &r, nil
		},
		Write: func(_ *store.Tx, m *directory.Mailbox, r *record) error {
			if r.Count > 100 {
				return refusal{}
			}
			mu.Lock()
			defer mu.Unlock()
			kept[m.Guid] = *r
			*writes++
			return nil
		},
		Type: "Test.Record", Owner: true,
		Prompt:   "Setting the test setting of \"%s\".",
		Settings: settings,
		Refused:  mailboxsetting.Is[refusal],
		Refusal:  "Test.RefusedException",
	}
	get := &command.Command{Name: "Get-TestSetting", Module: "Test", Version: "1.0", FullTypeName: "Test.GetTestSettingCommand",
		Params: []*params.Param{params.P("Identity", params.TObject)}}
	get.Handler.Process = area.Get
	set := &command.Command{Name: "Set-TestSetting", Module: "Test", Version: "1.0", FullTypeName: "Test.SetTestSettingCommand",
		Params: []*params.Param{params.P("Identity", params.TObject)}, SupportsShouldProcess: true, ConfirmImpact: command.ImpactLow}
	for _, p := range settings.Get() {
		typ := params.TObject
		switch p.Kind {
		case mailboxsetting.Bool:
			typ = params.TBool
		case mailboxsetting.Int:
			typ = params.TInt
		case mailboxsetting.TimeSpan:
			typ = params.TTimeSpan
		case mailboxsetting.DateTime:
			typ = params.TDateTime
		case mailboxsetting.Strings:
			typ = params.TStrings
		case mailboxsetting.Text, mailboxsetting.Enum, mailboxsetting.TimeZone:
			typ = params.TString
		}
		set.Params = append(set.Params, params.P(p.Name, typ))
	}
	set.Handler.Process = func(ctx *command.Context) error { return area.Set(ctx, nil) }
	s.RT.Register(get)
	s.RT.Register(set)
	return s
}

// Set reads each kind's argument into its field and Get shows the
// fields in the table's order, then the mailbox; a refused argument or
// record is the call's error, and nothing is written.
func TestArea(t *testing.T) {
	t.Parallel()
	const show = "; $o = Get-TestSetting -Identity annb; ($o.psobject.Properties | Where-Object Name -ne When | ForEach-Object { \"$($_.Name)=$($_.Value)\" }) -join '|'"
	const defaults = "On=False|Maybe=|Count=0|Note=|Color=Red|Days=None|Wait=00:00:00|Zone=|Entries=a|Names=|MailboxOwnerId=annb|Identity=annb|IsValid=True|ObjectState=Unchanged\n"
	for _, c := range []struct {
		name, args, out, errs string
		writes                int
	}{
		{name: "none", args: "", out: defaults, writes: 1},
		{name: "each kind", args: "-On $true -Maybe 1 -Count 7 -Note ' hi ' -Color green -Days Monday,Tuesday -Wait 00:05:00 -Zone 'w. europe standard time' -Entries @{Add='b'} -Names x,' ',y",
			out: "On=True|Maybe=True|Count=7|Note=hi|Color=Green|Days=Monday, Tuesday|Wait=00:05:00|Zone=W. Europe Standard Time|Entries=a b|Names=x y|MailboxOwnerId=annb|Identity=annb|IsValid=True|ObjectState=Unchanged\n", writes: 1},
		{name: "null clears", args: "-Maybe $null -Entries $null", out: strings.Replace(defaults, "Entries=a", "Entries=", 1), writes: 1},
		{name: "what if", args: "-Count 5 -WhatIf", out: "What if: Setting the test setting of \"annb\".\n" + defaults},
		{name: "enum refused", args: "-Count 3 -Color Blue", errs: "Cannot convert value \"Blue\" to type \"Test.Color\"", out: defaults},
		{name: "flags refused", args: "-Days Sunday", errs: "Cannot convert value \"Sunday\" to type \"Test.Days\"", out: defaults},
		{name: "zone refused", args: "-Zone Mars", errs: "The time zone ID 'Mars' was not found on the local computer.", out: defaults},
		{name: "check refused", args: "-Note refuse", errs: "refused Note", out: defaults},
		{name: "record refused", args: "-Count 101", errs: "RefusedException|Count is over 100.", out: defaults},
		{name: "nullable refused first", args: "-Identity nobody -Maybe x", errs: "Cannot convert value \"x\" to type \"System.Boolean\"", out: defaults},
		{name: "unknown mailbox", args: "-Identity nobody -Count 3", errs: "couldn't be found", out: defaults},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			writes := 0
			s := testArea(t, &writes)
			args := c.args
			if !strings.Contains(args, "-Identity") {
				args = "-Identity annb " + args
			}
			out, errs := s.Run("Set-TestSetting " + args + show)
			if out != c.out {
				t.Errorf("output %q, want %q", out, c.out)
			}
			if c.errs == "" && errs != "" || !strings.Contains(errs, c.errs) {
				t.Errorf("errors %q, want %q", errs, c.errs)
			}
			if writes != c.writes {
				t.Errorf("%d writes, want %d", writes, c.writes)
			}
		})
	}
}
