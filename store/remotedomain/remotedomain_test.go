package remotedomain_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	rd "github.com/exosim/exosim/store/remotedomain"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

func TestParseDomainName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		ok   bool
		want string
	}{
		{"*", true, "*"},
		{"contoso.com", true, "contoso.com"},
		{"Contoso.COM", true, "Contoso.COM"},
		{"*.contoso.com", true, "*.contoso.com"},
		{"mail_relay.contoso-eu.com", true, "mail_relay.contoso-eu.com"},
		{"localhost", true, "localhost"},
		{"", false, ""},
		{"bad domain", false, ""},
		{"contoso..com", false, ""},
		{"-contoso.com", false, ""},
		{"contoso.*.com", false, ""},
		{"*.*", false, ""},
		{"**.contoso.com", false, ""},
		{"user@contoso.com", false, ""},
		{strings.Repeat("a", 64) + ".com", false, ""},
	} {
		got, ok := rd.ParseDomainName(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParseDomainName(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// AllowedOOFType and IsInternal are one set of flags: each write of one
// is seen in the other.
func TestAllowedOOFTypeAndIsInternal(t *testing.T) {
	t.Parallel()
	type step struct {
		oof      string // "" : none
		internal *bool
	}
	yes, no := true, false
	for _, tc := range []struct {
		name         string
		steps        []step
		wantOOF      string
		wantInternal bool
	}{
		{"default", nil, "External", false},
		{"internal legacy makes the domain internal", []step{{oof: "InternalLegacy"}}, "InternalLegacy", true},
		{"external turns internal legacy into external legacy", []step{{oof: "InternalLegacy"}, {internal: &no}}, "ExternalLegacy", false},
		{"an internal domain keeps external replies", []step{{internal: &yes}}, "External", true},
		{"none with an internal domain reads as external", []step{{oof: "None"}, {internal: &yes}}, "External", true},
		{"a new reply type makes the domain external", []step{{internal: &yes}, {oof: "ExternalLegacy"}}, "ExternalLegacy", false},
		{"none", []step{{oof: "None"}}, "None", false},
	} {
		d := rd.New("x", "x.com")
		for _, s := range tc.steps {
			if s.oof != "" {
				d.SetAllowedOOFType(s.oof)
			}
			if s.internal != nil {
				d.Set(rd.InternalDomain, *s.internal)
			}
		}
		if d.AllowedOOFType() != tc.wantOOF || d.IsInternal() != tc.wantInternal {
			t.Errorf("%s: AllowedOOFType %s, IsInternal %v; want %s, %v", tc.name, d.AllowedOOFType(), d.IsInternal(), tc.wantOOF, tc.wantInternal)
		}
		if d.Accept&^rd.OOFMask != rd.DefaultAccept {
			t.Errorf("%s: the other flags moved: %d", tc.name, d.Accept)
		}
	}
}

func TestValueNames(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"50220": "Iso2022Jp", "50222": "Sio2022Jp", "0": "Undefined", "esc2022jp": "Esc2022Jp", " Undefined ": "Undefined"} {
		if got, ok := rd.ShiftJisCodePage(in); !ok || got != want {
			t.Errorf("ShiftJisCodePage(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := rd.ShiftJisCodePage("932"); ok {
		t.Error("ShiftJisCodePage takes 932")
	}
	for in, want := range map[string]string{"UTF-8": "utf-8", "": "", "ISO-8859-15": "iso-8859-15"} {
		if got, ok := rd.CharacterSetName(in); !ok || got != want {
			t.Errorf("CharacterSetName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := rd.CharacterSetName("us-ascii"); ok {
		t.Error("CharacterSetName takes us-ascii")
	}
}

// The default remote domain is there before anything is stored, with
// Exchange Online's defaults; once changed it is kept under the same Guid.
func TestDefaultRemoteDomain(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := rd.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].IsDefault() || all[0].Name != "Default" {
			t.Fatalf("remote domains of a new tenant: %+v", all)
		}
		d := all[0]
		guid = d.Guid
		if !d.Has(rd.AutoForward) || !d.Has(rd.AutoReply) || d.Has(rd.MeetingForwardNotify) || d.CharacterSet != "iso-8859-1" {
			t.Errorf("default remote domain: %+v", d)
		}
		d.Set(rd.AutoForward, false)
		storetest.Must(t, rd.Put(tx, d))
		if err := rd.Remove(tx, d); !errors.Is(err, rd.ErrRemoveDefault) {
			t.Errorf("Remove(default) = %v", err)
		}
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := rd.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Guid != guid || all[0].Has(rd.AutoForward) {
			t.Errorf("after the change: %+v", all)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

func TestCreateRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, rd.Create(tx, rd.New("Contoso", "contoso.com")))
		storetest.Must(t, rd.Create(tx, rd.New("Fabrikam", "*.fabrikam.com")))
		for _, tc := range []struct {
			name, domain string
			dup          string // the duplicate domain, or "" for the name
		}{
			{"Contoso2", "CONTOSO.com", "CONTOSO.com"},
			{"Contoso3", "*.contoso.com", "contoso.com"},
			{"Fabrikam2", "fabrikam.com", "fabrikam.com"},
			{"Star", "*", "*"},
			{"contoso", "northwind.com", ""},
			{"DEFAULT", "northwind.com", ""},
		} {
			err := rd.Create(tx, rd.New(tc.name, tc.domain))
			var dup *rd.DuplicateDomainError
			var name *rd.NameInUseError
			switch {
			case tc.dup != "" && (!errors.As(err, &dup) || dup.Domain != tc.dup):
				t.Errorf("Create(%s, %s) = %v; want the duplicate domain %s", tc.name, tc.domain, err, tc.dup)
			case tc.dup == "" && !errors.As(err, &name):
				t.Errorf("Create(%s, %s) = %v; want the name in use", tc.name, tc.domain, err)
			}
		}
		// one target delivery domain, never with a wildcard
		all, err := rd.List(tx)
		storetest.Must(t, err)
		fab := all[2]
		fab.Set(rd.TargetDeliveryDomain, true)
		var wild *rd.WildcardTargetError
		if err := rd.Put(tx, fab); !errors.As(err, &wild) {
			t.Errorf("TargetDeliveryDomain on %s: %v", fab.DomainName, err)
		}
		storetest.Must(t, rd.Create(tx, rd.New("Northwind", "northwind.com")))
		all, err = rd.List(tx)
		storetest.Must(t, err)
		for _, d := range all[3:] {
			d.Set(rd.TargetDeliveryDomain, true)
			storetest.Must(t, rd.Put(tx, d))
		}
		contoso := all[1]
		contoso.Set(rd.TargetDeliveryDomain, true)
		storetest.Must(t, rd.Put(tx, contoso))
		all, err = rd.List(tx)
		storetest.Must(t, err)
		var targets []string
		for _, d := range all {
			if d.Has(rd.TargetDeliveryDomain) {
				targets = append(targets, d.Name)
			}
		}
		if strings.Join(targets, ",") != "Contoso" {
			t.Errorf("target delivery domains: %v", targets)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

func TestTooMany(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		for i := 1; i < rd.MaxDomains; i++ {
			storetest.Must(t, rd.Create(tx, rd.New("d"+strconv.Itoa(i), "d"+strconv.Itoa(i)+".example")))
		}
		if err := rd.Create(tx, rd.New("one-more", "one-more.example")); !errors.Is(err, rd.ErrTooMany) {
			t.Errorf("remote domain %d: %v", rd.MaxDomains+1, err)
		}
	})
}

// An import whose remote domains break the rules is refused with the
// check's finding.
func TestCheck(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	export := storetest.Export(t, s)
	for _, tc := range []struct {
		name    string
		records func() []*rd.Domain
		want    string
	}{
		{"a second default", func() []*rd.Domain {
			return []*rd.Domain{withGuid(rd.New("Other", "*"), "1")}
		}, "a remote domain for * other than the organization's default one"},
		{"a shared name", func() []*rd.Domain {
			return []*rd.Domain{withGuid(rd.New("A", "a.com"), "1"), withGuid(rd.New("a", "b.com"), "2")}
		}, "name a is also the name of"},
		{"a shared domain", func() []*rd.Domain {
			return []*rd.Domain{withGuid(rd.New("A", "a.com"), "1"), withGuid(rd.New("B", "*.A.com"), "2")}
		}, "domain a.com is also the domain of"},
		{"not a domain", func() []*rd.Domain {
			return []*rd.Domain{withGuid(rd.New("A", "a b"), "1")}
		}, `domain name "a b" is not a domain`},
		{"a wildcard target", func() []*rd.Domain {
			d := withGuid(rd.New("A", "*.a.com"), "1")
			d.Set(rd.TargetDeliveryDomain, true)
			return []*rd.Domain{d}
		}, "target delivery domain with a wildcard"},
		{"two targets", func() []*rd.Domain {
			a, b := withGuid(rd.New("A", "a.com"), "1"), withGuid(rd.New("B", "b.com"), "2")
			a.Set(rd.TargetDeliveryDomain, true)
			b.Set(rd.TargetDeliveryDomain, true)
			return []*rd.Domain{a, b}
		}, "2 target delivery domains; at most one"},
		{"values out of range", func() []*rd.Domain {
			d := withGuid(rd.New("A", "a.com"), "1")
			d.LineWrapSize = 500
			d.CharacterSet = "klingon"
			d.ContentType = "Rtf"
			return []*rd.Domain{d}
		}, `line-wrap size 500 out of range`},
	} {
		var doc map[string]any
		storetest.Must(t, json.Unmarshal([]byte(export), &doc))
		var entries []any
		for _, d := range tc.records() {
			entries = append(entries, map[string]any{"key": d.Guid, "value": d})
		}
		doc["buckets"].(map[string]any)["remoteDomains"] = entries
		bad, err := json.Marshal(doc)
		storetest.Must(t, err)
		path := filepath.Join(t.TempDir(), "tenant.db")
		err = tenant.ImportFile(path, bytes.NewReader(bad), store.Options{}, store.ImportRecord{Source: tc.name})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: import error %v; want it to say %q", tc.name, err, tc.want)
		}
	}
}

func withGuid(d *rd.Domain, n string) *rd.Domain {
	d.Guid = "00000000-0000-4000-8000-00000000000" + n
	return d
}
