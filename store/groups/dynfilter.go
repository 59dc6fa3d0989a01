package groups

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/opath"
)

// How Exchange stores a dynamic group's filter. The recipients asked for
// (a custom filter, or the precanned recipient types and conditions) are
// joined with -and to the system mailboxes no dynamic group reaches, and
// the whole is written back in Exchange's own layout: every operand of
// -and/-or in parentheses and the chain in parentheses again, -not
// directly followed by its parenthesized operand, values in single quotes,
// "-ne $null" for a property that must have a value. The same tree gives
// the LDAP form (LdapRecipientFilter).

// MaxRecipientFilter is the longest stored RecipientFilter.
const MaxRecipientFilter = 2048

// Precanned recipient types (WellKnownRecipientType), in the order
// Exchange lists them.
var wellKnownTypes = []string{"MailboxUsers", "Resources", "MailContacts", "MailGroups", "MailUsers", "AllRecipients"}

// ConditionProperties are the recipient properties of the precanned
// conditions (-ConditionalDepartment ...), in the order Exchange joins
// them; the recipient types come after them.
var ConditionProperties = []string{"Department", "Company", "StateOrProvince",
	"CustomAttribute1", "CustomAttribute2", "CustomAttribute3", "CustomAttribute4", "CustomAttribute5",
	"CustomAttribute6", "CustomAttribute7", "CustomAttribute8", "CustomAttribute9", "CustomAttribute10",
	"CustomAttribute11", "CustomAttribute12", "CustomAttribute13", "CustomAttribute14", "CustomAttribute15"}

func cmp(prop, value string) opath.Node {
	return opath.Node{Kind: opath.NodeCmp, Prop: prop, Op: opath.OpEq, Val: opath.Value{Kind: opath.ValString, Str: value}}
}

func not(n opath.Node) opath.Node { return opath.Node{Kind: opath.NodeNot, Kids: []opath.Node{n}} }

func and(ns ...opath.Node) opath.Node { return opath.Node{Kind: opath.NodeAnd, Kids: ns} }

func or(ns ...opath.Node) opath.Node { return opath.Node{Kind: opath.NodeOr, Kids: ns} }

func hasValue(prop string) opath.Node {
	return opath.Node{Kind: opath.NodeCmp, Prop: prop, Op: opath.OpNe, Val: opath.Value{Kind: opath.ValNull}}
}

// systemExclusions are the recipients no dynamic group reaches.
func systemExclusions() []opath.Node {
	out := []opath.Node{
		not(opath.Node{Kind: opath.NodeCmp, Prop: "Name", Op: opath.OpLike, Val: opath.Value{Kind: opath.ValString, Str: "SystemMailbox{*"}}),
		not(opath.Node{Kind: opath.NodeCmp, Prop: "Name", Op: opath.OpLike, Val: opath.Value{Kind: opath.ValString, Str: "CAS_{*"}}),
	}
	for _, t := range []string{"MailboxPlan", "DiscoveryMailbox", "PublicFolderMailbox", "ArbitrationMailbox", "AuditLogMailbox",
		"AuxAuditLogMailbox", "SupervisoryReviewPolicyMailbox", "GuestMailUser"} {
		out = append(out, not(cmp("RecipientTypeDetailsValue", t)))
	}
	return out
}

// typeFilter is the filter of one precanned recipient type.
func typeFilter(t string) opath.Node {
	switch t {
	case "AllRecipients":
		return hasValue("Alias")
	case "MailContacts":
		return cmp("RecipientType", "MailContact")
	case "MailUsers":
		return cmp("RecipientType", "MailUser")
	case "MailGroups":
		return or(cmp("RecipientType", "MailUniversalDistributionGroup"), cmp("RecipientType", "MailUniversalSecurityGroup"),
			cmp("RecipientType", "MailNonUniversalGroup"), cmp("RecipientType", "DynamicDistributionGroup"))
	case "Resources":
		return and(cmp("RecipientType", "UserMailbox"),
			opath.Node{Kind: opath.NodeCmp, Prop: "ResourceMetaData", Op: opath.OpLike, Val: opath.Value{Kind: opath.ValString, Str: "ResourceType:*"}},
			hasValue("ResourceSearchProperties"))
	}
	return cmp("RecipientType", "UserMailbox")
}

