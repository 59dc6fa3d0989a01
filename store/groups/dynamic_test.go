package groups_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// exclusions is the tail Exchange Online adds to every dynamic group's
// filter.
const exclusions = " -and (-not(Name -like 'SystemMailbox{*')) -and (-not(Name -like 'CAS_{*')) -and (-not(RecipientTypeDetailsValue -eq 'MailboxPlan')) -and (-not(RecipientTypeDetailsValue -eq 'DiscoveryMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'PublicFolderMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'ArbitrationMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'AuditLogMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'AuxAuditLogMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'SupervisoryReviewPolicyMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'GuestMailUser')))"

const ldapExclusions = "(!(name=SystemMailbox{*))(!(name=CAS_{*))(!(msExchRecipientTypeDetails=16777216))(!(msExchRecipientTypeDetails=536870912))(!(msExchRecipientTypeDetails=68719476736))(!(msExchRecipientTypeDetails=8388608))(!(msExchRecipientTypeDetails=4398046511104))(!(msExchRecipientTypeDetails=70368744177664))(!(msExchRecipientTypeDetails=140737488355328))(!(msExchRecipientTypeDetails=35184372088832)))"

func TestStoredFilters(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	for _, c := range []struct {
		name       string
		spec       groups.FilterSpec
		opath      string
		ldap       string
		wantErr    any
		filterType string
	}{
		{name: "custom -and", spec: groups.FilterSpec{IsCustom: true, Custom: "(recipienttypedetails -eq 'usermailbox') -and (Office -like 'Fuller Labs*')"},
			opath: "((((RecipientTypeDetails -eq 'UserMailbox') -and (Office -like 'Fuller Labs*')))" + exclusions,
			ldap:  "(&(msExchRecipientTypeDetails=1)(physicalDeliveryOfficeName=Fuller Labs*)" + ldapExclusions, filterType: "Custom"},
		{name: "custom -or", spec: groups.FilterSpec{IsCustom: true, Custom: "Title -eq 'Architect' -or Title -eq 'Title'"},
			opath: "((((Title -eq 'Architect') -or (Title -eq 'Title')))" + exclusions,
			ldap:  "(&(|(title=Architect)(title=Title))" + ldapExclusions, filterType: "Custom"},
		{name: "custom comparison", spec: groups.FilterSpec{IsCustom: true, Custom: "RecipientType -eq 'UserMailbox'"},
			opath: "((RecipientType -eq 'UserMailbox')" + exclusions,
			ldap:  "(&(objectClass=user)(objectCategory=person)(mailNickname=*)(msExchHomeServerName=*)" + ldapExclusions, filterType: "Custom"},
		{name: "custom -ne $null and -notlike", spec: groups.FilterSpec{IsCustom: true, Custom: "Alias -ne $null -and Department -notlike 'Temp*'"},
			opath: "((((Alias -ne $null) -and (-not(Department -like 'Temp*'))))" + exclusions,
			ldap:  "(&(mailNickname=*)(!(department=Temp*))" + ldapExclusions, filterType: "Custom"},
		{name: "precanned with a condition", spec: groups.FilterSpec{Included: []string{"MailboxUsers"}, Conditions: map[string][]string{"Department": {"Computers"}}},
			opath: "((((Department -eq 'Computers') -and (RecipientType -eq 'UserMailbox')))" + exclusions,
			ldap:  "(&(department=Computers)(objectClass=user)(objectCategory=person)(mailNickname=*)(msExchHomeServerName=*)" + ldapExclusions, filterType: "Precanned"},
		{name: "precanned, a company and all recipients", spec: groups.FilterSpec{Included: []string{"AllRecipients"}, Conditions: map[string][]string{"Company": {"Nazwa firmy"}}},
			opath: "((((Company -eq 'Nazwa firmy') -and (Alias -ne $null)))" + exclusions, filterType: "Precanned"},
		{name: "precanned, two types and two values", spec: groups.FilterSpec{Included: []string{"mailcontacts,MailboxUsers"}, Conditions: map[string][]string{"Department": {"Marketing", "Sales"}, "CustomAttribute1": {"x"}}},
			opath:      "((((((Department -eq 'Marketing') -or (Department -eq 'Sales'))) -and (CustomAttribute1 -eq 'x') -and (((RecipientType -eq 'UserMailbox') -or (RecipientType -eq 'MailContact')))))" + exclusions,
			filterType: "Precanned"},
		{name: "precanned, all recipients", spec: groups.FilterSpec{Included: []string{"AllRecipients"}},
			opath: "((Alias -ne $null)" + exclusions, ldap: "(&(mailNickname=*)" + ldapExclusions, filterType: "Precanned"},
		{name: "a leading wildcard", spec: groups.FilterSpec{IsCustom: true, Custom: "Department -like '*Sales'"}, wantErr: &groups.LeadingWildcardError{}},
		{name: "conditions without types", spec: groups.FilterSpec{Conditions: map[string][]string{"Company": {"Contoso"}}}, wantErr: &groups.PrecannedNoTypeError{}},
		{name: "AllRecipients with another type", spec: groups.FilterSpec{Included: []string{"AllRecipients", "MailUsers"}}, wantErr: &store.ValidationError{}},
		{name: "an unknown type", spec: groups.FilterSpec{Included: []string{"Robots"}}, wantErr: &store.ValidationError{}},
		{name: "too long", spec: groups.FilterSpec{IsCustom: true, Custom: "Department -eq '" + strings.Repeat("x", 2000) + "'"}, wantErr: &groups.FilterTooLongError{}},
	} {
		c := c
		t.Run(c.name, func(t *testing.T) {
			err := s.Update(func(tx *store.Tx) error {
				g := &groups.DynamicGroup{Name: "T " + c.name, Alias: "t" + strings.ReplaceAll(c.name, " ", ""), PrimarySmtpAddress: strings.ReplaceAll(c.name, " ", "") + "@contoso.com"}
				if err := groups.NewDynamic(tx, g, c.spec); err != nil {
					return err
				}
				if g.RecipientFilter != c.opath {
					t.Errorf("RecipientFilter\n got %s\nwant %s", g.RecipientFilter, c.opath)
				}
				if c.ldap != "" && g.LdapRecipientFilter != c.ldap {
					t.Errorf("LdapRecipientFilter\n got %s\nwant %s", g.LdapRecipientFilter, c.ldap)
				}
				if g.RecipientFilterType != c.filterType {
					t.Errorf("RecipientFilterType %s, want %s", g.RecipientFilterType, c.filterType)
				}
				return errRollback
			})
			switch want := c.wantErr.(type) {
			case nil:
				if !errors.Is(err, errRollback) {
					t.Fatalf("got %v", err)
				}
			case *groups.LeadingWildcardError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			case *groups.PrecannedNoTypeError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			case *groups.FilterTooLongError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			case *store.ValidationError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			}
		})
	}
}

