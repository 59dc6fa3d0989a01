package antispam

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Quarantine is one quarantine policy (QuarantineTag): what users may do
// with their quarantined messages and whether they are notified of them.
// The global one, DefaultGlobalTag, holds the organization's quarantine
// notification settings instead.
type Quarantine struct {
	Guid             string `json:"guid"`
	Name             string `json:"name"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`
	// Global marks DefaultGlobalTag (QuarantinePolicyType
	// GlobalQuarantinePolicy).
	Global bool `json:"global,omitempty"`
	// Permissions are the end users' permissions, a bit each (see
	// Permissions).
	Permissions int  `json:"endUserQuarantinePermissionsValue"`
	ESNEnabled  bool `json:"esnEnabled,omitempty"`

	IncludeMessagesFromBlockedSenderAddress bool     `json:"includeMessagesFromBlockedSenderAddress,omitempty"`
	AdminNotificationsEnabled               bool     `json:"adminNotificationsEnabled,omitempty"`
	AdminNotificationFrequencyInDays        int      `json:"adminNotificationFrequencyInDays,omitempty"`
	AdminNotificationLanguage               string   `json:"adminNotificationLanguage"`
	AdminQuarantinePermissionsList          []string `json:"adminQuarantinePermissionsList,omitempty"`
	CustomDisclaimer                        string   `json:"customDisclaimer,omitempty"`
	// The global notification settings: sender, frequency, the texts of
	// each language (MultiLanguageSetting, and in the same order the
	// disclaimers, sender names and subjects), the organization's branding.
	EndUserSpamNotificationCustomFromAddress string        `json:"endUserSpamNotificationCustomFromAddress,omitempty"`
	EndUserSpamNotificationFrequency         time.Duration `json:"endUserSpamNotificationFrequency"`
	EndUserSpamNotificationFrequencyInDays   int           `json:"endUserSpamNotificationFrequencyInDays"`
	EndUserSpamNotificationLanguage          string        `json:"endUserSpamNotificationLanguage"`
	MultiLanguageSetting                     []string      `json:"multiLanguageSetting,omitempty"`
	MultiLanguageCustomDisclaimer            []string      `json:"multiLanguageCustomDisclaimer,omitempty"`
	MultiLanguageSenderName                  []string      `json:"multiLanguageSenderName,omitempty"`
	EsnCustomSubject                         []string      `json:"esnCustomSubject,omitempty"`
	OrganizationBrandingEnabled              bool          `json:"organizationBrandingEnabled,omitempty"`
	QuarantineRetentionDays                  int           `json:"quarantineRetentionDays"`

	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// Permissions are the end-user quarantine permissions, from the highest
// bit of EndUserQuarantinePermissionsValue (128) to the lowest (1).
var Permissions = []string{"PermissionToViewHeader", "PermissionToDownload", "PermissionToAllowSender", "PermissionToBlockSender",
	"PermissionToRequestRelease", "PermissionToRelease", "PermissionToPreview", "PermissionToDelete"}

// The preset end-user permission groups and the names and limits of
// quarantine policies.
const (
	NoAccess, LimitedAccess, FullAccess = 0, 43, 39
	// GlobalName is the name of the global quarantine policy.
	GlobalName = "DefaultGlobalTag"
	// MaxPermissions is the largest EndUserQuarantinePermissionsValue.
	MaxPermissions = 255
	// MinQuarantineDays..MaxQuarantineDays bound QuarantineRetentionDays.
	MinQuarantineDays, MaxQuarantineDays = 1, 30
	// ReleaseBits are PermissionToRequestRelease and PermissionToRelease,
	// which a policy can't both grant.
	ReleaseBits = 8 | 4
)

// NotificationFrequencies are the values EndUserSpamNotificationFrequency
// takes: 4 hours, a day, a week.
var NotificationFrequencies = []time.Duration{4 * time.Hour, 24 * time.Hour, 7 * 24 * time.Hour}

// builtIn describes a built-in quarantine policy: its permissions and
// notifications, and whether it can be changed or removed.
type builtIn struct {
	name                string
	permissions         int
	notify              bool
	changeable, removed bool
}

// builtIns are the built-in quarantine policies, the global one last.
var builtIns = []builtIn{
	{name: "AdminOnlyAccessPolicy", permissions: NoAccess},
	{name: "DefaultFullAccessPolicy", permissions: FullAccess},
	{name: "DefaultFullAccessWithNotificationPolicy", permissions: FullAccess, notify: true, removed: true},
	{name: "NotificationEnabledPolicy", permissions: FullAccess, notify: true, changeable: true, removed: true},
	{name: GlobalName, changeable: true},
}

// BuiltIn reports whether name is a built-in quarantine policy's, and
// whether that policy can be changed and removed.
func BuiltIn(name string) (ok, changeable, removable bool) {
	for _, b := range builtIns {
		if strings.EqualFold(b.name, name) {
			return true, b.changeable, b.removed
		}
	}
	return false, true, true
}

// NewQuarantine returns a quarantine policy with the settings
// New-QuarantinePolicy gives it: no access, no notifications.
func NewQuarantine(name string) *Quarantine {
	return &Quarantine{Name: name, Permissions: NoAccess, AdminNotificationLanguage: "Default", EndUserSpamNotificationLanguage: "Default",
		EndUserSpamNotificationFrequency: 4 * time.Hour, EndUserSpamNotificationFrequencyInDays: 3, QuarantineRetentionDays: MaxQuarantineDays}
}

// quarantineDefaults returns the built-in quarantine policies as Exchange
// Online creates them with the organization.
func quarantineDefaults(org *directory.Organization) []*Quarantine {
	var out []*Quarantine
	for _, b := range builtIns {
		q := NewQuarantine(b.name)
		q.Guid = store.DerivedGuid("quarantine-policy\x00" + org.Guid + "\x00" + b.name)
		q.Permissions, q.ESNEnabled, q.Global = b.permissions, b.notify, b.name == GlobalName
		q.WhenCreated, q.WhenChanged = org.WhenCreated, org.WhenCreated
		out = append(out, q)
	}
	return out
}

var quarantineKind = store.DefineKind(store.KindSpec[Quarantine]{Bucket: "quarantinePolicies", Name: "quarantinePolicy",
	Noun: "quarantine policy", CreatedOnWrite: true})

// Quarantines returns the quarantine policies, the global one included,
// in the order Exchange lists them: the built-in ones, then those
// administrators created, by creation. The tenant keeps no record of
// them until they are first written; from then on every one has its
// record.
func Quarantines(tx *store.Tx) ([]*Quarantine, error) {
	stored, err := quarantineKind.List(tx)
	if err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		return quarantineDefaults(org), nil
	}
	sort.SliceStable(stored, func(i, j int) bool {
		if !stored[i].WhenCreated.Equal(stored[j].WhenCreated) {
			return stored[i].WhenCreated.Before(stored[j].WhenCreated)
		}
		return builtInRank(stored[i].Name) < builtInRank(stored[j].Name)
	})
	return stored, nil
}