// NormalizeIncluded checks precanned recipient types and returns them by
// their names, in Exchange's order. AllRecipients goes alone.
func NormalizeIncluded(types []string) ([]string, error) {
	seen := map[string]bool{}
	for _, t := range types {
		for _, part := range strings.Split(t, ",") {
			part = strings.TrimSpace(part)
			if part == "" || strings.EqualFold(part, "None") {
				continue
			}
			found := false
			for _, w := range wellKnownTypes {
				if strings.EqualFold(w, part) {
					seen[w], found = true, true
				}
			}
			if !found {
				return nil, &store.ValidationError{Field: "IncludedRecipients", Message: fmt.Sprintf("Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Directory.Recipient.WellKnownRecipientType\". Valid values are %s.", part, strings.Join(append([]string{"None"}, wellKnownTypes...), ", "))}
			}
		}
	}
	var out []string
	for _, w := range wellKnownTypes {
		if seen[w] {
			out = append(out, w)
		}
	}
	if seen["AllRecipients"] && len(out) > 1 {
		return nil, &store.ValidationError{Field: "IncludedRecipients", Message: "AllRecipients can't be used with other recipient types."}
	}
	return out, nil
}

// PrecannedNoTypeError refuses precanned conditions without recipient
// types.
type PrecannedNoTypeError struct{}

func (e *PrecannedNoTypeError) Error() string {
	return "the IncludedRecipients parameter must be used with the Conditional parameters"
}

// precannedTree is the filter of precanned recipient types and conditions.
func precannedTree(included []string, conds map[string][]string) (opath.Node, error) {
	if len(included) == 0 {
		return opath.Node{}, &PrecannedNoTypeError{}
	}
	var types []opath.Node
	for _, t := range []string{"AllRecipients", "MailboxUsers", "MailContacts", "MailUsers", "MailGroups", "Resources"} {
		for _, i := range included {
			if i == t {
				types = append(types, typeFilter(t))
			}
		}
	}
	var parts []opath.Node
	for _, p := range ConditionProperties {
		vs := conds[p]
		switch len(vs) {
		case 0:
		case 1:
			parts = append(parts, cmp(p, vs[0]))
		default:
			var alts []opath.Node
			for _, v := range vs {
				alts = append(alts, cmp(p, v))
			}
			parts = append(parts, or(alts...))
		}
	}
	if len(types) > 1 {
		parts = append(parts, or(types...))
	} else {
		parts = append(parts, types[0])
	}
	if len(parts) == 1 {
		return parts[0], nil
	}
	return and(parts...), nil
}

// LeadingWildcardError refuses a -like value that starts with a wildcard,
// which Exchange Online does not evaluate in recipient filters.
type LeadingWildcardError struct{ Property, Value string }

func (e *LeadingWildcardError) Error() string {
	return fmt.Sprintf("the value '%s' of %s starts with a wildcard", e.Value, e.Property)
}

// FilterTooLongError refuses a filter whose stored form is longer than
// MaxRecipientFilter.
type FilterTooLongError struct{ Length int }

func (e *FilterTooLongError) Error() string {
	return fmt.Sprintf("the stored recipient filter would be %d characters long; at most %d are allowed", e.Length, MaxRecipientFilter)
}

// displayTypes are the values of RecipientDisplayType a filter may
// compare with.
var displayTypes = []string{"MailboxUser", "DistributionGroup", "PublicFolder", "DynamicDistributionGroup", "Organization",
	"PrivateDistributionList", "RemoteMailUser", "ConferenceRoomMailbox", "EquipmentMailbox", "ACLableMailboxUser",
	"SecurityDistributionGroup", "SyncedMailboxUser", "SyncedConferenceRoomMailbox", "SyncedEquipmentMailbox", "GroupMailboxUser"}

