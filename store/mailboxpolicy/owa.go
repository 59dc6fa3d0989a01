package mailboxpolicy

import (
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// OwaDefaultName is the name of the built-in Outlook on the web mailbox
// policy of an Exchange Online organization.
const OwaDefaultName = "OwaMailboxPolicy-Default"

// OwaPolicy is one Outlook on the web mailbox policy: which features of
// Outlook on the web (and of the new Outlook) its mailboxes have.
type OwaPolicy struct {
	Guid      string `json:"guid"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault,omitempty"`
	// Values are the single-valued settings (OwaSettings) that differ
	// from a new policy's, by setting name, as text: True or False, a
	// number, an enumeration's value; "" is no value.
	Values map[string]string `json:"values,omitempty"`
	// Lists are the list settings that differ from a new policy's.
	Lists       map[string][]string `json:"lists,omitempty"`
	WhenCreated time.Time           `json:"whenCreated"`
	WhenChanged time.Time           `json:"whenChanged"`
}

// Head shows the fields a policyset.Set handles.
func (p *OwaPolicy) Head() policyset.Head {
	return policyset.Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.IsDefault, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// Value is the policy's value of the single-valued setting s.
func (p *OwaPolicy) Value(s *Setting) string {
	if v, ok := p.Values[s.Name]; ok {
		return v
	}
	return s.Default
}

// List is the policy's value of the list setting s.
func (p *OwaPolicy) List(s *Setting) []string {
	if v, ok := p.Lists[s.Name]; ok {
		return v
	}
	return s.Defaults
}

// SetValue sets the single-valued setting s to v (see Values).
func (p *OwaPolicy) SetValue(s *Setting, v string) {
	if v == s.Default {
		delete(p.Values, s.Name)
		return
	}
	if p.Values == nil {
		p.Values = map[string]string{}
	}
	p.Values[s.Name] = v
}

// SetList sets the list setting s to v.
func (p *OwaPolicy) SetList(s *Setting, v []string) {
	if strings.Join(v, "\n") == strings.Join(s.Defaults, "\n") {
		delete(p.Lists, s.Name)
		return
	}
	if p.Lists == nil {
		p.Lists = map[string][]string{}
	}
	p.Lists[s.Name] = append([]string{}, v...)
}

// Same reports whether the policies have the same name, role and
// settings.
func (p *OwaPolicy) Same(o *OwaPolicy) bool {
	if p.Name != o.Name || p.IsDefault != o.IsDefault || len(p.Values) != len(o.Values) || len(p.Lists) != len(o.Lists) {
		return false
	}
	for k, v := range p.Values {
		if w, ok := o.Values[k]; !ok || w != v {
			return false
		}
	}
	for k, v := range p.Lists {
		if w, ok := o.Lists[k]; !ok || strings.Join(w, "\n") != strings.Join(v, "\n") {
			return false
		}
	}
	return true
}

// Clone returns a copy of the policy that shares nothing with it.
func (p *OwaPolicy) Clone() *OwaPolicy {
	c := *p
	c.Values, c.Lists = nil, nil
	for k, v := range p.Values {
		if c.Values == nil {
			c.Values = map[string]string{}
		}
		c.Values[k] = v
	}
	for k, v := range p.Lists {
		if c.Lists == nil {
			c.Lists = map[string][]string{}
		}
		c.Lists[k] = append([]string{}, v...)
	}
	return &c
}

var owaKind = store.DefineKind(store.KindSpec[OwaPolicy]{Bucket: "owaMailboxPolicies", Name: "owaMailboxPolicy",
	Noun: "Outlook on the web mailbox policy", CreatedOnWrite: true})

func owaKindOf() *store.Kind[OwaPolicy] { return owaKind }

// OwaDefaults returns the built-in Outlook on the web mailbox policy as
// Exchange Online creates it with the organization: the default one.
func OwaDefaults(org *directory.Organization) *OwaPolicy {
	return &OwaPolicy{Guid: store.DerivedGuid("owa-mailbox-policy\x00" + org.Guid + "\x00" + OwaDefaultName), Name: OwaDefaultName,
		IsDefault: true, WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}
}

// OwaPolicies are the organization's Outlook on the web mailbox
// policies (Set-CASMailbox -OwaMailboxPolicy links a mailbox to one).
var OwaPolicies = &Family[OwaPolicy, *OwaPolicy]{
	Set:  policyset.Set[OwaPolicy, *OwaPolicy]{Kind: owaKindOf, Defaults: OwaDefaults, Finding: "owaMailboxPolicy", Defaulted: "default Outlook on the web mailbox policies"},
	Link: func(l *Links) *string { return &l.Owa },
	Noun: "Outlook on the web mailbox policy",
}

// checkOwa reports the settings of a policy Exchange would not keep.
func checkOwa(p *OwaPolicy, bad func(format string, args ...any)) {
	for name, v := range p.Values {
		s := OwaSetting(name)
		if s == nil || s.Kind == List {
			bad("%s is no single-valued setting", name)
			continue
		}
		if !s.Takes(v) {
			bad("%s %q is not a value it takes", name, v)
		}
	}
	for name := range p.Lists {
		if s := OwaSetting(name); s == nil || s.Kind != List {
			bad("%s is no list setting", name)
		}
	}
}

// Kind is how a setting's value is read and kept.
type Kind int

// The kinds of settings.
const (
	// Bool is True or False ("" while unset).
	Bool Kind = iota
	// Int is an Int32.
	Int
	// Text is a string ("" shown as no value).
	Text
	// Enum is one of the setting's Values.
	Enum
	// List is a list of strings (MultiValuedProperty or String[]).
	List
	// IsDefault stands for the policy's IsDefault flag: where the output
	// shows it among the settings.
	IsDefault
)

// Setting is one setting of a mailbox policy, in the order Get shows
// them.
type Setting struct {
	// Name is its parameter's and property's name.
	Name string
	Kind Kind
	// Default is a single-valued setting's value on a new policy;
	// Defaults a list's.
	Default  string
	Defaults []string
	// Values are an Enum's values; Enum the name of its enumeration.
	Values []string
	Enum   string
	// Fixed settings are shown but not set by the Set cmdlet of Exchange
	// Online (on-premises parameters, or read-only properties).
	Fixed bool
	// Property is the property's name where it is spelt otherwise than
	// its parameter.
	Property string
}

// Shown is the name of the setting's property.
func (s *Setting) Shown() string {
	if s.Property != "" {
		return s.Property
	}
	return s.Name
}

// Canonical returns v as the setting keeps it: an enumeration's value as
// spelt, matched without regard to case; ok is false for a value it does
// not take.
func (s *Setting) Canonical(v string) (string, bool) {
	switch s.Kind {
	case Bool:
		switch {
		case strings.EqualFold(v, "true"):
			return "True", true
		case strings.EqualFold(v, "false"):
			return "False", true
		}
		return "", v == ""
	case Int:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return "", false
		}
		return strconv.Itoa(n), true
	case Enum:
		for _, x := range s.Values {
			if strings.EqualFold(x, strings.TrimSpace(v)) {
				return x, true
			}
		}
		return "", false
	}
	return v, true
}

// Takes reports whether v is a value the setting keeps, spelt as kept.
func (s *Setting) Takes(v string) bool {
	c, ok := s.Canonical(v)
	return ok && c == v
}

// OwaSetting returns the Outlook on the web mailbox policy setting of
// that name (any case), or nil.
func OwaSetting(name string) *Setting {
	for i := range OwaSettings {
		if strings.EqualFold(OwaSettings[i].Name, name) {
			return &OwaSettings[i]
		}
	}
	return nil
}
