package pubfolders

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mailsettings"
)

// The public folder hierarchy. Its root (\, the IPM_SUBTREE) is not a
// record: every tenant has it once a public folder mailbox exists. Each
// folder below it is one record, keyed by its EntryId, naming its parent
// by EntryId ("" for a folder at the top of the hierarchy) and the
// public folder mailbox that holds its content. Names are unique among a
// folder's siblings, without regard to case, and hold no backslash: the
// backslash separates the names of a path (\Sales\Reports).

// MaxNameLength is the longest name a public folder can have.
const MaxNameLength = 255

// entryIDPrefix starts every EntryId: the store's provider identifier of
// public folders, as folder EntryIds of the public folder store begin.
const entryIDPrefix = "000000001A447390AA6611CD9BC800AA002FC45A0300"

// Holders of the two client permission entries every folder has.
const (
	HolderDefault   = "Default"
	HolderAnonymous = "Anonymous"
)

// Permission is one entry of a folder's client permissions: its holder
// (Default, Anonymous, or a user's or group's directory object ID, Kind
// saying which) and the folder rights it has, as bits of
// store/folderperms' rights values. Whether a holder still resolves is
// decided when the entry is read.
type Permission struct {
	Holder string `json:"holder"`
	Kind   string `json:"kind,omitempty"`
	Rights int    `json:"rights"`
}

// Entry returns the index of holder's entry in f's client permissions,
// or -1.
func (f *Folder) Entry(holder string) int {
	for i, p := range f.Permissions {
		if strings.EqualFold(p.Holder, holder) {
			return i
		}
	}
	return -1
}

// Folder is one public folder.
type Folder struct {
	EntryID  string `json:"entryId"`
	ParentID string `json:"parentId,omitempty"`
	Name     string `json:"name"`
	// ContentMailbox is the Guid of the public folder mailbox holding the
	// folder's content.
	ContentMailbox string `json:"contentMailbox"`
	MailEnabled    bool   `json:"mailEnabled,omitempty"`
	// MailRecipientGuid is the Guid of the folder's mail recipient, kept
	// as Set-PublicFolder -MailRecipientGuid gives it.
	MailRecipientGuid string `json:"mailRecipientGuid,omitempty"`
	// PerUserReadStateDisabled is PerUserReadStateEnabled turned off (on
	// by default).
	PerUserReadStateDisabled bool `json:"perUserReadStateDisabled,omitempty"`
	// EformsLocaleID is a culture name ("" none).
	EformsLocaleID string `json:"eformsLocaleId,omitempty"`
	// AgeLimit and RetainDeletedItemsFor are 0 when not set.
	AgeLimit              time.Duration `json:"ageLimit,omitempty"`
	RetainDeletedItemsFor time.Duration `json:"retainDeletedItemsFor,omitempty"`
	// The quotas are 0 when not set (the mailbox's own, shown as
	// Unlimited), else a directory.Quota.
	IssueWarningQuota directory.Quota `json:"issueWarningQuota,omitempty"`
	ProhibitPostQuota directory.Quota `json:"prohibitPostQuota,omitempty"`
	MaxItemSize       directory.Quota `json:"maxItemSize,omitempty"`
	// Mail is the folder's mail recipient while it is mail-enabled
	// (Enable-MailPublicFolder), nil otherwise.
	Mail *MailRecipient `json:"mail,omitempty"`
	// Permissions are the client permissions, Default and Anonymous
	// first, then in the order they were added.
	Permissions []Permission `json:"permissions"`
	WhenCreated time.Time    `json:"whenCreated"`
	WhenChanged time.Time    `json:"whenChanged"`
}

var folders = store.DefineKind(store.KindSpec[Folder]{Bucket: "publicFolders", Name: "publicFolder", Noun: "public folder", CreatedOnWrite: true})

// MailRecipient is the directory recipient of a mail-enabled public
// folder: its Guid, alias and primary address, unique among the tenant's
// recipients, and whether it is hidden from the address lists. Its name
// and display name are the folder's name until Set-MailPublicFolder gives
// it others; its proxy addresses are its primary address alone until it
// is given more. Its other settings (custom attributes, delivery
// restrictions, moderation ...) are kept by parameter name.
type MailRecipient struct {
	Guid               string `json:"guid"`
	Alias              string `json:"alias"`
	PrimarySmtpAddress string `json:"primarySmtpAddress"`
	Hidden             bool   `json:"hidden,omitempty"`
	Name               string `json:"name,omitempty"`
	DisplayName        string `json:"displayName,omitempty"`
	// EmailAddresses are the proxy addresses with their prefixes, the
	// primary one as SMTP:; nil means SMTP:PrimarySmtpAddress alone.
	EmailAddresses []string `json:"emailAddresses,omitempty"`
	mailsettings.Settings
}