// displayType is the RecipientDisplayType of a recipient of that
// RecipientTypeDetails (nil: none the simulator tells).
func displayType(details string) any {
	switch details {
	case "RoomMailbox":
		return "ConferenceRoomMailbox"
	case "EquipmentMailbox":
		return "EquipmentMailbox"
	case "UserMailbox", "SharedMailbox":
		return "MailboxUser"
	case "MailUser", "MailContact", "GuestMailUser":
		return "RemoteMailUser"
	case "MailUniversalDistributionGroup", "RoomList":
		return "DistributionGroup"
	case "MailUniversalSecurityGroup":
		return "SecurityDistributionGroup"
	case "DynamicDistributionGroup":
		return "DynamicDistributionGroup"
	case "GroupMailbox":
		return "GroupMailboxUser"
	}
	return nil
}

// FilterSchema is what a recipient filter may name: the filterable
// recipient properties and the internal ones Exchange's stored filters
// use.
func FilterSchema() opath.Schema {
	return opath.RecipientSchema().With(
		opath.Property{Name: "RecipientTypeDetailsValue", Kind: opath.KindString},
		opath.Property{Name: "ResourceMetaData", Kind: opath.KindString},
		opath.Property{Name: "ResourceSearchProperties", Kind: opath.KindString},
		// the kind of recipient Outlook shows, which room lists filter on
		// (RecipientDisplayType -eq 'ConferenceRoomMailbox')
		opath.Property{Name: "RecipientDisplayType", Kind: opath.KindEnum, Type: "Microsoft.Exchange.Data.Directory.Recipient.RecipientDisplayType", Values: displayTypes})
}

// ParseFilter parses a recipient filter and checks the properties it
// names (the errors are opath's, for the parameter's binding message).
func ParseFilter(text string) (*opath.Filter, error) {
	f, err := opath.Parse(text)
	if err == nil {
		err = FilterSchema().Validate(f)
	}
	return f, err
}

// CustomTree parses a custom recipient filter and checks its leading
// wildcards; property names and enumeration values take the spelling of
// the recipient schema.
func CustomTree(text string) (opath.Node, error) {
	f, err := ParseFilter(text)
	if err != nil {
		return opath.Node{}, &store.ValidationError{Field: "RecipientFilter", Message: err.Error()}
	}
	schema := FilterSchema()
	var fix func(n opath.Node) (opath.Node, error)
	fix = func(n opath.Node) (opath.Node, error) {
		for i := range n.Kids {
			k, err := fix(n.Kids[i])
			if err != nil {
				return n, err
			}
			n.Kids[i] = k
		}
		if n.Kind != opath.NodeCmp && n.Kind != opath.NodeExists {
			return n, nil
		}
		p, ok := schema.Lookup(n.Prop)
		if ok {
			n.Prop = p.Name
			values := p.Values
			if lp := strings.ToLower(p.Name); lp == "recipienttype" || lp == "recipienttypedetails" {
				values = recipientTypeNames
			}
			for _, v := range values {
				if n.Val.Kind == opath.ValString && strings.EqualFold(v, n.Val.Str) {
					n.Val.Str = v
				}
			}
		}
		if (n.Op == opath.OpLike || n.Op == opath.OpNotLike) && strings.HasPrefix(n.Val.Str, "*") && n.Val.Str != "*" {
			return n, &LeadingWildcardError{Property: n.Prop, Value: n.Val.Str}
		}
		return n, nil
	}
	return fix(f.Tree())
}

// applyFilter sets a group's filter from spec: the stored OPATH and LDAP
// texts and what the filter was made of.
func applyFilter(g *DynamicGroup, spec FilterSpec) error { return buildFilter(g, spec, true) }

