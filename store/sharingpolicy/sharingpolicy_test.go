package sharingpolicy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	sp "github.com/exosim/exosim/store/sharingpolicy"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

func TestParseDomain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want, kind string
	}{
		{"*:CalendarSharingFreeBusySimple", "*:CalendarSharingFreeBusySimple", ""},
		{"anonymous: calendarsharingfreebusyreviewer", "Anonymous:CalendarSharingFreeBusyReviewer", ""},
		{"contoso.com: ContactsSharing , CalendarSharingFreeBusyDetail", "contoso.com:CalendarSharingFreeBusyDetail, ContactsSharing", ""},
		{"contoso.com:9", "contoso.com:CalendarSharingFreeBusySimple, ContactsSharing", ""},
		{"Anonymous:0", "Anonymous:0", ""},
		{"Anonymous:MeetingLimitedDetails", "Anonymous:MeetingLimitedDetails", ""},
		{"contoso.com", "", "entry"},
		{"a:b:c", "", "entry"},
		{"contoso.com:", "", "action"},
		{"contoso.com:Everything", "", "action"},
		{"bad domain:ContactsSharing", "", "domain"},
		{"Anonymous:ContactsSharing,CalendarSharingFreeBusySimple", "", "anonymous"},
		{"*:MeetingFullDetails", "", "meeting"},
	} {
		got, err := sp.ParseDomain(tc.in)
		var de *sp.DomainError
		switch {
		case tc.kind == "" && (err != nil || got != tc.want):
			t.Errorf("ParseDomain(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		case tc.kind != "" && (!errors.As(err, &de) || de.Kind != tc.kind):
			t.Errorf("ParseDomain(%q) = %q, %v; want a %s error", tc.in, got, err, tc.kind)
		}
	}
}

// The default policy is there before anything is stored; once changed it
// is kept under the same Guid, and its rules hold.
func TestDefaultPolicy(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := sp.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Name != sp.DefaultName || !all[0].Default || !all[0].Enabled ||
			strings.Join(all[0].Domains, ";") != "*:CalendarSharingFreeBusySimple;Anonymous:CalendarSharingFreeBusyReviewer" {
			t.Fatalf("sharing policies of a new tenant: %+v", all)
		}
		p := all[0]
		p.Domains = []string{"contoso.com:ContactsSharing", "CONTOSO.COM:CalendarSharingFreeBusySimple"}
		var dup *sp.DuplicateDomainsError
		if err := sp.Put(tx, p); !errors.As(err, &dup) || strings.Join(dup.Domains, ",") != "CONTOSO.COM" {
			t.Errorf("duplicate domains: %v", err)
		}
		p.Domains = nil
		p.Enabled = false
		storetest.Must(t, sp.Put(tx, p))
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := sp.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Enabled || len(all[0].Domains) != 0 {
			t.Errorf("after the change: %+v", all)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// An import whose sharing policies break the rules is refused with the
// check's finding.
func TestCheck(t *testing.T) {
	t.Parallel()
	export := storetest.Export(t, storetest.Seeded(t, seed.Empty))
	for _, tc := range []struct {
		name     string
		policies []sp.Policy
		want     string
	}{
		{"an entry Exchange does not write", []sp.Policy{{Guid: "00000000-0000-4000-8000-000000000001", Name: "A", Default: true, Domains: []string{"anonymous:ContactsSharing"}}},
			`domain entry "anonymous:ContactsSharing" is not one Exchange writes`},
		{"a domain twice", []sp.Policy{{Guid: "00000000-0000-4000-8000-000000000001", Name: "A", Domains: []string{"a.com:ContactsSharing", "A.com:ContactsSharing"}}},
			"domains named twice: A.com"},
		{"two defaults", []sp.Policy{{Guid: "00000000-0000-4000-8000-000000000001", Name: "A", Default: true}},
			"2 default sharing policies; exactly one"},
		{"a shared name", []sp.Policy{{Guid: "00000000-0000-4000-8000-000000000001", Name: "A"}, {Guid: "00000000-0000-4000-8000-000000000002", Name: "a"}},
			"name a is also the name of"},
	} {
		var doc map[string]any
		storetest.Must(t, json.Unmarshal([]byte(export), &doc))
		var entries []any
		for _, p := range tc.policies {
			entries = append(entries, map[string]any{"key": p.Guid, "value": p})
		}
		doc["buckets"].(map[string]any)["sharingPolicies"] = entries
		bad, err := json.Marshal(doc)
		storetest.Must(t, err)
		path := filepath.Join(t.TempDir(), "tenant.db")
		err = tenant.ImportFile(path, bytes.NewReader(bad), store.Options{}, store.ImportRecord{Source: tc.name})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: import error %v; want it to say %q", tc.name, err, tc.want)
		}
	}
}