// builtInRank is a policy's place among the built-in ones (past them for
// another policy).
func builtInRank(name string) int {
	for i, b := range builtIns {
		if b.name == name {
			return i
		}
	}
	return len(builtIns)
}

// FindQuarantine returns the quarantine policy (not the global one) a
// filter policy's quarantine action names by id, its name or GUID
// matched without regard to case, or nil.
func FindQuarantine(tx *store.Tx, id string) (*Quarantine, error) {
	all, err := Quarantines(tx)
	if err != nil {
		return nil, err
	}
	for _, q := range all {
		if !q.Global && (strings.EqualFold(q.Name, id) || strings.EqualFold(q.Guid, id)) {
			return q, nil
		}
	}
	return nil, nil
}

// materializeQuarantines stores the built-in policies when the tenant
// keeps none yet.
func materializeQuarantines(tx *store.Tx) ([]*Quarantine, error) {
	all, err := Quarantines(tx)
	if err != nil {
		return nil, err
	}
	if !quarantineKind.Any(tx) {
		for _, q := range all {
			if err := quarantineKind.Put(tx, key(q.Guid), q); err != nil {
				return nil, err
			}
		}
	}
	return all, nil
}

// Errors of the changes the rules of quarantine policies refuse.
const (
	// ErrBuiltInUnchangeable: the built-in policy can't be changed.
	ErrBuiltInUnchangeable = ruleError("the built-in quarantine policy can't be changed")
	// ErrBuiltInUnremovable: the built-in policy can't be removed.
	ErrBuiltInUnremovable = ruleError("the built-in quarantine policy can't be removed")
	// ErrBothReleases: PermissionToRelease and PermissionToRequestRelease
	// together.
	ErrBothReleases = ruleError("release and request release together")
)

// QuarantineInUseError is a quarantine policy a filter policy's
// quarantine action still names.
type QuarantineInUseError struct{ Policy, User string }

func (e *QuarantineInUseError) Error() string {
	return fmt.Sprintf("quarantine policy %s is used by %s", e.Policy, e.User)
}

// CreateQuarantine adds a quarantine policy; its name must be new.
func CreateQuarantine(tx *store.Tx, q *Quarantine) error {
	all, err := materializeQuarantines(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if strings.EqualFold(o.Name, q.Name) {
			return &NameInUseError{Name: q.Name}
		}
	}
	if q.Permissions&ReleaseBits == ReleaseBits {
		return ErrBothReleases
	}
	q.Guid = tx.NewGuid()
	q.Global = false
	q.WhenCreated = tx.Now()
	q.WhenChanged = q.WhenCreated
	return quarantineKind.Put(tx, key(q.Guid), q)
}

// PutQuarantine stores a changed quarantine policy; the built-in ones
// but NotificationEnabledPolicy and the global one stay as they are.
func PutQuarantine(tx *store.Tx, q *Quarantine) error {
	if _, changeable, _ := BuiltIn(q.Name); !changeable {
		return ErrBuiltInUnchangeable
	}
	if q.Permissions&ReleaseBits == ReleaseBits {
		return ErrBothReleases
	}
	if _, err := materializeQuarantines(tx); err != nil {
		return err
	}
	q.WhenChanged = tx.Now()
	return quarantineKind.Put(tx, key(q.Guid), q)
}