// buildFilter is applyFilter; exclude joins the system exclusions to the
// filter.
func buildFilter(g *DynamicGroup, spec FilterSpec, exclude bool) error {
	var tree opath.Node
	var err error
	if spec.IsCustom {
		tree, err = CustomTree(spec.Custom)
		g.RecipientFilterType, g.IncludedRecipients, g.Conditions = FilterCustom, nil, nil
	} else {
		var inc []string
		if inc, err = NormalizeIncluded(spec.Included); err == nil {
			tree, err = precannedTree(inc, spec.Conditions)
		}
		g.RecipientFilterType, g.IncludedRecipients = FilterPrecanned, inc
		g.Conditions = map[string][]string{}
		for k, v := range spec.Conditions {
			if len(v) > 0 {
				g.Conditions[k] = v
			}
		}
	}
	if err != nil {
		return err
	}
	full := tree
	if exclude {
		full = and(append([]opath.Node{tree}, systemExclusions()...)...)
	}
	text := Infix(full)
	if len(text) > MaxRecipientFilter {
		return &FilterTooLongError{Length: len(text)}
	}
	g.RecipientFilter, g.LdapRecipientFilter = text, LDAP(full)
	return nil
}

// Infix writes a filter tree the way Exchange stores an OPATH filter.
func Infix(n opath.Node) string {
	var b strings.Builder
	writeInfix(&b, n)
	return b.String()
}

func writeInfix(b *strings.Builder, n opath.Node) {
	switch n.Kind {
	case opath.NodeAnd, opath.NodeOr:
		op := " -and "
		if n.Kind == opath.NodeOr {
			op = " -or "
		}
		b.WriteByte('(')
		for i, k := range n.Kids {
			if i > 0 {
				b.WriteString(op)
			}
			b.WriteByte('(')
			writeInfix(b, k)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case opath.NodeNot:
		k := n.Kids[0]
		if k.Kind == opath.NodeCmp && k.Op == opath.OpNotLike {
			k.Op = opath.OpLike
			writeInfix(b, k)
			return
		}
		b.WriteString("-not(")
		writeInfix(b, k)
		b.WriteByte(')')
	case opath.NodeExists:
		b.WriteString(n.Prop + " -ne $null")
	case opath.NodeCmp:
		switch {
		case n.Val.Kind == opath.ValNull && n.Op == opath.OpEq:
			b.WriteString("-not(" + n.Prop + " -ne $null)")
		case n.Val.Kind == opath.ValNull:
			b.WriteString(n.Prop + " -ne $null")
		case n.Op == opath.OpNotLike:
			b.WriteString("-not(" + n.Prop + " -like " + quoted(n.Val) + ")")
		default:
			b.WriteString(n.Prop + " " + n.Op.String() + " " + quoted(n.Val))
		}
	}
}

// quoted is a value in single quotes (booleans as True or False).
func quoted(v opath.Value) string {
	s := v.Str
	if v.Kind == opath.ValBool {
		s = "False"
		if v.Bool {
			s = "True"
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// ldapAttributes are the directory attributes of recipient properties.
var ldapAttributes = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"name": "name", "alias": "mailNickname", "displayname": "displayName", "department": "department", "company": "company",
		"stateorprovince": "st", "city": "l", "office": "physicalDeliveryOfficeName", "title": "title", "firstname": "givenName",
		"lastname": "sn", "windowsemailaddress": "mail", "primarysmtpaddress": "mail", "emailaddresses": "proxyAddresses",
		"userprincipalname": "userPrincipalName", "countryorregion": "c", "postalcode": "postalCode", "manager": "manager",
		"hiddenfromaddresslistsenabled": "msExchHideFromAddressLists", "resourcemetadata": "msExchResourceMetaData",
		"resourcesearchproperties": "msExchResourceSearchProperties", "memberofgroup": "memberOf", "phone": "telephoneNumber",
		"notes": "info", "streetaddress": "streetAddress", "mobilephone": "mobile", "usagelocation": "msExchUsageLocation",
	}
}}

// recipientTypeDetailsValues are the directory values of recipient type
// details.
var recipientTypeDetailsValues = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"usermailbox": "1", "linkedmailbox": "2", "sharedmailbox": "4", "roommailbox": "16", "equipmentmailbox": "32",
		"mailcontact": "64", "mailuser": "128", "mailuniversaldistributiongroup": "256", "mailuniversalsecuritygroup": "1024",
		"dynamicdistributiongroup": "2048", "arbitrationmailbox": "8388608", "mailboxplan": "16777216", "discoverymailbox": "536870912",
		"publicfoldermailbox": "68719476736", "auditlogmailbox": "4398046511104", "groupmailbox": "549755813888",
		"guestmailuser": "35184372088832", "auxauditlogmailbox": "70368744177664", "supervisoryreviewpolicymailbox": "140737488355328",
	}
}}