// RecipientName is the name of f's mail recipient.
func (f *Folder) RecipientName() string {
	if f.Mail != nil && f.Mail.Name != "" {
		return f.Mail.Name
	}
	return f.Name
}

// RecipientDisplayName is the display name of f's mail recipient.
func (f *Folder) RecipientDisplayName() string {
	if f.Mail != nil && f.Mail.DisplayName != "" {
		return f.Mail.DisplayName
	}
	return f.Name
}

// Addresses are the proxy addresses of a mail recipient, the primary one
// (SMTP:) among them.
func (m *MailRecipient) Addresses() []string {
	if len(m.EmailAddresses) == 0 {
		return []string{"SMTP:" + m.PrimarySmtpAddress}
	}
	return m.EmailAddresses
}

// Register adds the public folders to s: their kind, the aliases and
// addresses of mail-enabled folders among the recipient names, and the
// check of the hierarchy.
func Register(s *store.Schema) {
	folders.Register(s)
	directory.NameHolders.Add(s, nameHolder)
	s.AddCheck("public-folders", check)
}

// nameHolder finds the mail-enabled folder, other than the recipient
// self, whose alias or primary address is value (directory.NameHolders).
func nameHolder(tx *store.Tx, self, prop, value string) (string, error) {
	if prop != "Alias" && prop != "PrimarySmtpAddress" {
		return "", nil
	}
	holder := ""
	err := folders.ForEach(tx, "", func(key string, f *Folder) error {
		if f.Mail == nil || strings.EqualFold(f.Mail.Guid, self) {
			return nil
		}
		held := []string{f.Mail.Alias}
		if prop == "PrimarySmtpAddress" {
			// every SMTP proxy address of the folder is taken
			held = nil
			for _, a := range f.Mail.Addresses() {
				if i := strings.IndexByte(a, ':'); i >= 0 && strings.EqualFold(a[:i], "smtp") {
					held = append(held, a[i+1:])
				}
			}
		}
		for _, h := range held {
			if strings.EqualFold(h, value) {
				holder = f.RecipientName()
				return store.ErrStop
			}
		}
		return nil
	})
	return holder, err
}

// MailEnable makes f a mail recipient: its alias comes from its name (a
// number appended while another recipient holds it), its address is the
// alias at the organization's default domain.
func MailEnable(tx *store.Tx, h *Hierarchy, f *Folder, hidden bool) error {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	guid := tx.NewGuid()
	base := directory.AliasFrom(strings.ReplaceAll(f.Name, " ", ""))
	if base == "" {
		base = "PublicFolder"
	}
	for n := 0; ; n++ {
		alias := base
		if n > 0 {
			alias = fmt.Sprintf("%s%d", base, n)
		}
		smtp := alias + "@" + o.DefaultDomain
		err := directory.CheckRecipientNames(tx, guid, "", alias, smtp)
		var dup *store.DuplicateError
		if errors.As(err, &dup) && n < 1000 {
			continue
		}
		if err != nil {
			return err
		}
		f.Mail = &MailRecipient{Guid: guid, Alias: alias, PrimarySmtpAddress: smtp, Hidden: hidden}
		break
	}
	f.MailEnabled, f.MailRecipientGuid = true, guid
	return Update(tx, h, f)
}

// MailDisable takes f's mail recipient away.
func MailDisable(tx *store.Tx, h *Hierarchy, f *Folder) error {
	f.Mail, f.MailEnabled, f.MailRecipientGuid = nil, false, ""
	return Update(tx, h, f)
}

// Hierarchy is the whole public folder hierarchy as read in one
// transaction: every folder by EntryId and the children of each.
type Hierarchy struct {
	ByID     map[string]*Folder
	children map[string][]*Folder
}

// Load reads the hierarchy.
func Load(tx *store.Tx) (*Hierarchy, error) {
	h := &Hierarchy{ByID: map[string]*Folder{}, children: map[string][]*Folder{}}
	err := folders.ForEach(tx, "", func(key string, f *Folder) error {
		h.ByID[key] = f
		h.children[f.ParentID] = append(h.children[f.ParentID], f)
		return nil
	})
	h.sortChildren()
	return h, err
}