// RemoveQuarantine removes a quarantine policy no filter policy's
// quarantine action, nor a policy of another area, names; AdminOnlyAccessPolicy, DefaultFullAccessPolicy
// and the global one stay.
func RemoveQuarantine(tx *store.Tx, q *Quarantine) error {
	if _, _, removable := BuiltIn(q.Name); !removable {
		return ErrBuiltInUnremovable
	}
	if user, err := quarantineUser(tx, q.Name); err != nil {
		return err
	} else if user != "" {
		return &QuarantineInUseError{Policy: q.Name, User: user}
	}
	if _, err := materializeQuarantines(tx); err != nil {
		return err
	}
	_, err := quarantineKind.Delete(tx, key(q.Guid))
	return err
}

// quarantineUser names a filter policy one of whose quarantine actions
// uses the quarantine policy named name, or is "".
func quarantineUser(tx *store.Tx, name string) (string, error) {
	user := ""
	err := eachQuarantineTag(tx, func(_, policy, tag string) {
		if user == "" && strings.EqualFold(tag, name) {
			user = policy
		}
	})
	return user, err
}

// checkQuarantines reports stored quarantine policies that break the
// rules above: names shared, no global one or several, permissions out
// of range or granting both releases, and filter policies whose
// quarantine actions name a policy that is not there.
func checkQuarantines(tx *store.Tx, report func(store.Finding)) error {
	stored, err := quarantineKind.List(tx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	globals := 0
	for _, q := range stored {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "quarantinePolicy", Key: q.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if q.Global {
			globals++
		}
		if q.Name == "" || len([]rune(q.Name)) > MaxNameLength {
			bad("name %q is empty or longer than %d characters", q.Name, MaxNameLength)
		}
		if other, dup := names[strings.ToLower(q.Name)]; dup {
			bad("name %s is also the name of %s", q.Name, other)
		}
		names[strings.ToLower(q.Name)] = q.Guid
		if q.Permissions < 0 || q.Permissions > MaxPermissions || q.Permissions&ReleaseBits == ReleaseBits {
			bad("EndUserQuarantinePermissionsValue %d is not one a policy takes", q.Permissions)
		}
	}
	if len(stored) > 0 && globals != 1 {
		report(store.Finding{Kind: "quarantinePolicy", Message: fmt.Sprintf("%d global quarantine policies; exactly one", globals)})
	}
	if _, err := directory.GetOrganization(tx); err != nil {
		// a tenant without its organization is the organization check's
		// finding
		return nil
	}
	all, err := Quarantines(tx)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, q := range all {
		if !q.Global {
			exists[strings.ToLower(q.Name)] = true
		}
	}
	return eachQuarantineTag(tx, func(kind, policy, tag string) {
		if !exists[strings.ToLower(tag)] {
			report(store.Finding{Kind: kind, Key: policy, Message: fmt.Sprintf("quarantine policy %q is not there", tag)})
		}
	})
}

// QuarantineUsers is the hook of the other areas whose policies name
// quarantine policies (a Safe Attachments policy's QuarantineTag): each
// function calls fn with every quarantine policy one of its policies
// names, and that policy's kind and name. A quarantine policy such a
// policy names stays, as one a filter policy names does.
var QuarantineUsers = store.NewHook[func(tx *store.Tx, fn func(kind, policy, tag string)) error]("quarantine policy users")

// eachQuarantineTag calls fn with each quarantine policy a filter
// policy's quarantine action, or a policy of another area
// (QuarantineUsers), names, and the kind and name of that policy.
func eachQuarantineTag(tx *store.Tx, fn func(kind, policy, tag string)) error {
	spam, err := ContentFilter.List(tx)
	if err != nil {
		return err
	}
	for _, p := range spam {
		for _, t := range []string{p.SpamQuarantineTag, p.HighConfidenceSpamQuarantineTag, p.PhishQuarantineTag, p.HighConfidencePhishQuarantineTag, p.BulkQuarantineTag} {
			fn("hostedContentFilterPolicy", p.Name, t)
		}
	}
	phish, err := AntiPhishPolicies.List(tx)
	if err != nil {
		return err
	}
	for _, p := range phish {
		for _, t := range []string{p.SpoofQuarantineTag, p.TargetedUserQuarantineTag, p.TargetedDomainQuarantineTag, p.MailboxIntelligenceQuarantineTag} {
			fn("antiPhishPolicy", p.Name, t)
		}
	}
	malware, err := MalwarePolicies.List(tx)
	if err != nil {
		return err
	}
	for _, p := range malware {
		fn("malwareFilterPolicy", p.Name, p.QuarantineTag)
	}
	for _, users := range QuarantineUsers.Funcs(tx) {
		if err := users(tx, fn); err != nil {
			return err
		}
	}
	return nil
}