// recipientTypeNames are the recipient types and type details a filter
// names, as Exchange spells them.
var recipientTypeNames = []string{"UserMailbox", "LinkedMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "MailContact",
	"MailUser", "GuestMailUser", "MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailNonUniversalGroup",
	"DynamicDistributionGroup", "GroupMailbox", "RoomList", "SchedulingMailbox", "TeamMailbox", "DiscoveryMailbox", "PublicFolder"}

// recipientTypeLDAP is the directory test of each recipient type.
var recipientTypeLDAP = lazy.Value[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		"usermailbox":                    {"(objectClass=user)", "(objectCategory=person)", "(mailNickname=*)", "(msExchHomeServerName=*)"},
		"mailuser":                       {"(objectClass=user)", "(objectCategory=person)", "(mailNickname=*)", "(!(msExchHomeServerName=*))"},
		"mailcontact":                    {"(objectClass=contact)", "(mailNickname=*)"},
		"mailuniversaldistributiongroup": {"(objectCategory=group)", "(groupType:1.2.840.113556.1.4.803:=8)", "(!(groupType:1.2.840.113556.1.4.803:=2147483648))", "(mailNickname=*)"},
		"mailuniversalsecuritygroup":     {"(objectCategory=group)", "(groupType:1.2.840.113556.1.4.803:=2147483656)", "(mailNickname=*)"},
		"mailnonuniversalgroup":          {"(objectCategory=group)", "(!(groupType:1.2.840.113556.1.4.803:=8))", "(mailNickname=*)"},
		"dynamicdistributiongroup":       {"(objectCategory=msExchDynamicDistributionList)", "(mailNickname=*)"},
	}
}}

// LDAP writes a filter tree as an LDAP filter: nested -and (and -or)
// chains are one list.
func LDAP(n opath.Node) string {
	parts := ldapParts(n, true)
	if len(parts) == 1 {
		return parts[0]
	}
	return "(&" + strings.Join(parts, "") + ")"
}

