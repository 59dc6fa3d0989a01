package holds

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// CaseMembers returns the members of a case (UPNs): the ones set, or its
// creator when they never were.
func CaseMembers(c *ComplianceCase) []string {
	if c.MembersSet {
		return append([]string(nil), c.Members...)
	}
	if c.CreatedBy == "" {
		return nil
	}
	return []string{c.CreatedBy}
}

// MemberExistsError: the user is already a member of the case.
type MemberExistsError struct{ Case, Member string }

func (e *MemberExistsError) Error() string { return e.Member + " is a member of " + e.Case }

// NotMemberError: the user isn't a member of the case.
type NotMemberError struct{ Case, Member string }

func (e *NotMemberError) Error() string { return e.Member + " isn't a member of " + e.Case }

// ChangeCaseMembers adds (add) or removes a member (a UPN) of a case; a
// member added twice or a non-member removed is refused.
func ChangeCaseMembers(tx *store.Tx, caseName, upn string, add bool, actor string) error {
	c, err := FindComplianceCase(tx, caseName)
	if err != nil {
		return err
	}
	members := CaseMembers(c)
	at := -1
	for i, m := range members {
		if strings.EqualFold(m, upn) {
			at = i
		}
	}
	switch {
	case add && at >= 0:
		return &MemberExistsError{Case: c.Name, Member: upn}
	case !add && at < 0:
		return &NotMemberError{Case: c.Name, Member: upn}
	case add:
		members = append(members, upn)
	default:
		members = append(members[:at], members[at+1:]...)
	}
	return SetCaseMembers(tx, c, members, actor)
}

// SetCaseMembers replaces the members of a case.
func SetCaseMembers(tx *store.Tx, c *ComplianceCase, members []string, actor string) error {
	c.Members, c.MembersSet = members, true
	c.WhenChanged, c.LastModifiedBy = tx.Now(), actor
	return PutComplianceCase(tx, c)
}