// Children returns the folders right under the folder id ("" the root),
// by name.
func (h *Hierarchy) Children(id string) []*Folder { return h.children[id] }

// Descendants returns every folder under id, depth first, each folder
// before its children, siblings by name.
func (h *Hierarchy) Descendants(id string) []*Folder {
	var out []*Folder
	var walk func(string)
	walk = func(id string) {
		for _, c := range h.children[id] {
			out = append(out, c)
			walk(c.EntryID)
		}
	}
	walk(id)
	return out
}

// Path returns a folder's path (\Sales\Reports); "\" is the root.
func (h *Hierarchy) Path(f *Folder) string {
	if f == nil {
		return `\`
	}
	var names []string
	for seen := 0; f != nil && seen <= len(h.ByID); seen++ {
		names = append([]string{f.Name}, names...)
		f = h.ByID[f.ParentID]
	}
	return `\` + strings.Join(names, `\`)
}

// reachesRoot reports whether following f's parents ends at the root
// (or at a missing parent) rather than going round a cycle.
func (h *Hierarchy) reachesRoot(f *Folder) bool {
	for steps := 0; f != nil; steps++ {
		if steps > len(h.ByID) {
			return false
		}
		f = h.ByID[f.ParentID]
	}
	return true
}

// ParentPath returns the path of a folder's parent.
func (h *Hierarchy) ParentPath(f *Folder) string { return h.Path(h.ByID[f.ParentID]) }

// Find returns the folder a path names (\Sales\Reports, also without
// the leading backslash), nil and true for the root, and false when no
// folder has that path. Names match without regard to case.
func (h *Hierarchy) Find(path string) (*Folder, bool) {
	path = strings.Trim(strings.TrimSpace(path), `\`)
	if path == "" {
		return nil, true
	}
	var cur *Folder
	parent := ""
	for _, name := range strings.Split(path, `\`) {
		cur = nil
		for _, c := range h.children[parent] {
			if strings.EqualFold(c.Name, name) {
				cur = c
				break
			}
		}
		if cur == nil {
			return nil, false
		}
		parent = cur.EntryID
	}
	return cur, true
}

// NameError refuses a folder name that is empty, too long, holds a
// backslash, or is already a sibling's.
type NameError struct {
	Name, ParentPath string
	Taken            bool
}

func (e *NameError) Error() string {
	if e.Taken {
		return fmt.Sprintf("A public folder with the name '%s' already exists under '%s'.", e.Name, e.ParentPath)
	}
	return fmt.Sprintf("The public folder name '%s' isn't valid: a name has 1 to %d characters and no backslash (\\).", e.Name, MaxNameLength)
}

// ValidName reports whether name can name a public folder.
func ValidName(name string) bool {
	return strings.TrimSpace(name) != "" && len([]rune(name)) <= MaxNameLength && !strings.Contains(name, `\`)
}

// checkPlace refuses f's name where it is: not a valid name, or one a
// sibling has.
func (h *Hierarchy) checkPlace(f *Folder) error {
	parentPath := h.Path(h.ByID[f.ParentID])
	if !ValidName(f.Name) {
		return &NameError{Name: f.Name, ParentPath: parentPath}
	}
	for _, c := range h.children[f.ParentID] {
		if c.EntryID != f.EntryID && strings.EqualFold(c.Name, f.Name) {
			return &NameError{Name: f.Name, ParentPath: parentPath, Taken: true}
		}
	}
	return nil
}

// Create adds a folder under its parent, giving it its EntryId and the
// two permission entries every folder starts with: Default with the
// Author role's rights (authorRights) and Anonymous with none.
func Create(tx *store.Tx, h *Hierarchy, f *Folder, authorRights int) (*Folder, error) {
	if f.ParentID != "" && h.ByID[f.ParentID] == nil {
		return nil, &store.NotFoundError{Kind: "public folder", Key: f.ParentID}
	}
	if err := h.checkPlace(f); err != nil {
		return nil, err
	}
	f.EntryID = entryIDPrefix + strings.ToUpper(strings.ReplaceAll(tx.NewGuid(), "-", "")) + "0000"
	f.Permissions = []Permission{{Holder: HolderDefault, Rights: authorRights}, {Holder: HolderAnonymous}}
	f.WhenCreated, f.WhenChanged = tx.Now(), tx.Now()
	if err := folders.Put(tx, f.EntryID, f); err != nil {
		return nil, err
	}
	h.ByID[f.EntryID] = f
	h.reindex()
	return f, nil
}

// Update stores a changed folder: its name must be valid and free among
// its (possibly new) parent's children, and its parent may not be
// itself or a folder below it.
func Update(tx *store.Tx, h *Hierarchy, f *Folder) error {
	for p, steps := f.ParentID, 0; p != ""; p, steps = h.ByID[p].ParentID, steps+1 {
		if p == f.EntryID || steps > len(h.ByID) {
			return &store.ValidationError{Field: "Path", Message: "A public folder can't be moved under itself or one of its subfolders."}
		}
		if h.ByID[p] == nil {
			return &store.NotFoundError{Kind: "public folder", Key: p}
		}
	}
	if err := h.checkPlace(f); err != nil {
		return err
	}
	f.WhenChanged = tx.Now()
	if err := folders.Put(tx, f.EntryID, f); err != nil {
		return err
	}
	h.reindex()
	return nil
}

// reindex lists the children of each folder again, after a folder moved
// or was renamed.
func (h *Hierarchy) reindex() {
	h.children = map[string][]*Folder{}
	for _, f := range h.ByID {
		h.children[f.ParentID] = append(h.children[f.ParentID], f)
	}
	h.sortChildren()
}

// sortChildren puts each folder's children in name order.
func (h *Hierarchy) sortChildren() {
	for _, list := range h.children {
		sort.Slice(list, func(i, j int) bool {
			a, b := strings.ToLower(list[i].Name), strings.ToLower(list[j].Name)
			if a != b {
				return a < b
			}
			return list[i].EntryID < list[j].EntryID
		})
	}
}

// Delete removes a folder and every folder under it.
func Delete(tx *store.Tx, h *Hierarchy, f *Folder) error {
	for _, d := range append(h.Descendants(f.EntryID), f) {
		if _, err := folders.Delete(tx, d.EntryID); err != nil {
			return err
		}
		delete(h.ByID, d.EntryID)
	}
	h.reindex()
	return nil
}

// HoldsFolders reports whether any folder's content is in the mailbox
// guid.
func HoldsFolders(tx *store.Tx, guid string) (bool, error) {
	found := false
	err := folders.ForEach(tx, "", func(key string, f *Folder) error {
		if strings.EqualFold(f.ContentMailbox, guid) {
			found = true
			return store.ErrStop
		}
		return nil
	})
	return found, err
}

// check reports folders stored under another key, whose parent is gone,
// whose content mailbox is not a public folder mailbox, whose name is
// not valid or taken by a sibling, or that lack the Default and
// Anonymous entries.
func check(tx *store.Tx, report func(store.Finding)) error {
	h, err := Load(tx)
	if err != nil {
		return err
	}
	for key, f := range h.ByID {
		bad := func(msg string) { report(store.Finding{Kind: "publicFolder", Key: key, Message: msg}) }
		if key != f.EntryID {
			bad("stored under another key than its EntryId")
		}
		if f.ParentID != "" && h.ByID[f.ParentID] == nil {
			bad("its parent folder does not exist")
		}
		if !h.reachesRoot(f) {
			bad("its parent folders form a cycle")
		}
		if m, err := directory.GetMailbox(tx, f.ContentMailbox); err != nil || !IsMailbox(m) {
			bad("its content mailbox is not a public folder mailbox")
		}
		if err := h.checkPlace(f); err != nil {
			bad(err.Error())
		}
		if f.Mail != nil {
			if err := directory.CheckRecipientNames(tx, f.Mail.Guid, "", f.Mail.Alias, f.Mail.PrimarySmtpAddress); err != nil {
				bad("its mail recipient: " + err.Error())
			}
			if !slices.Contains(f.Mail.Addresses(), "SMTP:"+f.Mail.PrimarySmtpAddress) {
				bad("its mail recipient's addresses do not hold its primary address as SMTP:")
			}
		}
		if len(f.Permissions) < 2 || f.Permissions[0].Holder != HolderDefault || f.Permissions[1].Holder != HolderAnonymous {
			bad("its client permissions do not start with Default and Anonymous")
		}
	}
	return nil
}