// ldapParts returns n's LDAP terms; inAnd says the terms join an -and
// list (a recipient type's several tests then stay unwrapped).
func ldapParts(n opath.Node, inAnd bool) []string {
	switch n.Kind {
	case opath.NodeAnd:
		var out []string
		for _, k := range n.Kids {
			out = append(out, ldapParts(k, true)...)
		}
		if inAnd {
			return out
		}
		return []string{"(&" + strings.Join(out, "") + ")"}
	case opath.NodeOr:
		var out []string
		for _, k := range n.Kids {
			if k.Kind == opath.NodeOr {
				out = append(out, strings.TrimSuffix(strings.TrimPrefix(ldapParts(k, false)[0], "(|"), ")"))
				continue
			}
			out = append(out, ldapOne(k))
		}
		return []string{"(|" + strings.Join(out, "") + ")"}
	case opath.NodeNot:
		return []string{"(!" + ldapOne(n.Kids[0]) + ")"}
	case opath.NodeExists:
		return []string{"(" + ldapAttr(n.Prop) + "=*)"}
	}
	lp := strings.ToLower(n.Prop)
	if lp == "recipienttype" && n.Op == opath.OpEq {
		if tests, ok := recipientTypeLDAP.Get()[strings.ToLower(n.Val.Str)]; ok {
			if inAnd {
				return tests
			}
			return []string{"(&" + strings.Join(tests, "") + ")"}
		}
	}
	attr, val := ldapAttr(n.Prop), ldapEscape(n.Val, n.Op == opath.OpLike || n.Op == opath.OpNotLike)
	if lp == "recipienttypedetails" || lp == "recipienttypedetailsvalue" {
		attr = "msExchRecipientTypeDetails"
		if v, ok := recipientTypeDetailsValues.Get()[strings.ToLower(n.Val.Str)]; ok {
			val = v
		}
	}
	if n.Val.Kind == opath.ValBool {
		val = "FALSE"
		if n.Val.Bool {
			val = "TRUE"
		}
	} else if attr == "msExchHideFromAddressLists" {
		val = strings.ToUpper(val)
	}
	switch {
	case n.Val.Kind == opath.ValNull && n.Op == opath.OpEq:
		return []string{"(!(" + attr + "=*))"}
	case n.Val.Kind == opath.ValNull:
		return []string{"(" + attr + "=*)"}
	}
	switch n.Op {
	case opath.OpNe, opath.OpNotLike:
		return []string{"(!(" + attr + "=" + val + "))"}
	case opath.OpGt:
		return []string{"(!(" + attr + "<=" + val + "))"}
	case opath.OpGe:
		return []string{"(" + attr + ">=" + val + ")"}
	case opath.OpLt:
		return []string{"(!(" + attr + ">=" + val + "))"}
	case opath.OpLe:
		return []string{"(" + attr + "<=" + val + ")"}
	}
	return []string{"(" + attr + "=" + val + ")"}
}

// ldapOne is one LDAP term for n.
func ldapOne(n opath.Node) string {
	parts := ldapParts(n, false)
	if len(parts) == 1 {
		return parts[0]
	}
	return "(&" + strings.Join(parts, "") + ")"
}

// ldapAttr is the directory attribute of a recipient property: the known
// ones by table, CustomAttributeN as extensionAttributeN, any other by
// its own name.
func ldapAttr(prop string) string {
	lp := strings.ToLower(prop)
	if a, ok := ldapAttributes.Get()[lp]; ok {
		return a
	}
	if strings.HasPrefix(lp, "customattribute") {
		return "extensionAttribute" + prop[len("customattribute"):]
	}
	if strings.HasPrefix(lp, "extensioncustomattribute") {
		return "msExchExtensionCustomAttribute" + prop[len("extensioncustomattribute"):]
	}
	if prop == "" {
		return prop
	}
	return strings.ToLower(prop[:1]) + prop[1:]
}

// ldapEscape is a value as LDAP writes it: parentheses and backslashes
// escaped, and * too unless it is a wildcard.
func ldapEscape(v opath.Value, wild bool) string {
	s := v.Str
	r := strings.NewReplacer(`\`, `\5c`, `(`, `\28`, `)`, `\29`)
	s = r.Replace(s)
	if !wild {
		s = strings.ReplaceAll(s, "*", `\2a`)
	}
	return s
}

// StoredFilter is a recipient filter as Exchange stores it for the other
// objects a recipient filter selects for (address lists, global address
// lists): the texts and parts a dynamic group keeps, in a group value
// that is not stored, but without the system mailboxes a dynamic group's
// filter leaves out (Exchange Online shows an address list's filter as
// it was given, in its own layout).
func StoredFilter(spec FilterSpec) (*DynamicGroup, error) {
	g := &DynamicGroup{}
	if err := buildFilter(g, spec, false); err != nil {
		return nil, err
	}
	// a filter of one comparison is in parentheses too, as every operand
	// of a chain is
	if !strings.HasPrefix(g.RecipientFilter, "(") {
		g.RecipientFilter = "(" + g.RecipientFilter + ")"
	}
	return g, nil
}