var errRollback = errors.New("rollback")

// The member list follows the clock: empty until two hours after the
// group is created, then recalculated daily; a forced refresh needs an
// hour since the last one.
func TestDynamicMembershipOnTheClock(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	members := func(tx *store.Tx) int {
		g, ok, err := groups.GetDynamic(tx, guid)
		storetest.Must(t, err)
		if !ok {
			t.Fatal("group gone")
		}
		return len(g.Members)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		g := &groups.DynamicGroup{Name: "All mailboxes", Alias: "allmbx", PrimarySmtpAddress: "allmbx@contoso.com"}
		storetest.Must(t, groups.NewDynamic(tx, g, groups.FilterSpec{Included: []string{"MailboxUsers"}}))
		guid = g.Guid
		if n := members(tx); n != 0 {
			t.Errorf("members at creation: %d", n)
		}
		storetest.Must(t, tx.AdvanceBy(time.Hour+59*time.Minute))
		if n := members(tx); n != 0 {
			t.Errorf("members before two hours: %d", n)
		}
		storetest.Must(t, tx.AdvanceBy(time.Minute))
		if n := members(tx); n == 0 {
			t.Error("no members two hours after creation")
		}
		g, _, _ = groups.GetDynamic(tx, guid)
		var tooSoon *groups.RefreshTooSoonError
		if err := groups.ForceRefresh(tx, g); !errors.As(err, &tooSoon) {
			t.Errorf("a forced refresh at once: %v", err)
		}
		storetest.Must(t, tx.AdvanceBy(time.Hour+time.Second))
		g, _, _ = groups.GetDynamic(tx, guid)
		storetest.Must(t, groups.ForceRefresh(tx, g))
		storetest.Must(t, groups.SetDynamicFilter(tx, g, groups.FilterSpec{IsCustom: true, Custom: "Department -eq 'No such department'"}))
		storetest.Must(t, groups.PutDynamic(tx, g))
		if n := members(tx); n != 0 {
			t.Errorf("members right after a filter change: %d", n)
		}
		storetest.Must(t, tx.AdvanceBy(2*time.Hour))
		if n := members(tx); n != 0 {
			t.Errorf("members of a filter nobody matches: %d", n)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}
